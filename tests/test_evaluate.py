"""The evaluator: hand-made gold/system pairs with hand-computed scores, and agreement with eval/score.py."""
from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from newsevents.evaluate import (Item, check_gold, event_types, format_report, max_matching, parse_actors, read_jsonl,
                                 score, summary)
from newsevents.records import InputError

SHARED = Path(__file__).resolve().parents[2] / "shared"


def ev(doc, etype, actor, recipient, cameo="", modality=None, date=None):
    return {"doc_id": doc, "event_type": etype, "cameo_code": cameo, "actor": actor, "recipient": recipient,
            "modality": modality, "date": {"value": date, "precision": "day"} if date else None}


def ents(*codes):
    return [{"code": c[:3], "sector": c[3:]} for c in codes]


GOLD = [{
    "id": "r1", "lang": "fr", "date": "2024-03-02", "text": "(texte)",
    "events": [
        {"plover": "CONSULT", "source": "RUSGOV", "target": "PRKGOV", "modality": "asserted", "date": "2024-01-16"},
        {"plover": "ACCUSE", "source": ents("FRAGOV", "DEUGOV"), "target": ents("RUSMIL"), "modality": "asserted",
         "date": "2024-03-01"},
        {"cameo": "070", "source": "RUS", "target": "---MIL"},
    ],
}]
SYSTEM = [
    ev("r1", "CONSULT", ents("RUSGOV"), ents("PRKGOV"), "040", "asserted", "2024-01-16"),
    ev("r1", "ACCUSE", ents("FRAGOV"), ents("RUSGOV"), "112", "alleged", "2024-03-01"),
    ev("r1", "AID", ents("RUS"), ents("UKRMIL"), "070", "asserted"),
    ev("r1", "ASSAULT", ents("RUS"), ents("UKR"), "190", "asserted"),
    ev("other-doc", "CONSULT", ents("RUS"), ents("PRK")),
]


def prf(result, level):
    r = result[level]
    return (r["precision"], r["recall"], r["f1"], r["tp"], r["system"], r["gold"])


def test_three_levels_by_hand():
    result = score(GOLD, SYSTEM)
    # gold: 4 items (the compound ACCUSE counts twice); system: 4 items for r1
    assert prf(result, "type") == (0.75, 0.75, 0.75, 3, 4, 4)
    assert prf(result, "dyad") == (0.75, 0.75, 0.75, 3, 4, 4)  # the unknown gold target country fits UKR
    assert prf(result, "full") == (0.5, 0.5, 0.5, 2, 4, 4)     # ACCUSE: RUSMIL vs RUSGOV
    assert result["records"] == 1 and result["records_with_output"] == 1 and result["dyad_informative"]


def test_attribute_accuracy_by_hand():
    result = score(GOLD, SYSTEM)
    # dyad pairs with a gold value: CONSULT (asserted/2024-01-16, right) and ACCUSE (alleged vs asserted; date
    # right); the AID gold event has neither
    assert (result["modality_accuracy"], result["modality_compared"]) == (0.5, 2)
    assert (result["date_accuracy"], result["date_compared"]) == (1.0, 2)


def test_per_type_by_hand():
    per = score(GOLD, SYSTEM)["per_type"]
    assert set(per) == {"CONSULT", "ACCUSE", "AID", "ASSAULT"}
    assert (per["ACCUSE"]["precision"], per["ACCUSE"]["recall"], per["ACCUSE"]["f1"]) == (1.0, 0.5, 0.6667)
    assert (per["ASSAULT"]["precision"], per["ASSAULT"]["recall"], per["ASSAULT"]["f1"]) == (0.0, 0.0, 0.0)
    assert per["CONSULT"]["f1"] == 1.0


def test_one_to_one_matching():
    gold = [{"id": "r", "events": [{"plover": "CONSULT", "source": "RUS", "target": "PRK"}]}]
    system = [ev("r", "CONSULT", ents("RUS"), ents("PRK"))] * 2
    assert prf(score(gold, system), "full") == (0.5, 1.0, 0.6667, 1, 2, 1)


def test_matching_is_maximum_not_greedy():
    # CAMEO root 08 stands for CONCEDE or RETREAT: a greedy pass would give the RETREAT output to it first
    gold = [{"id": "r", "events": [{"cameo": "08", "source": "ISR", "target": "PSE"},
                                   {"plover": "RETREAT", "source": "ISR", "target": "PSE"}]}]
    system = [ev("r", "RETREAT", ents("ISR"), ents("PSE")), ev("r", "CONCEDE", ents("ISR"), ents("PSE"))]
    assert prf(score(gold, system), "full") == (1.0, 1.0, 1.0, 2, 2, 2)


