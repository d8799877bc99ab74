"""Compare two event files (JSONL, one event record per line) and report every difference but the checksum.

    python scripts/compare_events.py OLD.jsonl NEW.jsonl [OLD2 NEW2 ...]

Used to check that a restructuring of the coder changes no output: ids, types, codes, actors, recipients,
modality, dates, attribution, location, spans, sentences and order are compared; the ``coder`` field (version
and dictionary checksum) is ignored. Exit status 0 when every pair is identical, 1 otherwise; one summary line
per pair on standard output, then up to ``--show`` differences.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

IGNORED = ("coder",)


def load(path: Path) -> list[dict]:
    """Event records of a JSONL file without the ignored fields, in file order (exits naming a bad line)."""
    from newsevents.evaluate import read_jsonl
    from newsevents.records import InputError

    try:
        records = read_jsonl(str(path))
    except InputError as exc:
        raise SystemExit(str(exc)) from exc
    for record in records:
        for key in IGNORED:
            record.pop(key, None)
    return records


def differences(old: list[dict], new: list[dict]) -> list[str]:
    """Human-readable differences between two event lists (empty when identical, order included)."""
    if old == new:
        return []
    diffs: list[str] = []
    old_ids = {r.get("id"): r for r in old}
    new_ids = {r.get("id"): r for r in new}
    for i in old_ids.keys() - new_ids.keys():
        r = old_ids[i]
        diffs.append(f"removed {i} {r.get('doc_id')} {r.get('cameo_code')} {r.get('event_text')!r}")
    for i in new_ids.keys() - old_ids.keys():
        r = new_ids[i]
        diffs.append(f"added {i} {r.get('doc_id')} {r.get('cameo_code')} {r.get('event_text')!r}")
    for i in old_ids.keys() & new_ids.keys():
        a, b = old_ids[i], new_ids[i]
        for key in sorted(a.keys() | b.keys()):
            if a.get(key) != b.get(key):
                diffs.append(f"changed {i} {a.get('doc_id')} {key}: {a.get(key)!r} -> {b.get(key)!r}")
    if not diffs:
        if len(old) != len(new):
            diffs.append(f"duplicate ids: {len(old)} vs {len(new)} records")
        else:
            diffs.append("same records in another order")
    return diffs


def main(argv: list[str] | None = None) -> int:
    """Compare each OLD NEW pair; return 0 when all are identical."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path, help="OLD NEW pairs")
    parser.add_argument("--show", type=int, default=20, help="differences to print per pair")
    args = parser.parse_args(argv)
    if len(args.files) % 2:
        parser.error("give files in OLD NEW pairs")
    status = 0
    for old_path, new_path in zip(args.files[::2], args.files[1::2]):
        old, new = load(old_path), load(new_path)
        diffs = differences(old, new)
        if diffs:
            status = 1
            print(f"DIFFERENT {old_path.name}: {len(old)} -> {len(new)} events, {len(diffs)} differences")
            for line in diffs[:args.show]:
                print("  " + line)
        else:
            print(f"identical {old_path.name}: {len(old)} events")
    return status


if __name__ == "__main__":
    sys.exit(main())
