"""Actor data: the entries of ``lang/<code>/countries.yaml``, ``actors.yaml`` and ``agents.yaml``, checked
(:func:`validate`), and the records of actor mentions. Split out of :mod:`newsevents.actors`, which re-exports
its public names."""
from __future__ import annotations

import functools
import logging
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .langdata import LanguageData, LanguageDataError

log = logging.getLogger(__name__)

SECTORS = frozenset({"", "GOV", "MIL", "COP", "REB", "CVL", "OPP", "PTY", "LEG", "JUD", "MED", "BUS", "LAB",
                     "EDU", "NGO", "REL", "SPY", "HLH", "AGR", "REF", "CRM", "ELI", "UAF", "IGO"})
"""Sector (agent) codes accepted in the data: the CAMEO agent codes used by the PETRARCH Phoenix agents
dictionary (reference/petrarch2/Phoenix.agents.txt) and the PLOVER manual's sector list; ``""`` = the state."""

_BINATIONAL = re.compile(r"^[a-zàâçéèêëîïôûüÿ]{3,}o[-‑][a-zàâçéèêëîïôûüÿ]{4,}$")
"""A compound nationality in one token: a combining form in -o, a hyphen, a demonym ("franco-algérienne")."""

NAMED_KINDS = ("person", "igo", "media", "group", "org", "capital", "country", "region", "contextual")
"""Mention kinds that name an actor (as opposed to ``demonym``, ``agent`` and ``coref``)."""

_KIND_RANK = {"person": 0, "igo": 1, "media": 1, "group": 1, "org": 1, "capital": 2, "country": 3,
              "region": 3, "contextual": 4, "demonym": 5, "agent": 6, "blocked": 7}

_AGENT_ROLES = ("titles", "institutions", "words")

_ARG_DEPS = {"nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:arg", "obl:mod", "obl:agent", "ROOT", "conj",
             "appos", "nmod", "dislocated", "expl:subj", "csubj"}
_CLAUSE_DEPS = {"acl:relcl", "advcl", "ccomp", "parataxis", "conj", "cc", "dislocated", "xcomp", "csubj",
                "reparandum", "discourse", "vocative", "list"}
_INFO_DEPS = {"amod", "nmod", "flat:name", "flat", "flat:foreign", "compound", "appos", "fixed", "nummod",
              "nmod:poss"}
_DE_CASES = {"de", "d'", "du", "des", "d’"}
# Determiners of some people among many ("des Algériens", "plusieurs Iraniens"): civilians, not the state.
_INDEFINITE_PLURAL = {"des", "de", "d'", "d’", "plusieurs", "quelques", "certains", "certaines", "nombreux",
                      "nombreuses"}
_QUANT_WORDS = {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "2": 2, "3": 3, "4": 4, "5": 5}
_SUBJECT_PRONOUNS = {"il", "elle", "ils", "elles"}
_SING_PRONOUNS = {"il", "elle", "lui", "son", "sa", "ses", "celui-ci", "celle-ci", "ce dernier", "cette derniere"}
_PLUR_PRONOUNS = {"ils", "elles", "eux", "leur", "leurs", "ceux-ci", "celles-ci"}
_MASC_PRONOUNS = {"il", "ils", "eux", "celui-ci", "ceux-ci"}
_FEM_PRONOUNS = {"elle", "elles", "celle-ci", "celles-ci"}
_TITLE_KIN = {"chanceliere": "ministre", "chancelier": "ministre"}  # MT slip: "la chancelière" for a minister
_DEFINITE = {"le", "la", "l'", "les"}


@functools.lru_cache(maxsize=262_144)
def fold(text: str) -> str:
    """Case- and accent-insensitive key of a word: NFKD without combining marks, lower case, typographic
    apostrophes and hyphens made ASCII, ``œ``/``æ`` spelt out. ``fold("Élysée") == "elysee"``. Memoised (the
    rules fold the same words and lemmas again and again; a bounded cache, least recently used dropped)."""
    text = (text.replace("’", "'").replace("‘", "'").replace("ʼ", "'").replace("‐", "-").replace("‑", "-")
            .replace("œ", "oe").replace("Œ", "Oe").replace("æ", "ae").replace("Æ", "Ae"))
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


