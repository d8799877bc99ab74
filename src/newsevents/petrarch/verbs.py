"""Reader of PETRARCH/TABARI verb dictionaries (PETRARCH 2 ``CAMEO.2.0.txt``, UniversalPetrarch
``verbpatterns_*.txt``, the validation suites' ``*verbs*.txt``).

Constructs: synsets (``&NAME`` or ``&NAME_`` followed by ``+WORD`` lines), verb blocks (``--- NAME [CODE] ---``),
verb lines (``WORD``, ``WORD [CODE]``, ``WORD {FORMS}``, multi-word ``+CORDON_OFF {...}``), patterns
(``- NOUNS * NOUNS (PREP NOUN) [CODE] # comment``, with TABARI's ``$`` source, ``+`` target and ``%`` compound
markers in older files) and transformations (``~ a (a b VERB) VERB = a b CODE``), which are kept as text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .agents import english_plural
from .common import Collector, Parsed, brackets, content_lines, phrase, source_text

_TOKEN = re.compile(r"[(){}*]|[^\s(){}*]+")
_CODE = re.compile(r"^[^\s\[\]]+$")
_HEADER = re.compile(r"^-{3,}\s*([^\[\]]*?)\s*(?:\[([^\]]*)\])?\s*(?:-{3,}.*)?$")


@dataclass(frozen=True)
class Pattern:
    """One pattern line: ``tokens`` as written (words, ``(``, ``)``, ``{``, ``}``, ``*``, ``$``, ``+``, ``%``,
    ``&SYNSET``), its ``code`` as written (``"042"``, ``"042:043"``, ``":190"``, ``"---"``) and 1-based ``line``."""

    tokens: tuple[str, ...]
    code: str
    line: int

    @property
    def before(self) -> tuple[str, ...]:
        """Tokens before the verb (``*``)."""
        return self.tokens[:self.tokens.index("*")] if "*" in self.tokens else self.tokens

    @property
    def after(self) -> tuple[str, ...]:
        """Tokens after the verb (``*``)."""
        return self.tokens[self.tokens.index("*") + 1:] if "*" in self.tokens else ()


@dataclass(frozen=True)
class VerbEntry:
    """One verb line: ``lemma`` (the verb, words separated by spaces, without the ``+`` that marks the verb
    of a multi-word phrase), ``forms`` given in ``{...}`` (empty when the regular forms apply), ``code`` (the
    line's own ``[CODE]`` or else its block's; ``---`` = no event), ``block`` (the block name), ``patterns``
    (the block's patterns, shared by every verb of the block) and 1-based ``line``."""

    lemma: str
    forms: tuple[str, ...]
    code: str
    block: str
    patterns: tuple[Pattern, ...]
    line: int


@dataclass(frozen=True)
class VerbDictionary:
    """A verb file: ``verbs`` in file order, ``synsets`` (name with ``&`` -> words, plurals included unless
    the synset or the word ends with ``_``) and ``transformations`` (raw ``~`` lines with their line)."""

    verbs: tuple[VerbEntry, ...]
    synsets: dict[str, tuple[str, ...]]
    transformations: tuple[tuple[int, str], ...]


def primary_code(code: str) -> str:
    """The code a pattern or verb codes with: the part before ``:`` when there is one, else the part after
    (``"042:043"`` -> ``"042"``, ``":190"`` -> ``"190"``); ``"---"`` or ``""`` = no event."""
    first, _, second = code.partition(":")
    return first or second or "---"


def _pattern(line: str, number: int, synsets: dict) -> Pattern:
    body, groups = brackets(line.strip()[1:])
    if len(groups) != 1 or not _CODE.match(groups[0]):
        raise ValueError(f"a pattern needs one code in [...] such as [042] or [042:043], got {groups or 'none'}")
    tokens = tuple(_TOKEN.findall(body.replace("_ ", " ")))
    depth = {"(": 0, "{": 0}
    for token in tokens:
        if token in "({":
            depth[token] += 1
        elif token in ")}":
            depth["(" if token == ")" else "{"] -= 1
        if min(depth.values()) < 0 or max(depth.values()) > 1:
            raise ValueError("unbalanced or nested '(' or '{' in pattern")
    if any(depth.values()):
        raise ValueError("unbalanced '(' or '{' in pattern")
    return Pattern(tokens, groups[0], number)


def _verb(line: str) -> tuple[str, tuple[str, ...], str | None]:
    """(lemma, forms, own code or None) of a verb line."""
    head, groups = brackets(line.strip())
    if len(groups) > 1:
        raise ValueError("a verb line has at most one [CODE]")
    if groups and not _CODE.match(groups[0]):
        raise ValueError(f"verb code {groups[0]!r} has blanks")
    body, brace, rest = head.partition("{")
    forms: tuple[str, ...] = ()
    if brace:
        inside, closed, after = rest.partition("}")
        if not closed or after.strip() not in ("", "_"):
            raise ValueError("'{' without '}'")
        forms = tuple(phrase(w.replace("+", "")) for w in inside.split())
    lemma = phrase(body.replace("+", ""))
    if not lemma or not re.search(r"\w", lemma):
        raise ValueError("empty verb")
    return lemma, forms, (groups[0] if groups else None)


class _State:
    """The reader's position: the open synset or verb block and what has been read so far."""

    def __init__(self, plurals: bool) -> None:
        self.plurals = plurals
        self.synsets: dict[str, tuple[str, ...]] = {}
        self.synset: tuple[str, bool] | None = None  # (name, make plurals)
        self.block: tuple[str, str] | None = None  # (name, code)
        self.block_verbs: list[tuple[str, tuple[str, ...], str | None, int]] = []
        self.block_patterns: list[Pattern] = []
        self.verbs: list[VerbEntry] = []
        self.transformations: list[tuple[int, str]] = []

    def close_block(self) -> None:
        if self.block is not None:
            name, code = self.block
            patterns = tuple(self.block_patterns)
            self.verbs.extend(VerbEntry(lemma, forms, own or code, name, patterns, line)
                              for lemma, forms, own, line in self.block_verbs)
        self.block, self.block_verbs, self.block_patterns = None, [], []

    def line(self, number: int, line: str) -> None:
        """Read one content line; raises ``ValueError`` with the problem."""
        text = line.strip()
        if text.startswith("+") and self.synset is not None:
            name, plurals = self.synset
            raw = text[1:].strip()
            word = phrase(raw)
            if not word:
                raise ValueError("empty synset word")
            extra = (english_plural(word),) if plurals and self.plurals and not raw.endswith("_") else ()
            self.synsets[name] += (word, *extra)
            return
        self.synset = None
        if text.startswith("&"):
            name = text.split()[0]
            if len(text.split()) > 1 or len(name) < 2:
                raise ValueError(f"synset label {text!r} is not one word")
            self.close_block()
            self.synset = (name.rstrip("_"), not name.endswith("_"))
            self.synsets[name.rstrip("_")] = ()
        elif text.startswith("---"):
            self.close_block()
            match = _HEADER.match(text)
            if not match or not match.group(1) or (match.group(2) is not None and not _CODE.match(match.group(2))):
                raise ValueError(f"block header {text!r} is not '--- NAME [CODE] ---'")
            self.block = (phrase(match.group(1)), match.group(2) or "---")
        elif text.startswith("~"):
            self.transformations.append((number, text))
        elif self.block is None:
            raise ValueError("verb or pattern outside a '--- NAME [CODE] ---' block")
        elif text.startswith("-"):
            self.block_patterns.append(_pattern(text, number, self.synsets))
        else:
            self.block_verbs.append((*_verb(text), number))


def _defined_synsets_only(state: _State, errors: Collector) -> tuple[VerbEntry, ...]:
    """The verbs with every pattern that uses an undefined synset reported and left out (PETRARCH skips such
    a pattern; synsets may be defined anywhere in the file)."""
    bad = {p.line: next(t for t in p.tokens if t.startswith("&") and t not in state.synsets)
           for v in state.verbs for p in v.patterns
           if any(t.startswith("&") and t not in state.synsets for t in p.tokens)}
    for line in sorted(bad):
        errors.fail(line, f"synset {bad[line]} is not defined")
    return tuple(VerbEntry(v.lemma, v.forms, v.code, v.block, tuple(p for p in v.patterns if p.line not in bad),
                           v.line) for v in state.verbs)


def read_verbs(path: str | Path, *, text: str | None = None, lenient: bool = False,
               plurals: bool = True) -> Parsed:
    """Read a verb dictionary; ``Parsed.entries`` holds one :class:`VerbDictionary`. ``plurals=False`` makes
    no regular English plurals of synset words.

    Raises :class:`~newsevents.petrarch.DictionaryError` (file and line) for a verb or pattern outside a block,
    a pattern without one code, an unbalanced or nested bracket, a synset used before it is defined, or a
    malformed block header; with ``lenient=True`` the line is skipped and its error kept in ``Parsed.errors``."""
    name, content = source_text(path, text)
    errors = Collector(name, lenient)
    state = _State(plurals)
    for number, line in content_lines(content, "#"):
        try:
            state.line(number, line)
        except ValueError as exc:
            errors.fail(number, str(exc))
    state.close_block()
    verbs = _defined_synsets_only(state, errors)
    result = VerbDictionary(verbs, dict(state.synsets), tuple(state.transformations))
    return Parsed(name, (result,), tuple(errors.errors))
