"""Tables written as `|` rows in plain text, read into the same grid as HTML tables.

A report copied into text often keeps its tables as `| a | b |  | c |` lines (markdown, with a
bar at each end) or as `a | b |  | c` (cells joined by bars, as a page's table is flattened).
The cells between two bars are positions: an empty one is a cell the report left blank, not a
missing column, so the rows are kept as a grid (model.Table) and read by position like an HTML
table. A block whose every line has a bar at both ends is bordered; otherwise every bar separates
two cells, and a bar at a line's start means its first cell is empty.
"""
from __future__ import annotations

import re

from .model import Cell, Table

_BAR = "|｜"
# a markdown rule line (|---|:---:|) is layout, not a row (its spaces are taken whole, *+: a line of
# spaces is not tried split between two places in every way, quadratic time)
_RULE = re.compile(r"^\s*+[|｜]?\s*+:?-{2,}:?\s*+(?:[|｜]\s*+:?-{2,}:?\s*+)*[|｜]?\s*$")
_DIGIT = re.compile(r"\d")


def _bars(line: str) -> int:
    return sum(line.count(b) for b in _BAR)


def _is_row(line: str) -> bool:
    return _bars(line) >= 1 and not _RULE.match(line)


def _bordered(line: str) -> bool:
    s = line.strip()
    return s[:1] in _BAR and s[-1:] in _BAR


def _cells(line: str, offset: int, row: int, bordered: bool) -> list[Cell]:
    """The cells of one row; offsets point at each cell's stripped text (an empty cell sits just
    after the bar before it)."""
    bars = [i for i, ch in enumerate(line) if ch in _BAR]
    if bordered:
        edges = list(zip(bars, bars[1:]))
    else:
        edges = list(zip([-1] + bars, bars + [len(line)]))
    cells: list[Cell] = []
    for col, (a, b) in enumerate(edges):
        raw = line[a + 1:b]
        lead = len(raw) - len(raw.lstrip())
        text = raw.strip()
        start = offset + a + 1 + (lead if text else 0)
        cells.append(Cell(row, col, text, start, start + len(text), (row, col)))
    return cells


def _table(lines: list[tuple[str, int]]) -> Table:
    bordered = all(_bordered(line) for line, _ in lines)
    rows = [_cells(line, offset, r, bordered) for r, (line, offset) in enumerate(lines)]
    return Table(rows, lines[0][1], lines[-1][1] + len(lines[-1][0]))


def _is_table(lines: list[tuple[str, int]]) -> bool:
    """Two rows or more, or one with a figure: a single line of links (首页 | 政务公开 | 年报) is a
    page's menu."""
    return len(lines) >= 2 or bool(_DIGIT.search(lines[0][0]))


def pipe_tables(text: str) -> list[Table]:
    """Every run of consecutive `|` lines (rule lines allowed inside) as one table."""
    tables: list[Table] = []
    block: list[tuple[str, int]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if _is_row(body):
            block.append((body, offset))
        elif not (_RULE.match(body) and block):
            if block and _is_table(block):
                tables.append(_table(block))
            block = []
        offset += len(line)
    if block and _is_table(block):
        tables.append(_table(block))
    return tables
