"""Figures in running text: 主动公开政府信息26631条, 当面申请909件, 行政复议案96件，其中维持….

Rules are data (extract/data/metrics_prose.json): the words written before a figure name its
metric. Table regions are left to the table readers; a percentage, a date or a figure joined to
another category by 和/及 (“同意公开”和“同意部分公开”的431件) is not read as the category's.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..model import Document, Observation
from ..numbers import parse_number
from .labels import data, label
from .templates import find_region

_NUM = r"(?P<num>(?:约|近|超过)?\s*(?:\d+(?:,\d{3})*(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)\s*(?:万|亿)?(?:余|多)?)"
_UNIT = r"\s*(?P<unit>万元|亿元|元|人次|条|件|个|项|次|场|篇|名|人|期|宗|份|家|起|宗)"
_GAP_CHARS = r"[^，。；;,：:\d和及与或、（）()\n]"
_CONJ_BEFORE = re.compile(r"[和及与、或]\s*[“\"]?\s*$")
_OWN_FIGURE_BEFORE = re.compile(r"\d\s*(?:万元|元|人次|条|件|个|项|次|场|篇|名|人|期|宗|份|家|起)\s*[和及与、或]\s*[“\"]?\s*$")


@lru_cache(maxsize=None)
def _rules() -> list[tuple[dict, re.Pattern]]:
    out = []
    for r in data("metrics_prose.json")["rules"]:
        if r.get("zero"):
            rx = re.compile(r["pattern"])
        elif "pattern" in r:
            rx = re.compile(r["pattern"].replace("{NUM}", r"\s*(?:为|达|共|计|共计)?\s*" + _NUM) + _UNIT)
        else:
            cues = "|".join(re.escape(c) for c in sorted(r["cues"], key=len, reverse=True))
            gap = r.get("gap", 6)
            rx = re.compile(rf"[“\"]?(?P<cue>{cues})[”\"]?(?:的)?{_GAP_CHARS}{{0,{gap}}}?\s*(?:为|达|共|计|共计|的)?\s*" + _NUM + _UNIT)
        out.append((r, rx))
    return out


def table_spans(doc: Document, fmt: Optional[str]) -> list[tuple[int, int]]:
    """The table sections, which the prose rules leave to the table readers."""
    spans = []
    names = ["统计表"] + (["二", "三", "四"] if fmt in ("2019", "2021") else [])
    for name in names:
        region = find_region(doc.text, name)
        if region:
            spans.append(region)
    return spans


def _review_metric(text: str, pos: int) -> Optional[str]:
    start = max(text.rfind("。", 0, pos), text.rfind("\n", 0, pos)) + 1
    sentence = text[start:pos]
    a, b = sentence.rfind("行政复议"), sentence.rfind("行政诉讼")
    if a < 0 and b < 0:
        return None
    return "reconsiderations" if a > b else "lawsuits"


def find(doc: Document, fmt: Optional[str], readings=None) -> list[Observation]:
    """Every prose figure the rules recognise, in document order (the same metric may recur:
    the caller keeps the first)."""
    text = doc.text
    masked = table_spans(doc, fmt)
    used: list[tuple[int, int]] = []
    out: list[Observation] = []
    for rule, rx in _rules():
        if fmt and rule.get("formats") and fmt not in rule["formats"]:
            continue
        for m in rx.finditer(text):
            if rule.get("zero"):
                span = (m.start(), m.end())
            else:
                span = (m.start("num"), m.end("num"))
            if any(a <= span[0] < b for a, b in masked):
                continue
            if any(a < span[1] and span[0] < b for a, b in used):
                continue
            if not rule.get("zero"):
                if text[m.end("unit"):m.end("unit") + 1] in ("%", "％"):
                    continue
                if _CONJ_BEFORE.search(text[max(0, m.start() - 3):m.start()]) and not _OWN_FIGURE_BEFORE.search(
                        text[max(0, m.start() - 8):m.start()]):
                    continue  # the category shares the figure printed after the next one
            metric = rule["metric"]
            if metric == "@review":
                metric = _review_metric(text, m.start())
                if metric is None:
                    continue
            bd = (label(rule["breakdown"]),) if rule.get("breakdown") else ()
            if rule.get("zero"):
                out.append(Observation(label(metric), bd, 0.0, m.group(0), span[0], span[1]))
                used.append(span)
                continue
            raw = text[m.start("num"):m.end("unit")]
            pn = parse_number(raw)
            if pn.value is None or pn.kind != "number":
                continue
            out.append(Observation(label(metric), bd, pn.value, raw.strip(), span[0], span[1],
                                   unit=pn.unit, approximate=pn.approximate))
            used.append(span)
    out.sort(key=lambda o: o.start)
    return out
