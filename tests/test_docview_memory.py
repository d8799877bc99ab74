"""The coder frees the Docs it coded: an array view (:mod:`newsevents.docview`) keeps Tokens and Spans of its Doc,
so :meth:`~newsevents.engine.coder.EventCoder.code` drops the views of an article's Docs when the article is done
(branch perf10 of session 10). Made-up sentence, hand-built parse (no model)."""
from __future__ import annotations

import gc
import weakref

from spacy.tokens import Span

from newsevents.docview import view_of
from newsevents.records import Article

from test_learned import CRITICISE, coder_with, parse


def test_a_coded_doc_is_freed_with_its_view():
    coder = coder_with(None)
    refs = []
    for _ in range(3):
        doc = parse(CRITICISE)
        doc.ents = [Span(doc, 0, 1, label="LOC")]  # the view keeps the entity Spans: they refer to the Doc
        assert coder.code(Article("t", doc.text, "2024-03-10"), [(0, doc)])
        assert view_of(doc) is None
        refs.append(weakref.ref(doc))
        del doc
    gc.collect()
    assert sum(ref() is not None for ref in refs) <= 1
