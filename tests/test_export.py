"""Export formats: jsonl, csv, table, parquet, GDELT 2.0 columns. Expected values are written by hand from the
hand-coded events of store_samples."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsevents.export import FLAT_COLUMNS, GDELT_COLUMNS, gdelt_rows, to_string, write_events, write_table
from newsevents.records import Event
from store_samples import TEXT_A, sample_results

SHARED = Path(__file__).resolve().parents[2] / "shared"


def records(with_doc: bool = False) -> list[dict]:
    out = []
    for r in sample_results():
        for e in r.events:
            d = dict(e.to_dict(), published=r.article.published)
            if with_doc:
                d["url"] = r.article.url
            out.append(d)
    return out


def by_type(rows: list[dict], key: str = "event_type") -> dict:
    return {r[key]: r for r in rows}


def test_jsonl_round_trip(tmp_path):
    out = tmp_path / "e.jsonl"
    assert write_events(records(), "jsonl", str(out)) == 5
    text = out.read_text(encoding="utf-8")
    assert "Corée du Nord" in text  # not \u-escaped
    lines = [json.loads(line) for line in text.splitlines()]
    originals = [e for r in sample_results() for e in r.events]
    assert [Event.from_dict(d) for d in lines] == originals


def test_stdout(capsys):
    write_events(records()[:1], "jsonl", "-")
    assert json.loads(capsys.readouterr().out)["event_type"] == "CONSULT"


def test_csv_flattens_compound_actors(tmp_path):
    out = tmp_path / "e.csv"
    write_events(records(), "csv", str(out))
    with open(out, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == FLAT_COLUMNS
        rows = by_type(list(reader))
    accuse = rows["ACCUSE"]
    assert (accuse["actor_code"], accuse["actor_sector"], accuse["actor_text"]) == ("FRA;DEU", "GOV;GOV",
                                                                                    "Paris;Berlin")
    assert accuse["actor_name"] == "" and accuse["recipient_code"] == "RUS" and accuse["recipient_sector"] == "MIL"
    assert (accuse["location_name"], accuse["location_lat"]) == ("Kiev", "50.45")
    request = rows["REQUEST"]
    assert request["recipient_code"] == "" and request["date_value"] == "2024-03-03/2024-03-05"
    assert request["date_precision"] == "interval" and request["published"] == "2024-03-02"
    aid = rows["AID"]
    assert (aid["modality"], aid["attribution_text"], aid["actor_sector"]) == ("alleged", "Selon l'agence KCNA", "")
    start = TEXT_A.index("aurait livré")
    assert (aid["event_text"], aid["event_start"], aid["event_end"]) == ("aurait livré", str(start), str(start + 12))


def test_csv_without_published(tmp_path):
    rows = list(csv.DictReader(io.StringIO(to_string([e.to_dict() for e in sample_results()[2].events], "csv"))))
    assert rows[0]["published"] == "" and rows[0]["event_type"] == "SANCTION"


def test_parquet_typed_columns(tmp_path):
    out = tmp_path / "e.parquet"
    assert write_events(records(), "parquet", str(out)) == 5
    table = pq.read_table(out)
    assert table.column_names == FLAT_COLUMNS
    assert str(table.schema.field("goldstein").type) == "double"
    assert str(table.schema.field("event_start").type) == "int32"
    rows = by_type(table.to_pylist())
    assert rows["ACCUSE"]["actor_code"] == "FRA;DEU" and rows["AID"]["goldstein"] == 7.0


def test_parquet_empty_and_stdout(tmp_path):
    out = tmp_path / "empty.parquet"
    assert write_events([], "parquet", str(out)) == 0
    assert pq.read_table(out).num_rows == 0
    with pytest.raises(ValueError, match="parquet"):
        write_events(records(), "parquet", "-")


def test_unknown_format():
    with pytest.raises(ValueError, match="unknown format"):
        write_events(records(), "xml", "-")


def test_gdelt_one_row_per_dyad(tmp_path):
    out = tmp_path / "e.tsv"
    assert write_events(records(with_doc=True), "gdelt", str(out)) == 5
    lines = out.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    assert header == GDELT_COLUMNS and len(header) == 61
    rows = [dict(zip(header, line.split("\t"))) for line in lines[1:]]
    assert len(rows) == 6  # the compound ACCUSE event gives FRA->RUS and DEU->RUS
    accuse = [r for r in rows if r["EventCode"] == "111"]
    assert [(r["Actor1Code"], r["Actor1CountryCode"], r["Actor1Type1Code"], r["Actor2Code"]) for r in accuse] == [
        ("FRAGOV", "FRA", "GOV", "RUSMIL"), ("DEUGOV", "DEU", "GOV", "RUSMIL")]
    r = accuse[0]
    assert (r["SQLDATE"], r["MonthYear"], r["Year"]) == ("20240301", "202403", "2024")
    assert (r["EventBaseCode"], r["EventRootCode"], r["QuadClass"], r["GoldsteinScale"]) == ("111", "11", "3", "-2.0")
    assert (r["ActionGeo_Type"], r["ActionGeo_FullName"], r["ActionGeo_CountryCode"]) == ("4", "Kiev", "UP")
    assert (r["ActionGeo_Lat"], r["ActionGeo_Long"]) == ("50.45", "30.52")
    assert r["SOURCEURL"] == "https://example.org/b" and r["IsRootEvent"] == "1"
    assert r["Actor1Name"] == "PARIS"
    assert len({row["GLOBALEVENTID"] for row in rows}) == 6


def test_gdelt_dates_and_missing_parts():
    aid, = [e for e in records() if e["event_type"] == "AID"]
    row, = gdelt_rows(aid)
    assert (row["SQLDATE"], row["FractionDate"]) == ("20240101", "2024.0849")  # 2024 + (1*30+1)/365
    assert row["IsRootEvent"] == 0 and row["Actor1Code"] == "RUS" and row["Actor1Type1Code"] is None
    assert row["ActionGeo_Type"] is None and row["SOURCEURL"] == "a"  # no URL: the document id as citation
    request, = [e for e in records() if e["event_type"] == "REQUEST"]
    row, = gdelt_rows(request)
    assert row["Actor2Code"] is None and row["SQLDATE"] == "20240303"
    assert gdelt_rows(request)[0]["GLOBALEVENTID"] == row["GLOBALEVENTID"]  # stable


@pytest.mark.shared
def test_gdelt_columns_match_the_codebook_header():
    header = SHARED / "reference" / "gdelt" / "GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv"
    if not header.exists():
        pytest.skip("../shared (GDELT header file) is not available")
    with open(header, encoding="utf-8", newline="") as fh:
        names = [row["tableId"] for row in csv.DictReader(fh)]
    assert [n.upper() for n in names] == [c.upper() for c in GDELT_COLUMNS]


def test_table():
    buf = io.StringIO()
    assert write_table(records(), buf, width=160) == 5
    lines = buf.getvalue().splitlines()
    assert lines[0].split()[:5] == ["document", "date", "type", "mode", "cameo"]
    assert all(len(line) <= 160 for line in lines)
    assert sorted({line.split()[0] for line in lines[2:]}) == ["a", "b", "c"]
    accuse = next(line for line in lines if "ACCUSE" in line)
    assert "FRAGOV+DEUGOV -> RUSMIL" in accuse and "ont condamné" in accuse
    request = next(line for line in lines if "REQUEST" in line)
    assert "2024-03-03/2024-03-05" in request and "UKRGOV -> -" in request
    aid = next(line for line in lines if "AID" in line)
    assert "alleged" in aid and "Selon l'agence KCNA" in aid


def test_table_without_document_column():
    buf = io.StringIO()
    write_table(records(), buf, width=150, with_document=False)
    assert buf.getvalue().splitlines()[0].split()[:2] == ["date", "type"]


def test_table_empty():
    assert "(no events)" in to_string([], "table")
