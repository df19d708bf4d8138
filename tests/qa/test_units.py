"""Table-driven tests of the QA pattern tables, normalisation, linking, intents and sessions."""

from __future__ import annotations

import pytest

from unionkg.qa.intents import INTENTS, IntentClassifier
from unionkg.qa.linking import Catalog, OrgEntry, abbreviated, content_phrases, derived_aliases, pinyin_of, place_of
from unionkg.qa.normalize import chinese_numeral_value, detect_language, normalise_question
from unionkg.qa.items import asked_item_text, column_item, item_core, named_in, named_rows, with_synonyms
from unionkg.qa.patterns import (
    AMOUNT_ITEM_LINES,
    AMOUNT_ITEM_WORDS,
    CODE_PATTERN,
    FOLLOW_UP_PATTERNS,
    ITEM_DECORATION,
    NOT_RELATIVE_YEAR,
    ORG_PATTERNS,
    PHASE_COLUMN,
    PHASE_WORDS,
    STANDARD_LINE_ITEMS,
    YEAR_PATTERNS,
)
from unionkg.qa.phrasing import grade_for, wan
from unionkg.qa.sessions import SessionState, SessionStore

PATTERN_CASES = [
    (YEAR_PATTERNS["four_digit"], "2024年预算", True), (YEAR_PATTERNS["four_digit"], "科目2012901", False),
    (YEAR_PATTERNS["two_digit"], "24年的项目", True), (YEAR_PATTERNS["two_digit"], "收入合计", False),
    (CODE_PATTERN, "科目2080712是什么", True), (CODE_PATTERN, "2024年", False),
    (ORG_PATTERNS["zh_body_mention"], "北京市总工会的预算", True), (ORG_PATTERNS["zh_body_mention"], "项目支出是多少", False),
    (ORG_PATTERNS["en_body_mention"], "the beijing federation budget", True), (ORG_PATTERNS["en_body_mention"], "total income", False),
    (FOLLOW_UP_PATTERNS["zh"], "那江西省总工会呢?", True), (FOLLOW_UP_PATTERNS["zh"], "江西省总工会收入是多少", False),
    (FOLLOW_UP_PATTERNS["en"], "and in 2023?", True), (FOLLOW_UP_PATTERNS["en"], "which projects missed targets", False),
    (PHASE_WORDS["budget"], "项目支出预算多少", True), (PHASE_WORDS["final"], "项目支出预算多少", False),
    (PHASE_WORDS["final"], "actual spending", True),
    (AMOUNT_ITEM_LINES["income_total"], "预算收支情况收入预算总额", True), (AMOUNT_ITEM_LINES["income_total"], "上级补助收入", False),
    (AMOUNT_ITEM_WORDS["personnel"], "人员经费是多少", True), (AMOUNT_ITEM_WORDS["personnel"], "公用经费是多少", False),
    (AMOUNT_ITEM_LINES["expenditure_total"], "支出总计", True), (AMOUNT_ITEM_LINES["expenditure_total"], "项目支出合计", False),
    (NOT_RELATIVE_YEAR, "上年结转是多少", True), (NOT_RELATIVE_YEAR, "去年的收入", False),
    (NOT_RELATIVE_YEAR, "income compared with the previous year", True), (NOT_RELATIVE_YEAR, "what about last year", False),
    (STANDARD_LINE_ITEMS, "一般公共预算拨款是多少", True), (STANDARD_LINE_ITEMS, "一般公共预算拨款支出是多少", False),
    (STANDARD_LINE_ITEMS, "其他收入", True), (STANDARD_LINE_ITEMS, "本年收入合计", False),
    (ITEM_DECORATION, "六、其他收入", True), (ITEM_DECORATION, "2050201学前教育", False),
    (PHASE_COLUMN, "决算数", True), (PHASE_COLUMN, "其他收入", False),
]


@pytest.mark.parametrize("pattern,text,matches", PATTERN_CASES)
def test_pattern_table(pattern, text, matches) -> None:  # type: ignore[no-untyped-def]
    assert bool(pattern.search(text)) is matches


