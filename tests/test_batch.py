"""Batch runs: partition planning, the Parquet layout, resuming, and reading an output directory back.

These tests use a stand-in pipeline (``fake_pipeline`` below, which needs no spaCy model) on a one-worker
Dask LocalCluster bound to 127.0.0.1; the end-to-end kill-and-resume test with the real pipeline is in
tests/test_batch_resume.py.
"""
from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsevents.batch import (
    DOCUMENT_SCHEMA,
    EVENT_SCHEMA,
    BatchError,
    BatchOutput,
    BatchSettings,
    code_partition,
    load_batch_output,
    month_of,
    partition_id,
    plan_partitions,
    run_items,
)
from newsevents.records import (
    Article,
    Attribution,
    Coder,
    DocumentResult,
    Entity,
    Event,
    EventDate,
    InputError,
    Location,
)

CODER = Coder(version="0.0-test", model="fr_test", model_version="0", dictionary_checksum="abc")


# -- a stand-in pipeline: one CONSULT event per word "rencontre", errors on "PANNE" --------------------------

class FakePipeline:
    """Codes each occurrence of "rencontre" as FRA GOV consulting DEU GOV; "PANNE" makes the document fail;
    an empty text is skipped. Dated at publication; the first event of a document is placed in Paris and
    attributed to "l'AFP"."""

    def process(self, articles):
        for a in articles:
            if not a.text.strip():
                yield DocumentResult(a, status="skipped", notes=("empty document: no text to code",))
            elif "PANNE" in a.text:
                yield DocumentResult(a, status="error", error="RuntimeError: panne simulée")
            else:
                events = []
                for n, m in enumerate(re.finditer("rencontre", a.text)):
                    events.append(Event(
                        doc_id=a.id, event_type="CONSULT", cameo_code="040", mode="", context="",
                        goldstein=1.0, quad_class=1,
                        actor=(Entity("FRA", "GOV", "Paris", (0, 5), "France"),),
                        recipient=(Entity("DEU", "GOV", "Berlin", (16, 22)),),
                        modality="asserted", event_text="rencontre", event_span=(m.start(), m.end()),
                        sentence=a.text, sentence_span=(0, len(a.text)), lang="fr",
                        date=EventDate(a.published, None, None, "publication"),
                        attribution=Attribution("l'AFP", (30, 35), "FRA", "MED") if n == 0 else None,
                        location=Location("Paris", (0, 5), "Paris", "FRA", 48.85, 2.35, 2988507, "city")
                        if n == 0 else None,
                        coder=CODER))
                yield DocumentResult(a, events=tuple(events))


def fake_pipeline(lang: str, force_lang: bool, batch_size: int) -> FakePipeline:
    return FakePipeline()


def broken_pipeline(lang: str, force_lang: bool, batch_size: int):
    raise OSError("modèle introuvable")


def corpus(n: int = 12) -> list[Article]:
    """n made-up articles: two per month in 2022 from March, every fourth without date, one failing, one
    empty, one with two meetings."""
    out = []
    for i in range(n):
        published = None if i % 4 == 3 else f"2022-{3 + i // 4:02d}-{10 + i:02d}"
        text = f"Paris rencontre Berlin au sujet numéro {i}."
        if i == 5:
            text = "Paris rencontre Berlin. Rome rencontre Madrid."
        if i == 7:
            text = "PANNE du service de dépêches."
        if i == 9:
            text = "   "
        out.append(Article(id=f"doc{i:02d}", text=text, published=published, title=f"Titre {i}",
                           url=f"https://exemple.fr/{i}", source="Journal fictif"))
    return out


@pytest.fixture(scope="module")
def client():
    """One single-threaded worker process bound to 127.0.0.1 (the local cluster ``batch`` starts)."""
    from newsevents.batch import dask_client

    with dask_client(workers=1) as c:
        yield c


def run(items, out, client, size=4, factory=fake_pipeline, **kw):
    return run_items(items, out, BatchSettings(partition_size=size), inputs=["test"], client=client,
                     progress=False, factory=factory, **kw)


# -- planning ---------------------------------------------------------------------------------------------

