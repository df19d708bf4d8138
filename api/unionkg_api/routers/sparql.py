"""The SPARQL 1.1 Protocol endpoint at /sparql (query and, with a token, update)."""

from __future__ import annotations

import asyncio
from functools import cache
from typing import Annotated
from urllib.parse import parse_qs

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response

from unionkg.errors import InputError, StoreError
from unionkg.graph.store import OxigraphStore
from unionkg.graph.vocab import PREFIXES
from unionkg_api.deps import StateDep, require_update_token
from unionkg_api.executor import QueryJob, check_query
from unionkg_api.formats import negotiate, wants_html
from unionkg_api.state import AppState

router = APIRouter(tags=["sparql"])

FORM_MEDIA_TYPE = "application/x-www-form-urlencoded"
QUERY_MEDIA_TYPE = "application/sparql-query"
UPDATE_MEDIA_TYPE = "application/sparql-update"

SPARQL_BODY_DOC = {
    "requestBody": {
        "content": {
            FORM_MEDIA_TYPE: {
                "schema": {
                    "type": "object",
                    "properties": {
                        "query": {"type": "string"},
                        "update": {"type": "string"},
                        "default-graph-uri": {"type": "array", "items": {"type": "string"}},
                        "named-graph-uri": {"type": "array", "items": {"type": "string"}},
                    },
                }
            },
            QUERY_MEDIA_TYPE: {"schema": {"type": "string"}},
            UPDATE_MEDIA_TYPE: {"schema": {"type": "string"}},
        }
    }
}

RESULT_MEDIA_DOC = {
    "200": {
        "description": "Query results (SELECT/ASK: SPARQL JSON, XML, CSV, TSV; CONSTRUCT/DESCRIBE: Turtle, N-Triples, JSON-LD, RDF/XML)",
        "content": {m: {} for m in ("application/sparql-results+json", "application/sparql-results+xml", "text/csv", "text/tab-separated-values", "text/turtle")},
    }
}


@cache
def prefix_map() -> dict[str, str]:
    """The service's prefixes (one shared dict: jobs only read it)."""
    return {p: str(ns) for p, ns in PREFIXES.items()}


async def answer_query(request: Request, state: AppState, sparql: str, default_graphs: list[str], named_graphs: list[str], format_param: str | None) -> Response:
    chosen = negotiate(request.headers.get("accept"), format_param)
    job = QueryJob(
        sparql=sparql,
        result_format=chosen.result_format,
        graph_format=chosen.graph_format,
        default_graphs=tuple(default_graphs),
        named_graphs=tuple(named_graphs),
        max_rows=state.settings.max_rows,
        prefixes=prefix_map(),
    )
    check_query(job)
    result = await state.runner.run(job, state.settings.query_timeout_s)
    headers = {"Vary": "Accept", "X-Unionkg-Result-Count": str(result.count)}
    if result.truncated:
        headers["X-Unionkg-Truncated"] = "true"
        headers["X-Unionkg-Max-Rows"] = str(state.settings.max_rows)
    media_type = result.media_type + ("; charset=utf-8" if result.media_type.startswith("text/") else "")
    return Response(result.body, media_type=media_type, headers=headers)


async def run_update(request: Request, state: AppState, update: str) -> Response:
    require_update_token(request, state, "SPARQL Update")
    store = state.store
    if not isinstance(store, OxigraphStore):
        update_fn = getattr(store, "update", None)
        if update_fn is None:
            raise StoreError("this store does not accept SPARQL Update through the service")
        await asyncio.to_thread(update_fn, update)
    else:
        await asyncio.to_thread(_update_embedded, store, update)
    state.store_changed()
    return Response(status_code=204)


def _update_embedded(store: OxigraphStore, update: str) -> None:
    from unionkg.errors import QuerySyntaxError

    try:
        store.oxigraph.update(update)
    except SyntaxError as exc:
        raise QuerySyntaxError(f"SPARQL Update syntax error: {exc}") from exc
    except (OSError, ValueError) as exc:
        raise InputError(f"SPARQL Update failed: {exc}") from exc
    if store.path is not None:
        store.oxigraph.flush()


SPARQL_GET_PARAMETERS = {
    "parameters": [
        {"name": "query", "in": "query", "required": False, "description": "SPARQL query", "schema": {"type": "string"}},
        {"name": "default-graph-uri", "in": "query", "required": False, "schema": {"type": "array", "items": {"type": "string"}}},
        {"name": "named-graph-uri", "in": "query", "required": False, "schema": {"type": "array", "items": {"type": "string"}}},
        {
            "name": "format",
            "in": "query",
            "required": False,
            "description": "json | xml | csv | tsv | turtle | ntriples | jsonld | rdfxml (overrides Accept)",
            "schema": {"type": "string"},
        },
    ]
}


@router.get("/sparql", responses=RESULT_MEDIA_DOC, openapi_extra=SPARQL_GET_PARAMETERS, summary="SPARQL 1.1 query (GET)")
async def sparql_get(request: Request) -> Response:
    # The parameters are read by hand (documented by SPARQL_GET_PARAMETERS): FastAPI's
    # per-request parameter solving cost more than the rest of a look-up.
    params = request.query_params
    query = params.get("query")
    if query is None:
        if wants_html(request.headers.get("accept")):
            return RedirectResponse("/editor", status_code=303)
        raise InputError("missing 'query' parameter (SPARQL 1.1 Protocol: GET /sparql?query=...)")
    state: AppState = request.app.state.unionkg
    return await answer_query(request, state, query, params.getlist("default-graph-uri"), params.getlist("named-graph-uri"), params.get("format"))


@router.post("/sparql", responses=RESULT_MEDIA_DOC, openapi_extra=SPARQL_BODY_DOC, summary="SPARQL 1.1 query or update (POST)")
async def sparql_post(
    request: Request,
    state: StateDep,
    default_graph_uri: Annotated[list[str], Query(alias="default-graph-uri")] = [],
    named_graph_uri: Annotated[list[str], Query(alias="named-graph-uri")] = [],
    format: Annotated[str | None, Query()] = None,
) -> Response:
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await request.body()
    text = _decode(body)
    if media_type == FORM_MEDIA_TYPE:
        form = parse_qs(text, keep_blank_values=True)
        if "update" in form:
            return await run_update(request, state, form["update"][0])
        if "query" not in form:
            raise InputError("the form has neither 'query' nor 'update'")
        return await answer_query(
            request,
            state,
            form["query"][0],
            default_graph_uri + form.get("default-graph-uri", []),
            named_graph_uri + form.get("named-graph-uri", []),
            format or (form.get("format") or [None])[0],
        )
    if media_type == QUERY_MEDIA_TYPE:
        return await answer_query(request, state, text, default_graph_uri, named_graph_uri, format)
    if media_type == UPDATE_MEDIA_TYPE:
        return await run_update(request, state, text)
    raise UnsupportedMediaTypeError(
        f"POST /sparql takes {FORM_MEDIA_TYPE}, {QUERY_MEDIA_TYPE} or {UPDATE_MEDIA_TYPE}, not {media_type or 'a body without Content-Type'}"
    )


def _decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"the request body is not UTF-8 (byte {exc.start})") from exc


class UnsupportedMediaTypeError(InputError):
    code = "unsupported_media_type"
    status = 415
    title = "Unsupported media type"
