"""Which disclosure domains a document reports on, with the mentions that show it.

Labels come from ontology/domains.ttl (prefLabel and altLabel@zh-Hans of the concepts of
``domain:scheme``); a spaCy PhraseMatcher finds them on the character-segmented blank ``zh``
pipeline. Each mention is then weighed by how it is written, structure first: a heading or a row
of the Article 20 table names what the report disclosed; an item of a list counts, more when the
clause lists several domains (公开了财政预决算、重大建设项目、…等信息); a word in running prose
counts less unless a disclosure verb publishes it or a count follows it (…信息36条); a work plan
(下一步…将), a circumstance (…期间), a training topic, a page's menu, a label inside an agency
name (区环保局), a cited title (《…》) or another phrase (法律服务机构, 养老保险) counts little or
nothing. Independent mentions add up with a decay. The numbers and the word lists live in
extract/data/domain_context.json, domain_label_weights.tsv and domain_blockers.tsv.
"""
from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, fields, replace
from functools import lru_cache

from spacy.matcher import PhraseMatcher

from ..ontology import DOMAIN_SCHEME
from . import vocab
from .data import json_data, rows
from .model import Document, DomainMention, DomainReport
from .nlp import blank_zh, make_doc
from .wraps import is_wrap

ONTOLOGY = "domains.ttl"
CJK = re.compile(r"[\u3400-\u9fff]")
# The matcher reads the text in windows of this many characters, so a long text never becomes one
# spaCy Doc (memory grows with it: a 50 MB text took 3.3 GB before spaCy refused it). Windows
# overlap by twice the longest label, so every label (with single spaces between its characters)
# lies whole in one window; the overlaps between labels are settled over the whole text.
MATCH_WINDOW = 200_000
# A clause is read at most this far either side of a mention: the reports' clauses reach ~470
# characters (a run-together table), and a page with no comma must not be read whole for every
# mention on it (quadratic time).
CLAUSE_REACH = 2_000


# ------------------------------------------------------------------ data


@dataclass(frozen=True)
class Blocker:
    before: re.Pattern | None
    after: re.Pattern | None


@dataclass(frozen=True)
class Settings:
    threshold: float
    repeat_decay: float
    context_weight: dict[str, float]
    heading_max_chars: int
    enumerator: re.Pattern
    clause_end: re.Pattern
    lead_clause_end: re.Pattern
    sentence_end: str
    clause_delimiters: re.Pattern
    list_marker: str
    table_line: re.Pattern
    table_line_needs: re.Pattern
    menu_line: re.Pattern
    menu_factor: float
    article20_marker: re.Pattern
    article20_end: tuple[str, ...]
    article20_max_chars: int
    statistic_after: re.Pattern
    statistic_factor: float
    subordinate_factor: float
    subordinate_item_after: re.Pattern
    disclosure_verb: re.Pattern
    disclosure_verb_factor: float
    domain_list_min: int
    domain_list_factor: float
    key_section_words: tuple[str, ...]
    key_section_factor: float
    agency_after: re.Pattern
    agency_factor: float
    title_factor: float
    circumstance_after: re.Pattern
    circumstance_factor: float
    training_after: re.Pattern
    training_factor: float
    future_markers: re.Pattern
    future_factor: float
    label_factor: dict[str, float]
    blockers: dict[str, tuple[Blocker, ...]]


# a Settings field's annotation → how its value in domain_context.json is read
_CONVERT = {
    "float": float,
    "int": int,
    "str": str,
    "re.Pattern": re.compile,
    "tuple[str, ...]": tuple,
    "dict[str, float]": lambda d: {k: float(v) for k, v in d.items()},
}


