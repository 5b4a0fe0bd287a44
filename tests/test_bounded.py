"""Bounded work on hostile input (issue 12): each extractor's search is capped or linear.

No wall-clock limits here (speed belongs in bench/bench_bounded.py): the tests count the work a
search does, and check that where a cap is reached the row becomes a finding, never a guess.
"""
from __future__ import annotations

import pytest

from disclosure_kg.extract.metrics import find_observations
from disclosure_kg.extract.metrics.flat import _sum_ok
from disclosure_kg.extract.metrics.splits import (
    MAX_ROW_STEPS,
    MAX_TABLE_STEPS,
    SearchBudget,
    SearchExhausted,
    split_cells,
)
from disclosure_kg.extract.metrics.tokens import tokenize
from disclosure_kg.extract.model import DocumentInfo
from disclosure_kg.extract.pipeline import document_from_text, load

# a table 三 row as a crawler ran it together (104_pingtan_2019.txt): 23 applications by people,
# none by organisations, 23 in all
ROW = "230 000023"


def _figures(text: str):
    return [t for t in tokenize(text, 0, len(text)) if t.kind in ("num", "blank")]


def _observations(doc):
    info = DocumentInfo(type="AnnualReport", title="", agency="", adcode="", year=None)
    return find_observations(doc, info)


# ------------------------------------------------------------------ cutting run-together figures

# (a row as a crawler ran it together, cells per row, rows, reading): real rows of
# 104_pingtan_2019.txt and, the most work any real row takes, table 四 of 105_pingtan_2021.txt
READ = [
    ("一、本年新收政府信息公开申请数量" + ROW, 7, 1, ["23", "0", "0", "0", "0", "0", "23"]),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）1000001", 7, 1, ["1", "0", "0", "0", "0", "0", "1"]),
    ("3.补正后申请内容仍不明确5000005", 7, 1, ["5", "0", "0", "0", "0", "0", "5"]),
    ("结果维持结果纠正其他结果尚未审结总计10203120001200000", 5, 3,
     ["1", "0", "2", "0", "3", "12", "0", "0", "0", "12", "0", "0", "0", "0", "0"]),
]


@pytest.mark.parametrize("printed,width,rows,reading", READ)
def test_a_real_row_is_read_within_the_cap(printed, width, rows, reading):
    budget = SearchBudget()
    cands = split_cells(_figures(printed), width * rows, _sum_ok, width=width, budget=budget)
    assert [[t.text[a:b] for t, a, b in c] for c in cands] == [reading]
    assert budget.steps <= MAX_ROW_STEPS // 4


LABEL = "一、本年新收政府信息公开申请数量"

# (a row's figures as printed, cells, cells per row): digits run together past any real row
TOO_MANY = [
    (ROW + "1" * 24, 28, 7),  # four rows' worth, as when a copy lost the labels between rows
    (ROW + "1" * 20, 28, 7),
    (ROW + "1" * 200, 28, 7),
    ("913501287346012345 7000007", 28, 7),  # an 18-digit credit code printed in the row
    ("1" * 40, 15, 5),
]


@pytest.mark.parametrize("printed,cells,width", TOO_MANY)
def test_the_search_stops_at_its_row_cap(printed, cells, width):
    budget = SearchBudget()
    with pytest.raises(SearchExhausted) as stop:
        split_cells(_figures(LABEL + printed), cells, _sum_ok, width=width, budget=budget)
    assert budget.row_steps == stop.value.steps == MAX_ROW_STEPS + 1


