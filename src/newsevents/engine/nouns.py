"""Event nouns: their participants, exchanges and counterparts; actor x recipient pairs."""
from __future__ import annotations

from dataclasses import replace

from ..records import Entity
from .frames import CONFLICT_ROOTS, UNDERGOER_SECTORS, Trigger


class Nouns:
    """Participants of event nouns and the pairs of an event.
    A mixin of :class:`~newsevents.engine.coder.EventCoder`."""

    def _noun_participants(self, trig: Trigger, context):
        """The actors and the recipients of an event noun (tuples of :class:`~newsevents.records.Entity`):
        its "de" / "par" complements, its modifiers ("les frappes russes"), its recipient slots, the agent of a
        participle on it, the subject of the verb it is the object of or the occasion of, its possessor; ((), ())
        for a generic mention of a frame that needs a specific incident."""
        rel = self.lex.rel
        tok, frame = trig.token, trig.frame
        # a bare noun in a light-verb phrase ("ont fait don de fournitures", "porter plainte"): its "de"
        # complement is what is given or done, the verb's subject is the actor
        light = tok.dep_ == rel.object and tok.head.pos_ in ("VERB", "AUX") \
            and tok.head.lemma_.lower() in self.lex.support_verbs \
            and not any(c.dep_ == rel.determiner for c in tok.children)
        actors, recipients = self._noun_complements(tok, frame, context, light)
        # modifiers may hang on the quantity noun ("série de frappes russes sur Kharkiv") or on an adjectival
        # participle ("dialogue difficile entre l'Inde et le Pakistan")
        quantity = tok.head if tok.dep_ == rel.nominal_modifier \
            and tok.head.lemma_.lower() in self.lex.cue("quantity_nouns") else None
        holders = [tok] + ([quantity] if quantity is not None else []) + [
            c for c in tok.children if c.dep_ == rel.adnominal_clause and c.pos_ in ("VERB", "ADJ")
            and not any(m.dep_ == rel.clause_marker
                        for m in c.children)]  # not the clause of "sa demande qu'Israël ..."
        occasion = self._occasion_noun(tok)
        if occasion is not None:  # "à l'issue d'un entretien avec X": the parser may hang "avec X" on "issue"
            holders.append(occasion)
        if not actors and not (light and frame.de == "actor"):
            taken = {r.span for r in recipients}  # "le bombardement de l'hôpital": not also its actor
            actors = tuple(a for a in self._noun_modifier_actors(tok, frame, context, quantity)
                           if a.span not in taken)
        if not recipients:
            recipients = self._noun_slot_recipients(tok, frame, context, holders)
        if not actors:  # "un appel au calme lancé par Bruxelles"
            actors = self._noun_participle_agent(tok, context)
        if frame.reciprocal and not actors and len(recipients) < 2:
            recipients = self._reciprocal_sides(tok, frame, context) or recipients
        if frame.reciprocal and not actors and len(recipients) >= 2:  # "rencontre entre Macron et Scholz"
            return recipients, ()
        anchor = tok  # "une série de raids", "des dizaines de frappes": the quantity noun holds the position
        while anchor.dep_ == rel.nominal_modifier and anchor.head.pos_ == "NOUN" and (
                anchor.head.lemma_.lower() in self.lex.cue("quantity_nouns") or self._behind_time_word(anchor)):
            anchor = anchor.head
        if occasion is not None and anchor.i == tok.i and (recipients or any(
                c.dep_ == rel.determiner and c.morph.get("Definite") == ["Ind"] for c in tok.children)):
            # "au cours d'une conversation avec Y, X a ...": as "lors de"; not "au cours de la réunion", the
            # meeting told before
            anchor = occasion
        if not recipients and self._undergone_noun(anchor):  # "Kiev craint une offensive russe"
            recipients = self._undergoer(anchor, context)
        if not actors:
            actors, recipients = self._noun_governor_participants(anchor, occasion, frame, context, recipients)
        if not actors:
            actors = self._charged_author(tok, frame, context) or self._state_holder(tok, context)
        return self._noun_owner_and_exchange(tok, frame, context, anchor, actors, recipients)

    def _behind_time_word(self, tok) -> bool:
        """Rule ``noun_behind_time_word``: an event noun the parser hung on the time word between its verb and
        it ("l'UE a adopté vendredi de nouvelles sanctions": "sanctions" under "vendredi") holds the time word's
        place in the clause, so the verb's subject reaches it as through a light verb. Only with no preposition
        or a partitive one (cue lists ``time_nouns``, ``partitive_articles``; ``adjective_partitives`` when an
        adjective comes before the noun: "de nouvelles sanctions")."""
        time_word = tok.head
        if not (time_word.lemma_.lower() in self.lex.cue("time_nouns") and tok.i > time_word.i
                and time_word.head.pos_ in ("VERB", "AUX") and time_word.head.i < time_word.i):
            return False
        rel = self.lex.rel
        case = next((x.lower_ for x in tok.children if x.dep_ == rel.case_marker), None)
        if case is None or case in self.lex.cue("partitive_articles"):
            return True
        return case in self.lex.cues.get("adjective_partitives", ()) and not any(
            c.dep_ == rel.determiner for c in tok.children) and any(
            c.dep_ == rel.adjectival_modifier and c.i < tok.i for c in tok.children)

    def _reciprocal_sides(self, tok, frame, context) -> tuple[Entity, ...]:
        """The two sides of a reciprocal noun that the clause names, not the noun: the object and the "à"
        complement of a participle of cue list ``pairing_verbs`` on it ("des heurts opposant la police à des
        manifestants"), or the frame's recipient slots ("entre X et Y") on the verb or predicate the noun is the
        subject of ("des affrontements ont éclaté entre X et Y", "un entretien est en cours entre X et Y").
        () unless at least two entities are found."""
        rel = self.lex.rel
        pairing = self.lex.cues.get("pairing_verbs", ())
        for acl in (c for c in tok.children if c.dep_ == rel.adnominal_clause and c.lemma_.lower() in pairing):
            sides = tuple(e for c in acl.children if c.dep_ == rel.object or (
                c.dep_ in self.lex.label("argument_oblique") and self._case_of(c) in self.lex.cue("dative_preps"))
                for e in context.resolve(c))
            if len(sides) >= 2:
                return sides
        if tok.dep_ not in self.lex.label("subjects") or tok.head.i == tok.i:
            return ()
        for c in tok.head.children:
            if c.i != tok.i and c.dep_ != rel.object and c.dep_ not in self.lex.label("subjects") \
                    and self._case_of(c) in frame.recipient and self._case_of(c) in self.lex.cues.get(
                        "between_preps", ()):
                sides = context.resolve(c)
                if len(sides) >= 2:
                    return sides
        return ()

    def _charged_author(self, tok, frame, context) -> tuple:
        """The author of a crime noun (CAMEO 18-20) that names none, told by the charge it is part of: the one
        convicted, suspected or held for it ("condamné ... pour des viols", "soupçonnés d'actes de torture": the
        patient of a verb of cue list ``charge_verbs``, also when the parser hung the charge on that patient:
        "accuse les mercenaires de meurtres"), the one who confesses or claims it ("a revendiqué
        l'attentat": the subject of one of ``confession_verbs``), or the one called its author ("Tsarnaev,
        auteur de l'attentat": ``author_nouns``). Followed up the noun's chain of complements (at most four
        steps); () for a language without these cue lists or when nothing names an actor."""
        rel = self.lex.rel
        cues = self.lex.cues
        if frame.cameo[:2] not in CONFLICT_ROOTS or "charge_verbs" not in cues:
            return ()
        node, obliques = tok, self.lex.label("obliques")
        for _ in range(4):
            if not (node.dep_ in (rel.nominal_modifier, rel.oblique, rel.conjunct) or node.dep_ in obliques):
                return ()
            head, lemma = node.head, node.head.lemma_.lower()
            if head.pos_ in ("NOUN", "PROPN") and head.dep_ == rel.object and node.dep_ == rel.nominal_modifier \
                    and head.head.lemma_.lower() in cues["charge_verbs"] \
                    and self._case_of(node) in cues.get("charge_preps", ()):
                return context.resolve(head)  # "accuse les mercenaires de meurtres": the charge hung on the accused
            if head.pos_ == "NOUN" and lemma in cues["author_nouns"]:
                holder = head.head if head.dep_ == rel.apposition else next(
                    (c for c in head.children if c.dep_ in self.lex.label("subjects")), None)
                return context.resolve(holder) if holder is not None else ()
            if head.pos_ in ("VERB", "AUX") and lemma in cues["confession_verbs"]:
                subject = next((c for c in head.children if c.dep_ in self.lex.label("subjects")), None)
                return context.resolve(subject) if subject is not None else ()
            if head.pos_ in ("VERB", "AUX", "ADJ") and lemma in cues["charge_verbs"]:
                return self._charged(head, context)
            node = head
        return ()

    def _state_holder(self, tok, context) -> tuple:
        """The one an event noun of state describes: "Macky Sall, en visite en Russie" (the noun with no
        determiner under a preposition of cue list ``state_preps``, hung on the person's noun): Macky Sall's
        visit. () otherwise."""
        rel = self.lex.rel
        preps = self.lex.cues.get("state_preps")
        if not preps or tok.dep_ != rel.nominal_modifier or tok.head.pos_ not in ("NOUN", "PROPN") \
                or any(c.dep_ == rel.determiner for c in tok.children) or self._case_of(tok) not in preps:
            return ()
        cut = tok.left_edge.idx - tok.head.left_edge.idx  # the holder's words end before the state's phrase
        out = []
        for e in context.resolve(tok.head):
            words = e.entity_text[:cut].rstrip(" ,") if 0 < cut < len(e.entity_text) else e.entity_text
            out.append(replace(e, entity_text=words, span=(e.span[0], e.span[0] + len(words))) if words else e)
        return tuple(out)

    def _charged(self, verb, context) -> tuple:
        """Who a verb of charging acts on: its passive subject or the noun its participle describes
        ("l'opposant condamné pour"), else its object; () when none names an actor."""
        rel = self.lex.rel
        if verb.dep_ == rel.open_complement and verb.pos_ == "ADJ":  # "reconnu coupable de meurtre": who is
            # found guilty
            verb = verb.head
        passive = self.lex.label("passive_subject")
        patient = next((c for c in verb.children if c.dep_ in passive), None)
        if patient is None and verb.dep_ == rel.adnominal_clause:
            patient = verb.head
        if patient is None and verb.dep_ == rel.conjunct:
            patient = next((c for c in verb.head.children if c.dep_ in passive), None)
        if patient is None:
            patient = next((c for c in verb.children if c.dep_ == rel.object), None)
        return context.resolve(patient) if patient is not None else ()

    def _noun_complements(self, tok, frame, context, light: bool):
        """Actors and recipients from an event noun's "de" complement (as the frame's ``de`` says) and "par"
        complement; a light-verb phrase's "de" complement is no actor. With a "par" complement naming an actor,
        the "de" complement is the recipient whatever the frame says ("l'attaque de l'Ukraine par la Russie")."""
        rel = self.lex.rel
        actors: tuple[Entity, ...] = ()
        recipients: tuple[Entity, ...] = ()
        agent = self._noun_agent(tok, context)
        for c in tok.children:
            case = self._case_of(c)
            if c.dep_ == rel.nominal_modifier and case in self.lex.cue("genitive_preps") and frame.de \
                    and not (light and frame.de == "actor"):
                found = context.resolve(c)
                if agent is not None and not recipients:  # "l'attaque de l'Ukraine par la Russie": the "par"
                    recipients = self._without_phrase(found, agent)  # phrase is the actor, the "de" one what
                    # is acted on
                elif frame.de == "actor" and not recipients and self._undergoers(frame, found):
                    recipients = found  # "le bombardement de l'hôpital de Kharkiv": the hospital is hit
                elif frame.de == "actor" and not actors and not self._event_noun(c):
                    actors = found  # not "una manifestación de protesta": an act names no actor
                elif frame.de == "recipient" and not recipients:
                    recipients = found
        if agent is not None and not actors:
            actors = context.resolve(agent)
        return actors, recipients

    def _event_noun(self, tok) -> bool:
        """Whether ``tok`` is a common noun the lexicon codes as an event ("protesta" in "una manifestación de
        protesta"): such a "de" complement says what kind of act it is, never who acts."""
        return tok.pos_ == "NOUN" and self.lex.coded_noun(tok.lemma_)

    def _noun_agent(self, tok, context):
        """The "par" phrase of an event noun that names an actor: its own complement, the phrase right after
        the noun's phrase that the parser hung on the governing noun ("en cas d'invasion de l'Ukraine par la
        Russie": "par la Russie" under "cas"), or one it hung on the noun's "de" complement ("l'invasion de
        l'Ukraine par Moscou": "par Moscou" under "Ukraine"). None when there is none."""
        rel = self.lex.rel
        by, genitive = self.lex.cue("noun_agent_preps"), self.lex.cue("genitive_preps")
        near = list(tok.children) + [c for c in tok.head.children if c.i > tok.i and c.dep_ == rel.nominal_modifier
                                     and c.left_edge.i == tok.right_edge.i + 1 and tok.head.pos_ == "NOUN"]
        near += [g for c in tok.children if c.dep_ == rel.nominal_modifier and self._case_of(c) in genitive
                 for g in c.children if g.i > c.i]
        return next((c for c in near if c.dep_ == rel.nominal_modifier and self._case_of(c) in by
                     and context.resolve(c)), None)

    @staticmethod
    def _without_phrase(entities, phrase) -> tuple[Entity, ...]:
        """``entities`` with the words of ``phrase`` (a token heading a phrase the parser hung inside them: "de
        l'Ukraine par Moscou") cut from the end of their evidence text and span."""
        words = phrase.doc[phrase.left_edge.i:phrase.right_edge.i + 1].text
        out = []
        for e in entities:
            if e.entity_text.endswith(words) and len(e.entity_text) > len(words):
                text = e.entity_text[:-len(words)].rstrip()
                e = replace(e, entity_text=text, span=(e.span[0], e.span[0] + len(text)))
            out.append(e)
        return tuple(out)

    @staticmethod
    def _undergoers(frame, entities) -> bool:
        """Rule of :meth:`_noun_complements`: the "de" complement of a material-conflict noun whose entities
        all belong to undergoer sectors (:data:`~newsevents.engine.frames.UNDERGOER_SECTORS`: civilians,
        health, education, refugees) is the recipient ("le bombardement d'une école" hits the school)."""
        return frame.cameo[:2] in CONFLICT_ROOTS and bool(entities) and all(
            e.sector in UNDERGOER_SECTORS for e in entities)

    def _noun_modifier_actors(self, tok, frame, context, quantity):
        """Actors named by modifiers of the noun or of its quantity noun ("les frappes russes": military for
        attacks), less the "de" complement of a frame whose "de" is the recipient and the participants of an
        event in its "de" complement ("sa demande de retrait des troupes françaises")."""
        rel = self.lex.rel
        actors = tuple(replace(a, sector="MIL") if not a.sector and frame.cameo[:2] in ("19", "20") else a
                       for a in context.modifier_actors(tok)) or (
            tuple(replace(e, sector="MIL") if not e.sector and frame.cameo[:2] in ("19", "20") else e
                  for c in quantity.children if c.dep_ == rel.adjectival_modifier for e in context.resolve(c))
            if quantity is not None else ())
        if frame.de == "recipient":  # "l'invasion de l'Ukraine": the "de" complement is the recipient
            de_spans = {e.span for c in tok.children if c.dep_ == rel.nominal_modifier
                        and self._case_of(c) in self.lex.cue("genitive_preps")
                        for e in context.resolve(c)}
            actors = tuple(a for a in actors if a.span not in de_spans)
        # "sa demande de retrait des troupes françaises": an event in the "de" complement is the content,
        # its participants are not the author
        content = [c for c in tok.children if c.dep_ == rel.nominal_modifier
                   and self._case_of(c) in self.lex.cue("genitive_preps")
                   and c.pos_ == "NOUN" and c.lemma_.lower() in self.lex.nouns]
        if content:
            inside = [e.span for c in content for e in context.resolve(c)]
            actors = tuple(a for a in actors if not any(s <= a.span[0] < e for s, e in inside))
        return actors

    def _noun_slot_recipients(self, tok, frame, context, holders):
        """Recipients in the frame's recipient slots on the noun or its holders, or in the phrase right after
        the noun that the parser hung elsewhere ("un entretien avec le président sénégalais Macky Sall")."""
        rel = self.lex.rel
        recipients: tuple[Entity, ...] = ()
        obliques = self.lex.label("argument_oblique") | self.lex.label("modifier_oblique")
        genitive = self.lex.cue("genitive_preps")
        for slot in frame.recipient:
            for c in (c for h in holders for c in h.children if c.i != tok.i):
                if (c.dep_ in (rel.nominal_modifier, rel.oblique, rel.adnominal_clause)
                    or c.dep_ in obliques) and self._case_of(c) == slot \
                        and (slot not in genitive or frame.de != "actor"):
                    recipients = context.resolve(c)
                    if recipients:
                        break
            if recipients:
                break
        if not recipients and tok.i + 1 < len(tok.doc):  # "un entretien avec le président sénégalais Macky
            prep = tok.doc[tok.i + 1]  # Sall": the parser may hang the phrase after the noun elsewhere
            if prep.dep_ == rel.case_marker and prep.lower_ in frame.recipient and prep.head.i > prep.i \
                    and prep.head.pos_ in ("NOUN", "PROPN") and prep.head.head.i != tok.i:
                recipients = context.resolve(prep.head)
        return recipients or self._nested_slot_recipient(tok, frame, context)

    def _noun_participle_agent(self, tok, context):
        """The agent (and co-agents) of a participle on the noun: "un appel au calme lancé par Bruxelles", also
        one the parser tags as an adjective with a participle's form ("un paro decretado por los productores")."""
        rel = self.lex.rel
        nearby = list(tok.children) + [g for c in tok.children if c.dep_ == rel.nominal_modifier for g in c.children]
        for acl in (c for c in nearby if (c.dep_ == rel.adnominal_clause and c.pos_ == "VERB") or (
                c.dep_ == rel.adjectival_modifier and c.pos_ == "ADJ" and c.morph.get("VerbForm") == ["Part"])):
            # "le pilonnage effectué vendredi par les forces russes": the agent may hang on the time word
            around = list(acl.children) + [g for c in acl.children if c.dep_ in self.lex.label("modifier_oblique")
                                           for g in c.children]
            agent = next((g for g in around if g.dep_ in self.lex.label("passive_agent")
                          or self._case_of(g) in self.lex.cue("agent_preps")), None)
            if agent is not None:
                return context.resolve(agent) + tuple(e for g in self._coagents(acl, agent) for e in context.resolve(g))
        return ()

    def _noun_governor_participants(self, anchor, occasion, frame, context, recipients):
        """Participants through the clause the noun (its ``anchor``) sits in: the subject of the verb for a
        participation adjunct ("lors de sa visite, X a ..."), of a support verb or of the verb whose object it
        is, the agent of a passive ("sanctions imposées par Tokyo"), and that verb's recipient slots. The subject
        of a verb of undergoing or fearing (cue list ``undergoing_verbs``: "Kiev craint une offensive") is the
        recipient, not the actor; that of a verb of causing (cue list ``cause_verbs``: "sa mort a déclenché des
        protestations") is the cause, no actor."""
        rel = self.lex.rel
        actors: tuple[Entity, ...] = ()
        label = self.lex.label
        host = self._occasion_host(anchor, occasion, recipients)
        if host is not None:
            # "lors de sa visite, X a ...": X took part
            subject = next((c for c in host.children if c.dep_ in self.lex.label("subjects")), None)
            if subject is not None:
                actors = self._resolve_subject(subject, context)
            else:  # "Après un déplacement en Ukraine, Filippo Grandi salue": the subject hung on the adjunct
                actors = tuple(e for c in self._adjunct_subjects(host) for e in context.resolve(c))
        if actors:
            return actors, recipients
        tok_dep, head = anchor.dep_, anchor.head
        idiom = tok_dep != rel.object and any(c.dep_ == rel.object and c.pos_ == "NOUN" for c in head.children)
        passive = tok_dep in label("passive_subject")
        if (tok_dep in (rel.object, rel.oblique) or tok_dep in label("argument_oblique")
            or tok_dep in label("modifier_oblique")
                or passive) and head.pos_ in ("VERB", "AUX") and not idiom \
                and (head.lemma_.lower() in self.lex.support_verbs or passive or tok_dep == rel.object):
            # not through a verb with its own object noun: "faire face à la menace" is no threat by the subject
            verb = head.lemma_.lower()
            if passive and verb in self.lex.verbs and verb not in self.lex.support_verbs:
                return actors, recipients  # "las protestas eran reprimidas por la policía": it acts on the act
            if passive:  # "sanctions imposées par Tokyo"
                agent = next((c for c in head.children if self._case_of(c) in self.lex.cue("agent_preps")), None)
                actors = context.resolve(agent) if agent is not None else ()
            else:
                subject = next((c for c in head.children if c.dep_ in self.lex.label("subjects")), None) \
                    or self._inherited_subject(head)
                if self._undergone_noun(anchor):  # "l'UE subit un chantage": the subject is the recipient
                    return actors, recipients
                if head.lemma_.lower() in self.lex.cue("cause_verbs"):  # "sa mort a déclenché des protestations":
                    return actors, recipients  # the subject is the cause, not the author
                if subject is not None:
                    actors = self._resolve_subject(subject, context)
            if not recipients and frame.recipient:
                for c in head.children:
                    if c.i == anchor.i:
                        continue
                    if ((c.dep_ == rel.oblique or c.dep_ in label("argument_oblique")
                         or c.dep_ in label("modifier_oblique"))
                            and self._case_of(c) in frame.recipient) or \
                            (rel.indirect_object in frame.recipient and c.dep_ == rel.indirect_object):
                        recipients = context.resolve(c)
                        if recipients:
                            break
        return actors, recipients

    def _noun_owner_and_exchange(self, tok, frame, context, anchor, actors, recipients):
        """The last steps for an event noun: its possessor as actor ("sa visite", not in a modifier), the
        supplier as recipient of a counterpart ("en échange d'une assistance de Moscou"), an announcement of
        one's own act, and ((), ()) for a generic mention."""
        rel = self.lex.rel
        if not actors and not (anchor.dep_ in (rel.nominal_modifier, rel.oblique)
                               or anchor.dep_ in self.lex.label("modifier_oblique")):
            # "sa visite" as subject or object: the possessor; not in a modifier ("l'invitation lors de son
            # sommet"), where it refers back to some earlier occasion, not to a reported event
            poss = next((c for c in tok.children if c.dep_ == rel.determiner and c.morph.get("Poss") == ["Yes"]), None)
            if poss is not None:
                actors = context.resolve(poss)
        exchanged = self._exchange_verb(tok)
        if exchanged is not None:  # "a fourni des missiles en échange d'une assistance de Moscou": to the supplier
            subject = next((c for c in exchanged.children if c.dep_ in self.lex.label("subjects")), None) \
                or self._inherited_subject(exchanged)
            if subject is not None:
                recipients = tuple(e for e in self._resolve_subject(subject, context)
                                   if e.span not in {a.span for a in actors})
        if tok.dep_ == rel.object and tok.head.pos_ in ("VERB", "AUX"):
            actors, recipients = self._announced_own(tok, context, actors, recipients)
        if frame.needs_specific and not self._specific(tok, actors, context):
            return (), ()
        return actors, recipients

    def _announced_own(self, tok, context, actors, recipients):
        """An event noun that is the object of a verb ("le Canada annonce l'envoi de 500
        soldats en appui à la Lettonie"): troops with no country of their own in the noun's phrase (the
        resolver's main-country guess) are the subject's; a beneficiary named by "en soutien de / en appui à X"
        on the verb is the recipient. Returns the (actors, recipients) pair, changed or not."""
        rel = self.lex.rel
        guessed = getattr(context, "guessed", ())
        verb = tok.head
        if actors and all(a.span in guessed for a in actors):
            subject = next((c for c in verb.children if c.dep_ in self.lex.label("subjects")), None)
            owners = self._resolve_subject(subject, context) if subject is not None else ()
            if owners and owners[0].code not in ("---", "IGO") and owners[0].span not in guessed:
                actors = tuple(replace(a, code=owners[0].code) for a in actors)
        if not recipients:
            for c in verb.children:
                if (c.dep_ == rel.oblique or c.dep_ in self.lex.label("modifier_oblique")) \
                        and c.lemma_.lower() in self.lex.cue("support_nouns") \
                        and self._case_of(c) in self.lex.cue("support_noun_preps"):
                    found = next((context.resolve(g) for g in c.children if g.dep_ == rel.nominal_modifier
                                  and self._case_of(g) in self.lex.cue("support_noun_complement_preps")
                                  and context.resolve(g)), ())
                    if found:
                        recipients = found
                        break
        return actors, recipients

    def _occasion_host(self, anchor, occasion, recipients):
        """The verb whose subject takes part in the event noun ``anchor`` of a participation adjunct ("lors de sa
        visite, X a ...", "à l'issue d'un entretien avec Y, X a ..."; ``occasion``: the occasion noun of
        :meth:`_occasion_noun` or None), or None. A "lors" the parser read as an adverb counts when the noun names
        its partner (``recipients``) and the verb is not passive (rule ``adverb_occasion``)."""
        label = self.lex.label
        if (anchor.dep_ == self.lex.rel.oblique or anchor.dep_ in label("modifier_oblique")) and (
                anchor is occasion or self._case_of(anchor) in self.lex.cue("participation_preps")):
            return anchor.head
        if not recipients or not self._adverb_occasion(anchor):
            return None
        host = anchor.head.head
        if any(c.dep_ in label("passive_subject") or c.dep_ in label("passive_auxiliary") for c in host.children):
            return None  # "ils ont été tués lors de combats": the passive's subject underwent them
        return host

    def _adverb_occasion(self, anchor) -> bool:
        """Rule ``adverb_occasion``: whether the noun ``anchor`` is the complement of a participation adjunct
        that the parser read as an adverb with an oblique ("lors/advmod d'une réunion/obl:arg" in "Le président a
        déclaré lors d'une réunion avec les généraux ...": the adverb is in the cue list
        ``participation_preps`` and hangs on a verb), so that the noun involves that verb's subject as after a
        "lors de" parsed as a preposition; not the subject of a passive ("tués lors de combats": the caller)."""
        head = anchor.head
        return (anchor.dep_ == self.lex.rel.oblique or anchor.dep_ in self.lex.label("argument_oblique")
                or anchor.dep_ in self.lex.label("modifier_oblique")) and head.i != anchor.i \
            and head.pos_ == "ADV" and head.dep_ == self.lex.rel.adverbial_modifier \
            and head.head.pos_ in ("VERB", "AUX") \
            and head.lemma_.lower() in self.lex.cue("participation_preps")

    def _occasion_noun(self, tok):
        """The occasion noun of "à l'issue de", "au cours de", "à l'occasion de" + the event noun ``tok`` (those
        nouns are in the cue list ``participation_preps``), when it is an adjunct of a verb: the event noun then
        involves that verb's subject, as after "lors de" ("à l'issue d'un entretien avec Y, X a déclaré"). None
        otherwise."""
        rel = self.lex.rel
        head = tok.head
        if tok.dep_ != rel.nominal_modifier or self._case_of(tok) not in self.lex.cue("genitive_preps") \
                or head.pos_ != "NOUN" \
                or head.lemma_.lower() not in self.lex.cue("participation_preps") \
                or not (head.dep_ == rel.oblique or head.dep_ in self.lex.label("modifier_oblique")) \
                or self._case_of(head) not in self.lex.cue("occasion_preps"):
            return None
        return head

    def _exchange_verb(self, tok):
        """The verb of "X a fait A en échange de B" for the event noun B (a counterpart: B goes to X), or None.

        The phrase nouns are the ``exchange_nouns`` cue ("en échange de", "en contrepartie de", "en retour de")."""
        rel = self.lex.rel
        holder = tok.head
        if tok.dep_ != rel.nominal_modifier or self._case_of(tok) not in self.lex.cue("genitive_preps") \
                or holder.lemma_.lower() not in self.lex.cue("exchange_nouns") \
                or self._case_of(holder) not in self.lex.cue("exchange_preps"):
            return None
        head = holder.head
        if head.pos_ in ("VERB", "AUX"):
            return head
        sent = tok.sent
        if head.i == sent.root.i and sent.start > 0 and sent.doc[sent.start].text[:1].islower():
            # a verbless fragment cut from the sentence before ("... aurait fourni des armes. missiles, en
            # échange de ..."): the deal is that sentence's last verb
            before = tok.doc[sent.start - 1].sent
            return next((t for t in reversed(before) if t.pos_ == "VERB"), None)
        return None

    def _specific(self, tok, actors, context) -> bool:
        """A specific incident, not a generic mention ("l'invasion russe" as the war's background): the noun
        has a named actor (not only a demonym), a participle with its own agent or date ("lancée jeudi"), or is
        the object of a verb ("a lancé son invasion"). ANNOTATION.md: generic mentions are not events."""
        rel = self.lex.rel
        demonyms = {e.span for c in tok.children if c.dep_ == rel.adjectival_modifier for e in context.resolve(c)}
        if any(a.span not in demonyms for a in actors):
            return True
        if any(c.dep_ == rel.adnominal_clause and c.pos_ in ("VERB", "AUX") for c in tok.children):
            return True
        return tok.dep_ in (rel.object,) and tok.head.pos_ in ("VERB", "AUX")

    @staticmethod
    def _inferred_counterpart(actors, recipients, visit: bool = False):
        """A recipient the text does not name (inferred: ``entity_text`` "") of a government's promise, demand,
        support, aid, condemnation or sanction (or an intergovernmental organisation's) is the other country's
        government: "Paris a dénoncé une arrestation" (in Iran) -> IRN GOV, as the dev gold codes such
        counterparts. With ``visit`` (CAMEO 036, 042), the host country of a government's visit is its government
        too, named or not ("le président turc en RDC" -> COD GOV)."""
        if not any(a.sector == "GOV" or a.code == "IGO" for a in actors):  # governments and their organisations
            return recipients
        return tuple(replace(r, sector="GOV") if (visit or not r.entity_text) and not r.sector
                     and r.code not in ("---", "IGO") else r for r in recipients)

    @staticmethod
    def _as_government(entities):
        return tuple(replace(e, sector="GOV") if e.sector == "" and e.code not in ("---", "IGO") else e
                     for e in entities)

    @staticmethod
    def _pairs(actors, recipients, reciprocal):
        """One (actor, recipient) pair of 1-tuples per member; both ways when reciprocal."""
        pairs = []
        if reciprocal and not recipients and len(actors) >= 2:
            for a in actors:
                for b in actors:
                    if a is not b and (a.code, a.sector) != (b.code, b.sector):
                        pairs.append(((a,), (b,)))
            return pairs
        for a in actors or [None]:
            for r in recipients or [None]:
                pairs.append(((a,) if a else (), (r,) if r else ()))
                if reciprocal and a and r:
                    pairs.append(((r,), (a,)))
        return pairs
