"""Round 10 (p3): Word forms (the templates of finance systems): a cell's text in a content
control (``w:sdt`` inside the ``w:tc``), a table's rows in a repeating section (``w:sdt``
around ``w:tr`` elements), cells wrapped in a content control or custom XML: python-docx
lists direct children only, and the reader lost them (``docx_reader.in_place``).

Measured before this round on the written Haidong 2029 项目支出绩效自评表 as such a form:
3/12 facts right (both tables read as their header rows only); after: 12/12, 0 wrong; the
same document without content controls 12/12 before and after.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rt9p_documents import compare, write_text
from rt10i_documents import RT10_SELFEVAL, write_docx_form

from unionkg.ingest.docx_reader import IN_PLACE_WRAPPERS, W, in_place
from unionkg.ingest.loaders import read_file


@pytest.mark.parametrize("controls", [True, False])
def test_a_form_gives_the_facts_of_the_text(tmp_path: Path, controls: bool) -> None:
    path = write_docx_form(RT10_SELFEVAL, tmp_path / f"rt10i_form_{controls}.docx", controls)
    result = compare(write_text(RT10_SELFEVAL, tmp_path), path)
    assert len(result.reference) >= 10 and not result.missing and not result.extra, (result.summary(), sorted(map(str, result.missing)))


def test_a_form_reads_as_typed(tmp_path: Path) -> None:
    path = write_docx_form(RT10_SELFEVAL, tmp_path / "rt10i_form.docx")
    text = read_file(path.name, path.read_bytes()).text
    assert "\n产出指标 | 时效指标 | 补助资金发放及时率 | 100% | 96% | 10 | 9 | 个别企业材料报送滞后\n" in text
    assert "\n项目名称：职工技能提升补助资金\n" in text  # an inline content control in a paragraph


def _xml(body: str) -> object:
    from docx.oxml import parse_xml

    return parse_xml(f'<w:tc xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">{body}</w:tc>')


P = "<w:p><w:r><w:t>{}</w:t></w:r></w:p>"


@pytest.mark.parametrize(
    ("body", "texts"),
    [
        (P.format("甲") + P.format("乙"), ["甲", "乙"]),
        ("<w:sdt><w:sdtPr/><w:sdtContent>" + P.format("甲") + "</w:sdtContent></w:sdt>" + P.format("乙"), ["甲", "乙"]),
        ("<w:sdt><w:sdtContent><w:sdt><w:sdtContent>" + P.format("深") + "</w:sdtContent></w:sdt></w:sdtContent></w:sdt>", ["深"]),
        ('<w:customXml w:element="amount">' + P.format("12.00") + "</w:customXml>", ["12.00"]),
        # not in place: a nested table's paragraphs, a content control's properties
        ("<w:tbl><w:tr><w:tc>" + P.format("内表") + "</w:tc></w:tr></w:tbl>" + P.format("外"), ["外"]),
        ("<w:sdt><w:sdtPr><w:placeholder><w:docPart w:val='x'/></w:placeholder></w:sdtPr></w:sdt>", []),
    ],
)
def test_in_place(body: str, texts: list[str]) -> None:
    found = in_place(_xml(body), W + "p")
    assert ["".join(t.text for t in p.iter(W + "t")) for p in found] == texts


def test_wrappers_are_named() -> None:
    assert set(IN_PLACE_WRAPPERS) == {W + "sdt", W + "customXml"}
