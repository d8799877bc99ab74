"""Session 6 precision rules on the real model (rules alone): the charge of an accusation or a conviction is no
reaction topic (``reaction_topic``, cue list ``charge_preps``), and aid or cooperation needs a recipient
(``recipientless_aid``) unless a dative complement names one the roles could not code. Made-up sentences."""
from __future__ import annotations

import pytest

from newsevents.records import Article

pytestmark = pytest.mark.model


def _code(pipeline, text: str):
    result, trace = pipeline.trace(Article("prec6", text, "2024-03-14"))
    rules = {(cand.text, step.rule) for sent in trace.sentences for cand in sent.candidates.values()
             for step in cand.steps if step.effect == "dropped"}
    return [(e.event_type, e.cameo_code) for e in result.events], rules


def test_prison_term_of_a_conviction_is_coded_as_well(pipeline):
    # ANNOTATION.md adjudication: a conviction is SANCTION 116, with a prison term imposed also COERCE 173
    events, rules = _code(pipeline, "L'ancien chef rebelle a été condamné à la réclusion à perpétuité par la cour "
                                    "d'assises de Paris.")
    assert ("COERCE", "173") in events and ("SANCTION", "116") in events
    assert ("réclusion", "reaction_topic") not in rules


def test_charge_of_an_accusation_is_not_a_reaction_topic(pipeline):
    _, rules = _code(pipeline, "Paris accuse la milice d'exactions contre les civils.")
    assert ("exactions", "reaction_topic") not in rules


def test_condemned_attack_is_still_a_reaction_topic(pipeline):
    events, rules = _code(pipeline, "Le Brésil a condamné l'attaque russe.")
    assert ("attaque", "reaction_topic") in rules
    assert [t for t, _ in events] == ["ACCUSE"]


def test_aid_to_a_party_the_roles_do_not_code_stays(pipeline):
    events, rules = _code(pipeline, "Des médecins suisses ont remis des médicaments au Croissant-Rouge.")
    assert ("AID", "070") in events
    assert not any(rule == "recipientless_aid" for _, rule in rules)


def test_aid_to_nobody_is_dropped(pipeline):
    events, rules = _code(pipeline, "Le juge a condamné la banque à verser 36 millions de dollars.")
    assert ("verser", "recipientless_aid") in rules
    assert all(t != "AID" for t, _ in events)