@lru_cache(maxsize=1)
def settings() -> Settings:
    c = json_data("domain_context.json")
    blockers: dict[str, list[Blocker]] = {}
    for row in rows("domain_blockers.tsv"):
        label, before, after = (row + ["", "", ""])[:3]
        blockers.setdefault(label, []).append(Blocker(
            re.compile(f"(?:{before})$") if before else None,
            re.compile(f"^(?:{after})") if after else None,
        ))
    from_json = {f.name: _CONVERT[f.type](c[f.name]) for f in fields(Settings) if f.name in c}
    return Settings(
        **from_json,
        label_factor={r[0]: float(r[1]) for r in rows("domain_label_weights.tsv")},
        blockers={k: tuple(v) for k, v in blockers.items()},
    )


def domain_concepts() -> tuple[vocab.Concept, ...]:
    """The concepts of domain:scheme (domains.ttl also holds the pilot-area and Article 20 lists)."""
    return tuple(c for c in vocab.concepts(ONTOLOGY) if DOMAIN_SCHEME in c.schemes)


@lru_cache(maxsize=1)
def labels() -> dict[str, str]:
    """Every zh-Hans label (pref and alt) → the domain's prefLabel."""
    out: dict[str, str] = {}
    for c in domain_concepts():
        for label in (c.label, *c.alt):
            out.setdefault(label, c.label)
    return out


@lru_cache(maxsize=1)
def matcher() -> PhraseMatcher:
    nlp = blank_zh()
    m = PhraseMatcher(nlp.vocab)
    for label, domain in labels().items():
        m.add(label, [nlp.make_doc(label)])
    return m


# ------------------------------------------------------------------ matching


def _flatten(text: str) -> tuple[str, list[int]]:
    """The text with single line breaks between two CJK characters removed (PDF line wrapping
    cuts labels: 市场\\n主体), and for each kept character its offset in ``text``."""
    chars: list[str] = []
    index: list[int] = []
    n = len(text)
    for i, ch in enumerate(text):
        if ch == "\n" and 0 < i < n - 1 and CJK.match(text[i - 1]) and CJK.match(text[i + 1]):
            continue
        chars.append(ch)
        index.append(i)
    return "".join(chars), index


@lru_cache(maxsize=1)
def _longest_label() -> int:
    return max(map(len, labels()))


def _windows(size: int) -> list[tuple[int, int]]:
    """Spans of MATCH_WINDOW characters covering text[:size], overlapping so that every label
    lies whole in one of them."""
    overlap = 2 * _longest_label()
    step = max(MATCH_WINDOW - overlap, 1)
    return [(a, min(a + MATCH_WINDOW, size)) for a in range(0, max(size - overlap, 1), step)]


def _longest_first(found: set[tuple[int, int, int, str]]) -> list[tuple[int, int, str]]:
    """spaCy's filter_spans over (start, end, tokens, label): where matches overlap, the one of
    most tokens (then the first) wins; a match counts as overlapping where its first or last
    character is taken."""
    taken: set[int] = set()
    kept = []
    for s, e, n, label in sorted(found, key=lambda f: (f[2], -f[0]), reverse=True):
        if s not in taken and e - 1 not in taken:
            kept.append((s, e, label))
            taken.update(range(s, e))
    return sorted(kept, key=lambda k: k[0])


