"""Tables written as `|` rows in plain text, read into the same grid as HTML tables.

A report copied into text often keeps its tables as `| a | b |  | c |` lines. The cells between
two bars are positions: an empty one is a cell the report left blank, not a missing column, so
the row is kept as a grid (model.Table) and read by position like an HTML table.
"""
from __future__ import annotations

import re

from .model import Cell, Table

_BAR = "|｜"
# a markdown rule line (|---|:---:|) is layout, not a row
_RULE = re.compile(r"^\s*[|｜]?\s*:?-{2,}:?\s*(?:[|｜]\s*:?-{2,}:?\s*)*[|｜]?\s*$")


def _is_row(line: str) -> bool:
    s = line.strip()
    return len(s) >= 2 and s[0] in _BAR and s[-1] in _BAR and not _RULE.match(line)


def _cells(line: str, offset: int, row: int) -> list[Cell]:
    """The cells of one `| … |` line; offsets point at each cell's stripped text (an empty cell
    sits just after its opening bar)."""
    bars = [i for i, ch in enumerate(line) if ch in _BAR]
    cells: list[Cell] = []
    for col, (a, b) in enumerate(zip(bars, bars[1:])):
        raw = line[a + 1:b]
        lead = len(raw) - len(raw.lstrip())
        text = raw.strip()
        start = offset + a + 1 + (lead if text else 0)
        cells.append(Cell(row, col, text, start, start + len(text), (row, col)))
    return cells


def pipe_tables(text: str) -> list[Table]:
    """Every run of consecutive `|` lines (rule lines allowed inside) as one table."""
    tables: list[Table] = []
    rows: list[list[Cell]] = []
    start = end = 0
    offset = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if _is_row(body):
            if not rows:
                start = offset
            rows.append(_cells(body, offset, len(rows)))
            end = offset + len(body)
        elif not _RULE.match(body) or not rows:
            if rows:
                tables.append(Table(rows, start, end))
            rows = []
        offset += len(line)
    if rows:
        tables.append(Table(rows, start, end))
    return tables
