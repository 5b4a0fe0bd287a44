"""Figures as observations: every table shape of the corpus, the prose, and the identities."""
from __future__ import annotations

from collections import Counter

import pytest

from disclosure_kg.extract.metrics import check_identities, detect_format, find_observations
from disclosure_kg.extract.model import DocumentInfo, Observation
from disclosure_kg.extract.pipeline import document_from_text, load


def _report(doc, year=None):
    return DocumentInfo(type="AnnualReport", title="", agency="", adcode="", year=year)


def _obs(corpus_dir, name, year=None):
    doc = load(corpus_dir / name)
    obs, findings = find_observations(doc, _report(doc, year))
    return doc, {(o.metric, frozenset(o.breakdown)): o for o in obs}, obs, findings


def _v(table, metric, *breakdown):
    o = table.get((metric, frozenset(breakdown)))
    return None if o is None else o.value


# (file, format, [(metric, breakdown, value)]) — one entry per table shape
SHAPES = [
    # cells run together with no separator, 2019 format
    ("104_pingtan_2019.txt", "2019", [
        ("政府信息公开申请数", (), 23), ("政府信息公开申请数", ("自然人",), 23),
        ("政府信息公开申请数", ("商业企业",), 0), ("申请办理结果数", ("补正后申请内容仍不明确",), 5),
        ("申请办理结果数", ("自然人",), 23), ("行政诉讼数", ("复议后起诉",), 0), ("规章", ("对外公开总数量",), 0)]),
    # run together, 2021 format, money column in 万元
    ("105_pingtan_2021.txt", "2021", [
        ("行政事业性收费", ("本年收费金额",), 242523110.82), ("政府信息公开申请数", (), 70),
        ("申请办理结果数", ("本机关不掌握相关政府信息",), 25), ("行政诉讼数", ("未经复议直接起诉",), 12),
        ("行政复议数", (), 3)]),
    # one cell a line
    ("003_72128b50d2462855.txt", "2019", [
        ("行政许可", ("本年增减",), -92), ("政府集中采购", ("采购总金额",), 237759269.7),
        ("申请办理结果数", ("予以公开", "自然人"), 267), ("结转下年度申请数", (), 20),
        ("行政诉讼数", ("未经复议直接起诉", "结果维持"), 22)]),
    # markdown rows under headings, one table per block
    ("107_shuyang_2025.txt", "2021", [
        ("申请办理结果数", ("其他",), 143), ("申请办理结果数", ("重复申请", "商业企业"), 1),
        ("行政复议数", (), 61), ("行政诉讼数", ("复议后起诉", "尚未审结"), 1), ("行政许可", ("本年处理决定数量",), 517645)]),
    # PDF copy: labels out of place, rows without labels, page footers
    ("108_shanghai_office_2025.txt", "2021", [
        ("申请办理结果数", ("要求行政机关确认或重新出具已获取信息",), 0),
        ("申请办理结果数", ("申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",), 43),
        ("申请办理结果数", ("部分公开",), 2), ("行政诉讼数", ("复议后起诉",), 22), ("规章", ("现行有效件数",), 235)]),
    # HTML grid with spanned cells
    ("110_pingtan_2021.html", "2021", [
        ("行政许可", ("本年处理决定数量",), 2293), ("规范性文件", ("现行有效件数",), 665),
        ("政府信息公开申请数", ("自然人",), 64), ("申请办理结果数", (), 69), ("行政复议数", ("其他结果",), 2)]),
    # 2008 统计表 with the year and cumulative columns run together
    ("102_pingtan_county_2013.txt", "2008", [
        ("主动公开政府信息数", (), 1853), ("政府信息公开申请数", (), 7), ("政府信息公开申请数", ("当面申请",), 0),
        ("申请办理结果数", ("同意公开",), 2), ("申请办理结果数", ("不同意公开",), 0)]),
    # 2008 统计表, spaced
    ("101_pingtan_2011.txt", "2008", [
        ("主动公开政府信息数", ("政府公报",), 7), ("政府信息公开申请数", ("其他形式申请",), 0), ("行政诉讼数", (), 0)]),
]


@pytest.mark.parametrize("name,fmt,cells", SHAPES, ids=[s[0][:3] for s in SHAPES])
def test_table_shapes(corpus_dir, name, fmt, cells):
    doc, table, obs, findings = _obs(corpus_dir, name)
    assert detect_format(doc, None) == fmt
    for metric, breakdown, value in cells:
        assert _v(table, metric, *breakdown) == pytest.approx(value), (metric, breakdown)
    # one observation per key, every observation points at its printed number
    assert not [k for k, n in Counter((o.metric, frozenset(o.breakdown)) for o in obs).items() if n > 1]
    for o in obs:
        assert o.raw.strip() and o.raw.strip()[0] in doc.text[o.start:o.end + 1] or o.value == 0
    assert not [f for f in findings if f.kind == "identity"]


