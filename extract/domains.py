"""STUB (to be replaced): domains a document reports on."""
from __future__ import annotations

from .model import Document, DomainReport


def find_domains(doc: Document) -> list[DomainReport]:
    return []
