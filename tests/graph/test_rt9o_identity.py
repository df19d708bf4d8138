"""Stable identities (round 9): re-ingesting a document mints the same IRIs, and a change of the
identity rules (a place table that grows, a rule table that is added) leaves no duplicate body
once the documents are re-ingested; until then the new node names the old one ``owl:sameAs``
(graph/identity.py) and ``superseded_org_nodes.rq`` lists the documents still to re-ingest.

Written documents of bodies in 广东 (广州's 南沙区 and 增城区), none of the samples.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import URIRef
from rdflib.namespace import OWL

from unionkg.extract import resolve
from unionkg.graph import identity, mapping, places
from unionkg.graph.identity import SUPERSEDED_KEY_FORMS, superseded_keys, superseded_nodes
from unionkg.graph.places import Gazetteer, default_gazetteer
from unionkg.graph.store import OxigraphStore
from unionkg.pipeline import ingest_file
from unionkg.settings import DEFAULT_BASE_IRI, Settings

ORG = DEFAULT_BASE_IRI.rstrip("/") + "/id/org/"


def _budget(body: str, year: int, amount: str) -> str:
    return f"{body}{year}年部门预算\n\n一、部门基本情况\n{body}负责全区工会工作。\n二、收支预算情况\n{year}年收入预算{amount}万元。\n"


DOCUMENTS: dict[str, str] = {
    "ns_2023.txt": _budget("广州市南沙区总工会", 2023, "402.10"),
    "ns_2024.txt": _budget("广州市南沙区总工会", 2024, "415.30"),
    "zc_2013.txt": _budget("萧山县总工会", 1987, "560.00"),
    "zc_2016.txt": _budget("杭州市萧山区总工会", 2016, "610.00"),
}


def _rules_changed() -> None:
    """A rule change is a new release (a new process); in one test process the look-ups kept per
    name must be forgotten."""
    mapping.division_of.cache_clear()
    mapping.org_identity_key.cache_clear()
    resolve._canonical_org.cache_clear()
    resolve.place_prefixes.cache_clear()
    identity._superseded_keys.cache_clear()


def _write(tmp: Path, name: str) -> Path:
    path = tmp / name
    path.write_text(DOCUMENTS[name], encoding="utf-8")
    return path


def _bodies(store: OxigraphStore) -> dict[str, set[str]]:
    """Federation IRI -> the documents' graphs that type it, over the whole store."""
    rows = store.select(
        "PREFIX ukg: <https://w3id.org/unionkg/def/ukg#> PREFIX org: <http://www.w3.org/ns/org#> "
        "SELECT ?org ?g WHERE { GRAPH ?g { ?org a org:FormalOrganization ; ukg:role ukg:Federation } }"
    ).rows
    out: dict[str, set[str]] = {}
    for row in rows:
        out.setdefault(str(row["org"]), set()).add(str(row["g"]))
    return out


