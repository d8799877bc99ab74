"""Reader of PETRARCH/TABARI actor dictionaries (``Phoenix.*.actors.txt``, UniversalPetrarch ``actors_*.txt``).

A record is a primary phrase with an optional ``[CODE]``, synonym lines beginning with ``+``, and date
restrictions on indented lines (``\\t[CODE <YYYYMMDD]``, ``[CODE >YYYYMMDD]``, ``[CODE YYYYMMDD-YYYYMMDD]``,
or ``[CODE]``, a default). Restrictions may also follow the primary phrase on its own line. ``#`` and ``;``
start comments.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .common import Collector, Parsed, brackets, content_lines, parse_date, phrase, source_text


@dataclass(frozen=True)
class DatedRole:
    """One date restriction: ``code`` applies from ``start`` to ``end`` (ISO 8601, both inclusive, as in
    PETRARCH; None = open)."""

    code: str
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class Actor:
    """One actor record: ``names`` (the primary phrase first, then the synonyms; words separated by single
    spaces, as written), the default ``code`` (None when absent), the dated ``roles`` in file order (the first
    one that covers a date wins), and the 1-based ``line`` of the primary phrase."""

    names: tuple[str, ...]
    code: str | None
    roles: tuple[DatedRole, ...]
    line: int


def parse_restriction(group: str) -> tuple[str, DatedRole | None]:
    """(code, role) of a bracket group: ``"AFGGOV >011222"`` -> ``("AFGGOV", DatedRole("AFGGOV", "2001-12-22"))``;
    ``"AFG"`` -> ``("AFG", None)`` (a default code). Codes are upper-cased. Raises ``ValueError`` for an empty
    group, a code with blanks or a bad date."""
    code, _, rest = group.partition(" ")
    code, rest = code.strip().upper(), rest.strip()
    if not code:
        raise ValueError("empty code '[]'")
    if not rest:
        return code, None
    if rest[0] in "<>":
        day = parse_date(rest[1:].strip())
        return code, DatedRole(code, None, day) if rest[0] == "<" else DatedRole(code, day, None)
    first, dash, last = rest.partition("-")
    if not dash:
        raise ValueError(f"restriction {rest!r} is not <date, >date or date-date")
    start, end = parse_date(first.strip()), parse_date(last.strip())
    if end < start:
        raise ValueError(f"end date {end} is before start date {start}")
    return code, DatedRole(code, start, end)


class _Builder:
    """Accumulates the current record while reading."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.code: str | None = None
        self.roles: list[DatedRole] = []
        self.line = 0

    def add_groups(self, groups: list[str]) -> None:
        for code, role in [parse_restriction(group) for group in groups]:
            if role is None:
                self.code = code
            else:
                self.roles.append(role)

    def take(self) -> Actor | None:
        if not self.names:
            return None
        actor = Actor(tuple(self.names), self.code, tuple(self.roles), self.line)
        self.__init__()
        return actor


def read_actors(path: str | Path, *, text: str | None = None, lenient: bool = False) -> Parsed:
    """Read an actor dictionary into :class:`Actor` records (``Parsed.entries``).

    Raises :class:`~newsevents.petrarch.DictionaryError` (file and line) for a synonym or restriction with no
    record before it, an unbalanced bracket, a bad date or an empty name; with ``lenient=True`` the bad line is
    skipped and its error kept in ``Parsed.errors``."""
    name, content = source_text(path, text)
    errors = Collector(name, lenient)
    entries: list[Actor] = []
    current = _Builder()
    for number, line in content_lines(content, "#;"):
        stripped = line.strip()
        try:
            if stripped.startswith("["):
                if not current.names:
                    raise ValueError("date restriction with no actor before it")
                current.add_groups(brackets(stripped)[1])
                continue
            head, groups = brackets(stripped)
            words = phrase(head.lstrip("+"))
            if not words:
                raise ValueError("empty actor phrase")
            if stripped.startswith("+"):
                if not current.names:
                    raise ValueError("synonym '+' with no actor before it")
                current.add_groups(groups)
                current.names.append(words)
                continue
            done = current.take()
            if done:
                entries.append(done)
            current.line = number
            current.add_groups(groups)
            current.names.append(words)
        except ValueError as exc:
            errors.fail(number, str(exc))
    done = current.take()
    if done:
        entries.append(done)
    return Parsed(name, tuple(entries), tuple(errors.errors))
