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
from unionkg_api.findings_view import FindingView, load_findings
from unionkg_api.sankey import legend_items, peak, sankey_svg, split_by_year, wan

ORG_TYPES = {str(ORG.FormalOrganization), str(ORG.Organization), str(ORG.OrganizationalUnit)}
LABEL_PREDICATES = (str(SKOS.prefLabel), "http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/ns/regorg#legalName", "http://purl.org/dc/terms/title")
PHASE_NAMES = {"approved": "预算 budget", "revised": "调整预算 adjusted", "executed": "决算 final", "draft": "草案 draft"}
DIRECTION_NAMES = {"revenue": "收入 revenue", "expenditure": "支出 expenditure"}
RELATION_NAMES = {"unit": "下属单位 subordinate unit", "department": "内设机构 department"}
QUALITY_FINDING = "https://w3id.org/unionkg/def/ukg#QualityFinding"
PROJECT = "https://w3id.org/unionkg/def/ukg#Project"
INCOMING_SHOWN = 12  # per predicate; the rest behind a "more" toggle
UKG_NS = "https://w3id.org/unionkg/def/ukg#"
DCT_SOURCE = "http://purl.org/dc/terms/source"
# Properties whose value is money in yuan (docs/graph-model.md: money is xsd:decimal in yuan everywhere): the
# properties table showed "1000000 xsd:decimal"; it gives the unit and the 万元 the documents print.
MONEY_PROPERTIES = frozenset(
    {"http://data.openbudgets.eu/ontology/dsd/measure/amount"}
    | {UKG_NS + local for local in ("budgetAmount", "adjustedAmount", "finalAmount", "derivedFinalAmount", "delta")}
)
# Properties in percent (97.5 means 97.5 %).
PERCENT_PROPERTIES = frozenset(UKG_NS + local for local in ("sharePercent", "completionPercent", "changePercent", "executionRate"))


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
    shown: str = ""  # the text with its unit, for money and percent properties (``text`` stays the literal)


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
    adjusted: str = ""
    bodies: list[Link] = field(default_factory=list)  # the body (ukg:org) whose project it is: shown by the title


@dataclass
class FlowDiagram:
    year: str
    svg: str
    legend: list[tuple[str, str]]
    rows: list[dict[str, str]]


@dataclass
class OrgSection:
    units: list[tuple[Link, str]]
    chart_svg: str
    figures: list[dict[str, object]]
    projects: list[ProjectView]
    findings: list[FindingView]
    flows: list[FlowDiagram] = field(default_factory=list)
    flows_note: str = ""
    # Amounts of a body with no revenue / expenditure totals (items such as "全年" with no
    # direction): listed so that the page shows what the graph holds.
    other_amounts: list[dict[str, str]] = field(default_factory=list)


@dataclass
class IncomingGroup:
    predicate: Link
    subjects: list[Link]


@dataclass
class EntityView:
    iri: str
    label: str
    types: list[Link]
    properties: list[tuple[Link, list[Value]]]
    incoming: list[IncomingGroup]
    sources: list[Source]
    org: OrgSection | None = None
    project: ProjectView | None = None
    finding: FindingView | None = None
    about_findings: list[FindingView] = field(default_factory=list)


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


def _cut(value: object | None, limit: int = 80) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
            if all(t.iri != str(o) for t in types):
                types.append(linker.link(str(o)))
            continue
        if p in LABEL_PREDICATES and isinstance(o, Literal) and (not label or o.language == "zh"):
            label = label or str(o)
        value = _value(o, row.get("oLabel") or row.get("oSource") or _cut(row.get("oText")) or _cut(row.get("oComment")), linker, p)
        if value not in grouped[p]:  # the same triple in several graphs, or several labels
            if value.link is not None and any(v.link is not None and v.link.iri == value.link.iri for v in grouped[p]):
                continue
            grouped[p].append(value)
    if not label:  # a document prints no title: its file name, not the end of its IRI
        sources = grouped.get(DCT_SOURCE) or []
        label = sources[0].text if sources else linker.short(iri)
    properties = [(linker.link(p), values) for p, values in sorted(grouped.items(), key=lambda kv: linker.short(kv[0]))]
    incoming = _incoming(incoming_rows, linker)
    sources = _sources(store, binding, linker)
    view = EntityView(iri, label, types, properties, incoming, sources)
    type_iris = {t.iri for t in types}
    if type_iris & ORG_TYPES:
        view.org = _org_section(store, binding, linker)
    elif QUALITY_FINDING in type_iris:
        view.finding = next(iter(load_findings(store, linker, only=iri)), None)
    else:
        view.about_findings = load_findings(store, linker, about=iri)
    if PROJECT in type_iris:
        view.project = _project(store, binding, linker, grouped)
    return view


