"""Performance indicators in every layout, and ``met``.

* 项目支出绩效自评表: 一级/二级/三级, 年度指标值, 实际完成值, 分值, 得分 (偏差原因);
  一级/二级 are carried down, cells wrap over lines, a row ends with 分值 得分.
* 绩效目标表: the same without actuals and scores; a row ends with its value.
  Actuals stated later in prose ("质量指标：特殊困难帮扶人数占比 30%，…") are
  joined by indicator name when the match is close and unambiguous.
* 整体支出 narrative: "3)培训职工人数不少于1200人（2分）" and a paragraph
  "设置指标为…≥1200人，实际…1150人。…该指标得1.9分。", levels from the headings.
* budget documents: "数量指标：培训职工人数≥1500 人。" (targets only).
* prose (not in budgets): a heading with its weight whose paragraph scores it ("（一）预算执行
  情况（20分）… 该指标得 18 分"); targets stated in a section of targets ("组织不少于 8 个企业
  开展劳动竞赛") or led by 预期/计划 ("预期举办文体活动 40 场次") as whole-department
  indicators; results stated in prose fill a target-only indicator's actual
  (:func:`fill_actuals`); a prose value that restates an indicator is an identical copy of it
  with the statement's evidence (a supporting mention, never a second indicator), and a rate
  that restates none is a StatisticalCount (:func:`mention_facts`).

``met`` is computed from comparator, target and actual (:func:`decide_met`),
never from the score, unless those cannot decide (an actual in other words than its
qualitative target, "明显提升" / "有所提升"): then a score below the weight, or without
scores a stated deviation reason, says the row missed (:func:`missed_by_evaluation`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from difflib import SequenceMatcher
from typing import Final

from unionkg.extract.cn_numerals import CN_COUNT_SRC, CN_NUMERAL_CHARS
from unionkg.extract.parse import ParsedValue, ocr_damaged_value, parse_number, parse_target
from unionkg.extract.patterns import CELL_COUNT_UNITS_IN_WORDS, EMPTY_CELL_MARKS, _alternation
from unionkg.extract.registry import register, warn
from unionkg.extract.statistics import Measurement, read_measurements
from unionkg.extract.tables import cell_view, iter_lines, lines_as_printed
from unionkg.extract.textview import ProseView
from unionkg.model import Comparator, DocumentContext, Evaluation, EvaluationKind, Fact, Indicator, Phase, SourceDocument, StatisticalCount

EXTRACTOR = "indicators"
VERSION = 1
KEY = f"{EXTRACTOR}@{VERSION}"

_CMP = r"(?:>=|<=|≥|≤|≧|≦|＞＝|＜＝|═|﹦|＝|=|>|<|＞|＜|大于等于|小于等于|不少于|不低于|不超过|不高于|不大于|不小于|达到|大于|小于|低于|高于|超过)"
_NUM = r"[-－]?\d+(?:,\d{3})*(?:\.\d+)?"
#: A date, a month range or a part of the year as an indicator's value ("12月31日前", "3-12月",
#: "1至6月", "第四季度", "上半年"): a time, never a figure.
_DATE = (
    r"(?:(?:\d{4}年)?(?:\d{1,2}\s*[-－—~～至到]\s*)?\d{1,2}月(?:\d{1,2}日)?|(?:前|第)?[一二三四1-4]季度(?:末|底)?|[上下]半年)"
    r"(?:前|之前|以前|内|底前|底|末)?"
)
_UNIT = r"[^\d\s≥≤≧≦<>=＝═﹦，。；,;:：（）()]{0,8}?"
#: A figure OCR damaged with a look-alike letter between its digits ("3B00", "1O5.5"): one value
#: of a row, never split into "3B" and "00" (parse.ocr_damaged_value: no figure is read for it).
_DAMAGED_NUM = r"\d[\d.]*[SsBZzGgqOolI〇|]+[\d.]*\d"
#: A value counted in words, with its measure word ("五场", "十二个", "两期以上").
_CN_COUNT_VALUE = rf"(?:{CN_COUNT_SRC})(?:{_alternation(CELL_COUNT_UNITS_IN_WORDS)})(?:以上|以下|以内)?"

#: Qualitative target and actual words (提升 achieved when the actual repeats it).
QUALITATIVE_WORDS: Final[tuple[str, ...]] = (
    "有效提高", "明显提高", "显著提高", "有效改善", "明显改善", "显著改善", "有效消除", "有效缓解", "有效保障", "全面完成", "基本达成", "全部达成", "已完成",
    "基本提升", "基本完成", "基本达到", "显著提升", "明显提升", "逐步提升", "有效提升", "大幅提升", "持续提升", "有所提升",
    "长期有效", "长期稳定", "持续有效", "符合要求", "长期", "长效", "持续", "稳定", "规范", "合格",
    "提升", "提高", "减轻", "达成", "有效", "显著", "明显", "良好", "改善", "增强", "降低", "减少", "达标", "完成", "按时完成", "及时", "是", "否", "无",
    "较好", "较高", "优良",
)  # fmt: skip
#: One-character qualitative values, repeated as target and actual ("重大安全事故 无 无").
SINGLE_QUALITATIVE: Final[frozenset[str]] = frozenset({"无", "是", "否"})

#: Words of a 指标性质 column printed between the name and the value ("职工技能水平 定性 有效提升");
#: 定性/定量 never end a real indicator name, 正向/反向 only when the header has 指标性质.
NATURE_WORDS: Final[dict[str, re.Pattern[str]]] = {
    "always": re.compile(r"(?:定性|定量)(?:指标)?$"),
    "with_header": re.compile(r"(?:正向|反向)(?:指标)?$"),
}

#: Category words of the indicator framework, level and canonical label.
LEVEL_WORDS: Final[tuple[tuple[re.Pattern[str], int], ...]] = (
    (re.compile(r"产出指标"), 1),
    (re.compile(r"效益指标"), 1),
    (re.compile(r"满意度指标(?!\d)"), 1),
    (re.compile(r"成本指标(?=经济成本|社会成本|生态环境成本)"), 1),
    (re.compile(r"(?:数量|质量|时效|成本)(?:指标)?"), 2),
    (re.compile(r"(?:经济|社会|生态环境|生态)成本(?:指标)?"), 2),
    (re.compile(r"(?:经济|社会|生态|环境)效益(?:指标)?"), 2),
    (re.compile(r"可持续影响(?:指标)?"), 2),
    (re.compile(r"服务对象满意度(?:指标?)?"), 2),
)

INDICATOR_PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    # one value of an indicator cell, on text without line breaks
    # (a count in words too: "不少于五场", "十二个"; read by parse.parse_target)
    # (a figure OCR damaged with a letter between its digits, "3B00册", is one value: _DAMAGED_NUM)
    "value": re.compile(rf"(?:{_DATE}|{_CMP}?\s*{_DAMAGED_NUM}\s*{_UNIT}|{_CMP}?\s*{_NUM}\s*{_UNIT}(?:以上|以下|以内)?|{_CMP}?\s*{_CN_COUNT_VALUE}|" + "|".join(QUALITATIVE_WORDS) + ")"),
    # a self-evaluation row ends with 分值 得分 (and maybe a deviation reason, which may open with a
    # bracket or a quote: "（多为兼职），进度滞后")
    # (a 得分 OCR damaged beyond a sure reading, "l9", leaves the row without a score, not unread)
    # (a cell may print its unit, "10分", and a full score may be printed as "满分": SCORE_WORDS)
    "weight_score_end": re.compile(
        r"(?<![\d.])(?P<weight>\d+(?:\.\d+)?)分?\s+(?P<score>\d+(?:\.\d+)?分?|满分|(?=\S*[OolI〇])[0-9OolI〇][0-9OolI〇.]*)(?:\s+(?P<reason>(?!分)[\u4e00-\u9fff（(“《][^\n]*))?$"
    ),
    # a row of a table whose 分值 column comes before the values ("…三级指标 分值 年度指标值 实际完成值
    # 得分"): it ends with 得分 (and maybe a reason); its 分值 follows the name (weight_after_name)
    "score_end": re.compile(r"\s(?P<score>\d+(?:\.\d+)?分?|满分)(?:\s+(?P<reason>(?!分)[\u4e00-\u9fff（(“《][^\n]*[^\d\s]))?$"),
    "weight_after_name": re.compile(r"(?<=[\u4e00-\u9fff）)”])\s+(?P<weight>\d+(?:\.\d+)?)分?\s+(?=\S)"),
    # a row of a table whose 分值 and 得分 columns both come before the values ("…三级指标 分值 得分
    # 实际完成值 年度指标值"): the two figures right after the name
    "weight_score_after_name": re.compile(
        r"(?<=[\u4e00-\u9fff）)”])\s+(?P<weight>\d+(?:\.\d+)?)分?\s+(?P<score>\d+(?:\.\d+)?分?|满分)\s+(?=\S)"
    ),
    # a target-table row ends with a value carrying a comparator or a percent
    "value_end": re.compile(rf"(?:{_CMP}\s*{_NUM}\s*{_UNIT}|{_NUM}\s*[%％])$"),
    # header of an indicator table
    "table_header": re.compile(r"一级指标\s*二级指标\s*三级指标"),
    # header of an indicator table without level columns, on compacted text ("绩效指标 | 年度指标值 |
    # 实际完成值 | 分值 | 得分"): an indicator column, then a target column
    "flat_table_header": re.compile(r"^(?:序号)?(?:绩效指标|指标名称|指标内容|考核指标)(?:年度指标值|年度目标值|预期指标值|指标值|目标值)"),
    "table_end": re.compile(r"^\s*(?:总分|合计)\b|^\s*总\s*分"),
    # a header that prints the target and the actual as one column joined by a slash
    # ("年度指标值/实际完成值", "目标值／实际值"; on compacted text): each row's cell holds both
    "slash_value_header": re.compile(
        r"(?:年度指标值|年度目标值|预期指标值|指标值|目标值)\s*[/／]\s*(?:实际完成值|全年实际值|实际完成情况|实际完成|实际值|完成值)"
    ),
    # the slash between the two values of such a cell: before a value's start (a figure, a
    # comparator or a qualitative word), never inside a unit ("300元/人", "次/年")
    "slash_between_values": re.compile(rf"[/／](?=\s*(?:[-－]?\d|{_CMP}|" + "|".join(QUALITATIVE_WORDS) + "))"),
    "project_name": re.compile(r"项目名称\s*[：:]?\s*(?P<name>[^\s：:][^\n]*?)\s*$"),
    # a line that opens the next project's table ("项目名称：职工书屋建设项目"): the table above ends
    "next_project": re.compile(r"^\s*项目名称\s*[：:]"),
    # narrative indicator title: 5)办理免费乘车码人数不少于1760人（2分）
    "narrative_item": re.compile(r"^\s*(?:\d{1,2}\s*[)）.、]|[（(]\d{1,2}[)）])\s*(?P<title>[^\n]+?)\s*[（(](?P<weight>\d+(?:\.\d+)?)\s*分[)）]\s*$"),
    # narrative heading with a weight: （二）履职完成情况(40分) / 1.产出数量（17分）
    "narrative_heading": re.compile(r"^\s*(?:\[[^\]\n]{0,60}\])*\s*(?P<mark>[（(][一二三四五六七八九十]+[)）]|\d{1,2}\s*[.、．])\s*(?P<title>[^\n（(]+?)\s*(?:[（(]\d+(?:\.\d+)?\s*分[)）])?\s*$"),
    "narrative_target": re.compile(r"(?:设置指标为|指标设置为|目标值为|年度目标为)(?P<target>[^，。；;\n]+)"),
    "narrative_score": re.compile(r"该指标得\s*(?P<score>\d+(?:\.\d+)?)\s*分"),
    "narrative_end": re.compile(r"依据评分标准|根据评分标准|该指标得"),
    # numbered narrative: 指标2：组织…继续教育人数。目标值为不少于800人，完成值为756人，得分8.5分。
    "numbered_item": re.compile(
        r"^\s*指标\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[：:]\s*(?P<name>[^。；;：:\n]{2,40}?)\s*[。；;，,]\s*"
        r"(?:年度)?(?:目标值|指标值|目标)\s*(?:为|是|[：:])?\s*(?P<target>[^，,；;。\n]+?)\s*[，,；;]\s*"
        r"(?:实际)?(?:完成值|完成情况|完成|实际值)\s*(?:为|是|[：:])?\s*(?P<actual>[^，,；;。\n]+)"
        r"(?:[，,；;]\s*(?:得分|得)\s*(?P<score>\d+(?:\.\d+)?)\s*分)?\s*[。；;]?"
    ),
    "numbered_reason": re.compile(r"(?:未完成|未达标|偏差)原因(?:分析)?\s*[：:]\s*(?P<reason>[^。\n]+)"),
    # budget / prose statements: 数量指标：办理免费乘车码人数≥2700 人。
    "category_statement": re.compile(r"(?P<level>(?:数量|质量|时效|成本|(?:经济|社会|生态)效益|可持续影响|服务对象满意度|满意度)指标)[：:](?P<body>[^\n]+)"),
    "quantity": re.compile(rf"(?P<value>{_CMP}?\s*{_NUM}\s*(?P<unit>[%％]|[^\d\s，。；,;：:（）()为的]{{1,4}}?))(?=[，。；,;、）)\s]|$|[^\d])"),
}

#: Where a budget document names the project whose targets follow.
PROJECT_SECTION_PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    # 项目名称：职工技能竞赛项目
    "project_field": re.compile(r"项目名称\s*[：:]\s*(?P<name>[^\s，。；：:|｜]{2,40})"),
    # 一级项目 1 个，是劳模免费乘坐地铁公交项目。 (one project only; a list names none)
    "single_project": re.compile(r"(?:一级)?项目\s*(?:1|一)\s*个\s*[，,]\s*(?:是|为|即|系)\s*[“\"]?(?P<name>[^，。；、“”\"\s]{2,40}?项目)[”\"]?\s*(?=[。；，,;]|$)", re.M),
    # a heading that is a project name: （一）困难职工帮扶项目
    "project_heading": re.compile(r"^\s*(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|\d{1,2}[.、．])\s*(?P<name>[^，。；：:\s]{2,40}项目)\s*$", re.M),
    # any other section heading ends the project's section
    "section_heading": re.compile(r"^\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])[^\n]{0,40}$", re.M),
}

#: Fuzzy name matching for joining prose actuals to targets.
JOIN_MIN_RATIO: Final[float] = 0.8
JOIN_MARGIN: Final[float] = 0.1


# ---------------------------------------------------------------------------
# met
# ---------------------------------------------------------------------------


def decide_met(comparator: Comparator, target: Decimal | None, actual: Decimal | None, target_text: str | None = None, actual_text: str | None = None) -> bool | None:
    """Whether the actual satisfies the target; None when the text cannot decide."""
    if comparator is Comparator.QUALITATIVE or target is None or actual is None:
        return _qualitative_met(target_text, actual_text)
    checks = {
        Comparator.GE: actual >= target,
        Comparator.LE: actual <= target,
        Comparator.EQ: actual == target,
        Comparator.GT: actual > target,
        Comparator.LT: actual < target,
    }
    return checks[comparator]


_DEADLINE = re.compile(r"(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日)?(?P<before>前|之前|以前|内|底前)?")


#: Actuals that report a qualitative target as done, whatever its words ("及时" / "已完成").
DONE_ACTUAL_WORDS: Final[frozenset[str]] = frozenset({"已完成", "全部完成", "全面完成", "按时完成", "如期完成", "已达成", "已实现"})


def _qualitative_met(target_text: str | None, actual_text: str | None) -> bool | None:
    if not target_text or not actual_text:
        return None
    t = re.sub(r"\s+", "", target_text)
    a = re.sub(r"\s+", "", actual_text)
    if t.lstrip("=＝") == a.lstrip("=＝") and any(w in t for w in QUALITATIVE_WORDS):
        return True
    if a in DONE_ACTUAL_WORDS and parse_target(t).value is None:
        return True  # "及时" / "2022年春节前" done: a target with no figure reported as completed
    deadline, done = _DEADLINE.fullmatch(t), _DEADLINE.fullmatch(a)
    if deadline and done and deadline.group("before"):
        limit = (int(deadline.group("m")), int(deadline.group("d") or 31))
        when = (int(done.group("m")), int(done.group("d") or 31))
        return when <= limit
    return None


#: 偏差原因 cells that state no deviation ("无偏差"): no sign that the row missed.
NO_DEVIATION_REASONS: Final[frozenset[str]] = frozenset(
    {"无", "无偏差", "没有偏差", "未发生偏差", "不存在偏差", "无差异", "无偏差原因", "完成", "已完成", "达标", "已达标", "达到预期", "已达到预期"}
)


def missed_by_evaluation(actual_text: str | None, weight: Decimal | None, score: Decimal | None, reason: str | None) -> bool | None:
    """Whether a row the printed values cannot decide (:func:`decide_met` is None) missed, as its
    evaluator says: False when its actual is in words ("有所提升", "基本达成") and it lost points
    (得分 below 分值) or, without both scores, states a deviation reason ("培训周期偏短"); None
    otherwise (full marks say nothing against the text, a row without an actual is no result, and
    an actual with a figure that could not be compared, OCR damaged "9S%", stays unjudged)."""
    if not actual_text or not actual_text.strip() or re.search(r"\d", actual_text):
        return None
    if weight is not None and score is not None:
        return False if score < weight else None
    flat = compact(reason or "")
    if flat and flat not in NO_DEVIATION_REASONS and flat not in EMPTY_CELL_MARKS:
        return False
    return None


# ---------------------------------------------------------------------------
# Splitting "name target actual" cells
# ---------------------------------------------------------------------------


@dataclass(slots=True)
class Cells:
    name: str
    target: str | None
    actual: str | None


@functools.lru_cache(maxsize=16384)  # every line is compacted by several readers of indicator tables
def compact(text: str) -> str:
    """Remove line breaks and the spaces flattening added, keeping a space between two numbers."""
    text = re.sub(r"\s*\n\s*", "", text)
    return re.sub(r"(?<=\D)\s+|\s+(?=\D)", "", text)


def split_name_values(text: str, max_values: int = 2) -> Cells:
    """Name, target and actual from the compacted cells of one indicator row."""
    flat = compact(text)
    two, one = _name_value_patterns(INDICATOR_PATTERNS["value"].pattern)
    repeated = _repeated_qualitative(flat) if max_values > 1 else None
    if repeated:
        return Cells(flat[: -2 * len(repeated)], repeated, repeated)
    for i in range(1, len(flat)):
        if not _value_start(flat, i):
            continue
        rest = flat[i:]  # a slice: the patterns' look-behinds must not see the name
        m = two.fullmatch(rest) if max_values > 1 else None
        if m:
            return Cells(flat[:i], m.group("t").strip(), m.group("a").strip())
        m = one.fullmatch(rest)
        if m:
            return Cells(flat[:i], m.group("t").strip(), None)
    return Cells(flat, None, None)


@functools.lru_cache(maxsize=4)
def _name_value_patterns(value: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(two values, one value) after a name, each a whole-rest pattern of ``value``."""
    # two values never split a run of digits ("≥90%" is one value, not "≥9" "0%")
    two = re.compile(rf"(?P<t>{value})(?:\s|(?<![\d.])|(?![\d.]))(?P<a>{value})")
    one = re.compile(rf"(?P<t>{value})")
    return two, one


