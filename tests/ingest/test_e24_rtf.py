"""Round 12 (e24): RTF files (and RTF named .doc) read with their table cells instead of refused.

Before: every RTF refused ("an RTF file named .doc; save it as DOCX or PDF first"), 0 facts.
After: the six LibreOffice fixtures ``fixtures/e24_*.rtf`` (remade by
``fixtures/e24_make_rtf_fixtures.py`` from the DOCX of the e22 .doc fixtures) give exactly the
lines and tables of their DOCX, and the facts of the DOCX; a Word-style RTF written here (code
page 936 bytes, a row definition repeated after the cells, merged cells, fields, pictures,
hidden text) reads as the same table; hostile RTF gives a clear error naming the file.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures"))

from e24_make_rtf_fixtures import FIXTURES, write_fixture_docx
from rt9p_documents import compare

from unionkg.errors import InputError
from unionkg.ingest.doc_reader import DocLimits, Paragraph, Table
from unionkg.ingest.loaders import RTF, read_file, sniff_media_type
from unionkg.ingest.rtf_reader import (
    CHARACTER_WORDS,
    CHARSET_CODEPAGES,
    HEADER_DESTINATIONS,
    LIST_NUMBER_DESTINATIONS,
    MAX_GROUP_DEPTH,
    RTF_TOKEN,
    SKIPPED_DESTINATIONS,
    RowLayout,
    field_code,
    read_rtf,
    read_rtf_text,
)
from unionkg.pipeline import ingest_paths, iter_input_files
from unionkg.settings import Settings

FIXTURE_DIR = Path(__file__).parent / "fixtures"


def _fixture(name: str) -> bytes:
    return (FIXTURE_DIR / f"{name}.rtf").read_bytes()


# ---------------------------------------------------------------- RTF written by LibreOffice


@pytest.mark.parametrize("name", list(FIXTURES))
def test_rtf_reads_as_the_same_docx(tmp_path: Path, name: str) -> None:
    docx = write_fixture_docx(name, tmp_path / f"{name}.docx")
    expected = read_file(docx.name, docx.read_bytes())
    got = read_file(f"{name}.rtf", _fixture(name))
    assert got.media_type == RTF and not got.warnings
    assert got.text == expected.text
    assert got.tables == expected.tables


@pytest.mark.parametrize("name", ["e24_budget", "e24_selfeval", "e24_final_traditional_yuan", "e24_budget_tracked", "e24_title_in_header"])
def test_rtf_gives_the_facts_of_the_docx(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.rtf"
    path.write_bytes(_fixture(name))
    result = compare(write_fixture_docx(name, tmp_path / f"{name}.docx"), path)
    assert len(result.reference) >= 12
    assert not result.missing and not result.extra, (result.summary(), sorted(map(str, result.missing)), sorted(map(str, result.extra)))


def test_an_rtf_named_doc_is_read_with_a_warning() -> None:
    loaded = read_file("附件2.doc", _fixture("e24_budget"))
    assert loaded.media_type == RTF
    assert loaded.warnings == ["附件2.doc: named .doc but is an RTF file; read as such"]
    assert loaded.text == read_file("a.rtf", _fixture("e24_budget")).text
    assert sniff_media_type("noname", b"\xef\xbb\xbf\r\n{\\rtf1 x}") == RTF  # by content, after a BOM and a blank line


def test_a_file_named_rtf_that_is_not_rtf_is_refused() -> None:
    with pytest.raises(InputError, match=r"^x\.rtf: named \.rtf but is not an RTF file"):
        read_file("x.rtf", "某县总工会2026年部门预算".encode("gbk"))


def test_pipeline_finds_and_ingests_rtf_files(tmp_path: Path) -> None:
    from unionkg.graph.store import OxigraphStore

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "预算.rtf").write_bytes(_fixture("e24_budget"))
    (folder / "说明.RTF").write_bytes(_fixture("e24_selfeval"))
    (folder / "附件.doc").write_bytes(_fixture("e24_title_in_header"))  # RTF named .doc
    assert sorted(p.name for p in iter_input_files([folder])) == ["说明.RTF", "附件.doc", "预算.rtf"]
    reports = ingest_paths([folder], Settings(store=str(tmp_path / "s"), encoder="none"), OxigraphStore())
    assert all(r.error is None for r in reports), [r.error for r in reports]
    assert sorted(r.year for r in reports) == [2023, 2025, 2025]  # the self-evaluation is of 2023


# ---------------------------------------------------------------- RTF written as Word writes it


def cp936(text: str) -> str:
    """``text`` as Word writes it in a Chinese document: ``\\'hh`` bytes of code page 936."""
    out: list[str] = []
    for char in text:
        if ord(char) < 128:
            out.append("\\" + char if char in "\\{}" else char)
        else:
            out.append("".join(f"\\'{b:02x}" for b in char.encode("gbk")))
    return "".join(out)


