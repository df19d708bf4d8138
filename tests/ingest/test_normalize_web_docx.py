"""Text copied from web pages and Word files, and figures grouped with full-width commas
(normalize.HTML_ENTITIES, INLINE_ARTEFACTS["footnote_mark"],
THOUSANDS_GROUPED_WITH_FULLWIDTH_COMMAS): table-driven, positives and negatives, with the
offset map checked on every case."""

from __future__ import annotations

import pytest

from unionkg.ingest.normalize import HTML_ENTITIES, THOUSANDS_GROUPED_WITH_FULLWIDTH_COMMAS, normalize, normalize_cell

PATTERN_EXAMPLES: dict[str, tuple[dict, dict[str, tuple[list[str], list[str]]]]] = {
    "HTML_ENTITIES": (
        HTML_ENTITIES,
        {
            "html_entity": (["&nbsp;", "&amp;", "&#65292;", "&#x2265;", "&ge;"], ["&", "& nbsp;", "&;", "AT&T", "&#;"]),
            "html_entity_no_semicolon": (["&nbsp", "&amp"], ["&nbsp;", "&nbspx", "&copy"]),
        },
    ),
    "THOUSANDS_GROUPED_WITH_FULLWIDTH_COMMAS": (
        THOUSANDS_GROUPED_WITH_FULLWIDTH_COMMAS,
        {
            "with_decimals": (["8，315，200.00", "1，234.56", "８，３１５．５０"], ["12，13", "12，345", "2021，2022.5", "12，34.5"]),
            "two_groups": (["8，315，200", "12，345，678"], ["12，345", "3，4，5", "2021，2022，2023"]),
        },
    ),
}


@pytest.mark.parametrize(("table", "name"), [(t, n) for t, (_, names) in PATTERN_EXAMPLES.items() for n in names])
def test_named_pattern(table: str, name: str) -> None:
    patterns, examples = PATTERN_EXAMPLES[table]
    positives, negatives = examples[name]
    for text in positives:
        assert patterns[name].fullmatch(text), f"{name} should match {text!r}"
    for text in negatives:
        assert not patterns[name].fullmatch(text), f"{name} should not match {text!r}"


def test_every_named_pattern_has_examples() -> None:
    for _, (patterns, examples) in PATTERN_EXAMPLES.items():
        assert set(patterns) == set(examples)


#: (original, normalised text)
CASES: list[tuple[str, str, str]] = [
    ("entity_nbsp_spaces", "2023年收入预算总额&nbsp;512.30&nbsp;万元，", "2023年收入预算总额 512.30 万元，"),
    ("entity_nbsp_inside_a_word", "维护职工&nbsp;合法权益，竭诚服务。", "维护职工合法权益，竭诚服务。"),
    ("entity_amp", "阵地建设&amp;运行经费增加。", "阵地建设&运行经费增加。"),
    ("entity_comparator", "满意度&ge;90%，差错率&lt;1%", "满意度≥90%，差错率<1%"),
    ("entity_numeric", "合计&#65292;共计", "合计，共计"),
    ("entity_unknown_kept", "某某&foo;公司", "某某&foo;公司"),
    ("entity_without_semicolon", "总额&nbsp512.30万元", "总额 512.30万元"),
    ("footnote_after_amount", "收入预算总额286.40万元①，支出", "收入预算总额286.40万元，支出"),
    ("footnote_bracket_after_unit", "走访困难职工200户[1]。", "走访困难职工200户。"),
    ("footnote_at_line_end", "增长4.68%②\n下一行", "增长4.68%\n下一行"),
    ("footnote_note_line_kept", "① 数据来源：财政局批复。", "① 数据来源：财政局批复。"),
    ("footnote_list_marker_kept", "主要措施：①加强管理；②规范程序。", "主要措施：①加强管理；②规范程序。"),
    ("thousands_fullwidth_commas_ascii_digits", "一、一般公共预算财政拨款收入 1 8，315，200.00", "一、一般公共预算财政拨款收入 1 8,315,200.00"),
    ("list_comma_between_digits_kept", "分别为12，13个单位。", "分别为12，13个单位。"),
]


