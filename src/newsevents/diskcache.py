"""Derived data cached on disk as pickles, keyed by what they are built from (the place index, large language
data files, the actor table, the names of the glue repair). A cache that cannot be read or written is ignored:
the caller builds the data again. :func:`cached_build` is the one mechanism for data built by our own code: its
file name holds what the data depends on and a digest of the building code."""
from __future__ import annotations

import gc
import logging
import os
import pickle
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

_NEVER = 2 ** 30
"""A first-generation threshold of the garbage collector that is never reached in practice."""

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


@contextmanager
def collector_paused(freeze: bool = False) -> Iterator[None]:
    """Run the block with Python's cyclic garbage collector paused (when it was running): reading or building
    large long-lived tables (the actor table, the place index: hundreds of thousands of objects) otherwise
    makes the collector walk every object made so far again and again, which took twice the time of the
    reading itself. ``freeze``: when the block ends without error, move every object there is into the
    collector's permanent generation (``gc.freeze``), so that no later collection walks these tables again;
    :func:`unfreeze_collected` gives them back (a new pipeline and
    :func:`newsevents.pipeline.release_memory` call it first, so a dropped pipeline's cycles never stay)."""
    running, thresholds = gc.isenabled(), gc.get_threshold()
    gc.disable()
    gc.set_threshold(_NEVER, *thresholds[1:])  # for code that turns it back on (srsly's msgpack reader does)
    try:
        yield
        if freeze:
            gc.freeze()
    finally:
        gc.set_threshold(*thresholds)
        if running:
            gc.enable()


RELAXED_THRESHOLD = 20_000
"""First-generation threshold of the garbage collector while documents are parsed and coded
(:func:`collector_relaxed`); Python's default is 700."""

_relaxed = {"depth": 0, "saved": None}
_relaxed_lock = threading.Lock()


@contextmanager
def collector_relaxed(threshold: int = RELAXED_THRESHOLD) -> Iterator[None]:
    """Run the block with the garbage collector's first-generation threshold raised to at least ``threshold``
    (allocations of container objects between two young collections). Parsing and coding allocate many
    short-lived objects: at the default threshold of 700 the collector ran several hundred times over 2,000
    short items, and each full collection walked every live Doc and result (a few percent of the time of
    ``extract``). Objects are freed as before when their last reference goes; cyclic garbage waits a little
    longer. Nested and concurrent blocks (threads) share one raise: the first to enter saves the thresholds and
    the last to leave restores them. Results do not depend on it."""
    state = _relaxed
    with _relaxed_lock:
        if state["depth"] == 0:
            saved = gc.get_threshold()
            state["saved"] = saved
            if saved[0] < threshold:
                gc.set_threshold(threshold, *saved[1:])
        state["depth"] += 1
    try:
        yield
    finally:
        with _relaxed_lock:
            state["depth"] -= 1
            if state["depth"] == 0 and state["saved"] is not None:
                gc.set_threshold(*state["saved"])
                state["saved"] = None


def unfreeze_collected() -> None:
    """When objects were frozen (:func:`collector_paused`), return them to the collector and collect once:
    cyclic garbage frozen with them (an earlier pipeline's model, dropped since) is freed. Nothing to do, and
    no collection, when nothing is frozen."""
    if gc.get_freeze_count():
        gc.unfreeze()
        gc.collect()


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
