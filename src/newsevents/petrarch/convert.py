"""Turn PETRARCH dictionary records into the YAML entries of a newsevents language pack
(``lang/<code>/actors.yaml``, ``agents.yaml``, ``countries.yaml`` names, ``verbs_*.yaml``), the formats of the
French pack (see the comments at the top of each French file).

Used by ``scripts/build_lang_from_petrarch.py`` and ``newsevents dictionaries import``. Every function returns
the entries it made and a :class:`Tally` of what it left out and why.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..actor_data import SECTORS, fold
from .actors import Actor
from .agents import Agent

NON_STATE = {"IGO": ("IGO", ""), "IMG": ("---", "REB"), "NGO": ("---", "NGO"), "NGM": ("---", "NGO"),
             "MNC": ("---", "BUS")}
"""CAMEO codes of actors without a state, first in a code: the (code, sector) they get here. ``IMG``
(international militarised group) is --- REB as transnational armed groups are in the French pack."""

SECTOR_OF = {**{s: s for s in SECTORS if s}, "CHR": "REL", "MUS": "REL", "MOS": "REL", "JEW": "REL",
             "HIN": "REL", "BUD": "REL", "HRI": "NGO", "ENV": "NGO", "NGM": "NGO", "MNC": "BUS"}
"""CAMEO agent (sector) codes and the newsevents sector they map to: the sectors themselves, religions as REL,
human-rights and environmental groups as NGO, multinationals as BUS (CAMEO codebook, actor chapter)."""

_LATER_SECTOR_OF = {**SECTOR_OF, "CIV": "CVL"}
"""After the first part, also TABARI's CIV (civilians) as CVL: first, CIV is Côte d'Ivoire."""

_UNMATCHABLE = re.compile(r"[()\[\]{}+$%&!<>=|*#;\\/\t]")


@dataclass
class Tally:
    """Counts of what a conversion did: ``kept`` entries and ``skipped[reason]`` entries (or names)."""

    kept: int = 0
    skipped: Counter = field(default_factory=Counter)

    def skip(self, reason: str, n: int = 1) -> None:
        """Count ``n`` entries left out for ``reason``."""
        self.skipped[reason] += n


def split_code(code: str, countries: frozenset[str] | None = None) -> tuple[str, str] | None:
    """(code, sector) of a PETRARCH actor code read in 3-letter parts: the first part is ``IGO`` or a non-state
    code of :data:`NON_STATE`, a country of ``countries`` (ISO 3166-1 alpha-3), a sector alone (``ELI`` ->
    ``("---", "ELI")``), or, when no ``countries`` are given, any other country code; the sector is the first
    later part that maps to one (``AFGGOVBUS`` -> ``("AFG", "GOV")``, ``IGOUNO`` -> ``("IGO", "")``). None
    when the first part is none of these."""
    parts = [code[i:i + 3] for i in range(0, len(code), 3)]
    if not parts or len(parts[0]) != 3 or not parts[0].isalpha():
        return None
    first = parts[0]
    if first in NON_STATE:
        country, sector = NON_STATE[first]
    elif countries is not None and first in countries:  # MUS is Mauritius before Muslims
        country, sector = first, ""
    elif first in SECTOR_OF:
        country, sector = "---", SECTOR_OF[first]
    elif countries is None:
        country, sector = first, ""
    else:
        return None
    if not sector:
        sector = next((_LATER_SECTOR_OF[p] for p in parts[1:] if p in _LATER_SECTOR_OF), "")
    return country, sector


def display_case(name: str, stop_words: frozenset[str] = frozenset()) -> str:
    """A dictionary phrase (upper case) as news writes it, which the actor matcher's case rules need. A single
    word of 3 letters or fewer, without vowels or with a dot stays in capitals (an acronym: "UN", "NLD").
    In longer phrases, the language's ``stop_words`` (lower case) are written in lower case (any case
    matches: "of", "the"), words of 2 letters, words without vowels or with a dot in capitals, and other
    words capitalised at each hyphen ("KI-MOON" -> "Ki-Moon")."""
    words = name.split()

    def vowel(w: str) -> bool:
        return any(c in "AEIOUYÁÉÍÓÚ" for c in w.upper())

    if len(words) == 1:
        w = words[0]
        if sum(c.isalpha() for c in w) <= 3 or not vowel(w) or "." in w:
            return w.upper()
    out = []
    for w in words:
        if w.lower() in stop_words and len(words) > 1:
            out.append(w.lower())
        elif len(words) > 1 and (sum(c.isalpha() for c in w) <= 2 or not vowel(w) or "." in w):
            out.append(w.upper())
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(out)


def usable_name(name: str) -> bool:
    """False for a phrase that can never be a run of news tokens: brackets or PETRARCH operators left in it,
    no letter at all, or a single letter."""
    return (not _UNMATCHABLE.search(name) and any(c.isalpha() for c in name)
            and len(name.replace(" ", "")) > 1)


def _timeline(actor: Actor) -> list[tuple[str, str | None, str | None]]:
    """Non-overlapping (code, start, end) pieces with ``end`` exclusive (None = open): at each date the first
    listed restriction that covers it wins (PETRARCH's order), else the default code; a date covered by
    neither has no piece. PETRARCH's inclusive ends become the next day."""
    def shift(day: str, days: int) -> str:
        return (date.fromisoformat(day) + timedelta(days=days)).isoformat()

    bounds = sorted({b for r in actor.roles for b in (r.start, shift(r.end, 1) if r.end else None) if b})
    cuts: list[str | None] = [None, *bounds, None]
    pieces: list[tuple[str, str | None, str | None]] = []
    for start, end in zip(cuts, cuts[1:]):
        probe = start if start is not None else (shift(end, -1) if end is not None else None)
        code = next((r.code for r in actor.roles if probe is not None
                     and (r.start is None or r.start <= probe) and (r.end is None or probe <= r.end)), actor.code)
        if code is None:
            continue
        if pieces and pieces[-1][0] == code and pieces[-1][2] == start:
            pieces[-1] = (code, pieces[-1][1], end)
        else:
            pieces.append((code, start, end))
    return pieces


def _kind(code: str, sector: str) -> str:
    if code == "IGO":
        return "igo"
    return {"MED": "media", "REB": "group", "CRM": "group"}.get(sector, "org")


def _mapped_pieces(actor: Actor, countries: frozenset[str] | None, tally: Tally) -> list[tuple]:
    """The actor's timeline as (code, sector, start, end) with its codes mapped; unmappable pieces dropped."""
    out: list[tuple] = []
    for code, start, end in _timeline(actor):
        mapped = split_code(code, countries)
        if mapped is None:
            tally.skip("date range or default whose code is not a known country, IGO, non-state or sector code")
            continue
        if out and out[-1][:2] == mapped and out[-1][3] == start:
            out[-1] = (*mapped, out[-1][2], end)
        else:
            out.append((*mapped, start, end))
    return out


def _compact(entry: dict) -> dict:
    """The entry without its empty optional fields (no aliases, sector "", open dates): the loaders read a
    missing field as empty, and the generated files stay small."""
    return {k: v for k, v in entry.items() if v not in ([], "", None)}


def convert_actors(actors: Iterable[Actor], countries: frozenset[str] | None, taken: set[str],
                   tally: Tally, stop_words: frozenset[str] = frozenset()
                   ) -> tuple[list[dict], list[dict], dict[str, list[str]]]:
    """(organisations, persons, country names) of the French ``actors.yaml`` / ``countries.yaml`` formats.

    A record with dated roles becomes a person (``roles`` with ISO dates, ``end`` exclusive); one with a
    single code whose sector is empty and whose code is a country adds its names to that country; any other
    a organisation (kind igo, media, group or org by code and sector). Names that can never match news
    tokens (:func:`usable_name`) and names already in ``taken`` (folded; updated here) are dropped; a record
    left without a name or a mappable code is counted in ``tally``. Names are cased by :func:`display_case`
    with the language's ``stop_words``."""
    organisations: list[dict] = []
    persons: list[dict] = []
    country_names: dict[str, list[str]] = {}
    for actor in actors:
        names = []
        for raw in actor.names:
            name = display_case(raw, stop_words)
            if _claim(raw, name, taken, tally,
                      "names that can never match news tokens (brackets, operators, no letter)",
                      "names already given to an earlier record (first record wins)"):
                names.append(name)
        pieces = _mapped_pieces(actor, countries, tally)
        if not names or not pieces:
            tally.skip("records left with no usable name" if not names else "records with no mappable code")
            continue
        tally.kept += 1
        if len(pieces) == 1 and pieces[0][2:] == (None, None):
            code, sector = pieces[0][:2]
            if not sector and code not in ("IGO", "---"):
                country_names.setdefault(code, []).extend(names)
            else:
                organisations.append(_compact({"name": names[0], "aliases": names[1:], "code": code,
                                               "sector": sector, "kind": _kind(code, sector)}))
            continue
        roles = [_compact({"code": c, "sector": s, "start": a, "end": b}) for c, s, a, b in pieces]
        persons.append(_compact({"name": names[0], "aliases": names[1:], "roles": roles}))
    return organisations, persons, country_names


def _claim(raw: str, shown: str, taken: set[str], tally: Tally, unusable: str, repeated: str) -> bool:
    """Whether ``shown`` (how the dictionary entry ``raw`` will be written) is a usable name no earlier record
    took: if so it is added to ``taken``; if not, the reason (``unusable`` or ``repeated``) is counted in
    ``tally``."""
    key = fold(shown)
    if not usable_name(raw):
        tally.skip(unusable)
    elif key in taken:
        tally.skip(repeated)
    else:
        taken.add(key)
        return True
    return False


def convert_agents(agents: Iterable[Agent], taken: set[str], tally: Tally) -> dict[str, list[str]]:
    """Sector -> words (lower case, plurals included) for ``agents.yaml`` ``sectors.<CODE>.words``: the
    sector is the first 3-letter part of the agent code mapped by :data:`SECTOR_OF` (``GOVFRM`` -> GOV,
    ``CHRCPT`` -> REL). Agents with another code, unusable words and words already in ``taken`` are counted
    in ``tally`` and left out."""
    sectors: dict[str, list[str]] = {}
    for agent in agents:
        sector = SECTOR_OF.get(agent.code[:3])
        if sector is None:
            tally.skip(f"agents whose code is no newsevents sector ({agent.code[:3]})")
            continue
        words = []
        for word in agent.words:
            if _claim(word, word, taken, tally, "agent words that can never match news tokens",
                      "agent words already given to an earlier record (first record wins)"):
                words.append(word.lower())
        if words:
            tally.kept += 1
            sectors.setdefault(sector, []).extend(words)
    return sectors
