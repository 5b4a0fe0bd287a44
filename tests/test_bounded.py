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
    (ROW + "1" * 16, 28, 7),  # four rows' worth, as when a copy lost the labels between rows
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
