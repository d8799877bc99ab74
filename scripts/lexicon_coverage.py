"""Lexicon coverage of gold triggers: the share of gold events whose trigger word the lexicon knows with a frame of
the right PLOVER type.

Usage::

    PYTHONPATH=src python scripts/lexicon_coverage.py GOLD.jsonl [GOLD.jsonl ...] [--missing] [--lang fr]

Each gold record (the eval/ format: ``text`` and ``events``) has, per event, ``trigger`` (the word that expresses
it, verbatim from ``text``) and ``plover`` (else ``cameo``, mapped to PLOVER with ``data/cameo.tsv``). The trigger
is located in the text (inside the event's ``eventtext`` when that is found, else its first occurrence), the text
is parsed with the pipeline's spaCy model (``fr_core_news_md`` for French) and the lemma of each token of the
trigger span is looked up: an event is *covered* when one of those lemmas (or the regular-verb form the lexicon
recognises for a mistagged verb, or the whole trigger lower-cased, e.g. "cessez-le-feu") is a verb or noun of the
lexicon with a frame whose CAMEO code maps to the gold PLOVER type. Events without a trigger, or whose trigger is
not found in the text, are counted apart ("no trigger") and left out of the share.

Two shares are printed. *strict*: a frame of the gold type itself. *with recoding*: also a frame the coder recodes
into the gold type by the CAMEO codebook's own correspondences -- an intended cooperative act (CAMEO 04-08, e.g.
"va rencontrer") is coded as its "express intent" code (CAMEO 03, AGREE), and an announced conflictual act
(CAMEO 14-20, "promet de punir") as a threat (CAMEO 13, THREATEN); see ``RECODED`` below.

Prints the overall share and one share per file; ``--missing`` also prints the uncovered (lemma, gold type,
count) list, most frequent first. Use ``--missing`` on tuning data only: never on a held-out part.

This measures the lexicon's vocabulary, not the coder: a covered trigger can still be missed in context, and some
gold triggers are coded by other mechanisms (intent verbs recode an act as CAMEO 03, headlines, obligations).
"""
from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path


RECODED = {
    "AGREE": {"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"},
    "THREATEN": {"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"},
}
"""Gold PLOVER type -> the frame types the coder recodes into it: intent to do a cooperative act is CAMEO 03
(AGREE: 031 material cooperation, 032 diplomatic, 033 aid, 035 yield, 036 meet), an announced conflictual act
CAMEO 13 (THREATEN: 131-133, 138). CAMEO 1.1b3 codebook, categories 03 and 13."""


@dataclass
class Coverage:
    """Counts for one gold file: ``covered`` of ``total`` located triggers have a frame of the gold type,
    ``recoded`` more have a frame the coder recodes into it (:data:`RECODED`); ``no_trigger`` events are left out;
    ``missing`` counts uncovered (lemma, gold PLOVER type) pairs (recoded ones are not missing)."""

    total: int = 0
    covered: int = 0
    recoded: int = 0
    no_trigger: int = 0
    missing: Counter = field(default_factory=Counter)

    @property
    def share(self) -> float:
        """Strict share: covered / total (0.0 when there is no located trigger)."""
        return self.covered / self.total if self.total else 0.0

    @property
    def share_recoded(self) -> float:
        """Share with recoding: (covered + recoded) / total (0.0 when there is no located trigger)."""
        return (self.covered + self.recoded) / self.total if self.total else 0.0

    def summary(self) -> str:
        """One line: strict and recoded shares with their counts."""
        return (f"strict {self.covered}/{self.total} = {self.share:.3f}, with recoding "
                f"{self.covered + self.recoded}/{self.total} = {self.share_recoded:.3f} (no trigger: {self.no_trigger})")

    def add(self, other: "Coverage") -> None:
        """Add another file's counts to these (in place)."""
        self.total += other.total
        self.covered += other.covered
        self.recoded += other.recoded
        self.no_trigger += other.no_trigger
        self.missing.update(other.missing)


def trigger_span(text: str, trigger: str, eventtext: str | None) -> tuple[int, int] | None:
    """Character span (0-based, end-exclusive) of ``trigger`` in ``text``: inside ``eventtext`` when both are
    found, else the first occurrence; None when the trigger is not in the text."""
    if not trigger:
        return None
    if eventtext:
        start = text.find(eventtext)
        if start >= 0:
            inner = eventtext.find(trigger)
            if inner >= 0:
                return start + inner, start + inner + len(trigger)
    start = text.find(trigger)
    return (start, start + len(trigger)) if start >= 0 else None


