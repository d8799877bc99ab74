"""Latency of the web explorer on a 100k-event synthetic store.

    .venv/bin/python benchmarks/web_latency.py [--events 100000] [--db PATH] [--repeat 20]

Builds a store of synthetic events (made-up French sentences; random countries, sectors, PLOVER types with a
matching CAMEO code, modalities, dates over two years, places at capital cities), starts the explorer with
uvicorn on 127.0.0.1 on a free port in a thread, and times every page type (event list, one event, actor,
documents index, one document, timeline, map and its click-through, dyads, clusters, one cluster, search box)
and the JSON endpoints behind them, with real HTTP requests over loopback (redirects followed): median and 95th
percentile of ``--repeat`` requests each. Target: < 300 ms. With ``--db`` an existing file is reused (built
there when missing; with event clusters unless ``--no-clusters``). The explorer opens the file as ``newsevents
serve`` does (``create_app(db_path=...)``: read-only, shared, a short connection per request, so an ingest can
write meanwhile); ``--held-connection`` serves a store that keeps one connection open instead. The explorer
keeps the answers of its summary queries while the file does not change (``web/query_cache.py``), so the
repeated requests of a page are answered from it; ``--no-cache`` times every request as a first one.
"""
from __future__ import annotations

import argparse
import random
import socket
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from newsevents.codes import PLOVER_TYPES, load_cameo
from newsevents.records import Article, DocumentResult, Entity, Event, EventDate, Location

COUNTRIES = {  # ISO 3166-1 alpha-3: (capital, French demonym phrase, lat, lon)
    "FRA": ("Paris", "le gouvernement français", 48.857, 2.352), "DEU": ("Berlin", "le chancelier allemand", 52.52, 13.405),
    "RUS": ("Moscou", "le Kremlin", 55.756, 37.617), "UKR": ("Kiev", "les autorités ukrainiennes", 50.45, 30.523),
    "USA": ("Washington", "la Maison Blanche", 38.895, -77.036), "CHN": ("Pékin", "la diplomatie chinoise", 39.904, 116.407),
    "MLI": ("Bamako", "la junte malienne", 12.65, -8.0), "SEN": ("Dakar", "le président sénégalais", 14.693, -17.447),
    "ISR": ("Jérusalem", "l'armée israélienne", 31.769, 35.216), "IRN": ("Téhéran", "le régime iranien", 35.689, 51.389),
    "GBR": ("Londres", "le Premier ministre britannique", 51.507, -0.128), "BRA": ("Brasilia", "le président brésilien", -15.794, -47.882),
    "DZA": ("Alger", "le pouvoir algérien", 36.754, 3.059), "MAR": ("Rabat", "le royaume chérifien", 34.021, -6.841),
    "TUR": ("Ankara", "le président turc", 39.934, 32.86), "IND": ("New Delhi", "le gouvernement indien", 28.614, 77.209),
    "JPN": ("Tokyo", "le Premier ministre japonais", 35.68, 139.76), "ZAF": ("Pretoria", "l'Afrique du Sud", -25.746, 28.188),
    "NGA": ("Abuja", "l'armée nigériane", 9.058, 7.489), "COD": ("Kinshasa", "le gouvernement congolais", -4.322, 15.322),
}
SECTORS = ("GOV", "GOV", "GOV", "MIL", "COP", "REB", "MED", "")
MODALITIES = ("asserted",) * 6 + ("alleged", "intended", "negated", "hypothetical")


def _codes_by_type() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {t: [] for t in PLOVER_TYPES}
    for c in load_cameo():
        for t in c.plover_event.split("|"):
            if t in out:
                out[t].append(c.code)
    return {t: codes for t, codes in out.items() if codes}


