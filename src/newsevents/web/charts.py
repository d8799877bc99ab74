"""Geometry of the server-drawn SVG charts: the timeline and the dyad network.

Pure functions from store rows to plain shapes (coordinates in SVG user units, colours as ``#rrggbb``); the
templates ``timeline.html`` and ``dyads.html`` only draw them. No JavaScript is needed to see either chart.

Colours: Goldstein scores go from red (-10, conflict) through grey (0) to green (+10, cooperation), a
linear RGB interpolation between the end points of ColorBrewer's RdYlGn scheme (Cynthia Brewer, Apache 2.0);
event types get one colour each in hue families by QuadClass (:data:`TYPE_COLOURS`);
QuadClass colours follow the usual GDELT reading (1 verbal cooperation, 2 material cooperation, 3 verbal
conflict, 4 material conflict).
"""
from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any


CONFLICT_COLOUR = (0xD7, 0x30, 0x27)   # RdYlGn end, -10
NEUTRAL_COLOUR = (0x9E, 0x9E, 0x9E)    # 0
COOPERATION_COLOUR = (0x1A, 0x98, 0x50)  # RdYlGn end, +10
MISSING_COLOUR = "#cccccc"

TYPE_COLOURS = {
    # verbal cooperation: greens and teals
    "AGREE": "#2e7d32", "CONSULT": "#8bc34a", "SUPPORT": "#00897b", "CONCEDE": "#c5e1a5", "REQUEST": "#4dd0e1",
    # material cooperation: blues
    "COOPERATE": "#1565c0", "AID": "#64b5f6", "RETREAT": "#5c6bc0",
    # verbal conflict: yellows, oranges, brown
    "ACCUSE": "#ffb300", "REJECT": "#f4511e", "THREATEN": "#8d6e63", "PROTEST": "#fdd835",
    # material conflict: reds and purples
    "SANCTION": "#e57373", "MOBILIZE": "#ab47bc", "COERCE": "#c2185b", "ASSAULT": "#7f0000",
}
"""One colour per PLOVER event type, in hue families by the type's usual QuadClass (greens/teals verbal
cooperation, blues material cooperation, yellows/oranges verbal conflict, reds/purples material conflict), with
lightness varied inside a family so that neighbours in a stacked bar stay apart."""
TYPE_ORDER = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "COOPERATE", "AID", "RETREAT", "ACCUSE",
              "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
"""Stacking and legend order of the event types: by QuadClass family (cooperation at the bottom)."""
QUAD_COLOURS = {"1": "#91cf60", "2": "#1a9850", "3": "#fc8d59", "4": "#d73027"}
QUAD_LABELS = {"1": "1 verbal cooperation", "2": "2 material cooperation", "3": "3 verbal conflict",
               "4": "4 material conflict"}


def goldstein_colour(score: float | None) -> str:
    """``#rrggbb`` for a Goldstein score in [-10, 10] (clamped): red for conflict, grey at 0, green for
    cooperation; :data:`MISSING_COLOUR` for None."""
    if score is None or (isinstance(score, float) and math.isnan(score)):
        return MISSING_COLOUR
    t = max(-1.0, min(1.0, float(score) / 10.0))
    end = COOPERATION_COLOUR if t >= 0 else CONFLICT_COLOUR
    a = abs(t)
    rgb = [round(n + (e - n) * a) for n, e in zip(NEUTRAL_COLOUR, end)]
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def key_colour(key: str, by: str) -> str:
    """Colour of one series of the timeline: a QuadClass (``by="quad_class"``) or a PLOVER event type (the
    16 types get the colours of :data:`TYPE_COLOURS`; anything else grey)."""
    if by == "quad_class":
        return QUAD_COLOURS.get(str(key), "#7f7f7f")
    return TYPE_COLOURS.get(key, "#7f7f7f")


def _fmt(x: float) -> str:
    return f"{x:.1f}"


