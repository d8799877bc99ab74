"""Parties of an event noun found through the clause around it: the target of an attack named as what the
attack hit or as its victim, and the modifiers a coordinated event noun shares with the noun before it."""
from __future__ import annotations

from dataclasses import replace

from .. import entity_labels
from ..docview import ents_of
from ..records import Entity
from .frames import HIT_ROOTS, OBLIGATION, Trigger

DOMESTIC_SECTORS = frozenset({"JUD", "COP"})
"""Sectors of actors that act on the people of their own country (courts, police): with nobody else named, the
recipient of their act is that country's civilians."""
CLAIM_ROOTS = frozenset({"10", "11", "12"})
"""CAMEO roots of demands, criticism and rejections: by citizens with nobody named, addressed to their own
government (as protests are, ANNOTATION.md)."""
CITIZEN_SECTORS = frozenset({"OPP", "CVL", "LAB", "PTY", "NGO", "EDU", "REL", "MED", "LEG", "BUS"})
"""Sectors of non-state actors whose unaddressed claims go to their own government."""
PROVISION_ROOTS = frozenset({"03", "07"})
"""CAMEO roots of promises and aid: a government's, with nobody named, is for its own people."""
HOME_ROOTS = frozenset({"01", "02", "03", "05", "08", "09", "10", "11", "12", "13", "14", "17", "18"})
"""CAMEO roots of acts that, with nobody named, fall on the actor's own country (``home_recipient``): every root
but meetings, cooperation, aid and the reduction of relations, which have a counterpart of their own (04, 06,
07, 16), and military force (15, 19, 20), which is mostly used on another country."""
PEOPLE_SECTORS = frozenset({"CVL", "CRM"})
"""Sectors that name many distinct people: two phrases of the same country and sector are two parties."""
SENTENCE_NOUN_ROOTS = frozenset({"17"})
"""CAMEO roots of the nouns of a sentence or coercion imposed on someone (prison, detention, house arrest)."""
"""CAMEO codes of court acts (charge, prosecution, conviction) whose unnamed author is the justice."""
CONVICTION_CODES = frozenset({"116"})
"""CAMEO codes of a conviction, whose author imposes the prison term that complements it (``sentencing_actor``)."""


