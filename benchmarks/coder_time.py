"""The coder's own CPU time per document, spaCy left out: parse once, then time ``EventCoder.code``.

Not a test. Run from the repository root (needs ../shared and scripts/corpora.py)::

    PYTHONPATH=src .venv/bin/python benchmarks/coder_time.py [--lang fr] [--items 2000] [--repeat 3]

French codes the first ``--items`` Le Monde RSS items of ``scripts/corpora.py lemonde`` (as
``benchmarks/throughput.py`` does); Spanish and English the distinct texts of their derived gold sets
(``throughput.LANGUAGE_SETS``). Each repetition parses the texts afresh (the coder repairs parses in place), then
times the coding of every document with ``time.process_time`` (CPU seconds: comparable on a loaded machine when
old and new code are run one after the other). Prints the CPU seconds of each repetition, the number of events,
and spaCy's parsing time of the same texts for scale.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import throughput  # noqa: E402  (the corpus readers of the throughput benchmark)


def articles(lang: str, items: int, shared: Path) -> list:
    """The benchmark's articles of ``lang`` (at most ``items``)."""
    if lang == "fr":
        with tempfile.TemporaryDirectory() as tmp:
            path = throughput.corpus_jsonl(throughput.ITEMS_CORPUS, items, Path(tmp) / "items.jsonl", shared)
            return throughput.read(path, lang="fr")
    return throughput.language_articles(lang, shared)[:items]


def parsed(pipeline, ready: list) -> tuple[list[list], float]:
    """Each article's (character offset, Doc) pieces as the pipeline parses them, and the CPU seconds spent."""
    from newsevents.bounds import pieces

    parts = [(i, start, text) for i, a in enumerate(ready) for start, text in pieces(a.text)]
    out: list[list] = [[] for _ in ready]
    start = time.process_time()
    for (i, offset, _), doc in zip(parts, pipeline._pipe((p[2] for p in parts), pipeline.batch_size)):
        out[i].append((offset, doc))
    return out, time.process_time() - start


def main(argv=None) -> int:
    """Run the benchmark (see the module docstring); returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="fr", choices=("fr", "en", "es"))
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--shared", type=Path, default=throughput.SHARED)
    args = parser.parse_args(argv)
    from newsevents.pipeline import Pipeline

    pipeline = Pipeline(args.lang, force_lang=True)
    pipeline._warm_up()
    ready = [a for a in (pipeline.prepare(a) for a in articles(args.lang, args.items, args.shared))
             if not hasattr(a, "status")]
    for _ in range(args.repeat):
        docs, spacy_seconds = parsed(pipeline, ready)
        start = time.process_time()
        events = sum(len(pipeline.coder.code(a, d)) for a, d in zip(ready, docs))
        seconds = time.process_time() - start
        print(f"{args.lang}: {len(ready)} documents, {events} events, coder {seconds:.2f} s CPU "
              f"(spaCy parse {spacy_seconds:.2f} s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
