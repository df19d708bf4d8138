"""Extraction on the mess of real documents, round 8 (tests/extract/corpus/rt8e_*).

Written documents of bodies, provinces and years not in the samples:

* a city union's final accounts (Jilin 2022) whose tables are cut by page breaks: page
  numbers ("第 9 页 共 12 页", "- 8 -", "— 11 —"), the running header (the body's name and
  "2022年度部门决算") at the top of each page, the column header repeated on the next page
  or not, a row's label wrapped onto two lines, the 合计 row alone on the next page;
* a district union's final accounts (Shaanxi 2023) whose 收支总表 right-side item wraps at a
  row's end ("…收入 2 二、文化旅游体育与传媒" / "支出 38 20.00") and whose side-by-side 基本支出
  table wraps a name ("30299 其他商品和服务" / "支出 30.00") and ends with a bare 合计;
* a district union's budget (Shaanxi 2024) whose 部门收支总表 has no 行次 and wraps its first
  row right under the header ("一、一般公共预算拨款" / "收入 250.00 …");
* a district union's self-evaluation (Jilin 2023) whose indicator table is cut by page
  breaks: a 偏差原因 wrapped onto the next line ("受疫情影响培训" / "推迟") before a row whose
  cells the page break splits ("…职工满意度 ≥90%" / page furniture / "95% 20 20");
* a district union's final accounts (Guizhou 2024) whose page numbers read "3/5", "4/5" and whose
  running header is a part of its title ("2024年部门决算"), one of them between a row's label
  and its figures;
* a district union's final accounts (Tibet 2023) whose footers name the body beside the page
  number ("拉萨市城关区总工会 第 3 页") between two rows of a table;
* a district union's final accounts (Qinghai 2023) that prints years in words ("二○二三年度",
  "比二〇二二年") and OCR'd ones ("2○23年度", "比2O22年");
* a district union's final accounts (Heilongjiang 2023) OCR'd from a scan: O/l among
  digits ("3OO.2O", "6l0.20", "2O129"), full-width commas and spaces as thousands
  separators ("1，234.50", "1 145.90", also after a 行次: "32 1 145.90"), a decimal comma
  ("88,60"), a stray space at a decimal point ("88. 60"), 〇 in years, and one figure no
  reading is sure of ("O.O0": no figure, a warning);
* a city union's self-evaluation (Shanxi 2023) whose indicator table OCR damaged: "≥5OO人次",
  "≥9O%", "1OO%", "76O元" (quantities: read), a score "l9" (unread: the row is kept without a
  score, and a warning);
* a city union's final accounts (Liaoning 2023) in traditional characters, 二〇二三 as its
  only year, "金額單位：萬(wàn)元", a 收支总表 item wrapped onto the next row
  ("一、一般公共預算財政撥款" / "收入 1 980.40 …"), and a code row whose label is cut by a
  page break with the column header repeated between the label and its figures;
* a city union's final accounts (Fujian 2023) in traditional characters with pinyin
  glosses (萬(wàn)元, 預(yù)算), a table in 千元, prose in 元 and 亿元, and indicator targets
  with the glyphs ≧ ≦ ﹦ ＞ ＜;
* a city union's budget (Hubei 2024) whose expenditure table has a header of two rows:
  基本支出 spans 人员经费 and 公用经费 and has no column of its own; as text, as HTML
  (rowspan / colspan, empty cells) and as DOCX (gridSpan / vMerge) built here;
* a city union's project self-evaluation (Shaanxi 2023) whose indicator table is nested in
  a cell of the outer table, with a 一级指标 merged over two rows; as text, HTML and DOCX.

Each ``.json`` lists the figures an analyst reads (``expect``), the number of table figures
(``table_amounts``: every row read once, no page furniture read as a row), facts that
must not be there (``wrong``), warnings the extraction must record (``warnings``) and page
furniture the normalised text must not hold (``absent_text``).
"""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path

import pytest

from tests.extract.corpus_spec import check_spec, extract_checked, field_matches
from unionkg.extract import extract
from unionkg.extract.final_accounts import CodeRow, Segment, continues_wrapped_item, groups_without_own_column, split_econ_groups, split_segments, wrapped_item_head
from unionkg.extract.tables import Line, Token, TokenKind, classify_token, join_thousands_tokens, tokenize
from unionkg.ingest import load_source
from unionkg.model import Amount, Extraction
from unionkg.settings import Settings

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("rt8e_*.txt"))
WEB_CASES = sorted(CORPUS.glob("rt8e_*.html"))

