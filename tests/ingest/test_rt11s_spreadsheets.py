"""Round 11 (e15): spreadsheets read with python-calamine; old binary .xls and OpenDocument
.ods read as input files.

Measured before this round: an .xls was refused ("a legacy Office file"), an .ods refused
("an OpenDocument file ... save it as DOCX or XLSX first"), 0 facts each; after, on the
tables of the written 淇县 (Henan) 2022 budget and 沁源 (Shanxi) 2021 self-evaluation, written
by xlwt (.xls) and odfpy (.ods) with a hidden column of internal codes, a hidden row of void
figures and (.xls) a hidden sheet: the same facts as the tables typed as text, 0 wrong, none
of the hidden figures read.  A stray value at XFD1048576 made calamine abort the whole
process (it asked for 512 GB); now it is a clear error naming the sheet.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from rt9p_documents import Document, compare, write_text
from rt10i_documents import write_xlsx
from rt11s_documents import RT11_BUDGET, RT11_SELFEVAL, SheetLayout, write_ods, write_xls

from unionkg.errors import InputError
from unionkg.graph.store import OxigraphStore
from unionkg.ingest.loaders import DOC, DOCX, HTML, ODS, TEXT, XLS, XLSX, read_file, sniff_media_type
from unionkg.ingest.sheet_views import SheetView, covered_by_merge
from unionkg.ingest.xlsx_reader import cell_text, read_spreadsheet
from unionkg.pipeline import ingest_paths, iter_input_files
from unionkg.settings import Settings

pytest.importorskip("xlwt")
pytest.importorskip("odf")

WRITERS: dict[str, Callable[..., Path]] = {"xls": write_xls, "ods": write_ods}
DOCUMENTS = {"budget": RT11_BUDGET, "selfeval": RT11_SELFEVAL}
LAYOUTS = {"hidden_parts_merged_titles": SheetLayout(), "plain": SheetLayout(hidden_parts=False, merged_titles=False)}
HIDDEN_FIGURES = ("内部编号", "7001", "888.88", "上年数", "测算基数", "654321.98")


@pytest.mark.parametrize("layout", list(LAYOUTS))
@pytest.mark.parametrize("which", list(DOCUMENTS))
@pytest.mark.parametrize("suffix", list(WRITERS))
def test_a_spreadsheet_gives_the_facts_of_its_tables_typed(tmp_path: Path, suffix: str, which: str, layout: str) -> None:
    doc = DOCUMENTS[which]
    path = WRITERS[suffix](doc, tmp_path / f"{doc.name}.{suffix}", LAYOUTS[layout])
    result = compare(write_text(doc, tmp_path), path)
    assert len(result.reference) >= 5 and not result.missing and not result.extra, (result.summary(), sorted(map(str, result.missing)))


@pytest.mark.parametrize("suffix", list(WRITERS))
def test_figures_show_as_formatted_and_hidden_parts_are_not_read(tmp_path: Path, suffix: str) -> None:
    path = WRITERS[suffix](RT11_SELFEVAL, tmp_path / f"t.{suffix}")
    loaded = read_file(path.name, path.read_bytes())
    assert loaded.media_type == {"xls": XLS, "ods": ODS}[suffix]
    assert "\n年度资金总额 | 36.00 | 36.00 | 33.84 | 10 | 94.00% | 9.40\n" in loaded.text  # not 0.94, not 36.0
    assert not [h for h in HIDDEN_FIGURES if h in loaded.text]
    assert loaded.text.startswith("沁源县总工会2021年度项目支出绩效自评表\n项目名称")  # a merged title once


def test_the_same_tables_read_alike_in_the_three_formats(tmp_path: Path) -> None:
    texts = {suffix: read_file(p.name, p.read_bytes()).text for suffix, p in _written(RT11_BUDGET, tmp_path).items()}
    assert texts["xls"] == texts["ods"] == texts["xlsx"], texts


def _written(doc: Document, folder: Path) -> dict[str, Path]:
    return {
        "xls": write_xls(doc, folder / f"{doc.name}.xls"),
        "ods": write_ods(doc, folder / f"{doc.name}.ods"),
        "xlsx": write_xlsx(doc, folder / f"{doc.name}.xlsx"),
    }


def test_spreadsheets_are_ingested_from_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    write_xls(RT11_BUDGET, folder / "淇县2022.xls")
    write_ods(RT11_SELFEVAL, folder / "沁源2021.ods")
    assert sorted(p.name for p in iter_input_files([folder])) == ["沁源2021.ods", "淇县2022.xls"]
    reports = ingest_paths([folder], Settings(store=str(tmp_path / "s"), encoder="none"), OxigraphStore())
    by_org = {r.org: r for r in reports}
    assert all(r.error is None for r in reports), [r.error for r in reports]
    assert by_org["淇县总工会"].year == 2022 and by_org["淇县总工会"].facts.get("Amount", 0) >= 20
    assert by_org["沁源县总工会"].year == 2021 and by_org["沁源县总工会"].facts.get("Indicator", 0) >= 3


def test_media_type_by_content(tmp_path: Path) -> None:
    paths = _written(RT11_SELFEVAL, tmp_path)
    assert sniff_media_type("a.bin", paths["xls"].read_bytes()) == XLS
    assert sniff_media_type("a.bin", paths["ods"].read_bytes()) == ODS
    assert sniff_media_type("a.bin", paths["xlsx"].read_bytes()) == XLSX
    # an old Word file (read since round 12), one with an embedded workbook too (both stream names)
    assert sniff_media_type("a.bin", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le") + b"\0" * 600) == DOC
    both = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le") + "Workbook".encode("utf-16-le")
    assert sniff_media_type("b.bin", both) == DOC
    assert sniff_media_type("a.xls", b"plain text") == TEXT  # an "Excel" export that is text
    unordered = io.BytesIO()  # an .ods whose mimetype entry is not stored first: told by its name
    with zipfile.ZipFile(unordered, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("content.xml", "<office:document-content/>")
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    assert sniff_media_type("a.ods", unordered.getvalue()) == ODS
    assert sniff_media_type("a.odt", unordered.getvalue().replace(b"opendocument.spreadsheet", b"opendocument.textsheet")) == DOCX
    with pytest.raises(InputError, match=r"^a\.ods: named \.ods but is not an OpenDocument spreadsheet"):
        sniff_media_type("a.ods", b"plain text")


def test_an_html_table_named_xls_is_read_as_a_page() -> None:
    """Web systems export "Excel" files that are an HTML table named .xls (read as text before
    this round, since .xls was not a known suffix): still read as a page."""
    markup = (
        '<html><head><meta charset="utf-8"></head><body><p>淇县总工会2022年部门预算</p><table>'
        "<tr><td>项目</td><td>预算数</td></tr><tr><td>一、一般公共预算拨款收入</td><td>1,214.36</td></tr></table></body></html>"
    )
    loaded = read_file("导出.xls", markup.encode("utf-8"))
    assert loaded.media_type == HTML and "一、一般公共预算拨款收入 | 1,214.36" in loaded.text


# --- broken and hostile input ------------------------------------------------------------


def test_a_truncated_xls_is_a_clear_error(tmp_path: Path) -> None:
    data = write_xls(RT11_BUDGET, tmp_path / "t.xls").read_bytes()
    for cut in (600, len(data) // 2, len(data) - 100):
        with pytest.raises(InputError, match=r"^cut\.xls: ") as caught:
            read_file("cut.xls", data[:cut])
        assert "Traceback" not in caught.value.message


def test_an_ole_file_without_a_workbook_is_a_clear_error() -> None:
    with pytest.raises(InputError, match=r"^odd\.xls: "):
        read_spreadsheet("odd.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000, "XLS")


def test_an_ods_zip_bomb_is_refused_before_unpacking() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", "<a>" + " " * (64 * 1024 * 1024) + "</a>")
    data = buffer.getvalue()
    assert len(data) < 1024 * 1024
    with pytest.raises(InputError, match=r"^bomb\.ods: ODS part content\.xml is compressed \d+:1 \(zip bomb\?\)"):
        read_file("bomb.ods", data)


def _far_cell_workbooks(folder: Path) -> dict[str, Path]:
    import xlsxwriter
    import xlwt
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    workbook = xlsxwriter.Workbook(str(folder / "far.xlsx"))
    sheet = workbook.add_worksheet("表1")
    sheet.write_string(0, 0, "淇县总工会2022年部门预算")
    sheet.write_string(1_048_575, 16_383, "x")
    workbook.close()
    book = xlwt.Workbook(encoding="utf-8")
    old = book.add_sheet("表1")
    old.write(0, 0, "淇县总工会2022年部门预算")
    old.write(65_535, 255, "x")
    book.save(str(folder / "far.xls"))
    ods = OpenDocumentSpreadsheet()
    table = Table(name="表1")
    row = TableRow(numberrowsrepeated=1_000_000)  # one value repeated over a million rows and 1,000 columns
    cell = TableCell(valuetype="string", numbercolumnsrepeated=1_000)
    cell.addElement(P(text="x"))
    row.addElement(cell)
    table.addElement(row)
    ods.spreadsheet.addElement(table)
    ods.save(str(folder / "far.ods"))
    return {"xlsx": folder / "far.xlsx", "xls": folder / "far.xls", "ods": folder / "far.ods"}


def test_a_sheet_spanning_too_many_cells_is_refused_before_calamine_lays_it_out(tmp_path: Path) -> None:
    for suffix, path in _far_cell_workbooks(tmp_path).items():
        with pytest.raises(InputError, match=rf"^far\.{suffix}: sheet '表1' spans [\d,]+ rows by [\d,]+ columns, over the limit"):
            read_file(f"far.{suffix}", path.read_bytes())


def test_a_ten_thousand_row_sheet_is_read_within_the_cell_cap(tmp_path: Path) -> None:
    import xlsxwriter

    path = tmp_path / "long.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("明细")
    money = workbook.add_format({"num_format": "#,##0.00"})
    for r in range(10_000):
        sheet.write_string(r, 0, f"职工{r}")
        sheet.write_number(r, 1, r + 0.5, money)
    workbook.close()
    text, tables = read_spreadsheet("long.xlsx", path.read_bytes(), "XLSX")
    assert len(tables[0]) == 10_000 and text.endswith("职工9999 | 9,999.50")


def test_an_ods_as_libreoffice_saves_it(tmp_path: Path) -> None:
    """LibreOffice ends each table with its empty rest repeated (columns repeated a thousand
    times, a row of 1,024 empty cells repeated a million times), and a hidden block of rows
    is one row repeated: counted, not unrolled, and the text is that of the table alone."""
    from odf.opendocument import load
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import P

    path = write_ods(RT11_SELFEVAL, tmp_path / "lo.ods", SheetLayout(hidden_parts=False))
    document = load(str(path))
    for table in document.spreadsheet.getElementsByType(Table):
        table.insertBefore(TableColumn(numbercolumnsrepeated=1000), table.getElementsByType(TableRow)[0])
        hidden = TableRow(numberrowsrepeated=50_000, visibility="collapse")
        cell = TableCell(valuetype="float", value=654321.98)
        cell.addElement(P(text="654,321.98"))
        hidden.addElement(cell)
        table.addElement(hidden)
        rest = TableRow(numberrowsrepeated=1_048_000)
        rest.addElement(TableCell(numbercolumnsrepeated=1024))
        table.addElement(rest)
    document.save(str(tmp_path / "lo2.ods"))
    saved, _ = read_spreadsheet("lo2.ods", (tmp_path / "lo2.ods").read_bytes(), "ODS")
    assert saved == read_spreadsheet("lo.ods", path.read_bytes(), "ODS")[0]
    assert "654" not in saved


def test_the_grid_cap_holds_for_the_whole_workbook(tmp_path: Path) -> None:
    import xlsxwriter

    path = tmp_path / "many.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    for n in range(3):  # each sheet under the cap, the three together over it
        sheet = workbook.add_worksheet(f"表{n}")
        sheet.write_string(0, 0, "淇县总工会")
        sheet.write_string(1_999, 999, "x")
    workbook.close()
    with pytest.raises(InputError, match=r"^many\.xlsx: sheet '表2' spans 2,000 rows by 1,000 columns, over the limit"):
        read_spreadsheet("many.xlsx", path.read_bytes(), "XLSX")


def test_the_cell_cap_holds_for_an_xls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import unionkg.ingest.xlsx_reader as reader

    monkeypatch.setattr(reader, "MAX_SHEET_CELLS", 20)
    path = write_xls(RT11_BUDGET, tmp_path / "t.xls", SheetLayout(hidden_parts=False, merged_titles=False))
    text, _ = read_spreadsheet("t.xls", path.read_bytes(), "XLS")
    assert "部门收支总表" in text and "住房公积金" not in text


# --- the parts, table-driven ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "shown", "code", "text"),
    [
        (" 办公费 ", None, None, "办公费"),
        ("2022年\n预算数", None, None, "2022年预算数"),  # a line break typed in a header cell
        ("机关事业单位基本养老\n保险缴费支出", None, None, "机关事业单位基本养老保险缴费支出"),
        ("Total\nbudget", None, None, "Total budget"),
        ("1,214.36\n万元", "1,214.36\n万元", None, "1,214.36万元"),
        (0.94, None, "0.00%", "94.00%"),
        (1214.36, None, "#,##0.00", "1,214.36"),
        (12.0, None, None, "12"),  # General: no trailing .0
        (12, None, "0.00", "12.00"),
        (0.94, "94.00%", None, "94.00%"),  # an .ods keeps the text the cell shows
        (True, None, None, "TRUE"),
        ("", None, None, ""),
    ],
)
def test_cell_text(value: object, shown: str | None, code: str | None, text: str) -> None:
    assert cell_text(value, shown, code) == text


def test_cell_text_of_dates() -> None:
    from datetime import date, datetime

    assert cell_text(date(2022, 3, 1)) == "2022-03-01"
    assert cell_text(datetime(2022, 3, 1)) == "2022-03-01"
    assert cell_text(datetime(2022, 3, 1, 8, 30)) == "2022-03-01 08:30:00"


def test_sheet_view_hidden_rows_and_merges() -> None:
    view = SheetView()
    view.hide_rows(3, 5)
    view.hide_rows(100, 1_000_100)  # a repeated hidden row of an .ods: a span, not a million entries
    assert [r for r in (2, 3, 4, 5, 99, 100, 500_000, 1_000_100) if view.is_hidden_row(r)] == [3, 4, 100, 500_000]
    view.add_merges([((0, 0), (0, 3))])
    assert view.covered == {(0, 1), (0, 2), (0, 3)}
    assert covered_by_merge(2, 2, 3, 2) == {(3, 2)}


# --- calamine in a child process -------------------------------------------------------------


def test_a_reader_that_crashes_is_reported_not_followed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A corrupt .xls record made calamine ask for 224 GB and abort the process (found by
    mutating written workbooks); calamine runs in a child process, whose death is reported."""
    import os

    import unionkg.ingest.xlsx_reader as reader

    path = write_xls(RT11_BUDGET, tmp_path / "t.xls")
    monkeypatch.setattr(reader, "_visible_grids", lambda *args: os.abort())
    with pytest.raises(InputError, match=r"^crash\.xls: the XLS reader crashed on this file"):
        read_spreadsheet("crash.xls", path.read_bytes(), "XLS")


