"""Unit tests of the explorer's pure parts: evidence-span segmentation and chart geometry (no server)."""
from __future__ import annotations

import logging

import pytest

from newsevents.web.charts import dyad_network, goldstein_colour, key_colour, timeline_chart
from newsevents.web.highlight import KINDS, Span, event_spans, segments

from web_samples import DOC1, sample_results


# -- highlight ---------------------------------------------------------------------------------------------

def test_segments_cover_the_text_and_mark_each_span():
    text = "Le ministre a parlé hier à Rome."
    spans = [Span(3, 11, "actor", "actor ITA GOV"), Span(14, 19, "event"), Span(20, 24, "date"),
             Span(27, 31, "place")]
    segs = segments(text, spans)
    assert "".join(s.text for s in segs) == text
    marked = {s.text: s.kinds for s in segs if s.kinds}
    assert marked == {"ministre": ("actor",), "parlé": ("event",), "hier": ("date",), "Rome": ("place",)}
    assert [s.title for s in segs if s.text == "ministre"] == ["actor ITA GOV"]


def test_segments_nested_spans_get_both_kinds_in_kind_order():
    text = "selon le porte-parole du Kremlin"
    segs = segments(text, [Span(0, 32, "attribution"), Span(25, 32, "actor"), Span(0, 32, "sentence")])
    assert "".join(s.text for s in segs) == text
    assert segs[-1].text == "Kremlin"
    assert segs[-1].kinds == ("actor", "attribution", "sentence")
    assert segs[-1].css == "hl hl-actor hl-attribution hl-sentence"
    assert segs[0].kinds == ("attribution", "sentence")


def test_segments_drop_spans_outside_the_text():
    segs = segments("court", [Span(2, 40, "actor"), Span(3, 3, "event"), Span(-1, 2, "date")])
    assert segs == [segments("court", [])[0]]
    assert segs[0].kinds == ()


def test_empty_spans_are_dropped_without_a_warning_out_of_range_ones_with_one(caplog):
    """An inferred participant has an empty span (start == end) on purpose: no warning for it; a span beyond
    the text, or reversed, still gets one naming it."""
    with caplog.at_level(logging.WARNING, logger="newsevents.web.highlight"):
        segs = segments("un texte court", [Span(3, 3, "recipient"), Span(14, 14, "actor"), Span(0, 2, "event")])
    assert [(g.text, g.kinds) for g in segs] == [("un", ("event",)), (" texte court", ())]
    assert caplog.records == []
    with caplog.at_level(logging.WARNING, logger="newsevents.web.highlight"):
        segments("un texte court", [Span(20, 20, "recipient"), Span(5, 2, "date"), Span(3, 40, "actor")])
    assert [r.getMessage() for r in caplog.records] == [
        "span 20-20 (recipient) outside a text of 14 characters: not highlighted",
        "span 5-2 (date) outside a text of 14 characters: not highlighted",
        "span 3-40 (actor) outside a text of 14 characters: not highlighted"]


def test_event_spans_point_at_the_evidence_words():
    e1 = sample_results()[0].events[0].to_dict()
    found = {(s.kind, DOC1[s.start:s.end]) for s in event_spans(e1)}
    assert ("actor", "président français") in found
    assert ("recipient", "chancelier allemand") in found
    assert ("event", "a rencontré") in found
    assert ("date", "mardi") in found
    assert ("place", "Berlin") in found
    assert ("attribution", "selon l'AFP") in found
    assert {k for k, _ in found} == {*KINDS, "sentence"}
    assert "sentence" not in {s.kind for s in event_spans(e1, with_sentence=False)}


def test_event_spans_skip_absent_parts():
    e2 = sample_results()[0].events[1].to_dict()  # no date span, no place, no attribution
    kinds = [s.kind for s in event_spans(e2, with_sentence=False)]
    assert sorted(kinds) == ["actor", "actor", "event", "recipient"]


# -- colours -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("score, colour", [
    (-10, "#d73027"), (0, "#9e9e9e"), (10, "#1a9850"), (25, "#1a9850"), (-30, "#d73027"), (None, "#cccccc"),
    (5, "#5c9b77"),  # halfway between grey (158,158,158) and green (26,152,80)
])
def test_goldstein_colour(score, colour):
    assert goldstein_colour(score) == colour


def test_key_colours_are_distinct_for_the_plover_types():
    from newsevents.codes import PLOVER_TYPES

    assert len({key_colour(t, "event_type") for t in PLOVER_TYPES}) == 16
    assert key_colour("4", "quad_class") != key_colour("1", "quad_class")


