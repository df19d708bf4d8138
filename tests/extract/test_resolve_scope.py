"""Staffing scope: the department's totals vs the body's own (本级) figures."""

from __future__ import annotations

import pytest

from unionkg.extract import extract
from unionkg.ingest import load_bytes
from unionkg.model import Staffing

HEAD = "赣州市总工会2021年部门预算\n\n"


def _staffing(body: str) -> list[tuple[str, int, str | None]]:
    x = extract(load_bytes("s.txt", (HEAD + body).encode()))
    return [(f.org, f.count, f.scope) for f in x.facts if isinstance(f, Staffing)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a sentence about the department's budget units: the whole department
        ("三、部门基本情况\n\n市总工会共有预算单位 3 个，包括赣州市总工会本级和 2 个所属二级预算单位。编制人数 80 人，实有人数 70 人。\n",
         [("赣州市总工会", 80, "department"), ("赣州市总工会", 70, "department")]),
        ("本部门年末在职人员 208 人，离退休人员 36 人。\n\n由养老保险基金发放养老金的离退休人员 273 人。\n",
         [("赣州市总工会", 208, "department"), ("赣州市总工会", 36, "department"), ("赣州市总工会", 273, "department")]),
        # a total followed by the body's own 本级 section: the total is the department's
        ("三、编制现状\n\n单位人员编制总数为86人。\n\n（一）机关本级\n\n编制40人。\n",
         [("赣州市总工会", 86, "department"), ("赣州市总工会", 40, None)]),
        # nothing says department: the body's own figures
        ("二、机构设置\n\n赣州市总工会行政编制 23 名，实有在职人员 21 人。\n", [("赣州市总工会", 23, None), ("赣州市总工会", 21, None)]),
    ],
)
def test_staffing_scope(body: str, expected: list[tuple[str, int, str | None]]) -> None:
    assert _staffing(body) == expected
