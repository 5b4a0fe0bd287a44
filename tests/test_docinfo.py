"""Document identity: type, issuing body, division and year — on every corpus document as the
gold gives them, and on sentences written for each trap."""
from __future__ import annotations

import pytest

from disclosure_kg.extract.docinfo import document_info
from disclosure_kg.extract.pipeline import document_from_text, load


def test_corpus_identity_matches_gold(corpus_dir, gold):
    wrong = []
    for path in sorted(corpus_dir.iterdir()):
        expected = gold.get(path.name)
        if expected is None:
            continue
        info, _ = document_info(load(path))
        got = {"type": info.type, "agency": info.agency, "adcode": info.adcode, "year": info.year}
        want = {k: expected[k] for k in got}
        if got != want:
            wrong.append((path.name, got, want))
    assert not wrong


def test_corpus_agency_offsets_quote_the_issuer(corpus_dir):
    for path in sorted(corpus_dir.iterdir()):
        doc = load(path)
        info, _ = document_info(doc)
        if info.agency_start >= 0:
            written = doc.text[info.agency_start:info.agency_end]
            assert written and "\n" not in written, path.name


def _info(text: str):
    return document_info(document_from_text(text))


def test_policy_notice_with_doc_number_and_signature():
    info, _ = _info(
        "某市人民政府办公厅关于印发《2021年政务公开工作要点》的通知\n"
        "沪府办〔2021〕7号\n\n各区人民政府，市政府各委、办、局：\n\n现将要点印发给你们，请认真按照执行。\n\n"
        "上海市人民政府办公厅\n2021年4月2日\n")
    assert info.type == "PolicyDocument"
    assert info.doc_number == "沪府办〔2021〕7号"
    assert info.issued == "2021-04-02" and info.year == 2021


def test_report_title_on_two_lines_department_report():
    info, _ = _info("2024 年上海市人民政府办公厅政府信息公开\n工作年度报告\n本年度报告中所列数据统计期限为 2024\n年 1 月 1 日至 12 月 31 日。\n")
    assert (info.type, info.agency, info.adcode, info.year) == ("AnnualReport", "上海市人民政府办公厅", "310000", 2024)


def test_traditional_title_short_district_name():
    info, _ = _info("甌海區人民政府2019年度政府信息公開工作年度報告\n本報告所列數據的統計期限自2019年1月1日起至2019年12月31日止。\n")
    assert (info.agency, info.adcode, info.year) == ("温州市瓯海区人民政府", "330304", 2019)


def test_ocr_misread_county_is_flagged():
    info, findings = _info("沐阳县人民政府2024年政府信息公开工作年度报告\n\n沐阳县人民政府\n2025年1月20日\n")
    assert (info.agency, info.adcode, info.year, info.issued) == ("沭阳县人民政府", "321322", 2024, "2025-01-20")
    assert any(f.kind == "ocr-division" for f in findings)


def test_report_without_title_reads_its_division_and_year():
    info, _ = _info("一、概述\n2017年，杨浦区认真落实政务公开要求。区政府加强领导，本区各部门……\n"
                    "二、主动公开政府信息情况\n2017年，杨浦区累计主动公开政府信息100条。我区依申请公开……\n")
    assert (info.type, info.agency, info.adcode, info.year) == ("AnnualReport", "上海市杨浦区人民政府", "310110", 2017)


def test_zone_report_and_chinese_numeral_date():
    info, _ = _info("平潭综合实验区2012年政府信息公开工作年度报告\n本报告由区管委会办公室编制。\n二○一三年一月十日\n")
    assert (info.agency, info.adcode, info.year, info.issued) == ("平潭综合实验区管理委员会", "350128", 2012, "2013-01-10")


def test_national_notice_year_from_page_date():
    info, _ = _info("标题: 国务院办公厅政府信息与政务公开办公室关于做好年度报告工作的通知\n发布时间: 2020-12-01 10:00\n"
                    "各省、自治区、直辖市人民政府办公厅：现就有关事项通知如下：……（国办公开办函〔2019〕51号）\n")
    assert (info.type, info.agency, info.adcode, info.year) == ("PolicyDocument", "国务院办公厅政府信息与政务公开办公室", "100000", 2020)
    assert info.doc_number is None  # a 文号 in the body is a citation, not the notice's own


@pytest.mark.parametrize("title, agency, adcode, year", [
    # a Chinese-numeral year and a trailing note
    ("杨浦区二〇一九年政府信息公开工作年度报告（全文）", "上海市杨浦区人民政府", "310110", 2019),
    # a department's own report is the department's
    ("上海市杨浦区房屋管理局2019年政府信息公开工作年度报告", "上海市杨浦区房屋管理局", "310110", 2019),
    ("2020年杨浦区房管局政府信息公开工作年度报告", "上海市杨浦区房屋管理局", "310110", 2020),
    ("教育部2019年政府信息公开工作年度报告", "教育部", "100000", 2019),
    ("福建省2019年政府信息公开工作年度报告", "福建省人民政府", "350000", 2019),
    ("平潭综合实验区管委会2018年政府信息公开工作年度报告", "平潭综合实验区管理委员会", "350128", 2018),
    # a former name in its own years: the division that carries it on
    ("开封县人民政府2013年政府信息公开工作年度报告", "开封市祥符区人民政府", "410212", 2013),
    # townships and sub-districts sit under their county's code
    ("杨浦区五角场街道办事处2019年度政府信息公开工作年度报告", "上海市杨浦区五角场街道办事处", "310110", 2019),
    ("北京市昌平区沙河镇人民政府2018年政府信息公开工作年度报告", "北京市昌平区沙河镇人民政府", "110114", 2018),
])
def test_report_titles(title, agency, adcode, year):
    info, _ = _info(title + "\n本报告所列数据的统计期限自1月1日起至12月31日止。\n")
    assert (info.type, info.agency, info.adcode, info.year) == ("AnnualReport", agency, adcode, year)


