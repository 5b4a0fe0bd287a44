"""The graph of the real corpus: one named graph per document, stable IRIs, contract queries."""
from __future__ import annotations

import csv
import io

import pytest

from disclosure_kg.graph.build import build
from disclosure_kg.graph.cli import main
from disclosure_kg.graph.iri import Minter, slug
from disclosure_kg.graph.queries import NamedQuery, bind, library, resolve
from disclosure_kg.graph.store import OxigraphStore

CONTRACT = {
    "reports": ["source", "type", "agencyLabel", "adcode", "year"],
    "report-citations": ["source", "title", "docNumber"],
    "report-domains": ["source", "domainLabel"],
    "report-metrics": ["source", "metricLabel", "breakdown", "value"],
}


@pytest.fixture(scope="module")
def corpus_store(corpus_dir, tmp_path_factory):
    path = tmp_path_factory.mktemp("kg")
    store = OxigraphStore(path)
    summary = build([corpus_dir], store, progress=False)
    yield store, summary
    store.close()


def rows(store, name, **params):
    t = store.select(bind(resolve(name), params))
    return [dict(zip(t.columns, r)) for r in t.rows]


def test_every_document_builds_into_its_own_graph(corpus_store, corpus_dir):
    store, summary = corpus_store
    files = sorted(p.name for p in corpus_dir.iterdir() if p.is_file())
    assert summary.problems == []
    assert summary.documents == len(files)
    minter = Minter()
    assert store.graphs() == sorted([minter.document_graph(f) for f in files] + [minter.vocabulary_graph, minter.entities_graph])


@pytest.mark.parametrize("name,columns", sorted(CONTRACT.items()))
def test_contract_queries_have_their_columns(corpus_store, name, columns):
    store, _ = corpus_store
    t = store.select(resolve(name).text)
    assert set(columns) <= set(t.columns)


def test_reports_row_per_document(corpus_store, gold):
    store, _ = corpus_store
    got = {r["source"]: r for r in rows(store, "reports")}
    assert set(got) == set(gold)
    for source, g in gold.items():
        assert got[source]["type"] == g["type"], source
        assert got[source]["year"] == str(g["year"]), source


def test_rebuilding_a_document_replaces_its_graph(corpus_dir, tmp_path):
    store = OxigraphStore(tmp_path / "kg")
    f = corpus_dir / "003_72128b50d2462855.txt"
    build([f], store, progress=False)
    first = sorted(store.dump("nq").splitlines())
    build([f], store, progress=False, force=True)
    assert sorted(store.dump("nq").splitlines()) == first  # same triples, no duplicates, nothing else touched
    store.close()


def test_iris_are_stable_across_stores(corpus_dir, tmp_path):
    dumps = []
    for i in range(2):
        store = OxigraphStore(tmp_path / f"kg{i}")
        build([corpus_dir / "106_pingtan_2023.txt", corpus_dir / "000_e12181306ca0a942.txt"], store, progress=False)
        dumps.append(sorted(store.dump("nq").splitlines()))
        store.close()
    assert dumps[0] == dumps[1]


def test_base_iri_is_a_setting(corpus_dir, tmp_path):
    store = OxigraphStore(tmp_path / "kg")
    build([corpus_dir / "106_pingtan_2023.txt"], store, Minter("https://example.org/kg/"), progress=False)
    assert all(g.startswith("https://example.org/kg/graph/") for g in store.graphs())
    store.close()


def test_bad_file_is_reported_and_the_rest_builds(corpus_dir, tmp_path, capsys):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 this is not really a pdf")
    good = corpus_dir / "106_pingtan_2023.txt"
    code = main(["build", str(bad), str(good), str(tmp_path / "missing.txt"), "--store", str(tmp_path / "kg"), "--no-progress"])
    err = capsys.readouterr().err
    assert code == 1  # some inputs not read: each named on a line of its own, the rest stored
    assert "built 1 documents" in err
    not_read = [line for line in err.splitlines() if line.startswith("  not read: ")]
    assert len(not_read) == 2
    assert "broken.pdf" in not_read[0] + not_read[1] and "missing.txt: no such file" in err


def test_cli_query_csv_has_a_header(corpus_dir, tmp_path, capsys):
    store = tmp_path / "kg"
    main(["build", str(corpus_dir / "106_pingtan_2023.txt"), "--store", str(store), "--no-progress"])
    capsys.readouterr()
    assert main(["query", "reports", "--store", str(store), "--format", "csv"]) == 0
    out = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert out[0]["source"] == "106_pingtan_2023.txt" and out[0]["year"] == "2023"


def test_unknown_query_is_a_clear_error(tmp_path, capsys):
    OxigraphStore(tmp_path / "kg").close()
    assert main(["query", "no-such-question", "--store", str(tmp_path / "kg")]) == 2
    assert "no query named 'no-such-question'" in capsys.readouterr().err


