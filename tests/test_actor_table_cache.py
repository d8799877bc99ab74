"""The actor resolver's compiled surface table is kept in the cache directory, keyed by the language data's
checksum, the spaCy version and the building code (newsevents.actors.ActorResolver._compiled_table). No model needed."""
from __future__ import annotations

import spacy

from newsevents.actors import ActorResolver
from newsevents.diskcache import CACHE_ENV
from newsevents.langdata import load_language


def test_the_compiled_actor_table_is_cached_and_equal_to_a_fresh_build(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    data = load_language("fr")
    nlp = spacy.blank("fr")
    first = ActorResolver(data, nlp=nlp)
    [cached] = tmp_path.glob(f"actors-fr-{data.checksum}-*.pickle")
    second = ActorResolver(data, nlp=nlp)
    fresh = first._build_table(data)
    assert second._candidates == fresh[0] and second._prefixes == fresh[1]
    assert ("macron",) in second._candidates  # a person of lang/fr/actors.yaml
    cached.write_bytes(b"not a pickle")  # an unreadable cache is rebuilt, not an error
    third = ActorResolver(data, nlp=nlp)
    assert third._candidates == fresh[0]


def test_the_known_names_of_the_glue_repair_are_cached_on_disk_and_equal_to_a_fresh_build(tmp_path, monkeypatch):
    from newsevents.actor_data import NAMED_KINDS, _disk_cached, known_names, validate

    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    data = load_language("fr")
    fresh = tuple(sorted({n for n, e in validate(data) if e.kind in NAMED_KINDS and n[:1].isupper()}))
    assert known_names(data) == fresh and "Macron" in " ".join(fresh)
    builds = []

    def build(d):
        builds.append(d.lang)
        return ("Atlanta",)

    assert _disk_cached(data, "test", build) == ("Atlanta",) and builds == ["fr"]
    [cached] = tmp_path.glob(f"actor-test-fr-{data.checksum}-*.pickle")
    assert _disk_cached(data, "test", build) == ("Atlanta",) and builds == ["fr"]  # read, not built again
    cached.write_bytes(b"not a pickle")  # an unreadable cache is rebuilt, not an error
    assert _disk_cached(data, "test", build) == ("Atlanta",) and builds == ["fr", "fr"]
