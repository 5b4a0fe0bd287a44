"""Table grids (Document.tables: HTML tables and `|` rows): cells with known positions, read
through the same templates as text.

A cell's position is what it means: the header rows above a figure row name the columns that
hold figures, and an empty cell among them is a cell the report left blank (no observation),
not a missing column. The HTML reader repeats a spanned cell into every slot it covers and marks
the repeats (Cell.origin): a repeat is not a second printed value. Where the reader gave no
origin, two neighbouring cells under the same column head holding the same text are one cell.
"""
from __future__ import annotations

import re
from typing import Optional

from ..model import Cell, Document, Finding, Table
from . import flat
from .labels import squeeze
from .tokens import Event, Label, LabelSpec, Token, find_labels, sign_words

# a figure, with a sign word before it (减少7, ↓7) and the money unit after it (38652.17万元); its
# spaces are taken whole (*+), not tried split between two places in every way (quadratic time)
_FIGURE = re.compile(rf"^\s*+(?P<sign>{sign_words()})?\s*+(?P<body>-?\d+(?:,\d{{3}})*(?:\.\d+)?)\s*+"
                     r"(?P<unit>亿元|万元|千元|元)?\s*$")
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


def _row_label(doc: Document, row: list[Cell], specs: list[LabelSpec]) -> bool:
    """Whether a cell of the row holds a row label of the template (not a header or group)."""
    return any(isinstance(l.key, (int, tuple))
               for c in row if c.start >= 0 and c.text.strip() and not _is_data(c)
               for l in find_labels(doc.text, c.start, c.end, specs))


def data_slots(doc: Document, table: Table, specs: list[LabelSpec]) -> dict[int, tuple[int, ...]]:
    """Per figure row, the grid positions that hold its cells: the columns the header rows above
    it name, right of the row's label cells. A row shorter than its header (a label cell that
    spanned two columns written once) is aligned on its right edge. A row whose figures stand
    outside those positions (a header the copy lost) gets none and is read by its figures alone."""
    blocks: list[tuple[set[int], int]] = []  # (header columns, header width) per header block
    rows: list[tuple[int, int]] = []  # (row index, its header block)
    in_header = False
    for r, row in enumerate(table.rows):
        if not any(_is_data(c) for c in row) and not _row_label(doc, row, specs):
            if not in_header:
                blocks.append((set(), 0))
                in_header = True
            heads, width = blocks[-1]
            blocks[-1] = (heads | {i for i, c in enumerate(row) if c.text.strip()}, max(width, len(row)))
            continue
        in_header = False
        if blocks:
            rows.append((r, len(blocks) - 1))
    shift = {r: max(0, blocks[b][1] - len(table.rows[r])) for r, b in rows}
    figure_cols = [i + shift[r] for r, _ in rows for i, c in enumerate(table.rows[r]) if _is_data(c)]
    if not figure_cols:
        return {}
    first = min(figure_cols)  # in header positions
    out: dict[int, tuple[int, ...]] = {}
    for r, b in rows:
        row, k = table.rows[r], shift[r]
        figures = [i for i, c in enumerate(row) if _is_data(c)]
        words = [i for i, c in enumerate(row) if c.text.strip() and not _is_data(c)
                 and (not figures or i < figures[0])]
        after = max(words, default=-1)
        slots = tuple(h - k for h in sorted(blocks[b][0]) if h >= first and after < h - k < len(row))
        if slots and set(figures) <= set(slots):
            out[r] = slots
    return out


def _label_cell(row: list[Cell]) -> Optional[Cell]:
    """The row's last word cell before its first figure (its row label, or the label's tail)."""
    words = []
    for c in row:
        if _is_data(c):
            break
        if c.text.strip() and not c.is_copy and c.start >= 0:
            words.append(c)
    return words[-1] if words else None


def continued_labels(doc: Document, table: Table, specs: list[LabelSpec]) -> dict[int, tuple[Cell, Cell]]:
    """Row labels a grid wrapped onto the next row (1.申请人无正当理由逾期不补正、 / 行政机关不再处理
    其政府信息公开申请 | 1 | …): {row below: (label cell above, label cell below)} where the row above
    prints no figure and only the two cells together hold one label."""
    out: dict[int, tuple[Cell, Cell]] = {}
    for r in range(len(table.rows) - 1):
        above, below = table.rows[r], table.rows[r + 1]
        if any(_is_data(c) for c in above) or not any(_is_data(c) for c in below):
            continue
        a, b = _label_cell(above), _label_cell(below)
        if a is None or b is None:
            continue
        if any(isinstance(l.key, (int, tuple)) and l.start < a.end and l.end > b.start
               for l in find_labels(doc.text, a.start, b.end, specs)):
            out[r + 1] = (a, b)
    return out


