"""The embedded event store: one DuckDB file, no server, no setup.

    store = Store()                                   # $NEWSEVENTS_DB, else <user data dir>/events.duckdb
    report = store.ingest(pipeline.process(articles)) # re-ingesting a document replaces it
    store.query_events(EventFilter(actor="RUSGOV", cameo="04"), limit=20)

Tables: ``documents`` (one row per input document, whatever its status), ``events`` (one row per
:class:`~newsevents.records.Event`, nested parts as JSON, the fields that queries filter on flattened into
columns) and the event-cluster tables of :mod:`newsevents.cluster_schema`. Query methods return plain dicts in the :meth:`Event.to_dict` shape plus
``"published"`` (the document's publication date, ISO 8601), so the CLI, the exporters and the web explorer all
see the same records.

The schema is versioned: ``schema_version`` holds one row per applied migration and :data:`MIGRATIONS` lists
them in order; opening an older database read-write applies the missing ones.

Concurrency: DuckDB lets one process hold a file read-write, or several read-only, never both. A shared
store (``shared=True``: the CLI, the web explorer) holds no connection between calls and waits for a locked
file (:mod:`newsevents.locking`), so ``serve``, ``events`` and ``ingest`` can share one file. Every method
uses its own cursor, so one :class:`Store` may be shared between threads.
"""
from __future__ import annotations

import calendar
import json
import logging
import os
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from .cluster_schema import CLUSTER_TABLES
from .collector import collector_relaxed
from .records import DocumentResult, Event
from .store_summaries import INTERVALS, TIMELINE_KEYS, StoreSummaries  # noqa: F401 (re-exported)

log = logging.getLogger(__name__)

ENV_VAR = "NEWSEVENTS_DB"
"""Environment variable naming the database file used when no path is given."""

SCHEMA_VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    description VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL
)"""

MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (1, "documents and events tables", [
        """
        CREATE TABLE documents (
            doc_id VARCHAR PRIMARY KEY,
            text VARCHAR,
            published DATE,
            lang VARCHAR,
            title VARCHAR,
            url VARCHAR,
            source VARCHAR,
            status VARCHAR NOT NULL,
            notes VARCHAR[],
            error VARCHAR,
            n_events INTEGER NOT NULL,
            ingested_at TIMESTAMP NOT NULL
        )""",
        """
        CREATE TABLE events (
            id VARCHAR PRIMARY KEY,
            doc_id VARCHAR NOT NULL,
            published DATE,
            event_type VARCHAR NOT NULL,
            mode VARCHAR,
            context VARCHAR,
            cameo_code VARCHAR,
            cameo_root VARCHAR,
            goldstein DOUBLE,
            quad_class INTEGER,
            actor JSON,
            recipient JSON,
            actor_codes VARCHAR[],
            actor_sectors VARCHAR[],
            actor_keys VARCHAR[],
            recipient_codes VARCHAR[],
            recipient_sectors VARCHAR[],
            recipient_keys VARCHAR[],
            modality VARCHAR NOT NULL,
            attribution JSON,
            attribution_text VARCHAR,
            date_value VARCHAR,
            date_start DATE,
            date_end DATE,
            date_precision VARCHAR,
            date JSON,
            location JSON,
            location_name VARCHAR,
            location_country VARCHAR,
            location_lat DOUBLE,
            location_lon DOUBLE,
            event_text VARCHAR,
            event_start INTEGER,
            event_end INTEGER,
            sentence VARCHAR,
            sentence_start INTEGER,
            sentence_end INTEGER,
            lang VARCHAR,
            coder JSON
        )""",
        # DuckDB's ART indexes serve point lookups and deletes (get_document, re-ingest); range filters use
        # the column zone maps, which need no index.
        "CREATE INDEX events_doc_id ON events (doc_id)",
    ]),
    (2, "event clusters, their members and document MinHash signatures (newsevents.clusters)",
     CLUSTER_TABLES),
    (3, "every place of an event that happened in several (Event.locations)",
     ["ALTER TABLE events ADD COLUMN locations JSON"]),
]
"""Schema migrations in order: (version, description, SQL statements). Append, never edit an applied one."""

SCHEMA_VERSION = MIGRATIONS[-1][0]
"""The schema version this code writes."""

EVENT_COLUMNS = [
    "id", "doc_id", "published", "event_type", "mode", "context", "cameo_code", "cameo_root", "goldstein",
    "quad_class", "actor", "recipient", "actor_codes", "actor_sectors", "actor_keys", "recipient_codes",
    "recipient_sectors", "recipient_keys", "modality", "attribution", "attribution_text", "date_value",
    "date_start", "date_end", "date_precision", "date", "location", "location_name", "location_country",
    "location_lat", "location_lon", "event_text", "event_start", "event_end", "sentence", "sentence_start",
    "sentence_end", "lang", "coder", "locations",
]
DOCUMENT_COLUMNS = ["doc_id", "text", "published", "lang", "title", "url", "source", "status", "notes", "error",
                    "n_events", "ingested_at"]
_JSON_COLUMNS = ("actor", "recipient", "attribution", "date", "location", "coder", "locations")
_RECORD_COLUMNS = ["id", "doc_id", "published", "event_type", "mode", "context", "cameo_code", "goldstein",
                   "quad_class", "actor", "recipient", "modality", "attribution", "date", "location", "event_text",
                   "event_start", "event_end", "sentence", "sentence_start", "sentence_end", "lang", "coder",
                   "locations"]
_SELECT_RECORD = ", ".join(f"e.{c}" for c in _RECORD_COLUMNS)

ORDERS = {
    "date": "coalesce(e.date_start, e.published) ASC NULLS LAST",
    "-date": "coalesce(e.date_start, e.published) DESC NULLS LAST",
    "published": "e.published ASC NULLS LAST",
    "-published": "e.published DESC NULLS LAST",
    "goldstein": "e.goldstein ASC NULLS LAST",
    "-goldstein": "e.goldstein DESC NULLS LAST",
}
"""Accepted ``order`` values of :meth:`Store.query_events` ("-" = descending). Ties are broken by document id
and position in the text, so paging is stable."""
_TIEBREAK = "e.doc_id, e.sentence_start, e.event_start, e.id"



def default_path() -> Path:
    """``$NEWSEVENTS_DB`` when set, else ``platformdirs.user_data_dir("newsevents")/events.duckdb``."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("newsevents")) / "events.duckdb"


