"""Round 10 (p3): tables typed in columns inside ``<pre>`` blocks (old sites, pages made from a
text file) keep their lines and spaces (``html_reader.preformatted_lines``): before, the
block's line breaks were read as spaces and a whole table became one line.

Measured before this round against the same documents as plain text files with the same
column lines: Shizuishan 2026 budget 39/48 facts and 1 wrong, Yanji 2027 projects 4/10 and
1 wrong, Haidong 2029 self-evaluation 3/12; after: 48/48, 10/10, 12/12, 0 wrong.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rt9p_documents import compare
from rt10i_documents import RT10_BUDGET, RT10_PROJECTS, RT10_SELFEVAL, as_column_text, write_html_pre_tables

from unionkg.ingest.html_reader import Preformatted, read_html

DOCS = {"budget": RT10_BUDGET, "projects": RT10_PROJECTS, "selfeval": RT10_SELFEVAL}


@pytest.mark.parametrize("which", list(DOCS))
def test_pre_tables_give_the_facts_of_the_text_file(tmp_path: Path, which: str) -> None:
    doc = DOCS[which]
    reference = tmp_path / f"{doc.name}.txt"
    reference.write_text(as_column_text(doc), encoding="utf-8")
    result = compare(reference, write_html_pre_tables(doc, tmp_path / f"{doc.name}.html"))
    assert len(result.reference) >= 10 and not result.missing and not result.extra, (result.summary(), sorted(map(str, result.missing)))


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("<pre>项目      预算数\n办公费    30.00</pre>", "项目      预算数\n办公费    30.00"),
        ("<pre>项目  预算数<br>办公费  30.00\r\n</pre>", "项目  预算数\n办公费  30.00"),
        ("<pre>甲  1.00\n<span hidden>旧  9.00\n</span>乙  2.00</pre>", "甲  1.00\n乙  2.00"),  # hidden lines out
        ("<p>正文  两个空格</p>", "正文 两个空格"),  # outside <pre> spaces collapse as before
    ],
)
def test_pre_lines(markup: str, text: str) -> None:
    assert read_html("t.html", f"<html><body>{markup}</body></html>")[0] == text


def test_preformatted_is_a_str() -> None:
    assert Preformatted("a  b") == "a  b" and isinstance(Preformatted("x"), str)