def test_column_name_is_not_the_title():
    info, _ = _info("政府信息公开年报\n瓯海区人民政府2021年度政府信息公开工作年度报告\n正文\n")
    assert (info.agency, info.year) == ("温州市瓯海区人民政府", 2021)


# ------------------------------------------------------------------ unseen shapes, one row each

_SHAPES = [
    # a department's own report: the department, under its city's code
    ("苏州市生态环境局2018年政府信息公开工作年度报告\n本报告所列数据统计期限为2018年1月1日至12月31日。\n",
     "AnnualReport", "苏州市生态环境局", "320500", 2018),
    ("蘇州市生態環境局2018年政府信息公開工作年度報告\n", "AnnualReport", "苏州市生态环境局", "320500", 2018),
    ("昆山市教育局2020年政府信息公开工作年度报告\n", "AnnualReport", "昆山市教育局", "320583", 2020),
    ("苏州市人民政府办公室2020年政府信息公开工作年度报告\n", "AnnualReport", "苏州市人民政府办公室", "320500", 2020),
    # a county-level city, written in full or short, 年 or 年度
    ("昆山市人民政府2019年政府信息公开工作年度报告\n", "AnnualReport", "昆山市人民政府", "320583", 2019),
    ("昆山市2019年度政府信息公开工作年度报告\n", "AnnualReport", "昆山市人民政府", "320583", 2019),
    # sub-districts and townships: their own name, the county's code
    ("杨浦区五角场街道办事处2019年政府信息公开工作年度报告\n", "AnnualReport", "上海市杨浦区五角场街道办事处", "310110", 2019),
    ("北京市昌平区城北街道办事处2018年政府信息公开工作年度报告\n", "AnnualReport", "北京市昌平区城北街道办事处", "110114", 2018),
    ("沭阳县沭城街道2022年政府信息公开工作年度报告\n", "AnnualReport", "沭阳县沭城街道办事处", "321322", 2022),
    ("相城區望亭鎮2017年政府資訊公開工作年度報告\n", "AnnualReport", "苏州市相城区望亭镇人民政府", "320507", 2017),
    # development zones not in agency_zones.tsv: the committee, the code of the division named first
    ("苏州工业园区管理委员会2019年政府信息公开工作年度报告\n", "AnnualReport", "苏州工业园区管理委员会", "320500", 2019),
    ("苏州工业园区2019年政府信息公开工作年度报告\n", "AnnualReport", "苏州工业园区管理委员会", "320500", 2019),
    ("昆山高新区管委会办公室2021年政府信息公开工作年度报告\n", "AnnualReport", "昆山高新区管理委员会办公室", "320583", 2021),
    # a provincial office's notice with its 文号 under the title, or in the header
    ("江苏省人民政府办公厅关于印发2021年江苏省政务公开工作要点的通知\n苏政办发〔2021〕35号\n\n各市、县（市、区）人民政府：\n"
     "现将要点印发给你们。\n\n江苏省人民政府办公厅\n2021年6月8日\n", "PolicyDocument", "江苏省人民政府办公厅", "320000", 2021),
    ("标题: 浙江省人民政府办公厅关于做好政府信息公开工作年度报告有关事项的通知\n文号: 浙政办发〔2019〕12号\n"
     "发布时间: 2019-02-01\n==== 正文 ====\n各市、县（市、区）人民政府：\n……\n浙江省人民政府办公厅\n2019年1月28日\n",
     "PolicyDocument", "浙江省人民政府办公厅", "330000", 2019),
    ("相城区人民政府办公室关于做好2020年政务公开工作的通知\n相政办〔2020〕12号\n\n各镇人民政府：\n……\n\n"
     "苏州市相城区人民政府办公室\n2020年5月6日\n", "PolicyDocument", "苏州市相城区人民政府办公室", "320507", 2020),
    # a 通报 of assessment results is a policy document of the year it was signed
    ("苏州市人民政府办公室关于2019年度政务公开工作考核情况的通报\n\n各县级市、区人民政府：\n……\n\n苏州市人民政府办公室\n2020年5月6日\n",
     "PolicyDocument", "苏州市人民政府办公室", "320500", 2020),
    # a title without its year: the issuer from the title, the year from 统计期限 or the date line
    ("杨浦区政府信息公开工作年度报告\n本报告中所列数据的统计期限自2017年1月1日起至2017年12月31日止。\n",
     "AnnualReport", "上海市杨浦区人民政府", "310110", 2017),
    ("标题: 瓯海区政府信息公开工作年度报告\n发布时间: 2021-01-20\n==== 正文 ====\n瓯海区政府信息公开工作年度报告\n"
     "本年度报告统计期限为2020年1月1日至2020年12月31日。\n", "AnnualReport", "温州市瓯海区人民政府", "330304", 2020),
    ("昆山市人民政府政府信息公开工作年度报告\n一、总体情况\n全年……\n\n昆山市人民政府\n2020年1月15日\n",
     "AnnualReport", "昆山市人民政府", "320583", 2019),
    # a title split over two lines, at the subject or after the issuer
    ("昆山市人民政府2019年政府信息公开工作\n年度报告\n统计期限为2019年1月1日至12月31日。\n",
     "AnnualReport", "昆山市人民政府", "320583", 2019),
    ("苏州市相城区人民政府\n2016年政府信息公开工作年度报告\n", "AnnualReport", "苏州市相城区人民政府", "320507", 2016),
    # a crawled page: navigation lines first
    ("首页 > 政务公开 > 政府信息公开年报\n字号：大 中 小 | 打印 | 关闭\n分享到：\n相城区人民政府2016年政府信息公开工作年度报告\n"
     "发布时间：2017-03-24\n", "AnnualReport", "苏州市相城区人民政府", "320507", 2016),
    ("网站首页 | 政务公开 | 年度报告\n您现在的位置：首页 > 年度报告\n昆山市人民政府2019年政府信息公开\n工作年度报告\n"
     "来源：昆山市人民政府办公室　发布时间：2020-01-20\n", "AnnualReport", "昆山市人民政府", "320583", 2019),
    ("首页 > 政务公开 > 年度报告 > 昆山市人民政府2019年政府信息公开工作年度报告\n一、总体情况\n2019年，我市认真贯彻落实……\n",
     "AnnualReport", "昆山市人民政府", "320583", 2019),
    ("索引号：014000000/2020-00012 | 分类：年度报告\n发布机构：昆山市人民政府办公室 | 发文日期：2020-01-20\n"
     "名称：昆山市人民政府2019年政府信息公开工作年度报告\n文号： | 主题词：\n昆山市人民政府2019年政府信息公开工作年度报告\n",
     "AnnualReport", "昆山市人民政府", "320583", 2019),
    # autonomous divisions written short with their level (黔南州, 长阳县); a banner
    ("黔南州人民政府2019年政府信息公开工作年度报告\n", "AnnualReport", "黔南布依族苗族自治州人民政府", "522700", 2019),
    ("长阳县2019年政府信息公开工作年度报告\n", "AnnualReport", "长阳土家族自治县人民政府", "420528", 2019),
    ("鄂托克旗人民政府2019年政府信息公开工作年度报告\n", "AnnualReport", "鄂托克旗人民政府", "150624", 2019),
    # the issuer on a line of its own above or below a title that names none
    ("正定县人民政府\n\n2017年政府信息公开工作年度报告\n一、概述\n2017年，我县认真贯彻落实……\n",
     "AnnualReport", "正定县人民政府", "130123", 2017),
    ("2017年政府信息公开工作年度报告\n正定县人民政府\n\n一、概述\n2017年，我县认真贯彻落实……\n",
     "AnnualReport", "正定县人民政府", "130123", 2017),
    # … or names it relatively, the line below saying whose it is
    ("市生态环境局2018年政府信息公开工作年度报告\n宁波市生态环境局\n\n一、概述\n", "AnnualReport", "宁波市生态环境局", "330200", 2018),
    # the issuer keeps its 政府 before 信息公开; 关于 before the report is dropped
    ("2017年度正定县人民政府信息公开工作年度报告\n", "AnnualReport", "正定县人民政府", "130123", 2017),
    ("正定县人民政府办公室关于2017年政府信息公开工作年度报告\n", "AnnualReport", "正定县人民政府办公室", "130123", 2017),
    # a local office of a vertically managed system
    ("国家税务总局昆山市税务局2019年政府信息公开工作年度报告\n", "AnnualReport", "国家税务总局昆山市税务局", "320583", 2019),
    ("昆 山 市 人 民 政 府\n2019 年 政 府 信 息 公 开 工 作 年 度 报 告\n", "AnnualReport", "昆山市人民政府", "320583", 2019),
    ("【昆山市人民政府2019年政府信息公开工作年度报告】\n", "AnnualReport", "昆山市人民政府", "320583", 2019),
    ("昆山市人民政府2019年政府信息公开工作年度报告\n正文……\n上一篇：昆山市人民政府2018年政府信息公开工作年度报告\n",
     "AnnualReport", "昆山市人民政府", "320583", 2019),
    # the year first, the issuer after it; 政务公开 and 年报 as the subject
    ("2019年度昆山市政府信息公开工作年度报告\n", "AnnualReport", "昆山市人民政府", "320583", 2019),
    ("昆山市2019年政府信息公开年报\n", "AnnualReport", "昆山市人民政府", "320583", 2019),
    # a province's department (厅) and a department's notice
    ("江苏省生态环境厅2019年政府信息公开工作年度报告\n", "AnnualReport", "江苏省生态环境厅", "320000", 2019),
    ("苏州市生态环境局关于做好2021年政务公开工作的通知\n苏环办〔2021〕8号\n\n各区分局：\n……\n\n苏州市生态环境局\n2021年3月2日\n",
     "PolicyDocument", "苏州市生态环境局", "320500", 2021),
    # a town whose name holds 市, under a county-level city
    ("昆山市周市镇2019年政府信息公开工作年度报告\n", "AnnualReport", "昆山市周市镇人民政府", "320583", 2019),
    # a sub-district that names no county: the county the text keeps naming, or the header's publisher
    ("五角场街道2019年政府信息公开工作年度报告\n2019年，五角场街道在杨浦区委、区政府的领导下……杨浦区……本区……\n",
     "AnnualReport", "上海市杨浦区五角场街道办事处", "310110", 2019),
    ("标题: 五角场街道办事处2019年政府信息公开工作年度报告\n发布机构: 上海市杨浦区人民政府\n==== 正文 ====\n"
     "五角场街道办事处2019年政府信息公开工作年度报告\n", "AnnualReport", "上海市杨浦区五角场街道办事处", "310110", 2019),
    # a body no list names, read by its structure: a division, a name, a body word
    ("长沙县住房公积金管理中心2023年政府信息公开工作年度报告\n", "AnnualReport", "长沙县住房公积金管理中心", "430121", 2023),
    ("望城区城市管理综合执法大队2023年政府信息公开工作年度报告\n", "AnnualReport",
     "长沙市望城区城市管理综合执法大队", "430112", 2023),
    ("赣州市南康区供销合作社联合社2023年政府信息公开工作年度报告\n", "AnnualReport",
     "赣州市南康区供销合作社联合社", "360703", 2023),
    # a department's title without its division: the site's chrome above it, or its signature
    ("合肥市蜀山区人民政府门户网站 > 信息公开 > 年度报告\n民政局2012年度政府信息公开工作年度报告\n"
     "2012年，我局按照要求推进政府信息公开工作。\n", "AnnualReport", "合肥市蜀山区民政局", "340104", 2012),
    ("民政局2012年度政府信息公开工作年度报告\n2012年，我局按照要求推进政府信息公开工作。\n\n蜀山区民政局\n2013年3月20日\n",
     "AnnualReport", "合肥市蜀山区民政局", "340104", 2012),
    # a zone's body; a zone run together with a county carries the county's code
    ("国家税务总局苏州国家高新技术产业开发区税务局2022年政府信息公开工作年度报告\n本报告在苏州高新区（虎丘区）政府门户网站发布。\n",
     "AnnualReport", "国家税务总局苏州国家高新技术产业开发区税务局", "320505", 2022),
    # a letter reporting on the year's work: a policy document, its issuer from the signature
    ("关于报送2019年政务公开工作情况的函\n中牟县人民政府办公室：\n现将情况函告如下。\n\n中牟县住房和城乡建设局\n2019年12月20日\n",
     "PolicyDocument", "中牟县住房和城乡建设局", "410122", 2019),
    # a district whose name ends like a zone word (园区) is a district, not a zone
    ("张家口市下花园区人民政府2020年政府信息公开工作年度报告\n", "AnnualReport", "张家口市下花园区人民政府", "130706", 2020),
    ("商丘市梁园区民政局2020年政府信息公开工作年度报告\n", "AnnualReport", "商丘市梁园区民政局", "411402", 2020),
    # a sub-district whose title names no district: the one district the text names (an address,
    # a cited title); a short division name at the start of its own name (解放 in 解放碑) is no prefix
    ("解放碑街道办事处2021年政府信息公开工作年度报告\n依照《渝中区2021年政务公开工作要点》编制。\n"
     "联系地址：重庆市渝中区八一路1号。\n\n解放碑街道办事处\n2022年1月20日\n",
     "AnnualReport", "重庆市渝中区解放碑街道办事处", "500103", 2021),
    # a division prefix of 15 characters (the canonical name is the county's own)
    ("克孜勒苏柯尔克孜自治州阿克陶县人民政府2018年度政府信息公开工作年度报告\n", "AnnualReport",
     "阿克陶县人民政府", "653022", 2018),
    # a county t2s would rename (乾县 → 干县)
    ("乾县人力资源和社会保障局2021年政府信息公开工作年度报告\n", "AnnualReport", "乾县人力资源和社会保障局", "610424", 2021),
]


