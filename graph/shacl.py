"""The SHACL shapes (ontology/shapes.ttl) as plain data, for the validators of graph/validate.py.

Only the parts of SHACL the shapes use are read: class and SPARQL targets, predicate paths, the
core constraint components listed in COMPONENTS and SPARQL-based constraints. Anything else in a
shape (another component, a path expression, an implicit class target) raises UnsupportedShape:
a shape must never be silently ignored. Nothing here names a shape, class or property of the
project; all of it comes from the shapes graph.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH

from .namespaces import DKG, PREFIXES  # DKG: only the dkg:checkedPerDocument annotation


class UnsupportedShape(ValueError):
    """A shape uses SHACL this validator does not implement."""


# value tests: conditions each value node must meet on its own
TESTS = (SH.datatype, SH.pattern, SH.minInclusive, SH.maxInclusive, SH.languageIn)
# the other parameters read from a shape (sh:flags and the qualified counts go with their component)
COMPONENTS = TESTS + (SH["class"], SH.node, SH.minCount, SH.maxCount, SH.hasValue, SH.uniqueLang,
                      SH.qualifiedValueShape, SH.qualifiedMinCount, SH.qualifiedMaxCount,
                      SH.lessThanOrEquals, SH.flags)
STRUCTURE = (SH.targetClass, SH.target, SH.property, SH.path, SH.sparql, SH.severity, SH.message,
             SH.deactivated)
NON_VALIDATING = (SH.name, SH.description, SH.order, SH.group, SH.defaultValue)
NODE_ONLY = (SH.targetClass, SH.target, SH.property)  # allowed on node shapes
PROPERTY_ONLY = (SH.path, SH.minCount, SH.maxCount, SH.uniqueLang, SH.qualifiedValueShape,
                 SH.qualifiedMinCount, SH.qualifiedMaxCount, SH.lessThanOrEquals, SH.hasValue)


@dataclass(frozen=True)
class Test:
    """One value test: sh:datatype, sh:pattern (with sh:flags), sh:minInclusive, sh:maxInclusive
    or sh:languageIn (its list as ``arg``)."""

    kind: URIRef
    arg: object
    flags: str = ""


@dataclass(frozen=True)
class Qualified:
    """sh:qualifiedValueShape with its counts; the shape may hold value tests only."""

    tests: tuple[Test, ...]
    min_count: int | None
    max_count: int | None


@dataclass(frozen=True)
class SparqlConstraint:
    select: str  # PREFIX lines and the SELECT with $this renamed ?this
    message: str
    per_document: bool = False  # dkg:checkedPerDocument: it relates the nodes of one document only


@dataclass(eq=False)
class Shape:
    node: URIRef | BNode
    name: str  # dkgsh:DocumentShape, or "dkgsh:DocumentShape dct:source" for a property shape
    path: URIRef | None = None  # set on property shapes
    path_name: str = ""
    severity: str = "Violation"
    message: str = ""  # sh:message, several joined with "; "
    target_classes: tuple[URIRef, ...] = ()
    target_selects: tuple[str, ...] = ()  # SPARQL targets: SELECT ?this … with PREFIX lines
    tests: tuple[Test, ...] = ()
    classes: tuple[URIRef, ...] = ()
    nodes: tuple[Shape, ...] = ()
    min_count: int | None = None
    max_count: int | None = None
    has_values: tuple = ()
    unique_lang: bool = False
    qualified: Qualified | None = None
    less_than_or_equals: tuple[URIRef, ...] = ()
    properties: tuple[Shape, ...] = ()
    sparql: tuple[SparqlConstraint, ...] = ()

    @property
    def targeted(self) -> bool:
        return bool(self.target_classes or self.target_selects)


@dataclass
class Shapes:
    """The shapes with targets (validated on their own) and every class a target or an sh:class
    names (the validators expand each to its subclasses in the data)."""

    targeted: list[Shape] = field(default_factory=list)

    def all(self) -> list[Shape]:
        """Every shape reachable from a targeted one, each once."""
        seen: dict[int, Shape] = {}
        todo = list(self.targeted)
        while todo:
            s = todo.pop()
            if id(s) not in seen:
                seen[id(s)] = s
                todo.extend(s.properties)
                todo.extend(s.nodes)
        return list(seen.values())

    def classes(self) -> set[URIRef]:
        found: set[URIRef] = set()
        for s in self.all():
            found.update(s.target_classes)
            found.update(s.classes)
        return found


def namer(shapes: Graph) -> Graph:
    """A graph whose prefixes name shapes and paths: the shapes file's own, then the project's."""
    names = Graph(bind_namespaces="none")
    for prefix, ns in shapes.namespaces():
        names.bind(prefix, ns, replace=True)
    for prefix, ns in PREFIXES.items():
        names.bind(prefix, ns, replace=True)
    return names


def short(names: Graph, term) -> str:
    if isinstance(term, URIRef):
        try:
            return names.namespace_manager.normalizeUri(term)
        except (ValueError, KeyError):  # not a name a prefix can shorten
            return str(term)
    return str(term)


def read_shapes(g: Graph) -> Shapes:
    return _Reader(g).read()


class _Reader:
    def __init__(self, g: Graph) -> None:
        self.g = g
        self.names = namer(g)
        self.done: dict = {}
        self.reading: set = set()

    def read(self) -> Shapes:
        roots = set(self.g.subjects(RDF.type, SH.NodeShape)) | set(self.g.subjects(SH.targetClass, None))
        roots |= set(self.g.subjects(SH.target, None))
        for s in roots:
            if (s, RDF.type, RDFS.Class) in self.g or (s, RDF.type, OWL.Class) in self.g:
                raise UnsupportedShape(f"{self.short(s)}: a shape that is also a class (implicit class target)")
        shapes = Shapes()
        for s in sorted(roots, key=str):
            shape = self.shape(s, self.short(s), None)
            if shape is not None and shape.targeted:
                shapes.targeted.append(shape)
        return shapes

    def short(self, term) -> str:
        return short(self.names, term)

    def one(self, node, p):
        values = list(self.g.objects(node, p))
        if len(values) > 1:
            raise UnsupportedShape(f"{self.short(node)}: {self.short(p)} given {len(values)} times")
        return values[0] if values else None

    def shape(self, node, name: str, parent_path) -> Shape | None:
        if node in self.done:
            return self.done[node]
        if node in self.reading:
            raise UnsupportedShape(f"{name}: a shape that refers to itself (recursive shapes)")
        if self.one(node, SH.deactivated) == Literal(True):
            self.done[node] = None
            return None
        self.reading.add(node)
        self._check_parameters(node, name)
        path = self.one(node, SH.path)
        if path is not None and not isinstance(path, URIRef):
            raise UnsupportedShape(f"{name}: only predicate paths are supported, not {self.short(path)}")
        is_property = path is not None
        severity = self.one(node, SH.severity)
        shape = Shape(
            node=node, name=name, path=path, path_name=self.short(path) if is_property else "",
            severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
            message="; ".join(sorted(str(m) for m in self.g.objects(node, SH.message))),
            target_classes=tuple(sorted(self.g.objects(node, SH.targetClass), key=str)),
            target_selects=tuple(self.sparql_target(node, t) for t in sorted(self.g.objects(node, SH.target), key=str)),
            tests=self.tests(node),
            classes=tuple(sorted(self.g.objects(node, SH["class"]), key=str)),
            min_count=self.count(node, SH.minCount),
            max_count=self.count(node, SH.maxCount),
            has_values=tuple(sorted(self.g.objects(node, SH.hasValue), key=str)),
            unique_lang=self.one(node, SH.uniqueLang) == Literal(True),
            less_than_or_equals=tuple(sorted(self.g.objects(node, SH.lessThanOrEquals), key=str)),
            sparql=tuple(c for c in (self.sparql_constraint(node, c) for c in sorted(self.g.objects(node, SH.sparql), key=str))
                         if c is not None),
        )
        for other in shape.less_than_or_equals:
            if not isinstance(other, URIRef):
                raise UnsupportedShape(f"{name}: sh:lessThanOrEquals needs a property IRI")
        shape.nodes = tuple(self.referenced(n, name) for n in sorted(self.g.objects(node, SH.node), key=str))
        shape.nodes = tuple(n for n in shape.nodes if n is not None)
        shape.qualified = self.qualified(node, name)
        props = []
        for prop in self.g.objects(node, SH.property):
            p = self.one(prop, SH.path)
            if p is None:
                raise UnsupportedShape(f"{name}: a property shape without sh:path")
            props.append(self.shape(prop, f"{name} {self.short(p)}", p))
        shape.properties = tuple(sorted((p for p in props if p is not None), key=lambda s: (s.name, s.message, str(s.node))))
        self.reading.discard(node)
        self.done[node] = shape
        return shape

    def referenced(self, node, parent_name: str) -> Shape | None:
        name = self.short(node) if isinstance(node, URIRef) else f"{parent_name} sh:node"
        return self.shape(node, name, None)

    def _check_parameters(self, node, name: str) -> None:
        is_property = (node, SH.path, None) in self.g
        for p in set(self.g.predicates(node, None)):
            if not str(p).startswith(str(SH)):
                continue  # rdf:type, rdfs:comment and the like do not constrain
            if p in NON_VALIDATING or p == SH.declare:
                continue
            if p not in COMPONENTS and p not in STRUCTURE:
                raise UnsupportedShape(f"{name}: {self.short(p)} is not supported by this validator")
            if is_property and p in NODE_ONLY:
                raise UnsupportedShape(f"{name}: {self.short(p)} on a property shape is not supported")
            if not is_property and p in PROPERTY_ONLY:
                raise UnsupportedShape(f"{name}: {self.short(p)} on a node shape is not supported")

    def count(self, node, p) -> int | None:
        v = self.one(node, p)
        if v is None:
            return None
        if not isinstance(v, Literal) or not isinstance(v.toPython(), int):
            raise UnsupportedShape(f"{self.short(node)}: {self.short(p)} must be an integer")
        return int(v.toPython())

    def tests(self, node) -> tuple[Test, ...]:
        found = []
        flags = self.one(node, SH.flags)
        if flags is not None and self.one(node, SH.pattern) is None:
            raise UnsupportedShape(f"{self.short(node)}: sh:flags without sh:pattern")
        for kind in TESTS:
            for v in sorted(self.g.objects(node, kind), key=str):
                if kind == SH.languageIn:
                    v = tuple(str(x) for x in Collection(self.g, v))
                elif kind == SH.pattern:
                    found.append(Test(kind, str(v), str(flags or "")))
                    continue
                found.append(Test(kind, v))
        return tuple(found)

    def qualified(self, node, name: str) -> Qualified | None:
        q = self.one(node, SH.qualifiedValueShape)
        lo, hi = self.count(node, SH.qualifiedMinCount), self.count(node, SH.qualifiedMaxCount)
        if q is None:
            if lo is not None or hi is not None:
                raise UnsupportedShape(f"{name}: qualified counts without sh:qualifiedValueShape")
            return None
        inner = self.shape(q, self.short(q) if isinstance(q, URIRef) else f"{name} qualified", None)
        if inner is None:
            return None
        if (inner.classes or inner.nodes or inner.properties or inner.has_values or inner.sparql
                or inner.qualified or inner.targeted):
            raise UnsupportedShape(f"{name}: a sh:qualifiedValueShape may hold value tests only "
                                   "(datatype, pattern, ranges, languageIn)")
        return Qualified(inner.tests, lo, hi)

    def prefixes(self, node) -> list[str]:
        lines = []
        for pnode in self.g.objects(node, SH.prefixes):
            for decl in self.g.objects(pnode, SH.declare):
                lines.append(f"PREFIX {self.g.value(decl, SH.prefix)}: <{self.g.value(decl, SH.namespace)}>")
        return sorted(set(lines))

    def sparql_target(self, shape, target) -> str:
        if (target, RDF.type, SH.SPARQLTarget) not in self.g or self.one(target, SH.select) is None:
            raise UnsupportedShape(f"{self.short(shape)}: only sh:SPARQLTarget targets with sh:select are supported")
        return "\n".join(self.prefixes(target) + [str(self.one(target, SH.select))])

    def sparql_constraint(self, shape, c) -> SparqlConstraint | None:
        for p in set(self.g.predicates(c, None)):
            if str(p).startswith(str(SH)) and p not in (SH.select, SH.message, SH.prefixes, SH.deactivated):
                raise UnsupportedShape(f"{self.short(shape)}: {self.short(p)} in a SPARQL constraint is not supported")
        select = self.one(c, SH.select)
        if select is None:
            raise UnsupportedShape(f"{self.short(shape)}: a SPARQL constraint without sh:select")
        if "$PATH" in str(select):
            raise UnsupportedShape(f"{self.short(shape)}: $PATH in SPARQL constraints is not supported")
        if self.one(c, SH.deactivated) == Literal(True):
            return None
        text = "\n".join(self.prefixes(c) + [str(select).replace("$this", "?this")])
        return SparqlConstraint(text, str(self.one(c, SH.message) or "SPARQL constraint failed"),
                                (c, DKG.checkedPerDocument, Literal(True)) in self.g)


__all__ = [
    "Qualified",
    "Shape",
    "Shapes",
    "SparqlConstraint",
    "Test",
    "UnsupportedShape",
    "namer",
    "read_shapes",
    "short",
]
