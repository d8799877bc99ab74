"""Subjects shared with the clause a verb depends on (issue 9, item 6), with the real spaCy model on made-up
French sentences. Each expectation is what a human coder following eval/ANNOTATION.md would write."""
from __future__ import annotations

import pytest

from coding import code

pytestmark = pytest.mark.model


def test_gerund_hung_on_a_noun_shares_the_subject_of_the_clause(pipeline):
    # the parser hangs "en accusant" on "erreur"; a gerund's subject is still that of its clause
    events = code(pipeline, "Le président français a tenté de se justifier après une erreur en accusant les "
                            "services américains.")
    assert [(e.actor[0].code, e.recipient[0].code) for e in events if e.event_type == "ACCUSE"] == [("FRA", "USA")]


def test_subject_hung_on_a_fronted_place_as_its_apposition(pipeline):
    # the parser makes "Pierre Dubois" an apposition of "Belgique": he is the one who denounces
    events = code(pipeline, "En Belgique, Pierre Dubois, ministre de l'intérieur, a dénoncé les violences contre "
                            "la police.")
    found = [(e.actor[0].code, e.actor[0].entity_text) for e in events if e.event_type == "ACCUSE" and e.actor]
    assert found == [("BEL", "Pierre Dubois")], events
