"""HTML tables (Document.tables) — placeholder until the grid reader lands."""
from __future__ import annotations

from ..model import Document


def tables(doc: Document, fmt: str) -> dict:
    return {}
