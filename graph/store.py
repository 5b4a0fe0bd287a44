"""Where the graph lives: an embedded Oxigraph store by default, any SPARQL 1.1 endpoint when the
data outgrows one machine (graph/remote.py). Both speak the same small interface, one named
graph per document.
"""
from __future__ import annotations

import io
from pathlib import Path
from typing import Iterator, Protocol

import pyoxigraph as ox

from .results import Result, Table, to_table

DEFAULT_STORE = "kg"


class Store(Protocol):
    def replace_graph(self, graph_iri: str, triples) -> int: ...
    def add_to_graph(self, graph_iri: str, triples) -> int: ...
    def query(self, sparql: str) -> Result: ...
    def select(self, sparql: str) -> Table: ...
    def graphs(self) -> list[str]: ...
    def dump(self, fmt: str) -> bytes: ...
    def close(self) -> None: ...


class OxigraphStore:
    """A persistent embedded store in a folder (created on first use)."""

    def __init__(self, path: str | Path = DEFAULT_STORE, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        if read_only:
            if not self.path.exists():
                raise FileNotFoundError(f"no store at {self.path} (build one with: dkg build PATH --store {self.path})")
            self.store = ox.Store.read_only(str(self.path))
        else:
            self.path.mkdir(parents=True, exist_ok=True)
            self.store = ox.Store(str(self.path))

    def replace_graph(self, graph_iri: str, triples) -> int:
        """Drop the named graph and load ``triples`` (a Triples set or rdflib Graph) into it."""
        name = ox.NamedNode(graph_iri)
        data = triples.serialize(format="nt", encoding="utf-8")
        if self.store.contains_named_graph(name):
            self.store.remove_graph(name)
        self.store.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=name)
        return len(triples)

    def add_to_graph(self, graph_iri: str, triples) -> int:
        """Add triples to a named graph (a set: adding a triple again changes nothing)."""
        if len(triples):
            data = triples.serialize(format="nt", encoding="utf-8")
            self.store.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(graph_iri))
        return len(triples)

    def query(self, sparql: str) -> Result:
        """Run a query as SPARQL 1.1 defines it: the default graph is the store's default graph
        (empty here; the library's queries name the graphs they read)."""
        return self.store.query(sparql)

    def select(self, sparql: str) -> Table:
        return to_table(self.query(sparql))

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self.store.named_graphs() if isinstance(g, ox.NamedNode))

    def graph_ntriples(self, graph_iri: str) -> bytes:
        out = io.BytesIO()
        ox.serialize((ox.Triple(q.subject, q.predicate, q.object)
                      for q in self.store.quads_for_pattern(None, None, None, ox.NamedNode(graph_iri))),
                     out, ox.RdfFormat.N_TRIPLES)
        return out.getvalue()

    def quads(self) -> Iterator[ox.Quad]:
        return self.store.quads_for_pattern(None, None, None, None)

    def dump(self, fmt: str) -> bytes:
        return dump_store(self.store, fmt)

    def optimize(self) -> None:
        """Compact the store: lookups after a large build are many times faster."""
        self.store.optimize()

    def close(self) -> None:
        if not self.read_only:
            self.store.flush()
        del self.store


def dump_store(store: ox.Store, fmt: str) -> bytes:
    """trig and nq keep the named graphs; ttl and nt hold the union of all graphs (a set)."""
    out = io.BytesIO()
    if fmt in ("trig", "nq"):
        store.dump(out, format=ox.RdfFormat.TRIG if fmt == "trig" else ox.RdfFormat.N_QUADS)
    else:
        f = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES}[fmt]
        triples = {ox.Triple(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, None)}
        ox.serialize(sorted(triples, key=str), out, format=f)
    return out.getvalue()


def open_store(store: str | Path = DEFAULT_STORE, endpoint: str | None = None,
               update_endpoint: str | None = None, graph_store: str | None = None,
               read_only: bool = False) -> Store:
    if endpoint:
        from .remote import EndpointStore

        return EndpointStore(endpoint, update_endpoint, graph_store)
    return OxigraphStore(store, read_only=read_only)
