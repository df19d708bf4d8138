"""One node per body in the graph (design/ontology.md: ``id/org/{division}/{slug}``).

Written documents (no sample body) print one body in several ways across years and
genres: a district unique in the country with and without its city and province, an
autonomous area in full and short, a league with its region's conventional short name, a sector
union with and without its 委员会.  Ingested into one store, each body must have ONE
organisation IRI whose prefLabel is its canonical name (its own place in full, the places
enclosing it dropped) and whose other printings are skos:altLabel.  A 总工会 whose name
several places have, in a document that names no city, is a federation of division ``cn``,
never a unit of the reporting body.  Re-ingesting a file replaces its graph, so a store
built by the old code loses the old node of a re-ingested document.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import URIRef
from rdflib.namespace import SKOS

from unionkg.graph.store import OxigraphStore
from unionkg.graph.vocab import UKG
from unionkg.pipeline import ingest_file
from unionkg.settings import DEFAULT_BASE_IRI, Settings

ORG_BASE = DEFAULT_BASE_IRI.rstrip("/") + "/id/org/"


def _doc(title: str, body: str, year: int, amount: str) -> str:
    return (
        f"{title}\n\n一、部门基本情况\n{body}负责本级工会工作。\n"
        f"二、收支预算情况\n{year}年收入预算{amount}万元。\n"
    )


#: file -> text; bodies of several provinces, none of the samples
DOCUMENTS: dict[str, str] = {
    "zg_2022.txt": _doc("赣州市章贡区总工会2022年部门预算", "赣州市章贡区总工会", 2022, "311.20"),
    "zg_2023.txt": _doc("章贡区总工会2023年部门预算", "章贡区总工会", 2023, "322.40"),
    "zg_2024.txt": _doc("江西省赣州市章贡区总工会2024年部门预算", "江西省赣州市章贡区总工会", 2024, "333.60"),
    "es_2023.txt": _doc("恩施土家族苗族自治州总工会2023年部门预算", "恩施土家族苗族自治州总工会", 2023, "910.10"),
    "es_2024.txt": _doc("恩施州总工会2024年部门预算", "恩施州总工会", 2024, "920.20"),
    "xm_2023.txt": _doc("内蒙古锡林郭勒盟总工会2023年部门预算", "内蒙古锡林郭勒盟总工会", 2023, "505.50"),
    "xm_2024.txt": _doc("锡林郭勒盟总工会2024年部门预算", "锡林郭勒盟总工会", 2024, "515.50"),
    "hz_2022.txt": _doc("湖州市教育工会2022年部门预算", "湖州市教育工会", 2022, "210.50"),
    "hz_2023.txt": _doc("湖州市教育工会委员会2023年部门预算", "湖州市教育工会委员会", 2023, "230.70"),
    "hz_2024.txt": _doc("湖州市教育系统工会2024年部门预算", "湖州市教育系统工会", 2024, "240.80"),
    # a district name found in four cities, next to a city that has none of them
    "zz_2023.txt": (
        "株洲市总工会2023年部门预算\n\n一、部门基本情况\n株洲市总工会负责全市工会工作。\n"
        "二、收支预算情况\n2023年收入预算1204.30万元。株洲市总工会补助鼓楼区总工会12.00万元，用于职工帮扶。\n"
    ),
}

#: canonical name -> the printed names that must be its altLabels
BODIES: dict[str, set[str]] = {
    "章贡区总工会": {"赣州市章贡区总工会", "江西省赣州市章贡区总工会"},
    "恩施土家族苗族自治州总工会": {"恩施州总工会"},
    "锡林郭勒盟总工会": {"内蒙古锡林郭勒盟总工会"},
    "湖州市教育工会委员会": {"湖州市教育工会", "湖州市教育系统工会"},
}


def _write(tmp: Path, names: list[str]) -> list[Path]:
    paths = []
    for name in names:
        path = tmp / name
        path.write_text(DOCUMENTS[name], encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> OxigraphStore:
    tmp = tmp_path_factory.mktemp("one_node")
    store = OxigraphStore()
    settings = Settings(store=str(tmp / "store"), encoder="hash")
    for path in _write(tmp, sorted(DOCUMENTS)):
        report = ingest_file(path, settings, store)
        assert report.error is None, report.error
    return store


def _org_nodes(store: OxigraphStore) -> dict[str, tuple[set[str], set[str]]]:
    """org IRI -> (prefLabels, altLabels) over all document graphs."""
    query = """
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        PREFIX ukg: <https://w3id.org/unionkg/def/ukg#>
        SELECT ?org ?pref ?alt WHERE { GRAPH ?g { ?org ukg:role ?role ; skos:prefLabel ?pref .
                                                  OPTIONAL { ?org skos:altLabel ?alt } } }"""
    out: dict[str, tuple[set[str], set[str]]] = {}
    for row in store.select(query).rows:
        prefs, alts = out.setdefault(str(row["org"]), (set(), set()))
        prefs.add(str(row["pref"]))
        if row.get("alt") is not None:
            alts.add(str(row["alt"]))
    return out


@pytest.mark.parametrize("canonical", sorted(BODIES))
def test_one_iri_per_body(store: OxigraphStore, canonical: str) -> None:
    nodes = _org_nodes(store)
    printed = {canonical} | BODIES[canonical]
    holding = [iri for iri, (prefs, alts) in nodes.items() if (prefs | alts) & printed]
    assert len(holding) == 1, holding
    prefs, alts = nodes[holding[0]]
    assert prefs == {canonical}
    assert BODIES[canonical] <= alts


def test_the_slug_is_the_canonical_name(store: OxigraphStore) -> None:
    nodes = _org_nodes(store)
    assert ORG_BASE + "360702/zhang-gong-qu-zong-gong-hui" in nodes
    assert ORG_BASE + "152500/xi-lin-guo-lei-meng-zong-gong-hui" in nodes
    assert not any("gan-zhou-shi" in iri or "en-shi-zhou" in iri for iri in nodes)


def test_an_ambiguous_federation_is_no_unit(store: OxigraphStore) -> None:
    """鼓楼区总工会 in a document that names no city with such a district: a federation of
    division cn, not a subordinate unit of 株洲市总工会."""
    iri = URIRef(ORG_BASE + "cn/gu-lou-qu-zong-gong-hui")
    rows = store.select(
        "PREFIX ukg: <https://w3id.org/unionkg/def/ukg#> PREFIX org: <http://www.w3.org/ns/org#> "
        "SELECT ?role ?parent WHERE { GRAPH ?g { ?o ukg:role ?role OPTIONAL { ?o org:subOrganizationOf ?parent } } }",
        {"o": iri},
    ).rows
    assert rows, "no organisation node for 鼓楼区总工会"
    assert {str(r["role"]) for r in rows} == {str(UKG.Federation)}
    assert all(r.get("parent") is None for r in rows)


def test_reingest_replaces_an_old_node(tmp_path: Path) -> None:
    """A store built by the old code holds the old IRI (赣州市章贡区总工会's own slug); ingesting
    the same file again replaces the document's graph, so only the canonical node is left."""
    store = OxigraphStore()
    settings = Settings(store=str(tmp_path / "store"), encoder="hash")
    (path,) = _write(tmp_path, ["zg_2022.txt"])
    doc_iri = DEFAULT_BASE_IRI.rstrip("/") + "/id/doc/" + str(ingest_file(path, settings, store).doc_id)
    old = ox.NamedNode(ORG_BASE + "360702/gan-zhou-shi-zhang-gong-qu-zong-gong-hui")
    graph = ox.NamedNode(doc_iri)
    store.add_quads([
        ox.Quad(old, ox.NamedNode(str(UKG.role)), ox.NamedNode(str(UKG.Federation)), graph),
        ox.Quad(old, ox.NamedNode(str(SKOS.prefLabel)), ox.Literal("赣州市章贡区总工会", language="zh"), graph),
    ])
    old = URIRef(old.value)
    assert str(old) in _org_nodes(store)
    ingest_file(path, settings, store)
    nodes = _org_nodes(store)
    assert str(old) not in nodes
    assert ORG_BASE + "360702/zhang-gong-qu-zong-gong-hui" in nodes


@pytest.mark.parametrize(
    ("name", "role", "division", "parent"),
    [
        ("鼓楼区总工会", "FEDERATION", "cn", None),  # four cities have a 鼓楼区: a federation, never guessed
        ("芦淞区总工会", "FEDERATION", "430203", None),  # another federation with its place
        ("株洲市工人文化宫", "UNIT", "430200", "株洲市总工会"),
        ("职工服务中心", "UNIT", "430200", "株洲市总工会"),
    ],
)
def test_roles_of_names_in_a_city_federations_document(name: str, role: str, division: str, parent: str | None) -> None:
    from unionkg.graph.iris import Iris
    from unionkg.graph.mapping import OrgResolver
    from unionkg.graph.places import default_gazetteer
    from unionkg.model import DocumentContext, Extraction, OrgRole, SourceDocument

    text = "株洲市总工会2023年部门预算"
    doc = SourceDocument("d1", "d1.txt", text, text, list(range(len(text) + 1)))
    extraction = Extraction(doc, DocumentContext("株洲市总工会", 2023, "budget"), [])
    resolver = OrgResolver.for_extraction(extraction, Iris(DEFAULT_BASE_IRI), default_gazetteer())
    assert resolver.role(name) is OrgRole[role]
    assert resolver.division(name) == division
    assert resolver.parent(name) == parent
