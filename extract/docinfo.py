"""What a document is, who issued it and when, for which division and year.

``document_info`` reads the page once (its crawler header, title, type and printed dates), then
each fact through an ordered tuple of readers, the first that reads something giving it:

- the title is the crawler header's 标题, else the first title-like line of the text (a title
  broken over two lines is joined); its ending gives the type (…通知 → PolicyDocument,
  …年度报告 → AnnualReport), else the phrases the text uses do;
- date (_DATE_READERS): the date line it was signed on, else the date the page says it was
  published;
- year (_YEAR_READERS, by type): a report's is the one in its title, else of its 统计期限
  sentence, a whole year the text spans, a （2019年度） heading, the year a paragraph opens with,
  the year before it was issued; a policy document's is the year it was issued; either, else
  any year its title names;
- 文号 (_NUMBER_READERS): the header's, else a notice's under its title, else above it;
- issuer (_ISSUER_READERS): the one the title names (before the year of a report, before 关于 of
  a notice), as named, else against its home government; a line of its own by the title; the
  header's publisher (发布机构, 来源); the signature above the signing date; the division the text
  keeps naming (a report pasted without its title), of the level its relative words use (本区,
  我县). Issuers are canonicalised by agencies.canonical_agency (abbreviations, zones, OCR'd names).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from typing import Callable, Iterator, Optional, Sequence, TypeVar, get_args, get_type_hints

from . import agencies, divisions, docnumbers
from .data import rows
from .model import Document, DocumentInfo, Finding
from .normalize import normalize
from .numbers import chinese_number
from .titles import TRAILING_NOTE


_WORD_ROWS = rows("docinfo_words.tsv")


def _words(role: str) -> tuple[str, ...]:
    """One role's words in docinfo_words.tsv, in the order written."""
    return tuple(r[1] for r in _WORD_ROWS if r[0] == role)


def _any(words) -> str:
    """A regex group for any of ``words``, tried in the order given."""
    return "(?:" + "|".join(map(re.escape, words)) + ")"


(_HEADER_TITLE,) = _words("header-title")
(_HEADER_NUMBER,) = _words("header-number")
(_ABOUT,) = _words("about")
_HEADER_DATES = _words("header-date")
_HEADER_PUBLISHERS = _words("header-publisher")
_NOT_TITLE_STARTS = _words("not-title-start")
_ISSUER_TAILS = tuple((r[1], r[2]) for r in _WORD_ROWS if r[0] == "issuer-tail")

# How far the readers look, in characters or lines.
# A title is a line of 6 to 80 characters: shorter is a label (年度报告), longer a sentence.
_MIN_TITLE, _MAX_TITLE = 6, 80
# The title is among the first lines, under the page's navigation and header lines.
_TITLE_SEARCH_LINES = 60
# The second line of a title broken in two is its tail (工作年度报告), never a whole line of prose.
_MAX_TITLE_TAIL = 20
# The issuer printed on a line of its own: one of the 3 non-blank lines above the title or of the
# 2 below it (looking no further than 6 lines down), a name of 3 to 30 characters.
_NEAR_TITLE_ABOVE, _NEAR_TITLE_BELOW, _BELOW_TITLE_LINES = 3, 2, 6
_MIN_ISSUER_LINE, _MAX_ISSUER_LINE = 3, 30
# A document's own 文号 is on the title's line or the next 2 non-blank lines; further down, a
# 文号 is a citation.
_NUMBER_LINES_UNDER_TITLE = 2
# The information table a page prints above a notice's title (索引号, 文号, 发布机构 …) has at
# most 12 lines.
_INFO_TABLE_LINES = 12
# A page prints its publication date (发布时间: 2017-03-04) in the lines above the article, within
# its first 1500 characters; the limit keeps a 日期: or 时间: inside the article from being taken.
_PAGE_HEADER_CHARS = 1500
# A phrase that only one kind of document uses counts at most 3 times: one phrase repeated
# does not outweigh several different ones.
_MAX_PHRASE_COUNT = 3
# A division the text names is its own only when named at least twice, and more often than any other.
_MIN_NAMINGS = 2


