"""scripts/corpora.py against ../shared: the Le Monde texts must equal the dev gold's, counts must match the
MANIFEST, and every record must read back through read_inputs. Skips where ../shared is absent."""
from __future__ import annotations

import importlib.util
import json
from collections import Counter
from pathlib import Path

import pytest

from newsevents.readers import read_inputs
from newsevents.records import InputError

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).parents[2] / "shared"

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not (SHARED / "corpora").is_dir(),
                       reason=f"shared corpora not found at {SHARED} (the ../shared folder next to the repo)"),
]


@pytest.fixture(scope="module")
def corpora():
    spec = importlib.util.spec_from_file_location("corpora_script", ROOT / "scripts" / "corpora.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def lemonde(corpora):
    return list(corpora.lemonde(SHARED))


def test_lemonde_count_and_ids(lemonde):
    assert len(lemonde) == 7074  # MANIFEST: 7,074 items
    assert len({r["id"] for r in lemonde}) == 7074
    assert lemonde[0]["id"] == "lemonde2022-0" and lemonde[-1]["id"] == "lemonde2022-7073"
    assert all(r["date"].startswith("2022-") for r in lemonde)


def test_lemonde_texts_equal_dev_gold(lemonde):
    gold = [json.loads(line) for line in (SHARED / "eval" / "dev" / "lemonde_fr.dev.jsonl").open(encoding="utf-8")]
    assert len(gold) >= 100
    for g in gold:
        mine = lemonde[g["article_index"]]
        assert mine["id"] == g["id"] == f"lemonde2022-{g['article_index']}"
        assert mine["text"] == g["text"], g["id"]
        assert mine["date"] == g["date"], g["id"]


def test_lemonde_text_join(corpora):
    assert corpora.lemonde_text("Un titre", "Une description.") == "Un titre. Une description."
    assert corpora.lemonde_text("Un titre ?", "Une description.") == "Un titre ? Une description."
    assert corpora.lemonde_text("Un titre", "") == "Un titre"


def test_gilets_jaunes(corpora):
    records = list(corpora.gilets_jaunes(SHARED))
    assert Counter(r["source"] for r in records) == {"Le Figaro": 763, "L'Humanité": 692, "Le Point": 918}
    assert all(r["date"] and "2018-11-01" <= r["date"] <= "2019-03-01" for r in records)
    assert all(r["text"].startswith(r["title"]) and r["url"].startswith("http") for r in records)
    assert corpora.gj_date("8-1-2019") == "2019-01-08" and corpora.gj_date("2018-12-07") == "2018-12-07"


def test_masakhane(corpora):
    records = list(corpora.masakhane(SHARED))
    assert Counter(r["id"].split("-")[2] for r in records) == {"dev": 211, "test": 422, "train": 250}
    politics = list(corpora.masakhane(SHARED, category="politics"))
    assert len(politics) == 200 and all(r["category"] == "politics" for r in politics)
    assert all(r["date"] is None and r["source"] == "BBC Afrique" for r in records)


@pytest.mark.parametrize("argv", [["lemonde"], ["gilets_jaunes", "--outlet", "humanite"],
                                  ["masakhane", "--split", "dev"]])
def test_cli_output_reads_back(corpora, argv, tmp_path, capsys):
    assert corpora.main(argv + ["--shared", str(SHARED), "--limit", "150"]) == 0
    out = tmp_path / "out.jsonl"
    out.write_text(capsys.readouterr().out, encoding="utf-8")
    items = list(read_inputs([str(out)]))
    assert len(items) == 150
    assert not [i for i in items if isinstance(i, InputError)]
    assert all(a.lang == "fr" and a.text for a in items)
