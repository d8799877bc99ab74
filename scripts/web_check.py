"""Walk the issue-13 Build list of the web explorer in headless Chromium on any event store.

    python scripts/web_check.py --db /tmp/lemonde.duckdb [--shots DIR]

Starts the explorer on the store (read-only) on a free loopback port and drives Debian's /usr/bin/chromium
through Playwright (as tests/test_web_browser.py does), checking each item against what the store holds, read
through the JSON API (so the checks hold on any store, not only on the test sample):

1. timeline: a continuous weekly axis (every Monday from the first week to the last, empty weeks drawn as
   zero), the Goldstein line broken once per gap, one colour per PLOVER type, counts in each period's tooltip;
2. chips and filter boxes: a country name in the actor box (``Russie``) shows as its code, each active filter
   is a chip whose × removes it; the header search box opens an actor page for a country name and the event
   list for other words;
3. actor page (of the store's busiest actor code): its counts are those of the API, partners, modality mix
   and latest events are drawn; an actor code in the event list links to it; the documents index and its
   search; source and attribution columns;
4. map: legend for the shading and the circle sizes, one circle per place of the API, a click on the busiest
   place lists its events and links to the event list filtered by that place;
5. the event page highlights its evidence; dyads and clusters pages draw.

Every page must load without a console error (a CSP violation would be one) and ask nothing of another host.
Prints one line per check (ok / FAILED and what was seen) and the page load times; exit status 1 on a failure.
With ``--shots DIR`` a full-page PNG of each page goes to DIR (keep DIR outside the repository when the store
holds copyrighted news).
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from web_screenshots import ARGS, CHROMIUM, _serve  # noqa: E402


class Checker:
    """One browser page on the explorer at ``base``, with the API read through ``api`` (an httpx client)."""

    def __init__(self, page, base: str, api, shots: Path | None):
        self.page, self.base, self.api, self.shots = page, base, api, shots
        self.errors: list[str] = []
        self.foreign: list[str] = []
        self.loads: list[tuple[str, float]] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: None if r.url.startswith(base + "/") else self.foreign.append(r.url))

    def goto(self, path: str) -> None:
        """Open ``path`` and record how long the page took to load (milliseconds)."""
        t0 = time.perf_counter()
        self.page.goto(self.base + path)
        self.loads.append((path, (time.perf_counter() - t0) * 1000))

    def total(self, query: str) -> int:
        """The API's event count for a filter query string."""
        return self.api.get(f"/api/events?{query}&limit=1").json()["total"]

    def shot(self, name: str) -> None:
        if self.shots:
            self.shots.mkdir(parents=True, exist_ok=True)
            self.page.screenshot(path=str(self.shots / f"web-{name}.png"), full_page=True)


