"""The output directory of a batch run: its Arrow schemas, the :class:`BatchOutput` writer and
:func:`load_batch_output`. Split out of :mod:`newsevents.batch` (layout in its docstring), which re-exports
every public name here."""
from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.parquet as pq

from . import __version__
from .records import Article, DocumentResult, Event

if TYPE_CHECKING:
    from .batch import BatchSettings, Partition, PartitionOutput

log = logging.getLogger(__name__)

FORMAT = "newsevents-batch/1"
"""Value of ``manifest.json``'s ``format`` key; bumped when the layout or a schema changes incompatibly."""

_SPAN = pa.list_(pa.int32())
_ENTITY = pa.struct([("code", pa.string()), ("sector", pa.string()), ("entity_text", pa.string()),
                     ("span", _SPAN), ("name", pa.string())])

_LOCATION = pa.struct([("text", pa.string()), ("span", _SPAN), ("name", pa.string()), ("country", pa.string()),
                       ("lat", pa.float64()), ("lon", pa.float64()), ("geonameid", pa.int64()),
                       ("feature", pa.string()), ("precision", pa.string())])

EVENT_SCHEMA = pa.schema([
    ("id", pa.string()), ("doc_id", pa.string()), ("event_type", pa.string()), ("mode", pa.string()),
    ("context", pa.string()), ("cameo_code", pa.string()), ("goldstein", pa.float64()),
    ("quad_class", pa.int8()), ("actor", pa.list_(_ENTITY)), ("recipient", pa.list_(_ENTITY)),
    ("modality", pa.string()),
    ("attribution", pa.struct([("text", pa.string()), ("span", _SPAN), ("code", pa.string()),
                               ("sector", pa.string())])),
    ("date", pa.struct([("value", pa.string()), ("text", pa.string()), ("span", _SPAN),
                        ("precision", pa.string())])),
    ("location", _LOCATION),
    ("locations", pa.list_(_LOCATION)),
    ("event_text", pa.string()), ("event_span", _SPAN), ("sentence", pa.string()),
    ("sentence_span", _SPAN), ("lang", pa.string()),
    ("coder", pa.struct([("version", pa.string()), ("model", pa.string()), ("model_version", pa.string()),
                         ("dictionary_checksum", pa.string())])),
])
"""Arrow schema of event shards: the fields of ``Event.to_dict()`` in the same order, nested as structs and
lists (``locations``, which ``to_dict`` writes only for an event in several places, is an empty list otherwise). ``tests/test_batch.py`` checks it against the record dataclasses so the two cannot drift apart."""

DOCUMENT_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("position", pa.int32()), ("published", pa.string()), ("lang", pa.string()),
    ("status", pa.string()), ("notes", pa.list_(pa.string())), ("error", pa.string()),
    ("n_events", pa.int32()), ("title", pa.string()), ("url", pa.string()), ("source", pa.string()),
    ("text", pa.string()),
])
"""Arrow schema of document shards: one row per input document. ``position`` is the document's 0-based
index in its partition (input order); ``status`` is ``ok``/``skipped``/``error`` as in
:class:`~newsevents.records.DocumentResult`; ``published`` is ISO 8601 ``YYYY-MM-DD`` or null; ``text`` is
the cleaned text that event offsets point into."""

_SHARD = re.compile(r"^part-(?P<pid>\d+-[0-9a-f]+)\.parquet$")


class BatchError(Exception):
    """The batch run cannot start or go on: the output directory belongs to a run with other settings, is
    locked by another run, or is not a batch output directory. The message says which and what to do."""


# -- the output directory ---------------------------------------------------------------------------------

