"""lang/fr/verbs_tail.yaml and the long-tail frames added in place to verbs.yaml / verbs_more.yaml: the file loads,
its codes have PLOVER types, and made-up sentences are coded as a human coder following eval/ANNOTATION.md would
(type, CAMEO code and dyad); general senses of the same words are not events."""
from __future__ import annotations

import pytest

from newsevents.codes import load_cameo
from newsevents.langdata import load_language
from newsevents.lexicon import FRAME_KEYS, Lexicon

from coding import code, sentence_table_test


@pytest.fixture(scope="module")
def tail():
    return load_language("fr").files["verbs_tail"]


def test_file_has_a_source_and_entries(tail):
    assert tail["source"].strip()
    assert tail["verbs"] and tail["nouns"]
    assert "réserver" in tail["support_verbs"]


def test_no_lemma_is_defined_in_another_verbs_file(tail):
    files = load_language("fr").files
    for name, content in files.items():
        if not name.startswith("verbs") or name == "verbs_tail":
            continue
        for section in ("verbs", "nouns"):
            assert not set(content.get(section) or {}) & set(tail.get(section) or {}), (name, section)


def test_every_frame_has_a_cameo_code_with_a_plover_type(tail):
    cameo = load_cameo()
    for section in ("verbs", "nouns"):
        for lemma, frames in tail[section].items():
            for frame in frames:
                assert set(frame) <= FRAME_KEYS, (lemma, frame)
                code = str(frame["cameo"])
                assert code in cameo and cameo[code].plover_event, (lemma, code)


def test_resignation_is_retreat_per_the_plover_manual():
    """PLOVER manual: RETREAT covers resignations of officials (mode 'resign'); CAMEO.2.0 codes RESIGN 0831."""
    cameo = load_cameo()
    assert cameo.plover("0831") == "RETREAT"
    assert cameo["0831"].plover_mode == "resign"
    lexicon = Lexicon.from_data(load_language("fr"))
    assert lexicon.verbs["démissionner"][0].cameo == "0831"
    assert lexicon.nouns["démission"][0].cameo == "0831"


