"""Query results, whatever the store: written in the W3C result formats, as a plain table, or as
a typed pandas DataFrame.

Every store hands back pyoxigraph results (``QuerySolutions``, ``QueryBoolean`` or
``QueryTriples``): the embedded store directly, a remote endpoint by parsing the JSON it answers
with. Oxigraph's own serialisers write CSV, TSV, JSON and XML, so datatypes and language tags
come out as the SPARQL 1.1 result formats define them.
"""
from __future__ import annotations

import datetime
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from typing import IO, Union

import pyoxigraph as ox

from .. import ontology
from .errors import UserError

Result = Union[ox.QuerySolutions, ox.QueryBoolean, ox.QueryTriples]

RESULT_FORMATS = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                  "json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML}
GRAPH_FORMATS = {"nt": ox.RdfFormat.N_TRIPLES, "ttl": ox.RdfFormat.TURTLE}
FORMATS = ("table", *RESULT_FORMATS, *GRAPH_FORMATS)

XSD = "http://www.w3.org/2001/XMLSchema#"
INTEGER_TYPES = {XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                                   "positiveInteger", "nonPositiveInteger", "negativeInteger",
                                   "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}
DECIMAL_TYPES = {XSD + t for t in ("decimal", "double", "float")}


@dataclass
class Table:
    """A SELECT result as plain values: column names and rows (None where unbound)."""

    columns: list[str]
    rows: list[list[str | None]]


def plain(term) -> str | None:
    """A term's lexical value (IRIs as they are, blank nodes as _:id)."""
    if term is None:
        return None
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def to_table(result: Result) -> Table:
    if isinstance(result, ox.QueryBoolean):
        return Table(["result"], [["true" if bool(result) else "false"]])
    if not isinstance(result, ox.QuerySolutions):
        raise UserError("a CONSTRUCT or DESCRIBE query returns a graph, not a table: use --format nt or ttl")
    columns = [v.value for v in result.variables]
    return Table(columns, [[plain(sol[c]) for c in columns] for sol in result])


def write(result: Result, fmt: str, out: IO[bytes]) -> None:
    """Write a result in one of FORMATS to a binary stream."""
    if not isinstance(result, (ox.QuerySolutions, ox.QueryBoolean)):  # CONSTRUCT, DESCRIBE
        ox.serialize(result, out, GRAPH_FORMATS.get(fmt, ox.RdfFormat.N_TRIPLES))
    elif fmt in RESULT_FORMATS:
        result.serialize(out, RESULT_FORMATS[fmt])
    elif fmt == "table":
        out.write(render_table(to_table(result)).encode("utf-8"))
    else:
        raise UserError(f"--format {fmt} is for CONSTRUCT queries; a SELECT or ASK result is table, csv, tsv, json or xml")


def render_table(table: Table) -> str:
    """Aligned columns for a terminal (CJK characters count two columns)."""
    cells = [[("" if v is None else _shorten(v)) for v in row] for row in table.rows]
    widths = [max([_width(c)] + [_width(r[i]) for r in cells]) for i, c in enumerate(table.columns)]
    lines = ["  ".join(_pad(c, w) for c, w in zip(table.columns, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(_pad(c, w) for c, w in zip(r, widths)).rstrip() for r in cells]
    lines.append(f"({len(cells)} rows)")
    return "\n".join(lines) + "\n"


def _shorten(v: str) -> str:
    if v.startswith(ontology.BASE):
        return "…/" + v[len(ontology.BASE):]
    return v if len(v) <= 60 else v[:57] + "…"


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s: str, w: int) -> str:
    return s + " " * (w - _width(s))


# ---------------------------------------------------------------- typed values, for pandas

def python_value(term, prefixes: dict[str, str] | None = None):
    """A term as the Python value an analyst computes with: numbers as int or Decimal, years as
    int, dates as datetime.date, booleans as bool, IRIs shortened with ``prefixes``."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return shorten_iri(term.value, prefixes or {})
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    datatype = term.datatype.value if term.datatype is not None else ""
    try:
        if datatype in INTEGER_TYPES:
            return int(term.value)
        if datatype in DECIMAL_TYPES:
            return Decimal(term.value)
        if datatype == XSD + "gYear":
            return int(term.value[:5] if term.value.startswith("-") else term.value[:4])
        if datatype == XSD + "boolean":
            return term.value in ("true", "1")
        if datatype == XSD + "date":
            return datetime.date.fromisoformat(term.value[:10])
        if datatype == XSD + "dateTime":
            return datetime.datetime.fromisoformat(term.value.replace("Z", "+00:00"))
    except ValueError:  # an ill-typed literal stays its lexical form
        return term.value
    return term.value


def shorten_iri(iri: str, prefixes: dict[str, str]) -> str:
    """prefix:local with the longest matching namespace; the IRI itself where none matches."""
    best = max((ns for ns in prefixes.values() if iri.startswith(ns)), key=len, default=None)
    if best is None:
        return iri
    prefix = next(p for p, ns in prefixes.items() if ns == best)
    return f"{prefix}:{iri[len(best):]}"


def to_dataframe(result: Result, prefixes: dict[str, str] | None = None):
    """A SELECT result as a pandas DataFrame with typed columns: whole numbers as Int64, other
    numbers as Float64, years as Int64, dates as datetime64, booleans as boolean, everything
    else as strings (IRIs shortened)."""
    import pandas as pd

    if isinstance(result, ox.QueryBoolean):
        return pd.DataFrame({"result": pd.array([bool(result)], dtype="boolean")})
    if not isinstance(result, ox.QuerySolutions):
        raise UserError("a CONSTRUCT or DESCRIBE query returns a graph, not a table")
    columns = [v.value for v in result.variables]
    values: dict[str, list] = {c: [] for c in columns}
    for sol in result:
        for c in columns:
            values[c].append(python_value(sol[c], prefixes))
    data = {c: _column(values[c]) for c in columns}
    return pd.DataFrame(data, columns=columns)


def _column(vals: list):
    import pandas as pd

    present = [v for v in vals if v is not None]
    if present and all(isinstance(v, bool) for v in present):
        return pd.array(vals, dtype="boolean")
    if present and all(isinstance(v, (int, Decimal)) and not isinstance(v, bool) for v in present):
        if all(v == int(v) for v in present):
            return pd.array([None if v is None else int(v) for v in vals], dtype="Int64")
        return pd.array([None if v is None else float(v) for v in vals], dtype="Float64")
    if present and all(isinstance(v, datetime.date) for v in present):
        return pd.to_datetime(pd.Series(vals, dtype="object"))
    if all(isinstance(v, str) for v in present):
        return pd.array(vals, dtype="string")
    return pd.Series(vals, dtype="object")
