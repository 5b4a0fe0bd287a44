"""Figures as typed observations: the report's tables (二/三/四, 统计表) and its prose.

One observation per printed number. Where a table and the prose print the same figure the
table's cell is kept. Identities (勾稽关系) choose among readings of run-together cells and are
reported as findings when the printed figures break them; a number is never changed.
"""
from __future__ import annotations

from typing import Optional

from ..docinfo import reports_on_work
from ..model import Document, DocumentInfo, Finding, Observation
from . import flat, grid, prose, resolve
from .formats import detect_format
from .identities import check_identities
from .rows import RowReading, observations_of

__all__ = ["detect_format", "find_observations", "check_identities"]


def _tables(doc: Document, fmt: str) -> tuple[list[tuple[str, list[RowReading]]], list[Finding]]:
    out: list[tuple[str, list[RowReading]]] = []
    findings: list[Finding] = []
    if fmt in ("2019", "2021"):
        parsed = grid.tables(doc, fmt) if doc.tables else {}
        for name, fn in (("二", flat.table2), ("三", flat.table3), ("四", flat.table4)):
            if parsed.get(name):
                readings, f = parsed[name]
            else:
                readings, f = fn(doc, fmt)
            out.append((name, readings))
            findings += f
    readings, f = flat.statistics(doc)
    out.append(("统计表", readings))
    findings += f
    return out, findings


def find_observations(doc: Document, info: DocumentInfo) -> tuple[list[Observation], list[Finding]]:
    if info.type != "AnnualReport":
        if not reports_on_work(info.title):
            return [], []
        observations = prose.find(doc, None, [])
        return observations, check_identities(observations, None)
    fmt: Optional[str] = info.format or detect_format(doc, info.year)
    tables, findings = _tables(doc, fmt or "")
    in_prose = prose.find(doc, fmt, [(r.candidates and r) for _, rs in tables for r in rs])
    observations: list[Observation] = []
    seen: set = set()
    for name, readings in tables:
        resolve.by_identities(readings, name, fmt or "")
        resolve.by_prose(readings, in_prose, doc.text, prose.table_spans(doc, fmt))
        for r in readings:
            obs, f = observations_of(r, name)
            findings += f
            for o in obs:
                key = (o.metric, frozenset(o.breakdown))
                if key in seen:
                    findings.append(Finding("duplicate-cell", f"表{name} {o.row}/{o.column}: "
                                            f"{o.metric}[{'|'.join(o.breakdown)}] printed twice; first kept", o.start, o.end))
                    continue
                seen.add(key)
                observations.append(o)
    for o in in_prose:
        key = (o.metric, frozenset(o.breakdown))
        if key in seen:
            continue
        seen.add(key)
        observations.append(o)
    observations.sort(key=lambda o: o.start)
    findings += check_identities(observations, fmt)
    return observations, findings
