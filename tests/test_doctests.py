"""Docs that run: every example in a public docstring of the library is executed."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import unionkg

MODULES = sorted(m.name for m in pkgutil.walk_packages(unionkg.__path__, "unionkg.") if not m.name.endswith("__main__"))


def test_the_library_has_doctests() -> None:
    with_examples = [name for name in MODULES if doctest.DocTestFinder().find(importlib.import_module(name))
                     and any(t.examples for t in doctest.DocTestFinder().find(importlib.import_module(name)))]
    assert len(with_examples) >= 5, with_examples


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{name}: {result.failed} docstring example(s) failed"
