"""No module of the package over 800 lines (STYLE, issue 9): the web explorer (``web/``) aside.

A module that grows past the limit is split into cohesive modules, the old one re-exporting the moved public
names (as ``actors.py`` -> ``actor_data.py``/``actor_coref.py``, ``dates.py`` -> ``date_text.py``/
``date_rules.py`` and ``batch.py`` -> ``batch_output.py``)."""
from __future__ import annotations

from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "newsevents"
MAX_LINES = 800
# Modules over the limit for now, each with the reason: the entry must go once the module is split (a test
# fails when a listed module is back under the limit, so the list cannot go stale).
OVER: dict[str, str] = {}
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "web" not in p.relative_to(PACKAGE).parts[:-1])


def lines(path: Path) -> int:
    """Number of lines of a file (a last line without a newline counts)."""
    text = path.read_text(encoding="utf-8")
    return text.count("\n") + (not text.endswith("\n") and bool(text))


def test_the_package_modules_are_found():
    names = {p.relative_to(PACKAGE).as_posix() for p in MODULES}
    assert {"actors.py", "dates.py", "batch.py", "engine/coder.py"} <= names
    assert not any(n.startswith("web/") for n in names)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_module_is_at_most_800_lines(path):
    if path.relative_to(PACKAGE).as_posix() in OVER:
        assert lines(path) > MAX_LINES, f"{path.name} is back under {MAX_LINES} lines: remove it from OVER"
        return
    assert lines(path) <= MAX_LINES, (
        f"{path.relative_to(PACKAGE)} has {lines(path)} lines (at most {MAX_LINES}): split it into cohesive "
        f"modules and re-export the moved public names from it")


def test_the_limit_catches_a_long_module(tmp_path):
    long = tmp_path / "long.py"
    long.write_text("x = 1\n" * (MAX_LINES + 1), encoding="utf-8")
    assert lines(long) == MAX_LINES + 1 > MAX_LINES
    (tmp_path / "short.py").write_text("x = 1\n" * MAX_LINES + "y = 2", encoding="utf-8")
    assert lines(tmp_path / "short.py") == MAX_LINES + 1


MAX_FUNCTION_LINES = 60
# Functions over the limit for now (module, qualified name): an entry must go once the function is split (a
# test fails when a listed function is back under the limit, so the list cannot go stale).
LONG_FUNCTIONS: set[tuple[str, str]] = set()


def function_lengths(path: Path) -> dict[str, int]:
    """Qualified name -> number of lines (decorators excluded, docstring included) of every function and
    method defined in a module, nested functions counted inside their parent."""
    import ast

    out: dict[str, int] = {}

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                name = prefix + child.name
                out[name] = child.end_lineno - child.lineno + 1
                visit(child, name + ".")
            elif isinstance(child, ast.ClassDef):
                visit(child, prefix + child.name + ".")

    visit(ast.parse(path.read_text(encoding="utf-8")), "")
    return out


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_functions_are_at_most_60_lines(path):
    module = path.relative_to(PACKAGE).as_posix()
    for name, n in function_lengths(path).items():
        if (module, name) in LONG_FUNCTIONS:
            assert n > MAX_FUNCTION_LINES, f"{module}: {name} is back under {MAX_FUNCTION_LINES} lines: " \
                                           f"remove it from LONG_FUNCTIONS"
            continue
        assert n <= MAX_FUNCTION_LINES, (f"{module}: {name} has {n} lines (at most {MAX_FUNCTION_LINES}): split "
                                         f"it into steps with names")


def test_the_listed_long_functions_exist():
    found = {(p.relative_to(PACKAGE).as_posix(), name) for p in MODULES for name in function_lengths(p)}
    assert LONG_FUNCTIONS <= found, sorted(LONG_FUNCTIONS - found)


def test_the_function_limit_catches_a_long_function(tmp_path):
    body = "".join(f"        x{i} = {i}\n" for i in range(MAX_FUNCTION_LINES))
    path = tmp_path / "m.py"
    path.write_text("class C:\n    def f(self):\n" + body + "\ndef g():\n    def h():\n        pass\n",
                    encoding="utf-8")
    lengths = function_lengths(path)
    assert lengths == {"C.f": MAX_FUNCTION_LINES + 1, "g": 3, "g.h": 2}
