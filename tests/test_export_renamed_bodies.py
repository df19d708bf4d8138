"""Exports name a renamed body once: the rows of the documents printed before the rename (the former
name's node) carry the current name, as QA does (graph/bodies.py over owl:sameAs).

Cases: o8's 榆中 documents (甘肃, 2019 under the former name, 2022 listing the unit "（原…，2021年更名）",
2023 stating the rename) in both ingest orders, and documents written here for another province (贵州,
one in 元), with a negative: two alike names with no rename stated stay two bodies.
Before -> after (榆中, organisations table, bodies of the unit): 2 names -> 1.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from unionkg.export import TABLE_COLUMNS, export_table
from unionkg.graph.bodies import bodies_of_nodes
from unionkg.graph.store import OxigraphStore
from unionkg.pipeline import ingest_file
from unionkg.settings import Settings

CORPUS = Path(__file__).resolve().parent / "extract" / "corpus"
OLD = CORPUS / "rt11o_gs_county_worker_center_old_budget_2019.txt"
LISTED = CORPUS / "rt11o_gs_county_union_unit_renamed_final_2022.txt"
NEW = CORPUS / "rt11o_gs_county_worker_center_renamed_budget_2023.txt"


def _ingest(paths: list[Path], tmp: Path) -> OxigraphStore:
    store = OxigraphStore()
    settings = Settings(store=str(tmp / "store"), encoder="none")
    for path in paths:
        report = ingest_file(path, settings, store)
        assert report.error is None, report.error
    return store


def _rows(store: OxigraphStore, table: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in export_table(store, table, "jsonl").splitlines()]


@pytest.mark.parametrize("order", [(OLD, LISTED, NEW), (NEW, LISTED, OLD), (OLD, NEW)], ids=["forward", "backward", "no_list"])
def test_the_renamed_unit_is_one_body_in_every_year(order: tuple[Path, ...], tmp_path: Path) -> None:
    store = _ingest(list(order), tmp_path)
    orgs = _rows(store, "organizations")
    names = {r["name"] for r in orgs if r["doc"] != LISTED.name or r["kind"] == "unit"} - {"榆中县总工会"}
    assert names == {"榆中县职工服务中心"}
    years = sorted(r["year"] for r in orgs if r["name"] == "榆中县职工服务中心")
    assert years == sorted([2019, 2023] + ([2022] if LISTED in order else []))
    amounts = {(r["org"], r["year"], r["item"]): r["value_wan"] for r in _rows(store, "amounts")}
    assert amounts[("榆中县职工服务中心", 2019, "支出")] == 86.4
    assert amounts[("榆中县职工服务中心", 2023, "支出")] == 112.5
    assert not [k for k in amounts if k[0] == "榆中县职工帮扶中心"]
    # the quote is still the document's own text, the columns still the contract's
    assert all(list(r) == list(TABLE_COLUMNS["amounts"]) for r in _rows(store, "amounts"))


def test_the_body_keeps_its_former_name(tmp_path: Path) -> None:
    bodies = bodies_of_nodes(_ingest([OLD, NEW], tmp_path))
    assert {(b.label, b.former_names) for b in bodies.values()} == {("榆中县职工服务中心", ("榆中县职工帮扶中心",))}


def _budget(body: str, year: int, sentence: str, amount: str) -> str:
    return (
        f"{body}{year}年部门预算\n\n一、单位基本情况\n{sentence}{body}是安顺市总工会所属的全额拨款事业单位。\n"
        f"二、收支预算情况\n{year}年收入预算 {amount}，支出预算 {amount}。\n"
    )


@pytest.mark.parametrize(
    ("sentence", "bodies"),
    [
        ("2020年，原安顺市职工技能培训中心更名为安顺市职工服务中心。", {"安顺市职工服务中心"}),
        ("安顺市职工技能培训中心于2020年5月更名为安顺市职工服务中心。", {"安顺市职工服务中心"}),
        # no rename stated: the two units stay two bodies
        ("安顺市职工技能培训中心的培训职能划入本单位。", {"安顺市职工服务中心", "安顺市职工技能培训中心"}),
        ("", {"安顺市职工服务中心", "安顺市职工技能培训中心"}),
    ],
)
def test_a_written_rename_in_another_province(sentence: str, bodies: set[str], tmp_path: Path) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(_budget("安顺市职工技能培训中心", 2018, "", "643,000.00元"), encoding="utf-8")
    new.write_text(_budget("安顺市职工服务中心", 2024, sentence, "72.10万元"), encoding="utf-8")
    store = _ingest([new, old], tmp_path)
    names = {r["name"] for r in _rows(store, "organizations")} - {"安顺市总工会"}
    assert names == bodies
    by_year = {r["year"]: r["org"] for r in _rows(store, "amounts") if r["item"] == "支出"}
    assert by_year[2024] == "安顺市职工服务中心"
    assert (by_year[2018] == "安顺市职工服务中心") is (len(bodies) == 1)
