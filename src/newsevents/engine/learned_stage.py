"""The candidate stage of the learned trigger model (:mod:`newsevents.learned`): veto, proposals and rescue.

It runs right after :func:`~newsevents.engine.sentence.match_triggers` and does nothing when the coder has no
model (``EventCoder(..., model=None)``, ``newsevents --no-model``):

* rule ``model_veto`` -- a lexicon trigger whose "no event" probability reaches the model's ``veto`` is dropped
  (a lexicon word used in another sense, which its frame's object lists did not exclude);
* rule ``model_proposal`` -- a word the lexicon does not match whose best event type reaches ``propose`` becomes
  a candidate with a synthetic frame of that type (a rarer synonym of an attack verb that no frame lists); a word
  whose lemma has frames, none of which matched, whose likeliest frame type reaches ``propose_known`` becomes a
  candidate with that frame (:func:`known_frame_trigger`);
* rule ``model_rescue`` -- a lexicon trigger whose own type reaches ``rescue`` is *confident*: the suppression
  and label rules, the answered-request rule and the rules that require an actor or a recipient of the frame do
  not drop it ("la mobilisation contre la réforme", coded although the rules took it for background), unless the
  model's ``spare`` is off: then its confidence only opens it to the learned actor and recipient choices of scope
  ``added`` (and to their requirement), as for a proposed trigger;
* rule ``model_actor`` (roles stage) -- an event left with no actor gets the actor mentioned in its sentence that
  the learned actor choice (:mod:`newsevents.learned_roles`) scores highest, when that score reaches the role
  model's threshold; by the role model's scope, only the events of triggers the model proposed or rescued, or all;
  rule ``model_actor_required`` then drops an event the model added that still has no actor (when required);
* rule ``model_recipient`` (roles stage) -- the same for an event left with no recipient, by the learned
  recipient choice, after the rules' own recipient fallbacks;
* the drop override (:mod:`newsevents.learned_keep`, "spared by model_keep" in the trace of the dropping rule) --
  a lexicon trigger a suppression, label or roles rule drops is kept when the override is sure of it
  (:func:`keep_dropped`), and is then treated like a rescued one.
"""
from __future__ import annotations

from functools import partial

from ..learned import NO_EVENT, candidate, dense_vector, features
from ..lexicon import Frame
from .frames import SYNTHETIC_LEMMAS, Trigger

"""Frames of the engine's own constructions, not of the lexicon: the model neither scores nor vetoes them."""

RESCUABLE = frozenset({"suppression", "labels"})
"""Rule stages whose drops a confident trigger escapes (besides :data:`RESCUABLE_RULES`)."""
RESCUABLE_RULES = frozenset({"in_answered_request", "actor_required", "recipient_required"})
"""Single rules whose drops a confident trigger escapes."""


class LearnedStage:
    """Mixin of :class:`~newsevents.coder.EventCoder`: the model's rows for a sentence."""

    def _learned_rows(self, sent, offset, triggers, candidates: bool = True):
        """The tokens the trigger model scores in ``sent`` (the lexicon triggers, and with ``candidates`` the
        other candidate words too) and their (feature names, dense features) rows; the dense blocks are the
        coder's model's (``dense``, :func:`newsevents.learned.dense_vector`)."""
        by_token = {t.token.i: t for t in triggers}
        first = offset == 0 and sent.start == 0
        if candidates:
            tokens = [tok for tok in sent if tok.i in by_token or candidate(tok)]
        else:  # the triggers' own tokens, in sentence order (no walk over the sentence)
            tokens = [by_token[i].token for i in sorted(by_token) if sent.start <= i < sent.end]
        return tokens, [self._learned_row(tok, by_token.get(tok.i), first) for tok in tokens]

    def _lemma_types(self, lemma: str) -> frozenset[str]:
        """The PLOVER types of every lexicon frame (verb or noun) of ``lemma`` (lower case), memoised per coder."""
        memo = self.__dict__.setdefault("_lemma_types_memo", {})
        known = memo.get(lemma)
        if known is None:
            if len(memo) > 100_000:  # words of a corpus-scale run: start afresh
                memo.clear()
            known = memo[lemma] = frozenset(self.cameo.plover(f.cameo) for f in
                                            self.lex.verbs.get(lemma, ()) + self.lex.nouns.get(lemma, ()))
        return known

    def _learned_row(self, tok, trig, first: bool, dense: bool = True):
        """One token's (feature names, dense features) row; ``trig``: the lexicon trigger at the token or None;
        ``first``: whether the sentence is the document's first; ``dense`` False gives an empty dense part."""
        rule_type = self.cameo.plover(trig.frame.cameo) if trig is not None else NO_EVENT
        lemma = tok.lemma_.lower()
        known = self._lemma_types(lemma)
        vector = dense_vector(tok, self.model.dense, self.model.tensor_width) if dense else None
        return features(tok, rule_type, known, first, self.lex.rel), vector


