"""What a user sees from the command line: run summaries that agree with each other, each error printed once,
the note about missing publication dates, the ``published`` column of ``extract --format csv``, quiet exits
when the reader of standard output goes away, and event type validation.

The coding pipeline is replaced by :class:`FakePipeline` (one hand-made event per non-empty document), so
these tests need no spaCy model; the real input readers and the real store are used."""
from __future__ import annotations

import csv
import dataclasses
import io
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from newsevents import cli
from newsevents.codes import PLOVER_TYPES
from newsevents.records import DocumentResult, Entity, Event, EventDate
from newsevents.store import Store
from store_samples import sample_results

BAD_JSON = "{pas du json}"
BAD_DATE = "la semaine dernière"


class FakePipeline:
    """Stands in for newsevents.pipeline.Pipeline: an empty text is skipped, a text starting with "PANNE"
    fails, any other text gets one CONSULT event whose actor is its first word (FRA GOV)."""

    def __init__(self, lang="fr", **kw):
        self.lang = lang

    def process(self, articles):
        for article in articles:
            text = article.text
            if not text.strip():
                yield DocumentResult(article, status="skipped", notes=("empty document: no text to code",))
                continue
            if text.startswith("PANNE"):
                yield DocumentResult(article, status="error", error="le codeur est en panne")
                continue
            word = text.split()[0]
            start = text.index(word)
            span = (start, start + len(word))
            event = Event(doc_id=article.id, event_type="CONSULT", cameo_code="040", mode="", context="",
                          goldstein=1.0, quad_class=1, actor=(Entity("FRA", "GOV", word, span),), recipient=(),
                          modality="asserted", event_text=word, event_span=span, sentence=text,
                          sentence_span=(0, len(text)), lang="fr", date=EventDate(None, None, None, "unresolved"))
            yield DocumentResult(article, (event,))


@pytest.fixture
def fake(monkeypatch):
    import newsevents.pipeline

    monkeypatch.setattr(newsevents.pipeline, "Pipeline", FakePipeline)


@pytest.fixture
def inputs(tmp_path):
    """Two readable .txt files without a date, a JSONL file with two good records (one dated, one empty),
    a malformed line and a bad date, and a binary file: 7 inputs, 3 of them unreadable."""
    (tmp_path / "rencontre.txt").write_text("Paris a reçu hier le ministre belge.", encoding="utf-8")
    (tmp_path / "vide.txt").write_text("  \n", encoding="utf-8")
    lines = [json.dumps({"id": "j1", "text": "Berlin a rencontré Rome mardi.", "date": "2024-05-02"}),
             BAD_JSON,
             json.dumps({"id": "j2", "text": "Madrid a reçu Lisbonne.", "date": BAD_DATE}),
             json.dumps({"id": "j3", "text": "Londres a appelé Dublin.", "date": "2024-05-03"})]
    (tmp_path / "depeches.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\x00\x00\x01\x02\x00binary")
    return [tmp_path / n for n in ("rencontre.txt", "vide.txt", "depeches.jsonl", "image.txt")]


def run(*args, **kw):
    return CliRunner().invoke(cli.main, [str(a) for a in args], catch_exceptions=False, **kw)


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error:")]


# -- ingest and extract summaries ---------------------------------------------------------------------------

def test_ingest_summary_counts_input_errors_as_errors(fake, inputs, tmp_path):
    db = tmp_path / "events.duckdb"
    result = run("ingest", *inputs, "--db", db)
    assert result.exit_code == 1
    with Store(db, read_only=True) as s:
        stats = s.stats()
    assert stats["documents"] == 4 and stats["events"] == 3  # rencontre, vide (skipped), j1, j3
    lines = result.stderr.splitlines()
    assert f"stored 4 documents (3 ok, 1 skipped, 0 error; 0 rejected), 3 events in {db}" in result.stderr
    assert lines[-1] == "3 errors: 3 inputs could not be read (see the error lines above)"


def test_each_error_is_printed_once(fake, inputs, tmp_path):
    for args in (["ingest", *inputs, "--db", tmp_path / "e.duckdb"], ["extract", *inputs]):
        result = run(*args)
        errors = error_lines(result.stderr)
        assert len(errors) == 3, result.stderr
        assert len(set(errors)) == 3
        assert sum("image.txt" in e for e in errors) == 1
        assert sum("line 2" in e for e in errors) == 1
        assert sum(BAD_DATE in e for e in errors) == 1


def test_extract_summary_and_exit_status(fake, inputs):
    result = run("extract", *inputs)
    assert result.exit_code == 1
    assert "4 documents coded (3 ok, 1 skipped, 0 error), 3 events" in result.stderr
    assert result.stderr.splitlines()[-1] == "3 errors: 3 inputs could not be read (see the error lines above)"
    assert len(result.stdout.splitlines()) == 3


