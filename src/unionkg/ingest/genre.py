"""Genre detection: a scored table of signals, returning a registry key.

A document's genre shows in its title, its section headings and its table
titles, not in the body: a 整体支出绩效自评 report talks about 预算 and 决算
all along, and a 部门决算 embeds 项目支出绩效自评表.  So each signal says
*where* it counts (``title``: the first lines; ``heading``: short lines that
read as headings or table titles; ``body``: anywhere, counted with a cap),
and the genre with the highest total wins.  Below :data:`MIN_SCORE` the
document is ``unknown`` and is still ingested for what generic extractors find.

Matching is done on the line with spaces removed, since PDF text puts spaces
around figures (``2023 年度部门决算表``, ``公开 01 表``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

BUDGET = "budget"
FINAL_ACCOUNTS = "final_accounts"
PERFORMANCE = "performance"
UNKNOWN = "unknown"
GENRES: tuple[str, ...] = (BUDGET, FINAL_ACCOUNTS, PERFORMANCE, UNKNOWN)


@dataclass(frozen=True)
class Signal:
    genre: str
    pattern: re.Pattern[str]
    where: str  # "title" | "heading" | "body"
    weight: float
    cap: int = 1  # how many matches count at most


# The one table of genre signals (tested name by name in tests/ingest/test_genre.py).
SIGNALS: dict[str, Signal] = {
    # --- titles -----------------------------------------------------------
    # A union's own accounts are titled by what they cover: "某公司工会委员会2025年工会经费收支预算",
    # "某工会2024年经费预算", "工会经费收支决算表" (经费 / 收支 before the phase word).
    "title_final_accounts": Signal(FINAL_ACCOUNTS, re.compile(r"(?:部门|单位|年度?|经费|收支)决算(?!支出|数)|决算(?:公开|报告|说明)"), "title", 8),
    "title_budget": Signal(BUDGET, re.compile(r"(?:部门|单位|年度?|经费|收支)预算(?!执行|资金|绩效|支出|数|安排)|预算(?:公开|报告|说明)"), "title", 8),
    "title_performance": Signal(
        PERFORMANCE,
        re.compile(r"绩效(?:自评|评价|目标)|自评(?:报告|表)|评价报告|支出绩效"),
        "title",
        10,
    ),
    # --- headings and table titles -----------------------------------------
    "heading_final_accounts_part": Signal(FINAL_ACCOUNTS, re.compile(r"(?:部门|单位|年度?)决算(?:表|情况说明|公开)"), "heading", 4, cap=3),
    "table_final_accounts": Signal(
        FINAL_ACCOUNTS,
        re.compile(r"^(?:收入支出决算总表|收入决算表|支出决算表|财政拨款收入支出决算总表|.{0,20}(?:拨款|经费)(?:基本)?支出决算表|.{0,20}决算表)$"),
        "heading",
        3,
        cap=6,
    ),
    "heading_budget_part": Signal(BUDGET, re.compile(r"(?:部门|单位|年度?)预算(?:表|情况说明|公开|编制说明)"), "heading", 4, cap=3),
    "table_budget": Signal(
        BUDGET,
        re.compile(r"^(?:.{0,12}收支(?:预算)?总表|收入预算表|支出预算表|.{0,20}(?:拨款|经费)(?:基本)?支出预算表|.{0,20}预算表)$"),
        "heading",
        3,
        cap=6,
    ),
    "heading_performance": Signal(
        PERFORMANCE,
        re.compile(r"整体支出绩效|绩效自评(?:情况|结论|结果)|自评(?:结论|结果|情况|得分)|绩效评价(?:结论|得分)"),
        "heading",
        3,
        cap=4,
    ),
    "heading_performance_table": Signal(PERFORMANCE, re.compile(r"^.{0,30}(?:绩效自评表|绩效目标表|绩效评价表)$"), "heading", 2, cap=3),
    # --- body -------------------------------------------------------------
    "numbered_public_table": Signal(FINAL_ACCOUNTS, re.compile(r"公开0?\d{1,2}表"), "body", 1, cap=6),
    "body_final_accounts_term": Signal(FINAL_ACCOUNTS, re.compile(r"部门决算|决算公开|年度决算"), "body", 1, cap=4),
    "body_budget_term": Signal(BUDGET, re.compile(r"部门预算(?!执行)|预算公开|收支预算"), "body", 1, cap=4),
    "body_self_evaluation": Signal(PERFORMANCE, re.compile(r"自评|评分标准|该指标得"), "body", 0.5, cap=6),
}

# Lines read as the title: the first content lines, up to the first numbered heading.
TITLE_LINES = 3
# A heading or table title is a short line that does not end a sentence.
MAX_HEADING_LEN = 40
HEADING_TERMINATORS = frozenset("。；，")
MIN_SCORE = 3.0
# On a tie, the more specific genre wins (a performance report or final
# accounts also talk about the budget).
TIE_ORDER: tuple[str, ...] = (PERFORMANCE, FINAL_ACCOUNTS, BUDGET)


@dataclass
class GenreResult:
    genre: str
    scores: dict[str, float]
    fired: dict[str, int] = field(default_factory=dict)  # signal name -> matches counted


def compact(line: str) -> str:
    return "".join(line.split())


def title_lines(text: str) -> list[str]:
    """The lines before the first numbered heading (第一部分, 一、, (一) ...), at most a few."""
    title: list[str] = []
    for raw in text.splitlines():
        line = compact(raw)
        if not line:
            continue
        if LIST_MARKER.match(line) or len(title) >= TITLE_LINES:
            break
        title.append(line)
    return title


def heading_lines(text: str) -> list[str]:
    out = []
    for raw in text.splitlines():
        line = compact(raw)
        if line and len(line) <= MAX_HEADING_LEN and not (HEADING_TERMINATORS & set(line)):
            out.append(_strip_list_marker(line))
    return out


LIST_MARKER = re.compile(r"^(?:第[一二三四五六七八九十\d]+部分|[一二三四五六七八九十]+、|\([一二三四五六七八九十\d]+\)|\d{1,2}[.、])[:：]?")


def _strip_list_marker(line: str) -> str:
    return LIST_MARKER.sub("", line)


def score_genres(text: str) -> GenreResult:
    regions = {
        "title": title_lines(text),
        "heading": heading_lines(text),
        "body": [compact(text)],
    }
    scores = {g: 0.0 for g in GENRES if g != UNKNOWN}
    fired: dict[str, int] = {}
    for name, signal in SIGNALS.items():
        count = sum(len(signal.pattern.findall(line)) for line in regions[signal.where])
        if signal.where == "title":
            count = min(count, 1)
        count = min(count, signal.cap)
        if count:
            fired[name] = count
            scores[signal.genre] += signal.weight * count
    best = max(scores.values())
    if best < MIN_SCORE:
        return GenreResult(UNKNOWN, scores, fired)
    genre = next(g for g in TIE_ORDER if scores[g] == best)
    return GenreResult(genre, scores, fired)


def detect_genre(text: str) -> str:
    """The registry key of the document's genre, or ``"unknown"``."""
    return score_genres(text).genre