@pytest.mark.parametrize("question,text,language,years", [
    ("江西省總工會二〇二三年本年收入合計是多少？", "江西省总工会2023年本年收入合计是多少?", "zh", [2023]),
    ("ＷＨＩＣＨ projects missed targets in 2024?", "which projects missed targets in 2024?", "en", [2024]),
    ("24年南昌市总的项目", "24年南昌市总的项目", "zh", [2024]),
    ("对三十五户困难职工", "对35户困难职工", "zh", []),
    ("科目2012901是什么", "科目2012901是什么", "zh", []),
])
def test_normalise(question: str, text: str, language: str, years: list[int]) -> None:
    q = normalise_question(question)
    assert (q.text, q.language, q.years) == (text, language, years)


def test_relative_years_and_numerals() -> None:
    assert normalise_question("去年的预算").relative_years == [-1]
    assert normalise_question("what about last year").relative_years == [-1]
    assert [chinese_numeral_value(n) for n in ("三十五", "一百零二", "两千", "十")] == [35, 102, 2000, 10]
    assert detect_language("What was the 收入 in 2023") == "en"
    assert detect_language("How much was the 困难职工生活补助 of 龙华区总工会 in 2023?") == "en"
    assert detect_language("龙华区总工会2023年困难职工生活补助是多少") == "zh"
    assert detect_language("南昌市总工会2024年哪些KPI没有完成") == "zh"


def test_aliases_are_derived_from_labels() -> None:
    assert place_of("广西壮族自治区总工会") == "广西壮族自治区"
    assert {"南昌市", "南昌", "南昌市总", "南昌总工会"} <= derived_aliases("南昌市总工会", True)
    assert "杭州人力资源和社会保障局" in derived_aliases("杭州市人力资源和社会保障局", True)
    assert pinyin_of("江门") == "jiangmen"
    assert content_phrases("how many people did the nuclear industry subsidy reach")[0] == "nuclear industry subsidy"
    assert place_of("杭州市人力资源和社会保障局") == "杭州市" and place_of("柳州市总工会") == "柳州市"


@pytest.mark.parametrize("question,org_suffix", [
    ("南昌的项目", "nan-chang-shi-zong-gong-hui"),
    ("南昌市总的收入", "nan-chang-shi-zong-gong-hui"),
    ("the Nanchang federation", "nan-chang-shi-zong-gong-hui"),
    ("Jiangxi union income", "jiang-xi-sheng-zong-gong-hui"),
    ("深圳市总工会", "shen-zhen-shi-zong-gong-hui"),
    ("南昌市总工会和省总的收入比较", "jiang-xi-sheng-zong-gong-hui"),
    ("Hangzhou bureau", "hang-zhou-shi-ren-li-zi-yuan-he-she-hui-bao-zhang-ju"),
])
def test_org_linking(fixture_store, question: str, org_suffix: str) -> None:  # type: ignore[no-untyped-def]
    orgs, unknown = Catalog(fixture_store).link_orgs(normalise_question(question))
    assert any(o.endswith(org_suffix) for o in orgs), orgs
    assert not unknown


def test_unknown_body_is_reported(fixture_store) -> None:  # type: ignore[no-untyped-def]
    orgs, unknown = Catalog(fixture_store).link_orgs(normalise_question("2025年北京市总工会的预算是多少"))
    assert orgs == [] and unknown == ["北京市总工会"]


def test_english_project_name_links_by_meaning(fixture_store) -> None:  # type: ignore[no-untyped-def]
    from unionkg.search.encoders import encoder_for

    links = Catalog(fixture_store).link(normalise_question("How much was the workers library construction budget?"), encoder_for("use"))
    assert [p.rsplit("/", 1)[-1] for p in links.projects] == ["zhi-gong-shu-wu"]
    none = Catalog(fixture_store).link(normalise_question("What was the total income?"), encoder_for("use"))
    assert none.projects == []


@pytest.mark.parametrize("question,intent", [
    ("哪些项目没有完成绩效目标", "missed_targets"),
    ("which targets were missed", "missed_targets"),
    ("各下属单位的收入预算分别是多少", "unit_amounts"),
    ("科目2012901是什么", "code_lookup"),
    ("收入为什么下降", "change_reason"),
    ("who received the money", "flows"),
    ("有哪些内设机构", "departments"),
])
def test_rules_pick_the_family(question: str, intent: str) -> None:
    q = normalise_question(question)
    assert IntentClassifier(None).classify(q.text, q.original).name == intent


def test_every_intent_has_rules_and_bilingual_exemplars() -> None:
    for intent in INTENTS:
        assert intent.rules
        assert any(any("\u4e00" <= c <= "\u9fff" for c in e) for e in intent.exemplars)
        assert any(e.isascii() for e in intent.exemplars)


