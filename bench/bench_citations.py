"""Citation extraction throughput over the corpus, beside a trivial 《…》 regex baseline.

    .venv/bin/python bench/bench_citations.py [CORPUS_DIR]

Documents are loaded (read + normalised) once, outside the timing; only ``find_citations`` is
timed, and the baseline is ``re.findall("《[^》]*》")`` over the same texts. Time is CPU time of
this process (``time.process_time``): on a shared machine wall time swings by 2x between runs.
"""
from __future__ import annotations

import re
import sys
import time
from pathlib import Path

from disclosure_kg.extract import docinfo
from disclosure_kg.extract.citations import find_citations
from disclosure_kg.extract.pipeline import load

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
BASELINE = re.compile("《[^》]*》")
REPEAT = 40  # best of this many passes: one pass over the corpus takes ~10 ms, so timings are noisy


def rate(fn, texts, repeat: int) -> tuple[float, int]:
    """(Mchar/s, items found per pass) for the best of ``repeat`` passes."""
    chars = sum(len(t) for t in texts)
    best, found = float("inf"), 0
    for _ in range(repeat):
        t0 = time.process_time()
        found = sum(len(fn(t)) for t in texts)
        best = min(best, time.process_time() - t0)
    return chars / best / 1e6, found


def main() -> int:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS
    if not corpus.is_dir():
        print(f"no corpus at {corpus}", file=sys.stderr)
        return 1
    docs = [load(p) for p in sorted(corpus.iterdir()) if p.is_file()]
    infos = {id(d): docinfo.document_info(d)[0] for d in docs}
    find_citations(docs[0], infos[id(docs[0])])  # warm the data and authority caches
    by_text = {d.text: d for d in docs}
    ours, n_ours = rate(lambda t: find_citations(by_text[t], infos[id(by_text[t])]), list(by_text), REPEAT)
    base, n_base = rate(BASELINE.findall, list(by_text), REPEAT)
    chars = sum(len(t) for t in by_text)
    print(f"corpus: {len(docs)} documents, {chars / 1e6:.3f} Mchar")
    print(f"{'find_citations':22} {ours:8.2f} Mchar/s  {n_ours:5} citations")
    print(f"{'regex 《[^》]*》':22} {base:8.2f} Mchar/s  {n_base:5} matches")
    print(f"ratio (baseline / ours): {base / ours:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
