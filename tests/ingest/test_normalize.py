"""Normalisation: table-driven cases, the named pattern tables, and the offset map property."""

from __future__ import annotations

import re
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unionkg.ingest.normalize import (
    CHAR_MAP,
    OCR_DIGIT_LOOKALIKES,
    YEAR_WORD_DIGITS,
    HEADING_STARTS,
    INLINE_ARTEFACTS,
    PAGE_FURNITURE,
    is_pinyin_gloss,
    is_table_row,
    join_kind,
    normalize,
    normalize_cell,
)
from unionkg.model import SourceDocument


def wrap(paragraph: str, width: int = 24, blank_lines: bool = True) -> str:
    """Hard-wrap a paragraph the way PDF text extraction does (a blank line after each line)."""
    lines = [paragraph[i : i + width] for i in range(0, len(paragraph), width)]
    return ("\n\n" if blank_lines else "\n").join(lines)


PROSE = (
    "按支出经济分类划分：基本支出3108.38万元，其中工资福利支出3092.61万元，占支出预算总额的95.5%；"
    "商品和服务支出0万元，占支出预算总额的0%；对个人和家庭的补助15.77万元，占支出预算总额的0.5%；"
    "项目支出130万元，占支出预算总额的4%，主要用于劳模慰问和职工服务。"
)

ENGLISH = "The federation reported total revenue of 100 and expenditure of 90 in the year under review, with details below " * 3 + "and a summary."

CASES: list[tuple[str, str, str]] = [
    ("traditional_and_pinyin", "本年收入合計100萬(wàn)元，績（jì）效目標已完成。", "本年收入合计100万元，绩效目标已完成。"),
    ("toneless_gloss_matching_reading", "支出50萬(wan)元。", "支出50万元。"),
    ("tone_digit_gloss", "支出50萬(wan4)元。", "支出50万元。"),
    ("multi_syllable_gloss", "績效(jìxiào)目標", "绩效目标"),
    ("abbreviation_is_not_a_gloss", "政府和社会资本合作(PPP)项目", "政府和社会资本合作(PPP)项目"),
    ("real_parentheses_kept", "南昌市总工会(本级)支出（一）", "南昌市总工会(本级)支出(一)"),
    ("fullwidth_digits_percent", "支出１２３．４５万元，占１０％", "支出123.45万元，占10%"),
    ("fullwidth_thousands_comma", "合计１，２３４．５６万元", "合计1,234.56万元"),
    ("chinese_comma_between_ascii_digits_kept", "分别为12，13人", "分别为12，13人"),
    ("comparator_glyphs", "满意度≧90%，投诉率≦5%，完成率═100%，合格率﹦100%，人数＞10，费用＜5，比率＝1", "满意度≥90%，投诉率≤5%，完成率=100%，合格率=100%，人数>10，费用<5，比率=1"),
    ("ascii_comparators_kept", "社会满意度 >=90% 92% 5 5", "社会满意度 >=90% 92% 5 5"),
    ("headings_keep_their_line", "（一）部门职责\n\n（二）机构设置\n\n1.单位概况\n\n(1)南昌\n\n二、情况", "(一)部门职责\n(二)机构设置\n1.单位概况\n(1)南昌\n二、情况"),
    ("dashed_page_number_dropped", "项目部门评价报告见第五部分附件。\n\n\n\n— 33 —\n\n第四部分 名词解释", "项目部门评价报告见第五部分附件。\n第四部分 名词解释"),
    ("hyphen_page_number_dropped", "说明如下。\n- 12 -\n二、其他", "说明如下。\n二、其他"),
    ("page_of_pages_dropped", "说明如下。\n第 3 页 共 20 页\n二、其他", "说明如下。\n二、其他"),
    ("bookmarks_dropped", "[bookmark: _Toc166074191]一、单位概况\n[bookmark: _Toc1][bookmark: _Toc2]（一）基本情况", "一、单位概况\n(一)基本情况"),
    ("spaces_collapsed_and_stripped", "  基本支出   3108.38 \u3000  万元  ", "基本支出 3108.38 万元"),
    ("crlf_and_zero_width", "第一行。\r\n\u200b第二行。\r\n", "第一行。\n第二行。"),
    ("number_cut_after_decimal_point", "一般公共预算财政拨款收入 6,994.\n\n44 万元。", "一般公共预算财政拨款收入 6,994.44 万元。"),
    ("table_rows_stay_rows", "合计 7,794.44 7,794.44\n\n201 一般公共服务支出 6,383.59 6,383.59\n\n20129 群众团体事务 6,383.59 6,383.59", "合计 7,794.44 7,794.44\n201 一般公共服务支出 6,383.59 6,383.59\n20129 群众团体事务 6,383.59 6,383.59"),
    ("pipe_rows_stay_rows", "项目 | 金额\n基本支出 | 3,108.38", "项目 | 金额\n基本支出 | 3,108.38"),
    ("bare_number_in_a_table_kept", "一级指标 分值 二级指标 分值\n\n决策\n\n40\n\n项目立项 6", "一级指标 分值 二级指标 分值\n决策\n40\n项目立项 6"),
    ("continuation_punctuation_joins", "本年收入合计100万元\n，比上年增长5%。", "本年收入合计100万元，比上年增长5%。"),
    ("short_lines_are_not_joined", "江门市总工会整体支出绩效评价\n\n自评报告\n\n一、部门情况", "江门市总工会整体支出绩效评价\n自评报告\n一、部门情况"),
    ("wrapped_paragraph_joined", wrap(PROSE), PROSE),
    ("wrapped_without_blank_lines", wrap(PROSE, 30, blank_lines=False), PROSE),
    ("wrap_inside_a_number", wrap(PROSE, 23), PROSE),
    ("bare_page_number_between_prose_dropped", wrap(PROSE[:72]) + "\n\n\n\n8\n\n" + wrap(PROSE[72:]), PROSE),
    ("latin_words_joined_with_space", "\n".join(textwrap.wrap(ENGLISH, 40)), ENGLISH),
]


