"""Citations of regulations and policy documents: 《title》, 文号, or both.

How the reports cite (all handled here, vocabularies in data/citation_*.tsv|json):

* a title in 《》 (or 〈〉 at top level, or <<…>> typed in ASCII), possibly broken across lines
  or by a page number; a title nested in a title (《…转发<…的通知>的通知》, 《…施行〈…条例〉…》)
  is a second citation (``nested_in``);
* a 文号 in brackets right after a title makes one "title+docnumber" citation; the bracket
  may go on with a short-form definition: （国务院令第711号，以下简称《条例》）, or give the
  text's history (…第492号公布，…第711号修订: the last is the text cited);
* "（以下简称《规定》）" binds a short title to the full title just before it; later 《规定》
  are "short" citations of that title; a bare 《条例》 in a document about government
  information disclosure is the 政府信息公开条例; other unbound generic short titles
  (《暂行办法》) cannot be resolved and are kept as kind "other";
* an issuing body written before the title (中共中央办公厅、国务院办公厅《…》, 国办发《…》,
  省财政厅《…》, 福建省农业农村厅关于《…》) goes in ``issuer``;
* a bare 文号 is a "docnumber" citation;
* what a 《》 names is decided by its head noun, how the title ends (data/citation_kinds.tsv):
  permits, websites, periodicals, columns, reports, guides are kind "other", and so is a title of
  generic words only (《通知公告》, 《规章制度》: a column or a category) or a draft
  (…办法（征求意见稿）);
* a trial note written right after 》 is part of the title: 《…办法》（试行） is …办法（试行）;
* a short form can also be defined after a title written without 《》 or after a bare 文号:
  根据省政府信息公开规定（下称《规定》）, 国办发〔2020〕17号（以下简称《要点》）;
* the document's own title, the titles inside it (a notice's 印发《X》 or 印发X的通知) and its own 文号
  identify the document and are dropped, as is anything resolving to the document itself.

How it reads (find_citations): every title span in text order goes to the first reader in
_SPAN_READERS that takes it (a short form defined after prose, else a title in 《》: what is
written around it, written_title, then what it cites, read_title, whose readers are tried in
the order of _TITLE_READERS); then every 文号 no title took is a citation of its own.

Resolution, keys and editions: see regulations.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Literal, Mapping, Optional

from . import docnumbers
from .data import rows
from .model import Citation, DocNumber, Document, DocumentInfo
from .regulations import Entry, authority, canonical_title, fold
from .titles import TRAILING_NOTE

MAX_TITLE = 160  # a 《 not closed within this many characters is not a title
# an issuing body, even two joined (中共中央办公厅、国务院办公厅), and the words between it and the
# title (关于印发) are written within this many characters before the 《
ISSUER_LOOKBACK = 40
# a bracket after a title closes within this many characters, long enough for a 文号 history
# (2007年4月5日中华人民共和国国务院令第492号公布，2019年4月3日…令第711号修订)
MAX_BRACKET = 80
# the bracket that opens a short-form definition before its 《short name》 starts within this
# many characters of the 《: _definition_before reads a bracket, up to 30 characters (a 文号),
# a marker (以下简称) and a quote
DEFINITION_LOOKBACK = 40
# a 文号 that ends where a definition's bracket opens starts within this many characters:
# an issuer code (at most docnumbers.MAX_CODE), a bracketed year and a serial
DOCNUMBER_LOOKBACK = 40
# a title written without 《》 before a definition's bracket is read from at most this many
# characters: room for a long name and the words that introduce it (认真贯彻落实…), which the
# lead-word cut then trims
UNQUOTED_LOOKBACK = 48
# shorter runs before a definition are a head noun with one word before it (该规定, 本办法)
MIN_UNQUOTED_TITLE = 4
# a revision word written right before a title (新修订的《条例》) is looked for in this many
# characters, more than the longest (4) in data/citation_language.json
REVISION_LOOKBACK = 8
# a line printing the document's own title may carry this many characters more than the title
# itself: room for spaces (a PDF spaces out a heading's characters) and title marks
OWN_TITLE_LINE_SLACK = 40
# a title a notice issues (关于印发X的通知) shorter than this is a generic word, not a name
MIN_ISSUED_TITLE = 4
_BAD_IN_TITLE = re.compile(r"[。；;！!？?]|\n\s*\n")
_MARKS = re.compile(r"<<|>>|[《》〈〉<>]")  # <<…>>: title marks typed in ASCII
_CUT = re.compile(r"[，,。；;：:！？!?\n“”\"'‘’（）()《》〈〉|]")


# ----------------------------------------------------------------------------- data
@lru_cache(maxsize=1)
def _kinds() -> tuple[tuple[str, str], ...]:
    """(ending, kind), longest ending first."""
    endings = [(r[0], r[1]) for r in rows("citation_kinds.tsv")]
    return tuple(sorted(endings, key=lambda r: -len(r[0])))


@dataclass(frozen=True)
class _KindIndex:
    by_ending: dict[str, str]  # title ending → kind
    longest: int  # length of the longest ending


@lru_cache(maxsize=1)
def _kind_index() -> _KindIndex:
    kinds = dict(_kinds())
    return _KindIndex(kinds, max(map(len, kinds)))


@lru_cache(maxsize=1)
def _language() -> dict:
    return docnumbers.language()


@dataclass(frozen=True)
class _IssuerPatterns:
    bodies: re.Pattern  # one issuing body or several joined (中共中央办公厅、国务院办公厅)
    long_leads: re.Pattern  # words of two or more characters that introduce a body (根据, 认真贯彻)
    short_leads: frozenset[str]  # one-character words that do (和, 对)
    leads: tuple[str, ...]  # all of them
    title_links: tuple[str, ...]  # words between a body and its title (关于, 印发)


@lru_cache(maxsize=1)
def _issuer_patterns() -> _IssuerPatterns:
    lang = _language()
    suffixes = _alternation(lang["issuer_suffixes"])
    joiners = "|".join(map(re.escape, lang["issuer_joiners"]))
    org = rf"[\u4e00-\u9fff]{{0,14}}?(?:{suffixes})"
    words = lang["lead_words"]
    return _IssuerPatterns(
        bodies=re.compile(rf"(?:{org})(?:(?:{joiners})(?:{org}))*"),
        long_leads=re.compile(_alternation(w for w in words if len(w) > 1)),
        short_leads=frozenset(w for w in words if len(w) == 1),
        leads=tuple(words),
        title_links=tuple(lang["issuer_title_link"]))


def _alternation(words) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _generic_short() -> re.Pattern:
    """A title of generic words and a head noun only: 《实施办法》, 《通知公告》, 《规章制度》."""
    endings = [e for e, k in _kinds() if k == "regulation"]
    words = _alternation(_language()["generic_title_words"])
    return re.compile(rf"(?:{words})*(?:{_alternation(endings)})")


@lru_cache(maxsize=1)
def _footer_line() -> re.Pattern:
    alt = "|".join(f"(?:{p})" for p in _language()["page_footer_lines"])
    return re.compile(rf"[ \t\u3000]*(?:{alt})[ \t\u3000]*")


@lru_cache(maxsize=1)
def _detached_note() -> re.Pattern:
    return re.compile(rf"[ \t\u3000]*[(（](?:{_alternation(_language()['detached_title_notes'])})[)）]")


@lru_cache(maxsize=1)
def _revised() -> re.Pattern:
    """A date right before a revision word, in a bracket after a title: （市政府令第5号，2018年修订）
    (group 1: year)."""
    return re.compile(rf"((?:19|20)\d\d)年(?:\d{{1,2}}月)?(?:\d{{1,2}}日)?(?:{_alternation(_language()['revision_words'])})")


@lru_cache(maxsize=1)
def _edition_note() -> re.Pattern:
    """A year note ending a title: （2019年修订）, （2018年版） (group 1: year)."""
    lang = _language()
    return re.compile(rf"[(（]((?:19|20)\d\d)年?(?:\d{{1,2}}月)?(?:\d{{1,2}}日)?"
                      rf"(?:{_alternation(lang['revision_words'])})?(?:{_alternation(lang['edition_words'])})?[)）]$")


@lru_cache(maxsize=1)
def _issuing_notice() -> re.Pattern:
    """A notice's title that issues a document written without 《》 (关于印发X的通知; group 1: X)."""
    return re.compile(rf"(?:{_alternation(_language()['issuing_verbs'])})([^《》〈〉<>]+)的通知$")


