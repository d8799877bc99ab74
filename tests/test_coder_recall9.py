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
