"""Size limits of the coder's engine package (src/newsevents/engine): no module over 800 lines, no function
over 60 lines (STYLE and issue 9)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ENGINE = Path(__file__).resolve().parents[1] / "src" / "newsevents" / "engine"
MODULES = sorted(ENGINE.glob("*.py"))


def test_the_engine_has_modules():
    assert {"coder.py", "sentence.py", "rulebook.py", "rules.py", "trace.py"} <= {p.name for p in MODULES}


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_module_and_function_sizes(path):
    text = path.read_text(encoding="utf-8")
    assert text.count("\n") <= 800, f"{path.name} has {text.count(chr(10))} lines (at most 800)"
    long = [f"{n.name} ({n.end_lineno - n.lineno + 1} lines)" for n in ast.walk(ast.parse(text))
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.end_lineno - n.lineno + 1 > 60]
    assert not long, f"{path.name}: functions over 60 lines: {', '.join(long)}"
