"""A remote SPARQL 1.1 store: queries and updates through the SPARQL protocol (SPARQLWrapper),
graphs through the Graph Store HTTP Protocol, which SPARQLWrapper does not speak (one PUT
replaces a document's graph, a POST adds to the shared entities).

Any SPARQL 1.1 server works (Oxigraph, Fuseki, GraphDB …). Only the query URL is needed where
the server follows one of two common layouts: Oxigraph's ``…/query``, ``…/update``, ``…/store``
and Fuseki's ``…/sparql`` (or ``…/query``), ``…/update``, ``…/data``; elsewhere give the update
and graph store URLs. Every failure is a ``RemoteError`` naming the URL and what the server said.
"""
from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from contextlib import contextmanager

import pyoxigraph as ox
from SPARQLWrapper import JSON, POST, POSTDIRECTLY, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from .errors import UserError
from .results import Result, Table, to_table
from .store import built_documents, dump_store

TIMEOUT_S = 300  # a large graph through a slow server; a dead one is refused at connect anyway


class RemoteError(Exception):
    """The server could not be reached or refused the request (message: URL and reason)."""


@contextmanager
def _reported(method: str, url: str):
    """HTTP failures as one-line RemoteErrors naming the request and the server's reason."""
    try:
        yield
    except SPARQLWrapperException as e:
        raise RemoteError(f"{method} {url}: {str(e).splitlines()[0]}") from None
    except urllib.error.HTTPError as e:
        detail = e.read().decode("utf-8", "replace").strip().splitlines()
        raise RemoteError(f"{method} {url}: {e.code} {e.reason}" + (f": {detail[0][:300]}" if detail else "")) from None
    except (urllib.error.URLError, OSError) as e:
        raise RemoteError(f"cannot reach {url}: {getattr(e, 'reason', e)}") from None


def derived_urls(query_url: str) -> tuple[str, str]:
    """(update URL, graph store URL) guessed from a query URL's last path segment."""
    m = re.match(r"^(.*/)(query|sparql)/?$", query_url)
    if not m:
        return query_url, query_url
    store = "store" if m.group(2) == "query" else "data"
    return m.group(1) + "update", m.group(1) + store


class EndpointStore:
    """A remote SPARQL 1.1 store (query, update and graph store URLs)."""

    def __init__(self, query_url: str, update_url: str | None = None, graph_store_url: str | None = None) -> None:
        if not re.match(r"^https?://", query_url or ""):
            raise UserError(f"--endpoint wants an http(s) URL of a SPARQL query service, got {query_url!r}")
        update, store = derived_urls(query_url)
        self.query_url = query_url
        self.update_url = update_url or update
        self.graph_store_url = graph_store_url or store

    # ------------------------------------------------------------ HTTP
    def _request(self, url: str, method: str, body: bytes | None = None,
                 headers: dict[str, str] | None = None) -> tuple[bytes, str]:
        req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
        with _reported(method, url), urllib.request.urlopen(req, timeout=TIMEOUT_S) as resp:
            return resp.read(), resp.headers.get("Content-Type", "")

    def _sparql(self, url: str, text: str, update: bool = False) -> tuple[bytes, str]:
        """A query or update through SPARQLWrapper; the answer's bytes and content type."""
        w = SPARQLWrapper(url, updateEndpoint=url)
        w.setMethod(POST)
        w.setRequestMethod(POSTDIRECTLY)
        w.setTimeout(TIMEOUT_S)
        w.setQuery(text)
        if not update:
            w.setReturnFormat(JSON)
            w.addCustomHttpHeader("Accept", "application/sparql-results+json, application/n-triples;q=0.9")
        with _reported("POST", url):
            response = w.query().response
            return response.read(), response.headers.get("Content-Type", "")

    def _graph_url(self, graph_iri: str) -> str:
        sep = "&" if "?" in self.graph_store_url else "?"
        return f"{self.graph_store_url}{sep}graph={urllib.parse.quote(graph_iri, safe='')}"

    # ------------------------------------------------------------ the Store interface
    def query(self, sparql: str) -> Result:
        body, ctype = self._sparql(self.query_url, sparql)
        if ctype.startswith("application/n-triples"):
            return _Triples(ox.parse(body, ox.RdfFormat.N_TRIPLES))
        try:
            return ox.parse_query_results(body, ox.QueryResultsFormat.JSON)
        except (SyntaxError, ValueError) as e:
            raise RemoteError(f"{self.query_url} answered something that is not SPARQL JSON results ({ctype}): {e}") from None

    def select(self, sparql: str) -> Table:
        return to_table(self.query(sparql))

    def update(self, sparql: str) -> None:
        self._sparql(self.update_url, sparql, update=True)

    def replace_graph(self, graph_iri: str, graph) -> int:
        self.put_ntriples(graph_iri, graph.serialize(format="nt", encoding="utf-8"))
        return len(graph)

    def write_documents(self, documents: list[tuple[str, bytes]]) -> None:
        for graph_iri, nquads in documents:
            self.write_document(graph_iri, nquads)

    def write_document(self, graph_iri: str, nquads: bytes) -> None:
        """Through the Graph Store protocol: the entity triples the document brings are added
        (POST) first, then its graph is replaced (PUT). The content hash that marks a document
        built travels in the last request, so an interrupted pair is redone by the next build."""
        by_graph: dict[str, list] = {}
        for q in ox.parse(nquads, ox.RdfFormat.N_QUADS):
            by_graph.setdefault(q.graph_name.value, []).append(ox.Triple(q.subject, q.predicate, q.object))
        own = by_graph.pop(graph_iri, [])
        for other, triples in sorted(by_graph.items()):
            self._request(self._graph_url(other), "POST", ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES),
                          {"Content-Type": "application/n-triples"})
        self.put_ntriples(graph_iri, ox.serialize(own, format=ox.RdfFormat.N_TRIPLES))

    def built_documents(self):
        return built_documents(self)

    def put_ntriples(self, graph_iri: str, data: bytes) -> None:
        """Replace a graph with N-Triples text as it is (for copying graphs between stores)."""
        self._request(self._graph_url(graph_iri), "PUT", data, {"Content-Type": "application/n-triples"})

    def graphs(self) -> list[str]:
        t = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g")
        return [r[0] for r in t.rows if r[0]]

    def graph_ntriples(self, graph_iri: str) -> bytes:
        body, _ = self._request(self._graph_url(graph_iri), "GET", None, {"Accept": "application/n-triples"})
        return body

    def dump(self, fmt: str) -> bytes:
        """The store as N-Quads (fmt "nq") or the union of its graphs as N-Triples ("nt"), one
        graph at a time through the Graph Store protocol."""
        if fmt not in ("nq", "nt"):
            raise UserError("a remote store is read back as nq or nt; export the embedded store for other formats")
        store = ox.Store()
        for g in self.graphs():
            store.load(self.graph_ntriples(g), ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(g))
        return dump_store(store, fmt)

    def close(self) -> None:
        pass


class _Triples:
    """Triples parsed from a CONSTRUCT answer, iterable like pyoxigraph's QueryTriples."""

    def __init__(self, quads: Iterable) -> None:
        self._triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]

    def __iter__(self):
        return iter(self._triples)


__all__ = ["EndpointStore", "RemoteError", "derived_urls"]
