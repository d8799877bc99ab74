"""Actor dictionaries and actor resolution: who is named, and which country and sector they stand for.

Data: ``lang/<code>/countries.yaml`` (country names, demonyms, capitals and seats of power),
``lang/<code>/actors.yaml`` (organisations, media, armed groups, persons with dated roles) and
``lang/<code>/agents.yaml`` (sector words: "ministre" -> GOV, "armée" -> MIL ...). Each file's ``source`` key
says where its entries come from.

Use:

    resolver = ActorResolver(load_language("fr"))       # once: builds the matcher
    context = resolver.article("2024-01-21")            # once per article: holds coreference state
    context.add_doc(doc, offset)                         # every parsed chunk, in text order
    context.resolve(token)                               # -> tuple[Entity, ...] for the NP headed by token
    context.modifier_actors(event_noun)                  # "les frappes russes" -> (RUS,)

Codes are ISO 3166-1 alpha-3 (plus KSV, as CAMEO), ``IGO`` or ``---``; sectors are CAMEO/PLOVER agent codes
(:data:`SECTORS`) or ``""`` for a state as a whole. Token indices are those of the spaCy Doc; character
offsets are 0-based, end-exclusive, into the article text (the chunk's offset added). Dates are ISO 8601.

Matching is case- and accent-insensitive (:func:`fold`) on the Doc's own tokens, with one spaCy
``PhraseMatcher`` built once per language; names written with a capital in the data only match capitalised
words, and acronyms only match upper-case words, so "Grenade" never matches "une grenade".
"""
from __future__ import annotations

import functools
import logging
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from .langdata import LanguageData, LanguageDataError
from .records import Entity

log = logging.getLogger(__name__)

__all__ = ["ActorResolver", "ArticleActors", "Mention", "SECTORS", "fold", "known_names", "validate"]

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
_SING_PRONOUNS = {"il", "elle", "lui", "son", "sa", "ses", "celui-ci", "celle-ci", "ce dernier", "cette derniere"}
_PLUR_PRONOUNS = {"ils", "elles", "eux", "leur", "leurs", "ceux-ci", "celles-ci"}
_MASC_PRONOUNS = {"il", "ils", "eux", "celui-ci", "ceux-ci"}
_FEM_PRONOUNS = {"elle", "elles", "celle-ci", "celles-ci"}
_TITLE_KIN = {"chanceliere": "ministre", "chancelier": "ministre"}  # MT slip: "la chancelière" for a minister
_DEFINITE = {"le", "la", "l'", "les"}


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case- and accent-insensitive key of a word: NFKD without combining marks, lower case, typographic
    apostrophes and hyphens made ASCII, ``œ``/``æ`` spelt out. ``fold("Élysée") == "elysee"``."""
    text = (text.replace("’", "'").replace("‘", "'").replace("ʼ", "'").replace("‐", "-").replace("‑", "-")
            .replace("œ", "oe").replace("Œ", "Oe").replace("æ", "ae").replace("Æ", "Ae"))
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


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


def _plural(word: str) -> str:
    """Regular French plural of a lemma or phrase: every word up to the first preposition or article takes
    the plural (+s; -s/-x/-z unchanged; -al -> -aux; -eau/-au/-eu -> +x): "chef de l'Etat" -> "chefs de
    l'Etat", "casque bleu" -> "casques bleus"."""
    parts = word.split(" ")
    for i, w in enumerate(parts):
        if w.lower() in _PREPOSITIONS or (i > 0 and "'" in w):
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
    lang = data.lang
    out: list[tuple[str, ActorEntry]] = []
    countries = data.file("countries")
    where = f"lang/{lang}/countries.yaml"
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

    actors = data.file("actors")
    where = f"lang/{lang}/actors.yaml"
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

    agents = data.file("agents")
    where = f"lang/{lang}/agents.yaml"
    for sector, groups in (agents.get("sectors") or {}).items():
        _check_sector(sector, f"{where}: {sector}")
        for role in _AGENT_ROLES:
            for word in (groups or {}).get(role) or ():
                entry = ActorEntry("agent", "---", sector, None, role=role, word=fold(word))
                out.append((word, entry))
                out.append((_plural(word), entry))
    for role in ("quantifiers", "country_nouns", "person_nouns"):
        for word in agents.get(role) or ():
            entry = ActorEntry("agent", "---", "", None, role=role, word=fold(word))
            out.append((word, entry))
            out.append((_plural(word), entry))
    return out


def known_names(data: LanguageData) -> Iterable[str]:
    """Proper names of the language data (countries, capitals, persons, organisations, groups) as written in
    the files, capitalised ones only: used by :func:`newsevents.cleanup.clean_text` to repair machine-
    translation glue ("Kim Jong Unlors")."""
    def build(d: LanguageData) -> tuple[str, ...]:
        names = {n for n, e in validate(d) if e.kind in NAMED_KINDS and n[:1].isupper()}
        return tuple(sorted(names))

    return data.cached("actor_known_names", build)


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