WORD_HEADER = (
    r"{\rtf1\ansi\ansicpg936\deff0\deflang1033\deflangfe2052"
    r"{\fonttbl{\f0\fnil\fcharset134 \'cb\'ce\'cc\'e5;}{\f1\froman\fcharset0 Times New Roman;}}"
    r"{\colortbl;\red0\green0\blue0;}{\stylesheet{\s0 Normal;}}{\info{\author " + cp936("张某") + r"}}"
    r"{\*\generator Microsoft Word 16;}\uc1 "
    r"{\header \pard\plain " + cp936("第") + r"{\field{\*\fldinst PAGE}{\fldrslt 1}}" + cp936("页") + r"\par}"
)


def word_row(cells: list[str], rights: list[int], merges: dict[int, str] | None = None) -> str:
    """A table row as Word writes it: cells, then the row definition again in a group with ``\\row``."""
    definition = r"\trowd\trgaph108\trleft-108" + "".join(
        ((merges or {}).get(i, "")) + rf"\clbrdrt\brdrs\brdrw10\cellx{right}" for i, right in enumerate(rights)
    )
    body = "".join(rf"\pard\intbl\itap1 {{\f0 {cp936(text)}}}\cell " for text in cells)
    return definition + body + r"\pard\intbl\itap1 {" + definition + r"\row }"


def word_budget_rtf() -> str:
    """A 2026 budget of 漠河市总工会 (Heilongjiang) written as Word writes RTF: GBK bytes, a
    running header with a field, a picture, hidden text, a field result, merged cells."""
    rights = [2000, 4000, 6000, 8000]
    rows = [
        word_row(["项目", "2026年预算数", "增减额", "增减率"], rights),
        word_row(["收入合计", "512.30", "12.30", "2.46%"], rights),
        word_row(["一般公共预算拨款", "400.00", "", ""], rights, {2: r"\clvmgf", 3: r"\clvmgf"}),
        word_row(["上级补助收入", "112.30", "", ""], rights, {2: r"\clvmrg", 3: r"\clvmrg"}),
    ]
    return (
        WORD_HEADER
        + r"\pard\plain\qc{\f0\b "
        + cp936("漠河市总工会2026年部门预算")
        + r"}\par "
        + r"\pard{\f0 "
        + cp936("2026年收入预算")
        + r"{\v "
        + cp936("隐藏批注")
        + r"}"
        + r"{\field{\*\fldinst { HYPERLINK \"http://example.org\" }}{\fldrslt {"
        + cp936("512.30")
        + r"}}}"
        + cp936("万元，比上年增加12.30万元。")
        + r"}\par "
        + r"{\pict\pngblip\picw10\pich10\bin4 "
        + "\x00}{\\"
        + r"}\par "
        + r"{\*\bkmkstart t1}"
        + "".join(rows)
        + r"\pard\plain{\f0 "
        + cp936("单位：万元")
        + r"\u8212?\u20803?}\par }"
    )


def test_a_word_style_rtf_reads_its_text_and_table() -> None:
    loaded = read_file("漠河2026.rtf", word_budget_rtf().encode("ascii"))
    lines = loaded.text.split("\n")
    assert lines[0] == "漠河市总工会2026年部门预算"
    assert "2026年收入预算512.30万元，比上年增加12.30万元。" in lines  # hidden text, field code, picture bytes left out
    assert "单位：万元—元" in lines  # \uN read, its one fallback character dropped (\uc1)
    assert loaded.tables == [
        [
            ["项目", "2026年预算数", "增减额", "增减率"],
            ["收入合计", "512.30", "12.30", "2.46%"],
            ["一般公共预算拨款", "400.00", "", ""],
            ["上级补助收入", "112.30"],  # (empty cells merged down: repeated empty, trailing ones trimmed as for a DOCX)
        ]
    ]
    assert "第" not in loaded.text.split("\n", 1)[0] and "张某" not in loaded.text  # header, info: not body text