def _repeated_qualitative(flat: str) -> str | None:
    """A qualitative target printed again as the actual ("有效减轻 有效减轻"):
    the longest repeated ending without digits that holds a qualitative word
    and leaves a name of at least two characters."""
    for size in range((len(flat) - 2) // 2, 1, -1):
        tail = flat[-size:]
        if flat[-2 * size : -size] == tail and not re.search(r"\d", tail) and any(w in tail for w in QUALITATIVE_WORDS):
            return tail
    if len(flat) >= 4 and flat[-1] in SINGLE_QUALITATIVE and flat[-2] == flat[-1] and flat[-3] != flat[-1]:
        return flat[-1]
    return None


# _value_start runs at every position of every indicator row: the comparator and
# the qualitative words are tried at a position as compiled patterns (one
# alternation matches where any of the words starts, like a loop of startswith).
_CMP_AT: Final[re.Pattern[str]] = re.compile(_CMP)
_QUALITATIVE_AT: Final[re.Pattern[str]] = re.compile("|".join(re.escape(w) for w in QUALITATIVE_WORDS))
_CN_VALUE_AT: Final[re.Pattern[str]] = re.compile(_CN_COUNT_VALUE)
_PERIOD_AT: Final[re.Pattern[str]] = re.compile(r"(?:前|第)?[一二三四1-4]季度|[上下]半年")


def _value_start(flat: str, i: int) -> bool:
    ch, prev = flat[i], flat[i - 1]
    if ch.isdigit():
        return not prev.isdigit() and prev not in ".,"
    if ch in CN_NUMERAL_CHARS and prev not in CN_NUMERAL_CHARS and _CN_VALUE_AT.match(flat, i):
        return True  # a count in words ("…个数 十二个 十个")
    if _CMP_AT.match(flat, i):
        return not _CMP_AT.match(flat, i - 1)
    if ch in "前第上下" and _PERIOD_AT.match(flat, i):
        return True  # a part of the year ("第四季度", "上半年")
    return _QUALITATIVE_AT.match(flat, i) is not None


def _figure_start(flat: str, i: int) -> bool:
    """A figure (the 分值, or a target with its comparator) starts at ``flat[i]``; a word that only
    reads as a qualitative value ("完成时间") does not count here."""
    return flat[i].isdigit() or _CMP_AT.match(flat, i) is not None


def strip_levels(text: str, level1: str | None, level2: str | None) -> tuple[str, str, str | None, str | None]:
    """Leading category words of a chunk -> (fragment before them, rest, level1, level2)."""
    flat = compact(text)
    lead = ""
    pos = 0
    while pos < len(flat):
        for pattern, level in LEVEL_WORDS:
            m = pattern.match(flat, pos)
            # a category word the row's values follow at once is the indicator's name, not a level
            # ("满意度指标 服务对象满意度指标 服务对象满意度 20 ≥95% …": the third cell is the name)
            if m and m.end() < len(flat) and not (pos > 0 and _figure_start(flat, m.end())):
                if level == 1:
                    level1, level2 = m.group(0), None
                else:
                    level2 = m.group(0)
                pos = m.end()
                break
        else:
            if not lead and pos == 0:
                # a wrapped tail of the previous row's name (…人数占 / 比)
                if len(flat) > 1 and any(p.match(flat, 1) for p, _ in LEVEL_WORDS):
                    lead = flat[0]
                    pos = 1
                    continue
            break
    return lead, flat[pos:], level1, level2


def normalize_level(label: str | None, level: int) -> str | None:
    if label is None:
        return None
    label = label.rstrip("指")
    if level == 2 and label in ("数量", "质量", "时效", "成本"):
        return label + "指标"
    if level == 2 and label.endswith(("效益", "影响", "满意度")):
        return label + "指标"
    return label


def parsed(text: str | None) -> ParsedValue | None:
    return parse_target(text) if text else None


# ---------------------------------------------------------------------------
# Indicator tables (自评表 and 绩效目标表)
# ---------------------------------------------------------------------------


@dataclass(slots=True)
class TableIndicator:
    start: int
    end: int
    name: str
    level1: str | None
    level2: str | None
    target: str | None
    actual: str | None
    weight: Decimal | None = None
    score: Decimal | None = None
    reason: str | None = None


@dataclass(slots=True)
class IndicatorTable:
    project: str | None
    with_scores: bool
    rows: list[TableIndicator] = field(default_factory=list)
    nature_column: bool = False  # a 指标性质 column (定性, 正向 ...) between name and value
    weight_first: bool = False  # the 分值 column comes before the target and actual columns
    actual_first: bool = False  # the 实际完成值 column comes before the 年度指标值 column
    score_first: bool = False  # the 得分 column comes before the 分值 column
    one_score_column: bool = False  # only one of 分值 / 得分 is printed: ``single_score`` names it
    single_score: str = "score"
    two_values: bool | None = None  # a target and an actual column (None: as the scores say)
    reason_column: bool = False  # a 偏差原因 column
    scores_lead: bool = False  # 分值 and 得分 both come before the target and actual columns
    cell_order: tuple[str, ...] = ()  # the value columns of a row read cell by cell (an order no other reading knows)
    slash_values: bool = False  # target and actual in one cell joined by "/" ("≥12个/12个")


#: Words one of which every line that opens an indicator table holds (INDICATOR_PATTERNS
#: "table_header" and "flat_table_header", on compacted text): the lines are read as printed from
#: the first such line on.
TABLE_OPENING_WORDS: Final[tuple[str, ...]] = ("二级指标", "绩效指标", "指标名称", "指标内容", "考核指标")
#: A quick test before compacting a line: compact() only removes spaces, so a line that holds
#: none of these characters (the last of each opening word) holds no opening word once compacted.
_OPENING_WORD_ENDS: Final[frozenset[str]] = frozenset(w[-1] for w in TABLE_OPENING_WORDS)


def opens_indicator_table(line: str) -> bool:
    """Does ``line`` hold one of :data:`TABLE_OPENING_WORDS` once compacted ("二级 指标")?

    >>> opens_indicator_table("一级指标 二级 指标 三级指标"), opens_indicator_table("产出指标 数量指标")
    (True, False)
    """
    return not _OPENING_WORD_ENDS.isdisjoint(line) and any(w in compact(line) for w in TABLE_OPENING_WORDS)


def read_indicator_tables(doc: SourceDocument) -> list[IndicatorTable]:
    # pipe rows of DOCX/PDF/HTML tables read like spaced ones; a row whose 偏差原因 is a sentence
    # ("受疫情影响，培训推迟") is a line of its own even where ingest joined it as wrapped prose
    view = cell_view(doc.text)
    opening = next((ln.start for ln in iter_lines(view) if opens_indicator_table(ln.text)), None)
    if opening is None:
        return []
    lines = lines_as_printed(doc, view, opening)
    tables: list[IndicatorTable] = []
    previous_header, previous_end = "", -1  # the last table's header and where its rows ended
    i = 0
    while i < len(lines):
        flat_header = compact(lines[i].text)  # lines of the cell view: pipes are spaces
        if not INDICATOR_PATTERNS["table_header"].search(flat_header) and not INDICATOR_PATTERNS["table_header"].search(lines[i].text) and not INDICATOR_PATTERNS["flat_table_header"].match(flat_header):
            i += 1
            continue
        if is_framework_header(lines[i].text):  # a 评价指标评分表: read_frameworks
            i += 1
            continue
        header_start = i
        j = i + 1
        while j < len(lines) and (_is_header_line(lines[j].text) or _completes_header_word(lines[j - 1].text, lines[j].text)):
            j += 1
        header_text = compact(" ".join(ln.text for ln in lines[header_start:j]))
        with_scores = "得分" in header_text or "分值" in header_text
        # the same header again right where the last table's rows stopped: the table goes on after a page
        # break that repeated its header (a Word table's 标题行重复), and keeps its project
        continued = bool(tables) and header_start == previous_end and header_text == previous_header
        project = tables[-1].project if continued else _project_before(lines, header_start)
        table = IndicatorTable(project=project, with_scores=with_scores, nature_column="指标性质" in header_text, weight_first=_weight_first(header_text))
        table.slash_values = INDICATOR_PATTERNS["slash_value_header"].search(header_text) is not None
        _read_column_order(table, value_columns(header_text))
        k = j
        while k < len(lines) and not INDICATOR_PATTERNS["table_end"].match(lines[k].text) and not _leaves_table(lines[k].text):
            if INDICATOR_PATTERNS["table_header"].search(lines[k].text) or INDICATOR_PATTERNS["next_project"].match(lines[k].text):
                break  # the next table or project (two tables without a 合计 row between them)
            k += 1
        _read_rows(doc, lines[j:k], table, closed=k < len(lines) and INDICATOR_PATTERNS["table_end"].match(lines[k].text) is not None)
        tables.append(table)
        previous_header, previous_end = header_text, k
        i = k
    return tables


#: Header words of the target column, whose place after 分值 marks a weight-first table.
TARGET_COLUMN_WORDS: Final[tuple[str, ...]] = ("年度指标值", "指标值", "目标值")

#: Header words of the value columns of an indicator table and the column each names.
#: Templates print them in other orders ("实际完成值 年度指标值", "得分 分值") or leave some
#: out (no 得分, no 实际完成值): the rows are read in the order the header prints.
VALUE_COLUMN_WORDS: Final[dict[str, str]] = {
    "年度指标值": "target", "年度目标值": "target", "预期指标值": "target", "指标值": "target", "目标值": "target",
    "实际完成值": "actual", "全年实际值": "actual", "实际完成情况": "actual", "实际完成": "actual", "实际值": "actual", "完成值": "actual",
    "分值": "weight", "权重": "weight",
    "得分": "score",
    "偏差原因": "reason",
}  # fmt: skip


def value_columns(header_text: str) -> tuple[str, ...]:
    """The value columns a compacted indicator-table header prints, in its order
    ("…三级指标实际完成值年度指标值得分分值" -> actual, target, score, weight); at each
    position the longest header word wins ("年度指标值" is no "指标值" and "完成值")."""
    words = sorted(VALUE_COLUMN_WORDS, key=len, reverse=True)
    found: list[str] = []
    i = header_text.find("三级指标")
    i = 0 if i < 0 else i + len("三级指标")
    while i < len(header_text):
        for word in words:
            if header_text.startswith(word, i):
                if VALUE_COLUMN_WORDS[word] not in found:
                    found.append(VALUE_COLUMN_WORDS[word])
                i += len(word)
                break
        else:
            i += 1
    return tuple(found)


def _before(columns: tuple[str, ...], first: str, second: str) -> bool:
    """Whether the header prints column ``first`` before column ``second`` (both printed)."""
    return first in columns and second in columns and columns.index(first) < columns.index(second)


def _weight_first(header_text: str) -> bool:
    """Whether 分值 is printed before the target column ("三级指标 分值 年度指标值 实际完成值 得分")."""
    weight = header_text.find("分值")
    targets = [i for i in (header_text.find(w) for w in TARGET_COLUMN_WORDS) if i >= 0]
    return weight >= 0 and bool(targets) and weight < min(targets)


def _read_column_order(table: IndicatorTable, columns: tuple[str, ...]) -> None:
    """Set what the header's value columns tell about the rows: target and actual swapped,
    得分 before 分值, one score column only, an actual column without score columns."""
    table.actual_first = _before(columns, "actual", "target")
    table.score_first = _before(columns, "score", "weight")
    scores = [c for c in columns if c in ("weight", "score")]
    if len(scores) == 1 and not table.weight_first:
        table.one_score_column, table.single_score = True, scores[0]
    if "target" in columns and "actual" in columns and not table.with_scores:
        table.two_values = True
    table.reason_column = "reason" in columns
    table.scores_lead = set(columns[:2]) == {"weight", "score"} and "target" in columns[2:]
    values = tuple(c for c in columns if c != "reason")
    if set(values) == set(SCORED_ROW_COLUMNS) and len(values) == len(SCORED_ROW_COLUMNS) and not _known_order(values):
        table.cell_order = values  # "年度指标值 分值 实际完成值 得分": 分值 between the values


#: The value columns of a scored indicator row.
SCORED_ROW_COLUMNS: Final[tuple[str, ...]] = ("target", "actual", "weight", "score")


def _known_order(values: tuple[str, ...]) -> bool:
    """Orders the row patterns read: the values then the scores, 分值 first, or both scores first."""
    return set(values[2:]) == {"weight", "score"} or values[0] == "weight" and values[3] == "score" or set(values[:2]) == {"weight", "score"}


def _take_weight(text: str) -> tuple[str, str | None]:
    """A weight-first row's body without its 分值 cell (the first figure after the name), and that figure."""
    m = INDICATOR_PATTERNS["weight_after_name"].search(text)
    if m is None:
        return text, None
    return text[: m.start("weight")] + " " * len(m.group("weight")) + text[m.end("weight") :], m.group("weight")


#: Words of a header's lines below its first ("实际完成值 分值 得分 偏差原因分析及改进措施" under "…年度指标值／"),
#: the 偏差原因 column's name whole or in its two printed halves.
_HEADER_WORDS = ("年度", "指标值", "实际", "完成值", "分值", "分", "值", "得", "得分", "偏差原因分析", "及改进措施", "偏差原因", "改进措施", "偏差原因分析及改进措施", "指标性质", "度量单位", "计量单位", "全年实际值", "年度指标值", "实际完成值", "目标值", "备注")


def _is_header_line(text: str) -> bool:
    tokens = text.split()
    return bool(tokens) and all(t in _HEADER_WORDS for t in tokens)


#: Longest tail of a header word wrapped onto the line below the header ("偏差原因分析及改" / "进措施").
MAX_HEADER_WORD_TAIL: Final[int] = 6


def _completes_header_word(previous: str, text: str) -> bool:
    """Whether ``text`` is the tail of a header word the line ``previous`` breaks
    ("…偏差原因分析及改" / "进措施", "…实际完" / "成值"): one short cell of Han characters
    that, put after the last cell above, ends a header word which starts above the break."""
    tail = text.strip()
    if not tail or len(tail) > MAX_HEADER_WORD_TAIL or not all("\u4e00" <= ch <= "\u9fff" for ch in tail):
        return False
    above = previous.split()[-1] if previous.split() else ""
    joined = above + tail
    return any(joined.endswith(word) and len(word) > len(tail) for word in (*_HEADER_WORDS, *VALUE_COLUMN_WORDS))


def _leaves_table(text: str) -> bool:
    """Whether a line ends the indicator table above it: a heading, another table's title (one naming its
    project too: "某市总工会职工文体活动项目绩效目标表", project_tables.title_project_name)."""
    from unionkg.extract.project_tables import title_project_name  # (imported when used, as _project_before)

    return bool(re.match(r"^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|项目支出绩效|部门评价|附件)", text)) or title_project_name(text) is not None


def _project_before(lines: list, index: int) -> str | None:  # type: ignore[type-arg]
    """The project of the table whose header is ``lines[index]`` (project_tables.project_named_before: a 项目名称
    field, a title or a heading naming it, never a name above the previous table's 总分)."""
    from unionkg.extract.project_tables import project_named_before  # (project_tables imports tables: imported when used)

    return project_named_before(lines, index)


def _read_rows(doc: SourceDocument, lines: list, table: IndicatorTable, closed: bool = False) -> None:  # type: ignore[type-arg]
    """The indicator rows of ``lines`` (the table's lines below its header) into ``table.rows``;
    ``closed``: the table ends with a 总分 / 合计 row (the lines before it belong to the table)."""
    level1: str | None = None
    level2: str | None = None
    chunk_start: int | None = None
    first = 0
    for n, line in enumerate(lines):
        if table.cell_order or table.scores_lead:  # rows of one line each
            read_row = _cell_order_row if table.cell_order else _scores_lead_row
            row, level1, level2 = read_row(line, table, level1, level2)
            if row is not None:
                table.rows.append(row)
            elif table.rows and table.rows[-1].reason:  # a line of words below a row ends its wrapped 偏差原因
                _reason_lines_before_row([line], line.start, table.rows[-1], line.start)
            continue
        if chunk_start is None:
            chunk_start, first = line.start, n
        one_number_end = table.weight_first or table.one_score_column
        end_pattern = INDICATOR_PATTERNS["score_end" if one_number_end else "weight_score_end" if table.with_scores else "value_end"]
        m = end_pattern.search(line.text)
        if m and table.weight_first:
            m = _weight_first_end(doc, line, chunk_start, end_pattern, m)
        if not m and not table.with_scores and _row_ends_here(line.text, lines[n + 1].text if n + 1 < len(lines) else None):
            m = re.search(r"$", line.text)
        if not m:
            continue
        chunk_end = line.start + m.end()
        body_end = line.start + (m.start() if table.with_scores else m.end())
        previous_reason = bool(table.with_scores and table.rows and table.rows[-1].reason)
        head = _reason_head(lines[first:n], previous_reason) if table.with_scores and table.reason_column and m.groupdict().get("reason") else []
        before = lines[first : n - len(head)]
        if previous_reason:
            chunk_start = _continue_reason(doc, before if head else lines[first:n], line.start, body_end, table.rows[-1], chunk_start)
        text_start = chunk_start
        if head and (not before or chunk_start == line.start):
            chunk_start, text_start = head[0].start, line.start  # the row's quote keeps the head of its reason
        else:
            head = []
        text = cell_view(doc.text[text_start:body_end])
        if table.slash_values:
            text = split_slash_values(text)
        weight_text: str | None = None
        if table.weight_first:
            text, weight_text = _take_weight(text)
            if weight_text is None:
                chunk_start = None
                continue
        lead, rest, level1, level2 = strip_levels(text, level1, level2)
        if lead and table.rows:
            table.rows[-1].name += lead
        two_values = table.two_values if table.two_values is not None else table.with_scores
        cells = split_name_values(rest, 2 if two_values else 1)
        reason: str | None = None
        if not cells.target and not table.with_scores and table.reason_column:
            rest, reason, cells = _without_last_cell(text, level1, level2, 2 if two_values else 1)
        if not two_values:
            cells = _qualitative_last_cell(text, rest, cells)
        elif table.with_scores:
            cells = _qualitative_value_cells(text, rest, cells)
        cells.name = _strip_nature(cells.name, table.nature_column)
        if table.actual_first and cells.actual is not None:
            cells.target, cells.actual = cells.actual, cells.target
        if cells.name and cells.target:
            row = TableIndicator(chunk_start, chunk_end, cells.name, normalize_level(level1, 1), normalize_level(level2, 2), cells.target, cells.actual)
            if table.with_scores:
                _set_scores(row, m, weight_text, table)
                if head:
                    row.reason = "".join(compact(ln.text) for ln in head) + (row.reason or "")
            elif reason:
                row.reason = reason
            table.rows.append(row)
        chunk_start = None
    if chunk_start is not None and closed and table.rows and table.rows[-1].reason:
        # the last row's 偏差原因 wrapped onto the lines before the table's 总分 / 合计 row
        _reason_lines_before_row(lines[first:], lines[first].start, table.rows[-1], chunk_start)


def split_slash_values(text: str) -> str:
    """A row of a table whose header joins target and actual by a slash ("年度指标值/实际完成值")
    with the slash between a cell's two values read as a cell border (a space, so offsets stay):
    "≥12个/12个" -> "≥12个 12个"; a slash in a unit stays ("300元/人")."""
    return INDICATOR_PATTERNS["slash_between_values"].sub(" ", text)


def _weight_first_end(doc: SourceDocument, line, chunk_start: int, pattern: re.Pattern[str], first: re.Match[str]) -> re.Match[str]:  # type: ignore[no-untyped-def]
    """The 得分 (and 偏差原因) that end a row of a weight-first table ("服务质量 15 明显提升 有所提升
    13 培训周期偏短"): the first figure after which only words follow whose row keeps its 分值
    and values before it.  Qualitative values are words too, so the first such figure may be the
    分值 ("15", with "明显提升 有所提升 13 培训周期偏短" read as the reason): the next one is tried."""
    m: re.Match[str] | None = first
    while m is not None:
        if _take_weight(cell_view(doc.text[chunk_start : line.start + m.start()]))[1] is not None:
            return m
        m = pattern.search(line.text, m.start() + 1)
    return first


def _cell_order_row(line, table: IndicatorTable, level1: str | None, level2: str | None) -> tuple[TableIndicator | None, str | None, str | None]:  # type: ignore[no-untyped-def]
    """A one-line row of a table whose value columns come in an order no row pattern reads
    ("帮扶人数 ≥200人 20 210人 20 原因"): after the levels, the name, then one cell per column in
    the header's order, then maybe the 偏差原因.  None for a line that is no such row (its 分值 and
    得分 cells must read as scores)."""
    pieces = line.text.split()
    while pieces and (level := next((lv for p, lv in LEVEL_WORDS if p.fullmatch(pieces[0])), None)) is not None:
        if level == 1:
            level1, level2 = pieces.pop(0), None
        else:
            level2 = pieces.pop(0)
    width = len(table.cell_order)
    reason: str | None = None
    if table.reason_column and len(pieces) == width + 2:
        reason = pieces.pop()
    if len(pieces) != width + 1:
        return None, level1, level2
    cells = dict(zip(table.cell_order, pieces[1:]))
    weight = score_number(cells["weight"])
    score = score_number(cells["score"], weight)
    if weight is None or score is None:
        return None, level1, level2
    row = TableIndicator(line.start, line.end, pieces[0], normalize_level(level1, 1), normalize_level(level2, 2), cells["target"], cells["actual"])
    row.weight, row.score, row.reason = weight, score, reason
    return row, level1, level2


def _scores_lead_row(line, table: IndicatorTable, level1: str | None, level2: str | None) -> tuple[TableIndicator | None, str | None, str | None]:  # type: ignore[no-untyped-def]
    """A row of a table that prints 分值 and 得分 right after the name, then the values and maybe
    a 偏差原因 ("参赛职工人数 15 12 480人 ≥500人 受天气影响…"), on one line: the indicator, and the
    levels carried to the next row (blank on continuation rows).  None for a line that is no row."""
    m = INDICATOR_PATTERNS["weight_score_after_name"].search(line.text)
    if m is None:
        return None, level1, level2
    text = line.text[: m.start("weight")] + " " + line.text[m.end("score") :]
    reason: str | None = None
    if table.reason_column:
        rest, reason, cells = _without_last_cell(text, level1, level2, 2)
    if reason is None:
        _, rest, _, _ = strip_levels(text, level1, level2)
        cells = split_name_values(rest, 2)
    _, _, level1, level2 = strip_levels(text, level1, level2)
    if table.actual_first and cells.actual is not None:
        cells.target, cells.actual = cells.actual, cells.target
    if not (cells.name and cells.target):
        return None, level1, level2
    row = TableIndicator(line.start, line.end, cells.name, normalize_level(level1, 1), normalize_level(level2, 2), cells.target, cells.actual)
    weight_cell, score_cell = m.group("weight"), m.group("score")
    if table.score_first:
        weight_cell, score_cell = score_cell, weight_cell
    row.weight = score_number(weight_cell)
    row.score = score_number(score_cell, row.weight)
    row.reason = reason
    return row, level1, level2


def _without_last_cell(text: str, level1: str | None, level2: str | None, max_values: int) -> tuple[str, str | None, Cells]:
    """A row of a table without score columns whose last cell is its 偏差原因 ("职工参与度 显著提升
    较好 宣传不足"): the values read without that cell, and the cell as the reason."""
    pieces = text.rstrip().rsplit(None, 1)
    if len(pieces) < 2 or re.search(r"\d", pieces[1]):
        return compact(text), None, Cells(compact(text), None, None)
    _, rest, _, _ = strip_levels(pieces[0], level1, level2)
    cells = split_name_values(rest, max_values)
    return rest, (pieces[1] if cells.target else None), cells


#: Score cells printed as words, and what they stand for: the full 分值 of the row.
SCORE_WORDS: Final[frozenset[str]] = frozenset({"满分"})


def score_number(text: str | None, weight: Decimal | None = None) -> Decimal | None:
    """A 分值 / 得分 cell as a number: "10", "10分"; "满分" is the row's weight (None without one)."""
    if text is None:
        return None
    if text in SCORE_WORDS:
        return weight
    return parse_number(text.removesuffix("分"))


def _set_scores(row: TableIndicator, end: re.Match[str], weight_text: str | None, table: IndicatorTable) -> None:
    """分值, 得分 and 偏差原因 of a row from the numbers that end it, in the header's order;
    a column the table does not print stays unset."""
    row.reason = end.group("reason")
    if table.one_score_column:
        setattr(row, table.single_score, score_number(end.group("score")))
        return
    weight_cell = weight_text if weight_text is not None else end.group("weight")
    score_cell = end.group("score")
    if table.score_first:
        weight_cell, score_cell = score_cell, weight_cell
    row.weight = score_number(weight_cell)
    row.score = score_number(score_cell, row.weight)


def _strip_nature(name: str, nature_column: bool) -> str:
    """The name without a trailing 指标性质 cell (定性, 定量; 正向/反向 under a 指标性质 header)."""
    stripped = NATURE_WORDS["always"].sub("", name)
    if nature_column:
        stripped = NATURE_WORDS["with_header"].sub("", stripped)
    return stripped or name


def _continue_reason(doc: SourceDocument, before: list, line_start: int, body_end: int, previous: TableIndicator, chunk_start: int) -> int:  # type: ignore[type-arg]
    """Lines without a figure between a row whose 偏差原因 wrapped and a row that is
    complete on its own line ("受季节性返乡" / "影响服务人次减少" / "服务站… ≥90% 20 0"):
    they end the previous row's reason.  Returns where the current row starts.

    The current row may itself span lines ("推迟" / "满意度指标 … 职工满意度 ≥90%" / "95% 20 20",
    a row cut by a page break): then the lines before its first line that opens with a
    category word end the reason."""
    if not before:
        return chunk_start
    opening = next((k for k, ln in enumerate(before) if k > 0 and any(p.match(compact(ln.text)) for p, _ in LEVEL_WORDS)), None)
    if opening is not None and any(re.search(r"\d", ln.text) for ln in before[opening:]):
        return _reason_lines_before_row(before[:opening], before[opening].start, previous, chunk_start)
    if any(re.search(r"\d", ln.text) for ln in before):
        return chunk_start
    _, rest, _, _ = strip_levels(cell_view(doc.text[line_start:body_end]), None, None)
    cells = split_name_values(rest, 2)
    if len(cells.name) < 2 or not cells.target:
        return chunk_start
    # the wrapped lines must not themselves be category words (产出 / 指标 of a merged cell)
    tail = "".join(compact(ln.text) for ln in before)
    if any(p.match(tail) for p, _ in LEVEL_WORDS) or re.search(r"指标|满意度", tail):
        return chunk_start
    previous.reason = (previous.reason or "") + tail
    previous.end = before[-1].end
    return line_start


#: Marks of a clause in a 偏差原因 cell ("受采购周期影响，"): figure-free lines before a row that hold
#: one are a sentence, never a wrapped indicator name ("、" lists names too: not here).
REASON_CLAUSE_MARKS: Final[frozenset[str]] = frozenset("，；。！？,;")
#: Marks that end a reason: the lines after such a line begin the next row's reason.
REASON_END_MARKS: Final[frozenset[str]] = frozenset("。；！？;")


def _reason_head(before: list, previous_reason: bool) -> list:  # type: ignore[type-arg]
    """The lines just above a row's line that begin its 偏差原因 (PDF text centres the other cells
    of a row on the middle line of a reason wrapped over several lines: "受采购周期影响，" /
    "质量指标 书屋配书达标率 100% 95% 20 18 部分图书未按期" / "配送到位"): the trailing lines of
    ``before`` without a figure or a category word.  When the row above states a reason, they
    must follow a line that ends a sentence (the lines up to it end that reason); when it states
    none, they must hold a clause mark (else they are a wrapped name); otherwise there is no head."""
    head: list = []  # type: ignore[type-arg]
    ended = False
    for ln in reversed(before):
        flat = compact(ln.text)
        if re.search(r"\d", flat) or any(p.match(flat) for p, _ in LEVEL_WORDS) or re.search(r"指标|满意度", flat):
            break
        if previous_reason and flat[-1:] in REASON_END_MARKS:
            ended = True
            break
        head.insert(0, ln)
    if previous_reason:
        return head if ended else []
    if not REASON_CLAUSE_MARKS & set("".join(compact(ln.text) for ln in head)):
        return []
    return head


def _reason_lines_before_row(wrapped: list, row_start: int, previous: TableIndicator, chunk_start: int) -> int:  # type: ignore[type-arg]
    """Lines without a figure or a category word before a row that opens with a category word
    end the previous row's reason; returns where the row starts (``chunk_start`` when they
    are no reason)."""
    tail = "".join(compact(ln.text) for ln in wrapped)
    if not tail or re.search(r"\d", tail) or any(p.match(tail) for p, _ in LEVEL_WORDS) or re.search(r"指标|满意度", tail):
        return chunk_start
    previous.reason = (previous.reason or "") + tail
    previous.end = wrapped[-1].end
    return row_start


def _row_ends_here(text: str, following: str | None) -> bool:
    """A target-table row without a numeric value ends where the next row
    starts with a category word, or at the end of the table."""
    if len(text.split()) < 2:
        return False
    if following is None:
        return True
    return any(p.match(compact(following)) for p, _ in LEVEL_WORDS)


def _qualitative_value_cells(text: str, rest: str, cells: Cells) -> Cells:
    """A target and an actual in words, each a cell of its own ("困难职工生活改善 有效改善 有所改善"):
    the row's last two cells, when neither holds a figure, the split found by words cut
    elsewhere and a name is left before them, and either both hold a qualitative word (an
    actual such as "有所改善" is no word of the list, so the list found "改善" inside it and
    left "有效改善有所" to the name) or the target does and the words found no actual
    ("逐步提升 基本持平")."""
    pieces = text.split()
    if len(pieces) < 3:
        return cells
    target, actual = pieces[-2], pieces[-1]
    if (cells.target, cells.actual) == (target, actual) or not rest.endswith(target + actual) or len(rest) == len(target + actual):
        return cells
    if re.search(r"\d", target + actual) or _QUALITATIVE_AT.search(target) is None:
        return cells
    if _QUALITATIVE_AT.search(actual) is None and cells.actual is not None:
        return cells
    return Cells(rest[: -len(target + actual)], target, actual)


def _qualitative_last_cell(text: str, rest: str, cells: Cells) -> Cells:
    """A qualitative target is the row's last cell ("困难职工生活改善情况 有效改善"):
    taken whole when it has no number, instead of the word found inside it."""
    pieces = text.split()
    last = pieces[-1] if len(pieces) >= 2 else ""
    if not last or re.search(r"\d", last) or not rest.endswith(last) or len(rest) == len(last):
        return cells
    if cells.target and parse_target(cells.target).value is not None:
        return cells
    return Cells(rest[: -len(last)], last, None)


# ---------------------------------------------------------------------------
# Prose statements: "质量指标：特殊困难帮扶人数占比 30%，春节慰问金覆盖率 100%"
# ---------------------------------------------------------------------------


@dataclass(slots=True)
class Statement:
    start: int
    end: int
    level2: str
    name: str
    value: str
    project: str | None = None


def section_projects(text: str) -> list[tuple[int, str | None]]:
    """(position, project) marks: from each mark on, until the next, targets
    stated in prose belong to that project (None: no project named)."""
    marks: list[tuple[int, str | None]] = []
    heading_projects = {m.start(): m.group("name") for m in PROJECT_SECTION_PATTERNS["project_heading"].finditer(text)}
    for m in PROJECT_SECTION_PATTERNS["section_heading"].finditer(text):
        if m.start() not in heading_projects:
            marks.append((m.start(), None))
    marks.extend(heading_projects.items())
    for key in ("project_field", "single_project"):
        marks.extend((m.start(), m.group("name")) for m in PROJECT_SECTION_PATTERNS[key].finditer(text))
    return sorted(marks, key=lambda mark: mark[0])


def project_at(marks: list[tuple[int, str | None]], position: int) -> str | None:
    current: str | None = None
    for start, name in marks:
        if start > position:
            break
        current = name
    return current


def read_statements(doc: SourceDocument) -> list[Statement]:
    """Category statements on the prose view (wrapped lines joined); offsets in ``doc.text``."""
    view = _prose(doc)
    marks = section_projects(view.text)
    out: list[Statement] = []
    for m in INDICATOR_PATTERNS["category_statement"].finditer(view.text):
        body_start = m.start("body")
        body = m.group("body")
        for clause in re.finditer(r"[^，。；;,]+", body):
            text = clause.group(0)
            q = None
            for q in INDICATOR_PATTERNS["quantity"].finditer(text):
                pass
            if q is None or q.end() < len(text.rstrip()) - 1:
                continue
            name = re.sub(r"^\s*\d+[.、．]\s*", "", text[: q.start()]).strip().rstrip("为达")
            if not name or len(name) > 40:
                continue
            start = body_start + clause.start() + len(text) - len(text.lstrip())
            end = body_start + clause.start() + q.end()
            d_start, d_end = view.offsets[start], view.offsets[end - 1] + 1
            out.append(Statement(d_start, d_end, m.group("level"), compact(name), compact(q.group("value")).strip(), project_at(marks, m.start())))
    return out


def best_match(name: str, candidates: list[str]) -> int | None:
    """Index of the candidate that safely matches ``name`` (close and unambiguous)."""
    scores = sorted(((SequenceMatcher(None, name, c).ratio(), i) for i, c in enumerate(candidates)), reverse=True)
    if not scores or scores[0][0] < JOIN_MIN_RATIO:
        return None
    if len(scores) > 1 and scores[0][0] - scores[1][0] < JOIN_MARGIN:
        return None
    return scores[0][1]


# ---------------------------------------------------------------------------
# Narrative indicators (整体支出绩效自评)
# ---------------------------------------------------------------------------


def read_narrative(doc: SourceDocument, context: DocumentContext) -> list[Indicator]:
    lines = list(iter_lines(doc.text))
    out: list[Indicator] = []
    level1: str | None = None
    level2: str | None = None
    for n, line in enumerate(lines):
        nxt = lines[n + 1].text if n + 1 < len(lines) else ""
        is_item = INDICATOR_PATTERNS["narrative_item"].match(line.text) and INDICATOR_PATTERNS["narrative_target"].search(nxt) or (
            INDICATOR_PATTERNS["narrative_item"].match(line.text) and INDICATOR_PATTERNS["narrative_score"].search(nxt)
        )
        if not is_item:
            heading = INDICATOR_PATTERNS["narrative_heading"].match(line.text)
            if heading and len(heading.group("title")) <= 20:
                title = heading.group("title").strip()
                if heading.group("mark").startswith(("（", "(")):
                    level1, level2 = title, None
                else:
                    level2 = title
            continue
        item = INDICATOR_PATTERNS["narrative_item"].match(line.text)
        assert item is not None
        indicator = _narrative_indicator(doc, context, line, lines[n + 1], item, level1, level2)
        if indicator is not None:
            out.append(indicator)
    return out


def _narrative_indicator(doc, context, line, para, item, level1, level2):  # type: ignore[no-untyped-def]
    title = compact(item.group("title"))
    title_cells = split_name_values(title, 1)
    name = _strip_cmp_word(title_cells.name) if title_cells.target else title
    text = para.text
    end_cut = INDICATOR_PATTERNS["narrative_end"].search(text)
    body = text[: end_cut.start()] if end_cut else text
    target_text = title_cells.target
    target_end = 0
    t = INDICATOR_PATTERNS["narrative_target"].search(body)
    if t:
        cells = split_name_values(t.group("target"), 1)
        if cells.target and parse_target(cells.target).value is not None:
            target_text = cells.target
        target_end = t.end()
    target = parsed(target_text)
    actual_text = _actual_after(body[target_end:], target.unit if target else None)
    score_m = INDICATOR_PATTERNS["narrative_score"].search(text)
    return Indicator(
        evidence=doc.evidence(line.start, para.end, KEY),
        org=context.org or "",
        year=context.year or 0,
        project=None,
        name=name,
        comparator=implicit_comparator(target_text, target) if target and target_text else Comparator.QUALITATIVE,
        level1=level1,
        level2=level2,
        target=target.value if target else None,
        target_text=target_text,
        unit=target.unit if target else None,
        actual=parse_target(actual_text).value if actual_text else None,
        actual_text=actual_text,
        weight=parse_number(item.group("weight")),
        score=parse_number(score_m.group("score")) if score_m else None,
    )


def read_numbered(doc: SourceDocument, context: DocumentContext) -> list[Indicator]:
    """"指标1：name。目标值为X，完成值为Y，得分Z分。" under "（一）产出指标（50分）" headings."""
    out: list[Indicator] = []
    level1: str | None = None
    level2: str | None = None
    for line in iter_lines(doc.text):
        m = INDICATOR_PATTERNS["numbered_item"].match(line.text)
        if not m:
            heading = INDICATOR_PATTERNS["narrative_heading"].match(line.text)
            if heading and len(heading.group("title")) <= 20:
                _, _, l1, l2 = strip_levels(heading.group("title") + "。", None, None)
                if l1 or l2:
                    level1, level2 = (l1, None) if l1 else (level1, l2)
            continue
        target_text, actual_text = compact(m.group("target")), compact(m.group("actual"))
        target, actual = parse_target(target_text), parse_target(actual_text)
        comparator = implicit_comparator(target_text, target) if target.value is not None else Comparator.QUALITATIVE
        out.append(
            Indicator(
                evidence=doc.evidence(line.start + m.start("name"), line.start + m.end(), KEY),
                org=context.org or "",
                year=context.year or 0,
                project=None,
                name=compact(m.group("name")),
                comparator=comparator,
                level1=normalize_level(level1, 1),
                level2=normalize_level(level2, 2),
                target=target.value,
                target_text=target_text,
                unit=target.unit,
                actual=actual.value,
                actual_text=actual_text,
                score=parse_number(m.group("score")) if m.group("score") else None,
                deviation_reason=reason.group("reason") if (reason := INDICATOR_PATTERNS["numbered_reason"].search(line.text, m.end())) else None,
            )
        )
    return out


def _strip_cmp_word(name: str) -> str:
    return re.sub(rf"{_CMP}$", "", name)


def _actual_after(text: str, unit: str | None) -> str | None:
    """The last quantity with the target's unit after the target clause (the actual)."""
    found: str | None = None
    for q in INDICATOR_PATTERNS["quantity"].finditer(text):
        q_unit = q.group("unit").replace("％", "%")
        if q_unit == "年":
            continue
        if unit is not None and q_unit != unit:
            if not text.startswith(unit, q.start("unit")):
                continue
            found = compact(text[q.start("value") : q.start("unit")]) + unit
            continue
        found = compact(q.group("value"))
    return found


#: A target printed without a comparator ("推送短视频80条") is a quantity to reach:
#: read it as >=, except percentages, which are read as =.
IMPLICIT_COMPARATOR: Final[dict[bool, Comparator]] = {True: Comparator.EQ, False: Comparator.GE}


def implicit_comparator(target_text: str, value: ParsedValue) -> Comparator:
    """The comparator of a target, with the genre's reading of a bare number."""
    if value.value is None or parse_comparator_prefix(target_text):
        return value.comparator
    if value.value == 0:
        return Comparator.EQ  # "事故发生率 0", "投诉 0次": a nil to keep, not a quantity to reach (>= 0 is always met)
    return IMPLICIT_COMPARATOR[value.unit == "%"]


def parse_comparator_prefix(text: str) -> bool:
    """Whether a value text prints its comparator (glyph, word before or after)."""
    return bool(re.match(rf"\s*{_CMP}", text) or re.search(r"(?:以上|以下|以内)\s*$", text))


# ---------------------------------------------------------------------------
# Prose: scored sections, targets stated in prose, restatements of indicators
# ---------------------------------------------------------------------------

#: Patterns of indicators stated in prose outside the item/paragraph layout above.
PROSE_INDICATOR_PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    # a section heading with its weight whose own paragraph scores it:
    # "（一）预算执行情况（20分）" + "…依据评分标准，扣 2 分，该指标得 18 分。"
    "scored_heading": re.compile(
        r"^\s*(?:\[[^\]\n]{0,60}\])*\s*(?:[（(][一二三四五六七八九十]+[)）]|\d{1,2}\s*[.、．])\s*(?P<title>[^\n（()）\d]{2,20}?)\s*[（(](?P<weight>\d+(?:\.\d+)?)\s*分[)）]\s*$"
    ),
    # the same heading with its paragraph on its line: "（一）产出指标（50分）。全年…该项得分48分。"
    "scored_heading_inline": re.compile(
        r"^\s*(?:[（(][一二三四五六七八九十]+[)）]|\d{1,2}\s*[.、．])\s*(?P<title>[^\n（()）\d，,。；;：:]{2,20}?)\s*[（(](?P<weight>\d+(?:\.\d+)?)\s*分[)）]"
        r"\s*[。．.：:，,]?\s*(?P<rest>\S[^\n]*)$"
    ),
    # what scores such a section besides "该指标得 X 分": "该项得分 48 分", "本项得分为 9 分", "此部分得 28.5 分"
    "section_score": re.compile(r"(?:该|本|此)(?:项|部分|项指标|一级指标)(?:共|实际)?得分?(?:为)?\s*(?P<score>\d+(?:\.\d+)?)\s*分"),
    # or a closing clause "…，得 9 分。" (the paragraph's last words)
    "closing_score": re.compile(r"[，,；;]\s*(?:共|实际)?得分?(?:为)?\s*(?P<score>\d+(?:\.\d+)?)\s*分\s*[。；;]?\s*$"),
    # the heading of a section of targets: 预期…目标 / 年度绩效目标 / 整体支出绩效目标
    "target_heading": re.compile(r"预期|绩效目标|年度目标|总体目标"),
    # heading words that make it a report on targets (完成情况) or a project's section, not a statement of them
    "not_target_heading": re.compile(r"完成|实现|自评|评价|项目|偏离|偏差|原因|结果"),
    # the heading of next year's plans: its targets are not this year's ("三、2024年工作打算")
    "plan_heading": re.compile(r"工作打算|工作计划|下一步|工作思路|工作要点|工作安排|明年|下一年|下年度"),
    # a clause of a section of work done that states a target: "预期举办及服务的活动数量为 40 场次"
    "plan_lead": re.compile(r"^\s*(?:(?:19|20)\d{2}\s*年度?\s*)?(?:全年)?(?:预期|预计|计划)(?!生育)"),
    # a comparator word right before a count of a target ("不少于 8 个企业")
    "cmp_before": re.compile(r"(?P<cmp>不少于|不低于|不小于|至少|大于等于|达到|超过|≥|>=|≧|＞＝)\s*$"),
    # a comparator word right after it, ending the clause ("培训职工 800 人次以上。")
    "cmp_after": re.compile(r"\s*(?P<cmp>及以上|以上)\s*(?=[，,。；;、]|$)"),  # used with match(text, pos)
    # clauses whose counts are not targets: money, project counts, dates
    "not_target_clause": re.compile(r"\d\s*(?:亿元|万元|千元|元)|个\s*(?:预算)?项目|项目\s*(?:共计|共)|[年月日]\s*$"),
}

