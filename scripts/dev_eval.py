"""Run the coder on the dev gold sets and score each with ../shared/eval/score.py.

    python scripts/dev_eval.py [--shared DIR] [--out DIR] [--sets seed_fr,plover_gsr_fr.dev,lemonde_fr.dev]
                               [--detail] [--markdown]

Writes the system output of each set to OUT/<set>.jsonl and prints score.py's table for each. Tune on dev only.
With --markdown, it then prints the results and per-type tables of docs/accuracy.md (computed by
newsevents.evaluate, which agrees with score.py).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = ("seed_fr", "plover_gsr_fr.dev", "lemonde_fr.dev")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=Path("/tmp/newsevents-dev"))
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--detail", action="store_true")
    parser.add_argument("--markdown", action="store_true", help="print the tables of docs/accuracy.md")
    args = parser.parse_args()
    tables = []

    from newsevents.pipeline import Pipeline
    from newsevents.records import Article

    pipeline = Pipeline("fr", force_lang=True)
    args.out.mkdir(parents=True, exist_ok=True)
    for name in args.sets.split(","):
        gold = args.shared / "eval" / "dev" / f"{name}.jsonl"
        records = [json.loads(line) for line in gold.open(encoding="utf-8") if line.strip()]
        articles = [Article(id=r["id"], text=r["text"], published=r.get("date"), lang=r.get("lang")) for r in records]
        start = time.perf_counter()
        out = args.out / f"{name}.jsonl"
        n = 0
        with out.open("w", encoding="utf-8") as handle:
            for result in pipeline.process(articles):
                if result.status == "error":
                    print(f"error {result.article.id}: {result.error}", file=sys.stderr)
                for event in result.events:
                    handle.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
                    n += 1
        elapsed = time.perf_counter() - start
        print(f"== {name}: {len(records)} records, {n} events, {elapsed:.1f}s")
        cmd = [sys.executable, str(args.shared / "eval" / "score.py"), str(gold), str(out)]
        if args.detail:
            cmd.append("--detail")
        subprocess.run(cmd, check=True)
        if args.markdown:
            from newsevents.evaluate import read_jsonl, score

            tables.append((name, len(records), score(records, read_jsonl(str(out)))))
    if tables:
        print(markdown(tables))
    return 0


def markdown(tables) -> str:
    """The results table and one per-type table per set, as in docs/accuracy.md."""
    def prf(r):
        return f"{r['precision']:.3f} / {r['recall']:.3f} / {r['f1']:.3f}"

    def acc(value):
        return "n/a" if value is None else f"{value:.3f}"

    lines = ["| set | records | gold events | type P / R / F1 | dyad P / R / F1 | full P / R / F1 | modality | date |",
             "|---|---|---|---|---|---|---|---|"]
    for name, n, r in tables:
        lines.append(f"| {name} | {n} | {r['type']['gold']} | {prf(r['type'])} | {prf(r['dyad'])} | "
                     f"{prf(r['full'])} | {acc(r['modality_accuracy'])} | {acc(r['date_accuracy'])} |")
    for name, _, r in tables:
        lines += ["", f"{name}:", "", "| type | P | R | F1 | sys | gold |", "|---|---|---|---|---|---|"]
        for t, row in r["per_type"].items():
            lines.append(f"| {t} | {row['precision']:.3f} | {row['recall']:.3f} | {row['f1']:.3f} | "
                         f"{row['system']} | {row['gold']} |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
