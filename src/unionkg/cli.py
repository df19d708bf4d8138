"""A thin command line over the library.

Every command builds :class:`Settings` at the edge, calls one library
function and renders its value.  Domain errors become a one-line message on
stderr and the error's documented exit code (see README, "Exit codes").
"""

from __future__ import annotations

import errno
import json
import re
import sys
import time
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, Optional

import typer

from unionkg.errors import InputError, UnionKGError
from unionkg.settings import Settings

app = typer.Typer(
    name="unionkg",
    help="Turn Chinese public-body budget, final-account and performance disclosures into a knowledge graph, and query it.",
    epilog=(
        "Every command reads or writes one store: --store DIR (or an http(s):// SPARQL endpoint), else $UNIONKG_STORE, "
        "else the user data dir; 'make serve' builds data/store. "
        "First steps: unionkg ingest FOLDER --store DIR --report; unionkg ask \"QUESTION\" --store DIR; unionkg serve --store DIR. "
        "Exit codes: README.md, 'Exit codes'."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

StoreOpt = typer.Option(None, "--store", help="Store directory or http(s):// SPARQL endpoint (default: $UNIONKG_STORE or the user data dir).")


def _fail(message: str, code: int) -> None:
    typer.echo(f"unionkg: error: {message}", err=True)
    raise typer.Exit(code)


def handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Translate domain errors into a one-line message and an exit code."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except UnionKGError as exc:
            _fail(exc.message, exc.exit_code)
        except OSError as exc:
            # a path the user gave (-o, --report-dir, an output folder) that cannot be written or read
            if exc.filename is None or isinstance(exc, BrokenPipeError):
                raise
            _fail(f"{exc.filename}: {exc.strerror or exc}", 2)
        except KeyboardInterrupt:
            _fail("interrupted", 130)
        except BrokenPipeError:
            sys.exit(0)

    return wrapper


def settings_for(store: Optional[str]) -> Settings:
    return Settings.from_env(store=store)


# The files RocksDB keeps in every embedded store folder: their presence is what makes a folder a store.
STORE_MARKER_FILE = "CURRENT"


def check_store_path(settings: Settings, create: bool = False) -> None:
    """Refuse, with a message naming the path, a ``--store`` that cannot be the store meant.

    Why: opening a missing folder would create an empty store, so a typo in
    ``--store`` (or a forgotten one: the default is the user data dir, not the
    Makefile's data/store) answered every command with zeros; a file or a
    folder of other files gave a RocksDB error about a lock.  ``create`` (ingest)
    accepts a new or empty folder.  Remote stores are checked by their server.
    """
    from unionkg.errors import StoreError

    if settings.is_remote:
        return
    where = Path(settings.store)
    if where.exists() and not where.is_dir():
        raise StoreError(f"{where}: is a file, not a store folder; --store (or $UNIONKG_STORE) names the folder the graph is kept in")
    if (where / STORE_MARKER_FILE).is_file():
        return
    if create:
        others = sorted(p.name for p in where.iterdir()) if where.is_dir() else []
        if others:
            raise StoreError(
                f"{where}: the folder holds other files ({', '.join(others[:5])}{', ...' if len(others) > 5 else ''}) and no store; "
                "ingest into a new or empty folder, or into an existing store"
            )
        return
    state = "the folder is not a store (no CURRENT file)" if where.is_dir() else "no such folder"
    raise StoreError(
        f"{where}: no store there: {state}; ingest documents first ('unionkg ingest FILES --store {where}'), "
        "or point --store / $UNIONKG_STORE at an existing store ('make serve' builds data/store)"
    )


def open_for(settings: Settings, read_only: bool = False, create: bool = False):  # type: ignore[no-untyped-def]
    """The store of ``settings``; it must exist unless ``create`` (see :func:`check_store_path`)."""
    from unionkg.graph.store import open_store

    check_store_path(settings, create=create)
    return open_store(settings, read_only=read_only)


def open_index(settings: Settings, graph_store: object | None = None):  # type: ignore[no-untyped-def]
    """The search index beside the store, or None when search is not available.

    With ``graph_store`` (a command that writes), the index is reconciled with
    the store first: documents the store no longer holds are dropped, and
    documents the index lacks (an ingest killed between the graph commit and
    the index write) are reported on stderr.
    """
    try:
        from unionkg.search.index import SearchIndex, stored_doc_ids
    except ImportError:
        return None
    index = SearchIndex.for_settings(settings)
    if index is not None and graph_store is not None:
        switched = _encoder_switch_note(index, settings)
        found = index.reconcile(stored_doc_ids(graph_store, settings))
        if found.dropped:
            typer.echo(f"search index: dropped {len(found.dropped)} document(s) not in the store", err=True)
        if switched:
            typer.echo(switched, err=True)  # says why the documents are missing, and what to do
        elif found.missing:
            typer.echo(f"search index: {len(found.missing)} document(s) of the store are not indexed; re-ingest them to index them: {' '.join(found.missing[:10])}", err=True)
    return index


def write_output(output: Path, data: str | bytes) -> None:
    """Write ``data`` to ``output`` whole or not at all (a temporary file renamed into place).

    A folder that does not exist or cannot be written is an InputError naming it, not a traceback.
    A device or pipe (``-o /dev/stdout``, ``/dev/null``, a FIFO) is written as it is: renaming a
    temporary file over it replaced the device with a regular file.
    """
    if not output.parent.is_dir():
        state = f"{output.parent} is a file, not a folder" if output.parent.exists() else f"the folder {output.parent} does not exist"
        raise InputError(f"{output}: cannot write there: {state}")
    if output.is_dir():
        raise InputError(f"{output}: is a folder; -o names the file to write")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        if output.exists() and not output.is_file():
            with output.open("wb") as stream:
                stream.write(payload)
            return
        tmp = output.with_suffix(output.suffix + ".tmp")
        tmp.write_bytes(payload)
        tmp.replace(output)
    except OSError as exc:
        raise InputError(f"{output}: cannot write there ({exc.strerror or exc}); choose another -o file or folder") from exc


def check_choice(option: str, value: str, allowed: tuple[str, ...]) -> str:
    """``value`` when it is one of ``allowed``; else an InputError naming the option and the choices.

    Why: a mistyped ``--format yaml`` printed text as if it were understood.
    """
    if value not in allowed:
        raise InputError(f"{option} {value!r}: unknown; use {', '.join(allowed)}")
    return value


def _encoder_switch_note(index: Any, settings: Settings) -> str | None:
    """A note when the index was built with another encoder than this command's ($UNIONKG_ENCODER).

    Why: a write with another encoder starts the index afresh, and the documents
    indexed before were reported as "not indexed" with no word of the encoder.
    """
    built = index.manifest()
    before, now = built.get("encoder"), (index.encoder.name if index.encoder is not None else "none")
    count = len(built.get("docs") or {})
    if not count or before == now:
        return None
    return (
        f"search index: its {count} document(s) were indexed with encoder '{before}' and this command uses '{now}' "
        f"(UNIONKG_ENCODER={settings.encoder}): the index is rebuilt with '{now}' from the documents ingested now; "
        f"re-ingest the others to search them, or run with UNIONKG_ENCODER={before} to keep the index as it was"
    )


def emit_json(value: object) -> None:
    typer.echo(json.dumps(value, ensure_ascii=False, indent=2, default=str))


@app.command()
@handle_errors
def ingest(
    paths: list[Path] = typer.Argument(..., help="Files or folders (txt, pdf, ofd, docx, xlsx, xlsb, xls, ods, html)."),
    store: Optional[str] = StoreOpt,
    report: bool = typer.Option(False, "--report", help="Print the quality report of each document (genre, facts, leftover numbers, warnings)."),
    report_dir: Optional[Path] = typer.Option(None, "--report-dir", help="Also write one JSON report per document into this folder."),
    fmt: str = typer.Option("text", "--format", help="text | json"),
    log_progress: bool = typer.Option(False, "--log-progress", help="Print 'ingested FILE DOC_ID' on stderr as each document is committed (for scripts and supervisors)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes that extract documents (default: one per CPU, at most 8; 1 = all in this process). The store is written by this process only, in input order."),
    all_checks: bool = typer.Option(False, "--all-checks", help="Recompute every data-quality finding of the store after the ingest (default: those of the bodies the ingested documents name, their parents, units and siblings; 'unionkg check' recomputes all)."),
) -> None:
    """Ingest documents into the store, one named graph per document."""
    from rich.progress import Progress

    from unionkg.pipeline import default_jobs, ingest_paths, iter_input_files

    check_choice("--format", fmt, ("text", "json"))
    if report_dir is not None and report_dir.exists() and not report_dir.is_dir():
        raise InputError(f"{report_dir}: is a file; --report-dir names a folder to write the reports into")  # before any ingest
    settings = settings_for(store)
    files = list(iter_input_files(paths))
    skipped = unsupported_files(paths)
    if not files:
        _fail(f"no supported files in {', '.join(map(str, paths))}{describe_skipped(skipped)}", 2)
    if skipped:
        typer.echo(f"unionkg: note: {describe_skipped(skipped).lstrip('; ')}", err=True)
    graph_store = open_for(settings, create=True)
    index = open_index(settings, graph_store)
    with Progress(transient=True, disable=not sys.stderr.isatty()) as progress:
        task = progress.add_task("ingesting", total=len(files))

        def step(path: Path, rep: object) -> None:
            progress.update(task, advance=1, description=path.name)
            if log_progress:  # called after the document's graph is committed
                outcome = f"failed {path.name}" if getattr(rep, "error", None) else f"ingested {path.name} {getattr(rep, 'doc_id', '')}"
                typer.echo(outcome, err=True)

        before = _checks_scope_before(graph_store, [f.name for f in files], all_checks)
        reports = ingest_paths(files, settings, graph_store, index, on_progress=step, jobs=jobs or default_jobs())
    try:
        from unionkg.analytics.checks import run_checks
        from unionkg.analytics.scope import end_change, ingest_scope

        run_checks(graph_store, settings, None if before is None else ingest_scope(graph_store, settings, before, reports))  # type: ignore[arg-type]
        end_change(graph_store)
    except ImportError:
        pass
    if report_dir is not None:
        report_dir.mkdir(parents=True, exist_ok=True)
        for r in reports:
            (report_dir / f"{r.source}.report.json").write_text(json.dumps(r.to_json(), ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    if fmt == "json":
        emit_json([r.to_json() for r in reports])
    else:
        from unionkg.render import render_ingest_reports

        typer.echo(render_ingest_reports(reports, detailed=report))
        if not report:  # what a reader could not read (scanned pages, embedded objects, attachments), said without --report
            for message in (w for r in reports for w in r.warnings if w.startswith("ingest: ")):
                typer.echo(f"warning: {message}", err=True)
    if store is None:  # the graph went to a folder the user never named: say which
        typer.echo(f"store: {settings.store} (no --store given: $UNIONKG_STORE or the user data dir; pass the same to ask, query, serve)", err=True)
    graph_store.close()
    if any(r.error for r in reports):
        raise typer.Exit(2)


def unsupported_files(paths: list[Path]) -> list[Path]:
    """Files inside the given folders that ingest passes over (a .doc, .xls or .wps a user expects to be read)."""
    from unionkg.pipeline import SUPPORTED_SUFFIXES

    found: list[Path] = []
    for folder in paths:
        if folder.is_dir():
            found.extend(sorted(f for f in folder.rglob("*") if f.is_file() and f.suffix.lower() not in SUPPORTED_SUFFIXES and not f.name.startswith(".")))
    return found


def describe_skipped(skipped: list[Path]) -> str:
    """'; skipped N file(s) of other types (.doc, .xls): supported are .txt, ...' or '' when none."""
    from unionkg.pipeline import SUPPORTED_SUFFIXES

    supported = ", ".join(SUPPORTED_SUFFIXES)
    if not skipped:
        return f" (supported: {supported})"
    kinds = sorted({f.suffix.lower() or "(no suffix)" for f in skipped})
    advice = list(dict.fromkeys(SKIPPED_TYPE_ADVICE[k] for k in kinds if k in SKIPPED_TYPE_ADVICE))
    return f"; skipped {len(skipped)} file(s) of other types ({', '.join(kinds)}): supported are {supported}" + "".join(f"; {a}" for a in advice)


# What to do with a file ingest passes over, by suffix: the note named the types but not the way to read them.
SKIPPED_TYPE_ADVICE = {
    ".ppt": "slides (.ppt, .pptx, .dps) are not read: save them as PDF",
    ".pptx": "slides (.ppt, .pptx, .dps) are not read: save them as PDF",
    ".dps": "slides (.ppt, .pptx, .dps) are not read: save them as PDF",
    ".zip": "unpack archives (.zip, .rar, .7z) and ingest the folder",
    ".rar": "unpack archives (.zip, .rar, .7z) and ingest the folder",
    ".7z": "unpack archives (.zip, .rar, .7z) and ingest the folder",
    ".jpg": "pictures (.jpg, .png) are not read: OCR them into a PDF with a text layer",
    ".jpeg": "pictures (.jpg, .png) are not read: OCR them into a PDF with a text layer",
    ".png": "pictures (.jpg, .png) are not read: OCR them into a PDF with a text layer",
}


def _checks_scope_before(graph_store: object, sources: list[str] | None, all_checks: bool = False, graphs: list[str] | None = None) -> object | None:
    """Before documents are written (``sources``: file names) or removed (``graphs``): mark the
    findings pending and read what the change touches (a ``ChecksScope``); None for a full run
    of the checks afterwards (asked for, an earlier change interrupted before its checks, or no
    analytics package)."""
    try:
        from unionkg.analytics.scope import begin_change, scope_of_graphs, scope_of_sources
    except ImportError:
        return None
    interrupted = begin_change(graph_store)  # type: ignore[arg-type]
    if all_checks or interrupted:
        return None
    return scope_of_sources(graph_store, sources) if sources is not None else scope_of_graphs(graph_store, graphs or [])  # type: ignore[arg-type]


@app.command()
@handle_errors
def remove(doc: str = typer.Argument(..., help="Document id, document IRI or the file name it was ingested from."), store: Optional[str] = StoreOpt) -> None:
    """Remove a document and all its facts from the store (and recompute the findings it concerned)."""
    from unionkg.pipeline import document_graphs, remove_document

    settings = settings_for(store)
    graph_store = open_for(settings)
    graphs = [g for g in document_graphs(doc, settings, graph_store) if graph_store.has_graph(g)]
    before = _checks_scope_before(graph_store, None, graphs=graphs) if graphs else None  # none: remove_document says so
    removed = remove_document(doc, settings, graph_store, open_index(settings, graph_store))
    try:
        from unionkg.analytics.checks import run_checks
        from unionkg.analytics.scope import end_change

        run_checks(graph_store, settings, before)  # type: ignore[arg-type]
        end_change(graph_store)
    except ImportError:
        pass
    for g in removed:
        typer.echo(f"removed {g}")
    graph_store.close()


@app.command()
@handle_errors
def query(
    sparql: str = typer.Argument(..., help="A SPARQL query, or @file.rq to read it from a file."),
    fmt: str = typer.Option("table", "--format", help="table | json | csv"),
    store: Optional[str] = StoreOpt,
) -> None:
    """Run a SPARQL SELECT, ASK or CONSTRUCT query."""
    from unionkg.errors import InputError
    from unionkg.render import render_select

    text = sparql
    if sparql.startswith("@"):
        path = Path(sparql[1:])
        if not path.is_file():
            raise InputError(f"{path}: no such query file")
        text = path.read_text(encoding="utf-8")
    check_choice("--format", fmt, ("table", "json", "csv"))
    update = update_form(text)
    if update is not None:
        raise InputError(
            f"{update} is a SPARQL Update: 'unionkg query' runs SELECT, ASK, CONSTRUCT and DESCRIBE; change the store "
            "with 'unionkg ingest' / 'unionkg remove', or through the service started with --update-token"
        )
    settings = settings_for(store)
    graph_store = open_for(settings, read_only=False)
    result = graph_store.select(text) if _is_select(text) else None
    if result is None:
        stripped = _strip_prologue(text).upper()
        if stripped.startswith("ASK"):
            typer.echo(json.dumps({"boolean": graph_store.ask(text)}) if fmt == "json" else str(graph_store.ask(text)).lower())
        else:
            typer.echo(graph_store.construct(text).serialize(format="turtle"))
        return
    typer.echo(render_select(result, fmt))


def _strip_prologue(text: str) -> str:
    import re

    # Only whole-line comments: a '#' inside an IRI (<...prov#>) is not one.
    no_comments = re.sub(r"(?m)^\s*#.*$", "", text)
    return re.sub(r"(?is)^\s*((PREFIX\s+\S*:\s*<[^>]*>|BASE\s+<[^>]*>)\s*)*", "", no_comments).strip()


# The first keyword of each SPARQL 1.1 Update operation (after the prologue): a query that starts
# with one is an update, which the query command does not run (the parser's "expected CONSTRUCT" hid that).
SPARQL_UPDATE_KEYWORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")
FIRST_KEYWORD_PATTERN = re.compile(r"[A-Za-z]+")


def update_form(text: str) -> str | None:
    """The update keyword ``text`` starts with ('INSERT', ...), or None for a query."""
    first = FIRST_KEYWORD_PATTERN.match(_strip_prologue(text))
    word = first.group(0).upper() if first else ""
    return word if word in SPARQL_UPDATE_KEYWORDS else None


def _is_select(text: str) -> bool:
    return _strip_prologue(text).upper().startswith("SELECT")


@app.command()
@handle_errors
def export(
    table: str = typer.Argument(..., help="indicators | amounts | projects | organizations | flows"),
    fmt: str = typer.Option("csv", "--format", help="csv | jsonl"),
    store: Optional[str] = StoreOpt,
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
) -> None:
    """Export a table of facts (columns documented in the README)."""
    from unionkg.export import export_table

    settings = settings_for(store)
    graph_store = open_for(settings)
    text = export_table(graph_store, table, fmt)
    if output is not None:
        write_output(output, text)
    else:
        typer.echo(text, nl=False)


@app.command()
@handle_errors
def validate(store: Optional[str] = StoreOpt) -> None:
    """Validate the whole store against the SHACL shapes; exit 1 when not conformant."""
    from unionkg.graph.validate import validate_store

    settings = settings_for(store)
    opened = open_for(settings)
    # One SHACL run over the whole store: seconds on the samples, minutes on a large store; say it started.
    typer.echo(f"validating {opened.count_triples():,} triples of {settings.store} against the SHACL shapes ...", err=True)
    started = time.perf_counter()
    conformance = validate_store(opened)
    typer.echo(f"validated in {time.perf_counter() - started:.1f} s", err=True)
    typer.echo(conformance.text or ("Conforms: True" if conformance.conforms else "Conforms: False"))
    _warn_superseded_nodes(opened)
    if not conformance.conforms:
        raise typer.Exit(1)


def _warn_superseded_nodes(graph_store: object) -> None:
    """Name, on stderr, the documents whose bodies the current identity rules mint under another IRI.

    Why: a release that grows the place table or the identity rules keys some bodies anew; the
    store then holds the old node beside the new one (linked by owl:sameAs) until those files are
    re-ingested (docs/graph-model.md, "Stable identities").  The store still conforms, so this is a
    warning, not a failure.
    """
    from unionkg.graph.identity import superseded_nodes

    stale = superseded_nodes(graph_store)
    if not stale:
        return
    files = sorted({node.source or node.doc for node in stale})
    typer.echo(f"warning: {len(stale)} organisation node(s) were minted by earlier identity rules; re-ingest {len(files)} file(s) to merge them:", err=True)
    for node in stale:
        typer.echo(f"  {node.source or node.doc}: {node.old} -> {node.current}", err=True)


@app.command()
@handle_errors
def stats(store: Optional[str] = StoreOpt, fmt: str = typer.Option("text", "--format", help="text | json")) -> None:
    """Triples, documents and facts per kind in the store."""
    from unionkg.export import store_stats

    settings = settings_for(store)
    check_choice("--format", fmt, ("text", "json"))
    value = store_stats(open_for(settings))
    if fmt == "json":
        emit_json(value)
    else:
        for key, val in value.items():
            if isinstance(val, dict):
                typer.echo(f"{key}:")
                for k, v in val.items():
                    typer.echo(f"  {k}: {v}")
            else:
                typer.echo(f"{key}: {val}")


@app.command()
@handle_errors
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to bind."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to listen on (0: any free port)."),
    store: Optional[str] = StoreOpt,
    update_token: Optional[str] = typer.Option(None, "--update-token", help="Enable SPARQL Update / Graph Store writes for requests bearing this token."),
    timeout: Optional[float] = typer.Option(None, "--timeout", help="Per-query time limit in seconds (default 10)."),
) -> None:
    """Serve the SPARQL endpoint, the chat and the entity pages."""
    import uvicorn
    from unionkg_api import create_app

    settings = Settings.from_env(store=store, update_token=update_token, query_timeout_s=timeout)
    # Without the update token nothing can be written: an empty store served would answer nothing, ever.
    check_store_path(settings, create=settings.update_token is not None)
    ensure_port_free(host, port)
    typer.echo(serving_note(settings.store, host, port), err=True)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info")


def serving_note(store: str, host: str, port: int) -> str:
    """Where the pages are, said once at start: uvicorn's own line names only the address.

    >>> serving_note("data/store", "0.0.0.0", 8001)
    'unionkg: serving data/store at http://127.0.0.1:8001/ (chat), /sparql (SPARQL editor), /findings, /docs (HTTP API); CTRL+C stops it'
    """
    shown = "127.0.0.1" if host in ("0.0.0.0", "::", "") else f"[{host}]" if ":" in host else host
    return f"unionkg: serving {store} at http://{shown}:{port}/ (chat), /sparql (SPARQL editor), /findings, /docs (HTTP API); CTRL+C stops it"


def ensure_port_free(host: str, port: int) -> None:
    """Refuse a ``--port`` that is taken before the app starts.

    Why: uvicorn logs the bind error after start-up and exits with status 3,
    which is this CLI's code for a malformed SPARQL query.
    """
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise InputError(f"--host {host}: not an address of this machine ({exc.strerror})") from exc
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds: a port in TIME_WAIT is free
        try:
            probe.bind(address)
        except OSError as exc:
            advice = BIND_ERROR_ADVICE.get(exc.errno or 0, "another 'unionkg serve' or program may use it: choose another --port")
            raise InputError(f"{host}:{port}: cannot listen there ({exc.strerror}); {advice}") from exc


# What to do when the port cannot be bound, by errno: a port in use, an address not of this machine, a privileged port.
BIND_ERROR_ADVICE = {
    errno.EADDRINUSE: "another 'unionkg serve' or program uses it: choose another --port (e.g. --port 8001)",
    errno.EADDRNOTAVAIL: "--host is not an address of this machine: use 127.0.0.1, or 0.0.0.0 for every interface",
    errno.EACCES: "ports below 1024 need administrator rights: choose --port 8000 or above",
}


# Commands contributed by subpackages (``ask``/``search``, ``check``/``flows``/
# ``dump``...) live next to their code and register themselves on ``app``.
COMMAND_MODULES = ("unionkg.qa.commands", "unionkg.analytics.commands", "unionkg.graph.commands")


def _register_command_modules() -> None:
    import importlib

    for module in COMMAND_MODULES:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise


_register_command_modules()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
