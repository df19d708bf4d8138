"""(e17) The reason a final account states for a completion rate or a difference from the budget is the final
figure's ``Amount.completion_reason`` (ukg:completionReason), quoted by its evidence; a reason stated after a
year-on-year change stays the Change's.  Table-driven over short written paragraphs (made-up bodies and figures)
and over the rt11g corpus documents (四川 泸定县 2021 in 元, 山西 长治市 2024)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extract.corpus_spec import extract_checked
from unionkg.extract.patterns import NARRATIVE_PATTERNS
from unionkg.model import Amount, Change, Phase

CORPUS = Path(__file__).parent / "corpus"

#: (text right after a final figure's rate, the text left for the reason pattern after the lead words)
LEAD_CASES = [
    ("超支的主要原因是接待增加", "主要原因是接待增加"),
    ("预决算差异主要原因：年中追加", "主要原因：年中追加"),
    ("决算数大于预算数的主要原因是补缴", "主要原因是补缴"),
    ("未完成预算的原因是项目延期", "原因是项目延期"),
    ("执行率较低主要是项目延期", "主要是项目延期"),
    # negatives: no lead words (the reason word itself, a change, a breakdown)
    ("主要原因是项目延期", None),
    ("比上年增加 5 万元，主要原因是", None),
    ("其中：行政运行 5 万元", None),
]


@pytest.mark.parametrize(("text", "rest"), LEAD_CASES)
def test_completion_reason_lead(text: str, rest: str | None) -> None:
    m = NARRATIVE_PATTERNS["completion_reason_lead"].match(text)
    assert (text[m.end() :] if m else None) == rest


HEAD = "{org}{year}年度部门决算\n\n三、财政拨款支出决算情况说明\n"

#: (body, year, paragraph, item of the final figure, expected completion_reason or None)
PARAGRAPH_CASES = [
    # a rate, then the reason in its sentence
    ("嘉峪关市总工会", 2020, "（一）一般公共服务支出（类）群众团体事务（款）其他群众团体事务支出（项）：年初预算为120.00万元，支出决算为110.32万元，完成年初预算的91.93%，主要原因是部分职工书屋建设项目延期实施。",
     "其他群众团体事务支出", "部分职工书屋建设项目延期实施"),
    # an overspend, several reasons kept as printed
    ("铜仁市总工会", 2019, "“三公”经费财政拨款支出决算8.50万元，完成预算的106.25%，超支的主要原因是接待上级调研任务增加；公务用车维修增加。",
     "“三公”经费财政拨款支出", "接待上级调研任务增加；公务用车维修增加"),
    # the reason as the next sentence, opened by 预决算差异
    ("阿勒泰地区总工会", 2023, "本部门财政拨款支出年初预算数 300.00 万元，决算数 330.00 万元，完成年初预算的 110.00%。预决算差异主要原因：年中追加劳模慰问资金。",
     "财政拨款支出", "年中追加劳模慰问资金"),
    # budget and final in one sentence, no rate
    ("鹤岗市总工会", 2018, "（一）公务接待费全年预算数 2.00 万元，决算数 1.50 万元，主要原因：压缩接待规模。",
     "公务接待费", "压缩接待规模"),
    # 主要是 right after the rate
    ("普洱市总工会", 2021, "2021年度财政拨款支出决算96,000.00元，完成年初预算的96.00%，主要是部分培训改为线上开展。",
     "财政拨款支出", "部分培训改为线上开展"),
    # negatives: a rate and no reason
    ("嘉峪关市总工会", 2020, "（一）一般公共服务支出（类）群众团体事务（款）行政运行（项）：年初预算为120.00万元，支出决算为118.00万元，完成年初预算的98.33%。",
     "行政运行", None),
    # a reason after a year-on-year change stays the change's
    ("铜仁市总工会", 2019, "（二）公务用车运行维护费全年预算数 12.00 万元，决算数 9.60 万元，完成全年预算的 80.00%。比上年减少 1.20 万元，下降 11.11%，主要原因是严格控制车辆使用。",
     "公务用车运行维护费", None),
    # a placeholder reason is none
    ("鹤岗市总工会", 2018, "（一）公务接待费全年预算数 2.00 万元，决算数 1.50 万元，主要原因：******。",
     "公务接待费", None),
    # a final figure alone (no budget in its sentence, no rate): its reason is not read as a completion reason
    ("普洱市总工会", 2021, "2021年度机关运行经费支出决算12.00万元，主要原因是办公用房维修。",
     "机关运行经费", None),
]


@pytest.mark.parametrize(("org", "year", "paragraph", "item", "reason"), PARAGRAPH_CASES, ids=[f"{c[0]}-{c[3]}-{bool(c[4])}" for c in PARAGRAPH_CASES])
def test_completion_reason_of_paragraph(tmp_path: Path, org: str, year: int, paragraph: str, item: str, reason: str | None) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(HEAD.format(org=org, year=year) + paragraph + "\n", encoding="utf-8")
    ex = extract_checked(path)
    finals = [f for f in ex.facts if isinstance(f, Amount) and f.phase is Phase.FINAL and f.item.startswith(item)]
    assert finals, [f for f in ex.facts if isinstance(f, Amount)]
    assert [f.completion_reason for f in finals] == [reason]
    if reason is not None:
        assert reason in finals[0].evidence.quote  # the reason is quoted by the figure's evidence


def test_change_keeps_its_reason(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(HEAD.format(org="普洱市总工会", year=2021) + "2021年度机关运行经费支出156,300.00元，比上年增加12,300.00元，增长8.54%，主要原因是办公设备维修费用增加。\n", encoding="utf-8")
    ex = extract_checked(path)
    assert [c.reason for c in ex.facts if isinstance(c, Change)] == ["办公设备维修费用增加"]
    assert all(a.completion_reason is None for a in ex.facts if isinstance(a, Amount))


#: rt11g documents: (file, {item of a final figure: its completion reason or None})
CORPUS_CASES = [
    ("rt11g_sc_county_union_final_yuan_2021.txt", {
        "财政拨款支出": "部分困难职工帮扶资金年底未拨付",
        "行政运行(群众团体事务)": None,
        "其他群众团体事务支出(群众团体事务)": "职工疗休养活动压缩规模、部分农民工培训改为线上开展",
        "“三公”经费财政拨款支出": "公务用车维修费用增加；公务接待批次增加",
        "公务接待费": "承办全州职工运动会接待任务增加",
        "机关运行经费支出": None,
    }),
    ("rt11g_sx_city_union_final_2024.txt", {
        "一般公共预算财政拨款支出": "部分职工文体活动场地改造项目未完工",
        "社会保障和就业支出": "年中增加职业年金补缴",
        "卫生健康支出": None,
        "公务用车运行维护费": None,
        "公务接待费": "压缩接待规模，严格执行接待标准",
    }),
]


@pytest.mark.parametrize(("name", "expected"), CORPUS_CASES, ids=[c[0] for c in CORPUS_CASES])
def test_rt11g_completion_reasons(name: str, expected: dict[str, str | None]) -> None:
    ex = extract_checked(CORPUS / name)
    finals = {f.item: f for f in ex.facts if isinstance(f, Amount) and f.phase is Phase.FINAL and f.item in expected}
    assert {item: f.completion_reason for item, f in finals.items()} == expected
    for f in finals.values():
        if f.completion_reason:
            assert f.completion_reason in f.evidence.quote
