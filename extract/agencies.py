"""STUB (to be replaced): agencies named in the text."""
from __future__ import annotations

from .model import AgencyMention, Document, DocumentInfo


def find_agencies(doc: Document, info: DocumentInfo) -> list[AgencyMention]:
    return []
