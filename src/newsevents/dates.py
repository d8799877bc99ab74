"""Temporal expressions: find them in news text and resolve them to ISO 8601 against the publication date.

:class:`DateResolver` reads the vocabulary of one language from ``lang/<code>/dates.yaml`` (month and weekday
names, relative words, cues; see that file) and builds regular expressions from it; the grammar that combines
the words (day + month + year, ranges, "depuis" + date, "il y a" + count + unit...) is the code below and is the
same for every language. It works on plain text, without spaCy. dateparser is not used: its language
detection reads short words ("sa", "mar") as dates on whole texts, and the rules here are short and explicit.

Resolution rules (``published`` is the anchor; the annotation guide's "Date" section, ``eval/ANNOTATION.md``):

- a date without a year ("le 3 février", "1er mars", "15/01") takes the year of its most recent occurrence on
  or before publication if that is at most ``past_window_days`` (183) days back, else its next occurrence;
  with a weekday ("jeudi 1er septembre") the year whose calendar agrees with the weekday and is nearest wins;
  "dernier"/"prochain" force strictly before/after publication;
- a month without a year ("en septembre") likewise: the most recent such month (publication month included)
  if at most 6 months back, else the next one; "septembre dernier" is the most recent September strictly before
  the publication month, "mars prochain" the next one strictly after, "ce mois de mars" the publication year's;
- a weekday ("dimanche", "mardi soir") is the most recent such day on or before publication; "lundi dernier"
  strictly before, "lundi prochain" strictly after, "ce lundi" the one in the publication's ISO week;
- "cette semaine", "la semaine dernière" are intervals Monday..Sunday (ISO 8601 weeks); "ce week-end" is the
  Saturday..Sunday of the publication week, or of the week before when published on a Monday;
- "depuis" + a date is the interval from that date to publication, the end cut to the start's precision
  ("depuis août 2021" published 2022-05-21 -> ``2021-08/2022-05``), or days when the start is the
  publication's own month or year ("depuis début mai" published 2022-05-20 -> ``2022-05-01/2022-05-20``);
- "il y a N jours/semaines/heures" is a day, "il y a N mois" a month, "il y a N ans" a year ("dans N ..." the
  same forward); "depuis N jours" and "les N derniers jours" are the interval from N units back to publication,
  "les N prochains jours" the N units after it, at the unit's precision ("depuis trois mois" -> months);
- without a publication date every expression that needs one has ``value=None``, ``precision="unresolved"``;
  today's date is never used.

Years: a four-digit number is read as a year only from 1900 to 2099 and only after a cue ("en", "depuis",
"fin"...) or standing alone before punctuation; after a day and month any year 1000-2099 is accepted. Two-digit
years ("15/01/24", "juillet 98,", "Mai 68") are 20YY when that is at most 20 years after publication, else 19YY
(without a publication date as POSIX ``strptime`` ``%y``: 69-99 -> 19YY, 00-68 -> 20YY).
"""
from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from .langdata import LanguageData, LanguageDataError
from .records import EventDate, Span

log = logging.getLogger(__name__)

PRECISIONS = ("day", "month", "year", "interval", "unresolved")
"""Precision of a :class:`TimeExpression` value (a subset of :data:`newsevents.records.DATE_PRECISIONS`)."""

PAST_WINDOW_DAYS = 183
"""Default look-back for dates without a year: the most recent past occurrence is kept if at most this many days
before publication, else the next occurrence is used (about six months, as the project brief asks)."""


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """One temporal expression found in a text.

    ``span`` is (start, end) character offsets into the text given to :meth:`DateResolver.find` (0-based,
    end-exclusive) and ``text`` the words at that span. ``value`` is ISO 8601: a day ``2024-01-15``, a month
    ``2024-01``, a year ``2024`` or an interval ``2024-01-15/2024-01-17`` (also ``2021-08/2022-05``,
    ``2014/2018``), both ends included; None when the expression is relative and no publication date was given.
    ``precision`` is one of :data:`PRECISIONS`.
    """

    span: Span
    text: str
    value: str | None
    precision: str

    def to_event_date(self) -> EventDate:
        """This expression as the :class:`~newsevents.records.EventDate` of an event."""
        return EventDate(value=self.value, text=self.text, span=self.span, precision=self.precision)


def nearest(expressions: Iterable[TimeExpression], span: Span, max_gap: int | None = None) -> TimeExpression | None:
    """The expression closest to ``span`` (character offsets): gap 0 when they overlap, else the number of
    characters between them; ties go to the expression that comes first. None when there is none, or when the
    closest is more than ``max_gap`` characters away."""
    best: tuple[int, int] | None = None
    chosen = None
    for expr in expressions:
        gap = max(0, expr.span[0] - span[1], span[0] - expr.span[1])
        key = (gap, expr.span[0])
        if best is None or key < best:
            best, chosen = key, expr
    if chosen is not None and max_gap is not None and best[0] > max_gap:
        return None
    return chosen


# --- text folding -------------------------------------------------------------------------------------------

_FOLD_SPECIAL = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "`": "'", "\u2010": "-", "\u2011": "-",
                 "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00a0": " ", "\u202f": " ",
                 "\u2009": " ", "\u2007": " "}


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    special = _FOLD_SPECIAL.get(ch)
    if special is not None:
        return special
    if ch.isascii():
        return ch.lower()
    if ch.isalpha():
        base = unicodedata.normalize("NFKD", ch)[0].lower()
        if len(base) == 1 and base.isalpha():
            return base
    low = ch.lower()
    return low if len(low) == 1 else ch


