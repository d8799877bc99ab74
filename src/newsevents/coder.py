"""The event coder (:class:`EventCoder`), kept importable from here; the engine lives in
:mod:`newsevents.engine`: the stages in :mod:`newsevents.engine.sentence`, the named rules in
:mod:`newsevents.engine.rulebook`, one module per stage for the predicates and finders they call."""
from __future__ import annotations

from .engine.coder import EventCoder
from .engine.frames import (
    ANSWERED_ROOTS, FRONTED_VISIT, IMPLIED_ACTOR_ROOTS, INTENT_CODES, OBLIGATION, OFFER_ROOTS,
    PLACE_RECIPIENT_CODES, PLACE_RECIPIENT_ROOTS, STATE_ACT_ROOTS, THREAT_CODES, THREAT_SPECIFIC, Trigger,
)

__all__ = [
    "ANSWERED_ROOTS", "FRONTED_VISIT", "IMPLIED_ACTOR_ROOTS", "INTENT_CODES", "OBLIGATION", "OFFER_ROOTS",
    "PLACE_RECIPIENT_CODES", "PLACE_RECIPIENT_ROOTS", "STATE_ACT_ROOTS", "THREAT_CODES", "THREAT_SPECIFIC", "EventCoder",
    "Trigger",
]
