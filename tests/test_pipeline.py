"""Pipeline: paragraph splitting, offsets, and per-document isolation."""
from __future__ import annotations

import pytest

from newsevents.pipeline import Pipeline, paragraphs
from newsevents.records import Article


@pytest.mark.parametrize("text", ["  Un.\n\nDeux trois. Quatre\n cinq  \n", "sans saut", "", "\n\n"])
def test_paragraph_offsets_point_into_text(text):
    for start, para in paragraphs(text):
        assert text[start:start + len(para)] == para
        assert para == para.strip() and para


def test_long_paragraph_is_cut_after_a_sentence():
    text = "Phrase une. Phrase deux. Phrase trois."
    pieces = paragraphs(text, max_chars=15)
    assert [p for _, p in pieces] == ["Phrase une.", "Phrase deux.", "Phrase trois."]


@pytest.mark.model
def test_sentences_do_not_cross_line_breaks_and_spans_are_exact(nlp):
    pipeline = Pipeline("fr", nlp=nlp, force_lang=True)
    text = ("Le ministre malien a critiqué la France lundi\n"
            "Selon l'agence AFP, l'armée russe a bombardé la ville ukrainienne de Kharkiv mardi.")
    result = pipeline.process([Article("p1", text, "2024-03-07")]).__next__()
    assert result.status == "ok"
    accuse = [e for e in result.events if e.event_type == "ACCUSE"]
    assert accuse and accuse[0].attribution is None  # the next paragraph's source is not this one's
    assert "\n" not in accuse[0].sentence
    for event in result.events:
        start, end = event.event_span
        assert text[start:end] == event.event_text
        s0, s1 = event.sentence_span
        assert text[s0:s1] == event.sentence


@pytest.mark.model
def test_one_failing_document_does_not_stop_the_others(nlp):
    pipeline = Pipeline("fr", nlp=nlp, force_lang=True)

    def boom(article, docs):
        if article.id == "bad":
            raise RuntimeError("coder exploded")
        return []

    pipeline.coder.code = boom
    results = list(pipeline.process([Article("a", "Paris a critiqué Moscou."), Article("bad", "Texte."),
                                     Article("c", "Berlin a salué Kiev.")]))
    assert [r.status for r in results] == ["ok", "error", "ok"]
    assert "coder exploded" in results[1].error


def test_ten_megabyte_document_is_parsed_in_bounded_pieces():
    """A 10 MB article goes through paragraph by paragraph: no Doc of the whole text is ever built, and the
    pieces are freed as the coder moves on (a blank tokenizer-only pipeline keeps the test fast)."""
    import gc
    import weakref

    import spacy

    nlp = spacy.blank("fr")
    nlp.add_pipe("sentencizer")
    pipeline = Pipeline("fr", nlp=nlp, force_lang=True, time_budget=None)  # memory, not time, is tested
    paragraph = "Le ministre a rencontré son homologue à Paris pour parler de la situation régionale. " * 12
    text = "\n".join([paragraph] * (10_000_000 // (len(paragraph) + 1) + 1))
    assert len(text.encode("utf-8")) > 10_000_000
    alive: list = []
    largest = 0
    real_code = pipeline.coder.code

    def watching_code(article, docs):
        def tracked():
            nonlocal largest
            for offset, doc in docs:
                largest = max(largest, len(doc.text))
                alive.append(weakref.ref(doc))
                yield offset, doc

        return real_code(article, tracked())

    pipeline.coder.code = watching_code
    [result] = list(pipeline.process([Article("gros", text, "2024-01-21")]))
    assert result.status == "ok"
    gc.collect()
    assert len(alive) > 1000  # parsed in many pieces
    assert largest <= len(paragraph) + 1
    assert sum(ref() is not None for ref in alive) < 50  # the pieces did not pile up in memory
