"""A live store (issue 11): `serve` and `ingest` on the same file at the same time, waiting for locks with a
clear message, and the web extract form's limits (busy, budget, offsets)."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
import warnings
from pathlib import Path

import pytest

from newsevents.locking import StoreBusy, connect
from newsevents.records import Article, DocumentResult
from newsevents.store import Store
from web_samples import sample_results

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from newsevents.web import create_app  # noqa: E402
from newsevents.web.app import MAX_OFFSET, LazyPipeline, PipelineBusy  # noqa: E402

HERE = Path(__file__).resolve().parent
ENV = {**os.environ, "PYTHONPATH": str(HERE.parent / "src")}


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "events.duckdb"
    with Store(path) as store:
        store.ingest(sample_results())
    return path


@pytest.mark.parametrize("url", [f"/api/events?offset={2**63}", f"/?offset={2**63}", f"/?offset={10**30}"])
def test_huge_offset_is_422_not_500(db, url):
    client = TestClient(create_app(db_path=str(db)))
    assert client.get(url).status_code == 422
    assert client.get(f"/api/events?offset={MAX_OFFSET}").json()["events"] == []


def test_a_locked_file_is_waited_for_then_named_in_one_line(db):
    client = TestClient(create_app(store=Store(db, read_only=True, shared=True, lock_timeout=0.3)))
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; con = duckdb.connect(sys.argv[1]); "
                               "print('locked', flush=True); time.sleep(30)", str(db)],
                              stdout=subprocess.PIPE, env=ENV)
    try:
        assert holder.stdout.readline().strip() == b"locked"
        t0 = time.monotonic()
        with pytest.raises(StoreBusy) as info:
            connect(str(db), read_only=True, timeout=0.5)
        assert time.monotonic() - t0 >= 0.5
        message = str(info.value)
        assert str(db) in message and f"PID {holder.pid}" in message and "\n" not in message
        assert "-readonly" not in message  # no advice about DuckDB's own command line
        response = client.get("/api/stats")
        assert response.status_code == 503 and "in use by another process" in response.json()["detail"]
    finally:
        holder.kill()
        holder.wait()
    assert client.get("/api/stats").status_code == 200  # the lock is gone: the same app reads again


def test_extract_requests_do_not_queue_behind_a_slow_text(monkeypatch):
    import newsevents.web.pipeline_host as host

    monkeypatch.setattr(host, "BUSY_WAIT", 0.2)
    release = threading.Event()

    class Slow:
        time_budget = 120.0

        def process(self, articles):
            for article in articles:
                release.wait(10)
                yield DocumentResult(article)

    lazy = LazyPipeline(Slow)
    worker = threading.Thread(target=lambda: lazy.run(Article("a", "texte lent")))
    worker.start()
    time.sleep(0.1)
    t0 = time.monotonic()
    with pytest.raises(PipelineBusy, match="coding another text"):
        lazy.run(Article("b", "texte"))
    assert time.monotonic() - t0 < 1
    release.set()
    worker.join(5)
    assert lazy.run(Article("c", "texte"), time_budget=3).status == "ok"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(port: int, path: str) -> dict:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as response:
        return json.loads(response.read())


def test_ingest_while_serve_runs_and_the_server_shows_the_new_events(db, tmp_path):
    port = _free_port()
    server = subprocess.Popen([sys.executable, str(HERE / "fake_pipeline.py"), "serve", "--db", str(db),
                               "--port", str(port)], env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(200):
            try:
                before = _get(port, "/api/stats")
                break
            except OSError:
                time.sleep(0.05)
        else:
            pytest.fail(f"the server did not start: {server.stderr.read1().decode()}")
        src = tmp_path / "new.jsonl"
        src.write_text("".join(json.dumps({"id": f"new-{i}", "date": "2024-05-01",
                                           "text": "Paris reçoit Berlin et Rome"}) + "\n"
                               for i in range(30)), encoding="utf-8")
        ingest = subprocess.Popen([sys.executable, str(HERE / "fake_pipeline.py"), "ingest", str(src), "--db",
                                   str(db), "--batch-size", "3"], env=ENV, stderr=subprocess.PIPE)
        while ingest.poll() is None:  # the server keeps answering while the ingest writes
            _get(port, "/api/events?limit=5")
        assert ingest.returncode == 0, ingest.stderr.read().decode()
        after = _get(port, "/api/stats")
        assert after["documents"] == before["documents"] + 30
        assert after["events"] == before["events"] + 30 * 2  # the stand-in codes 5 words as 2 events
        assert _get(port, "/api/events?doc_id=new-7")["total"] == 2
    finally:
        server.terminate()
        server.wait(10)
