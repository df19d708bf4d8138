"""The question answerer: normalise, link, pick an intent, run its template, phrase.

Construct once (it encodes the intent exemplars and reads the entity catalog),
then call :meth:`Answerer.ask` per question.  The catalog is re-read when the
set of named graphs in the store changes (a document was ingested or removed).
"""

from __future__ import annotations

import re
import threading
from dataclasses import replace
from typing import Any

from unionkg.errors import InputError
from unionkg.graph.queries import named_query
from unionkg.graph.store import GraphStore
from unionkg.qa.amount_thresholds import amount_verdict, without_threshold
from unionkg.qa.handlers import HANDLERS, SUBORDINATE_ASKED, YEAR_SCOPED, Context, Outcome, lines_held
from unionkg.qa.identities import identity_note
from unionkg.qa.intents import ENGLISH_BODY_KINDS, QUESTION_SHAPES, IntentChoice, IntentClassifier
from unionkg.qa.items import asked_item_text
from unionkg.qa.line_facts import LINE_PART_COLUMNS, PART_FOLLOW_UP, PREVIOUS_YEAR_FOLLOW_UP
from unionkg.qa.linking import Catalog, Links, OrgEntry, ambiguity_note, merged_into_note, place_history_note
from unionkg.qa.normalize import NormalisedQuestion, normalise_question
from unionkg.qa.patterns import (
    BARE_WHY,
    BODY_RANKING_QUESTION,
    BODY_YEARS_QUESTIONS,
    BY_UNIT_FOLLOW_UP,
    FOLLOW_UP_PATTERNS,
    LINE_PARTS_QUESTION,
    REASON_GIVING_FAMILIES,
    REGION_BODIES_ASKED,
    UNIT_WORD_IN_LINE_NAME,
    YEAR_ONLY_FOLLOW_UP,
)
from unionkg.qa.phases import PHASE_ONLY_FOLLOW_UP, named_phases
from unionkg.qa.phrasing import holdings_text, years_text
from unionkg.qa.regions import county_elsewhere_note, english_place_asked, province_asked, province_bodies
from unionkg.qa.sessions import SessionState, SessionStore
from unionkg.qa.term_questions import amount_asked_without_money_word
from unionkg.qa.thresholds import THRESHOLD_FAMILIES, family_for_threshold, threshold_follow_up, threshold_verdict
from unionkg.search.encoders import Encoder, encoder_for
from unionkg.settings import Settings

MAX_QUESTION_CHARS = 500
# Families about a body as a whole: a question naming a project asks something else when another rule fits.
BODY_FAMILIES = frozenset({"staffing"})
# Families about how a figure changed: a follow-up asking one ("增长了多少？") keeps the line just asked.
CHANGE_FAMILIES = frozenset({"yoy_change", "change_reason"})
# Families whose answer lists projects with a figure each: "哪个最低？" next ranks those projects by that figure.
PROJECT_LIST_FAMILIES = frozenset({"projects", "execution_rate", "evaluation_score", "budget_vs_final"})
# Families whose answer is one line's figure: a follow-up comparing it with its budget keeps that line.
LINE_FAMILIES = frozenset({"amount", "budget_vs_final", "yoy_change"})
MAX_YEARS_SEEN = 6
SEARCH_K = 5


