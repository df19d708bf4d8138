"""The items inside a stated reason ("主要原因是A经费减少200万元，B费减少36.5万元；C增加12万元")
are change facts of their own, linked to the change they explain by ``parent_item``.

Expected facts written before the fix: 4/12 right before it, 12/12 after (the reason in the next
sentence, 其中 / a year before an item, 比上年 inside the clause, 合计); a second set written after
(list markers 一是/二是, 由于, "主要是…" with no 原因): 3/6 -> 6/6; a third (分别 lists, items changed
together with 共): 1/4 -> 4/4 (was a wrong component '会议费和培训费分别' and '培训费共')."""

from __future__ import annotations

from decimal import Decimal

import pytest

from unionkg.extract import extract
from unionkg.extract.patterns import NARRATIVE_PATTERNS, REASON_COMPONENT_LEAD, REASON_NOT_ITEM, REASON_RESPECTIVELY
from unionkg.ingest import load_bytes
from unionkg.model import Change

HEAD = "宜昌市夷陵区总工会2024年部门决算\n一、收入支出决算总体情况说明\n"

Component = tuple[str, str, Decimal]


def _changes(text: str, head: str = HEAD) -> list[Change]:
    doc = load_bytes("d.txt", (head + text + "\n").encode("utf-8"))
    out = [f for f in extract(doc).facts if isinstance(f, Change)]
    for f in out:
        assert doc.original[f.evidence.start : f.evidence.end] == f.evidence.quote
    return out


def _components(changes: list[Change]) -> set[Component]:
    return {(c.item, c.direction, Decimal(c.delta)) for c in changes if c.parent_item and c.delta is not None}


def _c(item: str, direction: str, yuan: str) -> Component:
    return (item, direction, Decimal(yuan))


CASES: list[tuple[str, set[Component]]] = [
    # the reason is the next sentence
    (
        "2024年度收入总计500.00万元，比上年减少236.50万元，下降32.1%。主要原因是困难职工帮扶经费减少200万元，办公费减少36.5万元；工会信息化建设经费增加12万元。",
        {_c("困难职工帮扶经费", "decrease", "-2000000"), _c("办公费", "decrease", "-365000"), _c("工会信息化建设经费", "increase", "120000")},
    ),
    # traditional characters, the next sentence
    (
        "本年支出合计820.30萬元，比上年增加45.00萬元，增長5.8%。主要原因是：職工療休養經費增加50萬元，會議費減少5萬元。",
        {_c("职工疗休养经费", "increase", "500000"), _c("会议费", "decrease", "-50000")},
    ),
    # amounts in 元, items listed with 、
    (
        "本年收入合计3,456,000.00元，较上年减少120,000.00元，主要原因为差旅费减少80,000.00元、培训费减少40,000.00元。",
        {_c("差旅费", "decrease", "-80000"), _c("培训费", "decrease", "-40000")},
    ),
    # 其中 opens the list of items
    (
        "本年支出合计600万元，比上年减少30万元，主要原因是压减一般性支出，其中会议费减少10万元，培训费减少20万元。",
        {_c("会议费", "decrease", "-100000"), _c("培训费", "decrease", "-200000")},
    ),
    # 比上年 inside the item's clause
    (
        "一般公共预算财政拨款支出300万元，比上年减少20万元，减少的主要原因是：公务用车运行维护费比上年减少12万元，因公出国（境）费用减少8万元。",
        {_c("公务用车运行维护费", "decrease", "-120000"), _c("因公出国(境)费用", "decrease", "-80000")},
    ),
    (
        "本年收入合计700万元，比上年增加40万元，主要原因是上级补助收入增加了25.5万元，事业收入增加14.5万元。",
        {_c("上级补助收入", "increase", "255000"), _c("事业收入", "increase", "145000")},
    ),
    # a year before the item names its year, not the item
    ("本年支出合计600万元，比上年减少30万元，主要原因是2023年一次性项目减少30万元。", {_c("一次性项目", "decrease", "-300000")}),
    # list markers and 由于 before the items
    (
        "本年支出合计600万元，比上年增加30万元，主要原因：一是人员经费增加20万元；二是办公费增加10万元。",
        {_c("人员经费", "increase", "200000"), _c("办公费", "increase", "100000")},
    ),
    ("本年支出合计600万元，比上年增加30万元，主要原因是由于工会经费增加30万元。", {_c("工会经费", "increase", "300000")}),
    # a reason right after the change without the word 原因
    ("本年支出合计600万元，比上年增加30万元，增长5.3%，主要是职工疗休养经费增加30万元。", {_c("职工疗休养经费", "increase", "300000")}),
    ("本年收入合计600万元，与上年相比减少30万元，主要原因是上级补助收入减少30万元。", {_c("上级补助收入", "decrease", "-300000")}),
    (
        "本年收入合计600萬元，較上年減少30萬元。減少原因主要是：上級補助收入減少20萬元，其他收入減少10萬元。",
        {_c("上级补助收入", "decrease", "-200000"), _c("其他收入", "decrease", "-100000")},
    ),
    # items listed with 分别 and their amounts in order
    ("本年支出合计600万元，比上年减少30万元，主要原因是会议费、培训费分别减少10万元和20万元。", {_c("会议费", "decrease", "-100000"), _c("培训费", "decrease", "-200000")}),
    ("本年支出合计600万元，比上年减少30万元，主要原因是会议费和培训费分别减少10、20万元。", {_c("会议费", "decrease", "-100000"), _c("培训费", "decrease", "-200000")}),
    # items changed together, counts that do not agree: no component
    ("本年支出合计600万元，比上年减少30万元，主要原因是会议费、培训费共减少30万元。", set()),
    ("本年支出合计600万元，比上年减少30万元，主要原因是会议费、培训费、差旅费分别减少10万元和20万元。", set()),
    ("本年支出合计600万元，比上年减少30万元，主要原因是会议费、培训费减少。", set()),
    # negatives: a reason without figures, percentages, a sum, a count of people
    ("本年支出合计600万元，比上年增加30万元，主要原因是人员增加、业务量增加。", set()),
    ("本年支出合计600万元，比上年增加30万元，主要原因是办公费增长10%，印刷费增长5%。", set()),
    ("本年支出合计600万元，比上年增加30万元，主要原因是新增项目共计30万元。", set()),
    ("本年支出合计600万元，比上年减少30万元，主要原因是合计减少30万元。", set()),
    ("本年支出合计600万元，比上年增加30万元，主要原因是在职人员增加5人。", set()),
    ("本年支出合计600万元，比上年增加30万元。增加原因：新增职工服务阵地建设经费30万元。", set()),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_reason_components(text: str, expected: set[Component]) -> None:
    assert _components(_changes(text)) == expected


def test_components_share_the_total_change_body_year_and_phase() -> None:
    changes = _changes(CASES[0][0])
    total = next(c for c in changes if c.parent_item is None)
    assert total.item == "收入总计" and total.reason and total.reason.startswith("困难职工帮扶经费减少")
    for part in (c for c in changes if c.parent_item):
        assert part.parent_item == total.item
        assert (part.org, part.year, part.phase) == (total.org, total.year, total.phase)
        assert part.reason is None


def test_a_reason_further_on_is_not_this_change() -> None:
    text = "本年支出合计600万元，比上年减少30万元。年末结转和结余10万元。主要原因是会议费减少10万元。"
    total = next(c for c in _changes(text) if c.item == "本年支出合计")
    assert total.reason is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("增加的原因主要是劳务费增加", "劳务费增加"),
        ("主要原因是：会议费减少 2 万元", "会议费减少 2 万元"),
        ("减少原因为压减支出", "压减支出"),
    ],
)
def test_reason_pattern(text: str, reason: str) -> None:
    m = NARRATIVE_PATTERNS["reason"].search(text)
    assert m is not None and m.group("reason") == reason


