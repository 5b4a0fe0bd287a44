"""勾稽关系: the identities a report's figures must satisfy, checked over observations.

The identities are data (extract/data/metrics_identities.json) so the graph layer can generate
SHACL-SPARQL shapes from the same definitions. A failing identity is a finding about the report,
reported with the cells and values involved; numbers are never changed.
"""
from __future__ import annotations

from typing import Iterable, Optional

from ..model import Finding, Observation
from ..data import json_data as data
from .labels import label, scheme_members

Key = tuple[str, frozenset]


def identities(fmt: Optional[str]) -> list[dict]:
    return [i for i in data("metrics_identities.json")["identities"] if fmt is None or fmt in i.get("formats", [fmt])]


def _values(observations: Iterable[Observation]) -> dict[Key, Observation]:
    out: dict[Key, Observation] = {}
    for o in observations:
        if o.value is not None and not o.derived:
            out.setdefault((o.metric, frozenset(o.breakdown)), o)
    return out


def _bases(ident: dict, values: dict[Key, Observation]) -> list[tuple[str, frozenset]]:
    if ident["bases"] == "table3-rows":
        applicants = {label(a) for a in scheme_members("applicant")}
        metrics = {label(r["metric"]) for r in data("metrics_templates.json")["table3"]["rows"]}
        return sorted({(m, b) for (m, b) in values if m in metrics and not (b & applicants)}, key=str)
    return [(label(m), frozenset(label(x) for x in members)) for m, members in ident["bases"]]


def _term(base: tuple[str, frozenset], term, extra: frozenset) -> Key:
    metric, members = base
    if isinstance(term, dict):
        metric = label(term["metric"])
        add = term.get("add", [])
    else:
        add = term
    return metric, members | frozenset(label(a) for a in add) | extra


def check_identities(observations: Iterable[Observation], fmt: Optional[str]) -> list[Finding]:
    """One finding per identity instance that the printed figures break."""
    values = _values(observations)
    findings: list[Finding] = []
    for ident in identities(fmt):
        extensions = [frozenset()]
        if ident.get("extend") == "applicants":
            extensions += [frozenset([label(a)]) for a in scheme_members("applicant")]
        for base in _bases(ident, values):
            for extra in extensions:
                lhs = [_term(base, t, extra) for t in ident["lhs"]]
                rhs = [_term(base, t, extra) for t in ident["rhs"]]
                if any(k not in values for k in lhs):
                    continue
                present = [k for k in rhs if k in values]
                if len(present) < len(rhs) and not (ident.get("missing_as_zero") and len(present) >= 2):
                    continue
                left = sum(values[k].value for k in lhs)
                right = sum(values[k].value for k in present)
                ok = abs(left - right) < 1e-6 if ident["relation"] == "eq" else left >= right - 1e-6
                if ok:
                    continue
                cells = [values[k] for k in lhs + present]
                names = "; ".join(f"{o.metric}[{'|'.join(o.breakdown)}]={o.value:g}" for o in cells)
                op = "=" if ident["relation"] == "eq" else "≥"
                findings.append(Finding(
                    "identity",
                    f"{ident['id']}: {ident['message']} — {left:g} {op} {right:g} fails ({names})",
                    min(o.start for o in cells), max(o.end for o in cells)))
    return findings
