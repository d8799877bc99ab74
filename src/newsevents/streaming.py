"""Streamed, resumable output of ``extract``: each document's events are written as soon as it is coded.

:class:`StreamWriter` writes the events of one :class:`~newsevents.records.DocumentResult` at a time (jsonl
or csv) and flushes them. When the output is a file it also keeps a progress file next to it,
``FILE.progress``: one JSON line per document written, ``{"doc": id, "offset": n}``, where ``n`` is the size
in bytes of the output once that document's events are in it. A line is appended only after the events are
flushed, so whatever moment a run is killed (even ``kill -9``), the progress file names documents whose events
are all in the file, and the last offset is where the clean part of the file ends.

``resume=True`` continues such a file: it cuts the output back to the last recorded offset (dropping the
events of a document cut in the middle), and :meth:`StreamWriter.done` tells which documents to skip; the
caller codes the others. Documents with no event are recorded too, so they are not coded again. The final
file is byte for byte the file an uninterrupted run writes, provided the inputs and options are the same. The
progress file is removed when the run finishes (:meth:`StreamWriter.finish`); resuming a file without one is
an error, since it was finished already or was not written by ``extract``.
"""
from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from .records import DocumentResult

STREAM_FORMATS = ("jsonl", "csv")
"""Formats written document by document (``table`` needs every row first to size its columns)."""

WRITE_CHUNK = 1000
"""Events encoded and written at a time: a document with 100,000 events is never held as one list of records,
one string and one byte string (about 2 KB each per event) on top of its events."""


class ResumeError(ValueError):
    """The output cannot be resumed (no progress file, another format, standard output); the message says
    which file and what to do."""


def progress_path(output: str | os.PathLike) -> Path:
    """The progress file of an output file: ``FILE.progress`` next to it."""
    return Path(f"{output}.progress")


