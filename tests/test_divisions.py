"""Division names → GB/T 2260 codes: full, short, chained, ambiguous, former and OCR'd names."""
from __future__ import annotations

import pytest

from disclosure_kg.extract import divisions as D


@pytest.mark.parametrize("name, context, year, adcode, finding", [
    ("杨浦区", None, None, "310110", None),
    ("杨浦", None, None, "310110", None),
    ("上海市杨浦区", None, None, "310110", None),
    ("沭阳县", None, None, "321322", None),
    ("平潭县", None, None, "350128", None),
    ("平潭", None, None, "350128", None),
    ("温州市瓯海区", None, None, "330304", None),
    ("北京市昌平区", None, None, "110114", None),
    ("上海市", None, None, "310000", None),
    ("北京", None, None, "110000", None),
    ("浦东新区", None, None, "310115", None),
    # 朝阳区 is in Beijing and in Changchun: the province or city named nearby decides
    ("朝阳区", "吉林省长春市", None, "220104", None),
    ("朝阳区", "北京市", None, "110105", None),
    ("朝阳区", ["110000"], None, "110105", None),
    ("吉林省长春市朝阳区", None, None, "220104", None),
    ("鼓楼区", ["350100"], None, "350102", None),
    # a former name, valid until the year it was renamed
    ("开封县", None, 2013, "410212", None),
    ("开封县", None, 2016, "410212", "former-division-name"),
    # OCR reads 沭 as 沐
    ("沐阳县", None, None, "321322", "ocr-division"),
    ("沐阳", None, None, "321322", "ocr-division"),
])
def test_resolve(name, context, year, adcode, finding):
    d, f = D.resolve(name, context, year)
    assert d is not None and d.adcode == adcode
    assert (f.kind if f else None) == finding


@pytest.mark.parametrize("name", ["朝阳区", "鼓楼区"])
def test_ambiguous_without_context_is_not_guessed(name):
    d, f = D.resolve(name)
    assert d is None and f is not None and f.kind == "ambiguous-division"


@pytest.mark.parametrize("name", ["政务公开", "人民政府", "末阳县"])
def test_not_a_division(name):
    assert D.resolve(name)[0] is None


@pytest.mark.parametrize("adcode, p442", [("310110", "31 01 10"), ("100000", "10 00 00"), ("321322", "32 13 22")])
def test_p442(adcode, p442):
    assert D.p442(adcode) == p442


def test_levels_and_parents():
    # the cpca table's convention: a municipality's district sits under its 市辖区 row
    assert [d.adcode for d in D.parent_chain("310110")] == ["310110", "310100", "310000"]
    d = D.division("310110")
    assert (d.level, d.parent, d.name) == ("county", "310100", "杨浦区")
    assert D.division("321300").level == "city"
    assert D.division("320000").level == "province" and D.division("320000").parent is None
    assert D.division("310110").lat is not None


@pytest.mark.parametrize("adcode, official", [
    ("310110", "上海市杨浦区"), ("410212", "开封市祥符区"), ("330304", "温州市瓯海区"),
    ("321322", "沭阳县"), ("350128", "平潭县"), ("310000", "上海市"),
])
def test_official_name(adcode, official):
    assert D.official_name(adcode) == official
