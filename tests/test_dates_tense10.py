"""Session 10: a weekday is resolved in the tense of the verb it hangs on (rule ``date_tense_of_own_verb`` of
:meth:`~newsevents.engine.time_place.TimePlace._own_tense`): a future event reported "on Monday" by a past
reporting verb keeps the Monday before publication.

Made-up sentences, real spaCy model."""
from __future__ import annotations

import pytest

from coding import code

pytestmark = pytest.mark.model

PUBLISHED = "2025-11-04"  # a Tuesday


def _dates(events):
    return {e.date.value for e in events}


def test_weekday_of_a_past_reporting_verb_is_in_the_past(english_pipeline):
    events = code(english_pipeline, "Japan will send aid to the Philippines, the foreign ministry said on Monday.",
                  PUBLISHED)
    assert events and _dates(events) == {"2025-11-03"}


def test_weekday_of_the_future_event_verb_is_still_ahead(english_pipeline):
    events = code(english_pipeline, "Japan will send aid to the Philippines on Monday, the foreign ministry said.",
                  PUBLISHED)
    assert events and _dates(events) == {"2025-11-10"}


def test_weekday_of_a_french_future_event_verb_is_still_ahead(pipeline):
    events = code(pipeline, "Le Japon enverra lundi de l'aide aux Philippines, a annoncé le ministère.", PUBLISHED)
    assert events and _dates(events) == {"2025-11-10"}
