"""Evidence spans are whole phrases: they never end on a function word nor start on punctuation.

The event words (trigger, auxiliaries, negation, the start of the pattern object's phrase) are cut at a few
tokens past the object's head, so the cut may fall on a preposition, a determiner, a conjunction or punctuation
("... contre la"). The rule works on the parse alone, with universal part-of-speech tags:

1. a span ending on a word that introduces a phrase (``ADP``, ``DET``, ``CCONJ``, ``SCONJ``) is extended to the
   word that phrase is about -- its syntactic head, when it comes after it, in the same sentence, and at most
   :data:`MAX_EXTENSION` tokens away ("contre la" -> "contre la Russie"): the analyst sees what the event is
   against, for or about;
2. what still ends on a function word or punctuation (a head too far, before it or outside the sentence, a
   closing quote or comma) is trimmed back to the last other word, never before the trigger;
3. leading punctuation is trimmed forward, never past the trigger.
"""
from __future__ import annotations

# Universal POS tags of words that introduce a phrase (the phrase is what the span must reach).
INTRODUCERS = frozenset({"ADP", "DET", "CCONJ", "SCONJ"})
# Universal POS tags a span may neither end on; punctuation may not start it either.
FUNCTION = INTRODUCERS | {"PUNCT"}
MAX_EXTENSION = 4  # tokens a span may grow by to reach the head of the phrase its last word introduces


def whole_phrase(first, last, anchor) -> tuple:
    """The (first, last) spaCy tokens of an evidence span made a whole phrase (see the module docstring).

    ``first`` and ``last`` are the first and last tokens of the raw span, both inclusive, in one Doc;
    ``anchor`` (the trigger) is inside it and is never cut out. Returns two tokens of the same Doc with
    ``first.i <= anchor.i <= last.i``.
    """
    doc = first.doc
    sent_end = last.sent.end
    while last.pos_ in INTRODUCERS:
        head = last.head
        if not (last.i < head.i < sent_end and head.i - last.i <= MAX_EXTENSION):
            break
        last = head
    while last.i > anchor.i and last.pos_ in FUNCTION:
        last = doc[last.i - 1]
    while first.i < anchor.i and first.pos_ == "PUNCT":
        first = doc[first.i + 1]
    return first, last
