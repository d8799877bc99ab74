"""Frame slots by class rather than by word (lang/fr/verbs*.yaml): an ``objects`` list may name the classes
``@person``, ``@org`` and ``@place`` (the parser's entity labels), a capitalised word whose accent the press
dropped ("l'Etat") matches the accented lemma of a list, and the travel verbs' visit frames take the sectors of
state officials (government, legislature, parties). Made-up sentences, coded as eval/ANNOTATION.md asks."""
from __future__ import annotations

import pytest

from newsevents.engine.frames_match import SLOT_CLASSES, _in_slot_class

from coding import code, sentence_table_test

SENTENCES = [
    # (text, trigger, plover, cameo, actor, recipient)
    ("Le Vanuatu a annoncé quitter le Forum des îles du Pacifique.", "quitter", "SANCTION", "161", None, None),
    ("Les derniers militaires français ont quitté le Mali.", "quitté", "SANCTION", "166", "FRA", "MLI"),
    ("Le groupe pétrolier français a quitté la Russie après l'invasion.", "quitté", "SANCTION", "166", None, "RUS"),
    ("Les putschistes ont tenté de renverser l'Etat malien.", "renverser", "ASSAULT", "180", None, None),
    # a named strait or border closed is a blockade (a "de" complement of the event noun by class)
    ("La fermeture du Bosphore par la Turquie empêche les navires russes de passer.", "fermeture", "COERCE", "191",
     "TUR", None),
    # a passive infinitive under a modal takes the modal's subject as its object
    ("Des milliers de policiers devraient être mobilisés samedi à Paris.", "mobilisés", "MOBILIZE", "152", None,
     None),
    # travel verbs are visits for lawmakers and party leaders too, not only for governments
    ("Le président du Sénat américain est arrivé lundi à Kiev.", "arrivé", "CONSULT",
     "042", "USA", "UKR"),
]

test_sentence_codes_the_expected_event = sentence_table_test(SENTENCES)


@pytest.mark.model
def test_troops_arriving_are_no_visit(pipeline):
    events = code(pipeline, "Un contingent de soldats américains est arrivé en Pologne.")
    assert "042" not in {e.cameo_code for e in events}


@pytest.mark.model
def test_a_minister_leaving_a_country_is_a_trip_not_a_withdrawal(pipeline):
    events = code(pipeline, "Le ministre a quitté la France pour Rome.")
    assert "166" not in {e.cameo_code for e in events}


@pytest.mark.model
def test_an_unaccented_capital_finds_the_accented_lemma(pipeline):
    [doc] = [pipeline.nlp("Ils veulent renverser l'Etat.")]
    etat = next(t for t in doc if t.text == "Etat")
    assert "état" in pipeline.coder._capital_variants(etat)


class _Tok:
    def __init__(self, text, ent):
        self.text, self.ent_type_ = text, ent


def test_slot_classes_read_the_entity_label_of_a_capitalised_name():
    assert set(SLOT_CLASSES) == {"@person", "@org", "@place"}
    assert _in_slot_class(_Tok("Centrafrique", "LOC"), frozenset({"@place"}))
    assert not _in_slot_class(_Tok("Centrafrique", "LOC"), frozenset({"@org"}))
    assert _in_slot_class(_Tok("Forum", "ORG"), frozenset({"@org", "accord"}))
    assert not _in_slot_class(_Tok("forum", "ORG"), frozenset({"@org"}))
    assert not _in_slot_class(_Tok("Paris", ""), frozenset({"@place"}))


def test_org_and_place_classes_take_a_direct_object_only():
    place = _Tok("Cambodge", "LOC")
    assert _in_slot_class(place, frozenset({"@place"}), direct=True)
    assert not _in_slot_class(place, frozenset({"@place"}), direct=False)  # "prendre le pouvoir au Cambodge"
    assert _in_slot_class(_Tok("Macron", "PER"), frozenset({"@person"}), direct=False)


@pytest.mark.model
def test_freeing_a_named_town_is_fighting(pipeline):
    events = code(pipeline, "L'armée ukrainienne a libéré Kherson.")
    assert ("ASSAULT", "190") in {(e.event_type, e.cameo_code) for e in events}