# -- filters ----------------------------------------------------------------------------------------------

def parse_actor(value: str) -> tuple[str | None, str | None]:
    """Split an actor filter into (country, sector).

    ``"RUS"`` -> ("RUS", None); ``"RUSGOV"`` -> ("RUS", "GOV"); ``"*MIL"`` -> (None, "MIL") (any country);
    ``"---MIL"`` -> ("---", "MIL") (unknown country). Case-insensitive. Raises ``ValueError`` when the value
    is shorter than 3 characters.
    """
    value = value.strip().upper()
    if value.startswith("*"):
        sector = value[1:]
        if not sector:
            raise ValueError("actor filter '*' needs a sector after it, e.g. '*MIL'")
        return None, sector
    if len(value) < 3:
        raise ValueError(f"actor filter {value!r}: expected a country code (RUS), code+sector (RUSGOV) or *SECTOR")
    return value[:3], (value[3:] or None)



@contextmanager
def transaction(cur, commit: bool = True, **tables):
    """One write transaction on the DuckDB cursor ``cur``, with the Arrow ``tables`` registered under their
    keyword names for its statements: committed when the block ends (rolled back instead when ``commit`` is
    False, a dry run), rolled back when it raises (the error goes on); the tables are unregistered either way."""
    for name, table in tables.items():
        cur.register(name, table)
    try:
        cur.execute("BEGIN TRANSACTION")
        yield cur
        cur.execute("COMMIT" if commit else "ROLLBACK")
    except Exception:
        cur.execute("ROLLBACK")
        raise
    finally:
        for name in tables:
            cur.unregister(name)

