"""Tables as text: one cell a line, `|` rows, or cells run together with no separator at all.

Row labels of the template anchor the figures that follow them; figures that follow no label
(a PDF copy that lost a label) go to the next row in template order. Figure strings are cut
into cells where the row's printed identity (总计 = Σ parts) or the table's shape allows only
one reading.
"""
from __future__ import annotations

import re
from typing import Callable, Optional

from ..data import json_data as data
from ..model import Document, Finding
from . import sentences
from .labels import label, squeeze
from .labels import unit as concept_unit
from .rows import RowReading
from .splits import Cell, SearchBudget, SearchExhausted, cell_value, split_cells
from .templates import (
    Column,
    Row,
    find_region,
    statistics_rows,
    table2_rows,
    table3_groups,
    table3_rows,
    table4_columns,
    templates,
)
from .tokens import Event, LabelSpec, Token, events, find_labels

Accept = Callable[[list[Cell]], bool]

UNIT_LINE_REACH = 60  # a 单位：万元 line is read only this close above the row it scales
UNIT_CELL_REACH = 8  # a unit printed just before a figure, or in the cell before it (| 万元 | 3.5 |)
STATISTICS_HEAD = 200  # the 2008 统计表's column header (年度 / 历年累计) stands within its first lines


def _sum_ok(cells: list[Cell]) -> bool:
    vals = [cell_value(c) or 0.0 for c in cells]
    return abs(sum(vals[:-1]) - vals[-1]) < 1e-6


def _le_ok(cells: list[Cell]) -> bool:
    vals = [cell_value(c) for c in cells]
    return not (vals[0] is not None and vals[1] is not None and vals[0] > vals[1])


def groups_of(evs: list[Event]) -> list[tuple[Optional[object], list[Token], int]]:
    """(label key or None, figure tokens, label start) for each run of figures."""
    out = []
    key, start, toks = None, -1, []
    for ev in evs:
        if ev.kind == "label":
            if toks:
                out.append((key, toks, start))
            key, start, toks = ev.label.key, ev.start, []
        elif ev.kind in ("num", "blank"):
            toks.append(ev.token)
        else:
            if toks:
                out.append((key, toks, start))
            key, start, toks = None, -1, []
    if toks:
        out.append((key, toks, start))
    return out


def _rejoined(text: str, tokens: list[Token]) -> list[list[Token]]:
    """The tokens with one figure that a hard line wrap cut in two (…15 6 4⏎87) joined again:
    one variant per wrap, each joining the two figures on either side of one line break."""
    out = []
    for i in range(len(tokens) - 1):
        a, b = tokens[i], tokens[i + 1]
        if a.kind == b.kind == "num" and not a.unit_suffix and not b.sign and text[a.end:b.start] == "\n":
            joined = Token("num", a.text + b.text, a.start, b.end, b.unit_suffix, True, a.sign)
            out.append(tokens[:i] + [joined] + tokens[i + 2:])
    return out


def _with_blank_lines(text: str, tokens: list[Token]) -> list[Token]:
    """In a table flattened one cell a line, an empty line between two figures is a cell the
    report left blank: a blank token for each."""
    out: list[Token] = []
    for a, b in zip(tokens, tokens[1:] + [None]):
        out.append(a)
        if b is None or not ((a.atomic or a.kind == "blank") and (b.atomic or b.kind == "blank")):
            continue
        gap = text[a.end + len(a.unit_suffix):b.start]
        if not gap.strip(" \t\r\n") and gap.count("\n") >= 2:
            out += [Token("blank", "", a.end, a.end, "", True)] * (gap.count("\n") - 1)
    return out


def _readings(text: str, tokens: list[Token], rows: list[Row], n: int,
              accept: Optional[Accept], budget: SearchBudget) -> list[list[list[Cell]]]:
    """Candidates for reading ``tokens`` as len(rows) rows of n cells each. Where none fits, a
    figure cut by a hard line wrap is joined again, if the row's identity then holds."""
    k = len(rows)
    cands = split_cells(tokens, k * n, accept, width=n, budget=budget)
    if not cands and accept:
        blanks = _with_blank_lines(text, tokens)
        # joining two figures leaves one token fewer: never enough when even that is too many
        rejoined = _rejoined(text, tokens) if len(tokens) - 1 <= k * n else []
        for variant in ([blanks] if len(blanks) > len(tokens) else []) + rejoined:
            cands += split_cells(variant, k * n, accept, width=n, budget=budget)
    if not cands and accept and len(tokens) == k * n:
        # the printed figures, one a cell, break the identity: keep them, the identity check
        # reports it. Cutting a figure to make cells is never done without the identity's say.
        cands = split_cells(tokens, k * n, None, budget=budget)
    return [[c[i * n:(i + 1) * n] for i in range(k)] for c in cands]


