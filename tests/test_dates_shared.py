"""Benchmarks of newsevents.dates on the shared data (../shared next to the repository): the Recognizers-Text
French date specs and the dev gold event dates. The measuring code is scripts/eval_dates.py; these tests run it
and fail when accuracy drops below the level measured when the module was written (a regression guard)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from newsevents.dates import DateResolver
from newsevents.langdata import load_language

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not SHARED.is_dir(), reason=f"shared data folder not found at {SHARED}"),
]


@pytest.fixture(scope="module")
def evaluation():
    spec = importlib.util.spec_from_file_location("eval_dates", REPO / "scripts" / "eval_dates.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def resolver() -> DateResolver:
    return DateResolver(load_language("fr"))


def test_recognizers_french_specs(evaluation, resolver, record_property):
    specs = SHARED / evaluation.SPEC_DIR
    if not specs.is_dir():
        pytest.skip(f"Recognizers-Text specs not found at {specs}")
    counts = evaluation.recognizers_accuracy(resolver, SHARED)
    record_property("recognizers", counts)
    print(f"\nRecognizers-Text French date specs: {counts}")
    assert counts["total"] >= 150          # the cases we model: days, months, years, weeks, day/month/year ranges
    assert counts["correct"] / counts["total"] >= 0.40
    assert counts["correct"] / counts["found"] >= 0.60


def test_dev_gold_event_dates(evaluation, resolver, record_property):
    counts = evaluation.dev_accuracy(resolver, SHARED)
    if not counts["events"]:
        pytest.skip("no dev gold records with event dates under shared/eval/dev")
    record_property("dev", counts)
    print(f"\ndev gold event dates: {counts}")
    # nearest expression in the event's sentence, else the publication date, beats the publication date alone
    assert counts["sentence_ok"] / counts["events"] >= 0.84
    assert counts["sentence_ok"] > counts["publication_ok"]
    assert counts["differs_sentence_ok"] >= 28
