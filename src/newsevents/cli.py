"""Command line: a thin layer over the Python API (one function per command).

    newsevents extract INPUT... [--lang auto|fr|en|es] [--published DATE] [--format jsonl|csv|table] [--output FILE]
    newsevents ingest INPUT... [--db PATH]
    newsevents events [--actor PRK] [--recipient RUS] [--type CONSULT] [--cameo 04] [--modality alleged] ...
    newsevents events --clusters [--min-sources 2] ...
    newsevents export --format jsonl|csv|parquet|gdelt|gdelt-mentions --output PATH
    newsevents evaluate GOLD.jsonl [--system EVENTS.jsonl]
    newsevents demo

Errors and notes go to stderr, each printed once when it happens, then a short count; extract and ingest exit
with status 1 when an input could not be read or a document failed. A reader of standard output that stops
early (``| head``) ends the command quietly with status 0.
"""
from __future__ import annotations

import logging
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import click

from .bounds import MAX_ROWS
from .cli_filters import filter_options
from .records import Article, DocumentResult, InputError

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}


def _silence_stdout() -> None:
    """Point standard output at the null device, so that the interpreter's last flush of what is still
    buffered cannot fail again (the recipe of the Python documentation, "Note on SIGPIPE")."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):  # not a file descriptor (e.g. click's test runner): no
        pass                                       # interpreter flush will reach a pipe then
    finally:
        os.close(devnull)


class QuietPipeGroup(click.Group):
    """The command group: a reader that stops early (``newsevents export -o - | head``) ends the command
    quietly with exit status 0, instead of a ``Broken pipe`` error."""

    def invoke(self, ctx: click.Context):
        try:
            rv = super().invoke(ctx)
            sys.stdout.flush()  # inside the try: what is still buffered can meet the closed pipe too
            return rv
        except BrokenPipeError:
            _silence_stdout()
            ctx.exit(0)
        except Exception as exc:
            from .locking import StoreBusy  # a shared store can find its file locked at any query

            if isinstance(exc, StoreBusy):
                raise click.ClickException(str(exc)) from exc
            raise


@click.group(cls=QuietPipeGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(package_name="newsevents")
@click.option("-v", "--verbose", count=True, help="More logging on stderr (-v info, -vv debug).")
@click.option("--no-model", is_flag=True,
              help="Code with the rules alone, without the learned trigger model (sets NEWSEVENTS_NO_MODEL=1).")
def main(verbose: int, no_model: bool) -> None:
    """newsevents: political event data (PLOVER, CAMEO) from news text, French first."""
    if no_model:
        os.environ["NEWSEVENTS_NO_MODEL"] = "1"  # read by every Pipeline, Dask workers included
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


# -- shared option bundles --------------------------------------------------------------------------------

def lang_option(ctx, param, value):
    """``--lang``: None for ``auto``, else the code (:func:`newsevents.routing.lang_value`)."""
    from .routing import lang_value

    return lang_value(value)


def input_options(f):
    f = click.option("--lang", default="auto", show_default=True, metavar="LANG", callback=lang_option,
                     help="Language of the documents (ISO 639-1: fr, en, es), skipping language identification; "
                          "'auto' identifies each document's language and codes it with that language's pack "
                          "(a language with no pack is skipped with a note).")(f)
    f = click.option("--published", default=None, metavar="DATE",
                     help="Publication date (YYYY-MM-DD) for inputs that carry none (.txt, .html, stdin, JSONL "
                          "lines without a date); relative dates ('mardi', 'hier') are resolved against it.")(f)
    f = click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")(f)
    return f


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


@dataclass
class RunSummary:
    """Counts of one run of extract or ingest, printed on stderr at the end.

    ``unreadable``: inputs (a file, a JSONL line) that could not be read, so were never coded or stored;
    ``documents``: documents coded (or read back from a batch directory), by ``status`` (ok, skipped, error);
    ``events``: events of those documents; ``undated``: documents coded here (status ok) that had no
    publication date, so relative dates stayed unresolved. Every error is printed once, when it happens.
    """

    documents: int = 0
    events: int = 0
    unreadable: int = 0
    undated: int = 0
    status: Counter = field(default_factory=Counter)
    coding_started: float | None = None
    """``time.perf_counter()`` when the pipeline was ready (model loaded), so rates leave loading out."""
    pipeline: object = None
    """The pipeline coding the run; a language router's ``loading_seconds`` (models loaded on first use) are
    left out of rates too."""
    segment_events: int = 0
    """Events of the document being coded written already, segment by segment (extract): counted if it is ok."""

    def add(self, result: DocumentResult) -> None:
        """Count one document result; print its error or notes on stderr."""
        self.documents += 1
        self.events += len(result.events) + (self.segment_events if result.status == "ok" else 0)
        self.segment_events = 0
        self.status[result.status] += 1
        if result.status == "error":
            click.echo(f"error: {result.article.id}: {result.error}", err=True)
        for note in result.notes:
            click.echo(f"note: {result.article.id}: {note}", err=True)

    def add_input_error(self, error: InputError) -> None:
        """Count one input that could not be read and print it on stderr."""
        self.unreadable += 1
        click.echo(f"error: {error}", err=True)

    def coded_line(self) -> str:
        """``4 documents coded (2 ok, 2 skipped, 0 error), 3 events``."""
        status = ", ".join(f"{self.status[s]} {s}" for s in ("ok", "skipped", "error"))
        return f"{_plural(self.documents, 'document')} coded ({status}), {_plural(self.events, 'event')}"

    def error_parts(self) -> list[tuple[int, str]]:
        """What went wrong: (count, phrase) per kind of error, only the kinds that happened."""
        parts = []
        if self.unreadable:
            parts.append((self.unreadable, f"{_plural(self.unreadable, 'input')} could not be read"))
        if self.status["error"]:
            parts.append((self.status["error"], f"{_plural(self.status['error'], 'document')} failed to code"))
        return parts

    def report_notes(self) -> None:
        """The once-per-run note about documents without a publication date."""
        if self.undated:
            have = "document has" if self.undated == 1 else "documents have"
            click.echo(f"note: {self.undated} {have} no publication date: relative dates left unresolved; "
                       f"pass --published YYYY-MM-DD", err=True)

    @property
    def failed(self) -> bool:
        return bool(self.unreadable or self.status["error"])


def _report_errors(parts: list[tuple[int, str]]) -> None:
    """The short final count of errors (each one was printed once, when it happened)."""
    if parts:
        n = sum(count for count, _ in parts)
        click.echo(f"{_plural(n, 'error')}: {'; '.join(text for _, text in parts)} (see the error lines above)",
                   err=True)


def run_pipeline(inputs: Iterable[str], lang: str | None, published: str | None,
                 summary: RunSummary, *, time_budget: float | None = None,
                 skip_for=None, **options) -> Iterator[DocumentResult]:
    """Read inputs and code them; input errors are counted in ``summary`` and the run goes on.
    ``time_budget``: seconds per document (None: the default, 0: no limit); ``skip_for``: called with the
    pipeline, returns the ``skip`` predicate of :meth:`Pipeline.process <newsevents.pipeline.Pipeline.process>`;
    ``options``: more options of the pipeline (``on_segment``)."""
    from .bounds import TIME_BUDGET
    from .readers import read_inputs
    from .routing import make_pipeline

    try:
        items = read_inputs(list(inputs), published=published, lang=lang)  # checks the options at once
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    try:
        pipeline = make_pipeline(lang, time_budget=TIME_BUDGET if time_budget is None else time_budget, **options)
    except (ValueError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    if summary.coding_started is None:
        import time

        summary.coding_started = time.perf_counter()

    def articles() -> Iterator[Article]:
        for item in items:
            if isinstance(item, InputError):
                summary.add_input_error(item)
            else:
                yield item

    summary.pipeline = pipeline
    skip = skip_for(pipeline) if skip_for is not None else None
    results = pipeline.process(articles(), skip=skip) if skip is not None else pipeline.process(articles())
    yield from _progress(results, summary)


def time_budget_option(f):
    """``--time-budget SECONDS``: the per-document time budget of extract and ingest."""
    return click.option("--time-budget", type=click.FloatRange(min=0), default=None, metavar="SECONDS",
                        help="Stop coding a document after this many seconds (per 250,000 characters for a "
                             "longer one) and report it as an error (default 120; 0: no limit).")(f)


def _progress(results: Iterator[DocumentResult], summary: RunSummary) -> Iterator[DocumentResult]:
    from tqdm import tqdm

    with tqdm(unit="doc", file=sys.stderr, disable=None, leave=False) as bar:
        for result in results:
            summary.add(result)
            if result.status == "ok" and not result.article.published:
                summary.undated += 1
            bar.update(1)
            bar.set_postfix(events=summary.events, errors=summary.status["error"] + summary.unreadable,
                            refresh=False)
            yield result


# -- commands ---------------------------------------------------------------------------------------------

def event_records(results: Iterable[DocumentResult], with_published: bool = False) -> Iterator[dict]:
    """The events of ``results`` as ``Event.to_dict()`` records, in order; with ``with_published``, each
    record also gets ``"published"``, the publication date (ISO 8601) of its document's article, or None."""
    for result in results:
        for event in result.events:
            record = event.to_dict()
            if with_published:
                record["published"] = result.article.published
            yield record


