"""HTML page → article text, keeping tables as tables.

Government CMS pages wrap the report in menus, share buttons, breadcrumbs and scripts. The article
is found the way readability does it: paragraphs vote for their parent and grandparent with the
amount of Chinese prose they hold (link text does not count), and the best-scored block wins.
Tables are expanded (rowspan/colspan) into a grid; in the text each table row becomes one line of
cells joined by `` | `` so that text-based extractors also see rows.
"""
from __future__ import annotations

import re
from collections import defaultdict

import lxml.html
from lxml import etree

from .model import RawCell, RawTable

DROP_TAGS = ["script", "style", "noscript", "iframe", "nav", "header", "footer", "form", "select",
             "button", "input", "textarea", "svg", "object", "embed", "head"]
BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section",
              "article", "blockquote", "pre", "dd", "dt", "dl", "tr", "center", "hr"}
# <meta name=…> fields some CMSs fill with the article's metadata, named as crawlers name them.
META_FIELDS = {"articletitle": "标题", "pubdate": "发布时间", "contentsource": "来源", "author": "发布机构",
               "sitename": "网站"}
CJK = re.compile(r"[\u4e00-\u9fff]")
CELL_SEP = " | "


def html_to_text(markup: str) -> tuple[str, list[RawTable], dict[str, str]]:
    """Return the article text, its tables, and header fields from <meta>/<title>."""
    markup = re.sub(r"^\s*<\?xml[^>]*\?>", "", markup)
    root = lxml.html.document_fromstring(markup)
    header = _meta_header(root)
    for key, value in _page_fields(root).items():
        header.setdefault(key, value)
    for el in root.iter(etree.Comment):
        el.drop_tree() if el.getparent() is not None else None
    for tag in DROP_TAGS:
        for el in list(root.iter(tag)):
            if el.getparent() is not None:
                el.drop_tree()
    body = _article_root(root)
    out = _Renderer()
    out.render(body)
    return out.finish(), out.tables, header


def _meta_header(root) -> dict[str, str]:
    header: dict[str, str] = {}
    for m in root.iter("meta"):
        key = META_FIELDS.get((m.get("name") or "").lower())
        if key and (m.get("content") or "").strip():
            header[key] = m.get("content").strip()
    titles = root.xpath("//title/text()")
    if titles and "标题" not in header:
        header["标题"] = titles[0].strip()
    return header


# Fields a page prints around the article (发布机构：…, 来源：…), in a metadata table or inline.
PAGE_FIELDS = {"发布机构": "发布机构", "发布单位": "发布机构", "发文机关": "发布机构", "来源": "来源",
               "信息来源": "来源"}
_FIELD_NAME = "|".join(sorted(PAGE_FIELDS, key=len, reverse=True))
_FIELD_CELL = re.compile(rf"^\s*({_FIELD_NAME})\s*+[:：]?\s*$")  # *+: spaces taken whole, not split two ways
_FIELD_INLINE = re.compile(rf"(?<![\u4e00-\u9fff])({_FIELD_NAME})\s*[:：]\s*([\u4e00-\u9fff（）()]{{2,40}})")


def _page_fields(root) -> dict[str, str]:
    """The page's 发布机构 / 来源 fields: a label cell and the cell after it, or 'label：value'
    in a short line of text. The first value of each wins."""
    fields: dict[str, str] = {}
    for el in root.iter("td", "th", "span", "div", "p", "li", "dd", "dt", "label"):
        own = _clean(el.text)
        m = _FIELD_CELL.match(own) if own else None
        if m and el.tag in ("td", "th", "dt", "label", "span"):
            nxt = el.getnext()
            value = _cell_text(nxt) if nxt is not None else ""
            if value and CJK.search(value):
                fields.setdefault(PAGE_FIELDS[m.group(1)], value)
            continue
        text = " ".join(t.strip() for t in el.itertext() if t.strip())
        if len(text) > 200:
            continue
        for m in _FIELD_INLINE.finditer(text):
            fields.setdefault(PAGE_FIELDS[m.group(1)], m.group(2))
    return fields


def _prose(el) -> int:
    """Chinese characters in ``el``'s text that is not link text."""
    total = len(CJK.findall(el.text_content()))
    links = sum(len(CJK.findall(a.text_content())) for a in el.iter("a"))
    return total - links


def _direct_prose(el) -> int:
    """Chinese characters in text that sits directly in ``el`` (a div used as a paragraph)."""
    return len(CJK.findall(el.text or "")) + sum(len(CJK.findall(c.tail or "")) for c in el)


