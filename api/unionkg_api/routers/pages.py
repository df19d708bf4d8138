"""Web pages: home, chat, SPARQL editor (vendored YASGUI) and API docs (vendored swagger-ui)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from unionkg.graph.queries import named_query, query_names
from unionkg.graph.vocab import PREFIXES
from unionkg_api.deps import StateDep
from unionkg_api.entity_view import Linker
from unionkg_api.templating import templates

router = APIRouter(tags=["pages"], include_in_schema=False)

GENRE_NAMES = {"budget": "预算 budget", "final_accounts": "决算 final accounts", "performance": "绩效自评 performance"}

DEFAULT_QUERY = """PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>

SELECT ?org ?label WHERE {
  ?org a org:FormalOrganization ;
       skos:prefLabel ?label .
}
LIMIT 50
"""


def example_queries() -> list[dict[str, str]]:
    """The named queries of ontology/queries/, with their first comment line as a description."""
    examples = []
    for name in query_names():
        text = named_query(name)
        comment = next((line.lstrip("# ").strip() for line in text.splitlines() if line.startswith("#")), "")
        examples.append({"name": name, "comment": comment[:100], "query": text})
    return examples


def described_title(row: dict[str, object]) -> str:
    """A title for a document that printed none (no dct:title): body, year and genre, else its file name.

    >>> described_title({"publisherLabel": "某某市总工会", "year": 2022, "genre": "final_accounts", "source": "x.pdf"})
    '某某市总工会 2022年 决算 final accounts'
    >>> described_title({"source": "scan_07.pdf"})
    'scan_07.pdf'
    """
    genre = str(row.get("genre") or "")
    parts = [
        str(row.get("publisherLabel") or ""),
        f"{row['year']}年" if row.get("year") is not None else "",
        GENRE_NAMES.get(genre, genre),
    ]
    described = " ".join(p for p in parts if p)
    return described or str(row.get("source") or "")


@router.get("/", response_class=HTMLResponse)
def home(request: Request, state: StateDep) -> Response:
    linker = Linker(state.settings.base_iri)
    store = state.store
    # The same triple stated in several document graphs comes back once per graph: one entry per IRI.
    federations = list({str(r["org"]): linker.link(str(r["org"]), r.get("label")) for r in reversed(store.select(named_query("api_federations")).rows)}.values())
    federations.sort(key=lambda link: link.label)
    documents: dict[str, dict[str, object]] = {}
    for r in store.select(named_query("api_documents")).rows:
        doc = str(r["doc"])
        if doc in documents:
            continue
        title = str(r.get("title") or "")
        documents[doc] = {
            "href": linker.href(doc),
            "source": str(r.get("source") or r.get("title") or doc),
            "title": title or described_title(r),
            "title_made": not title,  # shown muted: not printed in the document
            "genre": GENRE_NAMES.get(str(r.get("genre") or ""), str(r.get("genre") or "")),
            "year": str(r.get("year") or ""),
            "publisher": linker.link(str(r["publisher"]), r.get("publisherLabel")) if r.get("publisher") is not None else None,
        }
    context = {"title": "工会预算、决算与绩效知识图谱", "federations": federations, "documents": list(documents.values()), "triples": store.count_triples(), "graphs": len(store.graphs())}
    return templates.TemplateResponse(request, "home.html", context)


# Questions the chat page offers a first-time reader, per genre of a document the graph holds (a body and year of
# the graph filled in, so that each one answers); the empty page gave no hint of what can be asked.
EXAMPLE_QUESTION_BY_GENRE = {
    "budget": "{body}{year}年收入合计是多少？",
    "final_accounts": "{body}{year}年支出合计是多少？",
    "performance": "{body}{year}年的自评得分是多少？",
}
# Asked of any graph, also an empty one: they say what it holds.
GENERAL_EXAMPLE_QUESTIONS = ("图谱里有哪些单位和年份的数据？", "What data do you have?")
EXAMPLES_FROM_DOCUMENTS = 3


def example_questions(document_rows: list[dict[str, object]]) -> list[str]:
    """Example questions for the chat page: one per genre from the latest documents, then the general ones.

    >>> example_questions([{"publisherLabel": "某市总工会", "year": 2022, "genre": "budget"},
    ...                    {"publisherLabel": "某县总工会", "year": 2023, "genre": "performance"}])
    ['某县总工会2023年的自评得分是多少？', '某市总工会2022年收入合计是多少？', '图谱里有哪些单位和年份的数据？', 'What data do you have?']
    >>> example_questions([{"publisherLabel": None, "year": 2022, "genre": "budget"}, {"publisherLabel": "某市总工会", "genre": "unknown"}])
    ['图谱里有哪些单位和年份的数据？', 'What data do you have?']
    """
    chosen: list[str] = []
    genres: set[str] = set()
    rows = sorted(document_rows, key=lambda r: str(r.get("year") or ""), reverse=True)
    for row in rows:
        genre, body, year = str(row.get("genre") or ""), row.get("publisherLabel"), row.get("year")
        if genre in genres or genre not in EXAMPLE_QUESTION_BY_GENRE or not body or year is None:
            continue
        genres.add(genre)
        chosen.append(EXAMPLE_QUESTION_BY_GENRE[genre].format(body=body, year=year))
        if len(chosen) == EXAMPLES_FROM_DOCUMENTS:
            break
    return chosen + list(GENERAL_EXAMPLE_QUESTIONS)


@router.get("/chat", response_class=HTMLResponse)
def chat(request: Request, state: StateDep) -> Response:
    from unionkg_api.findings_view import KIND_NAMES

    examples = example_questions(state.store.select(named_query("api_documents")).rows)
    # The finding kinds named as on /findings (one table, read by chat.js: rows gave "sum_mismatch").
    value_names = {"kind": {kind: f"{name} {kind}" for kind, name in KIND_NAMES.items()}}
    concept_labels = bilingual_labels(state.store.select(named_query("api_code_labels")).rows)
    context = {"title": "问答 Ask", "examples": examples, "value_names": value_names, "concept_labels": concept_labels}
    return templates.TemplateResponse(request, "chat.html", context)


def bilingual_labels(rows: list[dict[str, object]]) -> dict[str, str]:
    """Each concept's labels as one name, Chinese first (as the pages head their columns).

    >>> from rdflib import Literal, URIRef
    >>> c = URIRef("https://w3id.org/unionkg/def/ukg#staff-x")
    >>> bilingual_labels([{"concept": c, "label": Literal("x staff", lang="en")}, {"concept": c, "label": Literal("某类人数", lang="zh")}])
    {'https://w3id.org/unionkg/def/ukg#staff-x': '某类人数 x staff'}
    """
    by_concept: dict[str, dict[str, str]] = {}
    for row in rows:
        label = row.get("label")
        language = getattr(label, "language", None) or ""
        by_concept.setdefault(str(row["concept"]), {}).setdefault(language, str(label))
    return {iri: " ".join(dict.fromkeys(t for t in (labels.get("zh"), labels.get("en"), labels.get("")) if t)) for iri, labels in by_concept.items()}


@router.get("/editor", response_class=HTMLResponse)
def editor(request: Request, state: StateDep) -> Response:
    config = {
        "endpoint": "/sparql",
        "base_iri": state.settings.base_iri,
        "prefixes": {p: str(ns) for p, ns in PREFIXES.items()},
        "examples": example_queries(),
        "default_query": DEFAULT_QUERY,
    }
    return templates.TemplateResponse(request, "editor.html", {"title": "SPARQL", "config": config, "examples": config["examples"], "endpoint": "/sparql"})


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> Response:
    return templates.TemplateResponse(request, "docs.html", {})
