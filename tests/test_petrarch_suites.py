"""scripts/run_petrarch_suites.py: how a record counts as coded as expected (made-up records and events)."""
import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "run_petrarch_suites.py"
spec = importlib.util.spec_from_file_location("run_petrarch_suites", SCRIPT)
suites = importlib.util.module_from_spec(spec)
spec.loader.exec_module(suites)


def _event(doc, actor, recipient, cameo):
    return {"doc_id": doc, "cameo_code": cameo,
            "actor": [{"code": actor[:3], "sector": actor[3:]}], "recipient": [{"code": recipient[:3],
                                                                                "sector": recipient[3:]}]}


RECORDS = [
    {"id": "A", "category": "DEMO", "events": [{"source": "ARN", "target": "GONGOV", "cameo": "050"}]},
    {"id": "B", "category": "DEMO", "events": [{"source": "ARN", "target": "GON", "cameo": "042"}]},
    {"id": "C", "category": "NULL", "events": []},
    {"id": "D", "category": "NULL", "events": []},
    {"id": "E", "category": "DEMO", "evaluate": "false", "events": []},
]


def test_records_coded_as_expected_by_type_and_in_full():
    events = [_event("A", "ARN", "GONGOV", "050"),        # exact
              _event("B", "ARN", "MOR", "040"),           # same type (CONSULT), other recipient
              _event("D", "ARN", "GON", "042")]           # an event where none is expected
    counts = suites.tally(RECORDS, events)
    assert (counts["records"], counts["type"], counts["full"]) == (4, 3, 2)
    assert counts["by_category"]["NULL"] == {"records": 2, "type": 1, "full": 1}


def test_an_extra_event_spoils_the_record():
    events = [_event("A", "ARN", "GONGOV", "050"), _event("A", "GON", "ARN", "050")]
    assert not suites.as_expected(RECORDS[0], events, "type")
    assert suites.as_expected(RECORDS[0], events[:1], "full")
