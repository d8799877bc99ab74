"""Threats, demands and the clause they embed, on made-up French sentences with the real spaCy model.

Conventions (eval/ANNOTATION.md, PLOVER manual): an actor announcing its own future or conditional conflictual
act is a THREATEN with the CAMEO 13x code of that act; the act asked for in a demand or appeal is part of the
REQUEST, and who is to do it is the REQUEST's recipient.
"""
from __future__ import annotations

import pytest

from coding import code

pytestmark = pytest.mark.model


def dyads(events):
    return {(e.event_type, e.actor[0].code if e.actor else None, e.recipient[0].code if e.recipient else None)
            for e in events}


# -- THREATEN: an actor's own announced conflictual act ---------------------------------------------------------

def test_announced_withdrawal_of_observers_is_a_threat(pipeline):
    events = code(pipeline, "La Jordanie a annoncé qu'elle retirerait ses observateurs de Syrie.")
    assert dyads(events) == {("THREATEN", "JOR", "SYR")}
    assert events[0].cameo_code == "136"  # threaten to withdraw international involvement (CAMEO 166 -> 136)


def test_conditional_withdrawal_of_peacekeepers_is_a_threat(pipeline):
    events = code(pipeline, "Le Ghana a annoncé lundi qu'il retirerait ses casques bleus du Liban si le président "
                            "n'obtenait pas une trêve.")
    assert ("THREATEN", "GHA", "LBN") in dyads(events)
    assert all(e.event_type != "AGREE" for e in events)


def test_withdrawn_peacekeepers_are_a_sanction(pipeline):
    events = code(pipeline, "Le Ghana a retiré ses casques bleus du Liban.")
    assert {e.event_type for e in events} == {"SANCTION"}


def test_announced_boycott_by_a_verb_tagged_as_noun_is_a_threat(pipeline):
    events = code(pipeline, "Les dirigeants soudanais ont affirmé qu'ils boycotteraient tout dialogue avec Nairobi.")
    assert dyads(events) == {("THREATEN", "SDN", "KEN")}
    assert {e.modality for e in events} == {"asserted"}  # the threat has been made (gold codes threats asserted)


# -- REQUEST: the act demanded is part of the demand ------------------------------------------------------------

def test_demand_clause_recipient_is_the_one_asked_to_act(pipeline):
    events = code(pipeline, "Les Etats-Unis ont exigé que la Russie retire ses troupes d'Ukraine.")
    assert dyads(events) == {("REQUEST", "USA", "RUS")}


def test_demand_noun_with_que_clause(pipeline):
    events = code(pipeline, "L'Union européenne a renouvelé sa demande que la Serbie retire ses troupes du Kosovo.")
    assert dyads(events) == {("REQUEST", "IGO", "SRB")}


def test_demand_verb_mistagged_lemma(pipeline):
    events = code(pipeline, "Rome demande la libération immédiate de trois journalistes détenus en Egypte.")
    assert {e.event_type for e in events} == {"REQUEST"}


def test_asking_forgiveness_is_an_apology(pipeline):
    events = code(pipeline, "Le Premier ministre a demandé pardon aux victimes de la répression.")
    assert {(e.event_type, e.cameo_code) for e in events} == {("SUPPORT", "055")}


# -- the threat noun: "brandir / agiter / laisser planer la menace de ..." ---------------------------------------

def test_threat_noun_with_infinitive_takes_the_acts_code_and_recipient(pipeline):
    events = code(pipeline, "Londres agite la menace de couper les banques iraniennes du réseau Swift.")
    assert dyads(events) == {("THREATEN", "GBR", "IRN")}
    assert events[0].cameo_code == "131"  # threaten non-force (the act is a CAMEO 16 sanction)
    assert all(e.event_type != "SANCTION" for e in events)


def test_threat_noun_with_sanctions_against(pipeline):
    events = code(pipeline, "Le Japon brandit la menace de sanctions contre la Corée du Nord.")
    assert dyads(events) == {("THREATEN", "JPN", "PRK")}


def test_subject_cut_off_by_the_parser_is_the_demander(pipeline):
    events = code(pipeline, "Londres, avec ses partenaires, a exigé que Téhéran libère les marins détenus.")
    assert ("REQUEST", "GBR", "IRN") in dyads(events)


def test_concluding_that_another_must_act_is_a_demand(pipeline):
    events = code(pipeline, "L'Union africaine a conclu que le Soudan devait retirer ses troupes du Darfour.")
    assert dyads(events) == {("REQUEST", "IGO", "SDN")}
    still_an_agreement = code(pipeline, "La Chine a conclu un accord avec le Pakistan.")
    assert "SUPPORT" in {e.event_type for e in still_an_agreement}


