"""Typed records that flow out of extract/: documents, sections and facts.

Every fact carries character offsets into the *normalised* text (``Document.text``);
``Document.original_span`` maps them back to the text as read, so evidence can always quote the
words a fact came from. Nothing here knows about RDF.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Optional


# --------------------------------------------------------------------------- what a reader saw
# A file's words as one string plus the tables it saw as tables, before normalisation.
@dataclass
class RawCell:
    row: int
    col: int
    text: str
    start: int  # offsets into RawText.text
    end: int
    origin: tuple[int, int] = (-1, -1)  # slot of the spanned source cell (see model.Cell)


@dataclass
class RawTable:
    rows: list[list[RawCell]]
    start: int
    end: int


@dataclass
class RawText:
    path: str
    media_type: str
    encoding: str
    text: str
    tables: list[RawTable] = field(default_factory=list)
    header: dict[str, str] = field(default_factory=dict)
    damage: tuple[str, ...] = ()  # bytes that are not text in the encoding, each run described


@dataclass(frozen=True)
class Cell:
    """One cell of a table as the page laid it out (after rowspan/colspan are expanded)."""

    row: int
    col: int
    text: str
    start: int  # offsets of the cell text in Document.text (-1 where it has no text)
    end: int
    # the slot of the source cell this one repeats (rowspan/colspan): equal to (row, col) for a
    # cell of its own, so a copy of a spanned cell is never taken for a second printed value
    origin: tuple[int, int] = (-1, -1)

    @property
    def is_copy(self) -> bool:
        return self.origin != (-1, -1) and self.origin != (self.row, self.col)


@dataclass
class Table:
    """A table kept as a table (HTML, or `|` rows in text); ``rows`` is the expanded grid."""

    rows: list[list[Cell]]
    start: int
    end: int


@dataclass(frozen=True)
class Section:
    """A numbered heading (一、 / （一） / 1.) and the text it governs."""

    level: int  # 1 for 一、, 2 for （一）, 3 for 1.
    label: str  # the numbering as printed: "一", "（二）", "3"
    title: str  # the heading text after the numbering, up to the end of the line or sentence
    start: int  # heading start
    end: int  # end of the section's text (start of the next heading at this level or higher)
    parent: Optional[int] = None  # index of the enclosing section in Document.sections


@dataclass
class Document:
    """A file read and normalised: the unit every extractor works on."""

    source: str  # the file name, the document's stable identity in the graph
    path: str
    media_type: str  # text/plain, text/markdown, text/html, application/pdf
    encoding: str
    original: str  # the text as read (for HTML: the article text extracted from the page)
    text: str  # canonical simplified Chinese, NFKC-folded
    offsets: list[int]  # offsets[i] = index in ``original`` of normalised char i; len(text)+1 long
    traditional: bool = False  # the source was in traditional characters
    tables: list[Table] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    header: dict[str, str] = field(default_factory=dict)  # crawler/page header fields (标题, 发布机构, 来源 …)
    damage: tuple[str, ...] = ()  # bytes the reader could not decode, each run described (where, how many)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``original`` that normalised ``text[start:end]`` came from."""
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        o_start = self.offsets[start]
        o_end = self.offsets[end] if end > start else o_start
        return o_start, max(o_start, o_end)

    def quote(self, start: int, end: int) -> str:
        """The original words behind ``text[start:end]``."""
        s, e = self.original_span(start, end)
        return self.original[s:e]

    def section_at(self, offset: int) -> list[Section]:
        """The sections enclosing ``offset``, outermost first."""
        return [s for s in self.sections if s.start <= offset < s.end]


@dataclass(frozen=True)
class Finding:
    """Something a careful reader would flag: an unbalanced table, an unknown division, …"""

    kind: str  # short machine name: "identity", "ocr-division", "unparsed-cell", …
    message: str
    start: int = -1
    end: int = -1


@dataclass(frozen=True)
class DocumentInfo:
    """What the document is and who issued it for which year."""

    # the kinds of agency_document_kinds.tsv, or a file that is none (extract/recognise.py)
    type: Literal["AnnualReport", "PolicyDocument", "UnrecognisedDocument"]
    title: str
    agency: str  # canonical full name, zh-Hans (上海市杨浦区人民政府)
    adcode: str  # 6-digit GB/T 2260 code of the agency's division ("100000" for national bodies)
    year: Optional[int]  # year reported on; for a policy document, the year issued
    issued: Optional[str] = None  # ISO date the document was published or signed, where printed
    doc_number: Optional[str] = None  # the document's own 文号 (a notice's 沪府办〔2020〕20号)
    format: Optional[str] = None  # report format key: "2008", "2019", "2021"
    agency_start: int = -1
    agency_end: int = -1


