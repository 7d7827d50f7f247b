"""The tree keeps its shape: one way for data, no import tricks, short files, one request edge.

These read the source, not the running app: each rule here is one a new engineer relies on to
find where a thing goes (README, "Layout").
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("marketplace", "matching")
MAX_LINES = 300
# Modules that may import inside a function, and why.
LATE_IMPORTS_ALLOWED = {
    # Command-line tools load the demo generator or the trainer only when asked.
    "marketplace/commands.py": None,
}


def _sources() -> list[Path]:
    return sorted(p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py"))


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _top_level_imports(tree: ast.Module, module: str, known: set[str]) -> set[str]:
    """Modules of the project imported at module level (not under ``if TYPE_CHECKING``)."""
    found: set[str] = set()
    package = module
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in known)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - (1 if _is_package(module) else 0))[0]
                base = f"{anchor}.{base}" if base else anchor
            for alias in node.names:
                target = f"{base}.{alias.name}"
                found.add(target if target in known else base)
    return {m for m in found if m in known and m != module}


def _is_package(module: str) -> bool:
    return (ROOT / Path(*module.split(".")) / "__init__.py").exists()


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle in ``graph``, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_cycles():
    """Modules import each other one way only: a cycle would need a late import to load."""
    sources = {_module_name(p): p for p in _sources()}
    known = set(sources)
    graph = {m: _top_level_imports(_tree(p), m, known) for m, p in sources.items()}
    assert _cycle(graph) is None, " → ".join(_cycle(graph) or [])


def test_no_imports_inside_functions():
    """Imports sit at the top of a module, except in the command-line tools."""
    offenders = []
    for path in _sources():
        rel = path.relative_to(ROOT).as_posix()
        allowed = LATE_IMPORTS_ALLOWED.get(rel, set())
        for node in ast.walk(_tree(path)):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for inner in ast.walk(node):
                if isinstance(inner, ast.Import | ast.ImportFrom):
                    names = (
                        {inner.module}
                        if isinstance(inner, ast.ImportFrom)
                        else {a.name for a in inner.names}
                    )
                    if allowed is not None and not names <= allowed:
                        offenders.append(f"{rel}:{inner.lineno}")
    assert offenders == []


def test_no_imports_below_code():
    """No import at the bottom of a module (the trick that hides a cycle)."""
    offenders = []
    for path in _sources():
        seen_code = False
        for node in _tree(path).body:
            if isinstance(node, ast.FunctionDef | ast.ClassDef | ast.AsyncFunctionDef):
                seen_code = True
            elif seen_code and isinstance(node, ast.Import | ast.ImportFrom):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def test_files_are_short():
    """About 300 lines a file at most (STYLE 7): a longer one is split by concern."""
    long = {
        path.relative_to(ROOT).as_posix(): n
        for path in _sources()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def _route_modules() -> list[Path]:
    return [p for p in (ROOT / "marketplace").rglob("routes*.py")]


@pytest.mark.parametrize("path", _route_modules(), ids=lambda p: p.parent.name + "/" + p.name)
def test_routes_leave_commits_and_refusals_to_the_edge(path: Path):
    """A route parses, calls a service and renders: it never commits or maps a refusal."""
    tree = _tree(path)
    problems = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and ast.unparse(node.func).endswith(
            ("session.commit", "session.rollback")
        ):
            problems.append(f"line {node.lineno}: {ast.unparse(node.func)}")
        if isinstance(node, ast.ExceptHandler) and node.type is not None:
            caught = ast.unparse(node.type)
            if any(name in caught for name in ("NotFound", "Forbidden", "DomainError")):
                problems.append(f"line {node.lineno}: except {caught}")
    assert problems == []


def test_blueprints_are_defined_in_routes_modules():
    """A package's ``__init__`` holds no blueprint: ``bp`` lives in the routes module."""
    inits = [
        p for p in (ROOT / "marketplace").rglob("__init__.py") if "Blueprint(" in p.read_text()
    ]
    assert inits == []


def test_matching_and_policy_stand_alone():
    """``matching/`` never imports the app; ``policy/`` imports neither Flask nor the database."""
    offenders = []
    for path in _sources():
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith("matching/"):
            banned = ("marketplace", "flask", "sqlalchemy")
        elif rel.startswith("marketplace/policy/"):
            banned = ("flask", "flask_babel", "sqlalchemy", "marketplace.models")
        else:
            continue
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            if any(n == b or n.startswith(b + ".") for n in names for b in banned):
                offenders.append(f"{rel}:{node.lineno}")
    assert offenders == []
