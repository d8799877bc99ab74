"""List the gold records a system output does not code as expected, with their gold and system events side by side.

    python scripts/record_errors.py GOLD.jsonl SYSTEM.jsonl [--level type|dyad|full] [--all]

GOLD is a gold set as ``newsevents evaluate`` reads it, SYSTEM the events it saved with ``--save-system``. A record
is coded as expected at a level when a one-to-one matching at that level pairs every gold item and every system
item (``newsevents.evaluate``: one item per source member x target member; gold events whose CAMEO code has no
PLOVER type give none). For each other record (each evaluated record with ``--all``) the output is one header line
(id, the number of items matched at type / dyad / full level, gold and system item counts), the text, then one
``G`` line per gold event (source -> target, CAMEO code or PLOVER type) and one ``S`` line per system event (actor
-> recipient as country+sector, CAMEO code, type, modality, event text). Used to classify errors by hand (docs/
languages.md, session 9); nothing is written.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Iterable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsevents.evaluate import gold_items, is_evaluated, max_matching, read_jsonl, system_items  # noqa: E402

LEVELS = ("type", "dyad", "full")


def _actors(raw: Any) -> str:
    """A gold or system actor slot as text: "USAGOV", "IGO", "USA,ISR" (list members joined), "" when empty."""
    if not raw:
        return ""
    if isinstance(raw, list):
        return ",".join(_actors(x) for x in raw)
    if isinstance(raw, dict):
        return f"{raw.get('code') or ''}{raw.get('sector') or ''}"
    return str(raw)


def matched(record: dict, events: list[dict]) -> dict[str, int]:
    """Items of ``record`` matched by ``events`` (the record's system events) at each level, and the gold
    (``"gold"``) and system (``"system"``) item counts."""
    gold, system = gold_items(record), system_items(events)
    counts = {level: len(max_matching(gold, system, level)) for level in LEVELS}
    return {**counts, "gold": len(gold), "system": len(system)}


def report(records: Iterable[dict], events: Iterable[dict], level: str = "full", show_all: bool = False) -> list[str]:
    """The lines printed for ``records`` (gold records) and ``events`` (system events with ``doc_id``): the
    records not coded as expected at ``level`` (all evaluated records with ``show_all``), in gold order."""
    by_doc: dict[str, list[dict]] = {}
    for event in events:
        by_doc.setdefault(str(event.get("doc_id")), []).append(event)
    lines: list[str] = []
    for record in records:
        if not is_evaluated(record):
            continue
        mine = by_doc.get(str(record.get("id")), [])
        counts = matched(record, mine)
        expected = counts[level] == counts["gold"] == counts["system"]
        if expected and not show_all:
            continue
        lines.append(f"== {record.get('id')} {'OK' if expected else 'ERR'} type/dyad/full "
                     f"{counts['type']}/{counts['dyad']}/{counts['full']} gold {counts['gold']} "
                     f"system {counts['system']}")
        lines.append(f"   {record.get('text', '')}")
        for g in record.get("events", []):
            lines.append(f"   G {_actors(g.get('source'))} -> {_actors(g.get('target'))} "
                         f"{g.get('cameo') or g.get('plover') or ''}")
        for s in mine:
            lines.append(f"   S {_actors(s.get('actor'))} -> {_actors(s.get('recipient'))} {s.get('cameo_code', '')} "
                         f"{s.get('event_type', '')} {s.get('modality', '')} | {s.get('event_text', '')}")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Print the report; returns 0."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", help="gold set (JSONL)")
    parser.add_argument("system", help="system events saved by newsevents evaluate --save-system (JSONL)")
    parser.add_argument("--level", choices=LEVELS, default="full", help="level of 'coded as expected'")
    parser.add_argument("--all", action="store_true", help="print every evaluated record")
    args = parser.parse_args(argv)
    print("\n".join(report(read_jsonl(args.gold), read_jsonl(args.system), args.level, args.all)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
