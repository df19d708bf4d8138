"""Gazetteer: place names -> GB/T 2260 administrative division codes.

Reads ``data/links/divisions.csv`` (columns ``name,code,level,parent_code,
wikidata,iso3166_2,source``: the current divisions) and, beside it,
``data/links/division_history.csv`` (their former names and codes, see
``scripts/build_divisions.py``): a body printed with the name its place had in
the document's year (宁乡县 in a 2016 budget) gets the place's current code, and
a renamed place's former name is written as its current name in identity keys.  Organisation names begin with their place
("湖北省宜昌市总工会", "桂林市总工会", "廣西總工會"), so the division of a
body is the most specific place whose name, or short name, the organisation
name starts with or contains.

>>> from pathlib import Path
>>> g = Gazetteer.from_rows([Division("湖南省", "430000", "province", None, None, None)])
>>> g.division_for("湖南省总工会").code
'430000'
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from unionkg.errors import InputError

# Suffixes a place name may drop in an organisation name ("湖南省" -> "湖南",
# "广西壮族自治区" -> "广西").  Longest first, so that "壮族自治区" wins over "自治区".
PLACE_SUFFIXES: tuple[str, ...] = (
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "地区",
    "新区",
    "林区",
    "省",
    "市",
    "县",
    "区",
    "盟",
    "旗",
)

# Level rank: a deeper level is more specific.  Short names (without suffix)
# are ambiguous ("吉林" is a province and a city); for them the shallower
# level wins, because a body named by its short place name is usually the
# province (广西总工会).
LEVEL_DEPTH: dict[str, int] = {"province": 1, "prefecture": 2, "county": 3, "township": 4}

# The peoples an autonomous area is named after (自治州 / 自治县 / 自治旗), longest
# first so that 土家族 is tried before 土族.  People write an autonomous area by its
# place alone with the level's character: 恩施土家族苗族自治州 -> 恩施州,
# 长阳土家族自治县 -> 长阳县, 莫力达瓦达斡尔族自治旗 -> 莫力达瓦旗.
ETHNIC_GROUPS: tuple[str, ...] = tuple(sorted((
    "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克",
    "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬",
    "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克",
    "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺", "各族",
), key=len, reverse=True))
# Autonomous level suffix -> the level character of the usual short form.
AUTONOMOUS_SUFFIXES: dict[str, str] = {"自治州": "州", "自治县": "县", "自治旗": "旗"}

# Bodies organised outside the GB/T 2260 divisions: 新疆生产建设兵团 (兵团) and its 师 and 团.
# A name that prints one of these right after a short place name (新疆生产建设兵团第八师总工会)
# has no division code, an honest unknown place, never the region's; a 师 named with its city
# (第一师阿拉尔市, one body with the city under 师市合一) keeps that city's code.
NON_DIVISION_BODIES: tuple[str, ...] = ("生产建设兵团", "兵团")

# Words that, right after a short place name (a name without its 省/市/县 ...),
# show that the short name is part of another name and no place of the body:
# 中山大学 is in Guangzhou, not in 中山市; 东湖新技术开发区 is not 东湖区.
NOT_A_PLACE_AFTER_SHORT_NAME: tuple[str, ...] = (
    "大学", "学院", "书院", "路", "街", "大道", "公园", "广场", "银行", "开发区", "高新", "新技术", "工业园", "园区",
    *NON_DIVISION_BODIES,
)
# A company's own words after which its name may print the place of one of its branches
# ("中国石油天然气集团有限公司大庆油田分公司", "国网吉林省电力有限公司长春供电公司", "中国移动通信集团广东有限
# 公司"), and the words that must follow that place for it to be the branch's (a place's name
# before any other word is a brand: 东方电气, 长城汽车).  Read by Gazetteer.place_inside_company_name.
INSIDE_PLACE_LEADS: tuple[str, ...] = ("有限公司", "股份公司", "有限责任公司", "集团公司", "集团", "公司", "国网")
INSIDE_PLACE_FOLLOWERS: tuple[str, ...] = (
    "油田", "供电", "电力", "电网", "石化", "炼化", "炼油", "分公司", "有限公司", "移动", "联通", "电信", "烟草",
    "铁路局", "燃气", "水务", "港务", "机场", "分行", "中心支行", "支行", "邮政", "监狱",
)
# A county-level place is written without its suffix only right before these
# (昆山总工会); elsewhere its short name is too often an ordinary word (朝阳, 鼓楼, 城关).
COUNTY_SHORT_NAME_FOLLOWERS: tuple[str, ...] = ("总工会",)

# A province-level municipality (北京市, 重庆市): its districts are written after it.
MUNICIPALITY_SUFFIX = "市"
# The word after a city that names its federation, the district body's parent (杭州市总工会).
PARENT_FEDERATION_WORD = "总工会"

# Conventional abbreviations of places that dropping a suffix does not give (锡盟 is no
# prefix of 锡林郭勒盟, 博州 none of 博尔塔拉蒙古自治州), and the usual short names of the
# autonomous areas people print as often.  Read only at the start of an organisation's
# name and never before another place suffix (巴州区 is a district of 巴中市, not 巴州).
PLACE_ABBREVIATIONS: dict[str, str] = {
    "锡盟": "锡林郭勒盟",
    "博州": "博尔塔拉蒙古自治州",
    "克州": "克孜勒苏柯尔克孜自治州",
    "巴州": "巴音郭楞蒙古自治州",
    "西双版纳州": "西双版纳傣族自治州",
    "西双版纳": "西双版纳傣族自治州",
    "湘西州": "湘西土家族苗族自治州",
    "湘西": "湘西土家族苗族自治州",
    "黔南州": "黔南布依族苗族自治州",
    "黔南": "黔南布依族苗族自治州",
    "黔东南州": "黔东南苗族侗族自治州",
    "黔东南": "黔东南苗族侗族自治州",
    "黔西南州": "黔西南布依族苗族自治州",
    "黔西南": "黔西南布依族苗族自治州",
    "内蒙古": "内蒙古自治区",
    "内蒙": "内蒙古自治区",
    "广西": "广西壮族自治区",
    # banners and leagues printed short (round 9): a banner named after its people has no short
    # form by the autonomous-area rule (鄂温克族自治旗 is all people and level)
    "阿盟": "阿拉善盟",
    "莫旗": "莫力达瓦达斡尔族自治旗",
    "鄂温克旗": "鄂温克族自治旗",
    "鄂伦春旗": "鄂伦春自治旗",
}
# The one-character abbreviations of provinces (简称), read only right before 总工会 at
# the start of a name ("粤总工会"): alone, in running text, they are ordinary characters
# (赣南, 粤港澳, 苏州).  Left out where the character names something else too: 宁
# (Ningxia and Nanjing), 新, 青, 云, 贵 (ordinary words), and the places the gazetteer
# holds no bodies for.
PROVINCE_ONE_CHAR: dict[str, str] = {  # character -> GB/T 2260 code of the province
    "京": "110000", "津": "120000", "冀": "130000", "晋": "140000", "蒙": "150000", "辽": "210000",
    "吉": "220000", "黑": "230000", "沪": "310000", "苏": "320000", "浙": "330000", "皖": "340000",
    "闽": "350000", "赣": "360000", "鲁": "370000", "豫": "410000", "鄂": "420000", "湘": "430000",
    "粤": "440000", "桂": "450000", "琼": "460000", "渝": "500000", "川": "510000", "黔": "520000",
    "滇": "530000", "藏": "540000", "陕": "610000", "甘": "620000",
}
# What must follow a one-character province abbreviation for it to be read as the province,
# and a bare place stem (广西, 湘西) for the identity key to write it in full.
ONE_CHAR_FOLLOWER = "总工会"
# The sectors whose union a province or city names by its stem as readily as by its full name
# ("宁夏教育工会", "广西教科文卫体工会": the 产业工会 of the province, led by its federation): the
# national industry unions' sectors and the usual local ones.  A stem before anything else is no
# place written short (宁夏大学工会 is a university's union, 广西师范大学 a university).
SECTOR_UNION_WORDS: tuple[str, ...] = (
    "教育", "教科文卫体", "教科文卫", "科教文卫", "农林水利气象", "农林水利", "农林水", "农林", "财贸轻纺烟草", "财贸",
    "金融", "海员建设", "建设建材", "建设", "能源化学地质", "能源化学", "机械冶金建材", "机械冶金", "国防邮电",
    "邮电", "交通运输", "交通", "铁路", "民航", "卫生健康", "卫生", "医务", "国有资产", "国资", "商贸", "工交",
)
SECTOR_UNION_REST = re.compile(rf"^(?:{'|'.join(sorted(SECTOR_UNION_WORDS, key=len, reverse=True))})(?:系统)?工会(?:委员会)?$")
# The last characters of a place's written form that say its level (恩施州, 锡盟, 某某县).
LEVEL_CHARACTERS: frozenset[str] = frozenset("省市县区州盟旗")
# Characters that, right after an abbreviation, show the start of another place's full
# name (巴州区 in 巴中市, 黔南县 …) or suffix (广西壮族自治区 is read as its full name).
PLACE_SUFFIX_STARTS: frozenset[str] = frozenset("省市县区盟旗自")

# County-level places renamed after the division table's date (2025-12-31; the changes up to then
# are in division_history.csv): a county made a county-level city or a district (某县 -> 某市),
# a county-level city made a district (某市 -> 某区).  A body printed with the new name is placed at
# the county of the old one (the same place and parent; the code the table knows it by) when
# exactly one county has that stem and no division is called by the new name: the suffix the old
# name ended with -> the suffixes its new name may end with.
RENAMED_COUNTY_SUFFIXES: dict[str, tuple[str, ...]] = {"县": ("市", "区"), "市": ("区",)}

# County-level places renamed before the history table begins (增城市 -> 增城区 in 2014, 萧山县 ->
# 萧山区): a body printed with the earlier suffix is the current place's when exactly one
# county-level place has that stem and no division is called by the printed name (so its two
# years' documents are one body).  The current suffix -> the suffixes an earlier name ended with.
EARLIER_COUNTY_SUFFIXES: dict[str, tuple[str, ...]] = {"区": ("县", "市"), "市": ("县",)}

# Development and high-tech zones, new areas, parks and cooperation zones are no GB/T 2260
# division: a body of one (某市经济技术开发区总工会, 某某新区总工会, 某市高新区总工会) gets no
# division code, never its city's or province's.  A zone that is a division itself (浦东新区,
# 滨海新区, 两江新区) or a division whose name holds such a word (清新区) is a place as usual.
ZONE_WORDS: tuple[str, ...] = (
    "开发区", "高新区", "经开区", "新区", "工业园", "产业园", "园区", "保税区", "试验区", "示范区", "合作区",
    "自贸区", "科技城", "管委会",
)

# Words a body's name puts before its place ("共青团某市某县委员会", "中共某市委"): its own place is
# written after them as after nothing (共青团某市某县委员会 = 共青团某县委员会, the form its own
# lists print when the county's name is unique in the country).
NAME_LEADS_BEFORE_PLACE: tuple[str, ...] = ("共青团", "中共", "团")  # 团某市某县委: the League's short form

# A place name found inside an organisation's name after a few characters that are no place, no lead
# word and no company word is the tail of a longer place name the gazetteer does not know (an old or
# misprinted county: 乙陵县 is no former 陵县, 丙岚县 no 岚县), never a match.  Up to this many such
# characters are read as the rest of that longer name's stem; a longer run is a body's own words
# (中国农业银行某县支行), after which a place is printed as usual.
UNKNOWN_STEM_MAX_CHARS = 3
# Words after which a body's name prints a place (a branch's): the end of a run of characters, as a
# known place or a lead word is (中国邮政集团公司某县分公司, 农行某县支行; 第一师某市: a 兵团 师 named
# with its city, 师市合一).
WORDS_BEFORE_BRANCH_PLACE: tuple[str, ...] = (
    *INSIDE_PLACE_LEADS, "银行", "农行", "工行", "建行", "中行", "邮政", "烟草", "总工会", "工会", "委员会", "驻", "师",
)

CSV_COLUMNS: tuple[str, ...] = ("name", "code", "level", "parent_code", "wikidata", "iso3166_2", "source")
HISTORY_COLUMNS: tuple[str, ...] = ("former_name", "former_code", "former_level", "former_parent_code", "code", "kind", "changed")
# ``kind`` of a history row: one place under a new name (the body's name may be written with the
# current one), several places made one (the code is the successor's, the printed name stays),
# or a place with no known successor (it keeps its own former code, a division of its own).
FORMER_RENAMED, FORMER_MERGED, FORMER_DISSOLVED = "renamed", "merged", "dissolved"

_MIN_SHORT_NAME = 2  # a one-character short name ("吉" ...) would match too much


@dataclass(frozen=True)
class Division:
    name: str
    code: str
    level: str
    parent_code: str | None
    wikidata: str | None
    iso3166_2: str | None

    @property
    def depth(self) -> int:
        return LEVEL_DEPTH.get(self.level, 9)


@dataclass(frozen=True)
class FormerName:
    """A name (and code) a current division had, from ``division_history.csv``."""

    name: str
    former_code: str
    code: str  # the current division's code (the former code itself when dissolved)
    kind: str  # FORMER_RENAMED | FORMER_MERGED | FORMER_DISSOLVED
    changed: str | None  # date or year of the change, when the source states it


def stem_follower(rest: str) -> bool:
    """Whether what follows a place's bare stem makes it the place: its federation ("总工会") or one
    of its sector unions (:data:`SECTOR_UNION_REST`).

    >>> [stem_follower(r) for r in ("总工会", "教育工会", "教科文卫体工会委员会", "教育系统工会", "大学工会", "师范大学", "工人文化宫")]
    [True, True, True, True, False, False, False]
    """
    return rest.startswith(ONE_CHAR_FOLLOWER) or SECTOR_UNION_REST.match(rest) is not None


def autonomous_base(name: str) -> str | None:
    """The place of an autonomous area without its peoples and level: 恩施土家族苗族自治州 -> 恩施.

    >>> autonomous_base("黔东南苗族侗族自治州"), autonomous_base("长阳土家族自治县"), autonomous_base("恩施市")
    ('黔东南', '长阳', None)
    """
    suffix = next((s for s in AUTONOMOUS_SUFFIXES if name.endswith(s)), None)
    if suffix is None:
        return None
    base = name[: -len(suffix)]
    stripped = True
    while stripped:
        stripped = False
        for people in ETHNIC_GROUPS:
            # 伊犁哈萨克自治州, 博尔塔拉蒙古自治州: a people of two or more characters may drop 族
            for printed in (people + "族", people) if len(people) >= 2 else (people + "族",):
                if base.endswith(printed) and len(base) - len(printed) >= _MIN_SHORT_NAME:
                    base, stripped = base[: -len(printed)], True
                    break
            if stripped:
                break
    return base if base != name[: -len(suffix)] else None


def autonomous_short_form(name: str) -> str | None:
    """The usual written form of an autonomous area: 恩施土家族苗族自治州 -> 恩施州."""
    base = autonomous_base(name)
    suffix = next((s for s in AUTONOMOUS_SUFFIXES if name.endswith(s)), None)
    return base + AUTONOMOUS_SUFFIXES[suffix] if base and suffix else None


def short_name(name: str) -> str | None:
    """The place name without its administrative suffix, if long enough."""
    base = autonomous_base(name)
    if base is not None:
        return base
    for suffix in PLACE_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= _MIN_SHORT_NAME:
            return name[: -len(suffix)]
    return None


def simplified(text: str) -> str:
    """NFKC + traditional -> simplified, so that 廣西 matches 广西."""
    text = unicodedata.normalize("NFKC", text)
    try:
        import opencc

        return str(_converter(opencc).convert(text))
    except ImportError:  # pragma: no cover - opencc is a dependency
        return text


@cache
def _converter(opencc_module: object) -> object:
    return opencc_module.OpenCC("t2s")  # type: ignore[attr-defined]


class Gazetteer:
    def __init__(self, divisions: list[Division], former: list[FormerName] | None = None):
        self.divisions = divisions
        self.by_code = {d.code: d for d in divisions}
        names = {d.name for d in divisions}
        # former names of current places, by name: read like the place's name (a 2016 document
        # prints 宁乡县 for today's 宁乡市), ambiguous like any name several places have
        self.former = [f for f in former or () if f.code in self.by_code and f.name != self.by_code[f.code].name]
        self._former_by_name: dict[str, list[FormerName]] = {}
        for f in self.former:
            self._former_by_name.setdefault(f.name, []).append(f)
        full = [(d.name, d) for d in divisions]
        full += [(f.name, self.by_code[f.code]) for f in self.former]
        # 恩施州 for 恩施土家族苗族自治州, unless a division is called so itself
        full += [(f, d) for d in divisions if (f := autonomous_short_form(d.name)) and f not in names]
        self._full = sorted(full, key=lambda p: -len(p[0]))
        self._short = [(s, d) for d in divisions if (s := short_name(d.name))]
        self._short_names = frozenset(s for s, _ in self._short)
        # the short names by their first character: a name can only start with those of its own first
        # character, so the look-ups below read a bucket, not the country's ~3,000 names (order kept)
        self._short_by_first: dict[str, list[tuple[str, Division]]] = {}
        for s, d in self._short:
            self._short_by_first.setdefault(s[0], []).append((s, d))
        self._counties: dict[str, list[Division]] = {}  # county-level names -> the divisions so named
        for d in divisions:
            if d.level == "county":
                self._counties.setdefault(d.name, []).append(d)
        for f in self.former:
            if self.by_code[f.code].level == "county":
                self._counties.setdefault(f.name, []).append(self.by_code[f.code])
        self._longest_county = max(map(len, self._counties), default=0)
        # how many divisions each written name (full, or an autonomous area's short form) names
        self._name_count: dict[str, int] = {}
        for written, _ in full:
            self._name_count[written] = self._name_count.get(written, 0) + 1
        self._by_name = {name: d for name, d in full if self._name_count[name] == 1}
        self._longest_written = max(map(len, self._name_count), default=0)
        # the full names by their first character, longest first: a name's leading place is
        # looked up for every organisation name minted or linked
        self._full_by_initial: dict[str, list[tuple[str, Division]]] = {}
        for written, d in self._full:
            self._full_by_initial.setdefault(written[:1], []).append((written, d))

    @classmethod
    def from_rows(cls, rows: list[Division]) -> Gazetteer:
        return cls(rows)

    @classmethod
    def from_csv(cls, path: Path, history: Path | None = None, renames: Path | None = None) -> Gazetteer:
        """The divisions of ``path`` and, when given, the former names of ``history`` (built by
        ``scripts/build_divisions.py``) and of ``renames`` (the hand-kept renames before that
        history begins, :func:`read_renames`)."""
        rows = cls._read_divisions(path)
        former: list[FormerName] = []
        if history is not None:
            former, dissolved = _read_history(history)
            known = {d.code for d in rows}
            rows += [d for d in dissolved if d.code not in known]
        if renames is not None:
            known_former = {f.name for f in former}
            former += [f for f in read_renames(renames, rows) if f.name not in known_former]
        return cls(rows, former)

    @staticmethod
    def _read_divisions(path: Path) -> list[Division]:
        try:
            with path.open(encoding="utf-8", newline="") as fh:
                reader = csv.DictReader(fh)
                missing = [c for c in ("name", "code", "level") if c not in (reader.fieldnames or [])]
                if missing:
                    raise InputError(f"{path}: missing columns {', '.join(missing)}; expected {','.join(CSV_COLUMNS)}")
                rows = []
                for line_no, row in enumerate(reader, start=2):
                    code = (row.get("code") or "").strip()
                    if not (code.isdigit() and len(code) == 6):
                        raise InputError(f"{path}:{line_no}: division code {code!r} is not 6 digits")
                    rows.append(
                        Division(
                            name=row["name"].strip(),
                            code=code,
                            level=(row.get("level") or "").strip(),
                            parent_code=(row.get("parent_code") or "").strip() or None,
                            wikidata=(row.get("wikidata") or "").strip() or None,
                            iso3166_2=(row.get("iso3166_2") or "").strip() or None,
                        )
                    )
        except OSError as exc:
            raise InputError(f"{path}: cannot read the division table: {exc}") from exc
        return rows

    def former_names(self, code: str) -> list[FormerName]:
        """The names the division ``code`` had, oldest code first (宁乡市 -> 宁乡县)."""
        return sorted((f for f in self.former if f.code == code), key=lambda f: (f.former_code, f.name))

    def renamed_from(self, written: str) -> Division | None:
        """The current place a former name printed as ``written`` is, when that name was one place's
        and it only changed its name (宁乡县 -> 宁乡市); None for a merger or an ambiguous name."""
        found = self._former_by_name.get(written, [])
        if len(found) != 1 or found[0].kind != FORMER_RENAMED or self._name_count.get(written) != 1:
            return None
        return self.by_code[found[0].code]

    def division_for(self, org_name: str) -> Division | None:
        """The most specific division named in ``org_name``, or None.

        None also when the name fits several divisions equally well: a county
        name that repeats across the country (鼓楼区, 西湖区, 朝阳区) printed
        without its city or province is ambiguous and never guessed.
        """
        candidates = self.divisions_for(org_name)
        return candidates[0] if len(candidates) == 1 else None

    def divisions_for(self, org_name: str) -> list[Division]:
        """The divisions that fit ``org_name`` best: one, several when the name is
        ambiguous (鼓楼区 in four cities), none when it names no place.  A company's name that
        holds its branch's place after its own words (:meth:`place_inside_company_name`) is placed
        there when that place is one division and lies in what the rest of the name places."""
        found = self._printed_divisions(org_name)
        inside = self.place_inside_company_name(simplified(org_name))
        if inside is not None and (not found or (len(found) == 1 and self._encloses(found[0], inside))):
            return [inside]
        return found

    def place_inside_company_name(self, name: str) -> Division | None:
        """The place a company's name holds inside it, after its own words
        (:data:`INSIDE_PLACE_LEADS`: "…有限公司", "…集团", "国网") and right before a word that makes
        the place the branch's (:data:`INSIDE_PLACE_FOLLOWERS`: 油田, 供电, 电力, 分公司, 分行 …), printed
        by its short name or in full; None when no such place or several.

        >>> g = default_gazetteer()
        >>> g.place_inside_company_name("中国石油天然气集团有限公司大庆油田分公司工会").name
        '大庆市'
        >>> g.place_inside_company_name("国网宁夏电力有限公司工会").name
        '宁夏回族自治区'
        >>> g.place_inside_company_name("东方电气集团东方汽轮机有限公司工会"), g.place_inside_company_name("某市总工会")
        (None, None)
        """
        if not any(lead in name for lead in INSIDE_PLACE_LEADS):
            return None
        printed: dict[tuple[int, str], dict[str, Division]] = {}  # (start, printed place) -> the places so named
        for lead in INSIDE_PLACE_LEADS:
            at = name.find(lead)
            while at >= 0:
                start = at + len(lead)
                for place, division in [*self._short_starting(name[start:]), *self._full_by_initial.get(name[start : start + 1], ())]:
                    after = name[start + len(place) :]
                    if name.startswith(place, start) and after.startswith(INSIDE_PLACE_FOLLOWERS):
                        printed.setdefault((start, place), {})[division.code] = division
                at = name.find(lead, at + 1)
        # a short name two places have (吉林油田: the province's or the city's) is none of them
        found = {d.code: d for places in printed.values() if len(places) == 1 for d in places.values()}
        # the innermost of places that enclose one another (国网吉林省电力…长春供电公司: 长春市 in 吉林省)
        innermost = [d for d in found.values() if all(o.code == d.code or self._encloses(o, d) for o in found.values())]
        return innermost[0] if len(innermost) == 1 else None

    def _printed_divisions(self, org_name: str) -> list[Division]:
        name = simplified(org_name)
        if self.names_a_zone(name):
            return []  # a zone's body: no division (ZONE_WORDS)
        found_full = [(place, d) for place, d in self._full if place in name]
        full = _leftmost_longest(name, [(p, d) for p, d in found_full if not self.starts_inside_unknown_name(name, name.find(p))])
        if full:
            # 湖北省宜昌市总工会 names both; the deeper division is the body's.
            # County names repeat across provinces (朝阳区): prefer the one whose
            # ancestors are also named, then the deeper, then the longer name.
            def rank(pair: tuple[str, Division]) -> tuple[int, int, int]:
                return (self._ancestors_named(pair[1], name), pair[1].depth, len(pair[0]))

            best = max(map(rank, full))
            found = list({d.code: d for place, d in full if rank((place, d)) == best}.values())
            # 湖南省宁乡市总工会: a renamed county after its enclosing place (RENAMED_COUNTY_SUFFIXES)
            place = next(p for p, d in full if d.code == found[0].code)
            rest = name[name.find(place) + len(place) :]
            renamed = self._renamed_county(rest) if len(found) == 1 else []
            if len(found) == 1 and not renamed:
                # 重庆市綦江县总工会: a county printed under its earlier suffix after its enclosing place
                earlier = self.earlier_county(rest)
                renamed = [earlier[1]] if earlier is not None else []
            return renamed if renamed and self._encloses(found[0], renamed[0]) else found
        abbreviated = self.abbreviated_place(name)
        if abbreviated is not None:
            return [abbreviated[1]]
        short = [(place, d) for place, d in self._short_starting(name) if name.startswith(place) and self._short_name_fits(name, place, d)]
        if not short:
            earlier = self.earlier_county(name)
            return self._renamed_county(name) or ([earlier[1]] if earlier else [])
        # 吉林总工会: prefer the shallower level for an ambiguous short name; several places of
        # that level (鼓楼总工会: four 鼓楼区; 通州总工会: 北京 and 南通) are all candidates, none guessed
        best = min((-len(place), d.depth) for place, d in short)
        return list({d.code: d for place, d in short if (-len(place), d.depth) == best}.values())

    def _short_starting(self, name: str) -> list[tuple[str, Division]]:
        """The (short name, division) pairs whose short name may begin ``name``: those of its first character."""
        return self._short_by_first.get(name[:1], []) if name else []

    def starts_inside_unknown_name(self, name: str, start: int) -> bool:
        """Whether a place name printed at ``start`` of ``name`` is the tail of a longer place name the
        gazetteer does not know: one to :data:`UNKNOWN_STEM_MAX_CHARS` characters precede it since the
        last boundary (:meth:`_run_start`).  乙陵县 holds the former 陵县 and 丙岚县 the county 岚县, yet
        neither is that place; after a place, a lead word, a level character or a company's word the
        name is a place as printed (某省陵县, 中共陵县, 某市安县, 某公司安县分公司).

        >>> g = Gazetteer.from_rows([Division("甲省", "990000", "province", None, None, None),
        ...     Division("乙县", "990121", "county", "990000", None, None)])
        >>> [g.starts_inside_unknown_name(n, n.find("乙县")) for n in ("乙县总工会", "甲省乙县总工会", "丙乙县总工会", "中共乙县委")]
        [False, False, True, False]
        """
        return 0 < start - self._run_start(name, start) <= UNKNOWN_STEM_MAX_CHARS

    def _run_start(self, name: str, end: int) -> int:
        """Where the run of characters ending at ``end`` begins: right after the last boundary before
        ``end`` (the name's start, a lead of :data:`NAME_LEADS_BEFORE_PLACE` at the start, a level
        character, a character that is no Chinese one, a known place's name or short form, or a word of
        :data:`WORDS_BEFORE_BRANCH_PLACE`)."""
        lead = next((len(w) for w in NAME_LEADS_BEFORE_PLACE if name.startswith(w) and len(w) <= end), 0)
        for at in range(end, lead, -1):
            before = name[at - 1]
            if before in LEVEL_CHARACTERS or not "\u4e00" <= before <= "\u9fff":
                return at
            if name.endswith(WORDS_BEFORE_BRANCH_PLACE, 0, at) or self._known_place_ends_at(name, at):
                return at
        return lead

    def _known_place_ends_at(self, name: str, end: int) -> bool:
        """Whether a place's full name, short form or abbreviation ends at ``end`` of ``name``."""
        for length in range(_MIN_SHORT_NAME, min(end, self._longest_written) + 1):
            written = name[end - length : end]
            if written in self._name_count or written in self._short_names or written in PLACE_ABBREVIATIONS:
                return True
        return False

    def _renamed_county(self, name: str) -> list[Division]:
        """The county ``name`` begins with under a newer name (:data:`RENAMED_COUNTY_SUFFIXES`):
        "宁乡市总工会" is at 宁乡县 when the gazetteer knows no 宁乡市; none when the stem is
        several counties' or another word follows (临安区中学 is no body of a place).

        >>> g = Gazetteer.from_rows([Division("甲市", "990100", "prefecture", None, None, None),
        ...     Division("乙丙县", "990121", "county", "990100", None, None), Division("丁戊市", "990181", "county", "990100", None, None)])
        >>> [d.name for d in g._renamed_county("乙丙市总工会")], [d.name for d in g._renamed_county("丁戊区总工会")]
        (['乙丙县'], ['丁戊市'])
        >>> g._renamed_county("乙丙市大学工会"), g._renamed_county("乙丙镇总工会"), g._renamed_county("乙丙市")
        ([], [], [])
        """
        found: dict[str, Division] = {}
        for place, division in self._short_starting(name):
            if division.level != "county" or not name.startswith(place):
                continue
            renamed = RENAMED_COUNTY_SUFFIXES.get(division.name[len(place) :], ())
            after = name[len(place) + 1 :]
            if name[len(place) : len(place) + 1] in renamed and after and not after.startswith(NOT_A_PLACE_AFTER_SHORT_NAME):
                found[division.code] = division
        return list(found.values()) if len(found) == 1 else []

    def names_a_zone(self, name: str) -> bool:
        """Whether ``name`` names a development zone, new area or park (:data:`ZONE_WORDS`) that is
        no division: the word is not the end of a division's name printed before it.

        >>> g = default_gazetteer()
        >>> [g.names_a_zone(n) for n in ("南宁经济技术开发区总工会", "兰州新区总工会", "上海市浦东新区总工会", "清远市清新区总工会")]
        [True, True, False, False]
        """
        for word in ZONE_WORDS:
            at = name.find(word)
            while at >= 0:
                end = at + len(word)
                if not any(self._name_count.get(name[start:end]) for start in range(max(0, end - self._longest_written), at)):
                    return True
                at = name.find(word, at + 1)
        return False

    def earlier_county(self, name: str) -> tuple[str, Division] | None:
        """The current county-level place that ``name`` begins with under an earlier name
        (:data:`EARLIER_COUNTY_SUFFIXES`), with that name as printed: "乙丙市总工会" is at 乙丙区
        when one county-level place has the stem 乙丙 and no division is called 乙丙市.

        >>> g = Gazetteer.from_rows([Division("甲市", "990100", "prefecture", None, None, None),
        ...     Division("乙丙区", "990102", "county", "990100", None, None), Division("丁戊市", "990181", "county", "990100", None, None)])
        >>> g.earlier_county("乙丙市总工会")[1].name, g.earlier_county("乙丙县总工会")[1].name, g.earlier_county("丁戊县总工会")[0]
        ('乙丙区', '乙丙区', '丁戊县')
        >>> g.earlier_county("丁戊区总工会"), g.earlier_county("乙丙市大学工会"), g.earlier_county("乙丙镇总工会")
        (None, None, None)
        """
        found: dict[str, tuple[str, Division]] = {}
        for place, division in self._short_starting(name):
            if division.level != "county" or not name.startswith(place):
                continue
            printed = name[: len(place) + 1]
            after = name[len(printed) :]
            earlier = EARLIER_COUNTY_SUFFIXES.get(division.name[len(place) :], ())
            if printed[-1:] in earlier and after and not after.startswith(NOT_A_PLACE_AFTER_SHORT_NAME) and printed not in self._name_count:
                found[division.code] = (printed, division)
        return next(iter(found.values())) if len(found) == 1 else None

    def abbreviated_place(self, name: str) -> tuple[str, Division] | None:
        """The place a conventional abbreviation at the start of ``name`` stands for, with the
        abbreviation as printed (:data:`PLACE_ABBREVIATIONS`, :data:`PROVINCE_ONE_CHAR`).

        >>> g = default_gazetteer()
        >>> g.abbreviated_place("锡盟总工会")[1].name, g.abbreviated_place("粤总工会")[1].name
        ('锡林郭勒盟', '广东省')
        >>> g.abbreviated_place("巴州区总工会"), g.abbreviated_place("粤港澳大湾区工会")
        (None, None)
        """
        for abbreviation in sorted(PLACE_ABBREVIATIONS, key=len, reverse=True):
            if name.startswith(abbreviation):
                after = name[len(abbreviation) :]
                if after[:1] in PLACE_SUFFIX_STARTS or after.startswith(NOT_A_PLACE_AFTER_SHORT_NAME):
                    return None
                division = self._by_name.get(PLACE_ABBREVIATIONS[abbreviation])
                return (abbreviation, division) if division is not None else None
        code = PROVINCE_ONE_CHAR.get(name[:1])
        if code is not None and name[1:].startswith(ONE_CHAR_FOLLOWER):
            division = self.by_code.get(code)
            return (name[:1], division) if division is not None and division.level == "province" else None
        return None

    def leading_place(self, name: str) -> tuple[str, Division] | None:
        """The place ``name`` begins with, as printed, when that printing names one division: its
        full name (杭州市), an autonomous area's short form (恩施州) or a conventional
        abbreviation (锡盟); the longest such printing."""
        for written, division in self._full_by_initial.get(name[:1], ()):  # longest first
            if name.startswith(written):
                # a name several places have (鼓楼区) names none of them
                return (written, division) if self._name_count.get(written) == 1 else None
        return self.abbreviated_place(name)

    def abbreviated_forms(self, name: str) -> set[str]:
        """``name`` with its leading place written by a conventional abbreviation, as people
        print it (锡林郭勒盟总工会 -> 锡盟总工会; 广东省总工会 -> 粤总工会): the inverse of
        :meth:`abbreviated_place`, kept only when it reads back to the same place.

        >>> g = default_gazetteer()
        >>> sorted(g.abbreviated_forms("湘西土家族苗族自治州总工会")), g.abbreviated_forms("广东省总工会")
        (['湘西州总工会', '湘西总工会'], {'粤总工会'})
        >>> g.abbreviated_forms("广东省工人文化宫"), g.abbreviated_forms("湖州市总工会")
        (set(), set())
        """
        lead = self.leading_place(name)
        if lead is None or lead[0] != lead[1].name:
            return set()
        place, rest = lead[1], name[len(lead[0]) :]
        forms = {abbreviation + rest for abbreviation, full in PLACE_ABBREVIATIONS.items() if full == place.name}
        forms |= {char + rest for char, code in PROVINCE_ONE_CHAR.items() if code == place.code}
        return {form for form in forms if (back := self.abbreviated_place(form)) is not None and back[1].code == place.code}

    def place_ending_at(self, text: str, end: int) -> str | None:
        """The longest place name printed in full (or an autonomous area's short form) that ends at
        ``end`` in ``text``, when that printing names one division: the place before "市总工会"
        in "本单位为某某市总工会".

        >>> g = default_gazetteer()
        >>> t = "本单位为湖州市总工会"
        >>> g.place_ending_at(t, t.index("总工会")), g.place_ending_at("本单位为市总工会", 5)
        ('湖州市', None)
        """
        for start in range(max(0, end - self._longest_written), end - 1):
            written = text[start:end]
            if self._name_count.get(written) == 1:
                return written
        return None

    def leading_place_name(self, name: str) -> str | None:
        """The longest full place name ``name`` begins with, whether or not several places
        have it (鼓楼区), or None."""
        return next((written for written, _ in self._full_by_initial.get(name[:1], ()) if name.startswith(written)), None)

    def own_place_name(self, name: str) -> str:
        """The organisation's name led by its own place alone, in full: the places that enclose
        it are dropped when its name is unique in the country, and a short form of an
        autonomous area or a conventional abbreviation is written in full.  So one body printed
        with or without its city or province, or its area written short, has one name.

        >>> g = default_gazetteer()
        >>> g.own_place_name("湖南省长沙市岳麓区总工会"), g.own_place_name("长沙市岳麓区总工会")
        ('岳麓区总工会', '岳麓区总工会')
        >>> g.own_place_name("恩施州总工会"), g.own_place_name("湖北省恩施州总工会")
        ('恩施土家族苗族自治州总工会', '恩施土家族苗族自治州总工会')

        A district name found in several places keeps its city (福州市鼓楼区); a place that
        does not enclose what follows (另一省的城市) and the body's own place stay.

        >>> g.own_place_name("福州市鼓楼区总工会"), g.own_place_name("湖北省总工会")
        ('福州市鼓楼区总工会', '湖北省总工会')

        A county renamed since the gazetteer's snapshot is enclosed like the county it was:

        >>> g.own_place_name("湖南省宁乡市总工会"), g.own_place_name("杭州市临安区总工会"), g.own_place_name("长沙市宁乡镇总工会")
        ('宁乡市总工会', '临安区总工会', '长沙市宁乡镇总工会')

        A body whose name puts a word before its place (:data:`NAME_LEADS_BEFORE_PLACE`) is placed
        the same way after that word:

        >>> g.own_place_name("共青团重庆市巫山县委员会"), g.own_place_name("共青团巫山县委员会")
        ('共青团巫山县委员会', '共青团巫山县委员会')
        """
        lead = next((w for w in NAME_LEADS_BEFORE_PLACE if name.startswith(w) and self.leading_place_name(name[len(w) :])), None)
        if lead is not None:
            return lead + self.own_place_name(name[len(lead) :])
        name = self._written_in_full(name)
        while True:
            outer = self.leading_place(name)
            if outer is None:
                return name
            rest = self._written_in_full(name[len(outer[0]) :])
            inner = self.leading_place(rest)
            if inner is None:
                # 邢台市桥东区总工会: a former name several places had, one of them in the outer place
                former = self._former_within(rest, outer[1])
                if former is not None:
                    return former
                # 杭州市临安区总工会: a county renamed since the snapshot (RENAMED_COUNTY_SUFFIXES)
                renamed = self._renamed_county(rest)
                return rest if renamed and self._encloses(outer[1], renamed[0]) else name
            if (inner[0] != inner[1].name and inner[0] not in self._former_by_name) or not self._encloses(outer[1], inner[1]):
                return name
            name = rest

    def _former_within(self, name: str, outer: Division) -> str | None:
        """``name`` with its leading former name written as the current one, when that former name
        is, within ``outer``, one renamed place only (邢台市 + 桥东区总工会 -> 襄都区总工会)."""
        for written, _ in self._full_by_initial.get(name[:1], ()):  # longest first
            if not name.startswith(written) or written not in self._former_by_name:
                continue
            inside = [f for f in self._former_by_name[written] if self._encloses(outer, self.by_code[f.code])]
            if len(inside) == 1 and inside[0].kind == FORMER_RENAMED:
                current = self.by_code[inside[0].code]
                if not any(d.code != current.code and d.name == written and self._encloses(outer, d) for d in self.divisions):
                    return current.name + name[len(written) :]
            return None
        return None

    def _written_in_full(self, name: str) -> str:
        """``name`` with a leading short form or abbreviation of a place replaced by its full name.

        A form that ends with its level (恩施州, 锡盟) names the place before any word; a bare stem
        (广西, 湘西, 内蒙) only before 总工会: 广西师范大学 is a university's name, not a place's.

        >>> g = default_gazetteer()
        >>> g._written_in_full("广西总工会"), g._written_in_full("广西师范大学工会"), g._written_in_full("锡盟工人文化宫")
        ('广西壮族自治区总工会', '广西师范大学工会', '锡林郭勒盟工人文化宫')
        """
        lead = self.leading_place(name) or self._province_stem(name)
        if lead is None:
            earlier = self.earlier_county(name)  # 增城市总工会 -> 增城区总工会 (EARLIER_COUNTY_SUFFIXES)
            return earlier[1].name + name[len(earlier[0]) :] if earlier is not None else name
        if lead[0] == lead[1].name:
            return name
        rest = name[len(lead[0]) :]
        if lead[0] in self._former_by_name:  # 宁乡县总工会 -> 宁乡市总工会; a merged place keeps its name
            renamed = self.renamed_from(lead[0])
            return renamed.name + rest if renamed is not None else name
        if lead[0][-1] not in LEVEL_CHARACTERS and not stem_follower(rest):
            return name
        return lead[1].name + rest

    def _province_stem(self, name: str) -> tuple[str, Division] | None:
        """A province printed by its stem before its federation or one of its sector unions
        (:func:`stem_follower`): "宁夏总工会", "西藏教育工会", "湖北教科文卫体工会".

        >>> g = default_gazetteer()
        >>> [g._province_stem(n)[1].name for n in ("宁夏总工会", "西藏教育工会")], g._province_stem("宁夏大学工会")
        (['宁夏回族自治区', '西藏自治区'], None)
        """
        for stem, division in self._short_starting(name):
            if division.level == "province" and name.startswith(stem) and stem_follower(name[len(stem) :]):
                return stem, division
        return None

    def encloses(self, outer: Division, inner: Division) -> bool:
        """Whether ``outer`` is an ancestor of ``inner`` (黑龙江省 of 大庆市; a place does not enclose itself)."""
        return self._encloses(outer, inner)

    def _encloses(self, outer: Division, inner: Division) -> bool:
        current = inner
        while current.parent_code and (parent := self.by_code.get(current.parent_code)):
            if parent.code == outer.code:
                return True
            current = parent
        return False

    @staticmethod
    def _short_name_fits(name: str, place: str, division: Division) -> bool:
        """Whether a short place name at the start of ``name`` is that place (中山大学 is not 中山市)."""
        after = name[len(place):]
        if after.startswith(NOT_A_PLACE_AFTER_SHORT_NAME):
            return False
        if after[:1] in LEVEL_CHARACTERS:
            # 吉林区总工会: a place's stem followed by another level's character is the name of a
            # place the gazetteer does not hold (or misprinted), never the province or city
            return False
        return division.depth < LEVEL_DEPTH["county"] or after.startswith(COUNTY_SHORT_NAME_FOLLOWERS)

    def _ancestors_named(self, division: Division, name: str) -> int:
        """How many of the division's ancestors ``name`` prints (in full or short: 北京朝阳区)."""
        count, current = 0, division
        while current.parent_code and (parent := self.by_code.get(current.parent_code)):
            short = short_name(parent.name)
            count += parent.name in name or (short is not None and short in name)
            current = parent
        return count

    def leading_county(self, name: str) -> list[Division]:
        """The county-level divisions whose full name ``name`` starts with (longest name only):
        "西湖区总工会" -> both 西湖区; "东西湖区总工会" -> 东西湖区 alone."""
        text = simplified(name)
        for length in range(min(len(text), self._longest_county), 1, -1):  # longest name first
            hits = self._counties.get(text[:length])
            if hits:
                return list(hits)
        return []

    def enclosing_place(self, name: str, document_text: str) -> Division | None:
        """The city (or municipality) a name printed without it belongs to, as its document says.

        "西湖区总工会" in a document that prints 杭州市 (its title, a header, the parent
        杭州市总工会) is the Hangzhou district's body; a document printing none, or the
        cities of two 西湖区, says nothing and the name stays as printed.  Only names that
        repeat across the country are placed so (a unique county name is its place already,
        and its body keeps the name it is printed with); counties that hang under a
        province (省直辖县) are not prefixed with the province.

        >>> g = Gazetteer.from_rows([Division("甲市", "990100", "prefecture", "990000", None, None),
        ...     Division("乙市", "990200", "prefecture", "990000", None, None),
        ...     Division("丙区", "990101", "county", "990100", None, None), Division("丙区", "990201", "county", "990200", None, None)])
        >>> g.enclosing_place("丙区总工会", "在甲市总工会领导下").name, g.enclosing_place("丙区总工会", "甲市与乙市")
        ('甲市', None)
        >>> g.enclosing_place("丙区总工会", "在甲市总工会领导下，赴乙市学习").name
        '甲市'

        With no city printed, a printed province that holds one of the districts places it.
        """
        counties = self.leading_county(name)
        if len(counties) < 2:
            return None  # a county name found once in the country names its place already (仁化县)
        text = simplified(document_text)
        parents: dict[str, Division] = {}
        in_printed_province: list[Division] = []  # the cities of candidates whose province is printed
        for county in counties:
            parent = self.by_code.get(county.parent_code or "")
            if parent is None or (parent.level == "province" and not parent.name.endswith(MUNICIPALITY_SUFFIX)):
                continue
            if self._printed(parent, text):
                parents[parent.code] = parent
            province = parent if parent.level == "province" else self.by_code.get(parent.parent_code or "")
            if province is not None and province.name in text:
                in_printed_province.append(parent)
        if len(parents) == 1:
            return next(iter(parents.values()))
        if len(parents) > 1:
            # two such cities printed (a study visit to the other): the one printed right before
            # the district's name (甲市丙区) or as the parent federation (甲市总工会) decides
            county_name = counties[0].name
            for evidence in (county_name, PARENT_FEDERATION_WORD):
                named = [c for c in parents.values() if c.name + evidence in text]
                if len(named) == 1:
                    return named[0]
            return None
        # no city printed, but the province is, and it holds one such district (福建省 -> 福州市's 鼓楼区)
        return in_printed_province[0] if not parents and len(in_printed_province) == 1 else None

    @staticmethod
    def _printed(place: Division, text: str) -> bool:
        return any(form and form in text for form in (place.name, autonomous_short_form(place.name)))

    def code_for(self, org_name: str) -> str | None:
        division = self.division_for(org_name)
        return division.code if division else None

    def parent(self, code: str) -> Division | None:
        division = self.by_code.get(code)
        return self.by_code.get(division.parent_code) if division and division.parent_code else None


