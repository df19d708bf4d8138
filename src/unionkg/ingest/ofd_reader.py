"""Read the text of an OFD file (GB/T 33190 版式文档), the fixed-layout format many Chinese
government sites publish beside or instead of PDF.

An OFD is a zip: ``OFD.xml`` names each document's ``Document.xml``, which lists its pages
(``Pages/Page_N/Content.xml``), templates and resources; a page's text is in ``TextObject``
elements whose ``TextCode`` children carry the text and where it starts (X, Y, with DeltaX
between characters), inside layers, page blocks and composite objects, under transforms.
``ofdkit`` (standard library only) walks all that, templates and the producers' common
mistakes included, and gives each page's text runs with their position, size and width;
the lines and table rows are rebuilt from those positions by :mod:`positioned_text`.

Like the PDF and spreadsheet readers, the parse runs in a forked child with a memory and a
time limit (:mod:`isolation`), after the zip has been checked for bombs as a DOCX is (member
count, total unpacked size, compression ratios), and the pages and runs read are capped.
Any failure is an :class:`~unionkg.errors.InputError` naming the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from unionkg.errors import InputError
from unionkg.ingest.isolation import ChildFailure, can_fork, run_in_child
from unionkg.ingest.positioned_text import Run, page_text

PAGE_SEPARATOR = "\f"
#: The root part of an OFD package.
OFD_ROOT = "OFD.xml"
#: Share of the text size a run may stand outside the page box and still be read (a producer's
#: rounding); further out it is off the page, as a viewer shows it.
PAGE_MARGIN_RATIO = 1.0


@dataclass(frozen=True)
class OfdLimits:
    max_pages: int = 500
    max_runs_per_page: int = 200_000
    timeout_s: float = 120.0
    memory_bytes: int = 1024 * 1024 * 1024
    isolate: bool = True  # parse in a child process (POSIX only)


@dataclass(frozen=True)
class OfdText:
    """What the reader got from an OFD file: its text (pages separated by a form feed), its
    tables, the page count and what it read around."""

    text: str
    tables: list[list[list[str]]]
    page_count: int = 0
    warnings: list[str] = field(default_factory=list)


def read_ofd_text(name: str, data: bytes, limits: OfdLimits = OfdLimits()) -> OfdText:
    """The text and tables of an OFD file, or :class:`InputError` naming ``name``."""
    from unionkg.ingest.docx_reader import check_zip

    check_zip(name, data, kind="OFD", body=OFD_ROOT).close()
    if limits.isolate and can_fork():
        outcome = run_in_child(lambda: _extract_safely(data, limits), limits.timeout_s, limits.memory_bytes)
        if isinstance(outcome, ChildFailure):
            if outcome.timed_out:
                raise InputError(f"{name}: reading the OFD took longer than {limits.timeout_s:.0f} s; stopped")
            raise InputError(f"{name}: the OFD reader crashed on this file (corrupt, or it asked for more memory than allowed)")
    else:
        outcome = _extract_safely(data, limits)
    kind, payload = outcome  # type: ignore[misc]
    if kind == "error":
        raise InputError(f"{name}: {payload}")
    reading: OfdText = payload
    if not reading.text.replace(PAGE_SEPARATOR, "").strip():
        raise InputError(f"{name}: the OFD has no text (its pages are images? OCR them first)")
    return OfdText(reading.text, reading.tables, reading.page_count, [f"ingest: {name}: {w}" for w in reading.warnings])


class _OfdLimitError(Exception):
    pass


def _extract_safely(data: bytes, limits: OfdLimits) -> tuple[str, object]:
    import ofdkit

    try:
        return ("ok", extract_ofd(data, limits))
    except MemoryError:
        return ("error", "the OFD needs more memory than allowed")
    except _OfdLimitError as exc:
        return ("error", str(exc))
    except ofdkit.OFDError as exc:
        return ("error", f"not a readable OFD ({exc})")
    except Exception as exc:  # noqa: BLE001 - a broken package can make the XML walk fail anywhere
        return ("error", f"not a readable OFD ({type(exc).__name__}: {str(exc)[:200]})")


def extract_ofd(data: bytes, limits: OfdLimits) -> OfdText:
    """The pages' text and tables (in the calling process: see :func:`read_ofd_text`)."""
    import ofdkit

    pages: list[str] = []
    tables: list[list[list[str]]] = []
    warnings: list[str] = []
    with ofdkit.open(data) as document:
        if len(document.pages) > limits.max_pages:
            raise _OfdLimitError(f"the OFD has {len(document.pages)} pages, over the limit of {limits.max_pages}")
        for page in document.pages:
            try:
                runs = visible_runs(page)
            except ofdkit.OFDError as exc:
                warnings.append(f"page {page.index + 1} could not be read ({exc}); read around it")
                pages.append("")
                continue
            if len(runs) > limits.max_runs_per_page:
                raise _OfdLimitError(f"page {page.index + 1} has {len(runs):,} text runs, over the limit of {limits.max_runs_per_page:,}")
            laid_out = page_text(runs)
            pages.append(laid_out.text)
            tables.extend(laid_out.tables)
        warnings.extend(document.warnings)
        page_count = len(document.pages)
    return OfdText(PAGE_SEPARATOR.join(pages), tables, page_count, warnings)


def visible_runs(page: object) -> list[Run]:
    """The text runs of an ``ofdkit`` page that lie on the page (see :data:`PAGE_MARGIN_RATIO`),
    as :class:`Run`: ofdkit's ``y`` is the baseline, as here."""
    x0, y0, width, height = page.box  # type: ignore[attr-defined]
    out: list[Run] = []
    for run in page.runs:  # type: ignore[attr-defined]
        margin = PAGE_MARGIN_RATIO * max(run.size, 1.0)
        if x0 - margin <= run.x <= x0 + width + margin and y0 - margin <= run.y <= y0 + height + margin:
            out.append(Run(run.text, run.x, run.y, run.size, run.width))
    return out
