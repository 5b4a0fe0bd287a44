"""Build: files → facts → one named graph per document in the store.

Extraction runs in worker processes (or on a Dask cluster); this process is the single writer,
loading each document as its result arrives, so memory stays flat however long the corpus is. A
document whose bytes and extractor are unchanged since it was stored is skipped. A document that
cannot be read or extracted is reported (which file, what is wrong) and the rest still builds.
"""
from __future__ import annotations

import os
import queue
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from tqdm import tqdm

from ..extract.reader import SUPPORTED_SUFFIXES
from .budget import Budget
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
from .namespaces import DKG
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
    # another file with the same bytes as a document: recorded as one more source of it (name → its name)
    same_content: dict[str, str] = field(default_factory=dict)
    interrupted: bool = False  # Ctrl-C: what was extracted before it is stored
    cpu: dict[str, float] = field(default_factory=dict)  # worker CPU seconds per stage (read, extract, triples)
    wall: dict[str, float] = field(default_factory=dict)  # this process's seconds per step (plan, write, …, total)


def expand(paths: Iterable[str | Path]) -> tuple[list[Path], list[str]]:
    """Files named and the supported files under folders named, sorted; and the paths that are
    not there or cannot be listed, each with why."""
    files: list[Path] = []
    missing: list[str] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(_folder_files(p, missing))
        elif p.is_file():
            files.append(p)
        else:
            missing.append(f"{p}: no such file or folder")
    seen: set[Path] = set()
    unique = [f for f in files if not (f.resolve() in seen or seen.add(f.resolve()))]
    return unique, missing


def _folder_files(folder: Path, problems: list[str]) -> list[Path]:
    """The supported files under ``folder``, sorted; a sub-folder that cannot be listed is a
    problem, not a silent gap."""
    def unreadable(e: OSError) -> None:
        problems.append(f"{e.filename}: folder cannot be read ({e.strerror or e})")

    out = []
    for here, dirs, names in os.walk(folder, onerror=unreadable):
        dirs.sort()
        out.extend(Path(here) / n for n in names if Path(n).suffix.lower() in SUPPORTED_SUFFIXES
                   and not n.startswith(".") and n.lower() != "readme.md")
    return sorted(out)


def build(paths: Iterable[str | Path], store: Store, minter: Minter | None = None,
          progress: bool = True, debug: bool = False, jobs: int = 0, scheduler: str | None = None,
          force: bool = False, budget: Budget = Budget()) -> BuildSummary:
    """Build the documents under ``paths`` into ``store``.

    ``jobs``: local worker processes (0: one per core, 1: in this process); ``scheduler``: the
    address of a Dask scheduler to extract on instead; ``force``: rebuild unchanged documents
    too; ``budget``: what one document may cost. Ctrl-C stops the build with what was extracted
    stored and ``summary.interrupted`` set.
    """
    minter = minter or Minter()
    started = time.perf_counter()
    summary = BuildSummary()
    try:
        with timed(summary.wall, "plan"):
            files = _named_files(paths, summary)
            stored = store.built_documents()
            _drop_renamed(store, stored, files, minter)
            summary.triples += store.replace_graph(minter.vocabulary_graph, vocabulary_graph(minter.base))
        plan = _Plan(minter, {} if force else stored, debug, budget, summary)
        _extract_and_write(store, files, plan, jobs, scheduler, progress)
    except KeyboardInterrupt:  # every write is whole, so what was stored stays; say what it was
        summary.interrupted = True
    if not summary.interrupted:
        _record_same_content(store, plan, summary)
        _finish(store, minter, summary, plan.replaced)
    summary.wall["total"] = time.perf_counter() - started
    return summary


def _extract_and_write(store: Store, files: list[Path], plan: _Plan, jobs: int, scheduler: str | None,
                       progress: bool) -> None:
    with tqdm(total=len(files), desc="documents", unit="doc", disable=not progress, file=sys.stderr) as bar, \
            executor(jobs, scheduler) as ex:
        window = 4 * (jobs or default_jobs()) if not scheduler else 64
        with _BatchWriter(store, plan.summary) as writer:
            for result in completed(ex, process_document, plan.tasks(files, bar), window):
                plan.replaced |= result.graph in plan.stored
                if result.problem:
                    plan.not_read.add(Path(result.path).name)
                writer.add(result)
                bar.update()


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


def _drop_renamed(store: Store, stored: dict, files: list[Path], minter: Minter) -> None:
    """A document stored under an IRI its file name no longer mints (the IRI rule changed) is
    dropped, so the rebuild does not hold it twice."""
    names = {f.name for f in files}
    for graph, built in list(stored.items()):
        if built.source in names and graph != minter.document_graph(built.source):
            store.update(f"DROP SILENT GRAPH <{graph}>")
            del stored[graph]


class _Plan:
    """Which files become tasks: a file stored unchanged, unreadable, over the size budget, or
    with the same bytes as another document is counted (as unchanged, a problem, or one more
    source of that document) and passed over."""

    def __init__(self, minter: Minter, stored: dict, debug: bool, budget: Budget, summary: BuildSummary) -> None:
        self.minter, self.stored, self.debug, self.budget, self.summary = minter, stored, debug, budget, summary
        self.activity = minter.activity(extractor_fingerprint())
        # content hash → the file name of the document with those bytes (stored ones first)
        self.by_content = {b.content_hash: b.source for b in sorted(stored.values(), key=lambda b: b.source)}
        self.replaced = False
        self.not_read: set[str] = set()  # file names recorded as problems

    def problem(self, f: str | Path, why: str) -> None:
        self.summary.problems.append(f"{f}: {why}")
        self.not_read.add(Path(f).name)

    def tasks(self, files: list[Path], bar) -> Iterator[DocumentTask]:
        """A task per file to (re)build, read lazily."""
        for f in files:
            task = self._task(f)
            if task is None:
                bar.update()
            else:
                yield task

    def _task(self, f: Path) -> DocumentTask | None:
        try:
            data = f.read_bytes()
        except OSError as e:
            self.problem(f, e.strerror or str(e))
            return None
        if len(data) > self.budget.max_bytes:
            self.problem(f, f"{len(data) / (1 << 20):.1f} MB, over the budget of "
                            f"{self.budget.max_bytes / (1 << 20):g} MB a document (--max-mb); not read")
            return None
        digest = content_hash(data)
        first = self.by_content.setdefault(digest, f.name)
        if first != f.name:
            self.summary.same_content[f.name] = first
            return None
        built = self.stored.get(self.minter.document_graph(f.name))
        if built is not None and built.content_hash == digest and built.activity == self.activity:
            self.summary.unchanged += 1
            return None
        return DocumentTask(str(f), data, self.minter.base, self.debug, self.budget.max_seconds)


def _record_same_content(store: Store, plan: _Plan, summary: BuildSummary) -> None:
    """Each file with the same bytes as a document becomes one more source of that document
    (one document, counted once, with every name it was found under)."""
    by_document: dict[str, list[str]] = {}
    for other, first in sorted(summary.same_content.items()):
        if first in plan.not_read:
            summary.problems.append(f"{other}: same bytes as {first}, which could not be read")
        else:
            by_document.setdefault(first, []).append(other)
    for first, others in by_document.items():
        names = " , ".join(str(ox.Literal(n)) for n in others)  # N-Triples escaping: data, never query text
        store.update(f"INSERT DATA {{ GRAPH <{plan.minter.document_graph(first)}> {{ "
                     f"<{plan.minter.document(first)}> <{DKG.otherSource}> {names} }} }}")


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


__all__ = ["STAGES", "Budget", "BuildSummary", "build", "expand"]