@pytest.fixture()
def without_sansha(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The place table as before 三沙市's 南沙区 was added: 南沙区 is then unique in the country."""
    full = default_gazetteer()
    older = Gazetteer([d for d in full.divisions if not (d.name == "南沙区" and d.code != "440115")], full.former)
    monkeypatch.setattr(places, "default_gazetteer", lambda: older)
    monkeypatch.setattr(mapping, "default_gazetteer", lambda: older)
    _rules_changed()
    yield
    _rules_changed()


def test_reingesting_a_document_mints_the_same_iris(tmp_path: Path) -> None:
    store = OxigraphStore()
    settings = Settings(store=str(tmp_path / "store"), encoder="hash")
    path = _write(tmp_path, "ns_2023.txt")
    ingest_file(path, settings, store)
    first = sorted(store.dump_nquads())
    ingest_file(path, settings, store)
    assert sorted(store.dump_nquads()) == first
    assert list(_bodies(store)) == [ORG + "440115/guang-zhou-shi-nan-sha-qu-zong-gong-hui"]


def test_a_grown_place_table_links_the_old_node(tmp_path: Path, without_sansha: None, monkeypatch: pytest.MonkeyPatch) -> None:
    store = OxigraphStore()
    settings = Settings(store=str(tmp_path / "store"), encoder="hash")
    a, b = _write(tmp_path, "ns_2023.txt"), _write(tmp_path, "ns_2024.txt")
    ingest_file(a, settings, store)
    ingest_file(b, settings, store)
    old = ORG + "440115/nan-sha-qu-zong-gong-hui"
    assert list(_bodies(store)) == [old]  # the key while one 南沙区 was known

    monkeypatch.undo()  # the current table: two 南沙区, the key keeps its city
    _rules_changed()
    new = ORG + "440115/guang-zhou-shi-nan-sha-qu-zong-gong-hui"
    ingest_file(a, settings, store)
    assert set(_bodies(store)) == {old, new}
    assert store.ask("ASK { GRAPH ?g { ?new <http://www.w3.org/2002/07/owl#sameAs> ?old } }", {"new": URIRef(new), "old": URIRef(old)})
    stale = superseded_nodes(store)
    assert [(s.old, s.current, s.source) for s in stale] == [(old, new, "ns_2024.txt")]

    ingest_file(b, settings, store)  # the upgrade path: re-ingest what superseded_nodes lists
    assert list(_bodies(store)) == [new]
    assert superseded_nodes(store) == []


def test_a_rule_table_added_merges_two_years_on_reingest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """萧山县 became 萧山市 in 1988 (萧山区 in 2001), before the history tables (增城市 -> 增城区, 2014, is
    in division_history.csv since round 11): without EARLIER_COUNTY_SUFFIXES the 1987 and 2016 budgets
    are two bodies; re-ingested with it, one."""
    store = OxigraphStore()
    settings = Settings(store=str(tmp_path / "store"), encoder="hash")
    paths = [_write(tmp_path, "zc_2013.txt"), _write(tmp_path, "zc_2016.txt")]
    monkeypatch.setattr(places, "EARLIER_COUNTY_SUFFIXES", {})
    _rules_changed()
    for path in paths:
        ingest_file(path, settings, store)
    assert len(_bodies(store)) == 2
    monkeypatch.undo()
    _rules_changed()
    old, new = ORG + "cn/xiao-shan-xian-zong-gong-hui", ORG + "330109/xiao-shan-qu-zong-gong-hui"
    assert [(s.old, s.current, s.source) for s in superseded_nodes(store)] == [(old, new, "zc_2013.txt")]
    for path in paths:
        ingest_file(path, settings, store)
    bodies = _bodies(store)
    assert list(bodies) == [new]
    assert len(bodies[new]) == 2  # both documents' graphs hold the one node
    assert superseded_nodes(store) == []


@pytest.mark.parametrize(
    ("key", "forms"),
    [
        ("广州市南沙区总工会", ["南沙区总工会"]),
        ("章贡区总工会", ["赣州市章贡区总工会"]),
        ("增城区工人文化宫", ["广州市增城区工人文化宫"]),
        # negatives: a place several divisions have, no place, a city's body, a zone
        ("南沙区总工会", []),
        ("某市总工会", []),
        ("宝鸡市总工会", []),
        ("兰州新区总工会", []),
    ],
)
def test_superseded_key_forms(key: str, forms: list[str]) -> None:
    assert set(SUPERSEDED_KEY_FORMS) == {"own_place_alone", "with_its_city"}
    assert superseded_keys(key, default_gazetteer()) == forms


def test_a_body_of_unknown_place_names_no_other_node(tmp_path: Path) -> None:
    """A bare 南沙区总工会 (two places of that name, none printed) is division cn: no owl:sameAs."""
    store = OxigraphStore()
    settings = Settings(store=str(tmp_path / "store"), encoder="hash")
    path = tmp_path / "bare.txt"
    path.write_text(_budget("南沙区总工会", 2024, "88.00"), encoding="utf-8")
    ingest_file(path, settings, store)
    assert list(_bodies(store)) == [ORG + "cn/nan-sha-qu-zong-gong-hui"]
    assert not store.ask("ASK { GRAPH ?g { ?a <http://www.w3.org/2002/07/owl#sameAs> ?b FILTER(CONTAINS(STR(?a), '/id/org/')) } }")
    assert OWL.sameAs  # the property the links use


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("株洲高新区总工会", "株洲高新技术产业开发区总工会", True),
        ("长沙经开区总工会", "长沙经济技术开发区总工会", True),
        ("增城市总工会", "广州市增城区总工会", True),
        ("伊犁州教育工会", "伊犁哈萨克自治州教育工会委员会", True),
        # negatives: a zone and its city, a unit named with the zone alone, two zones of one city
        ("株洲高新区总工会", "株洲市总工会", False),
        ("高新区职工服务中心", "高新技术产业开发区职工服务中心", False),
        ("长沙经开区总工会", "长沙高新区总工会", False),
    ],
)
def test_one_key_for_two_printings(a: str, b: str, same: bool) -> None:
    gazetteer = default_gazetteer()
    assert (mapping.org_identity_key(a, gazetteer) == mapping.org_identity_key(b, gazetteer)) is same
