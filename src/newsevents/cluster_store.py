"""Event clusters in the store: keep them up to date as documents arrive, and read them back.

Three tables (schema migration 2 of :mod:`newsevents.store`): ``clusters`` (one row per
:class:`~newsevents.clusters.Cluster`), ``cluster_members`` (one row per event: its cluster, whether it is in
its document's lead, the document it copies, its confidence) and ``document_signatures`` (each document's
MinHash values and the SHA-1 of the text they were computed from).

    update_clusters(store)                     # after an ingest (Store.ingest calls it)
    query_clusters(store, EventFilter(actor="FRA"), min_sources=2)
    get_cluster(store, cluster_id)             # the cluster and every report, with its document

Incremental update: the event types that changed since the last update (events with no membership yet,
memberships whose event is gone, documents whose text changed) are clustered again from all their stored
mentions, and only their rows are replaced. Clustering depends only on the set of mentions
(:func:`newsevents.clusters.cluster_mentions`), so the result equals a full rebuild whatever the ingest order,
and an unchanged cluster keeps its id.
"""
from __future__ import annotations

import hashlib
import json
import logging
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

from .clusters import Cluster, Mention, Rules, cluster_mentions, document_signature, load_rules
from .store import EventFilter, Store, transaction

log = logging.getLogger(__name__)

CLUSTER_ORDERS = {
    "date": "coalesce(c.date_start, c.first_seen) ASC NULLS LAST",
    "-date": "coalesce(c.date_start, c.first_seen) DESC NULLS LAST",
    "-sources": "c.num_sources DESC, c.num_mentions DESC",
    "-mentions": "c.num_mentions DESC, c.num_sources DESC",
}
"""Accepted ``order`` values of :func:`query_clusters`; ties are broken by cluster id (stable paging)."""

_CLUSTER_COLUMNS = ["cluster_id", "event_type", "cameo_code", "actor", "recipient", "actor_codes",
                    "recipient_codes", "date_value", "date_start", "date_end", "date_precision", "place",
                    "place_country", "modality", "modality_counts", "num_mentions", "num_articles", "num_sources",
                    "num_copies", "first_seen", "root_event_id"]
_MEMBER_COLUMNS = ["event_id", "cluster_id", "event_type", "doc_id", "is_root", "copy_of", "confidence"]


@dataclass
class UpdateReport:
    """What :func:`update_clusters` did: event types clustered again, their mentions and clusters, documents
    whose signature was computed, wall time in seconds."""

    types: list[str]
    mentions: int = 0
    clusters: int = 0
    signatures: int = 0
    seconds: float = 0.0


# -- signatures -------------------------------------------------------------------------------------------

SIGNATURE_CHUNK = 10_000
"""Documents whose signatures are computed and written together (one transaction each), so memory stays flat
whatever the number of new documents."""


def _update_signatures(store: Store, rules: Rules) -> tuple[int, set[str]]:
    """Compute the MinHash of every document with events whose text has no signature yet or changed;
    returns (number computed, ids of documents whose text changed since their last signature). Signatures are
    written :data:`SIGNATURE_CHUNK` documents at a time, as one ``uint64`` array per chunk."""
    with store._cursor() as cur:
        rows = cur.execute(
            "SELECT d.doc_id, d.text, s.text_sha1 FROM documents d LEFT JOIN document_signatures s USING (doc_id) "
            "WHERE d.n_events > 0 AND (s.doc_id IS NULL OR s.text_sha1 <> sha1(coalesce(d.text, '')))"
        ).fetchall()
    if not rows:
        return 0, set()
    changed = {doc_id for doc_id, _, old in rows if old is not None}
    for start in range(0, len(rows), SIGNATURE_CHUNK):
        table = _signature_table(rows[start:start + SIGNATURE_CHUNK], rules)
        with store._cursor() as cur, transaction(cur, _sigs=table):
            cur.execute("DELETE FROM document_signatures WHERE doc_id IN (SELECT doc_id FROM _sigs)")
            cur.execute("INSERT INTO document_signatures SELECT doc_id, text_sha1, minhash FROM _sigs")
    return len(rows), changed


