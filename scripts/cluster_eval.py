"""Judged mention pairs for the event clustering: draw them, show them for judging, score the clustering.

    python scripts/corpora.py belgique --shared ../shared > /tmp/be.jsonl      # (and headlines, lemonde)
    newsevents ingest /tmp/be.jsonl --db /tmp/be.duckdb                       # codes and clusters them
    python scripts/cluster_eval.py sample --db belgique=/tmp/be.duckdb --db headlines=... --db lemonde=... \
        --out tests/data/cluster_pairs.jsonl
    python scripts/cluster_eval.py show --db ... --pairs tests/data/cluster_pairs.jsonl   # blind: no decision
    python scripts/cluster_eval.py score --db ... --pairs tests/data/cluster_pairs.jsonl

The pair file keeps no text (the corpora are copyrighted): one JSON line per pair with the corpus name, each
mention's document id, event type and event/sentence offsets (0-based, end-exclusive, into the cleaned text
that scripts/corpora.py and the pipeline produce), the stratum it was drawn from (``merged``: the clustering
put both in one cluster; ``apart``: a near miss, same type and a shared country, kept apart) and ``same``:
the judgement of a reader of the two texts (true, false, or null when the texts do not allow a decision).
``show`` prints the pairs in a shuffled order without the stratum or the system's decision, for judging.

``score`` clusters each store again with the current rules and reports pairwise precision (judged same among
the pairs the system merges) and recall (merged among the pairs judged same), overall and per corpus.
Because the sample is stratified (half merged, half near misses), recall is that of the near-miss
neighbourhood, not of all pairs of the corpus.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsevents.cluster_store import load_mentions, load_signatures  # noqa: E402
from newsevents.clusters import cluster_mentions, load_rules  # noqa: E402
from newsevents.codes import PLOVER_TYPES  # noqa: E402
from newsevents.store import Store  # noqa: E402

QUOTA = {"belgique": 60, "headlines": 50, "lemonde": 50}
"""Pairs per stratum (merged, apart) and corpus."""


def _key(m) -> tuple:
    return (m.doc_id, m.event_start, m.event_type)


def clustered(db: str):
    """(mentions, {mention key: cluster id}) of a store, clustered with the current rules."""
    with Store(db, read_only=True) as store:
        mentions = load_mentions(store, list(PLOVER_TYPES))
        signatures = load_signatures(store, {m.doc_id for m in mentions})
    of = {}
    for c in cluster_mentions(mentions, load_rules(), signatures):
        for member in c.members:
            of[member.event_id] = c.cluster_id
    return mentions, {_key(m): of[m.id] for m in mentions}


def _near(a, b) -> bool:
    if a.doc_id == b.doc_id or a.event_type != b.event_type or not (a.countries() & b.countries()):
        return False
    if a.start and b.start and abs((a.start - b.start).days) > 7:
        return False
    return True


def draw(corpus: str, db: str, rng: random.Random) -> list[dict]:
    """Merged pairs (at most 3 per cluster) and near-miss pairs of one store, ``QUOTA[corpus]`` of each."""
    mentions, cluster = clustered(db)
    by_type = defaultdict(list)
    for m in mentions:
        by_type[m.event_type].append(m)
    merged, apart = defaultdict(list), []
    for group in by_type.values():
        group.sort(key=lambda m: m.order)
        for a, b in combinations(group, 2):
            if not _near(a, b) and not (cluster[_key(a)] == cluster[_key(b)] and a.doc_id != b.doc_id):
                continue
            if cluster[_key(a)] == cluster[_key(b)]:
                merged[cluster[_key(a)]].append((a, b))
            else:
                apart.append((a, b))
    merged_pairs = [p for c in sorted(merged) for p in rng.sample(merged[c], min(3, len(merged[c])))]
    n = QUOTA[corpus]
    chosen = [("merged", p) for p in rng.sample(merged_pairs, min(n, len(merged_pairs)))]
    chosen += [("apart", p) for p in rng.sample(apart, min(n, len(apart)))]
    return [{"corpus": corpus, "stratum": s, "a": _ref(a), "b": _ref(b), "same": None} for s, (a, b) in chosen]


def _ref(m) -> dict:
    return {"doc_id": m.doc_id, "event_type": m.event_type, "event_start": m.event_start,
            "sentence_start": m.sentence_start}


def _dbs(values: list[str]) -> dict[str, str]:
    return dict(v.split("=", 1) for v in values)


def cmd_sample(args) -> int:
    """Draw the pairs of every store given with --db and write them (``same`` null) to --out."""
    rng = random.Random(args.seed)
    rows = []
    for corpus, db in _dbs(args.db).items():
        rows += draw(corpus, db, rng)
    with open(args.out, "w", encoding="utf-8") as fh:
        for i, r in enumerate(rows):
            fh.write(json.dumps({"pair": i, **r}, ensure_ascii=False) + "\n")
    print(f"{len(rows)} pairs written to {args.out}", file=sys.stderr)
    return 0


def _record(store: Store, ref: dict) -> dict | None:
    doc = store.get_document(ref["doc_id"])
    for e in (doc or {}).get("events", []):
        if e["event_span"][0] == ref["event_start"] and e["event_type"] == ref["event_type"]:
            return {**e, "title": doc.get("title"), "source": doc.get("source"), "text": doc.get("text")}
    return None


def cmd_show(args) -> int:
    """Print pairs --start..--start+--count in a shuffled order, for judging, without stratum or decision."""
    dbs = _dbs(args.db)
    pairs = [json.loads(line) for line in open(args.pairs, encoding="utf-8")]
    random.Random(args.seed + 1).shuffle(pairs)
    stores = {c: Store(db, read_only=True) for c, db in dbs.items()}
    for p in pairs[args.start: args.start + args.count]:
        print(f"### pair {p['pair']} ({p['corpus']})")
        for side in ("a", "b"):
            e = _record(stores[p["corpus"]], p[side])
            if e is None:
                print(f"  {side}: (not found: {p[side]})")
                continue
            s0 = e["sentence_span"][0]
            before = " ".join(e["text"][max(0, s0 - args.context): s0].split())
            dyad = "+".join(x["code"] + x["sector"] for x in e["actor"]) + " -> " + \
                "+".join(x["code"] + x["sector"] for x in e["recipient"])
            print(f"  {side}: [{e['source']}] {e['published']} | {e['title']}\n     {e['event_type']} {dyad} "
                  f"date={e['date']['value']} ({e['date']['precision']}) words=«{e['event_text']}»\n"
                  f"     ...{before} >> {' '.join(e['sentence'].split())}")
    for s in stores.values():
        s.close()
    return 0


def cmd_score(args) -> int:
    """Cluster the stores again and print pairwise precision and recall against the judgements (JSON)."""
    pairs = [json.loads(line) for line in open(args.pairs, encoding="utf-8")]
    decisions = {}
    for corpus, db in _dbs(args.db).items():
        _, cluster = clustered(db)
        for p in pairs:
            if p["corpus"] == corpus:
                ka = (p["a"]["doc_id"], p["a"]["event_start"], p["a"]["event_type"])
                kb = (p["b"]["doc_id"], p["b"]["event_start"], p["b"]["event_type"])
                if ka in cluster and kb in cluster:
                    decisions[p["pair"]] = cluster[ka] == cluster[kb]
    report = {}
    for name in ["all", *sorted({p["corpus"] for p in pairs})]:
        sel = [p for p in pairs if (name == "all" or p["corpus"] == name) and p["same"] is not None
               and p["pair"] in decisions]
        tp = sum(1 for p in sel if p["same"] and decisions[p["pair"]])
        fp = sum(1 for p in sel if not p["same"] and decisions[p["pair"]])
        fn = sum(1 for p in sel if p["same"] and not decisions[p["pair"]])
        report[name] = {"pairs": len(sel), "judged_same": tp + fn, "merged": tp + fp, "tp": tp, "fp": fp, "fn": fn,
                        "precision": round(tp / (tp + fp), 3) if tp + fp else None,
                        "recall": round(tp / (tp + fn), 3) if tp + fn else None}
    report["unjudged_or_missing"] = len(pairs) - report["all"]["pairs"]
    print(json.dumps(report, indent=1))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Command line: sample, show or score (see the module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", action="append", required=True, metavar="CORPUS=PATH")
    s = sub.add_parser("sample", parents=[common])
    s.add_argument("--out", required=True)
    s.add_argument("--seed", type=int, default=12)
    sh = sub.add_parser("show", parents=[common])
    sh.add_argument("--pairs", required=True)
    sh.add_argument("--seed", type=int, default=12)
    sh.add_argument("--start", type=int, default=0)
    sh.add_argument("--count", type=int, default=50)
    sh.add_argument("--context", type=int, default=160, help="characters shown before each sentence")
    sc = sub.add_parser("score", parents=[common])
    sc.add_argument("--pairs", required=True)
    args = parser.parse_args(argv)
    return {"sample": cmd_sample, "show": cmd_show, "score": cmd_score}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
