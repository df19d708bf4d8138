"""Indicators and measurements stated in prose (issue 3): scored sections, targets in prose,
restatements of table indicators (supporting mentions, never a second indicator), rates that
restate none (StatisticalCount), and counts of projects and evaluation results.

The written documents tests/extract/corpus/rt3s_*.txt list their expected facts in a JSON
next to them: ``expect`` (facts that must be there), ``counts`` (exact numbers of facts per
kind after de-duplication), ``absent_items`` (no StatisticalCount with that item: the value
restates an indicator), ``leftovers`` (the only numbers the quality report may still list: other extractors' kinds).
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from unionkg.extract import extract
from unionkg.extract.indicators import PROSE_INDICATOR_PATTERNS, link_measurement
from unionkg.extract.statistics import MEASURE_PATTERNS, PROJECT_COUNT_PATTERNS, is_measure_name, read_project_counts
from unionkg.ingest import load_bytes
from unionkg.model import Comparator, Evidence, Indicator, StatisticalCount
from tests.extract.corpus_spec import check_spec, extract_checked

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("rt3s_*.txt"))


def test_corpus_is_not_shrinking() -> None:
    assert len(CASES) >= 3


def _matches(fact: object, expected: dict[str, object]) -> bool:
    for key, want in expected.items():
        if key == "kind":
            continue
        got = getattr(fact, key, None)
        got = getattr(got, "value", got) if not isinstance(got, (str, int, Decimal)) and got is not None else got
        if want is None:
            if got is not None:
                return False
        elif isinstance(want, str) and isinstance(got, Decimal):
            if Decimal(want) != got:
                return False
        elif got != want:
            return False
    return True


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_rt3s_document(path: Path) -> None:
    spec = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    ex = extract_checked(path)
    check_spec(path, ex, spec, _matches)
    for item in spec.get("absent_items", []):
        assert not [f for f in ex.facts if isinstance(f, StatisticalCount) and f.item == item], item
    if "leftovers" in spec:
        # numbers of other extractors' kinds may be listed (and fixed by them); nothing else
        assert {str(n["number"]) for n in ex.leftover_numbers} <= set(spec["leftovers"]), ex.leftover_numbers


# -- pattern tables: positive and negative examples ------------------------------------


@pytest.mark.parametrize(
    ("shape", "text", "n"),
    [
        ("by_grade", "5 个项目评价结果为“优”", "5"),
        ("by_grade", "0个项目自评结果为\"良\"", "0"),
        ("by_grade", "3 个项目评价等级为优秀", "3"),
        ("evaluated", "组织对 1 个项目开展了部门评价", "1"),
        ("evaluated", "9 个项目均完成了项目支出绩效自评", "9"),
        ("evaluated", "对本部门 12 个项目进行了绩效自评", "12"),
        ("evaluated", "2 个一级项目纳入财政重点评价", "2"),
        ("evaluated_noun_first", "二级项目 6 个全面开展绩效自评", "6"),
        ("by_grade_noun_first", "评价结果为“优”的项目 5 个", "5"),
        ("by_grade_noun_first", "自评等级为优秀的项目有 3 个", "3"),
        ("grade_list", "自评结果：优秀 5 个，良好 2 个", "5"),
        ("score_band", "3 个项目自评结果分值均≥90 分", "3"),
        ("score_band", "7 个预算项目支出绩效自评得分均在 85 分以上", "7"),
        ("rate_reached", "6 个项目中 5 个项目预算执行率达到 100%", "5"),
        ("total", "财政拨款预算项目共计 9 个", "9"),
        ("level_total", "一级项目 2 个，分别是", "2"),
        ("listed", "以上 4 个项目主要用于", "4"),
    ],
)
def test_project_count_patterns_match(shape: str, text: str, n: str) -> None:
    m = PROJECT_COUNT_PATTERNS[shape].search(text)
    assert m is not None and m.group("n") == n


@pytest.mark.parametrize(
    ("shape", "text"),
    [
        ("by_grade", "评价结果为“优”"),  # no count
        ("by_grade", "第 2 个项目评价"),
        ("evaluated", "对 3 个单位开展了部门评价"),  # not projects
        ("evaluated", "5 个项目已完成验收"),  # not an evaluation
        ("by_grade_noun_first", "评价结果为“优”的项目"),
        ("grade_list", "良好 3 个月内办结"),  # a duration
        ("grade_list", "质量优良 3 个"),  # a grade word inside a word
        ("evaluated_noun_first", "项目 6 个，总金额 30 万元"),
        ("score_band", "3 个项目得分较高"),
        ("rate_reached", "8 个项目预算执行率达到 100%"),  # no total
        ("total", "共 9 个项目"),
        ("level_total", "一级项目 6 个全面开展绩效自评"),  # what was done to them: another shape
        ("listed", "以上 4 个单位"),
    ],
)
def test_project_count_patterns_reject(shape: str, text: str) -> None:
    assert PROJECT_COUNT_PATTERNS[shape].search(text) is None


def _view(text: str):  # type: ignore[no-untyped-def]
    from unionkg.extract.textview import prose_view

    return prose_view(load_bytes("p.txt", text.encode("utf-8")))


def test_a_grade_list_needs_an_evaluation_in_its_sentence() -> None:
    view = _view("某某市总工会2023年度部门决算\n服务质量良好 3 个，优 2 个。\n自评结果：优 4 个，良 1 个。\n")
    got = [(item, count) for _s, _e, item, count in read_project_counts(view)]
    assert got == [("评价结果为“优”的项目", Decimal(4)), ("评价结果为“良”的项目", Decimal(1))]


def test_project_counts_are_read_once_each() -> None:
    view = _view("某某市总工会2023年度部门决算\n其中，4 个项目评价结果为“优”，1 个项目评价结果为“良”。本部门 5 个项目中 4 个项目预算执行率达到 100%。\n")
    got = [(item, count) for _s, _e, item, count in read_project_counts(view)]
    assert got == [
        ("评价结果为“优”的项目", Decimal(4)),
        ("评价结果为“良”的项目", Decimal(1)),
        ("项目", Decimal(5)),
        ("预算执行率达到100%的项目", Decimal(4)),
    ]


@pytest.mark.parametrize(
    ("clause", "number", "unit"),
    [
        ("帮扶资金发放准确率 100%", "100", "%"),
        ("劳模满意度达 96.5%", "96.5", "%"),
        ("慰问金发放准确率和及时率均达 100%", "100", "%"),
        ("慰问职工人数 2 万人", "2", "人"),
        ("受助职工满意度不低于 90%", "90", "%"),
        ("授予中小企业合同金额占货物支出金额的 0.00%", "0.00", "%"),
    ],
)
def test_measure_value_pattern(clause: str, number: str, unit: str) -> None:
    m = MEASURE_PATTERNS["value"].search(clause)
    assert m is not None and m.group("number") == number and m.group("unit").replace("％", "%") == unit


@pytest.mark.parametrize("clause", ["2023 年 12 月 31 日", "每人 5 万元的标准", "得分 96 分", "排名第 3 位"])
def test_measure_value_pattern_rejects(clause: str) -> None:
    assert MEASURE_PATTERNS["value"].search(clause) is None


@pytest.mark.parametrize(
    ("name", "measured"),
    [
        ("帮扶资金发放准确率", True),
        ("职工满意度", True),
        ("特殊困难帮扶人数占比", True),
        ("货物采购授予中小企业合同金额占货物支出金额", True),
        ("工资集体协商完成率", True),
        ("占比", False),  # the share of the amount before it: the amount's
        ("项目预算执行率", False),  # execution rates: amounts and projects
        ("支出同比增长率", False),
        ("开展竞赛", False),  # a count of work done, not a measure
    ],
)
def test_measure_names(name: str, measured: bool) -> None:
    assert is_measure_name(name) is measured


@pytest.mark.parametrize(
    ("name", "text", "match"),
    [
        ("scored_heading", "（一）预算执行情况（10分）", True),
        ("scored_heading", "2.资金管理(15 分)", True),
        ("scored_heading", "（一）预算执行情况", False),
        ("scored_heading", "1)举办活动1次（2分）", False),  # a narrative item: read_narrative
        ("target_heading", "（四）预期部门整体支出绩效目标情况", True),
        ("target_heading", "一、年度绩效目标", True),
        ("target_heading", "二、主要工作开展情况", False),
        ("not_target_heading", "二、绩效目标完成情况", True),
        ("not_target_heading", "一、部门项目绩效目标情况", True),
        ("not_target_heading", "一、年度绩效目标", False),
        ("plan_lead", "预期举办活动 60 场次", True),
        ("plan_lead", "2023 年计划培训职工 500 人", True),
        ("plan_lead", "县妇幼保健计划生育服务中心等 5 个单位", False),
        ("plan_lead", "超额完成项目预期的产出指标", False),
        ("cmp_before", "组织不少于", True),
        ("cmp_before", "组织", False),
        ("not_target_clause", "发放财政资金 30 万元", True),
        ("not_target_clause", "对 30 个竞赛情况进行视频拍摄", False),
    ],
)
def test_prose_indicator_patterns(name: str, text: str, match: bool) -> None:
    assert (PROSE_INDICATOR_PATTERNS[name].search(text) is not None) is match


def _indicator(name: str, project: str | None, target: str, actual: str | None, unit: str = "%") -> Indicator:
    ev = Evidence(0, 1, "x", "t")
    return Indicator(ev, "某某市总工会", 2023, project, name, Comparator.GE, target=Decimal(target), unit=unit, actual=Decimal(actual) if actual else None)


def test_link_measurement_by_name_value_and_project() -> None:
    inds = [
        _indicator("竞赛举办成功率", "劳动竞赛", "90", "100"),
        _indicator("社会满意度", "劳动竞赛", "90", "92"),
        _indicator("送温暖市县个数", "送温暖资金", "111", "111", unit="个"),
        _indicator("慰问对象满意度", "送温暖资金", "90", "100"),
    ]
    # a close name with the value: linked
    assert link_measurement("慰问对象满意度", Decimal(100), "%", None, inds, ()) is inds[3]
    # another value: not a restatement
    assert link_measurement("慰问对象满意度", Decimal(95), "%", None, inds, ()) is None
    # a looser name, within the paragraph's project, the only one with the value
    assert link_measurement("帮扶市县个数", Decimal(111), "个", "送温暖资金", inds, ()) is inds[2]
    assert link_measurement("帮扶市县个数", Decimal(111), "个", None, inds, ()) is None
    # a paragraph about a project without indicators: nothing to restate
    assert link_measurement("竞赛举办成功率", Decimal(100), "%", "职业技能竞赛补助", inds, ()) is None


def test_a_restatement_is_not_a_second_indicator() -> None:
    text = (
        "某某市总工会2023年度项目支出绩效自评报告\n"
        "一、项目完成情况\n"
        "职工疗休养：全年组织疗休养 12 批次，疗休养职工满意度达 97%，安全事故发生率 0%。\n"
        "项目支出绩效自评表\n项目名称 职工疗休养\n"
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n"
        "满意度指标 服务对象满意度指标 疗休养职工满意度 ≥90% 97% 10 10\n"
        "总分 100 100\n"
    )
    ex = extract(load_bytes("r.txt", text.encode("utf-8")))
    inds = [f for f in ex.facts if isinstance(f, Indicator)]
    assert [(f.name, f.actual) for f in inds] == [("疗休养职工满意度", Decimal(97))]
    counts = {(f.item, f.count) for f in ex.facts if isinstance(f, StatisticalCount)}
    assert ("安全事故发生率", Decimal(0)) in counts and not any("满意度" in i for i, _c in counts)
    assert not [n for n in ex.leftover_numbers if re.match(r"97|0%", str(n["number"]))]


def _facts(body: str, head: str = "某某县总工会2023年度部门整体支出绩效自评报告\n"):  # type: ignore[no-untyped-def]
    ex = extract(load_bytes("d.txt", (head + body + "\n").encode("utf-8")))
    for f in ex.facts:
        assert ex.document.original[f.evidence.start : f.evidence.end] == f.evidence.quote
    return ex


def test_next_years_plans_are_not_targets_of_this_year() -> None:
    ex = _facts("一、年度绩效目标\n组织职工技能竞赛不少于 6 场。\n二、2024年工作打算\n计划开展职工技能培训 30 期。")
    assert [(f.name, f.target) for f in ex.facts if isinstance(f, Indicator)] == [("组织职工技能竞赛", Decimal(6))]


def test_a_generic_measure_takes_the_subject_of_its_paragraph() -> None:
    ex = _facts("一、产出情况\n职工书屋建设：新建书屋 12 家，完成率 120%。")
    assert ("职工书屋建设完成率", Decimal(120), "%") in {(f.item, f.count, f.unit) for f in ex.facts if isinstance(f, StatisticalCount)}


def test_budget_documents_state_no_results() -> None:
    ex = _facts("（八）预算绩效情况\n2024 年本部门一级项目 2 个。职工满意度 95%。", head="某某县总工会2024年部门预算\n")
    counts = {(f.item, f.count, str(f.phase)) for f in ex.facts if isinstance(f, StatisticalCount)}
    assert ("一级项目", Decimal(2), "budget") in counts
    assert not [c for c in counts if c[0] == "职工满意度"]


@pytest.mark.parametrize(
    ("word", "comparator"),
    [("不低于", Comparator.GE), ("≥", Comparator.GE), ("以上", Comparator.GE), ("不超过", Comparator.LE), ("以内", Comparator.LE), ("低于", Comparator.LT), ("超过", Comparator.GT), ("＝", Comparator.EQ)],
)
def test_measure_comparator_words(word: str, comparator: Comparator) -> None:
    from unionkg.extract.indicators import MEASURE_COMPARATORS

    assert MEASURE_COMPARATORS[word] is comparator


@pytest.mark.parametrize("word", ["达到", "约", "左右", "为"])
def test_words_that_are_not_comparators(word: str) -> None:
    from unionkg.extract.indicators import MEASURE_COMPARATORS

    assert word not in MEASURE_COMPARATORS  # a bare value: IMPLICIT_COMPARATOR decides


@pytest.mark.parametrize(("word", "comparator"), [("不少于", Comparator.GE), ("至少", Comparator.GE), ("及以上", Comparator.GE), ("超过", Comparator.GT)])
def test_prose_target_comparator_words(word: str, comparator: Comparator) -> None:
    from unionkg.extract.indicators import PROSE_TARGET_COMPARATORS

    assert PROSE_TARGET_COMPARATORS[word] is comparator


def test_rate_targets_outside_target_sections_are_not_targets() -> None:
    ex = _facts("一、产出情况\n职工满意度不低于 90%。")
    assert not [f for f in ex.facts if isinstance(f, Indicator)]
