"""Coder rules on made-up French sentences, with the real spaCy model (one rule per test).

Each expectation is what a human coder following eval/ANNOTATION.md would write for the sentence.
"""
from __future__ import annotations

import pytest

from coding import code

pytestmark = pytest.mark.model


def dyads(events):
    return {(e.event_type, e.actor[0].code if e.actor else None, e.recipient[0].code if e.recipient else None,
             e.modality) for e in events}


def test_passive_with_agent(pipeline):
    events = code(pipeline, "Le village a été bombardé mardi par l'armée russe.")
    assert ("ASSAULT", "RUS") in {(e.event_type, e.actor[0].code) for e in events if e.actor}


def test_conditional_is_alleged(pipeline):
    events = code(pipeline, "Le Soudan aurait livré des armes aux rebelles tchadiens.")
    assert {(e.event_type, e.modality) for e in events} == {("AID", "alleged")}


def test_intent_noun_makes_a_visit_an_intended_agree(pipeline):
    events = code(pipeline, "Le président brésilien a exprimé sa volonté de visiter la Chine.")
    assert ("AGREE", "BRA", "CHN", "intended") in dyads(events)


def test_negation(pipeline):
    events = code(pipeline, "Le Japon n'a pas condamné la Chine.")
    assert dyads(events) == {("ACCUSE", "JPN", "CHN", "negated")}


def test_reporting_verb_is_not_an_event(pipeline):
    events = code(pipeline, "Le ministre égyptien a déclaré que le Caire allait aider la Libye.")
    assert all(e.event_type != "REQUEST" for e in events)
    assert any(e.event_type in ("AID", "AGREE") and e.recipient and e.recipient[0].code == "LBY" for e in events)


def test_self_announced_conditional_conflict_is_a_threat(pipeline):
    events = code(pipeline, "Le Nigeria a annoncé qu'il retirerait ses troupes du Tchad si les combats reprenaient.")
    assert {e.event_type for e in events} & {"THREATEN", "AGREE"}
    assert all(e.modality != "alleged" for e in events)


def test_reported_obligation_is_a_demand(pipeline):
    events = code(pipeline, "Le président français a rappelé à l'Iran qu'il devait coopérer avec les inspecteurs.")
    assert ("REQUEST", "FRA", "IRN", "asserted") in dyads(events)


def test_purpose_clause_of_a_protest_is_not_coded(pipeline):
    events = code(pipeline, "Des milliers de Kényans ont manifesté à Nairobi pour réclamer la démission du gouvernement.")
    assert {e.event_type for e in events} == {"PROTEST"}


def test_protest_targets_the_protesters_government(pipeline):
    events = code(pipeline, "Des milliers de Kényans ont manifesté samedi.")
    assert [(e.event_type, e.recipient[0].code, e.recipient[0].sector) for e in events] == [("PROTEST", "KEN", "GOV")]
    assert events[0].recipient[0].entity_text == ""  # inferred: no evidence words


def test_agentless_arrest_is_by_the_country_where_it_happens(pipeline):
    events = code(pipeline, "Plus de 200 opposants ont été arrêtés en Biélorussie.")
    assert [(e.event_type, e.actor[0].code, e.actor[0].sector) for e in events] == [("COERCE", "BLR", "COP")]


def test_background_participle_is_not_an_event(pipeline):
    events = code(pipeline, "Le Pérou a levé le couvre-feu imposé en mars dans la région de Cuzco.")
    assert "COERCE" not in {e.event_type for e in events}


def test_reaction_topic_is_not_a_separate_event(pipeline):
    events = code(pipeline, "Le Canada a condamné l'attaque russe.")
    assert {e.event_type for e in events} == {"ACCUSE"}


def test_verb_tagged_as_noun_in_a_headline(pipeline):
    events = code(pipeline, "La Russie sanctionne 29 Américains.")
    assert ("SANCTION", "RUS") in {(e.event_type, e.actor[0].code) for e in events if e.actor}


