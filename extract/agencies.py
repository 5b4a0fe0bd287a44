"""Agencies named in the text, expanded to one canonical full name each.

An agency name is read as *prefix + body*: the prefix says whose agency it is (a division
written in full or short — 上海市杨浦区, 杨浦 —, a zone — 平潭综合实验区 —, or a word relative to
the reporting body — 区, 本区, 我县, 市, 省), the body what it is (房管局, 人民政府, 管委会办公室).
Bodies and their abbreviations are data (data/agency_abbreviations.tsv), and so are national
bodies (data/agency_national.tsv), zones run by a management committee (data/agency_zones.tsv),
relative prefixes (data/agency_relative_prefixes.tsv), township bodies (data/agency_townships.tsv)
and the words around a body word that stop it being read as an agency (data/agency_mention_context.tsv).
A body without a prefix is not taken (民政局 alone names no one agency), nor a relative prefix
read as 全区/各区 (all districts, not one agency): precision first.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable, Optional

from .data import rows
from . import divisions
from .docnumbers import find_docnumbers
from .model import AgencyMention, Document, DocumentInfo, Finding, IssuingBody


NATIONAL = divisions.NATIONAL
# Names the code builds with: a division's government, a zone's management committee (both rows of
# agency_abbreviations.tsv), and the national government.
GOVERNMENT = "人民政府"
COMMITTEE = "管理委员会"
STATE_COUNCIL = "国务院"
# The body words the context rules of agency_mention_context.tsv guard: an office written short
# (区府办, 县政府办) and a government written bare (区政府).
_OFFICE_ENDING = "办"
_BARE_GOVERNMENT = "政府"

# Relative prefixes (区, 本县, 我市 …): the level of division they point at, seen from the reporting body.
_RELATIVE = dict(rows("agency_relative_prefixes.tsv"))


def _context_words(rule: str) -> tuple[str, ...]:
    """The words of one rule of agency_mention_context.tsv (what may stand around a body word)."""
    return tuple(word for r, word in rows("agency_mention_context.tsv") if r == rule)


_NOT_BEFORE_RELATIVE = frozenset(_context_words("not-before-relative"))
_NOT_AFTER_OFFICE = _context_words("not-after-office")
_NOT_AFTER_GOV = _context_words("not-after-government")
_LIST_JOINERS = frozenset(_context_words("list-joiner"))
_LEVEL_CHARS = tuple(r[0] for r in rows("agency_division_endings.tsv"))

# Window sizes, in characters.
# the longest division prefix written before a body (克孜勒苏柯尔克孜自治州阿克陶县: 15 characters)
MAX_PREFIX = 20
# a division, a body or a township has a name of two characters at least: one character alone
# is a relative prefix (区, 县) or no name
MIN_NAME = 2
# an unlisted zone (苏州工业园区): at most this many characters between the division's name and
# the zone word, so a sentence that merely ends in 园区 is not read as a zone
ZONE_INFIX = 4
# the shortest unlisted zone: a two-character division, then a two-character zone word (园区)
MIN_UNLISTED_ZONE = 2 * MIN_NAME
# a zone's name before the bracketed county it is run with (苏州高新区（虎丘区）), and that county's
# name: longer runs are sentences, not names
MAX_CO_LOCATED_ZONE = 14
MAX_CO_LOCATED_COUNTY = 6
# a body read by its structure alone (长沙县|供销合作社联合社): its name without the division, and
# how far into the written name its division may end; longer runs are sentences, not names
MAX_BODY_NAME = 24
MAX_UNLISTED_PREFIX = 16
# a township's own name (沙河 in 沙河镇政府): in running text a short one, since a longer run before
# 镇政府 is more often the sentence's words (在各镇政府); in a whole written name (a title's
# issuer) a longer one
TOWNSHIP_STEM_IN_TEXT = (MIN_NAME, 4)
TOWNSHIP_STEM_WHOLE = (MIN_NAME, 6)

# township body as written → the canonical ending of its name; and which forms prose is read for
_TOWNSHIP_BODIES = {r[0]: r[1] for r in rows("agency_townships.tsv")}
_TOWNSHIP_BODIES_IN_TEXT = tuple(r[0] for r in rows("agency_townships.tsv") if r[2] == "yes")
_TOWNSHIP_STEM_STOP = frozenset(r[0] for r in rows("agency_township_stem_stops.tsv"))
_TOWNSHIP_STEM_NEVER_INSIDE = frozenset(r[0] for r in rows("agency_township_stem_stops.tsv") if r[1] == "no")
_TOWNSHIP = re.compile(r"([\u4e00-\u9fff]{%d,%d}?)" % TOWNSHIP_STEM_IN_TEXT
                       + "(" + "|".join(map(re.escape, _TOWNSHIP_BODIES_IN_TEXT)) + ")")


@dataclass(frozen=True)
class Body:
    written: str
    canonical: str
    kind: str  # "government" | "department"
    levels: frozenset[str]
    start_year: Optional[int]
    end_year: Optional[int]

    def fits(self, level: str, year: Optional[int]) -> bool:
        if self.levels and level not in self.levels:
            return False
        if year is not None:
            if self.start_year is not None and year < self.start_year:
                return False
            if self.end_year is not None and year > self.end_year:
                return False
        return True


@dataclass(frozen=True)
class Government:
    """Whose agencies a prefix names: a division's government, or a zone's committee."""

    name: str  # canonical name of the government itself (上海市杨浦区人民政府)
    prefix: str  # what canonical agency names start with (上海市杨浦区)
    adcode: str
    level: str  # "province" | "city" | "county" | "zone" | "national"
    parent_adcode: Optional[str] = None


@dataclass(frozen=True)
class Prefix:
    """Whose agency a name is: the government its prefix names, where the prefix starts, and
    what reading the prefix met (an OCR'd division name)."""

    start: int
    government: Government
    finding: Optional[Finding] = None


@dataclass(frozen=True)
class AgencyName:
    """A written agency name read as one agency: its canonical full name, the canonical name of
    the government it belongs to, its division's code, and what the reading met."""

    canonical: str  # 上海市杨浦区人民政府办公室
    parent: Optional[str]  # 上海市杨浦区人民政府
    adcode: Optional[str]
    findings: tuple[Finding, ...] = ()


def _year(s: str) -> Optional[int]:
    s = s.strip()
    return int(s) if s else None


@lru_cache(maxsize=1)
def bodies() -> dict[str, tuple[Body, ...]]:
    out: dict[str, list[Body]] = {}
    for r in rows("agency_abbreviations.tsv"):
        r = r + [""] * (6 - len(r))
        levels = frozenset(x.strip() for x in r[3].split(",") if x.strip())
        out.setdefault(r[0], []).append(Body(r[0], r[1], r[2], levels, _year(r[4]), _year(r[5])))
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def national() -> dict[str, AgencyName]:
    """National bodies as written → each read as an agency."""
    return {r[0]: AgencyName(r[1], (r[2] if len(r) > 2 else "").strip() or None, NATIONAL)
            for r in rows("agency_national.tsv")}


@lru_cache(maxsize=1)
def zones() -> dict[str, Government]:
    out = {}
    for r in rows("agency_zones.tsv"):
        out[r[0]] = Government(r[1], r[0], r[2].strip(), "zone", r[3].strip() or None)
    return out


@lru_cache(maxsize=1)
def _zone_words() -> tuple[str, ...]:
    return tuple(sorted((r[0].strip() for r in rows("agency_zone_words.tsv")), key=len, reverse=True))


@lru_cache(maxsize=256)
def unlisted_zone(name: str) -> Optional[Government]:
    """A development zone not in agency_zones.tsv (苏州工业园区, 昆山高新区): a division's name
    (full or short) at its start, a few characters, a zone word at its end. Its management
    committee carries the division's code."""
    word = next((w for w in _zone_words() if name.endswith(w)), None)
    if word is None:
        return None
    head = name[:-len(word)]
    for k in range(len(head), MIN_NAME - 1, -1):
        if len(head) - k > ZONE_INFIX:
            break
        cand = head[:k]
        if cand not in divisions.names_index():
            continue
        d, finding = divisions.resolve(cand)
        if d is None or finding is not None:
            continue
        inner = _division_inside(name[k:], d)
        if inner is not None and inner.name == name[k:]:
            return None  # 张家口市下花园区, 商丘市梁园区: a district whose name ends like a zone word
        # a county named after its city (苏州相城经济技术开发区): the zone is the county's
        for j in range(len(head) - k, MIN_NAME - 1, -1):
            inner = _division_inside(head[k:k + j], d)
            if inner is not None:
                d = inner
                break
        gov = government_of(d.adcode)
        if gov is None or gov.level == "national":
            continue
        return Government(name + COMMITTEE, name, gov.adcode, "zone", gov.adcode)
    return None


def co_located_division(agency: str, adcode: str, text: str) -> Optional[str]:
    """The county a zone body's report says its zone is run together with (苏州高新区（虎丘区）):
    a zone's name, then a county of the zone's city in brackets. The code of that county, or None."""
    words = "|".join(map(re.escape, _zone_words()))
    if not re.search(words, agency):
        return None
    pattern = (rf"[\u4e00-\u9fff]{{{MIN_NAME},{MAX_CO_LOCATED_ZONE}}}(?:{words})"
               rf"\s*[（(]([\u4e00-\u9fff]{{{MIN_NAME},{MAX_CO_LOCATED_COUNTY}}}[区县市旗])[)）]")
    for m in re.finditer(pattern, text):
        d, finding = divisions.resolve(m.group(1), [adcode])
        if d is None or finding is not None or d.level != "county":
            continue
        if adcode in {x.adcode for x in divisions.parent_chain(d.adcode)[1:]}:
            return d.adcode
    return None


def _division_inside(name: str, parent: divisions.Division) -> Optional[divisions.Division]:
    """The division ``name`` (full or short) means inside ``parent`` (下花园区 or 相城 in their
    cities), or None."""
    if name not in divisions.names_index():
        return None
    inner, finding = divisions.resolve(name, [parent.adcode])
    if inner is None or finding is not None:
        return None
    return inner if parent.adcode in {x.adcode for x in divisions.parent_chain(inner.adcode)} else None


def zone_by_government(name: str) -> Optional[Government]:
    for z in zones().values():
        if z.name == name:
            return z
    return None


def government_of(adcode: str) -> Optional[Government]:
    """The people's government of a division (placeholders such as 市辖区 are skipped upward)."""
    if adcode == NATIONAL:
        return Government(STATE_COUNCIL, "", NATIONAL, "national")
    for d in divisions.parent_chain(adcode):
        if d.placeholder:
            continue
        prefix = divisions.official_name(d.adcode)
        up = next((a.adcode for a in divisions.parent_chain(d.adcode)[1:] if not a.placeholder), None)
        return Government(prefix + GOVERNMENT, prefix, d.adcode, d.level, up or NATIONAL)
    return None


def parent_government(gov: Government) -> Optional[Government]:
    if gov.level == "national" or not gov.parent_adcode:
        return None
    return government_of(gov.parent_adcode)


def relative_government(word: str, home: Optional[Government]) -> Optional[Government]:
    """区/县/市/省 (and 本区, 我县 …) seen from the reporting body."""
    level = _RELATIVE.get(word)
    if level is None or home is None or home.level == "national":
        return None
    if home.level == "zone":
        # a zone calls itself 区; its 县 is the county whose code it carries
        if word.endswith("区"):
            return home
        if word.endswith("县"):
            return government_of(home.adcode)
        if word.endswith("省") and home.parent_adcode:
            return government_of(home.parent_adcode)
        return None
    chain = [d for d in divisions.parent_chain(home.adcode) if not d.placeholder]
    char = word[-1]
    if level == "county":
        # 区 / 县 from a district or county: itself (a city's report has many 区: none of them)
        d = chain[0]
        return government_of(d.adcode) if d.level == "county" and d.name.endswith(char) else None
    if level == "city":
        # 市: the body itself when it is a city (or county-level city), else the nearest city
        # or municipality above it
        d = next((x for x in chain if x.name.endswith("市")), None)
        return government_of(d.adcode) if d is not None else None
    d = chain[-1]
    return government_of(d.adcode) if d.name.endswith("省") else None


@lru_cache(maxsize=1)
def _body_words() -> tuple[str, ...]:
    return tuple(sorted((r[0].strip() for r in rows("agency_body_words.tsv")), key=len, reverse=True))


@lru_cache(maxsize=1)
def _not_bodies() -> tuple[str, ...]:
    return tuple(r[0].strip() for r in rows("agency_not_bodies.tsv"))


_BODY_NAME = re.compile(r"[\u4e00-\u9fff]{%d,%d}" % (MIN_NAME, MAX_BODY_NAME))


def is_body_name(name: str) -> bool:
    """Whether a name (without its division) is shaped like a public body's: Chinese characters
    ending in a body word (局, 委员会, 中心, 站 …), and not a site or an event (网站, 座谈会)."""
    return (bool(_BODY_NAME.fullmatch(name)) and name.endswith(_body_words())
            and not name.endswith(_not_bodies()) and name not in _body_words())


def _unlisted_body(written: str, home: Optional[Government],
                   year: Optional[int]) -> Optional[AgencyName]:
    """A body no list holds, by its structure: a division (or a zone, or 区/县 seen from the
    reporting body), then a name ending in a body word (长沙县供销合作社联合社). The name is kept
    as written; the division gives the code and the parent government."""
    for k in range(min(len(written) - MIN_NAME, MAX_UNLISTED_PREFIX), 0, -1):
        body = written[k:]
        if not is_body_name(body) or body[0] in _LEVEL_CHARS:
            continue
        pre = prefix_before(written, k, home, year, strict=False)
        if pre is None or pre.start != 0:
            continue
        gov = pre.government
        # the division written whole (长沙县, 苏州工业园区): a short name (解放 in 解放碑街道) is too
        # often the first word of the body's own name
        if gov.level == "national" or pre.finding or not written[:k].endswith(_LEVEL_CHARS):
            continue
        return AgencyName(gov.prefix + body, gov.name, gov.adcode)
    if home is not None and home.level != "national" and is_body_name(written):
        # a bare body name (民政局) read against the division the document names elsewhere
        return AgencyName(home.prefix + written, home.name, home.adcode)
    return None


def _body_regex() -> re.Pattern:
    names = sorted(bodies(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)))


