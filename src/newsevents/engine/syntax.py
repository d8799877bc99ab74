"""Small helpers over a spaCy dependency parse shared by the coder's stages."""
from __future__ import annotations

from .frames import CONTRACTIONS


def case_of(tok) -> str | None:
    """The preposition introducing a nominal ("à" for "au Kremlin"), or the mark of a clause ("de"); None when
    ``tok`` (a spaCy Token) has neither."""
    for c in tok.children:
        if c.dep_ in ("case", "mark"):
            low = c.lower_
            return CONTRACTIONS.get(low, (low,))[0]
    return None
