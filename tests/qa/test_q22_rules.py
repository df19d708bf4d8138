"""Round 11, q22: the rules' tables this round added, each with positive and negative examples (the questions
themselves are in round11_q22.yaml, test_round11_q22.py)."""

from __future__ import annotations

import pytest

from unionkg.qa.items import residual_words
from unionkg.qa.normalize import recent_year_offsets
from unionkg.qa.patterns import (
    BODY_SHORT_FORM_OPENING,
    CHANGE_ASKED_COLLOQUIAL,
    CODE_AMOUNT_ASKED,
    LINE_PART_RANKED,
    PAYEES_ASKED_COLLOQUIAL,
    PROJECTS_ADDED_OR_DROPPED,
    REGION_BODIES_ASKED,
    REGION_SCOPE,
    SPENDING_BY_CLASS_ASKED,
    STAFF_BODIES_COMPARED,
    TARGET_AND_ACTUAL_ASKED,
    TARGETS_NOT_REACHED_ASKED,
    YEAR_ONLY_FOLLOW_UP,
)


@pytest.mark.parametrize("text, body", [
    ("某州教委收入预算", "某州教委"), ("某区教委收入", "某区教委"), ("日照总工会收入预算", "日照总工会"),
    ("某市人社局支出", "某市人社局"), ("乌鲁木齐市总工会预算", "乌鲁木齐市总工会"), ("某县妇女联合会预算", "某县妇女联合会"),
    ("年户外劳动者驿站建设经费", None), ("年社区服务站建设经费", None), ("年职工服务中心运行经费", None),
    ("年园区职工驿站", None), ("年城市书房馆藏", None), ("职工疗休养院改造", None),
])
def test_body_short_form_opening(text: str, body: str | None) -> None:
    m = BODY_SHORT_FORM_OPENING.match(text)
    assert (m.group(0) if m else None) == body


@pytest.mark.parametrize("question, words", [
    ("鹤岗市总工会2022年户外劳动者驿站建设经费多少", ["户外劳动者驿站建设"]),  # a project ending its first word in 站
    ("鹤岗市总工会2023年社区服务站运行经费", ["社区服务站运行"]),
    ("2022年某州教委收入预算是多少", []),  # a body's short form opens the question: no thing asked
    ("鹤岗总工会2021年医疗救助花了多少钱", ["医疗救助"]),
])
def test_residual_words_keep_a_project_opening(question: str, words: list[str]) -> None:
    assert residual_words(question, ["鹤岗市总工会"]) == words


@pytest.mark.parametrize("text, asked", [
    ("2020年哪些项目的绩效目标没实现", True), ("目标没能实现的指标", True), ("有哪些指标未达成", True),
    ("某市总工会2020年绩效目标完成情况怎么样", True), ("指标完成得如何", True), ("目标实现情况", True),
    ("目标实现率多少", False), ("项目完成情况", False), ("有哪些绩效指标", False), ("项目支出完成了多少", False),
    ("预算执行情况怎么样", False),
])
def test_targets_not_reached_asked(text: str, asked: bool) -> None:
    assert any(p.search(text) for p in TARGETS_NOT_REACHED_ASKED.values()) is asked


@pytest.mark.parametrize("text, asked", [
    ("2080505科目鹤岗市总工会2023年预算多少", True), ("科目2012901在2022年决算是多少", True), ("2012999这个科目花了多少", True),
    ("20805款去年支出几万元", True),
    ("2080505科目是什么", False), ("2012901是哪个科目的编码", False), ("2210201是啥科目", False), ("行政运行的科目编码是多少", False),
    ("2080505的名称和预算是多少", False), ("2023年预算多少", False),
])
def test_code_amount_asked(text: str, asked: bool) -> None:
    assert bool(CODE_AMOUNT_ASKED.search(text)) is asked


@pytest.mark.parametrize("text, ranked", [
    ("2022年某市总工会项目支出里哪个项目钱最多", True), ("项目支出中最少的是哪个", True), ("三公经费当中哪项最高", True),
    ("项目支出里面钱最多的是哪个项目", True), ("基本支出中哪部分更大", True),
    ("项目支出是多少", False), ("基本支出中人员经费多少", False), ("项目支出中困难职工帮扶资金多少", False),
    ("哪个总工会的项目支出最多", False), ("项目支出包括哪些项目", False),
])
def test_line_part_ranked(text: str, ranked: bool) -> None:
    assert bool(LINE_PART_RANKED.search(text)) is ranked


@pytest.mark.parametrize("text, compared", [
    ("鹤岗市总工会和双鸭山市总工会的编制人数哪个多", True), ("谁的在职人员多", True), ("两个单位编制人数对比", True),
    ("哪家的离退休人员更多", True), ("实有人数哪个少", True),
    ("退休人员比上年多了几个", False), ("编制人数是多少", False), ("超编了吗", False), ("哪个项目钱最多", False),
    ("编制人数加起来多少", False), ("朝阳市总工会和牡丹江市总工会的人员经费哪个多", False), ("在职人员经费哪个多", False),
    ("谁的人员支出多", False), ("人员经费对比", False),
])
def test_staff_bodies_compared(text: str, compared: bool) -> None:
    assert bool(STAFF_BODIES_COMPARED.search(text)) is compared


