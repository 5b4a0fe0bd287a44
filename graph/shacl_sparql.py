"""SPARQL-based constraints (sh:sparql) over the whole store, in Oxigraph.

Each constraint's SELECT runs once over the union of the named graphs, for all its focus nodes
together (the same solutions as binding $this node by node); the solutions are streamed, and
only the few nodes they name are matched against the shape's targets.

The union default graph is a bag: a triple stored in two named graphs is matched twice. Distinct
solutions are kept once, which settles every constraint but those that add up or count rows
(SUM, AVG, COUNT without DISTINCT, GROUP_CONCAT). For those, the properties the query names are
checked for a triple stored in more than one graph; only if one is found does the constraint run
on a de-duplicated copy of those properties' triples, so the answer is always the set graph's.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

import pyoxigraph as ox
from rdflib.namespace import RDF

from .shacl import Shape, SparqlConstraint
from .shacl_store import Finding, StoreChecker

_BAG_AGGREGATE = re.compile(r"\b(SUM|AVG|GROUP_CONCAT|COUNT)\s*\(\s*(?!DISTINCT\b)", re.IGNORECASE)
_PREFIX = re.compile(r"PREFIX\s+([\w-]*):\s*<([^>]*)>", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"\{[?$](\w+)\}")
_NOT_PATTERNS = re.compile(r"\bSELECT\b.*?\bWHERE\b|\b(?:GROUP|ORDER)\s+BY\b[^{}]*?(?=\bHAVING\b|\bORDER\b|\bLIMIT\b|[{}])"
                           r"|\bVALUES\b[^{]*\{[^}]*\}|\bAS\s+[?$]\w+", re.IGNORECASE | re.DOTALL)


def sparql_findings(checker: StoreChecker, shape: Shape, duplicates: DuplicateCheck) -> Iterator[Finding]:
    for constraint in shape.sparql:
        yield from constraint_findings(checker, shape, constraint, duplicates)


def constraint_findings(checker: StoreChecker, shape: Shape, constraint: SparqlConstraint,
                        duplicates: DuplicateCheck) -> list[Finding]:
    """The solutions of one constraint whose ?this is a focus node of ``shape``."""
    if constraint.per_document and checker.documents is not None and not _doubled(constraint, duplicates):
        solutions = _per_document_solutions(checker, constraint)
    else:
        solutions = _solutions(checker, constraint, duplicates)
    ok = checker.members(checker.focus(shape), {this for this, _, _ in solutions})
    return [Finding(shape, this, value, message) for this, value, message in sorted(solutions, key=str) if this in ok]


def _solutions(checker: StoreChecker, c: SparqlConstraint, duplicates: DuplicateCheck) -> set[tuple]:
    store, dataset = checker.store, checker.dataset
    if _doubled(c, duplicates):
        # a variable predicate may match any property: then every property is checked
        predicates = named_iris(c.select) or duplicates.all_predicates()
        store, dataset = duplicates.set_copy(predicates), {}
    found = set()
    for row in store.query(c.select, **dataset):
        this = _get(row, "this")
        if this is not None:
            found.add((this, _get(row, "value"), fill(c.message, row)))
    return found


def _doubled(c: SparqlConstraint, duplicates: DuplicateCheck) -> bool:
    """Whether a constraint that adds up rows would see a triple twice (stored in two graphs)."""
    return is_bag_sensitive(c.select) and duplicates.any_in(named_iris(c.select) or duplicates.all_predicates())


def _per_document_solutions(checker: StoreChecker, c: SparqlConstraint) -> set[tuple]:
    """A per-document constraint over each document graph with the shared graphs as its
    default graph: a set (no triple is in two of them), and comparisons stay inside one report
    however many reports the store holds."""
    found = set()
    for graph in checker.documents:
        for row in checker.store.query(c.select, default_graph=[graph, *checker.shared]):
            this = _get(row, "this")
            if this is not None:
                found.add((this, _get(row, "value"), fill(c.message, row)))
    return found


def is_bag_sensitive(select: str) -> bool:
    return bool(_BAG_AGGREGATE.search(select))


def named_iris(select: str) -> set[str] | None:
    """The IRIs a query names (full or prefixed, ``a`` as rdf:type); None if a triple pattern
    may have a variable predicate, which could match any property."""
    prefixes = dict(_PREFIX.findall(select))
    body = _PREFIX.sub(" ", select)
    body = re.sub(r'"""[\s\S]*?"""|"(?:[^"\\]|\\.)*"', '""', body)  # strings name no property
    body = re.sub(r"(?m)(^|\s)#[^\n]*", " ", body)  # nor do comments
    # only triple patterns may put a variable in predicate position: leave out projections,
    # GROUP BY and ORDER BY lists and VALUES blocks, where variables also stand in a row
    patterns = _NOT_PATTERNS.sub(" ", body)
    # a variable right after a term that ends a subject, or after ';', sits in predicate position
    if re.search(r"(?:;|[?$]\w+|>|\b[\w-]*:[\w-]*)\s+[?$]\w+\s+(?:[?$]\w+|<|\"|[\w-]*:|\[|\d)", patterns):
        return None
    iris = set(re.findall(r"<([^>]*)>", body))
    for pfx, local in re.findall(r"(?<![\w<?$])([\w-]*):([\w-]*)", body):
        if pfx in prefixes:
            iris.add(prefixes[pfx] + local)
    if re.search(r"(?<![\w?$:])a(?![\w:])", patterns):
        iris.add(str(RDF.type))
    return iris


class DuplicateCheck:
    """Whether a property has a triple stored in more than one named graph (asked once each)."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.known: dict[str, bool] = {}

    def any_in(self, predicates: set[str]) -> bool:
        for p in sorted(predicates):
            if p not in self.known:
                q = (f"ASK {{ {{ SELECT ?s ?o WHERE {{ GRAPH ?g {{ ?s <{p}> ?o }} }} "
                     f"GROUP BY ?s ?o HAVING (COUNT(?g) > 1) }} }}")
                self.known[p] = bool(self.store.query(q))
        return any(self.known[p] for p in predicates)

    def all_predicates(self) -> set[str]:
        return {row["p"].value for row in self.store.query("SELECT DISTINCT ?p WHERE { GRAPH ?g { ?s ?p ?o } }")}

    def set_copy(self, predicates: set[str]) -> ox.Store:
        """The triples of ``predicates`` in one default graph, each once (only when the store
        does hold a triple twice: the copy costs memory)."""
        copy = ox.Store()
        for p in sorted(predicates):
            node = ox.NamedNode(p)
            copy.extend(ox.Quad(q.subject, node, q.object) for q in self.store.quads_for_pattern(None, node, None))
        return copy


def fill(template: str, solution) -> str:
    """sh:message placeholders {$this} and {?var} filled from one solution."""

    def sub(m):
        term = _get(solution, m.group(1))
        return m.group(0) if term is None else term.value

    return _PLACEHOLDER.sub(sub, template)


def _get(solution, name: str):
    try:
        return solution[name]
    except (KeyError, IndexError, TypeError):
        return None


__all__ = ["DuplicateCheck", "constraint_findings", "fill", "is_bag_sensitive", "named_iris", "sparql_findings"]
