"""Round 11 (e15): text in Word text boxes (``w:txbxContent``, VML ``w:pict`` and DrawingML
``wps:txbx``) is read in document order, once (``docx_reader.text_boxes``): a box Word writes
in both ``mc:Choice`` and ``mc:Fallback`` is read from the choice only; a seal in a text box
(a short box naming 公章/专用章) stays out as page furniture.

Measured on the written 淇县 (Henan) 2022 budget with its explanation and its two 公开表 in
text boxes: before, 1/37 facts as DrawingML boxes and as VML boxes (the boxes were skipped;
only the title paragraph was read); after, 37/37, the same as the
document typed as text, 0 wrong, each figure once, the seal not read.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docx.oxml import parse_xml
from rt9p_documents import compare, write_text
from rt11s_documents import _BOX_NAMESPACES, RT11_BUDGET_REPORT, drawingml_text_box, vml_text_box, write_docx_with_text_boxes

from unionkg.ingest import load_source
from unionkg.ingest.docx_reader import is_stamp, text_boxes
from unionkg.settings import Settings


@pytest.mark.parametrize("how", ["drawingml", "vml", "none"])
def test_text_boxes_give_the_facts_of_the_text(tmp_path: Path, how: str) -> None:
    path = write_docx_with_text_boxes(RT11_BUDGET_REPORT, tmp_path / f"rt11s_boxes_{how}.docx", how)
    result = compare(write_text(RT11_BUDGET_REPORT, tmp_path), path)
    assert len(result.reference) >= 30 and not result.missing and not result.extra, (result.summary(), sorted(map(str, result.missing)))


@pytest.mark.parametrize("how", ["drawingml", "vml"])
def test_a_box_is_read_once_in_document_order_and_a_seal_is_not(tmp_path: Path, how: str) -> None:
    text = load_source(write_docx_with_text_boxes(RT11_BUDGET_REPORT, tmp_path / "b.docx", how), Settings(store="unused")).original
    assert text.count("比上年增加52.30万元") == 1 and text.count("2210201 | 住房公积金") == 1
    assert (
        text.index("一、部门收支总体情况")
        < text.index("比上年增加52.30万元")
        < text.index("部门收支总表")
        < text.index("本年收入合计 | 1,274.86")
    )
    assert "公章" not in text and "专用章" not in text and text.rstrip().endswith("特此说明。")


def _paragraph(runs: str) -> object:
    return parse_xml(f"<w:p {_BOX_NAMESPACES}><w:r><w:t>正文</w:t></w:r>{runs}</w:p>")


def _box(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


@pytest.mark.parametrize(
    ("runs", "boxes"),
    [
        (drawingml_text_box(_box("甲")), ["甲"]),  # choice and fallback: once
        (drawingml_text_box(_box("甲"), fallback=False), ["甲"]),
        (vml_text_box(_box("乙")), ["乙"]),
        (vml_text_box(_box("乙")) + drawingml_text_box(_box("丙")), ["乙", "丙"]),  # in order
        (
            '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:t>无</w:t></mc:Choice><mc:Fallback>'
            + vml_text_box(_box("丁"))[5:-6]
            + "</mc:Fallback></mc:AlternateContent></w:r>",
            ["丁"],
        ),
        (vml_text_box(_box("外") + "<w:p>" + vml_text_box(_box("内")) + "</w:p>"), ["外内"]),  # a box in a box: with its outer box
        ("<w:del>" + vml_text_box(_box("删去")) + "</w:del>", []),  # deleted
        (vml_text_box(_box("（单位公章）某某县总工会")), []),  # a seal
        ("", []),
    ],
)
def test_text_boxes(runs: str, boxes: list[str]) -> None:
    found = text_boxes(_paragraph(runs))
    assert [
        "".join(t.text or "" for t in box.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t")) for box in found
    ] == boxes


@pytest.mark.parametrize(
    ("text", "stamp"),
    [
        ("（单位公章）某某县总工会财务专用章", True),
        ("某某縣總工會（蓋章）", True),
        ("单位负责人签章：", True),
        ("2022年部门预算", False),
        ("单位：万元", False),
        ("本表经单位负责人审核后加盖公章报送，" + "所列数据均为年度决算数，" * 5, False),  # a long box is text whatever its words
    ],
)
def test_is_stamp(text: str, stamp: bool) -> None:
    box = parse_xml(f"<w:txbxContent {_BOX_NAMESPACES}><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>")
    assert is_stamp(box) is stamp


def test_a_text_box_in_a_table_cell_is_read_in_the_cell(tmp_path: Path) -> None:
    """A figure drawn in a text box over its cell (as form-filling tools do) is the cell's text;
    a seal over a cell is not."""
    import docx

    document = docx.Document()
    document.add_paragraph("沁源县总工会2021年部门决算")
    table = document.add_table(rows=2, cols=3)
    for c, text in enumerate(["项目", "决算数", "备注"]):
        table.cell(0, c).text = text
    table.cell(1, 0).text = "一般公共预算财政拨款收入"
    box = drawingml_text_box(_box("1,032.45")).replace("<w:r>", f"<w:r {_BOX_NAMESPACES}>", 1)
    table.cell(1, 1).paragraphs[0]._p.append(parse_xml(box))
    seal = vml_text_box(_box("（单位公章）")).replace("<w:r>", f"<w:r {_BOX_NAMESPACES}>", 1)
    table.cell(1, 2).paragraphs[0]._p.append(parse_xml(seal))
    document.save(str(tmp_path / "cell_box.docx"))
    text = load_source(tmp_path / "cell_box.docx", Settings(store="unused")).original
    assert "一般公共预算财政拨款收入 | 1,032.45 |" in [line.rstrip() for line in text.split("\n")] and "公章" not in text
