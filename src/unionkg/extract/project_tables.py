"""Projects and evaluations from the tables of 项目支出绩效自评表, 绩效目标表 and 部门评价表.

A project block starts at "项目名称 X"; its money row is "年度资金总额 a b c 分值 执行率 得分"
(年初预算数, 全年预算数, 全年执行数), in the unit of "项目资金（万元）".  The block's
"总分 100 100" is the evaluation score; a 部门评价表 adds the ticked grade
("评价等次 优 良□ 中 □ 差□": the grade without a box is the ticked one).
"""

from __future__ import annotations

import re
from typing import Final

from unionkg.extract.parse import parse_number, parse_percent, to_yuan
from unionkg.extract.registry import register
from unionkg.extract.tables import cell_view, iter_lines
from unionkg.model import DocumentContext, Evaluation, EvaluationKind, Fact, Project, SourceDocument

EXTRACTOR = "project_tables"
VERSION = 1
KEY = f"{EXTRACTOR}@{VERSION}"

PROJECT_PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    "name": re.compile(r"^\s*项目名称\s*[：:]?\s*(?P<name>\S[^\n]*?)\s*$"),
    "unit": re.compile(r"^\s*实施单位\s*(?P<unit>\S+)|实施单位\s+(?P<unit2>\S+)\s*$"),
    "money_unit": re.compile(r"[（(](?P<unit>万元|元)[)）]"),
    # 年度资金总额 a b c 分值 执行率 得分; the 项目资金（万元） cell may precede it on the same line
    "funds": re.compile(r"^\s*(?:项目资金\s*[（(](?:万元|元)[)）]\s*)?年度资金总额\s+(?P<nums>[\d.,%\s—-]+?)\s*$"),
    "period": re.compile(r"(?P<start>\d{4}-\d{2}-\d{2})\s+(?P<end>\d{4}-\d{2}-\d{2})"),
    "total_score": re.compile(r"^\s*总\s*分\s+(?P<nums>[\d.\s]+?)\s*$"),
    "grade": re.compile(r"评价等次\s*(?P<boxes>[^\n]+)"),
    # a grade stated on its own line under 总分: 自评等级 良 / 评价等级：优 / 绩效评级 良好
    "grade_word": re.compile(r"^\s*(?:自评|评价|绩效)?(?:等级|等次|评级|结果)\s*[：:]?\s*[“\"]?(?P<grade>[优良中差])(?:秀|好|等)?[”\"]?\s*$"),
    "department_table": re.compile(r"部门评价表|部门评价报告"),
    # 评价机构：第三方机构 □专家组 □项目单位评价组 (the option without a box is ticked)
    "evaluator": re.compile(r"评价(?:机构|主体|方式)\s*[：:]\s*(?P<boxes>[^\n]+)"),
    # 评价单位（盖章）：广西正信会计师事务所有限公司
    "evaluator_firm": re.compile(r"评价单位[^：:\n]{0,6}[：:]\s*\S*(?:会计师事务所|咨询|评估|研究院|研究中心|有限公司|有限责任公司)"),
}

#: Marks of a ticked box.
TICKED_BOXES: Final[str] = "☑■√✓✔"

#: The grades of an evaluation, best first.
GRADES: Final[tuple[str, ...]] = ("优", "良", "中", "差")
#: Marks of an unticked box.
EMPTY_BOXES: Final[str] = "□☐"


def ticked_grade(boxes: str) -> str | None:
    """The one grade not followed by an empty box: "优 良□ 中 □ 差□" -> 优."""
    ticked = [g for g in GRADES if (m := re.search(rf"{g}\s*(?P<box>[{EMPTY_BOXES}]?)", boxes)) and not m.group("box")]
    return ticked[0] if len(ticked) == 1 else None


