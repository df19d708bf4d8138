"""Red-team round 4, organisations across documents: written documents
(tests/extract/corpus/rt4o_*.txt) with their expected facts in the ``.json`` next to each.

Pairs of one body in two years or genres, printed under different names:

* ``rt4o_zj_city_organs_union_*``: 绍兴市直机关工会 (2022 budget, short name only) and
  紹興市直機關工會工作委員會 (2023 final accounts, traditional script, full name only);
* ``rt4o_hb_city_union_*``: 湖北省宜昌市总工会 (2021 budget) and 宜昌市总工会 / 本级
  (2021 final accounts), both listing the same 工人文化宫;
* ``rt4o_sc_district_union_*``: 成都市武侯区总工会机关 (2022 final accounts) and the
  2022 self-evaluation of 成都市武侯区总工会.

Bodies that must stay apart: 吉安市总工会 and 吉安县总工会 (one place stem, 2023),
units printed without a place ("职工服务中心", "工人文化宫") by four bodies, two of
them in places the gazetteer does not know (翠岚市, 霁川县).

Spec keys: ``context``; ``expect`` (facts that must exist, fields compared; lists
compare with tuples); ``counts`` (exact number of facts of a kind); ``identity``
(the identity key the reporting body's name must have, the same for both
documents of a pair).  The store-level checks are in tests/graph/test_org_identity.py.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from unionkg.graph.mapping import org_identity_key
from unionkg.graph.places import default_gazetteer
from unionkg.model import Extraction
from tests.extract.corpus_spec import check_spec, extract_checked as _extract, field_matches as _matches

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("rt4o_*.txt"))


def test_corpus_is_not_shrinking() -> None:
    assert len(CASES) >= 10


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_rt4o_document(path: Path) -> None:
    spec = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    ex = _extract(path)
    check_spec(path, ex, spec, _matches)
    assert ex.context.org is not None
    assert org_identity_key(ex.context.org, default_gazetteer()) == spec["identity"]


def test_pairs_share_the_identity_of_their_body() -> None:
    identities: dict[str, set[str]] = {}
    for path in CASES:
        spec = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        pair = path.stem.rsplit("_", 2)[0]  # the name without genre and year
        identities.setdefault(pair, set()).add(spec["identity"])
    assert identities["rt4o_zj_city_organs_union_short_name"] == identities["rt4o_zj_city_organs_union_full_name"]
    assert identities["rt4o_hb_city_union_province_prefix"] == identities["rt4o_hb_city_union_benji"]
    assert identities["rt4o_sc_district_union_organs"] == identities["rt4o_sc_district_union"]
    assert identities["rt4o_jx_county_union_beside_city"] != identities["rt4o_jx_city_union_beside_county"]


def test_one_body_printed_two_ways_in_one_document_scopes_one_project() -> None:
    """A project stated for "湖北省宜昌市总工会" and indicated for "宜昌市总工会本级" is one project."""
    from unionkg.extract.resolve import resolve_projects
    from unionkg.model import Comparator, DocumentContext, Evidence, Indicator, Project, SourceDocument

    text = "湖北省宜昌市总工会 项目名称 职工技能培训 预算 12 万元\n宜昌市总工会本级 职工技能培训资金 培训人次 ≥300 人次\n"
    doc = SourceDocument("r" * 16, "t.txt", text, text, list(range(len(text) + 1)))

    def ev(quote: str) -> Evidence:
        start = text.index(quote)
        return Evidence(start, start + len(quote), quote, "test@1")

    facts = [
        Project(ev("项目名称 职工技能培训 预算 12 万元"), "湖北省宜昌市总工会", 2021, "职工技能培训", budget=Decimal(120000)),
        Indicator(ev("培训人次 ≥300 人次"), "宜昌市总工会本级", 2021, "职工技能培训资金", "培训人次", Comparator.GE, target=Decimal(300)),
    ]
    ex = resolve_projects(Extraction(doc, DocumentContext("湖北省宜昌市总工会", 2021, "performance"), facts))
    [indicator] = [f for f in ex.facts if isinstance(f, Indicator)]
    assert indicator.project == "职工技能培训"


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("某局机关工会委员会2023年度部门决算\n", "某局机关工会委员会"),  # the year right after the name
        ("某局机关工会委员会\n2023年度部门决算\n", "某局机关工会委员会"),
        ("某局机关工会委员会办公室2023年工作\n", "某局机关工会"),  # a longer name: not the body's
    ],
)
def test_the_body_takes_its_full_name_from_a_one_line_title(title: str, body: str) -> None:
    from unionkg.extract.resolve import resolve_organizations
    from unionkg.model import DocumentContext, SourceDocument

    doc = SourceDocument("t" * 16, "t.txt", title, title, list(range(len(title) + 1)))
    ex = resolve_organizations(Extraction(doc, DocumentContext("某局机关工会", 2023, "final_accounts"), []))
    assert ex.context.org == body
