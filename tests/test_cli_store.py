"""CLI commands over the store: ingest, events, export, evaluate, demo. Each test invokes the command and checks
the result through the Python API (Store, pyarrow, evaluate.score)."""
from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from newsevents import cli
from newsevents.evaluate import score, summary
from newsevents.records import Article, DocumentResult
from newsevents.store import EventFilter, Store
from store_samples import sample_results


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "events.duckdb"
    with Store(path) as s:
        s.ingest(sample_results())
    return str(path)


def run(*args, **kw):
    result = CliRunner().invoke(cli.main, [str(a) for a in args], catch_exceptions=False, **kw)
    return result


def test_events_jsonl_with_filters(db):
    result = run("events", "--db", db, "--actor", "RUS", "--format", "jsonl")
    assert result.exit_code == 0
    printed = [json.loads(line) for line in result.stdout.splitlines()]
    with Store(db, read_only=True) as s:
        assert printed == s.query_events(EventFilter(actor="RUS"), order="-date")  # the web's order
    assert [e["event_type"] for e in printed] == ["CONSULT", "AID"]


@pytest.mark.parametrize("args, expected", [
    (["--actor", "RUSGOV"], ["CONSULT"]),
    (["--recipient", "RUS"], ["ACCUSE"]),
    (["--type", "sanction"], ["SANCTION"]),
    (["--cameo", "1"], ["REQUEST", "SANCTION", "ACCUSE"]),
    (["--modality", "alleged"], ["AID"]),
    (["--since", "2024-03-02", "--until", "2024-03-03"], ["REQUEST", "SANCTION"]),
    (["--source", "kcna"], ["AID"]),
    (["--quad-class", "4"], ["SANCTION"]),
    (["--limit", "2", "--order", "-goldstein"], ["AID", "REQUEST"]),
])
def test_events_filters(db, args, expected):
    result = run("events", "--db", db, "--format", "jsonl", *args)
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["event_type"] for line in result.stdout.splitlines()] == expected


def test_events_table(db):
    result = run("events", "--db", db)
    assert result.exit_code == 0
    assert "FRAGOV+DEUGOV -> RUSMIL" in result.stdout
    assert "5 of 5 matching events" in result.stderr


def test_events_clean_errors(db, tmp_path):
    result = run("events", "--db", db, "--since", "mardi")  # a usage error naming the option (issue 11)
    assert result.exit_code == 2 and "'--since'" in result.stderr and "Traceback" not in result.output
    result = run("events", "--db", tmp_path / "missing.duckdb")
    assert result.exit_code == 1 and "no event database" in result.stderr
    result = run("events", "--db", db, "--modality", "maybe")
    assert result.exit_code == 2


@pytest.mark.parametrize("name, content", [("stories.jsonl", '{"id": "a", "text": "t"}\n'),
                                           ("events.csv", "doc_id,event_type\na,CONSULT\n"),
                                           ("notes.duckdb", "not a database\n")])
def test_db_that_is_not_a_duckdb_file_is_refused_in_one_line(tmp_path, monkeypatch, name, content):
    """--db naming an input or export file (DuckDB would open a JSONL or CSV file as an in-memory view: ingest
    stored nothing and ended in a traceback) is an error naming the file, and the file is left as it was."""
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    monkeypatch.setattr(cli, "run_pipeline", fake_pipeline(sample_results()))
    for args in (["events"], ["export", "--format", "csv", "--output", "-"], ["ingest", "in.jsonl"],
                 ["explain", "--id", "a"]):
        result = run(*args, "--db", path)
        assert result.exit_code == 1, (args, result.output)
        assert f"{path}: the file is not a DuckDB database" in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.output and path.read_text(encoding="utf-8") == content


@pytest.mark.parametrize("command", [["events"], ["events", "--clusters"], ["events", "--format", "jsonl"],
                                     ["export", "--format", "jsonl", "--output", "-"]])