#: What a comparator word of a prose target means.
PROSE_TARGET_COMPARATORS: Final[dict[str, Comparator]] = {
    "不少于": Comparator.GE, "不低于": Comparator.GE, "不小于": Comparator.GE, "至少": Comparator.GE, "大于等于": Comparator.GE,
    "达到": Comparator.GE, "≥": Comparator.GE, ">=": Comparator.GE, "≧": Comparator.GE, "＞＝": Comparator.GE,
    "以上": Comparator.GE, "及以上": Comparator.GE, "超过": Comparator.GT,
}  # fmt: skip

#: What a comparator word or glyph printed with a prose rate target means ("满意度不低于 90%").
MEASURE_COMPARATORS: Final[dict[str, Comparator]] = {
    "大于等于": Comparator.GE, "不少于": Comparator.GE, "不低于": Comparator.GE, "不小于": Comparator.GE, "以上": Comparator.GE,
    "≥": Comparator.GE, ">=": Comparator.GE, "≧": Comparator.GE, "＞＝": Comparator.GE,
    "小于等于": Comparator.LE, "不超过": Comparator.LE, "不高于": Comparator.LE, "不大于": Comparator.LE, "以下": Comparator.LE, "以内": Comparator.LE,
    "≤": Comparator.LE, "<=": Comparator.LE, "≦": Comparator.LE, "＜＝": Comparator.LE,
    "大于": Comparator.GT, "高于": Comparator.GT, "超过": Comparator.GT, ">": Comparator.GT, "＞": Comparator.GT,
    "小于": Comparator.LT, "低于": Comparator.LT, "<": Comparator.LT, "＜": Comparator.LT,
    "=": Comparator.EQ, "＝": Comparator.EQ,
}  # fmt: skip

