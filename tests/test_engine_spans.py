"""Evidence spans are whole phrases (issue 9, item 6): rule tests on hand-built parses, no model needed.

An event's span never ends on a preposition, a determiner, a conjunction or punctuation, nor starts on
punctuation: a function word at the end is followed to the word its phrase is about, else trimmed away.
"""
from __future__ import annotations

import pytest
from test_coder_rules import NoDates, NoPlaces, StubActors, parse

from newsevents.coder import EventCoder
from newsevents.engine.spans import FUNCTION, whole_phrase
from newsevents.langdata import load_language
from newsevents.records import Article


@pytest.fixture(scope="module")
def coder():
    return EventCoder(load_language("fr"), None, actors=StubActors(), dates=NoDates(), places=NoPlaces())


def text(first, last):
    return first.doc[first.i:last.i + 1].text


def test_span_cut_inside_a_phrase_reaches_its_noun(coder):
    # Paris a promis une riposte militaire contre la Russie . (the object's phrase used to stop at "la")
    rows = [("Paris", "Paris", "PROPN", "nsubj", 2, ""), ("a", "avoir", "AUX", "aux:tense", 2, ""),
            ("promis", "promettre", "VERB", "ROOT", 2, ""), ("une", "un", "DET", "det", 4, ""),
            ("riposte", "riposte", "NOUN", "obj", 2, ""), ("militaire", "militaire", "ADJ", "amod", 4, ""),
            ("contre", "contre", "ADP", "case", 8, ""), ("la", "le", "DET", "det", 8, ""),
            ("Russie", "Russie", "PROPN", "nmod", 4, ""), (".", ".", "PUNCT", "punct", 2, "")]
    doc = parse(rows)
    events = coder.code(Article("t", doc.text, "2024-03-10"), [(0, doc)])
    assert events
    for event in events:
        assert event.event_text == "a promis une riposte militaire contre la Russie"
        assert doc.text[event.event_span[0]:event.event_span[1]] == event.event_text


def test_function_word_whose_head_is_too_far_is_trimmed():
    # Kiev dénonce l' attaque contre les très nombreux et anciens dépôts de la ville .
    rows = [("Kiev", "Kiev", "PROPN", "nsubj", 1, ""), ("dénonce", "dénoncer", "VERB", "ROOT", 1, ""),
            ("l'", "le", "DET", "det", 3, ""), ("attaque", "attaque", "NOUN", "obj", 1, ""),
            ("contre", "contre", "ADP", "case", 10, ""), ("les", "le", "DET", "det", 10, ""),
            ("très", "très", "ADV", "advmod", 7, ""), ("nombreux", "nombreux", "ADJ", "amod", 10, ""),
            ("et", "et", "CCONJ", "cc", 9, ""), ("anciens", "ancien", "ADJ", "conj", 7, ""),
            ("dépôts", "dépôt", "NOUN", "nmod", 3, ""), (".", ".", "PUNCT", "punct", 1, "")]
    doc = parse(rows)
    assert text(*whole_phrase(doc[1], doc[5], doc[1])) == "dénonce l' attaque"  # "dépôts" is 5 tokens away
    assert text(*whole_phrase(doc[1], doc[8], doc[1])) == "dénonce l' attaque contre les très nombreux et anciens"
    assert text(*whole_phrase(doc[1], doc[6], doc[1])) == "dénonce l' attaque contre les très"


def test_trailing_and_leading_punctuation_is_trimmed_but_never_the_trigger():
    # « Paris condamne , » dit - il .
    rows = [("«", "«", "PUNCT", "punct", 2, ""), ("Paris", "Paris", "PROPN", "nsubj", 2, ""),
            ("condamne", "condamner", "VERB", "ROOT", 2, ""), (",", ",", "PUNCT", "punct", 2, ""),
            ("»", "»", "PUNCT", "punct", 2, "")]
    doc = parse(rows)
    assert text(*whole_phrase(doc[0], doc[4], doc[2])) == "Paris condamne"
    assert text(*whole_phrase(doc[2], doc[2], doc[2])) == "condamne"


def test_function_word_hanging_before_it_is_trimmed():
    # Paris accuse la , hier .  (a broken parse: the determiner hangs on the verb before it)
    rows = [("Paris", "Paris", "PROPN", "nsubj", 1, ""), ("accuse", "accuser", "VERB", "ROOT", 1, ""),
            ("la", "le", "DET", "det", 1, ""), (",", ",", "PUNCT", "punct", 1, ""),
            ("hier", "hier", "ADV", "advmod", 1, ""), (".", ".", "PUNCT", "punct", 1, "")]
    doc = parse(rows)
    first, last = whole_phrase(doc[1], doc[3], doc[1])
    assert text(first, last) == "accuse" and last.pos_ not in FUNCTION