def test_ambiguous_run_together_cells_are_not_guessed(corpus_dir):
    # 规范性文件898989: three cells, no identity decides → a finding, no value
    _, table, _, findings = _obs(corpus_dir, "104_pingtan_2019.txt")
    assert _v(table, "规范性文件", "本年新制作数量") is None
    assert any(f.kind == "ambiguous-split" and "规范性文件" in f.message for f in findings)


def test_short_pdf_row_is_reported(corpus_dir):
    _, _, _, findings = _obs(corpus_dir, "108_shanghai_office_2025.txt")
    assert any(f.kind == "short-row" for f in findings)


def test_table_cell_wins_over_prose(corpus_dir):
    # the prose says 受理…申请 749 件 (incl. carry-over); the table's 一、本年新收 says 713
    _, table, _, _ = _obs(corpus_dir, "107_shuyang_2025.txt")
    assert _v(table, "政府信息公开申请数") == 713
    assert table[("政府信息公开申请数", frozenset())].table == "三"


PROSE = [
    ("004_740063c653017d1b.txt", [
        ("政府信息公开专项经费", (), 400000), ("政府信息公开工作人员数", ("兼职人员",), 156),
        ("政府网站在线访谈次数", (), 14), ("新闻发布会次数", (), 2), ("举报投诉数", (), 0),
        ("申请办理结果数", ("告知通过其他途径办理",), 6), ("行政复议数", ("尚未审结",), 2)]),
    ("000_e12181306ca0a942.txt", [
        ("政府信息公开申请数", ("网络申请",), 481), ("行政诉讼数", ("结果维持",), 34),
        ("行政复议数", ("其他结果",), 7), ("申请办理结果数", ("不同意公开",), 47)]),
    ("001_921786cd5a80cdaf.txt", [("政府信息公开申请数", (), 4), ("行政复议数", (), 1), ("举报投诉数", (), 0)]),
]


@pytest.mark.parametrize("name,cells", PROSE, ids=[p[0][:3] for p in PROSE])
def test_prose_figures(corpus_dir, name, cells):
    _, table, _, _ = _obs(corpus_dir, name)
    for metric, breakdown, value in cells:
        assert _v(table, metric, *breakdown) == pytest.approx(value), (metric, breakdown)


def test_shared_figure_is_not_given_to_one_category(corpus_dir):
    # “同意公开”和“同意部分公开”的431件: neither category alone is 431
    _, table, _, _ = _obs(corpus_dir, "000_e12181306ca0a942.txt")
    assert _v(table, "申请办理结果数", "同意部分公开") is None
    assert _v(table, "申请办理结果数", "同意公开") is None


TRAPS = [
    # own sentences; traditional characters are normalised first
    ("本年度共受理政府信息公開申請120件，其中當面申請20件，網上申請100件。", [
        ("政府信息公开申请数", (), 120), ("政府信息公开申请数", ("当面申请",), 20)]),
    ("全年召开新闻发布会3场，主动公开政府信息2600余条。", [("新闻发布会次数", (), 3), ("主动公开政府信息数", (), 2600)]),
    ("政府信息公开专项经费1.5万元。", [("政府信息公开专项经费", (), 15000)]),
    ("行政复议案件5件，其中维持具体行政行为3件，被依法纠错1件，其他情形1件。", [
        ("行政复议数", (), 5), ("行政复议数", ("结果维持",), 3), ("行政复议数", ("结果纠正",), 1)]),
    ("当面申请占总数的23.67%。", []),
]


@pytest.mark.parametrize("text,cells", TRAPS)
def test_own_sentences(text, cells):
    doc = document_from_text(text)
    obs, _ = find_observations(doc, _report(doc, 2016))
    got = {(o.metric, frozenset(o.breakdown)): o for o in obs}
    for metric, breakdown, value in cells:
        assert _v(got, metric, *breakdown) == pytest.approx(value), (metric, breakdown, text)
    if not cells:
        assert not obs
    if "余" in text:
        assert got[("主动公开政府信息数", frozenset())].approximate


def test_policy_document_has_no_figures(corpus_dir):
    doc = load(corpus_dir / "109_notice_2019_60.txt")
    info = DocumentInfo(type="PolicyDocument", title="", agency="", adcode="", year=2019)
    assert find_observations(doc, info) == ([], [])
    # the blank template tables of the notice give no figures even read as a report
    obs, _ = find_observations(doc, _report(doc, 2019))
    assert not [o for o in obs if o.table]


def _o(metric, breakdown, value):
    return Observation(metric, tuple(breakdown), float(value), str(value), 0, 1)