@lru_cache(maxsize=1)
def _number_label() -> re.Pattern:
    """A header label before the document's own 文号 (发文字号：)."""
    return re.compile(rf"(?:{_alternation(_language()['docnumber_labels'])})\s*[:：]\s*$")


@lru_cache(maxsize=1)
def _definition_before() -> re.Pattern:
    """A bracket opening a short-form definition, right before a 《short name》."""
    markers = _alternation(_language()["short_form_markers"])
    return re.compile(rf"[(（][^()（）《》\n]{{0,30}}?(?:{markers})[ \t]*[：:“\"]?$")


# ----------------------------------------------------------------------------- titles in 《》
@dataclass
class TitleSpan:
    start: int  # the opening mark
    end: int  # after the closing mark
    parent: Optional[int]  # index of the enclosing span
    mark: int = 1  # width of each title mark (2 for <<…>>)

    def inner(self, text: str) -> str:
        return text[self.start + self.mark:self.end - self.mark]


def title_spans(text: str) -> list[TitleSpan]:
    """Every 《…》 (and top-level 〈…〉), nested ones too, in order of their opening mark.

    Inside a title, 《 〈 < open a nested title; <<…>> typed in ASCII is a 《…》; an opening
    mark left unclosed for MAX_TITLE characters, or a span holding a sentence end, is not a
    title."""
    closed: list[tuple[int, int, int]] = []  # (open, after the close, mark width) in closing order
    parent_of: dict[int, int] = {}  # index in ``closed`` → index of the enclosing span
    stack: list[tuple[int, str]] = []  # open marks: (position, mark)
    inside: dict[int, list[int]] = {}  # open position → spans closed within it
    for m in _MARKS.finditer(text):
        ch, pos = m.group(0), m.start()
        if stack and pos - stack[0][0] > MAX_TITLE:
            stack.clear()
            inside.clear()
        if ch == ">>" and stack and stack[-1][1] == "<":
            ch = ">"  # two nested ASCII titles closing at once: close the inner one here
            _close_span(text, pos, 1, stack, inside, closed, parent_of)
        if ch in ("《", "〈", "<<") or (ch == "<" and stack):
            stack.append((pos, ch))
            continue
        if ch == "》":
            while stack and stack[-1][1] != "《":
                stack.pop()  # an inner mark left open
        elif ch == "〉" or ch == ">":
            if not stack or stack[-1][1] not in ("〈", "<"):
                continue
        elif ch == ">>":
            if not stack or stack[-1][1] != "<<":
                continue
        else:
            continue
        if not stack:
            continue
        _close_span(text, pos, len(ch), stack, inside, closed, parent_of)
    order = sorted(range(len(closed)), key=lambda k: closed[k][0])
    new_index = {old: new for new, old in enumerate(order)}
    return [TitleSpan(closed[k][0], closed[k][1], new_index[parent_of[k]] if k in parent_of else None, closed[k][2])
            for k in order]


