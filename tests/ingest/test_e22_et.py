"""Round 12 (e22): Kingsoft WPS spreadsheets (.et) read by their content.

WPS 表格 saves ``.et`` files as BIFF8 compound files (what Excel 97-2003 writes) or, in newer
versions, as an Office Open XML zip.  Before: every .et skipped by ``unionkg ingest DIR`` and
refused when named.  After: routed like an .xls (calamine in the isolated child) or an .xlsx
by content; the written 淇县 2022 budget and 沁源 2021 self-evaluation as .et give the facts of
their typed text.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rt9p_documents import Document, compare, write_text
from rt10i_documents import write_xlsx
from rt11s_documents import RT11_BUDGET, RT11_SELFEVAL, write_xls

from unionkg.ingest.loaders import XLS, XLSX, read_file, sniff_media_type
from unionkg.pipeline import iter_input_files

DOCUMENTS: dict[str, Document] = {"budget": RT11_BUDGET, "selfeval": RT11_SELFEVAL}


@pytest.mark.parametrize("which", list(DOCUMENTS))
def test_a_biff8_et_reads_as_the_same_xls(tmp_path: Path, which: str) -> None:
    doc = DOCUMENTS[which]
    xls = write_xls(doc, tmp_path / f"{doc.name}.xls")
    et = tmp_path / f"{doc.name}.et"
    shutil.copyfile(xls, et)
    assert sniff_media_type(et.name, et.read_bytes()) == XLS
    as_et, as_xls = read_file(et.name, et.read_bytes()), read_file(xls.name, xls.read_bytes())
    assert (as_et.text, as_et.tables) == (as_xls.text, as_xls.tables)
    result = compare(write_text(doc, tmp_path), et)
    assert len(result.reference) >= 5
    assert not result.missing and not result.extra, result.summary()


def test_an_et_saved_as_open_xml_reads_as_xlsx(tmp_path: Path) -> None:
    xlsx = write_xlsx(RT11_BUDGET, tmp_path / "b.xlsx")
    assert sniff_media_type("预算.et", xlsx.read_bytes()) == XLSX
    assert read_file("预算.et", xlsx.read_bytes()).text == read_file("b.xlsx", xlsx.read_bytes()).text


def test_a_folder_lists_et_files(tmp_path: Path) -> None:
    (tmp_path / "决算表.et").write_bytes(b"x")
    (tmp_path / "演示.dps").write_bytes(b"x")  # a WPS presentation: not read
    assert [p.name for p in iter_input_files([tmp_path])] == ["决算表.et"]