FOLD_MEMO_MAX = 500_000
"""Words a :func:`fold_words` memo holds before it starts afresh."""


def fold_words(tokens, memo: dict[int, str]) -> list[str]:
    """:func:`fold` of the text of each of ``tokens`` (spaCy Tokens, or a Doc), in order. ``memo`` (orth hash ->
    folded text, kept by the caller across Docs of one vocabulary) spares folding a word at every occurrence."""
    if len(memo) > FOLD_MEMO_MAX:
        memo.clear()
    out = []
    for t in tokens:
        word = memo.get(t.orth)
        if word is None:
            word = memo[t.orth] = fold(t.text)
        out.append(word)
    return out


def fold_orths(orths: list[int], strings, memo: dict[int, str]) -> list[str]:
    """:func:`fold_words` from the ORTH ids of a Doc's tokens (``doc.to_array("ORTH")``) and the vocab's
    ``strings``: the same words, with no spaCy Token made."""
    if len(memo) > FOLD_MEMO_MAX:
        memo.clear()
    get = memo.get
    out = [get(o) for o in orths]
    for k, word in enumerate(out):
        if word is None:
            out[k] = memo[orths[k]] = fold(strings[orths[k]])
    return out


def sentence_starts(doc) -> list[int]:
    """Character offset in ``doc`` of the start of each token's sentence (what ``token.sent.start_char``
    gives, in one pass over ``doc.sents``); [] when the Doc has no sentence boundaries."""
    out = [0] * len(doc)
    try:
        for sent in doc.sents:
            out[sent.start:sent.end] = [sent.start_char] * (sent.end - sent.start)
    except ValueError:  # no sentence boundaries
        return []
    return out


# --------------------------------------------------------------------------------------------------------
# dictionary entries


@dataclass(frozen=True, slots=True)
class Role:
    """One dated role of a person or organisation: ``start``/``end`` ISO dates, ``end`` exclusive, None = open."""

    code: str
    sector: str
    title: str = ""
    start: str | None = None
    end: str | None = None

    def covers(self, day: str) -> bool:
        """True when ``day`` (``YYYY-MM-DD``) falls in [start, end)."""
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    def __reduce__(self):
        """Pickled as a constructor call: reading the cached actor table (some 100,000 entries and roles in
        Spanish) is about three times faster than with the dataclass default, which looks up the fields of
        every object."""
        return Role, (self.code, self.sector, self.title, self.start, self.end)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One dictionary entry: ``kind`` (person, igo, media, group, org, capital, country, contextual, demonym,
    agent, blocked), a fixed ``code``/``sector`` or dated ``roles``, the canonical ``name``, and for agents the
    ``role`` (titles, institutions, words, quantifiers, country_nouns, person_nouns) and the word itself."""

    kind: str
    code: str = "---"
    sector: str = ""
    name: str | None = None
    roles: tuple[Role, ...] = ()
    gender: str | None = None
    role: str = ""
    word: str = ""
    when: frozenset[str] = frozenset()

    def __reduce__(self):
        """Pickled as a constructor call (see :meth:`Role.__reduce__`)."""
        return ActorEntry, (self.kind, self.code, self.sector, self.name, self.roles, self.gender, self.role,
                            self.word, self.when)

    def at(self, day: str | None) -> tuple[str, str, str]:
        """(code, sector, title) on ``day``. With no roles: the fixed code and sector. With no date: the latest
        role. Outside every role: the nearest role's code; a person then gets sector ``ELI`` (former office
        holder, as in CAMEO), an organisation keeps the nearest role's sector."""
        if not self.roles:
            return self.code, self.sector, self.word or ""
        if day is None:
            role = max(self.roles, key=lambda r: r.end or "9999")
            return role.code, role.sector, role.title
        for role in self.roles:
            if role.covers(day):
                return role.code, role.sector, role.title
        def distance(r: Role) -> int:
            d = _days(day)
            return min(abs(d - _days(r.start or "0001-01-01")), abs(d - _days(r.end or "9999-12-31")))
        role = min(self.roles, key=distance)
        return role.code, ("ELI" if self.kind == "person" else role.sector), role.title


def _days(day: str) -> int:
    return date.fromisoformat(day).toordinal()


