"""Modality: asserted, alleged, intended, negated or hypothetical, from the trigger's clause."""
from __future__ import annotations

from .frames import Trigger


class Modality:
    """The modality of a trigger and the clause features it depends on.
    A mixin of :class:`~newsevents.engine.coder.EventCoder`."""

    def _conditioned(self, tok) -> bool:
        """The verb's clause has a "si" condition ("retirerait ses troupes du Tchad si le président ne ..."),
        also when the parser hangs the condition on the reporting verb after the clause ("a annoncé qu'il
        retirerait ses troupes si ..."): a reported fact has no condition, the announced act does."""
        rel = self.lex.rel
        cue = self.lex.cue
        verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
        if any(t.dep_ == rel.clause_marker and t.lower_ in cue("condition_marks") and t.i != verb.i
               for t in verb.subtree):
            return True
        if any(c.lower_ in cue("condition_nouns") and self._case_of(c) in cue("condition_noun_preps")
               for c in verb.children):
            return True  # "en cas de refus, les contrats seront arrêtés"
        return verb.dep_ == rel.clausal_complement and any(
            c.dep_ == rel.adverbial_clause and c.i > verb.i
            and any(m.dep_ == rel.clause_marker and m.lower_ in cue("condition_marks") for m in c.children)
            for c in verb.head.children)

    def _self_announced(self, tok) -> bool:
        """A conditional clause under a reporting verb whose subject is the clause's own subject or a pronoun
        standing for it ("X a annoncé qu'il retirerait ses troupes")."""
        rel = self.lex.rel
        verb = tok if tok.pos_ in ("VERB", "AUX") or tok.dep_ == rel.clausal_complement else tok.head
        if verb.dep_ != rel.clausal_complement or verb.head.lemma_.lower() not in self._reporting:
            return False
        # a verb the tagger took for a noun ("qu'ils boycotteraient tout contact") keeps its own subject
        inner = next((c for c in list(tok.children) + list(verb.children) if c.dep_ in self.lex.label("subjects")),
                     None)
        outer = next((c for c in verb.head.children if c.dep_ in self.lex.label("subjects")), None)
        if inner is None or outer is None:
            return False
        label, cue = self.lex.label, self.lex.cue
        if inner.dep_ in label("passive_subject") and not any(
                c.dep_ in label("passive_agent") or self._case_of(c) in cue("agent_preps") for c in verb.children):
            return True  # "a prévenu que les contrats seraient arrêtés": no other doer than the speaker's side
        return inner.pos_ == "PRON" and inner.lower_ in cue("weak_subject_pronouns") \
            or inner.lemma_ == outer.lemma_

    def _modality(self, trig: Trigger, sent) -> str:
        """The modality of a trigger in its spaCy sentence ``sent``: "hypothetical" (a condition, a question, a
        modal of possibility), "negated", "intended" (future, intent), "alleged" (conditional mood, allegation
        cues) or "asserted", tested in this order on the trigger and the clause chain above it."""
        rel = self.lex.rel
        tok = trig.token
        chain = self._clause_chain(tok)
        verb = tok if not trig.is_noun else (  # a noun takes its verb's tense and negation only as its object
            tok.head if tok.head.pos_ in ("VERB", "AUX") and (
                tok.dep_ in (rel.object, rel.nominal_subject) or tok.dep_ in self.lex.label("passive_subject")
                or tok.dep_ in self.lex.label("argument_oblique"))
            and not self._subject_of_other_act(tok) else tok)

        cues = self.lex.cue
        for n in chain:  # a condition ("si le Maroc ne présentait pas d'excuses") is hypothetical first
            if any(c.dep_ == rel.clause_marker and c.lower_ in cues("hypothetical_marks") for c in n.children):
                return "hypothetical"
        if self._negated(trig, verb) or self._negated_governor(chain) or self._denied(verb):
            return "negated"
        if self._hypothetical(trig, chain, sent):
            return "hypothetical"
        if self._intended(chain, verb):
            return "intended"
        return self._alleged(trig, chain, verb) or "asserted"

    def _clause_chain(self, tok) -> list:
        """The trigger and the verbs or nouns governing it in its clause chain (at most four steps up), stopping
        at a coordination, a reporting verb, an adjunct clause (but a purpose) or a background adjunct."""
        rel = self.lex.rel
        chain = [tok]
        node = tok
        for _ in range(4):  # the trigger and the verbs/nouns governing it in its clause chain
            if node.head.i == node.i or node.dep_ in (rel.conjunct,
                                                      rel.parataxis) or node.dep_.lower() == rel.root.lower():
                break
            if node.dep_ in (rel.clausal_complement,) and node.head.lemma_.lower() in self._reporting:
                break
            if node.dep_ == rel.adverbial_clause and not any(c.dep_ == rel.clause_marker
                                                             and c.lower_ in self.lex.cue("purpose_marks")
                                                for c in node.children):
                break  # an adjunct clause keeps its own modality
            if node.dep_ in self.lex.label("relative_clause"):
                break  # so does a relative clause ("the helicopter that was captured")
            if node.dep_ in self.lex.label("modifier_oblique") or (
                    node.dep_ in (rel.oblique,
                                  rel.nominal_modifier) and self._case_of(node) in self.lex.cue("background_preps")):
                break  # "ont tenté de rassurer Moscou après l'attaque": the attack happened
            node = node.head
            chain.append(node)
        return chain

    def _negated(self, trig: Trigger, verb) -> bool:
        """Negation on the trigger or its verb ("n'a pas rencontré", "pas de visite") or a negative determiner
        on an event noun ("aucune visite")."""
        rel = self.lex.rel
        cues = self.lex.cue
        tok = trig.token
        for n in {tok, verb}:
            has_ne = any(c.lower_ in cues("negation_particles") for c in n.children)
            # "pas"/"jamais" negate alone in headlines ("pas de visite"); "plus", "guère", "point" only with
            # "ne" ("bien plus ont été tués" is a comparison)
            if has_ne or any(c.lower_ in cues("negation_words") and c.dep_ == rel.adverbial_modifier
                             and c.lower_ in cues("headline_negation") for c in n.children):
                return True
        if self._negative_subject(verb):
            return True
        return trig.is_noun and any(c.lower_ in cues("negation_determiners") for c in tok.children)

    def _negative_subject(self, verb) -> bool:
        """A subject that names no one who acted, with a word of the cue list ``negative_subject_marks`` before
        its noun ("Neither Kenya nor Uganda boycotted the summit", "No country condemned it"; English only)."""
        marks = self.lex.cues.get("negative_subject_marks")
        return bool(marks) and any(c.dep_ in self.lex.label("subjects") and any(g.lower_ in marks and g.i < c.i
                                                                   for g in c.children) for c in verb.children)

    def _negated_governor(self, chain) -> bool:
        """A negated verb governs the trigger through the links of the cue list ``negated_governor_links`` (none
        in a language without it): "did not want to help Israel", "would not give permission to Russia to
        help Israel" (English: ``xcomp``, ``advcl``). ``chain`` is :meth:`_clause_chain`'s, trigger first."""
        links = self.lex.cues.get("negated_governor_links")
        if not links:
            return False
        particles = self.lex.cue("negation_particles")
        for lower, n in zip(chain, chain[1:]):
            if lower.dep_ not in links or n.pos_ not in ("VERB", "AUX"):
                return False
            if any(c.lower_ in particles for c in n.children):
                return True
        return False

    def _denied(self, verb) -> bool:
        """Rule ``denied_act``: the trigger's verb is the infinitive or completive complement (``xcomp``,
        ``ccomp``, through at most one more infinitive) of a verb of the cue list ``denial_verbs`` that is not
        itself negated: the act is said not to have happened ("Moscou a démenti avoir bombardé un hôpital",
        "Russia denied bombing", "Rusia negó haber bombardeado"): coded ``negated`` (ANNOTATION.md)."""
        denial = self.lex.cues.get("denial_verbs")
        if not denial:
            return False
        rel = self.lex.rel
        node = verb
        for _ in range(2):
            if node.dep_ not in (rel.open_complement, rel.clausal_complement) or node.head.i == node.i:
                return False
            head = node.head
            if head.pos_ == "VERB" and head.lemma_.lower() in denial:
                return not any(c.lower_ in self.lex.cue("negation_particles") for c in head.children)
            if node.dep_ != rel.open_complement:
                return False
            node = head
        return False

    def _hypothetical(self, trig: Trigger, chain, sent) -> bool:
        """A "si" condition, a modal of possibility above the trigger or as its auxiliary ("may halt"), a noun
        of risk above it ("la menace d'une offensive", "en cas d'attaque"), "imminent" on it, or a question."""
        rel = self.lex.rel
        cues = self.lex.cue
        for n in chain:
            if any(c.dep_ == rel.clause_marker and c.lower_ in cues("hypothetical_marks") for c in n.children):
                return True
            if n.pos_ in ("VERB", "AUX") and any(c.dep_.startswith(rel.auxiliary)
                                                 and c.lemma_.lower() in cues("hypothetical_verbs")
                                                 for c in n.children):
                return True  # a modal auxiliary of possibility ("Iran may halt talks")
        for n in chain[1:]:
            if n.lemma_.lower() in cues("hypothetical_verbs") and n.pos_ in ("VERB", "AUX"):
                return True
            if n.lemma_.lower() in cues("hypothetical_nouns") and n.pos_ == "NOUN":
                return True  # "la menace d'une offensive", "le risque d'une attaque"
            if n.lemma_.lower() in cues("condition_nouns") and n.pos_ == "NOUN" \
                    and self._case_of(n) in cues("condition_noun_preps"):
                return True  # "en cas d'attaque russe": a condition ("un cas de torture" is not)
        if any(c.dep_ == rel.adjectival_modifier and c.lemma_.lower() in cues("hypothetical_words")
               for c in trig.token.children):
            return True
        return _ends_with(sent, "?")

    def _intended(self, chain, verb) -> bool:
        """Intent nouns, adjectives or verbs above the trigger, "aller" / "devoir" + infinitive, the future."""
        rel = self.lex.rel
        cues = self.lex.cue
        for n in chain[1:]:
            lemma = n.lemma_.lower()
            if lemma in self._intent_nouns and n.pos_ == "NOUN":
                return True
            if lemma in cues("intent_adjectives") and n.pos_ == "ADJ":
                return True
            if lemma in self._intent_verbs and n.pos_ in ("VERB", "AUX") and lemma not in cues("obligation_verbs"):
                return True
            if lemma in cues("obligation_verbs") and n.pos_ in ("VERB", "AUX"):
                return True
        if any(c.lemma_.lower() in cues("future_auxiliaries") and c.dep_.startswith(rel.auxiliary)
               for c in verb.children):
            return True
        return verb.morph.get("Tense") == ["Fut"] or any(c.morph.get("Tense") == ["Fut"]
                                                         and c.dep_.startswith(rel.auxiliary)
                                                         for c in verb.children)

    def _alleged(self, trig: Trigger, chain, verb) -> str | None:
        """"alleged" for a conditional mood ("hypothetical" when a modal of possibility is conditional too), an
        allegation verb above the trigger or an allegation word on it ("présumé"); else None."""
        cues = self.lex.cue
        if self._conditional(verb):
            if any(self._conditional(n) and n.lemma_.lower() in cues("hypothetical_verbs") for n in chain):
                return "hypothetical"
            return "alleged"
        for n in chain[1:]:
            if n.lemma_.lower() in cues("allegation_verbs") and n.pos_ in ("VERB", "AUX"):
                return "alleged"
        if any(c.lower_ in cues("allegation_words") for c in trig.token.children):
            return "alleged"
        return None

    def _subject_of_other_act(self, tok) -> bool:
        """An event noun that is the subject of a verb with its own object ("les manœuvres n'ont pas changé le
        rapport de force"): the verb says what the event did, so its tense and negation are not the event's
        ("la rencontre n'a pas eu lieu" keeps them: "lieu" is part of the verb)."""
        rel = self.lex.rel
        return tok.dep_ == rel.nominal_subject and any(c.dep_ == rel.object
                                                       and c.lemma_.lower() not in self.lex.cue("verb_part_objects")
                                           for c in tok.head.children)

    def _future(self, tok) -> bool:
        """Future tense, or "aller"/"devoir" + infinitive ("se rendra", "va se rendre")."""
        rel = self.lex.rel
        verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
        if verb.morph.get("Tense") == ["Fut"]:
            return True
        auxiliaries = self.lex.cue("future_auxiliaries")
        return any(c.dep_.startswith(rel.auxiliary) and (c.morph.get("Tense") == ["Fut"] or c.lemma_ in auxiliaries)
                   for c in verb.children) or (verb.dep_ == rel.open_complement and verb.head.lemma_ in auxiliaries)

    def _conditional(self, verb) -> bool:
        """Conditional mood on the verb or its auxiliary ("aurait fourni", "retirerait"); the tagger's mood,
        or the form: infinitive stem + -ait/-aient (the tagger often reads "retirerait" as an imperfect)."""
        rel = self.lex.rel
        final_e, endings = tuple(self.lex.cue("final_e_infinitives")), self.lex.cue("conditional_endings")

        def form(tok) -> bool:
            if tok.morph.get("Mood") == ["Cnd"]:
                return True
            low = tok.lower_
            lemma = self.lex.verb_lemma(low) or tok.lemma_.lower()
            stem = lemma[:-1] if lemma.endswith(final_e) else lemma
            return len(stem) > 2 and low.startswith(stem) and low[len(stem):] in endings
        return form(verb) or any(c.dep_.startswith(rel.auxiliary) and form(c) for c in verb.children)


def _ends_with(sent, char: str) -> bool:
    """Whether ``sent.text.rstrip()`` ends with ``char``, reading only the sentence's last tokens (building the
    whole text for every candidate made long sentences quadratic)."""
    doc, tail = sent.doc, ""
    for i in range(sent.end - 1, sent.start - 1, -1):
        tail = doc[i].text_with_ws + tail
        if tail.strip():
            return tail.rstrip().endswith(char)
    return False
