"""Start-up costs (issue 11): the place index is cached on disk, keyed by what it is built from."""
from __future__ import annotations

from newsevents.langdata import load_language
from newsevents.places import PlaceResolver


def test_the_cached_place_index_is_the_built_one_and_a_bad_cache_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(tmp_path))
    data = load_language("fr")
    built = PlaceResolver(data)
    index = dict(built._ensure_index())
    files = list(tmp_path.glob("places-fr-*.pickle"))
    assert len(files) == 1
    cached = PlaceResolver(data)
    assert cached._ensure_index() == index and cached._strip == built._strip
    assert cached.resolve("en Ukraine").country == "UKR"
    files[0].write_bytes(b"not a pickle")
    rebuilt = PlaceResolver(data)
    assert rebuilt._ensure_index() == index
    assert files[0].read_bytes() != b"not a pickle"  # written again
    other = PlaceResolver(data, min_city_population=5000)  # another key: another file
    assert len(other) > len(index) and len(list(tmp_path.glob("places-fr-*.pickle"))) == 2


def test_a_resolver_loaded_from_the_cache_knows_the_container_nouns(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(tmp_path))
    data = load_language("fr")
    PlaceResolver(data).resolve("Kherson")  # builds the index and writes the cache
    assert list(tmp_path.glob("places-fr-*.pickle"))
    cached = PlaceResolver(data)
    loc = cached.resolve("la région de Kherson")  # "région de" comes from places.yaml, not from the index
    assert loc is not None and (loc.country, loc.feature) == ("UKR", "region")
