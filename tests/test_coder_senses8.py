"""Senses that decide the type of a word (session 7, precision): made-up French sentences with the real spaCy
model; expectations follow eval/ANNOTATION.md."""
from __future__ import annotations

import pytest

from coding import code

pytestmark = pytest.mark.model


def test_a_court_convicting_a_former_minister_is_a_conviction(pipeline):
    # the patient "l'ancien ministre" is a mention of several words headed by "ministre": a person, so the
    # court's "condamner" is a conviction (SANCTION 116), not a criticism (ACCUSE 111)
    events = code(pipeline, "Le tribunal de Bamako a condamné l'ancien ministre pour corruption.")
    assert [(e.event_type, e.cameo_code) for e in events] == [("SANCTION", "116")]


def test_a_government_condemning_a_country_for_an_act_is_a_criticism(pipeline):
    events = code(pipeline, "Paris condamne Moscou pour avoir bombardé Kiev.")
    assert ("ACCUSE", "111") in {(e.event_type, e.cameo_code) for e in events}
    assert "SANCTION" not in {e.event_type for e in events}


def test_a_promise_to_bomb_is_a_threat(pipeline):
    events = code(pipeline, "Erdogan promet de bombarder les combattants kurdes.")
    promises = [e for e in events if "promet" in e.event_text]
    assert [(e.event_type, e.cameo_code, e.modality) for e in promises] == [("THREATEN", "138", "asserted")]


def test_a_promise_to_sanction_is_a_threat_of_sanctions(pipeline):
    events = code(pipeline, "Le président américain promet de sanctionner la Russie.")
    assert ("THREATEN", "1312") in {(e.event_type, e.cameo_code) for e in events}


def test_a_promise_to_deliver_weapons_stays_a_pledge(pipeline):
    events = code(pipeline, "Paris promet de livrer des armes au Liban.")
    assert [(e.event_type, e.cameo_code) for e in events] == [("AGREE", "033")]


def test_a_minister_challenged_by_protesters_is_no_arrest(pipeline):
    events = code(pipeline, "Le ministre a été interpellé par une quinzaine de manifestants lors de sa visite à Lyon.")
    assert [(e.event_type, e.cameo_code) for e in events] == [("ACCUSE", "111")]


@pytest.mark.parametrize("text", ["La police a interpellé trois militants kurdes à Paris.",
                                  "Trois militants kurdes ont été interpellés mardi à Paris."])
def test_an_arrest_by_the_police_or_by_nobody_named_stays_an_arrest(pipeline, text):
    assert [(e.event_type, e.cameo_code) for e in code(pipeline, text)] == [("COERCE", "173")]


def test_renting_a_bus_is_no_praise(pipeline):
    assert "SUPPORT" not in {e.event_type for e in code(pipeline, "Un Camerounais loue un bus à Varsovie.")}
    events = code(pipeline, "Le président français loue le courage des soldats ukrainiens.")
    assert [(e.event_type, e.cameo_code) for e in events] == [("SUPPORT", "051")]


def test_strikers_blocking_a_site_protest(pipeline):
    events = code(pipeline, "Les grévistes bloquent le site de Total à Donges.")
    assert [(e.event_type, e.cameo_code) for e in events] == [("PROTEST", "144")]


def test_the_blockades_of_protesters_are_a_protest(pipeline):
    events = code(pipeline, "Les blocages des gilets jaunes continuent dans le Var.")
    assert [(e.event_type, e.cameo_code) for e in events] == [("PROTEST", "144")]


def test_a_navy_blocking_ports_is_a_blockade(pipeline):
    events = code(pipeline, "La marine russe bloque les ports ukrainiens.")
    assert [(e.event_type, e.cameo_code) for e in events] == [("COERCE", "191")]


@pytest.mark.parametrize("text", ["Une foule s'est rassemblée samedi à Kiev pour honorer la mémoire du jeune militant.",
                                  "Des milliers de personnes ont défilé devant le cercueil du président."])
def test_a_gathering_for_a_tribute_is_no_protest(pipeline, text):
    assert "PROTEST" not in {e.event_type for e in code(pipeline, text)}


def test_a_gathering_against_a_war_is_a_protest(pipeline):
    events = code(pipeline, "Des milliers de personnes se sont rassemblées samedi à Kiev contre la guerre.")
    assert [(e.event_type, e.cameo_code) for e in events] == [("PROTEST", "141")]
