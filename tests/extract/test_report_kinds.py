"""Table-driven tests of the explained number kinds of the quality report.

Each case is a text with one number marked ``⟦…⟧``; the kind must explain it
(positive) or leave it alone (negative).  ``covered`` marks the stretch of
the text that a fact's evidence covers, for kinds that depend on facts.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest

from unionkg.extract.report import EXPLAINED_KINDS, NUMBER, ReportInput, is_heading
from unionkg.model import Amount, Evidence, Fact, Phase

KINDS = {k.name: k for k in EXPLAINED_KINDS}


@dataclass(frozen=True)
class Case:
    kind: str
    text: str  # one number marked ⟦…⟧
    explained: bool
    covered: str | None = None  # substring covered by a fact's evidence
    codes: tuple[str, ...] = ()  # codes of extracted amounts


CASES: tuple[Case, ...] = (
    # list and heading markers
    Case("list_marker", "⟦1⟧.单位主要职责", True),
    Case("list_marker", "（⟦3⟧）参与职工重大伤亡事故的调查处理", True),
    Case("list_marker", "⟦5⟧）公务接待费", True),
    Case("list_marker", "主要做法：⟦2⟧、加强管理", True),
    Case("list_marker", "依照第⟦12⟧条规定", True),
    Case("list_marker", "根据第 ⟦14⟧ 次联席座谈会议", True),
    Case("list_marker", "收入⟦12⟧.5万元", False),
    Case("list_marker", "共有⟦3⟧个单位", False),
    # dates and years
    Case("date", "截至⟦2023⟧年12月31日", True),
    Case("date", "截至2023年12月⟦31⟧日", True),
    Case("date", "项目期限⟦2022⟧-01-01至2022-12-31", True),
    Case("date", "⟦2023⟧ 年度部门决算", True),
    Case("date", "1-⟦6⟧月累计", True),
    Case("date", "⟦2021⟧-2023年规划", True),
    Case("date", "支出⟦2023⟧万元", False),
    Case("date", "服务职工⟦12⟧万人次", False),
    # document numbers
    Case("document_number", "根据《通知》（赣发〔2023〕⟦7⟧号）", True),
    Case("document_number", "财预[⟦2016⟧]95号", True),
    Case("document_number", "补助⟦95⟧万元", False),
    # table and attachment numbers
    Case("table_name", "收入支出决算总表 公开⟦01⟧表", True),
    Case("table_name", "详见附表⟦3⟧", True),
    Case("table_name", "人大代表⟦3⟧人", False),
    # row and column numbers
    Case("row_column_number", "项目 行次 决算数\n本年收入合计 ⟦27⟧ 7,794.44", True),
    Case("row_column_number", "项目 行次 决算数\n⟦9⟧ 九、卫生健康支出 40 82.12", True),
    Case("row_column_number", "栏次 1 ⟦2⟧ 3", True),
    Case("row_column_number", "| 1 | ⟦2⟧ | 3 |", True),
    Case("row_column_number", "序号 单位名称 预算级次\n⟦1⟧ 江西省总工会 二级", True),
    Case("row_column_number", "项目 行次 决算数\n本年收入合计 27 ⟦7,794⟧", False),
    Case("row_column_number", "一般公共服务支出 ⟦32⟧ 万元", False),
    # the right half's 行次 of a two-sided row, in a table printing decimals
    Case("row_column_number", "项目 行次 决算数 项目 行次 决算数\n年初结转 28 42.17 年末结转 60 30.71\n一、一般公共预算财政拨款 29 42.17 ⟦61⟧", True),
    Case("row_column_number", "项目 行次 决算数 项目 行次 决算数\n年初结转 28 42.17 年末结转 60 30.71\n二、政府性基金预算财政拨款 30 ⟦62⟧", True),
    # negative: a table printing integer amounts keeps its integers
    Case("row_column_number", "项目 行次 决算数 项目 行次 决算数\n年初结转 28 4,217 年末结转 60 3,071\n一、一般公共预算财政拨款 29 4,217 ⟦61⟧", False),
    # negative: outside a 行次 table
    Case("row_column_number", "收入 42.17 万元\n一般公共预算财政拨款 42.17 ⟦61⟧", False),
    # page numbers
    Case("page_number", "第 ⟦3⟧ 页 共 20 页", True),
    Case("page_number", "— ⟦33⟧ —", True),
    Case("page_number", "支出⟦33⟧万元", False),
    # classification codes
    Case("classification_code", "⟦2012901⟧ 行政运行 850.30", True, codes=("2012901",)),
    Case("classification_code", "⟦30101⟧ 基本工资", True),
    Case("classification_code", "资金 ⟦30101⟧ 元", False),
    Case("classification_code", "⟦12345⟧ 某某支出", False),
    # codes of empty rows of side-by-side tables
    Case("empty_table_row", "30103 奖金 850.30 30203 咨询费 ⟦30703⟧ 国内债务发行费用", True),
    Case("empty_table_row", "30216 培训费 ⟦310111⟧ 地上附着物和青苗补偿", True),
    Case("empty_table_row", "| ⟦50905⟧ | 离退休费 | 50201 | 办公经费 | 12.00 |", True),
    Case("empty_table_row", "⟦30310⟧ 个人农业生产补贴 30231 公务用车运行维护费 31203 政府投资基金股权投资", True),
    Case("empty_table_row", "⟦310⟧ 人次 205 场", False),  # units, not names
    Case("empty_table_row", "30103 奖金 ⟦850⟧ 30203 咨询费", False),  # an amount, not a code
    Case("empty_table_row", "⟦30103⟧ 奖金 850.30 30203 咨询费", False),  # a row with an amount is a fact's
    Case("empty_table_row", "全年服务 ⟦310⟧ 人次，开展 205 场活动", False),  # prose
    Case("empty_table_row", "⟦30703⟧ 国内债务发行费用", False),  # alone on its line: not side by side
    # phone numbers
    Case("phone_number", "联系电话：⟦0791⟧-86212345", True),
    Case("phone_number", "咨询热线 ⟦12351⟧", True),
    Case("phone_number", "手机 ⟦13912345678⟧", True),
    Case("phone_number", "资金⟦8621⟧万元", False),
    # grading rules
    Case("grading_rule", "分值≥⟦90⟧ 分，评价结果为“优”", True),
    Case("grading_rule", "⟦80⟧ 分≤分值<90 分，评价结果为“良”", True),
    Case("grading_rule", "⟦90⟧（含）-100分为优", True),
    Case("grading_rule", "每发现一例扣⟦1⟧分，扣完为止", True),
    Case("grading_rule", "评价指标体系表共 ⟦100⟧ 分", True),
    Case("grading_rule", "总得分⟦95⟧分，等级为优", False),
    Case("grading_rule", "其中实现⟦100⟧人以上企业全覆盖", False),
    # asset thresholds
    Case("asset_threshold", "单价 ⟦100⟧ 万元（含）以上设备 0 台", True),
    Case("asset_threshold", "单位价值⟦50⟧万元以上大型设备", True),
    Case("asset_threshold", "购置设备⟦100⟧万元", False),
    # section weights of a scoring rubric
    Case("section_weight", "（一）预算执行情况（⟦10⟧分）", True),
    Case("section_weight", "预算执行情况得分（⟦10⟧分）较上年提高", False),
    # slogans
    Case("slogan", "市委“1+⟦6⟧+3”工作部署", True),
    Case("slogan", "“⟦2⟧+N”模式", True),
    Case("slogan", "增加⟦6⟧万元", False),
    # the note on empty tables
    Case("template_note", "若其中某张表为空表或表中数据为⟦0⟧，则说明无此项收支", True),
    Case("template_note", "车辆⟦0⟧辆", False),
    # counts of listed organisations
    Case("organisation_count", "内设⟦7⟧个部室，分别为办公室、人事部", True, covered="办公室、人事部"),
    Case("organisation_count", "直属事业单位有⟦3⟧个，分别为文化宫、服务中心", True, covered="文化宫"),
    Case("organisation_count", "本部门共有直属单位⟦4⟧个。其中：\n（一）行政单位1个，是柳州市总工会", True, covered="柳州市总工会"),
    Case("organisation_count", "内设⟦7⟧个部室，分别为办公室、人事部", False),
    Case("organisation_count", "开展活动⟦7⟧个，分别为办公室、人事部", False, covered="办公室、人事部"),
    # shares of extracted amounts
    Case("share_of_amount", "项目支出130万元，占支出总额的⟦4⟧%。", True, covered="130万元"),
    Case("share_of_amount", "项目支出130万元，占支出总额的⟦4⟧%。", False),
    Case("share_of_amount", "项目支出130万元，执行率⟦96⟧%。", False, covered="130万元"),
)


def _input(case: Case) -> tuple[ReportInput, tuple[int, int]]:
    start = case.text.index("⟦")
    text = case.text.replace("⟦", "").replace("⟧", "")
    end = case.text.index("⟧") - 1
    covered_span = (text.index(case.covered), text.index(case.covered) + len(case.covered)) if case.covered else (0, 0)
    facts: tuple[Fact, ...] = tuple(
        Amount(Evidence(0, 1, text[0], "test@1"), "某单位", 2023, Phase.FINAL, None, "item", Decimal(1), code=c) for c in case.codes
    )

    def covered(s: int, e: int) -> bool:
        return s < covered_span[1] and covered_span[0] < e

    return ReportInput(text, facts, covered), (start, end)


@pytest.mark.parametrize("case", CASES, ids=[f"{c.kind}:{c.text}:{'+' if c.explained else '-'}" for c in CASES])
def test_explained_kind(case: Case) -> None:
    inp, (start, end) = _input(case)
    spans = list(KINDS[case.kind].find(inp))
    hit = any(s <= start and end <= e for s, e in spans)
    assert hit is case.explained, (inp.text[start:end], spans)


def test_every_kind_has_positive_and_negative_cases() -> None:
    for name in KINDS:
        outcomes = {c.explained for c in CASES if c.kind == name}
        assert outcomes == {True, False}, name


def test_kind_names_are_unique_and_described() -> None:
    assert len(KINDS) == len(EXPLAINED_KINDS)
    assert all(k.description for k in EXPLAINED_KINDS)


@pytest.mark.parametrize(
    "text, numbers",
    [
        ("支出 7,794.44 万元，增长 12.5%", ["7,794.44", "12.5%"]),
        ("共 3 个单位，0 辆车", ["3", "0"]),
        ("Toc166074191", []),
    ],
)
def test_number_tokens(text: str, numbers: list[str]) -> None:
    assert [m.group(0) for m in NUMBER.finditer(text)] == numbers


@pytest.mark.parametrize(
    "line, heading",
    [
        ("一、部门主要职责", True),
        ("（三）2024年度整体支出绩效目标", True),
        ("第四部分 名词解释", True),
        ("1.产出数量（17分）", True),
        ("（5）参与职工重大伤亡事故的调查处理；", False),  # a list item
        ("二、政府性基金预算财政拨款收入 2 二、外交支出 33", False),  # a table row
        ("（二）社会保障和就业支出（类）年初预算数 479.71", False),
        ("2、实施主体：南昌市总工会", False),  # a field
        ("一是加强管理", False),
        ("部门主要职责", False),
    ],
)
def test_is_heading(line: str, heading: bool) -> None:
    assert is_heading(line) is heading