def test_a_table_of_hostile_rows_stops_at_its_table_cap():
    budget = SearchBudget()
    stopped = 0
    for _ in range(2 * MAX_TABLE_STEPS // MAX_ROW_STEPS):
        budget.new_row()
        try:
            split_cells(_figures(LABEL + ROW + "1" * 20), 28, _sum_ok, width=7, budget=budget)
        except SearchExhausted:
            stopped += 1
    assert stopped == 2 * MAX_TABLE_STEPS // MAX_ROW_STEPS
    # past the table's cap every further row stops at its first step
    assert budget.steps <= MAX_TABLE_STEPS + 2 * MAX_TABLE_STEPS // MAX_ROW_STEPS


def test_without_a_budget_each_call_gets_a_fresh_one():
    with pytest.raises(SearchExhausted):
        split_cells(_figures(LABEL + ROW + "1" * 20), 28, _sum_ok, width=7)
    assert len(split_cells(_figures(LABEL + ROW), 7, _sum_ok)) == 1


# (what the report printed, what a hostile copy prints instead)
HOSTILE_ROWS = [
    ("申请数量230 000023", "申请数量230 000023" + "1" * 20),
    ("（一）予以公开7000007", "（一）予以公开913501287346012345 7000007"),
    ("（一）予以公开7000007", "（一）予以公开7000007913501287346012345"),
]


@pytest.mark.corpus
@pytest.mark.parametrize("printed,hostile", HOSTILE_ROWS)
def test_a_row_the_search_gives_up_on_is_a_finding(corpus_dir, printed, hostile):
    doc = load(corpus_dir / "104_pingtan_2019.txt")
    text = doc.text.replace(printed, hostile, 1)
    assert text != doc.text
    obs, findings = _observations(document_from_text(text))
    gave_up = [f for f in findings if f.kind == "unparsed-cell" and "more ways than the search tries" in f.message]
    assert len(gave_up) == 1 and gave_up[0].message.startswith("表三 ")
    row = printed.lstrip("（一）")[:4]
    assert row in gave_up[0].message
    # nothing is read from the row, and the table's other rows are still read
    assert not [o for o in obs if o.table == "三" and o.start >= gave_up[0].start and o.end <= gave_up[0].end]
    assert any(o.table == "三" and o.metric == "申请办理结果数" and o.value == 5 for o in obs)


# ------------------------------------------------------------------ figures in running text

# real sentences (105_pingtan_2021.txt, 000_e12181306ca0a942.txt) and the figures read from them
SENTENCES = [
    ("本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理。",
     {("政府信息公开申请数", 70.0), ("申请办理结果数", 69.0)}),
    ("对依申请公开的答复总数3条，其中同意公开答复数2条，其它公开答复数1条；",
     {("申请办理结果数", 3.0), ("申请办理结果数", 2.0)}),
]
# (what is inserted, where: after this much of the sentence, or None for a paragraph before it)
RUNS = [
    (" " * 40_000, "办结"),  # between the words and the figure (the quadratic case of issue 12)
    (" " * 40_000, "共收到"),
    ("\t \u3000" * 10_000, "答复总数"),
    (" " * 40_000, None),
    ("1" * 40_000, None),
    ("一" * 40_000, None),
    ("1 " * 20_000, None),
    ("共" + " " * 40_000, None),  # a verb of the rules, then nothing but spaces
    ("全部" + " " * 40_000 + "件", None),
]


def _prose(text: str) -> set:
    from disclosure_kg.extract.metrics import prose

    return {(o.metric, o.value) for o in prose.find(document_from_text(text), None, [])}


LONG_RUNS = [(sentence, figures, run, after) for sentence, figures in SENTENCES for run, after in RUNS
             if after is None or after in sentence]


@pytest.mark.parametrize("sentence,figures,run,after", LONG_RUNS,
                         ids=[f"{s[:4]}-{r[:3]!r}x{len(r)}@{a}" for s, _, r, a in LONG_RUNS])
def test_a_long_run_in_prose_leaves_its_figures(sentence, figures, run, after):
    if after is None:
        text = run + "\n" + sentence
    else:
        cut = sentence.index(after) + len(after)
        text = sentence[:cut] + run + sentence[cut:]
    assert _prose(sentence) == figures
    assert _prose(text) == figures


def _lookaround_repeats(pattern: str) -> list[str]:
    """The unbounded repeats (*, +) inside the lookarounds of a regular expression."""
    found, i = [], 0
    while i < len(pattern):
        for opener in ("(?<!", "(?<=", "(?!", "(?="):
            if pattern.startswith(opener, i):
                depth, j = 1, i + len(opener)
                while j < len(pattern) and depth:
                    if pattern[j] == "\\":
                        j += 2
                        continue
                    if pattern[j] == "[":
                        j = pattern.index("]", j + 1) + 1
                        continue
                    depth += {"(": 1, ")": -1}.get(pattern[j], 0)
                    if pattern[j] in "*+" and depth:
                        found.append(pattern[i:j + 1])
                    j += 1
                break
        i += 1
    return found


def test_no_prose_rule_looks_ahead_without_a_bound():
    # a look to the end of a clause from every match is quadratic on a page with no comma
    from disclosure_kg.extract.data import json_data

    rules = json_data("metrics_prose.json")["rules"]
    assert not [(r["metric"], _lookaround_repeats(r["pattern"])) for r in rules
                if "pattern" in r and _lookaround_repeats(r["pattern"])]
    assert _lookaround_repeats("a(?![^，,]*?纠错)") == ["(?![^，,]*"]


# ------------------------------------------------------------------ domains

# a real paragraph (a PDF copy wrapped 创⏎业) and a real sentence with titles (104_pingtan_2019.txt)
WRAPPED = ("（一）主动公开。按月公开最低生活保障和临时救助资金发放情况；发布稳岗返还、创\n"
           "业担保贷款等就业扶持政策；公开区级部门预算、决算和“三公”经费。\n")
TITLED = "定期发布“八大工程”实施情况、解读《平潭综合实验区生活垃圾分类管理办法》《平潭综合实验区政府投资项目管理办法（修订）》等政策文件"


# (spans, position, held)
SPANS = [
    ([(0, 10), (20, 30)], 5, True),
    ([(0, 10), (20, 30)], 10, False),
    ([(0, 10), (20, 30)], 20, True),
    ([(0, 100), (20, 30)], 50, True),  # inside the first span, past the second
    ([(20, 30), (0, 100)], 50, True),  # in any order
    ([], 0, False),
]


@pytest.mark.parametrize("spans,pos,held", SPANS)
def test_spans_hold_a_position(spans, pos, held):
    from disclosure_kg.extract.domains import _Spans

    assert (pos in _Spans(spans)) is held


# (text, mention, its clause)
CLAUSES = [
    (WRAPPED, "就业", "发布稳岗返还、创\n业担保贷款等就业扶持政策"),  # the wrap is no clause end
    (WRAPPED, "最低生活保障", "按月公开最低生活保障和临时救助资金发放情况"),
    (TITLED, "生活垃圾", TITLED),
]


@pytest.mark.parametrize("text,mention,clause", CLAUSES)
def test_a_mention_s_clause(text, mention, clause):
    from disclosure_kg.extract.domains import _Clauses, settings

    i = text.index(mention)
    a, b = _Clauses(text, settings()).around(i, i + len(mention))
    assert text[a:b] == clause


def test_a_clause_with_no_end_is_read_a_bounded_way():
    from disclosure_kg.extract.domains import CLAUSE_REACH, _Clauses, settings

    text = "公开" * 50_000 + "就业" + "公开" * 50_000
    i = text.index("就业")
    a, b = _Clauses(text, settings()).around(i, i + 2)
    assert (a, b) == (i - CLAUSE_REACH, i + 2 + CLAUSE_REACH)


@pytest.mark.parametrize("word,inside", [("八大工程", False), ("生活垃圾", True), ("政府投资", True), ("政策文件", False)])
def test_a_word_inside_a_title(word, inside):
    from disclosure_kg.extract.domains import _Titles

    assert _Titles(TITLED).holds(TITLED.index(word)) is inside


def test_the_matcher_reads_a_long_text_in_windows(monkeypatch):
    # each spaCy Doc is at most one window long, and the windows find what one Doc would
    from disclosure_kg.extract import domains

    text = WRAPPED * 40
    whole = domains._matches(text)
    lengths = []
    real = domains.make_doc
    monkeypatch.setattr(domains, "make_doc", lambda t: lengths.append(len(t)) or real(t))
    monkeypatch.setattr(domains, "MATCH_WINDOW", 100)
    assert domains._matches(text) == whole
    assert max(lengths) == 100 and len(lengths) > len(text) // 100


def test_a_text_past_spacy_s_max_length_is_read(monkeypatch):
    from disclosure_kg.extract import domains
    from disclosure_kg.extract.nlp import blank_zh

    doc = document_from_text(WRAPPED * 20)
    expected = domains.domain_mentions(doc)
    monkeypatch.setattr(blank_zh(), "max_length", 100)
    assert domains.domain_mentions(doc) == expected


@pytest.mark.parametrize("text", ["", " ", "公 开", "公  开", "公\n开 ", "  公\t\u3000开\r\n", "a b  c\n"])
def test_character_tokens_are_spacy_s(text):
    from spacy.util import get_words_and_spaces

    from disclosure_kg.extract.nlp import char_tokens

    words, spaces = get_words_and_spaces(list(text), text)
    assert char_tokens(text) == (list(words), list(spaces))


LONG_LINES = [
    "首页    " * 2_000 + "1",  # a page's menu, but for the figure at its end (exponential before)
    "一" * 40_000 + "是",  # numerals before an enumerator's 是 (quadratic before)
    "（" * 40_000,
    "《" * 20_000 + "就业" + "》" * 20_000,
]


@pytest.mark.parametrize("line", LONG_LINES, ids=[repr(l[:6]) for l in LONG_LINES])
def test_a_long_hostile_line_is_read(line):
    from disclosure_kg.extract import domains

    doc = document_from_text(line + "\n" + WRAPPED)
    assert "就业" in {m.label for m in domains.domain_mentions(doc)}


# ------------------------------------------------------------------ tables as text

# real rows: a markdown row under its rule (107_shuyang_2025.txt), a PDF row spaced out
# (104_pingtan_2019.txt); (text, figures with whether each is a cell of its own)
MD_ROW = "|---|---|---|---|---|---|---|---|\n| 本年新收政府信息公开申请数量 | 705 | 3 | 0 | 0 | 5 | 0 | 713 |\n"
SPACED_ROW = "（六）其他处理0 0 0 0 0 00\n"
TOKENS = [
    (MD_ROW, [("705", True), ("3", True), ("0", True), ("0", True), ("5", True), ("0", True), ("713", True)]),
    (SPACED_ROW, [("0", False)] * 5 + [("00", False)]),
    # a run of spaces or bars before the row changes nothing (each was a pass per position)
    (" " * 40_000 + "\n" + MD_ROW, [("705", True), ("3", True), ("0", True), ("0", True), ("5", True), ("0", True),
                                     ("713", True)]),
    ("|" + " " * 40_000 + SPACED_ROW, [("0", False)] * 5 + [("00", False)]),
    ("（" * 20_000 + SPACED_ROW, [("0", False)] * 5 + [("00", False)]),
]


@pytest.mark.parametrize("text,figures", TOKENS, ids=["md", "spaced", "spaces+md", "bar+spaces", "brackets"])
def test_figures_of_a_row_and_whether_they_stand_alone(text, figures):
    assert [(t.text, t.atomic) for t in _figures(text)] == figures


@pytest.mark.parametrize("text,i,back,on", [
    ("| 705 | 3", 5, 5, 6), ("| 705 | 3", 8, 7, 8), ("705", 0, 0, 0), ("a \t 7", 4, 1, 4), (" " * 1000 + "7", 1000, 0, 1000)])
def test_the_blanks_around_a_figure(text, i, back, on):
    from disclosure_kg.extract.metrics.tokens import _blank_back, _blank_on

    assert _blank_back(text, i) == back
    assert _blank_on(text, i) == on


def test_a_label_printed_many_times_is_kept_once_a_place():
    from disclosure_kg.extract.metrics.tokens import LabelSpec, find_labels

    text = "本年新收政府信息公开申请数量" * 5_000
    specs = [LabelSpec(0, ["本年新收政府信息公开申请数量"]), LabelSpec(1, ["政府信息公开申请数量"])]
    labels = find_labels(text, 0, len(text), specs)
    assert len(labels) == 5_000 and {l.key for l in labels} == {0}
    assert all(a.end <= b.start for a, b in zip(labels, labels[1:]))


# (a row of table 三 whose label is printed again and again, the events read from it)
ROW_EVENTS = [
    ("（一）予以公开7000007", ["label", "num"]),
    ("（一）予以公开" * 3 + "7000007", ["label"] * 3 + ["num"]),
    ("（一）予以公开" * 3 + "说明7000007", ["break"] + ["label"] * 3 + ["num"]),  # words that are no label
    ("（一）予 以公开（一）予以公开7000007", ["label"] * 2 + ["num"]),  # a label with a space inside
    ("（一）予以公开" * 20_000 + "7000007", ["label"] * 20_000 + ["num"]),
]


@pytest.mark.parametrize("text,kinds", ROW_EVENTS, ids=["once", "thrice", "words", "spaced", "20000 times"])
def test_a_row_label_printed_again_and_again(text, kinds):
    from disclosure_kg.extract.metrics.tokens import LabelSpec, events, find_labels

    labels = find_labels(text, 0, len(text), [LabelSpec(0, ["予以公开"])])
    ignorable = lambda words: not words.replace("（一）", "").strip()  # noqa: E731
    assert [e.kind for e in events(text, 0, len(text), labels, ignorable)] == kinds


@pytest.mark.parametrize("line,rule", [
    ("|---|:---:|", True), ("| --- | --- |", True), ("----", True), ("| 705 | 3 |", False),
    (" " * 40_000, False), (" " * 40_000 + "|", False), ("|" + " " * 40_000 + "-", False)])
def test_a_markdown_rule_line(line, rule):
    from disclosure_kg.extract.pipetables import _RULE

    assert bool(_RULE.match(line)) is rule


@pytest.mark.parametrize("cell,figure", [
    ("38652.17万元", ("", "38652.17", "万元")), (" 减少7 ", ("减少", "7", "")), ("705", ("", "705", "")),
    (" " * 40_000 + "7" + " " * 40_000, ("", "7", "")), ("\t" * 40_000 + "x", None)])
def test_a_grid_cell_s_figure(cell, figure):
    from disclosure_kg.extract.metrics.grid import _FIGURE

    m = _FIGURE.match(cell)
    assert (m and (m.group("sign") or "", m.group("body"), m.group("unit") or "")) == figure


@pytest.mark.parametrize("cell,field", [
    ("发布机构：", "发布机构"), ("来源", "来源"), ("来源" + " " * 40_000, "来源"), ("来源" + " " * 40_000 + "x", None)])
def test_a_page_field_s_label_cell(cell, field):
    from disclosure_kg.extract.html import _FIELD_CELL

    m = _FIELD_CELL.match(cell)
    assert (m and m.group(1)) == field


# ------------------------------------------------------------------ HTML tables

# cells of table 三 of 110_pingtan_2021.html, spanned as the page spans them
SPANNED = ('<tr><td rowspan="2">申请人情况</td><td>自然人</td></tr><tr><td>64</td></tr>'
           '<tr><td colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td></tr>')
GRIDS = [
    (SPANNED, [["申请人情况", "自然人", ""], ["申请人情况", "64", ""],
               ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"] * 3]),
    # spans that would fill 2,000,000 slots: the cells, one slot each
    ("<tr>" + '<td rowspan="200" colspan="200">64</td>' * 50 + "</tr>", [["64"] * 50]),
    # one long row over many short ones: not padded out to a rectangle
    ("<tr>" + "<td>0</td>" * 2_000 + "</tr>" + "<tr><td>64</td></tr>" * 100, [["0"] * 2_000] + [["64"]] * 100),
]


@pytest.mark.parametrize("rows,grid", GRIDS, ids=["spanned", "huge spans", "long row"])
def test_an_html_table_s_grid(rows, grid):
    import lxml.html

    from disclosure_kg.extract.html import MAX_TABLE_SLOTS, _expand

    table = lxml.html.fromstring(f"<table>{rows}</table>")
    slots = _expand(table)
    assert [[text for text, _ in row] for row in slots] == grid
    assert sum(map(len, slots)) <= MAX_TABLE_SLOTS
