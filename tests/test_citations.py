"""Regulation citations: titles in 《》, 文号, short forms, issuers, what a 《》 names, and one
key per regulation however it is written (simplified or traditional, with or without issuer).

Real sentences are located in the corpus by a citation they contain (the sentence around the
first occurrence of a locator); the expected citations are those whose evidence lies in that
sentence. The trap sentences are written here and run through the normaliser."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from disclosure_kg.extract import docinfo, docnumbers, vocab
from disclosure_kg.extract.citations import clean_title, find_citations, title_kind, title_spans
from disclosure_kg.extract.model import DocumentInfo
from disclosure_kg.extract.pipeline import document_from_text, load
from disclosure_kg.extract.regulations import authority, canonical_title

DKG = "https://w3id.org/disclosure-kg/def#"
ELI = "http://data.europa.eu/eli/ontology#"
TIAOLI = "中华人民共和国政府信息公开条例"
FORMAT_NOTICE = "国务院办公厅政府信息与政务公开办公室关于印发《中华人民共和国政府信息公开工作年度报告格式》的通知"


def _info(year=2020, type_="AnnualReport", title="某区2020年政府信息公开工作年度报告", issued=None, number=None):
    return DocumentInfo(type=type_, title=title, agency="", adcode="", year=year, issued=issued, doc_number=number)


def _cites(text: str, **info):
    return find_citations(document_from_text(text), _info(**info))


def _summary(cits, kind="regulation"):
    return [(c.canonical_title, c.form, c.doc_number.text if c.doc_number else None)
            for c in cits if c.kind == kind]


# ------------------------------------------------------------------ 文号
@pytest.mark.parametrize("written, text, code, year, serial", [
    ("国办公开办函〔2019〕60号", "国办公开办函〔2019〕60号", "国办公开办函", 2019, "60"),
    ("沪府办〔2020〕20号", "沪府办〔2020〕20号", "沪府办", 2020, "20"),
    ("京政发[2018]12号", "京政发〔2018〕12号", "京政发", 2018, "12"),
    ("京政发［2018］12号", "京政发〔2018〕12号", "京政发", 2018, "12"),
    ("沪府办（2020）20号", "沪府办〔2020〕20号", "沪府办", 2020, "20"),
    ("汴祥政办(2016)121号", "汴祥政办〔2016〕121号", "汴祥政办", 2016, "121"),
    ("国办公开办函〔2021〕30 号", "国办公开办函〔2021〕30号", "国办公开办函", 2021, "30"),
    ("国办公开办函〔2021〕\n30号", "国办公开办函〔2021〕30号", "国办公开办函", 2021, "30"),
    ("国务院令第711号", "国务院令第711号", "国务院令", None, "711"),
    ("上海市人民政府令第32号", "上海市人民政府令第32号", "上海市人民政府令", None, "32"),
    ("国办公开办函 〔2019〕60号", "国办公开办函〔2019〕60号", "国办公开办函", 2019, "60"),  # PDF space
    ("国务院第711号令", "国务院令第711号", "国务院令", None, "711"),
    ("上海市人民政府第32号令", "上海市人民政府令第32号", "上海市人民政府令", None, "32"),
    # an announcement's number, by one issuer or jointly
    ("国家税务总局公告2014年第40号", "国家税务总局公告2014年第40号", "国家税务总局公告", 2014, "40"),
    ("财政部 税务总局公告2022年第14号", "财政部 税务总局公告2022年第14号", "财政部 税务总局公告", 2022, "14"),
])
def test_docnumber_shapes(written, text, code, year, serial):
    d = docnumbers.parse(written)
    assert d is not None and (d.text, d.issuer_code, d.year, d.serial) == (text, code, year, serial)


@pytest.mark.parametrize("written, expected", [
    ("根据國辦發﹝2019﹞14號文件", "国办发〔2019〕14号"),  # traditional, ﹝﹞ and 號 after normalising
    ("印发的闽政办〔2019〕3号", "闽政办〔2019〕3号"),
    ("京政发〔2018〕12号和沪府办（2020）20号", "沪府办〔2020〕20号"),
    ("文号为某政发〔2020〕3号", "某政发〔2020〕3号"),
    ("传达学习国办发〔2020〕17号精神", "国办发〔2020〕17号"),
    ("对照某政办发〔2017〕9号", "某政办发〔2017〕9号"),
])
def test_docnumber_issuer_code_stops_at_prose(written, expected):
    text = document_from_text(written).text
    assert [d.number.text for d in docnumbers.find_docnumbers(text)][-1] == expected


@pytest.mark.parametrize("text", ["地址:政府街19号", "地铁17号线", "指数报告(2019)”", "7号楼14层", "城区第3号令箭"])
def test_addresses_and_years_are_not_docnumbers(text):
    assert list(docnumbers.find_docnumbers(text)) == []


# ------------------------------------------------------------------ what a 《》 names
@pytest.mark.parametrize("title, kind", [
    ("上海市政府信息公开规定", "regulation"),
    ("关于进一步加强公共资源配置管理的实施意见(试行)", "regulation"),
    ("北京市新增产业的禁止和限制目录(2018年版)", "regulation"),
    ("全面推进依法行政实施纲要", "regulation"),
    ("建设用地规划许可证", "other"),
    ("建设项目选址意见书", "other"),  # longest ending wins over 意见
    ("某区政务网", "other"),
    ("某区政务服务便民平台", "other"),
    ("某某时报", "other"),
    ("某某日报", "other"),
    ("问政某地之有事您说", "other"),
    ("某省政务公开指数报告(第二期)", "other"),
    ("关于某区2017年预算执行情况和2018年预算的报告", "other"),
    ("某区2021年度政府信息公开工作年度报告", "other"),
    ("某区政府信息公开情况统计表", "other"),
    ("政府信息公开指南", "other"),
    ("政府信息公开目录", "other"),
    ("某区政府信息主动公开目录", "other"),
    ("基层政务公开标准目录(2025版)", "regulation"),
    ("某市人民政府公报", "other"),
])
def test_title_kind(title, kind):
    assert title_kind(title) == kind


# ------------------------------------------------------------------ traps written here
def test_title_with_docnumber_and_short_form_in_one_bracket_traditional():
    cits = _cites("根據《中華人民共和國政府資訊公開條例》（國務院令第711號，以下簡稱《條例》）的規定，按照《條例》要求。")
    assert _summary(cits) == [(TIAOLI, "title+docnumber", "国务院令第711号"), (TIAOLI, "short", "国务院令第711号")]
    assert {c.regulation_key for c in cits} == {TIAOLI}
    assert {c.edition_key for c in cits} == {"国务院令第711号"}


def test_nested_title_is_a_second_citation_traditional():
    text = "嚴格執行《上海市財政局、上海市物價局關於轉發<財政部、國家發展改革委關於清理規範一批行政事業性收費有關政策的通知>的通知》(滬財稅〔2017〕27號)規定"
    outer, inner = _cites(text)
    assert outer.form == "title+docnumber" and outer.doc_number.text == "沪财税〔2017〕27号"
    assert outer.canonical_title.startswith("上海市财政局、上海市物价局关于转发〈财政部")
    assert inner.canonical_title == "财政部、国家发展改革委关于清理规范一批行政事业性收费有关政策的通知"
    assert inner.nested_in == 0


def test_taiwan_phrasing_is_folded_to_the_mainland_title():
    (c,) = _cites("並認真貫徹落實《上海市行政機關政策檔案解讀實施辦法》。")
    assert c.canonical_title == "上海市行政机关政策文件解读实施办法"


def test_title_broken_across_lines_with_spaced_docnumber():
    (c,) = _cites("根据《关于印发中华人民共和国政府信息公开工作年度报告\n格式的通知》（国办公开办函〔2021〕30 号）的要求")
    assert c.title == "关于印发中华人民共和国政府信息公开工作年度报告格式的通知"
    assert (c.form, c.doc_number.text, c.regulation_key) == ("title+docnumber", "国办公开办函〔2021〕30号", "国办公开办函〔2021〕30号")
    assert c.canonical_title == FORMAT_NOTICE


def test_issuer_before_title_is_recorded_and_checked():
    cits = _cites("认真贯彻中共中央办公厅、国务院办公厅《关于全面推进政务公开工作的意见》和"
                  "市委办公厅、市政府办公厅《关于全面推进政务公开工作的意见》，根据国办发《关于印发2020年政务公开工作要点的通知》。")
    central, city, points = cits
    assert central.issuer == "中共中央办公厅、国务院办公厅" and central.regulation_key == "中办发〔2016〕8号"
    assert city.issuer == "市委办公厅、市政府办公厅" and city.regulation_key != "中办发〔2016〕8号"
    assert points.issuer == "国办发" and points.regulation_key == "国办发〔2020〕17号"


@pytest.mark.parametrize("text, issuer, key", [
    ("对照国务院办公厅《关于推进政务新媒体健康有序发展的意见》", "国务院办公厅", "国办发〔2018〕123号"),
    ("结合中共中央办公厅、国务院办公厅《关于全面推进政务公开工作的意见》", "中共中央办公厅、国务院办公厅", "中办发〔2016〕8号"),
    ("我们对照国办发《关于印发2020年政务公开工作要点的通知》", "国办发", "国办发〔2020〕17号"),
    ("今年结合市政府办公厅《2020年政务公开工作要点》", "市政府办公厅", "2020年政务公开工作要点"),
])
def test_issuer_after_prose_words(text, issuer, key):
    (c,) = _cites(text)
    assert (c.issuer, c.regulation_key) == (issuer, key)


def test_issuer_outside_with_guanyu():
    (c,) = _cites("传达了某省农业农村厅关于《下达2019年中央农业生产发展资金的通知》等政策法规")
    assert c.issuer == "某省农业农村厅" and c.canonical_title == "下达2019年中央农业生产发展资金的通知"


def test_things_named_in_title_marks_that_are_not_regulations():
    cits = _cites("主动公开《关于某区2017年预算执行情况的报告》、《建设用地规划许可证》，通过《某某时报》、"
                  "《某区政务网》公开，编制《政府信息公开指南》，本报告即《某区2020年政府信息公开工作年度报告》。")
    assert cits and all(c.kind == "other" and c.regulation_key is None for c in cits)


def test_short_forms_bind_to_the_title_before_them():
    cits = _cites("印发了《某区政府信息公开暂行办法》（以下简称《办法》），落实《办法》和《暂行办法》。")
    assert _summary(cits) == [("某区政府信息公开暂行办法", "title", None), ("某区政府信息公开暂行办法", "short", None)]
    assert _summary(cits, "other") == [("暂行办法", "short", None)]  # bound to nothing: not resolvable


@pytest.mark.parametrize("info, edition", [
    (dict(year=2016), "国务院令第492号"),
    (dict(year=2018), "国务院令第492号"),
    (dict(year=2019), "国务院令第711号"),
    (dict(year=2019, type_="PolicyDocument", title="关于某事的通知", issued="2019-03-01"), "国务院令第492号"),
    (dict(year=2019, type_="PolicyDocument", title="关于某事的通知", issued="2019-06-01"), "国务院令第711号"),
])
def test_edition_of_the_tiaoli_follows_the_year_covered(info, edition):
    (c,) = _cites("认真贯彻《政府信息公开条例》。", **info)
    assert (c.regulation_key, c.edition_key, c.doc_number.text) == (TIAOLI, edition, edition)


def test_the_text_and_revision_words_override_the_year():
    a, b = _cites("根据《中华人民共和国政府信息公开条例》(国务院令第492号)，学习新修订《政府信息公开条例》。", year=2018)
    assert (a.edition_key, b.edition_key) == ("国务院令第492号", "国务院令第711号")


def test_a_notice_does_not_cite_itself_or_its_attachment():
    title = "某市人民政府办公厅关于印发《2020年某市政务公开工作要点》的通知"
    text = f"{title}\n某府办〔2020〕20号\n经市政府同意，现将《2020年某市政务公开工作要点》印发给你们，请落实《政府信息公开条例》。"
    cits = _cites(text, type_="PolicyDocument", title=title, issued="2020-03-20")
    assert _summary(cits) == [(TIAOLI, "title", "国务院令第711号")]


def test_own_number_after_a_header_label_is_not_a_citation():
    cits = _cites("关于做好某事的通知\n发文字号：某府办〔2020〕3号\n请落实国办发〔2020〕17号。", type_="PolicyDocument",
                  title="关于做好某事的通知", issued="2020-05-01")
    assert [c.regulation_key for c in cits] == ["国办发〔2020〕17号"]


def test_bare_docnumber_is_a_citation():
    (c,) = _cites("依据全国政府信息公开工作主管部门发布的有关规定（国办公开办函〔2019〕51号）确定。")
    assert (c.form, c.title, c.canonical_title, c.regulation_key) == (
        "docnumber", "", "国办公开办函〔2019〕51号", "国办公开办函〔2019〕51号")


def test_same_regulation_one_key_however_written():
    cits = _cites("落实《國務院辦公廳政府信息與政務公開辦公室關於政府信息公開工作年度報告有關事項的通知》、"
                  "《关于政府信息公开工作年度报告有关事项的通知》和国办公开办函〔2019〕60号。")
    assert {c.regulation_key for c in cits} == {"国办公开办函〔2019〕60号"}


def test_trial_marker_width_is_one_key():
    a, b = _cites("印发《某区管理办法(试行)》和《某区管理办法（试行）》。")
    assert a.regulation_key == b.regulation_key == "某区管理办法（试行）"
    assert canonical_title("某区管理办法(试行)") == "某区管理办法（试行）"


def test_issuer_that_issued_the_title_and_a_docnumber_in_title_marks():
    cits = _cites("国务院办公厅印发的《2020年政务公开工作要点》，区政府办公室印发《2020年政务公开工作要点》，"
                  "市政府办公厅关于印发《某市政务公开办法》的通知，落实《沪府办〔2020〕20号》。")
    assert [(c.issuer, c.regulation_key, c.form) for c in cits] == [
        ("国务院办公厅", "国办发〔2020〕17号", "title"),
        ("区政府办公室", "2020年政务公开工作要点", "title"),  # a district's own work points
        ("市政府办公厅", "某市政务公开办法", "title"),
        (None, "沪府办〔2020〕20号", "docnumber"),
    ]


def test_angle_brackets_as_title_marks_traditional():
    (c,) = _cites("依據〈中華人民共和國政府資訊公開條例〉，編制本報告。", year=2012)
    assert (c.regulation_key, c.edition_key) == (TIAOLI, "国务院令第492号")


@pytest.mark.parametrize("year, edition", [(2015, "上海市人民政府令第2号"), (2021, "上海市人民政府令第32号")])
def test_shanghai_provisions_edition(year, edition):
    (c,) = _cites("根据《上海市政府信息公开规定》（以下简称《规定》）。", year=year)
    assert (c.regulation_key, c.edition_key, c.doc_number.text) == ("上海市政府信息公开规定", edition, edition)


def test_decree_number_with_date_and_state_name_in_the_bracket():
    a, b = _cites("根据《中华人民共和国政府信息公开条例》（2019年4月3日中华人民共和国国务院令第711号修订）"
                  "和《政府信息公开条例》（2019年修订）", year=2018)
    assert (a.form, a.doc_number.text, a.edition_key) == ("title+docnumber", "国务院令第711号", "国务院令第711号")
    assert (b.form, b.edition_key) == ("title", "国务院令第711号")


def test_title_spans_nesting():
    text = "《甲关于转发〈乙的通知〉的通知》和《丙》"
    spans = title_spans(text)
    assert [(text[s.start:s.end], s.parent) for s in spans] == [
        ("《甲关于转发〈乙的通知〉的通知》", None), ("〈乙的通知〉", 0), ("《丙》", None)]


# ------------------------------------------------------------------ real sentences
def _sentence(text: str, locator: str) -> tuple[int, int]:
    i = text.find(locator)
    assert i >= 0, f"locator {locator!r} not in the document"
    start = max(text.rfind("。", 0, i), text.rfind("\n\n", 0, i)) + 1
    end = text.find("。", i)
    return start, (len(text) if end < 0 else end + 1)


REAL = [
    # (file, locator, expected (canonical title, form, 文号) of regulations in that sentence)
    ("001_921786cd5a80cdaf.txt", "国务院令第492号", [(TIAOLI, "title+docnumber", "国务院令第492号")]),
    ("001_921786cd5a80cdaf.txt", "汴祥政办", [("关于行政机关政策文件解读工作实施办法的通知", "title+docnumber", "汴祥政办〔2016〕121号")]),
    ("003_72128b50d2462855.txt", "国办公开办函〔2019〕60号", [
        (TIAOLI, "title", "国务院令第711号"),
        ("浙江省政府信息公开暂行办法", "title", "浙江省人民政府令第302号"),
        ("国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知", "title+docnumber", "国办公开办函〔2019〕60号"),
    ]),
    ("106_pingtan_2023.txt", "国务院令第711号", [
        (TIAOLI, "title+docnumber", "国务院令第711号"),
        (FORMAT_NOTICE, "title+docnumber", "国办公开办函〔2021〕30号"),
        (FORMAT_NOTICE, "title", "国办公开办函〔2021〕30号"),  # the 格式 nested in the notice's title
    ]),
    ("108_shanghai_office_2025.txt", "国办公开办函〔2021〕30", [
        (TIAOLI, "title", "国务院令第711号"),
        ("上海市政府信息公开规定", "title", "上海市人民政府令第32号"),
        (FORMAT_NOTICE, "title+docnumber", "国办公开办函〔2021〕30号"),
    ]),
    ("109_notice_2019_60.txt", "国办公开办函〔2019〕51号", [("国办公开办函〔2019〕51号", "docnumber", "国办公开办函〔2019〕51号")]),
    ("105_pingtan_2021.txt", "闽财非税函", [("关于做好政府信息公开信息处理费收入收缴管理有关事项的通知", "title+docnumber", "闽财非税函〔2021〕1号")]),
    ("000_e12181306ca0a942.txt", "沪财税", [
        ("上海市财政局、上海市物价局关于转发〈财政部、国家发展改革委关于清理规范一批行政事业性收费有关政策的通知〉的通知",
         "title+docnumber", "沪财税〔2017〕27号"),
        ("财政部、国家发展改革委关于清理规范一批行政事业性收费有关政策的通知", "title", None),
    ]),
    ("000_e12181306ca0a942.txt", "许可证", []),  # permits named in 《》
    ("104_pingtan_2019.txt", "时报", []),  # a newspaper
    ("003_72128b50d2462855.txt", "指数报告(第二期)", []),  # an evaluation report
]


@pytest.fixture(scope="module")
def loaded(corpus_dir: Path):
    cache = {}

    def get(name):
        if name not in cache:
            doc = load(corpus_dir / name)
            cache[name] = (doc, find_citations(doc, docinfo.document_info(doc)[0]))
        return cache[name]
    return get


@pytest.mark.corpus
@pytest.mark.parametrize("name, locator, expected", REAL, ids=[f"{r[0][:3]}-{r[1]}" for r in REAL])
def test_real_sentences(loaded, name, locator, expected):
    doc, cits = loaded(name)
    start, end = _sentence(doc.text, locator)
    got = [(c.canonical_title, c.form, c.doc_number.text if c.doc_number else None)
           for c in cits if c.kind == "regulation" and start <= c.start and c.end <= end]
    assert got == expected


@pytest.mark.corpus
def test_evidence_offsets_point_at_the_title(loaded, corpus_dir: Path):
    for path in sorted(corpus_dir.iterdir()):
        doc, cits = loaded(path.name)
        for c in cits:
            quoted = re.sub(r"\s+", "", doc.text[c.start:c.end])
            if c.title:  # a trial note written after 》 is part of the title
                assert re.sub(r"\s+", "", c.title) in re.sub(r"》(?=[(（])", "", quoted), (path.name, c)
            else:
                assert c.doc_number and quoted.endswith("号"), (path.name, c)


@pytest.mark.corpus
def test_a_policy_notice_drops_its_own_title_and_number(loaded):
    doc, cits = loaded("002_4abc55ab1248088c.txt")
    assert not [c for c in cits if c.doc_number and c.doc_number.text == "沪府办〔2020〕20号"]
    assert not [c for c in cits if "工作要点" in (c.canonical_title or "")]


# ------------------------------------------------------------------ the authority list
def _slug(key: str) -> str:
    return re.sub(r"[^\w]+", "-", key).strip("-")


def test_authority_file_has_relative_iris_and_keys():
    assert not re.search(r"^\s*@base", vocab.ontology_text("regulations.ttl"), re.M)
    g = vocab.graph("regulations.ttl", "http://example.org/")
    keys = list(g.subject_objects(URIRef(DKG + "key")))
    assert len(keys) >= 15
    for s, key in keys:
        assert str(s) == "http://example.org/regulation/" + _slug(str(key))
        titles = [o for o in g.objects(s, URIRef(ELI + "title")) if isinstance(o, Literal) and o.language == "zh-Hans"]
        assert len(titles) == 1, s  # one title row per regulation in the citations query


def test_tiaoli_is_one_work_with_two_editions():
    entry = authority().get(TIAOLI)
    assert [(e.key, e.number.text, e.in_force.isoformat()) for e in entry.editions] == [
        ("国务院令第492号", "国务院令第492号", "2008-05-01"), ("国务院令第711号", "国务院令第711号", "2019-05-15")]
    g = vocab.graph("regulations.ttl", "http://example.org/")
    work = URIRef("http://example.org/regulation/" + _slug(TIAOLI))
    assert (work, RDF.type, URIRef(ELI + "LegalResource")) in g
    assert len(list(g.objects(work, URIRef(ELI + "is_realized_by")))) == 2


@pytest.mark.parametrize("written, key", [
    ("政府信息公开条例", TIAOLI),
    ("中华人民共和国政府信息公开条例", TIAOLI),
    ("关于政府信息公开工作年度报告有关事项的通知", "国办公开办函〔2019〕60号"),
    ("关于印发中华人民共和国政府信息公开工作年度报告格式的通知", "国办公开办函〔2021〕30号"),
    ("国务院办公厅关于印发2020年政务公开工作要点的通知", "国办发〔2020〕17号"),
])
def test_authority_resolves_titles_with_and_without_issuer(written, key):
    assert authority().by_name(written).key == key


def test_authority_file_conforms_to_the_shapes():
    pyshacl = pytest.importorskip("pyshacl")
    g = vocab.graph("regulations.ttl", "http://example.org/")
    conforms, _, report = pyshacl.validate(g, shacl_graph=vocab.graph("shapes.ttl"), inference="none")
    assert conforms, report


# ------------------------------------------------------------------ unverified rows of the reference
@pytest.mark.parametrize("text, key, title", [
    ("按照国办发〔2017〕97号要求。", "国办发〔2017〕97号", "关于推进公共资源配置领域政府信息公开的意见"),
    ("根据《国务院办公厅关于推进公共资源配置领域政府信息公开的意见》。", "国办发〔2017〕97号", "关于推进公共资源配置领域政府信息公开的意见"),
    ("根据国办发《关于加强政府网站信息内容建设的意见》。", "国办发〔2014〕57号", "关于加强政府网站信息内容建设的意见"),
    ("对照《國務院辦公廳關於印發政府網站發展指引的通知》。", "国办发〔2017〕47号", "政府网站发展指引"),
    ("依据《关于推进政务新媒体健康有序发展的意见》（国办发〔2018〕123号）。", "国办发〔2018〕123号", "关于推进政务新媒体健康有序发展的意见"),
])
def test_unverified_rows_resolve_by_number_and_title(text, key, title):
    (c,) = _cites(text)
    assert (c.regulation_key, c.canonical_title, c.doc_number.text) == (key, title, key)
    assert authority().get(key).verified is False


def test_unverified_rows_are_flagged_in_the_file():
    g = vocab.graph("regulations.ttl", "http://example.org/")
    flagged = {str(k) for s, k in g.subject_objects(URIRef(DKG + "key"))
               if Literal(False) in set(g.objects(s, URIRef(DKG + "verified")))}
    assert flagged == {"国办发〔2017〕47号", "国办发〔2014〕57号", "国办发〔2017〕97号", "国办发〔2018〕10号",
                       "国办发〔2016〕61号", "国办发〔2018〕123号"}
    assert authority().get(TIAOLI).verified is True


# ------------------------------------------------------------------ sentences in the styles of real reports
# Written here (invented names); each also runs converted to traditional characters with Taiwan
# phrasing (OpenCC s2twp), as some sites publish reports. Expected: (key, form) of regulations.
STYLES = [
    ("依据《中华人民共和国政府信息公开条例》（以下简称《条例》）的规定，严格执行《条例》。", [(TIAOLI, "title"), (TIAOLI, "short")]),
    ("按照国办发〔2020〕17号文件要求，做好政府信息公开工作。", [("国办发〔2020〕17号", "docnumber")]),
    ("根据《国务院办公厅关于印发2021年政务公开工作要点的通知》（国办发〔2021〕12号）要求。",
     [("国办发〔2021〕12号", "title+docnumber")]),
    ("按照省政府办公厅《关于做好2019年政务公开工作的通知》（苏政办发〔2019〕5号）要求。",
     [("关于做好2019年政务公开工作的通知", "title+docnumber")]),
    ("制定了《某县行政规范性文件管理办法（试行）》和《某县重大行政决策程序规定(试行)》。",
     [("某县行政规范性文件管理办法（试行）", "title"), ("某县重大行政决策程序规定（试行）", "title")]),
    ("认真贯彻《中华人民共和国政府信息公开条例（2019年修订）》。", [(TIAOLI, "title")]),
    ("政府信息公开工作中，认真学习新修订的《条例》。", [(TIAOLI, "short")]),
    ("认真落实《某市政务公开工作规范》等文件。", [("某市政务公开工作规范", "title")]),
    ("先后出台《某区政务公开工作制度》《某区依申请公开办理规程》和《某区政府信息发布管理办法》。",
     [("某区政务公开工作制度", "title"), ("某区依申请公开办理规程", "title"), ("某区政府信息发布管理办法", "title")]),
    ("根据《2021年某市政务公开工作要点》安排。", [("2021年某市政务公开工作要点", "title")]),
    ("深入学习贯彻《国务院关于加强法治政府建设的意见》精神。", [("国务院关于加强法治政府建设的意见", "title")]),
    ("依照《行政许可法》《中华人民共和国行政诉讼法》和《中华人民共和国行政复议法》办理，依据《行政许可法》第三十条。",
     [("行政许可法", "title"), ("中华人民共和国行政诉讼法", "title"), ("中华人民共和国行政复议法", "title"), ("行政许可法", "title")]),
    ("贯彻《中华人民共和国民法典》。", [("中华人民共和国民法典", "title")]),
    ("根据《某市人民政府关于2019年政务公开工作考核情况的通报》。", [("某市人民政府关于2019年政务公开工作考核情况的通报", "title")]),
    ("审议通过了《某区2020年政务公开工作实施方案》。", [("某区2020年政务公开工作实施方案", "title")]),
    ("落实《某市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》。",
     [("某市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要", "title")]),
    ("按照《某县政务公开考评细则（2020年版）》考核。", [("某县政务公开考评细则（2020年版）", "title")]),
    ("印发《关于开展2020年政务公开第三方评估的函》。", [("关于开展2020年政务公开第三方评估的函", "title")]),
    ("参照《某省政府信息公开办法》（省政府令第180号）执行。", [("某省政府信息公开办法", "title+docnumber")]),
    ("落实《国务院办公厅关于印发2020年政务公开工作要点的通知》、《2021年政务公开工作要点》和国办发〔2019〕54号。",
     [("国办发〔2020〕17号", "title"), ("国办发〔2021〕12号", "title"), ("国办发〔2019〕54号", "docnumber")]),
    # a page number printed inside a title that runs onto the next page
    ("根据《某市人民政府办公室关于印发某市政务公开\n\n- 3 -\n\n工作考核办法的通知》（某政办〔2019〕8号）。",
     [("某市人民政府办公室关于印发某市政务公开工作考核办法的通知", "title+docnumber")]),
    ("依据《某县政府信息公开\n第 2 页 共 9 页\n实施办法》执行。", [("某县政府信息公开实施办法", "title")]),
    # a trial note after 》 belongs to the title only where it follows directly
    ("执行《某区政务新媒体管理办法》（试行），", [("某区政务新媒体管理办法（试行）", "title")]),
    ("执行《某区政务新媒体管理办法》，试行期间。", [("某区政务新媒体管理办法", "title")]),
    # short forms defined after a title without 《》 or after a 文号
    ("根据省市政府信息公开规定（下称《规定》）要求，落实《规定》。",
     [("省市政府信息公开规定", "title"), ("省市政府信息公开规定", "short")]),
    ("依据某省政府信息公开办法（省政府令第180号，以下简称《办法》），执行《办法》。",
     [("某省政府信息公开办法", "title+docnumber"), ("某省政府信息公开办法", "short")]),
    ("按照国办发〔2020〕17号（以下简称《要点》）部署，逐项落实《要点》。",
     [("国办发〔2020〕17号", "docnumber"), ("国办发〔2020〕17号", "short")]),
    ("认真落实《中华人民共和国政府信息公开条例》、《某市政府信息公开规定》及《某市依申请公开政府信息办法》等法规。",
     [(TIAOLI, "title"), ("某市政府信息公开规定", "title"), ("某市依申请公开政府信息办法", "title")]),
    ("市政府印发《关于印发〈某市政务公开工作考核办法〉的通知》。",
     [("关于印发〈某市政务公开工作考核办法〉的通知", "title"), ("某市政务公开工作考核办法", "title")]),
    ("国务院办公厅《关于在政务公开工作中进一步做好政务舆情回应的通知》（国办发〔2016〕61号）印发后。",
     [("国办发〔2016〕61号", "title+docnumber")]),
    ("区政府以某政发〔2020〕3号文件印发了实施意见。", [("某政发〔2020〕3号", "docnumber")]),
    ("对照国办发〔2017〕94号文件，结合某政办发〔2017〕9号要求。",
     [("国办发〔2017〕94号", "docnumber"), ("某政办发〔2017〕9号", "docnumber")]),
    ("经区政府同意，印发了某政办〔2020〕12号、某政办〔2020〕15号两个文件。",
     [("某政办〔2020〕12号", "docnumber"), ("某政办〔2020〕15号", "docnumber")]),
    ("依据《中华人民共和国政府信息公开条例》（以下简称“条例”）和相关规定，执行《条例》。", [(TIAOLI, "title"), (TIAOLI, "short")]),
    ("对照《政府信息公开工作年度报告格式》填报。", [("国办公开办函〔2021〕30号", "title")]),
    ("落实《某区“十四五”政务公开规划》和《某区政务公开三年行动计划（2021—2023年）》。",
     [("某区“十四五”政务公开规划", "title"), ("某区政务公开三年行动计划（2021—2023年）", "title")]),
    ("学习《中华人民共和国刑法修正案（十一）》《宪法》《监察法》和《公务员法》。",
     [("中华人民共和国刑法修正案（十一）", "title"), ("宪法", "title"), ("监察法", "title"), ("公务员法", "title")]),
    ("对照《政府网站与政务新媒体检查指标》开展自查。", [("政府网站与政务新媒体检查指标", "title")]),
    ("区政府办公室《关于做好2020年政府信息公开工作年度报告编制工作的通知》（某政办函〔2021〕2号）。",
     [("关于做好2020年政府信息公开工作年度报告编制工作的通知", "title+docnumber")]),
    ("印发《某区依申请公开工作规范》(试行)(某政办〔2019〕9号)。", [("某区依申请公开工作规范（试行）", "title+docnumber")]),
    # a bracket giving the history of the text: every 文号 in it is the title's
    ("根据《中华人民共和国政府信息公开条例》（2007年4月5日中华人民共和国国务院令第492号公布，"
     "2019年4月3日中华人民共和国国务院令第711号修订）", [(TIAOLI, "title+docnumber")]),
    ("根据市政府办公室转发的《国务院办公厅关于推进政务新媒体健康有序发展的意见》。", [("国办发〔2018〕123号", "title")]),
    ("贯彻落实国务院办公厅关于印发2020年政务公开工作要点的通知精神。", []),  # no 《》, no 文号: not read
    ("根据《中华人民共和国政府信息公开条例》（国务院令第711号）（以下简称《条例》），落实《条例》。",
     [(TIAOLI, "title+docnumber"), (TIAOLI, "short")]),
    ("本单位制定了信息公开工作制度（以下简称《制度》），严格执行《制度》。",
     [("信息公开工作制度", "title"), ("信息公开工作制度", "short")]),
    ("修订政府信息公开指南（以下简称《指南》），在网站发布《指南》。", []),
    ("按照国办发〔2019〕14号（以下简称《要点》）要求，落实《要点》。",
     [("国办发〔2019〕14号", "docnumber"), ("国办发〔2019〕14号", "short")]),
    ("依据《某市政府信息公开规定》（市政府令第5号，2018年修订），", [("某市政府信息公开规定", "title+docnumber")]),
    ("《某县政务公开工作考核办法》（县政办〔2020〕1号）和《某县政务公开工作规范》（县政办〔2020〕2号）",
     [("某县政务公开工作考核办法", "title+docnumber"), ("某县政务公开工作规范", "title+docnumber")]),
    ("学习《中华人民共和国保守国家秘密法》及其实施条例。", [("中华人民共和国保守国家秘密法", "title")]),
    ("根据《关于全面推进政务公开工作的意见》（中办发〔2016〕8号）和《〈关于全面推进政务公开工作的意见〉实施细则》（国办发〔2016〕80号）。",
     [("中办发〔2016〕8号", "title+docnumber"), ("国办发〔2016〕80号", "title+docnumber"), ("中办发〔2016〕8号", "title")]),
    ("依据《政府信息公开信息处理费管理办法》规定，未收取费用。", [("国办函〔2020〕109号", "title")]),
    ("根据<<中华人民共和国政府信息公开条例>>（以下简称<<条例>>）和<<某市政务公开办法>>，执行<<条例>>。",
     [(TIAOLI, "title"), ("某市政务公开办法", "title"), (TIAOLI, "short")]),  # title marks typed in ASCII
    ("修订《某区突发事件总体应急预案》。", [("某区突发事件总体应急预案", "title")]),
    # what a 《》 names when it is not a regulation
    ("发出《某论坛邀请函》，公开《某某办法（征求意见稿）》，办理《关于某事的提案》。", []),
    ("在《某某县政府信息公开专栏》及《政府信息公开》栏目发布。", []),
    ("在《规划计划》《公示公告》《标准规范》栏目发布。", []),
    ("在《人民日报》《光明日报》和《中国政府采购报》刊发，通过《皖事通》《随申办》《浙里办》办理。", []),
    ("发布《某某区2019年度部门预算》和《关于某项目的公示》，附《依申请公开办理流程图》。", []),
    ("向区人大报送《某区人民政府工作报告》和《关于某区政务公开工作的说明》。", []),
    ("推广《某区政务公开经验做法汇编》，组织《政务公开大家谈》征文。", []),
    ("在《某某日报》《某某晚报》开设专栏。", []),
    ("通过《i某市》APP、《某市发布》微信公众号发布。", []),
    ("在《问政某市》栏目回应关切。", []),
    ("在《某市政府网》、《某省政务服务网》公开。", []),
    ("编制并发布《某区2020年政府信息公开工作年度报告》。", []),
    ("更新《某区政府信息公开指南》和《某区政府信息公开目录》，印发《某区政务公开工作手册》。", []),
    ("核发《建筑工程施工许可证》《食品经营许可证》。", []),
    ("申请人填写《政府信息公开申请表》。", []),
    ("组织干部学习《习近平谈治国理政》和《求是》杂志。", []),
    ("在市电视台《阳光热线》节目和《今日说法》栏目。", []),
    ("在《政策法规》栏目和《通知公告》栏目发布，完善《规章制度》。", []),
    ("刊登在《某市人民政府公报》。", []),
    ("编印《某区政务公开工作简报》12期，报送《关于某区2019年政府信息公开工作情况的报告》。", []),
    ("附《2019年度某县政府信息公开工作情况统计表》。", []),
    ("出具《政府信息公开申请补正告知书》和《某事项不予公开决定书》。", []),
    ("订阅《某市政务公开》杂志，公布《2020年某区示范单位名单》。", []),
    ("总结推广《某区政务公开工作的好做法》，《某区政务公开工作方法》汇编成册。", []),
]


_TO_TW = []


def _styles():
    """OpenCC's s2twp converter, made once (skip where OpenCC is not installed)."""
    if not _TO_TW:
        _TO_TW.append(pytest.importorskip("opencc").OpenCC("s2twp").convert)
    return _TO_TW[0]