@pytest.mark.parametrize("text, kind, agency, adcode, year", _SHAPES)
def test_unseen_shapes(text, kind, agency, adcode, year):
    info, _ = _info(text)
    assert (info.type, info.agency, info.adcode, info.year) == (kind, agency, adcode, year)


_NOTICE = "浙江省人民政府办公厅关于做好政府信息公开工作年度报告有关事项的通知"
_NOTICE_BODY = "\n各市、县（市、区）人民政府，省政府各部门：\n现将有关事项通知如下。\n\n浙江省人民政府办公厅\n2019年1月28日\n"


@pytest.mark.parametrize("text", [
    _NOTICE + "\n浙政办发〔2019〕12号" + _NOTICE_BODY,  # under the title
    _NOTICE + "\n浙政办发[2019]12号" + _NOTICE_BODY,  # other brackets
    _NOTICE + "\n浙政办发 〔2019〕 12 号" + _NOTICE_BODY,  # spaced
    "浙政办发〔2019〕12号\n" + _NOTICE + _NOTICE_BODY,  # above the title
    "索引号：002482410/2019-01234\n文　　号：浙政办发〔2019〕12号\n发布机构：浙江省人民政府办公厅\n" + _NOTICE + _NOTICE_BODY,
    "发文字号：浙政办发〔2019〕12号\n" + _NOTICE + _NOTICE_BODY,
    "浙江省人民政府办公厅关于做好政府信息公开工作\n年度报告有关事项的通知\n浙政办发〔2019〕12号" + _NOTICE_BODY,
])
def test_notice_doc_number_wherever_the_page_prints_it(text):
    info, _ = _info(text)
    assert (info.type, info.agency, info.adcode, info.year) == ("PolicyDocument", "浙江省人民政府办公厅", "330000", 2019)
    assert info.doc_number == "浙政办发〔2019〕12号"


