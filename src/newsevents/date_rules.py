"""Calendar helpers and the resolvers of the date grammar: one ``_resolve_*`` function per rule of
:class:`newsevents.dates._Grammar`, turning a match into a value against the publication date. Split out of
:mod:`newsevents.dates`; see that module for the resolution rules."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from .date_text import _key, _NeedsPublication

if TYPE_CHECKING:
    from .dates import _Grammar


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
        if word[:1].islower() and _key(word) in ctx.grammar.capitalised_only_months:
            return None  # "Iran may halt talks": a modal verb, not the month
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