def text_source(start: int, end: int):
    """Labels and events of text[start:end] (the default source; grid.py supplies HTML tables)."""
    def source(doc: Document, specs: list[LabelSpec], ignorable):
        labels = find_labels(doc.text, start, end, specs)
        return labels, events(doc.text, start, end, labels, ignorable)
    return source


def table_region(doc: Document, table: str) -> Optional[tuple[int, int]]:
    """Where table 二, 三 or 四 stands: its section (table 三 ends where table 四 starts)."""
    region = find_region(doc.text, table)
    if region and table == "三":
        end4 = find_region(doc.text, "四", region[0])
        if end4 and end4[0] > region[0]:
            region = (region[0], end4[0])
    return region


def fill_rows(doc: Document, rows: list[Row], specs: list[LabelSpec], source,
              n: int, accept: Optional[Accept], ignorable, table: str,
              follow_order: bool = True) -> tuple[list[RowReading], list[Finding]]:
    labels, evs = source(doc, specs, ignorable)
    readings: dict[int, RowReading] = {}
    findings: list[Finding] = []
    pending: list[tuple[int, Finding]] = []
    cursor = 0
    budget = SearchBudget()
    for key, toks, lstart in groups_of(evs):
        if isinstance(key, tuple):  # one printed label, several rows: the next unread in order
            later = [k for k in key if k >= cursor and k not in readings]
            unread = [k for k in key if k not in readings]
            key = (later or unread or key)[0]
        if isinstance(key, int):
            first = key
        elif follow_order and key is None and cursor < len(rows) and readings:
            first = cursor
        else:
            continue
        budget.new_row()
        try:
            fit = _fewest_rows(doc.text, toks, rows, first, n, accept, budget)
        except SearchExhausted as stop:
            pending.append((first, _too_many_cuts(doc.text, toks, f"表{table} {rows[first].labels[0]}", stop)))
            continue
        if fit is None:
            if isinstance(key, int):
                s, e = toks[0].start, toks[-1].end
                pending.append((key, Finding("unparsed-cell", f"表{table} {rows[key].labels[0]}: figures "
                                             f"{doc.text[s:e]!r} do not fit the row's {n} cells", s, e)))
            continue
        k, cands = fit
        for i in range(k):
            idx = first + i
            if idx in readings:
                continue
            per_row = []
            for c in cands:
                if c[i] not in per_row:
                    per_row.append(c[i])
            label_text = _label_text(labels, lstart) if i == 0 and lstart >= 0 else rows[idx].labels[0]
            readings[idx] = RowReading(rows[idx], per_row, rows[idx].columns[:n], label_text)
        cursor = max(cursor, first + k)
    # a row read from a later copy of its label (a heading, then the row) is not unparsed
    findings += [f for key, f in pending if key not in readings]
    return [readings[i] for i in sorted(readings)], findings


def _fewest_rows(text: str, toks: list[Token], rows: list[Row], first: int, n: int,
                 accept: Optional[Accept], budget: SearchBudget) -> Optional[tuple[int, list]]:
    """The fewest rows from ``first`` (up to 4: a PDF copy can lose the labels between rows) whose
    cells the figures fill, with the candidate readings; None where no count fits."""
    for k in range(1, min(4, len(rows) - first) + 1):
        cands = _readings(text, toks, rows[first:first + k], n, accept, budget)
        if cands:
            return k, cands
    return None


def _too_many_cuts(text: str, toks: list[Token], where: str, stop: SearchExhausted) -> Finding:
    """The finding for figures the cut search gave up on: reported, never guessed."""
    s, e = toks[0].start, toks[-1].end
    shown = text[s:e] if e - s <= 80 else text[s:s + 80] + "…"
    return Finding("unparsed-cell", f"{where}: figures {shown!r} run together in more ways than "
                   f"the search tries ({stop.steps} steps); not read", s, e)


def _label_text(labels, lstart: int) -> str:
    for l in labels:
        if l.start == lstart:
            return l.text
    return ""


def _ignorable(words: list[str]):
    keys = sorted({squeeze(w) for w in words if squeeze(w)}, key=len, reverse=True)

    def check(text: str) -> bool:
        s = squeeze(re.sub(r"[（(][^（）()]*[）)]", "", text))
        for k in keys:
            s = s.replace(k, "")
        s = re.sub(r"[一二三四五六七八九十]", "", s)
        return not s
    return check


# ------------------------------------------------------------------ table 三

