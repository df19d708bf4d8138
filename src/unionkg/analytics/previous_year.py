"""Year-on-year figures against the previous year's own document.

A document restates figures of the year before: a 上年预算数 / 上年决算数 column, "比上年增加 x 万元"
(so the previous figure was this year's less x), "比上年增长 y%" (this year's over 1 + y%).  When the
graph holds the previous year's document of the same body and genre (a budget and the previous
budget, a final account and the previous final account; ``check_previous_year_documents.rq``: the
same publisher, a body the graph places), the figure restated is measured against the one that
document itself printed for the same line (same code, else same item; same phase):

- ``change:previous-document`` - a stated change whose document prints no previous figure of its
  line (no 上年 column, no prose figure of last year): the previous figure it implies against the
  previous year's document's, its table rows too (``change:two-years`` reads prose figures only,
  and measures the changes whose two years are both printed in prose: those are left to it).
- ``change:two-years`` / ``percent:two-years`` (``checks.check_changes``) take last year's figures
  from the change's own document or the paired documents only.
- ``prior-year:own-document`` (``phase_checks.check_prior_year_columns``) keeps the 上年 columns,
  now against the paired documents only (:func:`previous_documents`).

A difference beyond the printed rounding is a warning with the quotes of both documents; when the
document names a restatement near the figure (口径调整, 重分类, 上年数已按…调整: :data:`RESTATEMENT_WORDS`)
it is an info: the previous year's figures were restated on purpose, and the reader is told so.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from decimal import Decimal
from typing import TYPE_CHECKING

from rdflib import Literal, URIRef

from unionkg.analytics import rules
from unionkg.analytics.table_checks import PASSAGE_OFFSETS
from unionkg.graph.places import simplified
from unionkg.graph.queries import named_query
from unionkg.graph.store import select_rows

if TYPE_CHECKING:
    from unionkg.analytics.checks import Context, Obs, _Change
    from unionkg.analytics.findings import Finding

#: Genres (``ukg:genre``) whose documents restate the previous year's document of the same genre:
#: a budget's 上年预算数 is the previous budget's, a final account's 上年决算数 the previous final's.
SAME_GENRE_SERIES: tuple[str, ...] = ("budget", "final_accounts")

#: Words that say the previous year's figures were restated on purpose (named near the figure: in
#: its own quote or a passage within :data:`NEAR_CHARS`).  A reason for the change itself (工资调整,
#: 支出结构调整) restates nothing, nor does a column of the adjusted budget (调整预算数).
RESTATEMENT_WORDS: dict[str, re.Pattern[str]] = {
    # 口径调整, 统计口径变化, 按新口径, 同口径
    "basis": re.compile(r"口径"),
    # 重分类, 重新归类, 科目调整, 调整了支出科目
    "reclassification": re.compile(r"重新?(?:分类|归类)|科目(?:调整|变化|变动|变更)|调整(?:了)?(?:支出|功能|经济)?(?:分类)?科目"),
    # 追溯调整, 重述, 更正上年数
    "retrospective": re.compile(r"追溯|重述|更正"),
    # 上年数已按…调整, 上年预算数经调整, 调整后的上年数 (never 调整预算数, the adjusted budget's column)
    "previous_adjusted": re.compile(r"上年(?:数|数据|预算数|决算数|预算|决算)?[^，,。；;\s]{0,8}调整(?!预算)|调整后的?上年"),
    # 机构改革: 划转, 转隶, 并入 (the previous year's figures of another body brought in)
    "transfer": re.compile(r"划转|转隶|并入|划入|划出"),
}
#: How far (characters) from a figure's quote a passage naming a restatement may start or end.
NEAR_CHARS = 80


def restatement_named(text: str) -> str | None:
    """The words of ``text`` (read in simplified script: quotes stay as printed) that name a
    restatement of the previous year's figures, or None.

    >>> restatement_named("上年预算数已按2024年口径调整")
    '口径'
    >>> restatement_named("主要原因是人员工资调整") is None
    True
    """
    read = simplified(text)
    for pattern in RESTATEMENT_WORDS.values():
        m = pattern.search(read)
        if m:
            return m.group()
    return None


def previous_documents(ctx: Context) -> dict[str, set[str]]:
    """Each document's previous-year documents of its body and genre (``check_previous_year_documents.rq``)."""
    rows = select_rows(ctx.store, named_query("check_previous_year_documents"), ["genre"], [[Literal(g)] for g in SAME_GENRE_SERIES]).values()
    pairs: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        pairs[str(r["doc"])].add(str(r["previous"]))
    return pairs


