"""Money flows: funding source -> body -> unit or project -> recipient (networkx).

The flow graph is built from SPARQL results (``ontology/queries/flows_*.rq``):

- funding sources: a body's revenue by source (财政拨款 by budget type, 上年结转,
  上级补助, ...; ``FUNDING_SOURCES`` below), department-wide figures first;
- body -> subordinate unit: the unit's own revenue (else expenditure) total;
- body -> project: the project's final amount, else adjusted, else budget;
- payer -> payee: stated payments (``ukg:MoneyFlow``), e.g. a federation paying a
  company for a project.

For one body and year only one phase is drawn (final accounts when the graph
has them, else the budget) so that a Sankey does not count a year twice.
Nodes carry ``label`` and ``kind`` (source | federation | unit | project |
recipient), edges ``value`` (yuan), ``year``, ``phase`` and ``purpose``.
"""

from __future__ import annotations

import io
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

import networkx as nx

from unionkg.analytics import rules
from unionkg.errors import InputError, NotFoundError
from unionkg.graph.queries import named_query
from unionkg.graph.store import GraphStore

PHASE_PREFERENCE = ("executed", "revised", "approved")  # final accounts, adjusted, budget

# Revenue items that name where money comes from, with the node they become.
# The specific budget types come first: a document printing both 财政拨款 and
# its split by budget type is drawn with the split.
FUNDING_SOURCES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^一般公共预算(?:财政拨款)?(?:收入)?$"), "一般公共预算财政拨款"),
    (re.compile(r"^政府性基金预算(?:财政拨款)?(?:收入)?$"), "政府性基金预算财政拨款"),
    (re.compile(r"^国有资本经营预算(?:财政拨款)?(?:收入)?$"), "国有资本经营预算财政拨款"),
    (re.compile(r"^财政拨款(?:收入)?$"), "财政拨款"),
    (re.compile(r"^(?:上年结转|年初结转)(?:和结余|结余)?$"), "上年结转"),
    (re.compile(r"^上级补助(?:收入)?$"), "上级补助收入"),
    (re.compile(r"^事业收入$"), "事业收入"),
    (re.compile(r"^(?:事业单位)?经营收入$"), "经营收入"),
    (re.compile(r"^附属单位上缴(?:收入)?$"), "附属单位上缴收入"),
    (re.compile(r"^其他收入$"), "其他收入"),
)
SPECIFIC_FISCAL = frozenset({"一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"})

# Roles of the bodies named when an --org matches nothing: the bodies that report and their
# subordinate units; a federation's internal departments (办公室, 女职工部, ...) receive no money.
REPORTING_ROLES = frozenset({"Federation", "SubordinateUnit"})
#: Bodies (or years) named in a "not found" message before the rest are counted.
NAMES_SHOWN = 20


class NoFlowsForBodyError(NotFoundError):
    """The body named is in the graph but no money flow touches it (``flows`` prints this as one line)."""


@dataclass(frozen=True)
class _Figure:
    org: str
    year: int
    phase: str
    label: str
    value: Decimal
    department: bool


def _phase(iri: object) -> str:
    return str(iri or "").rsplit("/", 1)[-1] or "approved"


def _labels(store: GraphStore) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    labels: dict[str, str] = {}
    parents: dict[str, str] = {}
    roles: dict[str, str] = {}
    for r in store.select(named_query("check_organizations")).values():
        org = str(r["org"])
        if r["label"] is not None:
            labels.setdefault(org, str(r["label"]))
        if r["role"] is not None:
            roles.setdefault(org, str(r["role"]).rsplit("#", 1)[-1])
        if r["parent"] is not None and roles.get(org) != "Federation":
            parents.setdefault(org, str(r["parent"]))
    return labels, parents, roles


def _source_of(label: str) -> str | None:
    text = rules.normalise_label(label)
    for pattern, name in FUNDING_SOURCES:
        if pattern.search(text):
            return name
    return None


def _figures(store: GraphStore) -> list[_Figure]:
    out = []
    for r in store.select(named_query("flows_revenue")).values():
        if r["column"] is not None:
            continue  # table cells repeat the prose figures by column
        out.append(
            _Figure(
                str(r["org"]),
                int(str(r["year"])),
                _phase(r["phase"]),
                str(r["item"]),
                Decimal(str(r["value"])),
                str(r["scope"] or "") == "department",
            )
        )
    return out


