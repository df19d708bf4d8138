"""The ontology and code lists: parsed once, versioned by year, loaded into the store.

The code-list files hold year-independent concepts (``def/func/any/2012901``);
:func:`versioned_codes` materialises one scheme per fiscal year
(``def/func/2023/2012901``, the IRI the mapping links observations to) with
the name valid in that year (``ukg:formerLabel`` / ``ukg:formerLabelUntil``).
:func:`ensure_ontology` keeps the store's ontology graph
(:data:`~unionkg.graph.store.ONTOLOGY_GRAPH`) equal to ontology + code lists
for the years present in the store; it does nothing when they are unchanged,
so calling it at every ingest is cheap and idempotent: an embedded store
remembers, in this process, what it was last given (the files are looked at
through their size and modification time, read only when these change), and
a new year adds that year's codes without rebuilding the rest.
"""

from __future__ import annotations

import hashlib
import threading
import unicodedata
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from unionkg.graph.iris import Iris
from unionkg.graph.vocab import UKG
from unionkg.resources import codes_dir, ontology_dir
from unionkg.settings import DEFAULT_BASE_IRI


# Classification schemes: file-level path segment -> (IRI path used by
# iris.code, class of its concepts).  The government economic classification
# (501..) shares the "econ" IRI path with the department one (301..): their
# codes never collide, and the mapping only knows "econ".
@dataclass(frozen=True)
class ClassificationScheme:
    source_path: str  # def/{source_path}/any in the code-list file
    iri_path: str  # def/{iri_path}/{year}/{code} for versioned concepts
    scheme_path: str  # def/{scheme_path}/{year} for the versioned scheme
    label_zh: str
    label_en: str


CLASSIFICATION_SCHEMES: tuple[ClassificationScheme, ...] = (
    ClassificationScheme("func", "func", "func", "支出功能分类科目", "functional classification"),
    ClassificationScheme("econ", "econ", "econ", "部门预算支出经济分类科目", "department economic classification"),
    ClassificationScheme("govecon", "econ", "govecon", "政府预算支出经济分类科目", "government economic classification"),
)

CODE_LEVELS: dict[int, URIRef] = {3: UKG["level-lei"], 5: UKG["level-kuan"], 7: UKG["level-xiang"]}


def ontology_files() -> list[Path]:
    return [ontology_dir() / "unionkg.ttl", *sorted(codes_dir().glob("*.ttl"))]


@cache
def _parsed(files: tuple[Path, ...]) -> Graph:
    g = Graph()
    for path in files:
        g.parse(path, format="turtle")
    return g


def _rebase(graph: Graph, base: str) -> Graph:
    """Code-list IRIs are written under the default base; move them to ``base``."""
    if base.rstrip("/") == DEFAULT_BASE_IRI.rstrip("/"):
        return graph
    old = DEFAULT_BASE_IRI.rstrip("/") + "/def/"
    new = base.rstrip("/") + "/def/"
    keep = str(UKG)  # the vocabulary namespace is fixed, whatever the data base

    def move(term: object) -> object:
        if isinstance(term, URIRef) and str(term).startswith(old) and not str(term).startswith(keep):
            return URIRef(new + str(term)[len(old):])
        return term

    out = Graph()
    for s, p, o in graph:
        out.add((move(s), p, move(o)))  # type: ignore[arg-type]
    return out


@cache
def base_graph(base: str = DEFAULT_BASE_IRI) -> Graph:
    """unionkg.ttl + every code list, with classification IRIs under ``base``."""
    return _rebase(_parsed(tuple(ontology_files())), base)


@cache
def vocabulary_graph() -> Graph:
    """The ontology and the small code lists, without the classifications.

    This is the ``ont_graph`` SHACL validation mixes in: it needs class
    hierarchies and the types of the concepts facts point to, not hundreds
    of classification codes.
    """
    files = [p for p in ontology_files() if not p.name.endswith("classification.ttl")]
    return _parsed(tuple(files))