def _close_span(text: str, pos: int, width: int, stack: list, inside: dict, closed: list, parent_of: dict) -> None:
    """Close the innermost open mark with the closing mark at ``pos`` (``width`` characters)."""
    open_pos, _ = stack.pop()
    children = inside.pop(open_pos, [])
    inner = text[open_pos + width:pos]
    if "\n" in inner:
        inner = drop_footers(inner)
    if not inner.strip() or _BAD_IN_TITLE.search(inner):
        return
    closed.append((open_pos, pos + width, width))
    for c in children:
        parent_of[c] = len(closed) - 1
    if stack:
        inside.setdefault(stack[-1][0], []).append(len(closed) - 1)


def drop_footers(inner: str) -> str:
    """A title's text without the page-number lines (and the blank lines around them) that a
    PDF printed where the title runs onto the next page."""
    lines = inner.split("\n")
    footer = _footer_line()
    if not any(footer.fullmatch(line) for line in lines[1:-1]):
        return inner
    return "\n".join(line for i, line in enumerate(lines)
                     if i in (0, len(lines) - 1) or (line.strip() and not footer.fullmatch(line)))


def clean_title(inner: str) -> str:
    """The title as written, without line breaks, spaces or page numbers (PDF text breaks titles)."""
    if "\n" in inner:
        inner = drop_footers(inner)
    return re.sub(r"\s+", "", inner)


@dataclass(frozen=True)
class TitleIndex:
    """A text's title spans with each one's clean title, and the span opening at a position."""
    spans: list[TitleSpan]
    titles: list[str]  # clean_title of each span
    by_start: dict[int, int]  # opening mark → span index

    @classmethod
    def of(cls, text: str) -> "TitleIndex":
        spans = title_spans(text)
        return cls(spans, [clean_title(s.inner(text)) for s in spans], {s.start: i for i, s in enumerate(spans)})


def title_kind(title: str) -> str:
    """"regulation" or "other", from the head noun the title ends with (data/citation_kinds.tsv);
    generic words before it only (《通知公告》) name a category, not a document; a draft
    (…办法（征求意见稿）) is not yet one."""
    t = fold(title)
    while True:
        m = TRAILING_NOTE.search(t)
        if not m or m.start() == 0:
            break
        if t[m.start() + 1:m.end() - 1] in _language()["draft_notes"]:
            return "other"
        t = t[:m.start()]
    kind = head_kind(t)
    if kind == "regulation" and _generic_short().fullmatch(t):
        return "other"
    return kind or "other"


def head_kind(folded: str) -> Optional[str]:
    """The kind of the longest listed ending of a folded title, or None."""
    index = _kind_index()
    for n in range(min(index.longest, len(folded)), 0, -1):
        kind = index.by_ending.get(folded[-n:])
        if kind:
            return kind
    return None


def _regulation_ending(folded: str) -> Optional[str]:
    """The longest listed ending of a folded title that names a regulation: 法 of 预算法, and
    also of 算法, whose own kind is other."""
    index = _kind_index()
    for n in range(min(index.longest, len(folded)), 0, -1):
        if index.by_ending.get(folded[-n:]) == "regulation":
            return folded[-n:]
    return None


@dataclass(frozen=True)
class Issuer:
    name: str  # as written: 中共中央办公厅、国务院办公厅
    start: int


