"""SPARQL 1.1 Graph Store HTTP Protocol at /store and /rdf-graph-store.

Reads (GET) are open; writes (PUT replaces a named graph, POST adds to it,
DELETE drops it) need the update token.  The default graph of this service is
the union of the named graphs, so only named graphs (``?graph=IRI``) can be
written.
"""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from rdflib import Graph, URIRef

from unionkg.errors import InputError, NotFoundError
from unionkg.graph.queries import named_query
from unionkg.graph.vocab import PREFIXES
from unionkg_api.deps import StateDep, require_update_token
from unionkg_api.formats import GRAPH_MEDIA_TYPES, MEDIA_TYPE_ALIASES, graph_format_for_entity
from unionkg_api.state import AppState

router = APIRouter(tags=["graph store"])

PATHS = ("/store", "/rdf-graph-store")
RDFLIB_FORMATS = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld", "rdfxml": "xml"}
GraphParam = Annotated[str | None, Query(description="IRI of the named graph")]
DefaultParam = Annotated[str | None, Query(description="The default graph (read-only here: the union of all graphs)")]


def _graph_iri(graph: str | None, default: str | None, writing: bool) -> str | None:
    if graph is None:
        if writing or default is None:
            raise InputError("name a graph with ?graph=IRI" + (" (the default graph is the read-only union of all graphs)" if writing else " or ask for ?default"))
        return None
    from unionkg_api.routers.entities import _check_iri

    return _check_iri(graph)


def _parse_body(request_media: str, body: bytes, graph_iri: str) -> Graph:
    name = next((n for n, m in GRAPH_MEDIA_TYPES.items() if m == request_media), MEDIA_TYPE_ALIASES.get(request_media))
    if name not in RDFLIB_FORMATS:
        raise InputError(f"send the graph as one of {', '.join(GRAPH_MEDIA_TYPES.values())}, not {request_media or 'no Content-Type'}")
    g = Graph()
    try:
        g.parse(data=body.decode("utf-8"), format=RDFLIB_FORMATS[name], publicID=graph_iri)
    except Exception as exc:  # noqa: BLE001 - rdflib raises many parser types
        raise InputError(f"the request body is not valid {GRAPH_MEDIA_TYPES[name]}: {str(exc)[:300]}") from exc
    return g


async def gsp_get(request: Request, state: AppState, graph: str | None, default: str | None, format: str | None) -> Response:
    iri = _graph_iri(graph, default, writing=False)
    fmt = graph_format_for_entity(request.headers.get("accept"), format) or "turtle"
    if iri is None:
        result = state.store.construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    else:
        if not state.store.has_graph(iri):
            raise NotFoundError(f"no graph {iri}")
        result = state.store.construct(named_query("api_graph_triples"), {"g": URIRef(iri)})
    for prefix, ns in PREFIXES.items():
        result.bind(prefix, ns, override=True)
    return Response(result.serialize(format=RDFLIB_FORMATS[fmt]), media_type=GRAPH_MEDIA_TYPES[fmt])


async def gsp_write(request: Request, state: AppState, graph: str | None, method: str) -> Response:
    require_update_token(request, state, "Graph Store writes")
    iri = _graph_iri(graph, None, writing=True)
    assert iri is not None
    store = state.store
    if method == "DELETE":
        existed = await asyncio.to_thread(store.remove_graph, iri)
        state.store_changed()
        if not existed:
            raise NotFoundError(f"no graph {iri}")
        return Response(status_code=204)
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    incoming = _parse_body(media, await request.body(), iri)
    existed = store.has_graph(iri)
    if method == "POST" and existed:
        incoming += store.construct(named_query("api_graph_triples"), {"g": URIRef(iri)})
    await asyncio.to_thread(store.replace_graph, iri, incoming)
    state.store_changed()
    return Response(status_code=204 if existed else 201)


for _path in PATHS:

    @router.get(_path, summary="Graph Store Protocol: read a graph", include_in_schema=_path == PATHS[0])
    async def _get(request: Request, state: StateDep, graph: GraphParam = None, default: DefaultParam = None, format: str | None = None) -> Response:
        return await gsp_get(request, state, graph, default, format)

    @router.put(_path, summary="Graph Store Protocol: replace a named graph (needs the update token)", include_in_schema=_path == PATHS[0])
    async def _put(request: Request, state: StateDep, graph: GraphParam = None) -> Response:
        return await gsp_write(request, state, graph, "PUT")

    @router.post(_path, summary="Graph Store Protocol: add to a named graph (needs the update token)", include_in_schema=_path == PATHS[0])
    async def _post(request: Request, state: StateDep, graph: GraphParam = None) -> Response:
        return await gsp_write(request, state, graph, "POST")

    @router.delete(_path, summary="Graph Store Protocol: drop a named graph (needs the update token)", include_in_schema=_path == PATHS[0])
    async def _delete(request: Request, state: StateDep, graph: GraphParam = None) -> Response:
        return await gsp_write(request, state, graph, "DELETE")
