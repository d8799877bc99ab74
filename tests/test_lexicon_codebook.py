"""Frames added code by code from the CAMEO codebook and the PLOVER manual (issue 9, breadth by design): made-up
sentences are coded as a human coder following eval/ANNOTATION.md would (type, CAMEO code and dyad), and the
general senses of the same words are not events."""
from __future__ import annotations

import pytest

from newsevents.codes import load_cameo
from newsevents.langdata import load_language
from newsevents.lexicon import Lexicon

from coding import code, sentence_table_test


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_data(load_language("fr"))


@pytest.mark.parametrize("section,lemma,plover", [
    ("nouns", "mobilisation", "PROTEST"), ("nouns", "coup", "ASSAULT"), ("nouns", "cyberattaque", "COERCE"),
    ("nouns", "détention", "COERCE"), ("nouns", "procès", "ACCUSE"), ("nouns", "accord", "SUPPORT"),
    ("nouns", "violence", "PROTEST"), ("nouns", "violence", "ASSAULT"), ("nouns", "désescalade", "RETREAT"),
    ("verbs", "juger", "ACCUSE"), ("verbs", "requérir", "ACCUSE"), ("verbs", "prononcer", "SANCTION"),
    ("verbs", "renverser", "ASSAULT"), ("verbs", "occuper", "PROTEST"), ("verbs", "utiliser", "ASSAULT"),
])
def test_codebook_entries_have_the_expected_plover_type(lexicon, section, lemma, plover):
    cameo = load_cameo()
    frames = getattr(lexicon, section)[lemma]
    assert plover in {cameo.plover(f.cameo) for f in frames}


def test_juger_reports_with_a_clause_and_is_an_event_without_one():
    """"X juge que ..." only reports (cues: reporting_verbs); "jugé pour crimes de guerre" is a trial (112)."""
    data = load_language("fr")
    lexicon = Lexicon.from_data(data)
    assert "juger" in lexicon.cue("reporting_verbs") and "juger" in lexicon.cue("reporting_event_verbs")


# -- made-up sentences through the real pipeline -------------------------------------------------------------

