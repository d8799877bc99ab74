"""Who did it to whom: actor and recipient rules on made-up French sentences, with the real spaCy model.

Each expectation is what a human coder following eval/ANNOTATION.md would write for the sentence; each test
covers one rule of :mod:`newsevents.coder` or :mod:`newsevents.actors`.
"""
from __future__ import annotations

import pytest

from coding import code

pytestmark = pytest.mark.model


def pairs(events, event_type=None):
    """(type, actor code, recipient code) of every event (of one type when given)."""
    return {(e.event_type, e.actor[0].code if e.actor else None, e.recipient[0].code if e.recipient else None)
            for e in events if event_type is None or e.event_type == event_type}


def test_object_after_a_weekday_is_the_verbs_object(pipeline):
    # the parser hangs "un appel" on "jeudi": re-attached, the call is what is rejected (not a separate event)
    # and its author is the rejection's recipient
    events = code(pipeline, "Le Maroc a rejeté jeudi un appel de l'Union africaine.")
    assert pairs(events) == {("REJECT", "MAR", "IGO")}


def test_avoir_auxiliary_is_active_even_when_parsed_passive(pipeline):
    events = code(pipeline, "La Bolivie a catégoriquement rejeté un ultimatum chilien.")
    assert ("REJECT", "BOL", "CHL") in pairs(events)


def test_reciprocal_verb_with_a_recipient_from_its_complement_is_one_way(pipeline):
    events = code(pipeline, "Les ministres de l'Union européenne sont convenus lundi de fournir une aide "
                            "à la Moldavie.")
    got = pairs(events, "AGREE")
    assert ("AGREE", "IGO", "MDA") in got
    assert ("AGREE", "MDA", "IGO") not in got


def test_reciprocal_verb_with_its_own_partner_stays_two_way(pipeline):
    events = code(pipeline, "Le Pérou est convenu avec la Bolivie de rouvrir la frontière.")
    got = pairs(events, "AGREE")
    assert {("AGREE", "PER", "BOL"), ("AGREE", "BOL", "PER")} <= got


def test_enumerated_recipients_are_all_members(pipeline):
    # the parser cuts the list after its first members; every country of the enumeration is a recipient
    events = code(pipeline, "Le Japon a accepté de lever l'embargo sur les ventes d'armes à la Thaïlande, "
                            "la Malaisie, le Vietnam et, sous conditions, à la Birmanie.")
    got = {e.recipient[0].code for e in events if e.event_type == "AGREE" and e.recipient}
    assert {"MYS", "VNM", "MMR"} <= got


def test_enumeration_stops_at_a_new_clause_subject(pipeline):
    events = code(pipeline, "Le Japon a accusé la Chine, la Russie a protesté.")
    assert ("ACCUSE", "JPN", "RUS") not in pairs(events)


def test_demonym_of_the_head_wins_over_a_place_in_its_complement(pipeline):
    events = code(pipeline, "Un militant kurde a été arrêté par la police turque d'une banlieue de Damas.")
    assert [(e.actor[0].code, e.actor[0].sector) for e in events if e.event_type == "COERCE" and e.actor] \
        == [("TUR", "COP")]


def test_officials_of_a_non_governmental_organisation_are_that_organisation(pipeline):
    # not the article's main country: the organisation has no country, its sector is kept
    events = code(pipeline, "Des dirigeants de la Croix-Rouge ont suspendu vendredi leurs convois d'aide au Soudan "
                            "du Sud.")
    assert [((e.actor[0].code, e.actor[0].sector), e.recipient[0].code) for e in events
            if e.event_type == "SANCTION" and e.actor and e.recipient] == [(("---", "NGO"), "SSD")]


def test_recipient_phrase_holding_the_pattern_object_is_still_the_recipient(pipeline):
    # "informations" is parsed under "la France"; "avec la France" is the recipient all the same
    events = code(pipeline, "Les services égyptiens ont partagé avec la France des informations sur les suspects.")
    assert ("COOPERATE", "EGY", "FRA") in pairs(events)


def test_rejected_request_is_not_a_refusal_of_the_acts_it_mentions(pipeline):
    # the arrest is described inside the request; the event is the rejection, to the requester
    events = code(pipeline, "Le Soudan a rejeté une demande britannique d'interroger des opposants arrêtés "
                            "le mois dernier.")
    assert ("REJECT", "SDN", "GBR") in pairs(events)


