"""A stand-in for :class:`newsevents.pipeline.Pipeline` in subprocess tests that kill runs (no model, no
language data, so a process starts in a second): each document gets ``len(words) % 3`` made-up events, after a
short pause, so a kill can land in the middle of a run.

Use: ``python tests/fake_pipeline.py newsevents-args...`` runs the CLI with the stand-in.
"""
from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator

from newsevents.records import Article, Coder, DocumentResult, Entity, Event, EventDate

PAUSE = float(os.environ.get("FAKE_PIPELINE_PAUSE", "0.02"))
CODER = Coder(version="0-test", model="fake", model_version="0", dictionary_checksum="fake")


def fake_events(article: Article) -> tuple[Event, ...]:
    """``len(words) % 3`` events of type CONSULT spanning the document's first words (deterministic)."""
    words = article.text.split()
    out = []
    for i in range(len(words) % 3):
        end = article.text.index(words[i]) + len(words[i])
        out.append(Event(doc_id=article.id, event_type="CONSULT", cameo_code="040", mode="", context="",
                         goldstein=1.0, quad_class=1, actor=(Entity("FRA", "GOV", words[i], (0, end)),),
                         recipient=(Entity("DEU", "", "", (end, end)),), modality="asserted",
                         event_text=words[i], event_span=(end - len(words[i]), end), sentence=article.text,
                         sentence_span=(0, len(article.text)), lang="fr",
                         date=EventDate(article.published, None, None, "publication"), coder=CODER))
    return tuple(out)


class FakePipeline:
    """Same interface as Pipeline (``process(articles, skip)``, ``prepare``, ``coder_info``)."""

    def __init__(self, lang: str = "fr", nlp=None, **options):
        self.lang = lang
        self.coder_info = CODER

    def prepare(self, article: Article) -> Article | DocumentResult:
        if not article.text.strip():
            return DocumentResult(article, status="skipped", notes=("empty document: no text to code",))
        return Article(article.id, article.text.strip(), article.published, "fr", article.title, article.url,
                       article.source)

    def process(self, articles: Iterable[Article], skip=None) -> Iterator[DocumentResult]:
        for article in articles:
            ready = self.prepare(article)
            if isinstance(ready, DocumentResult):
                yield ready
                continue
            if skip is not None and skip(ready):
                continue
            time.sleep(PAUSE)
            yield DocumentResult(ready, events=fake_events(ready))


def install() -> None:
    """Put the stand-in where the CLI and the web app look for the pipeline."""
    import newsevents.pipeline

    newsevents.pipeline.Pipeline = FakePipeline


if __name__ == "__main__":
    install()
    from newsevents.cli import main

    sys.argv[0] = "newsevents"
    main()
