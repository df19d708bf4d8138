"""The ontology and code lists: parsed once, versioned by year, loaded into the store.

The code-list files hold year-independent concepts (``def/func/any/2012901``);
:func:`versioned_codes` materialises one scheme per fiscal year
(``def/func/2023/2012901``, the IRI the mapping links observations to) with
the name valid in that year (``ukg:formerLabel`` / ``ukg:formerLabelUntil``).
:func:`ensure_ontology` keeps the store's ontology graph
(:data:`~unionkg.graph.store.ONTOLOGY_GRAPH`) equal to ontology + code lists
for the years present in the store; it does nothing when they are unchanged,
so calling it at every ingest is cheap and idempotent.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable
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
    entries = code_entries(iris.base)
    cls = {"func": UKG.FunctionalClassificationCode, "econ": UKG.EconomicClassificationCode}
    for year in sorted(set(years)):
        for scheme in CLASSIFICATION_SCHEMES:
            s = URIRef(f"{iris.base.rstrip('/')}/def/{scheme.scheme_path}/{year}")
            g.add((s, RDF.type, SKOS.ConceptScheme))
            g.add((s, SKOS.prefLabel, Literal(f"{year}年{scheme.label_zh}", lang="zh")))
            g.add((s, SKOS.prefLabel, Literal(f"{scheme.label_en}, {year}", lang="en")))
            g.add((s, UKG.fiscalYear, Literal(year, datatype=XSD.integer)))
        for entry in entries.values():
            if entry.valid_from is not None and year < entry.valid_from:
                continue
            c = iris.code(entry.scheme.iri_path, year, entry.code)
            scheme_iri = URIRef(f"{iris.base.rstrip('/')}/def/{entry.scheme.scheme_path}/{year}")
            g.add((c, RDF.type, SKOS.Concept))
            g.add((c, RDF.type, cls[entry.scheme.iri_path]))
            g.add((c, SKOS.notation, Literal(entry.code)))
            g.add((c, SKOS.prefLabel, Literal(entry.label_in(year), lang="zh")))
            g.add((c, SKOS.inScheme, scheme_iri))
            g.add((c, UKG.versionOf, entry.concept))
            g.add((c, UKG.fiscalYear, Literal(year, datatype=XSD.integer)))
            if entry.code and len(entry.code) in CODE_LEVELS:
                g.add((c, UKG.codeLevel, CODE_LEVELS[len(entry.code)]))
            parent = parent_code(entry.code)
            if parent is None:
                g.add((c, SKOS.topConceptOf, scheme_iri))
            else:
                g.add((c, SKOS.broader, iris.code(entry.scheme.iri_path, year, parent)))
    return g


def ontology_graph(iris: Iris, years: Iterable[int]) -> Graph:
    g = Graph()
    for t in base_graph(iris.base):
        g.add(t)
    for t in versioned_codes(iris, years):
        g.add(t)
    return g


def _digest(iris: Iris, years: Iterable[int]) -> str:
    h = hashlib.sha256()
    for path in ontology_files():
        h.update(path.name.encode())
        h.update(path.read_bytes())
    h.update(iris.base.encode())
    h.update(",".join(str(y) for y in sorted(set(years))).encode())
    return h.hexdigest()[:16]


def store_years(store: object) -> list[int]:
    """Fiscal years of the documents in the store."""
    from unionkg.graph.queries import named_query

    result = store.select(named_query("stats_fiscal_years"))  # type: ignore[attr-defined]
    return sorted({int(str(r["year"])) for r in result.rows if r.get("year") is not None})


def ensure_ontology(store: object, iris: Iris, extra_years: Iterable[int] = ()) -> bool:
    """Load ontology + code lists for the store's years; return whether it (re)loaded."""
    from unionkg.graph.queries import named_query
    from unionkg.graph.store import ONTOLOGY_GRAPH

    years = sorted(set(store_years(store)) | set(extra_years))
    digest = _digest(iris, years)
    loaded = store.ask(  # type: ignore[attr-defined]
        named_query("stats_ontology_digest"),
        {"graph": URIRef(ONTOLOGY_GRAPH), "digest": Literal(digest)},
    )
    if loaded:
        return False
    g = ontology_graph(iris, years)
    g.add((URIRef(ONTOLOGY_GRAPH), UKG.contentHash, Literal(digest)))
    g.add((URIRef(ONTOLOGY_GRAPH), RDFS.label, Literal("unionkg ontology and code lists", lang="en")))
    for year in years:
        g.add((URIRef(ONTOLOGY_GRAPH), UKG.loadedYears, Literal(year, datatype=XSD.integer)))
    store.replace_graph(ONTOLOGY_GRAPH, g)  # type: ignore[attr-defined]
    return True


def normalise_label(text: str) -> str:
    """Form used to look labels up: NFKC, no whitespace."""
    return "".join(unicodedata.normalize("NFKC", text).split())
