"""The vector cache: repeated texts are embedded once per process, and the index files are what they were."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from unionkg.model import DocumentContext, Evidence, Extraction, Passage, SourceDocument
from unionkg.search.encoders import HashEncoder
from unionkg.search.index import VECTOR_CACHE, SearchIndex, VectorCache
from tests.search.counting_encoder import CountingEncoder

BOILERPLATE = "一、部门主要职责\n\n贯彻执行工会代表大会确定的方针、任务和作出的决议，维护职工合法权益。"


def _extraction(doc_id: str, *paragraphs: str) -> Extraction:
    text = "\n\n".join(paragraphs)
    doc = SourceDocument(doc_id, f"{doc_id}.txt", text, text, list(range(len(text) + 1)))
    facts = []
    for paragraph in paragraphs:
        start = text.index(paragraph)
        facts.append(Passage(Evidence(start, start + len(paragraph), paragraph, "test@1"), "概况", paragraph))
    return Extraction(doc, DocumentContext("某县总工会", 2022, "budget"), facts)


@pytest.fixture(autouse=True)
def empty_cache() -> None:
    VECTOR_CACHE.clear()


def test_text_shared_by_two_documents_is_embedded_once(tmp_path: Path) -> None:
    encoder = CountingEncoder()
    index = SearchIndex(tmp_path / "index", encoder)
    index.add_document(_extraction("a", BOILERPLATE, "本年度慰问困难职工1200人次。"))
    first = list(encoder.texts)
    index.add_document(_extraction("b", BOILERPLATE, "举办职工技能竞赛14场。"))
    second = encoder.texts[len(first):]
    assert any("部门主要职责" in t for t in first)
    assert second and not any("部门主要职责" in t for t in second)  # the shared passage came from the cache
    assert VECTOR_CACHE.hits >= 1


def test_cached_vectors_give_the_same_index_files(tmp_path: Path) -> None:
    cached = SearchIndex(tmp_path / "cached", HashEncoder())
    cached.add_document(_extraction("a", BOILERPLATE, "本年度慰问困难职工1200人次。"))
    cached.add_document(_extraction("b", BOILERPLATE, "举办职工技能竞赛14场。"))
    fresh = SearchIndex(tmp_path / "fresh", HashEncoder())
    for doc in (_extraction("a", BOILERPLATE, "本年度慰问困难职工1200人次。"), _extraction("b", BOILERPLATE, "举办职工技能竞赛14场。")):
        VECTOR_CACHE.clear()  # every text embedded afresh
        fresh.add_document(doc)
    for name in ("a.npz", "a.json", "b.npz", "b.json"):
        assert (tmp_path / "cached" / name).read_bytes() == (tmp_path / "fresh" / name).read_bytes()
    assert cached.search("职工合法权益", k=3) == fresh.search("职工合法权益", k=3)


def test_two_encoders_never_share_vectors_and_the_cache_is_bounded() -> None:
    cache = VectorCache(capacity=2)
    one, other = HashEncoder(), HashEncoder(dim=32)
    cache.store(one, {"甲": np.ones(256), "乙": np.zeros(256)})
    assert cache.lookup(other, ["甲"]) == {}
    cache.store(one, {"丙": np.full(256, 2.0)})
    assert set(cache.lookup(one, ["甲", "乙", "丙"])) == {"乙", "丙"}  # the oldest went