class Answerer:
    def __init__(self, store: GraphStore, settings: Settings, index: Any | None = None, encoder: Encoder | None = None):
        self.store = store
        self.settings = settings
        self.index = index
        self.encoder = encoder if encoder is not None else (index.encoder if index is not None else encoder_for(settings.encoder))
        self.classifier = IntentClassifier(self.encoder)
        self.sessions = SessionStore()
        self._catalog: Catalog | None = None
        self._catalog_key: tuple[str, ...] | None = None
        self._docs: list[dict[str, object]] = []
        self._lock = threading.Lock()
        self.catalog()  # read at start-up, not on the first question
        if index is not None:
            index.warm()
        self.catalog().link(normalise_question("2024年 warm-up"), self.encoder)  # load opencc, pypinyin, the encoder

    # ------------------------------------------------------------ catalog
    def catalog(self) -> Catalog:
        key = tuple(self.store.graphs())
        with self._lock:
            if self._catalog is None or key != self._catalog_key:
                self._catalog = Catalog(self.store)
                if self.encoder is not None:
                    self._catalog.entity_vectors(self.encoder)  # encode project labels now, not on a question
                self._docs = self.store.select(named_query("qa_catalog_docs")).values()
                self._catalog_key = key
            return self._catalog

    def _doc_ids(self, orgs: list[str], years: list[int]) -> set[str] | None:
        if not orgs and not years:
            return None
        catalog = self.catalog()
        orgs = [node for o in orgs for node in catalog.members.get(o, [o])]  # every node of a body held under several
        ids = {str(d["id"]) for d in self._docs if (not orgs or str(d.get("publisher")) in orgs) and (not years or d.get("year") in years)}
        return ids or None

    # ------------------------------------------------------------ asking
    def ask(self, question: str, session: str | None = None, *, follow_up: bool = False) -> dict[str, object]:
        """``follow_up``: the question continues the session's last one (a later part of a compound question)."""
        if not question or not question.strip():
            raise InputError("the question is empty")
        if len(question) > MAX_QUESTION_CHARS:
            raise InputError(f"the question is longer than {MAX_QUESTION_CHARS} characters")
        earlier = self.sessions.get(session) if session else None
        if earlier is not None and (again := threshold_follow_up(normalise_question(question).text, earlier.question)) is not None:
            # (q25) "那95分呢？" after "自评得分是否达到90分": that question against the new threshold (the question as asked kept)
            return {**self.ask(again, session, follow_up=follow_up), "question": question}
        groups = self._compound_groups(question)
        if groups:  # "自评得分多少？是什么等级？有哪些指标没完成？": each family's part answered in turn, one chat
            return self._ask_compound(question, groups, session)
        catalog = self.catalog()
        q = normalise_question(question)
        vectors = _QuestionVectors(self.encoder, q, catalog.place_words)
        links = catalog.link(q, self.encoder, vectors.all)
        # a line named with a unit word (机关事业单位基本养老保险缴费支出) asks for its amount, not for units
        ruled_out = frozenset({"subordinate_units"}) if UNIT_WORD_IN_LINE_NAME.search(q.text) else frozenset()
        if links.orgs:  # (q20) a body named asks about that body ("某市有哪些单位"), never what the whole graph holds
            ruled_out |= {"coverage"}
        choice = self.classifier.classify(q.text, q.original, vectors.question, without=ruled_out)
        if choice.name in BODY_FAMILIES and (links.projects or links.indicators or links.owner_projects):
            # "the union's staff skills training project": a word of the project's name, not a staffing question
            other = self.classifier.classify(q.text, q.original, vectors.question, without=frozenset({choice.name}))
            if other.rule_hit:
                choice = other
        province = province_asked(q.text, q.language)
        if province is not None:
            # (q23) "What data do you have on Qinghai?", "福建省有哪些总工会的数据": the province's bodies by their division
            # codes, none included (the linker scopes only to places that enclose bodies of the graph; "Jiangxi" alone
            # links the province's own federation)
            links = replace(links, orgs=province_bodies(catalog, province), region=province)
            choice = IntentChoice("coverage", choice.score, True, choice.scores)
        elif links.orgs and ((links.region and REGION_BODIES_ASKED.search(q.text)) or english_place_asked(q.text)):
            # (q23) "What data do you have on the X federation?": the coverage of the bodies named
            # (q22) "辽宁省有哪些总工会的数据": the place's bodies the graph holds, with their years (coverage, those bodies)
            choice = IntentChoice("coverage", choice.score, True, choice.scores)
        elif links.orgs and any(p.search(q.text) for p in BODY_YEARS_QUESTIONS):
            # "某县总工会有哪些年份的数据": the years held for the body named (the coverage family, that body only)
            choice = IntentChoice("coverage", choice.score, True, choice.scores)
        elif not choice.rule_hit and links.orgs and catalog.names_line(links.orgs, asked_item_text(q.text)):
            # no family's words, but a line the body prints ("港北区卫健局2024年行政运行"): its amount
            choice = IntentChoice("amount", choice.score, True, choice.scores)
        intent = choice.name
        state = self.sessions.get(session)
        context_text = previous = ""
        if state is not None and (follow_up or _is_follow_up(q, choice.rule_hit, links)):
            previous = state.question
            q_names_body = bool(links.orgs)
            if not choice.rule_hit or (BARE_WHY.match(q.text) and state.intent in REASON_GIVING_FAMILIES):
                # "why?" after missed targets: the stated reasons of what was just listed
                intent, context_text = state.intent, state.question
            elif PHASE_ONLY_FOLLOW_UP[q.language].match(q.text.strip()):  # "决算呢？": the line just asked, in that phase
                intent, context_text = state.intent, state.question
            elif BY_UNIT_FOLLOW_UP.search(q.text.strip()):  # "按单位分一下": the line just asked, of each unit
                context_text = state.question
            links = _inherit(links, state, catalog)
            if q.relative_years and not q.years and not q_names_body:
                # "那前年呢" after a body was asked: relative to that body's latest year, not to the whole graph's
                latest = catalog.latest_year_of(links.orgs)
                if latest is not None:
                    links = replace(links, years=sorted({latest + off for off in q.relative_years}))
            if PREVIOUS_YEAR_FOLLOW_UP.match(q.text.strip()) and state.years and not q.years:
                # (q18) "上年呢" after a line's figure: that line, the year before the one just asked
                intent, context_text = state.intent, state.question
                links = replace(links, years=sorted({y - 1 for y in state.years}))
            part = PART_FOLLOW_UP.match(q.text.strip())
            line_before = re.sub("|".join(LINE_PART_COLUMNS), " ", asked_item_text(state.question))  # 基本支出 itself is no line with parts
            if part and state.intent in LINE_FAMILIES and catalog.names_line(links.orgs, line_before):
                # (q18) "其中基本支出呢" after a line's figure: that line's part in the column named (ukg:column)
                intent = "amount"
                q = replace(q, text=f"{state.question} {part.group('zh') or LINE_PART_COLUMNS[0 if part.group('en') == 'basic' else 1]}")
            if intent == "yoy_change" and state.intent in CHANGE_FAMILIES and not catalog.names_line(links.orgs, asked_item_text(q.text)):
                # (q18) "那增长率呢？" after a line's change (stated or computed): that line's change
                context_text = context_text or state.question
            if intent == "execution_rate" and state.intent in LINE_FAMILIES and not catalog.names_line(links.orgs, asked_item_text(q.text)):
                # (q18) "完成率呢" after a line's figure: that line's rate, not the body's
                context_text = context_text or state.question
            if intent == "yoy_change" and state.intent not in CHANGE_FAMILIES and not (q.years or q.relative_years):
                # "增长了多少？" after amounts of two years: the change of that line between the years shown
                context_text = context_text or state.question
                if len(set(state.years_seen)) >= 2:
                    last_two = list(dict.fromkeys(reversed(state.years_seen)))[:2]
                    links = replace(links, years=sorted(last_two))
            if intent == "budget_vs_final" and state.intent in LINE_FAMILIES and not catalog.names_line(links.orgs, asked_item_text(q.text)):
                # "比预算多还是少？" after a line's figure ("公务接待费呢"): that line against its budget, not the totals
                context_text = context_text or state.question
            if QUESTION_SHAPES["bare_extreme"].search(q.text) and state.intent in PROJECT_LIST_FAMILIES:
                # "哪个最低？" / "and the lowest?" after a list of projects with their rates or scores: rank those
                intent, context_text = "projects", state.question
            elif QUESTION_SHAPES["bare_extreme"].search(q.text) and state.intent == "amount" and LINE_PARTS_QUESTION.search(state.question):
                # "哪个最多？" after the lines printed within a line ("项目支出都有哪些"): those lines ranked
                intent, context_text = "amount", state.question
            if intent == "comparison" and not q_names_body and len(set(state.orgs_seen)) >= 2:
                # "哪个多？" after the same line of two bodies: those two, that line
                context_text = context_text or state.question
                links = replace(links, orgs=list(dict.fromkeys(reversed(state.orgs_seen)))[:2][::-1])
        intent = _refine(intent, q, links)
        ctx = Context(self.store, catalog, q, links, q.language, doc_years={str(d["docIri"]): d.get("year") for d in self._docs},
                      context_text=context_text, previous=previous)
        outcome, intent, searched = self._answer(ctx, intent)
        if outcome.found and not searched and links.renamed:
            outcome.answer += _rename_note(catalog, links, q.language)
        if links.place_history and not searched:
            outcome.answer = _with_former_place(catalog, outcome.answer, links, q.language)
        if not searched:
            years_shown = [y for y in (r.get("year") for r in outcome.rows) if isinstance(y, int)]
            outcome.answer = _with_other_names(catalog, outcome.answer, links, q.language, years_shown)
        seen = list(state.years_seen) if state is not None and state.orgs == links.orgs else []
        bodies_seen = list(state.orgs_seen) if state is not None else []
        session_id = self.sessions.put(session, SessionState(intent, links.orgs, links.years, links.projects, ctx.topic[:200],
                                                             (seen + links.years)[-MAX_YEARS_SEEN:],
                                                             (bodies_seen + links.orgs)[-MAX_YEARS_SEEN:], indicators=list(links.indicators)))
        return {
            "question": question,
            "language": q.language,
            "intent": intent,
            "found": outcome.found,
            "answer": outcome.answer,
            "rows": outcome.rows,
            "sparql": None if searched or not ctx.queries_run else ctx.queries_run[-1] if len(ctx.queries_run) == 1 else "\n\n".join(ctx.queries_run),
            "sources": outcome.sources,
            "session": session_id,
        }

    def _compound_groups(self, question: str) -> list[str]:
        """The parts of a question that asks several things one after another ("…得分多少？是什么等级？有哪些
        指标没完成？"), consecutive parts of one family joined; empty unless two or more families of
        COMPOUND_FAMILIES are asked (other families answer such questions whole, e.g. "预算多少？执行了多少？")."""
        parts = [p for p in COMPOUND_SPLIT.split(question) if p.strip(" ，,。.")]
        if len(parts) < 2:
            return []
        if all(YEAR_ONLY_FOLLOW_UP.match(p) for p in parts[1:]) and not YEAR_ONLY_FOLLOW_UP.match(parts[0]):
            return parts  # (q22) "…2023年三公经费预算是多少？2022年呢？": the first question, then again for each year
        families: list[str | None] = []
        for part in parts:
            rules = self.classifier.rule_scores(normalise_question(part).text)
            best = max(rules, key=lambda n: rules[n]) if rules else None
            families.append(COMPOUND_SAME_TOPIC.get(best, best) if best else None)
        if any(f not in COMPOUND_FAMILIES for f in families):
            return []
        groups: list[tuple[str | None, str]] = []
        for family, part in zip(families, parts):
            if groups and groups[-1][0] == family:
                groups[-1] = (family, groups[-1][1] + part)
            else:
                groups.append((family, part))
        if len(groups) < 2:
            return []
        links = self.catalog().link(normalise_question(question), None)
        if (links.unknown_bodies or links.ambiguous_bodies) and not links.orgs:
            return []  # a body the graph does not hold (or several could be meant): said once, for the whole question
        return [text for _family, text in groups]

    def _ask_compound(self, question: str, groups: list[str], session: str | None) -> dict[str, object]:
        """Each part asked in turn as one chat (later parts take the body and year of the first), the answers joined
        in order; rows, SPARQL and sources of every part; the intent of the first part (the JSON shape unchanged)."""
        answers = []
        for i, part in enumerate(groups):
            answer = self.ask(part, session, follow_up=i > 0)
            session = str(answer["session"])
            answers.append(answer)
        first = answers[0]
        sources: list[dict[str, object]] = []
        for a in answers:
            sources += [src for src in a["sources"] if src not in sources]  # type: ignore[attr-defined]
        return {
            "question": question,
            "language": first["language"],
            "intent": first["intent"],
            "found": any(bool(a["found"]) for a in answers),
            "answer": "\n".join(str(a["answer"]) for a in answers),
            "rows": [row for a in answers for row in a["rows"]],  # type: ignore[attr-defined]
            "sparql": "\n\n".join(str(a["sparql"]) for a in answers if a["sparql"]) or None,
            "sources": sources,
            "session": session,
        }

    def _answer(self, ctx: Context, intent: str | None) -> tuple[Outcome, str, bool]:
        intent = family_for_threshold(ctx.q.text, intent)  # (q24) "某指标有没有达到90%": the indicator's value
        missing = self._missing_data(ctx, intent)
        if missing is not None:
            return missing, intent or "no_data", False
        # A follow-up inherits the previous intent, which may be "search" (no
        # structured handler): that falls through to passage search again.
        handler = HANDLERS.get(intent) if intent is not None else None
        if handler is not None and intent is not None:
            outcome = handler(ctx)
            if not outcome.found and intent == "amount" and (plain := without_threshold(ctx.q.text)):
                # (q27) "收入是否超过3000万元": the line looked up without the threshold clause, the verdict against it
                outcome = handler(replace(ctx, q=replace(ctx.q, text=plain)))
            if outcome.found and intent in THRESHOLD_FAMILIES:  # (q24) "执行率是不是低于95%": yes or no first
                outcome.answer = (threshold_verdict(ctx.q.text, ctx.lang, outcome.rows) or "") + outcome.answer
            elif outcome.found:  # (q27) "三公经费有没有超过10万元": yes or no first, the amount and the threshold
                outcome.answer = (amount_verdict(ctx.q.text, ctx.lang, outcome.rows) or "") + outcome.answer
            if outcome.found or outcome.answer:
                if intent in PARTIAL_YEAR_FAMILIES and ctx.links.years:  # the bodies asked that lack the year, named
                    for entry in _bodies_lacking_years(ctx.catalog, ctx.links):
                        outcome.answer = ctx.say(f"（图中没有{entry.label} {years_text(ctx.links.years)} 年的数据，其现有年份：{years_text(sorted(entry.years))}。）",
                                                 f"(No data for {entry.label} in {years_text(ctx.links.years)}; it has {years_text(sorted(entry.years))}.) ") + outcome.answer
                return outcome, intent, False
        if handler is not None and intent is not None and self.index is None:
            # (q19) no passage search to fall back on: what was understood and what the graph holds, not "no type fits"
            return _understood_not_found(ctx, intent), intent, False
        return self._search(ctx), "search", True

    def _missing_data(self, ctx: Context, intent: str | None) -> Outcome | None:
        """found=false when the asked body or year is not in the graph: never guess a number."""
        catalog, links = ctx.catalog, ctx.links
        holdings = holdings_text(catalog.holdings(), ctx.lang)
        elsewhere = catalog.counties_after_other_cities(ctx.q)
        if elsewhere:  # (q25) "营口大洼总工会": 大洼区 is not in 营口 (it lies in 盘锦): said, with what the graph holds
            return Outcome(False, county_elsewhere_note(catalog, *elsewhere[0], ctx.lang, links.orgs))
        if links.ambiguous_bodies and not links.orgs:  # a name several bodies have: never guessed
            return Outcome(False, ambiguity_note(catalog, links.ambiguous_bodies, ctx.lang))
        if not links.orgs and not links.region and not links.unknown_bodies and not QUESTION_SHAPES["each"].search(ctx.q.text):
            kind, units = _units_named_by_kind(catalog, ctx.q.text, ctx.lang)
            if len(units) > 1:  # "职工服务中心收到了多少钱": a kind of unit several bodies have, no place: never guessed
                names = sorted(u.label for u in units)
                return Outcome(False, ctx.say(f"图中有 {len(units)} 个“{kind}”：{'、'.join(names)}。请指明是哪一个。",
                                              f"The graph holds {len(units)} units called \"{kind}\": {', '.join(names)}. Please name the one you mean."))
        if links.unknown_bodies and not links.orgs:
            body = _as_written(ctx.q.original, links.unknown_bodies[0])
            # the body of a place merged into the asked one's place: told of, its figures never given
            merged = merged_into_note(catalog, catalog.merged_into_asked(links.unknown_bodies[0], ctx.q), body, ctx.lang)
            return Outcome(False, ctx.say(f"知识图谱中没有“{body}”的数据。", f"The graph holds no data for \"{body}\"; ")
                           + (ctx.say(merged, "") + holdings + ctx.say("", " " + merged.rstrip()) if merged else holdings))
        if not links.years or (intent is not None and intent not in YEAR_SCOPED):
            return None
        lacking = _bodies_lacking_years(catalog, links)
        if lacking and (len(lacking) == len(links.orgs) or intent not in PARTIAL_YEAR_FAMILIES):
            entry = lacking[0]
            asked = years_text(links.years)
            return Outcome(False, ctx.say(f"知识图谱中没有{entry.label} {asked} 年的数据；该单位现有年份：{years_text(sorted(entry.years))}。",
                                          f"The graph holds no data for {entry.label} in {asked}; it has {years_text(sorted(entry.years))}. ") )
        if not links.orgs:
            known = {y for o in catalog.orgs.values() for y in o.years}
            if known and not set(links.years) & known:
                return Outcome(False, ctx.say(f"知识图谱中没有 {years_text(links.years)} 年的数据。", f"The graph holds no data for {years_text(links.years)}; ") + holdings)
        return None

    def _search(self, ctx: Context) -> Outcome:
        if self.index is None:
            return Outcome(False, ctx.say("没有匹配的问题类型，且搜索索引不可用。", "No question type fits and the search index is not available."))
        hits = self.index.search(ctx.q.original, k=SEARCH_K, doc_ids=self._doc_ids(ctx.links.orgs, ctx.links.years))
        if not hits:
            return Outcome(False, ctx.say("没有找到相关段落。", "No relevant passage was found."))
        best = hits[0]
        answer = ctx.say(f"（搜索结果，非结构化答案）最相关的段落来自 {best['doc']}：{best['quote']}",
                         f"(search result, not a structured answer) The most relevant passage, from {best['doc']}: {best['quote']}")
        sources = [{"doc": h["doc"], "quote": h["quote"], "doc_iri": _doc_iri(self.settings, str(h["doc_id"]))} for h in hits]
        return Outcome(True, answer, hits, sources)


