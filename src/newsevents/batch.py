"""Corpus-scale batch runs on Dask distributed: partitioned, resumable, written as Parquet shards.

The driver reads the inputs lazily (:func:`newsevents.readers.read_inputs`), groups the documents into
partitions of at most ``partition_size`` documents and ``partition_chars`` characters (:func:`plan_partitions`:
deterministic, so a rerun makes the same partitions), submits one Dask task per partition
(:func:`code_partition`, which codes the documents with a :class:`~newsevents.pipeline.Pipeline` loaded once
per worker process) and writes each partition's output as soon as its task completes. Layout of the output directory::

    DIR/manifest.json                                  inputs, settings, counts, coder, partitions done
    DIR/errors.jsonl                                   one JSON line per input error or document error
    DIR/events/month=YYYY-MM/part-<pid>.parquet        events of the partition's documents published that month
    DIR/documents/month=YYYY-MM/part-<pid>.parquet     the partition's documents published that month
    DIR/_done/<pid>                                    completion marker (JSON: counts and the shard paths)
    DIR/clusters/{clusters,members}.parquet            event clusters over all partitions (final step,
                                                       newsevents.cluster_batch)

``month`` is the document's publication month (``month=unknown`` when it has no date), as Hive-style
partitioning, so ``duckdb.sql("select * from read_parquet('DIR/events/*/*.parquet', hive_partitioning=1)")``
or ``pyarrow.dataset.dataset("DIR/events", partitioning="hive")`` read a month column from the path.

Event shards have exactly the fields of :meth:`Event.to_dict <newsevents.records.Event.to_dict>` (the
``extract`` JSONL record) with nested fields as Arrow types, not JSON strings: ``actor``/``recipient`` are
lists of structs, ``date``/``attribution``/``location``/``coder`` structs (null when absent), spans
``list<int32>`` of two 0-based, end-exclusive character offsets into the document text (:data:`EVENT_SCHEMA`).
Document shards follow :data:`DOCUMENT_SCHEMA`; ``text`` is the cleaned text the offsets point into.

Resuming: a partition is done when its marker exists; markers are written after the partition's shards and
error lines, each file written to a temporary name, flushed to disk and renamed (``os.replace``). A rerun into
the same directory skips marked partitions, deletes the shards of unmarked ones (left by a killed run) and
codes them again, so killing a run at any moment (even ``kill -9``) and starting it again loses and duplicates
no document. Partitions of an earlier run that the current inputs no longer produce are removed at the end of
a run that read all its inputs. :func:`load_batch_output` reads a directory back as
:class:`~newsevents.records.DocumentResult` records (done partitions only).
"""
from __future__ import annotations

import contextlib
import glob
import hashlib
import json
import logging
import os
import re
import socket
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa

from .batch_output import (  # noqa: F401 -- the output directory lives in batch_output; re-exported here
    _ENTITY, _SHARD, _SPAN, DOCUMENT_SCHEMA, EVENT_SCHEMA, FORMAT, BatchError, BatchOutput, _atomic_write, _now,
    is_batch_output, load_batch_output)
from .records import Article, DocumentResult, Event, InputError

log = logging.getLogger(__name__)

PARTITION_SIZE = 100
"""Default documents per partition (one Dask task). Larger partitions cost less scheduling overhead; smaller
ones lose less work when a run is killed and report progress more often."""

PARTITION_CHARS = 250_000
"""Default cap on the text characters of a partition: a partition closes at ``partition_size`` documents or
once its texts reach this many characters (about 40,000 French words, 6-7 s of work for one worker), so
partitions of long articles are smaller and the work spreads evenly over the workers (docs/performance.md)."""

MAX_FAILURES_BEFORE_SUCCESS = 3
"""A run stops (:class:`BatchError`) when this many partitions fail before any succeeds: the failure is
systematic (model not installed, workers cannot start), not one bad partition."""

_MONTH = re.compile(r"^(\d{4})-(\d{2})")

