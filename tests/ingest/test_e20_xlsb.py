"""Round 12 (e20): Excel binary workbooks (.xlsb) read like .xlsx, through calamine in the
isolated child, with their number formats, hidden parts and merged titles read from the BIFF12
records (:mod:`unionkg.ingest.xlsb_views`).

Measured before: an .xlsb was taken for a DOCX ("a zip archive but not a DOCX"), 0 facts; after,
on the written 淇县 (Henan) 2022 budget tables and 沁源 (Shanxi) 2021 self-evaluation table, the
same facts as the tables typed as text, 0 wrong, none of the hidden figures read.

The workbooks are written by ``e20_xlsb_writer`` (no Python library writes .xlsb, and
LibreOffice reads the format but has no export filter for it).
"""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest
from e20_xlsb_writer import XlsbSheet, record, write_xlsb, xlsb_bytes
from rt9p_documents import compare, write_text
from rt10i_documents import write_xlsx
from rt11s_documents import RT11_BUDGET, RT11_SELFEVAL, SheetLayout

from unionkg.errors import InputError
from unionkg.ingest.loaders import XLSB, XLSX, read_file, sniff_media_type
from unionkg.ingest.xlsb_views import bundled_sheets, records, xlsb_cell_formats, xlsb_sheet_view
from unionkg.pipeline import iter_input_files

DOCUMENTS = {"budget": RT11_BUDGET, "selfeval": RT11_SELFEVAL}
LAYOUTS = {"hidden_parts_merged_titles": SheetLayout(), "plain": SheetLayout(hidden_parts=False, merged_titles=False)}
HIDDEN_FIGURES = ("内部编号", "7001", "888.88", "上年数", "测算基数", "654321.98")


@pytest.mark.parametrize("shared_text", [False, True], ids=["inline_text", "shared_strings"])
@pytest.mark.parametrize("layout", list(LAYOUTS))
@pytest.mark.parametrize("which", list(DOCUMENTS))
def test_an_xlsb_gives_the_facts_of_its_tables_typed(tmp_path: Path, which: str, layout: str, shared_text: bool) -> None:
    doc = DOCUMENTS[which]
    path = write_xlsb(doc, tmp_path / f"{doc.name}.xlsb", LAYOUTS[layout], shared_text=shared_text)
    result = compare(write_text(doc, tmp_path), path)
    assert len(result.reference) >= 5 and not result.missing and not result.extra, (result.summary(), sorted(map(str, result.missing)))


def test_figures_show_as_formatted_and_hidden_parts_are_not_read(tmp_path: Path) -> None:
    path = write_xlsb(RT11_SELFEVAL, tmp_path / "t.xlsb")
    loaded = read_file(path.name, path.read_bytes())
    assert loaded.media_type == XLSB
    assert "\n年度资金总额 | 36.00 | 36.00 | 33.84 | 10 | 94.00% | 9.40\n" in loaded.text  # not 0.94, not 36.0
    assert not [h for h in HIDDEN_FIGURES if h in loaded.text]
    assert loaded.text.startswith("沁源县总工会2021年度项目支出绩效自评表\n项目名称")  # a merged title once


def test_an_xlsb_reads_as_the_same_workbook_saved_as_xlsx(tmp_path: Path) -> None:
    xlsb = write_xlsb(RT11_BUDGET, tmp_path / "b.xlsb")
    xlsx = write_xlsx(RT11_BUDGET, tmp_path / "b.xlsx")
    assert read_file(xlsb.name, xlsb.read_bytes()).text == read_file(xlsx.name, xlsx.read_bytes()).text


def test_an_xlsb_is_found_in_a_folder(tmp_path: Path) -> None:
    write_xlsb(RT11_BUDGET, tmp_path / "淇县2022.xlsb")
    assert [p.name for p in iter_input_files([tmp_path])] == ["淇县2022.xlsb"]


def test_media_type_by_content(tmp_path: Path) -> None:
    data = xlsb_bytes([XlsbSheet("表1", {(0, 0): "合计", (0, 1): (12.5, "0.00")})])
    assert sniff_media_type("x.xlsb", data) == XLSB
    assert sniff_media_type("named.xlsx", data) == XLSB  # the content decides
    assert sniff_media_type("x.xlsx", write_xlsx(RT11_BUDGET, tmp_path / "b.xlsx").read_bytes()) == XLSX
    with pytest.raises(InputError, match=r"x\.xlsb: named \.xlsb but is not an XLSB"):
        sniff_media_type("x.xlsb", b"just text")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (record(148, bytes(16)), [(148, bytes(16))]),
        (record(0) + record(5, b"ab"), [(0, b""), (5, b"ab")]),
        (record(617, b"x" * 200), [(617, b"x" * 200)]),  # two-byte type, two-byte size
        (b"", []),
    ],
)
def test_records_are_read(data: bytes, expected: list[tuple[int, bytes]]) -> None:
    assert records(data) == expected


