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


# Own sentences in the many wordings reports use (verbs, orders, numerals, channels, results),
# and the traps: another year's figure, a change, a running total, other things counted, dates,
# phone numbers, 文号, percentages. (text, {(metric, breakdown): value}, nothing else may be read)
PROSE_WORDINGS = [
    # the channels' total printed after them: the total, not the website's figure
    ('全年通过局门户网站主动公开政府信息1286条，通过微信公众号发布信息642条，通过政务微博发布信息211条，三个渠道合计发布2139条。',
     {('主动公开政府信息数', ()): 2139, ('主动公开政府信息数', ('政府网站',)): 1286}, False),
    # staff, meetings, gazette, interviews, channels and amendments in more wordings
    ('全市从事政府信息公开工作的人员共有428名，其中专职63名、兼职365名。',
     {('政府信息公开工作人员数', ()): 428, ('政府信息公开工作人员数', ('专职人员',)): 63,
      ('政府信息公开工作人员数', ('兼职人员',)): 365}, True),
    ('明确办公室1名专职人员负责日常工作，各股室确定兼职信息员4名。',
     {('政府信息公开工作人员数', ('专职人员',)): 1}, True),
    ('各股室各明确兼职信息员1名，共6名。', {}, True),  # one per unit is no staff figure
    ('市政府先后4次召开专题会议研究部署政务公开工作。', {('政府信息公开会议数', ()): 4}, True),
    ('编印《市人民政府公报》12期，刊登文件143件。', {('主动公开政府信息数', ('政府公报',)): 143}, True),
    ('政府网站“在线访谈”栏目邀请部门负责人做客9期。', {('政府网站在线访谈次数', ()): 9}, True),
    ('网上申请198件，当面申请86件，以信函方式提出27件。',
     {('政府信息公开申请数', ('网络申请',)): 198, ('政府信息公开申请数', ('当面申请',)): 86,
      ('政府信息公开申请数', ('信函申请',)): 27}, True),
    ('举办政务公开和政策解读业务培训2期，参训干部职工86人次。',
     {('政府信息公开培训班数', ()): 2, ('政府信息公开培训人次', ()): 86}, True),
    # interpretation material by its verb and noun, whatever stands between
    ('全年发布图解、视频等多形式解读材料一百二十七篇。', {('政策解读稿件发布数', ()): 127}, True),
    ('围绕义务教育招生政策发布解读稿件14篇，其中“一图读懂”6篇。', {('政策解读稿件发布数', ()): 14}, True),
    ('区财政安排政务公开专项经费35万元。', {('政府信息公开专项经费', ()): 350000}, True),
    ('举办业务培训班5期，累计培训各镇（街道）、各部门分管负责同志和业务骨干430人次。',
     {('政府信息公开培训班数', ()): 5, ('政府信息公开培训人次', ()): 430}, True),
    # the parts of a review figure in the sentence after it; a pending case at the year's end
    ('全年因政府信息公开申请引发行政复议5件。其中，复议机关维持原具体行政行为3件，被依法纠错1件，截至年底尚在审理中1件。',
     {('行政复议数', ()): 5, ('行政复议数', ('结果维持',)): 3, ('行政复议数', ('结果纠正',)): 1,
      ('行政复议数', ('尚未审结',)): 1}, True),
    # the training's subject between the verb and 培训; the trainees between 培训 and the figure
    ('举办全市人社系统政务公开业务培训2期，培训120人次。',
     {('政府信息公开培训班数', ()): 2, ('政府信息公开培训人次', ()): 120}, True),
    ('举办政务公开业务培训班3期，培训各单位工作人员210人次。',
     {('政府信息公开培训班数', ()): 3, ('政府信息公开培训人次', ()): 210}, True),
    # a column of the site, or the year, between the channel and the figure
    ('全年在县人民政府门户网站镇专栏发布信息187条。',
     {('主动公开政府信息数', ('政府网站',)): 187}, False),
    ('镇政务微信公众号全年推送信息412条。',
     {('主动公开政府信息数', ('政务微信',)): 412}, True),
    ('通过电子屏、社区公开栏等其他方式公开979条。',
     {('主动公开政府信息数', ('其他方式',)): 979}, True),
    ('通过微信群回应群众关切事项9件。',
     {('回应公众关注热点或重大舆情数', ()): 9}, True),
    # a site's own wording is no channel figure
    ('把“我为政府网站找错”网民留言办理作为一项重要工作。', {}, True),
    ('2016年全区共主动公开政府信息3125条，其中通过政府网站公开2800条，通过政务微博公开200条，通过政务微信公开125条。',
     {('主动公开政府信息数', ()): 3125, ('主动公开政府信息数', ('政府网站',)): 2800, ('主动公开政府信息数', ('政务微博',)): 200, ('主动公开政府信息数', ('政务微信',)): 125}, True),
    ('本年度主动公开各类信息1.2万条。',
     {('主动公开政府信息数', ()): 12000}, True),
    ('全年累计发布政府信息2600余条，通过政府公报公开政府信息30条。',
     {('主动公开政府信息数', ()): 2600, ('主动公开政府信息数', ('政府公报',)): 30}, True),
    ('全年主动公开信息5000条，其中门户网站4100条、政务微博520条、政务微信380条。',
     {('主动公开政府信息数', ()): 5000, ('主动公开政府信息数', ('政府网站',)): 4100, ('主动公开政府信息数', ('政务微博',)): 520, ('主动公开政府信息数', ('政务微信',)): 380}, True),
    ('依托区政府门户网站主动公开政府信息8120条。',
     {('主动公开政府信息数', ('政府网站',)): 8120, ('主动公开政府信息数', ()): 8120}, True),
    ('全年共受理政府信息公开申请120件，其中当面申请20件、网络申请85件、信函申请10件、传真申请3件、电子邮件申请2件。',
     {('政府信息公开申请数', ()): 120, ('政府信息公开申请数', ('当面申请',)): 20, ('政府信息公开申请数', ('网络申请',)): 85, ('政府信息公开申请数', ('信函申请',)): 10, ('政府信息公开申请数', ('传真申请',)): 3, ('政府信息公开申请数', ('电子邮件申请',)): 2}, True),
    ('本机关共收到信息公开申请二十三件。',
     {('政府信息公开申请数', ()): 23}, True),
    ('共接到依申请公开申请45件，其中现场申请5件，网上提交40件。',
     {('政府信息公开申请数', ()): 45, ('政府信息公开申请数', ('当面申请',)): 5, ('政府信息公开申请数', ('网络申请',)): 40}, True),
    ('全年共受理37件政府信息公开申请。',
     {('政府信息公开申请数', ()): 37}, True),
    ('對申請均已答復：其中同意公開30件，同意部分公開4件，不同意公開2件。',
     {('申请办理结果数', ('同意公开',)): 30, ('申请办理结果数', ('同意部分公开',)): 4, ('申请办理结果数', ('不同意公开',)): 2}, True),
    ('全部58件均已在法定期限内答复。',
     {('申请办理结果数', ()): 58}, True),
    ('因政府信息公开被申请行政复议5起，其中维持3起、纠正1起、尚在审理1起。',
     {('行政复议数', ()): 5, ('行政复议数', ('结果维持',)): 3, ('行政复议数', ('结果纠正',)): 1, ('行政复议数', ('尚未审结',)): 1}, True),
    ('被提起行政诉讼4件，其中判决维持2件，败诉1件，原告撤诉1件。',
     {('行政诉讼数', ()): 4, ('行政诉讼数', ('结果维持',)): 2, ('行政诉讼数', ('结果纠正',)): 1, ('行政诉讼数', ('其他结果',)): 1}, True),
    ('發生行政復議2件，其中維持1件，撤銷1件；行政訴訟1件，法院駁回原告訴訟請求1件。',
     {('行政复议数', ()): 2, ('行政复议数', ('结果维持',)): 1, ('行政复议数', ('结果纠正',)): 1, ('行政诉讼数', ()): 1, ('行政诉讼数', ('结果维持',)): 1}, True),
    ('全年收到有关政府信息公开的举报投诉2件，均已办结。',
     {('举报投诉数', ()): 2}, True),
    ('本年度收取检索、复制费用共计120元。',
     {('依申请公开收费金额', ()): 120}, True),
    # no printed figure: the fee is not read as 0 (only a printed number is a value)
    ('在办理依申请公开过程中未收取任何费用。',
     {}, True),
    ('全区配备专职工作人员3名，兼职工作人员15名。',
     {('政府信息公开工作人员数', ('专职人员',)): 3, ('政府信息公开工作人员数', ('兼职人员',)): 15}, True),
    ('各单位共有专兼职人员56名。',
     {('政府信息公开工作人员数', ()): 56}, True),
    ('全年召开政务公开专题会议4次，举办培训班5期、培训320人次。',
     {('政府信息公开会议数', ()): 4, ('政府信息公开培训班数', ()): 5, ('政府信息公开培训人次', ()): 320}, True),
    ('召开3次政府信息公开工作会议，组织政务公开业务培训2次，参训人员150人次。',
     {('政府信息公开会议数', ()): 3, ('政府信息公开培训班数', ()): 2, ('政府信息公开培训人次', ()): 150}, True),
    ('全年回应社会关切问题45个。',
     {('回应公众关注热点或重大舆情数', ()): 45}, True),
    ('2016年主动公开政府信息5000条，比上年增加300条。',
     {('主动公开政府信息数', ()): 5000}, True),
    ('上年主动公开政府信息4700条。',
     {}, True),
    ('截至2016年底，累计主动公开政府信息45000条。',
     {}, True),
    ('全区45个部门主动公开政府信息，开设12个栏目。',
     {}, True),
    ('依申请公开答复率为98.5%，咨询电话：0512-12345678。',
     {}, True),
    ('依据《国务院办公厅关于印发2016年政务公开工作要点的通知》（国办发〔2016〕19号）。',
     {}, True),
    ('全年召开区政府常务会议24次，召开新闻发布会9次。',
     {('新闻发布会次数', ()): 9}, True),
    ('组织33场垃圾分类宣传、培训活动。',
     {}, True),
    ('其中当场答复12件。',
     {}, True),
    ('全年收取行政事业性收费3862万元。',
     {}, True),
    ('上年度受理政府信息公开申请80件。',
     {}, True),
    ('不予处理的信访举报投诉类申请8件。',
     {}, True),
    ('全年通过政府门户网站发布信息3521条，通过“两微一端”发布信息1200条。',
     {('主动公开政府信息数', ('政府网站',)): 3521, ('主动公开政府信息数', ()): 3521}, False),
    ('本年度我局共主动公开政府信息1,235条。',
     {('主动公开政府信息数', ()): 1235}, True),
    ('主动公开政府信息数为856条。',
     {('主动公开政府信息数', ()): 856}, True),
    ('全年共主动公开政府信息近三千条。',
     {('主动公开政府信息数', ()): 3000}, True),
    ('2017年，本机关共受理政府信息公开申请15件（含网上申请9件）。',
     {('政府信息公开申请数', ()): 15, ('政府信息公开申请数', ('网络申请',)): 9}, True),
    ('共受理各类政府信息公开申请共计56件。',
     {('政府信息公开申请数', ()): 56}, True),
    ('收到申请人提出的政府信息公开申请37件。',
     {('政府信息公开申请数', ()): 37}, True),
    ('其中，通过网络申请的30件，当面申请的5件，信函申请的2件。',
     {('政府信息公开申请数', ('网络申请',)): 30, ('政府信息公开申请数', ('当面申请',)): 5, ('政府信息公开申请数', ('信函申请',)): 2}, True),
    ('已办结申请52件。',
     {('申请办理结果数', ()): 52}, True),
    ('全年未发生因政府信息公开引起的行政复议和行政诉讼案件。',
     {}, False),
    ('行政复议申请3件，均维持原具体行政行为。',
     {('行政复议数', ()): 3}, False),
    ('行政诉讼案件2起，均在审理中。',
     {('行政诉讼数', ()): 2}, False),
    ('本年度依申请公开未收取任何费用，也无减免情况。',
     {}, True),
    ('收取信息处理费0元。',
     {('依申请公开收费金额', ()): 0}, True),
    ('现有政府信息公开工作人员12名，其中专职4名，兼职8名。',
     {('政府信息公开工作人员数', ()): 12, ('政府信息公开工作人员数', ('专职人员',)): 4, ('政府信息公开工作人员数', ('兼职人员',)): 8}, True),
    ('举办政务公开专题培训3场，培训各级干部260余人次。',
     {('政府信息公开培训班数', ()): 3, ('政府信息公开培训人次', ()): 260}, True),
    ('开展政府信息公开培训12次，参加培训人员达500人次。',
     {('政府信息公开培训班数', ()): 12, ('政府信息公开培训人次', ()): 500}, False),
    ('全年召开政务公开工作领导小组会议2次。',
     {('政府信息公开会议数', ()): 2}, True),
    ('在线访谈12期，发布政策解读稿件35篇。',
     {('政府网站在线访谈次数', ()): 12, ('政策解读稿件发布数', ()): 35}, True),
    ('举办新闻发布会十二场。',
     {('新闻发布会次数', ()): 12}, True),
    ('接到举报投诉3件，均已按规定处理。',
     {('举报投诉数', ()): 3}, True),
    ('全年共收到行政复议申请1件，经审理维持原具体行政行为1件。',
     {('行政复议数', ()): 1, ('行政复议数', ('结果维持',)): 1}, True),
    ('比2015年的3000条增长20%。',
     {}, True),
    ('全区32个单位开通了政务微博。',
     {}, True),
    ('群众通过区长信箱留言1200条。',
     {}, True),
    ('本年收到人大代表建议89件、政协提案112件。',
     {}, True),
    ('发放宣传册3000份，接待群众咨询500人次。',
     {}, True),
    ('受理行政许可事项12000件。',
     {}, True),
    ('区政府常务会议审议规范性文件8件。',
     {}, True),
    ("对依申请公开的答复总数3条。", {('申请办理结果数', ()): 3}, True),
    ("全年共组织开展信息公开相关培训3次。", {('政府信息公开培训班数', ()): 3}, True),
    ("在市政府采购网上主动公开政府采购项目信息120条。", {}, True),
    ("全年共发布信息85条。", {}, True),
    ("其中作为依申请公开信息46条。", {}, True),
    ("其中当场办结12件，按时办结率100%。", {}, True),
    ("区直各部门主动公开政府信息303条，各乡镇主动公开政府信息122条。", {}, True),
    ("全区各部门、各镇（街道）共主动公开政府信息5120条。", {('主动公开政府信息数', ()): 5120}, True),
    ("通过政务微博、微信发布信息1200条。", {}, True),
    ("政府网站全年访问量达120万次，开设专题栏目8个。", {}, True),
    ('2018年，我委共受理政府信息公开申请件数为42件。',
     {('政府信息公开申请数', ()): 42}, True),
    ('本年度政府信息公开申请数量为18件。',
     {('政府信息公开申请数', ()): 18}, True),
    ('全年共接收政府信息公开申请三百二十件。',
     {('政府信息公开申请数', ()): 320}, True),
    ('受理的申请中，通过网络提交的226件，占70.6%；当面提交的80件；信函提交的14件。',
     {('政府信息公开申请数', ('网络申请',)): 226, ('政府信息公开申请数', ('当面申请',)): 80, ('政府信息公开申请数', ('信函申请',)): 14}, True),
    ('全年共主动公开政府信息12,468条，较上年增长15%。',
     {('主动公开政府信息数', ()): 12468}, True),
    ('主动公开政府信息总量达3.6万条。',
     {('主动公开政府信息数', ()): 36000}, True),
    ('通过政府公报刊登规范性文件25件。',
     {}, False),
    ('全年办理行政复议案件3件，均维持原行政行为。',
     {('行政复议数', ()): 3}, True),
    ('因政府信息公开被提起行政诉讼6件，已审结4件，其中驳回原告诉讼请求3件，原告撤诉1件，尚在审理中2件。',
     {('行政诉讼数', ()): 6, ('行政诉讼数', ('结果维持',)): 3, ('行政诉讼数', ('其他结果',)): 1, ('行政诉讼数', ('尚未审结',)): 2}, True),
    ('全年召开政府信息公开工作专题会议3次，召开新闻发布会12场，开展在线访谈8期。',
     {('政府信息公开会议数', ()): 3, ('新闻发布会次数', ()): 12, ('政府网站在线访谈次数', ()): 8}, True),
    ('政府信息公开工作机构1个，专职人员2人，兼职人员5人。',
     {('政府信息公开工作人员数', ('专职人员',)): 2, ('政府信息公开工作人员数', ('兼职人员',)): 5}, False),
    ('全年收取信息处理费共计1,200元。',
     {('依申请公开收费金额', ()): 1200}, True),
    ('全年无因政府信息公开收取费用的情况。',
     {}, True),
    ('发布政策解读材料56篇，回应公众关注热点问题12次。',
     {('政策解读稿件发布数', ()): 56, ('回应公众关注热点或重大舆情数', ()): 12}, True),
    ('2019年1月1日起施行，有效期5年。',
     {}, True),
    ('办公地址：某区某路88号，邮编215000。',
     {}, True),
    ('主动公开政府信息目录中的信息1200条。',
     {}, False),
    ('较2017年的2100条减少300条。',
     {}, True),
    ('全区共有政府信息公开查阅点12个，设置专门机构3个。',
     {('政府信息公开查阅点数', ()): 12}, False),
    ('行政复议5件（维持3件、纠正1件、其他1件）。',
     {('行政复议数', ()): 5, ('行政复议数', ('结果维持',)): 3, ('行政复议数', ('结果纠正',)): 1}, False),
    ("全年未发生因政府信息公开引起的行政复议和行政诉讼案件。", {('行政复议数', ()): 0, ('行政诉讼数', ()): 0}, True),
    ("行政复议、行政诉讼各1件。", {('行政复议数', ()): 1, ('行政诉讼数', ()): 1}, True),
    ("没有出现行政诉讼败诉案件。", {}, True),
    ("未发生行政复议被纠错的情况。", {}, True),
    ("全年共收到網上申請12件，當面申請3件，均已辦結。", {('政府信息公开申请数', ('网络申请',)): 12, ('政府信息公开申请数', ('当面申请',)): 3}, True),
    ("通過政務微博發佈信息320條，舉報投訴2件，收取檢索、複製費用共計50元。",
     {('主动公开政府信息数', ('政务微博',)): 320, ('举报投诉数', ()): 2, ('依申请公开收费金额', ()): 50}, True),
    ("上年受理申请80件。", {}, True),
]

