"""`kill -9` at any moment of a build leaves a store that validates, in which every document is
wholly in or wholly out, and the next build completes it: fresh builds and rebuilds alike.

Each kill falls at a moment drawn from a seeded generator (the same moments in every run), spread
over the build from start-up to the last write.
"""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox
import pytest

from disclosure_kg.graph.store import OxigraphStore
from disclosure_kg.graph.validate import validate_store
KILLS = 3  # per kind of build; each costs a killed build, a validation and a completing build


def build_command(corpus: Path, store: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "disclosure_kg", "build", str(corpus), "--store", str(store), "--no-progress", *extra]


def graphs(store: Path) -> dict[str, set[str]]:
    """Each named graph's triples as N-Triples lines."""
    s = ox.Store.read_only(str(store))
    out: dict[str, set[str]] = defaultdict(set)
    for q in s.quads_for_pattern(None, None, None, None):
        out[str(q.graph_name)].add(f"{q.subject} {q.predicate} {q.object}")
    del s
    return dict(out)


@pytest.fixture(scope="module")
def reference(corpus_dir, tmp_path_factory):
    """The store an uninterrupted build makes, and how long that build takes."""
    store = tmp_path_factory.mktemp("reference") / "kg"
    started = time.perf_counter()
    subprocess.run(build_command(corpus_dir, store), check=True, capture_output=True)
    return graphs(store), time.perf_counter() - started


def killed_build(command: list[str], after: float) -> None:
    """Run a build and kill it and its workers (SIGKILL, no clean-up) ``after`` seconds in."""
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        proc.wait(timeout=after)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def check_killed_store(store: Path, reference: dict[str, set[str]]) -> int:
    """The store validates and holds each document wholly or not at all; returns how many are in."""
    documents = {g for g in reference if "/graph/" in g and not g.endswith(("/entities", "/vocabulary"))}
    got = graphs(store)
    for g in set(got) & documents:
        assert got[g] == reference[g], f"{g} is stored in part"
    for g in set(got) - documents:
        assert got[g] <= reference.get(g, set()), f"{g} holds triples no complete build writes"
    s = OxigraphStore(store, read_only=True)
    try:
        report = validate_store(s)
    finally:
        s.close()
    assert report.conforms, [str(r.__dict__) for r in report.violations[:5]]
    return len(set(got) & documents)


@pytest.mark.corpus
@pytest.mark.parametrize("kind", ["fresh", "rebuild"])
def test_a_killed_build_leaves_documents_whole(corpus_dir, tmp_path, reference, kind):
    complete, seconds = reference
    moments = random.Random(f"kill-{kind}").sample(range(5, 95), KILLS)
    seen_in = set()
    for i, percent in enumerate(sorted(moments)):
        store = tmp_path / f"kg{i}"
        extra: tuple[str, ...] = ()
        if kind == "rebuild":
            subprocess.run(build_command(corpus_dir, store), check=True, capture_output=True)
            extra = ("--force",)
        killed_build(build_command(corpus_dir, store, *extra), seconds * percent / 100)
        seen_in.add(check_killed_store(store, complete))
        subprocess.run(build_command(corpus_dir, store), check=True, capture_output=True)
        assert graphs(store) == complete, f"the build after a kill at {percent}% did not complete the store"
    assert len(seen_in) >= 1


LOADER = """
import sys, pyoxigraph as ox
store = ox.Store(sys.argv[1])
data = "".join(f'<http://example.org/s{i}> <http://example.org/p{i % 50}> "{i} of {g}" <http://example.org/g{g}> .\\n'
               for g in range(30) for i in range(20000)).encode()
print("loading", flush=True)
store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
"""


@pytest.mark.parametrize("after", [0.1, 0.8, 1.6, 3.2])
def test_a_killed_bulk_load_leaves_nothing_or_everything(tmp_path, after):
    """What graph/store.py relies on: Oxigraph's bulk loader makes a load visible in one atomic
    ingestion at its end, so a batch killed part way leaves none of its quads."""
    store = tmp_path / "kg"
    proc = subprocess.Popen([sys.executable, "-c", LOADER, str(store)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "loading"
    time.sleep(after)
    proc.kill()
    proc.wait()
    counts: dict[str, int] = defaultdict(int)
    s = ox.Store.read_only(str(store))
    for q in s.quads_for_pattern(None, None, None, None):
        counts[q.graph_name.value] += 1
    del s
    everything = len(counts) == 30 and set(counts.values()) == {20000}
    if proc.returncode == -signal.SIGKILL:
        assert not counts or everything  # killed part way: nothing of it, or all of it
    else:
        assert proc.returncode == 0 and everything  # it finished before the kill
