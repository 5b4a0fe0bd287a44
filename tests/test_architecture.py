"""Imports run one way: ontology ← extract ← graph, and no module imports itself back through
another (README "Architecture"). Read from the source with ast, function-level imports included."""
from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parents[1]
# import name of each top-level folder that holds the package (pyproject's package-dir)
FOLDERS = {"extract": "disclosure_kg.extract", "graph": "disclosure_kg.graph",
           "ontology": "disclosure_kg.ontology", "queries": "disclosure_kg.queries"}
ROOT_PACKAGE = ROOT / "graph" / "disclosure_kg"  # the root of the import name (README: Architecture)
# a layer may import the layers after it in this list, never the ones before
LAYERS = ["disclosure_kg", "disclosure_kg.graph", "disclosure_kg.extract", "disclosure_kg.queries",
          "disclosure_kg.ontology"]


def _module_name(path: Path) -> str:
    if path.parent == ROOT_PACKAGE:
        return "disclosure_kg" if path.name == "__init__.py" else f"disclosure_kg.{path.stem}"
    folder, *rest = path.relative_to(ROOT).with_suffix("").parts
    parts = [FOLDERS[folder], *rest]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """The project modules one file imports (``from . import x`` counts as importing x)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("disclosure_kg")}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            elif node.module and node.module.startswith("disclosure_kg"):
                target = node.module
            else:
                continue
            if node.module:  # from .x import y: module x (y may be a name in it, or a submodule)
                out.add(target)
            out |= {f"{target}.{a.name}" for a in node.names}  # from .. import x: module x only
    return out


def _graph() -> nx.DiGraph:
    files = {_module_name(p): p for folder in FOLDERS for p in (ROOT / folder).rglob("*.py")}
    g = nx.DiGraph()
    g.add_nodes_from(files)
    for name, path in files.items():
        g.add_edges_from((name, target) for target in _imports(path) if target in files and target != name)
    return g


def _layer(module: str) -> int:
    if module in ("disclosure_kg", "disclosure_kg.__main__"):
        return 0
    return next(i for i, prefix in enumerate(LAYERS[1:], 1) if module == prefix or module.startswith(prefix + "."))


def test_the_import_graph_is_read():
    g = _graph()
    assert ("disclosure_kg", "disclosure_kg.graph.api") in g.edges
    assert ("disclosure_kg.extract.pipeline", "disclosure_kg.extract.reader") in g.edges
    assert ("disclosure_kg.graph.triples", "disclosure_kg.graph.namespaces") in g.edges


def test_layers_import_only_downwards():
    g = _graph()
    upward = sorted((a, b) for a, b in g.edges if _layer(b) < _layer(a))
    assert upward == []


@pytest.mark.parametrize("layer", ["disclosure_kg.extract", "disclosure_kg.graph"])
def test_no_import_cycles(layer):
    g = _graph()
    # a package's __init__ re-exporting its modules is not a cycle of logic
    modules = g.subgraph(n for n in g if n.startswith(layer + "."))
    edges = [(a, b) for a, b in modules.edges if not _is_package_init(b)]
    cycles = list(nx.simple_cycles(nx.DiGraph(edges)))
    assert cycles == []


def _is_package_init(module: str) -> bool:
    return any((ROOT / folder / Path(*module.split(".")[2:]) / "__init__.py").is_file()
               for folder in FOLDERS if module.startswith(FOLDERS[folder]))
