"""Money passed between public bodies in prose (narrative._transfers, TRANSFER_PATTERNS).

* the pattern table, with positive and negative examples for every pattern;
* how a printed payer or payee is read (a group label, the reporting body by a
  shorter name, a body named only by its level);
* written documents (tests/extract/corpus/rt5f_*.txt, expected facts in the
  ``.json`` next to each): a city federation's final accounts in 万元, a
  district federation's budget in 元 with a line in traditional script, a
  province federation's self-evaluation (a counted group "14个市州总工会").  Before this change only the flow to
  "各县（市、区）总工会" was read (as an ordinary payee) and "拨付给某中心运行经费"
  gave the payee "某中心运行经费".
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import opencc
import pytest

from tests.extract.redteam_expect import run_extract
from unionkg.extract.narrative import _split_payee, _transfer_party
from unionkg.extract.patterns import TRANSFER_PATTERNS, TRANSFER_RELATIVE_NAME
from unionkg.model import Amount, Flow
from tests.extract.corpus_spec import check_spec

CORPUS = Path(__file__).parent / "corpus"
DOCUMENTS = sorted(CORPUS.glob("rt5f_*.txt"))

#: name -> (texts that must match, texts that must not)
CASES: dict[str, tuple[list[str], list[str]]] = {
    "body_to_body": (
        [
            "2023年，某市总工会补助某县总工会 12.00 万元，用于建设职工服务站",
            "市总工会下拨某县总工会送温暖资金 8.5 万元",
            "某省总工会划拨某市总工会 300,000 元",
            "\n某区总工会拨付某街道工会工会经费 2 万元",
            "2022 年某市总工会下拨市直机关工会补助经费 15 万元",
        ],
        ["某市总工会补助收入 5 万元", "基层工会补助工会经费 46 万元", "全年向基层工会补助工会经费 46 万元", "某市总工会补助困难职工 5 万元"],
    ),
    "to_body": (
        ["向基层工会补助工会经费 46.20 万元，用于基层工会规范化建设", "向所属各街道工会下拨工会经费 1,200,000 元", "给某县总工会返还经费 3 万元", "给予基层工会补助 5 万元", "全年对 11 个市州总工会补助工会经费 200 万元"],
        ["向困难职工补助生活费 5 万元", "给予困难职工补助 5 万元", "向各县（市、区）总工会拨付帮扶资金 300 万元", "向基层工会发放慰问品"],
    ),
    "from_superior": (
        ["上级补助收入 210.00 万元，系省总工会拨付的困难职工帮扶专项资金", "上级工会补助 50 万元，来源于某市总工会下拨的补助", "上级补助收入为 3 万元，均为省总工会补助"],
        ["上级补助收入 30 万元，主要用于劳模疗休养", "上级补助收入 30 万元", "上级补助收入比上年增加 3 万元，系省总工会拨付"],
    ),
}


@pytest.mark.parametrize(("name", "text"), [(n, t) for n, (pos, _neg) in CASES.items() for t in pos])
def test_transfer_pattern_matches(name: str, text: str) -> None:
    assert TRANSFER_PATTERNS[name].search(text), f"{name} should match {text!r}"


@pytest.mark.parametrize(("name", "text"), [(n, t) for n, (_pos, neg) in CASES.items() for t in neg])
def test_transfer_pattern_rejects(name: str, text: str) -> None:
    assert not TRANSFER_PATTERNS[name].search(text), f"{name} should not match {text!r}"


def test_every_transfer_pattern_has_examples() -> None:
    assert set(TRANSFER_PATTERNS) == set(CASES)


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        ("某市总工会补助某县总工会 12.00 万元，用于建设职工服务站", {"payer": "某市总工会", "payee": "某县总工会", "number": "12.00", "purpose": "建设职工服务站"}),
        ("向基层工会补助工会经费 46.20 万元", {"payee": "基层工会", "what": "工会经费", "unit": "万元"}),
        ("给予基层工会补助 5 万元", {"payee": "基层工会", "number": "5"}),
        ("对 11 个市州总工会补助经费 200 万元", {"payee": "11 个市州总工会", "what": "经费"}),
        ("2022 年某市总工会下拨市直机关工会补助经费 15 万元", {"payer": "某市总工会", "payee": "市直机关工会", "what": "补助经费"}),
        ("上级补助收入 5 万元，系省总工会拨付的帮扶资金", {"payer": "省总工会", "purpose": "帮扶资金", "number": "5"}),
    ],
)
def test_transfer_pattern_groups(text: str, groups: dict[str, str]) -> None:
    found = [m for p in TRANSFER_PATTERNS.values() if (m := p.search(text))]
    assert found and all(found[0].group(k) == v for k, v in groups.items()), [m.groupdict() for m in found]


@pytest.mark.parametrize(
    ("text", "matches"),
    [("省总工会", True), ("市总工会", True), ("上级工会", True), ("县财政局", True), ("某市总工会", False), ("总工会", False), ("省总工会办公室", False)],
)
def test_relative_name(text: str, matches: bool) -> None:
    assert bool(TRANSFER_RELATIVE_NAME.match(text)) is matches


@pytest.mark.parametrize(
    ("printed", "body", "expected"),
    [
        ("各县（市、区）总工会", "某市总工会", ("各县（市、区）总工会", True)),
        ("基层工会", "某市总工会", ("基层工会", True)),
        ("所属各单位", "某市总工会", ("所属各单位", True)),
        ("11个市州总工会", "某省总工会", ("11个市州总工会", True)),
        ("市总工会", "某市总工会", ("某市总工会", False)),  # the body calling itself by its level
        ("某区总工会", "某市某区总工会", ("某市某区总工会", False)),  # the body without its city
        ("省总工会", "某市总工会", ("省总工会", True)),  # a body the text does not identify: a label
        ("某县总工会", "某市总工会", ("某县总工会", False)),
        ("某县 总工会", "某市总工会", ("某县总工会", False)),
    ],
)
def test_transfer_party(printed: str, body: str, expected: tuple[str, bool]) -> None:
    assert _transfer_party(printed, body) == expected


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("某区职工服务中心运行经费", ("某区职工服务中心", "运行经费")),
        ("某物业服务有限公司包干费用", ("某物业服务有限公司", "包干费用")),
        ("某物业服务有限公司", ("某物业服务有限公司", None)),
        ("困难职工", ("困难职工", None)),
    ],
)
def test_split_payee(printed: str, expected: tuple[str, str | None]) -> None:
    assert _split_payee(printed) == expected


def _matches(fact: object, expected: dict[str, object]) -> bool:
    for key, want in expected.items():
        if key == "kind":
            continue
        got = getattr(fact, key, None)
        if isinstance(got, Decimal) or key in ("amount", "value"):
            if got is None or Decimal(str(want)) != got:
                return False
        elif key == "purpose":
            if got is None or str(want) not in got:
                return False
        elif got != want:
            return False
    return True


def test_documents_are_present() -> None:
    assert len(DOCUMENTS) >= 2


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.stem for p in DOCUMENTS])
def test_transfer_document(path: Path) -> None:
    spec = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    ex = run_extract(path)  # asserts exact evidence of every fact
    check_spec(path, ex, spec, _matches)
    items = {f.item for f in ex.facts if isinstance(f, Amount)}
    assert not items & set(spec.get("not_items", [])), "a transfer read as the figure of an item"
    if "leftovers" in spec:
        assert len(ex.leftover_numbers) == spec["leftovers"], ex.leftover_numbers


def test_flow_evidence_names_both_parties_or_the_subsidy() -> None:
    """The quote of a transfer holds its payee (or, for a subsidy received, its payer) and amount."""
    for path in DOCUMENTS:
        ex = run_extract(path)
        for f in ex.facts:
            if isinstance(f, Flow) and f.evidence.extractor.startswith("narrative"):
                quote = opencc.OpenCC("t2s").convert("".join(f.evidence.quote.split())).replace("(", "（").replace(")", "）")
                printed = f.payee if f.payer == ex.context.org else f.payer
                assert printed.replace("(", "（").replace(")", "）") in quote or ex.context.org.endswith(printed), (f, quote)
