"""The analyst's additions to the explorer, through FastAPI's TestClient and the chart functions: continuous
timeline periods, type colours, chips, country names in filters, the place filter, the actor page, the
documents index and the search box (hand-coded events of tests/web_samples.py)."""
from __future__ import annotations

import warnings

import pytest

from newsevents.codes import PLOVER_TYPES
from newsevents.web.charts import TYPE_COLOURS, fill_periods, key_colour, timeline_chart
from newsevents.web.ux import actor_box_value, filter_chips
from web_samples import sample_store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from newsevents.web import create_app  # noqa: E402


@pytest.fixture(scope="module")
def client():
    store = sample_store()
    yield TestClient(create_app(store))
    store.close()


# -- charts ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("interval, periods, expected", [
    ("day", ["2024-02-27", "2024-03-01"], ["2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01"]),
    ("week", ["2024-01-01", "2024-01-22"], ["2024-01-01", "2024-01-08", "2024-01-15", "2024-01-22"]),
    ("month", ["2023-11-01", "2024-02-01"], ["2023-11-01", "2023-12-01", "2024-01-01", "2024-02-01"]),
    ("year", ["2022-01-01", "2024-01-01"], ["2022-01-01", "2023-01-01", "2024-01-01"]),
    ("month", [], []),
])
def test_fill_periods(interval, periods, expected):
    assert fill_periods(periods, interval) == expected


def test_timeline_zero_fills_and_breaks_the_goldstein_line():
    rows = [{"period": "2024-01-01", "key": "CONSULT", "n": 2, "mean_goldstein": 1.0},
            {"period": "2024-01-08", "key": "ASSAULT", "n": 1, "mean_goldstein": -10.0},
            {"period": "2024-02-05", "key": "CONSULT", "n": 1, "mean_goldstein": 3.0}]
    chart = timeline_chart(rows, by="event_type", interval="week")
    assert chart.periods == 6 and chart.empty_periods == 3
    assert [h["n"] for h in chart.hovers] == [2, 1, 0, 0, 0, 1]
    assert chart.hovers[0]["label"] == "2024-01-01: 2 events (CONSULT 2); mean Goldstein +1.0"
    assert chart.hovers[2]["label"] == "2024-01-15: 0 events"
    # two runs of weeks with a score: two sub-paths, nothing drawn across the three empty weeks
    assert chart.line.count("M") == 2 and chart.line.count("L") == 1
    # bars sit at their own period's slot: equal steps across the whole range
    xs = sorted({float(b["x"]) for b in chart.bars})
    step = float(chart.hovers[1]["x"]) - float(chart.hovers[0]["x"])
    assert xs[-1] - xs[0] == pytest.approx(5 * step, abs=0.2)


def test_without_interval_the_periods_are_those_with_data():
    rows = [{"period": "2024-01-01", "key": "1", "n": 1, "mean_goldstein": 1.0},
            {"period": "2024-03-01", "key": "1", "n": 1, "mean_goldstein": 1.0}]
    assert timeline_chart(rows, by="quad_class").periods == 2


def _rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def test_type_colours_are_far_apart_and_grouped_by_quad_class():
    assert set(TYPE_COLOURS) == set(PLOVER_TYPES)
    colours = [key_colour(t, "event_type") for t in PLOVER_TYPES]
    for i, a in enumerate(colours):
        for b in colours[i + 1:]:
            distance = sum((x - y) ** 2 for x, y in zip(_rgb(a), _rgb(b))) ** 0.5
            assert distance > 40, (a, b)
    # conflict types are warm (red dominates blue), cooperation types cool (blue or green dominates red)
    for t in ("ASSAULT", "COERCE", "ACCUSE", "THREATEN", "REJECT", "SANCTION"):
        r, g, b = _rgb(TYPE_COLOURS[t])
        assert r > b, t
    for t in ("AGREE", "CONSULT", "COOPERATE", "AID", "SUPPORT"):
        r, g, b = _rgb(TYPE_COLOURS[t])
        assert max(g, b) > r, t


# -- chips and boxes ---------------------------------------------------------------------------------------

