"""The scanned pages of a PDF read by OCR, after its text layer (see :mod:`unionkg.ingest.ocr`).

The PDF reader reads the text layer in one isolated child and names the pages that are scans;
when Tesseract is installed (and ``UNIONKG_OCR`` does not turn it off), those pages are
rendered with PDFium and read by Tesseract in a second isolated child, with a time limit of
its own (``PdfLimits.ocr_timeout_s``: OCR takes seconds a page where the text layer takes
tenths).  A page OCR reads nothing on (a blank page, a photograph), or that fails, stays a scan
not read, named in the reader's warning; a child that runs out of time or memory leaves them
all so.
"""

from __future__ import annotations

import dataclasses
import subprocess

from unionkg.ingest.isolation import ChildFailure, can_fork, run_in_child
from unionkg.ingest.pdf_reader import PAGE_SEPARATOR, PdfLimits, PdfText

#: What OCR gives for one page: (1-based page number, text, tables, figures left out).
PageReading = tuple[int, str, list[list[list[str]]], int]


def with_scans_read(name: str, data: bytes, reading: PdfText, limits: PdfLimits) -> PdfText:
    """``reading`` with its scanned pages replaced by what OCR reads on them (at most
    ``limits.max_ocr_pages``), or as it is when OCR is off, not installed or fails."""
    from unionkg.ingest.ocr import ocr_enabled

    pages = reading.scanned_pages[: limits.max_ocr_pages]
    if not pages or not reading.page_texts or not ocr_enabled():
        return reading
    if limits.isolate and can_fork():
        outcome = run_in_child(lambda: _read_pages(data, pages), limits.ocr_timeout_s, limits.memory_bytes)
    else:
        outcome = _read_pages(data, pages)
    if isinstance(outcome, ChildFailure) or not isinstance(outcome, list):
        return reading
    return merged(reading, outcome)


def _read_pages(data: bytes, pages: tuple[int, ...]) -> list[PageReading]:
    """What OCR reads on each page of ``pages`` that gives text (in the calling process)."""
    from unionkg.ingest.ocr import ocr_image, render_pdf_page

    out: list[PageReading] = []
    for number in pages:
        try:
            page = ocr_image(render_pdf_page(data, number - 1))
        except (OSError, ValueError, MemoryError, subprocess.SubprocessError, Exception):  # noqa: BLE001, S112 - PDFium raises its own errors on a broken page
            continue  # this page stays a scan not read, named in the reader's warning
        if page.text.text.strip():
            out.append((number, page.text.text, page.text.tables, page.figures_left_out))
    return out


def merged(reading: PdfText, pages: list[PageReading]) -> PdfText:
    """``reading`` with the text of the ``pages`` OCR read in place of their scans' (a stamp or a
    page number printed over a scan is replaced), their tables added, and the pages moved from
    the scans not read to the pages read by OCR."""
    texts = list(reading.page_texts)
    tables = list(reading.tables)
    read: list[int] = []
    left_out = 0
    for number, text, page_tables, figures_left_out in pages:
        texts[number - 1] = text
        tables.extend(page_tables)
        left_out += figures_left_out
        read.append(number)
    return dataclasses.replace(
        reading,
        text=PAGE_SEPARATOR.join(texts),
        tables=tables,
        scanned_pages=tuple(n for n in reading.scanned_pages if n not in read),
        ocr_pages=tuple(read),
        ocr_figures_left_out=left_out,
        page_texts=tuple(texts),
    )
