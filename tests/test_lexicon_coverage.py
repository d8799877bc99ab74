"""scripts/lexicon_coverage.py: gold triggers are located, lemmatised and checked against the lexicon's frame
types, on a tiny gold file written here (sentences of our own)."""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def coverage():
    spec = importlib.util.spec_from_file_location("lexicon_coverage", ROOT / "scripts" / "lexicon_coverage.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["lexicon_coverage"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_trigger_is_found_inside_its_event_text(coverage):
    text = "Le ministre a visité Kiev. Le président a visité Moscou."
    assert coverage.trigger_span(text, "visité", "Le président a visité Moscou") == (42, 48)
    assert coverage.trigger_span(text, "visité", None) == (14, 20)
    assert coverage.trigger_span(text, "rencontré", None) is None


def test_gold_type_falls_back_on_the_cameo_code(coverage):
    from newsevents.codes import load_cameo

    cameo = load_cameo()
    assert coverage.gold_type({"plover": "ASSAULT", "cameo": "042"}, cameo) == "ASSAULT"
    assert coverage.gold_type({"cameo": "042"}, cameo) == "CONSULT"
    assert coverage.gold_type({"cameo": "01"}, cameo) == ""


def test_bad_gold_line_names_the_file_and_line(coverage, tmp_path):
    gold = tmp_path / "bad.jsonl"
    gold.write_text('{"text": "a", "events": []}\n{oops\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.jsonl:2"):
        coverage.read_gold(gold)


@pytest.mark.model
def test_shares_and_missing_list_on_a_tiny_gold_file(coverage, tmp_path, capsys):
    records = [
        {"id": "a", "text": "La Russie a bombardé la ville ukrainienne de Kharkiv.",
         "events": [{"plover": "ASSAULT", "cameo": "195", "trigger": "bombardé",
                     "eventtext": "a bombardé la ville"}]},
        # a known lemma with the wrong type is not covered
        {"id": "b", "text": "Le président français a rencontré son homologue.",
         "events": [{"plover": "ASSAULT", "cameo": "190", "trigger": "rencontré", "eventtext": "a rencontré"}]},
        # a word the lexicon does not know
        {"id": "c", "text": "Le ministre a grignoté un biscuit.",
         "events": [{"plover": "PROTEST", "cameo": "141", "trigger": "grignoté", "eventtext": "a grignoté"}]},
        # an intended meeting is AGREE (CAMEO 036): covered only with recoding
        {"id": "d", "text": "Le président va rencontrer le chancelier allemand.",
         "events": [{"plover": "AGREE", "cameo": "036", "trigger": "rencontrer", "eventtext": "va rencontrer"},
                    {"plover": "AGREE", "cameo": "036", "trigger": "absent du texte"}]},
        {"id": "e", "text": "Aucun événement ici.", "events": []},
    ]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    assert coverage.main([str(gold), "--missing"]) == 0
    out = capsys.readouterr().out
    assert "strict 1/4 = 0.250, with recoding 2/4 = 0.500 (no trigger: 1)" in out
    assert "1\tASSAULT\trencontrer" in out
    assert "1\tPROTEST\tgrignoter" in out
    assert "AGREE" not in out.split("overall")[1]  # recoded events are not listed as missing


@pytest.mark.model
def test_a_capital_without_its_accent_is_read_as_the_coder_reads_it(coverage, nlp):
    from newsevents.langdata import load_language
    from newsevents.lexicon import Lexicon

    lexicon = Lexicon.from_data(load_language("fr"))
    text = "Emeutes à Dakar après le verdict."
    lemmas = coverage.candidate_lemmas(nlp(text), (0, 7), "Emeutes", lexicon)
    assert "émeute" in lemmas
    assert not any(lemma.startswith("é") for lemma in coverage.candidate_lemmas(nlp(text), (10, 15), "Dakar",
                                                                                 lexicon))
