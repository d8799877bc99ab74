"""lang/fr/verbs_more.yaml: the extra French event verbs and nouns load, do not redefine verbs.yaml entries, use
valid CAMEO codes, and code made-up sentences as a human coder following eval/ANNOTATION.md would."""
from __future__ import annotations

import pytest

from newsevents.codes import load_cameo
from newsevents.langdata import load_language
from newsevents.lexicon import FRAME_KEYS, Lexicon

from coding import assert_codes, code


@pytest.fixture(scope="module")
def files():
    data = load_language("fr")
    return data.files["verbs"], data.files["verbs_more"]


def test_file_has_a_source_and_both_sections(files):
    _, more = files
    assert more["source"].strip()
    assert more["verbs"] and more["nouns"]


def test_lexicon_loads_with_the_extra_entries():
    lexicon = Lexicon.from_data(load_language("fr"))
    assert lexicon.verbs["dépêcher"][0].cameo == "090"
    assert lexicon.nouns["embuscade"][0].cameo == "190"
    assert "tendre" in lexicon.support_verbs


@pytest.mark.parametrize("section", ["verbs", "nouns"])
def test_no_lemma_is_also_in_verbs_yaml(files, section):
    base, more = files
    assert not set(base.get(section) or {}) & set(more.get(section) or {})


def test_every_frame_has_a_cameo_code_with_a_plover_type(files):
    _, more = files
    cameo = load_cameo()
    for section in ("verbs", "nouns"):
        for lemma, frames in more[section].items():
            for frame in frames:
                assert set(frame) <= FRAME_KEYS, (lemma, frame)
                code = str(frame["cameo"])
                assert code in cameo and cameo[code].plover_event, (lemma, code)


def test_codes_follow_the_plover_manual(files):
    """Summoning an ambassador is ACCUSE and a police search COERCE (PLOVER manual), a cancelled visit SANCTION
    (CAMEO.2.0 CANCEL VISIT)."""
    _, more = files
    cameo = load_cameo()

    def plover(section, lemma, index=0):
        return cameo.plover(str(more[section][lemma][index]["cameo"]))

    assert plover("verbs", "convoquer") == "ACCUSE"
    assert plover("verbs", "perquisitionner") == "COERCE"
    assert plover("verbs", "annuler") == "SANCTION"
    assert plover("verbs", "acquitter") == "CONCEDE"


# -- made-up sentences through the real pipeline -------------------------------------------------------------

SENTENCES = [
    # (sentence, trigger word in the event text, PLOVER type, CAMEO code, actor country, recipient country)
    ("L'AIEA a dépêché une équipe d'inspecteurs en Syrie.", "dépêché", "ACCUSE", "090", "IGO", "SYR"),
    ("Des détenus se sont mutinés lundi dans une prison du nord du pays.", "mutinés", "PROTEST", "145", None, None),
    ("Les dockers du port ont cessé le travail mardi pour protester contre la réforme.", "cessé", "PROTEST", "143",
     None, None),
    ("La Serbie et le Kosovo ont normalisé leurs relations diplomatiques.", "normalisé", "SUPPORT", "050", "SRB",
     "KSV"),
    ("Les services marocains ont partagé des renseignements avec l'Espagne sur un réseau de passeurs.", "partagé",
     "COOPERATE", "064", "MAR", None),
    ("Les Nations unies ont évacué les blessés de la ville syrienne de Homs.", "évacué", "AID", "073", "IGO", "SYR"),
    ("Le Liban s'est plaint auprès des Nations unies des raids aériens israéliens.", "plaint", "ACCUSE", "114", "LBN",
     None),
    ("Le ministère russe des affaires étrangères a convoqué l'ambassadeur de France.", "convoqué", "ACCUSE", "114",
     "RUS", "FRA"),
    ("Le président a proclamé l'état d'urgence dans la capitale après les émeutes.", "proclamé", "COERCE", "1724",
     None, None),
    ("La police kényane a dispersé les manifestants à Nairobi.", "dispersé", "ASSAULT", "175", "KEN", "KEN"),
    ("Un homme a poignardé un policier devant le commissariat de Tunis.", "poignardé", "ASSAULT", "182", None, None),
    ("La Pologne a fermé son espace aérien aux avions russes.", "fermé", "SANCTION", "163", "POL", "RUS"),
    ("L'Ukraine a annoncé la suspension des vols vers la Russie.", "suspension", "SANCTION", "160", "UKR", "RUS"),
    ("Le gouvernement malien a annulé la visite du ministre français à Bamako.", "annulé", "SANCTION", "161", "MLI",
     None),
    ("Le tribunal a acquitté l'opposant tunisien.", "acquitté", "CONCEDE", "081", None, "TUN"),
    ("La Corée du Nord a testé un nouveau missile balistique.", "testé", "MOBILIZE", "150", "PRK", None),
    ("Des rebelles ont tendu une embuscade à un convoi de l'armée malienne.", "embuscade", "ASSAULT", "190", None,
     None),
    ("Les Etats-Unis soupçonnent la Chine d'espionnage.", "soupçonnent", "ACCUSE", "112", "USA", "CHN"),
    ("Des centaines de familles syriennes ont cherché refuge au Liban.", "cherché", "REQUEST", "103", None, "LBN"),
    ("La France a vendu des avions Rafale à l'Inde.", "vendu", "COOPERATE", "062", "FRA", "IND"),
    ("Les forces russes ont abandonné leurs positions près de Kherson.", "abandonné", "RETREAT", "0874", "RUS", None),
    ("Le Japon a alloué 500 millions de dollars à l'Ukraine.", "alloué", "AID", "071", "JPN", "UKR"),
    ("Washington a intenté un procès contre la Chine devant l'OMC.", "intenté", "ACCUSE", "115", "USA", "CHN"),
    ("Les talibans ont muselé la presse afghane.", "muselé", "COERCE", "1721", "AFG", "AFG"),
    ("La police a perquisitionné les bureaux du parti d'opposition à Ankara.", "perquisitionné", "COERCE", "171",
     None, None),
    ("Le gouvernement tunisien a accédé aux demandes des syndicats.", "accédé", "CONCEDE", "080", "TUN", "TUN"),
    ("Le Kenya a satisfait les exigences du FMI.", "satisfait", "CONCEDE", "080", "KEN", "IGO"),
    ("La Turquie a fait une proposition de cessez-le-feu à l'Arménie.", "proposition", "AGREE", "030", "TUR", None),
]


@pytest.mark.model
@pytest.mark.parametrize("text,trigger,plover,cameo,actor,recipient", SENTENCES,
                         ids=[s[1] for s in SENTENCES])
def test_sentence_codes_the_expected_event(pipeline, text, trigger, plover, cameo, actor, recipient):
    assert_codes(pipeline, text, trigger, plover, cameo, actor, recipient)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Des milliers de foyers sont privés d'électricité après la tempête.",  # a blackout is no coercion
    "Les pompiers ont évacué l'immeuble en flammes.",  # evacuating a building is no aid to a party
    "Le Japon a testé une nouvelle voiture électrique.",  # testing is a show of force only for weapons
])
def test_general_senses_are_not_events(pipeline, text):
    assert list(code(pipeline, text)) == []
