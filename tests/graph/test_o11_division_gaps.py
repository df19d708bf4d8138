"""Round 12 (o11): the 2000-2016 changes of the GB/T 2260 revisions that the linking steps of
``scripts/build_divisions.py`` missed, as general rules, on made-up revision tables (province 93, names
of no real place), and the committed rows they give.

- an autonomous county's stem is its place without its peoples (某江土家族苗族自治县 -> 某江: 某江区);
- a one-character stem (耀县-like 某县) is continued by the one new place under its parent that begins
  with it and has one more character before the level (某州区);
- the one new place under a parent that no removed place continues by code or stem is the successor
  of the removed places that have none: a merger when they are several districts (沧浪/平江/金阊 -> 姑苏
  2012-like), a rename when the one removed place was a 县 / 旗 / 市 (撤县设区 under another name); two
  such new places, a lone district, or a removed place the hand-kept tables place give nothing.

Places absorbed by a district that existed (卢湾区 -> 黄浦区 2011) are not in the revision tables'
shape (no new code): they are hand-kept ``merged`` rows of division_renames.csv, checked below.
"""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "build_divisions.py"
LINKS = ROOT / "data" / "links"


@pytest.fixture(scope="module")
def build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_divisions_o11", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_divisions_o11"] = module
    spec.loader.exec_module(module)
    return module


def _link(build: ModuleType, before: dict[str, str], after: dict[str, str], known: Any = None) -> dict[str, dict[str, str]]:
    rows, _skipped = build.link_revisions([("200812", before), ("200912", after)], after, known or {}, "")
    return {row["former_name"]: row for row in rows}


PROVINCE = {"930000": "庚省", "930100": "辛城市"}


# ---------------------------------------------------------------------------------------------
# stem(): an autonomous county without its peoples


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("某江土家族苗族自治县", "某江"),  # two peoples
        ("青岭彝族自治县", "青岭"),
        ("北原蒙古族自治旗", "北原"),
        ("长溪县", "长溪"),  # no autonomous area: the level suffix alone
        ("某江区", "某江"),
        ("沙县", "沙县"),  # one character: the whole name (no stem of one character)
    ],
)
def test_stem_of_an_autonomous_county_drops_its_peoples(build: ModuleType, name: str, expected: str) -> None:
    assert build.stem(name) == expected


def test_an_autonomous_county_made_a_district_keeps_its_place(build: ModuleType) -> None:
    before = {**PROVINCE, "930121": "某江土家族苗族自治县", "930122": "长溪县"}
    after = {**PROVINCE, "930103": "某江区", "930122": "长溪县"}
    row = _link(build, before, after)["某江土家族苗族自治县"]
    assert (row["code"], row["kind"], row["changed"]) == ("930103", "renamed", "2009-12")
    assert "same stem" in row["source"]
    # another place's district is no successor: a stem that differs gives no row
    other = {**PROVINCE, "930103": "某河区", "930104": "某山区", "930122": "长溪县"}
    assert "某江土家族苗族自治县" not in _link(build, before, other)


# ---------------------------------------------------------------------------------------------
# a one-character stem


@pytest.mark.parametrize(
    ("new_places", "expected"),
    [
        ({"930104": "耕州区"}, "930104"),  # 某县 -> 某州区
        ({"930104": "耕城区", "930105": "新湾区"}, "930104"),  # the one beginning with it, beside another new place
        ({"930104": "耕州区", "930105": "耕城区"}, None),  # two beginning with it: no guess
        # beside another new place (so that the one-new-place rule says nothing either):
        ({"930104": "耕田新区", "930106": "云台区"}, None),  # more than one character after it: another place
        ({"930104": "南耕区", "930106": "云台区"}, None),  # the character elsewhere in the name is no stem
        ({"930104": "耕田新区"}, "930104"),  # alone, the one new place under the parent continues the county
    ],
)
def test_a_one_character_stem_is_continued_by_the_one_new_place_beginning_with_it(
    build: ModuleType, new_places: dict[str, str], expected: str | None
) -> None:
    before = {**PROVINCE, "930121": "耕县", "930122": "长溪县", "930123": "新湾县"}
    after = {**PROVINCE, "930122": "长溪县", **new_places}
    if "新湾区" in new_places.values():  # 新湾县 continues as 新湾区 by its stem
        after.pop("930123", None)
    else:
        after["930123"] = "新湾县"
    rows = _link(build, before, after)
    assert (rows["耕县"]["code"] if "耕县" in rows else None) == expected


