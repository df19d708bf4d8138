"""Round 8 (q3): English level words in linking, rankings read in one query, and amount / change /
comparison / ranking questions over the samples and documents written for bodies of provinces no
other test uses (tests/qa/q9_docs: 朝阳市 of 辽宁 2022, 牡丹江市 of 黑龙江 2020 and 2021 (in 元),
鄂尔多斯市东胜区 of 内蒙古 2024 final accounts, 昌吉回族自治州 of 新疆 2018), plus two corpus documents
(吉林区总工会, a district that is not the province; 长春市朝阳区总工会, a district named like 朝阳市).

The question list is tests/qa/round8_amounts.yaml (same format as heldout.yaml); its header gives the
before -> after figures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from unionkg.graph.store import OxigraphStore
from unionkg.pipeline import ingest_paths
from unionkg.qa import Answerer
from unionkg.qa.evaluate import answer_text_problems, contract_problems, evaluate, load_cases, summary
from unionkg.qa.linking import place_has_level
from unionkg.qa.patterns import ENGLISH_BODY_AFTER_LEVEL, ENGLISH_PLACE_LEVELS, ENGLISH_PLACE_LEVELS_BEFORE
from unionkg.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).parent
CORPUS = ROOT / "tests" / "extract" / "corpus"
EXTRA_DOCS = [CORPUS / "rt7p_jl_district_not_province_budget_2023.txt", CORPUS / "rt7p_jl_repeated_district_with_city_final_2023.txt"]


def store_paths() -> list[Path]:
    return (sorted((ROOT / "data" / "samples").glob("*.txt")) + sorted((HERE / "q7_docs").glob("*.txt"))
            + sorted((HERE / "q8_docs").glob("*.txt")) + sorted((HERE / "q9_docs").glob("*.txt")) + EXTRA_DOCS)


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    settings = Settings(store=str(tmp_path_factory.mktemp("q9") / "store"), encoder="none")
    store = OxigraphStore()
    ingest_paths(store_paths(), settings, store, None, jobs=1)
    from unionkg.analytics.checks import run_checks

    run_checks(store, settings)  # as `unionkg ingest` does: the checks also write the bodies' parents and units
    return Answerer(store, settings)


# ---------------------------------------------------------------- English level words (patterns)
@pytest.mark.parametrize(("after", "suffix"), [
    (" provincial federation", "省"), (" province federation of trade unions", "省"), ("'s provincial federation", "省"),
    (" city union", "市"), (" municipal federation", "市"), (" district federation", "区"), (" county union", "县"),
    (" autonomous prefecture union", "州"), (" autonomous region federation", "自治区"), (" banner union", "旗"),
    (" federation", None), (" union's budget", None), ("'s income", None), (" cityscape", None), (" provinces", None),
])
def test_level_written_after_a_place(after: str, suffix: str | None) -> None:
    assert next((zh for pattern, zh in ENGLISH_PLACE_LEVELS if pattern.match(after)), None) == suffix


@pytest.mark.parametrize(("before", "suffix"), [
    ("what was the income of the city of ", "市"), ("the provincial federation of ", "省"),
    ("budget of the county union of ", "县"), ("province of ", "省"), ("the district trade union in ", "区"),
    ("the income of ", None), ("the federation of ", None), ("which city had ", None), ("what did the ", None),
])
def test_level_written_before_a_place(before: str, suffix: str | None) -> None:
    assert next((zh for pattern, zh in ENGLISH_PLACE_LEVELS_BEFORE if pattern.search(before)), None) == suffix


@pytest.mark.parametrize(("place", "suffix", "has"), [
    ("吉林省", "省", True), ("吉林区", "省", False), ("吉林区", "区", True), ("阿克苏地区", "州", True), ("恩施州", "州", True),
    ("内蒙古自治区", "区", False), ("内蒙古自治区", "自治区", True), ("朝阳市", "区", False), ("翼城县", "县", True),
])
def test_place_has_level(place: str, suffix: str, has: bool) -> None:
    assert place_has_level(place, suffix) is has


@pytest.mark.parametrize(("after", "body"), [
    (" federation of trade unions 2023", " federation of trade unions"), (" union's budget", " union"),
    (" federation", " federation"), (" income", None), (" unionized", None),
])
def test_body_word_after_a_level(after: str, body: str | None) -> None:
    m = ENGLISH_BODY_AFTER_LEVEL.match(after)
    assert (m.group(0) if m else None) == body


# ---------------------------------------------------------------- English level words (questions)
# (question, found, words the answer must hold, words it must not hold)
LEVEL_CASES: list[tuple[str, bool, list[str], list[str]]] = [
    # a level none of the bodies read "Jilin" has: another body, not in the graph; the answer names what is held
    ("What was the Jilin provincial federation's income budget in 2023?", False, ["Jilin provincial federation", "吉林区总工会"], ["150.20"]),
    ("Jilin Province Federation of Trade Unions 2023 income budget", False, ["Jilin Province Federation of Trade Unions", "吉林区总工会"], ["150.20"]),
    ("What was the Jilin city union's income budget in 2023?", False, ["Jilin city union"], ["150.20"]),
    ("What was the income budget of the provincial federation of Jilin in 2023?", False, ["provincial federation of Jilin"], ["150.20"]),
    # the body's own level, or none written
    ("What was the Jilin district union's income budget in 2023?", True, ["吉林区总工会", "150.20"], []),
    ("What was the Jilin federation's income budget in 2023?", True, ["吉林区总工会", "150.20"], []),
    # two places read "Chaoyang": the level picks one; without a level both are listed
    ("What was the Chaoyang District federation's total expenditure in 2023?", True, ["朝阳区总工会", "230.10"], ["612.40"]),
    ("What was the Chaoyang city union's total budget in 2022?", True, ["朝阳市总工会", "612.40"], ["230.10"]),
    ("What was the Chaoyang federation's income?", False, ["长春市朝阳区总工会", "朝阳市总工会", "Please name"], ["612.40", "230.10"]),
    ("Chaoyang county union budget 2022", False, ["Chaoyang county union", "朝阳市总工会"], ["612.40"]),
    # the outer place of a district's label written with a level is the city's own body, not the district's
    ("What was the Changchun city union's total expenditure in 2023?", False, ["Changchun city union"], ["230.10"]),
    # a prefecture and a municipal body of provinces the samples do not have
    ("What did the Changji prefecture federation budget for basic expenditure in 2018?", True, ["昌吉回族自治州总工会", "820.50"], []),
    ("Mudanjiang municipal federation personnel costs 2021", True, ["牡丹江市总工会", "579.05"], []),
]


@pytest.mark.parametrize(("question", "found", "present", "absent"), LEVEL_CASES)
def test_english_level_words(answerer: Answerer, question: str, found: bool, present: list[str], absent: list[str]) -> None:
    result = answerer.ask(question)
    answer = str(result["answer"])
    assert bool(result["found"]) is found, answer
    for word in present:
        assert word in answer, (word, answer)
    for word in absent:
        assert word not in answer, (word, answer)


# ---------------------------------------------------------------- rankings read in one query
RANKING_QUESTIONS = [
    "2024年哪个总工会的收入预算最多？",
    "Which federation had the largest income budget in 2024?",
    "2024年哪个区县总工会项目支出最多？",
    "哪个总工会的基本支出最多",  # no year: each body's latest year with the line
    "Which union had the smallest basic expenditure budget in 2024?",
    "2023年哪个总工会的财政拨款收入最多？",
    "2022年哪个总工会的人员经费最多",
    "rank the federations by 项目支出 in 2021",
    "2023年和2024年哪个总工会的三公经费最少",  # two years: the rows of both
]


def _context(answerer: Answerer, question: str):  # type: ignore[no-untyped-def]
    from unionkg.qa.handlers import Context
    from unionkg.qa.normalize import normalise_question

    catalog = answerer.catalog()
    q = normalise_question(question)
    links = catalog.link(q, None)
    return Context(answerer.store, catalog, q, links, q.language), catalog


@pytest.mark.parametrize("question", RANKING_QUESTIONS)
def test_ranking_reads_every_body_in_one_query(answerer: Answerer, question: str) -> None:
    """qa_amount_lines_of_year + qa_amounts_of_year (two queries per year read, the figures of the lines that may
    answer only) give each body the same figure as qa_amounts per body."""
    from unionkg.qa.handlers import YearFigures, ranked_figures

    ctx, catalog = _context(answerer, question)
    bodies = [o.iri for o in catalog.federations() if o.years and (not ctx.links.years or o.years & set(ctx.links.years))]
    per_body = ranked_figures(ctx, bodies, None)
    batched_ctx, _ = _context(answerer, question)
    batched = ranked_figures(batched_ctx, bodies, YearFigures(batched_ctx))
    assert batched == per_body
    assert per_body[0], "the question ranks no figure: a vacuous comparison"
    year_queries = [s for s in batched_ctx.queries_run if "EVERY federation" in s or "distinct kinds of line" in s or "on the lines named" in s]
    assert year_queries and len(year_queries) == len(batched_ctx.queries_run)  # no per-body look-up left
    if ctx.links.years:  # the kinds of line of a year, then the figures of those that may answer
        assert len(year_queries) <= 2 * len(ctx.links.years)


# ---------------------------------------------------------------- amounts, changes, shares, comparisons, rankings
ROUND8_CASES = load_cases(HERE / "round8_amounts.yaml")
MIN_CASES = 40


_problems = answer_text_problems


def test_round8_list_is_kept_whole() -> None:
    assert len(ROUND8_CASES) >= MIN_CASES
    assert sum(1 for c in ROUND8_CASES if not c["found"]) >= 4  # honest "not found" answers are part of the list
    assert sum(1 for c in ROUND8_CASES if not any("\u4e00" <= ch <= "\u9fff" for ch in str(c["q"])[:3])) >= 10  # English ones


@pytest.mark.parametrize("case", ROUND8_CASES, ids=[str(c["q"])[:40] for c in ROUND8_CASES])
def test_round8_amount_questions(answerer: Answerer, case: dict[str, object]) -> None:
    result = answerer.ask(str(case["q"]))
    assert _problems(case, result) == [], result["answer"]


def test_round8_contract(answerer: Answerer) -> None:
    """Every answer of the list returns the SPARQL it ran and quotes its sources (evaluate.contract_problems); a
    not-found answer may name a broader line the body does print (its figures are checked by `excludes`)."""
    results = evaluate(answerer, ROUND8_CASES)
    assert contract_problems(results, no_figure_when_missing=False) == [], summary(results)


# ---------------------------------------------------------------- the round's pattern tables
@pytest.mark.parametrize(("text", "matches"), [
    ("2022年各总工会的人员经费排名", True), ("各市总工会2022年支出排序", True), ("rank the county unions by 项目支出", True),
    ("federations ranked by income", True), ("list them in descending order", True), ("从高到低列出各总工会收入", True),
    ("各总工会的收入预算分别是多少", False), ("哪个总工会最多", False), ("the frank union's income", False), ("cranked up spending", False),
])
def test_body_ranking_words(text: str, matches: bool) -> None:
    from unionkg.qa.patterns import BODY_RANKING_WORDS

    assert bool(BODY_RANKING_WORDS.search(text)) is matches


@pytest.mark.parametrize(("text", "units"), [
    ("牡丹江市总工会2021年人员经费是多少元？", ["元"]), ("人员经费是多少元", ["元"]), ("以元为单位是多少", ["元"]),
    ("财政拨款收入多少亿元？", ["亿元"]), ("一共几亿", ["亿元"]), ("income in 100 million yuan", ["亿元"]),
    ("人员经费是多少万元？", []), ("人员经费是多少？", []), ("元旦慰问金多少万元", []), ("each 500 元/人 standard", []),
])
def test_asked_money_units(text: str, units: list[str]) -> None:
    from unionkg.qa.patterns import ASKED_MONEY_UNITS

    assert [u for u, pattern in ASKED_MONEY_UNITS.items() if pattern.search(text)] == units


@pytest.mark.parametrize(("text", "left"), [
    ("2024年哪个区县总工会的机关运行经费最多?", "2024年机关运行经费?"),
    ("which county-level union spent the most on projects in 2024?", "spent on projects in 2024?"),
    ("rank the county unions by 项目支出 in 2023", "项目支出 in 2023"),
    ("2022年各总工会的人员经费排名", "2022年各总工会的人员经费"),
])
def test_ranking_words_leave_the_line(text: str, left: str) -> None:
    import re

    from unionkg.qa.patterns import RANKING_WORDS

    assert re.sub(r"\s+", " ", RANKING_WORDS.sub(" ", text)).strip().replace(" ", "") == left.replace(" ", "")


@pytest.mark.parametrize(("text", "concept"), [
    ("final expenditure on projects in 2024", "project_spending"), ("how much did it spend on its projects", "project_spending"),
    ("outlays on projects", "project_spending"), ("expenditure on staff", "expenditure_total"),
])
def test_spending_on_projects_is_the_project_line(text: str, concept: str) -> None:
    from unionkg.qa.handlers import amount_concept

    assert amount_concept(text) == concept


@pytest.mark.parametrize(("question", "normalised"), [
    ("人员经费占基本支出的百分比是多少", "人员经费占基本支出的百分比是多少"), ("增长了三个百分点", "增长了3个百分点"),
    ("得分九十分", "得分90分"), ("三十五人", "35人"), ("百分之几", "百分之几"),
])
def test_percent_words_are_no_scores(question: str, normalised: str) -> None:
    from unionkg.qa.normalize import normalise_question

    assert normalise_question(question).text == normalised


@pytest.mark.parametrize(("text", "mention"), [
    ("2024年各区县总工会的基本支出从高到低排序", None), ("每个县总工会的收入", None), ("各区总工会", None),
    ("朝阳市总工会2022年的收入", "朝阳市总工会"), ("2023年鄂尔多斯市东胜区总工会", "鄂尔多斯市东胜区总工会"),
])
def test_each_is_no_part_of_a_body_name(text: str, mention: str | None) -> None:
    """各 / 每 begin no place name: "各区县总工会" names no body (it was read as the unknown body 各区县)."""
    from unionkg.qa.patterns import ORG_PATTERNS

    m = ORG_PATTERNS["zh_body_mention"].search(text)
    assert (m.group(0) if m else None) == mention


@pytest.mark.parametrize(("word", "is_unit"), [("万元", True), ("元", True), ("亿元", True), ("人民币", True), ("人员", False), ("元旦", False)])
def test_money_unit_words(word: str, is_unit: bool) -> None:
    from unionkg.qa.patterns import MONEY_UNIT_WORD

    assert bool(MONEY_UNIT_WORD.fullmatch(word)) is is_unit


@pytest.mark.parametrize(("text", "concepts"), [
    ("how much more for personnel than for public expenses in 2018", ["personnel", "public_funds"]),
    ("three public expenses budget", ["three_public"]), ("人员经费比公用经费多多少", ["personnel", "public_funds"]),
    ("收入预算是多少", []),
])
def test_named_concepts(text: str, concepts: list[str]) -> None:
    from unionkg.qa.handlers import _named_concepts

    assert _named_concepts(text) == concepts


@pytest.mark.parametrize(("text", "depth"), [
    ("2023年各省总工会本年收入合计排名", 1), ("which provincial federation had the largest income", 1), ("省级总工会", 1),
    ("各市总工会2021年支出排名", 2), ("rank the city unions by project expenditure", 2), ("哪个市总工会的人员经费最多", 2),
    ("which municipal federation spent most", 2), ("各州市总工会", 2),
    ("哪个区县总工会项目支出最多", 3), ("which county union had the most", 3),
    ("哪个总工会收入最多", None), ("the Chaoyang city union's budget", None), ("各市县总工会", None), ("市县两级", None),
])
def test_body_level_words(text: str, depth: int | None) -> None:
    from unionkg.qa.patterns import BODY_LEVEL_WORDS

    levels = [d for d, words in BODY_LEVEL_WORDS.items() if words.search(text)]
    assert (levels[0] if len(levels) == 1 else None) == depth, levels


@pytest.mark.parametrize(("text", "gap", "ratio"), [
    ("昌吉州总工会2018年人员经费是公用经费的几倍", True, True), ("人员经费比公用经费多多少", True, False),
    ("决算支出比收入多多少", True, False), ("how much more for personnel than for public expenses", True, False),
    ("how many times the public expenses", True, True), ("两项相差多少", True, False),
    ("人员经费是多少", False, False), ("收入比上年增长", False, False), ("the ratio of personnel to public costs", False, True),
])
def test_lines_gap_and_ratio_words(text: str, gap: bool, ratio: bool) -> None:
    from unionkg.qa.patterns import LINES_GAP_QUESTION, RATIO_QUESTION

    assert (bool(LINES_GAP_QUESTION.search(text)), bool(RATIO_QUESTION.search(text))) == (gap, ratio)


@pytest.mark.parametrize(("text", "units"), [
    ("2021 budget in million yuan?", ["百万元"]), ("多少百万元", ["百万元"]), ("in 100 million yuan", ["亿元"]), ("in millions", ["百万元"]),
])
def test_million_units(text: str, units: list[str]) -> None:
    from unionkg.qa.patterns import ASKED_MONEY_UNITS

    assert [u for u, pattern in ASKED_MONEY_UNITS.items() if pattern.search(text)] == units


@pytest.mark.parametrize(("text", "change", "percent", "falling"), [
    ("哪个总工会的财政拨款收支预算增幅最大", True, True, False), ("哪个总工会的三公经费降幅最大", True, True, True),
    ("2024年哪个总工会的收入预算增加最多", True, False, False), ("which federation's income grew the most", True, False, False),
    ("which federation had the fastest growth of income", True, True, False), ("whose spending fell the most", True, False, True),
    ("哪个总工会的收入预算最多", False, False, False), ("which federation had the largest income", False, False, False),
])
def test_change_ranking_words(text: str, change: bool, percent: bool, falling: bool) -> None:
    from unionkg.qa.patterns import CHANGE_RANK_BY_PERCENT, CHANGE_RANK_FALLING, CHANGE_RANKING_WORDS

    found = (bool(CHANGE_RANKING_WORDS.search(text)), bool(CHANGE_RANK_BY_PERCENT.search(text)), bool(CHANGE_RANK_FALLING.search(text)))
    assert found == (change, percent, falling)


@pytest.mark.parametrize(("question", "offsets"), [
    ("personnel budget two years ago", [-2]), ("a year ago", [-1]), ("大前年的收入", [-3]), ("the year before last", [-2]),
    ("in 2021", []),
])
def test_relative_years_counted_back(question: str, offsets: list[int]) -> None:
    from unionkg.qa.normalize import normalise_question

    assert normalise_question(question).relative_years == offsets


def test_a_long_ranking_spells_out_the_first_bodies(answerer: Answerer) -> None:
    """RANKING_SHOWN bodies in the answer text, every body in the rows (a ranking of hundreds stays readable)."""
    from unionkg.qa import handlers

    shown, handlers.RANKING_SHOWN = handlers.RANKING_SHOWN, 2
    try:
        result = answerer.ask("2024年哪个总工会的项目支出最多？")
    finally:
        handlers.RANKING_SHOWN = shown
    answer = str(result["answer"])
    assert "1. " in answer and "2. " in answer and "3. " not in answer and "其余" in answer
    assert len(result["rows"]) >= 4  # type: ignore[arg-type]