@lru_cache(maxsize=1)
def _body_pattern() -> re.Pattern:
    return _body_regex()


@lru_cache(maxsize=1)
def _national_pattern() -> re.Pattern:
    return re.compile("|".join(map(re.escape, sorted(national(), key=len, reverse=True))))


def prefix_before(text: str, end: int, home: Optional[Government], year: Optional[int],
                  strict: bool = True) -> Optional[Prefix]:
    """The longest prefix ending at ``end``, or None.

    ``strict`` (running text) takes a short or misread division name only near the reporting
    body; a whole name read as an agency (a title's issuer) takes it anywhere."""
    for k in range(min(MAX_PREFIX, end), 0, -1):
        cand = text[end - k:end]
        if not re.fullmatch(r"[\u4e00-\u9fff]+", cand):
            continue
        if cand in zones():
            return Prefix(end - k, zones()[cand])
        if len(cand) >= MIN_UNLISTED_ZONE and cand not in divisions.names_index():
            zone = unlisted_zone(cand)
            if zone is not None:
                return Prefix(end - k, zone)
        if cand in _RELATIVE:
            if len(cand) == 1 and end - k > 0 and text[end - k - 1] in _NOT_BEFORE_RELATIVE:
                continue
            gov = relative_government(cand, home)
            if gov is not None:
                return Prefix(end - k, gov)
            continue
        if len(cand) < MIN_NAME:
            continue
        ctx = [home.adcode] if home is not None else None
        known = cand in divisions.names_index() or bool(divisions.former_names().get(cand))
        if not known and not (len(cand) > MIN_NAME and cand.endswith(_LEVEL_CHARS)):
            continue
        d, finding = divisions.resolve(cand, ctx, year, end - k, end)
        if d is None:
            continue
        # a short name (杨浦) or a misread one (沐阳县) names an agency only when it is the
        # reporting body's own division or an ancestor: elsewhere a short word is too often no place
        exact = finding is None and cand.endswith(d.name)
        if strict and not exact and not _near_home(d, home):
            continue
        gov = government_of(d.adcode)
        if gov is not None:
            return Prefix(end - k, gov, finding)
    return None


