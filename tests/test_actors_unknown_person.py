"""A person the dictionary does not know, named by a proper noun the parser tags as a person, is a civilian of the
paragraph's main country, recorded as a guess (issue 9, item 6: article-level memory of who is talked about).
Real spaCy model, made-up sentences."""
from __future__ import annotations

import pytest

from coding import code

pytestmark = pytest.mark.model


def test_unknown_person_is_a_civilian_of_the_paragraphs_country(pipeline):
    events = code(pipeline, "L'Iran durcit la répression. Ahmad Rezaï a été condamné à mort par un tribunal "
                            "de Téhéran.")
    found = [(e.actor[0].code, e.recipient[0].code, e.recipient[0].sector)
             for e in events if e.event_type == "SANCTION" and e.actor and e.recipient]
    assert ("IRN", "IRN", "CVL") in found, events


def test_no_guess_without_a_country_named(pipeline):
    events = code(pipeline, "Keyvan Emamverdi a salué la foule.")
    assert all(not e.actor for e in events), events


def test_common_noun_with_an_unknown_persons_name(pipeline):
    events = code(pipeline, "Aux Etats-Unis, la voyageuse Gabby Petito a bien été assassinée par son fiancé.")
    assert [(e.recipient[0].code, e.recipient[0].sector) for e in events
            if e.event_type == "ASSAULT" and e.recipient] == [("USA", "CVL")], events