def test_chips_remove_one_filter_and_keep_the_rest():
    chips = filter_chips({"actor": "RUS", "event_type": "ACCUSE"}, "/timeline", {"interval": "month"})
    assert [(c["label"], c["value"]) for c in chips] == [("actor", "RUS · Russie"), ("type", "ACCUSE")]
    assert chips[0]["remove"] == "/timeline?event_type=ACCUSE&interval=month"
    assert chips[1]["remove"] == "/timeline?actor=RUS&interval=month"
    assert filter_chips({}, "/") == []


@pytest.mark.parametrize("values, shown", [({"actor": "RUSGOV"}, "RUSGOV"), ({"actor_country": "ISR"}, "ISR"),
                                           ({"actor_country": "ISR", "actor_sector": "MIL"}, "ISRMIL"),
                                           ({"actor_sector": "MIL"}, "*MIL"), ({}, "")])
def test_actor_box_shows_the_filter_in_force(values, shown):
    assert actor_box_value(values, "actor") == shown


def test_list_page_shows_chips_and_the_value_in_the_box(client):
    html = client.get("/?actor_country=ISR").text
    assert 'id="chips"' in html and "Israël" in html
    assert 'name="actor" value="ISR"' in html
    assert 'id="chips"' not in client.get("/").text


# -- names, place filter ------------------------------------------------------------------------------------

@pytest.mark.parametrize("typed, n", [("Russie", 1), ("russie", 1), ("France", 2), ("Ukraine", 1),
                                      ("Mali gov", 1)])
def test_api_actor_takes_country_names(client, typed, n):
    r = client.get("/api/events", params={"actor": typed})
    assert r.status_code == 200 and r.json()["total"] == n


def test_unknown_name_is_a_422_that_suggests(client):
    r = client.get("/api/events", params={"recipient": "Ukrain"})
    assert r.status_code == 422 and "did you mean Ukraine (UKR)" in r.json()["detail"]


def test_place_filter(client):
    assert client.get("/api/events", params={"place": "berlin"}).json()["total"] == 1
    assert client.get("/api/events", params={"place": "Berl"}).json()["total"] == 0


# -- pages ---------------------------------------------------------------------------------------------------

def test_event_list_has_source_attribution_and_actor_links(client):
    html = client.get("/?event_type=CONSULT").text
    assert "<th>Source</th><th>Attribution</th>" in html
    assert "Agence test" in html and "selon l&#39;AFP" in html
    assert 'href="/actor/FRAGOV"' in html and 'href="/actor/DEUGOV"' in html


def test_actor_page(client):
    r = client.get("/actor/UKR")
    assert r.status_code == 200
    html = r.text
    assert 'id="as-actor"' in html and "Ukraine" in html
    assert 'id="actor-timeline"' in html and 'id="recipient-timeline"' in html
    assert 'href="/actor/RUS"' in html  # a partner
    assert client.get("/actor/Ukraine", follow_redirects=False).headers["location"] == "/actor/UKR"
    assert client.get("/actor/Nowhereland").status_code == 422
    # the page's other filters narrow it down
    assert ">0</a></div>events as actor" in client.get("/actor/UKR?since=2024-03-01").text


def test_documents_index_and_search(client):
    html = client.get("/documents").text
    assert html.count('href="/documents/doc') == 3
    html = client.get("/documents", params={"q": "Dépêches"}).text
    assert html.count('href="/documents/doc') == 1 and "doc2" in html


@pytest.mark.parametrize("q, location", [("Allemagne", "/actor/DEU"), ("RUSGOV", "/actor/RUSGOV"),
                                         ("bombardé", "/?text=bombard%C3%A9"), ("", "/")])
def test_search_box(client, q, location):
    assert client.get("/search", params={"q": q}, follow_redirects=False).headers["location"] == location


def test_location_countries_count_every_precision(client):
    rows = client.get("/api/location-countries").json()
    assert {r["country"]: r["n"] for r in rows} == {"DEU": 1, "UKR": 1, "MLI": 1}
    assert {r["country"]: r["country_numeric"] for r in rows}["DEU"] == "276"
    assert client.get("/api/location-countries", params={"actor": "Mali"}).json() == [
        {"country": "MLI", "n": 1, "country_numeric": "466"}]
    assert client.get("/api/location-countries", params={"bogus": "1"}).status_code == 400


