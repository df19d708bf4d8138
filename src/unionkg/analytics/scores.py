"""Evaluation scores and grades: the bands of the grades and how precisely scores are printed.

Performance evaluations grade a score of 100 points in four bands.  The
standard bands (财政部《项目支出绩效评价管理办法》) are 优 >= 90, 良 80-89.99,
中 60-79.99, 差 < 60; a document may state its own, which then win:

>>> grade_of(Decimal("92.50"), STANDARD_BANDS)
'优'
>>> grade_of(Decimal("89.99"), STANDARD_BANDS)
'良'
>>> stated_bands("90（含）-100 分为优、80（含）-90 分为良、60（含）-80 分为中、60分以下为差")
{'优': Decimal('90'), '良': Decimal('80'), '中': Decimal('60'), '差': Decimal('0')}
>>> stated_bands("分值≥90 分，评价结果为“优”；80\\n分≤分值<90 分，评价结果为“良”")["良"]
Decimal('80')
>>> normalise_grade("优秀"), normalise_grade("良好"), normalise_grade("不合格")
('优', '良', '差')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from unionkg.analytics.tolerance import percent_unit

FULL_SCORE = Decimal(100)
GRADES = ("优", "良", "中", "差")
#: Lower bound (inclusive) of each grade.
STANDARD_BANDS: dict[str, Decimal] = {"优": Decimal(90), "良": Decimal(80), "中": Decimal(60), "差": Decimal(0)}
#: Scores print two decimals at most; a whole-number score is exact.
FINEST_SCORE_UNIT = Decimal("0.01")

_GRADE_WORDS = (
    (re.compile(r"^(优|优秀)$"), "优"),
    (re.compile(r"^(良|良好)$"), "良"),
    (re.compile(r"^(中|中等|一般|合格)$"), "中"),
    (re.compile(r"^(差|较差|不合格)$"), "差"),
)
_NUM = r"(\d+(?:\.\d+)?)"
_GRADE = r"[“\"]?([优良中差])"
_SAYS = r"(?:的)?(?:评价)?(?:结果|等级|等次)?为"
_BAND_PATTERNS = (
    # 90（含）-100 分为优 / 80(含)～90分为良
    re.compile(_NUM + r"分?[（(]含[)）][-－—~～至到]" + _NUM + r"分?" + _SAYS + _GRADE),
    # 分值≥90 分，评价结果为“优”
    re.compile(r"(?:分值|得分|总分)[≥>]=?" + _NUM + r"分?[，,]?" + _SAYS + _GRADE),
    # 80 分≤分值<90 分，评价结果为“良”
    re.compile(_NUM + r"分?[≤<]=?(?:分值|得分|总分)[<≤]" + _NUM + r"分?[，,]?" + _SAYS + _GRADE),
    # 90分（含）以上为优 / 90分以上（含90分）为优
    re.compile(_NUM + r"分?(?:[（(]含[)）])?以上(?:[（(]含" + _NUM + r"分?[)）])?" + _SAYS + _GRADE),
)
_LOWEST = re.compile(r"(?:\d+分?以下|分值<\d+分?|低于\d+分?)[，,]?" + _SAYS + r"[“\"]?差")


def normalise_grade(grade: str | None) -> str | None:
    """优 / 良 / 中 / 差 for a printed grade word, None when it is none of them."""
    text = re.sub(r"[\s“”\"'「」]", "", grade or "")
    for pattern, g in _GRADE_WORDS:
        if pattern.match(text):
            return g
    return None


def stated_bands(text: str) -> dict[str, Decimal] | None:
    """The grade bands a passage states (lower bounds), or None when it states no full set.

    A full set names at least 优 and 良; 差 starts at 0.
    """
    flat = re.sub(r"\s+", "", text)
    bands: dict[str, Decimal] = {}
    for pattern in _BAND_PATTERNS:
        for m in pattern.finditer(flat):
            grade = m.groups()[-1]
            bands.setdefault(grade, Decimal(m.group(1)))
    if _LOWEST.search(flat):
        bands.setdefault("差", Decimal(0))
    if "优" not in bands or "良" not in bands:
        return None
    bands.setdefault("差", Decimal(0))
    return {g: bands[g] for g in GRADES if g in bands}


def grade_of(score: Decimal, bands: dict[str, Decimal]) -> str | None:
    """The grade whose band holds ``score`` (bands given by lower bounds)."""
    for grade, low in sorted(bands.items(), key=lambda kv: kv[1], reverse=True):
        if score >= low:
            return grade
    return None


def score_unit(values: Iterable[Decimal]) -> Decimal:
    """The printing unit of a set of scores: their finest decimals, 0.01 when all are whole.

    Stores keep decimals canonical (4.40 becomes 4.4), so the finest value of
    the set stands for all; whole numbers of points are taken as exact to 0.01.
    """
    units = [percent_unit(v.normalize()) for v in values]
    finest = min(units, default=FINEST_SCORE_UNIT)
    return finest if finest < 1 else FINEST_SCORE_UNIT