# -- partitions -------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class BatchSettings:
    """What determines a batch run's output (recorded in ``manifest.json``; a rerun into the same directory
    must use the same values). ``lang`` is the ``--lang`` value (ISO 639-1; None: identify each document's
    language and code the French ones); ``published`` the ``--published`` default date (``YYYY-MM-DD``);
    ``partition_size`` documents per partition at most; ``partition_chars`` text characters per partition at
    most (None: no cap; see :func:`plan_partitions`); ``batch_size`` documents per ``nlp.pipe`` batch."""

    lang: str | None = None
    published: str | None = None
    partition_size: int = PARTITION_SIZE
    partition_chars: int | None = PARTITION_CHARS
    batch_size: int = 64

    def __post_init__(self) -> None:
        if self.partition_size < 1:
            raise ValueError(f"partition_size must be >= 1, got {self.partition_size}")
        if self.partition_chars is not None and self.partition_chars < 1:
            raise ValueError(f"partition_chars must be >= 1 or None, got {self.partition_chars}")
        if self.batch_size < 1:
            raise ValueError(f"batch_size must be >= 1, got {self.batch_size}")


@dataclass(frozen=True, slots=True)
class Partition:
    """One unit of work: articles in input order (see :func:`plan_partitions`), plus the input errors met while
    reading them (messages of :class:`~newsevents.records.InputError`; ``input_error_ids`` their documents' ids,
    None where the input named none, or empty: all None). ``index`` is the 0-based partition
    number in input order; ``id`` is ``<index, 6+ digits>-<12 hex digits>``, the hex digits being a SHA-1 of
    the documents' ids, dates, languages and text digests in order (see :func:`partition_id`)."""

    id: str
    index: int
    articles: tuple[Article, ...]
    input_errors: tuple[str, ...] = ()
    input_error_ids: tuple[str | None, ...] = ()


def partition_id(index: int, articles: Sequence[Article], input_errors: Sequence[str] = ()) -> str:
    """The deterministic id of partition number ``index`` holding ``articles`` (in order): the zero-padded
    index, a dash, and the first 12 hex digits of a SHA-1 of every article's id, publication date, language and
    text SHA-1, plus the input error messages. The same inputs read with the same options give the same ids
    in every run and every process (no Python ``hash()``)."""
    digest = hashlib.sha1()
    for a in articles:
        text_digest = hashlib.sha1(a.text.encode("utf-8", "surrogatepass")).hexdigest()
        digest.update(json.dumps([a.id, a.published, a.lang, text_digest], ensure_ascii=False).encode())
        digest.update(b"\n")
    for message in input_errors:
        digest.update(json.dumps(["input-error", message], ensure_ascii=False).encode())
        digest.update(b"\n")
    return f"{index:06d}-{digest.hexdigest()[:12]}"


def plan_partitions(items: Iterable[Article | InputError], size: int,
                    max_chars: int | None = None) -> Iterator[Partition]:
    """Group ``items`` (as yielded by ``read_inputs``) lazily into partitions, in input order. A partition
    closes when it holds ``size`` articles or when its articles' texts reach ``max_chars`` characters in
    total (when given), so one article longer than ``max_chars`` makes a partition of its own. An input error
    joins the partition being filled and counts towards neither limit. The last partition may be smaller;
    input errors after the last article form a partition of their own. The grouping depends only on the items
    and the two limits, so the same inputs always give the same partitions. Raises ``ValueError`` when
    ``size < 1`` or ``max_chars < 1``."""
    if size < 1:
        raise ValueError(f"partition size must be >= 1, got {size}")
    if max_chars is not None and max_chars < 1:
        raise ValueError(f"partition character cap must be >= 1, got {max_chars}")
    articles: list[Article] = []
    errors: list[str] = []
    error_ids: list[str | None] = []
    chars = 0
    index = 0
    for item in items:
        if isinstance(item, InputError):
            errors.append(str(item))
            error_ids.append(getattr(item, "doc_id", None))
            continue
        articles.append(item)
        chars += len(item.text)
        if len(articles) == size or (max_chars is not None and chars >= max_chars):
            yield Partition(partition_id(index, articles, errors), index, tuple(articles), tuple(errors),
                            tuple(error_ids))
            articles, errors, error_ids, chars, index = [], [], [], 0, index + 1
    if articles or errors:
        yield Partition(partition_id(index, articles, errors), index, tuple(articles), tuple(errors),
                        tuple(error_ids))


