"""Command line: a thin layer over the Python API (one function per command).

    newsevents extract INPUT... [--lang fr] [--published DATE] [--format jsonl|csv|table] [--output FILE]
    newsevents ingest INPUT... [--db PATH]
    newsevents events [--actor PRK] [--recipient RUS] [--type CONSULT] [--cameo 04] [--modality alleged] ...
    newsevents export --format jsonl|csv|parquet|gdelt --output PATH
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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import click

from .codes import PLOVER_TYPES
from .records import MODALITIES, Article, DocumentResult, InputError

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


@click.group(cls=QuietPipeGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(package_name="newsevents")
@click.option("-v", "--verbose", count=True, help="More logging on stderr (-v info, -vv debug).")
def main(verbose: int) -> None:
    """newsevents: political event data (PLOVER, CAMEO) from news text, French first."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


# -- shared option bundles --------------------------------------------------------------------------------

def input_options(f):
    f = click.option("--lang", default=None, metavar="LANG",
                     help="Code every document as this language (ISO 639-1), skipping language identification.")(f)
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

    def add(self, result: DocumentResult) -> None:
        """Count one document result; print its error or notes on stderr."""
        self.documents += 1
        self.events += len(result.events)
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
                 summary: RunSummary) -> Iterator[DocumentResult]:
    """Read inputs and code them; input errors are counted in ``summary`` and the run goes on."""
    from .pipeline import Pipeline
    from .readers import read_inputs

    try:
        items = read_inputs(list(inputs), published=published, lang=lang)  # checks the options at once
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    try:
        pipeline = Pipeline(lang or "fr", force_lang=lang is not None)
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

    yield from _progress(pipeline.process(articles()), summary)


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
def extract(inputs, lang, published, fmt, output):
    """Code INPUT files (.txt, .html, .jsonl, or - for stdin) and write one event per record.

    Text files take the file stem as document id; JSONL lines are {"id", "text", "date", "lang"?, ...}.
    Inputs without a date (.txt, .html, stdin) need --published for relative dates ("mardi") to be resolved.
    jsonl records are Event.to_dict(); csv and table also show each document's publication date.
    """
    from .export import write_events

    summary = RunSummary()
    events = event_records(run_pipeline(inputs, lang, published, summary), with_published=fmt != "jsonl")
    write_events(events, fmt, output)
    summary.report_notes()
    click.echo(summary.coded_line(), err=True)
    _report_errors(summary.error_parts())
    if summary.failed:
        sys.exit(1)


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
def serve(db, host, port, write_token):
    """Browse, filter and chart the stored events in a web browser (see docs/web.md)."""
    from .web import serve as run_server

    try:
        run_server(db, host=host, port=port, write_token=write_token)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc


# -- store commands: ingest, events, export, evaluate, demo ------------------------------------------------

def db_option(f):
    return click.option("--db", "db", type=click.Path(dir_okay=False), default=None, metavar="PATH",
                        help="Event database (default: $NEWSEVENTS_DB, else events.duckdb in the user data "
                             "directory).")(f)