def _any_scheme(base: str, scheme: ClassificationScheme) -> URIRef:
    return URIRef(f"{base.rstrip('/')}/def/{scheme.source_path}/any")


@dataclass(frozen=True)
class CodeEntry:
    code: str
    label: str
    former_label: str | None
    former_until: int | None
    valid_from: int | None
    concept: URIRef
    scheme: ClassificationScheme

    def label_in(self, year: int) -> str:
        if self.former_label and self.former_until is not None and year <= self.former_until:
            return self.former_label
        return self.label


@cache
def code_entries(base: str = DEFAULT_BASE_IRI) -> dict[str, CodeEntry]:
    """Every classification code in the code lists, by code."""
    g = base_graph(base)
    entries: dict[str, CodeEntry] = {}
    for scheme in CLASSIFICATION_SCHEMES:
        for concept in g.subjects(SKOS.inScheme, _any_scheme(base, scheme)):
            code = str(g.value(concept, SKOS.notation))
            former = g.value(concept, UKG.formerLabel)
            until = g.value(concept, UKG.formerLabelUntil)
            valid_from = g.value(concept, UKG.validFrom)
            entries[code] = CodeEntry(
                code=code,
                label=str(g.value(concept, SKOS.prefLabel)),
                former_label=str(former) if former is not None else None,
                former_until=int(until) if until is not None else None,
                valid_from=int(valid_from) if valid_from is not None else None,
                concept=URIRef(concept),
                scheme=scheme,
            )
    return entries


def parent_code(code: str) -> str | None:
    """类 of a 款, 款 of a 项 (3/5/7 digits)."""
    return {5: code[:3], 7: code[:5]}.get(len(code))


def versioned_codes(iris: Iris, years: Iterable[int]) -> Graph:
    """One versioned concept per code and year, linked to the year-independent one."""
    g = Graph()
    for year in sorted(set(years)):
        for triple in versioned_code_triples(iris, year):
            g.add(triple)
    return g


def versioned_code_triples(iris: Iris, year: int) -> Iterator[tuple[URIRef, URIRef, URIRef | Literal]]:
    """The triples of :func:`versioned_codes` for one year, without building a graph."""
    entries = code_entries(iris.base)
    cls = {"func": UKG.FunctionalClassificationCode, "econ": UKG.EconomicClassificationCode}
    fiscal_year = Literal(year, datatype=XSD.integer)
    for scheme in CLASSIFICATION_SCHEMES:
        s = URIRef(f"{iris.base.rstrip('/')}/def/{scheme.scheme_path}/{year}")
        yield s, RDF.type, SKOS.ConceptScheme
        yield s, SKOS.prefLabel, Literal(f"{year}年{scheme.label_zh}", lang="zh")
        yield s, SKOS.prefLabel, Literal(f"{scheme.label_en}, {year}", lang="en")
        yield s, UKG.fiscalYear, fiscal_year
    for entry in entries.values():
        if entry.valid_from is not None and year < entry.valid_from:
            continue
        c = iris.code(entry.scheme.iri_path, year, entry.code)
        scheme_iri = URIRef(f"{iris.base.rstrip('/')}/def/{entry.scheme.scheme_path}/{year}")
        yield c, RDF.type, SKOS.Concept
        yield c, RDF.type, cls[entry.scheme.iri_path]
        yield c, SKOS.notation, Literal(entry.code)
        yield c, SKOS.prefLabel, Literal(entry.label_in(year), lang="zh")
        yield c, SKOS.inScheme, scheme_iri
        yield c, UKG.versionOf, entry.concept
        yield c, UKG.fiscalYear, fiscal_year
        if entry.code and len(entry.code) in CODE_LEVELS:
            yield c, UKG.codeLevel, CODE_LEVELS[len(entry.code)]
        parent = parent_code(entry.code)
        if parent is None:
            yield c, SKOS.topConceptOf, scheme_iri
        else:
            yield c, SKOS.broader, iris.code(entry.scheme.iri_path, year, parent)


