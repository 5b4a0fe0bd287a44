"""Split a normalised document into its numbered sections.

Reports number their parts 一、 二、 … (level 1), （一） （二） … (level 2) and 1. 2. … or 1、
(level 3); markdown copies put ``#`` in front. A heading starts a line, or follows a sentence end
where a crawler ran the page into one line. Later steps ask "am I inside the application section,
the statistics table, the 重点领域 part?" through ``Document.section_at``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .data import rows
from .model import Section
from .numbers import chinese_number

CN_NUM = "一二三四五六七八九十"
_LEVELS = [
    (1, re.compile(rf"(?:^|(?<=[\n。;；:：]))[ \t#]*([{CN_NUM}]{{1,3}})\s*[、.．]\s*")),
    (2, re.compile(rf"(?:^|(?<=[\n。;；:：]))[ \t#]*[（(]\s*([{CN_NUM}]{{1,3}})\s*[）)]\s*")),
    (3, re.compile(r"(?:^|(?<=\n))[ \t#]*(\d{1,2})\s*[、.．](?!\d)\s*")),
]
# A numbered heading anywhere (no line break or sentence end before it): only accepted when its
# title starts like a known report heading.
_RUN_TOGETHER = re.compile(rf"([{CN_NUM}]{{1,3}})、")
_TITLE_END = re.compile(r"[。\n;；]")
MAX_TITLE = 60


def _label_value(label: str, level: int) -> int:
    """The number a heading's label counts: 三 → 3, 十二 → 12, 3 → 3; 0 for a label that reads
    as no numeral."""
    if level == 3:
        return int(label)
    value = chinese_number(label)
    return int(value) if value is not None else 0


@lru_cache(maxsize=1)
def _known_headings() -> tuple[tuple[str, ...], tuple[str, ...]]:
    table = rows("section_headings.tsv")
    headings = tuple(sorted((t for k, t in table if k == "heading"), key=len, reverse=True))
    table_rows = tuple(t for k, t in table if k == "row")
    return headings, table_rows


def split_sections(text: str) -> list[Section]:
    """Headings in document order, each with the span it governs and its enclosing section."""
    heads: list[tuple[int, int, str, str]] = []  # (start, level, label, title)
    known, table_rows = _known_headings()
    seen_starts: set[int] = set()
    for level, pattern in _LEVELS:
        for m in pattern.finditer(text):
            rest = text[m.end(): m.end() + MAX_TITLE + 1]
            end = _TITLE_END.search(rest)
            title = rest[: end.start()] if end else rest[:MAX_TITLE]
            if not title.strip() or title.lstrip().startswith(table_rows):
                continue
            label = m.group(1)
            line_end = text.find("\n", m.start())
            if " | " in text[m.start(): line_end if line_end >= 0 else len(text)]:
                continue  # a table row (一、本年新收… | 64 | …), not a heading
            heads.append((m.start() + (len(m.group(0)) - len(m.group(0).lstrip(" \t#"))), level, label, title.strip()))
    seen_starts = {h[0] for h in heads if h[1] == 1}
    for m in _RUN_TOGETHER.finditer(text):
        rest = text[m.end(): m.end() + MAX_TITLE]
        title = next((k for k in known if rest.startswith(k)), None)
        if title and m.start() not in seen_starts:
            heads.append((m.start(), 1, m.group(1), title))
    heads.sort()
    # Keep level-1 headings that count up (一 then 二 …): a stray "三、" in a sentence is not one.
    kept: list[tuple[int, int, str, str]] = []
    last_value = {1: 0, 2: 0, 3: 0}
    for start, level, label, title in heads:
        value = _label_value(label, level)
        skipped_one = value == last_value[1] + 2 and title.startswith(known)  # a heading lost in copying
        if level == 1 and value not in (last_value[1] + 1, 1) and last_value[1] and not skipped_one:
            continue
        kept.append((start, level, label, title))
        last_value[level] = value
        for deeper in range(level + 1, 4):
            last_value[deeper] = 0
    # one pass: a heading closes every open section of its level or deeper (their end is its
    # start) and is a child of the one left open above it
    ends = [len(text)] * len(kept)
    parents: list[Optional[int]] = [None] * len(kept)
    open_: list[int] = []  # indexes of open sections, levels rising
    for i, (start, level, _, _) in enumerate(kept):
        while open_ and kept[open_[-1]][1] >= level:
            ends[open_.pop()] = start
        parents[i] = open_[-1] if open_ else None
        open_.append(i)
    return [Section(level, label if level != 2 else f"（{label}）", title, start, ends[i], parents[i])
            for i, (start, level, label, title) in enumerate(kept)]