def _chosen_phase(figures: Iterable[_Figure]) -> dict[tuple[str, int], str]:
    phases: dict[tuple[str, int], set[str]] = defaultdict(set)
    for f in figures:
        phases[(f.org, f.year)].add(f.phase)
    return {k: next((p for p in PHASE_PREFERENCE if p in v), sorted(v)[0]) for k, v in phases.items()}


def _add_edge(g: nx.DiGraph, source: str, target: str, value: Decimal, year: int | None, purpose: str | None, phase: str = "") -> None:
    if value <= 0:
        return
    if g.has_edge(source, target):
        return  # the first (most specific) statement of a flow wins
    g.add_edge(source, target, value=value, year=year, purpose=purpose or "", phase=phase)


def flow_graph(store: GraphStore, org: str | None = None, year: int | None = None) -> nx.DiGraph:
    """The money-flow graph, optionally restricted to one body (label or IRI) and year."""
    labels, parents, roles = _labels(store)
    g = nx.DiGraph()

    def node(iri: str, kind: str, label: str | None = None) -> str:
        if iri not in g:
            g.add_node(iri, label=label or labels.get(iri, iri.rsplit("/", 1)[-1]), kind=kind)
        return iri

    def org_kind(iri: str) -> str:
        return "unit" if iri in parents else "federation"

    figures = [f for f in _figures(store) if year is None or f.year == year]
    phase_of = _chosen_phase(figures)
    figures = [f for f in figures if phase_of[(f.org, f.year)] == f.phase]

    # funding sources -> body (department-wide figures of a federation first)
    sources: dict[tuple[str, int], dict[str, tuple[Decimal, bool]]] = defaultdict(dict)
    for f in sorted(figures, key=lambda f: not f.department):
        name = _source_of(f.label)
        if name is None or (f.org in parents and f.department):
            continue
        current = sources[(f.org, f.year)]
        if name not in current or (f.department and not current[name][1]):
            current[name] = (f.value, f.department)
    for (body, fig_year), found in sources.items():
        if body in parents:
            continue  # a unit's sources are drawn through its federation
        specific = SPECIFIC_FISCAL & found.keys()
        for name, (value, _) in found.items():
            if name == "财政拨款" and specific:
                continue
            _add_edge(g, node(f"source:{name}", "source", name), node(body, org_kind(body)), value, fig_year, name, phase_of[(body, fig_year)])

    # body -> subordinate unit: the unit's revenue total, else its expenditure total
    totals: dict[tuple[str, int], Decimal] = {}
    for f in figures:
        if f.org not in parents:
            continue
        role = rules.role_of(f.label)
        if role == "revenue_total" or (role == "expenditure_total" and (f.org, f.year) not in totals):
            totals[(f.org, f.year)] = f.value
    for (unit, fig_year), value in totals.items():
        parent = parents[unit]
        _add_edge(g, node(parent, org_kind(parent)), node(unit, "unit"), value, fig_year, "下属单位", phase_of[(unit, fig_year)])

    # body -> project
    for r in store.select(named_query("flows_projects")).values():
        p_year = int(str(r["year"]))
        if year is not None and p_year != year:
            continue
        amount = next((Decimal(str(v)) for v in (r["final"], r["adjusted"], r["budget"]) if v is not None), None)
        if amount is None:
            continue
        body, project = str(r["org"]), str(r["project"])
        _add_edge(g, node(body, org_kind(body)), node(project, "project", str(r["label"] or "")), amount, p_year, "项目")

    # stated payments
    for r in store.select(named_query("flows_money")).values():
        f_year = int(str(r["year"])) if r["year"] is not None else None
        if year is not None and f_year not in (None, year):
            continue
        if r["amount"] is None:
            continue
        payer, payee = str(r["payer"]), str(r["payee"])
        payer_kind = "project" if payer in g and g.nodes[payer]["kind"] == "project" else org_kind(payer) if payer in labels else "recipient"
        node(payer, payer_kind, str(r["payerLabel"] or "") or None)
        payee_kind = "unit" if payee in parents else "federation" if roles.get(payee) == "Federation" else "recipient"
        node(payee, payee_kind, str(r["payeeLabel"] or "") or None)
        source = str(r["project"]) if r["project"] is not None and str(r["project"]) in g else payer
        _add_edge(g, source, payee, Decimal(str(r["amount"])), f_year, str(r["purpose"] or ""))
    _drop_sources_a_payer_names(g)

    if org is not None:
        g = _restrict(g, org, labels, roles)
    return g


