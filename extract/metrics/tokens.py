"""A table's text as a stream of labels, figures and breaks.

Tables reach us as HTML grids, as text one cell a line, as markdown-ish `|` rows, or with the
cells run together (`一、本年新收政府信息公开申请数量230 000023`). Whatever the shape, the text
between two recognised row labels holds that row's figures; a figure string may still need
splitting into cells (splits.py). Row numbering glued to the next label (`00000002.其他…`) is
recognised as numbering, not as a figure.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from ..data import json_data as data
from .labels import squeeze

CJK = "\u4e00-\u9fff"
# a figure: optional sign, digits, optional decimals, optional 元 glued on
_NUM = re.compile(r"(?<![A-Za-z\d.,])-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d])")
_NUMBERING_AFTER = re.compile(rf"\s*+[.、．]\s*+(?=[{CJK}“\"(（])")  # *+: spaces taken whole
_BLANK = re.compile(r"(?:(?<=[\s|])|^)(?:/|／|—{1,2}|－|-|–)(?=[\s|]|$)")
# a markdown rule (|---|---|); its spaces are taken whole and entered only at their start (the
# lookbehind), so a run of spaces is one pass, not a try from each of its positions (quadratic).
# Run over the region's own text: the lookbehind must not see the character before the region.
_RULE = re.compile(r"\|?(?:(?<!\s)\s++)?:?-{3,}:?\s*+(?:\|\s*+:?-{3,}:?\s*+)*\|?")
# a page footer of a PDF text layer (— 3 —, 第 3 页 共 8 页, or a bare centred page number before
# the form feed that starts the next page): layout, not figures
_FOOTER = re.compile(r"(?m)^[ \t]*(?:[—-][ \t]*\d+[ \t]*[—-]|第[ \t]*\d+[ \t]*页(?:[ \t]*[，,/]?[ \t]*共[ \t]*\d+[ \t]*页)?)[ \t]*$"
                     r"|^[ \t]{8,}\d{1,3}[ \t]*(?=\n[ \t\n]*\f)")
# a parenthesised note inside a label (不同渠道和方式公开相同信息计1条): words, not a cell
_MONEY = ("亿元", "万元", "千元", "元")
_NOTE = re.compile(rf"[（(][^（）()\n|]{{0,80}}[{CJK}][^（）()\n|]{{0,80}}[）)]")


@dataclass
class Token:
    kind: str  # "num" | "blank" | "text"
    text: str
    start: int
    end: int
    unit_suffix: str = ""  # a money unit glued to a figure (元, 万元)
    atomic: bool = False  # set off by | or line breaks on both sides: one cell, never cut
    sign: str = ""  # a sign word printed before the figure (减少7, ↓7): part of its value


@dataclass
class Label:
    key: object  # what the caller attached to the label (row spec, "header", …)
    start: int
    end: int
    text: str


@dataclass
class Event:
    kind: str  # "label" | "num" | "blank" | "break"
    start: int
    end: int
    token: Optional[Token] = None
    label: Optional[Label] = None


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Figures, blanks and text runs of text[start:end] (separators dropped)."""
    region = text[start:end]
    masked = list(region)
    # page footers (— 5 —) and markdown rule lines are layout, not figures
    layout = [(m.start() - start, m.end() - start) for m in _FOOTER.finditer(text, start, end)]
    layout += [m.span() for m in _RULE.finditer(region)]
    for a, b in layout:
        for i in range(a, b):
            masked[i] = " "
    seg = "".join(masked)
    notes = [(m.start(), m.end()) for m in _NOTE.finditer(seg)]
    note_starts = [a for a, _ in notes]
    tokens: list[Token] = []
    pos = 0
    spans: list[tuple[int, int, str, str]] = []
    for m in _NUM.finditer(seg):
        s, e = m.start(), m.end()
        after = _NUMBERING_AFTER.match(seg, e)
        if after:  # trailing digit is the numbering of the next label (…00000002.其他)
            if e - s == 1 or (seg[s] == "-"):
                continue
            e -= 1
        suffix = next((u for u in _MONEY if seg.startswith(u, e)), "")
        if seg.startswith(("%", "％"), e):
            continue
        sign = sign_before(seg, s)
        spans.append((s, e, "num", suffix, sign))
    for m in _BLANK.finditer(seg):
        spans.append((m.start(), m.end(), "blank", "", ""))
    spans = [sp for sp in spans if not _in_note(notes, note_starts, sp[0])]
    spans.sort()
    for s, e, kind, suffix, sign in spans:
        if s < pos:
            continue
        _text_run(seg, pos, s - len(sign), start, tokens)
        tokens.append(Token(kind, seg[s:e], start + s, start + e, suffix, sign=sign.strip()))
        pos = e + len(suffix)
    _text_run(seg, pos, len(seg), start, tokens)
    for t in tokens:
        if t.kind == "num":
            a, b = t.start - start, t.end - start + len(t.unit_suffix)
            before = _blank_back(seg, a)  # the text before ends at seg[:before]
            if t.sign and seg.endswith(t.sign, 0, before):
                before = _blank_back(seg, before - len(t.sign))
            after = _blank_on(seg, b)  # the text after starts at seg[after:]
            t.atomic = ((not before or seg[before - 1] in "|｜\n")
                        and (after == len(seg) or seg[after] in "|｜\n")) or "," in t.text
    return tokens


def _blank_back(seg: str, i: int) -> int:
    """Where the spaces and tabs that end seg[:i] begin (i itself where there are none). A walk
    over just those characters: a copy of the text before each figure is quadratic time."""
    while i and seg[i - 1] in " \t":
        i -= 1
    return i


