"""Cutting run-together figure strings into cells.

A crawler that dropped the cell separators leaves `230 000023` for the seven cells 23,0,0,0,0,0,23.
Every way of cutting the strings into the required number of cells is a candidate; a figure has
no leading zero (except 0 itself) and a decimal point stays inside one figure. The caller's check
(a row's printed identity) keeps the candidates that agree with the report's own arithmetic.

The ways to cut grow exponentially with the digits run together, so the search has a budget of
steps (``SearchBudget``); a search that runs out raises ``SearchExhausted`` and the caller reports
the row instead of reading it: no candidate of an unfinished search is trusted.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional, Sequence

from ..numbers import sign_value
from .tokens import Token

Cell = tuple[Token, int, int]  # token, start and end offset of the figure within the token text
MAX_DIGITS = 13
MAX_CANDIDATES = 2000
# The search's steps (search nodes plus cut positions tried) are capped: the ways to cut grow
# exponentially with the digits run together (a table 三 row with 16 extra digits took a minute).
# The most any row of the dev and held-out reports takes is 10,875 (表四 printed as one string of
# 17 digits); a step costs about a microsecond, so a row gives up after about a tenth of a second
# and a table, however many rows it has, after about half a second.
MAX_ROW_STEPS = 100_000
MAX_TABLE_STEPS = 400_000


class SearchExhausted(Exception):
    """The cut search ran out of steps before it finished: the row's readings are unknown."""

    def __init__(self, steps: int):
        super().__init__(f"the cut search stopped after {steps} steps")
        self.steps = steps


@dataclass
class SearchBudget:
    """The steps a table's cut searches may take: each row's (the figures that fill it) and all
    the table's together. ``steps`` and ``row_steps`` count what they took."""

    row_limit: int = MAX_ROW_STEPS
    table_limit: int = MAX_TABLE_STEPS
    steps: int = 0
    row_steps: int = 0

    def new_row(self) -> None:
        self.row_steps = 0

    def spend(self) -> None:
        self.steps += 1
        self.row_steps += 1
        if self.row_steps > self.row_limit or self.steps > self.table_limit:
            raise SearchExhausted(self.row_steps)


def _valid(fig: str) -> bool:
    fig = fig.replace(",", "")  # 18,057: thousands separators (such a figure is never cut)
    body = fig[1:] if fig.startswith("-") else fig
    if not body or not body[0].isdigit():
        return False
    whole = body.split(".")[0]
    if len(whole) > 1 and whole[0] == "0":
        return False
    return len(whole) <= MAX_DIGITS and body.count(".") <= 1


def split_cells(tokens: Sequence[Token], n: int,
                accept: Optional[Callable[[list[Cell]], bool]] = None, *,
                width: Optional[int] = None,
                budget: Optional[SearchBudget] = None) -> list[list[Cell]]:
    """All ways to read ``tokens`` as exactly ``n`` cells that ``accept`` agrees with, fewest
    cuts of the first token first.

    A blank token is one cell; a figure token is one or more cells. ``accept`` judges each run of
    ``width`` cells (a row; default all ``n``) as soon as the run is complete, so a row that
    breaks its identity ends that branch of the search. Raises SearchExhausted when the budget
    (default: a fresh one) runs out."""
    width = width or n
    budget = budget if budget is not None else SearchBudget()
    out: list[list[Cell]] = []

    def extend(acc: list[Cell], cell: Cell) -> Optional[list[Cell]]:
        """``acc`` and one more cell; None where that completes a row ``accept`` rejects."""
        nxt = acc + [cell]
        if accept is None or len(nxt) % width or accept(nxt[-width:]):
            return nxt
        return None

    def walk(k: int, acc: list[Cell]) -> None:
        """Read tokens[k:] after the cells ``acc``."""
        budget.spend()
        if len(out) >= MAX_CANDIDATES:
            return
        left = n - len(acc)
        remaining = len(tokens) - k
        if remaining == 0:
            if left == 0:
                out.append(acc)
            return
        if left < remaining:
            return
        t = tokens[k]
        if t.kind == "blank":
            nxt = extend(acc, (t, 0, len(t.text)))
            if nxt is not None:
                walk(k + 1, nxt)
            return
        digits = len(t.text.replace("-", "").split(".")[0]) + (1 if "." in t.text else 0)
        max_parts = 1 if t.atomic else min(left - (remaining - 1), max(1, digits))
        for parts in range(1, max_parts + 1):
            cut(k, 0, parts, acc)

    def cut(k: int, i: int, parts: int, acc: list[Cell]) -> None:
        """Cut tokens[k].text[i:] into ``parts`` figures after the cells ``acc``, then read on."""
        budget.spend()
        if len(out) >= MAX_CANDIDATES:
            return
        t = tokens[k]
        s = t.text
        if parts == 1:
            nxt = extend(acc, (t, i, len(s))) if _valid(s[i:]) else None
            if nxt is not None:
                walk(k + 1, nxt)
            return
        for j in range(i + 1, len(s) - parts + 2):  # each figure after the cut needs a character
            budget.spend()
            if s[j] == "." or s[j - 1] == "." or s[j - 1] == "-":
                continue
            head = s[i:j]
            if not _valid(head):
                if head.lstrip("-")[:1] == "0" and len(head.lstrip("-")) > 1:
                    return
                continue
            nxt = extend(acc, (t, i, j))
            if nxt is not None:
                cut(k, j, parts - 1, nxt)

    walk(0, [])
    return out


def cell_text(cell: Cell) -> str:
    """The cell as printed, with the sign word before a token's first figure (减少7)."""
    t, a, b = cell
    return (t.sign if a == 0 else "") + t.text[a:b]


def cell_span(cell: Cell) -> tuple[int, int]:
    t, a, b = cell
    # a token rejoined across a line wrap is longer in the text than its figure
    return t.start + a, (t.end if b == len(t.text) else t.start + b)


def cell_value(cell: Cell) -> Optional[float]:
    t, a, b = cell
    if t.kind == "blank":
        return None
    value = float(t.text[a:b].replace(",", ""))
    return value * sign_value(t.sign) if a == 0 else value