def test_vertical_merges_become_one_cell_down_rows() -> None:
    body = read_rtf("t.rtf", word_budget_rtf().encode("ascii"))
    table = next(block for block in body.blocks if isinstance(block, Table))
    assert [cell.vertical for cell in table.rows[2]] == [0, 0, 3, 3]
    assert [cell.vertical for cell in table.rows[3]] == [0, 0, 1, 1]
    assert table.edges[1] == [(-108, 2000), (2000, 4000), (4000, 6000), (6000, 8000)]


def _text_of(rtf: str) -> str:
    return "\n".join(block.text for block in read_rtf("t.rtf", rtf.encode("latin-1")).blocks if isinstance(block, Paragraph))


#: (RTF body, the text read): escapes, code pages, fallbacks, skipped groups
TEXT_CASES: list[tuple[str, str]] = [
    (r"{\rtf1\ansi\ansicpg936 \'d6\'d0\'ce\'c4\par}", "中文"),  # bytes of the document's code page
    (r"{\rtf1\ansi\ansicpg950 \'a4\'a4\'a4\'e5\par}", "中文"),  # Big5 (traditional characters)
    (r"{\rtf1\ansi{\fonttbl{\f1\fcharset136 PMingLiU;}}{\f1 \'b8\'55\'a4\'b8}\par}", "萬元"),  # the font's charset
    (r"{\rtf1\ansi\uc1\u33836?\u20803?\par}", "萬元"),
    (r"{\rtf1\ansi\uc2\u33836\'3f\'3f\u20803 ab\par}", "萬元"),  # two fallback characters
    (r"{\rtf1\ansi\uc0\u33836\u20803\par}", "萬元"),
    (r"{\rtf1\ansi\u-10158?\u-8371?\par}", "\U00024b4d"),  # a surrogate pair as two negative \uN
    (r"{\rtf1\ansi a\{b\}c\\d\~e\tab f\par}", "a{b}c\\d\xa0e\tf"),
    (r"{\rtf1\ansi{\*\unknowndest secret}{\*\bkmkstart x}seen\par}", "seen"),
    (r"{\rtf1\ansi{\fldinst PAGE}{\deleted gone}{\v hidden}kept\par}", "kept"),
    (r"{\rtf1\ansi{\nonesttables fallback\par}body\par}", "body"),
    (r"{\rtf1\ansi{\listtext\pard\plain  1.\tab}item\par}", "1.item"),
    # a table of contents' result is not read (it repeats the headings), another field's is
    (
        r'{\rtf1\ansi{\field{\*\fldinst {\b TOC} \\o "1-3"}{\fldrslt {\pard A 1\par}}}\pard{\field{\*\fldinst PAGE}{\fldrslt 7}} x\par}',
        "7 x",
    ),
]


@pytest.mark.parametrize(("rtf", "text"), TEXT_CASES)
def test_text_of_rtf(rtf: str, text: str) -> None:
    assert _text_of(rtf) == text


#: (source, what the token regex reads first: (word, parameter, hex, symbol, brace))
TOKEN_CASES: list[tuple[str, tuple[str | None, ...]]] = [
    (r"\par ", ("par", None, None, None, None)),
    (r"\u-10179?", ("u", "-10179", None, None, None)),
    (r"\'b8", (None, None, "b8", None, None)),
    (r"\*\fldinst", (None, None, None, "*", None)),
    ("{", (None, None, None, None, "{")),
    ("text", (None, None, None, None, None)),  # negative: text is no control
    (r"\cellx8000x", ("cellx", "8000", None, None, None)),
]


@pytest.mark.parametrize(("source", "groups"), TOKEN_CASES)
def test_rtf_token(source: str, groups: tuple[str | None, ...]) -> None:
    match = RTF_TOKEN.match(source)
    assert match is not None and match.groups()[:5] == groups


