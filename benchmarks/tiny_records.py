"""Ingest of many tiny records against raw spaCy on the same texts (issue: "ingest of 200,000 tiny records at
>= 0.9x raw spaCy"). Not a test. Run from the repository root::

    .venv/bin/python benchmarks/tiny_records.py [--records 200000] [--json PATH]

It writes ``--records`` one-sentence JSONL records (made-up French sentences built from templates written for
this benchmark, so the run needs no corpus), then in one run:

* raw spaCy: ``nlp.pipe`` over the record texts with the pipeline's model and batch size (model loaded before
  the clock starts);
* ingest: ``newsevents ingest FILE --db TMP`` in a subprocess, with its own figure of documents/s (model loading
  excluded, as the CLI reports it), and the wall time of the whole command;

and prints documents/s of both and the ratio (target >= 0.9), plus the subprocess's peak RSS. On a shared
machine the wall-clock ratio depends on the load at each moment; the CPU seconds of both (raw spaCy's parse;
the whole ingest command, model loading included) are printed too, with the load average before and after.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

ACTORS = ["Le gouvernement malien", "La police", "Des manifestants", "L'armée ukrainienne", "Le président kényan",
          "Les rebelles", "La Russie", "Le ministre tchadien", "Des milliers d'agriculteurs", "L'ONU",
          "Le Premier ministre belge", "Les syndicats"]
ACTS = ["a rencontré {r} à {p}", "a critiqué {r}", "a manifesté contre {r} à {p}", "a arrêté trois militants à {p}",
        "a signé un accord avec {r}", "a appelé {r} au calme", "a menacé {r} de sanctions", "a bombardé {p}",
        "a reçu {r}", "a rejeté la proposition de {r}", "a annoncé une aide à {r}", "s'est rendu à {p}"]
RECIPIENTS = ["le Sénégal", "la France", "l'Union européenne", "le gouvernement", "l'opposition", "le Niger",
              "les autorités locales", "le Japon"]
PLACES = ["Bamako", "Kiev", "Paris", "Nairobi", "Bruxelles", "Niamey", "Dakar", "Lyon"]
DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def records(n: int):
    """``n`` JSONL record dicts, each one short sentence, ids ``tiny-000001``..., dated 2024-03-01 + i % 28."""
    combos = itertools.cycle(itertools.product(ACTORS, ACTS, RECIPIENTS, PLACES))
    for i, (actor, act, rec, place) in zip(range(n), combos):
        text = f"{actor} {act.format(r=rec, p=place)} {DAYS[i % 7]}."
        yield {"id": f"tiny-{i + 1:06d}", "date": f"2024-03-{i % 28 + 1:02d}", "text": text}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=200_000)
    parser.add_argument("--json", type=Path, default=None, help="also write the figures as JSON here")
    args = parser.parse_args(argv)

    import spacy

    from newsevents.pipeline import MODELS

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "tiny.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for rec in records(args.records):
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8")]

        nlp = spacy.load(MODELS["fr"])
        list(nlp.pipe(texts[:200], batch_size=64))  # warm-up
        load_before = os.getloadavg()[0]
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in nlp.pipe(texts, batch_size=64):
            pass
        raw = len(texts) / (time.perf_counter() - t0)
        raw_cpu = time.process_time() - c0
        del nlp

        cmd = [sys.executable, "-m", "newsevents.cli", "ingest", str(path), "--db", str(Path(tmp) / "t.duckdb")]
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT,
                              env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
        wall = time.perf_counter() - t0
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        if proc.returncode != 0:
            print(proc.stderr[-2000:], file=sys.stderr)
            return 1
        found = re.search(r"\(([\d.]+) documents/s, model loading excluded\)", proc.stderr)
        rate = float(found.group(1)) if found else float("nan")
        peak_gb = usage.ru_maxrss / 1024 ** 2

    figures = {"records": args.records, "raw_spacy_docs_per_s": round(raw, 1), "ingest_docs_per_s": rate,
               "ingest_vs_spacy": round(rate / raw, 3), "ingest_wall_s": round(wall, 1),
               "ingest_peak_rss_gb": round(peak_gb, 2), "target": 0.9,
               "raw_spacy_cpu_s": round(raw_cpu, 1), "ingest_cpu_s": round(usage.ru_utime + usage.ru_stime, 1),
               "load_average_before_after": [round(load_before, 1), round(os.getloadavg()[0], 1)]}
    for key, value in figures.items():
        print(f"{key:24s} {value}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
