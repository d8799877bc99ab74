"""Constant-time word lists for spaCy's rule lemmatizers (same lemmas, much less CPU on unseen words).

spaCy's rule lemmatizers (``FrenchLemmatizer``, ``SpanishLemmatizer``, the base ``Lemmatizer`` used by the English
model) keep, for each part of speech, the list of known lemmas in the ``lemma_index`` lookup table, and test
``form in index`` for each candidate form of a word: a linear scan of a Python list of up to 66,000 words
(French verbs, nouns, adjectives). Each word form is lemmatized once per process (the lemmatizer caches its
answer), but these scans made the first occurrence of a word cost about 0.2 ms: 3.6 s of CPU for the 112,000
tokens of 2,000 Le Monde items in a fresh process, 40% of the time the whole spaCy pipeline takes on them.

:func:`speed_up_lemmatizer` replaces each of those lists by a :class:`IndexList`: the same list (same items,
same order, still a ``list``) whose ``in`` test is a set lookup. The lemmatizers' code is not touched, so the
lemmas are identical by construction (a test compares every lemma with a fresh, unchanged pipeline).
"""
from __future__ import annotations

__all__ = ["IndexList", "speed_up_lemmatizer"]


class IndexList(list):
    """A ``list`` of strings whose membership test (``x in lst``) is a hash lookup in a frozen set of its
    items. Everything else is the list's own behaviour; it must not be mutated after creation (the lemma
    index never is)."""

    __slots__ = ("_members",)

    def __init__(self, items=()):
        super().__init__(items)
        self._members = frozenset(self)

    def __contains__(self, item) -> bool:
        try:
            return item in self._members
        except TypeError:  # an unhashable item: fall back to the list's own comparison
            return list.__contains__(self, item)


def speed_up_lemmatizer(nlp) -> bool:
    """Give every ``lemmatizer`` component of the spaCy pipeline ``nlp`` constant-time lemma indexes (each list
    in its ``lemma_index`` lookup table becomes an :class:`IndexList`, in place). Returns True when a table was
    changed, False when ``nlp`` has no rule lemmatizer with a lemma index (nothing done). Idempotent; lemmas
    are unchanged."""
    changed = False
    for _, component in getattr(nlp, "pipeline", ()):
        lookups = getattr(component, "lookups", None)
        if lookups is None or not hasattr(component, "rule_lemmatize") or not lookups.has_table("lemma_index"):
            continue
        table = lookups.get_table("lemma_index")
        for key, value in list(table.items()):
            if isinstance(value, list) and not isinstance(value, IndexList):
                table[key] = IndexList(value)
                changed = True
    return changed