@dataclass
class TimelineChart:
    """Everything ``timeline.html`` draws. Coordinates in SVG user units within ``width`` x ``height``; ``bars``
    are stacked rectangles (one per period x key), ``line`` the SVG path of the mean Goldstein per period (empty
    when no period has a score), ``points`` its vertices, ``y_ticks``/``g_ticks`` the left (event count) and right
    (Goldstein -10..10) axes, ``x_ticks`` at most ``max_x_labels`` period labels, ``legend`` (label, colour), ``hovers`` one strip per period
``{x, w, period, n, label}`` whose label gives its counts; ``empty_periods`` the periods drawn with no event;
``outside`` the events whose period is left off a too long axis (see :func:`timeline_chart`)."""

    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    bars: list[dict[str, Any]] = field(default_factory=list)
    line: str = ""
    points: list[dict[str, Any]] = field(default_factory=list)
    y_ticks: list[dict[str, Any]] = field(default_factory=list)
    g_ticks: list[dict[str, Any]] = field(default_factory=list)
    x_ticks: list[dict[str, Any]] = field(default_factory=list)
    legend: list[tuple[str, str]] = field(default_factory=list)
    hovers: list[dict[str, Any]] = field(default_factory=list)
    periods: int = 0
    empty_periods: int = 0
    outside: int = 0
    total: int = 0


def _nice_max(v: int) -> int:
    if v <= 5:
        return max(v, 1)
    mag = 10 ** int(math.floor(math.log10(v)))
    for m in (1, 2, 2.5, 5, 10):
        if m * mag >= v:
            return int(math.ceil(m * mag))
    return v


def _period(p: Any) -> str:
    return p.isoformat()[:10] if hasattr(p, "isoformat") else str(p)


def fill_periods(periods: Iterable[str], interval: str) -> list[str]:
    """Every period from the first to the last of ``periods`` (ISO dates of period starts, as
    ``Store.timeline`` gives them) with no gap: each day, each Monday (``"week"``: ISO weeks), each first of
    the month, or each 1 January. Unknown ``interval`` or unparsable dates: the sorted input unchanged."""
    ps = sorted(set(periods))
    if not ps or interval not in ("day", "week", "month", "year"):
        return ps
    try:
        first, last = date.fromisoformat(ps[0]), date.fromisoformat(ps[-1])
    except ValueError:
        return ps
    out: list[str] = []
    d = first
    while d <= last:
        out.append(d.isoformat())
        if interval == "day":
            d += timedelta(days=1)
        elif interval == "week":
            d += timedelta(days=7)
        elif interval == "month":
            d = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        else:
            d = date(d.year + 1, 1, 1)
    return sorted(set(out) | set(ps))


def _core_periods(by_period: Mapping[str, Mapping[str, int]], max_periods: int) -> list[str]:
    """The periods with data between the 5th and the 95th percentile of the events (by count), at most the
    last ``max_periods`` of them: stray dates far from the rest ("en 1943", "d'ici 2050") do not stretch
    the axis over decades."""
    ps = sorted(by_period)
    total = sum(sum(d.values()) for d in by_period.values())
    cum, lo, hi = 0, ps[0], ps[-1]
    for p in ps:
        before = cum
        cum += sum(by_period[p].values())
        if before <= 0.05 * total < cum:
            lo = p
        if before < 0.95 * total <= cum:
            hi = p
            break
    core = [p for p in ps if lo <= p <= hi]
    return core[-max_periods:]


