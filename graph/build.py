"""Build: files → facts → one named graph per document in the store.

A document that cannot be read or extracted is reported (which file, what is wrong) and the
rest of the corpus still builds. Each document is written in its own transaction, so a crash
loses nothing that was already stored.
"""
from __future__ import annotations

import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from tqdm import tqdm

from ..extract.pipeline import extract_file
from ..extract.reader import SUPPORTED_SUFFIXES, ReadError
from .iri import Minter
from .store import Store
from .triples import document_graph
from .vocabulary import vocabulary_graph


@dataclass
class BuildSummary:
    documents: int = 0
    triples: int = 0
    problems: list[str] = field(default_factory=list)  # a document that failed, with why
    warnings: list[str] = field(default_factory=list)  # a document built with something missing
    findings: int = 0


def expand(paths: Iterable[str | Path]) -> tuple[list[Path], list[str]]:
    """Files named and the supported files under folders named, sorted; and paths that are not there."""
    files: list[Path] = []
    missing: list[str] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES
                                and not f.name.startswith(".") and f.name.lower() != "readme.md"))
        elif p.is_file():
            files.append(p)
        else:
            missing.append(f"{p}: no such file or folder")
    seen: set[Path] = set()
    unique = [f for f in files if not (f.resolve() in seen or seen.add(f.resolve()))]
    return unique, missing


def build(paths: Iterable[str | Path], store: Store, minter: Minter | None = None,
          progress: bool = True, debug: bool = False) -> BuildSummary:
    minter = minter or Minter()
    files, missing = expand(paths)
    summary = BuildSummary(problems=list(missing))
    summary.triples += store.replace_graph(minter.vocabulary_graph, vocabulary_graph(minter.base))
    sources: dict[str, Path] = {}
    for f in tqdm(files, desc="documents", unit="doc", disable=not progress, file=sys.stderr):
        if f.name in sources and sources[f.name].resolve() != f.resolve():
            summary.problems.append(f"{f}: same file name as {sources[f.name]}; a document's identity is its file name, so it was skipped")
            continue
        sources[f.name] = f
        try:
            facts = extract_file(f)
            dg = document_graph(facts, minter)
        except ReadError as e:
            summary.problems.append(str(e))
            continue
        except Exception as e:  # an extractor bug must not stop the corpus
            detail = traceback.format_exc() if debug else f"{type(e).__name__}: {e}"
            summary.problems.append(f"{f}: internal error while extracting ({detail})")
            continue
        # a store that refuses a write is not this document's fault: it stops the build
        summary.triples += store.replace_graph(minter.document_graph(facts.document.source), dg.triples)
        store.add_to_graph(minter.entities_graph, dg.shared_triples)
        summary.documents += 1
        summary.findings += len(facts.findings)
        summary.warnings.extend(dg.problems)
    optimize = getattr(store, "optimize", None)
    if optimize is not None and summary.documents:
        optimize()  # compacted, the store answers lookups many times faster
    return summary