def filter_options(f):
    """The event filters shared by `events` and `export` (fields of store.EventFilter)."""
    options = [
        click.option("--actor", default=None, metavar="CODE", callback=_actor_code,
                     help="Actor country (RUS), country+sector (RUSGOV), any country with a sector (*MIL), or "
                          "a country name (France, Russie, 'Russie MIL')."),
        click.option("--recipient", default=None, metavar="CODE", callback=_actor_code,
                     help="Recipient, same forms as --actor."),
        click.option("--type", "event_type", default=None, metavar="TYPE", callback=_plover_type,
                     help=f"PLOVER event type, any case: {', '.join(PLOVER_TYPES)}."),
        click.option("--cameo", default=None, metavar="PREFIX", help="CAMEO code prefix (04 matches 040, 042)."),
        click.option("--quad-class", type=click.IntRange(1, 4), default=None, help="QuadClass 1-4."),
        click.option("--modality", type=click.Choice(MODALITIES), default=None),
        click.option("--since", default=None, metavar="DATE", help="Events on or after DATE (YYYY-MM-DD)."),
        click.option("--until", default=None, metavar="DATE", help="Events on or before DATE (YYYY-MM-DD)."),
        click.option("--doc", "doc_id", default=None, metavar="ID", help="Events of one document."),
        click.option("--source", default=None, metavar="TEXT",
                     help="Substring of the attribution (selon ...) or of the document source."),
        click.option("--text", default=None, metavar="TEXT", help="Substring of the sentence or event text."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _plover_type(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Click callback: ``value`` upper-cased when it is one of the 16 PLOVER event types (codes.PLOVER_TYPES),
    else a usage error listing them."""
    if value is None:
        return None
    upper = value.strip().upper()
    if upper not in PLOVER_TYPES:
        raise click.BadParameter(f"{value!r} is not a PLOVER event type; expected one of "
                                 f"{', '.join(PLOVER_TYPES)} (any case)")
    return upper


def _actor_code(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Click callback: an actor code or country name as the store's shorthand (newsevents.names:
    "France" -> FRA); a usage error saying what is expected otherwise. A resolved name is echoed on stderr."""
    if value is None:
        return None
    from .names import ActorNameError, resolve_actor

    try:
        code = resolve_actor(value)
    except ActorNameError as exc:
        raise click.BadParameter(str(exc)) from None
    if code != value.strip().upper():
        click.echo(f"note: --{param.name} {value!r} read as {code}", err=True)
    return code


def _event_filter(kwargs: dict):
    from .store import EventFilter

    keys = ("actor", "recipient", "event_type", "cameo", "quad_class", "modality", "since", "until", "doc_id",
            "source", "text")
    return EventFilter(**{k: kwargs.pop(k) for k in keys})


def _open_store(db: str | None, read_only: bool = False):
    from .store import Store

    try:
        return Store(db, read_only=read_only)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    except Exception as exc:  # duckdb.IOException (file locked by another process), permissions
        raise click.ClickException(f"cannot open the event database: {exc}") from exc


def _ingest_results(inputs, lang, published, summary: RunSummary) -> Iterator[DocumentResult]:
    """Batch output directories read back as coded (newsevents.batch.load_batch_output), then the other
    inputs coded like extract."""
    from .batch import is_batch_output, load_batch_output

    batch_dirs = [i for i in inputs if is_batch_output(i)]
    for directory in batch_dirs:
        for result in load_batch_output(directory):
            summary.add(result)
            yield result
    others = [i for i in inputs if i not in batch_dirs]
    if others:
        yield from run_pipeline(others, lang, published, summary)


@main.command(context_settings=CONTEXT_SETTINGS, short_help="Code news files and store their events in the database.")
@input_options
@db_option
@click.option("--batch-size", type=click.IntRange(min=1), default=500, show_default=True,
              help="Documents per database transaction.")
def ingest(inputs, lang, published, db, batch_size):
    """Code INPUT files like extract and store documents and events in the event database.

    A batch output directory (newsevents batch --output DIR) is stored as it is, without coding again.
    Re-ingesting a document id replaces it and its events. Each error is printed once, when it happens; the
    last lines count the documents stored (by status) and the errors: inputs that could not be read,
    documents that failed to code (stored with status error), documents the store rejected. Exit status 1
    when there was any error.
    """
    import itertools
    import time

    summary = RunSummary()
    t0 = time.perf_counter()
    results = iter(_ingest_results(inputs, lang, published, summary))
    first = next(results, None)  # reads the inputs (and loads the model) before the database is opened
    if first is None:
        summary.report_notes()
        click.echo("nothing to store: no input could be read; the event database was not opened", err=True)
        _report_errors(summary.error_parts())
        sys.exit(1)
    with _open_store(db) as store:
        report = store.ingest(itertools.chain([first], results), batch_size=batch_size)
        path = store.path
    seconds = time.perf_counter() - (summary.coding_started or t0)
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


@main.command(context_settings=CONTEXT_SETTINGS, short_help="List stored events that match filters (actor, type...).")
@db_option
@filter_options
@click.option("--limit", "-n", type=click.IntRange(min=0), default=50, show_default=True,
              help="At most N events (0: all).")
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip the first N matching events.")
@click.option("--order", type=click.Choice(["date", "-date", "published", "-published", "goldstein",
                                            "-goldstein"]), default="-date", show_default=True,
              help="Sort key; '-' = descending (the default, newest first, is the web explorer's order).")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
def events(db, limit, offset, order, fmt, **filters):
    """List stored events matching the filters (e.g. --actor PRK --recipient RUS --type CONSULT)."""
    from .export import write_events

    f = _event_filter(filters)
    with _open_store(db, read_only=True) as store:
        try:
            total = store.count_events(f)
            rows = store.query_events(f, limit=limit or None, offset=offset, order=order)
        except ValueError as exc:
            raise click.ClickException(str(exc)) from exc
        write_events(rows, fmt, "-")
    if fmt == "table":
        click.echo(f"{len(rows)} of {total} matching events", err=True)


@main.command(context_settings=CONTEXT_SETTINGS, short_help="Write stored events to jsonl, csv, parquet or GDELT.")
@db_option
@filter_options
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "gdelt"]), default="jsonl",
              show_default=True, help="gdelt: tab-separated GDELT 2.0 event columns, one row per dyad.")
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False), metavar="PATH",
              help="Output file; - for standard output (not for parquet).")
