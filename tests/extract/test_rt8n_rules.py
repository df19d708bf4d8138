"""Narrative extraction and genre leftovers, round 8 (tests/extract/corpus/rt8n_*).

Written documents of bodies, provinces and years not in the samples:

* a city union's budget (Ningxia 2024): work tasks under "三、2024年重点工作" (numbered
  items; the prose under "四、工作开展情况" and the 职能 list are no tasks), money to units in
  sentences ("某市总工会补助某市职工服务中心 420,000.00 元，用于…", "对某市工人疗养院补助运行经费…",
  "向各县区总工会拨付…"; "对个人和家庭的补助支出…" is an expense line), and income and
  spending totals in one sentence, each with its 其中 list;
* a district union's budget (Guangdong 2023) in traditional characters: tasks run on in one
  paragraph ("一是…；二是…；三是…"), 转拨 / 划拨 flows, "对下级工会补助支出 12.00 万元" as an
  expense line (no flow), and a 其中 list closed by "；支出预算…";
* a company union's 工会经费收支决算 (Sichuan 2024): a final-accounts genre, a code-less
  label/figure table in 元 (read), a year and a row number (never figures), a table of
  people (no unit of money: not read);
* a county union's 工会经费预算执行情况绩效自评报告 (Guizhou 2023): keeps its genre;
* a city women's federation's final accounts (Yunnan 2023): a code-less 收入支出决算表 of two
  label/figure lines (read, though its title ends like a coded table's), then a coded 支出决算表
  whose 合计 row stands right under its unit line (read once, by the table reader);
* a city union's budget (Jilin 2026): "（二）2026年工作重点" over one paragraph that runs its list
  on after an introduction ("…抓好以下工作：（1）…；（2）…；（3）…"), "拨付 X 运行补助…" and
  "对 X 拨款…" flows.

Each ``.json`` lists the facts an analyst reads (``expect``), facts that must not be there
(``wrong``) and exact counts per kind (``counts``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.extract.corpus_spec import check_spec, extract_checked, field_matches
from unionkg.extract.final_accounts import LABEL_FIGURE_PATTERNS
from unionkg.extract.narrative import EXPENSE_LINE_WHAT, UNIT_FLOW_PATTERNS
from unionkg.extract.organizations import INLINE_ITEM_MARKER, INLINE_LIST_START, inline_items
from unionkg.ingest.genre import SIGNALS, detect_genre
from unionkg.ingest.normalize import normalize

CORPUS = Path(__file__).parent / "corpus"
DOCUMENTS = sorted(CORPUS.glob("rt8n_*.txt"))
TIANSHUI = Path(__file__).parents[1] / "qa" / "q10_docs" / "tianshui_city_union_budget_2025.txt"


def test_documents_are_there() -> None:
    assert len(DOCUMENTS) == 6


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_document(path: Path) -> None:
    spec = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    ex = extract_checked(path)
    assert ex.document.genre == spec["context"].pop("genre")
    check_spec(path, ex, spec, field_matches)
    for unwanted in spec["wrong"]:
        found = [f for f in ex.facts if type(f).__name__ == unwanted["kind"] and field_matches(f, unwanted)]
        assert not found, f"{path.name}: unwanted {unwanted}: {found}"


def test_tianshui_budget_key_work_and_subsidy() -> None:
    """The document where both failed (tests/qa/q10_docs): '重点工作' items and a unit's subsidy."""
    ex = extract_checked(TIANSHUI)
    tasks = [f.text for f in ex.facts if type(f).__name__ == "WorkTask"]
    assert len(tasks) == 2 and tasks[0].startswith("实施职工素质提升工程")
    flows = {(f.payee, str(f.amount)) for f in ex.facts if type(f).__name__ == "Flow"}
    assert ("天水市工人文化宫", "1500000.00") in flows
    assert not [f for f in ex.facts if type(f).__name__ == "Amount" and f.item.startswith("补助")]


# ---------------------------------------------------------------- genre of a union's own accounts

