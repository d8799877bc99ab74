"""Rule tests (hand-built Docs, no model) for recall rules whose parse errors the real model does not reproduce on
every sentence. Sentences are made up; parses are written by hand as the parser got similar ones wrong."""
from __future__ import annotations

import pytest
from test_coder_rules import NoDates, NoPlaces, StubActors, code, dyads, parse

from newsevents.coder import EventCoder
from newsevents.dates import TimeExpression
from newsevents.langdata import load_language


class DayWords(NoDates):
    """Finds the day names of the text as day expressions (the date resolver without its model of dates)."""

    def find(self, text, published, start=0, end=None, **kwargs):
        out = []
        for day in ("lundi", "dimanche"):
            at = text.find(day, start, end)
            if at >= 0:
                out.append(TimeExpression((at, at + len(day)), day, published, "day"))
        return out


@pytest.fixture(scope="module")
def coder():
    """The coder with the stand-in actor resolver of test_coder_rules (no model)."""
    return EventCoder(load_language("fr"), None, actors=StubActors(), dates=DayWords(), places=NoPlaces())


def test_attack_noun_whose_killing_verb_was_parsed_as_its_clause(coder):
    # Un attentat près de Samarra a tué dimanche des manifestants , a indiqué la police .
    # (the parser hangs "a tué" on "attentat" as an acl, takes "Samarra" for its subject and the incise for the root)
    rows = [("Un", "un", "DET", "det", 1, ""), ("attentat", "attentat", "NOUN", "nsubj", 12, ""),
            ("près", "près", "ADP", "case", 4, ""), ("de", "de", "ADP", "fixed", 2, ""),
            ("Samarra", "Samarra", "PROPN", "nsubj", 6, ""), ("a", "avoir", "AUX", "aux:tense", 6, "VerbForm=Fin"),
            ("tué", "tuer", "VERB", "acl", 1, "VerbForm=Part|Tense=Past"), ("dimanche", "dimanche", "NOUN", "obl:mod",
                                                                             6, ""),
            ("des", "un", "DET", "det", 9, ""), ("manifestants", "manifestant", "NOUN", "obj", 6, ""),
            (",", ",", "PUNCT", "punct", 12, ""), ("a", "avoir", "AUX", "aux:tense", 12, ""),
            ("indiqué", "indiquer", "VERB", "ROOT", 12, "VerbForm=Part"), ("la", "le", "DET", "det", 14, ""),
            ("police", "police", "NOUN", "nsubj", 12, ""), (".", ".", "PUNCT", "punct", 12, "")]
    assert [d[:4] for d in dyads(code(coder, rows))] == [("ASSAULT", "190", None, "---")]


def test_finite_verb_hung_as_clause_of_its_subject_becomes_the_root(coder):
    # Le président de Moscou au pouvoir appelle Paris au calme .
    # (the parser hangs the main verb on "pouvoir" as a noun's clause and makes "président" the root)
    rows = [("Le", "le", "DET", "det", 1, ""), ("président", "président", "NOUN", "ROOT", 1, ""),
            ("de", "de", "ADP", "case", 3, ""), ("Moscou", "Moscou", "PROPN", "nmod", 1, ""),
            ("au", "au", "ADP", "case", 5, ""), ("pouvoir", "pouvoir", "NOUN", "nmod", 1, ""),
            ("appelle", "appeler", "VERB", "acl", 5, "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"),
            ("Paris", "Paris", "PROPN", "obj", 6, ""), ("au", "au", "ADP", "case", 9, ""),
            ("calme", "calme", "NOUN", "obl:arg", 6, ""), (".", ".", "PUNCT", "punct", 1, "")]
    assert [d[:4] for d in dyads(code(coder, rows))] == [("REQUEST", "100", "RUS", "FRA")]


def test_partitive_subject_after_a_fronted_place_is_the_subject(coder):
    # En Russie , des manifestants dénoncent Moscou .
    # (the parser reads "des" as a preposition and hangs "manifestants" on "Russie")
    rows = [("En", "en", "ADP", "case", 1, ""), ("Russie", "Russie", "PROPN", "obl:mod", 5, ""),
            (",", ",", "PUNCT", "punct", 1, ""), ("des", "de", "ADP", "case", 4, ""),
            ("manifestants", "manifestant", "NOUN", "nmod", 1, ""),
            ("dénoncent", "dénoncer", "VERB", "ROOT", 5, "Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin"),
            ("Moscou", "Moscou", "PROPN", "obj", 5, ""), (".", ".", "PUNCT", "punct", 5, "")]
    events = code(coder, rows)
    assert [(e.event_type, e.actor[0].sector if e.actor else None) for e in events] == [("ACCUSE", "CVL")]


def test_a_day_parsed_as_the_object_of_an_intransitive_verb_is_its_time(coder):
    # Des manifestants ont manifesté lundi à Moscou .
    # (the parser makes "lundi" the object of "manifesté", which the intransitive protest frame does not list)
    rows = [("Des", "un", "DET", "det", 1, ""), ("manifestants", "manifestant", "NOUN", "nsubj", 3, ""),
            ("ont", "avoir", "AUX", "aux:tense", 3, "Mood=Ind|VerbForm=Fin"),
            ("manifesté", "manifester", "VERB", "ROOT", 3, "VerbForm=Part"), ("lundi", "lundi", "NOUN", "obj", 3, ""),
            ("à", "à", "ADP", "case", 6, ""), ("Moscou", "Moscou", "PROPN", "obl:mod", 3, ""),
            (".", ".", "PUNCT", "punct", 3, "")]
    events = code(coder, rows)
    assert [(e.event_type, e.actor[0].sector if e.actor else None) for e in events] == [("PROTEST", "CVL")]


