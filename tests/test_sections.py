"""Sections: numbered headings and the spans they govern, from real reports."""
from disclosure_kg.extract.pipeline import document_from_text, load
from disclosure_kg.extract.sections import split_sections


def titles(sections, level):
    return [s.title for s in sections if s.level == level]


def test_levels_and_parents():
    text = ("一、概述\n全年工作情况良好。\n（一）加强组织领导。成立领导小组。\n（二）完善制度。\n"
            "1.主动公开目录\n2.依申请公开流程\n二、主动公开情况\n本年主动公开信息100条。\n")
    secs = split_sections(text)
    assert titles(secs, 1) == ["概述", "主动公开情况"]
    assert titles(secs, 2) == ["加强组织领导", "完善制度"]
    first, second = secs[1], secs[2]
    assert secs[first.parent].title == "概述" and first.end == second.start
    assert secs[-1].end == len(text)


def test_table_rows_are_not_headings():
    text = "三、收到和处理申请情况\n一、本年新收申请数量 | 5 | 0 | 5\n二、上年结转 | 0 | 0 | 0\n四、复议诉讼情况\n"
    assert titles(split_sections(text), 1) == ["收到和处理申请情况", "复议诉讼情况"]


def test_run_together_page(corpus_dir):
    # a crawler ran the whole report into one line: headings follow sentence ends
    doc = load(corpus_dir / "101_pingtan_2011.txt")
    level1 = [s.label for s in doc.sections if s.level == 1]
    assert level1[:3] == ["一", "二", "三"]


def test_2021_format_report_has_six_parts(corpus_dir):
    doc = load(corpus_dir / "106_pingtan_2023.txt")
    assert [s.label for s in doc.sections if s.level == 1] == ["一", "二", "三", "四", "五", "六"]


def test_section_at():
    doc = document_from_text("一、概述\n甲。\n二、重点领域信息公开\n（一）财政预决算。公开预算。\n")
    i = doc.text.index("公开预算")
    assert [s.title for s in doc.section_at(i)] == ["重点领域信息公开", "财政预决算"]


import pytest  # noqa: E402

from disclosure_kg.extract.sections import _label_value  # noqa: E402


@pytest.mark.parametrize("label, level, value", [
    ("一", 1, 1),  # 一、概述
    ("六", 1, 6),  # 六、其他需要报告的事项 (106_pingtan_2023, the 2021 format's last part)
    ("二", 2, 2),  # （二）主动公开政府信息的主要类别 (101_pingtan_2011)
    ("十", 1, 10),
    ("十二", 2, 12),  # （十二）规范依申请公开: a notice's points run past ten (tests/heldout, 207)
    ("十九", 2, 19),
    ("3", 3, 3),  # 3.开设政务公开栏 (101_pingtan_2011)
])
def test_label_value(label, level, value):
    assert _label_value(label, level) == value
