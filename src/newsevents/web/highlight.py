"""Evidence spans of events, and the document text cut into highlighted segments.

The web pages never build HTML from document text by string concatenation: :func:`segments` cuts the text into
plain ``(text, kinds)`` pieces and the Jinja template (autoescape on) wraps each piece in a ``<mark>`` whose
classes are its kinds, so any markup inside a document (``<script>``) is shown as text.

Offsets are those of :mod:`newsevents.records`: 0-based, end-exclusive character offsets into the document text.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)

KINDS = ("actor", "recipient", "event", "date", "place", "attribution")
"""Span kinds, each with its own colour in ``static/style.css`` (``mark.hl-<kind>``) and in the legend. The
sentence of the event is the extra kind ``sentence`` (a light background under the others)."""

KIND_LABELS = {"actor": "actor", "recipient": "recipient", "event": "event words", "date": "date",
               "place": "place", "attribution": "attribution", "sentence": "sentence"}
"""Legend label of each kind."""


@dataclass(frozen=True, slots=True)
class Span:
    """One evidence span: ``start``/``end`` character offsets (0-based, end-exclusive), its ``kind`` (one of
    :data:`KINDS` or ``"sentence"``) and a short ``label`` for the tooltip (``"actor FRA GOV"``)."""

    start: int
    end: int
    kind: str
    label: str = ""


@dataclass(frozen=True, slots=True)
class Segment:
    """A maximal run of text covered by the same set of spans: ``kinds`` in :data:`KINDS` order (``sentence``
    last), ``labels`` the tooltips of those spans; ``kinds == ()`` for unmarked text."""

    text: str
    kinds: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()

    @property
    def css(self) -> str:
        """The class attribute of the ``<mark>``: ``"hl hl-actor hl-sentence"`` (empty for unmarked text)."""
        return " ".join(["hl", *(f"hl-{k}" for k in self.kinds)]) if self.kinds else ""

    @property
    def title(self) -> str:
        return "; ".join(self.labels)


def _entity_label(kind: str, e: Mapping[str, Any]) -> str:
    code = " ".join(x for x in (e.get("code"), e.get("sector")) if x)
    name = e.get("name")
    return f"{kind} {code}" + (f" ({name})" if name else "")


def event_spans(event: Mapping[str, Any], *, with_sentence: bool = True) -> list[Span]:
    """The evidence spans of one event record (the :meth:`newsevents.records.Event.to_dict` shape): every actor
    and recipient mention, the event words, the date expression, the place and the attribution (those that are
    present), plus the sentence when ``with_sentence``."""
    spans: list[Span] = []

    def add(span, kind: str, label: str) -> None:
        if span is not None and len(span) == 2 and span[0] is not None and span[1] is not None:
            spans.append(Span(int(span[0]), int(span[1]), kind, label))

    for e in event.get("actor") or []:
        add(e.get("span"), "actor", _entity_label("actor", e))
    for e in event.get("recipient") or []:
        add(e.get("span"), "recipient", _entity_label("recipient", e))
    add(event.get("event_span"), "event",
        f"event {event.get('event_type', '')} CAMEO {event.get('cameo_code', '')}".strip())
    date = event.get("date") or {}
    add(date.get("span"), "date", f"date {date.get('value') or 'unresolved'}")
    for loc in event.get("locations") or ([event["location"]] if event.get("location") else []):
        add(loc.get("span"), "place", f"place {loc.get('name') or loc.get('text') or ''} {loc.get('country') or ''}")
    att = event.get("attribution")
    if att:
        add(att.get("span"), "attribution", f"attribution {att.get('code') or ''} {att.get('sector') or ''}")
    if with_sentence:
        add(event.get("sentence_span"), "sentence", "sentence")
    return [Span(s.start, s.end, s.kind, " ".join(s.label.split())) for s in spans]


_ORDER = {k: i for i, k in enumerate((*KINDS, "sentence"))}


def segments(text: str, spans: Iterable[Span]) -> list[Segment]:
    """Cut ``text`` at every span boundary into :class:`Segment` pieces whose concatenation is ``text``.

    Overlapping and nested spans are allowed (a segment then has several kinds). Empty spans inside the text
    (``start == end``: an inferred participant with no words of its own) are dropped silently; spans outside
    the text or reversed are dropped with a warning (a store built from another text version must not break
    the page).
    """
    valid: list[Span] = []
    for s in spans:
        if 0 <= s.start < s.end <= len(text):
            valid.append(s)
        elif not (0 <= s.start == s.end <= len(text)):
            log.warning("span %s-%s (%s) outside a text of %d characters: not highlighted",
                        s.start, s.end, s.kind, len(text))
    cuts = sorted({0, len(text), *(s.start for s in valid), *(s.end for s in valid)})
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:]):
        covering = sorted((s for s in valid if s.start <= a and b <= s.end), key=lambda s: _ORDER.get(s.kind, 99))
        kinds = tuple(dict.fromkeys(s.kind for s in covering))
        labels = tuple(dict.fromkeys(s.label for s in covering if s.kind != "sentence"))
        if out and out[-1].kinds == kinds and out[-1].labels == labels:
            out[-1] = Segment(out[-1].text + text[a:b], kinds, labels)
        else:
            out.append(Segment(text[a:b], kinds, labels))
    return out
