"""Shared pieces of the PETRARCH/TABARI dictionary readers: the error type, line reading (``#`` comments,
``<!-- ... -->`` blocks, ``---STOP---``), phrase strings and dates.

The formats are those of PETRARCH 2's ``dictionaries.rst`` (reference/petrarch2) and of the files shipped with
PETRARCH 2 and UniversalPetrarch.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


class DictionaryError(ValueError):
    """A PETRARCH dictionary line that cannot be read. ``path`` and ``line`` (1-based) say where; the message
    starts with ``path:line:``."""

    def __init__(self, path: str, line: int, message: str):
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.reason = message


@dataclass
class Collector:
    """Raises each :class:`DictionaryError` at once (strict) or keeps it (``lenient=True``)."""

    path: str
    lenient: bool = False
    errors: list[DictionaryError] = field(default_factory=list)

    def fail(self, line: int, message: str) -> None:
        """Report a bad entry at ``line``: raise it, or record it in lenient mode."""
        error = DictionaryError(self.path, line, message)
        if not self.lenient:
            raise error
        self.errors.append(error)


@dataclass(frozen=True)
class Parsed:
    """What a reader returns: the ``entries`` read (in file order) and, in lenient mode, the ``errors`` of the
    lines that were skipped (empty in strict mode, where the first error is raised)."""

    path: str
    entries: tuple
    errors: tuple[DictionaryError, ...] = ()


def source_text(path: str | Path, text: str | None) -> tuple[str, str]:
    """(name for messages, text): ``text`` when given (``path`` then only names it), else the file's content
    read as UTF-8 (Latin-1 when it is not valid UTF-8, as some TABARI-era files are). Raises
    :class:`DictionaryError` at line 1 for a binary file (NUL bytes: an image, an archive, a DuckDB file),
    which would otherwise be read as Latin-1 and fail on some odd line."""
    if text is not None:
        return str(path), text
    raw = Path(path).read_bytes()
    if b"\x00" in raw:
        raise DictionaryError(str(path), 1, "binary file (NUL bytes), not a PETRARCH dictionary")
    try:
        return str(path), raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return str(path), raw.decode("latin-1")


def content_lines(text: str, comment_chars: str = "#") -> Iterator[tuple[int, str]]:
    """(1-based line number, line without comment and trailing blanks) for each line that has content.

    Skipped: blank lines, everything after a comment character, ``<!-- ... -->`` / ``<! -- ... -->`` blocks
    (which may span lines), and everything after a ``---STOP---`` line. Leading whitespace is kept (it marks
    actor date restrictions)."""
    in_block = False
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if in_block:
            in_block = "-->" not in stripped and not stripped.endswith("!>")
            continue
        if stripped.startswith("<!"):
            in_block = "-->" not in stripped and not stripped.endswith("!>")
            continue
        if stripped.startswith("---STOP---"):
            return
        line = raw
        for char in comment_chars:
            line = line.split(char, 1)[0]
        line = line.rstrip()
        if line.strip():
            yield number, line


def phrase(raw: str) -> str:
    """A phrase string as words separated by single spaces: ``_`` joins words (``AL_QAEDA_`` -> ``AL QAEDA``);
    a final ``_`` (whole word, no stem) is dropped."""
    return " ".join(raw.replace("_", " ").split())


def parse_date(raw: str) -> str:
    """ISO 8601 date of a PETRARCH date: ``YYYYMMDD`` or ``YYMMDD`` (``YY`` <= 30 is 20YY, else 19YY, as in
    TABARI). Raises ``ValueError`` naming the string when it is neither or is no calendar date."""
    if not raw.isdigit() or len(raw) not in (6, 8):
        raise ValueError(f"date {raw!r} is not YYYYMMDD or YYMMDD")
    if len(raw) == 6:
        year = int(raw[:2])
        raw = f"{2000 + year if year <= 30 else 1900 + year}{raw[2:]}"
    try:
        return date(int(raw[:4]), int(raw[4:6]), int(raw[6:8])).isoformat()
    except ValueError:
        raise ValueError(f"date {raw!r} is not a calendar date") from None


def brackets(text: str) -> tuple[str, list[str]]:
    """Split ``NAME [A] [B]`` into the text before the first ``[`` and the bracket contents. Raises
    ``ValueError`` for an unclosed ``[`` or a stray ``]``."""
    head, sep, rest = text.partition("[")
    if "]" in head:
        raise ValueError("']' without '['")
    groups: list[str] = []
    while sep:
        inside, closed, rest = rest.partition("]")
        if not closed or "[" in inside:
            raise ValueError("'[' without ']'")
        groups.append(inside.strip())
        between, sep, rest = rest.partition("[")
        if between.strip():
            raise ValueError(f"unexpected text {between.strip()!r} after ']'")
    return head, groups
