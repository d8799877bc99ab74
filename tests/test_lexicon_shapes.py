"""Frame shapes and parse repairs for French trigger recall (issue 9, breadth): made-up sentences, each test one
mechanism. Unit tests build the parse by hand; the end-to-end ones need the French model."""
from __future__ import annotations

import types

import pytest


def _fr_coder():
    from newsevents.langdata import load_language
    from newsevents.lexicon import Lexicon

    return types.SimpleNamespace(lex=Lexicon.from_data(load_language("fr")))  # the repair reads the lexicon only


def _doc(words, lemmas, pos):
    import spacy
    from spacy.tokens import Doc

    n = len(words)
    return Doc(spacy.blank("fr").vocab, words=words, heads=[1] * n, deps=["dep"] * n, pos=pos, lemmas=lemmas)


def test_present_form_left_by_the_lemmatiser_gets_its_infinitive():
    # "La ministre présente ses excuses": the lemmatiser gave "présente", so the support verb was not seen
    from newsevents.coder import EventCoder

    coder = _fr_coder()
    words = ["La", "ministre", "présente", "ses", "excuses", "et", "tente", "de", "partir", "table"]
    pos = ["DET", "NOUN", "VERB", "DET", "NOUN", "CCONJ", "VERB", "ADP", "VERB", "VERB"]
    lemmas = ["le", "ministre", "présente", "son", "excuse", "et", "tente", "de", "partir", "table"]
    doc = _doc(words, lemmas, pos)
    EventCoder._present_lemmas(coder, doc)
    assert [t.lemma_ for t in doc] == ["le", "ministre", "présenter", "son", "excuse", "et", "tenter", "de",
                                       "partir", "table"]  # "tabler" is no verb the pack knows: left alone


def test_a_noun_is_never_relemmatised():
    from newsevents.coder import EventCoder

    doc = _doc(["une", "présente"], ["un", "présente"], ["DET", "NOUN"])
    EventCoder._present_lemmas(_fr_coder(), doc)
    assert doc[1].lemma_ == "présente"
