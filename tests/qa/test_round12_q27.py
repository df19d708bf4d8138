"""Round 12, q27: small answers that were wrong or silent (cases in ``round12_q27.yaml``, over the samples,
q27_docs and two rt12b budgets), with the named tables' own positive and negative examples."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.qa.fact_rounds import check_question
from unionkg.analytics.checks import run_checks
from unionkg.graph.store import OxigraphStore
from unionkg.pipeline import ingest_file
from unionkg.qa import Answerer
from unionkg.qa.evaluate import load_cases
from unionkg.qa.patterns import STAFF_GROUP_WORDS
from unionkg.qa.amount_thresholds import amount_of, amount_threshold_asked, without_threshold
from unionkg.qa.asset_counts import asked_asset_topic, is_stock, is_total, rows_of_year
from unionkg.qa.targets_only import publishes_targets_only, states_outcome
from unionkg.search.encoders import HashEncoder
from unionkg.settings import Settings

HERE = Path(__file__).parent
CASES = load_cases(HERE / "round12_q27.yaml")
SAMPLES = HERE.parents[1] / "data" / "samples"
CORPUS = HERE.parent / "extract" / "corpus"
RT12B = ["rt12b_gs_county_union_two_year_targets_budget_2025.txt", "rt12b_js_workers_palace_dotted_codes_budget_2025.txt"]


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    settings = Settings(store=str(tmp_path_factory.mktemp("q27") / "store"), encoder="hash")
    store = OxigraphStore()
    for path in sorted(SAMPLES.glob("*.txt")) + sorted((HERE / "q27_docs").glob("*.txt")) + [CORPUS / n for n in RT12B]:
        ingest_file(path, settings, store)
    run_checks(store, settings)
    return Answerer(store, settings, encoder=HashEncoder())


@pytest.mark.parametrize("case", CASES, ids=[f"{c['kind']}-{str(c['q'])[:30]}" for c in CASES])
def test_round12_q27_question(answerer: Answerer, case: dict[str, Any], request: pytest.FixtureRequest) -> None:
    check_question(answerer, case, request)


# (indicator row, whether it reports how the indicator turned out)
OUTCOME_ROWS = [
    ({"indicator": "帮扶户数", "targetText": "≥80户"}, False),
    ({"indicator": "帮扶户数", "targetText": "≥80户", "actualText": ""}, False),
    ({"indicator": "帮扶户数", "targetText": "≥80户", "actual": 85}, True),
    ({"indicator": "帮扶户数", "targetText": "≥80户", "actualText": "85户"}, True),
    ({"indicator": "满意度", "targetText": "≥90%", "met": False}, True),
    ({"indicator": "满意度", "targetText": "≥90%", "score": 8}, True),
]


@pytest.mark.parametrize(("row", "outcome"), OUTCOME_ROWS)
def test_states_outcome(row: dict[str, object], outcome: bool) -> None:
    assert states_outcome(row) is outcome


def test_targets_only_needs_every_row_without_outcome() -> None:
    assert publishes_targets_only([OUTCOME_ROWS[0][0], OUTCOME_ROWS[1][0]])
    assert not publishes_targets_only([OUTCOME_ROWS[0][0], OUTCOME_ROWS[2][0]])
    assert not publishes_targets_only([])


# (question, language, the asset whose count it asks for)
ASSET_QUESTIONS = [
    ("宜兴市工人文化宫2031年有几辆车", "zh", "vehicles"),
    ("本单位车辆有多少", "zh", "vehicles"),
    ("有几辆公务用车", "zh", "vehicles"),
    ("有多少台设备", "zh", "equipment"),
    ("办公用房有多少平方米", "zh", "buildings"),
    ("how many vehicles does the federation have", "en", "vehicles"),
    ("how many official cars did it hold in 2031?", "en", "vehicles"),
    ("车辆运行维护费多少", "zh", None),
    ("公务用车购置及运行维护费是多少", "zh", None),
    ("公务用车购置数", "zh", None),
    ("计划购置几辆车", "zh", None),
    ("有几个项目评价为优", "zh", None),
    ("how many vehicles were purchased", "en", None),
    ("how much did it spend on vehicles", "en", None),
]


@pytest.mark.parametrize(("question", "lang", "topic"), ASSET_QUESTIONS)
def test_asked_asset_topic(question: str, lang: str, topic: str | None) -> None:
    assert asked_asset_topic(question, lang) == topic


# (asset, printed label, a stock count of it, the total of it)
ASSET_LABELS = [
    ("vehicles", "车辆", True, True),
    ("vehicles", "一、车辆数合计(台、辆)", True, True),
    ("vehicles", "公务用车保有量", True, True),
    ("vehicles", "机要通信用车", True, False),
    ("vehicles", "购置公务用车", False, False),
    ("vehicles", "国内公务接待", False, False),
    ("equipment", "单价100万元(含)以上设备(不含车辆)", True, True),
    ("buildings", "房屋", True, True),
    ("buildings", "办公用房", True, False),
]


@pytest.mark.parametrize(("topic", "item", "stock", "total"), ASSET_LABELS)
def test_asset_labels(topic: str, item: str, stock: bool, total: bool) -> None:
    assert (is_stock(topic, item), is_total(topic, item)) == (stock, total)


# (years held, years asked, the year answered)
STOCK_YEARS = [
    ([2030, 2031], [2031], 2031),
    ([2030], [2031], 2030),  # a budget's stock stated at the end of the year before
    ([2030, 2031], [], 2031),
    ([2032], [2031], 2032),  # nothing before: the only year held, said so
]


@pytest.mark.parametrize(("held", "asked", "year"), STOCK_YEARS)
def test_rows_of_year(held: list[int], asked: list[int], year: int) -> None:
    rows, picked = rows_of_year([{"year": y} for y in held], asked)
    assert picked == year and all(r["year"] == year for r in rows)


# (question, the staff group it names, or None): the group words added in round 12 (q27) with their negatives
STAFF_GROUP_QUESTIONS = [
    ("江门市总工会雇员有几个", "雇员"),
    ("机关雇员多少人", "雇员"),
    ("临时工有几个", "临时工"),
    ("合同制人员有几个", "合同"),
    ("合同工多少人", "合同"),
    ("劳务工几个人", "劳务工"),
    ("外聘人员多少", "外聘"),
    ("how many contract workers does it have", "合同"),
    ("how many hired employees", "雇员"),
    ("临时聘用人员多少", "临聘"),
    ("雇员工资多少", None),
    ("临时工作有哪些", None),
    ("合同金额多少", None),
    ("劳务工资支出多少", None),
    ("外聘专家费多少", None),
    ("临时工经费是多少", None),
]


@pytest.mark.parametrize(("question", "group"), STAFF_GROUP_QUESTIONS)
def test_staff_group_words(question: str, group: str | None) -> None:
    assert next((stem for stem, pattern in STAFF_GROUP_WORDS.items() if pattern.search(question.lower())), None) == group


# (question, the comparison and threshold in yuan it asks of an amount, or None)
AMOUNT_THRESHOLDS = [
    ("某县总工会2031年三公经费有没有超过10万元", ("above", Decimal(100_000))),
    ("项目支出是否不到100万元", ("below", Decimal(1_000_000))),
    ("项目支出是不是在50万元以上", ("at_least", Decimal(500_000))),
    ("收入是否超过1.5亿元", ("above", Decimal(150_000_000))),
    ("公务接待费是否低于8000元", ("below", Decimal(8_000))),
    ("did x spend more than 5 million yuan on projects in 2031?", ("above", Decimal(5_000_000))),
    ("was spending below 500,000 yuan?", ("below", Decimal(500_000))),
    ("did income reach rmb 2 million yuan?", ("at_least", Decimal(2_000_000))),
    ("三公经费是多少", None),
    ("哪些单位三公经费超过10万元", None),
    ("执行率是不是低于95%", None),
    ("自评得分是否达到90分", None),
    ("三公经费有没有超过预算", None),
    ("2031年支出有没有超过2030年", None),
    ("how much was spent on projects over 2031?", None),
]


@pytest.mark.parametrize(("question", "asked"), AMOUNT_THRESHOLDS)
def test_amount_threshold_asked(question: str, asked: tuple[str, Decimal] | None) -> None:
    assert amount_threshold_asked(question) == asked


# (row, the amount a verdict reads from it: phase, item, yuan) -- a line's amount, else a project's latest phase
AMOUNT_ROWS = [
    ({"item": "项目支出", "phase": "final", "amount": 1974000}, ("final", "项目支出", Decimal(1974000))),
    ({"label": "帮扶项目", "budget": 500000, "final": 480000}, ("final", "帮扶项目", Decimal(480000))),
    ({"label": "帮扶项目", "budget": 500000}, ("budget", "帮扶项目", Decimal(500000))),
    ({"label": "帮扶项目"}, None),
    ({"indicator": "满意度", "actual": 95}, None),
]


@pytest.mark.parametrize(("row", "read"), AMOUNT_ROWS)
def test_amount_of(row: dict[str, object], read: tuple[str, str, Decimal] | None) -> None:
    got = amount_of(row)
    assert (None if got is None else (got[0].get("phase"), got[0].get("item"), got[1])) == read


# (question, the question without its money threshold clause, or None)
WITHOUT_THRESHOLD = [
    ("某县总工会2031年收入是否超过3000万元", "某县总工会2031年收入"),
    ("某县总工会2031年三公经费有没有超过10万元？", "某县总工会2031年三公经费？"),
    ("某县总工会2031年项目支出是不是在50万元以上", "某县总工会2031年项目支出"),
    ("was the x federation's 2031 income above 10 million yuan?", "was the x federation's 2031 income ?"),
    ("某县总工会2031年收入是多少", None),
    ("执行率是不是低于95%", None),
]


@pytest.mark.parametrize(("question", "plain"), WITHOUT_THRESHOLD)
def test_without_threshold(question: str, plain: str | None) -> None:
    assert without_threshold(question) == plain
