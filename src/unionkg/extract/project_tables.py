"""Projects and evaluations from the tables of 项目支出绩效自评表, 绩效目标表 and 部门评价表.

A project block starts at "项目名称 X"; its money row is "年度资金总额 a b c 分值 执行率 得分"
(年初预算数, 全年预算数, 全年执行数), in the unit of "项目资金（万元）".  The block's
"总分 100 100" is the evaluation score; a 部门评价表 adds the ticked grade
("评价等次 优 良□ 中 □ 差□": the grade without a box is the ticked one).

Funding rows are :class:`~unionkg.model.Amount` facts (direction expenditure, org = the
block's 主管部门, else the reporting body):

* 自评表 "其中：当年财政拨款 a b c 执行率 得分", "上年结转资金 …", "其他资金 …": one Amount
  per printed cell, phase budget / adjusted / final for 年初预算数 / 全年预算数 / 全年执行数
  (the row's 执行率 on the final one, as ``completion_pct``).  A blank cell between pipes
  is a cell ("上年结转资金 | — |  | 6.00": 6.00 is 全年执行数).  A spaced row whose blank cells
  vanished (text converted from PDF) is placed only when it is certain: as many cells as the
  年度资金总额 row, or figures before the printed 执行率 whose last two give it (全年预算数 and
  全年执行数); otherwise a warning, and no figure.
* 部门评价表 "计划投资额 x 实际到位资金 y 实际使用情况 z" give the Project's budget /
  adjusted / final; its rows "其中：中央财政 …", "省财政 …", "市县财政 …", "其他 …" are
  Amounts of the 实际到位资金 (adjusted) and 实际使用情况 (final) columns, left to right.

Amount fields: ``item`` = "<project> <row label>" (so the line is never mistaken for a
department-level line of the final accounts), ``fund_source`` = the row label as printed
without 其中：, ``column`` = the column header, ``table`` = 项目支出绩效自评表 / 部门评价表.
"""

from __future__ import annotations

import itertools
import re
from decimal import Decimal
from typing import Final

from unionkg.extract.parse import parse_number, parse_percent, to_yuan
from unionkg.extract.registry import register, warn
from unionkg.extract.tables import Line, Token, TokenKind, cell_view, iter_lines, name_tokens_without_number, real_table_lines, tokenize
from unionkg.model import Amount, Direction, DocumentContext, Evaluation, EvaluationKind, Fact, Phase, Project, SourceDocument

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
    # 总分 100 88.5, the grade may follow in the last cell: 总分 100 88.5 良 / 优秀
    "total_score": re.compile(r"^\s*总\s*分\s+(?P<nums>[\d.\s]+?)\s*(?:(?<=\s)(?P<grade>[优良中差])(?:秀|好|等)?\s*)?$"),
    "grade": re.compile(r"评价等次\s*(?P<boxes>[^\n]+)"),
    # a grade stated on its own line under 总分: 自评等级 良 / 评价等级：优 / 绩效评级 良好
    "grade_word": re.compile(r"^\s*(?:自评|评价|绩效)?(?:等级|等次|评级|结果)\s*[：:]?\s*[“\"]?(?P<grade>[优良中差])(?:秀|好|等)?[”\"]?\s*$"),
    # the title of an evaluation's table (its 总分 is not a self-evaluation)
    "department_table": re.compile(r"部门评价表|部门评价报告|(?:绩效)?评价指标(?:体系)?(?:及)?评分表|绩效评价评分表"),
    # 评价机构：第三方机构 □专家组 □项目单位评价组 (the option without a box is ticked)
    "evaluator": re.compile(r"评价(?:机构|主体|方式)\s*[：:]\s*(?P<boxes>[^\n]+)"),
    # 评价单位（盖章）：广西正信会计师事务所有限公司
    "evaluator_firm": re.compile(r"评价单位[^：:\n]{0,6}[：:]\s*\S*(?:会计师事务所|咨询|评估|研究院|研究中心|有限公司|有限责任公司)"),
    # 主管部门 湖北省总工会 实施单位 … / 主管单位：…
    "supervisor": re.compile(r"主管(?:部门|单位)\s*[：:]?\s*(?P<org>[^\s：:|｜]{2,40})"),
}