def timeline_chart(rows: Iterable[Mapping[str, Any]], by: str = "event_type", *, interval: str | None = None,
                   width: int = 960, height: int = 380, max_x_labels: int = 10,
                   max_periods: int = 400) -> TimelineChart:
    """Stacked bars of events per period and key, with the mean Goldstein score per period as a line.

    ``rows`` are ``Store.timeline`` rows ``{period, key, n, mean_goldstein}``; ``by`` names what ``key`` is
    (``"event_type"`` or ``"quad_class"``). The mean Goldstein of a period is the mean of its keys' means
    weighted by their event counts (keys with no score left out). With ``interval`` ("day", "week", "month",
    "year") the time axis is continuous: every period between the first and the last is drawn, empty ones as
    zero, and the Goldstein line is broken over periods without a score. ``hovers`` has one full-height strip
    per period with its counts by key, its total and its mean Goldstein (shown on hover). When the axis would
    hold more than ``max_periods`` periods, or more than 60 periods of which most are empty, it covers the
    periods between the 5th and 95th percentile of the events (at most the last ``max_periods``), and
    ``outside`` counts the events left out.
    """
    left, right, top, bottom = 48, 48, 16, 56
    chart = TimelineChart(width, height, left, right, top, bottom)
    by_period: dict[str, dict[str, int]] = defaultdict(dict)
    gsum: dict[str, float] = defaultdict(float)
    gn: dict[str, int] = defaultdict(int)
    keys: set[str] = set()
    for r in rows:
        p, k, n = _period(r["period"]), str(r["key"]), int(r["n"] or 0)
        by_period[p][k] = by_period[p].get(k, 0) + n
        keys.add(k)
        if r.get("mean_goldstein") is not None:
            gsum[p] += float(r["mean_goldstein"]) * n
            gn[p] += n
    periods = fill_periods(by_period, interval) if interval else sorted(by_period)
    sparse = len(periods) > 60 and len(by_period) < len(periods) / 2
    if len(periods) > max_periods or sparse:
        periods = fill_periods(_core_periods(by_period, max_periods), interval or "")
        shown = set(periods)
        chart.outside = sum(sum(d.values()) for p, d in by_period.items() if p not in shown)
    if by == "quad_class":
        order = sorted(keys)
    else:
        order = [t for t in TYPE_ORDER if t in keys] + sorted(keys - set(TYPE_ORDER))
    chart.legend = [(QUAD_LABELS.get(k, k) if by == "quad_class" else k, key_colour(k, by)) for k in order]
    chart.periods = len(periods)
    chart.empty_periods = sum(1 for p in periods if not by_period.get(p))
    chart.total = sum(sum(d.values()) for d in by_period.values())
    plot_w, plot_h = width - left - right, height - top - bottom
    ymax = _nice_max(max((sum(d.values()) for d in by_period.values()), default=1))
    for i in range(5):
        v = ymax * i / 4
        chart.y_ticks.append({"y": _fmt(top + plot_h - plot_h * v / ymax), "label": f"{v:g}"})
    for g in (-10, -5, 0, 5, 10):
        chart.g_ticks.append({"y": _fmt(top + plot_h * (10 - g) / 20), "label": f"{g:+d}" if g else "0"})
    if not periods:
        return chart
    step = plot_w / len(periods)
    bar_w = max(step * 0.8, 0.5)
    segments: list[list[dict[str, Any]]] = []
    previous = False
    for i, p in enumerate(periods):
        counts = by_period.get(p, {})
        x = left + i * step + (step - bar_w) / 2
        y = top + plot_h
        for k in order:
            n = counts.get(k, 0)
            if not n:
                continue
            h = plot_h * n / ymax
            y -= h
            chart.bars.append({"x": _fmt(x), "y": _fmt(y), "w": _fmt(bar_w), "h": _fmt(h),
                               "colour": key_colour(k, by), "period": p, "key": k, "n": n})
        g = gsum[p] / gn[p] if gn.get(p) else None
        if g is not None:
            point = {"x": _fmt(left + i * step + step / 2), "y": _fmt(top + plot_h * (10 - g) / 20),
                     "period": p, "goldstein": round(g, 2)}
            if not previous:
                segments.append([])
            segments[-1].append(point)
            chart.points.append(point)
        previous = g is not None
        detail = ", ".join(f"{QUAD_LABELS.get(k, k) if by == 'quad_class' else k} {counts[k]}"
                           for k in order if counts.get(k))
        total = sum(counts.values())
        label = f"{p}: {total} event{'s' if total != 1 else ''}" + (f" ({detail})" if detail else "")
        if g is not None:
            label += f"; mean Goldstein {g:+.1f}"
        chart.hovers.append({"x": _fmt(left + i * step), "w": _fmt(step), "period": p, "n": total,
                             "label": label})
    chart.line = " ".join(" ".join(("M" if j == 0 else "L") + f"{pt['x']},{pt['y']}" for j, pt in enumerate(seg))
                          for seg in segments)
    every = max(1, math.ceil(len(periods) / max_x_labels))
    for i in range(0, len(periods), every):
        chart.x_ticks.append({"x": _fmt(left + i * step + step / 2), "label": periods[i]})
    return chart


@dataclass
class DyadNetwork:
    """Everything ``dyads.html`` draws: ``nodes`` ``{code, x, y, r, n, label_x, label_y, anchor}`` on a circle,
    ``edges`` ``{actor, recipient, n, mean_goldstein, path, width, colour}`` (curved paths, so A->B and B->A do not
    overlap; a self-loop for domestic dyads), ``dropped`` the number of dyads left out because one end is not
    among the ``max_nodes`` busiest countries."""

    width: int
    height: int
    nodes: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)
    dropped: int = 0


