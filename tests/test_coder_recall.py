"""Recall rules of the coder: constructions in which an event word used to go uncoded (real model, made-up
French sentences; one rule per test). Expectations follow eval/ANNOTATION.md."""
from __future__ import annotations

import pytest

from coding import code

pytestmark = pytest.mark.model


def dyads(events):
    """{(PLOVER type, CAMEO code, actor country+sector, recipient country)} of the events."""
    return {(e.event_type, e.cameo_code, e.actor[0].code + e.actor[0].sector if e.actor else None,
             e.recipient[0].code if e.recipient else None) for e in events}


def test_background_participle_leaves_its_noun_an_event(pipeline):
    # "lancée le 3 mars" is background, but the attack the rebels took part in is still an event
    events = code(pipeline, "Des rebelles ont participé à une attaque lancée le 3 mars contre une caserne de "
                            "l'armée malienne.")
    assert ("ASSAULT", "190", "MLIREB", "MLI") in dyads(events)


def test_pattern_object_behind_a_chain_of_quantity_nouns(pipeline):
    events = code(pipeline, "L'armée russe a massé des dizaines de milliers de soldats près de la frontière.")
    assert {e.event_type for e in events} == {"MOBILIZE"}


def test_event_noun_after_a_l_issue_de_involves_the_subject(pipeline):
    events = code(pipeline, "À l'issue d'une rencontre avec son homologue chilien, le ministre péruvien a présenté "
                            "sa démission.")
    assert {("CONSULT", "040", "PERGOV", "CHL"), ("CONSULT", "040", "CHLGOV", "PER")} <= dyads(events)


def test_definite_meeting_after_au_cours_de_is_the_one_told_before(pipeline):
    events = code(pipeline, "Au cours de la réunion, le ministre espagnol a pris la parole.")
    assert not [e for e in events if e.event_type == "CONSULT"]


def test_death_sentence_is_a_conviction(pipeline):
    events = code(pipeline, "Les autorités biélorusses ont confirmé la condamnation à mort d'un militant.")
    assert [(e.event_type, e.cameo_code) for e in events] == [("SANCTION", "116")]


def test_conviction_confirmed_by_a_court(pipeline):
    events = code(pipeline, "La condamnation de deux militants a été confirmée par la cour d'appel de Paris.")
    assert {(e.event_type, e.actor[0].sector) for e in events if e.actor} == {("SANCTION", "JUD")}


def test_condemnation_by_a_government_stays_a_criticism(pipeline):
    events = code(pipeline, "Le gouvernement français a réitéré sa condamnation de l'attaque contre le Niger.")
    assert "SANCTION" not in {e.event_type for e in events}


def test_arrest_by_jihadists_is_an_abduction(pipeline):
    events = code(pipeline, "Une vingtaine de villageois ont été arrêtés par le groupe djihadiste.")
    assert {(e.event_type, e.cameo_code) for e in events} == {("ASSAULT", "181")}


def test_arrest_by_the_police_stays_a_detention(pipeline):
    events = code(pipeline, "La police kényane a arrêté deux militants.")
    assert {(e.event_type, e.cameo_code) for e in events} == {("COERCE", "173")}


def test_toll_participle_with_a_fallback_frame_is_part_of_the_act(pipeline):
    # "arrêtant" could be an abduction (rebels) or a detention: as a detention it is part of the coercion
    events = code(pipeline, "Le gouvernement militaire a décrété l'état de siège, arrêtant des opposants politiques.")
    assert "ASSAULT" not in {e.event_type for e in events}
    assert [e.event_text for e in events if e.event_type == "COERCE"] == ["a décrété l'état de siège"]


def test_headline_verb_tagged_as_the_noun_s_adjective(pipeline):
    # the tagger reads "proteste" as an adjective of "l'opposition" (lemma "protest"): a verb with its subject
    events = code(pipeline, "Réforme des retraites adoptée par décret, l’opposition proteste.")
    assert [(e.event_type, e.actor[0].sector, e.actor[0].entity_text) for e in events] == \
        [("ACCUSE", "OPP", "l'opposition")]


def test_real_adjectives_homographs_of_verbs_stay_adjectives(pipeline):
    events = code(pipeline, "Réforme des retraites : une opposition ferme et une situation critique.")
    assert not events


def test_relative_pronoun_object_stands_for_its_antecedent(pipeline):
    events = code(pipeline, "Les soldats que la Russie a déployés en Biélorussie sont rentrés.")
    assert ("MOBILIZE", "154", "RUS", "BLR") in dyads(events)


def test_relative_pronoun_patient_of_a_passive_is_its_antecedent(pipeline):
    events = code(pipeline, "Le journaliste, qui a été arrêté par la police turque, a été libéré.")
    assert [(e.event_type, e.recipient[0].entity_text) for e in events if e.recipient] == \
        [("COERCE", "Le journaliste")]