# (q8) A question of several parts ("自评得分多少？是什么等级？有哪些指标没完成？") is split at its question marks; it is
# answered part by part only when every part belongs to one of these families (facts of one body: scores, targets,
# staffing, units, duties, findings) and two or more of them are asked.
COMPOUND_SPLIT = re.compile(r"(?<=[?？])")
COMPOUND_FAMILIES = frozenset({"evaluation_score", "missed_targets", "lost_points", "indicator", "staffing",
                               "subordinate_units", "departments", "duties", "work_tasks", "findings"})
# Families that answer one indicator's value and target together ("满意度是多少？目标是多少"): one part.
COMPOUND_SAME_TOPIC = {"targets": "indicator", "indicator_value": "indicator"}


# (q19) What each question family asks, named in an answer that found nothing for it (no passage search to fall back
# on): "没有找到某市总工会 2031 年的比上年增减变化", never "no question type fits" when one did.
FAMILY_NAMES: dict[str, tuple[str, str]] = {
    "missed_targets": ("未完成的绩效指标", "missed performance targets"),
    "targets": ("绩效指标的目标值", "performance targets"),
    "indicator_value": ("绩效指标的完成值", "indicator values"),
    "strict_violations": ("未满足目标的指标", "indicators violating their targets"),
    "lost_points": ("扣分的指标", "indicators that lost points"),
    "evaluation_score": ("绩效自评得分", "self-evaluation scores"),
    "execution_rate": ("预算执行率", "budget execution rates"),
    "unit_amounts": ("所属单位的金额", "amounts of subordinate units"),
    "budget_vs_final": ("预算与决算的对比", "budget against final accounts"),
    "amount": ("金额", "amounts"),
    "projects": ("项目", "projects"),
    "project_detail": ("项目详情", "project details"),
    "subordinate_units": ("下属单位", "subordinate units"),
    "stated_counts": ("文件所述的个数", "stated counts"),
    "renames": ("更名或其他名称", "renames or other names"),
    "departments": ("内设机构", "internal departments"),
    "staffing": ("人员编制", "staffing"),
    "duties": ("主要职责", "duties"),
    "flows": ("资金流向", "money flows"),
    "work_tasks": ("工作任务", "work tasks"),
    "change_reason": ("增减变化的原因", "reasons for changes"),
    "yoy_change": ("比上年增减变化", "changes on the previous year"),
    "comparison": ("可比较的数字", "comparable figures"),
    "code_lookup": ("科目编码", "classification codes"),
    "findings": ("数据核查发现", "data-quality findings"),
    "coverage": ("文件覆盖情况", "document coverage"),
}