def issuer_before(text: str, pos: int) -> Optional[Issuer]:
    """The issuing body written right before the title opening at ``pos``."""
    patterns = _issuer_patterns()
    lo = max(0, pos - ISSUER_LOOKBACK)
    window = text[lo:pos]
    cut = [m.end() for m in _CUT.finditer(window)]
    if cut:
        lo += cut[-1]
        window = text[lo:pos]
    stripped = True
    while stripped:  # 关于印发《…》: both words stand between the body and its title
        stripped = False
        for link in patterns.title_links:
            if window.endswith(link):
                window, stripped = window[:-len(link)], True
                break
    # the body starts at the window's start or right after a word that introduces it
    # (认真贯彻|根据|学习|和 …), and holds no such word itself
    inside_word = {i for m in patterns.long_leads.finditer(window) for i in range(m.start() + 1, m.end())}
    for p in range(len(window)):
        head, rest = window[:p], window[p:]
        if p and (p in inside_word or not head.endswith(patterns.leads)):  # 对 of 对照 introduces nothing
            continue
        if rest[0] in patterns.short_leads or patterns.long_leads.search(rest):
            continue
        if patterns.bodies.fullmatch(rest):
            return Issuer(rest, lo + p)
    return None


# ----------------------------------------------------------------------------- resolution
@dataclass(frozen=True)
class Resolved:
    canonical_title: str
    key: str
    entry: Optional[Entry] = None
    doc_number: Optional[DocNumber] = None
    edition: Optional[str] = None  # the edition key the written text names (its 文号, a year note)


def _resolve(title: str, number: Optional[DocNumber], issuer: Optional[str]) -> Resolved:
    """Title and/or 文号 → what they cite, with the edition the 文号 or a year note names."""
    auth = authority()
    if number is not None:
        entry, edition = auth.by_docnumber(number)
        if entry is not None:
            return Resolved(entry.title, entry.key, entry, number, edition)
    if title:
        entry = auth.by_name(title, issuer)
        if entry is not None:
            return Resolved(entry.title, entry.key, entry, number or entry.number)
        note = _edition_note().search(title)  # 《…条例（2019年修订）》: the work, that edition
        entry = auth.by_name(title[:note.start()], issuer) if note else None
        if entry is not None:
            edition = entry.edition_of_year(int(note.group(1)))
            return Resolved(entry.title, entry.key, entry, number or entry.number, edition.key if edition else None)
        canon = canonical_title(title)
        return Resolved(canon, canon, None, number)
    assert number is not None
    return Resolved(number.text, number.text, None, number)


@dataclass
class _Context:
    doc: Document
    info: DocumentInfo
    issued: Optional[date]

    def edition(self, resolved: "Resolved", start: int) -> Optional[str]:
        """The edition cited at ``start``: the one the text names, else the latest after a
        revision word, else the one in force when the document was issued or for its year."""
        entry = resolved.entry
        if entry is None or not entry.editions:
            return None
        if resolved.edition:
            return resolved.edition
        before = self.doc.text[max(0, start - REVISION_LOOKBACK):start]
        if any(before.endswith(m) for m in _language()["revision_markers"]):
            return entry.edition_for(latest=True).key
        if self.info.type == "PolicyDocument" and self.issued:
            return entry.edition_for(on=self.issued).key
        return entry.edition_for(year=self.info.year).key


def _doc_number(written: Optional[DocNumber], resolved: "Resolved", edition: Optional[str]) -> Optional[DocNumber]:
    """The 文号 a citation carries: the authority's spelling where the written one names the
    same entry (中华人民共和国国务院令第711号 → 国务院令第711号), else the written one, else the
    authority's."""
    listed = _number_of(resolved.entry, edition)
    if written is None:
        return listed or resolved.doc_number
    if listed is not None and authority().by_docnumber(written)[0] is resolved.entry:
        return listed
    return written


def _number_of(entry: Optional[Entry], edition_key: Optional[str]) -> Optional[DocNumber]:
    if entry is None:
        return None
    for ed in entry.editions:
        if ed.key == edition_key:
            return ed.number
    return entry.number


# ----------------------------------------------------------------------------- the document itself
@dataclass
class _Own:
    titles: set[str]  # folded own title and the titles inside it
    numbers: set[str]  # own 文号, canonical
    keys: set[str]  # authority keys the document itself resolves to
    lines: list[tuple[int, int]]  # spans of lines that print the own title

    def covers(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.lines)


_STANDALONE_NUMBER_ZONE = 1500  # a 文号 alone on a line this near the top is the document's own