def test_max_matching_function():
    a, b = frozenset({"A"}), frozenset({"B"})
    unk = (None, None)
    gold = [Item(a | b, unk, unk, None, None), Item(a, unk, unk, None, None)]
    system = [Item(a, unk, unk, None, None), Item(b, unk, unk, None, None)]
    assert max_matching(gold, system, "type") == {0: 1, 1: 0}


@pytest.mark.parametrize("event, expected", [
    ({"plover": "DISAPPROVE"}, {"ACCUSE"}),         # old PLOVER name
    ({"plover": "demand"}, {"REQUEST"}),
    ({"plover": "", "cameo": "163"}, {"SANCTION"}),  # PLOVER manual: sanctions
    ({"cameo": "116"}, {"SANCTION"}),                # ... and convictions
    ({"cameo": "08"}, {"CONCEDE", "RETREAT"}),
    ({"cameo": "0874"}, {"RETREAT"}),
    ({"cameo": "1213"}, {"REJECT"}),                 # not in the table: its 3-digit prefix 121
    ({"cameo": "010"}, set()),                       # statements are not PLOVER events
    ({"plover": "NONSENSE"}, set()),
])
def test_event_types(event, expected):
    assert event_types(event, "plover", "cameo") == expected


@pytest.mark.parametrize("raw, expected", [
    ("RUSGOV", [("RUS", "GOV")]),
    ("USA", [("USA", None)]),
    ("---PTY", [(None, "PTY")]),
    ("~MIL", [(None, "MIL")]),
    ("TUN None", [("TUN", None)]),
    ([{"code": "FRA", "sector": "GOV"}, {"code": "DEUMIL"}], [("FRA", "GOV"), ("DEU", "MIL")]),
    ({"country": "MLI", "agent": ["REB"]}, [("MLI", "REB")]),
    ([], []), (None, []), ("", []),
])
def test_parse_actors(raw, expected):
    assert parse_actors(raw) == expected


def test_unknown_gold_slots_match_anything_but_system_unknowns_do_not():
    gold = [{"id": "r", "events": [{"plover": "ASSAULT", "source": "---", "target": "UKR"}]}]
    hit = [ev("r", "ASSAULT", ents("RUSMIL"), ents("UKR"))]
    miss = [ev("r", "ASSAULT", ents("RUSMIL"), [{"code": "---", "sector": ""}])]
    assert score(gold, hit)["full"]["tp"] == 1
    assert score(gold, miss)["dyad"]["tp"] == 0 and score(gold, miss)["type"]["tp"] == 1


def test_records_marked_not_evaluated_are_skipped():
    gold = GOLD + [{"id": "r2", "evaluate": "false", "events": [{"plover": "AID", "source": "USA"}]}]
    system = SYSTEM + [ev("r2", "AID", ents("USA"), [])]
    assert score(gold, system)["type"] == score(GOLD, SYSTEM)["type"]
    assert score(gold, system)["records"] == 1


def test_system_records_with_other_keys():
    gold = [{"id": "r", "events": [{"plover": "CONSULT", "source": "RUS", "target": "PRK"}]}]
    system = [{"id": "r", "event": "CONSULT", "source": "RUSGOV", "target": "PRK"}]
    assert score(gold, system)["full"]["tp"] == 1


def test_empty_system():
    result = score(GOLD, [])
    assert prf(result, "type") == (0.0, 0.0, 0.0, 0, 0, 4)
    assert result["modality_accuracy"] is None and result["records_with_output"] == 0


def test_report_text():
    text = format_report(score(GOLD, SYSTEM), detail=True)
    lines = text.splitlines()
    assert lines[1].split()[:4] == ["type", "0.750", "0.750", "0.750"]
    assert any(line.split()[:1] == ["ACCUSE"] for line in lines)
    assert json.loads(lines[-1]) == summary(score(GOLD, SYSTEM))


def test_read_jsonl_names_the_bad_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a"}\n\n{"id": \n', encoding="utf-8")
    with pytest.raises(InputError, match=r"gold.jsonl:3"):
        read_jsonl(str(path))


# -- agreement with the project scorer --------------------------------------------------------------------

