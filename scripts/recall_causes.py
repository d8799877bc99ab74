"""Why gold events are missed: each gold event with no system event of its type on its trigger, by cause.

Usage::

    PYTHONPATH=src python scripts/recall_causes.py GOLD.jsonl [--lang fr] [--drops] [--show N]

Tuning data only (it prints gold triggers one by one): never on a held-out part such as devtest.

Each gold record is coded with ``Pipeline.trace`` (the learned trigger model as the environment says:
``NEWSEVENTS_NO_MODEL=1`` for the rules alone). A gold event (``trigger``, ``eventtext``, ``plover`` or ``cameo``;
the trigger located as in ``scripts/lexicon_coverage.py``) is *found* when a system event of its PLOVER type has
an evidence span overlapping the trigger. Each event not found gets one cause (:func:`cause`):

- ``no_trigger``: the trigger is not in the text;
- ``no_candidate``: no lexicon frame matched a word of the trigger; with the lexicon status of its lemmas
  (``unknown`` to the lexicon, ``known`` with a frame of the gold type that did not fit, ``recoded`` a frame the
  coder recodes into the type, ``other`` frames of other types only);
- ``dropped:RULE``: a candidate of the gold type on the trigger was dropped by the named rule;
- ``wrong_type``: candidates on the trigger, none of the gold type;
- ``kept_not_event``: a kept candidate of the gold type whose event a post-filter merged into another (a
  repeated mention: the scorer still matches it when the gold codes the mention once).

Prints the counts by cause, then the most frequent (cause, lemma, gold type) cells. ``--drops`` also prints, per
drop rule, how many of the candidates it dropped on all of the file lie on a gold trigger of their type (right
drops / all drops): a rule whose drops are mostly right is a candidate for narrowing.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lexicon_coverage import RECODED, frame_types, gold_type, read_gold, trigger_span  # noqa: E402


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two character spans (0-based, end-exclusive) share a character."""
    return a[0] < b[1] and b[0] < a[1]


def lexicon_status(lemmas: list[str], plover: str, types: dict[str, set[str]]) -> str:
    """How the lexicon knows ``lemmas`` (lower-cased) for the gold type ``plover``: ``known`` (a frame of the
    type), ``recoded`` (a frame the coder recodes into it, :data:`lexicon_coverage.RECODED`), ``other`` (frames of
    other types only) or ``unknown``. ``types`` maps a lemma to its frames' PLOVER types."""
    known = set().union(*(types.get(lemma, set()) for lemma in lemmas)) if lemmas else set()
    if plover in known:
        return "known"
    if known & RECODED.get(plover, set()):
        return "recoded"
    return "other" if known else "unknown"


def cause(plover: str, span: tuple[int, int] | None, events: list[tuple[set[str], tuple[int, int]]],
          candidates: list[tuple[set[str], tuple[int, int], str | None]]) -> str | None:
    """The cause a gold event of type ``plover`` with trigger ``span`` was missed, or None when a system event of
    its type overlaps the trigger. ``events``: (PLOVER types, evidence span) of the system events;
    ``candidates``: (PLOVER types of the frame, span, name of the dropping rule or None) of the trigger
    candidates. Causes as in the module docstring (``no_candidate`` without its lexicon status)."""
    if span is None:
        return "no_trigger"
    if any(plover in types and overlaps(s, span) for types, s in events):
        return None
    on = [c for c in candidates if overlaps(c[1], span)]
    right = [c for c in on if plover in c[0]]
    if right:
        return f"dropped:{right[0][2]}" if right[0][2] else "kept_not_event"
    return "wrong_type" if on else "no_candidate"


def main(argv: list[str] | None = None) -> int:
    """Command line: print the causes of the gold events of GOLD missed by the coder (see the module doc)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path, help="gold JSON-lines file (eval/ format, with triggers); tuning data")
    parser.add_argument("--lang", default="fr")
    parser.add_argument("--drops", action="store_true", help="also the right share of each drop rule's drops")
    parser.add_argument("--show", type=int, default=40, help="how many (cause, lemma, type) cells to print")
    args = parser.parse_args(argv)

    from newsevents.codes import load_cameo
    from newsevents.evaluate import gold_articles, is_evaluated
    from newsevents.langdata import load_language
    from newsevents.lexicon import Lexicon
    from newsevents.pipeline import Pipeline

    pipe = Pipeline(args.lang, force_lang=True)
    lexicon = Lexicon.from_data(load_language(args.lang))
    cameo = load_cameo()
    types = frame_types(lexicon, cameo)

    def ptypes(code: str) -> set[str]:
        return {t for t in cameo[code].plover_event.split("|") if t} if code in cameo else set()

    causes, cells, drops, right_drops = Counter(), Counter(), Counter(), Counter()
    for record in read_gold(args.gold):
        if not is_evaluated(record):
            continue
        result, trace = pipe.trace(next(gold_articles([record])))
        text = result.article.text
        events = [(ptypes(e.cameo_code) | {e.event_type}, tuple(e.event_span)) for e in result.events]
        cands = [(ptypes(c.cameo), c.span, c.dropped_by) for s in trace.sentences for c in s.candidates.values()]
        gold_spans = []
        for event in record.get("events") or ():
            plover = gold_type(event, cameo)
            if not plover:
                continue
            span = trigger_span(text, event.get("trigger") or "", event.get("eventtext"))
            if span is not None:
                gold_spans.append((span, plover))
            why = cause(plover, span, events, cands)
            if why is None:
                continue
            words = [t for s in trace.sentences for t, a in _token_spans(s)
                     if span and overlaps(a, span) and t.pos != "PUNCT"]
            lemmas = [t.lemma.lower() for t in words]
            lemmas += [v for v in map(lexicon.verb_lemma, (t.text for t in words)) if v]  # a mistagged verb
            if why == "no_candidate":
                why += ":" + lexicon_status(lemmas + [(event.get("trigger") or "").lower()], plover, types)
            causes[why] += 1
            cells[(why, lemmas[0] if lemmas else (event.get("trigger") or ""), plover)] += 1
        for ctypes, cspan, rule in cands:
            if rule:
                drops[rule] += 1
                right_drops[rule] += any(p in ctypes and overlaps(cspan, g) for g, p in gold_spans)
    print("gold events missed, by cause:")
    for why, n in causes.most_common():
        print(f"{n:6}  {why}")
    print(f"\nmost frequent (cause, lemma, gold type), first {args.show}:")
    for (why, lemma, plover), n in cells.most_common(args.show):
        print(f"{n:6}  {why}\t{lemma}\t{plover}")
    if args.drops:
        print("\ndrop rules: drops on a gold trigger of the candidate's type / all drops")
        for rule, n in drops.most_common():
            print(f"{right_drops[rule]:6} / {n:<6} {rule}")
    return 0


def _token_spans(sentence):
    """(token row, article character span) of each token of a traced sentence, found in order in its text."""
    at = 0
    for tok in sentence.tokens:
        k = sentence.text.find(tok.text, at)
        if k < 0:
            continue
        at = k + len(tok.text)
        yield tok, (sentence.span[0] + k, sentence.span[0] + at)


if __name__ == "__main__":
    sys.exit(main())