def ontology_graph(iris: Iris, years: Iterable[int]) -> Graph:
    g = Graph()
    for t in base_graph(iris.base):
        g.add(t)
    for t in versioned_codes(iris, years):
        g.add(t)
    return g


_FILES_DIGESTS: dict[tuple[tuple[str, int, int], ...], str] = {}


def _files_digest() -> str:
    """Hash of the ontology files' content, re-read only when a file's size or mtime changes."""
    files = ontology_files()
    key = tuple((str(p), st.st_size, st.st_mtime_ns) for p in files for st in (p.stat(),))
    digest = _FILES_DIGESTS.get(key)
    if digest is None:
        h = hashlib.sha256()
        for path in files:
            h.update(path.name.encode())
            h.update(path.read_bytes())
        digest = h.hexdigest()
        if _FILES_DIGESTS and digest not in _FILES_DIGESTS.values():
            # A file was edited while this process runs: parse it again.
            for cached in (_parsed, base_graph, vocabulary_graph, code_entries, _ontology_quads_of_base, _ontology_quads_of_year):
                cached.cache_clear()
        _FILES_DIGESTS[key] = digest
    return digest


def _digest(iris: Iris, years: Iterable[int]) -> str:
    h = hashlib.sha256()
    h.update(_files_digest().encode())
    h.update(iris.base.encode())
    h.update(",".join(str(y) for y in sorted(set(years))).encode())
    return h.hexdigest()[:16]


def store_years(store: object) -> list[int]:
    """Fiscal years of the documents in the store."""
    from unionkg.graph.queries import named_query

    result = store.select(named_query("stats_fiscal_years"))  # type: ignore[attr-defined]
    return sorted({int(str(r["year"])) for r in result.rows if r.get("year") is not None})


@dataclass(frozen=True)
class _Loaded:
    files: str  # _files_digest() of what was loaded
    base: str
    years: frozenset[int]


# What ensure_ontology last loaded into (or found in) each embedded store of
# this process.  Only an embedded store is remembered: one process at a time
# opens it for writing, so nobody else changes its ontology graph meanwhile.
_LOADED: "weakref.WeakKeyDictionary[object, _Loaded]" = weakref.WeakKeyDictionary()
_LOADED_LOCK = threading.Lock()


def _remembers(store: object) -> bool:
    from unionkg.graph.store import OxigraphStore

    return isinstance(store, OxigraphStore) and not getattr(store, "read_only", False)


@cache
def _ontology_quads_of_base(base: str) -> tuple[object, ...]:
    import pyoxigraph as ox

    from unionkg.graph.store import ONTOLOGY_GRAPH, to_ox

    g = ox.NamedNode(ONTOLOGY_GRAPH)
    return tuple(ox.Quad(to_ox(s), to_ox(p), to_ox(o), g) for s, p, o in base_graph(base))  # type: ignore[arg-type]


@cache
def _ontology_quads_of_year(base: str, year: int) -> tuple[object, ...]:
    """versioned_codes(year) as quads, straight from the triples (no rdflib graph: the writer builds one per new year)."""
    import pyoxigraph as ox

    from unionkg.graph.store import ONTOLOGY_GRAPH, _triples_to_ox

    g = ox.NamedNode(ONTOLOGY_GRAPH)
    return tuple(dict.fromkeys(ox.Quad(s, p, o, g) for s, p, o in _triples_to_ox(versioned_code_triples(Iris(base), year))))


def _metadata(digest: str, years: Iterable[int]) -> Graph:
    from unionkg.graph.store import ONTOLOGY_GRAPH

    g = Graph()
    g.add((URIRef(ONTOLOGY_GRAPH), UKG.contentHash, Literal(digest)))
    g.add((URIRef(ONTOLOGY_GRAPH), RDFS.label, Literal("unionkg ontology and code lists", lang="en")))
    for year in years:
        g.add((URIRef(ONTOLOGY_GRAPH), UKG.loadedYears, Literal(year, datatype=XSD.integer)))
    return g


