"""The per-Doc array view (newsevents.docview) gives what spaCy's Token and Span attributes give."""
from __future__ import annotations

import gc

import pytest

spacy = pytest.importorskip("spacy")
from spacy.tokens import Doc  # noqa: E402

from newsevents.docview import (  # noqa: E402
    DocView, build_view, doc_view, drop_view, ents_in, ents_of, view_of,
)

WORDS = ["Le", "porte-parole", "du", "Hamas", ",", "Ali", ",", "a", "rencontré", "hier", "les", "ministres",
         "à", "Paris", ".", "Ils", "ont", "parlé", "."]
SPACES = [True, True, True, False, True, False, True, True, True, True, True, True, True, False, True, True, True,
          False, False]
HEADS = [1, 8, 3, 1, 5, 1, 1, 8, 8, 8, 11, 8, 13, 8, 8, 17, 17, 17, 17]
DEPS = ["det", "nsubj", "case", "nmod", "punct", "appos", "punct", "aux", "ROOT", "obl:mod", "det", "obj", "case",
        "obl", "punct", "nsubj", "aux", "ROOT", "punct"]
POS = ["DET", "NOUN", "ADP", "PROPN", "PUNCT", "PROPN", "PUNCT", "AUX", "VERB", "ADV", "DET", "NOUN", "ADP",
       "PROPN", "PUNCT", "PRON", "AUX", "VERB", "PUNCT"]
ENTS = ["O", "O", "O", "B-ORG", "O", "B-PER", "O", "O", "O", "O", "O", "O", "O", "B-LOC", "O", "O", "O", "O", "O"]


def _doc():
    from spacy.vocab import Vocab

    vocab = Vocab()  # a bare vocabulary: the view needs no language
    sent_starts = [True] + [False] * 14 + [True] + [False] * 3
    return Doc(vocab, words=WORDS, spaces=SPACES, heads=HEADS, deps=DEPS, pos=POS, ents=ENTS,
               sent_starts=sent_starts)


def test_view_matches_tokens():
    doc = _doc()
    view = DocView(doc)
    assert view.heads == [t.head.i for t in doc] == HEADS
    assert view.children == [[c.i for c in t.children] for t in doc]
    assert view.children[8] == [1, 7, 9, 11, 13, 14]
    assert view.deps == DEPS and view.pos == POS
    assert [bool(p) for p in view.punct] == [t.is_punct for t in doc]
    assert view.orths == [t.orth for t in doc]


def test_text_and_offsets_match_spans():
    doc = _doc()
    view = DocView(doc)
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            span = doc[start:end]
            assert view.text(start, end) == (span.text, span.start_char, span.end_char)
    assert view.text(1, 4) == ("porte-parole du Hamas", 3, 24)


def test_entities_once_per_view():
    doc = _doc()
    assert ents_of(doc) == doc.ents  # no view: spaCy's own
    build_view(doc)
    first = ents_of(doc)
    assert first == doc.ents and ents_of(doc) is first  # computed once, then shared
    assert [e.text for e in first] == ["Hamas", "Ali", "Paris"]
    sents = list(doc.sents)
    assert ents_in(sents[0]) == list(sents[0].ents)
    assert ents_in(sents[1]) == list(sents[1].ents) == []
    assert ents_in(doc[4:10]) == list(doc[4:10].ents)


def test_view_lifecycle():
    doc = _doc()
    assert view_of(doc) is None
    view = build_view(doc)
    assert view_of(doc) is view and doc_view(doc) is view
    drop_view(doc)
    assert view_of(doc) is None
    fresh = doc_view(doc)  # built on demand
    assert fresh is not view and view_of(doc) is fresh


def test_view_does_not_keep_its_doc_alive():
    import weakref

    from newsevents import docview

    doc = _doc()
    build_view(doc)
    ref = weakref.ref(doc)
    build_view(_doc())  # another Doc becomes the last one looked up
    del doc
    gc.collect()
    assert ref() is None
    assert all(view is not None for view in docview._VIEWS.values())