def month_of(published: str | None) -> str:
    """The ``month=`` value for a publication date: ``YYYY-MM`` from an ISO 8601 date, else ``"unknown"``."""
    m = _MONTH.match(published or "")
    return f"{m.group(1)}-{m.group(2)}" if m and 1 <= int(m.group(2)) <= 12 else "unknown"


# -- the task that runs on a worker -----------------------------------------------------------------------

PipelineFactory = Callable[[str, bool, int], Any]
"""Builds a pipeline from (lang, force_lang, batch_size); the result needs only a ``process(articles)`` method
yielding one :class:`~newsevents.records.DocumentResult` per article, in order. Must be a module-level function
(it is pickled by reference to the workers)."""


def default_pipeline(lang: str, force_lang: bool, batch_size: int):
    """The standard :class:`~newsevents.pipeline.Pipeline` of ``lang`` when ``force_lang``, else a
    :class:`~newsevents.routing.LanguageRouter` that codes each document with its own language's pipeline
    (each loads its spaCy model and language data on first use)."""
    from .pipeline import Pipeline
    from .routing import LanguageRouter

    if not force_lang:
        return LanguageRouter(batch_size=batch_size)
    return Pipeline(lang, force_lang=True, batch_size=batch_size)


_per_thread = threading.local()


def worker_pipeline(factory: PipelineFactory, lang: str, force_lang: bool, batch_size: int):
    """The pipeline of this worker for these options, built on first use (inside a task, never at import)
    and kept for the life of the process, so each worker loads the spaCy model and the language data once.

    Kept per thread, because a spaCy pipeline is not meant to be used by two threads at once: a worker with
    ``--nthreads 2`` loads it twice (run single-threaded workers; see docs/performance.md)."""
    cache = getattr(_per_thread, "pipelines", None)
    if cache is None:
        cache = _per_thread.pipelines = {}
    key = (factory, lang, force_lang, batch_size)
    if key not in cache:
        log.info("process %d: loading the %s pipeline (force_lang=%s)", os.getpid(), lang, force_lang)
        cache[key] = factory(lang, force_lang, batch_size)
    return cache[key]


@dataclass(frozen=True, slots=True)
class PartitionOutput:
    """What :func:`code_partition` returns to the driver: Arrow tables keyed by (``"events"`` or
    ``"documents"``, month), JSON-ready error records, and ``stats`` (documents, events, status counts, coder,
    worker name, its peak resident set size in bytes, seconds spent)."""

    partition_id: str
    index: int
    tables: dict[tuple[str, str], pa.Table]
    errors: tuple[dict[str, Any], ...]
    stats: dict[str, Any]