# ---------------------------------------------------------------------------------------------
# the one new place under the parent that no removed place continues


def test_districts_merged_under_a_new_name_are_merged_into_it(build: ModuleType) -> None:
    before = {**PROVINCE, "930102": "甲坊区", "930103": "乙桥区", "930104": "丙门区", "930181": "西岭市", "930105": "丁园区"}
    after = {**PROVINCE, "930108": "古城区", "930109": "西岭区", "930105": "丁园区"}
    rows = _link(build, before, after)
    for former in ("甲坊区", "乙桥区", "丙门区"):
        assert (rows[former]["code"], rows[former]["kind"]) == ("930108", "merged")
        assert "several places removed" in rows[former]["source"]
    assert (rows["西岭市"]["code"], rows["西岭市"]["kind"]) == ("930109", "renamed")  # its stem's successor


@pytest.mark.parametrize(
    ("removed", "new", "expected"),
    [
        ({"930121": "北坪县"}, {"930106": "望川区"}, ("930106", "renamed")),  # 撤县设区 under another name
        ({"930121": "北坪县"}, {"930182": "望川市"}, ("930182", "renamed")),  # 撤县设市 under another name
        ({"930181": "北坪市"}, {"930106": "望川区"}, ("930106", "renamed")),  # a county-level city made a district
        ({"930121": "北坪县"}, {"930106": "望川区", "930107": "云台新区"}, None),  # two new places: no guess
        ({"930102": "北坪区"}, {"930106": "望川区"}, None),  # a lone district: absorbed by a neighbour perhaps
        ({"930102": "北坪区", "930121": "南坪县"}, {"930106": "望川区"}, None),  # a county among the orphans
        ({"930121": "北坪县"}, {}, None),  # no new place: absorbed
    ],
)
def test_the_one_new_place_under_the_parent(build: ModuleType, removed: dict[str, str], new: dict[str, str], expected: tuple[str, str] | None) -> None:
    kept = {"930105": "丁园区"}
    rows = _link(build, {**PROVINCE, **kept, **removed}, {**PROVINCE, **kept, **new})
    first = next(iter(removed.values()))
    assert ((rows[first]["code"], rows[first]["kind"]) if first in rows else None) == expected


def test_a_place_the_hand_kept_tables_place_is_no_orphan(build: ModuleType) -> None:
    """A district absorbed by a neighbour that existed (kept by hand) leaves the county beside it the one
    orphan: the county is renamed to the new district, not merged with the district."""
    before = {**PROVINCE, "930102": "北坪区", "930121": "南坪县", "930105": "丁园区"}
    after = {**PROVINCE, "930106": "望川区", "930105": "丁园区"}
    assert "南坪县" not in _link(build, before, after)  # a district and a county: no guess
    known = {("930102", "北坪区"): ("930105", "merged", "2009")}
    rows = _link(build, before, after, known)
    assert (rows["南坪县"]["code"], rows["南坪县"]["kind"]) == ("930106", "renamed")
    assert "北坪区" not in rows  # the hand-kept row is the one


def test_a_county_moved_under_its_own_name_is_no_orphan(build: ModuleType) -> None:
    """A 地区 made a 市: its counties move under their names; the seat county, the one orphan, becomes the
    one new district."""
    before = {"930000": "庚省", "932100": "柏林地区", "932121": "柏林县", "932122": "松下县", "932123": "竹前县"}
    after = {"930000": "庚省", "930200": "柏林市", "930202": "明川区", "930221": "松下县", "930222": "竹前县"}
    rows = _link(build, before, after)
    assert (rows["柏林县"]["code"], rows["柏林县"]["kind"]) == ("930202", "renamed")
    assert "several places" not in rows["柏林县"]["source"]
    assert "松下县" not in rows


# ---------------------------------------------------------------------------------------------
# the committed tables


