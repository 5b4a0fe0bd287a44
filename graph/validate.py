"""SHACL validation against the shapes of ontology/shapes.ttl.

- validate_store: a whole store, in Oxigraph (core constraints compiled to SPARQL by
  graph/shacl_store.py, sh:sparql constraints by graph/shacl_sparql.py), with no copy of it.
- validate_graph: an rdflib graph (with the vocabulary), through an in-memory Oxigraph store.
- validate_document: one document's triples as they are built, in Python (graph/shacl_local.py);
  core constraints only, since shapes with SPARQL targets and sh:sparql need the whole store.
- pyshacl_report: the same shapes in pySHACL, the reference the others are tested against.

Identity checks (勾稽关系) are sh:Warning: a report whose table does not balance is a finding
about the report, not an error in the graph, so warnings do not break conformance.
"""
from __future__ import annotations

import dataclasses
import os
from collections import defaultdict
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache, partial

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

from ..extract import vocab
from .iri import Minter
from .namespaces import PREFIXES
from .shacl import Shapes, namer, read_shapes, short
from .shacl_local import DocumentContext, LocalChecker
from .shacl_sparql import DuplicateCheck, constraint_findings, sparql_findings
from .shacl_store import Finding, StoreChecker
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


@lru_cache(maxsize=1)
def default_shapes() -> Shapes:
    return read_shapes(shapes_graph())


# ---------------------------------------------------------------- a store


def validate_store(store, base: str | None = None, shapes: Shapes | None = None,
                   jobs: int | None = None, sparql: bool = True) -> ValidationReport:
    """Validate every graph of a store: an OxigraphStore (graph/store.py), a pyoxigraph Store, or
    a remote store (dumped and validated as one graph, as before). ``jobs``: queries run at once
    (default: one per core); ``sparql=False`` leaves out the sh:sparql constraints (the core
    constraints alone take seconds where some of those take hours on a large store)."""
    shapes = shapes or default_shapes()
    if not sparql:
        shapes = Shapes([dataclasses.replace(s, sparql=()) for s in shapes.targeted])
    oxi = store if isinstance(store, ox.Store) else getattr(store, "store", None)
    if not isinstance(oxi, ox.Store):
        return validate_graph(store_graph(store), base or Minter().base, shapes)
    minter = Minter(base) if base else Minter()
    shared = [ox.NamedNode(minter.entities_graph), ox.NamedNode(minter.vocabulary_graph)]
    documents = [g for g in oxi.named_graphs() if g not in shared]
    if not documents:
        documents = None  # one merged graph (validate_graph): checked as a whole
    return _report(_store_findings(oxi, shapes, jobs or os.cpu_count() or 1, documents, shared))


def _store_findings(store: ox.Store, shapes: Shapes, jobs: int, documents: list | None = None,
                    shared: list | None = None) -> Iterable[Finding]:
    checker = StoreChecker(store, documents, shared)
    duplicates = DuplicateCheck(store)
    tasks = []
    for shape in shapes.targeted:
        tasks.extend(checker.tasks(shape, checker.focus(shape)))
        tasks.extend(partial(constraint_findings, checker, shape, c, duplicates) for c in shape.sparql)
    with ThreadPoolExecutor(jobs) as pool:
        for found in pool.map(lambda task: task(), tasks):
            yield from found


def validate_graph(data: Graph, base: str, shapes: Shapes | None = None) -> ValidationReport:
    """Validate ``data`` (document triples) together with the vocabulary graph.

    Both go into one graph of an in-memory Oxigraph store (one graph: a set, whatever they share)."""
    store = ox.Store()
    name = ox.NamedNode(Minter(base).vocabulary_graph)
    for g in (data, vocabulary_graph(base)):
        store.load(g.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES, to_graph=name)
    return validate_store(store, base, shapes)


def store_graph(store) -> Graph:
    """All document graphs of a store as one rdflib graph."""
    g = Graph()
    data = store.dump("nt")
    g.parse(data=data.decode("utf-8"), format="nt")
    return g


# ---------------------------------------------------------------- one document


@lru_cache(maxsize=4)
def document_context(base: str) -> DocumentContext:
    """The shapes and the vocabulary every document is checked against (read once per process)."""
    return DocumentContext.build(default_shapes(), vocabulary_graph(base))