#: Linking a prose measurement to an indicator: a close name (any value), or, within the
#: project the paragraph is about, the one indicator with that value and a looser name.
MENTION_LOOSE_RATIO: Final[float] = 0.5


#: The prose views of the last documents read (each reader of this section needs one; a
#: view costs a pass over the document).  Keyed by identity, holding the document.
_VIEWS: list[tuple[SourceDocument, ProseView]] = []
_VIEWS_KEPT: Final[int] = 2


def _prose(doc: SourceDocument) -> ProseView:
    """The prose view of ``doc``, computed once per document."""
    from unionkg.extract.textview import prose_view

    for held, view in _VIEWS:
        if held is doc:
            return view
    view = prose_view(doc)
    _VIEWS.insert(0, (doc, view))
    del _VIEWS[_VIEWS_KEPT:]
    return view


def read_scored_sections(doc: SourceDocument, context: DocumentContext) -> list[Indicator]:
    """A heading with a weight whose paragraph scores it: one indicator, named by the heading.  The
    paragraph is the next line, scored "该指标得 X 分" ("（一）预算执行情况（20分）" / "…该指标得 18 分。"),
    or the rest of the heading's line, scored as :func:`section_score` reads it ("（一）产出指标（50分）。
    …该项得分48分。")."""
    lines = [ln for ln in iter_lines(doc.text) if ln.text.strip()]
    out: list[Indicator] = []
    for line, para in zip(lines, [*lines[1:], None], strict=True):
        head = PROSE_INDICATOR_PATTERNS["scored_heading"].match(line.text)
        inline = head is None
        if head:
            if para is None or INDICATOR_PATTERNS["narrative_item"].match(para.text):
                continue
            body, body_start = para.text, para.start
        else:
            head = PROSE_INDICATOR_PATTERNS["scored_heading_inline"].match(line.text)
            if not head:
                continue
            body, body_start = head.group("rest"), line.start + head.start("rest")
        weight = parse_number(head.group("weight"))
        # the paragraph on the heading's line is the section's own; a next line may be the section's
        # first item ("指标1：…，得分10分。"): only "该指标得 X 分" scores the section there
        found = section_score(body, weight) if inline else _narrative_section_score(body)
        if found is None:
            continue
        score, score_end = found
        out.append(
            Indicator(
                evidence=doc.evidence(line.start + head.start("title"), body_start + score_end, KEY),
                org=context.org or "",
                year=context.year or 0,
                project=None,
                name=compact(head.group("title")),
                comparator=Comparator.QUALITATIVE,
                weight=weight,
                score=score,
            )
        )
    return out


