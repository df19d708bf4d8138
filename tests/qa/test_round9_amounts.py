"""Round 9 (q7): amount, trend, ranking, share, per-head, flow and budget-vs-final questions asked the way
users ask them (colloquial Chinese, traditional script and typos, mixed Chinese and English, relative
years, place + level + year + line + end in one question), over data/samples plus tests/qa/q13_docs
(federations of 福建 no other test uses: 三明市 2022-2024 budgets and 2023 final accounts, 龙岩市 2023 in 元
and 2024, 宁德市 2023 final accounts in traditional script, 莆田市 2023).

The question list is tests/qa/round9_amounts.yaml; its header gives the before -> after figures.
The rules the round added are tested table by table below (positive and negative examples).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from unionkg.graph.store import OxigraphStore
from unionkg.pipeline import ingest_paths
from unionkg.qa import Answerer
from unionkg.qa.evaluate import answer_text_problems, contract_problems, evaluate, load_cases
from unionkg.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).parent


def store_paths() -> list[Path]:
    return sorted((ROOT / "data" / "samples").glob("*.txt")) + sorted((HERE / "q13_docs").glob("*.txt"))


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    settings = Settings(store=str(tmp_path_factory.mktemp("q13") / "store"), encoder="none")
    store = OxigraphStore()
    ingest_paths(store_paths(), settings, store, None, jobs=1)
    from unionkg.analytics.checks import run_checks

    run_checks(store, settings)  # as `unionkg ingest` does: the checks also write the bodies' parents and units
    return Answerer(store, settings)


ROUND9_CASES = load_cases(HERE / "round9_amounts.yaml")
MIN_CASES = 100


_problems = answer_text_problems


def test_round9_list_is_kept_whole() -> None:
    assert len(ROUND9_CASES) >= MIN_CASES
    assert len({str(c["q"]) for c in ROUND9_CASES}) == len(ROUND9_CASES), "a question is listed twice"
    assert all(c.get("family") for c in ROUND9_CASES), "every case names its kind of question"


# Questions still answered wrong (the report names them): expected to fail, so a fix shows as XPASS.
OPEN: set[str] = set()


@pytest.mark.parametrize("case", ROUND9_CASES, ids=[str(c["q"])[:40] for c in ROUND9_CASES])
def test_round9_amount_questions(answerer: Answerer, case: dict[str, object]) -> None:
    if case["q"] in OPEN:
        pytest.xfail("still answered wrong")
    result = answerer.ask(str(case["q"]))
    assert not _problems(case, result), (_problems(case, result), result["answer"])


def test_round9_contract(answerer: Answerer) -> None:
    """Every answer of the list returns the SPARQL it ran and quotes its sources; no figure in a not-found answer."""
    results = evaluate(answerer, ROUND9_CASES)
    assert contract_problems(results) == []


# ---------------------------------------------------------------- the rules the round added, table by table
@pytest.mark.parametrize(("text", "final"), [
    ("三明市总工会 2023 final expenditure", True), ("final spending of the union", True), ("the final figure", True),
    ("final accounts income", True), ("finalised budget", False), ("the budget in the final quarter", False), ("2023 expenditure", False),
])
def test_final_words_ask_the_final_accounts(text: str, final: bool) -> None:
    from unionkg.qa.patterns import PHASE_WORDS

    assert bool(PHASE_WORDS["final"].search(text)) is final


@pytest.mark.parametrize(("text", "ranking", "ascending"), [
    ("2023年福建省各市总工会一般公共服务支出谁最高", True, False), ("各县总工会谁的人员经费最少", True, True),
    ("2023年各市总工会收入预算从低到高排序", True, True), ("按项目支出从小到大排列", True, True), ("rank them in ascending order", True, True),
    ("各总工会收入排名", True, False), ("谁收到了补助", False, False), ("人员经费是多少", False, False), ("收入从高到低", True, False),
])
def test_ranking_words_who_and_ascending(text: str, ranking: bool, ascending: bool) -> None:
    from unionkg.qa.handlers import asks_lowest_first
    from unionkg.qa.patterns import BODY_RANKING_WORDS

    assert (bool(BODY_RANKING_WORDS.search(text)), asks_lowest_first(text)) == (ranking, ascending)


@pytest.mark.parametrize(("text", "left"), [
    ("2023年福建省各市总工会一般公共服务支出谁最高", "2023年福建省各市总工会一般公共服务支出"),
    ("2023年各市总工会收入预算从低到高排序", "2023年各市总工会收入预算"),
    ("2024年各区县总工会的基本支出从高到低排序", "2024年各区县总工会的基本支出"),
])
def test_ranking_words_leave_the_line_asked(text: str, left: str) -> None:
    import re

    from unionkg.qa.patterns import RANKING_WORDS

    assert re.sub(r"\s+", "", RANKING_WORDS.sub(" ", text)) == left


@pytest.mark.parametrize(("after", "scoped"), [
    ("各市总工会一般公共服务支出", True), ("各县总工会", True), ("各地市总工会", True), ("的市级总工会", True), ("各区县总工会", True),
    ("的总工会", True), ("总工会", False), ("市总工会", False), ("各项支出", False),
    ("哪个总工会机关运行经费最多", True), ("的哪些工会", True), ("哪个部门", False),
])
def test_region_scope_with_a_level_word(after: str, scoped: bool) -> None:
    from unionkg.qa.patterns import REGION_SCOPE

    assert bool(REGION_SCOPE["zh"].match(after)) is scoped


@pytest.mark.parametrize(("after", "city_kind"), [
    (" city union had the smallest", True), (" municipal federations", True), (" prefecture unions", True),
    (" union", False), (" county union", False), (" city", False),
])
def test_english_city_kind_after_a_place(after: str, city_kind: bool) -> None:
    from unionkg.qa.patterns import REGION_SCOPE

    assert bool(REGION_SCOPE["en_city_kind_after"].match(after)) is city_kind


@pytest.mark.parametrize(("place", "province"), [
    ("福建省", True), ("广西壮族自治区", True), ("三明市", False), ("恩施州", False), ("东胜区", False), ("昌吉回族自治州", False),
])
def test_province_names(place: str, province: bool) -> None:
    from unionkg.qa.linking import is_province_name

    assert is_province_name(place) is province


@pytest.mark.parametrize(("text", "per_head"), [
    ("三明市总工会2024年人均人员经费是多少", True), ("平均每名在职人员的基本支出", True), ("每个职工的支出", True),
    ("personnel cost per staff member", True), ("per-capita spending", True), ("spending per head", True),
    ("慰问金每人多少", False), ("每人每月300元", False), ("人员经费是多少", False), ("average score per project", False),
])
def test_per_head_words(text: str, per_head: bool) -> None:
    from unionkg.qa.patterns import PER_HEAD_QUESTION

    assert bool(PER_HEAD_QUESTION.search(text)) is per_head


@pytest.mark.parametrize(("genres", "total"), [
    (["budget", "final_accounts", "final_accounts"], "合计：决算 30.00 万元（2 笔），预算 10.00 万元（1 笔）"),
    (["final_accounts", "final_accounts"], "合计 30.00 万元（2 笔）"), (["budget"], ""),
])
def test_payments_of_a_budget_and_final_accounts_are_totalled_apart(answerer: Answerer, genres: list[str], total: str) -> None:
    from unionkg.qa.handlers import Context, _payments_total
    from unionkg.qa.normalize import normalise_question

    q = normalise_question("拨付资金合计多少")
    ctx = Context(answerer.store, answerer.catalog(), q, answerer.catalog().link(q, None), "zh")
    rows: list[dict[str, object]] = [{"genre": g, "amount": 100000 if g == "budget" else 150000} for g in genres]
    assert (total in _payments_total(ctx, rows)) if total else _payments_total(ctx, rows) == ""


@pytest.mark.parametrize(("question", "flows"), [
    ("龙岩市总工会给工人文化宫补助了多少", True), ("给县总工会拨了多少？", True), ("给困难职工补助了多少钱", True),
    ("给困难职工补助了多少人", False), ("给多少户发放了补助", False),
])
def test_paid_to_named_body_without_a_money_word(question: str, flows: bool) -> None:
    from unionkg.qa.intents import INTENT_BY_NAME

    hit = any(p.search(question) for p, _w in INTENT_BY_NAME["flows"].rules)
    assert hit is flows


@pytest.mark.parametrize(("question", "fixed"), [
    ("三明市总工会2024年三工经费预算", "三公经费"), ("财政拔款收入是多少", "财政拨款"), ("下拔了多少", "下拨"), ("2023年预箅", "预算"),
    ("公物接待费", "公务接待"), ("三工会", "三工会"), ("拔河比赛经费", "拔河"), ("公物资产", "公物资产"),
])
def test_money_line_misspellings(question: str, fixed: str) -> None:
    from unionkg.qa.normalize import normalise_question

    assert fixed in normalise_question(question).text


@pytest.mark.parametrize(("text", "concept"), [
    ("宁德市总工会2023年项目上花了多少钱", "project_spending"), ("花在项目上的钱", "project_spending"), ("项目花费多少", "project_spending"),
    ("三明市总工会2024年财政给了多少钱", "fiscal_appropriation"), ("财政拨了多少", "fiscal_appropriation"),
    ("项目有哪些", None), ("财政局是哪个", None),
])
def test_colloquial_line_names(text: str, concept: str | None) -> None:
    from unionkg.qa.handlers import amount_concept

    assert amount_concept(text) == concept


@pytest.mark.parametrize(("text", "span"), [
    ("三明市总工会2022年到2024年项目支出怎么变化", ("2022", "2024")), ("2021-2023年收入", ("2021", "2023")),
    ("how did it change from 2022 to 2024", ("2022", "2024")), ("between 2020 and 2023", ("2020", "2023")),
    ("2022年和2024年相比", None), ("2012901科目", None), ("2024年收入", None),
])
def test_year_span(text: str, span: tuple[str, str] | None) -> None:
    from unionkg.qa.patterns import YEAR_SPAN

    m = YEAR_SPAN.search(text)
    assert (tuple(g for g in m.groups() if g) if m else None) == span


@pytest.mark.parametrize(("text", "payees"), [
    ("which units got the most money from the Sanming federation in 2023?", True), ("宁德市总工会2023年拨给哪个单位的钱最多", True),
    ("哪个单位收到的补助最多", True), ("who were the largest recipients", True),
    ("哪个总工会的收入最多", False), ("which federation spent the most", False), ("哪个单位的人员经费最少", False),
])
def test_payee_ranking_words(text: str, payees: bool) -> None:
    from unionkg.qa.patterns import PAYEE_RANKING_QUESTION

    assert bool(PAYEE_RANKING_QUESTION.search(text)) is payees


@pytest.mark.parametrize(("row", "zh", "en"), [
    ({"delta": -432000, "pct": -3.38}, "，即减少", ", a decrease"), ({"delta": 600000}, "，即增加", ", an increase"),
    ({"pct": 0}, "，即持平", ", unchanged"), ({"reason": "按年初预算执行"}, "", ""),
])
def test_change_direction_in_words(row: dict[str, object], zh: str, en: str) -> None:
    from unionkg.qa.handlers import _change_direction

    assert (_change_direction(row, "zh"), _change_direction(row, "en")) == (zh, en)


@pytest.mark.parametrize(("text", "frame"), [("环比变化", True), ("怎么变化", True), ("增加还是减少", True), ("医疗救助", False), ("慰问金", False)])
def test_change_words_name_no_other_thing(text: str, frame: bool) -> None:
    from unionkg.qa.patterns import AMOUNT_FRAME_WORDS

    assert (AMOUNT_FRAME_WORDS.sub("", text) == "") is frame


@pytest.mark.parametrize(("text", "concept"), [
    ("三明市总工会2024年一共能花多少钱", "expenditure_total"), ("准备花多少", "expenditure_total"), ("能收多少", None),
])
def test_what_a_budget_lets_spend(text: str, concept: str | None) -> None:
    from unionkg.qa.handlers import amount_concept

    assert amount_concept(text) == concept


@pytest.mark.parametrize(("question", "intent"), [
    ("三明市总工会2023年的一般公共服务支出执行得怎么样", "execution_rate"), ("项目执行情况如何", "execution_rate"),
    ("龙岩市总工会2023年下属单位拿了多少补助", "flows"), ("下属单位收到了多少钱", "flows"),
])
def test_colloquial_rate_and_units_paid_rules(question: str, intent: str) -> None:
    from unionkg.qa.intents import INTENT_BY_NAME

    assert any(p.search(question) for p, _w in INTENT_BY_NAME[intent].rules)


@pytest.mark.parametrize("question", ["下属单位有哪些", "下属单位的人员经费", "执行率是多少"])
def test_units_listed_are_no_payment(question: str) -> None:
    from unionkg.qa.intents import QUESTION_SHAPES

    assert not QUESTION_SHAPES["to_units"].search(question)


@pytest.mark.parametrize(("base", "part_phase", "asked"), [
    ("基本支出", "budget", "基本支出 预算"), ("基本支出", "final", "基本支出 决算"), ("基本支出决算", "budget", "基本支出决算"), ("基本支出", None, "基本支出"),
])
def test_share_base_in_the_part_phase(base: str, part_phase: str | None, asked: str) -> None:
    from unionkg.qa.handlers import _in_phase_of

    assert _in_phase_of(base, [{"phase": part_phase}] if part_phase else []) == asked


@pytest.mark.parametrize(("text", "tried"), [
    ("2023年福建省哪个总工会机关运行经费最多", True), ("福建省各市总工会", True), ("which city union of Fujian", True),
    ("三明市总工会2023年收入", False), ("what was the Sanming union's budget", False),
])
def test_region_words_let_the_places_be_tried(text: str, tried: bool) -> None:
    from unionkg.qa.patterns import REGION_WORDS

    assert bool(REGION_WORDS.search(text)) is tried


@pytest.mark.parametrize(("text", "all_years"), [
    ("三明市总工会这几年人员经费是涨了还是降了", True), ("历年项目支出", True), ("how did it change over the years", True),
    ("近三年", False), ("2023年和2024年", False), ("几年级", False),
])
def test_every_year_asked(text: str, all_years: bool) -> None:
    from unionkg.qa.patterns import ALL_YEARS_ASKED

    assert bool(ALL_YEARS_ASKED.search(text)) is all_years


@pytest.mark.parametrize(("text", "difference"), [
    ("2023年三明市总工会决算收入比预算收入多多少", True), ("预算支出比决算支出少了多少", True), ("决算比年初预算增加", True),
    ("决算收入是多少", False), ("预算收入比上年增加多少", False), ("收入比支出多多少", False),
])
def test_budget_difference_with_the_line_on_both_sides(text: str, difference: bool) -> None:
    from unionkg.qa.patterns import BUDGET_DIFFERENCE_QUESTION

    assert bool(BUDGET_DIFFERENCE_QUESTION.search(text)) is difference


@pytest.mark.parametrize(("genre", "phases", "kept"), [
    ("budget", {"budget"}, True), ("final_accounts", {"budget"}, False), ("final_accounts", {"final"}, True),
    ("budget", {"final"}, False), ("performance_self_evaluation", {"budget"}, True), ("None", {"final"}, True),
])
def test_stated_changes_of_the_phase_asked(genre: str, phases: set[str], kept: bool) -> None:
    from unionkg.qa.handlers import CHANGE_GENRE_PHASE

    assert (CHANGE_GENRE_PHASE.get(genre, next(iter(phases))) in phases) is kept


@pytest.mark.parametrize(("text", "direction", "trend"), [
    ("Was Ningde's income up or down in 2023?", True, False), ("did it go up or down", True, False), ("人员经费的变化趋势", False, True),
    ("what's the trend of its spending", False, True), ("走势如何", False, True), ("up to 2023", False, False), ("downtown", False, False),
])
def test_direction_and_trend_words(text: str, direction: bool, trend: bool) -> None:
    from unionkg.qa.patterns import ALL_YEARS_ASKED, DIRECTION_QUESTION

    assert (bool(DIRECTION_QUESTION.search(text)), bool(ALL_YEARS_ASKED.search(text))) == (direction, trend)


@pytest.mark.parametrize(("text", "fiscal"), [
    ("which union got more fiscal money", True), ("fiscal funding in 2023", True), ("fiscal year 2023", False), ("fiscal appropriation", True),
])
def test_fiscal_money_words(text: str, fiscal: bool) -> None:
    from unionkg.qa.handlers import amount_concept

    assert (amount_concept(text) == "fiscal_appropriation") is fiscal


@pytest.mark.parametrize(("question", "place"), [
    ("2023年湖北省各市总工会一般公共服务支出谁最高", "湖北省"), ("湖南的总工会2023年收入排名", "湖南省"), ("北京市所有工会的支出排名", "北京市"),
    ("2023年福建省各市总工会一般公共服务支出谁最高", None), ("2023年各市总工会收入预算从低到高排序", None), ("三明市总工会各单位的收入", None),
])
def test_a_place_without_bodies_is_said(answerer: Answerer, question: str, place: str | None) -> None:
    """A place the question scopes to that encloses no body of the graph (湖北省 here): named in a not-found answer;
    a place with bodies (福建省) or none named is no such place."""
    from unionkg.qa.handlers import Context, _unheld_place_scope
    from unionkg.qa.normalize import normalise_question

    q = normalise_question(question)
    ctx = Context(answerer.store, answerer.catalog(), q, answerer.catalog().link(q, None), "zh")
    assert _unheld_place_scope(ctx) == place


@pytest.mark.parametrize(("question", "place"), [
    ("rank the unions in hunan by income in 2023", "湖南省"), ("which hubei county unions spent the most", "湖北省"),
    ("which hubei city union spent the most", "湖北省"), ("rank the unions in 2023", None), ("what was the hunan union's income", None),
])
def test_an_english_place_without_bodies(question: str, place: str | None) -> None:
    from unionkg.qa.handlers import _unheld_english_place

    assert _unheld_english_place(question) == place


@pytest.mark.parametrize(("years", "total"), [
    ([2023, 2023, 2024], "合计：2023 年 25.00 万元（2 笔）；2024 年 10.00 万元（1 笔）（不同年度不相加）"),
    ([2023, 2024], ""), ([2023, 2023], "合计 25.00 万元（2 笔）"),
])
def test_payments_of_several_years_are_totalled_by_year(answerer: Answerer, years: list[int], total: str) -> None:
    from unionkg.qa.handlers import Context, _payments_total
    from unionkg.qa.normalize import normalise_question

    q = normalise_question("拨付资金合计多少")
    ctx = Context(answerer.store, answerer.catalog(), q, answerer.catalog().link(q, None), "zh")
    rows: list[dict[str, object]] = [{"year": y, "amount": 100000 if i == len(years) - 1 and y == 2024 else 125000} for i, y in enumerate(years)]
    assert (total in _payments_total(ctx, rows)) if total else _payments_total(ctx, rows) == ""


@pytest.mark.parametrize(("text", "concept"), [
    ("三明市总工会2023年花在人员身上的钱有多少", "personnel"), ("人头费多少", "personnel"), ("花在项目上的钱", "project_spending"),
    ("人员编制多少", None),
])
def test_personnel_asked_colloquially(text: str, concept: str | None) -> None:
    from unionkg.qa.handlers import amount_concept

    assert amount_concept(text) == concept


@pytest.mark.parametrize(("text", "breakdown"), [
    ("What was the biggest expense of the Putian union in 2023?", True), ("莆田市总工会2023年最大的支出是什么", True),
    ("the main expenditures of the union", True), ("what was the biggest project", False), ("最大的项目是什么", False),
])
def test_biggest_expense_is_the_breakdown(text: str, breakdown: bool) -> None:
    from unionkg.qa.patterns import SPENDING_BREAKDOWN_QUESTION

    assert bool(SPENDING_BREAKDOWN_QUESTION.search(text)) is breakdown
