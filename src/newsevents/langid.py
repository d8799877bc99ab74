"""Language identification of a document: ISO 639-1 code or None.

Uses lingua-language-detector (https://github.com/pemistahl/lingua-py) in its high-accuracy mode,
restricted to :data:`LANGUAGES` (the languages our news inputs are likely to be in). Detectors are built
lazily on the first call and kept for the process; lingua loads its n-gram models on first use.

Two regimes:

* **short texts** (headlines; under :data:`SHORT_TEXT` characters): the best guess is always returned (never
  None when the text has letters). Capitalised words are left out first when enough other letters remain,
  because in a headline the proper names ("Macron reçoit Zelensky") outweigh the few French words.
* **longer texts**: the first :data:`SAMPLE_CHARS` characters are classified with a minimum relative distance
  of :data:`MIN_RELATIVE_DISTANCE` between the two most likely languages; below it the answer is None
  (unsure). Sampling keeps the cost flat for long documents.

A caller that can code only some languages passes them as ``prefer`` (the router passes the languages with a
pack): when lingua's first choice is another language but a preferred one trails it by less than
:data:`PREFER_MARGIN` (short texts) or :data:`MIN_RELATIVE_DISTANCE` (longer ones) in lingua's confidence
values, the preferred one is the answer. Measured on the English and Spanish derived-gold texts, the French
eval texts and the 7,074 Le Monde 2022 titles (10,375 texts): 99.58% -> 99.66% right; on their first six
words: 94.18% -> 97.03%; 32 of 34 made-up German, Italian, Portuguese, Dutch, Russian and Arabic headlines keep
their language, as without the preference (docs/languages.md, Session 9). Only texts whose first choice is not
preferred pay for the confidence values (a second lingua pass).

Measured on 2 cores (lingua 2.1, high-accuracy mode, the 9 languages): about 0.45 ms per 1,000-character
document, i.e. 2-3% of the time fr_core_news_md spends parsing it (about 190 tokens: 17 ms at 11k words/s);
the first call loads the models: about 1.1 s and 190 MB of memory (the low-accuracy mode would need 25 MB but
misses about 2.4% of French headlines against 0.5%: measured on the 7,074 Le Monde 2022 titles).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

__all__ = ["detect_language", "release_detectors", "LANGUAGES", "SHORT_TEXT", "SAMPLE_CHARS", "MIN_RELATIVE_DISTANCE",
           "PREFER_MARGIN"]

LANGUAGES = ("fr", "en", "es", "de", "it", "pt", "nl", "ar", "ru")
"""ISO 639-1 codes the detector chooses among; every language added costs model memory and time (16 languages:
about 290 MB and 30% more time than these 9)."""

SHORT_TEXT = 200
"""Texts shorter than this many characters are treated as headlines (best guess, never unsure)."""

SAMPLE_CHARS = 500
"""Longer texts are classified on their first this-many characters (cut back to a word boundary)."""

MIN_RELATIVE_DISTANCE = 0.1
"""lingua's minimum relative distance for longer texts; below it the language is unknown (None)."""

PREFER_MARGIN = 0.25
"""For a short text: how far (in lingua's confidence, which adds up to 1 over :data:`LANGUAGES`) a preferred
language may trail the most likely one and still be chosen (:func:`detect_language`'s ``prefer``)."""

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_MIN_LOWERCASE_LETTERS = 3
_MIN_LOWERCASE_WORDS = 4
"""A short text with fewer lowercase words than this ("Putin met Xi in Beijing on Monday.": 'met in on') is
identified from the mean of lingua's confidence values for those words and for the whole text, names included
(:func:`_blended`)."""


@lru_cache(maxsize=2)
def _detector(min_relative_distance: float):
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, code.upper()) for code in LANGUAGES]
    return (LanguageDetectorBuilder.from_iso_codes_639_1(*codes)
            .with_minimum_relative_distance(min_relative_distance)
            .build())


