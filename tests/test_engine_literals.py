"""The engine holds no natural-language words and no dependency labels: they live in ``lang/<code>/`` data
(issue 9, STYLE): words in ``cues.yaml`` and ``syntax.yaml`` ``words``, labels in ``syntax.yaml`` ``labels`` (sets,
``Lexicon.label``) and ``relations`` (one label a universal relation, ``Lexicon.rel``).

A heuristic for words: a string literal of the engine (docstrings aside) made only of lowercase letters,
apostrophes, hyphens and spaces is a word of a language unless it is engine vocabulary: a rule, stage or kind
name, a modality, a field or kind value. A dependency label is any literal that is a UD v2 relation, with or
without a subtype ("obj", "obl:arg"), or spaCy's "ROOT".

Labels not yet moved out of the modules the engine uses (outside ``engine/``) are listed per module in
``LABEL_DEBT``: a module may not gain a label that is not in its list, and a label moved out must leave the list.
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
SRC = ENGINE.parent
UNIVERSAL_LABELS = set(
    "acl advcl advmod amod appos aux case cc ccomp clf compound conj cop csubj dep det discourse dislocated expl "
    "fixed flat goeswith iobj list mark nmod nsubj nummod obj obl orphan parataxis punct reparandum root "
    "vocative xcomp".split())
VOCABULARY = {r.name for r in REGISTRY} | set(STAGES) | set(KINDS) | set(MODALITIES) | {
    # frame slots, mention kinds, date precisions, trace effects and notes
    "actor", "actors", "recipient", "recipients", "participants", "person", "country", "capital", "demonym",
    "org", "igo", "region", "group", "agent", "guessed", "interval", "publication", "unresolved", "future", "intent",
    "announced", "candidate", "dropped", "fired", "lexicon", "synthetic", "drop", "step", "duplicate",
    "event dropped", "absorbed", "noun_topic", "refused_act", "in_answered_request", "pattern_object", "in_name",
    "unvoiced", "unnamed_repeat", "confident", "model_veto", "model_proposal", "model_rescue", "spared by model_rescue",
} | set(LEXICON.cues) | set(LEXICON.labels)  # names of data lists are keys, not words

# Dependency labels still in modules the engine uses (outside engine/), per module, to be moved to syntax.yaml.
LABEL_DEBT = {
    "actor_data.py": "ROOT acl:relcl advcl amod appos aux cc ccomp compound conj csubj discourse dislocated expl:subj "
                     "fixed flat flat:foreign flat:name iobj list nmod nmod:poss nsubj nsubj:pass nummod obj obl "
                     "obl:agent obl:arg obl:mod parataxis reparandum vocative xcomp",
    "actor_agents.py": "amod appos case cc compound conj flat flat:name nmod nsubj obl:agent acl",
    "actor_coref.py": "appos compound fixed flat flat:name nmod nsubj obl obl:mod",
    "actor_titles.py": "acl acl:relcl appos case compound det flat flat:name nmod obl:mod",
    "actors.py": "acl amod case cc compound conj det flat:name mark nmod nmod:poss nsubj nummod",
    "learned.py": "root",  # a feature name (the token is its sentence's root), kept for the trained models
    "places.py": "acl acl:relcl case conj det nmod nsubj nsubj:pass obj obl:arg obl:mod xcomp",
}
USED_MODULES = sorted(SRC / name for name in LABEL_DEBT)
"""Modules outside engine/ that the engine calls (features of the learned stage, places, the actor resolver)."""


def is_label(text: str) -> bool:
    """Whether ``text`` is a dependency label: a UD v2 relation, with or without a subtype, or spaCy's root."""
    return text == "ROOT" or text.split(":")[0] in UNIVERSAL_LABELS and re.fullmatch(r"[a-z]+(:[a-z]+)?", text)


def literals(path: Path) -> set[str]:
    """String literals of a module, docstrings and the parts of f-strings (messages) left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = {id(n.body[0].value) for n in ast.walk(tree)
               if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and n.body
               and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    skipped |= {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
    return {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
            and id(n) not in skipped}


def words_in(path: Path) -> set[str]:
    """Word-like string literals of a module that are neither engine vocabulary nor dependency labels."""
    return {w for w in literals(path) if WORDLIKE.match(w) and w not in VOCABULARY and not is_label(w)}


@pytest.mark.parametrize("path", sorted(ENGINE.glob("*.py")), ids=lambda p: p.name)
def test_no_natural_language_literal(path):
    found = words_in(path)
    assert not found, f"{path.name}: natural-language literals {sorted(found)}: put them in lang/<code>/ data"


@pytest.mark.parametrize("path", sorted(ENGINE.glob("*.py")), ids=lambda p: p.name)
def test_no_dependency_label_literal_in_the_engine(path):
    found = sorted(w for w in literals(path) if is_label(w))
    assert not found, (f"engine/{path.name}: dependency labels {found}: read them from syntax.yaml "
                       f"(lex.rel.<relation>, lex.label(<set>))")


@pytest.mark.parametrize("path", USED_MODULES, ids=lambda p: p.name)
def test_modules_the_engine_uses_gain_no_dependency_label(path):
    found = {w for w in literals(path) if is_label(w)}
    debt = set(LABEL_DEBT[path.name].split())
    assert not found - debt, f"{path.name}: dependency labels {sorted(found - debt)}: read them from syntax.yaml"
    assert not debt - found, f"{path.name}: {sorted(debt - found)} no longer in the module: remove them from LABEL_DEBT"


def test_the_heuristics_see_a_word_and_a_label():
    assert WORDLIKE.match("n’") and WORDLIKE.match("obl:arg") and WORDLIKE.match("en cas de")
    assert not WORDLIKE.match("nsubj_pass") and not WORDLIKE.match("VERB") and not WORDLIKE.match("---")
    assert is_label("obj") and is_label("obl:arg") and is_label("ROOT") and is_label("nmod:poss")
    assert not is_label("object") and not is_label("VERB") and not is_label("en cas de") and not is_label("obj ")
