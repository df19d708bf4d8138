"""(e17) Why a line did not reach or exceeded its budget: the reason its final account states for the completion
rate (ukg:completionReason), with the budget, the final figure and the rate, quoted.  Questions over the samples and
the rt11g documents (四川 泸定县 2021 in 元, 山西 长治市 2024: tests/extract/corpus), and the question table with
positive and negative examples."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.qa.fact_rounds import answerer_over_samples_and
from unionkg.qa import Answerer
from unionkg.qa.completion_reasons import COMPLETION_REASON_QUESTION
from unionkg.qa.normalize import normalise_question

CORPUS = Path(__file__).resolve().parents[1] / "extract" / "corpus"

#: (language, question, whether it asks the stated reason of a completion rate or a difference from the budget)
QUESTION_CASES = [
    ("zh", "某市总工会2021年其他群众团体事务支出为什么没完成预算", True),
    ("zh", "三公经费为什么超支", True),
    ("zh", "行政运行为何未完成年初预算", True),
    ("zh", "社会保障和就业支出超预算的原因是什么", True),
    ("zh", "预决算差异的原因是什么", True),
    ("zh", "为什么决算数大于预算数", True),
    ("en", "why was the other mass-organisation affairs line underspent", True),
    ("en", "why did the yingkou union overspend on 三公 in 2022?", True),
    ("en", "why was its reception spending under budget", True),
    ("en", "what are the reasons for the overspending", True),
    # negatives: a year-on-year change, a rate, a missed target, a figure
    ("zh", "收入为什么增加", False),
    ("zh", "三公经费完成预算的百分之几", False),
    ("zh", "哪些项目没有完成绩效目标", False),
    ("zh", "是否超预算", False),
    ("en", "why did income fall in 2023", False),
    ("en", "did it overspend", False),
    ("en", "what was the budget execution rate", False),
]


@pytest.mark.parametrize(("lang", "question", "asked"), QUESTION_CASES, ids=[c[1][:30] for c in QUESTION_CASES])
def test_completion_reason_question(lang: str, question: str, asked: bool) -> None:
    assert bool(COMPLETION_REASON_QUESTION[lang].search(normalise_question(question).text)) is asked


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    docs = tmp_path_factory.mktemp("e17_docs")
    for path in CORPUS.glob("rt11g_*.txt"):
        shutil.copy(path, docs / path.name)
    return answerer_over_samples_and(docs, tmp_path_factory.mktemp("e17_store"))


#: (question, found, words the answer holds, words it must not hold)
ANSWER_CASES = [
    # a line below its budget: budget, final, rate and the stated reason
    ("泸定县总工会2021年其他群众团体事务支出为什么没完成预算", True, ["88.00", "81.82", "92.98%", "职工疗休养活动压缩规模、部分农民工培训改为线上开展"], []),
    # an overspend stated with its rate only (no budget printed)
    ("泸定县总工会2021年三公经费为什么超支", True, ["4.86", "121.50%", "公务用车维修费用增加；公务接待批次增加"], []),
    ("长治市总工会2024年社会保障和就业支出为什么超预算", True, ["210.50", "230.10", "109.31%", "年中增加职业年金补缴"], ["职业技能"]),
    ("Why did the Changzhi union overspend on social security and employment in 2024?", True, ["210.50", "230.10", "109.31%", "年中增加职业年金补缴"], []),
    ("why was Changzhi's official reception spending under budget in 2024", True, ["3.00", "2.40", "80.00%", "压缩接待规模，严格执行接待标准"], []),
    # no line named: every reason the year's final accounts state
    ("长治市总工会2024年预决算差异的原因是什么", True, ["部分职工文体活动场地改造项目未完工", "年中增加职业年金补缴"], []),
    # a line held without a stated reason: said so, no other line's reason given as its own
    ("长治市总工会2024年卫生健康支出为什么没完成预算", False, ["60.00", "文件未说明"], ["主要原因（文件所述）"]),
    # a sample: the reason printed in the next sentence (预决算差异主要原因)
    ("江西省总工会2023年一般公共服务支出为什么超支", True, ["5575.46", "6395.05", "114.70%", "财政年中增加工资奖金津补贴"], []),
    # a change's reason is still the change's
    ("泸定县总工会2021年机关运行经费为什么增加", True, ["办公设备维修费用增加"], ["121.50%"]),
]


@pytest.mark.parametrize(("question", "found", "words", "absent"), ANSWER_CASES, ids=[c[0][:30] for c in ANSWER_CASES])
def test_completion_reason_answer(answerer: Answerer, question: str, found: bool, words: list[str], absent: list[str]) -> None:
    answer = answerer.ask(question)
    assert bool(answer["found"]) is found, answer
    assert all(w in answer["answer"] for w in words), answer["answer"]
    assert not any(w in answer["answer"] for w in absent), answer["answer"]
    assert answer["intent"] == "change_reason"
    if "主要原因（文件所述）：「" in answer["answer"] or "(as printed)" in answer["answer"]:
        quotes = " ".join(str(s["quote"]) for s in answer["sources"])
        zh = "主要原因（文件所述）：「"
        reason = answer["answer"].split(zh)[-1].split("」")[0] if zh in answer["answer"] else answer["answer"].split('"')[-2]
        assert reason.replace(" ", "") in "".join(quotes.split()), (reason, quotes)  # the stated reason is quoted from its document