# -- timeline ----------------------------------------------------------------------------------------------

def test_timeline_chart_stacks_bars_and_weights_the_goldstein_mean():
    rows = [
        {"period": "2024-01-01", "key": "CONSULT", "n": 2, "mean_goldstein": 1.0},
        {"period": "2024-01-01", "key": "ASSAULT", "n": 1, "mean_goldstein": -2.0},
        {"period": "2024-01-08", "key": "CONSULT", "n": 1, "mean_goldstein": None},
    ]
    chart = timeline_chart(rows, by="event_type", width=500, height=300)
    plot_h = 300 - chart.top - chart.bottom
    assert chart.periods == 2 and chart.total == 4
    assert len(chart.bars) == 3
    first = [b for b in chart.bars if b["period"] == "2024-01-01"]
    # y axis tops at 3 events: the first period's stack fills the plot height
    assert sum(float(b["h"]) for b in first) == pytest.approx(plot_h, abs=0.2)
    assert float(next(b["h"] for b in first if b["key"] == "CONSULT")) == pytest.approx(plot_h * 2 / 3, abs=0.1)
    # PLOVER order: CONSULT (2nd type) is stacked below ASSAULT (16th)
    assert first[0]["key"] == "CONSULT"
    # weighted mean (2*1 + 1*-2)/3 = 0 sits at the middle of the right axis; the period without a score has no point
    assert len(chart.points) == 1
    assert chart.points[0]["goldstein"] == 0.0
    assert float(chart.points[0]["y"]) == pytest.approx(chart.top + plot_h / 2, abs=0.1)
    assert chart.line.startswith("M")
    assert [label for label, _ in chart.legend] == ["CONSULT", "ASSAULT"]


def test_timeline_chart_empty():
    chart = timeline_chart([], by="quad_class")
    assert chart.bars == [] and chart.line == "" and chart.periods == 0


def test_timeline_chart_thins_x_labels():
    rows = [{"period": f"2024-01-{d:02d}", "key": "1", "n": 1, "mean_goldstein": 1.0} for d in range(1, 31)]
    chart = timeline_chart(rows, by="quad_class", max_x_labels=10)
    assert len(chart.x_ticks) == 10
    assert chart.legend == [("1 verbal cooperation", key_colour("1", "quad_class"))]


# -- dyads -------------------------------------------------------------------------------------------------

def test_dyad_network_nodes_edges_and_loops():
    rows = [
        {"actor": "RUS", "recipient": "UKR", "n": 8, "mean_goldstein": -7.0},
        {"actor": "UKR", "recipient": "RUS", "n": 2, "mean_goldstein": -4.0},
        {"actor": "FRA", "recipient": "FRA", "n": 1, "mean_goldstein": 2.0},
        {"actor": "MLI", "recipient": "", "n": 5, "mean_goldstein": 0.0},  # no recipient: ignored
    ]
    net = dyad_network(rows, width=400, height=400)
    assert [n["code"] for n in net.nodes] == ["RUS", "UKR", "FRA"]  # busiest first; ties by code
    assert [n["n"] for n in net.nodes] == [10, 10, 1]
    edges = {(e["actor"], e["recipient"]): e for e in net.edges}
    assert set(edges) == {("RUS", "UKR"), ("UKR", "RUS"), ("FRA", "FRA")}
    assert float(edges["RUS", "UKR"]["width"]) == pytest.approx(8.0)  # the busiest edge gets the full width
    assert edges["RUS", "UKR"]["colour"] == goldstein_colour(-7.0)
    assert edges["RUS", "UKR"]["path"] != edges["UKR", "RUS"]["path"]
    assert edges["FRA", "FRA"]["path"].count("C") == 1  # a loop
    assert net.nodes[0]["y"] < net.nodes[1]["y"] or net.nodes[0]["x"] != net.nodes[1]["x"]


def test_dyad_network_keeps_the_busiest_countries():
    rows = [{"actor": "AAA", "recipient": "BBB", "n": 5, "mean_goldstein": None},
            {"actor": "CCC", "recipient": "DDD", "n": 1, "mean_goldstein": 1.0}]
    net = dyad_network(rows, max_nodes=2)
    assert {n["code"] for n in net.nodes} == {"AAA", "BBB"}
    assert net.dropped == 1
    assert net.edges[0]["colour"] == "#cccccc"
