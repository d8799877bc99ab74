"""Recall (session 9) on made-up French sentences, with the real spaCy model and the rules alone.

Each expectation is what a human coder following eval/ANNOTATION.md would write for the sentence.
"""
from __future__ import annotations

import pytest

from coding import code

pytestmark = pytest.mark.model


def parties(events):
    return {(e.event_type, e.actor[0].sector if e.actor else None, e.recipient[0].sector if e.recipient else None)
            for e in events}


def test_minister_hosting_domestic_union_delegates_is_a_meeting(pipeline):
    # rule home_trip: two named parties of one country with different sectors meet; no trip home
    events = code(pipeline, "Le Premier ministre français a reçu des représentants des syndicats à Matignon.")
    assert ("CONSULT", "LAB", "GOV") in parties(events)


def test_trip_home_is_still_no_visit(pipeline):
    events = code(pipeline, "Le président français s'est rendu mardi à Marseille.")
    assert not [e for e in events if e.event_type == "CONSULT"]


def codes(events):
    return {(e.event_type, e.cameo_code) for e in events}


def test_defending_a_policy_is_endorsing_it(pipeline):
    events = code(pipeline, "La ministre de la Justice a défendu la réforme devant les députés.")
    assert ("SUPPORT", "051") in codes(events)


def test_defending_oneself_of_a_charge_is_no_endorsement(pipeline):
    events = code(pipeline, "Le maire s'est défendu de toute sympathie pour les casseurs.")
    assert not [e for e in events if e.event_type == "SUPPORT"]


def test_promise_with_a_that_clause_is_a_pledge(pipeline):
    events = code(pipeline, "Le gouvernement promet que les retraites seront revalorisées.")
    assert "AGREE" in {e.event_type for e in events}


def test_a_trial_opening_is_the_charge(pipeline):
    events = code(pipeline, "Le procès s'est ouvert lundi à Paris.")
    assert ("ACCUSE", "112") in codes(events)


def test_trade_union_organisations_are_labour(pipeline):
    events = code(pipeline, "Trois organisations syndicales vont rencontrer le ministre de l'Intérieur.")
    assert ("AGREE", "LAB", "GOV") in parties(events)


def test_charge_hung_on_the_accused_has_the_accused_as_author(pipeline):
    # the parser hangs "de meurtres" on the object of "accuse": the accused is the author of the crime noun
    events = code(pipeline, "Amnesty International accuse les mercenaires russes de meurtres sur des civils.")
    assert ("ASSAULT", "RUS") in {(e.event_type, e.actor[0].code if e.actor else None) for e in events}


def test_relative_clause_hung_on_the_antecedents_participle_has_the_antecedent_as_subject(pipeline):
    # "qui dénonce" hangs on the participle "élue" that describes the person: the person denounces
    events = code(pipeline, "Dernière victime, Sophie Martin, élue dans l'Aube, qui dénonce cette dérive.")
    assert [e for e in events if e.event_type == "ACCUSE" and e.actor]
