"""Shared fixtures: settings pointing at temporary stores, the sample corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from unionkg.resources import samples_dir
from unionkg.settings import Settings

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def tmp_settings(tmp_path: Path) -> Settings:
    """Settings with a fresh store directory and the fast hashing encoder."""
    return Settings(store=str(tmp_path / "store"), encoder="hash")


@pytest.fixture(scope="session")
def sample_paths() -> list[Path]:
    paths = sorted(samples_dir().glob("*.txt"))
    assert len(paths) == 5, "the bundled sample corpus must hold the five sample documents"
    return paths
