"""Typed records that flow from input to store.

Every stage of the pipeline takes and returns these frozen dataclasses (see STYLE: one record type flows
through). Character offsets are 0-based and end-exclusive, always into ``Article.text`` (the cleaned document
text). Dates are ISO 8601 strings.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any

Span = tuple[int, int]
"""A (start, end) pair of character offsets into the article text: 0-based, end-exclusive."""

MODALITIES = ("asserted", "alleged", "intended", "negated", "hypothetical")
"""Modality values, as defined in eval/ANNOTATION.md."""

DATE_PRECISIONS = ("day", "month", "year", "interval", "publication", "unresolved")
"""How precise an event date is: from the text at day/month/year level, an interval, the publication date used
because the text gave none, or ``unresolved`` (a relative expression with no publication date to anchor it)."""


@dataclass(frozen=True, slots=True)
class Article:
    """One input document.

    ``id`` is the document id (file stem, JSONL ``id``); ``text`` is the text after cleanup; ``published`` is
    the publication date as ISO 8601 ``YYYY-MM-DD`` or None when unknown; ``lang`` is ISO 639-1 or None when
    not yet identified.
    """

    id: str
    text: str
    published: str | None = None
    lang: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """One resolved actor or recipient: ``code`` is ISO 3166-1 alpha-3, ``IGO`` or ``---`` (unknown);
    ``sector`` a CAMEO/PLOVER agent code (GOV, MIL, COP, REB, MED...) or ``""`` for the state as a whole;
    ``entity_text`` the words in the text (after coreference, the words of this mention); ``span`` their
    offsets; ``name`` the canonical name when known (a person or an organisation, e.g. ``"Vladimir Poutine"``,
    ``"OTAN"``)."""

    code: str
    sector: str
    entity_text: str
    span: Span
    name: str | None = None


@dataclass(frozen=True, slots=True)
class EventDate:
    """When the event happened: ``value`` is ISO 8601 (``2024-01-15``, ``2024-01``, ``2024``, or an interval
    ``2024-01-15/2024-01-17``) or None when unresolved; ``text``/``span`` the temporal expression (None when
    the publication date was used); ``precision`` one of :data:`DATE_PRECISIONS`."""

    value: str | None
    text: str | None
    span: Span | None
    precision: str


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who reports or claims the event ("selon KCNA"): the source's words, span and resolved code/sector."""

    text: str
    span: Span
    code: str = "---"
    sector: str = ""


@dataclass(frozen=True, slots=True)
class Location:
    """Where the event happened: the place name in the text, its span, and its offline resolution
    (``country`` ISO 3166-1 alpha-3; ``lat``/``lon`` in decimal degrees WGS84; ``geonameid`` from GeoNames).
    ``feature`` is the kind of place resolved ("city", "country", "region"); ``precision`` how precisely that
    places the event: "town" (a city or a place inside one: a station, a prison), "region" (a province, a
    sea, a macro-region, a continent) or "country"."""

    text: str
    span: Span
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature: str | None = None  # "city", "country", "region"
    precision: str | None = None  # "town", "region", "country"

    def __reduce__(self):
        """Pickled as a constructor call: reading the cached place index (some 30,000 locations) is about three
        times faster than with the dataclass default, which looks up the fields of every object."""
        return Location, (self.text, self.span, self.name, self.country, self.lat, self.lon, self.geonameid,
                          self.feature, self.precision)


