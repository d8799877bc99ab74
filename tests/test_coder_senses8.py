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
