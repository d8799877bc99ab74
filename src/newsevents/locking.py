"""Opening the DuckDB event database when other processes use it: wait for the lock, then say clearly.

DuckDB lets one process open a database file read-write, or several processes open it read-only, never both
at once (https://duckdb.org/docs/connect/concurrency). newsevents therefore keeps connections short when the
file is shared (``Store(..., shared=True)``, used by the command line and the web explorer): a reader opens a
read-only connection per query, a writer opens a read-write connection per batch of documents, and whoever
finds the file locked waits and tries again (:func:`connect`), with a bounded total wait
(:data:`LOCK_TIMEOUT`, or ``$NEWSEVENTS_LOCK_TIMEOUT`` seconds). When the wait runs out, :class:`StoreBusy`
says which file and what to do, in one line.
"""
from __future__ import annotations

import logging
import os
import re
import time

log = logging.getLogger(__name__)

LOCK_TIMEOUT = 60.0
"""Default seconds to wait for a database file that another process has locked."""

LOCK_TIMEOUT_ENV = "NEWSEVENTS_LOCK_TIMEOUT"
"""Environment variable overriding :data:`LOCK_TIMEOUT` (seconds)."""

_PID = re.compile(r"PID (\d+)")


class StoreBusy(ValueError):
    """The database file stayed locked by another process for the whole wait, or cannot be opened; the
    message names the file, the process when DuckDB tells it, and what to do."""


def lock_timeout(value: float | None = None) -> float:
    """``value`` when given, else ``$NEWSEVENTS_LOCK_TIMEOUT``, else :data:`LOCK_TIMEOUT` (seconds)."""
    if value is not None:
        return value
    env = os.environ.get(LOCK_TIMEOUT_ENV)
    try:
        return float(env) if env else LOCK_TIMEOUT
    except ValueError:
        raise StoreBusy(f"${LOCK_TIMEOUT_ENV}={env!r} is not a number of seconds") from None


DUCKDB_MEMORY_LIMIT = "512MB"
"""DuckDB's buffer memory per connection (its default is 80% of the machine's memory, which let one ingest of
200,000 small documents pass 2 GB); beyond it DuckDB spills to its temporary directory."""


def is_lock_error(exc: BaseException) -> bool:
    """Whether a DuckDB error means another process holds the file (so waiting may help)."""
    text = str(exc)
    return "lock" in text.lower() and ("Could not set lock" in text or "Conflicting lock" in text)


def connect(path: str, read_only: bool, timeout: float | None = None):
    """A DuckDB connection to ``path``, waiting up to ``timeout`` seconds (see :func:`lock_timeout`) while
    another process holds the file, retrying with a growing pause (10 ms to 0.5 s). Logs one warning when it
    starts waiting. Raises :class:`StoreBusy` when the wait runs out or the file cannot be opened (an I/O
    error, not a DuckDB database)."""
    import duckdb

    limit = lock_timeout(timeout)
    start = time.monotonic()
    pause, warned = 0.01, False
    while True:
        try:
            return duckdb.connect(path, read_only=read_only, config={"memory_limit": DUCKDB_MEMORY_LIMIT})
        except duckdb.Error as exc:
            if not is_lock_error(exc):
                raise StoreBusy(f"cannot open the event database {path}: {_first_line(exc)}") from None
            waited = time.monotonic() - start
            holder = _holder(exc)
            if waited >= limit:
                raise StoreBusy(f"the event database {path} is in use by another process{holder} "
                                f"(waited {waited:.0f} s): try again when it has finished, or wait longer "
                                f"with {LOCK_TIMEOUT_ENV}=SECONDS") from None
            if not warned:
                log.warning("the event database %s is in use by another process%s; waiting up to %g s",
                            path, holder, limit)
                warned = True
            time.sleep(min(pause, max(0.0, limit - waited)))
            pause = min(pause * 2, 0.5)


def _holder(exc: BaseException) -> str:
    match = _PID.search(str(exc))
    return f" (PID {match.group(1)})" if match else ""


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
