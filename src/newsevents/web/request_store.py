"""One database connection per request for the explorer's shared store.

A shared :class:`~newsevents.store.Store` opens a DuckDB connection for every query, so that ``newsevents
ingest`` can write the file between queries. A page makes several queries (a list: the count, the page, the
documents' sources; the actor page about ten), and each paid for opening the file and for a cold cache. Here
the routes see a :class:`RequestStore`: within an HTTP request it is one :class:`Store` on the same file, with
the same access, opened at the first query and closed when the response has been sent
(:class:`RequestConnection`); outside a request it is the shared store itself. The file is still held only
while a request is being answered. :class:`RequestStore` also answers the summary queries from the
explorer's cache (:mod:`newsevents.web.query_cache`) while the file has not changed.
"""
from __future__ import annotations

import threading
from contextvars import ContextVar
from typing import Any

from ..store import Store
from .query_cache import CACHED, QueryCache

__all__ = ["RequestStore", "RequestConnection"]


class _Held:
    """The store of one request, opened on first use (thread-safe: sync routes and their helper threads run
    in worker threads that share the request's context)."""

    def __init__(self, shared: Store):
        self.shared = shared
        self.store: Store | None = None
        self.lock = threading.Lock()

    def get(self) -> Store:
        if self.store is None:
            with self.lock:
                if self.store is None:
                    s = self.shared
                    self.store = Store(s.path, read_only=s.read_only, lock_timeout=s.lock_timeout)
        return self.store

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None


_current: ContextVar[_Held | None] = ContextVar("newsevents_request_store", default=None)


class RequestStore:
    """Stands for ``store``: for a shared store, attribute access goes to the current request's store (one
    connection for the whole request) or, outside a request, to ``store`` itself; a store that holds its
    connection is used as it is. With a ``cache`` (:class:`~newsevents.web.query_cache.QueryCache`), the
    summary queries (:data:`~newsevents.web.query_cache.CACHED`) are answered from it while the file has not
    changed, and :meth:`ingest` clears it."""

    def __init__(self, store: Store, cache: QueryCache | None = None):
        self._shared = store
        self._cache = cache

    def memo(self, name: str, build, *args) -> Any:
        """``build(*args)``, kept by the cache for the current version of the file (built every time without a
        cache): see :meth:`~newsevents.web.query_cache.QueryCache.memo`."""
        return self._cache.memo(name, build, args) if self._cache is not None else build(*args)

    def __getattr__(self, name: str) -> Any:
        held = _current.get() if self._shared.shared else None  # read here: a helper thread has no context

        def resolve():
            return getattr(held.get() if held is not None else self._shared, name)

        cache = self._cache
        if cache is not None and name in CACHED:  # the request's connection is opened only on a miss
            return lambda *args, **kwargs: cache.call(name, lambda *a, **k: resolve()(*a, **k), args, kwargs)
        target = resolve()
        if cache is None:
            return target
        if name == "ingest":
            def ingest(*args, **kwargs):
                try:
                    return target(*args, **kwargs)
                finally:
                    cache.clear()
            return ingest
        return target


class RequestConnection:
    """ASGI middleware: each HTTP request of ``app`` gets its own store on the file of ``store`` (a shared
    :class:`Store`), closed once the response is sent (a streamed download included)."""

    def __init__(self, app, store: Store):
        self.app, self.store = app, store

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        held = _Held(self.store)
        token = _current.set(held)
        try:
            await self.app(scope, receive, send)
        finally:
            _current.reset(token)
            held.close()