def perturbed_system(gold: list[dict], seed: int) -> list[dict]:
    """System output built from the gold with deliberate errors: dropped events, changed types, swapped
    actors, wrong actors, wrong modality/date, CAMEO-only output and duplicates."""
    rng = random.Random(seed)
    types = ["AGREE", "CONSULT", "ACCUSE", "ASSAULT", "SANCTION", "REQUEST"]
    out = []
    for record in gold:
        for g in record.get("events", []):
            x = rng.random()
            if x < 0.15:
                continue
            e = {"doc_id": record["id"], "event_type": g.get("plover") or "", "cameo_code": g.get("cameo") or "",
                 "actor": g.get("source"), "recipient": g.get("target"),
                 "modality": g.get("modality") or "asserted", "date": {"value": g.get("date")}}
            if x < 0.3:
                e["event_type"] = rng.choice(types)
            elif x < 0.4:
                e["actor"], e["recipient"] = e["recipient"], e["actor"]
            elif x < 0.5:
                e["event_type"] = ""
                e["cameo_code"] = e["cameo_code"] or "0874"
            elif x < 0.6:
                e["modality"], e["date"] = "alleged", {"value": "2022-01-01"}
            elif x < 0.7:
                e["actor"] = [{"code": "FRA", "sector": "GOV"}]
            out.append(e)
            if rng.random() < 0.1:
                out.append(dict(e, event_type=rng.choice(types)))
    return out


@pytest.mark.shared
@pytest.mark.parametrize("name", ["seed_fr.jsonl", "plover_gsr_fr.dev.jsonl", "lemonde_fr.dev.jsonl"])
def test_same_numbers_as_score_py(name, tmp_path):
    scorer = SHARED / "eval" / "score.py"
    gold_path = SHARED / "eval" / "dev" / name
    if not (scorer.exists() and gold_path.exists()):
        pytest.skip("../shared (eval/score.py and eval/dev) is not available")
    gold = read_jsonl(str(gold_path))
    for seed in (1, 2):
        system = perturbed_system(gold, seed)
        system_path = tmp_path / f"system{seed}.jsonl"
        system_path.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in system), encoding="utf-8")
        run = subprocess.run([sys.executable, str(scorer), str(gold_path), str(system_path), "--json"],
                             capture_output=True, text=True, check=True)
        theirs = json.loads(run.stdout.strip().splitlines()[-1])
        ours = json.loads(json.dumps(summary(score(gold, system))))
        assert ours == theirs
        assert 0 < ours["full"]["f1"] < 1  # the perturbations make the comparison non-trivial


def test_system_events_given_as_gold_are_refused_with_the_file_name():
    events = [{"doc_id": "d1", "event_type": "CONSULT", "cameo_code": "040"}]
    with pytest.raises(InputError, match=r"out\.jsonl: no record has an \"events\" list.*system events"):
        check_gold(events, "out.jsonl")


def test_gold_with_empty_event_lists_passes_the_check():
    check_gold([{"id": "a", "text": "Rien.", "events": []}], "gold.jsonl")


def test_gold_events_with_no_type_are_named_in_a_warning(caplog):
    gold = [{"id": "a", "text": "Putin met Xi.", "events": [{"plover": "MEET"}, {"plover": "CONSULT"}]}]
    with caplog.at_level("WARNING", logger="newsevents.evaluate"):
        check_gold(gold, "gold.jsonl")
    assert "gold.jsonl: 1 gold event(s)" in caplog.text and "'MEET'" in caplog.text


def test_a_gold_set_of_known_types_gives_no_warning(caplog):
    gold = [{"id": "a", "text": "Putin met Xi.", "events": [{"plover": "CONSULT"}, {"cameo": "042"}]}]
    with caplog.at_level("WARNING", logger="newsevents.evaluate"):
        check_gold(gold, "gold.jsonl")
    assert caplog.text == ""


def test_a_record_without_lang_is_coded_in_its_identified_language():
    from newsevents.evaluate import run_system

    seen = {}

    class Recorder:
        def __init__(self, lang):
            self.lang = lang

        def process(self, articles):
            seen.setdefault(self.lang, []).extend(a.id for a in articles)
            return []

    gold = [{"id": "en1", "text": "Putin met Xi in Beijing on Monday.", "events": []},
            {"id": "es1", "text": "El presidente visitó Rabat el lunes con sus ministros.", "events": []},
            {"id": "fr1", "text": "Le président s'est rendu à Rabat lundi avec ses ministres.", "events": []},
            {"id": "de1", "text": "Putin met Xi.", "lang": "fr", "events": []}]
    run_system(gold, make_pipeline=Recorder)
    assert seen == {"en": ["en1"], "es": ["es1"], "fr": ["fr1", "de1"]}
