"""Command line: a thin layer over the Python API (one function per command).

    newsevents extract INPUT... [--lang fr] [--published DATE] [--format jsonl|csv|table] [--output FILE]
    newsevents ingest INPUT... [--db PATH]
    newsevents events [--actor PRK] [--recipient RUS] [--type CONSULT] [--cameo 04] [--modality alleged] ...
    newsevents export --format jsonl|csv|parquet|gdelt --output PATH
    newsevents evaluate GOLD.jsonl [--system EVENTS.jsonl]
    newsevents demo
"""
from __future__ import annotations

import logging
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import click

from .records import Article, DocumentResult, InputError

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}


@click.group(context_settings=CONTEXT_SETTINGS)
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
                     help="Publication date (YYYY-MM-DD) for inputs that carry none.")(f)
    f = click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")(f)
    return f


@dataclass
class RunSummary:
    """Counts of one run, printed on stderr at the end."""

    documents: int = 0
    events: int = 0
    status: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)

    def add(self, result: DocumentResult) -> None:
        self.documents += 1
        self.events += len(result.events)
        self.status[result.status] += 1
        if result.status == "error":
            self.failures.append(f"{result.article.id}: {result.error}")
        for note in result.notes:
            click.echo(f"note: {result.article.id}: {note}", err=True)

    def add_input_error(self, error: InputError) -> None:
        self.documents += 1
        self.status["error"] += 1
        self.failures.append(str(error))

    def report(self) -> None:
        parts = ", ".join(f"{n} {s}" for s, n in sorted(self.status.items()))
        click.echo(f"{self.documents} documents ({parts or 'none'}), {self.events} events", err=True)
        for failure in self.failures:
            click.echo(f"error: {failure}", err=True)

    @property
    def failed(self) -> bool:
        return bool(self.status["error"])


def run_pipeline(inputs: Iterable[str], lang: str | None, published: str | None,
                 summary: RunSummary) -> Iterator[DocumentResult]:
    """Read inputs and code them; input errors are counted in ``summary`` and the run goes on."""
    from .pipeline import Pipeline
    from .readers import read_inputs

    try:
        pipeline = Pipeline(lang or "fr", force_lang=lang is not None)
    except (ValueError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc

    def articles() -> Iterator[Article]:
        for item in read_inputs(list(inputs), published=published, lang=lang):
            if isinstance(item, InputError):
                summary.add_input_error(item)
                click.echo(f"error: {item}", err=True)
            else:
                yield item

    yield from _progress(pipeline.process(articles()), summary)


def _progress(results: Iterator[DocumentResult], summary: RunSummary) -> Iterator[DocumentResult]:
    from tqdm import tqdm

    with tqdm(unit="doc", file=sys.stderr, disable=None, leave=False) as bar:
        for result in results:
            summary.add(result)
            bar.update(1)
            bar.set_postfix(events=summary.events, errors=summary.status["error"], refresh=False)
            yield result


# -- commands ---------------------------------------------------------------------------------------------

@main.command(context_settings=CONTEXT_SETTINGS)
@input_options
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "table"]), default="jsonl", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default="-",
              help="Output file (default: standard output).")
def extract(inputs, lang, published, fmt, output):
    """Code INPUT files (.txt, .html, .jsonl, or - for stdin) and write one event per record.

    Text files take the file stem as document id; JSONL lines are {"id", "text", "date", "lang"?, ...}.
    """
    from .export import write_events

    summary = RunSummary()
    events = (e.to_dict() for r in run_pipeline(inputs, lang, published, summary) for e in r.events)
    write_events(events, fmt, output)
    summary.report()
    if summary.failed:
        sys.exit(1)


@main.command(context_settings=CONTEXT_SETTINGS)
@input_options
@click.option("--output", "-o", required=True, type=click.Path(file_okay=False, writable=True),
              help="Output directory (Parquet shards, errors.jsonl, manifest.json); rerun into it to resume.")
@click.option("--workers", "-w", type=click.IntRange(min=1), default=None,
              help="Local worker processes (default: the CPUs available). Ignored with --scheduler.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Use a running Dask scheduler (e.g. tcp://10.0.0.5:8786) instead of a local cluster.")
@click.option("--partition-size", type=click.IntRange(min=1), default=100, show_default=True,
              help="Documents per partition (one task; the unit of resumption).")
def batch(inputs, lang, published, output, workers, scheduler, partition_size):
    """Code a corpus on Dask into a resumable directory of Parquet shards.

    Same INPUTs as extract. Rerunning the same command into the same --output skips finished partitions.
    Per-document errors go to OUTPUT/errors.jsonl; the exit status is 1 only when partitions failed.
    """
    from .batch import BatchError, run_batch

    try:
        summary = run_batch(inputs, output, workers=workers, scheduler=scheduler, partition_size=partition_size,
                            lang=lang, published=published)
    except (BatchError, ValueError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(summary.describe(), err=True)
    if not summary.complete:
        sys.exit(1)


@main.command(context_settings=CONTEXT_SETTINGS)
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


if __name__ == "__main__":  # pragma: no cover
    main()
