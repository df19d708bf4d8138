"""Extraction warnings on the document node (ukg:ExtractionWarning): kind, names, quote; deterministic."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal
from rdflib.namespace import PROV, RDF, RDFS

from unionkg.graph.iris import Iris
from unionkg.graph.mapping import WARNING_KINDS, map_extraction, read_warning, to_graph
from unionkg.graph.validate import validate_graph
from unionkg.graph.vocab import UKG
from unionkg.model import DocumentContext, Evidence, Extraction, Organization, OrgRole, SourceDocument
from unionkg.settings import DEFAULT_BASE_IRI, Settings

IRIS = Iris(DEFAULT_BASE_IRI)
SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"

TEXT = (
    "一、部门概况\n某市总工会下属单位：某市总工会职工服务中心、某市总工会宣教中心。\n"
    "3.某市总工会职工服务中心\n某市总工会宣教中心2024年度财政安排预算资金74.79万元，均为基本支出。决算支出74.79万元。\n"
)
HEADING = TEXT.index("3.某市总工会职工服务中心")

# One message per kind, worded as the extractors word them (see the warn() calls).
MESSAGES = {
    "name_change": f"organizations: section '某市总工会职工服务中心' (offset {HEADING}) begins with a sentence about '某市总工会宣教中心'; "
    "its figures are kept for '某市总工会职工服务中心'",
    "similar_name": "organizations: '某市总工会网络宣教中心' is not a listed unit; read as '某市总工会宣教中心' (similar name)",
    "names_truncated": "organizations: '下属单位3个' lists 4 names; the first 3 are kept",
    "body_guessed": "context: reporting body '某市总工会' guessed as the most frequent official name (none in a header, the title or the signature)",
    "no_body": "report: no reporting body found",
    "year_guessed": "context: fiscal year 2024 guessed as the most frequent year in the text (none stated with 预算/决算/绩效)",
    "no_year": "context: no fiscal year found",
    "unknown_genre": "report: no known genre: only generic extractors ran",
    "incomplete_table": "t.txt: 公开08表: no 合计 row; the table may be cut",
    "row_skipped": "t.txt: 公开01表: a row of 3 values for 4 columns; row skipped",
    "table_skipped": "t.txt: 公开02表: no 部门 or year in the header or the document; table skipped",
    "column_count": "t.txt: 公开03表: header names 5 columns but 栏次 numbers 6",
    "unit_assumed": "t.txt: 公开04表: no 金额单位 in the header; amounts read in 万元",
    "unit_from_neighbours": f"narrative: '决算支出 74.79' (offset {TEXT.index('决算支出')}) has no unit; read in 万元 like the other amounts of its sentence",
    "ambiguous_columns": "code 201: too many ways to place its children's values; left-most columns used",
    "project_conflict": "resolve: project '送温暖' states budget 1 and 2; kept the first",
    "staffing_conflict": f"staffing: '某市总工会' 2024 retired '退休人员' 5 (offset {TEXT.index('某市总工会职工服务中心')}) and '退休人员' 6 (offset 3) differ; both kept",
    "content_not_read": "ingest: a.pdf: pages 2, 3 of 9 are scanned images with no text layer; nothing on them was read (OCR them to read their figures)",
    "attachments_not_read": "ingest: p.html: the page links 2 attachments (a.pdf, b.xls); what they hold is not in the page: ingest those files too",
}


def _extraction(warnings: list[str]) -> Extraction:
    doc = SourceDocument("d" * 16, "t.txt", TEXT, TEXT, list(range(len(TEXT) + 1)), genre="final_accounts")
    facts = []
    for name in ("某市总工会职工服务中心", "某市总工会宣教中心"):
        start = TEXT.index(name)
        facts.append(Organization(Evidence(start, start + len(name), name, "t@1"), name, OrgRole.UNIT, parent="某市总工会"))
    return Extraction(doc, DocumentContext("某市总工会", 2024, "final_accounts"), facts, warnings=warnings)


def test_every_kind_has_a_message_and_is_read() -> None:
    assert set(MESSAGES) == {kind for kind, _ in WARNING_KINDS}
    for kind, message in MESSAGES.items():
        assert read_warning(message).kind == kind, message
    assert read_warning("something new").kind == "other"


def test_name_change_warning_on_the_document_node() -> None:
    g = to_graph(_extraction([MESSAGES["name_change"], MESSAGES["incomplete_table"], "something new"]), IRIS)
    doc = IRIS.doc("d" * 16)
    nodes = list(g.objects(doc, UKG.extractionWarning))
    assert len(nodes) == 3 and all((n, RDF.type, UKG.ExtractionWarning) in g for n in nodes)
    kinds = {str(g.value(n, UKG.warningKind)): n for n in nodes}
    assert set(kinds) == {"name_change", "incomplete_table", "other"}
    w = kinds["name_change"]
    assert g.value(w, UKG.printedName) == Literal("某市总工会宣教中心")
    assert g.value(w, UKG.resolvedName) == Literal("某市总工会职工服务中心")
    assert g.value(w, UKG.org) is not None
    quote = str(g.value(g.value(w, PROV.wasDerivedFrom), PROV.value))
    assert quote == "3.某市总工会职工服务中心\n某市总工会宣教中心2024年度财政安排预算资金74.79万元，均为基本支出。"
    assert str(g.value(kinds["incomplete_table"], UKG.sourceTable)) == "公开08表"
    assert str(g.value(kinds["other"], RDFS.comment)) == "something new"
    assert validate_graph(g).conforms


def test_warning_nodes_are_deterministic() -> None:
    warnings = list(MESSAGES.values())
    first = map_extraction(_extraction(warnings), IRIS)
    assert first == map_extraction(_extraction(list(warnings)), IRIS)
    g = to_graph(_extraction(warnings), IRIS)
    assert validate_graph(g).conforms
    # every quote is the text at its offsets
    for passage in g.subjects(RDF.type, UKG.Passage):
        start, end = int(g.value(passage, UKG.start)), int(g.value(passage, UKG.end))  # type: ignore[arg-type]
        assert TEXT[start:end] == str(g.value(passage, PROV.value))


@pytest.mark.parametrize(
    ("sample", "kind", "printed", "resolved"),
    [
        ("002_8ee87566e7ff6850.txt", "name_change", "南昌市总工会宣教中心", "南昌市总工会职工服务中心"),
        ("000_e2c97fda4d2f5202.txt", "similar_name", "南昌市总工会网络信息宣教中心", "南昌市总工会网络信息服务中心"),
    ],
)
def test_real_extractor_wording_is_read(sample: str, kind: str, printed: str, resolved: str, tmp_path: Path) -> None:
    """The organizations extractor's own messages map to the kinds the checks use."""
    from unionkg.pipeline import extract_file

    x = extract_file(SAMPLES / sample, Settings(store=str(tmp_path / "s"), encoder="hash"))
    readings = [read_warning(w) for w in x.warnings]
    assert any(r.kind == kind and r.printed == printed and r.resolved == resolved for r in readings)
    g = to_graph(x, IRIS)
    assert validate_graph(g).conforms


