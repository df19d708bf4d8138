"""A body's names written with a former name of its place (qa/linking.former_name_labels).

荷泽市 was renamed 菏泽市 (2005, division_history.csv): the League committee printed as
"共青团菏泽市委员会" must also be found as "共青团荷泽市委员会" (its place after the prefix 共青团),
not only the federation, whose name opens with the place.
"""

from __future__ import annotations

from unionkg.qa.linking import OrgEntry, former_name_labels

HEZE = "371700"


def _entry(*labels: str, division: str = HEZE) -> OrgEntry:
    return OrgEntry(iri="urn:x", label=labels[0], labels=set(labels), division=division)


def test_federation_gets_the_former_place_name() -> None:
    assert "荷泽市总工会" in former_name_labels(_entry("菏泽市总工会"))


def test_a_league_committee_after_its_prefix_gets_it_too() -> None:
    assert "共青团荷泽市委员会" in former_name_labels(_entry("共青团菏泽市委员会"))


def test_a_name_whose_place_is_another_gets_none() -> None:
    # negative: a body of another place under the same code must not be renamed by 菏泽's history
    assert former_name_labels(_entry("济南市总工会")) == set()
    assert former_name_labels(_entry("共青团济南市委员会")) == set()


def test_a_body_without_a_division_gets_none() -> None:
    assert former_name_labels(_entry("共青团菏泽市委员会", division="")) == set()
