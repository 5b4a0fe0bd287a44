"""The build at scale: worker processes, a Dask cluster, incremental rebuilds, shared entities
that follow their documents. Real documents from ../shared/corpus (skipped where absent)."""
from __future__ import annotations

import shutil

import pytest
from disclosure_kg.graph.build import build
from disclosure_kg.graph.iri import Minter
from disclosure_kg.graph.namespaces import DKG
from disclosure_kg.graph.store import OxigraphStore

PINGTAN = "106_pingtan_2023.txt"
OTHER = "003_72128b50d2462855.txt"


def quads(store: OxigraphStore) -> list[bytes]:
    return sorted(store.dump("nq").splitlines())


@pytest.fixture(scope="module")
def inline_dump(corpus_dir, tmp_path_factory) -> list[bytes]:
    """The dev corpus built in this process: what every other way of building must equal."""
    store = OxigraphStore(tmp_path_factory.mktemp("inline") / "kg")
    summary = build([corpus_dir], store, progress=False, jobs=1)
    assert summary.documents == 15 and not summary.problems
    dump = quads(store)
    store.close()
    return dump


def test_worker_processes_build_the_same_store(corpus_dir, tmp_path, inline_dump):
    store = OxigraphStore(tmp_path / "kg")
    summary = build([corpus_dir], store, progress=False, jobs=2)
    assert summary.documents == 15
    assert set(summary.cpu) == {"read", "extract", "triples", "validate"}  # the workers' clocks come back
    assert quads(store) == inline_dump
    store.close()


def test_a_dask_cluster_builds_the_same_store(corpus_dir, tmp_path, inline_dump):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        store = OxigraphStore(tmp_path / "kg")
        summary = build([corpus_dir], store, progress=False, scheduler=cluster.scheduler_address)
    assert summary.documents == 15 and not summary.problems
    assert quads(store) == inline_dump
    store.close()


def test_an_unchanged_rebuild_reads_nothing_and_changes_nothing(corpus_dir, tmp_path, inline_dump):
    store = OxigraphStore(tmp_path / "kg")
    build([corpus_dir], store, progress=False, jobs=1)
    again = build([corpus_dir], store, progress=False, jobs=1)
    assert (again.documents, again.unchanged) == (0, 15)
    assert again.cpu == {}  # no document was even read
    assert quads(store) == inline_dump
    forced = build([corpus_dir], store, progress=False, jobs=1, force=True)
    assert forced.documents == 15
    assert quads(store) == inline_dump
    store.close()


def division_descriptions(store: OxigraphStore, minter: Minter) -> set[str]:
    rows = store.select(f"SELECT ?d WHERE {{ GRAPH <{minter.entities_graph}> {{ ?d a <{DKG.Division}> }} }}").rows
    return {r[0] for r in rows}


def test_a_changed_document_is_rebuilt_and_its_old_entities_go(corpus_dir, tmp_path):
    """One file whose content changes from one county's report to another's: the store then
    describes the second county, not the first (nobody cites it any more)."""
    minter = Minter()
    folder = tmp_path / "in"
    folder.mkdir()
    report = folder / "report.txt"
    shutil.copy(corpus_dir / PINGTAN, report)
    store = OxigraphStore(tmp_path / "kg")
    build([folder], store, progress=False, jobs=1)
    before = division_descriptions(store, minter)
    shutil.copy(corpus_dir / OTHER, report)
    summary = build([folder], store, progress=False, jobs=1)
    assert (summary.documents, summary.unchanged) == (1, 0)
    after = division_descriptions(store, minter)

    fresh = OxigraphStore(tmp_path / "fresh")
    build([folder], fresh, progress=False, jobs=1)
    assert after == division_descriptions(fresh, minter) and after != before
    assert quads(store) == quads(fresh)  # nothing of the first content is left anywhere
    store.close()
    fresh.close()


def test_the_same_report_under_two_names_is_one_document(corpus_dir, tmp_path):
    """Crawls store one report under several names. It is one document (counted once in every
    aggregate) with both names recorded; a later build that meets a third name adds it."""
    from disclosure_kg.graph.validate import validate_store

    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("pingtan 2023.txt", "pingtan-2023-copy.txt"):
        shutil.copy(corpus_dir / PINGTAN, folder / name)
    store = OxigraphStore(tmp_path / "kg")
    summary = build([folder], store, progress=False, jobs=1)
    assert summary.documents == 1 and summary.same_content == {"pingtan-2023-copy.txt": "pingtan 2023.txt"}
    shutil.copy(corpus_dir / PINGTAN, folder / "pingtan_third.txt")
    build([folder], store, progress=False, jobs=1)
    rows = store.select("""SELECT ?source ?other WHERE { GRAPH ?g {
        ?d <http://purl.org/dc/terms/source> ?source ; <https://w3id.org/disclosure-kg/def#otherSource> ?other } }""").rows
    assert sorted(rows) == [["pingtan 2023.txt", "pingtan-2023-copy.txt"], ["pingtan 2023.txt", "pingtan_third.txt"]]
    report = validate_store(store)
    assert report.conforms and not [r for r in report.results if r.shape.endswith("SameBytesTwice")]
    store.close()
