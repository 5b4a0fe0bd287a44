"""Which report format a document follows: "2008" (prose and 统计表), "2019" or "2021" tables."""
from __future__ import annotations

from typing import Optional

from ..model import Document
from .labels import squeeze
from .templates import templates


def _has(sq: str, words: list[str]) -> bool:
    return any(squeeze(w) in sq for w in words)


def detect_format(doc: Document, year: Optional[int]) -> Optional[str]:
    """The table cues decide where the report prints its tables; the year decides otherwise."""
    sq = squeeze(doc.text)
    t = templates()
    cues = t.get("format_cues", {})
    if _has(sq, cues.get("2021", [])):
        return "2021"
    if _has(sq, cues.get("2019", [])):
        return "2019"
    if _has(sq, cues.get("2008", [])) and (year is None or year <= 2018):
        return "2008"
    if year is None:
        return None
    return "2008" if year <= 2018 else "2019" if year <= 2020 else "2021"