def _iso(value: Any, where: str) -> str | None:
    if value is None:
        return None
    text = value.isoformat() if isinstance(value, date) else str(value)
    try:
        date.fromisoformat(text)
    except ValueError:
        raise LanguageDataError(f"{where}: {value!r} is not an ISO 8601 date (YYYY-MM-DD)") from None
    return text


def _check_code(code: Any, where: str) -> str:
    if not isinstance(code, str) or not (code in ("IGO", "---") or (len(code) == 3 and code.isalpha()
                                                                    and code.isupper())):
        raise LanguageDataError(f"{where}: code {code!r} is not ISO 3166-1 alpha-3, IGO or ---")
    return code


def _check_sector(sector: Any, where: str) -> str:
    sector = sector or ""
    if sector not in SECTORS:
        raise LanguageDataError(f"{where}: unknown sector {sector!r} (expected one of {sorted(SECTORS)})")
    return sector


def _roles(raw: list, where: str) -> tuple[Role, ...]:
    roles = []
    for i, r in enumerate(raw):
        w = f"{where}, role {i + 1}"
        if not isinstance(r, dict) or "code" not in r:
            raise LanguageDataError(f"{w}: expected a mapping with code, sector, start, end")
        role = Role(_check_code(r["code"], w), _check_sector(r.get("sector"), w), str(r.get("title") or ""),
                    _iso(r.get("start"), w), _iso(r.get("end"), w))
        if role.start and role.end and role.end <= role.start:
            raise LanguageDataError(f"{w}: end {role.end} is not after start {role.start}")
        roles.append(role)
    ordered = sorted(roles, key=lambda r: r.start or "")
    for a, b in zip(ordered, ordered[1:]):
        if a.end is None or (b.start is not None and b.start < a.end):
            raise LanguageDataError(f"{where}: roles overlap ({a.start}/{a.end} and {b.start}/{b.end})")
    return tuple(roles)


_PREPOSITIONS = {"de", "du", "des", "d'", "d’", "à", "au", "aux", "en", "la", "le", "l'", "l’", "les", "par", "pour"}


@dataclass(frozen=True)
class ActorGrammar:
    """The closed-class words the actor resolver reads, per language: ``agents.yaml`` ``grammar`` (English...);
    a language without that key gets the French lists of this module (the French data predates the key).
    ``plural``: ``"french"`` (every word up to the first preposition takes the plural, -al -> -aux ...) or
    ``"english"`` (the last word before the first preposition: +s, -y -> -ies, -s/-x/-ch/-sh -> +es).
    ``bare_plural_people``: a plural demonym noun with no determiner is some people of that nationality (CVL),
    as an indefinite plural is ("Palestinians protested"; English has no plural indefinite article).
    ``neighbour_words``: nouns and adjectives of a border ("la frontera con Colombia", "fronterizo con Colombia"):
    a country named as their complement is a neighbour of where the story is, so it does not count towards the
    article's main country (empty by default).
    ``place_cases``: prepositions of a place complement that names who a sector word is when the place is a
    country ("lawmakers in Poland and Hungary": POL LEG and HUN LEG), read on the word itself only (empty by
    default: the country is otherwise the article's main country, a guess).
    ``stance_prefixes``: words joined by a hyphen to a country or demonym that make it a stance, not a
    nationality ("an anti-Syria journalist", "pro-Russia rebels"): such a name gives no country to the noun it
    modifies and does not count towards the article's main country (empty by default).
    ``relational_nouns``: nouns of a relation to their owner ("Israel's militia ally", "the allies of Ukraine"):
    their possessive or "of" complement names the other party, so it gives them no country (empty by default).
    ``pair_pronouns``: a word, or an article and a word, standing alone for the two parties the sentence before
    named ("Les deux ont signé", "Both signed", "Ambos firmaron"; French "les deux" by default)."""

    sing_pronouns: frozenset[str] = frozenset(_SING_PRONOUNS)
    plur_pronouns: frozenset[str] = frozenset(_PLUR_PRONOUNS)
    masc_pronouns: frozenset[str] = frozenset(_MASC_PRONOUNS)
    fem_pronouns: frozenset[str] = frozenset(_FEM_PRONOUNS)
    subject_pronouns: frozenset[str] = frozenset(_SUBJECT_PRONOUNS)  # "il a dit": a mention of its antecedent
    definite: frozenset[str] = frozenset(_DEFINITE)
    indefinite_plural: frozenset[str] = frozenset(_INDEFINITE_PLURAL)
    de_cases: frozenset[str] = frozenset(_DE_CASES)
    quant_words: tuple[tuple[str, int], ...] = tuple(_QUANT_WORDS.items())
    prepositions: frozenset[str] = frozenset(_PREPOSITIONS)
    plural: str = "french"
    bare_plural_people: bool = False
    neighbour_words: frozenset[str] = frozenset()  # "la frontera con Colombia": a neighbour, not the story's place
    place_cases: frozenset[str] = frozenset()  # "lawmakers in Poland": the country of the sector word
    stance_prefixes: frozenset[str] = frozenset()  # "anti-Syria journalist": a stance, not a nationality
    relational_nouns: frozenset[str] = frozenset()  # "Israel's ally": not Israel
    pair_pronouns: frozenset[str] = frozenset({"les deux"})  # "Les deux ont signé": the two parties just named

    def plural_of(self, word: str) -> str:
        """The regular plural of a lemma or phrase in this language (see the class docstring)."""
        return _plural(word, self.prepositions) if self.plural == "french" else _english_plural(word, self.prepositions)