def test_meeting_between_two_named_parties_is_coded_both_ways(pipeline):
    events = code(pipeline, "Rencontre entre Emmanuel Macron et Olaf Scholz à Berlin.")
    assert {("CONSULT", "FRA", "DEU"), ("CONSULT", "DEU", "FRA")} <= {t[:3] for t in dyads(events)}


def test_event_noun_under_a_quantity_noun_takes_the_support_verbs_subject(pipeline):
    events = code(pipeline, "L'armée turque a mené une série de raids aériens en Syrie.")
    assert ("ASSAULT", "TUR", "SYR") in {t[:3] for t in dyads(events)}


def test_coordinated_verbs_share_the_subject(pipeline):
    events = code(pipeline, "La Pologne a critiqué la Biélorussie et a expulsé deux diplomates biélorusses.")
    assert {("ACCUSE", "POL"), ("SANCTION", "POL")} <= {(e.event_type, e.actor[0].code) for e in events if e.actor}


def test_undated_event_takes_the_story_date_of_the_scene(pipeline):
    text = ("Le ministre indien s'est rendu en Chine entre le 3 et le 5 mai.\n"
            "Il a critiqué le Pakistan.")
    events = code(pipeline, text)
    accuse = [e for e in events if e.event_type == "ACCUSE"]
    assert accuse and accuse[0].date.value == "2023-05-03/2023-05-05"


def test_generic_invasion_mention_is_background(pipeline):
    events = code(pipeline, "Depuis l'invasion russe, les prix du blé ont doublé.")
    assert not events


def test_hosting_a_named_person_is_their_visit(pipeline):
    events = code(pipeline, "Le président égyptien a reçu Olaf Scholz au Caire.")
    assert ("CONSULT", "DEU", "EGY", "asserted") in dyads(events)


def test_promising_an_operation_is_a_threat(pipeline):
    events = code(pipeline, "L'Inde promet une riposte militaire au Pakistan.")
    assert {e.event_type for e in events} == {"THREATEN"}


def test_strike_near_a_city_targets_its_country(pipeline):
    events = code(pipeline, "L'aviation russe a frappé un immeuble près de Dnipro.")
    assert ("ASSAULT", "RUS", "UKR") in {t[:3] for t in dyads(events)}


def test_event_feared_is_hypothetical(pipeline):
    events = code(pipeline, "Vilnius redoute la menace d'une attaque russe depuis Kaliningrad.")
    assert [e.modality for e in events if e.event_type == "ASSAULT"] == ["hypothetical"]


def test_background_adjunct_keeps_its_own_modality(pipeline):
    events = code(pipeline, "Le gouvernement a tenté de rassurer Paris après l'attaque perpétrée par des rebelles.")
    assert [e.modality for e in events if e.event_type == "ASSAULT"] == ["asserted"]


def test_relative_clause_describing_a_place_is_background(pipeline):
    events = code(pipeline, "Des centaines de Serbes ont manifesté en Croatie, où dix personnes ont été tuées l'an dernier.")
    assert {e.event_type for e in events} == {"PROTEST"}


def test_coercion_of_a_protest_is_one_event(pipeline):
    events = code(pipeline, "Les gendarmes sénégalais ont empêché la marche des enseignants à Dakar.")
    assert {e.event_type for e in events} == {"COERCE"}


def test_coordinated_capitals_both_act_even_when_the_parse_cuts_them(pipeline):
    events = code(pipeline, "Paris et Berlin ont appelé à un retour rapide à l'ordre constitutionnel.")
    assert {e.actor[0].code for e in events if e.event_type == "REQUEST"} == {"FRA", "DEU"}


def test_coup_d_etat_is_not_a_government(pipeline):
    events = code(pipeline, "La France a condamné le coup d'État au Gabon.")
    assert ("ACCUSE", "FRA", "GAB") in {t[:3] for t in dyads(events)}


def test_demand_is_addressed_to_whoever_must_act(pipeline):
    events = code(pipeline, "Le Tchad a exigé le retrait des troupes françaises.")
    assert ("REQUEST", "TCD", "FRA") in {t[:3] for t in dyads(events)}