def _atomic_write(path: Path, write: Callable[[Any], None], mode: str = "wb") -> None:
    """Write ``path`` through a temporary sibling, flushed and fsynced, then renamed over ``path``."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    with open(tmp, mode) as f:
        write(f)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


class BatchOutput:
    """The output directory of a batch run (layout in the module docstring). Opening it takes an exclusive
    lock (``DIR/.lock``, released by the kernel even after ``kill -9``), checks that an existing manifest has
    the same :class:`BatchSettings` (else :class:`BatchError`), and removes what a killed run left behind:
    temporary files, shards of partitions with no marker, and their error lines."""

    def __init__(self, path: str | os.PathLike, settings: BatchSettings, inputs: Sequence[str]):
        self.path = Path(path)
        self.settings = settings
        self.inputs = list(inputs)
        self.done: dict[str, dict[str, Any]] = {}
        self.failed: dict[str, str] = {}
        self.started = _now()
        self._lock_file = None

    # opening and cleaning up

    def open(self) -> "BatchOutput":
        if self.path.exists() and not self.path.is_dir():
            raise BatchError(f"{self.path} exists and is not a directory")
        self.path.mkdir(parents=True, exist_ok=True)
        self._lock()
        manifest = self.read_manifest()
        if manifest is not None:
            if manifest.get("format") != FORMAT:
                raise BatchError(f"{self.path}/manifest.json has format {manifest.get('format')!r}, expected "
                                 f"{FORMAT!r}; write to a new directory")
            old = manifest.get("settings") or {}
            new = asdict(self.settings)
            diff = {k: (old.get(k), v) for k, v in new.items() if old.get(k) != v}
            if diff:
                said = ", ".join(f"{k}: {a!r} then, {b!r} now" for k, (a, b) in sorted(diff.items()))
                raise BatchError(f"{self.path} holds a batch run with other settings ({said}); rerun with the "
                                 f"same settings to resume, or write to a new directory")
            self.started = manifest.get("started") or self.started
        elif any(p.name != ".lock" for p in self.path.iterdir()):
            raise BatchError(f"{self.path} is not empty and has no manifest.json: not a batch output directory")
        else:
            self.write_manifest(complete=False)  # from now on the directory is recognisably ours
        for tmp in self.path.glob(".*.tmp-*"):
            tmp.unlink()
        for sub in ("events", "documents", "_done"):
            (self.path / sub).mkdir(exist_ok=True)
        self.done = self._read_markers()
        self._clean()
        self.write_manifest(complete=False)
        return self

    def close(self) -> None:
        if self._lock_file is not None:
            self._lock_file.close()
            self._lock_file = None

    def __enter__(self) -> "BatchOutput":
        return self.open()

    def __exit__(self, *exc) -> None:
        self.close()

    def _lock(self) -> None:
        self._lock_file = open(self.path / ".lock", "a+")
        try:
            import fcntl
        except ImportError:  # Windows: no advisory lock
            return
        try:
            fcntl.flock(self._lock_file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self._lock_file.close()
            self._lock_file = None
            raise BatchError(f"another batch run is writing to {self.path}") from None

    def _read_markers(self) -> dict[str, dict[str, Any]]:
        done = {}
        for marker in (self.path / "_done").iterdir():
            if marker.name.startswith("."):
                marker.unlink()  # a temporary marker of a killed run
                continue
            try:
                done[marker.name] = json.loads(marker.read_text("utf-8"))
            except (OSError, ValueError):
                log.warning("unreadable marker %s: partition will be coded again", marker)
                marker.unlink()
        return done

    def shards(self) -> Iterator[tuple[str, Path]]:
        """Every (partition id, path) of an event or document shard in the directory, and temporary files
        as (``""``, path)."""
        for kind in ("events", "documents"):
            root = self.path / kind
            for month_dir in root.iterdir() if root.is_dir() else ():
                if not month_dir.is_dir():
                    continue
                for f in month_dir.iterdir():
                    m = _SHARD.match(f.name)
                    yield (m.group("pid") if m else ""), f

    def _clean(self) -> None:
        removed = 0
        for pid, f in self.shards():
            if pid not in self.done:
                f.unlink()
                removed += 1
        if removed:
            log.info("%s: removed %d shard(s) of unfinished partitions", self.path, removed)
        self._filter_errors(set(self.done))

    def _filter_errors(self, keep: set[str]) -> None:
        """Rewrite errors.jsonl keeping only lines of partitions in ``keep`` (drops torn lines too)."""
        path = self.path / "errors.jsonl"
        if not path.exists():
            path.touch()
            return
        kept = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                try:
                    record = json.loads(line)
                except ValueError:
                    continue
                if isinstance(record, dict) and record.get("partition") in keep:
                    kept.append(line if line.endswith("\n") else line + "\n")
        _atomic_write(path, lambda out: out.writelines(kept), mode="w")

    # writing

    def write_partition(self, output: PartitionOutput) -> dict[str, Any]:
        """Write one partition's shards, then append its error lines, then its marker (in that order, each
        durable before the next). Returns the marker record."""
        files = []
        for (kind, month), table in sorted(output.tables.items()):
            folder = self.path / kind / f"month={month}"
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"part-{output.partition_id}.parquet"
            _atomic_write(path, lambda f, t=table: pq.write_table(t, f, compression="zstd"))
            files.append(path.relative_to(self.path).as_posix())
        if output.errors:
            with open(self.path / "errors.jsonl", "a", encoding="utf-8") as f:
                for record in output.errors:
                    f.write(json.dumps(record, ensure_ascii=False) + "\n")
                f.flush()
                os.fsync(f.fileno())
        marker = {"partition": output.partition_id, "index": output.index, **output.stats, "files": files,
                  "finished": _now()}
        text = json.dumps(marker, ensure_ascii=False, indent=1)
        _atomic_write(self.path / "_done" / output.partition_id, lambda f: f.write(text), mode="w")
        self.done[output.partition_id] = marker
        self.failed.pop(output.partition_id, None)
        return marker

    def record_failure(self, partition: Partition, error: str) -> None:
        """Note a partition whose task failed (worker died, pipeline could not load): an error line with no
        marker, so the next run codes it again (and drops the line)."""
        self.failed[partition.id] = error
        with open(self.path / "errors.jsonl", "a", encoding="utf-8") as f:
            f.write(json.dumps({"partition": partition.id, "kind": "partition", "doc_id": None,
                                "error": error}, ensure_ascii=False) + "\n")

    def prune(self, planned: set[str]) -> int:
        """Remove markers, shards and error lines of partitions not in ``planned`` (an earlier run's inputs
        made partitions the current inputs no longer make). Returns the number of partitions removed."""
        stale = set(self.done) - planned
        for pid, f in list(self.shards()):
            if pid in stale:
                f.unlink()
        for pid in stale:
            (self.path / "_done" / pid).unlink(missing_ok=True)
            del self.done[pid]
        if stale:
            log.warning("%s: removed %d partition(s) of an earlier run that the inputs no longer produce",
                        self.path, len(stale))
            self._filter_errors(planned)
        return len(stale)

    # manifest

    def read_manifest(self) -> dict[str, Any] | None:
        path = self.path / "manifest.json"
        if not path.exists():
            return None
        try:
            return json.loads(path.read_text("utf-8"))
        except ValueError as exc:
            raise BatchError(f"{path} is not valid JSON: {exc}") from exc

    def write_manifest(self, *, complete: bool, planned: int | None = None) -> dict[str, Any]:
        """Write ``manifest.json`` (atomically) from the markers: settings, inputs, totals, coder provenance,
        per-worker peak memory, and the ids of the partitions done."""
        status: Counter = Counter()
        totals = Counter()
        coder = None
        workers: dict[str, dict[str, Any]] = {}
        for marker in self.done.values():
            status.update(marker.get("status") or {})
            totals.update({k: marker.get(k) or 0 for k in ("documents", "events", "input_errors")})
            coder = coder or marker.get("coder")
            w = workers.setdefault(marker.get("worker") or "?", {"partitions": 0, "peak_rss_bytes": 0})
            w["partitions"] += 1
            w["peak_rss_bytes"] = max(w["peak_rss_bytes"], marker.get("peak_rss_bytes") or 0)
        manifest = {
            "format": FORMAT, "version": __version__, "settings": asdict(self.settings), "inputs": self.inputs,
            "started": self.started, "updated": _now(), "complete": complete,
            "counts": {"documents": totals["documents"], "events": totals["events"], "status": dict(status),
                       "input_errors": totals["input_errors"], "partitions_done": len(self.done),
                       "partitions_failed": len(self.failed), "partitions_planned": planned},
            "coder": coder, "workers": workers, "partitions_done": sorted(self.done),
            "partitions_failed": sorted(self.failed),
        }
        text = json.dumps(manifest, ensure_ascii=False, indent=1)
        _atomic_write(self.path / "manifest.json", lambda f: f.write(text), mode="w")
        return manifest


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")




# -- reading an output directory back ---------------------------------------------------------------------

def is_batch_output(path: str | os.PathLike) -> bool:
    """True when ``path`` is a directory written by a batch run (it has a ``manifest.json``)."""
    return (Path(path) / "manifest.json").is_file()


def load_batch_output(path: str | os.PathLike) -> Iterator[DocumentResult]:
    """Read a batch output directory back: one :class:`~newsevents.records.DocumentResult` per document of
    every done partition (partitions in input order, documents in input order within each), with its events
    (``Event.from_dict``, ids kept). Input errors, which have no document, stay in ``errors.jsonl``.
    Partitions with no marker (an unfinished run) are left out. Raises :class:`BatchError` when ``path`` has
    no ``manifest.json``."""
    root = Path(path)
    if not is_batch_output(root):
        raise BatchError(f"{root} is not a batch output directory (no manifest.json)")
    markers = sorted((root / "_done").glob("[0-9]*"), key=lambda p: p.name)
    for marker_path in markers:
        marker = json.loads(marker_path.read_text("utf-8"))
        docs: list[dict[str, Any]] = []
        events: dict[str, list[Event]] = {}
        for rel in marker.get("files") or []:
            table = pq.read_table(root / rel)
            if rel.startswith("events/"):
                for record in table.to_pylist():
                    events.setdefault(record["doc_id"], []).append(Event.from_dict(record))
            else:
                docs.extend(table.to_pylist())
        docs.sort(key=lambda d: d["position"])
        for d in docs:
            article = Article(id=d["doc_id"], text=d["text"] or "", published=d["published"], lang=d["lang"],
                              title=d["title"], url=d["url"], source=d["source"])
            yield DocumentResult(article, events=tuple(events.pop(d["doc_id"], ())), status=d["status"],
                                 notes=tuple(d["notes"] or ()), error=d["error"])
