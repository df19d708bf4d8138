"""Round 9 (q9): questions about one line of a budget (an item inside a total, a line printed with its class,
a line asked by classification code or by the code's name, English names of the common lines, and "not found"
naming the lines the body has), over data/samples plus tests/qa/q15_docs (芜湖市总工会 2022 budget, 岳阳市总工会
2023 final accounts in 元: 类/款/项 tables and prose lines with the class in brackets).

The question list is tests/qa/round9_lines.yaml; its header gives the before -> after figures.
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
    return sorted((ROOT / "data" / "samples").glob("*.txt")) + sorted((HERE / "q15_docs").glob("*.txt"))


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    settings = Settings(store=str(tmp_path_factory.mktemp("q15") / "store"), encoder="none")
    store = OxigraphStore()
    ingest_paths(store_paths(), settings, store, None, jobs=1)
    from unionkg.analytics.checks import run_checks

    run_checks(store, settings)
    return Answerer(store, settings)


LINE_CASES = load_cases(HERE / "round9_lines.yaml")
MIN_CASES = 40


_problems = answer_text_problems


def test_line_list_is_kept_whole() -> None:
    assert len(LINE_CASES) >= MIN_CASES
    assert len({str(c["q"]) for c in LINE_CASES}) == len(LINE_CASES), "a question is listed twice"
    assert sum(1 for c in LINE_CASES if not c["found"]) >= 4
    assert sum(1 for c in LINE_CASES if c["family"] == "english") >= 8


# Questions still answered wrong (the report names them): expected to fail, so a fix shows as XPASS.
OPEN: set[str] = set()


@pytest.mark.parametrize("case", LINE_CASES, ids=[str(c["q"])[:40] for c in LINE_CASES])
def test_line_questions(answerer: Answerer, case: dict[str, object]) -> None:
    if case["q"] in OPEN:
        pytest.xfail("still answered wrong")
    result = answerer.ask(str(case["q"]))
    assert not _problems(case, result), (_problems(case, result), result["answer"])


def test_line_contract(answerer: Answerer) -> None:
    results = evaluate(answerer, [c for c in LINE_CASES if c["q"] not in OPEN])
    assert contract_problems(results) == []


# ---------------------------------------------------------------- the round's tables, positive and negative
@pytest.mark.parametrize(("text", "split"), [
    ("某县总工会2023年财政拨款支出中行政运行是多少", ("行政运行是多少", "年财政拨款支出")),
    ("群众团体事务里的一般行政管理事务", ("一般行政管理事务", "群众团体事务")),
    ("一般公共服务支出当中的行政运行", ("行政运行", "一般公共服务支出")),
    ("基本支出里面的住房公积金", ("住房公积金", "基本支出")),
    ("administrative operation under mass organisation affairs", ("administrative operation ", "mass organisation affairs")),
    ("What was administrative operation in the union's fiscal appropriation expenditure?", ("What was administrative operation ", "union's fiscal appropriation expenditure?")),
    ("其中财政拨款收入多少", None), ("中央补助多少", None), ("中小企业采购金额", None), ("市总工会下属单位", None),
    ("How much did the union spend on administrative operation in 2022?", None),
])
def test_line_inside_a_total(text: str, split: tuple[str, str] | None) -> None:
    from unionkg.qa.items import container_split

    assert container_split(text) == split


@pytest.mark.parametrize(("label", "forms"), [
    ("行政运行(某某事务)", {"行政运行(某某事务)", "行政运行", "某某事务行政运行", "某某事务-行政运行"}),
    ("住房公积金(住房改革支出)", {"住房公积金", "住房改革支出住房公积金"}),
    ("因公出国(境)费", {"因公出国(境)费"}), ("人员经费合计", {"人员经费合计", "人员经费"}), ("行政运行", {"行政运行"}),
])
def test_line_printed_with_its_class(label: str, forms: set[str]) -> None:
    from unionkg.qa.items import item_forms

    got = item_forms(label)
    assert forms <= got
    if "(" not in label or label.endswith("费"):  # no class printed: no other name than the label (and without 合计)
        assert got == forms


@pytest.mark.parametrize(("row", "classes"), [
    ({"item": "行政运行", "code": "2012901"}, ["某某事务", "一般公共服务支出"]), ({"item": "行政运行(文体事务)", "code": None}, ["文体事务"]),
    ({"item": "一般公共服务支出", "code": "201"}, []), ({"item": "基本支出", "code": None}, []), ({"item": "行政运行", "code": "2070101"}, []),
])
def test_classes_of_a_line(row: dict[str, object], classes: list[str]) -> None:
    from unionkg.qa.items import line_classes

    assert line_classes(row, {"20129": "某某事务", "201": "一般公共服务支出"}) == classes


@pytest.mark.parametrize(("cls", "text", "named"), [
    ("群众团体事务", "群团事务行政运行花多少", True), ("群众团体事务", "群众团体事务-行政运行", True), ("文化和旅游", "文旅行政运行", True),
    ("群众团体事务", "行政运行是多少", False), ("文化和旅游", "旅游收入", False),
])
def test_class_named_in_full_or_short(cls: str, text: str, named: bool) -> None:
    from unionkg.qa.items import class_named

    assert class_named(cls, text) is named


def test_several_classes_of_one_line_are_all_named() -> None:
    """A question naming the bare line scores its rows alike; naming the class picks that class's row."""
    from unionkg.qa.items import named_rows

    rows: list[dict[str, object]] = [
        {"item": "行政运行", "code": "2012901"}, {"item": "行政运行", "code": "2070101"}, {"item": "某某事务", "code": "20129"},
        {"item": "文化和旅游", "code": "20701"}, {"item": "行政运行(某某事务)", "code": None},
    ]
    assert len(named_rows(rows, "行政运行是多少")) == 3
    assert [r["code"] for r in named_rows(rows, "某某事务行政运行是多少")] == ["2012901", None]
    assert [r["code"] for r in named_rows(rows, "文化和旅游的行政运行")] == ["2070101"]
    assert [r["code"] for r in named_rows(rows, "行政运行", context="某某事务")] == ["2012901", None]