def export(db, fmt, output, **filters):
    """Write the stored events matching the filters to a file (streamed: any size)."""
    from .export import write_events

    f = _event_filter(filters)
    with _open_store(db, read_only=True) as store:
        try:
            n = write_events(store.iter_events(f, documents=True), fmt, output)
        except BrokenPipeError:
            raise  # the reader of standard output stopped early: QuietPipeGroup ends quietly
        except (ValueError, OSError) as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(f"{n} events written to {'standard output' if output == '-' else output}", err=True)


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

    Same definitions as eval/score.py (see docs and the newsevents.evaluate module).
    """
    import json

    from .evaluate import format_report, read_jsonl, run_system, score, summary

    try:
        gold_records = read_jsonl(gold)
        if system:
            system_events = read_jsonl(system)
        else:
            system_events = run_system(gold_records)
    except (InputError, OSError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    if save_system:
        from .export import write_events

        write_events(system_events, "jsonl", save_system)
    result = score(gold_records, system_events)
    click.echo(json.dumps(summary(result), sort_keys=True) if as_json else format_report(result, detail))


DEMO_SAMPLE = "examples/demo_fr.jsonl"
"""The bundled sample story (package data): one invented French wire story, see examples/README.md."""


@main.command(context_settings=CONTEXT_SETTINGS, short_help="Code the bundled sample story, store it, show its events.")
@click.option("--db", "db", type=click.Path(dir_okay=False), default=None, metavar="PATH",
              help="Database to store the demo in (default: demo.duckdb in the user data directory).")
def demo(db):
    """Code the bundled sample story, store it and print its events."""
    import json
    from importlib import resources
    from pathlib import Path

    from platformdirs import user_data_dir

    from .export import write_table
    from .pipeline import Pipeline

    record = json.loads(resources.files("newsevents").joinpath(DEMO_SAMPLE).read_text(encoding="utf-8"))
    article = Article(id=record["id"], text=record["text"], published=record.get("date"), lang=record.get("lang"),
                      title=record.get("title"), source=record.get("source"))
    click.echo(f"sample: {record['title']} ({article.published}, {len(article.text)} characters)", err=True)
    click.echo("loading the French pipeline...", err=True)
    try:
        pipeline = Pipeline(article.lang or "fr", force_lang=True)
    except (ValueError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    result = next(iter(pipeline.process([article])))
    if result.status == "error":
        raise click.ClickException(f"the sample failed: {result.error}")
    path = db or str(Path(user_data_dir("newsevents")) / "demo.duckdb")
    with _open_store(path) as store:
        report = store.ingest([result])
        stored = store.get_document(article.id)
        rows = stored["events"] if stored else []
        stats = store.stats()
    click.echo()
    write_table(rows, sys.stdout)
    click.echo()
    click.echo("evidence (event words in [brackets]):")
    for e in rows:
        att = (e.get("attribution") or {}).get("text")
        mode = f" mode {e['mode']}" if e.get("mode") else ""
        click.echo(f"- {e['event_type']}{mode} ({e['cameo_code']} {_cameo_label(e['cameo_code'])}, {e['modality']}"
                   f"{', ' + att if att else ''}): {_evidence(stored['text'], e)}")
    by_type = ", ".join(f"{n} {t}" for t, n in Counter(e["event_type"] for e in rows).most_common())
    by_modality = ", ".join(f"{n} {m}" for m, n in Counter(e["modality"] for e in rows).most_common())
    click.echo(f"\n{report.events} events ({by_type or 'none'}); modality: {by_modality or '-'}")
    click.echo(f"stored in {path} ({stats['documents']} document(s), {stats['events']} events in total)")
    click.echo(f"next: newsevents events --db {path}")
    click.echo(f"      newsevents serve --db {path}")


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


if __name__ == "__main__":  # pragma: no cover
    main()