def _offsets(passage: str | None) -> tuple[int, int] | None:
    m = PASSAGE_OFFSETS.search(passage or "")
    return (int(m[1]), int(m[2])) if m else None


class Restatements:
    """The words naming a restatement near a figure of a document (passages read once per document)."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self._passages: dict[str, list[tuple[int, int, str, str]]] = {}

    def _document(self, doc: str) -> list[tuple[int, int, str, str]]:
        """(start, end, passage, quote) of each passage of ``doc``, in order."""
        if doc not in self._passages:
            rows = select_rows(self.ctx.store, named_query("check_document_passages"), ["doc"], [[URIRef(doc)]]).values()
            self._passages[doc] = sorted({(int(str(r["start"])), int(str(r["end"])), str(r["passage"]), str(r["quote"])) for r in rows})
        return self._passages[doc]

    def near(self, doc: str | None, passages: list[str | None]) -> tuple[str, str] | None:
        """The passage and quote near one of ``passages`` (of ``doc``) or near a passage holding one
        (its table or sentence) that names a restatement, or None."""
        for p in passages:
            quote = self.ctx.quote(p)
            if p and restatement_named(quote):
                return p, quote
        spans = [s for s in (_offsets(p) for p in passages) if s is not None]
        if not doc or not spans:
            return None
        document = self._document(doc)
        # a table row's figure is near what is near its table (a note under it: "注：上年数按…口径调整")
        spans += [(start, end) for start, end, _p, _q in document if any(start <= s and e <= end for s, e in spans)]
        for start, end, passage, quote in document:
            if any(start <= e + NEAR_CHARS and end >= s - NEAR_CHARS for s, e in spans) and restatement_named(quote):
                return passage, quote
        return None

    def mark(self, finding: Finding, doc: str | None, passages: list[str | None]) -> Finding:
        """``finding`` (a figure of ``doc`` against the previous year's) as an info when a restatement
        is named near ``passages``: its words said and their passage quoted as evidence."""
        if finding.severity == "info":
            return finding
        said = self.near(doc, passages)
        if said is not None:
            passage, quote = said
            finding.severity = "info"
            finding.message += f"; the document names a restatement of the previous year's figures: {quote!r}"
            finding.passages = list(dict.fromkeys([*finding.passages, passage]))
        return finding


def _line(item: str) -> str:
    return rules.role_of(item) or rules.normalise_label(item)


def _own_year_figure(o: Obs) -> bool:
    from unionkg.analytics.phase_checks import _plain_or_total

    return _plain_or_total(o)


class _Lines:
    """Figures by (document, year, code) and (document, year, item)."""

    def __init__(self, observations: list[Obs]) -> None:
        self.by_code: dict[tuple[object, ...], list[Obs]] = defaultdict(list)
        self.by_item: dict[tuple[object, ...], list[Obs]] = defaultdict(list)
        for o in observations:
            if o.code:
                self.by_code[(o.doc, o.year, o.code)].append(o)
            self.by_item[(o.doc, o.year, _line(o.item))].append(o)

    def of(self, doc: str | None, year: int, ch: _Change) -> list[Obs]:
        """The figures of ``ch``'s line in ``doc`` for ``year``: by its code when it has one."""
        return self.by_code.get((doc, year, ch.code), []) if ch.code else self.by_item.get((doc, year, _line(ch.item)), [])


def check_changes_against_previous_document(ctx: Context) -> list[Finding]:
    """A stated change (amount or rate) of a line its document prints no previous figure of,
    against the figure the previous year's own document printed for that line."""
    from unionkg.analytics.checks import load_changes

    pairs = previous_documents(ctx)
    changes = [c for c in load_changes(ctx.store) if c.doc in pairs and (c.delta is not None or c.pct is not None)]
    if not changes:
        return []
    lines = _Lines(ctx.observations)
    restatements = Restatements(ctx)
    findings: list[Finding] = []
    for ch in changes:
        if lines.of(ch.doc, ch.year - 1, ch):
            continue  # the document prints the previous figure: its 上年 column is checked, the change against it
        currents = [o for o in lines.of(ch.doc, ch.year, ch) if _own_year_figure(o) and (ch.phase is None or o.phase == ch.phase)]
        phases = {o.phase for o in currents}
        previous = [o for doc in sorted(pairs[ch.doc or ""]) for o in lines.of(doc, ch.year - 1, ch) if _own_year_figure(o) and o.phase in phases]
        if any(o.column is None for o in currents) and any(o.column is None for o in previous):
            continue  # both years printed in prose: change:two-years measures the change on them
        currents, previous = list({o.value: o for o in currents}.values()), list({o.value: o for o in previous}.values())
        if not currents or not previous:
            continue
        finding = _delta_finding(ctx, ch, currents, previous) if ch.delta is not None else _rate_finding(ctx, ch, currents, previous)
        if finding is None:
            continue
        findings.append(restatements.mark(finding, ch.doc, [ch.passage, *(o.passage for o in currents)]))
    return findings


def _delta_finding(ctx: Context, ch: _Change, currents: list[Obs], previous: list[Obs]) -> Finding | None:
    """"比上年增加 x": this year's figure less x against the previous document's, beyond the rounding
    of the three printed figures (``checks.closest_delta``)."""
    from unionkg.analytics.checks import _change_statement, closest_delta

    assert ch.delta is not None
    best = closest_delta(ctx, ch, list(itertools.product(currents, previous)))
    if best is None or abs(best[0]) <= best[3]:
        return None
    _diff, cur, prev, tol = best
    implied = cur.value - ch.delta
    money = ctx.amounts([(ch.delta, ch.passage), cur, prev])
    return ctx.finding(
        kind="change_mismatch",
        severity="warning",
        check="change:previous-document",
        message=(
            f"{ch.item}: {cur.year} {money(cur.value, cur.passage)} with a stated change of {money(ch.delta, ch.passage)} "
            f"implies {prev.year} {money(implied)}, but {prev.year}'s own document prints {money(prev.value, prev.passage)}; "
            f"difference {money(implied - prev.value)}"
        ),
        amounts=money,
        org=ch.org,
        year=ch.year,
        expected=cur.value - prev.value,
        stated=ch.delta,
        tolerance=tol,
        concerns=[ch.iri, cur.iri, prev.iri],
        extra_passages=[ch.passage, cur.passage, prev.passage],
        statement=_change_statement(ch),
    )


def _rate_finding(ctx: Context, ch: _Change, currents: list[Obs], previous: list[Obs]) -> Finding | None:
    """"比上年增长 y%": y against this year's figure over the previous document's, within the rounding
    of both figures and one unit of the rate's last digit."""
    from unionkg.analytics.checks import _change_statement, _slack, closest_rate_pair, finest_percent_unit

    assert ch.pct is not None
    slack = _slack(ch.pct, finest_percent_unit([ch.pct]))
    pair = closest_rate_pair(ctx, ch.pct, list(itertools.product(currents, previous)), slack)
    if pair is None:
        return None
    cur, prev = pair
    expected = ((cur.value - prev.value) / prev.value * 100).quantize(slack)
    implied = (cur.value / (1 + ch.pct / 100)).quantize(Decimal("0.01"))
    money = ctx.amounts([cur, prev])
    return ctx.finding(
        kind="change_mismatch",
        severity="warning",
        check="change:previous-document",
        message=(
            f"{ch.item}: stated change {ch.pct}% on {cur.year} {money(cur.value, cur.passage)} implies {prev.year} about {money(implied)}, "
            f"but {prev.year}'s own document prints {money(prev.value, prev.passage)}: the change is {expected}%"
        ),
        org=ch.org,
        year=ch.year,
        expected=expected,
        stated=ch.pct,
        tolerance=slack,
        unit="percent",
        concerns=[ch.iri, cur.iri, prev.iri],
        extra_passages=[ch.passage, cur.passage, prev.passage],
        statement=_change_statement(ch),
    )


__all__ = ["NEAR_CHARS", "RESTATEMENT_WORDS", "SAME_GENRE_SERIES", "Restatements", "check_changes_against_previous_document", "previous_documents", "restatement_named"]
