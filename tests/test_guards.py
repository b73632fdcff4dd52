"""Tests that guard behaviour: the factor tests fail when extraction finds nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STUB = """
from manyi.annotate import factors
factors.FactorExtractor.extract = lambda self, text, tokens: []
factors.FactorExtractor.analyse = lambda self, text, tokens: ([], {})
"""
# Tests of pure helpers that never extract (clause splitting, irrealis, dimension rules).
NO_EXTRACTION = "not irrealis and not clauses_from_tokens and not comment_dimensions_keep"


def test_every_factor_test_fails_when_extraction_is_stubbed_out(tmp_path):
    (tmp_path / "stub_extraction.py").write_text(STUB, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(tmp_path)])}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", str(ROOT / "tests" / "test_factors.py"), "-q",
         "-p", "stub_extraction", "-p", "no:cacheprovider", "-k", NO_EXTRACTION, "-rA"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    lines = done.stdout.splitlines()
    passed = [line for line in lines if line.startswith("PASSED")]
    failed = [line for line in lines if line.startswith("FAILED")]
    assert len(failed) > 40, done.stdout[-2000:]
    assert passed == [], "\n".join(passed)


def _imports(src: Path) -> dict[str, set[str]]:
    """Module → the package modules it imports, at the top or inside functions.

    Modules are dotted names (``manyi.annotate.factors``); a package is its ``__init__``.
    The root ``manyi`` only re-exports the public API, so reading ``manyi.__version__``
    from inside is not an edge.
    """
    import ast

    def dotted(path: Path) -> str:
        parts = path.relative_to(src).with_suffix("").parts
        return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)

    modules = {dotted(path): path for path in (src / "manyi").rglob("*.py")}
    found: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                base = node.module
                targets = [f"{base}.{alias.name}" for alias in node.names]
                targets = [t if t in modules else base for t in targets]
            elif isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                continue
            found[name].update(t for t in targets if t in modules and t not in (name, "manyi"))
    return found


def _cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in graph[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in graph:
        if node not in index:
            visit(node)
    return groups


def test_no_import_cycles_function_level_imports_included():
    graph = _imports(ROOT / "src")
    assert "manyi.annotate.factors" in graph["manyi.annotate.annotator"]
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [{"a", "b", "c"}]
