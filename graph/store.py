"""Where the graph lives: an embedded Oxigraph store by default, any SPARQL 1.1 endpoint when the
data outgrows one machine (graph/remote.py). Both speak the same small interface, one named
graph per document.
"""
from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

from .namespaces import DCTERMS, DKG, PROV
from .errors import UserError
from .results import Result, Table, to_table

DEFAULT_STORE = "kg"


class Store(Protocol):
    def replace_graph(self, graph_iri: str, graph) -> int:
        """Replace the named graph by ``graph`` (an rdflib Graph: the vocabulary) in one
        transaction, so a kill never leaves the store without it."""
        triples = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
        self.store.update(f"DROP SILENT GRAPH <{graph_iri}> ; INSERT DATA {{ GRAPH <{graph_iri}> {{ {triples} }} }}")
        return len(graph)

    def write_documents(self, documents: list[tuple[str, bytes]]) -> None:
        """Store documents (graph IRI, N-Quads of its graph and the entity triples it brings),
        replacing any stored before under the same graph.

        The old graphs go first, each in a transaction; the batch then comes in through
        Oxigraph's bulk loader, which builds the batch's index files and ingests them all in one
        RocksDB IngestExternalFiles call at its end: nothing of a batch is visible until all of
        it is (tests/test_kill.py kills loads and builds to hold it to that). A kill therefore
        leaves each document wholly in or wholly out (a replaced one out, and its content hash
        with it, so the next build puts it back). A transaction (``Store.load``) would say so
        itself, but costs three times as much and writes a log 2.5 times the data
        (bench/bench_write.py)."""
        for graph_iri, _ in documents:
            name = ox.NamedNode(graph_iri)
            if self.store.contains_named_graph(name):
                self.store.remove_graph(name)
        self.store.bulk_load(b"".join(data for _, data in documents), format=ox.RdfFormat.N_QUADS)

    def built_documents(self) -> dict[str, BuiltDocument]: ...
    def update(self, sparql: str) -> None: ...
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
            try:
                self.store = ox.Store(str(self.path))
            except OSError as e:
                if "lock" not in str(e).lower():
                    raise
                raise UserError(f"the store {self.path} is open in another process (a build, a server or a "
                                f"notebook); wait for it to finish, or use another store with --store") from None

    def replace_graph(self, graph_iri: str, graph) -> int:
        """Drop the named graph and load ``graph`` (an rdflib Graph: the vocabulary) into it."""
        name = ox.NamedNode(graph_iri)
        data = graph.serialize(format="nt", encoding="utf-8")
        if self.store.contains_named_graph(name):
            self.store.remove_graph(name)
        self.store.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=name)
        return len(graph)

    def write_documents(self, documents: list[tuple[str, bytes]]) -> None:
        """Store documents (graph IRI, N-Quads of its graph and the entity triples it brings),
        replacing any stored before under the same graph.

        Old graphs go first, each in a transaction; the batch then comes in through Oxigraph's
        bulk loader, three times cheaper per quad than a transaction and without write-ahead
        log. The loader ingests a batch's files for every index in one RocksDB
        IngestExternalFiles call, which RocksDB applies atomically, and a batch stays far below
        the loader's own batch size: so a crash leaves each document wholly in or wholly out
        (a replaced one out; the next build puts it back, as its content hash is gone too)."""
        for graph_iri, _ in documents:
            name = ox.NamedNode(graph_iri)
            if self.store.contains_named_graph(name):
                self.store.remove_graph(name)
        self.store.bulk_load(b"".join(data for _, data in documents), format=ox.RdfFormat.N_QUADS)

    def built_documents(self) -> dict[str, BuiltDocument]:
        return built_documents(self)

    def prune_entities(self, entities_graph: str) -> int:
        """Drop the descriptions in ``entities_graph`` that no document refers to any more,
        directly or through another entity (a parent division, a regulation's issuer); returns
        how many triples went. Run after documents were replaced."""
        graph = ox.NamedNode(entities_graph)
        links: dict = {}
        for q in self.store.quads_for_pattern(None, None, None, graph):
            links.setdefault(q.subject, set())
            if isinstance(q.object, ox.NamedNode):
                links[q.subject].add(q.object)
        reached = [s for s in links if self._cited_outside(s, graph)]
        kept = set(reached)
        while reached:
            for o in links.get(reached.pop(), ()):
                if o in links and o not in kept:
                    kept.add(o)
                    reached.append(o)
        stale = [s for s in links if s not in kept and isinstance(s, ox.NamedNode)]
        if not stale:
            return 0
        count = sum(1 for s in stale for _ in self.store.quads_for_pattern(s, None, None, graph))
        # one update, one transaction: an entity is never left half-described
        self.store.update(" ; ".join(f"DELETE WHERE {{ GRAPH {graph} {{ {s} ?p ?o }} }}" for s in stale))
        return count

    def _cited_outside(self, node, entities_graph) -> bool:
        return any(q.graph_name != entities_graph for q in self.store.quads_for_pattern(None, None, node, None))

    def update(self, sparql: str) -> None:
        """A SPARQL 1.1 Update, in one transaction."""
        self.store.update(sparql)

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

    def dump_to(self, fmt: str, out) -> None:
        """trig or nq written to a binary file as the store reads it (no copy in memory)."""
        self.store.dump(out, format=ox.RdfFormat.TRIG if fmt == "trig" else ox.RdfFormat.N_QUADS)

    def optimize(self) -> None:
        """Compact the store: lookups after a large build are many times faster."""
        self.store.optimize()

    def close(self) -> None:
        if not self.read_only:
            self.store.flush()
        del self.store


@dataclass(frozen=True)
class BuiltDocument:
    content_hash: str
    activity: str  # the extraction that built it (its IRI names the code's fingerprint)
    source: str  # the file name it was built from


def built_documents(store) -> dict[str, BuiltDocument]:
    """Each stored document graph with the content hash, extraction and file name it was built from."""
    q = f"""SELECT ?g ?hash ?activity ?source WHERE {{ GRAPH ?g {{
              ?d <{DKG.contentHash}> ?hash ; <{PROV.wasGeneratedBy}> ?activity ; <{DCTERMS.source}> ?source }} }}"""
    return {row[0]: BuiltDocument(row[1], row[2], row[3]) for row in store.select(q).rows}


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
