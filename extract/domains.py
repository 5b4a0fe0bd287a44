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

import re
from dataclasses import dataclass, fields, replace
from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.util import filter_spans

from ..ontology import DOMAIN_SCHEME
from . import vocab
from .data import json_data, rows
from .model import Document, DomainMention, DomainReport
from .nlp import blank_zh, make_doc
from .wraps import is_wrap

ONTOLOGY = "domains.ttl"
CJK = re.compile(r"[\u3400-\u9fff]")


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


def _matches(text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) in ``text``; where labels overlap the longest wins (医疗保险 over 医疗)."""
    flat, index = _flatten(text)
    doc = make_doc(flat)
    spans = filter_spans(matcher()(doc, as_spans=True))
    out = []
    for sp in spans:
        s, e = sp.start_char, sp.end_char
        out.append((index[s], index[e - 1] + 1, sp.label_))
    return out


# ------------------------------------------------------------------ context


@dataclass
class _Layout:
    """Spans of a document that give a mention its context."""

    headings: list[tuple[int, int]]
    tables: list[tuple[int, int]]
    key_sections: list[tuple[int, int]]
    section_titles: dict[int, tuple[int, int]]  # index in doc.sections → span of its title
    menus: list[tuple[int, int]]  # lines of a page's menu


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """The mention starts inside one of the spans (a label cut by a wrapped line may run past it)."""
    return any(s <= start < e for s, e in spans)


def _layout(doc: Document, cfg: Settings) -> _Layout:
    text = doc.text
    headings: list[tuple[int, int]] = []
    section_titles: dict[int, tuple[int, int]] = {}
    for i, sec in enumerate(doc.sections):
        t0 = text.find(sec.title[:10], sec.start) if sec.title else -1
        if t0 < 0:
            continue
        m = cfg.clause_end.search(text, t0)
        t1 = min(m.start() if m else len(text), t0 + len(sec.title))
        if 0 < t1 - t0 <= cfg.heading_max_chars:
            headings.append((t0, t1))
            section_titles[i] = (t0, t1)
    # lead clause after an enumerator: （3）推进财政资金信息公开。/ 二是推进…，
    for m in cfg.enumerator.finditer(text):
        e = cfg.lead_clause_end.search(text, m.end())
        end = e.start() if e else len(text)
        if 0 < end - m.end() <= cfg.heading_max_chars:
            headings.append((m.end(), end))
    # lead sentence of a paragraph: 推进保障性住房信息公开。在各镇… (the sentence must end on its
    # own line, and the line before must have ended a sentence: a wrapped PDF line is no heading;
    # a sentence with a comma — 区政府高度重视，召开… — is a statement, not a heading)
    for m in re.finditer(r"(?m)^[ \t\u3000]*", text):
        s = m.end()
        e = cfg.clause_end.search(text, s)
        if not e or text[e.start()] == "\n" or not 0 < e.start() - s <= cfg.heading_max_chars:
            continue
        if cfg.lead_clause_end.search(text, s, e.start()):
            continue
        line_end = text.find("\n", e.end())
        if len(text[e.end():line_end if line_end >= 0 else len(text)].strip()) < 5:
            continue  # a one-sentence paragraph leads nothing
        before = text[:m.start()].rstrip()
        if not before or before[-1] in cfg.sentence_end or before.endswith("\n"):
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
    for m in cfg.article20_marker.finditer(text):
        stop = m.end() + cfg.article20_max_chars
        for word in cfg.article20_end:
            k = text.find(word, m.end())
            if k >= 0:
                stop = min(stop, k)
        nxt = cfg.article20_marker.search(text, m.end())
        if nxt:
            stop = min(stop, nxt.start())
        tables.append((m.end(), stop))

    key_sections = [(s.start, s.end) for s in doc.sections if any(w in s.title for w in cfg.key_section_words)]
    return _Layout(headings, tables, key_sections, section_titles, menus)


def _wrapped_at(text: str, i: int) -> bool:
    """Whether the line break at text[i] is a PDF's hard wrap inside a sentence."""
    if text[i] != "\n":
        return False
    line_start = text.rfind("\n", 0, i) + 1
    line_end = text.find("\n", i + 1)
    return is_wrap(text[line_start:i], text[i + 1:line_end if line_end >= 0 else len(text)])


def _clause(text: str, start: int, end: int, cfg: Settings) -> tuple[int, int]:
    left = start
    while left > 0 and not (cfg.clause_delimiters.match(text[left - 1]) and not _wrapped_at(text, left - 1)):
        left -= 1
    right = end
    while True:
        m = cfg.clause_delimiters.search(text, right)
        if m is None or not _wrapped_at(text, m.start()):
            return left, (m.start() if m else len(text))
        right = m.end()


