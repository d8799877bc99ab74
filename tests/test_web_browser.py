"""End-to-end: the explorer in headless Chromium (Debian's /usr/bin/chromium driven by Playwright).

The server runs with uvicorn on 127.0.0.1 on a free port in a thread, over an in-memory store of the
hand-coded events of tests/web_samples.py. Every request the page makes is recorded and must go to that server.

Chromium missing: skipped on a developer's machine (``make install-test`` installs it as root), a failure in CI
(``CI=true``). Set ``NEWSEVENTS_SCREENSHOTS=DIR`` to keep screenshots of the pages for a look.
"""
from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

from web_samples import sample_store

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TIMEOUT_MS = 15_000


def _unavailable(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; CI must run the browser tests (make install-test installs chromium)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def server():
    yield from serve_on_loopback(sample_store())


def serve_on_loopback(store):
    """Serve ``store``'s explorer on a free port of 127.0.0.1 in a thread; yields (base URL, store), then stops
    the server and closes the store."""
    import uvicorn

    from newsevents.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the explorer did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", store
    srv.should_exit = True
    thread.join(10)
    store.close()


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} not found (Debian package chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright Python package is not installed (test extra)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, timeout=60_000)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    base, _ = server
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    pg = context.new_page()
    pg.requests_seen = []
    pg.errors = []
    pg.on("request", lambda r: pg.requests_seen.append(r.url))
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()
    # loopback only: nothing but our own server was asked for anything
    assert all(u.startswith(base + "/") for u in pg.requests_seen), pg.requests_seen
    assert pg.errors == []  # no script error, no CSP violation


def shot(pg, name: str) -> None:
    out = os.environ.get("NEWSEVENTS_SCREENSHOTS")
    if out:
        Path(out).mkdir(parents=True, exist_ok=True)
        pg.screenshot(path=str(Path(out) / f"{name}.png"), full_page=True)


def test_filter_open_event_and_see_highlighted_spans(page, server):
    base, store = server
    page.goto(base + "/")
    assert page.locator("table#events tbody tr").count() == 5
    page.fill("form.filters input[name=actor]", "France")  # a country name is read as its code
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/?*actor=France*")
    assert page.locator("form.filters input[name=actor]").input_value() == "FRA"
    assert page.locator("#total").inner_text() == "2"
    assert page.locator("table#events tbody tr").count() == 2
    shot(page, "list")
    page.locator("table#events a", has_text="CONSULT").click()
    page.wait_for_selector("#document .doctext")
    text = page.locator("#document .doctext")
    for kind, words in [("actor", "président français"), ("recipient", "chancelier allemand"),
                        ("event", "a rencontré"), ("date", "mardi"), ("place", "Berlin"),
                        ("attribution", "selon l'AFP")]:
        mark = text.locator(f"mark.hl-{kind}").first
        assert mark.inner_text() == words
        assert mark.is_visible()
    colours = {k: text.locator(f"mark.hl-{k}").first.evaluate("e => getComputedStyle(e).backgroundColor")
               for k in ("actor", "recipient", "event", "date", "place", "attribution")}
    assert len(set(colours.values())) == 6, colours  # each kind its own colour
    assert page.locator("table#others tbody tr").count() == 1  # the aid promise of the same document
    shot(page, "event")


def test_script_in_a_document_is_shown_not_run(page, server):
    base, _ = server
    page.goto(base + "/documents/doc3")
    assert "<script>alert('piège')</script>" in page.locator("#document .doctext").inner_text()
    assert page.locator("#document script").count() == 0


def test_timeline_and_dyads_render_svg(page, server):
    base, _ = server
    page.goto(base + "/timeline?interval=month&by=event_type")
    assert page.locator("svg#timeline g.bars rect").count() == 5
    assert page.locator("svg#timeline rect.hover").count() == 3  # January to March, no gap
    assert page.locator("svg#timeline path.goldstein").count() == 1
    box = page.locator("svg#timeline").bounding_box()
    assert box["width"] > 300 and box["height"] > 100
    shot(page, "timeline")
    page.goto(base + "/dyads")
    assert page.locator("svg#dyads g.nodes circle").count() == 4
    assert page.locator("svg#dyads g.edges path").count() == 4


def test_map_draws_countries_and_places_offline(page, server):
    base, _ = server
    page.goto(base + "/map")
    page.wait_for_selector("svg#map[data-ready='1']")
    assert page.locator("svg#map path.country").count() > 150
    assert page.locator("svg#map circle.place").count() == 3
    # countries with events are shaded (Germany, Ukraine, Mali: ISO numeric 276, 804, 466)
    fills = {i: page.locator(f"svg#map path.country[data-id='{i}']").get_attribute("fill")
             for i in ("276", "804", "466", "250")}
    assert fills["250"] == "#e6e6e6" and len({fills["276"], fills["250"]}) == 2
    page.goto(base + "/map?actor_country=MLI")
    page.wait_for_selector("svg#map[data-ready='1']")
    assert page.locator("svg#map circle.place").count() == 1
    shot(page, "map")