def fold(text: str) -> str:
    """Lowercase ``text``, drop accents ("é" -> "e", "ᵉʳ" -> "er"), make apostrophes ``'`` and dashes ``-``;
    the result has exactly the same length, so character offsets carry over."""
    return "".join(map(_fold_char, text))


# --- the grammar --------------------------------------------------------------------------------------------

class _NeedsPublication(Exception):
    """Raised by a resolver that needs the publication date when none was given."""


def _phrase(text: str) -> str:
    """Regex for one vocabulary entry on folded text: spaces match any whitespace, a hyphen matches a hyphen, a
    space or nothing, an apostrophe may be followed by spaces."""
    parts = []
    for token in re.split(r"(\s+|-|')", fold(text.strip())):
        if not token:
            continue
        if token.isspace():
            parts.append(r"\s+")
        elif token == "-":
            parts.append(r"\s*-?\s*")
        elif token == "'":
            parts.append(r"'\s*")
        else:
            parts.append(re.escape(token))
    return "".join(parts)


def _alt(phrases: Iterable[str]) -> str:
    """A non-capturing alternation of vocabulary entries, longest first (so "avant-hier" wins over "hier").
    Matches nothing when the list is empty."""
    items = sorted({fold(p.strip()) for p in phrases if p and p.strip()}, key=lambda p: (-len(p), p))
    if not items:
        return r"(?!x)x"
    return "(?:" + "|".join(_phrase(p) for p in items) + ")"


def _alt_lead(phrases: Iterable[str]) -> str:
    """Like :func:`_alt`, each entry followed by its separator from the next word: spaces after a word, optional
    spaces after an entry ending in a hyphen or apostrophe ("mi-", "d'")."""
    items = sorted({fold(p.strip()) for p in phrases if p and p.strip()}, key=lambda p: (-len(p), p))
    if not items:
        return r"(?!x)x"
    out = []
    for p in items:
        pattern = _phrase(p)
        if p.endswith("-") or p.endswith("'"):
            out.append(pattern + r"\s*")
        else:
            out.append(pattern + r"\s+")
    return "(?:" + "|".join(out) + ")"


def _strings(raw: Any, where: str) -> list[str]:
    if not isinstance(raw, list) or not all(isinstance(x, str) and x.strip() for x in raw):
        raise LanguageDataError(f"{where}: expected a list of non-empty strings, got {raw!r}")
    return raw


def _numbered(raw: Any, where: str, valid: range) -> dict[int, list[str]]:
    if not isinstance(raw, dict):
        raise LanguageDataError(f"{where}: expected a mapping of numbers to lists of names")
    out = {}
    for key, names in raw.items():
        if not isinstance(key, int) or key not in valid:
            raise LanguageDataError(f"{where}: entry {key!r}: expected a number in {valid.start}..{valid.stop - 1}")
        out[key] = _strings(names, f"{where}: entry {key}")
    return out


_UNITS = ("hour", "day", "week", "month", "year")
_PERIOD_UNITS = ("week", "weekend", "month", "year")
_YEAR_ANY = r"[12]\d{3}(?!\d)(?![.,]\d)"
_YEAR_MOD = r"(?:19|20)\d{2}(?!\d)(?![.,]\d)(?!\s\d{3}(?!\d))"
_NUM_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?!\d)"