@pytest.mark.parametrize(("name", "original", "expected"), CASES, ids=[c[0] for c in CASES])
def test_normalize_cases(name: str, original: str, expected: str) -> None:
    result = normalize(original)
    assert result.text == expected
    assert_offsets_consistent(original, result.text, result.offsets)


def test_running_headers_dropped_after_the_first_page() -> None:
    header = "某某市总工会2023年部门决算"
    pages = [f"{header}\n第{n}部分的正文内容，情况说明如下。\n- {n} -" for n in range(1, 6)]
    text = normalize("\f".join(pages)).text
    assert text.count(header) == 1
    assert text.startswith(header)
    assert "第5部分的正文内容" in text
    assert "- 3 -" not in text


def test_bare_number_at_a_page_break_dropped() -> None:
    text = normalize("第一页的最后一行内容。\n7\f第二页的内容。").text
    assert text == "第一页的最后一行内容。\n第二页的内容。"


def test_normalize_cell() -> None:
    assert normalize_cell(" 萬(wàn)元\n合計 ") == "万元 合计"
    assert normalize_cell("１２３") == "123"


# --- the named pattern tables ---------------------------------------------------

PATTERN_EXAMPLES: dict[str, dict[str, tuple[list[str], list[str]]]] = {
    "INLINE_ARTEFACTS": {
        "docx_bookmark": (["[bookmark: _Toc166074191]", "[bookmark: _Hlk107055285]"], ["[bookmark]", "bookmark: x", "[注: 见附件]"]),
        "docx_image": (["[image: chart.png]"], ["[图片]", "image: x"]),
        "footnote_mark": (
            ["收入预算总额286.40万元①，", "走访困难职工200户[1]。", "增长4.68%②", "（详见附表）③ 其余"],
            ["主要措施：①加强管理", "① 数据来源：财政局", "[1] 含困难职工", "见附表[1]中的说明", "措施①加强"],
        ),
    },
    "PAGE_FURNITURE": {
        "dashed_page_number": (["— 33 —", "- 12 -", "－5－", "——7——"], ["— 33", "-12", "2012-2013", "一般 — 支出"]),
        "dotted_page_number": (["· 3 ·", "•12•"], ["·", "3·4"]),
        "chinese_page_of": (["第 3 页 共 20 页", "第3页", "第3页/共20页", "共20页 第3页"], ["第3部分", "第三页", "第3页内容"]),
        "page_of": (["Page 3", "page 3 of 20", "Page 3/20"], ["Pages", "Page three"]),
        "slash_page_of": (["3 / 20", "3/20"], ["3/20/2024", "1/2/3"]),
        "named_page_number": (
            ["拉萨市城关区总工会 第 3 页", "某县总工会2023年度部门决算 第3页 共12页", "- 7 - 2023年部门决算", "第 4 页 某市总工会"],
            ["详见第3页", "行政运行 第 3 页", "合计 120.50 第 3 页", "支出，详见 第 3 页", "第 3 页 120.50"],
        ),
    },
    "HEADING_STARTS": {
        "numeral_item": (["一、部门职责", "十二、其他", "二.说明"], ["一般公共服务", "二是加强"]),
        "paren_numeral": (["(一)部门职责", "(十二)其他"], ["(本级)", "(1)"]),
        "arabic_item": (["1.单位概况", "12、其他", "3.强化"], ["2.5万元", "2021年", "123.单位"]),
        "paren_arabic": (["(1)南昌", "(15)承办"], ["(2021)", "(一)"]),
        "part_chapter": (["第一部分 概况", "第二章", "第3节", "第十条"], ["第一次会议", "第3页"]),
        "circled_number": (["①加强", "⑴加强"], ["1加强"]),
        "note_or_annex": (["注：本表反映", "附件：", "附件1", "说明：", "附表2"], ["注意", "说明书"]),
        "bullet": (["• 加强", "●加强"], ["加强"]),
        "numbered_point": (["一是加强理论武装", "三是强化"], ["一是", "统一是", "是一"]),
    },
}