def _near_home(d: divisions.Division, home: Optional[Government]) -> bool:
    if home is None or home.level == "national":
        return False
    chain = {x.adcode for x in divisions.parent_chain(home.adcode)}
    return d.adcode in chain


def _pick_body(written: str, gov: Government, year: Optional[int]) -> Optional[Body]:
    for b in bodies().get(written, ()):
        if b.fits(gov.level, year):
            return b
    # a year outside every row's span: the undated reading is better than none
    for b in bodies().get(written, ()):
        if b.fits(gov.level, None):
            return b
    return None


def name_agency(gov: Government, body: Body) -> AgencyName:
    """A government's body named in full: 上海市杨浦区 + 房屋管理局, under 上海市杨浦区人民政府; the
    government itself sits under the one above it."""
    if body.kind != "government":
        return AgencyName(gov.prefix + body.canonical, gov.name, gov.adcode)
    up = parent_government(gov)
    # a zone's government is its management committee, whatever the text calls it (区政府)
    canonical = gov.name if gov.level == "zone" else gov.prefix + body.canonical
    return AgencyName(canonical, up.name if up else None, gov.adcode)


def _national_name(written: str, home: Optional[Government],
                   year: Optional[int]) -> Optional[AgencyName]:
    """A national body by its listed name (国务院办公厅, 国办)."""
    return national().get(written)