SENTENCES = [
    # (sentence, trigger word in the event text, PLOVER type, CAMEO code, actor country, recipient country)
    # 14 PROTEST: rallies named as such, occupations, storming by protesters
    ("Les syndicats ont organisé une mobilisation contre la réforme des retraites à Paris.", "mobilisation",
     "PROTEST", "141", "FRA", "FRA"),
    ("Des gilets jaunes ont occupé un rond-point près de Rouen.", "occupé", "PROTEST", "144", "FRA", None),
    ("Des manifestants ont pris d'assaut le Parlement à Colombo.", "assaut", "PROTEST", "145", "LKA", "LKA"),
    # 18 ASSAULT: a coup (eval/ANNOTATION.md), beatings, weapons of mass destruction
    ("Les militaires ont renversé le président nigérien.", "renversé", "ASSAULT", "180", "NER", "NER"),
    ("Les militants ont été roués de coups par la police iranienne.", "roués", "ASSAULT", "182", "IRN", "IRN"),
    ("Le régime syrien a utilisé des armes chimiques contre la population.", "utilisé", "ASSAULT", "204", "SYR",
     "SYR"),
    # 17 COERCE: cyber attacks (170)
    ("La Russie a mené une cyberattaque contre l'Ukraine.", "cyberattaque", "COERCE", "170", "RUS", "UKR"),
    # 15 MOBILIZE: missile launches
    ("La Corée du Nord a procédé au lancement d'un missile balistique.", "lancement", "MOBILIZE", "150", "PRK",
     None),
    # 11 ACCUSE: trials, requisitions, inquiries
    ("Le soldat russe est jugé pour crimes de guerre à Kiev.", "jugé", "ACCUSE", "112", None, "RUS"),
    ("Le parquet a requis dix ans de prison contre l'ancien ministre tunisien.", "requis", "ACCUSE", "112", "TUN",
     "TUN"),
    ("Le parquet a annoncé l'ouverture d'une enquête sur la mort du journaliste.", "ouverture", "ACCUSE", "090",
     None, None),
    # 16 SANCTION: convictions, blacklisting
    ("L'ancien ministre a été reconnu coupable de corruption.", "reconnu", "SANCTION", "116", None, None),
    ("Le département américain du Trésor a placé la banque russe sur sa liste noire.", "placé", "SANCTION", "163",
     "USA", "RUS"),
    # 03 AGREE: a promised act named by a noun ("promettre" supports it: the promise of aid, to whom it goes)
    ("Le Japon promet une aide au Sri Lanka.", "promet", "AGREE", "033", "JPN", "LKA"),
    # 04 CONSULT, 05 SUPPORT, 10 REQUEST, 12 REJECT
    ("Le diplomate chinois a échangé avec des responsables américains.", "échangé", "CONSULT", "040", "CHN", "USA"),
    ("La Chine annonce un accord de coopération avec la France.", "accord", "SUPPORT", "057", "CHN", None),
    ("Le Kremlin exerce des pressions sur la Moldavie.", "pressions", "REQUEST", "100", "RUS", "MDA"),
    ("La Chine a voté contre la résolution américaine.", "voté", "REJECT", "120", "CHN", "USA"),
    ("La Finlande et la Suède ont affiché leur désaccord avec la Turquie.", "désaccord", "REJECT", "120", "FIN",
     "TUR"),
    ("Les rebelles ont saboté les négociations avec le gouvernement malien.", "saboté", "REJECT", "120", "MLI",
     None),
    # 08 RETREAT / CONCEDE: stepping down, easing restrictions
    ("Le président tunisien a quitté le pouvoir.", "quitté", "RETREAT", "0831", "TUN", None),
    ("Le gouvernement a allégé les restrictions sanitaires à Shanghai.", "allégé", "CONCEDE", "081", None, "CHN"),
    # 14 PROTEST: rioters; 18 ASSAULT: police tactics against crowds (175)
    ("Des manifestants ont lancé des pavés contre les policiers à Paris.", "lancé", "PROTEST", "145", "FRA", "FRA"),
    ("La police a chargé les manifestants devant le Parlement à Tbilissi.", "chargé", "ASSAULT", "175", "GEO",
     "GEO"),
    # 17 COERCE: administrative sanctions on a journalist (172)
    ("Moscou a retiré son accréditation au journaliste américain.", "retiré", "COERCE", "172", "RUS", "USA"),
    # 04 CONSULT: phone calls; 'passer' supports event nouns
    ("Emmanuel Macron a passé un coup de fil à Vladimir Poutine.", "coup", "CONSULT", "041", "FRA", "RUS"),
    ("Le Danemark a passé un accord avec les Etats-Unis.", "accord", "SUPPORT", "057", "DNK", "USA"),
    ("L'armée russe est passée à l'offensive dans le Donbass.", "offensive", "ASSAULT", "190", "RUS", None),
    # 17 COERCE: a charge is CAMEO 173 ("arrest, detain, or charge with legal action")
    ("Trois militants ont été inculpés jeudi à Lyon.", "inculpés", "COERCE", "173", None, None),
    # 10 REQUEST: asking someone to act
    ("Le Canada invite ses ressortissants à quitter l'Éthiopie.", "invite", "REQUEST", "100", "CAN", "CAN"),
    # 13 THREATEN: a promised response is a threat, not a pledge
    ("Le président américain promet une réponse ferme à la Russie.", "promet", "THREATEN", "131", "USA", "RUS"),
    # 09 investigate (ACCUSE), 05 apologies, 08 resignations named by a noun without a support verb
    ("L'ONU publie une enquête sur les exactions de l'armée malienne.", "enquête", "ACCUSE", "090", None, None),
    ("Les excuses du pape aux autochtones du Canada ont ému le pays.", "excuses", "SUPPORT", "055", None, "CAN"),
    ("Démission du Premier ministre britannique.", "Démission", "RETREAT", "0831", "GBR", None),
    # 17 COERCE: a prison term imposed by a court (besides the conviction, SANCTION 116)
    ("L'opposant tunisien a été condamné à cinq ans de prison par un tribunal de Tunis.", "prison", "COERCE", "173",
     "TUN", "TUN"),
    # 10 REQUEST: the infinitive the parser hangs on the object still completes "appeler X à"
    ("Israël appelle ses ressortissants à quitter la Turquie.", "appelle", "REQUEST", "100", "ISR", None),
    # 19 FIGHT: violence between two parties is fighting, not a riot
    ("Un regain de violence entre le Tadjikistan et le Kirghizistan a été signalé à la frontière.", "violence",
     "ASSAULT", "190", None, None),
    # 15 MOBILIZE: police deployed (CAMEO 152); 08 RETREAT: a named person freed
    ("La France a déployé des milliers de policiers à Paris.", "déployé", "MOBILIZE", "152", "FRA", None),
    ("Le journaliste Tom Dupont a été libéré par ses ravisseurs au Mali.", "libéré", "RETREAT", "0841", None, None),
    # 16 SANCTION: sanctions named with their target, no support verb
    ("Les sanctions de l'Union européenne contre la Russie sont entrées en vigueur.", "sanctions", "SANCTION", "163",
     "IGO", "RUS"),
    # 16 SANCTION: a conviction in a headline participle is specific by its sentence, not background
    ("Algérie : quarante-neuf accusés condamnés à mort par contumace.", "condamnés", "SANCTION", "116", "DZA", None),
    # sanctions "target" companies (163); an attack targets places and people (190)
    ("Les Etats-Unis ciblent des entreprises russes du secteur de la défense.", "ciblent", "SANCTION", "163", "USA",
     "RUS"),
]


