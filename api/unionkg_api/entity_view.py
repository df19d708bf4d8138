"""What an entity page shows, read from the graph with the named ``api_*`` queries.

Plain data for the template: links already resolved to paths of this service
(IRIs under the base IRI at their own path, others through /entity?iri=),
literals as display text.  Organisation pages add units, figures by year,
projects with indicators (missed targets flagged) and data-quality findings.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from urllib.parse import quote

from rdflib import Literal, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from unionkg.errors import NotFoundError
from unionkg.graph.queries import named_query
from unionkg.graph.store import GraphStore
from unionkg.graph.vocab import ORG, PREFIXES, SKOS

from unionkg_api.charts import Bar, bar_chart_svg

ORG_TYPES = {str(ORG.FormalOrganization), str(ORG.Organization), str(ORG.OrganizationalUnit)}
LABEL_PREDICATES = (str(SKOS.prefLabel), "http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/ns/regorg#legalName", "http://purl.org/dc/terms/title")
PHASE_NAMES = {"approved": "预算 budget", "revised": "调整预算 adjusted", "executed": "决算 final", "draft": "草案 draft"}
DIRECTION_NAMES = {"revenue": "收入 revenue", "expenditure": "支出 expenditure"}


@dataclass(frozen=True)
class Link:
    iri: str
    label: str
    href: str


@dataclass(frozen=True)
class Value:
    """An object of a triple: a link, or a literal with its datatype or language."""

    text: str
    link: Link | None = None
    note: str = ""  # datatype (as prefixed name) or @lang


@dataclass
class Source:
    quote: str
    start: int | None
    end: int | None
    document: Link | None
    passage: Link


@dataclass
class IndicatorRow:
    link: Link
    year: object
    target: str
    actual: str
    met: bool | None
    weight: str
    score: str


@dataclass
class ProjectView:
    link: Link | None
    year: object
    budget: str
    final: str
    rate: str
    indicators: list[IndicatorRow] = field(default_factory=list)


@dataclass
class OrgSection:
    units: list[tuple[Link, str]]
    chart_svg: str
    figures: list[dict[str, object]]
    projects: list[ProjectView]
    findings: list[dict[str, object]]


@dataclass
class EntityView:
    iri: str
    label: str
    types: list[Link]
    properties: list[tuple[Link, list[Value]]]
    incoming: list[tuple[Link, Link]]
    sources: list[Source]
    org: OrgSection | None = None


class Linker:
    """Turns IRIs into links on this service and into short names."""

    def __init__(self, base_iri: str):
        self.base_iri = base_iri

    def href(self, iri: str) -> str:
        if iri.startswith(self.base_iri) and "#" not in iri:
            path = iri[len(self.base_iri) :]
            if path.startswith(("id/", "data/", "def/")):
                return "/" + quote(path, safe="/-_.~")
        return "/entity?iri=" + quote(iri, safe="")

    def short(self, iri: str) -> str:
        for prefix, ns in PREFIXES.items():
            if iri.startswith(str(ns)) and len(iri) > len(str(ns)):
                return f"{prefix}:{iri[len(str(ns)):]}"
        if iri.startswith(self.base_iri):
            return iri[len(self.base_iri) :]
        return iri

    def link(self, iri: str, label: object | None = None) -> Link:
        return Link(iri, str(label) if label else self.short(iri), self.href(iri))


def yuan_to_wan(value: object) -> str:
    """Yuan as the documents print them: 万元 with two decimals."""
    try:
        amount = Decimal(str(value)) / Decimal(10000)
    except (InvalidOperation, ValueError):
        return str(value)
    return f"{amount:,.2f} 万元"


def _text(value: object | None) -> str:
    return "" if value is None else str(value)


def build_entity_view(store: GraphStore, iri: str, base_iri: str) -> EntityView:
    linker = Linker(base_iri)
    binding: dict[str, Node] = {"iri": URIRef(iri)}
    outgoing = store.select(named_query("api_entity_outgoing"), binding).rows
    incoming_rows = store.select(named_query("api_entity_incoming"), binding).rows
    if not outgoing and not incoming_rows:
        raise NotFoundError(f"{iri} is not in the graph")
    label = ""
    types: list[Link] = []
    grouped: dict[str, list[Value]] = defaultdict(list)
    for row in outgoing:
        p, o = str(row["p"]), row["o"]
        if p == str(RDF.type) and isinstance(o, URIRef):
            types.append(linker.link(str(o)))
            continue
        if p in LABEL_PREDICATES and isinstance(o, Literal) and (not label or o.language == "zh"):
            label = label or str(o)
        grouped[p].append(_value(o, row.get("oLabel"), linker))
    if not label:
        label = linker.short(iri)
    properties = [(linker.link(p), values) for p, values in sorted(grouped.items(), key=lambda kv: linker.short(kv[0]))]
    incoming = [(linker.link(str(r["s"]), r.get("sLabel")), linker.link(str(r["p"]))) for r in incoming_rows if r.get("s") is not None]
    sources = _sources(store, binding, linker)
    view = EntityView(iri, label, types, properties, incoming, sources)
    if any(t.iri in ORG_TYPES for t in types):
        view.org = _org_section(store, binding, linker)
    return view


def _value(term: Node | None, label: object | None, linker: Linker) -> Value:
    if isinstance(term, URIRef):
        link = linker.link(str(term), label)
        return Value(link.label, link)
    if isinstance(term, Literal):
        note = f"@{term.language}" if term.language else (linker.short(str(term.datatype)) if term.datatype else "")
        return Value(str(term), None, note)
    return Value(_text(term))


def _sources(store: GraphStore, binding: dict[str, Node], linker: Linker) -> list[Source]:
    out = []
    for row in store.select(named_query("api_entity_sources"), binding).rows:
        doc = row.get("doc")
        doc_label = row.get("source") or row.get("title")
        out.append(
            Source(
                quote=_text(row.get("quote")),
                start=_int(row.get("start")),
                end=_int(row.get("end")),
                document=linker.link(str(doc), doc_label) if doc is not None else None,
                passage=linker.link(str(row["passage"])),
            )
        )
    return out


def _int(term: object | None) -> int | None:
    try:
        return int(str(term)) if term is not None else None
    except ValueError:
        return None


def _local(iri: object | None) -> str:
    text = _text(iri)
    return text.rsplit("/", 1)[-1]


def _org_section(store: GraphStore, binding: dict[str, Node], linker: Linker) -> OrgSection:
    units = [(linker.link(str(r["unit"]), r.get("label")), _text(r.get("relation"))) for r in store.select(named_query("api_org_units"), binding).rows]
    figures = []
    bars = []
    for r in store.select(named_query("api_org_figures_by_year"), binding).rows:
        phase = PHASE_NAMES.get(_local(r.get("phase")), _local(r.get("phase")) or "?")
        direction = DIRECTION_NAMES.get(_local(r.get("direction")), _local(r.get("direction")))
        total = r.get("total")
        figures.append({"year": _text(r.get("year")), "phase": phase, "direction": direction, "total": yuan_to_wan(total)})
        try:
            bars.append(Bar(group=_text(r.get("year")), series=f"{direction} · {phase}", value=float(str(total)) / 10000))
        except ValueError:
            continue
    projects = _projects(store, binding, linker)
    findings = [
        {
            "link": linker.link(str(r["finding"]), r.get("kind")),
            "kind": _text(r.get("kind")),
            "severity": _text(r.get("severity")),
            "comment": _text(r.get("comment")),
            "year": _text(r.get("year")),
            "concerns": linker.link(str(r["concerns"])) if r.get("concerns") is not None else None,
        }
        for r in store.select(named_query("api_org_findings"), binding).rows
    ]
    return OrgSection(units, bar_chart_svg(bars, unit="万元"), figures, projects, findings)


def _projects(store: GraphStore, binding: dict[str, Node], linker: Linker) -> list[ProjectView]:
    projects: dict[str | None, ProjectView] = {}
    for r in store.select(named_query("api_org_projects"), binding).rows:
        key = str(r["project"])
        projects[key] = ProjectView(
            link=linker.link(key, r.get("label")),
            year=_text(r.get("year")),
            budget=yuan_to_wan(r["budget"]) if r.get("budget") is not None else "",
            final=yuan_to_wan(r["final"]) if r.get("final") is not None else "",
            rate=f"{r['rate']} %" if r.get("rate") is not None else "",
        )
    for r in store.select(named_query("api_org_indicators"), binding).rows:
        key = str(r["project"]) if r.get("project") is not None else None
        if key not in projects:
            projects[key] = ProjectView(link=linker.link(key) if key else None, year=_text(r.get("year")), budget="", final="", rate="")
        met = r.get("met")
        projects[key].indicators.append(
            IndicatorRow(
                link=linker.link(str(r["indicator"]), r.get("label")),
                year=_text(r.get("year")),
                target=_text(r.get("targetText")),
                actual=_text(r.get("actualText")),
                met=bool(met.toPython()) if isinstance(met, Literal) else None,
                weight=_text(r.get("weight")),
                score=_text(r.get("score")),
            )
        )
    # Whole-department indicators (no project) last.
    return sorted(projects.values(), key=lambda p: (p.link is None, str(p.year)), reverse=False)