class _Grammar:
    """Compiled patterns and lookup tables for one language, built from ``dates.yaml``. Raises
    :class:`LanguageDataError` naming the file and entry for a malformed file."""

    def __init__(self, data: LanguageData):
        where = f"lang/{data.lang}/dates.yaml"
        raw = data.file("dates")

        def get(key: str) -> Any:
            if key not in raw:
                raise LanguageDataError(f"{where}: missing key {key!r}")
            return raw[key]

        def words(key: str) -> list[str]:
            return _strings(get(key), f"{where}: {key}") if get(key) else []

        months = _numbered(get("months"), f"{where}: months", range(1, 13))
        if set(months) != set(range(1, 13)):
            raise LanguageDataError(f"{where}: months: expected the 12 months 1..12, got {sorted(months)}")
        month_abbr = _numbered(get("month_abbreviations") or {}, f"{where}: month_abbreviations", range(1, 13))
        weekdays = _numbered(get("weekdays"), f"{where}: weekdays", range(1, 8))
        if set(weekdays) != set(range(1, 8)):
            raise LanguageDataError(f"{where}: weekdays: expected the 7 ISO weekdays 1..7, got {sorted(weekdays)}")
        weekday_abbr = _numbered(get("weekday_abbreviations") or {}, f"{where}: weekday_abbreviations", range(1, 8))

        self.month_of = {_key(n): k for k, names in months.items() for n in names}
        self.month_of.update({_key(n): k for k, names in month_abbr.items() for n in names})
        self.weekday_of = {_key(n): k for k, names in weekdays.items() for n in names}
        self.weekday_of.update({_key(n): k for k, names in weekday_abbr.items() for n in names})
        self.first_day = {_key(w) for w in words("first_day")}
        self.past = {_key(w) for w in words("past")}
        self.next = {_key(w) for w in words("next")}

        self.relative_days: dict[str, tuple[int, re.Pattern | None]] = {}
        rel_days = get("relative_days")
        if not isinstance(rel_days, dict):
            raise LanguageDataError(f"{where}: relative_days: expected a mapping of phrase to day offset")
        for phrase, spec in rel_days.items():
            blocker = None
            if isinstance(spec, dict):
                offset = spec.get("offset")
                not_before = _strings(spec.get("not_before", []), f"{where}: relative_days: {phrase}: not_before")
                if not_before:
                    blocker = re.compile(r"\s*" + _alt(not_before) + r"(?!\w)")
            else:
                offset = spec
            if not isinstance(offset, int) or isinstance(offset, bool):
                raise LanguageDataError(f"{where}: relative_days: {phrase!r}: expected an integer day offset")
            self.relative_days[_key(phrase)] = (offset, blocker)
        self._relative_day_phrases = list(rel_days)

        self.relative_periods: dict[str, tuple[str, int]] = {}
        rel_periods = get("relative_periods")
        if not isinstance(rel_periods, dict):
            raise LanguageDataError(f"{where}: relative_periods: expected a mapping of phrase to [unit, offset]")
        for phrase, spec in rel_periods.items():
            if (not isinstance(spec, list) or len(spec) != 2 or spec[0] not in _PERIOD_UNITS
                    or not isinstance(spec[1], int)):
                raise LanguageDataError(f"{where}: relative_periods: {phrase!r}: expected [unit, offset] with unit in "
                                        f"{', '.join(_PERIOD_UNITS)}, got {spec!r}")
            self.relative_periods[_key(phrase)] = (spec[0], spec[1])
        self._relative_period_phrases = list(rel_periods)

        units = get("units")
        if not isinstance(units, dict) or not set(units) <= set(_UNITS):
            raise LanguageDataError(f"{where}: units: expected a mapping with keys among {', '.join(_UNITS)}")
        self.unit_of = {_key(w): u for u, ws in units.items() for w in _strings(ws, f"{where}: units: {u}")}
        numbers = get("numbers")
        if not isinstance(numbers, dict) or not all(isinstance(v, int) and v > 0 for v in numbers.values()):
            raise LanguageDataError(f"{where}: numbers: expected a mapping of number words to positive integers")
        self.number_of = {_key(w): v for w, v in numbers.items()}
        ranges = get("ranges")
        if not isinstance(ranges, dict):
            raise LanguageDataError(f"{where}: ranges: expected a mapping")
        rng = {k: _strings(ranges.get(k) or [], f"{where}: ranges: {k}") if ranges.get(k) else []
               for k in ("from", "to", "between", "and", "pair", "articles")}
        if get("numeric_order") not in ("dmy", "mdy"):
            raise LanguageDataError(f"{where}: numeric_order: expected 'dmy' or 'mdy'")
        self.numeric_order = get("numeric_order")

        # -- building blocks (on folded text) --
        b, e = r"(?<!\w)", r"(?!\w)"
        month_full = _alt(n for ns in months.values() for n in ns)
        need_dot = {fold(w) for w in words("abbreviations_needing_dot")}
        abbr_free = _alt(n for ns in month_abbr.values() for n in ns if fold(n) not in need_dot)
        abbr_dot = _alt(n for ns in month_abbr.values() for n in ns if fold(n) in need_dot)
        month_with_day = rf"(?:{month_full}{e}|{abbr_dot}(?:\.|(?=\s+[12]\d{{3}}))|{abbr_free}(?:\.|{e}))"
        weekday = _alt(n for ns in weekdays.values() for n in ns)
        weekday_abbr_alt = _alt(n for ns in weekday_abbr.values() for n in ns)
        day = rf"(?:{_alt(words('first_day'))}|{_NUM_DAY})"
        joiner = rf"(?:{_alt(words('joiners'))}\s+)?" if words("joiners") else ""
        rel = rf"(?:{_alt(words('past') + words('next'))})"
        this = _alt(words("this"))
        day_parts = _alt(words("day_parts"))
        art = rf"(?:{_alt_lead(rng['articles'])})?"
        frm, to = _alt_lead(rng["from"]), _alt_lead(rng["to"])
        between, and_ = _alt_lead(rng["between"]), _alt_lead(rng["and"])
        pair = _alt_lead(rng["pair"])
        number = rf"(?:\d{{1,3}}(?!\d)|{_alt(numbers)})"
        unit = _alt(w for ws in units.values() for w in ws)
        wd_opt = rf"(?:(?:{weekday}|{weekday_abbr_alt}\.?)\s+)?"
        # a year after a month: four digits, or two (checked by _year_after: "juillet 98,", "Mai 68")
        year_after = rf"(?:\s+{joiner}(?P<y>{_YEAR_ANY})|\s+(?P<yy>\d{{2}})(?!\d)(?![.,]\d))"
        week_phrases = [p for p in rel_periods if rel_periods[p][0] == "week"]

        self.rules: list[tuple[str, re.Pattern, Callable]] = []

        def rule(name: str, pattern: str, handler: Callable) -> None:
            self.rules.append((name, re.compile(pattern), handler))

        rule("date", rf"{b}(?:(?P<wd>{weekday})\s+|(?P<wda>{weekday_abbr_alt})\.?\s+)?(?<![\w,.])(?P<d>{day})"
                     rf"\s+{joiner}(?P<m>{month_with_day}){year_after}?(?:\s+(?P<rel>{rel}){e})?", _resolve_date)
        rule("numeric", rf"{b}(?:(?P<wd>{weekday})\s+)?(?<![\w/.,-])(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[01]?\d)"
                        rf"(?P=sep)(?P<y>\d{{4}}|\d{{2}})(?![\w/-]|[.,]\d)", _resolve_numeric)
        rule("iso", r"(?<![\w/.-])(?P<y>[12]\d{3})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)(?![\w-])", _resolve_iso)
        rule("numeric_no_year", rf"(?:{b}(?P<art>{_alt(words('numeric_date_articles'))})\s+)?"
                                rf"(?:(?P<wd>{weekday})\s+)?"
                                rf"(?<![\w/.,-])(?P<a>[0-3]?\d)/(?P<b>[01]?\d)(?![\w/])", _resolve_numeric)
        rule("numeric_month", r"(?<![\w/.,-])(?P<b>0?[1-9]|1[0-2])/(?P<y>(?:19|20)\d{2})(?![\w/])",
             _resolve_numeric_month)
        month_prefix = _alt_lead(words("month_prefixes"))
        rule("month", rf"{b}(?:(?P<pre>{month_prefix})|(?P<this>{this})\s+(?:{_alt(words('month_word'))}\s+"
                      rf"{_alt_lead(words('month_of'))})?)?(?P<m>{month_full}){e}"
                      rf"{year_after}?(?:\s+(?P<rel>{rel}){e})?", _resolve_month)
        rule("year_cue", rf"{b}(?:(?P<pre>{_alt_lead(words('year_prefixes'))})|{_alt(words('year_cues'))}\s+)"
                         rf"(?P<y>{_YEAR_MOD}){e}", _resolve_year)
        rule("year_bare", rf"(?<![\w,.\-/])(?P<y>{_YEAR_MOD})(?=\s*(?:[.,;:!?)\]»\"]|$))", _resolve_year_bare)
        rule("decade", rf"{b}{_alt(words('decades'))}\s+(?P<dec>(?:19|20)\d0|\d0){e}", _resolve_decade)
        rule("relative_day", rf"{b}(?P<rd>{_alt(self._relative_day_phrases)})(?:\s+{weekday}{e})?"
                             rf"(?:\s+(?P<part>{day_parts}))?{e}", _resolve_relative_day)
        rule("relative_period", rf"{b}(?P<rp>{_alt(self._relative_period_phrases)}){e}", _resolve_relative_period)
        rule("weekday", rf"{b}(?:(?P<this>{this})\s+)?(?P<wd>{weekday}){e}(?:\s+(?P<rel1>{rel}){e})?"
                        rf"(?:\s+(?:{_alt_lead(words('weekday_in_week'))})?(?P<wk>{_alt(week_phrases)}){e})?"
                        rf"(?:\s+(?P<part>{day_parts}){e})?(?:\s+(?P<rel2>{rel}){e})?", _resolve_weekday)
        rule("weekday_range", rf"{b}(?:{_alt_lead(words('night_of'))}|{frm}|{between})(?P<wd1>{weekday})\s+"
                              rf"(?:{to}|{and_})(?P<wd2>{weekday}){e}", _resolve_weekday_range)
        rule("day_range", rf"{b}(?:{frm}|{between}|{pair}){art}{wd_opt}(?P<d1>{day})"
                          rf"(?:\s+(?P<m1>{month_with_day})(?:\s+(?P<y1>{_YEAR_ANY}))?)?\s+"
                          rf"(?:{to}|{and_}){art}{wd_opt}(?P<d2>{day})\s+(?P<m2>{month_with_day})"
                          rf"(?:\s+(?P<y2>{_YEAR_ANY}))?", _resolve_day_range)
        rule("day_dash_range", rf"(?<![\w,./-])(?P<d1>{_NUM_DAY})\s*-\s*(?P<d2>{day})\s+(?P<m2>{month_with_day})"
                               rf"(?:\s+(?P<y2>{_YEAR_ANY}))?", _resolve_day_range)
        rule("month_range", rf"{b}(?:{frm}|{between})(?P<m1>{month_full}){e}(?:\s+(?P<y1>{_YEAR_MOD}))?\s+"
                            rf"(?:{to}|{and_})(?P<m2>{month_full}){e}(?:\s+(?P<y2>{_YEAR_MOD}))?",
             _resolve_month_range)
        rule("year_range", rf"{b}(?:{frm}|{between})(?P<y1>{_YEAR_MOD})\s+(?:{to}|{and_})(?P<y2>{_YEAR_MOD}){e}",
             _resolve_year_range)
        rule("year_dash", rf"(?<![\w,.\-/])(?P<y1>{_YEAR_MOD})\s*-\s*(?P<y2>{_YEAR_MOD})(?![\w-])",
             _resolve_year_range)
        approx = rf"(?:{_alt_lead(words('approximately'))})?"
        rule("count", rf"{b}(?P<op>{_alt(words('ago') + words('after') + words('since'))})\s+"
                      rf"{approx}(?P<n>{number})\s+(?P<u>{unit}){e}", _resolve_count)
        rule("last_n", rf"{b}{_alt_lead(words('count_articles'))}(?:(?P<n>{number})\s+(?P<rel>{rel})\s+(?P<u>{unit})"
                       rf"|(?P<n2>{number})\s+(?P<u2>{unit})\s+(?P<rel2>{rel})){e}", _resolve_last_n)

        self.ago = {_key(w) for w in words("ago")}
        self.since = {_key(w) for w in words("since")}
        self.since_before = re.compile(rf"{b}{_alt(words('since'))}\s+{art}$")
        self.weekday_blockers = re.compile(rf"{b}{_alt(words('weekday_blockers'))}\s+$")
        self.bare_month_blockers = re.compile(rf"{b}{_alt(words('bare_month_blockers'))}\s+$")
        self.bare_year_blockers = re.compile(rf"(?:{b}{_alt(words('bare_year_blockers'))}|\d)[\s.,]*$")


