"""Language routing: each document goes to the pipeline of its own language (``--lang auto``).

:class:`LanguageRouter` identifies each document's language (the JSONL ``lang`` field when given, else
:func:`newsevents.langid.detect_language` on the cleaned text, preferring the languages that have a pack
when the text is short or the call is close), and sends it to that language's
:class:`~newsevents.pipeline.Pipeline`, built on first use and kept (one spaCy model load per language per
process). A document in a language with no language pack (:data:`~newsevents.pipeline.SUPPORTED_LANGS`), or
whose language cannot be identified, comes back ``skipped`` with a note naming the language. Results come out
in input order; consecutive documents of one language are coded together, in batches.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from .records import Article, DocumentResult

log = logging.getLogger(__name__)

AUTO = "auto"
"""The ``--lang`` value that asks for language identification per document (the default)."""


class LanguageRouter:
    """Code articles in every supported language, each with the pipeline of its own language.

    Parameters:
        factory: builds the pipeline of one language, called as ``factory(lang)`` at most once per language
            (default: ``Pipeline(lang, force_lang=True, **options)``).
        batch_size: documents per run handed to one language's pipeline, as a pipeline's batch
            (:func:`~newsevents.pipeline.batch_full`: wider for short documents); a run also ends where the
            language changes.
        options: passed to :class:`~newsevents.pipeline.Pipeline` by the default factory (``time_budget``...).

    A language's pipeline construction errors (``OSError`` for a missing spaCy model) are raised by
    :meth:`process` when the first document of that language comes.
    """

    def __init__(self, factory: Callable[[str], object] | None = None, *, batch_size: int = 64, **options):
        self.batch_size = batch_size
        self._options = {"batch_size": batch_size, **options}
        self._factory = factory or self._default_factory
        self._pipelines: dict[str, object] = {}
        self._time_budget = options.get("time_budget")
        self.loading_seconds = 0.0
        """Seconds spent building pipelines so far (loading models and language data), which a rate of
        documents per second leaves out."""

    def _default_factory(self, lang: str):
        from .pipeline import Pipeline

        return Pipeline(lang, force_lang=True, **self._options)

    @property
    def time_budget(self):
        """Seconds one document may take (:class:`~newsevents.pipeline.Pipeline`); setting it sets it on every
        pipeline already built and on those built later."""
        return self._time_budget

    @time_budget.setter
    def time_budget(self, value) -> None:
        self._time_budget = value
        self._options["time_budget"] = value
        for pipeline in self._pipelines.values():
            if hasattr(pipeline, "time_budget"):
                pipeline.time_budget = value

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages whose pipeline is loaded so far, in load order."""
        return tuple(self._pipelines)

    def pipeline(self, lang: str):
        """The pipeline of ``lang``, built on first use. Raises ``ValueError`` for a language with no pack."""
        from .pipeline import SUPPORTED_LANGS

        if lang not in SUPPORTED_LANGS:
            raise ValueError(f"unsupported language {lang!r}; supported: {', '.join(SUPPORTED_LANGS)}")
        if lang not in self._pipelines:
            log.info("loading the %s pipeline", lang)
            started = time.perf_counter()
            self._pipelines[lang] = self._factory(lang)
            self.loading_seconds += time.perf_counter() - started
        return self._pipelines[lang]

    def coder_info_for(self, lang: str):
        """The :class:`~newsevents.records.Coder` of ``lang``'s pipeline (building it), or None when that
        pipeline records none."""
        return getattr(self.pipeline(lang), "coder_info", None)

    def route(self, article: Article) -> Article | DocumentResult:
        """The article with its language set (``lang`` one of the supported languages), or a ``skipped``
        result saying why it cannot be coded (empty, language unknown or without a pack), or an ``error``
        result when reading it failed."""
        from .cleanup import clean_text
        from .langid import detect_language
        from .pipeline import SUPPORTED_LANGS

        try:
            lang = article.lang
            if not lang:
                text = clean_text(article.text)
                if not text.strip():
                    return DocumentResult(replace(article, text=text), status="skipped",
                                          notes=("empty document: no text to code",))
                lang = detect_language(text, prefer=SUPPORTED_LANGS)
            if lang is None:
                return DocumentResult(article, status="skipped",
                                      notes=("language could not be identified; use --lang to force one "
                                             f"({', '.join(SUPPORTED_LANGS)})",))
            if lang not in SUPPORTED_LANGS:
                return DocumentResult(replace(article, lang=lang), status="skipped",
                                      notes=(f"language {lang} has no language pack (supported: "
                                             f"{', '.join(SUPPORTED_LANGS)}); not coded",))
            return replace(article, lang=lang)
        except Exception as exc:  # one bad document never stops the run
            log.exception("document %s failed before parsing", article.id)
            return DocumentResult(article, status="error", error=f"{type(exc).__name__}: {exc}")

    def process(self, articles: Iterable[Article],
                skip: Callable[[Article], bool] | None = None) -> Iterator[DocumentResult]:
        """Yield one :class:`DocumentResult` per article, in input order (see
        :meth:`newsevents.pipeline.Pipeline.process`; ``skip`` is handed to each language's pipeline)."""
        from .pipeline import batch_full

        run: list[Article] = []
        chars = 0
        for article in articles:
            routed = self.route(article)
            if run and (isinstance(routed, DocumentResult) or routed.lang != run[0].lang
                        or batch_full(len(run), chars, self.batch_size)):
                yield from self._code_run(run, skip)
                run, chars = [], 0
            if isinstance(routed, DocumentResult):
                yield routed
            else:
                run.append(routed)
                chars += len(routed.text)
        if run:
            yield from self._code_run(run, skip)

    def _code_run(self, run: list[Article], skip) -> Iterator[DocumentResult]:
        """Code consecutive articles of one language with that language's pipeline."""
        pipeline = self.pipeline(run[0].lang)
        yield from (pipeline.process(run, skip=skip) if skip is not None else pipeline.process(run))

    def trace(self, article: Article):
        """:meth:`newsevents.pipeline.Pipeline.trace` in the article's language. Raises ``ValueError`` naming
        the document when it has no text or its language has no pack or cannot be identified."""
        routed = self.route(article)
        if isinstance(routed, DocumentResult):
            raise ValueError(f"document {article.id}: {(routed.notes or (routed.error,))[0]}")
        return self.pipeline(routed.lang).trace(routed)

    def extract(self, articles: Iterable[Article]) -> list[DocumentResult]:
        """Convenience: :meth:`process` into a list."""
        return list(self.process(articles))


