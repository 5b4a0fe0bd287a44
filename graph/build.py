"""Build: files → facts → one named graph per document in the store.

Extraction runs in worker processes (or on a Dask cluster); this process is the single writer,
loading each document as its result arrives, so memory stays flat however long the corpus is. A
document whose bytes and extractor are unchanged since it was stored is skipped. A document that
cannot be read or extracted is reported (which file, what is wrong) and the rest still builds.
"""
from __future__ import annotations

import queue
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from ..extract.reader import SUPPORTED_SUFFIXES
from .executors import completed, default_jobs, executor
from .extraction import (
    STAGES,
    DocumentResult,
    DocumentTask,
    content_hash,
    process_document,
)
from .fingerprint import extractor_fingerprint
from .iri import Minter
from .store import Store
from .timing import timed
from .vocabulary import vocabulary_graph


@dataclass
class BuildSummary:
    documents: int = 0  # built and stored by this run
    unchanged: int = 0  # skipped: stored before from the same bytes by the same extractor
    triples: int = 0
    problems: list[str] = field(default_factory=list)  # a document that failed, with why
    warnings: list[str] = field(default_factory=list)  # a document built with something missing
    findings: int = 0
    cpu: dict[str, float] = field(default_factory=dict)  # worker CPU seconds per stage (read, extract, triples)
    wall: dict[str, float] = field(default_factory=dict)  # this process's seconds per step (plan, write, …, total)


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
          progress: bool = True, debug: bool = False, jobs: int = 0, scheduler: str | None = None,
          force: bool = False) -> BuildSummary:
    """Build the documents under ``paths`` into ``store``.

    ``jobs``: local worker processes (0: one per core, 1: in this process); ``scheduler``: the
    address of a Dask scheduler to extract on instead; ``force``: rebuild unchanged documents too.
    """
    minter = minter or Minter()
    started = time.perf_counter()
    summary = BuildSummary()
    with timed(summary.wall, "plan"):
        files = _named_files(paths, summary)
        stored = {} if force else store.built_documents()
        summary.triples += store.replace_graph(minter.vocabulary_graph, vocabulary_graph(minter.base))
    replaced = False
    with tqdm(total=len(files), desc="documents", unit="doc", disable=not progress, file=sys.stderr) as bar, \
            executor(jobs, scheduler) as ex:
        window = 4 * (jobs or default_jobs()) if not scheduler else 64
        tasks = _tasks(files, stored, minter, debug, summary, bar)
        with _BatchWriter(store, summary) as writer:
            for result in completed(ex, process_document, tasks, window):
                replaced |= result.graph in stored
                writer.add(result)
                bar.update()
    _finish(store, minter, summary, replaced)
    summary.wall["total"] = time.perf_counter() - started
    return summary


def _named_files(paths, summary: BuildSummary) -> list[Path]:
    """The files to read; a document's identity is its file name, so a second file of the same
    name is refused rather than overwriting the first."""
    files, missing = expand(paths)
    summary.problems.extend(missing)
    named: dict[str, Path] = {}
    for f in files:
        if f.name in named:
            summary.problems.append(f"{f}: same file name as {named[f.name]}; a document's identity is its file name, so it was skipped")
        else:
            named[f.name] = f
    return list(named.values())


def _tasks(files: list[Path], stored: dict, minter: Minter, debug: bool, summary: BuildSummary,
           bar) -> Iterator[DocumentTask]:
    """A task per file to (re)build, read lazily; a file stored unchanged or unreadable is
    counted (as unchanged or as a problem) and passed over."""
    activity = minter.activity(extractor_fingerprint())
    for f in files:
        try:
            data = f.read_bytes()
        except OSError as e:
            summary.problems.append(f"{f}: {e.strerror or e}")
            bar.update()
            continue
        built = stored.get(minter.document_graph(f.name))
        if built is not None and built.content_hash == content_hash(data) and built.activity == activity:
            summary.unchanged += 1
            bar.update()
            continue
        yield DocumentTask(str(f), data, minter.base, debug)


class _BatchWriter:
    """Collects built documents and writes them a batch at a time (the store's bulk path pays
    per call; a batch is small enough that little is lost to a crash) on a thread of its own:
    Oxigraph releases the GIL while it loads, so this process keeps feeding the workers."""

    BATCH_BYTES = 16 << 20  # about a dozen reports of N-Quads

    def __init__(self, store: Store, summary: BuildSummary) -> None:
        self.store, self.summary = store, summary
        self.batch: list[DocumentResult] = []
        self.size = 0
        self.queue: queue.Queue = queue.Queue(maxsize=2)  # memory stays bounded if the store is slow
        self.failure: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="dkg-writer", daemon=True)
        self.thread.start()

    def add(self, result: DocumentResult) -> None:
        self._raise_failure()
        for stage, seconds in result.cpu.items():
            self.summary.cpu[stage] = self.summary.cpu.get(stage, 0.0) + seconds
        if result.problem:
            self.summary.problems.append(result.problem)
            return
        self.batch.append(result)
        self.size += len(result.nquads)
        if self.size >= self.BATCH_BYTES:
            self.flush()

    def flush(self) -> None:
        if self.batch:
            self.queue.put(self.batch)
            self.batch, self.size = [], 0

    def _run(self) -> None:
        while (batch := self.queue.get()) is not None:
            if self.failure is not None:
                continue  # drain: nothing more is written after a store error
            try:
                with timed(self.summary.wall, "write"):
                    self.store.write_documents([(r.graph, r.nquads) for r in batch])
            except BaseException as e:  # noqa: BLE001 - raised again in the building thread
                self.failure = e
                continue
            for r in batch:
                self.summary.documents += 1
                self.summary.triples += r.triples
                self.summary.findings += r.findings
                self.summary.warnings.extend(r.warnings)

    def _raise_failure(self) -> None:
        # a store that refuses a write is not these documents' fault: it stops the build
        if self.failure is not None:
            raise self.failure

    def __enter__(self) -> _BatchWriter:
        return self

    def __exit__(self, exc_type, *exc) -> None:
        if exc_type is None or issubclass(exc_type, KeyboardInterrupt):
            self.flush()  # what was extracted before Ctrl-C is kept
        self.queue.put(None)
        self.thread.join()
        if exc_type is None:
            self._raise_failure()


def _finish(store: Store, minter: Minter, summary: BuildSummary, replaced: bool) -> None:
    """Entities nobody cites any more go; a store that was written to is compacted."""
    prune = getattr(store, "prune_entities", None)
    if replaced and prune is not None:
        with timed(summary.wall, "prune"):
            prune(minter.entities_graph)
    optimize = getattr(store, "optimize", None)
    if optimize is not None and summary.documents:
        with timed(summary.wall, "optimize"):
            optimize()  # compacted, the store answers lookups many times faster


__all__ = ["STAGES", "BuildSummary", "build", "expand"]