def test_latest_events_narrowing_keeps_the_newest():
    from newsevents.store import EventFilter
    from newsevents.web.ux import _recent

    store = sample_store()
    f = EventFilter(recipient="UKR")
    rows = store.timeline(f, interval="week", by="quad_class")
    narrowed = _recent(f, rows, 1)
    assert narrowed.since == "2024-01-29"  # the last week holding an event
    assert [e["id"] for e in store.query_events(narrowed, limit=1, order="-date")] == \
        [e["id"] for e in store.query_events(f, limit=1, order="-date")]
    assert _recent(f, rows, 99) is f  # fewer events than asked: no narrowing
    store.close()


def test_stray_dates_do_not_stretch_the_axis():
    rows = [{"period": f"2022-{m:02d}-01", "key": "1", "n": 50, "mean_goldstein": 1.0} for m in range(1, 13)]
    rows += [{"period": "1943-07-01", "key": "1", "n": 1, "mean_goldstein": None},
             {"period": "2050-01-01", "key": "1", "n": 1, "mean_goldstein": None},
             {"period": "2010-05-01", "key": "1", "n": 2, "mean_goldstein": None}]
    chart = timeline_chart(rows, by="quad_class", interval="month")  # 1943-2050: mostly empty months
    assert chart.periods == 12 and chart.outside == 4
    assert chart.hovers[0]["period"] == "2022-01-01" and chart.hovers[-1]["period"] == "2022-12-01"
    # a long axis that is really full is kept whole up to the limit
    assert timeline_chart(rows[:12], by="quad_class", interval="month", max_periods=100).outside == 0


# -- one connection per request on a shared store ----------------------------------------------------------

def test_a_served_store_opens_one_connection_per_request(tmp_path, monkeypatch):
    from newsevents import locking

    sample_store(str(tmp_path / "s.duckdb")).close()
    opened = []
    real = locking.connect
    monkeypatch.setattr(locking, "connect", lambda *a, **k: opened.append(a) or real(*a, **k))
    app = create_app(db_path=str(tmp_path / "s.duckdb"))
    with TestClient(app) as c:
        for url in ("/", "/actor/RUS", "/api/events?format=csv"):  # 3, about 10, and 1 query
            opened.clear()
            r = c.get(url)
            assert r.status_code == 200, url
            assert len(opened) == 1, (url, len(opened))  # several queries, one connection
    # between requests the file is free: a writer can open it
    from newsevents.store import Store
    with Store(str(tmp_path / "s.duckdb")) as writer:
        assert writer.count_events() == 5


def test_event_page_shows_every_place_of_an_event_in_several(tmp_path):
    from newsevents.records import DocumentResult, Location
    from newsevents.store import Store
    from store_samples import TEXT_B, day, ent, event, sample_results, span

    kiev = Location("Kiev", span(TEXT_B, "Kiev"), "Kiev", "UKR", 50.45, 30.52, 703448, "city", "town")
    paris = Location("Paris", span(TEXT_B, "Paris"), "Paris", "FRA", 48.85, 2.35, 2988507, "city", "town")
    e = event("b", TEXT_B, "ont condamné", "ACCUSE", "111", (ent(TEXT_B, "DEU", "GOV", "Berlin"),), (),
              day("2024-03-01", "vendredi", TEXT_B), location=kiev, locations=(kiev, paris))
    store = Store(tmp_path / "two.duckdb")
    store.ingest([DocumentResult(sample_results()[1].article, (e,))])
    with TestClient(create_app(store)) as c:
        assert [p["name"] for p in c.get(f"/api/events/{e.id}").json()["locations"]] == ["Kiev", "Paris"]
        html = c.get(f"/events/{e.id}").text
        places = html[html.index('id="places"'):]
        places = places[:places.index("</dd>")]
        assert "Kiev UKR" in places and "Paris FRA" in places and places.count('class="place"') == 2
        assert html.count("hl-place") >= 3  # the label and both places highlighted in the text
    store.close()
