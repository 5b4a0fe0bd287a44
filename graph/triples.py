"""Typed facts → triples with provenance, for one document's named graph.

Pure: ``document_graph(facts, minter)`` returns the document's pyoxigraph triples, the shared
entity triples it uses and the problems met (a label the ontology does not know is reported, not
invented). Every fact keeps its evidence as a dkg:Mention with the quoted original words and
their offsets in the text as read. Terms are pyoxigraph's, written straight from the facts: the
store loads them as they are, with no rdflib terms and no text in between.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

import opencc
import pyoxigraph as ox
from rdflib import Graph

from ..extract import divisions
from ..extract.model import Citation, Document, DocumentFacts, Observation
from ..extract.numbers import parse_number
from .fingerprint import VERSION, extractor_fingerprint
from .iri import Minter, slug
from .namespaces import PREFIXES, TERMS
from .vocabulary import Structure, Vocabulary, vocabulary

DCTERMS, DKG, ELI, FORMAT, GEO, ORG, PROV, QB, RDF, RDFS, SDMX_ATTRIBUTE, SKOS, WDT, XSD = (
    TERMS[p] for p in ("dct", "dkg", "eli", "format", "geo", "org", "prov", "qb", "rdf", "rdfs",
                       "sdmx-attribute", "skos", "wdt", "xsd"))
TYPES = {"AnnualReport": DKG.AnnualReport, "PolicyDocument": DKG.PolicyDocument,
         "UnrecognisedDocument": DKG.UnrecognisedDocument}
NATIONAL_ADCODE = "100000"
NATIONAL_NAME = "中华人民共和国"


@lru_cache(maxsize=1)
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


@lru_cache(maxsize=65536)
def IRI(value: str) -> ox.NamedNode:
    """A named node; vocabulary and entity IRIs recur in every document, so they are cached."""
    return ox.NamedNode(value)


def Literal(value, lang: str | None = None, datatype: ox.NamedNode | None = None) -> ox.Literal:
    """A literal typed as rdflib would type the Python value (bool, int, Decimal, str)."""
    if lang:
        return ox.Literal(value, language=lang)
    if datatype is not None:
        return ox.Literal(value, datatype=datatype)
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=XSD.boolean)
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=XSD.integer)
    if isinstance(value, Decimal):
        return ox.Literal(format(value, "f"), datatype=XSD.decimal)
    return ox.Literal(value)


def to_rdflib(triples) -> Graph:
    """An rdflib Graph of (subject, predicate, object) pyoxigraph terms (tests, notebooks, pySHACL)."""
    g = new_graph()
    data = ox.serialize([ox.Triple(*t) for t in triples], format=ox.RdfFormat.N_TRIPLES)
    g.parse(data=data.decode("utf-8"), format="nt")
    return g


@dataclass(frozen=True)
class CodedCell:
    """An observation's metric and breakdown members as vocabulary IRIs, and its structure."""

    metric: str
    members: tuple[str, ...]
    structure: Structure


@dataclass
class DocumentGraph:
    # (subject, predicate, object) of pyoxigraph terms: tuples until they are placed in a graph
    triples: set[tuple]  # the document's own named graph
    shared_triples: set[tuple]  # agencies, divisions and regulations, described alike by every document
    problems: list[str] = field(default_factory=list)

    @property
    def graph(self) -> Graph:
        return to_rdflib(self.triples)

    @property
    def shared(self) -> Graph:
        return to_rdflib(self.shared_triples)

    def nquads(self, graph: str, entities_graph: str) -> bytes:
        """The document's triples in its named graph and the entity triples in the shared one,
        as N-Quads written from the terms' own N-Triples forms: the cheapest way to
        hand a document from a worker process to the store (pickling pyoxigraph quads costs
        several times more, and the store parses N-Quads natively)."""
        g, e = f" <{graph}> .\n", f" <{entities_graph}> .\n"
        return "".join([f"{s} {p} {o}{g}" for s, p, o in self.triples]
                       + [f"{s} {p} {o}{e}" for s, p, o in self.shared_triples]).encode("utf-8")


def new_graph() -> Graph:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    return g