@dataclass
class EventFilter:
    """What to select. Every field is optional; the conditions given are combined with AND.

    - ``actor`` / ``recipient``: shorthand parsed by :func:`parse_actor` ("RUS", "RUSGOV", "*MIL"); it fills
      ``actor_country``/``actor_sector`` (resp. recipient) when those are not set. A country and a sector must
      belong to the same entity of a compound actor.
    - ``event_type``: PLOVER type (``"CONSULT"``); ``cameo``: prefix of the CAMEO code (``"04"`` matches 040,
      042...); ``quad_class``: 1-4; ``modality``: one of ``records.MODALITIES``.
    - ``since`` / ``until``: ISO dates (``YYYY-MM-DD``); an event is kept when its date interval
      [date_start, date_end] (the publication date when the event has no date) overlaps [since, until].
    - ``doc_id``: exact document id; ``source``: case-insensitive substring of the attribution text or of the
      document's source; ``text``: case-insensitive substring of the sentence or the event text;
    - ``min_sources``: events whose cluster (:mod:`newsevents.cluster_store`) has at least this many sources;
      ``place``: the event's place name (``location.name``, case-insensitive, whole name).
    """

    actor: str | None = None
    recipient: str | None = None
    actor_country: str | None = None
    actor_sector: str | None = None
    recipient_country: str | None = None
    recipient_sector: str | None = None
    event_type: str | None = None
    cameo: str | None = None
    quad_class: int | None = None
    modality: str | None = None
    since: str | None = None
    until: str | None = None
    doc_id: str | None = None
    source: str | None = None
    text: str | None = None
    min_sources: int | None = None
    place: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        """The SQL condition over ``events e`` and its parameters. Raises ``ValueError`` on a malformed value
        (a bad date, an actor code that is too short)."""
        clauses: list[str] = []
        params: list[Any] = []
        for role in ("actor", "recipient"):
            country = getattr(self, f"{role}_country")
            sector = getattr(self, f"{role}_sector")
            short = getattr(self, role)
            if short:
                c, s = parse_actor(short)
                country = country or c
                sector = sector or s
            country = country.upper() if country else None
            sector = sector.upper() if sector else None
            if country and sector:
                clauses.append(f"list_contains(e.{role}_keys, ?)")
                params.append(country + sector)
            elif country:
                clauses.append(f"list_contains(e.{role}_codes, ?)")
                params.append(country)
            elif sector:
                clauses.append(f"list_contains(e.{role}_sectors, ?)")
                params.append(sector)
        if self.event_type:
            clauses.append("e.event_type = ?")
            params.append(self.event_type.upper())
        if self.cameo:
            clauses.append("starts_with(e.cameo_code, ?)")
            params.append(self.cameo)
        if self.quad_class is not None:
            clauses.append("e.quad_class = ?")
            params.append(int(self.quad_class))
        if self.modality:
            clauses.append("e.modality = ?")
            params.append(self.modality.lower())
        if self.since:
            clauses.append("coalesce(e.date_end, e.published) >= ?")
            params.append(_parse_iso_date(self.since, "since"))
        if self.until:
            clauses.append("coalesce(e.date_start, e.published) <= ?")
            params.append(_parse_iso_date(self.until, "until"))
        if self.doc_id:
            clauses.append("e.doc_id = ?")
            params.append(self.doc_id)
        if self.source:
            clauses.append("(contains(lower(e.attribution_text), ?) OR e.doc_id IN "
                           "(SELECT d.doc_id FROM documents d WHERE contains(lower(d.source), ?)))")
            params += [self.source.lower(), self.source.lower()]
        if self.text:
            clauses.append("(contains(lower(e.sentence), ?) OR contains(lower(e.event_text), ?))")
            params += [self.text.lower(), self.text.lower()]
        if self.min_sources:
            clauses.append("e.id IN (SELECT event_id FROM cluster_members JOIN clusters USING (cluster_id) "
                           "WHERE num_sources >= ?)")
            params.append(int(self.min_sources))
        if self.place:
            clauses.append("lower(e.location_name) = ?")
            params.append(self.place.lower())
        return (" AND ".join(clauses) or "TRUE"), params


def _parse_iso_date(value: str, name: str) -> date:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise ValueError(f"{name}: {value!r} is not an ISO date (YYYY-MM-DD)") from None


def date_bounds(value: str | None) -> tuple[date | None, date | None]:
    """First and last day covered by an ISO 8601 event date: ``2024-01-15`` -> (15 Jan, 15 Jan); ``2024-01``
    -> (1 Jan, 31 Jan); ``2024`` -> (1 Jan, 31 Dec); an interval ``a/b`` -> (start of a, end of b). Returns
    (None, None) when the value is None or not one of these forms."""
    if not value:
        return None, None
    if "/" in value:
        a, _, b = value.partition("/")
        return date_bounds(a)[0], date_bounds(b)[1]
    try:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return date(parts[0], parts[1], 1), date(parts[0], parts[1], last)
        if len(parts) == 3:
            d = date(*parts)
            return d, d
    except ValueError:
        pass
    log.debug("event date %r is not YYYY, YYYY-MM, YYYY-MM-DD or an interval", value)
    return None, None


