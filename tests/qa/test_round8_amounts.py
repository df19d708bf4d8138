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
from unionkg.pipeline import ingest_file
from unionkg.qa import Answerer
from unionkg.qa.evaluate import contract_problems, evaluate, load_cases, summary
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
    for path in store_paths():
        ingest_file(path, settings, store)
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
    """qa_amounts_of_year (one query per year read) gives each body the same figure as qa_amounts per body."""
    from unionkg.qa.handlers import YearFigures, ranked_figures

    ctx, catalog = _context(answerer, question)
    bodies = [o.iri for o in catalog.federations() if o.years and (not ctx.links.years or o.years & set(ctx.links.years))]
    per_body = ranked_figures(ctx, bodies, None)
    batched_ctx, _ = _context(answerer, question)
    batched = ranked_figures(batched_ctx, bodies, YearFigures(batched_ctx))
    assert batched == per_body
    assert per_body[0], "the question ranks no figure: a vacuous comparison"
    year_queries = [s for s in batched_ctx.queries_run if "EVERY federation" in s]
    assert year_queries and len(year_queries) == len(batched_ctx.queries_run)  # no per-body look-up left
    if ctx.links.years:
        assert len(year_queries) == len(ctx.links.years)