class Parties:
    """Role finders over the clause an event noun sits in. A mixin of
    :class:`~newsevents.engine.coder.EventCoder`."""

    def _sentenced_recipients(self, trig: Trigger, named: dict) -> tuple[Entity, ...]:
        """The recipient of a coercion noun that is the complement of a court or coercion verb coded before it
        ("X a été condamné à dix ans de prison", "placé en détention"): the one sentenced, i.e. that verb's
        recipients (``named``: token index -> recipients of the candidates coded so far in the sentence). ()
        when the noun hangs on no such verb."""
        rel = self.lex.rel
        if not trig.is_noun or trig.frame.cameo[:2] not in SENTENCE_NOUN_ROOTS:
            return ()
        tok = trig.token
        for _ in range(3):  # "condamné à [dix ans de] prison"
            if tok.dep_ not in (rel.nominal_modifier, rel.object) and tok.dep_ not in self.lex.label("obliques"):
                return ()
            tok = tok.head
            if tok.i in named and tok.pos_ == "VERB":
                return named[tok.i]
        return ()

    @staticmethod
    def _sentencing_code(cameo: str) -> bool:
        """Whether a verb coded ``cameo`` imposes the coercion noun that complements it: a conviction
        (:data:`CONVICTION_CODES`) or a coercion (:data:`SENTENCE_NOUN_ROOTS`); not a complaint or a report
        about it ("saisit la CPI à propos de la déportation ...")."""
        return cameo in CONVICTION_CODES or cameo[:2] in SENTENCE_NOUN_ROOTS

    def _sentencing_actors(self, trig: Trigger, named: dict) -> tuple[Entity, ...]:
        """Rule ``sentencing_actor``: the actor of a coercion noun that is the complement of a court or coercion
        verb coded before it ("X a été condamné à la réclusion par la cour d'assises de Paris", "condamnée à
        Paris à dix ans de prison"): whoever imposed the sentence, i.e. that verb's actors, named or implied
        (``named``: token index -> actors of the candidates coded so far in the sentence). () when the noun
        hangs on no such verb (the noun's own implied court then applies)."""
        return self._sentenced_recipients(trig, named)

    def _hit_target(self, trig: Trigger, context, offset: int) -> tuple[Entity, ...]:
        """The target of an attack noun named by the clause around it, as a tuple of
        :class:`~newsevents.records.Entity` (``()`` when there is none): the object of the verb the noun is the
        subject of ("des frappes ont touché Kharkiv", verbs of the cue list ``impact_verbs``), the subject of a
        passive of such a verb whose agent it is ("le pays a été frappé par quatre attaques"), or whoever is
        called its target or victim (cue list ``victim_nouns``: "Kiev a été la cible de tirs", "X, victime d'une
        attaque"). ``offset``: the character offset of the trigger's Doc in the article. Only for nouns of
        :data:`HIT_ROOTS`."""
        rel = self.lex.rel
        tok = trig.token
        if not trig.is_noun or trig.frame.cameo[:2] not in HIT_ROOTS:
            return ()
        label, cue = self.lex.label, self.lex.cue
        head = tok.head
        while tok.dep_ == rel.conjunct and head.pos_ == "NOUN":  # "des tirs et des frappes ont touché ..."
            tok, head = head, head.head
        if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in cue("impact_verbs"):
            if tok.dep_ == rel.nominal_subject:
                target = next((c for c in head.children if c.dep_ == rel.object), None)
                return self._target_entities(target, context, offset)
            if tok.dep_ in label("passive_agent") or (tok.dep_ in label("obliques")
                                                     and self._case_of(tok) in cue("agent_preps")):
                target = next((c for c in head.children if c.dep_ in label("passive_subject")), None)
                return self._target_entities(target, context, offset)
        if (tok.dep_ == rel.nominal_modifier
            or tok.dep_ in label("obliques")) and self._case_of(tok) in cue("genitive_preps") \
                and head.lemma_.lower() in cue("victim_nouns"):
            target = next((c for c in head.children if c.dep_ in self.lex.label("subjects")), None)
            if target is None and head.i > head.head.i and head.head.pos_ in ("NOUN", "PROPN") and (
                    head.dep_ in (rel.apposition, rel.adnominal_clause, rel.nominal_modifier,
                                  rel.adjectival_modifier) or head.dep_ in label("relative_clause")):
                target = head.head  # "Salman Rushdie, victime d'une attaque"
            return self._target_entities(target, context, offset)
        return ()

    def _target_entities(self, target, context, offset: int) -> tuple[Entity, ...]:
        """The actors of a target phrase, else the country of the place it names ("les régions de Kharkiv",
        resolved offline); () for None."""
        if target is None:
            return ()
        return self._resolve_subject(target, context) or self._place_recipient(target, context) \
            or self._phrase_place(target, offset)

    def _phrase_place(self, tok, offset: int) -> tuple[Entity, ...]:
        """The country of the first place entity (LOC, GPE) inside the phrase of ``tok`` that the offline
        gazetteer knows, as an Entity with the place's words and article span; () when there is none."""
        for ent in ents_of(tok.doc):
            if ent.label_ in entity_labels.PLACE and tok.left_edge.i <= ent.start and ent.end <= tok.right_edge.i + 1:
                place = self.places.resolve(ent.text)
                if place is not None and place.country:
                    return (Entity(place.country, "", ent.text, (ent.start_char + offset, ent.end_char + offset),
                                   None),)
        return ()

    def _shared_noun_modifiers(self, trig: Trigger, context, offset: int
                               ) -> tuple[tuple[Entity, ...], tuple[Entity, ...]]:
        """The actors and recipients a coordinated event noun shares with the noun it is coordinated with,
        named after it: in "les tirs de roquettes et frappes israéliennes sur Gaza" the parser hangs
        "israéliennes" and "sur Gaza" on "tirs"; they are also those of "frappes". Actors are the demonym
        adjectives and "de" complements of the first noun that follow the trigger (military for attacks);
        recipients its complements in the trigger frame's recipient slots that follow the trigger. ``offset``:
        the character offset of the trigger's Doc in the article (entity spans are article offsets). ((), ())
        when the trigger is no conjunct of a noun."""
        rel = self.lex.rel
        tok = trig.token
        if not trig.is_noun or tok.dep_ != rel.conjunct or tok.head.pos_ != "NOUN":
            return (), ()
        first = tok.head
        after = tok.right_edge.idx + offset  # a modifier of the trigger's own phrase is not shared
        military = trig.frame.cameo[:2] in ("19", "20")
        actors = tuple(replace(a, sector="MIL") if military and not a.sector else a
                       for a in context.modifier_actors(first) if a.span[0] > after)
        recipients: tuple[Entity, ...] = ()
        genitive = self.lex.cue("genitive_preps")
        for c in first.children:
            if c.i > tok.right_edge.i and (c.dep_ == rel.nominal_modifier or c.dep_ in self.lex.label("obliques")) \
                    and self._case_of(c) in trig.frame.recipient and self._case_of(c) not in genitive:
                recipients = context.resolve(c) or self._place_recipient(c, context)
                if recipients:
                    break
        return actors, recipients

    def _undergone_noun(self, tok) -> bool:
        """Whether the event noun ``tok`` is the object of a verb of undergoing or fearing (cue list
        ``undergoing_verbs``: "Kiev craint une nouvelle offensive"): its subject is the recipient and the act
        may be coded without a named author."""
        rel = self.lex.rel
        return tok.dep_ == rel.object and tok.head.pos_ in ("VERB", "AUX") \
            and tok.head.lemma_.lower() in self.lex.cue("undergoing_verbs")

    def _undergoer(self, tok, context) -> tuple[Entity, ...]:
        """The one who undergoes the event noun ``tok`` when :meth:`_undergone_noun`: the subject of its verb
        (or the subject it shares with a coordinated or controlling verb); () when none names an actor."""
        verb = tok.head
        subject = next((c for c in verb.children if c.dep_ in self.lex.label("subjects")),
                       None) or self._inherited_subject(verb)
        return self._resolve_subject(subject, context) if subject is not None else ()

    def _object_slot_recipient(self, trig: Trigger, context) -> tuple[Entity, ...]:
        """A recipient phrase of the frame's prepositional slots that the parser hung on the verb's direct object
        instead of on the verb ("demander un effort financier aux patrons": "aux patrons" under "effort"); not a
        "de" complement, which belongs to the object. () when there is none or for an event noun."""
        rel = self.lex.rel
        if trig.is_noun:
            return ()
        genitive = self.lex.cue("genitive_preps")
        slots = [x for x in trig.frame.recipient if x not in (rel.object, rel.indirect_object) and x not in genitive]
        for obj in (c for c in trig.token.children if c.dep_ == rel.object and c.pos_ in ("NOUN", "PROPN")):
            for c in obj.children:
                if c.dep_ == rel.nominal_modifier and c.i > obj.i and self._case_of(c) in slots:
                    found = context.resolve(c)
                    if found:
                        return found
        return ()

    @staticmethod
    def _domestic_recipient(trig: Trigger, actors, offset: int) -> tuple[Entity, ...]:
        """The implied recipient of an act by actors of one country with nobody else named: that country's
        civilians for courts and police (:data:`DOMESTIC_SECTORS`), for a violent act by civilians or criminals
        ("un homme a ouvert le feu") and for a government's promise or aid ("le gouvernement a promis des
        mesures"); its government for a claim (:data:`CLAIM_ROOTS`) by non-state actors
        (:data:`CITIZEN_SECTORS`). Inferred: no evidence words, the empty span at the trigger. () otherwise."""
        codes = {a.code for a in actors}
        if not actors or len(codes) != 1 or next(iter(codes)) in ("---", "IGO"):
            return ()
        at = trig.token.idx + offset
        if all(a.sector in DOMESTIC_SECTORS for a in actors):
            return (Entity(next(iter(codes)), "CVL", "", (at, at), None),)
        if trig.frame.cameo[:2] in CLAIM_ROOTS and all(a.sector in CITIZEN_SECTORS for a in actors):
            return (Entity(next(iter(codes)), "GOV", "", (at, at), None),)
        if trig.frame.cameo[:2] in HIT_ROOTS and all(a.sector in ("CVL", "CRM") for a in actors):
            return (Entity(next(iter(codes)), "CVL", "", (at, at), None),)
        if trig.frame.cameo[:2] in PROVISION_ROOTS and all(a.sector == "GOV" for a in actors):
            return (Entity(next(iter(codes)), "CVL", "", (at, at), None),)
        return ()

    def _addressed_people(self, trig: Trigger, actors, context, offset: int) -> tuple[Entity, ...]:
        """The implied recipient of a claim (:data:`CLAIM_ROOTS`) by the government of one country with nobody
        named: that country's civilians. Not for an obligation stated of a thing (the synthetic frame
        ``(obligation)``: "le charbon devra être payé en roupies"), nor when the claim's words name a party of
        another country ("redemande le départ du contingent danois": the claim is on Denmark). Inferred: no
        evidence words, the empty span at the trigger. () otherwise."""
        codes = {a.code for a in actors}
        if not actors or len(codes) != 1 or next(iter(codes)) in ("---", "IGO") or trig.frame is OBLIGATION \
                or trig.frame.cameo[:2] not in CLAIM_ROOTS or any(a.sector != "GOV" for a in actors):
            return ()
        code = next(iter(codes))
        if self._names_other_party(trig, actors, context) or self._condemns_act(trig):
            return ()
        at = trig.token.idx + offset
        return (Entity(code, "CVL", "", (at, at), None),)

    def _condemns_act(self, trig: Trigger) -> bool:
        """Rule act_object (of ``addressed_people``): whether the object of a verb trigger is a common noun the
        lexicon codes as a violent act (a noun frame of :data:`HIT_ROOTS`: "Madrid condena el atentado"): the
        claim is on the act's author, not on the claimant's own people, so no own-people recipient is inferred.
        """
        rel = self.lex.rel
        if trig.is_noun:
            return False
        return any(c.dep_ == rel.object and c.pos_ == "NOUN" and self.lex.coded_noun(c.lemma_, HIT_ROOTS, folded=True)
                   for c in trig.token.children)

    @staticmethod
    def _names_other_party(trig: Trigger, actors, context) -> bool:
        """Whether a word of the trigger's phrase (its subtree) names a party of another country than the
        actors' ("redemande le départ du contingent danois": DNK): the act is on them, not on the actors' own
        country."""
        code = next(iter({a.code for a in actors}), None)
        spans = {a.span for a in actors}
        return any(tok.pos_ in ("NOUN", "PROPN", "ADJ") and any(
            e.code not in (code, "---") and e.span not in spans for e in context.resolve(tok))
            for tok in trig.token.subtree)

    def _home_recipient(self, trig: Trigger, actors, context, offset: int) -> tuple[Entity, ...]:
        """The implied recipient of an act (:data:`HOME_ROOTS`) by actors of one country with nobody named after
        every other fallback: that country, sector unknown, or its people (CVL) for a government, as in
        :meth:`_addressed_people` ("le premier ministre australien a reconnu sa défaite": AUS CVL, the voters the
        defeat is conceded to). Inferred: no evidence words, the empty
        span at the trigger. () for actors of several countries, of none or an
        organisation (IGO), and, as for :meth:`_addressed_people`, for an obligation stated of a thing ("le
        charbon devra être payé en roupies"), when the trigger's phrase names a party of another country, and for
        a claim on a violent act (:meth:`_condemns_act`: "Madrid condena el atentado")."""
        codes = {a.code for a in actors}
        if not actors or len(codes) != 1 or next(iter(codes)) in ("---", "IGO", "") or trig.frame is OBLIGATION \
                or trig.frame.cameo[:2] not in HOME_ROOTS or self._names_other_party(trig, actors, context) \
                or trig.frame.cameo[:2] in CLAIM_ROOTS and self._condemns_act(trig):  # "Madrid condena el atentado"
            return ()
        at = trig.token.idx + offset
        sector = "CVL" if all(a.sector == "GOV" for a in actors) else ""  # a government's own: its people
        return (Entity(next(iter(codes)), sector, "", (at, at), None),)

    @staticmethod
    def _other_people(recipient: Entity, actors) -> bool:
        """Whether ``recipient``, of the same country and sector as an actor, is other people all the same: a
        sector of many (:data:`PEOPLE_SECTORS`) named by other words or inferred ("un homme a poignardé des
        passants"), or a person or body the dictionaries name otherwise than every actor ("Emmanuel Macron a
        limogé Jean Castex": FRA GOV and FRA GOV, two parties)."""
        if recipient.name and recipient.entity_text and all(a.name and a.name != recipient.name for a in actors):
            return True  # two persons or bodies the dictionaries name apart ("Macron limoge Borne")
        return recipient.sector in PEOPLE_SECTORS and all(recipient.entity_text != a.entity_text
                                                          or not recipient.entity_text for a in actors)

    def _nested_slot_recipient(self, tok, frame, context) -> tuple[Entity, ...]:
        """A recipient phrase of the event noun's frame (a preposition slot other than "de") that the parser hung
        one or two levels down, on the noun's "de" complement or its participle ("la manifestation des
        agriculteurs contre le gouvernement"); not inside a relative clause nor a complement clause. () when
        there is none."""
        rel = self.lex.rel
        genitive = self.lex.cue("genitive_preps")
        slots = [x for x in frame.recipient if x not in (rel.object, rel.indirect_object) and x not in genitive]
        if not slots:
            return ()
        relative = self.lex.label("relative_clause")
        level = [c for c in tok.children if c.i > tok.i and (c.dep_ == rel.nominal_modifier or (
            c.dep_ == rel.adnominal_clause and c.morph.get("VerbForm") == ["Part"]
            and not any(m.dep_ == rel.clause_marker for m in c.children)))]
        for _ in range(2):
            below = []
            for holder in level:
                for c in holder.children:
                    if c.i < holder.i or c.dep_ in relative:
                        continue
                    if (c.dep_ == rel.nominal_modifier
                        or c.dep_ in self.lex.label("obliques")) and self._case_of(c) in slots:
                        found = context.resolve(c)
                        if found:
                            return found
                    below.append(c)
            level = [c for c in below if c.dep_ in (rel.nominal_modifier, rel.oblique)
                     or c.dep_ in self.lex.label("obliques")]
        return ()
