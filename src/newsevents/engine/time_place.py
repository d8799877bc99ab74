"""Date, place and evidence span of an event."""
from __future__ import annotations

from dataclasses import replace

from .. import entity_labels
from ..docview import ents_in, ents_of
from ..places import after_embedded_clause
from ..records import EventDate, Location
from .frames import PLACE_RECIPIENT_CODES, PLACE_RECIPIENT_ROOTS, Trigger
from .spans import whole_phrase


VISIT_CODES = frozenset({"042", "043"})
"""CAMEO codes of visits: the place visited is where the visit happens, even when it also names the host
("se rend à Alger": DZA GOV)."""


class TimePlace:
    """The date, the place and the evidence span of a trigger.
    A mixin of :class:`~newsevents.engine.coder.EventCoder`."""

    def _date(self, trig: Trigger, sent, offset, expressions, published) -> EventDate:
        """The temporal expression nearest the event words in its sentence, else the publication date
        (measured on the dev gold: 85.7% right, against 76.5% for the publication date alone)."""
        since = tuple(self.lex.cue("since_words"))
        usable = [e for e in expressions if not e.text.lower().startswith(since)
                  or self._attached(e, trig.token, offset)]  # "détenus depuis le 12 février": not the request
        usable = [e for e in usable if not self._in_other_clause(e, trig.token, sent, offset)]
        if usable:
            span = self._event_span(trig)
            target = (span[0] + offset, span[1] + offset)
            expr = min(usable, key=lambda e: (max(0, e.span[0] - target[1], target[0] - e.span[1]), e.span))
            return EventDate(expr.value, expr.text, expr.span, expr.precision)
        if published:
            return EventDate(published, None, None, "publication")
        return EventDate(None, None, None, "unresolved")

    def _in_other_clause(self, expr, tok, sent, offset) -> bool:
        """Rule ``date_in_other_clause``: whether a temporal expression hangs on the verb of a subordinate
        clause (relative, adverbial, completive, with its own subject or a finite verb) that neither contains
        the trigger nor is a relative on the trigger noun, unless a mark of the same time (cue
        ``same_time_marks``: "quand") opens it or its host noun is the event's occasion (cue
        ``participation_preps``: "lors du voyage qu'elle a effectué en janvier"): that date is the clause's, not
        the event's ("se sont rencontrés à Istanbul, où une bombe avait explosé en 2016": 2016 is not the
        meeting's date). ``expr.span`` is in article characters, token ``idx`` plus ``offset``."""
        rel = self.lex.rel
        words = [t for t in sent if expr.span[0] <= t.idx + offset < expr.span[1]]
        if not words:
            return False
        inside = {t.i for t in words}
        root = next((t for t in words if t.head.i not in inside or t.head.i == t.i), words[0])
        subordinate = (rel.adnominal_clause, rel.adverbial_clause, rel.clausal_complement, rel.clausal_subject,
                       *self.lex.label("relative_clause"))
        when = set(self.lex.cues.get("same_time_marks", ()))
        occasion = set(self.lex.cue("participation_preps"))
        node = root
        while node.head.i != node.i:
            if node.dep_ in subordinate and node.pos_ in ("VERB", "AUX") and node.i != tok.i and (
                    node.morph.get("VerbForm") == ["Fin"]
                    or any(c.dep_.startswith(rel.nominal_subject) or c.dep_.startswith(rel.clausal_subject)
                           or (c.dep_.startswith(rel.auxiliary) and c.morph.get("VerbForm") == ["Fin"])
                           for c in node.children)):
                if any(c.dep_ == rel.clause_marker and c.lower_ in when for c in node.children):
                    return False  # "quand les soldats sont arrivés lundi, ils ont tiré": the same time
                host = node.head
                if self._case_of(host) in occasion or host.head.lemma_.lower() in occasion:
                    return False  # "lors du voyage qu'elle a effectué du 15 au 17 janvier": the event's time
                return not ((node.head.i == tok.i and tok.pos_ not in ("VERB", "AUX"))  # "l'attaque qui a eu
                            or any(a.i == node.i for a in tok.ancestors))              # lieu lundi"
            node = node.head
        return False

    def _own_tense(self, trig: Trigger, s, future: list) -> list:
        """Rule ``date_tense_of_own_verb``: of a future trigger's sentence, the temporal expressions each
        resolved in the tense of the verb it hangs on ("Japan will send aid, the ministry said on Monday":
        "on Monday" hangs on the past "said", so it is the Monday before publication, not the next one).
        ``future``: the sentence's expressions resolved as future (``s.expressions``: by the default rules);
        an expression keeps its future reading when its verb is the trigger's, a future verb, or not found.
        Returns a list of :class:`~newsevents.dates.TimeExpression` in text order."""
        own = trig.token if trig.token.pos_ in ("VERB", "AUX") else trig.token.head
        default = {e.span: e for e in s.expressions}
        out = []
        for expr in future:
            words = [t for t in s.sent if expr.span[0] <= t.idx + s.offset < expr.span[1]]
            verb = None
            if words:
                inside = {t.i for t in words}
                node = next((t for t in words if t.head.i not in inside or t.head.i == t.i), words[0])
                while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
                    node = node.head
                verb = node if node.pos_ in ("VERB", "AUX") else None
            past = (verb is not None and verb.i != own.i and not self._future(verb)
                    and expr.span in default)
            out.append(default[expr.span] if past else expr)
        return out

    @staticmethod
    def _attached(expr, tok, offset) -> bool:
        """Whether a temporal expression's words hang on the trigger itself (not on another word of the
        sentence)."""
        return any(expr.span[0] <= c.idx + offset < expr.span[1] for c in tok.children)

    def _location(self, trig: Trigger, offset, through_any_head: bool = True,
                  countries: frozenset[str] = frozenset()) -> Location | None:
        """Where the event happened: a place complement ("à Kharkiv", "en Russie", "dans le Donbass") of the
        trigger (or of the verb an event noun depends on: with ``through_any_head`` False, only a verb the noun
        is the object or subject of), resolved offline (``countries``: the document's, for namesakes: see
        :meth:`~newsevents.places.PlaceResolver.resolve`); None when there is none."""
        rel = self.lex.rel
        tok = trig.token
        through = through_any_head or tok.dep_ in (rel.object,
                                                   rel.nominal_subject) or tok.dep_ in self.lex.label("passive_subject")
        holders = [tok] + ([tok.head] if trig.is_noun and tok.head.pos_ in ("VERB", "AUX") and through else [])
        for holder in holders:
            for c in holder.children:
                if (c.dep_ in (rel.oblique, rel.nominal_modifier) or c.dep_ in self.lex.label("modifier_oblique")
                        or c.dep_ in self.lex.label("argument_oblique")) \
                        and self._case_of(c) in self.lex.cue("place_preps") and c.ent_type_ in entity_labels.PLACE:
                    ent = next((e for e in ents_of(c.doc) if e.start <= c.i < e.end), None)
                    if ent is None or after_embedded_clause(ent, holder, tok):
                        continue  # "... l'auteur de l'attaque, jeudi, à Tel-Aviv": maybe the attack's place
                    found = self.places.resolve(ent.text, countries)
                    if found is not None:  # "à Pau, en France": Pau
                        ent, found = self.places.qualified(ent, found, countries=countries)
                        return replace(found, text=ent.text, span=(ent.start_char + offset, ent.end_char + offset))
        return None

    def _event_location(self, trig: Trigger, offset, participants=()) -> Location | None:
        """Where the event happened, for the event record: the trigger's own place complement
        (:meth:`_location`; through the verb of an event noun only when the noun is its object or subject),
        else the place the sentence gives the event (:meth:`~newsevents.places.PlaceResolver.event_place`: "à
        Kiev", "en Russie", "près de Paris", on the trigger, its phrase or its clause, or fronted: "Au Niger,
        ..."). Left out: the ``participants`` (actor and recipient entities, spans in article characters: a
        place coded as a participant is not also the place -- except a fronted place, and for protests,
        coercion, attacks and visits, whose recipient may be the place itself: "des frappes en Ukraine", "se
        rend à Alger"); a place that belongs to what is protested against ("manifestent contre la guerre en
        Ukraine"); the place of the object of a statement (the object's place counts only for a material
        event, QuadClass 2 or 4, or a visit: "a frappé un centre commercial à Krementchouk", not "condamne les
        frappes sur Kiev"). A town name shared by towns of several countries is read in the light of the
        countries the Doc names (:meth:`~newsevents.places.PlaceResolver.context_countries`). None when the
        sentence names no place for the event: a wrong place is worse than none. ``offset``: the Doc's start in the article (characters)."""
        cameo = trig.frame.cameo
        exclude = self._place_exclude(trig, offset, participants)
        countries = self.places.context_countries(trig.token.doc)  # "Valence" in a text naming the Drôme
        found = self._location(trig, offset, through_any_head=False, countries=countries)  # not "jugé à X pour ..."
        if found is None and cameo[:3] in VISIT_CODES:
            found = self._visited_place(trig, offset, countries)  # "visited Addis Ababa", "visitó Caracas"
        if found is not None and any(a < found.span[1] - offset and found.span[0] - offset < b for a, b in exclude):
            found = None  # "avait stoppé la vente de son gaz à Rabat": Rabat is the recipient
        if found is None:
            material = self.cameo[cameo].quad_class in (2, 4) or cameo[:3] in VISIT_CODES
            found = self.places.event_place(trig.token, exclude=exclude, offset=offset, material=material,
                                            countries=countries)
        if found is not None and trig.frame.cameo[:2] == "14" and self._issue_place(trig, found.span[0] - offset):
            found = None  # "ont défilé contre la guerre au Sahel": the war's place, not the protest's
        return found

    def _visited_place(self, trig: Trigger, offset, countries: frozenset[str]) -> Location | None:
        """The place a visit verb takes as its object ("Kenyan Foreign Minister Daniel Otieno visited Addis
        Ababa": Addis Ababa), resolved offline; None when its object is no place entity or an event noun."""
        rel = self.lex.rel
        if trig.is_noun:
            return None
        for c in trig.token.children:
            if c.dep_ == rel.object and c.ent_type_ in entity_labels.PLACE:
                ent = next((e for e in ents_of(c.doc) if e.start <= c.i < e.end), None)
                found = self.places.resolve(ent.text, countries) if ent is not None else None
                if found is not None:
                    return replace(found, text=ent.text, span=(ent.start_char + offset, ent.end_char + offset))
        return None

    def _place_exclude(self, trig: Trigger, offset, participants) -> tuple[tuple[int, int], ...]:
        """The character spans (in the Doc) that cannot be the event's place: its participants' (actor and
        recipient entities, spans in article characters), except a fronted place ("Au Mali, la junte ...") and
        for protests, coercion, attacks and visits, whose recipient may be the place itself."""
        cameo = trig.frame.cameo
        if cameo[:2] in PLACE_RECIPIENT_ROOTS or cameo[:3] in PLACE_RECIPIENT_CODES | VISIT_CODES:
            return ()  # "des frappes en Ukraine", "se rend à Alger": the place is also a participant
        sent = trig.token.sent
        setting = [e for e in ents_in(sent) if self.places.fronted(e, sent.start)] \
            if participants else []  # "Au Mali, la junte ...": never a participant
        return tuple((e.span[0] - offset, e.span[1] - offset) for e in participants
                     if e.span and e.span[1] > e.span[0]
                     and not any(f.start_char <= e.span[0] - offset < f.end_char for f in setting))

    def _event_places(self, trig: Trigger, offset, participants=(), actors=()) -> tuple[Location, ...]:
        """Every place of the event, the main one first (:meth:`_event_location`), then the places coordinated
        with it ("incendiés à Orvault et Rezé", "des frappes sur Kiev, Lviv et Kharkiv":
        :meth:`~newsevents.places.PlaceResolver.coordinated`), never one of the ``actors`` (entities, spans in
        article characters: "l'offensive de l'Azerbaïdjan sur l'Arménie"); empty when the event has no
        place."""
        found = self._event_location(trig, offset, participants)
        if found is None:
            return ()
        doc = trig.token.doc
        ent = next((e for e in ents_of(doc) if e.start_char == found.span[0] - offset
                    and e.end_char == found.span[1] - offset), None)
        if ent is None:
            return (found,)
        exclude = self._place_exclude(trig, offset, participants) + tuple(
            (e.span[0] - offset, e.span[1] - offset) for e in actors if e.span and e.span[1] > e.span[0])
        return self.places.coordinated(ent, found, exclude, offset, self.places.context_countries(doc))

    def _event_span(self, trig: Trigger) -> tuple[int, int]:
        """Character span (in the Doc) of the event words: auxiliaries and negation before the trigger, the
        trigger, and the pattern object's phrase when there is one -- a whole phrase, never ending on a function
        word nor starting on punctuation (:func:`~newsevents.engine.spans.whole_phrase`)."""
        rel = self.lex.rel
        tok = trig.token
        toks = [tok] + [c for c in tok.children if c.dep_.startswith(rel.auxiliary) or c.dep_.startswith(rel.expletive)
                        or c.lower_ in self.lex.cue("span_negation")]
        if trig.obj is not None:
            relative = self.lex.label("relative_clause")
            toks += [t for t in trig.obj.subtree if t.dep_ not in (rel.adnominal_clause, rel.punctuation)
                     and t.dep_ not in relative
                     and t.i <= trig.obj.i + 3]
        first, last = whole_phrase(min(toks, key=lambda t: t.i), max(toks, key=lambda t: t.i), tok)
        return first.idx, last.idx + len(last.text)
