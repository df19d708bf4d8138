"""Extraction leftovers of round 11 and new layouts of the genre, with their rules:

* a staffing label opens with the connective that joins it to the figure before ("…实有 8 人，另有
  由某基金发放养老金的退休人员 3 人", "此外还有…"): the label is the group, its quote starts at it
  (postprocess.without_staff_connectives, STAFF_LABEL_CONNECTIVES);
* a vertical staffing table's label narrowed by a "…的" qualifier ("其中：由养老保险基金发放养老金的
  离退休人员<TAB>15") is a row of the table, and one such line alone is a table (statistics.
  qualified_staff_category, is_staff_run);
* a grid row without a label cell inherits the label printed alone on the line above it (a merged
  cell): a 三公 grid's "决算数" over " | 10.20 | …" (budget_tables.is_grid_row_label), a 收支总表's
  "本年收入合计 |  | 本年支出合计 |" over " | 280.40 |  | 280.40", a 项目支出表's or an item table's name
  over its figures (tables.labels_over_values: never the tail of the name above, "职工书屋建设" and
  "合计" are no "职工书屋建设合计"); a row with no label above keeps its quote from its first figure
  (never a label invented); a grid row wrapped onto the next line ("2025年预算数 | 6.00 | 0.00" / " | 4.00 |
  2.00") is one row when the figures below complete its count (budget_tables.continued_grid_rows);
* a phase column printed without its 数 ("本年预算 | 上年预算 | 增减"): final_accounts.PHASE_COLUMN_SHORT_FORM;
* a 三公 决算表 titled "“三公”经费财政拨款支出决算表" is the 三公 grid, not a code table;
* an indicator table whose header joins "年度指标值/实际完成值" in one column: each cell's slash
  between two values is a cell border (indicators.split_slash_values), a unit's slash stays;
* a section of a 整体支出 self-evaluation printed with its weight and its paragraph on one line
  ("（一）产出指标（50分）。…该项得分48分。") is an indicator of that weight and score, as the heading
  alone above "…该指标得 18 分" was (indicators.read_scored_sections, section_score).
* a table of scores per first-level indicator ("一级指标 | 分值 | 得分" / "产出指标 | 50 | 47", "序号 评价指标
  权重 自评得分"), or per second-level one under its first ("一级指标 | 二级指标 | 分值 | 得分", a blank first
  level carried from the row above) gives the same indicators, one per row, up to its total row
  (indicators.read_level_score_tables, LEVEL_SCORE_COLUMNS, LEVEL_SCORE_SHAPES).

Documents (tests/extract/corpus/rt11e_*), bodies, provinces and years not in the samples: 甘肃 临夏县
2022 决算 (说明 headings, amounts in 元), 云南 祥云县 2025 预算 (三公 one line per item with 本年/上年/增减,
a 收支总表 total row under its labels), 内蒙古 准格尔旗 2021 项目支出绩效自评表 (slash cells), 贵州 赫章县
2019 整体支出绩效自评 (scores per first-level indicator in prose), 内蒙古 敖汉旗 2020 预算 in traditional
characters, 黑龙江 海伦市 2018 决算 in full-width digits with "，" thousands separators, 云南 楚雄州 2017
决算 (a tab staffing table, a 三公 grid row under its label), 贵州 石阡县 2023 预算 (project and 三公 rows
under their names), 内蒙古 额济纳旗 2022 自评表 (its header wrapped after "年度指标值／", full-width slashes),
新疆 和静县 2020 整体自评 (a table of scores per first-level indicator), 青海 刚察县 2021 整体自评 (scores per
second-level indicator).  Measured before -> after: expected facts 69/114 -> 114/114, wrong facts 7 -> 0,
quotes from the inherited label, the section's heading or the row 7/23 -> 23/23.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extract.corpus_spec import check_document, extract_checked
from unionkg.extract.budget_tables import is_grid_row_label
from unionkg.extract.final_accounts import Layout, table_kind, year_columns
from unionkg.extract.indicators import INDICATOR_PATTERNS, split_slash_values
from unionkg.extract.postprocess import staff_connective_length
from unionkg.extract.statistics import qualified_staff_category
from unionkg.extract.tables import iter_lines, labels_over_values, tokenize
from unionkg.model import StaffCategory, Staffing

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("rt11e_*.txt"))


def test_corpus_is_not_shrinking() -> None:
    assert len(CASES) >= 11


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_rt11e_document(path: Path) -> None:
    check_document(path)


# --- staffing: the connective before a label ---------------------------------------------

CONNECTIVES = [
    ("另有编外聘用人员", 2),
    ("另有由财政发放养老金的退休人员", 2),
    ("此外还有退休人员", 4),
    ("此外临聘人员", 2),
    ("另外有劳务派遣人员", 3),
    ("还有遗属", 2),
    ("另聘用人员", 1),
    ("另有 编外人员", 3),  # the space after it goes too
    ("编外聘用人员", 0),  # no connective
    ("另行聘用人员", 0),  # "另行": hired separately, a word
    ("另有人", 0),  # nothing of a label left
    ("退休人员", 0),
]


@pytest.mark.parametrize(("label", "length"), CONNECTIVES)
def test_the_connective_a_staffing_label_opens_with(label: str, length: int) -> None:
    assert staff_connective_length(label) == length


def test_a_label_without_its_connective_keeps_the_evidence_invariant() -> None:
    ex = extract_checked(CORPUS / "rt11e_nm_trad_banner_union_budget_2020.txt")
    staff = [f for f in ex.facts if isinstance(f, Staffing)]
    assert not any(f.label.startswith(("另", "此外", "还有")) for f in staff)
    retired = next(f for f in staff if f.category is StaffCategory.RETIRED)
    assert retired.evidence.quote == "由財政發放養老金的退休人員 3 人"


# --- staffing: a qualified label of a vertical table -------------------------------------

QUALIFIED_LABELS = [
    ("其中：由养老保险基金发放养老金的离退休人员", StaffCategory.RETIRED),
    ("由财政发放养老金的退休人员", StaffCategory.RETIRED),
    ("财政供养的在职人员", StaffCategory.IN_SERVICE),
    ("离退休人员", None),  # no qualifier: the plain column reading
    ("离退休人员的经费", None),  # money of the group, no group
    ("由养老保险基金发放的养老金", None),
    ("的在职人员", None),  # nothing before 的
]


@pytest.mark.parametrize(("label", "category"), QUALIFIED_LABELS)
def test_a_qualified_label_of_a_vertical_staffing_table(label: str, category: StaffCategory | None) -> None:
    assert qualified_staff_category(label) is category


# --- grid rows without a label cell ------------------------------------------------------

ROW_LABELS = [
    ("决算数", True),
    ("2025年预算数", True),
    ("上年预算数", True),
    ("增减额", True),
    ("完成率（%）", True),
    ("注：本表金额单位为万元", False),  # a note
    ("项目", False),
    ("2025年部门预算“三公”经费支出情况说明表", False),  # a heading, too long for a row's label
]


@pytest.mark.parametrize(("text", "is_label"), ROW_LABELS)
def test_a_line_of_text_alone_in_a_grid_is_the_row_label_under_it(text: str, is_label: bool) -> None:
    assert is_grid_row_label(tokenize(text, 0, len(text))) is is_label


MERGED_ROWS = [
    # a 收支总表's total row under its labels: one row, labels and figures in column order
    ("本年收入合计 |  | 本年支出合计 |\n | 280.40 |  | 280.40", ["本年收入合计", "280.40", "本年支出合计", "280.40"]),
    ("| 合计 |  |\n|  | 9.50 |", ["合计", "9.50"]),
    # negatives: kept as two lines
    ("一、工资福利支出 | 120.00\n二、商品和服务支出 | 30.00", None),  # two rows of their own
    ("本年收入合计 |  | 本年支出合计 |\n | 280.40 | 280.40", None),  # the cells do not line up
    ("本年收入合计 | 280.40 | 本年支出合计 |\n |  |  | 280.40", None),  # the upper line has a figure
    (" |  | 30.00 |  | 30.00\n合计 |  | 125.00 |  |", None),  # figures first: no label above them
    ("本年收入合计    本年支出合计\n280.40    280.40", None),  # no pipes: columns unknown
]


@pytest.mark.parametrize(("text", "tokens"), MERGED_ROWS)
def test_labels_printed_over_their_figures(text: str, tokens: list[str] | None) -> None:
    lines = list(iter_lines(text))
    merged = labels_over_values(lines, text)
    if tokens is None:
        assert merged == lines
        return
    assert len(merged) == 1
    assert [t.text for t in merged[0].tokens] == tokens
    assert merged[0].text == text.strip()


def test_a_grid_row_without_a_label_above_keeps_its_first_figure() -> None:
    """A label-less row with no label line above it is quoted from its figures, never a label invented."""
    ex = extract_checked(CORPUS / "rt11e_yn_pref_union_tab_staff_final_2017.txt")
    finals = [f for f in ex.facts if type(f).__name__ == "Amount" and getattr(f, "table", None) == "公开07表" and f.column == "决算数"]
    assert len(finals) == 4 and all(f.evidence.quote.startswith("决算数\n") for f in finals)


# --- phase columns without their 数 ------------------------------------------------------

SHORT_COLUMNS = [
    ("项目 | 本年预算 | 上年预算 | 增减", 2025, "项目|本年预算数|上年预算数|增减"),
    ("项目 2024年预算 2025年预算", 2025, "项目上年预算数预算"),  # this year's bare 预算: not a column word
    ("项目 本年决算 上年决算", 2025, "项目本年决算数上年决算数"),
    ("项目 | 本年预算数 | 上年预算数", 2025, "项目|本年预算数|上年预算数"),  # already whole
    ("本年预算拨款收入 | 上年预算执行情况", 2025, "本年预算拨款收入|上年预算执行情况"),  # longer words
]


@pytest.mark.parametrize(("header", "year", "flat"), SHORT_COLUMNS)
def test_a_phase_column_printed_without_its_number_word(header: str, year: int, flat: str) -> None:
    assert year_columns(header, year) == flat


SANGONG_TITLES = [
    ("“三公”经费财政拨款支出决算表", Layout.EXPENSE_GRID),
    ("一般公共预算财政拨款“三公”经费支出决算表", Layout.EXPENSE_GRID),
    ("一般公共预算财政拨款支出决算表", Layout.CODE_ROWS),  # not a 三公 table
]


@pytest.mark.parametrize(("title", "layout"), SANGONG_TITLES)
def test_sangong_final_account_titles(title: str, layout: Layout) -> None:
    kind = table_kind(title)
    assert kind is not None and kind.layout is layout


# --- target and actual in one cell -------------------------------------------------------

SLASH_HEADERS = [
    ("一级指标二级指标三级指标年度指标值/实际完成值分值得分", True),
    ("一级指标二级指标三级指标目标值／实际值分值得分", True),
    ("一级指标二级指标三级指标年度指标值实际完成值分值得分", False),
    ("一级指标二级指标三级指标计量单位元/人年度指标值", False),
]


@pytest.mark.parametrize(("header", "slashed"), SLASH_HEADERS)
def test_a_header_joining_target_and_actual(header: str, slashed: bool) -> None:
    assert (INDICATOR_PATTERNS["slash_value_header"].search(header) is not None) is slashed


SLASH_CELLS = [
    ("新建职工书屋数量 ≥12个/12个 20 20", "新建职工书屋数量 ≥12个 12个 20 20"),
    ("完成时间 2021年11月底前/2021年11月 10 10", "完成时间 2021年11月底前 2021年11月 10 10"),
    ("合格率 100%/≥95% 10 10", "合格率 100% ≥95% 10 10"),
    ("人均补助标准 300元/人/320元/人 10 9", "人均补助标准 300元/人 320元/人 10 9"),  # the unit's slash stays
    ("服务质量 有效提升/有效提升 10 10", "服务质量 有效提升 有效提升 10 10"),  # qualitative values
    ("培训频次 2次/年 10 10", "培训频次 2次/年 10 10"),  # a unit "per year"
]


@pytest.mark.parametrize(("row", "split"), SLASH_CELLS)
def test_the_slash_between_a_cells_two_values(row: str, split: str) -> None:
    out = split_slash_values(row)
    assert out == split and len(out) == len(row)


# --- a count's item without the connective before it ------------------------------------

ITEM_LEADS = [
    ("另有困难农民工", "困难农民工"),
    ("此外还有一线职工", "一线职工"),
    ("还有劳模", "劳模"),
    ("另外开展培训", "开展培训"),
    ("困难职工", "困难职工"),  # nothing to cut
    ("有效帮扶对象", "有效帮扶对象"),  # "有" of a word, no connective
]


@pytest.mark.parametrize(("item", "cut"), ITEM_LEADS)
def test_a_counts_item_without_its_connective(item: str, cut: str) -> None:
    from unionkg.extract.statistics import _strip_lead

    assert _strip_lead(item) == cut


# --- a section's score in prose ----------------------------------------------------------

SECTION_SCORES = [
    ("全年帮扶 560 户。该项得分48分。", "50", "48"),
    ("职工满意度达到95%，该项得10分。", "10", "10"),
    ("预算执行率为97.30%，得9分。", "10", "9"),
    ("扣 2 分，该指标得 18 分。", "20", "18"),
    ("本项得分为 27.5 分", "30", "27.5"),
    ("共组织培训12期，培训职工1100人次。", "50", None),  # no score
    ("该项得分60分。", "50", None),  # above the weight: no score of this section
    ("得9分的单位有3个，其余均达标。", "10", None),  # "得 X 分" not closing the paragraph
]


@pytest.mark.parametrize(("paragraph", "weight", "score"), SECTION_SCORES)
def test_the_score_a_sections_paragraph_gives(paragraph: str, weight: str, score: str | None) -> None:
    from decimal import Decimal

    from unionkg.extract.indicators import section_score

    found = section_score(paragraph, Decimal(weight))
    assert (found[0] if found else None) == (Decimal(score) if score else None)
    if found:
        assert paragraph[: found[1]].endswith("分")


SCORED_HEADINGS = [
    ("（一）产出指标（50分）。2019年共开展帮扶560户，该项得分48分。", "产出指标", "50"),
    ("（四）预算执行（10分）：预算执行率为97.30%，得9分。", "预算执行", "10"),
    ("2.效益指标(30分)，劳动争议调解成功率达到92%。该项得分28.5分。", "效益指标", "30"),
    ("（一）产出指标（50分）", None, None),  # the heading alone: read with the line below it
    ("一、部门基本情况", None, None),
]


@pytest.mark.parametrize(("line", "title", "weight"), SCORED_HEADINGS)
def test_a_scored_heading_with_its_paragraph_on_its_line(line: str, title: str | None, weight: str | None) -> None:
    from unionkg.extract.indicators import PROSE_INDICATOR_PATTERNS

    m = PROSE_INDICATOR_PATTERNS["scored_heading_inline"].match(line)
    assert (m.group("title"), m.group("weight")) == (title, weight) if title else m is None


def test_a_heading_alone_is_scored_only_by_its_own_words(tmp_path: Path) -> None:
    """The line under a heading alone may be the section's first item ("指标1：…，得分10分。"): its
    score is the item's, not the section's; "该指标得 X 分" alone scores the section there."""
    from unionkg.model import Indicator

    path = tmp_path / "tz_county_selfeval_2024.txt"
    path.write_text(
        "某县总工会2024年度部门整体支出绩效自评报告\n\n（一）产出指标（50分）\n指标1：帮扶人数。目标值为100人，完成值为100人，得分10分。\n"
        "（二）预算执行情况（20分）\n预算执行率为95.00%，扣 1 分，该指标得 19 分。\n",
        encoding="utf-8",
    )
    sections = {f.name: f.score for f in extract_checked(path).facts if isinstance(f, Indicator) and f.weight in (50, 20)}
    assert "产出指标" not in sections and sections.get("预算执行情况") == 19


HEADER_CONTINUATIONS = [
    ("实际完成值 分值 得分 偏差原因分析及改进措施", True),  # under "…三级指标 年度指标值／"
    ("实际完成值 分值 得分 偏差原因分析 及改进措施", True),
    ("产出指标 数量指标 接待职工来访人次 ≥300人次 ／ 326人次 20 20", False),  # a row
    ("偏差原因分析及改进措施 未达标", False),
]


@pytest.mark.parametrize(("line", "header"), HEADER_CONTINUATIONS)
def test_a_header_line_below_the_first(line: str, header: bool) -> None:
    from unionkg.extract.indicators import _is_header_line

    assert _is_header_line(line) is header


# --- a table of scores per first-level indicator -----------------------------------------

LEVEL_SCORE_HEADERS = [
    ("一级指标 | 分值 | 得分", ("level1", "weight", "score")),
    ("序号 评价指标 权重 自评得分", ("serial", "level1", "weight", "score")),
    ("指标名称 标准分值 实际得分", ("level1", "weight", "score")),
    ("| 一级指标 | 二级指标 | 分值 | 得分 |", ("level1", "level2", "weight", "score")),
    ("一级指标 二级指标 三级指标 分值 得分", None),  # an indicator table
    ("一级指标 分值", None),  # no score column
    ("项目 | 预算数 | 决算数", None),
]


@pytest.mark.parametrize(("line", "columns"), LEVEL_SCORE_HEADERS)
def test_the_header_of_a_table_of_level_scores(line: str, columns: tuple[str, ...] | None) -> None:
    from unionkg.extract.indicators import level_score_header

    assert level_score_header(line) == columns


LEVEL_SCORE_ROWS = [
    (["投入", "预算执行率", "10", "9"], ("level1", "level2", "weight", "score"), None, ("预算执行率", "投入", 10, 9)),
    (["", "预算调整率", "5", "5"], ("level1", "level2", "weight", "score"), "投入", ("预算调整率", "投入", 5, 5)),  # blank first level
    (["预算调整率", "5", "5"], ("level1", "level2", "weight", "score"), "投入", ("预算调整率", "投入", 5, 5)),  # spaced, one cell short
    (["2", "产出指标", "40", "38分"], ("serial", "level1", "weight", "score"), None, ("产出指标", "产出指标", 40, 38)),
    (["合计", "", "100", "95"], ("level1", "level2", "weight", "score"), "满意度", None),  # the total row
    (["效益", "社会效益", "30", "45"], ("level1", "level2", "weight", "score"), None, None),  # above its weight
    (["注：本表由财务室填报。"], ("level1", "weight", "score"), None, None),
]


@pytest.mark.parametrize(("cells", "columns", "above", "row"), LEVEL_SCORE_ROWS)
def test_a_row_of_a_table_of_level_scores(
    cells: list[str], columns: tuple[str, ...], above: str | None, row: tuple[object, ...] | None
) -> None:
    from unionkg.extract.indicators import _level_score_row

    assert _level_score_row(cells, columns, above) == row


def test_a_table_of_level_scores_stops_at_a_row_of_another_shape(tmp_path: Path) -> None:
    """The total row, a score above its weight or a sentence ends the rows: nothing invented from them."""
    from unionkg.model import Indicator

    path = tmp_path / "xx_county_selfeval_2021.txt"
    path.write_text(
        "某县总工会2021年度部门整体支出绩效自评报告\n\n一级指标 | 分值 | 得分\n产出指标 | 50 | 46\n效益指标 | 30 | 45\n满意度指标 | 10 | 10\n"
        "\n一级指标 | 分值 | 得分\n产出指标 | 50 | 46\n合计 | 100 | 90\n成本指标 | 10 | 9\n",
        encoding="utf-8",
    )
    rows = [(f.name, f.weight, f.score) for f in extract_checked(path).facts if isinstance(f, Indicator)]
    assert rows == [("产出指标", 50, 46)]  # 效益指标 45 > 30 ends the first table; 合计 the second (its restatement deduplicated)


WRAPPED_GRID_ROWS = [
    ("2025年预算数 | 6.00 | 0.00\n | 4.00 | 2.00", {4}, ["2025年预算数", "6.00", "0.00", "4.00", "2.00"]),
    ("决算数 1.20 0.00 0.80\n0.40", {4, 6}, ["决算数", "1.20", "0.00", "0.80", "0.40"]),
    # negatives: left as printed
    ("2025年预算数 | 6.00 | 0.00\n | 4.00", {4}, None),  # the figures below complete no count
    ("2025年预算数 | 6.00 | 0.00 | 4.00 | 2.00\n | 1.00", {4}, None),  # a whole row already
    ("注：单位为万元\n | 4.00 | 2.00", {4}, None),  # no figure after the text: no row to continue
]


@pytest.mark.parametrize(("text", "widths", "tokens"), WRAPPED_GRID_ROWS)
def test_a_grid_row_wrapped_onto_the_next_line(text: str, widths: set[int], tokens: list[str] | None) -> None:
    from unionkg.extract.budget_tables import continued_grid_rows

    lines = list(iter_lines(text))
    rows = continued_grid_rows(lines, text, widths)
    if tokens is None:
        assert rows == lines
    else:
        assert len(rows) == 1 and [t.text for t in rows[0].tokens] == tokens and rows[0].text == text.strip()
