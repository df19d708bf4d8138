"""The pipeline, called the same way by the CLI and the HTTP API.

ingest -> extract -> map -> validate -> load -> index, one document at a time.
A document is written to the store in one transaction, after its graph has
passed validation, so a failure leaves the store as it was.

The mapping's triples go to validation and to the embedded store as tuples
(``map_extraction``); an rdflib graph is built only for a store that needs
one.  Each report carries the time spent in each stage (``timings``, ms).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from time import perf_counter

from rdflib import Literal

from unionkg.errors import InputError, UnionKGError, ValidationError
from unionkg.graph.iris import Iris
from unionkg.graph.store import GraphStore
from unionkg.model import Extraction
from unionkg.settings import Settings

SUPPORTED_SUFFIXES = (".txt", ".text", ".md", ".pdf", ".docx", ".html", ".htm")


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

    return extract(load_source(path, settings))


def _doc_graphs_for_source(store: GraphStore, source: str) -> list[str]:
    from unionkg.graph.queries import named_query

    result = store.select(named_query("docs_by_source"), {"source": Literal(source)})
    return [str(r["doc"]) for r in result.rows if r.get("doc") is not None]


def ingest_file(path: str | Path, settings: Settings, store: GraphStore, index: object | None = None) -> DocumentReport:
    """Ingest one file; replace an earlier version of the same file name."""
    from unionkg.graph.mapping import graph_of_triples, map_extraction
    from unionkg.graph.ontology import ensure_ontology
    from unionkg.graph.store import OxigraphStore
    from unionkg.graph.validate import validate_triples

    report = DocumentReport(source=Path(path).name)
    timings = report.timings
    t = perf_counter()

    def lap(stage: str) -> None:
        nonlocal t
        now = perf_counter()
        timings[stage] = round((now - t) * 1000, 2)
        t = now

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
    # An edited file (same name, new content) replaces its older version.
    older = [g for g in _doc_graphs_for_source(store, doc.source) if g != doc_iri]
    store.replace_graph(doc_iri, triples if isinstance(store, OxigraphStore) else graph_of_triples(triples))
    lap("load")
    # Ontology + code lists versioned for the store's years (no-op when unchanged).
    ensure_ontology(store, iris, [extraction.context.year] if extraction.context.year else [])
    for g in older:
        store.remove_graph(g)
        if index is not None:
            index.remove(g.rsplit("/", 1)[-1])  # type: ignore[attr-defined]
    lap("ontology")
    if index is not None:
        index.add_document(extraction)  # type: ignore[attr-defined]
        lap("index")
    report.doc_id = doc.doc_id
    report.genre = doc.genre
    report.org = extraction.context.org
    report.year = extraction.context.year
    report.triples = len(triples)
    report.facts = dict(Counter(type(f).__name__ for f in extraction.facts))
    report.replaced = older
    report.warnings = list(extraction.warnings)
    report.leftover_numbers = list(extraction.leftover_numbers)
    report.unmatched_sections = list(extraction.unmatched_sections)
    return report


def ingest_paths(
    paths: Iterable[str | Path],
    settings: Settings,
    store: GraphStore,
    index: object | None = None,
    on_progress: Callable[[Path, DocumentReport], None] | None = None,
    keep_going: bool = True,
) -> list[DocumentReport]:
    """Ingest files and folders; a file that fails is reported, the rest go on."""
    reports: list[DocumentReport] = []
    for path in list(iter_input_files(paths)):
        try:
            report = ingest_file(path, settings, store, index)
        except UnionKGError as exc:
            if not keep_going:
                raise
            report = DocumentReport(source=path.name, error=exc.message)
        reports.append(report)
        if on_progress is not None:
            on_progress(path, report)
    return reports


def remove_document(doc: str, settings: Settings, store: GraphStore, index: object | None = None) -> list[str]:
    """Remove a document by id, IRI or file name; return the graphs dropped."""
    iris = Iris(settings.base_iri)
    if doc.startswith(("http://", "https://", "urn:")):
        candidates = [doc]
    elif Path(doc).name != doc or Path(doc).suffix:
        candidates = _doc_graphs_for_source(store, Path(doc).name)
    else:
        candidates = [str(iris.doc(doc))]
    removed = [g for g in candidates if store.remove_graph(g)]
    if index is not None:
        for g in removed:
            index.remove(g.rsplit("/", 1)[-1])  # type: ignore[attr-defined]
    if not removed:
        from unionkg.errors import NotFoundError

        raise NotFoundError(f"{doc}: no such document in the store")
    return removed