def test_trailing_sources_give_the_attribution(pipeline):
    for text, source in (("La police marocaine a arrêté deux journalistes, d'après l'agence EFE.", "EFE"),
                         ("Le Bénin a fermé sa frontière avec le Niger, a indiqué l'agence Reuters.", "Reuters")):
        events = code(pipeline, text)
        assert events and all(source in (e.attribution.text if e.attribution else "") for e in events), text


def test_agency_attribution_does_not_leave_its_paragraph(pipeline):
    text = "Selon l'agence Reuters, le Niger a critiqué le Mali.\nLe Bénin a condamné le Togo."
    events = code(pipeline, text)
    by_type = {e.actor[0].code: e.attribution for e in events if e.actor}
    assert by_type["NER"] is not None and by_type["BEN"] is None


def test_condition_of_a_threat_is_not_an_event(pipeline):
    events = code(pipeline, "La Tunisie a menacé de rappeler son ambassadeur si le Maroc ne présentait pas d'excuses.")
    assert {e.event_type for e in events} == {"THREATEN"}


def test_self_announced_conditional_with_a_condition_is_a_threat(pipeline):
    text = "Le Nigeria a annoncé qu'il retirerait ses soldats du Tchad si le président ne démissionnait pas."
    events = code(pipeline, text)
    # the threat has been made: asserted, as the lemonde gold codes threats ("en cas de refus, ... seront arrêtés")
    assert [(e.event_type, e.actor[0].code, e.modality) for e in events] == [("THREATEN", "NGA", "asserted")]


def test_imperfect_is_not_conditional(pipeline):
    events = code(pipeline, "Les soldats tchadiens tiraient sur la foule.")
    assert [e.modality for e in events] == ["asserted"]


def test_conviction_of_a_person_is_a_sanction_but_condemning_a_country_is_not(pipeline):
    convicted = code(pipeline, "L'opposante Maria Lopez condamnée par le régime nicaraguayen.")
    assert {e.event_type for e in convicted} == {"SANCTION"}
    criticised = code(pipeline, "Le Canada a condamné la Russie.")
    assert {e.event_type for e in criticised} == {"ACCUSE"}


def test_event_noun_agent_in_a_participle(pipeline):
    events = code(pipeline, "Un appel au calme lancé par Washington.")
    assert ("REQUEST", "USA") in {(e.event_type, e.actor[0].code) for e in events if e.actor}


def test_threat_is_addressed_to_the_subject_of_its_condition(pipeline):
    text = "La Chine a menacé de suspendre le dialogue commercial si le Japon installait des radars à Okinawa."
    assert ("THREATEN", "CHN", "JPN") in {t[:3] for t in dyads(code(pipeline, text))}


def test_event_noun_in_an_adjunct_does_not_take_the_clause_subject(pipeline):
    text = "Le président ukrainien, qui n'a pas quitté son pays depuis l'invasion par la Russie, sera reçu par Joe Biden."
    events = code(pipeline, text)
    assert ("CONSULT", "UKR", "USA") in {t[:3] for t in dyads(events)} or \
        ("AGREE", "UKR", "USA") in {t[:3] for t in dyads(events)}
    assert not any(e.event_type == "ASSAULT" and e.actor and e.actor[0].code == "UKR" for e in events)
    assert not any(e.modality == "negated" for e in events)


def test_modifiers_of_a_quantity_noun_or_participle_belong_to_the_event_noun(pipeline):
    strikes = code(pipeline, "Vague de frappes russes sur Zaporijjia.")
    assert ("ASSAULT", "RUS") in {(e.event_type, e.actor[0].code) for e in strikes if e.actor}
    talks = code(pipeline, "Dialogue tendu entre l'Inde et le Pakistan sur le Cachemire.")
    assert {("CONSULT", "IND", "PAK"), ("CONSULT", "PAK", "IND")} <= {t[:3] for t in dyads(talks)}


def test_verbless_title_person_at_a_place_is_a_visit(pipeline):
    events = code(pipeline, "Olaf Scholz en Angola sous le signe du partenariat énergétique.")
    assert ("CONSULT", "DEU", "AGO") in {t[:3] for t in dyads(events)}
    assert not code(pipeline, "Emmanuel Macron en colère.")