MONEY_FAMILIES = frozenset({"amount", "yoy_change", "comparison", "budget_vs_final", "change_reason"})  # families of a line's figure


def _understood_not_found(ctx: Context, intent: str) -> Outcome:
    """(q19) A family matched, its handler found nothing and there is no passage search: the family, bodies and years
    understood, and the years the graph holds for those bodies (else every body's holdings)."""
    family_zh, family_en = FAMILY_NAMES.get(intent, ("所问内容", "what was asked"))
    entries = [ctx.catalog.orgs[o] for o in ctx.links.orgs if o in ctx.catalog.orgs]
    bodies_zh = "、".join(e.label for e in entries) or "（未指明单位）"
    bodies_en = ", ".join(e.label for e in entries) or "(no body named)"
    years_zh = years_text(ctx.links.years) if ctx.links.years else "未指明"
    years_en = years_text(ctx.links.years) if ctx.links.years else "none named"
    asked_zh = f" {years_zh} 年" if ctx.links.years else ""
    asked_en = f" in {years_en}" if ctx.links.years else ""
    held = [ctx.say(f"{e.label}现有 {years_text(sorted(e.years))} 年的文件", f"{e.label} has documents of {years_text(sorted(e.years))}")
            for e in entries if e.years]
    holding = ("；".join(held) if ctx.lang == "zh" else "; ".join(held)) if held else holdings_text(ctx.catalog.holdings(), ctx.lang)
    if intent in MONEY_FAMILIES and len(entries) == 1 and ctx.links.years:  # a line not held: the lines it does print
        lines = lines_held(ctx, entries[0].iri)
        if lines:
            holding += ctx.say(f"；该单位该年列有：{'、'.join(lines)}等", f"; lines it states that year include: {', '.join(lines)}")
    return Outcome(False, ctx.say(f"知识图谱中没有找到{bodies_zh}{asked_zh}的{family_zh}（问题理解为：{family_zh}；单位：{bodies_zh}；年份：{years_zh}）。{holding}。",
                                  f"The graph holds no {family_en} for {bodies_en}{asked_en} (understood as: {family_en}; body: {bodies_en}; "
                                  f"year: {years_en}). {holding}."))


