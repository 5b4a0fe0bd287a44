"""Cutting run-together figure strings into cells.

A crawler that dropped the cell separators leaves `230 000023` for the seven cells 23,0,0,0,0,0,23.
Every way of cutting the strings into the required number of cells is a candidate; a figure has
no leading zero (except 0 itself) and a decimal point stays inside one figure. The caller's check
(a row's printed identity) keeps the candidates that agree with the report's own arithmetic.
"""
from __future__ import annotations

from typing import Callable, Iterator, Optional, Sequence

from ..numbers import sign_value
from .tokens import Token

Cell = tuple[Token, int, int]  # token, start and end offset of the figure within the token text
MAX_DIGITS = 13
MAX_CANDIDATES = 2000


def _cuts(s: str, i: int, parts: int) -> Iterator[list[tuple[int, int]]]:
    """Ways to cut s[i:] into ``parts`` figures."""
    if parts == 1:
        if _valid(s[i:]):
            yield [(i, len(s))]
        return
    for j in range(i + 1, len(s)):
        if s[j] == "." or s[j - 1] == "." or s[j - 1] == "-":
            continue
        head = s[i:j]
        if not _valid(head):
            if head.lstrip("-")[:1] == "0" and len(head.lstrip("-")) > 1:
                return
            continue
        for rest in _cuts(s, j, parts - 1):
            yield [(i, j)] + rest


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
                accept: Optional[Callable[[list[Cell]], bool]] = None) -> list[list[Cell]]:
    """All ways to read ``tokens`` as exactly ``n`` cells that ``accept`` agrees with.

    A blank token is one cell; a figure token is one or more cells."""
    out: list[list[Cell]] = []

    def walk(k: int, acc: list[Cell]) -> None:
        if len(out) >= MAX_CANDIDATES:
            return
        left = n - len(acc)
        remaining = len(tokens) - k
        if remaining == 0:
            if left == 0 and (accept is None or accept(acc)):
                out.append(list(acc))
            return
        if left < remaining:
            return
        t = tokens[k]
        if t.kind == "blank":
            walk(k + 1, acc + [(t, 0, len(t.text))])
            return
        digits = len(t.text.replace("-", "").split(".")[0]) + (1 if "." in t.text else 0)
        max_parts = 1 if t.atomic else min(left - (remaining - 1), max(1, digits))
        for parts in range(1, max_parts + 1):
            for cuts in _cuts(t.text, 0, parts):
                walk(k + 1, acc + [(t, a, b) for a, b in cuts])

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