def test_cameo_table_matches_its_build_script():
    """data/cameo.tsv is generated: rebuilding it from ../shared gives the same file (skipped without it)."""
    import importlib.util
    from importlib import resources
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    shared = root.parent / "shared"
    if not (shared / "reference" / "gdelt" / "cameo_eventcodes_goldstein_quad_plover.csv").exists():
        pytest.skip(f"reference tables not available: {shared} (../shared next to the repository) is absent")
    spec = importlib.util.spec_from_file_location("build_cameo_table", root / "scripts" / "build_cameo_table.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    stored = resources.files("newsevents").joinpath("data/cameo.tsv").read_text(encoding="utf-8")
    assert module.build(shared) == stored


# -- made-up sentences through the real pipeline -------------------------------------------------------------

SENTENCES = [
    # (sentence, trigger word in the event text, PLOVER type, CAMEO code, actor country, recipient country)
    # 05 SUPPORT
    ("Le Chili et la Bolivie ont relevé le niveau de leurs relations diplomatiques.", "relevé",
     "SUPPORT", "050", "CHL", "BOL"),
    ("Le Qatar a renoué avec l'Egypte après trois ans de brouille.", "renoué", "SUPPORT", "050", "QAT", "EGY"),
    ("Le pape a demandé pardon aux peuples autochtones du Canada.", "pardon", "SUPPORT", "055", None, "CAN"),
    ("Le président Emmanuel Macron a réservé un accueil chaleureux au premier ministre indien.", "accueil",
     "CONSULT", "042", "IND", "FRA"),
    # 06 COOPERATE: joint exercises (CAMEO.2.0 JOINT MANEUVERS 062)
    ("La France a lancé des manœuvres conjointes avec l'Egypte.", "lancé", "COOPERATE", "062", "FRA", "EGY"),
    ("La Grèce et la France ont mené des exercices militaires conjoints.", "mené", "COOPERATE", "062", "GRC",
     "FRA"),
    # 07 AID: troops in support of a partner, foreign troops received (074)
    ("Les Etats-Unis ont déployé 2 000 soldats en soutien de la Pologne.", "déployé", "AID", "074", "USA", "POL"),
    ("La France annonce le déploiement de 800 soldats en soutien de l'Estonie.", "déploiement", "AID", "074",
     "FRA", "EST"),
    ("Le Niger a accueilli 1 500 soldats français.", "accueilli", "AID", "074", "FRA", "NER"),
    # 08 RETREAT
    ("Le Hamas a annoncé un cessez-le-feu avec Israël.", "cessez-le-feu", "RETREAT", "0871", "PSE", "ISR"),
    ("Le Maroc a rapatrié ses soldats du Mali.", "rapatrié", "RETREAT", "0874", "MAR", "MLI"),
    ("Le ministre tunisien de l'intérieur a démissionné lundi.", "démissionné", "RETREAT", "0831", "TUN", None),
    ("Le Premier ministre libanais a présenté sa démission au président.", "démission", "RETREAT", "0831", "LBN",
     None),
    ("Le Japon a versé des indemnités aux victimes coréennes.", "versé", "RETREAT", "0842", "JPN", None),
    ("Le gouvernement allemand a dédommagé les victimes de l'attentat.", "dédommagé", "RETREAT", "0842", "DEU",
     None),
    # 12 REJECT
    ("La Chine est opposée à une médiation américaine.", "opposée", "REJECT", "120", "CHN", "USA"),
    ("Le Japon exclut une levée des sanctions contre la Corée du Nord.", "exclut", "REJECT", "120", "JPN", "PRK"),
    ("L'Iran refuse toute négociation avec les Etats-Unis.", "refuse", "REJECT", "125", "IRN", "USA"),
    # 14 PROTEST / 17 COERCE: blockings
    ("Les agriculteurs ont organisé le blocage des routes autour de Paris.", "blocage", "PROTEST", "144", "FRA",
     None),
    ("Le gouvernement russe a ordonné le blocage de Facebook.", "blocage", "COERCE", "172", "RUS", "USA"),
    # 15 MOBILIZE
    ("Le Venezuela a formé des milliers de miliciens.", "formé", "MOBILIZE", "154", "VEN", None),
    ("Le Pakistan a mis ses troupes en état d'alerte.", "mis", "MOBILIZE", "152", "PAK", None),
    ("Les troupes indiennes restaient en état d'alerte au Cachemire.", "restaient", "MOBILIZE", "152", "IND",
     None),
    ("Le Japon a relevé son niveau d'alerte.", "relevé", "MOBILIZE", "152", "JPN", None),
    # sending troops, inspectors, envoys (as 'dépêcher')
    ("Les Etats-Unis ont envoyé 3 000 soldats en Pologne.", "envoyé", "MOBILIZE", "154", "USA", "POL"),
    ("L'ONU a envoyé des inspecteurs en Syrie.", "envoyé", "ACCUSE", "090", "IGO", "SYR"),
    ("Washington a envoyé un émissaire à Pékin.", "envoyé", "CONSULT", "042", "USA", "CHN"),
    # withdrawing from a treaty or organisation, peacekeepers, inspectors (CAMEO.2.0 WITHDRAW: 161, 1661, 1662)
    ("Les Etats-Unis se sont retirés de l'accord sur le nucléaire iranien.", "retirés", "SANCTION", "161", "USA",
     None),
    ("L'ONU a retiré ses casques bleus du Mali.", "retiré", "SANCTION", "1661", "IGO", "MLI"),
    ("Quatre-vingts casques bleus ont été retirés de la ville bosniaque.", "retirés", "SANCTION", "1661", None,
     "BIH"),
    ("La Russie a quitté l'accord céréalier.", "quitté", "SANCTION", "161", "RUS", None),
    # 08 RETREAT / CONCEDE
    ("L'armée turque a levé le siège de la ville kurde.", "levé", "RETREAT", "0872", "TUR", None),
    ("Les manifestants serbes ont levé leurs barrages.", "levé", "CONCEDE", "082", "SRB", None),
    ("Le journaliste iranien a été remis en liberté.", "remis", "RETREAT", "0841", None, "IRN"),
    ("La Pologne a ouvert sa frontière aux réfugiés ukrainiens.", "ouvert", "RETREAT", "086", "POL", "UKR"),
    ("Le gouvernement a autorisé le retour des inspecteurs de l'ONU.", "autorisé", "RETREAT", "0862", None, "IGO"),
    ("Israël a autorisé l'entrée de l'aide humanitaire à Gaza.", "autorisé", "RETREAT", "0863", "ISR", "PSE"),
    ("Le gouvernement égyptien a autorisé le parti d'opposition à participer aux élections.", "autorisé",
     "CONCEDE", "0812", "EGY", "EGY"),
    # 04 CONSULT, 05 SUPPORT
    ("Emmanuel Macron a eu un appel téléphonique avec Vladimir Poutine.", "appel", "CONSULT", "041", "FRA", "RUS"),
    ("Le Qatar s'est solidarisé avec le Liban.", "solidarisé", "SUPPORT", "050", "QAT", "LBN"),
    ("Le président chinois a exprimé sa solidarité avec la Russie.", "solidarité", "SUPPORT", "051", "CHN", "RUS"),
    # 07 AID, 12 REJECT, 14 PROTEST, 17 COERCE, 18-19 ASSAULT
    ("La Russie a transféré des missiles à la Biélorussie.", "transféré", "AID", "072", "RUS", "BLR"),
    ("La Hongrie a torpillé l'accord européen sur les migrants.", "torpillé", "REJECT", "120", "HUN", None),
    ("Des milliers de Grecs sont descendus dans la rue contre la réforme.", "descendus", "PROTEST", "141", "GRC",
     None),
    ("Des manifestants ont incendié un commissariat à Dakar.", "incendié", "PROTEST", "145", "SEN", None),
    ("Le parlement russe a criminalisé la diffusion d'informations sur l'armée.", "criminalisé", "COERCE", "172",
     "RUS", None),
    ("Un kamikaze s'est fait exploser devant une mosquée de Kaboul.", "exploser", "ASSAULT", "1831", "AFG", None),
    ("Des rebelles ont fait exploser une bombe à Bagdad.", "exploser", "ASSAULT", "183", "IRQ", None),
    # receiving observers and peacekeepers (CAMEO 0862, 0861: the host concedes access)
    ("Le président arménien a reçu une équipe d'observateurs de l'Union européenne.", "reçu", "RETREAT", "0862",
     "ARM", "IGO"),
    ("Le Liban a accueilli des casques bleus de l'ONU.", "accueilli", "RETREAT", "0861", "LBN", "IGO"),
    # emergency rule declared or invoked
    ("Le président a déclaré l'état d'urgence dans le nord du pays.", "déclaré", "COERCE", "1724", None, None),
    ("Le gouvernement canadien a déclaré le couvre-feu à Ottawa.", "déclaré", "COERCE", "1723", "CAN", None),
    ("Le gouvernement canadien a invoqué une loi d'exception.", "invoqué", "COERCE", "1724", "CAN", None),
    # a verb the lemmatizer leaves as it is ("resserre") is looked up by its regular forms
    ("L'armée soudanaise resserre son emprise sur El-Facher, au Darfour.", "resserre", "ASSAULT", "190",
     "SDN", None),
    # light-verb idioms
    ("Le ministre turc a pris la défense du Qatar.", "pris", "SUPPORT", "052", "TUR", "QAT"),
    ("La Turquie est venue en aide à la Syrie.", "venue", "AID", "070", "TUR", None),
    ("Les rebelles ont battu en retraite.", "battu", "RETREAT", "0874", None, None),
    ("Les enseignants ont battu le pavé contre la réforme.", "battu", "PROTEST", "141", None, None),
    ("Les dockers se sont mis en grève.", "mis", "PROTEST", "143", None, None),
    ("Le ministre français a mis en garde la Russie.", "mis", "THREATEN", "130", "FRA", "RUS"),
    ("L'ancien président a été mis en examen pour corruption.", "mis", "COERCE", "173", None, None),  # charged
    ("L'opposant tunisien a été gardé à vue pendant deux jours.", "gardé", "COERCE", "173", None, "TUN"),
    ("Le gouvernement a mis fin aux sanctions contre Cuba.", "mis", "RETREAT", "085", None, None),
    ("Les rebelles ont déposé les armes.", "déposé", "RETREAT", "0873", None, None),
    ("Un rapport de l'ONU pointe la responsabilité du Rwanda.", "pointe", "ACCUSE", "112", "IGO", "RWA"),
    ("Le Kenya a tourné le dos à la Somalie.", "tourné", "REJECT", "120", "KEN", "SOM"),
    ("Les soldats maliens sont entrés dans la localité de Kidal.", "entrés", "ASSAULT", "190", "MLI", None),
    # easing or reducing relations and sanctions
    ("L'Union européenne a suspendu les sanctions contre la Biélorussie.", "suspendu", "RETREAT", "085", "IGO",
     "BLR"),
    ("La Chine a gelé les négociations avec Taïwan.", "gelé", "SANCTION", "164", "CHN", "TWN"),
    ("Le Maroc a réduit ses relations avec l'Iran.", "réduit", "SANCTION", "161", "MAR", "IRN"),
    ("La Russie a rappelé des réservistes.", "rappelé", "MOBILIZE", "154", "RUS", None),
    # nouns with a support verb
    ("Le Burkina Faso a réitéré sa demande de retrait des troupes françaises.", "demande", "REQUEST", "100", "BFA",
     None),
    ("Washington a adressé un avertissement à Pékin.", "avertissement", "THREATEN", "130", "USA", "CHN"),
    ("La prise d'otages par des rebelles a fait trois morts à Bamako.", "prise", "ASSAULT", "181", None, None),
    # repression, exile, taking ground, insults
    ("La junte birmane opprime les Rohingyas.", "opprime", "ASSAULT", "175", "MMR", None),
    ("La police a sévi contre les manifestants à Téhéran.", "sévi", "COERCE", "170", "IRN", "IRN"),
    ("Le régime a exilé des dizaines d'opposants cubains.", "exilé", "COERCE", "174", None, "CUB"),
    ("L'armée ukrainienne a reconquis la ville de Kherson.", "reconquis", "ASSAULT", "190", "UKR", None),
    ("Les rebelles ont chassé l'armée malienne de Kidal.", "chassé", "ASSAULT", "190", None, "MLI"),
    ("L'armée nigériane a éliminé une trentaine de djihadistes.", "éliminé", "ASSAULT", "190", "NGA", None),
    ("Le président brésilien a insulté son homologue français.", "insulté", "ACCUSE", "111", "BRA", "FRA"),
    # supplies of energy are economic cooperation, of weapons military aid
    ("Le Qatar a fourni du gaz à l'Allemagne.", "fourni", "COOPERATE", "061", "QAT", "DEU"),
    ("La fourniture d'armes américaines à l'Ukraine a repris.", "fourniture", "AID", "072", "USA", None),
    # objects the parser hangs on a preceding day name
    ("Les Houthis ont décrété samedi un cessez-le-feu unilatéral autour de Marib.", "décrété", "RETREAT",
     "0871", "YEM", None),
    ("L'armée israélienne a réimposé lundi des bouclages dans la bande de Gaza.", "réimposé", "COERCE", "172",
     "ISR", "PSE"),
]


test_sentence_codes_the_expected_event = sentence_table_test(SENTENCES)


@pytest.mark.model
def test_exercises_without_a_partner_stay_a_show_of_force(pipeline):
    events = code(pipeline, "La Russie a lancé des manœuvres militaires près de la frontière.")
    assert {(e.event_type, e.cameo_code) for e in events} == {("MOBILIZE", "150")}


@pytest.mark.model
def test_training_foreign_soldiers_stays_military_cooperation(pipeline):
    events = code(pipeline, "La France a formé des soldats ukrainiens.")
    assert {(e.event_type, e.cameo_code) for e in events} == {("COOPERATE", "062")}
    assert {(a.code, r.code) for e in events for a in e.actor for r in e.recipient} == {("FRA", "UKR")}


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Le conflit qui oppose l'Arménie à l'Azerbaïdjan dure depuis trente ans.",  # "opposer A à B" is no refusal
    "Météo-France a mis le département en alerte orange.",  # a weather alert is no military alert
    "Les habitants restent en alerte face à la montée des eaux.",  # nor is a population's vigilance
    "Le cuisinier a rapatrié ses économies en France.",  # repatriating money is no troop withdrawal
    "Le maire a levé les barrages de police autour du stade.",  # only protesters concede by lifting barricades
    "La famille a envoyé des photos à ses proches.",  # sending is an event only for troops, arms, envoys...
    "Le président a déclaré que l'état d'urgence serait bientôt levé.",  # "déclarer que" only reports
    "Les touristes sont entrés dans la ville par la porte nord.",  # only troops take a town by entering it
    "Le ministre a pris la défense en main.",  # "prendre la défense" of nobody is no verbal support
    "Le gouvernement veut éliminer la pauvreté.",  # only armed actors eliminate an enemy
])
def test_general_senses_are_not_events(pipeline, text):
    assert list(code(pipeline, text)) == []