def _drop_sources_a_payer_names(g: nx.DiGraph) -> None:
    """One edge for money stated twice: "上级补助收入 50 万元，系省总工会拨付的…" is a funding-source
    figure and a stated payment of the same amount into the same body in the same year; the payment
    names who paid, so the source edge goes."""
    for payee in list(g.nodes):
        named = {(d["value"], d["year"]) for u, _, d in g.in_edges(payee, data=True) if g.nodes[u]["kind"] != "source"}
        for u, _, d in list(g.in_edges(payee, data=True)):
            if g.nodes[u]["kind"] == "source" and (d["value"], d["year"]) in named:
                g.remove_edge(u, payee)
                if g.degree(u) == 0:
                    g.remove_node(u)


def _some_of(names: Iterable[str], shown: int = NAMES_SHOWN) -> str:
    """'a, b, c' for at most ``shown`` names, then how many more there are."""
    unique = sorted(set(names))
    more = f" and {len(unique) - shown} more" if len(unique) > shown else ""
    return ", ".join(unique[:shown]) + more


def _restrict(g: nx.DiGraph, org: str, labels: dict[str, str], roles: dict[str, str]) -> nx.DiGraph:
    """The part of the graph reachable from or leading to the named body."""
    wanted = [n for n in g if n == org or org in str(g.nodes[n].get("label", "")) or org in labels.get(n, "")]
    wanted = [n for n in wanted if g.nodes[n]["kind"] in ("federation", "unit")] or wanted
    if not wanted:
        known = [label for iri, label in labels.items() if iri == org or org in label]
        if known:
            raise NoFlowsForBodyError(f"no money flows are recorded for {org!r} (bodies of that name: {_some_of(known)})")
        reporting = [label for iri, label in labels.items() if roles.get(iri) in REPORTING_ROLES]
        raise NotFoundError(f"no body named {org!r} in the graph; reporting bodies and units: {_some_of(reporting) or 'none'}")
    keep: set[str] = set()
    for n in wanted:
        keep |= {n} | nx.descendants(g, n) | set(g.predecessors(n))
    return g.subgraph(keep).copy()


def _num(value: Decimal) -> float:
    return float(value)


def flow_sankey(store: GraphStore, org: str | None = None, year: int | None = None) -> dict[str, object]:
    """Sankey-ready JSON: ``{nodes: [{id, label, kind}], links: [{source, target, value, year, purpose}]}``.

    ``value`` is in yuan.
    """
    g = flow_graph(store, org, year)
    return _sankey(g)


def _sankey(g: nx.DiGraph) -> dict[str, object]:
    return {
        "nodes": [{"id": n, "label": d["label"], "kind": d["kind"]} for n, d in g.nodes(data=True)],
        "links": [
            {"source": s, "target": t, "value": _num(d["value"]), "year": d["year"], "purpose": d["purpose"]}
            for s, t, d in g.edges(data=True)
        ],
        "unit": "CNY",
    }


def flow_summary(g: nx.DiGraph, top: int = 10) -> dict[str, object]:
    """Largest recipients, shares by category of what bodies pay out, and source-to-recipient paths."""
    inflow: dict[str, Decimal] = defaultdict(Decimal)
    for _, t, d in g.edges(data=True):
        inflow[t] += d["value"]
    recipients = sorted(
        ((n, v) for n, v in inflow.items() if g.nodes[n]["kind"] in ("recipient", "project", "unit")), key=lambda p: -p[1]
    )[:top]
    by_kind: dict[str, Decimal] = defaultdict(Decimal)
    for s, t, d in g.edges(data=True):
        if g.nodes[s]["kind"] in ("federation", "unit"):
            by_kind[g.nodes[t]["kind"]] += d["value"]
    paid = sum(by_kind.values(), Decimal(0))
    sources = [n for n, d in g.nodes(data=True) if d["kind"] == "source"]
    ends = [n for n, d in g.nodes(data=True) if d["kind"] == "recipient"]
    paths = []
    for s in sources:
        for e in ends:
            if nx.has_path(g, s, e):
                path = nx.shortest_path(g, s, e)
                paths.append([g.nodes[n]["label"] for n in path])
    return {
        "largest_recipients": [{"id": n, "label": g.nodes[n]["label"], "kind": g.nodes[n]["kind"], "value": _num(v)} for n, v in recipients],
        "shares_by_category": {k: {"value": _num(v), "percent": round(float(v / paid * 100), 2)} for k, v in by_kind.items()} if paid else {},
        "paths": paths,
    }


