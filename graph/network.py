"""Query results as networkx graphs, for visualisation in notebooks and GraphML export.

The analyst's questions are relations (district cites regulation, district reports on domain);
as a bipartite networkx graph they can be drawn, clustered or exported to Gephi.
"""
from __future__ import annotations

import networkx as nx

from .queries import bind, resolve
from .store import Store

# (query, left column, left id, right column, right id, weight column) for each network
NETWORKS = {
    "citations": ("regulations-by-district", "district", "adcode", "title", "regulation", "reports"),
    "domains": ("domains-by-district", "district", "adcode", "domainLabel", "domain", "reports"),
}


def bipartite(store: Store, kind: str = "citations") -> nx.Graph:
    """Districts on one side, regulations (or domains) on the other; edges weighted by reports."""
    query, left, left_id, right, right_id, weight = NETWORKS[kind]
    table = store.select(bind(resolve(query), {}))
    g = nx.Graph(kind=kind)
    for values in table.rows:
        row = dict(zip(table.columns, values))
        a, b = f"division:{row[left_id]}", row[right_id]
        g.add_node(a, label=row[left] or row[left_id], side="division", bipartite=0)
        g.add_node(b, label=row[right], side=kind, bipartite=1)
        g.add_edge(a, b, weight=int(float(row[weight] or 1)))
    return g


def projection(g: nx.Graph, side: str) -> nx.Graph:
    """One side of a bipartite graph, linked where two nodes share a neighbour (co-citation)."""
    nodes = [n for n, d in g.nodes(data=True) if d.get("side") == side]
    return nx.bipartite.weighted_projected_graph(g, nodes)


def write_graphml(g: nx.Graph, path: str) -> None:
    nx.write_graphml(g, path)