#: Header cells of a table of scores per indicator of a framework's first levels ("一级指标 | 分值 |
#: 得分", "一级指标 | 二级指标 | 分值 | 得分"), each a column of :func:`read_level_score_tables`: the
#: first level, the second (the row's indicator when printed), the weight, the score; a 序号 may lead.
LEVEL_SCORE_COLUMNS: Final[dict[str, str]] = {
    "一级指标": "level1", "评价指标": "level1", "指标名称": "level1", "指标": "level1", "评价内容": "level1",
    "二级指标": "level2",
    "分值": "weight", "权重": "weight", "标准分值": "weight", "权重分值": "weight",
    "得分": "score", "自评得分": "score", "评价得分": "score", "实际得分": "score",
    "序号": "serial",
}  # fmt: skip

#: The shapes of such a table's header (its columns but 序号, in order).
LEVEL_SCORE_SHAPES: Final[tuple[tuple[str, ...], ...]] = (("level1", "weight", "score"), ("level1", "level2", "weight", "score"))

#: A name cell of such a table (no figure in it) and a score cell (a weight or a score, maybe with 分).
LEVEL_SCORE_CELLS: Final[dict[str, re.Pattern[str]]] = {
    "name": re.compile(r"[^\d\s|｜，,。；;：:]{2,20}"),
    "score": re.compile(r"(?P<number>\d+(?:\.\d+)?)\s*分?"),
    "serial": re.compile(r"\d{1,2}"),
}

