"""Repeated mentions of one event across the sentences of an article (rule ``recipientless_repeat``,
:meth:`newsevents.engine.postfilter.PostFilters._recipientless_repeats`): a later mention with no recipient
is the same event, one that names its recipient is coded again (ANNOTATION.md: one actor doing one thing to one
recipient). Made-up sentences."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from coding import code
from newsevents.engine.postfilter import PostFilters


def _event(kind: str, sentence: int, actor: str | None, recipient: str | None = None, named: bool = True):
    """A stand-in event: type, sentence span (sentence n covers characters 100n to 100n + 99), actor and
    recipient countries; ``named=False`` makes the recipient an inferred one (no words of the text)."""
    return SimpleNamespace(event_type=kind, sentence_span=(100 * sentence, 100 * sentence + 99),
                           event_span=(100 * sentence, 100 * sentence + 5), id=f"{kind}{sentence}{actor}",
                           actor=[SimpleNamespace(code=actor)] if actor else [],
                           recipient=[SimpleNamespace(code=recipient, entity_text=recipient if named else "", name=None)]
                           if recipient else [])


def _kept(events):
    return [(e.event_type, e.sentence_span[0] // 100) for e in PostFilters()._recipientless_repeats(events)]


def test_a_later_mention_with_an_inferred_recipient_is_dropped():
    events = [_event("SUPPORT", 0, "MLI", "MLI"), _event("SUPPORT", 1, "MLI", "MLI", named=False)]
    assert _kept(events) == [("SUPPORT", 0)]


def test_a_later_mention_with_an_inferred_recipient_of_another_country_is_kept():
    events = [_event("ASSAULT", 0, "RUS", "UKR"), _event("ASSAULT", 1, "RUS", "UKR", named=False)]
    assert _kept(events) == [("ASSAULT", 0), ("ASSAULT", 1)]


def test_a_later_mention_without_recipient_is_dropped():
    events = [_event("ACCUSE", 0, "USA", "MEX"), _event("ACCUSE", 1, "USA")]
    assert _kept(events) == [("ACCUSE", 0)]


def test_an_unknown_actor_is_compatible_with_a_known_one():
    assert _kept([_event("PROTEST", 0, "FRA", "FRA"), _event("PROTEST", 1, None)]) == [("PROTEST", 0)]


def test_another_actor_another_type_or_a_named_recipient_is_another_event():
    events = [_event("ACCUSE", 0, "USA", "MEX"), _event("ACCUSE", 1, "MEX"), _event("SUPPORT", 1, "USA"),
              _event("ACCUSE", 2, "USA", "CAN")]
    assert _kept(events) == [("ACCUSE", 0), ("ACCUSE", 1), ("SUPPORT", 1), ("ACCUSE", 2)]


def test_a_mention_beyond_the_window_is_kept():
    events = [_event("ASSAULT", 0, "RUS", "UKR"), _event("SUPPORT", 1, "FRA", "UKR"),
              _event("SUPPORT", 2, "DEU", "UKR"), _event("ASSAULT", 3, "RUS")]
    assert _kept(events)[-1] == ("ASSAULT", 3)


def test_the_first_mention_is_kept_even_without_recipient():
    events = [_event("RETREAT", 0, "FRA"), _event("RETREAT", 1, "FRA")]
    assert _kept(events) == [("RETREAT", 0)]


@pytest.mark.model
def test_apologies_repeated_in_the_next_sentence_are_one_event(pipeline):
    text = ("Le ministre malien de la Justice a présenté ses excuses aux familles des victimes. Lundi, il a "
            "encore présenté ses excuses.")
    events = [e for e in code(pipeline, text) if e.event_type == "SUPPORT"]
    assert len(events) == 1 and events[0].actor[0].code == "MLI"


@pytest.mark.model
def test_a_repeated_act_with_its_own_recipient_is_coded_again(pipeline):
    text = ("Le ministre malien de la Justice a présenté ses excuses aux familles des victimes. Lundi, il a "
            "encore présenté ses excuses au président sénégalais.")
    events = [e for e in code(pipeline, text) if e.event_type == "SUPPORT"]
    assert {r.code for e in events for r in e.recipient} == {"MLI", "SEN"}