def _matches(text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) in ``text``; where labels overlap the longest wins (医疗保险 over 医疗)."""
    flat, index = _flatten(text)
    found: set[tuple[int, int, int, str]] = set()
    for a, b in _windows(len(flat)):
        for sp in matcher()(make_doc(flat[a:b]), as_spans=True):
            found.add((a + sp.start_char, a + sp.end_char, len(sp), sp.label_))
    return [(index[s], index[e - 1] + 1, label) for s, e, label in _longest_first(found)]


# ------------------------------------------------------------------ context


class _Spans:
    """Spans of the text, asked whether one holds a position: by bisection over the spans sorted
    by start, with the furthest end reached so far (a scan of every span for every mention is
    quadratic in a long text)."""

    def __init__(self, spans):
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach = list(itertools.accumulate((e for _, e in ordered), max))

    def __contains__(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos)
        return i > 0 and self.reach[i - 1] > pos


class _Clauses:
    """The clause delimiters of a text that end a clause (not a PDF's hard line wrap), found once."""

    def __init__(self, text: str, cfg: Settings):
        self.size = len(text)
        self.ends = [m.start() for m in cfg.clause_delimiters.finditer(text) if not _wrapped_at(text, m.start())]

    def around(self, start: int, end: int) -> tuple[int, int]:
        """The clause holding text[start:end], at most CLAUSE_REACH characters either side."""
        i = bisect.bisect_left(self.ends, start)
        j = bisect.bisect_left(self.ends, end)
        left = self.ends[i - 1] + 1 if i else 0
        right = self.ends[j] if j < len(self.ends) else self.size
        return max(left, start - CLAUSE_REACH), min(right, end + CLAUSE_REACH)


class _Titles:
    """Where the text's title marks 《 and 》 stand."""

    def __init__(self, text: str):
        self.opens = [i for i, ch in enumerate(text) if ch == "《"]
        self.closes = [i for i, ch in enumerate(text) if ch == "》"]

    def holds(self, pos: int) -> bool:
        """Inside 《…》: the nearest 《 before ``pos`` has no 》 after it yet, and a 》 follows."""
        i = bisect.bisect_left(self.opens, pos)
        if not i:
            return False
        j = bisect.bisect_left(self.closes, self.opens[i - 1])  # the first 》 after that 《
        return j < len(self.closes) and self.closes[j] >= pos


@dataclass
class _Layout:
    """Spans of a document that give a mention its context. A mention is in a span where it
    starts inside it (a label cut by a wrapped line may run past it)."""

    headings: _Spans
    tables: _Spans
    key_sections: _Spans
    section_titles: dict[int, tuple[int, int]]  # index in doc.sections → span of its title
    menus: _Spans  # lines of a page's menu
    future_sections: _Spans  # sections whose title announces a work plan
    clauses: _Clauses
    titles: _Titles


def _layout(doc: Document, cfg: Settings) -> _Layout:
    text = doc.text
    limit = cfg.heading_max_chars
    headings: list[tuple[int, int]] = []
    section_titles: dict[int, tuple[int, int]] = {}
    for i, sec in enumerate(doc.sections):
        t0 = text.find(sec.title[:10], sec.start) if sec.title else -1
        if t0 < 0:
            continue
        m = cfg.clause_end.search(text, t0, t0 + len(sec.title))
        t1 = min(m.start() if m else len(text), t0 + len(sec.title))
        if 0 < t1 - t0 <= limit:
            headings.append((t0, t1))
            section_titles[i] = (t0, t1)
    # lead clause after an enumerator: （3）推进财政资金信息公开。/ 二是推进…，
    # (every search below looks no further than a heading can reach)
    for m in cfg.enumerator.finditer(text):
        e = cfg.lead_clause_end.search(text, m.end(), m.end() + limit + 1)
        end = e.start() if e else len(text)
        if 0 < end - m.end() <= limit:
            headings.append((m.end(), end))
    # lead sentence of a paragraph: 推进保障性住房信息公开。在各镇… (the sentence must end on its
    # own line, and the line before must have ended a sentence: a wrapped PDF line is no heading;
    # a sentence with a comma — 区政府高度重视，召开… — is a statement, not a heading)
    for m in re.finditer(r"(?m)^[ \t\u3000]*", text):
        s = m.end()
        e = cfg.clause_end.search(text, s, s + limit + 1)
        if not e or text[e.start()] == "\n" or not 0 < e.start() - s <= limit:
            continue
        if cfg.lead_clause_end.search(text, s, e.start()):
            continue
        line_end = text.find("\n", e.end())
        if len(text[e.end():line_end if line_end >= 0 else len(text)].strip()) < 5:
            continue  # a one-sentence paragraph leads nothing
        before = m.start()  # the text before, without its trailing whitespace
        while before and text[before - 1].isspace():
            before -= 1
        if not before or text[before - 1] in cfg.sentence_end:
            headings.append((s, e.start()))

    tables: list[tuple[int, int]] = [(t.start, t.end) for t in doc.tables]
    menus: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        if cfg.table_line.search(line) and cfg.table_line_needs.search(line):
            tables.append((pos, pos + len(line)))
        elif cfg.menu_line.match(line.rstrip("\n")):
            menus.append((pos, pos + len(line)))
        pos += len(line)
    markers = list(cfg.article20_marker.finditer(text))
    for m, nxt in zip(markers, markers[1:] + [None]):
        stop = m.end() + cfg.article20_max_chars
        for word in cfg.article20_end:
            k = text.find(word, m.end(), stop + len(word))
            if k >= 0:
                stop = min(stop, k)
        if nxt:
            stop = min(stop, nxt.start())
        tables.append((m.end(), stop))

    key_sections = [(s.start, s.end) for s in doc.sections if any(w in s.title for w in cfg.key_section_words)]
    future = [(s.start, s.end) for s in doc.sections if cfg.future_markers.search(s.title)]
    return _Layout(_Spans(headings), _Spans(tables), _Spans(key_sections), section_titles, _Spans(menus),
                   _Spans(future), _Clauses(text, cfg), _Titles(text))


def _wrapped_at(text: str, i: int) -> bool:
    """Whether the line break at text[i] is a PDF's hard wrap inside a sentence."""
    if text[i] != "\n":
        return False
    line_start = text.rfind("\n", 0, i) + 1
    line_end = text.find("\n", i + 1)
    return is_wrap(text[line_start:i], text[i + 1:line_end if line_end >= 0 else len(text)])


def _sentence(text: str, start: int, end: int, reach: int = 150) -> str:
    """The sentence around a mention, at most ``reach`` characters either side (a PDF table run
    together has no full stop for a page)."""
    left = max(max(text.rfind(ch, max(0, start - reach), start) for ch in "。；;!?！？\n") + 1, start - reach)
    rights = [k for k in (text.find(ch, end, end + reach) for ch in "。；;!?！？\n") if k >= 0]
    return text[left:min(min(rights) if rights else len(text), end + reach)]


def _blocked(text: str, start: int, end: int, label: str, cfg: Settings) -> bool:
    before, after = text[max(0, start - 12):start], text[end:end + 12]
    for b in cfg.blockers.get(label, ()):
        if (b.before is None or b.before.search(before)) and (b.after is None or b.after.search(after)):
            return True
    return False


def _mention(doc: Document, layout: _Layout, start: int, end: int, label: str, cfg: Settings) -> DomainMention:
    text = doc.text
    if start in layout.tables:
        context = "table"
    elif start in layout.headings:
        context = "heading"
    else:
        c0, c1 = layout.clauses.around(start, end)
        context = "list" if cfg.list_marker in text[c0:c1] else "prose"
    weight = cfg.context_weight[context] * cfg.label_factor.get(label, 1.0)
    if context == "prose" and cfg.disclosure_verb.search(text, c0, start):
        weight *= cfg.disclosure_verb_factor
    if _blocked(text, start, end, label, cfg):
        weight = 0.0
    if cfg.statistic_after.match(text[end:end + 24]):
        weight *= cfg.statistic_factor
    if cfg.agency_after.match(text[end:end + 12]):
        weight *= cfg.agency_factor
    if layout.titles.holds(start):
        weight *= cfg.title_factor
    if start in layout.menus:
        weight *= cfg.menu_factor
    if cfg.circumstance_after.match(text[end:end + 12]):
        weight *= cfg.circumstance_factor
    if context != "table":
        c0, c1 = layout.clauses.around(start, end)
        if cfg.training_after.search(text, end, c1):
            weight *= cfg.training_factor
    sentence = _sentence(text, start, end)
    if start in layout.key_sections or any(w in sentence for w in cfg.key_section_words):
        weight *= cfg.key_section_factor
    if (context != "table" and cfg.future_markers.search(sentence)) or start in layout.future_sections:
        weight *= cfg.future_factor
    return DomainMention(labels()[label], label, start, end, context, round(weight, 4))


def domain_mentions(doc: Document) -> list[DomainMention]:
    """Every label of the scheme found in the text, weighed by its context (weight 0 = blocked)."""
    cfg = settings()
    layout = _layout(doc, cfg)
    mentions = [_mention(doc, layout, s, e, label, cfg) for s, e, label in _matches(doc.text)]
    mentions = _domain_lists(layout, mentions, cfg)
    return _subordinate(doc, layout, mentions, cfg)


def _domain_lists(layout: _Layout, mentions: list[DomainMention], cfg: Settings) -> list[DomainMention]:
    """Raise the items of a clause that lists several domains: an enumeration of areas says what
    was disclosed, where one word in a clause may be a passing mention."""
    by_clause: dict[tuple[int, int], set[str]] = {}
    keys = []
    for m in mentions:
        key = layout.clauses.around(m.start, m.end) if m.context == "list" and m.weight > 0 else None
        keys.append(key)
        if key:
            by_clause.setdefault(key, set()).add(m.domain)
    return [replace(m, weight=round(m.weight * cfg.domain_list_factor, 4))
            if key and len(by_clause[key]) >= cfg.domain_list_min else m
            for m, key in zip(mentions, keys)]


def _subordinate(doc: Document, layout: _Layout, mentions: list[DomainMention], cfg: Settings) -> list[DomainMention]:
    """Discount kinds of information (征收土地信息) listed inside a numbered section whose heading names other domains."""
    starts = [m.start for m in mentions]  # in text order
    heading_domains: dict[int, set[str]] = {}
    for i, (t0, t1) in layout.section_titles.items():
        near = mentions[bisect.bisect_left(starts, t0):bisect.bisect_left(starts, t1)]
        named = {m.domain for m in near if m.end <= t1 and m.weight > 0}
        if named:
            heading_domains[i] = named
    if not heading_domains:
        return mentions
    section_starts = [sec.start for sec in doc.sections]
    out = []
    for m in mentions:
        if m.context == "list" and cfg.subordinate_item_after.match(doc.text[m.end:m.end + 4]):
            inner = _innermost(doc, section_starts, m.start, heading_domains)
            if inner is not None and m.domain not in heading_domains[inner]:
                m = replace(m, weight=round(m.weight * cfg.subordinate_factor, 4))
        out.append(m)
    return out


def _innermost(doc: Document, starts: list[int], pos: int, among) -> int | None:
    """The section ``among`` the given ones that holds ``pos`` and starts last (the first such in
    document order where two start together). The sections holding a position are the last one
    starting at or before it and its parents, so only that chain is walked."""
    sections = doc.sections
    i = bisect.bisect_right(starts, pos) - 1
    chain = []
    while i is not None and i >= 0:
        if sections[i].start <= pos < sections[i].end and i in among:
            chain.append(i)
        i = sections[i].parent
    return max(sorted(chain), key=lambda k: sections[k].start, default=None)


def weigh(mentions: list[DomainMention], decay: float) -> float:
    """A domain's weight: its mention weights, best first, each later one discounted."""
    total, factor = 0.0, 1.0
    for w in sorted((m.weight for m in mentions), reverse=True):
        total += w * factor
        factor *= decay
    return round(total, 4)


def all_domains(doc: Document) -> list[DomainReport]:
    """Every domain with at least one counted mention, with its weight (for an analyst's threshold)."""
    cfg = settings()
    by_domain: dict[str, list[DomainMention]] = {}
    for m in domain_mentions(doc):
        if m.weight > 0:
            by_domain.setdefault(m.domain, []).append(m)
    reports = [DomainReport(d, weigh(ms, cfg.repeat_decay), tuple(ms)) for d, ms in by_domain.items()]
    return sorted(reports, key=lambda r: (-r.weight, r.domain))


def find_domains(doc: Document, threshold: float | None = None) -> list[DomainReport]:
    """The domains the document reports on: weight at or above the threshold (default: data file)."""
    limit = settings().threshold if threshold is None else threshold
    return [r for r in all_domains(doc) if r.weight >= limit]
