"""Round 11 organisation rules: table tests with positive and negative examples."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extract.corpus_spec import check_org_document
from unionkg.extract.organizations import RENAME_OLD_NAME_LEADS, former_name_in_rename, renamed_units

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("rt11o_*.txt"))


def test_corpus_is_not_shrinking() -> None:
    assert len(CASES) >= 3


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_rt11o_document(path: Path) -> None:
    check_org_document(path)


@pytest.mark.parametrize(
    ("kind", "text", "matches"),
    [
        ("approval", "经县编委批准将", True),
        ("approval", "研究决定", True),
        ("approval", "甲县职工服务中心", False),
        ("date_end", "月由", True),
        ("date_end", "甲县", False),
        ("verb", "由甲县", True),
        ("verb", "将甲县", True),
        ("verb", "甲县", False),
        ("former", "原甲县", True),
        ("former", "甲县原", False),
    ],
)
def test_rename_old_name_leads(kind: str, text: str, matches: bool) -> None:
    assert (RENAME_OLD_NAME_LEADS[kind].match(text) is not None) is matches


@pytest.mark.parametrize(
    ("lead", "former"),
    [
        ("原榆中县职工帮扶中心", "榆中县职工帮扶中心"),
        ("月由乌审旗职工帮扶中心", "乌审旗职工帮扶中心"),
        ("批准将乌审旗职工学校", "乌审旗职工学校"),
        ("由某某市职工学校", "某某市职工学校"),
        # a place whose name begins with a verb-like character keeps it
        ("从化区职工学校", "从化区职工学校"),
        ("将乐县工人文化宫", "将乐县工人文化宫"),
        # nothing to strip
        ("榆中县职工帮扶中心", "榆中县职工帮扶中心"),
        # a lead that would leave no name stays
        ("原中心", "原中心"),
    ],
)
def test_former_name_in_rename(lead: str, former: str) -> None:
    assert former_name_in_rename(lead) == former


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021年，原榆中县职工帮扶中心更名为榆中县职工服务中心。", {"榆中县职工帮扶中心": "榆中县职工服务中心"}),
        ("2020年6月由榆中县职工帮扶中心更名为榆中县职工服务中心。", {"榆中县职工帮扶中心": "榆中县职工服务中心"}),
        ("经县编委批准将榆中县职工帮扶中心更名为榆中县职工服务中心。", {"榆中县职工帮扶中心": "榆中县职工服务中心"}),
        ("榆中县职工帮扶中心和榆中县职工学校合并更名为榆中县职工服务中心。", {}),  # a merger
        ("榆中县职工帮扶中心更名为榆中县工人文化宫。", {}),  # not the listed name
    ],
)
def test_renamed_units_of_a_sentence(text: str, expected: dict[str, str]) -> None:
    assert renamed_units(text, ["榆中县职工服务中心"]) == expected


@pytest.mark.parametrize(
    ("text", "body", "former"),
    [
        ("2021年，原榆中县职工帮扶中心更名为榆中县职工服务中心。", "榆中县职工服务中心", ("榆中县职工帮扶中心",)),
        # the body printed with its province in the title, its key in the sentence
        ("2021年，原榆中县职工帮扶中心更名为榆中县职工服务中心。", "甘肃省榆中县职工服务中心", ("榆中县职工帮扶中心",)),
        # another unit's rename is not the body's
        ("2021年，原榆中县工人俱乐部更名为榆中县工人文化宫。", "榆中县职工服务中心", ()),
        ("", "榆中县职工服务中心", ()),
    ],
)
def test_body_renames(text: str, body: str, former: tuple[str, ...]) -> None:
    from unionkg.extract.organizations import body_renames

    assert body_renames(text, body) == former


@pytest.mark.parametrize(
    ("text", "former"),
    [
        ("我单位原名为榆中县职工帮扶中心，2021年更名为榆中县职工服务中心。", "榆中县职工帮扶中心"),
        ("本中心前身为“榆中县职工帮扶中心”。", "榆中县职工帮扶中心"),
        ("本单位曾用名榆中县工人俱乐部；", "榆中县工人俱乐部"),
        # no subject standing for the body, or no name
        ("榆中县职工帮扶中心原名为某某", None),
        ("本单位原名为职工之家。", "职工之家"),  # matched, but no organisation's name (body_renames drops it)
        ("本单位成立于2010年。", None),
    ],
)
def test_body_former_name_sentence(text: str, former: str | None) -> None:
    from unionkg.extract.organizations import BODY_FORMER_NAME_SENTENCE

    m = BODY_FORMER_NAME_SENTENCE.search(text)
    assert (m.group("former") if m else None) == former


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("榆中县职工帮扶中心于2021年3月更名为榆中县职工服务中心。", {"榆中县职工帮扶中心": "榆中县职工服务中心"}),
        ("2021年，榆中县职工帮扶中心更名为“榆中县职工服务中心”。", {"榆中县职工帮扶中心": "榆中县职工服务中心"}),
        ("根据榆编发〔2021〕5号文件，榆中县职工帮扶中心更名为榆中县职工服务中心。", {"榆中县职工帮扶中心": "榆中县职工服务中心"}),
        ("榆中县职工帮扶中心于2021年3月撤销。", {}),
        ("榆中县职工帮扶中心于2021年3月并入榆中县职工服务中心。", {}),
    ],
)
def test_rename_sentences_with_a_date_or_quotes(text: str, expected: dict[str, str]) -> None:
    assert renamed_units(text, ["榆中县职工服务中心"]) == expected
