"""Text folding and lookup keys of the date grammar (:mod:`newsevents.dates`, which re-exports :func:`fold`)."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


_FOLD_SPECIAL = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "`": "'", "\u2010": "-", "\u2011": "-",
                 "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00a0": " ", "\u202f": " ",
                 "\u2009": " ", "\u2007": " "}


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    special = _FOLD_SPECIAL.get(ch)
    if special is not None:
        return special
    if ch.isascii():
        return ch.lower()
    if ch.isalpha():
        base = unicodedata.normalize("NFKD", ch)[0].lower()
        if len(base) == 1 and base.isalpha():
            return base
    low = ch.lower()
    return low if len(low) == 1 else ch


class _FoldTable(dict):
    """``str.translate`` table of :func:`_fold_char`: code point -> folded character, filled on first use."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Lowercase ``text``, drop accents ("é" -> "e", "ᵉʳ" -> "er"), make apostrophes ``'`` and dashes ``-``;
    the result has exactly the same length, so character offsets carry over."""
    return text.translate(_FOLD_TABLE)


def _key(phrase: str) -> str:
    """Lookup key of a phrase: folded, without spaces and hyphens ("Week-End", "week end" -> "weekend")."""
    return re.sub(r"[\s\-]+", "", fold(phrase))


class _NeedsPublication(Exception):
    """Raised by a resolver that needs the publication date when none was given."""
