"""extract/numbers.py: printed figures read table-driven (Arabic, Chinese, 万/亿, money, blanks)."""
from __future__ import annotations

import pytest

from disclosure_kg.extract.numbers import chinese_number, parse_number

CASES = [
    # text, value, unit, approximate, kind
    ("26631条", 26631, "count", False, "number"),
    ("40万元", 400000, "yuan", False, "number"),
    ("2600余条", 2600, "count", True, "number"),
    ("3000多条", 3000, "count", True, "number"),
    ("1.1万余篇", 11000, "count", True, "number"),
    ("约300个", 300, "count", True, "number"),
    ("近百人", 100, "person", True, "number"),
    ("三千二百人次", 3200, "person", False, "number"),
    ("二十余人", 20, "person", True, "number"),
    ("1,234", 1234, "count", False, "number"),
    ("５６", 56, "count", False, "number"),
    ("-92", -92, "count", False, "number"),
    ("0", 0, "count", False, "number"),
    ("12.5%", 12.5, "percent", False, "percent"),
    ("百分之五", 5, "percent", False, "percent"),
    ("380元", 380, "yuan", False, "number"),
    ("1.5亿元", 150000000, "yuan", False, "number"),
    ("二十三件", 23, "count", False, "number"),
    ("一百零五件", 105, "count", False, "number"),
    ("1.2万条", 12000, "count", False, "number"),
    ("近三千条", 3000, "count", True, "number"),
    ("两千余条", 2000, "count", True, "number"),
    ("逾500人次", 500, "person", True, "number"),
    ("12,000余条", 12000, "count", True, "number"),
    ("38652.17万元", 386521700, "yuan", False, "number"),
]


@pytest.mark.parametrize("text,value,unit,approximate,kind", CASES)
def test_parse_number(text, value, unit, approximate, kind):
    n = parse_number(text)
    assert n.value == pytest.approx(value)
    assert (n.unit, n.approximate, n.kind) == (unit, approximate, kind)
    assert n.raw == text


@pytest.mark.parametrize("text", ["", "/", "—", "-", "无", "  ", "／"])
def test_blank_is_not_zero(text):
    n = parse_number(text)
    assert n.value is None and n.kind == "blank" and n.raw == text


def test_column_multiplier_for_money():
    # 本年收费金额（单位：万元） 24252.311082 → yuan
    n = parse_number("24252.311082", multiplier=10000, unit_hint="yuan")
    assert n.value == pytest.approx(242523110.82) and n.unit == "yuan"


def test_unreadable_text_is_kept_raw():
    n = parse_number("若干")
    assert n.value is None and n.kind == "unparsed" and n.raw == "若干"


# Chinese numerals as each reader meets them: section labels (sections), dates and years
# (docinfo), figures (parse_number).
NUMERALS = [
    # section labels: 一、概述 … 十二、其他需要报告的事项
    ("一", 1), ("十", 10), ("十二", 12), ("十九", 19), ("二十", 20),
    # dates and years: 二○一二年二月二十日 (the signing date of 101_pingtan_2011), 二〇三五年
    # (corpus reports), 二○一三年一月十日 (test_docinfo), 十二月三十一日
    ("二○一二", 2012), ("二", 2), ("二〇三五", 2035), ("二〇一九", 2019), ("二零一九", 2019),
    ("一九九九", 1999), ("三十一", 31),
    # figures: 二十三件, 一百零五件, 两千余条, 三千二百人次
    ("二十三", 23), ("一百零五", 105), ("两", 2), ("两千", 2000), ("三千二百", 3200), ("一点五", 1.5),
    ("〇", 0), ("零", 0),
]


@pytest.mark.parametrize("numeral, value", NUMERALS)
def test_chinese_number(numeral, value):
    assert chinese_number(numeral) == value


@pytest.mark.parametrize("text", ["", "十十", "若干", "点五"])
def test_chinese_number_of_no_numeral_is_none(text):
    assert chinese_number(text) is None
