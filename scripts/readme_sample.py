"""Regenerate the sample event record and the English demo table of README.md from the pipeline's real output.

    python scripts/readme_sample.py          # rewrites the ```json block under "An event record" and the table
    python scripts/readme_sample.py --check  # exit 1 when the README differs from what the pipeline gives

The record is the event of the bundled sample story (src/newsevents/examples/demo_fr.jsonl) whose event words
start with :data:`EVENT_WORDS`, as ``newsevents extract --format jsonl`` writes it, laid out over a few lines
by :func:`format_record`. The dictionary checksum is shown as "…": it changes with every edit of the language
data, which would make the README drift for no reader's benefit. ``tests/test_readme_sample.py`` runs the
same function and fails when the README no longer matches.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
SAMPLE = ROOT / "src" / "newsevents" / "examples" / "demo_fr.jsonl"
EVENT_WORDS = "aurait livré"
"""The sample event: the alleged arms delivery, with an attribution, a month date and a compound sentence."""
LINES = [("id", "doc_id"), ("event_type", "mode", "context", "cameo_code", "goldstein", "quad_class"), ("actor",),
         ("recipient",), ("modality",), ("attribution",), ("date",), ("location",), ("event_text", "event_span"),
         ("sentence",), ("sentence_span", "lang"), ("coder",)]
"""Keys shown on each line of the README's record, in the order of ``Event.to_dict()``."""
BLOCK = re.compile(r"(## An event record\n.*?```json\n)(.*?)(```)", re.S)
SAMPLE_EN = ROOT / "src" / "newsevents" / "examples" / "demo_en.jsonl"
TABLE = re.compile(r"(demo_en\.jsonl --format table` prints them.*?```\n)(.*?)(```)", re.S)
"""The README's table of the English demo story's events (``extract --format table``, 100 columns wide)."""


def sample_record(pipeline) -> dict[str, Any]:
    """The README's event as ``Event.to_dict()``, coded by ``pipeline`` (a :class:`newsevents.Pipeline`), with
    the dictionary checksum replaced by "…". Raises ``LookupError`` when no event's words start with
    :data:`EVENT_WORDS` (then choose another sample event)."""
    from newsevents.records import Article

    story = json.loads(SAMPLE.read_text(encoding="utf-8"))
    article = Article(id=story["id"], text=story["text"], published=story.get("date"), lang=story.get("lang"),
                      title=story.get("title"), source=story.get("source"))
    result = next(iter(pipeline.process([article])))
    for event in result.events:
        if event.event_text.startswith(EVENT_WORDS):
            record = event.to_dict()
            if record.get("coder"):
                record["coder"]["dictionary_checksum"] = "…"
            return record
    raise LookupError(f"the pipeline found no event whose words start with {EVENT_WORDS!r} in {SAMPLE.name}")


def english_table(pipeline) -> str:
    """The English demo story's events as ``newsevents extract demo_en.jsonl --format table`` prints them on a
    100-column terminal, coded by ``pipeline`` (an English :class:`newsevents.Pipeline`)."""
    import io

    from newsevents.export import write_table
    from newsevents.records import Article

    story = json.loads(SAMPLE_EN.read_text(encoding="utf-8").splitlines()[0])
    article = Article(id=story["id"], text=story["text"], published=story.get("date"), lang=story.get("lang"),
                      title=story.get("title"), source=story.get("source"))
    result = next(iter(pipeline.process([article])))
    out = io.StringIO()
    write_table((e.to_dict() for e in result.events), out, width=100)
    return out.getvalue()


def readme_table() -> str:
    """The text of the README's English table now."""
    m = TABLE.search(README.read_text(encoding="utf-8"))
    if m is None:
        raise LookupError("README.md has no ``` block after 'demo_en.jsonl --format table` prints them'")
    return m.group(2)


def format_record(record: dict[str, Any]) -> str:
    """The record as JSON over the lines of :data:`LINES` (one JSON object; ``json.loads`` gives it back)."""
    keys = [k for line in LINES for k in line]
    assert keys == list(record), f"unexpected keys: {list(record)}"
    parts = []
    for line in LINES:
        parts.append(", ".join(f"{json.dumps(k)}: {json.dumps(record[k], ensure_ascii=False)}" for k in line))
    return "{" + ",\n ".join(parts) + "}\n"


def readme_block() -> str:
    """The text of the README's sample block now."""
    m = BLOCK.search(README.read_text(encoding="utf-8"))
    if m is None:
        raise LookupError("README.md has no ```json block under '## An event record'")
    return m.group(2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 on a difference")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from newsevents.pipeline import Pipeline

    block = format_record(sample_record(Pipeline("fr", force_lang=True)))
    table = english_table(Pipeline("en", force_lang=True))
    if args.check:
        same = block == readme_block() and table == readme_table()
        print("README samples are up to date" if same else "README samples differ: run scripts/readme_sample.py")
        return 0 if same else 1
    text = BLOCK.sub(lambda m: m.group(1) + block + m.group(3), README.read_text(encoding="utf-8"), count=1)
    README.write_text(TABLE.sub(lambda m: m.group(1) + table + m.group(3), text, count=1), encoding="utf-8")
    print(f"README.md: sample record ({EVENT_WORDS!r}) and English table rewritten")
    return 0


if __name__ == "__main__":
    sys.exit(main())
