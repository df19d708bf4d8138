"""Counts of work done stated in prose (``narrative.statistics``): what is read, and what never is."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from unionkg.extract import extract
from unionkg.extract.statistics import KEY
from unionkg.ingest import load_bytes, load_source
from unionkg.model import Phase, StatisticalCount
from unionkg.settings import Settings

HEAD = "某某市总工会2023年度部门整体支出绩效自评报告\n"


def _counts(body: str, head: str = HEAD) -> list[StatisticalCount]:
    ex = extract(load_bytes("d.txt", (head + body + "\n").encode("utf-8")))
    for f in ex.facts:
        assert ex.document.original[f.evidence.start : f.evidence.end] == f.evidence.quote
    return [f for f in ex.facts if isinstance(f, StatisticalCount) and f.evidence.extractor == KEY]


@pytest.mark.parametrize(
    ("body", "item", "count", "unit"),
    [
        ("一、产出情况\n开展竞赛 250 多场次，参与职工 6 万人次。", "开展竞赛（约数：多）", "250", "场次"),
        ("一、产出情况\n开展竞赛 250 多场次，参与职工 6 万人次。", "参与职工", "60000", "人次"),
        ("一、产出情况\n推荐先进个人和集体共 24 个，开展劳模宣讲活动 75 场。", "推荐先进个人和集体", "24", "个"),
        ("一、产出情况\n发放 55 名离退休劳动模范津贴。", "发放离退休劳动模范津贴", "55", "名"),
        ("一、产出情况\n建立基层网格管理工作队伍1100人。", "建立基层网格管理工作队伍", "1100", "人"),
        ("一、产出情况\n34名工会律师团律师担任77家非公企业工会法律顾问。", "工会律师团律师", "34", "名"),
        ("一、产出情况\n34名工会律师团律师担任77家非公企业工会法律顾问。", "担任非公企业工会法律顾问", "77", "家"),
        ("一、效益情况\n累计创建劳模和工匠人才创新工作室 177 家。", "累计创建劳模和工匠人才创新工作室", "177", "家"),
        ("一、绩效目标完成情况\n2023 年度共帮扶市县个数 111 个，慰问职工人数 2 万人。", "帮扶市县个数", "111", "个"),
        ("一、绩效目标完成情况\n2023 年度共帮扶市县个数 111 个，慰问职工人数 2 万人。", "慰问职工人数", "20000", "人"),
        ("一、产出情况\n提出意见建议 1.08 万条，建立制度 30 余项。", "提出意见建议", "10800", "条"),
        ("一、产出情况\n支付 10 名在编人员、30 名退休人员经费。", "支付退休人员经费", "30", "名"),
        ("一、产出情况\n建立监测点23个、服务站25个。", "服务站", "25", "个"),
        # outside a section of work done: a sentence with a verb of work done
        ("二、强化思想引领\n全年举办培训班 12 期，惠及职工近 3000 人。", "举办培训班", "12", "期"),
        ("二、强化思想引领\n全年举办培训班 12 期，惠及职工近 3000 人。", "惠及职工（约数：近）", "3000", "人"),
    ],
)
def test_output_count_read(body: str, item: str, count: str, unit: str) -> None:
    found = {(f.item, f.count, f.unit) for f in _counts(body)}
    assert (item, Decimal(count), unit) in found, found


@pytest.mark.parametrize(
    "body",
    [
        "一、年度绩效目标\n组织职工技能竞赛 10 场，培训职工 800 人次。",  # a section of targets
        "一、2024年工作计划\n开展职工技能培训 30 期。",  # a plan
        "一、产出情况\n组织基层工会开展不少于 10 个行业的职业技能竞赛。",  # a target in a section of work done
        "一、产出情况\n预期举办及服务的活动数量为 60 场次。",
        "一、产出情况\n培训职工 800 人次以上。",  # a threshold-shaped target
        "一、产出情况\n实现 100 人以上非公企业全覆盖。",  # a threshold
        "一、产出情况\n设置指标为全年办理人数≥1760人，实际当年办理此项业务人数为1716人。",  # an indicator statement
        "一、产出情况\n投入资金 50.7 万元，完成率 100%。",  # amounts and percentages
        "一、产出情况\n于 2023 年 12 月 31 日前完成，依据赣发〔2023〕7号文件。",  # dates and document numbers
        "一、产出情况\n全年安排因公出国（境）团组 2 个，累计 7 人次；国内公务接待 38 批。",  # 三公 counts: another extractor's
        "一、产出情况\n9 个项目中 8 个项目预算执行率达到 100%。",  # evaluation meta-text
        "一、部门概况\n本会机关共有 23 人，下设 2 个事业单位。",  # no verb of work done, no section of work done
        "一、产出情况\n完成项目支付金额 95 万元与 80 户帮扶对象医疗费用个人自付总额 233.84 万元。",  # a count qualifying an amount
    ],
)
def test_output_count_not_read(body: str) -> None:
    assert _counts(body) == []


def test_budget_documents_state_targets_not_outputs() -> None:
    assert _counts("一、产出指标\n开展竞赛 250 场，参与职工 6 万人次。", head="某某市总工会2024年部门预算\n") == []


def test_facts_are_final_with_body_and_year() -> None:
    facts = _counts("一、产出情况\n开展竞赛 250 场。")
    assert [(f.org, f.year, f.phase) for f in facts] == [("某某市总工会", 2023, Phase.FINAL)]
    assert facts[0].evidence.quote == "开展竞赛 250 场"


def test_sample_003_outputs(sample_paths: list[Path]) -> None:
    path = next(p for p in sample_paths if p.name.startswith("003"))
    ex = extract(load_source(path, Settings()))
    counts = {(f.item, f.count, f.unit) for f in ex.facts if isinstance(f, StatisticalCount) and f.evidence.extractor == KEY}
    assert ("开展竞赛（约数：多）", Decimal(250), "场次") in counts
    assert ("参与职工", Decimal(60000), "人次") in counts
    assert ("累计创建劳模和工匠人才创新工作室", Decimal(177), "家") in counts
    assert not any(c == Decimal(60) and u == "场次" for _i, c, u in counts)  # 预期举办…60 场次 is a target
    assert not any(c == Decimal(10) and "不少于" in i for i, c, _u in counts)


@pytest.mark.parametrize(
    ("text", "number", "noun"),
    [
        ("发动 29 万会员评议", "29", "会员"),
        ("惠及 1.2 万职工", "1.2", "职工"),
        ("服务近 3 万农民工", "3", "农民工"),
    ],
)
def test_bare_count_pattern_matches(text: str, number: str, noun: str) -> None:
    from unionkg.extract.statistics import BARE_COUNT_PATTERNS

    m = BARE_COUNT_PATTERNS["wan_noun"].search(text)
    assert m is not None and (m.group("number"), m.group("noun")) == (number, noun)


@pytest.mark.parametrize("text", ["资金 29 万元", "6 万人次", "第 3 万名会员", "会员 29 人"])
def test_bare_count_pattern_rejects(text: str) -> None:
    from unionkg.extract.statistics import BARE_COUNT_PATTERNS

    assert BARE_COUNT_PATTERNS["wan_noun"].search(text) is None


def test_bare_counts_in_prose() -> None:
    facts = _counts("一、效益情况\n主动服务法治建设，发动 12 万会员评议 30 个部门。预期动员 5 万职工参加。")
    got = {(f.item, f.count, f.unit) for f in facts}
    assert ("发动会员", Decimal(120000), None) in got
    assert not any(f.count == Decimal(50000) for f in facts)  # a target