def test_banning_sales_to_a_country_is_an_embargo(pipeline):
    events = code(pipeline, "Le Nigeria va bientôt interdire la vente de son cacao à la France.")
    assert ("SANCTION", "NGA", "FRA") in {t[:3] for t in dyads(events)}


def test_comme_l_a_rapporte_gives_the_attribution_without_its_clauses(pipeline):
    text = ("Le chef de la diplomatie vietnamienne s'est rendu en Inde, comme l'a rapporté mardi l'agence de presse "
            "VNA, accompagnée de plusieurs photos de l'entretien.")
    events = code(pipeline, text)
    assert events and events[0].attribution.text == "l'agence de presse VNA"


def test_a_series_of_predicates_shares_the_first_subject(pipeline):
    events = code(pipeline, "Pendant la rencontre, le ministre brésilien a remis au président argentin une lettre de "
                            "son gouvernement, l'a invité à Brasilia, a exprimé sa gratitude pour son soutien et a "
                            "promis de revenir.")
    assert ("SUPPORT", "BRA", "ARG", "asserted") in dyads(events)


def test_a_reporting_incise_does_not_lend_its_subject_to_the_series(pipeline):
    events = code(pipeline, "Des policiers américains ont frappé des migrants mexicains, a accusé samedi une "
                            "organisation humanitaire.")
    assert ("ASSAULT", "USA", "MEX", "asserted") in dyads(events)
    assert all(e.event_type != "ACCUSE" or (e.actor and e.actor[0].code != "USA") for e in events)


def test_a_trip_to_ones_own_country_is_no_visit(pipeline):
    events = code(pipeline, "La ministre sud-coréenne des Affaires étrangères se rendra à Séoul la semaine prochaine.")
    assert not [e for e in events if e.event_type in ("CONSULT", "AGREE")]
    events = code(pipeline, "La ministre sud-coréenne des Affaires étrangères se rendra à Tokyo la semaine prochaine.")
    assert ("AGREE", "KOR", "JPN", "intended") in dyads(events)


def test_the_counterpart_of_an_exchange_goes_to_the_subject(pipeline):
    events = code(pipeline, "L'Iran aurait livré des drones, en échange d'une aide militaire de Moscou.")
    assert ("AID", "RUS", "IRN", "alleged") in dyads(events)


def test_a_lowercase_fragment_continues_the_sentence_before_for_an_exchange(pipeline):
    events = code(pipeline, "L'Iran aurait livré des drones à la Russie. obus et roquettes, en échange d'une aide "
                            "militaire de Moscou pour son programme spatial.")
    assert ("AID", "RUS", "IRN", "alleged") in dyads(events)


def test_plus_without_ne_is_a_comparison_not_a_negation(pipeline):
    events = code(pipeline, "Une trentaine de policiers et sans doute bien plus ont été tués par des insurgés.")
    assert events and all(e.modality != "negated" for e in events)
    events = code(pipeline, "La police n'arrête plus les manifestants.")
    assert events and all(e.modality == "negated" for e in events)


def test_the_act_one_is_accused_of_is_an_alleged_event_of_the_accused(pipeline):
    events = code(pipeline, "Le président serbe a accusé le Kosovo de refuser tout dialogue.")
    assert ("ACCUSE", "SRB", "KSV", "asserted") in dyads(events)
    assert ("REJECT", "KSV", "SRB", "alleged") in dyads(events)


def test_an_attack_that_killed_is_coded_with_its_author_unnamed(pipeline):
    events = code(pipeline, "Une frappe aérienne a tué trois civils syriens.")
    assert any(e.event_type == "ASSAULT" and not e.actor and e.recipient[0].code == "SYR" for e in events)
    assert not code(pipeline, "Le froid a tué trois personnes.")


def test_the_toll_of_an_attack_is_part_of_it(pipeline):
    events = code(pipeline, "Les rebelles maliens ont bombardé dimanche la ville de Gao, tuant une vingtaine de civils.")
    assert [e.event_type for e in events] == ["ASSAULT"]


