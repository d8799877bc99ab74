"""The command line as an analyst uses it: country names for --actor, the default order shared with the web
explorer, the mode column of the table, an ingest that reads nothing creating no database, and a documents/s
rate that leaves model loading out. Checked through the Python API where a result is stored."""
from __future__ import annotations

import json
import time

import pytest
from click.testing import CliRunner

from newsevents import cli
from newsevents.store import EventFilter, Store
from store_samples import sample_results


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "events.duckdb"
    with Store(path) as s:
        s.ingest(sample_results())
    return str(path)


def run(*args):
    return CliRunner().invoke(cli.main, [str(a) for a in args], catch_exceptions=False)


@pytest.mark.parametrize("typed, code", [("France", "FRA"), ("russie", "RUS"), ("Russia", "RUS"),
                                         ("Russie GOV", "RUSGOV")])
def test_actor_accepts_a_country_name(db, typed, code):
    result = run("events", "--db", db, "--actor", typed, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    with Store(db, read_only=True) as s:
        expected = [e["id"] for e in s.query_events(EventFilter(actor=code), order="-date")]
    assert expected and [json.loads(line)["id"] for line in result.stdout.splitlines()] == expected
    assert f"read as {code}" in result.stderr


def test_unknown_actor_name_says_what_is_expected(db):
    result = run("events", "--db", db, "--recipient", "Frnace")
    assert result.exit_code == 2
    assert "FRA" in result.stderr and "did you mean France (FRA)" in result.stderr


def test_events_default_order_is_newest_first_like_the_web(db):
    from newsevents.web.app import create_app
    from fastapi.testclient import TestClient

    listed = [json.loads(line)["id"] for line in run("events", "--db", db, "--format", "jsonl").stdout.splitlines()]
    with Store(db, read_only=True) as s:
        web = TestClient(create_app(s)).get("/api/events").json()["events"]
    assert listed == [e["id"] for e in web]
    dates = [(e["date"] or {}).get("value") or e["published"] for e in web]
    assert dates[0] > dates[-1]


def test_table_has_a_mode_column(db, tmp_path):
    from newsevents.records import DocumentResult
    import dataclasses

    result = sample_results()[0]
    event = dataclasses.replace(result.events[0], mode="investigate")
    path = tmp_path / "mode.duckdb"
    with Store(path) as s:
        s.ingest([DocumentResult(result.article, (event,))])
    out = run("events", "--db", path).stdout.splitlines()
    header = out[0].split()
    assert header[:5] == ["document", "date", "type", "mode", "cameo"]
    row = out[2].split()
    assert row[2:4] == ["CONSULT", "investigate"]


def test_ingest_of_a_missing_file_creates_no_database(tmp_path):
    db = tmp_path / "new.duckdb"
    result = run("ingest", tmp_path / "absent.jsonl", "--db", db)
    assert result.exit_code == 1
    assert "absent.jsonl" in result.stderr and "not opened" in result.stderr
    assert not db.exists()


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "table"])
def test_extract_of_missing_inputs_leaves_an_earlier_output_file_alone(tmp_path, fmt):
    """A misspelt input used to empty the -o file of an earlier run (47 events -> 0) before saying so."""
    out = tmp_path / "results.out"
    out.write_text("earlier results\n", encoding="utf-8")
    result = run("extract", tmp_path / "stories.jsonX", tmp_path / "*.none", "--format", fmt, "-o", out)
    assert result.exit_code == 1
    assert "nothing to code: " in result.stderr and "stories.jsonX: no such file or directory" in result.stderr
    assert "no files match this pattern" in result.stderr and f"{out} was not written" in result.stderr
    assert out.read_text(encoding="utf-8") == "earlier results\n"
    assert not (tmp_path / "results.out.progress").exists()


def test_documents_per_second_leaves_model_loading_out(tmp_path, monkeypatch):
    import newsevents.pipeline

    class SlowToLoad:
        def __init__(self, *a, **kw):
            time.sleep(1.5)

        def process(self, articles):
            for a in articles:
                yield next(r for r in sample_results() if r.article.id == "a").__class__(a)

    monkeypatch.setattr(newsevents.pipeline, "Pipeline", SlowToLoad)
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": "Paris a reçu Rome.", "date": "2024-05-02"}) + "\n"
                           for i in range(20)), encoding="utf-8")
    began = time.perf_counter()
    result = run("ingest", src, "--db", tmp_path / "r.duckdb")
    total = time.perf_counter() - began  # the whole command, the 1.5 s of loading included
    assert result.exit_code == 0, result.output
    rate = float(result.stderr.split(" documents/s")[0].rsplit("(", 1)[1])
    # counted with the loading, the rate would be about 20 / total; without it, 20 / (total - 1.5) or more
    # (on a loaded machine too: both sides of the comparison slow down together)
    assert rate > 20 / (total - 0.75)
