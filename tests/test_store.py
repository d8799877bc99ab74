"""The DuckDB event store: schema and migrations, ingest (replace, atomic batches, rejected documents), queries.

Expected values are hand-computed from the hand-coded events of store_samples.sample_results()."""
from __future__ import annotations

import threading

import pytest

from newsevents import store as store_mod
from newsevents.records import Article, DocumentResult, Event
from newsevents.store import EventFilter, Store, date_bounds, parse_actor
from store_samples import TEXT_A, replace_event, sample_results


@pytest.fixture
def db(tmp_path):
    s = Store(tmp_path / "events.duckdb")
    s.ingest(sample_results())
    yield s
    s.close()


def ids(records):
    return [(r["doc_id"], r["event_type"]) for r in records]


def n(s, **kw):
    return s.count_events(EventFilter(**kw))


# -- helpers ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    ("RUS", ("RUS", None)), ("rusgov", ("RUS", "GOV")), ("*MIL", (None, "MIL")), ("---MIL", ("---", "MIL")),
])
def test_parse_actor(value, expected):
    assert parse_actor(value) == expected


@pytest.mark.parametrize("value", ["RU", "*", ""])
def test_parse_actor_rejects_short_values(value):
    with pytest.raises(ValueError):
        parse_actor(value)


@pytest.mark.parametrize("value, start, end", [
    ("2024-01-15", "2024-01-15", "2024-01-15"),
    ("2024-02", "2024-02-01", "2024-02-29"),  # leap year
    ("2023", "2023-01-01", "2023-12-31"),
    ("2024-03-03/2024-03-05", "2024-03-03", "2024-03-05"),
    ("2024-01/2024-02", "2024-01-01", "2024-02-29"),
])
def test_date_bounds(value, start, end):
    a, b = date_bounds(value)
    assert (a.isoformat(), b.isoformat()) == (start, end)


@pytest.mark.parametrize("value", [None, "", "2024-13", "hier", "2024-02-30"])
def test_date_bounds_unparseable(value):
    assert date_bounds(value) == (None, None)


# -- opening, schema, migrations --------------------------------------------------------------------------

def test_path_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSEVENTS_DB", str(tmp_path / "env.duckdb"))
    with Store() as s:
        assert s.path == str(tmp_path / "env.duckdb")
    assert (tmp_path / "env.duckdb").exists()


def test_default_path_is_in_user_data_dir(monkeypatch):
    monkeypatch.delenv("NEWSEVENTS_DB", raising=False)
    p = store_mod.default_path()
    assert p.name == "events.duckdb" and "newsevents" in str(p.parent)


def test_new_database_has_current_schema(tmp_path):
    with Store(tmp_path / "x.duckdb") as s:
        assert s.schema_version == store_mod.SCHEMA_VERSION
        assert s.stats()["documents"] == 0


