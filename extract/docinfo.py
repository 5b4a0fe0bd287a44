"""What a document is, who issued it, for which division and year.

Read in this order, each step falling back to the next:
- the title (crawler header 标题, else the first title-like line of the text; a title broken over
  two lines is joined): its ending gives the type (…通知 → PolicyDocument, …年度报告 →
  AnnualReport) and its issuer (before the year of a report, before 关于 of a notice);
- the crawler header (发布机构, 来源) and the signature line above the date line;
- with no issuer anywhere (a report pasted without its title), the division the text keeps
  naming, of the level its relative words use (本区, 我县).
The issuer is canonicalised by agencies.canonical_agency (abbreviations, zones, OCR'd names).
Year: a report's year is the one in its title, else its 统计期限 sentence, else the year a
paragraph opens with; a policy document's year is the year it was signed (date line), else
published (header).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from . import agencies, divisions, docnumbers
from .data import rows
from .model import Document, DocumentInfo, Finding
from .normalize import normalize
from .numbers import chinese_number


_WORD_ROWS = rows("docinfo_words.tsv")


def _words(role: str) -> tuple[str, ...]:
    """One role's words in docinfo_words.tsv, in the order written."""
    return tuple(r[1] for r in _WORD_ROWS if r[0] == role)


def _any(words) -> str:
    """A regex group for any of ``words``, tried in the order given."""
    return "(?:" + "|".join(map(re.escape, words)) + ")"


(_HEADER_TITLE,), (_HEADER_NUMBER,), (_ABOUT,) = _words("header-title"), _words("header-number"), _words("about")
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

