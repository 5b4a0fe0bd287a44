"""The named steps of citation reading, one table each: what a bracket after a title says, who
issued a title, what a 《》 is written with, which title reader reads it, which span reader takes
it, the bare 文号 pass, and the 文号 readers.

Rows marked "corpus" are real sentences, located in ../shared/corpus by a short locator (the
project never copies the corpus text); the other rows reuse sentences already written for
tests/test_citations.py (invented names in the style of real reports)."""
from __future__ import annotations

from pathlib import Path
from typing import get_args, get_type_hints

import pytest

from disclosure_kg.extract import citations as C
from disclosure_kg.extract import docinfo, docnumbers
from disclosure_kg.extract.model import Citation, DocumentInfo
from disclosure_kg.extract.pipeline import document_from_text, load
from disclosure_kg.extract.regulations import canonical_title, fold

TIAOLI = "中华人民共和国政府信息公开条例"


@pytest.fixture(scope="module")
def corpus_doc(corpus_dir: Path):
    cache = {}

    def get(name):
        if name not in cache:
            cache[name] = load(corpus_dir / name)
        return cache[name]
    return get


def _at(text: str, locator: str) -> int:
    i = text.find(locator)
    assert i >= 0, f"locator {locator!r} not in the text"
    return i


def _span_index(index: C.TitleIndex, start: int) -> int:
    assert start in index.by_start, f"no title span opens at {start}"
    return index.by_start[start]


def _text(written: str) -> str:
    """A sentence written for the tests, normalised as a document's text is."""
    return document_from_text(written).text


# ------------------------------------------------------------------ what a bracket says
# (file, the bracket as written, (short name, written in 《》) or None)
SHORT_DEFINITIONS = [
    ("101_pingtan_2011.txt", "（以下简称《条例》）", ("条例", True)),
    ("106_pingtan_2023.txt", "（国务院令第711号，以下简称《条例》）", ("条例", True)),
    ("109_notice_2019_60.txt", "（以下简称新条例）", ("新条例", False)),
    ("104_pingtan_2019.txt", "（以下简称区办公室）", ("区办公室", False)),
    ("001_921786cd5a80cdaf.txt", "(国务院令第492号)", None),
]


@pytest.mark.corpus
@pytest.mark.parametrize("name, bracket, expected", SHORT_DEFINITIONS)
def test_short_definition(corpus_doc, name, bracket, expected):
    text = corpus_doc(name).text
    i = _at(text, bracket)
    got = C._short_definition(text, i + 1, i + len(bracket) - 1, C.TitleIndex.of(text))
    assert (got and (got.name, got.span is not None)) == expected


# (sentence, the title it follows, the bracket after it or None)
BRACKETS_AFTER = [
    ("落实《环境保护公众参与办法》〔环境保护部令第35号〕要求。", "《环境保护公众参与办法》", "〔环境保护部令第35号〕"),
    ("依据《优化营商环境条例》（国务院令第7\n22号）开展工作。", "《优化营商环境条例》", "（国务院令第7\n22号）"),
    ("执行《某区政务新媒体管理办法》，试行期间。", "《某区政务新媒体管理办法》", None),
]


@pytest.mark.parametrize("sentence, title, expected", BRACKETS_AFTER)
def test_bracket_after(sentence, title, expected):
    text = _text(sentence)
    br = C._bracket_after(text, _at(text, title) + len(title))
    assert (text[br.open:br.end] if br else None) == expected


# (file, locator from the title's 《, (文号 in the bracket), revised year)
BRACKET_NOTES = [
    ("106_pingtan_2023.txt", "《中华人民共和国政府信息公开条例》（国务院令第711号", ("国务院令第711号",), None),
    ("105_pingtan_2021.txt", "《关于做好政府信息公开信息处理费收入收缴管理有关事项的通知》（闽财非税函", ("闽财非税函〔2021〕1号",), None),
    ("104_pingtan_2019.txt", "《平潭综合实验区政府投资项目管理办法（修订）》", (), None),  # no bracket follows
]


@pytest.mark.corpus
@pytest.mark.parametrize("name, locator, numbers, year", BRACKET_NOTES)
def test_bracket_notes(corpus_doc, name, locator, numbers, year):
    text = corpus_doc(name).text
    index = C.TitleIndex.of(text)
    span = index.spans[_span_index(index, _at(text, locator))]
    notes = C._bracket_notes(text, span.end, index)
    if not numbers:
        assert notes is None or not notes.numbers
        return
    assert tuple(d.number.text for d in notes.numbers) == numbers
    assert notes.revised_year == year