#: Where a project's table (自评表, 绩效目标表) names its project, on the lines before its figures and
#: indicators (tested in tests/extract/test_rt12a_leftovers.py): a 项目名称 field, a title naming the
#: project ("某市总工会困难职工帮扶项目支出绩效自评表"), or a heading that is a project's name
#: ("（二）职工技能提升培训项目") right above the table.
PROJECT_OPENING_PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    # a title naming the project before the table's kind, perhaps after a table number ("附表3 …")
    "title": re.compile(r"^\s*(?:附?表\s*\d+(?:[-－]\d+)?\s*)?(?P<name>[^\s|｜：:，,。；;]{2,60}?)(?:支出)?绩效(?:自评|目标|评价)(?:情况)?表\s*$"),
    # a numbered heading that is a project's name: （二）职工技能提升培训项目 / 2.职工书屋建设项目
    "heading": re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．])\s*(?P<name>[^，,。；;：:\s|｜]{2,40}项目)\s*$"),
    # the body and the year before a project's name in a title ("某市总工会2024年度")
    "title_lead": re.compile(r"^(?:[\u4e00-\u9fff]{2,30}?总工会)?\s*(?:(?:19|20)\d{2}\s*年度?)?\s*"),
    # where a 项目名称 field's value ends: the next cell, or the next field printed on its line
    "field_end": re.compile(r"\s{2,}|\t|[|｜]|\s*(?:主管部门|主管单位|实施单位|项目负责人|联系电话|预算单位|项目属性|项目类别)\s*[：:]?"),
    # a line that says a project's table follows (below a heading naming the project)
    "table_follows": re.compile(r"绩效(?:自评|目标|评价)(?:情况)?表|主管(?:部门|单位)|项目资金|年度资金总额|一级指标"),
    # what ends the table above (its total score) or opens it (its indicators' header): a name above it is that table's
    "table_end": re.compile(r"^\s*总\s*分(?:\s|[|｜]|$)|一级指标"),
    # a heading of another section ("二、部门整体支出…", "（三）其他"): a project named above it is not this table's
    "other_heading": re.compile(r"^\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）])"),
}

#: A title's leftover that names no project: the template's own words ("项目支出绩效自评表",
#: "部门整体支出绩效自评表").
NOT_A_PROJECT_NAME: Final[re.Pattern[str]] = re.compile(r"^(?:项目|部门|整体|部门整体|单位整体|单位|本部门|年度)?$|整体$|^部门")

#: Lines a heading's table may be below it (the heading, a few lines of prose, the table's title, the table).
HEADING_TABLE_GAP: Final[int] = 12
#: Lines back from a table's header to look for the name of its project.
PROJECT_NAME_LOOKBACK: Final[int] = 60


def field_project_name(text: str) -> str | None:
    """The project a 项目名称 field names, up to the next cell or field: "项目名称：劳模疗休养 | 主管部门：…"
    -> 劳模疗休养; None for a line of another kind."""
    m = PROJECT_PATTERNS["name"].match(text)
    if m is None:
        return None
    name = re.sub(r"^[：:|｜\s]+", "", m.group("name"))  # "项目名称：X", "项目名称 | X"
    cut = PROJECT_OPENING_PATTERNS["field_end"].search(name)
    name = (name[: cut.start()] if cut else name).strip()
    return name or None


#: A 项目名称 cell printed alone on its line, its value on the next ("项目名称" / "职工书屋建设": a table's cells
#: one a line, as PDF text prints them), and what that value may be: a name, no figure, no other field.
FIELD_ALONE: Final[re.Pattern[str]] = re.compile(r"^\s*项目名称\s*[：:]?\s*$")
FIELD_VALUE_LINE: Final[re.Pattern[str]] = re.compile(r"^\s*(?P<name>[^\s\d|｜：:，。；]{2,40})\s*$")  # one cell: no spaces
#: Words of another field or of a table's header: a line holding one is no project's name.
NOT_A_FIELD_VALUE: Final[re.Pattern[str]] = re.compile(r"主管|实施单位|项目负责人|联系电话|预算单位|项目资金|年度资金|一级指标|绩效|万元|预算数|执行数|指标值|分值|得分")


def project_name_at(lines: list[Line], k: int) -> str | None:
    """The project a 项目名称 field at ``lines[k]`` names: on its line, else on the next line when the field is
    printed alone there ("项目名称" / "职工书屋建设"); None for a line of another kind."""
    name = field_project_name(lines[k].text)
    if name is not None or not FIELD_ALONE.match(lines[k].text) or k + 1 >= len(lines):
        return name
    value = FIELD_VALUE_LINE.match(lines[k + 1].text)
    if value is None or NOT_A_FIELD_VALUE.search(value.group("name")):
        return None
    return value.group("name").strip()


