"""The authority list of regulations (ontology/regulations.ttl) and resolution against it.

Key rule (``Citation.regulation_key``, from which the graph mints the regulation's IRI):

1. where the citation resolves to an authority entry — by its title or an alias (folded: width,
   spaces, title marks; with or without 中华人民共和国 or the entry's issuer in front), by its
   文号, or through a short form bound to such a title — the entry's ``dkg:key``; a 文号 of an
   edition (国务院令第711号) resolves to the work (the 条例), and the edition goes in
   ``edition_key``;
2. otherwise the canonical title: simplified mainland wording (normalisation did that), no
   《》, nested title marks written 〈〉, spaces removed, parentheses full width (（试行）);
3. for a bare 文号 with no known title, the canonical 文号 (〔〕 and 号).

``canonical_title`` is the entry's eli:title@zh-Hans where resolved, else the canonical title.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Optional

from rdflib import Literal, Namespace
from rdflib.namespace import DCTERMS, RDF, SKOS

from .. import ontology
from . import docnumbers, vocab
from .model import DocNumber

DKG = Namespace(ontology.DKG)
ELI = Namespace("http://data.europa.eu/eli/ontology#")
AUTHORITY_FILE = "regulations.ttl"
NATIONAL_PREFIX = "中华人民共和国"
_FOLD_DROP = re.compile(r'\s+|[《》〈〉<>“”"‘’「」『』]')


@dataclass(frozen=True)
class Edition:
    key: str
    number: Optional[DocNumber]
    issued: Optional[date]
    in_force: Optional[date]
    year: Optional[int] = None  # year promulgated (from eli:date_document, else dct:issued)


@dataclass(frozen=True)
class Entry:
    key: str
    title: str  # eli:title@zh-Hans
    aliases: tuple[str, ...]
    number: Optional[DocNumber]  # eli:id_local
    issuer: Optional[str]  # dkg:issuerName
    editions: tuple[Edition, ...] = ()  # eli:is_realized_by, oldest first
    verified: bool = True  # False where the authority row was marked ? (dkg:verified false)

    def edition_of_year(self, year: int) -> Optional[Edition]:
        """The edition promulgated in ``year`` (a text that says 2019年修订)."""
        return next((ed for ed in self.editions if ed.year == year), None)

    def edition_for(self, year: Optional[int] = None, on: Optional[date] = None,
                    latest: bool = False) -> Optional[Edition]:
        """The edition in force for a document dated ``on`` (a policy document) or about
        ``year`` (an annual report: the latest edition promulgated by the end of that year);
        the oldest where none qualifies, the newest with ``latest``."""
        if not self.editions:
            return None
        if latest:
            return self.editions[-1]
        chosen = self.editions[0]
        for ed in self.editions:
            if on is not None:
                ok = _in_force_on(ed, on)
            else:
                ok = year is None or (ed.year is not None and ed.year <= year)
            if ok:
                chosen = ed
        return chosen


def _in_force_on(ed: Edition, on: date) -> bool:
    if ed.in_force:
        return ed.in_force <= on
    if ed.issued:
        return ed.issued <= on
    return ed.year is not None and ed.year < on.year


@lru_cache(maxsize=8192)
def fold(title: str) -> str:
    """The lookup form of a title: width, spaces, quotes and title marks do not count."""
    s = unicodedata.normalize("NFKC", title or "")
    return _FOLD_DROP.sub("", s)


def canonical_title(title: str) -> str:
    """Rule 2 of the key rule: the title as written, in one spelling."""
    s = re.sub(r"\s+", "", title)
    s = s.replace("(", "（").replace(")", "）")
    s = re.sub(r"[《<]", "〈", s)
    s = re.sub(r"[》>]", "〉", s)
    return s


def _date(lit) -> Optional[date]:
    try:
        return date.fromisoformat(str(lit))
    except (TypeError, ValueError):
        return None


def _zh(g, s, p) -> list[str]:
    return sorted(str(o) for o in g.objects(s, p)
                  if isinstance(o, Literal) and o.language in (None, "zh-Hans", "zh"))


@dataclass
class Authority:
    entries: dict[str, Entry]  # key → entry (works and notices; editions are inside their work)
    by_title: dict[str, str]  # folded title or alias → key
    by_number: dict[str, tuple[str, Optional[str]]]  # canonical 文号 → (work key, edition key)

    def get(self, key: Optional[str]) -> Optional[Entry]:
        return self.entries.get(key) if key else None

    def by_docnumber(self, number: DocNumber) -> tuple[Optional[Entry], Optional[str]]:
        """(entry, edition key) of a 文号; 中华人民共和国国务院令 is 国务院令."""
        text = number.text
        hit = self.by_number.get(text) or self.by_number.get(text.removeprefix(NATIONAL_PREFIX))
        if not hit:
            # prose the code reader kept in front of a listed code (对照国办发〔2017〕94号)
            code = number.issuer_code
            tail = text[len(code):]
            for i in range(1, len(code) - 1):
                hit = self.by_number.get(code[i:] + tail)
                if hit:
                    break
        if not hit:
            return None, None
        return self.entries[hit[0]], hit[1]

    def by_name(self, title: str, issuer: Optional[str] = None,
                issuer_code: Optional[str] = None) -> Optional[Entry]:
        """The entry a written title names, or None. An issuer written before the title must
        be compatible with the entry's (a city's 《关于全面推进政务公开工作的意见》 is not the
        central one)."""
        f = fold(title)
        key = self.by_title.get(f)
        if key is None and f.startswith(NATIONAL_PREFIX):
            key = self.by_title.get(f[len(NATIONAL_PREFIX):])
        entry = self.get(key)
        if entry is None or not issuer:
            return entry
        return entry if compatible_issuer(issuer, entry) else None


def compatible_issuer(issuer: str, entry: Entry) -> bool:
    """Every body named (国务院, 国办发, 中共中央办公厅、国务院办公厅) is part of the entry's
    issuer name or of its 文号's issuer code, or ends with one of the entry's bodies (prose the
    reader kept in front: 结合中共中央办公厅)."""
    targets = [fold(entry.issuer or "")]
    if entry.number:
        targets.append(entry.number.issuer_code)
    bodies = [b for t in targets for b in _JOINERS.split(t) if len(b) >= 3]
    parts = [p for p in _JOINERS.split(fold(issuer)) if p]
    return all(any(p in t or (t and t in p and len(p) - len(t) <= 1) for t in targets if t)
               or any(p.endswith(b) for b in bodies) for p in parts)


_JOINERS = re.compile(r"[、和及与\s]+")


def _index_titles(by_title: dict[str, str], entry: Entry) -> None:
    for label in (entry.title, *entry.aliases):
        f = fold(label)
        forms = {f}
        if f.startswith(NATIONAL_PREFIX):
            forms.add(f[len(NATIONAL_PREFIX):])
        issuer = fold(entry.issuer or "")
        if issuer and f.startswith(issuer + "关于"):
            forms.add(f[len(issuer):])
        elif issuer and f.startswith("关于"):
            forms.add(issuer + f)
        for form in forms:
            by_title.setdefault(form, entry.key)


@lru_cache(maxsize=1)
def authority() -> Authority:
    """ontology/regulations.ttl as lookups (compare by dkg:key, never by IRI)."""
    g = vocab.graph(AUTHORITY_FILE)
    key_of = {s: str(o) for s, o in g.subject_objects(DKG.key)}
    editions_of: dict = {}
    for work, ed in g.subject_objects(ELI.is_realized_by):
        editions_of.setdefault(work, []).append(ed)
    edition_nodes = {e for eds in editions_of.values() for e in eds}

    def number(s) -> Optional[DocNumber]:
        ids = [str(o) for o in g.objects(s, ELI.id_local)]
        return docnumbers.parse(ids[0]) if ids else None

    entries: dict[str, Entry] = {}
    by_title: dict[str, str] = {}
    by_number: dict[str, tuple[str, Optional[str]]] = {}
    for s in sorted(set(g.subjects(RDF.type, DKG.Regulation)), key=str):
        if s in edition_nodes or s not in key_of:
            continue
        eds = []
        for ed in editions_of.get(s, []):
            issued = _date(next(g.objects(ed, ELI.date_document), None))
            partial = next(g.objects(ed, DCTERMS.issued), None)
            year = issued.year if issued else (int(str(partial)[:4]) if partial is not None else None)
            eds.append(Edition(key_of[ed], number(ed), issued,
                               _date(next(g.objects(ed, ELI.first_date_entry_in_force), None)), year))
        eds.sort(key=lambda e: (e.year or 0, e.issued or date.min))
        titles = _zh(g, s, ELI.title) or _zh(g, s, DCTERMS.title) or _zh(g, s, SKOS.prefLabel)
        issuers = _zh(g, s, DKG.issuerName)
        entry = Entry(key=key_of[s], title=titles[0] if titles else key_of[s],
                      aliases=tuple(_zh(g, s, SKOS.altLabel)), number=number(s),
                      issuer=issuers[0] if issuers else None, editions=tuple(eds),
                      verified=str(next(g.objects(s, DKG.verified), "true")).lower() != "false")
        entries[entry.key] = entry
        _index_titles(by_title, entry)
        if entry.number:
            by_number[entry.number.text] = (entry.key, None)
        for ed in eds:
            if ed.number:
                by_number[ed.number.text] = (entry.key, ed.key)
    return Authority(entries, by_title, by_number)