def synthetic_results(n_events: int, seed: int = 0, per_doc: int = 5) -> Iterator[DocumentResult]:
    """DocumentResults with ``per_doc`` events each until ``n_events`` events: deterministic for a seed."""
    rng = random.Random(seed)
    cameo = load_cameo()
    by_type = _codes_by_type()
    types = list(by_type)
    codes = list(COUNTRIES)
    made = 0
    d = 0
    while made < n_events:
        day = 1 + rng.randrange(730)
        published = time.strftime("%Y-%m-%d", time.gmtime(1672531200 + day * 86400))  # from 2023-01-02
        doc_id = f"syn{d:06d}"
        parts: list[str] = []
        events: list[Event] = []
        for _ in range(min(per_doc, n_events - made)):
            a, r = rng.sample(codes, 2)
            et = rng.choice(types)
            code = rng.choice(by_type[et])
            row = cameo[code]
            start = sum(len(p) + 1 for p in parts)
            actor_words, where = COUNTRIES[a][1], rng.choice((a, r))
            place = COUNTRIES[where]
            sentence = f"À {place[0]}, {actor_words} a {row.description.lower()[:40]} avec {COUNTRIES[r][1]}."
            parts.append(sentence)
            ai = start + sentence.index(actor_words)
            ri = start + sentence.index(COUNTRIES[r][1], ai - start + len(actor_words))
            vi = ai + len(actor_words) + 1
            vend = start + sentence.index(" avec ")
            pi = start + 2
            events.append(Event(
                doc_id=doc_id, event_type=et, cameo_code=code, mode=row.plover_mode.split("|")[0],
                context="", goldstein=row.goldstein, quad_class=row.quad_class,
                actor=(Entity(a, rng.choice(SECTORS), actor_words, (ai, ai + len(actor_words))),),
                recipient=(Entity(r, rng.choice(SECTORS), COUNTRIES[r][1], (ri, ri + len(COUNTRIES[r][1]))),),
                modality=rng.choice(MODALITIES), event_text=sentence[vi - start:vend - start], event_span=(vi, vend),
                sentence=sentence, sentence_span=(start, start + len(sentence)), lang="fr",
                date=EventDate(published, None, None, "publication"),
                location=Location(place[0], (pi, pi + len(place[0])), place[0], where, place[2], place[3], None,
                                  "city")))
            made += 1
        text = " ".join(parts)
        yield DocumentResult(Article(doc_id, text, published, "fr", f"Dépêche {d}", None, rng.choice(
            ("Agence A", "Journal B", "Radio C"))), tuple(events))
        d += 1


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(app) -> tuple[object, threading.Thread, str]:
    """Run ``app`` with uvicorn on 127.0.0.1:<free port> in a daemon thread; returns (server, thread, base URL)
    once it accepts connections (raises RuntimeError after 20 s)."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the web server did not start")
        time.sleep(0.05)
    return server, thread, f"http://127.0.0.1:{port}"


def main(argv: list[str] | None = None) -> int:
    import httpx

    from newsevents.store import Store
    from newsevents.web import create_app

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--db", default=None)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--no-clusters", action="store_true", help="build the store without event clusters")
    ap.add_argument("--held-connection", action="store_true",
                    help="serve a store that holds one connection (create_app(store)) instead of opening the file "
                         "as `newsevents serve` does (create_app(db_path=...): a connection per query)")
    ap.add_argument("--no-cache", action="store_true",
                    help="serve without the explorer's query cache (web/query_cache.py): every request queries "
                         "the store, as the first request after a change of the file does")
    args = ap.parse_args(argv)
    tmp = tempfile.TemporaryDirectory()
    path = Path(args.db) if args.db else Path(tmp.name) / "bench.duckdb"
    if not path.exists():
        t0 = time.perf_counter()
        with Store(path) as store:
            report = store.ingest(synthetic_results(args.events), batch_size=2000, clusters=not args.no_clusters)
        print(f"built {path}: {report.documents} documents, {report.events} events in "
              f"{time.perf_counter() - t0:.1f} s")
    store = Store(path, read_only=True, shared=not args.held_connection)
    print(f"store: {store.count_events()} events, "
          + ("one held connection" if args.held_connection else "opened as `newsevents serve` does"))
    cache = not args.no_cache
    server, thread, base = start_server(create_app(store, cache=cache) if args.held_connection
                                        else create_app(db_path=path, cache=cache))
    print("query cache " + ("on" if cache else "off"))
    cases = page_cases(base)
    worst = 0.0
    try:
        with httpx.Client(base_url=base, timeout=30, follow_redirects=True) as client:
            print(f"{'request':36} {'median ms':>10} {'p95 ms':>8} {'max ms':>8}")
            for name, url in cases:
                client.get(url).raise_for_status()  # warm-up
                times = []
                for _ in range(args.repeat):
                    t0 = time.perf_counter()
                    client.get(url).raise_for_status()
                    times.append((time.perf_counter() - t0) * 1000)
                times.sort()
                p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
                worst = max(worst, p95)
                print(f"{name:36} {statistics.median(times):10.1f} {p95:8.1f} {times[-1]:8.1f}")
    finally:
        server.should_exit = True
        thread.join(10)
        store.close()
        tmp.cleanup()
    print(f"worst p95: {worst:.1f} ms (target < 300 ms): {'OK' if worst < 300 else 'SLOW'}")
    return 0


def page_cases(base: str) -> list[tuple[str, str]]:
    """(name, URL path) of the requests to time: every page type of the explorer (event list, one event, actor,
    documents index, one document, timeline, map and its click-through, dyads, clusters and one cluster, the
    search box) and the JSON endpoints behind them. The ids of the event, document and cluster pages are read
    from the store through the API at ``base``."""
    import httpx

    first = httpx.get(f"{base}/api/events?limit=1&offset=777", timeout=30).json()["events"][0]
    clusters = httpx.get(f"{base}/api/clusters?limit=1", timeout=30).json()["clusters"]
    place = (first.get("location") or {}).get("text") or "Paris"
    cases = [
        ("event page", f"/events/{first['id']}"),
        ("event JSON", f"/api/events/{first['id']}"),
        ("document page", f"/documents/{first['doc_id']}"),
        ("document JSON", f"/api/documents/{first['doc_id']}"),
        ("documents index", "/documents"),
        ("clusters HTML", "/clusters"),
        ("clusters HTML, 2+ sources", "/clusters?min_sources=2&order=-sources"),
        ("map click-through (place, JSON)", f"/api/events?place={place}&limit=20"),
        ("location countries JSON", "/api/location-countries"),
        ("search box, country name", "/search?q=Russie"),
        ("search box, words", "/search?q=Kremlin"),
    ]
    if clusters:
        cases.append(("cluster page", f"/clusters/{clusters[0]['cluster_id']}"))
    return _LIST_CASES + cases


_LIST_CASES = [
        ("list JSON, first page", "/api/events?limit=50"),
        ("list JSON, actor+type filter", "/api/events?actor_country=FRA&event_type=CONSULT&limit=50"),
        ("list JSON, text filter", "/api/events?text=kremlin&limit=50"),
        ("list JSON, offset 50000", "/api/events?limit=50&offset=50000"),
        ("list HTML page", "/?actor_country=RUS&since=2023-06-01&until=2024-06-01"),
        ("timeline JSON, day x type", "/api/timeline?interval=day&by=event_type"),
        ("timeline JSON, week x quad", "/api/timeline?interval=week&by=quad_class"),
        ("timeline HTML, week x type", "/timeline?interval=week&by=event_type"),
        ("timeline HTML, day, filtered", "/timeline?interval=day&actor_country=UKR"),
        ("dyads HTML", "/dyads"),
        ("locations JSON", "/api/locations"),
        ("map HTML", "/map"),
        ("list HTML, country name + chips", "/?actor=Russie&event_type=ASSAULT"),
        ("actor page, week", "/actor/RUS"),
        ("actor page, sector", "/actor/UKRMIL?interval=month"),
        ("documents index, search", "/documents?q=doc-1"),
        ("list JSON, place filter", "/api/events?place=Kyiv&limit=50"),
]


if __name__ == "__main__":
    sys.exit(main())