def title_project_name(text: str) -> str | None:
    """The project a table's title names ("某市总工会困难职工帮扶项目支出绩效自评表" -> 困难职工帮扶项目), without
    the body and the year before it; None for the template's own title ("2024年度项目支出绩效自评表")."""
    m = PROJECT_OPENING_PATTERNS["title"].match(text)
    if m is None:
        return None
    name = PROJECT_OPENING_PATTERNS["title_lead"].sub("", m.group("name"), count=1).strip()
    return None if NOT_A_PROJECT_NAME.search(name) else name


def heading_project_name(text: str) -> str | None:
    """The project a numbered heading names ("（二）职工技能提升培训项目"), else None."""
    m = PROJECT_OPENING_PATTERNS["heading"].match(text)
    return m.group("name") if m else None


def heading_over_table(lines: list[Line], index: int) -> str | None:
    """The project a heading at ``lines[index]`` names when a project's table follows in its section: within
    :data:`HEADING_TABLE_GAP` lines and before the next heading ("（一）某某项目" / "1.项目基本情况：…" / "项目支出绩效自评表")."""
    name = heading_project_name(lines[index].text)
    if name is None:
        return None
    for line in lines[index + 1 : index + 1 + HEADING_TABLE_GAP]:
        if PROJECT_OPENING_PATTERNS["table_follows"].search(line.text):
            return name
        if PROJECT_OPENING_PATTERNS["other_heading"].match(line.text) or heading_project_name(line.text):
            return None
    return None


def project_named_before(lines: list[Line], index: int) -> str | None:
    """The project whose table has its header at ``lines[index]``: the nearest 项目名称 field, title naming a
    project, or heading naming one (its section holding the table, no heading of another section between) above
    the header; never above the total score (总分) or the header of the table before."""
    in_section = True  # no heading of another section passed yet: a heading naming a project is the table's
    for k in range(index - 1, max(0, index - PROJECT_NAME_LOOKBACK) - 1, -1):
        text = lines[k].text
        if PROJECT_OPENING_PATTERNS["table_end"].match(text):
            return None
        name = project_name_at(lines, k) or title_project_name(text) or (heading_project_name(text) if in_section else None)
        if name is not None:
            return name
        if PROJECT_OPENING_PATTERNS["other_heading"].match(text):
            in_section = False  # "（二）评价指标分析" between: a 项目名称 field above still names the report's project
    return None


def project_openings(lines: list[Line]) -> list[tuple[int, str]]:
    """(line index, project) where each project's table opens: a 项目名称 field, else (a table printing no
    such field) a title naming the project or a heading naming it right above the table.  Of openings one
    table prints several of (a heading, then a title or a field), the last before the table's figures."""
    found: list[tuple[int, str]] = []
    for i, line in enumerate(lines):
        name = project_name_at(lines, i) or title_project_name(line.text) or heading_over_table(lines, i)
        if name is not None:
            found.append((i, name))
    kept: list[tuple[int, str]] = []
    for n, (i, name) in enumerate(found):
        later = found[n + 1][0] if n + 1 < len(found) else None
        if later is not None and later - i <= HEADING_TABLE_GAP and not any(FIGURES_BEGIN.search(ln.text) for ln in lines[i + 1 : later]):
            continue  # the same table's opening printed again closer to its figures
        kept.append((i, name))
    return kept


def total_row_scores(numbers: list[str], block: list[Line]) -> bool:
    """Whether a 总分 row gives a score: it prints the weight and the score ("总分 100 96"), or its table
    has a 得分 column; a lone figure under a table of targets ("总分 | | | 100") is the weights' total."""
    return len(numbers) >= 2 or any("得分" in ln.text for ln in block)


#: A line where a project table's figures begin: the money row or the indicators' header.
FIGURES_BEGIN: Final[re.Pattern[str]] = re.compile(r"年度资金总额|一级指标|计划投资")


#: Funding rows of a 自评表 under 年度资金总额: "其中：当年财政拨款 3100 3100 3100 100% —".
FUND_ROW_PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    "row": re.compile(
        r"^\s*(?:其中\s*[：:]\s*)?(?P<label>(?:当年|本年)?财政拨款(?:资金)?|财政资金|上年结转(?:结余)?(?:资金)?|其他资金|自筹资金|单位自筹(?:资金)?|社会资金)"
        r"(?P<rest>(?:\s+\S+)*)\s*$"
    ),
    "percent": re.compile(r"^[-－]?\d+(?:\.\d+)?\s*[%％]$"),
}

#: Columns of a 自评表 funding row and their phase.
FUND_COLUMNS: Final[tuple[tuple[str, Phase], ...]] = (("年初预算数", Phase.BUDGET), ("全年预算数", Phase.ADJUSTED), ("全年执行数", Phase.FINAL))