def _signature_table(rows: list[tuple], rules: Rules):
    """The ``document_signatures`` rows of ``(doc_id, text, ...)`` rows as an Arrow table (``minhash``:
    ``list<uint64>`` built from one numpy array, never from Python integers)."""
    import pyarrow as pa

    hashes = np.stack([document_signature(r[1] or "", rules) for r in rows]).astype(np.uint64, copy=False)
    offsets = np.arange(0, hashes.size + 1, hashes.shape[1], dtype=np.int32)
    minhash = pa.ListArray.from_arrays(pa.array(offsets), pa.array(hashes.reshape(-1)))
    return pa.table({
        "doc_id": pa.array([r[0] for r in rows], pa.string()),
        "text_sha1": pa.array([hashlib.sha1((r[1] or "").encode("utf-8")).hexdigest() for r in rows], pa.string()),
        "minhash": minhash,
    })


# -- update -----------------------------------------------------------------------------------------------

def _dirty_types(store: Store, changed_docs: set[str]) -> list[str]:
    with store._cursor() as cur:
        types = {t for (t,) in cur.execute(
            "SELECT DISTINCT e.event_type FROM events e ANTI JOIN cluster_members m ON m.event_id = e.id "
            "UNION SELECT DISTINCT m.event_type FROM cluster_members m ANTI JOIN events e ON e.id = m.event_id"
        ).fetchall()}
        if changed_docs:
            import pyarrow as pa

            cur.register("_changed", pa.table({"doc_id": pa.array(sorted(changed_docs), pa.string())}))
            try:  # a semi-join, linear in the number of documents (list_contains(?, doc_id) is quadratic)
                types |= {t for (t,) in cur.execute(
                    "SELECT DISTINCT event_type FROM events SEMI JOIN _changed USING (doc_id)").fetchall()}
            finally:
                cur.unregister("_changed")
    return sorted(types)


_MENTION_SQL = """
SELECT e.id, e.doc_id, d.source, e.published, e.event_type, e.cameo_code, e.actor_codes, e.actor_sectors,
       e.recipient_codes, e.recipient_sectors, e.date_start, e.date_end, e.date_precision,
       json_extract_string(e.location, '$.geonameid'), e.location_name, e.location_country,
       json_extract_string(e.location, '$.feature'), e.modality, e.sentence, e.sentence_start, e.event_start
FROM events e LEFT JOIN documents d ON d.doc_id = e.doc_id
WHERE list_contains(?, e.event_type)"""


def mention_from_row(row: tuple, shared: dict | None = None) -> Mention:
    """A :class:`Mention` from one row of the store's mention query (columns of ``_MENTION_SQL``). ``shared``,
    when given, is a dict kept across the rows of one load: equal values (codes, dates, word sets of a
    sentence) are then stored once, which keeps 200,000 mentions in a few hundred MB."""
    (eid, doc_id, source, published, etype, cameo, a_codes, a_sectors, r_codes, r_sectors, start, end, precision,
     geonameid, loc_name, loc_country, feature, modality, sentence, s_start, e_start) = row
    if start is None:
        start = end = published
        precision = "publication" if published else "unresolved"
    place = geonameid or ((loc_name or "").lower() or None)
    one = (lambda value: value) if shared is None else (lambda value: shared.setdefault(value, value))
    sentence = sentence or ""
    words = None if shared is None else shared.get(("words", sentence))
    if words is None:
        from .clusters import _WORD

        words = frozenset(map(sys.intern, _WORD.findall(sentence.lower())))
        if shared is not None:
            shared[("words", sentence)] = words
    return Mention(
        id=eid, doc_id=doc_id, source=one(source), published=one(published), event_type=one(etype),
        cameo_code=one(cameo or ""), actor=one(tuple(zip(map(one, a_codes or []), map(one, a_sectors or [])))),
        recipient=one(tuple(zip(map(one, r_codes or []), map(one, r_sectors or [])))),
        start=one(start), end=one(end), precision=one(precision or "unresolved"), place=one(place),
        place_country=one(loc_country), place_feature=one(feature), modality=one(modality or "asserted"),
        words=words, sentence_start=s_start or 0, event_start=e_start or 0,
        order=(published or date.max, doc_id, s_start or 0, e_start or 0, eid))


def load_mentions(store: Store, types: list[str]) -> list[Mention]:
    """Every stored event of the PLOVER ``types`` as a :class:`Mention` (with its document's source), read
    10,000 rows at a time, equal values shared (:func:`mention_from_row`)."""
    mentions: list[Mention] = []
    shared: dict = {}
    with store._cursor() as cur:
        cur.execute(_MENTION_SQL, [types])
        while rows := cur.fetchmany(10_000):  # never all rows as Python tuples at once
            mentions.extend(mention_from_row(r, shared) for r in rows)
    return mentions