def test_failed_documents_are_counted_apart_from_unreadable_inputs(fake, tmp_path):
    (tmp_path / "casse.txt").write_text("PANNE du codeur", encoding="utf-8")
    (tmp_path / "bon.txt").write_text("Paris a reçu Rome.", encoding="utf-8")
    db = tmp_path / "e.duckdb"
    result = run("ingest", tmp_path / "casse.txt", tmp_path / "bon.txt", tmp_path / "absent.txt", "--db", db,
                 "--published", "2024-05-02")
    assert result.exit_code == 1
    assert "stored 2 documents (1 ok, 0 skipped, 1 error; 0 rejected), 1 events" in result.stderr
    assert result.stderr.splitlines()[-1] == ("2 errors: 1 input could not be read; 1 document failed to code "
                                              "(see the error lines above)")
    assert error_lines(result.stderr).count("error: casse: le codeur est en panne") == 1
    with Store(db, read_only=True) as s:
        assert s.get_document("casse")["status"] == "error"


def test_clean_run_exits_0_without_error_lines(fake, tmp_path):
    (tmp_path / "bon.txt").write_text("Paris a reçu Rome.", encoding="utf-8")
    result = run("extract", tmp_path / "bon.txt", "--published", "2024-05-02")
    assert result.exit_code == 0
    assert not error_lines(result.stderr) and "errors:" not in result.stderr


# -- documents without a publication date -------------------------------------------------------------------

NOTE = "have no publication date: relative dates left unresolved; pass --published YYYY-MM-DD"


def test_note_on_documents_without_publication_date(fake, inputs, tmp_path):
    for args in (["extract", *inputs], ["ingest", *inputs, "--db", tmp_path / "n.duckdb"]):
        result = run(*args)
        notes = [line for line in result.stderr.splitlines() if "publication date" in line]
        # rencontre.txt is the only coded document without a date (vide.txt is skipped: nothing to date)
        assert notes == ["note: 1 document has no publication date: relative dates left unresolved; "
                         "pass --published YYYY-MM-DD"], result.stderr


def test_note_counts_every_undated_document_once(fake, tmp_path):
    for i in range(3):
        (tmp_path / f"d{i}.txt").write_text(f"Paris a reçu Rome {i}.", encoding="utf-8")
    result = run("extract", *sorted(tmp_path.glob("d*.txt")))
    notes = [line for line in result.stderr.splitlines() if "publication date" in line]
    assert notes == [f"note: 3 documents {NOTE}"]


def test_no_note_with_published(fake, inputs):
    result = run("extract", *inputs, "--published", "2024-05-01")
    assert "publication date" not in result.stderr


# -- extract --format csv -----------------------------------------------------------------------------------

def test_extract_csv_has_the_publication_date(fake, inputs):
    result = run("extract", *inputs, "--format", "csv", "--published", "2024-04-30")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    # --published fills the .txt file and nothing else: JSONL records keep their own date
    assert {r["doc_id"]: r["published"] for r in rows} == {"rencontre": "2024-04-30", "j1": "2024-05-02",
                                                           "j3": "2024-05-03"}


def test_extract_csv_published_is_empty_only_when_unknown(fake, inputs):
    result = run("extract", *inputs, "--format", "csv")
    rows = {r["doc_id"]: r["published"] for r in csv.DictReader(io.StringIO(result.stdout))}
    assert rows == {"rencontre": "", "j1": "2024-05-02", "j3": "2024-05-03"}


def test_extract_jsonl_keeps_the_event_record_shape(fake, inputs):
    result = run("extract", *inputs)
    for line in result.stdout.splitlines():
        record = json.loads(line)
        assert Event.from_dict(record).to_dict() == record  # no extra keys
        assert "published" not in record


def test_extract_table_shows_the_publication_date(fake, inputs):
    result = run("extract", *inputs, "--format", "table")
    assert "(2024-05-02)" in result.stdout and "(2024-05-03)" in result.stdout


# -- a reader that stops early -------------------------------------------------------------------------------

@pytest.fixture
def big_db(tmp_path):
    """A store of 1,500 events (about 1.5 MB of JSONL, far more than a pipe buffer)."""
    results = []
    for i in range(300):
        for r in sample_results():
            article = dataclasses.replace(r.article, id=f"{r.article.id}{i}")
            events = tuple(dataclasses.replace(e, doc_id=article.id, id="") for e in r.events)
            results.append(dataclasses.replace(r, article=article, events=events))
    path = tmp_path / "big.duckdb"
    with Store(path) as s:
        assert s.ingest(results).events == 1500
    return path


@pytest.mark.parametrize("args", [["export", "--output", "-"], ["export", "--format", "csv", "-o", "-"],
                                  ["events", "--limit", "0", "--format", "jsonl"]])
def test_closed_pipe_ends_quietly(big_db, args):
    command = [sys.executable, "-m", "newsevents.cli", *args, "--db", str(big_db)]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    head = proc.stdout.read(300)  # what `| head -c 300` does, then it goes away
    proc.stdout.close()
    stderr = proc.stderr.read().decode("utf-8")
    proc.stderr.close()
    assert proc.wait(timeout=60) == 0, stderr
    assert len(head) == 300
    assert "Broken pipe" not in stderr and "Error" not in stderr and "Traceback" not in stderr, stderr


