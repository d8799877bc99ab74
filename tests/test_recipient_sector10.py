"""Session 10: a recipient found in the genitive complement of the frame's pattern object takes the object
phrase's sector ("a convoqué l'ambassadeur d'Allemagne": DEU GOV; rule ``recipient_sector_of_object`` of
:meth:`~newsevents.engine.roles.Roles._with_object_sector`).

Made-up sentences, real spaCy model."""
from __future__ import annotations

import pytest

from coding import code

pytestmark = pytest.mark.model


def _recipients(events):
    return {(r.code, r.sector) for e in events for r in e.recipient}


def test_summoned_ambassador_of_a_country_is_its_government(pipeline):
    events = code(pipeline, "La France a convoqué l'ambassadeur d'Allemagne.")
    assert _recipients(events) == {("DEU", "GOV")}


def test_troops_of_the_subject_do_not_lend_their_sector(pipeline):
    events = code(pipeline, "La Syrie va retirer ses troupes du Liban.")
    assert ("LBN", "MIL") not in _recipients(events)
