"""Round 8c (q6): shares of a total, work tasks and duties as printed lists, indicators an English question
names by meaning.

The cases are in ``round8c.yaml``; the store holds the samples, the documents written for this round
(tests/qa/q12_docs: bodies and years not in the samples) and 岳阳市 2023 (q10_docs), built as ``unionkg
ingest`` builds it.  Before -> after on this list: see the commit messages and the report.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from unionkg.graph.store import OxigraphStore
from unionkg.pipeline import ingest_file
from unionkg.qa import Answerer
from unionkg.qa.evaluate import check, load_cases
from unionkg.qa.handlers import described_indicator_words
from unionkg.qa.patterns import (
    COUNT_ASKED_EN,
    COUNT_LABEL,
    DOUBLED_PUNCTUATION,
    INDICATOR_LABEL_WORDS,
    LIST_ITEM_END,
    MISSED_ASKED,
    RATE_LABEL,
    SHARE_OF_NAMED_BASE_EN,
)
from unionkg.qa.phrasing import printed_item, printed_list
from unionkg.search.encoders import HashEncoder
from unionkg.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).parent
CASES = load_cases(HERE / "round8c.yaml")
DOCUMENTS = (sorted((ROOT / "data" / "samples").glob("*.txt")) + sorted((HERE / "q12_docs").glob("*.txt"))
             + [HERE / "q10_docs" / "yueyang_city_union_selfeval_2023.txt"])
# Joints of a printed list the answer must never show (a closing mark of the item, then the separator).
BAD_JOINTS = ("。；", "；；", "。。", "；。", "。;", ".;", "; ;")


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    settings = Settings(store=str(tmp_path_factory.mktemp("q12") / "store"), encoder="hash")
    store = OxigraphStore()
    for path in DOCUMENTS:
        ingest_file(path, settings, store)
    return Answerer(store, settings, encoder=HashEncoder())


@pytest.mark.parametrize("case", CASES, ids=[f"{c['family']}-{c['q']}" for c in CASES])
def test_round8c_question(answerer: Answerer, case: dict[str, Any]) -> None:
    answer = answerer.ask(case["q"])
    text = str(answer["answer"])
    assert check(case, answer) == [], text
    order = case.get("in_order") or []
    positions = [text.find(word) for word in order]
    assert all(p >= 0 for p in positions) and positions == sorted(positions), (order, text)
    if case["family"].startswith(("tasks", "duties")):
        assert not any(joint in text for joint in BAD_JOINTS), text


@pytest.mark.parametrize(("text", "item"), [
    ("推进职工之家建设。", "推进职工之家建设"),
    ("开展技能竞赛。；", "开展技能竞赛"),
    ("一是建会，，二是入会；", "一是建会，二是入会"),
    ("加强经费管理；；", "加强经费管理"),
    ("组织劳模疗休养", "组织劳模疗休养"),  # nothing to take off
    ("“职工之家”建设。", "“职工之家”建设"),  # a closing quote is no mark to take off
])
def test_printed_item(text: str, item: str) -> None:
    assert printed_item(text) == item


@pytest.mark.parametrize(("pattern", "text", "hit"), [
    (LIST_ITEM_END, "建设。", True), (LIST_ITEM_END, "建设；", True), (LIST_ITEM_END, "建设 ; ", True),
    (LIST_ITEM_END, "建设”", False), (LIST_ITEM_END, "建设", False), (LIST_ITEM_END, "（一）建设", False),
    (DOUBLED_PUNCTUATION, "建设。；推进", True), (DOUBLED_PUNCTUATION, "建会，，入会", True), (DOUBLED_PUNCTUATION, "甲；；乙", True),
    (DOUBLED_PUNCTUATION, "建设。推进", False), (DOUBLED_PUNCTUATION, "甲、乙，丙", False), (DOUBLED_PUNCTUATION, "3.5万元", False),
])
def test_list_patterns(pattern: Any, text: str, hit: bool) -> None:
    assert bool(pattern.search(text)) is hit


def test_printed_list_once_and_cut() -> None:
    assert printed_list(["甲。", "乙；", "甲"], "zh") == "甲；乙"
    long = [f"第{i}项工作" + "内容" * 60 for i in range(10)]
    zh = printed_list(long, "zh")
    assert zh.endswith("（共 10 项）") and "另有" in zh and "第9项" not in zh
    assert printed_list(long[:2], "en").count("; ") == 1  # two short enough items: no cut


@pytest.mark.parametrize(("question", "words", "absent"), [
    ("what was the skills competition target?", ["竞赛", "技能竞赛"], ["满意度"]),
    ("how many model workers got condolence money", ["劳模", "慰问"], ["竞赛"]),
    ("what was the satisfaction rate of workers in hardship", ["满意度", "困难职工"], ["覆盖"]),
    ("what was the membership coverage of gig workers", ["入会", "覆盖", "新就业形态"], ["培训"]),
    ("how many training sessions were held", ["培训", "场次"], ["劳模"]),
    ("was the assistance money paid on time", ["帮扶", "及时"], ["准确率"]),
    ("what did the federation spend in 2023", [], ["竞赛", "满意度", "培训"]),
    ("what was the total income", [], ["覆盖", "劳模"]),
])
def test_described_indicator_words(question: str, words: list[str], absent: list[str]) -> None:
    found = described_indicator_words(question)
    assert all(w in found for w in words), found
    assert not any(w in found for w in absent), found


@pytest.mark.parametrize(("english", "label_word"), [
    ("skills competitions", "竞赛"), ("contest", "大赛"), ("participants", "参与"), ("contestants", "参赛"),
    ("coverage", "覆盖"), ("accuracy", "准确率"), ("timeliness", "及时"), ("compliance", "合规"),
    ("union membership", "入会"), ("households", "户数"), ("execution rate", "执行率"),
])
def test_indicator_label_words_positive(english: str, label_word: str) -> None:
    assert any(pattern.search(english) and zh == label_word for pattern, zh in INDICATOR_LABEL_WORDS)


@pytest.mark.parametrize("english", ["income", "total spending", "the federation", "projects", "basic expenditure", "in 2023"])
def test_indicator_label_words_negative(english: str) -> None:
    assert not any(pattern.search(english) for pattern, _zh in INDICATOR_LABEL_WORDS)


@pytest.mark.parametrize(("question", "hit"), [
    ("did it miss its training target", True), ("which targets did it fail", True), ("did it fall short of the coverage target", True),
    ("培训目标是否未完成", True), ("覆盖率没达标吗", True),
    ("did it meet its training target", False), ("what was the mission", False), ("培训目标完成了吗", False), ("达标了吗", False),
])
def test_missed_asked(question: str, hit: bool) -> None:
    assert bool(MISSED_ASKED.search(question)) is hit


@pytest.mark.parametrize(("question", "part", "base"), [
    ("what share of basic spending was personnel costs at the zhuzhou federation in 2022?", "personnel costs", "basic spending"),
    ("what were personnel costs as a percentage of basic expenditure in 2023?", "what were personnel costs", "basic expenditure"),
    ("what was the share of official reception in the three public expenses?", "official reception", "three public expenses"),
    ("what share of its spending went to projects?", "projects", "spending"),
    ("what was the total spending of the federation?", None, None),
    ("how much did personnel costs rise in 2023?", None, None),
])
def test_share_of_named_base_en(question: str, part: str | None, base: str | None) -> None:
    m = next((found for pattern in SHARE_OF_NAMED_BASE_EN if (found := pattern.search(question))), None)
    assert (m.group("part"), m.group("base")) == (part, base) if part else m is None


@pytest.mark.parametrize(("pattern", "text", "hit"), [
    (COUNT_ASKED_EN, "how many model workers got condolence money", True), (COUNT_ASKED_EN, "the number of households helped", True),
    (COUNT_ASKED_EN, "what was the satisfaction target", False), (COUNT_ASKED_EN, "how much money", False),
    (COUNT_LABEL, "春节慰问金发放人数", True), (COUNT_LABEL, "举办职工技能竞赛场次", True), (COUNT_LABEL, "走访慰问困难职工户数（户）", True),
    (COUNT_LABEL, "劳模慰问金发放合规率", False), (COUNT_LABEL, "人数增长率", False), (COUNT_LABEL, "职工满意度", False),
    (RATE_LABEL, "劳模慰问金发放合规率", True), (RATE_LABEL, "特殊困难帮扶人数占比", True), (RATE_LABEL, "新就业形态劳动者入会覆盖率（%）", True),
    (RATE_LABEL, "春节慰问金发放人数", False), (RATE_LABEL, "率先开展竞赛场次", False),
])
def test_count_and_rate_labels(pattern: Any, text: str, hit: bool) -> None:
    assert bool(pattern.search(text)) is hit
