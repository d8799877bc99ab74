"""Small helpers over a spaCy dependency parse shared by the coder's stages."""
from __future__ import annotations

from ..docview import view_of

CONTRACTIONS_KEY = "newsevents.contractions"
"""Key of ``Doc.user_data`` that holds the language's contractions (contracted form -> preposition)."""
_NO_CONTRACTIONS: dict[str, str] = {}


def use_contractions(doc, contractions: dict[str, str]) -> None:
    """Record on ``doc`` (a spaCy Doc) the contracted prepositions of its language (``syntax.yaml``
    ``contractions``, e.g. "au" -> "à"), which :func:`case_of` and :func:`preposition` undo."""
    doc.user_data[CONTRACTIONS_KEY] = contractions


def preposition(tok) -> str:
    """The lowercase preposition a token stands for: its contraction undone ("au" -> "à") when the Doc's language
    has one (:func:`use_contractions`), else its lowercase text."""
    low = tok.lower_
    return tok.doc.user_data.get(CONTRACTIONS_KEY, _NO_CONTRACTIONS).get(low, low)


def case_of(tok, markers) -> str | None:
    """The preposition introducing a nominal ("à" for "au Kremlin"), or the mark of a clause ("de"); None when
    ``tok`` (a spaCy Token) has neither. ``markers``: the labels of such words in the language's parses (the
    ``case_marker`` and ``clause_marker`` relations of ``syntax.yaml``: the coder's ``_case_of`` passes them).
    Reads the Doc's array view when the coder has built one (:mod:`newsevents.docview`)."""
    doc = tok.doc
    view = view_of(doc)
    if view is None:
        for c in tok.children:
            if c.dep_ in markers:
                return preposition(c)
        return None
    deps = view.deps
    for c in view.children[tok.i]:
        if deps[c] in markers:
            return preposition(doc[c])
    return None


MEMO_MAX = 200_000
"""Keys a :func:`word_memo` holds before it starts afresh."""


def word_memo(coder, name: str) -> dict:
    """The coder's memo called ``name`` (a dict the caller fills, e.g. lemma hash -> whether the lowercase lemma is
    in a cue list), so that a rule walking every token reads each word's strings once, not at every occurrence.
    Every memo starts afresh when the coder's lexicon changes, and one past :data:`MEMO_MAX` keys."""
    entry = coder.__dict__.get("_word_memos")
    if entry is None or entry[0] is not coder.lex:
        entry = coder._word_memos = (coder.lex, {})
    memo = entry[1].setdefault(name, {})
    if len(memo) > MEMO_MAX:
        memo.clear()
    return memo