def test_a_resolution_demanding_is_its_authors_demand(pipeline):
    events = code(pipeline, "Le Conseil de sécurité a adopté une résolution exigeant que l'Ethiopie retire ses "
                            "troupes.")
    assert dyads(events) == {("REQUEST", "IGO", "ETH")}


def test_rebels_demanding_that_their_government_act(pipeline):
    events = code(pipeline, "Les rebelles maoïstes népalais ont exigé que le gouvernement népalais libère leurs "
                            "chefs.")
    assert {(e.event_type, e.actor[0].sector, e.recipient[0].code, e.recipient[0].sector)
            for e in events if e.actor and e.recipient} == {("REQUEST", "REB", "NPL", "GOV")}


def test_facing_a_threat_is_not_making_one(pipeline):
    assert not code(pipeline, "Le Niger doit faire face à la menace terroriste dans le Sahel.")
    made = code(pipeline, "Le Japon brandit la menace de représailles contre la Corée du Nord.")
    assert "THREATEN" in {e.event_type for e in made}
    expressed = code(pipeline, "L'ONU fait part de sa préoccupation concernant la situation au Mali.")
    assert "ACCUSE" in {e.event_type for e in expressed}


def test_threat_to_ban_someone_has_them_as_recipient(pipeline):
    events = code(pipeline, "Le président kényan a menacé d'interdire aux partis de l'opposition kényane de "
                            "participer au scrutin.")
    assert {(e.event_type, e.recipient[0].code) for e in events if e.recipient} == {("THREATEN", "KEN")}


def test_reminding_a_country_of_its_obligation(pipeline):
    events = code(pipeline, "Le ministre allemand a fermement rappelé lundi à Belgrade qu'il devait coopérer avec "
                            "les enquêteurs de l'ONU.")
    assert dyads(events) == {("REQUEST", "DEU", "SRB")}


def test_promised_operation_in_a_country(pipeline):
    events = code(pipeline, "Le président turc promet une opération militaire en Irak.")
    assert dyads(events) == {("THREATEN", "TUR", "IRQ")}


def test_demand_for_someones_resignation(pipeline):
    events = code(pipeline, "Les manifestants exigent la démission du Premier ministre libanais.")
    assert {(e.event_type, e.recipient[0].code, e.recipient[0].sector) for e in events if e.recipient} \
        == {("REQUEST", "LBN", "GOV")}


def test_announced_boycott_parsed_as_a_nouns_modifier(pipeline):
    events = code(pipeline, "Le Venezuela a déclaré qu'il boycotterait tout contact officiel avec la Colombie.")
    assert dyads(events) == {("THREATEN", "VEN", "COL")}


def test_condition_hung_on_the_reporting_verb_conditions_the_announced_act():
    """Hand-built parse: the parser often attaches the "si" clause to "a annoncé" rather than to the announced
    verb; the condition still belongs to the announced act (a reported fact has none)."""
    import spacy
    from spacy.tokens import Doc

    from newsevents.coder import EventCoder
    from newsevents.langdata import load_language

    coder = EventCoder(load_language("fr"), None, actors=object(), dates=object(), places=object())
    # Moscou a annoncé qu' il retirerait ses soldats si Kiev refusait .
    rows = [("Moscou", "nsubj", 2), ("a", "aux:tense", 2), ("annoncé", "ROOT", 2), ("qu'", "mark", 5),
            ("il", "nsubj", 5), ("retirerait", "ccomp", 2), ("ses", "det", 7), ("soldats", "obj", 5),
            ("si", "mark", 10), ("Kiev", "nsubj", 10), ("refusait", "advcl", 2), (".", "punct", 2)]
    doc = Doc(spacy.blank("fr").vocab, words=[r[0] for r in rows], deps=[r[1] for r in rows],
              heads=[r[2] for r in rows], pos=["PROPN", "AUX", "VERB", "SCONJ", "PRON", "VERB", "DET", "NOUN",
                                                 "SCONJ", "PROPN", "VERB", "PUNCT"])
    assert coder._conditioned(doc[5])
    when = Doc(doc.vocab, words=[t.text if t.i != 8 else "quand" for t in doc], deps=[t.dep_ for t in doc],
               heads=[t.head.i for t in doc], pos=[t.pos_ for t in doc])
    assert not coder._conditioned(when[5])  # "quand Kiev refusait": a time, not a condition
    rows[10] = ("refusait", "advcl", 5)
    doc = Doc(spacy.blank("fr").vocab, words=[r[0] for r in rows], deps=[r[1] for r in rows],
              heads=[r[2] for r in rows], pos=[t.pos_ for t in doc])
    assert coder._conditioned(doc[5])