def _mondays(first: str, last: str) -> list[str]:
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    start -= timedelta(days=start.weekday())
    return [(start + timedelta(weeks=i)).isoformat() for i in range((end - start).days // 7 + 1)]


def counts_events(tooltip: str) -> bool:
    """Whether a timeline tooltip gives a count of events: "12 events (ASSAULT 7, ...)" or "1 event (AID 1)"."""
    return re.search(r"\b\d[\d,]* events?\b", tooltip) is not None


def check_timeline(c: Checker) -> str:
    rows = c.api.get("/api/timeline?interval=week&by=event_type").json()
    c.goto("/timeline?interval=week&by=event_type")
    hovers = c.page.locator("svg#timeline rect.hover")
    drawn = hovers.evaluate_all("rs => rs.map(r => [r.dataset.period, r.dataset.n])")
    assert [p for p, _ in drawn] == _mondays(drawn[0][0], drawn[-1][0]), "the weeks are not continuous"
    counts = Counter()
    for r in rows:
        counts[r["period"]] += r["n"]
    assert all(int(n) == counts.get(p, 0) for p, n in drawn), "a week's count differs from the API's"
    empty = [p for p, n in drawn if n == "0"]
    runs = sum(1 for i, (_, n) in enumerate(drawn) if n != "0" and (i == 0 or drawn[i - 1][1] == "0"))
    path = c.page.locator("svg#timeline path.goldstein").get_attribute("d") or ""
    assert path.count("M") == runs, f"Goldstein line: {path.count('M')} pieces for {runs} runs of weeks"
    fills = set(c.page.locator("svg#timeline g.bars rect").evaluate_all("rs => rs.map(r => r.getAttribute('fill'))"))
    types = {r["key"] for r in rows}
    assert len(fills) == len(types), f"{len(fills)} colours for {len(types)} types"
    tip = hovers.nth(0).locator("title").text_content()
    assert counts_events(tip), f"no event count in the tooltip {tip!r}"
    c.shot("timeline")
    return (f"{len(drawn)} weeks {drawn[0][0]}..{drawn[-1][0]} ({len(empty)} empty), counts as the API's, line in "
            f"{runs} pieces, {len(types)} types in {len(fills)} colours")


def check_chips(c: Checker) -> str:
    c.goto("/?actor=Russie&event_type=ASSAULT")
    assert c.page.locator("form.filters input[name=actor]").input_value() == "RUS"
    assert c.page.locator("#chips li.chip").count() == 2
    both, actor_only = c.total("actor=RUS&event_type=ASSAULT"), c.total("actor=RUS")
    assert c.page.locator("#total").inner_text().replace(",", "") == str(both)
    c.shot("events")
    c.page.locator("#chips li.chip[data-name=event_type] a.x").click()
    c.page.wait_for_url(lambda url: "event_type" not in url)
    assert c.page.locator("#total").inner_text().replace(",", "") == str(actor_only)
    c.page.fill("header form.search input[name=q]", "Russie")
    c.page.keyboard.press("Enter")
    c.page.wait_for_url("**/actor/RUS")
    c.page.fill("header form.search input[name=q]", "Kremlin")
    c.page.keyboard.press("Enter")
    c.page.wait_for_url("**/?*text=Kremlin*")
    assert c.page.locator("#total").inner_text().replace(",", "") == str(c.total("text=Kremlin"))
    return f"Russie -> RUS, {both} then {actor_only} events; search 'Russie' -> /actor/RUS, 'Kremlin' -> text filter"


def busiest_actor(c: Checker) -> str:
    """The country code with the most events of the store's dyads (API) among those seen both as actor and as
    recipient (so that both partner tables have rows), else the one with the most events as actor."""
    as_actor, as_recipient = Counter(), Counter()
    for row in c.api.get("/api/dyads?limit=5000").json():
        as_actor[row["actor"]] += row["n"]
        as_recipient[row["recipient"]] += row["n"]
    both = [code for code in as_actor if as_recipient[code] and code not in ("---", "")]
    pool = both or [code for code in as_actor if code not in ("---", "")]
    assert pool, "the store has no dyad with a known actor"
    return min(pool, key=lambda code: (-(as_actor[code] + as_recipient[code]), code))


def check_actor(c: Checker) -> str:
    c.goto("/")
    link = c.page.locator("table#events a.ent").first
    code = link.inner_text().split()[0]
    link.click()
    c.page.wait_for_url("**/actor/*")
    busiest = busiest_actor(c)
    c.goto(f"/actor/{busiest}")
    as_actor = c.page.locator("#as-actor .big").inner_text().replace(",", "")
    as_recipient = c.page.locator("#as-recipient .big").inner_text().replace(",", "")
    assert (as_actor, as_recipient) == (str(c.total(f"actor={busiest}")), str(c.total(f"recipient={busiest}")))
    for sel in ("svg#actor-timeline g.bars rect", "svg#modality rect", "#partners-recipients tbody tr",
                "#partners-actors tbody tr", "table#latest tbody tr"):
        assert c.page.locator(sel).count() > 0, f"nothing drawn in {sel}"
    c.shot("actor")
    return (f"list link {code} opens its page; busiest actor {busiest}: {as_actor} as actor, {as_recipient} as "
            f"recipient")


def check_documents(c: Checker) -> str:
    c.goto("/documents")
    rows = c.page.locator("table#documents tbody tr")
    assert rows.count() > 0
    word = max(rows.first.locator("td").nth(1).inner_text().split(), key=len).strip(".,:;«»\"'")
    c.shot("documents")
    c.goto(f"/documents?q={quote(word)}")
    found = c.page.locator("table#documents tbody tr").count()
    assert found >= 1, f"searching {word!r} found nothing"
    c.goto("/")
    cells = c.page.locator("table#events tbody td.attribution")
    assert c.page.locator("table#events tbody td.source:not(.attribution)").count() == cells.count() > 0
    said = sum(1 for t in cells.all_inner_texts() if t.strip())
    return f"index drawn, search {word!r}: {found} rows; source and attribution columns ({said} attributions on page 1)"


def check_map(c: Checker) -> str:
    places = c.api.get("/api/locations").json()
    c.goto("/map")
    c.page.wait_for_selector("svg#map[data-ready='1']")
    assert c.page.locator("#map-legend svg.legend-shade rect.swatch").count() >= 2
    assert c.page.locator("#map-legend svg.legend-size circle").count() >= 1
    circles = c.page.locator("svg#map circle.place").count()
    drawable = sum(1 for p in places if p.get("lat") is not None)
    assert circles == drawable, f"{circles} circles for {drawable} places"
    top = max(places, key=lambda p: p["n"])
    c.page.locator(f"svg#map circle.place[data-name=\"{top['name']}\"]").first.dispatch_event("click")
    c.page.wait_for_selector("#place-events[data-ready='1']")
    rows = c.page.locator("#place-events table tbody tr").count()
    assert rows == min(20, c.total(f"place={quote(top['name'])}")), f"{rows} rows listed for {top['name']}"
    c.shot("map")
    c.page.locator("#place-events a", has_text="open in the event list").click()
    c.page.wait_for_url("**/?place=*")
    listed = c.page.locator("#total").inner_text().replace(",", "")
    assert listed == str(c.total(f"place={quote(top['name'])}"))
    return f"legend, {circles} circles; {top['name']} lists {rows} events and links to {listed}"


def check_pages(c: Checker) -> str:
    first = c.api.get("/api/events?limit=1").json()["events"][0]
    c.goto(f"/events/{first['id']}")
    assert c.page.locator("#document .doctext mark.hl-event").count() >= 1
    c.shot("event")
    c.goto(f"/documents/{quote(first['doc_id'])}")
    assert c.page.locator("#document .doctext mark").count() >= 1
    c.shot("document")
    c.goto("/dyads")
    nodes = c.page.locator("svg#dyads g.nodes circle").count()
    assert nodes > 0
    c.shot("dyads")
    c.goto("/clusters")
    clusters = c.page.locator("table tbody tr").count()
    assert clusters > 0
    return f"event and document highlighted, {nodes} countries on the dyads, {clusters} cluster rows"


CHECKS = [("1 timeline", check_timeline), ("2 chips, boxes, search", check_chips), ("3 actor page", check_actor),
          ("3 documents, columns", check_documents), ("4 map", check_map), ("6 other pages", check_pages)]


def main() -> int:
    """Run the checks; exit status 0 when all pass."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="the event database to check")
    parser.add_argument("--shots", type=Path, default=None, help="write a PNG of each page to this folder")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    import httpx
    from playwright.sync_api import sync_playwright

    from newsevents.store import Store

    failed = 0
    with Store(args.db, read_only=True) as store:
        server, base = _serve(store)
        try:
            with sync_playwright() as p, httpx.Client(base_url=base, timeout=60) as api:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.set_default_timeout(60_000)
                c = Checker(page, base, api, args.shots)
                print(f"store: {api.get('/api/stats').json().get('events')} events")
                for name, check in CHECKS:
                    before = len(c.errors)
                    try:
                        detail = check(c)
                        assert len(c.errors) == before, f"console errors: {c.errors[before:]}"
                        print(f"ok      {name}: {detail}")
                    except Exception as exc:  # report every check, then fail
                        failed += 1
                        print(f"FAILED  {name}: {type(exc).__name__}: {exc}")
                if c.foreign:
                    failed += 1
                    print(f"FAILED  requests to other hosts: {c.foreign[:5]}")
                slowest = sorted(c.loads, key=lambda x: -x[1])[:5]
                print("slowest page loads in the browser (ms): "
                      + ", ".join(f"{path} {ms:.0f}" for path, ms in slowest))
                browser.close()
        finally:
            server.should_exit = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
