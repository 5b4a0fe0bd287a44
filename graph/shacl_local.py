"""SHACL core constraints over one document's triples in memory, in plain Python.

For the build: a document is checked as it is made, in a few milliseconds, with no store. The
data is the document's triples (its own and the shared-entity triples it brings) plus the
vocabulary, indexed once per process in a DocumentContext. Focus nodes are the subjects of the
document's triples that a shape targets by class; shapes with SPARQL targets and SPARQL-based
constraints need the whole store and are left to validate_store.

The semantics are those of graph/shacl_store.py (SPARQL's), written again for Python values.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, XSD

from .shacl import Shape, Shapes, Test
from .shacl_store import Finding, test_message

RDF_TYPE = ox.NamedNode(str(RDF.type))
SUBCLASS = ox.NamedNode(str(RDFS.subClassOf))
LANG_STRING = str(RDF.langString)
XSD_STRING = str(XSD.string)
_INT = r"[+-]?\d+"
_DEC = r"[+-]?(\d+(\.\d*)?|\.\d+)"
_TZ = r"(Z|[+-]\d{2}:\d{2})?"
# lexical spaces of the datatypes graph/shacl_store.py checks by casting
LEXICAL = {str(XSD[k]): re.compile(v + r"\Z") for k, v in {
    "integer": _INT, "decimal": _DEC, "float": _DEC + r"([eE][+-]?\d+)?|[+-]?INF|NaN",
    "double": _DEC + r"([eE][+-]?\d+)?|[+-]?INF|NaN", "boolean": "true|false|1|0",
    "date": r"-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])" + _TZ,
    "dateTime": r"-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?" + _TZ,
    "time": r"([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?" + _TZ,
    "gYear": r"-?\d{4,}" + _TZ, "gYearMonth": r"-?\d{4,}-(0[1-9]|1[0-2])" + _TZ,
    "gMonth": r"--(0[1-9]|1[0-2])" + _TZ, "gDay": r"---(0[1-9]|[12]\d|3[01])" + _TZ,
    "gMonthDay": r"--(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])" + _TZ,
    "duration": r"-?P(\d+Y)?(\d+M)?(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?",
    "yearMonthDuration": r"-?P(\d+Y)?(\d+M)?", "dayTimeDuration": r"-?P(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?",
}.items()}
NUMERIC = {str(XSD[k]) for k in ("integer", "decimal", "float", "double", "int", "long", "short", "byte",
                                  "nonNegativeInteger", "positiveInteger", "nonPositiveInteger",
                                  "negativeInteger", "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}
FLAGS = {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL, "x": re.VERBOSE}


def to_ox(term):
    """An rdflib term (from the shapes graph) as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype or XSD.string)))
    raise TypeError(f"no pyoxigraph form for {term!r}")


class Index:
    """subject → predicate → objects (a dict used as an ordered set); only the predicates in
    ``keep`` when it is given (a document's other triples cannot change a finding)."""

    def __init__(self, triples: Iterable = (), keep: frozenset | None = None) -> None:
        by_subject: dict = {}
        for s, p, o in triples:
            if keep is not None and p not in keep:
                continue
            props = by_subject.get(s)
            if props is None:
                props = by_subject[s] = {}
            objects = props.get(p)
            if objects is None:
                props[p] = {o: None}
            else:
                objects[o] = None
        self.by_subject = by_subject


@dataclass(frozen=True)
class Plan:
    """A shape's terms as pyoxigraph terms, and its classes with their subclasses."""

    path: object
    classes: tuple  # one frozenset per sh:class
    target: frozenset  # the target classes and their subclasses
    has_values: tuple
    bounds: tuple  # sh:lessThanOrEquals properties
    tests: tuple  # (Test, its predicate) pairs
    qualified: tuple  # predicates of the qualified value shape's tests


