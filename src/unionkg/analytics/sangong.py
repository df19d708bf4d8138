"""The 三公经费 against its three parts (check ``sum:sangong``).

Budgets and final accounts print the "three public expenses" as a total and its
parts, in a table (一般公共预算“三公”经费支出表, 公开07表) or in prose ("“三公”经费预算
12.00 万元，其中：因公出国（境）费 0 万元，公务用车购置及运行维护费 8.00 万元（其中：
公务用车购置费 0 万元，公务用车运行维护费 8.00 万元），公务接待费 4.00 万元").  The
extraction names what each figure is (``ukg:itemCategory``, ontology/codes/expense-items.ttl),
whatever words the document uses, so the check reads the categories, not the labels:

- 三公经费 = 因公出国（境）费 + 公务用车购置及运行（维护）费 + 公务接待费;
- 公务用车购置及运行（维护）费 = 公务用车购置费 + 公务用车运行维护费; a document that
  prints only the two (no line for the vehicles together) has them stand for it.

Figures are compared within one document, body, year, phase, scope, table and column
(a table's 预算数 and 决算数 columns are two comparisons).  The fund is not compared: a
total printed as "财政拨款“三公”经费" lists parts without the fund.  When a part is not
printed the parts are what the document listed, which may be a selection: only parts
exceeding the total are then a finding (as for line items).  Tolerance and rounding as
every sum (``tolerance.py``); the finding names the total and every part with its quote.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rdflib import URIRef

from unionkg.analytics.findings import Finding
from unionkg.graph.queries import named_query
from unionkg.graph.store import select_rows

if TYPE_CHECKING:
    from unionkg.analytics.checks import Context, Obs

UKG = "https://w3id.org/unionkg/def/ukg#"
MAX_READINGS = 16  # combinations of a group's figures tried (a category printed with two values)


@dataclass(frozen=True)
class SangongComposition:
    """A 三公 total (``ukg:itemCategory``, local name) and the categories of its parts."""

    name: str
    description: str
    total: str
    parts: tuple[str, ...]


#: The compositions of the 三公经费, outermost first.
SANGONG_COMPOSITIONS: tuple[SangongComposition, ...] = (
    SangongComposition(
        "sangong",
        "三公经费 against 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费",
        "item-sangong",
        ("item-sangong-abroad", "item-sangong-vehicles", "item-sangong-reception"),
    ),
    SangongComposition(
        "sangong_vehicles",
        "公务用车购置及运行费 against 公务用车购置费 + 公务用车运行维护费",
        "item-sangong-vehicles",
        ("item-sangong-vehicle-purchase", "item-sangong-vehicle-operation"),
    ),
)

#: A part a document may leave out and print as its own parts instead.
SANGONG_SUBSTITUTES: dict[str, tuple[str, ...]] = {
    "item-sangong-vehicles": ("item-sangong-vehicle-purchase", "item-sangong-vehicle-operation"),
}

SANGONG_CATEGORIES: tuple[str, ...] = tuple(
    dict.fromkeys(c for comp in SANGONG_COMPOSITIONS for c in (comp.total, *comp.parts))
)


def categories_of(ctx: Context) -> dict[str, str]:
    """Observation IRI -> its 三公 category (local name), for the figures that have one."""
    rows = select_rows(ctx.store, named_query("check_item_categories"), ["category"], [[URIRef(UKG + c)] for c in SANGONG_CATEGORIES])
    return {str(r["obs"]): str(r["category"]).removeprefix(UKG) for r in rows.values()}


def _group_key(o: Obs) -> tuple[object, ...]:
    return (o.doc, o.org, o.year, o.phase, o.scope, o.table, o.column)


def part_choices(comp: SangongComposition, figures: dict[str, list[Obs]]) -> tuple[list[list[Obs]], bool]:
    """Each part's printed figures (a substitute's parts when the part is not printed), and
    whether every part is printed (else the parts are a selection)."""
    choices: list[list[Obs]] = []
    complete = True
    for part in comp.parts:
        if figures.get(part):
            choices.append(figures[part])
            continue
        substitutes = [c for c in SANGONG_SUBSTITUTES.get(part, ()) if figures.get(c)]
        complete = complete and bool(substitutes) and len(substitutes) == len(SANGONG_SUBSTITUTES[part])
        choices += [figures[c] for c in substitutes]
    return choices, complete


def check_sangong(ctx: Context) -> list[Finding]:
    """The 三公 total against its parts, and the vehicles' total against purchase + operation."""
    from unionkg.analytics.checks import _compare_total

    category = categories_of(ctx)
    if not category:
        return []
    groups: dict[tuple[object, ...], dict[str, list[Obs]]] = defaultdict(lambda: defaultdict(list))
    for o in ctx.observations:
        if o.iri in category:
            by_value = groups[_group_key(o)][category[o.iri]]
            if all(p.value != o.value for p in by_value):  # one figure printed twice counts once
                by_value.append(o)
    findings: list[Finding] = []
    for figures in groups.values():
        for comp in SANGONG_COMPOSITIONS:
            totals = figures.get(comp.total, [])
            choices, complete = part_choices(comp, figures)
            if not totals or len(choices) < 2:
                continue
            candidates = [list(parts) for parts in itertools.islice(itertools.product(*choices), MAX_READINGS)]
            findings += _compare_total(ctx, f"sum:{comp.name}", totals, candidates, comp.description, line_items=not complete)
    return findings