@pytest.mark.parametrize("period", [
    "本报告所列数据统计时限为2019年1月1日至12月31日。",
    "本报告中所列数据的统计时间为2019年1月1日至2019年12月31日。",
    "报告所列数据统计期间为2019年1月1日至2019年12月31日。",
    "本年度报告数据统计区间：2019年1月1日—2019年12月31日。",
    "本报告涵盖2019年1月1日至12月31日期间的政府信息公开工作。",
    "根据2018年修订的规定，本报告统计期限为2019年1月1日至12月31日。",
    "二〇一九年，我市深入推进政务公开。",
])
def test_year_of_a_yearless_title_from_the_period(period):
    info, _ = _info("昆山市人民政府政府信息公开工作年度报告\n" + period + "\n")
    assert (info.agency, info.adcode, info.year) == ("昆山市人民政府", "320583", 2019)


@pytest.mark.parametrize("text, kind, agency, adcode, year", _SHAPES)
def test_unseen_shapes_in_traditional_characters(text, kind, agency, adcode, year):
    """The same pages converted with Taiwan phrasing (標題, 釋出機構, 資訊): the same identity."""
    opencc = pytest.importorskip("opencc")
    info, _ = _info(opencc.OpenCC("s2twp").convert(text))
    assert (info.type, info.agency, info.adcode, info.year) == (kind, agency, adcode, year)


