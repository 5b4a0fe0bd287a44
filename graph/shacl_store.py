"""SHACL core constraints over an Oxigraph store, each compiled to SPARQL and run in Oxigraph.

Why SPARQL and not Python over the quads: reading a quad into Python costs about 6 µs (its
strings are decoded one by one), so 13 million quads take 80 s before any check; Oxigraph scans
an index at about 0.4 µs a quad and only the offending nodes come back to Python.

How the queries are written, because Oxigraph's union default graph makes lookups expensive
(about 10 µs each): a check scans the triples of its property once (``?this p ?v`` plus a
FILTER, a GROUP BY or a MINUS: a hash join, no lookup per focus node) and returns candidates;
only those few are then matched against the shape's targets. Checks that need every focus node
(sh:minCount, sh:hasValue, sh:qualifiedMinCount) subtract the nodes that pass from the targets
with MINUS, again a hash join.

The union default graph is a bag (a triple in two named graphs is seen twice): counts are
COUNT(DISTINCT …) and the findings are a set.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, XSD

from .shacl import Shape, Test

# datatypes whose lexical form Oxigraph can check by casting (an ill-formed literal is a finding)
CASTABLE = {XSD[n] for n in ("integer", "decimal", "float", "double", "boolean", "dateTime", "date", "time",
                             "gYear", "gYearMonth", "gMonth", "gDay", "gMonthDay", "duration",
                             "yearMonthDuration", "dayTimeDuration")}
BATCH = 200  # candidates per membership query
FOCUS_FIRST_LIMIT = 50_000  # above this many focus nodes, always scan (lookups would take seconds)
LOOKUP_COST = 7  # a lookup from a focus node costs about as much as scanning this many triples


@dataclass(frozen=True)
class Finding:
    """One validation result before formatting: the shape that fails, where, on what value."""

    shape: Shape
    focus: object  # a pyoxigraph term
    value: object | None
    message: str  # the component's own wording, used when the shape has no sh:message


def n3(term) -> str:
    if isinstance(term, (URIRef, Literal)):
        return term.n3()
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return str(term)
    raise TypeError(f"no SPARQL form for {term!r}")


def _datatype_sparql(test: Test, var: str) -> str:
    dt = test.arg
    if dt == RDF.langString:
        return f"(isLiteral({var}) && LANG({var}) != \"\")"
    if dt == XSD.string:  # a simple literal is its own string
        return f"sameTerm({var}, STR({var}))"
    # sameTerm with the literal rebuilt from its text: 4 times cheaper than DATATYPE(…) = …
    check = f"sameTerm({var}, STRDT(STR({var}), {n3(dt)}))"
    if dt in CASTABLE:  # ill-formed: the cast fails, an error, so the test fails
        check += f" && isLiteral({n3(dt)}(STR({var})))"
    return f"({check})"


def _pattern_sparql(test: Test, var: str) -> str:
    return f"(!isBlank({var}) && REGEX(STR({var}), {n3(Literal(test.arg))}, {n3(Literal(test.flags))}))"


def _language_in_sparql(test: Test, var: str) -> str:
    ranges = " || ".join(f"langMatches(LANG({var}), {n3(Literal(r))})" for r in test.arg)
    return f"(isLiteral({var}) && ({ranges or 'false'}))"


@dataclass(frozen=True)
class TestForm:
    """How one kind of value test is written: as a SPARQL expression over a variable, and the
    message of its finding (pySHACL's wording, so both validators report alike)."""

    sparql: Callable[[Test, str], str]
    message: Callable[[Test], str]


TEST_FORMS: dict[URIRef, TestForm] = {
    SH.datatype: TestForm(_datatype_sparql, lambda t: f"Value is not Literal with datatype {t.arg}"),
    SH.pattern: TestForm(_pattern_sparql, lambda t: f"Value does not match pattern '{t.arg}'"),
    SH.minInclusive: TestForm(lambda t, var: f"({var} >= {n3(t.arg)})", lambda t: f"Value is not >= {t.arg}"),
    SH.maxInclusive: TestForm(lambda t, var: f"({var} <= {n3(t.arg)})", lambda t: f"Value is not <= {t.arg}"),
    SH.languageIn: TestForm(_language_in_sparql, lambda t: f"String language is not in {list(t.arg)}"),
}


def _form(test: Test) -> TestForm:
    try:
        return TEST_FORMS[test.kind]
    except KeyError:
        raise ValueError(f"unknown test {test.kind}") from None


def test_expression(test: Test, var: str) -> str:
    """A SPARQL expression true when ``var`` passes the test (an error counts as failing)."""
    return _form(test).sparql(test, var)


def all_pass(tests: Iterable[Test], var: str) -> str:
    return " && ".join(f"COALESCE({test_expression(t, var)}, false)" for t in tests) or "true"


def test_message(test: Test) -> str:
    return _form(test).message(test)


class Focus:
    """The focus nodes of a shape as a SPARQL group pattern binding ?this.

    ``exact`` is False for the value nodes of a property (a superset: every object of the
    property), used to find which value nodes fail a nested shape."""

    def __init__(self, pattern: str, prefixes: str = "", exact: bool = True) -> None:
        self.pattern = pattern
        self.prefixes = prefixes
        self.exact = exact


class StoreChecker:
    """Runs the core constraints of shapes over one store's union of named graphs."""

    def __init__(self, store: ox.Store, documents: list | None = None, shared: list | None = None, **dataset) -> None:
        self.store = store
        # with documents: dkg:checkedPerDocument constraints run on each of these graphs with the shared ones
        self.documents = documents
        self.shared = shared or []
        self.dataset = dataset or {"use_default_graph_as_union": True}
        self._subclasses: dict = {}
        self._counts: dict = {}

    # ------------------------------------------------------------ plumbing
    def select(self, text: str) -> Iterator:
        return self.store.query(text, **self.dataset)

    def instances(self, classes: Iterable) -> str:
        """A VALUES list of the classes and their subclasses (rdfs:subClassOf*, in the data)."""
        found: set[str] = set()
        for c in classes:
            if c not in self._subclasses:
                q = f"SELECT DISTINCT ?c WHERE {{ ?c <{RDFS.subClassOf}>* {n3(c)} }}"
                self._subclasses[c] = {n3(row["c"]) for row in self.select(q)} | {n3(c)}
            found |= self._subclasses[c]
        return " ".join(sorted(found))

    def focus(self, shape: Shape) -> Focus:
        parts, prefixes = [], []
        if shape.target_classes:
            parts.append(f"?this a ?focus_class . VALUES ?focus_class {{ {self.instances(shape.target_classes)} }}")
        for select in shape.target_selects:
            head, _, body = _split_prefixes(select)
            prefixes.append(head)
            parts.append(f"{{ {body} }}")
        pattern = " } UNION { ".join(parts)
        return Focus(f"{{ {pattern} }}" if len(parts) > 1 else parts[0], "\n".join(prefixes))

    def members(self, focus: Focus, candidates: Iterable) -> set:
        """Which candidate nodes are focus nodes: a query per batch, since candidates are few."""
        candidates = set(candidates)
        if not focus.exact or not candidates:
            return candidates
        found = set()
        named = [c for c in candidates if not isinstance(c, ox.BlankNode)]
        for i in range(0, len(named), BATCH):
            values = " ".join(n3(c) for c in named[i:i + BATCH])
            q = f"{focus.prefixes}\nSELECT DISTINCT ?this WHERE {{ VALUES ?this {{ {values} }} {focus.pattern} }}"
            found.update(row["this"] for row in self.select(q))
        for b in candidates - set(named):  # blank nodes cannot be written in VALUES
            q = f"{focus.prefixes}\nSELECT ?this WHERE {{ {focus.pattern} }} LIMIT 1"
            if list(self.store.query(q, substitutions={ox.Variable("this"): b}, **self.dataset)):
                found.add(b)
        return found

    def rows(self, focus: Focus, query: str) -> list:
        return list(self.select(f"{focus.prefixes}\n{query}"))

    # ------------------------------------------------------------ shapes
    def tasks(self, shape: Shape, focus: Focus) -> list[Callable[[], list[Finding]]]:
        """The checks of a targeted shape as independent tasks: Oxigraph evaluates queries
        without the GIL, so threads run them side by side."""
        own = Shape(shape.node, shape.name, tests=shape.tests, classes=shape.classes, nodes=shape.nodes,
                    severity=shape.severity, message=shape.message)
        return ([lambda: list(self.check(own, focus))]
                + [lambda prop=prop: list(self._property(prop, focus)) for prop in shape.properties])

    def check(self, shape: Shape, focus: Focus) -> Iterator[Finding]:
        """Every finding of ``shape`` on the nodes of ``focus`` (nested shapes included)."""
        yield from self._node_tests(shape, focus)
        for cls in shape.classes:
            q = (f"SELECT ?this WHERE {{ {focus.pattern} MINUS {{ ?this a ?c . VALUES ?c {{ {self.instances([cls])} }} }} }}")
            for row in self.rows(focus, q):
                yield Finding(shape, row["this"], row["this"], f"Value does not have class {cls}")
        for nested in shape.nodes:
            failing = self._failing(nested, focus)
            for node in sorted(failing, key=str):
                yield Finding(shape, node, node, f"Value does not conform to Shape {nested.name}")
                yield from failing[node]
        for prop in shape.properties:
            yield from self._property(prop, focus)

    def _node_tests(self, shape: Shape, focus: Focus) -> Iterator[Finding]:
        if not shape.tests:
            return
        flags = [f"(COALESCE({test_expression(t, '?this')}, false) AS ?t{i})" for i, t in enumerate(shape.tests)]
        binds = " ".join(f"BIND{f}" for f in flags)
        fails = " || ".join(f"!?t{i}" for i in range(len(shape.tests)))
        q = f"SELECT * WHERE {{ {focus.pattern} {binds} FILTER({fails}) }}"
        for row in self.rows(focus, q):
            for i, t in enumerate(shape.tests):
                if row[f"t{i}"].value != "true":
                    yield Finding(shape, row["this"], row["this"], test_message(t))

    def _failing(self, shape: Shape, focus: Focus) -> dict:
        """Nodes of ``focus`` that do not conform to ``shape``, each with its findings."""
        failing: dict = {}
        for f in self.check(shape, focus):
            failing.setdefault(f.focus, []).append(f)
        return failing

    def _property(self, shape: Shape, focus: Focus) -> Iterator[Finding]:
        p = n3(shape.path)
        path = shape.path_name
        scan = self._scan_first(focus, shape.path)
        # the triples of the property: all of them (scan-first: candidates, matched to the targets
        # afterwards), or those of the focus nodes (focus-first: a lookup per focus node)
        triples = f"?this {p} ?v" if scan else f"{focus.pattern} ?this {p} ?v"
        exact = not scan

        def found(rows, key="this"):
            rows = list(rows)
            ok = {r[key] for r in rows} if exact else self.members(focus, (r[key] for r in rows))
            return [r for r in rows if r[key] in ok]

        if shape.min_count:
            for this in self._fewer_than(focus, f"?this {p} ?v", shape.min_count, scan=scan):
                yield Finding(shape, this, None, f"Less than {shape.min_count} values on {this.value}->{path}")
        if shape.max_count is not None:
            q = f"SELECT ?this WHERE {{ {triples} }} GROUP BY ?this HAVING (COUNT(DISTINCT ?v) > {shape.max_count})"
            for r in found(self.rows(focus, q)):
                yield Finding(shape, r["this"], None, f"More than {shape.max_count} values on {r['this'].value}->{path}")
        if shape.tests:
            binds = " ".join(f"BIND(COALESCE({test_expression(t, '?v')}, false) AS ?t{i})" for i, t in enumerate(shape.tests))
            fails = " || ".join(f"!?t{i}" for i in range(len(shape.tests)))
            q = f"SELECT DISTINCT ?this ?v {' '.join(f'?t{i}' for i in range(len(shape.tests)))} WHERE {{ {triples} {binds} FILTER({fails}) }}"
            for r in found(self.rows(focus, q)):
                for i, t in enumerate(shape.tests):
                    if r[f"t{i}"].value != "true":
                        yield Finding(shape, r["this"], r["v"], test_message(t))
        for cls in shape.classes:
            instance = f"?v a ?c . VALUES ?c {{ {self.instances([cls])} }}"
            q = (f"SELECT DISTINCT ?this ?v WHERE {{ {triples} MINUS {{ {instance} }} }}" if scan else
                 f"SELECT DISTINCT ?this ?v WHERE {{ {triples} FILTER NOT EXISTS {{ {instance} }} }}")
            for r in sorted(found(self.rows(focus, q)), key=str):
                yield Finding(shape, r["this"], r["v"], f"Value does not have class {cls}")
        for nested in shape.nodes:
            yield from self._nested(shape, nested, focus, p)
        for value in shape.has_values:
            for this in self._fewer_than(focus, f"?this {p} {n3(value)}", 1, scan=scan):
                yield Finding(shape, this, None, f"Node {this.value}->{path} does not contain a value in the set: [{n3(value)}]")
        if shape.unique_lang:
            q = (f"SELECT ?this ?lang WHERE {{ {triples} BIND(LCASE(LANG(?v)) AS ?lang) FILTER(?lang != \"\") }} "
                 f"GROUP BY ?this ?lang HAVING (COUNT(DISTINCT ?v) > 1)")
            for r in found(self.rows(focus, q)):
                yield Finding(shape, r["this"], None, "More than one String shares the same Language")
        if shape.qualified is not None:
            yield from self._qualified(shape, focus, p, triples, found, scan)
        for other in shape.less_than_or_equals:
            q = (f"SELECT DISTINCT ?this ?v WHERE {{ {{ SELECT ?this ?v WHERE {{ {triples} }} }} "
                 f"{{ SELECT ?this ?w WHERE {{ ?this {n3(other)} ?w }} }} FILTER(!COALESCE(?v <= ?w, false)) }}")
            for r in sorted(found(self.rows(focus, q)), key=str):
                yield Finding(shape, r["this"], r["v"], f"Value of {path} is not <= {other}")

    def _nested(self, shape: Shape, nested: Shape, focus: Focus, p: str) -> Iterator[Finding]:
        """sh:node on values: which value nodes fail ``nested`` (checked on every object of the
        property, the nodes being few), then which focus nodes have them."""
        values = Focus(f"{{ SELECT DISTINCT ?this WHERE {{ ?focus_subject {p} ?this }} }}", exact=False)
        failing = self._failing(nested, values)
        if not failing:
            return
        pairs = []
        named = [v for v in failing if not isinstance(v, ox.BlankNode)]
        for i in range(0, len(named), BATCH):
            listed = " ".join(n3(v) for v in named[i:i + BATCH])
            pairs.extend(self.select(f"SELECT DISTINCT ?this ?v WHERE {{ VALUES ?v {{ {listed} }} ?this {p} ?v }}"))
        for b in set(failing) - set(named):
            q = f"SELECT DISTINCT ?this ?v WHERE {{ ?this {p} ?v }}"
            pairs.extend(self.store.query(q, substitutions={ox.Variable("v"): b}, **self.dataset))
        ok = self.members(focus, (r["this"] for r in pairs))
        reported = set()
        for this, v in sorted({(r["this"], r["v"]) for r in pairs if r["this"] in ok}, key=str):
            yield Finding(shape, this, v, f"Value does not conform to Shape {nested.name}")
            if v not in reported:
                reported.add(v)
                yield from failing[v]

    def _scan_first(self, focus: Focus, predicate) -> bool:
        """Scan the property's triples, or look them up from each focus node? A lookup costs about
        ten times a scanned triple, so focus-first pays when the property has many more triples
        than the shape has focus nodes (dkg:report on data sets, dkg:adcode on divisions)."""
        if not focus.exact:
            return True
        size = self._count(f"{focus.prefixes}\nSELECT ?this WHERE {{ {focus.pattern} }}", FOCUS_FIRST_LIMIT)
        if size >= FOCUS_FIRST_LIMIT:
            return True
        limit = LOOKUP_COST * max(size, 1)
        return self._count(f"SELECT ?s WHERE {{ ?s {n3(predicate)} ?o }}", limit) < limit

    def _count(self, select: str, limit: int) -> int:
        """Rows of ``select``, counted up to ``limit`` (so counting costs little)."""
        key = (select, limit)
        if key not in self._counts:
            head, _, body = _split_prefixes(select)
            rows = self.select(f"{head}\nSELECT (COUNT(*) AS ?n) WHERE {{ {{ {body} LIMIT {limit} }} }}")
            self._counts[key] = int(next(iter(rows))["n"].value)
        return self._counts[key]

    def _fewer_than(self, focus: Focus, triple: str, n: int, condition: str = "", scan: bool = True) -> list:
        """Focus nodes with fewer than ``n`` distinct values matching ``triple`` (and ``condition``)."""
        filt = f"FILTER({condition})" if condition else ""
        if n == 1:
            passing = f"{triple} {filt}"
        else:
            passing = f"SELECT ?this WHERE {{ {triple} {filt} }} GROUP BY ?this HAVING (COUNT(DISTINCT ?v) >= {n})"
            passing = f"{{ {passing} }}"
        absent = "MINUS" if scan else "FILTER NOT EXISTS"
        q = f"SELECT DISTINCT ?this WHERE {{ {focus.pattern} {absent} {{ {passing} }} }}"
        return [row["this"] for row in self.rows(focus, q)]

    def _qualified(self, shape: Shape, focus: Focus, p: str, triples: str, found, scan: bool) -> Iterator[Finding]:
        q = shape.qualified
        conforms = all_pass(q.tests, "?v")
        if q.min_count:
            for this in self._fewer_than(focus, f"?this {p} ?v", q.min_count, conforms, scan=scan):
                yield Finding(shape, this, None, f"Fewer than {q.min_count} values of {shape.path_name} conform to the qualified shape")
        if q.max_count is not None:
            sel = (f"SELECT ?this WHERE {{ {triples} FILTER({conforms}) }} GROUP BY ?this "
                   f"HAVING (COUNT(DISTINCT ?v) > {q.max_count})")
            for r in found(self.rows(focus, sel)):
                yield Finding(shape, r["this"], None, f"More than {q.max_count} values of {shape.path_name} conform to the qualified shape")


def _split_prefixes(select: str) -> tuple[str, str, str]:
    """PREFIX lines and the query after them."""
    lines = select.splitlines()
    head = [ln for ln in lines if ln.strip().upper().startswith("PREFIX ")]
    body = [ln for ln in lines if not ln.strip().upper().startswith("PREFIX ")]
    return "\n".join(head), "", "\n".join(body)


__all__ = ["CASTABLE", "TEST_FORMS", "Finding", "Focus", "StoreChecker", "TestForm", "all_pass", "n3",
           "test_expression", "test_message"]
