"""Tokens for BM25: jieba words for Chinese (simplified script), lower-cased words for Latin text."""

from __future__ import annotations

from functools import lru_cache
from typing import Callable

from unionkg.search.patterns import SEARCH_PATTERNS

# Function words that carry no topic; kept short on purpose (BM25 idf does the rest).
STOPWORDS: frozenset[str] = frozenset(
    "的 了 和 与 及 是 在 为 对 等 中 其 年 元 万元 什么 多少 哪些 哪个 怎么 如何 吗 呢 the a an of in for to and is are was were what which how many much did do does".split()
)


@lru_cache(maxsize=1)
def _jieba():  # type: ignore[no-untyped-def]
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def tokens(text: str) -> list[str]:
    """Search tokens of ``text`` (Chinese segmented by jieba, search mode)."""
    out: list[str] = []
    for run in SEARCH_PATTERNS["token"].findall(text):
        if run[0].isascii():
            word = run.lower()
            if word not in STOPWORDS:
                out.append(word)
            continue
        out.extend(_chinese_run_tokens(run))
    return out


@lru_cache(maxsize=100_000)
def _chinese_run_tokens(run: str) -> tuple[str, ...]:
    """Search tokens of one run of Chinese characters (cached: the genre repeats its phrases in every document).

    The run is made simplified first: documents of Hong Kong, Taiwan and some
    mainland bodies print traditional characters (職工幫扶), questions mostly
    come in simplified ones (职工帮扶), and jieba's dictionary is simplified.
    """
    return tuple(word for word in _jieba().lcut_for_search(simplified(run)) if word not in STOPWORDS)


@lru_cache(maxsize=1)
def _t2s() -> Callable[[str], str]:
    try:
        import opencc
    except ImportError:  # a core dependency; without it traditional text is used as it is
        return lambda text: text
    return opencc.OpenCC("t2s").convert  # type: ignore[no-any-return]


def simplified(text: str) -> str:
    """``text`` in simplified characters (OpenCC t2s; ASCII text as it is)."""
    return _t2s()(text) if not text.isascii() else text
