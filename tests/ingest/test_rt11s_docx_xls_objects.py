"""Round 11 (e15): a Word file whose tables are embedded old binary worksheets
(``Excel.Sheet.8`` / WPS ``ET.Sheet.8``: an OLE compound file holding a Workbook stream) reads
them in place with calamine (``docx_objects.read_embedded_workbook``); an object that is no
workbook is still named in the warning.

Measured on the written 淇县 (Henan) 2022 budget with its two 公开表 embedded as .xls objects:
before, 3/37 facts (the prose only) and a warning naming 2 unread Excel.Sheet.8 objects; after,
37/37 facts, the same as the document typed as text, 0 wrong, no warning.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rt9p_documents import compare, write_text
from rt10i_documents import RT10_BUDGET, write_docx_with_workbooks
from rt11s_documents import RT11_BUDGET_REPORT, write_docx_with_xls_objects

from unionkg.ingest import load_source
from unionkg.ingest.docx_objects import EmbeddedObjects
from unionkg.settings import Settings

pytest.importorskip("xlwt")


@pytest.mark.parametrize("program", ["Excel.Sheet.8", "ET.Sheet.8"])
def test_embedded_xls_worksheets_give_the_facts_of_the_text(tmp_path: Path, program: str) -> None:
    path = write_docx_with_xls_objects(RT11_BUDGET_REPORT, tmp_path / "rt11s_qixian_xls_objects.docx", program)
    result = compare(write_text(RT11_BUDGET_REPORT, tmp_path), path)
    assert len(result.reference) >= 20 and not result.missing and not result.extra, (result.summary(), sorted(map(str, result.missing)))
    assert load_source(path, Settings(store="unused")).warnings == []


def test_the_table_stands_where_the_object_sits(tmp_path: Path) -> None:
    path = write_docx_with_xls_objects(RT11_BUDGET_REPORT, tmp_path / "placed.docx")
    text = load_source(path, Settings(store="unused")).original
    assert (
        text.index("部门收支总表")
        < text.index("本年收入合计 | 1,274.86")
        < text.index("一般公共预算支出表")
        < text.index("2210201 | 住房公积金")
    )


def test_an_ole_object_that_is_no_workbook_is_still_named(tmp_path: Path) -> None:
    path = write_docx_with_workbooks(RT10_BUDGET, tmp_path / "legacy.docx", "legacy")  # compound files of zeros
    assert load_source(path, Settings(store="unused")).warnings == EmbeddedObjects(unread=["Excel.Sheet.8"] * 2).warnings(path.name)


def test_an_object_in_a_text_box_is_read_once(tmp_path: Path) -> None:
    """A worksheet object inside a text box: read with the box's paragraphs, not also with the
    paragraph the box is anchored in."""
    import docx
    from docx.oxml import parse_xml
    from rt11s_documents import _BOX_NAMESPACES

    source = write_docx_with_xls_objects(RT11_BUDGET_REPORT, tmp_path / "objects.docx")
    document = docx.Document(str(source))
    body = document.element.body
    holder = next(
        p
        for p in body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p")
        if p.find(".//{urn:schemas-microsoft-com:office:office}OLEObject") is not None
    )
    run = holder.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}r")
    holder.remove(run)
    box = parse_xml(
        f'<w:r {_BOX_NAMESPACES}><w:pict><v:shape style="position:absolute;width:415pt;height:200pt"><v:textbox><w:txbxContent>'
        "<w:p/></w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )
    box.find(".//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p").append(run)
    holder.append(box)
    document.save(str(tmp_path / "boxed.docx"))
    text = load_source(tmp_path / "boxed.docx", Settings(store="unused")).original
    assert text.count("本年收入合计 | 1,274.86") == 1 and text.count("2210201 | 住房公积金") == 1
