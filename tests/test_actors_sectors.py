"""Sectors of actors on made-up French sentences parsed by the real model (fr_core_news_md): titles given in
the text, relatives, demonym nouns for people, opposition, former office holders."""
from __future__ import annotations

import pytest

from newsevents.actors import ActorResolver
from newsevents.langdata import load_language

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def resolver(nlp):
    return ActorResolver(load_language("fr"), nlp=nlp)


def resolve(nlp, resolver, text, head, published="2023-05-10"):
    doc = nlp(text)
    ctx = resolver.article(published)
    ctx.add_doc(doc, 0)
    tok = next(t for t in doc if t.text == head)
    return [(e.code, e.sector) for e in ctx.resolve(tok)]


@pytest.mark.parametrize("text, head, published, expected", [
    # out of office by the date, but the text gives a present title: the title's sector
    ("Le président Reagan a menacé la Libye de représailles.", "président", "1995-06-01", [("USA", "GOV")]),
    ("Le général Michel Aoun a fermé le port de Beyrouth.", "général", "2000-03-01", [("LBN", "MIL")]),
    # a former title keeps ELI; a person in office keeps the dated role
    ("L'ancien président Reagan a critiqué la Libye.", "président", "1995-06-01", [("USA", "ELI")]),
    ("Le président Emmanuel Macron a reçu le roi du Maroc.", "président", "2023-05-10", [("FRA", "GOV")]),
])
def test_title_in_the_text_and_dated_roles(nlp, resolver, text, head, published, expected):
    assert resolve(nlp, resolver, text, head, published) == expected


@pytest.mark.parametrize("text, head, expected", [
    # a relative of an office holder is a civilian of that country; the noun's own sector wins over a person
    # in its "de" complement
    ("La police a interrogé l'épouse du président Emmanuel Macron.", "épouse", [("FRA", "CVL")]),
    ("L'armée de Vladimir Poutine a bombardé la ville.", "armée", [("RUS", "MIL")]),
    # demonym nouns for some people: civilians; a bare definite plural stays the country
    ("Des Tunisiens ont manifesté devant l'ambassade.", "Tunisiens", [("TUN", "CVL")]),
    ("Israël a imposé un couvre-feu aux Palestiniens vivant à Hébron.", "Palestiniens", [("PSE", "CVL")]),
    ("La police a dispersé les Syriens qui manifestaient devant la mairie.", "Syriens", [("SYR", "CVL")]),
    ("Les Américains ont proposé un accord.", "Américains", [("USA", "")]),
    # opposition parties and candidates, deposed leaders, extremist organisations, the wounded
    ("Cinq partis d'opposition ont boycotté le scrutin au Togo.", "partis", [("TGO", "OPP")]),
    ("Le pouvoir a écarté les candidats de l'opposition tchadienne.", "candidats", [("TCD", "OPP")]),
    ("Le président déchu du Niger a refusé de démissionner.", "président", [("NER", "ELI")]),
    ("Londres a interdit une organisation extrémiste irlandaise.", "organisation", [("IRL", "REB")]),
    ("Les secours ont évacué les blessés de la ville syrienne.", "blessés", [("SYR", "CVL")]),
])
def test_sector_of_the_phrase(nlp, resolver, text, head, expected):
    assert resolve(nlp, resolver, text, head) == expected