GENRE_TITLES: list[tuple[str, str]] = [
    ("泰和某建材有限公司工会委员会2025年工会经费收支预算", "budget"),
    ("某集团公司工会2024年经费预算", "budget"),
    ("某县总工会2024年工会经费决算", "final_accounts"),
    ("國網某供電公司工會委員會2023年工會經費收支決算", "final_accounts"),
    ("工会经费收支决算表", "final_accounts"),
    # near misses: a 经费 word in a self-evaluation's title, a title of no disclosure
    ("某县总工会2023年度工会经费预算执行情况绩效自评报告", "performance"),
    ("某区总工会2022年工会经费使用情况说明", "unknown"),
    ("某县总工会工会经费收支预算执行情况", "unknown"),
]


@pytest.mark.parametrize(("title", "genre"), GENRE_TITLES)
def test_genre_of_title(title: str, genre: str) -> None:
    assert detect_genre(normalize(title + "\n\n一、基本情况\n").text) == genre


@pytest.mark.parametrize(
    ("name", "positives", "negatives"),
    [
        ("title_budget", ["2025年工会经费收支预算", "2024年经费预算", "收支预算"], ["经费预算执行情况", "经费预算资金", "经费决算"]),
        ("title_final_accounts", ["工会经费收支决算", "2024年经费决算", "收支决算表"], ["经费决算数", "经费预算"]),
    ],
)
def test_title_signals(name: str, positives: list[str], negatives: list[str]) -> None:
    pattern = SIGNALS[name].pattern
    assert all(pattern.search(t) for t in positives)
    assert not any(pattern.search(t) for t in negatives)


# ---------------------------------------------------------------- tasks run on in one paragraph


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("做好帮扶；二是开展竞赛；三是建设阵地。", ["做好帮扶", "开展竞赛", "建设阵地。"]),
        ("做好帮扶。二是开展竞赛。", ["做好帮扶。", "开展竞赛。"]),
        ("推进改革；十一是统筹其他工作。", ["推进改革", "统筹其他工作。"]),
        ("开展竞赛；（2）做好帮扶；（3）建设阵地。", ["开展竞赛", "做好帮扶", "建设阵地。"]),
        ("开展竞赛；2.做好帮扶。", ["开展竞赛", "做好帮扶。"]),
        # an introduction that runs the list on after its colon is no item
        ("将重点抓好以下工作：（1）深化改革；（2）开展帮扶。", ["深化改革", "开展帮扶。"]),
        ("主要任务是：一是做好帮扶；二是开展竞赛。", ["做好帮扶", "开展竞赛。"]),
        # a colon inside a later item is no introduction
        ("做好帮扶；二是加强阵地：1.新建书屋。", ["做好帮扶", "加强阵地：1.新建书屋。"]),
        # a figure after a clause end is no marker
        ("安排资金；2.5万元用于帮扶。", ["安排资金；2.5万元用于帮扶。"]),
        # no marker after a clause end: one item
        ("唯一是指职工书屋建设，二是字样不在句首之后", ["唯一是指职工书屋建设，二是字样不在句首之后"]),
        ("做好帮扶，推进改革。", ["做好帮扶，推进改革。"]),
    ],
)
def test_inline_items(text: str, items: list[str]) -> None:
    got = inline_items(text, 0, len(text), text)
    assert [piece for _s, _e, piece in got] == items
    assert all(text[s:e] == piece for s, e, piece in got)


def test_inline_items_keep_a_joined_item_whole() -> None:
    """An item joined over a line break is not the view's text there: kept as one."""
    text = "做好帮扶；\n二是开展竞赛。"
    assert inline_items(text, 0, len(text), "做好帮扶；二是开展竞赛。") == [(0, len(text), "做好帮扶；二是开展竞赛。")]


