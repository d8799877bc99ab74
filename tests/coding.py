"""Helper for the coder tests that run made-up sentences through the real pipeline."""
from __future__ import annotations

import pytest

from newsevents.records import Article


def code(pipeline, text: str, published: str = "2023-05-12"):
    """The events of ``text`` coded as one article published on ``published`` (ISO 8601); fails the test when the
    article is not coded."""
    [result] = list(pipeline.process([Article("t", text, published)]))
    assert result.status == "ok", result.error
    return result.events


def assert_codes(pipeline, text: str, trigger: str, plover: str, cameo: str, actor: str | None,
                 recipient: str | None) -> None:
    """Assert that ``text`` yields an event on the words ``trigger`` with this PLOVER type and CAMEO code, and,
    when given, this actor and recipient country among the events of that code."""
    events = [e for e in code(pipeline, text) if trigger in e.event_text]
    assert events, f"no event on {trigger!r}"
    assert (plover, cameo) in {(e.event_type, e.cameo_code) for e in events}
    matching = [e for e in events if e.cameo_code == cameo]
    if actor is not None:
        assert actor in {a.code for e in matching for a in e.actor}
    if recipient is not None:
        assert recipient in {r.code for e in matching for r in e.recipient}


def sentence_table_test(sentences):
    """A model test over a table of ``(text, trigger, plover, cameo, actor, recipient)`` rows, each checked with
    :func:`assert_codes`; bind it to a ``test_`` name in the test module so that pytest collects it."""
    @pytest.mark.model
    @pytest.mark.parametrize("text,trigger,plover,cameo,actor,recipient", sentences,
                             ids=[f"{s[1]}-{s[3]}" for s in sentences])
    def test(pipeline, text, trigger, plover, cameo, actor, recipient):
        assert_codes(pipeline, text, trigger, plover, cameo, actor, recipient)
    return test