def learned_triggers(coder, s) -> None:
    """Candidate stage: apply the model's veto, proposals and rescue to ``s.triggers`` (see the module
    docstring); confident token indices go to ``s.confident``."""
    model = coder.model
    if model is None or not model.active:
        return
    lexicon = [t for t in s.triggers if t.frame.lemma not in SYNTHETIC_LEMMAS]  # obligations, headline visits...
    # words the lexicon lacks are scored only when proposals can fire (a row's probabilities do not depend on
    # the other rows, so leaving them out changes nothing else)
    tokens, rows = coder._learned_rows(s.sent, s.offset, lexicon,
                                       candidates=min(model.propose, model.propose_known) <= 1.0)
    probs = model.probabilities(rows)
    by_token = {t.token.i: t for t in lexicon}
    vetoed: set[int] = set()
    added: list[Trigger] = []
    type_probs: dict[int, float] = {}
    if model.keep is not None and model.keep.threshold <= 1.0:
        s.keeper = partial(keep_dropped, coder, type_probs)
    for tok, p in zip(tokens, probs):
        trig = by_token.get(tok.i)
        if trig is not None:
            plover = coder.cameo.plover(trig.frame.cameo)
            type_probs[tok.i] = float(p[model.labels.index(plover)]) if plover in model.labels else 0.0
            if p[0] >= model.veto:
                vetoed.add(tok.i)
                s.note(trig, "model_veto", "dropped", f"p(no event) {p[0]:.2f}")
            elif plover in model.labels and p[model.labels.index(plover)] >= model.rescue:
                (s.confident if model.spare else s.model_added).add(tok.i)
                s.rescue_bare = model.rescue_bare
                s.note(trig, "model_rescue", "confident", f"p({plover}) {p[model.labels.index(plover)]:.2f}")
            continue
        if any(t.token.i == tok.i for t in s.triggers):
            continue
        best = int(p[1:].argmax()) + 1
        trig = proposed_trigger(coder, tok, model.labels[best]) if p[best] >= model.propose else None
        if trig is None and (trig := known_frame_trigger(coder, tok, p)) is not None:
            best = model.labels.index(coder.cameo.plover(trig.frame.cameo))
        if trig is not None:
            added.append(trig)
            s.model_added.add(tok.i)
            s.note(trig, "model_proposal", "candidate", f"p({model.labels[best]}) {p[best]:.2f}")
    s.triggers = sorted([t for t in s.triggers if t.token.i not in vetoed] + added, key=lambda t: t.token.i)