def _metadata_quads(digest: str, years: Iterable[int]) -> list[object]:
    import pyoxigraph as ox

    from unionkg.graph.store import ONTOLOGY_GRAPH, _triples_to_ox

    g = ox.NamedNode(ONTOLOGY_GRAPH)
    return [ox.Quad(s, p, o, g) for s, p, o in _triples_to_ox(_metadata(digest, years))]


def _add_years(store: object, iris: Iris, known: _Loaded, extra: frozenset[int]) -> None:
    """Add the code lists of new years to an ontology graph this process loaded.

    The graph holds ontology + the years of ``known`` + their metadata, so the
    new years' quads (their IRIs carry the year: none is there yet) are added
    and then the metadata swapped, without reading or rebuilding the rest.  A
    crash in between leaves the old digest: the next ensure_ontology finds it
    stale and loads the whole graph again.
    """
    from unionkg.graph.store import ONTOLOGY_GRAPH

    years = sorted(known.years | extra)
    store.add_quads(q for year in sorted(extra - known.years) for q in _ontology_quads_of_year(iris.base, year))  # type: ignore[attr-defined]
    old_meta = _metadata_quads(_digest(iris, known.years), sorted(known.years))
    new_meta = _metadata_quads(_digest(iris, years), years)
    store.patch_graph(ONTOLOGY_GRAPH, old_meta, new_meta)  # type: ignore[attr-defined]
    with _LOADED_LOCK:
        _LOADED[store] = _Loaded(known.files, iris.base, frozenset(years))


def ensure_ontology(store: object, iris: Iris, extra_years: Iterable[int] = ()) -> bool:
    """Load ontology + code lists for the store's years; return whether it (re)loaded.

    Cheap when nothing changed: for an embedded store, a call whose years
    were all loaded before by this process, from unchanged files, costs two
    dictionary look-ups and a ``stat`` of the ontology files; no query.
    """
    from unionkg.graph.queries import named_query
    from unionkg.graph.store import ONTOLOGY_GRAPH

    extra = frozenset(extra_years)
    files = _files_digest()
    remember = _remembers(store)
    if remember:
        with _LOADED_LOCK:
            known = _LOADED.get(store)
        if known is not None and known.files == files and known.base == iris.base:
            if extra <= known.years:
                return False
            if hasattr(store, "patch_graph") and hasattr(store, "add_quads"):
                _add_years(store, iris, known, extra)
                return True
    years = sorted(set(store_years(store)) | extra)
    digest = _digest(iris, years)
    loaded = store.ask(  # type: ignore[attr-defined]
        named_query("stats_ontology_digest"),
        {"graph": URIRef(ONTOLOGY_GRAPH), "digest": Literal(digest)},
    )
    if not loaded:
        if hasattr(store, "replace_quads"):
            # The same triples as ontology_graph(), as pyoxigraph quads cached
            # per base and year; the store writes only what changed.
            import pyoxigraph as ox

            from unionkg.graph.store import _triples_to_ox

            g = ox.NamedNode(ONTOLOGY_GRAPH)
            quads = list(_ontology_quads_of_base(iris.base))
            for year in years:
                quads.extend(_ontology_quads_of_year(iris.base, year))
            quads.extend(ox.Quad(s, p, o, g) for s, p, o in _triples_to_ox(_metadata(digest, years)))
            store.replace_quads(ONTOLOGY_GRAPH, quads)
        else:
            graph = ontology_graph(iris, years)
            graph += _metadata(digest, years)
            store.replace_graph(ONTOLOGY_GRAPH, graph)  # type: ignore[attr-defined]
    if remember:
        with _LOADED_LOCK:
            _LOADED[store] = _Loaded(files, iris.base, frozenset(years))
    return not loaded


def normalise_label(text: str) -> str:
    """Form used to look labels up: NFKC, no whitespace."""
    return "".join(unicodedata.normalize("NFKC", text).split())
