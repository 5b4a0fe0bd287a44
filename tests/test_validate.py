"""SHACL: the corpus graph conforms, and a planted defect of each kind the shapes check fails."""
from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from disclosure_kg.extract.pipeline import extract_file
from disclosure_kg.graph.cli import main
from disclosure_kg.graph.iri import Minter
from disclosure_kg.graph.namespaces import DCTERMS, DKG, ELI, ORG, PROV, QB, WDT
from disclosure_kg.graph.triples import document_graph
from disclosure_kg.graph.validate import validate_graph

BASE = Minter().base


@pytest.fixture(scope="module")
def clean(corpus_dir) -> Graph:
    """The graph of one real 2021-format report (citations, domains, tables, agencies)."""
    dg = document_graph(extract_file(corpus_dir / "106_pingtan_2023.txt"))
    return dg.graph + dg.shared


def one(g: Graph, cls) -> URIRef:
    return sorted(g.subjects(RDF.type, cls))[0]


def drop_publisher(g):
    g.remove((None, DCTERMS.publisher, None))


def second_year(g):
    g.add((one(g, DKG.AnnualReport), DKG.year, Literal("1999", datatype=XSD.gYear)))


def drop_format(g):
    g.remove((None, DCTERMS.conformsTo, None))


def bad_adcode(g):
    d = one(g, DKG.Division)
    g.remove((d, DKG.adcode, None))
    g.add((d, DKG.adcode, Literal("35012")))


def p442_mismatch(g):
    d = one(g, DKG.Division)
    g.remove((d, WDT.P442, None))
    g.add((d, WDT.P442, Literal("11 01 01")))


def second_title(g):
    r = one(g, DKG.CitationLink)
    reg = g.value(r, DKG.regulation)
    g.add((reg, ELI.title, Literal("另一个标题", lang="zh-Hans")))
    g.add((reg, RDF.type, DKG.Regulation))


def wrong_mention_count(g):
    link = one(g, DKG.CitationLink)
    g.set((link, DKG.mentionCount, Literal(99)))


def citation_without_evidence(g):
    link = one(g, DKG.CitationLink)
    g.remove((link, DKG.mention, None))
    g.set((link, DKG.mentionCount, Literal(1)))


def backwards_mention(g):
    m = one(g, DKG.Mention)
    g.set((m, DKG.startOffset, Literal(500)))
    g.set((m, DKG.endOffset, Literal(10)))


def cell_extracted_twice(g):
    obs = one(g, QB.Observation)
    g.add((obs, DKG.value, Literal(12345)))


def breakdown_off_the_code_list(g):
    obs = one(g, QB.Observation)
    g.add((obs, DKG.breakdown, DKG.Government))


def metric_off_the_scheme(g):
    obs = one(g, QB.Observation)
    g.set((obs, DKG.metric, DKG.Government))


def domain_off_the_scheme(g):
    link = one(g, DKG.DomainLink)
    g.set((link, DKG.domain, DKG.Government))


def agency_without_kind(g):
    a = one(g, DKG.Agency)
    g.remove((a, ORG.classification, None))


def agency_two_names(g):
    a = one(g, DKG.Agency)
    g.add((a, SKOS.prefLabel, Literal("另一个名称", lang="zh-Hans")))


def finding_without_kind(g):
    doc = one(g, DKG.AnnualReport)
    f = URIRef(str(doc) + "/finding/999")
    g.add((doc, DKG.finding, f))
    g.add((f, RDF.type, DKG.Finding))
    g.add((f, RDFS.comment, Literal("planted")))


def mention_without_quote(g):
    m = one(g, DKG.Mention)
    g.remove((m, PROV.value, None))


def observation_missing_a_dimension(g):
    """A total without its applicant code: the defect that made totals and parts collide."""
    obs = next(o for o in sorted(g.subjects(RDF.type, QB.Observation)) if (o, DKG.applicant, None) in g)
    g.remove((obs, DKG.applicant, None))


def observation_twice(g):
    """A second node for an existing cell: same value on every dimension (IC-12)."""
    obs = one(g, QB.Observation)
    copy = URIRef(str(obs) + "-copy")
    for p, o in g.predicate_objects(obs):
        g.add((copy, p, o))


def code_off_its_list(g):
    """A dimension value from another code list (an outcome in the applicant dimension)."""
    obs = next(o for o in sorted(g.subjects(RDF.type, QB.Observation)) if (o, DKG.applicant, None) in g)
    g.set((obs, DKG.applicant, URIRef("https://w3id.org/disclosure-kg/breakdown/disclosed")))


def observation_without_measure(g):
    obs = one(g, QB.Observation)
    g.remove((obs, DKG.value, None))


