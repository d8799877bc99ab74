"""Benchmark the event clustering on synthetic mentions. Not a test; run
``python benchmarks/clusters.py [N_MENTIONS] [--store]``.

The mentions are invented: real-world events (random PLOVER type, actor and recipient among 30 countries and
a few sectors, a day in one year, a place for half of them, a made-up sentence of 25 words drawn from a 20,000-word
vocabulary by Zipf's law) each reported 1 to 8 times (geometric) by 40 outlets; a third of the reports reprint another
report's document (a wire copy: same text and sentence), the others reword it (half of the words changed) and
give the day, a publication-date fallback (one day later) or no date. Prints the time to compute document
signatures (MinHash), to cluster, the number of clusters and the pairwise precision and recall against the
invented truth. With ``--store``, also times ``update_clusters`` on a DuckDB store holding the same mentions.
"""
from __future__ import annotations

import argparse
import itertools
import random
import time
from collections import Counter
from datetime import date, timedelta

from newsevents.codes import PLOVER_TYPES
from newsevents.clusters import Mention, cluster_mentions, document_signature, load_rules

COUNTRIES = ["FRA", "DEU", "RUS", "UKR", "USA", "CHN", "PRK", "KOR", "MLI", "NER", "SEN", "CIV", "GBR", "ITA",
             "ESP", "BEL", "IRN", "IRQ", "SYR", "ISR", "PSE", "TUR", "EGY", "DZA", "MAR", "TUN", "IND", "PAK",
             "JPN", "BRA"]
SECTORS = ["", "GOV", "MIL", "COP", "CVL", "OPP"]


def synthetic(n_mentions: int, seed: int = 1):
    """(mentions, {doc_id: text}, {mention id: true event number}) for about ``n_mentions`` mentions."""
    rng = random.Random(seed)
    vocab = [f"mot{i}" for i in range(20_000)]
    weights = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(vocab))))  # Zipf's law

    def word() -> str:
        return rng.choices(vocab, cum_weights=weights)[0]
    mentions, texts, truth = [], {}, {}
    day0, event = date(2023, 1, 1), 0
    while len(mentions) < n_mentions:
        event += 1
        etype = rng.choice(PLOVER_TYPES)
        actor = ((rng.choice(COUNTRIES), rng.choice(SECTORS)),)
        recipient = ((rng.choice(COUNTRIES), rng.choice(SECTORS)),) if rng.random() < 0.8 else ()
        day = day0 + timedelta(days=rng.randrange(365))
        place = str(rng.randrange(10_000)) if rng.random() < 0.5 else None
        words = rng.choices(vocab, cum_weights=weights, k=25)
        reports = 1
        while reports < 8 and rng.random() < 0.55:
            reports += 1
        previous = None
        for r in range(reports):
            doc_id = f"e{event}-r{r}"
            if previous is not None and rng.random() < 1 / 3:  # a wire copy of the previous report
                sentence, text = previous
            else:
                sentence = [w if rng.random() < 0.5 else word() for w in words] if r else words
                text = " ".join(sentence + rng.choices(vocab, cum_weights=weights, k=60))
            previous = (sentence, text)
            texts[doc_id] = text
            kind = rng.random()
            start, precision = (day, "day") if kind < 0.6 else (day + timedelta(days=1), "publication")
            if kind > 0.9:
                start, precision = None, "unresolved"
            mid = f"m{len(mentions)}"
            published = day + timedelta(days=1)
            mentions.append(Mention(
                id=mid, doc_id=doc_id, source=f"outlet{rng.randrange(40)}", published=published,
                event_type=etype, cameo_code="", actor=actor, recipient=recipient, start=start, end=start,
                precision=precision, place=place, place_country=None, place_feature="city" if place else None,
                modality="asserted", words=frozenset(sentence), sentence_start=0, event_start=0,
                order=(published, doc_id, 0, 0, mid)))
            truth[mid] = event
    return mentions, texts, truth


def pairwise(clusters, truth) -> tuple[float, float]:
    """Pairwise precision and recall of ``clusters`` against the true event of each mention."""
    def pairs(groups):
        return sum(n * (n - 1) // 2 for n in groups)

    found = [[truth[m.event_id] for m in c.members] for c in clusters]
    tp = sum(pairs(Counter(events).values()) for events in found)
    merged = pairs(len(events) for events in found)
    true = pairs(Counter(truth.values()).values())
    return tp / merged if merged else 1.0, tp / true if true else 1.0


def main() -> None:
    """Generate the mentions, time signatures and clustering, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=100_000)
    parser.add_argument("--store", action="store_true", help="also time update_clusters on a DuckDB store")
    args = parser.parse_args()
    rules = load_rules()
    mentions, texts, truth = synthetic(args.n)
    print(f"{len(mentions)} mentions of {len(set(truth.values()))} events in {len(texts)} documents")
    t0 = time.perf_counter()
    signatures = {d: document_signature(t, rules) for d, t in texts.items()}
    t_sig = time.perf_counter() - t0
    print(f"signatures: {t_sig:.1f} s ({len(texts) / t_sig:.0f} documents/s)")
    t0 = time.perf_counter()
    clusters = cluster_mentions(mentions, rules, signatures)
    t_cluster = time.perf_counter() - t0
    precision, recall = pairwise(clusters, truth)
    print(f"clustering: {t_cluster:.1f} s ({len(mentions) / t_cluster:.0f} mentions/s), {len(clusters)} clusters, "
          f"pairwise precision {precision:.3f}, recall {recall:.3f}")
    if args.store:
        store_timing(mentions, signatures, rules)


def store_timing(mentions, signatures, rules) -> None:
    """Time update_clusters(full=True) on an in-memory store holding ``mentions`` as events."""
    import pyarrow as pa

    from newsevents.cluster_store import update_clusters
    from newsevents.store import Store

    with Store(":memory:") as store, store._cursor() as cur:
        rows = [{"id": m.id, "doc_id": m.doc_id, "published": m.published, "event_type": m.event_type,
                 "actor_codes": [c for c, _ in m.actor], "actor_sectors": [s for _, s in m.actor],
                 "recipient_codes": [c for c, _ in m.recipient], "recipient_sectors": [s for _, s in m.recipient],
                 "date_start": m.start, "date_end": m.end, "date_precision": m.precision, "modality": m.modality,
                 "sentence": " ".join(sorted(m.words)), "sentence_start": 0, "event_start": 0} for m in mentions]
        cur.register("_e", pa.Table.from_pylist(rows))
        cur.execute("INSERT INTO events BY NAME SELECT * FROM _e")
        sig = pa.table({"doc_id": list(signatures), "text_sha1": [""] * len(signatures),
                        "minhash": [s.tolist() for s in signatures.values()]},
                       schema=pa.schema([("doc_id", pa.string()), ("text_sha1", pa.string()),
                                         ("minhash", pa.list_(pa.uint64()))]))
        cur.register("_s", sig)
        cur.execute("INSERT INTO document_signatures SELECT * FROM _s")
        t0 = time.perf_counter()
        report = update_clusters(store, rules, full=True)
        print(f"store update_clusters(full=True): {time.perf_counter() - t0:.1f} s for {report.mentions} mentions, "
              f"{report.clusters} clusters")


if __name__ == "__main__":
    main()