def _sentence(text: str, start: int, end: int, reach: int = 150) -> str:
    """The sentence around a mention, at most ``reach`` characters either side (a PDF table run
    together has no full stop for a page)."""
    left = max(max(text.rfind(ch, 0, start) for ch in "。；;!?！？\n") + 1, start - reach)
    rights = [k for k in (text.find(ch, end) for ch in "。；;!?！？\n") if k >= 0]
    return text[left:min(min(rights) if rights else len(text), end + reach)]


def _in_title(text: str, start: int) -> bool:
    """Inside 《…》: the nearest 《 before the mention has no 》 after it yet."""
    open_ = text.rfind("《", 0, start)
    return open_ >= 0 and text.rfind("》", open_, start) < 0 and text.find("》", start) >= 0


def _blocked(text: str, start: int, end: int, label: str, cfg: Settings) -> bool:
    before, after = text[max(0, start - 12):start], text[end:end + 12]
    for b in cfg.blockers.get(label, ()):
        if (b.before is None or b.before.search(before)) and (b.after is None or b.after.search(after)):
            return True
    return False


def _mention(doc: Document, layout: _Layout, start: int, end: int, label: str, cfg: Settings) -> DomainMention:
    text = doc.text
    if _inside(layout.tables, start, end):
        context = "table"
    elif _inside(layout.headings, start, end):
        context = "heading"
    else:
        c0, c1 = _clause(text, start, end, cfg)
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
    if _in_title(text, start):
        weight *= cfg.title_factor
    if _inside(layout.menus, start, end):
        weight *= cfg.menu_factor
    if cfg.circumstance_after.match(text[end:end + 12]):
        weight *= cfg.circumstance_factor
    if context != "table":
        c0, c1 = _clause(text, start, end, cfg)
        if cfg.training_after.search(text, end, c1):
            weight *= cfg.training_factor
    sentence = _sentence(text, start, end)
    if _inside(layout.key_sections, start, end) or any(w in sentence for w in cfg.key_section_words):
        weight *= cfg.key_section_factor
    if (context != "table" and cfg.future_markers.search(sentence)) or any(
            cfg.future_markers.search(s.title) for s in doc.sections if s.start <= start < s.end):
        weight *= cfg.future_factor
    return DomainMention(labels()[label], label, start, end, context, round(weight, 4))


def domain_mentions(doc: Document) -> list[DomainMention]:
    """Every label of the scheme found in the text, weighed by its context (weight 0 = blocked)."""
    cfg = settings()
    layout = _layout(doc, cfg)
    mentions = [_mention(doc, layout, s, e, label, cfg) for s, e, label in _matches(doc.text)]
    mentions = _domain_lists(doc.text, mentions, cfg)
    return _subordinate(doc, layout, mentions, cfg)


def _domain_lists(text: str, mentions: list[DomainMention], cfg: Settings) -> list[DomainMention]:
    """Raise the items of a clause that lists several domains: an enumeration of areas says what
    was disclosed, where one word in a clause may be a passing mention."""
    by_clause: dict[tuple[int, int], set[str]] = {}
    keys = []
    for m in mentions:
        key = _clause(text, m.start, m.end, cfg) if m.context == "list" and m.weight > 0 else None
        keys.append(key)
        if key:
            by_clause.setdefault(key, set()).add(m.domain)
    return [replace(m, weight=round(m.weight * cfg.domain_list_factor, 4))
            if key and len(by_clause[key]) >= cfg.domain_list_min else m
            for m, key in zip(mentions, keys)]


def _subordinate(doc: Document, layout: _Layout, mentions: list[DomainMention], cfg: Settings) -> list[DomainMention]:
    """Discount kinds of information (征收土地信息) listed inside a numbered section whose heading names other domains."""
    heading_domains: dict[int, set[str]] = {}
    for i, (t0, t1) in layout.section_titles.items():
        named = {m.domain for m in mentions if t0 <= m.start and m.end <= t1 and m.weight > 0}
        if named:
            heading_domains[i] = named
    if not heading_domains:
        return mentions
    out = []
    for m in mentions:
        if m.context == "list" and cfg.subordinate_item_after.match(doc.text[m.end:m.end + 4]):
            enclosing = [i for i, sec in enumerate(doc.sections)
                         if i in heading_domains and sec.start <= m.start < sec.end]
            if enclosing:
                inner = max(enclosing, key=lambda i: doc.sections[i].start)
                if m.domain not in heading_domains[inner]:
                    m = replace(m, weight=round(m.weight * cfg.subordinate_factor, 4))
        out.append(m)
    return out


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
