"""The explorer's cluster pages: the JSON API (TestClient) and the cluster page in headless Chromium.

The store holds the made-up reports of tests/cluster_samples.py: the visit (3 reports from 3 outlets, one a
reprint), the Dakar protest (2 reports), and three single reports.
"""
from __future__ import annotations


import pytest

from cluster_samples import cluster_results
from newsevents.store import EventFilter, Store
from test_web_browser import browser, page, serve_on_loopback, shot  # noqa: F401  (fixtures shared with the other browser tests)


def _store() -> Store:
    store = Store(":memory:")
    store.ingest(cluster_results())
    return store


@pytest.fixture(scope="module")
def client():
    from fastapi.testclient import TestClient

    from newsevents.web import create_app

    store = _store()
    with TestClient(create_app(store)) as c:
        yield c, store
    store.close()


def test_api_clusters_filters_and_counts(client):
    c, _ = client
    body = c.get("/api/clusters").json()
    assert body["total"] == 5
    body = c.get("/api/clusters", params={"min_sources": 2, "order": "-sources"}).json()
    assert [(x["event_type"], x["num_sources"]) for x in body["clusters"]] == [("CONSULT", 3), ("PROTEST", 2)]
    assert c.get("/api/clusters", params={"recipient": "MLI"}).json()["total"] == 1
    assert c.get("/api/clusters", params={"bogus": 1}).status_code == 400


def test_api_cluster_members(client):
    c, store = client
    from newsevents.cluster_store import query_clusters

    visit = query_clusters(store, EventFilter(doc_id="r1"))[0]["cluster_id"]
    body = c.get(f"/api/clusters/{visit}").json()
    assert [(m["doc_id"], m["source"]) for m in body["members"]] == [
        ("q1", "Le Quotidien"), ("g1", "La Gazette"), ("r1", "Radio Ouest")]
    assert c.get("/api/clusters/nope").status_code == 404
    assert c.get("/clusters/nope").status_code == 404


@pytest.fixture(scope="module")
def server():
    yield from serve_on_loopback(_store())


@pytest.mark.browser
def test_cluster_list_and_reports_side_by_side(page, server):  # noqa: F811
    base, _ = server
    page.goto(base + "/clusters?min_sources=2")
    assert page.locator("#total").inner_text() == "2"
    rows = page.locator("table#clusters tbody tr")
    assert rows.count() == 2
    assert rows.first.locator("td.sources").inner_text() == "3"  # most sources first
    shot(page, "clusters")
    rows.first.locator("a.etype").click()
    page.wait_for_selector("#reports article.report")
    reports = page.locator("#reports article.report")
    assert reports.count() == 3
    assert page.locator("#counts .sources").inner_text() == "3"
    assert page.locator("#counts .copies").inner_text() == "1"
    # each report shows its own evidence, highlighted
    rewrite = reports.nth(2)
    assert "Radio Ouest" in rewrite.locator("h3").inner_text()
    assert rewrite.locator("mark.hl-event").first.inner_text() == "s'est entretenu"
    assert rewrite.locator("mark.hl-actor").first.inner_text() == "le chef de l'Etat sénégalais"
    assert reports.nth(0).locator("mark.hl-date").first.inner_text() == "jeudi"
    assert "copy of q1" in reports.nth(1).inner_text()
    # side by side: the first two reports sit on one row
    b0, b1 = reports.nth(0).bounding_box(), reports.nth(1).bounding_box()
    assert abs(b0["y"] - b1["y"]) < 2 and b1["x"] > b0["x"] + b0["width"] - 1
    shot(page, "cluster")
