"""Precision rules on hand-built parses (no model): parser attachments the real model produces on some
sentences and that the made-up sentences of test_coder_precision.py do not reliably reproduce."""
from __future__ import annotations

import pytest
from test_coder_rules import NoDates, NoPlaces, StubActors, code

from newsevents.coder import EventCoder
from newsevents.langdata import load_language


@pytest.fixture(scope="module")
def coder():
    """The coder with the stand-in actor resolver of test_coder_rules (no model)."""
    return EventCoder(load_language("fr"), None, actors=StubActors(), dates=NoDates(), places=NoPlaces())


PART_PRES = "VerbForm=Part|Tense=Pres"


def _toll(head_of_participle):
    # Moscou a bombardé Kiev , tuant dix civils , a indiqué Paris .
    return [("Moscou", "Moscou", "PROPN", "nsubj", 2, ""), ("a", "avoir", "AUX", "aux:tense", 2, ""),
            ("bombardé", "bombarder", "VERB", "advcl", 10, "VerbForm=Part"), ("Kiev", "Kiev", "PROPN", "obj", 2, ""),
            (",", ",", "PUNCT", "punct", 10, ""), ("tuant", "tuer", "VERB", "advcl", head_of_participle, PART_PRES),
            ("dix", "dix", "NUM", "nummod", 7, ""), ("civils", "civil", "NOUN", "obj", 5, ""),
            (",", ",", "PUNCT", "punct", 10, ""), ("a", "avoir", "AUX", "aux:tense", 10, ""),
            ("indiqué", "indiquer", "VERB", "ROOT", 10, "VerbForm=Part"), ("Paris", "Paris", "PROPN", "nsubj", 10, ""),
            (".", ".", "PUNCT", "punct", 10, "")]


def test_toll_participle_hung_on_the_reporting_verb_is_the_reported_attack(coder):
    assert [e.event_type for e in code(coder, _toll(10))] == ["ASSAULT"]


def test_toll_participle_under_its_attack_is_the_same_attack(coder):
    assert [e.event_type for e in code(coder, _toll(2))] == ["ASSAULT"]


def test_participle_of_another_type_under_the_reporting_verb_stays_an_event(coder):
    rows = _toll(10)
    rows[5] = ("saluant", "saluer", "VERB", "advcl", 10, PART_PRES)
    rows[7] = ("Berlin", "Berlin", "PROPN", "obj", 5, "")
    assert sorted(e.event_type for e in code(coder, rows)) == ["ASSAULT", "SUPPORT"]

