"""A long document's events streamed segment by segment (issue 11, memory): `extract` writes them as each
segment is coded, and the output is byte for byte the one written when the document's events come at once."""
from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

import newsevents.pipeline
import newsevents.streaming
from newsevents.pipeline import Pipeline
from newsevents.records import Article, DocumentResult
from newsevents.streaming import StreamWriter

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from fake_pipeline import fake_events  # noqa: E402

TEXTS = ["le ministre a rencontré son homologue italien hier soir",
         "la police a dispersé les manifestants mardi soir",
         "il a critiqué ses voisins",
         "le président a reçu le chancelier à Berlin pour parler"]  # 2 events each


def _results(n: int = 12) -> list[DocumentResult]:
    """Documents with 0-6 made-up events each (several made-up event lists joined)."""
    out = []
    for i in range(n):
        article = Article(f"doc-{i:02d}", TEXTS[i % len(TEXTS)], f"2024-03-0{1 + i % 9}")
        events = tuple(e for k in range(i % 4) for e in fake_events(replace(article, text=TEXTS[k])))
        out.append(DocumentResult(article, events=tuple(replace(e, doc_id=article.id) for e in events)))
    assert sum(len(r.events) > 2 for r in out) >= 3
    return out


def _write(out: str, fmt: str, results: list[DocumentResult], split: bool, failed: str | None = None) -> list[int]:
    """Write ``results``; with ``split``, every document's events but the last two go first through
    ``write_segment`` (one event at a time), and ``failed`` ends as an error after its segments. Returns the
    output file's size after each segment when it is a file."""
    writer = StreamWriter(out, fmt, with_published=fmt == "csv")
    sizes = []
    for result in results:
        events = result.events
        if split and len(events) > 2:
            for event in events[:-2]:
                writer.write_segment(result.article, [event])
                if out != "-":
                    writer._out.flush()
                    sizes.append(Path(out).stat().st_size)
            events = events[-2:]
        if result.article.id == failed:
            result = DocumentResult(result.article, status="error", error="stopped")
        writer.write(replace(result, events=events) if result.status == "ok" else result)
    writer.finish()
    return sizes


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_segments_give_the_bytes_of_a_whole_document(tmp_path, fmt):
    results = _results()
    whole, split = tmp_path / f"whole.{fmt}", tmp_path / f"split.{fmt}"
    _write(str(whole), fmt, results, split=False)
    sizes = _write(str(split), fmt, results, split=True)
    assert split.read_bytes() == whole.read_bytes()
    assert sizes == sorted(sizes) and sizes[0] < sizes[-1]  # on the disk before the document's result came


def test_the_segments_of_a_document_that_fails_are_dropped(tmp_path):
    results = _results()
    failed = next(r.article.id for r in results if len(r.events) > 2)
    expected, out = tmp_path / "expected.jsonl", tmp_path / "out.jsonl"
    _write(str(expected), "jsonl", [r if r.article.id != failed else replace(r, events=()) for r in results],
           split=False)
    _write(str(out), "jsonl", results, split=True, failed=failed)
    assert out.read_bytes() == expected.read_bytes()
    assert failed.encode() not in out.read_bytes()


def test_segments_on_standard_output_wait_in_a_spool(tmp_path, capsys):
    results = _results()
    failed = next(r.article.id for r in results if len(r.events) > 2)
    _write(str(tmp_path / "whole.jsonl"), "jsonl", results, split=False, failed=failed)
    _write("-", "jsonl", results, split=True, failed=failed)
    assert capsys.readouterr().out == (tmp_path / "whole.jsonl").read_text(encoding="utf-8")


def test_a_segment_of_another_document_is_refused(tmp_path):
    results = _results()
    writer = StreamWriter(str(tmp_path / "out.jsonl"), "jsonl")
    writer.write_segment(results[3].article, results[3].events[:1])
    with pytest.raises(ValueError, match="came before the result of document doc-03"):
        writer.write_segment(results[5].article, results[5].events[:1])
    writer.close()


def test_events_are_encoded_a_chunk_at_a_time_with_the_same_bytes(tmp_path, monkeypatch):
    results = _results()
    whole = tmp_path / "whole.jsonl"
    _write(str(whole), "jsonl", results, split=False)
    chunks = []
    encode = StreamWriter._encode
    monkeypatch.setattr(newsevents.streaming, "WRITE_CHUNK", 2)
    monkeypatch.setattr(StreamWriter, "_encode", lambda self, records: chunks.append(len(records)) or
                        encode(self, records))
    out = tmp_path / "chunked.jsonl"
    _write(str(out), "jsonl", results, split=False)
    assert out.read_bytes() == whole.read_bytes()
    assert max(chunks) == 2 and sum(chunks) == sum(len(r.events) for r in results)