def test_identity_failure_is_a_finding_not_a_change():
    obs = [_o("行政复议数", [], 10), _o("行政复议数", ["结果维持"], 3), _o("行政复议数", ["结果纠正"], 1),
           _o("行政复议数", ["其他结果"], 1), _o("行政复议数", ["尚未审结"], 1)]
    findings = check_identities(obs, "2021")
    assert len(findings) == 1 and findings[0].kind == "identity" and "t4-block" in findings[0].message
    assert "行政复议数[结果维持]=3" in findings[0].message
    obs[0] = _o("行政复议数", [], 6)
    assert check_identities(obs, "2021") == []


def test_table3_row_and_balance_identities():
    obs = [_o("政府信息公开申请数", [], 5), _o("政府信息公开申请数", ["自然人"], 4),
           _o("政府信息公开申请数", ["商业企业"], 0), _o("政府信息公开申请数", ["科研机构"], 0),
           _o("政府信息公开申请数", ["社会公益组织"], 0), _o("政府信息公开申请数", ["法律服务机构"], 0),
           _o("政府信息公开申请数", ["其他法人或其他组织"], 0)]
    assert any("t3-row-total" in f.message for f in check_identities(obs, "2019"))
    obs += [_o("上年结转申请数", [], 1), _o("申请办理结果数", [], 3), _o("结转下年度申请数", [], 2)]
    assert any("t3-balance" in f.message for f in check_identities(obs, "2019"))


def test_national_2016_statistics_table_run_together():
    # the 2016–2018 national 统计表 layout, cells run together after each indicator and its unit
    text = ("某区2017年政府信息公开工作年度报告\n附件：政府信息公开情况统计表\n"
            "统计指标单位统计数一、主动公开情况（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）条1520"
            "其中：主动公开规范性文件数条12制发规范性文件总数件15（二）通过不同渠道和方式公开政府信息的情况"
            "1．政府公报公开政府信息数条302．政府网站公开政府信息数条1400"
            "四、行政复议数量件3（一）维持具体行政行为数件2（二）被依法纠错数件1（三）其他情形数件0"
            "五、行政诉讼数量件2（一）维持具体行政行为或者驳回原告诉讼请求数件1（二）被依法纠错数件0（三）其他情形数件1"
            "（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）万元4.5\n")
    doc = document_from_text(text)
    obs, _ = find_observations(doc, _report(doc, 2017))
    got = {(o.metric, frozenset(o.breakdown)): o for o in obs}
    assert _v(got, "主动公开政府信息数") == 1520  # the 1 inside the note is not a cell
    assert _v(got, "主动公开政府信息数", "政府公报") == 30  # 302． = 30 and the numbering 2．
    assert _v(got, "主动公开规范性文件数") == 12
    assert _v(got, "行政复议数", "结果纠正") == 1 and _v(got, "行政诉讼数", "结果纠正") == 0
    assert _v(got, "行政诉讼数", "其他结果") == 1
    assert _v(got, "政府信息公开专项经费") == 45000 and got[("政府信息公开专项经费", frozenset())].unit == "yuan"


def test_cells_set_off_by_bars_are_never_cut():
    # six printed cells for seven columns: reading 12 as 1|2 would invent a cell
    text = ("三、收到和处理政府信息公开申请情况\n"
            "| 一、本年新收政府信息公开申请数量 | 5 | 3 | 0 | 0 | 12 | 20 |\n"
            "四、政府信息公开行政复议、行政诉讼情况\n")
    doc = document_from_text(text)
    obs, findings = find_observations(doc, _report(doc, 2021))
    assert not [o for o in obs if o.table == "三"]
    assert any(f.kind == "unparsed-cell" for f in findings)


def test_prose_sentence_naming_the_row_settles_a_run_together_cell(corpus_dir):
    # 行政规范性文件77132470: the prose's 制发的规范性文件77件 fixes the first cell only
    _, table, _, findings = _obs(corpus_dir, "106_pingtan_2023.txt")
    assert _v(table, "规范性文件", "本年制发件数") == 77
    assert _v(table, "规范性文件", "现行有效件数") is None
    assert any(f.kind == "ambiguous-split" and "现行有效件数" in f.message for f in findings)


def test_one_cell_a_line_with_signs_separators_and_blanks():
    # own 2019-format fragment: a negative change, a thousands separator, a "/" cell kept apart from 0
    text = ("二、主动公开政府信息情况\n第二十条第（五）项\n信息内容\n上一年项目数量\n本年增/减\n处理决定数量\n"
            "行政许可\n821\n-92\n18,057\n行政事业性收费\n35\n/\n三、收到和处理政府信息公开申请情况\n")
    doc = document_from_text(text)
    obs, _ = find_observations(doc, _report(doc, 2020))
    got = {(o.metric, frozenset(o.breakdown)): o for o in obs}
    assert _v(got, "行政许可", "本年增减") == -92
    assert _v(got, "行政许可", "处理决定数量") == 18057
    blank = got[("行政事业性收费", frozenset(["本年增减"]))]
    assert blank.value is None and blank.raw == "/"