#: The money block of a 部门评价表: totals, then rows by level of government.
EVAL_FUND_PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    # 计划投资额 1964.5 实际到位资金（万元） 1964.5 实际使用情况 1964.5 (a unit cell may be cut: "（万")
    "total": re.compile(
        r"(?P<label>计划投资(?:额|金额)?|计划投入(?:资金)?|实际到位资金|到位资金|实际使用情况|实际使用资金|实际使用|实际支出(?:资金)?)"
        r"\s*(?:[（(](?P<unit>万元|万|元|亿元)?[)）]?)?(?:\s*(?P<value>[-－]?\d[\d,]*(?:\.\d+)?|[—–－-]+)(?=\s|$))?"
    ),
    # 其中：中央财政 500 省财政 1464.5 市县财政 其他 (label value pairs, values may be blank)
    "source": re.compile(
        r"(?:其中\s*[：:]\s*)?(?P<label>中央财政(?:资金)?|中央资金|省级?财政(?:资金)?|省级资金|市县(?:级)?财政(?:资金)?|[市县区州]级?财政(?:资金)?|其他资金|其他|自筹资金|单位自筹)"
        r"(?:\s*(?P<value>[-－]?\d[\d,]*(?:\.\d+)?|[—–－-]+)(?=\s|$))?"
    ),
}

#: The phase of each total of a 部门评价表 (到位资金: the money made available for the year).
EVAL_FUND_PHASES: Final[tuple[tuple[str, Phase], ...]] = (("计划", Phase.BUDGET), ("到位", Phase.ADJUSTED), ("使用", Phase.FINAL), ("支出", Phase.FINAL))

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
    openings = project_openings(lines)  # 项目名称 fields, titles and headings naming the project
    starts = [i for i, _name in openings]
    table_rows = real_table_lines(doc)  # blank cells of real tables kept in place
    facts: list[Fact] = []
    for n, (i, name) in enumerate(openings):
        stop = starts[n + 1] if n + 1 < len(starts) else len(lines)
        block = lines[i:stop]
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
                amounts = total_row_amounts(doc, ln, table_rows, name)
                rate = next((parse_percent(x) for x in nums if "%" in x), None)
                values = [to_yuan(a, money_unit) if a is not None else None for a in amounts[:3]]
                project.budget = values[0] if values else None
                project.adjusted = values[1] if len(values) > 1 else None
                project.final = values[2] if len(values) > 2 else None
                project.execution_rate = rate
                project.evidence = doc.evidence(lines[i].start, ln.end, KEY)
                found = True
        supervisor = next((m.group("org") for ln in block[:8] if (m := PROJECT_PATTERNS["supervisor"].search(ln.text))), None)
        owner = supervisor or context.org or ""
        funds_at = next((k for k, ln in enumerate(block[:30]) if PROJECT_PATTERNS["funds"].match(ln.text)), None)
        if funds_at is not None:
            total_row = PROJECT_PATTERNS["funds"].match(block[funds_at].text)
            width = full_row_width(total_row.group("nums").split()) if total_row else None
            facts.extend(fund_rows(doc, block[funds_at + 1 : 30], name, owner, context.year or 0, money_unit, table_rows, width))
        totals, amounts = evaluation_funds(doc, block[:30], name, owner, context.year or 0, money_unit)
        facts.extend(amounts)
        if totals is not None:
            values, line = totals
            project.budget = project.budget if project.budget is not None else values.get(Phase.BUDGET)
            project.adjusted = project.adjusted if project.adjusted is not None else values.get(Phase.ADJUSTED)
            project.final = project.final if project.final is not None else values.get(Phase.FINAL)
            if not found:
                project.evidence = doc.evidence(lines[i].start, line.end, KEY)
            found = True
        # the two dates of 项目日期范围 are often in cells on separate lines
        period = PROJECT_PATTERNS["period"].search(" ".join(ln.text for ln in block[:30]))
        if period:
            project.period_start, project.period_end = period.group("start"), period.group("end")
        if found:
            facts.append(project)
        for ln in block:
            total = PROJECT_PATTERNS["total_score"].match(ln.text)
            if total and not total_row_scores(total.group("nums").split(), block):
                continue  # "总分 | | | 100" under a table of targets: the weights' total, no score
            if total:
                nums = [parse_number(x) for x in total.group("nums").split()]
                score = nums[-1] if nums else None
                grade_line = next((g for g in block if PROJECT_PATTERNS["grade"].search(g.text)), None)
                grade = ticked_grade(PROJECT_PATTERNS["grade"].search(grade_line.text).group("boxes")) if grade_line else None  # type: ignore[union-attr]
                if grade_line is None:
                    after = block.index(ln)
                    grade_line = next((g for g in block[after + 1 : after + 3] if PROJECT_PATTERNS["grade_word"].match(g.text)), None)
                    grade = PROJECT_PATTERNS["grade_word"].match(grade_line.text).group("grade") if grade_line else None  # type: ignore[union-attr]
                if grade is None and total.group("grade"):
                    grade = total.group("grade")
                end = grade_line.end if grade_line and grade_line.start > ln.start else ln.end
                kind = EvaluationKind.SELF
                if department:
                    kind = EvaluationKind.THIRD_PARTY if evaluator_is_third_party(doc.text[: lines[i].start]) else EvaluationKind.DEPARTMENT
                facts.append(Evaluation(evidence=doc.evidence(ln.start, end, KEY), org=context.org or "", year=context.year or 0, subject=name, kind=kind, score=score, grade=grade))
                break
    return facts