def _incoming(rows: list[dict[str, Node | None]], linker: Linker) -> list[IncomingGroup]:
    """Incoming links grouped by predicate (largest group last), each subject once."""
    groups: dict[str, dict[str, Link]] = defaultdict(dict)
    for r in rows:
        if r.get("s") is None:
            continue
        subject = str(r["s"])
        current = groups[str(r["p"])].get(subject)
        name = _incoming_name(r)
        if current is None or (name and current.label == linker.short(subject)):
            groups[str(r["p"])][subject] = linker.link(subject, name)
    out = [IncomingGroup(linker.link(p), sorted(subjects.values(), key=lambda link: link.label)) for p, subjects in groups.items()]
    return sorted(out, key=lambda g: (len(g.subjects), g.predicate.label))


INCOMING_TEXT_CHARS = 40  # a passage named by the start of its text


def _incoming_name(row: dict[str, Node | None]) -> str | None:
    """A name for a resource pointing at the page's one: its label, else a figure's item and amount, else its text
    (a passage's, a duty's or task's) or comment (a warning's).

    >>> from rdflib import Literal
    >>> _incoming_name({"sItem": Literal("本年支出合计"), "sAmount": Literal("1234500")})
    '本年支出合计 123.45 万元'
    >>> _incoming_name({"sText": Literal("一、部门基本情况\\n（一）主要职能")})
    '一、部门基本情况 （一）主要职能'
    >>> _incoming_name({}) is None
    True
    """
    if row.get("sLabel"):
        return str(row["sLabel"])
    if row.get("sItem"):
        amount = row.get("sAmount")
        return f"{row['sItem']} {yuan_to_wan(amount)}" if amount is not None else str(row["sItem"])
    text = row.get("sText") or row.get("sOwnText") or row.get("sComment")
    return _cut(text, INCOMING_TEXT_CHARS)


def _project(store: GraphStore, binding: dict[str, Node], linker: Linker, grouped: dict[str, list[Value]]) -> ProjectView:
    def first(local: str) -> str:
        values = grouped.get("https://w3id.org/unionkg/def/ukg#" + local)
        return values[0].text if values else ""

    view = ProjectView(
        link=None,
        year=first("fiscalYear"),
        budget=yuan_to_wan(first("budgetAmount")) if first("budgetAmount") else "",
        final=yuan_to_wan(first("finalAmount")) if first("finalAmount") else "",
        rate=f"{first('executionRate')} %" if first("executionRate") else "",
    )
    view.adjusted = yuan_to_wan(first("adjustedAmount")) if first("adjustedAmount") else ""
    view.bodies = [v.link for v in grouped.get(UKG_NS + "org", []) if v.link is not None]
    for r in store.select(named_query("api_project_indicators"), binding).rows:
        view.indicators.append(_indicator_row(r, linker))
    return view


def _indicator_row(r: dict[str, Node | None], linker: Linker) -> IndicatorRow:
    met = r.get("met")
    return IndicatorRow(
        link=linker.link(str(r["indicator"]), r.get("label")),
        year=_text(r.get("year")),
        target=_text(r.get("targetText")),
        actual=_text(r.get("actualText")),
        met=bool(met.toPython()) if isinstance(met, Literal) else None,
        weight=_text(r.get("weight")),
        score=_text(r.get("score")),
    )


def _value(term: Node | None, label: object | None, linker: Linker, predicate: str = "") -> Value:
    if isinstance(term, URIRef):
        link = linker.link(str(term), label)
        return Value(link.label, link)
    if isinstance(term, Literal):
        note = f"@{term.language}" if term.language else (linker.short(str(term.datatype)) if term.datatype else "")
        shown = _with_unit(str(term), predicate)
        return Value(str(term), None, note, shown if shown != str(term) else "")
    return Value(_text(term))


def _with_unit(text: str, predicate: str) -> str:
    """A literal of a money or percent property with its unit; any other as it is.

    >>> _with_unit("1234500", "https://w3id.org/unionkg/def/ukg#budgetAmount")
    '1234500 元（123.45 万元）'
    >>> _with_unit("97.5", "https://w3id.org/unionkg/def/ukg#executionRate")
    '97.5 %'
    >>> _with_unit("2025", "https://w3id.org/unionkg/def/ukg#fiscalYear")
    '2025'
    """
    try:
        Decimal(text)
    except (InvalidOperation, ValueError):
        return text
    if predicate in MONEY_PROPERTIES:
        return f"{text} 元（{yuan_to_wan(text)}）"
    if predicate in PERCENT_PROPERTIES:
        return f"{text} %"
    return text