def test_partitions_are_deterministic_and_track_content():
    articles = corpus(10)
    first = list(plan_partitions(articles, 4))
    again = list(plan_partitions(list(articles), 4))
    assert [p.id for p in first] == [p.id for p in again]
    assert [len(p.articles) for p in first] == [4, 4, 2]
    assert [p.index for p in first] == [0, 1, 2]
    assert all(re.fullmatch(r"\d{6}-[0-9a-f]{12}", p.id) for p in first)
    assert first[0].id.startswith("000000-") and first[2].id.startswith("000002-")
    changed = list(articles)
    changed[5] = dataclasses.replace(changed[5], text="Rome rencontre Madrid.")
    moved = list(plan_partitions(changed, 4))
    assert moved[0].id == first[0].id and moved[2].id == first[2].id
    assert moved[1].id != first[1].id


def test_input_errors_join_the_partition_being_filled():
    a = corpus(3)
    items = [a[0], InputError("x.jsonl:2: not JSON"), a[1], a[2], InputError("y.html: unreadable")]
    parts = list(plan_partitions(items, 2))
    assert [[x.id for x in p.articles] for p in parts] == [["doc00", "doc01"], ["doc02"]]
    assert parts[0].input_errors == ("x.jsonl:2: not JSON",)
    assert parts[1].input_errors == ("y.html: unreadable",)
    only_errors = list(plan_partitions([InputError("z.txt: empty path")], 2))
    assert len(only_errors) == 1 and only_errors[0].articles == ()
    with pytest.raises(ValueError):
        list(plan_partitions(items, 0))


def test_partition_id_ignores_nothing_that_defines_the_documents():
    a = corpus(1)
    base = partition_id(0, a)
    assert partition_id(0, [dataclasses.replace(a[0], published="2021-01-01")]) != base
    assert partition_id(0, [dataclasses.replace(a[0], id="autre")]) != base
    assert partition_id(1, a) != base
    assert partition_id(0, a, ["x: bad"]) != base


@pytest.mark.parametrize("published, month", [
    ("2022-03-14", "2022-03"), ("2022-12", "2022-12"), ("2022", "unknown"), (None, "unknown"),
    ("", "unknown"), ("14/03/2022", "unknown"), ("2022-13-01", "unknown"),
])
def test_month_of(published, month):
    assert month_of(published) == month


# -- schemas ----------------------------------------------------------------------------------------------

def test_event_schema_has_the_fields_of_the_event_record():
    event = FakePipeline().process([corpus(1)[0]]).__next__().events[0]
    assert [n for n in EVENT_SCHEMA.names if n != "locations"] == list(event.to_dict())
    assert EVENT_SCHEMA.names.index("locations") == EVENT_SCHEMA.names.index("location") + 1
    nested = {"actor": Entity, "recipient": Entity, "date": EventDate, "attribution": Attribution,
              "location": Location, "locations": Location, "coder": Coder}
    for name, cls in nested.items():
        arrow_type = EVENT_SCHEMA.field(name).type
        struct = arrow_type.value_type if hasattr(arrow_type, "value_type") else arrow_type
        assert [struct.field(i).name for i in range(struct.num_fields)] == [f.name for f in dataclasses.fields(cls)]


def test_document_schema_covers_the_article():
    article_fields = {f.name for f in dataclasses.fields(Article)} - {"id"}
    assert article_fields <= set(DOCUMENT_SCHEMA.names)
    assert {"doc_id", "status", "notes", "error", "n_events"} <= set(DOCUMENT_SCHEMA.names)


# -- one partition, no Dask -------------------------------------------------------------------------------

def test_code_partition_writes_shards_that_load_back(tmp_path):
    parts = list(plan_partitions(corpus(8), 8))
    output = code_partition(parts[0], BatchSettings(partition_size=8), fake_pipeline)
    assert output.stats["documents"] == 8
    assert output.stats["events"] == 8  # six single meetings, one double, one failure
    assert output.stats["status"] == {"ok": 7, "error": 1}
    assert output.stats["peak_rss_bytes"] > 10_000_000
    with BatchOutput(tmp_path / "out", BatchSettings(partition_size=8), ["test"]) as out:
        marker = out.write_partition(output)
    assert sorted(marker["files"]) == [
        f"documents/month=2022-03/part-{parts[0].id}.parquet",
        f"documents/month=2022-04/part-{parts[0].id}.parquet",
        f"documents/month=unknown/part-{parts[0].id}.parquet",
        f"events/month=2022-03/part-{parts[0].id}.parquet",
        f"events/month=2022-04/part-{parts[0].id}.parquet",
        f"events/month=unknown/part-{parts[0].id}.parquet",
    ]
    results = list(load_batch_output(tmp_path / "out"))
    expected = list(FakePipeline().process(corpus(8)))
    assert results == expected
    double = results[5].events
    assert [e.event_span for e in double] == [(6, 15), (29, 38)]
    assert double[0].location.geonameid == 2988507 and double[0].attribution.sector == "MED"
    assert double[1].location is None and double[1].attribution is None
    assert results[7].status == "error" and results[7].error == "RuntimeError: panne simulée"
    table = pq.read_table(tmp_path / "out" / marker["files"][3])
    assert table.schema.equals(EVENT_SCHEMA)