def _national_system_office(written: str, home: Optional[Government],
                            year: Optional[int]) -> Optional[AgencyName]:
    """A local office of a vertically managed system (国家税务总局昆山市税务局): the national
    name, then a local body; it sits under the national body with the division's code."""
    head = next((n for n in sorted(national(), key=len, reverse=True)
                 if written.startswith(n) and len(written) > len(n)), None)
    if head is None:
        return None
    local = canonical_agency(written[len(head):], home, year)
    if local is None or local.adcode == NATIONAL:
        return None
    system = national()[head].canonical
    return AgencyName(system + local.canonical, system, local.adcode, local.findings)


def _listed_zone(written: str, home: Optional[Government], year: Optional[int]) -> Optional[AgencyName]:
    """A zone of agency_zones.tsv by its name alone (平潭综合实验区): its management committee."""
    zone = zones().get(written)
    return name_agency(zone, bodies()[COMMITTEE][0]) if zone is not None else None


def _listed_body(written: str, home: Optional[Government], year: Optional[int]) -> Optional[AgencyName]:
    """A division (or zone, or relative word) then a listed body to the end (瓯海区人民政府, 区府办)."""
    for m in _body_pattern().finditer(written):
        if m.end() != len(written):
            continue
        pre = prefix_before(written, m.start(), home, year, strict=False)
        if pre is None or pre.start != 0:
            continue
        body = _pick_body(m.group(0), pre.government, year)
        if body is not None:
            return _with_finding(name_agency(pre.government, body), pre)
    return None


