"""The ontology files: they parse, and every dkg: term the code writes is declared there."""
import re
from pathlib import Path

import pytest
from disclosure_kg import ontology
from disclosure_kg.extract import vocab
from disclosure_kg.graph.namespaces import DKG
from rdflib import Graph
from rdflib.namespace import OWL, RDF, SH, SKOS

ROOT = Path(__file__).resolve().parents[1]


# what each file is for: (file, the class its entries have, where their IRIs start, at least how many)
CONTENTS = [
    ("disclosure.ttl", OWL.Class, ontology.DKG, 10),
    ("domains.ttl", SKOS.Concept, ontology.DOMAIN, 50),
    ("metrics.ttl", SKOS.Concept, ontology.METRIC, 25),
    ("regulations.ttl", DKG.Regulation, "", 20),
    ("shapes.ttl", SH.NodeShape, ontology.SHAPES, 20),
]
# the project's prefixes as the Turtle files declare them → the Python constant that must agree
OWN_PREFIXES = {"dkg": ontology.DKG, "domain": ontology.DOMAIN, "metric": ontology.METRIC,
                "breakdown": ontology.BREAKDOWN, "dkgsh": ontology.SHAPES}


def test_every_ontology_file_is_checked():
    assert sorted(p.name for p in (ROOT / "ontology").glob("*.ttl")) == sorted(c[0] for c in CONTENTS)


@pytest.mark.parametrize("name,cls,namespace,at_least", CONTENTS)
def test_ontology_file_holds_its_entries(name, cls, namespace, at_least):
    g = Graph()
    g.parse(data=vocab.ontology_text(name), format="turtle", publicID="https://example.org/")
    entries = [s for s in g.subjects(RDF.type, cls) if str(s).startswith(namespace)]
    assert len(entries) >= at_least, f"{name}: {len(entries)} {cls} under {namespace or 'any IRI'}"


@pytest.mark.parametrize("name", [c[0] for c in CONTENTS])
def test_turtle_prefixes_agree_with_the_python_namespaces(name):
    g = Graph()
    g.parse(data=vocab.ontology_text(name), format="turtle")
    declared = {prefix: str(iri) for prefix, iri in g.namespaces() if prefix in OWN_PREFIXES}
    assert declared and all(iri == OWN_PREFIXES[prefix] for prefix, iri in declared.items()), declared


def test_dkg_terms_used_in_code_are_declared():
    declared = {str(s) for s in vocab.graph("disclosure.ttl").subjects()}
    used = set()
    for py in (ROOT / "graph").glob("*.py"):
        used |= {f"{DKG}{t}" for t in re.findall(r"\bDKG\.(\w+)", py.read_text("utf-8"))}
    assert sorted(used - declared) == []


def test_core_classes_have_three_labels():
    g = vocab.graph("disclosure.ttl")
    for cls in g.subjects(RDF.type, OWL.Class):
        langs = sorted(l.language for l in g.objects(cls, SKOS.prefLabel))
        assert langs == ["en", "zh-Hans", "zh-Hant"], cls