#: (the source of a field's code, its name read: what decides whether its result is read)
FIELD_CODES: list[tuple[str, str]] = [
    (r'{\b TOC} \\o "1-3" \h ', "TOC"),
    (r"{\f2 toc }", "TOC"),  # (upper case)
    (r" HYPERLINK \l _Toc12 ", "HYPERLINK"),
    ("PAGE", "PAGE"),
]


@pytest.mark.parametrize(("source", "name"), FIELD_CODES)
def test_field_code(source: str, name: str) -> None:
    assert field_code(source).split()[0] == name


def test_word_tables() -> None:
    assert {"fonttbl", "pict", "fldinst", "headerf", "footer", "info"} <= SKIPPED_DESTINATIONS
    assert HEADER_DESTINATIONS == frozenset({"header", "headerr"}) and not HEADER_DESTINATIONS & SKIPPED_DESTINATIONS
    assert not {"fldrslt", "field", "shptxt", "nesttableprops"} & SKIPPED_DESTINATIONS  # field results, nested rows: read
    assert CHARSET_CODEPAGES[134] == "cp936" and CHARSET_CODEPAGES[136] == "cp950" and 0 not in CHARSET_CODEPAGES
    assert CHARACTER_WORDS["tab"] == "\t" and "par" not in CHARACTER_WORDS
    assert LIST_NUMBER_DESTINATIONS == frozenset({"listtext", "pntext"})


#: (RTF, the running header read): the first default one, not one in a skipped group, not a footer
HEADER_CASES: list[tuple[str, str]] = [
    (r"{\rtf1\ansi{\header\pard Title 2030\par}body\par}", "Title 2030"),
    (r"{\rtf1\ansi{\*\pgdsctbl{\header\pard A\par}}{\headerr\pard B\par C\par}{\header\pard D\par}body\par}", "B C"),
    (r"{\rtf1\ansi{\headerf\pard first page\par}{\footer\pard page 1\par}body\par}", ""),
]


@pytest.mark.parametrize(("rtf", "header"), HEADER_CASES)
def test_running_header(rtf: str, header: str) -> None:
    body = read_rtf("h.rtf", rtf.encode("ascii"))
    assert body.header == header
    assert [block.text for block in body.blocks if isinstance(block, Paragraph)] == ["body"]


def test_cells_merged_across_with_clmgf_are_one_cell() -> None:
    # an exporter's title row merged over three cells with the old \\clmgf / \\clmrg words; a row
    # definition without them after it (\\trowd starts afresh)
    rtf = (
        r"{\rtf1\ansi\ansicpg936 \trowd\clmgf\cellx2000\clmrg\cellx4000\clmrg\cellx6000\pard\intbl "
        + cp936("本溪市总工会2031年收入预算表")
        + r"\cell\cell\cell\row\trowd\cellx2000\cellx4000\cellx6000\pard\intbl 201\cell "
        + cp936("一般公共服务支出")
        + r"\cell 12.50\cell\row\pard x\par}"
    )
    body = read_rtf("m.rtf", rtf.encode("ascii"))
    table = body.blocks[0]
    assert isinstance(table, Table) and table.edges == [[(0, 6000)], [(0, 2000), (2000, 4000), (4000, 6000)]]
    assert read_file("m.rtf", rtf.encode("ascii")).tables == [[["本溪市总工会2031年收入预算表"], ["201", "一般公共服务支出", "12.50"]]]


#: (row definition, the cells' edges, vertical merges by cell, counted after folding)
ROW_LAYOUTS: list[tuple[RowLayout, list[tuple[int, int]], dict[int, int]]] = [
    (RowLayout(0, [10, 20, 30]), [(0, 10), (10, 20), (20, 30)], {}),
    (RowLayout(-5, [10, 20, 30, 40], {0: 3, 3: 1}, continues_left={1, 2}), [(-5, 30), (30, 40)], {0: 3, 1: 1}),
    (RowLayout(0, [10, 20], {1: 1}), [(0, 10), (10, 20)], {1: 1}),
]


@pytest.mark.parametrize(("layout", "edges", "vertical"), ROW_LAYOUTS)
def test_row_layout(layout: RowLayout, edges: list[tuple[int, int]], vertical: dict[int, int]) -> None:
    assert layout.boundaries() == edges and layout.merged_vertical() == vertical


