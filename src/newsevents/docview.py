"""A per-Doc array view of a spaCy parse, for rules that walk the dependency tree many times.

Reading a parse through spaCy ``Token`` objects costs a new Python object per ``doc[i]``, ``tok.head`` or
``tok.children`` step (about 65 ns each) and a string lookup per ``dep_`` or ``pos_`` (100-300 ns). A rule that
walks the noun phrase of every mention, for every candidate, pays that again and again on the same words. A
:class:`DocView` reads the Doc once with ``Doc.to_array`` and keeps plain Python lists: absolute head indices, the
children of each token (in token order, as ``Token.children`` gives them), dependency labels and universal parts of
speech as strings, punctuation flags and character offsets.

The view is a snapshot: it is only correct while nobody changes the parse. The coder builds it after its parse
repairs (:func:`build_view`, called by ``EventCoder.code``) and readers find it with :func:`view_of` (None when none
was built: they then read Tokens) or :func:`doc_view` (builds it when missing, for readers that only run after the
repairs, such as the actor resolver). Views are held weakly: one disappears with its Doc.
"""
from __future__ import annotations

import weakref

import numpy

from spacy.attrs import DEP, HEAD, IDX, IS_PUNCT, LENGTH, ORTH, POS, SPACY

_ATTRS = [HEAD, DEP, POS, ORTH]
_MORE = [IS_PUNCT, IDX, LENGTH, SPACY]
_VIEWS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_LAST: tuple = (None, None)
"""The Doc last looked up and its view: most lookups are for the Doc being coded (an identity test)."""


class _Labels(dict):
    """Dependency label and part-of-speech ids -> their strings (a few hundred at most), filled on first use."""

    def __missing__(self, key: int) -> str:
        value = self[key] = _STRINGS[0][key] if key else ""
        return value


_LABELS = _Labels()
_STRINGS: list = [None]  # the StringStore the missing labels are read from (the Doc's being viewed)


class DocView:
    """Plain-list arrays of one parsed Doc (see the module docstring). Attributes, one entry per token ``i``:
    ``heads`` (absolute index of the head; a root is its own head), ``children`` (indices of the tokens whose head
    is ``i``, ascending), ``deps`` and ``pos`` (strings, "" when unset), ``orths`` (ORTH ids); on first use,
    ``punct`` (bool), ``idx`` (character offset of the token in the Doc's text, 0-based), ``ends`` (offset just past
    its last character). ``strings``: the vocabulary's StringStore. The view holds its Doc weakly."""

    __slots__ = ("heads", "children", "deps", "pos", "orths", "strings", "ents", "_doc", "_more")

    def __init__(self, doc):
        n = len(doc)
        self._doc = weakref.ref(doc)
        self._more = None
        self.ents = None  # doc.ents, filled by ents_of
        self.strings = _STRINGS[0] = doc.vocab.strings
        if not n:
            self.heads, self.children, self.deps, self.pos, self.orths = [], [], [], [], []
            return
        arr = doc.to_array(_ATTRS)
        # HEAD holds the offset to the head as an unsigned 64-bit number: a negative offset wraps around
        self.heads = heads = (arr[:, 0].astype(numpy.int64) + numpy.arange(n)).tolist()
        labels = _LABELS.__getitem__
        self.deps = list(map(labels, arr[:, 1].tolist()))
        self.pos = list(map(labels, arr[:, 2].tolist()))
        self.orths = arr[:, 3].tolist()
        children: list[list[int]] = [[] for _ in range(n)]
        for i, h in enumerate(heads):
            if h != i:
                children[h].append(i)
        self.children = children

    def _columns(self) -> tuple:
        more = self._more
        if more is None:
            doc = self._doc()
            cols = doc.to_array(_MORE).T.tolist() if len(doc) else [[], [], [], []]
            punct, idx, lengths, spaces = cols
            more = self._more = (punct, idx, [a + b for a, b in zip(idx, lengths)], spaces)
        return more

    @property
    def punct(self) -> list:
        """Whether each token is punctuation (``Token.is_punct``)."""
        return self._columns()[0]

    @property
    def idx(self) -> list[int]:
        """Each token's character offset in the Doc."""
        return self._columns()[1]

    @property
    def ends(self) -> list[int]:
        """The character offset just past each token."""
        return self._columns()[2]

    def text(self, start: int, end: int) -> tuple[str, int, int]:
        """The text of tokens [start, end) (``0 <= start < end <= len(doc)``) with its character offsets in the Doc:
        what ``doc[start:end].text``, ``.start_char`` and ``.end_char`` give."""
        _, idx, ends, spaces = self._columns()
        strings, orths = self.strings, self.orths
        if end - start == 1:
            text = strings[orths[start]]
        else:  # each word and its trailing space, the last one's left out (what Span.text gives)
            text = "".join([strings[orths[i]] + " " if spaces[i] else strings[orths[i]]
                            for i in range(start, end - 1)]) + strings[orths[end - 1]]
        return text, idx[start], ends[end - 1]


def build_view(doc) -> DocView:
    """Read ``doc`` (a spaCy Doc) into a fresh :class:`DocView`, kept for :func:`view_of` and :func:`doc_view` until
    the Doc is gone or :func:`drop_view` is called. Call it once the parse will no longer change."""
    global _LAST
    view = _VIEWS[doc] = DocView(doc)
    _LAST = (doc, view)
    return view


def view_of(doc) -> DocView | None:
    """The :class:`DocView` built for ``doc`` by :func:`build_view` (or :func:`doc_view`), None when there is none."""
    global _LAST
    last = _LAST
    if last[0] is doc:
        return last[1]
    view = _VIEWS.get(doc)
    if view is not None:
        _LAST = (doc, view)
    return view


def doc_view(doc) -> DocView:
    """The view of ``doc``, built now when there is none (for readers that run only on a final parse)."""
    last = _LAST
    if last[0] is doc:
        return last[1]
    view = view_of(doc)
    return view if view is not None else build_view(doc)


def drop_view(doc) -> None:
    """Forget the view of ``doc`` (before its parse is changed)."""
    global _LAST
    if _LAST[0] is doc:
        _LAST = (None, None)
    _VIEWS.pop(doc, None)


def ents_of(doc) -> tuple:
    """``doc.ents`` (a tuple of entity Spans), computed once per Doc when the Doc has a view (:func:`build_view`):
    several stages read the entities of every Doc, and each ``doc.ents`` makes new Spans. The Spans are shared:
    callers must not change them."""
    view = view_of(doc)
    if view is None:
        return doc.ents
    ents = view.ents
    if ents is None:
        ents = view.ents = doc.ents
    return ents


def ents_in(span) -> list:
    """``span.ents`` (the entities that lie wholly within a Span, in order) from :func:`ents_of` of its Doc."""
    start, end = span.start, span.end
    out = []
    for ent in ents_of(span.doc):
        if ent.start >= start:
            if ent.end <= end:
                out.append(ent)
            else:
                break
    return out