def test_parameters_cannot_change_the_query():
    q = resolve("districts-citing")
    hostile = 'x" ) } DROP ALL #'
    text = bind(q, {"regulation": hostile})
    assert 'VALUES ?regulation { "x\\" ) } DROP ALL #" }' in text  # bound where the query says, escaped
    assert text.count("DROP ALL") == 1  # only inside the escaped literal
    # a query without a placeholder gets the binding at the start of its outermost WHERE
    plain = NamedQuery("plain", "# param: x — any\nSELECT ?x WHERE { ?s ?p ?x }", "plain.rq")
    assert bind(plain, {"x": hostile}) == '# param: x — any\nSELECT ?x WHERE {\n  VALUES (?x) { ("x\\" ) } DROP ALL #") } ?s ?p ?x }'
    with pytest.raises(ValueError, match="needs --param regulation"):
        bind(q, {})
    with pytest.raises(ValueError, match="has no parameter"):
        bind(q, {"regulation": "a", "other": "b"})


def test_every_library_query_says_what_it_answers():
    for name, q in library().items():
        assert q.text.startswith("# "), name
        assert "Columns:" in q.description, name


def test_slug_keeps_chinese_and_drops_brackets():
    assert slug("国办公开办函〔2019〕60号") == "国办公开办函-2019-60号"
    assert slug("110_pingtan_2021.html") == "110_pingtan_2021-html"


@pytest.mark.parametrize("fmt,rdflib_format", [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_export_round_trips(corpus_dir, tmp_path, fmt, rdflib_format):
    from rdflib import Graph

    store = tmp_path / "kg"
    main(["build", str(corpus_dir / "106_pingtan_2023.txt"), "--store", str(store), "--no-progress"])
    out = tmp_path / f"graph.{fmt}"
    assert main(["export", "--store", str(store), "--format", fmt, "-o", str(out)]) == 0
    g = Graph()
    g.parse(out, format=rdflib_format)
    s = OxigraphStore(store, read_only=True)
    assert len(g) == len(set(s.dump("nt").splitlines()))


def test_trig_export_keeps_one_graph_per_document(corpus_dir, tmp_path):
    from rdflib import Dataset

    store = tmp_path / "kg"
    main(["build", str(corpus_dir / "106_pingtan_2023.txt"), str(corpus_dir / "003_72128b50d2462855.txt"),
          "--store", str(store), "--no-progress"])
    out = tmp_path / "dataset.trig"
    assert main(["export", "--store", str(store), "--format", "trig", "-o", str(out)]) == 0
    d = Dataset()
    d.parse(out, format="trig")
    names = {str(g.identifier) for g in d.graphs() if len(g)}
    m = Minter()
    assert {m.document_graph("106_pingtan_2023.txt"), m.document_graph("003_72128b50d2462855.txt"),
            m.vocabulary_graph, m.entities_graph} <= names


def test_an_extractor_bug_costs_its_facts_not_the_document(corpus_dir, tmp_path, monkeypatch):
    """A bug in one extractor loses that extractor's facts for that document, named in a finding
    and a build warning; a bug in reading what the document is loses the document, named as not
    read. Either way the rest of the corpus builds."""
    from disclosure_kg.extract import citations, docinfo

    real_citations, real_info = citations.find_citations, docinfo.document_info

    def broken_citations(doc, info):
        if doc.source.startswith("003_"):
            raise RuntimeError("planted bug")
        return real_citations(doc, info)

    def broken_info(doc):
        if doc.source.startswith("106_"):
            raise RuntimeError("planted bug in docinfo")
        return real_info(doc)

    monkeypatch.setattr(citations, "find_citations", broken_citations)
    monkeypatch.setattr(docinfo, "document_info", broken_info)
    store = OxigraphStore(tmp_path / "kg")
    files = [corpus_dir / "003_72128b50d2462855.txt", corpus_dir / "106_pingtan_2023.txt", corpus_dir / "107_shuyang_2025.txt"]
    summary = build(files, store, progress=False, jobs=1)  # the planted bugs live in this process
    assert summary.documents == 2
    assert len(summary.problems) == 1 and "106_pingtan_2023.txt: internal error" in summary.problems[0]
    assert "planted bug in docinfo" in summary.problems[0]
    assert [w for w in summary.warnings if "planted bug" in w] == [
        "003_72128b50d2462855.txt: _citations failed: RuntimeError: planted bug"]
    cited = store.select("""SELECT ?source (COUNT(?r) AS ?n) WHERE { GRAPH ?g {
        ?d <http://purl.org/dc/terms/source> ?source ; <https://w3id.org/disclosure-kg/def#contentHash> ?h .
        OPTIONAL { ?d <http://data.europa.eu/eli/ontology#cites> ?r } } } GROUP BY ?source ORDER BY ?source""").rows
    assert [(r[0], int(r[1]) > 0) for r in cited] == [("003_72128b50d2462855.txt", False), ("107_shuyang_2025.txt", True)]
    store.close()
