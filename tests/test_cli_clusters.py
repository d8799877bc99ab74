"""CLI faces of the event clusters: `events --clusters`, `--min-sources`, `export --format gdelt` and
`gdelt-mentions`, read back with the GDELT 2.0 column headers of ../shared/reference/gdelt when present. The
store holds the made-up multi-outlet reports of tests/cluster_samples.py."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cluster_samples import cluster_results
from newsevents import cli
from newsevents.cluster_store import query_clusters
from newsevents.export import GDELT_COLUMNS, GDELT_MENTION_COLUMNS
from newsevents.store import EventFilter, Store

GDELT = Path(__file__).parents[2] / "shared" / "reference" / "gdelt"


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "events.duckdb"
    with Store(path) as s:
        s.ingest(cluster_results())
    return str(path)


def run(*args):
    return CliRunner().invoke(cli.main, [str(a) for a in args], catch_exceptions=False)


def _tsv(path: Path) -> list[dict]:
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"))) for line in lines[1:]]


def test_events_clusters_with_min_sources(db):
    result = run("events", "--db", db, "--clusters", "--min-sources", "2", "--format", "jsonl")
    assert result.exit_code == 0
    printed = [json.loads(line) for line in result.stdout.splitlines()]
    with Store(db, read_only=True) as s:
        assert printed == query_clusters(s, EventFilter(min_sources=2), order="date")
    assert sorted((c["event_type"], c["num_mentions"], c["num_sources"]) for c in printed) == [
        ("CONSULT", 3, 3), ("PROTEST", 2, 2)]


def test_events_table_shows_cluster_counts(db):
    result = run("events", "--db", db, "--clusters", "--type", "consult")
    assert result.exit_code == 0 and "3 of 3 matching clusters" in result.stderr
    visit = next(line for line in result.stdout.splitlines() if "CIVGOV" in line and "2024-05-16" in line)
    assert visit.split()[6:10] == ["3", "3", "3", "1"]  # mentions, articles, sources, copies


def test_mentions_filtered_by_min_sources(db):
    result = run("events", "--db", db, "--min-sources", "3", "--format", "jsonl")
    assert sorted(json.loads(line)["doc_id"] for line in result.stdout.splitlines()) == ["g1", "q1", "r1"]


def test_export_gdelt_one_row_per_cluster(db, tmp_path):
    out = tmp_path / "events.tsv"
    assert run("export", "--db", db, "--format", "gdelt", "-o", out).exit_code == 0
    rows = _tsv(out)
    assert len(rows) == 5  # five real-world events, each with one actor and at most one recipient
    visit = next(r for r in rows if r["Actor2CountryCode"] == "CIV" and r["SQLDATE"] == "20240516")
    assert (visit["NumMentions"], visit["NumSources"], visit["NumArticles"], visit["IsRootEvent"]) == (
        "3", "3", "3", "1")
    assert visit["SOURCEURL"] == "q1"  # the oldest report


def test_export_gdelt_mentions_point_at_the_events(db, tmp_path):
    events, mentions = tmp_path / "events.tsv", tmp_path / "mentions.tsv"
    run("export", "--db", db, "--format", "gdelt", "-o", events)
    assert run("export", "--db", db, "--format", "gdelt-mentions", "-o", mentions).exit_code == 0
    ids = {r["GLOBALEVENTID"] for r in _tsv(events)}
    rows = _tsv(mentions)
    assert len(rows) == 8 and {r["GLOBALEVENTID"] for r in rows} == ids
    r1 = next(r for r in rows if r["MentionIdentifier"] == "r1")
    with Store(db, read_only=True) as s:
        event = s.query_events(EventFilter(doc_id="r1"))[0]
    assert int(r1["ActionCharOffset"]) == event["event_span"][0]
    assert int(r1["Actor1CharOffset"]) == event["actor"][0]["span"][0]
    assert r1["MentionSourceName"] == "Radio Ouest" and r1["MentionType"] == "2"
    assert r1["EventTimeDate"] == "20240516000000" and r1["MentionTimeDate"] == "20240517000000"
    assert int(r1["Confidence"]) < 100  # no date of its own in the text


@pytest.mark.shared
def test_headers_match_the_gdelt_codebook_files():
    if not GDELT.is_dir():
        pytest.skip(f"GDELT header files not found at {GDELT} (the ../shared folder next to the repo)")
    with open(GDELT / "GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv", encoding="utf-8") as fh:
        assert [r["tableId"].upper() for r in csv.DictReader(fh)] == [c.upper() for c in GDELT_COLUMNS]
    with open(GDELT / "GDELT_2.0_eventMentions_Column_Labels_Header_Row_Sep2016.tsv", encoding="utf-8") as fh:
        names = [row[1] for row in list(csv.reader(fh, delimiter="\t"))[1:] if len(row) > 1]
    assert names[:len(GDELT_MENTION_COLUMNS)] == GDELT_MENTION_COLUMNS
    assert names[len(GDELT_MENTION_COLUMNS):] == ["Add New Fields"]  # the file's last row is a note
