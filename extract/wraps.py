"""A view of the text with a PDF text layer's hard line wraps joined, and a map back.

A PDF's text layer breaks sentences every few dozen characters (…发布政策解读93篇，回应公众⏎
关注热点41件). Readers of running text see one sentence again through this view; the document's
own text and offsets are not changed. A line break is a wrap when the line before is long, does
not end a sentence and is no table row, and the line after continues it (no heading, no indent).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

MIN_WRAPPED_LINE = 16  # a shorter line is a heading, a cell or a signature, not a wrapped one
_ENDS_SENTENCE = tuple("。；;！!？?：:")
_TABLE_ROW = re.compile(r"[|｜]| {3,}|\t|　{2,}")
_STARTS_BLOCK = re.compile(r"^(?:[ \t　]{2,}|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.、．]"
                           r"|第[一二三四五六七八九十\d]+[章节条])")
_CONTINUES = re.compile(r"^[\u4e00-\u9fff，。、；：》」”）)（(《“\d]")


@dataclass(frozen=True)
class Unwrapped:
    text: str
    where: list[int]  # where[i]: offset in the original text of text[i]; one extra for the end

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The original span of text[start:end]."""
        return self.where[start], (self.where[end - 1] + 1 if end > start else self.where[start])


def is_wrap(before: str, after: str) -> bool:
    """Whether the break between two lines is a hard wrap inside one sentence."""
    b = before.rstrip()
    return (len(b.strip()) >= MIN_WRAPPED_LINE and not b.endswith(_ENDS_SENTENCE)
            and not _TABLE_ROW.search(b.strip()) and not _TABLE_ROW.search(after.strip())
            and bool(_CONTINUES.match(after)) and not _STARTS_BLOCK.match(after))


def unwrap(text: str) -> Unwrapped:
    """The text with every hard-wrap line break (and the spaces around it) removed."""
    lines = text.split("\n")
    out: list[str] = []
    where: list[int] = []
    pos = 0
    for i, line in enumerate(lines):
        wrap = i + 1 < len(lines) and is_wrap(line, lines[i + 1])
        keep = line.rstrip() if wrap else line
        out.append(keep)
        where.extend(range(pos, pos + len(keep)))
        pos += len(line)
        if i + 1 < len(lines):
            if not wrap:
                out.append("\n")
                where.append(pos)
            pos += 1
    where.append(len(text))
    return Unwrapped("".join(out), where)