def _blank_on(seg: str, i: int) -> int:
    """Where the spaces and tabs that start seg[i:] end."""
    while i < len(seg) and seg[i] in " \t":
        i += 1
    return i


def _in_note(notes: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    """Whether ``pos`` is inside one of the notes (in text order, not overlapping)."""
    i = bisect.bisect_right(starts, pos)
    return i > 0 and pos < notes[i - 1][1]


@lru_cache(maxsize=1)
def sign_words() -> str:
    """The sign words printed before a figure (减少, ↓, −) as a regex alternation, longest first."""
    return "|".join(map(re.escape, sorted(data("metrics_numbers.json")["signs"], key=len, reverse=True)))


@lru_cache(maxsize=1)
def _sign_before() -> re.Pattern:
    return re.compile(f"(?:{sign_words()})[ \t]*$")


def sign_before(text: str, pos: int) -> str:
    """The sign word printed just before a figure (减少 7, ↓7), with the spaces between."""
    m = _sign_before().search(text, max(0, pos - 4), pos)
    return m.group(0) if m else ""


def _text_run(seg: str, a: int, b: int, offset: int, tokens: list[Token]) -> None:
    chunk = seg[a:b]
    if chunk.strip(" \t\r\n|｜"):
        lead = len(chunk) - len(chunk.lstrip(" \t\r\n|｜"))
        trail = len(chunk.rstrip(" \t\r\n|｜"))
        tokens.append(Token("text", chunk[lead:trail], offset + a + lead, offset + a + trail))


@dataclass
class LabelSpec:
    key: object
    labels: list[str]
    numbering: Optional[str] = None  # a generic label counts only with this numbering before it
    priority: int = 0
    extra: dict = field(default_factory=dict)


def _numbering_before(text: str, pos: int, numbering: str) -> bool:
    before = text[max(0, pos - 12):pos]
    pat = rf"(?:[（(]\s*{numbering}\s*[）)]|(?<![\d]){numbering}\s*[、.．])\s*[|｜]?\s*$"
    return re.search(pat, before) is not None


@lru_cache(maxsize=8192)
def _squeezed(label: str) -> str:
    return squeeze(label)


def find_labels(text: str, start: int, end: int, specs: list[LabelSpec]) -> list[Label]:
    """Occurrences of the specs' labels in text[start:end], matched without spaces/punctuation;
    overlapping matches keep the longest."""
    chars: list[str] = []
    where: list[int] = []
    for i in range(start, end):
        ch = text[i]
        if squeeze(ch):
            chars.append(ch)
            where.append(i)
    sq = "".join(chars)
    found: list[tuple[int, int, Label]] = []
    for spec in specs:
        for lab in spec.labels:
            needle = _squeezed(lab)
            if not needle:
                continue
            i = sq.find(needle)
            while i >= 0:
                s, e = where[i], where[i + len(needle) - 1] + 1
                if spec.numbering is None or _numbering_before(text, s, spec.numbering):
                    found.append((i, i + len(needle), Label(spec.key, s, e, text[s:e])))
                i = sq.find(needle, i + 1)
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    # kept matches do not overlap and come in text order, so a new match can only be the same as,
    # or overlap, the last one kept (a look through all of them is quadratic in a long table)
    kept: list[tuple[int, int, Label]] = []
    for f in found:
        last = kept[-1] if kept else None
        if last and (last[0], last[1]) == (f[0], f[1]) and isinstance(f[2].key, int) \
                and isinstance(last[2].key, (int, tuple)):
            prev = last[2]
            keys = prev.key if isinstance(prev.key, tuple) else (prev.key,)
            if f[2].key not in keys:
                prev.key = keys + (f[2].key,)
            continue
        if last and f[0] < last[1]:
            # overlapping: keep the longer one already kept (sorted by start, longest first)
            continue
        kept.append(f)
    return [k[2] for k in kept]


def events(text: str, start: int, end: int, labels: list[Label], ignorable) -> list[Event]:
    """Labels and figures in document order; text that is neither a label nor ignorable breaks."""
    tokens = tokenize(text, start, end)
    out: list[Event] = [Event("label", l.start, l.end, label=l) for l in labels]
    # the labels do not overlap and come in text order (find_labels): the ones a token meets are
    # found by bisection, not by a look through all of them for every token (quadratic)
    label_starts = [l.start for l in labels]
    label_ends = [l.end for l in labels]
    for t in tokens:
        if t.kind in ("num", "blank"):
            holder = bisect.bisect_right(label_starts, t.start) - 1  # the only label that may hold it
            if holder >= 0 and t.end <= labels[holder].end:
                continue
            out.append(Event(t.kind, t.start, t.end, token=t))
            continue
        # text outside every label: ignorable notes and headers, or a break
        rest = t.text
        replaced: set[str] = set()
        for l in labels[bisect.bisect_right(label_ends, t.start):bisect.bisect_left(label_starts, t.end)]:
            piece = text[max(l.start, t.start):min(l.end, t.end)]
            # a label printed again is gone already: a replace puts back only spaces, so it can
            # make the label's text anew only where that text holds a space
            if piece in replaced and " " not in piece:
                continue
            rest = rest.replace(piece, " ")
            replaced.add(piece)
        if squeeze(rest) and not ignorable(rest):
            out.append(Event("break", t.start, t.end))
    out.sort(key=lambda e: (e.start, 0 if e.kind == "label" else 1))
    return out
