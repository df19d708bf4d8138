"""The quick tests (speed only, round 11) that let normalize skip a pattern answer as the pattern does.

Each "needs" pattern must find something in every text the pattern it guards
matches (positive cases, written for bodies, years and layouts not in the
samples), and the guarded functions must give the same result as the
patterns tried without the quick test (negative cases included: texts the
quick test lets through and the pattern still refuses).
"""

from __future__ import annotations

import pytest

from unionkg.ingest.normalize import (
    DIGIT_COMMA_DIGIT,
    FULLWIDTH_THOUSANDS_COMMA,
    GLUED_CELL_NEEDS,
    GLUED_CELLS,
    GROUPED_NUMBER_IN_PROSE,
    INLINE_ARTEFACT_NEEDS,
    INLINE_ARTEFACTS,
    ONE_TO_ONE,
    ONE_TO_ONE_TABLE,
    PINYIN_GLOSS,
    PINYIN_GLOSS_OPENING,
    SPACED_YEAR,
    THOUSANDS_GROUPED_WITH_FULLWIDTH_COMMAS,
    Line,
    fullwidth_thousands_commas,
    inline_artefact_spans,
    is_pinyin_gloss,
    merge_spans,
    pinyin_gloss_spans,
    respace_line,
    split_glued_cells,
    translate_one_to_one,
)

# (text, does the guarded pattern match?)  The needs pattern must match wherever it does.
GLUED_CASES: dict[str, list[tuple[str, bool]]] = {
    "figure_run": [
        ("行政运行 123.45100.0023.45", True),
        ("合计 8,315.201,204.50", True),
        ("发布日期 2031.01.15", False),
        ("行政运行 123.45 100.00", False),
        ("编号 1234.5678", False),
    ],
    "figure_then_item": [
        ("合计7.80因公出国(境)费0.00公务用车购置及运行费5.20", True),
        ("基本支出 96.50项目支出 30.25", True),
        ("收入 12.30万元", False),
        ("行政运行 100.00 100.00", False),
    ],
    "figure_cell": [
        ("行政运行100.00 100.00", True),
        ("-12.50", True),
        ("小计 3.05", True),
        ("共计12.345吨", False),
        ("增长2.50%", False),
    ],
}


@pytest.mark.parametrize(("name", "text", "matches"), [(n, t, m) for n, cases in GLUED_CASES.items() for t, m in cases])
def test_glued_cell_needs_cover_their_pattern(name: str, text: str, matches: bool) -> None:
    assert (GLUED_CELLS[name].search(text) is not None) is matches
    if matches:
        assert GLUED_CELL_NEEDS[name].search(text) is not None


def _split_glued_cells_reference(text: str) -> str:
    """split_glued_cells as it read before the quick tests (round 10)."""
    from unionkg.ingest.normalize import PROSE_PUNCTUATION, _split_figure_runs, _with_spaces

    line = _line(text)
    if "." not in text or PROSE_PUNCTUATION & set(text):
        return line.text
    line = _split_figure_runs(line)
    text = line.text
    before_items = [m.end() for m in GLUED_CELLS["figure_then_item"].finditer(text)]
    if not before_items and not GLUED_CELLS["figure_cell"].search(text):
        return line.text
    before_figures = [m.start() for m in GLUED_CELLS["item_then_figure" if before_items else "item_then_figure_cell"].finditer(text)]
    code = GLUED_CELLS["code_then_name"].match(text)
    return _with_spaces(line, before_items + before_figures + ([code.end()] if code else [])).text


def _line(text: str) -> Line:
    return Line(list(text), list(range(len(text))), len(text), False)


GLUED_ROWS = [text for cases in GLUED_CASES.values() for text, _ in cases] + [
    "2012901行政运行 100.00",
    "30101基本工资 56.20 56.20",
    "本年支出合计 1,204.50，其中基本支出 900.00",
    "办公费",
    "",
]


@pytest.mark.parametrize("text", GLUED_ROWS)
def test_split_glued_cells_as_before(text: str) -> None:
    assert split_glued_cells(_line(text)).text == _split_glued_cells_reference(text)


RESPACE_CASES = [
    ("2 0 3 1 年某县总工会部门预算", True),  # a spaced year
    ("收入合计 1 234.56 万元，较上年增加", True),  # thousands grouped in prose
    ("支出合计 1 234.56 万", False),  # no 元: not grouped
    ("项目 2 0 3 1 栏", False),  # columns, no 年
    ("行政运行 (12.50) 3.00", True),  # an accounting negative
]


@pytest.mark.parametrize(("text", "changes"), RESPACE_CASES)
def test_respace_line_quick_tests(text: str, changes: bool) -> None:
    assert (respace_line(_line(text)).text != text) is changes
    if SPACED_YEAR.search(text):
        assert "年" in text
    if GROUPED_NUMBER_IN_PROSE.search(text):
        assert "元" in text


COMMA_TEXTS = [
    ("８，３１５，２００．００元", True),  # full-width digits
    ("总额 8，315，200.00 元", True),  # ASCII digits, full-width commas
    ("一、二，三", False),
    ("第12，13项", False),  # a list of two numbers
    ("资金，用于", False),
]


@pytest.mark.parametrize(("text", "grouped"), COMMA_TEXTS)
def test_fullwidth_commas_quick_test(text: str, grouped: bool) -> None:
    patterns = [FULLWIDTH_THOUSANDS_COMMA, *THOUSANDS_GROUPED_WITH_FULLWIDTH_COMMAS.values()]
    if any(p.search(text) for p in patterns):
        assert DIGIT_COMMA_DIGIT.search(text) is not None
    assert bool(fullwidth_thousands_commas(text)) is grouped


