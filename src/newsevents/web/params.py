"""Bounded integer query parameters shared by every endpoint of the web explorer (API and HTML pages).

``offset``, ``limit`` and ``min_sources`` are declared with :func:`offset_query`, :func:`limit_query` and
:func:`count_query`, so one set of bounds applies everywhere: a value out of range (a negative offset, a zero
or too large limit, an offset beyond :data:`MAX_OFFSET`, which DuckDB could not take as a signed 64-bit
integer) answers 422 with a one-line message naming the parameter and its range -- JSON on ``/api/...``,
an error page elsewhere (:func:`validation_message`) -- instead of being adjusted silently or crashing.
"""
from __future__ import annotations

from typing import Any

from fastapi import Query

from ..bounds import MAX_ROWS

MAX_OFFSET = MAX_ROWS
"""Largest ``offset`` (and ``min_sources``) accepted; beyond it: 422."""
MAX_PAGE = 500
"""Largest ``limit`` of the event, cluster and document lists (API and pages)."""
MAX_DYADS_PAGE = 2000
"""Largest ``limit`` of the dyads page (``/api/dyads`` takes up to 5000)."""


def offset_query(default: int = 0) -> Any:
    """``offset`` query parameter: rows skipped, 0 to :data:`MAX_OFFSET`."""
    return Query(default, ge=0, le=MAX_OFFSET, description=f"Rows skipped, 0 to 2^62 ({MAX_OFFSET})")


def limit_query(default: int, largest: int = MAX_PAGE) -> Any:
    """``limit`` query parameter: rows returned, 1 to ``largest``."""
    return Query(default, ge=1, le=largest, description=f"Rows returned, 1 to {largest}")


def count_query(default: int = 1, what: str = "sources") -> Any:
    """A least-count query parameter such as ``min_sources``: 1 to :data:`MAX_OFFSET`."""
    return Query(default, ge=1, le=MAX_OFFSET, description=f"Least number of {what}, 1 to 2^62")


def validation_message(errors: list[dict]) -> str:
    """One line from FastAPI's validation errors (``exc.errors()``): ``"offset: Input should be less than or
    equal to 4611686018427387904"``; several errors joined with ``"; "``."""
    parts = []
    for e in errors:
        loc = [str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body")]
        parts.append(f"{'.'.join(loc) or 'request'}: {e.get('msg', 'invalid value')}")
    return "; ".join(parts) or "invalid request"
