"""A hashing encoder that records what it was asked to embed (to see what a cache saved)."""

from __future__ import annotations

import numpy as np

from unionkg.search.encoders import HashEncoder


class CountingEncoder(HashEncoder):
    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []

    def encode(self, texts: list[str]) -> np.ndarray:
        self.texts.extend(texts)
        return super().encode(texts)
