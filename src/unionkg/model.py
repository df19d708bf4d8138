"""Typed values passed between pipeline stages.

ingest -> :class:`SourceDocument` (original text + normalised text + offset map)
extract -> a list of :class:`Fact` subclasses, each with :class:`Evidence`
map -> RDF (``unionkg.graph.mapping``)

Money is always an exact :class:`~decimal.Decimal` in **yuan**; the 万元 figure
that a document prints is recovered with ``value / 10000``.  Offsets in
:class:`Evidence` index the *original* text of the document, so that
``doc.original[e.start:e.end] == e.quote`` holds for every fact.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


class Phase(StrEnum):
    """Budget phase, mapped to the OpenBudgets.eu budget-phase code list."""

    BUDGET = "budget"  # 预算 / 年初预算  -> obeu approved
    ADJUSTED = "adjusted"  # 调整预算 / 全年预算 -> obeu revised
    FINAL = "final"  # 决算 / 执行数 -> obeu executed


class Direction(StrEnum):
    REVENUE = "revenue"
    EXPENDITURE = "expenditure"


class Comparator(StrEnum):
    GE = ">="
    LE = "<="
    EQ = "="
    GT = ">"
    LT = "<"
    QUALITATIVE = "qualitative"


class OrgRole(StrEnum):
    FEDERATION = "federation"  # the reporting body (部门 / 本级 at department level)
    UNIT = "unit"  # subordinate budget unit (下属单位 / 二级预算单位 / 直属事业单位)
    DEPARTMENT = "department"  # internal department (内设机构 / 部室)


class StaffCategory(StrEnum):
    AUTHORIZED = "authorized"  # 编制数
    ACTUAL = "actual"  # 实有人数
    IN_SERVICE = "in_service"  # 在职人数
    RETIRED = "retired"  # 离退休 / 退休人员
    OTHER = "other"  # 其他人员: on the books, neither in service nor retired (决算 人员情况)
    #: People at work for the body outside its established posts (编外人员, 劳务派遣, 公益性岗位,
    #: 购买服务, 临时聘用, 返聘, 借调 …): no part of the staff in service unless a note puts them in it
    OUTSIDE_POSTS = "outside_posts"


class EvaluationKind(StrEnum):
    SELF = "self"  # 自评
    DEPARTMENT = "department"  # 部门评价
    THIRD_PARTY = "third_party"  # 第三方评价


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact came from: a character interval of the original text."""

    start: int
    end: int
    quote: str
    extractor: str  # registry key and version, e.g. "final_accounts.tables@1"


@dataclass(slots=True)
class Fact:
    evidence: Evidence


@dataclass(slots=True)
class Organization(Fact):
    name: str  # official name as printed (本级 suffix removed)
    role: OrgRole
    parent: str | None = None  # name of the parent organisation
    funding_type: str | None = None  # 全额拨款 / 差额拨款 / 自收自支
    reform_class: str | None = None  # 行政 / 参公 / 公益一类 / 公益二类 / 经营类
    year: int | None = None
    #: Other names the document prints for this organisation (set by entity
    #: resolution: "省直机关工会" for "某省直机关工会工作委员会", a former name "原X")
    aliases: tuple[str, ...] = ()
    #: Former names among the aliases ("A（原B，2022年更名）"): the mapping links the
    #: organisation of that name to this one with an org:ChangeEvent
    former_names: tuple[str, ...] = ()


@dataclass(slots=True)
class Staffing(Fact):
    org: str
    category: StaffCategory
    count: int
    label: str  # as printed, e.g. "行政编制"
    year: int | None = None
    #: "department" when the figure covers the whole 部门 (the body and its
    #: subordinate units, "共有预算单位 N 个 ... 编制人数 215 人"); None for the
    #: organisation's own figure (its 本级 section, or nothing says otherwise)
    scope: str | None = None


@dataclass(slots=True)
class Duty(Fact):
    org: str
    text: str


@dataclass(slots=True)
class WorkTask(Fact):
    org: str
    year: int | None
    text: str


