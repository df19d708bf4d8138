"""(q27) Indicators published with targets only: a budget's 绩效目标表 (or a plan's target table) prints each
indicator's target and no actual value, no 是否达标 mark and no score, because nothing has been done yet.

Why: "X项目的指标完成了吗" over such a table was answered "是的：4 个绩效指标均未标为未完成", as if the targets
had been met, when the document publishes no completion at all.  The answer now says the document gives the
targets only (each listed) and that it states no completion.
"""

from __future__ import annotations

from collections.abc import Mapping

#: The fields of an indicator row that report how the indicator turned out (qa_indicators' projection):
#: any one of them filled means the document published a completion, not a target alone.
OUTCOME_FIELDS: tuple[str, ...] = ("actual", "actualText", "met", "score")


def states_outcome(row: Mapping[str, object]) -> bool:
    """Whether an indicator row reports an actual value, a met mark or a score (a blank text is none)."""
    return any(row.get(key) not in (None, "") for key in OUTCOME_FIELDS)


def publishes_targets_only(rows: list[Mapping[str, object]]) -> bool:
    """Whether every indicator row asked gives a target and nothing about how it turned out."""
    return bool(rows) and not any(states_outcome(r) for r in rows)


def targets_only_sentence(count: int, lang: str) -> str:
    """The opening of the answer: no completion published, only the ``count`` targets."""
    if lang == "zh":
        return f"文件只公布了绩效目标（{count} 个指标的目标值），未公布实际完成值或是否完成，无法判断是否完成。目标："
    return (f"The document publishes targets only ({count} indicator targets) and no actual values or completion, "
            "so whether they were met is not stated. Targets: ")


def target_line(row: Mapping[str, object], lang: str) -> str:
    """One indicator and its target as printed ("…「帮扶项目」帮扶户数：目标 ≥80户")."""
    project = row.get("projectLabel") or ("整体支出" if lang == "zh" else "whole department")
    head = f"{row.get('orgLabel') or ''} {row.get('year') or ''}".strip()
    target = row.get("targetText") or ("未列明" if lang == "zh" else "not stated")
    if lang == "zh":
        return f"{head}「{project}」{row.get('indicator')}：目标 {target}"
    return f"{head} [{project}] {row.get('indicator')}: target {target}"
