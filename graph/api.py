"""The Python API for notebooks: the command line's verbs on one object, answers as DataFrames.

    from disclosure_kg import KnowledgeGraph
    kg = KnowledgeGraph("kg")                     # or KnowledgeGraph(endpoint="http://…/query")
    kg.build(["reports/"])
    kg.query("districts-citing", regulation="中华人民共和国政府信息公开条例")   # a pandas DataFrame

pandas is needed only for ``query`` (pip install -e '.[notebooks]').
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from .errors import UserError
from .iri import Minter, base_from_env
from .namespaces import PREFIXES
from .queries import NamedQuery, bind, library, refuse_service, resolve
from .results import Result, to_dataframe
from .connect import open_store
from .store import DEFAULT_STORE


class KnowledgeGraph:
    """An embedded store folder (created on first build) or a remote SPARQL 1.1 store."""

    def __init__(self, store: str | Path = DEFAULT_STORE, *, endpoint: str | None = None,
                 update_endpoint: str | None = None, graph_store: str | None = None,
                 base: str | None = None) -> None:
        self.path = Path(store)
        self.endpoint = endpoint
        self._remote = (update_endpoint, graph_store)
        self.minter = Minter(base or base_from_env())
        self._store = None

    # the embedded store is opened when first needed: read-only to query, writable to build
    def _open(self, write: bool = False):
        if self._store is not None and (not write or not getattr(self._store, "read_only", False)):
            return self._store
        self.close()
        self._store = open_store(self.path, self.endpoint, *self._remote, read_only=not write and not self.endpoint)
        return self._store

    def query(self, name_or_sparql: str, allow_service: bool = False, **params: str):
        """A named query of the library, a .rq file or SPARQL text, as a typed DataFrame; ``params``
        are bound safely (values cannot change the query). A query that calls other endpoints
        (SERVICE) runs only with ``allow_service=True``."""
        return to_dataframe(self.raw_query(name_or_sparql, allow_service, **params), PREFIXES_STR)

    def raw_query(self, name_or_sparql: str, allow_service: bool = False, **params: str) -> Result:
        """The same, as pyoxigraph results (QuerySolutions, QueryBoolean or triples)."""
        query = self._named(name_or_sparql, params)
        refuse_service(query, allow_service)
        return self._open().query(bind(query, {k: str(v) for k, v in params.items()}))

    @staticmethod
    def _named(text: str, params: dict) -> NamedQuery:
        if text in library() or text.endswith(".rq"):
            return resolve(text)
        if not any(w in text.upper() for w in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")):
            raise UserError(f"no query named {text!r}; known: {', '.join(library())}")
        declared = "".join(f"# param: {k}\n" for k in params)  # ad-hoc SPARQL takes any parameter
        return NamedQuery("sparql", declared + text, "<text>")

    def queries(self) -> dict[str, str]:
        """The library: name → the question each query answers."""
        return {name: q.description.splitlines()[0] for name, q in library().items()}

    def build(self, paths: Iterable[str | Path] | str | Path, progress: bool = False):
        from .build import build

        if isinstance(paths, (str, Path)):
            paths = [paths]
        return build(paths, self._open(write=True), self.minter, progress=progress)

    def validate(self):
        from .validate import store_graph, validate_graph

        return validate_graph(store_graph(self._open()), self.minter.base)

    def export(self, path: str | Path, format: str = "ttl") -> Path:
        """Write the graph as ttl, nt, jsonld, trig or nq (trig and nq keep one graph per
        document), replacing ``path`` only once the export is complete."""
        from .export import export_file

        export_file(self._open(), format, path)
        return Path(path)

    def network(self, kind: str = "citations"):
        """Districts and the regulations they cite (or the domains they report on) as networkx."""
        from .network import bipartite

        return bipartite(self._open(), kind)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def __enter__(self) -> "KnowledgeGraph":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"KnowledgeGraph({self.endpoint or str(self.path)!r})"


PREFIXES_STR = {p: str(ns) for p, ns in PREFIXES.items()}
