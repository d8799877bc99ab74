"""Run newsevents on the PETRARCH functional suites with their own dictionaries (invented countries: Arnor,
Gondor, the Shire...) and count the records coded as expected.

    python scripts/run_petrarch_suites.py [--shared DIR] [--suite validate|unittest|all] [--limit N] [--json]

For each suite, the suite's actor, agent and verb dictionaries are imported for English into a temporary user
data folder (``newsevents dictionaries import --replace --lenient``: they replace the packaged English files;
the lines PETRARCH itself would skip are skipped), then the evaluated records of the converted gold
(../shared/reference/derived_gold) are coded with the English pipeline. A record is coded as expected at a
level (``type``: PLOVER type of the CAMEO code; ``full``: type, source and target country and sector) when the
one-to-one matching of its gold and system events at that level pairs every gold event and every system event
(a record that expects no event must get none). The pipeline codes with the rules alone (no learned trigger
model): the suites test what the dictionaries make of each sentence. The suites' discard lists are not imported (newsevents has no
discard list). Needs the English language pack (cues.yaml, syntax.yaml) and its spaCy model.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsevents.evaluate import gold_items, is_evaluated, max_matching, read_jsonl, score, system_items  # noqa: E402

SUITES = {
    "validate": {"gold": "reference/derived_gold/PETR_Validate_records_2_02.jsonl",
                 "dictionaries": [f"reference/universalpetrarch/validate/PETR_Validate_{k}_2_02.txt"
                                  for k in ("actors", "agents", "verbs")]},
    "unittest": {"gold": "reference/derived_gold/PETR.UnitTest.records.jsonl",
                 "dictionaries": [f"reference/petrarch2/PETR.Validate.{k}.txt" for k in ("actors", "agents", "verbs")]},
}
LEVELS = ("type", "full")


def _shared_default() -> Path:
    for candidate in (ROOT.parent / "shared", ROOT.parents[1] / "shared"):
        if candidate.is_dir():
            return candidate
    return ROOT.parent / "shared"


def as_expected(record: dict, events: list[dict], level: str) -> bool:
    """Whether ``events`` (system event dicts of the record) are exactly the record's gold events at ``level``:
    a one-to-one matching pairs them all, with nothing left over on either side."""
    gold, system = gold_items(record), system_items(events)
    if len(gold) != len(system):
        return False
    return len(max_matching(gold, system, level)) == len(gold)


def tally(records: list[dict], events: list[dict]) -> dict:
    """Counts of records coded as expected at each level, overall and by the records' ``category``."""
    by_doc: dict[str, list[dict]] = {}
    for event in events:
        by_doc.setdefault(str(event.get("doc_id")), []).append(event)
    counts = {"records": 0, **{level: 0 for level in LEVELS}}
    by_category: dict[str, Counter] = {}
    for record in records:
        if not is_evaluated(record):
            continue
        mine = by_doc.get(str(record["id"]), [])
        category = by_category.setdefault(record.get("category", ""), Counter())
        counts["records"] += 1
        category["records"] += 1
        for level in LEVELS:
            if as_expected(record, mine, level):
                counts[level] += 1
                category[level] += 1
    counts["by_category"] = {k: dict(v) for k, v in sorted(by_category.items())}
    return counts


def import_dictionaries(shared: Path, suite: str) -> list[str]:
    """Import the suite's dictionaries for English into the user data folder named by NEWSEVENTS_USER_DATA;
    returns one line per file (kept, left out, unreadable lines)."""
    from newsevents.user_dictionaries import import_petrarch

    lines = []
    for rel in SUITES[suite]["dictionaries"]:
        done = import_petrarch(shared / rel, "en", replace=True, lenient=True)
        lines.append(f"{Path(rel).name}: {done.kept} entries kept, {sum(done.skipped.values())} left out, "
                     f"{len(done.errors)} unreadable lines")
    return lines


def _iso(day: str | None) -> str | None:
    text = str(day or "")
    return f"{text[:4]}-{text[4:6]}-{text[6:8]}" if len(text) == 8 and text.isdigit() else day


def run_suite(shared: Path, suite: str, limit: int | None) -> dict:
    """Import the suite's dictionaries into a temporary user folder, code its records, count and score."""
    from newsevents.evaluate import run_system
    from newsevents.pipeline import Pipeline

    records = read_jsonl(str(shared / SUITES[suite]["gold"]))[:limit]
    records = [{**r, "date": _iso(r.get("date")), "lang": "en"} for r in records]
    with tempfile.TemporaryDirectory() as folder:
        old = os.environ.get("NEWSEVENTS_USER_DATA")
        os.environ["NEWSEVENTS_USER_DATA"] = folder
        try:
            imported = import_dictionaries(shared, suite)
            events = run_system(records, lambda lang: Pipeline("en", force_lang=True, learned=False))
        finally:
            if old is None:
                os.environ.pop("NEWSEVENTS_USER_DATA", None)
            else:
                os.environ["NEWSEVENTS_USER_DATA"] = old
    result = tally(records, events)
    scores = score(records, events)
    result["imported"] = imported
    result["scores"] = {level: scores[level] for level in ("type", "dyad", "full") if level in scores}
    return result


def report(suite: str, result: dict) -> str:
    """A few lines of text for one suite's result."""
    n = result["records"]
    lines = [f"{suite}: {n} evaluated records"]
    lines += [f"  imported {line}" for line in result["imported"]]
    for level in LEVELS:
        share = result[level] / n if n else 0.0
        lines.append(f"  coded as expected ({level}): {result[level]}/{n} = {share:.1%}")
    for level, s in result["scores"].items():
        lines.append(f"  events {level}: P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the chosen suites and print their counts; returns the exit status (2 when English cannot run)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=_shared_default(), help="the shared folder")
    parser.add_argument("--suite", choices=[*SUITES, "all"], default="all", help="which suite (default: all)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N records of each suite")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    results = {}
    for suite in (SUITES if args.suite == "all" else [args.suite]):
        try:
            results[suite] = run_suite(args.shared, suite, args.limit)
        except (OSError, ImportError, ValueError) as exc:
            print(f"{suite}: cannot run the English pipeline: {exc}", file=sys.stderr)
            return 2
    if args.json:
        print(json.dumps(results, indent=1))
    else:
        print("\n".join(report(s, r) for s, r in results.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
