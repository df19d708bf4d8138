"""Red-team round 4 (ingest): documents as PDF text extraction gives them, end to end.

Each ``tests/extract/corpus/rt4i_*.txt`` is laid out like ``pdftotext`` output:
fixed-width wrapped lines, a running header on every page but the first,
page footers, and numbers broken by the layout.  The ``.json`` next to it
lists facts that must be extracted (``expect``, matched as in
``tests/extract/test_narrative_corpus.py``), exact counts per kind, and the
number of leftover numbers the quality report may show.

* ``rt4i_sd_county_union_final_2022``: a 县总工会 决算 说明; form feeds and
  ``第 n 页 共 m 页`` footers; ``1,286.`` / ``47万元``, ``增长9`` / ``.57%``,
  ``1,`` / ``158.20``, ``占9`` / ``6.17%``, ``基本支出86`` / ``2.40万元``,
  ``4.80`` / ``%``, a thin-space thousands separator ``1 204.33``
  (before: 6 leftovers, 本年收入合计 and 基本支出 not read);
* ``rt4i_gd_trad_city_budget_2024``: a 市總工會 預算 in traditional script;
  a letter-spaced title, ``- n -`` footers between blank lines (no form
  feeds), a soft hyphen inside ``萬­元``, a zero-width space inside a number,
  a no-break space inside a word (before: 13 leftovers, the 收入/支出预算总额
  and the change of income not read);
* ``rt4i_hn_district_union_final_2023``: a 区总工会 决算 with 公开01表 cut by
  two page breaks (``n/m`` footers, which pdftotext ends with a newline
  before the form feed), a letter-spaced ``2 0 2 3 年度``, an accounting
  negative ``（0.35）`` in the table and ``－0.35万元`` in the prose, the
  evaluation score cut as ``95.`` / ``5分`` across a page break
  (before: 11 leftovers, 其他收入 and 社会保障和就业支出 not read).

A PDF built here (reportlab, header and footer drawn on every page, CJK
wrapping anywhere) checks the same through the PDF reader: before, a
two-page document kept the title twice on page one and glued the page-two
header into the sentence it interrupted.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from tests.extract.test_narrative_corpus import _matches
from unionkg.extract import extract
from unionkg.ingest import load_source
from unionkg.settings import Settings
from tests.extract.corpus_spec import extract_checked

CORPUS = Path(__file__).parents[1] / "extract" / "corpus"
CASES = sorted(CORPUS.glob("rt4i_*.txt"))


def test_corpus_is_not_shrinking() -> None:
    assert len(CASES) >= 3


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_rt4i_document(path: Path) -> None:
    spec = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    ex = extract_checked(path)
    for key, want in spec.get("context", {}).items():
        assert getattr(ex.context, key) == want, key
    missing = [e for e in spec["expect"] if not any(_matches(f, e) for f in ex.facts if type(f).__name__ == e["kind"])]
    assert not missing, f"{path.name}: no fact matches {missing}"
    for kind, n in spec.get("counts", {}).items():
        got = [f for f in ex.facts if type(f).__name__ == kind]
        assert len(got) == n, f"{path.name}: {len(got)} {kind} facts, expected {n}: {got}"
    assert len(ex.leftover_numbers) == spec["leftovers"], ex.leftover_numbers


#: document -> (strings the normalised text must contain, strings it must not)
NORMALISED: dict[str, tuple[list[str], list[str]]] = {
    "rt4i_sd_county_union_final_2022": (
        ["总计1,286.47万元", "增长9.57%", "合计1204.33万元", "收入1,158.20万元，占96.17%", "基本支出862.40万元", "增长4.80%，"],
        ["第 2 页", "共 3 页", "\n.", "\n%"],
    ),
    "rt4i_gd_trad_city_budget_2024": (
        ["韶关市总工会2024年部门预算\n", "总额2146.80万元", "增长3.28%", "1,973.50万元", "1,538.60万元", "的71.66%", "执行中央", "86.40万元"],
        ["- 2 -", "韶 关", "\u00ad", "\u200b"],
    ),
    "rt4i_hn_district_union_final_2023": (
        ["2023 年度 金额单位", "八、其他收入 8 -0.35 八、", "增长3.45%", "其他收入-0.35万元", "基本支出952.16万元", "自评得分为95.5分", "1350人次", "360户"],
        ["1/4", "2/4", "3/4", "4/4", "(0.35)"],
    ),
}


@pytest.mark.parametrize("name", list(NORMALISED))
def test_rt4i_normalised_text(name: str) -> None:
    doc = load_source(CORPUS / f"{name}.txt", Settings(store="unused", encoder="hash"))
    present, absent = NORMALISED[name]
    for s in present:
        assert s in doc.text, s
    for s in absent:
        assert s not in doc.text, s
    lines = doc.text.split("\n")
    assert lines.count(lines[0]) == 1, "the running header is kept once, on page one"


def build_two_page_pdf(path: Path, header: str, paragraphs: list[str]) -> Path:
    from reportlab.lib.pagesizes import A5
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=10, leading=14, wordWrap="CJK")

    def decorate(canvas: object, doc: object) -> None:
        canvas.setFont("STSong-Light", 9)  # type: ignore[attr-defined]
        canvas.drawCentredString(A5[0] / 2, A5[1] - 30, header)  # type: ignore[attr-defined]
        canvas.drawCentredString(A5[0] / 2, 25, f"第 {doc.page} 页")  # type: ignore[attr-defined]

    story = [Paragraph(header, style)] + [Paragraph(p, style) for p in paragraphs]
    SimpleDocTemplate(str(path), pagesize=A5).build(story, onFirstPage=decorate, onLaterPages=decorate)
    return path


def test_pdf_with_drawn_header_and_footer(tmp_path: Path) -> None:
    header = "某某县总工会2023年度部门决算"
    paragraphs = [
        f"{k}、本年度第{k}项工作围绕服务职工中心任务，全年共发放第{k}批困难职工帮扶资金1,2{k}4.56万元，"
        f"比上年增长1{k}.5%，惠及困难职工家庭3{k}6户，主要原因是帮扶标准提高和帮扶范围扩大，资金使用情况良好。"
        for k in range(1, 9)
    ]
    doc = load_source(build_two_page_pdf(tmp_path / "two_pages.pdf", header, paragraphs), Settings(store="unused", encoder="hash"))
    assert doc.original.count(header) == 3  # drawn on both pages, and the title paragraph
    lines = doc.text.split("\n")
    assert lines[0] == header and doc.text.count(header) == 1, doc.text
    assert "第 1 页" not in doc.text and "第 2 页" not in doc.text
    assert lines[1:] == paragraphs, "every paragraph whole: no header glued in, no number cut"
    ex = extract(doc)
    for f in ex.facts:
        assert doc.original[f.evidence.start : f.evidence.end] == f.evidence.quote
    whole = {f"1,2{k}4.56" for k in range(1, 9)} | {f"1{k}.5%" for k in range(1, 9)}
    decimals = {str(n["number"]) for n in ex.leftover_numbers if "." in str(n["number"])}
    assert decimals <= whole, "no figure read in pieces"


def test_pdf_ruled_table_with_an_accounting_negative(tmp_path: Path) -> None:
    """A 公开01表 drawn as a ruled table: ``（0.45）`` is -0.45 in the cells and in the text row alike.

    Before, the row holding it was lost entirely (its 其他收入 and the
    社会保障和就业支出 beside it).
    """
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=10, leading=14)
    rows = [
        ["项目", "行次", "决算数", "项目（按功能分类）", "行次", "决算数"],
        ["一、一般公共预算财政拨款收入", "1", "860.40", "一、一般公共服务支出", "32", "820.10"],
        ["八、其他收入", "8", "（0.45）", "八、社会保障和就业支出", "39", "39.85"],
        ["本年收入合计", "14", "859.95", "本年支出合计", "45", "859.95"],
    ]
    grid = [("FONTNAME", (0, 0), (-1, -1), "STSong-Light"), ("FONTSIZE", (0, 0), (-1, -1), 7), ("GRID", (0, 0), (-1, -1), 0.5, "black")]
    story = [Paragraph(t, style) for t in ("某某县总工会2023年度部门决算", "收入支出决算总表", "公开01表", "部门：某某县总工会　2023年度　金额单位：万元")]
    path = tmp_path / "final_2023.pdf"
    SimpleDocTemplate(str(path)).build([*story, Table(rows, style=grid)])
    doc = load_source(path, Settings(store="unused", encoder="hash"))
    amounts = {(f.item, f.value) for f in extract(doc).facts if type(f).__name__ == "Amount" and f.table == "公开01表"}  # type: ignore[attr-defined]
    assert ("八、其他收入", Decimal("-4500")) in amounts
    assert ("八、社会保障和就业支出", Decimal("398500")) in amounts
    assert ("本年收入合计", Decimal("8599500")) in amounts