# ---------------------------------------------------------------------------
# Funding rows
# ---------------------------------------------------------------------------


def _amount(doc: SourceDocument, start: int, end: int, org: str, year: int, phase: Phase, project: str, label: str, value: Decimal, column: str, table: str) -> Amount:
    return Amount(
        evidence=doc.evidence(start, end, KEY),
        org=org,
        year=year,
        phase=phase,
        direction=Direction.EXPENDITURE,
        item=f"{project} {label}",
        value=value,
        column=column,
        table=table,
        fund_source=label,
    )


#: The pipes between the cells of a row typed or rendered as text ("a | — |  | 6.00").
CELL_PIPES: Final[re.Pattern[str]] = re.compile(r"[|｜]")


def pipe_row(text: str, line: Line) -> Line | None:
    """``line`` read cell by cell at its pipes, with a zero-width EMPTY token for each blank
    cell after the label ("上年结转资金 | — |  | 6.00": —, blank, 6.00), so that the figures keep
    their columns; a blank last cell counts too ("… | 6.00 |"), unless the row opens with a pipe
    (a bordered row: its first and last pipes are borders).  None for a line without pipes."""
    body = text[line.start : line.end]
    pipes = [m.start() for m in CELL_PIPES.finditer(body)]
    if not pipes:
        return None
    edges = [-1, *pipes, len(body)]
    pieces = [(line.start + a + 1, line.start + b) for a, b in itertools.pairwise(edges)]
    if body.startswith(("|", "｜")):
        pieces = pieces[1:-1] if body.rstrip().endswith(("|", "｜")) else pieces[1:]
    tokens: list[Token] = []
    for start, end in pieces:
        cell = tokenize(text, start, end)
        if cell:
            tokens.extend(cell)
        elif any(t.kind is TokenKind.TEXT for t in tokens):
            at = tokens[-1].end
            tokens.append(Token("", at, at, TokenKind.EMPTY))
    return Line(line.start, line.end, line.text, tuple(tokens))


#: Where 执行率 stands in a full funding row: after 年初预算数, 全年预算数, 全年执行数 and 分值.
FULL_ROW_RATE_AT: Final[int] = 3 + 1


def full_row_width(cells: list[str]) -> int | None:
    """The number of cells of a full funding row, from the 年度资金总额 row's cells: theirs when
    its 执行率 stands where a full row has it and its 得分 follows, else None (the total row lost
    a blank cell too, or where its row ends cannot be told)."""
    rate_at = next((k for k, c in enumerate(cells) if FUND_ROW_PATTERNS["percent"].match(c)), None)
    return len(cells) if rate_at == FULL_ROW_RATE_AT and len(cells) == FULL_ROW_RATE_AT + 2 else None


def value_cells(row: Line, after: int) -> list[Token]:
    """The cells of a funding row from ``after`` on, up to the first word (a note cell)."""
    cells: list[Token] = []
    for tok in row.tokens:
        if tok.start < after:
            continue
        if tok.kind is TokenKind.TEXT and not FUND_ROW_PATTERNS["percent"].match(tok.text):
            break
        cells.append(tok)
    return cells


