"""The engine holds no natural-language words: they live in ``lang/<code>/`` data (issue 9, STYLE).

A heuristic: a string literal of the engine (docstrings aside) made only of lowercase letters, apostrophes,
hyphens and spaces, or a dependency label with a subtype ("obl:arg"), is a word of a language unless it is engine
vocabulary: a universal dependency label, a rule, stage or kind name, a modality, a field or kind value.

The words not yet moved to data are listed per module in ``DEBT`` (the migration is mechanical and under way):
a module may not gain a word that is not in its list, and a word moved out must leave the list too.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from newsevents.engine.rulebook import REGISTRY
from newsevents.engine.rules import KINDS, STAGES
from newsevents.langdata import load_language
from newsevents.lexicon import Lexicon
from newsevents.records import MODALITIES

ENGINE = Path(__file__).resolve().parents[1] / "src" / "newsevents" / "engine"
LEXICON = Lexicon.from_data(load_language("fr"))
WORDLIKE = re.compile(r"^(?=.*[a-zà-ÿœæ])[a-zà-ÿœæ'’\- ]+$|^[a-z]+:[a-z]+$")
UNIVERSAL_LABELS = set(
    "acl advcl advmod amod appos aux case cc ccomp clf compound conj cop csubj dep det discourse dislocated expl "
    "fixed flat goeswith iobj list mark nmod nsubj nummod obj obl orphan parataxis punct reparandum root "
    "vocative xcomp".split())
VOCABULARY = UNIVERSAL_LABELS | {r.name for r in REGISTRY} | set(STAGES) | set(KINDS) | set(MODALITIES) | {
    # frame slots, mention kinds, date precisions, trace effects and notes
    "actor", "actors", "recipient", "recipients", "participants", "person", "country", "capital", "demonym",
    "org", "igo", "region", "group", "agent", "guessed", "interval", "publication", "unresolved", "future", "intent",
    "announced", "candidate", "dropped", "fired", "lexicon", "synthetic", "drop", "step", "duplicate",
    "event dropped", "absorbed", "noun_topic", "refused_act", "in_answered_request", "pattern_object", "in_name",
    "unvoiced", "unnamed_repeat", "confident", "model_veto", "model_proposal", "model_rescue", "spared by model_rescue",
} | set(LEXICON.cues) | set(LEXICON.labels)  # names of data lists are keys, not words

# Words still in the engine, per module, to be moved to lang/<code>/ data (cues.yaml, syntax.yaml).
DEBT = {
    "frames.py": "acl:relcl nsubj:pass obl:agent obl:arg obl:mod",
    "repairs.py": "acl:relcl aux:pass flat:name nsubj:pass obl:mod",
}


def words_in(path: Path) -> set[str]:
    """Word-like string literals of a module, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = {id(n.body[0].value) for n in ast.walk(tree)
               if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and n.body
               and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    skipped |= {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}  # messages
    return {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
            and id(n) not in skipped and WORDLIKE.match(n.value) and n.value not in VOCABULARY}


@pytest.mark.parametrize("path", sorted(ENGINE.glob("*.py")), ids=lambda p: p.name)
def test_no_new_natural_language_literal(path):
    found = words_in(path)
    debt = set(DEBT.get(path.name, "").split())
    new = found - debt
    assert not new, f"{path.name}: natural-language literals {sorted(new)}: put them in lang/<code>/ data"
    moved = debt - found
    assert not moved, f"{path.name}: {sorted(moved)} no longer in the module: remove them from DEBT"


def test_the_heuristic_sees_a_word():
    assert WORDLIKE.match("n’") and WORDLIKE.match("obl:arg") and WORDLIKE.match("en cas de")
    assert not WORDLIKE.match("nsubj_pass") and not WORDLIKE.match("VERB") and not WORDLIKE.match("---")
