"""The final clustering step of `batch`: the clusters do not depend on the partitioning or the number of
workers, and equal those the store computes for the same documents. Uses the stand-in pipeline of
tests/test_batch.py (no spaCy model)."""
from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from newsevents.batch import dask_client, load_batch_output
from newsevents.store import Store
from test_batch import corpus, run


def _clusters(out) -> list[tuple]:
    members = pq.read_table(out / "clusters" / "members.parquet").to_pylist()
    return sorted((m["cluster_id"], m["event_id"], m["is_root"], m["copy_of"]) for m in members)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    """The same corpus run with 4-document partitions on one worker and 1-document partitions on two."""
    base = tmp_path_factory.mktemp("batch")
    with dask_client(workers=1) as c:
        run(corpus(16), base / "one", c, size=4)
    with dask_client(workers=2) as c:
        run(list(reversed(corpus(16))), base / "two", c, size=1)
    return base / "one", base / "two"


def test_clusters_do_not_depend_on_partitions_or_workers(outputs):
    one, two = outputs
    assert _clusters(one) == _clusters(two)
    counts = pq.read_table(one / "clusters" / "clusters.parquet").column("num_mentions").to_pylist()
    assert sum(counts) == 15  # every event: 16 documents, one failed, one empty, one with two meetings
    assert 1 < max(counts) < 15  # reports worded alike on neighbouring days merge; months apart, not


def test_store_finds_the_same_clusters(outputs):
    one, _ = outputs
    with Store(":memory:") as s:
        s.ingest(load_batch_output(one))
        with s._cursor() as cur:
            stored = sorted(cur.execute("SELECT cluster_id, event_id, is_root, copy_of FROM cluster_members")
                            .fetchall())
    assert stored == _clusters(one)
