"""Rows of figures found in a table: candidate cell readings, and the observations they give.

A row may have several candidate readings when its figures ran together; the cells every
surviving candidate agrees on are printed facts, the others are reported, not guessed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..model import Finding, Observation
from ..numbers import parse_number
from .splits import Cell, cell_span, cell_text
from .templates import Column, Row


@dataclass
class RowReading:
    row: Row
    candidates: list[list[Cell]]  # each a list of cells aligned with ``columns``
    columns: tuple[Column, ...]
    label_text: str = ""
    multiplier: float = 1.0
    unit: str = ""  # unit of the row's figures when the table says (条, 元 …)
    emit: tuple[int, ...] = ()  # column positions to emit (default: all)
    notes: list[str] = field(default_factory=list)

    def agreed(self) -> list[Optional[Cell]]:
        """Per column, the cell all candidates agree on (same text and offsets), else None."""
        out: list[Optional[Cell]] = []
        for i in range(len(self.columns)):
            seen = {(cell_span(c[i]), cell_text(c[i])) for c in self.candidates}
            out.append(self.candidates[0][i] if len(seen) == 1 and self.candidates else None)
        return out


def observations_of(reading: RowReading, table: str) -> tuple[list[Observation], list[Finding]]:
    obs: list[Observation] = []
    findings: list[Finding] = []
    if reading.row.metric is None or not reading.candidates:
        return obs, findings
    agreed = reading.agreed()
    positions = reading.emit or tuple(range(len(reading.columns)))
    for i in positions:
        col = reading.columns[i]
        cell = agreed[i]
        if cell is None:
            texts = sorted({cell_text(c[i]) for c in reading.candidates})
            s = min(cell_span(c[i])[0] for c in reading.candidates)
            e = max(cell_span(c[i])[1] for c in reading.candidates)
            findings.append(Finding("ambiguous-split",
                                    f"表{table} {reading.label_text} / {col.printed}: figures run together, "
                                    f"cell could be any of {texts[:6]}", s, e))
            continue
        s, e = cell_span(cell)
        raw = cell_text(cell)
        if not raw:  # a cell the report left blank: not printed, no observation
            continue
        col_unit = ""
        if col.key:
            from .labels import unit as concept_unit
            col_unit = concept_unit(col.key)
        unit = col_unit or reading.unit or ""
        mult = reading.multiplier if unit == "yuan" else 1.0
        pn = parse_number(raw, multiplier=mult, unit_hint=unit)
        obs.append(Observation(
            metric=reading.row.metric_label,
            breakdown=reading.row.breakdown_labels(col),
            value=pn.value,
            raw=raw,
            start=s,
            end=e,
            unit=pn.unit if pn.value is not None else (unit or "count"),
            approximate=pn.approximate,
            table=table,
            row=reading.label_text,
            column=col.printed,
        ))
    return obs, findings