#: Words of page furniture that no figure's item may hold.
FURNITURE_WORDS = ("页", "部门决算", "部门預算", "部门预算")


def test_corpus_is_not_shrinking() -> None:
    assert len(CASES) >= 5 and len(WEB_CASES) >= 2


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_rt8e_document(path: Path) -> None:
    spec = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    ex = extract_checked(path)
    check_spec(path, ex, spec, field_matches)
    table_amounts = [f for f in ex.facts if isinstance(f, Amount) and f.table]
    assert len(table_amounts) == spec["table_amounts"], f"{path.name}: {len(table_amounts)} table figures"
    for fact in table_amounts:
        assert not any(word in fact.item for word in FURNITURE_WORDS), f"{path.name}: page furniture read as a row: {fact.item}"
    for wrong in spec.get("wrong", []):
        assert not any(type(f).__name__ == wrong["kind"] and field_matches(f, wrong) for f in ex.facts), f"{path.name}: a fact matches {wrong}"
    for needle in spec.get("warnings", []):
        assert any(needle in w for w in ex.warnings), f"{path.name}: no warning with {needle!r}: {ex.warnings}"
    for furniture in spec.get("absent_text", []):
        assert furniture not in ex.document.text, f"{path.name}: {furniture!r} left in the text"


# --- the same document as text, HTML and DOCX -------------------------------------------


def _statements(ex: Extraction) -> list[tuple[object, ...]]:
    """What the facts state, without where they were quoted (passages quote the text as laid
    out: cells joined by pipes in HTML and DOCX)."""
    out = []
    for f in ex.facts:
        if type(f).__name__ == "Passage":
            continue
        fields = {k: getattr(f, k) for k in f.__dataclass_fields__ if k not in ("evidence", "extra_evidence")}
        out.append((type(f).__name__, tuple(sorted((k, repr(v)) for k, v in fields.items()))))
    return sorted(out)


def _extract(path: Path) -> Extraction:
    doc = load_source(path, Settings(store="unused", encoder="hash"))
    ex = extract(doc)
    for f in ex.facts:
        assert doc.original[f.evidence.start : f.evidence.end] == f.evidence.quote
    return ex


def html_to_docx(markup: str) -> bytes:
    """A DOCX with the paragraphs and tables of a simple HTML page: rowspan as vMerge,
    colspan as gridSpan, a table inside a cell as a nested table."""
    import docx
    import lxml.html

    root = lxml.html.document_fromstring(markup)
    document = docx.Document()

    def grid(table_el: object) -> tuple[list[list[object]], int]:
        rows = [tr for tr in table_el.iter("tr") if next(tr.iterancestors("table")) is table_el]  # type: ignore[attr-defined]
        taken: set[tuple[int, int]] = set()
        placed: list[list[object]] = []  # (row, col, rowspan, colspan, td)
        width = 0
        for r, tr in enumerate(rows):
            c = 0
            for td in (el for el in tr if el.tag in ("td", "th")):
                while (r, c) in taken:
                    c += 1
                rs, cs = int(td.get("rowspan", 1)), int(td.get("colspan", 1))
                placed.append([r, c, rs, cs, td])
                taken.update((r + i, c + j) for i in range(rs) for j in range(cs))
                c += cs
                width = max(width, c)
        return placed, width

    def fill(container: object, table_el: object) -> None:
        placed, width = grid(table_el)
        n_rows = max(p[0] + p[2] for p in placed)
        table = container.add_table(rows=n_rows, cols=width)  # type: ignore[attr-defined]
        for r, c, rs, cs, td in placed:
            cell = table.cell(r, c)
            if rs > 1 or cs > 1:
                cell = cell.merge(table.cell(r + rs - 1, c + cs - 1))
            own = "".join(t for t in td.xpath("text()")).strip()  # type: ignore[attr-defined]
            cell.text = own
            for inner in td.iter("table"):  # type: ignore[attr-defined]
                if next(inner.iterancestors("table")) is table_el:
                    fill(cell, inner)

    for el in root.body:
        if el.tag == "table":
            fill(document, el)
        elif el.text_content().strip():
            document.add_paragraph(el.text_content().strip())
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("path", WEB_CASES, ids=lambda p: p.stem)
def test_html_and_docx_read_like_the_text(path: Path, tmp_path: Path) -> None:
    text_facts = _statements(_extract(path.with_suffix(".txt")))
    assert text_facts
    assert _statements(_extract(path)) == text_facts, f"{path.name}: the HTML reads otherwise than the text"
    docx_path = tmp_path / f"{path.stem}.docx"
    docx_path.write_bytes(html_to_docx(path.read_text(encoding="utf-8")))
    assert _statements(_extract(docx_path)) == text_facts, f"{docx_path.name}: the DOCX reads otherwise than the text"