def _rows(name: str) -> list[dict[str, str]]:
    with (LINKS / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def divisions() -> dict[str, dict[str, str]]:
    return {row["code"]: row for row in _rows("divisions.csv")}


@pytest.mark.parametrize(
    ("former", "code", "kind", "changed"),
    [
        ("黔江土家族苗族自治县", "500114", "renamed", "2000-12"),  # autonomous county -> district
        ("耀县", "610204", "renamed", "2002-12"),  # one-character stem
        ("陕县", "411203", "renamed", "2015-03"),
        ("华县", "610503", "renamed", "2015-11"),
        ("沧浪区", "320508", "merged", "2012"),  # districts merged under a new name
        ("平江区", "320508", "merged", "2012"),
        ("金阊区", "320508", "merged", "2012"),
        ("宜昌县", "420506", "renamed", "2001-12"),  # 撤县设区 under another name
        ("遵义县", "520304", "renamed", "2016-06"),
    ],
)
def test_generated_rows(former: str, code: str, kind: str, changed: str) -> None:
    rows = {row["former_name"]: row for row in _rows("division_history.csv")}
    assert (rows[former]["code"], rows[former]["kind"], rows[former]["changed"]) == (code, kind, changed)


@pytest.mark.parametrize(
    ("former", "code", "kind"),
    [("卢湾区", "310101", "merged"), ("闸北区", "310106", "merged"), ("居巢区", "340181", "renamed"), ("星子县", "360483", "renamed")],
)
def test_hand_kept_rows(former: str, code: str, kind: str) -> None:
    rows = {row["former_name"]: row for row in _rows("division_renames.csv")}
    assert (rows[former]["code"], rows[former]["kind"]) == (code, kind)


def test_every_successor_is_a_current_division_of_the_same_province(divisions: dict[str, dict[str, str]]) -> None:
    for row in _rows("division_renames.csv") + _rows("division_history.csv"):
        if row["kind"] == "dissolved":
            continue
        assert row["code"] in divisions, row
        assert row["code"][:2] == row["former_code"][:2], row


# ---------------------------------------------------------------------------------------------
# written documents of old years (tests/graph/o11_docs): each body at its successor's code, the change
# recorded in the links graph (ukg:formerLabel of a renamed place, ukg:mergedFrom of a merged one)

DOCS = Path(__file__).resolve().parent / "o11_docs"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from unionkg.graph.store import OxigraphStore
    from unionkg.pipeline import ingest_file
    from unionkg.settings import Settings

    tmp = tmp_path_factory.mktemp("o11")
    store = OxigraphStore()
    settings = Settings(store=str(tmp / "store"), encoder="hash")
    for path in sorted(DOCS.glob("o11_*.txt")):
        report = ingest_file(path, settings, store)
        assert report.error is None, report.error
    return store


@pytest.mark.parametrize(
    ("doc", "body", "code"),
    [
        ("o11_cq_autonomous_county_union_budget_1999.txt", "黔江土家族苗族自治县总工会", "500114"),
        ("o11_sn_one_char_county_union_final_2001.txt", "耀县总工会", "610204"),
        ("o11_js_merged_district_union_budget_2010.txt", "苏州市沧浪区总工会", "320508"),
        ("o11_sh_merged_district_union_final_2009.txt", "卢湾区总工会", "310101"),
    ],
)
def test_an_old_years_body_is_at_its_successors_code(store: Any, doc: str, body: str, code: str) -> None:
    from unionkg.graph.places import default_gazetteer
    from unionkg.qa.linking import Catalog

    assert (DOCS / doc).read_text(encoding="utf-8").startswith(body)
    assert default_gazetteer().code_for(body) == code
    assert code in {iri.split("/id/org/")[1].split("/")[0] for iri in Catalog(store).orgs}


def test_the_links_graph_records_the_changes(store: Any) -> None:
    from rdflib.namespace import SKOS

    from unionkg.analytics.links import links_graph
    from unionkg.graph.iris import Iris
    from unionkg.graph.vocab import UKG
    from unionkg.settings import DEFAULT_BASE_IRI

    iris = Iris(DEFAULT_BASE_IRI)
    links = links_graph(store, iris)
    assert "黔江土家族苗族自治县" in {str(o) for o in links.objects(iris.place("500114"), UKG.formerLabel)}
    assert "耀县" in {str(o) for o in links.objects(iris.place("610204"), UKG.formerLabel)}
    merged = {
        code: {(str(links.value(n, SKOS.prefLabel)), str(links.value(n, UKG.mergedIn))) for n in links.objects(iris.place(code), UKG.mergedFrom)}
        for code in ("320508", "310101")
    }
    assert {("沧浪区", "2012"), ("平江区", "2012"), ("金阊区", "2012")} <= merged["320508"]
    assert ("卢湾区", "2011") in merged["310101"]
