"""Session four of the French lexicon (issue 9, breadth and senses): made-up sentences coded as a human coder
following eval/ANNOTATION.md would (type, CAMEO code and dyad), and the other senses of the same words, which are
not events. Each entry was checked on the whole tune part of eval/train and on the dev sets (docs/accuracy.md)."""
from __future__ import annotations

import pytest

from coding import assert_codes, code

SENTENCES = [
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


@pytest.mark.model
@pytest.mark.parametrize("text,trigger,plover,cameo,actor,recipient", SENTENCES,
                         ids=[f"{s[1]}-{s[3]}" for s in SENTENCES])
def test_sentence_codes_the_expected_event(pipeline, text, trigger, plover, cameo, actor, recipient):
    assert_codes(pipeline, text, trigger, plover, cameo, actor, recipient)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Les douaniers ont saisi l'occasion de se reposer.",  # seizing a chance is no confiscation
    "Le coureur français poursuit sa route vers Lyon.",  # continuing is no prosecution
    "Le cycliste a rejoint le peloton à Lyon.",  # joining a group of riders is no military cooperation
    "L'Afrique du Sud veut livrer au Malawi un prédicateur controversé.",  # extraditing a person is no aid
])
def test_other_senses_code_nothing(pipeline, text):
    assert list(code(pipeline, text)) == []