# -- ingestion --------------------------------------------------------------------------------------------

@dataclass
class IngestReport:
    """What :meth:`Store.ingest` did: documents stored (by status), events stored, documents rejected with
    the reason (``errors``: list of (doc_id, message)), wall time in seconds."""

    documents: int = 0
    events: int = 0
    status: Counter = field(default_factory=Counter)
    errors: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def events_per_second(self) -> float:
        return self.events / self.seconds if self.seconds > 0 else 0.0

    @property
    def documents_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds > 0 else 0.0

    def merge(self, other: "IngestReport") -> None:
        self.documents += other.documents
        self.events += other.events
        self.status.update(other.status)
        self.errors.extend(other.errors)
        self.seconds += other.seconds


class RowError(ValueError):
    """A document or event that cannot be stored (bad date, missing id); the message names the document."""


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _plain(obj: Any) -> dict[str, Any] | None:
    """A flat record dataclass (Entity, EventDate, Attribution, Location, Coder) as a dict with the same keys
    and order as ``dataclasses.asdict`` (spans stay tuples: JSON writes them as lists). Much faster than
    ``asdict``, which deep-copies every value."""
    if obj is None:
        return None
    return {f: getattr(obj, f) for f in obj.__slots__}


def _document_row(result: DocumentResult, now: datetime) -> dict[str, Any]:
    a = result.article
    if not isinstance(a.id, str) or not a.id:
        raise RowError("document without an id")
    published = _parse_iso_date(a.published, f"document {a.id}: published") if a.published else None
    if result.status not in ("ok", "skipped", "error"):
        raise RowError(f"document {a.id}: unknown status {result.status!r}")
    return {"doc_id": a.id, "text": a.text, "published": published, "lang": a.lang, "title": a.title,
            "url": a.url, "source": a.source, "status": result.status, "notes": list(result.notes),
            "error": result.error, "n_events": len(result.events), "ingested_at": now}


def event_row(event: Event, published: date | None) -> dict[str, Any]:
    """Flatten one event into an ``events`` row (nested parts as JSON text; codes as lists). Raises
    :class:`RowError` when the event has no id or type."""
    if not event.id or not event.event_type:
        raise RowError(f"document {event.doc_id}: event without id or event_type")
    start, end = date_bounds(event.date.value)
    loc = event.location
    return {
        "id": event.id, "doc_id": event.doc_id, "published": published, "event_type": event.event_type,
        "mode": event.mode, "context": event.context, "cameo_code": event.cameo_code,
        "cameo_root": (event.cameo_code or "")[:2] or None,
        "goldstein": event.goldstein, "quad_class": event.quad_class,
        "actor": _json([_plain(e) for e in event.actor]),
        "recipient": _json([_plain(e) for e in event.recipient]),
        "actor_codes": [e.code for e in event.actor], "actor_sectors": [e.sector for e in event.actor],
        "actor_keys": [e.code + e.sector for e in event.actor],
        "recipient_codes": [e.code for e in event.recipient],
        "recipient_sectors": [e.sector for e in event.recipient],
        "recipient_keys": [e.code + e.sector for e in event.recipient],
        "modality": event.modality, "attribution": _json(_plain(event.attribution)),
        "attribution_text": event.attribution.text if event.attribution else None,
        "date_value": event.date.value, "date_start": start, "date_end": end,
        "date_precision": event.date.precision, "date": _json(_plain(event.date)),
        "location": _json(_plain(loc)),
        "location_name": (loc.name or loc.text) if loc else None, "location_country": loc.country if loc else None,
        "location_lat": loc.lat if loc else None, "location_lon": loc.lon if loc else None,
        "event_text": event.event_text, "event_start": event.event_span[0], "event_end": event.event_span[1],
        "sentence": event.sentence, "sentence_start": event.sentence_span[0],
        "sentence_end": event.sentence_span[1], "lang": event.lang, "coder": _json(_plain(event.coder)),
        "locations": _json([_plain(p) for p in event.locations]) if len(event.locations) > 1 else None,
    }


