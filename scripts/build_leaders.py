"""Build the dated table of heads of state and government and foreign ministers for English and Spanish,
``src/newsevents/lang/{en,es}/actors.leaders.yaml``, from the persons of the hand-curated French table
``lang/fr/actors.yaml``.

    python scripts/build_leaders.py [--check]

Why from the French table: the reference dictionaries in ../shared/reference stop in January 2014 (PETRARCH 2's
Phoenix.Countries.actors.txt is generated from CountryInfo.140130; UniversalPetrarch's Spanish actors are of
2018 but list few leaders after 2014), so they have no Sánchez, Scholz, Meloni, Milei or Modi as heads of
government; their dated leader records up to 2014 are already in ``actors.petrarch.yaml`` of both languages.
The French table (public facts: names, offices and terms of office) holds every head of state or government
and foreign minister the project knows with ISO dates, so a document's date picks the right office holder.

Kept: every person with at least one role whose title is a head of state or government or a foreign minister
(:data:`LEADER_TITLES`), with all their roles, titles translated by :data:`TITLES` (other titles left empty).
Left out: persons the language's hand-written ``actors.yaml`` already names (it wins); aliases that start with
a lower-case word (French titles: "roi Abdallah"); names the language's countries, agents or hand-written
actors already have; single-word names of :data:`COMMON_WORDS` (words of the language that a capital at the
start of a sentence would make look like a name). Surnames used alone ("Sánchez visitó Rabat") are the aliases of
the French table, curated there (a surname that is a common word or shared, "May", "Costa", "Khan", is left
out). ``--check`` writes nothing and exits 1 when a file would change.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsevents.actor_data import fold  # noqa: E402
from newsevents.petrarch.yaml_out import dump  # noqa: E402

LANG = ROOT / "src" / "newsevents" / "lang"

HEAD_TITLES = {"président", "présidente", "premier ministre", "première ministre", "chancelier", "chancelière",
               "président du gouvernement", "présidente du gouvernement", "président du Conseil",
               "présidente du Conseil", "chef du gouvernement", "roi", "reine", "émir", "guide suprême",
               "président de la transition", "président par intérim", "chef de la junte", "chef de l'exécutif",
               "président du Conseil présidentiel", "président du présidium", "dirigeant"}
"""French titles (lang/fr/actors.yaml) of a head of state or government."""

LEADER_TITLES = HEAD_TITLES | {"ministre des affaires étrangères", "secrétaire d'Etat", "secrétaire d'État",
                               "chef de la diplomatie"}
"""French titles of the persons kept: heads of state or government and foreign ministers."""

TITLES = {
    "président": ("president", "presidente"), "présidente": ("president", "presidenta"),
    "premier ministre": ("prime minister", "primer ministro"),
    "première ministre": ("prime minister", "primera ministra"),
    "chancelier": ("chancellor", "canciller"), "chancelière": ("chancellor", "canciller"),
    "président du gouvernement": ("prime minister", "presidente del Gobierno"),
    "présidente du gouvernement": ("prime minister", "presidenta del Gobierno"),
    "président du Conseil": ("prime minister", "presidente del Consejo de Ministros"),
    "présidente du Conseil": ("prime minister", "presidenta del Consejo de Ministros"),
    "chef du gouvernement": ("head of government", "jefe del Gobierno"),
    "roi": ("king", "rey"), "reine": ("queen", "reina"), "émir": ("emir", "emir"),
    "prince héritier": ("crown prince", "príncipe heredero"), "guide suprême": ("supreme leader", "líder supremo"),
    "président de la transition": ("transitional president", "presidente de transición"),
    "président par intérim": ("interim president", "presidente interino"),
    "chef de la junte": ("junta leader", "jefe de la junta"),
    "dirigeant": ("leader", "líder"),
    "ministre des affaires étrangères": ("foreign minister", "ministro de Asuntos Exteriores"),
    "chef de la diplomatie": ("foreign minister", "ministro de Asuntos Exteriores"),
    "secrétaire d'Etat": ("secretary of state", "secretario de Estado"),
    "secrétaire d'État": ("secretary of state", "secretario de Estado"),
    "ministre de la défense": ("defense minister", "ministro de Defensa"),
    "vice-président": ("vice president", "vicepresidente"), "vice-présidente": ("vice president", "vicepresidenta"),
}
"""French title -> (English, Spanish) title; used by the coreference of a later title ("the president")."""

COMMON_WORDS = {
    "en": {"ban", "moon", "may", "rice", "brown", "bush", "church", "price", "king", "young", "white", "black",
           "wade", "li", "kan", "ross", "rose", "gates", "long", "hope", "grant", "major", "powell", "case"},
    "es": {"ban", "moon", "rey", "rico", "blanco", "leal", "paz", "santos", "mayor", "castillo", "vera", "luna",
           "leon", "león", "cruz", "rosa", "prado", "salvador", "mata", "toro", "costa", "vaca", "mesa", "li",
           "barco", "campo", "arias"},
}
"""Single-word names left out per language: common words or names that would match something else."""

def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _taken(lang: str) -> set[str]:
    """Folded names the language's countries, agents and hand-written actors already have."""
    out: set[str] = set()
    countries = _load(LANG / lang / "countries.yaml")
    for entry in (countries.get("countries") or {}).values():
        for key in ("names", "demonyms", "capitals", "regions"):
            out.update(fold(n) for n in entry.get(key) or ())
    agents = _load(LANG / lang / "agents.yaml")
    for value in agents.values():
        if isinstance(value, dict):
            for words in value.values():
                if isinstance(words, list):
                    out.update(fold(w) for w in words if isinstance(w, str))
        elif isinstance(value, list):
            out.update(fold(w) for w in value if isinstance(w, str))
    return out


