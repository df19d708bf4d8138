"""Round 10 (p3): workbooks (.xlsx) of 公开表 are read (``unionkg.ingest.xlsx_reader``):
each visible sheet's rows as table lines, figures as their number format shows them.

Measured before this round: a workbook was refused ("a zip archive but not a DOCX"), 0 facts;
after, on the tables of the written Shizuishan 2026 budget and Haidong 2029 self-evaluation
written by XlsxWriter (an independent writer) with a hidden column of internal codes, a
hidden row of void figures and a hidden sheet: 41/41 and 10/10 facts of the same tables
typed as text, 0 wrong; none of the hidden figures read.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from rt9p_documents import compare, write_text
from rt10i_documents import RT10_SELFEVAL_WORKBOOK, RT10_WORKBOOK, WorkbookLayout, write_xlsx

from unionkg.errors import InputError
from unionkg.graph.store import OxigraphStore
from unionkg.ingest.loaders import XLSX, read_file, sniff_media_type
from unionkg.ingest.sheet_views import column_number, covered_by_merge
from unionkg.ingest.xlsx_reader import format_number, read_xlsx, sheet_text
from unionkg.pipeline import ingest_paths, iter_input_files
from unionkg.settings import Settings

pytest.importorskip("xlsxwriter")

LAYOUTS = {"hidden_parts_merged_titles": WorkbookLayout(), "plain": WorkbookLayout(hidden_parts=False, merged_titles=False)}


@pytest.mark.parametrize("layout", list(LAYOUTS))
@pytest.mark.parametrize("which", ["budget_tables", "selfeval_tables"])
def test_a_workbook_gives_the_facts_of_its_tables_typed(tmp_path: Path, which: str, layout: str) -> None:
    doc = {"budget_tables": RT10_WORKBOOK, "selfeval_tables": RT10_SELFEVAL_WORKBOOK}[which]
    path = write_xlsx(doc, tmp_path / f"{doc.name}.xlsx", LAYOUTS[layout])
    result = compare(write_text(doc, tmp_path), path)
    assert len(result.reference) >= 10 and not result.missing and not result.extra, (result.summary(), sorted(map(str, result.missing)))


def test_hidden_sheets_rows_and_columns_are_not_read(tmp_path: Path) -> None:
    path = write_xlsx(RT10_WORKBOOK, tmp_path / "rt10i_hidden.xlsx")
    loaded = read_file(path.name, path.read_bytes())
    assert loaded.media_type == XLSX
    for hidden in ("内部编号", "9001", "999.99", "上年数", "测算基数", "123456.78"):
        assert hidden not in loaded.text
    assert "\n一、一般公共预算拨款收入 | 902.40 | 一、一般公共服务支出 | 760.20\n" in loaded.text
    assert [len(t) for t in loaded.tables] == [6, 15]


def test_a_workbook_is_ingested_from_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    write_xlsx(RT10_WORKBOOK, folder / "rt10i_tables.xlsx")
    assert [p.name for p in iter_input_files([folder])] == ["rt10i_tables.xlsx"]
    [report] = ingest_paths([folder], Settings(store=str(tmp_path / "s"), encoder="none"), OxigraphStore())
    assert report.error is None and report.org == "石嘴山市总工会" and report.year == 2026 and report.facts.get("Amount", 0) >= 30


def _zip(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return buffer.getvalue()


MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
RELS = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/></Relationships>'


#: The package's own relationships: every .xlsx has them, and calamine finds the workbook through them.
PACKAGE_RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="xl/workbook.xml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
    "</Relationships>"
)


def _workbook(sheet: str) -> bytes:
    return _zip(
        {
            "_rels/.rels": PACKAGE_RELS,
            "xl/workbook.xml": f'<workbook {MAIN}><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
            "xl/_rels/workbook.xml.rels": RELS,
            "xl/worksheets/sheet1.xml": f"<worksheet {MAIN}>{sheet}</worksheet>",
        }
    )


def test_inline_strings_booleans_and_gaps() -> None:
    sheet = (
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>项目</t></is></c><c r="C1" t="inlineStr"><is><t>金额</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>办公费</t></is></c><c r="C2"><v>12.5</v></c></row></sheetData>'
    )
    assert read_xlsx("t.xlsx", _workbook(sheet))[0] == "项目 |  | 金额\n办公费 |  | 12.5"


@pytest.mark.parametrize(
    "data",
    [
        _workbook("<sheetData/>"),  # no text
        _zip({"xl/workbook.xml": f"<workbook {MAIN}><sheets/></workbook>"}),  # no relationships part
        _zip({"xl/workbook.xml": "<workbook", "xl/_rels/workbook.xml.rels": RELS}),  # broken XML
    ],
)
def test_a_broken_workbook_is_a_clear_error(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^bad\.xlsx: "):
        read_file("bad.xlsx", data)


def test_media_type_by_content() -> None:
    assert sniff_media_type("tables.bin", _workbook("<sheetData/>")) == XLSX
    assert sniff_media_type("a.docx", _zip({"word/document.xml": "<w/>", "word/embeddings/x.xlsx": "xl/workbook.xml"})) != XLSX
    with pytest.raises(InputError, match="named .xlsx but is not an XLSX"):
        sniff_media_type("a.xlsx", b"plain text")


def test_failed_workbooks_leave_the_store_as_it_was(tmp_path: Path) -> None:
    store = OxigraphStore()
    settings = Settings(store=str(tmp_path / "s"), encoder="none")
    ingest_paths([write_xlsx(RT10_WORKBOOK, tmp_path / "good.xlsx")], settings, store)
    triples = store.count_triples()
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(_zip({"xl/workbook.xml": "<workbook", "xl/_rels/workbook.xml.rels": RELS}))
    [report] = ingest_paths([bad], settings, store)
    assert report.error is not None and "bad.xlsx" in report.error and "Traceback" not in report.error
    assert store.count_triples() == triples


@pytest.mark.parametrize(
    ("value", "code", "shown"),
    [
        ("1234.5", "General", "1234.5"),
        ("0.1", "General", "0.1"),
        ("1234.4999999999998", "General", "1234.5"),
        ("1386.2", "#,##0.00", "1,386.20"),
        ("1386.2", "0.00", "1386.20"),
        ("12", "0", "12"),
        ("0.955", "0.00%", "95.50%"),
        ("0.96", "0%", "96%"),
        ("-12", "#,##0.00;[Red]-#,##0.00", "-12.00"),
        ("-12", "#,##0.00;[Red]\\(#,##0.00\\)", "12.00"),  # shown in brackets (escaped): the figure without its sign
        ("86.5", '0.00"万元"', "86.50万元"),
        ("46023", "yyyy-mm-dd", "2026-01-01"),
        ("2012901", "@", "2012901"),
        ("2012901", "0", "2012901"),
        ("abc", "0.00", "abc"),
    ],
)
def test_format_number(value: str, code: str, shown: str) -> None:
    assert format_number(value, code) == shown


@pytest.mark.parametrize(("letters", "n"), [("A", 0), ("Z", 25), ("AA", 26), ("AZ", 51), ("XFD", 16383)])
def test_column_number(letters: str, n: int) -> None:
    assert column_number(letters) == n


def test_merged_cells_and_sheet_text() -> None:
    assert covered_by_merge(0, 0, 0, 2) == {(0, 1), (0, 2)}
    assert covered_by_merge(0, 0, 1_048_575, 16_383) == set()  # a whole-sheet merge is left out
    lines, tables = sheet_text("部门收支总表", [["公开01表"], ["单位：万元"], ["项目", "预算数"], ["合计", "12.00", "备注"]])
    assert lines == ["部门收支总表", "公开01表", "单位：万元", "项目 | 预算数 | ", "合计 | 12.00 | 备注"]
    assert tables == [[["项目", "预算数", ""], ["合计", "12.00", "备注"]]]
    assert sheet_text("Sheet1", [["甲", "乙"]])[0] == ["甲 | 乙"]  # a default sheet name is no title


def test_cells_past_the_cap_are_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    import unionkg.ingest.xlsx_reader as reader

    monkeypatch.setattr(reader, "MAX_SHEET_CELLS", 4)
    rows = "".join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>行{r}</t></is></c><c r="B{r}"><v>{r}</v></c></row>' for r in range(1, 6))
    assert read_xlsx("t.xlsx", _workbook(f"<sheetData>{rows}</sheetData>"))[0] == "行1 | 1\n行2 | 2"


def test_a_part_over_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import unionkg.ingest.sheet_views as views

    monkeypatch.setattr(views, "MAX_PART_BYTES", 1000)
    rows = "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in range(1, 200))
    with pytest.raises(InputError, match=r"^big\.xlsx: cannot read the workbook .*xl/worksheets/sheet1\.xml is over"):
        read_xlsx("big.xlsx", _workbook(f"<sheetData>{rows}</sheetData>"))