def placed_cells(cells: list[Token], width: int | None, visible_blanks: bool) -> list[tuple[tuple[str, Phase], Token]] | None:
    """The money cells of a funding row with their columns, or None when a blank cell vanished
    and where cannot be told.

    * blank cells kept (pipes, a real table): the first three cells are the money columns;
    * a row as wide as the 年度资金总额 row (``width``): nothing vanished;
    * otherwise (spaced text: a blank cell is invisible) only a certain reading: three figures
      before the printed 执行率 whose last two give that rate, or two whose ratio is it
      (全年预算数 and 全年执行数; the first of three may be a nil mark)."""
    if visible_blanks or (width is not None and len(cells) == width):
        return list(zip(FUND_COLUMNS, cells[:3]))
    rate_at = next((k for k, t in enumerate(cells) if FUND_ROW_PATTERNS["percent"].match(t.text)), None)
    if rate_at is None:
        return None
    rate = parse_percent(cells[rate_at].text)
    before = cells[:rate_at]
    if rate is None or len(before) not in (2, 3) or not all(t.is_numeric for t in before[-2:]):
        return None
    if not _ratio_is(before[-2].value, before[-1].value, rate):
        return None
    # three cells: 年初预算数 (a figure or a nil mark), then the two the rate is of; two: those two
    return list(zip(FUND_COLUMNS[3 - len(before) :], before))


#: The label of a 自评表's total money row.
TOTAL_ROW_LABEL: Final[str] = "年度资金总额"


def total_row_amounts(doc: SourceDocument, line: Line, table_rows: dict[int, Line], project: str) -> list[Decimal | None]:
    """年初预算数, 全年预算数, 全年执行数 of the 年度资金总额 row (None for a nil or blank cell).

    Blank cells between pipes keep the columns ("年度资金总额 | 10.00 |  | 9.50 | 10 | …": 9.50 is
    全年执行数, not 全年预算数 and the 分值 10 no 全年执行数).  In spaced text, a row whose 执行率
    stands before its place in a full row lost a blank: its figures are placed by the rate
    (:func:`placed_cells`), or not at all (a warning); other rows are read in order."""
    row = table_rows.get(line.start) or pipe_row(doc.text, line)
    after = line.start + line.text.find(TOTAL_ROW_LABEL) + len(TOTAL_ROW_LABEL)
    cells = value_cells(row or line, after)
    if row is not None:
        return [t.value for t in cells[:3]] + [None] * (3 - len(cells[:3]))
    rate_at = next((k for k, t in enumerate(cells) if FUND_ROW_PATTERNS["percent"].match(t.text)), None)
    if rate_at is None or rate_at >= FULL_ROW_RATE_AT:
        return [t.value for t in cells if not FUND_ROW_PATTERNS["percent"].match(t.text)][:3]
    placed = placed_cells(cells, None, visible_blanks=False)
    if placed is None:
        warn(f"project_tables: the row '{compact_text(line.text)}' of '{project}' has blank cells that cannot be placed; no total read from it")
        return []
    columns = {column: tok.value for (column, _phase), tok in placed}
    return [columns.get(column) for column, _phase in FUND_COLUMNS]


def fund_rows(doc: SourceDocument, lines: list[Line], project: str, org: str, year: int, money_unit: str, table_rows: dict[int, Line] | None = None, width: int | None = None) -> list[Amount]:
    """Amounts of the rows under 年度资金总额 ("其中：当年财政拨款 a b c 执行率 得分"); ``width``
    is the number of value cells of the 年度资金总额 row (see :func:`placed_cells`)."""
    out: list[Amount] = []
    for line in lines:
        if re.search(r"目标|指标", line.text):
            break
        m = FUND_ROW_PATTERNS["row"].match(line.text)
        if not m:
            continue
        label = m.group("label")
        real = (table_rows or {}).get(line.start)
        row = real or pipe_row(doc.text, line) or line
        cells = value_cells(row, line.start + m.end("label"))
        if not any(t.is_numeric for t in cells):
            continue
        placed = placed_cells(cells, width, visible_blanks=row is not line)
        if placed is None:
            warn(f"project_tables: the funding row '{compact_text(line.text)}' of '{project}' has blank cells that cannot be placed; no amount read from it")
            continue
        rate = next((t for t in cells if FUND_ROW_PATTERNS["percent"].match(t.text)), None)
        rate_value = parse_percent(rate.text) if rate is not None else None
        for (column, phase), tok in placed:
            if not tok.is_numeric or tok.value is None:
                continue
            end = rate.end if phase is Phase.FINAL and rate is not None else tok.end
            amount = _amount(doc, line.start + m.start("label"), end, org, year, phase, project, label, to_yuan(tok.value, money_unit), column, "项目支出绩效自评表")
            if phase is Phase.FINAL:
                amount.completion_pct = rate_value
            out.append(amount)
    return out


def _ratio_is(adjusted: Decimal | None, final: Decimal | None, rate: Decimal) -> bool:
    """Whether final / adjusted is the printed rate (to its printed precision)."""
    if not adjusted or final is None:
        return False
    return abs(final / adjusted * 100 - rate) <= Decimal("0.51")


