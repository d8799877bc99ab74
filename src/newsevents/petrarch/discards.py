"""Reader of PETRARCH discard lists (``Phoenix.discards.txt``, ``*discards*.txt``): one phrase a line; ``+``
discards the whole story, otherwise the sentence; a final ``_`` requires a whole word (else a stem)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .common import Collector, Parsed, content_lines, source_text


@dataclass(frozen=True)
class Discard:
    """One discard phrase: ``text`` (upper case as written, blanks single), ``story`` (True: discard the
    story), ``whole_word`` (the phrase ended with ``_``) and 1-based ``line``."""

    text: str
    story: bool
    whole_word: bool
    line: int


def read_discards(path: str | Path, *, text: str | None = None, lenient: bool = False) -> Parsed:
    """Read a discard list into :class:`Discard` records. Raises
    :class:`~newsevents.petrarch.DictionaryError` for a line that is only ``+`` or ``_`` (lenient: kept in
    ``Parsed.errors``)."""
    name, content = source_text(path, text)
    errors = Collector(name, lenient)
    entries = []
    for number, line in content_lines(content, "#"):
        raw = line.strip()
        story = raw.startswith("+")
        body = raw.lstrip("+").strip()
        words = " ".join(body.rstrip("_").replace("_", " ").split())
        if not words:
            errors.fail(number, "empty discard phrase")
            continue
        entries.append(Discard(words, story, body.endswith("_"), number))
    return Parsed(name, tuple(entries), tuple(errors.errors))