class StreamWriter:
    """Write event records document by document, flushed after each; resumable when writing to a file.

    Parameters:
        output: a file path, or ``"-"`` for standard output (no progress file, no resume).
        fmt: ``"jsonl"`` (``Event.to_dict()`` per line) or ``"csv"`` (``export.FLAT_COLUMNS`` with a header).
        resume: continue the interrupted file ``output`` (see the module docstring).
        with_published: add each document's publication date as ``published`` (csv).

    Raises :class:`ResumeError` when ``resume`` is asked for standard output, for a file with no progress
    file, or for a file written in another format; ``OSError`` when a file cannot be opened.
    """

    def __init__(self, output: str, fmt: str, *, resume: bool = False, with_published: bool = False):
        if fmt not in STREAM_FORMATS:
            raise ValueError(f"format {fmt!r} is not written as a stream; expected one of {STREAM_FORMATS}")
        self.output, self.fmt, self.with_published = output, fmt, with_published
        self.events = 0
        self._done: set[str] = set()
        self._pending: tuple[str, int, int] | None = None  # document, offset at its start, events (segments)
        self._spool: BinaryIO | None = None  # the segments of the document being coded (standard output)
        self._progress: BinaryIO | None = None
        if output == "-":
            if resume:
                raise ResumeError("--resume needs an output file (--output FILE), not standard output")
            self._out: BinaryIO = _TextSink()
            self._offset = 0
            self._write(self._header())
            return
        if resume and (Path(output).exists() or progress_path(output).exists()):
            self._open_resumed()
        else:
            self._open_new()

    # -- opening ------------------------------------------------------------------------------------------

    def _open_new(self) -> None:
        self._out = open(self.output, "wb")
        self._offset = 0
        self._progress = open(progress_path(self.output), "wb")
        self._record({"format": self.fmt})
        self._write(self._header())
        self._out.flush()
        self._record({"doc": None, "offset": self._offset})

    def _open_resumed(self) -> None:
        path = progress_path(self.output)
        if not path.exists():
            raise ResumeError(f"{self.output}: nothing to resume: it has no progress file {path.name} (the run "
                              f"that wrote it finished, or it was not written by `newsevents extract -o`); "
                              f"run without --resume to write it again")
        fmt, offset = None, None
        with open(path, "rb") as f:
            for line in f:
                try:
                    record = json.loads(line)
                except ValueError:  # the last line, cut by a kill
                    break
                fmt = record.get("format", fmt)
                if "offset" in record:
                    offset = record["offset"]
                    if record.get("doc") is not None:
                        self._done.add(record["doc"])
        if fmt != self.fmt:
            raise ResumeError(f"{self.output}: was written as {fmt}, not {self.fmt}; use --format {fmt}")
        if not Path(self.output).exists() and offset:
            raise ResumeError(f"{self.output}: the output file is missing but {path.name} lists "
                              f"{len(self._done)} documents; remove {path.name} to start again")
        size = Path(self.output).stat().st_size if Path(self.output).exists() else 0
        if offset and size < offset:
            raise ResumeError(f"{self.output}: is shorter ({size} bytes) than {path.name} says ({offset}); it "
                              f"was changed since: run without --resume to write it again")
        self._out = open(self.output, "ab" if Path(self.output).exists() else "wb")
        self._out.truncate(offset or 0)
        self._out.seek(offset or 0)
        self._offset = offset or 0
        self._progress = open(path, "ab")
        self._progress.write(b"\n")  # ends a line cut by a kill; blank lines are skipped when reading
        if offset is None:  # killed before the header was recorded
            self._write(self._header())
            self._out.flush()
            self._record({"doc": None, "offset": self._offset})

    # -- writing ------------------------------------------------------------------------------------------

    @property
    def resumed(self) -> int:
        """How many documents the resumed file already holds."""
        return len(self._done)

    def done(self, doc_id: str) -> bool:
        """Whether the document's events are already in the resumed file."""
        return doc_id in self._done

    def write_segment(self, article, events) -> None:
        """Write the events of one segment of a document still being coded (``Pipeline(on_segment=...)``),
        so that a long document's events are not held until it ends. They count as the document's once
        :meth:`write` gets its result: the document is recorded as done only then, and when that result is an
        error they are dropped (the file is cut back to where the document started), so the output is the one
        an unsegmented run writes. Standard output cannot be cut back: there they wait in a temporary file.
        Raises ``ValueError`` when a segment of another document comes before the result of this one."""
        if self._pending is None:
            self._pending = (article.id, self._offset, 0)
            if self.output == "-":
                import tempfile

                self._spool = tempfile.TemporaryFile()
        doc, start, count = self._pending
        if doc != article.id:
            raise ValueError(f"a segment of document {article.id} came before the result of document {doc}")
        self._pending = (doc, start, count + len(events))
        for data in self._chunks(article, events):
            if self._spool is not None:
                self._spool.write(data)
            else:
                self._write(data)

    def _end_segments(self, result: DocumentResult) -> int:
        """Settle the segments written for ``result``'s document: kept (their events counted, and, on standard
        output, copied from the spool) when it is ok, dropped otherwise. Returns how many events were kept."""
        if self._pending is None:
            return 0
        doc, start, count = self._pending
        self._pending = None
        spool, self._spool = self._spool, None
        if doc != result.article.id:
            raise ValueError(f"the result of document {result.article.id} came before that of document {doc}")
        keep = result.status == "ok"
        if spool is not None:
            if keep:
                spool.seek(0)
                while data := spool.read(1 << 20):
                    self._write(data)
            spool.close()
        elif not keep:
            self._out.flush()
            self._out.truncate(start)
            self._out.seek(start)
            self._offset = start
        return count if keep else 0

    def write(self, result: DocumentResult) -> None:
        """Write the events of one document, flush them, then record the document as done (with the events of
        its segments written before: :meth:`write_segment`)."""
        self.events += self._end_segments(result)
        for data in self._chunks(result.article, result.events):
            self._write(data)
        self.events += len(result.events)
        self._out.flush()
        if self._progress is not None:
            self._record({"doc": result.article.id, "offset": self._offset})

    def _chunks(self, article, events) -> Iterator[bytes]:
        """The encoded records of ``events`` (of ``article``), :data:`WRITE_CHUNK` events at a time."""
        for start in range(0, len(events), WRITE_CHUNK):  # bounded buffers whatever the number of events
            records = []
            for event in events[start:start + WRITE_CHUNK]:
                record = event.to_dict()
                if self.with_published:
                    record["published"] = article.published
                records.append(record)
            yield self._encode(records)

    def write_all(self, results: Iterable[DocumentResult]) -> None:
        """:meth:`write` each result."""
        for result in results:
            self.write(result)

    def finish(self) -> None:
        """Close the output; the run is complete, so the progress file is removed."""
        self.close()
        if self.output != "-":
            progress_path(self.output).unlink(missing_ok=True)

    def close(self) -> None:
        """Close the files, keeping the progress file (an interrupted run can be resumed)."""
        if self._progress is not None:
            self._progress.close()
            self._progress = None
        if not self._out.closed:
            self._out.close()

    # -- encoding -----------------------------------------------------------------------------------------

    def _write(self, data: bytes) -> None:
        if data:
            self._out.write(data)
            self._offset += len(data)

    def _record(self, record: dict[str, Any]) -> None:
        assert self._progress is not None
        self._progress.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
        self._progress.flush()

    def _header(self) -> bytes:
        if self.fmt != "csv":
            return b""
        from .export import FLAT_COLUMNS

        return (",".join(FLAT_COLUMNS) + "\n").encode("utf-8")

    def _encode(self, records: list[dict[str, Any]]) -> bytes:
        if not records:
            return b""
        if self.fmt == "jsonl":
            return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
        from .export import FLAT_COLUMNS, flatten

        buf = io.StringIO()
        writer = csv.DictWriter(buf, FLAT_COLUMNS, extrasaction="ignore", lineterminator="\n")
        for r in records:
            writer.writerow(flatten(r))
        return buf.getvalue().encode("utf-8")


def stored_versions(store) -> dict[str, tuple[str, str | None, str | None]]:
    """What a :class:`~newsevents.store.Store` holds, for ``ingest`` to skip unchanged documents on a rerun:
    for every stored document with status ok, ``doc_id -> (MD5 hex digest of its UTF-8 text, lowest and
    highest "version/dictionary_checksum" of the coder of its events)``, the two coder values None when it
    has no event. One query; about 100 bytes of memory per stored document."""
    coder = ("json_extract_string(e.coder, '$.version') || '/' || "
             "json_extract_string(e.coder, '$.dictionary_checksum')")
    sql = (f"SELECT d.doc_id, md5(d.text), min({coder}), max({coder}) FROM documents d "
           "LEFT JOIN events e ON e.doc_id = d.doc_id WHERE d.status = 'ok' GROUP BY d.doc_id, d.text")
    with store._cursor() as cur:  # the store's own connection (a short one of its own when shared)
        return {row[0]: tuple(row[1:]) for row in cur.execute(sql).fetchall()}


class _TextSink:
    """Standard output as a byte sink (whatever ``sys.stdout`` is at the time, e.g. click's test runner)."""

    closed = False

    def write(self, data: bytes) -> None:
        sys.stdout.write(data.decode("utf-8"))

    def flush(self) -> None:
        sys.stdout.flush()

    def close(self) -> None:
        self.flush()
