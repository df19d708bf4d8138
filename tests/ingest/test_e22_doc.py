"""Round 12 (e22): Word 97-2003 (.doc) and WPS Writer (.wps) files read instead of refused.

The fixtures ``fixtures/e22_*.doc`` are DOCX files of ``rt9p_documents`` (written 天水 2025
budget, 绵阳 2024 self-evaluation, a traditional-character final account in 元) converted by
LibreOffice (``fixtures/e22_make_doc_fixtures.py`` remakes them).  Before: every .doc/.wps
refused ("a legacy Office file"), 0 facts.  After: each gives the lines and tables of the
same document as DOCX, and the facts of the document typed as text.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

import olefile
import pytest
from rt9p_documents import BUDGET, EVALUATION, FINAL, Document, DocxLayout, compare, write_docx, write_text

from unionkg.errors import InputError
from unionkg.ingest import load_source
from unionkg.ingest.doc_binary import FC_CLX, ParagraphPropsReader, Piece, props_of, read_fib, sprms
from unionkg.ingest.doc_reader import (
    Cell,
    MarkedParagraph,
    Paragraph,
    Table,
    assemble,
    glued_tables,
    marked_paragraphs,
    parse_doc,
)
from unionkg.ingest.loaders import DOC, DOCX, HTML, read_file, sniff_media_type
from unionkg.pipeline import ingest_paths, iter_input_files
from unionkg.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures"
#: fixture -> (document, the DOCX layout it was converted from)
CASES: dict[str, tuple[Document, DocxLayout]] = {
    "e22_budget": (BUDGET, DocxLayout()),
    "e22_selfeval": (EVALUATION, DocxLayout(split_table_at=2)),
    "e22_final_traditional_yuan": (FINAL, DocxLayout(code_merges=False)),
    "e22_budget_tracked": (BUDGET, DocxLayout(tracked_changes=True)),  # tracked changes: deleted '0.00' in the text stream
}


def _fixture(name: str) -> bytes:
    return (FIXTURES / f"{name}.doc").read_bytes()


# ---------------------------------------------------------------- real .doc files


@pytest.mark.parametrize("name", list(CASES))
def test_doc_reads_as_the_same_docx(tmp_path: Path, name: str) -> None:
    document, layout = CASES[name]
    docx = read_file(f"{name}.docx", write_docx(document, tmp_path / f"{name}.docx", layout).read_bytes())
    doc = read_file(f"{name}.doc", _fixture(name))
    assert doc.media_type == DOC and not doc.warnings
    assert doc.text == docx.text
    assert doc.tables == docx.tables


@pytest.mark.parametrize("name", list(CASES))
def test_doc_gives_the_facts_of_the_docx(tmp_path: Path, name: str) -> None:
    document, layout = CASES[name]
    path = tmp_path / f"{name}.doc"
    path.write_bytes(_fixture(name))
    result = compare(write_docx(document, tmp_path / f"{name}.docx", layout), path)
    assert len(result.reference) >= 12
    assert not result.missing and not result.extra, (result.summary(), sorted(map(str, result.missing)), sorted(map(str, result.extra)))


@pytest.mark.parametrize("name", list(CASES))
def test_doc_gives_the_facts_of_the_text(tmp_path: Path, name: str) -> None:
    document, _ = CASES[name]
    path = tmp_path / f"{name}.doc"
    path.write_bytes(_fixture(name))
    result = compare(write_text(document, tmp_path), path)
    assert len(result.reference) >= 12
    assert not result.missing and not result.extra, (result.summary(), sorted(map(str, result.missing)), sorted(map(str, result.extra)))


def test_merged_code_levels_and_headers_of_a_doc(tmp_path: Path) -> None:
    path = tmp_path / "b.doc"
    path.write_bytes(_fixture("e22_budget"))
    doc = load_source(path, Settings(store="unused"))
    assert "\n201 | 29 | 99 | 其他群众团体事务支出 | 360.00 | | 360.00\n" in doc.text  # 类/款 merged down, repeated
    assert "\n收入 | 支出\n" in doc.text  # a header over two columns listed once
    assert "公章" not in doc.text and "第 1 页" not in doc.text  # stamp text box, footer: not read


def test_a_wps_writer_file_is_read_by_its_content() -> None:
    wps = read_file("附件1.wps", _fixture("e22_budget"))
    assert wps.media_type == DOC and not wps.warnings
    assert wps.text == read_file("a.doc", _fixture("e22_budget")).text
    assert sniff_media_type("noname", _fixture("e22_budget")) == DOC  # the magic, not the suffix


def test_pipeline_finds_and_ingests_doc_and_wps(tmp_path: Path) -> None:
    from unionkg.graph.store import OxigraphStore

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "天水2025.doc").write_bytes(_fixture("e22_budget"))
    (folder / "绵阳2024.wps").write_bytes(_fixture("e22_selfeval"))
    assert sorted(p.name for p in iter_input_files([folder])) == ["天水2025.doc", "绵阳2024.wps"]
    reports = ingest_paths([folder], Settings(store=str(tmp_path / "s"), encoder="none"), OxigraphStore())
    assert all(r.error is None for r in reports), [r.error for r in reports]
    assert {r.year for r in reports} == {2023, 2025}  # the self-evaluation is of 2023


# ---------------------------------------------------------------- renamed files


def test_a_doc_that_is_a_docx_is_read_as_docx_with_a_warning(tmp_path: Path) -> None:
    data = write_docx(BUDGET, tmp_path / "b.docx", DocxLayout()).read_bytes()
    loaded = read_file("预算.doc", data)
    assert loaded.media_type == DOCX
    assert loaded.warnings == ["预算.doc: named .doc but is a DOCX; read as such"]


def test_a_doc_that_is_a_web_page_is_read_as_html_with_a_warning() -> None:
    page = "<html><body><p>某某县总工会2022年部门预算</p><table><tr><td>合计</td><td>12.50</td></tr></table></body></html>"
    loaded = read_file("预算.doc", page.encode("gbk"))
    assert loaded.media_type == HTML and "合计 | 12.50" in loaded.text
    assert loaded.warnings[0] == "预算.doc: named .doc but is a web page (HTML); read as such"


def test_a_docx_that_is_a_doc_is_read_with_a_warning() -> None:
    loaded = read_file("预算.docx", _fixture("e22_budget"))
    assert loaded.media_type == DOC and loaded.warnings == ["预算.docx: named .docx but is a Word 97-2003 document; read as such"]


def test_a_doc_that_is_rtf_is_read_with_a_warning() -> None:
    # (refused until e24's RTF reader: tests/ingest/test_e24_rtf.py)
    loaded = read_file("x.doc", b"{\\rtf1\\ansi hello\\par}")
    assert loaded.text == "hello" and loaded.warnings == ["x.doc: named .doc but is an RTF file; read as such"]


# ---------------------------------------------------------------- hostile files


def _patched(tmp_path: Path, stream: str, patch: callable) -> bytes:  # type: ignore[valid-type]
    """The budget fixture with ``stream`` rewritten by ``patch`` (same size: olefile writes in place)."""
    path = tmp_path / "p.doc"
    path.write_bytes(_fixture("e22_budget"))
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        data = bytearray(ole.openstream(stream).read())
        patch(data, ole)
        ole.write_stream(stream, bytes(data))
    return path.read_bytes()


def _fib_pair_at(word: bytes, index: int) -> int:
    csw = struct.unpack_from("<H", word, 32)[0]
    at = 34 + 2 * csw
    cslw = struct.unpack_from("<H", word, at)[0]
    return at + 2 + 4 * cslw + 2 + 8 * index


def _clx_offset(ole: olefile.OleFileIO) -> int:
    word = ole.openstream("WordDocument").read()
    return int(struct.unpack_from("<I", word, _fib_pair_at(word, FC_CLX))[0])


def _encrypt(data: bytearray, ole: olefile.OleFileIO) -> None:
    data[0x0B] |= 0x01  # fEncrypted (bit 8 of the little-endian flags word at 0x0A)


def _piece_past_the_end(data: bytearray, ole: olefile.OleFileIO) -> None:
    clx = _clx_offset(ole)
    assert data[clx] == 0x02
    (lcb,) = struct.unpack_from("<I", data, clx + 1)
    pieces = (lcb - 4) // 12
    struct.pack_into("<I", data, clx + 5 + 4 * (pieces + 1) + 2, 0x00F00000)  # piece 0's fc: 15 MB in


def _clx_past_the_end(data: bytearray, ole: olefile.OleFileIO) -> None:
    struct.pack_into("<I", data, _fib_pair_at(bytes(data), FC_CLX) + 4, 0x7FFFFFF0)  # lcbClx


def _huge_text(data: bytearray, ole: olefile.OleFileIO) -> None:
    csw = struct.unpack_from("<H", data, 32)[0]
    struct.pack_into("<i", data, 34 + 2 * csw + 2 + 4 * 3, 0x7FFFFFF0)  # ccpText


def _word_95(data: bytearray, ole: olefile.OleFileIO) -> None:
    struct.pack_into("<H", data, 2, 0x0068)  # nFib of Word 95
    struct.pack_into("<H", data, 32, 0xFFFF)  # (what follows is laid out otherwise)


def _not_a_fib(data: bytearray, ole: olefile.OleFileIO) -> None:
    data[0:2] = b"\0\0"


HOSTILE = {
    "encrypted": ("WordDocument", _encrypt, r"p\.doc: the Word document is password-protected"),
    "piece_past_the_end": (
        "1Table",
        _piece_past_the_end,
        r"p\.doc: not a readable Word document \(piece 0 points past the end of the WordDocument stream",
    ),
    "clx_past_the_end": (
        "WordDocument",
        _clx_past_the_end,
        r"p\.doc: not a readable Word document \(the piece table .* points past the end of the table stream",
    ),
    "huge_text_length": ("WordDocument", _huge_text, r"p\.doc: the Word document declares 2,147,483,632 characters of text"),
    "word_95": ("WordDocument", _word_95, r"p\.doc: a Word 6/95 document \(FIB version 104\); save it as DOCX or PDF first"),
    "not_a_fib": ("WordDocument", _not_a_fib, r"p\.doc: not a readable Word document \(no Word FIB"),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_doc_is_a_clear_error(tmp_path: Path, case: str) -> None:
    stream, patch, message = HOSTILE[case]
    data = _patched(tmp_path, stream, patch)
    with pytest.raises(InputError, match=message):
        read_file("p.doc", data)


def _directory_entry_size(data: bytes, stream: str, size: int) -> bytes:
    """The compound file with the directory entry of ``stream`` declaring ``size`` bytes."""
    name = stream.encode("utf-16-le") + b"\0\0"
    at = data.index(name)
    out = bytearray(data)
    struct.pack_into("<I", out, at + 120, size)
    return bytes(out)


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("truncated", r"^t\.doc: not a readable Word document"),
        ("zero_length_word_stream", r"^t\.doc: the WordDocument stream is empty"),
        ("zero_length_table_stream", r"^t\.doc: the 1Table stream is empty"),
        ("huge_declared_stream", r"^t\.doc: "),
        ("magic_only", r"^t\.doc: not a readable Word document \(broken compound file"),
    ],
)
def test_broken_compound_files_are_clear_errors(case: str, message: str) -> None:
    data = _fixture("e22_budget")
    broken = {
        "truncated": lambda: data[: len(data) // 2],
        "zero_length_word_stream": lambda: _directory_entry_size(data, "WordDocument", 0),
        "zero_length_table_stream": lambda: _directory_entry_size(data, "1Table", 0),
        "huge_declared_stream": lambda: _directory_entry_size(data, "WordDocument", 0x7FFFFF00),
        "magic_only": lambda: data[:8] + b"\0" * 600,
    }[case]()
    with pytest.raises(InputError, match=message):
        read_file("t.doc", broken)


def test_a_compound_file_without_a_word_stream_is_named() -> None:
    with pytest.raises(InputError, match=r"^x\.doc: a compound file without a WordDocument stream"):
        parse_doc("x.doc", _directory_entry_name(_fixture("e22_budget")))


def _directory_entry_name(data: bytes) -> bytes:
    """The fixture with its WordDocument stream renamed (another kind of compound file)."""
    return data.replace("WordDocument".encode("utf-16-le"), "WordDocumenX".encode("utf-16-le"))


# ---------------------------------------------------------------- the text stream, table by table


def _paragraphs(text: str, pieces: list[Piece] | None = None, word: bytes | None = None) -> list[str]:
    word = word if word is not None else text.encode("utf-16-le")
    pieces = pieces or [Piece(0, len(text), 0, False)]
    return [p.text for p in marked_paragraphs(word, pieces, (0, len(text)), ParagraphPropsReader(word, b""))]


#: main text -> paragraphs read (Word's special characters: fields, pictures, breaks)
TEXT_STREAM_CASES: list[tuple[str, list[str]]] = [
    ("合计\x13 PAGE \x1412\x15页\r", ["合计12页"]),  # a field: its result
    ('见\x13 HYPERLINK "http://x" \x14附件\x15。\r', ["见附件。"]),
    ('\x13 TOC \\o "1-3" \x14一、概况\t1\r二、收支\t2\r\x15正文\r', ["正文"]),  # a table of contents: nothing
    ("\x13 SEQ 表 \x15表\r", ["表"]),  # a field without result
    ("\x13 IF \x13 PAGE \x141\x15 = 1 \x14外\x15层\r", ["外层"]),  # nested fields
    ("图\x01\x08片\x02\r", ["图片"]),  # pictures, drawn objects, footnote marks dropped
    ("第一行\x0b第二行\r", ["第一行\n第二行"]),  # a line break inside the paragraph
    ("\x0c\r一、概况\r", ["", "一、概况"]),  # a page break alone in its paragraph
    ("上一节\x0c下一节\r", ["上一节", "下一节"]),  # a section break ends the paragraph
    ("非\x1e断\x1f字\r", ["非-断\u00ad字"]),
    ("无结尾", ["无结尾"]),
]


@pytest.mark.parametrize(("text", "expected"), TEXT_STREAM_CASES)
def test_text_stream(text: str, expected: list[str]) -> None:
    assert _paragraphs(text) == expected


def test_fast_saved_pieces_out_of_order() -> None:
    """A fast-saved file appends edited text at the end of the stream: the pieces, in
    character order, point backwards and mix compressed (8-bit) and UTF-16 text."""
    tail, head = "支出合计 1,050.00\r".encode("utf-16-le"), b"Total 2.5\r"
    word = tail + head
    pieces = [Piece(0, len(head), len(tail), True), Piece(len(head), len(head) + len(tail) // 2, 0, False)]
    assert _paragraphs("x" * (len(head) + len(tail) // 2), pieces, word) == ["Total 2.5", "支出合计 1,050.00"]


def _marked(text: str, mark: str = "\x07", **props: object) -> MarkedParagraph:
    from unionkg.ingest.doc_binary import ParagraphProps

    return MarkedParagraph(text, mark, ParagraphProps(**props))  # type: ignore[arg-type]


def _texts(block: Paragraph | Table) -> object:
    if isinstance(block, Paragraph):
        return block.text
    return [[[_texts(b) for b in cell.blocks] for cell in row] for row in block.rows]


def test_cells_rows_and_paragraphs_in_cells() -> None:
    edges = [(0, 1000), (1000, 2000)]
    blocks = assemble(
        [
            _marked("标题", "\r"),
            _marked("项目", in_table=True),
            _marked("第一段", "\r", in_table=True),  # a cell of two paragraphs
            _marked("第二段", in_table=True),
            _marked("", in_table=True, row_end=True, boundaries=edges),
            _marked("", in_table=True),  # an empty cell
            _marked("12.00", in_table=True),
            _marked("", in_table=True, row_end=True, boundaries=edges),
            _marked("说明", "\r"),
        ]
    )
    assert [_texts(b) for b in blocks] == ["标题", [[["项目"], ["第一段", "第二段"]], [[""], ["12.00"]]], "说明"]


def test_a_nested_table_stays_in_its_cell() -> None:
    blocks = assemble(
        [
            _marked("外", "\r", in_table=True, depth=1),  # the outer cell's first paragraph
            _marked("内1", "\r", in_table=True, depth=2, inner_cell=True),
            _marked("内2", "\r", in_table=True, depth=2, inner_cell=True),
            _marked("", "\r", in_table=True, depth=2, inner_row_end=True),
            _marked("", in_table=True, depth=1),  # the outer cell's mark, after the nested table
            _marked("外后", in_table=True, depth=1),
            _marked("", in_table=True, depth=1, row_end=True),
        ]
    )
    (table,) = blocks
    assert isinstance(table, Table)
    first, second = table.rows[0]
    assert _texts(first.blocks[0]) == "外" and isinstance(first.blocks[1], Table) and _texts(first.blocks[2]) == ""
    assert _texts(first.blocks[1]) == [[["内1"], ["内2"]]]
    assert second.blocks[0].text == "外后"  # type: ignore[union-attr]


#: (edges of the row above, edges of the row below) -> one table?
GLUED_CASES: list[tuple[list[tuple[int, int]], list[tuple[int, int]], bool]] = [
    ([(0, 1000), (1000, 3000)], [(0, 1000), (1000, 2000), (2000, 3000)], True),  # a header merged over two columns
    ([(0, 1000), (1000, 2000)], [(0, 1010), (1010, 2000)], True),  # drawn by hand: a few twips off
    ([(0, 1126), (1126, 2360), (2360, 3000)], [(0, 972), (972, 2052), (2052, 3000)], False),  # another table
    ([(0, 3000)], [(0, 1000), (1000, 3000)], True),  # a title row over the whole width
    ([], [(0, 1000), (1000, 2000)], True),  # edges not known
]


@pytest.mark.parametrize(("above", "below", "one_table"), GLUED_CASES)
def test_glued_tables(above: list[tuple[int, int]], below: list[tuple[int, int]], one_table: bool) -> None:
    table = Table(rows=[[Cell()] * len(above or [1]), [Cell()] * len(below)], edges=[above, below])
    assert len(glued_tables(table)) == (1 if one_table else 2)


#: grpprl bytes -> table properties read (sprm pairs of [MS-DOC] 2.6.2)
SPRM_CASES: list[tuple[bytes, dict[str, object]]] = [
    (bytes.fromhex("16240117240149660100000000"), {"in_table": True, "row_end": True, "depth": 1}),
    (bytes.fromhex("1624014966020000004b2401"), {"in_table": True, "depth": 2, "inner_cell": True}),
    (bytes.fromhex("2bd6020103"), {"vertical": {1: 3}}),  # sprmTVertMerge: cell 1 starts a merge
    (bytes.fromhex("0024"), {"in_table": False}),  # cut short: nothing read
    (bytes.fromhex("0a3c01"), {"in_table": False, "row_end": False}),  # another sprm
]


@pytest.mark.parametrize(("grpprl", "expected"), SPRM_CASES)
def test_paragraph_sprms(grpprl: bytes, expected: dict[str, object]) -> None:
    props = props_of(grpprl)
    assert {k: getattr(props, k) for k in expected} == expected


def test_def_table_gives_edges_and_vertical_merges() -> None:
    tc_continue = struct.pack("<H", 1 << 5) + b"\0" * 18
    tc_plain = b"\0" * 20
    operand = bytes([2]) + struct.pack("<3h", -100, 1000, 2000) + tc_plain + tc_continue
    grpprl = struct.pack("<HH", 0xD608, len(operand) + 1) + operand
    assert sprms(grpprl) == [(0xD608, operand)]
    props = props_of(grpprl)
    assert props.boundaries == [(-100, 1000), (1000, 2000)] and props.vertical == {1: 1}


def test_fib_of_a_fixture() -> None:
    ole = olefile.OleFileIO(_fixture("e22_budget"))
    fib = read_fib(ole.openstream("WordDocument").read())
    assert fib.table_stream == "1Table" and not fib.encrypted and fib.ccp_text > 500


def test_deleted_text_of_tracked_changes_is_not_read() -> None:
    """Word keeps deleted text in the stream, marked deleted in its character runs: read, the
    figure '1,486.20' inserted over a deleted '0.00' came out '0.001,486.20'."""
    text = read_file("t.doc", _fixture("e22_budget_tracked")).text
    assert "总预算1,486.20万元" in text and "0.00" not in text.split("\n")[3]


#: character-run grpprl -> deleted text?
DELETED_CASES: list[tuple[bytes, bool]] = [
    (bytes.fromhex("000801"), True),  # sprmCFRMarkDel 1
    (bytes.fromhex("000881"), True),  # the style's opposite of 'not deleted'
    (bytes.fromhex("000800"), False),
    (bytes.fromhex("010801"), False),  # sprmCFRMarkIns: inserted text is read
    (bytes.fromhex("3c0801"), False),  # hidden text (sprmCFVanish) is read, as the DOCX reader reads w:vanish
]


@pytest.mark.parametrize(("grpprl", "deleted"), DELETED_CASES)
def test_deleted_runs(grpprl: bytes, deleted: bool) -> None:
    from unionkg.ingest.doc_binary import _is_deleted

    assert _is_deleted(grpprl) is deleted


def test_deleted_ranges_skip_text_in_any_piece() -> None:
    text = "支出0.00合计\r"
    word = text.encode("utf-16-le")
    deleted = [(4, 12)]  # bytes of '0.00'
    paragraphs = marked_paragraphs(word, [Piece(0, len(text), 0, False)], (0, len(text)), ParagraphPropsReader(word, b""), deleted)
    assert [p.text for p in paragraphs] == ["支出合计"]


# ---------------------------------------------------------------- automatic numbering (lists)


def test_headings_numbered_by_word_lists_get_their_labels(tmp_path: Path) -> None:
    """The written 科尔沁区 2024 budget, its headings '一、' '（一）' made by Word's list numbering.
    Without the labels 14/16 facts of the typed text and 2 wrong; with them 16/16, 0 wrong.
    (LibreOffice writes the list restarted in 第二部分 as lists of their own, and reads its own
    file back as 一、一、二; Word counts per list as the DOCX reader does: so do we.)"""
    from rt9p_documents import NUMBERED

    path = tmp_path / "n.doc"
    path.write_bytes(_fixture("e22_numbered"))
    text = read_file("n.doc", path.read_bytes()).text
    assert "\n一、部门主要职责\n（一）贯彻执行党的路线方针政策" in text and "\n（二）组织开展劳动和技能竞赛" in text
    result = compare(write_text(NUMBERED, tmp_path), path)
    assert len(result.reference) >= 12 and not result.missing and not result.extra, result.summary()


def _lvl(start: int, nfc: int, text: str, flags: int = 0) -> bytes:
    xst = text.encode("utf-16-le")
    return struct.pack("<iBB9sBiiBBBB", start, nfc, flags, b"\0" * 9, 0, 0, 0, 0, 0, 0, 0) + struct.pack("<H", len(text)) + xst


def _lists_bytes(simple: bool = False, restart_second: bool = True) -> tuple[bytes, bytes, bytes]:
    """A PlfLst of one list (lsid 77: '一、' then '（一）'), its LVLs, and a PlfLfo of two instances,
    the second starting level 0 again at 1."""
    lstf = struct.pack("<ii18sBB", 77, 0, b"\0" * 18, 1 if simple else 0, 0)
    levels = [_lvl(1, 37, "\x00、"), _lvl(1, 37, "（\x01）")] + [_lvl(1, 0, chr(i) + ".") for i in range(2, 9)]
    lvls = b"".join(levels[:1] if simple else levels)
    lfo = struct.pack("<iiiBBBB", 77, 0, 0, 0, 0, 0, 0) + struct.pack("<iiiBBBB", 77, 0, 0, 1 if restart_second else 0, 0, 0, 0)
    lfo_data = struct.pack("<I", 0xFFFFFFFF) + struct.pack("<I", 0xFFFFFFFF) + (struct.pack("<iI", 1, 0x10) if restart_second else b"")
    return struct.pack("<h", 1) + lstf, lvls, struct.pack("<I", 2) + lfo + lfo_data


def test_read_lists() -> None:
    from unionkg.ingest.doc_lists import read_lists

    lists = read_lists(*_lists_bytes())
    assert [(lv.number_format, lv.text) for lv in lists.levels[77][:3]] == [
        ("chineseCounting", "%1、"),
        ("chineseCounting", "（%2）"),
        ("decimal", "%3."),
    ]
    assert lists.instances == [(77, {}), (77, {0: 1})]
    assert len(read_lists(*_lists_bytes(simple=True)).levels[77]) == 1
    plf_lst, lvls, lfo = _lists_bytes()
    assert read_lists(plf_lst, lvls[:40], lfo).levels == {}  # LVLs cut short: no list, no label
    assert read_lists(b"", b"", b"").instances == []


def test_list_labels_count_per_list_and_restart() -> None:
    from unionkg.ingest.doc_lists import read_lists
    from unionkg.ingest.doc_reader import as_docx
    from unionkg.ingest.docx_reader import read_docx_text

    blocks: list[Paragraph | Table] = [
        Paragraph("职责", 1, 0),
        Paragraph("维护权益", 1, 1),
        Paragraph("机构", 1, 0),
        Paragraph("第二部分", 0, 0),
        Paragraph("收支", 2, 0),  # a second instance of the list, level 0 started again
        Paragraph("支出", 2, 0),
    ]
    text = read_docx_text("x.doc", as_docx(blocks, read_lists(*_lists_bytes()))).text
    assert text.split("\n") == ["一、职责", "（一）维护权益", "二、机构", "第二部分", "一、收支", "二、支出"]
    text = read_docx_text("x.doc", as_docx(blocks, read_lists(*_lists_bytes(restart_second=False)))).text
    assert text.split("\n")[4:] == ["三、收支", "四、支出"]  # the same list, not restarted: counted on


# ---------------------------------------------------------------- text boxes


def test_text_boxes_are_read_where_they_are_anchored(tmp_path: Path) -> None:
    """The written 淇县 2022 budget with its prose and tables in text boxes (a layout of WPS and
    web-exported files), a seal in a box.  Before: the boxes' text (the text box story) was not
    read: 1/37 facts of the typed text.  After: the lines and tables of the DOCX, 37/37 facts,
    0 wrong; the seal is not read."""
    from rt11s_documents import RT11_BUDGET_REPORT, write_docx_with_text_boxes

    docx = read_file("b.docx", write_docx_with_text_boxes(RT11_BUDGET_REPORT, tmp_path / "b.docx", "vml").read_bytes())
    doc = read_file("b.doc", _fixture("e22_text_boxes"))
    assert (doc.text, doc.tables) == (docx.text, docx.tables)
    assert "公章" not in doc.text and doc.text.index("一、部门收支总体情况") < doc.text.index("比上年增加52.30万元") < doc.text.index(
        "部门收支总表"
    )
    path = tmp_path / "b.doc"
    path.write_bytes(_fixture("e22_text_boxes"))
    result = compare(write_text(RT11_BUDGET_REPORT, tmp_path), path)
    assert len(result.reference) >= 30 and not result.missing and not result.extra, result.summary()


def test_box_entries_out_of_the_story_are_not_read() -> None:
    from unionkg.ingest.doc_binary import Fib
    from unionkg.ingest.doc_boxes import anchored_boxes

    def plc(cps: list[int], entries: list[bytes]) -> bytes:
        return struct.pack(f"<{len(cps)}i", *cps) + b"".join(entries)

    ftxbxs = [struct.pack("<iihii", 0, 0, 0, 0, lid) + struct.pack("<i", 0) for lid in (5, 6, 7)]
    boxes = plc([0, 10, 20, 999, 1000], [*ftxbxs, ftxbxs[0]])  # box 7 runs past the story
    spa = [struct.pack("<i", lid) + b"\0" * 22 for lid in (6, 5, 7, 8)]
    anchors = plc([3, 40, 41, 50, 60], spa)
    table = boxes + anchors
    fib = Fib(
        0x00C1,
        False,
        "1Table",
        100,
        (0, 0),
        (0, 0),
        (0, 0),
        text_box_story=(100, 30),
        shape_anchors=(len(boxes), len(anchors)),
        text_boxes=(0, len(boxes)),
    )
    assert anchored_boxes(table, fib) == [(3, 110, 119), (40, 100, 109)]  # shape 6 at 3, shape 5 at 40; 7 and 8 not read


def test_a_title_only_in_the_running_header_is_read_as_the_docx_reads_it(tmp_path: Path) -> None:
    """The body and year printed only in the running header: the DOCX reader takes the header
    as the title when the body has none; the .doc's first header story is given to it the same
    way.  Before: the .doc read 'first part' as its first line, no body, no year."""
    sys.path.insert(0, str(FIXTURES))
    from e22_make_doc_fixtures import TITLE_IN_HEADER

    docx_path = write_docx(TITLE_IN_HEADER, tmp_path / "h.docx", DocxLayout())
    doc = read_file("h.doc", _fixture("e22_title_in_header"))
    assert doc.text == read_file("h.docx", docx_path.read_bytes()).text
    assert doc.text.startswith("天水市总工会2025年部门预算\n第一部分")
    path = tmp_path / "h.doc"
    path.write_bytes(_fixture("e22_title_in_header"))
    result = compare(docx_path, path)
    assert len(result.reference) >= 12 and not result.missing and not result.extra, result.summary()
    plain = read_file("b.doc", _fixture("e22_budget")).text
    assert (
        plain.count("天水市总工会2025年部门预算") == 1 and "2025年部门预算公开" not in plain
    )  # a body with its title: the header not read


def test_damaged_copies_of_the_fixtures_are_read_or_refused_clearly() -> None:
    """Bytes changed, zeroed or cut off at random (a fixed seed): every copy is read or refused
    with an InputError, never another exception.  Measured over 1,400 copies: 744 read, 656
    refused, 0 other exceptions, at most 0.1 s each."""
    import random

    from unionkg.ingest.doc_reader import DocLimits, read_doc_text

    rnd = random.Random(12)
    outcomes = {"read": 0, "refused": 0}
    for name in CASES:
        data = _fixture(name)
        for _ in range(15):
            copy = bytearray(data)
            mode = rnd.choice(["change", "cut", "zero"])
            if mode == "change":
                for _ in range(rnd.choice([1, 16, 256])):
                    copy[rnd.randrange(len(copy))] = rnd.randrange(256)
            elif mode == "cut":
                copy = copy[: rnd.randrange(len(copy))]
            else:
                at = rnd.randrange(len(copy))
                copy[at : at + 512] = bytes(len(copy[at : at + 512]))
            try:
                read_doc_text("damaged.doc", bytes(copy), DocLimits(isolate=False))
                outcomes["read"] += 1
            except InputError as exc:
                assert str(exc).startswith("damaged.doc: ")
                outcomes["refused"] += 1
    assert outcomes["read"] and outcomes["refused"]


def test_a_reader_child_that_dies_or_hangs_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from unionkg.ingest import doc_reader

    with pytest.raises(InputError, match=r"^slow\.doc: reading the Word document took longer than 0 s; stopped"):
        doc_reader.read_doc_text("slow.doc", _fixture("e22_budget"), doc_reader.DocLimits(timeout_s=0))
    monkeypatch.setattr(doc_reader, "read_doc", lambda name, data: os._exit(3))  # the child dies (as on a native crash)
    with pytest.raises(InputError, match=r"^dead\.doc: the Word document reader failed on this file"):
        doc_reader.read_doc_text("dead.doc", _fixture("e22_budget"))


#: (name, content) of files named .doc/.wps that are no compound file -> what happens
NOT_COMPOUND_CASES: list[tuple[str, bytes, str]] = [
    ("旧版.wps", b"WPS\x00\x01\x02" + bytes(range(256)) * 4, "refused: binary"),  # a WPS 2000 file
    ("旧版.doc", b"\xdb\xa5\x2d\x00" + bytes(range(256)) * 4, "refused: binary"),  # Word 2.0
    ("文本.doc", "某某县总工会2022年部门预算\n合计 12.50\n".encode("gbk"), "text"),  # text saved as .doc
    ("文本.doc", "\ufeff某某县总工会2022年部门预算".encode("utf-16-le"), "text"),  # UTF-16 text: NULs, with a BOM
]


@pytest.mark.parametrize(("name", "data", "expected"), NOT_COMPOUND_CASES)
def test_a_word_suffix_on_a_file_that_is_no_compound_file(name: str, data: bytes, expected: str) -> None:
    if expected.startswith("refused"):
        with pytest.raises(InputError, match=rf"^{name}: named \.(doc|wps) but is not a Word 97-2003 or WPS document"):
            read_file(name, data)
    else:
        loaded = read_file(name, data)
        assert "某某县总工会2022年部门预算" in loaded.text and loaded.warnings == [f"{name}: named .doc but is plain text; read as such"]


def test_a_table_nested_in_a_cell_reads_as_the_docx(tmp_path: Path) -> None:
    """敦化 (Jilin) 2023 self-evaluation whose indicator table is nested in a cell (itap 2: its
    cells end at paragraph marks flagged as inner cells): the outer rows, then the nested rows
    as a table of their own, as the DOCX reader reads them.  (Extraction reads only the body
    from this layout, from the DOCX alike.)"""
    sys.path.insert(0, str(FIXTURES))
    from e22_make_doc_fixtures import write_nested_docx

    docx_path = write_nested_docx(tmp_path / "n.docx")
    doc = read_file("n.doc", _fixture("e22_nested_table"))
    assert (doc.text, doc.tables) == (read_file("n.docx", docx_path.read_bytes()).text, read_file("n.docx", docx_path.read_bytes()).tables)
    assert "\n效益指标 | 持证率 | ≥80% | 76% | 8\n" in doc.text and len(doc.tables) == 2
    path = tmp_path / "n.doc"
    path.write_bytes(_fixture("e22_nested_table"))
    result = compare(docx_path, path)
    assert result.reference and not result.missing and not result.extra, result.summary()