@pytest.mark.parametrize("text, expected", STYLES, ids=[str(i) for i in range(len(STYLES))])
@pytest.mark.parametrize("script", ["zh-Hans", "zh-Hant-TW"])
def test_sentences_in_report_styles(text, expected, script):
    if script == "zh-Hant-TW":
        text = _styles()(text)
    got = [(c.regulation_key, c.form) for c in _cites(text) if c.kind == "regulation"]
    assert got == expected


@pytest.mark.parametrize("title, kind", [
    ("中华人民共和国民法典", "regulation"),
    ("某区依申请公开办理规程", "regulation"),
    ("某市人民政府关于某事情况的通报", "regulation"),
    ("某某晚报", "other"),
    ("今日说法", "other"),
    ("某区政务公开工作的好做法", "other"),
    ("通知公告", "other"),
    ("规章制度", "other"),
    ("实施办法", "other"),
    ("2020年某区示范单位名单", "other"),
])
def test_title_kind_by_head_noun(title, kind):
    assert title_kind(title) == kind


def test_footer_lines_inside_a_title_are_dropped_and_a_lone_number_is_not_a_title():
    assert clean_title("关于印发某市政务公开\n\n- 3 -\n\n工作考核办法的通知") == "关于印发某市政务公开工作考核办法的通知"
    assert clean_title("关于2020\n年工作的通知") == "关于2020年工作的通知"  # first and last lines are text
    assert not title_spans("《某办法\n\n正文另起一段》")  # a paragraph break is not a footer