ARTEFACT_TEXTS = [
    ("支出 286.40万元①，用于", True),
    ("走访 200 户[1]。", True),
    ("[bookmark: _Toc12345]一、概况", True),
    ("：①加强管理", False),  # opens a list item
    ("第[一]部分", False),
    ("没有脚注的句子。", False),
]


@pytest.mark.parametrize(("text", "found"), ARTEFACT_TEXTS)
def test_inline_artefacts_quick_test(text: str, found: bool) -> None:
    reference = merge_spans([m.span() for p in INLINE_ARTEFACTS.values() for m in p.finditer(text)])
    assert inline_artefact_spans(text) == reference
    assert bool(reference) is found
    if INLINE_ARTEFACTS["footnote_mark"].search(text):
        assert INLINE_ARTEFACT_NEEDS["footnote_mark"].search(text) is not None


GLOSS_TEXTS = [
    ("萬(wàn)元", True),
    ("资金 ( zi jin )", True),  # spaces around the gloss are allowed
    ("资金 ( 一 )", False),
    ("版本(V2.0)", False),
    ("项目(PPP)模式", False),
    ("(一)收入", False),
    ("总工会(zong gong hui)", True),
]


@pytest.mark.parametrize(("text", "gloss"), GLOSS_TEXTS)
def test_pinyin_gloss_quick_test(text: str, gloss: bool) -> None:
    reference = [m.span() for m in PINYIN_GLOSS.finditer(text) if is_pinyin_gloss(m.group(1), text[max(0, m.start() - 4) : m.start()])]
    assert pinyin_gloss_spans(text) == reference
    assert bool(reference) is gloss
    if PINYIN_GLOSS.search(text):
        assert PINYIN_GLOSS_OPENING.search(text) is not None


@pytest.mark.parametrize("text", ["ＡＢＣ１２３％", "≧９０％ ﹤５", "\u3000某县\u00a0总工会\t2031年", "无需映射的文字", ""])
def test_translate_one_to_one_as_the_table(text: str) -> None:
    assert translate_one_to_one(text) == text.translate(ONE_TO_ONE_TABLE)


def test_one_to_one_char_class_holds_every_mapped_character() -> None:
    from unionkg.ingest.normalize import ONE_TO_ONE_CHAR

    assert all(ONE_TO_ONE_CHAR.fullmatch(ch) for ch in ONE_TO_ONE)
    # ("-" and "]" stay literal in the class: ASCII text, clause marks and brackets are not mapped)
    assert not ONE_TO_ONE_CHAR.search("工会经费 123.45 (一) - = ] ，。")


MARK_LINES = [
    ("全年开展送温暖活动，走访慰问 37 户", True, True),
    ("某县总工会2031年部门预算。", True, True),
    ("职工满意度是否达标？", False, True),  # a question mark: a sentence cell mark, no prose punctuation
    ("行政运行 12.00 13.00 14.00", False, False),
    ("項目 | 金額 | 備註", False, False),
    ("", False, False),
]


@pytest.mark.parametrize(("text", "prose", "sentence"), MARK_LINES)
def test_mark_char_classes_as_the_sets(text: str, prose: bool, sentence: bool) -> None:
    from unionkg.ingest.normalize import PROSE_PUNCTUATION, PROSE_PUNCTUATION_CHAR, SENTENCE_CELL_MARK_CHAR, SENTENCE_CELL_MARKS

    assert (PROSE_PUNCTUATION_CHAR.search(text) is not None) is bool(PROSE_PUNCTUATION & set(text)) is prose
    assert (SENTENCE_CELL_MARK_CHAR.search(text) is not None) is (not SENTENCE_CELL_MARKS.isdisjoint(text)) is sentence


def test_soft_hyphen_lines_still_marked() -> None:
    """split_lines skips the soft-hyphen test in a text without one; a text with one still joins."""
    from unionkg.ingest.normalize import normalize

    assert normalize("某县总工会职工服务\u00ad\n中心").text == "某县总工会职工服务中心"
    assert normalize("第一行\n第二行").text == "第一行\n第二行"


FURNITURE_LINES = [
    ("— 7 —", "dashed_page_number"),
    ("第 3 页 共 20 页", "chinese_page_of"),
    ("Page 4 of 9", "page_of"),
    ("某县总工会 第 3 页", "named_page_number"),
    ("12", "bare_number"),
    ("第三页", None),  # no digit: never furniture
    ("一、部门主要职责", None),
    ("— 七 —", None),
]


@pytest.mark.parametrize(("text", "kind"), FURNITURE_LINES)
def test_furniture_kind_digit_test(text: str, kind: str | None) -> None:
    from unionkg.ingest.normalize import BARE_PAGE_NUMBER, PAGE_FURNITURE, furniture_kind

    assert furniture_kind(text) == kind
    # the quick test holds while every furniture pattern reads a page number
    assert all("\\d" in p.pattern for p in [*PAGE_FURNITURE.values(), BARE_PAGE_NUMBER])


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("某县总\u00a0工会开展活动，共 3 次", [3]),  # inside a word of a prose line
        ("项目\u00a0金额\n合计 1.00", []),  # a table line: the no-break space may separate cells
        ("某县总工会开展活动，共 3 次", []),  # no no-break space at all: the quick test
    ],
)
def test_nbsp_inside_words_quick_test(text: str, found: list[int]) -> None:
    from unionkg.ingest.normalize import nbsp_inside_words

    assert nbsp_inside_words(text) == found
