"""French lexicon senses (issue 9, breadth and senses): made-up sentences coded as a human coder
following eval/ANNOTATION.md would (type, CAMEO code and dyad), and the other senses of the same words, which are
not events. Each entry was checked on the whole tune part of eval/train and on the dev sets (docs/accuracy.md)."""
from __future__ import annotations

import pytest

from coding import code, sentence_table_test

SENTENCES = [
    # 17 COERCE 173: "placer en détention / en garde à vue" (the place of detention is an oblique, not an object)
    ("Le militant tunisien Ali Ben Salem a été placé mardi en détention provisoire à Tunis.", "placé", "COERCE",
     "173", "TUN", "TUN"),
    ("Trois cents manifestants ont été placés en garde à vue à Paris.", "placés", "COERCE", "173", None, "FRA"),
    # 11 ACCUSE 112: a person tried, with no "pour" / "devant" complement
    ("Deux policiers français sont jugés aux assises à Paris.", "jugés", "ACCUSE", "112", "FRA", "FRA"),
    # 11 ACCUSE 112: accused or suspected with nobody named as accuser: the courts of the place (implied_actor)
    ("Le couple est accusé de fraude et de blanchiment d'argent en Afrique du Sud.", "accusé", "ACCUSE", "112",
     "ZAF", None),
    ("Le député belge est soupçonné d'avoir reçu de l'argent du Qatar.", "soupçonné", "ACCUSE", "112", None, None),
    ("Le ministre belge de la Justice a été mis en cause dans l'affaire de corruption.", "mis", "ACCUSE", "112",
     None, "BEL"),
    # 09 INVESTIGATE (ACCUSE): a judicial inquiry, its actor the courts of the place when unnamed
    ("Une enquête pour disparition a été ouverte en France.", "ouverte", "ACCUSE", "090", "FRA", None),
    ("Une enquête sur les violences policières a été lancée au Chili.", "enquête", "ACCUSE", "090", "CHL", None),
    ("Au Sénégal, le maire de Dakar est visé par une enquête pour corruption.", "enquête", "ACCUSE", "090", "SEN",
     None),
    # 08 CONCEDE 0832: a policy given up, suspended or cancelled (accede to demands for policy change)
    ("Le gouvernement français renonce à la hausse de la taxe sur les carburants.", "renonce", "CONCEDE", "0832",
     "FRA", None),
    ("Le Premier ministre français a suspendu la hausse des taxes sur le carburant.", "suspendu", "CONCEDE", "0832",
     "FRA", None),
    # court and police acts with nobody named: the courts (JUD) or the police (COP) of the place
    ("L'ancien président tunisien a été reconnu coupable de corruption à Tunis.", "reconnu", "SANCTION", "116", "TUN",
     "TUN"),
    ("Le domicile du député a été perquisitionné mardi à Lyon.", "perquisitionné", "COERCE", "171", "FRA", None),
    # 11 ACCUSE 114: an ambassador summoned with nobody named: by the government of the place
    ("L'ambassadeur de France a été convoqué mardi à Alger.", "convoqué", "ACCUSE", "114", "DZA", "FRA"),
    # 15 MOBILIZE 152: police mobilised with nobody named: the police of the place
    ("Quatre mille policiers et gendarmes ont été mobilisés samedi à Paris.", "mobilisés", "MOBILIZE", "152", "FRA",
     None),
    # 13 THREATEN 138: promised military action; 03 AGREE 033: promised aid
    ("Pékin a promis des actions militaires ciblées contre Taïwan.", "promis", "THREATEN", "138", "CHN", "TWN"),
    ("Paris promet une aide de deux milliards à l'Ukraine.", "promet", "AGREE", "033", "FRA", "UKR"),
    # 11 ACCUSE 112: prosecuted on a charge ("poursuivi pour")
    ("Un ancien ministre belge est poursuivi pour corruption.", "poursuivi", "ACCUSE", "112", None, "BEL"),
    # 11 ACCUSE 115: a court or rights body seized by a plaintiff
    ("L'association grecque a saisi la CEDH contre la Grèce.", "saisi", "ACCUSE", "115", "GRC", "GRC"),
    # 17 COERCE 1711: property seized
    ("La France a saisi le yacht d'un oligarque russe.", "saisi", "COERCE", "1711", "FRA", None),
    # 17 COERCE 170: repression (PLOVER: coercion short of violence); violent repression stays ASSAULT 175
    ("Le Guatemala accentue la répression contre les juges.", "répression", "COERCE", "170", "GTM", "GTM"),
    ("La police birmane a mené une répression sanglante contre les manifestants.", "répression", "ASSAULT", "175",
     "MMR", None),
    # 18 ASSAULT 175: crowd-control weapons used on people (violent repression)
    ("La police turque a tiré des gaz lacrymogènes sur les manifestants.", "tiré", "ASSAULT", "175", "TUR", None),
    ("La police a répliqué par des tirs de grenades lacrymogènes à Nantes.", "tirs", "ASSAULT", "175", "FRA", None),
    # a lexicon verb form right after a reflexive clitic is a verb, whatever its tag; its subject the noun before
    ("L'Autorité palestinienne s'indigne des propos tenus par le président français sur Jérusalem.", "s'indigne",
     "ACCUSE", "111", "PSE", None),
    # 17 COERCE 172: a fine imposed; 170: persecution of a group (repression short of violence)
    ("La Commission européenne a infligé une amende de deux milliards d'euros à Google.", "amende", "COERCE", "172",
     None, "USA"),
    ("La persécution des Ouïghours par la Chine continue.", "persécution", "COERCE", "170", "CHN", "CHN"),
    # 06 COOPERATE 062: joining joint exercises
    ("Le Japon a rejoint les exercices militaires conjoints des Etats-Unis.", "rejoint", "COOPERATE", "062", "JPN",
     None),
]


