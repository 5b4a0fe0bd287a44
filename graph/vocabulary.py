"""The ontology files as lookups for the graph layer: labels → concept IRIs, keys → regulations.

Everything here is read from ontology/*.ttl (the single source of labels and IRIs).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from rdflib import Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import RDF

from ..extract import vocab
from ..ontology import DOMAIN_SCHEME, METRIC
from ..extract.metrics.labels import TOTAL_NOTATION
from .namespaces import DKG, QB, SKOS

VOCABULARY_FILES = ("disclosure.ttl", "domains.ttl", "metrics.ttl", "regulations.ttl")
INSTANCE_FILES = {"regulations.ttl"}


def available(name: str) -> bool:
    return resources.files(vocab.ONTOLOGY_PACKAGE).joinpath(name).is_file()


@dataclass(frozen=True)
class Axis:
    """A coded dimension that splits a metric: its property, code list and total code."""

    dimension: str
    scheme: str
    total: str


@dataclass(frozen=True)
class Structure:
    """A Data Cube structure (qb:DataStructureDefinition) and the axes it adds to the dimensions
    every observation has (report, reporting body, year, metric)."""

    iri: str
    axes: tuple[Axis, ...]

    @property
    def name(self) -> str:
        return self.iri.rsplit("#", 1)[-1].removeprefix("dsd-")


@dataclass
class Vocabulary:
    base: str
    domains: dict[str, str] = field(default_factory=dict)  # zh-Hans prefLabel → IRI
    metrics: dict[str, str] = field(default_factory=dict)
    breakdowns: dict[str, str] = field(default_factory=dict)
    metric_units: dict[str, str] = field(default_factory=dict)  # metric label → unit notation
    units: dict[str, str] = field(default_factory=dict)  # unit notation → IRI
    regulations: dict[str, str] = field(default_factory=dict)  # dkg:key → IRI
    issuers: dict[str, list[str]] = field(default_factory=dict)  # regulation IRI → issuer names
    agency_kinds: list[tuple[str, str]] = field(default_factory=list)  # (name suffix, kind IRI)
    structures: dict[str, Structure] = field(default_factory=dict)  # metric IRI → its structure
    scheme_of: dict[str, str] = field(default_factory=dict)  # breakdown member IRI → code list IRI
    labels: dict[str, str] = field(default_factory=dict)  # metric or breakdown IRI → zh-Hans prefLabel


def load_file(name: str, base: str) -> Graph:
    g = Graph()
    g.parse(data=vocab.ontology_text(name), format="turtle",
            publicID=base if name in INSTANCE_FILES else None)
    return g


@lru_cache(maxsize=4)
def vocabulary(base: str) -> Vocabulary:
    v = Vocabulary(base)
    if available("domains.ttl"):
        # only the reportable domains, not the pilot areas and Article 20 items they map to
        v.domains = {c.label: c.iri for c in vocab.concepts("domains.ttl") if c.label and DOMAIN_SCHEME in c.schemes}
    if available("metrics.ttl"):
        for c in vocab.concepts("metrics.ttl"):
            if not c.label:
                continue
            if c.iri.startswith(METRIC):
                v.metrics[c.label] = c.iri
                unit = c.extra.get("unit")
                if unit:
                    v.metric_units[c.label] = unit[0]
            elif TOTAL_NOTATION not in c.notation:
                v.breakdowns[c.label] = c.iri
            v.labels[c.iri] = c.label
            for scheme in c.schemes:
                v.scheme_of[c.iri] = scheme
    core = vocab.graph("disclosure.ttl")
    if available("metrics.ttl"):
        v.structures = _structures(core, vocab.graph("metrics.ttl"))
    for c in vocab.concepts("disclosure.ttl"):
        if c.notation and "#unit-" in c.iri:
            v.units[c.notation[0]] = c.iri
    kinds = []
    for s, o in core.subject_objects(DKG.nameSuffix):
        kinds.append((str(o), str(s)))
    v.agency_kinds = sorted(kinds, key=lambda k: (-len(k[0]), k[0]))
    if available("regulations.ttl"):
        g = load_file("regulations.ttl", base)
        for s, o in g.subject_objects(DKG.key):
            if isinstance(s, URIRef) and isinstance(o, Literal):
                v.regulations[str(o)] = str(s)
        for s, o in g.subject_objects(DKG.issuerName):
            v.issuers.setdefault(str(s), []).append(str(o))
    return v


def _structures(core: Graph, metrics: Graph) -> dict[str, Structure]:
    """metric IRI → its Data Cube structure, with the axes (coded dimensions besides the metric)
    in component order, each with its code list's total code."""
    totals = {str(metrics.value(c, SKOS.inScheme)): str(c) for c in metrics.subjects(RDF.type, DKG.TotalCode)}
    by_dsd: dict[str, Structure] = {}
    for dsd in set(core.subjects(RDF.type, QB.DataStructureDefinition)):
        axes = []
        for spec in core.objects(dsd, QB.component):
            dim = core.value(spec, QB.dimension)
            codes = core.value(dim, QB.codeList) if dim is not None else None
            if codes is None or dim == DKG.metric:
                continue
            axes.append((int(core.value(spec, QB.order)), Axis(str(dim), str(codes), totals[str(codes)])))
        by_dsd[str(dsd)] = Structure(str(dsd), tuple(a for _, a in sorted(axes, key=lambda x: (x[0], x[1].dimension))))
    return {str(m): by_dsd[str(dsd)] for m, dsd in metrics.subject_objects(DKG.structure)}


@lru_cache(maxsize=4)
def _vocabulary_graph(base: str) -> Graph:
    """All vocabulary files in one graph, for the store's shared vocabulary graph.

    Blank nodes become skolem IRIs named by their canonical labels, so that every build writes
    the same triples (a store would otherwise give them fresh labels on each load)."""
    g = Graph()
    for name in VOCABULARY_FILES:
        if available(name):
            g += load_file(name, base)
    return to_canonical_graph(g).skolemize(authority=base, basepath=".well-known/genid/")


def vocabulary_graph(base: str) -> Graph:
    """All vocabulary files in one graph (a fresh copy: callers may add to it)."""
    g = Graph()
    g += _vocabulary_graph(base)
    return g


__all__ = ["Vocabulary", "vocabulary", "vocabulary_graph", "SKOS"]