class _Writer:
    def __init__(self, facts: DocumentFacts, minter: Minter, vocab: Vocabulary) -> None:
        self.facts = facts
        self.doc: Document = facts.document
        self.m = minter
        self.v = vocab
        self.g: set[tuple] = set()
        # Entities several documents describe go to one shared graph: a union of named graphs
        # is a bag in Oxigraph, so the same triple in many document graphs multiplies rows.
        self.shared: set[tuple] = set()
        self.problems: list[str] = []
        self.doc_iri = ox.NamedNode(minter.document(self.doc.source))
        self._divisions_done: set[str] = set()
        self.publisher: ox.NamedNode | None = None
        # (predicate, object) pairs every fact of the document carries: one hop to where and when
        self.context: list[tuple] = []

    # ------------------------------------------------------------ helpers
    def add(self, s, p, o) -> None:
        self.g.add((s, p, o))

    def share(self, s, p, o) -> None:
        self.shared.add((s, p, o))

    def labels_shared(self, node: ox.NamedNode, zh_hans: str, prop=SKOS.prefLabel) -> None:
        self.share(node, prop, Literal(zh_hans, lang="zh-Hans"))
        self.share(node, prop, Literal(_s2t().convert(zh_hans), lang="zh-Hant"))

    def with_context(self, node: ox.NamedNode) -> None:
        """The document's where and when, on one of its facts (see dkg:refArea in the ontology)."""
        for p, o in self.context:
            self.add(node, p, o)

    def mention(self, owner_iri: str, start: int, end: int, form: str | None = None) -> ox.NamedNode:
        node = ox.NamedNode(f"{owner_iri}/mention/{start}-{end}")
        o_start, o_end = self.doc.original_span(start, end)
        self.add(node, RDF.type, DKG.Mention)
        self.add(node, PROV.value, Literal(self.doc.original[o_start:o_end]))
        self.add(node, DKG.startOffset, Literal(o_start))
        self.add(node, DKG.endOffset, Literal(o_end))
        self.add(node, PROV.wasDerivedFrom, self.doc_iri)
        if form:
            self.add(node, DKG.form, Literal(form))
        return node

    # ------------------------------------------------------------ divisions and agencies
    def division(self, adcode: str | None) -> ox.NamedNode | None:
        if not adcode or adcode == NATIONAL_ADCODE:
            return None
        node = IRI(self.m.division(adcode))
        if adcode in self._divisions_done:
            return node
        self._divisions_done.add(adcode)
        self.share(node, RDF.type, DKG.Division)
        self.share(node, DKG.adcode, Literal(adcode))
        self.share(node, WDT.P442, Literal(f"{adcode[:2]} {adcode[2:4]} {adcode[4:6]}"))
        record = divisions.division(adcode)
        if record is None:
            self.problems.append(f"{self.doc.source}: division {adcode} is not in the adcode table")
            return node
        self.labels_shared(node, record.name)
        if getattr(record, "level", None):
            self.share(node, DKG.divisionLevel, Literal(record.level))
        if getattr(record, "lat", None) is not None and getattr(record, "lon", None) is not None:
            self.share(node, GEO.lat, Literal(Decimal(str(record.lat))))
            self.share(node, GEO.long, Literal(Decimal(str(record.lon))))
        formers = [f for fs in divisions.former_names().values() for f in fs if f.adcode == adcode]
        for former in sorted(formers, key=lambda f: (f.until, f.name)):
            fn = IRI(f"{node.value}/former-name/{slug(former.name)}")
            self.share(node, DKG.formerName, fn)
            self.share(node, SKOS.altLabel, Literal(former.name, lang="zh-Hans"))
            self.share(fn, RDF.type, DKG.FormerName)
            self.labels_shared(fn, former.name)
            self.share(fn, DKG.validUntil, Literal(str(former.until), datatype=XSD.gYear))
        parent = getattr(record, "parent", None)
        if parent and parent != adcode:
            self.share(node, DKG.parentDivision, IRI(self.m.division(parent)))
            self.division(parent)
        return node

    def agency(self, name: str, adcode: str | None, parent_name: str | None = None,
               parent_adcode: str | None = None) -> ox.NamedNode:
        node = IRI(self.m.agency(adcode, name))
        self.share(node, RDF.type, DKG.Agency)
        self.share(node, RDF.type, ORG.Organization)
        self.labels_shared(node, name)
        kind = next((k for suffix, k in self.v.agency_kinds if name.endswith(suffix)), DKG.OtherBody.value)
        self.share(node, ORG.classification, IRI(kind))
        div = self.division(adcode)
        if div is not None:
            self.share(node, DKG.division, div)
        if parent_name and parent_name != name:
            parent = self.agency(parent_name, parent_adcode or adcode)
            self.share(node, ORG.subOrganizationOf, parent)
        return node

    # ------------------------------------------------------------ the document
    def document(self) -> None:
        info = self.facts.info
        d = self.doc_iri
        self.add(d, RDF.type, TYPES[info.type])
        self.add(d, DCTERMS.source, Literal(self.doc.source))
        self.add(d, DCTERMS["format"], Literal(self.doc.media_type))
        self.add(d, DKG.extractedText, Literal(len(self.doc.text)))
        if info.title:
            self.add(d, DCTERMS.title, Literal(info.title, lang="zh-Hans"))
        if info.year:
            self.add(d, DKG.year, Literal(str(info.year), datatype=XSD.gYear))
        if info.issued:
            self.add(d, DCTERMS.issued, Literal(info.issued, datatype=XSD.date))
        if info.doc_number:
            self.add(d, ELI.id_local, Literal(info.doc_number))
        if info.format:
            self.add(d, DCTERMS.conformsTo, FORMAT[info.format])
        if info.agency:
            publisher = self.agency(info.agency, info.adcode or None)
            self.publisher = publisher
            self.add(d, DCTERMS.publisher, publisher)
            if info.adcode == NATIONAL_ADCODE:
                self.share(publisher, DKG.division, self.national_division())
            if info.agency_start >= 0:
                self.add(d, DKG.mention, self.mention(d.value + "/publisher", info.agency_start, info.agency_end, "publisher"))
        elif info.type != "UnrecognisedDocument":  # its finding says why it has none
            self.problems.append(f"{self.doc.source}: no issuing agency found")
        self.context = self.where_and_when()
        for p, o in self.context:
            if p not in (DKG.report, DKG.documentType, DKG.year):
                self.add(d, p, o)
        activity = IRI(self.m.activity(extractor_fingerprint()))
        self.add(d, PROV.wasGeneratedBy, activity)
        self.share(activity, RDF.type, PROV.Activity)
        self.share(activity, RDFS.label, Literal(f"disclosure-kg {VERSION} extraction", lang="en"))

    def national_division(self) -> ox.NamedNode:
        nat = IRI(self.m.division(NATIONAL_ADCODE))
        self.share(nat, RDF.type, DKG.Division)
        self.share(nat, DKG.adcode, Literal(NATIONAL_ADCODE))
        self.share(nat, WDT.P442, Literal("10 00 00"))
        self.labels_shared(nat, NATIONAL_NAME)
        return nat

    def where_and_when(self) -> list[tuple]:
        """The document, its type, year, division, code and province: what every fact carries."""
        info = self.facts.info
        facts: list[tuple] = [(DKG.report, self.doc_iri),
                              (DKG.documentType, TYPES.get(info.type, DKG.Document))]
        if info.year:
            facts.append((DKG.year, Literal(str(info.year), datatype=XSD.gYear)))
        adcode = info.adcode if info.agency else None
        if adcode == NATIONAL_ADCODE:
            facts += [(DKG.refArea, self.national_division()), (DKG.adcode, Literal(adcode))]
        elif adcode:
            facts += [(DKG.refArea, self.division(adcode)), (DKG.adcode, Literal(adcode))]
            province = divisions.province_of(adcode)
            if province is not None:
                facts.append((DKG.province, self.division(province)))
        return facts

    # ------------------------------------------------------------ citations
    def citations(self) -> None:
        groups: dict[str, list[Citation]] = defaultdict(list)
        for c in self.facts.citations:
            if c.kind != "regulation":
                continue
            key = c.regulation_key or c.canonical_title or c.title or (c.doc_number.text if c.doc_number else "")
            if key:
                groups[key].append(c)
        for key in sorted(groups):
            mentions = groups[key]
            reg_iri = self.v.regulations.get(key)
            reg = IRI(reg_iri or self.m.regulation(key))
            if reg_iri is None:  # not on the authority list: a node with what the text says
                first = mentions[0]
                title = first.canonical_title or first.title or key
                self.share(reg, RDF.type, DKG.Regulation)
                self.share(reg, RDF.type, ELI.LegalResource)
                self.share(reg, DKG.key, Literal(key))
                self.share(reg, ELI.title, Literal(title, lang="zh-Hans"))
                self.share(reg, ELI.title, Literal(_s2t().convert(title), lang="zh-Hant"))
                numbers = sorted({c.doc_number.text for c in mentions if c.doc_number})
                if numbers:
                    self.share(reg, ELI.id_local, Literal(numbers[0]))
                issuers = sorted({c.issuer for c in mentions if c.issuer})
                if issuers:
                    self.share(reg, DKG.issuerName, Literal(issuers[0], lang="zh-Hans"))
            issuers = self.v.issuers.get(reg.value) or sorted({c.issuer for c in mentions if c.issuer})[:1]
            for issuer in issuers:
                self.passed_by(reg, issuer)
            link = ox.NamedNode(f"{self.doc_iri.value}/citation/{slug(key)}")
            self.add(self.doc_iri, ELI.cites, reg)
            self.add(self.doc_iri, DKG.citation, link)
            self.add(link, RDF.type, DKG.CitationLink)
            self.add(link, DKG.regulation, reg)
            self.with_context(link)
            self.add(link, DKG.mentionCount, Literal(len(mentions)))
            # the edition most mentions point at (a 2018 report may once say 新修订《条例》)
            editions = Counter(c.edition_key for c in mentions if c.edition_key)
            if editions:
                ed = min(editions, key=lambda e: (-editions[e], e))
                self.add(link, DKG.edition, IRI(self.v.regulations.get(ed) or self.m.regulation(ed)))
            for c in mentions:
                self.add(link, DKG.mention, self.mention(link.value, c.start, c.end, c.form))

    def passed_by(self, reg: ox.NamedNode, issuer: str) -> None:
        """eli:passed_by the bodies extract read a regulation's issuer as."""
        if issuer not in self.facts.issuers:
            self.problems.append(f"{self.doc.source}: issuer {issuer!r} was not read in extract")
            return
        for body in self.facts.issuers[issuer]:
            self.share(reg, ELI.passed_by, self.agency(body.canonical, body.adcode, body.parent, body.parent_adcode))

    # ------------------------------------------------------------ domains
    def domains(self) -> None:
        for report in self.facts.domains:
            concept = self.v.domains.get(report.domain)
            if concept is None:
                self.problems.append(f"{self.doc.source}: domain {report.domain!r} is not in domains.ttl")
                continue
            link = ox.NamedNode(f"{self.doc_iri.value}/domain/{concept.rsplit('/', 1)[-1]}")
            self.add(self.doc_iri, DKG.reportsOn, IRI(concept))
            self.add(self.doc_iri, DKG.domainReport, link)
            self.add(link, RDF.type, DKG.DomainLink)
            self.add(link, DKG.domain, IRI(concept))
            self.with_context(link)
            self.add(link, DKG.weight, Literal(Decimal(str(round(report.weight, 4)))))
            for mn in report.mentions:
                self.add(link, DKG.mention, self.mention(link.value, mn.start, mn.end, mn.context))

    # ------------------------------------------------------------ figures
    def observations(self) -> None:
        datasets: dict[str, ox.NamedNode] = {}
        for o in self.facts.observations:
            cell = self.cell(o)
            if cell is None:
                continue
            if cell.structure.iri not in datasets:
                datasets[cell.structure.iri] = self.dataset(cell.structure)
            self.observation(datasets[cell.structure.iri], o, cell)

    def cell(self, o: Observation) -> CodedCell | None:
        """The observation's metric, breakdown members and structure, or None (reported) where
        the vocabulary or the structure does not have them."""
        metric = self.v.metrics.get(o.metric)
        members = [self.v.breakdowns.get(b) for b in o.breakdown]
        if metric is None or None in members:
            unknown = [o.metric] if metric is None else [b for b, i in zip(o.breakdown, members) if i is None]
            self.problems.append(f"{self.doc.source}: metric vocabulary lacks {unknown}")
            return None
        structure = self.v.structures.get(metric)
        schemes = [self.v.scheme_of.get(m) for m in members]
        axes = {a.scheme for a in structure.axes} if structure else set()
        if structure is None or len(set(schemes)) < len(schemes) or not set(schemes) <= axes:
            self.problems.append(f"{self.doc.source}: {o.metric} split by {list(o.breakdown)} fits no structure of the metric")
            return None
        if o.value is None:  # a Data Cube observation has its measure (IC-14); the cell printed no number
            if parse_number(o.raw).kind != "blank":  # "/" and "—" are what the template allows there
                self.problems.append(f"{self.doc.source}: {o.metric} {list(o.breakdown)} printed {o.raw!r}, no number")
            return None
        return CodedCell(metric, tuple(members), structure)

    def dataset(self, structure: Structure) -> ox.NamedNode:
        dataset = ox.NamedNode(f"{self.doc_iri.value}/dataset/{structure.name}")
        self.add(dataset, RDF.type, QB.DataSet)
        self.add(dataset, QB.structure, IRI(structure.iri))
        self.add(dataset, DKG.report, self.doc_iri)
        return dataset

    def observation(self, dataset: ox.NamedNode, o: Observation, cell: CodedCell) -> None:
        metric, members = cell.metric, cell.members
        key = "/".join([metric.rsplit("/", 1)[-1]] + sorted(b.rsplit("/", 1)[-1] for b in members))
        node = ox.NamedNode(f"{self.doc_iri.value}/observation/{key}")
        self.add(node, RDF.type, QB.Observation)
        self.add(node, QB.dataSet, dataset)
        self.with_context(node)
        if self.publisher is not None:
            self.add(node, DKG.reportingBody, self.publisher)
        self.add(node, DKG.metric, IRI(metric))
        by_scheme = {self.v.scheme_of[m]: m for m in members}
        for axis in cell.structure.axes:
            self.add(node, IRI(axis.dimension), IRI(by_scheme.get(axis.scheme, axis.total)))
        for m in members:
            self.add(node, DKG.breakdown, IRI(m))
        self.add(node, DKG.breakdownLabel, Literal("|".join(self.v.labels[m] for m in sorted(members))))
        self.add(node, DKG.value, Literal(Decimal(repr(o.value)) if o.value % 1 else Decimal(int(o.value))))
        self.add(node, DKG.rawValue, Literal(o.raw))
        unit = self.v.units.get(o.unit) or self.v.units.get("count")
        if unit:
            self.add(node, SDMX_ATTRIBUTE.unitMeasure, IRI(unit))
        self.add(node, DKG.approximate, Literal(bool(o.approximate)))
        self.add(node, DKG.derived, Literal(bool(o.derived)))
        if o.table:
            self.add(node, DKG.sourceTable, Literal(o.table))
        if o.start >= 0:
            self.add(node, DKG.mention, self.mention(node.value, o.start, o.end, o.table or "prose"))

    # ------------------------------------------------------------ agencies named, findings
    def agencies(self) -> None:
        for a in self.facts.agencies:
            node = self.agency(a.canonical, a.adcode, a.parent, a.adcode)
            self.add(self.doc_iri, DKG.mentionsAgency, node)

    def findings(self) -> None:
        for i, f in enumerate(self.facts.findings):
            node = ox.NamedNode(f"{self.doc_iri.value}/finding/{i + 1}")
            self.add(self.doc_iri, DKG.finding, node)
            self.add(node, RDF.type, DKG.Finding)
            self.add(node, DKG.findingKind, Literal(f.kind))
            self.add(node, RDFS.comment, Literal(f.message))
            if f.start >= 0:
                self.add(node, DKG.mention, self.mention(node.value, f.start, max(f.end, f.start)))

    def run(self) -> DocumentGraph:
        self.document()
        self.citations()
        self.domains()
        self.observations()
        self.agencies()
        self.findings()
        return DocumentGraph(self.g, self.shared, self.problems)


def document_graph(facts: DocumentFacts, minter: Minter | None = None, content_hash: str | None = None) -> DocumentGraph:
    """The triples of one document (for its named graph) and the problems met writing them.
    ``content_hash`` (of the file's bytes) marks the document built, for incremental rebuilds."""
    minter = minter or Minter()
    dg = _Writer(facts, minter, vocabulary(minter.base)).run()
    if content_hash:
        dg.triples.add((ox.NamedNode(minter.document(facts.document.source)), DKG.contentHash, Literal(content_hash)))
    return dg


__all__ = ["DocumentGraph", "document_graph", "new_graph", "to_rdflib"]