def test_participle_with_its_own_agent_is_not_part_of_a_demand(pipeline):
    events = code(pipeline, "Le Japon a demandé une enquête sur le décès du photographe, tué par un soldat de la "
                            "junte birmane.")
    assert {(e.event_type, e.actor[0].code + e.actor[0].sector) for e in events if e.actor} == \
        {("REQUEST", "JPNGOV"), ("ASSAULT", "MMRMIL")}


def test_subject_the_parser_left_as_a_root_of_its_own(pipeline):
    # parsed as a verbless "Cuba et le Venezuela" followed by a subjectless "ont signé ..."
    events = code(pipeline, "Cuba et le Venezuela ont signé hier un accord de coopération.")
    assert {(e.actor[0].code, e.recipient[0].code) for e in events if e.actor and e.recipient} == \
        {("CUB", "VEN"), ("VEN", "CUB")}
    events = code(pipeline, "Taïwan et le Japon ont condamné mardi les manœuvres chinoises.")
    assert {e.actor[0].code for e in events if e.event_type == "ACCUSE"} == {"TWN", "JPN"}


def test_military_operations_carried_out_are_an_attack(pipeline):
    events = code(pipeline, "L'armée burundaise a mené des opérations militaires dans l'est de la RDC.")
    assert ("ASSAULT", "190", "BDIMIL", "COD") in dyads(events)
    events = code(pipeline, "L'armée burundaise a mené une opération de sauvetage dans l'est de la RDC.")
    assert "ASSAULT" not in {e.event_type for e in events}


def test_object_the_tagger_took_for_an_adjective_still_selects_the_frame(pipeline):
    # "pardon" is tagged ADJ here; asking forgiveness is an apology (CAMEO 055), not a demand
    events = code(pipeline, "Le président allemand demande « pardon pour les crimes commis » en Namibie.")
    assert {(e.event_type, e.cameo_code) for e in events} == {("SUPPORT", "055")}


def test_receiving_a_mission_is_its_visit(pipeline):
    events = code(pipeline, "Le président sénégalais a reçu lundi une mission du FMI.")
    assert ("CONSULT", "042", "IGO", "SEN") in dyads(events)


def test_object_hung_on_the_day_word_is_the_recipient(pipeline):
    # the parser makes "la France" / "le Qatar" a modifier of the day word between the verb and its object
    assert ("ACCUSE", "111", "RUSGOV", "FRA") in dyads(code(pipeline, "Le ministre russe a critiqué jeudi la France."))
    events = code(pipeline, "Le président turc a défendu samedi le Qatar contre les critiques européennes.")
    assert ("SUPPORT", "052", "TURGOV", "QAT") in dyads(events)


def test_accepting_a_solution_is_an_agreement(pipeline):
    events = code(pipeline, "Le gouvernement malien a accepté samedi une solution négociée.")
    assert {(e.event_type, e.cameo_code) for e in events} == {("AGREE", "030")}


def test_completing_an_investigation_is_an_investigation(pipeline):
    # "achever", "boucler", "clore" support an event noun as "mener" does
    events = code(pipeline, "L'ONU a achevé son enquête sur les massacres au Darfour.")
    assert {(e.event_type, e.cameo_code, e.actor[0].code) for e in events} == {("ACCUSE", "090", "IGO")}


def test_subjects_the_parser_coordinated_with_a_fronted_adjunct(pipeline):
    # the subjects may come out as conjuncts of the noun of the "après" adjunct
    events = code(pipeline, "Après le coup d'Etat au Niger, l'Algérie et le Maroc refusent de durcir les sanctions.")
    assert {(e.actor[0].code, e.modality) for e in events if e.event_type == "SANCTION"} == \
        {("DZA", "negated"), ("MAR", "negated")}


def test_office_holder_acting_in_a_fronted_foreign_place_visits_it(pipeline):
    events = code(pipeline, "Au Sénégal, Emmanuel Macron annonce une aide alimentaire.")
    assert ("CONSULT", "042", "FRAGOV", "SEN") in dyads(events)
    assert [e.modality for e in events if e.event_type == "CONSULT"] == ["asserted"]


def test_no_fronted_place_visit_at_home_or_without_an_office_holder(pipeline):
    for text in ("En France, Emmanuel Macron annonce une aide alimentaire.",
                 "Au Mali, des djihadistes attaquent une caserne.",
                 "En Ukraine, Vladimir Poutine intensifie les frappes."):  # a conflictual act is done from afar
        assert "CONSULT" not in {e.event_type for e in code(pipeline, text)}