def _own(doc: Document, info: DocumentInfo) -> _Own:
    titles, numbers, keys = set(), set(), set()
    for t in (info.title, doc.header.get("标题", "")):
        if not t:
            continue
        titles.add(fold(t))
        for span in title_spans(t):
            titles.add(fold(clean_title(span.inner(t))))
        issued = _issuing_notice().search(fold(t))  # 关于印发某办法的通知 written without 《》
        if issued and len(issued.group(1)) >= MIN_ISSUED_TITLE:
            titles.add(issued.group(1))
        entry = authority().by_name(t)
        if entry:
            keys.add(entry.key)
    for n in (info.doc_number, doc.header.get("文号", "")):
        parsed = docnumbers.parse(n) if n else None
        if parsed:
            numbers.add(parsed.text)
    text = doc.text
    for d in docnumbers.find_docnumbers(text, 0, min(len(text), _STANDALONE_NUMBER_ZONE)):
        line_start = text.rfind("\n", 0, d.start) + 1
        line_end = text.find("\n", d.end)
        line_end = len(text) if line_end < 0 else line_end
        before = text[line_start:d.start]
        if (not before.strip() or _number_label().search(before)) and not text[d.end:line_end].strip():
            numbers.add(d.number.text)
    for n in numbers:
        entry, _ = authority().by_docnumber(docnumbers.parse(n))
        if entry:
            keys.add(entry.key)
    lines = []
    own_folded = {fold(t) for t in (info.title, doc.header.get("标题", "")) if t}
    if own_folded:
        shortest = min(map(len, own_folded))
        longest = max(map(len, own_folded)) + OWN_TITLE_LINE_SLACK
        pos = 0
        for line in text.split("\n"):
            if shortest <= len(line) <= longest and fold(line) in own_folded:
                lines.append((pos, pos + len(line)))
            pos += len(line) + 1
    return _Own(titles - {""}, numbers, keys, lines)


# ----------------------------------------------------------------------------- what a bracket says
@dataclass(frozen=True)
class Bracket:
    open: int  # the opening bracket
    end: int  # after the closing bracket

    @property
    def content(self) -> tuple[int, int]:
        """Start and end of the text between the brackets."""
        return self.open + 1, self.end - 1


def _bracket_after(text: str, end: int) -> Optional[Bracket]:
    """The bracket that follows position ``end`` (spaces allowed)."""
    i = end
    while i < len(text) and text[i] in " \t\u3000\n\r":
        i += 1
    if i < len(text) and text[i] in "〔﹝":
        # 〔〕 usually holds a 文号's year; round a whole 文号 (〔环境保护部令第35号〕) it is a bracket
        m = re.compile(r"[〔﹝]([^〔〕﹝﹞\n]{2,30}[号號])[〕﹞]").match(text, i)
        return Bracket(i, m.end()) if m else None
    if i >= len(text) or text[i] not in "(（[［【":
        return None
    close = re.compile(r"[)）\]］】]").search(text, i + 1, min(len(text), i + MAX_BRACKET))
    return Bracket(i, close.end()) if close else None


@dataclass(frozen=True)
class ShortDefinition:
    """A short form a bracket defines (以下简称《条例》): its name (None where the marker is
    followed by none) and, where it is written in 《》, the index of that title span."""
    name: Optional[str] = None
    span: Optional[int] = None


def _short_definition(text: str, start: int, end: int, index: TitleIndex) -> Optional[ShortDefinition]:
    """In ``text[start:end]`` (a bracket's content): the short form a 以下简称 defines, or None
    where there is no such marker."""
    for marker in _language()["short_form_markers"]:
        i = text.find(marker, start, end)
        if i < 0:
            continue
        j = i + len(marker)
        while j < end and text[j] in " ：:\n“\"'‘":
            j += 1
        if j in index.by_start:
            span = index.by_start[j]
            return ShortDefinition(index.titles[span], span)
        name = re.match(r"[\u4e00-\u9fff]+", text[j:end])
        return ShortDefinition(name=name.group(0) if name else None)
    return None


@dataclass(frozen=True)
class BracketNotes:
    """What the bracket right after a title says of it."""
    # every 文号 in it is the title's: （国务院令第711号，以下简称…）; of a history
    # (…第492号公布，…第711号修订) the last names the text as cited
    numbers: tuple[docnumbers.DocNumberMatch, ...] = ()
    short: Optional[ShortDefinition] = None  # （以下简称《条例》）
    revised_year: Optional[int] = None  # （…，2018年修订）: the edition of that year


def _bracket_notes(text: str, end: int, index: TitleIndex) -> Optional[BracketNotes]:
    """The notes of the bracket that follows a title ending at ``end``, or None where no bracket
    follows. A definition may have a bracket of its own right after the 文号's:
    《…》（国务院令第711号）（以下简称《条例》）."""
    br = _bracket_after(text, end)
    if br is None:
        return None
    numbers = tuple(docnumbers.find_docnumbers(text, br.open + 1, br.end))
    short = _short_definition(text, *br.content, index)
    if short is None and numbers:
        second = _bracket_after(text, br.end)
        if second and second.open == br.end:
            short = _short_definition(text, *second.content, index)
    revised = _revised().search(text, br.open, br.end)
    return BracketNotes(numbers, short, int(revised.group(1)) if revised else None)


def _detached_note_end(text: str, end: int) -> int:
    """Where a trial note written right after a title's 》 ends (《…办法》（试行）: the note is
    part of the title), or ``end`` where none follows."""
    note = _detached_note().match(text, end)
    return note.end() if note else end