@main.command(context_settings=CONTEXT_SETTINGS, short_help="Code news files and write their events (no store).")
@input_options
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "table"]), default="jsonl", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default="-",
              help="Output file (default: standard output).")
@click.option("--resume", is_flag=True,
              help="Continue an interrupted --output FILE (jsonl, csv): documents already in it are skipped.")
@time_budget_option
def extract(inputs, lang, published, fmt, output, resume, time_budget):
    """Code INPUT files (.txt, .html, .jsonl, or - for stdin) and write one event per record.

    Text files take the file stem as document id; JSONL lines are {"id", "text", "date", "lang"?, ...}.
    Inputs without a date (.txt, .html, stdin) need --published for relative dates ("mardi") to be resolved.
    jsonl records are Event.to_dict(); csv and table also show each document's publication date. jsonl and
    csv are written document by document; with -o FILE a killed run can be continued with --resume.
    """
    summary = RunSummary()
    if fmt == "table" and resume:
        raise click.UsageError("--resume works with --format jsonl or csv")
    _some_input_exists(inputs, output)
    if fmt == "table":
        from .export import write_events

        events = event_records(run_pipeline(inputs, lang, published, summary, time_budget=time_budget),
                               with_published=True)
        write_events(events, fmt, output)
    else:
        _extract_stream(inputs, lang, published, fmt, output, resume, time_budget, summary)
    summary.report_notes()
    click.echo(summary.coded_line(), err=True)
    _report_errors(summary.error_parts())
    if summary.failed:
        sys.exit(1)