# the 2019/2021 formats in prose (the tables may be lost in a copy): carry-over, outcomes, totals
PROSE_2019 = [
    ("本年新收申请111件，上年结转4件，办结109件，结转下年度6件。",
     {('政府信息公开申请数', ()): 111, ('上年结转申请数', ()): 4, ('申请办理结果数', ()): 109, ('结转下年度申请数', ()): 6}),
    ("办结政府信息公开申请774件（含上年度结转的申请21件），结转至下年度的申请20件。",
     {('申请办理结果数', ()): 774, ('上年结转申请数', ()): 21, ('结转下年度申请数', ()): 20}),
    ("其中予以公开36件，部分公开5件，不予公开13件，无法提供37件，不予处理10件，其他处理8件。",
     {('申请办理结果数', ('予以公开',)): 36, ('申请办理结果数', ('部分公开',)): 5, ('申请办理结果数', ('不予公开',)): 13,
      ('申请办理结果数', ('无法提供',)): 37, ('申请办理结果数', ('不予处理',)): 10, ('申请办理结果数', ('其他处理',)): 8}),
]


@pytest.mark.parametrize("text,cells,exact", PROSE_WORDINGS, ids=[t[:14] for t, _, _ in PROSE_WORDINGS])
def test_prose_wordings(text, cells, exact):
    doc = document_from_text(text)
    info = DocumentInfo(type="AnnualReport", title="", agency="", adcode="", year=2016, format="2008")
    obs, _ = find_observations(doc, info)
    got = {(o.metric, frozenset(o.breakdown)): o.value for o in obs}
    want = {(m, frozenset(b)): v for (m, b), v in cells.items()}
    assert {k: got.get(k) for k in want} == want
    if exact:
        assert not set(got) - set(want), sorted(set(got) - set(want))