_CN_DATE = re.compile(r"([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
# possessive (\s*+): a line of spaces alone must not be retried at every split (quadratic)
_DATE_LINE = re.compile(r"^\s*+[（(]?\s*+(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[)）]?\s*$")
# a header line the page printed above the article (发布时间: 2017-03-04, 日期:2019-03-19)
_PAGE_DATE = re.compile(_any(_words("page-date-label")) + r"\s*[:：]\s*(\d{4}-\d{1,2}-\d{1,2})")
# the end of a report's title: its subject (政府信息公开工作年度报告)
_REPORT_SUBJECT = (_any(_words("report-subject")) + "(?:工作)?(?:年度)?(?:工作)?"
                   + _any(_words("report-ending")) + "$")
_REPORT_TITLE = re.compile(r"^(?P<pre>.*?)(?P<year>(?:19|20)\d{2})\s*年度?(?P<post>.*?)" + _REPORT_SUBJECT)
# a report title without its year (杨浦区政府信息公开工作年度报告): the issuer is all before the subject
_REPORT_TITLE_NO_YEAR = re.compile(r"^(?P<pre>.+?)" + _REPORT_SUBJECT)
_STAT_PERIOD = re.compile(_any(_words("statistics-period")) + r"[^。；;]{0,12}?((?:19|20)\d{2})\s*年")
# a whole calendar year as a span (2019年1月1日至12月31日): the period the report covers
_YEAR_SPAN = re.compile(r"((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日\s*(?:起)?\s*(?:至|到|—|-|－|~)\s*(?:(?:19|20)\d{2}\s*年\s*)?12\s*月\s*31\s*日")
_YEAR_HEADING = re.compile(r"^[ \t]*[（(]\s*((?:19|20)\d{2})\s*年度\s*[)）]", re.M)
_PARAGRAPH_YEAR = re.compile(r"^[ \t#]*((?:19|20)\d{2})\s*年[，,是]", re.M)
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_TITLE_LABEL = re.compile(r"^\s*" + re.escape(_HEADER_TITLE) + r"\s*[:：]\s*")
_TITLE_JUNK = re.compile(r"^[#\s]+|\s+")
_SENTENCE_PUNCT = re.compile(r"[，。；：:,;]")


@dataclass(frozen=True)
class _KindWord:
    """A row of agency_document_kinds.tsv: a word that says what kind of document this is."""

    kind: str  # a document type, or @work
    where: str  # "title-end" | "title" | "body"
    word: str


@dataclass(frozen=True)
class _Title:
    """A title (or a line read as one) and where it is in the text (-1 where it is not: a title
    only the crawler header gives)."""

    text: str
    start: int
    end: int


_NO_TITLE = _Title("", -1, -1)


@dataclass(frozen=True)
class _PrintedDate:
    """A date the document prints (on a line of its own, or in Chinese numerals), as ISO."""

    iso: str
    start: int
    end: int


@dataclass(frozen=True)
class _Line:
    """A line's words (stripped or cleaned) and where they start in the text."""

    text: str
    start: int


@dataclass(frozen=True)
class _Issuer:
    """An issuer read: its canonical name and division's code, where it is written (-1 where it
    is not quoted from the text), and what the reading flagged."""

    name: str
    adcode: str
    start: int
    end: int
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class _NamedDivision:
    """A division the text names, and where it first names it."""

    division: divisions.Division
    start: int
    end: int


# The types DocumentInfo.type admits: a kind in agency_document_kinds.tsv must be one of them.
_DOCUMENT_TYPES = get_args(get_type_hints(DocumentInfo)["type"])


@lru_cache(maxsize=1)
def _kind_rows() -> tuple[_KindWord, ...]:
    kinds = tuple(_KindWord(*r[:3]) for r in rows("agency_document_kinds.tsv"))
    unknown = {r.kind for r in kinds if not r.kind.startswith("@")} - set(_DOCUMENT_TYPES)
    if unknown:
        raise ValueError(f"agency_document_kinds.tsv: {sorted(unknown)} are not DocumentInfo types")
    return kinds


def _kinds() -> list[_KindWord]:
    """The rows that say what type a document is."""
    return [r for r in _kind_rows() if not r.kind.startswith("@")]


def reports_on_work(title: str) -> bool:
    """Whether a document that is not an annual report says it reports on the year's work
    (关于报送2019年政务公开工作情况的函): its prose then carries the year's figures."""
    return any(r.where == "title" and r.word in title for r in _kind_rows() if r.kind == "@work")


def _iso(y: int, m: int, d: int) -> Optional[str]:
    """The ISO date, or None where the month or day is out of range."""
    if 1 <= m <= 12 and 1 <= d <= 31:
        return f"{y:04d}-{m:02d}-{d:02d}"
    return None


_TITLE_WRAP = re.compile(r"^[【\[「](.+)[】\]」]$")


_BREADCRUMB = re.compile(r"[>›»]+")


def _header(doc: Document) -> dict[str, str]:
    """The crawler header with its field names normalised (a traditional page writes 標題,
    發佈機構 or, converted with Taiwan phrasing, 釋出機構)."""
    out: dict[str, str] = {}
    for k, v in doc.header.items():
        out.setdefault(normalize(k).text.strip(), v)
    return out


def _clean_title(s: str) -> str:
    """Without spaces, a Markdown #, the trail of a breadcrumb (首页 > 年度报告 > title), or
    brackets a page wraps the whole title in (【…】)."""
    s = _BREADCRUMB.split(_TITLE_JUNK.sub("", s))[-1]
    m = _TITLE_WRAP.match(s)
    return m.group(1) if m else s


_PAGE_TITLE_PARTS = re.compile(r"\s*(?:_|——|\s-\s|\s[|｜]\s)\s*")


def _page_title(s: str) -> str:
    """A page's <title> without the column and site names CMSs join to it
    (…年度报告_政府信息公开年报_杭州市西湖区人民政府): the first part that reads as a title."""
    s = _clean_title(s)
    parts = [p for p in _PAGE_TITLE_PARTS.split(s) if p]
    return next((p for p in parts if _looks_like_title(p)), s)


_CN_YEAR = re.compile(r"([〇○零一二三四五六七八九]{4})(?=年)")


def _digit_years(text: str) -> str:
    """``text`` with its Chinese-numeral years in digits (二〇一九年 → 2019年); four such digits
    always read as a number."""
    return _CN_YEAR.sub(lambda m: str(int(chinese_number(m.group(1)))), text)


def _title_for_reading(title: str) -> str:
    """The title with a Chinese-numeral year in digits and a trailing note such as （全文） cut."""
    return TRAILING_NOTE.sub("", _digit_years(title))


def _looks_like_title(line: str) -> bool:
    """A line of a title's length, not a sentence, whose words say what kind of document it is."""
    t = _clean_title(line)
    if not (_MIN_TITLE <= len(t) <= _MAX_TITLE) or _SENTENCE_PUNCT.search(t) or t.startswith(_NOT_TITLE_STARTS):
        return False
    return _kind_from_title(t) is not None


_CLOSING_MARKS = re.compile(r"[》”\"）)]+$")


def _kind_from_title(title: str) -> Optional[str]:
    """The kind a title's ending (…的通知) or words (…年度报告) say, past closing quotes and brackets."""
    t = _CLOSING_MARKS.sub("", _title_for_reading(title))
    for r in _kinds():
        if r.where == "title-end" and t.endswith(r.word):
            return r.kind
    for r in _kinds():
        if r.where == "title" and r.word in t:
            return r.kind
    return None


def _numbered_lines(text: str, limit: Optional[int] = None) -> list[_Line]:
    """The lines of ``text`` (only the first ``limit`` where given), blank ones too, each with
    where it starts."""
    parts = text.split("\n") if limit is None else text.split("\n", limit)[:limit]
    out, pos = [], 0
    for part in parts:
        out.append(_Line(part, pos))
        pos += len(part) + 1
    return out


def _without_label(line: _Line) -> _Line:
    """The line without a crawler's 标题: label."""
    label = _TITLE_LABEL.match(line.text)
    return _Line(line.text[label.end():], line.start + label.end()) if label else line


def _with_tail(line: _Line, following: Optional[_Line]) -> _Title:
    """The line, joined with the next where that completes a title broken over two lines (an
    OCR'd page: …政府信息公开工作 / 年度报告)."""
    alone = _Title(line.text, line.start, line.start + len(line.text))
    if following is None or _kind_from_title(_clean_title(line.text)) is not None:
        return alone
    tail_length = len(_clean_title(following.text))
    if 0 < tail_length <= _MAX_TITLE_TAIL and _looks_like_title(line.text + following.text):
        return _Title(line.text + following.text, line.start, following.start + len(following.text))
    return alone


def _title_lines(text: str) -> Iterator[_Title]:
    """The lines among the first _TITLE_SEARCH_LINES that read as a title, cleaned, in order."""
    lines = _numbered_lines(text, _TITLE_SEARCH_LINES + 1)
    for i, line in enumerate(lines[:_TITLE_SEARCH_LINES]):
        if not line.text.strip():
            continue
        raw = _with_tail(_without_label(line), lines[i + 1] if i + 1 < len(lines) else None)
        if _looks_like_title(raw.text):
            lead = len(raw.text) - len(raw.text.lstrip("# \t"))
            yield _Title(_clean_title(raw.text), raw.start + lead, raw.end)


def _is_yearless_report(title: _Title) -> bool:
    """A report title without a year: the title of a report that prints none, or only the name
    of the column a page sits in (政府信息公开年报)."""
    return _kind_from_title(title.text) == "AnnualReport" and not _YEAR.search(_title_for_reading(title.text))


def _find_title(doc: Document, header_fields: dict[str, str]) -> _Title:
    """The document's title: the first line that reads as one (the one equal to the header's
    title where the page has one) and names a year if it is a report's; else the header's title;
    else the first yearless report title."""
    page_title = _page_title(header_fields.get(_HEADER_TITLE, ""))
    yearless: Optional[_Title] = None
    for found in _title_lines(doc.text):
        if page_title and found.text != page_title:
            continue
        if _is_yearless_report(found):
            yearless = yearless or found
            continue
        return found
    if page_title:
        m = _loose(page_title).search(doc.text)
        return _Title(page_title, m.start(), m.end()) if m else _Title(page_title, -1, -1)
    return yearless or _NO_TITLE


def _loose(s: str) -> re.Pattern:
    """A pattern for ``s`` that tolerates the spaces and line breaks pages put inside titles."""
    return re.compile(r"\s*".join(map(re.escape, s)))


def _doc_type(title: str, text: str) -> str:
    """The kind the title says, else the kind whose phrases the text uses more (a report where tied)."""
    kind = _kind_from_title(title) if title else None
    if kind:
        return kind
    counts: Counter[str] = Counter()
    for r in _kinds():
        if r.where == "body":
            counts[r.kind] += min(text.count(r.word), _MAX_PHRASE_COUNT)
    return "PolicyDocument" if counts["PolicyDocument"] > counts["AnnualReport"] else "AnnualReport"


def _issuers_in_title(title: str, kind: str) -> list[str]:
    """Readings of the issuer a title names, best first. The subject may start at 政府信息公开 or
    at 信息公开 (2017年度正定县人民政府信息公开…: the issuer keeps its 政府); an issuer that
    introduces its report with 关于 drops it."""
    if kind != "AnnualReport":
        i = title.find(_ABOUT)
        return [title[:i]] if i > 0 else []
    t = _title_for_reading(title)
    m = _REPORT_TITLE.match(t)
    if m:
        group = "pre" if m.group("pre") else "post"
        issuer, rest = m.group(group), t[m.end(group):]
    else:
        m = _REPORT_TITLE_NO_YEAR.match(t)
        if not m:
            return []
        issuer, rest = m.group("pre"), t[m.end("pre"):]
    issuer = issuer.removesuffix(_ABOUT)
    out = [issuer] if issuer else []
    out += [issuer + tail for tail, subject in _ISSUER_TAILS if rest.startswith(tail + subject)]
    return out


def _lines_above(text: str, start: int) -> list[_Line]:
    """The non-blank lines wholly above ``start``: the nearest _NEAR_TITLE_ABOVE, nearest first."""
    above = [line for line in _numbered_lines(text[:start])[:-1] if line.text.strip()]
    return above[-_NEAR_TITLE_ABOVE:][::-1]


def _lines_below(text: str, end: int) -> list[_Line]:
    """The first _NEAR_TITLE_BELOW non-blank lines among the _BELOW_TITLE_LINES under the line
    ``end`` is on."""
    line_end = text.find("\n", end)
    if line_end < 0:
        return []
    below = _numbered_lines(text[line_end + 1:], _BELOW_TITLE_LINES)
    below = [_Line(line.text, line_end + 1 + line.start) for line in below if line.text.strip()]
    return below[:_NEAR_TITLE_BELOW]


def _name_line(line: _Line) -> Optional[_Line]:
    """The line cleaned, where it is short and reads as a name (no sentence punctuation, no year)."""
    clean = _clean_title(line.text)
    if not _MIN_ISSUER_LINE <= len(clean) <= _MAX_ISSUER_LINE:
        return None
    if _SENTENCE_PUNCT.search(clean) or _YEAR.search(clean):
        return None
    return _Line(clean, line.start + len(line.text) - len(line.text.lstrip()))


def _lines_near_title(text: str, title: _Title) -> list[_Line]:
    """Short lines just above and below the title (the issuer printed on a line of its own),
    nearest first, those above before those below."""
    if title.start < 0:
        return []
    near = _lines_above(text, title.start) + _lines_below(text, title.end)
    return [line for line in map(_name_line, near) if line is not None]


def _dates_on_their_own_line(text: str) -> Iterator[_PrintedDate]:
    """Dates in digits standing on a line of their own (2021年6月8日, (2026年1月23日))."""
    for line in _numbered_lines(text):
        m = _DATE_LINE.match(line.text)
        iso = _iso(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
        if iso:
            yield _PrintedDate(iso, line.start, line.start + len(line.text))


def _dates_in_chinese_numerals(text: str) -> Iterator[_PrintedDate]:
    """Dates in Chinese numerals anywhere (二○一二年二月二十日)."""
    for m in _CN_DATE.finditer(text):
        parts = [chinese_number(m.group(i)) for i in (1, 2, 3)]
        iso = _iso(*map(int, parts)) if None not in parts else None
        if iso:
            yield _PrintedDate(iso, m.start(), m.end())


def _date_lines(text: str) -> list[_PrintedDate]:
    """The dates the document prints to date itself, in text order."""
    dates = [*_dates_on_their_own_line(text), *_dates_in_chinese_numerals(text)]
    return sorted(dates, key=lambda d: d.start)


def _published_in_header(page: _Page) -> Optional[str]:
    """The first header field of the publication date that holds one (发布时间: 2017-03-04 10:00)."""
    for key in _HEADER_DATES:
        m = _ISO_DATE.search(page.header.get(key, ""))
        if m:
            return m.group(0)
    return None


def _published_above_article(page: _Page) -> Optional[str]:
    """A labelled date in the lines a page prints above the article (来源：… 时间：2012-04-11)."""
    m = _PAGE_DATE.search(page.text[:_PAGE_HEADER_CHARS])
    return m.group(1) if m else None


def _iso_of_printed(printed: str) -> Optional[str]:
    """A printed 2017-3-4 as an ISO date, or None where it is no calendar date."""
    y, m, d = printed.split("-")
    return _iso(int(y), int(m), int(d))


def _signature(text: str, date_start: int) -> _Line:
    """The non-empty line just above a date line: the signing body."""
    before = text[:date_start].rstrip()
    i = before.rfind("\n")
    line = before[i + 1:]
    return _Line(line.strip(), i + 1 + (len(line) - len(line.lstrip())))


def doc_number_after_title(text: str, title_end: int) -> Optional[str]:
    """The document's own 文号: a line of its own among the first lines under its title
    (a 文号 inside the body is a citation, not the document's number)."""
    if title_end < 0:
        return None
    rest = text[title_end:].split("\n")
    lines = [rest[0]] + [l for l in rest[1:] if l.strip()][:_NUMBER_LINES_UNDER_TITLE]
    return next((n for n in map(_doc_number_alone, lines) if n), None)


def _doc_number_alone(line: str) -> Optional[str]:
    """The 文号 that is the whole of ``line`` (spaces aside), in its canonical form."""
    parsed = docnumbers.parse(line)
    return parsed.text if parsed is not None else None


_DOC_NUMBER_LABEL = re.compile(r"^\s*(?:发文字号|文\s*号)\s*[:：]\s*(?P<value>[^|｜\s][^|｜]*?)\s*(?:[|｜].*)?$")


def doc_number_near_title(text: str, title_start: int) -> Optional[str]:
    """The document's own 文号 printed above its title: a labelled line of the page's information
    table (文　　号：…), or a 文号 standing alone on the line just above the title."""
    if title_start < 0:
        return None
    above = [l for l in text[:title_start].split("\n") if l.strip()][-_INFO_TABLE_LINES:]
    for line in above:
        m = _DOC_NUMBER_LABEL.match(line)
        if m:
            got = _doc_number_alone(m.group("value"))
            if got:
                return got
    return _doc_number_alone(above[-1]) if above else None


def _read_agency(written: str, start: int, year: Optional[int],
                 home: Optional[agencies.Government] = None) -> Optional[_Issuer]:
    """``written`` read as an agency (against ``home`` where it names its division relatively),
    its findings placed at ``start`` in the text; None where it reads as none."""
    if not written:
        return None
    got = agencies.canonical_agency(written, home, year)
    if got is None:
        return None
    if start < 0:
        return _Issuer(got.canonical, got.adcode, -1, -1, tuple(Finding(f.kind, f.message, -1, -1) for f in got.findings))
    return _Issuer(got.canonical, got.adcode, start, start + len(written),
                   tuple(Finding(f.kind, f.message, start + f.start, start + f.end) for f in got.findings))


_COUNTY_LEVELS = _words("county-level")
_RELATIVE_SELF = re.compile(_any(_words("self-word")) + "(" + "|".join(map(re.escape, _COUNTY_LEVELS)) + ")")


def _county_namings(text: str, level: str) -> Iterator[_NamedDivision]:
    """Each place the text names a county-level division (a name ending in the regex ``level``)
    that is one division's name alone, the longest such name at each place."""
    index = divisions.names_index()
    for m in re.finditer(r"[\u4e00-\u9fff]{1,6}?" + level, text):
        for k in range(len(m.group(0)), 1, -1):
            name = m.group(0)[-k:]
            matches = [d for d in index.get(name, ()) if d.name == name and d.level == "county"]
            if len(matches) == 1:
                yield _NamedDivision(matches[0], m.end() - k, m.end())
                break


def _division_by_frequency(text: str) -> Optional[_NamedDivision]:
    """The county-level division a report keeps naming, of the level its relative words (本区,
    我县) point at, or of any level where it has none; where it first names it."""
    relative = Counter(m.group(1) for m in _RELATIVE_SELF.finditer(text))
    level = re.escape(relative.most_common(1)[0][0]) if relative else _any(_COUNTY_LEVELS)
    counts: Counter[str] = Counter()
    first: dict[str, _NamedDivision] = {}
    for named in _county_namings(text, level):
        counts[named.division.adcode] += 1
        first.setdefault(named.division.adcode, named)
    if not counts:
        return None
    (code, n), *rest = counts.most_common(2)
    if n < _MIN_NAMINGS or (rest and rest[0][1] == n):
        return None
    d = divisions.division(code)
    return _NamedDivision(d, first[code].start, first[code].end) if d else None


_PLACE = re.compile(r"[\u4e00-\u9fff]{1,8}?" + _any(_words("place-level")))


def _chrome_home(text: str, t_start: int) -> Optional[agencies.Government]:
    """The government whose site the page sits on, from the chrome above the title
    (合肥市蜀山区人民政府门户网站 > 信息公开 > …): the deepest division named there."""
    if t_start <= 0:
        return None
    best, context = None, None
    for m in _PLACE.finditer(text, 0, t_start):
        d, finding = divisions.resolve(m.group(0), [context] if context else None)
        if d is None or finding is not None or d.name != m.group(0):
            continue
        context = d.adcode
        if best is None or d.level == "county" or best.level != "county":
            best = d
    return agencies.government_of(best.adcode) if best is not None else None


# ------------------------------------------------------------------ the page the readers share


@dataclass(frozen=True)
class _Page:
    """A document as the readers see it: its header, title, type and printed dates, then the
    date and year as they are read (each step adds its reading with dataclasses.replace)."""

    doc: Document
    header: dict[str, str]
    title: _Title
    kind: str
    dates: tuple[_PrintedDate, ...]
    issued: Optional[str] = None
    year: Optional[int] = None

    @property
    def text(self) -> str:
        return self.doc.text

    @cached_property
    def signed(self) -> Optional[_PrintedDate]:
        """The date line the document was signed on: a notice is signed above its body (the
        first date line under its title), a report at its end (its last date line)."""
        if self.kind == "PolicyDocument":
            return next((d for d in self.dates if self.title.end < 0 or d.start > self.title.end), None)
        return self.dates[-1] if self.dates else None

    @cached_property
    def text_with_digit_years(self) -> str:
        """The text with its Chinese-numeral years in digits, for the year readers."""
        return _digit_years(self.text)


def _read_page(doc: Document) -> _Page:
    """The page before any fact is read: header, title, type and printed dates."""
    header = _header(doc)
    title = _find_title(doc, header)
    return _Page(doc, header, title, _doc_type(title.text, doc.text), tuple(_date_lines(doc.text)))


_Subject = TypeVar("_Subject")
_Reading = TypeVar("_Reading")


def _first(readers: Sequence[Callable[[_Subject], Optional[_Reading]]],
           subject: _Subject) -> Optional[_Reading]:
    """The reading of the first of ``readers`` (tried in order) that reads something."""
    for read in readers:
        got = read(subject)
        if got is not None:
            return got
    return None


# ------------------------------------------------------------------ date


def _date_signed(page: _Page) -> Optional[str]:
    """The date line the document was signed on (see _Page.signed)."""
    return page.signed.iso if page.signed else None


_PUBLISHED_DATE_READERS = (_published_in_header, _published_above_article)


def _date_published(page: _Page) -> Optional[str]:
    """The date the page says it was published: the first printed in its header fields, else
    above the article; None where that one is no calendar date."""
    printed = _first(_PUBLISHED_DATE_READERS, page)
    return _iso_of_printed(printed) if printed else None


_DATE_READERS = (_date_signed, _date_published)


# ------------------------------------------------------------------ year


def _year_issued(page: _Page) -> Optional[int]:
    """The year a policy document was issued (signed, else published)."""
    return int(page.issued[:4]) if page.issued else None


def _year_of_report_title(page: _Page) -> Optional[int]:
    """The year a report's title names (瓯海区人民政府2019年度政府信息公开工作年度报告)."""
    m = _REPORT_TITLE.match(_title_for_reading(page.title.text)) if page.title.text else None
    return int(m.group("year")) if m else None


def _first_year(pattern: re.Pattern, text: str) -> Optional[int]:
    """The year ``pattern``'s first match in ``text`` captures."""
    m = pattern.search(text)
    return int(m.group(1)) if m else None


def _year_of_statistics_period(page: _Page) -> Optional[int]:
    """The year of the period the report's figures cover (统计期限为2019年1月1日至…)."""
    return _first_year(_STAT_PERIOD, page.text_with_digit_years)


def _year_spanned(page: _Page) -> Optional[int]:
    """A whole calendar year spanned in the text (2019年1月1日至12月31日)."""
    return _first_year(_YEAR_SPAN, page.text_with_digit_years)


def _year_heading(page: _Page) -> Optional[int]:
    """A year heading on a line of its own: （2019年度）."""
    return _first_year(_YEAR_HEADING, page.text_with_digit_years)


def _year_opening_a_paragraph(page: _Page) -> Optional[int]:
    """The year a paragraph opens with (2019年，我市…; 二〇一九年，…)."""
    return _first_year(_PARAGRAPH_YEAR, page.text_with_digit_years)


def _year_before_issued(page: _Page) -> Optional[int]:
    """The year before the report was issued: a report is published early the next year."""
    return int(page.issued[:4]) - 1 if page.issued else None


def _year_in_title(page: _Page) -> Optional[int]:
    """Any year the title names (关于2019年度政务公开工作考核情况的通报)."""
    return _first_year(_YEAR, page.title.text)


_YEAR_READERS: dict[str, tuple[Callable[[_Page], Optional[int]], ...]] = {
    "PolicyDocument": (_year_issued, _year_in_title),
    "AnnualReport": (_year_of_report_title, _year_of_statistics_period, _year_spanned, _year_heading,
                     _year_opening_a_paragraph, _year_before_issued, _year_in_title),
}


# ------------------------------------------------------------------ 文号


def _number_in_header(page: _Page) -> Optional[str]:
    """The header's 文号 field."""
    return _doc_number_alone(_clean_title(page.header.get(_HEADER_NUMBER, "")))


def _number_under_title(page: _Page) -> Optional[str]:
    """A notice's 文号 on a line of its own under its title; a page that repeats the title (page
    heading, then the document itself) may print it under either."""
    if page.kind != "PolicyDocument" or not page.title.text:
        return None
    for m in _loose(page.title.text).finditer(page.text):
        got = doc_number_after_title(page.text, m.end())
        if got:
            return got
    return None


def _number_above_title(page: _Page) -> Optional[str]:
    """A notice's 文号 printed above its title (see doc_number_near_title)."""
    if page.kind != "PolicyDocument" or not page.title.text:
        return None
    return doc_number_near_title(page.text, page.title.start)


_NUMBER_READERS = (_number_in_header, _number_under_title, _number_above_title)


# ------------------------------------------------------------------ issuer


@dataclass(frozen=True)
class _IssuerClues:
    """What the issuer readers look at, each worked out once, when a reader first asks."""

    page: _Page

    @property
    def year(self) -> Optional[int]:
        return self.page.year

    @cached_property
    def title_issuers(self) -> tuple[_Line, ...]:
        """The readings of the issuer the title names, best first, each where it is written at
        or after the title's start (-1 where the title is not in the text)."""
        page = self.page
        if not page.title.text:
            return ()
        out = []
        for written in _issuers_in_title(page.title.text, page.kind):
            m = _loose(written).search(page.text, max(page.title.start, 0))
            out.append(_Line(written, m.start() if m and page.title.start >= 0 else -1))
        return tuple(out)

    @cached_property
    def line_near_title(self) -> Optional[_Issuer]:
        """The first short line above or below the title that reads as an agency."""
        for line in _lines_near_title(self.page.text, self.page.title):
            got = _read_agency(line.text, line.start, self.year)
            if got is not None:
                return got
        return None

    @cached_property
    def most_named(self) -> Optional[_NamedDivision]:
        """The division the text keeps naming (see _division_by_frequency)."""
        return _division_by_frequency(self.page.text)

    @cached_property
    def home(self) -> Optional[agencies.Government]:
        """The government a name that names no division or names it relatively (五角场街道,
        市生态环境局, 区府办) is read against. Where the title names an issuer: the government of
        the issuer line by the title, else of the division the text keeps naming, else of the
        header's publisher, else of the site's chrome. Where it names none: only the division the
        text keeps naming. The header's publisher and the signature are read against it too."""
        return _first(_TITLE_ISSUER_HOMES if self.title_issuers else (_home_most_named,), self)


def _home_of_line_near_title(clues: _IssuerClues) -> Optional[agencies.Government]:
    """The government of the issuer line near the title (市生态环境局… over 宁波市生态环境局)."""
    near = clues.line_near_title
    return agencies.government_of(near.adcode) if near is not None else None


def _home_most_named(clues: _IssuerClues) -> Optional[agencies.Government]:
    """The government of the division the text keeps naming."""
    named = clues.most_named
    return agencies.government_of(named.division.adcode) if named is not None else None


def _home_of_publisher(clues: _IssuerClues) -> Optional[agencies.Government]:
    """The government of the body a header field names as the publisher (发布机构: 上海市杨浦区人民政府)."""
    for key in _HEADER_PUBLISHERS:
        value = clues.page.header.get(key)
        if not value:
            continue
        publisher = agencies.canonical_agency(_clean_title(value), None, clues.year)
        if publisher is not None:
            home = agencies.government_of(publisher.adcode) if publisher.adcode else None
            if home is not None:
                return home
    return None


def _home_in_chrome(clues: _IssuerClues) -> Optional[agencies.Government]:
    """The government whose site the page sits on (see _chrome_home)."""
    return _chrome_home(clues.page.text, clues.page.title.start)


_TITLE_ISSUER_HOMES = (_home_of_line_near_title, _home_most_named, _home_of_publisher, _home_in_chrome)


def _issuer_named_in_title(clues: _IssuerClues) -> Optional[_Issuer]:
    """The issuer the title names (杨浦区人民政府2019年…, …办公厅关于…的通知), each reading in turn."""
    for written in clues.title_issuers:
        got = _read_agency(written.text, written.start, clues.year)
        if got is not None:
            return got
    return None


def _issuer_in_title_at_home(clues: _IssuerClues) -> Optional[_Issuer]:
    """The title's issuer where it names no county (五角场街道) or names it relatively
    (市生态环境局), read against its home (see _IssuerClues.home)."""
    if not clues.title_issuers or clues.home is None:
        return None
    written = clues.title_issuers[0]
    return _read_agency(written.text, written.start, clues.year, clues.home)


def _issuer_line_near_title(clues: _IssuerClues) -> Optional[_Issuer]:
    """The issuer printed on a line of its own just above or below the title."""
    return clues.line_near_title


def _issuer_publisher(clues: _IssuerClues) -> Optional[_Issuer]:
    """The body a header field names as the publisher (发布机构, 来源)."""
    for key in _HEADER_PUBLISHERS:
        value = clues.page.header.get(key)
        got = _read_agency(_clean_title(value), -1, clues.year, clues.home) if value else None
        if got is not None:
            return got
    return None


def _issuer_signature(clues: _IssuerClues) -> Optional[_Issuer]:
    """The signing body: the line above the date the document was signed on."""
    signed = clues.page.signed
    if signed is None:
        return None
    line = _signature(clues.page.text, signed.start)
    return _read_agency(_clean_title(line.text), line.start, clues.year, clues.home)


def _issuer_most_named(clues: _IssuerClues) -> Optional[_Issuer]:
    """The government of the division the text keeps naming (a report pasted without its title)."""
    named = clues.most_named
    if named is None:
        return None
    return _read_agency(clues.page.text[named.start:named.end], named.start, clues.year)


_ISSUER_READERS = (_issuer_named_in_title, _issuer_in_title_at_home, _issuer_line_near_title,
                   _issuer_publisher, _issuer_signature, _issuer_most_named)


# ------------------------------------------------------------------ the document's identity


def document_info(doc: Document) -> tuple[DocumentInfo, list[Finding]]:
    """What the document is, who issued it and when, for which division and year."""
    page = _read_page(doc)
    page = replace(page, issued=_first(_DATE_READERS, page))
    page = replace(page, year=_first(_YEAR_READERS[page.kind], page))
    doc_number = _first(_NUMBER_READERS, page)
    issuer = _first(_ISSUER_READERS, _IssuerClues(page))
    findings: list[Finding] = []
    if issuer is None:
        findings.append(Finding("identity",
                                "the issuing body could not be read from title, header or signature"))
        agency, adcode, a_start, a_end = "", "", -1, -1
    else:
        agency, a_start, a_end = issuer.name, issuer.start, issuer.end
        findings.extend(issuer.findings)
        adcode = agencies.co_located_division(agency, issuer.adcode, page.text) or issuer.adcode
    info = DocumentInfo(type=page.kind, title=page.title.text, agency=agency, adcode=adcode, year=page.year,
                        issued=page.issued, doc_number=doc_number, agency_start=a_start, agency_end=a_end)
    return info, findings