def _blank_events(doc: Document, table: Table, specs: list[LabelSpec], skip: set[int]) -> list[Event]:
    """A blank-cell event for each empty cell at a figure position: the report left it blank."""
    evs: list[Event] = []
    for r, slots in data_slots(doc, table, specs).items():
        if r in skip:
            continue
        for i in slots:
            c = table.rows[r][i]
            if c.text.strip() or c.is_copy or c.start < 0:
                continue
            evs.append(Event("blank", c.start, c.start, token=Token("blank", "", c.start, c.start, "", True)))
    return evs


def source_for(table: Table):
    """An event source (see flat.text_source) over one table grid (HTML, or `|` rows)."""
    rows = collapsed_rows(table)

    def source(doc: Document, specs: list[LabelSpec], ignorable):
        labels: list[Label] = []
        wrapped = continued_labels(doc, table, specs)
        above = {r - 1 for r in wrapped}
        evs: list[Event] = _blank_events(doc, table, specs, above)
        for r, row in enumerate(rows):
            if r in above:
                continue  # its label is read with the row below, which prints the figures
            for c in (_placed(doc, x) for x in row):
                if c.start < 0 or not c.text.strip():
                    continue
                if r in wrapped and c.start == wrapped[r][1].start:
                    c = Cell(c.row, c.col, doc.text[wrapped[r][0].start:c.end], wrapped[r][0].start, c.end, c.origin)
                if _is_data(c):
                    m = _FIGURE.match(c.text)
                    if m is None:  # a printed blank (/, —)
                        text = c.text.strip()
                        s = c.start + c.text.index(text)
                        evs.append(Event("blank", s, s + len(text), token=Token("blank", text, s, s + len(text),
                                                                               "", True)))
                        continue
                    s, e = c.start + m.start("body"), c.start + m.end("body")
                    evs.append(Event("num", s, e, token=Token("num", m.group("body"), s, e, m.group("unit") or "",
                                                              True, m.group("sign") or "")))
                    continue
                found = find_labels(doc.text, c.start, c.end, specs)
                labels += found
                evs += [Event("label", l.start, l.end, label=l) for l in found]
                rest = c.text
                for l in found:
                    rest = rest.replace(l.text, " ")
                if squeeze(rest) and not ignorable(rest):
                    evs.append(Event("break", c.start, c.end))
        evs.sort(key=lambda e: (e.start, 0 if e.kind == "label" else 1))
        return labels, evs
    return source


def region_source(start: int, end: int, grids: list[Table]):
    """An event source over text[start:end] whose tables are read as grids and the text
    between them (headings, rows the copy left as text) as text."""
    def source(doc: Document, specs: list[LabelSpec], ignorable):
        labels: list[Label] = []
        evs: list[Event] = []
        pos = start
        parts = []
        for t in sorted(grids, key=lambda t: t.start):
            parts += [flat.text_source(pos, max(pos, t.start)), source_for(t)]
            pos = max(pos, t.end)
        parts.append(flat.text_source(pos, max(pos, end)))
        for part in parts:
            found, events = part(doc, specs, ignorable)
            labels += found
            evs += events
        evs.sort(key=lambda e: (e.start, 0 if e.kind == "label" else 1))
        return labels, evs
    return source


def tables(doc: Document, fmt: str) -> dict[str, tuple[list, list[Finding]]]:
    """Readings of tables 二/三/四 whose sections hold table grids (HTML or `|` rows)."""
    out: dict[str, tuple[list, list[Finding]]] = {}
    readers = {"二": flat.table2, "三": flat.table3, "四": flat.table4}
    for name, reader in readers.items():
        region = flat.table_region(doc, name)
        if not region:
            continue
        grids = [t for t in doc.tables if region[0] <= t.start < region[1] + 2]
        if not grids:
            continue
        readings, findings = reader(doc, fmt, region_source(region[0], region[1], grids))
        if readings:
            out[name] = (readings, findings)
    return out