# every 文号 in the bracket is the title's (the last names the edition); a year written right
# before 修订 dates the text where no 文号 names the edition
@pytest.mark.parametrize("sentence, numbers, year", [
    ("根据《中华人民共和国政府信息公开条例》（2007年4月5日中华人民共和国国务院令第492号公布，"
     "2019年4月3日中华人民共和国国务院令第711号修订）",
     ("中华人民共和国国务院令第492号", "中华人民共和国国务院令第711号"), None),  # as written; cited as 国务院令第711号
    ("依据《某市政府信息公开规定》（市政府令第5号，2018年修订），", ("市政府令第5号",), 2018),
    ("根据《中华人民共和国政府信息公开条例》（国务院令第711号）（以下简称《条例》），落实《条例》。", ("国务院令第711号",), None),
])
def test_bracket_notes_of_a_history(sentence, numbers, year):
    text = _text(sentence)
    index = C.TitleIndex.of(text)
    notes = C._bracket_notes(text, index.spans[0].end, index)
    assert tuple(d.number.text for d in notes.numbers) == numbers
    assert notes.revised_year == year


def test_a_definition_in_its_own_bracket_after_the_docnumber():
    text = _text("根据《中华人民共和国政府信息公开条例》（国务院令第711号）（以下简称《条例》），落实《条例》。")
    index = C.TitleIndex.of(text)
    notes = C._bracket_notes(text, index.spans[0].end, index)
    assert notes.short == C.ShortDefinition("条例", 1)


@pytest.mark.parametrize("sentence, title, note", [
    ("执行《某区政务新媒体管理办法》（试行），", "《某区政务新媒体管理办法》", "（试行）"),
    ("印发《某区依申请公开工作规范》(试行)(某政办〔2019〕9号)。", "《某区依申请公开工作规范》", "(试行)"),
    ("执行《某区政务新媒体管理办法》，试行期间。", "《某区政务新媒体管理办法》", ""),
])
def test_detached_note_end(sentence, title, note):
    text = _text(sentence)
    end = _at(text, title) + len(title)
    assert text[end:C._detached_note_end(text, end)] == note


@pytest.mark.parametrize("title, number", [
    ("沪府办〔2020〕20号", "沪府办〔2020〕20号"),
    ("中华人民共和国政府信息公开条例", None),
    ("关于政府信息公开工作年度报告有关事项的通知", None),
])
def test_number_in_marks(title, number):
    got = C._number_in_marks(title)
    assert (got.text if got else None) == number


# ------------------------------------------------------------------ who issued a title
# (file, locator holding the title's 《, issuer)
ISSUERS = [
    ("105_pingtan_2021.txt", "省财政厅《关于做好政府信息公开信息处理费", "省财政厅"),
    ("104_pingtan_2019.txt", "福建省农业农村厅关于《下达2019年", "福建省农业农村厅"),  # 关于 between body and title
    ("001_921786cd5a80cdaf.txt", "国办发《关于加强政府网站信息内容建设的意见》", "国办发"),
    ("001_921786cd5a80cdaf.txt", "根据《中华人民共和国政府信息公开条例》(国务院令第492号)", None),
    ("001_921786cd5a80cdaf.txt", "印发了《关于行政机关政策文件解读工作实施办法的通知》", None),
]


@pytest.mark.corpus
@pytest.mark.parametrize("name, locator, issuer", ISSUERS)
def test_issuer_before(corpus_doc, name, locator, issuer):
    text = corpus_doc(name).text
    got = C.issuer_before(text, _at(text, locator) + locator.index("《"))
    assert (got.name if got else None) == issuer
    if got:
        assert text[got.start:].startswith(issuer)


# ------------------------------------------------------------------ a short form defined after prose
# (file, locator from the 《short name》, the title written without 《》 it names, or None)
UNQUOTED = [
    ("101_pingtan_2011.txt", "《规定》）要求", "省市政府信息公开规定"),
    ("101_pingtan_2011.txt", "《条例》）以及平潭", None),  # defined for the title in 《》 before it
]


@pytest.mark.corpus
@pytest.mark.parametrize("name, locator, target", UNQUOTED)
def test_defined_after_unquoted(corpus_doc, name, locator, target):
    text = corpus_doc(name).text
    index = C.TitleIndex.of(text)
    got = C._defined_after_unquoted(text, index.spans[_span_index(index, _at(text, locator))])
    assert (got.title if got else None) == target
    if got:
        assert text[got.start:got.end] == target


