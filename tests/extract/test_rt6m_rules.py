"""Table-driven tests of the rules written for the rt6m documents (tests/extract/test_rt6m_corpus.py):
codes printed with dots, column headers repeated after a page break, a whole table on one
line, counts stated at a day of another year, reasons right after a change, items sharing
two endings (收、支预算总额), and the title and publication date of the document context."""

from __future__ import annotations


import pytest

from unionkg.extract.context import _published, _title
from unionkg.extract.final_accounts import code_rows_from_cell_lines, drop_repeated_headers
from unionkg.extract.narrative import _changed_items, _count_year_and_phase, _reason_right_after
from unionkg.extract.tables import TABLE_PATTERNS, iter_lines, merge_dotted_codes, prints_dotted_codes, split_run_on_rows
from unionkg.model import Phase

# --- codes printed with dots ----------------------------------------------------------

DOTTED_CODES: dict[str, tuple[list[str], list[str]]] = {
    "dotted_code": (["208.05.05", "208.05", "301.02", "501.01.99"], ["2080505", "208.5", "2080.505", "108.05.05", "208.05.05.01"]),
    "dotted_code_two_dots": (["208.05.05", "210.11.01"], ["208.05", "208.05.5", "1,234.56"]),
}


@pytest.mark.parametrize(("name", "text", "expected"), [(n, t, True) for n, (ps, _) in DOTTED_CODES.items() for t in ps] + [(n, t, False) for n, (_, ns) in DOTTED_CODES.items() for t in ns])
def test_dotted_code_patterns(name: str, text: str, expected: bool) -> None:
    assert (TABLE_PATTERNS[name].fullmatch(text) is not None) is expected


#: (line, whether the text prints two-dot codes, the first token read as a code or None)
MERGED: list[tuple[str, bool, str | None]] = [
    ("208.05.05 机关事业单位基本养老保险缴费支出 34.98 34.98", False, "2080505"),
    ("210.11.01", False, "2101101"),  # alone on its line, the name on the next
    ("208.05 行政事业单位养老支出 52.46 52.46", True, "20805"),
    ("208.05 行政事业单位养老支出 52.46 52.46", False, None),  # one dot, no two-dot codes: an amount
    ("208.05 52.46", True, None),  # no name after it: an amount
    ("一、一般公共服务支出 208.05", True, None),  # not at the start of the row
]


@pytest.mark.parametrize(("text", "dotted", "code"), MERGED)
def test_merge_dotted_codes(text: str, dotted: bool, code: str | None) -> None:
    line = next(iter_lines(text))
    merged = merge_dotted_codes(line, dotted)
    if code is None:
        assert merged == line
    else:
        assert merged.tokens[0].text == code and text[merged.tokens[0].start : merged.tokens[0].end] == line.tokens[0].text


def test_prints_dotted_codes_needs_a_two_dot_code_at_a_row_start() -> None:
    assert prints_dotted_codes(iter_lines("208 社会保障和就业支出 52.46\n208.05.05 机关事业单位基本养老保险缴费支出 34.98"))
    assert not prints_dotted_codes(iter_lines("208.05 行政事业单位养老支出 52.46\n合计 398.40"))


# --- column headers repeated after a page break ------------------------------------------

HEADER = "项目 本年支出合计 基本支出 项目支出\n支出功能分类科目编码 科目名称\n类 款 项\n栏次 1 2 3\n"


def _texts(lines: list) -> list[str]:
    return [ln.text for ln in lines]


def test_repeated_header_rows_after_a_page_break_are_dropped() -> None:
    body = HEADER + "合计 10.00 6.00 4.00\n2012901 行政运行 6.00 6.00\n" + HEADER + "2012999 其他群众团体事务支出 4.00 4.00\n"
    kept = _texts(drop_repeated_headers(list(iter_lines(body))))
    assert kept == [*HEADER.strip().split("\n"), "合计 10.00 6.00 4.00", "2012901 行政运行 6.00 6.00", "2012999 其他群众团体事务支出 4.00 4.00"]


def test_rows_that_repeat_no_header_line_are_kept() -> None:
    body = "项目 预算数\n合计 10.00\n项目\n一般公共服务支出 10.00\n一般公共服务支出 10.00\n"
    # one-cell lines ("项目") may be a row's label; a repeated row is not a header
    assert _texts(drop_repeated_headers(list(iter_lines(body)))) == body.strip().split("\n")


# --- a whole table on one line -------------------------------------------------------

