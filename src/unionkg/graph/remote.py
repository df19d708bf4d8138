"""A :class:`~unionkg.graph.store.GraphStore` on a remote SPARQL 1.1 server.

Queries go over the SPARQL 1.1 Protocol (form-encoded POST to the query
URL, JSON results for SELECT/ASK, N-Triples or Turtle for CONSTRUCT).
Documents are loaded over the SPARQL 1.1 Graph Store HTTP Protocol: one PUT
of the whole named graph per document, so that re-ingesting a document
replaces it and never duplicates it; DELETE removes it.  A server without a
Graph Store endpoint is written to with SPARQL Update instead
(``DROP SILENT GRAPH`` + ``INSERT DATA`` in one request).

Every tested server (Oxigraph server, Virtuoso) and the ones documented in
``docs/remote-stores.md`` must be configured so that the default graph of a
query is the union of the named graphs (Oxigraph: ``--union-default-graph``;
Virtuoso does this by default).

Parameters are bound with a VALUES block of serialised RDF terms placed at
the start of the query's outer group (see :func:`inline_values`), never by
formatting user text into the query.

A shared server holds other graphs too (Virtuoso keeps its own system
graphs), so :meth:`RemoteStore.graphs` and :meth:`RemoteStore.count_triples`
only see the graphs unionkg writes: those whose IRI starts with the
configured base IRI or with ``urn:unionkg:``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

import httpx
import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from unionkg.errors import QuerySyntaxError, QueryTimeoutError, StoreError
from unionkg.graph.store import SelectResult, from_ox, patch_update_text, to_ox, values_block, with_values
from unionkg.settings import Settings

# Graph IRIs unionkg writes besides those under the base IRI (ontology,
# findings; see unionkg.graph.store).
UNIONKG_GRAPH_PREFIXES = ("urn:unionkg:",)

SPARQL_JSON = "application/sparql-results+json"
# N-Triples first (cheap to parse); Turtle is what some servers default to.
CONSTRUCT_ACCEPT = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"
# N-Triples is a subset of Turtle; every Graph Store implementation we know
# accepts text/turtle, not all accept application/n-triples.
GSP_CONTENT_TYPE = "text/turtle; charset=utf-8"

# Seconds to wait for a TCP connection, separate from the query time limit.
CONNECT_TIMEOUT_S = 5.0
# Extra seconds granted beyond the query limit for transfer of the response.
RESPONSE_GRACE_S = 5.0
# Longest server message quoted back in an error.
MAX_SERVER_MESSAGE = 300

RESULT_MEDIA_TYPES: dict[str, ox.RdfFormat] = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,  # old servers label N-Triples so
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}


@dataclass(frozen=True)
class Endpoints:
    """Where a server answers queries, updates and Graph Store requests."""

    query: str
    update: str
    gsp: str | None  # None: write through SPARQL Update instead

    @classmethod
    def from_settings(cls, settings: Settings) -> "Endpoints":
        query = settings.store
        return cls(query=query, update=settings.remote_update_url or query, gsp=settings.remote_gsp_url)


def redact(url: str) -> str:
    """``url`` without user info, so that no password reaches a message."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


# ------------------------------------------------------------ query rewriting


def _skip_string(text: str, i: int) -> int:
    """Index just after the string literal starting at ``text[i]``."""
    quote = text[i]
    long_quote = quote * 3
    if text.startswith(long_quote, i):
        end = text.find(long_quote, i + 3)
        return len(text) if end < 0 else end + 3
    j = i + 1
    while j < len(text) and text[j] != quote:
        j += 2 if text[j] == "\\" else 1
    return j + 1


def _skip_iri(text: str, i: int) -> int | None:
    """Index after an IRI reference ``<...>`` at ``i``, or None for a ``<`` operator."""
    j = i + 1
    while j < len(text):
        c = text[j]
        if c == ">":
            return j + 1
        if c.isspace() or c in "<\"{}|^`":
            return None
        j += 1
    return None


