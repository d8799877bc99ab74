"""Session-5 breadth entries of lang/fr/verbs*.yaml (batch 'breadth', issue 9): event nouns and verbs written code
by code from the CAMEO codebook, headline event nouns the parser takes for names, and frames for people
mobilised, shots into a crowd and martial law. Made-up sentences coded as eval/ANNOTATION.md says; general senses
of the same words stay no event."""
from __future__ import annotations

import pytest

from newsevents.langdata import load_language
from newsevents.lexicon import Lexicon

from coding import code, sentence_table_test


def test_breadth_entries_load_with_their_codes():
    lexicon = Lexicon.from_data(load_language("fr"))
    assert lexicon.verbs["abdiquer"][0].cameo == "0831"
    assert lexicon.nouns["coopération"][-1].cameo == "060"
    assert lexicon.nouns["dispersion"][0].cameo == "175"
    assert any(f.cameo == "1724" and "loi" in (f.objects or ()) for f in lexicon.verbs["instaurer"])


SENTENCES = [
    # (sentence, trigger word in the event text, PLOVER type, CAMEO code, actor country, recipient country)
    ("Le roi des Belges a abdiqué mardi.", "abdiqué", "RETREAT", "0831", "BEL", None),
    ("Le Kenya regrette la décision de l'Ouganda de fermer la frontière.", "regrette", "ACCUSE", "111", "KEN", "UGA"),
    ("Les rebelles ont plastiqué le siège du gouvernement malien à Bamako.", "plastiqué", "ASSAULT", "183", None, None),
    ("Le Japon poursuit sa coopération militaire avec les Philippines.", "coopération", "COOPERATE", "062",
     "JPN", "PHL"),
    ("Arrestation de deux journalistes français en Iran : Paris proteste.", "Arrestation", "COERCE", "173", None,
     None),
    ("Au Chili, 20 000 personnes étaient mobilisées samedi contre la réforme.", "mobilisées", "PROTEST", "141",
     None, None),
    ("Vladimir Poutine instaure la loi martiale dans les territoires annexés.", "instaure", "COERCE", "1724",
     "RUS", None),
    ("Un homme a tiré dans la foule à Strasbourg mardi soir.", "tiré", "ASSAULT", "180", None, None),
    # "à mort" parsed as an xcomp still counts as the frame's complement
    ("Un journaliste brésilien a été battu à mort par des policiers à Rio.", "battu", "ASSAULT", "1823", None,
     None),
    # hosts receiving union leaders or employers: a visit to the host (swap)
    ("Le président Lula a reçu les syndicalistes argentins à Brasilia.", "reçu", "CONSULT", "042", "ARG", "BRA"),
    # a firm pulling out of a country cuts economic ties (CAMEO 160)
    ("Le constructeur Renault cesse ses activités en Russie.", "cesse", "SANCTION", "160", None, "RUS"),
    # batch 'breadth', second part: vocabulary of CAMEO 08, 17, 18, 19
    ("Un opposant tunisien a été passé à tabac par des policiers à Tunis.", "passé", "ASSAULT", "182", "TUN", None),
    ("La marine ukrainienne a coulé un croiseur russe en mer Noire.", "coulé", "ASSAULT", "190", "UKR", "RUS"),
    ("La police espagnole a reconduit le militant marocain à la frontière.", "reconduit", "COERCE", "174", "ESP",
     "MAR"),
    ("Le gouvernement français recule sur la taxe carbone.", "recule", "CONCEDE", "0832", "FRA", None),
    # an evaluation verb with a disapproving adjective as complement (CAMEO 111)
    ("Le Kenya a jugé inacceptables les propos du ministre ougandais.", "jugé", "ACCUSE", "111", "KEN", "UGA"),
    ("Le Ghana a qualifié de scandaleuse la décision du Togo.", "qualifié", "ACCUSE", "111", "GHA", "TGO"),
    # "apporter son soutien" is backing expressed (SUPPORT 051) unless the support is material
    ("Le Sénégal a apporté son soutien au président malien.", "soutien", "SUPPORT", "051", "SEN", "MLI"),
    ("Le Japon a apporté une aide humanitaire au Pakistan.", "apporté", "AID", "073", "JPN", "PAK"),
    # convening the parties is a meeting
    ("Le président kényan a réuni les dirigeants éthiopiens à Nairobi.", "réuni", "CONSULT", "040", None, None),
    # a quantity adverb the parser makes the head of the object ("plus de 12 000 réfugiés")
    ("La Pologne a accueilli plus de 300 000 réfugiés ukrainiens.", "accueilli", "AID", "075", "POL", None),
]


test_sentence_codes_the_expected_event = sentence_table_test(SENTENCES)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Le chef regrette la pluie de dimanche.",  # regret for the weather is no disapproval of anyone
    "Des milliers de soldats ont été mobilisés à la frontière.",  # troops mobilised are no rally
    "Le chasseur a tiré sur une cible en carton.",  # a target practice with nobody named
    "La boulangerie cesse ses activités le dimanche.",
    "Le bateau de pêche a coulé au large de la Bretagne.",  # a ship sinking by itself is no attack
    "Le maire a qualifié la situation d'inhumaine.",  # a judgement on circumstances blames nobody
    "Le ministre juge la réforme nécessaire.",  # an approving or neutral judgement is no disapproval
    "Les enquêteurs ont réuni des preuves contre le suspect.",  # gathering evidence is no meeting  # closing on Sundays is no cut in ties with anyone
])
def test_general_senses_are_not_protests_or_disapproval(pipeline, text):
    events = code(pipeline, text)
    assert not {e.event_type for e in events} & {"PROTEST", "ACCUSE", "SANCTION", "ASSAULT", "CONSULT"}
