"""Constants and records shared by the coder's stages: CAMEO code tables, the synthetic frames (fronted-place
visit, reported obligation) and :class:`Trigger`. Dependency labels are language data (``syntax.yaml``
``labels`` and ``relations``, read through :class:`~newsevents.lexicon.Lexicon`)."""
from __future__ import annotations

from dataclasses import dataclass

from ..lexicon import HEADLINE, Frame

# Roots whose recipient, when the sentence names none, is the country where the event happens (protests target
# their own government; strikes, deployments and arrests the country they take place in).
PLACE_RECIPIENT_ROOTS = {"14", "15", "17", "18", "19", "20"}
# ... and codes of the same kind: easing restrictions, a curfew or a state of emergency (081x) or restrictions on
# dissent (082) benefits the place where they applied ("a levé l'état d'urgence dans la province de X").
PLACE_RECIPIENT_CODES = {"081", "082"}
# CAMEO root of a conflictual act -> the "threaten" code for an actor's own announcement that it would do it
# (CAMEO 1.1b3 category 13: 131 non-force, 132 administrative sanctions, 133 protest, 138 military force).
THREAT_CODES = {"10": "130", "11": "130", "12": "130", "16": "131", "17": "132", "14": "133", "15": "138",
                "18": "138", "19": "138", "20": "138"}
# CAMEO code of a conflictual act -> its own "threaten" code where the codebook has one (1313 break relations,
# 1311 stop aid, 1312 sanction or boycott, 134 halt negotiations, 136 withdraw, 1381 blockade, 1382 occupation).
THREAT_SPECIFIC = {"161": "1313", "162": "1311", "163": "1312", "164": "134", "166": "136", "191": "1381",
                   "192": "1382"}
# Roots of acts only a government performs for a state (pledges, meetings, support, demands, accusations,
# rejections, threats, sanctions): a country named as their actor is coded as its government (GOV).
STATE_ACT_ROOTS = {"03", "04", "05", "10", "11", "12", "13", "16"}
# Roots whose actor, when the text names none, is implied by the place: arrests and detentions are by the
# authorities of the country where they happen ("ont été arrêtés en Russie"), protests by its people.
IMPLIED_ACTOR_ROOTS = {"14": "CVL", "17": "GOV"}
# Roots of material conflict (18 assault, 19 fight, 20 mass violence) and the sectors of those who undergo them
# rather than carry them out: the "de" complement of such an event noun in these sectors is its recipient, not
# its actor ("le bombardement d'un hôpital", "l'attaque de civils"), whatever the frame's ``de`` says.
CONFLICT_ROOTS = frozenset({"18", "19", "20"})
UNDERGOER_SECTORS = frozenset({"CVL", "HLH", "EDU", "REF"})
FRONTED_VISIT = Frame(lemma="(fronted place)", cameo="042", needs_recipient=True)
"""A synthetic frame: "Au Bénin, Emmanuel Macron promet ..." - a head of state acting in a fronted foreign place
is visiting it (CAMEO 042), besides what he does there."""
OBLIGATION = Frame(lemma="(obligation)", cameo="100", absorbs=True)
"""A synthetic frame: "X a déclaré que Y devait ..." is X demanding something of Y (CAMEO 10); its verbs are the
``obligation_verbs`` words of the language's ``syntax.yaml``."""
SYNTHETIC_LEMMAS = (HEADLINE, FRONTED_VISIT.lemma, OBLIGATION.lemma)
"""Lemmas of the synthetic frames (headline visit: :attr:`~newsevents.lexicon.Lexicon.headline_visit`)."""
# CAMEO root -> the "express intent" code for an intended event of that root (CAMEO 1.1b3, category 03).
INTENT_CODES = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}
# Roots of cooperative acts that, announced on a condition ("nous les rencontrerions si ..."), are offers (AGREE),
# not threats; withdrawing (08) on a condition stays a threat ("retirerait ses soldats si ...").
OFFER_ROOTS = {"04", "05", "06", "07"}
ANSWERED_ROOTS = frozenset({"10", "03", "13"})
"""CAMEO roots of the communicative acts a response answers (cue list "response_words": "a rejeté l'appel de X à
..."): requests and appeals (10), offers and proposals (03), ultimatums and threats (13)."""
HIT_ROOTS = frozenset({"17", "18", "19", "20"})
"""CAMEO roots of acts that hit someone (coercion, assault, fight, mass violence): their target may be named as
what the act struck or as its victim, and a claim on such an act is on its author."""


@dataclass(frozen=True, slots=True)
class Trigger:
    """A matched trigger: the token, its frame, the pattern object token (if the frame names objects)."""

    token: object
    frame: Frame
    obj: object | None
    is_noun: bool
    alternatives: tuple = ()  # the next matching (frame, obj) pairs, tried when this frame's actor sectors fail