# (q8) Families whose answer over several bodies stays right for the bodies that hold the asked year ("西宁和某市
# 2021年自评得分比较" when only one has 2021): those are answered, the others named with the years they have.
PARTIAL_YEAR_FAMILIES = frozenset({"evaluation_score", "missed_targets", "lost_points", "targets", "indicator_value", "staffing"})


def _bodies_lacking_years(catalog: Catalog, links: Links) -> list[OrgEntry]:
    """The asked bodies the graph holds in other years only (none of the asked years)."""
    return [catalog.orgs[o] for o in links.orgs
            if o in catalog.orgs and catalog.orgs[o].years and not set(links.years) & catalog.orgs[o].years]


class _QuestionVectors:
    """The question and its English content phrases, encoded at most once per ask, in one batch."""

    def __init__(self, encoder: Encoder | None, q: NormalisedQuestion, drop: frozenset[str] = frozenset()):
        self._encoder, self._q, self._drop = encoder, q, drop
        self._vectors: Any = None

    def all(self) -> Any:
        if self._vectors is None and self._encoder is not None:
            from unionkg.qa.linking import content_phrases

            self._vectors = self._encoder.encode([self._q.original] + content_phrases(self._q.text, self._drop))
        return self._vectors

    def question(self) -> Any:
        vectors = self.all()
        return None if vectors is None else vectors[0]  # no encoder (settings.encoder "none")


