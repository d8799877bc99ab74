"""One database connection per request for the explorer's shared store.

A shared :class:`~newsevents.store.Store` opens a DuckDB connection for every query, so that ``newsevents
ingest`` can write the file between queries. A page makes several queries (a list: the count, the page, the
documents' sources; the actor page about ten), and each paid for opening the file and for a cold cache. Here
the routes see a :class:`RequestStore`: within an HTTP request it is one :class:`Store` on the same file, with
the same access, opened at the first query and closed when the response has been sent
(:class:`RequestConnection`); outside a request it is the shared store itself. The file is still held only
while a request is being answered.
"""
from __future__ import annotations

import threading
from contextvars import ContextVar
from typing import Any

from ..store import Store

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
    """Stands for a shared ``store``: attribute access goes to the current request's store (one connection
    for the whole request) or, outside a request, to ``store`` itself."""

    def __init__(self, store: Store):
        self._shared = store

    def __getattr__(self, name: str) -> Any:
        held = _current.get()
        return getattr(held.get() if held is not None else self._shared, name)


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