# ------------------------------------------------------------------ each reader on its own
# Short excerpts of the corpus documents (the number names the file in ../shared/corpus) and of
# the pages the tests above were written with, one row each.

from dataclasses import replace  # noqa: E402

from disclosure_kg.extract import docinfo  # noqa: E402

_HEADER_101 = ("标题: 平潭综合实验区2011年政府信息公开工作年度报告\n发布时间: 2012-04-11 00:00\n文号: \n"
               "发布机构: 平潭综合实验区管委会办公室\n栏目: 政府信息公开年报\n==================== 正文 ====================\n")
_SHUYANG_107 = ("# 沐阳县人民政府 2025 年 政府信息公开工作年度报告\n\n沐阳县人民政府\n(2026年1月23日)\n\n## 一、总体情况\n\n"
                "我县认真落实《政府信息公开信息处理费管理办法》要求，指导推动全县\n\n沐阳县人民政府\n2026年1月23日\n")
_PINGTAN_101 = ("平潭综合实验区2011年政府信息公开工作年度报告\n4、建立健全政府信息公开社会评议制度、责任追究制度和考核制度，"
                "将信息公开评议和考核工作常规化、日常化。 二○一二年二月二十日 附件1：平潭综合实验区管委会2011年政府信息公开情况统计表\n")
_SHANGHAI_002 = ("上海市人民政府辦公廳關於印發《2020年上海市政務公開工作要點》的通知\n\n2020-03-27 17:37 來源: 上海市人民政府網站\n\n"
                 "上海市人民政府辦公廳關於印發《2020年上海市政務公開工作要點》的通知\n滬府辦〔2020〕20號\n\n各區人民政府,市政府各委、辦、局:\n")
_NOTICE_109 = ("标题: 国务院办公厅政府信息与政务公开办公室 关于政府信息公开工作年度报告有关事项的通知\n"
               "发布时间: 2019-11-27 09:57\n文号: \n发布机构: \n==================== 正文 ====================\n"
               "各省、自治区、直辖市人民政府办公厅,国务院各部委、各直属机构办公厅（室）：\n")
_JIANGSU = ("江苏省人民政府办公厅关于印发2021年江苏省政务公开工作要点的通知\n苏政办发〔2021〕35号\n\n各市、县（市、区）人民政府：\n"
            "现将要点印发给你们。\n\n江苏省人民政府办公厅\n2021年6月8日\n")


def _page(text: str, **known):
    """The page the readers see, with the date or year already read where a row gives them."""
    return replace(docinfo._read_page(document_from_text(text)), **known)


