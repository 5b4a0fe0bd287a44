"""Where the graph lives: an embedded Oxigraph store by default, any SPARQL 1.1 endpoint when the
data outgrows one machine. Both speak the same small interface, one named graph per document.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Protocol

import pyoxigraph as ox
from rdflib import Graph

DEFAULT_STORE = "kg"


@dataclass
class Table:
    """A SELECT result: column names and rows of plain values (None where unbound)."""

    columns: list[str]
    rows: list[list[str | None]]


class Store(Protocol):
    def replace_graph(self, graph_iri: str, graph: Graph) -> int: ...
    def add_to_graph(self, graph_iri: str, graph: Graph) -> int: ...
    def select(self, sparql: str) -> Table: ...
    def graphs(self) -> list[str]: ...
    def dump(self, fmt: str) -> bytes: ...
    def close(self) -> None: ...


def _term_value(term) -> str | None:
    if term is None:
        return None
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(term)


class OxigraphStore:
    """A persistent embedded store in a folder (created on first use)."""

    def __init__(self, path: str | Path = DEFAULT_STORE, read_only: bool = False) -> None:
        self.path = Path(path)
        if read_only:
            if not self.path.exists():
                raise FileNotFoundError(f"no store at {self.path} (build one with: dkg build PATH --store {self.path})")
            self.store = ox.Store.read_only(str(self.path))
        else:
            self.path.mkdir(parents=True, exist_ok=True)
            self.store = ox.Store(str(self.path))

    def replace_graph(self, graph_iri: str, graph: Graph) -> int:
        """Drop the named graph and load ``graph`` into it."""
        name = ox.NamedNode(graph_iri)
        data = graph.serialize(format="nt", encoding="utf-8")
        if self.store.contains_named_graph(name):
            self.store.remove_graph(name)
        self.store.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=name)
        return len(graph)

    def add_to_graph(self, graph_iri: str, graph: Graph) -> int:
        """Add ``graph``'s triples to a named graph (a set: adding a triple again changes nothing)."""
        if len(graph):
            data = graph.serialize(format="nt", encoding="utf-8")
            self.store.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(graph_iri))
        return len(graph)

    def select(self, sparql: str) -> Table:
        result = self.store.query(sparql)
        if isinstance(result, (bool, ox.QueryBoolean)):
            result = bool(result)
            return Table(["result"], [["true" if result else "false"]])
        if not isinstance(result, ox.QuerySolutions):
            raise ValueError("only SELECT and ASK queries return tables; use export for graphs")
        columns = [v.value for v in result.variables]
        rows = [[_term_value(sol[c]) for c in columns] for sol in result]
        return Table(columns, rows)

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self.store.named_graphs() if isinstance(g, ox.NamedNode))

    def quads(self) -> Iterator[ox.Quad]:
        return self.store.quads_for_pattern(None, None, None, None)

    def dump(self, fmt: str) -> bytes:
        out = io.BytesIO()
        if fmt in ("trig", "nq"):
            f = ox.RdfFormat.TRIG if fmt == "trig" else ox.RdfFormat.N_QUADS
            self.store.dump(out, format=f)
        else:  # single-graph formats: the union of all graphs
            f = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES}[fmt]
            triples = {ox.Triple(q.subject, q.predicate, q.object) for q in self.quads()}
            ox.serialize(sorted(triples, key=str), out, format=f)
        return out.getvalue()

    def close(self) -> None:
        self.store.flush()
        del self.store


class EndpointStore:
    """A remote SPARQL 1.1 endpoint (query and update URLs) through SPARQLWrapper."""

    def __init__(self, query_url: str, update_url: str | None = None) -> None:
        from SPARQLWrapper import JSON, POST, SPARQLWrapper

        self._json, self._post = JSON, POST
        self.query_url = query_url
        self.update_url = update_url or query_url
        self._SPARQLWrapper = SPARQLWrapper

    def _update(self, text: str) -> None:
        w = self._SPARQLWrapper(self.update_url)
        w.setMethod(self._post)
        w.setQuery(text)
        w.query()

    def replace_graph(self, graph_iri: str, graph: Graph) -> int:
        body = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
        self._update(f"DROP SILENT GRAPH <{graph_iri}> ;\nINSERT DATA {{ GRAPH <{graph_iri}> {{\n{body}\n}} }}")
        return len(graph)

    def add_to_graph(self, graph_iri: str, graph: Graph) -> int:
        if len(graph):
            body = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
            self._update(f"INSERT DATA {{ GRAPH <{graph_iri}> {{\n{body}\n}} }}")
        return len(graph)

    def select(self, sparql: str) -> Table:
        w = self._SPARQLWrapper(self.query_url)
        w.setQuery(sparql)
        w.setReturnFormat(self._json)
        res = w.query().convert()
        if "boolean" in res:
            return Table(["result"], [["true" if res["boolean"] else "false"]])
        columns = res["head"]["vars"]
        rows = [[(b.get(c) or {}).get("value") for c in columns] for b in res["results"]["bindings"]]
        return Table(columns, rows)

    def graphs(self) -> list[str]:
        t = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g")
        return [r[0] for r in t.rows if r[0]]

    def dump(self, fmt: str) -> bytes:
        raise NotImplementedError("export from a remote endpoint: use the endpoint's own dump")

    def close(self) -> None:
        pass


def open_store(store: str | Path = DEFAULT_STORE, endpoint: str | None = None,
               update_endpoint: str | None = None, read_only: bool = False) -> Store:
    if endpoint:
        return EndpointStore(endpoint, update_endpoint)
    return OxigraphStore(store, read_only=read_only)