def _outer_group_start(sparql: str) -> int | None:
    """Index just after the ``{`` opening the outer WHERE group, if found.

    Scans tokens, skipping comments, strings and IRIs: the group is the one
    after the ``WHERE`` keyword at depth 0, or, when the query omits
    ``WHERE``, the first group at depth 0 (a CONSTRUCT template is skipped
    because it is followed by ``WHERE``).
    """
    depth = 0
    first_group: int | None = None
    saw_where = False
    i = 0
    n = len(sparql)
    while i < n:
        c = sparql[i]
        if c == "#":
            nl = sparql.find("\n", i)
            i = n if nl < 0 else nl + 1
            continue
        if c in "\"'":
            i = _skip_string(sparql, i)
            continue
        if c == "<":
            end = _skip_iri(sparql, i)
            i = end if end is not None else i + 1
            continue
        if c == "{":
            if depth == 0:
                if saw_where:
                    return i + 1
                if first_group is None:
                    first_group = i + 1
            depth += 1
        elif c == "}":
            depth -= 1
        elif depth == 0 and c in "wW" and sparql[i : i + 5].upper() == "WHERE":
            before = sparql[i - 1] if i else " "
            after = sparql[i + 5] if i + 5 < n else " "
            if not (before.isalnum() or before in "_?$:") and not (after.isalnum() or after in "_:"):
                saw_where = True
                i += 5
                continue
        i += 1
    return first_group


def inline_values(sparql: str, bindings: Mapping[str, Node]) -> str:
    """Bind variables with a VALUES block at the start of the outer group.

    Placed there (rather than after the query) the block constrains
    variables that are not projected, and servers use it to drive the join
    instead of evaluating the whole pattern first.  The values are RDF terms
    serialised with ``n3()``, never user text.
    """
    if not bindings:
        return sparql
    start = _outer_group_start(sparql)
    if start is None:
        return with_values(sparql, bindings)
    names = list(bindings)
    head = " ".join(f"?{name}" for name in names)
    row = " ".join(_term_n3(bindings[name]) for name in names)
    return f"{sparql[:start]} VALUES ({head}) {{ ({row}) }} {sparql[start:]}"


def inline_values_rows(sparql: str, names: Sequence[str], rows: Sequence[Sequence[Node]]) -> str:
    """A multi-row VALUES block (:func:`unionkg.graph.store.values_block`) at the start
    of the outer group, as :func:`inline_values` places a single row; after the query
    when it has no group."""
    block = values_block(names, rows)
    start = _outer_group_start(sparql)
    if start is None:
        return f"{sparql}\n{block}"
    return f"{sparql[:start]} {block} {sparql[start:]}"


def _term_n3(term: Node) -> str:
    if isinstance(term, (URIRef, Literal)):
        return term.n3()
    raise QuerySyntaxError(f"cannot bind a blank node ({term}) in a query to a remote store")


# ------------------------------------------------------------ result parsing


def term_from_json(value: Mapping[str, str]) -> Node:
    """An rdflib term from one SPARQL 1.1 JSON results binding."""
    kind = value.get("type")
    text = value.get("value", "")
    if kind == "uri":
        return URIRef(text)
    if kind == "bnode":
        return BNode(text)
    if kind in ("literal", "typed-literal"):
        lang = value.get("xml:lang") or value.get("lang")
        if lang:
            return Literal(text, lang=lang)
        datatype = value.get("datatype")
        if datatype and datatype != "http://www.w3.org/2001/XMLSchema#string":
            return Literal(text, datatype=URIRef(datatype))
        return Literal(text)
    raise StoreError(f"unexpected term type {kind!r} in SPARQL JSON results")


def select_from_json(payload: Mapping[str, object]) -> SelectResult:
    head = payload.get("head")
    results = payload.get("results")
    if not isinstance(head, Mapping) or not isinstance(results, Mapping):
        raise StoreError("the SPARQL endpoint did not return SELECT results (no head/results in the JSON)")
    variables = [str(v) for v in head.get("vars", [])]
    rows: list[dict[str, Node | None]] = []
    for binding in results.get("bindings", []):
        rows.append({name: term_from_json(binding[name]) if name in binding else None for name in variables})
    return SelectResult(variables, rows)


def graph_from_rdf(data: bytes, media_type: str) -> Graph:
    rdf_format = RESULT_MEDIA_TYPES.get(media_type)
    if rdf_format is None:
        raise StoreError(f"the SPARQL endpoint answered a CONSTRUCT query with unsupported media type {media_type!r}")
    out = Graph()
    try:
        for triple in ox.parse(data, format=rdf_format):
            out.add((from_ox(triple.subject), from_ox(triple.predicate), from_ox(triple.object)))  # type: ignore[arg-type]
    except SyntaxError as exc:
        raise StoreError(f"the SPARQL endpoint returned unparsable {media_type}: {exc}") from exc
    return out


