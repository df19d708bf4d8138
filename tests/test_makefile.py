"""The Makefile of the README's two commands: the package is installed once, and again only when
pyproject.toml changes (make graph and make serve ran pip on every call)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _dry_run(where: Path, venv: Path) -> str:
    result = subprocess.run(["make", "-n", "install", f"VENV={venv}"], cwd=where, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_install_runs_pip_only_when_pyproject_changed(tmp_path: Path) -> None:
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path / name)
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "python").touch()
    assert "pip install -e ." in _dry_run(tmp_path, venv)  # never installed
    stamp = venv / ".installed"
    stamp.touch()
    os.utime(tmp_path / "pyproject.toml", (1_000_000, 1_000_000))
    assert "pip install" not in _dry_run(tmp_path, venv)  # installed after the last change
    os.utime(tmp_path / "pyproject.toml", None)
    os.utime(stamp, (1_000_000, 1_000_000))
    assert "pip install -e ." in _dry_run(tmp_path, venv)  # pyproject.toml changed since