def _number_in_marks(title: str) -> Optional[DocNumber]:
    """A 文号 written in title marks (《沪府办〔2020〕20号》) cites by number."""
    return docnumbers.parse(title) if title.endswith("号") else None


# ----------------------------------------------------------------------------- short forms defined after prose
_UNQUOTED_RUN = re.compile(r"[\u4e00-\u9fff0-9“”\"]+$")


@dataclass(frozen=True)
class UnquotedTarget:
    """What a short form defined after prose names: a title written without 《》 ("" for a bare
    文号) and the 文号 just before or inside the defining bracket."""
    title: str
    number: Optional[docnumbers.DocNumberMatch]
    start: int
    end: int


def _defined_after_unquoted(text: str, span: TitleSpan) -> Optional[UnquotedTarget]:
    """For a 《short name》 that a bracket defines (（下称《规定》）, （省政府令第5号，以下简称《办法》）)
    where the bracket follows no 》: what it names. None where the bracket follows a title in 《》
    (that title's own definition) or names nothing this can read."""
    lo = max(0, span.start - DEFINITION_LOOKBACK)
    m = _definition_before().search(text, lo, span.start)
    if not m:
        return None
    bracket = m.start()
    stop = bracket
    while stop > 0 and text[stop - 1] in " \t\u3000":
        stop -= 1
    if stop and text[stop - 1] in "》〉>":  # also the end of >>
        return None
    number = next(docnumbers.find_docnumbers(text, bracket + 1, span.start), None)
    before = [d for d in docnumbers.find_docnumbers(text, max(0, stop - DOCNUMBER_LOOKBACK), stop) if d.end == stop]
    if before and number is None:
        return UnquotedTarget("", before[-1], before[-1].start, before[-1].end)
    run = _UNQUOTED_RUN.search(text, max(0, stop - UNQUOTED_LOOKBACK), stop)
    if not run:
        return None
    title = _after_lead_word(run.group(0))
    start = stop - len(title)
    ending = _regulation_ending(fold(clean_title(span.inner(text))))
    if len(title) < MIN_UNQUOTED_TITLE or not ending or not title.endswith(ending) or title_kind(title) != "regulation":
        return None
    return UnquotedTarget(title, number, start, stop if number is None else number.end)


def _after_lead_word(run: str) -> str:
    """The end of a run of prose after the last word that introduces a title in it (根据, 和 …),
    where that word is not inside a name (中华人民共和国 holds 和)."""
    return run[docnumbers.lead_word_cut(run, _language()["unquoted_title_lead_words"]):]


# ----------------------------------------------------------------------------- one title in 《》
@dataclass(frozen=True)
class WrittenTitle:
    """A title in 《》 with what is written around it."""
    title: str  # as written, with a detached trial note; "" where the marks hold a 文号
    folded: str  # the title folded, kept where a 文号 in the marks empties ``title``
    end: int  # after the title, its note or the 文号 in its bracket
    number: Optional[docnumbers.DocNumberMatch] = None  # the 文号 it is cited with
    numbers_taken: tuple[tuple[int, int], ...] = ()  # spans of every 文号 that belongs to it
    short: Optional[ShortDefinition] = None  # the short form its bracket defines
    revised_year: Optional[int] = None  # the year its bracket dates the text to
    issuer: Optional[Issuer] = None  # the body written before it


def written_title(text: str, index: TitleIndex, i: int) -> WrittenTitle:
    """Title span ``i`` and what its note, its bracket, its marks and the words before it add.
    A nested title has only its words: what is around its marks belongs to the title around it."""
    span, title = index.spans[i], index.titles[i]
    if span.parent is not None:
        return WrittenTitle(title, fold(title), span.end)
    end = _detached_note_end(text, span.end)
    title += text[span.end:end].strip()
    notes = _bracket_notes(text, end, index)
    number = notes.numbers[-1] if notes and notes.numbers else None
    taken = tuple((d.start, d.end) for d in notes.numbers) if notes else ()
    if number:
        end = max(end, number.end)
    folded = fold(title)
    inside = _number_in_marks(title) if number is None else None
    if inside:
        number = docnumbers.DocNumberMatch(inside, span.start, span.end)
        taken += ((span.start, span.end),)
        title = ""
    return WrittenTitle(title, folded, end, number, taken, notes.short if notes else None,
                        notes.revised_year if notes else None, issuer_before(text, span.start))


@dataclass(frozen=True)
class TitleContext:
    """What a title is read against besides what is written around it."""
    bindings: Mapping[str, Resolved]  # short forms bound so far: folded name → what it cites
    defaults_apply: bool  # the document is about disclosure: a bare 《条例》 has a default meaning


@dataclass(frozen=True)
class Reading:
    """What a written title cites and how."""
    resolved: Resolved
    form: Literal["title", "short", "docnumber", "title+docnumber"]
    kind: Literal["regulation", "other"] = "regulation"


