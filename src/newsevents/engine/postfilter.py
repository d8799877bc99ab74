"""Post-filters: repeated, duplicated and home-trip events; repeated mentions and narrative dates across an
article."""
from __future__ import annotations

from dataclasses import replace

from ..records import Entity, Event, EventDate
from .trace import Step


def _note_drop(trace, event: Event, rule: str) -> None:
    """With a trace, remove ``event`` from its sentence's events and note ``rule`` on its candidate."""
    record = trace.for_event(event) if trace is not None else None
    if record is None:
        return
    if event.id in record.events:
        record.events.remove(event.id)
    for cand in record.candidates.values():
        if cand.span[0] == event.event_span[0]:
            cand.steps.append(Step(rule, "event dropped", event.event_type))


class PostFilters:
    """Filters on the events of a sentence or an article, and the party comparisons they use.
    A mixin of :class:`~newsevents.engine.coder.EventCoder`."""

    def _narrative_dates(self, events: list[Event]) -> list[Event]:
        """An event whose sentence gives no date takes the interval of the story's previous event dated by an
        interval ("entre le 15 et le 17 janvier": the visit the story narrates), rather than the publication
        date. A single day is not carried over: it dates one event, not a scene. Nor is the scene's interval given
        to an alleged event ("aurait fourni des missiles"): a claim the author keeps at a distance is no step of
        the narrated scene, and keeps the publication date (ANNOTATION.md: the publication date when the text
        gives none)."""
        since = tuple(self.lex.cue("since_words"))
        last: EventDate | None = None
        out = []
        for event in events:
            if event.date.precision == "interval" and event.date.span is not None \
                    and not (event.date.text or "").lower().startswith(since):
                last = event.date
            elif event.date.precision == "publication" and last is not None and event.modality != "alleged":
                event = replace(event, date=last)
            out.append(event)
        return out

    def _unvoiced(self, events: list[Event]) -> list[Event]:
        """Rule ``unvoiced``: an event of a type of the cue list ``actor_needed_types`` (French: acts someone
        says or does in person: pledges, talks, praise, demands, accusations, refusals) left with no
        actor at all (none named, none implied by its frame, none chosen by the learned model) names nobody who
        speaks, meets or asks ("Macron appelé à rapprocher la démocratie du peuple"): it is dropped. A language
        pack without the list has no such rule (the Spanish gold codes such events). CAMEO codes of the cue list
        ``actor_optional_codes`` are kept: a charge reported in the passive names the accused, and the gold codes
        it with an unknown accuser ("le ministre a été mis en cause dans l'affaire": 112). ``events`` are a
        sentence's events; returns the kept ones in order."""
        needed = self.lex.cues.get("actor_needed_types")
        if not needed:
            return events
        optional = self.lex.cues.get("actor_optional_codes", frozenset())
        return [e for e in events if e.actor or e.event_type.lower() not in needed  # cue lists are lower case
                or any(e.cameo_code.startswith(code) for code in optional)]

    REPEAT_WINDOW = 2
    """How many sentences back ``_recipientless_repeats`` looks for the first mention of an event."""

    def _recipientless_repeats(self, events: list[Event], trace=None) -> list[Event]:
        """Rule ``recipientless_repeat``: an event with no recipient whose type an event of one of the
        :attr:`REPEAT_WINDOW` sentences before it already has, with the same actor country or one side unknown,
        is a repeated mention of that event, not a new one ("Le gouvernement a ordonné une enquête sur
        l'attaque de la caserne. ... Le gouvernement a ordonné une enquête." codes one inquiry): it is dropped.
        A recipient of the actor's own country inferred by a fallback (``home_recipient``, ``addressed_people``: no
        words of the text, no name carried from an earlier sentence) names nobody, so it does not make a repetition
        new. A repetition that names its recipient is kept (the gold codes it). ``events`` are an article's events
        in text order; returns the kept ones in the same order. With a ``trace``
        (:class:`~newsevents.engine.trace.Trace`), a dropped event leaves its sentence's events and the rule is
        noted on the candidate at the event's first character."""
        order = {span: i for i, span in enumerate(dict.fromkeys(e.sentence_span for e in events))}
        kept = []
        for event in events:
            here, codes = order[event.sentence_span], {a.code for a in event.actor if a.code}
            if all(_home_inferred(r, codes) for r in event.recipient) and any(
                    prior.event_type == event.event_type
                    and here - self.REPEAT_WINDOW <= order[prior.sentence_span] < here
                    and (not codes or not (other := {a.code for a in prior.actor if a.code}) or other == codes)
                    for prior in kept):
                _note_drop(trace, event, "recipientless_repeat")
                continue
            kept.append(event)
        return kept

    @staticmethod
    def _one_entity(a: Entity, b: Entity) -> bool:
        """Same code and sector, except two organisations or unknown-country actors with different names
        ("l'ONU exhorte l'Union africaine": IGO and IGO, two parties)."""
        if a.code != b.code or a.sector != b.sector:
            return False
        return not (a.code in ("IGO", "---") and a.name and b.name and a.name != b.name)

    @staticmethod
    def _same_party(entity: Entity, actors) -> bool:
        """Whether ``entity`` is one of ``actors``: same country and same sector, or no sector on either side
        ("la Russie" and "Moscou" are one party; rebels and their country's government are two)."""
        return any(entity.code == a.code and (entity.sector == a.sector or not entity.sector or not a.sector)
                   for a in actors)

    @staticmethod
    def _home_trip(actors, recipients) -> bool:
        """True when a visit (CAMEO 042) goes only to the visitor's own country ("le ministre nord-coréen se
        rendra à Pyongyang"): a trip home or inside one's country is no visit between two actors (ANNOTATION.md: a
        visit is visitor -> host)."""
        home = {a.code for a in actors if a.code and a.code != "IGO"}
        return bool(home) and bool(recipients) and all(r.code in home for r in recipients)

    @staticmethod
    def _unnamed_repeats(events: list[Event]) -> list[Event]:
        """An event whose participants are all inferred (none named in the text) repeats an event of the same
        type in the sentence that names its actor ("des milliers de dockers ont débrayé mardi, premier jour
        d'une grève illimitée": one strike); it is dropped."""
        def unnamed(e):
            return not any(x.entity_text for x in e.actor + e.recipient)

        named = {e.event_type for e in events if any(a.entity_text for a in e.actor)}
        return [e for e in events if not (unnamed(e) and e.event_type in named)]

    @staticmethod
    def _dedupe(events: list[Event]) -> list[Event]:
        """One event per (type, actor, recipient) in a sentence (two organisations are two parties, as in
        :meth:`_one_entity`); an event with no recipient is dropped when another of the same type and actor has one
        ("s'est rendu en Russie ... ce déplacement"). The halves of a reciprocal event (a pair with the same
        trigger and the parties swapped) are no duplicates of an event of another code ("The French minister
        visited Ghana and met the Ghanaian president": the visit does not swallow the meeting's forward half)."""
        def codes(entities):  # two organisations are two parties ("l'ONU et l'OTAN exhortent": IGO and IGO)
            return tuple((e.code, e.sector, e.name if e.code in ("IGO", "---") else None) for e in entities)

        reversed_half = {id(e) for prev, e in zip(events, events[1:]) if e.actor and e.recipient
                         and e.event_span == prev.event_span and e.cameo_code == prev.cameo_code
                         and e.actor == prev.recipient and e.recipient == prev.actor}
        halves = reversed_half | {id(prev) for prev, e in zip(events, events[1:]) if id(e) in reversed_half}
        with_recipient = {(e.event_type, codes(e.actor)) for e in events if e.recipient}
        named = {(e.event_type, codes(e.actor)) for e in events if any(r.entity_text for r in e.recipient)}
        kept, seen = [], {}
        for e in events:
            key = (e.event_type, codes(e.actor), codes(e.recipient))
            inferred = bool(e.recipient) and not any(r.entity_text for r in e.recipient)
            if key in seen and not (id(e) in halves and e.cameo_code not in seen[key]) \
                    or (not e.recipient and (e.event_type, codes(e.actor)) in with_recipient) or (
                    inferred and e.actor and (e.event_type, codes(e.actor)) in named):
                continue
            seen.setdefault(key, set()).add(e.cameo_code)
            kept.append(e)
        return kept


def _home_inferred(recipient: Entity, actor_codes: set[str]) -> bool:
    """Whether ``recipient`` names nobody: no words of the text, no carried name, and the actor's own country
    (what ``home_recipient`` and ``addressed_people`` infer)."""
    return not recipient.entity_text and not recipient.name and recipient.code in actor_codes
