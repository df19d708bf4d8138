"""Round 11: a renamed unit is one line of history.

A document that states a rename ("2021年，原A更名为B", "B（原A，2021年更名）") keeps its
``org:ChangeEvent`` and now also says ``<B> owl:sameAs <A>``: the documents of the years before the
rename print A and mint A's node (they cannot know the later name), so the two nodes stay, and QA
folds nodes joined by ``owl:sameAs`` into one body (qa/identities.py).  Each document graph depends on
its own text only, so the store is the same whatever order the years are ingested in.

Written documents (tests/extract/corpus/rt11o_gs_*: a county of 甘肃, 2019 / 2022 / 2023, none of
the samples' bodies).  Before -> after on these: the series "榆中县职工服务中心2019年至2023年的支出预算"
answered 1/2 years with figures -> 2/2; the catalog held the unit as 2 bodies -> 1.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import URIRef
from rdflib.namespace import OWL

from unionkg.graph.store import OxigraphStore
from unionkg.pipeline import ingest_file
from unionkg.settings import DEFAULT_BASE_IRI, Settings

CORPUS = Path(__file__).parents[1] / "extract" / "corpus"
OLD = CORPUS / "rt11o_gs_county_worker_center_old_budget_2019.txt"
NEW = CORPUS / "rt11o_gs_county_worker_center_renamed_budget_2023.txt"
LISTED = CORPUS / "rt11o_gs_county_union_unit_renamed_final_2022.txt"
ORG = DEFAULT_BASE_IRI.rstrip("/") + "/id/org/"
OLD_IRI = ORG + "620123/yu-zhong-xian-zhi-gong-bang-fu-zhong-xin"
NEW_IRI = ORG + "620123/yu-zhong-xian-zhi-gong-fu-wu-zhong-xin"


def _ingest(paths: list[Path], tmp: Path) -> OxigraphStore:
    store = OxigraphStore()
    settings = Settings(store=str(tmp / "store"), encoder="hash")
    for path in paths:
        report = ingest_file(path, settings, store)
        assert report.error is None, report.error
    return store


def _lines(store: OxigraphStore) -> list[bytes]:
    return sorted(b"".join(store.dump_nquads()).splitlines())


def _same_as(store: OxigraphStore, a: str, b: str) -> bool:
    return store.ask("ASK { GRAPH ?g { ?a <http://www.w3.org/2002/07/owl#sameAs> ?b } }", {"a": URIRef(a), "b": URIRef(b)})


@pytest.mark.parametrize("rename_doc", [NEW, LISTED], ids=["own_document", "unit_list"])
def test_old_and_new_year_in_both_orders_give_one_graph(rename_doc: Path, tmp_path: Path) -> None:
    forward = _ingest([OLD, rename_doc], tmp_path / "a")
    backward = _ingest([rename_doc, OLD], tmp_path / "b")
    assert _lines(forward) == _lines(backward)
    assert _same_as(forward, NEW_IRI, OLD_IRI)
    # the ChangeEvent stays
    assert forward.ask(
        "PREFIX org: <http://www.w3.org/ns/org#> ASK { GRAPH ?g { ?e a org:ChangeEvent ; org:originalOrganization ?old ; org:resultingOrganization ?new } }",
        {"old": URIRef(OLD_IRI), "new": URIRef(NEW_IRI)},
    )


def test_qa_catalog_holds_the_renamed_unit_as_one_body(tmp_path: Path) -> None:
    from unionkg.qa.linking import Catalog

    catalog = Catalog(_ingest([NEW, OLD, LISTED], tmp_path))
    assert catalog.members.get(NEW_IRI) == [NEW_IRI, OLD_IRI]
    assert OLD_IRI not in catalog.orgs
    assert {2019, 2023} <= catalog.orgs[NEW_IRI].years


def _budget(body: str, year: int, sentence: str) -> str:
    return f"{body}{year}年部门预算\n\n一、单位基本情况\n{sentence}{body}是乙县总工会所属的事业单位。\n二、收支预算情况\n{year}年支出预算 20.00 万元。\n"


@pytest.mark.parametrize(
    ("sentence", "linked"),
    [
        ("2020年，原乌审旗职工帮扶中心更名为乌审旗职工服务中心。", True),
        ("经旗编委批准将乌审旗职工帮扶中心更名为乌审旗职工服务中心。", True),
        ("2020年6月由乌审旗职工帮扶中心更名为乌审旗职工服务中心。", True),
        # no rename stated: two names alike are never linked
        ("乌审旗职工帮扶中心的职能划入本单位。", False),
        ("", False),
        # a merger is no rename: the two former units are not the same body as the new one
        ("2020年，乌审旗职工帮扶中心和乌审旗职工学校合并更名为乌审旗职工服务中心。", False),
    ],
)
def test_only_a_stated_rename_links_two_names(sentence: str, linked: bool, tmp_path: Path) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(_budget("乌审旗职工帮扶中心", 2018, ""), encoding="utf-8")
    new.write_text(_budget("乌审旗职工服务中心", 2024, sentence), encoding="utf-8")
    store = _ingest([old, new], tmp_path)
    rows = store.select("SELECT ?a ?b WHERE { GRAPH ?g { ?a <http://www.w3.org/2002/07/owl#sameAs> ?b } }").rows
    linked_names = {(str(r["a"]).rsplit("/", 1)[1], str(r["b"]).rsplit("/", 1)[1]) for r in rows}
    pair = ("wu-shen-qi-zhi-gong-fu-wu-zhong-xin", "wu-shen-qi-zhi-gong-bang-fu-zhong-xin")
    assert (pair in linked_names) is linked
    assert OWL.sameAs  # the vocabulary term the QA folding reads (qa_org_same_as.rq)


#: Questions over the three 榆中 documents, with what the first line of the answer must hold (and, for the
#: unit list, must not: the unit once, by its new name).  Before (e0c73db) -> after: 3/8 -> 8/8.
QUESTIONS: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    ("榆中县职工服务中心2019年至2023年的支出预算", ("86.40", "112.50", "原榆中县职工帮扶中心"), ()),
    ("榆中县职工服务中心有哪些年份的数据", ("2019", "2023"), ()),
    ("榆中县职工帮扶中心有哪些年份的数据", ("2019", "2023"), ()),
    ("榆中县职工服务中心2019年支出预算是多少", ("86.40",), ("112.50",)),
    ("榆中县职工帮扶中心2023年支出预算是多少", ("112.50",), ("86.40",)),
    ("榆中县职工服务中心2023年支出预算比2019年增加了多少", ("26.10",), ()),
    ("榆中县总工会有哪些下属单位", ("榆中县职工服务中心",), ("帮扶中心",)),
    ("榆中县职工服务中心2019年和2023年的收入预算分别是多少", ("86.40", "112.50"), ()),
]


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from unionkg.qa.answerer import Answerer
    from unionkg.search.encoders import HashEncoder

    tmp = tmp_path_factory.mktemp("rt11o_renames")
    store = _ingest([OLD, LISTED, NEW], tmp)
    return Answerer(store, Settings(store=str(tmp / "store"), encoder="hash"), encoder=HashEncoder())


@pytest.mark.parametrize(("question", "holds", "lacks"), QUESTIONS, ids=[q for q, _h, _l in QUESTIONS])
def test_the_renamed_unit_answers_as_one_line_of_history(answerer, question: str, holds: tuple[str, ...], lacks: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    first = answerer.ask(question)["answer"].split("\n")[0]
    assert all(h in first for h in holds), first
    assert not any(x in first for x in lacks), first


def test_the_reporting_bodys_former_name_is_a_reporting_body_not_a_unit_below_it() -> None:
    """'渝北区总工会（原江北县总工会）': the former name's node is the one a 江北县总工会 document mints
    (id/org/cn/…: the place is not in the table), never a unit below 渝北区总工会 (was …/yu-bei-qu-zong-gong-hui/jiang-bei-xian-…)."""
    from unionkg.graph.iris import Iris
    from unionkg.graph.mapping import to_graph
    from unionkg.pipeline import extract_file

    path = CORPUS / "rt7o_cq_renamed_body_spaced_units_final_2022.txt"
    graph = to_graph(extract_file(path, Settings(store="unused", encoder="hash")), Iris(DEFAULT_BASE_IRI))
    body = URIRef(ORG + "500112/yu-bei-qu-zong-gong-hui")
    assert set(graph.objects(body, OWL.sameAs)) >= {URIRef(ORG + "cn/jiang-bei-xian-zong-gong-hui")}
    assert not any("/yu-bei-qu-zong-gong-hui/" in str(o) for o in graph.objects(body, OWL.sameAs))
