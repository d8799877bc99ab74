"""The README's sample event record and English demo table are the pipeline's real output (scripts/readme_sample.py
writes them)."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _script():
    spec = importlib.util.spec_from_file_location("readme_sample", ROOT / "scripts" / "readme_sample.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_format_round_trips():
    script = _script()
    record = json.loads(script.readme_block())
    assert script.format_record(record) == script.readme_block()


@pytest.mark.model
def test_readme_record_is_the_pipelines_output(pipeline):
    script = _script()
    expected = script.format_record(script.sample_record(pipeline))
    assert script.readme_block() == expected, "README.md's sample record drifted: run python scripts/readme_sample.py"


@pytest.mark.model
def test_readme_english_table_is_the_pipelines_output():
    from newsevents.pipeline import Pipeline

    script = _script()
    try:
        english = Pipeline("en", force_lang=True)
    except OSError as exc:
        pytest.skip(f"the English model is not installed: {exc}")
    assert script.readme_table() == script.english_table(english), \
        "README.md's English demo table drifted: run python scripts/readme_sample.py"