@pytest.mark.parametrize("text, key, edition", [
    ("贯彻《中华人民共和国政府信息公开条例（2019年修订）》。", TIAOLI, "国务院令第711号"),
    ("贯彻《中华人民共和国政府信息公开条例（2019年修订版）》。", TIAOLI, "国务院令第711号"),
    ("按照《上海市政府信息公开规定（2020年）》。", "上海市政府信息公开规定", "上海市人民政府令第32号"),
])
def test_revision_note_inside_the_title_picks_the_edition(text, key, edition):
    (c,) = _cites(text, year=2018)
    assert (c.regulation_key, c.edition_key, c.canonical_title) == (key, edition, key)


# ------------------------------------------------------------------ the invented example documents
# Listed by reading each file (examples/README.md says which national documents they cite):
# (key, edition) of every regulation cited, and the 《》 that name something else.
EXAMPLES_DIR = Path(__file__).resolve().parents[1] / "examples"
EXAMPLES = [
    ("2016_xiangcheng_prose.txt",
     {(TIAOLI, "国务院令第492号"), ("中办发〔2016〕8号", None), ("国办发〔2016〕19号", None), ("国办发〔2016〕80号", None)},
     {"相城区人民政府信息公开指南"}),
    ("2020_policy_notice.txt",  # its own 要点 and 苏府办〔2020〕136号 are not citations
     {(TIAOLI, "国务院令第711号"), ("国办发〔2020〕17号", None), ("国办发〔2019〕54号", None)}, {"政府信息公开指南"}),
    ("2021_format_report.txt",
     {(TIAOLI, "国务院令第711号"), ("国办公开办函〔2021〕30号", None), ("国办发〔2022〕8号", None), ("国办函〔2020〕109号", None)},
     set()),
    ("2021_format_report_traditional.txt",
     {(TIAOLI, "国务院令第711号"), ("国办公开办函〔2021〕30号", None), ("国办发〔2022〕8号", None), ("国办函〔2020〕109号", None)},
     set()),
    ("2019_format_report.html",
     {(TIAOLI, "国务院令第711号"), ("浙江省政府信息公开暂行办法", None), ("国办公开办函〔2019〕60号", None), ("国办发〔2020〕17号", None)},
     set()),
]


