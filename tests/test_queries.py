"""The analyst's queries on the graph of the real corpus: what they say about real reports."""
from __future__ import annotations

import pytest

from disclosure_kg.graph.build import build
from disclosure_kg.graph.queries import bind, library, resolve
from disclosure_kg.graph.store import OxigraphStore

TIAOLI = "中华人民共和国政府信息公开条例"


@pytest.fixture(scope="module")
def store(corpus_dir, tmp_path_factory):
    s = OxigraphStore(tmp_path_factory.mktemp("kg"))
    build([corpus_dir], s, progress=False)
    yield s
    s.close()


def rows(store, name, **params):
    t = store.select(bind(resolve(name), params))
    return [dict(zip(t.columns, r)) for r in t.rows]


@pytest.mark.parametrize("name", sorted(library()))
def test_every_query_answers_on_the_corpus(store, name):
    """Every library query returns rows on the real corpus, each row binding every column the
    query names (a query that silently matches nothing is the failure this catches)."""
    q = resolve(name)
    t = store.select(bind(q, {p: TIAOLI for p in q.params}))
    assert t.rows, f"{name}: no rows"
    assert all(any(v is not None for v in r) for r in t.rows)


def test_the_tiaoli_is_the_most_cited(store):
    top = rows(store, "most-cited-regulations")[0]
    assert top["title"] == TIAOLI
    assert int(top["reports"]) == 14  # every document but 000, which never names it


def test_districts_citing_by_title_and_by_number(store):
    by_title = {r["source"] for r in rows(store, "districts-citing", regulation=TIAOLI)}
    assert "001_921786cd5a80cdaf.txt" in by_title and "106_pingtan_2023.txt" in by_title
    by_number = {r["source"] for r in rows(store, "districts-citing", regulation="国办公开办函〔2021〕30号")}
    assert {"106_pingtan_2023.txt", "107_shuyang_2025.txt", "108_shanghai_office_2025.txt"} <= by_number


def test_report_citations_carry_the_edition_in_force(store):
    got = {(r["source"], r["docNumber"]) for r in rows(store, "report-citations") if r["title"] == TIAOLI}
    assert ("001_921786cd5a80cdaf.txt", "国务院令第492号") in got  # a report on 2016
    assert ("106_pingtan_2023.txt", "国务院令第711号") in got  # a report on 2023


def test_regulations_by_district_counts_each_document_once(store):
    pingtan = [r for r in rows(store, "regulations-by-district") if r["adcode"] == "350128" and r["title"] == TIAOLI]
    assert len(pingtan) == 1
    assert int(pingtan[0]["reports"]) == 7  # the zone's and the county's reports 2011–2023, one of them also as HTML
    assert (pingtan[0]["firstYear"], pingtan[0]["lastYear"]) == ("2011", "2023")


def test_applications_by_district_year(store):
    r = {x["source"]: x for x in rows(store, "applications-by-district-year")}
    assert r["106_pingtan_2023.txt"]["received"] == "81"
    assert r["003_72128b50d2462855.txt"]["received"] == "773"


def test_review_litigation_rates(store):
    r = {x["source"]: x for x in rows(store, "review-litigation-rates")}
    assert r["000_e12181306ca0a942.txt"]["reconsiderations"] == "96"
    assert r["000_e12181306ca0a942.txt"]["reconsiderationsCorrected"] == "9"


def test_domains_by_district_and_matrix(store):
    yangpu = {r["domainLabel"] for r in rows(store, "domains-by-district") if r["adcode"] == "310110"}
    assert {"财政预决算", "重大建设项目", "保障性住房"} <= yangpu
    matrix = [r for r in rows(store, "district-domain-matrix") if r["adcode"] == "310110"]
    assert len(matrix) >= 37  # every domain of the scheme, 0 where the district does not report on it


def test_agencies_of_district_places_agencies_under_their_government(store):
    named = rows(store, "agencies-of-district")
    assert any(r["parent"] == "上海市杨浦区人民政府" for r in named if r["source"].startswith("000_"))


def test_citation_network(store):
    from disclosure_kg.graph.network import bipartite, projection

    g = bipartite(store, "citations")
    tiaoli = next(n for n, d in g.nodes(data=True) if d.get("label") == TIAOLI)
    assert g.degree(tiaoli) == 7  # 8 divisions; 杨浦区's only report (2018) never names it
    co = projection(g, "citations")
    assert co.has_node(tiaoli)
