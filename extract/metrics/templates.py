"""The table templates (extract/data/metrics_templates.json) resolved to concept labels."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ..data import json_data as data
from .labels import label


@dataclass(frozen=True)
class Column:
    key: Optional[str]  # breakdown local name added by this column (None: the row's total)
    printed: str  # the column label as a report prints it


@dataclass(frozen=True)
class Row:
    table: str
    labels: tuple[str, ...]
    metric: Optional[str]  # local name; None for a row the vocabulary does not cover
    breakdown: tuple[str, ...]  # local names
    columns: tuple[Column, ...]
    numbering: Optional[str] = None
    group: Optional[str] = None  # table 二: the column set

    @property
    def metric_label(self) -> Optional[str]:
        return label(self.metric) if self.metric else None

    def breakdown_labels(self, column: Column) -> tuple[str, ...]:
        keys = self.breakdown + ((column.key,) if column.key else ())
        return tuple(label(k) for k in keys)


def templates() -> dict:
    return data("metrics_templates.json")


def region_spec(table: str) -> dict:
    return templates()["regions"][table]


@lru_cache(maxsize=None)
def table2_rows(fmt: str) -> tuple[Row, ...]:
    t = templates()["table2"]
    rows = []
    for r in t["rows"]["2019" if fmt == "2019" else "2021"]:
        cols = tuple(Column(k, t["column_labels"][k][0]) for k in t["column_sets"][r["columns"]])
        rows.append(Row("二", tuple(r["labels"]), r["metric"], (), cols, group=r["columns"]))
    return tuple(rows)


@lru_cache(maxsize=None)
def table3_columns() -> tuple[Column, ...]:
    t = templates()["table3"]
    return tuple(Column(k, t["column_labels"][k or "_total"][0]) for k in t["columns"])


@lru_cache(maxsize=None)
def table3_rows(fmt: str) -> tuple[Row, ...]:
    t = templates()["table3"]
    cols = table3_columns()
    return tuple(
        Row("三", tuple(r["labels"]), r["metric"], tuple([r["breakdown"]] if r.get("breakdown") else []), cols,
            numbering=r.get("numbering"))
        for r in t["rows"] if fmt in r.get("formats", [fmt]))


def table3_groups(fmt: str) -> list[dict]:
    return [g for g in templates()["table3"]["groups"] if fmt in g.get("formats", [fmt])]


@lru_cache(maxsize=None)
def table4_columns() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The 15 cells of table 四 in printed order: (metric local name, breakdown local names)."""
    t = templates()["table4"]
    out = []
    for block in t["blocks"]:
        for col in t["block_columns"]:
            bd = tuple(x for x in (block["path"], col) if x)
            out.append((block["metric"], bd))
    return tuple(out)


@lru_cache(maxsize=None)
def statistics_rows() -> tuple[Row, ...]:
    t = templates()["statistics"]
    cols = (Column(None, "年度"), Column(None, "历年累计"))
    return tuple(Row("统计表", tuple(r["labels"]), r["metric"], tuple([r["breakdown"]] if r.get("breakdown") else []), cols)
                 for r in t["rows"])


# the section number before a table's heading: 二、 / 第二部分 / 第二章, then words such as
# 政府信息公开 that some reports put before the table's own phrase
_NUMBERED_BEFORE = re.compile(r"(?:[一二三四五六七八九十]\s*[、.．]|第[一二三四五六七八九十]+(?:部分|章|节))\s*"
                              r"(?:政府信息公开|因政府信息公开(?:工作)?(?:被)?申请)?\s*$")


def find_region(text: str, table: str, after: int = 0) -> Optional[tuple[int, int]]:
    """Where a table's section starts and ends in the text (heading numbered 二、/三、/四、 or
    the phrase followed by the table)."""
    spec = region_spec(table)
    start = None
    for phrase in spec["start"]:
        for m in re.finditer(re.escape(phrase), text):
            if m.start() < after:
                continue
            before = text[max(0, m.start() - 16):m.start()]
            if table == "统计表" or _NUMBERED_BEFORE.search(before):
                if start is None or (table == "统计表" and m.start() > start) or (table != "统计表" and m.start() < start):
                    start = m.end() if table != "统计表" else m.start()
    if start is None:
        return None
    end = len(text)
    for phrase in spec.get("end", []):
        i = text.find(phrase, start + 1)
        if i >= 0 and i < end:
            # end at the numbered heading that holds the phrase
            num = re.search(r"(?:[一二三四五六七八九十]\s*[、.．]|第[一二三四五六七八九十]+(?:部分|章|节))[^、。\n]{0,16}$",
                            text[max(start, i - 24):i])
            end = (max(start, i - 24) + num.start()) if num else i
    return start, end
