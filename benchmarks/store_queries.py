"""Benchmark the event store: ingest a synthetic store of made-up events and time the queries the CLI and the
web explorer use. Not a test; run ``python benchmarks/store_queries.py [N_EVENTS] [--db PATH]``.

Records are invented (random countries, sectors, CAMEO codes from data/cameo.tsv, dates in 2023-2024); the
sentence text is a fixed made-up French sentence. Prints rows/s for ingest and milliseconds per query.
"""
from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from newsevents.codes import load_cameo
from newsevents.records import Article, Attribution, DocumentResult, Entity, Event, EventDate, Location
from newsevents.store import EventFilter, Store

COUNTRIES = ["FRA", "DEU", "RUS", "UKR", "USA", "CHN", "PRK", "KOR", "MLI", "NER", "SEN", "---", "IGO"]
SECTORS = ["", "GOV", "MIL", "COP", "REB", "MED", "OPP", "BUS"]
SENTENCE = "Le ministre des Affaires étrangères a rencontré son homologue à Paris mardi, selon l'agence."
MODALITIES = ["asserted"] * 6 + ["alleged", "intended", "negated", "hypothetical"]


def synthetic(n_events: int, events_per_doc: int = 5, seed: int = 1):
    rng = random.Random(seed)
    codes = [c for c in load_cameo() if c.plover_event]
    day0 = date(2023, 1, 1)
    for d in range(n_events // events_per_doc):
        doc_id = f"doc{d:07d}"
        published = day0 + timedelta(days=rng.randrange(730))
        events = []
        for k in range(events_per_doc):
            c = rng.choice(codes)
            n_actor = 2 if rng.random() < 0.1 else 1
            actor = tuple(Entity(rng.choice(COUNTRIES), rng.choice(SECTORS), "le ministre", (0, 11))
                          for _ in range(n_actor))
            recipient = (Entity(rng.choice(COUNTRIES), rng.choice(SECTORS), "son homologue", (50, 63)),)
            when = published - timedelta(days=rng.randrange(5))
            loc = Location("Paris", (66, 71), "Paris", rng.choice(COUNTRIES), round(rng.uniform(-60, 60), 2),
                           round(rng.uniform(-150, 150), 2)) if rng.random() < 0.7 else None
            events.append(Event(
                doc_id=doc_id, event_type=c.plover_event.split("|")[0], cameo_code=c.code, mode=c.plover_mode,
                context=c.plover_context, goldstein=c.goldstein, quad_class=c.quad_class, actor=actor,
                recipient=recipient, modality=rng.choice(MODALITIES), event_text="a rencontré",
                event_span=(36 + k, 47 + k), sentence=SENTENCE, sentence_span=(0, len(SENTENCE)), lang="fr",
                date=EventDate(when.isoformat(), "mardi", (72, 77), "day"),
                attribution=Attribution("selon l'agence", (79, 93), "FRA", "MED") if rng.random() < 0.3 else None,
                location=loc))
        yield DocumentResult(Article(doc_id, SENTENCE * 3, published.isoformat(), "fr", source="Agence test"),
                             events=tuple(events))


def timed(label: str, fn, repeat: int = 3):
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    size = len(out) if hasattr(out, "__len__") else out
    print(f"{label:55s} {best * 1000:8.1f} ms  ({size})")
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n_events", type=int, nargs="?", default=100_000)
    ap.add_argument("--db", default=None, help="database file (default: a temporary file)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or str(Path(tmp) / "bench.duckdb")
        store = Store(path)
        t0 = time.perf_counter()
        results = list(synthetic(args.n_events))  # generate first: time only the store
        t0 = time.perf_counter()
        report = store.ingest(results, clusters=False)  # storing only; benchmarks/clusters.py times clustering
        dt = time.perf_counter() - t0
        print(f"ingest: {report.documents} documents, {report.events} events in {dt:.1f} s "
              f"({report.events / dt:,.0f} events/s, {report.documents / dt:,.0f} documents/s)")
        t0 = time.perf_counter()
        again = store.ingest(results[: len(results) // 10], clusters=False)
        dt = time.perf_counter() - t0
        print(f"re-ingest (replace) {again.events} events: {again.events / dt:,.0f} events/s")
        sample = store.query_events(limit=1)[0]
        slowest = max(
            timed("count_events()", lambda: store.count_events()),
            timed("query_events(limit=50)", lambda: store.query_events()),
            timed("query_events(order=-date, offset=5000)", lambda: store.query_events(order="-date", offset=5000)),
            timed("query_events(actor=RUSGOV, cameo=04)",
                  lambda: store.query_events(EventFilter(actor="RUSGOV", cameo="04"))),
            timed("count_events(actor=RUS, recipient=UKR, since, until)",
                  lambda: store.count_events(EventFilter(actor="RUS", recipient="UKR", since="2023-06-01",
                                                         until="2023-12-31"))),
            timed("query_events(text='homologue', modality=alleged)",
                  lambda: store.query_events(EventFilter(text="homologue", modality="alleged"))),
            timed("query_events(source='agence')", lambda: store.query_events(EventFilter(source="agence"))),
            timed("get_event(id)", lambda: [store.get_event(sample["id"])]),
            timed("get_document(doc_id)", lambda: [store.get_document(sample["doc_id"])]),
            timed("timeline(day, event_type)", lambda: store.timeline()),
            timed("timeline(month, quad_class, actor=FRA)",
                  lambda: store.timeline(EventFilter(actor="FRA"), "month", "quad_class")),
            timed("dyads()", lambda: store.dyads()),
            timed("locations()", lambda: store.locations()),
            timed("stats()", lambda: [store.stats()]),
        )
        t0 = time.perf_counter()
        n = sum(1 for _ in store.iter_events())
        print(f"iter_events(): {n} events in {time.perf_counter() - t0:.2f} s")
        print(f"slowest query: {slowest * 1000:.1f} ms (target < 300 ms)")
        store.close()


if __name__ == "__main__":
    main()
