"""Stable, meaningful IRIs: the same thing gets the same IRI from every report and every run.

IRIs are minted from identity keys (file name, 文号 or canonical title, adcode, canonical name),
never from counters; a file name is percent-encoded, so no two names share an IRI. The base is a setting (``DKG_BASE`` or ``--base``); the vocabulary terms
(def#, domain/, metric/ …) are fixed by the ontology files.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass

from .. import ontology
from .errors import UserError

DEFAULT_BASE = ontology.INSTANCES


def slug(key: str) -> str:
    """A path segment from a key: runs of anything but letters, digits and CJK become one '-'.

    The same rule names the relative IRIs of ontology/regulations.ttl.
    """
    # IRIs (unlike URIs) may carry CJK characters as they are; \w keeps them.
    return re.sub(r"[^\w]+", "-", key.strip()).strip("-") or "_"


def file_segment(name: str) -> str:
    """A path segment that names one file and no other: letters, digits, CJK and ``_.~-`` stay
    as they are, every other character is percent-encoded (its UTF-8 bytes). Unlike ``slug``
    it is one-to-one, so ``pingtan 2019.txt``, ``pingtan-2019.txt`` and ``pingtan(2019).txt``
    are three documents."""
    return "".join(c if c in "_.~-" or c.isalnum() else _percent(c) for c in name) or "_"


def _percent(c: str) -> str:
    return "".join(f"%{b:02X}" for b in c.encode("utf-8"))


def base_from_env() -> str:
    return os.environ.get("DKG_BASE", DEFAULT_BASE)


@dataclass(frozen=True)
class Minter:
    base: str = DEFAULT_BASE

    def __post_init__(self) -> None:
        if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://\S+/$|^urn:\S+:$", self.base):
            raise UserError(f"base IRI must be absolute and end with '/': {self.base!r}")

    def document(self, source: str) -> str:
        """A document, named by its file name (the file name is its identity in a store)."""
        return f"{self.base}document/{file_segment(source)}"

    def document_graph(self, source: str) -> str:
        return f"{self.base}graph/{file_segment(source)}"

    @property
    def entities_graph(self) -> str:
        """Agencies, divisions and regulations that documents describe alike."""
        return f"{self.base}graph/entities"

    @property
    def vocabulary_graph(self) -> str:
        return f"{self.base}graph/vocabulary"

    def activity(self, fingerprint: str) -> str:
        """The extraction run by one version of the code and data (see graph/fingerprint.py)."""
        return f"{self.base}activity/extract-{fingerprint}"

    def regulation(self, key: str) -> str:
        return f"{self.base}regulation/{slug(key)}"

    def division(self, adcode: str) -> str:
        return f"{self.base}division/{adcode}"

    def agency(self, adcode: str | None, canonical_name: str) -> str:
        return f"{self.base}agency/{adcode or '000000'}/{slug(canonical_name)}"