@pytest.mark.parametrize("name, regulations, others", EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_example_documents(name, regulations, others):
    path = EXAMPLES_DIR / name
    if not path.is_file():
        pytest.skip(f"needs examples/{name}")
    doc = load(path)
    cits = find_citations(doc, docinfo.document_info(doc)[0])
    assert {(c.regulation_key, c.edition_key) for c in cits if c.kind == "regulation"} == regulations
    assert {c.canonical_title for c in cits if c.kind == "other"} == others


@pytest.mark.parametrize("body", [
    "现将《某市政府信息公开保密审查办法》印发给你们，请认真贯彻执行。",
    "现将某市政府信息公开保密审查办法（以下简称《办法》）印发给你们，请遵照执行《办法》。",
])
def test_a_notice_issuing_a_title_without_marks_does_not_cite_it(body):
    title = "某市人民政府办公室关于印发某市政府信息公开保密审查办法的通知"
    cits = _cites(f"{title}\n某政办〔2020〕5号\n{body}落实《政府信息公开条例》。", type_="PolicyDocument",
                  title=title, issued="2020-05-01", number="某政办〔2020〕5号")
    assert _summary(cits) == [(TIAOLI, "title", "国务院令第711号")]


# Shapes seen in PDF copies and unusual bracketing, written for these tests.
PDF_AND_BRACKET_CASES = [
    ("依据《优化营商环境条例》（国务院令第7\n22号）开展工作。", "优化营商环境条例", "国务院令第722号"),
    ("按照国办发〔20\n20〕17号要求推进。", "", "国办发〔2020〕17号"),
    ("落实《环境保护公众参与办法》〔环境保护部令第35号〕要求。", "环境保护公众参与办法", "环境保护部令第35号"),
]


@pytest.mark.parametrize("text,title,number", PDF_AND_BRACKET_CASES)
def test_docnumber_cut_by_a_line_break_or_in_tortoise_brackets(text, title, number):
    from disclosure_kg.extract.pipeline import document_from_text, extract

    cits = [c for c in extract(document_from_text(text)).citations if c.kind == "regulation"]
    assert [(c.title, c.doc_number.text if c.doc_number else None) for c in cits] == [(title, number)]
