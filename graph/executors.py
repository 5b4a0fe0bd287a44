"""Where the build's extraction runs: in this process, in a pool of local processes, or on a
Dask distributed cluster. All three are ``concurrent.futures`` executors, so the build has one
loop for every kind (Dask's ``Client.get_executor()`` gives one; no home-made job queue).
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import (
    FIRST_COMPLETED,
    Executor,
    Future,
    ProcessPoolExecutor,
    wait,
)
from contextlib import contextmanager
from typing import TypeVar

from .errors import UserError

T = TypeVar("T")
R = TypeVar("R")


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class InlineExecutor(Executor):
    """Runs each task when it is submitted: ``--jobs 1``, tests, debugging with pdb."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as e:  # noqa: BLE001 - delivered to the caller by future.result()
            future.set_exception(e)
        return future


@contextmanager
def executor(jobs: int = 0, scheduler: str | None = None) -> Iterator[Executor]:
    """An executor for ``jobs`` local processes (0: one per core; 1: this process), or for the
    Dask cluster whose scheduler is at ``scheduler`` (e.g. tcp://10.0.0.5:8786)."""
    if scheduler:
        with _dask_executor(scheduler) as ex:
            yield ex
        return
    jobs = jobs or default_jobs()
    if jobs == 1:
        yield InlineExecutor()
        return
    # spawn, not fork: the parent holds an open RocksDB store and its threads
    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn"))
    _start_ignoring_ctrl_c(pool)
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _noop() -> None:
    pass


def _start_ignoring_ctrl_c(pool: ProcessPoolExecutor) -> None:
    """Start the workers with SIGINT ignored, so Ctrl-C reaches only this process, which stops
    handing out work and lets the documents in hand finish. A worker hit by Ctrl-C while it
    started up broke the pool, and shutting it down then hung. An ignored signal stays ignored
    across the exec of a spawned worker, and Python installs no KeyboardInterrupt handler over
    it; the first submit starts every worker, in the few milliseconds the parent ignores it too."""
    if threading.current_thread() is not threading.main_thread():
        return  # only the main thread may set a handler (and only it receives Ctrl-C)
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        pool.submit(_noop)
    finally:
        signal.signal(signal.SIGINT, previous)


@contextmanager
def _dask_executor(address: str) -> Iterator[Executor]:
    try:
        from distributed import Client
    except ImportError:
        raise UserError("--scheduler needs Dask distributed: pip install 'disclosure-kg[cluster]'") from None
    try:
        client = Client(address, timeout="10s")
    except OSError as e:
        raise UserError(f"no Dask scheduler answers at {address}: {e}") from None
    try:
        yield client.get_executor()
    finally:
        client.close()


def completed(ex: Executor, fn: Callable[[T], R], tasks: Iterable[T], window: int) -> Iterator[R]:
    """``fn`` over ``tasks`` on ``ex``, results as they finish, at most ``window`` in flight:
    the tasks are read lazily and results are handed on at once, so memory stays flat however
    long the corpus is."""
    pending: set[Future] = set()
    try:
        for task in tasks:
            pending.add(ex.submit(fn, task))
            while len(pending) >= window:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for f in done:
                    yield f.result()
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for f in done:
                yield f.result()
    finally:
        for f in pending:
            f.cancel()
