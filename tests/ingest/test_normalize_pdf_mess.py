"""Normalisation of PDF-extraction mess: numbers broken by the layout, page furniture, invisible characters.

Table-driven: each case is ``(name, original, expected normalised text)``;
every case also checks the offset map (each normalised character maps back
to the original character it came from).  Negative cases (things that must
*not* change: two table cells on two lines, column numbers ``1 2 3``, list
markers ``(1)``) sit next to the positive ones.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.ingest.test_normalize import assert_offsets_consistent
from unionkg.ingest.normalize import (
    ACCOUNTING_NEGATIVE,
    GROUPED_NUMBER_IN_PROSE,
    LETTER_SPACED_LINE,
    NUMBER_SPLITS,
    SPACED_YEAR,
    THIN_SPACE_GROUP,
    join_kind,
    normalize,
    normalize_cell,
)
from unionkg.model import SourceDocument

PROSE_TAIL = "主要原因是会员人数增加，开展的服务活动增多。"

CASES: list[tuple[str, str, str]] = [
    # --- numbers broken across a line break ------------------------------------------
    ("lone_digit_before_percent", "本年收入比上年增长 7\n0.3%，" + PROSE_TAIL, "本年收入比上年增长 70.3%，" + PROSE_TAIL),
    ("percent_sign_on_next_line", "本年收入比上年增长 70.3\n%，" + PROSE_TAIL, "本年收入比上年增长 70.3%，" + PROSE_TAIL),
    ("cut_after_decimal_point", "本年收入合计1,234.\n56 万元，比上年增加。", "本年收入合计1,234.56 万元，比上年增加。"),
    ("cut_after_thousands_comma", "本年支出合计 1,\n234.56 万元，比上年减少。", "本年支出合计 1,234.56 万元，比上年减少。"),
    ("decimal_part_on_next_line", "本年支出合计 1,234\n.56 万元，主要用于职工帮扶。", "本年支出合计 1,234.56 万元，主要用于职工帮扶。"),
    ("prose_number_cut_before_unit", "全年走访慰问困难职工，发放慰问金 12\n3.45 万元，惠及职工家庭。", "全年走访慰问困难职工，发放慰问金 123.45 万元，惠及职工家庭。"),
    ("prose_count_cut_before_unit", "今年共组织职工疗休养，参加职工 3\n12 人次，满意度较高。", "今年共组织职工疗休养，参加职工 312 人次，满意度较高。"),
    ("cut_number_across_page_furniture", "本年收入合计1,234.\n- 3 -\f\n56 万元，比上年增加。", "本年收入合计1,234.56 万元，比上年增加。"),
    # negatives: two numbers on two lines are two cells, never one number
    ("two_cells_on_two_lines", "基本支出 850.30\n120.00", "基本支出 850.30\n120.00"),
    ("row_then_paragraph_starting_with_a_year", "合计 850.30 850.30\n2023年，本单位收支平衡。", "合计 850.30 850.30\n2023年，本单位收支平衡。"),
    ("row_then_row_of_figures", "项目支出 120\n30.00 30.00", "项目支出 120\n30.00 30.00"),
    ("comma_then_not_a_thousands_group", "分别为 12,\n3 个单位和 5 个项目。", "分别为 12,\n3 个单位和 5 个项目。"),
    ("list_marker_alone_then_item_starting_with_a_year", "1.\n2023年，全市职工参加技能培训。", "1.\n2023年，全市职工参加技能培训。"),
    ("prose_then_year_heading", "全年发放慰问金共计 12\n2024年工作计划", "全年发放慰问金共计 12\n2024年工作计划"),
    # --- digits spaced out ------------------------------------------------------------
    ("spaced_year_digits", "某某县总工会 2 0 2 3 年部门决算", "某某县总工会 2023 年部门决算"),
    ("letter_spaced_title", "某 某 县 总 工 会 2 0 2 3 年 部 门 决 算", "某某县总工会2023年部门决算"),
    ("column_numbers_kept", "栏次 1 2 3 4 5 6", "栏次 1 2 3 4 5 6"),
    ("single_digits_row_kept", "1 2 3 4", "1 2 3 4"),
    ("spaced_digits_without_year_kept", "合计 2 0 2 3", "合计 2 0 2 3"),
    ("short_spaced_header_kept", "项 目 金 额", "项 目 金 额"),
    ("spaced_code_levels_kept", "类 款 项 1 2 3", "类 款 项 1 2 3"),
    ("spaced_code_table_header_kept", "类 款 项 科 目 名 称", "类 款 项 科 目 名 称"),
    ("spaced_counts_before_year_word_kept", "车辆数 1 2 3 4 年末数", "车辆数 1 2 3 4 年末数"),
    # --- minus signs and accounting negatives ----------------------------------------
    ("fullwidth_minus", "比上年减少－12.5万元。", "比上年减少-12.5万元。"),
    ("unicode_minus_sign", "年末结余 −12.50 30.00", "年末结余 -12.50 30.00"),
    ("small_hyphen_minus", "差额 ﹣3.00", "差额 -3.00"),
    ("accounting_negative_in_row", "年末结转和结余 （12.50） 30.00", "年末结转和结余 -12.50 30.00"),
    ("accounting_negative_in_pipe_row", "结余 | (1,234.00) | 5.00", "结余 | -1,234.00 | 5.00"),
    ("parenthesised_amount_in_prose_kept", "困难职工帮扶（12.50万元）已发放。", "困难职工帮扶(12.50万元)已发放。"),
    ("list_marker_kept", "(1)南昌 (12) 30.00", "(1)南昌 (12) 30.00"),
    ("parenthesised_month_in_row_kept", "实施期限 (2023.12) 30.00", "实施期限 (2023.12) 30.00"),
    # --- digit grouping spaces -------------------------------------------------------
    ("thin_space_thousands", "合计 1\u2009234.56 万元", "合计 1234.56 万元"),
    ("narrow_nbsp_thousands", "合计 1\u202f234\u202f567.00", "合计 1234567.00"),
    ("thin_space_between_cells_kept", "支出 850.30\u2009120.00", "支出 850.30 120.00"),
    ("thin_space_between_column_numbers_kept", "栏次 1\u20092\u20093", "栏次 1 2 3"),
    ("space_thousands_in_prose", "本年收入合计 1 234.56 万元，比上年增加。", "本年收入合计 1234.56 万元，比上年增加。"),
    ("nbsp_thousands_in_prose", "本年收入合计 1\u00a0234.56万元，比上年增加。", "本年收入合计 1234.56万元，比上年增加。"),
    ("count_and_amount_cells_kept", "公务接待 3 234.56", "公务接待 3 234.56"),
    ("count_then_amount_in_prose_kept", "接待 3 批次，234.56 万元。", "接待 3 批次，234.56 万元。"),
    # --- invisible characters and no-break spaces inside words ------------------------
    ("nbsp_inside_a_word", "部门\u00a0决算说明如下。", "部门决算说明如下。"),
    ("bidi_marks_and_word_joiners", "本年\u200e收入\u2060合计1\u00ad23.45万元\u200f。", "本年收入合计123.45万元。"),
    ("soft_hyphen_at_line_end", "本年支出合计123.45万元，主要用于职工帮\u00ad\n扶。", "本年支出合计123.45万元，主要用于职工帮扶。"),
    ("nbsp_between_cells_kept", "基本支出\u00a0\u00a0850.30", "基本支出 850.30"),
    ("nbsp_between_header_cells_kept", "项目名称\u00a0金额\n基本支出 850.30", "项目名称 金额\n基本支出 850.30"),
    # --- page footers -----------------------------------------------------------------
    ("page_of_pages_footer", "说明如下。\n第 3 页 共 12 页\n二、其他", "说明如下。\n二、其他"),
    ("page_of_pages_comma_footer", "说明如下。\n第3页，共12页\n二、其他", "说明如下。\n二、其他"),
    ("dashed_footer", "说明如下。\n- 3 -\n二、其他", "说明如下。\n二、其他"),
    ("slash_footer_at_page_break", "第一页的最后一行内容。\n3/12\f第二页的内容。", "第一页的最后一行内容。\n第二页的内容。"),
    ("slash_footer_before_newline_and_page_break", "合计 18 1,248.35 总计 49 1,248.35\n3/12\n\f年初结转和结余 16 12.30", "合计 18 1,248.35 总计 49 1,248.35\n年初结转和结余 16 12.30"),
    ("bare_footer_before_newline_and_page_break", "合计 18 1,248.35\n12\n\f年初结转和结余 16 12.30", "合计 18 1,248.35\n年初结转和结余 16 12.30"),
    ("slash_cell_in_table_kept", "完成情况 3/12\n培训人数 3/12", "完成情况 3/12\n培训人数 3/12"),
]


@pytest.mark.parametrize(("name", "original", "expected"), CASES, ids=[c[0] for c in CASES])
def test_pdf_mess_cases(name: str, original: str, expected: str) -> None:
    result = normalize(original)
    assert result.text == expected
    assert_offsets_consistent(original, result.text, result.offsets)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("（12.50）", "-12.50"), ("(1,234.00)", "-1,234.00"), ("(12)", "(12)"), ("(本级)", "(本级)"), ("1\u2009234.56", "1234.56"), ("−3.00", "-3.00"), ("850.30\u2009120.00", "850.30 120.00")],
)
def test_cells_read_as_their_table_row_in_the_text(cell: str, expected: str) -> None:
    assert normalize_cell(cell) == expected
    assert normalize(f"结余 | {cell} | 5.00").text == f"结余 | {expected} | 5.00"


# --- running headers ------------------------------------------------------------------


def _pages(header: str, footer: str, n: int = 5, form_feed: bool = True) -> str:
    body = "第{n}部分的正文内容，情况说明如下。"
    sep = "\f" if form_feed else "\n"
    return sep.join(f"{header}\n{body.format(n=k)}\n{footer.format(n=k, total=n)}" for k in range(1, n + 1))


@pytest.mark.parametrize(
    ("header", "footer", "form_feed"),
    [
        ("某某县总工会2022年度部门决算", "第 {n} 页 共 {total} 页", True),
        ("某某县总工会2022年度部门决算", "- {n} -", False),
        ("某某区总工会2025年部门预算", "{n}/{total}", True),
        ("某某县总工会2022年度部门决算 第{n}页", "", True),
    ],
)
def test_running_header_and_footer_dropped(header: str, footer: str, form_feed: bool) -> None:
    text = normalize(_pages(header, footer, form_feed=form_feed)).text
    title = header.split(" ")[0]
    assert text.count(title) == 1, text
    assert text.startswith(title)
    for k in range(1, 6):
        assert f"第{k}部分的正文内容" in text
    for k in range(2, 6):
        assert f"第 {k} 页" not in text and f"- {k} -" not in text and f"{k}/5" not in text and f"第{k}页" not in text


def test_number_and_sentence_across_a_page_break_with_header_and_footer() -> None:
    header = "某某市总工会2024年度整体支出绩效自评报告"
    pages = [
        f"{header}\n本单位全年围绕中心工作，深入开展困难职工帮扶活动，\n第{k}季度走访慰问职工，发放慰问金合计1,\n- {k} -\f{header}\n{k}34.56万元，惠及职工家庭。"
        for k in range(1, 5)
    ]
    text = normalize("\f".join(pages)).text
    assert text.count(header) == 1
    for k in range(1, 5):
        assert f"第{k}季度走访慰问职工，发放慰问金合计1,{k}34.56万元，惠及职工家庭。" in text, text
    assert "- 2 -" not in text


PARAGRAPH = "本单位全年围绕中心工作，深入开展困难职工帮扶和劳模慰问活动，全年走访慰问困难职工家庭，发放慰问资金，"


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        # copied text: no page breaks, no page numbers; the title repeated on three pages
        (
            "某某县总工会2023年度部门决算\n一、概况说明。\n某某县总工会2023年度部门决算\n二、收入说明。\n某某县总工会2023年度部门决算\n三、支出说明。",
            "某某县总工会2023年度部门决算\n一、概况说明。\n二、收入说明。\n三、支出说明。",
        ),
        # one repeat, interrupting a sentence
        (
            f"某某县总工会2023年度部门决算\n{PARAGRAPH}\n某某县总工会2023年度部门决算\n效果良好。",
            f"某某县总工会2023年度部门决算\n{PARAGRAPH}\n效果良好。",
        ),
        # one repeat after a finished sentence: a heading of its own, kept
        (
            "某某县总工会2023年度部门决算\n一、概况说明。\n某某县总工会2023年度部门决算\n二、收入说明。",
            "某某县总工会2023年度部门决算\n一、概况说明。\n某某县总工会2023年度部门决算\n二、收入说明。",
        ),
        # a short title ("目录") repeated is not a header
        ("目录\n一、概况。\n目录\n二、收入。\n目录", "目录\n一、概况。\n目录\n二、收入。\n目录"),
    ],
)
def test_title_repeated_without_page_marks(original: str, expected: str) -> None:
    result = normalize(original)
    assert result.text == expected
    assert_offsets_consistent(original, result.text, result.offsets)


def test_repeated_prose_at_page_edges_is_not_a_header() -> None:
    closing = "以上资金均按规定用途使用，"
    pages = [f"某某县总工会2022年度部门决算\n第{k}部分的正文内容，情况说明如下。\n{closing}\n- {k} -" for k in range(1, 6)]
    assert normalize("\f".join(pages)).text.count(closing) == 5


# --- the named pattern tables of this topic ---------------------------------------------

def _examples() -> dict[str, tuple[object, list[str], list[str]]]:
    return {
        "THIN_SPACE_GROUP": (THIN_SPACE_GROUP, ["1\u2009234", "12\u202f345.6", "1\u2009234\u2009567"], ["850.30\u2009120", "1\u20092", "1 234", "1234\u2009567"]),
        "GROUPED_NUMBER_IN_PROSE": (GROUPED_NUMBER_IN_PROSE, ["1 234.56 万元", "12 345元", "1 234 567.00亿元"], ["3 234.56", "1 23 万元", "850.30 120 万元", "2 0 2 3 年"]),
        "SPACED_YEAR": (SPACED_YEAR, ["2 0 2 3 年", "1 9 9 9年", "2 0 2 3年度"], ["2023 年", "2 0 2 3", "1 2 3 4 5 年", "3 2 0 2 3 年", "1 2 3 4 年"]),
        "LETTER_SPACED_LINE": (LETTER_SPACED_LINE, ["某 某 县 总 工 会 决 算", "部 门 预 算 公 开 说 明"], ["项 目 金 额", "栏次 1 2 3 4 5 6", "1 2 3 4 5 6 7", "类 款 项 1 2 3"]),
        "ACCOUNTING_NEGATIVE": (ACCOUNTING_NEGATIVE, ["(12.50)", "(1,234.00)", "(1,234)", "(2023.45)"], ["(12)", "(1)", "(12.50万元)", "(一)", "(2023)", "(2023.12)", "(1999.1)"]),
    }


@pytest.mark.parametrize("name", list(_examples()))
def test_named_pattern(name: str) -> None:
    pattern, positives, negatives = _examples()[name]
    for text in positives:
        assert pattern.fullmatch(text) if name in ("LETTER_SPACED_LINE", "ACCOUNTING_NEGATIVE") else pattern.search(text), f"{name} should match {text!r}"  # type: ignore[attr-defined]
    for text in negatives:
        found = pattern.fullmatch(text) if name in ("LETTER_SPACED_LINE", "ACCOUNTING_NEGATIVE") else pattern.search(text)  # type: ignore[attr-defined]
        assert not found, f"{name} should not match {text!r}"


#: NUMBER_SPLITS name -> ([(end of the line, start of the next)] that are one number, [...] that are not)
SPLIT_EXAMPLES: dict[str, tuple[list[tuple[str, str]], list[tuple[str, str]]]] = {
    "decimal_point_cut": ([("收入 6,994.", "44 万元")], [("收入 6,994", "44 万元"), ("第一.", "二是")]),
    "thousands_comma_cut": ([("收入 1,", "234.56 万元")], [("分别为 12,", "3 个"), ("收入 1,", "2345 万元")]),
    "decimal_part_on_next_line": ([("合计 1,234", ".56 万元")], [("合计 1,234", "56 万元"), ("合计", ".56")]),
    "percent_sign_on_next_line": ([("增长 70.3", "%，主要")], [("增长", "%"), ("增长 70.3", "万元")]),
    "lone_digit_before_percent": ([("增长 7", "0.3%，主要"), ("下降 1", "2%")], [("增长 17", "0.3%"), ("增长 7.", "0.3%"), ("增长 7", "0.3 万元")]),
}


def test_every_split_has_examples() -> None:
    assert set(SPLIT_EXAMPLES) | {"prose_number_cut"} == set(NUMBER_SPLITS)


@pytest.mark.parametrize("name", list(SPLIT_EXAMPLES))
def test_number_split(name: str) -> None:
    end_pattern, start_pattern = NUMBER_SPLITS[name]
    positives, negatives = SPLIT_EXAMPLES[name]
    for prev, nxt in positives:
        assert end_pattern.search(prev) and start_pattern.match(nxt), (name, prev, nxt)
    for prev, nxt in negatives:
        assert not (end_pattern.search(prev) and start_pattern.match(nxt)), (name, prev, nxt)


@pytest.mark.parametrize(
    ("prev", "nxt", "expected"),
    [
        ("本年收入比上年增长 7", "0.3%，主要原因是人数增加。", "join"),
        ("全年走访慰问困难职工，发放慰问金 12", "3.45 万元，惠及职工家庭。", "join"),
        ("基本支出 850.30", "120.00", "break"),
        ("合计 850.30 850.30", "2023年，本单位收支平衡。", "break"),
        ("全年发放慰问金共计 12", "2024年工作计划", "break"),
        ("一般公共服务支出 6,383.59", "20129 群众团体事务 6,383.59", "break"),
        ("本单位组织技能竞赛，活动于2023年1", "2月底前全部完成，参与职工较多。", "join"),
        ("活动于2023年1", "2月底前全部完成，参与职工较多。", "break"),
    ],
)
def test_join_kind_numbers(prev: str, nxt: str, expected: str) -> None:
    assert join_kind(prev, nxt, float("inf")) == expected


def test_digits_at_a_full_width_wrap_are_joined_without_a_space() -> None:
    prev = "本单位全年围绕中心工作，深入开展困难职工帮扶活动，比上年下降12.8"
    assert join_kind(prev, "7个百分点以上，效果明显。", 20.0) == "join"
    assert join_kind(prev, "7 以上，效果明显。", 20.0) == "join"
    assert join_kind(prev, "7 以上，效果明显。", 200.0) == "break"


# --- the offset map still holds on messy input -------------------------------------------

MESS_PIECES = st.sampled_from(
    [
        "增长 7", "\n", "0.3%，", "1,234.", "56 万元", "1,", "234.56", "2 0 2 3 年", "某 某 县 总 工 会 部 门 决 算",
        "－12.5", "−12.50", "（12.50）", "(1,234.00)", " | ", "1\u2009234.56", "1\u202f234", "\u00a0", "\u00ad", "\u200e",
        "\u2060", "\f", "第 3 页 共 12 页", "- 3 -", "3/12", "合计 850.30", "120.00", "本年收入合计 1 234.56 万元，",
        "部门", "决算", "。", "%", ".56", "栏次 1 2 3",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(MESS_PIECES, min_size=0, max_size=40), st.data())
def test_messy_spans_map_back_to_exact_quotes(pieces: list[str], data: st.DataObject) -> None:
    original = "".join(pieces)
    result = normalize(original)
    assert_offsets_consistent(original, result.text, result.offsets)
    if not result.text:
        return
    doc = SourceDocument(doc_id="x", source="x.txt", original=original, text=result.text, offsets=result.offsets)
    start = data.draw(st.integers(0, len(result.text) - 1))
    end = data.draw(st.integers(start + 1, len(result.text)))
    evidence = doc.evidence(start, end, "test@1")
    assert evidence.quote == original[evidence.start : evidence.end]
