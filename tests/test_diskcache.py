"""The one on-disk cache mechanism (newsevents.diskcache.cached_build) and the place records' pickling
(constructor calls). No model needed."""
from __future__ import annotations

import pickle

from newsevents import diskcache
from newsevents.diskcache import CACHE_ENV, cached_build
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


def test_a_location_pickles_as_itself():
    place = Location("Bamako", (10, 16), "Bamako", "MLI", 12.65, -8.0, 2460596, "city", "town")
    copy = pickle.loads(pickle.dumps(place, protocol=pickle.HIGHEST_PROTOCOL))
    assert copy == place and copy.precision == "town" and copy.span == (10, 16)
