"""English and Spanish frames found missing by a user: summoning a foreign envoy is a diplomatic protest (CAMEO 114,
PLOVER ACCUSE, as French "convoquer l'ambassadeur"; lexicon frames en "summon", es "convocar"), and sending aid is
aid (es "enviar"/"mandar", as en "send", fr "envoyer"), also inside an inverted reporting incise ("..., dijo el
ministerio").

Made-up sentences, real spaCy models (rules alone)."""
from __future__ import annotations

import pytest

from coding import code

pytestmark = pytest.mark.model


def _dyads(events):
    """(PLOVER type, CAMEO code, actor country+sector, recipient country+sector) of each event."""
    return {(e.event_type, e.cameo_code, e.actor[0].code + e.actor[0].sector if e.actor else None,
             e.recipient[0].code + e.recipient[0].sector if e.recipient else None) for e in events}


@pytest.mark.parametrize("text", ["Spain summoned the ambassador of Israel.",
                                  "Spain summoned Israel's ambassador on Monday."])
def test_summoning_a_foreign_ambassador_is_a_protest_to_his_country(english_pipeline, text):
    assert ("ACCUSE", "114", "ESPGOV", "ISRGOV") in _dyads(code(english_pipeline, text))


def test_summoning_troops_is_no_protest(english_pipeline):
    events = code(english_pipeline, "The general summoned his troops to the capital.")
    assert not any(e.cameo_code == "114" for e in events)


def test_convocar_al_embajador_is_a_protest_to_his_country(spanish_pipeline):
    events = code(spanish_pipeline, "España convocó al embajador de Israel.")
    assert ("ACCUSE", "114", "ESPGOV", "ISRGOV") in _dyads(events)


def test_convocar_una_huelga_stays_a_strike(spanish_pipeline):
    events = code(spanish_pipeline, "Los sindicatos convocaron una huelga general.")
    assert {e.cameo_code for e in events} == {"143"}


@pytest.mark.parametrize("text", ["Japón enviará ayuda a Filipinas.",
                                  "Japón enviará ayuda a Filipinas, dijo el lunes el ministerio."])
def test_aid_to_be_sent_is_promised_aid_also_in_a_reported_incise(spanish_pipeline, text):
    events = code(spanish_pipeline, text)
    assert {(e.event_type, e.cameo_code, e.modality) for e in events} == {("AGREE", "033", "intended")}
    assert {(e.actor[0].code, e.recipient[0].code) for e in events} == {("JPN", "PHL")}


def test_sent_humanitarian_aid_is_humanitarian_aid(spanish_pipeline):
    events = code(spanish_pipeline, "México envió ayuda humanitaria a Cuba.")
    assert {(e.event_type, e.cameo_code, e.actor[0].code, e.recipient[0].code) for e in events} == \
        {("AID", "073", "MEX", "CUB")}


# rule name_subjects (ParseRepairs._name_subjects): a known person's name opening a sentence, mis-tagged by the
# small models as a verb (es: the root) or an adverb (fr), is the subject of the verb after it
def test_a_leader_named_first_is_the_subject_not_the_spanish_root(spanish_pipeline):
    events = code(spanish_pipeline, "Macron visitó Nigeria.")
    assert _dyads(events) == {("CONSULT", "042", "FRAGOV", "NGAGOV")}


def test_a_leader_named_first_is_the_subject_not_a_french_adverb(pipeline):
    events = code(pipeline, "Macron a visité le Nigeria.")
    assert _dyads(events) == {("CONSULT", "042", "FRAGOV", "NGAGOV")}


def test_an_unknown_capitalised_first_word_is_left_alone(spanish_pipeline):
    """No dictionary name: the parse is not touched (no subject is made up)."""
    doc = spanish_pipeline.nlp("Visitó Nigeria el lunes.")
    before = [(t.pos_, t.dep_, t.head.i) for t in doc]
    spanish_pipeline.coder._repair(doc)
    assert [(t.pos_, t.dep_, t.head.i) for t in doc] == before
