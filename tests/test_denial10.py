"""Session 10: a verb of denial with an infinitive or completive complement denies the embedded act, coded
``negated`` (rule ``denied_act`` of :meth:`~newsevents.engine.modality.Modality._denied`; cue list
``denial_verbs``).

Made-up sentences, real spaCy models."""
from __future__ import annotations

import pytest

from coding import code

pytestmark = pytest.mark.model


def _modalities(events, event_type="ASSAULT"):
    return {e.modality for e in events if e.event_type == event_type}


def test_french_denial_with_an_infinitive_negates_the_attack(pipeline):
    events = code(pipeline, "Moscou a démenti mardi avoir bombardé un hôpital à Kharkiv.")
    assert _modalities(events) == {"negated"}


def test_french_denial_with_a_que_clause_negates_the_attack(pipeline):
    events = code(pipeline, "La Russie a démenti que ses soldats aient bombardé un hôpital.")
    assert _modalities(events) == {"negated"}


def test_a_negated_denial_does_not_negate(pipeline):
    events = code(pipeline, "Moscou n'a pas démenti avoir bombardé un hôpital.")
    assert _modalities(events) == {"asserted"}


def test_english_denial_negates_the_attack(english_pipeline):
    events = code(english_pipeline, "Russia denied bombing a hospital in Kharkiv.")
    assert _modalities(events) == {"negated"}


def test_spanish_denial_negates_the_attack(spanish_pipeline):
    events = code(spanish_pipeline, "Rusia negó haber bombardeado un hospital en Járkov.")
    assert _modalities(events) == {"negated"}