_DATE = re.compile(r"(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_CN_DATE = re.compile(r"([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DATE_LINE = re.compile(r"^\s*[（(]?\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[)）]?\s*$")
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
_HAS_YEAR = re.compile(r"(?:19|20)\d{2}\s*年")
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
    """The document's title, and where it is in the text (-1 where it is not: a header's title)."""

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


@lru_cache(maxsize=1)
def _kind_rows() -> tuple[_KindWord, ...]:
    return tuple(_KindWord(*r[:3]) for r in rows("agency_document_kinds.tsv"))


def _kinds() -> list[_KindWord]:
    """The rows that say what type a document is."""
    return [r for r in _kind_rows() if not r.kind.startswith("@")]


def reports_on_work(title: str) -> bool:
    """Whether a document that is not an annual report says it reports on the year's work
    (关于报送2019年政务公开工作情况的函): its prose then carries the year's figures."""
    return any(r.where == "title" and r.word in title for r in _kind_rows() if r.kind == "@work")


def _iso(y: int, m: int, d: int) -> Optional[str]:
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
_TRAILING_NOTE = re.compile(r"[(（][^()（）]{1,8}[)）]$")


def _digit_years(text: str) -> str:
    """``text`` with its Chinese-numeral years in digits (二〇一九年 → 2019年)."""
    return _CN_YEAR.sub(lambda m: str(int(chinese_number(m.group(1)))), text)


def _title_for_reading(title: str) -> str:
    """The title with a Chinese-numeral year in digits and a trailing note such as （全文） cut."""
    return _TRAILING_NOTE.sub("", _digit_years(title))


def _looks_like_title(line: str) -> bool:
    t = _clean_title(line)
    if not (_MIN_TITLE <= len(t) <= _MAX_TITLE) or _SENTENCE_PUNCT.search(t) or t.startswith(_NOT_TITLE_STARTS):
        return False
    return _kind_from_title(t) is not None


def _kind_from_title(title: str) -> Optional[str]:
    t = re.sub(r"[》”\"）)]+$", "", _title_for_reading(title))
    for r in _kinds():
        if r.where == "title-end" and t.endswith(r.word):
            return r.kind
    for r in _kinds():
        if r.where == "title" and r.word in t:
            return r.kind
    return None


def _find_title(doc: Document) -> _Title:
    """The document's title: the first title-like line (the header's title where the page has
    one), else the header's title, else a yearless report title."""
    text = doc.text
    header = _page_title(_header(doc).get(_HEADER_TITLE, ""))
    lines = []
    pos = 0
    for line in text.split("\n"):
        lines.append((line, pos))
        pos += len(line) + 1
    weak: Optional[_Title] = None
    for i, (line, start) in enumerate(lines[:_TITLE_SEARCH_LINES]):
        if not line.strip():
            continue
        label = _TITLE_LABEL.match(line)  # a crawler's "标题: …" line
        if label:
            line, start = line[label.end():], start + label.end()
        candidate, end = line, start + len(line)
        # a title broken over two lines (an OCR'd page): join with the line that completes it
        if i + 1 < len(lines) and _kind_from_title(_clean_title(line)) is None:
            nxt = lines[i + 1][0]
            if 0 < len(_clean_title(nxt)) <= _MAX_TITLE_TAIL and _looks_like_title(line + nxt):
                candidate, end = line + nxt, lines[i + 1][1] + len(nxt)
        if _looks_like_title(candidate) and (not header or _clean_title(candidate) == header):
            lead = len(candidate) - len(candidate.lstrip("# \t"))
            found = _Title(_clean_title(candidate), start + lead, end)
            if _kind_from_title(found.text) == "AnnualReport" and not _HAS_YEAR.search(_title_for_reading(found.text)):
                weak = weak or found  # 政府信息公开年报 as a column name names no report
                continue
            return found
    if header:
        m = _loose(header).search(text)
        return _Title(header, m.start(), m.end()) if m else _Title(header, -1, -1)
    return weak or _NO_TITLE


def _loose(s: str) -> re.Pattern:
    """A pattern for ``s`` that tolerates the spaces and line breaks pages put inside titles."""
    return re.compile(r"\s*".join(map(re.escape, s)))


def _doc_type(title: str, text: str) -> str:
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


def _lines_near_title(text: str, t_start: int, t_end: int) -> list[_Line]:
    """Short lines just above and below the title (the issuer printed on a line of its own),
    nearest first."""
    if t_start < 0:
        return []
    out: list[_Line] = []
    above = text[:t_start].split("\n")[:-1] if "\n" in text[:t_start] else []
    pos = 0
    spans = []
    for line in above:
        spans.append((line, pos))
        pos += len(line) + 1
    spans = [(l, p) for l, p in spans if l.strip()][-_NEAR_TITLE_ABOVE:]
    below_start = text.find("\n", t_end)
    below: list[tuple[str, int]] = []
    if below_start >= 0:
        pos = below_start + 1
        for line in text[below_start + 1:].split("\n")[:_BELOW_TITLE_LINES]:
            if line.strip():
                below.append((line, pos))
            pos += len(line) + 1
    for line, p in list(reversed(spans)) + below[:_NEAR_TITLE_BELOW]:
        clean = _clean_title(line)
        if _MIN_ISSUER_LINE <= len(clean) <= _MAX_ISSUER_LINE and not _SENTENCE_PUNCT.search(clean) and not _HAS_YEAR.search(clean):
            out.append(_Line(clean, p + len(line) - len(line.lstrip())))
    return out


def _date_lines(text: str) -> list[_PrintedDate]:
    """Printed dates standing on a line of their own (or in Chinese numerals), as ISO."""
    out = []
    pos = 0
    for line in text.split("\n"):
        m = _DATE_LINE.match(line)
        if m:
            iso = _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if iso:
                out.append(_PrintedDate(iso, pos, pos + len(line)))
        pos += len(line) + 1
    for m in _CN_DATE.finditer(text):
        parts = [chinese_number(m.group(i)) for i in (1, 2, 3)]
        if None in parts:
            continue
        iso = _iso(*map(int, parts))
        if iso:
            out.append(_PrintedDate(iso, m.start(), m.end()))
    return sorted(out, key=lambda d: d.start)


def _page_date(doc: Document) -> Optional[str]:
    for key in _HEADER_DATES:
        v = _header(doc).get(key, "")
        m = _ISO_DATE.search(v)
        if m:
            return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _PAGE_DATE.search(doc.text[:_PAGE_HEADER_CHARS])
    if m:
        y, mo, d = m.group(1).split("-")
        return _iso(int(y), int(mo), int(d))
    return None


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
    canon, _parent, adcode, findings = got
    if start < 0:
        return _Issuer(canon, adcode, -1, -1, tuple(Finding(f.kind, f.message, -1, -1) for f in findings))
    return _Issuer(canon, adcode, start, start + len(written),
                   tuple(Finding(f.kind, f.message, start + f.start, start + f.end) for f in findings))


_COUNTY_LEVELS = _words("county-level")
_RELATIVE_SELF = re.compile(_any(_words("self-word")) + "(" + "|".join(map(re.escape, _COUNTY_LEVELS)) + ")")


def _division_by_frequency(text: str) -> Optional[_NamedDivision]:
    """The county-level division a report keeps naming, of the level its relative words (本区,
    我县) point at, or of any level where it has none."""
    rel = Counter(m.group(1) for m in _RELATIVE_SELF.finditer(text))
    suffix = re.escape(rel.most_common(1)[0][0]) if rel else _any(_COUNTY_LEVELS)
    counts: Counter[str] = Counter()
    first: dict[str, tuple[int, int]] = {}
    idx = divisions.names_index()
    for m in re.finditer(r"[\u4e00-\u9fff]{1,6}?" + suffix, text):
        for k in range(len(m.group(0)), 1, -1):
            cand = m.group(0)[-k:]
            divs = [d for d in idx.get(cand, ()) if d.name == cand and d.level == "county"]
            if len(divs) == 1:
                counts[divs[0].adcode] += 1
                s = m.end() - k
                first.setdefault(divs[0].adcode, (s, m.end()))
                break
    if not counts:
        return None
    (code, n), *rest = counts.most_common(2)
    if n < _MIN_NAMINGS or (rest and rest[0][1] == n):
        return None
    d = divisions.division(code)
    return _NamedDivision(d, *first[code]) if d else None


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


def document_info(doc: Document) -> tuple[DocumentInfo, list[Finding]]:
    text = doc.text
    findings: list[Finding] = []
    found = _find_title(doc)
    title, t_start, t_end = found.text, found.start, found.end
    kind = _doc_type(title, text)
    dates = _date_lines(text)
    page_date = _page_date(doc)

    # issued: a notice is signed above its body, a report at its end (or under its title)
    if kind == "PolicyDocument":
        signed = next((d for d in dates if t_end < 0 or d.start > t_end), None)
    else:
        signed = dates[-1] if dates else None
    issued = signed.iso if signed else page_date

    # year
    year: Optional[int] = None
    if kind == "PolicyDocument":
        year = int(issued[:4]) if issued else None
    else:
        m = _REPORT_TITLE.match(_title_for_reading(title)) if title else None
        if m:
            year = int(m.group("year"))
        else:
            digits = _digit_years(text)
            for rx in (_STAT_PERIOD, _YEAR_SPAN, _YEAR_HEADING, _PARAGRAPH_YEAR):
                m2 = rx.search(digits)
                if m2:
                    year = int(m2.group(1))
                    break
        if year is None and issued:
            year = int(issued[:4]) - 1
    if year is None:
        m3 = re.search(r"((?:19|20)\d{2})\s*年", title)
        year = int(m3.group(1)) if m3 else None

    # doc number: the header's, else the line under the title
    doc_number = _doc_number_alone(_clean_title(_header(doc).get(_HEADER_NUMBER, "")))
    if doc_number is None and kind == "PolicyDocument" and title:
        # a page repeats the title (page heading, then the document itself): the 文号 is under one
        for m in _loose(title).finditer(text):
            doc_number = doc_number_after_title(text, m.end())
            if doc_number:
                break
        if doc_number is None and t_start >= 0:
            doc_number = doc_number_near_title(text, t_start)

    # agency: title, then header fields, then signature, then the division the text keeps naming
    got = None
    issuers = _issuers_in_title(title, kind) if title else []
    issuer, i = "", -1
    for issuer in issuers:
        m4 = _loose(issuer).search(text, max(t_start, 0))
        i = m4.start() if m4 and t_start >= 0 else -1
        got = _read_agency(issuer, i, year)
        if got is not None:
            break
    if issuers:
        issuer = issuers[0]
        m4 = _loose(issuer).search(text, max(t_start, 0))
        i = m4.start() if m4 and t_start >= 0 else -1
    # the issuer on a line of its own just above or below the title
    near = None
    if got is None:
        for line in _lines_near_title(text, t_start, t_end):
            near = _read_agency(line.text, line.start, year)
            if near is not None:
                break
    freq = _division_by_frequency(text) if got is None else None
    # relative names in a header or signature (区府办) read against the division the text names
    home = agencies.government_of(freq.division.adcode) if freq is not None else None
    if got is None and issuer:
        # an issuer that names no county (五角场街道) or names it relatively (市生态环境局): the
        # division of the issuer line near the title, of the header's publisher, or the one the
        # text keeps naming
        if near is not None:
            home = agencies.government_of(near.adcode) or home
            got = _read_agency(issuer, i, year, home)
        for key in _HEADER_PUBLISHERS:
            if home is None and _header(doc).get(key):
                publisher = agencies.canonical_agency(_clean_title(_header(doc)[key]), None, year)
                pub_code = publisher[2] if publisher else None  # (canonical, parent, adcode, findings)
                home = agencies.government_of(pub_code) if pub_code else None
        if home is None:
            home = _chrome_home(text, t_start)
        if got is None and home is not None:
            got = _read_agency(issuer, i, year, home)
    if got is None and near is not None:
        got = near
    for key in _HEADER_PUBLISHERS:
        if got is None and _header(doc).get(key):
            got = _read_agency(_clean_title(_header(doc)[key]), -1, year, home)
    if got is None and signed:
        line = _signature(text, signed.start)
        got = _read_agency(_clean_title(line.text), line.start, year, home)
    if got is None and freq is not None:
        got = _read_agency(text[freq.start:freq.end], freq.start, year)
    if got is None:
        findings.append(Finding("identity", "the issuing body could not be read from title, header or signature"))
        agency, adcode, a_start, a_end = "", "", -1, -1
    else:
        agency, a_start, a_end = got.name, got.start, got.end
        findings.extend(got.findings)
        adcode = agencies.co_located_division(agency, got.adcode, text) or got.adcode

    return DocumentInfo(type=kind, title=title, agency=agency, adcode=adcode, year=year, issued=issued,
                        doc_number=doc_number, agency_start=a_start, agency_end=a_end), findings
