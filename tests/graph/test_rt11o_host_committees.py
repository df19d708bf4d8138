"""Round 11: League and women's committees of schools and companies belong to their host.

"湘潭大学团委", "徐州工程机械集团有限公司团委", "共青团云南大学委员会" were typed as government bodies (the
short forms) or hung nowhere; a 团委 whose text names a city's 总工会 must never hang under it.  Now the
committee is ``org:subOrganizationOf`` its host (the school or company its name holds:
organizations.HOST_COMMITTEE_PATTERNS), typed schema:NGO, and "某大学团委" is the same body as
"共青团某大学委员会" (mapping.HOST_LEAGUE_SHORT_NAME).  A place's committee (共青团某市委员会, 某县妇联)
has no host.

Before -> after on the three rt11o documents (湖南 2022, 江苏 2021, 云南 2020): committees under their
host 0/3 -> 3/3, typed NGO 1/3 -> 3/3, under a 总工会 0 -> 0; short and formal name one node fail -> pass.
Two written after the rule (a company's 妇女委员会 of 山东 2023; 广西大学's League, whose text names 南宁市总工会,
2024): 2/2 under their host, 0 under a 总工会.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from unionkg.extract.organizations import HOST_COMMITTEE_PATTERNS, committee_host
from unionkg.graph.mapping import HOST_LEAGUE_SHORT_NAME, org_identity_key, org_kind_class
from unionkg.graph.places import default_gazetteer
from unionkg.graph.store import OxigraphStore
from unionkg.pipeline import ingest_paths
from unionkg.settings import Settings

CORPUS = Path(__file__).parents[1] / "extract" / "corpus"
DOCS = sorted(CORPUS.glob("rt11o_*league*.txt")) + sorted(CORPUS.glob("rt11o_*women*.txt"))


@pytest.mark.parametrize(
    ("kind", "name", "host"),
    [
        ("league_short", "湘潭大学团委", "湘潭大学"),
        ("league_short", "徐州工程机械集团有限公司团委", "徐州工程机械集团有限公司"),
        ("league_short", "山东大学（威海）团委", "山东大学（威海）"),
        ("league_short", "某市第一中学团总支", "某市第一中学"),
        ("league_formal", "共青团云南大学委员会", "云南大学"),
        ("league_formal", "中国共产主义青年团某某银行委员会", "某某银行"),
        ("women", "某某集团有限公司妇女委员会", "某某集团有限公司"),
        ("women", "某某人民医院妇委会", "某某人民医院"),
        ("women", "某某大学妇女联合会", "某某大学"),
        # a place's committee, a union, a bare 团委: no host
        ("league_short", "团湘潭市委", None),
        ("league_short", "学校团委", None),
        ("league_formal", "共青团湘潭市委员会", None),
        ("league_formal", "共青团中央", None),
        ("women", "湘潭县妇联", None),
        ("women", "湘潭市妇女联合会", None),
        ("league_short", "湘潭大学工会", None),
    ],
)
def test_host_committee_patterns(kind: str, name: str, host: str | None) -> None:
    m = HOST_COMMITTEE_PATTERNS[kind].match(name)
    assert (m.group("host") if m else None) == host
    assert committee_host(name) == host


@pytest.mark.parametrize(
    ("name", "key", "short"),
    [
        ("湘潭大学团委", "共青团湘潭大学委员会", True),
        ("共青团湘潭大学委员会", "共青团湘潭大学委员会", False),
        ("徐州工程机械集团有限公司团委", "共青团徐州工程机械集团有限公司委员会", True),
        # negatives: a place's League committee keeps its own rule, a union is no committee
        ("团湘潭市委", "共青团湘潭市委员会", False),
        ("湘潭大学工会", "湘潭大学工会", False),
        ("校团委", "校团委", False),
    ],
)
def test_a_host_league_committee_printed_short_is_its_formal_name(name: str, key: str, short: bool) -> None:
    assert org_identity_key(name, default_gazetteer()) == key
    assert (HOST_LEAGUE_SHORT_NAME.match(name) is not None) is short


@pytest.mark.parametrize(("key", "kind"), [("共青团湘潭大学委员会", "NGO"), ("某某医院妇委会", "NGO"), ("某某集团有限公司妇女委员会", "NGO"), ("湘潭大学", "CollegeOrUniversity")])
def test_committee_kinds(key: str, kind: str) -> None:
    assert org_kind_class(key).split("/")[-1] == kind


@pytest.fixture(scope="module")
def store() -> OxigraphStore:
    assert len(DOCS) == 5
    store = OxigraphStore()
    reports = ingest_paths(DOCS, Settings(store="unused-in-memory", encoder="hash"), store)
    assert all(r.error is None for r in reports), [r.error for r in reports if r.error]
    return store


PARENTS = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX org: <http://www.w3.org/ns/org#>
SELECT DISTINCT ?label ?parentLabel ?type WHERE {
  GRAPH ?g { ?org org:subOrganizationOf ?p ; skos:prefLabel ?l ; a ?type . ?p skos:prefLabel ?pl }
  FILTER(STRSTARTS(STR(?type), "https://schema.org/"))
  BIND(STR(?l) AS ?label) BIND(STR(?pl) AS ?parentLabel)
}
"""


def test_committees_hang_under_their_host_never_a_federation(store: OxigraphStore) -> None:
    rows = {(str(r["label"]), str(r["parentLabel"]), str(r["type"]).rsplit("/", 1)[1]) for r in store.select(PARENTS).rows}
    assert rows == {
        ("共青团湘潭大学委员会", "湘潭大学", "NGO"),
        ("共青团徐州工程机械集团有限公司委员会", "徐州工程机械集团有限公司", "NGO"),
        ("共青团云南大学委员会", "云南大学", "NGO"),
        ("潍柴控股集团有限公司妇女委员会", "潍柴控股集团有限公司", "NGO"),
        # its text names 南宁市总工会 and the university's union: neither is its superior
        ("共青团广西大学委员会", "广西大学", "NGO"),
    }
    assert not any(parent.endswith("总工会") for _l, parent, _t in rows)
