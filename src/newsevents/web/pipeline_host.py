"""The coding pipeline behind the web explorer's extract form and "why this event" page: built in the background
at server start, one text at a time, a bounded wait for the others (split from :mod:`newsevents.web.app`)."""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from ..records import Article, DocumentResult

log = logging.getLogger(__name__)

BUSY_WAIT = 2.0
"""Seconds an extract request waits for the one before it to finish before answering 503 (busy)."""


class PipelineUnavailable(RuntimeError):
    """The coding pipeline could not be built (model or module missing); shown as 503."""


class PipelineBusy(RuntimeError):
    """Another text is being coded, or the pipeline is still loading; shown as 503 with ``Retry-After``."""


class LazyPipeline:
    """Builds the coding pipeline once (the spaCy model takes seconds to load) and runs one document at a
    time (a spaCy pipeline is not meant to be shared between threads).

    :meth:`start` builds it in a background thread (``serve`` calls it at start-up, so no request pays for
    the load); otherwise the first :meth:`run` builds it. A request that finds the pipeline busy (loading,
    or coding another text) waits at most :data:`BUSY_WAIT` seconds, then gets :class:`PipelineBusy`, so a
    slow text never holds up other extract requests for more than that; each text has a time budget.

    ``factory`` returns an object with ``process(articles) -> Iterator[DocumentResult]``
    (:class:`newsevents.pipeline.Pipeline` by default)."""

    def __init__(self, factory: Callable[[], Any] | None = None):
        self._factory = factory or _default_pipeline
        self._pipeline = None
        self._lock = threading.Lock()
        self._loading: threading.Thread | None = None

    @property
    def loaded(self) -> bool:
        return self._pipeline is not None

    def start(self) -> None:
        """Build the pipeline in a background thread (errors are logged; :meth:`run` tries again)."""
        def load() -> None:
            with self._lock:
                try:
                    self._build()
                except PipelineUnavailable:
                    pass

        self._loading = threading.Thread(target=load, name="newsevents-pipeline-load", daemon=True)
        self._loading.start()

    def _build(self) -> None:
        if self._pipeline is None:
            log.info("loading the coding pipeline")
            try:
                self._pipeline = self._factory()
            except Exception as exc:
                log.exception("the coding pipeline could not be loaded")
                raise PipelineUnavailable(f"the coding pipeline could not be loaded: "
                                          f"{type(exc).__name__}: {exc}") from exc

    def run(self, article: Article, time_budget: float | None = None) -> DocumentResult:
        """Code one article within ``time_budget`` seconds (None: the pipeline's default); errors inside the
        pipeline, and a spent budget, come back as a result with ``status="error"``. Raises
        :class:`PipelineBusy` when another text holds the pipeline for more than :data:`BUSY_WAIT` seconds
        (or it is loading), :class:`PipelineUnavailable` when it cannot be built (tried again next time)."""
        if not self._lock.acquire(timeout=BUSY_WAIT):
            what = "loading the language model" if self._pipeline is None else "coding another text"
            raise PipelineBusy(f"the server is busy {what}: try again in a few seconds")
        try:
            self._build()
            budget = getattr(self._pipeline, "time_budget", None)
            if time_budget is not None and budget is not None:
                self._pipeline.time_budget = time_budget
            try:
                return next(iter(self._pipeline.process([article])))
            finally:
                if time_budget is not None and budget is not None:
                    self._pipeline.time_budget = budget
        finally:
            self._lock.release()

    def trace(self, article: Article):
        """Code one article recording what the coder did: ``(DocumentResult, Trace)``
        (:meth:`newsevents.pipeline.Pipeline.trace`). Raises :class:`PipelineBusy` as :meth:`run` does,
        :class:`PipelineUnavailable` when the pipeline cannot be built or cannot trace, and ``ValueError`` for an
        article with no text."""
        if not self._lock.acquire(timeout=BUSY_WAIT):
            what = "loading the language model" if self._pipeline is None else "coding another text"
            raise PipelineBusy(f"the server is busy {what}: try again in a few seconds")
        try:
            self._build()
            if not hasattr(self._pipeline, "trace"):
                raise PipelineUnavailable("this coding pipeline cannot explain its events")
            return self._pipeline.trace(article)
        finally:
            self._lock.release()


def _default_pipeline():
    from ..routing import LanguageRouter

    return LanguageRouter()