def table3(doc: Document, fmt: str, source=None) -> tuple[list[RowReading], list[Finding]]:
    if source is None:
        region = table_region(doc, "三")
        if not region:
            return [], []
        source = text_source(*region)
    rows = list(table3_rows(fmt))
    specs = [LabelSpec(i, list(r.labels), r.numbering) for i, r in enumerate(rows)]
    specs += [LabelSpec("group", g["labels"], g.get("numbering")) for g in table3_groups(fmt)]
    t = templates()["table3"]
    words = t["headers"] + [w for ws in t["column_labels"].values() for w in ws]
    return fill_rows(doc, rows, specs, source, len(rows[0].columns), _sum_ok, _ignorable(words), "三")


# ------------------------------------------------------------------ table 四

def table4(doc: Document, fmt: str, source=None) -> tuple[list[RowReading], list[Finding]]:
    if source is None:
        region = table_region(doc, "四")
        if not region:
            return [], []
        source = text_source(*region)
    t = templates()["table4"]
    specs = [LabelSpec("header", [h]) for h in t["headers"]]
    labels, evs = source(doc, specs, _ignorable(t["headers"] + ["注"]))
    toks: list[Token] = []
    for ev in evs:
        if ev.kind in ("num", "blank"):
            toks.append(ev.token)
        elif ev.kind == "break" and toks:
            if _count_ok(toks):
                break
    columns = table4_columns()
    n = len(columns)
    if not toks:
        return [], []
    width = len(t["block_columns"])
    cands: list = []
    budget = SearchBudget()
    # the table may be followed by figures of the next section with no heading between:
    # drop trailing figures until the table's cells fit
    try:
        for cut in range(len(toks), max(0, len(toks) - 3), -1):
            cands = split_cells(toks[:cut], n, _sum_ok, width=width, budget=budget)
            if not cands and cut == n:  # 15 printed figures breaking a block's identity: as printed
                cands = split_cells(toks[:cut], n, None, budget=budget)
            if cands:
                toks = toks[:cut]
                break
    except SearchExhausted as stop:
        return [], [_too_many_cuts(doc.text, toks, "表四", stop)]
    if not cands:
        s, e = toks[0].start, toks[-1].end
        return [], [Finding("unparsed-cell", f"表四: figures {doc.text[s:e]!r} do not fit its {n} cells", s, e)]
    readings = []
    for b, block in enumerate(t["blocks"]):
        metric = block["metric"]
        bd = tuple([block["path"]] if block["path"] else [])
        cols = tuple(Column(c, label(c) if c else "总计") for c in t["block_columns"])
        row = Row("四", (metric,), metric, bd, cols)
        per = []
        for c in cands:
            if c[b * width:(b + 1) * width] not in per:
                per.append(c[b * width:(b + 1) * width])
        readings.append(RowReading(row, per, cols, _block_name(block)))
    return readings, []


def _block_name(block: dict) -> str:
    from .labels import label
    return label(block["metric"]) + (f"（{label(block['path'])}）" if block["path"] else "")


def _count_ok(toks: list[Token]) -> bool:
    return len(toks) >= len(table4_columns()) or sum(len(t.text) for t in toks) >= len(table4_columns())


# ------------------------------------------------------------------ table 二

def table2(doc: Document, fmt: str, source=None) -> tuple[list[RowReading], list[Finding]]:
    region = find_region(doc.text, "二")
    if source is None:
        if not region:
            return [], []
        source = text_source(*region)
    start = region[0] if region else 0
    rows = list(table2_rows(fmt))
    t = templates()["table2"]
    specs = [LabelSpec(i, list(r.labels)) for i, r in enumerate(rows)]
    specs += [LabelSpec("group", [g]) for g in t["groups"]]
    words = [w for ws in t["column_labels"].values() for w in ws] + t["groups"] + ["单位", "项", *_money_units()]
    labels, evs = source(doc, specs, _ignorable(words))
    readings: list[RowReading] = []
    findings: list[tuple[Optional[int], Finding]] = []  # (row an unparsed finding is about, finding)
    taken: set[int] = set()
    budget = SearchBudget()
    for key, toks, lstart in groups_of(evs):
        if not isinstance(key, int) or key in taken:
            continue
        row = rows[key]
        n = len(row.columns)
        label_text = _label_text(labels, lstart)
        budget.new_row()
        try:
            cands = _table2_candidates(toks, n, budget)
        except SearchExhausted as stop:
            findings.append((key, _too_many_cuts(doc.text, toks, f"表二 {label_text}", stop)))
            continue
        if not cands:
            s, e = toks[0].start, toks[-1].end
            findings.append((key, Finding("unparsed-cell", f"表二 {label_text}: figures {doc.text[s:e]!r} "
                                          f"do not fit {n} cells", s, e)))
            continue
        cols = row.columns
        if len(cands[0]) < n:  # a short row: the first figures lead, the last closes the row
            cols = tuple(row.columns[:len(cands[0]) - 1]) + (row.columns[-1],)
            findings.append((None, Finding("short-row", f"表二 {label_text}: {len(cands[0])} figures for {n} "
                                           f"columns; read as {[c.printed for c in cols]}", toks[0].start, toks[-1].end)))
        taken.add(key)
        mult = _multiplier(doc.text, lstart, start, _money_headers(row))
        printed = {t.unit_suffix for t in toks if t.unit_suffix}
        if len(printed) == 1:  # the cell prints its own unit (38652.17万元)
            mult = float(_money_units()[printed.pop()])
        readings.append(RowReading(row, cands, cols, label_text, multiplier=mult))
    said: set[int] = set()
    if region:  # rows a short report printed as sentences (本年新制作规范性文件1件，…)
        in_sentences = sentences.readings(doc, region[0], region[1], rows, taken)
        readings += in_sentences
        said = {rows.index(r.row) for r in in_sentences}
    return readings, [f for key, f in findings if key not in said]