RUN_ON: list[tuple[str, list[str]]] = [
    (
        "项目 预算数 合计 7.80 因公出国(境)费 0.00 公务接待费 1.80 公务用车购置及运行费 6.00",
        ["项目 预算数", "合计 7.80", "因公出国(境)费 0.00", "公务接待费 1.80", "公务用车购置及运行费 6.00"],
    ),
    ("合计 7.80 7.50 公务接待费 1.80 1.50 公务用车运行费 6.00 6.00", ["合计 7.80 7.50", "公务接待费 1.80 1.50", "公务用车运行费 6.00 6.00"]),
]
NOT_RUN_ON: list[str] = [
    "一、一般公共预算拨款收入 498.30 一、一般公共服务支出 421.50",  # two sides of a 收支总表 row
    "30101 基本工资 98.60 30201 办公费 18.00 30228 工会经费 14.00",  # codes: econ triples
    "1.因公出国(境)费 2 0.00 公务接待费 3 1.80 公务用车费 4 6.00",  # 行次 integers
    "合计 7.80 公务接待费 1.80 其他",  # two groups and a trailing label
]


@pytest.mark.parametrize(("text", "rows"), RUN_ON)
def test_a_table_on_one_line_is_split_into_rows(text: str, rows: list[str]) -> None:
    split = split_run_on_rows(next(iter_lines(text)))
    assert _texts(split) == rows
    for row in split:
        assert text[row.start : row.end] == row.text


@pytest.mark.parametrize("text", NOT_RUN_ON)
def test_rows_that_are_not_a_table_on_one_line_stay(text: str) -> None:
    line = next(iter_lines(text))
    assert split_run_on_rows(line) == [line]


#: A code table on one line (tables of classification codes only: ``codes=True``).
CODED_RUN_ON: list[tuple[str, list[str]]] = [
    (
        "科目编码 科目名称 合计 基本支出 项目支出 合计 498.30 352.30 146.00 201 一般公共服务支出 407.50 261.50 146.00 "
        "2012901 行政运行 261.50 261.50 2012999 其他群众团体事务支出 146.00 146.00",
        ["科目编码 科目名称 合计 基本支出 项目支出", "合计 498.30 352.30 146.00", "201 一般公共服务支出 407.50 261.50 146.00",
         "2012901 行政运行 261.50 261.50", "2012999 其他群众团体事务支出 146.00 146.00"],
    ),
]
CODED_NOT_RUN_ON: list[str] = [
    "合计 498.30 201 一般公共服务支出 407.50",  # two rows only
    "一、“三公”经费支出 1 85.00 2.公务接待费 2 25.00 3.公务用车费 3 60.00",  # 行次, not codes
    "合计 12 201 一般公共服务支出 10 208 社会保障和就业支出 2",  # amounts without decimals: a code cannot be told apart
]


@pytest.mark.parametrize(("text", "rows"), CODED_RUN_ON)
def test_a_code_table_on_one_line_is_split_into_rows(text: str, rows: list[str]) -> None:
    line = next(iter_lines(text))
    assert _texts(split_run_on_rows(line, codes=True)) == rows
    assert split_run_on_rows(line) == [line]  # not in tables of items


@pytest.mark.parametrize("text", CODED_NOT_RUN_ON)
def test_code_rows_that_are_not_a_table_on_one_line_stay(text: str) -> None:
    line = next(iter_lines(text))
    assert split_run_on_rows(line, codes=True) == [line]


# --- counts stated at a day of another year ------------------------------------------------

COUNT_DATES: list[tuple[str, int, Phase | None, tuple[int, Phase | None]]] = [
    ("截至2022年12月31日，本部门共有车辆2辆", 2023, Phase.BUDGET, (2022, None)),
    ("截止到2021年底，本单位共有车辆3辆", 2023, Phase.BUDGET, (2021, None)),
    ("截至2023年底，本部门共有车辆2辆", 2023, Phase.FINAL, (2023, Phase.FINAL)),  # the document's own year
    ("本部门共有车辆2辆", 2023, Phase.BUDGET, (2023, Phase.BUDGET)),  # no day stated
    ("2022年购置车辆2辆", 2023, Phase.BUDGET, (2023, Phase.BUDGET)),  # a year, not a day counted at
]


@pytest.mark.parametrize(("sentence", "year", "phase", "expected"), COUNT_DATES)
def test_count_year_and_phase(sentence: str, year: int, phase: Phase | None, expected: tuple[int, Phase | None]) -> None:
    assert _count_year_and_phase(sentence, 0, sentence.rindex("2辆") if "2辆" in sentence else sentence.rindex("3辆"), year, phase) == expected


# --- a reason right after a change ---------------------------------------------------------

