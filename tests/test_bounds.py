"""Bounded work per document: text pieces of bounded size, the per-document time budget (issue 11)."""
from __future__ import annotations

import threading
import time

import pytest

from newsevents.bounds import BUDGET_CHARS, NO_END_PIECE_CHARS, Deadline, DocumentTimeout, document_budget, pieces
from newsevents.pipeline import Pipeline
from newsevents.records import Article

CLAUSE = "le ministre a reçu son homologue dans la capitale, "


def _check_offsets(text: str, parts: list[tuple[int, str]], max_chars: int) -> None:
    for start, piece in parts:
        assert text[start:start + len(piece)] == piece
        assert piece == piece.strip() and 0 < len(piece) <= max_chars


def test_a_short_line_is_never_cut():
    text = "Une phrase. Une autre phrase, plus longue; avec des virgules.\nDeux."
    assert pieces(text, 100) == [(0, text.split("\n")[0]), (text.index("Deux"), "Deux.")]


def test_a_long_line_is_cut_after_a_sentence_end_not_after_an_initial():
    text = "Il a vu M. Dupont hier. Elle a vu Mme Durand aujourd'hui. Ils partent demain."
    parts = pieces(text, 60)
    _check_offsets(text, parts, 60)
    assert [p for _, p in parts] == ["Il a vu M. Dupont hier. Elle a vu Mme Durand aujourd'hui.",
                                     "Ils partent demain."]


def test_a_line_with_no_sentence_end_is_cut_at_clause_marks():
    text = CLAUSE * 10
    parts = pieces(text, 120)
    _check_offsets(text, parts, 120)
    assert all(p.endswith(",") for _, p in parts[:-1])
    assert sum(len(p) for _, p in parts) + len(parts) - 1 == len(text.strip())


def test_a_long_line_with_no_sentence_end_is_cut_into_shorter_pieces():
    line = ("le ministre a reçu son homologue " * 200).strip()  # 6,599 characters, no mark, no sentence end
    parts = pieces(line)
    _check_offsets(line, parts, 3000)
    assert all(len(p) <= NO_END_PIECE_CHARS for _, p in parts[:-1]) and len(parts[-1][1]) <= 3000
    assert len(parts[0][1]) > NO_END_PIECE_CHARS - 40  # cut at the last space of the shorter window
    text = "Le ministre a reçu son homologue. " * 150  # with sentence ends: pieces of up to 3,000 characters
    assert max(len(p) for _, p in pieces(text)) > 2900


def test_a_line_with_no_mark_nor_space_is_cut_at_the_limit():
    text = "x" * 250
    assert [len(p) for _, p in pieces(text, 100)] == [100, 100, 50]


def test_one_megabyte_line_is_cut_in_linear_time():
    text = ("sans fin de phrase ni virgule " * 40_000)[:1_000_000]
    t0 = time.perf_counter()
    parts = pieces(text)
    assert time.perf_counter() - t0 < 5  # about 0.1 s; quadratic cutting would take minutes
    _check_offsets(text, parts, 3000)
    assert len(parts) >= 1_000_000 // 3000


def test_deadline_check_outside_the_main_thread():
    errors = []

    def run():
        with Deadline(0.05) as deadline:  # no alarm outside the main thread: only check() stops
            deadline.check()
            time.sleep(0.1)
            try:
                deadline.check()
            except DocumentTimeout as exc:
                errors.append(str(exc))

    worker = threading.Thread(target=run)
    worker.start()
    worker.join(5)
    assert errors and "time budget of one document is 0.05 s" in errors[0]


def test_deadline_alarm_interrupts_code_that_never_checks():
    t0 = time.perf_counter()
    with pytest.raises(DocumentTimeout):
        with Deadline(0.2):
            while True:
                pass
    assert time.perf_counter() - t0 < 2
    with Deadline(None) as deadline:  # no budget: never raises
        time.sleep(0.01)
        deadline.check()