def _sources(store: GraphStore, binding: dict[str, Node], linker: Linker) -> list[Source]:
    out = []
    for row in store.select(named_query("api_entity_sources"), binding).rows:
        doc = row.get("doc")
        doc_label = row.get("source") or row.get("title")
        out.append(
            Source(
                quote=" ".join(_text(row.get("quote")).split()),
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
    units = []
    seen_units: set[str] = set()
    for r in store.select(named_query("api_org_units"), binding).rows:
        if str(r["unit"]) in seen_units:
            continue
        seen_units.add(str(r["unit"]))
        units.append((linker.link(str(r["unit"]), r.get("label")), RELATION_NAMES.get(_text(r.get("relation")), _text(r.get("relation")))))
    figures, bars = _figures_by_year(store.select(named_query("api_org_figures_by_year"), binding).rows)
    projects = _projects(store, binding, linker)
    findings = load_findings(store, linker, org=str(binding["iri"]))
    flows, note = _flows(store, str(binding["iri"]))
    other = [] if figures else _other_amounts(store, binding)
    return OrgSection(units, bar_chart_svg(bars, unit="万元"), figures, projects, findings, flows, note, other)


def _figures_by_year(rows: list[dict[str, Node]]) -> tuple[list[dict[str, object]], list[Bar]]:
    """The table and bars of the body's figures: per year, phase and direction its stated total
    (a 合计 / 总计 line), else its largest figure, marked as such.  When some phase prints a total,
    the phases that print none (an adjusted budget printed only per project) stay out of the chart:
    their largest figure is one project's, not the body's, and would stand beside real totals."""
    any_stated = any(_stated(r) is not None for r in rows)
    figures: list[dict[str, object]] = []
    bars: list[Bar] = []
    for r in rows:
        phase = PHASE_NAMES.get(_local(r.get("phase")), _local(r.get("phase")) or "?")
        direction = DIRECTION_NAMES.get(_local(r.get("direction")), _local(r.get("direction")))
        stated = _stated(r)
        total = stated if stated is not None else r.get("total")
        kind = "合计 stated total" if stated is not None else "最大数 largest figure (no total printed)"
        figures.append({"year": _text(r.get("year")), "phase": phase, "direction": direction, "total": yuan_to_wan(total), "kind": kind})
        if any_stated and stated is None:
            continue
        try:
            bars.append(Bar(group=_text(r.get("year")), series=f"{direction} · {phase}", value=float(str(total)) / 10000))
        except ValueError:
            continue
    return figures, bars


def _stated(row: dict[str, Node]) -> Node | None:
    """The row's stated total (``api_org_figures_by_year.rq`` gives -1 when none is printed)."""
    stated = row.get("stated")
    try:
        return stated if stated is not None and float(str(stated)) >= 0 else None
    except ValueError:
        return None


def _other_amounts(store: GraphStore, binding: dict[str, Node]) -> list[dict[str, str]]:
    """Every amount of the body, one row per figure (year, phase, item as printed, 万元, qualifier)."""
    rows: dict[str, dict[str, str]] = {}
    for r in store.select(named_query("api_org_amounts"), binding).rows:
        rows.setdefault(str(r["obs"]), {
            "year": _text(r.get("year")),
            "phase": PHASE_NAMES.get(_local(r.get("phase")), _local(r.get("phase"))),
            "item": _text(r.get("item")) or "(no item printed)",
            "amount": yuan_to_wan(r.get("amount")),
            "qualifier": _text(r.get("qualifier")),
        })
    return list(rows.values())


def _flows(store: GraphStore, iri: str) -> tuple[list[FlowDiagram], str]:
    """One Sankey per year of the body's money flows, or a note why there is none."""
    from unionkg.analytics.flows import flow_sankey
    from unionkg.errors import UnionKGError

    try:
        sankey = flow_sankey(store, org=iri)
    except NotFoundError:
        return [], "No money flows are recorded for this body."
    except UnionKGError as exc:
        return [], f"Money flows could not be computed: {exc}"
    labels = {str(n["id"]): str(n["label"]) for n in sankey["nodes"]}  # type: ignore[union-attr]
    diagrams = []
    parts = split_by_year(sankey)
    common = max((peak(part) for _, part in parts), default=0.0)
    for year, part in parts:
        svg = sankey_svg(part, title=f"money flows {year}", common_peak=common)
        if not svg:
            continue
        rows = [
            {"source": labels.get(str(link["source"]), ""), "target": labels.get(str(link["target"]), ""), "amount": wan(float(link["value"])), "purpose": str(link.get("purpose") or "")}
            for link in sorted(part["links"], key=lambda link: -float(link["value"]))  # type: ignore[union-attr]
        ]
        diagrams.append(FlowDiagram(year, svg, legend_items(part), rows))
    return diagrams, "" if diagrams else "No money flows are recorded for this body."


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
        projects[key].indicators.append(_indicator_row(r, linker))
    # Whole-department indicators (no project) last.
    return sorted(projects.values(), key=lambda p: (p.link is None, str(p.year)), reverse=False)
