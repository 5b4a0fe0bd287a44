"""Whether a file is a disclosure document at all.

Crawls bring in news articles, pages of links and stray source files. Read as reports, they
would carry invented facts and fail validation for the whole store; recorded as unrecognised,
they keep only what they are (a file, its text) and say why.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from . import docnumbers
from .data import rows
from .model import Document, DocumentInfo


@lru_cache(maxsize=1)
def markers() -> tuple[str, ...]:
    """Words a disclosure report or notice uses (extract/data/document_markers.tsv)."""
    return tuple(r[0] for r in rows("document_markers.tsv"))


def unrecognised(doc: Document, info: DocumentInfo) -> Optional[str]:
    """Why ``doc`` is not a disclosure report or notice, or None when it may be one. All three
    must fail: a real report missing its year or issuer is still a report (and is flagged as
    such by validation), so this never hides one."""
    if info.year is not None or info.agency:
        return None
    if any(word in doc.text for word in markers()):
        return None
    if next(iter(docnumbers.find_docnumbers(doc.text)), None) is not None:
        return None  # a government document cites others by their 文号 (国办发〔2020〕17号, 国务院令第722号)
    return "no year, no issuing body, no 文号 and none of the words of a disclosure report or notice"