@dataclass(slots=True)
class Amount(Fact):
    """One budget or final-account figure (a qb:Observation)."""

    org: str  # the budget unit the figure belongs to
    year: int
    phase: Phase
    direction: Direction | None
    item: str  # label as printed
    value: Decimal  # yuan
    code: str | None = None  # classification code (3/5/7 digits)
    code_scheme: str | None = None  # "func" | "econ" | None
    column: str | None = None  # table column, e.g. "基本支出"
    table: str | None = None  # e.g. "公开01表"
    fund_source: str | None = None  # 财政拨款 / 上年结转 / ...
    share_pct: Decimal | None = None  # "占 ... 的 x%" as stated
    scope: str | None = None  # "department" (whole 部门) or None (the org itself)
    #: The stated rate of this (final) figure against the budget, in percent:
    #: "决算数 1520.60 万元，完成年初预算的 104.30%", "决算支出 410.25 万元。总体预算执行率为 100%"
    completion_pct: Decimal | None = None
    #: When the figure is one item of a list that breaks down a total stated just
    #: before it in the same paragraph ("支出预算 2150.40 万元…。具体支出情况是：
    #: 行政运行 860.12 万元，…"), the item of that total.
    part_of: str | None = None
    #: What kind of figure it is when not a plain total of its phase (values in
    #: :data:`unionkg.extract.patterns.AMOUNT_QUALIFIERS`): "mid_year_addition"
    #: (财政年中追加 x 万元), "unspent_balance" (年初预算结余 x 万元，未支出),
    #: "difference_from_budget" (a final figure's signed difference from the year's
    #: budget: 比年初预算增加 x 万元), or a rate ("rate_per_month" for 300 元/月,
    #: "rate_per_person", "rate_per_household", "rate_per_item", "rate_per_year",
    #: "rate_per_day").  None for a total.
    qualifier: str | None = None
    #: The reason the document states for a final figure's completion rate or its difference from
    #: the budget, as printed ("…完成年初预算的 91.20%，主要原因是部分培训项目延期实施"): the
    #: text after 主要原因是 / 原因是 / 主要是 / 系 up to the sentence end.  A reason stated after a
    #: year-on-year change is the :class:`Change`'s, never this.
    completion_reason: str | None = None


@dataclass(slots=True)
class Change(Fact):
    """A stated year-on-year change of an item (比上年增加 x 万元，增长 y%)."""

    org: str
    year: int
    item: str
    direction: str  # "increase" | "decrease" | "flat"
    delta: Decimal | None = None  # yuan, signed
    pct: Decimal | None = None  # signed percent
    reason: str | None = None
    phase: Phase | None = None
    #: For one component of a stated reason ("主要原因：离退休费减少 362.52 万元，…"),
    #: the item of the change it explains; its ``reason`` is None (the parent keeps the text).
    parent_item: str | None = None
    #: A change printed in a table's 增减额 / 增减率 columns: the row's classification code as
    #: printed and the table ("公开05表"); None for a change stated in prose.
    code: str | None = None
    table: str | None = None
    #: The column of the line the change is of, when it is stated after one part of a line
    #: ("行政运行支出决算为 X 万元，其中：基本支出 Y 万元，比上年增加 Z 万元": "基本支出"), as
    #: :attr:`Amount.column`; None for the change of the whole item.
    column: str | None = None


@dataclass(slots=True)
class Project(Fact):
    org: str
    year: int
    name: str
    budget: Decimal | None = None  # yuan (年初预算 / 预算安排)
    adjusted: Decimal | None = None  # yuan (全年预算)
    final: Decimal | None = None  # yuan (执行数 / 决算)
    execution_rate: Decimal | None = None  # percent as stated
    implementing_unit: str | None = None
    period_start: str | None = None  # ISO date
    period_end: str | None = None
    description: str | None = None
    #: Set by entity resolution (``unionkg.extract.resolve``): the other names
    #: the document prints for this project, the evidence of the merged facts,
    #: and a final amount computed from budget and execution rate (never printed).
    aliases: tuple[str, ...] = ()
    extra_evidence: tuple[Evidence, ...] = ()
    derived_final: Decimal | None = None