def test_approximate_and_chinese_figures_in_prose():
    doc = document_from_text("全年累计发布政府信息2600余条。本机关共收到信息公开申请二十三件。")
    obs, _ = find_observations(doc, _report(doc, 2016))
    got = {o.metric: o for o in obs}
    assert got["主动公开政府信息数"].approximate and got["主动公开政府信息数"].value == 2600
    assert got["政府信息公开申请数"].value == 23 and not got["政府信息公开申请数"].approximate


def test_zero_fee_is_in_yuan():
    doc = document_from_text("本年度收取信息处理费0元。")
    obs, _ = find_observations(doc, _report(doc, 2020))
    assert [(o.metric, o.value, o.unit) for o in obs] == [("依申请公开收费金额", 0.0, "yuan")]


def test_no_fee_charged_prints_no_figure():
    doc = document_from_text("本年度未收取信息处理费。")
    obs, _ = find_observations(doc, _report(doc, 2020))
    assert [o for o in obs if o.metric == "依申请公开收费金额"] == []


_SPANNED = """<html><head><meta charset="utf-8"><title>某区2020年政府信息公开工作年度报告</title></head>
<body><div class="article"><p>某区2020年政府信息公开工作年度报告</p><p>二、主动公开政府信息情况</p>
<table><tr><td colspan="4">第二十条第（八）项</td></tr>
<tr><td>信息内容</td><td>上一年项目数量</td><td colspan="2">本年增/减</td></tr>
<tr><td>行政事业性收费</td><td>37</td><td colspan="2">-2</td></tr>
<tr><td colspan="4">第二十条第（九）项</td></tr>
<tr><td>信息内容</td><td>采购项目数量</td><td colspan="2">采购总金额</td></tr>
<tr><td>政府集中采购</td><td>12</td><td colspan="2">1,520.5万元</td></tr></table>
<p>三、收到和处理政府信息公开申请情况</p></div></body></html>"""


