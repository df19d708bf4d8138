"""Figures damaged by OCR and layout (round 8): look-alike letters among digits, a decimal
comma, a stray space at a decimal point.  Read when the reading is beyond doubt, left as
printed otherwise (the extraction then warns: tests/extract/test_rt8e_extraction.py)."""

from __future__ import annotations

import pytest

from unionkg.ingest.normalize import OCR_FIGURE_PATTERNS, YEAR_IN_WORDS, normalize, normalize_cell, repaired_figure

#: (pattern name, text, matches) for each pattern of OCR_FIGURE_PATTERNS.
PATTERN_CASES: list[tuple[str, str, bool]] = [
    ("figure_run", "12O.5", True),
    ("figure_run", "2l01", True),
    ("figure_run", "ISO9001", False),  # a Latin word glued before it
    ("figure_run", "100ml", False),  # a Latin unit glued after it
    ("lookalike_near_digit", "行政运行 6l0.20", True),
    ("lookalike_near_digit", "Office 职工服务中心 12.50", False),
    ("quantity_after", "%", True),
    ("quantity_after", "人次", True),
    ("quantity_after", " 元", True),
    ("quantity_after", " 20", False),
    ("quantity_after", "ml", False),
    ("comparator_before", "≥", True),
    ("comparator_before", "≤ ", True),
    ("comparator_before", "率 ", False),
    ("repaired_number", "1,234.50", True),
    ("repaired_number", "300.20", True),
    ("repaired_number", "88.60.1", False),
    ("repaired_number", "12,34", False),
    ("decimal_comma_cell", "社会保障和就业支出 88,60 88,60", True),
    ("decimal_comma_cell", "合计 1,234.50", False),  # a thousands comma groups three digits
    ("decimal_comma_cell", "1,234", False),
    ("decimal_comma_before_unit", "本年支出合计1234,56万元，", True),
    ("decimal_comma_before_unit", "支出 88,60 元", True),
    ("decimal_comma_before_unit", "支出合计1,234万元", False),  # thousands
    ("decimal_comma_before_unit", "第3,12项", False),
    ("space_at_decimal_point", "养老保险缴费 88. 60 88.60", True),
    ("space_at_decimal_point", "养老保险缴费 88 .60", True),
    ("space_at_decimal_point", "1. 20个项目", False),  # a list item opening a line
]


@pytest.mark.parametrize("name, text, matches", PATTERN_CASES)
def test_ocr_figure_patterns(name: str, text: str, matches: bool) -> None:
    pattern = OCR_FIGURE_PATTERNS[name]
    if name in ("figure_run", "repaired_number"):
        found = pattern.fullmatch(text)
    elif name == "quantity_after":
        found = pattern.match(text)
    else:
        found = pattern.search(text)
    assert (found is not None) is matches


def test_every_pattern_has_cases() -> None:
    assert {name for name, _, _ in PATTERN_CASES} == set(OCR_FIGURE_PATTERNS)


#: (a run as OCR printed it, the figure it stands for or None when not beyond doubt)
REPAIR_CASES: list[tuple[str, str | None]] = [
    ("12O.5", "120.5"),
    ("2l01", "2101"),
    ("3OO.2O", "300.20"),
    ("88.6O", "88.60"),
    ("2O23", "2023"),
    ("2〇23", "2023"),
    ("1,2O4.50", "1,204.50"),
    ("4I5.00", "415.00"),
    ("O2O", None),  # a word of the trade ("O2O模式"), one digit
    ("2O", None),  # one digit: a code or a figure?
    ("10l", None),  # ten litres or 101?
    ("O.O0", None),  # more letters than digits, and no digit to open it
    ("88.60l120.00", None),  # a cell separator read as l: two figures, not one
    ("2023", None),  # nothing damaged
]

#: (a run that is a quantity: followed by % or a unit, or after a comparator; the figure)
QUANTITY_CASES: list[tuple[str, str | None]] = [
    ("9O", "90"),  # ≥9O%
    ("1OO", "100"),  # 1OO%
    ("52O", "520"),  # 52O人次
    ("l2.30", "12.30"),  # a quantity's own rules never refuse what the general ones read
    ("O2O", None),  # O2O模式: a word of the trade, it opens with a letter
    ("lO", None),
]


@pytest.mark.parametrize("run, expected", QUANTITY_CASES)
def test_repaired_quantity(run: str, expected: str | None) -> None:
    assert repaired_figure(run, quantity=True) == expected


@pytest.mark.parametrize("run, expected", REPAIR_CASES)
def test_repaired_figure(run: str, expected: str | None) -> None:
    assert repaired_figure(run) == expected


#: (a line of a written document, the normalised text)
TEXT_CASES: list[tuple[str, str]] = [
    # a Hebei county union's 2022 final accounts, OCR'd from a scan
    ("2O805 行政事业单位养老支出 12O.5O 12O.50", "20805 行政事业单位养老支出 120.50 120.50"),
    ("2080505 机关事业单位基本养老保险缴费 88. 60 88,60", "2080505 机关事业单位基本养老保险缴费 88.60 88.60"),
    ("某县总工会2O22年度部门决算", "某县总工会2022年度部门决算"),
    # a decimal comma before a money unit, in prose too (a Qinghai county union's 2024 budget)
    ("2024年收入预算1234,56万元，比上年增加12,30万元。", "2024年收入预算1234.56万元，比上年增加12.30万元。"),
    ("2024年收入预算1,234万元。", "2024年收入预算1,234万元。"),
    # prose keeps its commas: "3,12" is a list there
    ("共开展活动3,12月各一次。", "共开展活动3,12月各一次。"),
    # words with letters and digits stay
    ("推行O2O服务模式，通过ISO9001认证。", "推行O2O服务模式，通过ISO9001认证。"),
    # an unreadable figure stays as printed
    ("221 住房保障支出 O.O0", "221 住房保障支出 O.O0"),
    # a Shanxi city union's 2023 indicator row: quantities after comparators and before units
    ("开展职工技能培训人次 ≥5OO人次 52O人次 20 20", "开展职工技能培训人次 ≥500人次 520人次 20 20"),
    ("培训合格率 ≥9O% 93% 20 20", "培训合格率 ≥90% 93% 20 20"),
    ("推行O2O服务模式，覆盖2O个乡镇。", "推行O2O服务模式，覆盖20个乡镇。"),
]


