"""The USE forward pass that reuses token windows (search/use_windows.py) gives the package's vectors."""

from __future__ import annotations

import numpy as np
import pytest

from unionkg.search.encoders import UseEncoder
from unionkg.search.use_windows import OUTSIDE, REACH, WindowedUse, window_key, window_keys, windowed_forward

# Texts of the genre and around it, for bodies, provinces and years not in the samples.
TEXTS = [
    "绩效评价情况 职工书屋建设项目由宣传教育部组织实施，资金主要用于图书购置。",
    "预算及执行情况 几年，财政安排遵义市总工会预算资金几万元，决算支出几万元。",
    "嘉興市總工會几年度部門整體支出績效自評報告",  # traditional characters
    "why did the budget of the county union fall",
    "工会",  # one word: every window reaches past both edges
    "",  # BOS and EOS only
    "主要工作情况 " + "围绕中心服务大局，推动建立健全集体协商和职工代表大会制度，维护职工合法权益。" * 12,  # longer than a micro-batch
]


@pytest.fixture(scope="module")
def backend() -> object:
    encoder = UseEncoder()
    model = encoder._loaded()
    return model._model  # type: ignore[attr-defined]


def _unit(rows: np.ndarray) -> np.ndarray:
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_vectors_equal_the_packages_up_to_rounding(backend: object) -> None:
    forward = windowed_forward(backend)
    assert forward is not None
    expected = _unit(backend.encode(TEXTS))  # type: ignore[attr-defined]
    first = _unit(forward.encode(TEXTS))
    again = _unit(forward.encode(list(reversed(TEXTS))))[::-1]  # every window known now, other batch order
    assert np.min(np.sum(expected * first, axis=1)) > 0.99999
    assert np.min(np.sum(expected * again, axis=1)) > 0.99999
    assert forward.computed > 0 and forward.reused > 0


def test_a_known_sentence_under_a_new_heading_computes_only_the_windows_at_the_join(backend: object) -> None:
    forward = WindowedUse(backend)
    sentence = "资金主要用于慰问困难职工和开展劳动技能竞赛，项目严格执行资金管理办法，实行专款专用。"
    forward.encode([sentence])
    before = forward.computed
    vectors = forward.encode([f"绩效评价情况 {sentence}"])
    new_windows = forward.computed - before
    tokens = len(backend.sp.encode(f"绩效评价情况 {sentence}", out_type=int, add_bos=True, add_eos=True))  # type: ignore[attr-defined]
    assert 0 < new_windows <= tokens // 2  # the heading's tokens and a few after it, not the whole sentence
    expected = _unit(backend.encode([f"绩效评价情况 {sentence}"]))  # type: ignore[attr-defined]
    assert float(_unit(vectors)[0] @ expected[0]) > 0.99999


def test_the_window_rows_are_bounded_and_still_right(backend: object) -> None:
    forward = WindowedUse(backend, window_rows=40)
    vectors = _unit(forward.encode(TEXTS[:4]))
    assert len(forward._rows) <= 40
    expected = _unit(backend.encode(TEXTS[:4]))  # type: ignore[attr-defined]
    assert np.min(np.sum(expected * vectors, axis=1)) > 0.99999


# (ids, position, key): REACH tokens each side, OUTSIDE past the sentence's edges.
WINDOW_KEYS = [
    ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 4, (1, 2, 3, 4, 5, 6, 7, 8, 9)),
    ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0, (OUTSIDE,) * REACH + (1, 2, 3, 4, 5)),
    ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 9, (6, 7, 8, 9, 10) + (OUTSIDE,) * REACH),
    ([7, 8], 1, (OUTSIDE,) * 3 + (7, 8) + (OUTSIDE,) * REACH),
]


@pytest.mark.parametrize(("ids", "position", "key"), WINDOW_KEYS)
def test_window_key(ids: list[int], position: int, key: tuple[int, ...]) -> None:
    assert window_key(ids, position) == key
    assert window_keys(ids)[position] == key


def test_the_same_token_at_a_sentence_edge_and_inside_has_different_keys() -> None:
    # A token next to the end reads zeros where the other reads a neighbour: they must not share a row.
    assert window_key([5, 6, 7], 1) != window_key([5, 6, 7, 8], 1)
    assert window_key([9, 5, 6, 7, 8, 9, 9, 9, 9, 9], 4) != window_key([5, 6, 7, 8, 9, 9, 9, 9, 9], 3)


def test_a_backend_without_the_weights_falls_back_to_the_packages_encode() -> None:
    class OtherBackend:
        sp = None

    assert windowed_forward(OtherBackend()) is None

    class Model:
        _model = OtherBackend()

        def encode(self, texts: list[str]) -> np.ndarray:
            return np.ones((len(texts), 512), dtype=np.float32)

    encoder = UseEncoder()
    encoder._model = Model()
    vectors = encoder.encode(["工会经费", "职工疗休养"])
    assert vectors.shape == (2, 512) and np.allclose(np.linalg.norm(vectors, axis=1), 1.0)


def test_the_token_table_starts_over_when_full_and_stays_right(backend: object, monkeypatch: pytest.MonkeyPatch) -> None:
    from unionkg.search import use_windows

    monkeypatch.setattr(use_windows, "TOKEN_ROWS", 30)
    forward = WindowedUse(backend)
    vectors = _unit(np.concatenate([forward.encode([text]) for text in TEXTS[:4]]))
    assert len(forward._row_of) <= 30 and len(forward._x) == len(forward._row_of) + 1
    expected = _unit(backend.encode(TEXTS[:4]))  # type: ignore[attr-defined]
    assert np.min(np.sum(expected * vectors, axis=1)) > 0.99999


def test_first_layer_rows_of_a_known_stretch_are_reused_and_vectors_stay_right(backend: object) -> None:
    """A new sentence that repeats 5-token stretches of an earlier one (another county, another year) computes
    first-layer rows only around what is new; a sentence with nothing in common computes them all."""
    forward = WindowedUse(backend)
    forward.encode(["阿勒泰地区总工会几年职工服务阵地建设项目资金主要用于职工之家设备购置。"])
    before, windows_before = forward.first_computed, forward.computed
    changed = "塔城地区总工会几年职工服务阵地建设项目资金主要用于职工之家设备购置和维修。"
    vectors = forward.encode([changed])
    first_rows, new_windows = forward.first_computed - before, forward.computed - windows_before
    # Without the cache every new window's position and its neighbours would be computed: at least as many rows as windows.
    assert 0 < first_rows < new_windows
    expected = _unit(backend.encode([changed]))  # type: ignore[attr-defined]
    assert float(_unit(vectors)[0] @ expected[0]) > 0.99999
    before = forward.first_computed
    unrelated = "why did the staff training spending of the county union rise"
    vectors = forward.encode([unrelated])
    unrelated_tokens = len(backend.sp.encode(unrelated, out_type=int, add_bos=True, add_eos=True))  # type: ignore[attr-defined]
    assert forward.first_computed - before == unrelated_tokens  # nothing shared: every position's row computed
    assert float(_unit(vectors)[0] @ _unit(backend.encode([unrelated]))[0]) > 0.99999  # type: ignore[attr-defined]
