"""``newsevents explain``: the trace of the coder on a made-up text and on a stored document."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from newsevents import cli
from newsevents.store import Store

# "refusé" is dropped by the rule refused_act (the refused act is coded, negated); "protester" is the purpose of
# the attack (rule purpose_clause).
TEXT = ("Paris a refusé de condamner Moscou. La Russie a lancé mardi une attaque contre l'Ukraine pour protester "
        "contre les sanctions.")


def run(*args):
    return CliRunner().invoke(cli.main, [str(a) for a in args])


@pytest.mark.model
def test_explain_text_names_the_rules_and_shows_the_events(shared_model):
    result = run("explain", TEXT, "--published", "2024-03-14")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "'refusé' (refuser, verb) [8:14] frame refuser 120: DROPPED by refused_act" in out
    assert "DROPPED by purpose_clause" in out
    assert "ACCUSE 111 negated: FRA/GOV 'Paris' -> RUS/GOV 'Moscou'" in out
    assert "evidence: Paris a refusé de [condamner] Moscou." in out
    assert "2024-03-12 (day, 'mardi')" in out  # the attack's date, resolved against --published
    assert "parse (index, word" in out and "refusé             refuser          VERB   ROOT" in out
    assert "parse (index" not in run("explain", TEXT, "--no-parse").output
    assert out.startswith("language: fr (identified from the text")
    assert run("explain", TEXT, "--lang", "fr", "--no-parse").output.startswith("language: fr (given)")


@pytest.mark.model
def test_explain_a_stored_document(shared_model, tmp_path):
    (tmp_path / "doc1.txt").write_text(TEXT, encoding="utf-8")
    db = tmp_path / "events.duckdb"
    assert run("ingest", tmp_path / "doc1.txt", "--db", db, "--published", "2024-03-14", "--lang", "fr").exit_code == 0
    with Store(db, read_only=True) as store:
        stored = store.get_document("doc1")["events"]
    result = run("explain", "--id", "doc1", "--db", db, "--no-parse")
    assert result.exit_code == 0, result.output
    assert stored and all(f"id {e['id']}" in result.output for e in stored)
    assert "DROPPED by refused_act" in result.output


def test_explain_needs_text_or_id_and_a_known_document(tmp_path):
    assert run("explain").exit_code == 2
    assert run("explain", "Paris a parlé.", "--id", "x").exit_code == 2
    assert run("explain", "Paris a parlé.", "--published", "mardi").exit_code == 2
    db = tmp_path / "empty.duckdb"
    Store(db).close()
    result = run("explain", "--id", "missing-doc", "--db", db)
    assert result.exit_code == 1 and "no document 'missing-doc'" in result.output


@pytest.mark.model
def test_a_sentence_without_candidates_is_said_to_have_none(shared_model):
    result = run("explain", "Paris a condamné Moscou. Il faisait beau ce jour-là.", "--no-parse")
    assert result.exit_code == 0, result.output
    assert "sentence 2 [25:52]: no trigger candidate" in result.output
    assert "ACCUSE" in result.output  # the first sentence still has its event
    none = run("explain", "Il faisait beau ce jour-là.", "--no-parse")
    assert "no trigger candidate: no lexicon frame matched" in none.output


@pytest.mark.model
def test_a_sentence_without_candidates_shows_its_text_and_parse(shared_model):
    """Why a sentence got no event is what a user asks most; its parse (lemma, label) used to be left out,
    the very case where it says why (here 'beau' is no lexicon word)."""
    result = run("explain", "Paris a condamné Moscou. Il faisait beau ce jour-là.", "--lang", "fr")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    start = lines.index("sentence 2 [25:52]: no trigger candidate: Il faisait beau ce jour-là.")
    assert lines[start + 1].startswith("  parse (index, word, lemma")
    assert any(" beau " in line for line in lines[start + 2:])
    short = run("explain", "Il faisait beau ce jour-là.", "--lang", "fr", "--no-parse")
    assert "parse (index" not in short.output and "no trigger candidate: Il faisait beau" in short.output