def load_signatures(store: Store, doc_ids: set[str]) -> dict[str, np.ndarray]:
    """MinHash values (``uint32`` arrays) of the documents ``doc_ids`` that have a stored signature. Read as Arrow
    columns, so 200,000 signatures never become millions of Python integers."""
    import pyarrow as pa

    with store._cursor() as cur:
        cur.register("_wanted", pa.table({"doc_id": pa.array(sorted(doc_ids), pa.string())}))
        try:  # a join, not list_contains(?, doc_id): linear in the number of documents
            table = cur.sql("SELECT s.doc_id, s.minhash FROM document_signatures s JOIN _wanted USING (doc_id)"
                            ).to_arrow_table()
        finally:
            cur.unregister("_wanted")
    if table.num_rows == 0:
        return {}
    column = table.column("minhash").combine_chunks()
    values = column.flatten().to_numpy(zero_copy_only=False).astype(np.uint32)
    offsets = column.offsets.to_numpy()
    ids = table.column("doc_id").to_pylist()
    return {d: values[offsets[k]:offsets[k + 1]] for k, d in enumerate(ids)}


def update_clusters(store: Store, rules: Rules | None = None, full: bool = False,
                    doc_ids: set[str] | None = None) -> UpdateReport:
    """Bring the cluster tables up to date with the stored events (see the module docstring). ``doc_ids``:
    documents just (re)stored, whose event types are clustered again even when their event ids did not change
    (e.g. a new publication date). ``full`` clusters every event type again (after changing the rules).
    Returns an :class:`UpdateReport`. Raises ``ValueError`` on a read-only store."""
    if store.read_only:
        raise ValueError(f"{store.path} is open read-only")
    rules = rules or load_rules()
    t0 = time.perf_counter()
    n_sigs, changed = _update_signatures(store, rules)
    if full:
        with store._cursor() as cur:
            types = sorted({t for (t,) in cur.execute(
                "SELECT DISTINCT event_type FROM events UNION SELECT DISTINCT event_type FROM cluster_members"
            ).fetchall()})
    else:
        types = _dirty_types(store, changed | {d for d in doc_ids or () if d})
    report = UpdateReport(types=types, signatures=n_sigs)
    if types:
        mentions = load_mentions(store, types)
        signatures = load_signatures(store, {m.doc_id for m in mentions})
        clusters = cluster_mentions(mentions, rules, signatures)
        write_clusters(store, types, clusters)
        report.mentions, report.clusters = len(mentions), len(clusters)
    report.seconds = time.perf_counter() - t0
    log.info("clusters: %d types re-clustered (%d mentions, %d clusters) in %.2f s", len(types), report.mentions,
             report.clusters, report.seconds)
    return report


