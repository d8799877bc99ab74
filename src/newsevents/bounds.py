"""Bounded work per document: text cut into pieces of bounded size, and a time budget per document.

The coder's rules look at whole sentences, so a "sentence" of a million characters (a line with no sentence
end, a list, a table) would cost time that grows with the square of its length. :func:`pieces` cuts the text
before parsing, so no piece (hence no sentence) is longer than ``max_chars``:

* at line breaks (a sentence never runs across one), then, within a line longer than ``max_chars``,
* after the last sentence end in the window (``.``, ``!``, ``?`` or ``…`` after a lower-case letter or a digit,
  so that ``M. Dupont`` stays whole); a window with no sentence end is no sentence, and is cut into pieces of
  at most :data:`NO_END_PIECE_CHARS` characters: after the last clause mark (``;``, ``:``, ``,``, a dash),
  else at the last space, else at that length exactly.

Only punctuation is used, no word of any language. Lines up to ``max_chars`` are never cut, so ordinary news
text is parsed exactly as before.

:class:`Deadline` bounds the time of one document: it raises :class:`DocumentTimeout` when the budget is spent,
both when checked (between pieces) and, in the main thread of a process on a POSIX system, from a ``SIGALRM``
timer, so that even a slow rule inside one piece is interrupted.
"""
from __future__ import annotations

import re
import signal
import threading
import time
from collections.abc import Iterable, Iterator

MAX_ROWS = 2**62
"""Largest row count or offset accepted from a user (``--offset``/``--limit`` of the command line, ``offset``,
``limit`` and ``min_sources`` of the web explorer): DuckDB takes LIMIT/OFFSET as signed 64-bit integers, so
larger values would fail inside the query; they are refused with a one-line message instead."""

MAX_PIECE_CHARS = 3000
"""Longest piece of text parsed at once, in characters: longer lines are cut (see :func:`pieces`). Ordinary
news sentences are far shorter (a 3,000-character sentence has about 500 words)."""

NO_END_PIECE_CHARS = 1000
"""Longest piece cut from a window of :data:`MAX_PIECE_CHARS` characters of one line that holds no sentence end
(a list, a table, a line with no punctuation): such a window is no sentence, and the coder's work on one
sentence grows faster than its length (its rules compare each event word with the other words), so it is
cut into pieces of at most this many characters, at clause marks or spaces. Lines up to
:data:`MAX_PIECE_CHARS` characters, and lines with sentence ends, are cut as before."""

TIME_BUDGET = 120.0
"""Default time budget, in seconds of wall-clock time (``--time-budget``), of one document of up to
:data:`BUDGET_CHARS` characters; a longer document gets it once per :data:`BUDGET_CHARS` characters
(:func:`document_budget`). Ordinary articles take well under a second."""

BUDGET_CHARS = 250_000
"""The time budget is given per this many characters of text: a document of ``n`` characters gets
``budget * max(1, n / BUDGET_CHARS)`` seconds. Parsing alone is linear in the length (raw spaCy needs
100-200 s for 10 MB on one free CPU, 5-10 s per 250,000 characters), so a flat budget would stop every
large document however well it behaves, while a budget that grows linearly still stops any document whose
work grows faster than its length. The default leaves room for a machine loaded several times over (coding
takes 2-3 times raw spaCy's time, and the budget is wall-clock time)."""

_SENTENCE_END = re.compile(r"(?<=[^\W_A-ZÀ-Ý][.!?…])[»\"')\]]*\s+")
_CLAUSE_MARK = re.compile(r"[;:,]\s+|\s[–—-]\s+")
_SPACE = re.compile(r"\s+")


def document_budget(budget: float | None, chars: int) -> float | None:
    """The time budget in seconds of a document of ``chars`` characters: ``budget`` per :data:`BUDGET_CHARS`
    characters, never less than ``budget``; None when ``budget`` is None or <= 0 (no limit)."""
    if not budget or budget <= 0:
        return None
    return budget * max(1.0, chars / BUDGET_CHARS)


