"""Helpers of the explorer's analyst pages: active-filter chips, actor names and links, and the routes of the
actor page, the documents index and the search box (:func:`add_routes`).

Pages added here:

    /actor/{code}     one actor (RUS, RUSMIL, *MIL): its events over time as actor and as recipient, top partners
                      with mean Goldstein, modality mix, latest events
    /documents        documents index with a search box (title, id or source)
    /search?q=...     the header's search box: a country name or actor code goes to its actor page, anything
                      else to the event list filtered by text
"""
from __future__ import annotations

from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse

from ..names import ActorNameError, ActorNames
from ..records import MODALITIES
from ..store import EventFilter, Store, parse_actor
from .charts import QUAD_LABELS, timeline_chart
from .params import limit_query, offset_query

CHIP_LABELS = {
    "actor": "actor", "recipient": "recipient", "actor_country": "actor country", "actor_sector": "actor sector",
    "recipient_country": "recipient country", "recipient_sector": "recipient sector", "event_type": "type",
    "cameo": "CAMEO", "quad_class": "QuadClass", "modality": "modality", "since": "from", "until": "to",
    "doc_id": "document", "source": "source", "text": "text", "place": "place",
}
"""Label of each filter query parameter on its chip."""
MODALITY_COLOURS = {"asserted": "#4e79a7", "alleged": "#f28e2b", "intended": "#59a14f", "negated": "#e15759",
                    "hypothetical": "#b07aa1"}
"""Colour of each modality in the actor page's modality bar."""


def actor_names() -> ActorNames:
    """The French country-name tables (:mod:`newsevents.names`), built once."""
    return ActorNames.for_language("fr")


def actor_label(code: str | None) -> str:
    """Human name of an actor code: ``"RUSMIL"`` -> ``"Russie MIL"``; the code itself when unknown."""
    return actor_names().label(code) if code else ""


def filter_chips(values: dict[str, str], path: str, extra: dict[str, str] | None = None) -> list[dict[str, str]]:
    """One chip per active filter: ``{"name", "label", "value", "title", "remove"}``, where ``remove`` is the URL
    of ``path`` with every other filter (and ``extra``, e.g. the timeline's interval) kept. ``value`` of an
    actor code is followed by its name ("RUS · Russie")."""
    chips = []
    for name, value in values.items():
        shown = value
        if name in ("actor", "recipient", "actor_country", "recipient_country"):
            label = actor_label(value)
            if label and label != value:
                shown = f"{value} · {label}"
        elif name == "quad_class":
            shown = QUAD_LABELS.get(value, value)
        rest = {k: v for k, v in {**values, **(extra or {})}.items() if k != name and v}
        chips.append({"name": name, "label": CHIP_LABELS.get(name, name), "value": shown,
                      "title": f"remove the filter {CHIP_LABELS.get(name, name)} = {value}",
                      "remove": path + ("?" + urlencode(rest) if rest else "")})
    return chips


def actor_box_value(values: dict[str, str], role: str) -> str:
    """What the Actor (or Recipient) box shows: the ``actor`` shorthand, or the country and sector fields
    joined ("RUS" + "MIL" -> "RUSMIL"; a sector alone -> "*MIL")."""
    if values.get(role):
        return values[role]
    country, sector = values.get(f"{role}_country", ""), values.get(f"{role}_sector", "")
    if country:
        return country + sector
    return f"*{sector}" if sector else ""


def _partners(rows: list[dict[str, Any]], own: str, other: str, country: str | None) -> list[dict[str, Any]]:
    """Dyad rows of an actor as top partners: the other side, count and mean Goldstein (rows where this
    actor's own side is another member of a compound actor are left out)."""
    out = [{"code": r[other], "n": r["n"], "mean_goldstein": r["mean_goldstein"]}
           for r in rows if country is None or r[own] == country]
    return out[:15]


LATEST = 15
"""Latest events shown on the actor page."""


def _recent(f: EventFilter, rows: list[dict[str, Any]], n: int) -> EventFilter:
    """``f`` narrowed to the last periods of its timeline ``rows`` that hold at least ``n`` events, so that the
    newest ``n`` events are found without sorting every match (the same ``n`` newest come out: every event
    starting in those periods is kept, and they rank above any that starts before)."""
    total = 0
    for r in reversed(rows):
        total += r["n"]
        if total >= n:
            since = r["period"] if not f.since or r["period"] > f.since else f.since
            return EventFilter(**{**f.__dict__, "since": since})
    return f