def known_frame_trigger(coder, tok, p) -> Trigger | None:
    """A trigger for a word no lexicon frame matched although its lemma has frames (of its part of speech): the
    frame whose PLOVER type the model scores highest in ``p`` (its class probabilities), when that probability
    reaches the model's ``propose_known``; None otherwise."""
    model = coder.model
    if model.propose_known > 1.0:
        return None
    is_noun = tok.pos_ in ("NOUN", "PROPN")
    frames = (coder.lex.nouns if is_noun else coder.lex.verbs).get(tok.lemma_.lower(), ())
    scored = [(float(p[model.labels.index(plover)]), k) for k, plover in
              enumerate(coder.cameo.plover(f.cameo) for f in frames) if plover in model.labels]
    if not scored or max(scored)[0] < model.propose_known:
        return None
    return Trigger(tok, frames[max(scored)[1]], None, is_noun)


def proposed_trigger(coder, tok, plover: str) -> Trigger:
    """A trigger for a word the model proposes: a synthetic frame with the model's CAMEO code for the word and
    type, and the recipient slots the lexicon's frames of that CAMEO root use most."""
    lemma = tok.lemma_.lower()
    cameo = coder.model.code_for(lemma, plover)
    is_noun = tok.pos_ in ("NOUN", "PROPN")
    frame = Frame(lemma=lemma, cameo=cameo, recipient=coder._synthetic_slots.get((cameo[:2], is_noun), ()))
    return Trigger(tok, frame, None, is_noun)


def spared(state, index: int, rule_name: str, cand=None) -> str:
    """How a drop by rule ``rule_name`` spares the trigger at token ``index``: ``"model_rescue"`` when the model
    is confident of it (rule ``no_participants`` only when the model keeps confident triggers with nobody named),
    ``"model_keep"`` when the learned drop override keeps it (:func:`keep_dropped`; ``cand``: its
    :class:`~newsevents.engine.state.Candidate` at the roles stage), ``""`` when the drop stands."""
    if index in state.confident and _rescuable(rule_name, state.rescue_bare):
        return "model_rescue"
    if state.keeper is not None and state.keeper(state, index, rule_name, cand):
        return "model_keep"
    return ""


def _rescuable(rule_name: str, bare: bool) -> bool:
    """Whether a confident trigger escapes a drop by ``rule_name`` (see :data:`RESCUABLE`)."""
    if rule_name in RESCUABLE_RULES or (rule_name == "no_participants" and bare):
        return True
    from .rulebook import REGISTRY

    try:
        return REGISTRY.get(rule_name).stage in RESCUABLE
    except KeyError:  # "pattern_object", "absorbed", "noun_topic"...: structural, never spared
        return False


def keep_dropped(coder, type_probs: dict, s, index: int, rule_name: str, cand=None) -> bool:
    """The learned drop override (:mod:`newsevents.learned_keep`): whether the lexicon trigger at token
    ``index``, which rule ``rule_name`` drops, is kept (``type_probs``: token index -> the trigger model's
    probability of the trigger's own type, for an override that reads it). A kept trigger is treated like a
    rescued one (open to the learned role choices of scope ``added``); at the roles stage (``cand`` given) one
    with no actor gets the learned actor choice's best candidate, and with the override's ``actor`` on is kept
    only if it gets one."""
    keep = coder.model.keep
    trig = s.by_token.get(index)
    if trig is None or trig.frame.lemma in SYNTHETIC_LEMMAS or not keep.overrules(rule_name):
        return False
    from ..learned_keep import keep_features

    names, _ = coder._learned_row(trig.token, trig, s.offset == 0 and s.sent.start == 0, dense=False)
    plover = coder.cameo.plover(trig.frame.cameo)
    p_type = type_probs.get(index, 0.0) if keep.with_p else None
    if keep.probability(keep_features(trig.token, names, rule_name, plover, p_type)) < keep.threshold:
        return False
    s.model_added.add(index)
    if cand is not None and not cand.actors:
        cand.actors = model_actor(coder, cand, s)
        if keep.actor and not cand.actors and not cand.struck:
            s.model_added.discard(index)
            return False
    return True