def _bare_division(written: str, home: Optional[Government],
                   year: Optional[int]) -> Optional[AgencyName]:
    """A division alone (the title of 杨浦区2018年度…): its government, or a zone's committee."""
    pre = prefix_before(written, len(written), home, year, strict=False)
    if pre is None or pre.start != 0:
        return None
    gov = pre.government
    body = bodies()[COMMITTEE][0] if gov.level == "zone" else bodies()[GOVERNMENT][0]
    return _with_finding(name_agency(gov, body), pre)


def canonical_agency(written: str, home: Optional[Government] = None,
                     year: Optional[int] = None) -> Optional[AgencyName]:
    """A whole written agency name (a title's issuer: 瓯海区人民政府, 区府办, 平潭综合实验区) read
    as one agency, or None when it does not read as one."""
    written = re.sub(r"\s+", "", written)
    if not written:
        return None
    for read in NAME_READERS:
        name = read(written, home, year)
        if name is not None:
            return name
    return None


def _with_finding(name: AgencyName, pre: Prefix) -> AgencyName:
    """The name with what reading its prefix met."""
    return replace(name, findings=(pre.finding,)) if pre.finding else name


_TOWNSHIP_ISSUER = re.compile(r"^(?P<head>[\u4e00-\u9fff]+?)"
                              + "(?P<kind>" + "|".join(map(re.escape, _TOWNSHIP_BODIES)) + ")$")


