"""The term and literal caches of the mapping give exactly the terms rdflib makes."""

from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD

from unionkg.graph import mapping
from unionkg.graph.iris import slug
from unionkg.graph.vocab import UKG


def test_cached_namespace_terms_equal_rdflib_terms() -> None:
    assert mapping.UKG.start == UKG.start and isinstance(mapping.UKG.start, URIRef)
    assert mapping.UKG.start is mapping.UKG.start  # made once
    assert mapping.UKG["cmp-ge"] == UKG["cmp-ge"]
    assert mapping.RDF.type == RDF.type
    assert str(mapping.UKG) == str(UKG)
    with pytest.raises(AttributeError):
        mapping.RDF.notARdfTerm  # a closed namespace still refuses unknown names


@pytest.mark.parametrize("value", [0, 1, 17, -3, 2024, 10**12])
def test_integer_literals_equal_fresh_ones(value: int) -> None:
    fresh = Literal(value, datatype=XSD.integer)
    cached = mapping.integer(value)
    assert cached == fresh and str(cached) == str(fresh) and cached.datatype == XSD.integer
    assert mapping.integer(value) is cached


@pytest.mark.parametrize(
    ("value", "text"),
    [(Decimal("12.50"), "12.5"), (Decimal("1E+3"), "1000.0"), (Decimal("-0.040"), "-0.04"), (3, "3.0"), (Decimal("-0"), "-0.0"), (Decimal("0"), "0.0")],
)
def test_decimal_literals_keep_their_canonical_text(value: Decimal | int, text: str) -> None:
    lit = mapping.dec(value)
    assert str(lit) == text and lit.datatype == XSD.decimal
    assert lit == Literal(text, datatype=XSD.decimal)


@pytest.mark.parametrize("name", ["某某市总工会", "Trade Union", "職工服務中心", ""])
def test_slug_is_the_same_when_cached(name: str) -> None:
    assert slug(name) == slug(name) == slug.__wrapped__(name)  # type: ignore[attr-defined]
    assert slug("某某市总工会") == "mou-mou-shi-zong-gong-hui"


def test_division_look_ups_are_kept_per_gazetteer() -> None:
    from unionkg.graph.places import Division, Gazetteer

    first = Gazetteer.from_rows([Division("甲省", "990000", "province", None, None, None)])
    second = Gazetteer.from_rows([Division("乙省", "980000", "province", None, None, None)])
    assert mapping.division_of(first, "甲省总工会") == first.division_for("甲省总工会") is not None
    assert mapping.division_of(second, "甲省总工会") is None  # another gazetteer, its own answer
    assert mapping.division_of(second, "乙省总工会").code == "980000"  # type: ignore[union-attr]
