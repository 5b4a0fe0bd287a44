"""China's administrative divisions (GB/T 2260), resolvable by the names reports use.

The table is the one the ``cpca`` package maintains (``cpca/resources/adcodes.csv``: 12-digit
code, name, longitude, latitude). It is read as a plain CSV: importing ``cpca`` itself would load
pandas, and on this Python its ``__init__`` fails anyway.

Conventions (those of the cpca table):
- levels follow the code: ``XX0000`` province, ``XXYY00`` city (prefecture), else county;
- a municipality's district has the table's ``市辖区`` row as parent (310110 → 310100 → 310000);
  that placeholder and the ``县`` / ``省直辖县级行政区划`` rows keep their table names but are
  never matched by name, and ``full_name`` skips them (上海市杨浦区, not 上海市市辖区杨浦区);
- other ``市辖区`` rows (410201 …) are retired placeholders and are left out.
Former names (开封县 → 祥符区 until 2014) come from data/division_former_names.tsv.
"""
from __future__ import annotations

import csv
import importlib.util
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional, Union

from .data import rows
from .model import Finding

NATIONAL = "100000"

# Placeholder rows: structural levels of the code, not places anyone names.
_PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
_MUNICIPALITY_PROVINCES = {"11", "12", "31", "50"}
# Generic suffixes a short name drops (longest first). Ethnic prefixes of autonomous units are
# handled by _ETHNIC below.
_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "新区", "林区", "特区",
             "地区", "省", "市", "区", "县", "旗", "盟")
_ETHNIC = re.compile(r"^(.{2,}?)(?:[\u4e00-\u9fff]{1,4}?族)+(?:自治区|自治州|自治县|自治旗)$")
_ZH_LEVEL_HINT = ("省", "市", "区", "县", "旗", "盟", "州")


@dataclass(frozen=True)
class Division:
    adcode: str  # 6 digits
    name: str  # as the table has it (杨浦区)
    level: str  # "province" | "city" | "county"
    parent: Optional[str]  # adcode of the enclosing division
    lat: Optional[float]
    lon: Optional[float]

    @property
    def placeholder(self) -> bool:
        return self.name in _PLACEHOLDERS


def _table_path() -> Path:
    """Where cpca keeps its table, found without executing cpca/__init__."""
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the cpca package (adcode table) is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "resources" / "adcodes.csv"


def _float(s: str) -> Optional[float]:
    try:
        return float(s)
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _table() -> dict[str, Division]:
    rows: dict[str, tuple[str, Optional[float], Optional[float]]] = {}
    with _table_path().open(encoding="utf-8") as f:
        for rec in csv.DictReader(f):
            code = rec["adcode"][:6]
            if rec["name"] == "市辖区" and not (code[:2] in _MUNICIPALITY_PROVINCES and code[2:] == "0100"):
                continue
            rows[code] = (rec["name"], _float(rec["latitude"]), _float(rec["longitude"]))
    out: dict[str, Division] = {}
    for code, (name, lat, lon) in rows.items():
        if code[2:] == "0000":
            level, parent = "province", None
        elif code[4:] == "00":
            level, parent = "city", code[:2] + "0000"
        else:
            level = "county"
            parent = code[:4] + "00" if code[:4] + "00" in rows else code[:2] + "0000"
        out[code] = Division(code, name, level, parent, lat, lon)
    return out


def division(adcode: str) -> Optional[Division]:
    """The division with this code (6 or 12 digits), or None."""
    return _table().get(str(adcode)[:6])


def all_divisions() -> list[Division]:
    return list(_table().values())


def parent_chain(adcode: str) -> list[Division]:
    """The division and its ancestors, innermost first (杨浦区, 市辖区, 上海市)."""
    chain: list[Division] = []
    d = division(adcode)
    while d is not None:
        chain.append(d)
        d = division(d.parent) if d.parent else None
    return chain