def test_an_occupied_place_is_a_state_not_an_event(pipeline):
    events = code(pipeline, "Les habitants du Golan occupé par Israël ont manifesté lundi.")
    assert all(e.event_type != "COERCE" for e in events)
    events = code(pipeline, "La ville a été occupée lundi par l'armée russe.")
    assert any(e.event_type == "COERCE" and e.actor and e.actor[0].code == "RUS" for e in events)


def test_sectors_of_participants_known_from_the_place_or_a_demonym(pipeline):
    events = code(pipeline, "De nouvelles manifestations ont eu lieu samedi en Iran.")
    assert any(e.event_type == "PROTEST" and e.recipient and (e.recipient[0].code, e.recipient[0].sector)
               == ("IRN", "GOV") for e in events)
    events = code(pipeline, "Des frappes russes ont touché lundi un quartier de Kharkiv.")
    assert any(e.event_type == "ASSAULT" and e.actor and (e.actor[0].code, e.actor[0].sector) == ("RUS", "MIL")
               for e in events)


def test_military_equipment_acts_for_the_armed_forces(pipeline):
    events = code(pipeline, "Des hélicoptères turcs ont bombardé un village kurde.")
    assert any(e.actor and (e.actor[0].code, e.actor[0].sector) == ("TUR", "MIL") for e in events)


@pytest.mark.parametrize("text,plover,actor,recipient", [
    ("Le Mali a rejeté jeudi un appel de l'Union africaine à organiser des élections.", "REJECT", "MLI", "IGO"),
    ("La Colombie a rejeté une demande vénézuélienne d'extrader trois militants.", "REJECT", "COL", "VEN"),
    ("Le Niger a rejeté une demande française de juger les soldats arrêtés en juin.", "REJECT", "NER", "FRA"),
    ("Les rebelles ont rejeté l'appel du président nigérien à déposer les armes.", "REJECT", None, "NER"),
    ("Le Soudan a refusé d'accéder à l'exigence de l'Egypte de fermer ses frontières.", "REJECT", "SDN", "EGY"),
    ("Le Chili a accepté la proposition argentine de signer un traité.", "AGREE", "CHL", "ARG"),
])
def test_a_response_to_a_request_codes_one_event_toward_its_author(pipeline, text, plover, actor, recipient):
    """The request answered and the acts in its complement are part of the response; its author (a "de"
    complement, a demonym) is the response's recipient."""
    events = code(pipeline, text)
    assert {e.event_type for e in events} == {plover}
    pairs = {t[1:3] for t in dyads(events)}
    assert any(r == recipient and (actor is None or a == actor) for a, r in pairs), pairs


def test_a_response_noun_takes_its_par_agent_and_the_possessor_of_the_request(pipeline):
    events = code(pipeline, "Le ministre cubain regrette le rejet de sa requête par l'Espagne.")
    assert ("REJECT", "ESP", "CUB") in {t[:3] for t in dyads(events)}


def test_an_object_hidden_under_a_day_word_and_an_avoir_past_are_active(pipeline):
    """"a rejeté jeudi une offre": the parser hangs the object on the day word; "a catégoriquement rejeté" with
    "avoir" is an active past even when the subject is tagged as a passive subject."""
    events = code(pipeline, "Le Pérou a accepté jeudi la demande de la Bolivie d'ouvrir un dialogue.")
    assert ("CONCEDE", "PER", "BOL") in {t[:3] for t in dyads(events)}
    events = code(pipeline, "La Grèce a catégoriquement rejeté un ultimatum turc.")
    assert ("REJECT", "GRC", "TUR") in {t[:3] for t in dyads(events)}


def test_a_demand_with_a_support_verb_is_a_request(pipeline):
    events = code(pipeline, "Le Japon a présenté une demande d'extradition à la Thaïlande.")
    assert ("REQUEST", "JPN", "THA") in {t[:3] for t in dyads(events)}
    assert not code(pipeline, "La demande de gaz a baissé en Europe.")


