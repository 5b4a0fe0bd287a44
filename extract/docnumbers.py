"""文号 (document numbers): find them in normalised text and parse them into ``DocNumber``.

Two shapes occur in the reports:

* issuer code + bracketed year + serial + 号: 国办公开办函〔2019〕60号, 京政发[2018]12号,
  沪府办（2020）20号, 闽财非税函〔2021〕1号 — brackets arrive as 〔〕 [] ［］ () （） 【】 after
  normalisation (﹝﹞ fold to 〔〕, 號 to 号; CJK punctuation such as （） is kept), and PDF text puts spaces or line breaks inside
  ("〔2021〕30 号");
* decree numbers: 国务院令第711号, 上海市人民政府令第32号, also written 国务院第711号令.

The issuer code is the run of CJK characters right before the bracket, cut after the last
word that introduces a 文号 in prose (根据, 印发, 的 … from data/citation_language.json), so
"根据国办发〔2019〕14号" gives 国办发. Canonical text uses 〔〕 and 号.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Optional

from .data import json_data
from .model import DocNumber



@lru_cache(maxsize=None)
def language() -> dict:
    """data/citation_language.json: the words reports use around citations and 文号."""
    return json_data("citation_language.json")

_CJK = "\u4e00-\u9fff"
_SP = r"[ \t\u3000\n\r]*"
# bracketed-year form; the code itself is found by looking back from the bracket
# digits may be cut by a line break in PDF text (国务院令第7\n22号)
_DIGITS = r"\d(?:[ \t\n\r]?\d){0,4}"
_YEAR = r"(?:1[ \t\n\r]?9|2[ \t\n\r]?0)[ \t\n\r]?\d[ \t\n\r]?\d"
_BRACKETED = re.compile(
    rf"[〔\[(（［【]{_SP}({_YEAR}){_SP}[〕\])）］】]{_SP}第?{_SP}({_DIGITS}){_SP}号"
)
_DECREE = re.compile(rf"令{_SP}第{_SP}({_DIGITS}){_SP}号")
# an announcement's number: 国家税务总局公告2014年第40号, 财政部 税务总局公告2022年第14号 (joint
# issuers are written with a space between them)
_ANNOUNCEMENT = re.compile(rf"公告{_SP}({_YEAR}){_SP}年{_SP}第{_SP}({_DIGITS}){_SP}号")
_JOINT_CODE_BEFORE = re.compile(rf"[{_CJK}]{{1,12}}(?:[ \u3000][{_CJK}]{{1,12}}){{0,3}}$")
_DECREE_AFTER = re.compile(rf"第{_SP}({_DIGITS}){_SP}号{_SP}令")  # 国务院第711号令
def lead_word_cut(run: str, words) -> int:
    """Where a run of prose ends and a name begins: after the rightmost of ``words`` (根据, 按照,
    和 …) that is not the run's end; a cut inside a name that holds such a word (中华人民共和国
    holds 和) moves before the name."""
    cut = 0
    for word in words:
        i = run.rfind(word)
        if i >= 0 and i + len(word) > cut and i + len(word) < len(run):
            cut = i + len(word)
    for name in language()["docnumber_whole_names"]:
        i = run.find(name)
        if 0 <= i < cut < i + len(name):
            cut = i
    return cut


def _squeeze(digits: str) -> str:
    return re.sub(r"\s", "", digits)


# the run of CJK before a 文号's bracket is read from this many characters: enough for a lead
# word (根据, 印发了) and the longest issuer code
CODE_LOOKBACK = 20
_CODE_BEFORE = re.compile(rf"[{_CJK}]{{1,{CODE_LOOKBACK}}}$")
# an issuer code longer than this has swallowed prose (no lead word cut it): keep its end
MAX_CODE = 14
# joint issuers before an announcement number (财政部 税务总局公告…) are read from this many characters
ANNOUNCEMENT_LOOKBACK = 40


@dataclass(frozen=True)
class DocNumberMatch:
    number: DocNumber
    start: int  # offsets in the text searched
    end: int


@lru_cache(maxsize=1)
def _lead_words() -> tuple[str, ...]:
    words = language()["docnumber_lead_words"]
    return tuple(sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class IssuerCode:
    code: str  # 国办发, 国务院, 财政部 税务总局
    start: int


def _issuer_code(text: str, end: int) -> Optional[IssuerCode]:
    """The issuer code ending at ``end`` (exclusive), or None."""
    lookback = text[max(0, end - CODE_LOOKBACK):end]
    m = _CODE_BEFORE.search(lookback)
    if not m:
        return None
    run = m.group(0)
    run_start = end - len(run)
    cut = lead_word_cut(run, _lead_words())
    code = run[cut:]
    if len(code) > MAX_CODE:
        code = code[-MAX_CODE:]
    return IssuerCode(code, run_start + len(run) - len(code))


def _skip_spaces_back(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1] in " \t\u3000":
        pos -= 1
    return pos


@lru_cache(maxsize=1)
def _decree_issuers() -> tuple[str, ...]:
    """Bodies that issue decrees (令): 国务院第711号令 is a decree, 第3号 of anything else is not."""
    return tuple(language()["decree_issuers"])


def make(issuer_code: str, year: Optional[int], serial: str) -> DocNumber:
    serial = str(int(serial)) if serial.isdigit() else serial
    if year is None:
        text = f"{issuer_code}第{serial}号"
    else:
        text = f"{issuer_code}〔{year}〕{serial}号"
    return DocNumber(text=text, issuer_code=issuer_code, year=year, serial=serial)


def _bracketed(text: str, start: int, end: int) -> Iterator[DocNumberMatch]:
    """国办发〔2019〕14号, 沪府办（2020）20号."""
    for m in _BRACKETED.finditer(text, start, end):
        code = _issuer_code(text, _skip_spaces_back(text, m.start()))  # PDF text: 国办发 〔2019〕14号
        if code is not None:
            number = make(code.code, int(_squeeze(m.group(1))), _squeeze(m.group(2)))
            yield DocNumberMatch(number, code.start, m.end())


def _decrees(text: str, start: int, end: int) -> Iterator[DocNumberMatch]:
    """国务院令第711号."""
    for m in _DECREE.finditer(text, start, end):
        code = _issuer_code(text, m.start())
        if code is not None:
            yield DocNumberMatch(make(code.code + "令", None, _squeeze(m.group(1))), code.start, m.end())


def _decrees_number_first(text: str, start: int, end: int) -> Iterator[DocNumberMatch]:
    """国务院第711号令, only where a body that issues decrees writes it."""
    for m in _DECREE_AFTER.finditer(text, start, end):
        code = _issuer_code(text, m.start())
        if code is not None and code.code.endswith(_decree_issuers()):
            yield DocNumberMatch(make(code.code + "令", None, _squeeze(m.group(1))), code.start, m.end())


def _announcements(text: str, start: int, end: int) -> Iterator[DocNumberMatch]:
    """国家税务总局公告2014年第40号, 财政部 税务总局公告2022年第14号."""
    for m in _ANNOUNCEMENT.finditer(text, start, end):
        code = _announcement_issuer(text, m.start())
        if code is None:
            continue
        year, serial = int(_squeeze(m.group(1))), str(int(_squeeze(m.group(2))))
        number = DocNumber(text=f"{code.code}公告{year}年第{serial}号", issuer_code=code.code + "公告",
                           year=year, serial=serial)
        yield DocNumberMatch(number, code.start, m.end())


# every shape is read; where two start at one place, the earlier reader's comes first
_READERS = (_bracketed, _decrees, _decrees_number_first, _announcements)


def find_docnumbers(text: str, start: int = 0, end: Optional[int] = None) -> Iterator[DocNumberMatch]:
    """Every 文号 in ``text[start:end]``, in text order."""
    end = len(text) if end is None else end
    found = [d for read in _READERS for d in read(text, start, end)]
    found.sort(key=lambda d: d.start)
    return iter(found)


def _announcement_issuer(text: str, end: int) -> Optional[IssuerCode]:
    """The issuer(s) before 公告 (财政部 税务总局), cut after the words that introduce a 文号."""
    m = _JOINT_CODE_BEFORE.search(text[max(0, end - ANNOUNCEMENT_LOOKBACK):end])
    if not m:
        return None
    run = m.group(0)
    cut = lead_word_cut(run, _lead_words())
    code = run[cut:].strip()
    return IssuerCode(code, end - len(run) + cut + (len(run[cut:]) - len(run[cut:].lstrip()))) if code else None


def parse(value: str) -> Optional[DocNumber]:
    """A 文号 written on its own (an authority-list value, a header field) parsed, or None."""
    value = value.strip()
    for d in find_docnumbers(value):
        if d.start == 0 and d.end == len(value):
            return d.number
    return None

