"""Round 10: places renamed with another name before the generated history begins
(``data/links/division_renames.csv``, read by ``places.read_renames``).

The generated history (``division_history.csv``) starts from a table of about 2016, and the
suffix rules (``EARLIER_COUNTY_SUFFIXES``) only link names with the same stem.  A county made a
district under a new name (鄞县 -> 鄞州区, 开县 -> 开州区, 郧县 -> 郧阳区), a prefecture renamed (襄樊
-> 襄阳, 思茅 -> 普洱) or a 地区 made a city (日喀则地区 -> 日喀则市) was two bodies: the documents of
the old and the new name did not meet.  They are linked from the table, never from the similarity of
two names.

Measured on the names below (HEAD before -> after): old names placed 0/24 -> 24/24, old and new name
one key 1/24 -> 24/24 (那曲地区 was in the history), current names and look-alikes unchanged 15/15.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from unionkg.errors import InputError
from unionkg.graph.mapping import org_identity_key
from unionkg.graph.places import FORMER_RENAMED, HISTORY_COLUMNS, Gazetteer, default_gazetteer
from unionkg.resources import data_dir

LINKS = data_dir() / "links"


def _rows(name: str) -> list[dict[str, str]]:
    with (LINKS / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize(
    ("name", "code", "key"),
    [
        # a county made a district with another name
        ("鄞县总工会", "330212", "鄞州区总工会"),
        ("宁波市鄞县总工会", "330212", "鄞州区总工会"),
        ("开县总工会", "500154", "开州区总工会"),
        ("重庆市开县总工会", "500154", "开州区总工会"),
        ("蓟县总工会", "120119", "蓟州区总工会"),
        ("天津市蓟县总工会", "120119", "蓟州区总工会"),
        ("郧县总工会", "420304", "郧阳区总工会"),
        ("十堰市郧县总工会", "420304", "郧阳区总工会"),
        ("绍兴县总工会", "330603", "柯桥区总工会"),
        ("昌都县总工会", "540302", "卡若区总工会"),
        ("林芝县总工会", "540402", "巴宜区总工会"),
        ("中甸县总工会", "533401", "香格里拉市总工会"),
        ("唐海县总工会", "130209", "曹妃甸区总工会"),
        ("达州市达县总工会", "511703", "达川区总工会"),
        # a district renamed
        ("淮安市楚州区总工会", "320803", "淮安区总工会"),
        ("襄樊市襄阳区总工会", "420607", "襄州区总工会"),
        # a prefecture renamed, and 地区 made 市 (same or another name)
        ("襄樊市总工会", "420600", "襄阳市总工会"),
        ("思茅市总工会", "530800", "普洱市总工会"),
        ("思茅地区总工会", "530800", "普洱市总工会"),
        ("日喀则地区总工会", "540200", "日喀则市总工会"),
        ("吐鲁番地区总工会", "650400", "吐鲁番市总工会"),
        ("铜仁地区总工会", "520600", "铜仁市总工会"),
        # in traditional characters, and another kind of body of the renamed place
        ("襄樊市總工會", "420600", "襄阳市总工会"),
        ("開縣婦聯", "500154", "开州区妇女联合会"),
    ],
)
def test_a_former_name_is_the_current_place(name: str, code: str, key: str) -> None:
    g = default_gazetteer()
    division = g.division_for(name)
    assert (division.code if division else None) == code
    assert org_identity_key(name, g) == key


@pytest.mark.parametrize(
    ("name", "code", "key"),
    [
        # the current names themselves
        ("鄞州区总工会", "330212", "鄞州区总工会"),
        ("襄阳市总工会", "420600", "襄阳市总工会"),
        ("普洱市总工会", "530800", "普洱市总工会"),
        ("日喀则市总工会", "540200", "日喀则市总工会"),
        # places whose names look like a renamed place's, each its own
        ("思茅区总工会", "530802", "思茅区总工会"),  # the district of 普洱市 called so since 2007
        ("淮阴区总工会", "320804", "淮阴区总工会"),  # a district of 淮安市, not the old city
        ("淮安市总工会", "320800", "淮安市总工会"),
        ("绍兴市总工会", "330600", "绍兴市总工会"),
        ("开封市总工会", "410200", "开封市总工会"),
        ("郧西县总工会", "420322", "郧西县总工会"),
        ("达州市总工会", "511700", "达州市总工会"),
        ("通川区总工会", "511702", "通川区总工会"),
        ("襄城区总工会", "420602", "襄城区总工会"),
        # the old name of a place that is still a division under it is no rename of the city
        ("普洱市思茅区总工会", "530802", "思茅区总工会"),
        ("襄阳市襄城区总工会", "420602", "襄城区总工会"),
    ],
)
def test_current_and_look_alike_names_are_unchanged(name: str, code: str | None, key: str) -> None:
    g = default_gazetteer()
    division = g.division_for(name)
    assert (division.code if division else None) == code
    assert org_identity_key(name, g) == key


def test_the_rename_table_is_sound() -> None:
    """Every row a rename to a current division, under a name no current division has."""
    current = {r["code"]: r["name"] for r in _rows("divisions.csv")}
    rows = _rows("division_renames.csv")
    assert set(HISTORY_COLUMNS) <= set(rows[0])
    assert len(rows) >= 25
    for row in rows:
        # round 11: mergers before the history too (塘沽区 -> 滨海新区); only a rename must not reuse a current name
        assert row["kind"] in (FORMER_RENAMED, "merged") and row["code"] in current, row
        assert row["kind"] != FORMER_RENAMED or row["former_name"] not in current.values(), row
        assert row["changed"].isdigit() and row["source"], row
    history = {r["former_name"] for r in _rows("division_history.csv")}
    assert not history & {r["former_name"] for r in rows}  # the generated history is not repeated


def test_renamed_places_list_their_former_names() -> None:
    g = default_gazetteer()
    assert [(f.name, f.changed) for f in g.former_names("530800")] == [("思茅市", "2007"), ("思茅地区", "2003")]  # by former code
    assert [f.name for f in g.former_names("330212") if f.kind == FORMER_RENAMED] == ["鄞县"]  # 江东区 merged into it
    assert g.renamed_from("襄樊市") is not None and g.renamed_from("襄樊市").name == "襄阳市"


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("乙县,990121,county,990100,990112,dissolved,2010,x", "renamed or merged places only"),
        ("乙县,990121,county,990100,990199,renamed,2010,x", "no division"),
        ("乙市,990121,county,990100,990112,renamed,2010,x", "name of a current division"),
    ],
)
def test_a_bad_rename_row_is_an_input_error(tmp_path: Path, row: str, problem: str) -> None:
    (tmp_path / "d.csv").write_text("name,code,level,parent_code\n乙市,990100,prefecture,\n丙区,990112,county,990100\n", encoding="utf-8")
    (tmp_path / "r.csv").write_text(",".join([*HISTORY_COLUMNS, "source"]) + "\n" + row + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=problem):
        Gazetteer.from_csv(tmp_path / "d.csv", None, tmp_path / "r.csv")


def test_a_made_up_rename() -> None:
    """The rule on a made-up table: a county renamed with another name is the district."""
    from unionkg.graph.places import Division, FormerName

    g = Gazetteer(
        [Division("甲市", "990100", "prefecture", None, None, None), Division("乙丙区", "990112", "county", "990100", None, None)],
        [FormerName("丁县", "990121", "990112", FORMER_RENAMED, "2012")],
    )
    assert g.code_for("丁县总工会") == "990112" and g.own_place_name("甲市丁县总工会") == "乙丙区总工会"
    assert g.code_for("丁镇总工会") is None


@pytest.mark.parametrize(
    ("key", "forms"),
    [
        # a word before the place: the same written forms after it (owl:sameAs of the older node)
        ("共青团巫山县委员会", ["共青团重庆市巫山县委员会"]),
        ("中共大武口区委组织部", ["中共石嘴山市大武口区委组织部"]),
        ("巫山县总工会", ["重庆市巫山县总工会"]),
        # negatives: a province-level or city body, a body of no place, a lead before no place
        ("共青团宁夏回族自治区委员会", []),
        ("共青团银川市委员会", []),
        ("共青团某某委员会", []),
    ],
)
def test_superseded_forms_after_a_lead(key: str, forms: list[str]) -> None:
    from unionkg.graph.identity import superseded_keys

    assert superseded_keys(key, default_gazetteer()) == forms