def serialize_ntriples(triples: Graph) -> bytes:
    """N-Triples (UTF-8) of an rdflib graph, through Oxigraph's fast writer."""
    oxt = [ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in triples]  # type: ignore[arg-type]
    return ox.serialize(oxt, format=ox.RdfFormat.N_TRIPLES) or b""


# ------------------------------------------------------------ the store


class RemoteStore:
    """A SPARQL 1.1 server reached over HTTP; see the module docstring."""

    def __init__(
        self,
        endpoints: Endpoints,
        *,
        base_iri: str,
        auth: httpx.Auth | None = None,
        timeout_s: float = 10.0,
        transport: httpx.BaseTransport | None = None,
    ):
        self.endpoints = endpoints
        self.graph_prefixes = (base_iri, *UNIONKG_GRAPH_PREFIXES)
        self.timeout_s = timeout_s
        timeout = httpx.Timeout(timeout_s + RESPONSE_GRACE_S, connect=CONNECT_TIMEOUT_S)
        self._client = httpx.Client(auth=auth, timeout=timeout, transport=transport, follow_redirects=True)

    @classmethod
    def from_settings(cls, settings: Settings) -> "RemoteStore":
        return cls(
            Endpoints.from_settings(settings),
            base_iri=settings.base_iri,
            auth=auth_from_settings(settings),
            timeout_s=settings.query_timeout_s,
        )

    # -- HTTP
    def _send(self, method: str, url: str, what: str, **kwargs: object) -> httpx.Response:
        try:
            response = self._client.request(method, url, **kwargs)  # type: ignore[arg-type]
        except httpx.TimeoutException as exc:
            raise QueryTimeoutError(f"{what} at {redact(url)} did not answer within {self.timeout_s:g} s") from exc
        except httpx.TransportError as exc:
            raise StoreError(f"cannot reach the SPARQL server at {redact(url)} ({what}): {exc}") from exc
        if response.status_code >= 400 and not (method == "DELETE" and response.status_code == 404):
            raise http_error(response, url, what)
        return response

    def _query(self, sparql: str, accept: str, bindings: Mapping[str, Node] | None) -> httpx.Response:
        text = inline_values(sparql, bindings) if bindings else sparql
        return self._send("POST", self.endpoints.query, "query", data={"query": text}, headers={"Accept": accept})

    def _update(self, sparql: str) -> None:
        self._send("POST", self.endpoints.update, "update", data={"update": sparql})

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update on the server's update endpoint (a maintenance step)."""
        self._update(sparql)

    # -- reading
    def select(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> SelectResult:
        response = self._query(sparql, SPARQL_JSON, bindings)
        return select_from_json(_json(response))

    def select_values(self, sparql: str, names: Sequence[str], rows: Sequence[Sequence[Node]]) -> SelectResult:
        """``sparql`` with ``rows`` bound by a VALUES block placed in its outer group (:func:`inline_values_rows`)."""
        text = inline_values_rows(sparql, names, rows)
        response = self._send("POST", self.endpoints.query, "query", data={"query": text}, headers={"Accept": SPARQL_JSON})
        return select_from_json(_json(response))

    def ask(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> bool:
        payload = _json(self._query(sparql, SPARQL_JSON, bindings))
        if "boolean" not in payload:
            raise QuerySyntaxError("expected an ASK query")
        return bool(payload["boolean"])

    def construct(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> Graph:
        response = self._query(sparql, CONSTRUCT_ACCEPT, bindings)
        media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if media_type in ("application/sparql-results+json", "application/json"):
            raise QuerySyntaxError("expected a CONSTRUCT or DESCRIBE query")
        return graph_from_rdf(response.content, media_type)

    def has_graph(self, graph: str) -> bool:
        return self.ask("ASK { GRAPH ?g { ?s ?p ?o } }", {"g": URIRef(graph)})

    def graphs(self) -> list[str]:
        result = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        names = (str(row["g"]) for row in result.rows if row.get("g") is not None)
        return sorted(g for g in names if g.startswith(self.graph_prefixes))

    def count_triples(self, graph: str | None = None) -> int:
        if graph is not None:
            result = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": URIRef(graph)})
            return int(result.values()[0]["n"])  # type: ignore[call-overload]
        result = self.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        return sum(int(row["n"]) for row in result.values() if str(row["g"]).startswith(self.graph_prefixes))  # type: ignore[call-overload]

    def dump_nquads(self) -> Iterator[bytes]:
        """N-Quads of every unionkg graph, one graph per chunk."""
        for graph in self.graphs():
            triples = self.construct("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": URIRef(graph)})
            g = ox.NamedNode(graph)
            quads = [ox.Quad(to_ox(s), to_ox(p), to_ox(o), g) for s, p, o in triples]  # type: ignore[arg-type]
            yield ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""

    # -- writing
    def replace_graph(self, graph: str, triples: Graph) -> None:
        """Replace a named graph in one request (a Graph Store PUT)."""
        body = serialize_ntriples(triples)
        if self.endpoints.gsp is None:
            g = URIRef(graph).n3()
            self._update(f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{body.decode('utf-8')}\n}} }}")
            return
        if not body:
            # An empty PUT is refused by some servers; an empty graph is no graph.
            self.remove_graph(graph)
            return
        self._send(
            "PUT",
            self.endpoints.gsp,
            "graph store PUT",
            params={"graph": graph},
            content=body,
            headers={"Content-Type": GSP_CONTENT_TYPE},
        )

    def patch_graph(self, graph: str, remove: Iterable[ox.Quad], add: Iterable[ox.Quad]) -> None:
        """Remove some triples of ``graph`` and add others in one SPARQL Update request
        (``DELETE DATA`` then ``INSERT DATA``), for small changes of a large graph
        (the findings of a few bodies).  Serialised RDF terms only; no blank nodes."""
        gone, came = list(remove), list(add)
        if any(isinstance(t, ox.BlankNode) for q in [*gone, *came] for t in (q.subject, q.object)):
            raise StoreError(f"patch of {graph}: blank nodes cannot be named in DELETE DATA / INSERT DATA")
        update = patch_update_text(graph, gone, came)
        if update:
            self._update(update)

    def remove_graph(self, graph: str) -> bool:
        existed = self.has_graph(graph)
        if not existed:
            return False
        if self.endpoints.gsp is None:
            self._update(f"DROP SILENT GRAPH {URIRef(graph).n3()}")
        else:
            self._send("DELETE", self.endpoints.gsp, "graph store DELETE", params={"graph": graph})
        return True

    def close(self) -> None:
        self._client.close()