# -- whole runs on a local cluster ------------------------------------------------------------------------

def read_errors(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "errors.jsonl").read_text("utf-8").splitlines()]


def test_run_writes_layout_and_manifest(tmp_path, client):
    out = tmp_path / "out"
    items = corpus(12)
    items.insert(3, InputError("lot.jsonl:4: not a JSON object"))
    summary = run(items, out, client)
    assert summary.complete and summary.partitions == 3 and summary.coded == 12
    assert summary.documents == 12 and summary.events == 11  # 9 single + 1 double, 1 error, 1 empty
    assert summary.status == {"ok": 10, "error": 1, "skipped": 1}
    assert summary.input_errors == 1
    months = sorted(p.name for p in (out / "events").iterdir())
    assert months == ["month=2022-03", "month=2022-04", "month=2022-05", "month=unknown"]
    assert len(list((out / "_done").iterdir())) == 3
    errors = read_errors(out)
    assert [(e["kind"], e["doc_id"]) for e in errors] == [("input", None), ("document", "doc07")]
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    assert manifest["complete"] is True
    assert manifest["counts"]["documents"] == 12 and manifest["counts"]["events"] == 11
    assert manifest["counts"]["partitions_planned"] == 3 and len(manifest["partitions_done"]) == 3
    assert manifest["coder"] == dataclasses.asdict(CODER)
    assert manifest["settings"]["partition_size"] == 4
    assert all(w["peak_rss_bytes"] > 0 for w in manifest["workers"].values())
    loaded = list(load_batch_output(out))
    assert [r.article.id for r in loaded] == [f"doc{i:02d}" for i in range(12)]
    assert loaded == list(FakePipeline().process(corpus(12)))


def test_rerun_skips_done_partitions_and_redoes_unfinished_ones(tmp_path, client):
    out = tmp_path / "out"
    items = corpus(12)
    items.insert(9, InputError("lot.jsonl:10: not a JSON object"))
    run(items, out, client)
    reference = list(load_batch_output(out))
    # what a run killed while writing partition 2 leaves: its marker gone, a torn shard, a temp file,
    # its error lines already appended, a torn last line
    victim = sorted((out / "_done").iterdir())[2]
    victim.unlink()
    assert [r.article.id for r in load_batch_output(out)] == [f"doc{i:02d}" for i in range(8)]  # done only
    torn = next((out / "documents").glob(f"*/part-{victim.name}.parquet"))
    torn.write_bytes(b"PAR1 torn")
    (out / "events" / "month=2022-05" / f".part-{victim.name}.parquet.tmp-1").write_bytes(b"x")
    with open(out / "errors.jsonl", "a", encoding="utf-8") as f:
        f.write('{"partition": "000002-')
    summary = run(items, out, client)
    assert summary.partitions_resumed == 2 and summary.coded == 4 and summary.complete
    assert summary.documents == 12
    assert list(load_batch_output(out)) == reference
    assert not list(out.rglob(".*.tmp-*"))
    errors = read_errors(out)
    assert sorted((e["kind"], e["doc_id"]) for e in errors) == [("document", "doc07"), ("input", None)]
    again = run(items, out, client)
    assert again.partitions_resumed == 3 and again.coded == 0 and again.documents == 12


def test_rerun_with_fewer_inputs_removes_stale_partitions(tmp_path, client):
    out = tmp_path / "out"
    run(corpus(12), out, client)
    summary = run(corpus(6), out, client)
    assert summary.partitions == 2 and summary.partitions_resumed == 1 and summary.documents == 6
    assert [r.article.id for r in load_batch_output(out)] == [f"doc{i:02d}" for i in range(6)]
    assert len(list((out / "_done").iterdir())) == 2
    assert len({pid for pid, _ in BatchOutput(out, BatchSettings(), []).shards()}) == 2
    assert [e["doc_id"] for e in read_errors(out)] == []  # doc07's partition is gone


