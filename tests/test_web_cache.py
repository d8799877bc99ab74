"""The explorer's query cache (web/query_cache.py): answers kept while the store file does not change, dropped
as soon as another process (or the server) writes to it; pages answer the same with and without it."""
from __future__ import annotations

import warnings

from newsevents.store import EventFilter, Store
from newsevents.web.query_cache import QueryCache, store_version
from store_samples import sample_results

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from newsevents.web import create_app  # noqa: E402


def test_an_answer_is_kept_until_the_file_changes(tmp_path):
    path = tmp_path / "c.duckdb"
    with Store(path) as s:
        s.ingest(sample_results()[:1])
    reader = Store(path, read_only=True, shared=True)
    cache = QueryCache(str(path))
    calls = []

    def count(f=None):
        calls.append(f)
        return reader.count_events(f)

    assert cache.call("count_events", count, (), {}) == 2
    assert cache.call("count_events", count, (), {}) == 2
    assert len(calls) == 1 and cache.hits == 1
    assert cache.call("count_events", count, (EventFilter(actor="RUSGOV"),), {}) == 1  # another filter
    assert len(calls) == 2
    before = store_version(str(path))
    with Store(path) as writer:  # another writer, as `newsevents ingest` would be
        writer.ingest(sample_results()[1:])
    assert store_version(str(path)) != before
    assert cache.call("count_events", count, (), {}) == 5
    assert len(calls) == 3


def test_answers_are_copies():
    cache = QueryCache(":memory:")  # never cached: no file
    assert cache.call("dyads", lambda: [{"n": 1}], (), {}) == [{"n": 1}]
    assert cache.hits == cache.misses == 0


def test_pages_answer_the_same_with_and_without_the_cache(tmp_path):
    path = tmp_path / "p.duckdb"
    with Store(path) as s:
        s.ingest(sample_results()[:2])
    urls = ["/api/events?limit=2&offset=1", "/api/timeline?interval=month", "/api/dyads", "/api/locations",
            "/api/events?actor=RUS&order=-date", "/api/location-countries", "/api/stats", "/api/documents/a",
            "/api/clusters?min_sources=1"]
    with TestClient(create_app(db_path=str(path))) as cached, \
            TestClient(create_app(db_path=str(path), cache=False)) as plain:
        for url in urls:
            first = cached.get(url).json()
            assert first == cached.get(url).json() == plain.get(url).json(), url
        assert cached.get("/actor/RUS").text == plain.get("/actor/RUS").text
        cluster = cached.get("/api/clusters").json()["clusters"][0]["cluster_id"]
        for url in (f"/api/clusters/{cluster}", "/clusters"):
            assert cached.get(url).text == plain.get(url).text, url
        with Store(path) as writer:  # an ingest while the server runs: the next request sees it
            writer.ingest(sample_results()[2:])
        assert cached.get("/api/events").json()["total"] == 5 == plain.get("/api/events").json()["total"]


def test_page_drawings_are_kept_until_the_file_changes(tmp_path):
    path = tmp_path / "m.duckdb"
    with Store(path) as s:
        s.ingest(sample_results()[:1])
    cache = QueryCache(str(path))
    built = []
    assert cache.memo("chart", lambda x: built.append(x) or [x], (1,)) == [1]
    assert cache.memo("chart", lambda x: built.append(x) or [x], (1,)) == [1] and built == [1]
    assert cache.memo("chart", lambda x: built.append(x) or [x], (2,)) == [2] and built == [1, 2]
    with Store(path) as writer:
        writer.ingest(sample_results()[1:])
    cache.memo("chart", lambda x: built.append(x) or [x], (1,))
    assert built == [1, 2, 1]
