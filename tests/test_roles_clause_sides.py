"""Who acts when the clause names the parties away from the trigger (issue 9, item 6): the two sides of a
reciprocal noun named on its verb or by a pairing participle, a detached present participle acting for the
clause's subject, and the people a government's unaddressed appeal goes to. Real spaCy model, made-up sentences."""
from __future__ import annotations

import pytest

from coding import code

pytestmark = pytest.mark.model


def _pairs(events, plover):
    return sorted(((e.actor[0].code, e.actor[0].sector) if e.actor else None,
                   (e.recipient[0].code, e.recipient[0].sector) if e.recipient else None)
                  for e in events if e.event_type == plover)


def test_sides_of_a_clash_named_on_its_verb(pipeline):
    events = code(pipeline, "Des affrontements ont éclaté mercredi à Lyon entre la police et des manifestants.")
    assert _pairs(events, "ASSAULT") == [(("FRA", "COP"), ("FRA", "CVL")), (("FRA", "CVL"), ("FRA", "COP"))], events


def test_sides_of_a_clash_paired_by_a_participle(pipeline):
    events = code(pipeline, "Des heurts opposant la police à des casseurs ont eu lieu samedi à Marseille.")
    assert _pairs(events, "ASSAULT") == [(("FRA", "COP"), ("FRA", "CVL")), (("FRA", "CVL"), ("FRA", "COP"))], events


def test_sides_of_a_talk_named_on_its_predicate(pipeline):
    events = code(pipeline, "Un entretien téléphonique est en cours entre Emmanuel Macron et Vladimir Poutine.")
    assert _pairs(events, "CONSULT") == [(("FRA", "GOV"), ("RUS", "GOV")), (("RUS", "GOV"), ("FRA", "GOV"))], events


def test_clash_sides_take_no_place_as_recipient(pipeline):
    events = code(pipeline, "Des affrontements entre la police et des manifestants ont eu lieu à Paris.")
    assert all(r.entity_text != "Paris" for e in events for r in e.recipient), events


def test_a_government_appeal_to_nobody_named_is_addressed_to_its_people(pipeline):
    events = code(pipeline, "Mercredi, le gouvernement français a appelé au calme.")
    assert _pairs(events, "REQUEST") == [(("FRA", "GOV"), ("FRA", "CVL"))], events


def test_a_citizen_appeal_still_goes_to_the_government(pipeline):
    events = code(pipeline, "A Lyon, des syndicalistes ont appelé au calme.")
    assert all(p[1] != ("FRA", "CVL") for p in _pairs(events, "REQUEST")), events


def test_a_detached_participle_acts_for_the_clause_subject(pipeline):
    events = code(pipeline, "La présidence française a souligné dimanche que la coopération ne peut dépendre de "
                            "colères, dénonçant l'incohérence de Washington.")
    assert ("FRA", "GOV") in [p[0] for p in _pairs(events, "ACCUSE")], events


def test_an_agentless_killing_during_an_operation_is_by_its_author(pipeline):
    events = code(pipeline, "Un Palestinien a été tué lors d'une opération de l'armée israélienne à Jénine.")
    assert [p[0] for p in _pairs(events, "ASSAULT")] == [("ISR", "MIL")], events


def test_a_place_in_a_dans_adjunct_is_no_author(pipeline):
    events = code(pipeline, "Dans la capitale ukrainienne, une usine militaire a été bombardée.")
    assert all(p[0] != ("UKR", "") for p in _pairs(events, "ASSAULT")), events