@dataclass(frozen=True, slots=True)
class Coder:
    """Provenance of a coding run: package version, spaCy model name and version, checksum of the language data."""

    version: str
    model: str
    model_version: str
    dictionary_checksum: str


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event: one actor group doing one thing to one recipient group, in one sentence.

    ``actor`` and ``recipient`` are tuples of :class:`Entity`; a compound actor lists every member (the scorer
    expands them into one dyad per member pair). ``event_type``/``mode``/``context`` are PLOVER; ``cameo_code``
    is the CAMEO code (2-4 digits), ``goldstein`` the Goldstein (1992) score (-10..+10) and ``quad_class`` the
    GDELT QuadClass (1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict).
    ``event_span`` and ``sentence_span`` are offsets into the article text. ``location`` is where the event
    happened (its main place); ``locations`` every place of an event that happened in several ("incendiés à
    Orvault et Rezé"), ``location`` first, and is empty otherwise: :meth:`to_dict` writes it only when it
    lists two places or more, so the record of a one-place event is unchanged.
    """

    doc_id: str
    event_type: str
    cameo_code: str
    mode: str
    context: str
    goldstein: float | None
    quad_class: int | None
    actor: tuple[Entity, ...]
    recipient: tuple[Entity, ...]
    modality: str
    event_text: str
    event_span: Span
    sentence: str
    sentence_span: Span
    lang: str
    date: EventDate
    attribution: Attribution | None = None
    location: Location | None = None
    coder: Coder | None = None
    id: str = field(default="")
    locations: tuple[Location, ...] = ()

    def __post_init__(self) -> None:
        if self.modality not in MODALITIES:
            raise ValueError(f"unknown modality {self.modality!r}; expected one of {MODALITIES}")
        if not self.id:
            object.__setattr__(self, "id", event_id(self))

    def to_dict(self) -> dict[str, Any]:
        """The PLOVER-style JSON record (one line of ``extract --format jsonl``)."""
        d = asdict(self)
        for key in ("actor", "recipient"):
            d[key] = [{**e, "span": list(e["span"])} for e in d[key]]
        d["event_span"] = list(self.event_span)
        d["sentence_span"] = list(self.sentence_span)
        if d["date"]["span"] is not None:
            d["date"]["span"] = list(d["date"]["span"])
        if d["attribution"] is not None:
            d["attribution"]["span"] = list(d["attribution"]["span"])
        if d["location"] is not None:
            d["location"]["span"] = list(d["location"]["span"])
        d["locations"] = [{**loc, "span": list(loc["span"])} for loc in d["locations"]]
        order = ["id", "doc_id", "event_type", "mode", "context", "cameo_code", "goldstein", "quad_class",
                 "actor", "recipient", "modality", "attribution", "date", "location", "locations", "event_text",
                 "event_span", "sentence", "sentence_span", "lang", "coder"]
        return {k: d[k] for k in order if k != "locations" or len(d[k]) > 1}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Event":
        """Inverse of :meth:`to_dict` (ids are kept as given)."""

        def ent(e: dict) -> Entity:
            return Entity(e["code"], e.get("sector") or "", e.get("entity_text") or "", tuple(e["span"]),
                          e.get("name"))

        date = d["date"]
        att = d.get("attribution")
        loc = d.get("location")
        coder = d.get("coder")
        return cls(
            doc_id=d["doc_id"], event_type=d["event_type"], cameo_code=d["cameo_code"], mode=d.get("mode") or "",
            context=d.get("context") or "", goldstein=d.get("goldstein"), quad_class=d.get("quad_class"),
            actor=tuple(ent(e) for e in d.get("actor") or []),
            recipient=tuple(ent(e) for e in d.get("recipient") or []),
            modality=d["modality"], event_text=d["event_text"], event_span=tuple(d["event_span"]),
            sentence=d["sentence"], sentence_span=tuple(d["sentence_span"]), lang=d["lang"],
            date=EventDate(date["value"], date.get("text"),
                           tuple(date["span"]) if date.get("span") else None, date["precision"]),
            attribution=Attribution(att["text"], tuple(att["span"]), att.get("code") or "---",
                                    att.get("sector") or "") if att else None,
            location=Location(**{**loc, "span": tuple(loc["span"])}) if loc else None,
            coder=Coder(**coder) if coder else None,
            id=d.get("id") or "",
            locations=tuple(Location(**{**p, "span": tuple(p["span"])}) for p in d.get("locations") or ()),
        )


def event_id(event: Event) -> str:
    """Deterministic id: SHA-1 (first 16 hex digits) of what defines the event — document, event span, type,
    CAMEO code, actor and recipient codes/spans. Re-running the coder on the same text gives the same id."""
    key = json.dumps([
        event.doc_id, list(event.event_span), event.event_type, event.cameo_code,
        [[e.code, e.sector, list(e.span)] for e in event.actor],
        [[e.code, e.sector, list(e.span)] for e in event.recipient],
    ], ensure_ascii=False)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """What the pipeline returns for one input document: the article, its events, its status and notes.

    ``status`` is ``"ok"`` (coded; may have zero events), ``"skipped"`` (not coded on purpose: empty text,
    unsupported language; ``notes`` says why) or ``"error"`` (``error`` says what went wrong).
    """

    article: Article
    events: tuple[Event, ...] = ()
    status: str = "ok"
    notes: tuple[str, ...] = ()
    error: str | None = None


class InputError(ValueError):
    """A document or input line that cannot be read: the message names the document (or file and line) and
    the problem. ``doc_id`` is the id of the document it was to be (a JSONL record's ``id``, a text file's
    stem) when the input names one, else None."""

    def __init__(self, message: str, doc_id: str | None = None):
        super().__init__(message)
        self.doc_id = doc_id

    def __reduce__(self):
        return (type(self), (str(self), self.doc_id))
