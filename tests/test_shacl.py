"""The SHACL validators (graph/shacl*.py) against pySHACL, on real documents and real stores."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
import test_validate as planted
from disclosure_kg.extract.pipeline import extract_file
from disclosure_kg.graph.cli import main
from disclosure_kg.graph.iri import Minter
from disclosure_kg.graph.shacl import UnsupportedShape, read_shapes
from disclosure_kg.graph.store import OxigraphStore
from disclosure_kg.graph.triples import document_graph
from disclosure_kg.graph.validate import (
    default_shapes,
    document_context,
    pyshacl_report,
    store_graph,
    validate_document,
    validate_graph,
    validate_store,
)
from rdflib import Graph

BASE = Minter().base
SH = "http://www.w3.org/ns/shacl#"
FEW = ["105_pingtan_2021.txt", "106_pingtan_2023.txt", "109_notice_2019_60.txt"]


def validated_both_ways(path):
    """The store at ``path`` validated in place and, as the reference, merged into one graph."""
    store = OxigraphStore(path, read_only=True)
    try:
        return validate_store(store), validate_graph(store_graph(store), BASE)
    finally:
        store.close()


def findings(results) -> set[tuple]:
    return {(r.focus, r.shape, r.path, r.severity) for r in results}


def core_only(results) -> set[tuple]:
    """Findings of the core constraints of class-targeted shapes: what validate_document checks."""
    shapes = default_shapes().targeted
    sparql = {s.name for s in shapes if s.sparql}
    sparql_targets = {s.name for s in shapes if s.target_selects}
    return {f for f in findings(results)
            if not (f[2] == "" and f[1] in sparql) and f[1].split(" ")[0] not in sparql_targets}


def ox_triples(g: Graph) -> list[tuple]:
    data = g.serialize(format="nt", encoding="utf-8")
    return [(t.subject, t.predicate, t.object) for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)]


@pytest.fixture(scope="module")
def corpus_store(corpus_dir, tmp_path_factory):
    store = tmp_path_factory.mktemp("kg") / "store"
    assert main(["build", str(corpus_dir), "--store", str(store), "--no-progress"]) == 0
    return store


@pytest.fixture(scope="module")
def defective(corpus_dir) -> Graph:
    """One real 2021-format report with every planted defect of tests/test_validate.py at once."""
    dg = document_graph(extract_file(corpus_dir / "106_pingtan_2023.txt"))
    g = dg.graph + dg.shared
    for plant, _, _ in planted.DEFECTS:
        plant(g)
    planted.unbalanced_outcome(g)
    return g


def test_store_matches_pyshacl_on_the_corpus(corpus_store):
    """A store built by `dkg build` validates, with pySHACL's findings (warnings included)."""
    store = OxigraphStore(corpus_store, read_only=True)
    try:
        report = validate_store(store)
        reference = pyshacl_report(store_graph(store), BASE)
    finally:
        store.close()
    assert report.conforms, report.violations[:3]
    assert findings(report.results) == findings(reference.results)


def test_planted_defects_match_pyshacl(defective):
    reference = pyshacl_report(defective, BASE)
    report = validate_graph(defective, BASE)
    assert len(reference.violations) > 20 and reference.warnings
    assert findings(report.results) == findings(reference.results)
    local = validate_document(ox_triples(defective), document_context(BASE))
    assert findings(local) == core_only(reference.results)


def test_one_document_in_milliseconds(corpus_dir):
    """The check the build runs per document: pyoxigraph terms in, findings out, no store."""
    import time

    dg = document_graph(extract_file(corpus_dir / "106_pingtan_2023.txt"))
    context = document_context(BASE)
    triples = [*dg.triples, *dg.shared_triples]
    assert validate_document(triples, context) == []
    started = time.perf_counter()
    validate_document(triples, context)
    assert time.perf_counter() - started < 0.5  # about 20 ms for these 6,000 triples
    publisher = next(t for t in triples if t[1].value.endswith("/publisher"))
    broken = [t for t in triples if t != publisher] + [ox.Triple(publisher[0], publisher[1], ox.Literal("x"))]
    shapes = {r.shape for r in validate_document(broken, context)}
    assert shapes == {"dkgsh:DocumentShape dct:publisher"}


