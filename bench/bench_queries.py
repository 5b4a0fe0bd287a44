"""Every named query at 100 and 3,000 generated reports, and against rdflib at 100, in one run.

    .venv/bin/python bench/bench_queries.py [--sizes 100 3000] [--work DIR] [--repeat 3]

Generates the reports (bench/generate_corpus.py), builds one embedded store per size under
--work (kept and reused on the next run: a 3,000-report build takes minutes), then times each
query as the engine's time to produce every row (results serialised inside Oxigraph and thrown
away: no process start-up, no Python objects per row). At the smallest size the same query runs
on rdflib's in-memory Dataset of the TriG export, and the table prints rdflib's time over
Oxigraph's. Target (issue 8): every query ≤ 1 s at 3,000 reports, ≥ 20× rdflib at 100.
"""
from __future__ import annotations

import argparse
import io
import subprocess
import sys
import time
from pathlib import Path

from stores import ensure_store

ROOT = Path(__file__).resolve().parents[1]
PARAM = "中华人民共和国政府信息公开条例"


class Sink(io.RawIOBase):
    """A binary stream that keeps nothing (serialising into it is the cost of producing rows)."""

    def writable(self) -> bool:
        return True

    def write(self, b) -> int:
        return len(b)


def time_oxigraph(store, text: str, repeat: int) -> tuple[float, int]:
    import pyoxigraph as ox

    best, rows = float("inf"), 0
    for _ in range(repeat):
        started = time.perf_counter()
        result = store.query(text)
        if isinstance(result, ox.QuerySolutions):
            out = io.BytesIO()
            result.serialize(out, ox.QueryResultsFormat.TSV)
            rows = out.getvalue().count(b"\n") - 1
        best = min(best, time.perf_counter() - started)
    return best, rows


def time_rdflib(dataset, text: str) -> float:
    started = time.perf_counter()
    for _ in dataset.query(text):
        pass
    return time.perf_counter() - started


def rdflib_dataset(store_path: Path, work: Path):
    import warnings

    from rdflib import Dataset

    trig = work / f"{store_path.name}.trig"
    if not trig.is_file():
        subprocess.run([sys.executable, "-m", "disclosure_kg", "export", "--store", str(store_path),
                        "--format", "trig", "-o", str(trig)], check=True, capture_output=True)
    warnings.simplefilter("ignore", DeprecationWarning)
    ds = Dataset()
    ds.parse(trig, format="trig")
    return ds


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 3000])
    ap.add_argument("--work", type=Path, default=Path("/tmp/dkg-bench"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-rdflib", action="store_true", help="skip the rdflib side")
    a = ap.parse_args()

    import pyoxigraph as ox

    from disclosure_kg.graph.queries import bind, library

    a.work.mkdir(parents=True, exist_ok=True)
    sizes = sorted(a.sizes)
    stores = {n: ensure_store(n, a.work) for n in sizes}
    texts = {name: bind(q, {p: PARAM for p in q.params}) for name, q in library().items()}
    small = sizes[0]
    ds = None if a.no_rdflib else rdflib_dataset(stores[small], a.work)

    header = [f"ox@{n} ms" for n in sizes] + ([f"rdflib@{small} ms", "rdflib/ox"] if ds is not None else [])
    print(f"{'query':32}" + "".join(f"{h:>16}" for h in header) + f"{'rows@' + str(sizes[-1]):>12}")
    worst = {n: 0.0 for n in sizes}
    for name, text in texts.items():
        cells, rows = [], 0
        for n in sizes:
            store = ox.Store.read_only(str(stores[n]))
            seconds, rows = time_oxigraph(store, text, a.repeat)
            worst[n] = max(worst[n], seconds)
            cells.append(seconds)
            del store
        line = f"{name:32}" + "".join(f"{s * 1000:16.1f}" for s in cells)
        if ds is not None:
            slow = time_rdflib(ds, text)
            line += f"{slow * 1000:16.1f}{slow / cells[0]:16.1f}"
        print(line + f"{rows:12d}", flush=True)
    print("slowest: " + ", ".join(f"{worst[n] * 1000:.0f} ms at {n}" for n in sizes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