class DocumentTimeout(Exception):
    """A document used up its time budget; the message says how long it ran and what the budget was."""


def pieces(text: str, max_chars: int = MAX_PIECE_CHARS) -> list[tuple[int, str]]:
    """Split ``text`` into (character offset, piece) pairs: one piece per non-blank line, stripped of
    surrounding whitespace, and a line longer than ``max_chars`` cut into pieces of at most ``max_chars``
    characters (see the module docstring for where). ``text[offset:offset + len(piece)] == piece`` always.
    Linear in ``len(text)``."""
    if max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, not {max_chars}")
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
            cut = _cut(text, start, start + max_chars)
            piece_end = cut
            while piece_end > start and text[piece_end - 1].isspace():
                piece_end -= 1
            out.append((start, text[start:piece_end]))
            start = cut
            while start < end and text[start].isspace():
                start += 1
        if end > start:
            out.append((start, text[start:end]))
    return out


def _cut(text: str, start: int, limit: int) -> int:
    """Where to cut ``text[start:limit]``: just after the last sentence end; failing one, within the first
    :data:`NO_END_PIECE_CHARS` characters, after the last clause mark, else space (the whitespace after it
    included), else at that length. Never at ``start``, so the caller always advances."""
    window = text[start:limit]
    last = _last(_SENTENCE_END, window)
    if last is not None:
        return start + last.end()
    window = window[:NO_END_PIECE_CHARS]
    for pattern in (_CLAUSE_MARK, _SPACE):
        last = _last(pattern, window)
        if last is not None:
            return start + last.end()
    return start + len(window)


def _last(pattern: re.Pattern, window: str) -> re.Match | None:
    """The last match of ``pattern`` in ``window`` that does not start at its first character, or None."""
    last = None
    for match in pattern.finditer(window):
        if match.start() > 0:
            last = match
    return last


class Deadline:
    """The time budget of one document, used as a context manager around its parsing and coding.

    ``budget`` is in seconds (None or <= 0: no limit); ``chars``, the document's length, scales it
    (:func:`document_budget`). :meth:`check` raises :class:`DocumentTimeout` once the
    budget is spent. In the main thread of a POSIX process the context also arms a ``SIGALRM`` timer that
    raises :class:`DocumentTimeout` in whatever Python code runs when the budget ends (spaCy's compiled parser
    finishes its current piece first); the previous handler and timer are restored on exit.
    """

    def __init__(self, budget: float | None, chars: int = 0):
        self.base = budget if budget and budget > 0 else None
        self.budget = document_budget(budget, chars)
        self.start = 0.0
        self._armed = False
        self._previous = None

    def __enter__(self) -> "Deadline":
        self.start = time.monotonic()
        if self.budget is not None and hasattr(signal, "setitimer") \
                and threading.current_thread() is threading.main_thread() \
                and signal.getitimer(signal.ITIMER_REAL)[0] == 0:
            self._previous = signal.signal(signal.SIGALRM, self._on_alarm)
            signal.setitimer(signal.ITIMER_REAL, self.budget)
            self._armed = True
        return self

    def __exit__(self, *exc) -> None:
        if self._armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous)
            self._armed = False

    def _on_alarm(self, signum, frame) -> None:
        raise self.timeout()

    def timeout(self) -> DocumentTimeout:
        """The exception to raise: names the time spent and the budget."""
        if self.budget == self.base:
            budget = f"{self.budget:g} s"
        else:
            budget = f"{self.budget:,.0f} s ({self.base:g} s per {BUDGET_CHARS:,} characters)"
        return DocumentTimeout(f"stopped after {time.monotonic() - self.start:.1f} s: the time budget of one "
                               f"document is {budget} (--time-budget)")

    def check(self) -> None:
        """Raise :class:`DocumentTimeout` when the budget is spent."""
        if self.budget is not None and time.monotonic() - self.start > self.budget:
            raise self.timeout()

    def watch(self, items: Iterable) -> Iterator:
        """Yield ``items`` one by one, checking the budget before each."""
        for item in items:
            self.check()
            yield item
