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
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from types import SimpleNamespace
from typing import Any

from .date_rules import (_Context, _interval, _resolve_count, _resolve_date, _resolve_day_range, _resolve_decade,
                         _resolve_iso, _resolve_last_n, _resolve_month, _resolve_month_range, _resolve_numeric,
                         _resolve_numeric_month, _resolve_relative_day, _resolve_relative_period, _resolve_weekday,
                         _resolve_weekday_range, _resolve_year, _resolve_year_bare, _resolve_year_range)
from .date_text import _key, _NeedsPublication, fold  # noqa: F401 -- fold is public here (re-exported)
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


# --- the grammar --------------------------------------------------------------------------------------------

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
_DIGIT = re.compile(r"\d")


class _Grammar:
    """Compiled patterns and lookup tables for one language, built from ``dates.yaml``. Raises
    :class:`LanguageDataError` naming the file and entry for a malformed file."""

    def __init__(self, data: LanguageData):
        self._where = f"lang/{data.lang}/dates.yaml"
        self._raw = data.file("dates")
        months, month_abbr, weekdays, weekday_abbr = self._calendar()
        week_phrases = self._relative_tables()
        units, numbers, rng = self._quantities()
        blk = self._blocks(months, month_abbr, weekdays, weekday_abbr, units, numbers, rng)
        blk.week_phrases = week_phrases
        self.rules: list[tuple[str, re.Pattern, Callable]] = []
        self.digit_rules = frozenset({"numeric", "iso", "numeric_no_year", "numeric_month", "year_cue", "year_bare",
                                      "decade", "day_dash_range", "year_range", "year_dash"})
        """Rules whose every match contains a digit (``\\d``): skipped on a text slice without one."""
        self._point_rules(blk)
        self._range_rules(blk)
        self._count_rules(blk)
        words, b, art = self._words, blk.b, blk.art
        self.ago = {_key(w) for w in words("ago")}
        self.since = {_key(w) for w in words("since")}
        self.since_before = re.compile(rf"{b}{_alt(words('since'))}\s+{art}$")
        self.weekday_blockers = re.compile(rf"{b}{_alt(words('weekday_blockers'))}\s+$")
        self.bare_month_blockers = re.compile(rf"{b}{_alt(words('bare_month_blockers'))}\s+$")
        self.capitalised_only_months = {_key(w) for w in words("capitalised_only_months")}
        self.bare_year_blockers = re.compile(rf"(?:{b}{_alt(words('bare_year_blockers'))}|\d)[\s.,]*$")
        del self._raw

    def _get(self, key: str) -> Any:
        """The value of a top-level key of ``dates.yaml``; a missing key is a load error naming the file."""
        if key not in self._raw:
            raise LanguageDataError(f"{self._where}: missing key {key!r}")
        return self._raw[key]

    def _words(self, key: str) -> list[str]:
        """The word list under ``key`` (empty when the key is empty), validated as strings."""
        return _strings(self._get(key), f"{self._where}: {key}") if self._get(key) else []

    def _rule(self, name: str, pattern: str, handler: Callable) -> None:
        self.rules.append((name, re.compile(pattern), handler))

    def _calendar(self) -> tuple[dict, dict, dict, dict]:
        """Month and weekday names (full and abbreviated, numbered 1..12 and ISO 1..7) and the lookup tables
        built from them: ``month_of``, ``weekday_of``, ``first_day``, ``past``, ``next``."""
        where, get, words = self._where, self._get, self._words
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
        return months, month_abbr, weekdays, weekday_abbr

    def _relative_tables(self) -> list[str]:
        """``relative_days`` (phrase -> day offset, with optional ``not_before`` blockers) and
        ``relative_periods`` (phrase -> [unit, offset]); returns the period phrases whose unit is the week."""
        where = self._where
        self.relative_days: dict[str, tuple[int, re.Pattern | None]] = {}
        rel_days = self._get("relative_days")
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
        rel_periods = self._get("relative_periods")
        if not isinstance(rel_periods, dict):
            raise LanguageDataError(f"{where}: relative_periods: expected a mapping of phrase to [unit, offset]")
        for phrase, spec in rel_periods.items():
            if (not isinstance(spec, list) or len(spec) != 2 or spec[0] not in _PERIOD_UNITS
                    or not isinstance(spec[1], int)):
                raise LanguageDataError(f"{where}: relative_periods: {phrase!r}: expected [unit, offset] with unit in "
                                        f"{', '.join(_PERIOD_UNITS)}, got {spec!r}")
            self.relative_periods[_key(phrase)] = (spec[0], spec[1])
        self._relative_period_phrases = list(rel_periods)
        return [p for p in rel_periods if rel_periods[p][0] == "week"]

    def _quantities(self) -> tuple[dict, dict, dict[str, list[str]]]:
        """Units, number words, range words and the numeric date order; returns (units, numbers, ranges)."""
        where, get = self._where, self._get
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
        return units, numbers, rng

    def _blocks(self, months, month_abbr, weekdays, weekday_abbr, units, numbers, rng) -> SimpleNamespace:
        """The regular-expression building blocks (on folded text) that the rules combine."""
        words = self._words
        blk = SimpleNamespace(b=r"(?<!\w)", e=r"(?!\w)")
        e = blk.e
        blk.month_full = _alt(n for ns in months.values() for n in ns)
        need_dot = {fold(w) for w in words("abbreviations_needing_dot")}
        abbr_free = _alt(n for ns in month_abbr.values() for n in ns if fold(n) not in need_dot)
        abbr_dot = _alt(n for ns in month_abbr.values() for n in ns if fold(n) in need_dot)
        blk.month_with_day = rf"(?:{blk.month_full}{e}|{abbr_dot}(?:\.|(?=\s+[12]\d{{3}}))|{abbr_free}(?:\.|{e}))"
        blk.weekday = _alt(n for ns in weekdays.values() for n in ns)
        blk.weekday_abbr = _alt(n for ns in weekday_abbr.values() for n in ns)
        blk.day = rf"(?:{_alt(words('first_day'))}|{_NUM_DAY})"
        blk.joiner = rf"(?:{_alt(words('joiners'))}\s+)?" if words("joiners") else ""
        blk.rel = rf"(?:{_alt(words('past') + words('next'))})"
        blk.this = _alt(words("this"))
        blk.day_parts = _alt(words("day_parts"))
        blk.art = rf"(?:{_alt_lead(rng['articles'])})?"
        blk.frm, blk.to = _alt_lead(rng["from"]), _alt_lead(rng["to"])
        blk.between, blk.and_ = _alt_lead(rng["between"]), _alt_lead(rng["and"])
        blk.pair = _alt_lead(rng["pair"])
        blk.number = rf"(?:\d{{1,3}}(?!\d)|{_alt(numbers)})"
        blk.unit = _alt(w for ws in units.values() for w in ws)
        blk.wd_opt = rf"(?:(?:{blk.weekday}|{blk.weekday_abbr}\.?)\s+)?"
        # a year after a month: four digits, or two (checked by _year_after: "juillet 98,", "Mai 68")
        blk.year_after = rf"(?:\s+{blk.joiner}(?P<y>{_YEAR_ANY})|\s+(?P<yy>\d{{2}})(?!\d)(?![.,]\d))"
        return blk

    def _point_rules(self, k: SimpleNamespace) -> None:
        """Rules for one date, month, year, decade, relative day or period, or weekday, in matching order."""
        rule, words, b, e = self._rule, self._words, k.b, k.e
        rule("date", rf"{b}(?:(?P<wd>{k.weekday})\s+|(?P<wda>{k.weekday_abbr})\.?\s+)?(?<![\w,.])(?P<d>{k.day})"
                     rf"\s+{k.joiner}(?P<m>{k.month_with_day}){k.year_after}?(?:\s+(?P<rel>{k.rel}){e})?",
             _resolve_date)
        if self._raw.get("month_first"):  # "March 4, 2024", "from March 4 to 6" (English): before the month rule
            self._month_first_rules(rule, b, e, k.weekday, k.month_full, k.frm, k.to, k.between, k.and_, k.art)
        rule("numeric", rf"{b}(?:(?P<wd>{k.weekday})\s+)?(?<![\w/.,-])(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[01]?\d)"
                        rf"(?P=sep)(?P<y>\d{{4}}|\d{{2}})(?![\w/-]|[.,]\d)", _resolve_numeric)
        rule("iso", r"(?<![\w/.-])(?P<y>[12]\d{3})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)(?![\w-])", _resolve_iso)
        rule("numeric_no_year", rf"(?:{b}(?P<art>{_alt(words('numeric_date_articles'))})\s+)?"
                                rf"(?:(?P<wd>{k.weekday})\s+)?"
                                rf"(?<![\w/.,-])(?P<a>[0-3]?\d)/(?P<b>[01]?\d)(?![\w/])", _resolve_numeric)
        rule("numeric_month", r"(?<![\w/.,-])(?P<b>0?[1-9]|1[0-2])/(?P<y>(?:19|20)\d{2})(?![\w/])",
             _resolve_numeric_month)
        month_prefix = _alt_lead(words("month_prefixes"))
        rule("month", rf"{b}(?:(?P<pre>{month_prefix})|(?P<this>{k.this})\s+(?:{_alt(words('month_word'))}\s+"
                      rf"{_alt_lead(words('month_of'))})?)?(?P<m>{k.month_full}){e}"
                      rf"{k.year_after}?(?:\s+(?P<rel>{k.rel}){e})?", _resolve_month)
        rule("year_cue", rf"{b}(?:(?P<pre>{_alt_lead(words('year_prefixes'))})|{_alt(words('year_cues'))}\s+)"
                         rf"(?P<y>{_YEAR_MOD}){e}", _resolve_year)
        rule("year_bare", rf"(?<![\w,.\-/])(?P<y>{_YEAR_MOD})(?=\s*(?:[.,;:!?)\]»\"]|$))", _resolve_year_bare)
        rule("decade", rf"{b}{_alt(words('decades'))}\s+(?P<dec>(?:19|20)\d0|\d0){e}", _resolve_decade)
        rule("relative_day", rf"{b}(?P<rd>{_alt(self._relative_day_phrases)})(?:\s+{k.weekday}{e})?"
                             rf"(?:\s+(?P<part>{k.day_parts}))?{e}", _resolve_relative_day)
        rule("relative_period", rf"{b}(?P<rp>{_alt(self._relative_period_phrases)}){e}", _resolve_relative_period)
        rule("weekday", rf"{b}(?:(?P<this>{k.this})\s+)?(?P<wd>{k.weekday}){e}(?:\s+(?P<rel1>{k.rel}){e})?"
                        rf"(?:\s+(?:{_alt_lead(words('weekday_in_week'))})?(?P<wk>{_alt(k.week_phrases)}){e})?"
                        rf"(?:\s+(?P<part>{k.day_parts}){e})?(?:\s+(?P<rel2>{k.rel}){e})?", _resolve_weekday)

    def _range_rules(self, k: SimpleNamespace) -> None:
        """Rules for ranges of weekdays, days, months and years ("du 3 au 5 mars", "2019-2021")."""
        rule, words, b, e = self._rule, self._words, k.b, k.e
        rule("weekday_range", rf"{b}(?:{_alt_lead(words('night_of'))}|{k.frm}|{k.between})(?P<wd1>{k.weekday})\s+"
                              rf"(?:{k.to}|{k.and_})(?P<wd2>{k.weekday}){e}", _resolve_weekday_range)
        rule("day_range", rf"{b}(?:{k.frm}|{k.between}|{k.pair}){k.art}{k.wd_opt}(?P<d1>{k.day})"
                          rf"(?:\s+(?P<m1>{k.month_with_day})(?:\s+(?P<y1>{_YEAR_ANY}))?)?\s+"
                          rf"(?:{k.to}|{k.and_}){k.art}{k.wd_opt}(?P<d2>{k.day})\s+(?P<m2>{k.month_with_day})"
                          rf"(?:\s+(?P<y2>{_YEAR_ANY}))?", _resolve_day_range)
        rule("day_dash_range", rf"(?<![\w,./-])(?P<d1>{_NUM_DAY})\s*-\s*(?P<d2>{k.day})\s+(?P<m2>{k.month_with_day})"
                               rf"(?:\s+(?P<y2>{_YEAR_ANY}))?", _resolve_day_range)
        rule("month_range", rf"{b}(?:{k.frm}|{k.between})(?P<m1>{k.month_full}){e}(?:\s+(?P<y1>{_YEAR_MOD}))?\s+"
                            rf"(?:{k.to}|{k.and_})(?P<m2>{k.month_full}){e}(?:\s+(?P<y2>{_YEAR_MOD}))?",
             _resolve_month_range)
        rule("year_range", rf"{b}(?:{k.frm}|{k.between})(?P<y1>{_YEAR_MOD})\s+(?:{k.to}|{k.and_})"
                           rf"(?P<y2>{_YEAR_MOD}){e}", _resolve_year_range)
        rule("year_dash", rf"(?<![\w,.\-/])(?P<y1>{_YEAR_MOD})\s*-\s*(?P<y2>{_YEAR_MOD})(?![\w-])",
             _resolve_year_range)

    def _count_rules(self, k: SimpleNamespace) -> None:
        """Rules for counted spans ("il y a trois jours", "depuis deux ans", "les 10 derniers jours")."""
        rule, words, b, e = self._rule, self._words, k.b, k.e
        approx = rf"(?:{_alt_lead(words('approximately'))})?"
        rule("count", rf"{b}(?P<op>{_alt(words('ago') + words('after') + words('since'))})\s+"
                      rf"{approx}(?P<n>{k.number})\s+(?P<u>{k.unit}){e}", _resolve_count)
        if self._raw.get("ago_after"):  # "two days ago": the word follows the count (English)
            rule("count_after", rf"{b}{approx}(?P<n>{k.number})\s+(?P<u>{k.unit})\s+(?P<op>{_alt(words('ago'))}){e}",
                 _resolve_count)
        rule("last_n", rf"{b}{_alt_lead(words('count_articles'))}(?:(?P<n>{k.number})\s+(?P<rel>{k.rel})\s+"
                       rf"(?P<u>{k.unit})|(?P<n2>{k.number})\s+(?P<u2>{k.unit})\s+(?P<rel2>{k.rel})){e}",
             _resolve_last_n)




    @staticmethod
    def _month_first_rules(rule, b, e, weekday, month_full, frm, to, between, and_, art) -> None:
        """The rules of a language that writes the month before the day (``dates.yaml`` ``month_first``): a
        date "(Tuesday,) March 4(th)(, 2024)" and a range "from March 4 to 6(, 2024)"."""
        th = r"(?:st|nd|rd|th)?"
        rule("date_month_first", rf"{b}(?:(?P<wd>{weekday}),?\s+)?(?P<wda>(?!x)x)?(?P<m>{month_full}){e}\s+"
                                 rf"(?P<d>{_NUM_DAY}){th}(?![\d:])(?:,?\s+(?P<y>{_YEAR_ANY}))?(?P<rel>(?!x)x)?",
             _resolve_date)
        rule("day_range_month_first", rf"{b}(?:{frm}|{between}){art}(?P<m2>{month_full}){e}\s+(?P<d1>{_NUM_DAY}){th}"
                                      rf"\s+(?:{to}|{and_})(?P<d2>{_NUM_DAY}){th}(?![\d:])"
                                      rf"(?:,?\s+(?P<y2>{_YEAR_ANY}))?", _resolve_day_range)


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
        digits = _DIGIT.search(folded, start - base, end - base) is not None
        for name, pattern, resolve in self._grammar.rules:
            if not digits and name in self._grammar.digit_rules:
                continue
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