@dataclass(frozen=True)
class DocNumber:
    """A parsed 文号: 国办公开办函〔2019〕60号 → issuer code 国办公开办函, year 2019, serial 60."""

    text: str  # canonical form, 〔〕 brackets and 号
    issuer_code: str
    year: Optional[int]
    serial: str


@dataclass(frozen=True)
class Citation:
    """One mention of a regulation or other titled document in the text."""

    title: str  # title as written after normalisation, without 《》 ("" for a bare 文号)
    start: int
    end: int
    # how the text cites: a title, a short form bound to one, a bare 文号, a title with its 文号
    form: Literal["title", "short", "docnumber", "title+docnumber"]
    # what the cited thing is: "other" for a permit, website, periodical, report, guide…
    kind: Literal["regulation", "other"] = "regulation"
    doc_number: Optional[DocNumber] = None
    issuer: Optional[str] = None  # issuing body written before the title
    canonical_title: Optional[str] = None  # resolved full title (short forms, authority list)
    nested_in: Optional[int] = None  # index of the citation whose title contains this one
    # Stable identity of the cited work across the corpus (the graph mints its IRI from it):
    # the authority list's key where the citation resolves to an entry, else the canonical title,
    # else the canonical 文号. ``edition_key`` names the edition in force (条例: 国务院令第711号).
    regulation_key: Optional[str] = None
    edition_key: Optional[str] = None


@dataclass(frozen=True)
class DomainMention:
    """A domain of the SKOS scheme named in the text, with where and how it is named."""

    domain: str  # skos:prefLabel@zh-Hans of the concept
    label: str  # the label or alt label matched
    start: int
    end: int
    context: str  # "heading" | "list" | "table" | "prose"
    weight: float


@dataclass(frozen=True)
class DomainReport:
    """The document reports on a domain: the decision and its evidence."""

    domain: str
    weight: float
    mentions: tuple[DomainMention, ...]


@dataclass(frozen=True)
class Observation:
    """One printed number, as a Data Cube observation."""

    metric: str  # skos:prefLabel@zh-Hans of the metric concept
    breakdown: tuple[str, ...]  # prefLabels of the breakdown members (empty for a total)
    value: Optional[float]  # None where the cell is blank, "/" or "—" (raw keeps what was printed)
    raw: str  # the printed text of the number or cell
    start: int
    end: int
    unit: str = "count"  # "count" | "yuan" | "percent" | "person" …
    approximate: bool = False  # 余/多/近/约: the value is a lower bound
    derived: bool = False  # not printed: computed from printed figures
    table: Optional[Literal["二", "三", "四", "统计表"]] = None  # the table it was read from; None for prose
    row: Optional[str] = None  # row label as printed
    column: Optional[str] = None  # column label as printed


@dataclass(frozen=True)
class AgencyMention:
    """An agency named in the text, expanded to its canonical name."""

    name: str  # as written (区房管局)
    canonical: str  # full name (上海市杨浦区房屋管理局)
    parent: Optional[str]  # canonical name of the government it belongs to
    adcode: Optional[str]
    start: int
    end: int


@dataclass(frozen=True)
class IssuingBody:
    """One body a regulation's issuer names, read as an agency in extract so that the graph
    writes it as it is: 国务院办公厅 → under 国务院, both 100000."""

    written: str  # one issuer as written; joint issuers (中共中央办公厅、国务院办公厅) are one each
    canonical: str
    parent: Optional[str]  # canonical name of the government it belongs to
    adcode: Optional[str]
    parent_adcode: Optional[str]  # the parent's own code, where the parent's name reads as an agency


@dataclass
class DocumentFacts:
    """Everything extracted from one document."""

    document: Document
    info: DocumentInfo
    citations: list[Citation] = field(default_factory=list)
    domains: list[DomainReport] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)
    agencies: list[AgencyMention] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    # the issuers of the regulations cited (as the citation writes them or the authority list
    # gives them) → the bodies each names, in order
    issuers: dict[str, tuple[IssuingBody, ...]] = field(default_factory=dict)