def coder_key(pipeline) -> Callable[[Article], str | None] | None:
    """For ingest's "unchanged" check: a function giving the ``"version/dictionary checksum"`` of the coder
    that codes an article (prepared: language set), for a :class:`LanguageRouter` or a pipeline with a
    ``coder_info``; None for a pipeline that records no coder."""
    if hasattr(pipeline, "coder_info_for"):
        def key(article: Article) -> str | None:
            info = pipeline.coder_info_for(article.lang)
            return None if info is None else f"{info.version}/{info.dictionary_checksum}"

        return key
    info = getattr(pipeline, "coder_info", None)
    if info is None:
        return None
    same = f"{info.version}/{info.dictionary_checksum}"
    return lambda article: same


def lang_value(value: str | None) -> str | None:
    """A ``--lang`` value: None for ``auto`` (or None: identify each document's language), else the code
    lowercased."""
    value = (value or AUTO).strip().lower()
    return None if value == AUTO else value


def make_pipeline(lang: str | None = AUTO, **options):
    """The pipeline for a ``--lang`` value: a :class:`LanguageRouter` for ``"auto"`` (or None), else the
    :class:`~newsevents.pipeline.Pipeline` of that language, forced (no language identification). ``options``
    go to the pipeline(s). Raises ``ValueError`` for a language with no pack."""
    from .pipeline import SUPPORTED_LANGS, Pipeline

    if lang in (None, AUTO):
        return LanguageRouter(**options)
    if lang not in SUPPORTED_LANGS:
        raise ValueError(f"unsupported language {lang!r}; supported: {AUTO}, {', '.join(SUPPORTED_LANGS)}")
    return Pipeline(lang, force_lang=True, **options)
