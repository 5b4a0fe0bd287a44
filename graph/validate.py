"""SHACL validation of the store with pyshacl: the shapes of ontology/shapes.ttl.

Identity checks (勾稽关系) are sh:Warning: a report whose table does not balance is a finding
about the report, not an error in the graph, so warnings do not break conformance.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pyshacl
from rdflib import Graph, Literal, URIRef
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
    """Validate ``data`` (document triples) together with the vocabulary graph."""
    full = Graph()
    for prefix, ns in PREFIXES.items():
        full.bind(prefix, ns)
    full += data
    full += vocabulary_graph(base)
    conforms, report_graph, _ = pyshacl.validate(
        full, shacl_graph=shapes_graph(), inference="none", advanced=True, allow_warnings=True,
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
    report.results.sort(key=lambda x: (x.shape, x.focus, x.path, x.message))
    report.conforms = not report.violations
    return report


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


__all__ = ["validate_graph", "store_graph", "ValidationReport", "Literal"]
