"""Round 7, places renamed over the years and names that are no place: written documents
(tests/extract/corpus/rt7p_*.txt) with their expected facts in the ``.json`` next to each (keys as in
test_org_rt6o_corpus: ``context``, ``expect``, ``units``, ``divisions``).

* ``rt7p_sd_former_city_budget_2016`` / ``rt7p_sd_renamed_district_final_2024``: one body printed
  with its place's name of each year (即墨市 in 2016, 青岛市即墨区 in 2024): both the current
  division 370215;
* ``rt7p_jl_district_not_province_budget_2023``: a district named like a province's stem
  (吉林区, no such district in the gazetteer): no division, never 吉林省;
* ``rt7p_jl_repeated_district_with_city_final_2023``: a district name several cities have (朝阳区)
  whose city the text prints (长春市总工会): that city's district;
* ``rt7p_hb_repeated_district_no_city_budget_2022``: such a name (新华区) with no city printed:
  no division, an honest unknown;
* ``rt7p_he_former_district_in_city_budget_2018``: a district's former name (桥东区, renamed
  襄都区 in 2020) that another city's district still has, placed by its city in the text:
  the current district 130502, the identity key its current name.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extract.corpus_spec import check_org_document
from unionkg.extract.context import clean_org_name

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("rt7p_*.txt"))


def test_corpus_is_not_shrinking() -> None:
    assert len(CASES) >= 5


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_rt7p_document(path: Path) -> None:
    check_org_document(path)



@pytest.mark.parametrize(
    ("printed", "name"),
    [
        # a prose character before the name goes (NAME_LEAD_STOPCHARS) ...
        ("在某市总工会", "某市总工会"),
        ("由湖州市总工会", "湖州市总工会"),
        ("和某县总工会", "某县总工会"),
        # ... but not when it begins a place's name
        ("即墨市总工会", "即墨市总工会"),
        ("在即墨区总工会", "即墨区总工会"),
        ("和平区总工会", "和平区总工会"),
        ("从化区总工会", "从化区总工会"),
        ("将乐县总工会（本级）", "将乐县总工会"),
        ("与和田地区总工会", "和田地区总工会"),
    ],
)
def test_stop_characters_that_begin_a_place(printed: str, name: str) -> None:
    assert clean_org_name(printed) == name


@pytest.mark.parametrize(
    ("body", "project", "same_as"),
    [
        # a project printed with its body's place under the name of the document's year
        ("即墨区总工会", "即墨市困难职工帮扶资金", True),
        ("即墨市总工会", "即墨区困难职工帮扶资金", True),
        ("宁乡市总工会", "宁乡县劳模慰问经费", True),
        # another place's name is part of the project's name
        ("即墨区总工会", "胶州市困难职工帮扶资金", False),
        ("宁乡市总工会", "浏阳市劳模慰问经费", False),
    ],
)
def test_project_prefix_of_a_former_place_name(body: str, project: str, same_as: bool) -> None:
    from unionkg.extract.resolve import place_prefixes, project_key

    bare = project[3:]
    assert (project_key(project, place_prefixes(body)) == project_key(bare, place_prefixes(body))) is same_as
