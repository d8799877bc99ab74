"""Coding errors a new user reported (session 9): made-up sentences with the real spaCy models; expectations
follow eval/ANNOTATION.md."""
from __future__ import annotations

import pytest

from coding import code

pytestmark = pytest.mark.model


def test_a_meeting_in_a_relative_on_the_place_visited_is_an_event(pipeline):
    # "où il a rencontré le président": the relative's verb has its own subject and object, an event on the trip
    events = code(pipeline, "Le ministre s'est rendu à Dakar, où il a rencontré le président Macky Sall.")
    assert "CONSULT" in {e.event_type for e in events if "rencontré" in e.event_text}


def test_a_dated_act_in_a_relative_on_a_place_stays_its_description(pipeline):
    # "en mars": the relative has a date of its own, background about the place
    events = code(pipeline, "Le pape s'est rendu à Bangui, où des rebelles ont attaqué l'armée en mars.")
    assert not [e for e in events if "attaqué" in e.event_text]


def test_a_passive_without_agent_in_a_relative_on_a_place_stays_its_description(pipeline):
    events = code(pipeline, "Des centaines de Serbes ont manifesté en Croatie, où dix personnes ont été tuées.")
    assert {e.event_type for e in events} == {"PROTEST"}


def _meetings(events):
    return {(e.actor[0].code, e.recipient[0].code) for e in events if e.cameo_code == "040"
            and e.actor and e.recipient}


def test_a_visit_does_not_swallow_one_direction_of_a_meeting(pipeline):
    # the visit FRA -> GHA and the meeting's forward half FRA -> GHA are one type and dyad, but two acts: the
    # dedupe used to drop the forward half and keep the reversed one alone
    events = code(pipeline, "Le ministre français s'est rendu au Ghana lundi et a rencontré le président ghanéen.")
    assert ("CONSULT", "042") in {(e.event_type, e.cameo_code) for e in events}
    assert _meetings(events) == {("FRA", "GHA"), ("GHA", "FRA")}


def test_a_visit_does_not_swallow_one_direction_of_a_meeting_en(english_pipeline):
    events = code(english_pipeline, "The French minister visited Ghana on Monday and met the Ghanaian president.")
    assert ("CONSULT", "042") in {(e.event_type, e.cameo_code) for e in events}
    assert _meetings(events) == {("FRA", "GHA"), ("GHA", "FRA")}


def _types(events, word):
    return {(e.event_type, e.cameo_code) for e in events if word in e.event_text}


def test_condemning_strikes_is_a_criticism_not_a_conviction(pipeline):
    # the patient "les frappes" is an act (an event noun of the lexicon): its nationality adjective names no
    # convicted person
    events = code(pipeline, "L'Union européenne a condamné les frappes israéliennes sur Gaza.")
    assert _types(events, "condamné") == {("ACCUSE", "111")}


def test_a_court_condemning_a_policy_is_a_criticism(pipeline):
    events = code(pipeline, "La Cour suprême a condamné la politique israélienne.")
    assert _types(events, "condamné") == {("ACCUSE", "111")}


def test_a_fronted_place_is_not_the_penalty_of_a_conviction(pipeline):
    # "Au Sénégal," sets the scene: it is no "condamner à" complement (a penalty)
    events = code(pipeline, "Au Sénégal, Amnesty International condamne le sort réservé aux enfants.")
    assert _types(events, "condamne") == {("ACCUSE", "111")}


def test_a_conviction_with_a_fronted_place_stays_a_conviction(pipeline):
    events = code(pipeline, "À Bamako, le tribunal a condamné l'ancien ministre à cinq ans de prison.")
    assert ("SANCTION", "116") in _types(events, "condamné")


def test_the_place_fallbacks_settle_a_town_namesake_by_the_countries_of_the_text(pipeline):
    # "Limay (Yvelines)": the French town, not Limay in the Philippines, for the place recipient and the
    # implied police as for the event's place
    events = code(pipeline, "Un adolescent a été poignardé devant un collège à Limay (Yvelines) et deux agresseurs "
                            "ont été interpellés.")
    arrests = [e for e in events if e.cameo_code == "173"]
    assert arrests
    assert {p.code for e in arrests for p in e.actor + e.recipient} == {"FRA"}