def test_inline_list_start_table() -> None:
    assert INLINE_LIST_START.search("以下工作：（1）深化") and INLINE_LIST_START.search("任务是：一是做好") and INLINE_LIST_START.search("如下：1.新建")
    assert not INLINE_LIST_START.search("以下工作：深化改革") and not INLINE_LIST_START.search("如下：1.5万元") and not INLINE_LIST_START.search("（1）深化")


def test_inline_marker_table() -> None:
    assert INLINE_ITEM_MARKER.search("甲；二是乙") and INLINE_ITEM_MARKER.search("甲。 三是乙")
    assert not INLINE_ITEM_MARKER.search("唯一是乙") and not INLINE_ITEM_MARKER.search("甲，二是乙")
    assert INLINE_ITEM_MARKER.search("甲；（2）乙") and INLINE_ITEM_MARKER.search("甲；3、乙")
    assert not INLINE_ITEM_MARKER.search("甲；（1）乙") and not INLINE_ITEM_MARKER.search("甲；2.5万元")


# ---------------------------------------------------------------- money to units in sentences

UNIT_FLOW_CASES: dict[str, tuple[list[tuple[str, dict[str, str]]], list[str]]] = {
    "body_to_unit": (
        [
            ("某市总工会补助某市工人文化宫1,500,000.00元，用于职工文化阵地运行。", {"payer": "某市总工会", "payee": "某市工人文化宫", "purpose": "职工文化阵地运行"}),
            ("区总工会划拨区职工服务中心运行经费 18.00 万元。", {"payer": "区总工会", "payee": "区职工服务中心", "what": "运行经费"}),
            ("某县总工会转拨某县职工学校培训经费5万元", {"payee": "某县职工学校", "what": "培训经费"}),
        ],
        ["某市总工会补助某县总工会 12 万元", "补助支出 12 万元", "某市总工会对个人和家庭的补助 8 万元"],
    ),
    "to_unit": (
        [
            ("对某市工人疗养院补助运行经费150,000.00元", {"payee": "某市工人疗养院", "what": "运行经费"}),
            ("向某区职工服务中心下拨帮扶资金 30 万元，用于困难职工救助", {"payee": "某区职工服务中心", "purpose": "困难职工救助"}),
        ],
        ["对个人和家庭的补助 12 万元", "向各县区总工会下拨 60 万元", "对某市工人疗养院进行了检查"],
    ),
    "to_body_paid": (
        [
            ("向各县区总工会拨付困难职工帮扶资金360,000.00元", {"payee": "各县区总工会", "what": "困难职工帮扶资金"}),
            ("对 11 个市州总工会拨付工会经费 46.2 万元", {"payee": "11 个市州总工会"}),
        ],
        ["向各县区总工会下拨 60 万元", "向困难职工拨付慰问金 5 万元"],
    ),
}


@pytest.mark.parametrize("name", sorted(UNIT_FLOW_CASES))
def test_unit_flow_patterns(name: str) -> None:
    positives, negatives = UNIT_FLOW_CASES[name]
    pattern = UNIT_FLOW_PATTERNS[name]
    for text, groups in positives:
        m = pattern.search(text)
        assert m, f"{name} should match {text!r}"
        assert all((m.group(k) or "").strip() == v for k, v in groups.items()), (text, m.groupdict())
    for text in negatives:
        assert not pattern.search(text), f"{name} should not match {text!r}"


def test_every_unit_flow_pattern_has_cases() -> None:
    assert set(UNIT_FLOW_PATTERNS) == set(UNIT_FLOW_CASES)


def test_expense_line_what() -> None:
    assert all(EXPENSE_LINE_WHAT.match(w) for w in ("支出", "支出合计", "经费支出"))
    assert not any(EXPENSE_LINE_WHAT.match(w) for w in ("运行经费", "帮扶资金", ""))


# ---------------------------------------------------------------- short label/figure tables