@pytest.mark.parametrize("sentence, title, number", [
    ("依据某省政府信息公开办法（省政府令第180号，以下简称《办法》），执行《办法》。", "某省政府信息公开办法", "省政府令第180号"),
    ("按照国办发〔2020〕17号（以下简称《要点》）部署，逐项落实《要点》。", "", "国办发〔2020〕17号"),
    ("修订政府信息公开指南（以下简称《指南》），在网站发布《指南》。", None, None),  # a guide is not a regulation
])
def test_defined_after_unquoted_with_docnumber(sentence, title, number):
    text = _text(sentence)
    got = C._defined_after_unquoted(text, C.title_spans(text)[0])
    assert (got.title if got else None) == title
    assert (got.number.number.text if got and got.number else None) == number


# ------------------------------------------------------------------ what is written around a title
# (file, locator from the title's 《 or 〈, (title, 文号, short name, issuer, nested))
WRITTEN = [
    ("106_pingtan_2023.txt", "《中华人民共和国政府信息公开条例》（国务院令第711号",
     (TIAOLI, "国务院令第711号", "条例", None, False)),
    ("001_921786cd5a80cdaf.txt", "《中华人民共和国政府信息公开条例》(国务院令第492号)",
     (TIAOLI, "国务院令第492号", None, None, False)),
    ("105_pingtan_2021.txt", "《关于做好政府信息公开信息处理费收入收缴管理有关事项的通知》（闽财非税函",
     ("关于做好政府信息公开信息处理费收入收缴管理有关事项的通知", "闽财非税函〔2021〕1号", None, "省财政厅", False)),
    ("104_pingtan_2019.txt", "《平潭综合实验区政府投资项目管理办法（修订）》",
     ("平潭综合实验区政府投资项目管理办法（修订）", None, None, None, False)),
    ("000_e12181306ca0a942.txt", "<财政部、国家发展改革委关于清理规范",  # nested: nothing around it is its own
     ("财政部、国家发展改革委关于清理规范一批行政事业性收费有关政策的通知", None, None, None, True)),
]


@pytest.mark.corpus
@pytest.mark.parametrize("name, locator, expected", WRITTEN)
def test_written_title(corpus_doc, name, locator, expected):
    text = corpus_doc(name).text
    index = C.TitleIndex.of(text)
    i = _span_index(index, _at(text, locator))
    w = C.written_title(text, index, i)
    assert (w.title, w.number.number.text if w.number else None, w.short.name if w.short else None,
            w.issuer.name if w.issuer else None, index.spans[i].parent is not None) == expected
    assert w.folded == fold(w.title)
    if w.number:  # the citation runs on to the end of its 文号
        assert w.end == w.number.end and (w.number.start, w.number.end) in w.numbers_taken


def test_written_title_with_a_docnumber_in_the_marks():
    text = _text("落实《沪府办〔2020〕20号》。")
    index = C.TitleIndex.of(text)
    w = C.written_title(text, index, 0)
    assert (w.title, w.folded, w.number.number.text) == ("", "沪府办〔2020〕20号", "沪府办〔2020〕20号")
    assert w.numbers_taken == ((index.spans[0].start, index.spans[0].end),)


# ------------------------------------------------------------------ which title reader reads it
def _bound(short: str, title: str) -> dict:
    return {fold(short): C._resolve(title, None, None)}


# (title, 文号 in its bracket, short forms bound so far, about disclosure, reader, form, kind, key)
TITLE_READERS = [
    ("条例", None, _bound("条例", TIAOLI), True, "_bound_short_form", "short", "regulation", TIAOLI),
    ("规定", None, _bound("规定", "省市政府信息公开规定"), True, "_bound_short_form", "short", "regulation",
     "省市政府信息公开规定"),
    ("条例", None, {}, True, "_default_short_form", "short", "regulation", TIAOLI),
    ("新条例", None, {}, True, "_default_short_form", "short", "regulation", TIAOLI),
    ("条例", None, {}, False, "_generic_short_form", "short", "other", canonical_title("条例")),
    ("暂行办法", None, {}, True, "_generic_short_form", "short", "other", canonical_title("暂行办法")),
    (TIAOLI, "国务院令第711号", {}, True, "_full_title", "title+docnumber", "regulation", TIAOLI),
    ("平潭综合实验区政府投资项目管理办法（修订）", None, {}, True, "_full_title", "title", "regulation",
     canonical_title("平潭综合实验区政府投资项目管理办法（修订）")),
    ("政府信息公开指南", None, {}, True, "_full_title", "title", "other", canonical_title("政府信息公开指南")),
    ("", "沪府办〔2020〕20号", {}, True, "_full_title", "docnumber", "regulation", "沪府办〔2020〕20号"),
]