@pytest.mark.parametrize(("name", "original", "expected"), CASES, ids=[c[0] for c in CASES])
def test_normalize_web_and_docx_text(name: str, original: str, expected: str) -> None:
    result = normalize(original)
    assert result.text == expected
    assert len(result.offsets) == len(result.text) + 1
    for i, ch in enumerate(result.text):
        src = result.offsets[i]
        assert 0 <= src < len(original)
        if ch not in " ,\n&≥<，" and original[src] != "&":
            assert original[src] == ch or original[src] in "０１２３４５６７８９", (name, i, ch, original[src])


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("8，315，200.00", "8,315,200.00"), ("1.80&nbsp;", "1.80"), ("公务接待费&amp;会议费", "公务接待费&会议费"), ("12.50①", "12.50"), ("12，13", "12，13")],
)
def test_normalize_cell(cell: str, expected: str) -> None:
    assert normalize_cell(cell) == expected


# --- footnote references in web pages (html_reader.FOOTNOTE_REFERENCE) ----------------------

HTML_FOOTNOTES: list[tuple[str, str]] = [
    ("<p>收入预算总额286.40万元<sup>1</sup>，增长4.68%<sup>[2]</sup>。</p>", "收入预算总额286.40万元，增长4.68%。"),
    ("<p>走访困难职工<sup>①</sup>200户<sup>*</sup>。</p>", "走访困难职工200户。"),
    ("<p>新建职工书屋 120 m<sup>2</sup>。</p>", "新建职工书屋 120 m2。"),  # a power after a Latin letter stays
    ("<p>第<sup>12</sup>条</p>", "第条"),  # (a superscript after a Han character is a reference)
    ("<p>注释<sup>见附表</sup>。</p>", "注释见附表。"),  # words are not a reference
    ("<table><tr><td>公务接待费<sup>3</sup></td><td>1.80</td></tr></table>", "公务接待费 | 1.80"),
]


@pytest.mark.parametrize(("markup", "text"), HTML_FOOTNOTES)
def test_html_footnote_references_are_dropped(markup: str, text: str) -> None:
    from unionkg.ingest.html_reader import read_html

    assert read_html("t.html", f"<html><body>{markup}</body></html>")[0] == text


def test_web_page_budget_reads_through_entities_and_footnotes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from decimal import Decimal

    from unionkg.extract import extract
    from unionkg.ingest import load_source
    from unionkg.model import Amount
    from unionkg.settings import Settings

    page = (
        "<html><head><title>某某县总工会2024年部门预算</title></head><body><h1>某某县总工会2024年部门预算</h1>"
        "<p>2024年收入预算总额&amp;nbsp;318.60万元<sup>1</sup>，支出预算总额318.60万元。</p>"
        "<p>部门收支总表</p><p>编制单位：某某县总工会&nbsp;&nbsp;金额单位：万元</p>"
        "<table><tr><td>项目</td><td>预算数</td><td>项目</td><td>预算数</td></tr>"
        "<tr><td>一、一般公共预算拨款收入<sup>2</sup></td><td>318.60</td><td>一、一般公共服务支出</td><td>318.60</td></tr>"
        "<tr><td>收入总计</td><td>318.60</td><td>支出总计</td><td>318.60</td></tr></table></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    ex = extract(load_source(path, Settings(store=str(tmp_path / "s"), encoder="hash")))
    amounts = {(f.item, f.value) for f in ex.facts if isinstance(f, Amount)}
    assert ("收入预算总额", Decimal("3186000")) in amounts
    assert ("一、一般公共预算拨款收入", Decimal("3186000")) in amounts
    for f in ex.facts:
        assert ex.document.original[f.evidence.start : f.evidence.end] == f.evidence.quote