REASONS: list[tuple[str, str | None]] = [
    ("增长5.04%，主要原因是职工服务阵地建设经费增加。", "职工服务阵地建设经费增加"),
    ("增长7.35%。主要原因是职工帮扶项目支出增加。", "职工帮扶项目支出增加"),
    ("增长7.35%。其他收入 3.00 万元，主要原因是利息增加。", None),  # the reason of a later figure
    ("增长7.35%。", None),
    ("增长7.35%，主要原因是******。", None),  # a template placeholder
]


@pytest.mark.parametrize(("text", "reason"), REASONS)
def test_reason_right_after_a_change(text: str, reason: str | None) -> None:
    assert _reason_right_after(text, text.index("%") + 1) == reason


# --- items that share two endings -----------------------------------------------------------

SHARED: list[tuple[str, list[str]]] = [
    ("收、支预算总额各", ["收入预算总额", "支出预算总额"]),
    ("收入、支出决算总计", ["收入决算总计", "支出决算总计"]),
    ("收、支总计各", ["收入总计", "支出总计"]),
    ("基本支出、项目支出", ["基本支出", "项目支出"]),
    ("行政运行、一般行政管理事务预算", ["行政运行预算", "一般行政管理事务预算"]),  # 管理事务 is no shared ending
]


@pytest.mark.parametrize(("label", "items"), SHARED)
def test_changed_items_with_shared_endings(label: str, items: list[str]) -> None:
    assert _changed_items(label) == items


# --- title and publication date ---------------------------------------------------------------

TITLES: list[tuple[list[str], str]] = [
    (["某某县总工会2023年部门预算", "目 录", "第一部分 概况"], "某某县总工会2023年部门预算"),
    (["某某县总工会2023年部门预算", "目录"], "某某县总工会2023年部门预算"),
    (["某某县总工会", "2023年部门预算"], "某某县总工会2023年部门预算"),  # a short second line continues it
    (["某某县总工会2024年部门预算", "部门支出总表"], "某某县总工会2024年部门预算"),  # the first table's title
    (["某某县总工会2024年部门预算", "公开03表"], "某某县总工会2024年部门预算"),
    (["某某县总工会", "部门预算公开表"], "某某县总工会部门预算公开表"),  # no year yet: the title goes on
]


@pytest.mark.parametrize(("lines", "title"), TITLES)
def test_title_stops_before_a_table_of_contents(lines: list[str], title: str) -> None:
    assert _title(lines) == title


PUBLISHED: list[tuple[str, str | None]] = [
    ("截至2022年12月31日，本部门共有车辆2辆。", None),
    ("截止到2022年12月31日，共有车辆2辆。\n某某县总工会\n2023年2月10日", "2023-02-10"),
    ("某某县总工会\n2023年2月10日", "2023-02-10"),
]


@pytest.mark.parametrize(("text", "published"), PUBLISHED)
def test_published_is_not_a_day_a_count_is_taken_at(text: str, published: str | None) -> None:
    assert _published(text) == published




# --- a code table printed one cell per line ------------------------------------------------

CELL_LINES = "编制单位：某某县总工会\n科目编码\n科目名称\n合计\n基本支出\n项目支出\n合计\n12.00\n8.00\n4.00\n201\n一般公共服务支\n出\n12.00\n8.00\n4.00\n2012901\n行政运行\n8.00\n8.00\n"


def test_code_rows_from_cell_lines() -> None:
    rows = code_rows_from_cell_lines(list(iter_lines(CELL_LINES)), CELL_LINES)
    assert [" ".join(t.text for t in row.tokens) for row in rows] == [
        "编制单位：某某县总工会",
        "科目编码 科目名称 合计 基本支出 项目支出",  # the header's 合计 is a column: a name follows it
        "合计 12.00 8.00 4.00",
        "201 一般公共服务支 出 12.00 8.00 4.00",
        "2012901 行政运行 8.00 8.00",
    ]
    for row in rows:
        assert CELL_LINES[row.start : row.end] == row.text


def test_cell_lines_without_rows_stay() -> None:
    text = "科目编码\n科目名称\n合计\n基本支出\n"
    lines = list(iter_lines(text))
    assert code_rows_from_cell_lines(lines, text) == lines


# --- project names wrapped above their figures ------------------------------------------------

PROJECT_TABLE = (
    "某某市总工会2024年部门预算\n项目支出表\n编制单位：某某市总工会 金额单位：万元\n单位名称 项目名称 合计 财政拨款 其他资金\n"
    "某某市总工会 困难职工帮扶及送温暖\n慰问项目 120.00 120.00\n某某市总工会 职工技能\n竞赛项目 30.00 25.00 5.00\n"
    "某某市总工会 工会阵地建设项目 46.50 46.50\n合计 196.50 191.50 5.00\n"
)