def _table2_candidates(toks: list[Token], n: int, budget: SearchBudget) -> list[list[Cell]]:
    clean = all(len(split_cells([t], 1)) == 1 for t in toks)
    if clean and len(toks) > n:  # a spanned cell copied into every column it covered
        folded = [t for i, t in enumerate(toks) if not i or (t.text, t.unit_suffix) != (toks[i - 1].text, toks[i - 1].unit_suffix)]
        if len(folded) == n:
            toks = folded
    if clean and 2 <= len(toks) < n:
        return [[(t, 0, len(t.text)) for t in toks]]
    if clean and len(toks) > n:
        return []
    return split_cells(toks, n, budget=budget)


def _money_units() -> dict[str, float]:
    """Printed money unit → its scale in 元 (metrics_numbers.json)."""
    return data("metrics_numbers.json")["money_units"]


def _money_headers(row: Row) -> list[str]:
    """How the report may print the headers of the row's money columns (采购总金额)."""
    labels = templates()["table2"]["column_labels"]
    return [w for c in row.columns if c.key and concept_unit(c.key) == "yuan" for w in labels.get(c.key, [])]


def _multiplier(text: str, label_start: int, region_start: int, headers: list[str] = ()) -> float:
    """The scale of a row's money figures: 单位：万元 just before the row, or the unit its money
    column's header prints (采购总金额（万元）) anywhere above it in the table."""
    units = _money_units()
    unit = "(" + "|".join(map(re.escape, sorted(units, key=len, reverse=True))) + ")"
    before = text[max(region_start, label_start - UNIT_LINE_REACH):label_start]
    hits = list(re.finditer(r"单位\s*[：:]\s*" + unit, before))
    if not hits and headers:
        above = text[region_start:label_start]
        names = "|".join(map(re.escape, headers))
        hits = list(re.finditer(rf"(?:{names})\s*[（(]\s*(?:单位\s*[：:]\s*)?{unit}\s*[)）]", above))
    return float(units[hits[-1].group(hits[-1].lastindex)]) if hits else 1.0


# ------------------------------------------------------------------ 2008 统计表

def statistics(doc: Document) -> tuple[list[RowReading], list[Finding]]:
    region = find_region(doc.text, "统计表")
    if not region:
        return [], []
    start, end = region
    rows = list(statistics_rows())
    t = templates()["statistics"]
    specs = [LabelSpec(i, list(r.labels)) for i, r in enumerate(rows)]
    specs += [LabelSpec("header", [h]) for h in t["headers"]]
    # the column header stands at the table's head (a later 年度 is a link or the signature's)
    head = doc.text[start:min(end, start + STATISTICS_HEAD)]
    header_end = min([m.end() for m in re.finditer("历年累计|年度", head)] or [0]) + start
    two = "累计" in head
    n = 2 if two else 1
    units = t["units"]
    words = t["headers"] + list(units) + ["其中"]
    readings, findings = fill_rows(doc, rows, specs, text_source(header_end, end), n, _le_ok if two else None,
                                   _ignorable(words), "统计表", follow_order=False)
    for r in readings:
        r.emit = (0,)
        unit_text = _unit_after(doc.text, r, units)
        if unit_text:
            r.unit = units[unit_text]
            r.multiplier = float(_money_units().get(unit_text, 1))
    return readings, findings


def _unit_after(text: str, reading: RowReading, units: dict) -> str:
    if not reading.candidates:
        return ""
    first = reading.candidates[0][0][0]
    # the unit printed just before the figure, or in the cell before it (| 万元 | 3.5 |)
    before = re.sub(r"[\s|｜]+$", "", text[max(0, first.start - UNIT_CELL_REACH):first.start])
    for u in sorted(units, key=len, reverse=True):
        if before.endswith(u):
            return u
    return ""