@pytest.mark.parametrize("text, asked", [
    ("预算这两年怎么变的", True), ("这两年预算变了多少", True), ("三公经费有什么变化", True), ("项目支出涨了还是降了", True),
    ("人员经费有没有变化", True), ("收入如何变化", True), ("三公经费预算与上年持平吗", True), ("是否持平", True),
    ("预算是多少", False), ("怎么花的", False), ("变化原因是什么", False), ("项目有哪些", False), ("收支平衡吗", False),
])
def test_change_asked_colloquial(text: str, asked: bool) -> None:
    assert bool(CHANGE_ASKED_COLLOQUIAL.search(text)) is asked


@pytest.mark.parametrize("text, offsets", [
    ("这两年预算怎么变的", [-1, 0]), ("近两年收入", [-1, 0]), ("这三年的项目支出", [-2, -1, 0]),
    ("职工文化活动经费两年分别是多少", [-1, 0]), ("三年各是多少", [-2, -1, 0]),
    ("这年预算", []), ("今年预算", []), ("2023年预算", []), ("这二年级学生", []), ("两年前的预算", []), ("前两年的预算", []),
    ("十三年的数据", []),
])
def test_this_many_years(text: str, offsets: list[int]) -> None:
    assert sorted(recent_year_offsets(text)) == offsets


@pytest.mark.parametrize("text, asked", [
    ("某市总工会2022年支出预算按功能科目怎么分的", True), ("预算按科目是怎么安排的", True), ("决算按功能分类的构成", True),
    ("钱按类别怎么分布", True),
    ("2012901是什么科目", False), ("按科目列出的行政运行是多少", False), ("功能分类科目2080505是什么", False), ("预算怎么分配给下属单位", False),
])
def test_spending_by_class_asked(text: str, asked: bool) -> None:
    assert bool(SPENDING_BY_CLASS_ASKED.search(text)) is asked


@pytest.mark.parametrize("text, asked", [
    ("某市总工会2023年新增了哪些项目", True), ("2023年比2022年少了哪个项目", True), ("取消了哪些项目", True),
    ("哪些项目是新增的", True), ("哪些经费没有了", True), ("多了哪几个项目", True),
    ("新增资金多少", False), ("项目支出增加了多少", False), ("有哪些项目", False), ("新增户外劳动者驿站建设经费多少", False),
])
def test_projects_added_or_dropped(text: str, asked: bool) -> None:
    assert bool(PROJECTS_ADDED_OR_DROPPED.search(text)) is asked


@pytest.mark.parametrize("text, follow_up", [
    ("2022年呢？", True), ("那去年的呢？", True), ("2021年度是多少？", True), ("上年呢", True), ("那么2020年呢?", True),
    ("2022年三公经费呢？", False), ("营口市总工会2022年呢？", False), ("2022年和2023年呢？", False), ("呢？", False),
])
def test_year_only_follow_up(text: str, follow_up: bool) -> None:
    assert bool(YEAR_ONLY_FOLLOW_UP.match(text)) is follow_up


@pytest.mark.parametrize("text, asked", [
    ("辽宁省有哪些总工会的数据", True), ("吉林省的总工会有哪几家", True), ("辽宁有几个总工会", True), ("黑龙江有哪些单位的数据", True),
    ("辽宁的总工会2022年项目支出", False), ("辽宁的总工会有哪些下属单位", False), ("辽宁有哪些总工会的项目没完成", False),
])
def test_region_bodies_asked(text: str, asked: bool) -> None:
    assert bool(REGION_BODIES_ASKED.search(text)) is asked


@pytest.mark.parametrize("after_place, scoped", [
    ("有哪些总工会的数据", True), ("有几个总工会", True), ("有哪些单位的数据", True), ("的总工会有哪些", True), ("各总工会", True),
    ("有哪些单位", False), ("总工会有几个下属单位", False), ("有多少钱", False),
])
def test_region_scope_after_a_place(after_place: str, scoped: bool) -> None:
    assert bool(REGION_SCOPE["zh"].match(after_place)) is scoped


@pytest.mark.parametrize("text, asked", [
    ("某市总工会给谁拨了钱", True), ("钱拨给了谁", True), ("补助给了哪些单位", True), ("资金转到了哪些机构", True),
    ("给工人文化宫拨了多少", False), ("补助给了哪些单位多少钱", False), ("谁给文化宫拨了钱", False), ("拨款多少", False),
])
def test_payees_asked_colloquial(text: str, asked: bool) -> None:
    assert bool(PAYEES_ASKED_COLLOQUIAL.search(text)) is asked


@pytest.mark.parametrize("text, asked", [
    ("帮扶困难职工户数目标和实际分别是多少", True), ("实际完成值与目标值", True), ("完成数和年度目标", True), ("目标、实际情况", True),
    ("目标是多少", False), ("实际完成多少", False), ("预算和决算分别是多少", False), ("目标和任务", False),
])
def test_target_and_actual_asked(text: str, asked: bool) -> None:
    assert bool(TARGET_AND_ACTUAL_ASKED.search(text)) is asked
