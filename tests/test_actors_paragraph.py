"""A sector word with no country of its own ("des rebelles") takes its paragraph's main country, so a paragraph
about another place starts fresh (issue 9, roles); the article's main country is the fallback."""
from __future__ import annotations

import pytest

from newsevents.records import Article

pytestmark = pytest.mark.model

TWO_STORIES = ("Emmanuel Macron a rencontré Olaf Scholz à Berlin lundi. Le chancelier allemand a salué une "
               "coopération renforcée.\nAu Mali, des rebelles ont attaqué une base militaire près de Gao mardi.")


def actors_of(pipeline, text, event_type):
    result = pipeline.extract([Article("t", text, "2024-05-02")])[0]
    return [a.code for e in result.events if e.event_type == event_type for a in e.actor]


def test_a_paragraph_about_another_place_starts_fresh(pipeline):
    assert actors_of(pipeline, TWO_STORIES, "ASSAULT") == ["MLI"]


def test_a_paragraph_naming_no_country_keeps_the_article_s(pipeline):
    text = "Le Mali a fermé sa frontière avec le Niger.\nDes rebelles ont attaqué une base militaire mardi."
    assert actors_of(pipeline, text, "ASSAULT") == ["MLI"]


def test_an_elided_recipient_is_not_taken_from_another_story(pipeline):
    # the Nigeria paragraph names other parties: nothing of the Ukraine paragraph is its recipient; the last
    # paragraph is about Ukraine again and takes the party of the paragraph it shares a country with
    text = ("La Russie a bombardé Kharkiv lundi, a annoncé l'armée ukrainienne.\n"
            "Au Nigeria, le président a dénoncé mardi les violences dans le nord du pays.\n"
            "Le chef de l'Etat ukrainien a dénoncé une nouvelle frappe.")
    result = pipeline.extract([Article("t", text, "2022-06-08")])[0]
    found = [(e.actor[0].code, tuple(r.code for r in e.recipient)) for e in result.events
             if e.event_type == "ACCUSE" and e.actor]
    # the Nigerian president's criticism may be addressed to his own people (inferred, rule addressed_people),
    # never to a party of the Ukraine paragraphs
    assert found in ([("NGA", ()), ("UKR", ("RUS",))], [("NGA", ("NGA",)), ("UKR", ("RUS",))]), result.events