# A kind of unit is named by the end of its label ("职工服务中心", "工人文化宫", "职工疗养院"): at least this many characters.
UNIT_KIND_MIN_CHARS = 4
# Level characters a place name ends with: not part of the kind of unit ("市工人文化宫" names 工人文化宫).
LEVEL_CHARS = "省市县区州旗盟"
UNION_SUFFIX = "工会"


def _units_named_by_kind(catalog: Catalog, text: str, lang: str = "zh") -> tuple[str, list[Any]]:
    """The units (bodies below another) whose label ends with a run of at least UNIT_KIND_MIN_CHARS characters the
    question holds, the longest such run first: the kind of unit named without its place ("职工服务中心收到了多少钱");
    in English, the units of a kind ENGLISH_BODY_KINDS names ("the workers' cultural palace")."""
    # institutions below a body (文化宫, 服务中心, 疗养院); a union below another ("某县总工会") is a body a ranking
    # or a list over bodies names by its level, never a unit to pick
    units = [entry for entry in catalog.orgs.values() if entry.parent and not entry.label.endswith(UNION_SUFFIX)]
    if lang != "zh":
        for asked, printed in ENGLISH_BODY_KINDS:
            hits = [u for u in units if printed.search(u.label)] if asked.search(text) else []
            if hits:
                return asked.search(text).group(0), hits  # type: ignore[union-attr]
        return "", []
    best, found = "", []
    for entry in units:
        label = entry.label
        kind = next((label[i:] for i in range(len(label) - UNIT_KIND_MIN_CHARS + 1) if label[i:] in text), "")
        kind = kind.lstrip(LEVEL_CHARS) if len(kind.lstrip(LEVEL_CHARS)) >= UNIT_KIND_MIN_CHARS else kind  # 工人文化宫, not 市工人文化宫
        if len(kind) > len(best):
            best, found = kind, [entry]
        elif kind and kind == best:
            found.append(entry)
    return best, found