def cluster_rows(clusters: list[Cluster]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """``clusters`` and ``cluster_members`` rows (dicts keyed by column) for a list of clusters."""
    crows, mrows = [], []
    for c in clusters:
        crows.append({
            "cluster_id": c.cluster_id, "event_type": c.event_type, "cameo_code": c.cameo_code,
            "actor": json.dumps([{"code": a, "sector": s} for a, s in c.actor]),
            "recipient": json.dumps([{"code": a, "sector": s} for a, s in c.recipient]),
            "actor_codes": [a for a, _ in c.actor], "recipient_codes": [a for a, _ in c.recipient],
            "date_value": c.date_value, "date_start": c.date_start, "date_end": c.date_end,
            "date_precision": c.date_precision, "place": c.place, "place_country": c.place_country,
            "modality": c.modality, "modality_counts": json.dumps(c.modality_counts),
            "num_mentions": c.num_mentions, "num_articles": c.num_articles, "num_sources": c.num_sources,
            "num_copies": c.num_copies, "first_seen": date.fromisoformat(c.first_seen) if c.first_seen else None,
            "root_event_id": c.root_event_id})
        for m in c.members:
            mrows.append({"event_id": m.event_id, "cluster_id": c.cluster_id, "event_type": c.event_type,
                          "doc_id": m.doc_id, "is_root": m.is_root, "copy_of": m.copy_of,
                          "confidence": m.confidence})
    return crows, mrows


def _arrow_tables(clusters: list[Cluster]):
    import pyarrow as pa

    crows, mrows = cluster_rows(clusters)
    s, i, d, ls = pa.string(), pa.int32(), pa.date32(), pa.list_(pa.string())
    ctypes = {c: s for c in _CLUSTER_COLUMNS}
    ctypes.update({"actor_codes": ls, "recipient_codes": ls, "date_start": d, "date_end": d, "first_seen": d,
                   "num_mentions": i, "num_articles": i, "num_sources": i, "num_copies": i})
    mtypes = {c: s for c in _MEMBER_COLUMNS}
    mtypes.update({"is_root": pa.bool_(), "confidence": i})
    return (pa.Table.from_pylist(crows, schema=pa.schema([(c, ctypes[c]) for c in _CLUSTER_COLUMNS])),
            pa.Table.from_pylist(mrows, schema=pa.schema([(c, mtypes[c]) for c in _MEMBER_COLUMNS])))


def write_clusters(store: Store, types: list[str], clusters: list[Cluster]) -> None:
    """Replace the cluster rows of event ``types`` by ``clusters`` (one transaction)."""
    ctable, mtable = _arrow_tables(clusters)
    with store._cursor() as cur, transaction(cur, _clusters=ctable, _members=mtable):
        cur.execute("DELETE FROM cluster_members WHERE list_contains(?, event_type)", [types])
        cur.execute("DELETE FROM clusters WHERE list_contains(?, event_type)", [types])
        cur.execute(f"INSERT INTO clusters ({', '.join(_CLUSTER_COLUMNS)}) "
                    f"SELECT {', '.join(_CLUSTER_COLUMNS)} FROM _clusters")
        cur.execute(f"INSERT INTO cluster_members ({', '.join(_MEMBER_COLUMNS)}) "
                    f"SELECT {', '.join(_MEMBER_COLUMNS)} FROM _members")


# -- reading ----------------------------------------------------------------------------------------------

def _where(f: EventFilter | None, min_sources: int | None) -> tuple[str, list[Any]]:
    where, params = (f or EventFilter()).where()
    clauses = []
    if where != "TRUE":
        clauses.append("c.cluster_id IN (SELECT m.cluster_id FROM cluster_members m JOIN events e ON e.id = "
                       f"m.event_id WHERE {where})")
    if min_sources:
        clauses.append("c.num_sources >= ?")
        params = params + [int(min_sources)]
    return " AND ".join(clauses) or "TRUE", params


def _cluster_dict(row: tuple) -> dict[str, Any]:
    c = dict(zip(_CLUSTER_COLUMNS, row))
    for key in ("actor", "recipient", "modality_counts"):
        c[key] = json.loads(c[key]) if c[key] else ([] if key != "modality_counts" else {})
    for key in ("date_start", "date_end", "first_seen"):
        c[key] = c[key].isoformat() if c[key] else None
    c["actor_codes"], c["recipient_codes"] = list(c["actor_codes"] or []), list(c["recipient_codes"] or [])
    return c


def query_clusters(store: Store, f: EventFilter | None = None, min_sources: int | None = None,
                   limit: int | None = 50, offset: int = 0, order: str = "date") -> list[dict[str, Any]]:
    """Clusters with at least one member event matching ``f`` and at least ``min_sources`` sources, as dicts
    (the ``clusters`` columns; ``actor``/``recipient`` lists of {code, sector}; dates ISO 8601). ``order`` is
    one of :data:`CLUSTER_ORDERS`; ``limit=None`` returns all. Raises ``ValueError`` for an unknown order or
    a malformed filter."""
    if order not in CLUSTER_ORDERS:
        raise ValueError(f"unknown order {order!r}; expected one of {', '.join(CLUSTER_ORDERS)}")
    where, params = _where(f, min_sources)
    sql = (f"SELECT {', '.join('c.' + c for c in _CLUSTER_COLUMNS)} FROM clusters c WHERE {where} "
           f"ORDER BY {CLUSTER_ORDERS[order]}, c.cluster_id")
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params = params + [int(limit), int(offset)]
    with store._cursor() as cur:
        return [_cluster_dict(r) for r in cur.execute(sql, params).fetchall()]


def count_clusters(store: Store, f: EventFilter | None = None, min_sources: int | None = None) -> int:
    """Number of clusters :func:`query_clusters` would return without a limit."""
    where, params = _where(f, min_sources)
    with store._cursor() as cur:
        return cur.execute(f"SELECT count(*) FROM clusters c WHERE {where}", params).fetchone()[0]


def cluster_of(store: Store, event_id: str) -> str | None:
    """The id of the cluster an event belongs to, or None."""
    with store._cursor() as cur:
        row = cur.execute("SELECT cluster_id FROM cluster_members WHERE event_id = ?", [event_id]).fetchone()
    return row[0] if row else None


def get_cluster(store: Store, cluster_id: str) -> dict[str, Any] | None:
    """One cluster (as :func:`query_clusters` gives it) with ``"members"``: every mention in root order, each
    an event record (``Store.get_event`` shape) plus ``is_root``, ``copy_of``, ``confidence`` and its document's
    ``source``, ``title``, ``url``. None when there is no such cluster."""
    from .store import _SELECT_RECORD, _RECORD_COLUMNS

    with store._cursor() as cur:
        row = cur.execute(f"SELECT {', '.join(_CLUSTER_COLUMNS)} FROM clusters WHERE cluster_id = ?",
                          [cluster_id]).fetchone()
        if row is None:
            return None
        rows = cur.execute(
            f"SELECT {_SELECT_RECORD}, m.is_root, m.copy_of, m.confidence, d.source, d.title, d.url "
            "FROM cluster_members m JOIN events e ON e.id = m.event_id LEFT JOIN documents d ON d.doc_id = e.doc_id "
            "WHERE m.cluster_id = ? ORDER BY e.published NULLS LAST, e.doc_id, e.sentence_start, e.event_start, e.id",
            [cluster_id]).fetchall()
    cluster = _cluster_dict(row)
    n = len(_RECORD_COLUMNS)
    cluster["members"] = []
    for r in rows:
        record = Store._record(r[:n])
        record.update(zip(("is_root", "copy_of", "confidence", "source", "title", "url"), r[n:]))
        cluster["members"].append(record)
    return cluster


def iter_cluster_mentions(store: Store, f: EventFilter | None = None, min_sources: int | None = None,
                          roots_only: bool = False, chunk_size: int = 2000) -> Iterator[dict[str, Any]]:
    """Stream the member events of the clusters :func:`query_clusters` selects, in cluster order (oldest
    first) then root order, each as an event record with its document's ``url``/``source``/``title`` and a
    ``"cluster"`` dict: ``cluster_id``, ``num_mentions``, ``num_articles``, ``num_sources``, ``is_root``,
    ``confidence``, ``root_event_id``, ``date_value``, ``doc_len`` (characters of the document text),
    ``first_seen`` (ISO date), ``root_actor``/``root_recipient`` (the root mention's entity lists).
    With ``roots_only``, only each cluster's root (oldest) mention."""
    from .store import _SELECT_RECORD, _RECORD_COLUMNS

    where, params = _where(f, min_sources)
    root = "AND e.id = c.root_event_id" if roots_only else ""
    sql = (f"SELECT {_SELECT_RECORD}, d.url, d.source, d.title, c.cluster_id, c.num_mentions, c.num_articles, "
           "c.num_sources, m.is_root, m.confidence, c.root_event_id, c.date_value, length(d.text), "
           "CAST(c.first_seen AS VARCHAR), r.actor, r.recipient "
           "FROM clusters c JOIN cluster_members m ON m.cluster_id = c.cluster_id JOIN events e ON e.id = m.event_id "
           "JOIN events r ON r.id = c.root_event_id "
           f"LEFT JOIN documents d ON d.doc_id = e.doc_id WHERE {where} {root} "
           f"ORDER BY {CLUSTER_ORDERS['date']}, c.cluster_id, e.published NULLS LAST, e.doc_id, e.sentence_start, "
           "e.event_start, e.id")
    n = len(_RECORD_COLUMNS)
    keys = ("cluster_id", "num_mentions", "num_articles", "num_sources", "is_root", "confidence", "root_event_id",
            "date_value", "doc_len", "first_seen", "root_actor", "root_recipient")
    cur = store._cursor()
    try:
        cur.execute(sql, params)
        while rows := cur.fetchmany(chunk_size):
            for r in rows:
                record = Store._record(r[:n])
                record.update(zip(("url", "source", "title"), r[n:n + 3]))
                cluster = dict(zip(keys, r[n + 3:]))
                cluster["root_actor"] = json.loads(cluster["root_actor"] or "[]")
                cluster["root_recipient"] = json.loads(cluster["root_recipient"] or "[]")
                record["cluster"] = cluster
                yield record
    finally:
        cur.close()


def unclustered_events(store: Store) -> int:
    """Number of stored events that belong to no cluster (0 once :func:`update_clusters` has run)."""
    with store._cursor() as cur:
        return cur.execute("SELECT count(*) FROM events e ANTI JOIN cluster_members m ON m.event_id = e.id"
                           ).fetchone()[0]
