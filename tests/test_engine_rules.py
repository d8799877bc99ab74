"""The rule registry and the trace of the engine (newsevents.engine), on hand-built parses: no model needed.

Sentences are made up; parses are written by hand as in tests/test_coder_rules.py, whose stand-in resolvers
these tests reuse.
"""
from __future__ import annotations

import re

import pytest
from test_coder_rules import NoDates, NoPlaces, StubActors, parse

from newsevents.coder import EventCoder
from newsevents.engine.rulebook import REGISTRY
from newsevents.engine.rules import STAGES, Registry
from newsevents.engine.sentence import match_triggers
from newsevents.engine.trace import Trace
from newsevents.langdata import load_language
from newsevents.records import Article

# Berlin refuse de condamner Moscou .
REFUSAL = [("Berlin", "Berlin", "PROPN", "nsubj", 1, ""), ("refuse", "refuser", "VERB", "ROOT", 1, ""),
           ("de", "de", "ADP", "mark", 3, ""), ("condamner", "condamner", "VERB", "xcomp", 1, ""),
           ("Moscou", "Moscou", "PROPN", "obj", 3, ""), (".", ".", "PUNCT", "punct", 1, "")]
# Paris exige le retrait de la Russie .
DEMAND = [("Paris", "Paris", "PROPN", "nsubj", 1, ""), ("exige", "exiger", "VERB", "ROOT", 1, ""),
          ("le", "le", "DET", "det", 3, ""), ("retrait", "retrait", "NOUN", "obj", 1, ""),
          ("de", "de", "ADP", "case", 6, ""), ("la", "le", "DET", "det", 6, ""),
          ("Russie", "Russie", "PROPN", "nmod", 3, ""), (".", ".", "PUNCT", "punct", 1, "")]


@pytest.fixture()
def coder():
    return EventCoder(load_language("fr"), None, actors=StubActors(), dates=NoDates(), places=NoPlaces())


def run(coder, rows, trace=None):
    doc = parse(rows)
    return coder.code(Article("t", doc.text, "2024-03-10"), [(0, doc)], trace=trace)


def test_every_rule_is_named_once_with_an_example():
    names = [rule.name for rule in REGISTRY]
    assert len(names) == len(set(names)) == len(REGISTRY)
    for rule in REGISTRY:
        assert re.fullmatch(r"[a-z_]+", rule.name), rule.name
        assert rule.stage in STAGES
        assert "\"" in rule.doc, f"rule {rule.name} has no example sentence in its docstring"


def test_stage_order_is_data():
    suppression = [r.name for r in REGISTRY.stage("suppression")]
    assert suppression[:2] == ["background_participle", "purpose_clause"]
    roles = [r.name for r in REGISTRY.stage("roles")]
    assert roles.index("participants") < roles.index("demanded_of") < roles.index("no_participants")


def test_registry_rejects_unknown_stage_kind_and_duplicates():
    registry = Registry()
    registry.add("roles", "drop", "x", lambda *a: False)
    with pytest.raises(ValueError, match="twice"):
        registry.add("roles", "drop", "x", lambda *a: False)
    with pytest.raises(ValueError, match="unknown stage"):
        registry.add("nowhere", "drop", "y", lambda *a: False)
    with pytest.raises(ValueError, match="unknown kind"):
        registry.add("roles", "maybe", "z", lambda *a: False)
    with pytest.raises(KeyError, match="no rule named 'w'"):
        registry.get("w")


def test_trace_names_the_rule_that_dropped_a_candidate(coder):
    trace = Trace()
    events = run(coder, REFUSAL, trace)
    [sentence] = trace.sentences
    by_text = {c.text: c for c in sentence.candidates.values()}
    assert by_text["refuse"].dropped_by == "refused_act"
    assert by_text["condamner"].dropped_by is None
    assert [e.id for e in events] == sentence.events
    assert [e.modality for e in events] == ["negated"]


def test_trace_records_absorption_and_fallbacks(coder):
    trace = Trace()
    run(coder, DEMAND, trace)
    by_text = {c.text: c for c in trace.sentences[0].candidates.values()}
    assert by_text["retrait"].dropped_by == "absorbed"
    assert "demanded_doer" in [s.rule for s in by_text["exige"].steps if s.effect == "fired"]


def test_no_trace_gives_the_same_events(coder):
    assert [e.id for e in run(coder, DEMAND)] == [e.id for e in run(coder, DEMAND, Trace())]


def test_a_stage_inserted_after_matching_can_veto_candidates(coder):
    def veto_verbs(coder, state):
        state.triggers = [t for t in state.triggers if t.is_noun]

    assert coder.candidate_stages[0] is match_triggers
    assert run(coder, REFUSAL)
    coder.candidate_stages.insert(1, veto_verbs)
    assert run(coder, REFUSAL) == []
