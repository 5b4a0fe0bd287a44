"""STUB (to be replaced): regulation citations."""
from __future__ import annotations

from .model import Citation, Document, DocumentInfo


def find_citations(doc: Document, info: DocumentInfo) -> list[Citation]:
    return []