@pytest.mark.parametrize("reader, text, date", [
    # a report is signed at its end, in digits or in Chinese numerals
    (docinfo._date_signed, _SHUYANG_107, "2026-01-23"),
    (docinfo._date_signed, _PINGTAN_101, "2012-02-20"),
    # a notice is signed under its title, above its body's end
    (docinfo._date_signed, _JIANGSU, "2021-06-08"),
    (docinfo._date_signed, _SHANGHAI_002, None),
    # published: a header field, or a label in the lines above the article
    (docinfo._date_published, _HEADER_101, "2012-04-11"),
    (docinfo._date_published, "瓯海区人民政府2020年度政府信息公开工作年度报告\n\n发布日期:2021-02-20 21:11 访问次数: 来源:瓯海区\n",
     "2021-02-20"),  # 003
    (docinfo._date_published, "北京市昌平區人民政府2018年政府信息公開工作年度報告\n\n日期:2019-03-19 10:00    來源:北京市昌平區人民政府\n",
     "2019-03-19"),  # 004
    (docinfo._date_published, "当前位置:\n开封市祥符区人民政府2016年度政府信息公开工作年度报告\n"
     "来源: | 作者:pmo668239 | 发布时间: 2017-03-04 | 1915 次浏览 | 分享到:\n", "2017-03-04"),  # 001
    (docinfo._date_published, _SHANGHAI_002, None),  # a time with no label is not taken
])
def test_date_readers(reader, text, date):
    assert reader(_page(text)) == date


def test_date_readers_order():
    assert docinfo._DATE_READERS == (docinfo._date_signed, docinfo._date_published)


@pytest.mark.parametrize("reader, text, known, year", [
    (docinfo._year_of_report_title, "开封市祥符区人民政府2016年度政府信息公开工作年度报告\n", {}, 2016),  # 001
    (docinfo._year_of_report_title, "杨浦区二〇一九年政府信息公开工作年度报告（全文）\n", {}, 2019),
    (docinfo._year_of_report_title, "杨浦区政府信息公开工作年度报告\n", {}, None),
    (docinfo._year_of_statistics_period, "本报告所列数据的统计期限自2011年1月1日起至2011年12月31日。\n", {}, 2011),  # 101
    (docinfo._year_of_statistics_period, "本报告所列数据的统计期限从2020年1月1日起至2020年12月31日止。\n", {}, 2020),  # 003
    (docinfo._year_of_statistics_period, "本报告涵盖2019年1月1日至12月31日期间的政府信息公开工作。\n", {}, None),
    (docinfo._year_spanned, "本报告涵盖2019年1月1日至12月31日期间的政府信息公开工作。\n", {}, 2019),
    (docinfo._year_spanned, "本报告所列数据的统计期限自2015年1月1日起至2015年12月31日。\n", {}, 2015),  # 103
    (docinfo._year_heading, "政府信息公开情况统计表\n\n(2018年度)\n", {}, 2018),  # 004
    (docinfo._year_opening_a_paragraph, "一、概述\n2018年,楊浦區緊緊圍繞黨中央、國務院和市委、市政府決策部署\n", {}, 2018),  # 000
    (docinfo._year_opening_a_paragraph, "二〇一九年，我市深入推进政务公开。\n", {}, 2019),
    (docinfo._year_before_issued, "昆山市人民政府政府信息公开工作年度报告\n", {"issued": "2020-01-15"}, 2019),
    (docinfo._year_before_issued, "昆山市人民政府政府信息公开工作年度报告\n", {}, None),
    (docinfo._year_issued, _JIANGSU, {"issued": "2021-06-08"}, 2021),
    (docinfo._year_in_title, _SHANGHAI_002, {}, 2020),  # 002: the year of the points it issues
    (docinfo._year_in_title, _NOTICE_109, {}, None),
])
def test_year_readers(reader, text, known, year):
    assert reader(_page(text, **known)) == year


def test_year_readers_order():
    assert docinfo._YEAR_READERS["PolicyDocument"] == (docinfo._year_issued, docinfo._year_in_title)
    assert docinfo._YEAR_READERS["AnnualReport"][:2] == (docinfo._year_of_report_title, docinfo._year_of_statistics_period)
    assert docinfo._YEAR_READERS["AnnualReport"][-2:] == (docinfo._year_before_issued, docinfo._year_in_title)


_ZHEJIANG = "浙江省人民政府办公厅关于做好政府信息公开工作年度报告有关事项的通知"
_ZHEJIANG_BODY = "\n各市、县（市、区）人民政府，省政府各部门：\n现将有关事项通知如下。\n\n浙江省人民政府办公厅\n2019年1月28日\n"


@pytest.mark.parametrize("reader, text, number", [
    (docinfo._number_in_header, _HEADER_101, None),  # 文号: left empty
    (docinfo._number_in_header, "标题: " + _ZHEJIANG + "\n文号: 浙政办发〔2019〕12号\n发布时间: 2019-02-01\n==== 正文 ====\n"
     + _ZHEJIANG + _ZHEJIANG_BODY, "浙政办发〔2019〕12号"),
    (docinfo._number_under_title, _SHANGHAI_002, "沪府办〔2020〕20号"),  # 002, under the second copy of its title
    (docinfo._number_under_title, _ZHEJIANG + "\n浙政办发 〔2019〕 12 号" + _ZHEJIANG_BODY, "浙政办发〔2019〕12号"),
    (docinfo._number_under_title, _NOTICE_109, None),  # a 文号 in the body would be a citation
    (docinfo._number_above_title, "发文字号：浙政办发〔2019〕12号\n" + _ZHEJIANG + _ZHEJIANG_BODY, "浙政办发〔2019〕12号"),
    (docinfo._number_above_title, "索引号：002482410/2019-01234\n文　　号：浙政办发〔2019〕12号\n发布机构：浙江省人民政府办公厅\n"
     + _ZHEJIANG + _ZHEJIANG_BODY, "浙政办发〔2019〕12号"),
    (docinfo._number_above_title, "浙政办发〔2019〕12号\n" + _ZHEJIANG + _ZHEJIANG_BODY, "浙政办发〔2019〕12号"),
    (docinfo._number_above_title, _SHANGHAI_002, None),
])
def test_number_readers(reader, text, number):
    assert reader(_page(text)) == number


