"""Session 9: a date inside a subordinate clause with its own verb is that clause's, not the event's (rule
``date_in_other_clause`` of :meth:`~newsevents.engine.time_place.TimePlace._date`).

Made-up sentences, real spaCy model."""
from __future__ import annotations

import pytest

from coding import code

pytestmark = pytest.mark.model

PUBLISHED = "2023-05-12"


def _dates(events, event_type):
    return {e.date.value for e in events if e.event_type == event_type}


@pytest.mark.parametrize("language, text", [
    ("pipeline", "Les ministres chiliens et péruviens se sont rencontrés à Lima, où un séisme avait frappé la ville "
                 "en 2007."),
    ("english_pipeline", "Chilean and Peruvian ministers met in Lima, where an earthquake struck the city in 2007."),
    ("spanish_pipeline", "Los ministros chilenos y peruanos se reunieron en Lima, donde un terremoto golpeó la "
                         "ciudad en 2007."),
], ids=["fr", "en", "es"])
def test_date_in_a_relative_clause_on_the_place_is_not_the_meetings(request, language, text):
    events = code(request.getfixturevalue(language), text, PUBLISHED)
    assert _dates(events, "CONSULT") == {PUBLISHED}


def test_date_of_the_main_clause_still_dates_the_meeting(pipeline):
    events = code(pipeline, "Les ministres chiliens et péruviens se sont rencontrés lundi à Lima, où un séisme "
                            "avait frappé la ville en 2007.", PUBLISHED)
    assert _dates(events, "CONSULT") == {"2023-05-08"}


def test_date_in_a_clause_of_the_same_time_is_kept(pipeline):
    events = code(pipeline, "Quand les soldats sont arrivés mardi dans le village, l'armée éthiopienne a "
                            "bombardé les rebelles.", PUBLISHED)
    assert "2023-05-09" in _dates(events, "ASSAULT")


def test_date_in_a_relative_on_the_occasion_noun_is_kept(pipeline):
    events = code(pipeline, "Le président chilien a rencontré le Premier ministre péruvien lors du voyage qu'il a "
                            "effectué au Pérou le 3 mai.", PUBLISHED)
    assert _dates(events, "CONSULT") == {"2023-05-03"}