@pytest.mark.parametrize(("text", "asked"), [
    ("某县总工会2022年2012901是多少", True), ("科目2070101预算多少", True), ("功能分类2210201是多少", True), ("行政单位医疗是多少", True),
    ("住房公积金交了多少钱", True), ("群团事务行政运行花多少", True), ("What did the union budget for code 2080501?", True),
    ("某县总工会2024年事业单位离退休", True), ("事业运行预算？", True),
    ("行政运行的科目编码是多少", False), ("某县总工会有几个事业单位", False), ("事业单位离退休人员有多少人", False), ("2012901是什么", False), ("行政运行科目代码多少", False), ("2024年收入是多少", False),
])
def test_line_amount_asked_without_a_money_word(text: str, asked: bool) -> None:
    from unionkg.qa.patterns import LINE_AMOUNT_QUESTION

    assert bool(LINE_AMOUNT_QUESTION.search(text)) is asked


@pytest.mark.parametrize(("text", "zh"), [
    ("administrative operation", "行政运行"), ("spending on administrative running", "行政运行"),
    ("general administration affairs", "一般行政管理事务"), ("general administrative affairs", "一般行政管理事务"),
    ("retirees of administrative units", "行政单位离退休"), ("retirees of public institutions", "事业单位离退休"),
    ("housing provident fund", "住房公积金"), ("other expenditure on mass organisations", "其他群众团体事务支出"),
    ("mass organization affairs", "群众团体事务"), ("medical care of administrative units", "行政单位医疗"),
    ("fiscal appropriation expenditure", "财政拨款支出"),
    ("administrative units", None), ("general affairs office", None), ("operation of the union", None), ("mass media", None),
])
def test_english_names_of_the_common_lines(text: str, zh: str | None) -> None:
    from unionkg.qa.items import translated_labels

    labels = translated_labels(text)
    assert (zh in labels) if zh else not any(lab in labels for lab in ("行政运行", "一般行政管理事务", "行政单位离退休", "事业单位离退休",
                                                                         "其他群众团体事务支出", "群众团体事务", "行政单位医疗", "财政拨款支出"))


@pytest.mark.parametrize(("text", "line"), [
    ("Wuzhong union 2022 retirees of administrative units", True), ("administrative operation costs", True),
    ("how many retirees does the union have", False), ("administrative staff", False),
])
def test_english_line_names_ask_an_amount(text: str, line: bool) -> None:
    from unionkg.qa.patterns import ENGLISH_LINE_NAMES

    assert bool(ENGLISH_LINE_NAMES.search(text)) is line


@pytest.mark.parametrize(("text", "lines"), [
    ("其他群众团体事务支出", ["其他群众团体事务支出"]), ("群众团体事务行政运行", ["群众团体事务", "行政运行"]),
    ("行政单位离退休和住房公积金", ["行政单位离退休", "住房公积金"]), ("人员经费", []), ("行政运行费", ["行政运行"]),
])
def test_functional_line_names(text: str, lines: list[str]) -> None:
    from unionkg.qa.patterns import FUNCTIONAL_LINE_NAMES

    assert FUNCTIONAL_LINE_NAMES.findall(text) == lines


@pytest.mark.parametrize(("text", "lines"), [
    ("某县总工会2023年离退休的钱花了多少", ["行政单位离退休", "事业单位离退休", "离退休费"]), ("公积金交了多少", ["住房公积金"]),
    ("医疗费多少", ["行政单位医疗", "事业单位医疗"]),
    ("行政单位离退休", []), ("离退休人员有多少", []), ("离退休费", []), ("住房公积金", []), ("行政单位医疗支出", []), ("医疗救助", []),
])
def test_colloquial_line_names(text: str, lines: list[str]) -> None:
    from unionkg.qa.patterns import COLLOQUIAL_LINE_NAMES

    assert [line for pattern, names in COLLOQUIAL_LINE_NAMES if pattern.search(text) for line in names] == lines


@pytest.mark.parametrize(("text", "sides"), [
    ("某县总工会2023年行政运行比一般行政管理事务多多少", ("某县总工会2023年行政运行", "一般行政管理事务多多少")),
    ("某某事务行政运行是文化和旅游行政运行的几倍", ("某某事务行政运行", "文化和旅游行政运行的几倍")),
    ("more on administrative operation than on housing provident fund", ("more on administrative operation ", " on housing provident fund")),
    ("行政运行占比是多少", None), ("行政运行比上年增加多少", None), ("比重多少", None), ("more than in last year", None),
])
def test_two_printed_lines_compared(text: str, sides: tuple[str, str] | None) -> None:
    from unionkg.qa.patterns import LINE_GAP_SPLIT

    lang = "en" if text[0].isascii() else "zh"
    m = LINE_GAP_SPLIT[lang].search(text)
    assert ((text[: m.start()], text[m.end():]) if m else None) == sides