def _bound_short_form(written: WrittenTitle, context: TitleContext) -> Optional[Reading]:
    """《条例》 after （以下简称《条例》）: the title its definition bound it to."""
    if written.number or written.folded not in context.bindings:
        return None
    return Reading(context.bindings[written.folded], "short")


def _default_short_form(written: WrittenTitle, context: TitleContext) -> Optional[Reading]:
    """A bare 《条例》 in a document about government information disclosure: the 政府信息公开条例."""
    titles = _language()["short_form_defaults"]["titles"]
    if written.number or not context.defaults_apply or written.folded not in titles:
        return None
    entry = authority().get(titles[written.folded])
    resolved = Resolved(entry.title, entry.key, entry, entry.number) if entry else Resolved(written.title, written.title)
    return Reading(resolved, "short")


def _generic_short_form(written: WrittenTitle, context: TitleContext) -> Optional[Reading]:
    """《暂行办法》 bound to nothing: a short form no one can resolve, kind other."""
    if written.number or not _generic_short().fullmatch(written.folded):
        return None
    return Reading(Resolved(written.title, canonical_title(written.title)), "short", "other")


def _full_title(written: WrittenTitle, context: TitleContext) -> Optional[Reading]:
    """A full title and/or its 文号, resolved through the authority list; a title that resolves
    to nothing is kind other where its head noun says so."""
    resolved = _resolve(written.title, written.number.number if written.number else None,
                        written.issuer.name if written.issuer else None)
    if not written.title:
        return Reading(resolved, "docnumber")
    kind = "other" if resolved.entry is None and title_kind(written.title) == "other" else "regulation"
    return Reading(resolved, "title+docnumber" if written.number else "title", kind)


# tried in this order; the last always reads
_TITLE_READERS = (_bound_short_form, _default_short_form, _generic_short_form, _full_title)


def read_title(written: WrittenTitle, context: TitleContext) -> Reading:
    """What a written title cites, by the first reader that knows: a short form bound earlier,
    a default short form, a generic short form, else the title and 文号 themselves; a year the
    bracket dates the text to picks the edition the 文号 did not."""
    for read in _TITLE_READERS:
        reading = read(written, context)
        if reading is not None:
            break
    resolved = reading.resolved
    if written.revised_year and resolved.entry and not resolved.edition:
        year_edition = resolved.entry.edition_of_year(written.revised_year)
        edition = year_edition.key if year_edition is not None else None
        reading = replace(reading, resolved=replace(resolved, edition=edition))
    return reading


# ----------------------------------------------------------------------------- the document
@dataclass(frozen=True)
class _Found:
    """What one title span gives: a citation (None where it cites the document itself, or only
    defines a short form for a bare 文号), a short form bound to what it cites, and the 文号 and
    《short name》 it takes, which are no citations of their own."""
    citation: Optional[Citation] = None
    of_span: bool = True  # the citation is of the span's own title, so titles nested in it point to it
    binds: Optional[str] = None  # folded short name bound to ``resolved``
    resolved: Optional[Resolved] = None
    numbers_taken: tuple[tuple[int, int], ...] = ()
    span_taken: Optional[int] = None


@dataclass
class _Scan:
    """One document being read: what every step reads, and what earlier titles leave for later
    ones (short forms bound, 文号 and 《short names》 taken, the citations so far)."""
    text: str
    doc_context: _Context  # what picks an edition: the document's date and type
    own: _Own
    index: TitleIndex
    title_context: TitleContext  # its bindings are ``bindings``, growing as titles define short forms
    bindings: dict[str, Resolved]  # folded short name → what it cites
    spans_taken: set[int] = field(default_factory=set)
    numbers_taken: list[tuple[int, int]] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    citation_of_span: dict[int, int] = field(default_factory=dict)  # span index → index in citations

    @classmethod
    def of(cls, doc: Document, info: DocumentInfo) -> "_Scan":
        bindings: dict[str, Resolved] = {}
        title_context = TitleContext(bindings, _language()["short_form_defaults"]["context"] in doc.text)
        return cls(doc.text, _Context(doc, info, _issued_on(info)), _own(doc, info), TitleIndex.of(doc.text),
                   title_context, bindings)

    def take(self, i: int, found: _Found) -> None:
        """Keep what span ``i`` gave for the spans after it and the 文号 pass."""
        if found.binds is not None:
            self.bindings[found.binds] = found.resolved
        if found.span_taken is not None:
            self.spans_taken.add(found.span_taken)
        self.numbers_taken.extend(found.numbers_taken)
        if found.citation is None:
            return
        citation, parent = found.citation, self.index.spans[i].parent
        if parent is not None and parent in self.citation_of_span:
            citation = replace(citation, nested_in=self.citation_of_span[parent])
        self.citations.append(citation)
        if found.of_span:
            self.citation_of_span[i] = len(self.citations) - 1


