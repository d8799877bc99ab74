"""How many coded events carry a place, on the training gold's texts (read from <repo>/../shared; nothing is
copied into the repository).

Codes the texts of ``eval/train/*.jsonl`` with the French pipeline and reports, for the tune part, the devtest
part (aggregate counts only: devtest is never shown event by event) and the whole:

* ``events``: events coded; ``located``: events with a ``location``, and their share; ``by precision``: how
  many located events are placed at a town, a region or a country; ``in several places``: located events
  with more than one place (``Event.locations``);
* ``names a place``: events whose sentence names a place after a locative word ("à Kiev", "en Russie", "près
  de Paris": :meth:`~newsevents.places.PlaceResolver.locative_places`, on the sentence parsed alone), and the
  share of those that are located -- the issue's aim is 60% or more.

With ``--sample-out FILE``, draws a fixed-seed sample of ``--sample`` located events of the TUNE part (events
sorted by id, then ``random.Random(seed).sample``) and writes them (id, document, event words, sentence, place)
to FILE for hand-checking; keep FILE outside the repository (the sentences are copyrighted news). The verdicts
go to docs/places.md by event id.

With ``--named-sample-out FILE``, also draws ``--sample`` TUNE events whose sentence names a place (located or
not; same seed) and writes them the same way, to judge by hand which of them name where their event happened
and how many of those get the right place (the issue's aim, measured on a sample instead of the automatic upper
bound above).

Usage: ``python scripts/place_report.py [--train DIR] [--json] [--sample 50] [--seed 13] [--sample-out FILE]
[--named-sample-out FILE]``.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import random
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TRAIN = REPO.parent / "shared" / "eval" / "train"


def devtest_rule(train: Path):
    """``is_devtest(record_id)`` of the shared split script (``eval/devtest.py``), so the split is the same
    everywhere."""
    path = train.parent / "devtest.py"
    spec = importlib.util.spec_from_file_location("devtest", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the split script {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.is_devtest


def code(records: list[dict]):
    """(pipeline, [(record id, Event)]) for the records' texts, in order."""
    from newsevents.evaluate import gold_articles
    from newsevents.pipeline import Pipeline

    pipeline = Pipeline("fr", force_lang=True)
    events = []
    for result in pipeline.process(gold_articles(records)):
        events += [(result.article.id, e) for e in result.events]
    return pipeline, events


def names_a_place(pipeline, sentences: list[str]) -> dict[str, bool]:
    """Sentence -> whether it names a place after a locative word (the sentence parsed alone)."""
    resolver = pipeline.coder.places
    unique = sorted(set(sentences))
    return {text: any(resolver.locative_places(sent) for sent in doc.sents)
            for text, doc in zip(unique, pipeline.nlp.pipe(unique, batch_size=64))}


def tally(events, named: dict[str, bool]) -> dict:
    """Counts of one part: events, located, by precision, events whose sentence names a place and how many of
    those are located."""
    located = [e for e in events if e.location is not None]
    naming = [e for e in events if named[e.sentence]]
    naming_located = sum(1 for e in naming if e.location is not None)
    return {
        "events": len(events), "located": len(located),
        "several_places": sum(1 for e in located if len(e.locations) > 1),
        "located_share": round(len(located) / len(events), 3) if events else None,
        "by_precision": dict(sorted(Counter(e.location.precision or "?" for e in located).items())),
        "names_a_place": len(naming), "names_a_place_located": naming_located,
        "names_a_place_located_share": round(naming_located / len(naming), 3) if naming else None,
    }


def sample(events, n: int, seed: int) -> list:
    """A fixed-seed sample of ``n`` located events (sorted by event id first, so the draw does not depend on
    the coding order)."""
    located = sorted((e for e in events if e.location is not None), key=lambda e: e.id)
    return random.Random(seed).sample(located, min(n, len(located)))


def write_sample(path: Path, events) -> None:
    """Write events as JSONL (id, document, type, event words, sentence and place: text, name, country,
    precision; the place fields are null for an event without a location; ``places``: every place of an event
    in several, "name (country)")."""
    with open(path, "w", encoding="utf-8") as fh:
        for e in events:
            loc = e.location
            fh.write(json.dumps({"id": e.id, "doc_id": e.doc_id, "event_type": e.event_type,
                                 "event_text": e.event_text, "sentence": e.sentence,
                                 "place": loc and loc.text, "name": loc and loc.name,
                                 "country": loc and loc.country, "precision": loc and loc.precision,
                                 "places": [f"{p.name} ({p.country})" for p in e.locations]},
                                ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    """Run the report; exit status 0, or an error naming the missing gold directory."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", type=Path, default=TRAIN, help="the eval/train directory (default: %(default)s)")
    ap.add_argument("--json", action="store_true", help="print the counts as JSON")
    ap.add_argument("--sample", type=int, default=50, help="located TUNE events to draw (default: 50)")
    ap.add_argument("--seed", type=int, default=13, help="seed of the draw (default: 13)")
    ap.add_argument("--sample-out", type=Path, help="write the drawn events as JSONL to this file")
    ap.add_argument("--named-sample-out", type=Path,
                    help="also draw --sample TUNE events whose sentence names a place (located or not) and write "
                         "them to this file, to judge by hand which of them name where their event happened")
    args = ap.parse_args(argv)
    files = sorted(args.train.glob("*.jsonl"))
    if not files:
        raise SystemExit(f"no gold files in {args.train} (the shared evaluation data is not there)")
    from newsevents.evaluate import read_jsonl

    records = [r for f in files for r in read_jsonl(str(f))]
    is_devtest = devtest_rule(args.train)
    pipeline, coded = code(records)
    named = names_a_place(pipeline, [e.sentence for _, e in coded])
    parts = {"tune": [e for rid, e in coded if not is_devtest(rid)],
             "devtest": [e for rid, e in coded if is_devtest(rid)],
             "whole": [e for _, e in coded]}
    report = {part: tally(events, named) for part, events in parts.items()}
    drawn = sample(parts["tune"], args.sample, args.seed)
    report["sample"] = {"seed": args.seed, "ids": [e.id for e in drawn]}
    if args.sample_out:
        write_sample(args.sample_out, drawn)
    if args.named_sample_out:
        naming = sorted((e for e in parts["tune"] if named[e.sentence]), key=lambda e: e.id)
        write_sample(args.named_sample_out, random.Random(args.seed).sample(naming, min(args.sample, len(naming))))
    if args.json:
        print(json.dumps(report, indent=1, sort_keys=True))
        return 0
    print(f"{'part':8} {'events':>6} {'located':>8} {'share':>6} {'names a place':>14} {'located':>8} {'share':>6}"
          "  by precision")
    for part in ("tune", "devtest", "whole"):
        r = report[part]
        print(f"{part:8} {r['events']:>6} {r['located']:>8} {r['located_share'] or 0:>6.1%} {r['names_a_place']:>14} "
              f"{r['names_a_place_located']:>8} {r['names_a_place_located_share'] or 0:>6.1%}  "
              + ", ".join(f"{k} {v}" for k, v in r["by_precision"].items())
              + f"; in several places {r['several_places']}")
    print(f"sample of {len(drawn)} located tune events (seed {args.seed}): " + " ".join(report["sample"]["ids"]))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO / "src"))
    sys.exit(main())