def _arrow_schema():
    import pyarrow as pa

    s, i, f, d = pa.string(), pa.int32(), pa.float64(), pa.date32()
    ls = pa.list_(pa.string())
    events = {c: s for c in EVENT_COLUMNS}
    events.update({"published": d, "date_start": d, "date_end": d, "goldstein": f, "quad_class": i,
                   "location_lat": f, "location_lon": f, "event_start": i, "event_end": i, "sentence_start": i,
                   "sentence_end": i})
    for c in ("actor_codes", "actor_sectors", "actor_keys", "recipient_codes", "recipient_sectors",
              "recipient_keys"):
        events[c] = ls
    docs = {c: s for c in DOCUMENT_COLUMNS}
    docs.update({"published": d, "notes": ls, "n_events": i, "ingested_at": pa.timestamp("us")})
    return (pa.schema([(c, events[c]) for c in EVENT_COLUMNS]),
            pa.schema([(c, docs[c]) for c in DOCUMENT_COLUMNS]))


# -- the store --------------------------------------------------------------------------------------------


DUCKDB_MAGIC = b"DUCK"
"""The bytes a DuckDB database file holds at offset 8, after the header checksum."""


def _check_duckdb_file(path: Path) -> None:
    """Raise ``ValueError`` naming ``path`` when it is an existing, non-empty file that is not a DuckDB
    database (a JSONL, CSV or Parquet file given as ``--db``): DuckDB would open such a file as an in-memory
    database with the file as a view, so an ingest would store nothing and fail deep inside, and a reader
    would get DuckDB's "Cannot launch in-memory database in read-only mode". A new path, a file shorter than
    the header (empty, or being created by another process) and a directory are left to DuckDB."""
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return
        with open(path, "rb") as fh:
            header = fh.read(12)
    except OSError:
        return  # unreadable: DuckDB says why
    if len(header) == 12 and header[8:12] != DUCKDB_MAGIC:  # shorter: being created by another process
        raise ValueError(f"cannot open the event database {path}: the file is not a DuckDB database "
                         "(an input or export file?); give a new file name or an event database written by "
                         "`newsevents ingest`")


