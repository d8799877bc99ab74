"""The records the coder's stages pass along: one :class:`SentenceState` per sentence, one :class:`Candidate`
per trigger that survives suppression and absorption."""
from __future__ import annotations

from dataclasses import dataclass, field

from .frames import Trigger
from .trace import SentenceTrace, Step


@dataclass(slots=True)
class SentenceState:
    """Everything the stages of one sentence share.

    ``article`` (:class:`~newsevents.records.Article`), ``context`` (the article's actor context), ``sent`` (a
    spaCy sentence Span), ``offset`` (character offset of its Doc in the article), ``inherited`` (the
    attribution carried from the paragraph), ``mentions`` (actor mentions of the article so far).
    ``triggers``: the candidates, in order; ``consumed``: token indices of candidates (or pattern objects)
    that code no event of their own; ``trace``: a :class:`SentenceTrace` or None (then nothing is recorded).
    """

    article: object
    context: object
    sent: object
    offset: int
    inherited: object
    mentions: object
    trace: SentenceTrace | None = None
    triggers: list[Trigger] = field(default_factory=list)
    by_token: dict = field(default_factory=dict)
    expressions: list = field(default_factory=list)
    sentence_attribution: object = None
    consumed: set = field(default_factory=set)
    answered: dict = field(default_factory=dict)  # response trigger -> the request or offer noun it answers
    in_answer: set = field(default_factory=set)  # triggers inside an answered request
    negated_by_refusal: set = field(default_factory=set)
    absorbed: dict = field(default_factory=dict)  # governor token index -> the triggers it absorbs
    named_recipients: dict = field(default_factory=dict)
    named_actors: dict = field(default_factory=dict)  # trigger token index -> its actors (rule sentencing_actor)
    charged: dict = field(default_factory=dict)  # accusing verb -> the ones it accuses
    sources: dict = field(default_factory=dict)  # event id -> token index of its trigger (with a trace only)
    tokens: list = field(default_factory=list)  # the sentence's tokens, made once (iterating a Span makes new ones)
    confident: set = field(default_factory=set)  # triggers the learned model is sure of (rule model_rescue)
    rescue_bare: bool = False  # whether a confident trigger with nobody named is kept
    model_added: set = field(default_factory=set)  # triggers the learned model proposed, or rescued without sparing
    keeper: object = None  # fn(state, token index, rule name, candidate or None) -> bool: the learned drop override

    def may_spare(self) -> bool:
        """Whether the learned model may overrule a drop in this sentence (a confident trigger or a keeper)."""
        return bool(self.confident) or self.keeper is not None

    def spares(self, index: int, rule: str, cand=None) -> bool:
        """Whether the learned model spares the trigger at ``index`` (its :class:`Candidate` ``cand`` at the
        roles stage) from a drop by ``rule`` (:func:`newsevents.engine.learned_stage.spared`); notes it in the
        trace."""
        from .learned_stage import spared

        how = spared(self, index, rule, cand)
        if not how:
            return False
        if self.trace is not None and index in self.by_token:
            self.note(self.by_token[index], rule, f"spared by {how}")
        return True

    def note(self, trigger: Trigger, rule: str, effect: str, note: str = "") -> None:
        """Record that ``rule`` had ``effect`` on ``trigger`` (nothing without a trace)."""
        if self.trace is not None:
            self.trace.candidate(trigger, self.offset).steps.append(Step(rule, effect, note))

    def consume(self, index: int, rule: str) -> None:
        """Mark token ``index`` as coding no event of its own, because of ``rule`` (unless the learned model is
        confident of it and ``rule`` may be overruled)."""
        if self.may_spare() and self.spares(index, rule):
            return
        self.consumed.add(index)
        if self.trace is not None and index in self.by_token:
            self.note(self.by_token[index], rule, "dropped")


@dataclass(slots=True)
class Candidate:
    """A trigger on its way to events: its participants (tuples of :class:`~newsevents.records.Entity`), the
    triggers it absorbed (``inner``), whether its recipients were named in its own slots, whether the clause names
    it as what hit its recipients (``struck``), whether it is coded
    both ways, and its modality, CAMEO code and CAMEO root as the recoding rules leave them."""

    trig: Trigger
    actors: tuple = ()
    recipients: tuple = ()
    inner: list = field(default_factory=list)
    own_recipients: bool = False
    struck: bool = False  # an attack noun whose target the clause names (rule hit_target): no actor needed
    reciprocal: bool = False
    modality: str = ""
    cameo: str = ""
    root: str = ""
