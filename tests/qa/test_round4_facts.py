"""Round-4 facts asked over a document written for this test (a made-up county-level federation in
another province, figures invented): counts of projects by grade, budget units and units of one
funding type, a staffing category, a difference from the budget, a mid-year addition, a rate in 元,
money handed back to the finance bureau, a unit renamed (A（原B，…更名）) and its short name.

Also the pattern tables these answers rest on (patterns.py), with positive and negative examples.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from unionkg.graph.store import OxigraphStore
from unionkg.pipeline import ingest_file
from unionkg.qa import Answerer
from unionkg.qa.evaluate import contract_problems, evaluate
from unionkg.qa.handlers import asked_grade, item_grade
from unionkg.qa.intents import IntentClassifier
from unionkg.qa.linking import innermost_place
from unionkg.qa.normalize import normalise_question
from unionkg.qa.patterns import (
    ALIAS_QUESTION,
    AMOUNT_ITEM_FALLBACK,
    BUDGET_DIFFERENCE_QUESTION,
    COUNT_TOPICS,
    ENGLISH_BODY_KINDS,
    FINDING_KIND_WORDS,
    PRIOR_YEAR_FIGURE,
    QUALIFIER_QUESTION,
    RENAME_QUESTION,
    SHARE_QUESTION,
    STATED_COUNT_QUESTION,
    UNIT_CATEGORY_QUESTION,
    UNIT_CATEGORY_WORDS,
)
from unionkg.settings import Settings

DOC = """兰溪市总工会2023年度部门决算

第一部分 部门概况
一、机构设置
兰溪市总工会（以下简称“市总工会”）本部门预算单位共 3 个，包括市总工会本级和 2 个所属事业单位：兰溪市职工服务中心（原兰溪市困难职工帮扶中心，2022年更名）、兰溪市工人文化宫（差额拨款）。
二、人员情况
市总工会机关行政编制 16 人，实有在职人员 15 人，离退休人员 7 人，其他人员 2 人。

第三部分 2023年度部门决算情况说明
一、机关运行经费支出情况说明
机关运行经费支出 52.30 万元，比年初预算减少 2.70 万元，主要原因是压减办公费用。
二、财政拨款支出决算情况说明
财政拨款支出年初预算为 610.00 万元，支出决算为 640.00 万元。预决算差异主要原因：财政年中追加职工疗休养经费 25.00 万元，全部支出完毕。
三、项目支出情况
困难职工帮扶项目：按照每户每月 400 元的标准发放生活补助，年末将剩余资金 1.60 万元全部上缴市财政局。
职工书屋项目：经与市财政局沟通，该项目2024年预算从 30 万元调减至 22 万元。
四、预算绩效情况说明
本部门对 8 个项目开展了绩效自评，其中 6 个项目评价结果为“优”，2 个项目评价结果为“良”。8 个项目中 7 个项目预算执行率达到100%。
"""

CASES = [
    {"q": "兰溪市总工会2023年有几个项目评价结果为良", "contains": ["2 个", "良"], "excludes": ["6 个"]},
    {"q": "兰溪市总工会2023年有多少个项目开展了绩效自评", "contains": ["8 个"]},
    {"q": "How many projects of the Lanxi federation were graded excellent in 2023?", "contains": ["6"]},
    {"q": "兰溪市总工会2023年几个项目预算执行率达到100%", "contains": ["7 个"]},
    {"q": "兰溪市总工会有几个预算单位", "contains": ["3 个", "兰溪市工人文化宫", "兰溪市职工服务中心"]},
    {"q": "兰溪市总工会有哪些差额拨款事业单位", "contains": ["兰溪市工人文化宫"], "excludes": ["兰溪市职工服务中心"]},
    {"q": "兰溪市总工会2023年其他人员有多少", "contains": ["其他人员 2 人"], "excludes": ["行政编制"]},
    {"q": "兰溪市总工会2023年机关运行经费比年初预算减少了多少", "contains": ["减少 2.70 万元"]},
    {"q": "兰溪市总工会2023年年中追加的职工疗休养经费是多少", "contains": ["25.00"]},
    {"q": "兰溪市总工会困难职工生活补助每户每月多少钱", "contains": ["400 元"]},
    {"q": "兰溪市总工会2023年上缴市财政局多少钱", "contains": ["1.60"]},
    {"q": "兰溪市困难职工帮扶中心现在叫什么", "contains": ["兰溪市职工服务中心"]},
    {"q": "What was the former name of 兰溪市职工服务中心?", "contains": ["兰溪市困难职工帮扶中心"]},
    {"q": "兰溪市总工会简称什么", "contains": ["其他名称", "市总工会"]},
    {"q": "兰溪市总工会2019年有几个项目评价结果为优", "found": False},
    # 今年 is the year of the body's documents, not the year of next year's project budget it states
    {"q": "兰溪市总工会今年机关运行经费支出是多少", "contains": ["52.30"]},
    {"q": "兰溪市总工会职工书屋项目2024年预算是多少", "contains": ["22.00"]},
    {"q": "兰溪市总工会2023年自评为良的项目数", "contains": ["2 个"]},
    {"q": "兰溪市总工会差额拨款单位是哪个", "contains": ["兰溪市工人文化宫"], "excludes": ["兰溪市职工服务中心"]},
]


# Traditional script, amounts in 元 with separators, units counted in 家, 离休干部, grades listed
# after 自评结果 (优秀 4 个): another made-up body.
DOC_TRADITIONAL = """開平市總工會2022年度部門決算公開說明

