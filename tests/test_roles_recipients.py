"""Recipients of verbs found where the parser hangs them (issue 9, item 6), with the real spaCy model on made-up
French sentences. Each expectation is what a human coder following eval/ANNOTATION.md would write."""
from __future__ import annotations

import pytest

from coding import code

pytestmark = pytest.mark.model


def test_recipient_slot_hung_on_the_direct_object(pipeline):
    # "aux patrons" is parsed under "effort": it is still whom the request is made to
    events = code(pipeline, "Emmanuel Macron entend demander un effort financier aux patrons.")
    assert [(e.recipient[0].code, e.recipient[0].sector) for e in events
            if e.event_type == "REQUEST" and e.recipient] == [("FRA", "BUS")]


def test_unaddressed_claim_by_citizens_goes_to_their_own_government(pipeline):
    events = code(pipeline, "En France, le principal syndicat enseignant dénonce une réforme injuste.")
    found = [(e.recipient[0].code, e.recipient[0].sector, e.recipient[0].entity_text) for e in events
             if e.event_type == "ACCUSE" and e.recipient]
    assert found == [("FRA", "GOV", "")], events


def test_violence_among_civilians_with_nobody_named_falls_on_civilians(pipeline):
    events = code(pipeline, "Au Japon, un homme a ouvert le feu dans une gare.")
    found = [(e.recipient[0].code, e.recipient[0].sector) for e in events
             if e.event_type == "ASSAULT" and e.recipient]
    assert found == [("JPN", "CVL")], events


def test_two_inferred_parties_are_both_kept(pipeline):
    # the implied court and the implied civilians both sit on the empty span at the trigger: two parties
    events = code(pipeline, "Deux jours après un drame à Lorient, une femme, qui a tout avoué aux enquêteurs, "
                            "a été inculpée pour assassinat.")
    found = [(e.actor[0].code + e.actor[0].sector, e.recipient[0].code + e.recipient[0].sector) for e in events
             if e.event_type == "COERCE" and e.actor and e.recipient]  # a charge: CAMEO 173
    assert ("FRAJUD", "FRACVL") in found, events


def test_bare_name_hung_on_the_verb_as_a_modifier_is_its_object(pipeline):
    # the parser hangs "Taïwan" on "menace" as a noun modifier with no preposition: it is the object
    events = code(pipeline, "Après une semaine de manœuvres, la Chine menace Taïwan, sans changer la situation.")
    found = [(e.actor[0].code, e.recipient[0].code) for e in events
             if e.event_type == "THREATEN" and e.actor and e.recipient]
    assert found == [("CHN", "TWN")], events


def test_a_country_inferred_for_an_attack_is_its_people(pipeline):
    # nothing in the second sentence names whose mall was hit: the country of the story, its civilians
    events = code(pipeline, "L'Ukraine enterre ses morts. Les Russes ont frappé un centre commercial lundi.")
    found = [(e.recipient[0].code, e.recipient[0].sector) for e in events
             if e.event_type == "ASSAULT" and e.recipient]
    assert found == [("UKR", "CVL")], events


def test_a_fronted_place_is_not_the_recipient_of_a_request(pipeline):
    # "Au Niger," says where the request is made; "à" is also the preposition of whom one asks
    events = code(pipeline, "Au Niger, la junte redemande avec insistance le départ du contingent danois.")
    found = [r.code for e in events if e.event_type == "REQUEST" for r in e.recipient]
    assert [e.actor[0].code for e in events if e.event_type == "REQUEST"] == ["NER"], events
    assert "NER" not in found, events


def test_an_act_with_nobody_named_falls_on_the_actors_own_country(pipeline):
    events = code(pipeline, "Le premier ministre australien a reconnu sa défaite.")
    assert [(e.recipient[0].code, e.recipient[0].entity_text) for e in events
            if e.event_type == "CONCEDE" and e.recipient] == [("AUS", "")], events


def test_military_force_with_nobody_named_gets_no_home_recipient(pipeline):
    events = code(pipeline, "Les soldats russes ont ouvert le feu.")
    assert [e.recipient for e in events if e.event_type == "ASSAULT"] == [()], events


def test_a_reciprocal_act_with_no_partner_named_gets_no_home_recipient(pipeline):
    # the partners of the agreement are among the actors: no inferred French people on either side
    events = code(pipeline, "Les deux ministres français ont signé un accord sur la sécurité.")
    assert events and all(not e.recipient or e.recipient[0].entity_text for e in events), events


def test_a_claim_by_citizens_on_other_citizens_keeps_its_recipient(pipeline):
    # the internautes and the gilets jaunes are both French civilians, and two parties
    events = code(pipeline, "Des internautes accusent les gilets jaunes d'être derrière le tag.")
    assert [(e.recipient[0].code, e.recipient[0].sector) for e in events
            if e.event_type == "ACCUSE" and e.recipient] == [("FRA", "CVL")], events


def test_two_named_office_holders_of_one_government_are_two_parties(pipeline):
    events = code(pipeline, "Emmanuel Macron a limogé Jean Castex.", published="2021-05-12")
    assert [(e.recipient[0].code, e.recipient[0].sector, e.recipient[0].entity_text) for e in events
            if e.event_type == "COERCE" and e.recipient] == [("FRA", "GOV", "Jean Castex")], events