def test_project_names_wrapped_above_their_figures() -> None:
    from unionkg.extract.budget_tables import extract_budget_tables
    from unionkg.model import DocumentContext, Project, SourceDocument

    doc = SourceDocument("p" * 16, "p.txt", PROJECT_TABLE, PROJECT_TABLE, list(range(len(PROJECT_TABLE) + 1)), genre="budget")
    facts = extract_budget_tables(doc, DocumentContext(org="某某市总工会", year=2024, genre="budget"))
    projects = {f.name: f.budget for f in facts if isinstance(f, Project)}
    assert projects == {"困难职工帮扶及送温暖慰问项目": 1200000, "职工技能竞赛项目": 300000, "工会阵地建设项目": 465000}
    quotes = {f.name: f.evidence.quote for f in facts if isinstance(f, Project)}
    assert quotes["困难职工帮扶及送温暖慰问项目"] == "某某市总工会 困难职工帮扶及送温暖\n慰问项目 120.00"  # the quote starts with the row


WRAPPED_ROW_STARTS: list[tuple[str, bool]] = [
    ("某某市总工会 困难职工帮扶及送温暖", True),
    ("单位名称 项目名称", False),  # the header
    ("项目 合计 财政拨款", False),
    ("编制单位：某某市总工会 金额单位：万元", False),
    ("送温暖慰问", False),  # one cell: the rest of the name above
    ("某某市总工会 困难职工帮扶 120.00", False),  # figures: a row of its own
]


@pytest.mark.parametrize(("text", "starts"), WRAPPED_ROW_STARTS)
def test_starts_wrapped_row(text: str, starts: bool) -> None:
    from unionkg.extract.budget_tables import PROJECT_TEXT_COLUMNS, _starts_wrapped_row

    assert _starts_wrapped_row(next(iter_lines(text)), PROJECT_TEXT_COLUMNS) is starts


# --- the end of a code's name printed under the row's figures ------------------------------------

NAME_ENDS: list[tuple[str, str]] = [
    ("2080505 机关事业单位基本养老保险缴费支 60.00 60.00\n出\n2080506 机关事业单位职业年金缴费支出 40.00 40.00", "机关事业单位基本养老保险缴费支出"),
    ("2080501 行政单位离退 12.00 12.00\n休\n", "行政单位离退休"),
    ("30108 机关事业单位基本养老保险缴 12.00\n费\n", "机关事业单位基本养老保险缴费"),
    ("2012901 行政运行 8.00 8.00\n出\n", "行政运行"),  # a complete name takes nothing
    ("2012999 其他群众团体事务支 8.00\n合计\n", "其他群众团体事务支"),  # a total word is no fragment
    ("2012999 其他群众团体事务支 8.00\n单位：万元\n", "其他群众团体事务支"),  # no usual ending: not its name
    ("2080208 基层政权建设和社区治理 12.00\n助支出\n", "基层政权建设和社区治理"),  # a header cell's end: longer than 支出
]


@pytest.mark.parametrize(("text", "name"), NAME_ENDS)
def test_name_end_under_the_figures(text: str, name: str) -> None:
    from unionkg.extract.final_accounts import reassemble_code_rows

    row = reassemble_code_rows(iter_lines(text))[0]
    assert "".join(t.text for t in row.label_tokens[1:]) == name


def test_pipe_table_rows_are_the_tables_not_prose() -> None:
    from unionkg.extract.narrative import _clean_label, _table_row_spans
    from unionkg.extract.textview import prose_view
    from unionkg.model import SourceDocument

    text = (
        "一般公共预算“三公”经费支出表\n编制单位：某某县总工会\n项目 | 预算数\n公务接待费 | 1.80万元\n| 说明 | 含会议费，共1.00万元 |\n"
        "2024年公务接待费1.80万元，比上年减少。\n第三部分 其他情况\n困难职工帮扶 | 120万元\n"
    )
    doc = SourceDocument("r" * 16, "r.txt", text, text, list(range(len(text) + 1)), genre="budget")
    view = prose_view(doc)
    rows = [view.text[a:b] for a, b in _table_row_spans(view, "budget")]
    assert "公务接待费 | 1.80万元" in rows
    assert not any("含会议费" in r for r in rows)  # a sentence in a cell stays prose
    assert not any("困难职工帮扶" in r for r in rows)  # a table no reader knows stays prose
    assert _table_row_spans(view, "performance") == []
    assert _clean_label("1 | 公务接待费 | ", []) == ("公务接待费", None)