def _key(phrase: str) -> str:
    """Lookup key of a phrase: folded, without spaces and hyphens ("Week-End", "week end" -> "weekend")."""
    return re.sub(r"[\s\-]+", "", fold(phrase))


# --- calendar helpers ---------------------------------------------------------------------------------------

def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month_shift(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _week_start(d: date) -> date:
    return d - timedelta(days=d.isoweekday() - 1)


def _interval(a: str, b: str) -> str:
    return f"{a}/{b}"


def _day_without_year(month: int, day: int, pub: date, rel: str | None, weekday: int | None,
                      window: int) -> date | None:
    """Year of a day-and-month without a year (rules in the module docstring); None when no year makes it
    a valid date (30 February)."""
    candidates = [c for y in range(pub.year - 8, pub.year + 9) if (c := _valid(y, month, day))]
    if not candidates:
        return None
    past = [c for c in candidates if c <= pub]
    future = [c for c in candidates if c > pub]
    if rel == "past":
        strictly = [c for c in past if c < pub]
        return strictly[-1] if strictly else None
    if rel == "next":
        return future[0] if future else None
    if weekday is not None:
        agreeing = [c for c in candidates if c.isoweekday() == weekday and abs((c - pub).days) <= 366]
        if agreeing:
            return min(agreeing, key=lambda c: (abs((c - pub).days), c > pub))
    if rel == "until":
        return past[-1] if past else None
    if rel == "from":
        later = [c for c in candidates if c >= pub]
        return later[0] if later else None
    if past and (pub - past[-1]).days <= window:
        return past[-1]
    return future[0] if future else past[-1]


def _month_without_year(month: int, pub: date, rel: str | None, this: bool, window_months: int) -> int:
    """Year of a month without a year (rules in the module docstring)."""
    if this:
        return pub.year
    if rel == "until":
        return pub.year if month <= pub.month else pub.year - 1
    if rel == "from":
        return pub.year if month >= pub.month else pub.year + 1
    if rel == "past":
        return pub.year if month < pub.month else pub.year - 1
    if rel == "next":
        return pub.year if month > pub.month else pub.year + 1
    year = pub.year if month <= pub.month else pub.year - 1
    back = (pub.year * 12 + pub.month) - (year * 12 + month)
    return year if back <= window_months else year + 1


def _weekday_on_or_before(pub: date, weekday: int, strict: bool = False) -> date:
    back = (pub.isoweekday() - weekday) % 7
    if strict and back == 0:
        back = 7
    return pub - timedelta(days=back)


def _weekday_after(ref: date, weekday: int) -> date:
    ahead = (weekday - ref.isoweekday()) % 7 or 7
    return ref + timedelta(days=ahead)


# --- resolvers: each takes (match, context) and returns (start, end, value, precision) or None --------------

@dataclass
class _Context:
    grammar: _Grammar
    folded: str
    original: str
    offset: int          # folded[i] is original[offset + i]
    pub: date | None
    window: int
    tense: str | None = None

    def need_pub(self, start: int | None = None, end: int | None = None) -> date:
        """The publication date; raises :class:`_NeedsPublication` (with the expression's start and end when
        they are not the match's) when there is none."""
        if self.pub is None:
            raise _NeedsPublication(start, end)
        return self.pub

    def before(self, pos: int, width: int = 40) -> str:
        return self.folded[max(0, pos - width):pos]

    def rel(self, word: str | None = None) -> str | None:
        """Direction of an expression without a year: "past"/"next" (strictly before/after publication) from a
        word ("dernier", "prochain"); else "until"/"from" (on or before/after) from the caller's tense; else
        None (the default rules)."""
        w = _key(word) if word else ""
        if w and w in self.grammar.past:
            return "past"
        if w and w in self.grammar.next:
            return "next"
        return {"past": "until", "future": "from"}.get(self.tense)

    def year_after(self, m: re.Match) -> tuple[int | None, int]:
        """(year, end) of a month match: the four-digit year, or a two-digit one when punctuation follows or
        the month is capitalised ("juillet 98,", "Mai 68"); else no year and the match ends after the month
        ("mars 20 personnes")."""
        if _g(m, "y"):
            return int(m["y"]), m.end()
        if _g(m, "yy"):
            month_word = self.original[self.offset + m.start("m"):self.offset + m.end("m")]
            if re.match(r"\s*(?:[,.;:!?)»]|$)", self.folded[m.end("yy"):]) or month_word[:1].isupper():
                return _two_digit_year(m["yy"], self.pub), m.end()
            return None, m.end("m")
        return None, m.end()

    def day_number(self, word: str) -> int:
        return 1 if _key(word) in self.grammar.first_day else int(word)

    def month_number(self, word: str) -> int:
        return self.grammar.month_of[_key(word).rstrip(".")]


def _g(m: re.Match, name: str) -> str | None:
    """Group ``name`` of the match, None when unmatched or when the rule has no such group."""
    return m.groupdict().get(name)


def _two_digit_year(yy: str, pub: date | None) -> int:
    """Century of a two-digit year: 20YY when that is at most 20 years after publication, else 19YY; without
    a publication date as POSIX ``strptime`` ``%y`` reads it (69-99 -> 19YY, 00-68 -> 20YY)."""
    if pub is None:
        return 1900 + int(yy) if int(yy) >= 69 else 2000 + int(yy)
    return 2000 + int(yy) if 2000 + int(yy) <= pub.year + 20 else 1900 + int(yy)


def _resolve_date(m: re.Match, ctx: _Context):
    day, month = ctx.day_number(m["d"]), ctx.month_number(m["m"])
    year, end = ctx.year_after(m)
    if year is not None:
        d = _valid(year, month, day)
        return (m.start(), end, d.isoformat(), "day") if d else None
    pub = ctx.need_pub(end=end)
    wd = m["wd"] or m["wda"]
    weekday = ctx.grammar.weekday_of[_key(wd)] if wd else None
    d = _day_without_year(month, day, pub, ctx.rel(m["rel"] if end == m.end() else None), weekday, ctx.window)
    return (m.start(), end, d.isoformat(), "day") if d else None


def _resolve_numeric(m: re.Match, ctx: _Context):
    a, b = m["a"], m["b"]
    day, month = (int(a), int(b)) if ctx.grammar.numeric_order == "dmy" else (int(b), int(a))
    start = m.start() if _g(m, "wd") else m.start("a")
    y = _g(m, "y")
    if y:
        d = _valid(int(y) if len(y) == 4 else _two_digit_year(y, ctx.pub), month, day)
        return (start, m.end(), d.isoformat(), "day") if d else None
    if not (len(b) == 2 and (len(a) == 2 or _g(m, "art")) or _g(m, "art") and int(a) > 12):
        return None   # "3/4", "le 1/3" are fractions; "22/04", "le 3/04", "le 22/4" are dates
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    weekday = ctx.grammar.weekday_of[_key(m["wd"])] if _g(m, "wd") else None
    d = _day_without_year(month, day, ctx.need_pub(start), ctx.rel(), weekday, ctx.window)
    return (start, m.end(), d.isoformat(), "day") if d else None


def _resolve_iso(m: re.Match, ctx: _Context):
    d = _valid(int(m["y"]), int(m["m"]), int(m["d"]))
    return (m.start(), m.end(), d.isoformat(), "day") if d else None


def _resolve_numeric_month(m: re.Match, ctx: _Context):
    return m.start(), m.end(), f"{int(m['y']):04d}-{int(m['b']):02d}", "month"


def _resolve_month(m: re.Match, ctx: _Context):
    month = ctx.month_number(m["m"])
    year, end = ctx.year_after(m)
    rel_word = m["rel"] if end == m.end() else None
    if not (m["pre"] or m["this"] or year or rel_word):
        # a bare month name: "la planète Mars", "Avril Haines", "Champ-de-Mars" are not months
        if ctx.grammar.bare_month_blockers.search(ctx.before(m.start())) or ctx.before(m.start(), 1) == "-":
            return None
        word = ctx.original[ctx.offset + m.start("m"):ctx.offset + m.end("m")]
        following = ctx.original[ctx.offset + m.end("m"):ctx.offset + m.end("m") + 3]
        if word[:1].isupper() and re.match(r"\s+[A-ZÀ-ÖØ-Þ]", following):
            return None
    if year is not None:
        return m.start(), end, f"{year:04d}-{month:02d}", "month"
    year = _month_without_year(month, ctx.need_pub(end=end), ctx.rel(rel_word), bool(m["this"]), ctx.window // 30)
    return m.start(), end, f"{year:04d}-{month:02d}", "month"


def _resolve_year(m: re.Match, ctx: _Context):
    start = m.start("pre") if m["pre"] else m.start("y")
    return start, m.end(), m["y"], "year"


def _resolve_year_bare(m: re.Match, ctx: _Context):
    if ctx.grammar.bare_year_blockers.search(ctx.before(m.start())):
        return None
    return m.start(), m.end(), m["y"], "year"


def _resolve_decade(m: re.Match, ctx: _Context):
    dec = m["dec"]
    first = int(dec) if len(dec) == 4 else 1900 + int(dec)
    return m.start(), m.end(), _interval(str(first), str(first + 9)), "interval"


def _resolve_relative_day(m: re.Match, ctx: _Context):
    offset, blocker = ctx.grammar.relative_days[_key(m["rd"])]
    if blocker is not None and not m["part"] and blocker.match(ctx.folded, m.end()):
        return None
    d = ctx.need_pub() + timedelta(days=offset)
    return m.start(), m.end(), d.isoformat(), "day"


def _period(unit: str, offset: int, pub: date) -> tuple[str, str]:
    """(value, precision) of the calendar unit ``offset`` units from the one holding ``pub``."""
    if unit == "year":
        return str(pub.year + offset), "year"
    if unit == "month":
        y, mo = _month_shift(pub.year, pub.month, offset)
        return f"{y:04d}-{mo:02d}", "month"
    monday = _week_start(pub) + timedelta(weeks=offset)
    if unit == "week":
        return _interval(monday.isoformat(), (monday + timedelta(days=6)).isoformat()), "interval"
    if offset == 0 and pub.isoweekday() == 1:
        monday -= timedelta(weeks=1)   # "ce week-end" in a Monday paper is the weekend just past
    elif offset == 1 and pub.isoweekday() < 6:
        monday -= timedelta(weeks=1)   # "le week-end prochain" on a weekday is the coming one
    saturday = monday + timedelta(days=5)
    return _interval(saturday.isoformat(), (saturday + timedelta(days=1)).isoformat()), "interval"


def _resolve_relative_period(m: re.Match, ctx: _Context):
    unit, offset = ctx.grammar.relative_periods[_key(m["rp"])]
    value, precision = _period(unit, offset, ctx.need_pub())
    return m.start(), m.end(), value, precision


def _resolve_weekday(m: re.Match, ctx: _Context):
    if ctx.grammar.weekday_blockers.search(ctx.before(m.start())):
        return None
    weekday = ctx.grammar.weekday_of[_key(m["wd"])]
    pub = ctx.need_pub()
    rel = ctx.rel(m["rel1"] or m["rel2"])
    if m["wk"]:
        _, offset = ctx.grammar.relative_periods[_key(m["wk"])]
        d = _week_start(pub) + timedelta(weeks=offset, days=weekday - 1)
    elif m["this"]:
        d = _week_start(pub) + timedelta(days=weekday - 1)
    elif rel == "past":
        d = _weekday_on_or_before(pub, weekday, strict=True)
    elif rel == "next":
        d = _weekday_after(pub, weekday)
    elif rel == "from":
        d = _weekday_after(pub - timedelta(days=1), weekday)
    else:
        d = _weekday_on_or_before(pub, weekday)
    return m.start(), m.end(), d.isoformat(), "day"


def _resolve_weekday_range(m: re.Match, ctx: _Context):
    pub = ctx.need_pub()
    weekday = ctx.grammar.weekday_of[_key(m["wd1"])]
    if ctx.rel() == "from":
        first = _weekday_after(pub - timedelta(days=1), weekday)
    else:
        first = _weekday_on_or_before(pub, weekday)
    last = _weekday_after(first, ctx.grammar.weekday_of[_key(m["wd2"])])
    return m.start(), m.end(), _interval(first.isoformat(), last.isoformat()), "interval"


def _resolve_day_range(m: re.Match, ctx: _Context):
    d1, d2 = ctx.day_number(m["d1"]), ctx.day_number(m["d2"])
    m2 = ctx.month_number(m["m2"])
    m1 = ctx.month_number(_g(m, "m1")) if _g(m, "m1") else m2
    y1 = int(_g(m, "y1")) if _g(m, "y1") else None
    y2 = int(m["y2"]) if m["y2"] else None
    if y2 is None and y1 is not None:
        y2 = y1 if (m2, d2) >= (m1, d1) else y1 + 1
    if y2 is not None:
        if y1 is None:
            y1 = y2 if (m1, d1) <= (m2, d2) else y2 - 1
        first, last = _valid(y1, m1, d1), _valid(y2, m2, d2)
    else:
        first = _day_without_year(m1, d1, ctx.need_pub(), ctx.rel(), None, ctx.window)
        if first is None:
            return None
        last = _valid(first.year if (m2, d2) >= (m1, d1) else first.year + 1, m2, d2)
    if first is None or last is None or last <= first:
        return None
    return m.start(), m.end(), _interval(first.isoformat(), last.isoformat()), "interval"


def _resolve_month_range(m: re.Match, ctx: _Context):
    m1, m2 = ctx.month_number(m["m1"]), ctx.month_number(m["m2"])
    y1 = int(m["y1"]) if m["y1"] else None
    y2 = int(m["y2"]) if m["y2"] else None
    if y2 is None and y1 is not None:
        y2 = y1 if m2 >= m1 else y1 + 1
    if y2 is not None and y1 is None:
        y1 = y2 if m1 <= m2 else y2 - 1
    if y1 is None:
        y1 = _month_without_year(m1, ctx.need_pub(), ctx.rel(), False, ctx.window // 30)
        y2 = y1 if m2 >= m1 else y1 + 1
    if (y1, m1) >= (y2, m2):
        return None
    return m.start(), m.end(), _interval(f"{y1:04d}-{m1:02d}", f"{y2:04d}-{m2:02d}"), "interval"


def _resolve_year_range(m: re.Match, ctx: _Context):
    y1, y2 = int(m["y1"]), int(m["y2"])
    if y1 >= y2:
        return None
    return m.start(), m.end(), _interval(m["y1"], m["y2"]), "interval"


def _shifted(pub: date, unit: str, n: int) -> tuple[str, str]:
    """(value, precision) of ``pub`` moved by ``n`` units (negative: back): hours, days and weeks give a day,
    months a month, years a year."""
    if unit in ("hour", "day", "week"):
        days = {"hour": int(n / 24), "day": n, "week": 7 * n}[unit]
        return (pub + timedelta(days=days)).isoformat(), "day"
    if unit == "month":
        y, mo = _month_shift(pub.year, pub.month, n)
        return f"{y:04d}-{mo:02d}", "month"
    return str(pub.year + n), "year"


def _span_of(pub: date, unit: str, n: int) -> str | None:
    """The interval covering the last ``n`` units up to publication (``n`` > 0) or the next ``-n`` units after
    it (``n`` < 0), at the unit's precision (days for hours and weeks); None when empty."""
    if n > 0:
        first, _ = _shifted(pub, unit, -n)
        last, _ = _shifted(pub, unit, 0)
    else:
        first, _ = _shifted(pub + timedelta(days=1) if unit in ("hour", "day", "week") else pub, unit,
                            0 if unit in ("hour", "day", "week") else 1)
        last, _ = _shifted(pub, unit, -n)
    return _interval(first, last) if first < last else None


def _count(ctx: _Context, word: str) -> int:
    key = _key(word)
    return int(key) if key.isdigit() else ctx.grammar.number_of[key]


def _resolve_count(m: re.Match, ctx: _Context):
    n = _count(ctx, m["n"])
    unit = ctx.grammar.unit_of[_key(m["u"])]
    op = _key(m["op"])
    pub = ctx.need_pub()
    if op in ctx.grammar.since:
        value = _span_of(pub, unit, n)
        return (m.start(), m.end(), value, "interval") if value else None
    value, precision = _shifted(pub, unit, -n if op in ctx.grammar.ago else n)
    return m.start(), m.end(), value, precision


def _resolve_last_n(m: re.Match, ctx: _Context):
    n = _count(ctx, m["n"] or m["n2"])
    unit = ctx.grammar.unit_of[_key(m["u"] or m["u2"])]
    direction = ctx.rel(m["rel"] or m["rel2"])
    value = _span_of(ctx.need_pub(m.start("n") if m["n"] else m.start("n2")), unit,
                     n if direction == "past" else -n)
    start = m.start("n") if m["n"] else m.start("n2")
    return (start, m.end(), value, "interval") if value else None


# --- the resolver -------------------------------------------------------------------------------------------

def _parse_published(published: str | None) -> date | None:
    if published is None:
        return None
    if not isinstance(published, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:[T ].*)?", published):
        raise ValueError(f"published must be an ISO 8601 date YYYY-MM-DD or None, got {published!r}")
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        raise ValueError(f"published is not a valid date: {published!r}") from None


class DateResolver:
    """Find the temporal expressions of a text and resolve them against the publication date.

    ``data`` is a loaded :class:`~newsevents.langdata.LanguageData`; its ``dates.yaml`` is validated on
    construction (raises :class:`~newsevents.langdata.LanguageDataError` naming the file and entry).
    ``past_window_days`` sets how far back a date without a year may be read as past (module docstring).
    Thread-safe: holds only compiled patterns.
    """

    def __init__(self, data: LanguageData, *, past_window_days: int = PAST_WINDOW_DAYS):
        self.lang = data.lang
        self.past_window_days = past_window_days
        self._grammar: _Grammar = data.cached("dates.grammar", _Grammar)

    def find(self, text: str, published: str | None, start: int = 0, end: int | None = None, *,
             tense: str | None = None) -> list[TimeExpression]:
        """All temporal expressions in ``text[start:end]``, in text order, without overlaps (the longest
        expression wins), resolved against ``published`` (ISO 8601 ``YYYY-MM-DD``, or None when unknown).

        ``tense`` is an optional hint from the caller's parse for the clause: ``"past"`` or ``"future"``. It
        only steers expressions that have no year and no "dernier"/"prochain": with ``"future"`` a bare weekday
        ("se rendra jeudi") is the one on or after publication and a day or month without a year the next
        occurrence (publication day or month included); with ``"past"`` the most recent one on or before
        publication, however far back. None applies the default rules (module docstring).

        Spans are offsets into ``text`` itself (not into the slice). Raises ``ValueError`` for a malformed
        ``published``, an unknown ``tense`` or offsets outside the text.
        """
        if tense not in (None, "past", "future"):
            raise ValueError(f"tense must be None, 'past' or 'future', got {tense!r}")
        pub = _parse_published(published)
        end = len(text) if end is None else end
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"need 0 <= start <= end <= len(text), got start={start}, end={end}, len={len(text)}")
        base = max(0, start - 64)
        folded = fold(text[base:end])
        ctx = _Context(self._grammar, folded, text, base, pub, self.past_window_days, tense)
        candidates: list[tuple[int, int, str | None, str]] = []
        for name, pattern, resolve in self._grammar.rules:
            for m in pattern.finditer(folded, start - base, end - base):
                try:
                    hit = resolve(m, ctx)
                except _NeedsPublication as exc:
                    s, e = exc.args
                    hit = (m.start() if s is None else s, m.end() if e is None else e, None, "unresolved")
                if hit is None:
                    log.debug("dates: %s match %r not read as a date", name, m.group())
                    continue
                if hit[0] >= start - base:
                    candidates.append(hit)
        chosen: list[tuple[int, int, str | None, str]] = []
        for hit in sorted(candidates, key=lambda h: (h[0] - h[1], h[0])):
            if all(hit[1] <= c[0] or hit[0] >= c[1] for c in chosen):
                chosen.append(hit)
        chosen.sort()
        out = []
        for s, e, value, precision in chosen:
            s, value, precision = self._since(ctx, s, value, precision, start - base)
            out.append(TimeExpression((base + s, base + e), text[base + s:base + e], value, precision))
        return out

    def is_day_word(self, word: str) -> bool:
        """Whether ``word`` alone names a day: a weekday ("jeudi") or a one-word relative day of
        ``dates.yaml`` ("hier", "aujourd'hui"). Case and accents are ignored."""
        key = _key(word)
        return key in self._grammar.weekday_of or key in self._grammar.relative_days

    def _since(self, ctx: _Context, s: int, value: str | None, precision: str, floor: int):
        """Widen an expression preceded by "depuis" into the interval from it to publication."""
        m = self._grammar.since_before.search(ctx.folded, max(floor, s - 40), s)
        if m is None or m.end() != s:
            return s, value, precision
        if value is None:
            return m.start(), None, "unresolved"
        if ctx.pub is None:
            return s, value, precision
        first = value.split("/")[0]
        pub = ctx.pub.isoformat()
        last = pub[:len(first)]
        if first >= last and len(first) < len(pub):
            # "depuis début mai" published in May: the interval from the month's (year's) first day
            first, last = (first + "-01-01")[:len(pub)], pub
        if first >= last:
            return s, value, precision
        return m.start(), _interval(first, last), "interval"
