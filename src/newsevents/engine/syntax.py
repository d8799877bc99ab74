"""Small helpers over a spaCy dependency parse shared by the coder's stages."""
from __future__ import annotations

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


def case_of(tok) -> str | None:
    """The preposition introducing a nominal ("à" for "au Kremlin"), or the mark of a clause ("de"); None when
    ``tok`` (a spaCy Token) has neither."""
    for c in tok.children:
        if c.dep_ in ("case", "mark"):
            return preposition(c)
    return None
