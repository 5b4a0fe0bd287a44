"""Bytes to text: which encoding a file is in, and what of it is damaged.

Crawled files come in UTF-8 (with or without a BOM), GB18030/GBK, Big5 or UTF-16 (with or
without a BOM), and some are cut short or carry a few stray bytes. A file whose damage is small
is read, the damage named (where it is, how many bytes) rather than the document lost.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer

# Encodings Chinese government sites publish in; detection is restricted to them so that a short
# GBK page is not taken for a Cyrillic code page.
CANDIDATE_ENCODINGS = ["utf_8", "gb18030", "big5", "utf_16"]
BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
# At most this share of a file's bytes may be invalid UTF-8 for it to be read as damaged UTF-8
# (a GBK file is nearly all invalid; a file cut short has one to three bad bytes at its end).
MAX_DAMAGED_SHARE = 0.001
MIN_DAMAGED_ALLOWANCE = 8  # bytes: a small file may still have a cut character and a stray byte
# Text in UTF-16 without a BOM decodes, read the right way round, to characters a report uses.
_REPORT_CHARACTERS = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef\x20-\x7e\s]")
MIN_PLAUSIBLE = 0.9


class EncodingError(ValueError):
    """No candidate encoding reads the bytes."""


@dataclass(frozen=True)
class Damage:
    """A run of bytes that are not text in the file's encoding (read as U+FFFD)."""

    start: int  # byte offset in the file
    length: int  # bytes

    def describe(self, size: int) -> str:
        where = "at the end (the file was cut short)" if self.start + self.length == size else f"at byte {self.start}"
        return f"{self.length} byte{'s' if self.length > 1 else ''} {where} are not UTF-8; read as U+FFFD"


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    damage: tuple[Damage, ...] = ()


def decode(data: bytes) -> Decoded:
    """The text of ``data``, trying in order: a BOM, strict UTF-8, UTF-16 without a BOM, UTF-8
    with a little damage (before detection, which would read a cut UTF-8 file as GB18030
    mojibake), then GB18030/Big5 detection. Raises EncodingError."""
    for reader in (_by_bom, _strict_utf8, _utf16_without_bom, _damaged_utf8, _detected):
        got = reader(data)
        if got is not None:
            return got
    raise EncodingError(f"cannot detect the text encoding (tried {', '.join(CANDIDATE_ENCODINGS)}, "
                        f"and UTF-8 with damage)")


def _by_bom(data: bytes) -> Decoded | None:
    for bom, enc in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(enc), enc.replace("-sig", ""))
            except UnicodeDecodeError:
                return None
    return None


def _strict_utf8(data: bytes) -> Decoded | None:
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        return None


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 text has NUL bytes (every ASCII character, every newline); UTF-8, GB18030 and
    Big5 text never has. The byte order is the one that reads as a report's characters."""
    if b"\x00" not in data or len(data) % 2:
        return None
    best = None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        share = len(_REPORT_CHARACTERS.findall(text)) / max(1, len(text))
        if share >= MIN_PLAUSIBLE and (best is None or share > best[0]):
            best = (share, Decoded(text, "utf-16"))
    return best[1] if best else None


def _detected(data: bytes) -> Decoded | None:
    if b"\x00" in data:  # no candidate but UTF-16 has NUL bytes, and that was tried
        return None
    best = charset_normalizer.from_bytes(data, cp_isolation=CANDIDATE_ENCODINGS).best()
    return Decoded(str(best), best.encoding) if best is not None else None


def _damaged_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few invalid bytes, each run read as U+FFFD and named. Stops as soon as the
    damage is over the allowance, so a file in another encoding costs little here."""
    allowance = max(MIN_DAMAGED_ALLOWANCE, MAX_DAMAGED_SHARE * len(data))
    view = memoryview(data)
    parts: list[str] = []
    damage: list[Damage] = []
    i, bad = 0, 0
    while i < len(data):
        try:
            parts.append(codecs.utf_8_decode(view[i:], "strict", True)[0])
            break
        except UnicodeDecodeError as e:  # e.start, e.end: the invalid run, relative to i
            parts.append(codecs.utf_8_decode(view[i:i + e.start], "strict", True)[0])
            start, length = i + e.start, e.end - e.start
            bad += length
            if bad > allowance:
                return None
            if damage and damage[-1].start + damage[-1].length == start:
                damage[-1] = Damage(damage[-1].start, damage[-1].length + length)
            else:
                damage.append(Damage(start, length))
                parts.append("\ufffd")
            i = start + length
    return Decoded("".join(parts), "utf-8", tuple(damage))
