"""Throughput of each pipeline stage on the corpus, side by side in one run.

    .venv/bin/python bench/bench_pipeline.py [CORPUS_DIR] [--repeat N]

Prints, for every stage, characters per second (Mchar/s over the normalised text) and its share
of the whole build, plus each stage's ratio to a baseline measured in the same run: OpenCC's
t2s over the same text (the cheapest pass every document needs). Targets are ratios, not
seconds, so the figures compare across machines.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    ap = argparse.ArgumentParser()
    shared = ROOT.parent / "shared" / "corpus"
    ap.add_argument("corpus", nargs="?", default=str(shared if shared.is_dir() else ROOT / "examples"))
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    corpus = Path(a.corpus)
    if not corpus.is_dir():
        print(f"no corpus at {corpus}", file=sys.stderr)
        return 2

    from disclosure_kg.extract import agencies, citations, docinfo, domains, metrics
    from disclosure_kg.extract.normalize import _t2s, normalize
    from disclosure_kg.extract.pipeline import document_from_raw, extract
    from disclosure_kg.extract.reader import read
    from disclosure_kg.graph.iri import Minter
    from disclosure_kg.graph.store import OxigraphStore
    from disclosure_kg.graph.triples import document_graph

    files = sorted(p for p in corpus.iterdir() if p.is_file() and p.name.lower() != "readme.md")
    raws = [read(f) for f in files]
    docs = [document_from_raw(r) for r in raws]
    infos = [docinfo.document_info(d)[0] for d in docs]
    facts = [extract(d) for d in docs]
    chars = sum(len(d.text) for d in docs)
    minter = Minter()

    def stage_read():
        for f in files:
            read(f)

    def stage_normalise():
        for r in raws:
            normalize(r.text)

    def stage_baseline():
        conv = _t2s()
        for r in raws:
            conv.convert(r.text)

    def each(fn):
        def run():
            for d, i in zip(docs, infos):
                fn(d, i)
        return run

    def stage_triples():
        for f in facts:
            document_graph(f, minter).nquads(minter.document_graph(f.document.source), minter.entities_graph)

    nquads = [document_graph(f, minter).nquads(minter.document_graph(f.document.source), minter.entities_graph)
              for f in facts]

    def stage_store():
        with tempfile.TemporaryDirectory() as tmp:
            s = OxigraphStore(Path(tmp) / "kg")
            for f, data in zip(facts, nquads):
                s.write_documents([(minter.document_graph(f.document.source), data)])
            s.close()

    stages = [
        ("baseline: OpenCC t2s", stage_baseline),
        ("read (decode, HTML)", stage_read),
        ("normalise", stage_normalise),
        ("docinfo", each(lambda d, i: docinfo.document_info(d))),
        ("citations", each(lambda d, i: citations.find_citations(d, i))),
        ("domains", each(lambda d, i: domains.find_domains(d))),
        ("metrics", each(lambda d, i: metrics.find_observations(d, i))),
        ("agencies", each(lambda d, i: agencies.find_agencies(d, i))),
        ("triples (N-Quads)", stage_triples),
        ("store (Oxigraph)", stage_store),
    ]
    timings = {}
    for name, fn in stages:
        fn()  # warm caches (vocabularies, matchers)
        best = min(_time(fn) for _ in range(a.repeat))
        timings[name] = best
    base = timings["baseline: OpenCC t2s"]
    total = sum(t for n, t in timings.items() if not n.startswith("baseline"))
    print(f"{len(files)} documents, {chars / 1e6:.3f} Mchar normalised, best of {a.repeat}")
    print(f"{'stage':24} {'Mchar/s':>9} {'share':>7} {'× baseline time':>16}")
    for name, t in timings.items():
        share = "" if name.startswith("baseline") else f"{t / total:7.1%}"
        print(f"{name:24} {chars / t / 1e6:9.2f} {share:>7} {t / base:16.1f}")
    print(f"{'whole build':24} {chars / total / 1e6:9.2f} {'100%':>7} {total / base:16.1f}")
    return 0


def _time(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


if __name__ == "__main__":
    raise SystemExit(main())
