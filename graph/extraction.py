"""One document, file bytes to checked N-Quads: the work a build hands to a worker process.

Each document is checked against the core constraints of the shapes as it is built (its triples
and the entity triples it brings); the checks that need the whole store (SPARQL constraints,
cross-year carry-over, duplicates) are `dkg validate`'s.

Pure and picklable both ways (a task in, a result out), so the same function runs in-process, in
a local process pool or on a Dask cluster. The store never sees a worker: the build's single
writer loads what comes back.
"""
from __future__ import annotations

import hashlib
import signal
import threading
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from ..extract.pipeline import extract, load_bytes
from ..extract.reader import ReadError
from .iri import Minter
from .timing import timed
from .triples import document_graph
from .validate import document_context, validate_document

STAGES = ("read", "extract", "triples", "validate")


@dataclass(frozen=True)
class DocumentTask:
    path: str  # names the document (its file name is its identity; its suffix, its type)
    data: bytes
    base: str
    debug: bool = False
    max_seconds: float = 0.0  # the document's time budget (0: none)


@dataclass
class DocumentResult:
    path: str
    graph: str  # the named graph the document goes into
    content_hash: str
    nquads: bytes = b""  # empty when the document could not be built
    triples: int = 0
    problem: str | None = None  # why the document could not be built
    warnings: list[str] = field(default_factory=list)  # built, with something missing
    findings: int = 0
    cpu: dict[str, float] = field(default_factory=dict)  # CPU seconds per stage


class OverBudget(BaseException):
    """The document took longer than its time budget. A BaseException, like KeyboardInterrupt,
    so that no extractor's ``except Exception`` swallows it."""


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise OverBudget in the block after ``seconds`` of wall time. A timer signal reaches only
    a process's main thread: in a worker process (and with --jobs 1) that is where documents are
    extracted; on a Dask worker thread the budget is not enforced (the cluster's own limits are)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise OverBudget

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def process_document(task: DocumentTask) -> DocumentResult:
    """Read, extract and write one document's triples; a failure is recorded, never raised."""
    minter = Minter(task.base)
    digest = content_hash(task.data)
    name = task.path.replace("\\", "/").rsplit("/", 1)[-1]
    result = DocumentResult(task.path, minter.document_graph(name), digest)
    try:
        with time_budget(task.max_seconds):
            facts, dg, shape_results = _stages(task, minter, digest, result)
    except ReadError as e:
        result.problem = str(e)
        return result
    except OverBudget:
        result.problem = (f"{task.path}: not read within the budget of {task.max_seconds:g} s a document "
                          f"(--max-seconds)")
        return result
    except Exception as e:  # noqa: BLE001 - an extractor bug must not stop the corpus
        detail = traceback.format_exc() if task.debug else f"{type(e).__name__}: {e}"
        result.problem = f"{task.path}: internal error while extracting ({detail})"
        return result
    result.triples = len(dg.triples)
    broken = [f"{name}: {f.message}" for f in facts.findings if f.kind == "extractor-error"]
    result.warnings = list(facts.document.damage) + broken + dg.problems + [f"{name}: {r.severity.lower()} of {r.shape} at {r.focus}: {r.message}"
                                     for r in shape_results]
    result.findings = len(facts.findings)
    return result


def _stages(task: DocumentTask, minter: Minter, digest: str, result: DocumentResult):
    """Read, extract, write and check one document, timing each stage."""
    with timed(result.cpu, "read", time.process_time):
        doc = load_bytes(task.data, task.path)
    with timed(result.cpu, "extract", time.process_time):
        facts = extract(doc)
    with timed(result.cpu, "triples", time.process_time):
        dg = document_graph(facts, minter, content_hash=digest)
        result.nquads = dg.nquads(result.graph, minter.entities_graph)
    with timed(result.cpu, "validate", time.process_time):
        shape_results = validate_document(dg.triples | dg.shared_triples, document_context(task.base))
    return facts, dg, shape_results
