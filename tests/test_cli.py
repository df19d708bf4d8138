"""The CLI: every command has help text and is documented; errors are one line."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from unionkg.cli import app

REPO = Path(__file__).resolve().parent.parent

runner = CliRunner()


def _commands() -> list[str]:
    import typer.main

    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_core_commands_exist() -> None:
    assert {"ingest", "remove", "query", "export", "validate", "stats", "serve"} <= set(_commands())


def test_every_command_has_help_and_is_documented_in_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name in _commands():
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, result.output
        assert "Usage" in result.output
        assert re.search(rf"unionkg {name}\b", readme), f"`unionkg {name}` is not documented in README.md"


def test_missing_file_is_one_line_with_the_name(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["ingest", str(tmp_path / "nope.txt"), "--store", str(tmp_path / "s")])
    assert result.exit_code == 2
    assert "nope.txt" in result.output
    assert "Traceback" not in result.output


def test_malformed_query_reports_position(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from unionkg.graph.store import OxigraphStore

    OxigraphStore(str(tmp_path / "s")).close()  # an (empty) store: a missing one is refused first (tests/test_cli_u1.py)
    result = runner.invoke(app, ["query", "SELEC ?x WHERE {}", "--store", str(tmp_path / "s")])
    assert result.exit_code == 3
    assert "1:" in result.output and "Traceback" not in result.output


def test_missing_query_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["query", "@" + str(tmp_path / "q.rq"), "--store", str(tmp_path / "s")])
    assert result.exit_code == 2
    assert "q.rq" in result.output
