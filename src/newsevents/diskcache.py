"""Derived data cached on disk as pickles, keyed by what they are built from (the place index, large language
data files, the actor table, the names of the glue repair). A cache that cannot be read or written is ignored:
the caller builds the data again. :func:`cached_build` is the one mechanism for data built by our own code: its
file name holds what the data depends on and a digest of the building code."""
from __future__ import annotations

import logging
import os
import pickle
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar

from .collector import collector_paused

log = logging.getLogger(__name__)

T = TypeVar("T")

CACHE_ENV = "NEWSEVENTS_CACHE_DIR"
"""Environment variable naming the cache folder."""


def cache_dir() -> Path:
    """``$NEWSEVENTS_CACHE_DIR``, else ``platformdirs.user_cache_dir("newsevents")``: derived data that is
    rebuilt when missing (the place index)."""
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("newsevents"))


def read_cached(path: Path, kind: type) -> Any | None:
    """The object pickled at ``path`` when it is a ``kind``, else None (missing, unreadable or of another type:
    logged at debug level). Only files this package wrote under a content-keyed name are read."""
    try:
        with collector_paused(), open(path, "rb") as f:
            found = pickle.load(f)  # noqa: S301 (our own file, keyed by content)
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError) as exc:
        log.debug("cache %s not used: %s", path, exc)
        return None
    if not isinstance(found, kind):
        log.debug("cache %s not used: not a %s", path, kind.__name__)
        return None
    return found


def write_cached(path: Path, value: Any) -> None:
    """Pickle ``value`` to ``path`` through a temporary file renamed into place (readers never see half a
    file); an I/O error is logged at debug level and otherwise ignored."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError as exc:
        log.debug("cache %s not written: %s", path, exc)


def code_digest(sources: Iterable[Any]) -> str | None:
    """The first 12 hex digits of the SHA-256 of the source code of ``sources`` (modules, classes or
    functions), or None when a source is not shipped (no way then to tell a stale cache from a good one)."""
    import hashlib
    import inspect

    digest = hashlib.sha256()
    try:
        for source in sources:
            digest.update(inspect.getsource(source).encode("utf-8"))
    except (OSError, TypeError):
        return None
    return digest.hexdigest()[:12]


def cached_build(name: str, sources: Iterable[Any], build: Callable[[], T], kind: type,
                 valid: Callable[[Any], bool] = lambda value: True) -> T:
    """``build()``, kept in :func:`cache_dir` as ``<name>-<code digest>.pickle``: ``name`` says what the value
    is built from (e.g. ``actors-es-<language data checksum>-<spaCy version>``), the digest is
    :func:`code_digest` of ``sources``, the code that builds it (a change of either builds afresh). A cached
    value is used when it is a ``kind`` and ``valid(value)``; otherwise (missing, unreadable, stale) the value
    is built and written. With no source shipped, the value is built every time and nothing is written."""
    digest = code_digest(sources)
    if digest is None:
        return build()
    path = cache_dir() / f"{name}-{digest}.pickle"
    cached = read_cached(path, kind)
    if cached is not None and valid(cached):
        return cached
    value = build()
    write_cached(path, value)
    return value
