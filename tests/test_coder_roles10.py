"""French roles (session 10): who imposes a prison term; made-up sentences with the real spaCy model,
expectations following eval/ANNOTATION.md."""
from __future__ import annotations

import pytest

from coding import code

pytestmark = pytest.mark.model


def _dyads(events, cameo):
    return {(e.actor[0].code, e.recipient[0].code) for e in events if e.cameo_code == cameo
            and e.actor and e.recipient}


def test_the_prison_term_is_imposed_by_the_convicting_court(pipeline):
    # rule sentencing_actor: the court named as the conviction's agent, not a court of the convicted's country
    events = code(pipeline, "Le procès a ravivé le débat au Liberia. L'ancien chef rebelle libérien a été condamné "
                            "à la réclusion par la cour d'assises de Paris.")
    assert ("FRA", "LBR") in _dyads(events, "173")
    assert ("LBR", "LBR") not in _dyads(events, "173")


def test_the_prison_term_takes_the_convictions_implied_court(pipeline):
    # "condamné vendredi à Paris": the conviction's place gives its court (FRA JUD), and the prison term's
    events = code(pipeline, "Le militant syrien a été condamné vendredi à Paris à dix ans de prison.")
    assert {(e.actor[0].code, e.actor[0].sector) for e in events if e.cameo_code == "173"} == {("FRA", "JUD")}


def test_a_complaint_about_a_deportation_does_not_make_its_author(pipeline):
    # only a conviction or coercion verb passes its actor to the coercion noun it governs
    events = code(pipeline, "Un collectif français saisit la justice à propos de la déportation en Russie "
                            "d'enfants ukrainiens.")
    assert not [e for e in events if "déportation" in e.event_text and e.actor and e.actor[0].code == "FRA"]