def test_nested_and_merged_cells_of_a_docx() -> None:
    """python-docx repeats a vMerge cell in every row it spans and leaves nested tables out of
    ``cell.text``: the reader lists a merged cell once and reads a nested table's rows."""
    from unionkg.ingest.docx_reader import read_docx

    path = CORPUS / "rt8e_sn_city_union_nested_indicators_selfeval_2023.html"
    text, tables = read_docx("t.docx", html_to_docx(path.read_text(encoding="utf-8")))
    assert "产出指标 | 数量指标 | 帮扶困难职工人数 | ≥300人 | 320人 | 20 | 20" in text.splitlines()
    assert "质量指标 | 帮扶对象精准率 | 100% | 100% | 20 | 20" in text.splitlines()  # 产出指标 merged above
    assert len(tables) == 3  # the outer rows before the nested table, the nested one, the rows after


# --- rules, each with positive and negative examples ------------------------------------


def _row(*values: str | None) -> CodeRow:
    """A row of values; None for a blank cell kept by a real table."""
    return CodeRow(None, [], [None if v is None else Token(v, 0, len(v), classify_token(v)) for v in values])


GROUP_COLUMNS = ["合计", "基本支出", "其中：人员经费", "其中：公用经费", "项目支出"]

#: (widest rows of the table, header text, the columns read)
GROUP_CASES: list[tuple[list[CodeRow], str, list[str]]] = [
    # 基本支出 spans its two sub-columns: 合计 = 人员经费 + 公用经费 + 项目支出 (Hubei 2024)
    ([_row("860.50", "520.30", "90.20", "250.00")], "合计 基本支出 项目支出\n人员经费 公用经费", ["合计", "人员经费", "公用经费", "项目支出"]),
    # a county's table in 元 with a blank 公用经费 cell kept by a real table
    ([_row("1200000.00", "800000.00", None, "400000.00")], "合计 基本支出 项目支出 人员经费 公用经费", ["合计", "人员经费", "公用经费", "项目支出"]),
    # 基本支出 has its own 小计 printed under it: five columns
    ([_row("860.50", "610.50", "520.30", "90.20")], "合计 基本支出 项目支出\n小计 人员经费 公用经费", GROUP_COLUMNS),
    # the widest rows print every column: the group has its own
    ([_row("860.50", "610.50", "520.30", "90.20", "250.00")], "合计 基本支出 项目支出\n人员经费 公用经费", GROUP_COLUMNS),
    # one value fewer, but the row does not add up without the group: leave it
    ([_row("860.50", "610.50", "520.30", "90.20")], "合计 基本支出 项目支出\n人员经费 公用经费", GROUP_COLUMNS),
]


@pytest.mark.parametrize("rows, header, expected", GROUP_CASES)
def test_groups_without_own_column(rows: list[CodeRow], header: str, expected: list[str]) -> None:
    assert groups_without_own_column(list(GROUP_COLUMNS), rows, header) == expected


#: (value tokens of a row, the tokens read)
THOUSANDS_CASES: list[tuple[list[str], list[str]]] = [
    (["1", "145.90"], ["1145.90"]),
    (["1", "286", "400.00", "20.00"], ["1286400.00", "20.00"]),
    (["12", "34.50"], ["12", "34.50"]),  # a group has three digits
    (["1234", "567.89"], ["1234", "567.89"]),  # a first group has at most three
    (["145.90", "88.60"], ["145.90", "88.60"]),
]


@pytest.mark.parametrize("printed, expected", THOUSANDS_CASES)
def test_join_thousands_tokens(printed: list[str], expected: list[str]) -> None:
    toks = [Token(p, 0, len(p), classify_token(p)) for p in printed]
    assert [t.text for t in join_thousands_tokens(toks)] == expected


def _segments(text: str, join_groups: bool) -> list[Segment]:
    line = Line(0, len(text), text, tuple(tokenize(text, 0, len(text))))
    return split_segments(line, True, 1, integer_amounts=False, join_groups=join_groups)


