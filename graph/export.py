"""Dataset exports: the store as Turtle, N-Triples, JSON-LD, TriG or N-Quads.

A file is written beside its target under a temporary name and renamed over it when complete:
a kill mid-write leaves the previous export as it was (a rename is atomic on one file system).
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import BinaryIO

from .store import Store

FORMATS = ("ttl", "nt", "jsonld", "trig", "nq")


def export_bytes(store: Store, fmt: str) -> bytes:
    """The store in ``fmt``: trig and nq keep one graph per document; ttl, nt and jsonld hold
    the union of all graphs."""
    if fmt != "jsonld":
        return store.dump(fmt)
    from rdflib import Graph

    from .namespaces import PREFIXES

    g = Graph()
    g.parse(data=store.dump("nt").decode("utf-8"), format="nt")
    return g.serialize(format="json-ld", context={k: str(v) for k, v in PREFIXES.items()}, encoding="utf-8")


def export_file(store: Store, fmt: str, target: str | Path) -> int:
    """Write the export to ``target`` atomically; returns its size in bytes."""
    target = Path(target)
    with _replacing(target) as out:
        stream = getattr(store, "dump_to", None)
        if fmt in ("trig", "nq") and stream is not None:
            stream(fmt, out)  # the embedded store writes its graphs straight to the file
        else:
            out.write(export_bytes(store, fmt))
        return out.tell()


class _replacing:
    """A temporary file beside ``target`` that replaces it on a clean exit and is removed on any
    other."""

    def __init__(self, target: Path) -> None:
        self.target = target

    def __enter__(self) -> BinaryIO:
        fd, self.temp = tempfile.mkstemp(prefix=f".{self.target.name}.", suffix=".part",
                                         dir=self.target.parent if str(self.target.parent) else ".")
        self.file = os.fdopen(fd, "wb")
        return self.file

    def __exit__(self, exc_type, *exc) -> None:
        self.file.close()
        if exc_type is None:
            os.chmod(self.temp, _file_mode(self.target))  # mkstemp's 0600 is not what the user expects
            os.replace(self.temp, self.target)
        else:
            os.unlink(self.temp)


def _file_mode(target: Path) -> int:
    """The mode the export keeps: the old file's, or what the umask gives a new file."""
    if target.exists():
        return target.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


__all__ = ["FORMATS", "export_bytes", "export_file"]