def compact_text(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def evaluation_funds(doc: SourceDocument, lines: list[Line], project: str, org: str, year: int, money_unit: str) -> tuple[tuple[dict[Phase, Decimal], Line] | None, list[Amount]]:
    """The money block of a 部门评价表: the totals by phase (and their line), and the
    Amounts of its rows by level of government (中央财政 / 省财政 / 市县财政 / 其他)."""
    totals: dict[Phase, Decimal] = {}
    last: Line | None = None
    groups: list[tuple[str, Phase]] = []  # the totals of the latest totals line, left to right
    out: list[Amount] = []
    unit_seen = any(re.search(r"[（(](?:万元?|元)", ln.text) for ln in lines)
    for line in lines:
        found = list(EVAL_FUND_PATTERNS["total"].finditer(line.text))
        if found and (found[0].start() > 0 or re.search(r"[，。；,;]", line.text)):
            found = []  # a total cell starts the row; prose that names one is not the table
        if found:
            groups = []
            for m in found:
                phase = next(ph for word, ph in EVAL_FUND_PHASES if word in m.group("label"))
                unit = _unit(m.group("unit")) or money_unit
                groups.append((m.group("label"), phase))
                value = parse_number(m.group("value") or "")
                if value is not None and phase not in totals:
                    totals[phase] = to_yuan(value, unit)
                    last = line
                    money_unit = unit
            if not unit_seen and totals:
                warn(f"project_tables: the 部门评价表 of '{project}' prints no money unit; read in {money_unit}")
            continue
        if not groups:
            continue
        pairs = list(EVAL_FUND_PATTERNS["source"].finditer(line.text))
        if not pairs or sum(len(re.sub(r"\s+", "", p.group(0))) for p in pairs) != len(re.sub(r"\s+", "", line.text)):
            if pairs or re.search(r"\d", line.text):
                groups = []  # the block ended
            continue
        if len(pairs) == len(groups):
            mapped = list(zip(pairs, groups))
        elif len(pairs) == len(groups) - 1:  # the first total (计划投资额) has no breakdown
            mapped = list(zip(pairs, groups[1:]))
        else:
            warn(f"project_tables: the row '{compact_text(line.text)}' of the 部门评价表 of '{project}' does not match its {len(groups)} columns")
            continue
        for pair, (column, phase) in mapped:
            value = parse_number(pair.group("value") or "")
            if value is None:
                continue
            label = pair.group("label")
            out.append(_amount(doc, line.start + pair.start("label"), line.start + pair.end("value"), org, year, phase, project, label, to_yuan(value, money_unit), column, "部门评价表"))
    return ((totals, last) if totals and last is not None else None), out


def _unit(text: str | None) -> str | None:
    if not text:
        return None
    return "万元" if text.startswith("万") else text


# ---------------------------------------------------------------------------
# Summary tables of the projects' self-evaluations (项目支出绩效自评汇总表)
# ---------------------------------------------------------------------------
# A performance report lists its projects one per row: "项目名称 年初预算数 全年预算数 全年执行数
# 执行率(%) 自评得分 (自评等级)".  Each row is the project's budget, adjusted budget, final
# amount and execution rate (a Project), and its self-evaluation's score and grade (an Evaluation).

SUMMARY_EXTRACTOR = "project_tables.summary"
SUMMARY_KEY = f"{SUMMARY_EXTRACTOR}@{VERSION}"

#: Header cells of a summary table and the field each fills (tested in
#: tests/extract/test_rt10e_table_columns.py); the longest name at a position wins.
PROJECT_SUMMARY_COLUMNS: Final[dict[str, str]] = {
    "年初预算数": "budget", "年初预算": "budget", "预算数": "budget",
    "全年预算数": "adjusted", "调整预算数": "adjusted", "调整后预算数": "adjusted", "全年预算": "adjusted",
    "全年执行数": "final", "执行数": "final", "实际支出数": "final", "决算数": "final", "实际执行数": "final",
    "执行率": "rate", "预算执行率": "rate", "资金执行率": "rate", "完成率": "rate",
    "自评得分": "score", "得分": "score", "评价得分": "score", "绩效自评得分": "score",
    "自评等级": "grade", "评价等级": "grade", "等级": "grade", "自评结果": "grade",
}  # fmt: skip

#: Fields that make a table of projects a summary of their execution or evaluation (a plain list
#: of budgets is a 项目支出表, read with the budget tables).
SUMMARY_FIELDS: Final[frozenset[str]] = frozenset({"final", "rate", "score"})

#: Patterns of summary tables.
SUMMARY_PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    # the header: a 项目名称 cell, then the columns
    "header": re.compile(r"^\s*(?:[|｜]\s*)?(?:序\s*号\s*(?:[|｜]\s*)?)?项目名称\s*[|｜\s]"),
    # a 序号 column in the header
    "serial": re.compile(r"序\s*号"),
    # a grade cell after the figures ("优", "良好")
    "grade": re.compile(r"(?P<grade>[优良中差])(?:秀|好|等)?"),
}

