"""Figures in running text: 主动公开政府信息26631条, 当面申请909件, 行政复议案96件，其中维持….

Rules are data (extract/data/metrics_prose.json): the words written around a figure name its
metric, and the unit it is counted in must suit the metric (45个部门 is no count of items).
Table regions are left to the table readers; a percentage, a date, a figure joined to another
category by 和/及 (“同意公开”和“同意部分公开”的431件), another year's figure or a change (上年,
比上年增加), a running total (截至…累计) and a part's figure (各乡镇) are not read as the category's.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import lru_cache
from typing import Optional

from ..model import Document, Observation
from ..numbers import parse_number
from ..wraps import unwrap
from ..data import json_data as data
from .labels import label
from .labels import unit as concept_unit
from .templates import find_region


def _alternatives(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# the units and approximation words a printed figure may carry (extract/data/metrics_numbers.json)
_FIGURES = data("metrics_numbers.json")
# Runs of spaces, digits and numerals are taken whole (possessive ++, *+: nothing that may follow
# starts with what they take) and entered only at their start (the lookbehinds: a match from
# inside a run would have been found from its start), so a run of 40,000 spaces or digits costs
# one pass instead of a try from every position in it (34 s) or every split of it between two
# spaces' places (hours).
_NUMERALS = "[零〇一二两三四五六七八九十百千]"
_NUM = (rf"(?P<num>(?:{_alternatives(_FIGURES['approximate_prefix'])})?(?:(?<!\s)\s++)?"
        rf"(?:(?<!\d)\d++(?:,\d{{3}})*(?:\.\d++)?|(?<!{_NUMERALS}){_NUMERALS}++)\s*+(?:万|亿)?(?:余|多)?)")
_UNIT = rf"\s*+(?P<unit>{_alternatives(list(_FIGURES['units']) + list(_FIGURES['money_units']))})"
_VERB = r"\s*+(?:为|达|达到|共|计|共计|合计|总计|累计|的)?\s*+"
_GAP_CHARS = r"[^，。；;,：:\d和及与或、（）()\n]"
_CONJ_BEFORE = re.compile(r"[和及与、或]\s*[“\"]?\s*$")
_OWN_FIGURE_BEFORE = re.compile(r"\d\s*(?:万元|元|人次|条|件|个|项|次|场|篇|名|人|期|宗|份|家|起)\s*[和及与、或]\s*[“\"]?\s*$")
_CLAUSE = re.compile(r"[，。；;,\n]")
# How far back a sentence is looked for (its 。 or line break): the reports' sentences run at most
# ~200 characters before a figure, and a page with no full stop must not be scanned back to its
# start from every figure on it (quadratic time).
SENTENCE_REACH = 1000


def _compile(rule: dict) -> re.Pattern:
    if rule.get("zero"):
        return re.compile(rule["pattern"])
    if "pattern" in rule:
        pat = rule["pattern"]
        if "{UNIT}" in pat:  # a wording with the figure before the words (召开3次…会议)
            return re.compile(pat.replace("{NUM}", _NUM).replace("{UNIT}", _UNIT))
        return re.compile(pat.replace("{NUM}", _VERB + _NUM) + _UNIT)
    cues = "|".join(re.escape(c) for c in sorted(rule["cues"], key=len, reverse=True))
    gap = rule.get("gap", 6)
    return re.compile(rf"[“\"]?(?P<cue>{cues})[”\"]?(?:的)?{_GAP_CHARS}{{0,{gap}}}?" + _VERB + _NUM + _UNIT)


@lru_cache(maxsize=None)
def _rules() -> list[tuple[dict, re.Pattern]]:
    return [(r, _compile(r)) for r in data("metrics_prose.json")["rules"]]


@lru_cache(maxsize=None)
def _language() -> dict:
    return data("metrics_prose.json")["language"]


def _units(rule: dict) -> set[str]:
    """The units a figure of this rule's metric may be counted in (条 for items, 名 for staff …)."""
    lang = _language()
    return set(rule.get("units") or lang["units"].get(rule["metric"], lang["units"]["@default"]))


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts: after the last 。 or line break before it, at
    most SENTENCE_REACH characters back."""
    reach = max(0, pos - SENTENCE_REACH)
    return max(text.rfind("。", reach, pos), text.rfind("\n", reach, pos), reach - 1) + 1


def _clause_before(text: str, pos: int) -> str:
    start = max((m.end() for m in _CLAUSE.finditer(text, max(0, pos - 60), pos)), default=max(0, pos - 60))
    return text[start:pos]


def _blocked(rule: dict, text: str, m: re.Match) -> bool:
    """Words that make the figure another year's, a change, a cumulative total or another thing's."""
    lang = _language()
    allow = rule.get("allow", [])
    # the words after the cue (a cue may itself hold a blocker: 受理政府信息公开申请件)
    between = text[m.end("cue") if "cue" in m.re.groupindex else m.start():m.start("num")]
    for w in allow:
        between = between.replace(w, "")
    if any(w in between for w in lang["gap_blockers"] + rule.get("gap_blockers", [])):
        return True
    clause = _clause_before(text, m.start("num"))
    for w in allow:
        clause = clause.replace(w, "")
    if any(w in clause for w in lang["clause_blockers"] + rule.get("clause_blockers", [])):
        return True
    running = lang["running_total"]
    if any(w in clause for w in running["marker"]):
        sentence = text[_sentence_start(text, m.start("num")):m.start("num")]
        if any(w in sentence for w in running["frame"]):
            return True
    scope = lang["part_scope"]
    if rule["metric"] in scope["metrics"] and not rule.get("breakdown"):
        if any(w in clause for w in scope["part"]) and not any(w in clause for w in scope["whole"]):
            return True
    after = text[m.end("unit"):m.end("unit") + 8]
    return any(after.startswith(w) for w in lang["after_blockers"])


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
    """Reconsiderations or lawsuits: the nearer of the two named before the figure in its
    sentence, or in the sentence before where this one goes on with its parts (其中，维持3件)."""
    start = _sentence_start(text, pos)
    sentence = text[start:pos]
    if "行政复议" not in sentence and "行政诉讼" not in sentence and sentence.lstrip().startswith("其中") and start:
        start = _sentence_start(text, start - 1)
        sentence = text[start:pos]
    a, b = sentence.rfind("行政复议"), sentence.rfind("行政诉讼")
    if a < 0 and b < 0:
        return None
    return "reconsiderations" if a > b else "lawsuits"


def _single_per_sentence(text: str, obs: list[Observation]) -> list[Observation]:
    """A category (never a total) named twice in one sentence (判决撤销…1件，判决确认违法…1件, both 结果纠正) is
    printed in parts: no one figure is the category's, and a sum would not be a printed number."""
    def sentence(o: Observation) -> int:
        return _sentence_start(text, o.start)
    seen: dict = {}
    for o in obs:
        key = (o.metric, o.breakdown, sentence(o))
        seen[key] = seen.get(key, 0) + 1
    return [o for o in obs if not o.breakdown or seen[(o.metric, o.breakdown, sentence(o))] == 1]


