"""End-to-end CLI runs with the real French pipeline (spaCy model): ingest, demo, evaluate without --system.
The model is the session fixture ``nlp``; Pipeline is patched to reuse it instead of loading it again."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsevents import cli
from newsevents.evaluate import score, summary
from newsevents.store import Store

pytestmark = pytest.mark.model

TEXTS = {
    "visite": "Le président français a rencontré mardi le chancelier allemand à Berlin.",
    "vide": "   ",
}


def run(*args):
    return CliRunner().invoke(cli.main, [str(a) for a in args], catch_exceptions=False)


def test_ingest_text_files(shared_model, tmp_path):
    for name, text in TEXTS.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "events.duckdb"
    result = run("ingest", tmp_path / "visite.txt", tmp_path / "vide.txt", "--db", db, "--published", "2024-05-02",
                 "--lang", "fr")
    assert result.exit_code == 0, result.output
    assert "stored 2 documents (1 ok, 1 skipped, 0 error" in result.stderr
    with Store(db, read_only=True) as s:
        doc = s.get_document("visite")
        assert doc["status"] == "ok" and doc["published"] == "2024-05-02"
        assert doc["text"] == TEXTS["visite"]
        assert s.get_document("vide")["status"] == "skipped"
        for event in doc["events"]:  # whatever the coder found, its evidence points into the stored text
            start, end = event["event_span"]
            assert doc["text"][start:end] == event["event_text"]
    again = run("ingest", tmp_path / "visite.txt", "--db", db, "--published", "2024-05-02", "--lang", "fr")
    assert again.exit_code == 0
    with Store(db, read_only=True) as s:
        assert s.stats()["documents"] == 2 and s.count_events() == len(doc["events"])


def test_demo(shared_model, tmp_path):
    db = tmp_path / "demo.duckdb"
    result = run("demo", "--db", db)
    assert result.exit_code == 0, result.output
    with Store(db, read_only=True) as s:
        doc = s.get_document("demo-ghana-visite-2024-03-08")
        assert doc["status"] == "ok" and doc["n_events"] == len(doc["events"]) >= 1
    assert f"{doc['n_events']} events (" in result.stdout
    for event in doc["events"]:
        assert event["event_type"] in result.stdout


def test_evaluate_runs_the_pipeline_on_the_gold(shared_model, tmp_path):
    gold = [{"id": "g1", "lang": "fr", "date": "2024-05-02", "text": TEXTS["visite"],
             "events": [{"plover": "CONSULT", "cameo": "042", "source": "FRAGOV", "target": "DEUGOV"}]},
            {"id": "g2", "lang": "fr", "date": "2024-05-02", "evaluate": "false", "text": "Phrase ignorée.",
             "events": []}]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold), encoding="utf-8")
    saved = tmp_path / "system.jsonl"
    result = run("evaluate", path, "--json", "--save-system", saved)
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    system = [json.loads(line) for line in saved.read_text(encoding="utf-8").splitlines()]
    assert {e["doc_id"] for e in system} <= {"g1"}
    assert printed == json.loads(json.dumps(summary(score(gold, system))))
    assert printed["records"] == 1 and printed["type"]["gold"] == 1
