"""The extractors' data files (patterns, vocabularies, aliases): the one place that reads them.

Tables are tab-separated: one row per line, ``#`` starts a comment line, blank lines are skipped.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


def text(name: str) -> str:
    """One data file's text."""
    return resources.files(__name__).joinpath(name).read_text("utf-8")


def rows(name: str) -> list[list[str]]:
    """A tab-separated table's rows, each cell stripped."""
    return [[cell.strip() for cell in line.split("\t")]
            for line in text(name).splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=None)
def json_data(name: str) -> dict:
    """A JSON data file, parsed once (callers must not change it)."""
    return json.loads(text(name))
