"""Choosing among the readings of run-together rows: the report's identities, then its prose.

A reading survives when it breaks the fewest identities of the table; a figure the prose prints
for the same metric supports the readings that contain it. Cells still in doubt stay unread.
"""
from __future__ import annotations

import itertools
import re
from typing import Iterable

from ..model import Observation
from .identities import check_identities
from .rows import RowReading, observations_of

MAX_COMBINATIONS = 4096


def by_identities(readings: list[RowReading], table: str, fmt: str) -> None:
    """Narrow the candidates of ambiguous rows to the combinations breaking fewest identities."""
    open_rows = [r for r in readings if len(r.candidates) > 1]
    if not open_rows:
        return
    sizes = 1
    for r in open_rows:
        sizes *= len(r.candidates)
    if sizes > MAX_COMBINATIONS:
        return
    fixed = [r for r in readings if len(r.candidates) <= 1]
    base: list[Observation] = []
    for r in fixed:
        base += observations_of(r, table)[0]
    scored = []
    for combo in itertools.product(*[r.candidates for r in open_rows]):
        obs = list(base)
        for r, cand in zip(open_rows, combo):
            trial = RowReading(r.row, [cand], r.columns, r.label_text, r.multiplier, r.unit, r.emit)
            obs += observations_of(trial, table)[0]
        scored.append((len(check_identities(obs, fmt)), combo))
    best = min(s for s, _ in scored)
    keep = [c for s, c in scored if s == best]
    for i, r in enumerate(open_rows):
        cands = []
        for combo in keep:
            if combo[i] not in cands:
                cands.append(combo[i])
        r.candidates = cands


_SENTENCE = re.compile(r"[^。；;\n]+")
_FIGURE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(?:件|条|个|项|次|篇|场|人|名|元|万元)")


def _label_figures(text: str, labels: tuple[str, ...], masked: list[tuple[int, int]]) -> set[float]:
    """Figures printed in sentences of the prose that name the row (现行有效…规范性文件393件)."""
    out: set[float] = set()
    for m in _SENTENCE.finditer(text):
        if any(a <= m.start() < b for a, b in masked):
            continue
        if any(lab in m.group(0) for lab in labels):
            out |= {float(f.group(1)) for f in _FIGURE.finditer(m.group(0))}
    return out


def by_prose(readings: Iterable[RowReading], prose: list[Observation], text: str = "",
             masked: list[tuple[int, int]] = ()) -> None:
    """Keep the readings whose cells the prose prints for the same metric (or in sentences that
    name the row), where any does."""
    for r in readings:
        if len(r.candidates) <= 1 or not r.row.metric:
            continue
        values = {o.value for o in prose if o.metric == r.row.metric_label and o.value is not None}
        if text:
            values |= _label_figures(text, r.row.labels, list(masked))
        if not values:
            continue
        positions = r.emit or tuple(range(len(r.columns)))

        def score(cand) -> int:
            n = 0
            for i in positions:
                t, a, b = cand[i]
                try:
                    n += float(t.text[a:b].replace(",", "")) in values
                except ValueError:
                    pass
            return n
        best = max(score(c) for c in r.candidates)
        if best:
            r.candidates = [c for c in r.candidates if score(c) == best]
