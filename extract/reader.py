"""Files in, article text out: encoding detection, HTML boilerplate removal, PDF text layer.

The reader's job ends at "the words of the document, in order, as one string" plus the tables it
saw as tables. Offsets of table cells are into that string (``RawText.text``).
"""
from __future__ import annotations

import re
from pathlib import Path

from . import encoding
from .encoding import Decoded
from .html import html_to_text
from .model import RawText

TEXT_SUFFIXES = {".txt": "text/plain", ".md": "text/markdown", ".markdown": "text/markdown"}
HTML_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml"}
SUPPORTED_SUFFIXES = set(TEXT_SUFFIXES) | HTML_SUFFIXES | {".pdf"}


class ReadError(Exception):
    """A file that cannot be read as a document; the message names the file and the problem."""


def decode(data: bytes, path: str = "<bytes>") -> Decoded:
    """Bytes to text (extract/encoding.py); raise ReadError naming the file when no encoding fits."""
    try:
        return encoding.decode(data)
    except encoding.EncodingError as e:
        raise ReadError(f"{path}: {e}") from None


def read(path: str | Path) -> RawText:
    """Read one document file into its article text."""
    p = Path(path)
    _check_suffix(p)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise ReadError(f"{p}: {e.strerror or e}") from e
    return read_bytes(data, p)


def _check_suffix(p: Path) -> None:
    if p.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise ReadError(f"{p}: unsupported file type {p.suffix.lower() or '(none)'}; "
                        f"expected one of {', '.join(sorted(SUPPORTED_SUFFIXES))}")


def read_bytes(data: bytes, path: str | Path) -> RawText:
    """A document's bytes into its article text; ``path`` names it (its suffix says its type).
    Workers on other machines get the bytes, not the file."""
    p = Path(path)
    _check_suffix(p)
    suffix = p.suffix.lower()
    if not data.strip():
        raise ReadError(f"{p}: the file is empty")
    if suffix == ".pdf":
        return _read_pdf(p, data)
    decoded = decode(data, str(p))
    text, enc = decoded.text, decoded.encoding
    damage = tuple(f"{p.name}: {d.describe(len(data))}" for d in decoded.damage)
    if suffix in HTML_SUFFIXES or _looks_like_html(text):
        body, tables, header = html_to_text(text)
        if not body.strip():
            raise ReadError(f"{p}: no article text found in the HTML page")
        return RawText(str(p), "text/html", enc, body, tables, header, damage)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return RawText(str(p), TEXT_SUFFIXES.get(suffix, "text/plain"), enc, text, [], crawler_header(text), damage)


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head


def _read_pdf(p: Path, data: bytes) -> RawText:
    from io import BytesIO

    from pdfminer.high_level import extract_text

    try:
        text = extract_text(BytesIO(data))
    except Exception as e:  # noqa: BLE001 - whatever pdfminer raises on a broken file, the file is unreadable
        raise ReadError(f"{p}: not a readable PDF ({type(e).__name__}: {e})") from e
    if not text.strip():
        raise ReadError(f"{p}: the PDF has no text layer (scanned pages need OCR first)")
    return RawText(str(p), "application/pdf", "pdf", text.replace("\f", "\n"), [], {})


# "标题: …" lines a crawler wrote above the page text, closed by a "==== 正文 ====" rule.
_HEADER_LINE = re.compile(r"^([\w\u4e00-\u9fff]{1,8})\s*[:：]\s*(.*)$")
_BODY_RULE = re.compile(r"^=+\s*正文\s*=+\s*$")
MAX_HEADER_LINES = 40  # a crawler's header is a dozen fields; the body rule stands within this


def crawler_header(text: str) -> dict[str, str]:
    """The key/value lines a crawler put above the body, if the file has that form."""
    lines = text.split("\n", MAX_HEADER_LINES)[:MAX_HEADER_LINES]
    for i, line in enumerate(lines):
        if _BODY_RULE.match(line.strip()):
            header = {}
            for h in lines[:i]:
                m = _HEADER_LINE.match(h.strip())
                if m:
                    header[m.group(1)] = m.group(2).strip()
            return header
    return {}
