"""`dkg validate` before and after, side by side in one run: pySHACL vs validate_store.

    .venv/bin/python bench/bench_validate.py [--count 100] [--work DIR] [--store STORE]
                                             [--no-reference] [--jobs N] [--core-only] [--proposed]

Generates the reports (bench/generate_corpus.py) and builds an embedded store under --work (kept
and reused), or takes --store. Each validator runs in its own process, so that its wall time and
peak RSS (from wait4, as /usr/bin/time -v reports it) are its own:

- reference: what `dkg validate` did before: the store dumped into an rdflib graph, the core
  constraints in pySHACL, the sh:sparql constraints on an in-memory Oxigraph copy;
- new: validate_store on the store itself (graph/validate.py).

It prints both, the ratio, and whether the findings (focus, shape, path, severity) are equal.
--no-reference for the large stores (pySHACL needs about 18 GB at 3,000 reports); --core-only
leaves the sh:sparql constraints out of both; --proposed runs validate_store with the rewrites
of bench/proposed_sparql.py.
Targets: ≥ 20× pySHACL at 100 reports; ≤ 60 s and ≤ 1.5 GB at 3,000.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from stores import ensure_store

from disclosure_kg import ontology

ROOT = Path(__file__).resolve().parents[1]
BASE = ontology.INSTANCES


def shapes(core_only: bool, proposed: bool = False):
    from disclosure_kg.graph.shacl import Shapes
    from disclosure_kg.graph.validate import default_shapes

    found = default_shapes()
    if proposed:
        sys.path.insert(0, str(ROOT / "bench"))
        from proposed_sparql import patched

        found = patched(found)
    return Shapes([dataclasses.replace(s, sparql=()) for s in found.targeted]) if core_only else found


def run(method: str, store: Path, out: Path, jobs: int | None, core_only: bool, proposed: bool) -> None:
    """One validator, in this (child) process; findings to ``out`` as JSON."""
    from disclosure_kg.graph.store import OxigraphStore
    from disclosure_kg.graph.validate import pyshacl_report, store_graph, validate_store

    s = OxigraphStore(store, read_only=True)
    if method == "new":
        report = validate_store(s, BASE, shapes(core_only, proposed), jobs=jobs)
    else:
        report = pyshacl_report(store_graph(s), BASE, shapes(core_only) if core_only else None)
    out.write_text(json.dumps([r.__dict__ for r in report.results], ensure_ascii=False), encoding="utf-8")


def measure(method: str, store: Path, jobs: int | None, core_only: bool,
            proposed: bool = False) -> tuple[float, float, list[dict]]:
    """Wall seconds, peak RSS in MiB, findings of one validator run in a child process."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "findings.json"
        cmd = [sys.executable, __file__, "--run", method, "--store", str(store), "--out", str(out)]
        cmd += (["--jobs", str(jobs)] if jobs else []) + (["--core-only"] if core_only else [])
        cmd += ["--proposed"] if proposed else []
        started = time.perf_counter()
        child = subprocess.Popen(cmd)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        if status:
            raise SystemExit(f"{method} failed (status {status})")
        return wall, usage.ru_maxrss / 1024, json.loads(out.read_text(encoding="utf-8"))


def key(results: list[dict]) -> set[tuple]:
    return {(r["focus"], r["shape"], r["path"], r["severity"]) for r in results}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=100, help="generated reports (default 100)")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "dkg-bench-validate")
    ap.add_argument("--store", type=Path, help="an existing store instead of --count/--work")
    ap.add_argument("--no-reference", action="store_true", help="skip pySHACL (large stores)")
    ap.add_argument("--core-only", action="store_true", help="leave the sh:sparql constraints out of both")
    ap.add_argument("--jobs", type=int, help="queries at once in validate_store (default: one per core)")
    ap.add_argument("--proposed", action="store_true",
                    help="validate_store with the rewrites of bench/proposed_sparql.py (pySHACL keeps the file's)")
    ap.add_argument("--run", choices=["new", "reference"], help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.run:
        run(args.run, args.store, args.out, args.jobs, args.core_only, args.proposed)
        return 0
    store = args.store or ensure_store(args.count, args.work)
    print(f"store {store}{' (core constraints only)' if args.core_only else ''}")
    rows = {"new": measure("new", store, args.jobs, args.core_only, args.proposed)}
    if not args.no_reference:
        rows["reference"] = measure("reference", store, None, args.core_only)
    print(f"{'validator':28} {'wall s':>8} {'peak RSS MiB':>13} {'violations':>11} {'warnings':>9}")
    labels = {"reference": "pySHACL (rdflib dump)", "new": "validate_store (Oxigraph)"}
    for method, (wall, rss, results) in rows.items():
        sev = [r["severity"] for r in results]
        print(f"{labels[method]:28} {wall:8.1f} {rss:13.0f} {sev.count('Violation'):11} {sev.count('Warning'):9}")
    if "reference" in rows:
        new, ref = rows["new"], rows["reference"]
        print(f"ratio: validate_store is {ref[0] / new[0]:.1f}x faster, {ref[1] / new[1]:.1f}x less memory")
        print(f"findings equal: {key(new[2]) == key(ref[2])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
