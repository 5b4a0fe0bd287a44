"""STUB (to be replaced): figures and tables as observations."""
from __future__ import annotations

from typing import Optional

from ..model import Document, DocumentInfo, Finding, Observation


def detect_format(doc: Document, year: Optional[int]) -> Optional[str]:
    """The report format key ("2008", "2019", "2021") or None for a non-report."""
    if year is None:
        return None
    return "2008" if year <= 2018 else "2019" if year <= 2020 else "2021"


def find_observations(doc: Document, info: DocumentInfo) -> tuple[list[Observation], list[Finding]]:
    return [], []