def township_name(county: Government, stem: str, written: str) -> str:
    """沙河 + 镇 (or 镇政府) under 北京市昌平区 → 北京市昌平区沙河镇人民政府; 街道 → …街道办事处."""
    return county.prefix + stem + _TOWNSHIP_BODIES[written]


def _township_issuer(written: str, home: Optional[Government],
                     year: Optional[int]) -> Optional[AgencyName]:
    """A township or sub-district as a whole name (杨浦区五角场街道办事处, 沭城街道): the county
    is written before it, or is the reporting body's."""
    m = _TOWNSHIP_ISSUER.match(written)
    if not m:
        return None
    head, kind = m.group("head"), m.group("kind")
    for cut in range(len(head) - MIN_NAME, -1, -1):
        stem = head[cut:]
        # a stem may hold 市 or 县 inside (周市镇) but starts with none of the words that end a prefix
        shortest, longest = TOWNSHIP_STEM_WHOLE
        if not shortest <= len(stem) <= longest or stem[0] in _TOWNSHIP_STEM_STOP or any(
                c in _TOWNSHIP_STEM_NEVER_INSIDE for c in stem):
            continue
        if cut == 0:
            county = home if home is not None and home.level == "county" else None
        else:
            pre = prefix_before(written, cut, home, year, strict=False)
            county = pre.government if pre is not None and pre.start == 0 and pre.government.level == "county" else None
            finding = (pre.finding,) if pre is not None and pre.finding else ()
        if county is None:
            continue
        return AgencyName(township_name(county, stem, kind), county.name, county.adcode, finding if cut else ())
    return None


# The readings of a whole name, in order: the first that reads it wins. Listed names before
# names read by their structure, a division alone last (any name starts with one).
NAME_READERS = (_national_name, _national_system_office, _listed_zone, _listed_body,
                _township_issuer, _unlisted_body, _bare_division)


# joint issuers of one regulation are written one after another with this between them
_JOINT_ISSUERS = "、"


def issuing_bodies(issuer: str, year: Optional[int]) -> tuple[IssuingBody, ...]:
    """The bodies a regulation's issuer names (中共中央办公厅、国务院办公厅: two), each read as an
    agency under its government; a name that reads as no agency is left out."""
    out = []
    for written in (w.strip() for w in issuer.split(_JOINT_ISSUERS)):
        name = canonical_agency(written, None, year)
        if name is None:
            continue
        up = canonical_agency(name.parent, None, year) if name.parent else None
        out.append(IssuingBody(written, name.canonical, name.parent, name.adcode, up.adcode if up else None))
    return tuple(out)


def home_government(info: DocumentInfo) -> Optional[Government]:
    """The government the reporting body belongs to (or is)."""
    z = zone_by_government(info.agency)
    if z is None:
        z = next((g for g in zones().values() if info.agency.startswith(g.name) or info.agency.startswith(g.prefix)), None)
    if z is not None:
        return z
    if not info.adcode:
        return None
    return government_of(info.adcode)