LABEL_FIGURE_CASES: dict[str, tuple[list[str], list[str]]] = {
    "line": (
        ["本年收入合计 736.18", "年末结转和结余：12.5", "本年支出合计 1,203,150.50", "　收入总计　452.30"],
        ["本年收入合计 1 736.18", "2012901 行政运行 120.00", "收入 | 736.18", "本年收入合计", "736.18"],
    ),
    "money_label": (["本年收入合计", "支出总计", "年末结转和结余", "财政拨款"], ["会员人数", "编制年度", "在职人员"]),
    "year_figure": (["2024", "1998"], ["736.18", "2024.50", "3024"]),
    "row_number_figure": (["1", "12"], ["736.18", "123", "1.0"]),
}


@pytest.mark.parametrize("name", sorted(LABEL_FIGURE_CASES))
def test_label_figure_patterns(name: str) -> None:
    positives, negatives = LABEL_FIGURE_CASES[name]
    pattern = LABEL_FIGURE_PATTERNS[name]
    for text in positives:
        assert pattern.search(text), f"{name} should match {text!r}"
    for text in negatives:
        assert not pattern.search(text), f"{name} should not match {text!r}"


def test_every_label_figure_pattern_has_cases() -> None:
    assert set(LABEL_FIGURE_PATTERNS) == set(LABEL_FIGURE_CASES)


def test_label_figure_lines_of_a_known_table_are_read_once(tmp_path: Path) -> None:
    """A 部门收支总表 of label/figure lines, its title three lines above them (编制单位 and 金额单位
    lines between): the budget table reader reads it, the label/figure reader does not again."""
    doc = tmp_path / "budget.txt"
    doc.write_text(
        "通辽市科尔沁区总工会2024年部门预算\n\n第一部分 部门概况\n一、主要职能\n负责全区工会组织建设工作。\n\n"
        "第二部分 2024年部门预算表\n部门收支总表\n编制单位：通辽市科尔沁区总工会\n金额单位：万元\n收入总计 300.00\n支出总计 300.00\n",
        encoding="utf-8",
    )
    ex = extract_checked(doc)
    totals = [f for f in ex.facts if type(f).__name__ == "Amount" and f.item in ("收入总计", "支出总计")]
    assert sorted((f.item, f.table) for f in totals) == [("支出总计", "部门收支总表"), ("收入总计", "部门收支总表")]


# ---------------------------------------------------------------- parts of a total end at their ；

PARTS_CASES: list[tuple[str, dict[str, str | None]]] = [
    # the spending after ；is no part of the income
    ("2025年工会经费收入预算 48.60 万元，其中上级工会补助收入 6.00 万元；支出预算 48.60 万元。", {"上级工会补助收入": "工会经费收入", "支出": None}),
    # a total naming no direction: closed by the first part's direction
    (
        "2022年海北州总工会预算总额 560.20 万元，其中：财政拨款收入 520.20 万元，其他收入 40.00 万元；支出预算 560.20 万元。",
        {"财政拨款收入": "预算总额", "其他收入": "预算总额", "支出": None},
    ),
    # the spending's own list after the closed income list is read
    (
        "2024年收入预算 300.00 万元，其中：财政拨款收入 280.00 万元，其他收入 20.00 万元；支出预算 300.00 万元，其中：基本支出 200.00 万元，项目支出 100.00 万元。",
        {"财政拨款收入": "收入", "支出": None, "基本支出": "支出", "项目支出": "支出"},
    ),
    # parts of one direction separated by ；stay one list
    ("2024年支出预算 300.00 万元，其中：基本支出 200.00 万元；项目支出 100.00 万元。", {"基本支出": "支出", "项目支出": "支出"}),
]


@pytest.mark.parametrize(("sentence", "parts"), PARTS_CASES)
def test_parts_end_at_their_separator(tmp_path: Path, sentence: str, parts: dict[str, str | None]) -> None:
    doc = tmp_path / "budget.txt"
    doc.write_text(f"海北州总工会2024年部门预算\n\n一、收支预算情况\n{sentence}\n", encoding="utf-8")
    got = {f.item: f.part_of for f in extract_checked(doc).facts if type(f).__name__ == "Amount"}
    assert {item: got.get(item, "missing") for item in parts} == parts
