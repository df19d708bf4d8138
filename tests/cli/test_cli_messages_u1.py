"""Messages a new user meets (round 12, u1): each names the file, port or position and says what to do.

The CLI runs in-process (typer's runner over ``unionkg.cli.app``, as the ``unionkg`` script does);
every case also checks that no traceback reaches the user.
"""

from __future__ import annotations

import errno
import os
import socket
import stat
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from unionkg.cli import app, ensure_port_free, write_output
from unionkg.errors import InputError, sparql_syntax_message

runner = CliRunner()

# A budget of a body, place and year not in the samples, amounts in 元 (written for these tests).
WRITTEN_BUDGET = """湖州市妇女联合会2026年部门预算

一、收支预算总体情况
2026年收入预算总额1,234,500.00元，支出预算总额1,234,500.00元。
"""


def invoke(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    result = runner.invoke(app, list(args), env={"UNIONKG_ENCODER": "none", **(env or {})})
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


@pytest.fixture
def empty_store(tmp_path: Path) -> Path:
    """An embedded store with no document (enough for query messages)."""
    path = tmp_path / "store"
    ox.Store(str(path)).flush()
    return path


# --- SPARQL syntax errors: position, the text before it, what was expected; no character ranges ---

# (query, what the message must hold, what it must not hold)
SYNTAX_CASES = [
    ("SELECT ?s WHERE {", ["1:18", "at the end of the query", 'after "SELECT ?s WHERE {"', "expected one of", "more)"], ["\\u{", "'0'..='9'"]),
    ("SELECT ?s\nWHERE { ?s ?p ?o .\n  ?s ex:foo ?o }", ["3:12", 'after "  ?s ex:foo"', "not declared", "PREFIX name: <IRI>"], ["\\u{", "Prefix not found"]),
    ("PREFIX : <x>\nSELECT * WHERE { ?s ?p ?o }", ["1:13", "absolute IRI"], ["IRI parsing failed"]),
    ("   ", ["the query is empty", "SELECT, ASK, CONSTRUCT or DESCRIBE"], ["1:1"]),
    ("SELECT ?s WHERE { ?s <urn:x:某单位> ?o . FILTER(?o = ) }", ["1:", "correct the query there"], ["\\u{", "[_]"]),
]


@pytest.mark.parametrize(("sparql", "present", "absent"), SYNTAX_CASES)
def test_a_parser_error_reads_as_one_line_naming_where(sparql: str, present: list[str], absent: list[str]) -> None:
    with pytest.raises(SyntaxError) as parsed:
        ox.Store().query(sparql)
    message = sparql_syntax_message(str(parsed.value), sparql)
    assert "\n" not in message
    for text in present:
        assert text in message, message
    for text in absent:
        assert text not in message, message


def test_a_message_of_another_shape_is_kept_as_it_is() -> None:
    assert sparql_syntax_message("unexpected token near WHERE", "SELEC") == "SPARQL syntax error: unexpected token near WHERE"


def test_query_command_prints_the_readable_syntax_error(empty_store: Path) -> None:
    result = invoke("query", "SELECT ?s WHERE {", "--store", str(empty_store))
    assert result.exit_code == 3
    assert "1:18" in result.output and "at the end of the query" in result.output
    assert "\\u{" not in result.output and len(result.output.strip().splitlines()) == 1


# --- stores, folders and files ---


def test_a_store_that_is_not_there_is_named_with_what_to_do(tmp_path: Path) -> None:
    result = invoke("stats", "--store", str(tmp_path / "typo"))
    assert result.exit_code == 7
    assert str(tmp_path / "typo") in result.output and "unionkg ingest" in result.output


def test_a_folder_with_no_documents_is_named(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    result = invoke("ingest", str(tmp_path / "docs"), "--store", str(tmp_path / "store"))
    assert result.exit_code == 2
    assert "no supported files in" in result.output and str(tmp_path / "docs") in result.output


def test_a_file_name_with_spaces_quotes_and_chinese_is_ingested_and_named(tmp_path: Path) -> None:
    name = "湖州 \"妇联\" '2026' 预算.txt"
    (tmp_path / name).write_text(WRITTEN_BUDGET, encoding="utf-8")
    result = invoke("ingest", str(tmp_path / name), "--store", str(tmp_path / "store"))
    assert result.exit_code == 0, result.output
    assert f"ok      {name}" in result.output and "2026" in result.output


@pytest.mark.parametrize(
    ("text", "noted"),
    [
        ("just a note to self\n", True),  # nothing of the genre: said so
        (WRITTEN_BUDGET, False),  # a budget: the usual line
    ],
)
def test_a_document_where_nothing_was_recognised_says_so(tmp_path: Path, text: str, noted: bool) -> None:
    (tmp_path / "notes.xyz").write_text(text, encoding="utf-8")
    result = invoke("ingest", str(tmp_path / "notes.xyz"), "--store", str(tmp_path / "store"))
    assert result.exit_code == 0
    assert ("no genre, body, year or figures recognised" in result.output) is noted


# --- ask ---


@pytest.mark.parametrize("question", ["", "   ", "\u3000"])
def test_an_empty_question_is_refused_with_an_example(question: str, tmp_path: Path) -> None:
    result = invoke("ask", question, "--store", str(tmp_path / "no-store-needed"))
    assert result.exit_code == 2
    assert "the question is empty" in result.output and 'unionkg ask "' in result.output


# --- serve: ports and addresses ---


@pytest.mark.parametrize("port", ["-1", "65536", "99999"])
def test_a_port_out_of_range_is_refused_before_anything_starts(port: str, empty_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: pytest.fail(f"the server started on --port {port}"))  # fail, never hang
    result = invoke("serve", "--port", port, "--store", str(empty_store))
    assert result.exit_code == 2
    assert "--port" in result.output


def test_a_port_in_use_names_host_and_port_and_another_port_to_try() -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        with pytest.raises(InputError) as refused:
            ensure_port_free("127.0.0.1", port)
    assert f"127.0.0.1:{port}" in refused.value.message and "choose another --port" in refused.value.message


def test_an_address_not_of_this_machine_says_which_hosts_work() -> None:
    with pytest.raises(InputError) as refused:
        ensure_port_free("192.0.2.1", 8123)  # TEST-NET-1: never an address of this machine
    assert "192.0.2.1:8123" in refused.value.message
    assert "not an address of this machine" in refused.value.message and "127.0.0.1" in refused.value.message


# --- -o and OUTDIR ---


def test_output_into_a_file_taken_for_a_folder_says_so(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("x", encoding="utf-8")
    with pytest.raises(InputError) as refused:
        write_output(tmp_path / "a.csv" / "b.csv", "data")
    assert "is a file, not a folder" in refused.value.message


def test_output_that_cannot_be_written_names_the_file_not_a_temporary(tmp_path: Path) -> None:
    target = tmp_path / "locked" / "out.csv"
    target.parent.mkdir()
    (target.parent / "out.csv.tmp").mkdir()  # the temporary name is taken by a folder: the write fails as a full or read-only disk would
    with pytest.raises(InputError) as refused:
        write_output(target, "data")
    assert refused.value.message.startswith(f"{target}: cannot write there")
    assert ".tmp" not in refused.value.message


def test_output_to_a_pipe_writes_into_it_and_keeps_it_a_pipe(tmp_path: Path) -> None:
    """`-o /dev/stdout` or a FIFO: a temporary file renamed over it replaced the device with a file."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        write_output(fifo, "org,year\n")
        assert os.read(reader, 100) == b"org,year\n"
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_export_to_a_missing_folder_names_it(empty_store: Path, tmp_path: Path) -> None:
    result = invoke("export", "projects", "-o", str(tmp_path / "nope" / "p.csv"), "--store", str(empty_store))
    assert result.exit_code == 2
    assert f"{tmp_path / 'nope'} does not exist" in result.output


def test_fdp_into_a_file_says_it_wants_a_folder(empty_store: Path, tmp_path: Path) -> None:
    (tmp_path / "out").write_text("x", encoding="utf-8")
    result = invoke("fdp", str(tmp_path / "out"), "--store", str(empty_store))
    assert result.exit_code == 2
    assert "is a file, not a folder" in result.output and "File exists" not in result.output


def test_errno_advice_table_covers_the_usual_bind_errors() -> None:
    from unionkg.cli import BIND_ERROR_ADVICE

    assert {errno.EADDRINUSE, errno.EADDRNOTAVAIL, errno.EACCES} <= set(BIND_ERROR_ADVICE)


# --- choices and empty inputs of search and check ---


def test_an_empty_search_is_refused_with_an_example(empty_store: Path) -> None:
    result = invoke("search", "  ", "--store", str(empty_store))
    assert result.exit_code == 2
    assert "the search text is empty" in result.output and 'unionkg search "' in result.output


@pytest.mark.parametrize(("severity", "refused"), [("fatal", True), ("warnings", True), ("warning", False)])
def test_check_refuses_an_unknown_severity_before_running(severity: str, refused: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import unionkg.analytics.checks as checks

    ran: list[bool] = []
    monkeypatch.setattr(checks, "run_checks", lambda *a, **k: ran.append(True) or [])
    store = tmp_path / "store"
    ox.Store(str(store)).flush()
    result = invoke("check", "--severity", severity, "--store", str(store))
    if refused:
        assert result.exit_code == 2 and f"--severity {severity!r}: unknown; use error, warning, info" in result.output
        assert ran == []  # refused before a full check run
    else:
        assert result.exit_code == 0 and ran == [True]


@pytest.mark.parametrize(
    ("names", "advice", "absent"),
    [
        (["a.ppt", "b.dps"], ["slides (.ppt, .pptx, .dps) are not read: save them as PDF"], ["Word"]),
        (["scan.JPG"], ["OCR them into a PDF"], ["Word"]),
        (["notes.log"], [], ["Word", "OCR", "unpack"]),  # a type with no advice: the types and the supported list only
    ],
)
def test_skipped_files_say_how_to_make_them_readable(tmp_path: Path, names: list[str], advice: list[str], absent: list[str]) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in names:
        (folder / name).write_bytes(b"\xd0\xcf\x11\xe0")
    result = invoke("ingest", str(folder), "--store", str(tmp_path / "store"))
    assert result.exit_code == 2 and "supported are" in result.output
    for text in advice:
        assert text in result.output
    for text in absent:
        assert text not in result.output


def test_an_answer_lists_each_source_on_one_line() -> None:
    from unionkg.qa.commands import render_answer

    text = render_answer(
        {
            "answer": "某县总工会 2025 年春节慰问人数未达目标",
            "sources": [{"doc": "某县2025自评.pdf", "quote": "6)春节慰问人数500人（2分）\n依据当年工作计划，设置指标为春节慰\n问人数=500人"}],
            "intent": "missed_targets", "found": True, "session": "s1",
        }
    )
    lines = text.splitlines()
    assert "  [某县2025自评.pdf] 6)春节慰问人数500人（2分）依据当年工作计划，设置指标为春节慰问人数=500人" in lines
    assert len(lines) == 6  # answer, blank, 'sources:', one source, blank, intent line


def test_serve_says_where_the_pages_are(empty_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    started: list[int] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, host, port, **k: started.append(port))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = invoke("serve", "--port", str(port), "--store", str(empty_store))
    assert result.exit_code == 0 and started == [port]
    assert f"serving {empty_store} at http://127.0.0.1:{port}/ (chat), /sparql (SPARQL editor)" in result.output