def test_a_reader_that_hangs_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    import unionkg.ingest.xlsx_reader as reader

    path = write_ods(RT11_BUDGET, tmp_path / "t.ods")
    monkeypatch.setattr(reader, "_visible_grids", lambda *args: time.sleep(30))
    with pytest.raises(InputError, match=r"^slow\.ods: reading the ODS workbook took longer than 1 s; stopped"):
        read_spreadsheet("slow.ods", path.read_bytes(), "ODS", reader.SheetLimits(timeout_s=1.0))


def test_in_process_reading_gives_the_same_text(tmp_path: Path) -> None:
    from unionkg.ingest.xlsx_reader import SheetLimits

    for suffix, path in _written(RT11_SELFEVAL, tmp_path).items():
        kind = suffix.upper()
        assert read_spreadsheet("a", path.read_bytes(), kind) == read_spreadsheet("a", path.read_bytes(), kind, SheetLimits(isolate=False))


@pytest.mark.parametrize("suffix", ["xls", "ods", "xlsx"])
def test_damaged_workbooks_give_text_or_a_clear_error(tmp_path: Path, suffix: str) -> None:
    """Workbooks with bytes overwritten at random (a fixed seed): each is read or refused with
    an InputError naming it; none escapes with another exception or takes the process down."""
    import random

    data = _written(RT11_BUDGET, tmp_path)[suffix].read_bytes()
    rng = random.Random(11)
    for n in range(40):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        try:
            read_file(f"d{n}.{suffix}", bytes(damaged))
        except InputError as exc:
            assert exc.message.startswith(f"d{n}.{suffix}: ")


def test_the_views_of_an_xls_and_an_ods(tmp_path: Path) -> None:
    from unionkg.ingest.docx_reader import check_zip
    from unionkg.ingest.sheet_views import ods_views, xls_views

    xls = xls_views(write_xls(RT11_SELFEVAL, tmp_path / "t.xls").read_bytes())
    ods = ods_views(check_zip("t.ods", write_ods(RT11_SELFEVAL, tmp_path / "t.ods").read_bytes(), kind="ODS", body="content.xml"))
    assert [v.name for v in xls] == ["项目名称：困难职工帮扶资金", "Sheet2", "参数"]
    assert [v.name for v in ods] == ["项目名称：困难职工帮扶资金", "Sheet2"]
    for view in (xls[0], ods[0]):
        assert view.hidden_columns == {7} and view.is_hidden_row(5) and not view.is_hidden_row(4)
        assert (view.rows, view.columns) == (6, 8)
    assert xls[0].formats[(4, 5)] == "0.00%" and ods[0].shown[(4, 5)] == "94.00%"
