"""One handler per intent: run a named template, shape rows, phrase the answer.

A handler takes a :class:`Context` and returns an :class:`Outcome`; it never
formats user text into SPARQL (parameters are bound IRIs), and every figure
it reports comes from a row whose source passage is returned with it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache

from rdflib import Literal, URIRef

from unionkg.graph.queries import named_query
from unionkg.graph.store import GraphStore, select_rows
from unionkg.qa.completion_reasons import COMPLETION_REASON_QUESTION
from unionkg.qa.completion_reasons import reason_sentence as completion_reason_sentence
from unionkg.qa.identities import bindings_per_member, rows_as_one_body
from unionkg.qa.intents import ENGLISH_BODY_KINDS, ENGLISH_PROJECT_WORDS, FACT_QUESTION_SHAPES, QUESTION_SHAPES
from unionkg.qa.item_rankings import (
    ITEM_AMOUNT_RANKING,
    PROJECT_SPENDING_BREAKDOWN,
    asked_ranking_kind,
    asked_top_count,
    is_prose_item,
    is_table_line,
    project_as_item,
)
from unionkg.qa.item_words import CLASSIFICATION_CODE, LINE_AMOUNT_RANKING, LOWEST_ASKED, in_concept_parts, item_noun, row_item_kind
from unionkg.qa.items import (
    CONCEPTS_PRINTED_UNDER_SEVERAL_NAMES,
    asked_item_text,
    bare_line,
    code_names_of,
    container_split,
    in_concept,
    item_core,
    item_forms,
    line_and_class,
    line_classes,
    named_rows,
    of_other_kind,
    residual_words,
    translated_labels,
    with_synonyms,
)
from unionkg.qa.line_facts import DECREASE_WORDS, LINE_CHANGE_RANKING, LINE_PART_COLUMNS, LINE_PART_COLUMNS_EN
from unionkg.qa.linking import Catalog, Links, OrgEntry, division_depth, short_name
from unionkg.qa.normalize import NormalisedQuestion
from unionkg.qa.patterns import (
    ABBREVIATED_BODY_MENTION,
    ACTUAL_SPENDING,
    ALL_YEARS_ASKED,
    AMOUNT_ITEM_CATEGORIES,
    AMOUNT_ITEM_FALLBACK,
    AMOUNT_ITEM_NAMES,
    AMOUNT_ITEM_WORDS,
    APPROXIMATE_COUNT_ITEM,
    ASCENDING_ORDER,
    ASKED_MONEY_UNITS,
    BALANCE_QUESTION,
    BODY_LEVEL_NAMES,
    BODY_LEVEL_WORDS,
    BODY_RANKING_WORDS,
    BREAKDOWN_COLUMNS,
    BROADER_ITEM,
    BUDGET_DIFFERENCE_QUESTION,
    BUDGET_OVERRUN_QUESTION,
    CHANGE_RANK_BY_PERCENT,
    CHANGE_RANK_FALLING,
    CHANGE_RANKING_WORDS,
    CLAUSE_SEPARATOR,
    COUNT_ASKED_EN,
    COUNT_LABEL,
    COUNT_QUESTION,
    COUNT_TOPICS,
    COUNT_UNITS,
    COUNTER_AFTER_HOW_MANY,
    EACH_BODY,
    EACH_SEPARATELY,
    ENGLISH_KIND_NAMES,
    EXCEEDED_BY_QUESTION,
    EXCEEDED_BY_VERB,
    FINDING_KIND_WORDS,
    FUNCTIONAL_CODE,
    FUNCTIONAL_LINE_NAMES,
    GENERIC_ITEM,
    GENERIC_TOTAL_CONCEPTS,
    GRADE_ASKED,
    GRADE_BAND,
    GRADE_WORDS,
    INDICATOR_CATEGORIES,
    INDICATOR_GLOSSARY,
    INDICATOR_LABEL_WORDS,
    INDICATOR_TRANSLATIONS,
    ITEM_SYNONYMS,
    ITEM_TRANSLATIONS,
    LINE_GAP_SPLIT,
    LINE_PART_RANKED,
    LINE_PARTS_QUESTION,
    LINES_GAP_QUESTION,
    LIST_CONJUNCTION,
    MEASURES_QUESTION,
    MISSED_ASKED,
    MISSED_COUNT_SUBJECT,
    MONEY_ASKED,
    MONEY_PAID_TO_PEOPLE,
    MONEY_UNIT_WORD,
    PAIRED_TOTAL_LINE,
    PARENT_QUESTION,
    PAYEE_COUNT_SUFFIX,
    PAYEE_RANKING_QUESTION,
    PER_HEAD_AUTHORISED_ASKED,
    PER_HEAD_QUESTION,
    PER_HEAD_STAFF_CATEGORIES,
    PHASE_COLUMN,
    PHASE_WORDS,
    PROJECT_WORDS,
    PROJECTS_ADDED_OR_DROPPED,
    QUALIFIER_QUESTION,
    RANKING_PHASE_WORDS,
    RANKING_WORDS,
    RATE_LABEL,
    RATE_REASON_QUESTION,
    RATIO_QUESTION,
    REGION_SCOPE,
    SAME_PLACE_KIND_AFTER_BODY,
    SANGONG_COUNT_QUESTION,
    SANGONG_COUNT_TOPICS,
    SANGONG_COUNT_UNITS,
    SHARE_OF_NAMED_BASE,
    SHARE_OF_NAMED_BASE_EN,
    SHARE_QUESTION,
    SHARE_WITHIN_BASE,
    SPENDING_BREAKDOWN_QUESTION,
    SPENT_ASKED,
    SPENT_ON_PHRASE,
    STAFF_BODIES_COMPARED,
    STAFF_CATEGORY_WORDS,
    STAFF_GROUP_LABEL_STEMS,
    STAFF_GROUP_WORDS,
    STAFF_CHANGE_WORDS,
    STAFF_FALLBACK,
    STAFF_LABEL_SUFFIX,
    STAFF_LABEL_WORDS,
    STANDARD_LINE_ITEMS,
    SUM_OVER_BODIES,
    UNION_NAME_WORD,
    UNIT_CATEGORY_PRINTED,
    UNIT_CATEGORY_WORDS,
    UNIT_RANKING_QUESTION,
    UNITS_BELONGING,
    WHICH_YEAR,
    WHOLE_BUDGET_LINE,
    WHY_QUESTION,
    YEAR_CLAUSE,
    YEAR_SPAN,
    YEARS_SUMMED,
    ZH_KIND_NAMES,
)
from unionkg.qa.phases import compare_phases, phases_compared, topic_phases, unheld_phase
from unionkg.qa.phrasing import (
    GRADE_EN,
    counted,
    finding_figures,
    finding_kind_name,
    grade_for,
    join,
    money,
    number,
    printed_item,
    printed_list,
    printed_yuan_note,
    wan,
    years_text,
)
from unionkg.qa.rate_questions import (
    BODY_BUDGET_SPENT_EN,
    BODY_RATE_QUESTION,
    BODY_RATE_RANKING,
    ENGLISH_PROJECT_ASKED,
    RATE_INDICATOR_NAME,
    RateThreshold,
    asked_rate_threshold,
)
from unionkg.qa.asset_counts import ASSET_COUNT_TOPICS, ASSET_COUNT_UNITS, asked_asset_topic, is_stock, is_total, rows_of_year
from unionkg.qa.targets_only import publishes_targets_only, target_line, targets_only_sentence
from unionkg.qa.thresholds import generic_rate_word, score_threshold_asked, score_verdict, scores_asked, threshold_asked, tightest_labels

UKG = "https://w3id.org/unionkg/def/ukg#"
PHASE_BY_CODE = {"approved": "budget", "draft": "budget", "revised": "adjusted", "executed": "final"}
PHASE_ZH = {"budget": "预算", "adjusted": "调整预算", "final": "决算"}
PHASE_EN = {"budget": "budget", "adjusted": "adjusted budget", "final": "final account"}  # (q19) a phase named in English prose
# ukg:amountQualifier: a figure that is not a total of its phase (named in the answer, ranked after totals)
QUALIFIER_TEXT = {
    "rate_per_month": ("每月标准", "per month"), "rate_per_person": ("每人标准", "per person"),
    "rate_per_household": ("每户标准", "per household"), "rate_per_item": ("单位标准", "per item"),
    "rate_per_year": ("每年标准", "per year"), "rate_per_day": ("每日标准", "per day"),
    "mid_year_addition": ("年中追加", "added during the year"), "unspent_balance": ("结余未支出", "unspent balance"),
    "difference_from_budget": ("与预算的差额", "difference from the budget"),
}
COMPARATOR_SYMBOL = {"cmp-ge": "≥", "cmp-le": "≤", "cmp-eq": "=", "cmp-gt": ">", "cmp-lt": "<", "cmp-qualitative": ""}
AVERAGE_WORDS = re.compile(r"平均|均分|average|mean")
# The evaluation as a whole ("overall expenditure performance score", "整体支出绩效总分"): an item the
# question's words happen to link to (expenditure -> 预算执行情况) is not what is asked, unless named as printed.
# (q8) The body's whole spending named ("整体支出", "部门整体", "whole-department"): its own indicators, not its projects'.
WHOLE_SPENDING_ASKED = re.compile(r"整体支出|部门整体|单位整体|\bwhole[- ](?:department|body)\b|\bdepartment as a whole\b")
WHOLE_EVALUATION_WORDS = re.compile(r"整体|总体|总得分|总分|综合得分|\boverall\b|\bas a whole\b|\bwhole[- ](?:department|body)\b")
EVALUATION_TYPE = {"eval-self": ("自评", "self-evaluation"), "eval-department": ("部门评价", "department evaluation"),
                   "eval-third-party": ("第三方评价", "third-party evaluation")}
SOURCE_LIMIT = 10


# Named queries whose rows QA sorts (the query has no ORDER BY, which costs Oxigraph a
# look-up of each label per comparison), with the keys in the order of the ORDER BY they replace.
SORTED_HERE: dict[str, tuple[str, ...]] = {"qa_indicators": ("orgLabel", "year", "projectLabel", "indicator")}


def sparql_order_key(row: dict[str, object], keys: tuple[str, ...]) -> tuple[tuple[int, object], ...]:
    """SPARQL's ascending order: unbound first, then numbers by value, then text by code point."""
    out: list[tuple[int, object]] = []
    for k in keys:
        v = row.get(k)
        if v is None:
            out.append((0, 0))
        elif isinstance(v, (int, float, Decimal)) and not isinstance(v, bool):
            out.append((1, v))
        else:
            out.append((2, str(v)))
    return tuple(out)


@dataclass
class Context:
    store: GraphStore
    catalog: Catalog
    q: NormalisedQuestion
    links: Links
    lang: str
    queries_run: list[str] = field(default_factory=list)
    doc_years: dict[str, object] = field(default_factory=dict)  # document IRI -> fiscal year
    context_text: str = ""  # the previous question of a follow-up: what "那…呢" asks about
    previous: str = ""  # the previous question of any follow-up ("为什么下降了" after an income question)

    @property
    def topic(self) -> str:
        """Text that says *what* is asked (item, phase): this question, else the one it follows."""
        return f"{self.q.text} {self.context_text}".strip()

    @property
    def item_topic(self) -> str:
        """Text that says which line is asked: this question when it names one ("公务接待费呢?" after a
        salaries question), else the topic (a follow-up naming only a body or a year keeps the line)."""
        if not self.context_text:
            return self.q.text
        text = asked_item_text(self.q.text)
        concept = amount_concept(self.q.text)
        names = (concept is not None and concept not in GENERIC_TOTAL_CONCEPTS) or STANDARD_LINE_ITEMS.search(text) \
            or self.catalog.names_line(list(self.links.orgs), text)
        return self.q.text if names else self.topic

    def run(self, template: str, dedupe: bool = True, **bindings: str | int) -> list[dict[str, object]]:
        """Run ``ontology/queries/<template>.rq`` with IRIs (str) or years (int) bound (never user text)."""
        sparql = named_query(template)
        given = {k: v for k, v in bindings.items() if v}
        # a body the graph holds under several nodes (owl:sameAs): the query is run for each (qa/identities.py)
        members: dict[str, list[str]] = getattr(self.catalog, "members", {})  # no catalog: a test's bare context
        runs = [{k: Literal(v) if isinstance(v, int) else URIRef(v) for k, v in b.items()} for b in bindings_per_member(given, members)]
        bound = "".join(f"# binding ?{k} = {' | '.join(dict.fromkeys(t[k].n3() for t in runs))}\n" for k in given)
        self.queries_run.append(bound + sparql)
        rows = [r for terms in runs for r in self.store.select(sparql, terms or None).values()]
        if members:
            rows = rows_as_one_body(rows, self.catalog.primary_of, {p: self.catalog.org_label(p) for p in members})
        if template in SORTED_HERE:  # before one row per fact is kept: the first in this order
            rows.sort(key=lambda r: sparql_order_key(r, SORTED_HERE[template]))
        seen: set[object] = set()
        out = []
        for r in rows:  # one row per fact (a fact quoted from two passages comes back twice)
            key = (r.get("fact") if dedupe else None) or tuple(r.items())
            if key not in seen:
                seen.add(key)
                out.append(_plain(r))
        return out

    def say(self, zh: str, en: str) -> str:
        return zh if self.lang == "zh" else en

    def label(self, iri: object) -> str:
        return self.catalog.org_label(str(iri))


@dataclass
class Outcome:
    found: bool
    answer: str
    rows: list[dict[str, object]] = field(default_factory=list)
    sources: list[dict[str, object]] = field(default_factory=list)


def _plain(row: dict[str, object]) -> dict[str, object]:
    out: dict[str, object] = {}
    for k, v in row.items():
        if isinstance(v, Decimal):
            v = int(v) if v == v.to_integral_value() and abs(v) < 10**15 and "." not in str(v) else float(v)
        out[k] = v
    return out


def sources_of(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    seen: set[tuple[object, object]] = set()
    out: list[dict[str, object]] = []
    for r in rows:
        key = (r.get("docIri"), r.get("quote"))
        if r.get("quote") is None or key in seen:
            continue
        seen.add(key)
        out.append({"doc": r.get("doc"), "quote": r.get("quote"), "doc_iri": r.get("docIri")})
    return out[:SOURCE_LIMIT]


def _in_years(rows: list[dict[str, object]], years: list[int], key: str = "year") -> list[dict[str, object]]:
    return [r for r in rows if r.get(key) in years] if years else rows


def _clean(row: dict[str, object], drop: tuple[str, ...] = ()) -> dict[str, object]:
    return {k: v for k, v in row.items() if k not in drop and v is not None}


def _short(iri: object) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _orgs_or_all(ctx: Context) -> list[str | None]:
    return list(ctx.links.orgs) or [None]


def _rows_for_orgs(ctx: Context, template: str) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for org in _orgs_or_all(ctx):
        rows.extend(ctx.run(template, org=org) if org else ctx.run(template))
    return rows


def _asked_projects(ctx: Context) -> list[str]:
    """Projects named in the question, else those it names through an indicator or describes (English)."""
    return list(ctx.links.projects) or list(ctx.links.owner_projects)


def _target_org(ctx: Context) -> str | None:
    """The body a single-body question is about: linked, or the only one that fits the year."""
    if ctx.links.orgs:
        return ctx.links.orgs[0]
    feds = [o for o in ctx.catalog.federations(ctx.q.text) if o.years and (not ctx.links.years or o.years & set(ctx.links.years))]
    return feds[0].iri if len(feds) == 1 else None


# (q26) A question naming no body, asked of a graph of at most this many bodies with data in the asked years, is
# answered for each of them that holds the thing asked ("结余多少？", "有哪些下属单位？"); a larger graph asks which.
BODIES_TRIED_UNNAMED = 8


def _unnamed_candidates(ctx: Context) -> list[OrgEntry]:
    """The bodies a question naming none may be about: the reporting bodies with data in the asked years."""
    return [o for o in ctx.catalog.federations(ctx.q.text) if o.years and (not ctx.links.years or o.years & set(ctx.links.years))]


def _which_body(ctx: Context, handler: Callable[[Context], Outcome] | None = None) -> Outcome:
    """No body named and none fits alone: ``handler``'s answer for each body of a small graph that holds what is
    asked, said to be per body; else (or when none holds it) a request to name the body, with what the graph holds."""
    from unionkg.qa.phrasing import holdings_text

    bodies = _unnamed_candidates(ctx) if handler is not None else []
    if handler is not None and 1 < len(bodies) <= BODIES_TRIED_UNNAMED:
        outcomes = [(body, handler(replace(ctx, links=replace(ctx.links, orgs=[body.iri])))) for body in bodies]
        found = [(body, o) for body, o in outcomes if o.found]
        if found:
            head = ctx.say(f"未指明单位；图中有此项数据的 {len(found)} 个单位分别为：", f"No body named; the {len(found)} bodies of the graph holding it: ") if len(found) > 1 else \
                ctx.say(f"未指明单位；图中只有{found[0][0].label}有此项数据：", f"No body named; only {found[0][0].label} holds it: ")
            # each body's answer headed by its name unless it begins with it ("文件未列出结余；…" says no body)
            answer = ctx.say("；", "; ").join((o.answer if o.answer.startswith(body.label) else ctx.say(f"{body.label}：", f"{body.label}: ") + o.answer).rstrip("。. ")
                                             for body, o in found)
            return Outcome(True, head + answer, [r for _, o in found for r in o.rows], [s for _, o in found for s in o.sources][:SOURCE_LIMIT])
        said = [o.answer.rstrip("。. ") for _, o in outcomes if o.answer and not o.answer.startswith(ctx.say("请指明", "Please name"))]
        if len(said) == len(outcomes):  # every body asked in turn, none holds it: each one's own account
            head = ctx.say(f"未指明单位；图中 {len(bodies)} 个单位逐一查看，均没有此项数据：", f"No body named; none of the {len(bodies)} bodies of the graph holds it: ")
            return Outcome(False, head + ctx.say("；", "; ").join(said))
    holdings = ctx.catalog.holdings()
    return Outcome(False, ctx.say("请指明是哪个单位。", "Please name the body you mean. ") + holdings_text(holdings, ctx.lang))


# ---------------------------------------------------------------- indicators
def _indicator_row(r: dict[str, object]) -> dict[str, object]:
    cmp = COMPARATOR_SYMBOL.get(_short(r.get("comparator")), "")
    target_text = r.get("targetText") or (f"{cmp}{number(r.get('target'))}{r.get('unit') or ''}" if r.get("target") is not None else None)
    actual_text = r.get("actualText") or (f"{number(r.get('actual'))}{r.get('unit') or ''}" if r.get("actual") is not None else None)
    return _clean({**r, "comparator": _short(r.get("comparator")) if r.get("comparator") else None, "targetText": target_text, "actualText": actual_text})


def _indicator_line(r: dict[str, object], lang: str) -> str:
    owner = f"{r.get('orgLabel') or ''}{' ' + str(r['year']) if r.get('year') else ''}"
    project = r.get("projectLabel") or ("整体支出" if lang == "zh" else "whole department")
    if lang == "zh":
        return f"{owner}「{project}」{r['indicator']}：实际 {r.get('actualText')}，目标 {r.get('targetText')}"
    return f"{owner} [{project}] {r['indicator']}: actual {r.get('actualText')} against a target of {r.get('targetText')}"


def _in_one_asked_year(ctx: Context, template: str) -> list[dict[str, object]]:
    """Rows of ``template`` with the asked body (each in turn, else none) and the one asked year bound."""
    rows: list[dict[str, object]] = []
    for org in _orgs_or_all(ctx):
        rows.extend(ctx.run(template, org=org, year=ctx.links.years[0]))
    return rows


def _rows_in_asked_years(ctx: Context, every_year: str, one_year: str) -> list[dict[str, object]]:
    """Rows of the asked bodies in the asked years: with one year asked, ``one_year`` binds it;
    with none or several, ``every_year`` reads every year and the years are kept here, as the
    year may be missing from a hand-written graph."""
    if len(ctx.links.years) == 1:
        return _in_one_asked_year(ctx, one_year)
    return _in_years(_rows_for_orgs(ctx, every_year), ctx.links.years)


def _indicators_in_asked_years(ctx: Context) -> list[dict[str, object]]:
    """The indicators of the asked bodies in the asked years, in qa_indicators' order.

    One year bound (qa_indicators_in_year) reads on a 1M-triple store about
    5x less than every indicator of the body.
    """
    return _rows_in_asked_years(ctx, "qa_indicators", "qa_indicators_in_year")


def _indicators(ctx: Context) -> list[dict[str, object]]:
    return _of_asked_projects(ctx, _indicators_in_asked_years(ctx))


def _of_asked_projects(ctx: Context, rows: list[dict[str, object]]) -> list[dict[str, object]]:
    if ctx.links.projects:
        rows = [r for r in rows if r.get("project") in ctx.links.projects]
    return [_indicator_row(r) for r in rows]


def _missed_indicators(ctx: Context) -> list[dict[str, object]]:
    """The rows of :func:`_indicators` whose ``met`` is false, in the same order.

    The queries read the details of the missed indicators only: on a
    1M-triple store about 9x less than reading every indicator of the body
    with one year bound, about 4x less for every year.
    """
    return _of_asked_projects(ctx, _rows_in_asked_years(ctx, "qa_missed_indicators", "qa_missed_indicators_in_year"))


# Categories whose name alone says what an indicator is (群众满意度 under 社会效益指标 is still a satisfaction one).
NAME_DEFINES_CATEGORY = frozenset({"satisfaction"})
# Categories an indicator belongs to by its target (a target without a figure is qualitative: "明显提升").
TARGET_DEFINES_CATEGORY = frozenset({"qualitative"})
# How an answer names each category of INDICATOR_CATEGORIES (Chinese, English).
INDICATOR_CATEGORY_NAMES: dict[str, tuple[str, str]] = {
    "satisfaction": ("满意度指标", "satisfaction indicators"), "quantity": ("数量指标", "quantity indicators"),
    "quality": ("质量指标", "quality indicators"), "timeliness": ("时效指标", "timeliness indicators"),
    "cost": ("成本指标", "cost indicators"), "benefit": ("效益指标", "benefit indicators"),
    "output": ("产出指标", "output indicators"), "qualitative": ("定性指标", "qualitative indicators"),
}


def asked_categories(text: str) -> list[str]:
    return [name for name, (asked, _label) in INDICATOR_CATEGORIES.items() if asked.search(text)]


def in_categories(r: dict[str, object], categories: list[str]) -> bool:
    """Whether an indicator belongs to one of the categories, by its printed level labels (else its name)."""
    labels = " ".join(str(r[k]) for k in ("level1", "level2") if r.get(k))
    for name in categories:
        pattern = INDICATOR_CATEGORIES[name][1]
        if name in TARGET_DEFINES_CATEGORY:
            if pattern.search(str(r.get("targetText") or "0")):
                return True
            continue
        text = labels or str(r.get("indicator", ""))
        if name in NAME_DEFINES_CATEGORY:
            text += " " + str(r.get("indicator", ""))
        if pattern.search(text):
            return True
    return False


def missed_targets(ctx: Context) -> Outcome:
    if ctx.links.indicators and QUESTION_SHAPES["status_of_named"].search(ctx.q.text) and not QUESTION_SHAPES["all_of_them"].search(ctx.q.text):
        # "走访慰问困难职工户数达标了吗": that indicator's own status, met or not (never the list of the others missed)
        named = [r for r in _indicators(ctx) if r.get("fact") in ctx.links.indicators]
        if named:
            return _status_of_named(ctx, named)
    if FACT_QUESTION_SHAPES["exceeded_list"].search(ctx.q.text):
        return _exceeded_indicators(ctx)
    if QUESTION_SHAPES["met_list"].search(ctx.q.text):
        return _met_indicators(ctx)
    rows = _missed_indicators(ctx)
    categories = asked_categories(ctx.q.text)
    if categories:  # "满意度指标没有达标": only the satisfaction indicators
        rows = [r for r in rows if in_categories(r, categories)]
    if not ctx.links.projects and WHOLE_SPENDING_ASKED.search(ctx.q.text):  # "整体支出自评…": not the projects' indicators
        rows = [r for r in rows if not r.get("project")] or rows
    # "为什么没有完成举办技能竞赛场次的目标": the indicator the question names, not its sister indicators
    rows = [r for r in rows if r.get("fact") in ctx.links.indicators] or rows
    if ctx.lang == "en" and not ctx.links.projects:  # "the improvement measures for the hardship fund": that project's
        rows = _of_projects_described(ctx, rows)
    every = _indicators(ctx) if ctx.lang == "en" and not ctx.links.indicators else []
    described, words = _indicators_described(ctx, every)  # "did it miss the skills competition target?": that one
    if words and every and not described:
        return _no_described_indicator(ctx, every, words)
    if words and described:
        facts = {r.get("fact") for r in described}
        missed = [r for r in rows if r.get("fact") in facts]
        if not missed:  # the indicator described met its target: say so, with its values
            head = ctx.say("没有，已达标：", "No, not missed: met: ") if MISSED_ASKED.search(ctx.q.text) else ctx.say("是的，已达标：", "Yes, met: ")
            return Outcome(True, head + join([_value_line(ctx, r) for r in described], ctx.lang),
                           described, sources_of(described))
        rows = missed
    if not rows and YES_NO.search(ctx.q.text):
        return _all_met(ctx, categories)
    if not rows and ctx.links.orgs:  # (q27) "哪些指标没完成" over a budget's target table: no completion published
        published = _indicators(ctx)
        published = [r for r in published if in_categories(r, categories)] if categories else published
        if publishes_targets_only(published):
            return _targets_only(ctx, published)
    if not rows:
        # over the whole graph (or a place): which bodies and years were looked at, none missing a target
        scope = _missed_scope(ctx) if not ctx.links.orgs or ctx.links.region else ""
        return Outcome(False, scope + ctx.say("没有找到未完成目标的指标（图中所列指标均已达标，或没有相应年份/单位的指标）。",
                                              "No indicator missed its target in the graph for this body/year (or there are no indicators).")
                       + _bodies_without_indicators(ctx))
    lines = [_indicator_line(r, ctx.lang) for r in rows]
    # "目标都完成了吗" / "did it meet all its targets?" with some missed: "no" first
    verdict = ctx.say("没有，", "No: ") if QUESTION_SHAPES["status_of_named"].search(ctx.q.text) else ""
    if MEASURES_QUESTION[ctx.lang].search(ctx.q.text):  # "有哪些改进措施": the column that prints them with the reasons
        lines = [line + (ctx.say(f"，偏差原因分析及改进措施：{r['reason']}", f"; stated reasons and measures: {r['reason']}") if r.get("reason")
                         else ctx.say("（文件未说明原因和措施）", " (no reason or measure stated)")) for line, r in zip(lines, rows)]
    elif WHY_QUESTION[ctx.lang].search(ctx.q.text):  # "为什么没有完成": each indicator's stated deviation reason
        lines = [line + (ctx.say(f"，原因：{r['reason']}", f"; stated reason: {r['reason']}") if r.get("reason")
                         else ctx.say("（文件未说明原因）", " (no reason stated)")) for line, r in zip(lines, rows)]
    return Outcome(True, verdict + _missed_summary(ctx, rows) + join(lines, ctx.lang), rows, sources_of(rows))


def _missed_summary(ctx: Context, rows: list[dict[str, object]]) -> str:
    """The head of a missed-targets answer: how many indicators, projects (a whole-department evaluation
    counts as one) and bodies, leading with what the question counts (MISSED_COUNT_SUBJECT); with no body
    named, the scope: every body of the graph with indicators in the asked years (else in any year)."""
    def owner(r: dict[str, object]) -> str:
        return str(r.get("orgLabel") or ctx.label(r.get("org")))

    projects = {(owner(r), r.get("year"), r.get("project") or ""): r.get("projectLabel") for r in rows}
    named_zh = "、".join(f"{b} {y}「{label or '整体支出'}」" for (b, y, _p), label in sorted(projects.items(), key=lambda p: str(p[0])))
    named_en = "; ".join(f"{b} {y} [{label or 'whole department'}]" for (b, y, _p), label in sorted(projects.items(), key=lambda p: str(p[0])))
    per_body: dict[str, set[object]] = {}
    for r in rows:
        per_body.setdefault(owner(r), set()).add(r.get("year"))
    bodies = "、".join(f"{b}（{'、'.join(str(y) for y in sorted(map(str, ys)))}）" for b, ys in sorted(per_body.items()))
    bodies_en = "; ".join(f"{b} ({', '.join(sorted(map(str, ys)))})" for b, ys in sorted(per_body.items()))
    subject = next((k for k, pattern in MISSED_COUNT_SUBJECT.items() if pattern.search(ctx.topic)), "indicators")  # "and in 2023?" keeps it
    n_ind, n_proj, n_body = len(rows), len(projects), len(per_body)
    # A body's own indicators (整体支出 self-evaluation) are counted with the projects, and said to be.
    n_whole = sum(1 for (_b, _y, project) in projects if not project)
    whole_zh = (f"其中 {n_whole} 个为单位整体支出评价，" if n_proj > 1 else "为单位整体支出评价，") if n_whole else ""
    whole_en = ((f"{n_whole} of them a whole-department evaluation; " if n_whole == 1 else f"{n_whole} of them whole-department evaluations; ")
                if n_proj > 1 else "a whole-department evaluation; ") if n_whole else ""
    heads = {
        "projects": (f"共有 {n_proj} 个项目未完成目标（{whole_zh}{n_ind} 个指标，{n_body} 个单位）：{named_zh}。",
                     f"{counted(n_proj, 'project')} missed targets ({whole_en}{counted(n_ind, 'indicator')}, {counted(n_body, 'body')}): {named_en}."),
        "bodies": (f"共有 {n_body} 个单位有未完成目标的指标：{bodies}（{n_proj} 个项目，{n_ind} 个指标）。",
                   f"{counted(n_body, 'body')} missed targets: {bodies_en} ({counted(n_proj, 'project')}, {counted(n_ind, 'indicator')})."),
        "indicators": (f"共有 {n_ind} 个指标未完成目标（{n_proj} 个项目，{n_body} 个单位：{bodies}）。",
                       f"{counted(n_ind, 'indicator')} missed their targets ({counted(n_proj, 'project')} of {counted(n_body, 'body')}: {bodies_en})."),
    }
    head = ctx.say(*heads[subject])
    if len(ctx.links.years) > 1 and QUESTION_SHAPES["each"].search(ctx.q.text):
        # "2022年和2023年分别有多少个": the count of each year asked, zero included
        per_year = [(y, sum(1 for r in rows if r.get("year") == y)) for y in sorted(ctx.links.years)]
        head += ctx.say("其中" + "，".join(f"{y} 年 {n} 个指标" for y, n in per_year) + "。",
                        " Of which " + ", ".join(f"{n} in {y}" for y, n in per_year) + ".")
    if not ctx.links.orgs or ctx.links.region:
        head = _missed_scope(ctx) + head
    return head + ctx.say("明细：", " Details: ")


# What the catalog's entities of a kind are called in a "none held" note (Chinese, English).
CATALOG_KIND_NAMES: dict[str, tuple[str, str]] = {"indicator": ("绩效指标", "performance indicators"), "project": ("项目", "projects")}


def _bodies_without(ctx: Context, kind: str) -> str:
    """The asked bodies that hold no entity of the kind (catalog: "indicator", "project") in the asked years, named
    with the years in which they have some, then the other bodies that do: "none missed" of a body without
    indicators would read as "all met", and "no projects" should say where there are some."""
    years = set(ctx.links.years)
    holders: dict[str, set[int]] = {}
    for e in ctx.catalog.entities:
        if e.kind == kind and e.org and e.year is not None:
            holders.setdefault(e.org, set()).add(e.year)
    bare = [o for o in ctx.links.orgs if not (holders.get(o, set()) & years if years else holders.get(o))]
    if not bare or ctx.links.region:
        return ""
    what_zh, what_en = CATALOG_KIND_NAMES[kind]
    others = sorted((ctx.label(o), ys) for o, ys in holders.items() if o not in ctx.links.orgs)
    listed_zh = "、".join(f"{b}（{'、'.join(map(str, sorted(ys)))}）" for b, ys in others[:8])
    listed_en = "; ".join(f"{b} ({', '.join(map(str, sorted(ys)))})" for b, ys in others[:8])
    when_zh, when_en = (f" {'、'.join(map(str, sorted(years)))} 年", f" in {years_text(sorted(years))}") if years else ("", "")
    own_zh = "".join(f"（{ctx.label(o)}有 {'、'.join(map(str, sorted(holders[o])))} 年的{what_zh}）" for o in bare if holders.get(o))
    own_en = "".join(f" ({ctx.label(o)} has {what_en} of {years_text(sorted(holders[o]))})" for o in bare if holders.get(o))
    return ctx.say(f"图中没有{'、'.join(ctx.label(o) for o in bare)}{when_zh}的{what_zh}{own_zh}" + (f"；有{what_zh}的单位：{listed_zh}" if others else "") + "。",
                   f" The graph holds no {what_en} of {', '.join(ctx.label(o) for o in bare)}{when_en}{own_en}"
                   + (f"; bodies with {what_en}: {listed_en}" if others else "") + ".")


def _bodies_without_indicators(ctx: Context) -> str:
    return _bodies_without(ctx, "indicator")


def _missed_scope(ctx: Context) -> str:
    """Which bodies and years a count over the whole graph covers: those with indicators (catalog)."""
    years = set(ctx.links.years)
    region = set(ctx.links.orgs) if ctx.links.region else None  # "federations in Lishui": the bodies of that place
    covered: dict[str, set[int]] = {}
    for e in ctx.catalog.entities:
        if e.kind == "indicator" and e.org and e.year is not None and (not years or e.year in years) and (region is None or e.org in region):
            covered.setdefault(ctx.label(e.org), set()).add(e.year)
    if not covered:
        return ""
    listed_zh = "、".join(f"{b}（{'、'.join(map(str, sorted(ys)))}）" for b, ys in sorted(covered.items()))
    listed_en = "; ".join(f"{b} ({', '.join(map(str, sorted(ys)))})" for b, ys in sorted(covered.items()))
    when_zh = f" {'、'.join(map(str, sorted(years)))} 年" if years else "所有年份"
    when_en = f"in {years_text(sorted(years))}" if years else "in every year"
    where_zh, where_en = (f"{ctx.links.region}", f" in {_region_en(ctx)}") if ctx.links.region else ("", "")
    return ctx.say(f"统计范围：图中{where_zh}{when_zh}有绩效指标的 {len(covered)} 个单位：{listed_zh}。",
                   f"Counted over the {counted(len(covered), 'body of the graph')}{where_en} with indicators {when_en}: {listed_en}. ")


# A yes/no question ("都达标了吗", "did … meet all its targets"): "yes" is an answer too.
YES_NO = re.compile(r"吗|没有?[?？]?$|与否|是否|有没有|\b(?:did|does|do|were|was|has|have|is|are)\b.{0,60}\ball\b|^(?:did|does|do|were|was|has|have|is|are)\b")


# A "yes, all met" answer spells the indicators out when there are at most this many (a category asked, one project).
ALL_MET_SPELLED = 5


def _targets_only(ctx: Context, rows: list[dict[str, object]]) -> Outcome:
    """(q27) Indicators published with targets only (qa/targets_only.py): said so, each target listed."""
    answer = targets_only_sentence(len(rows), ctx.lang) + join([target_line(r, ctx.lang) for r in rows], ctx.lang)
    return Outcome(True, answer, rows, sources_of(rows))


def _all_met(ctx: Context, categories: list[str]) -> Outcome:
    """No indicator marked as missed: say so, with those whose actual value still violates a strict target."""
    rows = _indicators(ctx)
    if categories:
        rows = [r for r in rows if in_categories(r, categories)]
    if not rows:
        return Outcome(False, ctx.say("知识图谱中没有该单位/年份的绩效指标。", "The graph has no indicators for this body/year."))
    if publishes_targets_only(rows):  # (q27) a budget's target table: no completion published, never "yes"
        return _targets_only(ctx, rows)
    strict = [r for r in rows if _violates(r) and not _lost_points(r) and (r.get("met") is True or _on_strict_boundary(r))]
    answer = ctx.say(f"是的：{len(rows)} 个绩效指标均未标为未完成。", f"Yes: none of the {len(rows)} indicators is marked as missed.")
    if strict:
        answer += ctx.say("但以下指标的实际值不满足严格目标：", " But these indicators' actual values violate a strict target: ") + join([_indicator_line(r, ctx.lang) for r in strict], ctx.lang)
    elif len(rows) <= ALL_MET_SPELLED:  # a few asked ("满意度指标达标了吗"): which, with their values
        answer += ctx.say("明细：", " Details: ") + join([_value_line(ctx, r) for r in rows], ctx.lang)
    shown = strict or rows
    return Outcome(True, answer, shown, sources_of(shown))


def _met_indicators(ctx: Context) -> Outcome:
    """"哪些指标达标了": the indicators marked as met, each with its values; those missed are named after them."""
    rows = _indicators(ctx)
    categories = asked_categories(ctx.q.text)
    if categories:
        rows = [r for r in rows if in_categories(r, categories)]
    met = [r for r in rows if r.get("met") is True]
    if not met:
        return Outcome(False, ctx.say("知识图谱中没有该单位/年份标为达标的指标。", "The graph has no indicator marked as met for this body/year."))
    missed = [str(r["indicator"]) for r in rows if r.get("met") is False]
    head = ctx.say(f"{_bodies_and_years(met)} 共 {len(met)} 个指标达标：", f"{_bodies_and_years(met)}: {counted(len(met), 'indicator')} met: ")
    tail = ctx.say(f"。未达标的 {len(missed)} 个：{'、'.join(missed)}", f". Missed ({len(missed)}): {', '.join(missed)}") if missed else ""
    return Outcome(True, head + join([_value_line(ctx, r) for r in met], ctx.lang) + tail, met, sources_of(met))


def beats_target(r: dict[str, object]) -> bool:
    """Whether a met indicator's actual value is strictly better than its target (超额完成): above a ≥ / > target,
    below a ≤ / < one; an = or qualitative target, or a value that is no figure, is never exceeded."""
    actual, target, comparator = r.get("actual"), r.get("target"), _short(r.get("comparator"))
    if r.get("met") is not True or not isinstance(actual, (int, float, Decimal)) or not isinstance(target, (int, float, Decimal)):
        return False
    if comparator in ("cmp-ge", "cmp-gt"):
        return Decimal(str(actual)) > Decimal(str(target))
    if comparator in ("cmp-le", "cmp-lt"):
        return Decimal(str(actual)) < Decimal(str(target))
    return False


def _exceeded_indicators(ctx: Context) -> Outcome:
    """"哪些指标超额完成了": the met indicators whose actual value beats the target, each with its values and the
    margin (computed); the others met exactly and those missed are counted after them."""
    rows = _indicators(ctx)
    categories = asked_categories(ctx.q.text)
    if categories:
        rows = [r for r in rows if in_categories(r, categories)]
    if not rows:
        return Outcome(False, ctx.say("知识图谱中没有该单位/年份的绩效指标。", "The graph has no indicators for this body/year."))
    beaten = [r for r in rows if beats_target(r)]
    met_only = sum(1 for r in rows if r.get("met") is True and not beats_target(r))
    missed = sum(1 for r in rows if r.get("met") is False)
    tail = ctx.say(f"。另有 {met_only} 个指标恰好达标或为定性指标，{missed} 个未达标", f". Another {met_only} met their target exactly or are qualitative, {missed} missed")
    if not beaten:
        return Outcome(False, ctx.say(f"{_bodies_and_years(rows)} 的 {len(rows)} 个指标中没有超额完成的（实际值均未超过目标值）",
                                      f"{_bodies_and_years(rows)}: none of the {len(rows)} indicators beat its target") + tail + ctx.say("。", "."))
    head = ctx.say(f"{_bodies_and_years(beaten)} 共 {len(beaten)} 个指标超额完成：", f"{_bodies_and_years(beaten)}: {counted(len(beaten), 'indicator')} beat the target: ")
    lines = [_value_line(ctx, r) + _gap_to_target(ctx, r) for r in beaten]
    return Outcome(True, head + join(lines, ctx.lang) + tail, beaten, sources_of(beaten))


def _indicators_of_kind(ctx: Context, rows: list[dict[str, object]], categories: list[str]) -> Outcome:
    """"有哪些满意度指标" / "成本指标完成得怎么样": the indicators of the kinds asked, each with its target, actual
    value, status and score, grouped by body, year and project; none of that kind is said, with the kinds held."""
    kinds_zh = "、".join(INDICATOR_CATEGORY_NAMES[c][0] for c in categories)
    kinds_en = ", ".join(INDICATOR_CATEGORY_NAMES[c][1] for c in categories)
    picked = [r for r in rows if in_categories(r, categories)]
    if not picked:
        held = "、".join(dict.fromkeys(str(r.get("level2") or r.get("level1") or "") for r in rows if r.get("level2") or r.get("level1")))
        return Outcome(False, ctx.say(f"{_bodies_and_years(rows)} 没有{kinds_zh}；其 {len(rows)} 个指标的类别为：{held or '未列明'}。",
                                      f"{_bodies_and_years(rows)}: no {kinds_en}; its {counted(len(rows), 'indicator')} are of the kinds: {held or 'not stated'}."))
    groups: dict[str, list[dict[str, object]]] = {}
    for r in picked:
        owner = f"{r.get('orgLabel') or ''} {r.get('year') or ''}「{r.get('projectLabel') or ctx.say('整体支出', 'whole department')}」"
        groups.setdefault(owner, []).append(r)
    parts = [ctx.say(f"{owner}的{kinds_zh}（{len(rs)} 个）：", f"{owner}: {counted(len(rs), 'indicator')} ({kinds_en}): ") + join([_value_line(ctx, r) for r in rs], ctx.lang)
             for owner, rs in groups.items()]
    return Outcome(True, _kind_extreme(ctx, picked, kinds_zh, kinds_en) + ("。" if ctx.lang == "zh" else ". ").join(parts), picked, sources_of(picked))


def _kind_extreme(ctx: Context, rows: list[dict[str, object]], kinds_zh: str, kinds_en: str) -> str:
    """"满意度最低的指标": of the indicators of the kind asked measured in one unit, the one(s) with the lowest
    (or highest) actual value, said first; nothing when no end is asked or the values are not comparable figures."""
    low, high = RANK_LOW.search(ctx.q.text), RANK_HIGH.search(ctx.q.text)
    valued = [r for r in rows if isinstance(r.get("actual"), (int, float, Decimal))]
    if not (low or high) or not valued or len({r.get("unit") for r in valued}) != 1:
        return ""
    pick = (min if low else max)(Decimal(str(r["actual"])) for r in valued)
    ends = [r for r in valued if Decimal(str(r["actual"])) == pick]
    names = "、".join(f"{r['indicator']}（{r.get('projectLabel') or ctx.say('整体支出', 'whole department')}，{r.get('actualText')}）" for r in ends)
    names_en = "; ".join(f"{r['indicator']} ({r.get('projectLabel') or 'whole department'}, {r.get('actualText')})" for r in ends)
    return ctx.say(f"{kinds_zh}中实际值{'最低' if low else '最高'}的是：{names}。", f"Of the {kinds_en}, the {'lowest' if low else 'highest'} actual value: {names_en}. ")


def _status_of_named(ctx: Context, rows: list[dict[str, object]]) -> Outcome:
    """Whether the indicators the question names met their targets: yes / no / partly, each with its values."""
    met = [r.get("met") for r in rows]
    if all(m is True for m in met):
        head = ctx.say("是的，已达标：", "Yes, met: ")
    elif all(m is False for m in met):
        head = ctx.say("没有，未达标：", "No, not met: ")
    else:
        head = ctx.say("部分达标：", "Partly met: ")
    return Outcome(True, head + join([_value_line(ctx, r) for r in rows], ctx.lang), rows, sources_of(rows))


def _violates(r: dict[str, object]) -> bool:
    actual, target, cmp = r.get("actual"), r.get("target"), r.get("comparator")
    if not isinstance(actual, (int, float)) or not isinstance(target, (int, float)):
        return False
    checks: dict[str, Callable[[float, float], bool]] = {
        "cmp-ge": lambda a, t: a < t, "cmp-le": lambda a, t: a > t, "cmp-eq": lambda a, t: a != t,
        "cmp-gt": lambda a, t: a <= t, "cmp-lt": lambda a, t: a >= t,
    }
    check = checks.get(str(cmp))
    return bool(check and check(float(actual), float(target)))


def _lost_points(r: dict[str, object]) -> bool:
    score, weight = r.get("score"), r.get("weight")
    return isinstance(score, (int, float)) and isinstance(weight, (int, float)) and score < weight


def _on_strict_boundary(r: dict[str, object]) -> bool:
    """``<30%`` with an actual of 30%: the classic strict target read as inclusive."""
    return r.get("comparator") in {"cmp-lt", "cmp-gt"} and r.get("actual") == r.get("target")


def strict_violations(ctx: Context) -> Outcome:
    rows = [r for r in _indicators(ctx) if _violates(r) and not _lost_points(r) and (r.get("met") is True or _on_strict_boundary(r))]
    if not rows:
        return Outcome(False, ctx.say("没有发现实际值违反目标却被评为达标的指标。", "No indicator is scored as met while its actual value violates the target."))
    lines = [_indicator_line(r, ctx.lang) for r in rows]
    head = ctx.say(f"{len(rows)} 个指标被评为达标，但实际值不满足目标：", f"{counted(len(rows), 'indicator')} {'was' if len(rows) == 1 else 'were'} scored as met although the actual value violates the target: ")
    return Outcome(True, head + join(lines, ctx.lang), rows, sources_of(rows))


def lost_points(ctx: Context) -> Outcome:
    if QUESTION_SHAPES["indicator_ranking"].search(ctx.q.text):
        return _indicator_at_end(ctx)
    if QUESTION_SHAPES["full_marks"].search(ctx.q.text):
        return _full_marks(ctx)
    rows = [r for r in _indicators(ctx) if isinstance(r.get("score"), (int, float)) and isinstance(r.get("weight"), (int, float)) and r["score"] < r["weight"]]  # type: ignore[operator]
    if not rows:
        return Outcome(False, ctx.say("没有找到被扣分的指标。", "No indicator lost points."))
    def owner(r: dict[str, object]) -> str:  # the body, year and project (整体支出 for a whole-department evaluation)
        project = r.get("projectLabel") or ctx.say("整体支出", "whole department")
        return ctx.say(f"{r.get('orgLabel') or ''} {r.get('year') or ''}「{project}」", f"{r.get('orgLabel') or ''} {r.get('year') or ''} [{project}] ")

    lines = [f"{owner(r)}{r['indicator']}（{number(r['score'])}/{number(r['weight'])}）" if ctx.lang == "zh" else f"{owner(r)}{r['indicator']} ({number(r['score'])} of {number(r['weight'])})" for r in rows]
    # each line with what the indicator reached and the deviation reason the document states (why points were lost)
    lines = [line + ("" if _scored_only(r) else  # (q23) weight and score only (shown above): no target to say
                     ctx.say(f"，实际 {r.get('actualText') or '-'}，目标 {r.get('targetText') or '-'}", f", actual {r.get('actualText') or '-'} against {r.get('targetText') or '-'}"))
             + ctx.say(f"，原因：{r['reason']}" if r.get("reason") else "", f", stated reason: {r['reason']}" if r.get("reason") else "")
             for line, r in zip(lines, rows)]
    head = ctx.say(f"{len(rows)} 个指标被扣分：", f"{counted(len(rows), 'indicator')} lost points: ")
    return Outcome(True, head + join(lines, ctx.lang), rows, sources_of(rows))


def _full_marks(ctx: Context) -> Outcome:
    """"哪些指标得了满分": the indicators whose score equals their weight; those that lost points named after them."""
    rows = [r for r in _indicators(ctx) if isinstance(r.get("score"), (int, float)) and isinstance(r.get("weight"), (int, float))]
    full = [r for r in rows if r["score"] == r["weight"]]
    if not full:
        return Outcome(False, ctx.say("知识图谱中没有该单位/年份得满分的指标。", "No indicator of this body/year scored its full weight."))
    lost = [str(r["indicator"]) for r in rows if r not in full]
    head = ctx.say(f"{_bodies_and_years(full)} 共 {len(full)} 个指标得满分：", f"{_bodies_and_years(full)}: {counted(len(full), 'indicator')} scored full marks: ")
    tail = ctx.say(f"。被扣分的 {len(lost)} 个：{'、'.join(lost)}", f". Lost points ({len(lost)}): {', '.join(lost)}") if lost else ""
    return Outcome(True, head + join([_value_line(ctx, r) for r in full], ctx.lang) + tail, full, sources_of(full))


def _indicator_at_end(ctx: Context) -> Outcome:
    """"得分最低的指标" (the lowest score) or "扣分最多的指标" / "lost the most points" (the largest weight minus
    score): the indicator(s) at that end, ties included, each with its values."""
    rows = [r for r in _indicators(ctx) if isinstance(r.get("score"), (int, float))]
    if not rows:
        return Outcome(False, ctx.say("知识图谱中没有该单位/年份的指标得分。", "The graph has no indicator scores for this body/year."))
    text = ctx.q.text
    by_loss = bool(re.search(r"扣分|失分|lost|lose|deduct", text))
    low = bool(RANK_LOW.search(text)) and not RANK_HIGH.search(text)
    if by_loss:
        rows = [r for r in rows if isinstance(r.get("weight"), (int, float))]
        value = {id(r): float(r["weight"]) - float(r["score"]) for r in rows}  # type: ignore[arg-type]
    else:
        value = {id(r): float(r["score"]) for r in rows}  # type: ignore[arg-type]
    if not rows:
        return Outcome(False, ctx.say("知识图谱中没有该单位/年份的指标分值。", "The graph has no indicator weights for this body/year."))
    end = (min if low else max)(value.values())
    shown = [r for r in rows if value[id(r)] == end]
    what = ctx.say(("扣分最少" if low else "扣分最多") if by_loss else ("得分最低" if low else "得分最高"),
                   ("the fewest points lost" if low else "the most points lost") if by_loss else ("the lowest score" if low else "the highest score"))
    head = ctx.say(f"{_bodies_and_years(rows)} 共 {len(rows)} 个有得分的指标，{what}的是：", f"{_bodies_and_years(rows)}: of {len(rows)} scored indicators, {what}: ")
    return Outcome(True, head + join([_value_line(ctx, r) for r in shown], ctx.lang), shown, sources_of(shown))


def described_indicator_words(question: str) -> list[str]:
    """The printed label words an English question describes an indicator by, once each, in table order.

    >>> described_indicator_words("what was the skills competition target?")[:2]
    ['竞赛', '比赛']
    >>> described_indicator_words("what did it spend in 2023?")
    []
    """
    return list(dict.fromkeys(zh for en, zh in INDICATOR_LABEL_WORDS + INDICATOR_GLOSSARY if en.search(question)))


def _indicators_described(ctx: Context, rows: list[dict[str, object]]) -> tuple[list[dict[str, object]], list[str]]:
    """Of ``rows``, the indicators whose printed label holds the most of the words an English question describes
    an indicator by ("the skills competition target": 劳动和技能竞赛项目数量, not its sister indicators), with
    those words; (rows, []) when the question is Chinese (it names labels as printed) or describes none, or its
    words describe the asked project rather than an indicator; ([], words) when no indicator fits."""
    if ctx.lang != "en" or ctx.links.indicators:
        return rows, []
    asked = set(_asked_projects(ctx))
    asked_labels = " ".join(str(r.get("projectLabel") or "") for r in rows if r.get("project") in asked)
    if not asked and PROJECT_WORDS["en"].search(ctx.q.text):
        # (q25) "did the training project reach all its targets": 培训 names the project the words describe, not an indicator
        described_projects = _of_projects_described(ctx, rows)
        if len(described_projects) < len(rows):
            asked_labels += " " + " ".join(str(r.get("projectLabel") or "") for r in described_projects)
    words = [w for w in described_indicator_words(ctx.q.text) if w not in asked_labels]
    if not words:
        return rows, []
    scored = [(described_score(ctx.q.text, str(r.get("indicator") or ""), words), r) for r in rows]
    top = max((sc for sc, _ in scored), default=0)
    if top <= 0:
        return [], words
    return [r for sc, r in scored if sc == top], words


def described_score(question: str, label: str, words: list[str]) -> int:
    """How well an indicator's printed label fits an English description: the description's label words it
    holds, and for a count asked ("how many …") one more for a count, one less for a rate.

    >>> q = "how many model workers got condolence money"
    >>> w = described_indicator_words(q)
    >>> described_score(q, "春节慰问金发放人数", w) > described_score(q, "劳模慰问金发放合规率", w)
    True
    >>> described_score("what was the skills competition target", "职工培训人数", ["技能竞赛", "竞赛"])
    0
    """
    held = sum(w in label for w in words)
    described = any(w in label for w in words if not COUNT_LABEL.search(w))  # a count word alone (人数) describes nothing
    if described and COUNT_ASKED_EN.search(question):
        held += 1 if COUNT_LABEL.search(label) else -1 if RATE_LABEL.search(label) else 0
    return held


def _no_described_indicator(ctx: Context, pool: list[dict[str, object]], words: list[str]) -> Outcome:
    """No indicator of the body is named with the words the question describes one by: say so, and list the
    indicators the body has (each name once)."""
    names = list(dict.fromkeys(str(r.get("indicator")) for r in pool if r.get("indicator")))
    owner = _bodies_and_years(pool)
    return Outcome(False, ctx.say(f"{owner}没有名称含「{'、'.join(words)}」的绩效指标；其 {len(names)} 个指标为：",
                                  f"No indicator of {owner} is named with the words the question describes ({'、'.join(words)}); "
                                  f"its {counted(len(names), 'indicator')}: ") + join(names, ctx.lang), pool, sources_of(pool))


def _target_line(r: dict[str, object], lang: str) -> str:
    level = r.get("level2") or r.get("level1")
    if lang == "zh":
        return f"{r['indicator']}{'（' + str(level) + '）' if level else ''}：目标 {r.get('targetText') or '未列明'}"
    return f"{r['indicator']}{' (' + str(level) + ')' if level else ''}: target {r.get('targetText') or 'not stated'}"


# (q8) An indicator's value asked together with its target ("满意度是多少？目标是多少", "actual and target"):
# the targets answer then gives both.
VALUE_AND_TARGET_ASKED = re.compile(r"(?:是多少|实际|(?<![没未有])完成(?:了|得)?|(?<![没未有])达到).{0,12}目标|目标.{0,12}(?:实际|完成了?多少|达到了?多少)"
                                    r"|\bactual\b.{0,30}\btarget|\btarget\b.{0,30}\bactual\b")


def targets(ctx: Context) -> Outcome:
    """The performance targets set for a project (or a body's whole spending): indicator, comparator, value, unit."""
    asked = _asked_projects(ctx)
    rows = _indicators_in_asked_years(ctx)
    if ctx.links.indicators and not ctx.links.projects and QUESTION_SHAPES["target_of_named"].search(ctx.q.text):
        rows = [r for r in rows if r.get("fact") in ctx.links.indicators]  # "X的目标是多少": that indicator's target
    elif asked:
        rows = [r for r in rows if r.get("project") in asked]
    elif ctx.links.indicators:
        rows = [r for r in rows if r.get("fact") in ctx.links.indicators]
    elif not ctx.links.orgs:
        return _which_body(ctx, targets)
    rows = [_indicator_row(r) for r in rows]
    if not asked and ctx.lang == "en":  # "Zibo's medical mutual aid project": the projects whose names hold its words
        rows = _of_projects_described(ctx, rows)
    categories = asked_categories(ctx.q.text)
    if categories and rows and FACT_QUESTION_SHAPES["indicator_kind_list"].search(ctx.q.text):
        return _indicators_of_kind(ctx, rows, categories)  # "有哪些满意度指标": those, with their values
    if categories:
        rows = [r for r in rows if in_categories(r, categories)] or rows
    described, words = _indicators_described(ctx, rows)  # "what was the skills competition target?": that indicator
    if words and rows and not described:
        return _no_described_indicator(ctx, rows, words)
    rows = described
    if not rows:
        return Outcome(False, ctx.say("知识图谱中没有该项目/单位的绩效目标。", "The graph has no performance targets for this project/body.")
                       + _bodies_without_indicators(ctx))
    if ctx.links.indicators and VALUE_AND_TARGET_ASKED.search(ctx.q.text):  # "是多少？目标是多少": both, each indicator once
        return Outcome(True, join([_value_line(ctx, r) for r in rows], ctx.lang), rows, sources_of(rows))
    groups: dict[str, list[dict[str, object]]] = {}
    for r in rows:
        owner = f"{r.get('orgLabel') or ''} {r.get('year') or ''}「{r.get('projectLabel') or ctx.say('整体支出', 'whole department')}」"
        groups.setdefault(owner, []).append(r)
    parts = [ctx.say(f"{owner}的绩效目标（{len(rs)} 个指标）：", f"{owner}: {counted(len(rs), 'performance target')}: ") + join([_target_line(r, ctx.lang) for r in rs], ctx.lang)
             for owner, rs in groups.items()]
    head = ""
    if QUESTION_SHAPES["indicator_count"].search(ctx.q.text) and len(groups) > 1:  # "有多少个绩效指标": the total first
        head = ctx.say(f"共 {len(rows)} 个绩效指标（{len(groups)} 组：各项目或整体支出）。", f"{len(rows)} performance indicators in all ({len(groups)} projects or whole-department sets). ")
    return Outcome(True, head + ("。" if ctx.lang == "zh" else ". ").join(parts), rows, sources_of(rows))


def _of_projects_described(ctx: Context, rows: list[dict[str, object]], label: str = "projectLabel", key: str = "project") -> list[dict[str, object]]:
    """Rows of the projects an English question describes (ENGLISH_PROJECT_WORDS: "medical mutual aid" -> 医疗互助),
    those whose name holds the most of its words, when that leaves some but not all of the projects; else the rows."""
    fragments = [printed for asked, printed in ENGLISH_PROJECT_WORDS if asked.search(ctx.q.text)]
    if not fragments:
        return rows
    scored = [(sum(f in str(r.get(label) or "") for f in fragments), r) for r in rows]
    top = max((sc for sc, _ in scored), default=0)
    named = [r for sc, r in scored if sc == top and sc > 0]
    return named if named and len({r.get(key) for r in named}) < len({r.get(key) for r in rows}) else rows


def indicator_value(ctx: Context) -> Outcome:
    """The value an indicator named in the question reached, against its target."""
    rows = held = [_indicator_row(r) for r in _indicators_in_asked_years(ctx)]
    asked = _asked_projects(ctx)
    named = ctx.links.indicators or ctx.links.candidate_indicators
    if named:
        rows = [r for r in rows if r.get("fact") in named]
    else:
        # the question without the project's name: what is left names the indicator
        text = ctx.q.text
        for p in _projects(ctx):
            if p.get("fact") in asked and str(p.get("label")) in text:
                text = text.replace(str(p["label"]), " ")
        pool = [r for r in rows if not asked or r.get("project") in asked]
        scored = [(_relevance(text, r.get("indicator")), r) for r in pool]
        top = max((sc for sc, _ in scored), default=0)
        rows = [r for sc, r in scored if sc == top and sc >= 2] if ctx.lang == "zh" else _glossary_indicators(ctx.q.text, pool)
        if ctx.lang == "en" and threshold_asked(ctx.q.text) is not None:
            words = described_indicator_words(ctx.q.text)
            if not rows:  # (q25) "did the member enrolment rate reach 85%": one word (入会) naming one indicator suffices
                held = [r for r in pool if any(w in str(r.get("indicator") or "") for w in words if not COUNT_LABEL.search(w))]
                rows = held if len({r.get("indicator") for r in held}) == 1 else []
            if len(rows) > 1:  # (q25) "did the staff satisfaction rate reach 90%": the label the words name most tightly
                rows = tightest_labels(rows, words)
    rows = (_every_rate_of_kind(ctx, held, asked) if ctx.lang == "zh" or not rows else []) or rows
    if not rows:
        if ctx.links.projects and counters_in(ctx.q.text, ctx.lang):
            return project_detail(ctx)
        if ctx.links.orgs and ACTUAL_SPENDING.search(ctx.q.text):
            return amount(ctx)  # "how much did X actually spend in 2024": money spent, not an indicator's value
        return Outcome(False, "")  # no indicator named: passage search
    elsewhere = _indicator_of_other_bodies(ctx, rows)
    if elsewhere is not None:
        return elsewhere
    gap = QUESTION_SHAPES["gap_to_target"].search(ctx.q.text)
    return Outcome(True, join([_value_line(ctx, r) + (_gap_to_target(ctx, r) if gap else "") for r in rows], ctx.lang), rows, sources_of(rows))


def _every_rate_of_kind(ctx: Context, held: list[dict[str, object]], asked: set[str] | list[str]) -> list[dict[str, object]]:
    """(q28) A threshold asked of a kind of rate with no qualifier ("满意度是不是低于90%"): every indicator of that kind
    held (of the bodies, years and projects asked), so the verdict judges them all; none when the question names
    one indicator as printed ("劳模满意度") or asks no threshold."""
    word = generic_rate_word(ctx.q.text, ctx.lang)
    if word is None or threshold_asked(ctx.q.text) is None:
        return []
    if any(len(str(r.get("indicator") or "")) > len(word) and str(r["indicator"]) in ctx.q.text for r in held):
        return []
    return [r for r in held if word in str(r.get("indicator") or "") and (not asked or r.get("project") in asked)]


def _gap_to_target(ctx: Context, r: dict[str, object]) -> str:
    """"比目标差多少": actual minus target in the indicator's unit, computed (no document prints it)."""
    actual, target = r.get("actual"), r.get("target")
    if not isinstance(actual, (int, float, Decimal)) or not isinstance(target, (int, float, Decimal)):
        return ctx.say("（目标或实际值不是数字，无法计算差距）", " (the target or the actual value is not a figure: no gap computed)")
    gap = Decimal(str(actual)) - Decimal(str(target))
    unit = str(r.get("unit") or "")
    if unit == "%":  # a gap between two percentages is in points
        unit = ctx.say(" 个百分点", " percentage points")
    signed = ("+" if gap > 0 else "") + number(gap) + unit
    return ctx.say(f"，实际比目标{'多' if gap > 0 else '少' if gap < 0 else '持平'} {number(abs(gap))}{unit}（{signed}，按图中数字计算）" if gap else "，实际与目标持平",
                   f"; actual minus target: {signed} (computed from the graph's figures)")


def _scored_only(r: dict[str, object]) -> bool:
    """(q23) An indicator the document gives a weight and a score only (a prose section "（一）产出指标（50分）…得分48分"),
    no target and no actual value: its answer says its points, nothing about targets."""
    return not r.get("actualText") and not r.get("targetText") and r.get("score") is not None and r.get("weight") is not None


def _points_text(ctx: Context, r: dict[str, object]) -> str:
    """"分值 50 分，得分 48 分" / "weight 50, score 48"."""
    return ctx.say(f"分值 {number(r['weight'])} 分，得分 {number(r['score'])} 分", f"weight {number(r['weight'])}, score {number(r['score'])}")


def _value_line(ctx: Context, r: dict[str, object]) -> str:
    """One indicator: body, year, project, actual against target, met or not, score of weight."""
    if _scored_only(r):
        return ctx.say(f"{r.get('orgLabel') or ''} {r.get('year') or ''}「{r.get('projectLabel') or '整体支出'}」{r['indicator']}：{_points_text(ctx, r)}",
                       f"{r.get('orgLabel') or ''} {r.get('year') or ''} [{r.get('projectLabel') or 'whole department'}] {r['indicator']}: {_points_text(ctx, r)}")
    status = "" if r.get("met") is None else ctx.say("，已达标" if r.get("met") else "，未达标", ", met" if r.get("met") else ", not met")
    actual = r.get("actualText") or ctx.say("文件未给出", "not stated")
    scored = "" if r.get("score") is None else ctx.say(f"，得分 {number(r['score'])}" + (f"（分值 {number(r['weight'])}）" if r.get("weight") is not None else ""),
                                                      f", scored {number(r['score'])}" + (f" of {number(r['weight'])}" if r.get("weight") is not None else ""))
    return ctx.say(f"{r.get('orgLabel') or ''} {r.get('year') or ''}「{r.get('projectLabel') or '整体支出'}」{r['indicator']}：实际完成 {actual}，目标 {r.get('targetText') or '未列明'}{status}{scored}",
                   f"{r.get('orgLabel') or ''} {r.get('year') or ''} [{r.get('projectLabel') or 'whole department'}] {r['indicator']}: actual {actual} against a target of {r.get('targetText') or 'not stated'}{status}{scored}")


def _indicator_of_other_bodies(ctx: Context, picked: list[dict[str, object]]) -> Outcome | None:
    """An indicator the question names as printed that the asked body does not report, while another body does
    ("岳阳…参训职工满意度" when only 通化 reports it): say so, never answer with the body's look-alike indicator."""
    if not ctx.links.orgs or ctx.lang != "zh" or any(str(r.get("indicator") or "\0") in ctx.q.text for r in picked):
        return None
    asked_orgs = set(ctx.links.orgs)
    others = [e for e in ctx.catalog.entities if e.kind == "indicator" and len(e.label) >= 4 and e.label in ctx.q.text and e.org not in asked_orgs]
    if not others:
        return None
    name = max((e.label for e in others), key=len)
    holders = "、".join(sorted({f"{ctx.label(e.org)}（{e.year}）" for e in others if e.label == name}))
    body = "、".join(ctx.label(o) for o in ctx.links.orgs) + (f" {years_text(ctx.links.years)} 年" if ctx.links.years else "")
    similar = "；".join(_value_line(ctx, r) for r in picked)
    return Outcome(False, f"{body}没有名为「{name}」的绩效指标；图中该指标属于{holders}。{body}名称相近的指标：{similar}", picked, sources_of(picked))


def _glossary_indicators(question: str, pool: list[dict[str, object]]) -> list[dict[str, object]]:
    """The indicators an English question names by meaning: most glossary fragments in the name, at least two."""
    fragments = described_indicator_words(question)
    scored = [(described_score(question, str(r.get("indicator") or ""), fragments), r) for r in pool]
    top = max((sc for sc, _ in scored), default=0)
    if top < 2:
        # (q21) "the satisfaction rate of the training project", "how satisfied were the trainees": one word names the
        # indicator (满意度), the other its project (职工技能培训经费); read with the project's name only when the
        # indicator's own name does not suffice
        scored = [(described_score(question, f"{r.get('indicator') or ''} {r.get('projectLabel') or ''}", fragments), r) for r in pool]
        top = max((sc for sc, _ in scored), default=0)
    return [r for sc, r in scored if sc == top] if top >= 2 else []


# ---------------------------------------------------------------- evaluations
def _indicator_scores(ctx: Context, picked: list[dict[str, object]] | None = None) -> Outcome | None:
    """The score an indicator named in the question (or ``picked``) got, against its weight ("预算执行情况得了几分")."""
    rows = picked if picked is not None else [_indicator_row(r) for r in _indicators(ctx) if r.get("fact") in ctx.links.indicators and r.get("score") is not None]
    if not rows:
        return None
    lines = [ctx.say(f"{r.get('orgLabel')} {r.get('year', '')}「{r['indicator']}」得分 {number(r['score'])}" + (f"（分值 {number(r['weight'])}）" if r.get("weight") is not None else ""),
                     f"{r.get('orgLabel')} {r.get('year', '')} '{r['indicator']}': scored {number(r['score'])}" + (f" of {number(r['weight'])}" if r.get("weight") is not None else ""))
             for r in rows]
    return Outcome(True, join(lines, ctx.lang), rows, sources_of(rows))


def _asks_whole_evaluation(question: str, item_rows: list[dict[str, object]]) -> bool:
    """Whether the question asks for the evaluation as a whole although it linked items (none named as printed)."""
    return bool(WHOLE_EVALUATION_WORDS.search(question)) and not any(str(r.get("indicator") or "\0") in question for r in item_rows)


def _translated_indicator_scores(ctx: Context) -> Outcome | None:
    """The scores of the items an English question names by meaning ("points for budget execution" -> 预算执行情况)."""
    patterns = [zh for en, zh in INDICATOR_TRANSLATIONS if en.search(ctx.q.text)]
    if not patterns or WHOLE_EVALUATION_WORDS.search(ctx.q.text):
        return None
    rows = [r for r in _indicators(ctx) if r.get("score") is not None and any(p.search(str(r.get("indicator") or "")) for p in patterns)]
    if not rows:
        return None
    # "the model worker satisfaction indicator": of the satisfaction items, those the question's other words name (劳模)
    fragments = {zh for en, zh in INDICATOR_GLOSSARY if en.search(ctx.q.text)}
    narrowed = [r for r in rows if any(f in str(r.get("indicator") or "") and not any(p.search(f) for p in patterns) for f in fragments)]
    return _indicator_scores(ctx, narrowed or rows)


def _evaluation_subject(r: dict[str, object]) -> str:
    """What an evaluation rates: its project, else the body's whole spending."""
    return str(r.get("subjectLabel") or r.get("orgLabel") or _short(r.get("subject")))


def _each_evaluation(ctx: Context, rows: list[dict[str, object]]) -> Outcome:
    """Every evaluation's score and grade, highest first, with whose evaluations they are."""
    ranked = sorted(rows, key=lambda r: -float(r["score"]))  # type: ignore[arg-type]
    def grade(r: dict[str, object]) -> str:  # printed, else by the usual bands (and said so)
        if r.get("grade"):
            return ctx.say(f"，等级{r['grade']}", f", grade {r['grade']} ({GRADE_EN.get(str(r['grade']), '')})")
        g = grade_for(float(r["score"]))  # type: ignore[arg-type]
        return ctx.say(f"（未印等级，按常用分档为{g}）", f" (no grade printed; {g}, {GRADE_EN.get(g, '')}, by the usual bands)")
    lines = [ctx.say(f"{_evaluation_subject(r)} {number(r['score'])} 分", f"{_evaluation_subject(r)} {number(r['score'])}") + grade(r) for r in ranked]
    head = ctx.say(f"{_bodies_and_years(ranked)} 共 {len(ranked)} 个项目自评得分：", f"{_bodies_and_years(ranked)}: {counted(len(ranked), 'project evaluation score')}: ")
    return Outcome(True, head + join(lines, ctx.lang), ranked, sources_of(ranked))


def evaluation_score(ctx: Context) -> Outcome:
    if ctx.links.indicators and not ctx.links.projects:
        scored = _indicator_scores(ctx)
        if scored is not None and not _asks_whole_evaluation(ctx.q.text, scored.rows):
            return scored
    unmatched = ""
    if not ctx.links.indicators:
        translated = _translated_indicator_scores(ctx)
        if translated is not None:
            return translated
        if any(en.search(ctx.q.text) for en, _zh in INDICATOR_TRANSLATIONS) and not WHOLE_EVALUATION_WORDS.search(ctx.q.text):
            # an item asked by meaning that the evaluation does not score: say so before its total
            unmatched = ctx.say("评价中没有与所问项目对应的指标得分。", "The evaluation scores no item matching what was asked. ")
            if any(en.search(ctx.q.text) and zh.search("预算执行") for en, zh in INDICATOR_TRANSLATIONS):
                # budget execution asked: the execution rates the documents state for the projects
                rated = [r for r in _projects(ctx) if r.get("rate") is not None]
                if rated:
                    unmatched += ctx.say("文件所述执行率：", "Stated execution rates: ") + join([f"{r['label']} {number(r['rate'])}%" for r in rated], ctx.lang) + ctx.say("。", ". ")
            unmatched += ctx.say("评价总分：", "Total score of the evaluation: ")
    rows = _in_years(_rows_for_orgs(ctx, "qa_evaluations"), ctx.links.years)
    asked = _asked_projects(ctx)
    if not asked and ctx.lang == "en" and rows:  # "the Deyang skills subsidy project": the projects its words name
        described = _of_projects_described(ctx, rows, label="subjectLabel", key="subject")
        if len({r.get("subject") for r in described}) < len({r.get("subject") for r in rows}):
            asked = [str(r["subject"]) for r in described if r.get("subject")]
    if asked:
        rows = [r for r in rows if r.get("subject") in asked] or rows
    graded = [_clean(r) for r in rows if r.get("grade")]
    rows = [_clean(r) for r in rows if isinstance(r.get("score"), (int, float))]
    if not rows and graded:  # a grade stated without a score ("自评完成情况“优秀”")
        lines = [f"{r.get('subjectLabel') or r.get('orgLabel')} {r.get('year', '')}：评价等级{r['grade']}（文件未给出分数）" if ctx.lang == "zh"
                 else f"{r.get('subjectLabel') or r.get('orgLabel')} {r.get('year', '')}: grade {r['grade']} ({GRADE_EN.get(str(r['grade']), '')}); the document gives no score" for r in graded]
        return Outcome(True, join(lines, ctx.lang), graded, sources_of(graded))
    if not rows:
        return Outcome(False, ctx.say("知识图谱中没有该单位/年份的评价得分。", "The graph has no evaluation score for this body/year.")
                       + _what_bodies_hold(ctx, "qa_evaluations", ("评价得分", "evaluation scores")))
    if FACT_QUESTION_SHAPES["body_score_ranking"].search(ctx.q.text):  # "哪个单位自评得分最高"
        return _bodies_by_score(ctx, rows)
    if score_threshold_asked(ctx.q.text) is not None:  # (q25) "自评得分是否达到90分": yes or no first, score and threshold
        picked = scores_asked(rows, bool(asked) or bool(PROJECT_WORDS[ctx.lang].search(ctx.q.text)))
        verdict = score_verdict(ctx.q.text, ctx.lang, picked)
        if verdict is not None:
            return Outcome(True, verdict.strip(), picked, sources_of(picked))
    threshold = asked_score_threshold(ctx.q.text)
    if threshold is not None:  # "得分低于90分的项目", "有几个项目不及格": the evaluations on the asked side of it
        return _evaluations_by_threshold(ctx, rows, threshold)
    project_rows = [r for r in rows if r.get("subject") and r.get("subject") != r.get("org")]
    whole_rows = [r for r in rows if r.get("subject") == r.get("org")]
    # "2022年和2023年自评得分分别是多少" with no project word: the whole-department evaluations of each year
    each_whole = len(whole_rows) > 1 and not asked and not PROJECT_WORDS[ctx.lang].search(ctx.q.text)
    if QUESTION_SHAPES["each"].search(ctx.q.text) and not AVERAGE_WORDS.search(ctx.q.text) and len(project_rows) > 1 and not each_whole:
        return _each_evaluation(ctx, project_rows)  # "各项目自评得分分别是多少": every score, not their average
    if AVERAGE_WORDS.search(ctx.q.text) or (len(project_rows) > 1 and re.search(r"项目|projects", ctx.q.text) and not _one_subject_over_years(project_rows)):
        stated = [r for r in rows if r.get("subject") == r.get("org")]
        project_count = len(_projects(ctx))
        if stated and len(project_rows) < project_count:
            # only some project evaluations were extracted: the document's own overall figure is the answer
            r = stated[0]
            grade = str(r.get("grade") or grade_for(float(r["score"])))  # type: ignore[arg-type]
            return Outcome(True, ctx.say(f"{r.get('orgLabel')} {r.get('year')} 年项目自评（文件所述）平均得分 {number(r['score'])} 分，等级为{grade}。",
                                         f"{r.get('orgLabel')} {r.get('year')}: the document states an average self-evaluation score of {number(r['score'])}, grade {grade} ({GRADE_EN.get(grade, '')})."),
                           stated + project_rows, sources_of(stated))
        pool = project_rows or rows
        avg = sum(float(r["score"]) for r in pool) / len(pool)  # type: ignore[arg-type]
        avg2 = f"{avg:.2f}"
        grade = grade_for(round(avg, 2))
        # whose evaluations, and each score the average is computed from (no document prints this average)
        owners = _bodies_and_years(pool)
        each = join([f"{_evaluation_subject(r)} {number(r['score'])}" for r in pool], ctx.lang)
        return Outcome(True, ctx.say(f"{owners} {len(pool)} 个评价的平均得分为 {avg2} 分，等级为{grade}（按图中各评价得分计算：{each}）。",
                                     f"{owners}: the average score of {counted(len(pool), 'evaluation')} is {avg2}, grade {grade} ({GRADE_EN[grade]}) (computed from the graph's scores: {each})."),
                       [{"average": float(avg2), "grade": grade, "count": len(pool)}] + pool, sources_of(pool))
    dept = [r for r in rows if r.get("subject") == r.get("org")] or rows

    def kind(r: dict[str, object]) -> str:  # who evaluated: the body itself, its department, a third party
        names = EVALUATION_TYPE.get(_short(r.get("type"))) if r.get("type") else None
        return "" if names is None else (f"（{names[0]}）" if ctx.lang == "zh" else f" ({names[1]})")

    def subject(r: dict[str, object]) -> str:  # a project's evaluation names its body too
        label, body = r.get("subjectLabel") or r.get("orgLabel"), r.get("orgLabel")
        return f"{body} {label}" if body and label != body else str(label)

    def no_grade(r: dict[str, object]) -> str:  # the grade asked but not printed: say so, with the usual band
        if r.get("grade") or not GRADE_ASKED.search(ctx.q.text):
            return ""
        band = grade_for(float(r["score"]))  # type: ignore[arg-type]
        return ctx.say(f"（文件未给出等级；按常用分档为{band}）", f" (the document prints no grade; by the usual bands it is {band}, {GRADE_EN.get(band, '')})")

    def verdict(r: dict[str, object]) -> str:  # "是不是优" / "was it graded excellent?": yes or no before the figures
        wanted = asked_grade(ctx.q.text)
        if wanted is None or not YES_NO.search(ctx.q.text):
            return ""
        grade = str(r.get("grade") or grade_for(float(r["score"])))  # type: ignore[arg-type]
        return ctx.say("是的，" if grade == wanted else "不是，", "Yes: " if grade == wanted else "No: ")

    lines = [
        verdict(r) +
        (f"{subject(r)} {r.get('year', '')}{kind(r)}：{number(r['score'])} 分" + (f"，等级{r['grade']}" if r.get("grade") else "") + no_grade(r))
        if ctx.lang == "zh" else
        verdict(r) +
        (f"{subject(r)} {r.get('year', '')}{kind(r)}: {number(r['score'])}" + (f", grade {r['grade']} ({GRADE_EN.get(str(r['grade']), '')})" if r.get("grade") else "") + no_grade(r))
        for r in dept
    ]
    return Outcome(True, unmatched + join(lines, ctx.lang) + _score_change(ctx, dept) + _points_lost(ctx, dept), dept, sources_of(dept))


# (q8) The points an evaluation lost asked ("自评扣了多少分", "how many points did it lose"): 100 minus its score.
EVALUATION_POINTS_LOST = re.compile(r"扣(?:了)?(?:多少|几)分|失(?:了)?(?:多少|几)分|丢(?:了)?(?:多少|几)分|差(?:了)?(?:多少|几)分(?:满分)?|\bhow many points\b.{0,40}\blo(?:se|st)\b")
FULL_SCORE = Decimal(100)  # the scale of the genre's evaluations


def _points_lost(ctx: Context, rows: list[dict[str, object]]) -> str:
    if not EVALUATION_POINTS_LOST.search(ctx.q.text) or len(rows) != 1:
        return ""
    lost = FULL_SCORE - Decimal(str(rows[0]["score"]))
    return ctx.say(f"；满分 {number(FULL_SCORE)} 分，扣 {number(lost)} 分（按图中得分计算）", f"; {number(lost)} points short of {number(FULL_SCORE)} (computed from the graph's score)")


def _bodies_by_score(ctx: Context, rows: list[dict[str, object]]) -> Outcome:
    """"哪个单位自评得分最高": the bodies' own (whole-department) evaluations ranked by score, each body's latest
    asked year once, the top and bottom said first; projects' evaluations are not bodies' scores."""
    whole = [r for r in rows if r.get("subject") == r.get("org")]
    latest: dict[object, dict[str, object]] = {}
    for r in sorted(whole, key=lambda r: int(str(r.get("year") or 0))):
        latest[r.get("org")] = r
    ranked = sorted(latest.values(), key=lambda r: -float(str(r["score"])))
    if not ranked:
        return Outcome(False, ctx.say("知识图谱中没有单位整体支出的评价得分。", "The graph holds no whole-department evaluation score."))
    low = bool(re.search(r"最低|更低|最差|\blowest\b|\bworst\b", ctx.q.text))
    pick = ranked[-1] if low else ranked[0]
    lines = [ctx.say(f"{r.get('orgLabel')} {r.get('year')} 年 {number(r['score'])} 分" + (f"（{r['grade']}）" if r.get("grade") else ""),
                     f"{r.get('orgLabel')} {r.get('year')}: {number(r['score'])}" + (f" ({r['grade']}, {GRADE_EN.get(str(r['grade']), '')})" if r.get("grade") else "")) for r in ranked]
    head = ctx.say(f"按单位整体支出自评得分（{len(ranked)} 个单位，各取所问年份中最近一年），{'最低' if low else '最高'}的是{pick.get('orgLabel')}（{pick.get('year')} 年 {number(pick['score'])} 分）。排序：",
                   f"By whole-department evaluation score ({counted(len(ranked), 'body')}, each body's latest year asked), the {'lowest' if low else 'highest'} is {pick.get('orgLabel')} ({pick.get('year')}: {number(pick['score'])}). Ranked: ")
    return Outcome(True, head + join(lines, ctx.lang), ranked, sources_of(ranked))


# (q8) A score threshold asked: below it (低于 / 不到 / 以下 / below: strictly under), above it (高于 / 超过 / above:
# strictly over; 以上: at least, as the usual grade bands read "90分以上"), or failed: under the pass mark.
SCORE_BELOW = re.compile(r"(?:低于|不到|小于|少于|不足)\s*(\d+(?:\.\d+)?)\s*分|(\d+(?:\.\d+)?)\s*分以下|\b(?:below|under|less than|lower than) (\d+(?:\.\d+)?) (?:points|marks)\b"
                         r"|\bscored? (?:below|under|less than|lower than) (\d+(?:\.\d+)?)\b")
SCORE_ABOVE = re.compile(r"(?:高于|大于|超过)\s*(\d+(?:\.\d+)?)\s*分|\b(?:above|over|more than|higher than) (\d+(?:\.\d+)?) (?:points|marks)\b"
                         r"|\bscored? (?:above|over|more than|higher than) (\d+(?:\.\d+)?)\b")
SCORE_AT_LEAST = re.compile(r"(\d+(?:\.\d+)?)\s*分以上")
FAILED_EVALUATION = re.compile(r"不及格|没(?:有)?及格|未及格|\bfail(?:ed|s)? (?:its |the |their )?(?:evaluations?|assessments?)\b"
                               r"|\bprojects?\b.{0,20}\bfail(?:ed|s)?\b(?! to)|\bfail(?:ed|ing)? projects?\b")
PASS_MARK = Decimal(60)  # the usual bands: 差 below 60
REASONS_ASKED = re.compile(r"为什么|为何|为啥|原因|偏差|\bwhy\b|\breasons?\b")


@dataclass(frozen=True, slots=True)
class ScoreThreshold:
    side: str  # "below" | "above" | "at_least"
    value: Decimal

    def holds(self, score: Decimal) -> bool:
        return score < self.value if self.side == "below" else score > self.value if self.side == "above" else score >= self.value

    def said(self, lang: str) -> str:
        zh = {"below": "低于", "above": "高于", "at_least": "不低于"}[self.side]
        en = {"below": "below", "above": "above", "at_least": "at least"}[self.side]
        return f"得分{zh} {number(self.value)} 分" if lang == "zh" else f"scored {en} {number(self.value)}"


def asked_score_threshold(text: str) -> ScoreThreshold | None:
    """The threshold a question puts on evaluation scores ("低于90分", "90分以上", "不及格" = below 60), if any."""
    for pattern, side in ((SCORE_BELOW, "below"), (SCORE_ABOVE, "above"), (SCORE_AT_LEAST, "at_least")):
        m = pattern.search(text)
        if m:
            return ScoreThreshold(side, Decimal(next(g for g in m.groups() if g)))
    return ScoreThreshold("below", PASS_MARK) if FAILED_EVALUATION.search(text) else None


def _evaluations_by_threshold(ctx: Context, rows: list[dict[str, object]], threshold: ScoreThreshold) -> Outcome:
    """The evaluations (projects' when projects are asked) on the asked side of a score threshold, each with its
    score and grade, the others counted after them; asked why, the missed indicators of each with their reasons."""
    projects_only = [r for r in rows if r.get("subject") and r.get("subject") != r.get("org")]
    pool = projects_only if PROJECT_WORDS[ctx.lang].search(ctx.q.text) and projects_only else rows
    hits = [r for r in pool if threshold.holds(Decimal(str(r["score"])))]
    others = [r for r in pool if r not in hits]

    def line(r: dict[str, object]) -> str:
        grade = str(r.get("grade") or grade_for(float(r["score"])))  # type: ignore[arg-type]
        printed = "" if r.get("grade") else ctx.say("（未印等级，按常用分档）", " (no grade printed; by the usual bands)")
        return ctx.say(f"{r.get('orgLabel')} {r.get('year')}「{_evaluation_subject(r) if r.get('subject') != r.get('org') else '整体支出'}」{number(r['score'])} 分，等级{grade}{printed}",
                       f"{r.get('orgLabel')} {r.get('year')} [{_evaluation_subject(r) if r.get('subject') != r.get('org') else 'whole department'}] {number(r['score'])}, grade {grade} ({GRADE_EN.get(grade, '')}){printed}")

    said_zh, said_en = threshold.said("zh"), threshold.said("en")
    what_zh, what_en = ("项目", "project evaluation") if pool is projects_only else ("评价", "evaluation")
    head = ctx.say(f"{_bodies_and_years(pool)} 共 {len(pool)} 个{what_zh}有自评得分，{said_zh}的有 {len(hits)} 个",
                   f"{_bodies_and_years(pool)}: {counted(len(pool), what_en)} scored, {len(hits)} {said_en}")
    answer = head + (ctx.say("：", ": ") + join([line(r) for r in hits], ctx.lang) if hits else "")
    if others:
        answer += ctx.say("。其余：", ". The others: ") + join([line(r) for r in others], ctx.lang)
    shown = list(hits)
    if hits and REASONS_ASKED.search(ctx.q.text):
        missed = _missed_indicators(ctx)
        for r in hits:
            own = [m for m in missed if m.get("year") == r.get("year") and m.get("org") == r.get("org")
                   and (m.get("project") == r.get("subject") if r.get("subject") != r.get("org") else not m.get("project"))]
            if own:
                reasons = join([f"{m['indicator']}：" + (str(m["reason"]) if m.get("reason") else ctx.say("文件未说明原因", "no reason stated"))
                                if ctx.lang == "zh" else f"{m['indicator']}: {m.get('reason') or 'no reason stated'}" for m in own], ctx.lang)
                answer += ctx.say(f"。「{_evaluation_subject(r) if r.get('subject') != r.get('org') else '整体支出'}」未完成的指标及偏差原因：{reasons}",
                                  f". Missed indicators of [{_evaluation_subject(r) if r.get('subject') != r.get('org') else 'whole department'}] and stated reasons: {reasons}")
                shown += own
    return Outcome(bool(pool), answer, shown or pool, sources_of(shown or pool))


def _one_subject_over_years(rows: list[dict[str, object]]) -> bool:
    """Whether evaluation rows are one project's (or one body's) in two or more years: a comparison over years
    (a project is one node per year: the same body and printed name is the same project)."""
    return len({(r.get("org"), r.get("subjectLabel") or r.get("subject")) for r in rows}) == 1 and len({r.get("year") for r in rows}) > 1


def _score_change(ctx: Context, rows: list[dict[str, object]]) -> str:
    """One evaluation subject scored in two years (asked to compare, or two years asked): the later score minus
    the earlier one, computed and said to be."""
    if not _one_subject_over_years(rows) or not (FACT_QUESTION_SHAPES["score_over_years"].search(ctx.q.text) or len(ctx.links.years) > 1):
        return ""
    by_year = sorted(rows, key=lambda r: int(str(r.get("year"))))
    early, late = by_year[0], by_year[-1]
    gap = Decimal(str(late["score"])) - Decimal(str(early["score"]))
    signed = f"{'+' if gap > 0 else ''}{number(gap)}"
    return ctx.say(f"；{late.get('year')} 年比 {early.get('year')} 年{'高' if gap > 0 else '低' if gap < 0 else '持平'} {number(abs(gap))} 分（{signed}，按图中得分计算）",
                   f"; {late.get('year')} against {early.get('year')}: {signed} points (computed from the graph's scores)")


def _what_bodies_hold(ctx: Context, template: str, what: tuple[str, str]) -> str:
    """After "no X for this body/year": the bodies and years that do have X (the named query run over the whole
    graph), so the reader knows what can be asked; the asked body is named first with the years it holds."""
    named = ""
    for org in ctx.links.orgs:
        entry = ctx.catalog.orgs.get(org)
        if entry is not None:
            held = sorted(entry.published_years or entry.years)
            named += ctx.say(f"（所问：{entry.label}，图中有其 {'、'.join(map(str, held))} 年的文件）" if held else f"（所问：{entry.label}）",
                             f" (asked: {entry.label}, whose documents of {years_text(held)} the graph holds)" if held else f" (asked: {entry.label})")
    holders: dict[str, set[str]] = {}
    for r in ctx.run(template):
        if r.get("org") not in ctx.links.orgs:
            holders.setdefault(str(r.get("orgLabel") or ctx.label(r.get("org"))), set()).add(str(r.get("year") or ""))
    if not holders:
        return named
    listed_zh = "、".join(f"{b}（{'、'.join(sorted(y for y in ys if y))}）" for b, ys in sorted(holders.items())[:8])
    listed_en = "; ".join(f"{b} ({', '.join(sorted(y for y in ys if y))})" for b, ys in sorted(holders.items())[:8])
    more = ctx.say(f"等 {len(holders)} 个单位", f" and others ({len(holders)} bodies)") if len(holders) > 8 else ""
    return named + ctx.say(f"图中有{what[0]}的：{listed_zh}{more}。", f" The graph holds {what[1]} of: {listed_en}{more}.")


# ---------------------------------------------------------------- amounts
def amount_concept(text: str) -> str | None:
    return next((name for name, asked in AMOUNT_ITEM_WORDS.items() if asked.search(text)), None)


def wanted_phases(text: str) -> set[str]:
    """The budget phases a question names. "调整预算" / "adjusted budget" asks the adjusted phase
    alone: the budget phase only when the question names a budget besides ("调整预算比年初预算…")."""
    phases = {phase for phase, pattern in PHASE_WORDS.items() if pattern.search(text)}
    if "adjusted" in phases and not PHASE_WORDS["budget"].search(PHASE_WORDS["adjusted"].sub("", text)):
        phases.discard("budget")
    return phases


# Phases in the order a question that names none is answered from (what was spent, before what was planned).
PHASE_PREFERENCE: tuple[str, ...] = ("final", "adjusted", "budget")
OWN_LEVEL_WORDS = re.compile(r"本级|机关本级|own level|headquarters")
DEPARTMENT_WORDS = re.compile(r"及(?:其)?(?:直属|下属|所属)|部门合计|全部门|含下属")
DIRECTION_WORDS = {"revenue": re.compile(r"收入|income|revenue"), "expenditure": re.compile(r"支出|花了|花费|开支|spen[dt]|expenditure|expenses")}


def asked_direction(text: str) -> str | None:
    hits = [d for d, pattern in DIRECTION_WORDS.items() if pattern.search(text)]
    return hits[0] if len(hits) == 1 else None


def _phase(r: dict[str, object]) -> str | None:
    return PHASE_BY_CODE.get(_short(r.get("phase"))) if r.get("phase") else None


def _other_phases_of_concept(rows: list[dict[str, object]], named: list[dict[str, object]], concept: str | None) -> list[dict[str, object]]:
    """(q23) The rows of a concept printed under several names (items.CONCEPTS_PRINTED_UNDER_SEVERAL_NAMES) in a phase
    and direction the ``named`` rows lack, not another concept's categorised line; [] for other concepts."""
    if concept not in CONCEPTS_PRINTED_UNDER_SEVERAL_NAMES:
        return []
    phases, directions = {_phase(r) for r in named}, {r.get("direction") for r in named}
    return [r for r in rows if r not in named and _phase(r) not in phases and r.get("direction") in directions and in_concept(r, concept)]


def _matching_amounts(ctx: Context, rows: list[dict[str, object]], concept: str | None, named_only: bool = False,
                      names_other: bool = False, concept_only: bool = False) -> list[dict[str, object]]:
    """Rows of the line asked: by code, by printed name, else by concept.

    ``named_only``: the question names a line the body prints in some year, so rows of a year
    that lacks that line answer nothing (never a total or another line instead).
    ``names_other``: the question names something no line of the body is (医疗救助, "retirees"),
    so a generic total does not answer it.
    ``concept_only``: by the concept's lines only (one of several items a question names).
    """
    if concept_only:
        return [r for r in rows if concept and in_concept(r, concept)]
    if ctx.links.codes:
        coded = [r for r in rows if r.get("code") in ctx.links.codes]
        if coded:
            return coded
        by_name = _rows_by_code_name(ctx, rows)
        if by_name:
            return by_name
    text = asked_item_text(ctx.item_topic)
    inside = _inside_total(ctx, rows)
    if inside:  # "财政拨款支出中行政运行", "B under A": the line inside, not the total it sits in
        # "某某事务中的住房公积金" of a body printing it under another class: no such line
        return [] if _other_line_asked(ctx, rows, inside, text) else inside
    # the exact printed line named (其他收入, not 本年收入合计), else one of its other names (财政拨款收入 ~ 一般公共预算拨款收入)
    named = named_rows(rows, text) or named_rows(rows, with_synonyms(text))
    if concept is not None and named and all(of_other_kind(r, concept) for r in named):
        # (q23) "财政拨款" named only within a categorised line's name ("机关运行经费财政拨款"): its other names instead
        named = [r for r in named_rows(rows, with_synonyms(text)) if not of_other_kind(r, concept)] or [r for r in rows if in_concept(r, concept)]
        if named:
            return named
    line_fund = _line_with_fund(rows, named, text)
    if line_fund:  # (q18) "行政运行财政拨款预算": the line's figure of that fund, never the fund's total (财政拨款收入)
        return [] if _other_line_asked(ctx, rows, line_fund, text) else line_fund
    if named and concept is not None and not OWN_LEVEL_WORDS.search(ctx.q.text) and all(r.get("scope") != "department" for r in named):
        # the body asked, not its own level: a line only the own level's section prints by this name ("财政拨款" under
        # 本级) gives way to the department's line of the concept ("一般公共预算拨款收入" of the whole department)
        # (a line of another kind is none of it: "机关运行经费财政拨款" is running costs, not the appropriation)
        own_category = AMOUNT_ITEM_CATEGORIES.get(concept)
        other_names = {n for group in ITEM_SYNONYMS if any(amount_concept(n) == concept for n in group) for n in group}  # 一般公共预算拨款收入
        department = [r for r in rows if r.get("scope") == "department" and (in_concept(r, concept) or item_core(r.get("item")) in other_names)
                      and (not r.get("category") or (own_category is not None and str(r["category"]).endswith(own_category)))]
        named = department or named
    if named and not _other_line_asked(ctx, rows, named, text):
        # (q23) and the concept's line of a phase the named rows lack, under its other name (the final account prints
        # 财政拨款收入, the year's budget 一般公共预算拨款收入): the phase asked is picked from both
        return named + _other_phases_of_concept(rows, named, concept)
    if named:
        return []  # "其他群众团体事务支出" of a body printing only 群众团体事务; 行政运行 of a class it does not print
    if concept in CONCEPTS_PRINTED_UNDER_SEVERAL_NAMES and (named_only or STANDARD_LINE_ITEMS.search(text)):
        # (q23) "财政拨款" printed one year, "一般公共预算拨款收入" the next: the line of that year under its other name
        return [r for r in rows if in_concept(r, concept)]
    if named_only or STANDARD_LINE_ITEMS.search(text):
        return []  # a standard line the body does not print: no figure, never the total instead
    if concept is None or (names_other and concept in GENERIC_TOTAL_CONCEPTS):
        return []
    hits = [r for r in rows if in_concept(r, concept)] or [r for r in rows if in_concept_parts(r, concept)]  # (q21) 公务用车运行维护费 only
    if not hits and concept in AMOUNT_ITEM_FALLBACK:
        hits = [r for r in rows if AMOUNT_ITEM_FALLBACK[concept].search(item_core(r.get("item")))]
    direction = {"income_total": "revenue", "expenditure_total": "expenditure"}.get(concept)
    if direction:
        hits = [r for r in hits if not r.get("direction") or _short(r["direction"]) == direction] or hits
    return hits


def _line_with_fund(rows: list[dict[str, object]], named: list[dict[str, object]], text: str) -> list[dict[str, object]]:
    """The rows of a classification line a question names with a fund or a column ("行政运行财政拨款预算": the
    line's figure, of that fund or column when printed so), when the rows it names (``named``) are another line
    the fund's word names too (财政拨款收入); [] otherwise."""
    line = FUNCTIONAL_LINE_NAMES.search(text)
    if line is None or not named or any(line.group(0) in str(r.get("item") or "") for r in named):
        return []
    lines = [r for r in rows if line.group(0) in str(r.get("item") or "")]
    if not lines:
        return []
    of_fund = [r for r in lines if any(str(r.get(k) or "-") in text for k in ("fundSource", "column"))]
    return of_fund or lines


def _rows_by_code_name(ctx: Context, rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """Rows of a code asked that the body prints without it, by the code's official name and class ("2012901":
    行政运行 of 群众团体事务, printed "行政运行（群众团体事务）"); a row of another class never answers."""
    names = ctx.catalog.code_names(lambda: ctx.run("qa_code_names", dedupe=False))
    code_names = code_names_of(rows)
    out: list[dict[str, object]] = []
    for code in ctx.links.codes:
        name, cls = names.get(code, ("", ""))
        if not name:
            continue
        for r in named_rows(rows, name, context=cls):
            classes = line_classes(r, code_names)
            if bare_line(r) == name and (not classes or not cls or cls in classes):
                out.append(r)
    return out


def _inside_total(ctx: Context, rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """Rows of the line a question asks inside a total ("A中B", "A里的B", "B in A"): the lines the inner part
    names, the outer total (or class) only picking among them; [] when the inner part names no line."""
    split = container_split(ctx.item_topic)
    if split is None:
        return []
    inner, outer = split
    return named_rows(rows, asked_item_text(inner), context=asked_item_text(outer))


def _other_line_asked(ctx: Context, rows: list[dict[str, object]], named: list[dict[str, object]], text: str) -> bool:
    """Whether the rows a question names answer another line than the one asked: a longer MoF line name holds
    the printed one (其他群众团体事务支出 ⊃ 群众团体事务) and no row prints it, or the question names a class
    (类 / 款 of the code list) that is none of the named lines' classes."""
    printed = {f for r in rows for f in item_forms(item_core(r.get("item")))}
    bare = {bare_line(r) for r in named}
    for m in FUNCTIONAL_LINE_NAMES.finditer(text):
        if m.group(0) not in printed and any(b != m.group(0) and b in m.group(0) for b in bare):
            return True
    code_names = code_names_of(rows)
    classes = [line_classes(r, code_names) for r in named]
    if not all(classes):
        return False  # a line without a known class: nothing to hold a named class against
    asked = {c for c in ctx.catalog.class_names(lambda: ctx.run("qa_class_names", dedupe=False)) if c in text and c not in bare}
    asked = {c for c in asked if not any(c != o and c in o for o in asked)}  # 文化和旅游 inside 文化和旅游支出: the longer
    return bool(asked) and not any(c in cls for c in asked for cls in classes)


def _line_class_note(ctx: Context, org: str, rows: list[dict[str, object]]) -> str:
    """Where a classification line answered sits ("（该项属「某某事务」款、「一般公共服务支出」类）"), when the
    question asks such a line (a MoF line name, a code, or "A中B") and one line answers; "" otherwise."""
    text = asked_item_text(ctx.item_topic)
    if not (FUNCTIONAL_LINE_NAMES.search(text) or ctx.links.codes or container_split(ctx.item_topic)):
        return ""
    if any(r.get("lineClass") for r in rows) or len({(bare_line(r), r.get("code")) for r in rows}) != 1:
        return ""  # several classes are each named already
    row = rows[0]
    if line_and_class(item_core(row.get("item")))[1]:  # the class is printed in the label shown
        part_of = [str(r["partOf"]) for r in ctx.run("qa_line_part_of", fact=str(row["fact"]))] if row.get("fact") else []
        column = str(row.get("column") or "")
        if part_of and column in LINE_PART_COLUMNS:  # "其中：基本支出 Y 万元" of the line: the part named by its column
            return ctx.say(f"（「{part_of[0]}」中的{column}）", f" ({LINE_PART_COLUMNS_EN[column]} of '{part_of[0]}')")
        return ctx.say(f"（列于「{part_of[0]}」的明细中）", f" (listed in the breakdown of '{part_of[0]}')") if part_of else ""
    code = str(row.get("code") or "")
    if len(code) != 7 or not isinstance(row.get("year"), int):
        return ""
    classes = line_classes(row, code_names_of(_amounts_in_years(ctx, org, [int(row["year"])])))  # type: ignore[call-overload]
    if not classes:
        return ""
    levels_zh = ("款", "类")[: len(classes)] if len(classes) == 2 else ("",)
    zh = "、".join(f"「{c}」{lv}" for c, lv in zip(classes, levels_zh))
    return ctx.say(f"（{code} 属{zh}）", f" ({code} is a line of {' within '.join(repr(c) for c in classes)})")


def _one_row_per_class(ctx: Context, ranked: list[dict[str, object]]) -> list[dict[str, object]]:
    """The best row of each class when the line answered is printed under several classes and the question
    chooses none (行政运行 of two 款): every one, each with its class; else [] (one line answers)."""
    if not ranked or len({bare_line(r) for r in ranked}) != 1:
        return []
    # the class of each row as far as the rows tell (bracketed class, else the code's 款) before any look-up
    keys = {line_and_class(item_core(r.get("item")))[1] or str(r.get("code") or "")[:5] for r in ranked}
    if len([k for k in keys if k]) < 2:
        return []
    code_names = code_names_of(ctx.run("qa_amounts", org=str(ranked[0].get("org")), year=int(ranked[0]["year"]))) \
        if isinstance(ranked[0].get("year"), int) and ranked[0].get("org") else {}
    by_class: dict[str, dict[str, object]] = {}
    for r in ranked:
        classes = line_classes(r, code_names)
        by_class.setdefault(classes[0] if classes else "", r)
    if len([c for c in by_class if c]) < 2:
        return []
    return [{**_amount_row(r), "lineClass": c} for c, r in by_class.items() if c]


def asked_qualifier_kinds(text: str) -> set[str]:
    return {kind for kind, pattern in QUALIFIER_QUESTION.items() if pattern.search(text)}


def _rank_amounts(ctx: Context, rows: list[dict[str, object]], org: str | None) -> list[dict[str, object]]:
    phases = topic_phases(ctx.q.text, ctx.context_text)  # "那调整后呢？": the phase this question names

    asks_grand_total = "总计" in ctx.topic or "grand total" in ctx.topic
    direction = asked_direction(ctx.topic)
    own_level = bool(OWN_LEVEL_WORDS.search(ctx.topic))
    asked_qualifiers = asked_qualifier_kinds(ctx.q.text)
    named_topic = asked_item_text(ctx.topic)  # (q18) with the Chinese of English line words: "basic expenditure" -> 基本支出

    def key(r: dict[str, object]) -> tuple[object, ...]:
        column = str(r.get("column") or "")
        return (
            0 if not phases or _phase(r) in phases else 1,
            # a total before a rate, a mid-year addition or a difference printed with the same label,
            # unless the question asks for that kind of figure ("年中追加了多少")
            (0 if r.get("qualifier") in asked_qualifiers else 1) if asked_qualifiers else (1 if r.get("qualifier") else 0),
            # a figure of the other direction (the income table's row for a spending question) comes last
            1 if direction and r.get("direction") and _short(r["direction"]) != direction else 0,
            # the column the question names (小学教育基本支出: the 基本支出 column of that line)
            0 if column and not PHASE_COLUMN.match(column) and column in named_topic else 1,
            # 收入总计 adds last year's carry-over to 本年收入合计: "total income" means the latter
            1 if "总计" in str(r.get("item", "")) and not asks_grand_total else 0,
            # the total column, not its basic/project or fund-source breakdown, unless the question names it
            1 if BREAKDOWN_COLUMNS.search(column) and column not in named_topic else 0,
            # the whole department's figure, unless 本级 is asked (q22: "某市总工会2022年本级收入预算多少": its own level's)
            (1 if own_level else 0) if r.get("scope") == "department" else (0 if own_level else 1),
            # "…及直属事业单位预算资金" is the whole department's figure; 本级 asks for the other one
            (1 if own_level else 0) if DEPARTMENT_WORDS.search(str(r.get("item", ""))) else (0 if own_level else 1),
            0 if r.get("org") == org else 1,
            0 if not r.get("fundSource") else 1,
            # the line printed with the very label the question names (本年支出合计: a label of generic words only)
            0 if len(item_core(r.get("item"))) >= 4 and item_core(r.get("item")) in ctx.topic else 1,
            # no phase asked, the line in several phases of one year, printed under different labels (支出总预算 in the
            # budget, 本年支出合计 in the final accounts): the final figure, then the adjusted budget, before the shorter label
            PHASE_PREFERENCE.index(_phase(r)) if _phase(r) in PHASE_PREFERENCE else len(PHASE_PREFERENCE),
            len(str(r.get("item", ""))),
            # the same label printed twice (own level and whole department): the department figure, unless 本级 is asked
            (1 if own_level else -1) * float(r.get("amount") or 0),  # type: ignore[arg-type]
        )

    ranked = sorted(rows, key=key)
    if phases:
        ranked = [r for r in ranked if _phase(r) in phases] or ranked
    return ranked


def _amounts_in_years(ctx: Context, org: str, years: list[int]) -> list[dict[str, object]]:
    """qa_amounts rows of a body in ``years`` (every year when empty), in the query's order.

    One year is bound in the query (a look-up instead of every year of the
    body: on a 1M-triple store 14 ms instead of 77-94); the year is a
    required pattern of qa_amounts, so binding it keeps the same rows.
    """
    if len(years) == 1:
        return ctx.run("qa_amounts", org=org, year=years[0])
    return _in_years(ctx.run("qa_amounts", org=org), years)


def _names_printed_line(ctx: Context, org: str) -> bool:
    """Whether the question names a line the body prints in some year (机关运行经费, "staff salaries")."""
    return ctx.catalog.names_line([org], asked_item_text(ctx.item_topic))


def _years_with_line(ctx: Context, org: str) -> list[int]:
    """The years (latest first) in which the body prints the line the question asks for."""
    rows = ctx.run("qa_amounts", org=org)
    concept, specific = amount_concept(ctx.item_topic), _names_printed_line(ctx, org)
    other = not specific and _names_something_else(ctx)
    years = sorted({int(y) for r in rows if isinstance((y := r.get("year")), int)}, reverse=True)
    return [y for y in years if _matching_amounts(ctx, [r for r in rows if r.get("year") == y], concept, named_only=specific, names_other=other)]


def _year_note(ctx: Context, shown_year: object, years: list[int]) -> str:
    """With no year named: which year answered (the latest with the line) and the other years that state it."""
    others = [y for y in years if y != shown_year]
    if not others:
        return ctx.say(f"（未指明年份：{shown_year} 年是有该项数据的最近年份。）", f" (No year named: {shown_year} is the latest year with this figure.)")
    return ctx.say(f"（未指明年份：取有该项数据的最近年份 {shown_year} 年；该项也见于 {'、'.join(str(y) for y in others)} 年。）",
                   f" (No year named: {shown_year} is the latest year with this figure; it is also stated for {', '.join(str(y) for y in others)}.)")


def _broader_lines(ctx: Context, org: str) -> list[dict[str, object]]:
    """Figures of the broader line that includes the asked one (人员经费 for 工资福利支出), in the asked years."""
    concept = amount_concept(ctx.item_topic)
    broader = BROADER_ITEM.get(concept or "")
    if broader is None:
        return []
    rows = _amounts_in_years(ctx, org, ctx.links.years)
    hits = [r for r in rows if in_concept(r, broader) and not r.get("qualifier")]
    return [_amount_row(r) for r in _rank_amounts(ctx, hits, org)[:1]]


def _class_figures(ctx: Context, rows: list[dict[str, object]], org: str) -> list[dict[str, object]]:
    """One figure per functional class (类): its own line, else the sum of its 款 lines, else of its 项 lines."""
    best: dict[str, dict[str, object]] = {}
    for code in {str(r["code"]) for r in rows}:
        best[code] = _amount_row(_rank_amounts(ctx, [r for r in rows if str(r["code"]) == code], org)[0])
    out: list[dict[str, object]] = []
    for cls in sorted({c[:3] for c in best}):
        if cls in best:
            out.append(best[cls])
            continue
        for width in (5, 7):
            parts = [r for c, r in best.items() if len(c) == width and c.startswith(cls)]
            if parts:
                total = sum(Decimal(str(r["amount"])) for r in parts)
                names = "、".join(str(r.get("item")) for r in parts)
                out.append({**parts[0], "code": cls, "item": ctx.say(f"{names}（合计）", f"{names} (sum)"), "amount": float(total),
                            "amount_wan": float(wan(total)), "parts": [r.get("code") for r in parts]})
                break
    return out


def _spending_breakdown(ctx: Context, org: str) -> Outcome | None:
    """The year's spending by functional class (类), largest first: "where did the money go"."""
    entry = ctx.catalog.orgs.get(org)
    candidates = [ctx.links.years[:1]] if ctx.links.years else [[y] for y in sorted(entry.years, reverse=True)] if entry and entry.years else []
    for years in candidates:
        year_rows = [r for r in _amounts_in_years(ctx, org, years) if not r.get("qualifier")]
        rows = [r for r in year_rows if FUNCTIONAL_CODE.match(str(r.get("code") or "")) and _short(r.get("direction")) != "revenue"]
        phase = next((p for p in PHASE_PREFERENCE if any(_phase(r) == p for r in rows)), None)
        picked = _class_figures(ctx, [r for r in rows if _phase(r) == phase], org)
        if len(picked) < 2:
            continue
        picked.sort(key=lambda r: -float(r["amount"]))  # type: ignore[arg-type]
        total = sum(Decimal(str(r["amount"])) for r in picked)
        stated = _rank_amounts(ctx, _matching_amounts(ctx, [r for r in year_rows if _phase(r) == phase], "expenditure_total"), org)
        base, tail = total, ""
        if stated and Decimal(str(stated[0]["amount"])) - total > Decimal(str(stated[0]["amount"])) / 100:
            # (q25: only a stated total above the classes' sum holds a part without a code; a smaller one, such as the
            # 项目支出 a question names, is not their total and left a negative remainder)
            # classes the graph holds without a code: shares of the stated total, and the part not broken down
            base = Decimal(str(stated[0]["amount"]))
            tail = ctx.say(f"；未按科目代码列明的支出 {wan(base - total)} 万元（「{stated[0].get('item')}」{wan(base)} 万元减去以上各类）",
                           f"; spending the graph holds without a classification code: {wan(base - total)} 万元 ('{stated[0].get('item')}' {wan(base)} 万元 less the classes above)")
        shares = [f"{Decimal(str(r['amount'])) / base * 100:.1f}%" if base else "" for r in picked]
        lines = [f"{r['code']} {r.get('item')} {wan(r['amount'])} 万元" + (ctx.say(f"（{share}）", f" ({share})") if share else "") for r, share in zip(picked, shares)]
        label = picked[0].get("orgLabel") or ctx.label(org)
        head = ctx.say(f"{label} {picked[0].get('year')} 年{PHASE_ZH.get(str(phase), '')}支出按功能分类（类），共 {wan(base)} 万元，从大到小：",
                       f"{label} {picked[0].get('year')} {phase or ''} spending by functional class, {wan(base)} 万元 in all, largest first: ")
        return Outcome(True, head + join(lines, ctx.lang) + tail, picked, sources_of(picked))
    return None


def _balance_of_a_line(ctx: Context) -> bool:
    """Whether a balance question names a line or project besides the balance ("职工书屋建设年初预算结余多少": that
    project's unspent figure), not the body's balance as a whole ("2023年结余多少")."""
    if ctx.lang != "zh":
        return bool(translated_labels(ctx.q.text))
    names = [n for o in ctx.links.orgs for n in [ctx.label(o), *ctx.catalog.written_names(o)]]
    return any(not MONEY_UNIT_WORD.fullmatch(w) for w in residual_words(BALANCE_QUESTION.sub(" ", ctx.q.text), names))


def _balance_computed(ctx: Context, org: str) -> Outcome | None:
    """"结余多少", "收支差额", "was there a surplus" with no line printing it: the income total less the spending total
    that one document prints for the year (final accounts first), said to be computed; None when no document
    prints both totals for a year asked (or for any year, none asked)."""
    if not BALANCE_QUESTION.search(ctx.q.text):
        return None
    rows = [r for r in _amounts_in_years(ctx, org, ctx.links.years) if not r.get("qualifier")]
    closing = next((g for g in ITEM_SYNONYMS if "年末结转和结余" in g), ())
    printed = [r for r in rows if item_core(r.get("item")) in closing and r.get("scope") in (None, "department")]
    if printed:  # the year-end balance a final account prints ("年末结转和结余"): that figure, not one computed
        latest = max(printed, key=lambda r: int(r["year"]) if isinstance(r.get("year"), int) else 0)
        shown = [_amount_row(latest)]
        return Outcome(True, _amount_line(shown[0], ctx.lang), shown, sources_of(shown))
    pairs: list[tuple[dict[str, object], dict[str, object]]] = []
    for doc in dict.fromkeys(str(r.get("doc")) for r in rows):
        of_doc = [r for r in rows if str(r.get("doc")) == doc and r.get("scope") in (None, "department")]
        income = _rank_amounts(ctx, _matching_amounts(ctx, of_doc, "income_total", concept_only=True), org)
        spending = _rank_amounts(ctx, _matching_amounts(ctx, of_doc, "expenditure_total", concept_only=True), org)
        if income and spending and income[0].get("year") == spending[0].get("year"):
            pairs.append((_amount_row(income[0]), _amount_row(spending[0])))
    if not pairs:
        return None
    pairs.sort(key=lambda p: (-int(p[0]["year"]) if isinstance(p[0].get("year"), int) else 0, PHASE_PREFERENCE.index(str(p[0].get("phase")))
                              if p[0].get("phase") in PHASE_PREFERENCE else len(PHASE_PREFERENCE)))
    income, spending = pairs[0]
    gap = Decimal(str(income["amount"])) - Decimal(str(spending["amount"]))
    zh = "收大于支" if gap > 0 else ("支大于收" if gap < 0 else "收支相抵")
    en = "a surplus" if gap > 0 else ("a deficit" if gap < 0 else "balanced")
    answer = ctx.say(f"文件未列出结余；{_amount_line(income, 'zh')}，{_amount_line(spending, 'zh')}，相差 {money(gap, 'zh')}（{zh}，按图中数据计算）",
                     f"No document prints a balance; {_amount_line(income, 'en')}, {_amount_line(spending, 'en')}: "
                     f"a difference of {money(gap, 'en')} ({en}, computed from the graph's figures)")
    return Outcome(True, answer, [income, spending], sources_of([income, spending]))


# At most this many printed lines are listed when the words of a question are found in several lines' names.
LINES_NAMED_BY_WORDS_SHOWN = 4


def _line_named_by_words(ctx: Context, org: str) -> Outcome | None:
    """The lines whose printed names hold every word the question asks about beyond the body, year and the frame of
    an amount ("劳模经费多少" -> 劳模慰问及疗休养经费; "the skills competition" -> 职工技能竞赛经费), in the asked
    year (else the latest year printing such a line) and one phase; None when no line, or too many, hold them."""
    if ctx.lang == "zh":
        names = [n for o in ctx.links.orgs for n in [ctx.label(o), *ctx.catalog.written_names(o)]]
        words = [w for w in residual_words(ctx.q.text, names) if not MONEY_UNIT_WORD.fullmatch(w)]
    else:
        words = [zh for pattern, zh in ENGLISH_PROJECT_WORDS if pattern.search(ctx.q.text)]
        words = [w for w in words if not any(w != other and w in other for other in words)]  # 技能竞赛, not 技能 too
    if not words:
        return None
    rows = [r for r in _amounts_in_years(ctx, org, ctx.links.years) if not r.get("qualifier")
            and all(w in item_core(r.get("item")) for w in words)]
    if not ctx.links.years and not wanted_phases(ctx.q.text) and SPENT_ASKED.search(ctx.q.text):
        rows = [r for r in rows if _phase(r) == "final"] or rows  # "帮扶资金花了多少": the latest final account
    years = sorted({int(r["year"]) for r in rows if isinstance(r.get("year"), int)}, reverse=True)
    if not years:
        return None
    rows = [r for r in rows if r.get("year") in (ctx.links.years or years[:1])]
    asked = wanted_phases(ctx.q.text)
    phases = [p for p in PHASE_PREFERENCE if (not asked or p in asked) and any(_phase(r) == p for r in rows)]
    rows = [r for r in rows if phases and _phase(r) == phases[0]]
    labels = list(dict.fromkeys(str(r.get("item")) for r in rows))
    if not labels or len(labels) > LINES_NAMED_BY_WORDS_SHOWN:
        return None
    shown = [_amount_row(next(r for r in rows if r.get("item") == label)) for label in labels]
    said = "、".join(f"「{w}」" for w in words)
    note = ctx.say(f"（按问句中的{said}匹配所列项目名称）", f" (matched by {', '.join(words)} in the printed line names)")
    return Outcome(True, join([_amount_line(r, ctx.lang) for r in shown], ctx.lang) + note, shown, sources_of(shown))


def _described_payments(ctx: Context) -> Outcome | None:
    """Payments of the asked bodies whose purpose, payee or passage shares words with the question
    (in English: the glossary's Chinese words for what the question names, "medical aid" -> 医疗救助)."""
    names = [ctx.label(o) for o in ctx.links.orgs]
    rows = [_clean(r) for r in _in_years(_rows_for_orgs(ctx, "qa_flows"), ctx.links.years) if r.get("amount") is not None]
    if ctx.lang == "zh":
        scored = [(_relevance(ctx.q.text, r.get("payeeLabel"), r.get("purpose"), r.get("quote"), ignore=names), r) for r in rows]
    else:
        words = {zh for en, zh in INDICATOR_GLOSSARY if en.search(ctx.q.text)} - {"人数", "户数", "人次"}
        text = lambda r: " ".join(str(r.get(k) or "") for k in ("payeeLabel", "purpose", "quote"))
        scored = [(2 * sum(1 for w in words if w in text(r)), r) for r in rows]
    best = max((sc for sc, _ in scored), default=0)
    if best < 2:
        return None
    shown = [r for sc, r in scored if sc == best]
    return Outcome(True, join([_flow_line(r, ctx.lang) for r in shown], ctx.lang) + _payments_total(ctx, shown), shown, sources_of(shown))


# The phase a payment is of, by the genre of the document stating it (qa_flows ?genre): a budget plans it, final
# accounts report it made.  A year's payments from both are shown apart and never added up (double counting).
FLOW_GENRE_PHASE: dict[str, tuple[str, str]] = {"budget": ("预算", "budget"), "final_accounts": ("决算", "final accounts")}


def _flow_phases(rows: list[dict[str, object]]) -> list[str]:
    """The genres of the documents stating ``rows`` that name a phase (FLOW_GENRE_PHASE), final accounts first."""
    genres = {str(r.get("genre")) for r in rows if str(r.get("genre")) in FLOW_GENRE_PHASE}
    return sorted(genres, key=lambda g: 0 if g == "final_accounts" else 1)


def _flow_phase_tag(ctx: Context, r: dict[str, object], rows: list[dict[str, object]]) -> str:
    """"（决算）" after a payment when the list mixes a budget's and a final account's payments, else ""."""
    if len(_flow_phases(rows)) < 2 or str(r.get("genre")) not in FLOW_GENRE_PHASE:
        return ""
    zh, en = FLOW_GENRE_PHASE[str(r.get("genre"))]
    return ctx.say(f"（{zh}）", f" ({en})")


def _payments_total(ctx: Context, rows: list[dict[str, object]]) -> str:
    """The total of several payments shown together (to one group of people, for one purpose); "" for one.
    Payments planned in a budget and those reported in final accounts are totalled apart (FLOW_GENRE_PHASE)."""
    years = sorted({str(r.get("year")) for r in rows if r.get("year") is not None})
    if len(years) >= 2:  # several years' payments: a total per year, never across years
        if all(sum(1 for r in rows if str(r.get("year")) == y and r.get("amount") is not None) < 2 for y in years):
            return ""  # one payment a year: each is shown, there is nothing to add up
        parts = []
        for year in years:
            of_year = [r for r in rows if str(r.get("year")) == year]
            total = _payments_total(ctx, of_year).lstrip("；;").strip()
            amounts = [Decimal(str(r["amount"])) for r in of_year if isinstance(r.get("amount"), (int, float, Decimal))]
            parts.append(ctx.say(f"{year} 年" + (total.removeprefix("合计") if total else f" {wan(sum(amounts))} 万元（{len(amounts)} 笔）"),
                                 f"{year}: " + (total.removeprefix("total").strip() if total else f"{wan(sum(amounts))} (万元) in {counted(len(amounts), 'payment')}")))
        return ctx.say(f"；合计：{'；'.join(parts)}（不同年度不相加）", f"; totals: {'; '.join(parts)} (years are not added up)")
    phases = _flow_phases(rows)
    if len(phases) >= 2:
        parts = []
        for genre in phases:
            amounts = [Decimal(str(r["amount"])) for r in rows if str(r.get("genre")) == genre and isinstance(r.get("amount"), (int, float, Decimal))]
            zh, en = FLOW_GENRE_PHASE[genre]
            parts.append(ctx.say(f"{zh} {wan(sum(amounts))} 万元（{len(amounts)} 笔）", f"{en} {wan(sum(amounts))} (万元) in {counted(len(amounts), 'payment')}"))
        return ctx.say(f"；合计：{'，'.join(parts)}（预算安排与决算支付不相加）",
                       f"; total: {', '.join(parts)} (payments planned in a budget and those reported in final accounts are not added up)")
    amounts = [Decimal(str(r["amount"])) for r in rows if isinstance(r.get("amount"), (int, float, Decimal))]
    if len(amounts) < 2:
        return ""
    return ctx.say(f"；合计 {wan(sum(amounts))} 万元（{len(amounts)} 笔）", f"; total {wan(sum(amounts))} (万元) in {len(amounts)} payments")


def _with_printed_share(ctx: Context, org: str, row: dict[str, object]) -> dict[str, object]:
    """``row`` with the share its document prints for the same figure elsewhere ("项目支出740.00万元，占支出总预算
    30.08%" beside "项目支出预算740.00万元，其中：…"): same year, phase, document, amount and line; unchanged otherwise."""
    if row.get("share") is not None or not isinstance(row.get("year"), int):
        return row
    concept = amount_concept(str(row.get("item")))
    for r in _amounts_in_years(ctx, org, [int(row["year"])]):
        if r.get("share") is not None and r.get("doc") == row.get("doc") and _phase(r) == row.get("phase") \
                and Decimal(str(r["amount"])) == Decimal(str(row["amount"])) and concept is not None and amount_concept(str(r.get("item"))) == concept:
            return {**row, "share": r["share"]}
    return row


def _computed_share(ctx: Context, org: str, row: dict[str, object]) -> str:
    """A share the documents do not print: the figure over the year's total of its direction and phase (said to be computed)."""
    concept = "income_total" if "收入" in str(row.get("item")) or row.get("direction") == "revenue" else "expenditure_total"
    year_rows = [r for r in _amounts_in_years(ctx, org, [int(row["year"])]) if _phase(r) == row.get("phase") and not r.get("qualifier")] \
        if isinstance(row.get("year"), int) else []
    totals = _rank_amounts(ctx, _matching_amounts(ctx, year_rows, concept, concept_only=True), org)
    if not totals or not float(totals[0]["amount"]) or totals[0].get("item") == row.get("item"):  # type: ignore[arg-type]
        return ""
    share = Decimal(str(row["amount"])) / Decimal(str(totals[0]["amount"])) * 100
    return ctx.say(f"，占「{totals[0].get('item')}」{wan(totals[0]['amount'])} 万元的 {share:.2f}%（按图中数据计算，文件未列明）",
                   f", {share:.2f}% of '{totals[0].get('item')}' {wan(totals[0]['amount'])} 万元 (computed from the graph's figures, not printed)")


def _share_of_named_base(ctx: Context, org: str) -> Outcome | None:
    """"人员经费占基本支出的比例": the part's figure over the named base's figure of the same year and phase
    (said to be computed); None when the question names no base line or either figure is missing."""
    m = SHARE_OF_NAMED_BASE.search(ctx.q.text) or SHARE_WITHIN_BASE.search(ctx.q.text)
    base_concept = amount_concept(m.group("base")) if m else None
    if m is None or base_concept is None or base_concept in GENERIC_TOTAL_CONCEPTS or amount_concept(m.group("part")) == base_concept:
        return None  # no base line named, or the year's total (the share printed, else computed over it, answers)
    def figure(text: str) -> list[dict[str, object]]:
        return _best_amounts(replace(ctx, q=replace(ctx.q, text=text), context_text=""), org, ctx.links.years, strict=True)[:1]
    part = figure(m.group("part"))
    base = _base_within(_printed_parent_base(ctx, org, part, base_concept), figure(_in_phase_of(m.group("base"), part)))
    if not part or not base or part[0].get("year") != base[0].get("year") or not Decimal(str(base[0]["amount"])):
        return None
    classes = _best_amounts(replace(ctx, q=replace(ctx.q, text=m.group("part")), context_text=""), org, ctx.links.years, strict=True)
    if len(classes) > 1 and all(r.get("lineClass") for r in classes):
        return _shares_of_classes(ctx, classes, base[0])  # 行政运行 of two classes: the share of each
    share = Decimal(str(part[0]["amount"])) / Decimal(str(base[0]["amount"])) * 100
    rows = part + base
    answer = ctx.say(f"{_amount_line(part[0], 'zh')}，占「{base[0].get('item')}」{money(base[0]['amount'], 'zh')}的 {share:.2f}%（按图中数据计算，文件未列明）",
                     f"{_amount_line(part[0], 'en')}, {share:.2f}% of '{base[0].get('item')}' {money(base[0]['amount'], 'en')} (computed from the graph's figures, not printed)")
    return Outcome(True, answer, rows, sources_of(rows))


def _printed_parent_base(ctx: Context, org: str, part: list[dict[str, object]], base_concept: str) -> list[dict[str, object]]:
    """The base a part is printed within, when it is a line of the base named ("一般公共预算基本支出…，其中：人员经费…"
    asked as "人员经费占基本支出的比例": the 一般公共预算基本支出 the 人员经费 is a part of, not the all-funds 基本支出
    of another sentence); [] when the part names no parent of that line in its year, phase and document."""
    if not part or not part[0].get("fact") or not isinstance(part[0].get("year"), int):
        return []
    parents = {str(r["partOf"]) for r in ctx.run("qa_line_part_of", fact=str(part[0]["fact"]))}
    parents = {p for p in parents if amount_concept(p) == base_concept}
    rows = [r for r in _amounts_in_years(ctx, org, [int(part[0]["year"])])
            if r.get("item") in parents and _phase(r) == part[0].get("phase") and r.get("doc") == part[0].get("doc")]
    return [_amount_row(rows[0])] if rows else []


def _base_within(parent: list[dict[str, object]], named: list[dict[str, object]]) -> list[dict[str, object]]:
    """The base of a share: the line the part is printed within when its figure differs from the line the question
    names (一般公共预算基本支出 640 against 基本支出 700), else the line named (the same figure either way)."""
    if parent and (not named or Decimal(str(parent[0]["amount"])) != Decimal(str(named[0]["amount"]))):
        return parent
    return named


def _year_total_row(ctx: Context, org: str, row: dict[str, object], asked: str | None = None) -> dict[str, object] | None:
    """The year's total of a figure's direction and phase (支出总计 for a spending line), the base a share
    names when it names none or names the total ("占支出总预算", "share of its spending"); ``asked``: the total the
    question names ("财政拨款占收入的比例": the income total, whatever the part's label says)."""
    concept = asked or ("income_total" if "收入" in str(row.get("item")) or row.get("direction") == "revenue" else "expenditure_total")
    if not isinstance(row.get("year"), int):
        return None
    year_rows = [r for r in _amounts_in_years(ctx, org, [int(row["year"])]) if _phase(r) == row.get("phase") and not r.get("qualifier")]
    totals = _rank_amounts(ctx, _matching_amounts(ctx, year_rows, concept, concept_only=True), org)
    if not totals or totals[0].get("item") == row.get("item"):
        return None
    return _amount_row(totals[0])


def _in_phase_of(base_text: str, part: list[dict[str, object]]) -> str:
    """The base line of a share asked in the part's phase when the question names none ("公用经费占基本支出的比例" in a
    year with a budget and final accounts: the budget's 基本支出 for the budget's 公用经费, not the final one)."""
    if not part or wanted_phases(base_text) or str(part[0].get("phase")) not in PHASE_ZH:
        return base_text
    return f"{base_text} {PHASE_ZH[str(part[0].get('phase'))]}"


def _line_figure(ctx: Context, org: str, text: str) -> list[dict[str, object]]:
    """The best figure of the line a part of the question names (strict: never a total for another line)."""
    return _best_amounts(replace(ctx, q=replace(ctx.q, text=text), context_text=""), org, ctx.links.years, strict=True)[:1]


# A year's spending by structure is 基本支出 + 项目支出: with no total held, the two together are the base of a
# share of either (said to be their sum).
STRUCTURE_PARTS: dict[str, str] = {"basic_spending": "project_spending", "project_spending": "basic_spending"}


def _share_of_structure_sum(ctx: Context, org: str, part: dict[str, object], concept: str, printed: object) -> Outcome | None:
    """"基本支出占支出总预算的比例" when the graph holds no total but holds the other line of the structure of the
    same year and phase: the share of the two lines' sum (computed, and said to be over that sum); None otherwise."""
    other = [r for r in _best_amounts(ctx, org, [int(str(part["year"]))] if part.get("year") else ctx.links.years, only_concept=STRUCTURE_PARTS[concept])[:1]
             if (r.get("year"), r.get("phase")) == (part.get("year"), part.get("phase"))]
    if not other:
        return None
    total = Decimal(str(part["amount"])) + Decimal(str(other[0]["amount"]))
    if not total:
        return None
    share = Decimal(str(part["amount"])) / total * 100
    stated_zh = f"，文件所列占比 {number(printed)}%" if printed is not None else ""
    stated_en = f"; the printed share is {number(printed)}%" if printed is not None else ""
    rows = [part, *other]
    answer = ctx.say(f"{_amount_line(part, 'zh')}{stated_zh}；图中没有同年同口径的支出合计，按「{part.get('item')}」与「{other[0].get('item')}」"
                     f"{money(other[0]['amount'], 'zh')}之和 {money(total, 'zh')}计算，占 {share:.2f}%（按图中数据计算）",
                     f"{_amount_line(part, 'en')}{stated_en}; the graph holds no total spending of that year and phase: of the sum of "
                     f"'{part.get('item')}' and '{other[0].get('item')}' {money(other[0]['amount'], 'en')}, {money(total, 'en')}, it is {share:.2f}% (computed from the graph's figures)")
    return Outcome(True, answer, rows, sources_of(rows))


def _share_of_total(ctx: Context, org: str) -> Outcome | None:
    """"基本支出占支出总预算的比例", "人员经费占基本支出的比重", "what share of its spending went to projects":
    both figures with their years, phases and sources, and the share: the printed one when the document states
    it of the total (said to be printed), else computed (said to be computed); when one of the two lines is
    missing, which one. None unless the question asks one line's share (several lines: each one's share)."""
    if not SHARE_QUESTION.search(ctx.q.text) or _asked_concepts(ctx.q.text):
        return None
    m = SHARE_OF_NAMED_BASE.search(ctx.q.text) or SHARE_WITHIN_BASE.search(ctx.q.text) \
        or next((found for pattern in SHARE_OF_NAMED_BASE_EN if (found := pattern.search(ctx.q.text))), None)
    part_text = m.group("part") if m else ctx.q.text
    base_text = m.group("base") if m else ""
    part_concept = amount_concept(part_text)
    base_concept = amount_concept(base_text) if base_text else None
    if ctx.lang == "en" and (base_concept is None or base_concept in GENERIC_TOTAL_CONCEPTS):
        # "what share of its spending went to projects": the year's total is the base, the question names the part
        part_text, base_text, base_concept = ctx.q.text, "", None
        part_concept = amount_concept(part_text)
    if part_concept is None or part_concept in GENERIC_TOTAL_CONCEPTS or part_concept == base_concept:
        return None  # the share of what is not said: the line's own answer (and its printed share) answers
    named_base = base_concept is not None and base_concept not in GENERIC_TOTAL_CONCEPTS
    part = _line_figure(ctx, org, part_text)
    asked_total = base_concept if base_concept in ("income_total", "expenditure_total") else None  # "占收入的比例"
    base = _base_within(_printed_parent_base(ctx, org, part, str(base_concept)), _line_figure(ctx, org, _in_phase_of(base_text, part))) if named_base else ([t] if part and (t := _year_total_row(ctx, org, part[0], asked_total)) else [])
    part_name = AMOUNT_ITEM_NAMES.get(part_concept, part_text)
    total_concept = asked_total or ("income_total" if "收入" in part_name else "expenditure_total")
    base_name = AMOUNT_ITEM_NAMES.get(base_concept or "", "") if named_base else AMOUNT_ITEM_NAMES[total_concept]
    when = f" {years_text(ctx.links.years)}" if ctx.links.years else ""
    if not part:
        held = ctx.say(f"；图中有{_amount_line(base[0], 'zh')}", f"; the graph holds {_amount_line(base[0], 'en')}") if base else ""
        return Outcome(False, ctx.say(f"知识图谱中没有{ctx.label(org)}{when} 年「{part_name}」的数据，无法计算其占「{base_name}」的比例{held}",
                                      f"The graph has no '{part_name}' figure of {ctx.label(org)}{when}, so its share of '{base_name}' cannot be given{held}"), base, sources_of(base))
    if base and (base[0].get("year"), base[0].get("phase")) != (part[0].get("year"), part[0].get("phase")):
        base = []  # a base of another year or phase is no base of this figure
    printed = part[0].get("share") if not named_base else None
    line = _amount_line(part[0], ctx.lang)
    if not base and not named_base and part_concept in STRUCTURE_PARTS:
        by_structure = _share_of_structure_sum(ctx, org, part[0], part_concept, printed)
        if by_structure is not None:
            return by_structure
    if not base or not Decimal(str(base[0]["amount"])):
        stated = ctx.say(f"，文件所列占比 {number(printed)}%", f"; the printed share is {number(printed)}%") if printed is not None else ""
        return Outcome(True, line + stated + ctx.say(f"；知识图谱中没有同年同口径的「{base_name}」数据，无法计算占比",
                                                         f"; the graph has no '{base_name}' figure of the same year and phase to compute the share"), part, sources_of(part))
    classes = _best_amounts(replace(ctx, q=replace(ctx.q, text=part_text), context_text=""), org, ctx.links.years, strict=True)
    if len(classes) > 1 and all(r.get("lineClass") for r in classes):
        return _shares_of_classes(ctx, classes, base[0])  # 行政运行 of two classes: the share of each
    share = Decimal(str(part[0]["amount"])) / Decimal(str(base[0]["amount"])) * 100
    # the base's year and phase are the part's (checked above): one line names both figures
    of_zh = f"，占「{base[0].get('item')}」{money(base[0]['amount'], 'zh')}的"
    of_en = f", {{share}} of '{base[0].get('item')}' {money(base[0]['amount'], 'en')}"
    if printed is not None:
        tail = ctx.say(f"{of_zh} {number(printed)}%（文件所列；按图中数据计算为 {share:.2f}%）",
                       of_en.format(share=f"{number(printed)}%") + f" (as printed; {share:.2f}% computed from the graph's figures)")
    else:
        tail = ctx.say(f"{of_zh} {share:.2f}%（按图中数据计算，文件未列明）",
                       of_en.format(share=f"{share:.2f}%") + " (computed from the graph's figures, not printed)")
    rows = part + base
    return Outcome(True, line + tail, rows, sources_of(rows))


def _shares_of_classes(ctx: Context, parts: list[dict[str, object]], base: dict[str, object]) -> Outcome:
    """The share of the base each class's line has, when the line asked is printed under several classes."""
    lines = []
    for r in parts:
        share = Decimal(str(r["amount"])) / Decimal(str(base["amount"])) * 100
        lines.append(_amount_line(r, ctx.lang) + ctx.say(f"，占「{base.get('item')}」的 {share:.2f}%", f", {share:.2f}% of '{base.get('item')}'"))
    tail = ctx.say(f"（「{base.get('item')}」{money(base['amount'], 'zh')}；按图中数据计算，文件未列明）",
                   f" ('{base.get('item')}' {money(base['amount'], 'en')}; computed from the graph's figures, not printed)")
    rows = [*parts, base]
    return Outcome(True, join(lines, ctx.lang) + tail, rows, sources_of(rows))


def _other_phase_note(ctx: Context, rows: list[dict[str, object]]) -> str:
    """"汇川区总工会2024年的决算支出是多少" when the graph holds only that year's budget: say first that no
    final figure is held and that the figure given is the budget (and the other way round)."""
    asked = wanted_phases(ctx.q.text)
    held = {_phase(r) or str(r.get("phase") or "") for r in rows}  # rows of _amount_row carry the short phase
    if len(asked) != 1 or not held or held & asked or not held <= {"budget", "final"}:
        return ""
    phase = next(iter(asked))
    zh_asked, en_asked = ("决算数", "final-account figure") if phase == "final" else ("预算数", "budget figure")
    zh_held, en_held = ("预算数", "budget figure") if phase == "final" else ("决算数", "final-account figure")
    return ctx.say(f"知识图谱中没有该项的{zh_asked}；以下是{zh_held}：", f"The graph holds no {en_asked} of this line; here is the {en_held}: ")


def _money_kind_asked(ctx: Context) -> str | None:
    """The kind of money paid to people the question names ("春节慰问金"; in English through the glossary,
    "Spring Festival condolence money" -> 慰问金), else None."""
    if ctx.lang == "zh":
        m = MONEY_PAID_TO_PEOPLE.search(asked_item_text(ctx.q.text))
        return m.group(0) if m else None
    words = [zh for en, zh in INDICATOR_GLOSSARY if en.search(ctx.q.text) and MONEY_PAID_TO_PEOPLE.fullmatch(zh)]
    return max(words, key=len) if words else None


def _rate_and_count(ctx: Context, org: str) -> Outcome | None:
    """"某市总工会春节慰问金发了多少钱" with no total printed: say so, and give what the documents do state
    for that money, the rate per person / household and the indicator counting the people, with the product
    marked as computed (never as a printed figure).  None when the graph holds neither."""
    kind = _money_kind_asked(ctx)
    if kind is None:
        return None
    core = next((m.group(0) for m in re.finditer(r"(?:慰问|补助|补贴|救助|助学|帮扶|抚恤|奖励|奖|津贴)(?:金|款|费)", kind)), kind)
    one = replace(ctx, links=replace(ctx.links, orgs=[org]))
    rates = [r for r in _amounts_in_years(ctx, org, list(ctx.links.years)) if str(r.get("qualifier") or "").startswith("rate_per")
             and (core in str(r.get("item")) or str(r.get("item")) in kind)]
    counts = [_indicator_row(r) for r in _indicators_in_asked_years(one) if core in str(r.get("indicator"))
              and re.search(r"人数|户数|人次|户次", str(r.get("indicator")))]
    if not rates and not counts:
        return None
    label, asked = ctx.label(org), f" {years_text(ctx.links.years)} 年" if ctx.links.years else ""
    parts = [_amount_line(_amount_row(r), ctx.lang) for r in rates[:2]]
    parts += [ctx.say(f"{r['indicator']}：实际 {r.get('actualText') or '-'}，目标 {r.get('targetText') or '-'}",
                      f"{r['indicator']}: actual {r.get('actualText') or '-'}, target {r.get('targetText') or '-'}") for r in counts[:2]]
    answer = ctx.say(f"文件未列出{label}{asked}「{kind}」的总额。图中有：", f"The documents print no total of '{kind}' for {label}{' in ' + years_text(ctx.links.years) if ctx.links.years else ''}. The graph holds: ")
    answer += join(parts, ctx.lang)
    if len(rates) == 1 and len(counts) == 1 and rates[0].get("qualifier") == "rate_per_person" and isinstance(counts[0].get("actual"), (int, float, Decimal)) \
            and "人" in str(counts[0].get("actualText") or ""):
        product = Decimal(str(rates[0]["amount"])) * Decimal(str(counts[0]["actual"]))
        answer += ctx.say(f"；按每人标准乘以人数推算约 {money(product, 'zh')}（推算值，文件未列明）",
                          f"; the rate per person times the number of people gives about {money(product, 'en')} (computed, not printed)")
    rows = [_amount_row(r) for r in rates] + counts
    return Outcome(False, answer + ctx.say("。", "."), rows, sources_of(rows))


def _asked_concepts(text: str) -> list[str]:
    """The specific items (AMOUNT_ITEM_WORDS concepts, not totals) a question joins with 和 / and, each named apart."""
    if not LIST_CONJUNCTION.search(text):
        return []
    kept = _named_concepts(text)
    if not kept and all(AMOUNT_ITEM_WORDS[c].search(text) for c in ("income_total", "expenditure_total")):
        return ["income_total", "expenditure_total"]  # "收入和支出分别是多少": the two totals
    return kept if len(kept) >= 2 else []


def _named_concepts(text: str) -> list[str]:
    """The specific items (AMOUNT_ITEM_WORDS concepts, not totals) a question names, in the order it names them."""
    spans: list[tuple[int, int, str]] = []
    for concept, asked in AMOUNT_ITEM_WORDS.items():
        m = asked.search(text)
        if m and concept not in GENERIC_TOTAL_CONCEPTS:
            spans.append((m.start(), m.end(), concept))
    # a word inside another item's words names that item ("三公经费中公务接待费" names two; "公务用车" inside a longer name one)
    return [c for a, b, c in sorted(spans) if not any((a2 <= a and b <= b2) and (a2, b2) != (a, b) for a2, b2, _ in spans)]


def _asked_line_name(ctx: Context) -> str:
    """The line a question asks for, as the documents name it: a standard line it names, else its concept's line."""
    text = asked_item_text(ctx.item_topic)
    standard = STANDARD_LINE_ITEMS.search(text)
    if standard:
        return standard.group(0)
    classes = FUNCTIONAL_LINE_NAMES.findall(text)  # "文化和旅游行政运行": the line with the class the question writes before it
    if classes:
        line = max(classes, key=len)
        cls = next((c for c in ctx.catalog.class_names(lambda: ctx.run("qa_class_names", dedupe=False)) if c in text and c != line), "")
        return f"{line}（{cls}）" if cls else line
    if ctx.links.codes:
        names = ctx.catalog.code_names(lambda: ctx.run("qa_code_names", dedupe=False))
        return "、".join(f"{c} {names[c][0]}" if c in names else c for c in ctx.links.codes)
    concept = amount_concept(ctx.item_topic) or ""
    zh, _en = _category_names(ctx, concept)
    return zh or AMOUNT_ITEM_NAMES.get(concept, "")  # a categorised line: named as the graph's code list names it


def _category_names(ctx: Context, concept: str) -> tuple[str, str]:
    """The (Chinese, English) names the graph's code list gives a categorised concept's line ("", "" if none)."""
    return ctx.catalog.category_labels.get(AMOUNT_ITEM_CATEGORIES.get(concept, ""), ("", ""))


def _amount_not_found(ctx: Context, org: str) -> Outcome:
    """No figure of the asked line: say so, name the years that state it and a broader line the body prints."""
    label = ctx.label(org)
    asked = f" {years_text(ctx.links.years)} 年" if ctx.links.years else ""
    what = _asked_line_name(ctx)
    _zh, english = _category_names(ctx, amount_concept(ctx.item_topic) or "")
    gloss = f" ({english})" if english and not STANDARD_LINE_ITEMS.search(asked_item_text(ctx.item_topic)) else ""
    answer = ctx.say(f"知识图谱中没有找到{label}{asked}的{'「' + what + '」' if what else '这项金额'}。",
                     f"The graph has no {'figure of ' + repr(what) + gloss if what else 'such amount'} for {label}{' in ' + years_text(ctx.links.years) if ctx.links.years else ''}.")
    unit_note = _unit_without_figures(ctx, org)
    if unit_note:  # a unit the documents name (in a table or a sentence) but give no figures of its own
        return Outcome(False, answer + unit_note[0], unit_note[1], sources_of(unit_note[1]))
    elsewhere = [y for y in _years_with_line(ctx, org) if y not in ctx.links.years] if ctx.links.years else []
    if elsewhere:
        answer += ctx.say(f"该项见于 {'、'.join(str(y) for y in elsewhere)} 年。", f" It is stated for {', '.join(str(y) for y in elsewhere)}.")
    own_projects = _projects_of_body(ctx, org) if amount_concept(ctx.item_topic) == "project_spending" and not elsewhere else []
    if own_projects:
        # "丽水市总工会2024年项目支出": no 项目支出 line, but its projects' own figures (never summed into that line)
        lines = [f"「{r['label']}」{_project_amount_text(r, ctx.lang)}" if ctx.lang == "zh" else f"'{r['label']}' {_project_amount_text(r, ctx.lang)}" for r in own_projects]
        answer += ctx.say("图中该单位的项目：", " Its projects in the graph: ") + join(lines, ctx.lang)
        return Outcome(False, answer, own_projects, sources_of(own_projects))
    project_budgets = _project_budgets_only(ctx, org) if not elsewhere or ctx.links.years else []
    if project_budgets:
        # "某县总工会2025年预算是多少" with only a project target table of 2025: the project budgets it does hold
        lines = [f"「{r['label']}」{_project_amount_text(r, ctx.lang)}" if ctx.lang == "zh" else f"'{r['label']}' {_project_amount_text(r, ctx.lang)}" for r in project_budgets]
        answer += ctx.say(f"该单位{asked}只有项目的预算：", f" For{' ' + years_text(ctx.links.years) if ctx.links.years else ''} it holds project budgets only: ") + join(lines, ctx.lang)
        return Outcome(False, answer, project_budgets, sources_of(project_budgets))
    broader = _broader_lines(ctx, org)
    if broader:
        answer += ctx.say("该单位列有包含此项的更宽口径：", " The body states a broader line that includes it: ") + _amount_line(broader[0], ctx.lang)
    elif ctx.links.years:
        held = _lines_held(ctx, org)
        if held:
            answer += ctx.say(f"该单位该年列有：{'、'.join(held)}等。", f" Lines it states that year include: {', '.join(held)}.")
    return Outcome(False, answer, broader, sources_of(broader))


HELD_LINES_SHOWN = 6  # lines named in a "not found" answer, largest first


def _project_budgets_only(ctx: Context, org: str) -> list[dict[str, object]]:
    """The budgets of the body's projects in the asked years when the question asks for a total and the
    body states no line at all those years (a 项目支出绩效目标表 alone): what the graph holds instead."""
    concept = amount_concept(ctx.item_topic)
    if (concept is not None and concept not in GENERIC_TOTAL_CONCEPTS) or not ctx.links.years:
        return []
    if _amounts_in_years(ctx, org, ctx.links.years):
        return []  # the body prints lines that year: the held lines are named instead
    return [r for r in _projects(ctx) if r.get("org") == org and r.get("budget") is not None]


def _unit_without_figures(ctx: Context, org: str) -> tuple[str, list[dict[str, object]]] | None:
    """For a subordinate unit with no figure in the graph at all: what the graph does hold about it
    (the body it belongs to and the passage naming it), else None."""
    entry = ctx.catalog.orgs.get(org)
    if entry is None or not entry.parent or _amounts_in_years(ctx, org, []):
        return None
    parent = entry.parent
    reported = [_clean(r) for r in ctx.run("qa_units", dedupe=False, org=parent) if r.get("fact") == org][:1]
    years = sorted({y for r in reported if isinstance((y := ctx.doc_years.get(str(r.get("docIri")))), int)})
    when_zh = f" {'、'.join(map(str, years))} 年文件" if years else "文件"
    when_en = f"the documents of {', '.join(map(str, years))}" if years else "the documents"
    note = ctx.say(f"图中{ctx.label(org)}是{ctx.label(parent)}的下属单位（见{when_zh}），但没有它自己的收支数字。",
                   f" The graph lists {ctx.label(org)} as a unit of {ctx.label(parent)} ({when_en}) but holds no figures of its own.")
    return note, reported


def _projects_of_body(ctx: Context, org: str) -> list[dict[str, object]]:
    """The body's projects in the asked years with a figure of their own (budget, adjusted or spent)."""
    return [r for r in _projects(ctx) if r.get("org") == org and any(r.get(k) is not None for k in ("budget", "adjusted", "final"))]


def lines_held(ctx: Context, org: str) -> list[str]:
    """(q19) :func:`_lines_held`, for the answerer's not-found of a family matched (no passage search to fall back on)."""
    return _lines_held(ctx, org)


def _lines_held(ctx: Context, org: str) -> list[str]:
    """The largest lines the body prints in the asked years (what a "not found" can offer instead)."""
    rows = [r for r in _amounts_in_years(ctx, org, ctx.links.years) if not r.get("qualifier") and r.get("amount") is not None]
    rows.sort(key=lambda r: -float(r["amount"]))  # type: ignore[arg-type]
    if FUNCTIONAL_LINE_NAMES.search(asked_item_text(ctx.item_topic)) or ctx.links.codes:
        # a classification line asked: the 项 lines the body prints (coded 7 digits, or printed with their class) first
        rows.sort(key=lambda r: 0 if len(str(r.get("code") or "")) == 7 or line_and_class(item_core(r.get("item")))[1]
                  or FUNCTIONAL_LINE_NAMES.fullmatch(bare_line(r)) else 1)
    line_asked = bool(FUNCTIONAL_LINE_NAMES.search(asked_item_text(ctx.item_topic)) or ctx.links.codes)
    code_names = code_names_of(rows) if line_asked else {}
    names: list[str] = []
    for r in rows:
        name = item_core(r.get("item"))
        classes = line_classes(r, code_names) if line_asked and len(str(r.get("code") or "")) == 7 else []
        if classes:  # a classification line asked: each line the body prints with its class (行政运行（某某事务）)
            name = f"{name}（{classes[0]}）"
        if name and unicodedata.normalize("NFKC", name) not in {unicodedata.normalize("NFKC", n) for n in names} and not GENERIC_ITEM.match(name):
            names.append(name)
    return names[:HELD_LINES_SHOWN]


def _amount_row(r: dict[str, object]) -> dict[str, object]:
    out = _clean(r)
    out["phase"] = _phase(r)
    if r.get("direction"):
        out["direction"] = _short(r["direction"])
    out["amount_wan"] = float(wan(r["amount"]))
    return out


def _names_something_else(ctx: Context) -> bool:
    """Whether the question names a thing beyond a total (医疗救助花了多少钱, "spend on retirees")."""
    if ctx.lang == "zh":
        # the body as the question writes it (a label or an alias: 某某工人文化宫, 德阳团市委) names no thing
        names = [n for o in ctx.links.orgs for n in [ctx.label(o), *ctx.catalog.written_names(o)]]
        # (q19) a body heard by the sound of its mistyped place ("锦洲妇联") is named, not a thing
        names += [m.group(0) for m in ABBREVIATED_BODY_MENTION.finditer(ctx.q.text) if ctx.catalog.heard_as_body(m.group(0)) in ctx.links.orgs]
        # a unit of money ("多少万元", "几亿元") says how the amount is asked, not what
        return any(not MONEY_UNIT_WORD.fullmatch(word) for word in residual_words(ctx.q.text, names))
    bodies = [ctx.label(o) for o in ctx.links.orgs]  # "the Qingtian staff service center": its kind names the body
    return bool(translated_labels(ctx.q.text)) or any(en.search(ctx.q.text) and not any(zh in b for b in bodies) for en, zh in INDICATOR_GLOSSARY) \
        or _spent_on_something_else(ctx.q.text)


def _spent_on_something_else(text: str) -> bool:
    """"what did X spend on the nuclear industry hardship subsidy": the money went to a thing no line
    name, amount concept or glossary word of the question covers (SPENT_ON_PHRASE)."""
    m = SPENT_ON_PHRASE.search(text)
    if m is None:
        return False
    what = m.group("what")
    # a concept named with its verb ("budgeted for projects"); a total's words ("spend") name nothing by themselves
    specific = any(p.search(m.group(0)) for c, p in AMOUNT_ITEM_WORDS.items() if c not in GENERIC_TOTAL_CONCEPTS)
    named = specific or any(p.search(what) for p, _zh in ITEM_TRANSLATIONS) \
        or any(p.search(what) for p, _zh in INDICATOR_GLOSSARY)
    return not named


class YearFigures:
    """qa_amounts_of_year rows of every federation, read once per year and grouped by body: a ranking over
    N bodies runs a query or two per year it reads instead of one qa_amounts look-up per body (and year).
    ``rows(org, years)`` holds every row qa_amounts gives for that body in those years that may answer.

    With ``line_ctx`` (the question's line, ranking words taken out) the kinds of line printed that year
    are read first (qa_amount_lines_of_year) and only the figures of the items whose line may answer are
    read: every kind that _matching_amounts keeps on its own, under any of its modes, or that carries an
    asked qualifier.  Each body's choice among its rows is made again by _best_amounts, so reading a
    superset of the lines it would keep gives the same figure (tests/qa/test_round8_amounts.py)."""

    def __init__(self, ctx: Context, line_ctx: Context | None = None) -> None:
        self.ctx = ctx
        self.line_ctx = line_ctx if line_ctx is not None and not line_ctx.context_text else None
        self.by_year: dict[int, dict[str, list[dict[str, object]]]] = {}

    def rows(self, org: str, years: list[int]) -> list[dict[str, object]]:
        out: list[dict[str, object]] = []
        for year in years:
            if year not in self.by_year:
                grouped: dict[str, list[dict[str, object]]] = {}
                for r in self._year_rows(year):
                    grouped.setdefault(str(r.get("org")), []).append(r)
                self.by_year[year] = grouped
            out.extend(self.by_year[year].get(org, []))
        return out

    def _year_rows(self, year: int) -> list[dict[str, object]]:
        if self.line_ctx is None:
            return self.ctx.run("qa_amounts_of_year", year=year)
        # read once per year and store state (kept with the catalog), not by every ranking
        kinds = self.ctx.catalog.line_kinds_of_year(year, lambda: self.ctx.run("qa_amount_lines_of_year", dedupe=False, year=year))
        items = sorted({str(k["item"]) for k in kinds if self._may_answer(k)})
        if not items:
            return []
        sparql = named_query("qa_amounts_of_lines")
        self.ctx.queries_run.append(f"# binding ?year = {year}; VALUES ?item: {len(items)} line(s) that may answer\n" + sparql)
        rows = select_rows(self.ctx.store, sparql, ["year", "item"], [[Literal(year), Literal(item)] for item in items]).values()
        catalog = self.ctx.catalog
        if getattr(catalog, "members", None):  # a body held under several nodes (owl:sameAs): its rows are the primary's, as in Context.run
            rows = rows_as_one_body(rows, catalog.primary_of, {p: catalog.org_label(p) for p in catalog.members})
        seen: set[object] = set()
        out: list[dict[str, object]] = []
        for r in rows:  # one row per fact, as Context.run keeps
            key = r.get("fact") or tuple(r.items())
            if key not in seen:
                seen.add(key)
                out.append(_plain(r))
        return out

    def _may_answer(self, kind: dict[str, object]) -> bool:
        """Whether a kind of line could be chosen for the line asked by some body (a superset, never fewer)."""
        ctx = self.line_ctx
        assert ctx is not None
        if kind.get("qualifier") and kind.get("qualifier") in asked_qualifier_kinds(ctx.q.text):
            return True
        concept = amount_concept(ctx.item_topic)
        return bool(_matching_amounts(ctx, [kind], concept))


def _best_amounts(ctx: Context, org: str, years: list[int], strict: bool = False, only_concept: str | None = None,
                  figures: YearFigures | None = None) -> list[dict[str, object]]:
    """The figures of the asked line (``strict``: a total never answers a question naming something else;
    ``only_concept``: the lines of that concept of AMOUNT_ITEM_WORDS, one of several items the question names;
    ``figures``: every body's rows of a year read at once, for a ranking; else the body's own look-up)."""
    entry = ctx.catalog.orgs.get(org)
    # no year asked: the latest year of the body that has such a figure
    candidates = [years] if years else [[y] for y in sorted(entry.years, reverse=True)] if entry and entry.years else [[]]
    ranked: list[dict[str, object]] = []
    all_rows: list[dict[str, object]] | None = None
    specific = _names_printed_line(ctx, org)
    other = strict and not specific and _names_something_else(ctx)
    for chosen in candidates:
        if figures is not None and chosen:
            year_rows = figures.rows(org, chosen)
        elif len(chosen) == 1:  # one year: bound in the query, a look-up instead of every year of the body
            year_rows = ctx.run("qa_amounts", org=org, year=chosen[0])
        else:
            all_rows = ctx.run("qa_amounts", org=org) if all_rows is None else all_rows
            year_rows = _in_years(all_rows, chosen)
        if only_concept:
            hits = _matching_amounts(ctx, year_rows, only_concept, concept_only=True)
        else:
            hits = _matching_amounts(ctx, year_rows, amount_concept(ctx.item_topic), named_only=specific, names_other=other)
        qualifiers = asked_qualifier_kinds(ctx.q.text)
        named = bool(hits) and bool(named_rows(hits, asked_item_text(ctx.item_topic)))
        if qualifiers and not named and not any(r.get("qualifier") in qualifiers for r in hits):
            # "how much was added during the year": the figures of that kind, whatever their label
            hits = [r for r in year_rows if r.get("qualifier") in qualifiers] or hits
        ranked = _rank_amounts(ctx, hits, org)
        if ranked:
            break
    if not ranked:
        return []
    phases = topic_phases(ctx.q.text, ctx.context_text)
    best = ranked[0]
    if len(phases) > 1:  # budget vs final: one figure per phase
        per_phase: dict[object, dict[str, object]] = {}
        for r in ranked:
            per_phase.setdefault(_phase(r), r)
        return [_amount_row(r) for r in per_phase.values()]
    classes = _one_row_per_class(ctx, [r for r in ranked if _phase(r) == _phase(best) and not r.get("qualifier")])
    if classes:
        return classes
    same = [r for r in ranked if r.get("item") == best.get("item") and r.get("amount") == best.get("amount") and _phase(r) == _phase(best)]
    return [_amount_row(r) for r in same[:3]]


def _amount_line(r: dict[str, object], lang: str, with_share: bool = False) -> str:
    phase = r.get("phase")
    zh, en = QUALIFIER_TEXT.get(str(r.get("qualifier") or ""), (str(r.get("qualifier") or ""), str(r.get("qualifier") or "")))
    share = r.get("share") if with_share else None
    if lang == "zh":
        tail = f"，占比 {number(share)}%" if share is not None else ""
        cls = f"（{r['lineClass']}）" if r.get("lineClass") and str(r["lineClass"]) not in str(r.get("item")) else ""
        printed = printed_yuan_note(r["amount"], r.get("quote"))
        return f"{r.get('orgLabel')} {r.get('year')} 年{PHASE_ZH.get(str(phase), '')}「{r.get('item')}」{cls}{f'（{zh}）' if zh else ''}为 {money(r['amount'], 'zh')}{printed}{tail}"
    tail = f", a share of {number(share)}%" if share is not None else ""
    cls = f" (class {r['lineClass']})" if r.get("lineClass") and str(r["lineClass"]) not in str(r.get("item")) else ""
    return f"{r.get('orgLabel')} {r.get('year')} {phase or ''} '{r.get('item')}'{cls}{f' ({en})' if en else ''}: {money(r['amount'], 'en')}{tail}"


def _asked_unit_text(ctx: Context, yuan: object) -> str:
    """The figure in the unit the question asks it in when that is not the documents' 万元 ("是多少元",
    "多少亿元": ASKED_MONEY_UNITS), converted from the graph's yuan; "" when none is asked."""
    if not isinstance(yuan, (int, float, Decimal)) or isinstance(yuan, bool):
        return ""
    value = Decimal(str(yuan))
    figures: list[str] = []
    for unit, pattern in ASKED_MONEY_UNITS.items():
        if not pattern.search(ctx.q.text) or (unit == "元" and (ctx.lang != "zh" or abs(value) < 10000)):
            continue  # English answers print CNY; under 1 万元 money() already gives 元
        divisor = {"元": None, "亿元": Decimal(100_000_000), "百万元": Decimal(1_000_000)}[unit]
        if divisor is None:
            figures.append(f"{value:,.2f} 元")
        else:
            figures.append(f"{(value / divisor).normalize():f} {unit}" if ctx.lang == "zh" or unit == "亿元"
                           else f"{(value / divisor).normalize():f} million yuan")
    if not figures:
        return ""
    return ctx.say(f"（即 {'，'.join(figures)}）", f" (= {', '.join(figures)})")


def _each_body(ctx: Context, handler: Callable[[Context], Outcome]) -> Outcome:
    """A question that names several bodies joined by 和 / and: ``handler`` answers for each body in
    turn (the order the question names them), and the answers are given one after the other."""
    owners = _name_owners(ctx, ctx.q.text)  # (q19) "日照市妇联和日照市总工会": the 妇联 first, as the question names them
    ordered = sorted(ctx.links.orgs, key=lambda org: owners.index(org) if org in owners else ctx.catalog.mention_position(org, ctx.q.text))
    outcomes = [handler(replace(ctx, q=replace(ctx.q, text=_without_other_bodies(ctx, org)), links=replace(ctx.links, orgs=[org])))
                for org in ordered]
    rows = [r for o in outcomes for r in o.rows]
    sources = [s for o in outcomes for s in o.sources]
    answer = ctx.say("；", "; ").join(o.answer.rstrip("。.") for o in outcomes if o.answer)
    return Outcome(any(o.found for o in outcomes), answer, rows, sources)


def _without_other_bodies(ctx: Context, org: str) -> str:
    """(q19) The question as asked of ``org`` alone: the names of the other bodies linked taken out (with the word
    joining them), so "锦州市总工会和锦州市妇联…预算" asks the 总工会 its budget, not a line named "锦州市妇联"."""
    text = SAME_PLACE_KIND_AFTER_BODY.sub(" ", ctx.q.text)  # "…总工会和妇联": the second body, by its kind alone
    return "".join(" " if body not in (None, org) else ch for ch, body in zip(text, _name_owners(ctx, text)))


def _name_owners(ctx: Context, text: str) -> list[str | None]:
    """(q19) The linked body each character of ``text`` names, None where none: every linked body's names, longest
    first, each claiming the characters it covers as the linker reads them ("锦州市妇联" is the 妇联's, not the place
    "锦州市" of the 总工会)."""
    owner: list[str | None] = [None] * len(text)
    names = sorted({(n, o) for o in ctx.links.orgs for n in ctx.catalog.written_names(o) if len(n) >= 2}, key=lambda p: -len(p[0]))
    for name, body in names:
        for m in re.finditer(re.escape(name), text):
            if all(x is None for x in owner[m.start():m.end()]):
                owner[m.start():m.end()] = [body] * (m.end() - m.start())
    return owner


def _span_years(ctx: Context) -> list[int]:
    """Every year of a span the question names by its two ends ("2022年至2024年", "from 2022 to 2024": YEAR_SPAN),
    else []."""
    if not YEAR_SPAN.search(ctx.q.text) or len(ctx.links.years) != 2:
        return []
    first, last = sorted(ctx.links.years)
    return list(range(first, last + 1)) if last - first <= 20 else []


def _year_clauses(text: str) -> list[tuple[int, str]]:
    """Each year a question names in a clause of its own, with the text it is asked by: the words before the first
    year (the body and the line) and the year's clause ("…经费2023年花了多少，2024年预算多少" -> (2023, "…经费2023年花了
    多少"), (2024, "…经费2024年预算多少")); [] unless two or more years stand in separate clauses."""
    found = list(YEAR_CLAUSE.finditer(text))
    if len(found) < 2 or any(not CLAUSE_SEPARATOR.search(text[found[i].end():found[i + 1].start()]) for i in range(len(found) - 1)):
        return []
    lead = text[:found[0].start()]
    return [(int(m.group(0)[:4]), lead + m.group(0)) for m in found]


def _each_year(ctx: Context, handler: Callable[[Context], Outcome]) -> Outcome:
    """A question naming several years of one body ("2024年和2023年…分别", "近两年"): ``handler`` answers
    each year in turn, earliest first, a year without the figure saying so."""
    outcomes = [handler(replace(ctx, links=replace(ctx.links, years=[year]))) for year in sorted(ctx.links.years)]
    if len({str(r.get("phase")) for o in outcomes for r in o.rows if r.get("phase")}) > 1 and not wanted_phases(ctx.q.text):
        # a budget one year and final accounts the other: the phase every year prints, like with like
        for phase in ("final", "budget"):
            asked = replace(ctx.q, text=f"{ctx.q.text} {PHASE_ZH[phase]}")
            again = [handler(replace(ctx, q=asked, links=replace(ctx.links, years=[year]))) for year in sorted(ctx.links.years)]
            if all(o.found and o.rows and all(str(r.get("phase")) == phase for r in o.rows if r.get("phase")) for o in again):
                outcomes = again
                break
    rows = [r for o in outcomes for r in o.rows]
    answer = ctx.say("；", "; ").join(o.answer.rstrip("。.") for o in outcomes if o.answer)
    return Outcome(any(o.found for o in outcomes), answer, rows, [s for o in outcomes for s in o.sources])


def _years_summed(ctx: Context) -> bool:
    """A line's total asked over the several years the question names ("2020年和2021年项目支出合计是多少"),
    not each year's (分别) nor one year's line total."""
    years = len(ctx.links.years) >= 2 or len(ctx.q.relative_years) >= 2  # named, or 近两年 / the last two years
    return years and bool(YEARS_SUMMED.search(ctx.q.text)) and not EACH_SEPARATELY.search(ctx.q.text)


def _years_total(ctx: Context, rows: list[dict[str, object]]) -> str:
    """The total of one line over several years of a body ("2020年和2021年项目支出合计"), computed; only over
    figures of one line and phase (a budget and a final account are not added up: then say so)."""
    rows = [r for r in rows if r.get("amount") is not None and r.get("item")]
    if len(rows) < 2:
        return ""
    if len({str(r.get("phase")) for r in rows}) > 1 or len({r.get("year") for r in rows}) < len(rows):
        return ctx.say("。这些数字的口径（预算/决算）不同，未相加", ". These figures are of different phases (budget / final) and are not added up")
    total = sum(Decimal(str(r["amount"])) for r in rows)
    years = "、".join(str(r.get("year")) for r in rows)
    return ctx.say(f"。{years} 年合计 {money(total, 'zh')}（按图中数据计算，文件未列明）",
                   f". Total over {', '.join(str(r.get('year')) for r in rows)}: {money(total, 'en')} (computed from the graph's figures, not printed)")


def _basic_and_project(ctx: Context, org: str) -> Outcome | None:
    """A year's spending by structure (基本支出 and 项目支出, "按支出结构划分") with their shares of the two,
    when no functional classes are held; None unless both lines are held for one year and phase."""
    rows = [r for c in ("basic_spending", "project_spending") for r in _best_amounts(ctx, org, ctx.links.years, only_concept=c)[:1]]
    if len(rows) != 2 or len({(r.get("year"), str(r.get("phase"))) for r in rows}) != 1:
        return None
    total = sum(Decimal(str(r["amount"])) for r in rows)
    if not total:
        return None
    parts = [f"「{r.get('item')}」{money(r['amount'], ctx.lang)}（{Decimal(str(r['amount'])) / total * 100:.2f}%）" if ctx.lang == "zh"
             else f"'{r.get('item')}' {money(r['amount'], 'en')} ({Decimal(str(r['amount'])) / total * 100:.2f}%)" for r in rows]
    first = rows[0]
    head = ctx.say(f"{first.get('orgLabel')} {first.get('year')} 年{PHASE_ZH.get(str(first.get('phase')), '')}支出按结构：",
                   f"{first.get('orgLabel')} {first.get('year')} {first.get('phase') or ''} spending by structure: ")
    tail = ctx.say(f"，两项共 {money(total, 'zh')}（占比按图中数据计算）", f"; {money(total, 'en')} together (shares computed from the graph's figures)")
    return Outcome(True, head + join(parts, ctx.lang) + tail, rows, sources_of(rows))


def _bodies_total(ctx: Context, rows: list[dict[str, object]]) -> str:
    """The total of one figure per body, computed; only over figures of one year and phase (a budget and a
    final account, or two years, are not added up: then say so)."""
    rows = [r for r in rows if r.get("amount") is not None and r.get("item")]  # figures, not a not-found's project rows
    if len(rows) < 2:
        return ""
    kinds = {(r.get("year"), str(r.get("phase"))) for r in rows}
    if len(kinds) > 1:
        return ctx.say("。这些数字的年份或口径（预算/决算）不同，未相加", ". These figures are of different years or phases (budget / final) and are not added up")
    total = sum(Decimal(str(r["amount"])) for r in rows)
    return ctx.say(f"。{len(rows)} 个单位合计 {money(total, 'zh')}（按图中数据计算，文件未列明）",
                   f". Total of the {len(rows)} bodies: {money(total, 'en')} (computed from the graph's figures, not printed)")


def _rank_line_amounts(ctx: Context) -> Outcome | None:
    """(q21) One body's classification lines ranked by amount ("哪个科目预算最多", "which budget line got the most money"):
    the 7-digit coded lines of one year and phase (the asked phase, else the one with most such lines), each once,
    largest first (smallest when asked), said to be 科目 (budget lines); not found, with the items it prints, when the
    body prints no coded line; None when no single body is asked."""
    org = _target_org(ctx)
    if org is None or len(ctx.links.orgs) > 1:
        return None
    rows = [r for r in _amounts_in_years(ctx, org, ctx.links.years) if len(str(r.get("code") or "")) == 7
            and not r.get("qualifier") and r.get("column") not in LINE_PART_COLUMNS and _phase(r)]
    if not ctx.links.years and rows:  # the latest year that prints coded lines
        latest = max(int(r["year"]) for r in rows if isinstance(r.get("year"), int))
        rows = [r for r in rows if r.get("year") == latest]
    asked = wanted_phases(ctx.q.text)
    phases = [p for p in ("final", "adjusted", "budget") if any(_phase(r) == p for r in rows) and (not asked or p in asked)]
    if not phases:
        held = "、".join(lines_held(ctx, org)[:HELD_LINES_SHOWN])
        return Outcome(False, ctx.say(f"{ctx.label(org)}的文件未按科目代码列出支出科目，无法按科目排序；列明的事项有：{held}等。",
                                      f"The documents of {ctx.label(org)} print no coded budget lines to rank; the items they print include: {held}."))
    phase = max(phases, key=lambda p: sum(_phase(r) == p for r in rows))
    one: dict[object, dict[str, object]] = {}
    for r in (r for r in rows if _phase(r) == phase):  # a line printed in two tables (or its name cut in one): once, its largest figure
        kept = one.get(r.get("code"))
        if kept is None or (Decimal(str(r["amount"])), len(str(r.get("item")))) > (Decimal(str(kept["amount"])), len(str(kept.get("item")))):
            one[r.get("code")] = r
    low = bool(LOWEST_ASKED.search(ctx.q.text))
    ranked = sorted((_amount_row({**r, "itemKind": row_item_kind(r)}) for r in one.values()), key=lambda r: Decimal(str(r["amount"])), reverse=not low)
    top = ranked[0]
    shown = ranked[:asked_top_count(ctx.q.text) or len(ranked)]  # (q28) "支出排名前三的科目": the first three
    lines = [f"{i}. {r.get('code')} {r.get('item')} {wan(r['amount'])} 万元" for i, r in enumerate(shown, 1)]
    label = f"{top.get('orgLabel') or ctx.label(org)} {top.get('year')}"
    noun_zh, noun_en = item_noun(ranked, "zh"), item_noun(ranked, "en")
    first_zh, first_en = (f"前 {len(shown)} 个", f"the first {len(shown)}") if len(shown) < len(ranked) else ("", "")
    head = ctx.say(f"{label} 年{PHASE_ZH[phase]}按金额排序（文件所列 {len(ranked)} 个{noun_zh}），{'最少' if low else '最多'}的是「{top.get('item')}」（{top.get('code')}）{wan(top['amount'])} 万元"
                   + (f"；{first_zh}：" if first_zh else "："),
                   f"{label} {PHASE_EN[phase]}, {len(ranked)} {noun_en} ranked by amount; the {'smallest' if low else 'largest'} is '{top.get('item')}' ({top.get('code')}) {wan(top['amount'])} 万元"
                   + (f"; {first_en}: " if first_en else ": "))
    return Outcome(True, head + join(lines, ctx.lang), shown, sources_of(shown))


def _rank_items_with_prose(ctx: Context, projects_only: bool = False) -> Outcome | None:
    """(q25) One body's spending items ranked by amount when some are printed only in prose or as projects ("哪几项支出
    最多", "支出排名前三的项目", "top 3 expenditure items"): the paragraph's items (item_rankings.is_prose_item) and the
    projects' figures (project_as_item), with the tables' 7-digit lines of the same year and phase, largest first, each
    once with its source and its kind (科目 / 事项 / 项目); the first N when N are asked.  None when no single body is
    asked or it prints no such item (the ranking of coded lines and the other paths answer)."""
    org = _target_org(ctx)
    if org is None or len(ctx.links.orgs) > 1:
        return None
    kind_asked = asked_ranking_kind(ctx.item_topic)  # (q28) "哪个事项…": items only; "哪个科目…": the coded lines' ranking
    if kind_asked == "lines":
        return None
    items_only = projects_only or kind_asked == "items"
    rows = [r for r in _amounts_in_years(ctx, org, ctx.links.years) if _phase(r) and r.get("amount") is not None]
    projects = [p for p in (project_as_item(r) for r in _projects(ctx) if r.get("org") in (None, org)) if p is not None]
    prose = [r for r in rows if is_prose_item(r)]
    if not prose and not projects:
        return None
    year = ctx.links.years[-1] if len(ctx.links.years) == 1 else max(int(str(r["year"])) for r in prose + projects if r.get("year") is not None)
    asked = wanted_phases(ctx.q.text)
    of_year = [r for r in rows if r.get("year") == year]
    phases = [p for p in ("final", "adjusted", "budget") if any(_phase(r) == p for r in of_year if is_prose_item(r) or is_table_line(r)) and (not asked or p in asked)]
    phase = phases[0] if phases else None
    one: dict[object, dict[str, object]] = {}
    for r in of_year:  # a line printed twice (two tables, or a table and a sentence): once, its largest figure
        if _phase(r) != phase or not ((is_table_line(r) and r.get("column") not in LINE_PART_COLUMNS and not items_only) or is_prose_item(r)):
            continue  # (the tables' lines are the whole spending's: not what the project spending went to, nor 事项)
        key = r.get("code") or r.get("item")
        if key not in one or Decimal(str(r["amount"])) > Decimal(str(one[key]["amount"])):
            one[key] = r
    for p in projects:  # a project the text also names as an item: once, as the item
        if p.get("year") == year and p.get("item") not in one:
            one[p.get("item")] = p
    if len(one) < 2:
        return None
    low = bool(LOWEST_ASKED.search(ctx.item_topic))  # "哪个事项支出最少": read from the bottom (a follow-up: as asked before)
    ranked = sorted((_amount_row({**r, "itemKind": row_item_kind(r)}) for r in one.values()), key=lambda r: Decimal(str(r["amount"])), reverse=not low)
    shown = ranked[:asked_top_count(ctx.item_topic) or len(ranked)]
    def kind(r: dict[str, object]) -> str:
        if r.get("projectColumn"):
            zh, en = r["projectColumn"]  # type: ignore[misc]
            return ctx.say(f"项目{zh}", f"project, {en}")
        return ctx.say("科目", "budget line") if is_table_line(r) else ctx.say("文中所列事项", "item named in the text")
    def line(i: int, r: dict[str, object]) -> str:
        code = f"{r.get('code')} " if r.get("code") else ""
        yuan = ctx.say(printed_yuan_note(r.get("amount"), r.get("quote")).strip("（）"), "")  # a 元 document's figure as printed
        return f"{i}. {code}{r.get('item')} {wan(r['amount'])} 万元" + ctx.say(f"（{kind(r)}" + (f"，{yuan}" if yuan else "") + "）", f" ({kind(r)})")
    coded = sum(is_table_line(r) for r in ranked)
    named = sum(1 for r in ranked if not is_table_line(r) and not r.get("projectColumn"))
    held = len(ranked) - coded - named
    count_zh = "、".join(x for x in (f"表列科目 {coded} 个" if coded else "", f"文中所列事项 {named} 个" if named else "", f"项目 {held} 个" if held else "") if x)
    count_en = ", ".join(x for x in (counted(coded, "budget line") + " of its tables" if coded else "", counted(named, "item") + " named in its text" if named else "",
                                    counted(held, "project") if held else "") if x)
    label = f"{ranked[0].get('orgLabel') or ctx.label(org)} {year}"
    phase_zh, phase_en = (PHASE_ZH[phase], PHASE_EN[phase] + " ") if phase else ("", "")
    order_zh, order_en = ("从小到大", "smallest first") if low else ("从大到小", "largest first")
    what_zh, what_en = ("项目支出", "project spending") if projects_only else ("支出", "spending")
    head = ctx.say(f"{label} 年{phase_zh}{what_zh}按金额{order_zh}排序（{count_zh}）" + (f"，前 {len(shown)} 项：" if len(shown) < len(ranked) else "："),
                   f"{label} {phase_en}{what_en} ranked by amount, {order_en} ({count_en})" + (f", the top {len(shown)}: " if len(shown) < len(ranked) else ": "))
    return Outcome(True, head + join([line(i, r) for i, r in enumerate(shown, 1)], ctx.lang), shown, sources_of(shown))


def _described_project_amounts(ctx: Context) -> Outcome | None:
    """(q21) The amounts of the projects an English question describes by their words ("the skills training project",
    "the workers' reading rooms project": ENGLISH_PROJECT_WORDS), when no project is linked by name and the words
    narrow the body's projects to some with figures; None otherwise (the line-by-words and concept paths answer)."""
    if ctx.lang != "en" or ctx.links.projects or not ctx.links.orgs or not ENGLISH_PROJECT_ASKED.search(ctx.q.text):
        return None
    every = [r for r in _projects(ctx, described=False) if any(r.get(k) is not None for k in ("budget", "adjusted", "final"))]
    picked = _of_projects_described(ctx, every, label="label", key="fact")
    if not every or len(picked) == len(every):
        return None
    lines = [f"{r.get('orgLabel')} {r.get('year')} '{r['label']}': {_project_amount_text(r, ctx.lang)}" for r in picked]
    return Outcome(True, join(lines, ctx.lang), picked, sources_of(picked))


def amount(ctx: Context) -> Outcome:
    if ITEM_AMOUNT_RANKING[ctx.lang].search(ctx.item_topic) and (ranked_items := _rank_items_with_prose(ctx) or _rank_line_amounts(ctx)) is not None:
        return ranked_items  # (q25) "哪几项支出最多": the items printed in prose ranked with the table's lines (else the lines)
    if LINE_AMOUNT_RANKING[ctx.lang].search(ctx.q.text) and (ranked_lines := _rank_line_amounts(ctx)) is not None:
        return ranked_lines  # (q21) "哪个科目预算最多": the body's coded lines by amount
    if ctx.links.projects:  # "送温暖资金多少钱": the amounts of the named project
        rows = [r for r in _projects(ctx) if r.get("fact") in ctx.links.projects and any(r.get(k) is not None for k in ("budget", "adjusted", "final"))]
        if rows:
            lines = [f"{r.get('orgLabel')} {r.get('year')} 「{r['label']}」：{_project_amount_text(r, ctx.lang)}" if ctx.lang == "zh"
                     else f"{r.get('orgLabel')} {r.get('year')} '{r['label']}': {_project_amount_text(r, ctx.lang)}" for r in rows]
            return Outcome(True, join(lines, ctx.lang), rows, sources_of(rows))
    described = _described_project_amounts(ctx)
    if described is not None:  # (q21) "how much was budgeted for the Yushu skills training project"
        return described
    summed = SUM_OVER_BODIES.search(ctx.q.text) or _years_summed(ctx)
    line_ctx = replace(ctx, q=replace(ctx.q, text=SUM_OVER_BODIES.sub(" ", ctx.q.text))) if summed else ctx  # the line, not "加起来"
    if (LINES_GAP_QUESTION.search(ctx.q.text) or EXCEEDED_BY_QUESTION.search(ctx.q.text)) and not summed \
            and (across := _change_between_named_phases(ctx)) is not None:
        return across  # (q19) "how much did its 2032 budget exceed its 2031 final income": both figures, phases named
    if len(ctx.links.orgs) == 2 and LINES_GAP_QUESTION.search(ctx.q.text) and not summed:
        return comparison(ctx)  # "莲都区总工会的收入预算是汇川区总工会的多少倍", "…和…相差多少": both figures and the gap
    if ctx.links.region and BODY_RANKING_WORDS.search(ctx.q.text):  # "湖南的总工会2023年支出排名": that place's bodies ranked
        return _rank_bodies(ctx)
    if len(ctx.links.orgs) > 1 and (LIST_CONJUNCTION.search(ctx.q.text) or ctx.links.region or summed):
        each = _each_body(line_ctx, amount)  # "翼城县总工会和宜城市总工会的收入预算分别是多少": each body's figure
        return replace(each, answer=each.answer + _bodies_total(ctx, each.rows)) if summed else each
    if not ctx.links.orgs and BODY_RANKING_WORDS.search(ctx.q.text):
        by_change = _rank_changes(ctx) if CHANGE_RANKING_WORDS.search(ctx.q.text) else None  # "各总工会收入增幅排名"
        return by_change or _rank_bodies(ctx)  # "各总工会2022年支出排名", "rank the federations by 项目支出": every body's figure, sorted
    if not ctx.links.orgs and EACH_BODY.search(ctx.q.text) and (unheld := _unheld_place_scope(ctx)) is not None:
        return _no_bodies_of_place(ctx, unheld)  # "湖北各总工会的收入分别是多少" with no body of 湖北 held
    if not ctx.links.orgs and EACH_BODY.search(ctx.q.text):
        # "2024年各总工会的收入预算分别是多少": every federation with data in the asked years, one by one
        feds = [o for o in ctx.catalog.federations(ctx.q.text) if o.years and (not ctx.links.years or o.years & set(ctx.links.years))]
        if feds:
            each = _each_body(replace(_without_kind_words(line_ctx), links=replace(ctx.links, orgs=[o.iri for o in feds])), amount)
            when_zh = f" {'、'.join(map(str, ctx.links.years))} 年" if ctx.links.years else ""
            when_en = f" in {years_text(ctx.links.years)}" if ctx.links.years else ""
            unions = all(UNION_NAME_WORD in o.label for o in feds)  # "各妇联": 单位 / bodies, not 总工会
            head = ctx.say(f"图中{when_zh}有数据的 {len(feds)} 个{'总工会' if unions else '单位'}：",
                           f"The {_bodies_counted(len(feds), unions)} of the graph with data{when_en}: ")
            tail = _bodies_total(ctx, each.rows) if summed else ""
            return Outcome(each.found, head + each.answer + tail, each.rows, each.sources)
    org = _target_org(ctx)
    if org is None:
        return _which_body(ctx, amount)
    span = _span_years(ctx)
    if span and len(ctx.links.orgs) <= 1:  # "2022年至2024年…合计": every year of the span, not its two ends
        ctx = replace(ctx, links=replace(ctx.links, years=span))
        line_ctx = replace(line_ctx, links=replace(line_ctx.links, years=span))
    clauses = _year_clauses(ctx.q.text) if len(ctx.links.years) > 1 and len(ctx.links.orgs) <= 1 else []
    if clauses:  # "某某经费2023年花了多少，2024年预算多少": each year's clause asked in its own phase
        outcomes = [amount(replace(ctx, q=replace(ctx.q, text=text), links=replace(ctx.links, years=[year]))) for year, text in clauses]
        rows = [r for o in outcomes for r in o.rows]
        answer = ctx.say("；", "; ").join(o.answer.rstrip("。.") for o in outcomes if o.answer)
        return Outcome(any(o.found for o in outcomes), answer, rows, [src for o in outcomes for src in o.sources])
    if len(ctx.links.years) > 1 and len(ctx.links.orgs) <= 1 and (LIST_CONJUNCTION.search(ctx.q.text) or ctx.q.relative_years or span):
        each = _each_year(line_ctx, amount)  # "汇川区总工会2024年和2023年的三公经费分别是多少", "近两年": each year's figure
        return replace(each, answer=each.answer + _years_total(ctx, each.rows)) if summed else each
    if PROJECT_SPENDING_BREAKDOWN.search(ctx.q.text) and (project_items := _rank_items_with_prose(ctx, projects_only=True)) is not None:
        return project_items  # (q25) "项目支出主要用在哪": the items listed under it and the projects, not the classes of the whole
    if SPENDING_BREAKDOWN_QUESTION.search(ctx.q.text):
        breakdown = _spending_breakdown(ctx, org) or _basic_and_project(ctx, org)
        if breakdown is not None:
            return breakdown
    if LINES_GAP_QUESTION.search(ctx.q.text) and len(ctx.links.orgs) <= 1:
        gap = _lines_compared(ctx, org)  # "人员经费比公用经费多多少", "决算支出比收入多多少", "是公用经费的几倍"
        if gap is not None:
            return gap
    per_head = _per_head(ctx, org)  # "人均人员经费": the line over the body's staff count that year
    if per_head is not None:
        return per_head
    share = _share_of_total(ctx, org)  # "人员经费占基本支出的比重": both figures and the share
    if share is not None:
        return share
    several = _asked_concepts(ctx.q.text)
    if len(several) >= 2:  # "人员经费和公用经费分别是多少": each item named
        rows = [r for c in several for r in _best_amounts(ctx, org, ctx.links.years, only_concept=c)[:1]]
        if rows:
            missing = [AMOUNT_ITEM_NAMES[c] for c in several if not any(in_concept(r, c) for r in rows)]
            tail = ctx.say(f"；知识图谱中没有{'、'.join(missing)}的数据", f"; the graph has no figure of {', '.join(missing)}") if missing else ""
            shares = SHARE_QUESTION.search(ctx.q.text)  # "基本支出和项目支出各占多少": each line's share of the year's total
            # each line's share: the printed one (of this row, or of the same figure printed again with its share), else
            # computed over the year's total
            rows = [_with_printed_share(ctx, org, r) for r in rows] if shares else rows
            lines = [_amount_line(r, ctx.lang, with_share=bool(shares)) + (_computed_share(ctx, org, r) if shares and r.get("share") is None else "") for r in rows]
            return Outcome(True, join(lines, ctx.lang) + tail, rows, sources_of(rows))
    named_base = _share_of_named_base(ctx, org)
    if named_base is not None:
        return named_base
    concept = amount_concept(ctx.item_topic)
    parts_asked = LINE_PARTS_QUESTION.search(ctx.q.text) or (QUESTION_SHAPES["bare_extreme"].search(ctx.q.text) and LINE_PARTS_QUESTION.search(ctx.context_text))
    parts_asked = parts_asked or LINE_PART_RANKED.search(ctx.q.text)  # (q22) "项目支出中最少的是哪个": its parts ranked
    if parts_asked and concept is not None:  # "项目支出都有哪些" (then "哪个最少？"): the lines printed within it
        listed = _parts_answer(ctx, org, concept)
        if listed is not None:
            return listed
    rows = _best_amounts(ctx, org, ctx.links.years, strict=True)
    if BALANCE_QUESTION.search(ctx.q.text) and not _balance_of_a_line(ctx) and not any("结余" in str(r.get("item")) or "结转" in str(r.get("item")) for r in rows):
        balance = _balance_computed(ctx, org)  # "收支差额", "结余多少" with no line printing it: computed from the totals
        if balance is not None:
            return balance
    concept = amount_concept(ctx.item_topic)
    if rows and ctx.context_text and (concept is None or concept in GENERIC_TOTAL_CONCEPTS):
        # "and in 2024?" after a line named by words of its name ("hardship relief" -> 困难职工帮扶资金): that line in
        # the new year, not the year's total the chat's words also fit
        chat = replace(ctx, q=replace(ctx.q, text=ctx.topic), context_text="")
        if _names_something_else(chat) and not _best_amounts(chat, org, ctx.links.years, strict=True):
            named = _line_named_by_words(chat, org)
            if named is not None:
                return named
    if not rows and (concept is None or concept in GENERIC_TOTAL_CONCEPTS) and not STANDARD_LINE_ITEMS.search(asked_item_text(ctx.item_topic)) \
            and not FUNCTIONAL_LINE_NAMES.search(asked_item_text(ctx.item_topic)) and not ctx.links.codes and _names_something_else(ctx):
        # "how many people got Spring Festival condolence money": a count of people, not money; the
        # indicator or stated count that gives it
        if asked_counters(ctx) and not MONEY_ASKED.search(ctx.q.text):
            counted = project_detail(ctx)
            if counted.found:
                return counted
        # "医疗救助花了多少钱": not a total of the body; the payments the words describe, else the one line whose printed
        # name holds the words ("劳模经费多少": 劳模慰问及疗休养经费), else passage search
        return _described_payments(ctx) or _rate_and_count(ctx, org) or _line_named_by_words(ctx, org) or Outcome(False, "")
    unheld = unheld_phase(ctx, org, rows)  # the adjusted budget asked, the line held in other phases only (or none)
    if unheld is not None:
        return unheld
    if not rows:
        return _amount_not_found(ctx, org)
    lines = []
    for r in rows:
        key = (r.get("item"), r.get("phase"), r.get("amount"))
        line = _amount_line(r, ctx.lang, with_share=bool(SHARE_QUESTION.search(ctx.q.text)))
        if key not in {(x.get("item"), x.get("phase"), x.get("amount")) for x in rows[: rows.index(r)]}:
            lines.append(line)
    answer = _other_phase_note(ctx, rows) + join(lines, ctx.lang) + _asked_unit_text(ctx, rows[0].get("amount")) + _line_class_note(ctx, org, rows)
    if BUDGET_OVERRUN_QUESTION.search(ctx.q.text):  # "三公经费决算多少，完成预算多少": the printed completion too
        answer += _printed_completion_note(ctx, org, rows[:1])
    if SHARE_QUESTION.search(ctx.q.text) and rows[0].get("share") is None:
        answer += _computed_share(ctx, org, rows[0])
    entry = ctx.catalog.orgs.get(org)
    if not ctx.links.years and entry is not None and len(entry.years) > 1:
        answer += _year_note(ctx, rows[0].get("year"), _years_with_line(ctx, org))
    return Outcome(True, answer, rows, sources_of(rows))


def _staff_for_head_count(ctx: Context, org: str, figure: dict[str, object]) -> dict[str, object] | None:
    """The staff count a per-head figure divides by: of the figure's year, from the figure's own document
    when it prints one, by PER_HEAD_STAFF_CATEGORIES (编制 first when the question names it)."""
    order = list(PER_HEAD_STAFF_CATEGORIES)
    if PER_HEAD_AUTHORISED_ASKED.search(ctx.q.text):
        order.remove("staff-authorized")
        order.insert(0, "staff-authorized")
    staff = [r for r in ctx.run("qa_staffing", org=org)
             if r.get("year") == figure.get("year") and _short(r.get("category")) in order and r.get("headcount")]
    staff.sort(key=lambda r: (0 if r.get("doc") == figure.get("doc") else 1, order.index(_short(r.get("category"))), -int(r["headcount"])))  # type: ignore[call-overload]
    return staff[0] if staff else None


def _per_head(ctx: Context, org: str) -> Outcome | None:
    """A line per head of the body's staff ("人均人员经费", "personnel cost per staff member"): the figure, the
    staff count of that year and the quotient, said to be computed.  None when no per-head is asked or the
    line is not held (the plain amount answer then says what is held)."""
    if not PER_HEAD_QUESTION.search(ctx.q.text):
        return None
    line_text = PER_HEAD_QUESTION.sub(" ", ctx.q.text)
    if amount_concept(line_text) in (None, "budget_total"):
        line_text += " 支出"  # "人均经费", "per head": what is spent per head, not the income total
    line_ctx = replace(ctx, q=replace(ctx.q, text=line_text))
    rows = _best_amounts(line_ctx, org, ctx.links.years, strict=True)
    if not rows or rows[0].get("amount") is None:
        return None
    figure = rows[0]
    staff = _staff_for_head_count(ctx, org, figure)
    line = _amount_line(figure, ctx.lang)
    if staff is None:
        return Outcome(True, line + ctx.say(f"；图中没有该单位 {figure.get('year')} 年的人数，无法计算人均数。",
                                            f"; the graph holds no staff count of the body for {figure.get('year')}, so no per-head figure."),
                       [figure], sources_of([figure]))
    heads = int(staff["headcount"])  # type: ignore[call-overload]
    per = Decimal(str(figure["amount"])) / heads
    answer = line + ctx.say(f"；{figure.get('year')} 年「{staff.get('label')}」{heads} 人，人均 {money(per, 'zh')}（按图中数据计算，文件未列明）",
                            f"; '{staff.get('label')}' in {figure.get('year')}: {heads} people, {money(per, 'en')} per head "
                            "(computed from the graph's figures, not printed)")
    row = {"perHead": float(round(per, 2)), "headcount": heads, "staffLabel": staff.get("label")}
    return Outcome(True, answer, [figure, row], sources_of([figure, staff]))


def unit_amounts(ctx: Context) -> Outcome:
    parent = _target_org(ctx)
    if parent is None:
        return _which_body(ctx, unit_amounts)
    entry = ctx.catalog.orgs.get(parent)
    concept = amount_concept(ctx.item_topic)
    every_unit_row = [r for r in ctx.run("qa_unit_amounts", parent=parent) if not r.get("qualifier")]
    years = ctx.links.years or _latest_unit_year(ctx, every_unit_row, concept) or ([max(entry.years)] if entry and entry.years else [])
    unit_rows = _in_years(every_unit_row, years)
    own_rows = [r for r in _amounts_in_years(ctx, parent, years) if r.get("scope") != "department" and not r.get("qualifier")]
    out: list[dict[str, object]] = []
    for org in [parent] + sorted({str(r["org"]) for r in unit_rows}):
        pool = own_rows if org == parent else [r for r in unit_rows if r.get("org") == org]
        ranked = _rank_amounts(ctx, _matching_amounts(ctx, pool, concept), org)
        if ranked:
            out.append(_amount_row(ranked[0]))
    if not out:
        # (q28) the years whose units do print the line, so a year asked that lacks them is not a dead end
        held = sorted({y for r in _matching_amounts(ctx, every_unit_row, concept) if isinstance(y := r.get("year"), int)} - set(years))
        also = ctx.say(f"图中有其各单位这项金额的年份：{'、'.join(map(str, held))} 年。", f" The graph holds its units' figures for {', '.join(map(str, held))}.") if held else ""
        return Outcome(False, ctx.say(f"知识图谱中没有{ctx.label(parent)}{'、'.join(map(str, years))}{' 年' if years else ''}各下属单位的这项金额。",
                                      f"The graph has no per-unit figures of this kind for {ctx.label(parent)}{' in ' + ', '.join(map(str, years)) if years else ''}.") + also)
    ranked = _units_ranked(ctx, parent, out)
    if ranked is not None:
        return ranked
    lines = [(f"{r.get('orgLabel') or ctx.label(r['org'])}{'（本级）' if r['org'] == parent else ''} {wan(r['amount'])} 万元") if ctx.lang == "zh"
             else f"{r.get('orgLabel') or ctx.label(r['org'])}{' (own level)' if r['org'] == parent else ''}: {wan(r['amount'])}" for r in out]
    head = ctx.say(f"{ctx.label(parent)}各单位「{out[0].get('item')}」：", f"{ctx.label(parent)} by unit ('{out[0].get('item')}', 万元): ")
    return Outcome(True, head + join(lines, ctx.lang), out, sources_of(out))


def _latest_unit_year(ctx: Context, unit_rows: list[dict[str, object]], concept: str | None) -> list[int]:
    """(q28) No year named: the latest year whose units print the line asked (a budget's per-unit income in an
    earlier year than the body's latest final account, which gives the units only their spending), else none."""
    held = [r["year"] for r in _matching_amounts(ctx, unit_rows, concept) if isinstance(r.get("year"), int)]
    return [max(held)] if held else []


# The units asked, not the body's own level: "哪个下属单位…最多" ranks the units below the body only.
SUBORDINATE_ASKED = re.compile(r"下属|所属|直属|二级|下级|subordinate|affiliated|\bits units\b|'s units\b")


def _units_ranked(ctx: Context, parent: str, rows: list[dict[str, object]]) -> Outcome | None:
    """The units' figures sorted when a ranking is asked ("哪个下属单位的收入预算最多"): the end named (ties too), then
    every unit in order; the body's own level is left out when its subordinate units are asked. None otherwise."""
    if not UNIT_RANKING_QUESTION.search(ctx.q.text):
        return None
    if SUBORDINATE_ASKED.search(ctx.q.text):
        rows = [r for r in rows if r.get("org") != parent]
    if not rows:
        return None
    low = RANK_LOW.search(ctx.q.text) is not None
    rows = sorted(rows, key=lambda r: Decimal(str(r["amount"])), reverse=not low)
    tied = [r for r in rows if Decimal(str(r["amount"])) == Decimal(str(rows[0]["amount"]))]
    def name(r: dict[str, object]) -> str:
        return f"{r.get('orgLabel') or ctx.label(str(r['org']))}{ctx.say('（本级）', ' (own level)') if r['org'] == parent else ''}"
    end_zh, end_en = ("最少", "smallest") if low else ("最多", "largest")
    item = rows[0].get("item")
    head = ctx.say(f"{ctx.label(parent)} {rows[0].get('year')} 年各{'下属' if SUBORDINATE_ASKED.search(ctx.q.text) else ''}单位「{item}」{end_zh}的是"
                   f"{'、'.join(name(r) for r in tied)}，{money(rows[0]['amount'], 'zh')}。依次为：",
                   f"{ctx.label(parent)} {rows[0].get('year')}, '{item}' by unit: the {end_en} is {', '.join(name(r) for r in tied)}, "
                   f"{money(rows[0]['amount'], 'en')}. In order: ")
    lines = [f"{name(r)} {money(r['amount'], ctx.lang)}" for r in rows]
    return Outcome(True, head + join(lines, ctx.lang), rows, sources_of(rows))


def _direction_ok(r: dict[str, object], direction: str | None) -> bool:
    if direction is None:
        return True
    return ("支出" if direction == "expenditure" else "收入") in str(r.get("item", ""))


def _stated_difference(ctx: Context, org: str) -> Outcome | None:
    """A final figure's difference from the year's budget as the document states it ("比年初预算增加 x 万元")."""
    rows = [r for r in _amounts_in_years(ctx, org, ctx.links.years) if r.get("qualifier") == "difference_from_budget"]
    # the line asked, also without its trailing 支出 / 收入 ("机关运行经费" for 机关运行经费支出)
    stems = [r for r in rows if len(stem := re.sub(r"(?:支出|收入)$", "", item_core(r.get("item")))) >= 3 and stem in ctx.q.text]
    hits = _matching_amounts(ctx, rows, amount_concept(ctx.item_topic)) if not stems else stems
    if not hits:
        return None
    shown = [_amount_row(r) for r in hits[:3]]
    lines = [ctx.say(f"{r.get('orgLabel')} {r.get('year')} 年「{r.get('item')}」比年初预算{'增加' if float(r['amount']) >= 0 else '减少'} {wan(abs(Decimal(str(r['amount']))))} 万元",  # type: ignore[arg-type]
                     f"{r.get('orgLabel')} {r.get('year')} '{r.get('item')}': {wan(abs(Decimal(str(r['amount']))))} 万元 {'above' if float(r['amount']) >= 0 else 'below'} the year's budget")  # type: ignore[arg-type]
             for r in shown]
    return Outcome(True, join(lines, ctx.lang), shown, sources_of(shown))


def _paired_line(ctx: Context, all_rows: list[dict[str, object]], candidates: list[list[int]], org: str,
                 direction: str | None) -> dict[str, dict[str, object]] | None:
    """A line printed with both a budget and a final figure in one year (财政拨款本年支出 年初预算数 / 决算数), totals first."""
    for years in candidates:
        sides: dict[str, dict[str, list[dict[str, object]]]] = {}
        for r in _in_years(all_rows, years):
            side = "final" if _phase(r) == "final" else "budget" if _phase(r) in {"budget", "adjusted"} else None
            if side and _direction_ok(r, direction):
                sides.setdefault(item_core(r.get("item")), {}).setdefault(side, []).append(r)
        pairs = [(item, by) for item, by in sides.items() if len(by) == 2 and PAIRED_TOTAL_LINE.search(item)]
        if not pairs:
            continue
        item, by = max(pairs, key=lambda p: max(float(r.get("amount") or 0) for r in p[1]["final"]))  # type: ignore[arg-type]
        return {side: _amount_row(_rank_amounts(ctx, rows, org)[0]) for side, rows in by.items()}
    return None


def _printed_completion_note(ctx: Context, org: str, rows: list[dict[str, object]]) -> str:
    """The share of the year's budget a final figure shown reached, as its document prints it ("完成年初预算的
    106.76%"), and whether that is over the budget; "" when no figure shown is printed with one."""
    for r in rows:
        if r.get("phase") != "final" or not isinstance(r.get("year"), int):
            continue
        printed = [c for c in ctx.run("qa_completion_rates", org=org, year=int(r["year"])) if c.get("fact") == r.get("fact")]
        if not printed:
            continue
        rate = Decimal(str(printed[0]["completion"]))
        zh, en = (("超出年初预算", "over the year's budget") if rate > 100 else
                  ("未超出年初预算", "within the year's budget"))
        return ctx.say(f"，完成年初预算的 {number(rate)}%（文件所列），即{zh}", f"; {number(rate)}% of the year's budget (as printed), {en}")
    return ""


def _printed_rate_of_pair(ctx: Context, org: str, budget: dict[str, object], final: dict[str, object], computed: str) -> str:
    """The rate a final figure's document prints beside it, when it is the rate of the pair compared (the verdict
    of _printed_completion_note); a printed rate of another budget (a 项目支出决算表's 执行率 of the adjusted
    budget, the initial one compared) is named as printed, never as of the initial budget; "" when none."""
    if not isinstance(final.get("year"), int):
        return ""
    printed = [c for c in ctx.run("qa_completion_rates", org=org, year=int(final["year"])) if c.get("fact") == final.get("fact")]
    if not printed or computed == "-":
        return ""
    rate = Decimal(str(printed[0]["completion"]))
    tolerance = Decimal("0.5") if rate == rate.to_integral_value() else Decimal("0.01")  # "104%" is printed to the unit
    if abs(rate - Decimal(computed)) < tolerance:
        note = _printed_completion_note(ctx, org, [final]).lstrip("，; ")
        return (ctx.say("", " ") + note[:1].upper() + note[1:] + ctx.say("。", ".")) if note else ""  # (q21) English: a space after "of it."
    return ctx.say(f"文件所列执行率为 {number(rate)}%（不是对所比{PHASE_ZH.get(str(budget.get('phase')), '预算')}数之比）。",
                   f" The document prints a rate of {number(rate)}% (not of the {'adjusted budget' if budget.get('phase') == 'adjusted' else 'budget'} compared here).")


def budget_vs_final(ctx: Context) -> Outcome:
    """The budget and the final figure of one body and year, their difference and the rate."""
    if len(ctx.links.orgs) == 2 and LINES_GAP_QUESTION.search(ctx.q.text) and len(wanted_phases(ctx.q.text)) < 2:
        return comparison(ctx)  # "莲都区总工会和汇川区总工会2024年收入预算相差多少": two bodies, not budget against final
    compared = phases_compared(ctx)  # "调整预算比年初预算多多少", "决算比调整预算少多少": exactly those phases
    if compared:
        return compare_phases(ctx, compared)
    org = _target_org(ctx)
    if org is None:
        return _which_body(ctx, budget_vs_final)
    entry = ctx.catalog.orgs.get(org)
    stated = _stated_difference(ctx, org) if BUDGET_DIFFERENCE_QUESTION.search(ctx.q.text) else None
    if stated is not None:
        return stated
    # totals, not rates or differences; of the asked year only when one is asked (the loop below reads no other)
    all_rows = [r for r in _amounts_in_years(ctx, org, ctx.links.years if len(ctx.links.years) == 1 else []) if not r.get("qualifier")]
    direction = asked_direction(ctx.topic)
    concept = amount_concept(ctx.item_topic)
    if concept == "budget_total" and direction is None:
        concept = None  # "决算和预算差多少": 预算 names the phase, not a line; the spending totals are compared first
    concepts = [c for c in (concept, "income_total" if direction == "revenue" else "expenditure_total", "budget_total") if c]
    candidates = [ctx.links.years] if ctx.links.years else [[y] for y in sorted(entry.years, reverse=True)] if entry and entry.years else [[]]
    for years in candidates:
        rows = _in_years(all_rows, years)
        picked: dict[str, dict[str, object]] = {}
        for side, phases in (("budget", {"budget", "adjusted"}), ("final", {"final"})):
            pool = [r for r in rows if _phase(r) in phases]
            fallback: list[dict[str, object]] = []
            for c in concepts:
                hits = _matching_amounts(ctx, pool, c)
                fallback = fallback or hits
                kept = [r for r in hits if _direction_ok(r, direction)]
                if kept:
                    fallback = kept
                    break
            ranked = _rank_amounts(ctx, fallback, org)
            if ranked:
                picked[side] = _amount_row(ranked[0])
        if len(picked) == 2:
            break
    if len(picked) < 2:
        picked = _paired_line(ctx, all_rows, candidates, org, direction) or picked
    if len(picked) < 2 and picked:
        # one side only: that figure, and a plain statement that the other is not in the graph (no comparison)
        shown = amount(ctx)
        printed = _printed_completion_note(ctx, org, shown.rows) if shown.found and "final" in picked else ""
        if printed:  # no budget figure held, but the final account prints the share of its budget reached
            return shown if printed in shown.answer else replace(shown, answer=shown.answer + printed)
        if shown.found:
            missing_zh, missing_en = ("预算数", "budget") if "budget" not in picked else ("决算数", "final figure")
            shown.answer += ctx.say(f"（知识图谱中没有{ctx.label(org)}可与之对照的{missing_zh}，无法比较。）",
                                    f" (The graph holds no {missing_en} of {ctx.label(org)} to compare it with.)")
        return shown
    if len(picked) < 2:
        return Outcome(False, ctx.say(f"知识图谱中没有{ctx.label(org)}可对照的预算数和决算数。", f"The graph has no budget and final figures of {ctx.label(org)} to compare."))
    b, f = picked["budget"], picked["final"]
    diff = Decimal(str(f["amount"])) - Decimal(str(b["amount"]))
    rate = f"{Decimal(str(f['amount'])) / Decimal(str(b['amount'])) * 100:.2f}" if float(b["amount"]) else "-"  # type: ignore[arg-type]
    label = f"{b.get('orgLabel') or ctx.label(org)} {b.get('year')}"
    # the budget compared is named by its phase: the adjusted budget when that is the figure taken (q16)
    bz, be = ("调整预算", "adjusted budget") if b.get("phase") == "adjusted" else ("预算", "budget")
    answer = ctx.say(
        f"{label} 年{bz}「{b.get('item')}」{money(b['amount'], 'zh')}，决算「{f.get('item')}」{money(f['amount'], 'zh')}，决算比{bz}{'多' if diff >= 0 else '少'} {wan(abs(diff))} 万元（差额 {wan(diff)} 万元），执行率 {rate}%。",
        f"{label}: {be} '{b.get('item')}' {wan(b['amount'])} 万元, final '{f.get('item')}' {wan(f['amount'])} 万元; the final figure is {wan(abs(diff))} 万元 {'above' if diff >= 0 else 'below'} the {be} (difference {wan(diff)}), {rate}% of it.",
    )
    if BUDGET_OVERRUN_QUESTION.search(ctx.q.text):  # "超预算了吗": the share its document prints, and the verdict (q18)
        answer += _printed_rate_of_pair(ctx, org, b, f, rate)
    rows = [b, f, {"difference_wan": float(wan(diff)), "rate_percent": float(rate) if rate != "-" else None}]
    return Outcome(True, answer, rows, sources_of([b, f]))


def _lines_compared(ctx: Context, org: str) -> Outcome | None:
    """Two lines of one body in one year compared ("人员经费比公用经费多多少", "how much more for personnel than
    for public expenses"): both figures and their difference, computed; None unless two lines are named."""
    concepts = _named_concepts(ctx.q.text)
    if not concepts:  # "决算支出比收入多多少": the two totals, in the order named
        totals = [(m.start(), c) for c in ("income_total", "expenditure_total") if (m := AMOUNT_ITEM_WORDS[c].search(ctx.q.text))]
        concepts = [c for _, c in sorted(totals)] if len(totals) == 2 else []
    if len(ctx.links.years) > 1:
        return None
    if len(concepts) == 2:
        rows = [r for c in concepts for r in _best_amounts(ctx, org, ctx.links.years, only_concept=c)[:1]]
    elif not concepts:  # "行政运行比一般行政管理事务多多少": two printed lines, one on each side of 比 / than
        rows = _two_printed_lines(ctx, org)
    else:
        return None
    if len(rows) != 2 or rows[0].get("year") != rows[1].get("year") or rows[0].get("fact") == rows[1].get("fact"):
        return None
    high, low = sorted(rows, key=lambda r: Decimal(str(r["amount"])), reverse=True)
    gap = Decimal(str(high["amount"])) - Decimal(str(low["amount"]))
    ratio = Decimal(str(high["amount"])) / Decimal(str(low["amount"])) if Decimal(str(low["amount"])) else None
    times_zh = f"，是后者的 {ratio:.2f} 倍" if ratio is not None and RATIO_QUESTION.search(ctx.q.text) else ""
    times_en = f", {ratio:.2f} times as much" if ratio is not None and RATIO_QUESTION.search(ctx.q.text) else ""
    tail = ctx.say(f"。「{high.get('item')}」比「{low.get('item')}」多 {money(gap, 'zh')}{times_zh}（按图中数据计算，文件未列明）。",
                   f". '{high.get('item')}' is {money(gap, 'en')} more than '{low.get('item')}'{times_en} (computed from the graph's figures, not printed).")
    return Outcome(True, join([_amount_line(r, ctx.lang) for r in rows], ctx.lang) + tail, rows, sources_of(rows))


def _two_printed_lines(ctx: Context, org: str) -> list[dict[str, object]]:
    """The figures of the two printed lines a comparison names on either side of 比 / than (LINE_GAP_SPLIT), each
    a line the body prints by that name; [] unless both sides name one."""
    m = LINE_GAP_SPLIT[ctx.lang].search(ctx.q.text)
    if m is None:
        return []
    rows: list[dict[str, object]] = []
    for side in (ctx.q.text[: m.start()], ctx.q.text[m.end():]):
        named = _line_figure(ctx, org, side)
        if not named or not named_rows(named, asked_item_text(side)):
            return []
        rows.append(named[0])
    return rows


def _changes_of_every_body(ctx: Context) -> list[dict[str, object]]:
    """The stated changes of the line asked, of every body in the asked years: each body prints the line its own
    way ("“三公”经费" / "一般公共预算安排的“三公”经费支出"), so a line named or of the concept asked (``named``: the
    question prints the row's own label)."""
    text = asked_item_text(ctx.q.text)
    concept = amount_concept(text)
    out: list[dict[str, object]] = []
    for r in _in_years([_clean(r) for r in ctx.run("qa_changes")], ctx.links.years):
        item = str(r.get("item", ""))
        named = len(item) >= 2 and not GENERIC_ITEM.match(item) and item in text
        # a total asked ("支出降幅最大"): the total's line, not every line whose name holds 支出 (…“三公”经费支出)
        of_concept = bool(concept) and (WHOLE_BUDGET_LINE.search(item) if concept == "budget_total"
                                        else in_concept(r, str(concept)) if concept in GENERIC_TOTAL_CONCEPTS
                                        else in_concept(r, str(concept)) or AMOUNT_ITEM_WORDS[str(concept)].search(item))
        if named or of_concept:
            out.append({**r, "named": named})
    return out


def _all_against_asked_way(ctx: Context, ranked: list[dict[str, object]], key: str, ascending: bool, by_percent: bool) -> str:
    """The head of a ranking by change whose changes all go the other way than asked (a rise asked, every body
    fell; a fall asked, every body rose): none moved that way, and the smallest and largest moves; '' otherwise."""
    values = [Decimal(str(r[key])) for r in ranked]
    fell = all(v < 0 for v in values)
    if not (fell and not ascending) and not (all(v > 0 for v in values) and ascending):
        return ""
    least, most = ranked[0], ranked[-1]  # ranked the asked way: the first is the smallest move against it

    def shown(r: dict[str, object]) -> str:
        return f"{number(r[key])}%" if by_percent else f"{wan(r[key])} 万元"

    def said(r: dict[str, object]) -> str:
        return f"{r.get('orgLabel')}（{r.get('year')} 年「{r.get('item')}」比上年 {shown(r)}）"

    def said_en(r: dict[str, object]) -> str:
        return f"{r.get('orgLabel')} ({r.get('year')} '{r.get('item')}' {shown(r)} on the previous year)"

    n = len(ranked)
    if fell:
        big, small = ("降幅最大", "降幅最小") if by_percent else ("减少最多", "减少最少")
        return ctx.say(f"没有单位增加：所比较的 {n} 个单位均比上年减少；{big}的是{said(most)}，{small}的是{said(least)}。按文件列明的比上年变化排序：",
                       f"None rose: all {counted(n, 'body')} fell on the previous year; fell the most: {said_en(most)}; "
                       f"fell the least: {said_en(least)}. Ranked by the changes the documents state: ")
    big, small = ("增幅最大", "增幅最小") if by_percent else ("增加最多", "增加最少")
    return ctx.say(f"没有单位减少：所比较的 {n} 个单位均比上年增加；{big}的是{said(most)}，{small}的是{said(least)}。按文件列明的比上年变化排序：",
                   f"None fell: all {counted(n, 'body')} rose on the previous year; rose the most: {said_en(most)}; "
                   f"rose the least: {said_en(least)}. Ranked by the changes the documents state: ")


def _rank_changes(ctx: Context) -> Outcome | None:
    """Which federation's line grew (or fell) the most ("哪个总工会的收入增幅最大"): the changes the documents
    state for the line asked, one per body (its latest year with one, else the asked year), ranked by their
    rate (增幅 / growth) or amount; None when no body states a change of that line."""
    by_percent = bool(CHANGE_RANK_BY_PERCENT.search(ctx.q.text))
    key = "pct" if by_percent else "delta"
    best: dict[str, dict[str, object]] = {}
    federations = {o.iri for o in ctx.catalog.federations(ctx.q.text)}  # bodies ranked, not their units
    for r in sorted(_changes_of_every_body(ctx), key=lambda r: (-int(r["year"]) if isinstance(r.get("year"), int) else 0, not r["named"])):
        if r.get("org") in federations and r.get(key) is not None:
            best.setdefault(str(r["org"]), r)  # the latest year the body states a change of the line
    if not best:
        return None
    ascending = bool(CHANGE_RANK_FALLING.search(ctx.q.text)) or (bool(RANK_LOW.search(ctx.q.text)) and not RANK_HIGH.search(ctx.q.text))
    ranked = sorted(best.values(), key=lambda r: Decimal(str(r[key])), reverse=not ascending)
    top = ranked[0]
    shown = f"{number(top[key])}%" if by_percent else f"{wan(top[key])} 万元"
    lines = [f"{i}. {_change_line(r, ctx.lang, False)}" for i, r in enumerate(ranked, 1)]
    against = _all_against_asked_way(ctx, ranked, key, ascending, by_percent)
    if against:  # "增加最多" when every body's line fell: none rose, said so (never "增加最多的是" a fall)
        return Outcome(True, against + join(lines, ctx.lang), ranked, sources_of(ranked))
    head = ctx.say(f"{'降幅最大' if ascending and by_percent else '增幅最大' if by_percent else '减少最多' if ascending else '增加最多'}的是{top.get('orgLabel')}"
                   f"（{top.get('year')} 年「{top.get('item')}」比上年 {shown}）。按文件列明的比上年变化排序：",
                   f"{'Largest fall' if ascending else 'Largest rise'}: {top.get('orgLabel')} ({top.get('year')} '{top.get('item')}' {shown} on the previous year). "
                   "Ranked by the changes the documents state: ")
    tail = ""
    if len({r.get("year") for r in ranked}) > 1:
        tail = ctx.say("（注意：各单位的年份不同）", " (note: the bodies' changes are of different years)")
    return Outcome(True, head + join(lines, ctx.lang) + tail, ranked, sources_of(ranked))


def comparison(ctx: Context) -> Outcome:
    # "which unions in Zhejiang spent the most": the place's bodies ranked (the region's bodies are linked)
    ranked_region = bool(ctx.links.region) and bool(RANK_HIGH.search(ctx.q.text) or RANK_LOW.search(ctx.q.text))
    if (not ctx.links.orgs or ranked_region) and (RANK_HIGH.search(ctx.q.text) or RANK_LOW.search(ctx.q.text) or EACH_BODY.search(ctx.q.text)):
        if CHANGE_RANKING_WORDS.search(ctx.q.text):
            by_change = _rank_changes(ctx)  # "哪个总工会的收入增幅最大": the stated changes, not the amounts
            if by_change is not None:
                return by_change
        return _rank_bodies(ctx)  # "2024年哪个总工会的收入预算最多": every federation with that year
    if len(ctx.links.orgs) == 1 and len(ctx.links.years) <= 1:
        lines = _lines_compared(ctx, ctx.links.orgs[0])
        if lines is not None:
            return lines
    orgs = ctx.links.orgs or ([_target_org(ctx)] if _target_org(ctx) else [])
    years = ctx.links.years or [None]  # type: ignore[list-item]
    line_ctx = ctx
    if len(orgs) == 1 and not ctx.links.years and WHICH_YEAR.search(ctx.q.text) and orgs[0] in ctx.catalog.orgs:
        # "汇川区总工会哪一年的收入预算更高": every year of the body, the line looked up without "哪一年"
        years = sorted(ctx.catalog.orgs[orgs[0]].years)
        line_ctx = replace(ctx, q=replace(ctx.q, text=WHICH_YEAR.sub(" ", ctx.q.text)))
    rows: list[dict[str, object]] = []
    for org in orgs:
        first_item: object = None
        for year in years:
            found = _best_amounts(line_ctx, org, [year] if year else [])[:1]  # type: ignore[list-item]
            if first_item and found and found[0].get("item") != first_item and year:
                # one body over years: the line as the first year prints it, when the other year prints it too
                # ("budget in 2023 and 2024": not the income total of one year beside the spending total of the other)
                same_line = replace(line_ctx, q=replace(line_ctx.q, text=f"{line_ctx.q.text} {first_item}"))
                again = _best_amounts(same_line, org, [year])[:1]  # type: ignore[list-item]
                found = again if again and again[0].get("item") == first_item else found
            rows.extend(found)
            first_item = first_item or (found[0].get("item") if found else None)
    if len(orgs) == 1 and len(ctx.links.years) == 2 and len(rows) == 1:
        of_project = _project_figure_of_year(ctx, orgs[0], rows[0], next(y for y in ctx.links.years if y != rows[0].get("year")))
        if of_project:  # (q22) the line printed one year, a project's figure the other: the two compared, computed
            return _two_years_computed(ctx, rows + of_project)
    if len(rows) >= 2 and len(ctx.links.orgs) == 1 and len(ctx.links.years) >= 2 and SUM_OVER_BODIES.search(ctx.q.text):
        # "budget in total over 2023 and 2024": the years' figures of one line added up (one phase only)
        return Outcome(True, join([_amount_line(r, ctx.lang) for r in rows], ctx.lang) + _years_total(ctx, rows), rows, sources_of(rows))
    if len(rows) == 2 and len(ctx.links.orgs) == 1 and len(ctx.links.years) == 2:
        # one body in two years ("三公经费比2017年少了多少", "2023 vs 2024"): both figures and the change from the
        # earlier year (stated, else computed), not the gap as a share of the lower figure
        change = yoy_change(ctx)
        if str(rows[0].get("phase")) != str(rows[1].get("phase")) and change.found and all(r.get("amount") is None for r in change.rows) \
                and (one_line := _one_line_in_both(line_ctx, orgs[0], rows)):
            # (q19) "2024年预算比2023年决算多多少": a budget's stated change is on the previous year's budget, not on
            # the final account asked; the difference of the two figures shown, computed, with their phases named
            return _change_across_phases(ctx, one_line, change)
        verdict = _which_year_more(ctx, rows) if WHICH_YEAR.search(ctx.q.text) else ""  # (q22) "哪年多": said first
        if change.found and all(r.get("amount") is None for r in change.rows):  # stated changes: the figures first
            both = rows + change.rows
            return Outcome(True, verdict + join([_amount_line(r, ctx.lang) for r in rows], ctx.lang) + ctx.say("；", "; ") + change.answer,
                           both, sources_of(both))
        if change.found:  # computed from the two years' figures: it shows them
            return replace(change, answer=verdict + change.answer) if verdict else change
    if len(rows) < 2:
        return amount(ctx) if rows else Outcome(False, ctx.say("没有可比较的数据。", "There is nothing comparable in the graph."))
    if len(orgs) > 1 and len(ctx.links.years) == 1 and not wanted_phases(ctx.q.text) and len({str(r.get("phase")) for r in rows}) > 1:
        # bodies of one year, a budget beside final accounts: the phase all of them print, like with like
        rows = _rows_in_one_phase(line_ctx, line_ctx.q, rows, None) or rows
    lines = [_amount_line(r, ctx.lang) for r in rows]
    if len(rows) == 2 and Decimal(str(rows[0]["amount"])) == Decimal(str(rows[1]["amount"])):
        # a tie: said as one, not "higher by 0.00"
        same = ctx.say(f"。两者相同，均为 {money(rows[0]['amount'], 'zh')}。", f". Both are the same: {money(rows[0]['amount'], 'en')}.")
        return Outcome(True, join(lines, ctx.lang) + same, rows, sources_of(rows))
    top = max(rows, key=lambda r: float(r["amount"]))  # type: ignore[arg-type]
    tail = ctx.say(f"。最高的是{top.get('orgLabel')} {top.get('year')} 年", f". Highest: {top.get('orgLabel')} {top.get('year')}")
    if len(rows) == 2:  # two figures: by how much they differ ("莲都区总工会的收入预算比汇川区总工会多多少")
        tail += _difference_text(rows, ctx.lang, ratio=bool(RATIO_QUESTION.search(ctx.q.text)))
    if len({r.get("orgLabel") for r in rows}) > 1 and len({(r.get("year"), str(r.get("phase"))) for r in rows}) > 1:
        # bodies compared on figures of different years or phases (each body's latest): said, not hidden
        tail += ctx.say("（注意：各单位的年份或口径不同）", " (note: the bodies' figures are of different years or phases)")
    return Outcome(True, join(lines, ctx.lang) + tail + ctx.say("。", "."), rows, sources_of(rows))


def _change_between_named_phases(ctx: Context) -> Outcome | None:
    """(q19) One body, two years, a question naming two phases ("2024年预算比2023年决算多多少"): each year's figure
    in the phase named for it, and their difference with the phases said; None unless the two figures found are
    of two phases."""
    asked, org = sorted(ctx.links.years), _target_org(ctx)
    if len(asked) != 2 or len(ctx.links.orgs) != 1 or org is None or len(wanted_phases(ctx.q.text)) < 2:
        return None
    line_ctx = replace(ctx, q=replace(ctx.q, text=EXCEEDED_BY_VERB.sub(" ", ctx.q.text)))  # the line, not "超过"
    rows = [found[0] for year in asked if (found := _best_amounts(line_ctx, org, [year])[:1])]
    if len(rows) != 2 or str(rows[0].get("phase")) == str(rows[1].get("phase")):
        return None
    rows = _one_line_in_both(line_ctx, org, rows)
    return _change_across_phases(ctx, rows, None) if rows else None


def _one_line_in_both(ctx: Context, org: str, rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """(q19) Two years' figures of two phases as one line: unchanged when they are ("收入预算总额" and "本年收入合计"),
    else the other year's figure of the line one of them prints (the budget's 支出预算总额 with the final account's
    本年支出合计, never income against spending); [] when no line is found in both."""
    def one_line(a: dict[str, object], b: dict[str, object]) -> bool:  # a generic "预算" fits both totals: one direction too
        ways = {_short(r.get("direction")) for r in (a, b) if r.get("direction")}
        return _same_line(ctx, a, b) and len(ways) <= 1

    if one_line(rows[0], rows[1]):
        return rows
    for kept, other in ((0, 1), (1, 0)):
        line = str(rows[kept].get("item") or "")
        concept = amount_concept(line)
        asked = replace(ctx, q=replace(ctx.q, text=f"{ctx.q.text} {AMOUNT_ITEM_NAMES.get(concept or '', line)}"))
        again = _best_amounts(asked, org, [int(str(rows[other].get("year")))], strict=True)[:1]
        if again and str(again[0].get("phase")) == str(rows[other].get("phase")) and one_line(rows[kept], again[0]):
            pair = [rows[0], rows[1]]
            pair[other] = again[0]
            return pair
    return []


def _change_across_phases(ctx: Context, rows: list[dict[str, object]], stated: Outcome | None) -> Outcome:
    """(q19) One body's line in two years of two phases: both figures, the later less the earlier (computed), the
    phases named as different, and the change the later document states on its own previous year kept apart."""
    earlier, later = sorted(rows, key=lambda r: int(str(r.get("year") or 0)))
    gap = Decimal(str(later["amount"])) - Decimal(str(earlier["amount"]))
    base = Decimal(str(earlier["amount"]))
    rate = f"{gap / base * 100:+.2f}%" if base else ""
    signed = ("+" if gap > 0 else "") + money(gap, ctx.lang)
    lines = join([_amount_line(r, ctx.lang) for r in (earlier, later)], ctx.lang)
    phase = PHASE_ZH.get(str(later.get("phase")), "")
    answer = ctx.say(f"{lines}。{later.get('year')} 年比 {earlier.get('year')} 年相差 {signed}{f'（{rate}）' if rate else ''}（按图中数据计算，文件未列明）",
                     f"{lines}. {later.get('year')} against {earlier.get('year')}: {signed}{f' ({rate})' if rate else ''} (computed from the graph's figures, not printed)")
    answer += _phases_differ_note(earlier, later, ctx.lang)
    if stated is None:
        return Outcome(True, answer, rows, sources_of(rows))
    answer += ctx.say(f"。文件所述同口径（{phase}对上年{phase}）的变化：", ". The change the document states on its previous year, like for like: ") + stated.answer
    both = rows + stated.rows
    return Outcome(True, answer, both, sources_of(both))


def _difference_text(rows: list[dict[str, object]], lang: str, ratio: bool = False) -> str:
    """How much the higher of two figures exceeds the lower, computed from the graph (no document states it);
    ``ratio``: also how many times the lower it is ("是汇川区总工会的多少倍")."""
    high, low = sorted(rows, key=lambda r: Decimal(str(r["amount"])), reverse=True)
    gap = Decimal(str(high["amount"])) - Decimal(str(low["amount"]))
    share = f"{gap / Decimal(str(low['amount'])) * 100:.2f}" if Decimal(str(low["amount"])) else None
    times = f"{Decimal(str(high['amount'])) / Decimal(str(low['amount'])):.2f}" if ratio and Decimal(str(low["amount"])) else None
    if lang == "zh":
        return (f"，比{low.get('orgLabel')} {low.get('year')} 年多 {money(gap, 'zh')}"
                + (f"（高 {share}%）" if share else "") + (f"，是后者的 {times} 倍" if times else "") + "（按图中数据计算，文件未列明）")
    return (f", {money(gap, 'en')} more than {low.get('orgLabel')} {low.get('year')}"
            + (f" ({share}% higher)" if share else "") + (f", {times} times as much" if times else "") + " (computed from the graph's figures, not printed)")


def _county_level(division: str | None) -> bool:
    """A GB/T 2260 code of a county, district or county-level city (its last two digits are not 00)."""
    return bool(division) and len(division or "") == 6 and not str(division).endswith("00")


def _rows_in_one_phase(ctx: Context, line_only: NormalisedQuestion, rows: list[dict[str, object]],
                       figures: YearFigures | None) -> list[dict[str, object]] | None:
    """A ranking of one year asked in no phase whose figures mix budgets and final accounts: the figures of the
    phase every ranked body prints the line in (final first, then budget), so like is ranked with like; None
    when no phase is common to all of them."""
    for phase in ("final", "budget"):
        asked = replace(line_only, text=f"{line_only.text} {PHASE_ZH[phase]}")
        picked: list[dict[str, object]] = []
        for body in [str(r.get("org")) for r in rows]:
            one = replace(ctx, q=asked, links=replace(ctx.links, orgs=[body]))
            found = _best_amounts(one, body, list(ctx.links.years), strict=True, figures=figures)[:1]
            if not found or found[0].get("phase") != phase:
                break
            picked.extend(found)
        else:
            return picked
    return None


def ranked_figures(ctx: Context, bodies: list[str], figures: YearFigures | None) -> tuple[list[dict[str, object]], list[str]]:
    """Each body's figure of the line a ranking asks (strictly: a body that does not print it gives none,
    never its total instead), and the labels of the bodies without it.  ``figures``: every body's rows of
    the year read in one query (qa_amounts_of_year); None reads each body on its own (qa_amounts), the
    same rows (tests/qa/test_round8_amounts.py compares them)."""
    rows: list[dict[str, object]] = []
    missing: list[str] = []
    # the line asked, without "哪个总工会…最多" (spaces closed up: "spent the most on projects" -> "spent on projects")
    line_only = replace(ctx.q, text=re.sub(r"\s+", " ", RANKING_WORDS.sub(" ", ctx.q.text)).strip())
    if figures is not None and figures.line_ctx is None and figures.ctx is ctx and not ctx.context_text:
        figures.line_ctx = replace(ctx, q=line_only, links=replace(ctx.links, orgs=[]))
    for body in bodies:
        one = replace(ctx, q=line_only, links=replace(ctx.links, orgs=[body]))
        found = _best_amounts(one, body, list(ctx.links.years), strict=True, figures=figures)[:1]
        rows.extend(found)
        if not found:
            missing.append(ctx.label(body))
    phases = {phase for phase, words in RANKING_PHASE_WORDS.items() if words.search(line_only.text)}
    if not phases and len(ctx.links.years) == 1 and len({str(r.get("phase")) for r in rows}) > 1:
        rows = _rows_in_one_phase(ctx, line_only, rows, figures) or rows
    if len(phases) == 1:
        # "收入预算最多": budgets ranked with budgets; a body holding that line in another phase only is named apart
        asked = phases | ({"adjusted"} if "budget" in phases else set())
        kept = [r for r in rows if r.get("phase") in asked]
        if kept and len(kept) < len(rows):
            missing += [ctx.say(f"{r.get('orgLabel') or ctx.label(r.get('org'))}（仅有{PHASE_ZH.get(str(r.get('phase')), '')}数）",
                                f"{r.get('orgLabel') or ctx.label(r.get('org'))} ({r.get('phase')} figures only)") for r in rows if r not in kept]
            rows = kept
    return rows, missing


RANKING_SHOWN = 20  # bodies of a ranking spelled out in the answer; the rows carry every one


def _bodies_counted(n: int, unions: bool) -> str:
    """"3 federations" when every body counted is a union, else "3 bodies" (a list of 妇联 or bureaus)."""
    return counted(n, "federation" if unions else "body")


def _without_kind_words(ctx: Context) -> Context:
    """The question without the words that name the kind of body compared (ENGLISH_KIND_NAMES, ZH_KIND_NAMES:
    "各妇联", "which women's federation"), so what is left names the line."""
    text = ctx.q.text
    for word, _label in ENGLISH_KIND_NAMES:
        text = word.sub(" body ", text)
    for word, _label in ZH_KIND_NAMES:
        text = word.sub("单位", text)  # the generic body word: "哪个单位的收入最多"
    return ctx if text == ctx.q.text else replace(ctx, q=replace(ctx.q, text=text))


def _without_region_words(ctx: Context) -> Context:
    """The question without the place it scopes to and its scope words ("浙江的总工会", "吉林省各总工会"), so what
    is left names the line ranked."""
    if not ctx.links.region:
        return ctx
    scope = REGION_SCOPE["zh"].pattern.removeprefix("^")
    text = ctx.q.text
    for name in sorted({ctx.links.region, short_name(ctx.links.region) or ctx.links.region}, key=len, reverse=True):
        text = re.sub(re.escape(name) + f"(?:{scope})?", " ", text)
    return ctx if text == ctx.q.text else replace(ctx, q=replace(ctx.q, text=text))


@lru_cache(maxsize=1)
def _english_place_names() -> dict[str, str]:
    """The pinyin words of every province and prefecture (湖南省 -> "hunan"), for a place an English question scopes to."""
    from unionkg.graph.places import default_gazetteer
    from unionkg.qa.linking import place_readings

    names: dict[str, str] = {}
    for d in default_gazetteer().divisions:
        if d.depth <= 2:
            for word in place_readings(d.name):
                names.setdefault(word, d.name)
    return names


def _unheld_english_place(text: str) -> str | None:
    """The place an English question scopes to with REGION_SCOPE's words ("the unions in Hunan", "which Hubei county
    unions") when linking found no region for it: a place of the gazetteer, none of whose bodies the graph holds."""
    for m in re.finditer(r"[a-z]+", text):
        before, after = text[:m.start()], text[m.end():]
        if REGION_SCOPE["en"].search(before) or (REGION_SCOPE["en_which"].search(before) and (
                REGION_SCOPE["en_kind_after"].match(after) or REGION_SCOPE["en_city_kind_after"].match(after))):
            if m.group(0) in _english_place_names():
                return _english_place_names()[m.group(0)]
    return None


def _unheld_place_scope(ctx: Context) -> str | None:
    """A place the question ranks or lists the bodies of ("2023年湖北省各市总工会…谁最高", "湖南的总工会…排名") that
    encloses no body of the graph (linking found no region): its name, so the answer says so instead of ranking the
    bodies of other places; None when the question scopes to no place or the place was linked."""
    if ctx.links.region:
        return None
    if ctx.lang != "zh":
        return _unheld_english_place(ctx.q.text)
    from unionkg.graph.places import default_gazetteer
    from unionkg.graph.places import short_name as place_short_name

    gazetteer = default_gazetteer()
    provinces = {s: d.name for d in gazetteer.divisions if d.depth == 1 and (s := place_short_name(d.name))}
    text = ctx.q.text
    for i in range(2, len(text)):
        if not REGION_SCOPE["zh"].match(text[i:]):
            continue
        place = gazetteer.place_ending_at(text, i) or next((full for short, full in provinces.items() if text[:i].endswith(short)), None)
        if place:
            return place
    return None


def _no_bodies_of_place(ctx: Context, place: str) -> Outcome:
    from unionkg.qa.phrasing import holdings_text

    return Outcome(False, ctx.say(f"知识图谱中没有{place}的总工会的数据。", f"The graph holds no federation of {place}; ")
                   + holdings_text(ctx.catalog.holdings(), ctx.lang))


def _with_per_head(ctx: Context, rows: list[dict[str, object]], missing: list[str]) -> tuple[list[dict[str, object]], list[str]]:
    """Each ranked figure with the body's staff count of its year and the figure per head (``perHeadYuan``); a body
    without a staff count that year is named apart, never ranked on its total."""
    out: list[dict[str, object]] = []
    for r in rows:
        staff = _staff_for_head_count(ctx, str(r.get("org")), r)
        if staff is None:
            missing = missing + [ctx.say(f"{r.get('orgLabel')}（无人数）", f"{r.get('orgLabel')} (no staff count)")]
            continue
        heads = int(staff["headcount"])  # type: ignore[call-overload]
        out.append({**r, "headcount": heads, "staffLabel": staff.get("label"), "staffQuote": staff.get("quote"), "staffDoc": staff.get("doc"),
                    "perHeadYuan": float(Decimal(str(r["amount"])) / heads)})
    return out, missing


def _per_head_ranking(ctx: Context, ranked: list[dict[str, object]], missing: list[str], low: bool, compared: int) -> Outcome:
    """A ranking of bodies by a line per head of staff (computed, and said so), each with its figure and count."""
    lines = [ctx.say(f"{i}. {r.get('orgLabel')} {r.get('year')} 年人均 {money(r['perHeadYuan'], 'zh')}（{PHASE_ZH.get(str(r.get('phase')), '')}「{r.get('item')}」"
                     f"{money(r['amount'], 'zh')} ÷「{r.get('staffLabel')}」{r['headcount']} 人）",
                     f"{i}. {r.get('orgLabel')} {r.get('year')}: {money(r['perHeadYuan'], 'en')} per head ({r.get('phase') or ''} '{r.get('item')}' "
                     f"{money(r['amount'], 'en')} / '{r.get('staffLabel')}' {r['headcount']})") for i, r in enumerate(ranked, 1)]
    best = ranked[0]
    head = ctx.say(f"人均{'最少' if low else '最多'}的是{best.get('orgLabel')}（{money(best['perHeadYuan'], 'zh')}）。比较了 {compared} 个总工会：",
                   f"{'Lowest' if low else 'Highest'} per head: {best.get('orgLabel')} ({money(best['perHeadYuan'], 'en')}). Compared over {counted(compared, 'federation')}: ")
    tail = ctx.say("（人均数按图中数据计算，文件未列明）", " (per-head figures computed from the graph's figures, not printed)")
    if len({(r.get("year"), str(r.get("phase"))) for r in ranked}) > 1:
        tail += ctx.say("（注意：各单位数字的年份或口径（预算/决算）不同。）", " (Note: the bodies' figures are of different years or phases (budget / final).)")
    if missing:
        tail += ctx.say(f"。未列出：{'、'.join(missing)}", f". Not ranked: {', '.join(missing)}")
    staff_sources = [{"quote": r.get("staffQuote"), "doc": r.get("staffDoc")} for r in ranked if r.get("staffQuote")]
    return Outcome(True, head + join(lines, ctx.lang) + tail, ranked, sources_of(ranked + staff_sources)[:SOURCE_LIMIT])


def _rank_bodies(ctx: Context) -> Outcome:
    """Which federation has the most / least of a line: every federation of the graph with data in the asked
    years is looked up (strictly: a body that does not print the line is left out, never its total instead);
    the ranking names the bodies and years compared and those without the line."""
    unheld = _unheld_place_scope(ctx)
    if unheld is not None:  # "湖北省各市总工会" with no body of 湖北 in the graph: said, never other places' bodies ranked
        return _no_bodies_of_place(ctx, unheld)
    feds = [o for o in ctx.catalog.federations(ctx.q.text) if o.years and (not ctx.links.years or o.years & set(ctx.links.years))]
    if ctx.links.region:  # "湖南的总工会…排名": the bodies of that place only
        feds = [o for o in feds if o.iri in ctx.links.orgs]
    # a body whose figures of the asked year come only from another year's document (a budget printing the
    # previous year's final figures) holds no document of that year: not ranked as having its data, named apart
    asked = set(ctx.links.years)
    secondhand = [o for o in feds if asked and o.published_years and not o.published_years & asked]
    feds = [o for o in feds if o not in secondhand]
    levels = [depth for depth, words in BODY_LEVEL_WORDS.items() if words.search(ctx.q.text)]
    level_zh, level_en = BODY_LEVEL_NAMES[levels[0]] if len(levels) == 1 else ("", "")
    if len(levels) == 1:  # "哪个区县总工会", "各市总工会", "which provincial federation": bodies of that level only
        feds = [o for o in feds if division_depth(o.division) == levels[0]]
    line_ctx = _without_region_words(_without_kind_words(ctx))  # "各妇联…", "浙江的总工会…": who is ranked, not a line
    per_head = bool(PER_HEAD_QUESTION.search(ctx.q.text))
    if per_head:  # "人均人员经费最高": the line is what is left without the per-head words
        line_ctx = replace(line_ctx, q=replace(line_ctx.q, text=PER_HEAD_QUESTION.sub(" ", line_ctx.q.text)))
    rows, missing = ranked_figures(line_ctx, [fed.iri for fed in feds], YearFigures(line_ctx))
    if per_head:
        rows, missing = _with_per_head(ctx, rows, missing)
    if not rows:
        return Outcome(False, ctx.say("没有可比较的数据。", "There is nothing comparable in the graph."))
    low = asks_lowest_first(ctx.q.text)
    ranked = sorted(rows, key=lambda r: Decimal(str(r["perHeadYuan"] if per_head else r["amount"])), reverse=not low)
    if per_head:  # each body's figure, its staff count and the quotient ranked; the figures themselves are not
        return _per_head_ranking(ctx, ranked, missing, low, len(feds))
    best = ranked[0]
    when_zh = f" {'、'.join(map(str, ctx.links.years))} 年" if ctx.links.years else ""
    when_en = f" in {years_text(ctx.links.years)}" if ctx.links.years else ""
    lines = [f"{i}. {_amount_line(r, ctx.lang)}" for i, r in enumerate(ranked[:RANKING_SHOWN], 1)]
    more = len(ranked) - RANKING_SHOWN  # a ranking of hundreds of bodies: the first ones spelled out, all in the rows
    unlisted = "、".join(missing[:RANKING_SHOWN]) + (f" 等 {len(missing)} 个" if len(missing) > RANKING_SHOWN else "")
    unlisted_en = ", ".join(missing[:RANKING_SHOWN]) + (f" and {len(missing) - RANKING_SHOWN} more" if len(missing) > RANKING_SHOWN else "")
    if ctx.lang == "zh":
        head = f"{'最少' if low else '最多'}的是{best.get('orgLabel')}（{best.get('year')} 年「{best.get('item')}」{money(best['amount'], 'zh')}）。"
        where = f"{ctx.links.region}的" if ctx.links.region else ""
        noun = "总工会" if all(UNION_NAME_WORD in o.label for o in feds) else "单位"  # a ranking of 妇联 counts no 总工会
        scope = f"比较范围：图中{when_zh}有数据的{where} {len(feds)} 个{level_zh}{noun}；排序：" + "；".join(lines)
        scope += f"；……其余 {more} 个见返回的数据行" if more > 0 else ""
        tail = f"。未列出该项的：{unlisted}。" if missing else "。"
    else:
        head = f"{'Lowest' if low else 'Highest'}: {best.get('orgLabel')} ({best.get('year')} '{best.get('item')}' {money(best['amount'], 'en')}). "
        where = f" in {_region_en(ctx)}" if ctx.links.region else ""
        noun = "federation" if all(UNION_NAME_WORD in o.label for o in feds) else "body"
        scope = f"Compared over the {counted(len(feds), level_en + noun)}{where} of the graph with data{when_en}; ranking: " + "; ".join(lines)
        scope += f"; ... {more} more in the rows" if more > 0 else ""
        tail = f". Not printing that line: {unlisted_en}." if missing else "."
    if len({(r.get("year"), str(r.get("phase"))) for r in ranked}) > 1:
        # each body's latest year, or a budget beside a final account: said, not hidden
        tail += ctx.say("（注意：各单位数字的年份或口径（预算/决算）不同。）", " (Note: the bodies' figures are of different years or phases (budget / final).)")
    if secondhand:
        names = [o.label for o in secondhand]
        tail += ctx.say(f"（未计入：{'、'.join(names)} 没有 {years_text(sorted(asked))} 年的文件，该年的数字只见于其他年度的文件。）",
                        f" (Not counted: {', '.join(names)} published no document of {years_text(sorted(asked))}; its figures of that year "
                        "are only printed in another year's document.)")
    return Outcome(True, head + scope + tail, ranked, sources_of(ranked))


# ---------------------------------------------------------------- projects
def _projects(ctx: Context, described: bool = True) -> list[dict[str, object]]:
    """Projects of the body/year, only the asked ones when named (``described``: or described, in English)."""
    rows = _in_years(_rows_for_orgs(ctx, "qa_projects"), ctx.links.years)
    asked = _asked_projects(ctx) if described else list(ctx.links.projects)
    if asked:
        rows = [r for r in rows if r.get("fact") in asked] or rows
    seen: set[object] = set()
    out = []
    for r in rows:
        if r["fact"] not in seen:
            seen.add(r["fact"])
            out.append(_clean(r))
    return out


def _project_figure_of_year(ctx: Context, org: str, other: dict[str, object], year: int) -> list[dict[str, object]]:
    """(q22) A line of one year compared with another year where the body prints it only as a project of a project
    table or a self-evaluation ("困难职工帮扶资金" listed in a 2021 budget's 项目支出, a 2020 self-evaluated project):
    that project's figure of the other row's phase (its budget, or its final amount), as an amount row; [] when the
    year has no project of exactly that name or it lacks the figure."""
    key = {"budget": "budget", "final": "final", "adjusted": "adjusted"}.get(str(other.get("phase")), "budget")
    for r in _in_years(_rows_for_orgs(ctx, "qa_projects"), [year]):
        if r.get("org") == org and item_core(r.get("label")) == item_core(other.get("item")) and r.get(key) is not None:
            row = _clean(r)
            return [{**row, "item": row.get("label"), "amount": row[key], "amount_wan": float(wan(row[key])), "phase": other.get("phase")}]
    return []


def _which_year_more(ctx: Context, rows: list[dict[str, object]]) -> str:
    """(q22) "2022年和2023年三公经费预算哪年多": the year of the larger of one line's two figures and by how much, said
    before the figures ("" when they are equal: the figures say so)."""
    old, new = sorted(rows, key=lambda r: int(r["year"]) if isinstance(r.get("year"), int) else 0)
    gap = Decimal(str(new["amount"])) - Decimal(str(old["amount"]))
    if not gap:
        return ""
    more, less = (new, old) if gap > 0 else (old, new)
    return ctx.say(f"{more.get('year')} 年更多，比 {less.get('year')} 年多 {money(abs(gap), 'zh')}（按图中数据计算）。",
                   f"{more.get('year')} is higher, by {money(abs(gap), 'en')} over {less.get('year')} (computed from the graph's figures). ")


def _two_years_computed(ctx: Context, rows: list[dict[str, object]]) -> Outcome:
    """(q22) Two years' figures of one line, earlier first, and the change between them computed (said to be)."""
    old, new = sorted(rows, key=lambda r: int(r["year"]) if isinstance(r.get("year"), int) else 0)
    gap = Decimal(str(new["amount"])) - Decimal(str(old["amount"]))
    base = Decimal(str(old["amount"]))
    rate = f"{gap / base * 100:+.2f}%" if base else ""
    signed = ("+" if gap > 0 else "") + money(gap, ctx.lang)
    lines = join([_amount_line(r, ctx.lang) for r in (old, new)], ctx.lang)
    answer = ctx.say(f"{lines}。{new.get('year')} 年比 {old.get('year')} 年变化 {signed}{f'（{rate}）' if rate else ''}（按图中两年数据计算，文件未列明）",
                     f"{lines}. Change from {old.get('year')} to {new.get('year')}: {signed}{f' ({rate})' if rate else ''} (computed from the graph's figures of the two years, not printed)")
    return Outcome(True, answer, [old, new], sources_of([old, new]))


def _project_amount_text(r: dict[str, object], lang: str) -> str:
    parts = []
    for key, zh, en in (("budget", "预算", "budget"), ("adjusted", "调整预算", "adjusted"), ("final", "执行", "spent")):
        if r.get(key) is not None:
            parts.append(f"{zh} {wan(r[key])} 万元" if lang == "zh" else f"{en} {wan(r[key])}")
    return ("，".join(parts) if lang == "zh" else ", ".join(parts) + (" (万元)" if parts else ""))


RANK_LOW = re.compile(r"最少|最小|最低|最差|smallest|lowest|least|fewest|cheapest|worst")
RANK_HIGH = re.compile(r"最多|最大|最高|最好|largest|biggest|highest|most|best")


def asks_lowest_first(text: str) -> bool:
    """A ranking asked from the lowest ("哪个最少", "从低到高排序", "in ascending order"), not the highest."""
    return bool(ASCENDING_ORDER.search(text)) or (bool(RANK_LOW.search(text)) and not RANK_HIGH.search(text))
RANK_TOP = re.compile(r"前\s*(\d+)|\btop\s*(\d+)|(?:最(?:多|大|高|少|小|低)|largest|biggest|highest|smallest|lowest)的?\s*(\d+)\s*(?:个|项)?")
PROJECT_SUM = re.compile(r"加起来|合计|总和|总额|一共|总共|共计|\bsum\b|\bin total\b|\bcombined\b|\baltogether\b|\badd up\b|\btotal (?:budget|amount)")
MONEY_WORDS = re.compile(r"预算|钱|金额|资金|经费|多少万|budget|money|amount|funds?|spen[dt]|cost")
# (q8) Points lost ranked ("扣分最多的项目", "lost the most points"): the most lost is the lowest score.
POINTS_LOST_RANK = re.compile(r"扣分|失分|丢分|\blost (?:the )?(?:most|fewest|least) points\b")
RANK_METRICS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("score", re.compile(r"得分|分数|评分|自评分|扣分|失分|丢分|\bscor(?:e|ed|es|ing)\b|\bpoints\b")),  # "lowest-scoring project"
    ("rate", re.compile(r"执行率|完成率|execution rate|spending rate")),
    ("final", re.compile(r"决算|执行数|实际支出|支出了|花了|spent|final|actual")),
    ("budget", re.compile(r"")),
)


def _rank_projects(ctx: Context, rows: list[dict[str, object]]) -> Outcome | None:
    """Rankings and sums over the projects of a body ("哪个项目钱最多", "前3个项目", "所有项目预算加起来")."""
    text = ctx.q.text
    if not any(pattern.search(text) for _name, pattern in RANK_METRICS[:-1]):
        # "哪个最低？" in a chat: the figure of the list just shown (its rates, scores or spending)
        text = f"{text} {ctx.context_text or ctx.previous}"
    metric = next(name for name, pattern in RANK_METRICS if pattern.search(text))
    listed = len(rows)  # the body's projects, before those without the figure ranked are left out
    low, high = RANK_LOW.search(text), RANK_HIGH.search(text)
    if metric == "score" and POINTS_LOST_RANK.search(text):  # "扣分最多的项目": the lowest score, "扣分最少" the highest
        low, high = high, low
    top = RANK_TOP.search(text)
    if metric == "score":  # "哪个项目的自评得分最高": the projects' evaluation scores, not their budgets
        scores = {r.get("subject"): r.get("score") for r in _in_years(_rows_for_orgs(ctx, "qa_evaluations"), ctx.links.years)
                  if r.get("score") is not None}
        rows = [{**r, "score": scores[r["fact"]]} for r in rows if r.get("fact") in scores]
    if PROJECT_SUM.search(text) and MONEY_WORDS.search(text) and not (low or high or top) and metric != "rate":
        valued = [r for r in rows if isinstance(r.get(metric), (int, float))]
        if not valued:
            return None
        total = sum(Decimal(str(r[metric])) for r in valued)
        what = {"budget": ("预算", "budget"), "final": ("决算/执行", "final")}[metric]
        answer = ctx.say(f"{len(valued)} 个项目的{what[0]}合计 {wan(total)} 万元：", f"The {len(valued)} projects' {what[1]} add up to {wan(total)} 万元: ")
        lines = [f"{r['label']} {wan(r[metric])}" for r in valued]
        return Outcome(True, answer + join(lines, ctx.lang), [{"total_wan": float(wan(total)), "count": len(valued)}] + valued, sources_of(valued))
    if not (low or high or top):
        return None
    valued = [r for r in rows if isinstance(r.get(metric), (int, float, Decimal))]  # scores and rates may be decimals
    if not valued:
        return None
    n = int(next(g for g in top.groups() if g)) if top and any(top.groups()) else 1
    ranked = sorted(valued, key=lambda r: float(r[metric]), reverse=not (low and not high))  # type: ignore[arg-type]
    cut = float(ranked[min(n, len(ranked)) - 1][metric])  # type: ignore[arg-type]
    descending = not (low and not high)
    shown = [r for r in ranked if (float(r[metric]) >= cut if descending else float(r[metric]) <= cut)]  # type: ignore[arg-type]
    value = (lambda r: f"{number(r['rate'])}%") if metric == "rate" else (lambda r: f"{number(r['score'])}{ctx.say(' 分', '')}") if metric == "score" \
        else (lambda r: f"{wan(r[metric])} 万元")
    what = {"rate": ("执行率", "execution rate"), "final": ("决算/执行数", "final amount"), "budget": ("预算", "budget"),
            "score": ("自评得分", "evaluation score")}[metric]
    owner = (lambda r: f"{r.get('orgLabel')} {r.get('year')} ") if len({r.get("org") for r in valued}) > 1 else (lambda r: "")
    lines = [f"{owner(r)}{r['label']}（{what[0]} {value(r)}）" if ctx.lang == "zh" else f"{owner(r)}{r['label']} ({what[1]} {value(r)})" for r in shown]
    # whose projects were ranked, and which end was asked ("得分最低的是…")
    scope = _bodies_and_years(valued)
    if len(valued) < listed:  # "9 个项目" of which the graph scores 3: the ranking is over those 3, and says so
        scope += ctx.say(f"（{listed} 个项目中图中有{what[0]}的）", f" (of its {listed} projects, those with a {what[1]} in the graph)")
    if top and any(top.groups()):
        head = ctx.say(f"{scope} 共 {len(valued)} 个项目，按{what[0]}排序前 {n} 个：", f"{scope}: top {n} of {len(valued)} projects by {what[1]}: ")
    else:
        end = ("最高", "highest") if descending else ("最低", "lowest")
        head = ctx.say(f"{scope} 共 {len(valued)} 个项目，按{what[0]}排序，{end[0]}的是：", f"{scope}: of {len(valued)} projects by {what[1]}, the {end[1]}: ")
    return Outcome(True, head + join(lines, ctx.lang), shown, sources_of(shown))


def _printed_parts(ctx: Context, org: str, concept: str) -> list[dict[str, object]]:
    """The figures the body prints as parts of a line of ``concept`` (项目支出: the funds listed under it), of the
    asked year (else the latest year that lists such parts) and of one phase (the asked one, else final before
    budget), largest first."""
    parts = ctx.run("qa_line_parts", org=org, year=ctx.links.years[0]) if len(ctx.links.years) == 1 else \
        _in_years(ctx.run("qa_line_parts", org=org), ctx.links.years)
    parents = {str(r["fact"]): str(r["partOf"]) for r in parts if amount_concept(str(r["partOf"])) == concept}
    years = sorted({int(r["year"]) for r in parts if str(r["fact"]) in parents and isinstance(r.get("year"), int)}, reverse=True)
    if not years:
        return []
    rows = [_amount_row(r) for r in _amounts_in_years(ctx, org, years[:1] if not ctx.links.years else years) if str(r.get("fact")) in parents]
    asked = wanted_phases(ctx.q.text)
    phases = [p for p in PHASE_PREFERENCE if (not asked or p in asked) and any(r.get("phase") == p for r in rows)]
    rows = [r for r in rows if phases and r.get("phase") == phases[0]]
    if any(r.get("scope") == "department" for r in rows) and any(r.get("scope") != "department" for r in rows):
        # the department's parts, or its own level's (a budget lists both, each under its 收入预算总额)
        own = OWN_LEVEL_WORDS.search(ctx.q.text) is not None
        rows = [r for r in rows if (r.get("scope") == "department") is not own]
    for r in rows:
        r["partOf"] = parents[str(r["fact"])]
    return sorted(rows, key=lambda r: -Decimal(str(r["amount"])))


def _parts_answer(ctx: Context, org: str, concept: str) -> Outcome | None:
    """The parts of a line listed, or the largest / smallest of them when a ranking is asked; None when the body
    prints no parts of such a line."""
    rows = _printed_parts(ctx, org, concept)
    if not rows:
        return None
    if RANK_LOW.search(ctx.q.text) or RANK_HIGH.search(ctx.q.text):
        low = RANK_LOW.search(ctx.q.text) is not None
        rows = sorted(rows, key=lambda r: Decimal(str(r["amount"])), reverse=not low)
    first = rows[0]
    scope = ctx.say(f"{first.get('orgLabel') or ctx.label(org)} {first.get('year')} 年{PHASE_ZH.get(str(first.get('phase')), '')}「{first['partOf']}」中列明的 {len(rows)} 项",
                    f"{first.get('orgLabel') or ctx.label(org)} {first.get('year')} {first.get('phase')}: the {len(rows)} lines listed under '{first['partOf']}'")
    lines = [ctx.say(f"「{r['item']}」{money(r['amount'], 'zh')}", f"'{r['item']}' {money(r['amount'], 'en')}") for r in rows]
    if RANK_LOW.search(ctx.q.text) or RANK_HIGH.search(ctx.q.text):
        end = ctx.say("最少" if RANK_LOW.search(ctx.q.text) else "最多", "smallest" if RANK_LOW.search(ctx.q.text) else "largest")
        tied = [r for r in rows if Decimal(str(r["amount"])) == Decimal(str(first["amount"]))]  # equal figures: each is at the end
        named_zh, named_en = "、".join(f"「{r['item']}」" for r in tied), ", ".join(f"'{r['item']}'" for r in tied)
        head = ctx.say(f"{scope}，{end}的是{named_zh}，{'各' if len(tied) > 1 else ''}{money(first['amount'], 'zh')}。全部：",
                       f"{scope}; the {end}: {named_en}, {'each ' if len(tied) > 1 else ''}{money(first['amount'], 'en')}. All: ")
    else:
        head = ctx.say(f"{scope}：", f"{scope}: ")
    return Outcome(True, head + join(lines, ctx.lang), rows, sources_of(rows))


def _listed_funds(ctx: Context, org: str, year: int, phase: str | None) -> dict[str, dict[str, object]]:
    """(q22) The funds a body lists in one year, by name (item_core): the parts its 项目支出 prints, of ``phase`` when
    given (else the phase _printed_parts prefers), else its projects (project tables, self-evaluations)."""
    text = f"{ctx.q.text} {PHASE_ZH[phase]}" if phase in PHASE_ZH else ctx.q.text
    one_year = replace(ctx, q=replace(ctx.q, text=text), links=replace(ctx.links, years=[year]))
    parts = _printed_parts(one_year, org, "project_spending")
    if parts:
        return {item_core(r.get("item")): r for r in parts}
    return {item_core(r.get("label")): {**r, "item": r.get("label")} for r in _projects(one_year, described=False) if r.get("org") == org}


def _projects_added_dropped(ctx: Context, org: str) -> Outcome | None:
    """(q22) "2023年新增了哪些项目" / "比上年少了哪个项目": the funds the later year lists and the earlier does not, and
    the reverse, of the two years asked (one asked: it and the body's year before it; none: its latest two), the
    same phase in both when the earlier year prints it; None when either year lists none."""
    entry = ctx.catalog.orgs.get(org)
    held = sorted(entry.years) if entry and entry.years else []
    asked = sorted(ctx.links.years)
    if len(asked) >= 2:
        earlier, later = asked[0], asked[-1]
    else:
        later = asked[0] if asked else (held[-1] if held else 0)
        before = [y for y in held if y < later]
        if not before:
            return None
        earlier = before[-1]
    new = _listed_funds(ctx, org, later, None)
    phase = str(next(iter(new.values())).get("phase")) if new else None
    old = _listed_funds(ctx, org, earlier, phase) if new else {}
    if not new or not old:
        return None
    added = [r for k, r in new.items() if k not in old]
    dropped = [r for k, r in old.items() if k not in new]
    label = ctx.label(org)
    def listed(rows: list[dict[str, object]], lang: str) -> str:
        return "、".join(f"「{r.get('item')}」" + (f"{money(r['amount'], 'zh')}" if r.get("amount") is not None else "") for r in rows) if lang == "zh" \
            else ", ".join(f"'{r.get('item')}'" + (f" {money(r['amount'], 'en')}" if r.get("amount") is not None else "") for r in rows)
    zh = (f"{label} {later} 年比 {earlier} 年新增的项目：{listed(added, 'zh') or '无'}；{earlier} 年有而 {later} 年未再列出的：{listed(dropped, 'zh') or '无'}"
          f"（两年所列项目共 {len(new)} 项和 {len(old)} 项，按名称比较）")
    en = (f"{label}: projects listed in {later} but not in {earlier}: {listed(added, 'en') or 'none'}; listed in {earlier} but no longer in {later}: "
          f"{listed(dropped, 'en') or 'none'} ({len(new)} and {len(old)} listed, compared by name)")
    shown = added + dropped
    return Outcome(True, ctx.say(zh, en), shown, sources_of(shown or list(new.values())[:1]))


def projects(ctx: Context) -> Outcome:
    if len(ctx.links.orgs) == 1 and PROJECTS_ADDED_OR_DROPPED.search(ctx.q.text):
        added_dropped = _projects_added_dropped(ctx, ctx.links.orgs[0])
        if added_dropped is not None:
            return added_dropped
    rows = _projects(ctx, described=False)
    if amount_concept(ctx.q.text) == "project_spending" and (not rows or (not ctx.links.orgs and BODY_RANKING_WORDS.search(ctx.q.text))) \
            and not (ctx.links.orgs and LINE_PART_RANKED.search(ctx.q.text)):  # (q22) "项目支出里哪个项目钱最多": the funds it lists
        # "2020年和2021年的项目支出分别是多少", "今年各总工会的项目支出排名": the 项目支出 line, not a list of projects
        return amount(ctx)
    org = _target_org(ctx) if not rows and len(ctx.links.orgs) == 1 else None
    listed = _parts_answer(ctx, org, "project_spending") if org else None
    if listed is not None:  # no project of the body's own, but its 项目支出 lists the funds it is made of
        return listed
    if not rows:
        return Outcome(False, ctx.say("知识图谱中没有该单位/年份的项目。", "The graph has no projects for this body/year.") + _bodies_without(ctx, "project"))
    ranked = _rank_projects(ctx, rows)
    if ranked is not None:
        return ranked
    if QUESTION_SHAPES["implementer"].search(ctx.q.text):
        return _implementers(ctx, rows)
    # no year asked and projects of several years: each line says its year (latest first)
    several_years = len({r.get("year") for r in rows}) > 1
    if several_years:
        rows.sort(key=lambda r: -int(r["year"]) if isinstance(r.get("year"), int) else 0)
    year = (lambda r: f"{r.get('year')} 年 " if ctx.lang == "zh" else f"{r.get('year')} ") if several_years else (lambda r: "")
    # no body named, or projects of several bodies: each line names its body, the head the bodies counted
    per_body: dict[str, set[str]] = {}
    for r in rows:
        per_body.setdefault(str(r.get("orgLabel") or ctx.label(r.get("org"))), set()).add(str(r.get("year", "")))
    by_body = len(per_body) > 1 or not ctx.links.orgs
    body = (lambda r: f"{r.get('orgLabel') or ctx.label(r.get('org'))} ") if by_body else (lambda r: "")
    lines = [f"{body(r)}{year(r)}{r['label']}（{_project_amount_text(r, ctx.lang)}）" if ctx.lang == "zh"
             else f"{body(r)}{year(r)}{r['label']} ({_project_amount_text(r, ctx.lang)})" for r in rows]
    head = ctx.say(f"共 {len(rows)} 个项目：", f"{counted(len(rows), 'project')}: ")
    if by_body:
        listed_zh = "、".join(f"{b}（{'、'.join(sorted(ys))}）" for b, ys in sorted(per_body.items()))
        listed_en = "; ".join(f"{b} ({', '.join(sorted(ys))})" for b, ys in sorted(per_body.items()))
        head = ctx.say(f"共 {len(rows)} 个项目，来自 {len(per_body)} 个单位：{listed_zh}。", f"{counted(len(rows), 'project')} of {counted(len(per_body), 'body')}: {listed_en}. ")
    return Outcome(True, head + join(lines, ctx.lang), rows, sources_of(rows))


def _stated_completion(ctx: Context) -> Outcome | None:
    """A final figure printed with the share of the year's budget it reached ("财政拨款支出决算 350.00 万元，
    完成年初预算的 96.15%", qa_completion_rates), of the line asked (else the largest): when no budget
    figure of the line is held to compute a rate from, the printed one answers."""
    org = _target_org(ctx)
    if org is None:
        return None
    year = ctx.links.years[0] if len(ctx.links.years) == 1 else None
    rows = ctx.run("qa_completion_rates", org=org, year=year) if year else _in_years(ctx.run("qa_completion_rates", org=org), ctx.links.years)
    rows = [r for r in rows if not r.get("qualifier")]
    if not rows:
        return None
    hits = _matching_amounts(ctx, rows, amount_concept(ctx.item_topic)) or sorted(rows, key=lambda r: -float(r["amount"]))[:1]  # type: ignore[arg-type]
    shown = [_amount_row(r) for r in hits[:3]]
    lines = [ctx.say(f"{_amount_line(r, 'zh')}，完成年初预算的 {number(r['completion'])}%（文件所列）",
                     f"{_amount_line(r, 'en')}, {number(r['completion'])}% of the year's budget (as printed)") for r in shown]
    return Outcome(True, join(lines, ctx.lang), shown, sources_of(shown))


def _funds_in_place(ctx: Context) -> Outcome:
    """资金到位率: as an indicator prints it (资金到位率 100%), else say that no document prints it and give the
    project's budget, spent figure and execution rate, which are printed."""
    printed = [r for r in _indicators(ctx) if "到位" in str(r.get("indicator") or "")]
    if printed:
        return Outcome(True, join([_value_line(ctx, r) for r in printed], ctx.lang), printed, sources_of(printed))
    rows = _projects(ctx)
    if ctx.lang == "en" and not _asked_projects(ctx):
        rows = _of_projects_described(ctx, rows, label="label", key="fact")
    if not rows:
        return Outcome(False, ctx.say("知识图谱中没有资金到位率，也没有该单位/年份的项目资金数字。", "The graph holds no funds-in-place rate, nor project funding figures for this body/year."))
    lines = [ctx.say(f"{r.get('orgLabel')} {r.get('year')}「{r['label']}」：{_project_amount_text(r, 'zh')}" + (f"，执行率 {number(r['rate'])}%" if r.get("rate") is not None else ""),
                     f"{r.get('orgLabel')} {r.get('year')} [{r['label']}]: {_project_amount_text(r, 'en')}" + (f", execution rate {number(r['rate'])}%" if r.get("rate") is not None else ""))
             for r in rows]
    head = ctx.say("文件未列出资金到位率；所列项目资金：", "No document prints a funds-in-place rate; the project funding they print: ")
    return Outcome(False, head + join(lines, ctx.lang), rows, sources_of(rows))


def _implementers(ctx: Context, rows: list[dict[str, object]]) -> Outcome:
    """Who carries each project out (项目实施单位, as printed); the projects that print none are said to."""
    if ctx.lang == "en" and not ctx.links.projects:  # "the model worker recuperation project": that one
        rows = _of_projects_described(ctx, rows, label="label", key="fact")
    named = [r for r in rows if r.get("implementer")]
    if not named:
        listed = "、".join(str(r["label"]) for r in rows)
        return Outcome(False, ctx.say(f"文件未列出{listed}的实施单位。", f"The documents name no implementing unit of {listed}."), rows, sources_of(rows))
    lines = [ctx.say(f"{r.get('orgLabel')} {r.get('year')}「{r['label']}」的实施单位：{r['implementer']}",
                     f"{r.get('orgLabel')} {r.get('year')} [{r['label']}]: implemented by {r['implementer']}") for r in named]
    return Outcome(True, join(lines, ctx.lang), named, sources_of(named))


# (q8) An indicator's completion rate asked ("法律援助案件办理数完成率", "what share of the target was reached"):
# actual over target, computed, not the budget's execution rate.
INDICATOR_COMPLETION_ASKED = re.compile(r"完成率|完成比例|完成度|完成了?百分之|\bcompletion rate\b|\b(?:share|percentage|per ?cent) of (?:the |its )?target\b")


def _indicator_completion(ctx: Context) -> Outcome | None:
    """Each named indicator's actual over its numeric target (same unit), computed and said to be; None when no
    named indicator has two figures to divide."""
    named = [r for r in _indicators(ctx) if r.get("fact") in ctx.links.indicators]
    computable = [r for r in named if isinstance(r.get("actual"), (int, float, Decimal)) and isinstance(r.get("target"), (int, float, Decimal)) and r.get("target")]
    if not computable:
        return None
    lines = []
    for r in computable:
        share = Decimal(str(r["actual"])) / Decimal(str(r["target"])) * 100
        lines.append(_value_line(ctx, r) + ctx.say(f"，完成目标的 {share:.2f}%（实际÷目标，按图中数字计算）", f"; {share:.2f}% of the target (actual / target, computed from the graph's figures)"))
    return Outcome(True, join(lines, ctx.lang), computable, sources_of(computable))


def _of_whole_line(text: str, rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """The line's own figures, not its parts (其中：基本支出 Y 万元: ukg:column), unless ``text`` names the part."""
    asked = [c for c in LINE_PART_COLUMNS if c in asked_item_text(text)]
    return [r for r in rows if (r.get("column") in asked) if asked] or [r for r in rows if r.get("column") not in LINE_PART_COLUMNS]


def _line_rate(ctx: Context) -> Outcome | None:
    """The share of its budget one named line spent ("行政运行的预算完成率"): its final figure with the rate its
    table or paragraph prints (完成率 column, 完成年初预算的 x%: qa_completion_rates) and the budgets it relates;
    when none is printed, the final figure over each budget of the line held (年初预算, 调整预算), said to be
    computed.  None unless the question names a line the body prints and a final figure of it is held."""
    org = _target_org(ctx)
    if org is None or len(ctx.links.orgs) > 1 or not (_names_printed_line(ctx, org) or ctx.links.codes):
        return None
    years = ctx.links.years if len(ctx.links.years) == 1 else []
    rows = [r for r in _amounts_in_years(ctx, org, years) if not r.get("qualifier")]
    # a rate is of the line unless this question names its part (a chat's "完成率呢" after "其中基本支出呢": the line's)
    hits = _of_whole_line(ctx.q.text, _matching_amounts(ctx, rows, amount_concept(ctx.item_topic), named_only=True))
    finals = _rank_amounts(ctx, [r for r in hits if _phase(r) == "final"], org)
    if not finals:
        return None
    year = finals[0].get("year")
    finals = [r for r in finals if r.get("year") == year]
    rates = {str(c["fact"]): c["completion"] for c in ctx.run("qa_completion_rates", org=org, year=int(year))} if isinstance(year, int) else {}  # type: ignore[arg-type]
    final = _amount_row(next((r for r in finals if str(r.get("fact")) in rates), finals[0]))
    budgets: dict[str, dict[str, object]] = {}
    for phase in ("budget", "adjusted"):  # of the final figure's document first (its table's columns)
        pool = [r for r in hits if r.get("year") == year and _phase(r) == phase]
        ranked = sorted(_rank_amounts(ctx, pool, org), key=lambda r: r.get("doc") != final.get("doc"))
        if ranked:
            budgets[phase] = _amount_row(ranked[0])
    label = f"{final.get('orgLabel') or ctx.label(org)} {year}"
    shown = [final, *budgets.values()]
    held_zh = "".join(f"，{PHASE_ZH[p] if p == 'adjusted' else '年初预算'} {money(b['amount'], 'zh')}" for p, b in budgets.items())
    held_en = "".join(f", {'adjusted budget' if p == 'adjusted' else 'initial budget'} {wan(b['amount'])} 万元" for p, b in budgets.items())
    printed = rates.get(str(final.get("fact")))
    if printed is None:
        # none printed: the final figure set against its budget (budget_vs_final: the adjusted budget when held, q16),
        # said to be computed
        computed = budget_vs_final(ctx)
        if not (computed.found and len(computed.rows) == 3 and computed.rows[1].get("amount") == final.get("amount")):
            # no budget of this line to set its final figure against (another pair of totals is no rate of it)
            return Outcome(False, ctx.say(f"{label} 年决算「{final.get('item')}」{money(final['amount'], 'zh')}；图中没有该项的预算数，文件也未列明其完成率，无法计算。",
                                          f"{label} final '{final.get('item')}' {wan(final['amount'])} 万元; the graph holds no budget of this line and no printed rate, so none can be given."),
                           [final], sources_of([final]))
        note = ctx.say("（按图中两数计算，文件未列明该项的完成率）", " (computed from the graph's two figures; no rate of this line is printed)")
        return replace(computed, answer=computed.answer.rstrip("。.") + note + ctx.say("。", "."))
    rate = f"{Decimal(str(printed)):.2f}%"
    computed = budget_vs_final(ctx)
    if computed.found and len(computed.rows) == 3 and computed.rows[2].get("rate_percent") is not None \
            and abs(Decimal(str(computed.rows[2]["rate_percent"])) - Decimal(str(printed))) < Decimal("0.01"):
        # the printed rate is this final figure over that budget: both figures, the difference, and the rate as printed
        note = "" if "（文件所列）" in computed.answer or "(as printed)" in computed.answer else ctx.say(f"（与文件所列完成率 {rate} 一致）", f" (the rate printed: {rate})")
        return replace(computed, answer=computed.answer.rstrip("。.") + note + ctx.say("。", "."))
    # a paragraph says of which budget ("完成年初预算的 x%"); a table's 完成率 column is named as printed
    of_zh, of_en = ("完成年初预算的 ", "of the year's initial budget") if "年初预算" in str(final.get("quote") or "") else ("完成率 ", "completion rate")
    answer = ctx.say(f"{label} 年决算「{final.get('item')}」{money(final['amount'], 'zh')}，{of_zh}{rate}（文件所列）{held_zh}。",
                     f"{label} final '{final.get('item')}' {wan(final['amount'])} 万元, {rate} {of_en} (as printed){held_en}.")
    return Outcome(True, answer, [{**final, "completion": printed}, *budgets.values()], sources_of(shown))


def _line_rate_per_body(ctx: Context) -> Outcome | None:
    """(q26) A named line's rate asked with no body named while several could be meant ("行政运行的预算完成率"): each
    body's rate of that line (printed or computed) or what it holds of it, or that no body holds its final figure;
    never the projects' rates.  None when a body is named or fits alone, or no specific line is named."""
    from unionkg.qa.phrasing import holdings_text

    if ctx.links.orgs or _target_org(ctx) is not None or _asked_projects(ctx):
        return None
    text = asked_item_text(ctx.item_topic)
    if not (_asks_specific_line(text) or _names_class_line(ctx, text) or ctx.links.codes):
        return None
    bodies = _unnamed_candidates(ctx)
    if len(bodies) > BODIES_TRIED_UNNAMED:  # a large graph: which body is asked
        return _which_body(ctx)
    outcomes = [o for body in bodies if (o := _line_rate(replace(ctx, links=replace(ctx.links, orgs=[body.iri])))) is not None]
    what = _asked_line_name(ctx) or text
    if not outcomes:
        return Outcome(False, ctx.say(f"未指明单位；图中没有任何单位有「{what}」的决算数，无法给出其完成率。", f"No body named; no body of the graph holds a final figure of '{what}', so no rate of it can be given. ")
                       + holdings_text(ctx.catalog.holdings(), ctx.lang))
    head = ctx.say("未指明单位，按图中有该项决算数的单位分别作答：", "No body named; each body holding a final figure of the line: ")
    answer = ctx.say("；", "; ").join(o.answer.rstrip("。. ") for o in outcomes)
    return Outcome(any(o.found for o in outcomes), head + answer, [r for o in outcomes for r in o.rows], [s for o in outcomes for s in o.sources][:SOURCE_LIMIT])


def _only_rate_indicators_named(ctx: Context) -> bool:
    """(q21) Whether the indicators a question links are only rate indicators (预算执行率, 资金执行率) and no project is
    named: the question's own rate word linked them, so they name no project to restrict the answer to."""
    if ctx.links.projects or not ctx.links.indicators:
        return False
    named = [r for r in _indicators(ctx) if r.get("fact") in ctx.links.indicators]
    return bool(named) and all(RATE_INDICATOR_NAME.search(str(r.get("indicator") or "")) for r in named)


def _project_rates_against(ctx: Context, threshold: RateThreshold) -> Outcome:
    """(q21) The projects whose execution rate is on the asked side of a bound ("哪些项目执行率低于90%", "which projects
    were completed below 90%"): every project of the bodies and years asked is weighed, not only one whose indicator
    the question's rate word names (预算执行率 is also an indicator's name); none on that side is said, with the rates."""
    rows = [r for r in _projects(ctx, described=False) if r.get("rate") is not None]
    if not rows:
        return Outcome(False, ctx.say("知识图谱中没有该单位/年份的项目执行率。", "The graph has no project execution rate for this body/year."))
    picked = [r for r in rows if threshold.holds(r["rate"])]
    line = (lambda r: ctx.say(f"{r['label']} {number(r['rate'])}%（{r.get('orgLabel')} {r.get('year')} 年；{_project_amount_text(r, 'zh')}）",
                              f"{r['label']} {number(r['rate'])}% ({r.get('orgLabel')} {r.get('year')}; {_project_amount_text(r, 'en')})"))
    if not picked:
        held = join([f"{r['label']} {number(r['rate'])}%" for r in rows], ctx.lang)
        return Outcome(True, ctx.say(f"没有执行率{threshold.said('zh')}的项目（共 {len(rows)} 个项目列有执行率：{held}）。",
                                     f"No project has an execution rate {threshold.said('en')} (the {len(rows)} projects with a rate: {held})."),
                       rows, sources_of(rows))
    head = ctx.say(f"执行率{threshold.said('zh')}的项目（列有执行率的 {len(rows)} 个项目中 {len(picked)} 个）：",
                   f"Projects with an execution rate {threshold.said('en')} ({len(picked)} of the {len(rows)} projects with a rate): ")
    return Outcome(True, head + join([line(r) for r in picked], ctx.lang), picked, sources_of(picked))


def _body_rate(ctx: Context) -> tuple[Decimal, list[dict[str, object]]] | None:
    """(q21) One body's budget execution rate in one year, as its own rate question is answered: the rate its final
    accounts print (完成年初预算的 x%) with the budget it is of, else its final figure over its budget; None when neither."""
    printed = _stated_completion(ctx)
    computed = budget_vs_final(ctx)
    pair = computed.found and len(computed.rows) == 3 and computed.rows[2].get("rate_percent") is not None
    if printed is not None:
        if pair and computed.rows[1].get("amount") == printed.rows[0].get("amount"):
            return Decimal(str(computed.rows[2]["rate_percent"])), computed.rows[:2]
        whole = max(printed.rows, key=lambda r: Decimal(str(r["amount"])))  # several printed (本级, department): the largest figure's
        return Decimal(str(whole["completion"])), [whole]
    if pair:
        return Decimal(str(computed.rows[2]["rate_percent"])), computed.rows[:2]
    return None


def _rank_bodies_by_rate(ctx: Context) -> Outcome | None:
    """(q21) The bodies ranked by budget execution rate ("哪个总工会预算执行率最高", "which federation had the highest
    budget execution rate"): each body's rate of its latest year asked (:func:`_body_rate`), highest first (lowest when
    asked); the bodies without a rate named; None when no body has one."""
    ranked: list[tuple[Decimal, dict[str, object], list[dict[str, object]]]] = []
    without: list[str] = []
    # each body asked its own rate in the same words (the ranking's words, "lowest", must not pick other lines)
    asked = replace(ctx.q, text=BODY_RATE_QUESTION[ctx.lang])
    for body in ctx.catalog.federations(ctx.q.text):
        for year in sorted((y for y in body.years if not ctx.links.years or y in ctx.links.years), reverse=True):
            rate = _body_rate(replace(ctx, q=asked, links=replace(ctx.links, orgs=[body.iri], years=[year])))
            if rate is not None:
                ranked.append((rate[0], {"org": body.iri, "orgLabel": body.label, "year": year, "rate_percent": float(rate[0])}, rate[1]))
                break
        else:
            without.append(body.label)
    if not ranked:
        return None
    low = bool(RANK_LOW.search(ctx.q.text)) and not RANK_HIGH.search(ctx.q.text)
    ranked.sort(key=lambda t: t[0], reverse=not low)
    top = ranked[0][1]
    lines = [f"{i}. {r['orgLabel']} {r['year']} {number(rate)}%" for i, (rate, r, _) in enumerate(ranked, 1)]
    rows = [r for _, r, _ in ranked]
    figures = [f for _, _, shown in ranked for f in shown]
    head = ctx.say(f"预算执行率{'最低' if low else '最高'}的是{top['orgLabel']}（{top['year']} 年 {number(top['rate_percent'])}%）。按执行率排序：",
                   f"{'Lowest' if low else 'Highest'} budget execution rate: {top['orgLabel']} ({top['year']}, {number(top['rate_percent'])}%). Ranked: ")
    tail = ctx.say(f"。没有执行率的单位：{'、'.join(without)}" if without else "", f". Bodies without a rate: {', '.join(without)}" if without else "")
    if len({r["year"] for r in rows}) > 1:
        tail += ctx.say("（注意：各单位的年份不同）", " (note: the bodies' rates are of different years)")
    return Outcome(True, head + join(lines, ctx.lang) + tail, rows + figures, sources_of(figures))


def execution_rate(ctx: Context) -> Outcome:
    if QUESTION_SHAPES["funds_in_place"].search(ctx.q.text):
        return _funds_in_place(ctx)
    if not ctx.links.orgs and BODY_RATE_RANKING[ctx.lang].search(ctx.q.text):
        ranked_bodies = _rank_bodies_by_rate(ctx)  # (q21) "哪个总工会预算执行率最高": every body's rate, ranked
        if ranked_bodies is not None:
            return ranked_bodies
    threshold = asked_rate_threshold(ctx.q.text)
    if threshold is not None and PROJECT_WORDS[ctx.lang].search(ctx.q.text):
        return _project_rates_against(ctx, threshold)  # "哪些项目执行率低于90%": those projects only
    if not _asked_projects(ctx):
        line = _line_rate(ctx) or _line_rate_per_body(ctx)  # "行政运行的预算完成率": the line's printed rate, else computed
        if line is not None:
            return line
    if ctx.links.indicators and INDICATOR_COMPLETION_ASKED.search(ctx.q.text):
        completed = _indicator_completion(ctx)
        if completed is not None:
            return completed
    indicator_rows = [r for r in _indicators(ctx) if "执行率" in str(r.get("indicator", "")) and r.get("actual") is not None]
    if indicator_rows and not _asked_projects(ctx):
        lines = [f"{r.get('orgLabel')} {r.get('year')}：{r['indicator']} {r.get('actualText')}" if ctx.lang == "zh"
                 else f"{r.get('orgLabel')} {r.get('year')}: {r['indicator']} {r.get('actualText')}" for r in indicator_rows]
        return Outcome(True, join(lines, ctx.lang), indicator_rows, sources_of(indicator_rows))
    # (q21) "项目资金执行率": the rate word also names an indicator (预算执行率) of one project; the question is of every project
    rows = [r for r in _projects(ctx, described=not _only_rate_indicators_named(ctx)) if r.get("rate") is not None]
    if ctx.lang == "en" and not _asked_projects(ctx):  # "the Zibo recuperation project": the one its words describe
        rows = _of_projects_described(ctx, rows, label="label", key="fact")
    # (q21) "how much of its budget did X spend": the budget's rate, although "spend" reads as the expenditure total
    whole_budget = amount_concept(ctx.item_topic) in (None, "budget_total") or bool(BODY_BUDGET_SPENT_EN.search(ctx.q.text))
    if not _asked_projects(ctx) and not PROJECT_WORDS[ctx.lang].search(ctx.q.text) and whole_budget:
        # the body's budget execution rate, no line named ("预算执行率"): the rate its final accounts print (财政拨款支出
        # 完成年初预算的 x%) before one computed from two totals the question does not name
        printed = _stated_completion(ctx)
        if printed is not None:
            computed = budget_vs_final(ctx)
            # the final figure the rate is printed with, set against its budget: budget, final and their rate (the
            # printed one, recomputed); another pair of totals (income lines) is not that rate
            if computed.found and len(computed.rows) == 3 and computed.rows[1].get("amount") == printed.rows[0].get("amount"):
                return computed
            return printed
    if not _asked_projects(ctx) and (not rows or not PROJECT_WORDS[ctx.lang].search(ctx.q.text)):
        # the body's rate (no project named): its final figure over its budget, then the projects' stated rates
        outcome = budget_vs_final(ctx)
        if outcome.found and len(outcome.rows) == 3:  # budget, final and their difference: a rate was computed
            if rows:
                outcome.answer += ctx.say("项目执行率：", " Projects' execution rates: ") + join([f"{r['label']} {number(r['rate'])}%" for r in rows], ctx.lang)
                outcome.rows += rows
                outcome.sources = (outcome.sources + sources_of(rows))[:SOURCE_LIMIT]
            return outcome
    stated = _stated_completion(ctx) if not _asked_projects(ctx) else None
    if stated is not None and not rows:
        return stated
    if not rows:
        return Outcome(False, ctx.say("知识图谱中没有该单位/年份的执行率。", "The graph has no execution rate for this body/year."))
    # each rate with its body, year and the budget and spent figures it is computed from ("预算多少钱？执行了多少？")
    lines = [ctx.say(f"{r['label']} {number(r['rate'])}%（{r.get('orgLabel')} {r.get('year')} 年；{_project_amount_text(r, 'zh')}）",
                     f"{r['label']} {number(r['rate'])}% ({r.get('orgLabel')} {r.get('year')}; {_project_amount_text(r, 'en')})") for r in rows]
    return Outcome(True, ctx.say("执行率：", "Execution rate: ") + join(lines, ctx.lang), rows, sources_of(rows))


def asked_counters(ctx: Context) -> set[str]:
    return counters_in(ctx.q.text, ctx.lang)


def counters_in(text: str, lang: str) -> set[str]:
    """The counters (户, 人, 个 ...) of a "how many" question: 多少户 -> 户, how many households -> 户."""
    if not COUNT_QUESTION[lang].search(text):
        return set()
    if lang == "zh":
        named = COUNTER_AFTER_HOW_MANY.search(text)
        if named:  # "多少期职工技能培训": the counter is 期; 职工 is what was trained, not a count of people
            return {unit for unit, pattern in COUNT_UNITS.items() if pattern.search(named.group(1))}
        tails = [m.group(1) for m in re.finditer(r"(?:多少|几)(?:个|名|位)?([\u4e00-\u9fff]{1,6})", text)]
        tails += [m.group(0) for m in re.finditer(r"(?:多少|几)(?:个|名|位|户|人|家|场|次|项)", text)]
    else:
        tails = [m.group(1) for m in re.finditer(r"(?:how many|number of)\s+((?:[a-z-]+\s*){1,3})", text)]
    return {unit for unit, pattern in COUNT_UNITS.items() for t in tails if pattern.search(t)}


def _bigrams(text: str) -> set[str]:
    cjk = re.sub(r"[^\u4e00-\u9fff]", " ", text)
    return {w[i:i + 2] for w in cjk.split() for i in range(len(w) - 1)}


# Words of a question that say nothing about *what* was counted.
_FRAME_BIGRAMS = _bigrams("多少是什么哪些有几个了的年度总工会补助资金经费项目")


def _relevance(question: str, *texts: object, ignore: Iterable[str] = ()) -> int:
    """Bigrams the question shares with ``texts``, not counting the frame words or the ``ignore`` names."""
    asked = _bigrams(question) - _FRAME_BIGRAMS
    for name in ignore:
        asked -= _bigrams(name)
    return len(asked & _bigrams(" ".join(str(t) for t in texts if t)))


def _counted(text: object, counters: set[str]) -> bool:
    """A number followed by one of the counters ("80 户", "（55名）", "597 人")."""
    units = "".join(("人名位" if c == "人" else "户家庭" if c == "户" else c) for c in counters)
    return bool(units) and bool(re.search(rf"\d+(?:\.\d+)?\s*[{units}]", str(text or "")))


def _with_described_projects(ctx: Context) -> Context:
    """(q21) ``ctx`` with the projects an English question describes by their words ("the nuclear industry hardship
    subsidy" -> 核工业特殊困难群体补助经费) linked, when no project is named and the words narrow the projects of the
    bodies asked (every body when none is) to some; else ``ctx`` as it is."""
    if ctx.lang != "en" or ctx.links.projects or ctx.links.indicators:
        return ctx
    every = _projects(ctx, described=False)
    picked = _of_projects_described(ctx, every, label="label", key="fact")
    if not every or len(picked) == len(every):
        return ctx
    return replace(ctx, links=replace(ctx.links, projects=[str(r["fact"]) for r in picked]))


def project_detail(ctx: Context) -> Outcome:
    """How many people / households a project or payment reached, and for how much; else a count of
    work done the documents state ("组织职工技能竞赛八场"), else nothing (passage search)."""
    ctx = _with_described_projects(ctx)  # (q21) "how many retirees did the nuclear industry hardship subsidy cover"
    outcome = _project_or_payment_counts(ctx)
    if outcome.found or outcome.answer:
        return outcome
    counted = work_counts(ctx)
    if counted:
        return counted
    # "how many households did the union help": the actual value of the indicator that counts them
    # (帮扶困难职工户数); with a named project indicator_value would come back here
    reached = indicator_value(ctx) if not ctx.links.projects else None
    return reached if reached is not None and reached.found else outcome


def _project_or_payment_counts(ctx: Context) -> Outcome:
    counters = asked_counters(ctx)
    flow_rows = [_clean(r) for r in _in_years(_rows_for_orgs(ctx, "qa_flows"), ctx.links.years)]
    if not (ctx.links.projects or ctx.links.indicators):
        # no project named: the payments whose recipients are counted in the asked unit ("80户", "55名")
        scored = []
        for f in flow_rows:
            counted = _counted(f.get("payeeLabel"), counters) or _counted(f.get("purpose"), counters)
            score = (2 if counted else 0) + _relevance(ctx.q.text, f.get("payeeLabel"), f.get("purpose"), f.get("quote"))
            if counted:
                scored.append((score, f))
        best = max((s for s, _ in scored), default=0)
        # a bare person count ("597 人") is everywhere: without any shared word it is not evidence enough
        if not scored or (best <= 2 and counters <= {"人"}):
            return Outcome(False, "")  # the answerer falls back to passage search
        rows = [f for s, f in scored if s == best]
        lines = [_flow_line(f, ctx.lang) for f in rows]
        return Outcome(True, join(lines, ctx.lang), rows, sources_of(rows))
    indicators = [r for r in _indicators_in_asked_years(ctx)
                  if r.get("project") in ctx.links.projects or r.get("fact") in ctx.links.indicators]
    indicators = [_indicator_row(r) for r in indicators]
    # the indicators the question is about (慰问职工人数 for "慰问了多少职工"), else all of the project's
    # the question without the project's own name: "送温暖资金慰问了多少职工" asks about 慰问职工
    asked = ctx.q.text
    for p in _projects(ctx):
        if p.get("fact") in ctx.links.projects and str(p.get("label")) in asked:
            asked = asked.replace(str(p["label"]), " ")
    relevant = [r for r in indicators if _relevance(asked, r.get("indicator")) >= 1
                or (counters and _counted(r.get("actualText") or r.get("targetText"), counters) and ctx.lang == "en")]
    if ctx.lang == "zh" and relevant:
        top = max(_relevance(asked, r.get("indicator")) for r in relevant)
        relevant = [r for r in relevant if _relevance(asked, r.get("indicator")) == top]
    project_rows = [r for r in _projects(ctx) if r.get("fact") in ctx.links.projects]
    flows = [f for f in flow_rows if f.get("project") in ctx.links.projects]
    if relevant and not any(r.get("actualText") for r in relevant) and not flows:
        return Outcome(False, "")  # the count is only in the narrative: passage search quotes it
    shown = relevant or indicators
    parts = []
    for f in flows:
        parts.append(_flow_line(f, ctx.lang))
    for r in shown:
        value = r.get("actualText") or (ctx.say(f"目标 {r.get('targetText')}", f"target {r.get('targetText')}"))
        parts.append(f"{r['indicator']} {value}" if ctx.lang == "zh" else f"{r['indicator']}: {value}")
    head_counts: list[dict[str, object]] = []
    for p in project_rows:
        parts.append(f"{p['label']}：{_project_amount_text(p, ctx.lang)}" if ctx.lang == "zh" else f"{p['label']}: {_project_amount_text(p, ctx.lang)}")
        counts = _project_head_counts(ctx, p, counters)
        if counts:  # (q23) "补助了多少人": each group the project's text counts, beside its money
            head_counts += counts
            parts.append(_head_counts_text(counts, ctx.lang))
        if p.get("description") and not relevant:
            parts.append(str(p["description"]))
    rows = flows + shown + project_rows + head_counts
    if not (flows or shown or any(_project_amount_text(p, ctx.lang).strip(" (万元)") for p in project_rows)):
        return Outcome(False, "")  # nothing but the name: passage search
    return Outcome(True, join(parts, ctx.lang), rows, sources_of(rows))


def _project_head_counts(ctx: Context, project: dict[str, object], counters: set[str]) -> list[dict[str, object]]:
    """(q23) The counts of the asked counter (人, 户) the project's own text states beside its money ("其中退休职工
    120 人，遗属 45 人": qa_project_counts.rq, counts quoted within a passage the project is read from), each once."""
    if not counters or not project.get("fact"):
        return []
    rows = [_clean(r) for r in ctx.run("qa_project_counts", project=str(project["fact"]))]
    return [r for r in rows if any(COUNT_UNITS[c].search(str(r.get("unit") or "")) for c in counters if c in COUNT_UNITS)]


def _head_counts_text(counts: list[dict[str, object]], lang: str) -> str:
    """"文件所述人数：退休职工 120 人、遗属 45 人" / "people counted (as stated): …"."""
    each = [f"{r.get('item') or ''} {number(r['count'])} {r.get('unit') or ''}".strip() for r in counts]
    return f"文件所述人数：{'、'.join(each)}" if lang == "zh" else f"people counted (as stated): {', '.join(each)}"


MIN_WORK_COUNT_RELEVANCE = 2  # shared bigrams: 技能+竞赛 names a contest count, a lone 职工 names nothing


def _asked_work_words(ctx: Context) -> str:
    """The words a count question names its thing with: the Chinese question, or the Chinese
    fragments of the genre's glossary an English question names ("skills contests" -> 技能竞赛)."""
    if ctx.lang == "zh":
        return ctx.q.text
    return " ".join(fragment for pattern, fragment in INDICATOR_GLOSSARY if pattern.search(ctx.q.text))


def _unit_fits(row: dict[str, object], counters: set[str]) -> bool:
    return any(COUNT_UNITS[c].search(str(row.get("unit") or "")) for c in counters if c in COUNT_UNITS)


def work_counts(ctx: Context) -> Outcome | None:
    """A count of work done that the documents state in prose (ukg:StatisticalCount: 组织职工技能竞赛八场,
    培训职工三千余人次): the counts whose printed item shares the most words with the question, the
    counter asked (场 / 项 / 人次) breaking ties.  None when no stated count names the thing asked."""
    asked = _asked_work_words(ctx)
    if not asked:
        return None
    counters = asked_counters(ctx)
    bodies = [ctx.label(o) for o in ctx.links.orgs]
    rows = [_clean(r) for r in _in_years(_rows_for_orgs(ctx, "qa_counts"), ctx.links.years)
            if not r.get("table")]  # 三公 table counts have their own family
    scored = [(_relevance(asked, item_core(r.get("item")), ignore=bodies), r) for r in rows]
    scored = [(sc + (1 if _unit_fits(r, counters) else 0), r) for sc, r in scored if sc >= MIN_WORK_COUNT_RELEVANCE]
    if not scored:
        return None
    best = max(sc for sc, _ in scored)
    picked = [r for sc, r in scored if sc == best]
    if not ctx.links.years:  # no year asked: the latest year that states it
        latest = max((r["year"] for r in picked if isinstance(r.get("year"), int)), default=None)
        picked = [r for r in picked if r.get("year") == latest] or picked
    seen: set[tuple[object, ...]] = set()
    picked = [r for r in picked if not ((k := (r.get("orgLabel"), r.get("item"), r.get("count"), r.get("year"))) in seen or seen.add(k))]  # type: ignore[func-returns-value]
    return Outcome(True, join([_work_count_line(r, ctx) for r in picked], ctx.lang), picked, sources_of(picked))


def _work_count_line(r: dict[str, object], ctx: Context) -> str:
    """"洛阳市总工会 2022 年「组织劳动技能竞赛」：12 项", an approximation as printed ("250 多场次")."""
    item = str(r.get("item") or "")
    approx = APPROXIMATE_COUNT_ITEM.search(item)
    item, about = (item[: approx.start()], approx.group(1)) if approx else (item, "")
    figure = f"{number(r['count'])} {about}{r.get('unit') or ''}".strip()
    return ctx.say(f"{r.get('orgLabel')} {r.get('year', '')} 年「{item}」：{figure}（文件所述）",
                   f"{r.get('orgLabel')} {r.get('year', '')}: {figure} ('{item}', as stated)")


def _flow_line(f: dict[str, object], lang: str) -> str:
    amount_text = f"{wan(f['amount'])} 万元" if f.get("amount") is not None else ""
    if lang == "zh":
        return f"{f.get('payeeLabel') or _short(f.get('payee'))}：{amount_text}，{f.get('purpose') or ''}".strip("，")
    return f"{f.get('payeeLabel') or _short(f.get('payee'))}: {amount_text} for {f.get('purpose') or '?'}"


# ---------------------------------------------------------------- stated counts
def asked_grade(text: str) -> str | None:
    """The grade band a question names (优秀 -> 优, good -> 良), if any."""
    m = GRADE_WORDS["question"].search(text)
    return GRADE_BAND.get(next(g for g in m.groups() if g)) if m else None


def item_grade(item: object) -> str | None:
    m = GRADE_WORDS["item"].search(str(item or ""))
    return GRADE_BAND.get(m.group(1)) if m else None


def _count_score(text: str, grade: str | None, item: str) -> int:
    """How well a counted item answers the question: topics both name, else shared words."""
    if grade is not None and item_grade(item) != grade:
        return 0
    topics = sum(2 for asked, counted in COUNT_TOPICS.values() if asked.search(text) and counted.search(item))
    return topics + (2 if grade is not None else 0) + min(_relevance(text, item), 2)


def _is_unit_count(item: object) -> bool:
    return bool(COUNT_TOPICS["budget_units"][1].search(str(item or "")) or COUNT_TOPICS["subordinate_units"][1].search(str(item or "")))


def _sangong_counts(ctx: Context, org: str) -> Outcome | None:
    """A count of the 三公 sections (公务接待批次 / 人次, 公务用车保有量, 出国团组): the stated figure of that counter."""
    units = [u for u, pattern in SANGONG_COUNT_UNITS.items() if pattern.search(ctx.q.text)]
    rows = [_clean(r) for r in _in_years(ctx.run("qa_counts", org=org), ctx.links.years)]
    if ctx.lang == "en":  # the English words name the counted things (SANGONG_COUNT_TOPICS)
        items = [item for words, item in SANGONG_COUNT_TOPICS if words.search(ctx.q.text)]
        rows = [r for r in rows if any(item.search(item_core(r.get("item"))) for item in items)]
    else:
        rows = [r for r in rows if _relevance(ctx.q.text, r.get("item")) >= 1]
    rows = [r for r in rows if not units or any(SANGONG_COUNT_UNITS[u].search(str(r.get("unit") or "") + str(r.get("item") or "")) for u in units)]
    if not rows:
        return None
    best = max(_relevance(ctx.q.text, r.get("item")) for r in rows)
    rows = [r for r in rows if _relevance(ctx.q.text, r.get("item")) == best]
    latest = max((r["year"] for r in rows if isinstance(r.get("year"), int)), default=None)
    rows = [r for r in rows if r.get("year") == latest] if not ctx.links.years else rows
    seen: set[tuple[object, ...]] = set()
    rows = [r for r in rows if not ((k := (r.get("item"), r.get("count"), r.get("year"))) in seen or seen.add(k))]  # type: ignore[func-returns-value]
    lines = [ctx.say(f"{r.get('orgLabel') or ctx.label(org)} {r.get('year', '')} 年{PHASE_ZH.get(str(_phase(r)), '')}「{r.get('item')}」：{number(r['count'])} {r.get('unit', '')}",
                     f"{r.get('orgLabel') or ctx.label(org)} {r.get('year', '')} {_phase(r) or ''} '{r.get('item')}': {number(r['count'])} {r.get('unit', '')}") for r in rows]
    return Outcome(True, join(lines, ctx.lang), rows, sources_of(rows))


def _asset_counts(ctx: Context, org: str, topic: str) -> Outcome:
    """(q27) "有几辆车" / "how many vehicles": the body's stated stock of that asset (qa/asset_counts.py), the total
    then its non-zero kinds; a year the graph lacks answered by the latest earlier stock, said so; none held said so,
    naming the bodies and years whose documents state it."""
    every = [_clean(r) for r in ctx.run("qa_counts") if is_stock(topic, r.get("item"))]
    held = [r for r in every if r.get("org") == org]
    name = ctx.say(ASSET_COUNT_TOPICS[topic].name_zh, ASSET_COUNT_TOPICS[topic].name_en)
    body, asked = ctx.label(org), years_text(ctx.links.years) if ctx.links.years else ""
    if not held:
        others = sorted({f"{r.get('orgLabel') or ctx.label(r.get('org'))}（{r.get('year')}）" for r in every})
        tail = ctx.say(f"图中有{name}数的：{'、'.join(others)}。" if others else "图中没有任何单位的该项数目。",
                       f" The graph holds {name} counts for: {', '.join(others)}." if others else " No body's documents state it.")
        return Outcome(False, ctx.say(f"图中没有{body}{' ' + asked + ' 年' if asked else ''}的{name}数。",
                                      f"The graph holds no count of {name} for {body}{' in ' + asked if asked else ''}.") + tail)
    rows, year = rows_of_year(held, ctx.links.years)
    seen: set[tuple[object, ...]] = set()
    rows = [r for r in rows if not ((k := (r.get("item"), r.get("count"))) in seen or seen.add(k))]  # type: ignore[func-returns-value]
    rows.sort(key=lambda r: (len(str(r.get("item"))), str(r.get("item"))))  # a stable order: the shortest label (the plain total) first
    totals = [r for r in rows if is_total(topic, r.get("item"))]
    parts = [r for r in rows if r not in totals and r.get("count")]
    shown = (totals + parts) or rows
    note = ctx.say(f"图中没有{body} {asked} 年的{name}数；最近一年为 {year} 年：", f"No count of {name} for {body} in {asked}; the latest before it is {year}: ") \
        if ctx.links.years and year not in ctx.links.years else ""
    lines = [ctx.say(f"「{r.get('item')}」{number(r['count'])} {r.get('unit', '')}".rstrip(), f"'{r.get('item')}' {number(r['count'])} {r.get('unit', '')}".rstrip())
             for r in (totals or rows)]
    if len(totals) > 1 and len({number(r["count"]) for r in totals}) == 1:  # one total printed under several labels: said once
        labels = "".join(f"「{r.get('item')}」" for r in totals)
        lines = [ctx.say(f"{number(totals[0]['count'])} {ASSET_COUNT_UNITS.get(topic, '')}（文件所述：{labels}）",
                         f"{number(totals[0]['count'])} (as printed: {', '.join(repr(str(r.get('item'))) for r in totals)})")]
    kinds = [ctx.say(f"{r.get('item')} {number(r['count'])} {r.get('unit', '')}".rstrip(), f"{r.get('item')} {number(r['count'])}") for r in parts] if totals else []
    answer = note + ctx.say(f"{body} {year} 年{name}：", f"{body} {year} {name}: ") + join(lines, ctx.lang) \
        + (ctx.say("；其中：", "; of which: ") + join(kinds, ctx.lang) if kinds else "")
    return Outcome(True, answer, shown, sources_of(shown))


def stated_counts(ctx: Context) -> Outcome:
    """A number the document states: projects by grade, self-evaluated, at 100% execution; budget units."""
    org = _target_org(ctx)
    if org is None and EACH_BODY.search(ctx.q.text) and COUNT_TOPICS["subordinate_units"][0].search(ctx.q.text):
        return subordinate_units(ctx)  # "how many units does each federation have": the units listed, body by body
    if org is None:
        return _which_body(ctx, stated_counts)
    asset = asked_asset_topic(ctx.q.text, ctx.lang)
    if asset is not None:
        return _asset_counts(ctx, org, asset)
    if SANGONG_COUNT_QUESTION[ctx.lang].search(ctx.q.text):
        counted = _sangong_counts(ctx, org)
        if counted is not None:
            return counted
    counted_units = _count_of_listed_units(ctx, org)
    if counted_units is not None:
        return counted_units
    rows = [r for r in _in_years(ctx.run("qa_counts", org=org), ctx.links.years)
            if r.get("unit") in ("个", "家") and not r.get("table")]
    text, grade = ctx.q.text, asked_grade(ctx.q.text)
    scored = [(_count_score(text, grade, str(r.get("item") or "")), r) for r in rows]
    best = max((sc for sc, _ in scored), default=0)
    if best < 2:
        # no such count stated: the units listed, or the projects, answer it
        unit_question = COUNT_TOPICS["budget_units"][0].search(text) or COUNT_TOPICS["subordinate_units"][0].search(text)
        return subordinate_units(ctx) if unit_question else projects(ctx)
    picked = [r for sc, r in scored if sc == best]
    picked = [r for r in picked if str(r.get("item")) in text] or picked  # "几个全额拨款事业单位": that one, not 差额拨款 too
    kinds = _unit_categories_asked(text)  # (q19) "how many partially funded units": the 差额拨款 count, not every unit count
    picked = [r for r in picked if any(UNIT_CATEGORY_PRINTED.get(k, "\0") in str(r.get("item")) for k in kinds)] or picked
    picked = [r for r in picked if len(str(r.get("item"))) == min(len(str(p.get("item"))) for p in picked)]  # 预算单位, not 二级预算单位
    if not ctx.links.years:  # no year asked: the latest year that states it
        latest = max((r["year"] for r in picked if isinstance(r.get("year"), int)), default=None)
        picked = [r for r in picked if r.get("year") == latest] or picked
    shown: list[dict[str, object]] = []
    for r in picked:  # one line per stated figure (a figure quoted twice comes back twice)
        if all((r.get("item"), r.get("count"), r.get("year")) != (x.get("item"), x.get("count"), x.get("year")) for x in shown):
            shown.append(_clean(r))
    lines = [f"{r.get('orgLabel') or ctx.label(org)} {r.get('year', '')} 年「{r.get('item')}」：{number(r['count'])} {r.get('unit', '')}" if ctx.lang == "zh"
             else f"{r.get('orgLabel') or ctx.label(org)} {r.get('year', '')}: {number(r['count'])} ('{r.get('item')}', as stated)" for r in shown]
    answer = join(lines, ctx.lang)
    if any(_is_unit_count(r.get("item")) for r in shown):
        listed = subordinate_units(ctx)  # the stated number with the units the document names
        if listed.found and all(r.get("label") for r in listed.rows):
            kinds = _unit_categories_asked(ctx.q.text)
            if kinds:  # (q19) "有几个差额拨款事业单位": the units of that kind only, never every unit listed
                return _stated_count_with_units_of_kind(ctx, answer, shown, listed, kinds)
            answer += ctx.say("。列出的单位：", ". Units listed: ") + join([str(r["label"]) for r in listed.rows], ctx.lang)
            return Outcome(True, answer, shown + listed.rows, sources_of(shown) + listed.sources)
    return Outcome(True, answer, shown, sources_of(shown))


def _unit_categories_asked(text: str) -> set[str]:
    """The funding types / reform classes a question names (UNIT_CATEGORY_WORDS keys: funding-partial …)."""
    return {category for category, pattern in UNIT_CATEGORY_WORDS.items() if pattern.search(text)}


def _stated_count_with_units_of_kind(ctx: Context, answer: str, shown: list[dict[str, object]], listed: Outcome,
                                     kinds: set[str]) -> Outcome:
    """(q19) A stated count of units of one kind (全额 / 差额 / 自收自支 …) with the listed units of that kind (a 单位性质
    cell gives it); when no listed unit's kind is held, said so rather than listing every unit as if of that kind."""
    of_kind = [r for r in listed.rows if {_short(r.get("fundingType")), _short(r.get("reformClass"))} & kinds]
    if of_kind:
        answer += ctx.say("。其中列出的单位：", ". The units of that kind: ") + join([str(r["label"]) for r in of_kind], ctx.lang)
        return Outcome(True, answer, shown + of_kind, sources_of(shown) + sources_of(of_kind))
    answer += ctx.say(f"（文件未写明列出的 {len(listed.rows)} 个单位各属哪类，无法指出是哪几个）",
                      f" (the documents do not say which of the {len(listed.rows)} units listed is of that kind)")
    return Outcome(True, answer, shown, sources_of(shown))


def _count_of_listed_units(ctx: Context, org: str) -> Outcome | None:
    """"下属单位有几个" / "how many subordinate units" (no kind of unit named): the units the graph lists, counted
    and named, then the document's own counts (纳入…范围的单位共 N 个 counts the body itself too)."""
    text = ctx.q.text
    if not COUNT_TOPICS["subordinate_units"][0].search(text) or any(p.search(text) for p in UNIT_CATEGORY_WORDS.values()):
        return None
    listed = subordinate_units(ctx)
    if not listed.found or not listed.rows or not all(r.get("label") for r in listed.rows):
        return None
    stated = _stated_unit_counts(ctx, org)
    lines = [ctx.say(f"{r.get('year', '')} 年文件所述「{r.get('item')}」{number(r['count'])} {r.get('unit', '个')}",
                     f"{r.get('year', '')}: the document states {number(r['count'])} ('{r.get('item')}')") for r in stated]
    note = ctx.say("（", " (") + join(lines, ctx.lang) + ctx.say("）", ")") if lines else ""
    return Outcome(True, listed.answer + note, listed.rows + stated, (listed.sources + sources_of(stated))[:SOURCE_LIMIT])


# ---------------------------------------------------------------- renamed bodies
def renames(ctx: Context) -> Outcome:
    """A body's former or new name (org:ChangeEvent), with the passage that states the rename."""
    rows = [_clean(r) for r in ctx.run("qa_renames")]
    named = [r for r in rows if any(str(r.get(k) or "\0") in ctx.q.text for k in ("formerLabel", "orgLabel"))]
    linked = set(ctx.links.orgs) | {o for pair in ctx.links.renamed for o in pair}
    rows = named or [r for r in rows if r.get("former") in linked or r.get("org") in linked]
    if not rows:
        return _aliases(ctx)
    lines = [ctx.say(f"{r.get('formerLabel') or _short(r.get('former'))} 更名为 {r.get('orgLabel') or _short(r.get('org'))}",
                     f"{r.get('formerLabel') or _short(r.get('former'))} was renamed {r.get('orgLabel') or _short(r.get('org'))}") for r in rows]
    return Outcome(True, join(lines, ctx.lang), rows, sources_of(rows))


def _aliases(ctx: Context) -> Outcome:
    """Other names of the bodies asked (以下简称 short names, printed variants), each with a passage quoting it."""
    shown: list[dict[str, object]] = []
    for org in ctx.links.orgs[:3]:
        rows = [_clean(r) for r in ctx.run("qa_aliases", dedupe=False, org=org)]
        for alias in dict.fromkeys(str(r["alias"]) for r in rows if r.get("alias") != r.get("orgLabel")):
            quoting = [r for r in rows if r.get("alias") == alias and alias in str(r.get("quote", ""))]
            shown.append((quoting or [r for r in rows if r.get("alias") == alias])[0])
    if not shown:
        return Outcome(False, "")  # no other name recorded: passage search quotes what the documents say
    by_org: dict[str, list[str]] = {}
    for r in shown:
        by_org.setdefault(str(r.get("orgLabel") or ctx.label(r["org"])), []).append(str(r["alias"]))
    lines = [ctx.say(f"{label}的其他名称：{'、'.join(names)}", f"Other names of {label}: {', '.join(names)}") for label, names in by_org.items()]
    return Outcome(True, join(lines, ctx.lang), shown, sources_of(shown))


# ---------------------------------------------------------------- organisation
def _units(ctx: Context, role: str) -> Outcome:
    org = _target_org(ctx)
    if org is None and EACH_BODY.search(ctx.q.text):
        return _units_of_every_body(ctx, role)
    if org is None:
        return _which_body(ctx, lambda c: _units(c, role))
    all_rows = [r for r in ctx.run("qa_units", dedupe=False, org=org) if r.get("role") == UKG + role]
    rows = all_rows
    if ctx.links.years:  # units carry no year: keep those reported in a document of the asked year
        rows = [r for r in all_rows if ctx.doc_years.get(str(r.get("docIri"))) in ctx.links.years] or all_rows
    rows = [_clean(r) for r in rows]
    seen: set[object] = set()
    rows = [r for r in rows if not (r["fact"] in seen or seen.add(r["fact"]))]  # type: ignore[func-returns-value]
    # a unit renamed between years is listed once, by its new name (its old node lists it in older documents)
    listed = {r["fact"] for r in rows}
    former = {str(x.get("former")) for x in ctx.catalog.renames if str(x.get("org")) in listed}
    rows = [r for r in rows if r["fact"] not in former] or rows
    categories = [c for c, pattern in UNIT_CATEGORY_WORDS.items() if pattern.search(ctx.q.text)]
    if categories:  # "有哪些差额拨款事业单位": the units of that funding type / reform class
        rows = [r for r in rows if {_short(r.get("fundingType")), _short(r.get("reformClass"))} & set(categories)] or rows
    what_zh, what_en = ("下属单位", "subordinate units") if role == "SubordinateUnit" else ("内设机构", "internal departments")
    if not rows and role == "SubordinateUnit":
        stated = _stated_unit_counts(ctx, org)
        if stated:  # no unit listed, but the documents state how many units their figures cover
            lines = [ctx.say(f"{r.get('orgLabel') or ctx.label(org)} {r.get('year', '')} 年文件所述「{r.get('item')}」共 {number(r['count'])} {r.get('unit', '个')}",
                             f"{r.get('orgLabel') or ctx.label(org)} {r.get('year', '')}: the document states {number(r['count'])} ('{r.get('item')}')") for r in stated]
            head = ctx.say(f"知识图谱中没有列出{ctx.label(org)}的下属单位名称；", f"The graph lists no subordinate units of {ctx.label(org)} by name; ")
            return Outcome(True, head + join(lines, ctx.lang), stated, sources_of(stated))
    if not rows:
        return Outcome(False, ctx.say(f"知识图谱中没有{ctx.label(org)}的{what_zh}。", f"The graph lists no {what_en} of {ctx.label(org)}."))
    names = [str(r["label"]) for r in rows]
    head = ctx.say(f"{ctx.label(org)}有 {len(rows)} 个{what_zh}：", f"{ctx.label(org)} has {len(rows)} {what_en}: ")
    return Outcome(True, head + join(names, ctx.lang), rows, sources_of(rows))


def _units_of_every_body(ctx: Context, role: str) -> Outcome:
    """"各总工会有几个下属单位": the units (or departments) the graph lists for every federation, by body."""
    rows: list[dict[str, object]] = []
    lines: list[str] = []
    for fed in ctx.catalog.federations(ctx.q.text):
        units = {str(r["fact"]): _clean(r) for r in ctx.run("qa_units", dedupe=False, org=fed.iri) if r.get("role") == UKG + role}
        rows.extend(units.values())
        if not units:  # a body whose documents list none: not "0 units"
            lines.append(ctx.say(f"{fed.label} 未列出", f"{fed.label}: none listed"))
            continue
        names = "、".join(sorted(str(u.get("label")) for u in units.values()))
        years = sorted({y for u in units.values() if isinstance((y := ctx.doc_years.get(str(u.get("docIri")))), int)})
        when_zh = f"（见 {'、'.join(map(str, years))} 年文件）" if years else ""
        when_en = f" in the documents of {', '.join(map(str, years))}" if years else ""
        lines.append(ctx.say(f"{fed.label} {len(units)} 个{when_zh}：{names}", f"{fed.label}: {len(units)}{when_en} ({names})"))
    if not rows:
        return Outcome(False, ctx.say("知识图谱中没有列出任何单位的下属单位。", "The graph lists no units of any body."))
    what_zh, what_en = ("下属单位", "subordinate units") if role == "SubordinateUnit" else ("内设机构", "internal departments")
    head = ctx.say(f"图中 {len(lines)} 个总工会列出的{what_zh}：", f"{what_en.capitalize()} listed in the graph for each of its {len(lines)} federations: ")
    return Outcome(True, head + join(lines, ctx.lang), rows, sources_of(rows))


def _stated_unit_counts(ctx: Context, org: str) -> list[dict[str, object]]:
    """Numbers of units the body's documents state (纳入本部门决算汇编范围的单位共 N 个), in the asked years, once each."""
    rows = [_clean(r) for r in _in_years(ctx.run("qa_counts", org=org), ctx.links.years)
            if r.get("unit") in ("个", "家") and not r.get("table") and _is_unit_count(r.get("item"))]
    seen: set[tuple[object, ...]] = set()
    return [r for r in rows if not ((k := (r.get("item"), r.get("count"), r.get("year"))) in seen or seen.add(k))]  # type: ignore[func-returns-value]


def subordinate_units(ctx: Context) -> Outcome:
    return _parent_of_units(ctx) or _units(ctx, "SubordinateUnit")


def _parent_of_units(ctx: Context) -> Outcome | None:
    """"青田县职工服务中心属于哪个总工会": the body each named unit belongs to (org:subOrganizationOf /
    org:unitOf in the graph, whether the unit was listed in a table or named in a sentence), quoted
    from the passage that reports the unit.  None when the question names no unit or asks no parent."""
    if not PARENT_QUESTION.search(ctx.q.text) or UNITS_BELONGING.search(ctx.q.text):
        return None
    units = [(o, ctx.catalog.orgs[o].parent) for o in ctx.links.orgs if o in ctx.catalog.orgs and ctx.catalog.orgs[o].parent]
    if not units and ctx.lang == "en":
        units = _units_of_kind_named(ctx)
    if not units:
        if not ctx.links.orgs:
            return None
        named = "、".join(ctx.label(o) for o in ctx.links.orgs)
        return Outcome(False, ctx.say(f"知识图谱中没有记录{named}的上级单位（图中它不是哪个单位的下属单位或内设机构）。",
                                      f"The graph records no body that {named} belongs to (it is no unit or department of another body in the graph)."))
    rows: list[dict[str, object]] = []
    lines: list[str] = []
    for unit, parent in units:
        reported = [_clean(r) for r in ctx.run("qa_units", dedupe=False, org=str(parent)) if r.get("fact") == unit]
        row = reported[0] if reported else {"fact": unit, "org": parent, "label": ctx.label(unit), "orgLabel": ctx.label(str(parent))}
        rows.append(row)
        department = row.get("role") == UKG + "InternalDepartment"
        what_zh, what_en = ("内设机构", "internal department") if department else ("下属单位", "subordinate unit")
        lines.append(ctx.say(f"{ctx.label(unit)}是{ctx.label(str(parent))}的{what_zh}",
                             f"{ctx.label(unit)} is a {what_en} of {ctx.label(str(parent))}"))
    return Outcome(True, join(lines, ctx.lang), rows, sources_of(rows))


def _units_of_kind_named(ctx: Context) -> list[tuple[str, str]]:
    """"the Qujing workers' sanatorium": linked to the federation of the place, the unit is that federation's
    unit of the kind named (ENGLISH_BODY_KINDS), when exactly one unit is of that kind."""
    kinds = [printed for asked, printed in ENGLISH_BODY_KINDS if asked.search(ctx.q.text)]
    found: list[tuple[str, str]] = []
    for org in ctx.links.orgs:
        children = [o for o in ctx.catalog.orgs.values() if o.parent == org and any(k.search(o.label) for k in kinds)]
        if len(children) == 1:
            found.append((children[0].iri, org))
    return found


def departments(ctx: Context) -> Outcome:
    return _units(ctx, "InternalDepartment")


def asked_staff_categories(text: str) -> list[str]:
    """The staffing categories a question names, in STAFF_CATEGORY_WORDS order ("编制多少人" -> staff-authorized)."""
    return [c for c, pattern in STAFF_CATEGORY_WORDS.items() if pattern.search(text)]


def _staff_key(r: dict[str, object]) -> tuple[object, ...]:
    """One line per figure: the same number of one body, year and category under 行政编制 / 行政编制数 is one."""
    stem = STAFF_LABEL_SUFFIX.sub("", str(r.get("label") or "")) or str(r.get("label") or "")
    return (r.get("org"), r.get("year"), _short(r.get("category")), r.get("headcount"), stem, r.get("scope"))


def _staff_line(r: dict[str, object], lang: str) -> str:
    scope = r.get("scope") == "department"
    if lang == "zh":
        return f"{r.get('orgLabel')} {r.get('year', '')} 年{'（全部门）' if scope else ''} {r.get('label') or _short(r.get('category'))} {r['headcount']} 人"
    what = STAFF_CATEGORY_EN.get(_short(r.get("category")), _short(r.get("category")))
    return f"{r.get('orgLabel')} {r.get('year', '')}{' (whole department)' if scope else ''} {r.get('label') or ''} ({what}): {r['headcount']}"


def _first_per_body_by_category(rows: list[dict[str, object]]) -> list[tuple[str, dict[object, dict[str, object]]]]:
    """Each staffing category of ``rows`` (in their order) with each body's first row of it (body -> row): the
    latest year, the whole department's before its own level's, as the rows are ordered."""
    out: list[tuple[str, dict[object, dict[str, object]]]] = []
    for category in dict.fromkeys(_short(r.get("category")) for r in rows):
        first: dict[object, dict[str, object]] = {}
        for r in rows:
            if _short(r.get("category")) == category and r.get("org") not in first:
                first[r.get("org")] = r
        out.append((category, first))
    return out


def _staff_total(ctx: Context, rows: list[dict[str, object]]) -> str:
    """(q19) Several bodies' staffing added up, category by category: each body's first figure of the category (the
    latest year, the whole department's before its own level's); only when every body asked prints it in one year."""
    out: list[str] = []
    for category, first in _first_per_body_by_category(rows):
        if len(first) < 2 or len(first) != len(ctx.links.orgs) or len({r.get("year") for r in first.values()}) != 1:
            continue
        total = sum(int(float(str(r["headcount"]))) for r in first.values())
        label = str(next(iter(first.values())).get("label") or category)
        out.append(ctx.say(f"{len(first)} 个单位{label}合计 {total} 人", f"{len(first)} bodies' {STAFF_CATEGORY_EN.get(category, category)} in total: {total}"))
    if not out:
        return ""
    return ctx.say("。", ". ") + join(out, ctx.lang) + ctx.say("（按图中数据计算，文件未列明）", " (computed from the graph's figures, not printed)")


def _staff_comparison(ctx: Context, rows: list[dict[str, object]]) -> str:
    """(q22) Several bodies' staffing compared, category by category: each body's first figure of the category (the
    latest year, the whole department's before its own level's, as ``rows`` are ordered), the largest named and its
    gap to each other body computed; the years said when they differ."""
    out: list[str] = []
    for category, first in _first_per_body_by_category(rows):
        if len(first) < 2:
            continue
        ranked = sorted(first.values(), key=lambda r: -int(float(str(r["headcount"]))))
        top, top_count = ranked[0], int(float(str(ranked[0]["headcount"])))
        label = str(top.get("label") or category)
        gaps_zh = "，".join(f"比{r.get('orgLabel')}（{r.get('year')} 年，{r['headcount']} 人）多 {top_count - int(float(str(r['headcount'])))} 人" for r in ranked[1:])
        gaps_en = "; ".join(f"{top_count - int(float(str(r['headcount'])))} more than {r.get('orgLabel')} ({r.get('year')}: {r['headcount']})" for r in ranked[1:])
        out.append(ctx.say(f"{label}最多的是{top.get('orgLabel')}（{top.get('year')} 年，{top_count} 人），{gaps_zh}",
                           f"most {STAFF_CATEGORY_EN.get(category, category)}: {top.get('orgLabel')} ({top.get('year')}: {top_count}), {gaps_en}"))
        if len({r.get("year") for r in first.values()}) > 1:
            out[-1] += ctx.say("（各单位年份不同，均为图中该单位最近一年）", " (different years: each body's latest in the graph)")
    if not out:
        return ""
    return ctx.say("。", ". ") + join(out, ctx.lang) + ctx.say("（按图中数据计算）", " (computed from the graph's figures)")


STAFF_CATEGORY_EN = {"staff-authorized": "authorised posts", "staff-actual": "actual staff", "staff-in-service": "staff in service",
                     "staff-retired": "retired", "staff-other": "other staff", "staff-outside-posts": "staff outside the established posts"}

# (e19) The group asked for as "编外人员" / "staff outside the establishment" covers every group outside the posts: when
# no figure is printed under that name, the figures of that category (劳务派遣, 公益性岗位, 购买服务 …:
# ukg:staff-outside-posts) answer it, each with its own label.
STAFF_GROUPS_OF_OUTSIDE_POSTS: tuple[str, ...] = ("编外",)


def _labels_containing(rows: list[dict[str, object]], asked: list[dict[str, object]]) -> list[dict[str, object]]:
    """The rows a question names word for word (``asked``) and the rows whose printed label contains one of those
    labels: a group the document qualifies ("由某基金发放养老金的离退休人员" when "离退休人员" is asked) is a figure
    of the word asked, said with its own label; a label the asked one merely shares characters with is not."""
    words = {str(r["label"]) for r in asked}
    more = [r for r in rows if r not in asked and any(w in str(r.get("label") or "") for w in words)]
    return asked + more


def staffing(ctx: Context) -> Outcome:
    """Staffing figures of the category asked (编制 / 实有 / 在职 / 退休), latest year first, each figure once."""
    rows = [_clean(r) for r in _in_years(_rows_for_orgs(ctx, "qa_staffing"), ctx.links.years)]
    if not rows:
        return Outcome(False, ctx.say("知识图谱中没有该单位的人员编制数据。", "The graph has no staffing figures for this body.")
                       + _what_bodies_hold(ctx, "qa_staffing", ("人员编制数据", "staffing figures")))
    scopes = {str(r["fact"]): str(r["scope"]) for org in _orgs_or_all(ctx)
              for r in (ctx.run("qa_staffing_scope", org=org) if org else ctx.run("qa_staffing_scope")) if r.get("scope")}
    rows = [{**r, "scope": scopes[str(r["fact"])]} if str(r.get("fact")) in scopes else r for r in rows]
    group = _staff_group_asked(ctx.q.text)
    if group is not None:  # (q24) "有多少劳务派遣人员": that group's figures, or an honest "not printed"
        return _staff_group(ctx, rows, group)
    # the category the question names as printed ("其他人员有多少"): those figures only
    asked = [r for r in rows if len(str(r.get("label") or "")) >= 3 and str(r["label"]) in ctx.q.text]  # not a bare 编制
    asked = _labels_containing(rows, asked)  # "离退休人员多少": also a group printed as "由…发放养老金的离退休人员"
    if asked and len(ctx.links.orgs) > 1:  # (q22) a body printing no such label answers by the category asked
        printed = {r.get("org") for r in asked}
        asked += [r for r in rows if r.get("org") not in printed and _short(r.get("category")) in asked_staff_categories(ctx.q.text)]
    if asked:  # "在职人员和退休人员各多少": one printed as asked (退休人员), the other by its category (在职人数)
        covered = {_short(r.get("category")) for r in asked}
        asked += [r for r in rows if _short(r.get("category")) in set(asked_staff_categories(ctx.q.text)) - covered]
    elif len(asked_staff_categories(ctx.q.text)) > 1:  # "编制和实有人数分别是多少": each asked category, else its substitute
        for category in asked_staff_categories(ctx.q.text):
            held = [r for r in rows if _short(r.get("category")) == category]
            asked += held or [r for r in rows if _short(r.get("category")) in STAFF_FALLBACK.get(category, ())]
    note = ""
    if not asked and ctx.lang == "en":  # "civil-service posts": the figures whose label names that kind (行政编制)
        fragments = [zh for en, zh in STAFF_LABEL_WORDS if en.search(ctx.q.text)]
        categories = asked_staff_categories(ctx.q.text)
        asked = [r for r in rows if fragments and any(f in str(r.get("label") or "") for f in fragments)
                 and (not categories or _short(r.get("category")) in categories)]
    if not asked:
        categories = asked_staff_categories(ctx.q.text)
        asked = [r for r in rows if _short(r.get("category")) in categories]
        if categories and not asked:
            substitutes = {s for c in categories for s in STAFF_FALLBACK.get(c, ())}
            asked = [r for r in rows if _short(r.get("category")) in substitutes]
            if not asked:  # nothing of that kind printed: say so and show what is
                note = ctx.say("（文件未列出所问类别的人数，以下为已列出的人员数据）", "(The documents state no figure of the kind asked; these are the staffing figures they state.) ")
    rows = asked or rows
    order = list(STAFF_CATEGORY_WORDS)
    # latest year first; the whole department's figure before the body's own; within a category the largest (the total) first
    rows.sort(key=lambda r: (-int(r["year"]) if isinstance(r.get("year"), int) else 0, 0 if r.get("scope") == "department" else 1,
                             order.index(_short(r.get("category"))) if _short(r.get("category")) in order else len(order),
                             -float(r.get("headcount") or 0)))  # type: ignore[arg-type]
    seen: set[tuple[object, ...]] = set()
    rows = [r for r in rows if not (_staff_key(r) in seen or seen.add(_staff_key(r)))]  # type: ignore[func-returns-value]
    answer = note + join([_staff_line(r, ctx.lang) for r in rows], ctx.lang) + _staff_change(ctx, rows)
    if len(ctx.links.orgs) > 1 and SUM_OVER_BODIES.search(ctx.q.text):
        answer += _staff_total(ctx, rows)  # (q19) "锦州总工会和妇联编制人数加起来多少"
    elif len(ctx.links.orgs) > 1 and STAFF_BODIES_COMPARED.search(ctx.q.text):
        answer += _staff_comparison(ctx, rows)  # (q22) "营口市总工会和鸡西市总工会的编制人数哪个多"
    if FACT_QUESTION_SHAPES["overstaffed"].search(ctx.topic):  # also "包头市总工会呢？" after "超编了吗"
        return _staff_against_posts(ctx, rows) or Outcome(True, answer, rows, sources_of(rows))
    return Outcome(True, answer, rows, sources_of(rows))


def _staff_group_asked(text: str) -> str | None:
    """(q24) The group of people a staffing question names (STAFF_GROUP_WORDS: "编外人员有几个" -> 编外), else None."""
    return next((stem for stem, pattern in STAFF_GROUP_WORDS.items() if pattern.search(text)), None)


def _staff_group(ctx: Context, rows: list[dict[str, object]], group: str) -> Outcome:
    """(q24) The head counts of one group of people ("劳务派遣人员 4 人"): the figures whose printed label carries the
    group's stem; none printed is said, with the staffing figures the documents do state (not found)."""
    stems = (group, *STAFF_GROUP_LABEL_STEMS.get(group, ()))
    held = [r for r in rows if any(stem in str(r.get("label") or "") for stem in stems)]
    if not held and group in STAFF_GROUPS_OF_OUTSIDE_POSTS:  # no figure printed as 编外: the groups outside the posts
        held = [r for r in rows if _short(r.get("category")) == "staff-outside-posts"]
    seen: set[tuple[object, ...]] = set()
    shown = sorted(held or rows, key=lambda r: (-int(r["year"]) if isinstance(r.get("year"), int) else 0, 0 if r.get("scope") == "department" else 1))
    shown = [r for r in shown if not (_staff_key(r) in seen or seen.add(_staff_key(r)))]  # type: ignore[func-returns-value]
    listed = join([_staff_line(r, ctx.lang) for r in shown], ctx.lang)
    if held:
        return Outcome(True, listed, shown, sources_of(shown))
    english = next((m.group(0) for m in [STAFF_GROUP_WORDS[group].search(ctx.q.text)] if m), group)
    return Outcome(False, ctx.say(f"文件未列出{group}人员的人数。所列人员数据：", f"The documents state no head count of {english}. The staffing figures they state: ")
                   + listed, shown, sources_of(shown))


# (q8) Which bodies are asked for ("哪些单位超编", "which federations are overstaffed"): only those that are.
WHICH_BODIES_ASKED = re.compile(r"哪些(?:单位|总工会|工会|部门)|哪(?:个|家)(?:单位|总工会|工会)|\bwhich (?:[a-z'-]+ ){0,2}(?:federations|unions|bodies|units|departments)\b")


def _staff_against_posts(ctx: Context, rows: list[dict[str, object]]) -> Outcome | None:
    """"超编了吗" / "is it overstaffed": the headcount (实有, else 在职) against the authorised posts (编制) of the
    same body, year and scope, the gap computed and said to be; None when one of the two is not printed."""
    every = [_clean(r) for r in _in_years(_rows_for_orgs(ctx, "qa_staffing"), ctx.links.years)]
    groups: dict[tuple[object, ...], dict[str, dict[str, object]]] = {}
    for r in sorted(every, key=lambda r: -float(r.get("headcount") or 0)):  # type: ignore[arg-type]
        key = (r.get("org"), r.get("year"))
        groups.setdefault(key, {}).setdefault(_short(r.get("category")), r)  # the largest figure of a category: its total
    lines: list[str] = []
    shown: list[dict[str, object]] = []
    answered: set[object] = set()  # no year asked: each body's latest year with both figures
    which_asked = bool(WHICH_BODIES_ASKED.search(ctx.q.text))
    fitting = 0
    for (org, year), by_category in sorted(groups.items(), key=lambda g: str(g[0][1]), reverse=True):
        posts = by_category.get("staff-authorized")
        staff = by_category.get("staff-actual") or by_category.get("staff-in-service")
        if posts is None or staff is None or (not ctx.links.years and org in answered):
            continue
        answered.add(org)
        gap = int(float(str(staff["headcount"]))) - int(float(str(posts["headcount"])))
        if which_asked and gap <= 0:  # "哪些单位超编": the others are counted, not listed
            fitting += 1
            continue
        body = f"{staff.get('orgLabel')} {year}"
        verdict_zh = f"超编 {gap} 人" if gap > 0 else f"未超编（缺编 {-gap} 人）" if gap < 0 else "未超编（满编）"
        verdict_en = f"over its authorised posts by {gap}" if gap > 0 else f"not overstaffed ({-gap} posts vacant)" if gap < 0 else "not overstaffed (every post filled)"
        lines.append(ctx.say(f"{body} 年{verdict_zh}：{staff.get('label')} {staff['headcount']} 人，{posts.get('label')} {posts['headcount']} 人（按图中数据计算）",
                             f"{body}: {verdict_en}: {staff.get('label')} {staff['headcount']} against {posts.get('label')} {posts['headcount']} (computed from the graph's figures)"))
        shown += [staff, posts]
    if which_asked:
        head = ctx.say(f"图中有编制和实有人数的 {len(answered)} 个单位中，超编的有 {len(lines)} 个", f"Of the {counted(len(answered), 'body')} with both posts and headcount, {len(lines)} overstaffed")
        tail = ctx.say(f"；其余 {fitting} 个未超编", f"; the other {fitting} not") if fitting else ""
        return Outcome(bool(answered), head + (ctx.say("：", ": ") + join(lines, ctx.lang) if lines else "") + tail + ctx.say("。", "."), shown, sources_of(shown))
    if not shown:
        return None
    return Outcome(True, join(lines, ctx.lang), shown, sources_of(shown))


def _staff_change(ctx: Context, rows: list[dict[str, object]]) -> str:
    """"退休人员比2023年多了几个": one category of one body in two years asked with a change or difference word,
    the difference of the two headcounts (computed)."""
    if not (STAFF_CHANGE_WORDS.search(ctx.q.text)):
        return ""
    by_year = {r.get("year"): r for r in rows if isinstance(r.get("headcount"), (int, float, Decimal))}
    if len(by_year) != 2 or len({(r.get("org"), _short(r.get("category")), r.get("label")) for r in by_year.values()}) != 1:
        return ""
    early, late = (by_year[y] for y in sorted(by_year))  # type: ignore[type-var]
    gap = Decimal(str(late["headcount"])) - Decimal(str(early["headcount"]))
    signed = f"{'+' if gap > 0 else ''}{number(gap)}"
    return ctx.say(f"；{late.get('year')} 年比 {early.get('year')} 年变化 {signed} 人（按图中数据计算）",
                   f"; change from {early.get('year')} to {late.get('year')}: {signed} (computed from the graph's figures)")


def duties(ctx: Context) -> Outcome:
    org = _target_org(ctx)
    if org is None:
        return _which_body(ctx, duties)
    every = [_clean(r) for r in ctx.run("qa_duties", org=org)]
    if not every:
        return Outcome(False, "")  # duties only in the narrative: passage search quotes them
    rows, year, other_years = _duties_of_one_year(ctx, every)
    rows = _in_document_order(rows)
    when_zh, when_en = (f"据 {year} 年文件，", f" (as printed in its {year} document)") if year is not None else ("", " (as printed)")
    others = ctx.say(f"。图中另有其 {'、'.join(map(str, other_years))} 年文件所列职责", f". The graph also holds the duties printed in its {years_text(other_years)} document{'s' if len(other_years) > 1 else ''}") \
        if other_years else ""
    return Outcome(True, ctx.say(f"{ctx.label(org)}的主要职责（{when_zh}{len(rows)} 项）：", f"Duties of {ctx.label(org)}{when_en}, {len(rows)}: ")
                   + printed_list([str(r["text"]) for r in rows], ctx.lang) + others, rows, sources_of(rows))


def _duties_of_one_year(ctx: Context, rows: list[dict[str, object]]) -> tuple[list[dict[str, object]], int | None, list[int]]:
    """The duties printed in one year's documents (the asked year's, else the latest), the year, and the other
    years that print them: each year's disclosure restates the duties in its own words, and two versions
    mixed in one list read as twice the duties."""
    held = sorted({int(str(r["docYear"])) for r in rows if isinstance(r.get("docYear"), int)})
    if not held:
        return rows, None, []
    asked = [y for y in held if y in ctx.links.years]
    year = (asked or held)[-1]
    return [r for r in rows if r.get("docYear") == year], year, [y for y in held if y != year]


def _in_document_order(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """Printed items (duties, work tasks) in the order of their passages in each document, each text once:
    a fact's IRI (the query's order) is a hash, and the same task is printed again in a body's other
    documents of the year."""
    ordered = sorted(rows, key=lambda r: (str(r.get("docIri") or ""), int(str(r["start"])) if r.get("start") is not None else 1 << 62))
    seen: set[str] = set()
    once: list[dict[str, object]] = []
    for r in ordered:
        text = printed_item(str(r.get("text") or ""))
        if text and text not in seen:
            seen.add(text)
            once.append(r)
    return once


def work_tasks(ctx: Context) -> Outcome:
    """The year's main work tasks (主要工作任务 / 工作安排) of a body, as printed."""
    org = _target_org(ctx)
    if org is None:
        return _which_body(ctx, work_tasks)
    every = [_clean(r) for r in ctx.run("qa_work_tasks", org=org)]
    entry = ctx.catalog.orgs.get(org)
    held_years = sorted({int(str(r["year"])) for r in every if isinstance(r.get("year"), int)})
    years = ctx.links.years or held_years[-1:]
    rows = _in_document_order(_in_years(every, years))
    if not rows:
        return _no_work_tasks(ctx, org, years, held_years)
    label = entry.label if entry else ctx.label(org)
    year = f" {years[0]}" if len(years) == 1 else ""
    head = ctx.say(f"{label}{year} 年的主要工作任务（{len(rows)} 项）：", f"Main work tasks of {label}{year} ({len(rows)}, as printed): ")
    return Outcome(True, head + printed_list([str(r["text"]) for r in rows], ctx.lang), rows, sources_of(rows))


def _no_work_tasks(ctx: Context, org: str, years: list[int], held_years: list[int]) -> Outcome:
    """No work tasks of the body (in the asked years): say so, with the years that have some and whether its
    duties (主要职责, what it does every year) are held, so the reader knows what to ask instead."""
    when_zh, when_en = (f" {'、'.join(map(str, years))} 年", f" in {years_text(years)}") if years else ("", "")
    answer = ctx.say(f"知识图谱中没有{ctx.label(org)}{when_zh}的工作任务", f"The graph has no work tasks of {ctx.label(org)}{when_en}")
    if held_years:
        answer += ctx.say(f"；图中有其 {'、'.join(map(str, held_years))} 年的工作任务", f"; it holds its work tasks of {years_text(held_years)}")
    n_duties = len({printed_item(str(r.get("text") or "")) for r in ctx.run("qa_duties", org=org)})
    if n_duties:
        answer += ctx.say(f"；图中有其主要职责（{n_duties} 项）", f"; the graph holds its duties ({n_duties})")
    return Outcome(False, answer + ctx.say("。", "."))


def _payee_group(label: object) -> str:
    """A payee as a group of people is asked: "困难职工（120人）" -> 困难职工 (the count is no part of the name)."""
    return PAYEE_COUNT_SUFFIX.sub("", str(label or "")).strip()


def _payments_to_asked_group(ctx: Context, rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """Every payment to the group the question names ("给困难职工发了多少钱" -> 困难职工（120人）, 困难职工子女（45名）,
    困难职工家庭（360户）); the longest group named wins (困难职工子女 asks for the children's payments only)."""
    asked = ctx.q.text if ctx.lang == "zh" else " ".join(f for pattern, f in INDICATOR_GLOSSARY if pattern.search(ctx.q.text))
    named = {g for r in rows if len(g := _payee_group(r.get("payeeLabel"))) >= 2 and g in asked}
    if not named:
        return []
    longest = max(named, key=len)
    return [r for r in rows if longest in _payee_group(r.get("payeeLabel"))]


def _flows_received(ctx: Context) -> Outcome | None:
    """What a named body received ("某疗养院收到了多少补助"): the payments with it as payee, each with its payer;
    with none recorded, the body's own figure of the line when it prints one (上级补助收入), else an honest no."""
    if not ctx.links.orgs or not QUESTION_SHAPES["received"].search(ctx.q.text):
        return None
    rows = [_clean(r) for org in ctx.links.orgs for r in _in_years(ctx.run("qa_flows_to", payee=org), ctx.links.years)]
    if not rows:
        stated = amount(ctx)
        if stated.found:
            return stated
        names = "、".join(ctx.label(o) for o in ctx.links.orgs)
        return Outcome(False, ctx.say(f"知识图谱中没有付给{names}的资金记录。", f"The graph records no payments to {names}."))
    lines = [ctx.say(f"{r.get('orgLabel') or _short(r['org'])} {r.get('year') or ''} 年付给{r.get('payeeLabel') or _short(r['payee'])}"
                     f"{' ' + wan(r['amount']) + ' 万元' if r.get('amount') is not None else ''}{'，用于' + str(r['purpose']) if r.get('purpose') else ''}",
                     f"{r.get('orgLabel') or _short(r['org'])} paid {r.get('payeeLabel') or _short(r['payee'])} in {r.get('year') or '?'}"
                     f"{' ' + wan(r['amount']) + ' (万元)' if r.get('amount') is not None else ''}{' for ' + str(r['purpose']) if r.get('purpose') else ''}")
             + _flow_phase_tag(ctx, r, rows) for r in rows]  # (q22) a budget's payment and a final account's said apart
    return Outcome(True, join(lines, ctx.lang) + _payments_total(ctx, rows), rows, sources_of(rows))


def _payees_ranked(ctx: Context, rows: list[dict[str, object]]) -> Outcome:
    """Which payee got the most / least (PAYEE_RANKING_QUESTION): the payments ranked by amount, the top one named;
    a budget's and a final account's payments are said apart (the tag), each payment counted once."""
    paid = [r for r in rows if isinstance(r.get("amount"), (int, float, Decimal))]
    if not paid:
        return Outcome(False, ctx.say("知识图谱中没有带金额的资金流向记录。", "The graph records no payments with an amount."))
    low = asks_lowest_first(ctx.q.text)
    ranked = sorted(paid, key=lambda r: Decimal(str(r["amount"])), reverse=not low)
    top = ranked[0]
    lines = [f"{i}. " + ctx.say(f"{r.get('payeeLabel') or _short(r['payee'])}：{money(r['amount'], 'zh')} {r.get('purpose') or ''}".strip(),
                                 f"{r.get('payeeLabel') or _short(r['payee'])}: {money(r['amount'], 'en')} for {r.get('purpose') or '?'}")
             + _flow_phase_tag(ctx, r, ranked) for i, r in enumerate(ranked, 1)]
    head = ctx.say(f"{'最少' if low else '最多'}的是{top.get('payeeLabel')}（{money(top['amount'], 'zh')}）。",
                   f"{'Least' if low else 'Most'}: {top.get('payeeLabel')} ({money(top['amount'], 'en')}). ")
    return Outcome(True, head + _payer_head(ctx, ranked) + join(lines, ctx.lang), ranked, sources_of(ranked))


def _paid_to_named_unit(ctx: Context) -> Outcome | None:
    """"How much did X give its cultural palace": linking names the unit (the body the question ends on), the payer is
    its parent; the parent's payments to that unit, else None."""
    if not QUESTION_SHAPES["paid_to_unit"].search(ctx.q.text):
        return None
    units = {o: e.parent for o in ctx.links.orgs if (e := ctx.catalog.orgs.get(o)) is not None and e.parent}
    if not units or len(units) != len(ctx.links.orgs):
        return None
    payers = sorted(set(units.values()))
    rows = [_clean(r) for payer in payers for r in _in_years(ctx.run("qa_flows", org=payer), ctx.links.years) if r.get("payee") in units]
    if not rows:
        return None
    lines = [ctx.say(f"{r.get('payeeLabel')}：{money(r['amount'], 'zh') if r.get('amount') is not None else ''} {r.get('purpose') or ''}".strip(),
                     f"{r.get('payeeLabel')}: {money(r['amount'], 'en') if r.get('amount') is not None else ''} for {r.get('purpose') or '?'}")
             + _flow_phase_tag(ctx, r, rows) for r in rows]
    unit = _asked_unit_text(ctx, rows[0].get("amount")) if len(rows) == 1 else ""
    return Outcome(True, _payer_head(ctx, rows) + join(lines, ctx.lang) + unit + _payments_total(ctx, rows), rows, sources_of(rows))


def flows(ctx: Context) -> Outcome:
    received = _flows_received(ctx)
    if received is not None:
        return received
    to_unit = _paid_to_named_unit(ctx)
    if to_unit is not None:
        return to_unit
    rows = _in_years(_rows_for_orgs(ctx, "qa_flows"), ctx.links.years)
    if QUESTION_SHAPES["to_units"].search(ctx.q.text):
        return _payments_to_units(ctx, rows)
    to_group = _payments_to_asked_group(ctx, rows) if not ctx.links.projects else []
    if to_group:
        rows = to_group
    elif ctx.links.projects:
        rows = [r for r in rows if r.get("project") in ctx.links.projects] or rows
    elif ctx.lang == "zh" and len(rows) > 1:  # "给困难户发了多少钱": the payments the question's words describe
        # the payer's own name ("韶关市总工会的钱拨给了谁") says nothing about which payment is asked
        payers = [ctx.label(o) for o in ctx.links.orgs]
        scored = [(_relevance(ctx.q.text, r.get("payeeLabel"), r.get("purpose"), ignore=payers), r) for r in rows]
        top = max(sc for sc, _ in scored)
        rows = [r for sc, r in scored if sc == top] if top > 0 else rows
    elif ctx.lang == "en" and len(rows) > 1:  # "transfer to street unions": the payees the glossary words name
        words = {zh for pattern, zh in INDICATOR_GLOSSARY if pattern.search(ctx.q.text)}
        kinds = [printed for asked, printed in ENGLISH_BODY_KINDS if asked.search(ctx.q.text)]  # "county unions" -> 各县…总工会
        named = [r for r in rows if any(w in str(r.get("payeeLabel") or "") for w in words)
                 or any(k.search(str(r.get("payeeLabel") or "")) for k in kinds)]
        rows = named or rows
    rows = [_clean(r) for r in rows]
    if rows and PAYEE_RANKING_QUESTION.search(ctx.q.text):
        return _payees_ranked(ctx, rows)
    if not rows:
        org = _target_org(ctx)
        # "春节慰问金发放了多少钱" with no payment recorded: the rate and count the documents state for that money
        stated = _rate_and_count(ctx, org) if org is not None else None
        return stated or Outcome(False, ctx.say("知识图谱中没有相应的资金流向记录。", "The graph records no such payments."))
    lines = [(f"{r.get('payeeLabel') or _short(r['payee'])}：{wan(r['amount']) + ' 万元' if r.get('amount') is not None else ''} {r.get('purpose') or ''}".strip() if ctx.lang == "zh"
              else f"{r.get('payeeLabel') or _short(r['payee'])}: {wan(r['amount']) + ' (万元)' if r.get('amount') is not None else ''} for {r.get('purpose') or '?'}")
             + _flow_phase_tag(ctx, r, rows) for r in rows]
    return Outcome(True, _payer_head(ctx, rows) + join(lines, ctx.lang) + _payments_total(ctx, rows), rows, sources_of(rows))


def _payments_to_units(ctx: Context, rows: list[dict[str, object]]) -> Outcome:
    """"给下属单位补助了多少": the payments whose payee is a unit of the payer; with none recorded, the lines of
    the payer's figures that name one of its units ("补助某市工人文化宫 150 万元"), else an honest no."""
    to_units = [_clean(r) for r in rows if r.get("payee") in ctx.catalog.orgs and ctx.catalog.orgs[str(r["payee"])].parent == r.get("org")]
    if to_units:
        lines = [(f"{r.get('payeeLabel')}：{wan(r['amount']) + ' 万元' if r.get('amount') is not None else ''} {r.get('purpose') or ''}".strip() if ctx.lang == "zh"
                  else f"{r.get('payeeLabel')}: {wan(r['amount']) + ' (万元)' if r.get('amount') is not None else ''} for {r.get('purpose') or '?'}")
                 + _flow_phase_tag(ctx, r, to_units) for r in to_units]
        return Outcome(True, _payer_head(ctx, to_units) + join(lines, ctx.lang) + _payments_total(ctx, to_units), to_units, sources_of(to_units))
    named: list[dict[str, object]] = []
    for org in ctx.links.orgs:
        units = [o.label for o in ctx.catalog.orgs.values() if o.parent == org]
        named += [_clean(r) for r in _in_years(ctx.run("qa_amounts", org=org), ctx.links.years)
                  if any(u in str(r.get("item") or "") for u in units)]
    bodies = "、".join(ctx.label(o) for o in ctx.links.orgs) or ctx.say("所问单位", "the body asked")
    none = ctx.say(f"知识图谱中没有{bodies}付给其下属单位的资金流向记录", f"The graph records no payment by {bodies} to its units")
    if not named:
        return Outcome(False, none + ctx.say("。", "."))
    lines = [ctx.say(f"「{r.get('item')}」{wan(r['amount'])} 万元（{r.get('year')} 年{'预算' if _phase(r) in ('budget', 'adjusted') else '决算' if _phase(r) == 'final' else ''}）",
                     f"'{r.get('item')}' {wan(r['amount'])} 万元 ({r.get('year')})") for r in named if r.get("amount") is not None]
    return Outcome(True, none + ctx.say("；文件中写明的有：", "; the documents state: ") + join(lines, ctx.lang), named, sources_of(named))


def _payer_head(ctx: Context, rows: list[dict[str, object]]) -> str:
    """The head of a list of payments: who paid and in which years ("曲靖市总工会 2021 年的收款方：")."""
    payers = "、".join(sorted({str(r.get("orgLabel") or ctx.label(r.get("org"))) for r in rows if r.get("orgLabel") or r.get("org")}))
    years = sorted({str(r["year"]) for r in rows if r.get("year") is not None})
    when_zh, when_en = (f" {'、'.join(years)} 年", f" in {', '.join(years)}") if years else ("", "")
    if not payers:
        return ctx.say("收款方：", "Recipients: ")
    return ctx.say(f"{payers}{when_zh}的收款方：", f"Recipients of {payers}{when_en}: ")


# ---------------------------------------------------------------- changes, codes, findings
# The phase of a stated change by the genre of the document stating it (qa_changes ?genre): a budget compares its
# budget with last year's, final accounts their final figures; other genres say nothing of the phase.
CHANGE_GENRE_PHASE: dict[str, str] = {"budget": "budget", "final_accounts": "final"}


def _changes(ctx: Context, strict: bool = False) -> list[dict[str, object]]:
    """Stated changes of the item asked (named, else by concept); ``strict``: [] when none is specific."""
    rows = [_clean(r) for r in _in_years(_rows_for_orgs(ctx, "qa_changes"), ctx.links.years)]
    phases = wanted_phases(ctx.q.text)
    if len(phases) == 1:  # "预算比上年多多少": the changes the budgets state, not a final account's (CHANGE_GENRE_PHASE)
        rows = [r for r in rows if CHANGE_GENRE_PHASE.get(str(r.get("genre")), next(iter(phases))) in phases]
    if ctx.links.codes:  # "2012902同比增长多少": the change a table prints on that code's row (q18)
        coded = [r for r in rows if r.get("code") in ctx.links.codes]
        names = ctx.catalog.code_names(lambda: ctx.run("qa_code_names", dedupe=False))
        by_name = [r for r in rows if not r.get("code") and any(names.get(c, ("",))[0] == item_core(r.get("item")) for c in ctx.links.codes)]
        return coded or by_name
    for text in (ctx.q.text, ctx.previous):
        if not text:
            continue
        text = asked_item_text(text)
        named = [r for r in rows if len(_change_line_name(r)) >= 2 and not GENERIC_ITEM.match(str(r["item"])) and _change_line_name(r) in text]
        if named:
            longest = max(len(_change_line_name(r)) for r in named)
            return _of_part_asked(text, [r for r in named if len(_change_line_name(r)) == longest])
        if text == asked_item_text(ctx.q.text) and _names_class_line(ctx, text):
            return []  # "卫生健康支出比上年增长多少" with no change of that class stated: never other lines' changes
        concept = amount_concept(text)
        if concept == "budget_total":  # "今年预算比去年多多少": the change of the whole budget, when stated
            whole = [r for r in rows if WHOLE_BUDGET_LINE.search(str(r.get("item", "")))]
            if whole:
                return whole
        if concept and concept != "budget_total":
            asked = AMOUNT_ITEM_WORDS[concept]
            hits = [r for r in rows if in_concept(r, concept) or asked.search(str(r.get("item", "")))]
            if hits:
                return hits
        if text == asked_item_text(ctx.q.text) and (_asks_specific_line(text) or _names_class_line(ctx, text)):
            return []  # the line asked has no stated change: never the changes of other lines
    return [] if strict else rows


def _change_line_name(row: dict[str, object]) -> str:
    """The printed line a change is of, without the class a sentence prints after it ("行政运行(某某事务)" ->
    行政运行: a question names the line, seldom its class)."""
    return line_and_class(item_core(row.get("item")))[0] or str(row.get("item") or "")


def _of_part_asked(text: str, named: list[dict[str, object]]) -> list[dict[str, object]]:
    """The changes of the part of a line a question names ("行政运行的基本支出比上年增加多少": ukg:column 基本支出),
    else of the whole line (no column); [] when the part asked has no change stated (never the whole line's change
    said as the part's).  A part's word that is the line's own name ("项目支出比上年…") asks no part."""
    rest = text.replace(_change_line_name(named[0]), "") if named else text
    asked = [c for c in LINE_PART_COLUMNS if c in rest]
    if asked:
        return [r for r in named if r.get("column") in asked]
    return [r for r in named if not r.get("column")] or named


def _names_class_line(ctx: Context, text: str) -> bool:
    """Whether a question names a line of the functional classification ("卫生健康支出", "行政运行"), which the
    changes of other lines never answer."""
    return bool(FUNCTIONAL_LINE_NAMES.search(text)) or any(
        len(c) >= 4 and c in text for c in ctx.catalog.class_names(lambda: ctx.run("qa_class_names", dedupe=False)))


def _no_change_held(ctx: Context) -> Outcome | None:
    """No change of the line asked is stated and no two years' figures give one: say so, with the line's figures
    the graph does hold for the body (never another line's change).  None when no line is named."""
    org = _target_org(ctx)
    text = asked_item_text(ctx.item_topic)
    if org is None or not (_asks_specific_line(text) or _names_class_line(ctx, text) or ctx.links.codes):
        return None
    held = _best_amounts(ctx, org, [], strict=True)[:1] if not ctx.links.years else _best_amounts(ctx, org, ctx.links.years, strict=True)[:1]
    entry = ctx.catalog.orgs.get(org)
    years = sorted(entry.years) if entry else []
    classes = sorted((c for c in ctx.catalog.class_names(lambda: ctx.run("qa_class_names", dedupe=False)) if len(c) >= 4 and c in text), key=len)
    what = (classes[-1] if classes and not FUNCTIONAL_LINE_NAMES.search(text) else "") or _asked_line_name(ctx) or text
    have_zh = f"图中有{_amount_line(held[0], 'zh')}，但没有可比的另一年数字。" if held else \
        f"图中{ctx.label(org)}有 {'、'.join(map(str, years))} 年的数据，其中没有该项的数字。"
    have_en = f"The graph holds {_amount_line(held[0], 'en')}, but no figure of another year to compare it with." if held else \
        f"The graph holds {ctx.label(org)} for {years_text(years)}, with no figure of this line."
    stated = [str(r["item"]) for r in _in_years(_rows_for_orgs(ctx, "qa_changes"), ctx.links.years) if r.get("item")]
    items = list(dict.fromkeys(stated))[:HELD_LINES_SHOWN]
    listed_zh = f"列明变化的有：{'、'.join(items)}等。" if items else ""
    listed_en = f" Changes are stated for: {', '.join(items)}." if items else ""
    return Outcome(False, ctx.say(f"文件未说明「{what}」比上年的变化。{have_zh}{listed_zh}", f"The documents state no change on the previous year of '{what}'. {have_en}{listed_en}"),
                   held, sources_of(held))


def _line_change_per_body(ctx: Context) -> Outcome | None:
    """(q26) A line's change asked with no body named while several bodies could be meant ("行政运行比上年增减
    多少？"): each body's own answer (a stated or computed change, else the line's figure with no other year to
    compare), or that no body holds the line; never a search result about another line.  None when a body is
    named or fits alone, or when the question names no specific line."""
    if ctx.links.orgs or _target_org(ctx) is not None:
        return None
    text = asked_item_text(ctx.item_topic)
    if not (_asks_specific_line(text) or _names_class_line(ctx, text) or ctx.links.codes):
        return None
    bodies = _unnamed_candidates(ctx)
    if len(bodies) > BODIES_TRIED_UNNAMED:  # a large graph: which body is asked, not every body's line
        return _which_body(ctx)
    changed: list[Outcome] = []
    figures: list[dict[str, object]] = []
    for body in bodies:
        one = yoy_change(replace(ctx, links=replace(ctx.links, orgs=[body.iri])))
        if one.found:
            changed.append(one)
        else:  # the body's figure of the line, when it holds one, with no change stated or computable
            figures.extend(one.rows[:1])
    from unionkg.qa.phrasing import holdings_text

    what = _asked_line_name(ctx) or text
    if not changed and not figures:
        return Outcome(False, ctx.say(f"图中没有任何单位列明「{what}」或其比上年的变化。", f"No body of the graph prints '{what}' or its change on the previous year. ")
                       + holdings_text(ctx.catalog.holdings(), ctx.lang))
    parts = [o.answer for o in changed]
    if figures:
        held = join([_amount_line(r, ctx.lang) for r in figures], ctx.lang)
        parts.append(ctx.say(f"以下单位文件未说明「{what}」比上年的变化，图中也没有可比的另一年数字，只有：{held}",
                             f"no change of '{what}' on the previous year is stated, nor a figure of another year to compare, for: {held}"))
    head = ctx.say("未指明单位，按图中各单位分别作答：", "No body named; each body of the graph that holds the line: ")
    rows = [r for o in changed for r in o.rows] + figures
    sources = [s for o in changed for s in o.sources] + sources_of(figures)
    return Outcome(bool(changed), head + ctx.say("；", "; ").join(parts), rows, sources[:SOURCE_LIMIT])


# (q26) What makes two rows one stated figure: a document printing a figure twice (a table and its prose, a
# sentence repeated in a summary, a line broken differently) gives one row of the answer, quoted from both places.
SAME_FIGURE_KEYS: dict[str, tuple[str, ...]] = {
    "change": ("org", "year", "item", "column", "direction", "delta", "pct", "genre"),
}


def one_row_per_figure(rows: list[dict[str, object]], kind: str) -> list[dict[str, object]]:
    """``rows`` with one row per distinct figure (by SAME_FIGURE_KEYS[kind]), in their order: the first copy
    kept, with the reason another copy states when it states none."""
    keys = SAME_FIGURE_KEYS[kind]
    kept: dict[tuple[str, ...], dict[str, object]] = {}
    for r in rows:
        first = kept.setdefault(tuple(str(r.get(k)) for k in keys), dict(r))
        if not first.get("reason") and r.get("reason"):
            first["reason"] = r["reason"]
    return list(kept.values())


def _asks_specific_line(text: str) -> bool:
    """Whether a question names a specific line (a concept that is not a total, or a standard line)."""
    concept = amount_concept(text)
    return bool((concept and concept not in GENERIC_TOTAL_CONCEPTS) or STANDARD_LINE_ITEMS.search(text))


# The direction of a stated change in words, after its signed figures ("增加还是减少" is answered in words, not
# by a minus sign alone): by the sign of the delta, else of the percentage.
CHANGE_DIRECTION_WORDS: dict[int, tuple[str, str]] = {1: ("，即增加", ", an increase"), -1: ("，即减少", ", a decrease"), 0: ("，即持平", ", unchanged")}


def _change_direction(r: dict[str, object], lang: str) -> str:
    value = r.get("delta") if r.get("delta") is not None else r.get("pct")
    if value is None:
        return ""
    d = Decimal(str(value))
    zh, en = CHANGE_DIRECTION_WORDS[(d > 0) - (d < 0)]
    return zh if lang == "zh" else en


def _change_line(r: dict[str, object], lang: str, with_reason: bool, figure: dict[str, object] | None = None) -> str:
    """A stated change in words; ``figure``: the line's own figure of that year, said first (an analyst asking
    "比去年多还是少" reads the year's figure with its change)."""
    delta = f"{wan(r['delta'])} 万元" if r.get("delta") is not None else ""
    pct = f"{number(r['pct'])}%" if r.get("pct") is not None else ""
    stated = bool(delta or pct)  # a change may be stated by its reason only ("按年初预算执行")
    flat = str(r.get("direction") or "") == "flat"  # (q22) "与上年持平": stated as no change, without an amount
    if lang == "zh":
        change = f"比上年变化 {delta}{'（' + pct + '）' if pct else ''}{_change_direction(r, lang)}" if stated else "比上年的变化（文件未给出数额）"
        change = "与上年持平（文件所述）" if not stated and flat else change  # (q22) "与上年持平": no change, stated so
        own = f"为 {wan(figure['amount'])} 万元，" if figure else ""
        part = f"中的{r['column']}" if r.get("column") else ""  # a part's change: "「行政运行」中的基本支出"
        text = f"{r.get('orgLabel')} {r.get('year')} 年「{r['item']}」{part}{own}{change}"
        return text + (f"，原因：{r['reason']}" if with_reason and r.get("reason") else "")
    change = (f"changed by {delta.replace(' 万元', '')} (万元){' (' + pct + ')' if pct else ''} on the previous year{_change_direction(r, lang)}" if stated
              else "changed on the previous year (the document states no amount)")
    change = "unchanged on the previous year (as the document states)" if not stated and flat else change
    own = f" was {wan(figure['amount'])} 万元 and" if figure else ""
    part = f" ({LINE_PART_COLUMNS_EN.get(str(r['column']), str(r['column']))})" if r.get("column") else ""
    text = f"{r.get('orgLabel')} {r.get('year')} '{r['item']}'{part}{own} {change}"
    return text + (f"; stated reason: {r['reason']}" if with_reason and r.get("reason") else "")


def _figure_of_change(ctx: Context, change: dict[str, object]) -> dict[str, object] | None:
    """The figure a stated change is of: the same line printed by the same document for the same body and year
    ("“三公”经费预算6.80万元，比上年减少0.60万元"); None when the document prints no such figure."""
    if not change.get("org") or not isinstance(change.get("year"), int):
        return None
    rows = [r for r in ctx.run("qa_amounts", org=str(change["org"]), year=int(change["year"]))
            if r.get("doc") == change.get("doc") and r.get("item") == change.get("item") and not r.get("qualifier")
            and (r.get("column") or None) == (change.get("column") or None)]  # a part's change is of the part's figure
    # the figure printed right before the change's clause; else the document's only figure of that line (a budget
    # prints 收入预算总额 for the department and again for its own level: then neither is known to be the one)
    before = {str(f["fact"]) for f in ctx.run("qa_figures_before_change", change=str(change["fact"]))} if change.get("fact") else set()
    in_sentence = [r for r in rows if str(r.get("fact")) in before]
    picked = in_sentence or (rows if len(rows) == 1 else [])
    return _amount_row(picked[0]) if picked else None


def _earlier_year_figure(ctx: Context, change: dict[str, object], figure: dict[str, object] | None, year: int) -> dict[str, object] | None:
    """(q22) Two consecutive years asked ("这两年收入预算怎么变的"): the earlier year's figure of the line whose stated
    change the later year prints, of the later figure's phase and scope; None when the graph holds no such figure."""
    if figure is None or not change.get("org"):
        return None
    rows = [r for r in ctx.run("qa_amounts", org=str(change["org"]), year=year) if not r.get("qualifier")
            and _phase(r) == figure.get("phase") and r.get("scope") == figure.get("scope")]
    # the line printed under the same label, else under another label of the same concept (a total's other wording)
    rows = [r for r in rows if r.get("item") == figure.get("item")] or [r for r in rows if _same_line(ctx, r, figure)
                                                                        and amount_concept(str(r.get("item"))) is not None]
    ranked = _rank_amounts(ctx, rows, str(change["org"]))
    return _amount_row(ranked[0]) if ranked else None


def _same_line(ctx: Context, a: dict[str, object], b: dict[str, object]) -> bool:
    """Whether two years' figures are of one line: the same concept read from their labels, or both lines of the
    concept asked (收入预算总额 one year, 收入总预算 the next: two printings of the income total)."""
    concept = amount_concept(str(a.get("item")))
    if concept == amount_concept(str(b.get("item"))) and (concept is not None or a.get("item") == b.get("item")):
        return True
    asked = amount_concept(ctx.item_topic)
    return asked is not None and in_concept(a, asked) and in_concept(b, asked)


def _years_between(ctx: Context, org: str, earlier: int, later: int, first: dict[str, object], last: dict[str, object]) -> list[dict[str, object]]:
    """The line's figure in each year the body holds strictly between the ends of a span asked as a whole
    ("2022年到2024年…怎么变化": YEAR_SPAN), of the ends' phase when they share one (a budget trend stays budgets)."""
    if not YEAR_SPAN.search(ctx.q.text) and not (ALL_YEARS_ASKED.search(ctx.q.text) and not ctx.links.years):
        return []
    entry = ctx.catalog.orgs.get(org)
    phase = first.get("phase") if first.get("phase") == last.get("phase") else None
    out: list[dict[str, object]] = []
    for year in sorted(y for y in (entry.years if entry else ()) if earlier < y < later):
        hits = _matching_amounts(ctx, ctx.run("qa_amounts", org=org, year=year), amount_concept(ctx.item_topic), named_only=_names_printed_line(ctx, org))
        ranked = [r for r in _rank_amounts(ctx, hits, org) if r.get("item") and _same_line(ctx, first, r)]
        same_phase = [r for r in ranked if phase is None or _phase(r) == phase]
        if same_phase or ranked:
            out.append(_amount_row((same_phase or ranked)[0]))
    return out


def _in_one_phase(ctx: Context, org: str, year: int, rows: list[dict[str, object]], other: dict[str, object]) -> list[dict[str, object]]:
    """``rows`` (a year's figure of a line) in the phase of ``other`` (the other year's figure) when the body prints
    the line in that phase that year, else ``rows`` unchanged: a change is computed between figures of one phase."""
    phase = str(other.get("phase"))
    if phase not in PHASE_ZH or rows[0].get("phase") == phase:
        return rows
    asked = replace(ctx, q=replace(ctx.q, text=f"{ctx.q.text} {PHASE_ZH[phase]}"), context_text="")
    found = _best_amounts(asked, org, [year], strict=True)[:1]
    return found if found and found[0].get("phase") == phase else rows


def _computed_change(ctx: Context) -> Outcome | None:
    """A change no document states, from the figures of two years the graph holds for one body ("汇川区总工会
    项目支出2024年比2023年增长了多少"): both figures, the difference and the rate, marked as computed."""
    org = _target_org(ctx)
    entry = ctx.catalog.orgs.get(org) if org else None
    if org is None or entry is None or len(ctx.links.orgs) > 1:
        return None
    asked = sorted(ctx.links.years)
    later = asked[-1] if asked else max(entry.years, default=0)
    earlier = asked[0] if len(asked) >= 2 else later - 1
    if not asked and ALL_YEARS_ASKED.search(ctx.q.text) and entry.years:  # "这几年": from the first year held
        earlier = min(entry.years)
    if earlier not in entry.years or later not in entry.years:
        return None
    new = _best_amounts(ctx, org, [later], strict=True)[:1]
    old = _best_amounts(ctx, org, [earlier], strict=True)[:1]
    if not new or not old:
        return None
    if new[0].get("phase") != old[0].get("phase"):
        # a budget one year and final accounts the other: the two figures of one phase when both years print it
        new, old = _in_one_phase(ctx, org, later, new, old[0]), _in_one_phase(ctx, org, earlier, old, new[0])
    if not _same_line(ctx, old[0], new[0]):
        return None  # two different lines are no change of one
    gap = Decimal(str(new[0]["amount"])) - Decimal(str(old[0]["amount"]))
    base = Decimal(str(old[0]["amount"]))
    rate = f"{gap / base * 100:+.2f}%" if base else ""
    rows = old + _years_between(ctx, org, earlier, later, old[0], new[0]) + new
    lines = join([_amount_line(r, ctx.lang) for r in rows], ctx.lang)
    signed = ("+" if gap > 0 else "") + money(gap, ctx.lang)
    answer = ctx.say(f"{lines}。{later} 年比 {earlier} 年变化 {signed}{f'（{rate}）' if rate else ''}（按图中两年数据计算，文件未列明）",
                     f"{lines}. Change from {earlier} to {later}: {signed}{f' ({rate})' if rate else ''} (computed from the graph's figures of the two years, not printed)")
    return Outcome(True, answer + _phases_differ_note(old[0], new[0], ctx.lang), rows, sources_of(rows))


def _phases_differ_note(earlier: dict[str, object], later: dict[str, object], lang: str) -> str:
    """(q19) A change computed between figures of two phases (a final account one year, a budget the next) is no
    like-for-like change: said so, naming each year's phase, as the budget-against-final answers do; "" when
    both figures are of one phase."""
    old_phase, new_phase = str(earlier.get("phase") or ""), str(later.get("phase") or "")
    if old_phase == new_phase or old_phase not in PHASE_ZH or new_phase not in PHASE_ZH:
        return ""
    if lang == "zh":
        return (f"（注意：{earlier.get('year')} 年为{PHASE_ZH[old_phase]}数、{later.get('year')} 年为{PHASE_ZH[new_phase]}数，"
                "口径不同，此差额不是同口径的增减）")
    return (f" (Note: the {earlier.get('year')} figure is a {PHASE_EN[old_phase]} and the {later.get('year')} figure a "
            f"{PHASE_EN[new_phase]}: different phases, so the difference is not a like-for-like change)")


def _rank_line_changes(ctx: Context) -> Outcome | None:
    """One body's lines ranked by the change its documents state on the previous year ("哪个科目比上年增长最多"):
    the most detailed lines (a table's 7-digit codes when it prints them, never its 合计 or a class adding them up),
    the increases largest first, or the decreases when asked; None when the body states no such changes."""
    org = _target_org(ctx)
    if org is None or len(ctx.links.orgs) > 1:
        return None
    rows = [_clean(r) for r in _in_years(ctx.run("qa_changes", org=org), ctx.links.years) if r.get("delta") is not None and not r.get("parentItem")]
    if not ctx.links.years and rows:  # the latest year that states changes
        latest = max(int(r["year"]) for r in rows if isinstance(r.get("year"), int))
        rows = [r for r in rows if r.get("year") == latest]
    coded = [r for r in rows if len(str(r.get("code") or "")) == 7]
    rows = coded or [r for r in rows if not GENERIC_ITEM.match(item_core(r.get("item"))) and not WHOLE_BUDGET_LINE.search(str(r.get("item", "")))]
    if not rows:
        return None
    rows = list({(r.get("item"), r.get("year"), r.get("delta"), r.get("pct")): r for r in reversed(rows)}.values())[::-1]  # one per line printed twice
    down = bool(DECREASE_WORDS.search(ctx.q.text))
    picked = sorted((r for r in rows if (Decimal(str(r["delta"])) < 0) == down and r["delta"]), key=lambda r: Decimal(str(r["delta"])), reverse=not down)
    # (q21) coded lines are 科目 (budget lines), items a paragraph names without a code are 事项 (items): in the words and
    # in a column of the rows' table
    rows = [{**r, "itemKind": row_item_kind(r)} for r in rows]
    noun_zh, noun_en = item_noun(rows, "zh"), item_noun(rows, "en")
    if not picked:
        return Outcome(True, ctx.say(f"{ctx.label(org)}文件所列各{noun_zh}比上年均无{'减少' if down else '增加'}。",
                                     f"None of the {noun_en} of {ctx.label(org)} {'fell' if down else 'grew'} on the previous year, as its documents state."), rows, sources_of(rows))
    picked = [{**r, "itemKind": row_item_kind(r)} for r in picked]
    lines = [_change_line(r, ctx.lang, False) for r in picked]
    top = [str(r["item"]) for r in picked if r["delta"] == picked[0]["delta"]]  # a tie is said as one
    most_zh = "、".join(f"「{t}」" for t in top) + ("（并列）" if len(top) > 1 else "")
    most_en = " and ".join(f"'{t}'" for t in top) + (" (tied)" if len(top) > 1 else "")
    head = ctx.say(f"按比上年{'减少' if down else '增加'}额排序（文件所列{len(rows)}个{noun_zh}中有 {len(picked)} 个{'减少' if down else '增加'}），最多的是{most_zh}：",
                   f"By the change on the previous year ({len(picked)} of the {len(rows)} {noun_en} stated {'fell' if down else 'grew'}), the largest is {most_en}: ")
    return Outcome(True, head + join(lines, ctx.lang), picked, sources_of(picked))


def yoy_change(ctx: Context) -> Outcome:
    if ctx.links.orgs and LINE_CHANGE_RANKING.search(ctx.q.text):
        ranked_lines = _rank_line_changes(ctx)  # "哪个科目比上年增长最多": the body's lines by their stated change
        if ranked_lines is not None:
            return ranked_lines
    asked = sorted(ctx.links.years)
    across = _change_between_named_phases(ctx)
    if across is not None:  # "2023年预算比2022年决算增加了多少": no stated change on the previous year answers it
        return across
    if len(asked) == 2 and asked[1] - asked[0] > 1:
        # "2024年比2022年少了多少": two years apart, so no stated change on the previous year answers; computed
        computed = _computed_change(ctx)
        if computed is not None:
            return computed
    if not ctx.links.orgs and (BODY_RANKING_WORDS.search(ctx.q.text) or RANK_HIGH.search(ctx.q.text) or RANK_LOW.search(ctx.q.text)):
        ranked = _rank_changes(ctx)  # "各总工会“三公”经费增减排名": every federation's stated change, ranked
        if ranked is not None:
            return ranked
    rows = _changes(ctx)
    if len(asked) == 2 and asked[1] - asked[0] == 1:
        later = [r for r in rows if r.get("year") == asked[1]]  # "2024年比2023年": the later year's stated change
        if not later and rows:
            # none stated by the later year: the change computed from the two years' figures, never the change the
            # earlier year states on its own previous year
            computed = _computed_change(ctx)
            if computed is not None:
                return computed
        rows = later or rows
    if rows and not _changes(ctx, strict=True) and amount_concept(asked_item_text(ctx.q.text)) is not None:
        # a total named ("收入预算环比变化") whose change no document states, only other lines' changes: the
        # change computed from the two years' figures of that total, before the stated changes of other lines
        computed = _computed_change(ctx)
        if computed is not None:
            return computed
    if not rows:
        per_body = _line_change_per_body(ctx)  # (q26) no body named, several could be: each one's answer
        if per_body is not None:
            return per_body
        computed = _computed_change(ctx)
        if computed is not None:
            return computed
        unheld = _no_change_held(ctx)  # the line named has neither a stated change nor two years' figures
        if unheld is not None:
            return unheld
        stated = [_clean(r) for r in _in_years(_rows_for_orgs(ctx, "qa_changes"), ctx.links.years)]
        if stated and _asks_specific_line(asked_item_text(ctx.q.text)):
            # the line asked has no stated change: say so, with the lines whose change the documents state
            items = list(dict.fromkeys(str(r.get("item")) for r in stated if r.get("item")))[:HELD_LINES_SHOWN]
            return Outcome(False, ctx.say(f"文件未说明所问项目比上年的变化；列明变化的有：{'、'.join(items)}等。",
                                          f"The documents state no change on the previous year for the line asked; they state changes of: {', '.join(items)}."))
        return Outcome(False, "")
    quoted = rows  # (q26) every copy quoted, each figure said once
    rows = one_row_per_figure(rows, "change")
    unit = _asked_unit_text(ctx, rows[0].get("delta")) if len(rows) == 1 else ""  # "较上年增加了多少元"
    figures = [_figure_of_change(ctx, r) for r in rows]
    lines = [_change_line(r, ctx.lang, True, figure) for r, figure in zip(rows, figures)]
    shown = [f for f in figures if f]
    if len(asked) == 2 and asked[1] - asked[0] == 1 and len(rows) == 1:  # (q22) "这两年…怎么变的": both years shown
        earlier = _earlier_year_figure(ctx, rows[0], figures[0], asked[0])
        if earlier is not None:
            lines[0] += ctx.say(f"（{asked[0]} 年为 {wan(earlier['amount'])} 万元）", f" ({asked[0]}: {wan(earlier['amount'])} 万元)")
            shown.append(earlier)
    # the rows stay the stated changes (a comparison of two years reads them as such); the figures are quoted
    return Outcome(True, join(lines, ctx.lang) + unit, rows, sources_of(rows + quoted + shown))


def _rate_reasons(ctx: Context) -> Outcome:
    """Why a rate was low: the stated rates with the deviation reasons stated for the indicators of
    the asked bodies, years and projects; nothing when no reason is stated (passage search then)."""
    indicators = [r for r in _indicators_in_asked_years(ctx) if r.get("reason")]
    if _asked_projects(ctx):
        indicators = [r for r in indicators if r.get("project") in _asked_projects(ctx)] or indicators
    if not indicators:
        return Outcome(False, "")
    reasons = [_indicator_row(r) for r in indicators]
    rates = execution_rate(ctx)
    stated = (rates.answer + ctx.say("。", ". ")) if rates.found else ""
    lines = [ctx.say(f"{r['indicator']}（目标 {r.get('targetText') or '-'}，实际 {r.get('actualText') or '-'}）：{r['reason']}",
                     f"{r['indicator']} (target {r.get('targetText') or '-'}, actual {r.get('actualText') or '-'}): {r['reason']}") for r in reasons]
    answer = stated + ctx.say("文件说明的偏差原因：", "Reasons the documents state: ") + join(lines, ctx.lang)
    rows = (rates.rows if rates.found else []) + reasons
    return Outcome(True, answer, rows, (sources_of(reasons) + (rates.sources if rates.found else []))[:SOURCE_LIMIT])


def _completion_reason(ctx: Context) -> Outcome | None:
    """(e17) Why the asked line did not reach or exceeded its budget ("为什么没完成预算", "为什么超支", "why was X
    underspent"): its final figure, budget and rate (as :func:`_line_rate` or :func:`budget_vs_final` say them) with
    the reason the document states for that rate (ukg:completionReason), quoted.  A line held without a stated reason
    says so (found false); no line named, every stated reason of the body's year.  None when the body is not one or
    nothing fits (the other reasons then answer)."""
    org = _target_org(ctx)
    if org is None or len(ctx.links.orgs) > 1:
        return None
    years = ctx.links.years if len(ctx.links.years) == 1 else []
    stated = ctx.run("qa_completion_reasons", org=org, year=years[0]) if years else _in_years(ctx.run("qa_completion_reasons", org=org), ctx.links.years)
    by_fact = {str(r["fact"]): _clean(r) for r in stated}
    named = _names_printed_line(ctx, org) or bool(ctx.links.codes)
    rows = [r for r in _amounts_in_years(ctx, org, years) if not r.get("qualifier")]
    hits = _matching_amounts(ctx, rows, amount_concept(ctx.item_topic), named_only=named)
    finals = _rank_amounts(ctx, [r for r in hits if _phase(r) == "final"], org)
    explained = [by_fact[str(r["fact"])] for r in finals if str(r.get("fact")) in by_fact]
    if explained:
        return _explained_figure(ctx, org, explained[0])
    if named and finals:  # the line is held, its document states no reason for its rate: said, with the lines that have one
        figures = _line_rate(ctx) or budget_vs_final(ctx)
        said = figures.answer.rstrip("。. ") + ctx.say("。", ". ") if figures.answer else ""
        others = "、".join(dict.fromkeys(str(r["item"]) for r in by_fact.values()))
        note = ctx.say("文件未说明该项预算完成情况（未完成或超支）的原因", "The document states no reason for this line's completion against its budget")
        note += ctx.say(f"（说明了原因的有：{others}）。", f" (it states one for: {others}).") if others else ctx.say("。", ".")
        return Outcome(False, said + note, figures.rows, figures.sources)
    if not named and by_fact:  # no line named: every reason the body's final accounts state, with its figure
        lines = [_explained_figure(ctx, org, r, with_figures=False).answer for r in sorted(by_fact.values(), key=lambda r: (-int(str(r.get("year") or 0)), str(r.get("quote"))))]
        return Outcome(True, " ".join(lines), list(by_fact.values()), sources_of(list(by_fact.values())))
    return None


def _explained_figure(ctx: Context, org: str, reason: dict[str, object], with_figures: bool = True) -> Outcome:
    """A final figure with its budget and rate (``with_figures``: as the line's rate answer says them), and the reason
    stated for that rate, quoted."""
    line = _line_rate(ctx) if with_figures else None
    figures = (line or budget_vs_final(ctx)) if with_figures else Outcome(False, "")
    if figures.found and any(r.get("amount") == reason.get("amount") for r in figures.rows) and (line is not None or _rate_agrees(figures.rows, reason.get("completion"))):
        said = figures.answer.rstrip("。. ")
        shown = figures.rows
    else:  # the figure the reason is stated for, with its rate when printed
        rate = ctx.say(f"，完成预算的 {number(reason['completion'])}%", f", {number(reason['completion'])}% of its budget") if reason.get("completion") is not None else ""
        said = ctx.say(f"{reason.get('orgLabel') or ctx.label(org)} {reason.get('year')} 年决算「{reason.get('item')}」{money(reason['amount'], 'zh')}{rate}",
                       f"{reason.get('orgLabel') or ctx.label(org)} {reason.get('year')}: final '{reason.get('item')}' {wan(reason['amount'])} 万元{rate}")
        shown = []
    answer = said + ctx.say("。", ".") + completion_reason_sentence(str(reason["reason"]), ctx.lang)
    return Outcome(True, answer, [*shown, reason], sources_of([reason, *shown]))


def _rate_agrees(rows: list[dict[str, object]], printed: object) -> bool:
    """Whether a computed rate among ``rows`` is the printed one (within rounding): the budget set against the final
    figure is the one its rate is of.  True when no rate is printed."""
    if printed is None:
        return True
    computed = [Decimal(str(r["rate_percent"])) for r in rows if r.get("rate_percent") is not None]
    return any(abs(c - Decimal(str(printed))) < Decimal("0.01") for c in computed)


def change_reason(ctx: Context) -> Outcome:
    if COMPLETION_REASON_QUESTION[ctx.lang].search(ctx.q.text):
        completion = _completion_reason(ctx)
        if completion is not None:
            return completion
    if RATE_REASON_QUESTION[ctx.lang].search(ctx.q.text):
        return _rate_reasons(ctx)
    rows = [r for r in _changes(ctx, strict=True) if r.get("reason")]
    if not rows and (ctx.links.projects or ctx.links.indicators):
        # "why did this indicator / project fall short": the deviation reasons stated for it
        reasons = [_indicator_row(r) for r in _rows_for_orgs(ctx, "qa_indicators")
                   if r.get("reason") and (r.get("project") in ctx.links.projects or r.get("fact") in ctx.links.indicators)]
    elif not rows and ctx.lang == "en" and ctx.links.orgs:
        # "why did X organise fewer recuperation batches than planned": the indicator its words describe
        pool = [_indicator_row(r) for r in _in_years(_rows_for_orgs(ctx, "qa_indicators"), ctx.links.years) if r.get("reason")]
        described, words = _indicators_described(ctx, pool)
        reasons = described if words else []
        if not reasons:  # "the low score of the hardship fund": the missed indicators of the project its words name
            of_project = _of_projects_described(ctx, pool)
            reasons = [r for r in of_project if r.get("met") is False] if len(of_project) < len(pool) else []
    else:
        reasons = []
    if not rows and reasons:  # each with its body, year, project, actual and target: the reason of what, exactly
        lines = [_indicator_line(r, ctx.lang) + ctx.say(f"，原因：{r['reason']}", f"; stated reason: {r['reason']}") for r in reasons]
        return Outcome(True, join(lines, ctx.lang), reasons, sources_of(reasons))
    if not rows:
        return Outcome(False, "")  # answered from the source passage by the answerer
    return Outcome(True, join([_change_line(r, ctx.lang, True) for r in rows], ctx.lang), rows, sources_of(rows))


def _code_parents(code: str, rows: list[dict[str, object]]) -> list[tuple[str, str]]:
    """Parents of a 7- or 5-digit code: 类 (3) and 款 (5) are its prefixes in both Chinese schemes."""
    labels: dict[str, str] = {}
    for r in sorted(rows, key=lambda r: 0 if r.get("source") == "code list" else 1):
        labels.setdefault(str(r.get("code")), str(r.get("label")))
    return [(code[:n], labels[code[:n]]) for n in (5, 3) if n < len(code) and code[:n] in labels]


def code_lookup(ctx: Context) -> Outcome:
    rows = [_clean(r) for r in ctx.run("qa_codes")]
    if ctx.links.codes:
        hits = [r for r in rows if r.get("code") in ctx.links.codes]
        hits.sort(key=lambda r: 0 if r.get("source") == "code list" else 1)
        if not hits:
            return Outcome(False, ctx.say(f"知识图谱中没有科目代码 {', '.join(ctx.links.codes)}。", f"The graph has no classification code {', '.join(ctx.links.codes)}."))
        best = hits[0]
        chain = _code_parents(str(best["code"]), rows)
        path = ctx.say("，上级：", "; parents: ") + " / ".join(f"{c} {l}" for c, l in chain) if chain else ""
        return Outcome(True, f"{best['code']} {best['label']}{path}", hits[:5], [])
    # (q22) classification codes only (3, 5 or 7 digits): a place's division code ("营口市" 210800) names no line
    names = [r for r in rows if isinstance(r.get("label"), str) and str(r["label"]) in ctx.q.text
             and CLASSIFICATION_CODE.match(str(r.get("code") or ""))]
    if not names:
        return Outcome(False, ctx.say("没有找到对应的科目。", "No matching classification code was found."))
    longest = max(len(str(r["label"])) for r in names)
    names = [r for r in names if len(str(r["label"])) == longest]
    codes = sorted({str(r["code"]) for r in names})
    # (q26) one name under several classes (行政运行 of each 款): each code with its parent, so the reader picks
    within = {c: next(iter(_code_parents(c, rows)), None) for c in codes}
    listed = [f"{c}（{within[c][1]}）" if within[c] else c for c in codes]
    listed_en = [f"{c} (under {within[c][0]} {within[c][1]})" if within[c] else c for c in codes]
    return Outcome(True, ctx.say(f"「{names[0]['label']}」的科目代码是 {'、'.join(listed)}", f"The code of '{names[0]['label']}' is {', '.join(listed_en)}"), names[:5], [])


def findings(ctx: Context) -> Outcome:
    every = ctx.run("qa_findings")
    rows = [r for r in every if r.get("org") in ctx.links.orgs] if ctx.links.orgs else every
    rows = [_clean(r) for r in _in_years(rows, ctx.links.years)]
    kinds = {k for k, pattern in FINDING_KIND_WORDS.items() if pattern.search(ctx.q.text)}
    if kinds:  # "预算单位数对不上的": the findings of the kinds the question names
        rows = [r for r in rows if r.get("kind") in kinds] or rows
    if not rows:
        return Outcome(False, _no_findings(ctx, every))
    rows.sort(key=lambda r: FINDING_SEVERITY_ORDER.get(str(r.get("severity")), 1))  # warnings before notes within rounding
    # each finding with its body and year, its kind in words, then the check's own account of the figures
    note = {True: ctx.say("（提示）", " (note)"), False: ""}
    def figures(r: dict[str, object]) -> str:  # the stated and computed figures in words, then the check's account
        text = finding_figures(r.get("kind"), r.get("stated"), r.get("expected"), ctx.lang, r.get("unitMult"))
        return text + ctx.say("（核对说明：", " (") if text else ""

    def close(r: dict[str, object]) -> str:
        return ctx.say("）", ")") if finding_figures(r.get("kind"), r.get("stated"), r.get("expected"), ctx.lang) else ""

    lines = [ctx.say(f"{r.get('orgLabel') or ''} {r.get('year') or ''}「{finding_kind_name(r.get('kind'), 'zh')}」{note[r.get('severity') == 'info']}{figures(r)}{r.get('comment') or ''}{close(r)}",
                     f"{r.get('orgLabel') or ''} {r.get('year') or ''} [{finding_kind_name(r.get('kind'), 'en')}]{note[r.get('severity') == 'info']} {figures(r)}{r.get('comment') or ''}{close(r)}") for r in rows]
    bodies = _bodies_and_years(rows)
    return Outcome(True, ctx.say(f"发现 {len(rows)} 个数据质量问题（{bodies}）：", f"{counted(len(rows), 'data-quality finding')} ({bodies}): ") + join(lines, ctx.lang), rows, sources_of(rows))


# Findings listed by severity: problems first, notes (a difference within rounding) last.
FINDING_SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 0, "info": 2}


def _bodies_and_years(rows: list[dict[str, object]]) -> str:
    """"天水市总工会 2025、曲靖市总工会 2021": the bodies of some rows, each with its years."""
    per_body: dict[str, set[str]] = {}
    for r in rows:
        per_body.setdefault(str(r.get("orgLabel") or _short(r.get("org"))), set()).update({str(r["year"])} if r.get("year") is not None else set())
    return "、".join(f"{b} {'、'.join(sorted(ys))}".strip() for b, ys in sorted(per_body.items()))


def _no_findings(ctx: Context, every: list[dict[str, object]]) -> str:
    """No finding for the asked bodies / years: name what was checked, and which bodies do have findings."""
    asked = "、".join(ctx.label(o) for o in ctx.links.orgs)
    years = ctx.links.years or sorted({y for o in ctx.links.orgs for y in (ctx.catalog.orgs[o].years if o in ctx.catalog.orgs else set())})
    when_zh, when_en = (f"（{'、'.join(map(str, years))}）", f" ({years_text(list(years))})") if years and asked else ("", "")
    scope_zh = f"{asked}{when_zh}的数据" if asked else (f"{years_text(ctx.links.years)} 年的数据" if ctx.links.years else "图中的数据")
    scope_en = f"the figures of {asked}{when_en}" if asked else (f"the figures of {years_text(ctx.links.years)}" if ctx.links.years else "the graph's figures")
    answer = ctx.say(f"核对{scope_zh}，没有发现数据质量问题（合计与明细、增减与占比、执行率、得分与等级、指标达标判定均未发现不符）。",
                     f"No data-quality findings for {scope_en} (totals against parts, changes and shares, execution rates, scores and grades, indicators scored as met).")
    others = [_clean(r) for r in every if r.get("org") not in ctx.links.orgs] if asked else []
    if others:
        answer += ctx.say(f"图中有数据质量问题的单位：{_bodies_and_years(others)}。", f" Bodies of the graph with findings: {_bodies_and_years(others)}.")
    return answer


def _region_en(ctx: Context) -> str:
    """(q24) The place asked, as an English answer names it: "Ningxia (宁夏回族自治区)"."""
    from unionkg.qa.regions import place_in_english_answer

    return place_in_english_answer(str(ctx.links.region))


def coverage(ctx: Context) -> Outcome:
    from unionkg.qa.phrasing import holdings_text

    holdings = ctx.catalog.holdings()
    if ctx.links.region and not ctx.links.orgs:  # (q23) a province the graph holds no body of: said, with what it holds
        return Outcome(False, ctx.say(f"图中没有{ctx.links.region}的单位（按行政区划代码）。", f"The graph holds no body of {_region_en(ctx)} (by division code); ")
                       + holdings_text(holdings, ctx.lang), [], [])
    if ctx.links.orgs:  # the bodies the question names only (the catalog folds a body's nodes into one, years included)
        holdings = [(ctx.catalog.org_label(o), sorted(ctx.catalog.orgs[o].years)) for o in ctx.links.orgs if o in ctx.catalog.orgs]
    rows: list[dict[str, object]] = [{"org": name, "years": years} for name, years in holdings]
    # (q22) "辽宁省有哪些总工会的数据": the place asked named, with the count of its bodies the graph holds
    region = ctx.say(f"{ctx.links.region}：图中有 {len(rows)} 个单位。", f"{_region_en(ctx)}: {counted(len(rows), 'body')} in the graph. ") \
        if ctx.links.region and rows else ""
    held = holdings_text(holdings, ctx.lang)
    if region and ctx.lang == "en":  # (q23) a new sentence after the place's count
        held = held[:1].upper() + held[1:]
    return Outcome(bool(rows), region + held, rows, [])


HANDLERS: dict[str, Callable[[Context], Outcome]] = {
    "missed_targets": missed_targets,
    "targets": targets,
    "indicator_value": indicator_value,
    "strict_violations": strict_violations,
    "lost_points": lost_points,
    "evaluation_score": evaluation_score,
    "execution_rate": execution_rate,
    "unit_amounts": unit_amounts,
    "budget_vs_final": budget_vs_final,
    "amount": amount,
    "projects": projects,
    "project_detail": project_detail,
    "subordinate_units": subordinate_units,
    "stated_counts": stated_counts,
    "renames": renames,
    "departments": departments,
    "staffing": staffing,
    "duties": duties,
    "flows": flows,
    "work_tasks": work_tasks,
    "change_reason": change_reason,
    "yoy_change": yoy_change,
    "comparison": comparison,
    "code_lookup": code_lookup,
    "findings": findings,
    "coverage": coverage,
}

# Intents whose facts are tied to a fiscal year (a missing year means "no data").
YEAR_SCOPED = frozenset(HANDLERS) - {"code_lookup", "duties", "subordinate_units", "departments", "coverage", "findings", "renames"}
