"""The layers point one way: each module imports only from its own layer or the ones below, and no
two modules import each other, directly or round a loop.

Read from the source (every import, including those inside functions and for type checking only),
so the rule holds for imports made late to keep start-up fast as much as for those at the top.
"""

from __future__ import annotations

import ast
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "govcheck"

# From the bottom up. A module belongs to the layer of the longest prefix that names it.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("govcheck", "govcheck.engine", "govcheck.engine.core"),
    (
        "govcheck.engine.reading",
        "govcheck.engine.facts",
        "govcheck.engine.workbook",
        "govcheck.engine.calendar",
        "govcheck.engine.cache",
    ),
    ("govcheck.checks",),
    ("govcheck.engine.packs", "govcheck.engine.assess", "govcheck.engine.history"),
    ("govcheck.reports", "govcheck.importers"),
    # The fronts: the command line and the language server each sit on the library and on reports.
    ("govcheck.cli", "govcheck.lsp", "govcheck.__main__"),
)


def layer_of(module: str) -> int:
    best, found = -1, -1
    for index, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best:
                best, found = len(prefix), index
    if found < 0:
        raise AssertionError(f"{module} is in no layer: add it to LAYERS")
    return found


def module_name(path: Path, package: Path) -> str:
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules(package: Path) -> dict[str, Path]:
    # The package's folders are links to the code folders: walking it, through the links, sees what installs.
    found = [Path(top) / name for top, _, names in os.walk(package, followlinks=True) for name in names]
    return {module_name(path, package): path for path in sorted(found) if path.suffix == ".py"}


def imports_of(name: str, path: Path, known: set[str]) -> Iterator[tuple[str, int]]:
    """Each govcheck module that ``name`` imports, with the line of the import."""
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = name.split(".")[: len(name.split(".")) - node.level + (1 if is_package else 0)]
                base = ".".join([*anchor, *([base] if base else [])])
            # `from govcheck.engine import cache` imports the module govcheck.engine.cache.
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
        else:
            continue
        for target in targets:
            if target.startswith("govcheck"):
                yield target, node.lineno


def graph(package: Path) -> dict[str, dict[str, int]]:
    found = modules(package)
    known = set(found)
    edges: dict[str, dict[str, int]] = {}
    for name, path in found.items():
        edges[name] = {}
        for target, line in imports_of(name, path, known):
            if target != name and target in known:
                edges[name].setdefault(target, line)
    return edges


def upward(edges: dict[str, dict[str, int]]) -> list[str]:
    return [
        f"{source}:{line} imports {target} (layer {layer_of(target)} is above layer {layer_of(source)})"
        for source, targets in edges.items()
        for target, line in targets.items()
        if layer_of(target) > layer_of(source) and not source.startswith(target + ".")
    ]


def cycles(edges: dict[str, dict[str, int]]) -> list[list[str]]:
    """Every strongly connected group of two or more modules (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in edges.get(node, {}):
            # A package's __init__ importing its own modules is how a package offers them, not a loop.
            if node.startswith(target + ".") or (target.startswith(node + ".") and node in _packages):
                continue
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    _packages = {name for name, path in modules(PACKAGE).items() if path.name == "__init__.py"}
    for node in sorted(edges):
        if node not in index:
            visit(node)
    return groups


@pytest.fixture(scope="module")
def edges() -> dict[str, dict[str, int]]:
    return graph(PACKAGE)


def test_every_module_has_a_layer(edges: dict[str, dict[str, int]]) -> None:
    for name in edges:
        layer_of(name)


def test_no_import_points_up(edges: dict[str, dict[str, int]]) -> None:
    assert upward(edges) == []


def test_no_modules_import_each_other(edges: dict[str, dict[str, int]]) -> None:
    assert cycles(edges) == []


def test_an_upward_import_is_caught(tmp_path: Path) -> None:
    package = tmp_path / "govcheck"
    (package / "engine" / "core").mkdir(parents=True)
    (package / "reports").mkdir()
    for folder in (package, package / "engine", package / "engine" / "core", package / "reports"):
        (folder / "__init__.py").write_text("")
    (package / "reports" / "text.py").write_text("")
    (package / "engine" / "core" / "results.py").write_text("from govcheck.reports import text\n")
    assert upward(graph(package)) == [
        "govcheck.engine.core.results:1 imports govcheck.reports.text (layer 4 is above layer 0)"
    ]


def test_a_loop_is_caught(tmp_path: Path) -> None:
    package = tmp_path / "govcheck"
    (package / "checks").mkdir(parents=True)
    for folder in (package, package / "checks"):
        (folder / "__init__.py").write_text("")
    (package / "checks" / "a.py").write_text("def f():\n    from govcheck.checks import b\n")
    (package / "checks" / "b.py").write_text("from govcheck.checks.a import f\n")
    assert cycles(graph(package)) == [["govcheck.checks.a", "govcheck.checks.b"]]
