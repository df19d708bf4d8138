"""Round 10 (p3): Word's automatic numbering inside table cells (a 序号 column numbered
"1" "2" "3" by a list, the items "（一）…（二）…" of a cell numbered by a list started in each
cell) is read as Word shows it, as round 9 did for the body's paragraphs.

Measured before this round on the written 延吉 2027 project table (3 序号 cells and 3 cells
of two numbered items each): 0/6 numbered cells read as shown (the 序号 column blank, the
items glued without their labels); after: 6/6, for the patterns "%1" and "%1.".  Facts of
the file against the typed text: 10/10 before and after (the extraction drops a bare 序号;
the labels of the items are not facts), the text is what changes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rt9p_documents import compare, write_text
from rt10i_documents import RT10_PROJECTS, _add_list, _number, as_text, write_docx_numbered_cells

from unionkg.ingest.loaders import read_file


def _table_lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if " | " in line]


@pytest.mark.parametrize("number_text", ["%1", "%1."])
def test_numbered_cells_read_as_word_shows_them(tmp_path: Path, number_text: str) -> None:
    path = write_docx_numbered_cells(RT10_PROJECTS, tmp_path / "rt10i_numbered_cells.docx", number_text=number_text)
    typed = as_text(RT10_PROJECTS)
    if number_text == "%1.":
        typed = typed.replace("\n1 |", "\n1. |").replace("\n2 |", "\n2. |").replace("\n3 |", "\n3. |")
    assert _table_lines(read_file(path.name, path.read_bytes()).text) == _table_lines(typed)


def test_typed_labels_are_read_once(tmp_path: Path) -> None:
    """Negative: labels typed in the cells (no Word list) are not numbered again."""
    path = write_docx_numbered_cells(RT10_PROJECTS, tmp_path / "rt10i_typed_cells.docx", numbered=False)
    assert _table_lines(read_file(path.name, path.read_bytes()).text) == _table_lines(as_text(RT10_PROJECTS))


def test_numbered_cells_give_the_facts_of_the_text(tmp_path: Path) -> None:
    result = compare(write_text(RT10_PROJECTS, tmp_path), write_docx_numbered_cells(RT10_PROJECTS, tmp_path / "rt10i_cells.docx"))
    assert len(result.reference) >= 8 and not result.missing and not result.extra, result.summary()


def test_cell_lists_and_the_body_list_count_apart(tmp_path: Path) -> None:
    """The body's headings numbered by one list (一、 二、) around a table whose cells are
    numbered by another (1. 2.): each list counts its own paragraphs, in document order; a
    bullet list in a cell gives no label."""
    import docx

    document = docx.Document()
    document.add_paragraph("海东市总工会2028年部门预算")
    heading = _add_list(document, "95", "chineseCounting", "%1、")
    rows = _add_list(document, "96", "decimal", "%1.")
    bullets = _add_list(document, "97", "bullet", "●")
    _number(document.add_paragraph("部门收支总体情况"), heading)
    table = document.add_table(rows=3, cols=3)
    for r, (name, value) in enumerate([("职工帮扶", "12.00"), ("劳模慰问", "8.00"), ("技能竞赛", "6.00")]):
        _number(table.cell(r, 0).paragraphs[0], rows)
        table.cell(r, 1).text = name
        table.cell(r, 2).text = value
    _number(table.cell(0, 1).add_paragraph("含困难职工"), bullets)
    _number(document.add_paragraph("项目支出情况"), heading)
    path = tmp_path / "rt10i_haidong_lists.docx"
    document.save(str(path))
    text = read_file(path.name, path.read_bytes()).text
    assert text.split("\n") == [
        "海东市总工会2028年部门预算",
        "一、部门收支总体情况",
        "1. | 职工帮扶含困难职工 | 12.00",
        "2. | 劳模慰问 | 8.00",
        "3. | 技能竞赛 | 6.00",
        "二、项目支出情况",
    ]