class Taken:
    """Spans of the text already read (a 文号, a mention): a later mention may not overlap one."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        # the taken character positions: a check costs the candidate's length, not the number of
        # mentions read so far (that made a long text quadratic)
        self.positions: set[int] = set()
        for start, end in spans:
            self.positions.update(range(start, end))

    def free(self, start: int, end: int) -> bool:
        return self.positions.isdisjoint(range(start, end))

    def take(self, mention: AgencyMention) -> AgencyMention:
        self.positions.update(range(mention.start, mention.end))
        return mention


def national_mentions(text: str, home: Optional[Government], year: Optional[int],
                      taken: Taken) -> list[AgencyMention]:
    """National bodies by their listed names (国务院办公厅, 国办); they need no prefix."""
    out = []
    for m in _national_pattern().finditer(text):
        if not taken.free(m.start(), m.end()):
            continue
        name = national()[m.group(0)]
        # 国务院 directly followed by a body of its own (国务院办公厅) is matched as the longer name
        out.append(taken.take(AgencyMention(m.group(0), name.canonical, name.parent, name.adcode, m.start(), m.end())))
    return out


def body_is_word(written: str, text: str, end: int) -> bool:
    """Whether a body word is part of an ordinary word here, by what follows it: 办 of 办公 or
    办理, a bare 政府 of 政府信息 or 政府网站."""
    if written.endswith(_OFFICE_ENDING) and text.startswith(_NOT_AFTER_OFFICE, end):
        return True
    return written == _BARE_GOVERNMENT and text.startswith(_NOT_AFTER_GOV, end)


@dataclass(frozen=True)
class _Department:
    """The department just read: a body joined to it by a list joiner shares its government."""

    end: int
    government: Government


def _listed_prefix(text: str, start: int, before: Optional[_Department]) -> Optional[Prefix]:
    """An enumeration shares its first item's prefix (区环保局、财政局 → both the district's)."""
    if before is not None and text[before.end:start] in _LIST_JOINERS:
        return Prefix(start, before.government)
    return None


def body_mentions(text: str, home: Optional[Government], year: Optional[int],
                  taken: Taken) -> list[AgencyMention]:
    """Prefix + listed body (区房管局, 上海市人民政府办公厅, 本区政府), or a body sharing the prefix
    of the department listed before it."""
    out = []
    before: Optional[_Department] = None
    for m in _body_pattern().finditer(text):
        written = m.group(0)
        if body_is_word(written, text, m.end()):
            continue
        pre = prefix_before(text, m.start(), home, year) or _listed_prefix(text, m.start(), before)
        if pre is None or not taken.free(pre.start, m.end()):
            continue
        body = _pick_body(written, pre.government, year)
        if body is None:
            continue
        name = name_agency(pre.government, body)
        out.append(taken.take(AgencyMention(text[pre.start:m.end()], name.canonical, name.parent, name.adcode,
                                            pre.start, m.end())))
        before = _Department(m.end(), pre.government) if body.kind == "department" else None
    return out


def township_stem_start(run: str) -> int:
    """Where a township's own name starts in the run of characters before its body word: after
    the last function or level word (县莫干山|镇人民政府: at 1; 全区各|镇政府: none is left)."""
    stops = [i for i, c in enumerate(run) if c in _TOWNSHIP_STEM_STOP]
    return stops[-1] + 1 if stops else 0


def township_mentions(text: str, home: Optional[Government], year: Optional[int],
                      taken: Taken) -> list[AgencyMention]:
    """Township governments and sub-district offices (沙河镇政府, 城南街道办事处): only a county's
    or a zone's report names its own townships, so they are the county's."""
    if home is None or home.level not in ("county", "zone"):
        return []
    county = government_of(home.adcode) if home.level == "zone" else home
    out = []
    for m in _TOWNSHIP.finditer(text):
        start = m.start(1) + township_stem_start(m.group(1))
        stem = text[start:m.end(1)]
        if len(stem) < MIN_NAME or not taken.free(start, m.end()):
            continue
        out.append(taken.take(AgencyMention(text[start:m.end()], township_name(county, stem, m.group(2)),
                                            county.name, county.adcode, start, m.end())))
    return out


# The mention readers, in order: each reads only what the ones before it left. National names
# first (国务院办公厅 is nobody's 办公厅), then prefix + body, then townships.
MENTION_READERS = (national_mentions, body_mentions, township_mentions)


def find_agencies(doc: Document, info: DocumentInfo) -> list[AgencyMention]:
    """Every agency the text names, in text order."""
    home = home_government(info)
    # an issuer code inside a 文号 (国办公开办函〔2019〕60号) is part of a number, not a mention
    taken = Taken(_docnumber_spans(doc.text))
    found = [m for read in MENTION_READERS for m in read(doc.text, home, info.year, taken)]
    return sorted(found, key=lambda a: a.start)


def _docnumber_spans(text: str) -> list[tuple[int, int]]:
    return [(d.start, d.end) for d in find_docnumbers(text)]
