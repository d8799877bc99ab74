"""The candidate stage of the learned trigger model (:mod:`newsevents.learned`): veto, proposals and rescue.

It runs right after :func:`~newsevents.engine.sentence.match_triggers` and does nothing when the coder has no
model (``EventCoder(..., model=None)``, ``newsevents --no-model``):

* rule ``model_veto`` -- a lexicon trigger whose "no event" probability reaches the model's ``veto`` is dropped
  (a lexicon word used in another sense, which its frame's object lists did not exclude);
* rule ``model_proposal`` -- a word the lexicon does not match whose best event type reaches ``propose`` becomes
  a candidate with a synthetic frame of that type (a rarer synonym of an attack verb that no frame lists);
* rule ``model_rescue`` -- a lexicon trigger whose own type reaches ``rescue`` is *confident*: the suppression
  and label rules, the answered-request rule and the rules that require an actor or a recipient of the frame do
  not drop it ("la mobilisation contre la réforme", coded although the rules took it for background).
"""
from __future__ import annotations

from ..learned import NO_EVENT, candidate, features
from ..lexicon import Frame
from .frames import SYNTHETIC_LEMMAS, Trigger

"""Frames of the engine's own constructions, not of the lexicon: the model neither scores nor vetoes them."""

RESCUABLE = frozenset({"suppression", "labels"})
"""Rule stages whose drops a confident trigger escapes (besides :data:`RESCUABLE_RULES`)."""
RESCUABLE_RULES = frozenset({"in_answered_request", "actor_required", "recipient_required"})
"""Single rules whose drops a confident trigger escapes."""


class LearnedStage:
    """Mixin of :class:`~newsevents.coder.EventCoder`: the model's rows for a sentence."""

    def _learned_rows(self, sent, offset, triggers):
        """The tokens the trigger model scores in ``sent`` (candidates and lexicon triggers) and their
        (feature names, word vector) rows."""
        by_token = {t.token.i: t for t in triggers}
        first = offset == 0 and sent.start == 0
        tokens = [tok for tok in sent if tok.i in by_token or candidate(tok)]
        rows = []
        for tok in tokens:
            trig = by_token.get(tok.i)
            rule_type = self.cameo.plover(trig.frame.cameo) if trig is not None else NO_EVENT
            lemma = tok.lemma_.lower()
            known = frozenset(self.cameo.plover(f.cameo) for f in
                              self.lex.verbs.get(lemma, ()) + self.lex.nouns.get(lemma, ()))
            rows.append((features(tok, rule_type, known, first), tok.vector))
        return tokens, rows


def learned_triggers(coder, s) -> None:
    """Candidate stage: apply the model's veto, proposals and rescue to ``s.triggers`` (see the module
    docstring); confident token indices go to ``s.confident``."""
    model = coder.model
    if model is None or not model.active:
        return
    lexicon = [t for t in s.triggers if t.frame.lemma not in SYNTHETIC_LEMMAS]  # obligations, headline visits...
    tokens, rows = coder._learned_rows(s.sent, s.offset, lexicon)
    probs = model.probabilities(rows)
    by_token = {t.token.i: t for t in lexicon}
    vetoed: set[int] = set()
    added: list[Trigger] = []
    for tok, p in zip(tokens, probs):
        trig = by_token.get(tok.i)
        if trig is not None:
            plover = coder.cameo.plover(trig.frame.cameo)
            if p[0] >= model.veto:
                vetoed.add(tok.i)
                s.note(trig, "model_veto", "dropped", f"p(no event) {p[0]:.2f}")
            elif plover in model.labels and p[model.labels.index(plover)] >= model.rescue:
                s.confident.add(tok.i)
                s.rescue_bare = model.rescue_bare
                s.note(trig, "model_rescue", "confident", f"p({plover}) {p[model.labels.index(plover)]:.2f}")
            continue
        best = int(p[1:].argmax()) + 1
        if p[best] >= model.propose and not any(t.token.i == tok.i for t in s.triggers):
            trig = proposed_trigger(coder, tok, model.labels[best])
            added.append(trig)
            s.note(trig, "model_proposal", "candidate", f"p({model.labels[best]}) {p[best]:.2f}")
    s.triggers = sorted([t for t in s.triggers if t.token.i not in vetoed] + added, key=lambda t: t.token.i)


def proposed_trigger(coder, tok, plover: str) -> Trigger:
    """A trigger for a word the model proposes: a synthetic frame with the model's CAMEO code for the word and
    type, and the recipient slots the lexicon's frames of that CAMEO root use most."""
    lemma = tok.lemma_.lower()
    cameo = coder.model.code_for(lemma, plover)
    is_noun = tok.pos_ in ("NOUN", "PROPN")
    frame = Frame(lemma=lemma, cameo=cameo, recipient=coder._synthetic_slots.get((cameo[:2], is_noun), ()))
    return Trigger(tok, frame, None, is_noun)


def spared(state, index: int, rule_name: str) -> bool:
    """Whether a drop by rule ``rule_name`` spares the trigger at token ``index`` because the model is confident
    of it (rule ``no_participants`` only when the model keeps confident triggers with nobody named)."""
    if index not in state.confident:
        return False
    if rule_name in RESCUABLE_RULES or (rule_name == "no_participants" and state.rescue_bare):
        return True
    from .rulebook import REGISTRY

    try:
        return REGISTRY.get(rule_name).stage in RESCUABLE
    except KeyError:  # "pattern_object", "absorbed", "noun_topic"...: structural, never spared
        return False
