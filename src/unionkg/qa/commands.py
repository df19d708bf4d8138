"""CLI commands ``ask`` and ``search``, registered on the app of unionkg.cli."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from pathlib import Path
from typing import Optional

import typer

from unionkg.cli import StoreOpt, app, check_choice, check_store_path, emit_json, handle_errors, open_for, open_index, settings_for
from unionkg.errors import InputError
from unionkg.render import quote_line
from unionkg.settings import Settings

# Chat sessions outlive one `unionkg ask` process as small JSON files (one per session id, per store),
# so that `--session ID` of a printed answer works in the next command; the oldest go past this count.
MAX_SAVED_SESSIONS = 200
# An empty question (a shell variable that was not set, quotes around nothing) is refused before the store is opened.
EMPTY_QUESTION_MESSAGE = 'the question is empty: give it in quotes, e.g. unionkg ask "2023年本年收入合计是多少？" or unionkg ask "What data do you have?"'
# A session id becomes a file name: only plain tokens (the answerer mints 16 hex digits) are saved or read.
SESSION_ID_PATTERN = re.compile(r"[0-9A-Za-z_-]{1,64}")


def render_answer(result: dict[str, object]) -> str:
    lines = [str(result["answer"])]
    sources = result.get("sources") or []
    if sources:
        lines.append("")
        lines.append("sources:")
        for s in sources:  # type: ignore[attr-defined]
            # one line per source: a quote keeps the document's line breaks, which broke the list apart
            lines.append(f"  [{s.get('doc')}] {quote_line(str(s.get('quote') or ''))}")
    lines.append("")
    lines.append(f"intent: {result['intent']}  found: {str(result['found']).lower()}  session: {result['session']}")
    return "\n".join(lines)


@app.command()
@handle_errors
def ask(
    question: str = typer.Argument(..., help="A question in Chinese or English."),
    fmt: str = typer.Option("text", "--format", help="text | json"),
    store: Optional[str] = StoreOpt,
    session: Optional[str] = typer.Option(None, "--session", help="Session id printed with an earlier answer: the question is a follow-up of it ('and in 2023?')."),
) -> None:
    """Answer a question from the graph, with the SPARQL run and the source quotes."""
    from unionkg.qa.answerer import Answerer

    check_choice("--format", fmt, ("text", "json"))
    if not question.strip():
        raise InputError(EMPTY_QUESTION_MESSAGE)
    settings = settings_for(store)
    graph_store = open_for(settings, read_only=not settings.is_remote)
    answerer = Answerer(graph_store, settings, open_index(settings))
    if session is not None and not restore_session(answerer, settings, session):
        typer.echo(f"unionkg: note: no earlier answer has session {session} for this store; answering the question on its own", err=True)
    result = answerer.ask(question, session)
    save_session(answerer, settings, str(result["session"]))
    if fmt == "json":
        emit_json(result)
    else:
        typer.echo(render_answer(result))


@app.command()
@handle_errors
def search(
    text: str = typer.Argument(..., help="Words or a question to look for in the documents."),
    k: int = typer.Option(10, "--k", min=1, help="Number of passages."),
    fmt: str = typer.Option("text", "--format", help="text | json"),
    store: Optional[str] = StoreOpt,
) -> None:
    """Hybrid passage search (BM25 over jieba tokens + dense vectors, fused by RRF)."""
    from unionkg.errors import NotFoundError

    check_choice("--format", fmt, ("text", "json"))
    if not text.strip():
        raise InputError('the search text is empty: give words to look for, e.g. unionkg search "困难职工帮扶"')
    settings = settings_for(store)
    check_store_path(settings)
    index = open_index(settings)
    if index is None:
        raise NotFoundError("the search index is not available (the search package is not installed)")
    if len(index) == 0:
        raise NotFoundError(
            f"{index.directory}: the search index holds no passages; it is built by 'unionkg ingest' "
            "(a store restored by 'unionkg load' has none until its source documents are ingested)"
        )
    hits = index.search(text, k=k)
    if fmt == "json":
        emit_json(hits)
        return
    if not hits:
        typer.echo(f"no passage matches {text!r} ({len(index)} passages searched)")
    for h in hits:
        heading = f" ({h['heading']})" if h.get("heading") else ""
        typer.echo(f"{h['score']:.4f}  [{h['doc']} {h['start']}-{h['end']}]{heading}\n    {str(h['quote'])[:300]}")


def _sessions_dir(settings: Settings) -> Path:
    """Saved sessions of one store, under the user cache dir ($XDG_CACHE_HOME on Linux)."""
    from platformdirs import user_cache_dir

    key = hashlib.sha1(str(Path(settings.store).resolve() if not settings.is_remote else settings.store).encode("utf-8")).hexdigest()[:12]
    return Path(user_cache_dir("unionkg")) / "sessions" / key


def _session_file(settings: Settings, session: str) -> Path | None:
    """The file of ``session``; None for an id that is not a plain token (it becomes a file name)."""
    if not SESSION_ID_PATTERN.fullmatch(session):
        return None
    return _sessions_dir(settings) / f"{session}.json"


def restore_session(answerer: object, settings: Settings, session: str) -> bool:
    """Put the saved state of ``session`` into the answerer's session store; False when there is none."""
    from unionkg.qa.sessions import SessionState

    path = _session_file(settings, session)
    if path is None or not path.is_file():
        return False
    try:
        state = SessionState(**json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):  # unreadable, or written by another version of SessionState
        return False
    answerer.sessions.put(session, state)  # type: ignore[attr-defined]
    return True


def save_session(answerer: object, settings: Settings, session: str) -> None:
    """Write the session's state for the next `unionkg ask --session`; a cache: failures are ignored."""
    state = answerer.sessions.get(session)  # type: ignore[attr-defined]
    path = _session_file(settings, session)
    if state is None or path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(dataclasses.asdict(state), ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
        saved = sorted(path.parent.glob("*.json"), key=lambda f: f.stat().st_mtime)
        for old in saved[:-MAX_SAVED_SESSIONS]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