def role_candidates(coder, trig, s) -> list[tuple[object, object, str]]:
    """The actors named in the trigger's sentence, as (head token, :class:`~newsevents.records.Entity`, mention
    kind) triples in text order: each actor mention's phrase resolved (one entity per coordinated member), with a
    country code, its head not the trigger, each (code, span) once."""
    tok = trig.token
    sent = s.sent
    seen: set = set()
    out = []
    for mention in s.context.mentions_in(tok.doc, sent.start, sent.end):
        head = tok.doc[mention.start:mention.end].root
        if head.i == tok.i:
            continue
        for entity in s.context.resolve(head):
            key = (entity.code, entity.span)
            if entity.code and entity.code != "---" and key not in seen:
                seen.add(key)
                out.append((head, entity, mention.kind))
    return out


def model_actor(coder, c, s) -> tuple:
    """Roles fallback (rule ``model_actor``): the best candidate of :func:`role_candidates` for an event with no
    actor, by the learned actor choice, when its probability reaches the role model's threshold and the scope
    covers the trigger; () otherwise. A candidate that is one of the event's recipients is never chosen."""
    model = coder.model
    return _choose(coder, c, s, model.roles if model is not None else None, c.recipients)


def model_recipient(coder, c, s) -> tuple:
    """Roles fallback (rule ``model_recipient``): the same for an event with no recipient, by the learned
    recipient choice; one of the event's actors is never chosen."""
    model = coder.model
    return _choose(coder, c, s, model.recipients if model is not None else None, c.actors)


def _choose(coder, c, s, roles, others) -> tuple:
    """The best-scored candidate by ``roles`` (a :class:`~newsevents.learned_roles.RoleModel` or None) as a
    1-tuple of entities, skipping the spans of ``others``; () when none reaches the threshold."""
    if roles is None or roles.threshold > 1.0:
        return ()
    i = c.trig.token.i
    if not roles.covers(i in s.confident or i in s.model_added):
        return ()
    from ..learned_roles import role_features

    taken = {e.span for e in others}
    found = [(head, e, kind) for head, e, kind in role_candidates(coder, c.trig, s)
             if e.span not in taken and not governs_relative_host(coder, c.trig.token, head)]
    if not found:
        return ()
    plover = coder.cameo.plover(c.trig.frame.cameo)
    case_marker = coder.lex.rel.case_marker
    probs = roles.probabilities([role_features(c.trig.token, head, e.sector, plover, kind, case_marker)
                                 for head, e, kind in found])
    best = int(probs.argmax())
    return (found[best][1],) if probs[best] >= roles.threshold else ()


def governs_relative_host(coder, tok, head) -> bool:
    """Rule ``relative_host_governor``: whether the candidate headed by ``head`` is the subject of the verb
    that governs the noun a relative clause of the trigger ``tok`` hangs on -- the main clause's subject, who
    is not the author of the act told in the relative ("Le gouvernement a condamné l'attentat qui a tué
    douze soldats": the government did not kill). Tokens of one parsed sentence; False otherwise."""
    rel = coder.lex.rel
    if not (tok.dep_ in coder.lex.label("relative_clause") or (tok.dep_ == rel.adnominal_clause
                                                               and tok.pos_ in ("VERB", "AUX"))):
        return False
    host = tok.head
    if host.i == tok.i or host.pos_ in ("VERB", "AUX") or host.head.i == host.i:
        return False
    while head.dep_ == rel.conjunct and head.head.i != head.i:
        head = head.head
    return (head.dep_.startswith(rel.nominal_subject) or head.dep_ in coder.lex.label("passive_subject")) \
        and head.head.i == host.head.i


def actor_still_missing(coder, c, s) -> bool:
    """Whether an event of a trigger the model proposed or rescued has no actor (and is not an attack named as
    what struck its recipient) while the role model requires one (rule ``model_actor_required``)."""
    model = coder.model
    if model is None or model.roles is None or not model.roles.require or c.actors or c.struck:
        return False
    return c.trig.token.i in s.confident or c.trig.token.i in s.model_added
