"""Hostile-but-fair input (issue 12): real reports, mutated, through the whole extraction.

Each example takes a real report from the corpus and mutates it the way copies go wrong and
attackers try: runs of digits, spaces, bars and brackets inserted, slices deleted or repeated,
characters swapped, very long lines. The extraction must raise nothing, and no example may take
longer than hypothesis's per-example deadline. Examples are derandomized (the same in every run)
and few enough for CI.
"""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_kg.extract.metrics.flat import _sum_ok
from disclosure_kg.extract.metrics.splits import MAX_ROW_STEPS, SearchBudget, SearchExhausted, split_cells
from disclosure_kg.extract.metrics.tokens import tokenize
from disclosure_kg.extract.pipeline import document_from_text, extract

# reports of every shape: run together on one line, one cell a line, markdown rows, a PDF copy,
# a 2008 统计表, prose only
REPORTS = ["104_pingtan_2019.txt", "003_72128b50d2462855.txt", "107_shuyang_2025.txt",
           "108_shanghai_office_2025.txt", "102_pingtan_county_2013.txt", "000_e12181306ca0a942.txt"]

FUZZ = settings(max_examples=250, deadline=timedelta(seconds=10), derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# what gets inserted: the characters the extractors' patterns repeat or bracket on
INSERTS = ["0", "1", "9", " ", "\t", "\u3000", "\n", " \n", "|", " | ", "（", "）", "(", "《", "》", "【", "一", "十", "是",
           "、", "。", "，", "-", "—", ".", "1.", "第", "件", "万元", "公开"]

@st.composite
def mutation(draw):
    """One edit, as (kind, where in the text 0..1, size, what)."""
    kind = draw(st.sampled_from(["run", "delete", "repeat", "swap", "long line"]))
    where = draw(st.floats(0, 1))
    if kind == "long line":
        return kind, where, draw(st.integers(1_000, 60_000)), draw(st.sampled_from(INSERTS))
    return kind, where, draw(st.integers(1, 3_000)), draw(st.sampled_from(INSERTS))


def _mutated(text: str, edits) -> str:
    for kind, where, size, what in edits:
        i = int(where * len(text))
        if kind == "run":
            text = text[:i] + what * size + text[i:]
        elif kind == "delete":
            text = text[:i] + text[i + size:]
        elif kind == "repeat":
            text = text[:i] + text[i:i + min(size, 400)] * 3 + text[i:]
        elif kind == "swap" and len(text) > 1:
            a, b = sorted((i % len(text), (i + size) % len(text)))
            if a != b:
                text = text[:a] + text[b] + text[a + 1:b] + text[a] + text[b + 1:]
        else:  # a very long line of one character or word
            text = text[:i] + "\n" + (what * size)[:size] + "\n" + text[i:]
    return text


@pytest.fixture(scope="module")
def reports(corpus_dir: Path) -> dict[str, str]:
    texts = {name: (corpus_dir / name).read_text(encoding="utf-8") for name in REPORTS
             if (corpus_dir / name).is_file()}
    if not texts:
        pytest.skip("none of the fuzzed reports is in the corpus")
    return texts


@pytest.mark.corpus
@FUZZ
@given(data=st.data())
def test_a_mutated_report_is_extracted_without_error(reports, data):
    name = data.draw(st.sampled_from(sorted(reports)), label="report")
    edits = data.draw(st.lists(mutation(), min_size=1, max_size=6), label="edits")
    text = _mutated(reports[name], edits)
    facts = extract(document_from_text(text, name))
    # each extractor runs on its own (pipeline.EXTRACTORS) and a failure becomes a finding: none may
    assert [f.message for f in facts.findings if f.kind == "extractor-error"] == []
    for o in facts.observations:
        assert 0 <= o.start <= o.end <= len(text)


# a table 三 label, then digits and spaces as a crawler may run them together
ROW_FIGURES = st.text(alphabet="0123456789 .-", min_size=1, max_size=40)


@settings(max_examples=200, deadline=timedelta(seconds=10), derandomize=True, database=None)
@given(figures=ROW_FIGURES, rows=st.integers(1, 4))
def test_the_cut_search_ends_with_readings_or_at_its_cap(figures, rows):
    text = "一、本年新收政府信息公开申请数量" + figures
    tokens = [t for t in tokenize(text, 0, len(text)) if t.kind in ("num", "blank")]
    budget = SearchBudget()
    try:
        readings = split_cells(tokens, 7 * rows, _sum_ok, width=7, budget=budget)
    except SearchExhausted:
        assert budget.row_steps == MAX_ROW_STEPS + 1
        return
    assert budget.row_steps <= MAX_ROW_STEPS
    assert all(len(r) == 7 * rows for r in readings)
