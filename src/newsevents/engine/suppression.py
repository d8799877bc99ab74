"""Suppression predicates: background, descriptions, labels, contents (see the ``suppression`` and
``labels`` rules of :mod:`newsevents.engine.rulebook`)."""
from __future__ import annotations

from .frames import CONFLICT_ROOTS, IMPLIED_ACTOR_ROOTS, Trigger

PROTEST_ROOT = "14"
"""CAMEO root of protests (rule ``tribute_gathering``)."""
ACCUSE_ROOT = "11"
"""CAMEO root of accusations, charges and convictions: their charge is no reaction topic (``reaction_topic``)."""


class Suppression:
    """Predicates that make a candidate code no event of its own.
    A mixin of :class:`~newsevents.engine.coder.EventCoder`."""

    def _background_participle(self, trig: Trigger, expressions, offset) -> bool:
        """A past participle modifying a noun, with no agent, is background, not a reported event, when it has
        no date of its own ("la Cisjordanie occupée") or when its noun is a complement of another verb ("a levé
        l'état de siège décrété il y a un an"). "La roquette lancée mardi a frappé..." stays an event."""
        rel = self.lex.rel
        tok = trig.token
        if trig.is_noun or tok.dep_ != rel.adnominal_clause or tok.morph.get("VerbForm") != ["Part"]:
            return False
        if tok.morph.get("Tense") == ["Pres"]:  # "une résolution exigeant ...": active, not a past participle
            return False
        left, right = tok.idx, tok.right_edge.idx + len(tok.right_edge)
        dated = any(left <= e.span[0] - offset < right for e in expressions)
        if trig.frame.cameo == "192" and not dated and (tok.head.pos_ == "PROPN" or tok.doc[tok.i - 1].pos_ == "PROPN"):
            return True  # "la Cisjordanie occupée par Israël", "la Crimée annexée": a standing state of the place
        if any(c.dep_ in self.lex.label("passive_agent") or self._case_of(c) in self.lex.cue("agent_preps")
               for c in tok.children):
            return False
        if trig.frame.cameo == "112" and not trig.frame.needs_actor:
            return False  # "des enseignants accusés d'espionnage": a charge laid on them, an event of its own
        if trig.frame.needs_complement:
            return False  # "49 accusés condamnés à mort": the frame's complement (the sentence) makes it specific
        if self._headline_predicate(tok):
            return False  # "Un opposant gabonais arrêté à la frontière.": the headline's own predicate
        noun = tok.head
        while noun.dep_ == rel.apposition and noun.head.i != noun.i:  # "released the mayor, a member jailed a year ago"
            noun = noun.head
        if noun.dep_ in (rel.object, rel.nominal_modifier) or noun.dep_ in self.lex.label("obliques"):
            return True
        return not dated

    @staticmethod
    def _headline_predicate(tok) -> bool:
        """Whether the participle ``tok`` is the predicate of a verbless headline: its sentence has no finite
        verb ("Une quinzaine de légionnaires arrêtés en France."), so it states the news, not a background fact
        about the noun it modifies."""
        return not any(t.morph.get("VerbForm") == ["Fin"] for t in tok.sent)

    def _consequence(self, trig: Trigger, by_token) -> bool:
        """A present participle stating the toll of an event of the same type is part of it: "les rebelles ont
        bombardé la ville, tuant vingt personnes" is one attack (PLOVER codes the act, not its toll)."""
        tok = trig.token
        if trig.is_noun or tok.morph.get("VerbForm") != ["Part"] or tok.morph.get("Tense") != ["Pres"] \
                or any(c.dep_ in self.lex.label("subjects") for c in tok.children):
            return False
        kinds = {self.cameo.plover(f.cameo) for f in (trig.frame, *(alt for alt, _ in trig.alternatives))}
        node = tok
        for _ in range(4):
            if node.head.i == node.i:
                return False
            node = node.head
            other = by_token.get(node.i)
            if other is not None and other is not trig and self.cameo.plover(other.frame.cameo) in kinds:
                return True
        return False

    def _affiliation_label(self, trig: Trigger, expressions, offset) -> bool:
        """A past participle of backing ("la milice, soutenue par la Syrie", "des laboratoires financés par
        Washington"; cue list ``affiliation_participles``) modifying a noun labels who the noun's referent is
        allied with, a standing relation rather than a reported act. A date of its own ("financés en mai par
        X") makes it an event again."""
        rel = self.lex.rel
        tok = trig.token
        if trig.is_noun or tok.dep_ != rel.adnominal_clause or tok.morph.get("VerbForm") != ["Part"] \
                or tok.morph.get("Tense") == ["Pres"] or tok.head.pos_ not in ("NOUN", "PROPN") \
                or tok.lemma_.lower() not in self.lex.cue("affiliation_participles"):
            return False
        left, right = tok.idx, tok.right_edge.idx + len(tok.right_edge)
        return not any(left <= e.span[0] - offset < right for e in expressions)

    def _same_act_adjunct(self, trig: Trigger, by_token) -> bool:
        """A gerund ("en se faisant exploser") or a present participle ("..., tuant vingt personnes") of the same
        PLOVER type as the clause it hangs on tells how that act was done or what it did: one act, coded once.
        :meth:`_consequence` covers the participle under its own governor; this also takes the gerund, and the
        participle the parser hung on the reporting verb of the sentence ("X ont bombardé Y, tuant vingt
        personnes, ont indiqué des témoins"), which stands for the act reported before it."""
        rel = self.lex.rel
        tok = trig.token
        if trig.is_noun or any(c.dep_ in self.lex.label("subjects") and c.pos_ != "PRON" for c in tok.children):
            return False
        gerund = any(c.dep_ == rel.clause_marker and c.lower_ in self.lex.cue("gerund_marks")
                     for c in tok.children) and (
            tok.morph.get("Tense") == ["Pres"] and tok.morph.get("VerbForm") == ["Part"]
            or any(c.morph.get("VerbForm") == ["Part"] and c.morph.get("Tense") == ["Pres"] for c in tok.children))
        participle = tok.dep_ in (rel.adverbial_clause,
                                  rel.adnominal_clause) and tok.morph.get("VerbForm") == ["Part"] \
            and tok.morph.get("Tense") == ["Pres"]
        if not (gerund or participle):
            return False
        kind = self.cameo.plover(trig.frame.cameo)
        node = tok
        for _ in range(4):
            if node.head.i == node.i:
                break
            node = node.head
            other = by_token.get(node.i)
            if other is not None and other is not trig:
                return self.cameo.plover(other.frame.cameo) == kind
        if participle and tok.head.lemma_.lower() in self._reporting:
            before = [t for i, t in sorted(by_token.items()) if i < tok.i and not t.is_noun]
            return bool(before) and self.cameo.plover(before[-1].frame.cameo) == kind
        return False

    def _noun_purpose(self, trig: Trigger) -> bool:
        """A purpose clause ("pour interdire", "afin de protéger") of a noun ("un vote pour interdire les
        armes", "une pétition visant à pousser les députés à changer la loi afin d'interdire ...")
        states what the thing named is for, not an act that took place. :meth:`_purpose_clause` covers the
        purpose of another event."""
        rel = self.lex.rel
        tok = trig.token
        if trig.is_noun and (tok.dep_ == rel.object or tok.dep_ in self.lex.label("argument_oblique")) \
                and tok.head.pos_ in ("VERB", "AUX"):
            tok = tok.head
        if tok.head.lower_ in self.lex.cue("purpose_adverbs") and tok.head.dep_ == rel.adverbial_modifier:
            tok = tok.head.head  # "afin/advmod d'interdire/obl:arg": the parser's other reading of "afin de"
        elif tok.dep_ not in (rel.adverbial_clause, rel.open_complement, rel.adnominal_clause) or not any(
                c.dep_ == rel.clause_marker and c.lower_ in self.lex.cue("purpose_marks") for c in tok.children):
            return False
        node = tok
        for _ in range(5):
            if node.head.i == node.i:
                return False
            if (node.dep_ in (rel.adnominal_clause, rel.nominal_modifier, rel.adverbial_clause)
                or node.dep_ in self.lex.label("relative_clause")) and (
                    node.head.pos_ == "NOUN" or (
                    node.head.pos_ not in ("VERB", "AUX") and node.head.dep_ == rel.root)):
                return True  # "un vote pour interdire ...": also the root of a verbless title
            if node.dep_ not in (rel.adverbial_clause, rel.open_complement, rel.adnominal_clause,
                                 rel.clausal_complement, rel.object):
                return False
            node = node.head
        return False

    def _text_content(self, trig: Trigger) -> bool:
        """An event inside what a text provides ("un accord prévoyant une manifestation", "des amendements
        prévoyant cinq ans de prison pour les soldats qui désertent"): the content of an
        agreement, law or plan (cue list ``content_verbs``, as a participle or relative clause of a noun), not
        an event that happened."""
        rel = self.lex.rel
        verbs = self.lex.cue("content_verbs")
        node = trig.token
        for _ in range(8):
            if node.head.i == node.i:
                return False
            node = node.head
            if node.lemma_.lower() in verbs and (node.dep_ == rel.adnominal_clause
                                                 or node.dep_ in self.lex.label("relative_clause")) \
                    and node.head.pos_ == "NOUN":
                return True
        return False

    def _interview(self, trig: Trigger) -> bool:
        """"dans un entretien (accordé à la BBC)": an interview given to the press, not a meeting (cue list
        ``interview_nouns``). A meeting names its partner ("un entretien avec Olaf Scholz") or its two sides."""
        rel = self.lex.rel
        tok = trig.token
        if not trig.is_noun or tok.lemma_.lower() not in self.lex.cue("interview_nouns"):
            return False
        cue = self.lex.cue
        if any(self._case_of(c) in cue("partner_preps") or c.lemma_.lower() in cue("call_adjectives")
               for c in tok.children):
            return False  # a partner, or a call ("dans un entretien téléphonique, Paris et Rome ont ...")
        if any(c.dep_ == rel.determiner and c.morph.get("Poss") == ["Yes"] and c.morph.get("Number[psor]") == ["Plur"]
               for c in tok.children):
            return False  # "leur entretien": the two of them
        return self._case_of(tok) in cue("interview_place_preps") or any(
            (c.dep_ == rel.adnominal_clause or c.dep_ in self.lex.label("relative_clause"))
            and c.lemma_.lower() in cue("interview_giving_verbs") for c in tok.children)

    def _negated_pledge(self, trig: Trigger, by_token) -> bool:
        """A pledge (CAMEO 03 frame that absorbs its complement) never to yield ("a promis de ne jamais renoncer
        à son droit", "de ne jamais céder aux pressions") states defiance, not an intent to cooperate: no AGREE.
        A pledge not to attack ("de ne pas attaquer") stays one."""
        rel = self.lex.rel
        tok = trig.token
        if trig.is_noun or trig.frame.cameo[:2] != "03" or not trig.frame.absorbs:
            return False
        clauses = [c for c in tok.children if c.dep_ in (rel.open_complement, rel.clausal_complement)] + [
            g for c in tok.children if c.dep_ in (rel.object,
                                                  rel.nominal_modifier) or c.dep_ in self.lex.label("modifier_oblique")
            # under a day word: "promis vendredi de"
            for g in c.children if g.dep_ in (rel.adnominal_clause, rel.open_complement)]
        negations = self.lex.cue("negation_words")
        for clause in clauses:
            if any(c.dep_ == rel.clause_marker and c.lower_ in self.lex.cue("infinitive_marks")
                   for c in clause.children) \
                    and any(c.lemma_.lower() in negations or c.lower_ in negations for c in clause.children):
                inner = by_token.get(clause.i)
                if inner is None or not self._is_conflict(inner.frame.cameo):
                    return True
        return False

    def _violated(self, trig: Trigger) -> bool:
        """An agreement-like event noun that is the object of a breach ("ont violé le cessez-le-feu", cue list
        ``breach_verbs``) is what was broken, not a new act of the violator."""
        tok = trig.token
        if not trig.is_noun or tok.dep_ not in self.lex.label("patients"):
            return False
        breach = self.lex.cue("breach_verbs")
        endings, infinitives = self.lex.cue("past_participle_endings"), self.lex.cue("first_group_infinitive_endings")

        def is_breach(word) -> bool:  # the tagger may take the participle for a noun: "d'avoir violé/NOUN le"
            low = word.lower_
            return word.lemma_.lower() in breach or any(
                low.endswith(end) and low[:-len(end)] + inf in breach for end in endings for inf in infinitives)

        head = tok.head
        if is_breach(head):
            return True
        return head.lemma_ in self.lex.cue("perfect_auxiliaries") \
            and any(is_breach(t) for t in tok.doc[head.i + 1:tok.i])

    def _cleared_charge(self, trig: Trigger) -> bool:
        """A charge noun in the complement of a verb of clearing ("lavé de tous les soupçons par une
        tribunal", cue list ``clearing_verbs``) is what the person was cleared of: no accusation by the court."""
        rel = self.lex.rel
        tok = trig.token
        return trig.is_noun and (tok.dep_ in (rel.object, rel.oblique) or tok.dep_ in self.lex.label("argument_oblique")
                                 or tok.dep_ in self.lex.label("passive_subject")) \
            and tok.head.lemma_.lower() in self.lex.cue("clearing_verbs")

    def _generic_mention(self, trig: Trigger, context) -> bool:
        """An event noun whose frame needs a specific incident (``needs_specific``: "la répression") and whose
        phrase names nobody is a generic mention (ANNOTATION.md), even where the place would imply its actor
        (:data:`IMPLIED_ACTOR_ROOTS`: "la répression s'accentue contre les opposants")."""
        return trig.is_noun and trig.frame.needs_specific and trig.frame.cameo[:2] in IMPLIED_ACTOR_ROOTS \
            and self._noun_participants(trig, context) == ((), ())

    def _place_description(self, tok, expressions=(), offset: int = 0) -> bool:
        """Inside a relative clause that describes a place ("au Kenya, où dix personnes ont été blessées pendant
        d'émeutes en mars"): background about the place, not the reported event. The relative's own verb with
        an agent and a patient of its own and no date of its own is an event in the place, not a description
        of it ("s'est rendu à Dakar, où il a rencontré le président"; not "à Bangui, où des rebelles ont
        attaqué l'armée en mars"). ``expressions``: the sentence's time expressions, spans in the article text
        at ``offset`` from the Doc's characters."""
        rel = self.lex.rel
        node = tok
        for _ in range(6):
            if (node.dep_ == rel.adverbial_clause or node.dep_ in self.lex.label("relative_clause")) and any(
                    c.lower_ in self.lex.cue("place_relative_pronouns") and c.pos_ == "PRON" for c in node.children):
                if node.i != tok.i or self._relative_agent(tok) is None:
                    return True
                left, right = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
                return any(left <= e.span[0] - offset < right for e in expressions)  # "en mars": background
            if node.head.i == node.i:
                return False
            node = node.head
        return False

    def _relative_agent(self, verb):
        """The agent the verb of a place relative names itself, with a patient of its own, or None: an active
        subject (a noun, name or pronoun, not the relative pronoun) with a direct object ("où il a rencontré le
        président"), or a passive agent ("où un prêtre a été égorgé par un jeune homme"). A passive without
        agent ("où 24 personnes ont été tuées"), a verb with no object ("où il discutera du conflit") and one
        whose subject is the relative pronoun describe the place."""
        rel = self.lex.rel
        label, cue = self.lex.label, self.lex.cue
        children = list(verb.children)
        for c in children:
            if c.dep_ in label("passive_agent") and c.pos_ in ("NOUN", "PROPN", "PRON"):
                return c
        if not any(c.dep_ == rel.object and c.pos_ in ("NOUN", "PROPN") for c in children):
            return None
        return next((c for c in children if c.dep_ == rel.nominal_subject and c.pos_ in ("NOUN", "PROPN", "PRON")
                     and c.lower_ not in cue("place_relative_pronouns") and c.morph.get("PronType") != ["Rel"]),
                    None)

    def _reaction_topic(self, trig: Trigger, by_token) -> bool:
        """An event noun that is what another event reacts to ("condamner l'attaque russe", "a salué
        l'accord") is the topic of that reaction, not a separate event (ANNOTATION.md: background events). The
        charge of an accusation or a conviction ("accusé d'exactions contre les civils") is an event of its own."""
        rel = self.lex.rel
        tok = trig.token
        if not trig.is_noun or not (tok.dep_ == rel.object or tok.dep_ in self.lex.label("argument_oblique")):
            return False
        governor = by_token.get(tok.head.i)
        if governor is None or governor.frame.cameo[:2] not in ("05", "11", "12", "14", "17"):
            return False
        # the charge of an accusation or conviction is an event the gold codes (alleged, or imposed):
        # "accusé d'exactions", "mis en examen pour viol", "condamné à la réclusion" (cue list charge_preps)
        return not (governor.frame.cameo[:2] == ACCUSE_ROOT
                    and self._case_of(tok) in self.lex.cues.get("charge_preps", frozenset()))

    def _unowned_background(self, trig: Trigger, context) -> bool:
        """An event noun in a background adjunct ("après un rassemblement lié à une hausse des prix") whose
        phrase names no participant (no actor mention in it, relative clauses aside) is the cause or setting of
        the reported event, not an event. ANNOTATION.md codes background events only when specific: "après les
        frappes russes", "après des manifestations contre la France", "après l'arrestation de trois militants"
        stay events."""
        rel = self.lex.rel
        tok = trig.token
        if not trig.is_noun:
            return False
        preps = self.lex.cue("background_preps") - self.lex.cue("participation_preps")
        label = self.lex.label
        anchor = tok  # up through the noun phrase: "après une année marquée par des émeutes"
        for _ in range(4):
            if (anchor.dep_ in (rel.oblique, rel.nominal_modifier) or anchor.dep_ in label("modifier_oblique")) \
                    and self._case_of(anchor) in preps:
                break
            if not (anchor.dep_ in (rel.nominal_modifier, rel.adnominal_clause) or anchor.dep_ in label("passive_agent")
                    or anchor.dep_ in label("argument_oblique") or anchor.dep_ in label("modifier_oblique")) \
                    or anchor.head.i == anchor.i:
                return False
            anchor = anchor.head
        else:
            return False
        relative = {x.i for c in tok.children if c.dep_ in label("relative_clause") for x in c.subtree}
        phrase = {x.i for x in tok.subtree} - relative - {tok.i}
        mentions = context.mentions_in(tok.doc, tok.left_edge.i, tok.right_edge.i + 1)
        return not any(m.start in phrase for m in mentions)

    def _possessive_cause(self, trig: Trigger, context) -> bool:
        """A fight noun of the cue list ``cause_nouns`` with a possessive determiner and no complement naming a
        party is the owner's cause, not a fight: "son combat pour l'environnement", "leur combat politique",
        "son combat contre les inégalités" (tune: 4 such events, none in the gold). A complement of the frame's
        recipient prepositions naming an actor keeps it ("leur combat contre les djihadistes"). A language pack
        without the list has no such rule."""
        rel = self.lex.rel
        nouns, tok = self.lex.cues.get("cause_nouns"), trig.token
        if not nouns or not trig.is_noun or tok.lemma_.lower() not in nouns \
                or not any(c.dep_ == rel.determiner and "Yes" in c.morph.get("Poss") for c in tok.children):
            return False
        preps = set(trig.frame.recipient or ())
        phrase = {x.i for c in tok.children if c.dep_ == rel.nominal_modifier and self._case_of(c) in preps
                  for x in c.subtree}
        mentions = context.mentions_in(tok.doc, tok.left_edge.i, tok.right_edge.i + 1)
        return not any(m.start in phrase for m in mentions)

    def _natural_cause(self, trig: Trigger) -> bool:
        """A verb whose agent or oblique complement is a natural or economic cause (cue list ``natural_causes``)
        reports a misfortune, not an act: "un Brésil frappé par la crise climatique", "onze personnes ont été
        tuées dans un carambolage". A language pack without the list has no such rule. A background preposition
        makes the cause a time ("interpellés après la crise"), except for a harm with no author named ("blessées
        après le déraillement d'un métro", "tuées à la suite de violents orages")."""
        rel = self.lex.rel
        causes = self.lex.cues.get("natural_causes")
        if trig.is_noun or not causes:
            return False
        label = self.lex.label
        harm = trig.frame.cameo[:2] in CONFLICT_ROOTS and not any(
            c.dep_ in label("passive_agent") for c in trig.token.children)
        background = frozenset() if harm else self.lex.cue("background_preps")
        heads = self.lex.cues.get("cause_heads", frozenset())
        found = [c for c in trig.token.children
                 if c.pos_ == "NOUN" and (c.dep_ in label("obliques") or c.dep_ in label("passive_agent"))
                 and self._case_of(c) not in background]
        found += [n for c in found if c.lemma_.lower() in heads for n in c.children if n.dep_ == rel.nominal_modifier]
        return any(c.lemma_.lower() in causes for c in found)  # "à la suite de violents orages"

    def _since_background(self, trig: Trigger) -> bool:
        """An event noun that dates the sentence from its start ("depuis l'invasion de l'Ukraine", "depuis le
        début de la guerre": cue lists ``since_preps`` and ``onset_nouns``) names a known past event as a time
        reference, not a reported event. A language pack without ``since_preps`` has no such rule."""
        rel = self.lex.rel
        preps = self.lex.cues.get("since_preps")
        if not trig.is_noun or not preps:
            return False
        tok = trig.token
        onsets = self.lex.cue("onset_nouns")
        if tok.head.i != tok.i and tok.head.lemma_.lower() in onsets and tok.dep_ == rel.nominal_modifier:
            tok = tok.head  # "depuis le début de l'invasion": the onset noun carries the preposition
        return (tok.dep_ in (rel.oblique, rel.nominal_modifier) or tok.dep_ in self.lex.label("modifier_oblique")) \
            and self._case_of(tok) in preps

    def _tribute_gathering(self, trig: Trigger) -> bool:
        """A protest (CAMEO 14) whose oblique complement or adjunct clause names a tribute (cue list
        ``tribute_words``: "s'est rassemblée pour honorer la mémoire du militant", "défiler devant le cercueil")
        is a tribute, not a protest. Only the trigger's own complements and their "de" complements are read, not
        its subject. A language pack without the list has no such rule."""
        rel = self.lex.rel
        words = self.lex.cues.get("tribute_words")
        if not words or trig.frame.cameo[:2] != PROTEST_ROOT:
            return False
        label = self.lex.label
        parts = [c for c in trig.token.children
                 if c.dep_ in (rel.adverbial_clause, rel.open_complement) or c.dep_ in label("obliques")
                 or (trig.is_noun and c.dep_ == rel.nominal_modifier)]
        parts += [n for c in parts for n in c.children if n.dep_ in (rel.object, rel.nominal_modifier)]
        return any(p.lemma_.lower() in words for p in parts)

    def _classifier_noun(self, trig: Trigger) -> bool:
        """An event noun with no determiner in a "de" complement of a place, kind or ability noun (cue list
        ``classifier_heads``) classifies that noun ("un centre de détention", "sa capacité de mobilisation", "le
        match de barrage"): a compound naming a thing or a kind, not an event. Other heads keep it: "dix ans de
        prison", "une nuit d'affrontements", "une série de frappes", "le mouvement de contestation". A language pack
        without the list has no such rule."""
        rel = self.lex.rel
        tok, heads = trig.token, self.lex.cues.get("classifier_heads")
        if not heads or not trig.is_noun or tok.dep_ != rel.nominal_modifier or tok.head.pos_ != "NOUN" \
                or self._case_of(tok) not in self.lex.cue("genitive_preps"):
            return False
        if any(c.dep_ == rel.determiner or c.dep_ == rel.numeric_modifier for c in tok.children):
            return False
        return tok.head.lemma_.lower() in heads

    def _organiser_adjunct(self, trig: Trigger) -> bool:
        """"à l'appel de X" ("ont défilé à l'appel des syndicats") names who called the main event together: a
        circumstance of that event, not a request of its own (cue list ``organiser_nouns``). "répondre à l'appel
        de X" is no such adjunct."""
        rel = self.lex.rel
        tok = trig.token
        return trig.is_noun and tok.lemma_.lower() in self.lex.cue("organiser_nouns") \
            and self._case_of(tok) in self.lex.cue("dative_preps") \
            and any(c.dep_ == rel.determiner and c.lemma_ in self.lex.cue("definite_articles") for c in tok.children) \
            and tok.head.lemma_.lower() not in self.lex.cue("response_words")

    def _threat_condition(self, trig: Trigger, by_token) -> bool:
        """The condition of a threat ("menace de ... si le Maroc ne présente pas d'excuses") is part of the
        threat, not an event."""
        rel = self.lex.rel
        tok = trig.token
        clause = tok.head if trig.is_noun and tok.head.pos_ in ("VERB", "AUX") else tok
        if not any(c.dep_ == rel.clause_marker and c.lower_ in self.lex.cue("condition_marks")
                   for c in clause.children):
            return False
        node = clause.head
        for _ in range(4):
            governor = by_token.get(node.i)
            if governor is not None and (governor.frame.cameo[:2] == "13" or self._conditional(node)):
                return True  # "menace de ... si", "retirerait ses troupes si ...": the condition is not an event
            if node.head.i == node.i:
                return False
            node = node.head
        return False

    def _aim_participle(self, tok, by_token) -> bool:
        """A present participle adjunct with no subject and no mark ("thousands demonstrated, calling for
        independence") of an event whose CAMEO root is in the cue list ``aim_participle_roots`` (English: 14,
        protests) states that event's aim. Languages without the list (French: its gerund has a mark) skip."""
        rel = self.lex.rel
        roots = self.lex.cues.get("aim_participle_roots")
        if not roots or tok.dep_ != rel.adverbial_clause or tok.morph.get("VerbForm") != ["Part"] \
                or tok.morph.get("Tense") != ["Pres"] or tok.head.i not in by_token:
            return False
        if any(c.dep_ == rel.clause_marker or c.dep_ in self.lex.label("subjects") for c in tok.children):
            return False
        return by_token[tok.head.i].frame.cameo[:2] in roots

    def _same_act_aim(self, trig: Trigger, by_token) -> bool:
        """``trig``, of a CAMEO root in the cue list ``same_act_aim_roots`` (empty or absent: never), hangs (as a
        clause, oblique or noun complement, up to three heads up) on another trigger of the same root, or on a
        support verb whose object is one ("realizaron una marcha para protestar"): one act, told twice."""
        rel = self.lex.rel
        root = trig.frame.cameo[:2]
        if root not in self.lex.cues.get("same_act_aim_roots", ()):
            return False
        deps = {rel.adverbial_clause, rel.open_complement, rel.nominal_modifier} | self.lex.label("obliques")
        prev, node = trig.token, trig.token
        for _ in range(3):
            if node.dep_ not in deps or node.head.i == node.i:
                return False
            prev, node = node, node.head
            other = by_token.get(node.i) or next((by_token[c.i] for c in node.children if c.dep_ == rel.object
                                                  and c.i != prev.i and c.i in by_token), None)
            if other is not None:
                return other.frame.cameo[:2] == root
        return False

    def _purpose_clause(self, trig: Trigger, by_token) -> bool:
        """A purpose clause ("pour réclamer", "afin de protester") of another event is its stated aim, not an
        event (ANNOTATION.md: a protest's stated demand is not coded separately); so is an act of the same root
        stated as the aim of another (:meth:`_same_act_aim`, for a language that codes other aims)."""
        rel = self.lex.rel
        if self._same_act_aim(trig, by_token):
            return True
        tok = trig.token
        if trig.is_noun and (tok.dep_ == rel.object or tok.dep_ in self.lex.label("argument_oblique")) \
                and tok.head.pos_ in ("VERB", "AUX"):
            tok = tok.head  # "pour mener une médiation": the noun's verb is the purpose clause
        if self._aim_participle(tok, by_token):
            return True
        if tok.dep_ not in (rel.adverbial_clause, rel.open_complement, rel.adnominal_clause) or not any(
                c.dep_ == rel.clause_marker and c.lower_ in self.lex.cue("purpose_marks") for c in tok.children):
            return False
        node = tok.head
        for _ in range(3):
            if node.i in by_token:
                return True
            if node.head.i == node.i:
                break
            node = node.head
        return False