def frame_types(lexicon, cameo) -> dict[str, set[str]]:
    """PLOVER types each verb and noun lemma of ``lexicon`` can code: {lemma: {"ASSAULT", ...}}. A code whose
    PLOVER cell lists two types (CAMEO 08) gives both."""
    types: dict[str, set[str]] = {}
    for table in (lexicon.verbs, lexicon.nouns):
        for lemma, frames in table.items():
            for frame in frames:
                types.setdefault(lemma.lower(), set()).update(
                    t for t in cameo[frame.cameo].plover_event.split("|") if t)
    return types


def gold_type(event: dict, cameo) -> str:
    """The gold PLOVER type of an event: ``plover``, else the PLOVER type of its ``cameo`` code ("" if none)."""
    if event.get("plover"):
        return str(event["plover"])
    code = str(event.get("cameo") or "")
    return cameo.plover(code) if code in cameo else ""


def candidate_lemmas(doc, span: tuple[int, int], trigger: str, lexicon) -> list[str]:
    """Lower-cased lemmas that may name the trigger: each token overlapping ``span`` (a capitalised one also with
    its initial accented, as the coder reads "Emeutes": cues.yaml ``accented_capitals``), the lexicon verb of its
    form (:meth:`~newsevents.lexicon.Lexicon.verb_lemma`) and the whole trigger."""
    out = []
    accented = sorted(lexicon.cues.get("accented_capitals", ()))
    for tok in doc:
        if tok.idx < span[1] and tok.idx + len(tok.text) > span[0] and not tok.is_punct:
            lemma = tok.lemma_.lower()
            out.append(lemma)
            if tok.text[:1].isupper() and lemma:  # "Echange": the coder also reads "échange" (cues.yaml)
                out.extend(a + lemma[1:] for a in accented
                           if unicodedata.normalize("NFD", a)[:1] == lemma[0])
            verb = lexicon.verb_lemma(tok.text)
            if verb:
                out.append(verb)
    out.append(trigger.lower())
    return out


def measure(records, nlp, lexicon, cameo) -> Coverage:
    """Coverage of the gold events of ``records`` (dicts with ``text`` and ``events``)."""
    types = frame_types(lexicon, cameo)
    result = Coverage()
    for record in records:
        events = record.get("events") or []
        if not events:
            continue
        text = record.get("text") or ""
        doc = nlp(text)
        for event in events:
            span = trigger_span(text, event.get("trigger") or "", event.get("eventtext"))
            plover = gold_type(event, cameo)
            if span is None or not plover:
                result.no_trigger += 1
                continue
            lemmas = candidate_lemmas(doc, span, event["trigger"], lexicon)
            result.total += 1
            known = set().union(*(types.get(lemma, set()) for lemma in lemmas))
            if plover in known:
                result.covered += 1
            elif known & RECODED.get(plover, set()):
                result.recoded += 1
            else:
                result.missing[(lemmas[0], plover)] += 1
    return result


def read_gold(path: Path) -> list[dict]:
    """The records of a JSON-lines gold file; raises ValueError naming the file and line of a bad record."""
    records = []
    with path.open(encoding="utf-8") as handle:
        for n, line in enumerate(handle, 1):
            if line.strip():
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as err:
                    raise ValueError(f"{path}:{n}: not a JSON record ({err})") from None
    return records


def main(argv: list[str] | None = None) -> int:
    """Command line: print overall and per-file coverage (and, with --missing, the uncovered lemmas)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="+", type=Path, help="gold JSON-lines files (eval/ format, with triggers)")
    parser.add_argument("--missing", action="store_true", help="list uncovered (lemma, type, count); tune data only")
    parser.add_argument("--lang", default="fr")
    args = parser.parse_args(argv)

    import spacy

    from newsevents.codes import load_cameo
    from newsevents.langdata import load_language
    from newsevents.lexicon import Lexicon
    from newsevents.pipeline import MODELS

    nlp = spacy.load(MODELS[args.lang])
    lexicon = Lexicon.from_data(load_language(args.lang))
    cameo = load_cameo()
    overall = Coverage()
    for path in args.gold:
        cov = measure(read_gold(path), nlp, lexicon, cameo)
        overall.add(cov)
        print(f"{path}: {cov.summary()}")
    print(f"overall: {overall.summary()}")
    if args.missing:
        for (lemma, plover), count in overall.missing.most_common():
            print(f"{count}\t{plover}\t{lemma}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