def render_flows_text(g: nx.DiGraph) -> str:
    if g.number_of_edges() == 0:
        return "no money flows"
    lines = ["flows (万元):"]
    for s, t, d in sorted(g.edges(data=True), key=lambda e: (str(e[2]["year"]), g.nodes[e[0]]["label"], -e[2]["value"])):
        amount = (d["value"] / 10000).normalize()
        purpose = f"  [{d['purpose']}]" if d["purpose"] else ""
        lines.append(f"  {d['year'] or ''} {g.nodes[s]['label']} -> {g.nodes[t]['label']}: {amount:f}{purpose}")
    summary = flow_summary(g)
    recipients = summary["largest_recipients"]
    shares = summary["shares_by_category"]
    if not recipients and not shares:  # headings with nothing under them read as a failure
        lines.append("no money recorded as paid on to units, projects or recipients")
    if recipients:
        lines.append("largest recipients:")
    for r in recipients:  # type: ignore[attr-defined]
        lines.append(f"  {r['label']} ({r['kind']}): {Decimal(str(r['value'])) / 10000:f}")
    if shares:
        lines.append("shares of outgoing money by category:")
    for kind, v in shares.items():  # type: ignore[attr-defined]
        lines.append(f"  {kind}: {v['percent']}%")
    for path in summary["paths"]:  # type: ignore[attr-defined]
        lines.append("path: " + " -> ".join(path))
    return "\n".join(lines)


def flow_coverage(store: GraphStore) -> str:
    """Which bodies have money flows, and in which years: 'A (2022, 2023), B (2021)'."""
    g = flow_graph(store)
    years: dict[str, set[int]] = defaultdict(set)
    for s, t, d in g.edges(data=True):
        for n in (s, t):
            if g.nodes[n]["kind"] in ("federation", "unit") and d["year"] is not None:
                years[g.nodes[n]["label"]].add(int(d["year"]))
    if not years:
        return "no body"
    return _some_of(f"{label} ({', '.join(map(str, sorted(ys)))})" for label, ys in years.items())


def flows_graphml(g: nx.DiGraph) -> str:
    """GraphML with numbers as floats and missing years as 0 (GraphML has no null)."""
    out = nx.DiGraph()
    out.add_nodes_from((n, {"label": d["label"], "kind": d["kind"]}) for n, d in g.nodes(data=True))
    for s, t, d in g.edges(data=True):
        out.add_edge(s, t, value=_num(d["value"]), year=int(d["year"] or 0), purpose=d["purpose"], phase=d.get("phase", ""))
    buf = io.BytesIO()
    nx.write_graphml(out, buf)
    return buf.getvalue().decode("utf-8")


def flows_output(store: GraphStore, org: str | None, year: int | None, fmt: str) -> str:
    """What ``unionkg flows`` prints, in one of the supported formats.

    A body in the graph without flows is one line of text (naming who has flows); a year without
    flows is a :class:`NotFoundError` naming the years that have them."""
    if fmt not in ("text", "json", "graphml"):
        raise InputError(f"unknown flows format {fmt!r}; use text, json or graphml")
    try:
        g = flow_graph(store, org, year)
    except NoFlowsForBodyError as exc:
        if fmt != "text":
            raise
        return f"{exc}{' in ' + str(year) if year is not None else ''}; flows are recorded for: {flow_coverage(store)}"
    if g.number_of_edges() == 0 and year is not None:
        coverage = flow_coverage(store)
        if coverage != "no body":
            raise NotFoundError(f"no money flows recorded for {year}; flows are recorded for: {coverage}")
    if fmt == "text":
        return render_flows_text(g)
    if fmt == "json":
        import json

        return json.dumps({**_sankey(g), "summary": flow_summary(g)}, ensure_ascii=False, indent=2)
    if fmt == "graphml":
        return flows_graphml(g)
    raise InputError(f"unknown flows format {fmt!r}; use text, json or graphml")
