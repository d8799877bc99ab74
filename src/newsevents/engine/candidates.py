"""Trigger candidates: lexicon matches and synthetic triggers (headline visits, fronted places, obligations)."""
from __future__ import annotations

from ..docview import ents_of
from .frames import FRONTED_VISIT, OBLIGATION, Trigger
from .syntax import word_memo


_TRIGGER_POS = frozenset({"VERB", "AUX", "ADJ", "NOUN", "ADV", "X", "PROPN"})
"""Parts of speech a lexicon trigger can have (every branch of :meth:`Candidates._match` needs one)."""


class Candidates:
    """Finding trigger candidates in a sentence.
    A mixin of :class:`~newsevents.engine.coder.EventCoder`."""

    def _match(self, tok) -> Trigger | None:
        pos = tok.pos_
        if pos not in _TRIGGER_POS:  # determiners, prepositions, punctuation...: never a trigger
            return None
        lemma = tok.lemma_.lower()
        if pos in ("VERB", "AUX") or (pos == "ADJ" and tok.morph.get("VerbForm") == ["Part"]):
            frames = self.lex.verbs.get(lemma)
            if not frames and (lemma == tok.lower_ or tok.pos_ == "VERB") and self.lex.verb_lemma(tok.text):
                lemma = self.lex.verb_lemma(tok.text)  # the lemmatizer gave up: "resserre", "demande" (demander)
                frames = self.lex.verbs.get(lemma)
            if frames and not self._is_reporting_use(tok, lemma):
                found = self._verb_frames(tok, frames)
                if found:
                    return found
        if tok.pos_ in ("NOUN", "ADJ", "ADV", "X", "PROPN") and lemma not in self.lex.nouns \
                and self._verb_in_disguise(tok):
            found = self._verb_frames(tok, self.lex.verbs.get(self.lex.verb_lemma(tok.text), ()))
            if found:
                return found
        if tok.pos_ in ("NOUN", "PROPN") and not (tok.ent_type_ in ("ORG", "PER", "MISC") and tok.text[:1].isupper()
                                                  and not self._headline_noun(tok)):
            frames = self.lex.nouns.get(lemma) or self.lex.nouns.get(tok.text.lower()) \
                or (tok.text[:1].isupper() and next(filter(None, map(self.lex.nouns.get, self._capital_variants(tok))),
                                                    None))  # "Emeutes" for "Émeutes"
            if frames:
                fitting = [f for f in frames if self._noun_frame_matches(tok, f)]
                if fitting:  # the others are tried when the first one's participants do not fit
                    return Trigger(tok, fitting[0], None, True, tuple((f, None) for f in fitting[1:]))
        return None

    @staticmethod
    def _headline_noun(tok) -> bool:
        """A common noun opening its sentence that the parser's entity recogniser took for a name of kind MISC
        ("Arrestation de deux Français en Iran :", "Manifestation contre la réforme"): a title's event noun, not
        a name (names of organisations are ORG)."""
        return tok.pos_ == "NOUN" and tok.ent_type_ == "MISC" and tok.i == tok.sent.start

    def _verb_frames(self, tok, frames) -> Trigger | None:
        """The first matching frame, with the other matching frames as alternatives."""
        matches = [(f, obj) for f in frames for obj in [self._verb_frame_matches(tok, f)] if obj is not False]
        if not matches:
            return None
        (frame, obj), rest = matches[0], tuple(matches[1:])
        return Trigger(tok, frame, obj, False, rest)

    @staticmethod
    def _in_name(tok, context) -> bool:
        """An event noun inside a name is no trigger ("l'Organisation de libération de la Palestine", "la cour
        d'appel", "le Front de libération nationale"): it lies after the first word of a multi-word actor mention,
        or, lowercase, inside a named entity of the parser that starts with a capital inside the sentence (a
        sentence's first word is capitalised anyway: "Série de frappes russes" is no name)."""
        doc, sent = tok.doc, tok.sent
        if any(m.start < tok.i < m.end for m in context.mentions_in(doc, sent.start, sent.end)):
            return True
        ent = next((e for e in ents_of(doc) if e.start < tok.i < e.end), None)
        return ent is not None and ent.label_ in ("ORG", "MISC", "LOC") and doc[ent.start].text[:1].isupper() \
            and tok.text[:1].islower() and ent.start > sent.start and not doc[ent.start - 1].is_punct

    def _headline_visits(self, sent, context) -> list[Trigger]:
        """Verbless titles naming a person and a place: "Recep Tayyip Erdogan en RDC", "Nancy Pelosi à
        Taïwan" report a visit. The person must be a known office holder; the place comes with à/en/au."""
        rel = self.lex.rel
        root = sent.root
        if root.pos_ != "PROPN" or any(t.pos_ == "VERB" and t.head.i == root.i and t.dep_ not in (rel.parataxis,)
                                       for t in root.children):
            return []
        if not any(m.kind == "person" and m.start == root.i
                   for m in context.mentions_in(root.doc, root.i, root.right_edge.i + 1)):
            return []
        if not any(c.dep_ == rel.nominal_modifier and self._case_of(c) in self.lex.headline_visit.recipient
                   for c in root.children):
            return []
        return [Trigger(root, self.lex.headline_visit, None, False)]

    def _fronted_place(self, sent):
        """The place of a sentence-initial "À X," / "Au X," / "En X," adjunct of the main verb, or None."""
        rel = self.lex.rel
        first = next((t for t in sent if not t.is_space), None)
        if first is None or first.lower_ not in self.lex.cue("fronted_place_preps"):
            return None
        place = first.head
        if place.pos_ != "PROPN" or not (place.dep_ == rel.oblique
                                         or place.dep_ in self.lex.label("modifier_oblique")) \
                or place.head.pos_ not in ("VERB", "AUX") \
                or place.right_edge.i + 1 >= sent.end or place.doc[place.right_edge.i + 1].text != ",":
            return None
        return place

    def _fronted_place_visits(self, sent, context) -> list[Trigger]:
        """Office holders acting in a place named at the head of the sentence ("Au Bénin, Emmanuel Macron promet
        une aide militaire", "A Sotchi, Poutine et Erdogan renforcent ..."): each named person among the main
        verb's subjects is visiting that place (CAMEO 042); a head of government at home is dropped later as a
        home trip. Le Monde's headline convention, so only for the first sentence of a paragraph; the person must
        be a known office holder, and what he does there cooperative (a verb or object noun of CAMEO quad class 1
        or 2: "promet une aide", "signe un accord"), since "En Ukraine, le Kremlin intensifie les frappes" is done
        from afar."""
        rel = self.lex.rel
        if sent.start != 0:  # tested first: most sentences are not a paragraph's first
            return []
        place = self._fronted_place(sent)
        if place is None:
            return []
        verb = place.head
        acts = [self._match(t) for t in [verb] + [c for c in verb.children if c.dep_ == rel.object]]
        if not any(a is not None and self.cameo[a.frame.cameo].quad_class in (1, 2) for a in acts):
            return []
        subject = next((c for c in verb.children if c.dep_ == rel.nominal_subject), None)
        if subject is None or subject.i > verb.i:
            return []
        # the subject's words up to the verb (the parser may cut a name: "Emmanuel" nsubj, "Macron" advmod)
        persons = [m for m in context.mentions_in(sent.doc, subject.left_edge.i, verb.i)
                   if m.kind == "person" and m.sector == "GOV"]
        return [Trigger(sent.doc[m.start], FRONTED_VISIT, place, False) for m in persons]  # evidence: place, name

    def _obligations(self, sent) -> list[Trigger]:
        """Reported obligations: a "devoir" clause under a reporting verb ("a rappelé à l'Irak qu'il devait
        coopérer") is a demand by the reporter of the obligation's subject. ``sent``: the sentence Span or the
        list of its tokens."""
        rel = self.lex.rel
        out = []
        verbs = self.lex.cue("obligation_verbs")
        memo = word_memo(self, "obligation_verbs")
        for tok in sent:
            known = memo.get(tok.lemma)  # lemma hash -> whether an obligation verb: each lemma's string read once
            if known is None:
                known = memo[tok.lemma] = tok.lemma_.lower() in verbs
            if known and tok.pos_ in ("VERB", "AUX") \
                    and self._obligation_reporter(tok) is not None \
                    and any(c.dep_ == rel.open_complement for c in tok.children):
                out.append(Trigger(tok, OBLIGATION, None, False))
        return out

    def _obligation_reporter(self, tok):
        """The subject of the reporting verb an obligation is reported by: "X a déclaré que Y devait ..." or the
        incise "Y doit ..., a déclaré X" (whose inverted subject the parser may tag as object); None if none."""
        rel = self.lex.rel
        if tok.dep_ == rel.clausal_complement and tok.head.lemma_.lower() in self._reporting:
            return next((c for c in tok.head.children if c.dep_ in self.lex.label("subjects")), None)
        if any(c.dep_ in self.lex.label("subjects") and c.lower_ in self.lex.cue("speaker_pronouns")
               for c in tok.children):
            return None  # "« Nous devons rester vigilants », a déclaré X": the speaker's own duty, no demand
        for c in tok.children:
            if c.dep_ == rel.parataxis and c.lemma_.lower() in self._reporting and c.i > tok.i:
                return next((g for g in c.children if g.dep_ in (*self.lex.label("subjects"), rel.object,)
                             and g.pos_ != "PRON"), None)
        return None

    def _verb_in_disguise(self, tok) -> bool:
        """A token tagged noun/adjective that is a lexicon verb form used as a verb: it heads the sentence or
        has a subject, or directly follows a proper-noun subject ("la Russie sanctionne 29 Américains")."""
        rel = self.lex.rel
        if self.lex.verb_lemma(tok.text) is None:
            return False
        if any(c.dep_ in self.lex.label("subjects") for c in tok.children) or (
                tok.dep_ == rel.root and any(c.dep_ == rel.object for c in tok.children)):  # not "Incendies :"
            return not any(c.dep_ == rel.determiner for c in tok.children)
        if self._after_reflexive(tok) or self._after_auxiliary(tok) or self._clausal_participle(tok):
            return True  # "l'Autorité palestinienne s'indigne des propos": only a verb follows a reflexive clitic
        prev = tok.doc[tok.i - 1] if tok.i > 0 else None
        if prev is not None and prev.pos_ == "NOUN" and self._headline_subject(tok) is not None:
            return True  # "l'opposition proteste": a verb the tagger made the noun's adjective
        return prev is not None and prev.pos_ == "PROPN" and not any(c.dep_ == rel.determiner for c in tok.children)

    def _after_reflexive(self, tok) -> bool:
        """``tok`` is a lexicon verb form right after a third-person reflexive clitic ("s'indigne"), which only a
        verb can follow."""
        prev = tok.doc[tok.i - 1] if tok.i > 0 else None
        return prev is not None and prev.pos_ == "PRON" and prev.lower_ in self.lex.cue("third_person_reflexives") \
            and self.lex.verb_lemma(tok.text) is not None

    def _after_auxiliary(self, tok) -> bool:
        """``tok`` (a lexicon verb form the tagger took for a noun, adjective or name) right after a tense or
        passive auxiliary that hangs on it, which only a participle can follow ("nie avoir démissionné",
        "Matignon a rétropédalé", "ont été violentés"; labels ``tense_auxiliary`` and ``passive_auxiliary``,
        not a copula: "le policier est violent")."""
        prev = tok.doc[tok.i - 1] if tok.i > 0 else None
        return prev is not None and prev.head.i == tok.i and (
            prev.dep_ in self.lex.label("tense_auxiliary") or prev.dep_ in self.lex.label("passive_auxiliary"))

    def _clausal_participle(self, tok) -> bool:
        """``tok`` ends like a past participle (``past_participle_endings``) and the parser, though it tagged it a
        noun or adjective, made it a clause ("Emprisonné depuis mai 2020, il ...": ``advcl``; "leurs maisons
        plastiquées": ``acl``) or gave it a passive agent ("le commandant violenté par des manifestants"), when it has
        no determiner or numeral (which only a noun takes)."""
        rel = self.lex.rel
        if not tok.lower_.endswith(tuple(self.lex.cue("past_participle_endings"))):
            return False
        if tok.dep_ in (rel.adverbial_clause, rel.adnominal_clause):
            return True
        if any(c.dep_ in (rel.determiner, rel.numeric_modifier) for c in tok.children):
            return False  # a determined noun: "otros 21 acusados por los mismos delitos" (the accused)
        return any(c.dep_ in self.lex.label("passive_agent") or (
            c.dep_ in self.lex.label("obliques") and self._case_of(c) in self.lex.cue("agent_preps"))
            for c in tok.children)

    def _headline_subject(self, tok):
        """The subject of a headline verb the tagger took for an adjective of the noun before it ("l'opposition
        proteste", "l'Italie scelle un accord"): that noun, when ``tok`` is a present form of a lexicon verb
        ("-e", "-ent") hanging on it as ``amod`` right after it, and the lemmatizer did not know the word (its
        lemma is neither the form nor the verb: "proteste" -> "protest"). A real adjective keeps its own form as
        lemma ("une opposition ferme", "la situation critique"), so it is left alone. A form right after a
        reflexive clitic is a verb whatever its tag ("l'Autorité palestinienne s'indigne"): the noun it hangs on.
        None otherwise."""
        rel = self.lex.rel
        head = tok.head
        if self._after_reflexive(tok) and tok.dep_ == rel.adjectival_modifier and head.pos_ in ("NOUN", "PROPN") \
                and head.i < tok.i:
            return head
        low = tok.lower_
        if tok.dep_ != rel.adjectival_modifier or head.i != tok.i - 1 or head.pos_ not in ("NOUN", "PROPN") \
                or not low.endswith(tuple(self.lex.cue("present_verb_endings"))) \
                or low.endswith(tuple(self.lex.cue("feminine_participle_endings"))) or any(True for _ in tok.children):
            return None
        verb = self.lex.verb_lemma(tok.text)
        lemma = tok.lemma_.lower()
        if verb is None or lemma in (low, low.rstrip("".join(sorted(self.lex.cue("plural_endings"))))):
            return None
        if lemma != verb and lemma.endswith(tuple(self.lex.cues.get("masculine_adjective_endings", ()))):
            return None  # "educación media" (lemma "medio"): an adjective the lemmatizer knew, not "mediar"
        return head

    def _is_reporting_use(self, tok, lemma: str) -> bool:
        """A verb that is both an event and a reporting verb ("assurer", "annoncer") only reports when it
        has a clausal complement ("a assuré que...")."""
        rel = self.lex.rel
        if lemma not in self.lex.cue("reporting_event_verbs"):
            return False
        return any(c.dep_ in (rel.clausal_complement, rel.parataxis) for c in tok.children)
