"""Printed figures → values: Arabic and Chinese numerals, 万/亿, money, approximations, blanks.

``chinese_number`` is the one reader of Chinese numerals: figures here, dates and years in
docinfo, section labels in sections. Table-driven (extract/data/metrics_numbers.json). A blank cell, "/" or "—" is kept apart from 0
(value None, kind "blank"); a percentage stays a percentage; an approximate figure (2600余条) is a
value flagged as a lower bound.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import cn2an

from .data import json_data


@dataclass(frozen=True)
class ParsedNumber:
    value: Optional[float]
    unit: str  # "count" | "yuan" | "percent" | "person" | ""
    approximate: bool
    kind: str  # "number" | "percent" | "blank" | "unparsed"
    raw: str


@lru_cache(maxsize=None)
def table() -> dict:
    return json_data("metrics_numbers.json")


CN_DIGITS = "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟"
_ARABIC = re.compile(r"[-−]?\d+(?:,\d{3})*(?:\.\d+)?")
_CN = re.compile(f"[{CN_DIGITS}]+(?:点[{CN_DIGITS}]+)?")


@lru_cache(maxsize=None)
def _by_length(key: str) -> tuple[str, ...]:
    """The entries of one table of metrics_numbers.json, longest first (read once)."""
    return tuple(sorted(table()[key], key=len, reverse=True))


def _leading(text: str, key: str) -> Optional[str]:
    """The longest entry of the table ``key`` that ``text`` starts with."""
    return next((name for name in _by_length(key) if text.startswith(name)), None)


def sign_value(word: str) -> float:
    """-1 for a word that prints a decrease before a figure (减少, ↓), else 1."""
    return float(table()["signs"].get(word.strip(), 1))


def chinese_number(numeral: str) -> Optional[float]:
    """The value of a Chinese numeral, or None where ``numeral`` is none: 十二 → 12, 二十三 → 23,
    一百零五 → 105, 两千 → 2000, 一点五 → 1.5; digits without units are read one by one, as
    years are printed (二〇一九 → 2019). ○ (a circle pages type for 〇) is 〇."""
    try:
        return float(cn2an.cn2an(numeral.replace("○", "〇"), "smart"))
    except (ValueError, KeyError):
        return None


def parse_number(text: str, multiplier: float = 1.0, unit_hint: str = "") -> ParsedNumber:
    """Read one printed figure. ``multiplier`` is a column's scale (单位：万元 → 10000)."""
    raw = text
    t = unicodedata.normalize("NFKC", text or "").strip()
    t = re.sub(r"\s+", "", t)
    cfg = table()
    if t in cfg["blank"]:
        return ParsedNumber(None, unit_hint, False, "blank", raw)
    approximate = False
    for p in _by_length("approximate_prefix"):
        if t.startswith(p) and len(t) > len(p):
            t, approximate = t[len(p):], True
            break
    sign = 1.0
    word = _leading(t, "signs")
    if word is not None and len(t) > len(word):  # 本年增减 printed as 减少7 or ↓7: the sign is the value's
        t, sign = t[len(word):], float(cfg["signs"][word])
    percent = any(m in t for m in cfg["percent_markers"]) or t.startswith("百分之")
    m = _ARABIC.search(t)
    if m:
        number = float(m.group(0).replace(",", "").replace("−", "-"))
        rest = t[m.end():]
    else:
        m = _CN.search(t.replace("百分之", ""))
        if not m:
            return ParsedNumber(None, unit_hint, approximate, "unparsed", raw)
        digits = m.group(0)
        if digits[0] in "十百千万亿":  # 近百人, 千余家: a bare unit numeral means one of it
            digits = "一" + digits
        number = chinese_number(digits)
        if number is None:
            return ParsedNumber(None, unit_hint, approximate, "unparsed", raw)
        rest = t.replace("百分之", "")[m.end():]
    if percent:
        return ParsedNumber(number, "percent", approximate, "percent", raw)
    for s in _by_length("approximate_suffix"):
        if rest.startswith(s) and s[0] in "余多以左":
            approximate = True
            rest = rest[len(s) - (1 if s.endswith("万") else 0):] if s.endswith("万") else rest[len(s):]
            break
    unit = unit_hint
    scale = multiplier
    money = _leading(rest, "money_units")
    if money is None:  # 万 then 元 (40万元): the multiplier first, then the money unit
        mult = _leading(rest, "multipliers")
        if mult is not None:
            scale *= cfg["multipliers"][mult]
            rest = rest[len(mult):]
        money = _leading(rest, "money_units")
        if money is None:
            approx = _leading(rest, "approximate_suffix")
            if approx is not None:
                approximate, rest = True, rest[len(approx):]
            name = _leading(rest, "units")
            if name is not None:
                unit = unit or cfg["units"][name]
    if money is not None:
        unit, scale = "yuan", scale * cfg["money_units"][money]
        rest = rest[len(money):]
    value = round(sign * number * scale, 6)
    return ParsedNumber(value, unit or "count", approximate, "number", raw)
