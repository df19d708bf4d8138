"""Analytics over the graph: money flows (GET /flows) and data-quality findings (GET /findings)."""

from __future__ import annotations

import asyncio
from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field

from unionkg_api.deps import StateDep
from unionkg_api.entity_view import Linker
from unionkg_api.findings_view import KIND_NAMES, load_findings
from unionkg_api.templating import templates

router = APIRouter(tags=["analytics"])


class FlowNode(BaseModel):
    id: str = Field(description="IRI of the body, project or recipient; 'source:NAME' for a funding source")
    label: str
    kind: str = Field(description="source | federation | unit | project | recipient")


class FlowLink(BaseModel):
    source: str = Field(description="id of the paying node")
    target: str = Field(description="id of the receiving node")
    value: float = Field(description="amount in yuan (元)")
    year: int | None = Field(default=None, description="fiscal year")
    purpose: str = ""


class FlowGraph(BaseModel):
    nodes: list[FlowNode]
    links: list[FlowLink]
    unit: str = Field(default="CNY", description="currency of the values (yuan)")


@router.get(
    "/flows",
    response_model=FlowGraph,
    summary="Money flows as Sankey-ready JSON",
    description="Funding source -> body -> subordinate unit or project -> recipient, with amounts in yuan. "
    "`org` restricts to one body (its IRI, or a name it contains) and what flows into and out of it; "
    "an unknown body is a 404 problem. One phase per body and year (final accounts when present, else the budget).",
    responses={404: {"description": "No flows for that body", "content": {"application/problem+json": {}}}},
)
async def flows(
    state: StateDep,
    org: Annotated[str | None, Query(min_length=1, max_length=500, description="IRI or name of a body")] = None,
    year: Annotated[int | None, Query(ge=1900, le=2200, description="Fiscal year")] = None,
) -> Any:
    from unionkg.analytics.flows import flow_sankey

    return await asyncio.to_thread(flow_sankey, state.store, org=org, year=year)


def _wants_json(request: Request, format_param: str | None) -> bool:
    if format_param is not None:
        return format_param == "json"
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


@router.get(
    "/findings",
    response_class=HTMLResponse,
    summary="Data-quality findings (HTML page, or JSON)",
    description="Every ukg:QualityFinding of the graph with kind, severity, stated and expected values, tolerance, "
    "the figures concerned and the source quotes; filter by body (IRI) and kind. JSON with `format=json` "
    "or `Accept: application/json`.",
    responses={200: {"content": {"text/html": {}, "application/json": {}}}},
)
def findings(
    request: Request,
    state: StateDep,
    org: Annotated[str | None, Query(max_length=500, description="IRI of a body")] = None,
    kind: Annotated[str | None, Query(max_length=100, description="Finding kind, e.g. sum_mismatch")] = None,
    format: Annotated[str | None, Query(pattern="^(html|json)$", description="html | json (overrides Accept)")] = None,
) -> Response:
    linker = Linker(state.settings.base_iri)
    org = org or None
    kind = kind or None
    everything = load_findings(state.store, linker)
    selected = [f for f in everything if (org is None or (f.org and f.org.iri == org)) and (kind is None or f.kind == kind)]
    if _wants_json(request, format):
        body = {"count": len(selected), "findings": [_finding_json(f) for f in selected]}
        return JSONResponse(body)
    orgs = sorted({(f.org.iri, f.org.label) for f in everything if f.org}, key=lambda o: o[1])
    kinds = sorted({f.kind for f in everything})
    counts = {s: sum(1 for f in selected if f.severity == s) for s in ("error", "warning", "info")}
    context = {
        "title": "数据质量 Findings",
        "findings": selected,
        "total": len(everything),
        "orgs": orgs,
        "kinds": [(k, KIND_NAMES.get(k, "")) for k in kinds],
        "org": org,
        "kind": kind,
        "counts": counts,
    }
    return templates.TemplateResponse(request, "findings.html", context)


def _finding_json(f: Any) -> dict[str, Any]:
    data = asdict(f)
    data["iri"] = f.link.iri
    data.pop("link", None)
    data["org"] = {"iri": f.org.iri, "label": f.org.label} if f.org else None
    data["concerns"] = [{"iri": c.iri, "label": c.label} for c in f.concerns]
    data["quotes"] = [{"text": q.text, "document": q.document.iri if q.document else None} for q in f.quotes]
    return data