@pytest.mark.parametrize("title, number, bindings, about, reader, form, kind, key", TITLE_READERS)
def test_title_readers_in_order(title, number, bindings, about, reader, form, kind, key):
    parsed = docnumbers.parse(number) if number else None
    match = docnumbers.DocNumberMatch(parsed, 0, 0) if parsed else None
    written = C.WrittenTitle(title, fold(title or number), 0, match)
    context = C.TitleContext(bindings, about)
    assert next(read.__name__ for read in C._TITLE_READERS if read(written, context) is not None) == reader
    reading = C.read_title(written, context)
    assert (reading.form, reading.kind, reading.resolved.key) == (form, kind, key)


@pytest.mark.parametrize("year, edition", [
    (2019, "国务院令第711号"),
    (2007, "国务院令第492号"),
    (2008, None),  # no edition promulgated that year: the document's date decides later
    (None, None),
])
def test_a_year_in_the_bracket_names_the_edition(year, edition):
    # 《中华人民共和国政府信息公开条例》（2019年修订）: no 文号, the year picks the edition
    written = C.WrittenTitle(TIAOLI, fold(TIAOLI), 0, revised_year=year)
    assert C.read_title(written, C.TitleContext({}, True)).resolved.edition == edition


# ------------------------------------------------------------------ which span reader takes a title
# (file, locator from the span's 《, the reader that takes it)
SPAN_READERS = [
    ("101_pingtan_2011.txt", "《规定》）要求", "_short_form_of_unquoted"),
    ("101_pingtan_2011.txt", "《中华人民共和国政府信息公开条例》（以下简称《条例》）", "_quoted_title"),
    ("105_pingtan_2021.txt", "《关于做好政府信息公开信息处理费", "_quoted_title"),
]


@pytest.mark.corpus
@pytest.mark.parametrize("name, locator, reader", SPAN_READERS)
def test_span_readers_in_order(corpus_doc, name, locator, reader):
    doc = corpus_doc(name)
    scan = C._Scan.of(doc, docinfo.document_info(doc)[0])
    i = _span_index(scan.index, _at(doc.text, locator))
    assert next(read.__name__ for read in C._SPAN_READERS if read(scan, i) is not None) == reader


# ------------------------------------------------------------------ the bare 文号 pass
def _info(**kw) -> DocumentInfo:
    fields = dict(type="AnnualReport", title="某区2020年政府信息公开工作年度报告", agency="", adcode="", year=2020)
    return DocumentInfo(**{**fields, **kw})


# (text, document info, 文号 cited bare)
BARE = [
    ("对照国办发〔2017〕94号文件，结合某政办发〔2017〕9号要求。", {}, ["国办发〔2017〕94号", "某政办发〔2017〕9号"]),
    ("关于做好某事的通知\n发文字号：某府办〔2020〕3号\n请落实国办发〔2020〕17号。",
     dict(type="PolicyDocument", title="关于做好某事的通知", issued="2020-05-01"), ["国办发〔2020〕17号"]),  # own 文号 dropped
    ("区政府以某政发〔2020〕3号文件印发了实施意见。", dict(doc_number="某政发〔2020〕3号"), []),  # the document's own
]


@pytest.mark.parametrize("text, info, numbers", BARE)
def test_bare_docnumbers(text, info, numbers):
    scan = C._Scan.of(document_from_text(text), _info(**info))
    cits = C._bare_docnumbers(scan)
    assert [c.doc_number.text for c in cits] == numbers
    assert all(c.form == "docnumber" and c.title == "" for c in cits)


# ------------------------------------------------------------------ the patterns built from data
@pytest.mark.parametrize("pattern, text, group", [
    (C._revised, "（市政府令第5号，2018年修订）", "2018"),
    (C._revised, "（2019年4月3日中华人民共和国国务院令第711号修订）", None),  # the 文号 names the edition
    (C._revised, "（国务院令第711号，以下简称《条例》）", None),
    (C._edition_note, "中华人民共和国政府信息公开条例（2019年修订版）", "2019"),
    (C._edition_note, "上海市政府信息公开规定（2020年）", "2020"),
    (C._edition_note, "某区管理办法（试行）", None),
    (C._issuing_notice, "某市人民政府办公室关于印发某市政府信息公开保密审查办法的通知", "某市政府信息公开保密审查办法"),
    (C._issuing_notice, "某市人民政府办公厅关于印发《2020年某市政务公开工作要点》的通知", None),  # in 《》: a span
])
def test_patterns_from_citation_language(pattern, text, group):
    m = pattern().search(text)
    assert (m.group(1) if m else None) == group