def test_number_readers_order():
    assert docinfo._NUMBER_READERS == (docinfo._number_in_header, docinfo._number_under_title,
                                       docinfo._number_above_title)


_WUJIAOCHANG = ("标题: 五角场街道办事处2019年政府信息公开工作年度报告\n发布机构: 上海市杨浦区人民政府\n==== 正文 ====\n"
                "五角场街道办事处2019年政府信息公开工作年度报告\n")
_SHUSHAN_CHROME = ("合肥市蜀山区人民政府门户网站 > 信息公开 > 年度报告\n民政局2012年度政府信息公开工作年度报告\n"
                   "2012年，我局按照要求推进政府信息公开工作。\n")
_NINGBO = "市生态环境局2018年政府信息公开工作年度报告\n宁波市生态环境局\n\n一、概述\n"
_YANGPU = ("一、概述\n2017年，杨浦区认真落实政务公开要求。区政府加强领导，本区各部门……\n"
           "二、主动公开政府信息情况\n2017年，杨浦区累计主动公开政府信息100条。我区依申请公开……\n")
_ZHONGMOU = ("关于报送2019年政务公开工作情况的函\n中牟县人民政府办公室：\n现将情况函告如下。\n\n中牟县住房和城乡建设局\n"
             "2019年12月20日\n")


def _clues(text: str):
    page = _page(text)
    page = replace(page, issued=docinfo._first(docinfo._DATE_READERS, page))
    return docinfo._IssuerClues(replace(page, year=docinfo._first(docinfo._YEAR_READERS[page.kind], page)))


@pytest.mark.parametrize("reader, text, agency, written", [
    # as the title names it
    (docinfo._issuer_named_in_title, "当前位置:\n开封市祥符区人民政府2016年度政府信息公开工作年度报告\n",
     "开封市祥符区人民政府", "开封市祥符区人民政府"),  # 001
    (docinfo._issuer_named_in_title, _SHANGHAI_002, "上海市人民政府办公厅", "上海市人民政府办公厅"),  # 002
    (docinfo._issuer_named_in_title, _NOTICE_109, "国务院办公厅政府信息与政务公开办公室",
     "国务院办公厅政府信息与政务公开办公室"),  # 109: quoted from its 标题 line
    (docinfo._issuer_named_in_title, _SHUYANG_107, "沭阳县人民政府", "沐阳县人民政府"),  # 107: an OCR'd county
    (docinfo._issuer_named_in_title, _WUJIAOCHANG, None, None),  # names no district
    # … against its home: the publisher's, the site's, the line under the title's
    (docinfo._issuer_in_title_at_home, _WUJIAOCHANG, "上海市杨浦区五角场街道办事处", "五角场街道办事处"),
    (docinfo._issuer_in_title_at_home, _SHUSHAN_CHROME, "合肥市蜀山区民政局", "民政局"),
    (docinfo._issuer_in_title_at_home, _NINGBO, "宁波市生态环境局", "市生态环境局"),
    # a line of its own by the title
    (docinfo._issuer_line_near_title, _SHUYANG_107, "沭阳县人民政府", "沐阳县人民政府"),  # 107
    (docinfo._issuer_line_near_title, "正定县人民政府\n\n2017年政府信息公开工作年度报告\n一、概述\n",
     "正定县人民政府", "正定县人民政府"),
    (docinfo._issuer_line_near_title, _PINGTAN_101, None, None),
    # the header's publisher
    (docinfo._issuer_publisher, _HEADER_101, "平潭综合实验区管理委员会办公室", None),  # 101
    (docinfo._issuer_publisher, _NOTICE_109, None, None),  # 发布机构 left empty
    # the signature above the signing date
    (docinfo._issuer_signature, _SHUYANG_107, "沭阳县人民政府", "沐阳县人民政府"),  # 107
    (docinfo._issuer_signature, _ZHONGMOU, "中牟县住房和城乡建设局", "中牟县住房和城乡建设局"),
    # the division the text keeps naming
    (docinfo._issuer_most_named, _YANGPU, "上海市杨浦区人民政府", "杨浦区"),
    (docinfo._issuer_most_named, _SHANGHAI_002, None, None),
])
def test_issuer_readers(reader, text, agency, written):
    clues = _clues(text)
    got = reader(clues)
    assert (got.name if got else None) == agency
    if got is not None:
        assert (clues.page.text[got.start:got.end] if got.start >= 0 else None) == written


def test_issuer_readers_order():
    assert docinfo._ISSUER_READERS == (
        docinfo._issuer_named_in_title, docinfo._issuer_in_title_at_home, docinfo._issuer_line_near_title,
        docinfo._issuer_publisher, docinfo._issuer_signature, docinfo._issuer_most_named)


