"""Text cleanup: one deterministic normalisation applied to every document before parsing.

Character offsets of events refer to the cleaned text (``Article.text`` after :func:`clean_text`), so the
same input always gives the same cleaned text. What it does, in order:

1. Unicode NFC; CRLF and lone CR become ``\\n``; other line and paragraph separators (VT, FF, NEL, U+2028,
   U+2029) become ``\\n``.
2. Typographic apostrophes (U+2019 ’, U+02BC ʼ) become ``'``; guillemets « » and other quotes are kept.
3. No-break, thin and other fixed-width spaces (U+00A0, U+202F, U+2000-U+200A, U+205F, U+3000) and tabs
   become a plain space; control characters (Unicode category Cc other than ``\\n``) and invisible format
   characters (zero-width space, BOM, soft hyphen, word joiner, bidirectional marks) are removed.
4. Runs of spaces collapse to one; spaces at the start and end of lines are removed; three or more newlines
   collapse to one blank line (``\\n\\n``), so paragraph breaks survive; the text is stripped.
5. Machine-translation glue is repaired: a known name glued to a following French function word gets its
   space back (``"Kim Jong Unlors"`` -> ``"Kim Jong Un lors"``, ``"Ukraineun"`` -> ``"Ukraine un"``).
   A split happens only when the name is in ``known_names`` and the rest is a French function word (spaCy's
   French stop words, ``spacy.lang.fr.stop_words``, minus interjections and strings that are also
   suffixes of derived words, see :data:`GLUE_EXCLUDED`), so ``"Malien"`` is never cut into ``"Mali en"``.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["clean_text", "glue_index", "glue_words", "GLUE_EXCLUDED"]

_NEWLINES = {0x0B: "\n", 0x0C: "\n", 0x85: "\n", 0x2028: "\n", 0x2029: "\n"}
_SPACES = {c: " " for c in (0x09, 0xA0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000)}
_APOSTROPHES = {0x2019: "'", 0x02BC: "'"}
_INVISIBLE = {c: None for c in (0x00AD, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, *range(0x202A, 0x202F),
                                0x2060, *range(0x2066, 0x206A), 0xFEFF)}
_CONTROLS = {c: None for c in (*range(0x00, 0x20), *range(0x7F, 0xA0)) if c not in (0x09, 0x0A, 0x0B, 0x0C, 0x85)}
_TABLE = str.maketrans({**_CONTROLS, **_INVISIBLE, **_NEWLINES, **_SPACES, **_APOSTROPHES})

_SPACE_RUN = re.compile(r" {2,}")
_SPACE_AROUND_NEWLINE = re.compile(r" *\n *")
_BLANK_LINES = re.compile(r"\n{3,}")
_CAPITALISED_WORD = re.compile(r"\b[A-ZÀ-ÖØ-ÞŒŠŽŸ][^\W\d_]+\b")
_LETTERS = re.compile(r"[^\W\d_]+")

GLUE_EXCLUDED = frozenset({
    # derivational endings that turn a name into a real word (Malien, Chilien, Kurdes, Jeanne, Paula)
    "en", "es", "ne", "la", "ai", "aie", "ait", "ais", "as", "is", "in", "ie", "sa", "ta", "ma",
    # interjections and oddities of the stop-word list
    "ah", "eh", "ha", "hem", "hep", "hi", "ho", "hou", "houp", "hue", "hui", "na", "da", "té", "vé", "ès", "lès",
    "stop", "bat", "bas", "etc", "etre", "meme", "pres", "tres", "deja", "dejà", "déja", "gens", "nul",
})
"""Stop words that are never split off a name: endings of derived words (``Malien``) and interjections."""


@lru_cache(maxsize=1)
def glue_words() -> frozenset[str]:
    """French function words that may be split off a glued name: spaCy's French stop words of two letters or
    more (plus ``à``), without :data:`GLUE_EXCLUDED`. Built on first use (no model is loaded)."""
    words = {w for w in _french_stop_words() if len(w) >= 2 and w.isalpha() and w.islower()}
    return frozenset((words | {"à"}) - GLUE_EXCLUDED)


def _french_stop_words() -> set[str]:
    """spaCy's French stop words, read from their own module file when ``spacy.lang.fr`` is not imported yet:
    importing the package compiles its tokenizer exceptions (about 3 s of CPU), which a Spanish or English run
    never needs."""
    import sys

    loaded = sys.modules.get("spacy.lang.fr.stop_words")
    if loaded is not None:
        return loaded.STOP_WORDS
    import importlib.util
    from pathlib import Path

    import spacy

    path = Path(spacy.__file__).parent / "lang" / "fr" / "stop_words.py"
    spec = importlib.util.spec_from_file_location("newsevents._spacy_fr_stop_words", path)
    if spec is None or spec.loader is None:  # an unusual install: import the package after all
        from spacy.lang.fr.stop_words import STOP_WORDS

        return STOP_WORDS
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.STOP_WORDS


@lru_cache(maxsize=8)
def _names_by_tail(known_names: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """Index the known names by their last run of letters (``"Kim Jong Un"`` -> ``"Un"``): only names that
    end in a letter and are long enough to be safe (4+ characters, or 2+ for an acronym like ``ONU``)."""
    index: dict[str, set[str]] = {}
    for name in known_names:
        name = unicodedata.normalize("NFC", name.strip())
        if not name or not name[-1].isalpha():
            continue
        if len(name) < 4 and not (len(name) >= 2 and name.isupper()):
            continue
        match = _LETTERS.match(name[::-1])  # the last run of letters, read backwards
        if match:
            index.setdefault(match.group()[::-1], set()).add(name)
    return {tail: tuple(sorted(names, key=len, reverse=True)) for tail, names in index.items()}


def glue_index(known_names: frozenset[str]) -> None:
    """Build the index of ``known_names`` that :func:`clean_text` uses to repair glue (kept for the next
    calls with the same set), so that a pipeline's warm-up pays for it rather than its first document."""
    _names_by_tail(known_names)
    _tail_lengths(known_names)


