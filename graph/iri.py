"""Stable, meaningful IRIs: the same thing gets the same IRI from every report and every run.

IRIs are minted from identity keys (file name, 文号 or canonical title, adcode, canonical name),
never from counters. The base is a setting (``DKG_BASE`` or ``--base``); the vocabulary terms
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


def base_from_env() -> str:
    return os.environ.get("DKG_BASE", DEFAULT_BASE)


@dataclass(frozen=True)
class Minter:
    base: str = DEFAULT_BASE

    def __post_init__(self) -> None:
        if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://\S+/$|^urn:\S+:$", self.base):
            raise UserError(f"base IRI must be absolute and end with '/': {self.base!r}")

    def document(self, source: str) -> str:
        return f"{self.base}document/{slug(source)}"

    def document_graph(self, source: str) -> str:
        return f"{self.base}graph/{slug(source)}"

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
