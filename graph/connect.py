"""The store a command names: the embedded Oxigraph folder, or a SPARQL 1.1 endpoint.

Its own module because it is the one place that knows both kinds (store.py and remote.py each
know one, and remote.py reuses store.py's helpers)."""
from __future__ import annotations

from pathlib import Path

from .remote import EndpointStore
from .store import DEFAULT_STORE, OxigraphStore, Store


def open_store(store: str | Path = DEFAULT_STORE, endpoint: str | None = None,
               update_endpoint: str | None = None, graph_store: str | None = None,
               read_only: bool = False) -> Store:
    if endpoint:
        return EndpointStore(endpoint, update_endpoint, graph_store)
    return OxigraphStore(store, read_only=read_only)
