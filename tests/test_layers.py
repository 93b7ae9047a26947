"""The package's structure: layers point down, no import cycles, click only in ``cli/``.

Imports are read from the source (also those inside functions; ``TYPE_CHECKING`` blocks
aside), so a function-level import that hides a cycle is caught too.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "cfbu_toolkit"
TOP = "cfbu_toolkit"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


class _Imports(ast.NodeVisitor):
    def __init__(self, package: str) -> None:
        self.package = package
        self.found: set[str] = set()

    def visit_If(self, node: ast.If) -> None:
        test = node.test
        name = getattr(test, "id", None) or getattr(test, "attr", None)
        if name == "TYPE_CHECKING":
            for child in node.orelse:
                self.visit(child)
            return
        self.generic_visit(node)

    def visit_Import(self, node: ast.Import) -> None:
        self.found.update(alias.name for alias in node.names)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        base = node.module or ""
        if node.level:
            up = self.package.split(".")
            up = up[: len(up) - (node.level - 1)]
            base = ".".join(up + ([base] if base else []))
        self.found.add(base)
        self.found.update(f"{base}.{alias.name}" for alias in node.names)


def _graph() -> dict[str, set[str]]:
    """Module → the package's modules it imports."""
    files = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        visitor = _Imports(package)
        visitor.visit(ast.parse(path.read_text(encoding="utf-8")))
        targets = set()
        for imported in visitor.found:
            # "from .x import y" names a module x.y or a name y in x: keep what exists.
            while imported and imported not in files:
                imported = imported.rpartition(".")[0]
            if imported and imported != name and imported.startswith(TOP):
                targets.add(imported)
        graph[name] = targets
    return graph


def _area(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one member (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def test_no_area_of_the_package_imports_one_that_imports_it() -> None:
    areas: dict[str, set[str]] = {}
    for module, targets in _graph().items():
        for target in targets:
            if _area(module) != _area(target):
                areas.setdefault(_area(module), set()).add(_area(target))
    assert _cycles(areas) == []


def test_no_module_cycle() -> None:
    # Package __init__ modules re-export their children; a child importing a sibling
    # through the package is not a cycle of logic, so packages' own edges are left out.
    graph = {
        m: {t for t in targets if not m.startswith(t + ".")} for m, targets in _graph().items()
    }
    assert _cycles(graph) == []


def test_click_is_imported_only_in_the_command_package() -> None:
    outside = sorted(
        module
        for module, path in ((_module_name(p), p) for p in PACKAGE.rglob("*.py"))
        if _area(module) != "cli" and "import click" in path.read_text(encoding="utf-8")
    )
    assert outside == []


def test_the_graph_sees_imports_inside_functions() -> None:
    # The check above would pass vacuously if the walk missed function-level imports.
    graph = _graph()
    assert "cfbu_toolkit.api" in graph["cfbu_toolkit.cli.formats"]


def test_the_library_reaches_the_public_api_from_the_top_of_a_module() -> None:
    # A function-level import of the api hides where a module sits in the layers
    # (Portfolio.from_paths once loaded this way); only the command and the package's
    # __init__ (which loads its public names on first use) may import it late.
    late = []
    for path in PACKAGE.rglob("*.py"):
        module = _module_name(path)
        if _area(module) == "cli" or module == TOP:  # the package's lazy façade may
            continue
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                visitor = _Imports(package)
                for child in node.body:
                    visitor.visit(child)
                if any(name.startswith(f"{TOP}.api") for name in visitor.found):
                    late.append(f"{module}.{node.name}")
    assert late == []
