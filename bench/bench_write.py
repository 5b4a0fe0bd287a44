#!/usr/bin/env python3
"""Two ways to write a batch of documents all or nothing, side by side in one run.

    .venv/bin/python bench/bench_write.py [--sizes 100,1000,3000] [--work /tmp/dkg-bench]

The build writes a batch (about 16 MB of N-Quads) through Oxigraph's bulk loader, which ingests
the batch's index files in one atomic call at its end (graph/store.py). The alternative is a
transaction (`Store.load`, with a flush so its write-ahead log does not grow without end). For
each size this extracts the generated reports once (in worker processes), then writes the same
batches both ways into fresh stores, first fresh and then replacing every document (a rebuild),
and prints the seconds, the store folder after compaction, and each figure of the transaction
as a multiple of the bulk loader's.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from stores import ensure_corpus

BATCH_BYTES = 16 << 20  # as graph/build.py's writer


def extracted(corpus: Path) -> list[tuple[str, bytes]]:
    """(graph IRI, N-Quads) of every document, extracted in worker processes."""
    from disclosure_kg.graph.executors import completed, default_jobs, executor
    from disclosure_kg.graph.extraction import DocumentTask, process_document
    from disclosure_kg.graph.iri import Minter

    base = Minter().base
    tasks = (DocumentTask(str(f), f.read_bytes(), base) for f in sorted(corpus.iterdir()))
    with executor(0) as ex:
        results = list(completed(ex, process_document, tasks, 4 * default_jobs()))
    return sorted((r.graph, r.nquads) for r in results if r.nquads)


def batches(documents: list[tuple[str, bytes]]) -> list[list[tuple[str, bytes]]]:
    out, batch, size = [], [], 0
    for doc in documents:
        batch.append(doc)
        size += len(doc[1])
        if size >= BATCH_BYTES:
            out.append(batch)
            batch, size = [], 0
    return out + ([batch] if batch else [])


def write(store: ox.Store, batch: list[tuple[str, bytes]], atomic: bool) -> None:
    for graph, _ in batch:
        name = ox.NamedNode(graph)
        if store.contains_named_graph(name):
            store.remove_graph(name)
    data = b"".join(nquads for _, nquads in batch)
    if atomic:
        store.load(data, format=ox.RdfFormat.N_QUADS, lenient=True)
        store.flush()  # or the log grows to 2.5 times the data
    else:
        store.bulk_load(data, format=ox.RdfFormat.N_QUADS)  # as graph/store.py


def measure(documents: list[tuple[str, bytes]], folder: Path, atomic: bool) -> dict[str, float]:
    shutil.rmtree(folder, ignore_errors=True)
    store = ox.Store(str(folder))
    figures = {}
    for step in ("fresh", "rebuild"):
        started = time.perf_counter()
        for batch in batches(documents):
            write(store, batch, atomic)
        figures[step] = time.perf_counter() - started
    started = time.perf_counter()
    store.optimize()
    store.flush()
    figures["compact"] = time.perf_counter() - started
    del store
    figures["MiB"] = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / (1 << 20)
    shutil.rmtree(folder, ignore_errors=True)
    return figures


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,1000,3000")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "dkg-bench")
    a = ap.parse_args()
    a.work.mkdir(parents=True, exist_ok=True)
    print(f"{'reports':>8} {'N-Quads MiB':>12} {'way':>12} {'fresh s':>8} {'rebuild s':>10} {'compact s':>10} "
          f"{'store MiB':>10}")
    for size in map(int, a.sizes.split(",")):
        documents = extracted(ensure_corpus(size, a.work))
        nquads = sum(len(d) for _, d in documents) / (1 << 20)
        bulk = measure(documents, a.work / "bench-write-store", atomic=False)
        atomic = measure(documents, a.work / "bench-write-store", atomic=True)
        for way, f in (("bulk loader", bulk), ("transaction", atomic)):
            print(f"{size:>8} {nquads:>12.0f} {way:>12} {f['fresh']:>8.1f} {f['rebuild']:>10.1f} {f['compact']:>10.1f} "
                  f"{f['MiB']:>10.0f}")
        ratio = {k: atomic[k] / bulk[k] if bulk[k] else float("nan") for k in bulk}
        print(f"{size:>8} {'':>12} {'× bulk':>12} {ratio['fresh']:>8.2f} {ratio['rebuild']:>10.2f} "
              f"{ratio['compact']:>10.2f} {ratio['MiB']:>10.2f}", flush=True)
        del documents
    return 0


if __name__ == "__main__":
    sys.exit(main())
