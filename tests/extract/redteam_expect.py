"""Expected table facts of the red-team corpus (tests/extract/corpus/rt_*.txt).

Each ``rt_*.json`` next to a document lists what the table extractors must
produce, exactly (nothing missing, nothing invented):

* ``amounts``: ``[table, item, code, column, value_yuan, phase]``
* ``counts``: ``[table, item, count, unit]``
* ``projects``: ``[name, budget_yuan, adjusted_yuan, final_yuan]``
* ``indicators``: ``[project, level1, level2, name, comparator, target, unit]``

``python -m tests.extract.redteam_expect FILE...`` prints the JSON of what is
extracted now (to review by hand, never to copy blindly).
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path

from unionkg.extract import extract
from unionkg.ingest import load_source
from unionkg.model import Amount, Extraction, Indicator, Project, StatisticalCount
from unionkg.settings import Settings

TABLE_EXTRACTORS = ("final_accounts.tables", "budget_tables", "indicators", "project_tables")


def _num(value: Decimal | None) -> str | None:
    return None if value is None else format(value.normalize(), "f")


def run_extract(path: Path) -> Extraction:
    doc = load_source(path, Settings(store="unused", encoder="hash"))
    extraction = extract(doc)
    for fact in extraction.facts:
        ev = fact.evidence
        assert doc.original[ev.start : ev.end] == ev.quote, f"{path.name}: evidence of {fact} is not exact"
    return extraction


def table_facts(extraction: Extraction) -> dict[str, list[list[object]]]:
    out: dict[str, list[list[object]]] = {"amounts": [], "counts": [], "projects": [], "indicators": []}
    for fact in extraction.facts:
        extractor = fact.evidence.extractor.split("@")[0]
        if extractor not in TABLE_EXTRACTORS:
            continue
        if isinstance(fact, Amount):
            out["amounts"].append([fact.table, fact.item, fact.code, fact.column, _num(fact.value), str(fact.phase)])
        elif isinstance(fact, StatisticalCount):
            out["counts"].append([fact.table, fact.item, _num(fact.count), fact.unit])
        elif isinstance(fact, Project):
            out["projects"].append([fact.name, _num(fact.budget), _num(fact.adjusted), _num(fact.final)])
        elif isinstance(fact, Indicator):
            out["indicators"].append([fact.project, fact.level1, fact.level2, fact.name, str(fact.comparator), _num(fact.target), fact.unit])
    return out


def as_set(rows: list[list[object]]) -> set[tuple[object, ...]]:
    return {tuple(row) for row in rows}


def dump(facts: dict[str, list[list[object]]]) -> str:
    """One fact per line, for a readable diff."""
    parts = []
    for key, rows in facts.items():
        body = ",\n".join("  " + json.dumps(row, ensure_ascii=False) for row in rows)
        parts.append(f'"{key}": [\n{body}\n]' if rows else f'"{key}": []')
    return "{\n" + ",\n".join(parts) + "\n}"


if __name__ == "__main__":
    for name in sys.argv[1:]:
        facts = table_facts(run_extract(Path(name)))
        print(dump(facts))