@pytest.mark.parametrize("before, own", [("发文字号：", True), ("文号:", True), ("请落实", False)])
def test_docnumber_label(before, own):
    assert bool(C._number_label().search(before)) is own


# ------------------------------------------------------------------ the 文号 readers
READER_NAMES = [read.__name__ for read in docnumbers._READERS]

# (sentence, {reader: 文号 it reads}); a reader not named reads nothing
DOCNUMBER_SHAPES = [
    ("京政发〔2018〕12号和沪府办（2020）20号", {"_bracketed": ["京政发〔2018〕12号", "沪府办〔2020〕20号"]}),
    ("依据《优化营商环境条例》（国务院令第7\n22号）开展工作。", {"_decrees": ["国务院令第722号"]}),
    ("国务院第711号令", {"_decrees_number_first": ["国务院令第711号"]}),
    ("上海市人民政府第32号令", {"_decrees_number_first": ["上海市人民政府令第32号"]}),
    ("城区第3号令箭", {}),  # 城区 issues no decrees
    ("财政部 税务总局公告2022年第14号", {"_announcements": ["财政部 税务总局公告2022年第14号"]}),
]


@pytest.mark.parametrize("sentence, expected", DOCNUMBER_SHAPES)
def test_docnumber_readers(sentence, expected):
    text = _text(sentence)
    for read in docnumbers._READERS:
        assert [d.number.text for d in read(text, 0, len(text))] == expected.get(read.__name__, []), read.__name__


# (file, locator in the sentence, {reader: 文号 it reads in that sentence})
DOCNUMBER_SENTENCES = [
    ("106_pingtan_2023.txt", "（国务院令第711号，以下简称《条例》）",
     {"_decrees": ["国务院令第711号"], "_bracketed": ["国办公开办函〔2021〕30号"]}),
    ("001_921786cd5a80cdaf.txt", "(汴祥政办", {"_bracketed": ["汴祥政办〔2016〕121号"]}),
    ("109_notice_2019_60.txt", "国办公开办函〔2019〕51号", {"_bracketed": ["国办公开办函〔2019〕51号"]}),
]


def _sentence(text: str, locator: str) -> tuple[int, int]:
    i = _at(text, locator)
    start = max(text.rfind("。", 0, i), text.rfind("\n\n", 0, i)) + 1
    end = text.find("。", i)
    return start, (len(text) if end < 0 else end + 1)


@pytest.mark.corpus
@pytest.mark.parametrize("name, locator, expected", DOCNUMBER_SENTENCES)
def test_docnumber_readers_on_report_sentences(corpus_doc, name, locator, expected):
    text = corpus_doc(name).text
    start, end = _sentence(text, locator)
    for read in docnumbers._READERS:
        assert [d.number.text for d in read(text, start, end)] == expected.get(read.__name__, []), read.__name__


@pytest.mark.parametrize("sentence, code", [
    ("根据国办发〔2019〕14号文件", "国办发"),
    ("印发的闽政办〔2019〕3号", "闽政办"),
    ("传达学习国办发〔2020〕17号精神", "国办发"),
])
def test_issuer_code_stops_at_the_word_before_it(sentence, code):
    text = _text(sentence)
    got = docnumbers._issuer_code(text, text.index("〔"))
    assert (got.code, text[got.start:got.start + len(got.code)]) == (code, code)


# ------------------------------------------------------------------ the closed sets of the model
@pytest.mark.corpus
def test_forms_and_kinds_are_the_literal_values(corpus_dir: Path):
    hints = get_type_hints(Citation)
    forms, kinds = set(get_args(hints["form"])), set(get_args(hints["kind"]))
    seen_forms, seen_kinds = set(), set()
    for path in sorted(corpus_dir.iterdir()):
        doc = load(path)
        for c in C.find_citations(doc, docinfo.document_info(doc)[0]):
            seen_forms.add(c.form)
            seen_kinds.add(c.kind)
    assert seen_forms <= forms and seen_kinds <= kinds
    assert seen_forms == forms and seen_kinds == kinds  # the corpus shows every value