#: Names of such a table's total row: the whole evaluation's score (:func:`read_level_score_totals`).
LEVEL_SCORE_TOTAL_ROWS: Final[tuple[str, ...]] = ("合计", "总分", "总计", "综合得分")

#: The extractor key of an evaluation's score read from a score table's total row: postprocess
#: (one_overall_score_per_score) drops it when the document states the same figure in prose too.
SCORE_TOTAL_KEY = f"{EXTRACTOR}.score_total@{VERSION}"


def _score_table_cells(line: str) -> list[str]:
    """The cells of a line of such a table: between pipes (blank cells kept, border pipes dropped),
    else between spaces."""
    text = line.strip()
    if "|" in text or "｜" in text:
        cells = [c.strip() for c in re.split(r"[|｜]", text)]
        if cells and not cells[0] and text[:1] in "|｜":
            cells = cells[1:]
        if cells and not cells[-1] and text[-1:] in "|｜":
            cells = cells[:-1]
        return cells
    return text.split()


def level_score_header(line: str) -> tuple[str, ...] | None:
    """The columns of the header of a table of scores per indicator of a framework's first levels
    (:data:`LEVEL_SCORE_SHAPES`, a 序号 first aside), or None for another line.

    >>> level_score_header("一级指标 | 分值 | 得分"), level_score_header("序号 评价指标 权重 自评得分")
    (('level1', 'weight', 'score'), ('serial', 'level1', 'weight', 'score'))
    >>> level_score_header("一级指标 二级指标 三级指标 分值 得分"), level_score_header("项目 | 预算数 | 决算数")
    (None, None)
    """
    cells = _score_table_cells(line)
    kinds = tuple(kind for c in cells if (kind := LEVEL_SCORE_COLUMNS.get(c)) is not None)
    if len(kinds) != len(cells):
        return None  # a cell of another column
    shape = kinds[1:] if kinds[:1] == ("serial",) else kinds
    return kinds if shape in LEVEL_SCORE_SHAPES else None


def read_level_score_tables(doc: SourceDocument, context: DocumentContext) -> list[Indicator]:
    """The rows of tables of scores per indicator of a framework's first levels ("一级指标 | 分值 | 得分"
    / "产出指标 | 50 | 47"; "一级指标 | 二级指标 | 分值 | 得分" / "投入 | 预算执行率 | 10 | 9"): one
    indicator per row with its weight and score (as a section scored in prose), named by its last
    name cell, its first level the first one's when two are printed (a blank one carried from the
    row above), quoting the row.  The rows end at a total row (:data:`LEVEL_SCORE_TOTAL_ROWS`), a
    score above its weight or a line of another shape."""
    lines = list(iter_lines(doc.text))
    out: list[Indicator] = []
    for i, header in enumerate(lines):
        columns = level_score_header(header.text) if "分" in header.text else None
        if columns is None:
            continue
        level1: str | None = None
        for line in lines[i + 1 :]:
            row = _level_score_row(_score_table_cells(line.text), columns, level1)
            if row is None:
                break
            name, level1, weight, score = row
            lead = len(line.text) - len(line.text.lstrip("|｜ \t"))  # a blank first cell's border: the quote starts at the row's text
            out.append(
                Indicator(
                    evidence=doc.evidence(line.start + lead, line.end, KEY),
                    org=context.org or "",
                    year=context.year or 0,
                    project=None,
                    name=name,
                    comparator=Comparator.QUALITATIVE,
                    level1=normalize_level(level1, 1) if "level2" in columns else None,
                    weight=weight,
                    score=score,
                )
            )
    return out


def read_level_score_totals(doc: SourceDocument, context: DocumentContext) -> list[Evaluation]:
    """The whole body's self-evaluation score printed in the total row of a table of scores per
    indicator (:func:`read_level_score_tables`): "合计 | 100 | 93.5" under its rows (a blank second
    level and a 序号 allowed, :func:`level_score_total`), quoting the row; inside a report on one
    project (narrative.project_reports: a "…绩效评价报告" whose cover names it) the project's, of the
    report's kind.  A document that states the score in prose too keeps one evaluation of a figure
    (postprocess)."""
    from unionkg.extract.narrative import project_reports  # (narrative reads organisations, tables …: imported when used)

    lines = list(iter_lines(doc.text))
    out: list[Evaluation] = []
    reports = project_reports(doc.text) if "报告" in doc.text else []
    for i, header in enumerate(lines):
        columns = level_score_header(header.text) if "分" in header.text else None
        if columns is None:
            continue
        level1: str | None = None
        rows = 0
        for line in lines[i + 1 :]:
            row = _level_score_row(_score_table_cells(line.text), columns, level1)
            if row is not None:
                level1, rows = row[1], rows + 1
                continue
            total = level_score_total(_score_table_cells(line.text), columns) if rows else None
            if total is not None:
                lead = len(line.text) - len(line.text.lstrip("|｜ \t"))
                evidence = doc.evidence(line.start + lead, line.end, SCORE_TOTAL_KEY)
                report = next((r for r in reports if r.start <= line.start < r.end), None)
                subject, kind = (report.project, report.kind) if report else (None, EvaluationKind.SELF)
                out.append(Evaluation(evidence, context.org or "", context.year or 0, subject, kind, total))
            break
    return out


def level_score_total(cells: list[str], columns: tuple[str, ...]) -> Decimal | None:
    """The score of a total row of a table of scores per indicator (:data:`LEVEL_SCORE_TOTAL_ROWS`
    in a name cell, the others blank; a weight and a score, the score not above it), else None.

    >>> level_score_total(["合计", "100", "93.5"], ("level1", "weight", "score"))
    Decimal('93.5')
    >>> level_score_total(["合计", "", "100", "95分"], ("level1", "level2", "weight", "score"))
    Decimal('95')
    >>> level_score_total(["产出", "40", "38"], ("level1", "weight", "score")), level_score_total(["合计", "100", "120"], ("level1", "weight", "score"))
    (None, None)
    """
    if columns[:1] == ("serial",):
        columns = columns[1:]
        if len(cells) == len(columns) + 1:
            cells = cells[1:]  # its 序号 cell, blank or not
    if len(cells) != len(columns):
        return None
    names = cells[:-2]
    if not any(n in LEVEL_SCORE_TOTAL_ROWS for n in names) or any(n and n not in LEVEL_SCORE_TOTAL_ROWS for n in names):
        return None
    weight_m, score_m = (LEVEL_SCORE_CELLS["score"].fullmatch(c) for c in cells[-2:])
    if weight_m is None or score_m is None:
        return None
    score = Decimal(score_m.group("number"))
    return score if score <= Decimal(weight_m.group("number")) else None


def _level_score_row(cells: list[str], columns: tuple[str, ...], level1: str | None) -> tuple[str, str | None, Decimal, Decimal] | None:
    """(name, first level, weight, score) of a row of such a table, or None for a row that ends it.
    A row one cell short of a two-level header ("预算调整率 5 5" in spaced text) or with a blank first
    level ("| 预算调整率 | 5 | 5") keeps the first level of the row above."""
    if columns[:1] == ("serial",) and cells and LEVEL_SCORE_CELLS["serial"].fullmatch(cells[0]):
        cells, columns = cells[1:], columns[1:]
    elif columns[:1] == ("serial",):
        columns = columns[1:]
    if "level2" in columns and len(cells) == len(columns) - 1 and level1:
        cells = [level1, *cells]
    if len(cells) != len(columns) or any(not c for c in cells[-3:]):
        return None
    weight_m, score_m = (LEVEL_SCORE_CELLS["score"].fullmatch(c) for c in cells[-2:])
    names = cells[:-2]
    if weight_m is None or score_m is None or any(n and not LEVEL_SCORE_CELLS["name"].fullmatch(n) for n in names):
        return None
    if any(n in LEVEL_SCORE_TOTAL_ROWS for n in names):
        return None
    weight, score = Decimal(weight_m.group("number")), Decimal(score_m.group("number"))
    if score > weight:
        return None
    first = names[0] or level1
    return names[-1], first, weight, score


def _narrative_section_score(paragraph: str) -> tuple[Decimal, int] | None:
    """The "该指标得 X 分" of a section's paragraph on the line below its heading, and where it ends."""
    m = INDICATOR_PATTERNS["narrative_score"].search(paragraph)
    score = parse_number(m.group("score")) if m else None
    return (score, m.end()) if m and score is not None else None


def section_score(paragraph: str, weight: Decimal | None) -> tuple[Decimal, int] | None:
    """The score a section's paragraph gives it and where its words end: "该指标得 X 分", "该项得分
    X 分" (:data:`PROSE_INDICATOR_PATTERNS` ``section_score``, the last one) or a closing "，得 X
    分。" (``closing_score``); a score above the section's weight is none (a figure of another kind).

    >>> section_score("全年帮扶 560 户。该项得分48分。", Decimal(50)), section_score("预算执行率为97.30%，得9分。", Decimal(10))
    ((Decimal('48'), 18), (Decimal('9'), 16))
    >>> section_score("共组织培训12期，培训职工1100人次。", Decimal(50)), section_score("该项得分60分。", Decimal(50))
    (None, None)
    """
    m = INDICATOR_PATTERNS["narrative_score"].search(paragraph)
    if m is None:
        m = next(reversed(list(PROSE_INDICATOR_PATTERNS["section_score"].finditer(paragraph))), None)
    if m is None:
        m = PROSE_INDICATOR_PATTERNS["closing_score"].search(paragraph)
    if m is None:
        return None
    score = parse_number(m.group("score"))
    if score is None or (weight is not None and score > weight):
        return None
    return score, paragraph.index("分", m.end("score")) + 1  # the quote ends with the score's 分


def _target_paragraphs(doc: SourceDocument) -> list[tuple[int, int, bool | None]]:
    """(start, end, in a section of targets) of every paragraph of the prose view; None
    under a heading of next year's plans (nothing there is this year's target)."""
    from unionkg.extract.report import is_heading
    from unionkg.extract.textview import marker_rank, strip_marker

    view = _prose(doc)
    stack: list[tuple[int, bool | None]] = []  # (rank, is a target heading / None: plans) of the open headings
    out: list[tuple[int, int, bool | None]] = []
    for para in view.paragraphs():
        text = para.text.strip()
        if is_heading(text):
            rank = marker_rank(text)
            while stack and stack[-1][0] >= rank:
                stack.pop()
            title = strip_marker(text)[1]
            pats = PROSE_INDICATOR_PATTERNS
            if pats["plan_heading"].search(title):
                stack.append((rank, None))
            else:
                stack.append((rank, bool(pats["target_heading"].search(title)) and not pats["not_target_heading"].search(title)))
            continue
        states = [t for _r, t in stack]
        out.append((para.start, para.end, None if None in states else any(states)))
    return out


def read_prose_targets(doc: SourceDocument, context: DocumentContext) -> list[Indicator]:
    """Targets stated in prose: counts in a section of targets ("组织不少于 8 个企业开展劳动竞赛"),
    and clauses elsewhere led by 预期/计划 ("预期举办文体活动 40 场次").  Whole-department
    indicators (no project), target only; a bare number is read as >= (IMPLICIT_COMPARATOR)."""
    from unionkg.extract.patterns import OUTPUT_EXCLUDED_ITEM_WORDS, STATISTICS_PATTERNS
    from unionkg.extract.statistics import _strip_lead, _strip_tail

    view = _prose(doc)
    text = view.text
    pats = PROSE_INDICATOR_PATTERNS
    out: list[Indicator] = []
    for p_start, p_end, in_targets in _target_paragraphs(doc):
        if in_targets is None:
            continue
        for clause in re.finditer(r"[^，,。；;：:\n]+", text[p_start:p_end]):
            body = clause.group(0)
            c_start = p_start + clause.start()
            if not in_targets and not pats["plan_lead"].search(body):
                continue
            if pats["not_target_clause"].search(body) or "指标" in body:
                continue
            for m in STATISTICS_PATTERNS["output_count"].finditer(body):
                before = body[: m.start()]
                if re.search(r"\d", before) or m.group("pre"):
                    continue
                cmp_m = pats["cmp_before"].search(before)
                after_m = pats["cmp_after"].match(body, m.end())
                if STATISTICS_PATTERNS["output_threshold_after"].match(body[m.end() :]) and not after_m:
                    continue  # a threshold inside the item ("100 人以上企业")
                lead = before[: cmp_m.start()] if cmp_m else before
                lead = lead[pats["plan_lead"].match(lead).end() :] if pats["plan_lead"].match(lead) else lead  # type: ignore[union-attr]
                noun_m = STATISTICS_PATTERNS["output_noun_after"].match(body, after_m.end() if after_m else m.end())
                noun = compact(noun_m.group(0)) if noun_m else ""
                name = _strip_tail(_strip_lead(compact(lead))) + noun
                if len(name) < 2 or len(name) > 40 or any(w in name for w in OUTPUT_EXCLUDED_ITEM_WORDS):
                    continue
                word = (cmp_m.group("cmp") if cmp_m else None) or (after_m.group("cmp") if after_m else None)
                number = Decimal(m.group("number")) * (10000 if m.group("wan") else 1)
                unit = m.group("unit")
                target_text = compact(f"{cmp_m.group('cmp')}{m.group(0)}" if cmp_m else m.group(0) + (after_m.group("cmp") if after_m else "")).strip()
                end = c_start + (noun_m.end() if noun_m and noun else (after_m.end() if after_m else m.end()))
                out.append(
                    Indicator(
                        evidence=view.evidence(c_start + len(body) - len(body.lstrip()), end, KEY),
                        org=context.org or "",
                        year=context.year or 0,
                        project=None,
                        name=name,
                        comparator=PROSE_TARGET_COMPARATORS.get(word or "", IMPLICIT_COMPARATOR[False]),
                        target=number,
                        target_text=target_text,
                        unit=unit,
                    )
                )
    return out