DEFECTS = [
    (drop_publisher, "DocumentShape", "dct:publisher"),
    (second_year, "DocumentShape", "dkg:year"),
    (drop_format, "AnnualReportShape", "dct:conformsTo"),
    (bad_adcode, "DivisionShape", "dkg:adcode"),
    (p442_mismatch, "DivisionShape", ""),
    (second_title, "RegulationShape", "eli:title"),
    (wrong_mention_count, "CitationLinkShape", ""),
    (citation_without_evidence, "CitationLinkShape", "dkg:mention"),
    (backwards_mention, "MentionShape", "dkg:startOffset"),
    (mention_without_quote, "MentionShape", "prov:value"),
    (cell_extracted_twice, "ObservationShape", "dkg:value"),
    (breakdown_off_the_code_list, "ObservationShape", "dkg:breakdown"),
    (metric_off_the_scheme, "ObservationShape", "dkg:metric"),
    (domain_off_the_scheme, "DomainLinkShape", "dkg:domain"),
    (agency_without_kind, "AgencyShape", "org:classification"),
    (agency_two_names, "AgencyShape", "skos:prefLabel"),
    (finding_without_kind, "FindingShape", "dkg:findingKind"),
    (observation_missing_a_dimension, "CubeObservation", ""),
    (observation_twice, "CubeObservation", ""),
    (code_off_its_list, "CubeObservation", ""),
    (observation_without_measure, "CubeObservation", ""),
]


CUBE_MESSAGES = {"observation_missing_a_dimension": "IC-11", "observation_twice": "IC-12",
                 "code_off_its_list": "IC-19", "observation_without_measure": "IC-14"}


@pytest.mark.parametrize("plant", [observation_missing_a_dimension, observation_twice, code_off_its_list,
                                   observation_without_measure], ids=lambda f: CUBE_MESSAGES[f.__name__])
def test_data_cube_integrity_constraint_names_itself(clean, plant):
    g = Graph()
    g += clean
    plant(g)
    messages = [r.message for r in validate_graph(g, BASE).violations]
    assert any(CUBE_MESSAGES[plant.__name__] + ":" in m for m in messages), messages


def test_corpus_graph_meets_every_data_cube_constraint(corpus_dir, tmp_path, capsys):
    """IC-1 … IC-21 on the whole built corpus (one data set per document and structure)."""
    store = tmp_path / "kg"
    assert main(["build", str(corpus_dir), "--store", str(store), "--no-progress"]) == 0
    capsys.readouterr()
    assert main(["validate", "--store", str(store), "--format", "json"]) == 0
    import json

    results = json.loads(capsys.readouterr().out)["results"]
    assert not [r for r in results if "Data Cube" in r["message"]]


def test_clean_graph_conforms(clean):
    report = validate_graph(clean, BASE)
    assert report.violations == [], report.violations[:3]


@pytest.mark.parametrize("plant,shape,path", DEFECTS, ids=[d[0].__name__ for d in DEFECTS])
def test_planted_defect_is_caught(clean, plant, shape, path):
    g = Graph()
    g += clean
    plant(g)
    report = validate_graph(g, BASE)
    assert not report.conforms
    hits = [r for r in report.violations if shape in r.shape and path in r.shape + " " + r.path]
    assert hits, [(r.shape, r.path, r.message) for r in report.violations]


def test_cli_validate_exit_codes(corpus_dir, tmp_path, capsys):
    store = tmp_path / "kg"
    assert main(["build", str(corpus_dir), "--store", str(store), "--no-progress"]) == 0
    assert main(["validate", "--store", str(store)]) == 0
    assert "conforms" in capsys.readouterr().out
    assert main(["validate", "--store", str(tmp_path / "nowhere")]) == 2


def unbalanced_row(g):
    """Change one applicant cell of table 三's 本年新收 row: the row no longer adds up."""
    q = """SELECT ?o WHERE { ?o <https://w3id.org/disclosure-kg/def#metric> <https://w3id.org/disclosure-kg/metric/applications-received> ;
                            <https://w3id.org/disclosure-kg/def#breakdown> <https://w3id.org/disclosure-kg/breakdown/natural-person> }"""
    (obs,) = [r[0] for r in g.query(q)]
    old = g.value(obs, DKG.value)
    g.set((obs, DKG.value, Literal(Decimal(int(old) + 7))))


def unbalanced_outcome(g):
    """Change the 予以公开 cell of the 自然人 column: the column's outcomes no longer add up."""
    q = """SELECT ?o WHERE { ?o <https://w3id.org/disclosure-kg/def#metric> <https://w3id.org/disclosure-kg/metric/applications-answered> ;
                            <https://w3id.org/disclosure-kg/def#breakdown> <https://w3id.org/disclosure-kg/breakdown/natural-person>,
                                                                       <https://w3id.org/disclosure-kg/breakdown/disclosed> }"""
    (obs,) = [r[0] for r in g.query(q)]
    g.set((obs, DKG.value, Literal(Decimal(int(g.value(obs, DKG.value)) + 3))))


IDENTITIES = [
    (unbalanced_row, "TableThreeRowTotal"),
    (unbalanced_row, "TableThreeBalance"),
    (unbalanced_outcome, "TableThreeOutcomes"),
]


@pytest.mark.parametrize("plant,shape", IDENTITIES, ids=[s for _, s in IDENTITIES])
def test_identity_failure_is_a_warning_naming_the_cells(clean, plant, shape):
    assert not [r for r in validate_graph(clean, BASE).warnings if shape in r.shape]
    g = Graph()
    g += clean
    plant(g)
    report = validate_graph(g, BASE)
    assert report.conforms  # a report that does not balance is a finding, not a broken graph
    hits = [r for r in report.warnings if shape in r.shape]
    assert hits and "106_pingtan_2023" in hits[0].message