def code_partition(partition: Partition, settings: BatchSettings,
                   factory: PipelineFactory = default_pipeline) -> PartitionOutput:
    """Code one partition (runs on a Dask worker, or anywhere). One document's failure becomes a document with
    ``status="error"``; the pipeline's own construction errors (unsupported language, missing model) raise, and
    so does :class:`BatchError` when ``Event.to_dict()`` no longer has the fields of :data:`EVENT_SCHEMA`."""
    start = time.perf_counter()
    if partition.articles:
        pipeline = worker_pipeline(factory, settings.lang or "auto", settings.lang is not None,
                                   settings.batch_size)
        results = pipeline.process(partition.articles)
    else:  # only input errors: no need to load a pipeline
        results = iter(())
    rows: dict[tuple[str, str], list[dict[str, Any]]] = {}
    ids = partition.input_error_ids or (None,) * len(partition.input_errors)
    errors: list[dict[str, Any]] = [{"partition": partition.id, "kind": "input", "doc_id": doc_id, "error": m}
                                    for m, doc_id in zip(partition.input_errors, ids)]
    status: Counter = Counter()
    skipped: Counter = Counter()
    n_events = 0
    coder = None
    n_results = 0
    for position, result in enumerate(results):
        n_results += 1
        a = result.article
        month = month_of(a.published)
        status[result.status] += 1
        if result.status == "error":
            errors.append({"partition": partition.id, "kind": "document", "doc_id": a.id, "error": result.error})
        elif result.status == "skipped":
            skipped.update(result.notes or ("no reason given",))
        rows.setdefault(("documents", month), []).append({
            "doc_id": a.id, "position": position, "published": a.published, "lang": a.lang,
            "status": result.status, "notes": list(result.notes), "error": result.error,
            "n_events": len(result.events), "title": a.title, "url": a.url, "source": a.source, "text": a.text,
        })
        for event in result.events:
            record = event.to_dict()
            record.setdefault("locations", [])  # written only for an event in several places
            if record.keys() != _EVENT_FIELDS:
                raise BatchError(f"Event.to_dict() fields {sorted(record)} differ from EVENT_SCHEMA "
                                 f"{sorted(_EVENT_FIELDS)}; update newsevents.batch.EVENT_SCHEMA")
            rows.setdefault(("events", month), []).append(record)
            coder = coder or record["coder"]
            n_events += 1
    if n_results != len(partition.articles):
        raise RuntimeError(f"partition {partition.id}: the pipeline returned {n_results} results for "
                           f"{len(partition.articles)} articles")
    tables = {key: pa.Table.from_pylist(r, schema=EVENT_SCHEMA if key[0] == "events" else DOCUMENT_SCHEMA)
              for key, r in rows.items()}
    stats = {"documents": len(partition.articles), "events": n_events, "status": dict(status),
             "input_errors": len(partition.input_errors), "skipped": dict(skipped), "coder": coder,
             "worker": _worker_name(),
             "peak_rss_bytes": _peak_rss_bytes(), "seconds": round(time.perf_counter() - start, 3)}
    return PartitionOutput(partition.id, partition.index, tables, tuple(errors), stats)


_EVENT_FIELDS = set(EVENT_SCHEMA.names)


def _worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _peak_rss_bytes() -> int | None:
    """Peak resident set size of this process in bytes: ``VmHWM`` of /proc/self/status on Linux (the
    ``getrusage`` figure would include the parent's memory at the time this worker was forked), else
    ``getrusage`` (bytes on macOS); None on Windows."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024  # kB
    except OSError:
        pass
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak if sys.platform == "darwin" else peak * 1024)


# -- the driver -------------------------------------------------------------------------------------------

@dataclass
class BatchSummary:
    """Counts of one batch run. ``documents``/``events``/``status`` cover the whole output directory (resumed
    partitions included); ``coded`` counts the documents coded by this run; ``seconds`` its wall time;
    ``peak_rss_bytes`` maps each worker of this run to its peak resident set size; ``skipped`` counts the
    skipped documents by note (why: "language nl has no language pack...")."""

    output: str
    documents: int = 0
    coded: int = 0
    events: int = 0
    status: Counter = field(default_factory=Counter)
    input_errors: int = 0
    partitions: int = 0
    partitions_resumed: int = 0
    partitions_failed: list[str] = field(default_factory=list)
    seconds: float = 0.0
    peak_rss_bytes: dict[str, int] = field(default_factory=dict)
    skipped: Counter = field(default_factory=Counter)
    clusters: Any = None  # newsevents.cluster_batch.ClusterSummary of the final clustering step, or None

    @property
    def complete(self) -> bool:
        """Every partition is done (nothing to rerun)."""
        return not self.partitions_failed

    @property
    def errors_path(self) -> str:
        """Where the input and document errors are listed: ``OUTPUT/errors.jsonl``."""
        return os.path.join(self.output, "errors.jsonl")

    def describe(self) -> str:
        """The summary for stderr: one line of counts, then one line per reason documents were skipped (at
        most five, most frequent first) and one saying where the errors are listed, when there were any."""
        parts = ", ".join(f"{n} {s}" for s, n in sorted(self.status.items())) or "none"
        rate = self.coded / self.seconds if self.seconds else 0.0
        text = (f"{self.documents} documents ({parts}), {self.events} events, {self.input_errors} input errors; "
                f"{self.partitions} partitions ({self.partitions_resumed} resumed, "
                f"{len(self.partitions_failed)} failed); coded {self.coded} documents in {self.seconds:.1f} s "
                f"({rate:.1f} docs/s) -> {self.output}")
        if self.partitions_failed:
            text += "; rerun the same command to retry the failed partitions"
        if self.clusters is not None:
            text += f"; clustered {self.clusters.describe()}"
        reasons = sorted(self.skipped.items(), key=lambda item: (-item[1], item[0]))
        for note, n in reasons[:5]:
            text += f"\nskipped {n} {'document' if n == 1 else 'documents'}: {note}"
        if len(reasons) > 5:
            text += f"\nskipped {sum(n for _, n in reasons[5:])} more documents for other reasons"
        n_errors = self.input_errors + self.status.get("error", 0)
        if n_errors:
            text += f"\n{n_errors} {'error' if n_errors == 1 else 'errors'} listed in {self.errors_path}"
        return text


def default_workers() -> int:
    """Local worker processes when none are asked for: the CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