def test_spanned_cells_are_read_once_and_keep_their_unit(tmp_path):
    # a colspan cell is one printed value; a cell that prints 万元 is scaled by it
    path = tmp_path / "spanned.html"
    path.write_text(_SPANNED, encoding="utf-8")
    doc = load(path)
    assert any(c.is_copy for t in doc.tables for r in t.rows for c in r)
    obs, findings = find_observations(doc, _report(doc, 2020))
    got = {(o.metric, frozenset(o.breakdown)): o for o in obs}
    assert _v(got, "行政事业性收费", "本年增减") == -2
    assert _v(got, "政府集中采购", "采购项目数量") == 12
    amount = got[("政府集中采购", frozenset(["采购总金额"]))]
    assert amount.value == pytest.approx(15205000) and amount.unit == "yuan"
    assert not [f for f in findings if f.kind == "unparsed-cell"]
    # the same rows as text, the copies repeated: read once as well
    doc = document_from_text("二、主动公开政府信息情况\n信息内容 | 采购项目数量 | 采购总金额 | 采购总金额\n"
                             "政府集中采购 | 426 | 38652.17万元 | 38652.17万元\n三、收到和处理政府信息公开申请情况\n")
    obs, _ = find_observations(doc, _report(doc, 2020))
    got = {(o.metric, frozenset(o.breakdown)): o for o in obs}
    assert _v(got, "政府集中采购", "采购项目数量") == 426
    assert _v(got, "政府集中采购", "采购总金额") == pytest.approx(386521700)