_GRAMMAR_KEYS = {"sing_pronouns", "plur_pronouns", "masc_pronouns", "fem_pronouns", "subject_pronouns", "definite",
                 "indefinite_plural", "de_cases", "prepositions", "neighbour_words", "place_cases",
                 "stance_prefixes", "relational_nouns", "pair_pronouns"}


def grammar_of(data: LanguageData) -> ActorGrammar:
    """The :class:`ActorGrammar` of ``agents.yaml`` (its ``grammar`` mapping: the word lists named in
    ``_GRAMMAR_KEYS``, ``quant_words`` (word -> number) and ``plural``); the French default without it.
    Raises :class:`~newsevents.langdata.LanguageDataError` naming the file and the key for an unknown key or
    a malformed value."""
    raw = data.file("agents").get("grammar")
    if raw is None:
        return ActorGrammar()
    where = f"lang/{data.lang}/agents.yaml: grammar"
    if not isinstance(raw, dict) or set(raw) - _GRAMMAR_KEYS - {"quant_words", "plural", "bare_plural_people"}:
        raise LanguageDataError(f"{where}: expected a mapping with keys among {sorted(_GRAMMAR_KEYS)}, "
                                f"quant_words, plural")
    lists = {}
    for key in _GRAMMAR_KEYS & set(raw):
        if not isinstance(raw[key], list) or not all(isinstance(w, str) for w in raw[key]):
            raise LanguageDataError(f"{where}.{key}: expected a list of words")
        lists[key] = frozenset(fold(w) if key != "prepositions" else w.lower() for w in raw[key])
    quant = raw.get("quant_words") or {}
    if not isinstance(quant, dict) or not all(isinstance(n, int) for n in quant.values()):
        raise LanguageDataError(f"{where}.quant_words: expected a mapping of word -> number")
    if raw.get("plural", "french") not in ("french", "english"):
        raise LanguageDataError(f"{where}.plural: expected french or english")
    return ActorGrammar(**lists, quant_words=tuple((fold(str(w)), n) for w, n in quant.items()),
                        plural=raw.get("plural", "french"), bare_plural_people=bool(raw.get("bare_plural_people")))


def _english_plural(word: str, prepositions) -> str:
    """Regular English plural of a lemma or phrase: the last word before the first preposition takes it
    ("prime minister" -> "prime ministers", "head of state" -> "heads of state"; "army" -> "armies",
    "witness" -> "witnesses")."""
    parts = word.split(" ")
    head = next((i - 1 for i, w in enumerate(parts) if i > 0 and w.lower() in prepositions), len(parts) - 1)
    w = parts[head]
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        parts[head] = w[:-1] + "ies"
    elif w.endswith(("s", "x", "z", "ch", "sh")):
        parts[head] = w + "es"
    else:
        parts[head] = w + "s"
    return " ".join(parts)


