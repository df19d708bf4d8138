"""Budget phases asked by name: 年初预算 (the initial budget), 调整预算 (the budget as adjusted during the
year) and 决算 (the final figure), obeu-dimension:budgetPhase approved / revised / executed.

A question naming two phases ("调整预算比年初预算多多少", "年初预算和调整后预算分别是多少", "决算比调整预算少多少",
"how much was the budget adjusted") compares exactly those two figures of one line (:func:`compare_phases`);
a phase the graph lacks for that line is said, with the phases it holds, never replaced by another phase
(:func:`unheld_phase`).  A follow-up that names a phase alone ("那调整后呢？", "决算呢") asks that phase of
the line just asked (:func:`topic_phases`).

The handlers' helpers are imported inside the functions: qa/handlers.py imports this module.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from unionkg.qa.patterns import BUDGET_ADJUSTED_ASKED, PHASE_WORDS
from unionkg.qa.phrasing import join, wan

if TYPE_CHECKING:
    from unionkg.qa.handlers import Context, Outcome

#: The phases in the order of the year: a difference is said of the phase named first against the other.
PHASE_ORDER: tuple[str, ...] = ("budget", "adjusted", "final")

#: How an answer names each phase when phases are compared (the budget is the initial one then).
PHASE_NAMES: dict[str, tuple[str, str]] = {
    "budget": ("年初预算", "initial budget"),
    "adjusted": ("调整预算", "adjusted budget"),
    "final": ("决算", "final figure"),
}

#: Words that name a phase without PHASE_WORDS' nouns: a follow-up's "调整后" / "调整数", a question's
#: "initial" / "original" budget (the budget phase), "调整了多少" (the adjusted phase, against the initial).
PHASE_ALONE_WORDS: dict[str, re.Pattern[str]] = {
    "budget": re.compile(r"年初|初始预算|原预算|\binitial\b|\boriginal\b"),
    "adjusted": re.compile(r"调整后|调整数|调整(?:了|幅度)|调[增减]|\badjusted\b|\brevised\b"),
}

#: The adjusted budget named with its line between ("调整后的支出预算", "the adjusted spending budget"): one phase,
#: its 预算 / "budget" no second one.
ADJUSTED_NOUN_PHRASE = re.compile(r"调整后的?(?:(?!预算|决算|和|与|及|跟)[\u4e00-\u9fff]){1,8}?预算数?"
                                  r"|\b(?:adjusted|revised) (?:(?!and\b|or\b|vs\b|versus\b)[a-z]+ ){1,3}?budget\b")

#: A question about how far the budget was adjusted ("调整了多少", "调增了多少", "how much was the budget
#: adjusted"): the adjusted budget against the initial one, though only one phase is named.
ADJUSTMENT_ASKED = re.compile(
    r"调整了多少|调整(?:的)?幅度|调[增减]了?多少|预算调整(?:了)?多少"
    r"|\bhow much (?:was|were|had|has|did)\b.{0,160}\b(?:adjusted|revised)\b(?! budget| figure| amount)"
    r"|\b(?:adjusted|revised) by how much\b|\bbudget adjustment\b"
)

#: A follow-up naming a phase and nothing else ("决算呢？", "那调整后呢", "and the adjusted budget?"): the line
#: just asked, in that phase (its phase word alone would make it a new amount question without a line).
PHASE_ONLY_FOLLOW_UP: dict[str, re.Pattern[str]] = {
    "zh": re.compile(r"^(?:那|那么)?(?:年初预算|年初|预算|调整(?:后的?)?(?:预算)?|调整数|决算|决算数|实际(?:支出)?|执行数)数?的?"
                     r"(?:呢|是多少|多少|又是多少)?[?？。]?$"),
    "en": re.compile(r"^(?:and |what about |how about )?(?:the |its )?(?:initial|original|adjusted|revised|final|actual)"
                     r"(?: budget| figure| amount| one)?\s*[?.]?$", re.IGNORECASE),
}

#: The lines a question names when it asks a total (or names no line: None): the adjusted budget is printed in
#: the 财政拨款支出 table only, so a phase comparison of such a question reads that table's total row.
TABLE_TOTAL_CONCEPTS: frozenset[str | None] = frozenset({None, "income_total", "expenditure_total", "budget_total", "fiscal_appropriation"})
#: A table's total row as printed.
TABLE_TOTAL_ROW = re.compile(r"^(?:合计|总计|支出合计|本年支出合计)$")

#: The end of one question in a follow-up's topic (the latest question first, then the ones it follows).
QUESTION_END = re.compile(r"[？?。!！]|(?<=呢)")


def named_phases(text: str) -> set[str]:
    """The phases a question names: PHASE_WORDS and PHASE_ALONE_WORDS; "调整预算" and "调整后的预算" name the
    adjusted phase alone (their 预算 is no second phase), "调整了多少" both budgets.

    >>> sorted(named_phases("调整预算比年初预算多多少")), sorted(named_phases("那调整后呢")), sorted(named_phases("调整了多少"))
    (['adjusted', 'budget'], ['adjusted'], ['adjusted', 'budget'])
    """
    phases = {p for p, pattern in PHASE_WORDS.items() if pattern.search(text)}
    phases |= {p for p, pattern in PHASE_ALONE_WORDS.items() if pattern.search(text)}
    if ADJUSTMENT_ASKED.search(text):
        return phases | {"budget", "adjusted"}
    if ADJUSTED_NOUN_PHRASE.search(text):
        phases.add("adjusted")
    if "adjusted" in phases:
        rest = PHASE_ALONE_WORDS["adjusted"].sub("", PHASE_WORDS["adjusted"].sub("", ADJUSTED_NOUN_PHRASE.sub("", text)))
        if not (PHASE_WORDS["budget"].search(rest) or PHASE_ALONE_WORDS["budget"].search(rest)):
            phases.discard("budget")
    return phases


def topic_phases(question: str, context: str) -> set[str]:
    """The phases asked: those the question names, else those of the latest earlier question of the chat
    that names one (``context`` holds them latest first): "那调整后呢？" after a question on the initial budget
    asks the adjusted budget alone, "2017年呢？" after it the adjusted budget still.

    >>> sorted(topic_phases("2017年呢", "调整后的呢 某区总工会2020年行政运行年初预算是多少"))
    ['adjusted']
    """
    own = named_phases(question)
    if own or not context:
        return own
    for part in QUESTION_END.split(context):
        phases = named_phases(part)
        if phases:
            return phases
    return set()


#: Where a question names each phase, to order the phases compared ("决算比调整预算少多少": the final figure
#: first); the budget's 预算 / "budget" not inside the adjusted budget's name.
PHASE_MENTIONS: dict[str, re.Pattern[str]] = {
    "budget": re.compile(r"年初|初始预算|原预算|(?<!调整)(?<!调整后)(?<!调整后的)预算|\binitial\b|\boriginal\b|(?<!adjusted )(?<!revised )\bbudget"),
    "adjusted": re.compile(r"调整|全年预算|\badjusted\b|\brevised\b"),
    "final": PHASE_WORDS["final"],
}


def phases_in_order_named(text: str, phases: set[str]) -> list[str]:
    """``phases`` in the order the question first names them (PHASE_MENTIONS), those it does not name last
    in the year's order.

    >>> phases_in_order_named("决算比调整预算少多少", {"adjusted", "final"}), phases_in_order_named("调整了多少", {"budget", "adjusted"})
    (['final', 'adjusted'], ['adjusted', 'budget'])
    """
    def first(phase: str) -> int:
        m = PHASE_MENTIONS[phase].search(text)
        return m.start() if m else len(text) + PHASE_ORDER.index(phase)

    return sorted(phases, key=first)


def phases_compared(ctx: Context) -> list[str]:
    """The phases a question compares, in the order it names them: two or three phases one of which is the
    adjusted budget (budget against final alone is budget_vs_final's own comparison); [] otherwise."""
    if BUDGET_ADJUSTED_ASKED.search(ctx.q.text):  # (q26) "预算调整了多少": the adjusted budget against the initial one
        return ["adjusted", "budget"]
    phases = topic_phases(ctx.q.text, ctx.context_text)
    if len(phases) < 2 or "adjusted" not in phases:
        return []
    named = named_phases(ctx.q.text)
    return phases_in_order_named(ctx.q.text if named else ctx.topic, phases)


def _line_in_phase(ctx: Context, org: str, rows: list[dict[str, object]], phase: str, like: dict[str, object] | None) -> dict[str, object] | None:
    """The figure of the asked line in ``phase``: the same line as ``like`` (same item, then same code,
    preferring its document and table) when one is chosen, else the best match of the question's line."""
    from unionkg.qa.handlers import _matching_amounts, _phase, _rank_amounts, amount_concept
    from unionkg.qa.items import item_core

    pool = [r for r in rows if _phase(r) == phase]
    if like is not None:
        same = [r for r in pool if item_core(r.get("item")) == item_core(like.get("item"))
                or (like.get("code") and r.get("code") == like.get("code"))]
        same.sort(key=lambda r: (r.get("docIri") != like.get("docIri"), r.get("table") != like.get("table"),
                                 item_core(r.get("item")) != item_core(like.get("item"))))
        return same[0] if same else None
    ranked = _rank_amounts(ctx, _matching_amounts(ctx, pool, amount_concept(ctx.item_topic)), org)
    return ranked[0] if ranked else None


def compare_phases(ctx: Context, phases: list[str]) -> Outcome:
    """The asked line of one body and year in each phase named, and the difference of the first named against
    the second ("调整预算比年初预算多 9.60 万元"); a phase without a figure for the line is said, not replaced."""
    from unionkg.qa.handlers import Outcome, _amount_row, _amounts_in_years, _phase, _target_org, _which_body, amount_concept, sources_of

    org = _target_org(ctx)
    if org is None:  # (q26) a small graph: each body's phases compared
        return _which_body(ctx, lambda c: compare_phases(c, phases))
    entry = ctx.catalog.orgs.get(org)
    rows = [r for r in _amounts_in_years(ctx, org, ctx.links.years if len(ctx.links.years) == 1 else []) if not r.get("qualifier")]
    # the year asked, else the latest year printing the scarcest phase named (the adjusted budget)
    held = sorted({r.get("year") for r in rows if _phase(r) == "adjusted" and isinstance(r.get("year"), int)}, reverse=True)
    year = ctx.links.years[0] if len(ctx.links.years) == 1 else (held[0] if held else max(entry.years) if entry and entry.years else None)
    rows = [r for r in rows if r.get("year") == year]
    anchor_phase = "adjusted" if "adjusted" in phases else phases[0]
    anchor = _line_in_phase(ctx, org, rows, anchor_phase, None)
    if anchor is None and amount_concept(ctx.item_topic) in TABLE_TOTAL_CONCEPTS:
        # a total asked (or no line named): the adjusted budget is printed in the appropriation table, by its 合计
        totals = [r for r in rows if _phase(r) == anchor_phase and TABLE_TOTAL_ROW.match(str(r.get("item") or ""))]
        anchor = max(totals, key=lambda r: Decimal(str(r["amount"])), default=None)
    if anchor is None:  # no line of the adjusted phase: the line as the other phases print it, to say what is held
        anchor = next((f for p in phases if p != anchor_phase and (f := _line_in_phase(ctx, org, rows, p, None))), None)
    figures = {p: _line_in_phase(ctx, org, rows, p, anchor) if anchor is not None else None for p in phases}
    body = ctx.label(org)
    if anchor is None:
        return Outcome(False, ctx.say(f"知识图谱中没有{body} {year} 年可对照的{'和'.join(PHASE_NAMES[p][0] for p in phases)}。",
                                      f"The graph holds no {' and '.join(PHASE_NAMES[p][1] for p in phases)} of {body} in {year} to compare."))
    item = str(anchor.get("item"))
    missing = [p for p in phases if figures[p] is None]
    if missing:
        return Outcome(False, unheld_text(ctx, body, year, item, missing, _phases_of_line(rows, anchor)))
    shown = [_amount_row(figures[p]) for p in phases]  # type: ignore[arg-type]
    first, second = Decimal(str(shown[0]["amount"])), Decimal(str(shown[1]["amount"]))
    diff = first - second
    a, b = PHASE_NAMES[phases[0]], PHASE_NAMES[phases[1]]
    figures_zh = "，".join(f"{PHASE_NAMES[p][0]} {wan(r['amount'])} 万元" for p, r in zip(phases, shown))
    figures_en = ", ".join(f"{PHASE_NAMES[p][1]} {wan(r['amount'])} 万元" for p, r in zip(phases, shown))
    if diff == 0:
        gap_zh, gap_en = f"{a[0]}与{b[0]}相同", f"the {a[1]} equals the {b[1]}"
    else:
        gap_zh = f"{a[0]}比{b[0]}{'多' if diff > 0 else '少'} {wan(abs(diff))} 万元"
        gap_en = f"the {a[1]} is {wan(abs(diff))} 万元 {'above' if diff > 0 else 'below'} the {b[1]}"
    extra = [f"{PHASE_NAMES[phases[i]][0]}比{PHASE_NAMES[phases[i + 1]][0]}{'多' if d > 0 else '少' if d < 0 else '持平'}"
             f"{'' if d == 0 else ' ' + wan(abs(d)) + ' 万元'}"
             for i in range(1, len(phases) - 1) for d in [Decimal(str(shown[i]["amount"])) - Decimal(str(shown[i + 1]["amount"]))]]
    answer = ctx.say(f"{body} {year} 年「{item}」：{figures_zh}；{join([gap_zh, *extra], 'zh')}（差额按图中数据计算）。",
                     f"{body} {year} '{item}': {figures_en}; {gap_en} (difference computed from the graph's figures).")
    rows_out = [*shown, {"difference_wan": float(wan(diff)), "phases": phases}]
    return Outcome(True, answer, rows_out, sources_of(shown))


def _phases_of_line(rows: list[dict[str, object]], anchor: dict[str, object]) -> list[str]:
    from unionkg.qa.handlers import _phase
    from unionkg.qa.items import item_core

    held = {_phase(r) for r in rows if item_core(r.get("item")) == item_core(anchor.get("item"))
            or (anchor.get("code") and r.get("code") == anchor.get("code"))}
    return [p for p in PHASE_ORDER if p in held]


def unheld_text(ctx: Context, body: str, year: object, item: str, missing: list[str], held: list[str]) -> str:
    """A phase asked that the graph lacks for the line, and the phases it holds (no figure: a not-found answer
    states none)."""
    lacking_zh, lacking_en = "、".join(PHASE_NAMES[p][0] for p in missing), " and ".join(PHASE_NAMES[p][1] for p in missing)
    held_zh = "、".join(PHASE_NAMES[p][0] for p in held) or "无其他阶段"
    held_en = ", ".join(PHASE_NAMES[p][1] for p in held) or "no other phase"
    return ctx.say(f"知识图谱中没有{body} {year} 年「{item}」的{lacking_zh}，无法给出或比较该数；图中该项只有：{held_zh}。",
                   f"The graph holds no {lacking_en} of '{item}' for {body} in {year}, so it cannot be given or compared; "
                   f"the graph holds this line's {held_en} only.")


def unheld_phase(ctx: Context, org: str, rows: list[dict[str, object]]) -> Outcome | None:
    """An amount question naming the adjusted budget alone ("调整预算是多少", "那调整后呢？"): with no line named,
    the appropriation table's total as adjusted (its 合计), else a not-found naming the lines adjusted that year;
    a line named that the graph holds in other phases only is not found with the phases held, never the initial
    budget instead.  None when the question asks another phase or ``rows`` hold the adjusted figure."""
    from unionkg.qa.handlers import (
        Outcome,
        _amount_line,
        _amount_row,
        _amounts_in_years,
        _names_printed_line,
        _phase,
        amount_concept,
        sources_of,
    )

    if topic_phases(ctx.q.text, ctx.context_text) != {"adjusted"} or any(r.get("phase") == "adjusted" for r in rows):
        return None
    year = rows[0].get("year") if rows else (ctx.links.years[0] if len(ctx.links.years) == 1 else None)
    if not isinstance(year, int):
        return None
    same_year = [r for r in _amounts_in_years(ctx, org, [year]) if not r.get("qualifier")]
    adjusted = [r for r in same_year if _phase(r) == "adjusted"]
    line_named = _names_printed_line(ctx, org) or amount_concept(ctx.item_topic) not in TABLE_TOTAL_CONCEPTS
    if not line_named and adjusted:
        # no line named ("2022年调整预算是多少"): the appropriation table's total as adjusted, else the lines adjusted
        totals = sorted((r for r in adjusted if TABLE_TOTAL_ROW.match(str(r.get("item") or ""))), key=lambda r: -Decimal(str(r["amount"])))
        if totals:
            shown = [_amount_row(totals[0])]
            return Outcome(True, _amount_line(shown[0], ctx.lang), shown, sources_of(shown))
        lines = list(dict.fromkeys(str(r.get("item")) for r in adjusted))
        return Outcome(False, ctx.say(
            f"知识图谱中没有{ctx.label(org)} {year} 年调整预算的合计；该年列有调整预算的项：{'、'.join(lines)}。请指明是哪一项。",
            f"The graph holds no total adjusted budget of {ctx.label(org)} in {year}; the lines with an adjusted budget that year: "
            f"{', '.join(lines)}. Please name the line."))
    if not rows:
        return None  # a line named that the year does not print at all: the amount handler's own not-found
    first = rows[0]
    held = _phases_of_line(same_year, first) or [p for p in PHASE_ORDER if any(_phase(r) == p for r in same_year)]
    return Outcome(False, unheld_text(ctx, ctx.label(org), year, str(first.get("item")), ["adjusted"], held))