class _SlowCoder:
    """A stand-in coder: loops forever on the document 'slow', returns no event for the others."""

    def code(self, article, docs):
        for _ in docs:
            pass
        while article.id == "slow":
            pass
        return []


def _fake_pipeline(budget: float) -> Pipeline:
    import spacy

    pipeline = Pipeline.__new__(Pipeline)  # no language data, no model: only the scheduling is under test
    nlp = spacy.blank("fr")
    pipeline.__dict__.update(lang="fr", force_lang=True, batch_size=64, time_budget=budget,
                             max_doc_chars=1_000_000, nlp=nlp, coder=_SlowCoder())
    pipeline.prepare = lambda article: article
    return pipeline


@pytest.mark.parametrize("in_thread", [False, True])
def test_a_slow_document_ends_with_an_error_and_the_run_goes_on(in_thread):
    pipeline = _fake_pipeline(0.3)
    articles = [Article("before", "Un texte."), Article("slow", "Un texte lent."), Article("after", "Un autre.")]
    out = []
    if in_thread:  # no alarm outside the main thread: the coder must be interruptible some other way
        pipeline.coder = type("C", (), {"code": lambda self, a, docs: [d for d in docs if time.sleep(0.2)
                                                                       or True] and []})()
        articles[1] = Article("slow", "\n".join(["ligne"] * 20))  # 20 pieces of 0.2 s: 4 s without a budget
        worker = threading.Thread(target=lambda: out.extend(pipeline.process(articles)))
        worker.start()
        worker.join(10)
    else:
        t0 = time.perf_counter()
        out = list(pipeline.process(articles))
        assert time.perf_counter() - t0 < 3
    assert [r.article.id for r in out] == ["before", "slow", "after"]
    assert [r.status for r in out] == ["ok", "error", "ok"]
    assert "time budget of one document is 0.3 s" in out[1].error


@pytest.mark.model
def test_real_pipeline_one_megabyte_line_stops_at_its_budget_and_long_lines_are_bounded(pipeline):
    line = (CLAUSE * 25_000)[:1_000_000]  # no sentence end anywhere
    articles = [Article("huge", line, "2024-03-07"),
                Article("long", "le ministre français a rencontré son homologue allemand à Berlin, " * 150,
                        "2024-03-07"),  # 10,000 characters, no sentence end
                Article("ok", "Le président français a rencontré le chancelier allemand mardi à Berlin.",
                        "2024-03-07")]
    saved = pipeline.time_budget
    pipeline.time_budget = 3
    try:
        t0 = time.perf_counter()
        results = list(pipeline.process(articles))
        elapsed = time.perf_counter() - t0
    finally:
        pipeline.time_budget = saved
    assert elapsed < 30  # 12 s for the huge line (3 s per 250,000 characters), a few for the others
    assert [r.status for r in results] == ["error", "ok", "ok"]
    assert "1,000,000 characters" in results[0].error and "time budget" in results[0].error
    assert f"is {3 * 1_000_000 / BUDGET_CHARS:,.0f} s (3 s per {BUDGET_CHARS:,} characters)" in results[0].error
    assert results[1].events and all(len(e.sentence) <= 3000 for e in results[1].events)
    assert any(e.event_type == "CONSULT" for e in results[2].events)


def test_the_budget_grows_with_the_length_of_a_long_document():
    assert document_budget(120, 10) == 120  # up to BUDGET_CHARS: the budget as given
    assert document_budget(120, BUDGET_CHARS) == 120
    assert document_budget(120, 10 * BUDGET_CHARS) == 1200  # then linear in the length
    assert document_budget(0, 10 * BUDGET_CHARS) is None and document_budget(None, 5) is None
    deadline = Deadline(0.5, 4 * BUDGET_CHARS)
    assert deadline.budget == 2.0
    assert f"document is 2 s (0.5 s per {BUDGET_CHARS:,} characters)" in str(deadline.timeout())
