"""Absorption: an act inside a demand, threat, pledge or an answered request is part of that event."""
from __future__ import annotations

from .frames import ANSWERED_ROOTS, Trigger


class Absorption:
    """Governors that absorb the candidates in their complement.
    A mixin of :class:`~newsevents.engine.coder.EventCoder`."""

    def _answered_act(self, tok):
        """The request, offer or ultimatum that a response word (cue list ``response_words``) answers: a noun
        complement whose lexicon frames include a root of :data:`ANSWERED_ROOTS` ("a rejeté l'appel de l'ONU",
        "a accepté jeudi la demande des rebelles", "refuse de répondre à l'exigence de X", "le rejet de ses
        demandes"); None when there is none. Such a request is no event of its own: the response is the event
        and the request's author its recipient (ANNOTATION.md, PLOVER REJECT / CONCEDE)."""
        rel = self.lex.rel
        responses = self.lex.cue("response_words")
        if tok.lemma_.lower() not in responses:
            return None
        if tok.pos_ in ("NOUN", "PROPN"):
            slots = [c for c in tok.children if c.dep_ == rel.nominal_modifier
                     and self._case_of(c) in self.lex.cue("response_slot_preps")]
        else:
            verbs = [tok] + [c for c in tok.children
                             if c.dep_ == rel.open_complement and c.lemma_.lower() in responses]
            if tok.dep_ == rel.conjunct and tok.head.lemma_ in self.lex.cue("perfect_auxiliaries") \
                    and tok.head.i < tok.i:
                verbs.append(tok.head)  # "a une nouvelle fois rejeté une offre": the object hangs on "a"
            preps = (None, *self.lex.cue("response_oblique_preps"))
            slots = [c for v in verbs for c in v.children if c.dep_ in (rel.object, rel.indirect_object)
                     or ((c.dep_ == rel.oblique or c.dep_ in self.lex.label("argument_oblique"))
                         and self._case_of(c) in preps)]
        return next((c for c in slots if c.pos_ == "NOUN" and self.lex.coded_noun(c.lemma_, ANSWERED_ROOTS)), None)

    def _answer_participants(self, trig: Trigger, act, context, actors, recipients):
        """Participants of a response to the request ``act`` (:meth:`_answered_act`): the recipient is the
        request's author, named by a demonym or "de" complement ("une demande américaine", "l'appel des Nations
        unies"), a possessive ("ses demandes") or a participle's agent ("faites par X"); a response noun's actor
        is its "par" agent ("le refus de ses propositions par le Japon"). Falls back to the given ones."""
        rel = self.lex.rel
        author = context.modifier_actors(act)
        if not author:
            poss = next((c for c in act.children if c.dep_ == rel.determiner and c.morph.get("Poss") == ["Yes"]), None)
            author = context.resolve(poss) if poss is not None else ()
        if not author:
            for acl in (c for c in act.children if c.dep_ == rel.adnominal_clause and c.pos_ in ("VERB", "ADJ")):
                agent = next((g for g in acl.children if g.dep_ in self.lex.label("passive_agent")
                              or self._case_of(g) in self.lex.cue("agent_preps")), None)
                if agent is not None:
                    author = context.resolve(agent)
                    break
        if trig.is_noun:
            agent = next((c for h in (trig.token, act) for c in h.children
                          if c.dep_ == rel.nominal_modifier and self._case_of(c) in self.lex.cue("agent_preps")), None)
            if agent is not None:
                actors = context.resolve(agent) or actors
        author = tuple(a for a in author if a.span not in {x.span for x in actors})
        return actors, (author or recipients)

    def _is_conflict(self, cameo: str) -> bool:
        return self.cameo[cameo].quad_class in (3, 4)

    def _under_modifier(self, tok, governor) -> bool:
        """``tok`` is inside a clause modifying a noun below ``governor``: a participle ("les accords conclus
        avec X") or a relative clause, not an infinitive complement ("le refus de fournir")."""
        rel = self.lex.rel
        node = tok
        while node.i != governor.i and node.head.i != node.i:
            if node.dep_ in self.lex.label("relative_clause") or (node.dep_ == rel.adnominal_clause
                                                                  and node.pos_ in ("VERB", "AUX")
                                            and node.morph.get("VerbForm") != ["Inf"]):
                return True
            node = node.head
        return False

    def _clausal_complement(self, tok, governor) -> bool:
        """``tok`` is reached from ``governor`` through verb complements only ("refuse de s'engager à
        attaquer"), not through a noun phrase ("rejette une demande d'interroger des détenus arrêtés")."""
        rel = self.lex.rel
        node = tok
        while node.i != governor.i:
            if node.dep_ not in (rel.open_complement, rel.clausal_complement) or node.head.i == node.i:
                return False
            node = node.head
        return True

    def _absorbing_governor(self, tok, by_token) -> Trigger | None:
        """The nearest trigger above ``tok`` (within its clause chain) whose frame absorbs complements. A participle
        with its own agent is an event told about a complement, not part of the governing act ("demande une
        enquête sur la mort de la journaliste, abattue par un soldat"): None. An ``advcl`` introduced by a mark of
        the cue list ``complement_clause_marks`` (absent in French and English) counts as a complement."""
        rel = self.lex.rel
        if tok.dep_ == rel.adnominal_clause and tok.morph.get("VerbForm") == ["Part"] and any(
                c.dep_ in self.lex.label("passive_agent")
                or (c.dep_.startswith(rel.oblique) and self._case_of(c) in self.lex.cue("agent_preps"))
                for c in tok.children):
            return None
        node = tok
        steps = 0
        while node.head.i != node.i and steps < 6:
            dep = node.dep_
            if dep == rel.adverbial_clause and any(c.dep_ == rel.clause_marker and c.lower_ in self.lex.cues.get(
                    "complement_clause_marks", ()) for c in node.children):
                dep = rel.open_complement  # "amenazó con arrestar": an infinitive complement the parser calls advcl
            node = node.head
            steps += 1
            trig = by_token.get(node.i)
            if trig is None and dep == rel.clausal_complement and node.lemma_.lower() in self.lex.support_verbs:
                # "a renouvelé sa demande que la Serbie retire...": the clause hangs on the support verb
                trig = next((by_token[c.i] for c in node.children if c.dep_ == rel.object and c.i in by_token
                             and by_token[c.i].is_noun and by_token[c.i].frame.absorbs), None)
                if trig is not None:
                    return trig
            if trig is not None:
                if trig.frame.absorbs and (dep in (rel.open_complement, rel.clausal_complement, rel.object,
                                                   rel.indirect_object, rel.adnominal_clause, rel.nominal_modifier,
                                                   rel.oblique)
                                           or dep in self.lex.label("argument_oblique")):
                    return trig
                return None
            relative = dep in self.lex.label("relative_clause")
            if (dep in (rel.conjunct, rel.parataxis, rel.nominal_subject, rel.adverbial_clause)
                or relative) and not (  # "appelé à ce que"
                    relative and node.lower_ in self.lex.cue("clause_demonstratives") and node.pos_ == "PRON"):
                return None
        return None