@pytest.mark.parametrize("data", [bytes([5, 10, 1, 2]), bytes([0x94]), bytes([0x94, 0x81])])
def test_cut_records_are_refused(data: bytes) -> None:
    with pytest.raises(ValueError):
        records(data)


def test_sheet_view_reads_hidden_rows_columns_merges_and_formats() -> None:
    part = _sheet_part_of(
        XlsbSheet(
            "s", {(0, 0): "标题", (1, 0): "a", (1, 1): (0.5, "0.00%"), (2, 0): "b", (2, 2): (3.0, "General")}, {2}, {2}, [(0, 0, 0, 2)]
        )
    )
    view = xlsb_sheet_view(part, ["General", "0.00%"])
    assert view.is_hidden_row(2) and not view.is_hidden_row(1)
    assert view.hidden_columns == {2}
    assert view.covered == {(0, 1), (0, 2)}
    assert view.formats == {(1, 1): "0.00%"}  # a General figure prints as calamine gives it
    assert (view.rows, view.columns) == (3, 3)


def test_style_formats_are_not_taken_for_cell_formats() -> None:
    styles = _member(xlsb_bytes([XlsbSheet("s", {(0, 0): (1.0, "0.0"), (0, 1): (2.0, "0.000")})]), "xl/styles.bin")
    assert xlsb_cell_formats(styles) == ["General", "0.0", "0.000"]


def test_sheet_names_come_in_the_workbook_order() -> None:
    data = xlsb_bytes([XlsbSheet("公开01表", {(0, 0): "a"}), XlsbSheet("公开02表", {(0, 0): "b"}, state=1)])
    assert bundled_sheets(_member(data, "xl/workbook.bin")) == [("公开01表", "rId1"), ("公开02表", "rId2")]


def test_a_declared_extent_over_the_limit_is_refused_before_calamine() -> None:
    data = xlsb_bytes([XlsbSheet("表1", {(0, 0): "合计", (0, 1): (12.5, "0.00")})], dimension=(0, 1_048_575, 0, 16_383))
    with pytest.raises(InputError, match=r"big\.xlsb: sheet '表1' spans 1,048,576 rows by 16,384 columns"):
        read_file("big.xlsb", data)


def test_a_dimension_past_a_sheets_limits_is_a_broken_workbook() -> None:
    data = xlsb_bytes([XlsbSheet("表1", {(0, 0): "合计"})], dimension=(0, 5_000_000, 0, 3))
    with pytest.raises(InputError, match=r"bad\.xlsb: cannot read the workbook.*past a sheet's limits"):
        read_file("bad.xlsb", data)


@pytest.mark.parametrize("part", ["xl/workbook.bin", "xl/worksheets/sheet1.bin", "xl/styles.bin"])
def test_a_cut_part_is_a_clear_error(part: str) -> None:
    data = _replace(
        xlsb_bytes([XlsbSheet("表1", {(0, 0): "合计", (0, 1): (12.5, "0.00")})]), part, lambda body: body[:-3] + b"\xff\xff\xff"
    )
    with pytest.raises(InputError, match=r"cut\.xlsb: "):
        read_file("cut.xlsb", data)


def test_a_zip_without_the_workbook_part_is_not_an_xlsb() -> None:
    data = _replace(xlsb_bytes([XlsbSheet("表1", {(0, 0): "合计"})]), "xl/workbook.bin", None)
    with pytest.raises(InputError, match=r"e\.xlsb: "):
        read_file("e.xlsb", data)


# ------------------------------------------------------------------ helpers


def _member(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name)


def _sheet_part_of(sheet: XlsbSheet) -> bytes:
    return _member(xlsb_bytes([sheet]), "xl/worksheets/sheet1.bin")


def _replace(data: bytes, part: str, change: object) -> bytes:
    """``data`` with zip member ``part`` changed by ``change`` (None: left out)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == part:
                if change is None:
                    continue
                body = change(body)  # type: ignore[operator]
            dst.writestr(info.filename, body)
    return out.getvalue()


def test_the_writer_declares_what_it_writes() -> None:
    """The writer's rows carry the row header's hidden bit where the reader looks for it."""
    part = _sheet_part_of(XlsbSheet("s", {(4, 0): "x"}, hidden_rows={4}))
    row_header = next(body for kind, body in records(part) if kind == 0)
    assert struct.unpack_from("<I", row_header)[0] == 4 and row_header[11] & 0x10
