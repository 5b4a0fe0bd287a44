"""HTML tables (Document.tables): cells with known boundaries, read through the same templates.

The reader repeats a spanned cell into every slot it covers and marks the repeats (Cell.origin):
a repeat is not a second printed value. Where the reader gave no origin, two neighbouring cells
under the same column head holding the same text are taken for one printed cell.
"""
from __future__ import annotations

import re
from typing import Optional

from ..model import Cell, Document, Finding, Table
from . import flat
from .templates import find_region
from .tokens import Event, Label, LabelSpec, Token, find_labels

# a figure, with the money unit the cell may print after it (38652.17万元)
_FIGURE = re.compile(r"^\s*-?\d+(?:,\d{3})*(?:\.\d+)?\s*(亿元|万元|千元|元)?\s*$")
_BLANK = re.compile(r"^\s*(?:/|／|—{1,2}|－|-|–)\s*$")


def _is_data(cell: Cell) -> bool:
    return bool(_FIGURE.match(cell.text) or _BLANK.match(cell.text))


def collapsed_rows(table: Table) -> list[list[Cell]]:
    """Rows with spanned copies folded. Where the reader gave the cells' origins, a copied figure
    is dropped and a copied label kept once a row; else a cell equal to its left neighbour whose
    column head (nearest row above without figures) is also equal to the left neighbour's is a copy."""
    out: list[list[Cell]] = []
    head: Optional[list[Cell]] = None
    for row in table.rows:
        has_data = any(_is_data(c) for c in row)
        kept: list[Cell] = []
        for i, c in enumerate(row):
            if c.origin != (-1, -1):
                if _is_data(c) and c.is_copy:
                    continue  # a repeat of a spanned figure is not a second value
                if c.is_copy and i and row[i - 1].origin == c.origin:
                    continue  # a label spanned across columns is read once in each row
                kept.append(c)
                continue
            if i and c.text == row[i - 1].text:
                if not _is_data(c):
                    continue
                if head is not None and i < len(head) and head[i].text == head[i - 1].text:
                    continue
            kept.append(c)
        out.append(kept)
        if not has_data:
            head = row
    return out


def _placed(doc: Document, c: Cell) -> Cell:
    """The cell with offsets that point at its text (the reader's map can be a few characters
    off after normalisation changed the text's length before a table)."""
    if c.start < 0 or doc.text[c.start:c.end] == c.text:
        return c
    for delta in sorted(range(-12, 13), key=abs):
        s = c.start + delta
        if s >= 0 and doc.text[s:s + len(c.text)] == c.text:
            return Cell(c.row, c.col, c.text, s, s + len(c.text), c.origin)
    return Cell(c.row, c.col, c.text, -1, -1, c.origin)


def source_for(table: Table):
    """An event source (see flat.text_source) over one HTML table."""
    rows = collapsed_rows(table)

    def source(doc: Document, specs: list[LabelSpec], ignorable):
        labels: list[Label] = []
        evs: list[Event] = []
        for row in rows:
            for c in (_placed(doc, x) for x in row):
                if c.start < 0 or not c.text.strip():
                    continue
                if _is_data(c):
                    text = c.text.strip()
                    s = c.start + c.text.index(text[0])
                    kind = "blank" if _BLANK.match(text) else "num"
                    m = _FIGURE.match(text)
                    suffix = (m.group(1) or "") if m else ""
                    body = text[:len(text) - len(suffix)].strip()
                    evs.append(Event(kind, s, s + len(body), token=Token(kind, body, s, s + len(body),
                                                                         suffix, True)))
                    continue
                found = find_labels(doc.text, c.start, c.end, specs)
                labels += found
                evs += [Event("label", l.start, l.end, label=l) for l in found]
                rest = c.text
                for l in found:
                    rest = rest.replace(l.text, " ")
                from .labels import squeeze
                if squeeze(rest) and not ignorable(rest):
                    evs.append(Event("break", c.start, c.end))
        evs.sort(key=lambda e: (e.start, 0 if e.kind == "label" else 1))
        return labels, evs
    return source


def tables(doc: Document, fmt: str) -> dict[str, tuple[list, list[Finding]]]:
    """Readings of tables 二/三/四 from the HTML grids that sit in their sections."""
    out: dict[str, tuple[list, list[Finding]]] = {}
    regions = {name: find_region(doc.text, name) for name in ("二", "三", "四")}
    readers = {"二": flat.table2, "三": flat.table3, "四": flat.table4}
    for t in doc.tables:
        for name, region in regions.items():
            if region and region[0] <= t.start < region[1] + 2 and name not in out:
                readings, findings = readers[name](doc, fmt, source_for(t))
                if readings:
                    out[name] = (readings, findings)
                break
    return out