TABLES = {"INLINE_ARTEFACTS": INLINE_ARTEFACTS, "PAGE_FURNITURE": PAGE_FURNITURE, "HEADING_STARTS": HEADING_STARTS}


def test_every_named_pattern_has_examples() -> None:
    for table_name, table in TABLES.items():
        assert set(table) == set(PATTERN_EXAMPLES[table_name]), table_name


@pytest.mark.parametrize(
    ("table_name", "pattern_name"),
    [(t, p) for t, patterns in PATTERN_EXAMPLES.items() for p in patterns],
)
def test_named_pattern(table_name: str, pattern_name: str) -> None:
    pattern = TABLES[table_name][pattern_name]
    positives, negatives = PATTERN_EXAMPLES[table_name][pattern_name]
    full = table_name == "PAGE_FURNITURE"  # whole lines
    match = pattern.fullmatch if full else (pattern.match if table_name == "HEADING_STARTS" else pattern.search)
    for text in positives:
        assert match(text), f"{pattern_name} should match {text!r}"
    for text in negatives:
        assert not match(text), f"{pattern_name} should not match {text!r}"


@pytest.mark.parametrize(
    ("gloss", "preceding", "expected"),
    [("wàn", "萬", True), ("wan", "萬", True), ("jixiao", "績效", True), ("ji4", "績", True), ("PPP", "合作", False), ("abc", "合作", False), ("ben", "支出", False)],
)
def test_is_pinyin_gloss(gloss: str, preceding: str, expected: bool) -> None:
    assert is_pinyin_gloss(gloss, preceding) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("合计 7,794.44 7,794.44", True),
        ("800.00 800.00", True),
        ("40", True),
        ("社会满意度 >=90% 92% 5 5", True),
        ("一级指标 分值 二级指标 分值", True),
        ("项 目", True),
        ("基本支出 | 3,108.38", True),
        ("按支出经济分类划分：基本支出 3108.38 万元，其中：工资福利", False),
        ("4、年度预算安排：市总工会拨付给某科技有限公司 130", False),
        ("2230199 其他解决历史遗留问题及改革成本", False),
        ("做好 2021 年工作 5 月完成", False),
    ],
)
def test_is_table_row(line: str, expected: bool) -> None:
    assert is_table_row(line) is expected