@dataclass(slots=True)
class Indicator(Fact):
    org: str
    year: int
    project: str | None  # None for whole-department (整体支出) indicators
    name: str
    comparator: Comparator
    level1: str | None = None  # 产出指标 / 效益指标 / 满意度指标 / 成本指标
    level2: str | None = None  # 数量指标 / 质量指标 / ...
    target: Decimal | None = None
    target_text: str | None = None
    unit: str | None = None
    actual: Decimal | None = None
    actual_text: str | None = None
    weight: Decimal | None = None  # 分值
    score: Decimal | None = None  # 得分
    deviation_reason: str | None = None
    met: bool | None = None  # computed from comparator/target/actual


@dataclass(slots=True)
class Evaluation(Fact):
    org: str
    year: int
    subject: str | None  # project name, or None for the whole department
    kind: EvaluationKind
    score: Decimal | None = None
    grade: str | None = None  # 优 / 良 / 中 / 差
    #: None for the evaluation of one subject; "project_mean" when the figure is
    #: the average of the body's project self-evaluations ("项目支出…平均得分为 95.20 分")
    aggregate: str | None = None


@dataclass(slots=True)
class Flow(Fact):
    payer: str
    payee: str
    amount: Decimal | None
    year: int | None
    purpose: str | None = None
    project: str | None = None
    #: The payer / payee is a group or a body the sentence names only by its level
    #: ("各县（市、区）总工会", "基层工会", "省总工会"): a label as printed, mapped to a
    #: node of this document only, never to an organisation entity (docs/graph-model.md).
    payer_group: bool = False
    payee_group: bool = False


@dataclass(slots=True)
class StatisticalCount(Fact):
    """A non-money figure stated in a table or text: 三公 相关统计数 (团组数, 人次,
    车辆数), asset counts (车辆 x 辆, 单价 100 万元以上设备 x 台/套), 接待批次 ..."""

    org: str
    year: int
    item: str  # label as printed, e.g. "因公出国（境）团组数"
    count: Decimal  # the number as stated (may be fractional for averages)
    unit: str | None = None  # 个 / 人次 / 辆 / 台（套） ... as printed
    phase: Phase | None = None  # 预算数 / 决算数 column when the table has one
    table: str | None = None  # e.g. "公开07表"


@dataclass(slots=True)
class Passage(Fact):
    """A paragraph-sized stretch of text, indexed for search and cited by QA."""

    heading: str | None
    text: str


@dataclass(slots=True)
class SourceDocument:
    """A document after ingest: original text and the normalised view of it.

    ``offsets[i]`` is the index in ``original`` of ``text[i]``; it has one
    extra entry, ``len(original)``, so that end offsets map too.
    """

    doc_id: str  # sha256 prefix of the original bytes
    source: str  # file name it was ingested from
    original: str
    text: str
    offsets: list[int]
    media_type: str = "text/plain"
    genre: str = "unknown"
    tables: list[list[list[str]]] = field(default_factory=list)  # from PDF/DOCX/HTML
    #: what the file's reader could not read ("ingest: a.pdf: page 3 of 9 is a scanned image ..."),
    #: passed on to ``Extraction.warnings`` by the pipeline
    warnings: list[str] = field(default_factory=list)
    #: 1-based numbers of the pages read by OCR (scans): the graph's ``ukg:ocrPage`` of the document
    ocr_pages: list[int] = field(default_factory=list)

    def evidence(self, start: int, end: int, extractor: str) -> Evidence:
        """Evidence for ``text[start:end]`` quoted from the original text."""
        o_start = self.offsets[start]
        o_end = self.offsets[end - 1] + 1 if end > start else o_start
        return Evidence(o_start, o_end, self.original[o_start:o_end], extractor)


@dataclass(slots=True)
class DocumentContext:
    """What an extractor knows about the document as a whole."""

    org: str | None  # the reporting body
    year: int | None  # the fiscal year the document is about
    genre: str
    title: str | None = None
    published: str | None = None  # ISO date if printed


@dataclass(slots=True)
class Extraction:
    document: SourceDocument
    context: DocumentContext
    facts: list[Fact]
    warnings: list[str] = field(default_factory=list)
    leftover_numbers: list[dict[str, object]] = field(default_factory=list)
    unmatched_sections: list[str] = field(default_factory=list)