def test_read_only_missing_file_is_an_error(tmp_path):
    with pytest.raises(ValueError, match="no event database"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_read_only_store_refuses_ingest(tmp_path):
    Store(tmp_path / "x.duckdb").close()
    with Store(tmp_path / "x.duckdb", read_only=True) as s:
        with pytest.raises(ValueError, match="read-only"):
            s.ingest(sample_results())


def test_older_database_is_migrated_and_keeps_its_data(tmp_path, monkeypatch):
    path = tmp_path / "old.duckdb"
    with Store(path) as s:
        s.ingest(sample_results())
    extra = (store_mod.SCHEMA_VERSION + 1, "test: a new column",
             ["ALTER TABLE documents ADD COLUMN reviewed BOOLEAN DEFAULT false"])
    monkeypatch.setattr(store_mod, "MIGRATIONS", store_mod.MIGRATIONS + [extra])
    monkeypatch.setattr(store_mod, "SCHEMA_VERSION", extra[0])
    with pytest.raises(ValueError, match="needs migrating"):
        Store(path, read_only=True)
    with Store(path) as s:
        assert s.schema_version == extra[0]
        assert s.count_events() == 5
        with s._cursor() as cur:
            assert cur.execute("SELECT count(*) FROM documents WHERE NOT reviewed").fetchone()[0] == 3


def test_newer_database_is_refused(tmp_path):
    path = tmp_path / "new.duckdb"
    with Store(path) as s, s._cursor() as cur:
        cur.execute("INSERT INTO schema_version VALUES (999, 'future', now())")
    with pytest.raises(ValueError, match="newer"):
        Store(path)


# -- ingest -----------------------------------------------------------------------------------------------

def test_ingest_report(tmp_path):
    with Store(tmp_path / "x.duckdb") as s:
        skipped = DocumentResult(Article("empty", "", "2024-01-01"), status="skipped", notes=("empty document",))
        failed = DocumentResult(Article("bad", "texte", None), status="error", error="ValueError: boom")
        report = s.ingest(sample_results() + [skipped, failed])
        assert (report.documents, report.events, report.errors) == (5, 5, [])
        assert report.status == {"ok": 3, "skipped": 1, "error": 1}
        doc = s.get_document("bad")
        assert (doc["status"], doc["error"], doc["n_events"], doc["events"]) == ("error", "ValueError: boom", 0, [])
        assert s.get_document("empty")["notes"] == ["empty document"]


def test_reingest_replaces_document_and_events(db):
    a = sample_results()[0]
    kept = a.events[0]
    dropped = a.events[1]
    db.ingest([DocumentResult(a.article, (kept,))])
    db.ingest([DocumentResult(a.article, (kept,))])
    assert db.count_events() == 4
    assert db.count_events(EventFilter(doc_id="a")) == 1
    assert db.get_event(dropped.id) is None
    assert db.get_document("a")["n_events"] == 1
    assert db.stats()["documents"] == 3


def test_last_result_wins_within_one_call(tmp_path):
    a = sample_results()[0]
    with Store(tmp_path / "x.duckdb") as s:
        report = s.ingest([a, DocumentResult(a.article, a.events[:1])])
        assert s.count_events() == 1 and report.events == 1 and report.documents == 1


def test_invalid_document_is_reported_and_others_are_stored(db):
    bad = DocumentResult(Article("d-bad", "Texte.", "2024-02-30"), ())
    good = sample_results()[2]
    report = db.ingest([bad, DocumentResult(good.article, good.events[:0])])
    assert [doc for doc, _ in report.errors] == ["d-bad"]
    assert "2024-02-30" in report.errors[0][1]
    assert db.get_document("d-bad") is None
    assert db.get_document("c")["n_events"] == 0  # the good document of the same batch was replaced


def test_database_conflict_rejects_only_the_conflicting_document(tmp_path):
    a, b, c = sample_results()
    clash = replace_event(b.events[0])
    clash = Event(**{f: getattr(clash, f) for f in Event.__slots__ if f != "id"}, id=a.events[0].id)
    with Store(tmp_path / "x.duckdb") as s:
        report = s.ingest([a, DocumentResult(b.article, (clash,)), c])
        assert [doc for doc, _ in report.errors] == ["b"]
        assert "Constraint" in report.errors[0][1] or "constraint" in report.errors[0][1]
        assert s.get_document("b") is None
        assert s.count_events() == 3  # a's two events and c's one


def test_each_batch_is_committed_as_a_whole(tmp_path):
    results = sample_results()

    def stream():
        yield results[0]
        yield results[1]   # end of the first batch (batch_size=2): committed
        yield results[2]   # in the second batch, which never completes
        raise RuntimeError("input broke")

    with Store(tmp_path / "x.duckdb") as s:
        with pytest.raises(RuntimeError):
            s.ingest(stream(), batch_size=2)
        assert s.stats()["documents"] == 2
        assert s.get_document("c") is None


def test_events_round_trip_through_the_store(db):
    for result in sample_results():
        for e in result.events:
            record = db.get_event(e.id)
            assert record["published"] == result.article.published
            record.pop("published")
            assert Event.from_dict(record) == e
            assert record == e.to_dict()


# -- queries ----------------------------------------------------------------------------------------------

def test_default_order_is_chronological_by_event_date(db):
    assert ids(db.query_events()) == [("a", "AID"), ("a", "CONSULT"), ("b", "ACCUSE"), ("c", "SANCTION"),
                                      ("b", "REQUEST")]


def test_order_by_goldstein_descending_and_paging(db):
    all_ = db.query_events(order="-goldstein", limit=None)
    assert [r["goldstein"] for r in all_] == [7.0, 3.4, 1.0, -2.0, -4.0]
    assert db.query_events(order="-goldstein", limit=2, offset=2) == all_[2:4]
    with pytest.raises(ValueError, match="order"):
        db.query_events(order="random")


@pytest.mark.parametrize("kw, expected", [
    ({"actor": "RUS"}, 2),
    ({"actor": "RUSGOV"}, 1),
    ({"actor": "*GOV"}, 4),
    ({"actor": "FRAGOV"}, 1),
    ({"actor": "DEUMIL"}, 0),  # DEU is GOV in the compound actor; MIL belongs to the recipient
    ({"actor_country": "deu", "actor_sector": "gov"}, 1),
    ({"recipient": "PRK"}, 2),
    ({"recipient": "PRKMIL"}, 1),
    ({"actor": "RUS", "recipient": "PRKGOV"}, 1),
    ({"event_type": "consult"}, 1),
    ({"cameo": "1"}, 3),
    ({"cameo": "10"}, 1),
    ({"cameo": "07"}, 1),
    ({"quad_class": 1}, 2),
    ({"modality": "alleged"}, 1),
    ({"since": "2024-01-20"}, 4),        # the January (month) event ends on the 31st
    ({"until": "2024-01-10"}, 1),        # ... and starts on the 1st
    ({"since": "2024-03-04", "until": "2024-03-04"}, 1),  # inside the 3-5 March interval
    ({"doc_id": "b"}, 2),
    ({"source": "kcna"}, 1),             # attribution text
    ({"source": "JOURNAL"}, 2),          # document source
    ({"text": "PYONGYANG"}, 1),
    ({"text": "missiles"}, 1),
    ({"text": "100%"}, 0),               # no LIKE wildcards
])
def test_filters(db, kw, expected):
    f = EventFilter(**kw)
    assert db.count_events(f) == expected
    assert len(db.query_events(f, limit=None)) == expected


def test_bad_filter_value_raises(db):
    with pytest.raises(ValueError, match="since"):
        db.count_events(EventFilter(since="mardi"))


def test_publication_date_stands_in_for_missing_event_date(tmp_path):
    e = replace_event(sample_results()[0].events[0], date=sample_results()[0].events[0].date.__class__(
        None, None, None, "unresolved"))
    with Store(tmp_path / "x.duckdb") as s:
        s.ingest([DocumentResult(Article("a", TEXT_A, "2024-01-18", "fr"), (e,))])
        assert s.count_events(EventFilter(since="2024-01-18", until="2024-01-18")) == 1
        assert s.count_events(EventFilter(since="2024-01-19")) == 0
        assert s.timeline() == [{"period": "2024-01-18", "key": "CONSULT", "n": 1, "mean_goldstein": 1.0}]


def test_get_document(db):
    doc = db.get_document("a")
    assert doc["text"] == TEXT_A and doc["published"] == "2024-01-18" and doc["source"] == "Agence A"
    assert [e["event_type"] for e in doc["events"]] == ["CONSULT", "AID"]  # text order
    assert doc["n_events"] == 2 and doc["status"] == "ok"
    assert db.get_document("zzz") is None


def test_list_documents(db):
    assert [d["doc_id"] for d in db.list_documents()] == ["c", "b", "a"]
    assert db.list_documents(status="error") == []


def test_timeline_by_type_per_month(db):
    assert db.timeline(interval="month") == [
        {"period": "2024-01-01", "key": "AID", "n": 1, "mean_goldstein": 7.0},
        {"period": "2024-01-01", "key": "CONSULT", "n": 1, "mean_goldstein": 1.0},
        {"period": "2024-03-01", "key": "ACCUSE", "n": 1, "mean_goldstein": -2.0},
        {"period": "2024-03-01", "key": "REQUEST", "n": 1, "mean_goldstein": 3.4},
        {"period": "2024-03-01", "key": "SANCTION", "n": 1, "mean_goldstein": -4.0},
    ]


def test_timeline_by_quad_class_per_week(db):
    rows = db.timeline(interval="week", by="quad_class")
    assert [(r["period"], r["key"], r["n"]) for r in rows] == [
        ("2024-01-01", "2", 1), ("2024-01-15", "1", 1),                       # Mondays
        ("2024-02-26", "1", 1), ("2024-02-26", "3", 1), ("2024-02-26", "4", 1),
    ]
    with pytest.raises(ValueError):
        db.timeline(interval="hour")
    with pytest.raises(ValueError):
        db.timeline(by="actor")


def test_timeline_respects_filter(db):
    assert db.timeline(EventFilter(actor="RUS"), interval="year") == [
        {"period": "2024-01-01", "key": "AID", "n": 1, "mean_goldstein": 7.0},
        {"period": "2024-01-01", "key": "CONSULT", "n": 1, "mean_goldstein": 1.0},
    ]


def test_dyads_expand_compound_actors(db):
    assert db.dyads() == [
        {"actor": "RUS", "recipient": "PRK", "n": 2, "mean_goldstein": 4.0},
        {"actor": "DEU", "recipient": "RUS", "n": 1, "mean_goldstein": -2.0},
        {"actor": "FRA", "recipient": "RUS", "n": 1, "mean_goldstein": -2.0},
        {"actor": "MLI", "recipient": "FRA", "n": 1, "mean_goldstein": -4.0},
    ]
    assert db.dyads(EventFilter(quad_class=4)) == [{"actor": "MLI", "recipient": "FRA", "n": 1,
                                                     "mean_goldstein": -4.0}]
    assert len(db.dyads(limit=1)) == 1


def test_locations(db):
    assert db.locations() == [
        {"country": "PRK", "lat": 39.03, "lon": 125.75, "name": "Pyongyang", "n": 1},
        {"country": "UKR", "lat": 50.45, "lon": 30.52, "name": "Kiev", "n": 1},
    ]
    assert db.locations(EventFilter(actor="FRA")) == [
        {"country": "UKR", "lat": 50.45, "lon": 30.52, "name": "Kiev", "n": 1}]


def test_stats(db):
    st = db.stats()
    assert (st["documents"], st["events"]) == (3, 5)
    assert st["by_status"] == {"ok": 3}
    assert st["by_type"] == {"ACCUSE": 1, "AID": 1, "CONSULT": 1, "REQUEST": 1, "SANCTION": 1}
    assert st["by_quad_class"] == {"1": 2, "2": 1, "3": 1, "4": 1}
    assert st["by_modality"] == {"asserted": 4, "alleged": 1}
    assert (st["first_date"], st["last_date"]) == ("2024-01-01", "2024-03-05")


def test_iter_events_streams_in_query_order(db):
    streamed = list(db.iter_events(chunk_size=2))
    assert streamed == db.query_events(limit=None)
    with_docs = list(db.iter_events(EventFilter(doc_id="b"), documents=True))
    assert {(r["url"], r["source"]) for r in with_docs} == {("https://example.org/b", "Journal B")}


def test_store_can_be_shared_between_threads(db):
    expected = db.query_events(limit=None)
    results, errors = [], []

    def work():
        try:
            for _ in range(5):
                results.append(db.query_events(limit=None) == expected and db.count_events() == 5)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and results == [True] * 20


def test_delete_document(db):
    assert db.delete_document("b") is True
    assert db.count_events() == 3 and db.get_document("b") is None
    assert db.delete_document("b") is False


# -- events in several places (schema 3) -------------------------------------------------------------------

def _two_place_event():
    from newsevents.records import Location
    from store_samples import TEXT_B, ent, event, day, span

    kiev = Location("Kiev", span(TEXT_B, "Kiev"), "Kiev", "UKR", 50.45, 30.52, 703448, "city", "town")
    paris = Location("Paris", span(TEXT_B, "Paris"), "Paris", "FRA", 48.85, 2.35, 2988507, "city", "town")
    return event("b", TEXT_B, "ont condamné", "ACCUSE", "111", (ent(TEXT_B, "DEU", "GOV", "Berlin"),),
                 (ent(TEXT_B, "RUS", "MIL", "l'armée russe"),), day("2024-03-01", "vendredi", TEXT_B),
                 location=kiev, locations=(kiev, paris))


def test_an_event_in_several_places_keeps_them_all(db):
    e = _two_place_event()
    assert [p["name"] for p in e.to_dict()["locations"]] == ["Kiev", "Paris"]
    assert Event.from_dict(e.to_dict()) == e
    results = sample_results()
    results[1] = DocumentResult(results[1].article, (e,))
    db.ingest(results)
    got = db.get_event(e.id)
    assert got["locations"] == e.to_dict()["locations"] and got["location"]["name"] == "Kiev"
    assert list(got)[:15] == list(e.to_dict())[:15]  # "locations" right after "location"
    one = next(r for r in db.query_events() if r["id"] != e.id and r["location"])
    assert "locations" not in one  # a one-place record is as before
    assert "locations" not in sample_results()[0].events[0].to_dict()


def test_a_schema_2_store_passes_through_the_locations_migration(tmp_path, monkeypatch):
    path = tmp_path / "v2.duckdb"
    with monkeypatch.context() as m:  # a store written by the code of schema 2
        m.setattr(store_mod, "MIGRATIONS", store_mod.MIGRATIONS[:2])
        m.setattr(store_mod, "SCHEMA_VERSION", 2)
        m.setattr(store_mod, "EVENT_COLUMNS", [c for c in store_mod.EVENT_COLUMNS if c != "locations"])
        m.setattr(store_mod, "_RECORD_COLUMNS", [c for c in store_mod._RECORD_COLUMNS if c != "locations"])
        m.setattr(store_mod, "_JSON_COLUMNS", tuple(c for c in store_mod._JSON_COLUMNS if c != "locations"))
        m.setattr(store_mod, "_SELECT_RECORD", ", ".join(f"e.{c}" for c in store_mod._RECORD_COLUMNS
                                                         if c != "locations"))
        with Store(path) as s:
            s.ingest(sample_results())
            assert s.schema_version == 2
            before = s.query_events()
    with pytest.raises(ValueError, match="needs migrating"):
        Store(path, read_only=True)
    with Store(path) as s:
        assert s.schema_version == 3
        assert s.query_events() == before
        s.ingest([DocumentResult(sample_results()[1].article, (_two_place_event(),))])
        assert len(s.get_event(_two_place_event().id)["locations"]) == 2


@pytest.mark.parametrize("kw", [{}, {"actor": "RUS"}, {"text": "missiles"}, {"actor": "XXX"}])
@pytest.mark.parametrize("limit, offset", [(2, 0), (2, 3), (50, 10)])
def test_page_events_is_the_count_and_the_page(db, kw, limit, offset):
    db.ingest(sample_results())
    f = EventFilter(**kw)
    total, page = db.page_events(f, limit=limit, offset=offset, order="-date")
    assert total == db.count_events(f)
    assert page == db.query_events(f, limit=limit, offset=offset, order="-date")
    assert ids(page) == ids(db.query_events(f, limit=None, order="-date"))[offset:offset + limit]
