"""CLI commands ``ask`` and ``search``, registered on the app of unionkg.cli."""

from __future__ import annotations

from typing import Optional

import typer

from unionkg.cli import StoreOpt, app, emit_json, handle_errors, open_for, open_index, settings_for


def render_answer(result: dict[str, object]) -> str:
    lines = [str(result["answer"])]
    sources = result.get("sources") or []
    if sources:
        lines.append("")
        lines.append("sources:")
        for s in sources:  # type: ignore[attr-defined]
            lines.append(f"  [{s.get('doc')}] {s.get('quote')}")
    lines.append("")
    lines.append(f"intent: {result['intent']}  found: {str(result['found']).lower()}  session: {result['session']}")
    return "\n".join(lines)


@app.command()
@handle_errors
def ask(
    question: str = typer.Argument(..., help="A question in Chinese or English."),
    fmt: str = typer.Option("text", "--format", help="text | json"),
    store: Optional[str] = StoreOpt,
    session: Optional[str] = typer.Option(None, "--session", help="Session id of an earlier answer (follow-ups; in-process only)."),
) -> None:
    """Answer a question from the graph, with the SPARQL run and the source quotes."""
    from unionkg.qa.answerer import Answerer

    settings = settings_for(store)
    graph_store = open_for(settings, read_only=not settings.is_remote)
    result = Answerer(graph_store, settings, open_index(settings)).ask(question, session)
    if fmt == "json":
        emit_json(result)
    else:
        typer.echo(render_answer(result))


@app.command()
@handle_errors
def search(
    text: str = typer.Argument(..., help="Words or a question to look for in the documents."),
    k: int = typer.Option(10, "--k", help="Number of passages."),
    fmt: str = typer.Option("text", "--format", help="text | json"),
    store: Optional[str] = StoreOpt,
) -> None:
    """Hybrid passage search (BM25 over jieba tokens + dense vectors, fused by RRF)."""
    from unionkg.errors import NotFoundError

    settings = settings_for(store)
    index = open_index(settings)
    if index is None:
        raise NotFoundError("the search index is not available")
    hits = index.search(text, k=k)
    if fmt == "json":
        emit_json(hits)
        return
    for h in hits:
        heading = f" ({h['heading']})" if h.get("heading") else ""
        typer.echo(f"{h['score']:.4f}  [{h['doc']} {h['start']}-{h['end']}]{heading}\n    {str(h['quote'])[:300]}")
