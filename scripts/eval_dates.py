"""Measure newsevents.dates on shared data (read from <repo>/../shared; nothing is copied into the repo).

1. Recognizers-Text French date specs (shared/corpora/recognizers_text_datetime_specs, MIT): every expected
   ``date``/``daterange`` result of a case with a reference date, whose TIMEX is a day, month, year, ISO week or
   day/month/year range, is compared with the expression :class:`DateResolver` finds at an overlapping span.
   Where the spec lists two resolutions of an ambiguous expression (past and future), either counts as right.
2. Dev gold (shared/eval/dev/lemonde_fr.dev.jsonl, seed_fr.jsonl): for every event with a ``date``, the
   expression nearest the event text is resolved against the record's publication date (the publication date
   itself when the record has no expression), and compared with the gold date.

Usage: ``python scripts/eval_dates.py [--shared PATH] [--show-errors]``.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from newsevents.dates import DateResolver, TimeExpression, fold, nearest
from newsevents.langdata import load_language

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SPEC_DIR = Path("corpora/recognizers_text_datetime_specs/Specs/DateTime/French")
SPEC_FILES = ("DateTimeModel.json", "DateParser.json", "DatePeriodParser.json")
DEV_FILES = ("eval/dev/lemonde_fr.dev.jsonl", "eval/dev/seed_fr.jsonl")


def _day_range(start: str, end: str, timex: str) -> str | None:
    """Recognizers ranges "(start,end,PnX)": days keep their named end day; ranges of whole months or years
    ("P2M", "P4Y") end at the start of the last named month or year."""
    m = re.search(r",P(\d+)([DWMY])\)$", timex)
    if not m:
        return None
    if m.group(2) in "DW":
        return f"{start}/{end}"
    if m.group(2) == "M" and start.endswith("-01") and end.endswith("-01"):
        return f"{start[:7]}/{end[:7]}"
    if m.group(2) == "Y" and start.endswith("-01-01") and end.endswith("-01-01"):
        return f"{start[:4]}/{end[:4]}"
    return None


def expected_values(timex: str, resolutions: list[dict]) -> set[str]:
    """Our ISO 8601 notation of one Recognizers result; empty when its TIMEX is of a kind we do not model
    (times, seasons, durations, open ranges, "nth week of")."""
    out = set()
    for res in resolutions:
        start = res.get("start") or res.get("startDate")
        end = res.get("end") or res.get("endDate")
        value = res.get("value") or res.get("date")
        if timex.startswith("("):
            if start and end and start != "not resolved":
                v = _day_range(start, end, timex)
                if v:
                    out.add(v)
        elif re.fullmatch(r"(\d{4}|XXXX)-\d{2}-\d{2}|XXXX-WXX-\d|XXXX-XX-\d{2}", timex):
            if value and value != "not resolved" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                out.add(value)
        elif re.fullmatch(r"(\d{4}|XXXX)-\d{2}", timex):
            if start and start != "not resolved":
                out.add(start[:7])
        elif re.fullmatch(r"\d{4}", timex):
            out.add(timex)
        elif re.fullmatch(r"\d{4}-W\d{2}", timex) and start:
            monday = date.fromisoformat(start)
            out.add(f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}")
    return out


def spec_cases(shared: Path):
    """Yield (input, reference date, [(start, end, expected values)]) for every French spec case with a
    reference date and at least one result we model."""
    for name in SPEC_FILES:
        cases = json.loads((shared / SPEC_DIR / name).read_text(encoding="utf-8-sig"))
        for case in cases:
            ref = (case.get("Context") or {}).get("ReferenceDateTime")
            if not ref:
                continue
            wanted = []
            for res in case.get("Results", []):
                kind = res.get("TypeName", res.get("Type", "")).replace("datetimeV2.", "")
                if kind not in ("date", "daterange"):
                    continue
                if "Resolution" in res:
                    values = res["Resolution"].get("values", [])
                    timex = values[0].get("timex", "") if values else ""
                else:
                    val = res.get("Value", {})
                    timex = val.get("Timex", "")
                    values = [v for v in (val.get("PastResolution"), val.get("FutureResolution")) if v]
                expected = expected_values(timex, values)
                if not expected:
                    continue
                start = res.get("Start", res.get("start"))
                text = res["Text"].strip()
                found = case["Input"].lower().find(text.lower(), max(0, (start or 0) - 2))
                if found < 0:
                    found = case["Input"].lower().find(text.lower())
                if found < 0:
                    continue
                wanted.append((found, found + len(text), expected))
            if wanted:
                yield case["Input"], ref[:10], wanted


def recognizers_accuracy(resolver: DateResolver, shared: Path, errors: list | None = None) -> dict[str, int]:
    """Counts over the French specs: ``total`` expected results we model, ``found`` those overlapped by an
    expression we find, ``correct`` those whose value matches."""
    counts = Counter(total=0, found=0, correct=0)
    for text, ref, wanted in spec_cases(shared):
        exprs = resolver.find(text, ref)
        for start, end, expected in wanted:
            counts["total"] += 1
            hit = next((e for e in exprs if e.span[0] < end and start < e.span[1]), None)
            if hit is None:
                if errors is not None:
                    errors.append(("missed", text, ref, sorted(expected), None))
                continue
            counts["found"] += 1
            if hit.value in expected:
                counts["correct"] += 1
            elif errors is not None:
                errors.append(("wrong", text, ref, sorted(expected), (hit.text, hit.value)))
    return dict(counts)


def _event_span(text: str, eventtext: str) -> tuple[int, int] | None:
    """Where the event words are in the record text: the first fragment of "a ... b" that is found (compared
    folded, so straight and curly apostrophes match)."""
    pieces = [fold(p.strip()) for p in eventtext.split("...") if p.strip()]
    folded = fold(text)
    for piece in pieces:
        i = folded.find(piece)
        if i >= 0:
            return i, i + len(piece)
    return None


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    starts = [0] + [m.end() for m in re.finditer(r"[.!?»]\s+(?=[A-ZÀ-ÖØ-Þ«])|\n+", text)]
    start = max(s for s in starts if s <= pos)
    later = [s for s in starts if s > pos]
    return start, (later[0] if later else len(text))


def dev_accuracy(resolver: DateResolver, shared: Path, errors: list | None = None) -> dict[str, int]:
    """Counts over the dev gold events with a date: ``events``; ``nearest_ok`` right with the nearest
    expression in the record (publication date when there is none); ``sentence_ok`` right with the nearest
    expression in the event's sentence (publication date when there is none); ``publication_ok`` right with the
    publication date alone (baseline); ``differs`` events whose gold date is not the publication date and
    ``differs_sentence_ok`` those of them the sentence strategy gets right."""
    counts = Counter(events=0, nearest_ok=0, sentence_ok=0, publication_ok=0, differs=0, differs_sentence_ok=0)
    for name in DEV_FILES:
        path = shared / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            pub, text = record.get("date"), record["text"]
            exprs: list[TimeExpression] = resolver.find(text, pub)
            for event in record.get("events", []):
                gold = event.get("date")
                if not gold:
                    continue
                span = _event_span(text, event.get("eventtext", "")) or (0, 0)
                counts["events"] += 1
                near = nearest(exprs, span)
                by_record = near.value if near else pub
                s0, s1 = _sentence_bounds(text, span[0])
                near_sentence = nearest([e for e in exprs if s0 <= e.span[0] < s1], span)
                by_sentence = near_sentence.value if near_sentence else pub
                counts["nearest_ok"] += by_record == gold
                counts["sentence_ok"] += by_sentence == gold
                counts["publication_ok"] += pub == gold
                if gold != pub:
                    counts["differs"] += 1
                    counts["differs_sentence_ok"] += by_sentence == gold
                if errors is not None and by_sentence != gold:
                    errors.append((record["id"], pub, gold, by_sentence,
                                   near_sentence.text if near_sentence else None, event.get("eventtext")))
    return dict(counts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args(argv)
    if not args.shared.is_dir():
        print(f"no shared folder at {args.shared}", file=sys.stderr)
        return 1
    resolver = DateResolver(load_language("fr"))
    errors: list = []
    rec = recognizers_accuracy(resolver, args.shared, errors)
    print(f"Recognizers-Text French specs: {rec['correct']}/{rec['total']} right "
          f"({rec['correct'] / rec['total']:.1%}); found {rec['found']}, right when found "
          f"{rec['correct'] / max(rec['found'], 1):.1%}")
    if args.show_errors:
        for err in errors:
            print("  ", err)
    errors = []
    dev = dev_accuracy(resolver, args.shared, errors)
    n = max(dev["events"], 1)
    print(f"dev gold events with a date: {dev['events']}; nearest in record {dev['nearest_ok'] / n:.1%}, "
          f"nearest in sentence {dev['sentence_ok'] / n:.1%}, publication date only {dev['publication_ok'] / n:.1%}; "
          f"gold differs from publication: {dev['differs']}, sentence strategy right on "
          f"{dev['differs_sentence_ok']}")
    if args.show_errors:
        for err in errors:
            print("  ", err)
    return 0


if __name__ == "__main__":
    sys.exit(main())
