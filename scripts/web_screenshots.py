"""Screenshots of every page of the web explorer, for docs/web.md.

    newsevents demo --db /tmp/demo.duckdb                       # the bundled, invented sample story
    python scripts/web_screenshots.py --db /tmp/demo.duckdb     # writes docs/img/web-*.png

Starts the explorer on the store (read-only) on a free loopback port, opens each page in headless Chromium
(Debian's /usr/bin/chromium driven by Playwright, as the browser tests) and saves a full-page PNG. The docs
use the bundled sample story: the news corpora are copyrighted, so screenshots of them stay out of the
repository (write them elsewhere with ``--out``), except with ``--charts-only``: the timeline, dyads and map
pages (no click), which show counts, codes and country shapes only, saved as ``web-<page>-<suffix>.png``.
``--actor`` and ``--place`` pick what the actor page and the map click show (default: the busiest actor
country and the busiest place of the store).
"""
from __future__ import annotations

import argparse
import socket
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


CHART_PAGES = ("timeline", "dyads", "map")
"""Pages that show only counts, codes and country shapes, no document text (``--charts-only``)."""


def _serve(store):
    import uvicorn

    from newsevents.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            raise RuntimeError("the explorer did not start")
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


def pages(store, actor: str | None, place: str | None) -> list[tuple[str, str, str | None]]:
    """(name, path, element to click before the shot) of each page to take."""
    from urllib.parse import quote

    stats = store.stats()
    dyads = store.dyads(limit=1)
    actor = actor or (dyads[0]["actor"] if dyads else "FRA")
    places = store.locations(limit=1)
    place = place or (places[0]["name"] if places else None)
    first = store.query_events(limit=1, order="-date")
    out = [("events", f"/?actor={quote(actor)}", None)]
    if first:
        out.append(("event", f"/events/{first[0]['id']}", None))
        out.append(("document", f"/documents/{quote(first[0]['doc_id'])}", None))
    interval = "month" if (stats.get("first_date") or "")[:7] != (stats.get("last_date") or "")[:7] else "day"
    out += [("timeline", f"/timeline?interval={interval}", None), ("actor", f"/actor/{quote(actor)}", None),
            ("dyads", "/dyads", None),
            ("map", "/map", f"svg#map circle.place[data-name='{place}']" if place else None),
            ("documents", "/documents", None)]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="the event database to show")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img", help="output folder (docs/img)")
    parser.add_argument("--actor", default=None, help="actor code of the actor page")
    parser.add_argument("--place", default=None, help="place name to click on the map")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--charts-only", action="store_true",
                        help="only the pages that show no document text (timeline, dyads, the map without a click), "
                             "named web-<page>-<--suffix>.png: what may go into the docs from a copyrighted corpus")
    parser.add_argument("--suffix", default="corpus", help="file name suffix with --charts-only (default: corpus)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from playwright.sync_api import sync_playwright

    from newsevents.store import Store

    args.out.mkdir(parents=True, exist_ok=True)
    with Store(args.db, read_only=True) as store:
        server, base = _serve(store)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                page = browser.new_page(viewport={"width": args.width, "height": 800})
                for name, path, click in pages(store, args.actor, args.place):
                    if args.charts_only:
                        if name not in CHART_PAGES:
                            continue
                        click, name = None, f"{name}-{args.suffix}"
                    page.goto(base + path)
                    if name.startswith("map"):
                        page.wait_for_selector("svg#map[data-ready]")
                    if click:
                        page.locator(click).first.dispatch_event("click")  # circles may overlap
                        page.wait_for_selector("#place-events[data-ready='1']")
                    target = args.out / f"web-{name}.png"
                    page.screenshot(path=str(target), full_page=True)
                    print(f"{target} <- {path}")
                browser.close()
        finally:
            server.should_exit = True
    return 0


if __name__ == "__main__":
    sys.exit(main())
