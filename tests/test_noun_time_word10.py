"""Session 10: an event noun the parser hung on the time word between its verb and it keeps the verb's subject
as its actor (rule ``noun_behind_time_word`` of :meth:`~newsevents.engine.nouns.Nouns._behind_time_word`).

Made-up sentences, real spaCy model."""
from __future__ import annotations

import pytest

from coding import code

pytestmark = pytest.mark.model


def test_sanctions_adopted_on_a_weekday_keep_their_author(pipeline):
    events = code(pipeline, "L'UE a adopté vendredi de nouvelles sanctions contre l'Iran.")
    assert {(e.event_type, e.cameo_code) for e in events} == {("SANCTION", "163")}
    assert {a.code for e in events for a in e.actor} == {"IGO"}
    assert {r.code for e in events for r in e.recipient} == {"IRN"}
