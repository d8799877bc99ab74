"""The final step of a ``batch`` run: cluster the events of every partition together.

    summary = cluster_batch_output("out/", client)     # writes out/clusters/*.parquet

Partitions are coded independently, but one real-world event is reported by documents of many partitions, so
clustering runs once over the events of all done partitions. Work is spread over the Dask ``client`` when one
is given: document signatures (MinHash) in chunks, then one task per PLOVER event type (mentions of different
types are never one event). :func:`newsevents.clusters.cluster_mentions` depends only on the set of mentions,
so the clusters and their ids do not depend on the partitioning, the number of workers or the input order.

Output (Parquet, written to temporary names then renamed):

    DIR/clusters/clusters.parquet   one row per cluster: the columns of the store's ``clusters`` table
    DIR/clusters/members.parquet    one row per event: the columns of the store's ``cluster_members`` table

``newsevents ingest DIR`` stores the events and clusters them again in the store with the same rules, which
gives the same clusters.
"""
from __future__ import annotations

import logging
import os
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .clusters import Cluster, Mention, Rules, cluster_mentions, document_signature, load_rules

log = logging.getLogger(__name__)

SIGNATURE_CHUNK = 200
"""Documents per signature task."""


@dataclass
class ClusterSummary:
    """What :func:`cluster_batch_output` did: mentions and clusters, wall time in seconds, output folder."""

    mentions: int
    clusters: int
    seconds: float
    path: str

    def describe(self) -> str:
        """One line for stderr."""
        return f"{self.mentions} events in {self.clusters} clusters ({self.seconds:.1f} s) -> {self.path}"


def _signatures(chunk: list[tuple[str, str]], rules: Rules) -> dict:
    return {doc_id: document_signature(text, rules) for doc_id, text in chunk}


def _read(path: str | os.PathLike) -> tuple[list[Mention], list[tuple[str, str]]]:
    """Mentions of every done partition, and (doc_id, text) of the documents that have events."""
    from .batch import load_batch_output

    mentions, texts = [], []
    for result in load_batch_output(path):
        if not result.events:
            continue
        texts.append((result.article.id, result.article.text))
        for event in result.events:
            record = event.to_dict()
            record["published"] = result.article.published
            mentions.append(Mention.from_record(record, source=result.article.source))
    return mentions, texts


def _map(client, fn, items: list, *args) -> list:
    if client is None:
        return [fn(item, *args) for item in items]
    futures = client.map(fn, items, *[[a] * len(items) for a in args], pure=False)
    return client.gather(futures)


def cluster_batch(mentions: list[Mention], texts: list[tuple[str, str]], rules: Rules | None = None,
                  client=None) -> list[Cluster]:
    """Cluster ``mentions`` with the MinHash signatures of ``texts`` ((doc_id, text) pairs), on the Dask
    ``client`` when given (else in this process). Clusters are returned in cluster-id order."""
    rules = rules or load_rules()
    chunks = [texts[i:i + SIGNATURE_CHUNK] for i in range(0, len(texts), SIGNATURE_CHUNK)]
    signatures: dict = {}
    for part in _map(client, _signatures, chunks, rules):
        signatures.update(part)
    by_type: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_type[m.event_type].append(m)
    types = sorted(by_type)
    groups = [(by_type[t], {m.doc_id: signatures[m.doc_id] for m in by_type[t] if m.doc_id in signatures})
              for t in types]
    results = _map(client, _cluster_group, groups, rules)
    return sorted((c for part in results for c in part), key=lambda c: c.cluster_id)


def _cluster_group(group: tuple[list[Mention], dict], rules: Rules) -> list[Cluster]:
    mentions, signatures = group
    return cluster_mentions(mentions, rules, signatures)


def cluster_batch_output(path: str | os.PathLike, client=None, rules: Rules | None = None) -> ClusterSummary:
    """Cluster the events of the batch output directory ``path`` (done partitions) and write
    ``clusters/clusters.parquet`` and ``clusters/members.parquet`` there (see the module docstring). Raises
    :class:`newsevents.batch.BatchError` when ``path`` is not a batch output directory."""
    import pyarrow.parquet as pq

    from .batch import _atomic_write
    from .cluster_store import _arrow_tables

    t0 = time.perf_counter()
    mentions, texts = _read(path)
    clusters = cluster_batch(mentions, texts, rules, client)
    ctable, mtable = _arrow_tables(clusters)
    out = Path(path) / "clusters"
    out.mkdir(exist_ok=True)
    for name, table in (("clusters.parquet", ctable), ("members.parquet", mtable)):
        _atomic_write(out / name, lambda f, t=table: pq.write_table(t, f, compression="zstd"))
    summary = ClusterSummary(len(mentions), len(clusters), time.perf_counter() - t0, str(out))
    log.info("batch clusters: %s", summary.describe())
    return summary
