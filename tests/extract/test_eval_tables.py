"""Scoring frameworks (评价指标评分表) and project funding rows (自评表 / 部门评价表).

Written documents: rtp_zj_third_party_framework (a third-party evaluation, 评分标准
column, 100-point framework scored 86 分, rows linked to the 绩效目标表), rtp_hb_selfeval_other_funds
(自评表 with 其他资金 and a row whose blank cells cannot be placed), rtp_sn_department_eval_central
(部门评价表 with 中央/省/市县财政 money and a weighted framework on lines of their own).
Their indicators, projects and evaluations are checked by test_redteam_perf; the amounts here.
"""

from __future__ import annotations

import json
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from tests.extract.helpers_partb import CORPUS, run, sample
from unionkg.extract import extract
from unionkg.extract.indicators import FRAMEWORK_PATTERNS, extract_indicators, is_framework_header, read_frameworks
from unionkg.extract.project_tables import EVAL_FUND_PATTERNS, FUND_ROW_PATTERNS, extract_project_tables
from unionkg.ingest import load_source
from unionkg.model import Amount, Comparator, Indicator, Project
from unionkg.settings import Settings

DOCS = ["rtp_zj_third_party_framework", "rtp_hb_selfeval_other_funds", "rtp_sn_department_eval_central"]


def _canon(value: object) -> object:
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return getattr(value, "value", value)


def _extraction(path: Path):  # type: ignore[no-untyped-def]
    doc = load_source(path, Settings(store="unused", encoder="hash"))
    return doc, extract(doc)


@pytest.mark.parametrize("name", DOCS)
def test_funding_amounts_and_warnings(name: str) -> None:
    expected = json.loads((CORPUS / f"{name}.json").read_text(encoding="utf-8"))
    doc, ex = _extraction(CORPUS / f"{name}.txt")
    keys = ("org", "year", "phase", "item", "column", "fund_source", "table", "value", "completion_pct")
    got = [{k: _canon(getattr(f, k)) for k in keys} for f in ex.facts if isinstance(f, Amount) and f.evidence.extractor.startswith("project_tables")]
    assert sorted(map(repr, got)) == sorted(map(repr, expected["amounts"]))
    assert [w for w in ex.warnings if w.startswith("project_tables")] == expected["warnings"]
    for fact in ex.facts:
        assert doc.original[fact.evidence.start : fact.evidence.end] == fact.evidence.quote


def test_framework_numbers_are_all_used() -> None:
    """Every weight and score of a framework is quoted by a fact (no leftover in the table)."""
    for name in ("rtp_zj_third_party_framework", "rtp_sn_department_eval_central"):
        _, ex = _extraction(CORPUS / f"{name}.txt")
        assert ex.leftover_numbers == []


def test_framework_rows_linked_to_target_table() -> None:
    """The 绩效目标表 rows named again in the framework take its 分值/得分 and are not repeated."""
    _, facts, _ = run(extract_indicators, CORPUS / "rtp_zj_third_party_framework.txt")
    _, ex = _extraction(CORPUS / "rtp_zj_third_party_framework.txt")
    final = [f for f in ex.facts if isinstance(f, Indicator)]
    assert Counter(f.name for f in final).most_common(1)[0][1] == 1 and len(final) == 10
    people = next(f for f in final if f.name == "服务老年人数")
    assert (people.comparator, people.target, people.weight, people.score, people.actual, people.met) == (Comparator.GE, Decimal(5000), Decimal(15), Decimal(13), None, None)
    assert sum(f.weight for f in final) == 100 and sum(f.score for f in final) == 86  # type: ignore[misc]
    # the linked copies carry the framework's evidence until de-duplication
    assert len([f for f in facts if isinstance(f, Indicator)]) == 14


def test_summary_sentence_kept_as_actual_text() -> None:
    _, facts, _ = run(extract_indicators, CORPUS / "rtp_sn_department_eval_central.txt")
    row = next(f for f in facts if f.actual_text and "万亩" in f.actual_text)
    assert (row.name, row.level1, row.level2, row.weight, row.score, row.actual, row.target, row.met) == ("产出数量", "产出", "产出数量", Decimal(20), Decimal(20), None, None, None)
    assert row.actual_text == "新建高标准农田25万亩，提升改造高标准农田10万亩"
    # 效益 20 = 社会效益 10 + 可持续影响 5 + 满意度 5: that 满意度 is a second level
    satisfied = next(f for f in facts if f.name == "受益群众满意度")
    assert (satisfied.level1, satisfied.level2) == ("效益", "满意度")


def test_sample_framework_and_department_money() -> None:
    _, facts, _ = run(extract_indicators, sample("001"))
    frameworks = read_frameworks(run(extract_indicators, sample("001"))[0])
    rows = [r for fw in frameworks for r in fw.rows]
    assert len(rows) == 17 and sum(r.weight for r in rows) == 100  # type: ignore[misc]
    assert {fw.project for fw in frameworks} == {"省劳模专项补助资金"}
    summaries = [r for r in rows if r.summary]
    assert [r.name for r in summaries] == ["产出数量", "产出质量", "产出时效", "社会效益"]
    assert not any(r.name == "无" for r in rows)
    _, ex = _extraction(sample("001"))
    project = next(f for f in ex.facts if isinstance(f, Project) and "劳模专项" in f.name)
    assert (project.budget, project.adjusted, project.final) == (Decimal(19645000), Decimal(19645000), Decimal(19645000))
    amounts = [f for f in ex.facts if isinstance(f, Amount) and f.evidence.extractor.startswith("project_tables")]
    assert {(a.fund_source, a.phase.value) for a in amounts} == {
        ("当年财政拨款", "budget"), ("当年财政拨款", "adjusted"), ("当年财政拨款", "final"), ("省财政", "adjusted"), ("省财政", "final"),
    }
    assert not [a for a in amounts if a.fund_source in ("上年结转资金", "其他资金", "中央财政", "市县财政")]  # blank cells: no figure


