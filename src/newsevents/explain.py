"""Why the coder coded what it did: a readable account of a :class:`~newsevents.engine.trace.Trace`.

For each sentence: the parse the rules saw (token, lemma, part of speech, dependency label, head; also for a
sentence with no candidate, where it shows why), every trigger candidate with each named rule that fired on it or dropped it, and the final events with their evidence. Used
by ``newsevents explain`` and the web explorer's event page ("why this event").
"""
from __future__ import annotations

from collections.abc import Iterator

from .engine.trace import CandidateTrace, SentenceTrace, Trace
from .records import DocumentResult, Event

ROLES = ("heading", "token", "candidate", "fired", "dropped", "event", "evidence", "plain")
"""The role of each line (:func:`explanation_lines`), for styling."""


def explanation_lines(result: DocumentResult, trace: Trace, parse: bool = True) -> Iterator[tuple[str, str]]:
    """(text, role) lines explaining ``result`` (one coded article) from its ``trace``: per sentence, its parse
    (unless ``parse`` is False), then its candidates and rules and its events; a sentence with neither gets a
    heading saying so, with its text, and its parse (which shows why no word was a candidate: a lemma or an
    object the lexicon does not list). Roles are those of :data:`ROLES`. Spans are character offsets in the
    article text, 0-based, end-exclusive."""
    by_sentence: dict[tuple[int, int], list[Event]] = {}
    for event in result.events:
        by_sentence.setdefault(tuple(event.sentence_span), []).append(event)
    for n, sentence in enumerate(trace.sentences, 1):
        events = by_sentence.get(sentence.span, [])
        if not sentence.candidates and not events:  # the parse says why no word was a candidate
            yield f"sentence {n} [{sentence.span[0]}:{sentence.span[1]}]: no trigger candidate: {sentence.text}", \
                "heading"
            if parse:
                yield from _parse_lines(sentence)
            continue
        yield f"sentence {n} [{sentence.span[0]}:{sentence.span[1]}]: {sentence.text}", "heading"
        if parse:
            yield from _parse_lines(sentence)
        yield "  candidates:", "heading"
        for cand in sentence.candidates.values():
            yield from _candidate_lines(cand)
        yield f"  events: {len(events) or 'none'}", "heading"
        for event in events:
            yield from _event_lines(event, result.article.text)
    if not result.events and not any(s.candidates for s in trace.sentences):
        yield ("no trigger candidate: no lexicon frame matched a word of the text (a lexicon word whose frame "
               "does not fit, e.g. an object the frame does not list, is no candidate)"), "plain"


def _parse_lines(sentence: SentenceTrace) -> Iterator[tuple[str, str]]:
    """The parse of one sentence, one token a line: index, text, lemma, POS, label -> head index and text."""
    yield "  parse (index, word, lemma, part of speech, dependency -> head):", "heading"
    texts = {t.i: t.text for t in sentence.tokens}
    for t in sentence.tokens:
        head = "root" if t.head == t.i else f"{t.head} {texts.get(t.head, '?')}"
        yield f"    {t.i:>3} {t.text:<18} {t.lemma:<16} {t.pos:<6} {t.dep:<12} -> {head}", "token"


def _candidate_lines(cand: CandidateTrace) -> Iterator[tuple[str, str]]:
    """One candidate: its word and frame, then each rule applied to it."""
    kind = "noun" if cand.is_noun else "verb"
    status = f"DROPPED by {cand.dropped_by}" if cand.dropped_by else "kept"
    yield (f"    {cand.text!r} ({cand.lemma}, {kind}) [{cand.span[0]}:{cand.span[1]}] "
           f"frame {cand.frame} {cand.cameo}: {status}"), "dropped" if cand.dropped_by else "candidate"
    for step in cand.steps:
        if step.effect == "candidate":
            continue
        note = f" ({step.note})" if step.note else ""
        effect = _EFFECT_LABELS.get((step.effect, step.rule), step.effect)
        if effect.startswith(_SPARED_BY_MODEL):
            effect = f"spared by the learned model ({effect.removeprefix('spared by ')})"
        yield f"      {effect}: {step.rule}{note}", "dropped" if "dropped" in step.effect else "fired"


_EFFECT_LABELS = {
    ("confident", "model_rescue"): "kept by the learned model (p above its rescue threshold)",
    ("dropped", "model_veto"): "dropped by the learned model, which sees no event here",
}
"""What a learned-model step means, said in words where the trace's effect is terse (``confident``)."""

_SPARED_BY_MODEL = "spared by model_"


def _entities(entities) -> str:
    """"CODE/SECTOR 'text'" of each entity ("inferred" for one the text does not name), or "-"."""
    return " + ".join(f"{e.code}/{e.sector or '-'} {e.entity_text!r}" if e.entity_text
                      else f"{e.code}/{e.sector or '-'} (inferred)" for e in entities) or "-"


def _event_lines(event: Event, text: str) -> Iterator[tuple[str, str]]:
    """One event: type, code, modality, actor -> recipient, date, attribution, place, then its evidence."""
    yield (f"    {event.event_type} {event.cameo_code} {event.modality}: {_entities(event.actor)} -> "
           f"{_entities(event.recipient)}"), "event"
    details = [f"date {event.date.value} ({event.date.precision}"
               + (f", {event.date.text!r})" if event.date.text else ")")]
    if event.attribution is not None:
        details.append(f"source {event.attribution.text!r}")
    if event.location is not None:
        country = f" ({event.location.country})" if event.location.country else ""
        details.append(f"place {event.location.text!r}{country}")
    details.append(f"id {event.id}")
    yield "      " + "; ".join(details), "plain"
    (s0, s1), (e0, e1) = event.sentence_span, event.event_span
    yield f"      evidence: {text[s0:e0]}[{text[e0:e1]}]{text[e1:s1]}", "evidence"


def sentence_explanation(trace: Trace, event: Event) -> list[tuple[str, str]]:
    """The lines of the sentence ``event`` was coded from (parse left out), or [] when the trace has none:
    the "why this event" of the web explorer."""
    sentence = trace.for_event(event)
    if sentence is None:
        return []
    lines = [("candidates:", "heading")]
    for cand in sentence.candidates.values():
        lines.extend((text.strip(), role) for text, role in _candidate_lines(cand))
    return lines
