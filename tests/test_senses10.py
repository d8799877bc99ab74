"""Session 10 senses: the complement a frame needs, hung by the parser on the frame's pattern object, counts
(rule ``complement_on_object`` of :meth:`~newsevents.engine.frames_match.FrameMatching._complement_on_object`);
English "retaliate" is an attack, so a vow to retaliate is a threat (rule ``promised_harm``).

Made-up sentences, real spaCy models."""
from __future__ import annotations

import pytest

from coding import code

pytestmark = pytest.mark.model


def _codes(events):
    return {(e.event_type, e.cameo_code) for e in events}


def test_missiles_fired_on_a_town_are_an_attack(pipeline):
    events = code(pipeline, "L'armée russe aurait tiré plusieurs missiles sur la ville.")
    assert _codes(events) == {("ASSAULT", "195")}


def test_missiles_fired_with_no_target_stay_a_show_of_force(pipeline):
    events = code(pipeline, "La Corée du Nord a tiré deux missiles balistiques.")
    assert ("ASSAULT", "195") not in _codes(events)


def test_a_vow_to_retaliate_is_a_threat(english_pipeline):
    events = code(english_pipeline, "Mali's junta vowed to retaliate.")
    assert _codes(events) == {("THREATEN", "138")}


def test_retaliating_against_a_group_is_an_attack(english_pipeline):
    events = code(english_pipeline, "Israel retaliated against Hezbollah.")
    assert ("ASSAULT", "190") in _codes(events)