class ActorResolver:
    """Actor dictionaries of one language, compiled once into a spaCy ``PhraseMatcher`` on folded words.

    ``data`` is the loaded :class:`~newsevents.langdata.LanguageData`; patterns are tokenized with the blank
    spaCy pipeline of that language (the same tokenizer rules as its trained pipelines).
    ``main_country_fallback``: a sector word with no country in its phrase and no antecedent ("des
    manifestants", "les soldats") takes the article's main country (:meth:`ArticleActors.main_country`);
    when False it stays ``---``. The gold sets code such actors with the country the article is about.
    ``nlp``: a loaded pipeline of the same language whose tokenizer and vocab to reuse (saves building a blank
    one, about 4 s of regex compilation for French). Raises
    :class:`~newsevents.langdata.LanguageDataError` when a file is invalid (see :func:`validate`)."""

    def __init__(self, data: LanguageData, *, main_country_fallback: bool = True, nlp=None):
        import spacy
        from spacy.matcher import PhraseMatcher
        from spacy.tokens import Doc

        self.data = data
        self.lang = data.lang
        self.main_country_fallback = main_country_fallback
        self.led_by_verbs = frozenset(fold(w) for w in data.file("agents").get("led_by_verbs") or ())
        self._nlp = nlp if nlp is not None else spacy.blank(data.lang)
        self.vocab = self._nlp.vocab
        self._Doc = Doc
        pairs = validate(data)
        self._candidates: dict[tuple[str, ...], list[tuple[ActorEntry, str]]] = {}
        for surface, entry in pairs:
            surface = unicodedata.normalize("NFC", surface.strip())
            if not surface:
                continue
            tokens = self._nlp.make_doc(surface)
            key = tuple(fold(t.text) for t in tokens)
            if surface.isupper() and len(surface) > 1:
                case = "upper"
            else:  # which words must be capitalised: "Le Monde" is not "le monde"
                case = "".join("T" if t.text[:1].isupper() else "." for t in tokens)
                if len(tokens) > 1 and fold(tokens[0].text) in ("le", "la", "les", "l'") and "T" in case[1:]:
                    case = "." + case[1:]  # "le Caire" in running text, "Le Caire" in the list
                case = case if "T" in case else ""
            bucket = self._candidates.setdefault(key, [])
            if (entry, case) not in bucket:
                bucket.append((entry, case))
        for bucket in self._candidates.values():
            bucket.sort(key=lambda ec: _KIND_RANK[ec[0].kind])
        self._keys = list(self._candidates)
        self.office_words = frozenset(fold(w) for w in data.file("agents").get("office_words") or ())
        self.person_nouns = frozenset(fold(w) for w in data.file("agents").get("person_nouns") or ())
        """Lemmas (folded) of agents.yaml ``office_words``: a function in a body, whose holder belongs to the
        sector of the body named in its "de" complement ("un porte-parole de l'armée" -> MIL)."""
        self._matcher = PhraseMatcher(self.vocab, attr="ORTH")
        for n, key in enumerate(self._keys):
            self._matcher.add(str(n), [Doc(self.vocab, words=list(key))])
        log.debug("actor matcher: %d surface forms", len(self._keys))

    def article(self, published: str | None) -> "ArticleActors":
        """A fresh per-article context; ``published`` (ISO 8601 date or None) chooses persons' roles."""
        return ArticleActors(self, published)

    def _match(self, doc) -> list[tuple[int, int, list[tuple[ActorEntry, str]]]]:
        words = [fold(t.text) or " " for t in doc]
        folded = self._Doc(self.vocab, words=words)
        out = []
        for match_id, start, end in self._matcher(folded):
            key = self._keys[int(self.vocab.strings[match_id])]
            out.append((start, end, self._candidates[key]))
        return out


def _case_ok(tokens, case: str) -> bool:
    """``case`` is "" (any case), "upper" (an acronym: the first word in capitals) or one letter per word,
    "T" where the word must start with a capital."""
    first = tokens[0].text
    if case == "upper":
        return any(c.isalpha() for c in first) and first.isupper()
    return all(flag != "T" or tok.text[:1].isupper() for flag, tok in zip(case, tokens))


