"""The per-extraction cache of derived views (unionkg.extract.doccache)."""

from __future__ import annotations

from unionkg.extract.doccache import Identity, caching, shared
from unionkg.extract.tables import iter_lines
from unionkg.extract.textview import prose_view
from unionkg.model import SourceDocument


def _doc(text: str) -> SourceDocument:
    return SourceDocument("d", "d.txt", text, text, list(range(len(text) + 1)))


def test_shared_builds_once_inside_an_extraction_and_every_time_outside() -> None:
    calls: list[int] = []

    def build() -> int:
        calls.append(1)
        return len(calls)

    assert shared(("k",), build) == 1
    assert shared(("k",), build) == 2  # no extraction open: nothing cached
    with caching():
        assert shared(("k",), build) == 3
        assert shared(("k",), build) == 3
        assert shared(("other",), build) == 4
    assert shared(("k",), build) == 5  # the cache ended with the extraction


def test_caches_of_nested_or_later_extractions_are_separate() -> None:
    with caching():
        assert shared(("k",), lambda: "outer") == "outer"
        with caching():
            assert shared(("k",), lambda: "inner") == "inner"
        assert shared(("k",), lambda: "again") == "outer"


def test_identity_keys_compare_by_object_not_by_value() -> None:
    a, b = _doc("同一段文字。"), _doc("同一段文字。")
    assert a == b
    assert Identity(a) == Identity(a) and hash(Identity(a)) == hash(Identity(a))
    assert Identity(a) != Identity(b)


def test_prose_view_is_shared_per_document_within_an_extraction() -> None:
    a, b = _doc("第一行文字\n第二行文字。"), _doc("第一行文字\n第二行文字。")
    assert prose_view(a) is not prose_view(a)  # outside an extraction: built each time
    with caching():
        view = prose_view(a)
        assert prose_view(a) is view
        assert prose_view(b) is not view  # another document (equal text) has its own view
        assert prose_view(b).doc is b
        a.text = "换了文字。"
        assert prose_view(a).text == "换了文字。"  # a replaced text gets a new view


def test_cached_lines_equal_fresh_lines() -> None:
    text = "  项目 | 金额 \n\n  1 合计 100.00  \n尾行"
    fresh = list(iter_lines(text))
    with caching():
        first = list(iter_lines(text))
        assert list(iter_lines(text)) == first == fresh
        assert list(iter_lines(text, 3, 20)) == list(iter_lines(text, 3, 20))
    assert [ln.text for ln in fresh] == ["项目 | 金额", "1 合计 100.00", "尾行"]


def test_cell_view_replaces_pipes_and_keeps_offsets() -> None:
    from unionkg.extract.tables import cell_view

    text = "项目|金额｜备注\n| 1 | 2.50 |"
    view = cell_view(text)
    assert len(view) == len(text)
    assert view == "项目 金额 备注\n  1   2.50  "
    assert cell_view("没有分隔符") == "没有分隔符"


def test_marker_helpers_answer_the_same_when_asked_again() -> None:
    from unionkg.extract.textview import marker_rank, strip_marker

    for paragraph in ("一、总体情况", "（二）项目支出", "3. 其他", "普通段落", "第一部分 概况"):
        assert marker_rank(paragraph) == marker_rank.__wrapped__(paragraph)  # type: ignore[attr-defined]
        assert strip_marker(paragraph) == strip_marker.__wrapped__(paragraph)  # type: ignore[attr-defined]
    assert marker_rank("一、总体情况") == 1 and strip_marker("一、总体情况") == (2, "总体情况")
