"""Who acts when the clause does not say, from the story (issue 9, item 6): a pronoun standing for a person the
dictionary does not know, the author of a crime told by the charge it is part of, and the courts or police the
story names for its agentless judicial acts. Real spaCy model, made-up sentences."""
from __future__ import annotations

import pytest

from coding import code

pytestmark = pytest.mark.model


def _pairs(events, plover):
    return [((e.actor[0].code, e.actor[0].sector) if e.actor else None,
             (e.recipient[0].code, e.recipient[0].sector) if e.recipient else None)
            for e in events if e.event_type == plover]


def test_pronoun_for_an_unknown_person_is_a_civilian_of_the_story(pipeline):
    events = code(pipeline, "A Lyon, le maire a annoncé une hausse des impôts. Jeanne Martinon accuse le maire de "
                            "mentir. Elle accuse aussi le préfet de corruption.")
    accusations = _pairs(events, "ACCUSE")
    assert len(accusations) == 2, events
    assert all(actor == ("FRA", "CVL") for actor, _ in accusations), events


def test_pronoun_with_no_country_named_stays_without_actor(pipeline):
    events = code(pipeline, "Jeanne Martinon a quitté la salle. Elle accuse le préfet de corruption.")
    assert all(not e.actor for e in events if e.event_type == "ACCUSE"), events


def test_the_convicted_is_the_author_of_the_crime(pipeline):
    events = code(pipeline, "En Iran, Reza Kalani a été condamné à mort pour des viols sur six femmes.")
    assert (("IRN", "CVL"), None) in _pairs(events, "ASSAULT") or any(
        e.actor and e.actor[0].code == "IRN" and "Reza Kalani" in e.actor[0].entity_text
        for e in events if e.event_type == "ASSAULT"), events


def test_the_one_called_author_of_an_attack_is_its_actor(pipeline):
    events = code(pipeline, "Au Mali, la justice a jugé Amadou Traoré, auteur de l'attentat contre un hôtel de "
                            "Bamako.")
    assaults = [e for e in events if e.event_type == "ASSAULT"]
    assert assaults and assaults[0].actor and "Amadou Traoré" in assaults[0].actor[0].entity_text, events


def test_a_crime_noun_under_no_charge_keeps_no_author(pipeline):
    events = code(pipeline, "Au Mali, le gouvernement a dénoncé des viols commis dans le nord du pays.")
    assert not any(e.actor and e.actor[0].sector == "GOV" for e in events if e.event_type == "ASSAULT"), events


def test_the_court_the_story_names_acts_for_an_agentless_charge(pipeline):
    events = code(pipeline, "La Cour pénale internationale a ouvert le procès de deux chefs de milice "
                            "centrafricains. Alfred Kombo est accusé de crimes de guerre.")
    assert ("IGO", "JUD") in [actor for actor, _ in _pairs(events, "ACCUSE")], events


def test_a_pronoun_for_a_group_with_no_country_takes_the_storys(pipeline):
    events = code(pipeline, "A Lyon, le maire a annoncé une hausse des impôts. Des intellectuels ont signé une "
                            "tribune. Ils appellent le maire à renoncer.")
    assert (("FRA", "EDU"), ("FRA", "GOV")) in _pairs(events, "REQUEST"), events


@pytest.mark.parametrize("words, sector", [("Des internautes", "CVL"), ("Une sexagénaire", "CVL"),
                                           ("Des intellectuels", "EDU")])
def test_people_of_civil_society_are_actors_of_the_story(pipeline, words, sector):
    events = code(pipeline, f"A Lyon, le maire a annoncé une hausse des impôts. {words} accusent le maire de "
                            "mentir.")
    assert [actor for actor, _ in _pairs(events, "ACCUSE")] == [("FRA", sector)], events


def test_a_subject_the_parser_coordinated_inside_a_fronted_adjunct(pipeline):
    events = code(pipeline, "Après un déplacement en Ukraine et en Pologne, Filippo Grandi, haut-commissaire des "
                            "Nations unies aux réfugiés, salue la mobilisation de l'Europe.")
    assert [actor for actor, _ in _pairs(events, "SUPPORT")] == [("IGO", "GOV")], events


def test_unnamed_armed_groups_of_a_region_of_several_states_have_no_country(pipeline):
    events = code(pipeline, "Au Mali, les groupes armés du Sahel ont attaqué une caserne de l'armée malienne.")
    assert [actor for actor, _ in _pairs(events, "ASSAULT")] == [("---", "REB")], events



def test_a_date_after_a_recipient_is_no_part_of_its_words(pipeline):
    events = code(pipeline, "Le ministre français des affaires étrangères s'est rendu à Accra en avril.")
    visits = [e for e in events if e.event_type == "CONSULT" and e.recipient]
    assert [(e.recipient[0].code, e.recipient[0].entity_text) for e in visits] == [("GHA", "Accra")], events


def test_a_person_in_a_state_of_visit_is_the_visitor(pipeline):
    events = code(pipeline, "Le président de l'Union africaine, Macky Sall, en visite en Russie pour s'entretenir "
                            "avec Vladimir Poutine.")
    visits = [e for e in events if e.event_type == "CONSULT" and e.cameo_code == "042" and e.actor]
    assert [(e.actor[0].code, e.recipient[0].code if e.recipient else None) for e in visits] == [("IGO", "RUS")]
    assert visits[0].actor[0].entity_text.endswith("Macky Sall"), events
