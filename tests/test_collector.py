"""The garbage collector held back (newsevents.collector): paused while long-lived tables are read, frozen objects
given back, the first-generation threshold raised while documents are coded. No model needed."""
from __future__ import annotations

import gc
import weakref

from newsevents.collector import RELAXED_THRESHOLD, collector_paused, collector_relaxed, unfreeze_collected


def test_the_collector_is_paused_in_the_block_and_restored_after():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block does not restart it
    assert gc.isenabled()
    before = gc.get_freeze_count()
    try:
        with collector_paused(freeze=True):
            kept = [[i] for i in range(1000)]
        assert gc.get_freeze_count() >= before + 1000 and kept
    finally:
        gc.unfreeze()


def test_unfreeze_collected_frees_frozen_cycles():
    class Node:
        pass

    node = Node()
    node.me = node  # a cycle: only the collector frees it
    ref = weakref.ref(node)
    with collector_paused(freeze=True):
        pass
    del node
    gc.collect()
    assert ref() is not None  # frozen: out of the collector's reach
    unfreeze_collected()
    assert ref() is None and gc.get_freeze_count() == 0


def test_the_collector_threshold_is_raised_in_nested_blocks_and_restored_by_the_last():
    before = gc.get_threshold()
    gc.set_threshold(700, *before[1:])
    try:
        with collector_relaxed():
            assert gc.get_threshold()[0] == RELAXED_THRESHOLD
            assert gc.get_threshold()[1:] == before[1:]
            with collector_relaxed():
                assert gc.get_threshold()[0] == RELAXED_THRESHOLD
            assert gc.get_threshold()[0] == RELAXED_THRESHOLD  # the inner block does not restore
        assert gc.get_threshold() == (700, *before[1:])
        try:
            with collector_relaxed():
                raise KeyError("x")
        except KeyError:
            pass
        assert gc.get_threshold() == (700, *before[1:])  # restored after an error too
        gc.set_threshold(50_000, *before[1:])
        with collector_relaxed():
            assert gc.get_threshold()[0] == 50_000  # never lowered
        assert gc.get_threshold()[0] == 50_000
    finally:
        gc.set_threshold(*before)
