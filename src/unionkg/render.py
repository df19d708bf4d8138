"""Plain-text and CSV rendering for the CLI."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from decimal import Decimal

from unionkg.graph.store import SelectResult


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else str(value)
    return str(value)


def render_select(result: SelectResult, fmt: str) -> str:
    rows = result.values()
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2, default=str)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(result.variables)
        for row in rows:
            writer.writerow([_cell(row.get(v)) for v in result.variables])
        return buf.getvalue()
    if fmt != "table":
        from unionkg.errors import InputError

        raise InputError(f"unknown format {fmt!r}; use table, json or csv")
    return render_table(result.variables, [[_cell(r.get(v)) for v in result.variables] for r in rows])


def render_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    from rich.console import Console
    from rich.table import Table

    table = Table(*headers, show_lines=False)
    for row in rows:
        table.add_row(*row)
    console = Console(file=io.StringIO(), width=200, force_terminal=False)
    console.print(table)
    console.print(f"{len(rows)} row(s)")
    return console.file.getvalue()  # type: ignore[attr-defined]


def render_ingest_reports(reports: Sequence[object], detailed: bool = False) -> str:
    lines: list[str] = []
    for r in reports:
        if getattr(r, "error", None):
            lines.append(f"FAILED  {r.source}: {r.error}")  # type: ignore[attr-defined]
            continue
        facts = ", ".join(f"{k} {v}" for k, v in sorted(r.facts.items()))  # type: ignore[attr-defined]
        lines.append(f"ok      {r.source}  [{r.genre}] {r.org or '?'} {r.year or '?'}  {r.triples} triples  {facts}")  # type: ignore[attr-defined]
        if detailed:
            for w in r.warnings:  # type: ignore[attr-defined]
                lines.append(f"        warning: {w}")
            for s in r.unmatched_sections:  # type: ignore[attr-defined]
                lines.append(f"        unmatched section: {s}")
            for n in r.leftover_numbers:  # type: ignore[attr-defined]
                lines.append(f"        leftover number: {n.get('number')}  …{n.get('context')}…")
    ok = sum(1 for r in reports if not getattr(r, "error", None))
    lines.append(f"{ok} of {len(reports)} document(s) ingested")
    return "\n".join(lines)
