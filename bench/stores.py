"""Generated corpora and the stores built from them, shared by the benchmarks (kept in --work so
a second run reuses them)."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def ensure_corpus(count: int, work: Path) -> Path:
    """``count`` generated reports in ``work``/corpus-COUNT (generated once)."""
    corpus = work / f"corpus-{count}"
    if not corpus.is_dir():
        subprocess.run([sys.executable, str(ROOT / "bench" / "generate_corpus.py"), str(corpus),
                        "--count", str(count)], check=True)
    return corpus


def ensure_store(count: int, work: Path) -> Path:
    """An Oxigraph store of ``count`` generated reports in ``work``/store-COUNT (built once)."""
    store = work / f"store-{count}"
    if not (store / "CURRENT").is_file():
        corpus = ensure_corpus(count, work)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "disclosure_kg", "build", str(corpus), "--store", str(store),
                        "--no-progress"], check=True, stderr=subprocess.DEVNULL)
        print(f"built {count} reports in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return store
