"""Cluster pages of the web explorer: one real-world event with every report of it side by side.

    /clusters                 clusters matching the event filters (a cluster matches when one of its mentions
                              does), with their mention, article, source and copy counts; ``min_sources``
    /clusters/{cluster_id}    the event and every report of it side by side, each report's sentence with its
                              evidence highlighted (actor, recipient, event words, date, place, attribution)
    /api/clusters             the same list as JSON; /api/clusters/{cluster_id} one cluster with its members

Routes are added to the application by :func:`add_cluster_routes` (called from :func:`.app.create_app`).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from ..cluster_store import CLUSTER_ORDERS, count_clusters, get_cluster, query_clusters
from ..store import EventFilter, Store
from .highlight import Span, event_spans, segments
from .params import count_query, limit_query, offset_query


def report_segments(member: dict[str, Any]):
    """The member's sentence cut into highlighted segments (its evidence spans, shifted to the sentence and
    clipped to it; spans outside the sentence, such as a date given in another sentence, are left out)."""
    sentence = member.get("sentence") or ""
    base = (member.get("sentence_span") or [0])[0] or 0
    spans = []
    for s in event_spans(member, with_sentence=False):
        start, end = s.start - base, s.end - base
        if 0 <= start < end <= len(sentence):
            spans.append(Span(start, end, s.kind, s.label))
    return segments(sentence, spans)


def add_cluster_routes(app: FastAPI, store: Store, page: Callable[..., HTMLResponse],
                       event_filter: Callable[..., EventFilter], filter_query: Callable[[EventFilter], dict]) -> None:
    """Add the cluster pages and API endpoints to ``app``; ``page`` renders a template, ``event_filter`` is
    the filter dependency of the other pages and ``filter_query`` turns a filter back into query values.
    Answers are kept while the store file is unchanged when ``store`` has a cache
    (:meth:`~newsevents.web.request_store.RequestStore.memo`; the pages only read them)."""

    def kept(name: str, build: Callable[..., Any], *args) -> Any:
        memo = getattr(store, "memo", None)
        return memo(name, lambda *a: build(store, *a), *args) if memo else build(store, *args)

    def clusters(f: EventFilter, min_sources: int, limit: int, offset: int, order: str) -> tuple[int, list]:
        def page_of(s, f, min_sources, limit, offset, order):
            return query_clusters(s, f, min_sources, limit=limit, offset=offset, order=order)

        return (kept("count_clusters", count_clusters, f, min_sources),
                kept("query_clusters", page_of, f, min_sources, limit, offset, order))

    @app.get("/api/clusters", tags=["api"], summary="Event clusters matching a filter, with their counts")
    def api_clusters(f: EventFilter = Depends(event_filter), min_sources: int = count_query(),
                     limit: int = limit_query(50), offset: int = offset_query(),
                     order: str = Query("-date", pattern="^(" + "|".join(CLUSTER_ORDERS) + ")$")):
        total, rows = clusters(f, min_sources, limit, offset, order)
        return {"total": total, "limit": limit, "offset": offset, "clusters": rows}

    @app.get("/api/clusters/{cluster_id}", tags=["api"], summary="One cluster with every mention of it")
    def api_cluster(cluster_id: str):
        cluster = kept("get_cluster", get_cluster, cluster_id)
        if cluster is None:
            raise HTTPException(404, f"no cluster {cluster_id!r}")
        return cluster

    @app.get("/clusters", response_class=HTMLResponse, include_in_schema=False)
    def clusters_page(request: Request, f: EventFilter = Depends(event_filter), min_sources: int = count_query(),
                      limit: int = limit_query(50), offset: int = offset_query(), order: str = "-sources"):
        order = order if order in CLUSTER_ORDERS else "-sources"
        total, rows = clusters(f, min_sources, limit, offset, order)
        qs = {**filter_query(f), "min_sources": min_sources, "order": order, "limit": limit}

        def link(off: int) -> str:
            return "/clusters?" + urlencode({**qs, "offset": off})

        return page(request, "clusters.html", filter=f, clusters=rows, total=total, offset=offset, limit=limit,
                    min_sources=min_sources, order=order, orders=tuple(CLUSTER_ORDERS),
                    prev=link(max(0, offset - limit)) if offset > 0 else None,
                    next=link(offset + limit) if offset + limit < total else None, title="Clusters")

    @app.get("/clusters/{cluster_id}", response_class=HTMLResponse, include_in_schema=False)
    def cluster_page(request: Request, cluster_id: str):
        cluster = kept("get_cluster", get_cluster, cluster_id)
        if cluster is None:
            return page(request, "error.html", status_code=404, message=f"No cluster {cluster_id!r}.",
                        title="Not found")
        reports = [(m, report_segments(m)) for m in cluster["members"]]
        return page(request, "cluster.html", cluster=cluster, reports=reports,
                    title=f"{cluster['event_type']} cluster")