def test_a_nested_table_in_word_style() -> None:
    rtf = (
        r"{\rtf1\ansi\ansicpg936 \trowd\cellx3000\cellx9000"
        r"\pard\intbl\itap1 A\cell \pard\intbl\itap2 x\nestcell y\nestcell "
        r"{\*\nesttableprops\trowd\cellx5000\cellx8000\nestrow}{\nonesttables\par}\pard\intbl\itap1 \cell "
        r"{\trowd\cellx3000\cellx9000\row}\pard after\par}"
    )
    body = read_rtf("n.rtf", rtf.encode("ascii"))
    table = body.blocks[0]
    assert isinstance(table, Table) and len(table.rows) == 1
    inner = table.rows[0][1].blocks[0]
    assert isinstance(inner, Table) and [[c.blocks[0].text for c in row] for row in inner.rows] == [["x", "y"]]  # type: ignore[union-attr]
    assert isinstance(body.blocks[1], Paragraph) and body.blocks[1].text == "after"


# ---------------------------------------------------------------- hostile RTF

HOSTILE: list[tuple[bytes, str]] = [
    (b"{\\rtf1\\ansi abc\\par", r"x\.rtf: unbalanced RTF braces: 1 group\(s\) not closed"),
    (b"{\\rtf1\\ansi abc\\par}}", r"x\.rtf: unbalanced RTF braces: a '\}' closes no group at byte 20"),
    (b"{\\rtf1\\ansi {\\pict\\bin999999999 ab}}", r"x\.rtf: an RTF \\bin999999999 at byte 18 runs past the end"),
    (b"{\\rtf1\\ansi " + b"{" * 100_000 + b"x" + b"}" * 100_000 + b"}", rf"x\.rtf: RTF groups nested over {MAX_GROUP_DEPTH} deep"),
    (b"{\\rtf1\\ansi {\\fonttbl{\\f0 Arial;}}}", r"x\.rtf: the RTF file has no text"),
]


@pytest.mark.parametrize(("data", "message"), HOSTILE)
def test_hostile_rtf_is_refused_clearly(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match="^" + message):
        read_rtf_text("x.rtf", data, DocLimits(timeout_s=20))


def test_a_reader_out_of_time_is_stopped() -> None:
    big = b"{\\rtf1\\ansi " + b"\\par x" * 2_000_000 + b"}"
    with pytest.raises(InputError, match=r"^big\.rtf: reading the RTF file took longer than 0 s; stopped"):
        read_rtf_text("big.rtf", big, DocLimits(timeout_s=0.05))


# ---------------------------------------------------------------- RTF imported into a DOCX


def docx_with_rtf_chunk(path: Path, rtf: bytes) -> Path:
    """A DOCX whose body is an imported RTF part (``w:altChunk``), as some export systems write."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    document = docx.Document()
    part = Part(PackURI("/word/afchunk.rtf"), "application/rtf", rtf, document.part.package)
    rid = document.part.relate_to(part, RELATIONSHIP_TYPE.A_F_CHUNK)
    chunk = parse_xml(
        '<w:altChunk xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        f'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="{rid}"/>'
    )
    document.element.body.insert(0, chunk)
    document.save(str(path))
    return path


def test_an_rtf_imported_into_a_docx_is_read(tmp_path: Path) -> None:
    """Before: 'the DOCX has no text' (an RTF chunk was not read)."""
    path = docx_with_rtf_chunk(tmp_path / "chunk.docx", _fixture("e24_final_traditional_yuan"))
    loaded = read_file(path.name, path.read_bytes())
    direct = read_file("f.rtf", _fixture("e24_final_traditional_yuan"))
    assert loaded.text.strip() == direct.text.strip() and loaded.tables == direct.tables
    result = compare(write_fixture_docx("e24_final_traditional_yuan", tmp_path / "f.docx"), path)
    assert not result.missing and not result.extra, result.summary()


def test_an_unreadable_rtf_chunk_leaves_the_rest_of_the_docx() -> None:
    from types import SimpleNamespace

    from unionkg.ingest.docx_reader import R_ID, read_alt_chunk

    part = SimpleNamespace(content_type="text/rtf", blob=b"{\\rtf1 {unclosed", partname="/word/x.rtf")
    document = SimpleNamespace(part=SimpleNamespace(related_parts={"rId9": part}))
    assert read_alt_chunk("a.docx", document, {R_ID: "rId9"}) == ("", [])
