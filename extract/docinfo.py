"""STUB (to be replaced): document type, issuing agency, division and year."""
from __future__ import annotations

import re

from .model import Document, DocumentInfo, Finding


def document_info(doc: Document) -> tuple[DocumentInfo, list[Finding]]:
    title = doc.header.get("标题") or doc.text.strip().split("\n", 1)[0][:80]
    m = re.search(r"(20\d\d)\s*年", title) or re.search(r"(20\d\d)\s*年", doc.text)
    year = int(m.group(1)) if m else None
    kind = "AnnualReport" if "年度报告" in title or "年度报告" in doc.text[:500] else "PolicyDocument"
    return DocumentInfo(type=kind, title=title, agency="", adcode="", year=year), []