def _plural(word: str, prepositions=frozenset(_PREPOSITIONS)) -> str:
    """Regular French plural of a lemma or phrase: every word up to the first preposition or article takes
    the plural (+s; -s/-x/-z unchanged; -al -> -aux; -eau/-au/-eu -> +x): "chef de l'Etat" -> "chefs de
    l'Etat", "casque bleu" -> "casques bleus"."""
    parts = word.split(" ")
    for i, w in enumerate(parts):
        if w.lower() in prepositions or (i > 0 and "'" in w):
            break
        if w.endswith(("s", "x", "z")):
            continue
        if w.endswith("al"):
            parts[i] = w[:-2] + "aux"
        elif w.endswith(("eau", "au")) or (w.endswith("eu") and w not in ("bleu", "pneu")):
            parts[i] = w + "x"
        else:
            parts[i] = w + "s"
    return " ".join(parts)


def validate(data: LanguageData) -> list[tuple[str, ActorEntry]]:
    """Check the three actor files and return (surface form, entry) pairs for the matcher.

    Raises :class:`~newsevents.langdata.LanguageDataError` naming the file and the entry for a missing field,
    a code that is not ISO 3166-1 alpha-3 / ``IGO`` / ``---``, an unknown sector, a date that is not ISO 8601,
    or overlapping roles of one person."""
    return [*_country_entries(data), *_named_actor_entries(data), *_agent_entries(data)]


def _country_entries(data: LanguageData) -> list[tuple[str, ActorEntry]]:
    """(surface form, entry) pairs of ``countries.yaml``: names, demonyms, capitals, regions, blocked words and
    contextual names."""
    out: list[tuple[str, ActorEntry]] = []
    countries = data.file("countries")
    where = f"lang/{data.lang}/countries.yaml"
    for code, entry in (countries.get("countries") or {}).items():
        w = f"{where}: {code}"
        _check_code(code, w)
        if not isinstance(entry, dict) or not entry.get("names"):
            raise LanguageDataError(f"{w}: expected a mapping with a non-empty 'names' list")
        unknown = set(entry) - {"names", "demonyms", "capitals", "regions"}
        if unknown:
            raise LanguageDataError(f"{w}: unknown keys {sorted(unknown)}")
        name = entry["names"][0]
        for n in entry["names"]:
            out.append((n, ActorEntry("country", code, "", name)))
        for n in entry.get("demonyms") or ():
            out.append((n, ActorEntry("demonym", code, "", name)))
        for n in entry.get("capitals") or ():
            out.append((n, ActorEntry("capital", code, "GOV", name)))
        for n in entry.get("regions") or ():
            out.append((n, ActorEntry("region", code, "", name)))
    for n in countries.get("blocked") or ():
        out.append((n, ActorEntry("blocked")))
    for i, c in enumerate(countries.get("contextual") or ()):
        w = f"{where}: contextual {i + 1}"
        code = _check_code(c.get("code"), w)
        when = frozenset(_check_code(x, w) for x in c.get("when") or ())
        for n in c.get("names") or ():
            out.append((n, ActorEntry("contextual", code, "", None, when=when)))
    return out


def _named_actor_entries(data: LanguageData) -> list[tuple[str, ActorEntry]]:
    """(surface form, entry) pairs of ``actors.yaml``: organisations and persons, by name and aliases."""
    out: list[tuple[str, ActorEntry]] = []
    actors = data.file("actors")
    where = f"lang/{data.lang}/actors.yaml"
    for section, default_kind in (("organisations", None), ("persons", "person")):
        for i, e in enumerate(actors.get(section) or ()):
            if not isinstance(e, dict) or not e.get("name"):
                raise LanguageDataError(f"{where}: {section} entry {i + 1}: expected a mapping with a 'name'")
            w = f"{where}: {section} {e['name']!r}"
            kind = default_kind or e.get("kind")
            if kind not in ("igo", "media", "group", "org", "person"):
                raise LanguageDataError(f"{w}: kind {kind!r} is not igo, media, group, org or person")
            if "roles" in e:
                roles = _roles(e["roles"], w)
                entry = ActorEntry(kind, roles[0].code, roles[0].sector, e["name"], roles, e.get("gender"))
            else:
                if kind == "person":
                    raise LanguageDataError(f"{w}: a person needs 'roles'")
                entry = ActorEntry(kind, _check_code(e.get("code"), w), _check_sector(e.get("sector"), w),
                                   e["name"])
            for n in [e["name"], *(e.get("aliases") or ())]:
                out.append((n, entry))
    return out


