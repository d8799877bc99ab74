"""The per-Doc arrays add_doc reads instead of spaCy Tokens give what the Tokens give."""
import spacy

from newsevents.actor_data import fold, fold_orths, sentence_starts


def _doc(words, starts=None):
    nlp = spacy.blank("fr")
    return spacy.tokens.Doc(nlp.vocab, words=words, sent_starts=starts)


def test_fold_orths_folds_each_word_and_memoises():
    doc = _doc(["Le", "Président", "ÉLYSÉE", "cœur", "Le"])
    memo: dict[int, str] = {}
    words = fold_orths(doc.to_array("ORTH").tolist(), doc.vocab.strings, memo)
    assert words == ["le", "president", "elysee", "coeur", "le"]
    assert words == [fold(t.text) for t in doc]
    assert len(memo) == 4  # "Le" folded once
    memo[doc[0].orth] = "memoised"
    assert fold_orths(doc.to_array("ORTH").tolist(), doc.vocab.strings, memo)[0] == "memoised"


def test_sentence_starts_equal_each_tokens_sentence():
    doc = _doc(["Il", "part", ".", "Elle", "reste", "ici", "."], [True, False, False, True, False, False, False])
    assert sentence_starts(doc) == [t.sent.start_char for t in doc] == [0, 0, 0, 10, 10, 10, 10]


def test_sentence_starts_empty_without_boundaries():
    assert sentence_starts(_doc(["Il", "part"])) == []
