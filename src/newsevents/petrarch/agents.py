"""Reader of PETRARCH agent dictionaries (``Phoenix.agents.txt``, UniversalPetrarch ``agents_*.txt``).

A record is ``PHRASE {PLURALS} [~CODE]`` (or ``[CODE~]``): ``{}`` means no plural, ``{A B}`` lists the plural
forms, and without braces the regular English plural is made (+S; Y -> IES; S -> SES). Substitution markers
are defined as ``!NAME! = A, B, C`` and used inside phrases (``CONGRESS!PERSON!``): every item replaces the
marker, with no plural made.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .common import Collector, Parsed, brackets, content_lines, phrase, source_text


@dataclass(frozen=True)
class Agent:
    """One agent record: ``words`` (the phrase, then its plural forms or its marker expansions; words separated
    by spaces), ``code`` (without the ``~``), ``prefix`` (True for ``CODE~``: the code goes before the actor's
    code, as for organisations) and the 1-based ``line``."""

    words: tuple[str, ...]
    code: str
    prefix: bool
    line: int


def english_plural(word: str) -> str:
    """PETRARCH's regular plural of an upper-case phrase: ``Y`` -> ``IES``, ``S`` -> ``SES``, else ``+S``."""
    if word.endswith("Y"):
        return word[:-1] + "IES"
    if word.endswith("S"):
        return word + "ES"
    return word + "S"


def _marker(line: str) -> tuple[str, list[str]]:
    """(name, items) of ``!NAME! = A, B`` (underscores read as blanks, as in the Spanish files)."""
    head, _, items = line.replace("_", " ").partition("=")
    name = head.strip()
    if len(name) < 3 or not (name.startswith("!") and name.endswith("!")):
        raise ValueError(f"substitution marker {head.strip()!r} is not of the form !NAME!")
    values = [" ".join(x.split()) for x in items.split(",") if x.strip()]
    if not values:
        raise ValueError(f"substitution marker {name} has no items")
    return name, values


def _expand(raw: str, markers: dict[str, list[str]]) -> list[str]:
    """The phrases of ``raw`` with its ``!MARKER!`` replaced by each item."""
    start = raw.find("!")
    if start < 0:
        return [phrase(raw)]
    end = raw.find("!", start + 1)
    if end < 0:
        raise ValueError(f"substitution marker in {raw!r} is not closed")
    name = raw[start:end + 1]
    if name not in markers:
        raise ValueError(f"substitution marker {name} is not defined before use")
    out: list[str] = []
    for item in markers[name]:
        out.extend(_expand(raw[:start] + item.replace(" ", "_") + raw[end + 1:], markers))
    return out


def _agent(line: str, number: int, markers: dict[str, list[str]], plurals: bool) -> Agent:
    """One agent record line; raises ``ValueError`` with the problem."""
    head, groups = brackets(line)
    if len(groups) != 1 or not groups[0]:
        raise ValueError("an agent needs exactly one code in [...]")
    raw = groups[0].upper()
    if raw.count("~") != 1 or len(raw) < 2 or raw.strip("~") != raw.replace("~", ""):
        raise ValueError(f"agent code {groups[0]!r} is not ~CODE or CODE~")
    code, prefix = raw.replace("~", ""), raw.endswith("~")
    body, brace, rest = head.partition("{")
    if brace:
        inside, closed, after = rest.partition("}")
        if not closed or after.strip() not in ("", "_"):
            raise ValueError("'{' without '}'")
        given = [phrase(w) for w in inside.split()]
    if "!" in body:
        words = _expand(body.strip(), markers)
    else:
        word = phrase(body)
        if not word:
            raise ValueError("empty agent phrase")
        words = [word] + (given if brace else [english_plural(word)] if plurals else [])
    return Agent(tuple(dict.fromkeys(words)), code, prefix, number)


def read_agents(path: str | Path, *, text: str | None = None, lenient: bool = False,
                plurals: bool = True) -> Parsed:
    """Read an agent dictionary into :class:`Agent` records (``Parsed.entries``). ``plurals=False`` makes no
    regular English plural (for other languages' files); explicit ``{...}`` forms are always kept.

    Raises :class:`~newsevents.petrarch.DictionaryError` (file and line) for a record without exactly one
    ``[~CODE]``, an unbalanced bracket or brace, or an undefined or malformed substitution marker; with
    ``lenient=True`` the line is skipped and its error kept in ``Parsed.errors``."""
    name, content = source_text(path, text)
    errors = Collector(name, lenient)
    markers: dict[str, list[str]] = {}
    entries: list[Agent] = []
    for number, line in content_lines(content, "#"):
        try:
            if "=" in line and line.strip().startswith("!"):
                key, values = _marker(line)
                markers[key] = values
            else:
                entries.append(_agent(line.strip(), number, markers, plurals))
        except ValueError as exc:
            errors.fail(number, str(exc))
    return Parsed(name, tuple(entries), tuple(errors.errors))
