"""Concept labels for the figures, read from ontology/metrics.ttl (never repeated in code)."""
from __future__ import annotations

import re
from functools import lru_cache

from ...ontology import BREAKDOWN
from ..vocab import Concept, concepts

ONTOLOGY = "metrics.ttl"
TOTAL_NOTATION = "_T"  # SDMX's code for "not split along this dimension"


@lru_cache(maxsize=None)
def by_local() -> dict[str, Concept]:
    """IRI local name → concept (metric:… and breakdown:… share no local names)."""
    return {c.iri.rsplit("/", 1)[-1]: c for c in concepts(ONTOLOGY)}


def label(local: str) -> str:
    """zh-Hans prefLabel of the concept with this local name."""
    return by_local()[local].label


def unit(local: str) -> str:
    vals = by_local()[local].extra.get("unit", ())
    return vals[0] if vals else ""


def scheme_members(scheme: str) -> list[str]:
    """Local names of the members of one breakdown code list (without its total code, "_T",
    which only the graph layer writes)."""
    iri = BREAKDOWN + scheme
    return [k for k, c in by_local().items() if iri in c.schemes and TOTAL_NOTATION not in c.notation]


_SQUEEZE = re.compile(r"[\s|｜:：,，、.．;；“”\"'‘’()（）\[\]【】《》<>/／\-—_*#]")


def squeeze(s: str) -> str:
    """Text without spaces and punctuation, so printed labels match however a copy spaced them."""
    return _SQUEEZE.sub("", s)