def read_prose_rate_targets(doc: SourceDocument, context: DocumentContext, measurements: list[Measurement] | None = None) -> list[Indicator]:
    """Rates stated in a section of targets ("职工满意度不低于 90%"): whole-department
    indicators, target only (a bare percentage is read as =, IMPLICIT_COMPARATOR)."""
    from unionkg.extract.statistics import is_measure_name, read_measurements

    sections = _target_paragraphs(doc)
    view_offsets = _view_offsets(doc)
    targets = [(view_offsets[s], view_offsets[e - 1] + 1) for s, e, t in sections if t]
    out: list[Indicator] = []
    for m in read_measurements(doc) if measurements is None else measurements:
        if m.unit != "%" or not is_measure_name(m.name) or not any(s <= m.start < e for s, e in targets):
            continue
        text = doc.text[m.start : m.end]
        value_m = re.search(r"(?:" + "|".join(map(re.escape, sorted(MEASURE_COMPARATORS, key=len, reverse=True))) + r")?\s*\d[\d.]*\s*[%％](?:以上|以下|以内)?$", text)
        target_text = compact(value_m.group(0)).strip() if value_m else f"{m.value}%"
        comparator = MEASURE_COMPARATORS.get(m.comparator or "", IMPLICIT_COMPARATOR[True])
        out.append(
            Indicator(
                evidence=doc.evidence(m.start, m.end, KEY),
                org=context.org or "",
                year=context.year or 0,
                project=None,
                name=m.name,
                comparator=comparator,
                target=m.value,
                target_text=target_text,
                unit="%",
            )
        )
    return out


def _view_offsets(doc: SourceDocument) -> list[int]:
    return _prose(doc).offsets


def prose_target_facts(doc: SourceDocument, context: DocumentContext, indicators: list[Indicator], measurements: list[Measurement] | None = None) -> list[Indicator]:
    """Targets stated in prose; one that restates an indicator of a table (same value as its
    target, a linked name) is a supporting copy of it, never a second indicator."""
    from unionkg.extract.resolve import place_prefixes

    prefixes = place_prefixes(context.org)
    out: list[Indicator] = []
    for target in [*read_prose_targets(doc, context), *read_prose_rate_targets(doc, context, measurements)]:
        assert target.target is not None
        linked = link_measurement(target.name, target.target, target.unit or "", None, indicators, prefixes, target.evidence.start)
        out.append(replace(linked, evidence=target.evidence) if linked is not None else target)
    return out


def _same_subject(project: str | None, subject: str | None, prefixes: tuple[str, ...]) -> bool:
    from unionkg.extract.resolve import project_key, same_project

    if project is None or subject is None:
        return False
    return same_project(project_key(project, prefixes), project_key(subject, prefixes))


def _value_matches(indicator: Indicator, value: Decimal, unit: str) -> bool:
    """Whether a stated value is the indicator's target or actual, in the indicator's unit."""
    if (indicator.unit or "").replace("％", "%") != unit:
        return False
    return value in (indicator.target, indicator.actual)


def link_measurement(
    name: str, value: Decimal, unit: str, subject: str | None, indicators: list[Indicator], prefixes: tuple[str, ...], position: int | None = None
) -> Indicator | None:
    """The indicator a prose measurement restates, or None.

    When the paragraph names its project, only that project's indicators are candidates
    (none when no indicator has that project); otherwise all the document's.  A candidate
    must carry the stated value as target or actual; the closest name wins when it is
    close (:data:`JOIN_MIN_RATIO`) and unambiguous, or, within a named project, when it is
    the only candidate with that value and its name is not far off (:data:`MENTION_LOOSE_RATIO`).
    Indicators of one name in several projects ("社会满意度") are one candidate: the nearest
    one before ``position`` (an original offset) is taken, prose following its table."""
    pool = indicators
    if subject is not None and any(i.project for i in indicators):
        about = {p: _same_subject(p, subject, prefixes) for p in {i.project for i in indicators}}
        pool = [i for i in indicators if about[i.project]]
    with_value = [i for i in pool if _value_matches(i, value, unit)]
    if not with_value:
        return None
    names = list(dict.fromkeys(i.name for i in with_value))
    idx = best_match(name, names)
    if idx is not None:
        same_name = [i for i in with_value if i.name == names[idx]]
        if len(same_name) == 1 or position is None:
            return same_name[0] if len(same_name) == 1 else None
        before = [i for i in same_name if i.evidence.start < position]
        return max(before, key=lambda i: i.evidence.start) if before else None
    if subject is not None and pool is not indicators:
        ratios = sorted(((SequenceMatcher(None, name, i.name).ratio(), n) for n, i in enumerate(with_value)), reverse=True)
        if ratios[0][0] >= MENTION_LOOSE_RATIO and (len(ratios) == 1 or ratios[0][0] - ratios[1][0] >= JOIN_MARGIN):
            return with_value[ratios[0][1]]
    return None


#: Filling a target-only indicator's actual from a result stated in prose: the share of the
#: stated name found in the indicator's name ("增强荣誉感、归属感" in "关心关爱劳模，增强省劳模的
#: 荣誉感、归属感"), and the shortest stated name considered.
FILL_MIN_COVERAGE: Final[float] = 0.9
FILL_MIN_NAME: Final[int] = 4


def _coverage(name: str, indicator_name: str) -> float:
    """The share of ``name``'s characters that appear, in order, in ``indicator_name``."""
    blocks = SequenceMatcher(None, name, indicator_name).get_matching_blocks()
    return sum(b.size for b in blocks) / len(name) if name else 0.0


def fill_actuals(doc: SourceDocument, context: DocumentContext, facts: list[Fact], measurements: list[Measurement] | None = None) -> list[Indicator]:
    """A 绩效目标表 indicator (target, no actual) takes the value a section of results states
    for it ("社会效益指标：…提升劳模生活质量 90%"): same unit, no comparator, and a name that
    links (:func:`link_measurement` without the value) or that the indicator's name covers,
    unambiguously.  Every copy of the indicator is updated alike."""
    from unionkg.extract.resolve import place_prefixes
    from unionkg.extract.statistics import TARGET, read_measurements

    prefixes = place_prefixes(context.org)
    open_ = [f for f in facts if isinstance(f, Indicator) and f.target is not None and f.actual is None and f.unit]
    mentions: list[Indicator] = []
    if not open_:
        return mentions
    spans = [(f.evidence.start, f.evidence.end) for f in facts if isinstance(f, Indicator)]
    for m in read_measurements(doc) if measurements is None else measurements:
        if m.mode == TARGET or m.comparator is not None:
            continue
        o_start, o_end = doc.offsets[m.start], doc.offsets[m.end - 1] + 1
        if any(s < o_end and o_start < e for s, e in spans):
            continue  # an indicator's own statement (its target), not a result
        pool = [i for i in open_ if i.actual is None and (i.unit or "").replace("％", "%") == m.unit]
        if m.subject is not None and any(_same_subject(i.project, m.subject, prefixes) for i in pool):
            pool = [i for i in pool if _same_subject(i.project, m.subject, prefixes)]
        idx = best_match(m.name, [i.name for i in pool])
        chosen = pool[idx] if idx is not None else None
        if chosen is None and len(m.name) >= FILL_MIN_NAME:
            covering = [i for i in pool if _coverage(m.name, i.name) >= FILL_MIN_COVERAGE]
            chosen = covering[0] if len({(i.project, i.name) for i in covering}) == 1 else None
        if chosen is None:
            continue
        text = doc.text[m.start : m.end]
        value_text = compact(text[len(text) - len(text.lstrip()) :])
        number = re.search(r"\d[\d.]*\s*万?\s*\S*$", value_text)
        for f in open_:
            if (f.project, f.name, f.target_text) == (chosen.project, chosen.name, chosen.target_text):
                f.actual, f.actual_text = m.value, number.group(0) if number else f"{m.value}{m.unit}"
        mentions.append(replace(chosen, evidence=doc.evidence(m.start, m.end, KEY)))  # the statement supports it
    return mentions


def mention_facts(doc: SourceDocument, context: DocumentContext, indicators: list[Indicator], measurements: list[Measurement] | None = None) -> list[Fact]:
    """Prose measurements: a restatement of an indicator becomes an identical copy of it with
    the statement's evidence (a supporting mention: de-duplication keeps the first, the quality
    report counts both); a measured rate or share that restates none is a StatisticalCount
    (phase final) when it reports work done -- never a target (a comparator or a section of
    targets) nor a count (counts of work done are read by ``narrative.statistics``)."""
    from unionkg.extract.resolve import place_prefixes
    from unionkg.extract.statistics import TARGET, is_measure_name, read_measurements

    prefixes = place_prefixes(context.org)
    spans = [(i.evidence.start, i.evidence.end) for i in indicators]
    out: list[Fact] = []
    for m in read_measurements(doc) if measurements is None else measurements:
        o_start, o_end = doc.offsets[m.start], doc.offsets[m.end - 1] + 1
        if any(s <= o_start and o_end <= e for s, e in spans):
            continue  # a value inside an indicator's own statement ("设置指标为…，实际…")
        linked = link_measurement(m.name, m.value, m.unit, m.subject, indicators, prefixes, o_start)
        evidence = doc.evidence(m.start, m.end, KEY)
        if linked is not None:
            out.append(replace(linked, evidence=evidence))
        elif m.unit == "%" and m.comparator is None and m.mode != TARGET and is_measure_name(m.name) and context.org and context.year is not None:
            out.append(StatisticalCount(evidence, context.org, context.year, m.name, m.value, m.unit, Phase.FINAL))
    return out


# ---------------------------------------------------------------------------
# Scoring frameworks (评价指标评分表 of a 部门评价 / 第三方评价 / 绩效评价 report)
# ---------------------------------------------------------------------------

_SCORE = r"\d+(?:\.\d+)?"

#: Patterns of a scoring framework: "一级指标 分值 二级指标 分值 三级指标 分值 得分", rows
#: "决策 40 项目立项 6 立项依据充分性 3 3" whose category cells are merged (printed once,
#: often on lines of their own: "决策" / "40" / "项目立项 6" / "立项程序规范性 3 3").
FRAMEWORK_PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    # header, compacted: a weight column between the levels, or no target/actual column
    "header": re.compile(r"一级指标(?P<w1>分值|权重|[（(]分[)）])?二级指标(?P<w2>分值|权重|[（(]分[)）])?三级指标"),
    "target_columns": re.compile(r"指标值|完成值|目标值|实际值|实际完成"),
    "criteria_columns": re.compile(r"评分标准|指标解释|评价要点|评分依据|评价标准|指标说明"),
    # the framework's first-level categories (exact cell)
    "level1": re.compile(r"(?:项目)?(?:决策|过程|管理|产出|效益|满意度|成本)(?:指标)?"),
    # a row ends with 分值 得分 (a blank score printed as a dash)
    "row_end": re.compile(rf"^(?P<body>.*?)\s*(?<![\d.])(?P<weight>{_SCORE})\s+(?P<score>{_SCORE}|[—–\-－/／])\s*$"),
    # a category cell with its weight, alone on a line, perhaps with an empty third level ("经济效益 0 无")
    "category": re.compile(rf"^(?P<name>[^\d\s，。；,;：:、]{{2,16}})(?:\s+(?P<weight>{_SCORE}))?(?:\s+(?P<none>无|/|／|—|–|-|－))?$"),
    # a category cell with its weight leading a row ("资金管理 8 资金使用合规性 8 8")
    "lead_category": re.compile(rf"(?P<name>[^\d\s，。；,;：:、]{{2,16}})\s+(?P<weight>{_SCORE})\s+(?=\S)"),
    "lone_number": re.compile(rf"^{_SCORE}$"),
    # what follows a figure of a sentence (its unit, then punctuation), not a weight
    "quantity_after": re.compile(r"[%％]|[^\s\d，,、；;。]{0,3}[，,、；;。]"),
    # what ends the table: the total, the grade, a section heading, another project
    "end": re.compile(r"^\s*(?:总\s*分|合\s*计|总\s*计|评价等[次级]|评价结[论果]|项目名称|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|附件|附表)"),
    # a cell of 评分标准 text (not a name)
    "criteria_text": re.compile(r"[，,；;。：:、（(]|\d|是否|得满分|扣分|酌情"),
    # a third-level cell that is a summary of results, not a name
    "sentence": re.compile(r"[，,；;。：:]|\d"),
}

#: Longest name read as an indicator name; a longer cell is a summary sentence.
FRAMEWORK_NAME_MAX: Final[int] = 20


def is_framework_header(text: str) -> bool:
    """Whether an indicator header is a scoring framework (not a 自评表 or 绩效目标表):
    weights printed for the first or second level, or 得分 without any target or actual column.

    >>> is_framework_header("一级指标 分值 二级指标 分值 三级指标 分值 得分")
    True
    >>> is_framework_header("一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分")
    False
    """
    flat = compact(text)
    m = FRAMEWORK_PATTERNS["header"].search(flat)
    if not m:
        return False
    if m.group("w1") or m.group("w2"):
        return True
    return "得分" in flat[m.end() :] and not FRAMEWORK_PATTERNS["target_columns"].search(flat)


