"""What a new user trips on at the command line: a wrong --store, folders of other files,
an empty search index, follow-up questions across `unionkg ask` processes.

The documents are written here for bodies, provinces and years that are not in
the samples (绵阳 and 德阳 2023 self-evaluations, 株洲 2022 budget).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from unionkg.cli import app

runner = CliRunner()

MIANYANG_2023 = """绵阳市总工会2023年度部门整体支出绩效自评报告
一、部门基本情况
绵阳市总工会内设办公室、财务部2个部门。
二、部门整体支出情况
2023年绵阳市总工会全年预算数1480.00万元，全年执行数1406.00万元，预算执行率为95.00%。
三、自评得分
经自评，绵阳市总工会2023年度部门整体支出绩效自评得分为92分，评价等级为优。
"""

DEYANG_2023 = """德阳市总工会2023年度部门整体支出绩效自评报告
一、部门基本情况
德阳市总工会内设办公室、权益保障部2个部门。
二、部门整体支出情况
2023年德阳市总工会全年预算数860.00万元，全年执行数774.00万元，预算执行率为90.00%。
三、自评得分
经自评，德阳市总工会2023年度部门整体支出绩效自评得分为87分，评价等级为良。
"""

ZHUZHOU_2022 = """株洲市总工会2022年部门预算
一、收支预算总体情况说明
2022年部门收入总预算1250.40万元，其中：一般公共预算收入1150.40万元，其他收入100.00万元。
2022年部门支出总预算1250.40万元，其中：基本支出820.40万元，项目支出430.00万元。
"""


@pytest.fixture(autouse=True)
def _no_encoder_and_private_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("UNIONKG_ENCODER", "none")  # BM25 only: fast, no model
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # saved chat sessions stay in this test
    monkeypatch.delenv("UNIONKG_STORE", raising=False)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("docs")
    (folder / "mianyang_2023.txt").write_text(MIANYANG_2023, encoding="utf-8")
    (folder / "deyang_2023.txt").write_text(DEYANG_2023, encoding="utf-8")
    (folder / "zhuzhou_2022.txt").write_text(ZHUZHOU_2022, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def store(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("store") / "s"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("UNIONKG_ENCODER", "none")
        result = runner.invoke(app, ["ingest", str(corpus), "--store", str(where), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    return where


# --- --store that is not a store ------------------------------------------------------------

READ_COMMANDS = [
    ["stats"],
    ["query", "ASK { ?s ?p ?o }"],
    ["export", "amounts"],
    ["validate"],
    ["check"],
    ["flows"],
    ["dump"],
    ["ask", "株洲市总工会2022年支出总预算是多少？"],
    ["search", "困难职工"],
    ["remove", "zhuzhou_2022.txt"],
]


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0])
def test_a_missing_store_is_named_and_not_created(tmp_path: Path, command: list[str]) -> None:
    where = tmp_path / "typo"
    result = runner.invoke(app, [*command, "--store", str(where)])
    assert result.exit_code == 7, result.output
    assert str(where) in result.output and "no store there" in result.output and "unionkg ingest" in result.output
    assert "Traceback" not in result.output
    assert not where.exists()  # was created empty, and every command answered with zeros


@pytest.mark.parametrize("command", READ_COMMANDS[:3], ids=lambda c: c[0])
def test_a_folder_of_other_files_is_not_a_store(tmp_path: Path, corpus: Path, command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--store", str(corpus)])
    assert result.exit_code == 7
    assert "not a store" in result.output and str(corpus) in result.output


@pytest.mark.parametrize("command", [READ_COMMANDS[0], READ_COMMANDS[7], ["ingest", "PLACEHOLDER"]], ids=lambda c: c[0])
def test_a_file_as_store_is_named_as_a_file(tmp_path: Path, corpus: Path, command: list[str]) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x", encoding="utf-8")
    args = [str(corpus) if a == "PLACEHOLDER" else a for a in command]
    result = runner.invoke(app, [*args, "--store", str(a_file)])
    assert result.exit_code == 7
    assert f"{a_file}: is a file, not a store folder" in result.output
    assert "another unionkg process" not in result.output  # was: a lock error blaming another process


def test_an_existing_store_is_read(store: Path) -> None:
    result = runner.invoke(app, ["stats", "--store", str(store), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["documents"] == 3


def test_ingest_refuses_a_folder_of_other_files_and_writes_nothing_there(tmp_path: Path, corpus: Path) -> None:
    other = tmp_path / "reports"
    other.mkdir()
    (other / "budget.xlsx").write_bytes(b"PK")
    result = runner.invoke(app, ["ingest", str(corpus / "zhuzhou_2022.txt"), "--store", str(other)])
    assert result.exit_code == 7
    assert "budget.xlsx" in result.output and "new or empty folder" in result.output
    assert sorted(p.name for p in other.iterdir()) == ["budget.xlsx"]


def test_ingest_creates_a_new_store_in_an_empty_folder(tmp_path: Path, corpus: Path) -> None:
    empty = tmp_path / "new"
    empty.mkdir()
    result = runner.invoke(app, ["ingest", str(corpus / "zhuzhou_2022.txt"), "--store", str(empty), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert (empty / "CURRENT").is_file()


# --- folders without documents ---------------------------------------------------------------

def test_an_empty_folder_lists_the_supported_types(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = runner.invoke(app, ["ingest", str(tmp_path / "empty"), "--store", str(tmp_path / "s")])
    assert result.exit_code == 2
    assert "no supported files in" in result.output and ".docx" in result.output and ".html" in result.output


def test_a_folder_of_old_office_files_names_their_types(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    (folder / "2021年部门预算.ppt").write_bytes(b"\xd0\xcf\x11\xe0")
    (folder / "决算表.dps").write_bytes(b"\xd0\xcf\x11\xe0")  # a WPS 演示 file (.doc/.wps/.et are read since round 12)
    result = runner.invoke(app, ["ingest", str(folder), "--store", str(tmp_path / "s")])
    assert result.exit_code == 2
    assert "skipped 2 file(s) of other types (.dps, .ppt)" in result.output
    assert not (tmp_path / "s").exists()


def test_skipped_files_beside_documents_are_noted(tmp_path: Path, corpus: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "zhuzhou_2022.txt").write_text(ZHUZHOU_2022, encoding="utf-8")
    (folder / "附件.dps").write_bytes(b"x")
    (folder / ".DS_Store").write_bytes(b"x")  # hidden files are not documents anyone meant
    result = runner.invoke(app, ["ingest", str(folder), "--store", str(tmp_path / "s"), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "note: skipped 1 file(s) of other types (.dps)" in result.output


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        ([], ""),  # nothing skipped: the message lists the supported types only
        (["a.doc"], "skipped 1 file(s) of other types (.doc)"),
        (["a.DOC", "b.xls", "c"], "skipped 3 file(s) of other types ((no suffix), .doc, .xls)"),
    ],
)
def test_describe_skipped(names: list[str], expected: str) -> None:
    from unionkg.cli import describe_skipped

    text = describe_skipped([Path(n) for n in names])
    assert expected in text and ".txt" in text


# --- search ------------------------------------------------------------------------------------

def test_search_on_a_store_without_passages_says_so(tmp_path: Path, store: Path) -> None:
    dump = tmp_path / "all.nq"
    assert runner.invoke(app, ["dump", "--store", str(store), "-o", str(dump)]).exit_code == 0
    restored = tmp_path / "restored"
    assert runner.invoke(app, ["load", str(dump), "--store", str(restored)]).exit_code == 0
    result = runner.invoke(app, ["search", "困难职工", "--store", str(restored)])
    assert result.exit_code == 5  # was 0 with no output at all
    assert "holds no passages" in result.output and "unionkg ingest" in result.output


def test_search_finds_a_written_passage(store: Path) -> None:
    result = runner.invoke(app, ["search", "自评得分", "--store", str(store), "--k", "3"])
    assert result.exit_code == 0, result.output
    assert "deyang_2023.txt" in result.output or "mianyang_2023.txt" in result.output


# --- follow-up questions across processes ----------------------------------------------------

def _ask(store: Path, question: str, *extra: str) -> dict[str, object]:
    result = runner.invoke(app, ["ask", question, "--store", str(store), "--format", "json", *extra])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_a_follow_up_with_the_printed_session_keeps_the_context(store: Path) -> None:
    first = _ask(store, "绵阳市总工会2023年自评得分是多少？")
    assert "92" in str(first["answer"])
    follow = _ask(store, "那德阳市总工会呢？", "--session", str(first["session"]))
    assert follow["intent"] == first["intent"]  # without the saved session: a list of departments
    assert "87" in str(follow["answer"])
    assert follow["session"] == first["session"]


def test_an_unknown_session_is_noted(store: Path) -> None:
    result = runner.invoke(app, ["ask", "那德阳市总工会呢？", "--store", str(store), "--session", "0123456789abcdef"])
    assert result.exit_code == 0
    assert "no earlier answer has session 0123456789abcdef" in result.output


@pytest.mark.parametrize(
    ("session", "saved"),
    [("0123456789abcdef", True), ("my-chat_1", True), ("../../etc/passwd", False), ("a b", False), ("", False), ("x" * 65, False)],
)
def test_session_ids_that_become_file_names(tmp_path: Path, session: str, saved: bool) -> None:
    from unionkg.qa.commands import SESSION_ID_PATTERN

    assert bool(SESSION_ID_PATTERN.fullmatch(session)) is saved


# --- serve -------------------------------------------------------------------------------------

@pytest.fixture
def no_server(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, object]]:
    """uvicorn.run and create_app replaced: what serve would have started, without a server."""
    import unionkg_api
    import uvicorn

    started: list[dict[str, object]] = []
    monkeypatch.setattr(unionkg_api, "create_app", lambda settings: settings)
    monkeypatch.setattr(uvicorn, "run", lambda app_, **kw: started.append({"settings": app_, **kw}))
    return started


def test_serve_refuses_a_port_in_use(store: Path, no_server: list[dict[str, object]]) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = runner.invoke(app, ["serve", "--port", str(port), "--store", str(store)])
    assert result.exit_code == 2  # was 3 (uvicorn's own status), the code of a malformed SPARQL query
    assert f"127.0.0.1:{port}: cannot listen there" in result.output and "--port" in result.output
    assert no_server == []


def test_serve_starts_on_a_free_port(store: Path, no_server: list[dict[str, object]]) -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = runner.invoke(app, ["serve", "--port", str(port), "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert [(s["host"], s["port"]) for s in no_server] == [("127.0.0.1", port)]


def test_serve_refuses_a_missing_store_unless_it_may_write(tmp_path: Path, no_server: list[dict[str, object]]) -> None:
    missing = tmp_path / "typo"
    result = runner.invoke(app, ["serve", "--port", "0", "--store", str(missing)])
    assert result.exit_code == 7 and "no store there" in result.output
    assert not missing.exists() and no_server == []
    # with the update token the empty store is what the Graph Store Protocol loads into
    writable = runner.invoke(app, ["serve", "--port", "0", "--store", str(missing), "--update-token", "t0k"])
    assert writable.exit_code == 0, writable.output
    assert len(no_server) == 1


# --- documentation -----------------------------------------------------------------------------

def test_every_option_of_every_command_is_in_the_readme_command_list() -> None:
    """The `unionkg NAME ...` lines of the README list each command's options (--store is said once for all)."""
    import typer.main

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    group = typer.main.get_command(app)
    missing = []
    for name, command in sorted(group.commands.items()):  # type: ignore[attr-defined]
        lines = [line for line in readme.splitlines() if line.startswith(f"unionkg {name} ")]
        for param in command.params:
            names = [o for o in (*param.opts, *param.secondary_opts) if o.startswith("-")]
            if not names or "--help" in names or "--store" in names:
                continue
            if not any(re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", line) for o in names for line in lines):
                missing.append(f"{name} {names[0]}")
    assert missing == []


# --- options and outputs -----------------------------------------------------------------------

@pytest.mark.parametrize(
    "command",
    [["stats"], ["ask", "株洲市总工会2022年支出总预算是多少？"], ["search", "预算"], ["query", "ASK { ?s ?p ?o }"], ["ingest", "PLACEHOLDER"]],
    ids=lambda c: c[0],
)
def test_an_unknown_format_is_refused(store: Path, corpus: Path, command: list[str]) -> None:
    args = [str(corpus / "zhuzhou_2022.txt") if a == "PLACEHOLDER" else a for a in command]
    result = runner.invoke(app, [*args, "--format", "yaml", "--store", str(store)])
    assert result.exit_code == 2  # stats, ask, search and ingest printed text as if 'yaml' were understood
    assert "--format 'yaml': unknown; use" in result.output


@pytest.mark.parametrize("k", ["0", "-3"])
def test_search_needs_at_least_one_passage(store: Path, k: str) -> None:
    result = runner.invoke(app, ["search", "预算", "--k", k, "--store", str(store)])
    assert result.exit_code == 2 and "--k" in result.output


@pytest.mark.parametrize("command", [["export", "amounts"], ["dump"], ["flows"]], ids=lambda c: c[0])
def test_output_into_a_missing_folder_is_named(tmp_path: Path, store: Path, command: list[str]) -> None:
    target = tmp_path / "no" / "such" / "out.txt"
    result = runner.invoke(app, [*command, "-o", str(target), "--store", str(store)])
    assert result.exit_code == 2  # was a traceback (FileNotFoundError)
    assert f"{target}: cannot write there: the folder {target.parent} does not exist" in result.output
    assert "Traceback" not in result.output


def test_output_onto_a_folder_is_named(tmp_path: Path, store: Path) -> None:
    result = runner.invoke(app, ["export", "amounts", "-o", str(tmp_path), "--store", str(store)])
    assert result.exit_code == 2 and "is a folder" in result.output


def test_output_into_an_existing_folder_is_written(tmp_path: Path, store: Path) -> None:
    target = tmp_path / "amounts.csv"
    result = runner.invoke(app, ["export", "amounts", "-o", str(target), "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert "株洲市总工会" in target.read_text(encoding="utf-8")


def test_a_report_dir_that_is_a_file_is_refused_before_ingesting(tmp_path: Path, corpus: Path) -> None:
    a_file = tmp_path / "reports"
    a_file.write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(corpus / "zhuzhou_2022.txt"), "--report-dir", str(a_file), "--store", str(tmp_path / "s")])
    assert result.exit_code == 2 and f"{a_file}: is a file" in result.output
    assert not (tmp_path / "s").exists()


@pytest.mark.parametrize(
    ("text", "keyword"),
    [
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "INSERT"),
        ("PREFIX ukg: <https://w3id.org/unionkg/def/ukg#>\ndelete where { ?s ukg:met ?o }", "DELETE"),
        ("# drop the findings\nDROP GRAPH <urn:unionkg:graph:findings>", "DROP"),
        ("CLEAR ALL", "CLEAR"),
        ("LOAD <http://example.org/x.ttl>", "LOAD"),
        ("WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "WITH"),
        ("SELECT ?s WHERE { ?s ?p ?o }", None),
        ("PREFIX del: <urn:x#>\nASK { ?s del:p ?o }", None),
        ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", None),
        ("DESCRIBE <urn:insert>", None),
        ("", None),
    ],
)
def test_update_form(text: str, keyword: str | None) -> None:
    from unionkg.cli import update_form

    assert update_form(text) == keyword


def test_query_refuses_an_update_and_says_what_to_do(store: Path) -> None:
    result = runner.invoke(app, ["query", "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "--store", str(store)])
    assert result.exit_code == 2  # was 3 with "expected CONSTRUCT"
    assert "INSERT is a SPARQL Update" in result.output and "--update-token" in result.output


def test_an_ingest_with_another_encoder_says_so(tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    where = tmp_path / "s"
    assert runner.invoke(app, ["ingest", str(corpus / "zhuzhou_2022.txt"), "--store", str(where), "--jobs", "1"]).exit_code == 0
    same = runner.invoke(app, ["ingest", str(corpus / "deyang_2023.txt"), "--store", str(where), "--jobs", "1"])
    assert "encoder" not in same.output
    monkeypatch.setenv("UNIONKG_ENCODER", "hash")
    result = runner.invoke(app, ["ingest", str(corpus / "mianyang_2023.txt"), "--store", str(where), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "its 2 document(s) were indexed with encoder 'none' and this command uses 'hash'" in result.output
    assert "UNIONKG_ENCODER=none" in result.output
    assert "re-ingest them to index them" not in result.output  # the old note, without a word of the encoder


# --- query tables --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ("生活困难补助人数占\n\n比 <30%", "生活困难补助人数占 比 <30%"),
        ("拨付给某某科技有限公司 130\r\n\r\n万元包干费用", "拨付给某某科技有限公司 130 万元包干费用"),
        ("第 3 页\f下一页", "第 3 页 下一页"),
        ("收入 12.50 万元", "收入 12.50 万元"),  # spaces within a line stay
        ("a\u3000\u3000b", "a\u3000\u3000b"),
        ("", ""),
    ],
)
def test_one_line(cell: str, shown: str) -> None:
    from unionkg.render import one_line

    assert one_line(cell) == shown


def test_a_query_table_shows_one_line_per_row(store: Path) -> None:
    query = 'SELECT ?quote WHERE { VALUES ?quote { "基本支出\\n\\n820.40万元" "项目支出430.00万元" } }'
    result = runner.invoke(app, ["query", query, "--store", str(store)])
    assert result.exit_code == 0, result.output
    body = [line for line in result.output.splitlines() if "│" in line]
    assert any("基本支出 820.40万元" in line for line in body) and len(body) == 2  # 2 rows, 2 lines
    csv_out = runner.invoke(app, ["query", query, "--format", "csv", "--store", str(store)]).output
    assert "基本支出\n\n820.40万元" in csv_out  # csv and json keep the quote as it is


def test_the_top_help_says_where_the_store_is_and_how_to_start() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    assert "$UNIONKG_STORE" in text and "data/store" in text and "unionkg ingest" in text and "unionkg ask" in text


@pytest.mark.parametrize(
    ("source", "error", "shown"),
    [
        ("fake.docx", "fake.docx: named .docx but is not a DOCX (not a zip archive)", "fake.docx: named .docx but is not a DOCX (not a zip archive)"),
        ("empty.txt", "the file is empty", "empty.txt: the file is empty"),
        ("a.txt", "a.txt.bak: something", "a.txt: a.txt.bak: something"),  # another file named: both stay
    ],
)
def test_failure_text_names_the_file_once(source: str, error: str, shown: str) -> None:
    from unionkg.render import failure_text

    assert failure_text(source, error) == shown


def test_a_failed_document_is_one_line_naming_it_once(tmp_path: Path) -> None:
    fake = tmp_path / "衡水市总工会2024年部门预算.docx"
    fake.write_text("不是 DOCX", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(fake), "--store", str(tmp_path / "s"), "--jobs", "1"])
    assert result.exit_code == 2
    assert f"FAILED  {fake.name}: named .docx but is not a DOCX" in result.output


def test_an_ingest_without_store_says_where_the_graph_went(tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UNIONKG_STORE", str(tmp_path / "default-store"))
    result = runner.invoke(app, ["ingest", str(corpus / "zhuzhou_2022.txt"), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert f"store: {tmp_path / 'default-store'}" in result.output
    named = runner.invoke(app, ["ingest", str(corpus / "zhuzhou_2022.txt"), "--jobs", "1", "--store", str(tmp_path / "named")])
    assert "store:" not in named.output  # the user named it


@pytest.mark.parametrize(
    "phrase",
    ["no store there: no such folder; ingest documents first", "is a file, not a store folder", "skipped 1 file(s) of other types",
     "cannot listen there", "is a SPARQL Update: 'unionkg query' runs SELECT, ASK, CONSTRUCT and DESCRIBE", "were indexed with encoder 'none'"],
)
def test_the_readme_table_of_messages_quotes_the_messages(phrase: str, tmp_path: Path) -> None:
    """Each message the README explains is printed as written there (the tests above produce each one)."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    table = readme.split("Common first-hour messages:")[1].split("\n\n")[1]
    words = phrase.replace("1 file(s)", "N file(s)")
    assert words in table


def test_validate_says_it_started_and_how_long_it_took(store: Path) -> None:
    """One SHACL run over the whole store takes seconds on a few documents and minutes on a large store:
    stderr says what is being validated before the run and the time it took after it."""
    result = CliRunner().invoke(app, ["validate", "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert "Conforms: True" in result.stdout
    assert f"triples of {store} against the SHACL shapes" in result.stderr and "validated in" in result.stderr