def test_rerun_with_other_settings_is_refused(tmp_path, client):
    out = tmp_path / "out"
    run(corpus(4), out, client)
    with pytest.raises(BatchError, match="partition_size: 4 then, 2 now"):
        run(corpus(4), out, client, size=2)


def test_refuses_foreign_and_locked_directories(tmp_path, client):
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("à garder", encoding="utf-8")
    with pytest.raises(BatchError, match="not a batch output directory"):
        run(corpus(2), foreign, client)
    assert (foreign / "notes.txt").read_text(encoding="utf-8") == "à garder"
    with BatchOutput(tmp_path / "busy", BatchSettings(partition_size=4), []):
        with pytest.raises(BatchError, match="another batch run"):
            run(corpus(2), tmp_path / "busy", client)
    with pytest.raises(BatchError, match="no manifest.json"):
        list(load_batch_output(foreign))


def test_systematic_failure_stops_the_run_and_leaves_it_resumable(tmp_path, client):
    out = tmp_path / "out"
    with pytest.raises(BatchError, match="modèle introuvable"):
        run(corpus(20), out, client, size=2, factory=broken_pipeline)
    assert not list((out / "_done").iterdir())
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    assert manifest["complete"] is False and manifest["partitions_failed"]
    summary = run(corpus(20), out, client, size=2)
    assert summary.complete and summary.coded == 20
    assert [e["kind"] for e in read_errors(out)] == ["document"]


def test_cli_ingest_stores_a_batch_directory_idempotently(tmp_path, client):
    from click.testing import CliRunner

    from newsevents.cli import main
    from newsevents.store import Store

    out = tmp_path / "out"
    run(corpus(12), out, client)
    db = tmp_path / "events.duckdb"
    for _ in range(2):  # the second ingest replaces, it does not add
        result = CliRunner().invoke(main, ["ingest", str(out), "--db", str(db)])
        assert result.exit_code == 1, result.output  # doc07 failed: ingest's rule for any failed document
        assert "stored 12 documents (10 ok, 1 skipped, 1 error; 0 rejected), 11 events" in result.output
    with Store(db, read_only=True) as store:
        stats = store.stats()
        assert stats["documents"] == 12 and stats["events"] == 11
        assert stats["by_status"] == {"ok": 10, "error": 1, "skipped": 1}
        doc = store.get_document("doc05")
        assert doc["text"] == "Paris rencontre Berlin. Rome rencontre Madrid."
        assert doc["published"] == "2022-04-15" and doc["source"] == "Journal fictif"
        assert sorted(e["event_span"] for e in doc["events"]) == [[6, 15], [29, 38]]


def write_jsonl(path: Path, articles) -> Path:
    lines = [json.dumps({"id": a.id, "text": a.text, "date": a.published, "title": a.title, "url": a.url,
                         "source": a.source}, ensure_ascii=False) for a in articles]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_estimate_documents(tmp_path):
    from newsevents.batch import estimate_documents

    (tmp_path / "a.txt").write_text("Paris rencontre Berlin.", encoding="utf-8")
    (tmp_path / "b.html").write_text("<p>Rome rencontre Madrid.</p>", encoding="utf-8")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "c.txt").write_text("caché", encoding="utf-8")
    (tmp_path / "notes.md").write_text("pas une entrée", encoding="utf-8")
    (tmp_path / "lot.jsonl").write_text('{"id": 1}\n\n{"id": 2}\n{"id": 3}\n', encoding="utf-8")
    assert estimate_documents([str(tmp_path)]) == 5
    assert estimate_documents([str(tmp_path / "*.txt"), str(tmp_path / "lot.jsonl")]) == 4
    assert estimate_documents(["-"]) is None
    assert estimate_documents([str(tmp_path / "rien-*.txt")]) is None


def test_run_batch_reads_files(tmp_path, client):
    from newsevents.batch import run_batch

    source = write_jsonl(tmp_path / "lot.jsonl", corpus(6))
    with open(source, "a", encoding="utf-8") as f:
        f.write("pas du JSON\n")
    summary = run_batch([str(source)], tmp_path / "out", partition_size=4, client=client, progress=False,
                        factory=fake_pipeline)
    assert summary.documents == 6 and summary.input_errors == 1 and summary.partitions == 2
    loaded = list(load_batch_output(tmp_path / "out"))
    assert loaded == list(FakePipeline().process(corpus(6)))
    [error] = [e for e in read_errors(tmp_path / "out") if e["kind"] == "input"]
    assert "line 7" in error["error"] and "invalid JSON" in error["error"]
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text("utf-8"))
    assert manifest["inputs"] == [str(source)]
    with pytest.raises(ValueError, match="unsupported language"):
        run_batch([str(source)], tmp_path / "out2", lang="xx", client=client, progress=False)