def evaluator_is_third_party(text: str) -> bool:
    """Whether a 评价机构 line ticks 第三方机构 (an option with no empty box in
    front, or a ticked box), or the 评价单位 is a firm."""
    for m in PROJECT_PATTERNS["evaluator"].finditer(text):
        for option in re.finditer(rf"(?P<box>[{EMPTY_BOXES}{TICKED_BOXES}]?)\s*(?P<name>[^\s{EMPTY_BOXES}{TICKED_BOXES}]+)", m.group("boxes")):
            if "第三方" in option.group("name"):
                return not option.group("box") or option.group("box") in TICKED_BOXES
    return bool(PROJECT_PATTERNS["evaluator_firm"].search(text))


@register(EXTRACTOR, version=VERSION)
def extract_project_tables(doc: SourceDocument, context: DocumentContext) -> list[Fact]:
    lines = list(iter_lines(cell_view(doc.text)))  # pipe rows of real tables read like spaced ones
    starts = [i for i, ln in enumerate(lines) if PROJECT_PATTERNS["name"].match(ln.text)]
    facts: list[Fact] = []
    for n, i in enumerate(starts):
        stop = starts[n + 1] if n + 1 < len(starts) else len(lines)
        block = lines[i:stop]
        name = PROJECT_PATTERNS["name"].match(lines[i].text).group("name")  # type: ignore[union-attr]
        name = re.sub(r"^[：:]\s*", "", name)
        money_unit = "万元"
        project = Project(evidence=doc.evidence(lines[i].start, lines[i].end, KEY), org=context.org or "", year=context.year or 0, name=name)
        found = False
        department = any(PROJECT_PATTERNS["department_table"].search(ln.text) for ln in lines[max(0, i - 3) : i + 1])
        for ln in block[:30]:
            unit = PROJECT_PATTERNS["money_unit"].search(ln.text)
            if unit and "资金" in "".join(x.text for x in block[:15]):
                money_unit = unit.group("unit")
            impl = PROJECT_PATTERNS["unit"].search(ln.text)
            if impl and project.implementing_unit is None:
                project.implementing_unit = impl.group("unit") or impl.group("unit2")
            funds = PROJECT_PATTERNS["funds"].match(ln.text)
            if funds and not found:
                nums = funds.group("nums").split()
                amounts = [parse_number(x) for x in nums if "%" not in x]
                rate = next((parse_percent(x) for x in nums if "%" in x), None)
                values = [to_yuan(a, money_unit) if a is not None else None for a in amounts[:3]]
                project.budget = values[0] if values else None
                project.adjusted = values[1] if len(values) > 1 else None
                project.final = values[2] if len(values) > 2 else None
                project.execution_rate = rate
                project.evidence = doc.evidence(lines[i].start, ln.end, KEY)
                found = True
        # the two dates of 项目日期范围 are often in cells on separate lines
        period = PROJECT_PATTERNS["period"].search(" ".join(ln.text for ln in block[:30]))
        if period:
            project.period_start, project.period_end = period.group("start"), period.group("end")
        if found:
            facts.append(project)
        for ln in block:
            total = PROJECT_PATTERNS["total_score"].match(ln.text)
            if total:
                nums = [parse_number(x) for x in total.group("nums").split()]
                score = nums[-1] if nums else None
                grade_line = next((g for g in block if PROJECT_PATTERNS["grade"].search(g.text)), None)
                grade = ticked_grade(PROJECT_PATTERNS["grade"].search(grade_line.text).group("boxes")) if grade_line else None  # type: ignore[union-attr]
                if grade_line is None:
                    after = block.index(ln)
                    grade_line = next((g for g in block[after + 1 : after + 3] if PROJECT_PATTERNS["grade_word"].match(g.text)), None)
                    grade = PROJECT_PATTERNS["grade_word"].match(grade_line.text).group("grade") if grade_line else None  # type: ignore[union-attr]
                end = grade_line.end if grade_line and grade_line.start > ln.start else ln.end
                kind = EvaluationKind.SELF
                if department:
                    kind = EvaluationKind.THIRD_PARTY if evaluator_is_third_party(doc.text[: lines[i].start]) else EvaluationKind.DEPARTMENT
                facts.append(Evaluation(evidence=doc.evidence(ln.start, end, KEY), org=context.org or "", year=context.year or 0, subject=name, kind=kind, score=score, grade=grade))
                break
    return facts