@contextlib.contextmanager
def dask_client(workers: int | None = None, scheduler: str | None = None):
    """A ``distributed.Client``: connected to ``scheduler`` (an address such as ``tcp://10.0.0.5:8786``) when
    given, else to a new LocalCluster of ``workers`` single-threaded worker processes bound to 127.0.0.1 with
    no dashboard. Closed (and the local cluster shut down) on exit.

    The local workers start without Dask's ``MALLOC_TRIM_THRESHOLD_=65536``, which makes spaCy parsing about
    25% slower (measured: docs/performance.md). While the client is open, the ``distributed`` loggers log no
    more than the root logger lets through (Dask's own configuration sets them to INFO, which would print
    scheduler chatter on every ``batch`` run)."""
    from distributed import Client, LocalCluster

    with _quiet_distributed():
        if scheduler:
            with Client(scheduler) as client:
                yield client
            return
        n = workers or default_workers()
        with _without_malloc_trim():
            cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, host="127.0.0.1",
                                   dashboard_address=None, scheduler_port=0)
        with cluster, Client(cluster) as client:
            yield client


@contextlib.contextmanager
def _quiet_distributed():
    """Raise the ``distributed`` logger to the root logger's level for the duration, then restore it."""
    logger = logging.getLogger("distributed")
    old = logger.level
    root = logging.getLogger().getEffectiveLevel()
    if root > logger.getEffectiveLevel():
        logger.setLevel(root)
    try:
        yield
    finally:
        logger.setLevel(old)


@contextlib.contextmanager
def _without_malloc_trim():
    """Start Dask worker processes without ``MALLOC_TRIM_THRESHOLD_``: drop it from the nanny's pre-spawn
    environment and, while the workers start, from ``os.environ`` when an earlier Dask nanny of this process
    left Dask's own value there (nannies copy their pre-spawn variables into the parent's environment)."""
    import dask

    key = "MALLOC_TRIM_THRESHOLD_"
    spawn_env = dict(dask.config.get("distributed.nanny.pre-spawn-environ") or {})
    dask_value = spawn_env.pop(key, None)
    saved = os.environ.get(key)
    if saved is not None and dask_value is not None and saved == str(dask_value):
        del os.environ[key]
    try:
        with dask.config.set({"distributed.nanny.pre-spawn-environ": spawn_env}):
            yield
    finally:
        if saved is not None:
            os.environ[key] = saved