@dataclass
class DocumentContext:
    """What every document is checked against: the shapes and the vocabulary, read once."""

    shapes: Shapes
    vocabulary: Index
    subclasses: dict  # class → itself and its subclasses, from the vocabulary
    plans: dict = field(default_factory=dict)  # id(shape) → Plan
    predicates: frozenset = frozenset()  # the only predicates a check reads

    @classmethod
    def build(cls, shapes: Shapes, vocabulary: Graph | Iterable) -> DocumentContext:
        if isinstance(vocabulary, Graph):
            data = vocabulary.serialize(format="nt", encoding="utf-8")
            vocabulary = ((t.subject, t.predicate, t.object) for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
        index = Index(vocabulary)
        context = cls(shapes, index, _subclass_closure(index.by_subject))
        context.plans = plans(shapes, context.subclasses)
        read = {RDF_TYPE, SUBCLASS}
        for plan in context.plans.values():
            read.update(t for t in (plan.path, *plan.bounds) if t is not None)
        context.predicates = frozenset(read)
        return context


def plans(shapes: Shapes, subclasses: dict) -> dict:
    def closure(classes) -> frozenset:
        found: set = set()
        for c in classes:
            term = to_ox(c)
            found |= subclasses.get(term, {term})
        return frozenset(found)

    return {id(s): Plan(path=to_ox(s.path) if s.path is not None else None,
                        classes=tuple(closure([c]) for c in s.classes),
                        target=closure(s.target_classes),
                        has_values=tuple(to_ox(v) for v in s.has_values),
                        bounds=tuple(to_ox(b) for b in s.less_than_or_equals),
                        tests=tuple((t, predicate(t)) for t in s.tests),
                        qualified=tuple(predicate(t) for t in s.qualified.tests) if s.qualified else ())
            for s in shapes.all()}


def _subclass_closure(*indexes) -> dict:
    parents: dict = {}
    for by_subject in indexes:
        for s, props in by_subject.items():
            for o in props.get(SUBCLASS, ()):
                parents.setdefault(s, set()).add(o)
    down: dict = {}
    for child, ps in parents.items():
        for p in ps:
            down.setdefault(p, set()).add(child)
    closure: dict = {}
    for c in set(down) | set(parents):
        seen, todo = {c}, [c]
        while todo:
            for child in down.get(todo.pop(), ()):
                if child not in seen:
                    seen.add(child)
                    todo.append(child)
        closure[c] = seen
    return closure


class LocalChecker:
    def __init__(self, triples: Iterable, context: DocumentContext) -> None:
        self.doc = Index(triples, context.predicates).by_subject
        self.vocab = context.vocabulary.by_subject
        self.ctx = context
        own = {s: p for s, p in self.doc.items() if SUBCLASS in p}
        # a document that declares subclasses changes which nodes are instances of what
        self.plans = plans(context.shapes, _subclass_closure(self.vocab, own)) if own else context.plans
        self._failing: dict = {}

    # ------------------------------------------------------------ data
    def values(self, node, p):
        a = self.doc.get(node)
        a = a.get(p) if a else None
        b = self.vocab.get(node)
        b = b.get(p) if b else None
        if not b:
            return list(a) if a else []
        return list({**a, **b}) if a else list(b)

    def is_instance(self, node, wanted: frozenset) -> bool:
        if isinstance(node, ox.Literal):
            return False
        return any(t in wanted for t in self.values(node, RDF_TYPE))

    # ------------------------------------------------------------ shapes
    def run(self) -> Iterator[Finding]:
        # class → the shapes targeting it or a superclass (SPARQL targets are left to validate_store)
        by_class: dict = {}
        for shape in self.ctx.shapes.targeted:
            for cls in self.plans[id(shape)].target:
                by_class.setdefault(cls, []).append(shape)
        for node in self.doc:
            types = self.values(node, RDF_TYPE)
            shapes = [s for t in types for s in by_class.get(t, ())]
            for shape in dict.fromkeys(shapes) if len(types) > 1 else shapes:
                yield from self.check(shape, node)

    def check(self, shape: Shape, node) -> Iterator[Finding]:
        plan = self.plans[id(shape)]
        for t, ok in plan.tests:
            if not ok(node):
                yield Finding(shape, node, node, test_message(t))
        for cls, wanted in zip(shape.classes, plan.classes):
            if not self.is_instance(node, wanted):
                yield Finding(shape, node, node, f"Value does not have class {cls}")
        for nested in shape.nodes:
            details = self.failing(nested, node)
            if details:
                yield Finding(shape, node, node, f"Value does not conform to Shape {nested.name}")
                yield from details
        for prop in shape.properties:
            yield from self.property(prop, node)

    def failing(self, shape: Shape, node) -> list[Finding]:
        key = (id(shape), node)
        if key not in self._failing:
            self._failing[key] = list(self.check(shape, node))
        return self._failing[key]

    def property(self, shape: Shape, node) -> Iterator[Finding]:
        plan = self.plans[id(shape)]
        values = self.values(node, plan.path) if not isinstance(node, ox.Literal) else []
        path = shape.path_name
        if shape.min_count and len(values) < shape.min_count:
            yield Finding(shape, node, None, f"Less than {shape.min_count} values on {node.value}->{path}")
        if shape.max_count is not None and len(values) > shape.max_count:
            yield Finding(shape, node, None, f"More than {shape.max_count} values on {node.value}->{path}")
        for t, ok in plan.tests:
            for v in values:
                if not ok(v):
                    yield Finding(shape, node, v, test_message(t))
        for cls, wanted in zip(shape.classes, plan.classes):
            for v in values:
                if not self.is_instance(v, wanted):
                    yield Finding(shape, node, v, f"Value does not have class {cls}")
        for nested in shape.nodes:
            for v in values:
                details = self.failing(nested, v)
                if details:
                    yield Finding(shape, node, v, f"Value does not conform to Shape {nested.name}")
                    yield from details
        for required, term in zip(shape.has_values, plan.has_values):
            if term not in values:
                yield Finding(shape, node, None, f"Node {node.value}->{path} does not contain a value in the set: [{required.n3()}]")
        if shape.unique_lang:
            langs: dict = {}
            for v in values:
                if isinstance(v, ox.Literal) and v.language:
                    langs[v.language.lower()] = langs.get(v.language.lower(), 0) + 1
            for _ in (lang for lang, n in langs.items() if n > 1):
                yield Finding(shape, node, None, "More than one String shares the same Language")
        q = shape.qualified
        if q is not None:
            n = sum(1 for v in values if all(ok(v) for ok in plan.qualified))
            if q.min_count and n < q.min_count:
                yield Finding(shape, node, None, f"Fewer than {q.min_count} values of {path} conform to the qualified shape")
            if q.max_count is not None and n > q.max_count:
                yield Finding(shape, node, None, f"More than {q.max_count} values of {path} conform to the qualified shape")
        for other, term in zip(shape.less_than_or_equals, plan.bounds):
            bounds = self.values(node, term) if not isinstance(node, ox.Literal) else []
            for v in values:
                if any(compare(v, w) not in (-1, 0) for w in bounds):
                    yield Finding(shape, node, v, f"Value of {path} is not <= {other}")


def passes(test: Test, v) -> bool:
    """Whether ``v`` passes ``test``: the Python twin of graph/shacl_store.test_expression."""
    return predicate(test)(v)


def predicate(test: Test):
    """``test`` as a function of a value node (built once per shape: documents call it often)."""
    build = _PREDICATES.get(test.kind)
    if build is None:
        raise ValueError(f"unknown test {test.kind}")
    return build(test)


def _pattern(test: Test):
    flags = 0
    for f in test.flags:
        flags |= FLAGS.get(f, 0)
    regex = re.compile(test.arg, flags)
    return lambda v: not isinstance(v, ox.BlankNode) and regex.search(v.value) is not None


def _bound(accepted: tuple[int, ...]):
    """sh:minInclusive (value compares 0 or 1 to the bound) or sh:maxInclusive (-1 or 0)."""
    def build(test: Test):
        bound = to_ox(test.arg)
        return lambda v: compare(v, bound) in accepted
    return build


def _language_in(test: Test):
    ranges = tuple(r.lower() for r in test.arg)

    def language_in(v) -> bool:
        if not isinstance(v, ox.Literal) or not v.language:
            return False
        tag = v.language.lower()
        return any(r == "*" or tag == r or tag.startswith(r + "-") for r in ranges)
    return language_in


def _datatype(dt: str):
    if dt == LANG_STRING:
        return lambda v: isinstance(v, ox.Literal) and bool(v.language)
    lexical = LEXICAL.get(dt)

    def has_datatype(v) -> bool:
        if not isinstance(v, ox.Literal) or v.language or v.datatype.value != dt:
            return False
        return lexical is None or lexical.match(v.value) is not None
    return has_datatype


# each kind of value test → a builder of its Python predicate (the twins of shacl_store.TEST_FORMS)
_PREDICATES = {
    SH.datatype: lambda test: _datatype(str(test.arg)),
    SH.pattern: _pattern,
    SH.minInclusive: _bound((0, 1)),
    SH.maxInclusive: _bound((-1, 0)),
    SH.languageIn: _language_in,
}


def compare(a, b) -> int | None:
    """SPARQL's ordering of two literals: numbers by value, strings by code point; None when the
    two cannot be compared (a value test then fails)."""
    if not (isinstance(a, ox.Literal) and isinstance(b, ox.Literal)) or a.language or b.language:
        return None
    da, db = a.datatype.value, b.datatype.value
    if da in NUMERIC and db in NUMERIC:
        x, y = _number(a), _number(b)
    elif da == db == XSD_STRING:
        x, y = a.value, b.value
    else:
        return None
    if x is None or y is None:
        return None
    return (x > y) - (x < y)


def _number(lit):
    try:
        return Decimal(lit.value.strip())
    except InvalidOperation:
        return None


__all__ = ["DocumentContext", "Index", "LocalChecker", "compare", "passes"]