def test_a_doc_filter_naming_no_stored_document_says_so(db, command):
    """`events --doc typo` printed "0 of 0 matching events", as for a stored document without events."""
    result = run(*command, "--db", db, "--doc", "no-such-doc")
    assert result.exit_code == 0 and "note: no document 'no-such-doc' in the event database" in result.stderr
    with Store(db, read_only=True) as s:
        doc_id = s.query_events(EventFilter(), limit=1)[0]["doc_id"]
    assert "no document" not in run(*command, "--db", db, "--doc", doc_id).stderr


def test_export_parquet(db, tmp_path):
    out = tmp_path / "out.parquet"
    result = run("export", "--db", db, "--format", "parquet", "--output", out, "--actor", "*GOV")
    assert result.exit_code == 0 and "4 events written" in result.stderr
    table = pq.read_table(out)
    assert sorted(table.column("event_type").to_pylist()) == ["ACCUSE", "CONSULT", "REQUEST", "SANCTION"]


def test_export_gdelt_carries_document_url(db, tmp_path):
    out = tmp_path / "out.tsv"
    assert run("export", "--db", db, "--format", "gdelt", "-o", out, "--doc", "b").exit_code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    rows = [dict(zip(header, line.split("\t"))) for line in lines[1:]]
    assert len(rows) == 3 and {r["SOURCEURL"] for r in rows} == {"https://example.org/b"}


def test_export_jsonl_to_stdout_round_trips(db):
    result = run("export", "--db", db, "-o", "-")
    with Store(db, read_only=True) as s:
        expected = list(s.iter_events(documents=True))
    assert [json.loads(line) for line in result.stdout.splitlines()] == expected


def test_export_parquet_to_stdout_is_refused(db):
    result = run("export", "--db", db, "--format", "parquet", "-o", "-")
    assert result.exit_code == 1 and "parquet" in result.stderr


def test_export_needs_output(db):
    assert run("export", "--db", db).exit_code == 2


def fake_pipeline(results):
    def run_pipeline(inputs, lang, published, summary, **options):
        for r in results:
            summary.add(r)
            yield r
    return run_pipeline


def test_ingest_stores_and_reports(db, tmp_path, monkeypatch):
    new_db = tmp_path / "new.duckdb"
    monkeypatch.setattr(cli, "run_pipeline", fake_pipeline(sample_results()))
    result = run("ingest", "whatever.jsonl", "--db", new_db)
    assert result.exit_code == 0, result.output
    assert "stored 3 documents (3 ok, 0 skipped, 0 error; 0 rejected), 5 events" in result.stderr
    with Store(new_db, read_only=True) as s:
        assert s.stats()["events"] == 5


def test_ingest_exit_status_on_failed_documents(tmp_path, monkeypatch):
    failed = DocumentResult(Article("x", "texte", "2024-01-01"), status="error", error="boom")
    rejected = DocumentResult(Article("y", "texte", "2024-99-01"))
    monkeypatch.setattr(cli, "run_pipeline", fake_pipeline(sample_results() + [failed, rejected]))
    result = run("ingest", "in.jsonl", "--db", tmp_path / "x.duckdb")
    assert result.exit_code == 1
    assert "y: not stored" in result.stderr and "x: boom" in result.stderr
    with Store(tmp_path / "x.duckdb", read_only=True) as s:
        assert s.get_document("x")["status"] == "error" and s.get_document("y") is None


