"""The same answers on every store: the embedded store, a real Oxigraph server started without the
union-default-graph option (filled with dkg push), and an rdflib Dataset of the TriG export.
Also the server (dkg serve), the W3C result formats, and the errors a user meets on the way."""
from __future__ import annotations

import csv
import io
import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest

from disclosure_kg.graph.build import build
from disclosure_kg.graph.cli import main
from disclosure_kg.graph.queries import bind, library, resolve
from disclosure_kg.graph.remote import EndpointStore, derived_urls
from disclosure_kg.graph.store import OxigraphStore

TIAOLI = "中华人民共和国政府信息公开条例"
OXIGRAPH = shutil.which("oxigraph") or shutil.which("oxigraph", path=str(Path(sys.executable).parent))
needs_server = pytest.mark.skipif(OXIGRAPH is None, reason="the oxigraph server package is not installed (pip install -e '.[test]')")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}: {process.stderr.read().decode()[-500:]}")
        try:
            urllib.request.urlopen(url, timeout=1).close()
            return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"no server at {url} after {seconds} s")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def params_for(name: str) -> dict[str, str]:
    return {p: TIAOLI for p in resolve(name).params}


def canonical(value) -> str:
    """One spelling per value whatever the engine: 41, 41.0 and "41"^^xsd:decimal alike."""
    if value is None:
        return ""
    s = str(value)
    if s.lstrip("-").isdigit():
        return s
    try:
        return format(Decimal(s).normalize(), "f")
    except InvalidOperation:
        return s


def rows_of(table) -> Counter:
    return Counter(tuple(canonical(v) for v in row) for row in table.rows)


@pytest.fixture(scope="module")
def embedded(corpus_dir, tmp_path_factory):
    path = tmp_path_factory.mktemp("kg")
    store = OxigraphStore(path)
    build([corpus_dir], store, progress=False)
    store.close()
    store = OxigraphStore(path, read_only=True)
    yield path, store
    store.close()


