"""Which code and data built a document: the package version plus a digest of the extractors,
the triple writer and the ontology files. A rebuild skips a document only when both its bytes
and this fingerprint are unchanged, so editing a rule or a vocabulary re-extracts everything."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

VERSION = version("disclosure-kg")  # the installed distribution's, as pyproject.toml sets it

_PACKAGE = Path(__file__).resolve().parent.parent
# what decides a document's triples; the rest (CLI, queries, store) does not
_SOURCES = ("extract", "ontology", "graph/triples.py", "graph/vocabulary.py", "graph/iri.py", "graph/namespaces.py")
_NOT_TRIPLES = {"shapes.ttl"}  # checks the triples, does not make them
_SUFFIXES = {".py", ".ttl", ".json", ".csv", ".tsv", ".txt", ".yaml", ".yml"}


@lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """``<version>-<12 hex digits>``, the same in every process running the same files."""
    digest = hashlib.sha256()
    for root in _SOURCES:
        path = _PACKAGE / root
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in _SUFFIXES
                       and p.name not in _NOT_TRIPLES) if path.is_dir() else [path]
        for f in files:
            digest.update(str(f.relative_to(_PACKAGE)).encode())
            digest.update(f.read_bytes())
    return f"{VERSION}-{digest.hexdigest()[:12]}"
