"""The article's referents stay in text order while paragraphs add to them (actor_coref._sort_referents): the
same list as a stable sort of all of them, at the cost of sorting only the new ones."""
from __future__ import annotations

import random
from types import SimpleNamespace

from newsevents.actor_coref import _Coreference


def test_referents_added_paragraph_by_paragraph_are_kept_as_a_stable_sort_would():
    rng = random.Random(5)
    holder = _Coreference.__new__(_Coreference)
    holder._referents = []
    everything = []
    for paragraph in range(40):
        start = paragraph * 100
        if paragraph == 25:  # a paragraph out of text order: falls back to sorting them all
            start = 300
        new = [SimpleNamespace(char_start=start + rng.randrange(100), n=len(everything) + k) for k in range(5)]
        holder._referents.extend(new)
        everything.extend(new)
        holder._sort_referents()
        assert holder._referents == sorted(everything, key=lambda r: r.char_start)
    assert [r.char_start for r in holder._referents] == sorted(r.char_start for r in everything)
