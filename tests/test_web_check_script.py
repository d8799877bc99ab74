"""scripts/web_check.py's own checks must hold on any store, the small demo store included: a one-event week's
tooltip says "1 event", and the actor page checked is the store's busiest actor, not a fixed RUS."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from web_check import busiest_actor, counts_events  # noqa: E402


@pytest.mark.parametrize("tip, ok", [("2024-01-01: 1 event (AID 1)", True), ("2024-01-08: 12 events (ASSAULT 7)", True),
                                     ("2024-01-15: 0 events", True), ("2024-01-22: mean Goldstein 2.0", False),
                                     ("eventsless", False)])
def test_the_timeline_tooltip_may_say_one_event(tip, ok):
    assert counts_events(tip) is ok


class _Api:
    def __init__(self, dyads):
        self.dyads = dyads

    def get(self, url):
        assert url.startswith("/api/dyads")
        return self

    def json(self):
        return self.dyads


class _Checker:
    def __init__(self, dyads):
        self.api = _Api(dyads)


def test_the_actor_page_checked_is_the_busiest_actor_seen_on_both_sides():
    dyads = [{"actor": "ECU", "recipient": "ECU", "n": 8}, {"actor": "FRA", "recipient": "GHA", "n": 5},
             {"actor": "GHA", "recipient": "FRA", "n": 3}, {"actor": "MLI", "recipient": "---", "n": 30},
             {"actor": "---", "recipient": "MLI", "n": 1}, {"actor": "SEN", "recipient": "CIV", "n": 40}]
    # MLI: 30 + 1 = 31 (both sides), ECU 16, FRA/GHA 8; SEN only as actor, --- is no country
    assert busiest_actor(_Checker(dyads)) == "MLI"
    assert busiest_actor(_Checker([{"actor": "SEN", "recipient": "CIV", "n": 2}])) == "SEN"  # nobody on both sides