@pytest.mark.parametrize("reader, text, adcode", [
    (docinfo._home_of_line_near_title, _NINGBO, "330200"),
    (docinfo._home_most_named, _YANGPU, "310110"),
    (docinfo._home_of_publisher, _WUJIAOCHANG, "310110"),
    (docinfo._home_in_chrome, _SHUSHAN_CHROME, "340104"),
    (docinfo._home_in_chrome, _WUJIAOCHANG, None),
])
def test_home_readers(reader, text, adcode):
    home = reader(_clues(text))
    assert (home.adcode if home else None) == adcode


# ------------------------------------------------------------------ the steps under the readers

@pytest.mark.parametrize("text, title, quoted", [
    # 001: under the page's navigation, above its 来源 line
    ("区人大\n区政府\nRSS订阅\n当前位置:\n开封市祥符区人民政府2016年度政府信息公开工作年度报告\n"
     "来源: | 作者:pmo668239 | 发布时间: 2017-03-04 | 1915 次浏览 | 分享到:\n",
     "开封市祥符区人民政府2016年度政府信息公开工作年度报告", "开封市祥符区人民政府2016年度政府信息公开工作年度报告"),
    # 108: a PDF's title broken over two lines, spaced
    ("正文\n2025 年上海市人民政府办公厅政府信息公开\n工作年度报告\n本年度报告根据《中华人民共和国政府信息公开条例》（以\n",
     "2025年上海市人民政府办公厅政府信息公开工作年度报告", "2025 年上海市人民政府办公厅政府信息公开\n工作年度报告"),
    # 107: a Markdown heading
    (_SHUYANG_107, "沐阳县人民政府2025年政府信息公开工作年度报告", "沐阳县人民政府 2025 年 政府信息公开工作年度报告"),
    # 101: the crawler's 标题 line
    (_HEADER_101, "平潭综合实验区2011年政府信息公开工作年度报告", "平潭综合实验区2011年政府信息公开工作年度报告"),
    # 000: a report pasted without its title
    ("一、概述\n2018年,楊浦區緊緊圍繞黨中央、國務院和市委、市政府決策部署\n", "", None),
    # a column name before the title names no report
    ("政府信息公开年报\n瓯海区人民政府2021年度政府信息公开工作年度报告\n正文\n",
     "瓯海区人民政府2021年度政府信息公开工作年度报告", "瓯海区人民政府2021年度政府信息公开工作年度报告"),
])
def test_find_title(text, title, quoted):
    doc = document_from_text(text)
    found = docinfo._find_title(doc, docinfo._header(doc))
    assert found.text == title
    assert (doc.text[found.start:found.end] if found.start >= 0 else None) == quoted


@pytest.mark.parametrize("text, lines", [
    (_SHUYANG_107, ["沐阳县人民政府"]),  # 107: under the title; the date line is no name
    ("正定县人民政府\n\n2017年政府信息公开工作年度报告\n一、概述\n2017年，我县认真贯彻落实……\n", ["正定县人民政府", "一、概述"]),
    (_PINGTAN_101, []),  # the line under it is a sentence
])
def test_lines_near_title(text, lines):
    page = _page(text)
    near = docinfo._lines_near_title(page.text, page.title)
    assert [line.text for line in near] == lines
    assert all(page.text[line.start:line.start + len(line.text)] == line.text for line in near)


@pytest.mark.parametrize("text, dates", [
    (_SHUYANG_107, ["2026-01-23", "2026-01-23"]),  # 107: under the title (in brackets) and at the end
    (_PINGTAN_101, ["2012-02-20"]),  # 101: in Chinese numerals, inside a run-together line
    (_JIANGSU, ["2021-06-08"]),
    ("本报告所列数据的统计期限自2011年1月1日起至2011年12月31日。\n", []),  # 101: dates in a sentence
])
def test_date_lines(text, dates):
    assert [d.iso for d in docinfo._date_lines(document_from_text(text).text)] == dates


@pytest.mark.parametrize("text, level, named", [
    # 000: the district the report keeps naming, at each place it names it
    ("2018年,楊浦區緊緊圍繞黨中央、國務院和市委、市政府決策部署\n楊浦區共發布了3件區政府規範性檔案", "区",
     ["杨浦区", "杨浦区"]),
    ("开封市祥符区人民政府2016年度政府信息公开工作年度报告", "区", ["祥符区"]),  # 001
])
def test_county_namings(text, level, named):
    doc = document_from_text(text)
    got = list(docinfo._county_namings(doc.text, level))
    assert [doc.text[n.start:n.end] for n in got] == named
    assert all(n.division.level == "county" for n in got)


def test_document_types_are_exactly_the_kinds_read():
    """DocumentInfo.type admits the kinds agency_document_kinds.tsv gives and the one that says a
    file is none of them (extract/recognise.py), no more and no fewer."""
    from typing import get_args, get_type_hints

    from disclosure_kg.extract.model import DocumentInfo

    kinds = {r.kind for r in docinfo._kinds()} | {"UnrecognisedDocument"}
    assert set(get_args(get_type_hints(DocumentInfo)["type"])) == kinds
