"""Roles: the actor and the recipient of a verb trigger on the dependency parse."""
from __future__ import annotations

from dataclasses import replace

from .. import entity_labels
from ..lexicon import Frame
from ..records import Entity
from .frames import FRONTED_VISIT, OBLIGATION, Trigger
from .syntax import preposition


class Roles:
    """Subjects, agents, objects and oblique complements of a trigger.
    A mixin of :class:`~newsevents.engine.coder.EventCoder`."""

    def _participants(self, trig: Trigger, context) -> tuple[tuple[Entity, ...], tuple[Entity, ...]]:
        """The actors and the recipients of a trigger (tuples of :class:`~newsevents.records.Entity`, either may
        be empty), from its own slots on the parse: an event noun's (:meth:`_noun_participants`), a synthetic
        frame's, a passive verb's (agent and patient) or an active verb's (subject and complements)."""
        if trig.is_noun:
            return self._noun_participants(trig, context)
        if trig.frame is self.lex.headline_visit or trig.frame is FRONTED_VISIT or trig.frame is OBLIGATION:
            return self._synthetic_participants(trig, context)
        if self._passive(trig.token):
            return self._passive_participants(trig, context)
        return self._active_participants(trig, context)

    def _synthetic_participants(self, trig: Trigger, context) -> tuple[tuple[Entity, ...], tuple[Entity, ...]]:
        """Participants of the synthetic frames: the person of a headline or fronted-place visit and the place
        visited; the reporter of an obligation and the one obliged."""
        rel = self.lex.rel
        tok = trig.token
        if trig.frame is self.lex.headline_visit:  # the person's own words, not the whole title
            person = next(m for m in context.mentions_in(tok.doc, tok.i, tok.right_edge.i + 1)
                          if m.kind == "person" and m.start == tok.i)
            actor = Entity(person.code, person.sector, tok.doc[person.start:person.end].text,
                           (person.char_start, person.char_end), person.name)
            return (actor,), self._recipient(trig, context)
        if trig.frame is FRONTED_VISIT:
            person = next(m for m in context.mentions_in(tok.doc, tok.i, tok.sent.end)
                          if m.kind == "person" and m.start == tok.i)
            actor = Entity(person.code, person.sector, tok.doc[person.start:person.end].text,
                           (person.char_start, person.char_end), person.name)
            place = self._fronted_place(tok.sent)
            return (actor,), (context.resolve(place) or self._place_recipient(place, context))
        if trig.frame is OBLIGATION:
            reporter = self._obligation_reporter(tok)
            obliged = next((c for c in tok.children if c.dep_ in self.lex.label("subjects")), None)
            label, cue = self.lex.label, self.lex.cue
            if any(g.dep_ in label("passive_auxiliary") for c in tok.children if c.dep_ == rel.open_complement
                   for g in c.children):
                obliged = None  # "le gaz devra être payé en roubles": the subject is what is acted on
            told = next((c for c in tok.head.children if c.dep_ == rel.indirect_object
                         or (  # "a rappelé à l'Irak qu'il devait"
                c.dep_ in label("obliques") and self._case_of(c) in cue("dative_preps"))), None)
            if told is not None and (obliged is None or obliged.pos_ == "PRON") and context.resolve(told):
                obliged = told
            if tok.dep_ != rel.clausal_complement and obliged is not None and not context.resolve(obliged):
                return (), ()  # an incise "Les Occidentaux doivent ..., estime X" on no actor: an opinion
            return (self._resolve_subject(reporter, context) if reporter is not None else (),
                    context.resolve(obliged) if obliged is not None else ())
        raise ValueError(f"not a synthetic frame: {trig.frame.lemma}")

    def _passive_participants(self, trig: Trigger, context) -> tuple[tuple[Entity, ...], tuple[Entity, ...]]:
        """Participants of a passive verb: the agent ("par X") acts on the patient (the passive subject, the noun
        a participle describes, or a subject inherited from a coordinated verb)."""
        rel = self.lex.rel
        tok = trig.token
        label, by = self.lex.label, self.lex.cue("agent_preps")
        nearby = list(tok.children) + [g for c in tok.children if c.dep_ in label("modifier_oblique")
                                       for g in c.children]
        agent = next((c for c in nearby if c.dep_ in label("passive_agent")  # "tiré jeudi par X": on jeudi
                      or ((c.dep_ in label("obliques") or c.dep_ == rel.nominal_modifier) and self._case_of(c) in by)),
                     None)
        patient = next((c for c in tok.children if c.dep_ in label("passive_subject")), None)
        if patient is None and tok.dep_ == rel.adnominal_clause or (patient is not None
                                                                    and tok.dep_ in label("relative_clause")
                                                     and patient.morph.get("PronType") == ["Rel"]):
            patient = tok.head  # "le missile tiré jeudi", "l'ambassadeur, qui a été rappelé"
        if patient is None:
            patient = self._inherited_subject(tok)
        actors = context.resolve(agent) if agent is not None else ()
        if trig.obj is not None and patient is not None and patient.i == trig.obj.i \
                and rel.object not in trig.frame.recipient:  # "les sanctions imposées par Tokyo à X"
            owners = context.modifier_actors(patient) if not actors else ()
            recipients = self._recipient(trig, context, skip=patient)
            if owners:  # "l'ambassadeur de France au Mali a été rappelé": France recalls him from Mali
                actors = owners
                if any(r.span == o.span for r in recipients for o in owners):  # the owner found again
                    recipients = ()
                    for slot in (x for x in trig.frame.recipient if x not in self.lex.cue("genitive_forms")):
                        found = self._recipient(replace(trig, frame=replace(trig.frame, recipient=(slot,))),
                                                context, skip=patient)
                        if found and not any(f.code == o.code for f in found for o in owners):
                            recipients = found  # not "rappelé à Paris", home
                            break
        else:
            recipients = context.resolve(patient) if patient is not None else ()
        return actors, recipients

    def _active_participants(self, trig: Trigger, context) -> tuple[tuple[Entity, ...], tuple[Entity, ...]]:
        """Participants of an active verb: its subject (or an inherited, stranded or headless one; the subjects
        hung on an adjunct) and its recipient slots."""
        tok = trig.token
        undergone = self._undergone(tok)
        if undergone is not None and undergone[1] is not None:  # "X s'est vu refuser un visa par le Canada"
            patient, agent = undergone
            return (context.resolve(agent) if agent is not None else (),
                    self._resolve_subject(patient, context) if patient is not None else ())
        subject = next((c for c in tok.children if c.dep_ in self.lex.label("subjects")), None)
        headline = self._headline_subject(tok) if subject is None and tok.pos_ not in ("VERB", "AUX") else None
        if headline is not None:  # "l'opposition proteste": the noun's own phrase, not what the parser hung on it
            first = next(t for t in tok.doc[headline.left_edge.i:tok.i + 1] if not t.is_punct)
            words = tok.doc[first.i:tok.i].text
            actors = tuple(replace(e, entity_text=words, span=(e.span[1] - len(e.entity_text),
                                                               e.span[1] - len(e.entity_text) + len(words)))
                           if e.entity_text.endswith(tok.text) and e.entity_text.startswith(words) else e
                           for e in self._resolve_subject(headline, context)[:1])
            return actors, self._recipient(trig, context)
        if subject is None:
            subject = self._inherited_subject(tok) or self._stranded_subject(tok) or self._headless_subject(tok) \
                or self._fronted_apposition(tok)
        actors = self._resolve_subject(subject, context) if subject is not None else ()
        if subject is None:  # "Après le tir, la Chine et la Russie refusent": subjects hung on the adjunct
            actors = tuple(e for c in self._adjunct_subjects(tok) for e in context.resolve(c))
        if not actors and self._detached_participle(tok):
            actors = self._clause_subject_up(tok, context)
        recipients = self._recipient(trig, context)
        return actors, recipients

    def _detached_participle(self, tok) -> bool:
        """A present participle set off by a comma, with no subject and no gerund mark, that the parser did not
        hang on a noun it would describe: "X a souligné que ..., dénonçant Y" (an act of the clause's subject)."""
        if tok.morph.get("VerbForm") != ["Part"] or tok.morph.get("Tense") != ["Pres"] or self._gerund(tok):
            return False
        if any(c.dep_ in self.lex.label("subjects") for c in tok.children) or tok.head.i == tok.i \
                or tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return False
        first = tok.left_edge
        return first.i > 0 and tok.doc[first.i - 1].text == ","

    def _clause_subject_up(self, tok, context) -> tuple[Entity, ...]:
        """The actors of the first subject that names one in the clauses above ``tok`` (its heads up to the
        root): "X a souligné que la coopération ne peut ..., dénonçant": not "la coopération", X. ()."""
        node = tok.head
        for _ in range(6):
            if node.pos_ in ("VERB", "AUX"):
                subject = next((c for c in node.children if c.dep_ in self.lex.label("subjects")), None)
                found = self._resolve_subject(subject, context) if subject is not None else ()
                if found:
                    return found
            if node.head.i == node.i:
                break
            node = node.head
        return ()

    def _undergone(self, tok):
        """For an infinitive under reflexive "se voir" ("X s'est vu refuser un visa (par Y)", "se voit
        interdire de ..."), a passive in all but form: (the subject of "voir", who undergoes the act; the "par"
        agent on the infinitive or its object, or None). None when ``tok`` is not in that construction. Only
        the form with a named agent is recoded (an implied agent is not told by the sentence)."""
        rel = self.lex.rel
        head = tok.head
        label, cue = self.lex.label, self.lex.cue
        if tok.dep_ != rel.open_complement or head.lemma_.lower() not in cue("undergo_verbs") or not any(
                (c.dep_ in (rel.object, rel.indirect_object) or c.dep_ in label("reflexive_clitic"))
                and c.lower_ in cue("reflexive_clitics") for c in head.children):
            return None
        patient = next((c for c in head.children if c.dep_ in self.lex.label("subjects")),
                       None) or self._inherited_subject(head)
        nearby = list(tok.children) + [g for c in tok.children if c.dep_ == rel.object for g in c.children]
        agent = next((c for c in nearby if c.dep_ in label("passive_agent") or (
            (c.dep_ in (rel.oblique, rel.nominal_modifier) or c.dep_ in label("modifier_oblique"))
            and self._case_of(c) in cue("agent_preps"))), None)
        return patient, agent

    def _stranded_subject(self, tok):
        """A subject the parser cut off as a root of its own: "Washington, avec ses alliés, a exigé ...",
        "Washington a exigé ..." parsed as two fragments (often two sentences). The name (a verbless proper
        noun or noun root) must end right before the verb's own words, with at most commas between; None
        otherwise."""
        rel = self.lex.rel
        if tok.dep_ != rel.root or tok.morph.get("VerbForm") == ["Inf"] \
                or any(c.dep_ == rel.clause_marker for c in tok.children):
            return None  # "..., pour réclamer": an infinitive has no subject of its own
        doc = tok.doc
        i = tok.left_edge.i - 1
        while i >= 0 and doc[i].text == ",":
            i -= 1
        if i < 0 or doc[i].is_punct:
            return None
        node = doc[i]
        while node.head.i != node.i:
            node = node.head
        if node.i == tok.i or node.dep_ != rel.root or node.pos_ not in ("PROPN", "NOUN") \
                or any(t.pos_ in ("VERB", "AUX") for t in node.subtree):
            return None
        return node

    def _adjunct_subjects(self, verb) -> list:
        """Subjects the parser coordinated with a fronted adjunct: in "Après le tir de missile, la Chine et la
        Russie refusent de ...", "la Chine" and "la Russie" come out as conjuncts of "tir". For a finite verb
        with no subject: the proper-noun conjuncts of its "après/avant/malgré/..." adjunct (cue list
        ``background_preps``) that follow a comma and precede the verb; an infinitive takes those of the verb
        that controls it ("refusent de durcir"). [] otherwise."""
        rel = self.lex.rel
        while verb.dep_ == rel.open_complement and verb.morph.get("VerbForm") == ["Inf"]:
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX") or verb.morph.get("VerbForm") != ["Fin"]:
            return []
        for adjunct in verb.children:
            if not (adjunct.dep_ == rel.oblique
                    or adjunct.dep_ in self.lex.label("modifier_oblique")) or adjunct.i > verb.i \
                    or self._case_of(adjunct) not in self.lex.cue("background_preps"):
                continue
            found = [c for c in adjunct.children if c.dep_ == rel.conjunct and c.pos_ == "PROPN" and c.i < verb.i]
            if found and any(t.text == "," for t in verb.doc[adjunct.i:found[0].i]) \
                    and not any(t.pos_ in ("VERB", "AUX") for t in verb.doc[found[0].i:verb.i]):
                return found
            deeper = self._deep_adjunct_subject(adjunct, verb)
            if deeper is not None:
                return [deeper]
        return []

    def _deep_adjunct_subject(self, adjunct, verb):
        """A subject the parser coordinated with a place inside a fronted adjunct: in "Après un déplacement en
        Ukraine et en Pologne, Filippo Grandi, haut-commissaire ..., salue", "Filippo Grandi" comes out as a
        conjunct of "Ukraine". The last proper-noun conjunct of the adjunct's phrase before the verb, set off by
        a comma, no place entity, with no verb of a clause between it and the verb; None otherwise."""
        rel = self.lex.rel
        conjuncts = [c for c in adjunct.subtree if c.dep_ == rel.conjunct and c.pos_ == "PROPN" and c.i < verb.i]
        if not conjuncts:
            return None
        last = conjuncts[-1]
        doc = verb.doc
        if last.left_edge.i == 0 or doc[last.left_edge.i - 1].text != "," \
                or last.ent_type_ in entity_labels.PLACE or any(
                    t.pos_ in ("VERB", "AUX") and t.dep_ != rel.adjectival_modifier for t in doc[last.i:verb.i]):
            return None
        return last

    def _fronted_apposition(self, verb):
        """A subject the parser hung on a fronted adjunct as its apposition: in "En Belgique, Pierre Dubois,
        ministre de l'intérieur, a dénoncé ...", "Pierre Dubois" comes out as an apposition of "Belgique". For
        a finite verb with no subject: the first nominal apposition, after a comma, of an oblique before the
        verb, with no verb between it and the verb. None otherwise."""
        rel = self.lex.rel
        if verb.pos_ not in ("VERB", "AUX") or verb.morph.get("VerbForm") != ["Fin"] and not any(
                c.dep_.startswith(rel.auxiliary) for c in verb.children):
            return None
        for adjunct in verb.children:
            if adjunct.i > verb.i or not (adjunct.dep_ == rel.oblique or adjunct.dep_ in self.lex.label("obliques")):
                continue
            for c in adjunct.children:
                if c.dep_ == rel.apposition and c.pos_ in ("PROPN", "NOUN") and c.i > adjunct.i \
                        and verb.doc[c.left_edge.i - 1].text == "," \
                        and not any(t.pos_ in ("VERB", "AUX") for t in verb.doc[c.i:verb.i] if t.head.i != verb.i):
                    return c
        return None

    def _headless_subject(self, verb):
        """A subject the parser left as a root of its own: "Israël et le Liban ont repris les négociations" parsed
        as a verbless "Israël et le Liban" followed by a subjectless clause. The nominal whose phrase ends right
        before the verb's clause (its auxiliaries), with no punctuation between, is the subject. Only for a
        clause heading the sentence with an auxiliary and no subject. None otherwise."""
        rel = self.lex.rel
        if verb.dep_ != rel.root or verb.pos_ not in ("VERB", "AUX"):
            return None
        left = verb.left_edge  # the parser may also have cut the sentence there: look in the doc
        if left.i == 0 or left.pos_ in ("PUNCT", "SCONJ", "ADP", "CCONJ"):
            return None
        node = verb.doc[left.i - 1]
        while node.head.i != node.i:
            node = node.head
        if node.i == verb.i or node.pos_ not in ("NOUN", "PROPN") or node.right_edge.i != left.i - 1 \
                or node.doc[left.i - 1].is_punct or not any(c.dep_.startswith(rel.auxiliary) for c in verb.children):
            return None
        return node

    def _frame_fits(self, frame: Frame, tok, actors, context) -> bool:
        """The frame's conditions on participants: actor sectors, and a patient that is an actor when
        ``needs_actor_patient`` ("l'opposante condamnée" is a conviction, "condamner l'attaque" a criticism)."""
        rel = self.lex.rel
        if not self._sectors_ok(frame, actors):
            return False
        if frame.needs_actor_patient:
            patient = next((c for c in tok.children if c.dep_ in self.lex.label("patients")), None)
            if frame in self.lex.nouns.get(frame.lemma, ()):  # an event noun: "la condamnation des trois opposants"
                patient = next((c for c in tok.children if c.dep_ == rel.nominal_modifier
                                and self._case_of(c) in self.lex.cue("genitive_preps")), None)
            if patient is None and tok.dep_ == rel.adnominal_clause:
                patient = tok.head
            if patient is None or (patient.pos_ == "NOUN" and patient.lemma_.lower() in self.lex.nouns):
                return False
            if self._case_of(patient) in self.lex.cues.get("personal_object_marks", ()):
                return True  # Spanish "detuvo a dos fotógrafos": the personal "a" marks a person
            kinds = {m.kind for m in context.mentions_in(patient.doc, patient.left_edge.i, patient.right_edge.i + 1)
                     if m.start <= patient.i < m.end}  # the mention the patient heads: "l'ancien ministre"
            if any(a.sector == "JUD" for a in actors):  # a court convicts states too ("condamnée par la CEDH")
                return bool(kinds) or patient.pos_ == "PROPN"
            return bool(kinds - {"country", "capital", "demonym", "region"}) or patient.ent_type_ == "PER"
        return True

    @staticmethod
    def _sectors_ok(frame: Frame, actors) -> bool:
        """A frame limited to some actor sectors needs an actor of one of them."""
        return frame.actor_sectors is None or any(a.sector in frame.actor_sectors for a in actors)

    def _needs_actor(self, trig: Trigger) -> bool:
        """Active verbs and agentive nouns ("visite de X") need an actor; passives ("ont été arrêtés") and
        patient nouns ("l'arrestation de X") may be coded with the recipient alone."""
        rel = self.lex.rel
        if trig.is_noun:  # "Kiev craint une offensive": an act undergone, its author unnamed
            return trig.frame.de != "recipient" and not self._undergone_noun(trig.token)
        if trig.frame.cameo[:2] in ("18", "19", "20"):  # "un attentat a tué un soldat": the attack is the cause,
            subject = next((c for c in trig.token.children if c.dep_ == rel.nominal_subject),
                           None)  # its author unnamed
            if subject is not None and any(c.dep_ == rel.case_marker for c in subject.children):
                subject = None  # "près de la ville" mis-read as the subject
            if subject is None and trig.token.dep_ == rel.adnominal_clause and any(
                    c.dep_ in self.lex.label("tense_auxiliary") for c in trig.token.children):
                subject = trig.token.head  # "Un attentat près de X a tué ..." parsed as the noun's clause
            if subject is not None and subject.pos_ == "NOUN" and subject.lemma_.lower() in self.lex.nouns:
                return False
        return not self._passive(trig.token)

    def _passive(self, tok) -> bool:
        """Passive voice: "a été arrêté", "les sanctions imposées". Verbs conjugated with "être" in the active
        (convenir, arriver, se rendre...) and reflexives are not passive even when the parser says so."""
        rel = self.lex.rel
        children = list(tok.children)
        if tok.lemma_.lower() in self.lex.cue("etre_verbs") or self._reflexive(children):
            return False
        label, cue = self.lex.label, self.lex.cue
        if not any(c.dep_ in label("passive_auxiliary") for c in children) and any(
                c.dep_ in label("tense_auxiliary") and c.lemma_ in cue("perfect_auxiliaries") for c in children):
            return False  # "la Serbie a catégoriquement rejeté": "avoir" makes an active past, whatever the tag
        if tok.dep_ == rel.conjunct and tok.head.lemma_ in cue("perfect_auxiliaries") and tok.head.i < tok.i \
                and tok.head.morph.get("VerbForm") == ["Fin"] \
                and not any(c.dep_.startswith(rel.auxiliary) for c in children):
            return False  # "X a une nouvelle fois rejeté": the auxiliary parsed as the main verb
        if tok.lemma_.lower() in self.lex.cue("stative_participles") and not any(
                c.dep_ in label("passive_agent") or self._case_of(c) in cue("agent_preps") for c in children):
            return False  # "Israël est opposé à ...": a stance of the subject, not a passive
        if any(c.dep_ in label("passive_auxiliary") or c.dep_ in label("passive_subject") for c in children):
            return True
        # a bare past participle is passive: "le missile tiré jeudi", "Critiqué pour..., le pays veut"
        return tok.morph.get("VerbForm") == ["Part"] and tok.morph.get("Tense") != ["Pres"] \
            and not any(c.dep_.startswith(rel.auxiliary) for c in children) and not any(
                c.dep_ in (rel.nominal_subject, rel.object) for c in children)

    def _reflexive(self, children) -> bool:
        """A reflexive clitic among ``children`` (an ``expl`` label, or "se" tagged as a pronoun)."""
        rel = self.lex.rel
        reflexives = self.lex.cue("third_person_reflexives")
        return any(c.dep_.startswith(rel.expletive) or (c.lower_ in reflexives and c.pos_ == "PRON") for c in children)

    def _resolve_subject(self, subject, context) -> tuple[Entity, ...]:
        """The actor of a subject; a relative pronoun stands for its antecedent (the noun a participle describes
        when the parser hung the clause on that participle: "Sophie Martin, élue dans l'Aube, qui dénonce"). An
        event noun is no agent ("le voyage du ministre a permis de...", "la visite, qui comprenait des
        rencontres"): ()."""
        rel = self.lex.rel
        if subject.lower_ in self.lex.cue("relative_pronouns") and (
                subject.head.dep_ == rel.adnominal_clause or subject.head.dep_ in self.lex.label("relative_clause")):
            subject = subject.head.head
            if subject.pos_ == "VERB" and subject.dep_ == rel.adnominal_clause \
                    and subject.morph.get("VerbForm") == ["Part"]:
                subject = subject.head  # the clause hung on the participle that describes the antecedent
        if subject.pos_ == "NOUN" and subject.lemma_.lower() in self.lex.nouns:
            return ()
        if any(c.dep_ == rel.case_marker and preposition(c) in self.lex.cue("place_cases")
               for c in subject.children):  # "Au Canada, Justin Trudeau invoque": a fronted place taken for the
            conj = next((c for c in subject.children if c.dep_ in (rel.conjunct, rel.apposition)),
                        None)  # subject, its real one
            # a conjunct or an apposition
            return self._resolve_subject(conj, context) if conj is not None else ()
        found = context.resolve(subject)
        first = subject.left_edge
        doc = subject.doc
        # the parser sometimes cuts "Paris et Berlin ont appelé" after "Paris": a lone name, "et", the subject
        if first.i >= 2 and doc[first.i - 1].lower_ in self.lex.cue("and_words") and doc[first.i - 2].dep_ == rel.root \
                and doc[first.i - 2].pos_ in ("PROPN", "NOUN") and doc[first.i - 2].head.i == first.i - 2:
            lone = doc[first.i - 2]
            if lone.left_edge.i == lone.i or lone.left_edge.dep_ == rel.determiner:
                found = context.resolve(lone) + found
        return found

    def _inherited_subject(self, tok):
        """Subject shared through coordination, control (xcomp), a relative clause's antecedent, or the clause
        of a gerund the parser hung on a noun ("... avec Rabat en soutenant le plan")."""
        rel = self.lex.rel
        node = tok
        for _ in range(5):
            if self._incise(node):
                return None
            if node.dep_ in (rel.open_complement, rel.conjunct, rel.adverbial_clause, rel.clausal_complement):
                head = node.head
                subj = next((c for c in head.children if c.dep_ in self.lex.label("subjects")), None)
                if node.dep_ == rel.open_complement:  # object control: "appeler les Occidentaux à fournir"
                    obj = next((c for c in head.children if c.dep_ in (rel.object, rel.indirect_object)), None)
                    if obj is not None and head.lemma_.lower() in self.lex.cue("object_control_verbs"):
                        return obj
                if subj is not None:
                    return subj
                node = head
                continue
            if node.dep_ == rel.adnominal_clause and self._gerund(node):  # "X a mis fin à la crise avec Rabat en
                # soutenant
                clause = node.head  # ...": a gerund hung on a noun shares the subject of that noun's clause
                while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
                    clause = clause.head
                if clause.pos_ in ("VERB", "AUX"):
                    subj = next((c for c in clause.children if c.dep_ in self.lex.label("subjects")), None)
                    return subj if subj is not None else self._inherited_subject(clause)
                return None
            relative = node.dep_ in self.lex.label("relative_clause")
            if (relative or node.dep_ == rel.adnominal_clause) and node.pos_ in ("VERB", "AUX"):
                if relative:
                    return node.head
                noun = node.head  # "sa volonté de visiter": the subject of the noun's verb
                if any(c.dep_ == rel.clause_marker for c in node.children) and noun.dep_ in self.lex.label("patients") \
                        and noun.head.pos_ in ("VERB", "AUX"):
                    subj = next((c for c in noun.head.children if c.dep_ in self.lex.label("subjects")), None)
                    return subj if subj is not None else self._inherited_subject(noun.head)
                if node.morph.get("Tense") == ["Pres"] and noun.lemma_.lower() in self.lex.cue("document_nouns") \
                        and noun.head.pos_ in ("VERB", "AUX"):  # "a adopté une résolution exigeant ...": its author
                    if noun.dep_ == rel.object:
                        subj = next((c for c in noun.head.children if c.dep_ in self.lex.label("subjects")), None)
                        return subj if subj is not None else self._inherited_subject(noun.head)
                    if noun.dep_ in self.lex.label("passive_subject"):
                        return next((c for c in noun.head.children if c.dep_ in self.lex.label("passive_agent")
                                     or self._case_of(c) in self.lex.cue("agent_preps")), None)
                return None
            if node.dep_ == rel.root and node.pos_ in ("VERB", "AUX"):
                return self._series_subject(node)
            break
        return None

    def _gerund(self, verb) -> bool:
        """A gerund: a present participle marked "en" (label-set word list ``gerund_marks``): "en soutenant"."""
        rel = self.lex.rel
        return verb.morph.get("VerbForm") == ["Part"] and verb.morph.get("Tense") == ["Pres"] and any(
            c.dep_ == rel.clause_marker and c.lower_ in self.lex.cue("gerund_marks") for c in verb.children)

    def _incise(self, verb) -> bool:
        """A reporting incise after its clause, with its subject inverted: "X ont maltraité des migrants, a accusé
        samedi une ONG" (parsed as a subjectless ``advcl``/``conj`` of the first verb). Its subject is the noun
        after it, never the first clause's."""
        rel = self.lex.rel
        if verb.dep_ not in (rel.adverbial_clause, rel.conjunct) or verb.i < verb.head.i:
            return False
        lemma = verb.lemma_.lower()
        if lemma not in self.lex.cue("reporting_verbs") and lemma not in self.lex.cue("allegation_verbs"):
            return False
        if any(c.dep_ in (*self.lex.label("subjects"), rel.coordinator, rel.clause_marker) for c in verb.children):
            return False
        first = next((t for t in verb.subtree if not t.is_punct), verb)
        before = verb.doc[first.i - 1] if first.i > 0 else None
        right = [c for c in verb.children if c.i > verb.i and c.dep_ != rel.punctuation]
        return before is not None and before.text == "," and bool(right) \
            and right[-1].dep_ in (rel.object, rel.nominal_subject) \
            and right[-1].pos_ in ("NOUN", "PROPN")

    def _series_subject(self, root):
        """The subject of a comma series of predicates the parser hangs under the last one.

        "Choe a transmis ses salutations, lui a demandé de ..., a exprimé sa gratitude": the parser makes the last
        verb the root, without a subject, and the earlier ones its unmarked ``advcl``/``conj`` dependents. The
        subject is that of the first predicate of the series (a clitic "lui"/"leur" mis-read as a subject is
        skipped). A dependent clause with a subordinator ("si", "alors que", "quand") is not part of the series,
        and neither is a reporting incise closing the sentence ("X ont fait Y, a accusé samedi une ONG"). Returns
        the subject token or None."""
        rel = self.lex.rel
        if root.lemma_.lower() in self.lex.cue("reporting_verbs"):
            return None
        right = [c for c in root.children if c.i > root.i and c.dep_ != rel.punctuation]
        if right and right[-1].dep_ in (rel.object, rel.nominal_subject) and right[-1].pos_ in ("NOUN", "PROPN"):
            return None  # the inverted subject of an incise ends the sentence
        node, found = root, None
        for _ in range(6):
            earlier = [c for c in node.children if c.dep_ in (rel.adverbial_clause, rel.conjunct) and c.i < node.i
                       and c.pos_ in ("VERB", "AUX") and not any(m.dep_ == rel.clause_marker for m in c.children)]
            if not earlier:
                break
            node = earlier[0]
            subj = next((c for c in node.children if (c.dep_ == rel.nominal_subject
                                                      or c.dep_ in self.lex.label("passive_subject"))
                         and c.lower_ not in self.lex.cue("non_subject_clitics")), None)
            if subj is not None:
                found = subj
        return found

    def _recipient(self, trig: Trigger, context, skip=None) -> tuple[Entity, ...]:
        rel = self.lex.rel
        tok = trig.token
        places = [tok] + ([trig.obj] if trig.obj is not None else [])
        # one level deeper: "deux tonnes de vivres à la Croix-Rouge", "arrivé lundi à Dakar", "des drones
        # armés aux rebelles"
        places += [c for h in list(places) for c in h.children
                   if ((c.dep_ in (rel.nominal_modifier, rel.oblique) or c.dep_ in self.lex.label("modifier_oblique"))
                       and self._case_of(c) in (None, *self.lex.cue("genitive_preps"))
                       and c.pos_ in ("NOUN", "PROPN"))
                   or (trig.obj is not None and h.i == trig.obj.i and c.dep_ == rel.adnominal_clause
                       and c.pos_ == "VERB")]
        if rel.object in trig.frame.recipient and not trig.is_noun and tok.pos_ not in ("VERB", "AUX") \
                and tok.dep_ == rel.nominal_modifier and tok.head.pos_ == "NOUN":  # "tout contact avec
            found = context.resolve(tok.head) or self._place_recipient(tok.head, context)  # X": a verb taken
            if found:                                                                    # for a noun's modifier
                return found
        # "a critiqué jeudi la France": the parser hangs the object on the time word before it
        displaced = [g for c in tok.children
                     if (c.dep_ in (rel.object, rel.nominal_modifier) or c.dep_ in self.lex.label("modifier_oblique"))
                     and c.lemma_.lower() in self.lex.cue("time_nouns")
                     for g in c.children if g.dep_ in (rel.nominal_modifier, rel.object, rel.adjectival_modifier)
                     and g.pos_ in ("NOUN", "PROPN") and g.i > c.i and self._case_of(g) is None
                     and not (trig.obj is not None and g.i == trig.obj.i)]
        for slot in trig.frame.recipient:
            if slot == rel.object and not any(
                    c.dep_ == rel.object and c.lemma_.lower() not in self.lex.cue("time_nouns") for c in tok.children):
                for g in displaced:
                    found = context.resolve(g)
                    if found:
                        return found
            for holder in places:
                for c in holder.children:
                    if (skip is not None and c.i == skip.i) or (
                            trig.obj is not None and c.i == trig.obj.i and slot != rel.object
                            and not self._misparsed_object(trig, c, slot)):
                        continue
                    if slot == rel.object and (c.dep_ == rel.object or self._caseless_object(tok, holder, c)):
                        found = context.resolve(c) or self._possessor(c, context)
                    elif slot == rel.indirect_object and (c.dep_ == rel.indirect_object or (
                            c.dep_ in self.lex.label("argument_oblique") and c.pos_ == "PRON")):
                        found = context.resolve(c)
                    elif c.dep_ in self.lex.label("participant_relations") and c.dep_ not in (rel.object,) \
                            and self._case_of(c) == slot and not self._fronted_setting(holder, c):
                        found = context.resolve(c)
                    elif slot == "clause_subject" and holder.i == tok.i and (c.dep_ == rel.clausal_complement or (
                            c.dep_ == rel.adnominal_clause and any(m.dep_ == rel.clause_marker and m.lower_
                                                                   in self.lex.cue("complement_marks")
                                                                   for m in c.children))):
                        subject = next((g for g in c.children if g.dep_ in self.lex.label("subjects")), None)
                        found = context.resolve(subject) if subject is not None else ()  # "demanded that X withdraw": X
                    else:
                        continue
                    if found:
                        return self._with_object_sector(trig, holder, slot, found, context)
                    if c.pos_ in ("NOUN", "PROPN"):
                        found = self._place_recipient(c, context)
                        if found:
                            return found
        return self._object_slot_recipient(trig, context)

    def _with_object_sector(self, trig: Trigger, holder, slot: str, found, context) -> tuple[Entity, ...]:
        """Rule ``recipient_sector_of_object``: a recipient found in a complement of the frame's pattern object
        that names no sector takes the object phrase's own reading when that is the same country with a
        sector ("a convoqué l'ambassadeur d'Allemagne": DEU GOV, the ambassador, not DEU alone). Only through a
        genitive preposition (cue ``genitive_preps``), on an object with no possessive determiner ("retirer ses
        troupes du Liban": the troops are the subject's), not holding the trigger and not a passive subject
        ("L'ambassadeur de France au Mali a été rappelé": his own country recalls him). ``found``: the entities
        of the complement; returns them, or the object phrase's."""
        if slot not in self.lex.cue("genitive_preps") or trig.obj is None or holder.i != trig.obj.i \
                or holder.dep_ != self.lex.rel.object \
                or any(e.sector for e in found) or trig.token.i in {t.i for t in holder.subtree} \
                or any(c.morph.get("Poss") == ["Yes"] for c in holder.children):
            return found
        whole = context.resolve(holder)
        if whole and all(e.sector for e in whole) and {e.code for e in whole} == {e.code for e in found}:
            return whole
        return found

    def _caseless_object(self, verb, holder, tok) -> bool:
        """True for a noun the parser hung on an active verb as a noun modifier or an oblique with no
        preposition, right after it ("la Chine menace Taïwan": ``nmod`` or ``obl:arg`` "Taïwan"): a verb's noun
        complement without a preposition is its object (a time noun is not: "a visité lundi")."""
        rel = self.lex.rel
        return holder.i == verb.i and verb.pos_ == "VERB" and tok.i > verb.i and tok.pos_ in ("NOUN", "PROPN") \
            and (tok.dep_ == rel.nominal_modifier or tok.dep_ in self.lex.label("obliques")) \
            and not any(c.dep_ == rel.case_marker for c in tok.children) \
            and tok.lemma_.lower() not in self.lex.cue("time_nouns")

    def _fronted_setting(self, verb, tok) -> bool:
        """True for a complement set off before the verb and its subject by a comma ("Au Mali, la junte
        redemande ... le départ du contingent danois": "Au Mali" says where, it is not whom the request is made
        to)."""
        if tok.i > verb.i or tok.right_edge.i + 1 >= len(tok.doc) or tok.doc[tok.right_edge.i + 1].text != ",":
            return False
        return any(c.dep_ in self.lex.label("subjects") and tok.i < c.i < verb.i for c in verb.children)

    def _possessor(self, tok, context) -> tuple[Entity, ...]:
        """The actor a possessive names on a noun that is no actor ("welcomed Iran's proposal": IRN), for
        languages whose parse labels possessives apart (``syntax.yaml`` label set ``possessive_modifiers``)."""
        labels = self.lex.labels.get("possessive_modifiers", frozenset())
        if not labels or context.relational(tok):
            return ()  # "attacked Turkey's allies": the owner of an ally is not the one attacked
        owner = next((c for c in tok.children if c.dep_ in labels), None)
        return context.resolve(owner) if owner is not None else ()

    def _misparsed_object(self, trig: Trigger, tok, slot: str) -> bool:
        """The pattern object matched only through a noun the parser hung under a recipient phrase ("a partagé
        avec le Canada des documents": "documents" under "Canada"): the phrase itself, with the
        frame's recipient preposition, is the recipient."""
        return self._case_of(tok) == slot and tok.lemma_.lower() not in trig.frame.objects \
            and tok.lower_ not in trig.frame.objects