def test_sessions_are_bounded_lru() -> None:
    store = SessionStore(max_sessions=2)
    a = store.put(None, SessionState("amount"))
    b = store.put(None, SessionState("projects"))
    store.get(a)
    store.put(None, SessionState("duties"))
    assert store.get(a) is not None and store.get(b) is None and len(store) == 2


def test_phrasing() -> None:
    assert wan(77944400) == "7794.44" and wan("1300000") == "130.00"
    assert [grade_for(s) for s in (99.41, 85, 60, 59.9)] == ["优", "良", "中", "差"]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("江门市总工会医疗救助补助了多少户", "zh", {"户"}),
    ("送温暖资金慰问了多少职工", "zh", {"人"}),
    ("how many households got medical aid", "en", {"户"}),
    ("how many model workers were visited", "en", {"人"}),
    ("执行率是多少", "zh", set()),
    ("how much did the union spend", "en", set()),
])
def test_counters_in(text: str, lang: str, expected: set[str]) -> None:
    from unionkg.qa.handlers import counters_in

    assert counters_in(text, lang) == expected


@pytest.mark.parametrize(("question", "intent"), [
    ("南昌市总工会2024年预算和决算差多少", "budget_vs_final"),
    ("How did the federation's spending compare with its budget?", "budget_vs_final"),
    ("江西省总2023年支出比上年少了多少", "yoy_change"),
    ("How much did the personnel costs grow in 2019?", "yoy_change"),
    ("Which company received money from the federation?", "flows"),
    ("How much did the federation spend on code 2080505 in 2023?", "amount"),
    ("What share of its budget did the federation spend in 2024?", "execution_rate"),
])
def test_rule_intents(question: str, intent: str) -> None:
    from unionkg.qa.intents import IntentClassifier
    from unionkg.qa.normalize import normalise_question

    q = normalise_question(question)
    assert IntentClassifier(None).classify(q.text, q.original).name == intent


@pytest.mark.parametrize(("full", "short"), [
    ("海淀区教育委员会", "海淀区教委"), ("韶关市人力资源和社会保障局", "韶关市人社局"),
    ("港北区卫生健康局", "港北区卫健局"), ("某市卫生健康委员会", "某市卫健委"), ("某县财政局", "某县财政局"),
])
def test_official_abbreviations(full: str, short: str) -> None:
    assert abbreviated(full) == short


def test_relative_years_exclude_line_names_and_change_bases() -> None:
    assert normalise_question("湖南省教育厅2024年上年结转是多少").relative_years == []
    assert normalise_question("What was the carry-over from last year in 2024?").relative_years == []
    assert normalise_question("收入比去年增加了多少").relative_years == []
    assert normalise_question("去年的其他收入").relative_years == [-1]


def test_relative_years_count_from_the_named_body() -> None:
    catalog = Catalog.__new__(Catalog)
    catalog.orgs = {"a": OrgEntry("a", "甲", years={2023, 2024}), "b": OrgEntry("b", "乙", years={2025})}
    catalog.latest_year = 2025
    assert catalog.latest_year_of(["a"]) == 2024
    assert catalog.latest_year_of([]) == 2025


def test_line_items_are_read_and_named() -> None:
    assert item_core("六、其他收入") == "其他收入" and item_core("其中：公务用车购置费") == "公务用车购置费"
    assert item_core("“三公”经费合计") == "三公经费合计"
    assert named_in("一般公共预算拨款收入", "一般公共预算拨款是多少")
    assert not named_in("财政拨款收入", "财政拨款支出多少")
    assert column_item("合计", "其他收入") == "其他收入" and column_item("合计", "决算数") == "" and column_item("行政运行", "基本支出") == ""
    rows = [{"item": "本年收入合计", "amount": 42}, {"item": "六、其他收入", "amount": 1.2}, {"item": "合计", "column": "基本支出", "amount": 30}]
    assert [r["amount"] for r in named_rows(rows, "其他收入是多少")] == [1.2]
    assert [r["amount"] for r in named_rows(rows, "基本支出是多少")] == [30]
    assert named_rows(rows, "经营收入是多少") == []
    assert "一般公共预算拨款收入" in with_synonyms("财政拨款收入多少") and with_synonyms("本年收入合计") == ""
    assert "其他收入" in asked_item_text("what was the other income in 2022")
