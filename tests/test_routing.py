"""Language routing (``--lang auto``): each document goes to its own language's pipeline, built once; a
language with no pack is skipped with a note naming it. Stand-in pipelines: no spaCy model needed (language
identification is lingua's)."""
from __future__ import annotations

import pytest

from newsevents.records import Article, DocumentResult
from newsevents.routing import LanguageRouter, coder_key, lang_value, make_pipeline

FRENCH = "Le président français a rencontré mardi son homologue allemand à Berlin pour parler de la guerre."
ENGLISH = "The French president met his German counterpart in Berlin on Tuesday to discuss the war."
PORTUGUESE = "O presidente francês encontrou-se na terça-feira com o seu homólogo alemão em Berlim."


class Recorder:
    """A stand-in pipeline per language that records what it was given."""

    built: list[str] = []

    def __init__(self, lang: str):
        self.lang = lang
        self.seen: list[str] = []
        Recorder.built.append(lang)

    def process(self, articles, skip=None):
        for article in articles:
            self.seen.append(article.id)
            yield DocumentResult(article, notes=(f"coded as {self.lang}",))


@pytest.fixture
def router():
    Recorder.built = []
    return LanguageRouter(factory=Recorder, batch_size=2)


def test_mixed_input_is_routed_per_document_in_order(router):
    articles = [Article("fr1", FRENCH), Article("en1", ENGLISH), Article("fr2", FRENCH), Article("pt1", PORTUGUESE),
                Article("en2", ENGLISH), Article("en3", ENGLISH), Article("en4", ENGLISH)]
    results = list(router.process(articles))
    assert [r.article.id for r in results] == [a.id for a in articles]
    assert [r.article.lang for r in results] == ["fr", "en", "fr", "pt", "en", "en", "en"]
    assert [r.status for r in results] == ["ok", "ok", "ok", "skipped", "ok", "ok", "ok"]
    assert results[0].notes == ("coded as fr",) and results[1].notes == ("coded as en",)
    assert "pt" in results[3].notes[0] and "no language pack" in results[3].notes[0]
    assert Recorder.built == ["fr", "en"]  # each language's pipeline is built once, on first use
    assert router.pipeline("en").seen == ["en1", "en2", "en3", "en4"]


def test_a_declared_language_is_trusted_and_an_unknown_one_skipped(router):
    results = list(router.process([Article("a", ENGLISH, lang="fr"), Article("b", FRENCH, lang="xx")]))
    assert results[0].notes == ("coded as fr",)
    assert results[1].status == "skipped" and "language xx has no language pack" in results[1].notes[0]


def test_empty_and_unidentifiable_documents_are_skipped_with_a_reason(router):
    results = list(router.process([Article("empty", "  \n "), Article("digits", "2024 123 456")]))
    assert [r.status for r in results] == ["skipped", "skipped"]
    assert "empty document" in results[0].notes[0]
    assert "could not be identified" in results[1].notes[0]
    assert Recorder.built == []  # nothing loaded for documents that are not coded


def test_trace_names_the_document_when_its_language_has_no_pack(router):
    with pytest.raises(ValueError, match="document pt1: language pt has no language pack"):
        router.trace(Article("pt1", PORTUGUESE))


def test_the_lang_option_values():
    assert lang_value("auto") is None and lang_value(None) is None and lang_value(" EN ") == "en"
    assert isinstance(make_pipeline("auto"), LanguageRouter)
    with pytest.raises(ValueError, match="unsupported language 'pt'"):
        make_pipeline("pt")


def test_the_ingest_key_follows_each_article_language():
    from newsevents.records import Coder

    class WithInfo(Recorder):
        def __init__(self, lang):
            super().__init__(lang)
            self.coder_info = Coder(version="1", model=lang, model_version="0", dictionary_checksum=f"sum-{lang}")

    key = coder_key(LanguageRouter(factory=WithInfo))
    assert key(Article("a", "x", lang="en")) == "1/sum-en" and key(Article("b", "x", lang="fr")) == "1/sum-fr"
    assert coder_key(object()) is None


def test_a_short_english_text_with_names_is_routed_to_english(router):
    """Short texts lean on few lowercase words ("met in" reads as Dutch): the router prefers the languages
    that have a pack, so the text is coded as English, not skipped."""
    results = list(router.process([Article("short", "Putin met Xi in Beijing.")]))
    assert results[0].status == "ok" and results[0].article.lang == "en"


def test_an_unidentified_language_note_names_the_languages_to_force(router):
    results = list(router.process([Article("digits", "2024 123 456")]))
    assert results[0].status == "skipped"
    assert "use --lang to force one (fr, en, es)" in results[0].notes[0]
