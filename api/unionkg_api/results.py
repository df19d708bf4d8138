"""Serialise SPARQL results with a row cap.

pyoxigraph can serialise a whole result set, but the service must stop at
``max_rows`` and say so, so SELECT results are written here from the rows that
were actually read (the formats are small and fully specified).  Graph results
are capped first and then handed to ``pyoxigraph.serialize``.

Everything in this module is also used inside the query worker processes, so
it imports nothing from the web framework.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

Row = Sequence[object | None]


@dataclass(frozen=True)
class SerialisedResult:
    """Bytes ready to send, with what the client needs to know about them."""

    body: bytes
    media_type: str
    form: str  # "select" | "ask" | "graph"
    count: int  # rows or triples written
    truncated: bool


# ------------------------------------------------------------------ terms


def term_json(term: object) -> dict[str, object]:
    """A term as a SPARQL 1.1 JSON results binding."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, object] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value not in (XSD_STRING, RDF_LANG_STRING):
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {
            "type": "triple",
            "value": {"subject": term_json(term.subject), "predicate": term_json(term.predicate), "object": term_json(term.object)},
        }
    return {"type": "literal", "value": str(term)}


def term_plain(term: object | None) -> str:
    """A term as the SPARQL CSV format writes it: the bare value."""
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    value = getattr(term, "value", None)
    return value if isinstance(value, str) else str(term)


def term_xml(term: object) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value not in (XSD_STRING, RDF_LANG_STRING):
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    return f"<literal>{escape(str(term))}</literal>"


# ------------------------------------------------------------ SELECT / ASK


def select_json(variables: list[str], rows: Iterable[Row], truncated: bool, max_rows: int) -> bytes:
    bindings = [{v: term_json(t) for v, t in zip(variables, row) if t is not None} for row in rows]
    doc: dict[str, object] = {"head": {"vars": variables}, "results": {"bindings": bindings}}
    if truncated:
        # An extra top-level member: SPARQL clients ignore it, people see it.
        doc["unionkg"] = {"truncated": True, "maxRows": max_rows}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def select_xml(variables: list[str], rows: Iterable[Row], truncated: bool, max_rows: int) -> bytes:
    out = ['<?xml version="1.0" encoding="utf-8"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "<head>"]
    out += [f"<variable name={quoteattr(v)}/>" for v in variables]
    if truncated:
        out.append(f'<link href="urn:unionkg:truncated:max-rows:{max_rows}"/>')
    out.append("</head><results>")
    for row in rows:
        cells = "".join(f"<binding name={quoteattr(v)}>{term_xml(t)}</binding>" for v, t in zip(variables, row) if t is not None)
        out.append(f"<result>{cells}</result>")
    out.append("</results></sparql>")
    return "\n".join(out).encode("utf-8")


def select_csv(variables: list[str], rows: Iterable[Row], truncated: bool, max_rows: int) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(variables)
    for row in rows:
        writer.writerow([term_plain(t) for t in row])
    return buf.getvalue().encode("utf-8")


def select_tsv(variables: list[str], rows: Iterable[Row], truncated: bool, max_rows: int) -> bytes:
    lines = ["\t".join(f"?{v}" for v in variables)]
    # str() of a pyoxigraph term is its N-Triples form, escapes included.
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def ask_body(value: bool, fmt: str) -> bytes:
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": value}).encode()
    if fmt == "xml":
        return (
            '<?xml version="1.0" encoding="utf-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
            f"<head/><boolean>{'true' if value else 'false'}</boolean></sparql>"
        ).encode()
    return ("true" if value else "false").encode() + (b"\r\n" if fmt == "csv" else b"\n")


SELECT_WRITERS = {"json": select_json, "xml": select_xml, "csv": select_csv, "tsv": select_tsv}

# ------------------------------------------------------------------ graphs

GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}


def graph_body(triples: list[ox.Triple], fmt: str, prefixes: dict[str, str] | None = None) -> bytes:
    rdf_format = GRAPH_FORMATS[fmt]
    kwargs: dict[str, object] = {}
    if prefixes and fmt in ("turtle", "rdfxml"):
        kwargs["prefixes"] = prefixes
    return ox.serialize(triples, format=rdf_format, **kwargs)  # type: ignore[no-any-return, arg-type]