一、部門基本情況
開平市總工會下屬事業單位 2 家，分別是：開平市職工服務中心（全額撥款）、開平市工人文化宮（自收自支）。
開平市總工會機關行政編制 11 名，實有在職人員 10 名，離休幹部 1 人，退休人員 6 人。

二、財政撥款支出決算情況說明
財政撥款支出年初預算為 4,100,000.00 元，支出決算為 4,356,000.00 元，完成年初預算的 106.24%。預決算差異主要原因：財政年中追加勞模療休養經費 180,000.00 元，全部支出完畢。
公務接待費決算 9,000.00 元，比年初預算減少 3,000.00 元。

三、項目支出績效情況
本部門對 5 個項目開展了績效自評，自評結果：優秀 4 個，良好 1 個。
困難職工幫扶項目：按照每人每月 300 元的標準發放生活補助，年末將結餘資金 12,000.00 元繳回市財政局。
"""

CASES_TRADITIONAL = [
    {"q": "開平市總工會2022年有幾個項目評為優秀", "contains": ["4 个"]},
    {"q": "How many projects did the Kaiping federation self-evaluate in 2022?", "contains": ["5"]},
    {"q": "开平市总工会有几家事业单位", "contains": ["2 家", "开平市职工服务中心", "开平市工人文化宫"]},
    {"q": "开平市总工会有哪些自收自支事业单位", "contains": ["开平市工人文化宫"], "excludes": ["开平市职工服务中心"]},
    {"q": "开平市总工会离休干部几人", "contains": ["离休干部 1 人"], "excludes": ["行政编制"]},
    {"q": "How many retired staff does the Kaiping federation have?", "contains": ["1", "6"], "excludes": ["staff-authorized"]},
    {"q": "开平市总工会2022年年中追加了多少劳模疗休养经费", "contains": ["18.00"]},
    {"q": "开平市总工会2022年公务接待费比年初预算减少了多少", "contains": ["减少 0.30 万元"]},
    {"q": "开平市总工会困难职工生活补助每人每月多少钱", "contains": ["300 元"]},
    {"q": "How much did the Kaiping federation hand back to the finance bureau in 2022?", "contains": ["1.20"]},
    {"q": "How much was added to the Kaiping federation's budget during 2022?", "contains": ["18.00"]},
    {"q": "How many of the Kaiping federation's projects were rated good in 2022?", "contains": ["1"]},
]


def _answerer_of(tmp: Path, name: str, text: str) -> Answerer:
    doc = tmp / name
    doc.write_text(text, encoding="utf-8")
    settings = Settings(store=str(tmp / "store"), encoder="hash")
    store = OxigraphStore()
    ingest_file(doc, settings, store)
    return Answerer(store, settings)


@pytest.fixture(scope="module")
def traditional_answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return _answerer_of(tmp_path_factory.mktemp("round4_traditional"), "kaiping_final_2022.txt", DOC_TRADITIONAL)


@pytest.mark.parametrize("case", CASES_TRADITIONAL, ids=[c["q"] for c in CASES_TRADITIONAL])
def test_round4_fact_questions_traditional(traditional_answerer: Answerer, case: dict[str, object]) -> None:
    results = evaluate(traditional_answerer, [{"found": True, "sources": True, **case}])
    assert results[0].passed, (results[0].problems, results[0].answer["answer"])
    assert contract_problems(results) == []


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return _answerer_of(tmp_path_factory.mktemp("round4_facts"), "lanxi_final_2023.txt", DOC)


@pytest.mark.parametrize("case", CASES, ids=[c["q"] for c in CASES])
def test_round4_fact_questions(answerer: Answerer, case: dict[str, object]) -> None:
    case = {"found": True, "sources": case.get("found", True), **case}
    results = evaluate(answerer, [case])
    assert results[0].passed, (results[0].problems, results[0].answer["answer"])
    assert contract_problems(results) == []


def test_a_body_without_a_name_is_never_linked(tmp_path: Path) -> None:
    """A document without a title mints a body with an empty name; it must not match every question."""
    store = OxigraphStore()
    settings = Settings(store=str(tmp_path / "store"), encoder="hash")
    for name, text in (("untitled.txt", "一、收支预算总体情况\n2024年收入预算 12.00 万元。\n"), ("lanxi.txt", DOC)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        ingest_file(tmp_path / name, settings, store)
    links = Answerer(store, settings).catalog().link(normalise_question("兰溪市总工会2023年有几个预算单位"), None)
    assert [o.rsplit("/", 1)[-1] for o in links.orgs] == ["lan-xi-shi-zong-gong-hui"]


PATTERN_CASES = [
    (STATED_COUNT_QUESTION["zh"], "某县总工会2022年有几个项目评价结果为优", True),
    (STATED_COUNT_QUESTION["zh"], "开展绩效自评的项目有多少个", True),
    (STATED_COUNT_QUESTION["zh"], "有几个预算单位", True),
    (STATED_COUNT_QUESTION["zh"], "下属几个事业单位", True),
    (STATED_COUNT_QUESTION["zh"], "有哪些项目", False),
    (STATED_COUNT_QUESTION["zh"], "慰问了多少职工", False),
    (STATED_COUNT_QUESTION["en"], "how many projects were graded excellent in 2022?", True),
    (STATED_COUNT_QUESTION["en"], "how many subordinate units does it have", True),
    (STATED_COUNT_QUESTION["en"], "how many projects did the union have", False),
    (COUNT_TOPICS["full_execution"][0], "几个项目预算执行率达到100%", True),
    (COUNT_TOPICS["full_execution"][0], "预算执行率是多少", False),
    (COUNT_TOPICS["high_score"][0], "几个项目自评得分在90分以上", True),
    (COUNT_TOPICS["high_score"][0], "自评得分多少", False),
    (COUNT_TOPICS["key_evaluation"][1], "开展重点评价的一级项目", True),
    (COUNT_TOPICS["key_evaluation"][1], "开展部门评价的项目", False),
    (UNIT_CATEGORY_WORDS["funding-partial"], "有哪些差额拨款事业单位", True),
    (UNIT_CATEGORY_WORDS["funding-partial"], "有哪些全额拨款事业单位", False),
    (UNIT_CATEGORY_WORDS["reform-public-welfare-1"], "公益一类事业单位有哪些", True),
    (UNIT_CATEGORY_WORDS["reform-public-welfare-1"], "公益二类事业单位有哪些", False),
    (BUDGET_DIFFERENCE_QUESTION, "机关运行经费比年初预算增加了多少", True),
    (BUDGET_DIFFERENCE_QUESTION, "how far below the budget was spending", True),
    (BUDGET_DIFFERENCE_QUESTION, "收入比上年增加了多少", False),
    (SHARE_QUESTION, "财政拨款支出占本年支出合计多少", True),
    (SHARE_QUESTION, "财政拨款支出是多少", False),
    (RENAME_QUESTION["zh"], "帮扶中心现在叫什么", True),
    (RENAME_QUESTION["zh"], "帮扶中心有多少编制", False),
    (RENAME_QUESTION["en"], "what was the former name of the centre", True),
    (RENAME_QUESTION["en"], "what is the name of the director", False),
    (STATED_COUNT_QUESTION["zh"], "2022年自评为优的项目数", True),
    (STATED_COUNT_QUESTION["zh"], "2022年的项目数", False),
    (UNIT_CATEGORY_QUESTION, "参公单位是哪个", True),
    (UNIT_CATEGORY_QUESTION, "参公人员有几个", False),
    (PRIOR_YEAR_FIGURE, "2023年三公经费上年决算数", True),
    (PRIOR_YEAR_FIGURE, "2023年三公经费比上年决算数减少多少", False),
    (ALIAS_QUESTION["zh"], "兰溪市总工会简称什么", True),
    (ALIAS_QUESTION["zh"], "兰溪市总工会有几个预算单位", False),
    (ALIAS_QUESTION["en"], "what is the short name of the union", True),
    (ALIAS_QUESTION["en"], "what is the name of the project", False),
    (QUALIFIER_QUESTION["mid_year_addition"], "how much was added to the budget during 2023?", True),
    (QUALIFIER_QUESTION["mid_year_addition"], "how much was the budget in 2023?", False),
    (QUALIFIER_QUESTION["unspent_balance"], "年初预算结余多少", True),
    (QUALIFIER_QUESTION["unspent_balance"], "年初预算是多少", False),
    (STATED_COUNT_QUESTION["en"], "how many of the county union's projects were evaluated by the department?", True),
    (FINDING_KIND_WORDS["unit_count_mismatch"], "哪些单位的预算单位数与列出的不一致", True),
    (FINDING_KIND_WORDS["unit_count_mismatch"], "哪些合计数与明细不符", False),
    (FINDING_KIND_WORDS["sum_mismatch"], "哪些合计数与明细不符", True),
    (FINDING_KIND_WORDS["sum_mismatch"], "哪些评价等级与得分不符", False),
    (AMOUNT_ITEM_FALLBACK["income_total"], "收入", True),
    (AMOUNT_ITEM_FALLBACK["income_total"], "其他收入", False),
]


@pytest.mark.parametrize("pattern,text,matches", PATTERN_CASES)
def test_round4_pattern_table(pattern, text, matches) -> None:  # type: ignore[no-untyped-def]
    assert bool(pattern.search(text)) is matches


@pytest.mark.parametrize("text,grade", [
    ("几个项目评价结果为优", "优"), ("自评结果为优秀的项目有几个", "优"), ("were graded good", "良"),
    ("评价为良的项目几个", "良"), ("其中有几个项目", None), ("职工服务中心有几个", None),
])
def test_asked_grade(text: str, grade: str | None) -> None:
    assert asked_grade(text) == grade


def test_item_grade() -> None:
    assert [item_grade(i) for i in ("评价结果为“优秀”的项目", "评价结果为“良”的项目", "开展绩效自评的项目")] == ["优", "良", None]


@pytest.mark.parametrize("text,part", [
    ("the huzhou organs work committee", "工作委员会"), ("the pidu district education bureau", "教育"),
    ("the hunan finance department", "财政"),
    ("the taian taishan urban construction group union", "集团"), ("the datong coal company's trade union", "公司"),
])
def test_english_body_kinds(text: str, part: str) -> None:
    assert [zh for pattern, zh in ENGLISH_BODY_KINDS if pattern.search(text)] == [part]
    assert not [zh for pattern, zh in ENGLISH_BODY_KINDS if pattern.search("the nanchang federation")]
    # a union grouping ("a group of unions", "union groups") is no enterprise's union
    assert not [zh for pattern, zh in ENGLISH_BODY_KINDS if pattern.search("which group of unions spent most")]


@pytest.mark.parametrize("question,intent", [
    ("某县总工会2022年有几个项目评价结果为优？", "stated_counts"),
    ("仁化县总工会有几个预算单位", "stated_counts"),
    ("咸丰县总工会2022年上缴县财政局多少钱", "flows"),
    ("How much money did the committee return to the finance bureau in 2023?", "flows"),
    ("汉中市总工会2023年机关运行经费比年初预算增加了多少", "budget_vs_final"),
    ("九江市困难职工帮扶中心现在叫什么", "renames"),
    ("湖南省直机关工会其他人员有多少", "staffing"),
    ("How many subordinate units does the Gongshu district union have?", "stated_counts"),
    ("某县总工会2022年预算执行情况得了几分", "evaluation_score"),
    ("Which stated unit counts do not match the units listed?", "findings"),
    ("What was the worker satisfaction target of the county union in 2023?", "targets"),
    ("Did the county union reach its worker satisfaction target in 2023?", "missed_targets"),
])
def test_round4_intent_rules(question: str, intent: str) -> None:
    q = normalise_question(question)
    assert IntentClassifier(None).classify(q.text, q.original).name == intent


@pytest.mark.parametrize("label,place", [
    ("湖北省宜昌市总工会", "宜昌市"), ("江西省总工会", "江西省"), ("厦门市思明区总工会", "思明区"), ("南昌市总工会", "南昌市"),
])
def test_innermost_place(label: str, place: str) -> None:
    """省总 names a province's federation: a city federation printed after its province is not one."""
    assert innermost_place(label) == place
