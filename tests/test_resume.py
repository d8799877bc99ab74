"""Streaming and resuming (issue 11): extract writes document by document and `--resume` continues a killed
run to the same bytes; `ingest` skips documents already stored with the same content.

The kill tests run the real CLI in a subprocess with a stand-in pipeline (tests/fake_pipeline.py), so a run
starts in about a second and the kill lands at a random point of the coding."""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsevents.records import Article, DocumentResult
from newsevents.streaming import ResumeError, StreamWriter, progress_path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from fake_pipeline import FakePipeline, fake_events  # noqa: E402

WORDS = "le ministre a rencontré son homologue mardi à Paris pour parler de la guerre".split()


def _documents(n: int) -> list[dict]:
    rng = random.Random(11)
    return [{"id": f"doc-{i:03d}", "date": "2024-03-0%d" % (1 + i % 9),
             "text": " ".join(rng.choice(WORDS) for _ in range(3 + rng.randrange(8)))} for i in range(n)]


def _results(docs: list[dict]) -> list[DocumentResult]:
    pipeline = FakePipeline()
    return list(pipeline.process(Article(d["id"], d["text"], d["date"]) for d in docs))


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_stream_writer_matches_export_and_resumes_to_the_same_bytes(tmp_path, fmt):
    from newsevents.cli import event_records
    from newsevents.export import write_events

    results = _results(_documents(30))
    assert sum(len(r.events) for r in results) > 10
    expected = tmp_path / f"expected.{fmt}"
    write_events(event_records(results, with_published=fmt == "csv"), fmt, str(expected))
    out = tmp_path / f"out.{fmt}"
    writer = StreamWriter(str(out), fmt, with_published=fmt == "csv")
    writer.write_all(results[:17])
    writer.close()  # killed: the progress file stays
    with open(out, "ab") as f:  # and half of the next document's events made it to the disk
        f.write(b'{"id": "cut in the mid')
    resumed = StreamWriter(str(out), fmt, resume=True, with_published=fmt == "csv")
    assert resumed.resumed == 17 and resumed.done("doc-016") and not resumed.done("doc-017")
    resumed.write_all(r for r in results if not resumed.done(r.article.id))
    resumed.finish()
    assert out.read_bytes() == expected.read_bytes()
    assert not progress_path(out).exists()


def test_resume_refuses_a_finished_file_and_another_format(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("{}\n")
    with pytest.raises(ResumeError, match="nothing to resume"):
        StreamWriter(str(out), "jsonl", resume=True)
    writer = StreamWriter(str(out), "jsonl")
    writer.close()
    with pytest.raises(ResumeError, match="use --format jsonl"):
        StreamWriter(str(out), "csv", resume=True)
    out.write_bytes(b"")  # cut shorter than the progress file says
    writer = StreamWriter(str(out), "jsonl")
    writer.write(_results(_documents(3))[2])
    writer.close()
    out.write_bytes(b"")
    with pytest.raises(ResumeError, match="is shorter"):
        StreamWriter(str(out), "jsonl", resume=True)
    with pytest.raises(ResumeError, match="standard output"):
        StreamWriter("-", "jsonl", resume=True)


def _cli(*args: str, env_extra: dict | None = None) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(HERE.parent / "src"), **(env_extra or {})}
    return subprocess.Popen([sys.executable, str(HERE / "fake_pipeline.py"), *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _kill_when(proc: subprocess.Popen, ready, timeout: float = 30) -> bool:
    """SIGKILL ``proc`` once ``ready()`` is true; False when it ended first."""
    t0 = time.monotonic()
    while proc.poll() is None and time.monotonic() - t0 < timeout:
        if ready():
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            return True
        time.sleep(0.005)
    proc.communicate()
    return False


def _progress_lines(out: Path) -> int:
    try:
        return progress_path(out).read_bytes().count(b'"doc": "')
    except FileNotFoundError:
        return 0


def test_extract_killed_at_random_points_then_resumed_gives_the_uninterrupted_output(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in _documents(60)), encoding="utf-8")
    full = tmp_path / "full.jsonl"
    proc = _cli("extract", str(src), "-o", str(full))
    proc.communicate(timeout=60)
    assert proc.returncode == 0 and full.stat().st_size > 0
    out = tmp_path / "out.jsonl"
    rng = random.Random(3)
    kills = 0
    for attempt in range(4):  # kill three times at random points, then let it finish
        proc = _cli("extract", str(src), "-o", str(out), "--resume")
        if attempt < 3:
            at = _progress_lines(out) + rng.randrange(3, 15)
            kills += _kill_when(proc, lambda: _progress_lines(out) >= at)
        else:
            _, err = proc.communicate(timeout=60)
            assert proc.returncode == 0, err.decode()
    assert kills == 3
    assert out.read_bytes() == full.read_bytes()
    assert not progress_path(out).exists()


def test_ingest_killed_then_rerun_skips_what_is_stored(tmp_path):
    from newsevents.store import Store

    docs = _documents(40)
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    db = tmp_path / "events.duckdb"
    proc = _cli("ingest", str(src), "--db", str(db), "--batch-size", "5")

    def stored() -> int:
        try:
            with Store(db, read_only=True) as store:
                return store.stats()["documents"]
        except Exception:  # locked by the writer, or not created yet
            return 0

    _kill_when(proc, lambda: stored() >= 10)
    before = stored()
    assert 10 <= before < 40
    proc = _cli("ingest", str(src), "--db", str(db), "--batch-size", "5")
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err.decode()
    assert f"note: {before} documents already stored with the same text" in err.decode()
    with Store(db, read_only=True) as store:
        assert store.stats()["documents"] == 40
        events = {e["id"] for e in store.iter_events()}
    expected = {e.id for r in _results(docs) for e in r.events}
    assert events == expected
