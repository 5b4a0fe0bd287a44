"""Namespaces the graph layer writes with. Terms of dkg: are declared in ontology/disclosure.ttl
(a test checks that every dkg: term used here exists there)."""
from rdflib import Namespace
from rdflib.namespace import DCAT, DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, VOID

from .. import ontology

DKG = Namespace(ontology.DKG)
DOMAIN = Namespace(ontology.DOMAIN)
METRIC = Namespace(ontology.METRIC)
BREAKDOWN = Namespace(ontology.BREAKDOWN)
FORMAT = Namespace(ontology.FORMAT)
ELI = Namespace("http://data.europa.eu/eli/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
QB = Namespace("http://purl.org/linked-data/cube#")
SDMX_ATTRIBUTE = Namespace("http://purl.org/linked-data/sdmx/2009/attribute#")
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
WDT = Namespace("http://www.wikidata.org/prop/direct/")

PREFIXES = {
    "dkg": DKG, "domain": DOMAIN, "metric": METRIC, "breakdown": BREAKDOWN, "format": FORMAT,
    "eli": ELI, "org": ORG, "qb": QB, "sdmx-attribute": SDMX_ATTRIBUTE, "geo": GEO, "wdt": WDT,
    "dct": DCTERMS, "dcat": DCAT, "prov": PROV, "skos": SKOS, "rdfs": RDFS, "rdf": RDF, "xsd": XSD,
    "owl": OWL, "void": VOID,
}

__all__ = ["PREFIXES", "DKG", "DOMAIN", "METRIC", "BREAKDOWN", "FORMAT", "ELI", "ORG", "QB",
           "SDMX_ATTRIBUTE", "GEO", "WDT", "DCAT", "DCTERMS", "OWL", "PROV", "RDF", "RDFS", "SKOS",
           "XSD", "VOID"]


class Terms:
    """A namespace handing out pyoxigraph terms: the build writes pyoxigraph quads straight
    from the facts (rdflib terms and their N-Triples text cost more than the extraction)."""

    __slots__ = ("_base", "_cache")

    def __init__(self, namespace: str) -> None:
        self._base = str(namespace)
        self._cache: dict[str, object] = {}

    def __getitem__(self, name: str):
        term = self._cache.get(name)
        if term is None:
            import pyoxigraph as ox

            term = self._cache[name] = ox.NamedNode(self._base + name)
        return term

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        return self[name]


TERMS = {prefix: Terms(ns) for prefix, ns in PREFIXES.items()}