def test_a_release_is_demanded_of_the_captor(pipeline):
    events = code(pipeline, "Rome réclame la libération de trois Italiens arrêtés en Egypte.")
    assert {(e.event_type, e.recipient[0].code, e.recipient[0].sector) for e in events if e.recipient} \
        == {("REQUEST", "EGY", "GOV")}


def test_announced_consequence_in_case_of_refusal_is_a_threat(pipeline):
    events = code(pipeline, "Le gouvernement norvégien a rappelé que, en cas de refus, les livraisons de gaz seront "
                            "arrêtées.")
    assert {(e.event_type, e.cameo_code, e.actor[0].code, e.modality) for e in events} \
        == {("THREATEN", "131", "NOR", "asserted")}


def test_halting_contracts_is_not_an_arrest(pipeline):
    events = code(pipeline, "Le gouvernement algérien a arrêté les contrats avec la France.")
    assert "COERCE" not in {e.event_type for e in events}


def test_future_act_without_condition_stays_the_act(pipeline):
    events = code(pipeline, "Le Qatar a annoncé qu'il interdira les importations de viande brésilienne.")
    assert "THREATEN" not in {e.event_type for e in events}


def test_obligation_stated_in_an_incise_is_a_demand(pipeline):
    events = code(pipeline, "Les Etats-Unis doivent lever leurs sanctions, a déclaré le ministre iranien.")
    assert {(t[0], t[1], t[2]) for t in dyads(events)} == {("REQUEST", "IRN", "USA")}
    assert {e.modality for e in events} == {"asserted"}


def test_obligation_on_a_thing_has_no_obliged_recipient(pipeline):
    events = code(pipeline, "Le gouvernement indonésien a déclaré que le charbon devra être payé en roupies dès "
                            "le 1er mai.")
    assert dyads(events) == {("REQUEST", "IDN", None)}
    assert {e.modality for e in events} == {"asserted"}


def test_two_organisations_are_two_parties(pipeline):
    events = code(pipeline, "L'ONU exhorte l'Union africaine à déployer des troupes.")
    assert [(e.event_type, e.actor[0].name, e.recipient[0].name) for e in events] \
        == [("REQUEST", "ONU", "Union africaine")]


@pytest.mark.parametrize("text, expected", [
    ("Le Hamas menace Israël de représailles.", ("THREATEN", "PSE", "ISR")),
    ("Ankara brandit la menace d'une intervention militaire en Syrie.", ("THREATEN", "TUR", "SYR")),
])
def test_threat_recipients(pipeline, text, expected):
    assert expected in dyads(code(pipeline, text))


def test_threatened_military_intervention_has_the_force_code(pipeline):
    events = code(pipeline, "Ankara brandit la menace d'une intervention militaire en Syrie.")
    assert {e.cameo_code for e in events} == {"138"}


@pytest.mark.parametrize("text, expected", [
    ("Le Vatican a appelé à ce que la Russie cesse ses bombardements.", {("REQUEST", "VAT", "RUS")}),
    ("Le Japon a sommé la Chine de retirer ses navires.", {("REQUEST", "JPN", "CHN")}),
    ("Kiev a demandé à l'OTAN de livrer des avions de combat.", {("REQUEST", "UKR", "IGO")}),
    ("Les Etats-Unis ont réclamé que la Chine condamne l'invasion.", {("REQUEST", "USA", "CHN")}),
])
def test_the_act_demanded_is_part_of_the_demand(pipeline, text, expected):
    assert dyads(code(pipeline, text)) == expected


@pytest.mark.parametrize("text", [
    "Le Parlement européen se demande jusqu'à quel point le Qatar a influencé ses élus.",  # wonders, asks nobody
    "« Nous devons rester vigilants », a déclaré le président américain.",  # the speaker's own duty
    "Les Occidentaux doivent redéfinir des buts de guerre réalistes, estime le chercheur.",  # an opinion
])
def test_no_demand(pipeline, text):
    assert "REQUEST" not in {e.event_type for e in code(pipeline, text)}


def test_blockade_of_a_country_has_it_as_recipient(pipeline):
    events = code(pipeline, "Israël maintient le blocus de Gaza.")
    assert {(t[1], t[2]) for t in dyads(events)} == {("ISR", "PSE")}
