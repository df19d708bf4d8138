"""A body's bare place stem followed by another level names another place (吉林省总工会 is not 吉林区总工会)."""

from __future__ import annotations

from pathlib import Path

import pytest

from unionkg.qa.patterns import LEVEL_AFTER_STEM

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("after", "level"),
    [("省总工会2023年", "省"), ("市总工会", "市"), ("区总工会", "区"), ("县工会", "县"), ("自治州总工会", "自治州"),
     ("盟总工会", "盟"), ("总工会2023年", None), ("工会", None), ("2023年收入", None), ("的收入", None)],
)
def test_level_after_a_stem(after: str, level: str | None) -> None:
    m = LEVEL_AFTER_STEM.match(after)
    assert (m.group(0) if m else None) == level


@pytest.fixture(scope="module")
def district_only(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A store holding 吉林区总工会's 2023 budget only (a district of a made-up 吉林区, not the province)."""
    from unionkg.graph.store import OxigraphStore
    from unionkg.pipeline import ingest_paths
    from unionkg.qa.answerer import Answerer
    from unionkg.settings import Settings

    settings = Settings(store=str(tmp_path_factory.mktemp("jl") / "store"), encoder="none")
    store = OxigraphStore(settings.store)
    ingest_paths([ROOT / "tests" / "extract" / "corpus" / "rt7p_jl_district_not_province_budget_2023.txt"], settings, store, None, jobs=1)
    return Answerer(store, settings)


@pytest.mark.parametrize(
    ("question", "found", "present"),
    [
        ("吉林省总工会2023年收入预算是多少？", False, "吉林省总工会"),  # another level: not the district's figure
        ("吉林市总工会2023年收入预算是多少？", False, "吉林市总工会"),
        ("吉林区总工会2023年收入预算是多少？", True, "150.20"),  # the body's own level
        ("吉林区总工会2023年的收入预算", True, "150.20"),
    ],
)
def test_another_level_is_another_body(district_only, question: str, found: bool, present: str) -> None:  # type: ignore[no-untyped-def]
    answer = district_only.ask(question)
    assert bool(answer["found"]) is found, answer["answer"]
    assert present in str(answer["answer"])
    if not found:
        assert "150.20" not in str(answer["answer"]) and "吉林区总工会" in str(answer["answer"])  # says what the graph holds