def test_a_date_expression_parsed_as_an_object_is_relabelled_but_a_real_object_is_not(coder):
    # Moscou a critiqué dimanche Paris .   /   Moscou a critiqué le dimanche .
    # (the date resolver finds "dimanche"; "Paris" is no date and stays the object)
    doc = parse([("Moscou", "Moscou", "PROPN", "nsubj", 2, ""), ("a", "avoir", "AUX", "aux:tense", 2, ""),
                 ("critiqué", "critiquer", "VERB", "ROOT", 2, "VerbForm=Part"), ("le", "le", "DET", "det", 4, ""),
                 ("dimanche", "dimanche", "NOUN", "obj", 2, ""), ("Paris", "Paris", "PROPN", "obj", 2, "")])
    coder._date_objects(doc)
    assert [t.dep_ for t in doc][3:] == ["det", "obl:mod", "obj"]


COORDINATED_ROOT = [  # La Russie et Kiev ont signé un accord .
    # (the parser makes "Russie" the root, "signé" its conjunct with "Kiev" as subject, "accord" a noun modifier)
    ("La", "le", "DET", "det", 1, ""), ("Russie", "Russie", "PROPN", "ROOT", 1, ""), ("et", "et", "CCONJ", "cc", 5, ""),
    ("Kiev", "Kiev", "PROPN", "nsubj", 5, ""), ("ont", "avoir", "AUX", "aux:tense", 5, "Mood=Ind|VerbForm=Fin"),
    ("signé", "signer", "VERB", "conj", 1, "VerbForm=Part"), ("un", "un", "DET", "det", 7, ""),
    ("accord", "accord", "NOUN", "nmod", 1, ""), (".", ".", "PUNCT", "punct", 1, "")]


def test_a_coordinated_subject_made_the_root_becomes_the_subject(coder):
    """Repair coordinated_subject_roots: the verb becomes the root, the first subject its subject."""
    doc = parse(COORDINATED_ROOT)
    coder._coordinated_subject_roots(doc)
    assert [(t.dep_, t.head.i) for t in doc] == [("det", 1), ("nsubj", 5), ("cc", 3), ("conj", 1),
                                                  ("aux:tense", 5), ("ROOT", 5), ("det", 7), ("obj", 5),
                                                  ("punct", 5)]
    # the stand-in resolver gives a phrase its first known word: the coordinated subject is "Russie"
    assert [d[:3] for d in dyads(code(coder, COORDINATED_ROOT))] == [("SUPPORT", "057", "RUS")]


def test_a_root_noun_with_its_own_verb_before_the_conjunct_is_left_alone(coder):
    # La Russie , qui a signé un accord , et Kiev ont protesté .  (a verb inside the first subject: not this error)
    rows = [("La", "le", "DET", "det", 1, ""), ("Russie", "Russie", "PROPN", "ROOT", 1, ""), (",", ",", "PUNCT", "punct", 5, ""),
            ("qui", "qui", "PRON", "nsubj", 5, "PronType=Rel"), ("a", "avoir", "AUX", "aux:tense", 5, ""),
            ("signé", "signer", "VERB", "acl:relcl", 1, "VerbForm=Part"), ("un", "un", "DET", "det", 7, ""),
            ("accord", "accord", "NOUN", "obj", 5, ""), (",", ",", "PUNCT", "punct", 5, ""), ("et", "et", "CCONJ", "cc", 12, ""),
            ("Kiev", "Kiev", "PROPN", "nsubj", 12, ""), ("ont", "avoir", "AUX", "aux:tense", 12, ""),
            ("protesté", "protester", "VERB", "conj", 1, "VerbForm=Part"), (".", ".", "PUNCT", "punct", 1, "")]
    doc = parse(rows)
    coder._coordinated_subject_roots(doc)
    assert [(t.dep_, t.head.i) for t in doc] == [(r[3], r[4]) for r in rows]


def test_a_title_root_before_a_colon_is_not_made_the_subject(coder):
    # Guerre : Moscou et Kiev ont signé un accord .  (the title word is the root, the verb its conjunct)
    rows = [("Guerre", "guerre", "NOUN", "ROOT", 0, ""), (":", ":", "PUNCT", "punct", 0, ""),
            ("Moscou", "Moscou", "PROPN", "appos", 0, ""), ("et", "et", "CCONJ", "cc", 6, ""),
            ("Kiev", "Kiev", "PROPN", "nsubj", 6, ""), ("ont", "avoir", "AUX", "aux:tense", 6, ""),
            ("signé", "signer", "VERB", "conj", 0, "VerbForm=Part"), ("un", "un", "DET", "det", 8, ""),
            ("accord", "accord", "NOUN", "obj", 6, ""), (".", ".", "PUNCT", "punct", 0, "")]
    doc = parse(rows)
    coder._coordinated_subject_roots(doc)
    assert [(t.dep_, t.head.i) for t in doc] == [(r[3], r[4]) for r in rows]
