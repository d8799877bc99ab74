"""Who-did-what-to-whom rules of the coder on hand-built parses (no model): the parse repairs and structural
tests that decide actors and recipients. Sentences are made up; their parses are written by hand as
(word, lemma, pos, dep, head index)."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newsevents.coder import EventCoder
from newsevents.langdata import load_language

VOCAB = spacy.blank("fr").vocab


class _Unused:
    def article(self, published):  # pragma: no cover - these tests never code a whole article
        raise AssertionError("not used")


@pytest.fixture(scope="module")
def coder():
    from newsevents.dates import DateResolver

    data = load_language("fr")
    return EventCoder(data, None, actors=_Unused(), dates=DateResolver(data), places=_Unused())


def parse(rows):
    """rows: (word, lemma, pos, dep, head) with 0-based head indices; the root points to itself."""
    return Doc(VOCAB, words=[r[0] for r in rows], lemmas=[r[1] for r in rows], pos=[r[2] for r in rows],
               deps=[r[3] for r in rows], heads=[r[4] for r in rows],
               sent_starts=[True] + [False] * (len(rows) - 1))


def test_object_parsed_under_a_weekday_is_reattached_to_the_verb(coder):
    # Le Pérou a accepté jeudi la demande du Chili .   ("jeudi" mistaken for a clause holding the object)
    doc = parse([("Le", "le", "DET", "det", 1), ("Pérou", "Pérou", "PROPN", "nsubj", 3),
                 ("a", "avoir", "AUX", "aux:tense", 3), ("accepté", "accepter", "VERB", "ROOT", 3),
                 ("jeudi", "jeudi", "NOUN", "xcomp", 3), ("la", "le", "DET", "det", 6),
                 ("demande", "demande", "NOUN", "obj", 4), ("du", "de", "ADP", "case", 8),
                 ("Chili", "Chili", "PROPN", "nmod", 6), (".", ".", "PUNCT", "punct", 3)])
    coder._reattach_weekday_objects(doc)
    assert (doc[6].head.i, doc[6].dep_) == (3, "obj")
    assert doc[4].dep_ == "obl:mod"


def test_day_part_after_a_weekday_stays_on_the_weekday(coder):
    # Le Pérou a rejeté jeudi soir la demande .   ("soir" has no determiner: not an object)
    doc = parse([("Le", "le", "DET", "det", 1), ("Pérou", "Pérou", "PROPN", "nsubj", 3),
                 ("a", "avoir", "AUX", "aux:tense", 3), ("rejeté", "rejeter", "VERB", "ROOT", 3),
                 ("jeudi", "jeudi", "NOUN", "obl:mod", 3), ("soir", "soir", "NOUN", "nmod", 4),
                 ("la", "le", "DET", "det", 7), ("demande", "demande", "NOUN", "obj", 3),
                 (".", ".", "PUNCT", "punct", 3)])
    coder._reattach_weekday_objects(doc)
    assert doc[5].head.i == 4


def test_refusal_reaches_an_act_only_through_verb_complements(coder):
    # Le Mali refuse de condamner l' attaque .  /  Le Mali rejette une demande d' arrêter des opposants .
    doc = parse([("Le", "le", "DET", "det", 1), ("Mali", "Mali", "PROPN", "nsubj", 2),
                 ("refuse", "refuser", "VERB", "ROOT", 2), ("de", "de", "ADP", "mark", 4),
                 ("condamner", "condamner", "VERB", "xcomp", 2), (".", ".", "PUNCT", "punct", 2)])
    assert coder._clausal_complement(doc[4], doc[2])
    doc = parse([("Le", "le", "DET", "det", 1), ("Mali", "Mali", "PROPN", "nsubj", 2),
                 ("rejette", "rejeter", "VERB", "ROOT", 2), ("une", "un", "DET", "det", 4),
                 ("demande", "demande", "NOUN", "obj", 2), ("d'", "de", "ADP", "mark", 6),
                 ("arrêter", "arrêter", "VERB", "acl", 4), (".", ".", "PUNCT", "punct", 2)])
    assert not coder._clausal_complement(doc[6], doc[2])


def test_participle_modifying_a_noun_is_a_modifier_not_an_infinitive_complement(coder):
    # Le Liban rejette l' exigence de respecter les accords conclus avec la Syrie .
    rows = [("Le", "le", "DET", "det", 1), ("Liban", "Liban", "PROPN", "nsubj", 2),
            ("rejette", "rejeter", "VERB", "ROOT", 2), ("l'", "le", "DET", "det", 4),
            ("exigence", "exigence", "NOUN", "obj", 2), ("de", "de", "ADP", "mark", 6),
            ("respecter", "respecter", "VERB", "acl", 4), ("les", "le", "DET", "det", 8),
            ("accords", "accord", "NOUN", "obj", 6), ("conclus", "conclure", "VERB", "acl", 8),
            ("avec", "avec", "ADP", "case", 12), ("la", "le", "DET", "det", 12),
            ("Syrie", "Syrie", "PROPN", "obl:arg", 9), (".", ".", "PUNCT", "punct", 2)]
    doc = Doc(VOCAB, words=[r[0] for r in rows], lemmas=[r[1] for r in rows], pos=[r[2] for r in rows],
              deps=[r[3] for r in rows], heads=[r[4] for r in rows],
              morphs=["VerbForm=Inf" if r[0] == "respecter" else "VerbForm=Part" if r[0] == "conclus" else ""
                      for r in rows], sent_starts=[True] + [False] * (len(rows) - 1))
    assert coder._under_modifier(doc[9], doc[2])  # "conclus avec la Syrie" describes the agreements
    assert not coder._under_modifier(doc[6], doc[2])  # "de respecter" is what is demanded


def test_noun_phrase_after_a_weekday_with_no_subject_before_the_verb_stays(coder):
    # Ont manifesté dimanche les habitants .   (an inverted subject, not an object)
    doc = parse([("Ont", "avoir", "AUX", "aux:tense", 1), ("manifesté", "manifester", "VERB", "ROOT", 1),
                 ("dimanche", "dimanche", "NOUN", "obl:mod", 1), ("les", "le", "DET", "det", 4),
                 ("habitants", "habitant", "NOUN", "nmod", 2), (".", ".", "PUNCT", "punct", 1)])
    coder._reattach_weekday_objects(doc)
    assert doc[4].head.i == 2