def estimate_documents(inputs: Sequence[str]) -> int | None:
    """A quick estimate of the number of documents in ``inputs`` for the progress bar's ETA, without parsing
    anything: one per file, one per non-empty line of a .jsonl file, finding files in directories (recursively,
    :data:`newsevents.readers.DIRECTORY_EXTENSIONS`, no hidden files) and glob patterns as ``read_inputs``
    does. None when an input is standard input (``-``) or nothing is found."""
    from .readers import DIRECTORY_EXTENSIONS

    total = 0
    for item in inputs:
        if item == "-":
            return None
        path = Path(item)
        if path.is_dir():
            files = [p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DIRECTORY_EXTENSIONS
                     and not any(part.startswith(".") for part in p.relative_to(path).parts)]
        elif path.exists():
            files = [path]
        else:
            files = [Path(p) for p in glob.glob(item, recursive=True) if Path(p).is_file()]
        for f in files:
            if f.suffix.lower() == ".jsonl":
                with open(f, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            else:
                total += 1
    return total or None


def run_batch(inputs: Sequence[str], output: str | os.PathLike, *, workers: int | None = None,
              scheduler: str | None = None, partition_size: int = PARTITION_SIZE,
              partition_chars: int | None = PARTITION_CHARS, lang: str | None = None,
              published: str | None = None, batch_size: int = 64, progress: bool | None = None,
              client=None, factory: PipelineFactory = default_pipeline) -> BatchSummary:
    """Code ``inputs`` (files, directories, globs of .txt/.html/.jsonl, as for ``extract``) into the batch
    output directory ``output`` on Dask (see the module docstring for the layout and the resume rules).

    ``workers``: local worker processes (default: the CPUs available); ``scheduler``: address of a running
    Dask scheduler to use instead; ``client``: an existing ``distributed.Client`` (overrides both).
    ``progress``: show a tqdm bar on stderr (None: only when stderr is a terminal). ``factory`` builds the
    pipeline on each worker (see :data:`PipelineFactory`).

    Raises :class:`BatchError` when the directory cannot be used or when no input exists (every one a
    misspelt path or a pattern matching nothing: the directory is then not created), ``ValueError`` for an
    unsupported language or bad sizes. Other input and document errors never stop the run: they go to
    ``errors.jsonl``.
    """
    from .pipeline import SUPPORTED_LANGS
    from .readers import missing_inputs, read_inputs

    if lang is not None and lang not in SUPPORTED_LANGS:
        raise ValueError(f"unsupported language {lang!r}; supported: {', '.join(SUPPORTED_LANGS)}")
    missing = missing_inputs(inputs)
    if inputs and len(missing) == len(inputs):
        raise BatchError(f"nothing to code: {'; '.join(missing)}; {output} was not written")
    settings = BatchSettings(lang=lang, published=published, partition_size=partition_size,
                             partition_chars=partition_chars, batch_size=batch_size)
    items = read_inputs(list(inputs), published=published, lang=lang)
    return run_items(items, output, settings, inputs=[str(i) for i in inputs], workers=workers,
                     scheduler=scheduler, client=client, progress=progress, factory=factory,
                     total=estimate_documents(inputs))


def run_items(items: Iterable[Article | InputError], output: str | os.PathLike, settings: BatchSettings, *,
              inputs: Sequence[str] = (), workers: int | None = None, scheduler: str | None = None,
              client=None, progress: bool | None = None, factory: PipelineFactory = default_pipeline,
              total: int | None = None) -> BatchSummary:
    """Like :func:`run_batch` for articles already read (``items`` as yielded by ``read_inputs``);
    ``inputs`` is only recorded in the manifest and ``total`` is the expected document count for the ETA."""
    started = time.perf_counter()
    summary = BatchSummary(output=str(output))
    with BatchOutput(output, settings, inputs) as out, contextlib.ExitStack() as stack:
        if client is None:
            client = stack.enter_context(dask_client(workers, scheduler))
        bar = stack.enter_context(_progress_bar(total, progress))
        run = _Run(out, summary, bar, client, settings, factory)
        try:
            for partition in plan_partitions(items, settings.partition_size, settings.partition_chars):
                run.plan(partition)
            run.finished_reading = True
            bar.total = bar.n + sum(len(p.articles) for p in run.by_future.values())
            run.drain()
        finally:
            run.close()
        if run.finished_reading:  # the final step: cluster the events of all partitions together
            from .cluster_batch import cluster_batch_output

            summary.clusters = cluster_batch_output(output, client)
    summary.seconds = time.perf_counter() - started
    return summary


class _Run:
    """The state of one :func:`run_items` call: partitions planned, submitted and pending on the cluster, the
    output being written and the summary being counted."""

    def __init__(self, out: BatchOutput, summary: BatchSummary, bar, client, settings: BatchSettings,
                 factory: PipelineFactory):
        from distributed import as_completed

        self.out, self.summary, self.bar, self.client = out, summary, bar, client
        self.settings, self.factory = settings, factory
        self.planned: set[str] = set()
        self.finished_reading = False
        self.last_manifest = time.monotonic()
        self.pending = as_completed()
        self.by_future: dict[str, Partition] = {}
        self.futures: dict = {}
        self.run_token = uuid.uuid4().hex[:8]  # keys unique per run: a long-lived client forgets nothing
        self.limit = max(4, 2 * _cluster_threads(client))

    def plan(self, partition: Partition) -> None:
        """Count a partition already done by an earlier run, or submit it (after waiting for a free slot)."""
        self.planned.add(partition.id)
        self.summary.partitions += 1
        if partition.id in self.out.done:
            self.summary.partitions_resumed += 1
            _count(self.summary, self.out.done[partition.id])
            if self.bar.total is not None:
                self.bar.total = max(0, self.bar.total - len(partition.articles))
            return
        while self.pending.count() >= self.limit:
            self._take(next(self.pending))
        future = self.client.submit(code_partition, partition, self.settings, self.factory, pure=False,
                                    key=f"newsevents-partition-{partition.id}-{self.run_token}")
        self.by_future[future.key] = partition
        self.futures[future.key] = future
        self.pending.add(future)
        self._manifest_now_and_then()

    def drain(self) -> None:
        """Wait for every submitted partition and write its output."""
        for done in self.pending:
            self._take(done)
            self._manifest_now_and_then()

    def close(self) -> None:
        """Cancel what is still queued (stopped early), prune stale partitions and write the final manifest."""
        if self.futures:
            self.client.cancel(list(self.futures.values()))
        if self.finished_reading:
            self.out.prune(self.planned)
        self.out.write_manifest(complete=self.finished_reading and not self.summary.partitions_failed,
                                planned=len(self.planned) if self.finished_reading else None)

    def _manifest_now_and_then(self) -> None:
        if time.monotonic() - self.last_manifest > 10:
            self.out.write_manifest(complete=False)
            self.last_manifest = time.monotonic()

    def _take(self, future) -> None:
        self.futures.pop(future.key, None)
        self._handle(future, self.by_future.pop(future.key))

    def _handle(self, future, partition: Partition) -> None:
        summary, bar = self.summary, self.bar
        try:
            result: PartitionOutput = future.result()
        except Exception as exc:  # worker died, model missing...: record, go on, rerun retries
            log.error("partition %s failed: %s: %s", partition.id, type(exc).__name__, exc)
            self.out.record_failure(partition, f"{type(exc).__name__}: {exc}")
            summary.partitions_failed.append(partition.id)
            bar.update(len(partition.articles))
            if summary.coded == 0 and len(summary.partitions_failed) >= MAX_FAILURES_BEFORE_SUCCESS:
                raise BatchError(f"stopping: the first {len(summary.partitions_failed)} partitions all "
                                 f"failed; last error: {type(exc).__name__}: {exc}") from exc
            return
        finally:
            future.release()
        marker = self.out.write_partition(result)
        summary.coded += marker["documents"]
        worker = marker.get("worker") or "?"
        summary.peak_rss_bytes[worker] = max(summary.peak_rss_bytes.get(worker, 0),
                                             marker.get("peak_rss_bytes") or 0)
        _count(summary, marker)
        bar.update(marker["documents"])
        bar.set_postfix(events=summary.events, errors=summary.status["error"] + summary.input_errors,
                        refresh=False)


def _count(summary: BatchSummary, marker: dict[str, Any]) -> None:
    summary.documents += marker.get("documents") or 0
    summary.events += marker.get("events") or 0
    summary.input_errors += marker.get("input_errors") or 0
    summary.status.update(marker.get("status") or {})
    summary.skipped.update(marker.get("skipped") or {})


def _cluster_threads(client) -> int:
    try:
        return sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values())
    except Exception:  # an adaptive cluster with no worker yet
        return 0


@contextlib.contextmanager
def _progress_bar(total: int | None, progress: bool | None):
    from tqdm import tqdm

    with tqdm(total=total, unit="doc", file=sys.stderr, disable=None if progress is None else not progress,
              dynamic_ncols=True, smoothing=0.1) as bar:
        yield bar