class Store(StoreSummaries):
    """An embedded DuckDB event store.

    Parameters:
        path: database file; None -> :func:`default_path`. ``":memory:"`` gives a throw-away in-memory store.
        read_only: open without write access (several readers may then share the file). A read-only open of
            a missing file or of a database with an older schema raises ``ValueError``.
        shared: hold no connection between calls (each query, each :meth:`ingest` batch opens its own and
            waits for a file locked by another process: :func:`newsevents.locking.connect`); without it the
            file stays open, and locked, until :meth:`close`.
        lock_timeout: seconds to wait for a locked file (default ``$NEWSEVENTS_LOCK_TIMEOUT``, else 60).

    Raises ``ValueError`` for an unknown (newer) schema, and :class:`~newsevents.locking.StoreBusy` (a
    ``ValueError``) when the file stays locked or cannot be opened; a shared store can raise it anywhere.
    """

    def __init__(self, path: str | os.PathLike | None = None, read_only: bool = False, *, shared: bool = False,
                 lock_timeout: float | None = None):
        self.path = str(path) if path is not None else str(default_path())
        self.read_only = read_only
        self.shared = shared and self.path != ":memory:"
        self.lock_timeout = lock_timeout
        if self.path != ":memory:":
            p = Path(self.path).expanduser()
            if read_only and not p.exists():
                raise ValueError(f"no event database at {p}; run `newsevents ingest` first")
            _check_duckdb_file(p)
            if not read_only:
                p.parent.mkdir(parents=True, exist_ok=True)
            self.path = str(p)
        self._con = None if self.shared else self._connect()
        self._schemas = None
        try:
            self._migrate()
        except Exception:
            self.close()
            raise

    def _connect(self):
        from .locking import connect

        return connect(self.path, self.read_only, self.lock_timeout)

    # lifecycle
    def close(self) -> None:
        """Close the database (further calls fail, except on a shared store)."""
        if self._con is not None:
            self._con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.path!r}, read_only={self.read_only})"

    def _cursor(self):
        """A cursor (closed by ``with``); on a shared store, a connection of its own."""
        return self._connect() if self.shared else self._con.cursor()

    @property
    def schema_version(self) -> int:
        """The highest migration applied to this database (0 for an empty file)."""
        with self._cursor() as cur:
            exists = cur.execute("SELECT count(*) FROM information_schema.tables "
                                 "WHERE table_name = 'schema_version'").fetchone()[0]
            if not exists:
                return 0
            return cur.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]

    def _migrate(self) -> None:
        current = self.schema_version
        if current > SCHEMA_VERSION:
            raise ValueError(f"{self.path}: schema version {current} is newer than this newsevents "
                             f"(knows up to {SCHEMA_VERSION}); upgrade newsevents")
        if current == SCHEMA_VERSION:
            return
        if self.read_only:
            raise ValueError(f"{self.path}: schema version {current} needs migrating to {SCHEMA_VERSION}; "
                             "open it once read-write")
        with self._cursor() as cur:
            cur.execute(SCHEMA_VERSION_TABLE)
            for version, description, statements in MIGRATIONS:
                if version <= current:
                    continue
                with transaction(cur):
                    for sql in statements:
                        cur.execute(sql)
                    cur.execute("INSERT INTO schema_version VALUES (?, ?, ?)",
                                [version, description, datetime.now(timezone.utc).replace(tzinfo=None)])
                log.info("%s: applied schema migration %d (%s)", self.path, version, description)

    # -- writing ------------------------------------------------------------------------------------------

    def ingest(self, results: Iterable[DocumentResult], batch_size: int = 500,
               clusters: bool = True) -> IngestReport:
        """Store pipeline results: one ``documents`` row per result and one ``events`` row per event.

        With ``clusters``, the event clusters are then updated (:func:`newsevents.cluster_store.update_clusters`).

        Re-ingesting a document id replaces its row and all its events (delete + insert), so nothing is ever
        duplicated; within one call the last result for an id wins. Each batch of ``batch_size`` documents is
        one transaction. A document that cannot be stored (bad publication date, invalid event, database
        constraint) is listed in ``IngestReport.errors`` and left out; the rest of its batch is still stored.
        Raises ``ValueError`` on a read-only store.
        """
        if self.read_only:
            raise ValueError(f"{self.path} is open read-only")
        report = IngestReport()
        t0 = time.perf_counter()
        batch, touched = [], set()  # touched: ids of the documents stored, for the cluster update
        with collector_relaxed():  # coding, storing and clustering make many short-lived objects
            for result in results:
                batch.append(result)
                touched.add(getattr(result.article, "id", None))
                if len(batch) >= batch_size:
                    self._ingest_batch(batch, report)
                    batch = []
            if batch:
                self._ingest_batch(batch, report)
            if clusters and report.documents:
                from .cluster_store import update_clusters
                update_clusters(self, doc_ids=touched)
        report.seconds = time.perf_counter() - t0
        return report

    def _ingest_batch(self, batch: list[DocumentResult], report: IngestReport) -> None:
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        prepared: dict[str, tuple[dict, list[dict], str]] = {}
        for result in batch:
            doc_id = getattr(result.article, "id", None)
            try:
                doc = _document_row(result, now)
                rows: dict[str, dict] = {}
                for event in result.events:
                    if event.doc_id != doc.get("doc_id"):
                        raise RowError(f"document {doc_id}: event {event.id} has doc_id {event.doc_id!r}")
                    row = event_row(event, doc["published"])
                    if row["id"] in rows:
                        log.warning("document %s: duplicate event id %s dropped", doc_id, row["id"])
                        continue
                    rows[row["id"]] = row
                doc["n_events"] = len(rows)
            except (RowError, ValueError, TypeError, AttributeError, IndexError) as exc:
                report.errors.append((str(doc_id), str(exc)))
                continue
            prepared.pop(doc["doc_id"], None)  # last one wins, keeps input order
            prepared[doc["doc_id"]] = (doc, list(rows.values()), result.status)
        if not prepared:
            return
        items = list(prepared.values())
        try:
            self._write(items)
        except Exception as exc:  # find the documents the database rejects, store the rest
            log.info("batch of %d documents failed (%s); retrying without the bad ones", len(items), exc)
            good = []
            for item in items:  # grow the batch one document at a time (rolled back), so that conflicts
                try:            # between two documents of the batch are caught too
                    self._write(good + [item], dry_run=True)
                    good.append(item)
                except Exception as one_exc:
                    report.errors.append((item[0]["doc_id"], f"{type(one_exc).__name__}: {one_exc}"))
            if good:
                self._write(good)
            items = good
        for doc, rows, status in items:
            report.documents += 1
            report.events += len(rows)
            report.status[status] += 1

    def _write(self, items: list[tuple[dict, list[dict], str]], dry_run: bool = False) -> None:
        import pyarrow as pa

        if self._schemas is None:
            self._schemas = _arrow_schema()
        event_schema, doc_schema = self._schemas
        docs = [d for d, _, _ in items]
        events = [r for _, rows, _ in items for r in rows]
        doc_table = pa.Table.from_pylist(docs, schema=doc_schema)
        event_table = pa.Table.from_pylist(events, schema=event_schema)
        ids = pa.table({"doc_id": pa.array([d["doc_id"] for d in docs], pa.string())})
        with self._cursor() as cur, transaction(cur, commit=not dry_run,
                                                _ids=ids, _docs=doc_table, _events=event_table):
            cur.execute("DELETE FROM events WHERE doc_id IN (SELECT doc_id FROM _ids)")
            cur.execute("DELETE FROM documents WHERE doc_id IN (SELECT doc_id FROM _ids)")
            cur.execute(f"INSERT INTO documents ({', '.join(DOCUMENT_COLUMNS)}) "
                        f"SELECT {', '.join(DOCUMENT_COLUMNS)} FROM _docs")
            if events:
                cur.execute(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) "
                            f"SELECT {', '.join(EVENT_COLUMNS)} FROM _events")

    def delete_document(self, doc_id: str) -> bool:
        """Remove a document and its events; returns whether it existed."""
        with self._cursor() as cur, transaction(cur):
            cur.execute("DELETE FROM events WHERE doc_id = ?", [doc_id])
            n = cur.execute("DELETE FROM documents WHERE doc_id = ?", [doc_id]).fetchone()[0]
        return bool(n)

    # -- reading ------------------------------------------------------------------------------------------

    @staticmethod
    def _record(row: tuple) -> dict[str, Any]:
        r = dict(zip(_RECORD_COLUMNS, row))
        for c in _JSON_COLUMNS:
            if r[c] is not None:
                r[c] = json.loads(r[c])
        out = {
            "id": r["id"], "doc_id": r["doc_id"], "event_type": r["event_type"], "mode": r["mode"],
            "context": r["context"], "cameo_code": r["cameo_code"], "goldstein": r["goldstein"],
            "quad_class": r["quad_class"], "actor": r["actor"] or [], "recipient": r["recipient"] or [],
            "modality": r["modality"], "attribution": r["attribution"], "date": r["date"],
            "location": r["location"], "event_text": r["event_text"],
            "event_span": [r["event_start"], r["event_end"]], "sentence": r["sentence"],
            "sentence_span": [r["sentence_start"], r["sentence_end"]], "lang": r["lang"], "coder": r["coder"],
            "published": r["published"].isoformat() if r["published"] else None,
        }
        if r.get("locations"):  # an event in several places (Event.to_dict writes the key only then)
            items = list(out.items())
            i = [k for k, _ in items].index("location") + 1
            out = {**dict(items[:i]), "locations": r["locations"], **dict(items[i:])}
        return out

    def query_events(self, f: EventFilter | None = None, limit: int | None = 50, offset: int = 0,
                     order: str = "date") -> list[dict[str, Any]]:
        """Events matching ``f``, as :meth:`Event.to_dict` dicts plus ``"published"``.

        ``order`` is one of :data:`ORDERS` (``"date"`` = oldest first by event date, falling back to the
        publication date; ``"-date"`` newest first). ``limit=None`` returns all. Raises ``ValueError`` for an
        unknown order or a malformed filter.

        A page (``limit`` given) is found in two steps: the ids of the page, sorting only the order columns,
        then the records of those ids (a primary-key lookup): sorting whole records to skip 50,000 of them took
        five times as long.
        """
        if order not in ORDERS:
            raise ValueError(f"unknown order {order!r}; expected one of {', '.join(ORDERS)}")
        if limit is not None:
            return self._page(f, int(limit), int(offset), order, with_total=False)[1]
        where, params = (f or EventFilter()).where()
        sql = f"SELECT {_SELECT_RECORD} FROM events e WHERE {where} ORDER BY {ORDERS[order]}, {_TIEBREAK}"
        with self._cursor() as cur:
            return [self._record(row) for row in cur.execute(sql, params).fetchall()]

    def page_events(self, f: EventFilter | None = None, limit: int = 50, offset: int = 0,
                    order: str = "date") -> tuple[int, list[dict[str, Any]]]:
        """``(count_events(f), query_events(f, limit, offset, order))`` from one scan of the events: the count
        is taken over the same filtered rows as the page (a window count), so a filter that reads every
        sentence ("text") reads them once. Raises ``ValueError`` as :meth:`query_events` does."""
        if order not in ORDERS:
            raise ValueError(f"unknown order {order!r}; expected one of {', '.join(ORDERS)}")
        return self._page(f, int(limit), int(offset), order, with_total=True)

    def _page(self, f, limit: int, offset: int, order: str, with_total: bool) -> tuple[int, list[dict[str, Any]]]:
        """The events of one page (and the count of all that match, with ``with_total``; else -1): the ids of
        the page first, sorting only the order columns, then their records by primary key."""
        where, params = (f or EventFilter()).where()
        total = ", count(*) OVER ()" if with_total else ""
        with self._cursor() as cur:
            found = cur.execute(f"SELECT e.id{total} FROM events e WHERE {where} ORDER BY {ORDERS[order]}, "
                                f"{_TIEBREAK} LIMIT ? OFFSET ?", params + [limit, offset]).fetchall()
            n = -1 if not with_total else found[0][1] if found else \
                cur.execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchone()[0]
            ids = [r[0] for r in found]
            rows = cur.execute(f"SELECT {_SELECT_RECORD} FROM events e WHERE e.id IN (SELECT unnest(?))",
                               [ids]).fetchall() if ids else []
        position = {i: k for k, i in enumerate(ids)}
        return n, sorted((self._record(row) for row in rows), key=lambda r: position[r["id"]])

    def iter_events(self, f: EventFilter | None = None, order: str = "date", chunk_size: int = 2000,
                    documents: bool = False) -> Iterator[dict[str, Any]]:
        """Stream every event matching ``f`` (same dicts and order as :meth:`query_events`), fetching
        ``chunk_size`` rows at a time so memory stays bounded. With ``documents=True`` each dict also gets
        its document's ``"url"``, ``"source"`` and ``"title"`` (for exports that cite the source)."""
        if order not in ORDERS:
            raise ValueError(f"unknown order {order!r}; expected one of {', '.join(ORDERS)}")
        where, params = (f or EventFilter()).where()
        extra = ", d.url, d.source, d.title" if documents else ""
        join = " LEFT JOIN documents d ON d.doc_id = e.doc_id" if documents else ""
        sql = (f"SELECT {_SELECT_RECORD}{extra} FROM events e{join} WHERE {where} "
               f"ORDER BY {ORDERS[order]}, {_TIEBREAK}")
        n = len(_RECORD_COLUMNS)
        cur = self._cursor()
        try:
            cur.execute(sql, params)
            while rows := cur.fetchmany(chunk_size):
                for row in rows:
                    record = self._record(row[:n])
                    if documents:
                        record.update(zip(("url", "source", "title"), row[n:]))
                    yield record
        finally:
            cur.close()

    def count_events(self, f: EventFilter | None = None) -> int:
        """Number of events matching ``f``."""
        where, params = (f or EventFilter()).where()
        with self._cursor() as cur:
            return cur.execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchone()[0]

    def get_event(self, event_id: str) -> dict[str, Any] | None:
        """One event by id, or None."""
        with self._cursor() as cur:
            row = cur.execute(f"SELECT {_SELECT_RECORD} FROM events e WHERE e.id = ?", [event_id]).fetchone()
        return self._record(row) if row else None

    def get_document(self, doc_id: str) -> dict[str, Any] | None:
        """One document by id, or None: its columns (``published`` and ``ingested_at`` as ISO strings, ``text``
        the cleaned text the event offsets point into) and ``"events"``: its events in text order."""
        with self._cursor() as cur:
            row = cur.execute(f"SELECT {', '.join(DOCUMENT_COLUMNS)} FROM documents WHERE doc_id = ?",
                              [doc_id]).fetchone()
            if row is None:
                return None
            doc = dict(zip(DOCUMENT_COLUMNS, row))
            events = cur.execute(f"SELECT {_SELECT_RECORD} FROM events e WHERE e.doc_id = ? "
                                 "ORDER BY e.sentence_start, e.event_start, e.id", [doc_id]).fetchall()
        doc["published"] = doc["published"].isoformat() if doc["published"] else None
        doc["ingested_at"] = doc["ingested_at"].isoformat() if doc["ingested_at"] else None
        doc["notes"] = list(doc["notes"] or [])
        doc["events"] = [self._record(r) for r in events]
        return doc
