"""Frames added in session 10 code by code from the CAMEO codebook and the PLOVER manual (issue 9): light-verb
constructions and event nouns of the types tune loses most (SANCTION, THREATEN, CONSULT, PROTEST, CONCEDE,
RETREAT). Made-up sentences are coded as a human coder following eval/ANNOTATION.md would, and the general senses
of the same words are not events."""
from __future__ import annotations

import pytest

from coding import code, sentence_table_test

SENTENCES = [
    # (sentence, trigger word in the event text, PLOVER type, CAMEO code, actor country, recipient country)
    # 14 PROTEST: rioters "take as a target" the police (145); armed forces attack (190)
    ("Des jeunes ont pris pour cible les policiers avec des pierres à Nantes.", "pris", "PROTEST", "145", "FRA",
     "FRA"),
    ("L'armée russe a pris pour cible un convoi humanitaire ukrainien.", "pris", "ASSAULT", "190", "RUS", "UKR"),
    # 14 PROTEST: a crowd showing its anger is rallying (141)
    ("Des milliers de Serbes ont manifesté leur colère devant le Parlement à Belgrade.", "manifesté", "PROTEST",
     "141", "SRB", None),
    # 16 SANCTION: recalling the whole diplomatic staff reduces relations (161)
    ("Le Bénin a rappelé son personnel diplomatique en poste au Niger.", "rappelé", "SANCTION", "161", "BEN", None),
    # rule quantified_modifier: the adjective of the quantified noun counts ("l'ensemble de son personnel ...")
    ("La Biélorussie a rappelé l'ensemble de son personnel diplomatique.", "rappelé", "SANCTION", "161", "BLR",
     None),
    # 11 ACCUSE: "tenir X pour responsable" blames (112)
    ("Le président vénézuélien tient la Colombie pour responsable des violences.", "tient", "ACCUSE", "112", "VEN",
     "COL"),
    # 19 FIGHT / 17 COERCE: a named place taken is territory occupied (192)
    ("La Russie revendique la prise de Lyssytchansk.", "prise", "COERCE", "192", "RUS", None),
    # 13 THREATEN: a warning named by "mise en garde" with its support verb (130)
    ("Washington a lancé une mise en garde à Moscou.", "mise", "THREATEN", "130", "USA", "RUS"),
    # 08 RETREAT: military disengagement (0871), as "retrait"
    ("Le désengagement des troupes françaises du Mali est achevé.", "désengagement", "RETREAT", "0871", "FRA",
     None),
    # 16 SANCTION: supplies cut are relations reduced (160)
    ("Gazprom a réduit ses livraisons de gaz à l'Allemagne.", "réduit", "SANCTION", "160", "RUS", "DEU"),
    # 11 ACCUSE: a complaint "pour" a crime is filed, with or without a support verb (115)
    ("Le ministre tunisien est visé par une plainte d'Amnesty International pour torture.", "plainte", "ACCUSE",
     "115", None, "TUN"),
    # 08 CONCEDE: a moratorium on a contested policy (0832, as "suspendre la hausse")
    ("Le gouvernement français a annoncé un moratoire sur la hausse des taxes.", "moratoire", "CONCEDE", "0832",
     "FRA", None),
]


test_sentence_codes_the_expected_event = sentence_table_test(SENTENCES)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Le ministre a manifesté son mécontentement.",  # an official's displeasure is no rally
    "Le chanteur a pris pour modèle son père.",  # only "pour cible" makes "prendre" an attack
    "Les plaintes pour vol ont augmenté de 10 % en 2018.",  # complaints counted, no one files one
    "Le professeur a rappelé le personnel de la cantine.",  # only diplomatic staff recalled is a sanction
    "Le chanteur tient son public en haleine.",  # "tenir" blames only "pour responsable"
    "La prise de parole du ministre a duré une heure.",  # only a place taken is an occupation
    "La Banque centrale européenne a baissé ses taux.",  # only supplies cut reduce relations
])
def test_general_senses_are_not_events(pipeline, text):
    assert list(code(pipeline, text)) == []
