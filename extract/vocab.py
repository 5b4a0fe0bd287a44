"""Read labels and codes from the ontology files: the single source of labels and IRIs.

Extractors never repeat a label the ontology holds; they ask this module. The result is plain
Python (no RDF leaves this module), cached per file.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

ONTOLOGY_PACKAGE = "disclosure_kg.ontology"


@dataclass(frozen=True)
class Concept:
    iri: str
    pref: dict[str, str]  # language tag → prefLabel ("zh-Hans", "zh-Hant", "en")
    alt: tuple[str, ...]  # altLabels in zh-Hans (and untagged)
    notation: tuple[str, ...] = ()
    schemes: tuple[str, ...] = ()
    broader: tuple[str, ...] = ()
    extra: dict[str, tuple[str, ...]] = field(default_factory=dict)  # other literal properties by local name

    @property
    def label(self) -> str:
        return self.pref.get("zh-Hans", "")


def ontology_text(name: str) -> str:
    return resources.files(ONTOLOGY_PACKAGE).joinpath(name).read_text("utf-8")


@lru_cache(maxsize=None)
def graph(name: str, base: str | None = None) -> Graph:
    """One ontology file parsed (``base`` resolves relative IRIs in instance-data files)."""
    g = Graph()
    g.parse(data=ontology_text(name), format="turtle", publicID=base)
    return g


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


@lru_cache(maxsize=None)
def concepts(name: str) -> tuple[Concept, ...]:
    """Every skos:Concept of an ontology file, in IRI order."""
    g = graph(name)
    out = []
    for s in sorted(set(g.subjects(RDF.type, SKOS.Concept)), key=str):
        pref = {o.language or "": str(o) for o in g.objects(s, SKOS.prefLabel) if isinstance(o, Literal)}
        alt = tuple(sorted(str(o) for o in g.objects(s, SKOS.altLabel)
                           if isinstance(o, Literal) and (o.language in (None, "zh-Hans", "zh"))))
        extra: dict[str, list[str]] = {}
        for p, o in g.predicate_objects(s):
            if isinstance(o, Literal) and p not in (SKOS.prefLabel, SKOS.altLabel):
                extra.setdefault(_local(str(p)), []).append(str(o))
        out.append(Concept(
            iri=str(s),
            pref=pref,
            alt=alt,
            notation=tuple(sorted(str(o) for o in g.objects(s, SKOS.notation))),
            schemes=tuple(sorted(str(o) for o in g.objects(s, SKOS.inScheme) if isinstance(o, URIRef))),
            broader=tuple(sorted(str(o) for o in g.objects(s, SKOS.broader) if isinstance(o, URIRef))),
            extra={k: tuple(sorted(v)) for k, v in extra.items()},
        ))
    return tuple(out)