def test_filters_show_as_removable_chips(page, server):
    base, _ = server
    page.goto(base + "/?actor=Russie&event_type=ACCUSE")
    chips = page.locator("#chips li.chip")
    assert chips.count() == 2
    assert "Russie" in chips.filter(has_text="actor").inner_text()
    assert page.locator("form.filters input[name=actor]").input_value() == "RUS"  # the box shows the filter in force
    assert page.locator("form.filters select[name=event_type]").input_value() == "ACCUSE"
    assert page.locator("#total").inner_text() == "1"
    shot(page, "chips")
    page.locator("#chips li.chip[data-name=event_type] a.x").click()
    page.wait_for_url(lambda url: "event_type" not in url)
    assert page.locator("#chips li.chip").count() == 1 and page.locator("#total").inner_text() == "1"
    page.locator("#chips li.chip[data-name=actor] a.x").click()
    page.wait_for_url(base + "/")
    assert page.locator("#chips").count() == 0 and page.locator("#total").inner_text() == "5"
    # the chips follow the page: on the timeline, removing one keeps the interval
    page.goto(base + "/timeline?interval=month&by=quad_class&modality=alleged")
    page.locator("#chips li.chip[data-name=modality] a.x").click()
    page.wait_for_url("**/timeline?interval=month&by=quad_class")


def test_actor_codes_link_to_the_actor_page(page, server):
    base, _ = server
    page.goto(base + "/")
    page.locator("table#events a.ent", has_text="RUS").first.click()
    page.wait_for_url("**/actor/RUSGOV")
    assert "Russie" in page.locator("#actor-title").inner_text()
    assert page.locator("#as-actor .big").inner_text() == "1"
    assert page.locator("#as-recipient .big").inner_text() == "0"
    assert page.locator("svg#actor-timeline g.bars rect").count() >= 1
    assert page.locator("#partners-recipients td", has_text="UKR").count() == 1
    assert page.locator("table#latest tbody tr").count() == 1
    page.goto(base + "/actor/UKR")
    assert page.locator("#as-actor .big").inner_text() == "1"       # the alleged strike
    assert page.locator("#as-recipient .big").inner_text() == "2"   # accused by Moscow, aid promised
    assert page.locator("svg#modality rect").count() == 1
    assert page.locator("#partners-actors td", has_text="RUS").count() == 1
    shot(page, "actor")
    page.fill("header form.search input[name=q]", "Allemagne")
    page.keyboard.press("Enter")
    page.wait_for_url("**/actor/DEU")


def test_timeline_axis_is_continuous(page, server):
    base, _ = server
    page.goto(base + "/timeline?interval=week&by=event_type")
    hovers = page.locator("svg#timeline rect.hover")
    periods = [hovers.nth(i).get_attribute("data-period") for i in range(hovers.count())]
    # 15 January to 4 March 2024: eight Mondays, all drawn, empty weeks as zero
    assert periods == ["2024-01-15", "2024-01-22", "2024-01-29", "2024-02-05", "2024-02-12", "2024-02-19",
                       "2024-02-26", "2024-03-04"], periods
    assert [hovers.nth(i).get_attribute("data-n") for i in range(8)] == ["2", "0", "2", "0", "0", "0", "0", "1"]
    assert "2 events (CONSULT 1, AID 1); mean Goldstein +4.0" in hovers.nth(0).locator("title").text_content()
    # the Goldstein line is broken over the empty weeks: one sub-path per run of weeks with data
    assert page.locator("svg#timeline path.goldstein").get_attribute("d").count("M") == 3
    fills = page.locator("svg#timeline g.bars rect").evaluate_all("rs => rs.map(r => r.getAttribute('fill'))")
    assert len(set(fills)) == 4  # AID, CONSULT, ACCUSE, ASSAULT: four colours
    shot(page, "timeline-week")


def test_map_legend_and_click_through(page, server):
    base, _ = server
    page.goto(base + "/map")
    page.wait_for_selector("svg#map[data-ready='1']")
    assert page.locator("#map-legend svg.legend-shade rect.swatch").count() >= 2
    assert page.locator("#map-legend svg.legend-size circle").count() >= 1
    page.locator("svg#map circle.place[data-name='Bamako']").click()
    page.wait_for_selector("#place-events[data-ready='1']")
    rows = page.locator("#place-events table tbody tr")
    assert rows.count() == 1 and "ACCUSE" in rows.first.inner_text()
    shot(page, "map-click")
    page.locator("#place-events a", has_text="open in the event list").click()
    page.wait_for_url("**/?place=Bamako")
    assert page.locator("#total").inner_text() == "1"


def test_documents_index_and_source_columns(page, server):
    base, _ = server
    page.goto(base + "/documents")
    assert page.locator("table#documents tbody tr").count() == 3
    page.fill("form.filters input[name=q]", "berlin")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/documents?q=berlin")
    assert page.locator("table#documents tbody tr").count() == 1
    shot(page, "documents")
    page.goto(base + "/?event_type=CONSULT")
    row = page.locator("table#events tbody tr").first
    assert row.locator("td.source").first.inner_text() == "Agence test"
    assert "selon l'AFP" in row.locator("td.attribution").inner_text()
