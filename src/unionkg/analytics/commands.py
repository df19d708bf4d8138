"""CLI commands of the analytics package: ``check``, ``flows``, ``dump``, ``load``, ``fdp``.

Registered on the main Typer app when ``unionkg.cli`` imports this module
(``COMMAND_MODULES``).  Each command calls one library function.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from unionkg.cli import StoreOpt, app, check_choice, emit_json, handle_errors, open_for, settings_for, write_output
from unionkg.errors import InputError


def _write(text: str | bytes, output: Optional[Path]) -> None:
    data = text.encode("utf-8") if isinstance(text, str) else text
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    write_output(output, data)


# The severities a finding has (docs/graph-model.md, data-quality findings).
FINDING_SEVERITIES = ("error", "warning", "info")


@app.command()
@handle_errors
def check(
    store: Optional[str] = StoreOpt,
    fmt: str = typer.Option("text", "--format", help="text | json"),
    severity: Optional[str] = typer.Option(None, "--severity", help="Only findings of this severity (error | warning | info)."),
    no_rounding: bool = typer.Option(
        False, "--no-rounding", help="Leave out the differences within the rounding of the printed figures (infos marked 'rounding')."
    ),
) -> None:
    """Recompute the data-quality findings (sums, shares, changes, rates, indicators) and print them."""
    from unionkg.analytics.checks import run_checks, without_rounding
    from unionkg.analytics.findings import render_text

    if fmt not in ("text", "json"):
        raise InputError(f"unknown format {fmt!r}; use text or json")
    if severity is not None:
        check_choice("--severity", severity, FINDING_SEVERITIES)  # a typo printed "no findings" after a full check run
    settings = settings_for(store)
    graph_store = open_for(settings)
    findings = without_rounding(run_checks(graph_store, settings), rounding=not no_rounding)
    if severity is not None:
        findings = [f for f in findings if f.severity == severity]
    if fmt == "json":
        emit_json([f.to_json() for f in findings])
    else:
        typer.echo(render_text(findings))
    graph_store.close()


@app.command()
@handle_errors
def flows(
    org: Optional[str] = typer.Option(None, "--org", help="Only this body (name, part of a name, or IRI) and what it funds."),
    year: Optional[int] = typer.Option(None, "--year", help="Only this fiscal year."),
    fmt: str = typer.Option("text", "--format", help="text | json (Sankey nodes/links + summary) | graphml"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    store: Optional[str] = StoreOpt,
) -> None:
    """Money flows: funding sources -> body -> units and projects -> recipients."""
    from unionkg.analytics.flows import flows_output

    settings = settings_for(store)
    graph_store = open_for(settings, read_only=True)
    _write(flows_output(graph_store, org, year, fmt) + "\n", output)


@app.command()
@handle_errors
def dump(
    fmt: str = typer.Option("nquads", "--format", help="nquads | trig | turtle (flattened union of all graphs) | jsonld"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    store: Optional[str] = StoreOpt,
) -> None:
    """Dump the whole graph (all named graphs) for other open-data tools."""
    from unionkg.analytics.exports import dump_graph

    settings = settings_for(store)
    _write(dump_graph(open_for(settings, read_only=True), fmt), output)


@app.command()
@handle_errors
def load(
    dump_file: Path = typer.Argument(..., metavar="DUMP", help="An N-Quads (.nq), N-Triples (.nt), TriG, Turtle, JSON-LD or RDF/XML dump, e.g. from 'unionkg dump'."),
    store: Optional[str] = StoreOpt,
    threads: Optional[int] = typer.Option(None, "--threads", help="Parallel loaders for .nq/.nt (default: one per CPU)."),
) -> None:
    """Restore a dump into a new embedded store (bulk load; the store folder must be new or empty)."""
    import time

    from unionkg.graph.bulk import restore_dump

    settings = settings_for(store)
    if settings.is_remote:
        raise InputError(f"{settings.store}: load a dump into a remote store with the server's own bulk loader (docs/remote-stores.md)")
    started = time.perf_counter()
    count = restore_dump(dump_file, Path(settings.store), threads)
    seconds = time.perf_counter() - started
    typer.echo(f"loaded {count:,} quads from {dump_file} into {settings.store} in {seconds:.1f} s ({count / max(seconds, 1e-9):,.0f} quads/s)")
    _derive_slices(settings)
    typer.echo("search over passages needs the source documents: ingest them to index them; SPARQL, ask and exports work on the loaded graph", err=True)


def _derive_slices(settings) -> None:  # type: ignore[no-untyped-def]
    """A dump made before fiscal-year slices existed gets them (graph/slices.py); a no-op otherwise."""
    import time

    from unionkg.graph.slices import derive_missing_slices
    from unionkg.graph.store import OxigraphStore

    started = time.perf_counter()
    graph_store = OxigraphStore(settings.store)
    try:
        derive_missing_slices(graph_store)
    finally:
        graph_store.close()
    typer.echo(f"checked the fiscal-year slices in {time.perf_counter() - started:.1f} s", err=True)


@app.command()
@handle_errors
def fdp(
    outdir: Path = typer.Argument(..., help="Folder to write amounts.csv, datapackage.json and dcat.ttl into."),
    store: Optional[str] = StoreOpt,
) -> None:
    """Write the figures as a Fiscal Data Package (OpenSpending) with a DCAT description."""
    from unionkg.analytics.exports import write_fdp

    if outdir.exists() and not outdir.is_dir():
        raise InputError(f"{outdir}: is a file, not a folder; OUTDIR names the folder to write amounts.csv, datapackage.json and dcat.ttl into")
    settings = settings_for(store)
    descriptor = write_fdp(open_for(settings, read_only=True), outdir, settings.base_iri)
    measures = ", ".join(descriptor["model"]["measures"])  # type: ignore[index]
    typer.echo(f"wrote {outdir}/datapackage.json, amounts.csv, dcat.ttl (measures: {measures})")
