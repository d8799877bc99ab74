"""The one on-disk cache mechanism (newsevents.diskcache.cached_build), the garbage collector paused while
long-lived tables are read, and the place records' pickling (constructor calls). No model needed."""
from __future__ import annotations

import gc
import pickle

from newsevents import diskcache
from newsevents.diskcache import CACHE_ENV, cached_build, collector_paused
from newsevents.records import Location


def test_cached_build_reads_what_it_wrote_and_rebuilds_a_bad_or_invalid_file(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    builds = []

    def build():
        builds.append(1)
        return ("Bamako", "Niamey")

    assert cached_build("towns-xx-1", (diskcache,), build, tuple) == ("Bamako", "Niamey") and len(builds) == 1
    [path] = tmp_path.glob("towns-xx-1-*.pickle")
    assert cached_build("towns-xx-1", (diskcache,), build, tuple) == ("Bamako", "Niamey") and len(builds) == 1
    assert cached_build("towns-xx-1", (diskcache,), build, tuple, lambda v: len(v) == 3) and len(builds) == 2
    path.write_bytes(b"not a pickle")
    assert cached_build("towns-xx-1", (diskcache,), build, tuple) == ("Bamako", "Niamey") and len(builds) == 3
    assert cached_build("towns-xx-1", (diskcache,), build, list) == ("Bamako", "Niamey") and len(builds) == 4
    assert cached_build("towns-xx-2", (diskcache,), build, tuple) and len(builds) == 5  # another key


def test_without_source_nothing_is_cached(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    assert cached_build("towns-xx-1", (len,), lambda: ("Lomé",), tuple) == ("Lomé",)  # a builtin has no source
    assert not list(tmp_path.iterdir())


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


def test_a_location_pickles_as_itself():
    place = Location("Bamako", (10, 16), "Bamako", "MLI", 12.65, -8.0, 2460596, "city", "town")
    copy = pickle.loads(pickle.dumps(place, protocol=pickle.HIGHEST_PROTOCOL))
    assert copy == place and copy.precision == "town" and copy.span == (10, 16)


def test_unfreeze_collected_frees_frozen_cycles():
    import weakref

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
    from newsevents.diskcache import unfreeze_collected

    unfreeze_collected()
    assert ref() is None and gc.get_freeze_count() == 0


def test_the_collector_threshold_is_raised_in_nested_blocks_and_restored_by_the_last():
    from newsevents.diskcache import RELAXED_THRESHOLD, collector_relaxed

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
