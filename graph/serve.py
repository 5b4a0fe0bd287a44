"""The SPARQL server: Oxigraph's own (the ``oxigraph`` package's binary), read-only on a store
folder. Nothing is re-implemented here; this finds the binary and says how to call it."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

from .errors import UserError

SERVER_PACKAGE = "oxigraph"  # PyPI package that ships the server binary


def server_binary() -> str:
    """The oxigraph binary: on PATH, or beside this Python (a venv used without activating it)."""
    found = shutil.which("oxigraph") or shutil.which("oxigraph", path=str(Path(sys.executable).parent))
    if not found:
        raise UserError(f"the SPARQL server is not installed: pip install {SERVER_PACKAGE} "
                        "(or pip install -e '.[server]')")
    return found


def server_command(store: str | Path, bind: str, timeout_s: int, union_default_graph: bool = False) -> list[str]:
    if not Path(store, "CURRENT").is_file():  # RocksDB's marker file: the folder holds a store
        raise UserError(f"no store at {store} (build one with: dkg build PATH --store {store})")
    cmd = [server_binary(), "serve-read-only", "--location", str(store), "--bind", bind, "--timeout-s", str(timeout_s)]
    if union_default_graph:
        cmd.append("--union-default-graph")
    return cmd