def validate_document(triples: Iterable, context: DocumentContext) -> list[ValidationResult]:
    """Core-constraint findings on one document: ``triples`` are its triples and the shared-entity
    triples it brings, as pyoxigraph Triples or (subject, predicate, object) tuples of pyoxigraph
    terms; ``context`` comes from document_context(base). Focus nodes are the subjects of
    ``triples``. SPARQL targets and sh:sparql constraints are left to validate_store."""
    return _results(LocalChecker(triples, context).run())


# ---------------------------------------------------------------- results


def _results(findings: Iterable[Finding]) -> list[ValidationResult]:
    seen = {}
    for f in findings:
        r = ValidationResult(
            focus=f.focus.value, shape=f.shape.name, path=f.shape.path_name, severity=f.shape.severity,
            message=f.shape.message or f.message, value=f.value.value if f.value is not None else "")
        seen[tuple(r.__dict__.values())] = r
    return sorted(seen.values(), key=lambda x: (x.shape, x.focus, x.path, x.message, x.value))


def _report(findings: Iterable[Finding]) -> ValidationReport:
    results = _results(findings)
    return ValidationReport(conforms=not any(r.severity == "Violation" for r in results), results=results)


# ---------------------------------------------------------------- the pySHACL reference


def pyshacl_report(data: Graph, base: str, sparql_shapes: Shapes | None = None) -> ValidationReport:
    """The shapes' core constraints in pySHACL over ``data`` and the vocabulary merged into one
    rdflib graph, and the sh:sparql constraints over an Oxigraph copy of it (rdflib's SPARQL
    takes minutes over their nested NOT EXISTS): what `dkg validate` did before validate_store.
    ``sparql_shapes`` (default: the shapes file's) chooses the sh:sparql constraints run."""
    import pyshacl

    full = Graph()
    for prefix, ns in PREFIXES.items():
        full.bind(prefix, ns)
    full += data
    full += vocabulary_graph(base)
    shapes = shapes_graph()
    core = Graph()
    core += shapes
    for shape, constraint in list(shapes.subject_objects(SH.sparql)):
        for t in list(core.triples((constraint, None, None))):
            core.remove(t)
        core.remove((shape, SH.sparql, constraint))
    _, report_graph, _ = pyshacl.validate(full, shacl_graph=core, inference="none", advanced=True,
                                          allow_warnings=True)
    names = namer(shapes)
    results = []
    for r in report_graph.subjects(RDF.type, SH.ValidationResult):
        shape = report_graph.value(r, SH.sourceShape)
        severity = report_graph.value(r, SH.resultSeverity)
        results.append(ValidationResult(
            focus=str(report_graph.value(r, SH.focusNode) or ""),
            shape=_reference_name(shapes, names, shape),
            path=short(names, report_graph.value(r, SH.resultPath)) if report_graph.value(r, SH.resultPath) else "",
            severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
            message="; ".join(sorted(str(m) for m in report_graph.objects(r, SH.resultMessage))),
            value=str(report_graph.value(r, SH.value) or ""),
        ))
    memory = ox.Store()
    memory.load(full.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES,
                to_graph=ox.NamedNode(Minter(base).vocabulary_graph))
    sparql_only = Shapes([s for s in (sparql_shapes or default_shapes()).targeted if s.sparql])
    checker = StoreChecker(memory)
    duplicates = DuplicateCheck(memory)
    findings = [f for s in sparql_only.targeted for f in sparql_findings(checker, s, duplicates)]
    results.extend(_results(findings))
    results.sort(key=lambda x: (x.shape, x.focus, x.path, x.message, x.value))
    return ValidationReport(not any(r.severity == "Violation" for r in results), results)


def _reference_name(shapes: Graph, names: Graph, shape) -> str:
    """A property shape is named by its node shape and path, as graph/shacl.py names it."""
    if isinstance(shape, URIRef):
        return short(names, shape)
    path = shapes.value(shape, SH.path)
    parent = shapes.value(predicate=SH.property, object=shape)
    if parent is None:
        return "(shape)"
    return f"{_reference_name(shapes, names, parent)} {short(names, path)}".strip()


__all__ = [
    "ValidationReport",
    "ValidationResult",
    "document_context",
    "pyshacl_report",
    "shapes_graph",
    "store_graph",
    "validate_document",
    "validate_graph",
    "validate_store",
]