def find(doc: Document, fmt: Optional[str], readings=None) -> list[Observation]:
    """Every prose figure the rules recognise, in document order (the same metric may recur:
    the caller keeps the first). Sentences a PDF's hard line wraps cut are read whole."""
    view = unwrap(doc.text)
    masked = [(bisect.bisect_left(view.where, a), bisect.bisect_left(view.where, b))
              for a, b in table_spans(doc, fmt)]
    out = []
    for o in _find_in(view.text, masked, fmt):
        start, end = view.original(o.start, o.end)
        out.append(replace(o, start=start, end=end))
    return out


class _Taken:
    """Characters already read as part of a figure. A span overlaps the figures read so far where
    one of its characters is taken: a look at the span, where comparing it with every figure read
    so far would take quadratic time on a page of figures."""

    def __init__(self, size: int):
        self.marks = bytearray(size)

    def overlaps(self, start: int, end: int) -> bool:
        return self.marks.find(1, start, end) >= 0

    def take(self, start: int, end: int) -> None:
        self.marks[start:end] = b"\x01" * (end - start)


def _find_in(text: str, masked: list[tuple[int, int]], fmt: Optional[str]) -> list[Observation]:
    used = _Taken(len(text))
    out: list[Observation] = []
    sole: list[tuple[str, Observation]] = []
    used_zero: dict[str, _Taken] = {}  # by metric
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
            if rule.get("zero"):
                # one negation may deny several things (未发生行政复议和行政诉讼)
                if rule["metric"] in used_zero and used_zero[rule["metric"]].overlaps(*span):
                    continue
            elif used.overlaps(*span):
                continue
            if not rule.get("zero"):
                if text[m.end("unit"):m.end("unit") + 1] in ("%", "％"):
                    continue
                if m.group("unit") not in _units(rule) or _blocked(rule, text, m):
                    continue
                if _CONJ_BEFORE.search(text[max(0, m.start() - 3):m.start()]) and not _OWN_FIGURE_BEFORE.search(
                        text[max(0, m.start() - 8):m.start()]):
                    continue  # the category shares the figure printed after the next one
            metric = rule["metric"]
            if metric == "@review":
                metric = _review_metric(text, m.start())
                if metric is None or rule.get("only", metric) != metric:
                    continue
            bd = (label(rule["breakdown"]),) if rule.get("breakdown") else ()
            if rule.get("zero"):
                out.append(Observation(label(metric), bd, 0.0, m.group(0), span[0], span[1],
                                       unit=concept_unit(rule["metric"]) or "count"))
                used_zero.setdefault(rule["metric"], _Taken(len(text))).take(*span)
                continue
            raw = text[m.start("num"):m.end("unit")]
            pn = parse_number(raw)
            if pn.value is None or pn.kind != "number":
                continue
            out.append(Observation(label(metric), bd, pn.value, raw.strip(), span[0], span[1],
                                   unit=pn.unit, approximate=pn.approximate))
            used.take(*span)
            for other in rule.get("also_metrics", []):
                out.append(Observation(label(other), bd, pn.value, raw.strip(), span[0], span[1],
                                       unit=pn.unit, approximate=pn.approximate))
            if rule.get("also_total"):
                sole.append((metric, out[-1]))
    out = _single_per_sentence(text, out)
    # 依托门户网站主动公开政府信息N条 with no other total printed: N is the year's total as well
    totals = {x.metric for x in out if not x.breakdown}
    for metric, o in sole:
        if o.metric not in totals:
            out.append(Observation(o.metric, (), o.value, o.raw, o.start, o.end, unit=o.unit,
                                   approximate=o.approximate))
            totals.add(o.metric)
    out.sort(key=lambda o: o.start)
    return out