@lru_cache(maxsize=8)
def _tail_lengths(known_names: frozenset[str]) -> tuple[int, int]:
    """The shortest and longest name tail of :func:`_names_by_tail` (computed once per set of names)."""
    lengths = {len(t) for t in _names_by_tail(known_names)}
    return min(lengths), max(lengths)


def _repair_glue(text: str, known_names: frozenset[str]) -> str:
    index = _names_by_tail(known_names)
    if not index:
        return text
    words = glue_words()
    shortest, longest = _tail_lengths(known_names)
    # 1. distinct capitalised words that split into a name fragment + a function word (longest fragment first)
    cuts: dict[str, list[int]] = {}
    for word in set(_CAPITALISED_WORD.findall(text)):
        if word in known_names or len(word) < shortest + 2:
            continue
        found = [cut for cut in range(min(len(word) - 2, longest), shortest - 1, -1)
                 if word[:cut] in index and word[cut:] in words]
        if found:
            cuts[word] = found
    if not cuts:
        return text
    # 2. split each occurrence whose text before the fragment completes a known name
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(cuts, key=len, reverse=True))) + r")\b")
    pieces: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        word, start = match.group(), match.start()
        for cut in cuts[word]:
            end_of_name = start + cut
            if any(text.startswith(name, end_of_name - len(name)) and
                   (end_of_name - len(name) == 0 or not text[end_of_name - len(name) - 1].isalnum())
                   for name in index[word[:cut]]):
                pieces.append(text[last:end_of_name])
                pieces.append(" ")
                last = end_of_name
                break
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def clean_text(text: str, known_names: frozenset[str] = frozenset()) -> str:
    """Return the cleaned text (see the module docstring for every step). Deterministic and idempotent:
    ``clean_text(clean_text(t, n), n) == clean_text(t, n)``.

    ``known_names``: proper names (actors, places) that machine translation may glue to the next word; only
    these are ever split. Raises ``TypeError`` when ``text`` is not a ``str``.
    """
    if not isinstance(text, str):
        raise TypeError(f"clean_text expects str, got {type(text).__name__}")
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_TABLE)
    text = _SPACE_RUN.sub(" ", text)
    text = _SPACE_AROUND_NEWLINE.sub("\n", text)
    text = _BLANK_LINES.sub("\n\n", text).strip(" \n")
    if known_names:
        text = _repair_glue(text, known_names)
    return text