def _as_written(original: str, mention: str) -> str:
    """A mention read from the lower-cased question, as the question writes it ("Lishui federation")."""
    at = original.lower().find(mention.lower())
    return original[at:at + len(mention)] if at >= 0 else mention


def _rename_note(catalog: Catalog, links: Links, language: str) -> str:
    """Say that the figures are printed under the body's other name (a unit renamed between years)."""
    pairs = [(catalog.org_label(used), catalog.org_label(named)) for used, named in links.renamed]
    if language == "zh":
        return "".join(f"（{named}在该年度的名称为{used}）" for used, named in pairs)
    return "".join(f" ({named} was named {used} in that year.)" for used, named in pairs)


def _with_former_place(catalog: Catalog, answer: str, links: Links, language: str) -> str:
    """A body asked by its place's former name: a Chinese answer names it "郫县（今郫都区）总工会" where it
    first names the body, and every answer ends with what became of the place (place_history_note)."""
    for change in links.place_history:
        label = catalog.org_label(change.org)
        if language == "zh" and change.kind == "renamed" and change.current in label:
            answer = answer.replace(label, label.replace(change.current, f"{change.former}（今{change.current}）", 1), 1)
    return answer + place_history_note(catalog, links.place_history, language)


def _with_other_names(catalog: Catalog, answer: str, links: Links, language: str, years: list[int] | None = None) -> str:
    """A body the graph holds under several nodes (owl:sameAs) is named once with its other names, where the
    answer first names it ("某区总工会（原某县总工会）"), else in a closing note (qa/identities.py); so is a body of a
    renamed place whose figures shown include a year printed under the former name (asked by the current one)."""
    for org in links.orgs:
        label = catalog.org_label(org)
        if catalog.other_names_of.get(org):
            named = catalog.one_body_name(org, language)
        elif not any(c.org == org for c in links.place_history) and (former := catalog.name_printed_before_rename(org, years or [])):
            named = identity_note(label, [("former", former)], language)
        else:
            continue
        if label in answer:
            answer = answer.replace(label, named, 1)
        else:
            answer += f"（{named}）" if language == "zh" else f" ({named})"
    return answer


