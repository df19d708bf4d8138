"""Plain-text and CSV rendering for the CLI."""

from __future__ import annotations

import csv
import io
import json
import re
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


# A quote keeps the document's line breaks (a PDF line wrapped mid-word); in a table cell they became
# blank lines that made one row look like several, so a run of white space holding a break is one space.
LINE_BREAK_RUN = re.compile(r"[ \t\u3000]*(?:\r?\n|\r|\f)\s*")


def one_line(text: str) -> str:
    """``text`` with every line break (and the blanks around it) made one space."""
    return LINE_BREAK_RUN.sub(" ", text).strip()


# A PDF wraps lines between two CJK characters of one word ("对个\n\n人和家庭"): that break is no space.
CJK_CHAR = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff60]"
CJK_WRAP = re.compile(rf"(?<={CJK_CHAR})[ \t]*(?:\r?\n|\r|\f)\s*(?={CJK_CHAR})")


def quote_line(text: str) -> str:
    """A source quote on one line: a wrap between CJK characters removed, any other break one space."""
    return one_line(CJK_WRAP.sub("", text))


def failure_text(source: str, error: str) -> str:
    """'FILE: problem' once: the errors already start with the file they are about ('x.docx: x.docx: ...' was printed)."""
    return error if error.startswith(f"{source}:") else f"{source}: {error}"


def render_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    from rich.console import Console
    from rich.table import Table

    table = Table(*headers, show_lines=False)
    for row in rows:
        table.add_row(*(one_line(cell) for cell in row))
    console = Console(file=io.StringIO(), width=200, force_terminal=False)
    console.print(table)
    console.print(f"{len(rows)} row(s)")
    return console.file.getvalue()  # type: ignore[attr-defined]


#: Leftover numbers printed with their context by ``ingest --report``; the rest are counted.
REPORT_TOP_LEFTOVERS = 20


def _leftovers_by_section(leftovers: Sequence[dict[str, object]]) -> list[tuple[str, bool, list[dict[str, object]]]]:
    """(section heading, section matched a fact, its leftovers) in document order."""
    groups: dict[str, tuple[bool, list[dict[str, object]]]] = {}
    for n in leftovers:
        heading = str(n.get("section") or "(before the first heading)")
        groups.setdefault(heading, (bool(n.get("section_matched")), []))[1].append(n)
    return [(h, matched, items) for h, (matched, items) in groups.items()]


def render_quality_report(r: object, top: int = REPORT_TOP_LEFTOVERS) -> list[str]:
    """The quality report of one document: genre, facts per kind, warnings,
    unmatched sections, leftover numbers grouped by section (the first ``top``
    with their context, then a count)."""
    get = lambda name, default=None: getattr(r, name, default)  # noqa: E731
    facts = get("facts") or {}
    warnings = get("warnings") or []
    unmatched = get("unmatched_sections") or []
    leftovers = get("leftover_numbers") or []
    pad = " " * 8
    lines = [f"{pad}genre: {get('genre')}   body: {get('org') or '?'}   year: {get('year') or '?'}"]
    lines.append(f"{pad}facts: " + (", ".join(f"{k} {v}" for k, v in sorted(facts.items())) or "none"))
    lines.append(f"{pad}warnings: {len(warnings)}")
    lines.extend(f"{pad}  - {w}" for w in warnings)
    lines.append(f"{pad}sections no extractor matched: {len(unmatched)}")
    lines.extend(f"{pad}  - {s}" for s in unmatched)
    groups = _leftovers_by_section(leftovers)
    lines.append(f"{pad}leftover numbers (in the text, used by no fact): {len(leftovers)} in {len(groups)} section(s)")
    shown = 0
    for heading, matched, items in groups:
        note = "" if matched else "  [no extractor matched this section]"
        lines.append(f"{pad}  {heading}: {len(items)}{note}")
        for n in items:
            if shown >= top:
                break
            lines.append(f"{pad}    {n.get('number')!s:>10}  @{n.get('start')}  …{n.get('context')}…")
            shown += 1
    if len(leftovers) > shown:
        lines.append(f"{pad}  … {len(leftovers) - shown} more leftover number(s) not shown (all of them are in the --report-dir JSON)")
    return lines


# A document in which no genre, body, year or fact was recognised is still ingested (its passages can be
# searched); a bare "[unknown] ? ?" left the user guessing whether a wrong file had been given.
NOTHING_RECOGNISED_NOTE = "no genre, body, year or figures recognised: is it a budget, final account or performance evaluation? --report shows what was read"


def nothing_recognised(r: object) -> bool:
    """True for an ingested document of no known genre in which neither body, nor year, nor any fact was found."""
    facts = {k: v for k, v in (getattr(r, "facts", None) or {}).items() if k != "Passage" and v}
    return getattr(r, "genre", None) == "unknown" and not getattr(r, "org", None) and not getattr(r, "year", None) and not facts


def render_ingest_reports(reports: Sequence[object], detailed: bool = False) -> str:
    """One line per document; with ``detailed`` (``ingest --report``) its quality report below."""
    lines: list[str] = []
    for r in reports:
        if getattr(r, "error", None):
            lines.append(f"FAILED  {failure_text(r.source, r.error)}")  # type: ignore[attr-defined]
            continue
        facts = ", ".join(f"{k} {v}" for k, v in sorted(r.facts.items()))  # type: ignore[attr-defined]
        line = f"ok      {r.source}  [{r.genre}] {r.org or '?'} {r.year or '?'}  {r.triples} triples  {facts}"  # type: ignore[attr-defined]
        lines.append(f"{line.rstrip()}  ({NOTHING_RECOGNISED_NOTE})" if nothing_recognised(r) else line)
        if detailed:
            lines.extend(render_quality_report(r))
    ok = sum(1 for r in reports if not getattr(r, "error", None))
    lines.append(f"{ok} of {len(reports)} document(s) ingested")
    return "\n".join(lines)