def _leftmost_longest(name: str, found: list[tuple[str, Division]]) -> list[tuple[str, Division]]:
    """The place names found in ``name`` that no earlier (or longer) place name overlaps: the
    name is read from its start, so 长沙市区… is 长沙市 and not 沙市区, 东西湖区 not 西湖区.

    >>> a, b = Division("长沙市", "1", "prefecture", None, None, None), Division("沙市区", "2", "county", None, None, None)
    >>> [p for p, _ in _leftmost_longest("长沙市区域中心", [("长沙市", a), ("沙市区", b)])]
    ['长沙市']
    """
    spans = sorted(((name.find(place), len(place), place, d) for place, d in found), key=lambda x: (x[0], -x[1]))
    kept: list[tuple[str, Division]] = []
    taken_until = -1
    ends: dict[int, int] = {}  # start -> end of the kept name starting there (equal names of several places)
    for start, length, place, division in spans:
        if start >= taken_until or ends.get(start) == start + length:
            kept.append((place, division))
            ends.setdefault(start, start + length)
            taken_until = max(taken_until, start + length)
    return kept


def _read_history(path: Path) -> tuple[list[FormerName], list[Division]]:
    """The former names of ``division_history.csv``, and the dissolved places as divisions of
    their own (a document naming one keeps the code the place had)."""
    former: list[FormerName] = []
    dissolved: list[Division] = []
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in HISTORY_COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise InputError(f"{path}: missing columns {', '.join(missing)}; expected {','.join(HISTORY_COLUMNS)}")
            for line_no, row in enumerate(reader, start=2):
                codes = (row["former_code"].strip(), row["code"].strip())
                if not all(c.isdigit() and len(c) == 6 for c in codes):
                    raise InputError(f"{path}:{line_no}: division codes {codes!r} are not 6 digits")
                kind = row["kind"].strip()
                if kind not in (FORMER_RENAMED, FORMER_MERGED, FORMER_DISSOLVED):
                    raise InputError(f"{path}:{line_no}: kind {kind!r} is not renamed, merged or dissolved")
                name = row["former_name"].strip()
                if kind == FORMER_DISSOLVED:
                    parent = row["former_parent_code"].strip() or None
                    dissolved.append(Division(name, codes[0], row["former_level"].strip(), parent, None, None))
                else:
                    former.append(FormerName(name, codes[0], codes[1], kind, row["changed"].strip() or None))
    except OSError as exc:
        raise InputError(f"{path}: cannot read the division history: {exc}") from exc
    return former, dissolved