def _agent_entries(data: LanguageData) -> list[tuple[str, ActorEntry]]:
    """(surface form, entry) pairs of ``agents.yaml``: sector words by role, quantifiers, country and person
    nouns, each in the singular and the plural."""
    out: list[tuple[str, ActorEntry]] = []
    agents = data.file("agents")
    where = f"lang/{data.lang}/agents.yaml"
    plural = grammar_of(data).plural_of
    for sector, groups in (agents.get("sectors") or {}).items():
        _check_sector(sector, f"{where}: {sector}")
        for role in _AGENT_ROLES:
            for word in (groups or {}).get(role) or ():
                entry = ActorEntry("agent", "---", sector, None, role=role, word=fold(word))
                out.append((word, entry))
                out.append((plural(word), entry))
    for role in ("quantifiers", "country_nouns", "person_nouns"):
        for word in agents.get(role) or ():
            entry = ActorEntry("agent", "---", "", None, role=role, word=fold(word))
            out.append((word, entry))
            out.append((plural(word), entry))
    return out


def known_names(data: LanguageData) -> Iterable[str]:
    """Proper names of the language data (countries, capitals, persons, organisations, groups) as written in
    the files, capitalised ones only: used by :func:`newsevents.cleanup.clean_text` to repair machine-
    translation glue ("Kim Jong Unlors")."""
    def build(d: LanguageData) -> tuple[str, ...]:
        names = {n for n, e in validate(d) if e.kind in NAMED_KINDS and n[:1].isupper()}
        return tuple(sorted(names))

    return data.cached("actor_known_names", lambda d: _disk_cached(d, "names", build))


def _disk_cached(data: LanguageData, name: str, build):
    """``build(data)`` (a tuple), kept in the cache directory as ``actor-<name>-<lang>-<checksum>-<digest>``:
    keyed by the language data's checksum and this module's source (a change of either builds afresh; no cache
    when the source is not shipped; :func:`newsevents.diskcache.cached_build`). Spares validating the whole
    dictionary (0.4 s in Spanish) at every start for the names of the glue repair."""
    import sys

    from .diskcache import cached_build

    return cached_build(f"actor-{name}-{data.lang}-{data.checksum}", (sys.modules[__name__],),
                        lambda: build(data), tuple)


# --------------------------------------------------------------------------------------------------------
# mentions and the resolver


@dataclass(frozen=True, slots=True)
class Mention:
    """One actor mention in a parsed doc: tokens [start, end) of the spaCy Doc; characters
    [char_start, char_end) of the article text; the resolved ``code``/``sector`` (persons by publication date);
    the canonical ``name`` when known (persons and organisations); ``kind`` one of country, demonym, capital,
    region, person, igo, media, group, org (a state body or company named by its own name: Pentagone,
    Gazprom), agent (a sector word: code ``---`` until its phrase is resolved), coref (a subject pronoun,
    with its antecedent's code)."""

    start: int
    end: int
    char_start: int
    char_end: int
    code: str
    sector: str
    name: str | None
    kind: str


@dataclass(slots=True)
class _Referent:
    """An actor mentioned in the article, a candidate antecedent for pronouns and bare titles."""

    char_start: int
    char_end: int
    code: str
    sector: str
    name: str | None
    kind: str  # person | title | country | org | group
    number: str  # Sing | Plur | ""
    gender: str  # Masc | Fem | ""
    subject: bool
    sent_start: int
    title: str = ""


@dataclass(slots=True)
class _DocInfo:
    doc: Any
    offset: int
    mentions: list[Mention]
    by_token: dict[int, Mention]
    entries: dict[int, ActorEntry]  # mention start token -> entry
    orths: list[int] = field(default_factory=list)
    """The ORTH id (hash of the text) of each token, read once with ``doc.to_array``: no Token objects made."""
    sent_starts: list[int] | None = None
    """Character offset in the Doc of each token's sentence start, filled when first needed
    (:func:`sentence_starts`)."""
