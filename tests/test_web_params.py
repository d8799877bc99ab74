"""Bounded integer parameters and unknown parameters, the same on every endpoint (issues 11 and 13).

An offset, limit or min_sources out of range answers 422 with a one-line message naming the parameter (JSON on
``/api/...``, an error page on HTML pages) -- never a 500 from DuckDB, never a silent adjustment; an unknown
query parameter on an HTML list page is named in a visible notice (the API answers 400). TestClient traffic only.
"""
from __future__ import annotations

import pytest

from newsevents.store import Store
from web_samples import sample_results


@pytest.fixture(scope="module")
def client():
    from fastapi.testclient import TestClient

    from newsevents.web import create_app

    store = Store(":memory:")
    store.ingest(sample_results())
    with TestClient(create_app(store)) as c:
        yield c
    store.close()


HUGE = 2**63  # DuckDB's OFFSET is a signed 64-bit integer: this one used to crash (500)
BETWEEN = 2**62 + 1  # accepted by some endpoints, refused by others before


@pytest.mark.parametrize("path", ["/api/events", "/api/clusters", "/", "/clusters", "/documents"])
@pytest.mark.parametrize("query", [f"offset={HUGE}", f"offset={BETWEEN}", "offset=-1", "limit=0", "limit=100000"])
def test_out_of_range_offset_and_limit_answer_422_everywhere(client, path, query):
    r = client.get(f"{path}?{query}")
    assert r.status_code == 422, (path, query, r.status_code)
    name = query.split("=")[0]
    if path.startswith("/api/"):
        assert r.json()["detail"][0]["loc"] == ["query", name]
    else:
        assert "Bad parameter" in r.text and f"{name}: Input should be" in r.text


@pytest.mark.parametrize("url", [f"/api/clusters?min_sources={HUGE}", "/api/clusters?min_sources=0",
                                 f"/clusters?min_sources={HUGE}", "/clusters?min_sources=0",
                                 "/dyads?limit=0", "/dyads?limit=100000"])
def test_out_of_range_counts_answer_422(client, url):
    assert client.get(url).status_code == 422


@pytest.mark.parametrize("url", ["/?offset=4611686018427387904", "/api/clusters?offset=4611686018427387904",
                                 "/clusters?limit=500&min_sources=2", "/documents?limit=500&offset=3",
                                 "/dyads?limit=2000", "/?limit=1&offset=2"])
def test_in_range_values_still_work(client, url):
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("path", ["/", "/clusters", "/documents", "/timeline", "/dyads", "/map"])
def test_unknown_parameter_on_an_html_page_is_named(client, path):
    r = client.get(f"{path}?country=FRA")
    assert r.status_code == 200  # an HTML form may send extra fields: the page is shown, with a notice
    assert 'class="error notice"' in r.text and "Unknown query parameter &#39;country&#39; ignored" in r.text
    assert client.get("/api/events?country=FRA").status_code == 400


def test_html_pages_keep_their_own_parameters(client):
    for url in ["/?actor=FRA&order=date&limit=2&offset=0&event_type=&since=", "/timeline?interval=month&by=quad_class",
                "/documents?q=doc", "/clusters?order=-sources&min_sources=1"]:
        r = client.get(url)
        assert r.status_code == 200 and "notice" not in r.text, url
