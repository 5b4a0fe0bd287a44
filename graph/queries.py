"""The analyst's query library: named .rq files in queries/, parameters bound safely.

Each .rq starts with comment lines: the question it answers, its columns, and any parameters as
``# param: NAME — what it is``. Parameters are bound by a VALUES block opening the outermost WHERE,
its terms written by rdflib (escaped), so a value can never change the query's structure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from rdflib import Literal, URIRef

from .errors import UserError

QUERY_PACKAGE = "disclosure_kg.queries"
_PARAM = re.compile(r"^#\s*param:\s*(\w+)\s*[—-]?\s*(.*)$", re.M)
_WHERE = re.compile(r"\bWHERE\s*\{", re.I)
_IRI_OK = re.compile(r'^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>"{}|^`\\]*$')
# what is not query structure: strings, IRIs and comments (a SERVICE inside them calls nothing)
_NOT_STRUCTURE = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                            r'|<[^<>"{}|^`\\\s]*>|#[^\n]*')
_SERVICE = re.compile(r"(?<![?$:\w-])SERVICE\b", re.I)  # not ?service, not ex:service


@dataclass(frozen=True)
class NamedQuery:
    name: str
    text: str
    path: str

    @property
    def description(self) -> str:
        lines = []
        for line in self.text.splitlines():
            if not line.startswith("#"):
                break
            lines.append(line.lstrip("# ").rstrip())
        return "\n".join(lines)

    @property
    def params(self) -> dict[str, str]:
        return {m.group(1): m.group(2).strip() for m in _PARAM.finditer(self.text)}


def library() -> dict[str, NamedQuery]:
    out = {}
    for f in resources.files(QUERY_PACKAGE).iterdir():
        if f.name.endswith(".rq"):
            name = f.name[:-3]
            out[name] = NamedQuery(name, f.read_text("utf-8"), str(f))
    return dict(sorted(out.items()))


def resolve(name_or_file: str) -> NamedQuery:
    """A named query of the library, or a .rq file path."""
    lib = library()
    if name_or_file in lib:
        return lib[name_or_file]
    p = Path(name_or_file)
    if p.suffix == ".rq" and p.is_file():
        return NamedQuery(p.stem, p.read_text("utf-8"), str(p))
    raise UserError(f"no query named {name_or_file!r}; known: {', '.join(lib)} (or give a path to a .rq file)")


def calls_service(text: str) -> bool:
    """Whether a query sends part of itself to another endpoint (SPARQL 1.1 Federated Query)."""
    return _SERVICE.search(_NOT_STRUCTURE.sub(" ", text)) is not None


def refuse_service(query: NamedQuery, allowed: bool = False) -> None:
    """A query file from elsewhere may carry SERVICE, which makes the store send requests (and
    the data bound in them) to any server: refused unless the user allows it."""
    if not allowed and calls_service(query.text):
        raise UserError(f"{query.path}: the query calls another endpoint (SERVICE), which could send requests "
                        f"and data anywhere; run it with --allow-service if you trust it")


def term(value: str):
    """A parameter value as an RDF term: an absolute IRI stays an IRI, anything else a literal."""
    if re.match(r"^https?://", value) and _IRI_OK.match(value):
        return URIRef(value)
    return Literal(value)


def bind(query: NamedQuery, values: dict[str, str]) -> str:
    """The query text with parameters bound; unknown or missing parameters are errors. A
    parameter is bound where the query holds ``VALUES ?name { UNDEF }`` (so it can sit inside a
    sub-select), else by a VALUES block opening the outermost WHERE."""
    values = dict(values)
    declared = query.params
    unknown = sorted(set(values) - set(declared))
    if unknown:
        raise UserError(f"query {query.name} has no parameter {', '.join(unknown)}; it takes: {', '.join(declared) or 'none'}")
    missing = sorted(set(declared) - set(values))
    if missing:
        raise UserError(f"query {query.name} needs --param {missing[0]}=VALUE ({declared[missing[0]]})")
    if not values:
        return query.text
    text = query.text
    for name in sorted(values):  # a query may say where a parameter is bound: VALUES ?name { UNDEF }
        placeholder = re.compile(r"VALUES\s+\?" + re.escape(name) + r"\s*\{\s*UNDEF\s*\}")
        text, found = placeholder.subn(lambda m: f"VALUES ?{name} {{ {term(values[name]).n3()} }}", text)
        if found:
            del values[name]
    if not values:
        return text
    query = NamedQuery(query.name, text, query.path)
    names = sorted(values)
    row = " ".join(term(values[n]).n3() for n in names)
    block = f"\n  VALUES ({' '.join('?' + n for n in names)}) {{ ({row}) }}"
    # Inside the outermost WHERE, so FILTERs see the binding (a trailing VALUES is joined after them).
    m = _WHERE.search(query.text)
    if m is None:
        raise UserError(f"query {query.name} has parameters but no WHERE clause to bind them in")
    return query.text[: m.end()] + block + query.text[m.end():]
