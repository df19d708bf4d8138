"""The year (and phase) of a count its sentence states at a day ("截至2022年底共有车辆 2 辆").

A stock counted at a day belongs to that day's year, whatever the document's year: in a 2023
budget, "截至2022年12月31日，本部门共有车辆2辆" is a count of 2022 and no budget figure (no
phase).  A clause after the day that states its own year ("…，2023年计划购置公务用车 1 辆")
is of that year instead.  Shared by the readers of counts in prose (narrative 三公 and asset
counts, statistics work counts); the patterns are
``NARRATIVE_PATTERNS["count_reference_date"]`` and ``NARRATIVE_PATTERNS["count_clause_year"]``.
"""

from __future__ import annotations

import re

from unionkg.extract.patterns import NARRATIVE_PATTERNS
from unionkg.model import Phase


def year_and_phase_at_day(
    text: str, sentence_start: int, number_start: int, year: int, phase: Phase | None, count_end: int | None = None
) -> tuple[int, Phase | None]:
    """The year and phase of the count at ``number_start``: those of the document (``year``,
    ``phase``) unless its sentence states a day before it of another year (that year, no phase)
    or, after such a day, the count's clause states its own year (that year; the document's
    phase when it is the document's year, else none).  A day is "截至2022年底", a year's end
    opening a clause ("2022年末，…"), or, with ``count_end``, a bracketed day right after the
    count ("3辆（截至2022年12月31日）").

    >>> year_and_phase_at_day("截至2022年底，共有车辆3辆", 0, 12, 2023, Phase.BUDGET)
    (2022, None)
    >>> text = "截至2022年底共有车辆3辆，2023年计划购置公务用车1辆"
    >>> year_and_phase_at_day(text, 0, text.index("1辆"), 2023, Phase.BUDGET)
    (2023, <Phase.BUDGET: 'budget'>)
    >>> year_and_phase_at_day("2023年计划购置公务用车1辆", 0, 12, 2023, Phase.BUDGET)
    (2023, <Phase.BUDGET: 'budget'>)
    >>> year_and_phase_at_day("2022年末，共有车辆3辆", 0, 11, 2023, Phase.BUDGET)
    (2022, None)
    >>> year_and_phase_at_day("共有车辆3辆（截至2022年底）", 0, 4, 2023, Phase.BUDGET, count_end=6)
    (2022, None)
    """
    dates = list(NARRATIVE_PATTERNS["count_reference_date"].finditer(text, sentence_start, number_start))
    dates += NARRATIVE_PATTERNS["count_year_end_day"].finditer(text, sentence_start, number_start)
    dates.sort(key=lambda m: m.end())
    if not dates:
        after = NARRATIVE_PATTERNS["count_day_after"].match(text, count_end) if count_end is not None else None
        stated = int(after.group("year")) if after else year  # "共有车辆3辆（截至2023年底）"
        return (year, phase) if stated == year else (stated, None)
    own = list(NARRATIVE_PATTERNS["count_clause_year"].finditer(text, dates[-1].end(), number_start))
    stated = int((own or dates)[-1].group("year"))
    return (year, phase) if stated == year else (stated, None)


def without_leading_day(item: str) -> str:
    """An item without the day it is counted at in front ("截至2022年底已建成站点" -> "已建成站点").

    >>> without_leading_day("截至2022年底已建成站点")
    '已建成站点'
    >>> without_leading_day("建成站点")
    '建成站点'
    """
    m = NARRATIVE_PATTERNS["count_reference_date"].match(item)
    return re.sub(r"^[，,\s]+", "", item[m.end() :]) if m else item
