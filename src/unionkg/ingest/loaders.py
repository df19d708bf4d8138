"""Decode file bytes to text (placeholder: UTF-8 text only; see issue 3)."""

from __future__ import annotations

from dataclasses import dataclass, field

from unionkg.errors import InputError


@dataclass
class LoadedText:
    text: str
    media_type: str
    tables: list[list[list[str]]] = field(default_factory=list)


def read_file(name: str, data: bytes) -> LoadedText:
    try:
        return LoadedText(data.decode("utf-8-sig"), "text/plain")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: cannot decode as UTF-8 ({exc})") from exc
