"""Python's cyclic garbage collector held back while long-lived tables are read or built and while documents are
parsed and coded: :func:`collector_paused` (paused, optionally freezing what was made), :func:`unfreeze_collected`
(frozen objects given back), :func:`collector_relaxed` (the first-generation threshold raised). None of them
changes a result, only the time spent walking objects (docs/performance.md, sessions 7 and 9)."""
from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from typing import Iterator

_NEVER = 2 ** 30
"""A first-generation threshold of the garbage collector that is never reached in practice."""


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