test_sentence_codes_the_expected_event = sentence_table_test(SENTENCES)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Les syndicats jugent ces mesures insuffisantes.",  # a stance on measures: no trial
    "Le ministre a placé sa confiance dans les négociateurs.",  # placing trust is no detention
    "Le candidat britannique promet stabilité et unité.",  # promising a quality is no pledge to act
    "Des milliers de volontaires polonais se sont engagés dans l'armée.",  # enlisting is no pledge ("s'engager à")
])
def test_other_senses_are_not_events(pipeline, text):
    assert [e for e in code(pipeline, text) if e.cameo_code in ("112", "173", "030")] == []


@pytest.mark.model
@pytest.mark.parametrize("text,trigger", [
    ("Une quinzaine de légionnaires ukrainiens arrêtés en France.", "arrêtés"),
    ("Au Gabon, un opposant important arrêté avec trois valises de billets.", "arrêté"),
])
def test_a_participle_is_the_predicate_of_a_verbless_headline(pipeline, text, trigger):
    """``background_participle`` spares the participle of a sentence with no finite verb: it states the news."""
    assert "COERCE" in {e.event_type for e in code(pipeline, text) if trigger in e.event_text}


@pytest.mark.model
def test_a_participle_describing_a_noun_stays_background(pipeline):
    """With a finite verb in the sentence, the participle describing the object is background."""
    text = "Le tribunal a libéré lundi les militants arrêtés il y a un an."
    assert "COERCE" not in {e.event_type for e in code(pipeline, text)}


@pytest.mark.model
def test_an_assault_is_a_riot_only_when_taken_by_storm(pipeline):
    """"assaut" is a riot (145) only in "prise d'assaut" (``governed_by: [prendre]``); an army's assault is
    fighting (190)."""
    events = list(code(pipeline, "Les forces russes préparent un assaut sur l'est de l'Ukraine."))
    assert {e.event_type for e in events if "assaut" in e.event_text} == {"ASSAULT"}


def test_the_courts_are_implied_only_for_a_passive_accusation():
    """``passive: true`` frames (lexicon field) match only a passive use: "est accusé de" leaves the accuser to be
    implied (the courts), an active "X accuse Y" keeps its own subject, resolved or not."""
    from newsevents.langdata import load_language
    from newsevents.lexicon import Lexicon

    lexicon = Lexicon.from_data(load_language("fr"))
    for verb in ("accuser", "soupçonner"):
        passive, active = lexicon.verbs[verb][:2]
        assert passive.passive and passive.implied_actor == "JUD"
        assert not active.passive and active.implied_actor is None


@pytest.mark.model
def test_an_active_accusation_by_an_unresolved_subject_gets_no_implied_court(pipeline):
    events = code(pipeline, "Une association humanitaire accuse la police française de violences à Calais.")
    assert all(not (e.actor and e.actor[0].sector == "JUD") for e in events if e.event_type == "ACCUSE")


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Les douaniers ont saisi l'occasion de se reposer.",  # seizing a chance is no confiscation
    "Le coureur français poursuit sa route vers Lyon.",  # continuing is no prosecution
    "Le cycliste a rejoint le peloton à Lyon.",  # joining a group of riders is no military cooperation
    "L'Afrique du Sud veut livrer au Malawi un prédicateur controversé.",  # extraditing a person is no aid
])
def test_other_senses_of_charges_seizures_and_deliveries_code_nothing(pipeline, text):
    assert list(code(pipeline, text)) == []