#: Most text lines looked back from a header for the table's money unit ("单位：万元").
SUMMARY_UNIT_LOOKBACK: Final[int] = 3


def _summary_money_unit(lines: list[Line], at: int, header: str) -> str:
    from unionkg.extract.tables import TABLE_PATTERNS

    in_header = TABLE_PATTERNS["column_money_unit"].search(header)
    if in_header:
        return in_header.group("unit")
    for line in reversed(lines[max(0, at - SUMMARY_UNIT_LOOKBACK) : at]):
        unit = TABLE_PATTERNS["money_unit"].search(line.text)
        if unit:
            return unit.group("unit")
    return "万元"


def read_project_summaries(doc: SourceDocument, context: DocumentContext) -> list[Fact]:
    """Projects and self-evaluations of the summary tables of a performance report (see above).
    A row with another number of figures than the header's figure columns gives nothing (its
    figures cannot be placed) and a warning; a 合计 row is no project."""
    from unionkg.extract.final_accounts import _comparison_figures_as_numbers
    from unionkg.extract.tables import find_columns

    text = cell_view(doc.text)
    lines = list(iter_lines(text))
    names = tuple(PROJECT_SUMMARY_COLUMNS)
    facts: list[Fact] = []
    org, year = context.org or "", context.year or 0
    for at, line in enumerate(lines):
        if not SUMMARY_PATTERNS["header"].match(doc.text[line.start : line.end]):
            continue
        header = re.sub(r"\s+", "", line.text)
        columns = find_columns(header.split("项目名称", 1)[1], names)
        fields = [PROJECT_SUMMARY_COLUMNS[c] for c in columns]
        if len(columns) < 2 or not SUMMARY_FIELDS & set(fields):
            continue
        figure_fields = [f for f in fields if f != "grade"]
        serial = bool(SUMMARY_PATTERNS["serial"].search(header))
        unit = _summary_money_unit(lines, at, line.text)
        for row in lines[at + 1 :]:
            toks = _comparison_figures_as_numbers(row.tokens)
            if serial and toks and toks[0].kind is TokenKind.INTEGER:
                toks = toks[1:]
            first_figure = next((k for k, t in enumerate(toks) if t.kind is not TokenKind.TEXT), None)
            if not toks or first_figure is None or first_figure == 0:
                break  # the table ends at a line of text (or a row without a name)
            name_tokens = name_tokens_without_number(toks[:first_figure])  # "1、某项目": a typed 序号
            name = "".join(t.text for t in name_tokens)
            figures = [t for t in toks[first_figure:] if t.kind is not TokenKind.TEXT]
            grade_cell = next((t for t in toks[first_figure:] if t.kind is TokenKind.TEXT), None)
            if name in ("合计", "总计", "小计"):
                continue
            if len(figures) != len(figure_fields):
                warn(f"{doc.source}: summary of projects: '{name}' prints {len(figures)} figures for {len(figure_fields)} columns; row skipped")
                continue
            values = {field: parse_number(t.text) for field, t in zip(figure_fields, figures)}
            evidence = doc.evidence(row.tokens[0].start, max(t.end for t in toks), SUMMARY_KEY)
            project = Project(evidence=evidence, org=org, year=year, name=name)
            for field in ("budget", "adjusted", "final"):
                if values.get(field) is not None:
                    setattr(project, field, to_yuan(values[field], unit))  # type: ignore[arg-type]
            project.execution_rate = values.get("rate")
            facts.append(project)
            grade_match = SUMMARY_PATTERNS["grade"].fullmatch(grade_cell.text) if grade_cell is not None and "grade" in fields else None
            grade = grade_match.group("grade") if grade_match else None
            if values.get("score") is not None or grade is not None:
                facts.append(Evaluation(evidence=evidence, org=org, year=year, subject=name, kind=EvaluationKind.SELF, score=values.get("score"), grade=grade))
    return facts


@register(SUMMARY_EXTRACTOR, version=VERSION, genres=("performance",))
def extract_project_summaries(doc: SourceDocument, context: DocumentContext) -> list[Fact]:
    return read_project_summaries(doc, context)
