"""Round 7: current administrative divisions and their history (``data/links/divisions.csv`` and
``division_history.csv``, built by ``scripts/build_divisions.py``), and place names that are no
place of the body (a district named like a province's stem).

Documents of 2015-2025 print a place's name of their year: a 2016 budget prints 宁乡县, a 2024
final account 宁乡市; both name the current division 430182, and a renamed place's former name
is written as its current name in the body's identity key (one node per body).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from unionkg.errors import InputError
from unionkg.graph.mapping import org_identity_key
from unionkg.graph.places import (
    FORMER_DISSOLVED,
    FORMER_MERGED,
    FORMER_RENAMED,
    HISTORY_COLUMNS,
    Division,
    FormerName,
    Gazetteer,
    default_gazetteer,
)
from unionkg.graph.queries import named_query
from unionkg.graph.store import OxigraphStore
from unionkg.graph.vocab import UKG
from unionkg.pipeline import ingest_paths
from unionkg.resources import data_dir
from unionkg.settings import Settings

LINKS = data_dir() / "links"
CORPUS = Path(__file__).resolve().parents[1] / "extract" / "corpus"


# ---------------------------------------------------------------- the data files


def _rows(name: str) -> list[dict[str, str]]:
    with (LINKS / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_current_table_is_current() -> None:
    """Places created or renamed between the old snapshot (about 2016) and 2025 are there."""
    by_code = {r["code"]: r["name"] for r in _rows("divisions.csv")}
    assert len(by_code) >= 3200
    for code, name in {"430182": "宁乡市", "330112": "临安区", "370215": "即墨区", "540600": "那曲市", "330113": "临平区"}.items():
        assert by_code[code] == name
    # old codes of renamed places are no current places
    assert not {"430124", "330185", "370282"} & set(by_code)
    # no code below the provincial level for Taiwan, Hong Kong, Macau; no development zone
    assert not [c for c in by_code if c[:2] in ("71", "81", "82") and not c.endswith("0000")]
    assert "320576" not in by_code


def test_history_rows_point_at_known_places() -> None:
    current = {r["code"] for r in _rows("divisions.csv")}
    history = _rows("division_history.csv")
    assert set(HISTORY_COLUMNS) <= set(history[0])
    assert len(history) >= 140
    for row in history:
        if row["kind"] == FORMER_DISSOLVED:
            assert row["code"] == row["former_code"] and row["former_code"] not in current, row
            assert row["former_parent_code"] in current, row  # a dissolved place still hangs somewhere
        else:
            assert row["kind"] in (FORMER_RENAMED, FORMER_MERGED) and row["code"] in current, row


# ---------------------------------------------------------------- former names -> current places


@pytest.mark.parametrize(
    ("name", "code", "key"),
    [
        # 撤县设市 / 撤市设区 / 撤县设区: the former name is the current place, the key writes the current name
        ("宁乡县总工会", "430182", "宁乡市总工会"),
        ("湖南省宁乡县总工会", "430182", "宁乡市总工会"),
        ("长沙市宁乡县总工会", "430182", "宁乡市总工会"),
        ("宁乡市总工会", "430182", "宁乡市总工会"),
        ("临安市总工会", "330112", "临安区总工会"),
        ("即墨市总工会", "370215", "即墨区总工会"),
        ("青岛市即墨区总工会", "370215", "即墨区总工会"),
        ("上饶县总工会", "361104", "广信区总工会"),  # a new name, not only a new suffix
        ("那曲地区总工会", "540600", "那曲市总工会"),  # a prefecture
        ("邢台市桥东区总工会", "130502", "襄都区总工会"),  # a former name another city's district still has
        # merged places: the successor's code, the printed name stays the body's own
        ("港闸区总工会", "320613", "港闸区总工会"),
        ("南通市港闸区总工会", "320613", "港闸区总工会"),
        # in traditional characters
        ("寧鄉縣總工會", "430182", "宁乡市总工会"),
        ("臨安市總工會", "330112", "临安区总工会"),
        # negatives: a former name that another place has today, printed alone, is no one place
        ("桥东区总工会", None, "桥东区总工会"),
        ("宁乡镇总工会", None, "宁乡镇总工会"),
    ],
)
def test_former_names(name: str, code: str | None, key: str) -> None:
    g = default_gazetteer()
    division = g.division_for(name)
    assert (division.code if division else None) == code
    assert org_identity_key(name, g) == key


def test_former_names_are_listed() -> None:
    g = default_gazetteer()
    assert [(f.name, f.former_code, f.kind) for f in g.former_names("430182")] == [("宁乡县", "430124", FORMER_RENAMED)]
    # 崇川区 was re-coded under its own name (no former name); 港闸区 merged into it
    assert [(f.name, f.kind) for f in g.former_names("320613")] == [("港闸区", FORMER_MERGED)]


def test_a_dissolved_place_keeps_its_code() -> None:
    """A place with no successor in the current table keeps the code it had, a division of its own."""
    g = default_gazetteer()
    division = g.division_for("西沙群岛工委")
    assert division is not None and division.code == "460321"


def test_synthetic_history() -> None:
    """The rules on a made-up gazetteer (a province, a city, a county renamed and two merged)."""
    divisions = [
        Division("甲省", "990000", "province", None, None, None),
        Division("乙市", "990100", "prefecture", "990000", None, None),
        Division("丙丁区", "990112", "county", "990100", None, None),
        Division("戊己区", "990113", "county", "990100", None, None),
    ]
    former = [
        FormerName("丙丁县", "990121", "990112", FORMER_RENAMED, "2019"),
        FormerName("庚辛区", "990102", "990113", FORMER_MERGED, None),
        FormerName("壬癸区", "990103", "990113", FORMER_MERGED, None),
    ]
    g = Gazetteer(divisions, former)
    assert g.code_for("丙丁县总工会") == "990112" and g.own_place_name("乙市丙丁县总工会") == "丙丁区总工会"
    assert g.code_for("庚辛区总工会") == "990113" and g.own_place_name("庚辛区总工会") == "庚辛区总工会"
    assert g.renamed_from("丙丁县") is not None and g.renamed_from("庚辛区") is None
    assert g.code_for("丙丁镇总工会") is None


def test_bad_history_file_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "d.csv").write_text("name,code,level\n甲省,990000,province\n", encoding="utf-8")
    (tmp_path / "h.csv").write_text(",".join(HISTORY_COLUMNS) + "\n乙县,990121,county,990000,990000,moved,,\n", encoding="utf-8")
    with pytest.raises(InputError, match="h.csv:2"):
        Gazetteer.from_csv(tmp_path / "d.csv", tmp_path / "h.csv")


# ---------------------------------------------------------------- names that are no place of the body


@pytest.mark.parametrize(
    ("name", "code"),
    [
        # a province's or city's stem followed by another level's character names no place we hold
        ("吉林区总工会", None),
        ("吉林县总工会", None),
        ("湖南区总工会", None),
        # repeated district names without their city: an honest unknown
        ("朝阳区总工会", None),
        ("鼓楼区总工会", None),
        ("新华区总工会", None),
        # with their city or province: the right one
        ("长春市朝阳区总工会", "220104"),
        ("北京市朝阳区总工会", "110105"),
        ("沧州市新华区总工会", "130902"),
        ("福州市鼓楼区总工会", "350102"),
        # positives the rule must keep
        ("吉林总工会", "220000"),
        ("吉林市总工会", "220200"),
        ("广西自治区总工会", "450000"),
        ("海南区总工会", "150303"),  # a real district (乌海市), not 海南省
        ("第一师阿拉尔市总工会", "659002"),  # 师市合一: the city's code (decided)
    ],
)
def test_stem_before_another_level(name: str, code: str | None) -> None:
    division = default_gazetteer().division_for(name)
    assert (division.code if division else None) == code


# ---------------------------------------------------------------- end to end: one body over the years


@pytest.fixture(scope="module")
def store() -> OxigraphStore:
    paths = sorted(CORPUS.glob("rt7p_*.txt"))
    assert len(paths) >= 3
    store = OxigraphStore()
    reports = ingest_paths(paths, Settings(store="unused-in-memory", encoder="hash"), store)
    assert all(r.error is None for r in reports), [r.error for r in reports if r.error]
    return store


def _orgs(store: OxigraphStore, label: str) -> set[URIRef]:
    return {row["org"] for row in store.select(named_query("qa_catalog_orgs")).rows if str(row["label"]) == label}


def test_old_and_new_name_are_one_body(store: OxigraphStore) -> None:
    """A 2016 budget printing 即墨市总工会 and a 2024 final account printing 青岛市即墨区总工会."""
    old, new = _orgs(store, "即墨市总工会"), _orgs(store, "青岛市即墨区总工会")
    assert len(old) == 1 and old == new
    body = next(iter(old))
    rows = store.select(f"SELECT ?code WHERE {{ GRAPH ?g {{ <{body}> <{UKG.divisionCode}> ?code }} }}").rows
    assert {str(r["code"]) for r in rows} == {"370215"}
    labels = {r["label"] for r in store.select(named_query("qa_catalog_orgs")).rows if r["org"] == body}
    assert Literal("即墨市总工会", lang="zh") in labels or "即墨市总工会" in {str(x) for x in labels}


def test_district_named_like_a_province_gets_no_code(store: OxigraphStore) -> None:
    (body,) = _orgs(store, "吉林区总工会")
    assert "/id/org/cn/" in str(body)
    rows = store.select(f"SELECT ?code WHERE {{ GRAPH ?g {{ <{body}> <{UKG.divisionCode}> ?code }} }}").rows
    assert rows == []


def test_place_records_its_former_name(store: OxigraphStore) -> None:
    """The links graph's place of the body carries the name it had (ukg:formerLabel) and the year
    that name ended (ukg:formerLabelUntil), as the code lists do for renamed codes."""
    from unionkg.analytics.links import links_graph
    from unionkg.graph.iris import Iris
    from unionkg.settings import Settings as _Settings

    g = links_graph(store, Iris(_Settings(store="unused").base_iri))
    place = Iris(_Settings(store="unused").base_iri).place("370215")
    assert {str(o) for o in g.objects(place, UKG.formerLabel)} == {"即墨市"}
    assert {int(o) for o in g.objects(place, UKG.formerLabelUntil)} <= {2017}


def test_former_district_name_placed_by_its_city(store: OxigraphStore) -> None:
    """A 2018 budget of 桥东区总工会 under 邢台市总工会: today's 襄都区 (one node with its later
    documents), not 张家口市's 桥东区 and not unknown."""
    (body,) = _orgs(store, "邢台市桥东区总工会")
    assert str(body).endswith("/id/org/130502/xiang-dou-qu-zong-gong-hui")  # the slug as pypinyin reads 都


@pytest.mark.parametrize(
    ("name", "candidates", "code"),
    [
        # a short name several places of the same level have, before 总工会: candidates, no guess
        ("鼓楼总工会", 4, None),
        ("通州总工会", 2, None),
        ("西湖总工会", 2, None),
        ("新华总工会", 3, None),
        # one place of the shallowest level: that place
        ("朝阳总工会", 1, "211300"),  # the city (朝阳市) before its county and the districts
        ("吉林总工会", 1, "220000"),
        ("昆山总工会", 1, "320583"),
        ("宁乡总工会", 1, "430182"),
        ("中山大学工会", 0, None),
    ],
)
def test_short_name_ties_are_not_guessed(name: str, candidates: int, code: str | None) -> None:
    g = default_gazetteer()
    assert len(g.divisions_for(name)) == candidates
    assert g.code_for(name) == code