# ---------------------------------------------------------------- patterns, positive and negative


@pytest.mark.parametrize(
    ("header", "ok"),
    [
        ("一级指标 分值 二级指标 分值 三级指标 分值 得分", True),
        ("一级指标 二级指标 三级指标 评分标准 分值 得分", True),
        ("一级指标（分） 二级指标（分） 三级指标 分值 得分", True),
        ("一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分", False),  # a 自评表
        ("一级指标 二级指标 三级指标 指标值", False),  # a 绩效目标表
    ],
)
def test_framework_header(header: str, ok: bool) -> None:
    assert is_framework_header(header) is ok


@pytest.mark.parametrize(
    ("line", "body", "weight", "score"),
    [("立项依据充分性 3 3", "立项依据充分性", "3", "3"), ("资金管理 8 资金使用合规性 8 8", "资金管理 8 资金使用合规性", "8", "8"), ("10 10", "", "10", "10"), ("资金到位率 4 3.5", "资金到位率", "4", "3.5"), ("制度执行有效性 5 —", "制度执行有效性", "5", "—")],
)
def test_framework_row_end(line: str, body: str, weight: str, score: str) -> None:
    m = FRAMEWORK_PATTERNS["row_end"].match(line)
    assert m is not None and (m.group("body"), m.group("weight"), m.group("score")) == (body, weight, score)


@pytest.mark.parametrize("line", ["项目立项 6", "活困难补助和特殊困难帮扶在 12", "慰问省劳模人数 7004 人，补助帮", "决策"])
def test_framework_row_end_rejects(line: str) -> None:
    assert FRAMEWORK_PATTERNS["row_end"].match(line) is None


@pytest.mark.parametrize(("text", "is_weight"), [("资金管理 8 资金使用合规性", True), ("慰问省劳模人数 7004 人，补助帮扶", False), ("特殊困难帮扶人数占比 30 %，春节", False), ("产出成本 5 成本按目标控制", True)])
def test_lead_category_is_not_a_sentence_figure(text: str, is_weight: bool) -> None:
    m = FRAMEWORK_PATTERNS["lead_category"].match(text)
    assert m is not None
    assert (FRAMEWORK_PATTERNS["quantity_after"].match(text, m.end()) is None) is is_weight


@pytest.mark.parametrize(("line", "label"), [("其中：当年财政拨款 3100 3100 3100 100% —", "当年财政拨款"), ("上年结转资金 — — —", "上年结转资金"), ("其他资金 30.00 21.00 70.00% —", "其他资金"), ("其中：财政拨款", "财政拨款")])
def test_fund_row(line: str, label: str) -> None:
    m = FUND_ROW_PATTERNS["row"].match(line)
    assert m is not None and m.group("label") == label


@pytest.mark.parametrize("line", ["年度资金总额 3100 3100 3100 10 100% 10", "其他资金使用情况良好", "财政拨款收入支出决算总表"])
def test_fund_row_rejects(line: str) -> None:
    assert FUND_ROW_PATTERNS["row"].match(line) is None


def test_evaluation_fund_patterns() -> None:
    totals = [(m.group("label"), m.group("unit"), m.group("value")) for m in EVAL_FUND_PATTERNS["total"].finditer("计划投资额 1964.5 实际到位资金（万 1964.5 实际使用情况 1964.5")]
    assert totals == [("计划投资额", None, "1964.5"), ("实际到位资金", "万", "1964.5"), ("实际使用情况", None, "1964.5")]
    sources = [(m.group("label"), m.group("value")) for m in EVAL_FUND_PATTERNS["source"].finditer("其中：中央财政 8000 其中：中央财政 7800")]
    assert sources == [("中央财政", "8000"), ("中央财政", "7800")]
    assert [(m.group("label"), m.group("value")) for m in EVAL_FUND_PATTERNS["source"].finditer("市县财政 市县财政")] == [("市县财政", None), ("市县财政", None)]


UNPLACED = """某县卫生健康局2023年度项目支出绩效自评表
项目支出绩效自评表
项目名称 基层医疗设备购置
主管部门 某县卫生健康局 实施单位 县人民医院
项目资金
（元）
年初预算数 全年预算数 全年执行数 分值 执行率 得分
年度资金总额 500,000 520,000 468,000 10 90% 9
其中：当年财政拨款 500,000 500,000 450,000 — 90% —
其他资金 20,000 18,000
总分 100 95
"""


def test_funding_row_in_yuan_and_a_row_that_cannot_be_placed(tmp_path: Path) -> None:
    path = tmp_path / "unplaced.txt"
    path.write_text(UNPLACED, encoding="utf-8")
    _, facts, warnings = run(extract_project_tables, path)
    amounts = {(a.fund_source, a.phase.value): a.value for a in facts if isinstance(a, Amount)}
    assert amounts == {("当年财政拨款", "budget"): Decimal(500000), ("当年财政拨款", "adjusted"): Decimal(500000), ("当年财政拨款", "final"): Decimal(450000)}
    assert any("其他资金 20,000 18,000" in w for w in warnings)  # two cells and no rate: no guess


def test_no_framework_no_indicator(tmp_path: Path) -> None:
    """A framework whose third level is empty (无) yields no indicator, and no figure is made up."""
    path = tmp_path / "empty.txt"
    path.write_text("部门评价表\n项目名称：示范项目\n一级指标 分值 二级指标 分值 三级指标 分值 得分\n效益\n经济效益 0 无\n可持续影响 0\n总分 100 0\n", encoding="utf-8")
    _, facts, _ = run(extract_indicators, path)
    assert facts == []
