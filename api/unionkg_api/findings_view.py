"""Data-quality findings (``ukg:QualityFinding``) as the pages show them.

Read with the named queries ``api_findings``, ``api_finding_concerns`` and
``api_finding_quotes``; one :class:`FindingView` per finding with its kind,
severity, stated and expected values, difference, tolerance, explanation,
the figures it concerns and the source quotes.  Money is stored in yuan and
shown in the unit the document prints it in (the finding's ``sdmx-attribute:unitMult``:
元, 万元, 亿元; 万元 when none is stored); shares and rates in percent.  The graph does not say which a
value is, so the kind of check (and, for other kinds, the explanation, which
prints the values with their unit) decides.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from unionkg.analytics.explain import explain_zh
from unionkg.analytics.money import UNIT_MULTIPLIERS, Amounts, amount_text, tolerance_text, unit_of_multiplier
from unionkg.analytics.tolerance import printed_money_unit
from unionkg.graph.queries import named_query
from unionkg.graph.store import GraphStore

KIND_NAMES = {
    "sum_mismatch": "合计与明细不符",
    "share_mismatch": "占比与金额不符",
    "change_mismatch": "增减额与两年数不符",
    "execution_rate_mismatch": "执行率与金额不符",
    "indicator_scored_met_but_violates": "未达目标却得满分",
    "indicator_lost_points_although_met": "达成目标却扣分",
    "conflicting_statement": "同一数字前后不一",
    "name_change": "名称前后不一",
    "incomplete_table": "表格不完整",
    "score_mismatch": "总分与指标得分不符",
    "grade_mismatch": "等级与分数不符",
    "unit_count_mismatch": "单位数与名单不符",
    "completion_rate_mismatch": "完成率与预算决算数不符",
    "prior_year_mismatch": "上年数与上年文件不符",
    "staff_over_authorized": "实有人数超编制",
}
SEVERITY_NAMES = {"error": "错误 error", "warning": "警告 warning", "info": "提示 info"}
MONEY_KINDS = frozenset({"sum_mismatch"})
PERCENT_KINDS = frozenset({"share_mismatch", "execution_rate_mismatch"})
MAX_QUOTE_CHARS = 240


@dataclass
class FindingQuote:
    text: str
    document: Any


@dataclass
class FindingView:
    link: Any
    kind: str
    kind_name: str
    severity: str
    severity_name: str
    org: Any
    year: str
    stated: str
    expected: str
    difference: str
    tolerance: str
    comment: str
    concerns: list[Any] = field(default_factory=list)
    # what is wrong in plain Chinese (unionkg.analytics.explain), beside the English comment
    explanation_zh: str = ""
    quotes: list[FindingQuote] = field(default_factory=list)


def _dec(value: object | None) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def value_unit(kind: str, comment: str, stated: Decimal | None, unit_mult: object | None = None) -> str:
    """'CNY', 'percent' or '' (a plain number) for the values of a finding; a finding that stores
    the unit its document prints money in (``unit_mult``) is about money."""
    if kind in MONEY_KINDS or unit_mult is not None:
        return "CNY"
    if kind in PERCENT_KINDS:
        return "percent"
    if kind.startswith("indicator_"):
        return ""
    if stated is not None and re.search(re.escape(_plain(stated)) + r"\s*%", comment):
        return "percent"
    if "万元" in comment:
        return "CNY"
    return ""


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def figure_unit_mult(amount: Decimal | None, quote: object | None) -> int | None:
    """The ``unitMult`` of the unit a figure's own quote prints it in (元 0, 万元 4, 亿元 8), or None:
    a finding that stores no unit (a rate's) names the money figures it concerns as their document does."""
    if amount is None or quote is None:
        return None
    printed = printed_money_unit(amount, str(quote))
    return UNIT_MULTIPLIERS.get(printed.word) if printed is not None else None


def show(value: Decimal | None, unit: str, exact: bool = False, unit_mult: object | None = None) -> str:
    """``exact``: every digit (tolerances such as 0.035 万元), else two decimals as printed; money
    in the unit of ``unit_mult`` when it is not 万元 (``unionkg.analytics.money``)."""
    if value is None:
        return ""
    printed = unit_of_multiplier(int(str(unit_mult))) if unit_mult is not None else None
    if unit == "CNY" and printed is not None and printed.word != "万元":
        return tolerance_text(value, printed) if exact else amount_text(value, printed)
    if unit == "CNY":
        # a tolerance below 1 元 (figures printed in 元 to the fen), or below 0.01 万元 when the finding
        # stores its unit (a 元 figure compared with a 万元 one: "50.005 元", as ``unionkg check`` prints it)
        if exact and value and abs(value) < (100 if printed is not None else 1):
            return f"{_plain(value)} 元"
        return f"{_plain(value / 10000)} 万元" if exact else f"{value / 10000:,.2f} 万元"
    if unit == "percent":
        return f"{_plain(value)} %"
    return _plain(value)


def show_figure(value: Decimal | None, unit: str, unit_mult: object | None, own_mult: int | None) -> str:
    """A stated or expected figure of a money finding in the unit its own quote prints it (``own_mult``),
    the finding's unit beside it when the two differ (a text's total in 万元 against a table in 元);
    else as :func:`show`.

    >>> show_figure(Decimal(2345600), "CNY", 4, 0), show_figure(Decimal(2345600), "CNY", 4, 4), show_figure(Decimal(2345600), "CNY", 4, None)
    ('2,345,600.00 元（234.56 万元）', '234.56 万元', '234.56 万元')
    """
    if value is None or unit != "CNY" or unit_mult is None or own_mult is None or own_mult == int(str(unit_mult)):
        return show(value, unit, unit_mult=unit_mult)
    amounts = Amounts(unit_of_multiplier(int(str(unit_mult))), of={"own": unit_of_multiplier(own_mult)})
    return amounts(value, "own")


def clean_quote(text: str) -> str:
    """A quote on one line: table cells and wrapped lines joined by single spaces."""
    text = re.sub(r"\s*\n\s*", " ", text.strip())
    text = re.sub(r"[ \t\u3000]{2,}", " ", text)
    return text if len(text) <= MAX_QUOTE_CHARS else text[: MAX_QUOTE_CHARS - 1] + "…"


def load_findings(store: GraphStore, linker: Any, *, org: str | None = None, kind: str | None = None, about: str | None = None, only: str | None = None) -> list[FindingView]:
    """All findings, or those of one body (``org`` IRI), of one kind, concerning one IRI (``about``), or one finding (``only``)."""
    link = linker.link
    finding_rows = store.select(named_query("api_findings")).rows
    unit_mults = {str(r["finding"]): r["unitMult"] for r in finding_rows if r.get("unitMult") is not None}
    concerns: dict[str, dict[str, Any]] = defaultdict(dict)
    # the unit each figure a finding concerns is printed in, by its amount: a stated or expected
    # value that is one of them is shown in it (a finding may compare figures printed in two units)
    figure_units: dict[str, dict[Decimal, int]] = defaultdict(dict)
    for r in store.select(named_query("api_finding_concerns")).rows:
        target = str(r["concerns"])
        name = r.get("item") or r.get("label")
        if name is not None and r.get("amount") is not None:
            amount = _dec(r["amount"])
            own = figure_unit_mult(amount, r.get("quote"))
            if amount is not None and own is not None:
                figure_units[str(r["finding"])].setdefault(amount, own)
            unit_mult = own if own is not None else unit_mults.get(str(r["finding"]))
            name = f"{name} {show(amount, 'CNY', unit_mult=unit_mult)}" if amount is not None else name
        elif r.get("headcount") is not None:  # a staffing figure: "在职人数 48 人", not its IRI
            name = f"{r.get('figureLabel') or ''} {r['headcount']} 人".strip()
        elif name is None and r.get("evaluatedLabel") is not None:  # an evaluation: "绩效评价：某项目", not its IRI
            name = f"绩效评价 evaluation：{r['evaluatedLabel']}"
        elif name is None and r.get("warningKind") is not None:  # an extraction warning: its kind and the name printed
            printed = f"「{r['printedName']}」" if r.get("printedName") is not None else ""
            name = f"抽取警告 extraction warning：{r['warningKind']}{printed}"
        previous = concerns[str(r["finding"])].get(target)
        if previous is None or (name and previous.label == link(target).label):
            concerns[str(r["finding"])][target] = link(target, name)
    if about is not None:
        wanted = {f for f, targets in concerns.items() if about in targets}
    quotes: dict[str, list[FindingQuote]] = defaultdict(list)
    seen_quotes: set[tuple[str, str]] = set()
    for r in store.select(named_query("api_finding_quotes")).rows:
        finding, text = str(r["finding"]), clean_quote(str(r["quote"]))
        if (finding, text) in seen_quotes:
            continue
        seen_quotes.add((finding, text))
        doc = r.get("doc")
        quotes[finding].append(FindingQuote(text, link(str(doc), r.get("source")) if doc is not None else None))
    out: dict[str, FindingView] = {}
    for r in finding_rows:
        iri = str(r["finding"])
        if iri in out or (only is not None and iri != only):
            continue
        f_kind = str(r.get("kind") or "")
        f_org = str(r["org"]) if r.get("org") is not None else None
        if org is not None and f_org != org:
            continue
        if kind is not None and f_kind != kind:
            continue
        if about is not None and iri not in wanted and f_org != about:
            continue
        comment = str(r.get("comment") or "")
        stated, expected, tolerance = _dec(r.get("stated")), _dec(r.get("expected")), _dec(r.get("tolerance"))
        unit_mult = r.get("unitMult")
        unit = value_unit(f_kind, comment, stated, unit_mult)
        severity = str(r.get("severity") or "")
        own = figure_units.get(iri, {})
        shown = {name: show_figure(value, unit, unit_mult, own.get(value) if value is not None else None)
                 for name, value in (("stated", stated), ("expected", expected))}
        difference = show(stated - expected, unit, unit_mult=unit_mult) if stated is not None and expected is not None else ""
        tolerance_shown = ("±" + show(tolerance, unit, exact=True, unit_mult=unit_mult)) if tolerance is not None else ""
        out[iri] = FindingView(
            link=link(iri, KIND_NAMES.get(f_kind, f_kind) or None),
            kind=f_kind,
            kind_name=KIND_NAMES.get(f_kind, ""),
            severity=severity,
            severity_name=SEVERITY_NAMES.get(severity, severity),
            org=link(f_org, r.get("orgLabel")) if f_org else None,
            year=str(r.get("year") or ""),
            stated=shown["stated"],
            expected=shown["expected"],
            difference=difference,
            tolerance=tolerance_shown,
            comment=comment,
            concerns=list(concerns.get(iri, {}).values()),
            quotes=quotes.get(iri, []),
            explanation_zh=explain_zh(f_kind, difference=difference, tolerance=tolerance_shown, comment=comment, **shown),
        )
    order = {"error": 0, "warning": 1, "info": 2}
    return sorted(out.values(), key=lambda f: (order.get(f.severity, 3), -int(f.year) if f.year.isdigit() else 0, f.org.label if f.org else "", f.kind))

