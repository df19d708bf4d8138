"""Written documents of the mess real PDF, DOCX and HTML text arrives in (tests/extract/corpus/rt6m_*.txt).

Five bodies, provinces and years not in the samples nor in the rt6e set, each a
different kind of mess:

* a city union's final accounts (Liaoning 2022) whose 公开01表 and 公开05表 are cut by
  page breaks: page numbers (— 7 —, 第 3 页 共 9 页, - 8 -), the running header with the
  body's name and year, and the column headers printed again on the new page; its prose
  states counts of work in words that start with 百 / 千 (百余场, 千余人);
* a city union's final accounts (Hainan 2021) with figures as real tables print them:
  thousands separators (ASCII and full-width commas), full-width digits and punctuation,
  negatives in parentheses and with a leading minus, — / - / blank for nothing, one table
  in 元 and the next in 万元;
* a county union's budget (Liaoning 2025) whose codes are printed with spaces
  (201 29 01) or dots (208.05.05), alone on their line, and whose item names wrap;
* a district union's budget (Chongqing 2023) copied from a web page: cells separated by
  tabs and pipes, a whole table on one line, no-break spaces and &nbsp; / &amp; entities;
* a city union's budget (Qinghai 2023) copied from a Word file: [bookmark: _Toc…]
  markers, a table of contents with page numbers, footnote marks (①, [1]) after figures,
  and an asset count "截至2022年12月31日…车辆2辆" that belongs to the year it states.

Each ``.json`` lists what an analyst reads in the document (``expect``, written before
the extractor was run), the exact number of facts of some kinds (``counts``) and the
document context.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.extract.corpus_spec import check_spec, extract_checked
from tests.extract.test_rt6e_corpus import matches

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("rt6m_*.txt"))


def test_corpus_is_not_shrinking() -> None:
    assert len(CASES) >= 5


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_rt6m_document(path: Path) -> None:
    spec = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    ex = extract_checked(path)
    check_spec(path, ex, spec, matches)


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_rt6m_document_in_traditional_script(path: Path, tmp_path: Path) -> None:
    """The same mess printed in traditional characters (a Hong Kong / Taiwan-style export of
    the same tables) gives the same facts: the normaliser's script conversion keeps every
    rule above working."""
    import opencc

    spec = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    traditional = tmp_path / path.name
    traditional.write_text(opencc.OpenCC("s2t").convert(path.read_text(encoding="utf-8")), encoding="utf-8")
    ex = extract_checked(traditional)
    check_spec(traditional, ex, spec, matches)