def test_closed_pipe_in_extract_ends_quietly(fake, inputs, monkeypatch):
    import newsevents.streaming

    def closed(self, result):  # extract writes jsonl document by document (newsevents.streaming)
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(newsevents.streaming.StreamWriter, "write", closed)
    result = run("extract", *inputs)
    assert result.exit_code == 0 and "Broken pipe" not in result.output


# -- event types -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("command", ["events", "export"])
def test_unknown_event_type_is_a_usage_error(command, tmp_path):
    db = tmp_path / "e.duckdb"
    with Store(db) as s:
        s.ingest(sample_results())
    result = run(command, "--db", db, "--type", "FOO", "-o", tmp_path / "out.jsonl") if command == "export" \
        else run(command, "--db", db, "--type", "FOO")
    assert result.exit_code == 2
    assert "'FOO' is not a PLOVER event type" in result.stderr
    assert all(t in result.stderr for t in PLOVER_TYPES)
    assert not (tmp_path / "out.jsonl").exists()


def test_event_type_in_any_case(tmp_path):
    db = tmp_path / "e.duckdb"
    with Store(db) as s:
        s.ingest(sample_results())
    result = run("events", "--db", db, "--type", "Consult", "--format", "jsonl")
    assert result.exit_code == 0
    assert [json.loads(line)["event_type"] for line in result.stdout.splitlines()] == ["CONSULT"]


@pytest.mark.parametrize("command", [["events"], ["export", "--format", "jsonl", "--output", "-"]])
@pytest.mark.parametrize("option, value", [("--since", "2024-13-01"), ("--until", "2024-02-30"), ("--since", "hier")])
def test_a_bad_date_filter_is_a_usage_error_naming_the_option(tmp_path, command, option, value):
    result = CliRunner().invoke(cli.main, [*command, "--db", str(tmp_path / "none.duckdb"), option, value])
    assert result.exit_code == 2, result.output
    assert f"Invalid value for '{option}': '{value}' is not a date; expected YYYY-MM-DD" in result.output
    assert not (tmp_path / "none.duckdb").exists()


@pytest.mark.parametrize("command", [["events"], ["export", "--format", "jsonl", "--output", "-"]])
@pytest.mark.parametrize("args, option, says", [
    (["--cameo", "9x"], "--cameo", "is not a CAMEO code prefix"),
    (["--cameo", "four"], "--cameo", "is not a CAMEO code prefix"),
    (["--since", "2024-01-01xyz"], "--since", "is not a date"),
    (["--since", "2024-08-01", "--until", "2024-07-01"], "--until", "is before --since 2024-08-01"),
    (["--until", "2024-07-01", "--since", "2024-08-01"], "--since", "is before --since 2024-08-01"),
])
def test_a_filter_that_can_match_nothing_is_a_usage_error(tmp_path, command, args, option, says):
    """A malformed CAMEO prefix or an inverted date range used to list "0 of 0 matching events", which reads
    as "no such events"; the web explorer already answered 422 for the prefix."""
    result = CliRunner().invoke(cli.main, [*command, "--db", str(tmp_path / "none.duckdb"), *args])
    assert result.exit_code == 2, result.output
    assert f"Invalid value for '{option}'" in result.output and says in result.output
    assert not (tmp_path / "none.duckdb").exists()


def test_a_cameo_prefix_and_a_date_range_in_order_still_filter(tmp_path):
    db = tmp_path / "x.duckdb"
    with Store(db) as s:
        s.ingest(sample_results())
    for args in (["--cameo", " 04 "], ["--since", "2024-01-01", "--until", "2024-01-01"]):
        result = CliRunner().invoke(cli.main, ["events", "--db", str(db), *args])
        assert result.exit_code == 0, result.output


def test_explain_says_what_a_learned_model_step_means():
    from newsevents.engine.trace import CandidateTrace, Step
    from newsevents.explain import _candidate_lines

    cand = CandidateTrace(token=3, text="frappes", lemma="frappe", span=(22, 29), frame="frappe", cameo="195",
                          is_noun=True, steps=[Step("model_rescue", "confident", "p(ASSAULT) 0.38"),
                                               Step("no_participants", "spared by model_rescue"),
                                               Step("model_veto", "dropped", "p(no event) 0.91")])
    lines = [line for line, _ in _candidate_lines(cand)]
    assert "      kept by the learned model (p above its rescue threshold): model_rescue (p(ASSAULT) 0.38)" in lines
    assert "      spared by the learned model (model_rescue): no_participants" in lines
    assert "      dropped by the learned model, which sees no event here: model_veto (p(no event) 0.91)" in lines
    assert not any(line.strip().startswith("confident:") for line in lines)
