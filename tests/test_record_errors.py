"""scripts/record_errors.py: which records are listed and how (made-up records and events)."""
import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "record_errors.py"
spec = importlib.util.spec_from_file_location("record_errors", SCRIPT)
record_errors = importlib.util.module_from_spec(spec)
spec.loader.exec_module(record_errors)


def _event(doc, actor, recipient, cameo):
    return {"doc_id": doc, "cameo_code": cameo, "event_text": "met", "modality": "asserted",
            "actor": [{"code": actor[:3], "sector": actor[3:]}],
            "recipient": [{"code": recipient[:3], "sector": recipient[3:]}]}


RECORDS = [
    {"id": "A", "text": "Arnor met Gondor's government.", "events": [{"source": "ARN", "target": "GONGOV", "cameo": "040"}]},
    {"id": "B", "text": "Arnor visited Gondor.", "events": [{"source": "ARN", "target": "GON", "cameo": "042"}]},
    {"id": "C", "text": "Nothing happened.", "events": []},
    {"id": "D", "text": "Not scored.", "evaluate": "false", "events": []},
]
EVENTS = [_event("A", "ARN", "GONGOV", "040"),   # exact
          _event("B", "ARN", "GONMIL", "040"),   # same type and dyad; the gold target has no sector: full too
          _event("C", "ARN", "MOR", "190")]      # an event where none is expected


def test_matched_counts_items_at_each_level():
    assert record_errors.matched(RECORDS[0], EVENTS[:1]) == {"type": 1, "dyad": 1, "full": 1, "gold": 1, "system": 1}
    assert record_errors.matched(RECORDS[2], EVENTS[2:]) == {"type": 0, "dyad": 0, "full": 0, "gold": 0, "system": 1}


def test_only_records_not_coded_as_expected_are_listed():
    lines = record_errors.report(RECORDS, EVENTS)
    headers = [line for line in lines if line.startswith("==")]
    assert headers == ["== C ERR type/dyad/full 0/0/0 gold 0 system 1"]
    assert "   S ARN -> MOR 190  asserted | met" in lines


def test_all_lists_every_evaluated_record_with_gold_and_system_lines():
    lines = record_errors.report(RECORDS, EVENTS, show_all=True)
    assert [line.split()[1] for line in lines if line.startswith("==")] == ["A", "B", "C"]
    assert "   G ARN -> GONGOV 040" in lines