test_sentence_codes_the_expected_event = sentence_table_test(SENTENCES)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "La mobilisation de la communauté internationale a permis de financer l'hôpital.",  # no protest by an IGO
    "Le gouvernement a pris des mesures pour lutter contre l'inflation.",  # measures against no one: no sanction
    "Les deux entreprises ont échangé leurs logos.",  # exchanging things is no consultation
    "Le club lyonnais a gagné du terrain dans le championnat.",  # only armed actors gain ground by fighting
    "Le président a quitté Paris pour Berlin.",  # leaving a city is no resignation
    "Le musicien a utilisé une guitare électrique.",  # using is an attack only with weapons of mass destruction
    "L'ouverture du magasin est prévue lundi.",  # only the opening of an inquiry investigates
    "La violence des images a choqué les téléspectateurs.",  # violence with no actor is no event
    "Le tribunal a jugé que la loi était conforme à la Constitution.",  # "juger que" reports
    "Le chanteur a pris la parole devant ses fans.",  # "prendre" supports only event nouns
    "La tentative de record a échoué.",  # only an attempted killing is an assault
    "Le prix du pétrole a connu un recul de 3 %.",  # only armed forces retreat
    "Le ministre a été chargé de la réforme.",  # only the police charges a crowd
    "Le ministre a tenu une conférence de presse à Paris.",  # a press conference is no meeting
    "Les étudiants occupent une place importante dans la société française.",  # "occuper une place": to have a role
    "Le musée invite les visiteurs à une exposition de peinture.",  # inviting to a place is no request
    "La démission de la confiance a été évoquée par le philosophe.",  # a resignation needs someone who resigns
    "L'Assemblée nationale a approuvé la loi sur le climat.",  # passing a law is no praise (051)
    "Au Sahel, l'escalade de la violence inquiète les habitants.",  # violence naming nobody is a generic mention
])
def test_general_senses_are_not_events(pipeline, text):
    assert list(code(pipeline, text)) == []


@pytest.mark.model
def test_prison_term_requested_is_no_detention(pipeline):
    """"prison" codes a detention only under a verb that imposes it (governed_by: condamner, écoper): a sentence
    the prosecution asks for is an accusation (112), not a prison term."""
    events = list(code(pipeline, "Le parquet a requis dix ans de prison contre l'ancien ministre tunisien."))
    assert "112" in {e.cameo_code for e in events}
    assert "COERCE" not in {e.event_type for e in events}
