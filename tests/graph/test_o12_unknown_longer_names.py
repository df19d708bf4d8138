"""Round 12 (o12): a place name found inside a longer place name the gazetteer does not know.

A two-character former name (陵县, 安县) or current name (岚县) matched inside an old or unknown county's
name: a body of 零陵县 was placed at 陵城区 (via the former 陵县), one of 泰安县 at 安州区 (former 安县),
大岚县 at 岚县: wrong facts.  Rule (places.Gazetteer.starts_inside_unknown_name): a name found after one
to UNKNOWN_STEM_MAX_CHARS characters that are no known place, lead word (共青团, 中共), level character
or company word (WORDS_BEFORE_BRANCH_PLACE) is the tail of that unknown longer name, no match.

Before -> after on the names below: wrong codes 6 -> 0 (零陵县 now at 零陵区 by the earlier-suffix rule,
泰安县/大岚县/金陵县/丙岚县 none); positives 17/17 unchanged; the 834 organisation names of the samples,
tests/extract/corpus, tests/qa/*_docs and tests/graph/*_docs: 0 codes changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from unionkg.graph.places import (
    UNKNOWN_STEM_MAX_CHARS,
    WORDS_BEFORE_BRANCH_PLACE,
    Division,
    FormerName,
    Gazetteer,
    default_gazetteer,
)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        # positive: the place printed at the start, after its province/city (full or short) or a lead
        ("盘锦市大洼区总工会", "211104"),
        ("辽宁省大洼县总工会", "211104"),
        ("安县总工会", "510705"),
        ("陵县总工会", "371403"),
        ("岚县总工会", "141127"),
        ("绵阳市安县总工会", "510705"),
        ("德州市陵县总工会", "371403"),
        ("山东省陵县总工会", "371403"),
        ("四川安县总工会", "510705"),  # the province's short form before it
        ("共青团安县委员会", "510705"),
        ("中共陵县县委", "371403"),
        ("中国邮政集团公司安县分公司工会", "510705"),  # after a company's word
        ("中国农业银行安县支行工会", "510705"),  # a run longer than a stem's rest: the body's own words
        ("新疆生产建设兵团第一师阿拉尔市总工会", "659002"),
        # current names holding a short name: the longest known name wins as before
        ("吉安县总工会", "360821"),
        ("远安县总工会", "420525"),
        ("江陵县总工会", "421024"),
        ("新安县总工会", "410323"),
        # negative: the tail of a longer county name the gazetteer does not know
        ("泰安县总工会", None),
        ("大岚县总工会", None),
        ("金陵县总工会", None),
        ("泰安縣總工會", None),  # traditional characters
        ("丙岚县教育工会", None),
        # 零陵县: no former 陵县; the county-level place of its stem under an earlier suffix (零陵区)
        ("零陵县总工会", "431102"),
    ],
)
def test_a_place_inside_an_unknown_longer_name_is_no_match(name: str, code: str | None) -> None:
    division = default_gazetteer().division_for(name)
    assert (division.code if division else None) == code


def _made_up() -> Gazetteer:
    """A province 98 of made-up names: 庚辛省 > 壬癸市 > 丙州区 (formerly 丙县) and 戊县."""
    rows = [
        Division("庚辛省", "980000", "province", None, None, None),
        Division("壬癸市", "980100", "prefecture", "980000", None, None),
        Division("丙州区", "980102", "county", "980100", None, None),
        Division("戊县", "980121", "county", "980100", None, None),
    ]
    gazetteer = Gazetteer(rows, [FormerName("丙县", "980101", "980102", "renamed", "2015")])
    return gazetteer


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("丙县总工会", "980102"),  # the former name at the start
        ("壬癸市丙县总工会", "980102"),  # after its city
        ("庚辛省丙县总工会", "980102"),  # after its province
        ("庚辛丙县总工会", "980102"),  # after the province's short form
        ("中共丙县委员会", "980102"),  # after a lead word
        ("某某市丙县总工会", "980102"),  # after an unknown city ending with its level character
        ("某某集团公司丙县分公司工会", "980102"),  # after a company's word
        ("第二师丙县总工会", "980102"),  # after a 兵团 师 (师市合一)
        ("己丙县总工会", None),  # 己丙县: unknown, no former 丙县
        ("己甲丙县总工会", None),
        ("己甲乙丙县总工会", None),  # three characters: still a stem's rest
        ("己戊县总工会", None),  # a current name's tail likewise
        ("己戊县", None),
    ],
)
def test_the_rule_on_made_up_places(name: str, code: str | None) -> None:
    division = _made_up().division_for(name)
    assert (division.code if division else None) == code


@pytest.mark.parametrize(
    ("name", "inside"),
    [
        ("己丙县总工会", True),
        ("己甲乙丙县总工会", True),
        ("己甲乙丁丙县总工会", False),  # longer than UNKNOWN_STEM_MAX_CHARS: words of the body's name
        ("丙县总工会", False),
        ("壬癸市丙县总工会", False),
        ("庚辛丙县总工会", False),
        ("共青团丙县委员会", False),
        ("某某银行丙县支行工会", False),
        ("ABC丙县总工会", False),  # a character that is no Chinese one ends the run
    ],
)
def test_starts_inside_unknown_name(name: str, inside: bool) -> None:
    assert _made_up().starts_inside_unknown_name(name, name.find("丙县")) is inside


def test_named_tables() -> None:
    assert UNKNOWN_STEM_MAX_CHARS == 3
    assert {"公司", "集团", "银行", "国网"} <= set(WORDS_BEFORE_BRANCH_PLACE)
    # a word of the table is no place's name: it never reads as a place itself
    assert all(default_gazetteer().division_for(word) is None for word in WORDS_BEFORE_BRANCH_PLACE)


# ---------------------------------------------------------------------------------------------
# written documents (tests/graph/o12_docs): a 2003 budget of an unknown county (大岚县), a 2005 final
# account in 元 and traditional characters (泰安縣), a 2012 budget of 德州市陵县 (now 陵城区)

DOCS = Path(__file__).resolve().parent / "o12_docs"


@pytest.fixture(scope="module")
def org_codes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[str]]:
    from unionkg.graph.store import OxigraphStore
    from unionkg.pipeline import ingest_file
    from unionkg.qa.linking import Catalog
    from unionkg.settings import Settings

    codes: dict[str, set[str]] = {}
    for path in sorted(DOCS.glob("o12_*.txt")):
        tmp = tmp_path_factory.mktemp("o12")
        store: Any = OxigraphStore()
        report = ingest_file(path, Settings(store=str(tmp / "store"), encoder="hash"), store)
        assert report.error is None, report.error
        codes[path.name] = {iri.split("/id/org/")[1].split("/")[0] for iri in Catalog(store).orgs}
    return codes


@pytest.mark.parametrize(
    ("doc", "wrong", "right"),
    [
        ("o12_sx_unknown_county_union_budget_2003.txt", "141127", None),
        ("o12_sd_old_county_union_final_2005.txt", "510705", None),
        ("o12_sd_former_county_union_budget_2012.txt", None, "371403"),
    ],
)
def test_written_documents(org_codes: dict[str, set[str]], doc: str, wrong: str | None, right: str | None) -> None:
    assert wrong is None or wrong not in org_codes[doc]
    assert right is None or right in org_codes[doc]