@pytest.mark.parametrize(("text", "reason"), [("主要是会议费增加", "会议费增加"), ("主要系人员增加", "人员增加"), ("由于人员增加", "人员增加")])
def test_reason_after_change_pattern(text: str, reason: str) -> None:
    m = NARRATIVE_PATTERNS["reason_after_change"].match(text)
    assert m is not None and m.group("reason") == reason


def test_main_is_no_reason_away_from_a_change() -> None:
    # "主要是" in a breakdown is no reason: its amounts stay amounts of the year
    doc = load_bytes("d.txt", (HEAD + "本年支出合计600万元，主要是工资福利支出500万元。\n").encode("utf-8"))
    from unionkg.model import Amount

    values = {f.value for f in extract(doc).facts if isinstance(f, Amount)}
    assert Decimal("5000000") in values


@pytest.mark.parametrize(
    ("text", "lead"),
    [("其中会议费", "其中"), ("其中：会议费", "其中："), ("2019年一次性项目", "2019年"), ("2020年度项目", "2020年度"), ("一是人员经费", "一是"), ("（2）办公费", "（2）"), ("由于会议费", "由于")],
)
def test_component_lead(text: str, lead: str) -> None:
    m = REASON_COMPONENT_LEAD.match(text)
    assert m is not None and m.group(0) == lead


@pytest.mark.parametrize("text", ["会议费", "其他支出", "中小企业", "因公出国(境)费", "一般公共服务"])
def test_component_lead_negative(text: str) -> None:
    m = REASON_COMPONENT_LEAD.match(text)
    assert m is None or m.group(0) == ""


@pytest.mark.parametrize(
    ("item", "is_sum"),
    [("合计", True), ("共计", True), ("小计", True), ("培训费共", True), ("会议费和培训费分别", True), ("合计支出", False), ("会议费", False), ("共青团工作经费", False)],
)
def test_not_item(item: str, is_sum: bool) -> None:
    assert bool(REASON_NOT_ITEM.search(item)) is is_sum


@pytest.mark.parametrize(
    ("text", "items"),
    [("会议费、培训费分别减少10万元和20万元", "会议费、培训费"), ("A经费和B费分别增加5、3万元", "A经费和B费")],
)
def test_respectively_pattern(text: str, items: str) -> None:
    m = REASON_RESPECTIVELY.search(text)
    assert m is not None and m.group("items") == items


@pytest.mark.parametrize("text", ["会议费、培训费分别减少", "会议费分别减少10万元", "会议费、培训费共减少10万元"])
def test_respectively_pattern_negative(text: str) -> None:
    assert REASON_RESPECTIVELY.search(text) is None