def _issued_on(info: DocumentInfo) -> Optional[date]:
    try:
        return date.fromisoformat(info.issued[:10]) if info.issued else None
    except ValueError:
        return None


def _short_form_of_unquoted(scan: _Scan, i: int) -> Optional[_Found]:
    """《规定》 defined for a title written without 《》 or for a 文号 right before the bracket
    (根据省政府信息公开规定（下称《规定》）): binds the short form and cites that title; a bare
    文号 is left to the 文号 pass."""
    span = scan.index.spans[i]
    if span.parent is not None:
        return None
    target = _defined_after_unquoted(scan.text, span)
    if target is None:
        return None
    short_name = fold(scan.index.titles[i])
    written = target.number.number if target.number else None
    resolved = _resolve(target.title, written, None)
    if not target.title:
        return _Found(binds=short_name, resolved=resolved)
    taken = ((target.number.start, target.number.end),) if target.number else ()
    edition = scan.doc_context.edition(resolved, target.start)
    doc_number = _doc_number(written, resolved, edition)
    citation = None
    if not _is_own(scan.own, fold(target.title), resolved, doc_number, target.start, target.end):
        citation = Citation(
            title=target.title, start=target.start, end=target.end, form="title+docnumber" if target.number else "title",
            doc_number=doc_number, canonical_title=resolved.canonical_title,
            regulation_key=resolved.key, edition_key=edition)
    return _Found(citation, of_span=False, binds=short_name, resolved=resolved, numbers_taken=taken)


def _quoted_title(scan: _Scan, i: int) -> _Found:
    """A title in 《》 with its note, bracket and issuer: cited unless it is the document itself;
    a short form its bracket defines is bound to it where it names a regulation."""
    span = scan.index.spans[i]
    written = written_title(scan.text, scan.index, i)
    issuer = written.issuer
    reading = read_title(written, scan.title_context)
    resolved = reading.resolved
    short = written.short
    binds = fold(short.name) if short and short.name and reading.kind == "regulation" else None
    edition = scan.doc_context.edition(resolved, span.start)
    doc_number = _doc_number(written.number.number if written.number else None, resolved, edition)
    citation = None
    if not _is_own(scan.own, written.folded, resolved, doc_number, span.start, span.end):
        citation = Citation(
            title=written.title, start=issuer.start if issuer else span.start, end=written.end,
            form=reading.form, kind=reading.kind, doc_number=doc_number, issuer=issuer.name if issuer else None,
            canonical_title=resolved.canonical_title,
            regulation_key=resolved.key if reading.kind == "regulation" else None, edition_key=edition)
    return _Found(citation, binds=binds, resolved=resolved, numbers_taken=written.numbers_taken,
                  span_taken=short.span if short else None)


# tried in this order for each title span; the last always reads
_SPAN_READERS = (_short_form_of_unquoted, _quoted_title)


def _bare_docnumbers(scan: _Scan) -> list[Citation]:
    """A citation for every 文号 no title took, except the document's own."""
    out = []
    for d in docnumbers.find_docnumbers(scan.text):
        if any(s <= d.start < e for s, e in scan.numbers_taken) or d.number.text in scan.own.numbers:
            continue
        resolved = _resolve("", d.number, None)
        if resolved.key in scan.own.keys:
            continue
        edition = scan.doc_context.edition(resolved, d.start)
        out.append(Citation(
            title="", start=d.start, end=d.end, form="docnumber", kind="regulation",
            doc_number=_doc_number(d.number, resolved, edition), canonical_title=resolved.canonical_title,
            regulation_key=resolved.key, edition_key=edition,
        ))
    return out


def find_citations(doc: Document, info: DocumentInfo) -> list[Citation]:
    """Every citation in the document, in text order: each title in 《》 (by the first span
    reader that reads it), then every 文号 no title took."""
    scan = _Scan.of(doc, info)
    for i, title in enumerate(scan.index.titles):
        if i in scan.spans_taken or not title:
            continue  # a short name its definition took cites nothing
        for read in _SPAN_READERS:
            found = read(scan, i)
            if found is not None:
                scan.take(i, found)
                break
    return _sorted(scan.citations + _bare_docnumbers(scan))


def _is_own(own: _Own, folded: str, resolved: Resolved, number: Optional[DocNumber], start: int, end: int) -> bool:
    if folded in own.titles or own.covers(start, end) or fold(resolved.canonical_title) in own.titles:
        return True  # …or a short form bound to the document's own title
    if resolved.entry is not None and resolved.key in own.keys:
        return True
    return number is not None and number.text in own.numbers


def _sorted(cits: list[Citation]) -> list[Citation]:
    """Text order, with ``nested_in`` renumbered to the new positions."""
    order = sorted(range(len(cits)), key=lambda i: (cits[i].start, -cits[i].end))
    new_index = {old: new for new, old in enumerate(order)}
    return [cits[old] if cits[old].nested_in is None else replace(cits[old], nested_in=new_index[cits[old].nested_in])
            for old in order]
