"""Table 二 printed as sentences: 本年新制作规范性文件1件，…政府集中采购项目数量5个，采购总金额286.4万元.

Short reports write the table's cells as clauses. A clause that names a column (sentence_words in
metrics_templates.json) and holds one figure gives that cell, for the row the clause names or,
failing that, the row the sentence named last. Only rows the table readers could not read are
taken from sentences.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ..model import Document
from ..data import json_data as data
from .labels import squeeze
from .rows import RowReading
from .splits import Cell
from .templates import Column, Row, templates
from .tokens import tokenize

_CLAUSE = re.compile(r"[^，,；;。\n]+")
_SENTENCE_END = "。；;\n"


@dataclass(frozen=True)
class ClauseCell:
    row: int  # index into the format's table 二 rows
    column: Column
    cell: Cell


@lru_cache(maxsize=None)
def _column_words() -> tuple[tuple[str, str], ...]:
    """(word, column key), longest word first."""
    words = templates()["table2"]["sentence_words"]
    pairs = [(w, key) for key, ws in words.items() if not key.startswith("_") for w in ws]
    return tuple(sorted(pairs, key=lambda p: len(p[0]), reverse=True))


def _row_in(clause: str, rows: list[Row]) -> Optional[int]:
    squeezed = squeeze(clause)
    hits = [(squeezed.find(squeeze(lab)), -len(lab), i) for i, r in enumerate(rows) for lab in r.labels
            if squeeze(lab) in squeezed]
    return min(hits)[2] if hits else None


def _column_in(clause: str, row: Row) -> Optional[tuple[Column, int]]:
    """The row's column the clause names, and where its figures may start: after the word, or
    anywhere where the row's label splits the word (对外公开规范性文件总数9件)."""
    keys = {c.key: c for c in row.columns}
    unlabelled = clause
    for lab in row.labels:
        unlabelled = unlabelled.replace(lab, "")
    for word, key in _column_words():
        if key not in keys:
            continue
        i = clause.find(word)
        if i >= 0:
            return keys[key], i + len(word)
        if word in unlabelled:
            return keys[key], 0
    return None


def clause_cells(doc: Document, start: int, end: int, rows: list[Row]) -> list[ClauseCell]:
    """Cells of table 二 written as clauses in text[start:end]."""
    text = doc.text
    out: list[ClauseCell] = []
    current: Optional[int] = None
    for m in _CLAUSE.finditer(text, start, end):
        clause = m.group(0)
        named = _row_in(clause, rows)
        if named is not None:
            current = named
        if current is not None:
            col = _column_in(clause, rows[current])
            if col is not None:
                figures = [t for t in tokenize(text, m.start() + col[1], m.end()) if t.kind == "num"]
                if len(figures) == 1:
                    t = figures[0]
                    out.append(ClauseCell(current, col[0], (t, 0, len(t.text))))
        if m.end() < len(text) and text[m.end()] in _SENTENCE_END:
            current = None
    return out


def readings(doc: Document, start: int, end: int, rows: list[Row], skip: set[int]) -> list[RowReading]:
    """Row readings from clause cells, for the rows not in ``skip`` (read from a table)."""
    money = data("metrics_numbers.json")["money_units"]
    by_row: dict[int, dict[Column, Cell]] = {}
    for c in clause_cells(doc, start, end, rows):
        if c.row not in skip:
            by_row.setdefault(c.row, {}).setdefault(c.column, c.cell)
    out: list[RowReading] = []
    for i in sorted(by_row):
        row = rows[i]
        cells = by_row[i]
        cols = tuple(c for c in row.columns if c in cells)
        units = {cells[c][0].unit_suffix for c in cols if cells[c][0].unit_suffix}
        mult = float(money[units.pop()]) if len(units) == 1 else 1.0
        out.append(RowReading(row, [[cells[c] for c in cols]], cols, row.labels[0], multiplier=mult))
    return out