def _some_input_exists(inputs, output: str) -> None:
    """A ClickException (status 1) naming the inputs when none of them exists (a misspelt file name), raised
    before ``output`` is opened: writing would have emptied an earlier results file of that name."""
    from .readers import missing_inputs

    missing = missing_inputs(inputs)
    if inputs and len(missing) == len(inputs):
        kept = "" if output == "-" else f"; {output} was not written"
        raise click.ClickException(f"nothing to code: {'; '.join(missing)}{kept}")


def _extract_stream(inputs, lang, published, fmt, output, resume, time_budget, summary: RunSummary) -> None:
    """extract in jsonl or csv: each document's events written as soon as it is coded (newsevents.streaming)."""
    from .streaming import ResumeError, StreamWriter

    try:
        writer = StreamWriter(output, fmt, resume=resume, with_published=fmt != "jsonl")
    except (ResumeError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    if writer.resumed:
        click.echo(f"note: resuming {output}: {writer.resumed} documents already written", err=True)

    def segment(article, events) -> None:  # a long document's events, written as each segment is coded
        writer.write_segment(article, events)
        summary.segment_events += len(events)

    results = run_pipeline(inputs, lang, published, summary, time_budget=time_budget,
                           skip_for=lambda pipeline: (lambda a: writer.done(a.id)) if writer.resumed else None,
                           on_segment=segment)
    try:
        writer.write_all(results)
    except BaseException:
        writer.close()  # keeps the progress file: the run can be resumed
        raise
    writer.finish()


@main.command(context_settings=CONTEXT_SETTINGS, short_help="Code a large corpus on Dask into resumable Parquet shards.")
@input_options
@click.option("--output", "-o", required=True, type=click.Path(file_okay=False, writable=True),
              help="Output directory (Parquet shards, errors.jsonl, manifest.json); rerun into it to resume.")
@click.option("--workers", "-w", type=click.IntRange(min=1), default=None,
              help="Local worker processes (default: the CPUs available). Ignored with --scheduler.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Use a running Dask scheduler (e.g. tcp://10.0.0.5:8786) instead of a local cluster.")
@click.option("--partition-size", type=click.IntRange(min=1), default=100, show_default=True,
              help="Documents per partition at most (one task; the unit of resumption).")
@click.option("--partition-chars", type=click.IntRange(min=1), default=250_000, show_default=True,
              help="Text characters per partition at most, so long articles make smaller partitions.")
def batch(inputs, lang, published, output, workers, scheduler, partition_size, partition_chars):
    """Code a corpus on Dask into a resumable directory of Parquet shards.

    Same INPUTs as extract. Rerunning the same command into the same --output skips finished partitions.
    Per-document errors go to OUTPUT/errors.jsonl; the exit status is 1 only when partitions failed.
    """
    from .batch import BatchError, run_batch

    try:
        summary = run_batch(inputs, output, workers=workers, scheduler=scheduler, partition_size=partition_size,
                            partition_chars=partition_chars, lang=lang, published=published)
    except (BatchError, ValueError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(summary.describe(), err=True)
    if not summary.complete:
        sys.exit(1)


@main.command(context_settings=CONTEXT_SETTINGS, short_help="Browse, filter and chart stored events in a web browser.")
@click.option("--db", "db", type=click.Path(dir_okay=False), default=None,
              help="Event database (default: $NEWSEVENTS_DB, else the user data directory).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (loopback by default).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--write-token", default=None, envvar="NEWSEVENTS_WRITE_TOKEN", metavar="TOKEN",
              help="Secret that lets the extract form and POST /api/extract store documents "
                   "(env NEWSEVENTS_WRITE_TOKEN). Without it the database is opened read-only.")
@click.option("--lang", default="auto", show_default=True, metavar="LANG", callback=lang_option,
              help="Language of the texts sent to extract (ISO 639-1: fr, en, es); 'auto' identifies each one's.")
def serve(db, host, port, write_token, lang):
    """Browse, filter and chart the stored events in a web browser (see docs/web.md)."""
    from .web import serve as run_server

    try:
        run_server(db, host=host, port=port, write_token=write_token, lang=lang)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc


# -- store commands: ingest, events, export, evaluate, demo ------------------------------------------------

def db_option(f):
    return click.option("--db", "db", type=click.Path(dir_okay=False), default=None, metavar="PATH",
                        help="Event database (default: $NEWSEVENTS_DB, else events.duckdb in the user data "
                             "directory).")(f)


def _event_filter(kwargs: dict):
    from .store import EventFilter

    keys = ("actor", "recipient", "event_type", "cameo", "quad_class", "modality", "since", "until", "doc_id",
            "source", "text", "min_sources")
    return EventFilter(**{k: kwargs.pop(k) for k in keys})


def _open_store(db: str | None, read_only: bool = False):
    from .store import Store

    try:
        return Store(db, read_only=read_only, shared=True)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    except Exception as exc:  # duckdb.IOException (file locked by another process), permissions
        raise click.ClickException(f"cannot open the event database: {exc}") from exc


def _ingest_results(inputs, lang, published, summary: RunSummary, **options) -> Iterator[DocumentResult]:
    """Batch output directories read back as coded (newsevents.batch.load_batch_output), then the other
    inputs coded like extract (``options``: those of :func:`run_pipeline`)."""
    from .batch import is_batch_output, load_batch_output

    batch_dirs = [i for i in inputs if is_batch_output(i)]
    for directory in batch_dirs:
        for result in load_batch_output(directory):
            summary.add(result)
            yield result
    others = [i for i in inputs if i not in batch_dirs]
    if others:
        yield from run_pipeline(others, lang, published, summary, **options)
        from .pipeline import release_memory  # every document coded: free the models before clustering

        summary.pipeline = SimpleNamespace(loading_seconds=getattr(summary.pipeline, "loading_seconds", 0.0))
        release_memory()


class _Unchanged:
    """``skip_for`` of :func:`run_pipeline` for ingest: skips a document already stored (status ok) with the
    same cleaned text and, when it has events, coded by the same newsevents version and language data
    (``Pipeline.coder_info``). ``skipped`` counts the documents skipped."""

    def __init__(self, store):
        self.store = store
        self.skipped = 0

    def __call__(self, pipeline) -> Callable[[Article], bool] | None:
        from .routing import coder_key
        from .streaming import stored_versions

        key = coder_key(pipeline)  # None: a stand-in pipeline with no coder provenance, nothing is unchanged
        return None if key is None else _unchanged(self, stored_versions(self.store), key)


def _unchanged(counter: _Unchanged, stored: dict, coder_of: Callable[[Article], str | None]
               ) -> Callable[[Article], bool]:
    import hashlib

    def skip(article: Article) -> bool:
        known = stored.get(article.id)
        if known is None or known[0] != hashlib.md5(article.text.encode("utf-8")).hexdigest():
            return False
        coder = coder_of(article)
        if coder is None or known[1] not in (None, coder) or known[2] not in (None, coder):
            return False
        counter.skipped += 1
        return True

    return skip


@main.command(context_settings=CONTEXT_SETTINGS, short_help="Code news files and store their events in the database.")
@input_options
@db_option
@click.option("--batch-size", type=click.IntRange(min=1), default=500, show_default=True,
              help="Documents per database transaction.")
@click.option("--force", is_flag=True, help="Code and store again documents already stored unchanged.")
@time_budget_option
def ingest(inputs, lang, published, db, batch_size, force, time_budget):
    """Code INPUT files like extract and store documents and events in the event database.

    A batch output directory (newsevents batch --output DIR) is stored as it is, without coding again.
    Re-ingesting a document id replaces it and its events; a document already stored with the same text by
    the same coder version is skipped (--force codes it again), so a rerun after a kill only codes what is
    missing. The database is locked only while a batch is written, so `serve` and `events` can read it
    meanwhile. Each error is printed once, when it happens; the
    last lines count the documents stored (by status) and the errors: inputs that could not be read,
    documents that failed to code (stored with status error), documents the store rejected. Exit status 1
    when there was any error.
    """
    import time

    summary = RunSummary()
    t0 = time.perf_counter()
    report, path, skip = _ingest_into(db, inputs, lang, published, summary, batch_size, force, time_budget)
    if skip is not None and skip.skipped:
        click.echo(f"note: {_plural(skip.skipped, 'document')} already stored with the same text and coder: not "
                   f"coded again (--force codes them)", err=True)
    loading = getattr(summary.pipeline, "loading_seconds", 0.0)  # models a language router loaded on first use
    seconds = time.perf_counter() - (summary.coding_started or t0) - loading
    for doc_id, message in report.errors:
        click.echo(f"error: {doc_id}: not stored: {message}", err=True)
    summary.report_notes()
    status = ", ".join(f"{report.status[s]} {s}" for s in ("ok", "skipped", "error"))
    rate = summary.documents / seconds if seconds > 0 else 0.0
    click.echo(f"stored {report.documents} documents ({status}; {len(report.errors)} rejected), "
               f"{report.events} events in {path} ({rate:.1f} documents/s, model loading excluded)", err=True)
    errors = summary.error_parts()
    if report.errors:
        errors.append((len(report.errors), f"{_plural(len(report.errors), 'document')} rejected by the store"))
    _report_errors(errors)
    if errors:
        sys.exit(1)


def _ingest_into(db, inputs, lang, published, summary, batch_size, force, time_budget):
    """Code and store for ``ingest``: (store report, database path, the skip counter or None). A database file
    that does not exist yet is created only once a first document is coded, so a run whose inputs cannot be
    read creates none (and exits 1); in an existing one, documents stored unchanged are skipped."""
    import itertools

    from .store import default_path

    path = Path(db) if db else default_path()
    if path.exists() or str(db) == ":memory:":
        with _open_store(db) as store:
            skip = None if force else _Unchanged(store)
            report = store.ingest(_ingest_results(inputs, lang, published, summary, skip_for=skip,
                                                  time_budget=time_budget), batch_size=batch_size)
            return report, store.path, skip
    results = iter(_ingest_results(inputs, lang, published, summary, time_budget=time_budget))
    first = next(results, None)  # reads the inputs (and loads the model) before the database is created
    if first is None:
        summary.report_notes()
        click.echo("nothing to store: no input could be read; the event database was not opened", err=True)
        _report_errors(summary.error_parts())
        sys.exit(1)
    with _open_store(db) as store:
        report = store.ingest(itertools.chain([first], results), batch_size=batch_size)
        return report, store.path, None


@main.command(context_settings=CONTEXT_SETTINGS, short_help="List stored events that match filters (actor, type...).")
@db_option
@filter_options
@click.option("--limit", "-n", type=click.IntRange(0, MAX_ROWS), default=50, show_default=True,
              help="At most N events (0: all).")
@click.option("--offset", type=click.IntRange(0, MAX_ROWS), default=0,
              help="Skip the first N matching events (at most 2^62).")
@click.option("--order", type=click.Choice(["date", "-date", "published", "-published", "goldstein",
                                            "-goldstein"]), default="-date", show_default=True,
              help="Sort key; '-' = descending (the default, newest first, is the web explorer's order).")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
@click.option("--clusters", "as_clusters", is_flag=True,
              help="List event clusters (one per real-world event, with mention, article and source counts) "
                   "instead of mentions; a cluster matches when one of its mentions does.")
def events(db, limit, offset, order, fmt, as_clusters, **filters):
    """List stored events matching the filters (e.g. --actor PRK --recipient RUS --type CONSULT)."""
    from .export import write_events

    f = _event_filter(filters)
    if as_clusters:
        return _list_clusters(db, f, limit, offset, order, fmt)
    with _open_store(db, read_only=True) as store:
        try:
            total = store.count_events(f)
            rows = store.query_events(f, limit=limit or None, offset=offset, order=order)
        except ValueError as exc:
            raise click.ClickException(str(exc)) from exc
        if not total:
            _note_unknown_document(store, f)
        write_events(rows, fmt, "-")
    if fmt == "table":
        click.echo(f"{len(rows)} of {total} matching events", err=True)


def _note_unknown_document(store, f) -> None:
    """When nothing matched a filter with ``--doc ID`` and no document ``ID`` is stored, say so on stderr (a
    misspelt id otherwise reads as "this document has no events")."""
    if f.doc_id and store.get_document(f.doc_id) is None:
        click.echo(f"note: no document {f.doc_id!r} in the event database {store.path}", err=True)


def _list_clusters(db, f, limit: int, offset: int, order: str, fmt: str) -> None:
    """`events --clusters`: the clusters with a member matching ``f`` (newsevents.cluster_store)."""
    from .cluster_store import count_clusters, query_clusters, unclustered_events
    from .export import write_clusters

    with _open_store(db, read_only=True) as store:
        if missing := unclustered_events(store):
            click.echo(f"note: {missing} events are not clustered yet (run `newsevents ingest` on this database "
                       "to update its clusters)", err=True)
        try:
            total = count_clusters(store, f)
            rows = query_clusters(store, f, limit=limit or None, offset=offset, order=order if order in (
                "date", "-date") else "date")
        except ValueError as exc:
            raise click.ClickException(str(exc)) from exc
        if not total:
            _note_unknown_document(store, f)
    write_clusters(rows, fmt, sys.stdout)
    if fmt == "table":
        click.echo(f"{len(rows)} of {total} matching clusters", err=True)


@main.command(context_settings=CONTEXT_SETTINGS, short_help="Write stored events to jsonl, csv, parquet or GDELT.")
@db_option
@filter_options
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "gdelt", "gdelt-mentions"]),
              default="jsonl", show_default=True,
              help="gdelt: tab-separated GDELT 2.0 event columns, one row per event cluster and dyad, with its "
                   "NumMentions/NumSources/NumArticles; gdelt-mentions: GDELT 2.0 eventMentions, one row per mention.")
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False), metavar="PATH",
              help="Output file; - for standard output (not for parquet).")
