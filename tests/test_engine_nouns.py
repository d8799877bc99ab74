"""Event nouns on hand-built parses (no model): whose is the "de" complement."""
from __future__ import annotations

import pytest

from newsevents.coder import EventCoder
from newsevents.langdata import load_language
from newsevents.records import Article, Entity

from test_coder_rules import ACTORS, NoDates, NoPlaces, StubActors, StubContext, parse

UNDERGOERS = {"hôpital": ("---", "HLH"), "civils": ("---", "CVL")}


class Context(StubContext):
    def resolve(self, tok):
        for t in tok.subtree:
            if t.lower_ in UNDERGOERS:
                code, sector = UNDERGOERS[t.lower_]
                return (Entity(code, sector, t.text, (t.idx, t.idx + len(t.text))),)
        return super().resolve(tok)


class Actors(StubActors):
    def article(self, published):
        return Context()


@pytest.fixture(scope="module")
def coder():
    return EventCoder(load_language("fr"), None, actors=Actors(), dates=NoDates(), places=NoPlaces())


def code(coder, rows):
    doc = parse(rows)
    return [(e.event_type, [a.sector for a in e.actor], [r.sector for r in e.recipient])
            for e in coder.code(Article("t", doc.text, "2024-03-10"), [(0, doc)])]


def test_the_hospital_a_bombing_hits_is_never_its_actor(coder):
    # Le bombardement de l' hôpital a fait dix morts .  ("bombardement": de = actor in the lexicon)
    rows = [("Le", "le", "DET", "det", 1, ""), ("bombardement", "bombardement", "NOUN", "nsubj", 6, ""),
            ("de", "de", "ADP", "case", 4, ""), ("l'", "le", "DET", "det", 4, ""),
            ("hôpital", "hôpital", "NOUN", "nmod", 1, ""), ("a", "avoir", "AUX", "aux:tense", 6, ""),
            ("fait", "faire", "VERB", "ROOT", 6, ""), ("dix", "dix", "NUM", "nummod", 8, ""),
            ("morts", "mort", "NOUN", "obj", 6, ""), (".", ".", "PUNCT", "punct", 6, "")]
    assert all("HLH" not in actors for _, actors, _ in code(coder, rows))


def test_the_de_complement_of_an_attack_by_an_armed_group_stays_its_actor(coder):
    # Le bombardement de la Russie a fait dix morts .
    rows = [("Le", "le", "DET", "det", 1, ""), ("bombardement", "bombardement", "NOUN", "nsubj", 6, ""),
            ("de", "de", "ADP", "case", 4, ""), ("la", "le", "DET", "det", 4, ""),
            ("Russie", "Russie", "PROPN", "nmod", 1, ""), ("a", "avoir", "AUX", "aux:tense", 6, ""),
            ("fait", "faire", "VERB", "ROOT", 6, ""), ("dix", "dix", "NUM", "nummod", 8, ""),
            ("morts", "mort", "NOUN", "obj", 6, ""), (".", ".", "PUNCT", "punct", 6, "")]
    events = code(coder, rows)
    assert events and events[0][0] == "ASSAULT"