def read_renames(path: Path, divisions: list[Division]) -> list[FormerName]:
    """The renames of ``division_renames.csv``: places renamed with another name before the
    generated history begins (鄞县 -> 鄞州区, 襄樊市 -> 襄阳市, 思茅地区 -> 普洱市, 日喀则地区 ->
    日喀则市), kept by hand from the civil affairs ministry's yearly lists of changes
    (行政区划变更情况), one row per name with the current code.  Linked from these rows only,
    never from the similarity of two names.  Same columns as ``division_history.csv``; a row is
    ``renamed`` (one place under another name: the body's key writes the current name) or ``merged``
    (a place made part of another, as 塘沽区 of 滨海新区 in 2009 or 崇文区 of 东城区 in 2010: the
    successor's code, the body keeps its printed name, as the history's mergers).

    A row is refused when its current code is no division of the table (a typo would silently
    place nothing), when it is dissolved (no successor: a place of its own, which belongs in the
    generated history), or when a renamed row's former name is a current division's name (日喀则市
    was also the county-level city now 桑珠孜区: listing it would make today's 日喀则市 ambiguous).
    A merged place may share a current division's name (重庆's 双桥区, merged into 大足区 in 2011,
    and 承德's): a bare name is then ambiguous like the history's 桥西区, and a city or municipality
    printed before it decides.
    """
    former, dissolved = _read_history(path)
    by_code = {d.code: d for d in divisions}
    current_names = {d.name for d in divisions}
    if dissolved:
        raise InputError(f"{path}: {dissolved[0].name!r} is dissolved; this table lists renamed or merged places only")
    for f in former:
        if f.kind not in RENAMES_TABLE_KINDS:
            raise InputError(f"{path}: {f.name!r} is {f.kind}; this table lists renamed or merged places only")
        if f.code not in by_code:
            raise InputError(f"{path}: {f.name!r} names the code {f.code}, which is no division of the table")
        if f.kind == FORMER_RENAMED and f.name in current_names:
            raise InputError(f"{path}: {f.name!r} is the name of a current division; a former name must name one place")
    return former


#: The kinds of row ``division_renames.csv`` holds (a dissolved place is a division of its own).
RENAMES_TABLE_KINDS: tuple[str, ...] = (FORMER_RENAMED, FORMER_MERGED)


@cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer shipped in ``data/links/divisions.csv`` with ``division_history.csv`` and
    ``division_renames.csv``."""
    from unionkg.resources import data_dir

    links = data_dir() / "links"
    history, renames = links / "division_history.csv", links / "division_renames.csv"
    return Gazetteer.from_csv(
        links / "divisions.csv", history if history.exists() else None, renames if renames.exists() else None
    )