def test_place_of_the_source_is_not_the_place_of_the_event(pipeline):
    events = code(pipeline, "Les insurgés tchadiens ont pilonné mardi la localité, ont rapporté des travailleurs "
                            "humanitaires basés à Yaoundé.")
    assert ("TCD", "REB") in {(e.actor[0].code, e.actor[0].sector) for e in events if e.actor}
    assert all(r.code != "CMR" for e in events for r in e.recipient)


def test_demand_recipient_is_the_subject_of_its_que_clause(pipeline):
    # not the parties of the support named inside the clause
    events = code(pipeline, "Des diplomates serbes ont exigé jeudi que la Hongrie se rallie au soutien de la Russie "
                            "à la Biélorussie.")
    assert pairs(events, "REQUEST") == {("REQUEST", "SRB", "HUN")}


def test_threat_against_the_domestic_opposition(pipeline):
    # "candidats de l'opposition zambienne": the opposition's sector; a counterpart of the same country is kept
    events = code(pipeline, "Le président zambien a menacé d'empêcher les candidats de l'opposition zambienne de "
                            "se présenter.")
    assert {(e.recipient[0].code, e.recipient[0].sector) for e in events
            if e.event_type == "THREATEN" and e.recipient} == {("ZMB", "OPP")}


def test_threat_recipient_is_the_country_where_the_threatened_act_would_happen(pipeline):
    events = code(pipeline, "Le président russe promet une opération militaire en Moldavie.")
    assert ("THREATEN", "RUS", "MDA") in pairs(events)


def test_light_verb_phrase_takes_its_actor_from_the_subject(pipeline):
    # "faire don de X": X is what is given, not the giver
    events = code(pipeline, "Le Japon a fait don de vaccins de l'Inde à la Bolivie.")
    assert pairs(events, "AID") == {("AID", "JPN", "BOL")}


def test_eased_restrictions_benefit_the_place_where_they_applied(pipeline):
    events = code(pipeline, "La Chine a assoupli jeudi les restrictions de voyage à Hong Kong.")
    assert ("CONCEDE", "CHN", "HKG") in pairs(events)


def test_people_with_no_country_of_their_own_belong_to_the_place_of_the_event(pipeline):
    # "douze personnes" would get the article's main country (AFG, named first); they were killed in Pakistan
    events = code(pipeline, "Deux kamikazes afghans ont tué douze personnes à Islamabad.")
    assert {(e.recipient[0].code, e.recipient[0].sector) for e in events
            if e.event_type == "ASSAULT" and e.recipient} == {("PAK", "CVL")}


def test_enumeration_stops_at_the_subject_of_a_participle_clause(pipeline):
    events = code(pipeline, "La France a critiqué le Mali, Moscou étant accusé d'y envoyer des mercenaires.")
    assert ("ACCUSE", "FRA", "RUS") not in pairs(events)


def test_act_on_a_protest_targets_the_protesters(pipeline):
    events = code(pipeline, "La police kényane a empêché la manifestation organisée samedi par des étudiants "
                            "près du Parlement.")
    assert {(e.recipient[0].code, e.recipient[0].sector) for e in events
            if e.event_type == "COERCE" and e.recipient} == {("KEN", "EDU")}


def test_forces_led_by_a_country_are_that_countrys(pipeline):
    # not the article's main country (Kenya, named first)
    events = code(pipeline, "D'après le Kenya, les troupes dirigées par l'Ethiopie ont pilonné la frontière.")
    assert {(e.actor[0].code, e.actor[0].sector) for e in events if e.event_type == "ASSAULT" and e.actor} \
        == {("ETH", "MIL")}


def test_opposition_parties_are_the_opposition(pipeline):
    events = code(pipeline, "Sept partis d'opposition ont organisé une grève générale au Népal.")
    assert {(e.actor[0].code, e.actor[0].sector) for e in events if e.event_type == "PROTEST" and e.actor} \
        == {("NPL", "OPP")}


def test_some_people_of_a_nationality_are_civilians(pipeline):
    events = code(pipeline, "De jeunes Marocains ont bloqué samedi la route du port de Tanger.")
    assert {(e.actor[0].code, e.actor[0].sector) for e in events if e.actor} == {("MAR", "CVL")}
