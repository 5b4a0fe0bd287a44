"""Hard line wraps of a PDF text layer: joined for readers of running text, nothing else."""
import pytest

from disclosure_kg.extract.wraps import is_wrap, unwrap


@pytest.mark.parametrize("before, after, wrap", [
    # a sentence cut mid-clause, mid-title, before its 文号
    ("专栏，全年召开新闻发布会17次，开展在线访谈8期，发布政策解读93篇，回应公众", "关注热点41件。", True),
    ("2019年，县政府按照《国务院办公厅关于印发2019年政务公开工作要点的通知》", "（国办发〔2019〕14号）的部署", True),
    # a sentence that ended, a heading, an indented paragraph, a table row, a short line
    ("全年主动公开政府信息18653条，其中县政府门户网站9127条。", "（二）依申请公开。", False),
    ("全年主动公开政府信息18653条，其中县政府门户网站9127条", "二、主动公开政府信息情况", False),
    ("全年主动公开政府信息18653条，其中县政府门户网站9127条", "　　（一）主动公开。", False),
    ("一、本年新收政府信息公开申请数量     35     4     1", "二、上年结转政府信息公开申请数量", False),
    ("行政许可", "行政处罚", False),
])
def test_wrap_decisions(before, after, wrap):
    assert is_wrap(before, after) is wrap


def test_unwrapped_offsets_point_into_the_text():
    text = "发布政策解读93篇，回应公众关注的热点问题，回应公众\n关注热点41件。\n二、其他"
    view = unwrap(text)
    i = view.text.index("回应公众关注热点")
    start, end = view.original(i, i + len("回应公众关注热点41件"))
    assert text[start:end] == "回应公众\n关注热点41件"
    assert view.text.endswith("41件。\n二、其他")
