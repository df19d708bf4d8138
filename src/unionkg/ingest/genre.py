"""Genre detection (placeholder; see issue 3)."""

from __future__ import annotations

import re

BUDGET = "budget"
FINAL_ACCOUNTS = "final_accounts"
PERFORMANCE = "performance"
UNKNOWN = "unknown"


def detect_genre(text: str) -> str:
    head = text[:4000]
    if re.search(r"决算", head):
        return FINAL_ACCOUNTS
    if re.search(r"绩效.{0,6}自评|自评报告", head):
        return PERFORMANCE
    if re.search(r"预算", text[:20000]):
        return BUDGET
    return UNKNOWN
