"""Question answering over the graph: ``Answerer(store, settings, index).ask(question)``."""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:  # lazy: importing unionkg.qa must stay cheap for the CLI
    if name == "Answerer":
        from unionkg.qa.answerer import Answerer

        return Answerer
    raise AttributeError(name)


__all__ = ["Answerer"]
