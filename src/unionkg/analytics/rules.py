"""Named data for the consistency checks: which printed items add up to which.

Disclosures of the genre print the same compositions again and again (a total
and its parts, under a handful of names).  Each :class:`Composition` names the
total and its parts by patterns over the item label *as printed* (or the table
column, for table cells).  A part is a :class:`Slot`: either one generic label
(``财政拨款``) or the sum of its more specific labels (``一般公共预算财政拨款`` +
``国有资本经营预算财政拨款``), so that a document printing both is not counted twice.
An ``optional`` slot may or may not be included in the total (``上年结转`` is
inside ``收入预算总额`` in budgets but outside ``本年收入合计`` in final accounts).

Every pattern here has positive and negative examples in
``tests/analytics/test_rules.py``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field


def normalise_label(label: str) -> str:
    """NFKC, no whitespace, no leading list markers: the form patterns match."""
    text = unicodedata.normalize("NFKC", label)
    text = re.sub(r"\s+", "", text)
    return LIST_MARKER.sub("", text)


# "一、", "（一）", "1.", "(1)" in front of an item label.
LIST_MARKER = re.compile(r"^(?:[（(][一二三四五六七八九十\d]{1,3}[)）][、.．]?|[一二三四五六七八九十\d]{1,3}[、.．])+")


@dataclass(frozen=True)
class Slot:
    """One part of a composition: a generic label, or the sum of specific ones."""

    name: str
    generic: re.Pattern[str]
    specific: tuple[re.Pattern[str], ...] = ()
    optional: bool = False


@dataclass(frozen=True)
class Composition:
    """A total that should equal the sum of its parts."""

    name: str
    description: str
    total: re.Pattern[str]
    slots: tuple[Slot, ...]
    required: tuple[str, ...] = field(default_factory=tuple)  # slot names that must be present
    min_parts: int = 2


def _p(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


# -- totals -------------------------------------------------------------------

REVENUE_TOTAL = _p(r"^(?:本年|部门|年度)?收入(?:预算|决算)?(?:总额|合计|总计|总预算)$|^(?:预算|决算)?收入(?:总额|总计)$")
EXPENDITURE_TOTAL = _p(
    r"^(?:本年|部门|年度)?支出(?:预算|决算)?(?:总额|合计|总计|总预算)$"
    r"|^(?:预算|决算)支出(?:总额|总计|合计)?$"
    # "市财政局安排…及直属事业单位预算资金", "财政安排预算资金总计": the budget a body was given
    r"|(?:^|安排|单位)预算资金(?:总计|共计|合计)?$"
)
BASIC = _p(r"^(?:一般公共预算)?基本支出$")
PROJECT = _p(r"^项目支出$")
PERSONNEL = _p(r"^人员经费(?:合计)?$|^人员支出$")
PUBLIC_FUNDS = _p(r"^公用经费(?:合计)?$|^公用支出(?:合计)?$")

# -- revenue by source ---------------------------------------------------------

REVENUE_SLOTS = (
    Slot(
        "fiscal",
        _p(r"^财政拨款(?:收入)?$"),
        (
            # "一般公共预算财政拨款收入", and "一般公共预算拨款收入" as 收支总表 print it
            _p(r"^一般公共预算(?:财政)?(?:拨款)?(?:收入)?$"),
            _p(r"^政府性基金预算(?:财政)?(?:拨款)?(?:收入)?$"),
            _p(r"^国有资本经营预算(?:财政)?(?:拨款)?(?:收入)?$"),
        ),
    ),
    Slot("higher_subsidy", _p(r"^上级补助(?:收入)?$")),
    Slot("business", _p(r"^事业(?:收入)?$")),
    Slot("operating", _p(r"^(?:事业单位)?经营(?:收入)?$")),
    Slot("affiliated", _p(r"^附属单位上缴(?:收入)?$")),
    Slot("other", _p(r"^其他收入$")),
    Slot("fund_offset", _p(r"^用事业基金弥补收支差额$")),
    Slot("carryover", _p(r"^(?:上年结转|年初结转)(?:和结余|结余)?$"), optional=True),
)

# -- expenditure by character (basic / project / ...) ----------------------------

CLASS_SLOTS = (
    Slot("basic", BASIC),
    Slot("project", PROJECT),
    Slot("operating", _p(r"^(?:事业单位)?经营支出$")),
    Slot("remit_upward", _p(r"^上缴上级支出$")),
    Slot("affiliated_subsidy", _p(r"^对附属单位补助支出$")),
)

# -- expenditure by economic class (the way budgets list units' spending) --------

WAGES = _p(r"^工资福利(?:性)?支出$")
GOODS = _p(r"^(?:商品和服务支出|日常公用支出)$")
HOUSEHOLDS = _p(r"^对个人和家庭(?:的)?补助(?:支出)?$")
CAPITAL = _p(r"^(?:基本建设支出|其他资本性支出|资本性支出)$")

ECON_BASIC_SLOTS = (
    Slot("wages", WAGES),
    Slot("goods", GOODS),
    Slot("households", HOUSEHOLDS),
    Slot("capital", CAPITAL),
)

ECON_TOTAL_SLOTS = (
    *ECON_BASIC_SLOTS,
    Slot(
        "projects",
        PROJECT,
        (_p(r"^行政事业性项目支出$"), _p(r"^生产建设性项目支出$"), _p(r"^其他项目支出$")),
    ),
    Slot("operating", _p(r"^事业单位经营支出$")),
    Slot("affiliated_subsidy", _p(r"^对附属单位补助支出$")),
)

# -- 人员经费 / 公用经费 line items (部门预算支出经济分类 names) --------------------

PERSONNEL_ITEMS = _p(
    r"^(?:基本工资|津贴补贴|奖金|伙食补助费|绩效工资|机关事业单位基本养老保险缴费|职业年金缴费"
    r"|职工基本医疗保险缴费|公务员医疗补助缴费|其他社会保障缴费|住房公积金|医疗费|其他工资福利支出"
    r"|离休费|退休费|退职\(役\)费|抚恤金|生活补助|救济费|医疗费补助|助学金|奖励金|其他对个人和家庭的补助(?:支出)?)$"
)
PUBLIC_ITEMS = _p(
    r"^(?:办公费|印刷费|咨询费|手续费|水费|电费|邮电费|取暖费|物业管理费|差旅费|因公出国\(境\)费用"
    r"|维修\(护\)费|租赁费|会议费|培训费|公务接待费|专用材料费|被装购置费|专用燃料费|劳务费|委托业务费"
    r"|工会经费|福利费|公务用车运行维护费|其他交通费用|税金及附加费用|其他商品和服务支出)$"
)

COMPOSITIONS: tuple[Composition, ...] = (
    Composition(
        "revenue_by_source",
        "revenue total against the sum of revenue by source",
        REVENUE_TOTAL,
        REVENUE_SLOTS,
        required=("fiscal",),
    ),
    Composition(
        "expenditure_by_class",
        "expenditure total against basic + project (+ operating, remittances, subsidies to affiliates)",
        EXPENDITURE_TOTAL,
        CLASS_SLOTS,
        required=("basic", "project"),
    ),
    Composition(
        "expenditure_by_economic_class",
        "expenditure total against wages + goods and services + households + projects",
        EXPENDITURE_TOTAL,
        ECON_TOTAL_SLOTS,
        required=("wages",),
        min_parts=3,
    ),
    Composition(
        "basic_by_economic_class",
        "basic expenditure against wages + goods and services + households (+ capital)",
        BASIC,
        ECON_BASIC_SLOTS,
        required=("wages",),
    ),
    Composition(
        "basic_by_personnel_and_public",
        "basic expenditure against 人员经费 + 公用经费",
        BASIC,
        (Slot("personnel", PERSONNEL), Slot("public", PUBLIC_FUNDS)),
        required=("personnel", "public"),
    ),
    Composition(
        "personnel_by_item",
        "人员经费 against the sum of its economic-class line items",
        PERSONNEL,
        (Slot("items", PERSONNEL_ITEMS),),
        min_parts=2,
    ),
    Composition(
        "public_funds_by_item",
        "公用经费 against the sum of its economic-class line items",
        PUBLIC_FUNDS,
        (Slot("items", PUBLIC_ITEMS),),
        min_parts=2,
    ),
)

# Slots whose pattern may match several distinct labels that all add up
# (line-item lists); every other slot takes one label.
MULTI_LABEL_SLOTS = frozenset({"items"})

# Labels that say nothing on their own: a "合计" row is only comparable by code.
GENERIC_LABELS = _p(r"^(?:合计|小计|总计|其中|项目|栏次)$")

# Table columns that hold a row total; the other columns of the row are its parts.
TOTAL_COLUMNS = _p(r"^(?:合计|小计|总计|本年支出合计|本年收入合计|支出合计|收入合计|决算数合计)$")
# Columns that break down another column ("其中：...") and must not be summed.
SUBSIDIARY_COLUMNS = _p(r"^其中")


def role_of(label: str) -> str | None:
    """A stable role name for a label, used to match figures across units."""
    text = normalise_label(label)
    for name, pattern in ROLE_PATTERNS:
        if pattern.search(text):
            return name
    return None


ROLE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("revenue_total", REVENUE_TOTAL),
    ("expenditure_total", EXPENDITURE_TOTAL),
    ("basic", BASIC),
    ("project", PROJECT),
    ("personnel", PERSONNEL),
    ("public_funds", PUBLIC_FUNDS),
    ("fiscal", REVENUE_SLOTS[0].generic),
    ("carryover", REVENUE_SLOTS[-1].generic),
    ("wages", WAGES),
    ("goods", GOODS),
    ("households", HOUSEHOLDS),
)