class ArticleActors:
    """Actor mentions and coreference state of one article. Call :meth:`add_doc` for every parsed chunk in
    text order, then :meth:`resolve` / :meth:`modifier_actors` / :meth:`mentions_in` on their tokens."""

    def __init__(self, resolver: ActorResolver, published: str | None):
        self.resolver = resolver
        self.published = published[:10] if published and len(published) >= 10 else (
            (published + "-01-01")[:10] if published and len(published) == 4 else
            (published + "-01")[:10] if published and len(published) == 7 else None)
        self._docs: dict[int, _DocInfo] = {}
        self._referents: list[_Referent] = []
        self._learned: dict[tuple[str, ...], ActorEntry] = {}
        self._codes_seen: set[str] = set()
        self._main: tuple[str, ...] | None = None
        self._code_counts: dict[str, list[int]] = {}
        self.guessed: set[tuple[int, int]] = set()
        """Spans of entities whose country is a guess (the country last named, the article's main country),
        not a signal in their own words."""

    # -- mentions ------------------------------------------------------------------------------------------

    def add_doc(self, doc, offset: int = 0) -> list[Mention]:
        """Find all actor mentions in ``doc`` (a parsed chunk whose first character is at ``offset`` in the
        article) and record its actors as antecedents. Returns the mentions in token order."""
        info = _DocInfo(doc, offset, [], {}, {})
        self._docs[id(doc)] = info
        found: list[tuple[int, int, ActorEntry]] = []
        for start, end, cands in self.resolver._match(doc):
            for entry, case in cands:
                if not _case_ok(doc[start:end], case):
                    continue
                if entry.kind == "agent" and end - start == 1 and (
                        doc[start].dep_ == "amod" or doc[start].pos_ in ("VERB", "AUX", "ADV")):
                    continue  # "opération militaire": an adjective, not the sector noun
                found.append((start, end, entry))
                break
        found.extend(self._learned_matches(doc))
        # names win over sector words they overlap ("président de la République centrafricaine"), then longer
        # matches over shorter ones
        found.sort(key=lambda m: (m[2].kind == "agent", -(m[1] - m[0]), _KIND_RANK[m[2].kind], m[0]))
        taken: set[int] = set()
        chosen = []
        for start, end, entry in found:
            if any(i in taken for i in range(start, end)):
                continue
            taken.update(range(start, end))
            chosen.append((start, end, entry))
        chosen.sort(key=lambda m: m[:2])
        # "le Nord" is North Korea only in an article that speaks of Korea (anywhere in it)
        present = self._codes_seen | {e.code for _, _, e in chosen if e.kind not in ("contextual", "blocked")}
        for start, end, entry in chosen:
            if entry.kind == "blocked" or (entry.kind == "contextual" and not (entry.when & present)):
                continue
            self._add_mention(info, start, end, entry)
        if not doc.has_annotation("DEP"):  # no parse: names only, no apposition, coreference or referents
            log.debug("add_doc: the Doc has no dependency parse; only dictionary names are found")
            return list(info.mentions)
        self._learn_persons(info)
        for start, end, entry in self._learned_matches(doc):  # names learned in this very chunk
            if not any(i in info.by_token for i in range(start, end)):
                self._add_mention(info, start, end, entry)
        self._collect_referents(info)
        for tok in doc:  # subject pronouns: a coref mention of their antecedent
            if fold(tok.text) in ("il", "elle", "ils", "elles") and tok.i not in info.by_token:
                ref = self._antecedent(info, tok)
                if ref is not None:
                    m = Mention(tok.i, tok.i + 1, info.offset + tok.idx, info.offset + tok.idx + len(tok),
                                ref.code, ref.sector, ref.name, "coref")
                    info.mentions.append(m)
                    info.by_token[tok.i] = m
        info.mentions.sort(key=lambda x: x.start)
        return list(info.mentions)

    def _add_mention(self, info: _DocInfo, start: int, end: int, entry: ActorEntry) -> Mention:
        doc = info.doc
        code, sector, _ = entry.at(self.published)
        kind = "country" if entry.kind == "contextual" else entry.kind
        span = doc[start:end]
        self._main = None
        name = entry.name if kind in ("person", "igo", "media", "group", "org") else None
        m = Mention(start, end, info.offset + span.start_char, info.offset + span.end_char, code, sector,
                    name, kind)
        info.mentions.append(m)
        info.mentions.sort(key=lambda x: x.start)
        for i in range(start, end):
            info.by_token[i] = m
        info.entries[start] = entry
        if kind != "agent" and code not in ("---", "IGO"):
            self._codes_seen.add(code)
            count = self._code_counts.setdefault(code, [0, m.char_start])
            count[0] += 1
        return m

    def _learned_matches(self, doc):
        if not self._learned:
            return []
        longest = max(len(k) for k in self._learned)
        out = []
        for i, tok in enumerate(doc):
            if not tok.text[:1].isupper():
                continue
            for n in range(min(longest, len(doc) - i), 0, -1):
                key = tuple(fold(t.text) for t in doc[i:i + n])
                if key in self._learned:
                    out.append((i, i + n, self._learned[key]))
                    break
        return out

    def _name_runs(self, doc) -> list[tuple[int, int]]:
        """Spans of person names: the parser's PER entities, else runs of capitalised PROPN tokens (hyphens
        inside a name kept)."""
        runs = [(e.start, e.end) for e in doc.ents if e.label_ in ("PER", "PERSON")]
        i = 0
        while i < len(doc):
            tok = doc[i]
            if tok.pos_ == "PROPN" and tok.text[:1].isupper():
                j = i + 1
                while j < len(doc) and ((doc[j].pos_ == "PROPN" or doc[j].dep_ == "flat:name")
                                        and (doc[j].text[:1].isupper() or doc[j].text == "-"
                                             or doc[j - 1].text == "-")):
                    j += 1
                if j - i >= 2 and not any(s <= i < e for s, e in runs):
                    runs.append((i, j))
                i = j
            else:
                i += 1
        return sorted(runs)

    def _learn_persons(self, info: _DocInfo) -> None:
        """A name apposed to a titled actor ("le ministre malien, Abdoulaye Diop") becomes a person of this
        article: later "Diop" alone resolves to MLI GOV."""
        doc = info.doc
        for start, end in self._name_runs(doc):
            if any(i in info.by_token and info.by_token[i].kind != "agent" for i in range(start, end)):
                continue
            span = doc[start:end]
            root = span.root
            options = []
            if root.dep_ in ("appos", "flat:name", "nmod", "flat", "compound") and root.head.i < start:
                options.append(root.head)
            options += [c for c in root.children if c.dep_ == "appos" and c.i >= end]
            if start >= 2 and doc[start - 1].text == ",":
                prev = doc[start - 2]
                while prev.pos_ == "ADJ" and prev.head.i < prev.i:
                    prev = prev.head
                options.append(prev)
            title = None
            for t in options:
                tm = info.by_token.get(t.i)
                tentry = info.entries.get(tm.start) if tm is not None else None
                if tm is not None and tm.kind == "agent" and tentry is not None \
                        and tentry.role in ("titles", "words", "person_nouns"):
                    title, m = t, tm
                    break
            if title is None:
                continue
            ents = self._np_entities(title, coref=False, exclude=set(range(start, end)))
            if not ents or ents[0].code == "---":
                continue
            e = ents[0]
            name = span.text
            gender = {"Fem": "f", "Masc": "m"}.get((title.morph.get("Gender") or [""])[0])
            entry = ActorEntry("person", e.code, e.sector, name, gender=gender, word=info.entries[m.start].word)
            keys = {tuple(fold(t.text) for t in span)}
            last = doc[end - 1]
            if end - start >= 2 and last.text[:1].isupper() and len(last.text) > 2:
                keys.add((fold(last.text),))
            for key in keys:
                self._learned.setdefault(key, entry)
            for i in range(start, end):
                info.by_token.pop(i, None)
            self._add_mention(info, start, end, entry)

    def _collect_referents(self, info: _DocInfo) -> None:
        doc = info.doc
        seen_heads: set[int] = set()
        for m in list(info.mentions):
            entry = info.entries.get(m.start)
            head = doc[m.start:m.end].root
            if head.i in seen_heads:
                continue
            if m.kind in NAMED_KINDS:
                if head.dep_ in ("flat:name", "flat", "fixed", "compound"):
                    continue
                seen_heads.add(head.i)
                number = (head.morph.get("Number") or [""])[0]
                gender = (head.morph.get("Gender") or [""])[0]
                if m.kind == "person":
                    number = "Sing"
                    gender = {"f": "Fem", "m": "Masc"}.get(entry.gender or "", "")
                kind = {"person": "person", "capital": "country", "country": "country",
                        "contextual": "country"}.get(m.kind, "org")
                title = entry.at(self.published)[2] if entry is not None and m.kind == "person" else ""
                self._add_referent(info, head, m.code, m.sector, m.name, kind, number, gender, title)
            elif m.kind == "agent" and entry is not None and entry.role in _AGENT_ROLES:
                if head.dep_ not in _ARG_DEPS or head.pos_ not in ("NOUN", "PROPN"):
                    continue
                ents = self._np_entities(head, coref=False)
                if not ents or ents[0].code == "---":
                    continue
                seen_heads.add(head.i)
                e = ents[0]
                number = (head.morph.get("Number") or [""])[0]
                gender = (head.morph.get("Gender") or [""])[0]
                kind = "title" if entry.role == "titles" else "org"
                self._add_referent(info, head, e.code, e.sector, e.name, kind, number, gender, entry.word)
            elif m.kind == "demonym" and head.pos_ in ("NOUN", "PROPN") and head.dep_ in _ARG_DEPS:
                ents = self._np_entities(head, coref=False)
                if ents:
                    self._add_referent(info, head, ents[0].code, ents[0].sector, None, "group",
                                       (head.morph.get("Number") or ["Plur"])[0], "", "")
        self._referents.sort(key=lambda r: r.char_start)

    def _add_referent(self, info, head, code, sector, name, kind, number, gender, title):
        subject = head.dep_.startswith("nsubj") or (head.dep_ in ("appos", "flat:name")
                                                   and head.head.dep_.startswith("nsubj"))
        try:
            sent_start = info.offset + head.sent.start_char
        except ValueError:  # no sentence boundaries
            sent_start = info.offset
        self._referents.append(_Referent(info.offset + head.idx, info.offset + head.idx + len(head), code,
                                         sector, name, kind, number, gender, subject, sent_start, title))

    def mentions_in(self, doc, start_tok: int, end_tok: int) -> list[Mention]:
        """Mentions of ``doc`` (passed to :meth:`add_doc`) lying within tokens [start_tok, end_tok)."""
        return [m for m in self._info(doc).mentions if m.start >= start_tok and m.end <= end_tok]

    def _info(self, doc) -> _DocInfo:
        try:
            return self._docs[id(doc)]
        except KeyError:
            raise ValueError("this Doc was not passed to add_doc() of this article") from None

    # -- resolution ----------------------------------------------------------------------------------------

    def resolve(self, token) -> tuple[Entity, ...]:
        """The actor(s) denoted by the noun phrase headed by ``token`` (a token of a doc passed to
        :meth:`add_doc`): one :class:`~newsevents.records.Entity` per coordinated member, each with the words
        and span of its own conjunct (for a pronoun: the pronoun); ``()`` when the phrase names no actor.
        A Doc without a dependency parse gives only the dictionary name at the token itself.
        Raises ``ValueError`` for a token of a Doc that was not added."""
        out: list[Entity] = []
        info = self._info(token.doc)
        if not token.doc.has_annotation("DEP"):
            m = info.by_token.get(token.i)
            if m is None or m.kind == "agent":
                return ()
            return (self._entity(info, m.code, m.sector, m.start, m.end, m.name),)
        for conj in self._conjuncts(token):
            if conj.pos_ == "ADJ" and conj.i != token.i and getattr(info.by_token.get(conj.i), "kind", "") != "demonym":
                continue
            for e in self._np_entities(conj, coref=True):
                if all((e.code, e.sector, e.span) != (o.code, o.sector, o.span) for o in out):
                    out.append(e)
        return tuple(out)

    def modifier_actors(self, token) -> tuple[Entity, ...]:
        """Actors expressed by modifiers of an event noun: demonym adjectives ("les frappes russes" -> RUS)
        and "de" complements ("l'offensive de la Russie" -> RUS, "la visite de Poutine" -> RUS GOV)."""
        info = self._info(token.doc)
        out: list[Entity] = []
        if not token.doc.has_annotation("DEP"):
            return ()
        for c in token.children:
            if c.dep_ == "amod":
                for adj in [c] + [x for x in c.children if x.dep_ == "conj"]:
                    m = info.by_token.get(adj.i)
                    if m is not None and m.kind == "demonym":
                        out.append(self._entity(info, m.code, "", adj.i, adj.i + 1, None))
            elif c.dep_ == "nmod" and self._case(c) in _DE_CASES:
                out.extend(self.resolve(c))
        return tuple(out)

    # internals

    @staticmethod
    def _case(tok) -> str:
        for c in tok.children:
            if c.dep_ == "case":
                return fold(c.text)
        return ""

    @staticmethod
    def _conjuncts(token) -> list:
        out = [token]
        stack = [token]
        while stack:
            t = stack.pop()
            for c in t.children:
                if c.dep_ == "conj" and (c.pos_ in ("NOUN", "PROPN", "PRON", "X") or c.pos_ == "ADJ") \
                        and c not in out:
                    out.append(c)
                    stack.append(c)
        return out

    def _np_tokens(self, head, exclude: set[int] | None = None) -> list[int]:
        """Token indices of the noun phrase headed by ``head``: its subtree without clauses, conjuncts and
        the punctuation at its edges; contiguous from the first kept token."""
        keep = {head.i}
        stack = [head]
        while stack:
            t = stack.pop()
            for c in t.children:
                if c.dep_ in _CLAUSE_DEPS or (exclude and c.i in exclude and c.i != head.i):
                    continue
                if c.dep_ == "acl" and c.pos_ in ("VERB", "AUX") and any(
                        x.dep_.startswith("nsubj") for x in c.children):
                    continue
                keep.add(c.i)
                stack.append(c)
        lo = min(keep)
        hi = head.i
        while hi + 1 in keep:
            hi += 1
        lo_ok = head.i
        while lo_ok - 1 in keep:
            lo_ok -= 1
        toks = list(range(lo_ok, hi + 1))
        doc = head.doc
        while toks and toks[0] != head.i and doc[toks[0]].dep_ in ("case", "mark", "cc") \
                and doc[toks[0]].head.i == head.i:
            toks.pop(0)
        while toks and doc[toks[0]].is_punct and toks[0] != head.i:
            toks.pop(0)
        while toks and doc[toks[-1]].is_punct and toks[-1] != head.i:
            toks.pop()
        return toks or [lo]

    def _info_tokens(self, head, depth: int = 3) -> list[tuple[int, int]]:
        """(distance, token index) of the tokens that can carry the phrase's country: adjectives, "de"
        complements, names and appositions, not crossing other prepositions or clauses."""
        out = []
        frontier = [(head, 0)]
        while frontier:
            t, d = frontier.pop(0)
            for c in t.children:
                if c.dep_ not in _INFO_DEPS:
                    continue
                if c.dep_ == "nmod":
                    case = self._case(c)
                    if case and case not in _DE_CASES:
                        continue
                out.append((d + 1, c.i))
                if d + 1 < depth:
                    frontier.append((c, d + 1))
        return out

    def _guess(self, entity: Entity) -> Entity:
        self.guessed.add(entity.span)
        return entity

    def _entity(self, info: _DocInfo, code, sector, start: int, end: int, name) -> Entity:
        doc = info.doc
        span = doc[start:end]
        return Entity(code, sector, span.text, (info.offset + span.start_char, info.offset + span.end_char), name)

    def _np_entities(self, head, coref: bool, exclude: set[int] | None = None) -> list[Entity]:
        info = self._info(head.doc)
        doc = head.doc
        toks = self._np_tokens(head, exclude)
        s, e = toks[0], toks[-1] + 1
        low = fold(head.text)
        m = info.by_token.get(head.i)
        if m is not None and m.kind == "coref":
            return [self._entity(info, m.code, m.sector, head.i, head.i + 1, m.name)] if coref else []
        if m is None and (low in _SING_PRONOUNS | _PLUR_PRONOUNS or (
                head.pos_ == "DET" and head.morph.get("Poss") == ["Yes"])):
            if not coref:
                return []
            ref = self._antecedent(info, head)
            if ref is None:
                return []
            return [self._entity(info, ref.code, ref.sector, head.i, head.i + 1, ref.name)]
        entry = info.entries.get(m.start) if m is not None else None
        if m is not None and m.kind in NAMED_KINDS:  # the whole name, even when the parse splits it
            sector = m.sector
            if m.kind == "person" and sector == "ELI":  # "le chef de l'Etat, Laurent Gbagbo, a ...": his title
                title = self._title_before(info, m.start, m.end)
                if title is not None:
                    sector = self._titled_sector(sector, "titles", title.sector, title.word)
            return [self._entity(info, m.code, sector, min(s, m.start), max(e, m.end), m.name)]
        if m is not None and m.kind == "demonym" and head.pos_ == "ADJ" and head.dep_ == "conj":
            hm = info.by_token.get(head.head.i)  # "les présidents chinois et russe": russe -> RUS GOV
            hentry = info.entries.get(hm.start) if hm is not None else None
            cc = next((c for c in head.children if c.dep_ == "cc" and c.i < head.i), None)
            first = cc.i if cc is not None else head.i
            sector = hentry.sector if hm is not None and hm.kind == "agent" and hentry is not None else ""
            return [self._entity(info, m.code, sector, first, head.i + 1, None)]
        if m is not None and m.kind == "demonym":
            quantified = any(c.dep_ == "nummod" for c in head.children) or (
                head.dep_ == "nmod" and head.head.i in info.by_token
                and info.entries.get(info.by_token[head.head.i].start) is not None
                and info.entries[info.by_token[head.head.i].start].role == "quantifiers") or any(
                c.dep_ == "det" and fold(c.text) in _INDEFINITE_PLURAL for c in head.children)  # "de jeunes Algériens"
            if head.pos_ in ("NOUN", "PROPN") or head.text[:1].isupper():
                quantified = quantified or self._people(head)
                found = self._country_in(info, head)
                code = m.code
                if found is not None and found[0].kind in ("country", "region", "capital") \
                        and doc[found[0].start].dep_ == "nmod":
                    code, quantified = found[0].code, True  # "les Serbes du Kosovo": the people of Kosovo
                return [self._entity(info, code, "CVL" if quantified else "", s, e, None)]
            return [self._entity(info, m.code, "", s, e, None)]
        if m is not None and m.kind == "agent" and entry is not None:
            return self._agent_entities(info, head, m, entry, s, e, coref)
        # not a dictionary word: a name learned or a "de" complement ("le maître du Kremlin", "l'est de
        # l'Ukraine") or a demonym adjective ("territoire russe") carries the actor
        found = self._country_in(info, head)
        if found is None:
            return []
        fm, _ = found
        fm = self._sector_noun_of(info, head, fm)
        if fm.kind == "agent":
            sub = self._np_entities(doc[fm.start:fm.end].root, coref)
            return [Entity(x.code, x.sector, doc[s:e].text, self._entity(info, "", "", s, e, None).span, x.name)
                    for x in sub[:1]]
        owner = doc[fm.start].head  # "les candidats de l'opposition ougandaise": the opposition's sector
        om = info.by_token.get(owner.i)
        if fm.kind in ("demonym", "country", "capital") and owner.i != head.i and owner.dep_ == "nmod" \
                and om is not None and om.kind == "agent":
            sub = self._np_entities(owner, coref)
            if sub and sub[0].code == fm.code and sub[0].sector:
                return [Entity(fm.code, sub[0].sector, doc[s:e].text, self._entity(info, "", "", s, e, None).span,
                               sub[0].name)]
        sector = fm.sector if fm.kind in NAMED_KINDS else ""
        return [self._entity(info, fm.code, sector, s, e, fm.name)]

    def _country_in(self, info: _DocInfo, head, skip_demonym_conj: bool = False):
        """The nearest mention among the phrase's modifiers: named actors first, then demonyms, then agents; a
        demonym adjective of the head itself wins over a named place (it gives the nationality; a place in a
        complement says where), not over a person or organisation named with the head."""
        best = nationality = None
        own = info.by_token.get(head.i)
        heads = [head] if own is None else [head.doc[i] for i in range(own.start, own.end)]
        tokens = sorted({x for h in heads for x in self._info_tokens(h)})
        for dist, i in tokens:
            m = info.by_token.get(i)
            if m is None or (m.start <= head.i < m.end):
                continue
            if m.kind == "agent":
                entry = info.entries.get(m.start)
                if entry is None or entry.role not in _AGENT_ROLES + ("country_nouns",):
                    continue
                rank = 3
            else:
                rank = 0 if m.kind in NAMED_KINDS else 1
            if m.code == "---" and m.kind not in ("agent", "org", "group"):
                continue  # a non-governmental organisation or a transnational group is an owner all the same
            cand = (rank, dist, m)
            if m.kind == "demonym" and dist == 1 and head.doc[i].dep_ == "amod" and nationality is None:
                nationality = cand
            if best is None or cand[:2] < best[:2]:
                best = cand
        if best is None:
            return None
        if nationality is not None and best[2].kind in ("country", "capital", "region"):
            best = nationality  # "la police israélienne d'un quartier de Jérusalem-Est"
        return best[2], best[1]

    def _agent_entities(self, info, head, m: Mention, entry: ActorEntry, s, e, coref) -> list[Entity]:
        doc = head.doc
        role = entry.role
        if role == "quantifiers":
            inner = next((c for c in head.children if c.dep_ == "nmod" and self._case(c) in _DE_CASES), None)
            if inner is None:
                return []
            sub = self._np_entities(inner, coref)
            span = self._entity(info, "", "", s, e, None).span
            return [Entity(x.code, x.sector, doc[s:e].text, span, x.name) for x in sub[:1]]
        count = self._count(head)
        if role == "country_nouns":
            if not coref:
                return []
            n = count or 1
            codes = self._recent_codes(info.offset + head.idx, n)
            if len(codes) < n:
                return []
            return [self._entity(info, c, "", s, e, None) for c in reversed(codes)]
        if role == "person_nouns" and count and coref:
            refs = self._recent_persons(info.offset + head.idx, count)
            if len(refs) == count:
                return [self._entity(info, r.code, r.sector, s, e, r.name) for r in reversed(refs)]
            return []
        sector = entry.sector
        if role in ("words", "titles") and self._binational(head):  # "une journaliste franco-algérienne"
            return [self._entity(info, "---", sector, s, e, None)]
        person = self._apposed_name(info, head, e)
        if person is not None and role in ("titles", "words", "person_nouns"):
            sector_out = person.sector if person.kind == "person" or not sector else sector
            if person.kind == "person":
                sector_out = self._titled_sector(person.sector, role, sector, entry.word)
            return [self._entity(info, person.code, sector_out, s, person.end, person.name)]
        found = self._country_in(info, head)
        if found is not None:
            fm, _ = found
            fm = self._sector_noun_of(info, head, fm)
            if fm.kind == "person":
                root = doc[fm.start:fm.end].root
                path = [root]
                while path[-1].head.i != path[-1].i and path[-1].head.i != head.i and len(path) < 5:
                    path.append(path[-1].head)
                if sector and any(t.dep_ == "nmod" and self._case(t) in _DE_CASES for t in path):
                    # "la compagne de X", "l'armée de X": the noun's own sector, the person's country
                    return [self._entity(info, fm.code, sector, s, e, None)]
                sector_out = self._titled_sector(fm.sector, role, sector, entry.word)
                return [self._entity(info, fm.code, sector_out, s, e, fm.name)]
            if fm.kind == "agent":
                sub = self._np_entities(doc[fm.start:fm.end].root, coref)
                if sub and sub[0].sector and entry.word in self.resolver.office_words:
                    sector = sub[0].sector  # "des responsables du renseignement" -> SPY, "un porte-parole de l'armée"
                if sub and sub[0].code != "---":
                    return [self._entity(info, sub[0].code, sector or sub[0].sector, s, e, sub[0].name)]
            else:
                if fm.code == "IGO" and fm.sector and not sector:
                    sector = fm.sector
                elif fm.kind in ("igo", "org", "group", "media") and fm.sector not in ("", "GOV") and (
                        not sector or entry.word in self.resolver.office_words
                        or (sector == "GOV" and role in ("titles", "words"))):
                    sector = fm.sector  # "le porte-parole du Hamas" -> REB, "le chef de la CGT" -> LAB
                if fm.code == "---" and fm.sector:  # "des responsables de la Croix-Rouge": the NGO's sector
                    sector = fm.sector
                ents = [self._entity(info, fm.code, sector, s, e, fm.name if fm.kind != "demonym" else None)]
                if fm.kind == "demonym":  # "les présidents chinois et russe": one actor per demonym
                    adj = doc[fm.start]
                    for c in adj.children:
                        cm = info.by_token.get(c.i)
                        if c.dep_ == "conj" and cm is not None and cm.kind == "demonym":
                            cc = next((x for x in c.children if x.dep_ == "cc"), None)
                            first = cc.i if cc is not None and cc.i < c.i else c.i
                            ents[0] = self._entity(info, fm.code, sector, s, min(e, first), None)
                            ents.append(self._entity(info, cm.code, sector, first, c.i + 1, None))
                return ents
        leader = self._leader(head, coref)  # "les forces dirigées par le Vietnam"
        if leader is not None and role != "person_nouns":
            return [self._entity(info, leader.code, sector or leader.sector, s, e, None)]
        if role == "person_nouns" and not coref:
            return []
        named_here = any(c.pos_ == "PROPN" and c.text[:1].isupper() and c.i not in info.by_token
                         and c.dep_ in ("flat:name", "appos", "nmod", "flat", "compound")
                         and not any(x.dep_ == "case" for x in c.children) for c in head.children)
        if coref and self._is_bare(head) and not named_here:  # "le président X" names someone new
            if role == "titles" or role == "person_nouns":
                ref = self._title_antecedent(info, head, entry)
                if ref is not None:
                    return [self._entity(info, ref.code, ref.sector, s, e, ref.name)]
            if role in ("titles", "institutions"):  # "le régime", "la première ministre": the country last named
                codes = self._recent_codes(info.offset + head.idx, 1)
                if codes:
                    return [self._guess(self._entity(info, codes[0], sector, s, e, None))]
        if role == "person_nouns":
            return []
        if coref and self.resolver.main_country_fallback:
            main = self.main_country()
            if main is not None:
                return [self._guess(self._entity(info, main, sector, s, e, None))]
        return [self._entity(info, "---", sector, s, e, None)]

    @staticmethod
    def _binational(head) -> bool:
        """True when a person word is described by a compound nationality ("un universitaire irano-suédois",
        "la journaliste américano-palestinienne": a combining form in -o, a hyphen, a demonym; one token or
        three). Whose national the person counts as cannot be told: ANNOTATION.md codes it ``---``."""
        doc = head.doc
        after = doc[head.i + 1:min(head.i + 4, len(doc))]
        words = [t.text.lower() for t in after]
        if words and _BINATIONAL.match(words[0]):
            return True
        return len(words) >= 3 and words[0].endswith("o") and words[0].isalpha() and len(words[0]) > 3 \
            and words[1] in ("-", "‑") and words[2].isalpha()

    def _leader(self, head, coref: bool) -> Entity | None:
        """The country of whoever leads a group named by a sector word with no country of its own: the agent
        of a participle of leading ("les forces dirigées par le Vietnam", "la coalition menée par l'Arabie
        saoudite"); the verbs are ``led_by_verbs`` of agents.yaml. None when there is no such participle."""
        for c in head.children:
            if c.dep_ == "acl" and fold(c.lemma_) in self.resolver.led_by_verbs:
                agent = next((g for g in c.children if g.dep_ == "obl:agent" or self._case(g) == "par"), None)
                if agent is not None:
                    found = [x for x in self._np_entities(agent, coref) if x.code != "---"]
                    if found:
                        return found[0]
        return None

    def main_country(self) -> str | None:
        """The article's main country: the ISO code named most often in the chunks added so far (names,
        capitals, persons, demonyms), ties going to the one named first; None when no country is named."""
        if not self._code_counts:
            return None
        return min(self._code_counts.items(), key=lambda kv: (-kv[1][0], kv[1][1]))[0]

    @staticmethod
    def _apposed_name(info: _DocInfo, head, end: int) -> Mention | None:
        """A person or organisation named right after the phrase (after a comma or not), when the parser made
        it a sibling rather than an apposition ("Le président russe, Vladimir Poutine, a ...": two subjects;
        "le groupe pétrolier Total")."""
        doc = head.doc
        at = end + 1 if end < len(doc) and doc[end].text == "," else end
        if at >= len(doc):
            return None
        m = info.by_token.get(at)
        if m is None or m.kind not in ("person", "org", "group", "media", "igo") or m.start != at:
            return None
        root = doc[m.start:m.end].root
        if at == end:  # "le groupe pétrolier Total", "le président Erdogan": a name glued to its title
            return None if any(c.dep_ == "case" for c in root.children) else m
        if root.head.i == head.head.i or root.head.i == head.i or root.i == head.head.i:
            return m
        return None

    @staticmethod
    def _sector_noun_of(info: _DocInfo, head, m: Mention) -> Mention:
        """When the person, country or demonym that carries a phrase's country hangs on a sector noun inside the
        phrase ("le déploiement de soldats russes", "une déclaration du président Reagan", "des hommes de la
        katiba du Macina"), that sector noun's mention, so the phrase gets its sector too; else ``m``."""
        if m.kind not in ("person", "demonym", "country", "region", "capital", "contextual"):
            return m
        doc = head.doc
        t = doc[m.start:m.end].root.head
        if t.i == head.i:
            return m
        tm = info.by_token.get(t.i)
        entry = info.entries.get(tm.start) if tm is not None else None
        if tm is None or tm.kind != "agent" or entry is None or entry.role not in _AGENT_ROLES or not entry.sector \
                or tm.start <= head.i < tm.end:  # the phrase's own sector noun ("candidats de l'opposition")
            return m
        return tm

    @staticmethod
    def _title_before(info: _DocInfo, start: int, end: int) -> ActorEntry | None:
        """The title (agents.yaml ``titles``) a name [start, end) is apposed to, when the parse made the name
        the phrase's head: its head before it ("le président Bush"), or the phrase just before a comma ("le
        chef de l'Etat, Laurent Gbagbo"); None when there is none."""
        doc = info.doc
        root = doc[start:end].root
        options = []
        if root.dep_ in ("appos", "flat:name", "nmod", "flat", "compound") and root.head.i < start:
            options.append(root.head)
        options += [c for c in root.children if c.i < start and c.dep_ in ("appos", "nmod", "obl:mod")]
        if start >= 2 and doc[start - 1].text == ",":
            prev = doc[start - 2]
            while prev.pos_ in ("ADJ", "PROPN", "NOUN") and prev.head.i < prev.i and prev.i - prev.head.i < 6 \
                    and getattr(info.by_token.get(prev.i), "kind", "") != "agent":
                prev = prev.head  # "le chef de l'Etat ivoirien, X": from "ivoirien" up to the title
            options.append(prev)
        for t in options:
            tm = info.by_token.get(t.i)
            entry = info.entries.get(tm.start) if tm is not None else None
            if tm is not None and tm.kind == "agent" and entry is not None and entry.role == "titles":
                return entry
        return None

    @staticmethod
    def _people(head) -> bool:
        """Whether a demonym noun denotes some people of that nationality, not the state, besides the indefinite
        plurals of ``_INDEFINITE_PLURAL``: one person ("un Iranien") or a clause that describes them ("les
        Palestiniens vivant en Cisjordanie", "aux Iraniens qui manifestent"); those are civilians (CVL). A
        definite plural ("les Américains") or a headline's bare plural ("Russes et Ukrainiens négocient") may
        stand for the country and keeps no sector."""
        if any(c.dep_ == "det" and fold(c.text) in ("un", "une") for c in head.children):
            return True
        return any(c.dep_ in ("acl", "acl:relcl") for c in head.children)

    def _titled_sector(self, person_sector: str, role: str, sector: str, word: str = "") -> str:
        """The sector of a person named with a title ("le président Bush", "le général Aoun"): the person's
        dated sector, except that a person out of every role (``ELI`` by the publication date) who is given a
        present title in the text takes the title's sector: the text speaks of the time they held it. Generic
        words for a leader (agents.yaml ``person_nouns``: "le dirigeant de droite X") are no such title."""
        if person_sector == "ELI" and role == "titles" and sector not in ("", "ELI") \
                and word not in self.resolver.person_nouns:
            return sector
        return person_sector

    @staticmethod
    def _count(head) -> int:
        for c in head.children:
            if c.dep_ == "nummod":
                return _QUANT_WORDS.get(fold(c.text), 0)
        return 0

    @staticmethod
    def _is_bare(head) -> bool:
        """A definite or possessive phrase (le ministre, sa diplomatie) or one with no determiner."""
        dets = [c for c in head.children if c.dep_ == "det"]
        if not dets:
            return True
        return any(fold(d.text) in _DEFINITE or d.morph.get("Poss") == ["Yes"] for d in dets)

    def _recent_codes(self, char: int, n: int) -> list[str]:
        out: list[str] = []
        for r in reversed(self._referents):
            if r.char_start >= char or r.code in ("---", "IGO"):
                continue
            if r.code not in out:
                out.append(r.code)
            if len(out) == n:
                break
        return out

    def _recent_persons(self, char: int, n: int) -> list[_Referent]:
        out: list[_Referent] = []
        for r in reversed(self._referents):
            if r.char_start >= char or r.kind not in ("person", "title"):
                continue
            if all((r.name or r.code) != (o.name or o.code) for o in out):
                out.append(r)
            if len(out) == n:
                break
        return out

    def _title_antecedent(self, info, head, entry: ActorEntry) -> _Referent | None:
        char = info.offset + head.idx
        word = _TITLE_KIN.get(entry.word, entry.word)
        fallback = None
        for r in reversed(self._referents):
            if r.char_start >= char or r.kind not in ("person", "title"):
                continue
            if entry.sector and r.sector not in (entry.sector, "ELI"):
                continue
            title = fold(r.title)
            if word and (word in title or entry.word in title):
                return r
            if fallback is None:
                fallback = r
        return fallback

    def _antecedent(self, info, tok) -> _Referent | None:
        low = fold(tok.text)
        number = "Plur" if low in _PLUR_PRONOUNS else "Sing"
        gender = "Masc" if low in _MASC_PRONOUNS else "Fem" if low in _FEM_PRONOUNS else ""
        char = info.offset + tok.idx
        cands = [r for r in self._referents if r.char_end <= char]
        def ok(r: _Referent) -> bool:
            if r.code == "---" and not r.name:
                return False
            if number == "Sing" and r.number == "Plur":
                return False
            if number == "Plur" and r.number != "Plur":
                return False
            if gender and r.gender and r.gender != gender:
                return False
            return True
        cands = [r for r in cands if ok(r)]
        if not cands:
            return None
        last_sent = max(r.sent_start for r in cands)
        in_sent = [r for r in cands if r.sent_start == last_sent]
        subjects = [r for r in in_sent if r.subject]
        return (subjects or in_sent)[-1] if not subjects else subjects[0]