def test_evaluate_with_system_file(tmp_path):
    gold = [{"id": "r", "text": "t", "events": [{"plover": "CONSULT", "source": "RUSGOV", "target": "PRK"},
                                               {"plover": "ACCUSE", "source": "FRA", "target": "RUS"}]}]
    system = [{"doc_id": "r", "event_type": "CONSULT", "cameo_code": "040",
               "actor": [{"code": "RUS", "sector": "MIL"}], "recipient": [{"code": "PRK", "sector": ""}]}]
    (tmp_path / "gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    (tmp_path / "sys.jsonl").write_text("".join(json.dumps(e) + "\n" for e in system), encoding="utf-8")
    result = run("evaluate", tmp_path / "gold.jsonl", "--system", tmp_path / "sys.jsonl", "--json")
    assert result.exit_code == 0
    printed = json.loads(result.stdout)
    assert printed == json.loads(json.dumps(summary(score(gold, system))))
    assert printed["dyad"]["precision"] == 1.0 and printed["dyad"]["recall"] == 0.5
    assert printed["full"]["tp"] == 0  # RUSMIL vs gold RUSGOV
    detail = run("evaluate", tmp_path / "gold.jsonl", "--system", tmp_path / "sys.jsonl", "--detail")
    assert "CONSULT" in detail.stdout and "ACCUSE" in detail.stdout


def test_evaluate_bad_gold_line(tmp_path):
    (tmp_path / "gold.jsonl").write_text("{not json}\n", encoding="utf-8")
    (tmp_path / "sys.jsonl").write_text("", encoding="utf-8")
    result = run("evaluate", tmp_path / "gold.jsonl", "--system", tmp_path / "sys.jsonl")
    assert result.exit_code == 1 and "gold.jsonl:1" in result.stderr


@pytest.mark.parametrize("system, says", [
    ([{"id": "r", "text": "t", "events": [{"plover": "CONSULT"}]}], "it looks like a gold set"),
    ([{"id": "r", "text": "t", "date": "2024-01-01"}], "it looks like input documents"),
])
def test_evaluate_refuses_a_system_file_without_events(tmp_path, system, says):
    """A gold set or the input articles given as --system scored zero everywhere without a word."""
    gold = [{"id": "r", "text": "t", "events": [{"plover": "CONSULT", "source": "RUSGOV", "target": "PRK"}]}]
    (tmp_path / "gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    (tmp_path / "sys.jsonl").write_text("".join(json.dumps(e) + "\n" for e in system), encoding="utf-8")
    result = run("evaluate", tmp_path / "gold.jsonl", "--system", tmp_path / "sys.jsonl")
    assert result.exit_code == 1 and "sys.jsonl: no record is an event" in result.stderr and says in result.stderr
    (tmp_path / "empty.jsonl").write_text("", encoding="utf-8")  # no events at all is a system output
    assert run("evaluate", tmp_path / "gold.jsonl", "--system", tmp_path / "empty.jsonl").exit_code == 0


def test_evaluate_names_a_file_that_is_not_text(tmp_path):
    (tmp_path / "gold.bin").write_bytes(b"\x00\x01\xa3\xff" * 10)
    result = run("evaluate", tmp_path / "gold.bin")
    assert result.exit_code == 1 and "gold.bin: not UTF-8 text" in result.stderr


class FakePipeline:
    """Stands in for Pipeline in the demo test: returns hand-coded results for the sample's id."""

    def __init__(self, lang, **kw):
        self.lang = lang

    def process(self, articles):
        for article in articles:
            events = sample_results()[0].events
            yield DocumentResult(article, tuple(e.__class__(**{**{f: getattr(e, f) for f in e.__slots__},
                                                               "doc_id": article.id, "id": ""})
                                                for e in events))


def test_demo_stores_and_prints(tmp_path, monkeypatch):
    import newsevents.pipeline

    monkeypatch.setattr(newsevents.pipeline, "Pipeline", FakePipeline)
    path = tmp_path / "demo.duckdb"
    result = run("demo", "--db", path)
    assert result.exit_code == 0, result.output
    assert "2 events (1 CONSULT, 1 AID)" in result.stdout
    assert "RUSGOV -> PRKGOV" in result.stdout and "alleged" in result.stdout
    with Store(path, read_only=True) as s:
        doc = s.get_document("demo-ghana-visite-2024-03-08")
        assert doc["published"] == "2024-03-08" and doc["n_events"] == 2
        assert "aurait livré" in doc["text"]


@pytest.mark.parametrize("args", [["--offset", 2**63], ["--clusters", "--offset", 2**63], ["--limit", 2**63],
                                  ["--min-sources", 2**63], ["--offset", 2**62 + 1]])
def test_events_out_of_range_numbers_exit_2_in_one_line(db, args):
    result = CliRunner().invoke(cli.main, ["events", "--db", db, *map(str, args)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)
    assert "is not in the range" in result.stderr and str(2**62) in result.stderr


def test_events_largest_offset_is_accepted(db):
    result = run("events", "--db", db, "--offset", 2**62, "--format", "jsonl")
    assert result.exit_code == 0 and result.stdout == ""
