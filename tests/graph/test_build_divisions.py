"""scripts/build_divisions.py on made-up code tables: how a former place is linked to its current
one (same code, dated change, same name moved, same stem), renamed vs merged vs dissolved, and
which rows of the current table are no division.  (The real build reads three wheels; see its
docstring.  The committed output is checked in test_rt7p_divisions.)"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_divisions.py"


@pytest.fixture(scope="module")
def build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_divisions", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_divisions"] = module
    spec.loader.exec_module(module)
    return module


def _adcodes(rows: dict[str, str]) -> str:
    return "adcode,name\n" + "".join(f"{code}000000,{name}\n" for code, name in rows.items())


OLD = {
    "980000": "甲省",
    "980100": "乙市",
    "980101": "市辖区",  # placeholder
    "980102": "东城区",  # same place, same code
    "980103": "南城区",  # same code, new name
    "980121": "丙丁县",  # 撤县设市: new code, same stem
    "980122": "戊己县",  # dated change to a new district
    "980104": "庚区",  # merged with 辛区
    "980105": "辛区",
    "980123": "壬县",  # no successor
    "989001": "癸市",  # 省直辖, moved under 乙市 with a new code
}
CURRENT = {
    "980000": "甲省",
    "980100": "乙市",
    "980102": "东城区",
    "980103": "新南区",
    "980181": "丙丁市",
    "980111": "子午区",
    "980112": "庚辛区",
    "980182": "癸市",
    "710000": "台湾省",
    "710100": "台北市",  # no GB/T 2260 code below the province
    "990000": "苏鲁交界",  # no division
}
CHANGES = (
    "2020-06-05\t国批\t甲省\t甲\t乙市\t乙\t戊己县\t戊己=>甲省\t乙市\t子午区\n"
    "2020-06-05\t国批\t甲省\t甲\t乙市\t乙\t庚区\t庚=>甲省\t乙市\t庚辛区\n"
    "2020-06-05\t国批\t甲省\t甲\t乙市\t乙\t辛区\t辛=>甲省\t乙市\t庚辛区\n"
)


@pytest.fixture(scope="module")
def history(build: ModuleType) -> dict[str, dict[str, str]]:
    old = build.read_adcodes(_adcodes(OLD))
    current = build.current_table(build.read_adcodes(_adcodes(CURRENT)))
    return {row["former_name"]: row for row in build.link_former(old, current, CHANGES)}


@pytest.mark.parametrize(
    ("former", "code", "kind", "changed"),
    [
        ("南城区", "980103", "renamed", ""),  # same code, new name
        ("丙丁县", "980181", "renamed", ""),  # same stem under the same parent
        ("戊己县", "980111", "renamed", "2020-06-05"),  # the dated change list
        ("庚区", "980112", "merged", "2020-06-05"),
        ("辛区", "980112", "merged", "2020-06-05"),
        ("壬县", "980123", "dissolved", ""),  # keeps its own code
        ("癸市", "980182", "renamed", ""),  # same name in the province, the old parent the province
    ],
)
def test_former_place_links(history: dict[str, dict[str, str]], former: str, code: str, kind: str, changed: str) -> None:
    row = history[former]
    assert (row["code"], row["kind"], row["changed"]) == (code, kind, changed)


def test_unchanged_places_and_placeholders_are_no_history(history: dict[str, dict[str, str]]) -> None:
    assert "东城区" not in history and "市辖区" not in history and "乙市" not in history
    assert len(history) == 7  # every other real place of the old table


def test_current_table_drops_non_divisions(build: ModuleType) -> None:
    table = build.current_table(build.read_adcodes(_adcodes(CURRENT)))
    assert "710000" in table and "710100" not in table and "990000" not in table
    assert {row["code"] for row in build.build(build.read_adcodes(_adcodes(CURRENT)))} == set(table)


def test_municipality_prefecture_row_is_a_placeholder(build: ModuleType) -> None:
    names = {"970000": "某某市", "970100": "某某市", "970101": "东区"}
    assert build.is_placeholder("970100", "某某市", names)
    assert build.parent_of("970101", names) == "970000"  # a municipality's district hangs under it


@pytest.mark.parametrize(("name", "stem"), [("宁远县", "宁远"), ("某某市", "某某"), ("某某自治县", "某某"), ("沙县", "沙县")])
def test_stem(build: ModuleType, name: str, stem: str) -> None:
    assert build.stem(name) == stem
