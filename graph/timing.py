"""Seconds per step, summed into a dict: wall time in the writer, CPU time in the workers."""
from __future__ import annotations

import time
from collections.abc import Callable


class timed:
    """Adds the time a ``with`` block takes, by ``clock``, to ``totals[step]``."""

    def __init__(self, totals: dict[str, float], step: str, clock: Callable[[], float] = time.perf_counter) -> None:
        self.totals, self.step, self.clock = totals, step, clock

    def __enter__(self) -> None:
        self.start = self.clock()

    def __exit__(self, *exc) -> None:
        self.totals[self.step] = self.totals.get(self.step, 0.0) + self.clock() - self.start
