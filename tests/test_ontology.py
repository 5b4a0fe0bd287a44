"""The ontology files: they parse, and every dkg: term the code writes is declared there."""
import re
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from disclosure_kg.extract import vocab
from disclosure_kg.graph.namespaces import DKG

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "ontology").glob("*.ttl")))
def test_ontology_file_parses(name):
    g = Graph()
    g.parse(data=vocab.ontology_text(name), format="turtle", publicID="https://example.org/")
    assert len(g) > 0


def test_dkg_terms_used_in_code_are_declared():
    declared = {str(s) for s in vocab.graph("disclosure.ttl").subjects()}
    used = set()
    for py in (ROOT / "graph").glob("*.py"):
        used |= {f"{DKG}{t}" for t in re.findall(r"\bDKG\.(\w+)", py.read_text("utf-8"))}
    assert sorted(used - declared) == []


def test_core_classes_have_three_labels():
    g = vocab.graph("disclosure.ttl")
    from rdflib.namespace import OWL, SKOS

    for cls in g.subjects(RDF.type, OWL.Class):
        langs = sorted(l.language for l in g.objects(cls, SKOS.prefLabel))
        assert langs == ["en", "zh-Hans", "zh-Hant"], cls