class _PieceCoder:
    """A stand-in coder: made-up events for each parsed piece (its text as a document of its own)."""

    def code(self, article, docs):
        return [replace(e, doc_id=article.id) for start, doc in docs
                for e in fake_events(replace(article, text=doc.text))]


def _pipeline(on_segment=None) -> Pipeline:
    import spacy

    pipeline = Pipeline.__new__(Pipeline)  # no language data, no model: only the segments are under test
    pipeline.__dict__.update(lang="fr", force_lang=True, batch_size=64, time_budget=None, max_doc_chars=120,
                             nlp=spacy.blank("fr"), coder=_PieceCoder(), on_segment=on_segment)
    pipeline.prepare = lambda article: article
    return pipeline


def test_the_pipeline_hands_over_each_segment_but_the_last(monkeypatch):
    monkeypatch.setattr(newsevents.pipeline, "MAX_CHARS_PER_CHUNK", 100)  # coded on its own, in segments
    text = "\n".join(TEXTS * 3)
    articles = [Article("short", TEXTS[3]), Article("long", text)]
    whole = list(_pipeline().process(articles))
    given = []
    streamed = list(_pipeline(lambda article, events: given.append((article.id, list(events)))).process(articles))
    assert len(whole[1].events) > 10 and "segments" in whole[1].notes[0]
    assert len(given) >= 3 and {doc for doc, _ in given} == {"long"}
    assert [e for _, events in given for e in events] + list(streamed[1].events) == list(whole[1].events)
    assert streamed[0] == whole[0] and streamed[1].notes == whole[1].notes


class _Segmented:
    """A stand-in pipeline (tests/fake_pipeline.py's events): with ``on_segment``, each document's events but the
    last go through it one at a time; the document "fails" ends as an error after handing its events over."""

    def __init__(self, lang="fr", nlp=None, on_segment=None, **options):
        from fake_pipeline import FakePipeline

        self.inner, self.on_segment, self.coder_info = FakePipeline(), on_segment, None

    def process(self, articles, skip=None):
        for result in self.inner.process(articles, skip):
            events = result.events
            if self.on_segment is not None:
                for event in events[:-1]:
                    self.on_segment(result.article, [event])
                events = events[-1:]
            if result.article.id == "fails":
                yield DocumentResult(result.article, status="error", error="stopped")
            else:
                yield replace(result, events=events)


def test_extract_writes_the_segments_it_is_handed_and_counts_them(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from newsevents import cli

    texts = {"a": "Paris a reçu le ministre.", "fails": "Berlin a rencontré Rome mardi.",
             "b": "Londres a appelé Dublin et Madrid hier soir."}  # 5, 5 and 8 words: 2 events each
    source = tmp_path / "in.jsonl"
    source.write_text("".join(f'{{"id": "{k}", "text": "{v}", "date": "2024-05-02"}}\n' for k, v in texts.items()),
                      encoding="utf-8")
    outputs = {}
    for name, segments in (("whole", False), ("segments", True)):
        factory = _Segmented if segments else (lambda *a, on_segment=None, **k: _Segmented(*a, **k))
        monkeypatch.setattr(newsevents.pipeline, "Pipeline", factory)
        result = CliRunner().invoke(cli.main, ["extract", str(source), "--lang", "fr", "-o",
                                               str(tmp_path / f"{name}.jsonl")], catch_exceptions=False)
        outputs[name] = ((tmp_path / f"{name}.jsonl").read_bytes(), result.stderr.splitlines()[-2:])
    assert outputs["segments"] == outputs["whole"]
    data, summary = outputs["whole"]
    assert data.count(b"\n") == 4 and b'"fails"' not in data  # a: 2 events, b: 2, the failed one's dropped
    assert "4 events" in " ".join(summary), summary


def test_the_pieces_of_a_long_document_are_parsed_in_batches_of_bounded_size():
    from newsevents.pipeline import LONG_BATCH, SHORT_BATCH_CHARS

    pipeline = _pipeline()
    for length in (3000, 1000, 300, 70):
        size = pipeline._pipe_size(["x" * length] * 1000, LONG_BATCH)
        assert size * length <= SHORT_BATCH_CHARS and (size + 1) * length > SHORT_BATCH_CHARS, (length, size)