def dyad_network(rows: Iterable[Mapping[str, Any]], *, width: int = 720, height: int = 720,
                 max_nodes: int = 40) -> DyadNetwork:
    """Lay out ``Store.dyads`` rows ``{actor, recipient, n, mean_goldstein}`` as a directed network.

    Countries are nodes placed on a circle by decreasing event count (busiest at the top, clockwise); node
    area grows with the events a country takes part in; edge width with the square root of the dyad's event
    count; edge colour is :func:`goldstein_colour` of its mean Goldstein score.
    """
    rows = [dict(r) for r in rows if r.get("actor") and r.get("recipient")]
    net = DyadNetwork(width, height)
    totals: dict[str, int] = defaultdict(int)
    for r in rows:
        totals[r["actor"]] += int(r["n"])
        if r["recipient"] != r["actor"]:
            totals[r["recipient"]] += int(r["n"])
    codes = sorted(totals, key=lambda c: (-totals[c], c))[:max_nodes]
    keep = set(codes)
    if not codes:
        return net
    cx, cy = width / 2, height / 2
    radius = min(width, height) / 2 - 70
    tmax = max(totals[c] for c in codes)
    pos: dict[str, tuple[float, float, float, float]] = {}
    for i, c in enumerate(codes):
        a = -math.pi / 2 + 2 * math.pi * i / len(codes)
        x, y = cx + radius * math.cos(a), cy + radius * math.sin(a)
        r = 5 + 15 * math.sqrt(totals[c] / tmax)
        pos[c] = (x, y, r, a)
        lx, ly = cx + (radius + r + 8) * math.cos(a), cy + (radius + r + 8) * math.sin(a)
        anchor = "middle" if abs(math.cos(a)) < 0.3 else ("start" if math.cos(a) > 0 else "end")
        net.nodes.append({"code": c, "x": _fmt(x), "y": _fmt(y), "r": _fmt(r), "n": totals[c],
                          "label_x": _fmt(lx), "label_y": _fmt(ly + 4), "anchor": anchor})
    nmax = max((int(r["n"]) for r in rows if r["actor"] in keep and r["recipient"] in keep), default=1)
    for r in sorted(rows, key=lambda r: int(r["n"])):
        a, b = r["actor"], r["recipient"]
        if a not in keep or b not in keep:
            net.dropped += 1
            continue
        n = int(r["n"])
        x1, y1, r1, ang = pos[a]
        if a == b:
            # a loop outside the node, on the side away from the centre
            ox, oy = math.cos(ang), math.sin(ang)
            px, py = -oy, ox
            s = r1 + 22
            path = (f"M{_fmt(x1 + r1 * (ox + px) * 0.6)},{_fmt(y1 + r1 * (oy + py) * 0.6)} "
                    f"C{_fmt(x1 + s * (ox + px))},{_fmt(y1 + s * (oy + py))} "
                    f"{_fmt(x1 + s * (ox - px))},{_fmt(y1 + s * (oy - py))} "
                    f"{_fmt(x1 + r1 * (ox - px) * 0.6)},{_fmt(y1 + r1 * (oy - py) * 0.6)}")
        else:
            x2, y2, r2, _ = pos[b]
            dx, dy = x2 - x1, y2 - y1
            d = math.hypot(dx, dy) or 1.0
            ux, uy = dx / d, dy / d
            sx, sy = x1 + ux * r1, y1 + uy * r1
            ex, ey = x2 - ux * (r2 + 4), y2 - uy * (r2 + 4)
            # bend to the right of the direction of travel, so the two directions of a pair stay apart
            mx, my = (sx + ex) / 2 + uy * d * 0.12, (sy + ey) / 2 - ux * d * 0.12
            path = f"M{_fmt(sx)},{_fmt(sy)} Q{_fmt(mx)},{_fmt(my)} {_fmt(ex)},{_fmt(ey)}"
        g = r.get("mean_goldstein")
        net.edges.append({"actor": a, "recipient": b, "n": n,
                          "mean_goldstein": None if g is None else round(float(g), 2), "path": path,
                          "width": _fmt(1 + 7 * math.sqrt(n / nmax)), "colour": goldstein_colour(g)})
    return net
