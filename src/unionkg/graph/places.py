"""Gazetteer: place names -> GB/T 2260 administrative division codes.

Reads ``data/links/divisions.csv`` (columns ``name,code,level,parent_code,
wikidata,iso3166_2,source``).  Organisation names begin with their place
("江西省南昌市总工会", "柳州市总工会", "廣西總工會"), so the division of a
body is the most specific place whose name, or short name, the organisation
name starts with or contains.

>>> from pathlib import Path
>>> g = Gazetteer.from_rows([Division("江西省", "360000", "province", None, None, None)])
>>> g.division_for("江西省总工会").code
'360000'
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from unionkg.errors import InputError

# Suffixes a place name may drop in an organisation name ("江西省" -> "江西",
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

CSV_COLUMNS: tuple[str, ...] = ("name", "code", "level", "parent_code", "wikidata", "iso3166_2", "source")

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


def short_name(name: str) -> str | None:
    """The place name without its administrative suffix, if long enough."""
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
    def __init__(self, divisions: list[Division]):
        self.divisions = divisions
        self.by_code = {d.code: d for d in divisions}
        self._full = sorted(((d.name, d) for d in divisions), key=lambda p: -len(p[0]))
        self._short = [(s, d) for d in divisions if (s := short_name(d.name))]

    @classmethod
    def from_rows(cls, rows: list[Division]) -> "Gazetteer":
        return cls(rows)

    @classmethod
    def from_csv(cls, path: Path) -> "Gazetteer":
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
        return cls(rows)

    def division_for(self, org_name: str) -> Division | None:
        """The most specific division named in ``org_name``, or None."""
        name = simplified(org_name)
        full = [d for place, d in self._full if place in name]
        if full:
            # 江西省南昌市总工会 names both; the deeper division is the body's.
            # County names repeat across provinces (朝阳区): prefer the one whose
            # ancestors are also named, then the deeper, then the longer name.
            codes = {d.code for d in full}
            return max(full, key=lambda d: (self._ancestors_named(d, codes), d.depth, len(d.name), d.code))
        short = [(place, d) for place, d in self._short if name.startswith(place)]
        if not short:
            return None
        # 吉林总工会: prefer the shallower level for an ambiguous short name.
        return min(short, key=lambda p: (-len(p[0]), p[1].depth))[1]

    def _ancestors_named(self, division: Division, codes: set[str]) -> int:
        count, current = 0, division
        while current.parent_code and (parent := self.by_code.get(current.parent_code)):
            count += parent.code in codes
            current = parent
        return count

    def code_for(self, org_name: str) -> str | None:
        division = self.division_for(org_name)
        return division.code if division else None

    def parent(self, code: str) -> Division | None:
        division = self.by_code.get(code)
        return self.by_code.get(division.parent_code) if division and division.parent_code else None


@cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer shipped in ``data/links/divisions.csv``."""
    from unionkg.resources import data_dir

    return Gazetteer.from_csv(data_dir() / "links" / "divisions.csv")