def _readers_warnings() -> list[tuple[str, str]]:
    """(message, kind) for every wording the readers produce, made by the readers' own functions."""
    from unionkg.ingest.docx_objects import EmbeddedObjects, page_pictures_warning
    from unionkg.ingest.html_links import attachments_warning, table_pictures_warning
    from unionkg.ingest.pdf_reader import scanned_pages_warning

    return [
        (scanned_pages_warning("某县.pdf", (2,), 9), "content_not_read"),
        (scanned_pages_warning("某县.pdf", (2, 3), 9), "content_not_read"),
        (*page_pictures_warning("某县.docx", 1), "content_not_read"),
        (*page_pictures_warning("某县.docx", 3), "content_not_read"),
        (*EmbeddedObjects(unread=["Excel.Sheet.8"]).warnings("某县.docx"), "content_not_read"),
        (*EmbeddedObjects(unread=["Excel.Sheet.8", "Excel.Sheet.8"]).warnings("某县.docx"), "content_not_read"),
        (*table_pictures_warning("某县.html", ["t1.png"]), "content_not_read"),
        (*table_pictures_warning("某县.html", ["t1.png", "t2.jpg"]), "content_not_read"),
        (*attachments_warning("某县.html", ["附件1.pdf"]), "attachments_not_read"),
        (*attachments_warning("某县.html", ["附件1.pdf", "附件2.xls"]), "attachments_not_read"),
    ]


def test_the_readers_warnings_have_their_kinds() -> None:
    """Each reader's own wording is read as its kind (not "other"), so a query can list the
    documents with pages or objects nothing was read from."""
    for message, kind in _readers_warnings():
        assert read_warning(message).kind == kind, message
    # a reader's message of another kind, and an extractor's, are not taken for them
    assert read_warning("ingest: a.pdf: the text layer is damaged").kind == "other"
    assert read_warning("report: 3 figures of the text were not read into facts").kind == "other"


def test_a_staffing_conflict_names_its_body_and_first_figure() -> None:
    reading = read_warning(MESSAGES["staffing_conflict"])
    assert (reading.kind, reading.resolved, reading.offset) == ("staffing_conflict", "某市总工会", TEXT.index("某市总工会职工服务中心"))


def test_the_staffing_conflict_of_a_written_document_is_read(tmp_path: Path) -> None:
    """o7's 旬邑 2023 final account prints two different in-service counts: the warning postprocess
    writes for it is read as a staffing_conflict of that body."""
    from unionkg.pipeline import extract_file

    corpus = Path(__file__).parents[1] / "extract" / "corpus"
    x = extract_file(corpus / "rt10h_sn_trad_county_union_conflict_final_2023.txt", Settings(store=str(tmp_path / "s"), encoder="none"))
    readings = [read_warning(w) for w in x.warnings if w.startswith("staffing:")]
    assert [(r.kind, r.resolved) for r in readings] == [("staffing_conflict", "旬邑县总工会")]
