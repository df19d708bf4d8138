"""(q27) How many vehicles, buildings or pieces of equipment a body holds: the counts extraction reads from the
国有资产占用情况 tables and prose ("截至…本部门共有车辆 N 辆", "一、车辆数合计(台、辆)", ukg:StatisticalCount,
docs/graph-model.md), the total first, its parts after.

Why: "X有几辆车" / "how many vehicles does X have" fell to the projects' answer (or to "no projects" for a body
with none) whenever the count's printed label shared no two characters with the question.

Named tables, each tested with positive and negative examples in ``tests/qa/test_round12_q27.py``.  Patterns see
the normalised question (simplified characters, half-width, lower-cased Latin letters).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class AssetTopic:
    """One kind of asset: the words that ask for its count, and the printed labels of its counts."""

    asked_zh: re.Pattern[str]
    asked_en: re.Pattern[str]
    stock_item: re.Pattern[str]  # a count of this asset (total or part)
    total_item: re.Pattern[str]  # the count of all of it (车辆 / 车辆数合计 / 公务用车保有量)
    name_zh: str
    name_en: str


#: The assets a count question can ask about.
ASSET_COUNT_TOPICS: dict[str, AssetTopic] = {
    "vehicles": AssetTopic(
        re.compile(r"(?:几|多少)辆|车辆|公务用车|公车|用车(?:数|数量)|(?:几|多少)(?:台|部|个)?车"),
        re.compile(r"\bvehicles?\b|\bcars?\b"),
        re.compile(r"车辆|用车|车$"),
        re.compile(r"^(?:[一二三四五六七八九十]+、)?车辆(?:数|数量|总数)?(?:合计|总计)?(?:\(.*\))?$|公务用车(?:保有量|实有数)"),
        "车辆", "vehicles"),
    "buildings": AssetTopic(
        re.compile(r"房屋|办公用房|业务用房|用房|房产"),
        re.compile(r"\bbuildings?\b|\boffice space\b|\bpremises\b"),
        re.compile(r"房屋|用房|房产"),
        re.compile(r"^(?:[一二三四五六七八九十]+、)?(?:房屋|房产)(?:面积|数|建筑面积)?(?:合计|总计)?(?:\(.*\))?$"),
        "房屋", "buildings"),
    "equipment": AssetTopic(
        re.compile(r"设备"),
        re.compile(r"\bequipment\b|\bmachines?\b"),
        re.compile(r"设备"),
        re.compile(r"设备"),
        "设备", "equipment"),
}

#: The counter a total of each asset is said in when its labels print several ("辆(台)", "台、辆").
ASSET_COUNT_UNITS: dict[str, str] = {"vehicles": "辆", "buildings": "", "equipment": "台（套）"}

#: Questions asking how many of an asset a body holds (the stated_counts intent), by language.  A money line
#: naming the asset ("车辆运行维护费多少", "设备购置费") is no such question.
ASSET_COUNT_QUESTION: dict[str, re.Pattern[str]] = {
    "zh": re.compile(r"(?:几|多少)(?:辆|台|套|部|处|栋|间|平方米)?(?:公务用?|办公)?(?:车|车辆|设备|房屋|用房|房产)(?![\u4e00-\u9fff]*费)"
                     r"|(?:车辆|设备|房屋|用房|房产|公务用车)(?:数|数量|总数|面积)?(?:有|是|共有)?(?:几|多少)(?!钱|万|元|经费|费)"),
    "en": re.compile(r"\bhow many (?:\w+ ){0,2}(?:vehicles|cars|buildings|pieces of equipment)\b"
                     r"|\bnumber of (?:\w+ ){0,2}(?:vehicles|cars|buildings)\b"),
}

#: Words of a count that is a purchase or a plan, not a stock held ("购置公务用车 0 辆", "计划购置车辆 1 辆"); a
#: question with them asks for the purchase (the 三公 answer), not for what the body holds.
PURCHASE_WORDS = re.compile(r"购置|购买|新购|新增|更新|报废|处置|计划|拟|\bbuy|\bbought\b|\bpurchas")


def asked_asset_topic(text: str, lang: str) -> str | None:
    """The asset whose count the question asks for (its key in ASSET_COUNT_TOPICS), or None (no count of an asset
    asked, or a purchase: "公务用车购置数" is the 三公 answer's)."""
    if PURCHASE_WORDS.search(text) or not ASSET_COUNT_QUESTION[lang].search(text):
        return None
    for key, topic in ASSET_COUNT_TOPICS.items():
        if (topic.asked_zh if lang == "zh" else topic.asked_en).search(text):
            return key
    return None


def is_stock(topic: str, item: object) -> bool:
    """Whether a count's label is a count of the asset held (not a purchase or plan)."""
    label = str(item or "")
    return bool(ASSET_COUNT_TOPICS[topic].stock_item.search(label)) and not PURCHASE_WORDS.search(label)


def is_total(topic: str, item: object) -> bool:
    """Whether a stock count's label is the whole of the asset, not one kind of it (机要通信用车)."""
    return is_stock(topic, item) and bool(ASSET_COUNT_TOPICS[topic].total_item.search(str(item or "")))


def rows_of_year(rows: list[Mapping[str, object]], years: list[int]) -> tuple[list[Mapping[str, object]], int | None]:
    """The rows of the asked year (the latest asked that has any), else of the latest year before it (a stock
    stated at the end of the year before, as a budget prints it), else of the latest year; with that year."""
    held = sorted({r["year"] for r in rows if isinstance(r.get("year"), int)})  # type: ignore[type-var]
    if not held:
        return list(rows), None
    asked = [y for y in sorted(years) if y in held]
    if asked:
        year = asked[-1]
    else:
        before = [y for y in held if years and y < max(years)]
        year = (before or held)[-1]
    return [r for r in rows if r.get("year") == year], year
