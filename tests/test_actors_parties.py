"""French political parties in the actor dictionary: opposition parties (since May 2017) are FRA OPP, the
governing party FRA PTY; a title of a party's official takes the party's sector. Real spaCy model, made-up
sentences."""
from __future__ import annotations

import pytest

from coding import code

pytestmark = pytest.mark.model


def test_president_of_an_opposition_party_is_opposition(pipeline):
    events = code(pipeline, "Le président des Républicains a vivement critiqué le gouvernement.")
    assert [(e.actor[0].code, e.actor[0].sector) for e in events if e.event_type == "ACCUSE"] == [("FRA", "OPP")]