@pytest.mark.parametrize("text,cells", PROSE_2019, ids=[t[:14] for t, _ in PROSE_2019])
def test_prose_in_2019_formats(text, cells):
    doc = document_from_text(text)
    info = DocumentInfo(type="AnnualReport", title="", agency="", adcode="", year=2020, format="2019")
    obs, _ = find_observations(doc, info)
    got = {(o.metric, frozenset(o.breakdown)): o.value for o in obs}
    assert got == {(m, frozenset(b)): v for (m, b), v in cells.items()}


@pytest.mark.parametrize("footer", ["— 3 —", "第 3 页 共 8 页", "第3页", "- 12 -",
                                    "                              3\n\f"])  # a centred number, then the form feed
def test_page_footers_between_rows_are_no_figures(footer):
    from disclosure_kg.extract.metrics.tokens import tokenize
    text = f"二、上年结转政府信息公开申请数量 21 3\n      {footer}\n0 0 1 0 25"
    assert [t.text for t in tokenize(text, 0, len(text)) if t.kind == "num"] == ["21", "3", "0", "0", "1", "0", "25"]


def test_a_pdf_row_that_lost_its_blank_cells_is_reported_not_cut():
    # five figures for seven cells (the blanks left no trace in the text layer): cutting 35 and 41
    # would be the only way to make seven cells, and it is a guess the row's identity refuses
    from dataclasses import replace
    doc = document_from_text(
        "三、收到和处理政府信息公开申请情况\n"
        "一、本年新收政府信息公开申请数量 35 4 1 1 41\n"
        "二、上年结转政府信息公开申请数量 2 0 0 0 0 0 2\n"
        "四、结转下年度继续办理 1 0 0 0 0 0 1\n"
        "四、行政复议、行政诉讼情况\n")
    obs, findings = find_observations(doc, replace(_report(doc, 2022), format="2021"))
    got = {(o.metric, o.breakdown): o.value for o in obs}
    assert not [k for k in got if k[0] == "政府信息公开申请数"]
    assert got[("上年结转申请数", ("自然人",))] == 2
    assert any(f.kind == "unparsed-cell" and "本年新收" in f.message for f in findings)


def test_pipe_rows_without_end_bars_are_read_by_position():
    # cells joined by bars with no bar at the line ends, as a page's table is flattened; the
    # 科研机构 column is left blank in every row
    from disclosure_kg.extract.pipetables import pipe_tables
    text = (" |  | 自然人 | 法人或其他组织 |  |  |  |  | 总计\n"
            " |  |  | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | \n"
            "一、本年新收政府信息公开申请数量 |  | 83 | 41 |  | 2 | 6 | 3 | 135\n")
    (table,) = pipe_tables(text)
    assert [len(r) for r in table.rows] == [9, 9, 9]
    assert [c.text for c in table.rows[2]][4:6] == ["", "2"]
    assert pipe_tables("首页 | 政务公开 | 年度报告\n") == []  # a line of links is a menu