def test_two_sided_row_reads_a_spaced_figure_after_its_row_number() -> None:
    segs = _segments("八、其他收入 8 一、一般公共服务支出 32 1 145.90", True)
    assert [[v.text for v in s.values if v] for s in segs] == [[], ["1145.90"]]
    assert segs[1].row_number is not None and segs[1].row_number.text == "32"
    # without the rule the bare 1 is dropped and 145.90 read: the wrong figure
    assert [v.text for v in _segments("一、一般公共服务支出 32 1 145.90", False)[0].values if v] == ["145.90"]


def _line(text: str) -> Line:
    return Line(0, len(text), text, tuple(tokenize(text, 0, len(text))))


#: (a line of a 收支总表 alone, the next line, the first label of the next line ends the item)
WRAPPED_ITEM_CASES: list[tuple[str, str, bool]] = [
    ("一、一般公共预算财政拨款", "收入 1 980.40 一、一般公共服务支出 32 820.10", True),
    ("三、国有资本经营预算财政拨款", "收入 3 12.00", True),
    ("二、上级补助收入", "收入 4 12.00", False),  # a whole item with blank cells
    ("一、一般公共预算财政拨款", "二、上级补助收入 2 12.00", False),  # the next opens an item of its own
    ("一、一般公共预算财政拨款", "本年收入合计 27 1,000.40", False),  # a total row
    ("一、一般公共预算财政拨款", "使用非财政拨款结余 28 12.00", False),  # too long to be a wrapped end
    ("一般公共预算财政拨款", "收入 1 980.40", False),  # no item marker: no head
    # the right side's item starts at the end of a row (Shaanxi 2023)
    ("二、政府性基金预算财政拨款收入 2 二、文化旅游体育与传媒", "支出 38 20.00", True),
    ("二、政府性基金预算财政拨款收入 2 二、文化旅游体育与传媒支出", "支出 38 20.00", False),  # a whole item
    ("一、一般公共预算财政拨款收入 1 300.00", "支出 38 20.00", False),  # the line ends with figures
]

#: (a row of a side-by-side 基本支出 table, the next row, the first name after the wrap)
ECON_WRAP_CASES: list[tuple[str, str, str | None]] = [
    ("30102 津贴补贴 100.00 30299 其他商品和服务", "支出 30.00", "其他商品和服务支出"),
    ("30102 津贴补贴 100.00 30299 其他商品和服务", "合计 240.00", None),  # a total row
    ("30102 津贴补贴 100.00 30201 办公费 10.00", "支出 30.00", None),  # the code before has its figure
    ("30102 津贴补贴 100.00 30299 其他商品和服务", "对个人和家庭的补助支出 30.00", None),  # no fragment
]


@pytest.mark.parametrize("first, second, name", ECON_WRAP_CASES)
def test_wrapped_econ_names(first: str, second: str, name: str | None) -> None:
    text = first + "\n" + second
    head = Line(0, len(first), first, tuple(tokenize(text, 0, len(first))))
    nxt = Line(len(first) + 1, len(text), second, tuple(tokenize(text, len(first) + 1, len(text))))
    previous = split_econ_groups(head, None)[-1]
    split_econ_groups(nxt, previous)
    joined = "".join(t.text for t in previous.label_tokens)
    assert (joined if joined != "".join(t.text for t in split_econ_groups(head, None)[-1].label_tokens) else None) == name


@pytest.mark.parametrize("first, second, continued", WRAPPED_ITEM_CASES)
def test_wrapped_two_sided_items(first: str, second: str, continued: bool) -> None:
    text = first + "\n" + second
    head = Line(0, len(first), first, tuple(tokenize(text, 0, len(first))))
    nxt = Line(len(first) + 1, len(text), second, tuple(tokenize(text, len(first) + 1, len(text))))
    last = split_segments(head, True, 1, integer_amounts=False, join_groups=True)[-1]
    seg = split_segments(nxt, True, 1, integer_amounts=False, join_groups=True)[0]
    assert (wrapped_item_head(text, last) and continues_wrapped_item(text, last.label_tokens, seg)) is continued