@pytest.fixture(scope="module")
def server(embedded, tmp_path_factory):
    """A real `oxigraph serve` (read-write, default graph NOT the union) on a free loopback port,
    filled with `dkg push`."""
    if OXIGRAPH is None:
        pytest.skip("the oxigraph server package is not installed (pip install -e '.[test]')")
    port = free_port()
    location = tmp_path_factory.mktemp("server")
    process = subprocess.Popen([OXIGRAPH, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/", process)
        url = f"http://127.0.0.1:{port}/query"
        assert main(["push", "--store", str(embedded[0]), "--endpoint", url, "--no-progress"]) == 0
        yield url
    finally:
        stop(process)


@pytest.fixture(scope="module")
def rdflib_dataset(embedded, tmp_path_factory):
    from rdflib import Dataset

    out = tmp_path_factory.mktemp("export") / "dataset.trig"
    assert main(["export", "--store", str(embedded[0]), "--format", "trig", "-o", str(out)]) == 0
    ds = Dataset()
    ds.parse(out, format="trig")
    return ds


@needs_server
@pytest.mark.parametrize("name", sorted(library()))
def test_every_query_gives_the_same_rows_on_a_plain_oxigraph_server(embedded, server, name):
    text = bind(resolve(name), params_for(name))
    here = embedded[1].select(text)
    there = EndpointStore(server).select(text)
    assert there.columns == here.columns
    assert here.rows, f"{name} answers nothing on the corpus"
    assert rows_of(there) == rows_of(here)


@pytest.mark.parametrize("name", sorted(library()))
def test_every_query_gives_the_same_rows_on_an_rdflib_dataset(embedded, rdflib_dataset, name):
    from disclosure_kg.graph.results import Table

    text = bind(resolve(name), params_for(name))
    here = embedded[1].select(text)
    result = rdflib_dataset.query(text)
    columns = [str(v) for v in result.vars]
    there = Table(columns, [[None if row[c] is None else str(row[c]) for c in columns] for row in result])
    assert there.columns == here.columns
    assert rows_of(there) == rows_of(here)


def test_queries_do_not_rely_on_a_union_default_graph(embedded):
    # the library's answers come from named graphs: the store's own default graph is empty
    assert embedded[1].select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows == [["0"]]
    assert int(embedded[1].select(resolve("reports").text).rows.__len__()) == 15


@needs_server
def test_build_and_validate_through_the_endpoint(server, corpus_dir, tmp_path, capsys):
    # a document built straight into the server through the Graph Store protocol replaces its graph
    f = corpus_dir / "106_pingtan_2023.txt"
    before = EndpointStore(server).select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows
    assert main(["build", str(f), "--endpoint", server, "--no-progress"]) == 0
    after = EndpointStore(server).select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows
    assert after == before  # same document again: its graph replaced, nothing added
    capsys.readouterr()
    assert main(["validate", "--endpoint", server]) == 0
    assert capsys.readouterr().out.startswith("conforms")


@needs_server
def test_dkg_serve_answers_queries_and_refuses_updates(embedded, corpus_dir):
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "disclosure_kg", "serve", "--store", str(embedded[0]),
                                "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/", process)
        table = EndpointStore(f"http://127.0.0.1:{port}/query").select(resolve("reports").text)
        assert len(table.rows) == 15
        page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).read()
        assert b"<html" in page.lower()  # the query page
        req = urllib.request.Request(f"http://127.0.0.1:{port}/update", data=b"DROP ALL", method="POST",
                                     headers={"Content-Type": "application/sparql-update"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(req, timeout=5)
        assert refused.value.code in (403, 404, 405)
        assert len(EndpointStore(f"http://127.0.0.1:{port}/query").select(resolve("reports").text).rows) == 15
        # building into a read-only server stops at the first refused write, with one line
        out = run(["build", str(corpus_dir / "106_pingtan_2023.txt"), "--endpoint", f"http://127.0.0.1:{port}/query",
                   "--no-progress"])
        assert out.returncode == 2 and out.stderr.decode().strip().count("\n") == 0, out.stderr
        assert b"PUT http://127.0.0.1" in out.stderr
    finally:
        stop(process)


def test_serve_without_a_store_is_one_line(tmp_path, capsys):
    assert main(["serve", "--store", str(tmp_path / "none")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no store at" in err


# ---------------------------------------------------------------- result formats

def run(args: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "disclosure_kg", *args], capture_output=True, timeout=120)


def test_json_is_the_w3c_results_format_with_datatypes(embedded):
    out = run(["query", "applications-by-district-year", "--store", str(embedded[0]), "--format", "json"])
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert "district" in doc["head"]["vars"]
    row = next(b for b in doc["results"]["bindings"] if b.get("source", {}).get("value") == "106_pingtan_2023.txt")
    assert row["received"] == {"type": "literal", "value": "81", "datatype": "http://www.w3.org/2001/XMLSchema#decimal"}
    assert row["year"]["datatype"] == "http://www.w3.org/2001/XMLSchema#gYear"
    assert row["district"]["xml:lang"].lower() == "zh-hans"


@pytest.mark.parametrize("fmt,marker", [("tsv", "?source\t"), ("xml", "<sparql"), ("csv", "source,")])
def test_other_result_formats(embedded, fmt, marker):
    out = run(["query", "reports", "--store", str(embedded[0]), "--format", fmt])
    assert out.returncode == 0, out.stderr
    assert marker in out.stdout.decode("utf-8")


def test_csv_reads_back_with_every_document(embedded):
    out = run(["query", "reports", "--store", str(embedded[0]), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(out.stdout.decode("utf-8"))))
    assert len(rows) == 15 and {"source", "type", "agencyLabel", "adcode", "year"} <= set(rows[0])


def test_ask_and_construct_work_on_the_embedded_store(embedded, tmp_path):
    ask = tmp_path / "ask.rq"
    ask.write_text("ASK { GRAPH ?g { ?s <http://purl.org/dc/terms/source> ?o } }")
    out = run(["query", str(ask), "--store", str(embedded[0]), "--format", "json"])
    assert json.loads(out.stdout) == {"head": {}, "boolean": True}
    construct = tmp_path / "c.rq"
    construct.write_text("CONSTRUCT { ?d <http://purl.org/dc/terms/source> ?s } WHERE { GRAPH ?g { ?d <http://purl.org/dc/terms/source> ?s } }")
    out = run(["query", str(construct), "--store", str(embedded[0]), "--format", "nt"])
    assert out.returncode == 0 and out.stdout.count(b"\n") >= 15


def test_a_closed_pipe_ends_quietly(embedded):
    p = subprocess.run(f"'{sys.executable}' -m disclosure_kg query report-metrics --store '{embedded[0]}' --format csv | head -1",
                       shell=True, capture_output=True, timeout=120, executable="/bin/bash")
    assert p.stdout.decode().startswith("source,")
    assert p.stderr == b""


def test_remote_mistakes_are_one_line(embedded):
    port = free_port()  # nobody listens there
    out = run(["query", "reports", "--endpoint", f"http://127.0.0.1:{port}/query"])
    assert out.returncode == 2 and out.stderr.decode().count("\n") == 1 and b"cannot reach" in out.stderr
    out = run(["push", "--store", str(embedded[0])])
    assert out.returncode == 2 and b"--endpoint" in out.stderr and b"Traceback" not in out.stderr
    out = run(["query", "reports", "--endpoint", "localhost:7878"])
    assert out.returncode == 2 and b"http(s) URL" in out.stderr and b"Traceback" not in out.stderr


def test_endpoint_urls_follow_the_servers_layouts():
    assert derived_urls("http://h:7878/query") == ("http://h:7878/update", "http://h:7878/store")
    assert derived_urls("http://h:3030/ds/sparql") == ("http://h:3030/ds/update", "http://h:3030/ds/data")
    assert derived_urls("http://h:3030/ds") == ("http://h:3030/ds", "http://h:3030/ds")


def test_a_read_only_store_closes_cleanly(embedded):
    store = OxigraphStore(embedded[0], read_only=True)
    store.select("ASK { ?s ?p ?o }")
    store.close()  # no flush on a read-only store


# ---------------------------------------------------------------- the Python API

def test_api_answers_with_typed_columns(embedded):
    pd = pytest.importorskip("pandas")
    from disclosure_kg import KnowledgeGraph

    with KnowledgeGraph(embedded[0]) as kg:
        apps = kg.query("applications-by-district-year")
        assert str(apps["received"].dtype) == "Int64" and str(apps["year"].dtype) == "Int64"
        assert apps["received"].sum() > 81  # numbers add up, they do not concatenate
        assert str(apps["percentDisclosed"].dtype) == "Float64"
        cited = kg.query("districts-citing", regulation="国办公开办函〔2021〕30号")
        assert {"106_pingtan_2023.txt", "107_shuyang_2025.txt"} <= set(cited["source"])
        metrics = kg.query("SELECT ?m WHERE { GRAPH ?g { ?o <https://w3id.org/disclosure-kg/def#metric> ?m } } LIMIT 1")
        assert metrics["m"][0].startswith("metric:")
        assert bool(kg.query("ASK { GRAPH ?g { ?s ?p ?o } }")["result"][0]) is True
        assert isinstance(kg.query("reports"), pd.DataFrame)
