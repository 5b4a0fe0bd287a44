"""What one document may cost (dkg build --max-mb, --max-seconds). A module of its own so the
command line can show the defaults without importing the build."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Budget:
    """What one document may cost before it is recorded as not read (and the build goes on).
    Generous for real reports: the largest in the corpus is well under 1 MB and 1 s."""

    max_bytes: int = 10 << 20
    max_seconds: float = 60.0
