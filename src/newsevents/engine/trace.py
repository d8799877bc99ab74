"""What the coder did with each trigger candidate, for ``newsevents explain`` and the web explorer.

A :class:`Trace` is optional: the coder takes ``trace=None`` by default and then records nothing (each
recording site is one ``is None`` test). With a trace, every sentence that has trigger candidates gets a
:class:`SentenceTrace`, and every candidate a :class:`CandidateTrace` listing, in order, each named rule that
fired on it or dropped it (:mod:`newsevents.engine.rules`).
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Step:
    """One rule applied to a candidate: the rule's name, its effect (``"dropped"``, ``"fired"``...) and a note."""

    rule: str
    effect: str
    note: str = ""


@dataclass(slots=True)
class CandidateTrace:
    """One trigger candidate: its token (index in the Doc, text, lemma), its character span in the article
    (0-based, end-exclusive), the frame's lemma and CAMEO code, and the steps applied to it in order."""

    token: int
    text: str
    lemma: str
    span: tuple[int, int]
    frame: str
    cameo: str
    is_noun: bool
    steps: list[Step] = field(default_factory=list)

    @property
    def dropped_by(self) -> str | None:
        """The name of the first rule that dropped the candidate, or None when it was kept."""
        return next((s.rule for s in self.steps if s.effect == "dropped"), None)


@dataclass(frozen=True, slots=True)
class TokenRow:
    """One token of the parse the rules saw (after the coder's parse repairs): its index in the Doc, text,
    lemma, coarse part of speech, dependency label and the index of its head (itself for the root)."""

    i: int
    text: str
    lemma: str
    pos: str
    dep: str
    head: int


@dataclass(slots=True)
class SentenceTrace:
    """One sentence: its text, its character span in the article, its tokens, its candidates by token index
    (in the order they were found) and the ids of the events coded from it."""

    text: str
    span: tuple[int, int]
    tokens: list[TokenRow] = field(default_factory=list)
    candidates: dict[int, CandidateTrace] = field(default_factory=dict)
    events: list[str] = field(default_factory=list)

    def candidate(self, trigger, offset: int) -> CandidateTrace:
        """The record of ``trigger`` (a :class:`~newsevents.engine.frames.Trigger`), created on first use."""
        tok = trigger.token
        found = self.candidates.get(tok.i)
        if found is None:
            found = CandidateTrace(tok.i, tok.text, tok.lemma_, (tok.idx + offset, tok.idx + offset + len(tok.text)),
                                   trigger.frame.lemma, trigger.frame.cameo, trigger.is_noun)
            self.candidates[tok.i] = found
        return found


@dataclass(slots=True)
class Trace:
    """Every sentence of one or more articles that had trigger candidates, in text order."""

    sentences: list[SentenceTrace] = field(default_factory=list)

    def sentence(self, sent, offset: int) -> SentenceTrace:
        """Start the record of a spaCy sentence ``sent`` whose Doc begins at ``offset`` in the article."""
        record = SentenceTrace(sent.text, (sent.start_char + offset, sent.end_char + offset),
                               [TokenRow(t.i, t.text, t.lemma_, t.pos_, t.dep_, t.head.i) for t in sent])
        self.sentences.append(record)
        return record

    def for_event(self, event) -> SentenceTrace | None:
        """The sentence record an event (:class:`~newsevents.records.Event`) was coded from, or None."""
        return next((s for s in self.sentences if s.span == tuple(event.sentence_span)), None)
