"""scripts/recall_causes.py: the cause given to a missed gold event, on hand-made spans (no model)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def causes():
    sys.path.insert(0, str(ROOT / "scripts"))
    spec = importlib.util.spec_from_file_location("recall_causes", ROOT / "scripts" / "recall_causes.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["recall_causes"] = module
    spec.loader.exec_module(module)
    return module


def test_an_event_of_the_type_on_the_trigger_is_found(causes):
    assert causes.cause("ASSAULT", (10, 16), [({"ASSAULT"}, (3, 16))], []) is None
    assert causes.cause("ASSAULT", (10, 16), [({"ASSAULT"}, (20, 26))], []) == "no_candidate"


def test_a_dropped_candidate_of_the_type_names_its_rule(causes):
    cands = [({"ACCUSE"}, (10, 16), None), ({"ASSAULT"}, (10, 16), "no_participants")]
    assert causes.cause("ASSAULT", (10, 16), [], cands) == "dropped:no_participants"
    assert causes.cause("PROTEST", (10, 16), [], cands) == "wrong_type"
    assert causes.cause("ACCUSE", (10, 16), [], cands) == "kept_not_event"
    assert causes.cause("ACCUSE", None, [], cands) == "no_trigger"


def test_lexicon_status(causes):
    types = {"attaque": {"ASSAULT"}, "rencontrer": {"CONSULT"}}
    assert causes.lexicon_status(["attaque"], "ASSAULT", types) == "known"
    assert causes.lexicon_status(["rencontrer"], "AGREE", types) == "recoded"
    assert causes.lexicon_status(["attaque"], "PROTEST", types) == "other"
    assert causes.lexicon_status(["acte"], "PROTEST", types) == "unknown"