@dataclass(slots=True)
class FrameworkRow:
    start: int
    end: int
    name: str
    level1: str | None
    level2: str | None
    weight: Decimal | None
    score: Decimal | None
    summary: str | None = None  # the third-level cell when it is a summary sentence


@dataclass(slots=True)
class Framework:
    project: str | None
    rows: list[FrameworkRow] = field(default_factory=list)


def read_frameworks(doc: SourceDocument) -> list[Framework]:
    """The scoring frameworks of the document, one row per third-level indicator."""
    lines = list(iter_lines(cell_view(doc.text)))
    out: list[Framework] = []
    i = 0
    while i < len(lines):
        header = " ".join(ln.text for ln in lines[i : i + 3])
        if not FRAMEWORK_PATTERNS["header"].search(compact(lines[i].text)) or not is_framework_header(header):
            i += 1
            continue
        j = i + 1
        while j < len(lines) and _is_header_line(lines[j].text):
            j += 1
        header_flat = compact(" ".join(ln.text for ln in lines[i:j]))
        criteria = bool(FRAMEWORK_PATTERNS["criteria_columns"].search(header_flat))
        levels = FRAMEWORK_PATTERNS["header"].search(header_flat)
        weighted = bool(levels and (levels.group("w1") or levels.group("w2")))
        k = j
        while k < len(lines) and not FRAMEWORK_PATTERNS["end"].match(lines[k].text):
            k += 1
        framework = Framework(project=_project_before(lines, i))
        _read_framework_rows(doc, lines[j:k], framework, criteria, weighted)
        out.append(framework)
        i = k
    return out


@dataclass(slots=True)
class _Levels:
    """The categories in force while reading a framework's rows."""

    level1: str | None = None
    level2: str | None = None
    after_level1: bool = False  # the previous cell was a first-level category
    weight1: Decimal | None = None  # the first level's 分值, when printed
    weight2_sum: Decimal = Decimal(0)  # 分值 of the second-level cells read under it

    def category(self, name: str, weight: Decimal | None) -> None:
        """A category cell: first level when it is a first-level word that does not follow
        one and the current first level's 分值 is used up (效益 20 = 社会效益 10 + 可持续影响 5 +
        满意度 5 makes that 满意度 a second level); second level otherwise."""
        room = self.weight1 is not None and self.weight2_sum < self.weight1
        if FRAMEWORK_PATTERNS["level1"].fullmatch(name) and not self.after_level1 and not room:
            self.level1, self.level2, self.after_level1 = name, None, True
            self.weight1, self.weight2_sum = weight, Decimal(0)
        else:
            self.level2, self.after_level1 = name, False
            self.weight2_sum += weight or 0


def _read_framework_rows(doc: SourceDocument, lines: list, framework: Framework, criteria: bool, weighted: bool) -> None:  # type: ignore[type-arg]
    levels = _Levels()
    pending: int | None = None  # start of category cells not yet quoted by a row
    chunk: list = []  # type: ignore[type-arg]
    for line in lines:
        text = line.text.strip()
        end = FRAMEWORK_PATTERNS["row_end"].match(text)
        if not end and not chunk:
            if levels.after_level1 and levels.weight1 is None and FRAMEWORK_PATTERNS["lone_number"].match(text):  # the first level's weight
                levels.weight1 = parse_number(text)
                continue
            cat = FRAMEWORK_PATTERNS["category"].match(text)
            bare_level1 = FRAMEWORK_PATTERNS["level1"].fullmatch(compact(text))
            if bare_level1 or (cat and (cat.group("weight") or cat.group("none"))):
                levels.category(compact(cat.group("name")) if cat else compact(text), parse_number(cat.group("weight") or "") if cat else None)
                pending = line.start if pending is None else pending
                continue
        if not end:
            chunk.append(line)
            continue
        body_start = chunk[0].start if chunk else line.start
        body = doc.text[body_start : line.start + end.end("body")] if (chunk or end.group("body")) else ""
        body = _strip_framework_levels(cell_view(body), levels, weighted, criteria)
        chunk = []
        levels.after_level1 = False
        start = pending if pending is not None else body_start
        pending = None
        row = _framework_row(body, levels.level1, levels.level2, start, line.start + end.end())
        if row is None:
            continue
        row.weight = parse_number(end.group("weight"))
        row.score = parse_number(end.group("score")) if re.match(r"\d", end.group("score")) else None
        framework.rows.append(row)


def _strip_framework_levels(body: str, levels: _Levels, weighted: bool = True, criteria: bool = False) -> str:
    """Category cells leading a row ("决策 15 项目立项 5 立项依据充分性 …") set ``levels``;
    returns the third-level cell (without the 评分标准 text of a criteria column)."""
    rest = body.strip()
    while True:
        m = FRAMEWORK_PATTERNS["lead_category"].match(rest)
        if m and FRAMEWORK_PATTERNS["quantity_after"].match(rest, m.end()):
            m = None  # "慰问人数 7004 人，…": a figure of a summary sentence, not a weight
        if m:
            levels.category(compact(m.group("name")), parse_number(m.group("weight")))
            rest = rest[m.end() :]
            continue
        tokens = rest.split()
        first = tokens[0] if tokens else ""
        # a first-level cell printed without its weight ("过程 资金管理 10 资金使用合规性")
        if weighted and len(tokens) > 1 and FRAMEWORK_PATTERNS["level1"].fullmatch(first) and not levels.after_level1:
            levels.category(first, None)
            rest = rest[len(first) :].strip()
            continue
        if criteria:  # the 评分标准 text starts at the first cell that reads as a sentence
            cut = next((n for n, t in enumerate(tokens) if n and (FRAMEWORK_PATTERNS["criteria_text"].search(t) or len(t) > 12)), len(tokens))
            tokens = tokens[:cut]
            rest = tokens[-1] if tokens and not weighted else "".join(tokens)
        if not weighted and len(tokens) > 1 and (criteria or not FRAMEWORK_PATTERNS["sentence"].search(rest)):
            # no weights at the first two levels: the cells before the name are its categories
            for token in tokens[:-1]:
                levels.category(token, None)
            rest = tokens[-1]
        return rest


def _framework_row(body: str, level1: str | None, level2: str | None, start: int, end: int) -> FrameworkRow | None:
    cell = compact(body)
    if not cell or cell in EMPTY_CELL_MARKS:
        return None
    if FRAMEWORK_PATTERNS["sentence"].search(cell) or len(cell) > FRAMEWORK_NAME_MAX:
        name = level2 or level1
        if not name:
            return None
        return FrameworkRow(start, end, name, level1, level2, None, None, summary=cell)
    return FrameworkRow(start, end, cell, level1, level2, None, None)


def _framework_indicators(doc: SourceDocument, context: DocumentContext, found: list[Indicator]) -> list[Indicator]:
    """One Indicator per framework row; a row naming an indicator already read (same
    project, same name) is linked to it instead: the indicator takes the framework's
    分值/得分 when it had none, and the row is emitted as an identical copy (its evidence
    counts for the quality report; de-duplication then keeps the first)."""
    from unionkg.extract.resolve import place_prefixes, project_key, same_project

    prefixes = place_prefixes(context.org)

    def same(a: str | None, b: str | None) -> bool:
        if a is None or b is None:
            return a is b
        return same_project(project_key(a, prefixes), project_key(b, prefixes))

    out: list[Indicator] = []
    for framework in read_frameworks(doc):
        for row in framework.rows:
            evidence = doc.evidence(row.start, row.end, KEY)
            linked = next((f for f in found if compact(f.name) == row.name and row.summary is None and same(f.project, framework.project)), None)
            if linked is not None:
                if linked.weight is None and linked.score is None:
                    linked.weight, linked.score = row.weight, row.score
                if (linked.weight, linked.score) == (row.weight, row.score):
                    out.append(replace(linked, evidence=evidence))
                else:
                    warn(f"indicators: '{row.name}' is scored {row.weight}/{row.score} in the framework and {linked.weight}/{linked.score} in its table; kept the table's")
                continue
            out.append(
                Indicator(
                    evidence=evidence,
                    org=context.org or "",
                    year=context.year or 0,
                    project=framework.project,
                    name=row.name,
                    comparator=Comparator.QUALITATIVE,
                    level1=row.level1,
                    level2=row.level2,
                    actual_text=row.summary,
                    weight=row.weight,
                    score=row.score,
                )
            )
    return out


# ---------------------------------------------------------------------------
# The extractor
# ---------------------------------------------------------------------------


def _table_indicators(doc: SourceDocument, context: DocumentContext, tables: list[IndicatorTable], join_actuals: bool = True) -> list[Indicator]:
    statements = read_statements(doc) if join_actuals else []
    out: list[Indicator] = []
    for table in tables:
        for row in table.rows:
            _warn_if_damaged(doc, row)
            target, actual = parsed(row.target), parsed(row.actual)
            actual_text = row.actual
            if not table.with_scores and actual is None:
                actual_text = _join_statement(row, statements, target)
                actual = parsed(actual_text)
            unit = target.unit if target else None
            out.append(
                Indicator(
                    evidence=doc.evidence(row.start, row.end, KEY),
                    org=context.org or "",
                    year=context.year or 0,
                    project=table.project,
                    name=row.name,
                    comparator=implicit_comparator(row.target, target) if target and row.target else Comparator.QUALITATIVE,
                    level1=row.level1,
                    level2=row.level2,
                    target=target.value if target else None,
                    target_text=row.target,
                    unit=unit,
                    actual=actual.value if actual else None,
                    actual_text=actual_text,
                    weight=row.weight,
                    score=row.score,
                    deviation_reason=row.reason,
                )
            )
    return out


def _warn_if_damaged(doc: SourceDocument, row: TableIndicator) -> None:
    """Say which target or actual OCR damaged with a letter for a digit ("≥9S%"): no figure is
    read for it (parse.ocr_damaged_value), the indicator keeps its text."""
    for field_name, text in (("target", row.target), ("actual", row.actual)):
        if ocr_damaged_value(text):
            start = doc.offsets[row.start]
            warn(
                f"{doc.source}: line {doc.original.count(chr(10), 0, start) + 1}: indicator {row.name!r}: the {field_name} {text!r} looks like "
                "a figure damaged by OCR (a letter for a digit); no figure read for it"
            )


def _join_statement(row: TableIndicator, statements: list[Statement], target: ParsedValue | None) -> str | None:
    later = [s for s in statements if s.start > row.end]
    idx = best_match(row.name, [s.name for s in later])
    if idx is None:
        return None
    value = parse_target(later[idx].value)
    if target is None or (value.unit or None) != (target.unit or None):
        return None
    return later[idx].value


def _budget_targets(doc: SourceDocument, context: DocumentContext) -> list[Indicator]:
    out: list[Indicator] = []
    for s in read_statements(doc):
        target = parse_target(s.value)
        out.append(
            Indicator(
                evidence=doc.evidence(s.start, s.end, KEY),
                org=context.org or "",
                year=context.year or 0,
                project=s.project,
                name=s.name,
                comparator=target.comparator,
                level2=normalize_level(s.level2, 2),
                target=target.value,
                target_text=s.value,
                unit=target.unit,
            )
        )
    return out


@register(EXTRACTOR, version=VERSION)
def extract_indicators(doc: SourceDocument, context: DocumentContext) -> list[Fact]:
    tables = read_indicator_tables(doc)
    budget = context.genre == "budget"
    # in a budget, prose statements are targets too, never actuals of a table row
    facts: list[Fact] = list(_table_indicators(doc, context, tables, join_actuals=not budget))
    facts.extend(read_narrative(doc, context))
    # the numbered narrative often repeats the 自评表 rows: the table row (with its 分值) wins
    in_tables = {(f.project, compact(f.name)) for f in facts if isinstance(f, Indicator)}
    facts.extend(f for f in read_numbered(doc, context) if (f.project, f.name) not in in_tables)
    if not facts or budget:  # a budget's "数量指标：…≥2700 人" lines are its targets
        seen = {(f.project, f.name) for f in facts if isinstance(f, Indicator)}
        facts.extend(t for t in _budget_targets(doc, context) if (t.project, t.name) not in seen)
    # a scoring framework's rows, linked to the table indicators they repeat
    facts.extend(_framework_indicators(doc, context, [f for f in facts if isinstance(f, Indicator)]))
    measurements = [] if budget else read_measurements(doc, _prose(doc))  # read once: targets, results, restatements
    if not budget:
        named = {compact(f.name) for f in facts if isinstance(f, Indicator)}
        facts.extend(f for f in read_scored_sections(doc, context) if f.name not in named)
        facts.extend(f for f in read_level_score_tables(doc, context) if f.name not in named)
        facts.extend(read_level_score_totals(doc, context))
        facts.extend(prose_target_facts(doc, context, [f for f in facts if isinstance(f, Indicator)], measurements))
        facts.extend(fill_actuals(doc, context, facts, measurements))
    for fact in facts:
        if isinstance(fact, Indicator):
            fact.met = decide_met(fact.comparator, fact.target, fact.actual, fact.target_text, fact.actual_text)
            if fact.met is None:
                fact.met = missed_by_evaluation(fact.actual_text, fact.weight, fact.score, fact.deviation_reason)
    if not budget:  # restatements in prose, linked once every indicator is complete
        facts.extend(mention_facts(doc, context, [f for f in facts if isinstance(f, Indicator)], measurements))
    return facts
