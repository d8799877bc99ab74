"""Answers of the explorer's summary queries, kept while the store file does not change.

An analyst moves between pages that ask the same questions (the event count and the timeline behind a
filter, the dyads, the actor page's ten queries, the map), and on a store of 100,000 events some take a tenth
of a second or more. :class:`QueryCache` keeps their answers in the server process, keyed by the query (method
and arguments, filters included) and by the **version of the store file**: the inode, size and modification
time (nanoseconds) of the DuckDB file and of its write-ahead log (``PATH.wal``). Any write to the store --
``newsevents ingest`` in another process, a pasted text stored by this server -- appends to the log or
rewrites the file, so the version changes and every answer kept for the old one is dropped: a page never shows
a stale answer. (A write that left both files with the same size and the same modification time, to the
nanosecond the file system records, would go unseen; the server's own writes also clear the cache.)

Answers are kept as JSON text and decoded on every hit, so a caller may change what it gets (the actor page
adds a field to its events) without changing the cache; a hit on the largest answer (the day-by-type
timeline of 100,000 events, 11,000 rows) takes about 10 ms. The cache holds at most ``max_bytes`` of JSON
(default 64 MB), dropping the least recently used answers first. Only methods whose answers are plain JSON
values are cached (:data:`CACHED`); an in-memory store (``":memory:"``) is never cached.
"""
from __future__ import annotations

import json
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

__all__ = ["QueryCache", "CACHED", "store_version"]

CACHED = frozenset({"count_events", "query_events", "timeline", "dyads", "locations", "location_countries",
                    "find_documents", "list_documents", "document_sources", "get_event", "get_document",
                    "stats", "page_events"})
"""Store methods whose answers the explorer caches: they read only, and answer plain JSON values (lists,
dicts, strings, numbers; a tuple comes back as a list)."""


MAX_OBJECTS = 64
"""How many page drawings :meth:`QueryCache.memo` keeps."""


def store_version(path: str) -> tuple | None:
    """The version of the store file at ``path``: (inode, size, mtime in ns) of the file and of its
    write-ahead log (None for a log that does not exist); None when the file does not exist or the store is
    in memory."""
    if not path or path == ":memory:":
        return None
    out = []
    for p in (path, path + ".wal"):
        try:
            st = os.stat(p)
        except FileNotFoundError:
            if p == path:
                return None
            out.append(None)
            continue
        out.append((st.st_ino, st.st_size, st.st_mtime_ns))
    return tuple(out)


class QueryCache:
    """Query answers of one store file, valid for one version of it (see the module docstring). Thread-safe."""

    def __init__(self, path: str, max_bytes: int = 64 * 1024 * 1024):
        self.path = path
        self.max_bytes = max_bytes
        self._version: tuple | None = None
        self._answers: OrderedDict[tuple, str] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self._objects: OrderedDict[tuple, Any] = OrderedDict()
        self._objects_version: tuple | None = None
        self.hits = self.misses = 0

    def clear(self) -> None:
        """Drop every answer (the server wrote to the store)."""
        with self._lock:
            self._answers.clear()
            self._bytes = 0
            self._version = None
            self._objects.clear()
            self._objects_version = None

    def memo(self, name: str, build: Callable[..., Any], args: tuple) -> Any:
        """``build(*args)``, kept for the current version of the file: a page's drawing (a timeline chart, the
        actor page's summary), keyed by ``name`` and the ``repr`` of ``args``. The object itself is kept (at
        most :data:`MAX_OBJECTS`, least recently used dropped first): the pages only read it."""
        version = store_version(self.path)
        if version is None:
            return build(*args)
        key = (name, repr(args))
        with self._lock:
            if version != self._objects_version:
                self._objects.clear()
                self._objects_version = version
            if key in self._objects:
                self._objects.move_to_end(key)
                self.hits += 1
                return self._objects[key]
        value = build(*args)
        with self._lock:
            self.misses += 1
            if version == self._objects_version:
                self._objects[key] = value
                while len(self._objects) > MAX_OBJECTS:
                    self._objects.popitem(last=False)
        return value

    def call(self, name: str, method: Callable[..., Any], args: tuple, kwargs: dict) -> Any:
        """``method(*args, **kwargs)`` (store method ``name``), from the cache when the same call was answered
        for the current version of the file. Arguments are keyed by their ``repr`` (an ``EventFilter`` is a
        dataclass: its repr lists every field); an iterator argument (``document_sources`` takes one) is made a
        tuple first."""
        version = store_version(self.path)
        if version is None:
            return method(*args, **kwargs)
        args = tuple(tuple(a) if hasattr(a, "__next__") else a for a in args)
        key = (name, repr(args), repr(sorted(kwargs.items())))
        with self._lock:
            if version != self._version:
                self._answers.clear()
                self._bytes = 0
                self._version = version
            text = self._answers.get(key)
            if text is not None:
                self._answers.move_to_end(key)
                self.hits += 1
        if text is not None:
            return json.loads(text)
        answer = method(*args, **kwargs)
        text = json.dumps(answer, ensure_ascii=False)
        with self._lock:
            self.misses += 1
            if version == self._version and len(text) <= self.max_bytes:
                old = self._answers.pop(key, None)
                self._bytes += len(text) - (len(old) if old else 0)
                self._answers[key] = text
                while self._bytes > self.max_bytes:
                    _, dropped = self._answers.popitem(last=False)
                    self._bytes -= len(dropped)
        return json.loads(text)