def province_of(adcode: str) -> Optional[str]:
    """The code of the province-level division (省、自治区、直辖市) a division lies in, itself
    for a province; None where the code is not in the table."""
    chain = parent_chain(adcode)
    return chain[-1].adcode if chain and chain[-1].level == "province" else None


def p442(adcode: str) -> str:
    """Wikidata P442 (China administrative division code) form: ``31 01 10``."""
    code = str(adcode)[:6]
    return f"{code[:2]} {code[2:4]} {code[4:6]}"


def full_name(adcode: str) -> str:
    """The name with its enclosing divisions below province level (宿迁市沭阳县, 上海市杨浦区;
    a province or city alone: 上海市, 开封市)."""
    chain = [d for d in parent_chain(adcode) if not d.placeholder]
    if not chain:
        return ""
    if chain[0].level != "county" or len(chain) == 1:
        return chain[0].name
    return chain[1].name + chain[0].name


def official_name(adcode: str) -> str:
    """The name a division's government carries before 人民政府: a district (区) is named
    with its city or municipality (上海市杨浦区, 开封市祥符区); a county, county-level city or
    banner stands alone (沭阳县, 平潭县); provinces and cities by their own name."""
    d = division(adcode)
    if d is None:
        return ""
    if d.level == "county" and d.name.endswith("区"):
        return full_name(adcode)
    return d.name


def short_name(name: str) -> str:
    """杨浦区 → 杨浦, 恩施土家族苗族自治州 → 恩施; a name that would shrink below 2 chars stays."""
    m = _ETHNIC.match(name)
    if m:
        return m.group(1)
    for suf in _SUFFIXES:
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            return name[: -len(suf)]
    return name


@dataclass(frozen=True)
class FormerName:
    name: str
    adcode: str  # the division that now covers it
    until: int  # last year the name was in use


@lru_cache(maxsize=1)
def former_names() -> dict[str, list[FormerName]]:
    out: dict[str, list[FormerName]] = {}
    for name, code, until, *_ in rows("division_former_names.tsv"):
        out.setdefault(name, []).append(FormerName(name, code, int(until)))
    return out


@lru_cache(maxsize=1)
def _names() -> dict[str, tuple[Division, ...]]:
    """Every full and short name → divisions so named (placeholders excluded)."""
    idx: dict[str, list[Division]] = {}
    for d in _table().values():
        if d.placeholder:
            continue
        names = {d.name, short_name(d.name)}
        # an autonomous prefecture, county or banner is also written short with its level:
        # 黔南布依族苗族自治州 → 黔南州, 长阳土家族自治县 → 长阳县
        if _ETHNIC.match(d.name) and d.name.endswith(("自治州", "自治县", "自治旗")):
            names.add(short_name(d.name) + d.name[-1])
        for n in names:
            idx.setdefault(n, []).append(d)
    return {k: tuple(v) for k, v in idx.items()}


def names_index() -> dict[str, tuple[Division, ...]]:
    """Name (full or short) → divisions; for matchers that scan text for division names."""
    return _names()


Context = Union[str, Iterable[str], None]


def _context_codes(context: Context) -> list[str]:
    """Adcodes the context points at: codes given directly, or divisions named in a text."""
    if context is None:
        return []
    if isinstance(context, str):
        codes: list[str] = []
        idx = _names()
        # full names only (with their level suffix): short names in prose are too loose
        for name, divs in idx.items():
            if len(name) >= 3 and name.endswith(_ZH_LEVEL_HINT) and name in context:
                codes.extend(d.adcode for d in divs if d.name == name)
        return codes
    return [str(c)[:6] for c in context if c]


def _affinity(d: Division, codes: list[str]) -> int:
    """How closely a candidate sits to the context codes (shared leading code digits)."""
    best = 0
    for c in codes:
        if c == NATIONAL:
            continue
        n = 0
        for a, b in zip(d.adcode, c):
            if a != b:
                break
            n += 1
        best = max(best, n)
    return best


