"""Round 10 (p3): a Word file whose tables are embedded Excel worksheets (the page shows a
picture of each sheet) reads the worksheets in place; a legacy worksheet object it cannot
read is named in a warning (``unionkg.ingest.docx_objects``).

Measured before this round on the written documents with their tables embedded as .xlsx
worksheets: Shizuishan 2026 budget 8/48 facts, Haidong 2029 self-evaluation 3/12, no word
of the lost tables; after: 48/48 and 12/12, 0 wrong.  Embedded as legacy ``Excel.Sheet.8``
objects: 8/48 and 3/12 before and after, now with a warning naming the 2 objects; the same
documents with Word tables: 48/48 and 12/12, no warning, before and after.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rt9p_documents import compare, write_text
from rt10i_documents import RT10_BUDGET, RT10_SELFEVAL, write_docx_with_workbooks

from unionkg.graph.store import OxigraphStore
from unionkg.ingest import load_source
from unionkg.ingest.docx_objects import EmbeddedObjects
from unionkg.pipeline import ingest_paths
from unionkg.settings import Settings

pytest.importorskip("xlsxwriter")
DOCS = {"budget": RT10_BUDGET, "selfeval": RT10_SELFEVAL}


@pytest.mark.parametrize("embed", ["xlsx", "none"])
@pytest.mark.parametrize("which", list(DOCS))
def test_embedded_worksheets_give_the_facts_of_the_text(tmp_path: Path, which: str, embed: str) -> None:
    doc = DOCS[which]
    path = write_docx_with_workbooks(doc, tmp_path / f"rt10i_{which}_{embed}.docx", embed)
    result = compare(write_text(doc, tmp_path), path)
    assert len(result.reference) >= 10 and not result.missing and not result.extra, (result.summary(), sorted(map(str, result.missing)))
    assert load_source(path, Settings(store="unused")).warnings == []


@pytest.mark.parametrize("which", list(DOCS))
def test_legacy_worksheet_objects_are_named_in_a_warning(tmp_path: Path, which: str) -> None:
    path = write_docx_with_workbooks(DOCS[which], tmp_path / f"rt10i_{which}_legacy.docx", "legacy")
    assert load_source(path, Settings(store="unused")).warnings == EmbeddedObjects(unread=["Excel.Sheet.8"] * 2).warnings(path.name)
    [report] = ingest_paths([path], Settings(store=str(tmp_path / "s"), encoder="none"), OxigraphStore())
    assert report.error is None and report.warnings[0].startswith(f"ingest: {path.name}: 2 embedded objects (Excel.Sheet.8)")


def test_warning_wording() -> None:
    assert EmbeddedObjects().warnings("a.docx") == []
    [one] = EmbeddedObjects(unread=["Excel.Sheet.8"]).warnings("a.docx")
    assert (
        one
        == "ingest: a.docx: 1 embedded object (Excel.Sheet.8) is shown as a picture and was not read; copy its cells into the document as a table to read them"
    )
