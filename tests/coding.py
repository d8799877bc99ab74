"""Helper for the coder tests that run made-up sentences through the real pipeline."""
from __future__ import annotations

from newsevents.records import Article


def code(pipeline, text: str, published: str = "2023-05-12"):
    """The events of ``text`` coded as one article published on ``published`` (ISO 8601); fails the test when the
    article is not coded."""
    [result] = list(pipeline.process([Article("t", text, published)]))
    assert result.status == "ok", result.error
    return result.events
