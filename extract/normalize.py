"""Canonical simplified Chinese with mainland wording, and a map back to the original offsets.

Three passes, each recording where every output character came from:

1. NFKC per character: full-width digits and letters become ASCII, ﹝﹞ become 〔〕, the ideographic
   space becomes a space; CJK punctuation such as 《》（）：stays as it is.
2. OpenCC ``t2s`` (characters and phrases). It is applied line by line so that a phrase rule that
   changes a line's length costs only that line a coarser offset map.
3. Only where the source was in traditional characters: a targeted reverse table for the Taiwan
   phrasing a ``s2twp`` conversion leaves (规范性档案 → 规范性文件). Never OpenCC ``tw2sp`` on
   the whole text: it also rewrites good mainland words (建立 → 创建).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import opencc

from .data import rows
from . import divisions

# Share of CJK characters t2s changes above which a text is taken to be in traditional
# characters (simplified text scores ~0; traditional text scores ~0.2).
TRADITIONAL_THRESHOLD = 0.03

# NFKC would turn these into ASCII look-alikes whose meaning differs in Chinese text.
KEEP_WIDE = set("，。：；！？（）【】《》〈〉「」『』、")


@dataclass(frozen=True)
class Normalized:
    text: str
    offsets: list[int]  # offsets[i] = original index of text[i]; one extra entry for the end
    traditional: bool


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def taiwan_phrases() -> dict[str, str]:
    """The reverse table for s2twp artifacts (extract/data/taiwan_phrases.tsv)."""
    table: dict[str, str] = {}
    for artifact, mainland, *_ in rows("taiwan_phrases.tsv"):
        table[artifact] = mainland
    return table


def _nfkc(text: str) -> tuple[str, list[int]]:
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if ch in KEEP_WIDE or ch < "\u00a0":
            rep = ch
        else:
            rep = unicodedata.normalize("NFKC", ch)
        out.append(rep)
        offsets.extend([i] * len(rep))
    offsets.append(len(text))
    return "".join(out), offsets


@lru_cache(maxsize=1)
def _kept_names() -> Optional[re.Pattern]:
    """Division names t2s would change (乾县 → 干县): a place's own name is not a traditional
    form, so these stay as written."""
    conv = _t2s()
    names = {d.name for ds in divisions.names_index().values() for d in ds
             if len(d.name) >= 2 and conv.convert(d.name) != d.name}
    return re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True)))) if names else None


class _Converter:
    """t2s that leaves the kept names alone."""

    def __init__(self) -> None:
        self.conv, self.kept = _t2s(), _kept_names()

    def convert(self, s: str) -> str:
        if self.kept is None or not self.kept.search(s):
            return self.conv.convert(s)
        out, pos = [], 0
        for m in self.kept.finditer(s):
            out += [self.conv.convert(s[pos:m.start()]) if m.start() > pos else "", m.group(0)]
            pos = m.end()
        out.append(self.conv.convert(s[pos:]) if pos < len(s) else "")
        return "".join(out)


def _t2s_lines(text: str) -> tuple[str, list[int]]:
    conv = _Converter()
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    for line in text.split("\n"):
        new = conv.convert(line) if line else line
        if len(new) == len(line):
            offsets.extend(range(pos, pos + len(line)))
        else:  # a phrase rule changed the length: fall back to character by character
            chars = [conv.convert(c) for c in line]
            new = "".join(chars)
            for j, c in enumerate(chars):
                offsets.extend([pos + j] * len(c))
        out.append(new)
        pos += len(line)
        offsets.append(pos)  # the newline
        pos += 1
    result = "\n".join(out)
    offsets = offsets[: len(result)]
    offsets.append(len(text))
    return result, offsets


def replace_with_offsets(text: str, table: dict[str, str]) -> tuple[str, list[int]]:
    """Apply a phrase table (longest match first); map each output char to its source char."""
    if not table:
        return text, list(range(len(text) + 1))
    pattern = re.compile("|".join(re.escape(k) for k in sorted(table, key=len, reverse=True)))
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in pattern.finditer(text):
        out.append(text[pos:m.start()])
        offsets.extend(range(pos, m.start()))
        rep = table[m.group()]
        out.append(rep)
        span = m.end() - m.start()
        offsets.extend(m.start() + min(j, span - 1) for j in range(len(rep)))
        pos = m.end()
    out.append(text[pos:])
    offsets.extend(range(pos, len(text)))
    offsets.append(len(text))
    return "".join(out), offsets


def _compose(outer: list[int], inner: list[int]) -> list[int]:
    """offsets of a second pass (into the first pass's output) → offsets into the original."""
    return [outer[i] for i in inner]


def is_traditional(text: str) -> bool:
    cjk = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    if not cjk:
        return False
    sample = "".join(cjk[:20000])
    converted = _t2s().convert(sample)
    changed = sum(1 for a, b in zip(sample, converted) if a != b)
    return changed / len(sample) > TRADITIONAL_THRESHOLD


def normalize(text: str) -> Normalized:
    """The canonical text of a document and its offset map back to ``text``."""
    step1, off1 = _nfkc(text)
    traditional = is_traditional(step1)
    if traditional:
        step2, off2 = _t2s_lines(step1)
        offsets = _compose(off1, off2)
        step3, off3 = replace_with_offsets(step2, taiwan_phrases())
        offsets = _compose(offsets, off3)
        return Normalized(step3, offsets, True)
    # Simplified text may still carry stray traditional characters (a quoted title, OCR).
    step2, off2 = _t2s_lines(step1)
    return Normalized(step2, _compose(off1, off2), False)