#: (a table cell, its kind): a figure OCR damaged beyond a sure reading is an empty cell, a word is text
DAMAGED_TOKENS: list[tuple[str, TokenKind]] = [
    ("l9", TokenKind.EMPTY),
    ("O.O0", TokenKind.EMPTY),
    ("88.60l120.00", TokenKind.EMPTY),
    ("l9%", TokenKind.EMPTY),
    ("O2O", TokenKind.TEXT),
    ("IO", TokenKind.TEXT),
    ("ISO9001", TokenKind.TEXT),
    ("88.60", TokenKind.NUMBER),
]


@pytest.mark.parametrize("text, kind", DAMAGED_TOKENS)
def test_damaged_figure_cells_are_empty(text: str, kind: TokenKind) -> None:
    assert classify_token(text) is kind


def test_amounts_are_exact_decimals_in_every_unit() -> None:
    ex = extract_checked(CORPUS / "rt8e_fj_trad_city_union_units_glyphs_final_2023.txt")
    values = {(f.item, f.table): f.value for f in ex.facts if isinstance(f, Amount)}
    assert values[("一、一般公共预算财政拨款收入", "公开01表")] == Decimal("5120400")  # 千元
    assert values[("本年收入合计", None)] == Decimal("5200400")  # 萬(wàn)元
    assert values[("“三公”经费财政拨款支出", None)] == Decimal("1250000")  # 亿元
    assert all(isinstance(v, Decimal) for v in values.values())


def test_a_repaired_row_that_does_not_add_up_is_warned(tmp_path: Path) -> None:
    """The OCR reading of a row is checked against its total: "3O8.2O" read as 308.20 leaves
    235.50 + 308.20 != 535.70, so the row is warned about; the right reading "3OO.2O" is not."""
    source = CORPUS / "rt8e_hl_district_union_ocr_final_2023.txt"
    needle = "2012999 holds a figure read from OCR-damaged text"
    assert not any(needle in w for w in extract_checked(source).warnings)
    damaged = tmp_path / "rt8e_hl_variant.txt"
    damaged.write_text(source.read_text(encoding="utf-8").replace("535.70 235.50 3OO.2O", "535.70 235.50 3O8.2O"), encoding="utf-8")
    assert any(needle in w for w in extract_checked(damaged).warnings)
    # a row of figures printed clean is not checked here (the analytics check every table)
    clean = tmp_path / "rt8e_hl_clean.txt"
    clean.write_text(source.read_text(encoding="utf-8").replace("535.70 235.50 3OO.2O", "535.70 235.50 308.20"), encoding="utf-8")
    assert not any(needle in w for w in extract_checked(clean).warnings)


#: (rows of an indicator table after its header, the reason of the row "职工技能提升人数",
#: the name of the row after it)
REASON_CASES: list[tuple[str, str | None, str]] = [
    # the reason wraps, the next row is split over two lines: the wrapped line ends the reason
    (
        "效益指标 社会效益指标 职工技能提升人数 ≥300人 280人 20 17 受疫情影响培训\n推迟\n满意度指标 服务对象满意度指标 职工满意度 ≥90%\n95% 20 20",
        "受疫情影响培训推迟",
        "职工满意度",
    ),
    # the same with the next row whole on its line (the rule of round 7)
    (
        "效益指标 社会效益指标 职工技能提升人数 ≥300人 280人 20 17 受疫情影响培训\n推迟\n满意度指标 服务对象满意度指标 职工满意度 ≥90% 95% 20 20",
        "受疫情影响培训推迟",
        "职工满意度",
    ),
    # a merged category cell printed over two lines is no reason
    (
        "效益指标 社会效益指标 职工技能提升人数 ≥300人 280人 20 17 受疫情影响培训\n满意度\n指标 服务对象满意度指标 职工满意度 ≥90%\n95% 20 20",
        "受疫情影响培训",
        "职工满意度",
    ),
]


@pytest.mark.parametrize("rows, reason, next_name", REASON_CASES)
def test_wrapped_reason_before_a_split_row(rows: str, reason: str | None, next_name: str, tmp_path: Path) -> None:
    path = tmp_path / "eval.txt"
    path.write_text(
        "某区总工会2023年度部门整体支出绩效自评报告\n一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n" + rows + "\n",
        encoding="utf-8",
    )
    indicators = [f for f in extract_checked(path).facts if type(f).__name__ == "Indicator"]
    by_name = {f.name: f for f in indicators}  # type: ignore[attr-defined]
    assert by_name["职工技能提升人数"].deviation_reason == reason  # type: ignore[attr-defined]
    assert next_name in by_name, sorted(by_name)
