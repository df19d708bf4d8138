"""Linked-data pages: /entity?iri=..., and IRIs under the base IRI at their own path.

Browsers get HTML; clients asking for Turtle, N-Triples, JSON-LD or RDF/XML
(``Accept`` or ``format=``) get the entity's triples, outgoing and incoming.
"""

from __future__ import annotations

from typing import Annotated

import pyoxigraph as ox
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from rdflib import URIRef

from unionkg.errors import InputError, NotFoundError
from unionkg.graph.queries import named_query
from unionkg.graph.vocab import PREFIXES
from unionkg_api.deps import StateDep
from unionkg_api.entity_view import build_entity_view
from unionkg_api.formats import GRAPH_MEDIA_TYPES, graph_format_for_entity
from unionkg_api.state import AppState
from unionkg_api.templating import templates

router = APIRouter(tags=["entities"])

RDFLIB_FORMATS = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld", "rdfxml": "xml"}
ENTITY_RESPONSES = {200: {"description": "HTML page, or the entity's triples", "content": {m: {} for m in ["text/html", *GRAPH_MEDIA_TYPES.values()]}}}


def _check_iri(iri: str) -> str:
    """An absolute IRI, checked by the RDF library's own IRI parser."""
    iri = iri.strip()
    try:
        ox.NamedNode(iri)
    except ValueError as exc:
        raise InputError(f"not an absolute IRI: {iri[:200]!r} ({exc})") from exc
    if ":" not in iri:
        raise InputError(f"not an absolute IRI: {iri[:200]!r}")
    return iri


def render_entity(request: Request, state: AppState, iri: str, format_param: str | None) -> Response:
    iri = _check_iri(iri)
    fmt = graph_format_for_entity(request.headers.get("accept"), format_param)
    if fmt is not None:
        graph = state.store.construct(named_query("api_entity_describe"), {"iri": URIRef(iri)})
        if len(graph) == 0:
            raise NotFoundError(f"{iri} is not in the graph")
        for prefix, ns in PREFIXES.items():
            graph.bind(prefix, ns, override=True)
        body = graph.serialize(format=RDFLIB_FORMATS[fmt])
        return Response(body, media_type=GRAPH_MEDIA_TYPES[fmt], headers={"Vary": "Accept"})
    view = build_entity_view(state.store, iri, state.settings.base_iri)
    return templates.TemplateResponse(request, "entity.html", {"view": view, "title": view.label}, headers={"Vary": "Accept"})


@router.get("/entity", response_class=HTMLResponse, responses=ENTITY_RESPONSES, summary="Describe any IRI of the graph")
def entity(
    request: Request,
    state: StateDep,
    iri: Annotated[str, Query(description="The IRI to describe", min_length=1)],
    format: Annotated[str | None, Query(description="turtle | ntriples | jsonld | rdfxml (overrides Accept)")] = None,
) -> Response:
    return render_entity(request, state, iri, format)


def _local_route(space: str):  # type: ignore[no-untyped-def]
    def handler(
        request: Request,
        state: StateDep,
        path: str,
        format: Annotated[str | None, Query(description="turtle | ntriples | jsonld | rdfxml")] = None,
    ) -> Response:
        return render_entity(request, state, f"{state.settings.base_iri}{space}/{path}", format)

    handler.__name__ = f"dereference_{space}"
    return handler


for _space in ("id", "data", "def"):
    router.add_api_route(
        f"/{_space}/{{path:path}}",
        _local_route(_space),
        methods=["GET"],
        response_class=HTMLResponse,
        responses=ENTITY_RESPONSES,
        summary=f"Dereference an IRI under <base>{_space}/",
    )
