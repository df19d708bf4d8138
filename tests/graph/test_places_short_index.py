"""The gazetteer's short names indexed by first character (speed only) give, for any name, exactly
the pairs a scan of every short name gives, in the same order."""

from __future__ import annotations

import pytest

from unionkg.graph.places import default_gazetteer


@pytest.mark.parametrize(
    "name",
    ["岳麓区总工会", "宁乡市总工会", "鼓楼区总工会", "恩施州总工会", "增城市总工会", "遵義市總工會", "Some union", "", "某市总工会", "南沙区总工会"],
)
def test_short_names_by_first_character_match_a_full_scan(name: str) -> None:
    g = default_gazetteer()
    scanned = [(place, d) for place, d in g._short if name.startswith(place)]
    indexed = [(place, d) for place, d in g._short_starting(name) if name.startswith(place)]
    assert indexed == scanned
    assert all(place[:1] == name[:1] for place, _ in g._short_starting(name))
