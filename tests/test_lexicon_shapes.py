"""Frame shapes and parse repairs for French trigger recall (issue 9, breadth): made-up sentences, each test one
mechanism. Unit tests build the parse by hand; the end-to-end ones need the French model."""
from __future__ import annotations

import types

import pytest

from coding import sentence_table_test


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


def test_participle_after_an_auxiliary_is_a_verb_whatever_its_tag():
    # "Matignon a rétropédalé": the tagger made the participle a proper noun; after a tense auxiliary that hangs
    # on it, it can only be a verb. A copula is no auxiliary: "le policier est violent" stays an adjective.
    import spacy
    from spacy.tokens import Doc

    from newsevents.engine.candidates import Candidates

    coder = _fr_coder()
    vocab = spacy.blank("fr").vocab
    doc = Doc(vocab, words=["Matignon", "a", "rétropédalé"], heads=[2, 2, 2], deps=["nsubj", "aux:tense", "ROOT"],
              pos=["PROPN", "AUX", "PROPN"])
    assert Candidates._after_auxiliary(coder, doc[2])
    doc = Doc(vocab, words=["le", "policier", "est", "violent"], heads=[1, 3, 3, 3],
              deps=["det", "nsubj", "cop", "ROOT"], pos=["DET", "NOUN", "AUX", "ADJ"])
    assert not Candidates._after_auxiliary(coder, doc[3])


SENTENCES = [
    # anger caused by something: the angered party (the noun's "de" complement) disapproves (CAMEO 111)
    ("La visite du président chinois a suscité l'indignation des ONG françaises.", "indignation", "ACCUSE",
     "111", "FRA", None),
    # dismissing an official (CAMEO 172)
    ("Le président tunisien a limogé le chef de la police.", "limogé", "COERCE", "172", "TUN", None),
    ("Le chef de la police tunisienne a été démis de ses fonctions.", "démis", "COERCE", "172", None, "TUN"),
]


test_sentence_codes_the_expected_event = sentence_table_test(SENTENCES)


def test_participle_the_parser_hung_on_its_auxiliary_becomes_the_head():
    # "pour avoir violé une femme": "violé" tagged an adverb of the verb "avoir", which took the object
    import spacy
    from spacy.tokens import Doc

    from newsevents.coder import EventCoder

    words = ["pour", "avoir", "violé", "une", "femme"]
    doc = Doc(spacy.blank("fr").vocab, words=words, heads=[1, 1, 1, 4, 1],
              deps=["mark", "ROOT", "advmod", "det", "obj"], pos=["ADP", "VERB", "ADV", "DET", "NOUN"],
              lemmas=["pour", "avoir", "violé", "un", "femme"])
    EventCoder._participle_heads(_fr_coder(), doc)
    assert (doc[2].pos_, doc[2].lemma_, doc[2].dep_, doc[2].head.i) == ("VERB", "violer", "ROOT", 2)
    assert (doc[1].head.i, doc[1].dep_) == (2, "aux:tense")
    assert doc[4].head.i == 2 and doc[0].head.i == 2
    # a noun after "avoir" is its object, not a participle ("a besoin de"): left alone
    doc = Doc(spacy.blank("fr").vocab, words=["il", "a", "besoin"], heads=[1, 1, 1], deps=["nsubj", "ROOT", "obj"],
              pos=["PRON", "VERB", "NOUN"])
    EventCoder._participle_heads(_fr_coder(), doc)
    assert doc[2].head.i == 1


def test_participle_tagged_a_noun_that_heads_a_clause_or_has_an_agent_is_a_verb():
    # "Emprisonné depuis mai, il ...": tagged a noun, parsed as an adverbial clause; "violenté par des
    # manifestants": an agent. A noun in "é" without either ("le comité") is left alone.
    import spacy
    from spacy.tokens import Doc

    from newsevents.engine.candidates import Candidates

    coder = _fr_coder()
    coder._case_of = lambda tok: next((c.lower_ for c in tok.children if c.dep_ == "case"), None)
    vocab = spacy.blank("fr").vocab
    doc = Doc(vocab, words=["Emprisonné", "depuis", "mai", ",", "il", "proteste"], heads=[5, 2, 0, 5, 5, 5],
              deps=["advcl", "case", "obl:mod", "punct", "nsubj", "ROOT"],
              pos=["NOUN", "ADP", "NOUN", "PUNCT", "PRON", "VERB"])
    assert Candidates._clausal_participle(coder, doc[0])
    doc = Doc(vocab, words=["le", "commandant", "violenté", "par", "des", "manifestants"], heads=[1, 1, 1, 5, 5, 2],
              deps=["det", "ROOT", "amod", "case", "det", "obl:agent"],
              pos=["DET", "NOUN", "ADJ", "ADP", "DET", "NOUN"])
    assert Candidates._clausal_participle(coder, doc[2])
    doc = Doc(vocab, words=["le", "comité", "de", "Paris"], heads=[1, 1, 3, 1], deps=["det", "ROOT", "case", "nmod"],
              pos=["DET", "NOUN", "ADP", "PROPN"])
    assert not Candidates._clausal_participle(coder, doc[1])


def test_object_parsed_as_a_conjunct_of_the_weekday_is_reattached():
    # "a reçu mercredi, la présidente du parti": the object parsed as a conjunct of the weekday
    import spacy
    from spacy.tokens import Doc

    from newsevents.coder import EventCoder

    fake = types.SimpleNamespace(dates=types.SimpleNamespace(is_day_word=lambda w: w in ("mercredi", "jeudi")),
                                 lex=_fr_coder().lex, _reporting=frozenset())
    words = ["Il", "a", "reçu", "mercredi", ",", "la", "présidente"]
    heads, pos = [2, 2, 2, 2, 6, 6, 3], ["PRON", "AUX", "VERB", "NOUN", "PUNCT", "DET", "NOUN"]
    deps = ["nsubj", "aux:tense", "ROOT", "obl:mod", "punct", "det", "conj"]
    doc = Doc(spacy.blank("fr").vocab, words=words, heads=heads, deps=deps, pos=pos)
    EventCoder._reattach_weekday_objects(fake, doc)
    assert (doc[6].head.i, doc[6].dep_) == (2, "obj")
    # another day is no object: "mercredi, le jeudi"
    words[6] = "jeudi"
    doc = Doc(spacy.blank("fr").vocab, words=words, heads=heads, deps=deps, pos=pos)
    EventCoder._reattach_weekday_objects(fake, doc)
    assert doc[6].head.i == 3