def _hand_persons(lang: str) -> set[str]:
    actors = _load(LANG / lang / "actors.yaml")
    out: set[str] = set()
    for section in ("organisations", "persons"):
        for e in actors.get(section) or ():
            out.update(fold(n) for n in [e["name"], *(e.get("aliases") or ())])
    return out


def build(lang: str) -> str:
    """The text of ``lang/<lang>/actors.leaders.yaml``."""
    index = {"en": 0, "es": 1}[lang]
    fr = _load(LANG / "fr" / "actors.yaml")
    taken, hand = _taken(lang), _hand_persons(lang)
    persons = [p for p in fr["persons"] if any(r.get("title") in LEADER_TITLES for r in p["roles"])]
    out, dropped = [], Counter()
    seen: set[str] = set()
    for p in persons:
        names = [p["name"], *(p.get("aliases") or ())]
        if any(fold(n) in hand for n in names):
            dropped["already in the hand-written actors.yaml"] += 1
            continue
        kept = []
        for n in names:
            f = fold(n)
            if n[:1].islower():
                dropped["alias starting with a lower-case word"] += 1
            elif f in taken or f in hand or f in seen:
                dropped["name the language already has"] += 1
            elif " " not in n and f in COMMON_WORDS[lang]:
                dropped["common word"] += 1
            else:
                kept.append(n)
                seen.add(f)
        if not kept:
            dropped["person left with no name"] += 1
            continue
        roles = []
        for r in p["roles"]:
            role = {"code": r["code"], "sector": r.get("sector") or ""}
            title = TITLES.get(r.get("title") or "")
            if title:
                role["title"] = title[index]
            for key in ("start", "end"):
                if r.get(key) is not None:
                    role[key] = str(r[key])
            roles.append(role)
        entry = {"name": kept[0], "aliases": kept[1:]} if len(kept) > 1 else {"name": kept[0]}
        if p.get("gender"):
            entry["gender"] = p["gender"]
        entry["roles"] = roles
        out.append(entry)
    source = (
        "Generated by scripts/build_leaders.py from the persons of lang/fr/actors.yaml (curated by hand for "
        "newsevents from public facts: names, offices and terms of office) who were heads of state or government "
        "or foreign ministers, with all their dated roles (ISO 8601 `start`, exclusive `end`, none while in "
        "office), titles translated. The reference dictionaries (../shared/reference: PETRARCH 2 "
        "Phoenix.Countries.actors.txt, generated from CountryInfo.140130, dated records up to January 2014; "
        "NGEC countries.csv, no persons) stop before most current leaders; their dated leaders up to 2014 are in "
        "actors.petrarch.yaml, merged after this file. Date range of the roles: "
        f"{min(str(r['start']) for e in out for r in e['roles'] if r.get('start'))} to today. "
        f"{len(out)} persons kept; left out: "
        + "; ".join(f"{n} {k}" for k, n in sorted(dropped.items())) + ". Do not edit: rebuild.")
    comments = ["persons: {name, aliases, gender (m|f), roles: [{code, sector, title, start, end}]} (see "
                "lang/fr/actors.yaml)"]
    return dump(source, comments, {"persons": out})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 when a file would change")
    args = ap.parse_args(argv)
    changed = 0
    for lang in ("en", "es"):
        path = LANG / lang / "actors.leaders.yaml"
        text = build(lang)
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old != text:
            changed += 1
            if not args.check:
                path.write_text(text, encoding="utf-8")
            print(f"{'would change' if args.check else 'wrote'} {path.relative_to(ROOT)}")
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