@pytest.mark.parametrize("line, expected", TEXT_CASES)
def test_normalize_repairs_figures(line: str, expected: str) -> None:
    norm = normalize(line)
    assert norm.text == expected
    # offsets still point at the printed characters: a quote of the repaired figure is the damaged one
    k = expected.find("120.50")
    if k >= 0:
        assert line[norm.offsets[k] : norm.offsets[k + 5] + 1] == "12O.5O"


def test_cells_are_repaired_like_text() -> None:
    assert normalize_cell("3OO.2O") == "300.20"
    assert normalize_cell("88,60") == "88.60"
    assert normalize_cell("O2O") == "O2O"


# --- page furniture between two rows of a table (round 8) ---------------------------------

from unionkg.ingest.normalize import SLASH_PAGE_NUMBER, is_title_part  # noqa: E402

#: (a document, the lines normalisation keeps); a Guizhou district union's 2024 final accounts
PAGE_CASES: list[tuple[str, list[str]]] = [
    # "3/5" ... "4/5" number pages even between rows of a table; the part of the title at the
    # top of the next page is its running header
    (
        "某区总工会2024年部门决算\n201 一般公共服务支出 422.10 312.10\n3/5\n2024年部门决算\n"
        "208 社会保障和就业支出 60.20 60.20\n4/5\n2024年部门决算\n210 卫生健康支出 18.00 18.00",
        ["某区总工会2024年部门决算", "201 一般公共服务支出 422.10 312.10", "208 社会保障和就业支出 60.20 60.20", "210 卫生健康支出 18.00 18.00"],
    ),
    # one "3/5" alone between table rows may be a cell: kept
    (
        "某区总工会2024年部门决算\n完成率\n3/5\n合计 60.20 60.20",
        ["某区总工会2024年部门决算", "完成率", "3/5", "合计 60.20 60.20"],
    ),
    # fractions that do not rise as pages do are no page numbers
    (
        "某区总工会2024年部门决算\n完成率\n4/5\n合计 60.20\n3/5\n小计 12.00",
        ["某区总工会2024年部门决算", "完成率", "4/5", "合计 60.20", "3/5", "小计 12.00"],
    ),
]


@pytest.mark.parametrize("text, kept", PAGE_CASES)
def test_page_numbers_and_title_headers_between_rows(text: str, kept: list[str]) -> None:
    assert normalize(text).text.split("\n") == kept


@pytest.mark.parametrize("text, matches", [("3/5", True), ("3 / 12", True), ("3/5/2024", False), ("第3页", False)])
def test_slash_page_number(text: str, matches: bool) -> None:
    assert (SLASH_PAGE_NUMBER.fullmatch(text) is not None) is matches


@pytest.mark.parametrize(
    "line, title, part",
    [
        ("2024年部门决算", "某区总工会2024年部门决算", True),
        ("某区总工会2024年部门决算", "某区总工会2024年部门决算", True),
        ("部门决算", "某区总工会2024年部门决算", False),  # too short to tell
        ("2024年部门预算", "某区总工会2024年部门决算", False),
        ("一、部门决算情况说明。", "一、部门决算情况说明。总", False),  # a sentence is no header
        ("项目支出绩效自评表", "某州总工会2022年度项目支出绩效自评表", False),  # no year: a table's title
        ("2022年度项目支出绩效自评表", "某州总工会2022年度项目支出绩效自评表", False),  # a table's title
        ("某州总工会2022年度", "某州总工会2022年度项目支出绩效自评表", True),
    ],
)
def test_is_title_part(line: str, title: str, part: bool) -> None:
    assert is_title_part(line, title) is part


#: (text, the years in words it holds)
YEAR_WORD_CASES: list[tuple[str, list[str]]] = [
    ("二〇二三年度部门决算", ["二〇二三"]),
    ("比二○二二年增加", ["二○二二"]),  # a white circle for the zero
    ("二零二四年", ["二零二四"]),
    ("一九九九年成立", ["一九九九"]),
    ("十二年", []),
    ("三年行动计划", []),
    ("一二三四年", []),  # no year begins so
    ("二〇二三", []),  # no 年 after it: not told from other words
]


@pytest.mark.parametrize("text, years", YEAR_WORD_CASES)
def test_year_in_words(text: str, years: list[str]) -> None:
    assert [m.group() for m in YEAR_IN_WORDS.finditer(text)] == years


def test_years_in_words_read_as_digits_keeping_offsets() -> None:
    line = "海东市乐都区总工会二○二三年度部门决算"
    norm = normalize(line)
    assert norm.text == "海东市乐都区总工会2023年度部门决算"
    k = norm.text.index("2023")
    assert line[norm.offsets[k] : norm.offsets[k + 3] + 1] == "二○二三"
    assert normalize("2○23年度").text == "2023年度"  # a white circle among digits
