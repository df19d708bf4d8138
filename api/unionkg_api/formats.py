"""Content negotiation: one table of result formats, one Accept parser.

A SPARQL request does not know its result form (table, boolean or graph)
until the query is parsed, so negotiation picks two formats up front, one for
tabular results and one for graph results, and the executor uses the one that
fits the query.
"""

from __future__ import annotations

from dataclasses import dataclass

# name -> media type, for SELECT and ASK results
RESULT_MEDIA_TYPES: dict[str, str] = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}

# name -> media type, for CONSTRUCT and DESCRIBE results (and entity pages, dumps)
GRAPH_MEDIA_TYPES: dict[str, str] = {
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
}

# Other media types clients send for the same formats.
MEDIA_TYPE_ALIASES: dict[str, str] = {
    "application/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
    "application/x-turtle": "turtle",
    "text/plain": "ntriples",
    "text/n-triples": "ntriples",
    "application/n-quads": "ntriples",
    "application/x-trig": "turtle",
}

# The ``format=`` parameter a browser link can carry: name -> (result format, graph format).
FORMAT_PARAMETER: dict[str, tuple[str, str]] = {
    "json": ("json", "jsonld"),
    "xml": ("xml", "rdfxml"),
    "csv": ("csv", "ntriples"),
    "tsv": ("tsv", "ntriples"),
    "turtle": ("json", "turtle"),
    "ttl": ("json", "turtle"),
    "ntriples": ("json", "ntriples"),
    "nt": ("json", "ntriples"),
    "jsonld": ("json", "jsonld"),
    "json-ld": ("json", "jsonld"),
    "rdfxml": ("xml", "rdfxml"),
    "rdf": ("xml", "rdfxml"),
}

DEFAULT_RESULT_FORMAT = "json"
DEFAULT_GRAPH_FORMAT = "turtle"


@dataclass(frozen=True)
class Negotiated:
    result_format: str
    graph_format: str


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """Media ranges of an Accept header, best first (stable for equal q)."""
    if not header:
        return []
    ranges: list[tuple[str, float, int]] = []
    for position, part in enumerate(header.split(",")):
        pieces = [p.strip() for p in part.split(";")]
        media = pieces[0].lower()
        if not media:
            continue
        q = 1.0
        for param in pieces[1:]:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if q > 0:
            ranges.append((media, q, position))
    ranges.sort(key=lambda r: (-r[1], r[2]))
    return [(m, q) for m, q, _ in ranges]


def _best(accept: list[tuple[str, float]], table: dict[str, str]) -> str | None:
    by_media = {media: name for name, media in table.items()}
    for media, _q in accept:
        if media in by_media:
            return by_media[media]
        alias = MEDIA_TYPE_ALIASES.get(media)
        if alias in table:
            return alias
    return None


def negotiate(accept_header: str | None, format_param: str | None = None) -> Negotiated:
    """Formats for a request; ``format=`` wins over Accept, unknown things fall back to defaults."""
    if format_param:
        chosen = FORMAT_PARAMETER.get(format_param.strip().lower())
        if chosen is not None:
            return Negotiated(*chosen)
        if format_param in RESULT_MEDIA_TYPES.values() or format_param in GRAPH_MEDIA_TYPES.values():
            accept_header = format_param
    accept = parse_accept(accept_header)
    return Negotiated(
        _best(accept, RESULT_MEDIA_TYPES) or DEFAULT_RESULT_FORMAT,
        _best(accept, GRAPH_MEDIA_TYPES) or DEFAULT_GRAPH_FORMAT,
    )


def wants_html(accept_header: str | None) -> bool:
    """Whether a browser asked: text/html ranks above every RDF media type."""
    for media, _q in parse_accept(accept_header):
        if media in ("text/html", "application/xhtml+xml"):
            return True
        if media in GRAPH_MEDIA_TYPES.values() or media in MEDIA_TYPE_ALIASES:
            return False
    return False


def graph_format_for_entity(accept_header: str | None, format_param: str | None) -> str | None:
    """An RDF format when the client asked for one, else None (serve HTML)."""
    if format_param:
        chosen = FORMAT_PARAMETER.get(format_param.strip().lower())
        return chosen[1] if chosen else None
    accept = parse_accept(accept_header)
    if wants_html(accept_header):
        return None
    return _best(accept, GRAPH_MEDIA_TYPES)
