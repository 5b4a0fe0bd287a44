"""SHACL validation of the store with pyshacl: the shapes of ontology/shapes.ttl.

Identity checks (勾稽关系) are sh:Warning: a report whose table does not balance is a finding
about the report, not an error in the graph, so warnings do not break conformance.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pyshacl
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

from ..extract import vocab
from .namespaces import PREFIXES
from .vocabulary import vocabulary_graph


@dataclass
class ValidationResult:
    focus: str
    shape: str
    path: str
    severity: str  # Violation | Warning | Info
    message: str
    value: str = ""


@dataclass
class ValidationReport:
    conforms: bool
    results: list[ValidationResult] = field(default_factory=list)

    @property
    def violations(self) -> list[ValidationResult]:
        return [r for r in self.results if r.severity == "Violation"]

    @property
    def warnings(self) -> list[ValidationResult]:
        return [r for r in self.results if r.severity == "Warning"]

    def by_shape(self) -> dict[str, list[ValidationResult]]:
        groups: dict[str, list[ValidationResult]] = defaultdict(list)
        for r in self.results:
            groups[r.shape].append(r)
        return dict(sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])))


def shapes_graph() -> Graph:
    g = Graph()
    g.parse(data=vocab.ontology_text("shapes.ttl"), format="turtle")
    return g


def _short(g: Graph, node) -> str:
    if node is None:
        return ""
    if isinstance(node, URIRef):
        try:
            return g.namespace_manager.normalizeUri(node)
        except Exception:
            return str(node)
    return str(node)


def validate_graph(data: Graph, base: str) -> ValidationReport:
    """Validate ``data`` (document triples) together with the vocabulary graph.

    Core constraints run in pyshacl. SPARQL-based constraints (the identities, the count checks)
    run on an Oxigraph copy of the data, each once for all its focus nodes: rdflib's SPARQL
    engine takes minutes over nested NOT EXISTS where Oxigraph takes milliseconds, and the
    result is the same as binding $this node by node."""
    full = Graph()
    for prefix, ns in PREFIXES.items():
        full.bind(prefix, ns)
    full += data
    full += vocabulary_graph(base)
    shapes = shapes_graph()
    core, sparql_constraints = split_sparql_constraints(shapes)
    conforms, report_graph, _ = pyshacl.validate(
        full, shacl_graph=core, inference="none", advanced=True, allow_warnings=True,
    )
    report = ValidationReport(bool(conforms))
    for prefix, ns in PREFIXES.items():
        report_graph.bind(prefix, ns)
    for r in report_graph.subjects(RDF.type, SH.ValidationResult):
        shape = report_graph.value(r, SH.sourceShape)
        severity = report_graph.value(r, SH.resultSeverity)
        msgs = [str(m) for m in report_graph.objects(r, SH.resultMessage)]
        report.results.append(ValidationResult(
            focus=str(report_graph.value(r, SH.focusNode) or ""),
            shape=_short(full, shape) if isinstance(shape, URIRef) else _shape_name(report_graph, r),
            path=_short(full, report_graph.value(r, SH.resultPath)),
            severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
            message="; ".join(sorted(msgs)),
            value=str(report_graph.value(r, SH.value) or ""),
        ))
    report.results.extend(run_sparql_constraints(full, sparql_constraints, shapes))
    report.results.sort(key=lambda x: (x.shape, x.focus, x.path, x.message))
    report.conforms = not report.violations
    return report


@dataclass
class SparqlConstraint:
    shape: URIRef
    targets: list[URIRef]  # sh:targetClass values
    select: str  # with PREFIX lines, $this renamed ?this
    message: str
    severity: str


def split_sparql_constraints(shapes: Graph) -> tuple[Graph, list[SparqlConstraint]]:
    """The shapes without their sh:sparql constraints, and those constraints ready to run."""
    core = Graph()
    core += shapes
    found: list[SparqlConstraint] = []
    for shape, constraint in sorted(shapes.subject_objects(SH.sparql), key=str):
        prefixes = []
        for pnode in shapes.objects(constraint, SH.prefixes):
            for decl in shapes.objects(pnode, SH.declare):
                prefixes.append(f"PREFIX {shapes.value(decl, SH.prefix)}: <{shapes.value(decl, SH.namespace)}>")
        select = str(shapes.value(constraint, SH.select)).replace("$this", "?this")
        severity = shapes.value(shape, SH.severity) or SH.Violation
        found.append(SparqlConstraint(
            shape=shape,
            targets=sorted(shapes.objects(shape, SH.targetClass), key=str),
            select="\n".join(sorted(set(prefixes))) + "\n" + select,
            message=str(shapes.value(constraint, SH.message) or "SPARQL constraint failed"),
            severity=str(severity).rsplit("#", 1)[-1],
        ))
        for t in list(core.triples((constraint, None, None))):
            core.remove(t)
        core.remove((shape, SH.sparql, constraint))
    return core, found


def run_sparql_constraints(data: Graph, constraints: list[SparqlConstraint], shapes: Graph) -> list[ValidationResult]:
    import pyoxigraph as ox

    store = ox.Store()
    store.load(data.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    results: list[ValidationResult] = []
    for c in constraints:
        focus = _focus_nodes(store, c.targets)
        for solution in store.query(c.select):
            this = solution["this"]
            if this is None or this.value not in focus:
                continue
            results.append(ValidationResult(
                focus=this.value, shape=_short(shapes, c.shape), path="", severity=c.severity,
                message=_fill(c.message, solution), value=_plain(_get(solution, "value"))))
    return results


def _focus_nodes(store, targets: list[URIRef]) -> set[str]:
    if not targets:
        return set()
    values = " ".join(f"<{t}>" for t in targets)
    q = f"SELECT DISTINCT ?s WHERE {{ VALUES ?c {{ {values} }} ?s a ?c }}"
    return {row["s"].value for row in store.query(q)}


def _get(solution, name: str):
    try:
        return solution[name]
    except (KeyError, IndexError, TypeError):
        return None


def _plain(term) -> str:
    if term is None:
        return ""
    return getattr(term, "value", str(term))


def _fill(template: str, solution) -> str:
    """sh:message placeholders {$this} and {?var} filled from one result row."""
    import re

    def sub(m):
        term = _get(solution, m.group(1))
        return m.group(0) if term is None else _plain(term)

    return re.sub(r"\{[?$](\w+)\}", sub, template)


def _shape_name(results: Graph, result) -> str:
    """A blank property shape, named by its node shape and path (blank ids differ between the
    shapes graph and pyshacl's report, so it is found by path and message)."""
    sg = shapes_graph()
    path = results.value(result, SH.resultPath)
    messages = {str(m) for m in results.objects(result, SH.resultMessage)}
    candidates = []
    for prop in sg.subjects(SH.path, path) if path is not None else []:
        parent = sg.value(predicate=SH.property, object=prop)
        if parent is None:
            continue
        own = {str(m) for m in sg.objects(prop, SH.message)}
        candidates.append((bool(own & messages), _short(sg, parent)))
    candidates.sort(reverse=True)
    name = candidates[0][1] if candidates else "(shape)"
    return f"{name} {_short(sg, path)}".strip()


def store_graph(store) -> Graph:
    """All document graphs of an Oxigraph store as one rdflib graph."""
    g = Graph()
    data = store.dump("nt")
    g.parse(data=data.decode("utf-8"), format="nt")
    return g


__all__ = ["validate_graph", "store_graph", "ValidationReport"]