def _pick(cands: Iterable[Division], codes: list[str]) -> Optional[Division]:
    cands = list(dict.fromkeys(cands))
    if len(cands) == 1:
        return cands[0]
    for d in cands:  # a unit and its own seat share a short name (恩施州, 恩施市): the unit
        if all(o is d or d.adcode in {a.adcode for a in parent_chain(o.adcode)} for o in cands):
            return d
    if not cands or not codes:
        return None
    scored = sorted(((_affinity(d, codes), d) for d in cands), key=lambda x: -x[0])
    # a shared province (2 digits) at least, and no tie at the top
    if scored[0][0] >= 2 and (len(scored) == 1 or scored[0][0] > scored[1][0]):
        return scored[0][1]
    return None


def _segment(name: str) -> Optional[list[tuple[Division, ...]]]:
    """Split a written chain (上海市杨浦区, 吉林省长春市朝阳区) into its division names."""
    idx = _names()
    if name in idx:
        return [idx[name]]
    for cut in range(len(name) - 1, 1, -1):
        head, tail = name[:cut], name[cut:]
        if head in idx and head.endswith(_ZH_LEVEL_HINT):
            rest = _segment(tail)
            if rest is not None:
                return [idx[head]] + rest
    return None


def _within(cands: tuple[Division, ...], ancestors: tuple[Division, ...]) -> tuple[Division, ...]:
    anc = {a.adcode for a in ancestors}
    return tuple(d for d in cands if anc & {x.adcode for x in parent_chain(d.adcode)[1:]})


@lru_cache(maxsize=1)
def _confusables() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for row in rows("division_ocr_confusables.tsv"):
        group = [c for c in row if c]
        for c in group:
            out.setdefault(c, set()).update(x for x in group if x != c)
    return {k: frozenset(v) for k, v in out.items()}


def _ocr_candidates(name: str) -> list[Division]:
    """Divisions whose name (full, or short for names of 2+ characters) is ``name`` with one
    character replaced by a glyph OCR confuses it with (沐阳县 → 沭阳县)."""
    if len(name) < 2:
        return []
    idx = _names()
    conf = _confusables()
    out: list[Division] = []
    for i, ch in enumerate(name):
        for alt in conf.get(ch, ()):
            out.extend(idx.get(name[:i] + alt + name[i + 1:], ()))
    return list(dict.fromkeys(out))


def resolve(name: str, context: Context = None, year: Optional[int] = None,
            start: int = -1, end: int = -1) -> tuple[Optional[Division], Optional[Finding]]:
    """The division a written name means.

    ``context`` disambiguates a name shared by several divisions (朝阳区): adcodes already known
    (the issuer's), or nearby text whose full division names (吉林省, 长春市) are read.
    ``year`` admits former names valid then (开封县 until 2014). A name one character off a
    single real division (OCR's 沐阳县) resolves to it with an "ocr-division" finding.
    """
    name = name.strip()
    if not name:
        return None, None
    codes = _context_codes(context)
    parts = _segment(name)
    if parts is not None:
        chosen: Optional[Division] = None
        cands = parts[0]
        for nxt in parts[1:]:
            cands = _within(nxt, cands) or nxt
        chosen = _pick(cands, codes)
        if chosen is not None:
            return chosen, None
        if len(cands) > 1:
            return None, Finding("ambiguous-division",
                                 f"{name}: {len(cands)} divisions so named ({', '.join(d.adcode for d in cands)})",
                                 start, end)
    former = former_names().get(name)
    if former:
        f = former[0]
        d = division(f.adcode)
        if d is not None:
            if year is not None and year > f.until:
                return d, Finding("former-division-name",
                                  f"{name} was renamed after {f.until}; now {d.name} ({d.adcode})", start, end)
            return d, None
    cands = _ocr_candidates(name)
    pick = _pick(cands, codes)
    if pick is not None:
        return pick, Finding("ocr-division", f"{name} is not a division; read as {pick.name} ({pick.adcode})",
                             start, end)
    return None, None