def _doc_iri(settings: Settings, doc_id: str) -> str:
    from unionkg.graph.iris import Iris

    return str(Iris(settings.base_iri).doc(doc_id))


def _is_follow_up(q: NormalisedQuestion, rule_hit: bool, links: Links) -> bool:
    pattern = FOLLOW_UP_PATTERNS[q.language]
    if pattern.search(q.text):
        return True
    if len(q.text) <= 20 and not (links.orgs or links.years or links.projects or links.codes or links.unknown_bodies):
        # "为什么下降了" / "why?" in a chat: about the body and year just asked (an indicator a generic word links,
        # "执行率分别是多少", is no other body: the one just asked keeps it)
        return True
    # a short question with only a body or a year ("2023年的呢", "Jiangxi?") refers to the last one
    return not rule_hit and len(q.text) <= 20 and bool(links.orgs or links.years)


# Families a "how many ..." question about a named project belongs to rather than to amounts or lists.
_COUNT_OVERRIDES = frozenset({None, "amount", "projects", "evaluation_score", "execution_rate", "flows"})
# Families a question naming the adjusted budget and another phase belongs to budget_vs_final from (qa/phases.py).
_PHASE_PAIR_OVERRIDES = frozenset({None, "amount", "comparison", "budget_vs_final", "yoy_change"})


def _refine(intent: str | None, q: NormalisedQuestion, links: Links) -> str | None:
    """A count question about a named project asks for its beneficiaries ("送温暖资金慰问了多少职工")."""
    from unionkg.qa.handlers import counters_in

    if intent in _COUNT_OVERRIDES and (links.projects or links.indicators) and counters_in(q.text, q.language) \
            and not re.search(r"多少钱|金额|how much", q.text):
        return "project_detail"
    if intent in _PHASE_PAIR_OVERRIDES and links.orgs and len(phases := named_phases(q.text)) >= 2 and "adjusted" in phases:
        return "budget_vs_final"  # "决算比调整预算少多少", "how much was the budget adjusted": those phases compared
    if intent not in MONEY_FAMILIES and links.orgs and amount_asked_without_money_word(q.text):
        return "amount"  # (q23) "what did X get from the government": its appropriation income
    # (q28) "哪个下属单位的收入预算最多" names the units below a body: each body's units ranked, not the bodies
    if intent == "unit_amounts" and not links.orgs and BODY_RANKING_QUESTION.search(q.text) and not SUBORDINATE_ASKED.search(q.text):
        return "comparison"  # (q23) "哪个单位三公经费压减最多", no body named: the bodies ranked, not one body's units
    return intent


def _inherit(links: Links, state: SessionState, catalog: Catalog) -> Links:
    years = links.years or list(state.years)
    if links.orgs and not links.years and years:
        # "And Jiangxi?" after a 2024 question: keep the year only when the new body has it
        held = {y for o in links.orgs for y in (catalog.orgs[o].years if o in catalog.orgs else set())}
        if held and not set(years) & held:
            years = []
    return Links(
        orgs=links.orgs or list(state.orgs),
        years=years,
        projects=links.projects or ([] if links.orgs else list(state.projects)),
        # "目标是多少？" after an indicator's value: that indicator, unless the question names a body or project
        indicators=links.indicators or ([] if links.orgs or links.projects else list(state.indicators)),
        codes=links.codes,
        owner_projects=links.owner_projects,
        candidate_indicators=links.candidate_indicators,
        unknown_bodies=links.unknown_bodies,
    )