def export(db, fmt, output, **filters):
    """Write the stored events matching the filters to a file (streamed: any size)."""
    from .export import write_events

    f = _event_filter(filters)
    with _open_store(db, read_only=True) as store:
        try:
            n = write_events(_export_records(store, f, fmt), fmt, output)
        except BrokenPipeError:
            raise  # the reader of standard output stopped early: QuietPipeGroup ends quietly
        except (ValueError, OSError) as exc:
            raise click.ClickException(str(exc)) from exc
        if not n:
            _note_unknown_document(store, f)
    what = {"gdelt": "event clusters", "gdelt-mentions": "clustered mentions"}.get(fmt, "events")
    click.echo(f"{n} {what} written to {'standard output' if output == '-' else output}", err=True)


@main.command(context_settings=CONTEXT_SETTINGS, short_help="Score events against a gold set (precision, recall, F1).")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--system", type=click.Path(exists=True, dir_okay=False), default=None, metavar="EVENTS.jsonl",
              help="System events (one event record per line); default: run the pipeline on the gold texts.")
@click.option("--json", "as_json", is_flag=True, help="Print only the JSON summary.")
@click.option("--detail", is_flag=True, help="Add one row per PLOVER event type.")
@click.option("--save-system", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="Also write the pipeline's events (JSONL) to FILE.")
def evaluate(gold, system, as_json, detail, save_system):
    """Score events against GOLD.jsonl: P/R/F1 at type, dyad and full levels, modality and date accuracy.

    GOLD has one document per line: {"id", "text", "date", "lang"? (else identified from the text), "events":
    [{"plover" or "cameo", "source", "target", "modality"?, "date"?}, ...]}, sources and targets as CAMEO actor
    codes ("RUSGOV").
    The definitions are those of the project's scorer (the newsevents.evaluate module gives them).
    """
    import json

    from .evaluate import check_gold, check_system, format_report, read_jsonl, run_system, score, summary

    try:
        gold_records = read_jsonl(gold)
        check_gold(gold_records, gold)
        if system:
            system_events = read_jsonl(system)
            check_system(system_events, system)
        else:
            system_events = run_system(gold_records)
    except (InputError, OSError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    if save_system:
        from .export import write_events

        write_events(system_events, "jsonl", save_system)
    result = score(gold_records, system_events)
    click.echo(json.dumps(summary(result), sort_keys=True) if as_json else format_report(result, detail))


def _export_records(store, f, fmt: str):
    """The records `export` writes: for gdelt, each cluster's root mention with its counts; for gdelt-mentions,
    every clustered mention; else the events. Events not clustered yet (a store from an older version, opened
    read-only) are exported as gdelt rows with counts of 1, with a note."""
    if fmt not in ("gdelt", "gdelt-mentions"):
        return store.iter_events(f, documents=True)
    from .cluster_store import iter_cluster_mentions, unclustered_events

    missing = unclustered_events(store)
    if missing:
        click.echo(f"note: {missing} events are not clustered yet (run `newsevents ingest` on this database to "
                   "update its clusters)" + ("; exported one row each" if fmt == "gdelt" else "; left out"), err=True)
        if fmt == "gdelt":
            return store.iter_events(f, documents=True)
    return iter_cluster_mentions(store, f, roots_only=fmt == "gdelt")


DEMO_SAMPLES = ("examples/demo_fr.jsonl", "examples/demo_en.jsonl", "examples/demo_es.jsonl")
"""The bundled sample stories (package data): invented wire stories, one per language, see examples/README.md.
A sample whose language has no pack or model installed is skipped with a note."""
LANGUAGE_NAMES = {"fr": "French", "en": "English", "es": "Spanish"}


@main.command(context_settings=CONTEXT_SETTINGS, short_help="Code the bundled sample stories, store them, show events.")
@click.option("--db", "db", type=click.Path(dir_okay=False), default=None, metavar="PATH",
              help="Database to store the demo in (default: demo.duckdb in the user data directory).")
def demo(db):
    """Code the bundled sample stories (French, English, Spanish), store them and print their events."""
    from pathlib import Path

    from platformdirs import user_data_dir

    from .demo import code_sample

    path = db or str(Path(user_data_dir("newsevents")) / "demo.duckdb")
    coded = [code_sample(sample, path) for sample in DEMO_SAMPLES]
    if not any(coded):
        raise click.ClickException("no sample story could be coded (see the notes above)")
    with _open_store(path, read_only=True) as store:
        stats = store.stats()
    click.echo(f"stored in {path} ({stats['documents']} document(s), {stats['events']} events in total)")
    click.echo(f"next: newsevents events --db {path}")
    click.echo(f"      newsevents serve --db {path}")


EXPLAIN_STYLES = {"heading": {"bold": True}, "dropped": {"fg": "red"}, "fired": {"fg": "cyan"},
                  "event": {"fg": "green", "bold": True}, "candidate": {"fg": "yellow"}, "token": {"dim": True}}


@main.command(context_settings=CONTEXT_SETTINGS, short_help="Show why the coder coded a text the way it did.")
@click.argument("text", required=False)
@click.option("--id", "doc_id", default=None, metavar="DOC", help="Explain a stored document (see --db) instead of TEXT.")
@db_option
@click.option("--published", default=None, metavar="DATE",
              help="Publication date of TEXT (YYYY-MM-DD), for relative dates (\"mardi\").")
@click.option("--lang", default="auto", show_default=True, metavar="LANG", callback=lang_option,
              help="Language of the text (ISO 639-1: fr, en, es); 'auto' identifies it.")
@click.option("--parse/--no-parse", "show_parse", default=True, help="Show each sentence's parse (default: yes).")
def explain(text, doc_id, db, published, lang, show_parse):
    """Code TEXT (or the stored document --id DOC) and show the parse, every trigger candidate, each named rule
    that fired on it or dropped it, and the final events with their evidence.

    A stored document is coded again with the current coder, so its events may differ from the stored ones.
    """
    from .explain import explanation_lines
    from .routing import make_pipeline

    article = _explain_article(text, doc_id, db, published, lang)
    try:
        pipeline = make_pipeline(article.lang)
        result, trace = pipeline.trace(article)
    except (ValueError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    coded_in = result.article.lang or getattr(pipeline, "lang", None)
    if coded_in:  # a skipped document's note says why; a coded one says in which language
        how = "given" if article.lang and article.lang != "auto" else "identified from the text; --lang sets it"
        click.echo(f"language: {coded_in} ({how})")
    for line, role in explanation_lines(result, trace, parse=show_parse):
        click.echo(click.style(line, **EXPLAIN_STYLES.get(role, {})))


def _explain_article(text, doc_id, db, published, lang) -> Article:
    """The article to explain: TEXT with --published, or the stored document --id."""
    if (text is None) == (doc_id is None):
        raise click.UsageError("give either TEXT or --id DOC")
    if text is not None:
        if published is not None:
            try:
                date.fromisoformat(published)
            except ValueError:
                raise click.BadParameter(f"{published!r} is not a date (YYYY-MM-DD)", param_hint="--published")
        return Article("text", text, published, lang)
    with _open_store(db, read_only=True) as store:
        stored = store.get_document(doc_id)
    if stored is None:
        raise click.ClickException(f"no document {doc_id!r} in the event database")
    if not (stored.get("text") or "").strip():
        raise click.ClickException(f"document {doc_id!r} has no stored text to code")
    return Article(doc_id, stored["text"], stored.get("published") or published, stored.get("lang") or lang)


def _cameo_label(code: str | None) -> str:
    """The CAMEO description of ``code`` in lower case ("investigate"), or "" when unknown."""
    from .codes import load_cameo

    cameo = load_cameo()
    return cameo[code].description.lower() if code and code in cameo else ""


def _evidence(text: str, event: dict, context: int = 70) -> str:
    """One line of the event's sentence around its words, the words in [brackets] (whitespace collapsed)."""
    (s0, s1), (e0, e1) = event["sentence_span"], event["event_span"]
    if e1 <= e0:  # no evidence words of its own (e.g. an inferred recipient): the sentence start
        e0 = e1 = max(s0, min(e0, s1))
    a, b = max(s0, e0 - context), min(s1, e1 + context)
    snippet = f"{text[a:e0]}[{text[e0:e1]}]{text[e1:b]}" if e1 > e0 else text[a:b]
    snippet = " ".join(snippet.split())
    return ("…" if a > s0 else "") + snippet + ("…" if b < s1 else "")


from .cli_dictionaries import dictionaries  # noqa: E402 (its commands live in their own module)

main.add_command(dictionaries)

if __name__ == "__main__":  # pragma: no cover
    main()
