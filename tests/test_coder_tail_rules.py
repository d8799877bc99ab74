"""Rule tests (hand-built Docs, no model) for the coder features the long-tail lexicon relies on: objects hung on a
time word, verb frames that need an adjective on their object, noun frames that need a complement, stative
participles, and verbs the lemmatizer leaves as they are. Sentences are made up; parses are written by hand."""
from __future__ import annotations

import pytest
from test_coder_rules import NoDates, NoPlaces, StubActors, code, dyads

from newsevents.coder import EventCoder
from newsevents.langdata import load_language


@pytest.fixture(scope="module")
def coder():
    """The coder with the stand-in actor resolver of test_coder_rules (no model)."""
    return EventCoder(load_language("fr"), None, actors=StubActors(), dates=NoDates(), places=NoPlaces())


def test_object_hung_on_a_time_word_still_matches_the_frame(coder):
    # Moscou a levé vendredi le blocus .   (the parser makes "blocus" a modifier of "vendredi")
    rows = [("Moscou", "Moscou", "PROPN", "nsubj", 2, ""), ("a", "avoir", "AUX", "aux:tense", 2, ""),
            ("levé", "lever", "VERB", "ROOT", 2, "VerbForm=Part"), ("vendredi", "vendredi", "NOUN", "obl:mod", 2, ""),
            ("le", "le", "DET", "det", 5, ""), ("blocus", "blocus", "NOUN", "nmod", 3, ""),
            (".", ".", "PUNCT", "punct", 2, "")]
    assert [d[:3] for d in dyads(code(coder, rows))] == [("RETREAT", "0872", "RUS")]


def test_a_preposition_phrase_under_the_time_word_is_no_object(coder):
    # Moscou a levé vendredi de blocus .   ("de" is a preposition, not the partitive "des")
    rows = [("Moscou", "Moscou", "PROPN", "nsubj", 2, ""), ("a", "avoir", "AUX", "aux:tense", 2, ""),
            ("levé", "lever", "VERB", "ROOT", 2, "VerbForm=Part"), ("vendredi", "vendredi", "NOUN", "obl:mod", 2, ""),
            ("de", "de", "ADP", "case", 5, ""), ("blocus", "blocus", "NOUN", "nmod", 3, ""),
            (".", ".", "PUNCT", "punct", 2, "")]
    assert code(coder, rows) == []


def _exercises(adjective):
    # Paris a lancé des manœuvres [conjointes] avec Berlin .
    rows = [("Paris", "Paris", "PROPN", "nsubj", 2, ""), ("a", "avoir", "AUX", "aux:tense", 2, ""),
            ("lancé", "lancer", "VERB", "ROOT", 2, "VerbForm=Part"), ("des", "un", "DET", "det", 4, ""),
            ("manœuvres", "manœuvre", "NOUN", "obj", 2, "")]
    if adjective:
        rows.append(("conjointes", "conjoint", "ADJ", "amod", 4, ""))
    n = len(rows)
    rows += [("avec", "avec", "ADP", "case", n + 1, ""), ("Berlin", "Berlin", "PROPN", "obl:mod", 2, ""),
             (".", ".", "PUNCT", "punct", 2, "")]
    return rows


def test_joint_exercises_need_the_adjective_on_the_object(coder):
    joint = dyads(code(coder, _exercises(True)))
    assert {d[:4] for d in joint} == {("COOPERATE", "062", "FRA", "DEU"), ("COOPERATE", "062", "DEU", "FRA")}
    alone = dyads(code(coder, _exercises(False)))
    assert {d[:2] for d in alone} == {("MOBILIZE", "150")}


def test_noun_complement_on_the_support_verb_selects_the_frame(coder):
    # Paris annonce le déploiement de soldats en soutien de Kiev .
    rows = [("Paris", "Paris", "PROPN", "nsubj", 1, ""), ("annonce", "annoncer", "VERB", "ROOT", 1, ""),
            ("le", "le", "DET", "det", 3, ""), ("déploiement", "déploiement", "NOUN", "obj", 1, ""),
            ("de", "de", "ADP", "case", 5, ""), ("soldats", "soldat", "NOUN", "nmod", 3, ""),
            ("en", "en", "ADP", "case", 7, ""), ("soutien", "soutien", "NOUN", "obl:mod", 1, ""),
            ("de", "de", "ADP", "case", 9, ""), ("Kiev", "Kiev", "PROPN", "nmod", 7, ""),
            (".", ".", "PUNCT", "punct", 1, "")]
    assert [d[:4] for d in dyads(code(coder, rows))] == [("AID", "074", "FRA", "UKR")]
    # Paris annonce le déploiement de soldats à Kiev .   (no "en soutien de": a show of force)
    rows = rows[:6] + [("à", "à", "ADP", "case", 7, ""), ("Kiev", "Kiev", "PROPN", "nmod", 3, ""),
                       (".", ".", "PUNCT", "punct", 1, "")]
    assert [d[:4] for d in dyads(code(coder, rows))] == [("MOBILIZE", "154", "FRA", "UKR")]


def test_stative_participle_is_the_subject_s_stance(coder):
    # Berlin est opposé à une médiation russe .
    rows = [("Berlin", "Berlin", "PROPN", "nsubj:pass", 2, ""), ("est", "être", "AUX", "aux:pass", 2, ""),
            ("opposé", "opposer", "VERB", "ROOT", 2, "VerbForm=Part"), ("à", "à", "ADP", "case", 5, ""),
            ("une", "un", "DET", "det", 5, ""), ("médiation", "médiation", "NOUN", "obl:arg", 2, ""),
            ("russe", "russe", "ADJ", "amod", 5, ""), (".", ".", "PUNCT", "punct", 2, "")]
    assert [d[:4] for d in dyads(code(coder, rows))] == [("REJECT", "120", "DEU", "RUS")]


def test_unlemmatized_verb_is_found_by_its_regular_form(coder):
    # Moscou resserre son emprise sur Kiev .   (lemma left as "resserre")
    rows = [("Moscou", "Moscou", "PROPN", "nsubj", 1, ""), ("resserre", "resserre", "VERB", "ROOT", 1, ""),
            ("son", "son", "DET", "det", 3, "Poss=Yes"), ("emprise", "emprise", "NOUN", "obj", 1, ""),
            ("sur", "sur", "ADP", "case", 5, ""), ("Kiev", "Kiev", "PROPN", "obl:arg", 1, ""),
            (".", ".", "PUNCT", "punct", 1, "")]
    assert [d[:4] for d in dyads(code(coder, rows))] == [("ASSAULT", "190", "RUS", "UKR")]