def auth_from_settings(settings: Settings) -> httpx.Auth | None:
    if not settings.remote_user:
        return None
    password = settings.remote_password or ""
    kind = settings.remote_auth.lower()
    if kind == "digest":
        return httpx.DigestAuth(settings.remote_user, password)
    if kind == "basic":
        return httpx.BasicAuth(settings.remote_user, password)
    raise StoreError(f"unknown remote_auth {settings.remote_auth!r} (UNIONKG_REMOTE_AUTH); use basic or digest")


def http_error(response: httpx.Response, url: str, what: str) -> Exception:
    """The unionkg error for a failed HTTP exchange, quoting the server briefly."""
    status = response.status_code
    message = " ".join(response.text.split())[:MAX_SERVER_MESSAGE]
    where = f"{what} at {redact(url)}"
    if status in (401, 403):
        return StoreError(
            f"{where} was refused (HTTP {status}): check UNIONKG_REMOTE_USER, UNIONKG_REMOTE_PASSWORD "
            "and UNIONKG_REMOTE_AUTH (basic|digest)"
        )
    if status == 400:
        return QuerySyntaxError(f"{where} was rejected as malformed (HTTP 400): {message}")
    if status in (408, 504):
        return QueryTimeoutError(f"{where} timed out on the server (HTTP {status})")
    if status == 404:
        return StoreError(f"{where}: no such endpoint (HTTP 404); check the store URL and UNIONKG_REMOTE_*_URL")
    return StoreError(f"{where} failed (HTTP {status}): {message}")


def _json(response: httpx.Response) -> dict[str, object]:
    try:
        payload = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        kind = response.headers.get("content-type", "?")
        raise StoreError(f"the SPARQL endpoint did not answer with JSON results (got {kind})") from exc
    if not isinstance(payload, dict):
        raise StoreError("the SPARQL endpoint returned JSON that is not a results object")
    return payload
