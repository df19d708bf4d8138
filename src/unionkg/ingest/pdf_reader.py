"""Extract the text layer of a PDF, with ruled tables as rows of cells (pdfplumber).

Each page gives its text lines and its tables in reading order (top to
bottom); a table is one line per row, cells joined by `` | ``, text wrapped
inside a cell joined back.  Pages are separated by a form feed, which the
normaliser reads as a page break (running headers, page numbers).

A PDF is a program: a small file can expand into gigabytes of content
streams or millions of objects.  Parsing therefore runs in a child process
with a memory limit and a wall-clock limit (where ``fork`` exists), and the
number of pages and characters per page is capped.  Any failure becomes an
:class:`~unionkg.errors.InputError` naming the file.
"""

from __future__ import annotations

import io
import multiprocessing
import re
import sys
from dataclasses import dataclass

from unionkg.errors import InputError

CELL_SEPARATOR = " | "
PAGE_SEPARATOR = "\f"


@dataclass(frozen=True)
class PdfLimits:
    max_pages: int = 500
    max_chars_per_page: int = 200_000
    timeout_s: float = 180.0
    memory_bytes: int = 2 * 1024 * 1024 * 1024
    isolate: bool = True  # parse in a child process (POSIX only)


Table = list[list[str]]


def read_pdf(name: str, data: bytes, limits: PdfLimits = PdfLimits()) -> tuple[str, list[Table]]:
    """Return ``(text, tables)`` or raise :class:`InputError`."""
    if limits.isolate and sys.platform != "win32" and "fork" in multiprocessing.get_all_start_methods():
        outcome = _run_isolated(data, limits)
    else:
        outcome = _extract_safely(data, limits)
    kind, payload = outcome
    if kind == "error":
        raise InputError(f"{name}: {payload}")
    text, tables = payload  # type: ignore[misc]
    if not text.replace(PAGE_SEPARATOR, "").strip():
        raise InputError(f"{name}: the PDF has no text layer (a scan? OCR it first)")
    return text, tables


def _run_isolated(data: bytes, limits: PdfLimits) -> tuple[str, object]:
    ctx = multiprocessing.get_context("fork")
    receiver, sender = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(data, limits, sender), daemon=True)
    process.start()
    sender.close()
    try:
        if not receiver.poll(limits.timeout_s):
            return ("error", f"reading the PDF took longer than {limits.timeout_s:.0f} s; stopped")
        try:
            return receiver.recv()  # type: ignore[no-any-return]
        except EOFError:
            return ("error", "the PDF reader crashed (out of memory? a PDF bomb?)")
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join(5)


def _child(data: bytes, limits: PdfLimits, sender: object) -> None:
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
    except (ImportError, ValueError, OSError):
        pass
    outcome = _extract_safely(data, limits)
    try:
        sender.send(outcome)  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - the parent reports a crash when nothing arrives
        pass


def _extract_safely(data: bytes, limits: PdfLimits) -> tuple[str, object]:
    try:
        return ("ok", extract_pdf(data, limits))
    except MemoryError:
        return ("error", "the PDF needs more memory than allowed (a PDF bomb?)")
    except _PdfLimitError as exc:
        return ("error", str(exc))
    except Exception as exc:  # noqa: BLE001 - pdfminer raises anything on broken files
        return ("error", describe_pdf_error(exc))


class _PdfLimitError(Exception):
    pass


def describe_pdf_error(exc: BaseException) -> str:
    """A one-line reason; pdfplumber wraps pdfminer's exceptions, so look at the chain."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and len(chain) < 5:
        chain.append(current)
        inner = [a for a in current.args if isinstance(a, BaseException)]
        current = inner[0] if inner else (current.__cause__ or current.__context__)
    for e in chain:
        kind = type(e).__name__
        if "Password" in kind or "Encrypt" in kind or "password" in str(e).lower():
            return "the PDF is encrypted (password protected)"
    root = chain[-1]
    return f"not a readable PDF ({type(root).__name__}: {str(root)[:200]})"


def extract_pdf(data: bytes, limits: PdfLimits) -> tuple[str, list[Table]]:
    import pdfplumber

    pages_text: list[str] = []
    tables: list[Table] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        if len(pdf.pages) > limits.max_pages:
            raise _PdfLimitError(f"the PDF has {len(pdf.pages)} pages, over the limit of {limits.max_pages}")
        for number, page in enumerate(pdf.pages, start=1):
            text, page_tables = extract_page(page, number, limits)
            pages_text.append(text)
            tables.extend(page_tables)
            page.flush_cache()
    return PAGE_SEPARATOR.join(pages_text), tables


def extract_page(page: object, number: int, limits: PdfLimits) -> tuple[str, list[Table]]:
    chars = page.chars  # type: ignore[attr-defined]
    if len(chars) > limits.max_chars_per_page:
        raise _PdfLimitError(f"page {number} has {len(chars)} characters, over the limit of {limits.max_chars_per_page}")
    found = page.find_tables()  # type: ignore[attr-defined]
    boxes = [t.bbox for t in found]

    def outside_tables(obj: dict[str, object]) -> bool:
        if "x0" not in obj or "top" not in obj:
            return True
        cx = (float(obj["x0"]) + float(obj["x1"])) / 2  # type: ignore[arg-type]
        cy = (float(obj["top"]) + float(obj["bottom"])) / 2  # type: ignore[arg-type]
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    items: list[tuple[float, str]] = []
    text_page = page.filter(outside_tables) if boxes else page  # type: ignore[attr-defined]
    for line in text_page.extract_text_lines(return_chars=False):
        items.append((float(line["top"]), line["text"]))
    page_tables: list[Table] = []
    for table in found:
        rows = [[clean_cell(c) for c in row] for row in table.extract()]
        rows = [row for row in rows if any(row)]
        if not rows:
            continue
        page_tables.append(rows)
        items.append((float(table.bbox[1]), "\n".join(CELL_SEPARATOR.join(row) for row in rows)))
    items.sort(key=lambda item: item[0])
    return "\n".join(text for _, text in items), page_tables


def clean_cell(cell: str | None) -> str:
    """Cell text with layout line breaks joined (no space between Han characters)."""
    if not cell:
        return ""
    joined = CELL_WRAP.sub(_join_wrap, cell)
    return re.sub(r"\s+", " ", joined).strip()


# A line break inside a cell and the characters around it.  Chinese has no
# spaces between words, so a break next to a Han character (or Chinese
# punctuation) is layout only; in a prose cell (one holding Han text) a break
# between two parts of a number (`覆盖率9` / `6.2%`) is layout too.  Between
# two numbers of a cell without Han text (`320.00` / `356.00`, two stacked
# values) or two Latin words the break stays a space.
CELL_WRAP = re.compile(r"(?<=(?P<left>\S))[ \t]*\n\s*(?=(?P<right>\S))")
_HAN_OR_PUNCT = re.compile(r"[\u3400-\u9fff，、。；：（(“‘《]")
_NUMBER_PART = re.compile(r"[0-9.,%％]")


def _join_wrap(match: re.Match[str]) -> str:
    left, right = match["left"], match["right"]
    cell = match.string
    if _HAN_OR_PUNCT.match(left) or re.match(r"[\u3400-\u9fff）)”’》，。；：、%％]", right):
        return ""
    if _NUMBER_PART.match(left) and _NUMBER_PART.match(right) and re.search(r"[\u3400-\u9fff]{2}", cell):
        return ""
    return " "
