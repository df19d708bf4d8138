"""Export tables (``unionkg export``) and store statistics (``unionkg stats``).

Each table is backed by a named query ``ontology/queries/export_<table>.rq``
and has exactly the columns listed in :data:`TABLE_COLUMNS` (the README and
issue 2 document them).  Money is exported in 万元 as the documents print it:
the yuan value divided by 10000 in decimal arithmetic, so no float noise.
Unknown values are ``null`` in JSON Lines and empty in CSV.

A body held under several organisation nodes (renamed between years: ``<new> owl:sameAs <former>``) is
one body in every table: each column naming an organisation (``org``, ``name``, ``parent``, ``payer``,
``payee``) gives the name of the group's current node (graph/bodies.py, the node QA answers under), in the
rows of the former name's documents too; the former names are in no column (the columns are a contract),
the graph keeps them (the nodes' labels, the org:ChangeEvent).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from decimal import Decimal

from rdflib import URIRef

from unionkg.errors import InputError
from unionkg.graph.bodies import Body, bodies_of_nodes, body_label
from unionkg.graph.mapping import COMPARATOR_CONCEPTS, DIRECTION_CODES, PHASE_CODES, ROLE_CONCEPTS, STAFF_CONCEPTS
from unionkg.graph.queries import named_query
from unionkg.graph.vocab import ORG, QB, UKG
from unionkg.model import OrgRole, StaffCategory

TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "indicators": (
        "org", "year", "project", "level1", "level2", "name", "comparator", "target", "target_text", "unit",
        "actual", "actual_text", "weight", "score", "met", "doc", "quote",
    ),
    "amounts": ("org", "year", "phase", "direction", "item", "code", "value_wan", "doc", "quote", "qualifier"),
    "projects": ("org", "year", "name", "budget_wan", "final_wan", "execution_rate", "doc"),
    "organizations": (
        "name", "parent", "kind", "division_code", "year", "staff_authorized", "staff_actual", "staff_retired", "doc",
    ),
    "flows": ("payer", "payee", "amount_wan", "year", "purpose", "project", "doc", "quote"),
}
FORMATS: tuple[str, ...] = ("csv", "jsonl")

TEN_THOUSAND = Decimal(10000)

# IRIs in the graph -> the values the export tables use.
COMPARATOR_VALUES: dict[str, str] = {str(iri): cmp.value for cmp, iri in COMPARATOR_CONCEPTS.items()}
PHASE_VALUES: dict[str, str] = {str(iri): phase.value for phase, iri in PHASE_CODES.items()}
DIRECTION_VALUES: dict[str, str] = {str(iri): d.value for d, iri in DIRECTION_CODES.items()}
KIND_VALUES: dict[str, str] = {str(iri): role.value for role, iri in ROLE_CONCEPTS.items()}
REPORTING_BODY_KIND = "reporting_body"
STAFF_COLUMNS: dict[str, str] = {
    str(STAFF_CONCEPTS[StaffCategory.AUTHORIZED]): "staff_authorized",
    str(STAFF_CONCEPTS[StaffCategory.ACTUAL]): "staff_actual",
    str(STAFF_CONCEPTS[StaffCategory.RETIRED]): "staff_retired",
}

Row = dict[str, object]


# ---------------------------------------------------------------- values


def wan(value: object) -> Decimal | None:
    """Yuan -> 万元, exactly."""
    if value is None:
        return None
    return Decimal(str(value)) / TEN_THOUSAND


def number(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _category_label(iri: object) -> str | None:
    """zh prefLabel of an indicator category concept (when no printed label)."""
    if iri is None:
        return None
    from rdflib import Literal
    from rdflib.namespace import SKOS

    from unionkg.graph.ontology import vocabulary_graph

    for label in vocabulary_graph().objects(URIRef(str(iri)), SKOS.prefLabel):
        if isinstance(label, Literal) and label.language == "zh":
            return str(label)
    return None


def _str(value: object) -> str | None:
    return None if value is None else str(value)


def _int(value: object) -> int | None:
    return None if value is None else int(str(value))


# ---------------------------------------------------------------- tables


def _indicator_rows(store: object, bodies: dict[str, Body]) -> list[Row]:
    rows = []
    for r in store.select(named_query("export_indicators")).values():  # type: ignore[attr-defined]
        met = r["met"]
        rows.append({
            "org": body_label(r["o"], r["org"], bodies),
            "year": _int(r["year"]),
            "project": r["project"],
            "level1": r["level1Label"] or _category_label(r["level1"]),
            "level2": r["level2Label"] or _category_label(r["level2"]),
            "name": r["name"],
            "comparator": COMPARATOR_VALUES.get(str(r["comparator"])),
            "target": number(r["target"]),
            "target_text": r["target_text"],
            "unit": r["unit"],
            "actual": number(r["actual"]),
            "actual_text": r["actual_text"],
            "weight": number(r["weight"]),
            "score": number(r["score"]),
            "met": None if met is None else bool(met),
            "doc": r["doc"],
            "quote": r["quote"],
        })
    return rows


def _amount_rows(store: object, bodies: dict[str, Body]) -> list[Row]:
    return [
        {
            "org": body_label(r["o"], r["org"], bodies),
            "year": _int(r["year"]),
            "phase": PHASE_VALUES.get(str(r["phase"])),
            "direction": DIRECTION_VALUES.get(str(r["direction"])) if r["direction"] else None,
            "item": r["item"],
            "code": _str(r["code"]),
            "value_wan": wan(r["value"]),
            "doc": r["doc"],
            "quote": r["quote"],
            "qualifier": _str(r["qualifier"]),
        }
        for r in store.select(named_query("export_amounts")).values()  # type: ignore[attr-defined]
    ]


def _project_rows(store: object, bodies: dict[str, Body]) -> list[Row]:
    return [
        {
            "org": body_label(r["o"], r["org"], bodies),
            "year": _int(r["year"]),
            "name": r["name"],
            "budget_wan": wan(r["budget"]),
            "final_wan": wan(r["final"]),
            "execution_rate": number(r["execution_rate"]),
            "doc": r["doc"],
        }
        for r in store.select(named_query("export_projects")).values()  # type: ignore[attr-defined]
    ]


def _kind(row: dict[str, object]) -> str | None:
    """The organisations table's kind: the body's role in the document (federation, unit, department), with
    ``reporting_body`` for a reporting body that is not a union (a 妇联, a 财政局: typed schema:NGO or
    schema:GovernmentOrganization by the mapping), which "federation" would misname."""
    kind = KIND_VALUES.get(str(row["role"]))
    if kind == OrgRole.FEDERATION.value and row.get("type") is not None:
        return REPORTING_BODY_KIND
    return kind


def _organization_rows(store: object, bodies: dict[str, Body]) -> list[Row]:
    # The first stated figure (lowest offset) of each category per document.
    staff: dict[tuple[str, str, str], int] = {}
    for r in store.select(named_query("export_organizations_staff")).values():  # type: ignore[attr-defined]
        column = STAFF_COLUMNS.get(str(r["category"]))
        if column is not None:
            staff.setdefault((str(r["g"]), str(r["o"]), column), int(str(r["headcount"])))
    rows: dict[tuple[str, str], Row] = {}
    for r in store.select(named_query("export_organizations")).values():  # type: ignore[attr-defined]
        # one row per body and document: two nodes of one body (a former and a current name) are one row
        key = (str(r["g"]), bodies[str(r["o"])].iri if str(r["o"]) in bodies else str(r["o"]))
        if key in rows:  # an organisation with two parents or roles: keep the first row
            continue
        rows[key] = {
            "name": body_label(r["o"], r["name"], bodies),
            "parent": body_label(r["po"] or r["pu"], r["parent"], bodies),
            "kind": _kind(r),
            "division_code": _str(r["division_code"]),
            "year": _int(r["year"]),
            **{col: staff.get((key[0], str(r["o"]), col)) for col in ("staff_authorized", "staff_actual", "staff_retired")},
            "doc": r["doc"],
        }
    return list(rows.values())


def _flow_rows(store: object, bodies: dict[str, Body]) -> list[Row]:
    return [
        {
            "payer": body_label(r["pa"], r["payer"], bodies),
            "payee": body_label(r["pe"], r["payee"], bodies),
            "amount_wan": wan(r["amount"]),
            "year": _int(r["year"]),
            "purpose": r["purpose"],
            "project": r["project"],
            "doc": r["doc"],
            "quote": r["quote"],
        }
        for r in store.select(named_query("export_flows")).values()  # type: ignore[attr-defined]
    ]


TABLE_ROWS: dict[str, Callable[[object, dict[str, Body]], list[Row]]] = {
    "indicators": _indicator_rows,
    "amounts": _amount_rows,
    "projects": _project_rows,
    "organizations": _organization_rows,
    "flows": _flow_rows,
}


def table_rows(store: object, table: str) -> list[Row]:
    """Rows of an export table as Python values (Decimal for numbers)."""
    if table not in TABLE_ROWS:
        raise InputError(f"unknown export table {table!r}; known tables: {', '.join(TABLE_COLUMNS)}")
    rows = TABLE_ROWS[table](store, bodies_of_nodes(store))  # type: ignore[arg-type]
    columns = TABLE_COLUMNS[table]
    return [{c: row.get(c) for c in columns} for row in rows]


# ---------------------------------------------------------------- rendering


def _json_value(value: object) -> object:
    if isinstance(value, Decimal):
        # Decimal -> the shortest float that prints the same digits (1520.36,
        # not 1520.3600000001): the division was done in decimal arithmetic.
        normal = value.normalize()
        return int(normal) if normal == normal.to_integral_value() else float(normal)
    return value


def _csv_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        normal = value.normalize()
        return format(normal.quantize(Decimal(1)) if normal == normal.to_integral_value() else normal, "f")
    return str(value)


def render_rows(rows: list[Row], columns: tuple[str, ...], fmt: str) -> str:
    if fmt == "jsonl":
        return "".join(json.dumps({c: _json_value(row[c]) for c in columns}, ensure_ascii=False) + "\n" for row in rows)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_csv_value(row[c]) for c in columns])
        return out.getvalue()
    raise InputError(f"unknown export format {fmt!r}; known formats: {', '.join(FORMATS)}")


def export_table(store: object, table: str, fmt: str = "csv") -> str:
    """One export table as CSV or JSON Lines text."""
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}; known formats: {', '.join(FORMATS)}")
    return render_rows(table_rows(store, table), TABLE_COLUMNS[table], fmt)


# ---------------------------------------------------------------- stats

# Class of a fact node -> the name `unionkg stats` shows (the model's fact names).
STAT_KINDS: dict[str, str] = {
    str(QB.Observation): "Amount",
    str(QB.DataSet): "DataSet",
    str(UKG.PerformanceIndicator): "Indicator",
    str(UKG.Project): "Project",
    str(UKG.Evaluation): "Evaluation",
    str(UKG.MoneyFlow): "Flow",
    str(UKG.StaffingFigure): "Staffing",
    str(UKG.Duty): "Duty",
    str(UKG.WorkTask): "WorkTask",
    str(UKG.Change): "Change",
    str(UKG.StatisticalCount): "StatisticalCount",
    str(UKG.Passage): "Passage",
    str(UKG.SourceDocument): "Document",
    str(ORG.FormalOrganization): "Organization",
    str(ORG.OrganizationalUnit): "Department",
    str(UKG.QualityFinding): "QualityFinding",
}


def store_stats(store: object) -> dict[str, object]:
    """Triples, documents, graphs and fact nodes per kind (distinct across documents)."""
    counts = {STAT_KINDS[str(r["class"])]: int(str(r["n"])) for r in store.select(named_query("stats_facts_per_kind")).values()}  # type: ignore[attr-defined]
    facts = {kind: counts.get(kind, 0) for kind in STAT_KINDS.values() if kind != "Document"}
    return {
        "triples": store.count_triples(),  # type: ignore[attr-defined]
        "graphs": len(store.graphs()),  # type: ignore[attr-defined]
        "documents": counts.get("Document", 0),
        "facts": facts,
    }