@pytest.mark.parametrize(
    ("prev", "nxt", "full_width", "expected"),
    [
        ("围绕党和国家工作大局，贯彻执行全国工会代表大会、执委会和", "南昌工会代表大会确定的方针。", 50.0, "join"),
        ("围绕党和国家工作大局，贯彻执行全国工会代表大会、执委会和", "(二)依照法律", 50.0, "break"),
        ("进一步突出和履行维护职能。", "南昌工会代表大会确定的方针。", 10.0, "break"),
        ("决策", "40", 50.0, "break"),
        ("收入 6,994.", "44 万元", 50.0, "join"),
        ("The federation reported total revenue of", "100 million yuan", 30.0, "space"),
        ("The federation reported total revenue and", "expenditure", 30.0, "space"),
    ],
)
def test_join_kind(prev: str, nxt: str, full_width: float, expected: str) -> None:
    assert join_kind(prev, nxt, full_width) == expected


# --- the offset map ------------------------------------------------------------


def derived_from(norm_ch: str, orig_ch: str) -> bool:
    """Could normalised character ``norm_ch`` come from original character ``orig_ch``?"""
    if norm_ch == orig_ch or CHAR_MAP.get(orig_ch) == norm_ch:
        return True
    if norm_ch in "\n " and (orig_ch.isspace() or orig_ch in "\f"):
        return True
    if orig_ch == "，" and norm_ch == ",":
        return True
    if norm_ch == "-" and orig_ch in "(（":  # an accounting negative (12.50) reads -12.50
        return True
    if norm_ch == "." and orig_ch == ",":  # a decimal comma of a table cell ("88,60")
        return True
    if OCR_DIGIT_LOOKALIKES.get(orig_ch) == norm_ch:  # a letter OCR read for a digit ("12O.5")
        return True
    if YEAR_WORD_DIGITS.get(orig_ch) == norm_ch:  # a year printed in words ("二〇二三年")
        return True
    return bool(re.match(r"[\u3400-\u9fff]", norm_ch) and re.match(r"[\u3400-\u9fff]", orig_ch))  # t2s


def assert_offsets_consistent(original: str, text: str, offsets: list[int]) -> None:
    assert len(offsets) == len(text) + 1
    assert offsets[-1] == len(original)
    assert all(a <= b for a, b in zip(offsets, offsets[1:])), "offsets must be non-decreasing"
    for i, ch in enumerate(text):
        assert 0 <= offsets[i] < len(original)
        inserted = ch == " " and offsets[i] == offsets[i + 1]  # a space between glued table cells (GLUED_CELLS) maps to the character after it
        assert inserted or derived_from(ch, original[offsets[i]]), (i, ch, original[offsets[i]])


PIECES = st.sampled_from(
    [
        "南昌市总工会", "部門決算", "萬(wàn)元", "績（jì）效", "１２３．４５", "％", "≧", "≦", "═", "﹦", "＞", "＜",
        "（一）", "(本级)", "\n", "\n\n", "\r\n", "\f", "  ", "\u3000", "— 33 —", "\n8\n", "[bookmark: _Toc1]",
        "6,994.", "44", "。", "，", "：", "合计 7,794.44 7,794.44", " | ", "abc", "第 3 页 共 20 页", "二、", "1.", "(1)",
        "其中：工资福利", "支出", "围绕党和国家工作大局，贯彻执行全国工会代表大会", "\u200b", "乾隆", "著名", "(PPP)",
        "12O.5", "88,60", "88. 60", "二〇二三年", "2l01", "3/5", "某区总工会 第 3 页", "≥9O%",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, min_size=0, max_size=60), st.data())
def test_every_span_maps_back_to_an_exact_quote(pieces: list[str], data: st.DataObject) -> None:
    original = "".join(pieces)
    result = normalize(original)
    assert_offsets_consistent(original, result.text, result.offsets)
    doc = SourceDocument(doc_id="x", source="x.txt", original=original, text=result.text, offsets=result.offsets)
    if not result.text:
        return
    start = data.draw(st.integers(0, len(result.text) - 1))
    end = data.draw(st.integers(start + 1, len(result.text)))
    evidence = doc.evidence(start, end, "test@1")
    assert evidence.quote == original[evidence.start : evidence.end]
    assert evidence.start == result.offsets[start]
    assert evidence.end == result.offsets[end - 1] + 1
    # Every normalised character of the span comes from inside the quote.
    assert all(evidence.start <= result.offsets[i] < evidence.end for i in range(start, end))