def _article_root(root):
    """The block that holds most of the page's paragraphs (readability-style voting)."""
    scores: dict = defaultdict(float)
    for el in root.iter("p", "pre", "li", "td", "div", "h1", "h2", "h3"):
        n = _prose(el) if el.tag != "div" else _direct_prose(el)
        if n < 10:
            continue
        parent = el.getparent()
        if parent is not None:
            scores[parent] += n
            grand = parent.getparent()
            if grand is not None:
                scores[grand] += n / 2
    if not scores:
        body = root.find("body")
        return body if body is not None else root
    best = max(scores, key=lambda e: scores[e])
    # A table cell or row holding the article: take the whole table's container instead.
    while best.tag in ("td", "tr", "tbody", "table") and best.getparent() is not None:
        best = best.getparent()
    return best


class _Renderer:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.tables: list[RawTable] = []

    def emit(self, s: str) -> None:
        if s:
            self.parts.append(s)
            self.length += len(s)

    def newline(self) -> None:
        if self.parts and not self.parts[-1].endswith("\n"):
            self.emit("\n")

    def render(self, el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "table":
            self.newline()
            self.table(el)
            self.newline()
        else:
            if tag in BLOCK_TAGS:
                self.newline()
            self.emit(_clean(el.text))
            for child in el:
                self.render(child)
                self.emit(_clean(child.tail))
            if tag in BLOCK_TAGS:
                self.newline()

    def table(self, el) -> None:
        grid = _expand(el)
        start = self.length
        rows: list[list[RawCell]] = []
        for r, row in enumerate(grid):
            cells: list[RawCell] = []
            for c, (text, origin) in enumerate(row):
                if c:
                    self.emit(CELL_SEP)
                s = self.length
                self.emit(text)
                cells.append(RawCell(r, c, text, s, self.length, origin))
            self.emit("\n")
            rows.append(cells)
        if rows:
            self.tables.append(RawTable(rows, start, self.length))

    def finish(self) -> str:
        # no clean-up pass here: it would shift the table cell offsets already recorded
        return "".join(self.parts)


def _clean(s: str | None) -> str:
    if not s:
        return ""
    return re.sub(r"[ \t\r\n\u00a0\u3000]+", " ", s) if s.strip() else ("" if "\n" in s else s)


def _cell_text(td) -> str:
    text = " ".join(t.strip() for t in td.itertext() if t.strip())
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


# A table's grid has at most this many slots. A cell's rowspan and colspan repeat it into every
# slot they cover, so a page of cells spanning 200×200 would fill millions (50 such cells took
# 45 s and 8 MB of text); the reports' tables fill at most 308. A larger table is read as its
# cells, one slot each, without spans.
MAX_TABLE_SLOTS = 100_000


def _expand(table) -> list[list[tuple[str, tuple[int, int]]]]:
    """The table's grid with rowspan/colspan cells repeated into every slot they cover; each
    slot carries its text and the slot of the cell it comes from."""
    rows = [[td for td in tr if td.tag in ("td", "th")] for tr in table.iter("tr") if _nearest_table(tr) is table]
    spanned = sum(_span(td.get("rowspan")) * _span(td.get("colspan")) for tds in rows for td in tds)
    if spanned > MAX_TABLE_SLOTS:
        return _unspanned(rows)
    grid: dict[tuple[int, int], tuple[str, tuple[int, int]]] = {}
    for r, tds in enumerate(rows):
        c = 0
        for td in tds:
            while (r, c) in grid:
                c += 1
            text = _cell_text(td)
            rs = _span(td.get("rowspan"))
            cs = _span(td.get("colspan"))
            for dr in range(rs):
                for dc in range(cs):
                    grid.setdefault((r + dr, c + dc), (text, (r, c)))
            c += cs
    if not grid:
        return []
    n_rows = max(r for r, _ in grid) + 1
    n_cols = max(c for _, c in grid) + 1
    if n_rows * n_cols > MAX_TABLE_SLOTS:  # a long row over many short ones: not padded out
        return _unspanned(rows)
    return [[grid.get((r, c), ("", (r, c))) for c in range(n_cols)] for r in range(n_rows)]


def _unspanned(rows) -> list[list[tuple[str, tuple[int, int]]]]:
    """The table's cells one slot each, in their rows as printed."""
    return [[(_cell_text(td), (r, c)) for c, td in enumerate(tds)] for r, tds in enumerate(rows)]


def _nearest_table(el):
    p = el.getparent()
    while p is not None and p.tag != "table":
        p = p.getparent()
    return p


def _span(v: str | None) -> int:
    try:
        return max(1, min(int(v or 1), 200))
    except ValueError:
        return 1