def release_detectors() -> None:
    """Unload lingua's language models (about 190 MB, shared by all detectors) and forget the detectors; the
    next :func:`detect_language` loads them again."""
    if _detector.cache_info().currsize:
        detector = _detector(0.0)  # building a detector loads nothing: any one unloads the shared models
        if hasattr(detector, "unload_language_models"):
            detector.unload_language_models()
    _detector.cache_clear()


def _blended(sample: str, text: str) -> str | None:
    """The language with the highest mean confidence over ``sample`` (a short text's lowercase words) and the
    whole ``text``; None when lingua finds no language in either."""
    total: dict[str, float] = {}
    for part in (sample, text):
        for lang, value in _confidences(part):
            total[lang] = total.get(lang, 0.0) + value
    best = max(total.items(), key=lambda item: item[1], default=(None, 0.0))
    return best[0] if best[1] > 0.0 else None


def _without_names(text: str) -> str:
    """The words of ``text`` that do not start with a capital letter, when they hold enough letters."""
    words = [w for w in _WORD.findall(text) if not w[0].isupper()]
    if sum(len(w) for w in words) >= _MIN_LOWERCASE_LETTERS:
        return " ".join(words)
    return text


def _confidences(text: str) -> list[tuple[str, float]]:
    """(ISO 639-1 code, lingua confidence) of every language of :data:`LANGUAGES` for ``text``, most likely
    first; the values add up to 1 (all 0 when no language fits)."""
    values = _detector(0.0).compute_language_confidence_values(text)
    return [(v.language.iso_code_639_1.name.lower(), v.value) for v in values]


def _sample(text: str) -> str:
    """The first :data:`SAMPLE_CHARS` characters of a longer text, cut back to a word boundary."""
    sample = text[:SAMPLE_CHARS]
    cut = sample.rfind(" ")
    if len(text) > SAMPLE_CHARS and cut > SAMPLE_CHARS // 2:
        sample = sample[:cut]
    return sample


def detect_language(text: str, prefer: Iterable[str] = ()) -> str | None:
    """ISO 639-1 code of the language of ``text`` (one of :data:`LANGUAGES`), or None when the text has no
    letters or, for texts of :data:`SHORT_TEXT` characters or more, when the two most likely languages are
    too close to call (:data:`MIN_RELATIVE_DISTANCE`). Deterministic; never raises for a ``str``.

    ``prefer``: the languages the caller can code (the language packs). When the most likely language is
    not one of them but the most likely preferred one is within :data:`PREFER_MARGIN` of it (a short text)
    or within :data:`MIN_RELATIVE_DISTANCE` (a longer one), the preferred one is the answer: "Putin met Xi in
    Beijing." is English, not the Dutch its few lowercase words suggest; a clear Portuguese headline stays
    Portuguese. A longer text whose two most likely languages are close is preferred-language when only
    the first is preferred, else unknown (None)."""
    text = text.strip()
    if not any(ch.isalpha() for ch in text[:SAMPLE_CHARS * 4]):
        return None
    prefer = frozenset(prefer)
    short = len(text) < SHORT_TEXT
    sample = _without_names(text) if short else _sample(text)
    if short and sample != text and len(sample.split()) < _MIN_LOWERCASE_WORDS:
        code = _blended(sample, text)  # a few lowercase words say little alone; names say something too
    else:
        found = _detector(0.0 if short else MIN_RELATIVE_DISTANCE).detect_language_of(sample)
        code = found.iso_code_639_1.name.lower() if found is not None else None
    if not prefer or code in prefer:
        return code
    values = _confidences(sample)  # only for the few texts not clearly in a preferred language: slower
    if not values or values[0][1] <= 0.0:
        return None
    best, p_best = values[0]
    second, p_second = values[1] if len(values) > 1 else (None, 0.0)
    if best not in prefer:
        lang, p = next(((lang, p) for lang, p in values if lang in prefer), (None, 0.0))
        if lang is not None and p > 0.0 and p_best - p < (PREFER_MARGIN if short else MIN_RELATIVE_DISTANCE):
            return lang
    elif p_best > p_second and second not in prefer:
        return best
    return code
