"""A blank line ends a paragraph (e16, round 11): normalize.arrange_lines joined a line at the wrap
width to the next one across a blank line, so a table's title ("…部门预算公开表1", in simplified or
traditional characters alike) ran into the table's own name ("…公开表1部门收支总表").  Now a blank
line is a break in a text that prints blank lines between paragraphs only
(normalize.blank_lines_end_paragraphs), and after a table's title whatever the spacing
(normalize.TABLE_TITLE_LINE); a double-spaced text (a blank line after every line, the samples'
layout) still joins its wrapped prose, and a page break (a form feed, a dropped page number) still
lets a sentence run on.  Measured on the 399 written and sample texts under tests/ and data/samples:
one text's normalised form changed (rt7e 屯溪区 2025: its title "…2025年部门预算" and "收支预算总表" are
two lines, were one); the written 乃东区 2019 budget (traditional): its 部门收支总表 was named
"…公开表1部门收支总表", now "部门收支总表".
"""

from __future__ import annotations

import pytest

from unionkg.ingest.normalize import TABLE_TITLE_LINE, normalize

#: Prose lines of one width (a wrapped paragraph): the wrap width of the texts below.
PROSE = [
    "中国工会是中国共产党领导的职工自愿结合的工人阶级群众",
    "组织，是党联系职工群众的桥梁和纽带，是国家政权的重要社",
    "会支柱，是会员和职工合法权益的代表者和维护者。本会是全",
    "县地方工会和产业工会的领导机关，由县委领导。本会内设办公",
    "室、组织部、权益保障部等职能部门，下设职工服务中心等事业",
    "单位，负责全县工会工作的组织和协调，开展职工帮扶工作。",
]
TABLE = ["单位：万元", "收入 | 预算数 | 支出 | 预算数", "一般公共预算拨款收入 | 100.00 | 一般公共服务支出 | 100.00"]
TITLES = ["湖南省湘乡市总工会机关2022年度部门预算公开表1", "湖南省湘鄉市總工會機關2022年度部門預算公開表1"]


def _text(title: str, double_spaced: bool) -> str:
    gap = [""] if double_spaced else []
    prose = [line for p in PROSE for line in [p, *gap]]
    return "\n".join(["一、部门主要职责", "", *prose, "", title, "", "部门收支总表", "", *TABLE])


@pytest.mark.parametrize("double_spaced", [False, True])
@pytest.mark.parametrize("title", TITLES)
def test_a_title_at_the_wrap_width_is_no_part_of_the_next_paragraph(title: str, double_spaced: bool) -> None:
    lines = normalize(_text(title, double_spaced)).text.split("\n")
    assert "湖南省湘乡市总工会机关2022年度部门预算公开表1" in lines
    assert "部门收支总表" in lines


@pytest.mark.parametrize("double_spaced", [False, True])
def test_wrapped_prose_is_still_one_paragraph(double_spaced: bool) -> None:
    text = normalize(_text(TITLES[0], double_spaced)).text
    assert "".join(PROSE) in text.split("\n")


def test_a_blank_line_ends_a_paragraph_in_a_text_that_prints_them_between_paragraphs_only() -> None:
    lines = [*PROSE[:3], "", PROSE[3], "第二段的文字，", *PROSE[4:]]
    text = normalize("\n".join(lines)).text
    assert text.split("\n")[0] == "".join(PROSE[:3])


def test_a_blank_line_at_a_page_break_lets_the_sentence_run_on() -> None:
    # a form feed ends the page: the sentence wrapped there continues on the next page
    lines = [*PROSE[:3], "\f", PROSE[3], *PROSE[4:]]
    text = normalize("\n".join(lines)).text
    assert "".join(PROSE) in text.split("\n")


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("某县总工会2022年部门预算公开表1", True),
        ("某县總工會2022年部門預算表 2", True),
        ("某市总工会一般公共预算“三公”经费支出表", True),
        ("部门收支总表(公开01表)", True),
        ("某县总工会2025年部门预算公开表三", True),
        ("某县总工会2025年部门预算", False),  # no table named
        ("会同财政部门编制了部门预算公开表，", False),  # prose: a clause mark
        ("按要求填报了部门整体支出绩效自评表和项目表、", False),
        ("表1", True),
        ("统计表明", False),
        ("工会是职工群众利益的忠实代表", False),  # a word ending in 表 that names no table
        ("在全国劳模大会上发表", False),
        ("部门决算报表", True),
    ],
)
def test_table_title_line(line: str, title: bool) -> None:
    assert (TABLE_TITLE_LINE.fullmatch(line) is not None) is title