def test_defects_inside_document_graphs_of_a_store(corpus_dir, tmp_path):
    """Planted in the named graphs of a real store: found where they are, and a triple stored in
    two graphs (the union is a bag) does not double a count."""
    files = [corpus_dir / name for name in FEW]
    path = tmp_path / "kg"
    assert main(["build", *map(str, files), "--store", str(path), "--no-progress"]) == 0
    store = OxigraphStore(path)
    raw = store.store
    dkg = "https://w3id.org/disclosure-kg/def#"
    doc = ox.NamedNode(Minter().document("106_pingtan_2023.txt"))
    graph = ox.NamedNode(Minter().document_graph("106_pingtan_2023.txt"))
    publisher = next(raw.quads_for_pattern(doc, ox.NamedNode("http://purl.org/dc/terms/publisher"), None, graph))
    raw.remove(publisher)
    other = ox.NamedNode(Minter().document_graph("105_pingtan_2021.txt"))
    obs = next(q.subject for q in raw.quads_for_pattern(None, ox.NamedNode(dkg + "value"), None, other))
    raw.add(ox.Quad(obs, ox.NamedNode(dkg + "value"), ox.Literal("12345", datatype=ox.NamedNode(
        "http://www.w3.org/2001/XMLSchema#decimal")), other))
    mention = next(q for q in raw.quads_for_pattern(None, ox.NamedNode(dkg + "mention"), None, graph)
                   if "/citation/" in q.subject.value)
    raw.add(ox.Quad(mention.subject, mention.predicate, mention.object, ox.NamedNode(Minter().entities_graph)))
    store.close()
    report, reference = validated_both_ways(path)
    assert findings(report.results) == findings(reference.results)
    assert {(r.focus, r.shape) for r in report.violations} == {
        (doc.value, "dkgsh:DocumentShape dct:publisher"),
        (obs.value, "dkgsh:ObservationShape dkg:value"),
    }


def test_a_count_over_a_bag_is_counted_once():
    """The union of named graphs repeats a triple stored twice; COUNT(?m) must not see it twice."""
    shapes = Graph().parse(format="turtle", data=f"""
        @prefix sh: <{SH}> . @prefix ex: <http://example.org/> .
        ex:S a sh:NodeShape ; sh:targetClass ex:C ;
          sh:sparql [ sh:message "two mentions" ; sh:select \"\"\"
            SELECT ?this WHERE {{ {{ SELECT ?this (COUNT(?m) AS ?n) WHERE {{ ?this <http://example.org/m> ?m }}
                                      GROUP BY ?this }} FILTER(?n != 1) }}\"\"\" ] .""")
    store = ox.Store()
    ex = "http://example.org/"
    a, g1, g2 = ox.NamedNode(ex + "a"), ox.NamedNode(ex + "g1"), ox.NamedNode(ex + "g2")
    store.add(ox.Quad(a, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), ox.NamedNode(ex + "C"), g1))
    for g in (g1, g2):
        store.add(ox.Quad(a, ox.NamedNode(ex + "m"), ox.NamedNode(ex + "x"), g))
    (constraint,) = read_shapes(shapes).targeted[0].sparql
    assert list(store.query(constraint.select, use_default_graph_as_union=True))  # the bag's answer
    assert validate_store(store, shapes=read_shapes(shapes)).results == []


@pytest.mark.parametrize("shape", [
    "sh:property [ sh:path ex:p ; sh:minLength 2 ]",
    "sh:property [ sh:path [ sh:inversePath ex:p ] ; sh:minCount 1 ]",
    "sh:targetNode ex:a",
])
def test_an_unsupported_shape_is_refused(shape):
    g = Graph().parse(format="turtle", data=f"""
        @prefix sh: <{SH}> . @prefix ex: <http://example.org/> .
        ex:S a sh:NodeShape ; sh:targetClass ex:C ; {shape} .""")
    with pytest.raises(UnsupportedShape):
        read_shapes(g)


def test_every_shape_of_the_shapes_file_is_read():
    """read_shapes refuses what it does not implement, so reading the file is the check."""
    names = {s.name for s in default_shapes().all()}
    assert {"dkgsh:ObservationShape", "dkgsh:MetricMember", "dkgsh:VocabularyConceptShape"} <= names


def test_a_table_identity_is_checked_inside_each_document_graph(corpus_dir, tmp_path):
    """dkg:checkedPerDocument shapes run over each document graph with the shared graphs: a
    row total changed in one report of a store is found there, as on the merged graph."""
    path = tmp_path / "kg"
    assert main(["build", *(str(corpus_dir / n) for n in FEW), "--store", str(path), "--no-progress", "--jobs", "1"]) == 0
    store = OxigraphStore(path)
    raw = store.store
    dkg = "https://w3id.org/disclosure-kg/def#"
    graph = ox.NamedNode(Minter().document_graph("106_pingtan_2023.txt"))
    total = next(q.subject for q in raw.quads_for_pattern(None, ox.NamedNode(dkg + "applicant"), None, graph)
                 if q.object.value.endswith("applicant-total")
                 and "applications-received" in q.subject.value and "/" not in q.subject.value.split("applications-received")[1])
    value = next(raw.quads_for_pattern(total, ox.NamedNode(dkg + "value"), None, graph))
    raw.remove(value)
    raw.add(ox.Quad(total, value.predicate, ox.Literal("99999", datatype=value.object.datatype), graph))
    store.close()
    report, reference = validated_both_ways(path)
    assert findings(report.results) == findings(reference.results)
    assert any(r.shape == "dkgsh:TableThreeRowTotal" and r.value == total.value for r in report.warnings)


def test_store_and_local_validators_know_the_same_value_tests():
    """Each kind of value test is written twice (SPARQL for the store, Python per document):
    the two tables must cover the same kinds, or one validator would raise where the other reports."""
    from disclosure_kg.graph import shacl_local, shacl_store

    assert set(shacl_store.TEST_FORMS) == set(shacl_local._PREDICATES)