def actor_summary(store: Store, code: str, interval: str = "week", base: EventFilter | None = None) -> dict[str, Any]:
    """Everything the actor page shows for ``code`` (store shorthand: RUS, RUSMIL, *MIL), within ``base``
    (the page's other filters): counts as actor and as recipient, a timeline chart for each role (by QuadClass,
    with the mean Goldstein line), top partners each way, the modality mix of its events as actor, and the
    latest events in either role (newest first, at most 15)."""
    base = base or EventFilter()
    country, _ = parse_actor(code)

    def with_role(role: str) -> EventFilter:
        return EventFilter(**{**base.__dict__, role: code})

    as_actor, as_recipient = with_role("actor"), with_role("recipient")
    out: dict[str, Any] = {"code": code, "label": actor_label(code)}
    recent: dict[str, EventFilter] = {}
    with ThreadPoolExecutor(max_workers=4) as pool:  # independent queries; the store gives each its own cursor
        asked = {(role, what): pool.submit(fn, f, **kw) for role, f in (("actor", as_actor), ("recipient", as_recipient))
                 for what, fn, kw in (("timeline", store.timeline, {"interval": interval, "by": "quad_class"}),
                                      ("total", store.count_events, {}), ("dyads", store.dyads, {"limit": 500}))}
        modality = pool.submit(store.timeline, as_actor, interval="year", by="modality")
        for role, f in (("actor", as_actor), ("recipient", as_recipient)):
            rows = asked[role, "timeline"].result()
            recent[role] = _recent(f, rows, LATEST)
            gsum = sum(r["mean_goldstein"] * r["n"] for r in rows if r["mean_goldstein"] is not None)
            gn = sum(r["n"] for r in rows if r["mean_goldstein"] is not None)
            out[role] = {"total": asked[role, "total"].result(),
                         "mean_goldstein": round(gsum / gn, 2) if gn else None,
                         "chart": timeline_chart(rows, by="quad_class", interval=interval, height=260)}
        latest_asked = [pool.submit(store.query_events, recent[role], limit=LATEST, order="-date")
                        for role in ("actor", "recipient")]
        out["recipients"] = _partners(asked["actor", "dyads"].result(), "actor", "recipient", country)
        out["actors"] = _partners(asked["recipient", "dyads"].result(), "recipient", "actor", country)
        latest = latest_asked[0].result() + latest_asked[1].result()
    mix: Counter = Counter()
    for r in modality.result():
        mix[r["key"]] += r["n"]
    total = sum(mix.values())
    out["modality"] = [{"modality": m, "n": mix[m], "share": mix[m] / total, "colour": MODALITY_COLOURS.get(m, "#999")}
                       for m in MODALITIES if mix.get(m)]
    seen: dict[str, dict[str, Any]] = {}
    for e in sorted(latest, key=lambda e: ((e.get("date") or {}).get("value") or e.get("published") or ""),
                    reverse=True):
        seen.setdefault(e["id"], e)
    out["latest"] = list(seen.values())[:LATEST]
    sources = store.document_sources(e["doc_id"] for e in out["latest"])
    for e in out["latest"]:
        e["doc_source"] = (sources.get(e["doc_id"]) or {}).get("source")
    return out


def add_routes(app: FastAPI, store: Store, page: Callable[..., Any], event_filter: Callable[..., EventFilter],
               filter_error: type[Exception]) -> None:
    """Register the actor page, the documents index and the search redirect on ``app``. ``page`` renders a
    template (``page(request, name, **context)``), ``event_filter`` is the app's filter dependency and
    ``filter_error`` its exception for a malformed parameter (shown as 422)."""
    from fastapi import Depends

    @app.get("/actor/{code}", include_in_schema=False)
    def actor_page(request: Request, code: str, interval: str = "week", f: EventFilter = Depends(event_filter)):
        if interval not in ("day", "week", "month"):
            raise filter_error(f"interval: {interval!r} is not day, week or month")
        try:
            shorthand = actor_names().resolve(code)
        except ActorNameError as exc:
            raise filter_error(f"actor: {exc}") from None
        if shorthand != code:
            query = request.url.query
            return RedirectResponse(f"/actor/{shorthand}" + (f"?{query}" if query else ""))
        base = EventFilter(**{**f.__dict__, "actor": None, "recipient": None})
        summary = store.memo("actor_summary", lambda code, interval, base: actor_summary(
            store, code, interval=interval, base=base), shorthand, interval, base)
        return page(request, "actor.html", filter=base, a=summary, interval=interval, chip_path=f"/actor/{code}",
                    title=f"{summary['label']} ({shorthand})")

    @app.get("/api/location-countries", tags=["api"], summary="Events per country of their place")
    def api_location_countries(f: EventFilter = Depends(event_filter)):
        """``[{"country": "UKR", "n": 12, "country_numeric": "804"}, ...]``: events whose place is in each
        country, at any precision (town, region or the country itself); ``country_numeric`` is the ISO 3166-1
        numeric code (the map's country shape ids), or None."""
        from fastapi.responses import JSONResponse

        from .app import _numeric_codes

        numeric = _numeric_codes()
        return JSONResponse([{**row, "country_numeric": numeric.get(row["country"])}
                             for row in store.location_countries(f)])

    @app.get("/documents", include_in_schema=False)
    def documents_page(request: Request, q: str = "", limit: int = limit_query(50), offset: int = offset_query()):
        total, docs = store.find_documents(q.strip() or None, limit=limit, offset=offset)

        def link(off: int) -> str:
            return "/documents?" + urlencode({k: v for k, v in (("q", q), ("limit", limit), ("offset", off)) if v})

        return page(request, "documents.html", docs=docs, total=total, q=q, offset=offset, limit=limit,
                    prev=link(max(0, offset - limit)) if offset > 0 else None,
                    next=link(offset + limit) if offset + limit < total else None, title="Documents")

    @app.get("/search", include_in_schema=False)
    def search(q: str = ""):
        text = q.strip()
        if not text:
            return RedirectResponse("/")
        try:
            return RedirectResponse(f"/actor/{actor_names().resolve(text)}")
        except ActorNameError:
            return RedirectResponse("/?" + urlencode({"text": text}))
