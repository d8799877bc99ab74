"""SQL of the store's event-cluster tables (schema migration 2 of :mod:`newsevents.store`).

``clusters``: one row per :class:`newsevents.clusters.Cluster`; ``cluster_members``: one row per event (its
cluster, lead flag, the document it copies, confidence 0-100); ``document_signatures``: each document's MinHash
values and the SHA-1 of the text they were computed from. Kept apart from store.py so that module stays short;
applied (never edited) by :meth:`newsevents.store.Store._migrate`.
"""

CLUSTER_TABLES: list[str] = [
    """
    CREATE TABLE clusters (
        cluster_id VARCHAR PRIMARY KEY,
        event_type VARCHAR NOT NULL,
        cameo_code VARCHAR,
        actor JSON,
        recipient JSON,
        actor_codes VARCHAR[],
        recipient_codes VARCHAR[],
        date_value VARCHAR,
        date_start DATE,
        date_end DATE,
        date_precision VARCHAR,
        place VARCHAR,
        place_country VARCHAR,
        modality VARCHAR,
        modality_counts JSON,
        num_mentions INTEGER NOT NULL,
        num_articles INTEGER NOT NULL,
        num_sources INTEGER NOT NULL,
        num_copies INTEGER NOT NULL,
        first_seen DATE,
        root_event_id VARCHAR NOT NULL
    )""",
    """
    CREATE TABLE cluster_members (
        event_id VARCHAR PRIMARY KEY,
        cluster_id VARCHAR NOT NULL,
        event_type VARCHAR NOT NULL,
        doc_id VARCHAR NOT NULL,
        is_root BOOLEAN NOT NULL,
        copy_of VARCHAR,
        confidence INTEGER NOT NULL
    )""",
    "CREATE INDEX cluster_members_cluster ON cluster_members (cluster_id)",
    """
    CREATE TABLE document_signatures (
        doc_id VARCHAR PRIMARY KEY,
        text_sha1 VARCHAR NOT NULL,
        minhash UBIGINT[] NOT NULL
    )""",
]
"""The statements of schema migration 2, in order."""
