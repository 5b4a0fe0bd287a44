"""File → Document → DocumentFacts: the one direction the extractors run in."""
from __future__ import annotations

import bisect
from dataclasses import replace
from pathlib import Path

from .model import Cell, Citation, Document, DocumentFacts, Finding, IssuingBody, Table
from .normalize import normalize
from .pipetables import pipe_tables
from .reader import RawText, read, read_bytes
from .recognise import unrecognised
from .sections import split_sections


def load(path: str | Path) -> Document:
    """Read and normalise one file (raises reader.ReadError naming the file on bad input)."""
    raw = read(path)
    return document_from_raw(raw)


def document_from_text(text: str, source: str = "<text>", media_type: str = "text/plain") -> Document:
    """A Document from a string (tests, notebooks)."""
    from .reader import crawler_header

    return document_from_raw(RawText(source, media_type, "utf-8", text, [], crawler_header(text)))


def document_from_raw(raw: RawText) -> Document:
    norm = normalize(raw.text)
    doc = Document(
        source=Path(raw.path).name,
        path=raw.path,
        media_type=raw.media_type,
        encoding=raw.encoding,
        original=raw.text,
        text=norm.text,
        offsets=norm.offsets,
        traditional=norm.traditional,
        header={k: normalize(v).text for k, v in raw.header.items()},
        damage=raw.damage,
    )
    doc.tables = [_map_table(t, norm.offsets, norm.text) for t in raw.tables]
    doc.tables += [t for t in pipe_tables(doc.text)
                   if not any(h.start <= t.start < h.end or t.start <= h.start < t.end for h in doc.tables)]
    doc.tables.sort(key=lambda t: t.start)
    doc.sections = split_sections(doc.text)
    return doc


def _to_normalized(offsets: list[int], original_index: int) -> int:
    """First normalised offset whose source is at or after ``original_index``."""
    return bisect.bisect_left(offsets, original_index)


def _map_table(t, offsets: list[int], text: str) -> Table:
    rows = []
    for row in t.rows:
        cells = []
        for c in row:
            start, end = _to_normalized(offsets, c.start), _to_normalized(offsets, c.end)
            cells.append(Cell(c.row, c.col, text[start:end], start, end, c.origin))
        rows.append(cells)
    return Table(rows, _to_normalized(offsets, t.start), _to_normalized(offsets, t.end))


def extract(doc: Document) -> DocumentFacts:
    """Run every extractor over one document.

    What the document is comes first; a file that is no disclosure document keeps no facts. Each
    extractor after that runs on its own: one that fails leaves an ``extractor-error`` finding
    naming it, and the document keeps what the others read."""
    from . import docinfo, metrics

    info, findings = docinfo.document_info(doc)
    facts = DocumentFacts(document=doc, info=info, findings=list(findings))
    facts.findings += [Finding("damaged-bytes", damage) for damage in doc.damage]
    why = unrecognised(doc, info)
    if why is not None:
        facts.info = replace(info, type="UnrecognisedDocument")
        facts.findings.append(Finding("unrecognised", why))
        return facts
    if info.type == "AnnualReport" and info.format is None:
        facts.info = replace(info, format=metrics.detect_format(doc, info.year))
    for step in EXTRACTORS:
        try:
            step(facts)
        except Exception as e:  # noqa: BLE001 - a bug in one extractor must not lose the others' facts
            facts.findings.append(Finding("extractor-error", f"{step.__name__} failed: {type(e).__name__}: {e}"))
    return facts


def _citations(facts: DocumentFacts) -> None:
    from . import citations

    facts.citations = citations.find_citations(facts.document, facts.info)
    facts.issuers = regulation_issuers(facts.citations, facts.info.year)


def _domains(facts: DocumentFacts) -> None:
    from . import domains

    facts.domains = domains.find_domains(facts.document)


def _metrics(facts: DocumentFacts) -> None:
    from . import metrics

    observations, findings = metrics.find_observations(facts.document, facts.info)
    facts.observations = observations
    facts.findings.extend(findings)


def _agencies(facts: DocumentFacts) -> None:
    from . import agencies

    facts.agencies = agencies.find_agencies(facts.document, facts.info)


# the extractors after the document's identity, in the order their facts are written
EXTRACTORS = (_citations, _domains, _metrics, _agencies)


def regulation_issuers(citations: list[Citation], year: int | None) -> dict[str, tuple[IssuingBody, ...]]:
    """The issuer of every regulation cited, as the citation writes it and as the authority list
    gives it, read as the bodies it names (the graph says which one a regulation was passed by)."""
    from . import agencies, regulations

    names = set()
    for c in citations:
        if c.kind != "regulation":
            continue
        entry = regulations.authority().get(c.regulation_key)
        names.update(n for n in (c.issuer, entry.issuer if entry else None) if n)
    return {name: agencies.issuing_bodies(name, year) for name in sorted(names)}


def extract_file(path: str | Path) -> DocumentFacts:
    return extract(load(path))


def load_bytes(data: bytes, path: str | Path) -> Document:
    """Read and normalise one document given as bytes (``path`` names it)."""
    return document_from_raw(read_bytes(data, path))