def test_worker_pipeline_is_built_once_per_thread():
    import threading

    from newsevents.batch import worker_pipeline

    first = worker_pipeline(fake_pipeline, "fr", True, 64)
    assert worker_pipeline(fake_pipeline, "fr", True, 64) is first
    assert worker_pipeline(fake_pipeline, "fr", False, 64) is not first
    other = []
    thread = threading.Thread(target=lambda: other.append(worker_pipeline(fake_pipeline, "fr", True, 64)))
    thread.start()
    thread.join()
    assert other[0] is not first


def _malloc_trim_threshold():
    import os

    return os.environ.get("MALLOC_TRIM_THRESHOLD_")


def test_local_cluster_is_bound_to_localhost_without_malloc_trim():
    from newsevents.batch import dask_client

    with dask_client(workers=1) as c:
        workers = c.scheduler_info()["workers"]
        assert c.scheduler.address.startswith("tcp://127.0.0.1:")
        assert all(w.startswith("tcp://127.0.0.1:") for w in workers) and len(workers) == 1
        assert all(w["nthreads"] == 1 for w in workers.values())
        assert set(c.run(_malloc_trim_threshold).values()) == {None}


def test_partitions_close_at_the_character_cap():
    short = [Article(id=f"brève{i}", text="Paris rencontre Berlin.") for i in range(6)]  # 23 characters
    long = Article(id="dossier", text="Rome rencontre Madrid. " * 10)  # 230 characters
    parts = list(plan_partitions(short[:3] + [long] + short[3:], 100, max_chars=60))
    assert [[a.id for a in p.articles] for p in parts] == [
        ["brève0", "brève1", "brève2"],  # 69 >= 60
        ["dossier"],  # longer than the cap on its own
        ["brève3", "brève4", "brève5"],
    ]
    assert [p.index for p in parts] == [0, 1, 2]
    assert len(list(plan_partitions(short, 100))) == 1  # no cap: only the document count
    assert [len(p.articles) for p in plan_partitions(short, 4, max_chars=1000)] == [4, 2]
    with pytest.raises(ValueError):
        list(plan_partitions(short, 4, max_chars=0))


def test_input_errors_carry_the_document_id_the_line_names(tmp_path, client):
    """errors.jsonl names the document of an input error whose line gives its id (a bad date), and the
    summary says where the errors are listed and why documents were skipped."""
    out = tmp_path / "out"
    items = corpus(10)  # doc07 fails, doc09 is empty
    items.insert(1, InputError("lot.jsonl line 2 (id bad-date): field 'date': invalid date", "bad-date"))
    items.insert(2, InputError("lot.jsonl line 3: invalid JSON"))
    summary = run(items, out, client)
    errors = read_errors(out)
    assert sorted((e["kind"], e["doc_id"] or "") for e in errors) == [
        ("document", "doc07"), ("input", ""), ("input", "bad-date")]
    text = summary.describe()
    assert f"3 errors listed in {out / 'errors.jsonl'}" in text
    assert "skipped 1 document: empty document: no text to code" in text


def test_plan_partitions_keeps_the_ids_of_input_errors():
    items = [InputError("a.jsonl line 1 (id x): record has no 'text'", "x"), InputError("b.txt: no such file")]
    [part] = plan_partitions(items, 2)
    assert part.input_errors == ("a.jsonl line 1 (id x): record has no 'text'", "b.txt: no such file")
    assert part.input_error_ids == ("x", None)


def test_a_batch_whose_inputs_all_do_not_exist_stops_before_writing(tmp_path):
    """A misspelt input used to give an empty output directory and exit status 0 (ingest stops with an error
    before creating its database); now run_batch raises and the command exits 1, naming the input."""
    from click.testing import CliRunner

    from newsevents import cli
    from newsevents.batch import run_batch

    out = tmp_path / "out"
    with pytest.raises(BatchError, match="nosuch.jsonl: no such file or directory"):
        run_batch([str(tmp_path / "nosuch.jsonl"), str(tmp_path / "*.none")], out)
    assert not out.exists()
    result = CliRunner().invoke(cli.main, ["batch", str(tmp_path / "nosuch.jsonl"), "--output", str(out)])
    assert result.exit_code == 1 and "nothing to code" in result.output and not out.exists()
