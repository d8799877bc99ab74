"""Role fallbacks: actors and recipients found beyond the trigger's own slots (the ``actors`` and
``recipients`` rules of :mod:`newsevents.engine.rulebook`)."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from .. import entity_labels
from ..docview import ents_in
from ..records import Entity
from .frames import IMPLIED_ACTOR_ROOTS, Trigger

REMEMBERED_SECTORS = frozenset({"JUD", "COP"})
"""Sectors of an implied actor that the article names once for the whole story: the courts or the police it
names (an international court, a named prosecutor's office) act for the agentless judicial and police acts of
that story, before the country of the sentence's places."""


class Fallbacks:
    """Finders of actors and recipients the trigger's own slots do not give.
    A mixin of :class:`~newsevents.engine.coder.EventCoder`."""

    def _charging_party(self, trig: Trigger, by_token, context) -> tuple[Entity, ...]:
        """The accuser of people a charge participle describes with no agent of its own: the actor of the act
        done to the same people in the sentence, a noun event governing them ("l'arrestation de deux
        enseignants accusés d'espionnage": who arrests them accuses them) or another participle on them with an
        agent ("des femmes, accusées de sorcellerie, tuées par le groupe"), or the act the parser hung the
        participle on. Empty when there is none."""
        rel = self.lex.rel
        accused = trig.token.head
        others = [by_token.get(accused.i)]  # the parser may hang the participle on the act itself
        others += [by_token.get(accused.head.i)] if accused.dep_ == rel.nominal_modifier else []
        others += [by_token.get(c.i) for c in accused.children if c.dep_ in (rel.adnominal_clause, rel.conjunct)
                   and c.i != trig.token.i]
        for other in others:
            if other is None or other.frame.cameo[:2] not in ("17", "18", "19", "20"):
                continue
            actors = self._participants(other, context)[0]
            if actors:
                return actors
        return ()

    def _charging_verb(self, tok, by_token) -> Trigger | None:
        """The accusing verb (CAMEO 112) whose "de" + infinitive complement ``tok`` is ("l'accuse de viser des
        civils", "a accusé Kiev et ses alliés de refuser des pourparlers": the parser may hang the infinitive on
        the accused noun or its conjunct), or None. The act is the accused's: its actor is the accusation's
        recipient."""
        rel = self.lex.rel
        before = next((t for t in reversed(tok.doc[:tok.i]) if not (t.is_punct or t.is_space)
                       and not (t.head.i == tok.i and t.dep_.startswith(rel.auxiliary))), None)  # "d'avoir visé"
        if before is None or before.lower_ not in self.lex.cue("infinitive_marks"):  # "de « refuser »": by the word,
            return None  # the parser may hang this "de" on the quote mark
        head = tok.head
        if tok.dep_ == rel.adnominal_clause:  # "de refuser" hung on "alliés", conjunct of the object "Kiev"
            while head.dep_ == rel.conjunct and head.head.i < head.i and head.head.pos_ != "VERB":
                head = head.head
            if head.dep_ not in (rel.object, rel.conjunct):  # a conjunct the parser hung on the verb itself
                return None
            head = head.head
        elif not (tok.dep_ in (rel.open_complement, rel.clausal_complement, rel.adverbial_clause)
                  or tok.dep_ in self.lex.label("argument_oblique")):
            return None
        charge = by_token.get(head.i)
        return charge if charge is not None and charge.frame.cameo == "112" and not charge.is_noun else None

    def _demanded_of(self, inner: list[Trigger], actors, context) -> tuple[Entity, ...]:
        """The recipient of a demand or appeal whose complement is a clause ("exige que la Russie retire ...",
        "sa demande qu'Israël assouplisse ..."): the actor of the act demanded, when it is not the demander (a
        different sector of the same country counts: rebels demanding that their government act)."""
        for sub in inner:
            if sub.is_noun:
                continue
            doers = tuple(d for d in self._participants(sub, context)[0] if not self._same_party(d, actors))
            if doers:
                return doers
        return ()

    def _captor(self, inner: list[Trigger], actors, context) -> tuple[Entity, ...]:
        """The one asked to release people: the agent or the country of the participle describing the captives
        ("la libération de deux Français arrêtés en Iran": its government; "... détenus par les talibans"); a
        release is asked of the captor, not of the captives. () when the sentence does not say who holds them."""
        rel = self.lex.rel
        for sub in inner:
            if not sub.is_noun or not sub.frame.cameo.startswith("084"):
                continue
            for captives in (c for c in sub.token.children if c.dep_ == rel.nominal_modifier
                             and self._case_of(c) in self.lex.cue("genitive_preps")):
                for acl in (c for c in captives.children if c.dep_ == rel.adnominal_clause and c.pos_ == "VERB"):
                    for c in acl.children:
                        if c.dep_ in self.lex.label("passive_agent") or self._case_of(c) in self.lex.cue("agent_preps"):
                            found = context.resolve(c)
                        elif c.dep_ in self.lex.label("obliques") \
                                and self._case_of(c) in self.lex.cue("captivity_place_preps") \
                                and c.pos_ == "PROPN":
                            found = self._as_government(context.resolve(c) or self._place_recipient(c, context))
                        else:
                            continue
                        found = tuple(f for f in found if not self._same_party(f, actors))
                        if found:
                            return found
        return ()

    def _demanded_of_object(self, tok, actors, context) -> tuple[Entity, ...]:
        """The recipient of a demand for something of someone: the actor of the object's "de" complement
        ("exigent la démission du président", "réclament la protection de l'Etat"), when not the demander."""
        rel = self.lex.rel
        for obj in (c for c in tok.children if c.dep_ == rel.object and c.pos_ == "NOUN"):
            for c in obj.children:
                if c.dep_ == rel.nominal_modifier and self._case_of(c) in self.lex.cue("genitive_preps"):
                    found = tuple(f for f in context.resolve(c) if not self._same_party(f, actors))
                    if found:
                        return found
        return ()

    @staticmethod
    def _place_sector(root: str, recipients):
        """The sector of a recipient known only from where the event happened ("des manifestations en Iran",
        "des arrestations au Tchad", "des frappes près d'Odessa"): protests are aimed at the government (GOV);
        repression and attacks at a place hit its people (CVL). Follows the dev gold's conventions
        (ANNOTATION.md: "the protesters' own government")."""
        sector = "GOV" if root == "14" else "CVL" if root in ("17", "18", "19", "20") else ""
        if not sector:
            return recipients
        return tuple(replace(r, sector=sector) if not r.sector and r.code not in ("---", "IGO") else r
                     for r in recipients)

    def _localised(self, entities, trig: Trigger, sent, context, offset) -> tuple[Entity, ...]:
        """Recipients named by a bare sector word ("23 personnes", "des manifestants") have no country of
        their own: the resolver gives them the article's main country (and records the guess in
        ``context.guessed``). When the event has a place ("à Tel-Aviv", "arrêtés en Russie": on the trigger, on
        its argument or on a verb of its adjunct clauses, not inside another phrase), the people hit there are
        that country's: the place's country replaces the guess. Other entities are kept as they are."""
        rel = self.lex.rel
        if not entities:
            return entities
        countries = self.places.context_countries(sent.doc)  # "Limay (Yvelines)": the French town
        place = self._location(trig, offset, countries=countries)
        country = place.country if place is not None else None
        if not country:  # "ont tué dix personnes en se faisant exploser à Mogadiscio": a place of its adjunct clause
            for ent in ents_in(sent):
                node = ent.root.head
                if node.pos_ in ("NOUN", "PROPN") and (node.dep_ in (rel.object, rel.nominal_subject)
                                                       or node.dep_ in self.lex.label("passive_subject")):
                    node = node.head  # "ont tué douze personnes à Islamabad"
                while node.i != trig.token.i and node.pos_ in ("VERB", "AUX") \
                        and node.dep_ in (rel.adverbial_clause, rel.open_complement):
                    node = node.head
                found = self.places.resolve(ent.text, countries) if ent.label_ in entity_labels.PLACE \
                    and node.i == trig.token.i and self._case_of(ent.root) in self.lex.cue("place_cases") else None
                if found is not None and found.country:
                    country = found.country
                    break
        guessed = getattr(context, "guessed", ())  # spans the resolver gave the article's main country
        if not country:
            return entities
        return tuple(replace(e, code=country) if e.span in guessed and e.entity_text and e.code != country else e
                     for e in entities)

    def _enumerated(self, entities, sent, context, offset) -> tuple[Entity, ...]:
        """Complete a list of named actors the parser cut short: after the last named entity of ``entities``,
        further named actors of the same kinds (countries, capitals, organisations...) that follow it in an
        enumeration ("au Chili, au Pérou, à la Bolivie et, sous réserve, à Cuba": commas, "et"/"ou", a
        repeated preposition, determiners, one short aside between commas) are members too. A member that is
        the subject of a verb, or the owner of one (syntax.yaml label set ``possessive_modifiers``, English:
        "..., South Korea's defense ministry said"), starts a new clause and ends the list. Returns ``entities``
        plus the members found, one Entity each (article offsets, like the others)."""
        named = [e for e in entities if e.entity_text]
        if not named:
            return entities
        doc = sent.doc
        by_start = {m.start: m for m in context.mentions_in(doc, sent.start, sent.end)}
        inside = [m for m in by_start.values() if m.kind in ("country", "capital", "igo", "group", "org")
                  and any(e.span[0] <= m.char_start and m.char_end <= e.span[1] for e in named)]
        if not inside:
            return entities
        kinds = {m.kind for m in inside}
        # from the first member: the parser may have folded later ones into its phrase ("la Malaisie, le Laos")
        first = min(inside, key=lambda m: m.start)
        codes = {e.code for e in entities}
        out = list(entities)
        tok = doc[first.end - 1]
        i, aside = tok.i + 1, False
        while i < sent.end:
            t = doc[i]
            m = by_start.get(i)
            if m is not None and m.kind in kinds and i > tok.i + 1:
                owner = doc[m.start:m.end].root
                while owner.dep_ in self.lex.labels.get("possessive_modifiers", ()) and owner.head.i != owner.i:
                    owner = owner.head  # "..., South Korea's defense ministry said": the subject's owner
                if owner.dep_ in self.lex.label("subjects") or (
                        m.end < sent.end and doc[m.end].pos_ in ("VERB", "AUX")):
                    break  # "..., Moscou étant accusé": the subject of a new clause
                if m.code not in codes:
                    out.append(Entity(m.code, m.sector, doc[m.start:m.end].text, (m.char_start, m.char_end),
                                      m.name))
                    codes.add(m.code)
                i, aside = m.end, False
                continue
            if t.text == "," and not aside and i + 1 < sent.end and by_start.get(i + 1) is None:
                close = next((j for j in range(i + 2, min(i + 6, sent.end)) if doc[j].text == ","), None)
                if close is not None and not any(doc[j].pos_ in ("VERB", "AUX") or j in by_start
                                                 for j in range(i + 1, close)) \
                        and doc[i - 1].lower_ in self.lex.cue("enumeration_conjunctions"):
                    i, aside = close + 1, True  # "et, sous conditions, à Cuba"
                    continue
            if t.text == "," or t.lower_ in self.lex.cue("enumeration_links") or t.pos_ == "DET":
                i += 1
                continue
            break
        return tuple(out)

    @staticmethod
    def _context_recipient(mentions, actors, event_start: int, paragraph_starts=()) -> tuple[Entity, ...]:
        """When the sentence names no recipient, the other party the story is about: the nearest actor
        mentioned before the event words (``event_start``, an article offset) whose country is not the actor's
        ("Il l'accuse", or an elided recipient). ``mentions`` are the article's mentions so far, in order;
        ``paragraph_starts`` the article offsets where its paragraphs begin. An earlier paragraph counts only
        when it shares a country with the event's paragraph (all its mentions and the actors): a paragraph
        about other parties is another story ("Au Nigeria, le président a dénoncé..." after a paragraph on
        Ukraine takes nothing from it); a paragraph naming no country continues the one before. Such an
        inferred recipient has no evidence words: its ``entity_text`` is "" and its span the empty span at
        ``event_start``."""
        starts = sorted(p for p in paragraph_starts if p <= event_start) or [0]
        here = len(starts)
        by_paragraph: dict[int, set[str]] = {}
        for m in mentions:  # the event's paragraph counts whole: "X condemned ... and asked Y's government"
            if m.code != "---":
                by_paragraph.setdefault(bisect_right(starts, m.char_start), set()).add(m.code)
        before = [m for m in mentions if m.char_start < event_start and m.code != "---"]
        current = (by_paragraph.get(here, set()) | {a.code for a in actors}) - {"---", "IGO"}
        linked = {p for p, found in by_paragraph.items() if p == here or not current or found & current}
        codes = {a.code for a in actors}
        for m in reversed(before):
            if m.code in codes or bisect_right(starts, m.char_start) not in linked:
                continue
            if m.kind in ("country", "capital", "person", "igo", "group", "demonym"):
                return (Entity(m.code, "" if m.kind == "demonym" else m.sector, "", (event_start, event_start),
                               m.name),)
        return ()

    def _war_place(self, m, sent, offset) -> bool:
        """True when the mention ``m`` (of the sentence ``sent``) is the place of a conflict noun ("n'a pas
        critiqué la guerre au Yémen et vend des armes"): where that conflict is, not a party to the
        other events of the sentence, so no candidate for an elided recipient."""
        rel = self.lex.rel
        if not (sent.start_char + offset <= m.char_start < sent.end_char + offset):
            return False
        tok = sent.doc[m.start:m.end].root
        if self._case_of(tok) not in self.lex.cue("war_place_preps"):
            return False
        # the noun it hangs on, or the noun right before it when the parser hung it on the verb
        before = sent.doc[tok.left_edge.i - 1] if tok.left_edge.i > sent.start else None
        nouns = [tok.head] if tok.dep_ == rel.nominal_modifier else []
        nouns += [before] if before is not None and before.pos_ == "NOUN" else []
        for noun in nouns:
            if noun.lemma_.lower() in self.lex.cue("conflict_nouns"):  # "la guerre en Ukraine": no event noun
                return True
            frames = self.lex.nouns.get(noun.lemma_.lower(), ())
            if frames and all(self._is_conflict(f.cameo) for f in frames):
                return True
        return False

    def _protesters_of(self, trig: Trigger, by_token, context, actors) -> tuple[Entity, ...]:
        """When the pattern object of an act is a protest ("a empêché / interdit / dispersé la manifestation
        de X", "la marche organisée par X"), the act's recipient is the protest's actor: the protest noun's
        own actor, or that of a verb of which it is the object ("organisée par X")."""
        own = {(a.code, a.sector) for a in actors}
        for other in by_token.values():
            if other.token.i == trig.token.i or other.frame.cameo[:2] != "14":
                continue
            if other.token.i == trig.obj.i or (other.obj is not None and other.obj.i == trig.obj.i):
                found = tuple(a for a in self._participants(other, context)[0] if (a.code, a.sector) not in own)
                if found:
                    return found
        return ()

    def _threatened_place(self, trig: Trigger, inner, actors, offset) -> tuple[Entity, ...]:
        """The country where a threatened act would take place, as the threat's recipient: the place of the
        threat's pattern object ("une opération terrestre en Syrie") or of an act it absorbs; () when there is
        none or it is the actor's own country."""
        acts = ([Trigger(trig.obj, trig.frame, None, True)] if trig.obj is not None else []) + list(inner)
        codes = {a.code for a in actors}
        for act in acts:
            place = self._location(act, offset)
            if place is not None and place.country and place.country not in codes:
                return (Entity(place.country, "", place.text, place.span, None),)
        return ()

    def _que_clause_subject(self, tok, context, actors) -> tuple[Entity, ...]:
        """The named subject of a "que" clause completing a demand: the party asked to act ("exige que le
        Hamas renonce à ..."), before any participant of the events the clause names; () when the subject is a
        pronoun or names no actor other than the demander's country."""
        rel = self.lex.rel
        codes = {a.code for a in actors}
        for c in tok.children:
            if c.dep_ == rel.clausal_complement and any(m.dep_ == rel.clause_marker
                                                        and m.lower_ in self.lex.cue("complement_marks")
                                         for m in c.children):
                subj = next((g for g in c.children if g.dep_ in self.lex.label("subjects") and g.pos_ != "PRON"), None)
                if subj is not None:
                    found = tuple(f for f in context.resolve(subj) if f.code not in codes)
                    if found:
                        return found
        return ()

    def _complement_recipient(self, tok, context, actors) -> tuple[Entity, ...]:
        """The recipient of a demand, threat or pledge named in its complement clause: the subject of a "que"
        clause ("a exigé que les Etats-Unis renoncent"), the subject of a "si" condition ("si Israël ne revenait
        pas"), or the object or oblique of an infinitive ("a menacé d'interdire le scrutin à Hébron")."""
        rel = self.lex.rel
        actor_codes = {a.code for a in actors}
        cue = self.lex.cue
        for clause in tok.subtree:  # "menace d'interrompre les négociations si les Etats-Unis ...": the condition's subject
            if clause.i != tok.i and any(m.dep_ == rel.clause_marker and m.lower_ in self.lex.cue("condition_marks")
                                         for m in clause.children):
                subj = next((c for c in clause.children if c.dep_ in self.lex.label("subjects")), None)
                found = tuple(f for f in (context.resolve(subj) if subj is not None else ())
                              if f.code not in actor_codes)
                if found:
                    return found
        for c in tok.children:
            # "la menace de sanctions contre la Chine"
            if c.dep_ == rel.nominal_modifier and tok.pos_ == "NOUN" and self._case_of(c) in cue("genitive_preps"):
                for g in c.children:
                    if (g.dep_ in (rel.nominal_modifier, rel.oblique) or g.dep_ in self.lex.label("argument_oblique")) \
                            and self._case_of(g) in cue("target_preps"):
                        found = tuple(f for f in context.resolve(g) if f.code not in actor_codes)
                        if found:
                            return found
            if c.dep_ == rel.open_complement and c.pos_ == "PROPN":  # "le Hamas menace Israël de représailles",
                # mis-parsed
                found = tuple(f for f in context.resolve(c) if not self._same_party(f, actors))
                if found:
                    return found
            if c.dep_ in (rel.clausal_complement, rel.adverbial_clause, rel.open_complement,
                          rel.adnominal_clause) and c.pos_ in ("VERB", "AUX", "ADJ", "NOUN"):
                marks = {m.lower_ for m in c.children if m.dep_ == rel.clause_marker}
                if c.dep_ == rel.adverbial_clause and not marks & (cue("condition_marks") | cue("complement_marks")):
                    continue
                if c.dep_ == rel.adnominal_clause and not marks & cue("infinitive_marks"):  # "la menace de couper X"
                    continue
                order = [self.lex.label("subjects")] if c.dep_ not in (rel.open_complement, rel.adnominal_clause) \
                    else [(rel.object, rel.indirect_object), self.lex.label("obliques")]
                for deps in order:
                    for g in c.children:
                        if g.dep_ in deps and g.pos_ != "PRON" or (g.dep_ in deps and c.dep_ == rel.clausal_complement):
                            found = context.resolve(g) or (self._place_recipient(g, context)
                                                           if g.pos_ in ("NOUN", "PROPN") else ())
                            found = tuple(f for f in found if not self._same_party(f, actors))
                            if found:
                                return found
        return ()

    def _implied_actor(self, trig: Trigger, sent, context, offset, recipients=(), sector=None
                       ) -> tuple[Entity, ...]:
        """The actor of an agentless arrest or protest: the country where it happens (the place attached to
        the event, else a place named in the sentence, else the country of the people arrested when the text
        names it -- a state's police arrests its own people: "des centaines d'entre eux ont été arrêtés" --,
        else the article's main country; for courts and police (:data:`REMEMBERED_SECTORS`), the code of the
        latest court or police the story names comes before the sentence's other places) with the sector of
        :data:`IMPLIED_ACTOR_ROOTS` (police for arrests, 173-174) or ``sector``. Inferred: no evidence words, an
        empty span."""
        root = trig.frame.cameo[:2]
        if sector is None:
            sector = "COP" if trig.frame.cameo[:3] in ("173", "174") else IMPLIED_ACTOR_ROOTS[root]
        country = None
        place = self._location(trig, offset) or self._event_location(trig, offset, recipients)
        memory = getattr(context, "sector_referent", None)  # "La CPI ... Il est accusé de": the courts named
        remembered = memory(sector, trig.token.idx + offset) if memory and sector in REMEMBERED_SECTORS else None
        if place is not None and place.country:
            country = place.country
        elif remembered is not None:
            country = remembered
        else:
            found = self._sentence_place(sent)
            if found is not None:
                country = found[1].country
        guessed = getattr(context, "guessed", ())
        if country is None:
            country = next((r.code for r in recipients if r.code not in ("---", "IGO") and r.span not in guessed),
                           None)
        if country is None:
            country = context.main_country()
        if country is None:
            return ()
        at = trig.token.idx + offset
        return (Entity(country, sector, "", (at, at), None),)

    def _means_actor(self, trig: Trigger, context) -> tuple[Entity, ...]:
        """The actor of an agentless passive killing or wounding (CAMEO 18-20) named by the nationality of its
        means, a noun in an adjunct of the cue list ``means_preps`` ("four children were killed in an Israeli
        air strike": ISR; "tué lors d'une opération de l'armée israélienne": ISR MIL, the preposition an adverb
        the noun hangs on); () when the language has no such list, the verb has an agent or no such noun."""
        preps = self.lex.cues.get("means_preps")
        tok = trig.token
        if not preps or trig.is_noun or trig.frame.cameo[:2] not in ("18", "19", "20") or not self._passive(tok):
            return ()
        if any(c.dep_ in self.lex.label("passive_agent") for c in tok.children):
            return ()
        obliques = self.lex.label("obliques")
        for c in tok.children:
            if c.dep_ in obliques and self._case_of(c) in preps:
                means = [c]
            else:  # "tué lors d'une opération": the noun hangs on the adverbial preposition
                means = [x for x in c.children if x.dep_ in obliques] if c.lemma_.lower() in preps else []
            for m in means:
                found = [a for a in context.modifier_actors(m) if a.code not in ("---", "IGO")] \
                    if m.pos_ == "NOUN" else []
                if found:
                    return (found[0],)
        return ()

    def _protesters_hit(self, trig: Trigger) -> bool:
        """True for an agentless passive killing or wounding (CAMEO 18x-19x) of protesters ("cinq manifestants
        auraient été tués", "des centaines de protestataires ont été blessés"): the annotation gives it to the
        police of the country where it happened (as for agentless arrests)."""
        rel = self.lex.rel
        tok = trig.token
        if trig.is_noun or trig.frame.cameo[:2] not in ("18", "19") or not self._passive(tok):
            return False
        protesters = self.lex.cue("protester_nouns")
        passive_subject = self.lex.label("passive_subject")
        patient = next((c for c in tok.children if c.dep_ in passive_subject), None)
        if patient is None and tok.dep_ == rel.conjunct:
            patient = next((c for c in tok.head.children if c.dep_ in passive_subject), None)
        if patient is None:
            return False
        return patient.lemma_.lower() in protesters or any(
            c.dep_ == rel.nominal_modifier and c.lemma_.lower() in protesters for c in patient.children)

    def _place_countries(self, doc, offset: int) -> list[tuple[str, int]]:
        """The countries of the places the parser finds in ``doc`` (a chunk starting at character ``offset``
        of the article), resolved offline ("Bordeaux": FRA), with each place's start in the article, in text
        order; for :meth:`~newsevents.actors.ArticleActors.add_places`. A town's namesakes are settled by the
        countries the chunk names ("Limay (Yvelines)": FRA, not the Philippines)."""
        countries = self.places.context_countries(doc)
        settled = [(self.places.resolve(ent.text, countries) or place if countries else place, ent)
                   for place, ent in self.places.named_places(doc)]
        return [(place.country, ent.start_char + offset) for place, ent in settled if place.country]

    def _in_source_phrase(self, tok) -> bool:
        """``tok`` hangs on a reporting verb through its subject, object or an adjunct, not through the
        reported clause: it says where the source is ("ont indiqué des responsables à Nairobi"), not where the
        event happened."""
        rel = self.lex.rel
        prev, node = tok, tok.head
        for _ in range(8):
            if node.lemma_.lower() in self._reporting and node.pos_ == "VERB":
                return prev.dep_ not in (rel.clausal_complement, rel.parataxis, rel.open_complement, rel.conjunct,
                                         rel.adverbial_clause)
            if node.head.i == node.i:
                return False
            prev, node = node, node.head
        return False

    def _sentence_place(self, sent):
        """The first place named in the sentence as where something happens ("en Syrie", "à Kharkiv", "près
        d'Odessa", "dans le détroit de Taïwan"), with its offline resolution: (entity span, Location) or None."""
        rel = self.lex.rel
        for ent in ents_in(sent):
            if ent.label_ not in entity_labels.PLACE:
                continue
            root = ent.root
            cases = {self._case_of(root), root.head.lower_} | {c.lower_ for c in root.children}
            if root.dep_ == rel.nominal_modifier and root.head.pos_ == "NOUN":  # "dans le détroit de Taïwan"
                cases.add(self._case_of(root.head))
            if not cases & self.lex.cue("place_cases") and not cases & self.lex.cue("near_words"):
                continue
            if self._in_source_phrase(root):  # "..., ont indiqué des sources diplomatiques au Pakistan"
                continue
            place = self.places.resolve(ent.text, self.places.context_countries(sent.doc))  # namesakes settled
            if place is not None and place.country:                                   # by the text's countries
                return ent, place
        return None

    def _recipient_from_place(self, trig: Trigger, sent, context, actors, offset) -> tuple[Entity, ...]:
        """Recipient of a protest, deployment, strike or arrest the sentence gives no recipient for: for a
        protest by civilians of a known country, their government; else the country of a place named in the
        sentence ("en Russie", "près d'Odessa"); else, for protests and coercion, the article's main country."""
        root = trig.frame.cameo[:2]
        place = self._location(trig, offset, countries=self.places.context_countries(sent.doc))  # "Limay
        if root == "14" and place is not None and self._issue_place(trig, place.span[0] - offset):  # (Yvelines)"
            place = None  # "ont défilé contre la guerre au Sahel": the war's place, not the protest's
        if place is not None and place.country and not any(a.code == place.country and a.sector in ("GOV", "")
                                                           for a in actors):
            return (Entity(place.country, "", place.text, place.span, None),)
        if root == "14" and actors and actors[0].code not in ("---", "IGO"):
            at = trig.token.idx + offset  # protesters' own government, inferred: no evidence words
            return (Entity(actors[0].code, "GOV", "", (at, at), None),)
        found = self._sentence_place(sent)
        if found is not None:
            ent, place = found
            return (Entity(place.country, "", ent.text, (ent.start_char + offset, ent.end_char + offset), None),)
        if root in ("14", "17"):
            main = context.main_country()
            if main:
                return (Entity(main, "", "", (sent.start_char + offset, sent.start_char + offset), None),)
        return ()

    def _coagents(self, verb, agent) -> list:
        """Nouns the parser coordinated with the participle ``verb`` instead of with its agent ``agent`` ("un
        appel lancé par Ottawa et l'Union africaine": "Union" hangs on "lancé", or on the noun it
        describes, as a conjunct): the other members of the agent phrase, in order; ``[]`` when there are none."""
        rel = self.lex.rel
        return [c for h in (verb, verb.head) for c in h.children
                if c.dep_ == rel.conjunct and c.pos_ in ("PROPN", "NOUN") and c.i > agent.i
                and any(g.dep_ == rel.coordinator for g in c.children)
                and not any(g.dep_ in self.lex.label("subjects") or g.dep_ == rel.case_marker for g in c.children)]

    def _issue_place(self, trig: Trigger, start: int) -> bool:
        """True when the place starting at character ``start`` (in the Doc) comes right after the "contre"
        complement of ``trig`` ("manifestent contre la guerre en Ukraine"): the parser hangs it on the verb,
        but it belongs to the issue protested against, not to where the protest happened."""
        for c in trig.token.children:
            if c.dep_ in self.lex.label("participant_relations") and c.pos_ == "NOUN" \
                    and self._case_of(c) in self.lex.cue("against_preps") \
                    and c.right_edge.i + 2 < len(c.doc) and c.doc[c.right_edge.i + 2].idx == start \
                    and c.doc[c.right_edge.i + 1].lower_ in self.lex.cue("war_place_preps"):
                return True
        return False

    def _object_phrase_recipient(self, trig: Trigger, preps, context, actors) -> tuple[Entity, ...]:
        """The parties named in a complement introduced by one of ``preps`` of the object of the trigger's verb
        or of that object's conjuncts, reached through genitive complements ("welcomed the resumption of ties
        with X", "launched artillery, mortar and rocket fire against X"), or by a recipient preposition of the
        frame on the oblique noun that selected the frame ("advised against travel to X"), leaving out the
        actors themselves; ``()`` when there is none."""
        rel = self.lex.rel
        genitive = self.lex.cue("object_phrase_through")
        verb, frame = trig.token, trig.frame
        nouns = [c for c in verb.children if c.dep_ == rel.object]
        nouns += [x for n in nouns for x in n.children if x.dep_ == rel.conjunct]
        selected = [c for c in verb.children if c.dep_ in self.lex.label("participant_relations")
                    and c.lemma_.lower() in frame.complements]
        preps = preps | frozenset(frame.recipient) if selected else preps
        nouns += selected
        for _ in range(3):
            found, through = [], []
            for n in nouns:
                for c in n.children:
                    if c.dep_ != rel.nominal_modifier:
                        continue
                    case = self._case_of(c)
                    if case in preps:
                        found += [e for e in context.resolve(c)
                                  if all((e.code, e.sector) != (a.code, a.sector) for a in actors)]
                    elif case in genitive:
                        through.append(c)
            if found:
                return tuple(found)
            nouns = through
        return ()

    def _place_recipient(self, tok, context) -> tuple[Entity, ...]:
        """When a recipient phrase names no actor itself, its owner or place: the actor of its "de"
        complement or demonym ("l'appel du président Gbagbo", "une proposition indienne"), else the first
        country, capital or demonym inside it ("un dépôt de carburant en Russie", "le territoire russe")."""
        rel = self.lex.rel
        label, by = self.lex.label, self.lex.cue("agent_preps")
        agent = next((c for c in tok.children if c.dep_ == rel.nominal_modifier and self._case_of(c) in by), None)
        if agent is None and tok.dep_ == rel.object and not any(c.dep_ in label("passive_auxiliary")
                                                           for c in tok.head.children):
            # an active verb has no agent: a "par" phrase right after its object is the object's
            agent = next((c for c in tok.head.children if (c.dep_ == rel.oblique or c.dep_ in label("modifier_oblique")
                                                           or c.dep_ in label("passive_agent"))
                          and self._case_of(c) in by and c.left_edge.i == tok.right_edge.i + 1), None)
        owner = context.resolve(agent) if agent is not None else ()  # "dénonce le rejet par l'OTAN de ...":
        if owner:                                                         # the act's author
            return owner
        owner = context.modifier_actors(tok)
        if owner or context.relational(tok):  # "attacked Turkey's allies": no country of the owner
            return owner
        skip = {t.i for c in tok.children if c.dep_ == rel.adnominal_clause or c.dep_ in label("relative_clause")
                for t in c.subtree}
        left, right = tok.left_edge.i, tok.right_edge.i + 1
        for m in context.mentions_in(tok.doc, left, right):
            if m.kind in ("country", "capital", "demonym") and m.start not in skip:
                return self._sector_phrase(tok, m, context) or (
                    Entity(m.code, "", tok.doc[m.start:m.end].text, (m.char_start, m.char_end), m.name),)
        return ()

    def _sector_phrase(self, tok, m, context) -> tuple[Entity, ...]:
        """The actor of the phrase inside ``tok``'s phrase that the country mention ``m`` qualifies, when that
        phrase is a sector word of the same country ("ties with Gondor's government", "ties with Gondor
        police": GON GOV, GON COP, not GON alone), for a language with the setting
        ``sector_phrase_recipient`` (English); () otherwise."""
        if not self.lex.setting("sector_phrase_recipient"):
            return ()
        root = tok.doc[m.start:m.end].root
        owner = root.head
        if owner.i == tok.i or owner.i == root.i or owner.pos_ != "NOUN" \
                or not tok.left_edge.i <= owner.i <= tok.right_edge.i:
            return ()
        found = context.resolve(owner)
        return found if len(found) == 1 and found[0].code == m.code and found[0].sector else ()