@pytest.mark.parametrize("text", [
    "Le Qatar a demandé au Canada de financer l'Organisation de libération de la Palestine.",
    "Le Mouvement pour la libération du Congo a signé un accord avec Kinshasa.",
])
def test_an_event_noun_inside_a_name_is_no_event(pipeline, text):
    assert not any(e.event_text.lower() == "libération" for e in code(pipeline, text))


def test_what_a_protest_is_against_is_its_topic(pipeline):
    events = code(pipeline, "Des étudiants ont manifesté à Dacca pour protester contre l'arrestation de trois "
                            "journalistes.")
    assert "PROTEST" in {e.event_type for e in events}
    assert "COERCE" not in {e.event_type for e in events}


def test_an_event_noun_under_a_purpose_clause_verb_is_the_aim(pipeline):
    events = code(pipeline, "Le président ghanéen se rendra au Togo pour mener une médiation entre le gouvernement "
                            "et l'opposition.")
    assert events and not any(e.event_text == "médiation" for e in events)


def test_a_background_noun_without_participants_is_no_event(pipeline):
    events = code(pipeline, "Les autorités togolaises ont instauré un couvre-feu à Lomé après une manifestation "
                            "liée à la hausse des prix.")
    assert {e.event_type for e in events} == {"COERCE"}
    assert not code(pipeline, "Le Kenya élit son président après une année marquée par des émeutes sanglantes.")
    kept = code(pipeline, "Arrestations au Gabon après des rassemblements contre la Chine.")
    assert ("PROTEST", "GAB", "CHN") in {t[:3] for t in dyads(kept)}


def test_a_noun_after_an_idiom_with_its_own_object_takes_no_actor(pipeline):
    """"faire face à la menace": the subject faces the threat, it does not make it."""
    events = code(pipeline, "Le Togo sollicite des patrouilleurs pour faire face à la menace des pirates dans "
                            "le golfe.")
    assert "THREATEN" not in {e.event_type for e in events}


def test_a_l_appel_de_names_the_organiser_not_a_request(pipeline):
    events = code(pipeline, "Des milliers de personnes ont défilé à Rabat à l'appel des syndicats.")
    assert {e.event_type for e in events} == {"PROTEST"}
    answered = code(pipeline, "Le Maroc a répondu à l'appel de l'ONU.")
    assert "REQUEST" in {e.event_type for e in answered}


def test_a_state_act_noun_with_nobody_performing_it_is_no_event(pipeline):
    events = code(pipeline, "Le sociologue explique le rejet des partis traditionnels dans plusieurs pays européens.")
    assert "REJECT" not in {e.event_type for e in events}
    events = code(pipeline, "Le Japon regrette le rejet de sa proposition par la Chine.")
    assert ("REJECT", "CHN", "JPN") in {t[:3] for t in dyads(events)}


def test_a_support_verb_participle_with_its_agent_makes_the_noun_an_event(pipeline):
    events = code(pipeline, "Le Kenya a examiné les propositions faites à l'Ouganda par la Tanzanie.")
    assert ("AGREE", "TZA", "UGA") in {t[:3] for t in dyads(events)}


def test_etre_oppose_a_is_a_rejection_by_the_subject(pipeline):
    events = code(pipeline, "Le Japon est opposé à une médiation chinoise.")
    assert ("REJECT", "JPN", "CHN") in {t[:3] for t in dyads(events)}
    assert "CONSULT" not in {e.event_type for e in events}


def test_an_alleged_event_does_not_take_the_narrated_scene_interval(pipeline):
    text = ("Le ministre cubain des Affaires étrangères s'est rendu au Venezuela entre le 3 et le 5 mars.\n"
            "Les deux pays ont signé un accord de coopération.\n"
            "Caracas aurait livré du pétrole à La Havane.")
    events = code(pipeline, text, published="2023-03-08")
    alleged = [e for e in events if e.modality == "alleged"]
    assert alleged and all(e.date.value == "2023-03-08" for e in alleged)
    assert any(e.date.value == "2023-03-03/2023-03-05" for e in events if e.modality == "asserted"
               and e.event_text.startswith("ont signé"))
