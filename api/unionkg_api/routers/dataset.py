"""The dataset as a whole: VoID/DCAT description and full dumps (streamed)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.responses import Response, StreamingResponse
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD

from unionkg.graph.queries import named_query
from unionkg.graph.store import GraphStore, OxigraphStore
from unionkg.graph.vocab import PREFIXES, VOID
from unionkg_api.deps import StateDep
from unionkg_api.formats import GRAPH_MEDIA_TYPES, graph_format_for_entity, wants_html

router = APIRouter(tags=["dataset"])

DUMP_BATCH = 20_000  # quads per streamed chunk
RDFLIB_FORMATS = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld", "rdfxml": "xml"}
SAMPLE_EXAMPLES = 5


def vocabularies(store: GraphStore) -> list[str]:
    """Namespaces of the known prefixes that the data uses."""
    terms = [str(r["term"]) for r in store.select(named_query("api_predicates")).rows if r.get("term") is not None]
    used = []
    for ns in {str(ns) for ns in PREFIXES.values()}:
        if any(t.startswith(ns) for t in terms):
            used.append(ns)
    return sorted(used)


def source_documents(store: GraphStore) -> dict[str, str | None]:
    """Each ``ukg:SourceDocument`` once (IRI -> file name), as ``unionkg stats`` counts documents:
    the query's rows repeat a document once per graph stating a triple it joins (a publisher
    named by two documents) or per title it has."""
    out: dict[str, str | None] = {}
    for row in store.select(named_query("api_documents")).rows:
        source = str(row["source"]) if row.get("source") is not None else None
        if out.get(str(row["doc"])) is None:
            out[str(row["doc"])] = source
    return out


def void_graph(store: GraphStore, base_url: str, base_iri: str) -> Graph:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    g.bind("foaf", FOAF)
    dataset = URIRef(base_iri + "dataset")
    g.add((dataset, RDF.type, VOID.Dataset))
    g.add((dataset, RDF.type, DCAT.Dataset))
    g.add((dataset, DCTERMS.title, Literal("unionkg: budgets, final accounts and performance self-evaluations of trade-union federations", lang="en")))
    g.add((dataset, DCTERMS.title, Literal("工会部门预算、决算与绩效自评知识图谱", lang="zh")))
    g.add((dataset, DCTERMS.modified, Literal(date.today().isoformat(), datatype=XSD.date)))
    g.add((dataset, VOID.triples, Literal(store.count_triples(), datatype=XSD.integer)))
    g.add((dataset, VOID.uriSpace, Literal(base_iri)))
    endpoint = URIRef(base_url + "sparql")
    g.add((dataset, VOID.sparqlEndpoint, endpoint))
    service = URIRef(base_url + "sparql#service")
    g.add((service, RDF.type, DCAT.DataService))
    g.add((service, DCAT.endpointURL, endpoint))
    g.add((service, DCAT.servesDataset, dataset))
    g.add((dataset, DCAT.service if hasattr(DCAT, "service") else DCAT.accessService, service))
    for suffix, media in (("dump.nq", "application/n-quads"), ("dump.ttl", "text/turtle")):
        dump = URIRef(base_url + suffix)
        g.add((dataset, VOID.dataDump, dump))
        g.add((dataset, DCAT.distribution, dump))
        g.add((dump, RDF.type, DCAT.Distribution))
        g.add((dump, DCAT.downloadURL, dump))
        g.add((dump, DCAT.mediaType, Literal(media)))
    for ns in vocabularies(store):
        g.add((dataset, VOID.vocabulary, URIRef(ns)))
    documents = source_documents(store)
    g.add((dataset, VOID.documents, Literal(len(documents), datatype=XSD.integer)))
    for doc_iri, source in documents.items():
        doc = URIRef(doc_iri)
        g.add((dataset, DCTERMS.source, doc))
        if source is not None:
            g.add((doc, DCTERMS.source, Literal(source)))
    for row in store.select(named_query("api_federations")).rows[:SAMPLE_EXAMPLES]:
        g.add((dataset, VOID.exampleResource, URIRef(str(row["org"]))))
    return g


def _base_url(request: Request) -> str:
    return str(request.base_url)


@router.get("/void", summary="VoID / DCAT description of the dataset", responses={200: {"content": {m: {} for m in GRAPH_MEDIA_TYPES.values()}}})
def void(request: Request, state: StateDep, format: str | None = None) -> Response:
    accept = request.headers.get("accept")
    g = void_graph(state.store, _base_url(request), state.settings.base_iri)
    if format is None and wants_html(accept):  # a browser: a page with the figures and a link to the Turtle
        return _void_page(request, g, state.settings.base_iri)
    fmt = graph_format_for_entity(accept, format) or "turtle"
    return Response(g.serialize(format=RDFLIB_FORMATS[fmt]), media_type=GRAPH_MEDIA_TYPES[fmt], headers={"Vary": "Accept"})


def _void_page(request: Request, g: Graph, base_iri: str) -> Response:
    """The VoID description as an HTML page (the figures of the graph ``g``, its documents linked)."""
    from unionkg_api.entity_view import Linker
    from unionkg_api.templating import templates

    dataset = URIRef(base_iri + "dataset")
    linker = Linker(base_iri)
    titles = {t.language: str(t) for t in g.objects(dataset, DCTERMS.title) if isinstance(t, Literal)}
    documents = sorted(
        ({"href": linker.href(str(doc)), "name": str(g.value(doc, DCTERMS.source) or doc)} for doc in g.objects(dataset, DCTERMS.source)),
        key=lambda d: d["name"],
    )
    context = {
        "title": " · ".join(t for t in (titles.get("zh"), titles.get("en")) if t),
        "triples": str(g.value(dataset, VOID.triples) or 0),
        "documents": documents,
        "vocabularies": sorted(str(v) for v in g.objects(dataset, VOID.vocabulary)),
        "endpoint": str(g.value(dataset, VOID.sparqlEndpoint) or ""),
        "dumps": sorted(str(d) for d in g.objects(dataset, VOID.dataDump)),
        "modified": str(g.value(dataset, DCTERMS.modified) or ""),
    }
    return templates.TemplateResponse(request, "void.html", context, headers={"Vary": "Accept"})


@router.get("/.well-known/void", summary="VoID description (well-known location)", include_in_schema=False)
def well_known_void(request: Request, state: StateDep, format: str | None = None) -> Response:
    return void(request, state, format)


def _dump_chunks(store: GraphStore, rdf_format: ox.RdfFormat) -> Iterator[bytes]:
    if isinstance(store, OxigraphStore):
        batch: list[ox.Quad] = []
        prefixes = {p: str(ns) for p, ns in PREFIXES.items()} if rdf_format == ox.RdfFormat.TURTLE else None
        for quad in store.quads():
            batch.append(quad if rdf_format == ox.RdfFormat.N_QUADS else ox.Triple(quad.subject, quad.predicate, quad.object))  # type: ignore[arg-type]
            if len(batch) >= DUMP_BATCH:
                yield _serialise_batch(batch, rdf_format, prefixes)
                batch, prefixes = [], None  # prefixes once, at the top
        if batch or prefixes is not None:
            yield _serialise_batch(batch, rdf_format, prefixes)
        return
    if rdf_format == ox.RdfFormat.N_QUADS:
        yield from store.dump_nquads()
        return
    # Other stores: parse their N-Quads dump and rewrite it as Turtle.
    data = b"".join(store.dump_nquads())
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(data, format=ox.RdfFormat.N_QUADS)]
    yield _serialise_batch(triples, rdf_format, {p: str(ns) for p, ns in PREFIXES.items()})


def _serialise_batch(items: list, rdf_format: ox.RdfFormat, prefixes: dict[str, str] | None) -> bytes:  # type: ignore[type-arg]
    if prefixes:
        return ox.serialize(items, format=rdf_format, prefixes=prefixes)  # type: ignore[no-any-return]
    return ox.serialize(items, format=rdf_format) if items else b""  # type: ignore[no-any-return]


@router.get("/dump.nq", summary="The whole store as N-Quads (one named graph per document)", response_class=StreamingResponse)
def dump_nquads(state: StateDep) -> StreamingResponse:
    return StreamingResponse(_dump_chunks(state.store, ox.RdfFormat.N_QUADS), media_type="application/n-quads")


@router.get("/dump.ttl", summary="The union of all graphs as Turtle", response_class=StreamingResponse)
def dump_turtle(state: StateDep) -> StreamingResponse:
    return StreamingResponse(_dump_chunks(state.store, ox.RdfFormat.TURTLE), media_type="text/turtle")
