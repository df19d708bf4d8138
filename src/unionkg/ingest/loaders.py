"""Read a file's bytes into text (and tables), choosing the reader by content.

The format is decided by magic bytes first (``%PDF-``, a zip with
``word/document.xml``, HTML markup) and by the file suffix second, so a
misnamed file is still read and a file named ``.pdf`` that is not a PDF
gets a clear error.  An OFD (GB/T 33190) is read like a PDF: its text rebuilt from positions.
Each reader raises :class:`~unionkg.errors.InputError` naming the file; nothing else escapes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from unionkg.errors import InputError
from unionkg.ingest.pdf_reader import PdfLimits

TEXT = "text/plain"
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
HTML = "text/html"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
XLS = "application/vnd.ms-excel"
XLSB = "application/vnd.ms-excel.sheet.binary.macroEnabled.12"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
OFD = "application/ofd"  # GB/T 33190 版式文档
DOC = "application/msword"  # Word 97-2003 binary; WPS Writer files saved in the same format
RTF = "application/rtf"  # also RTF named .doc: publishers rename it
#: Spreadsheet media types -> the kind :func:`~unionkg.ingest.xlsx_reader.read_spreadsheet` reads.
SPREADSHEET_KINDS: dict[str, str] = {XLSX: "XLSX", XLSB: "XLSB", XLS: "XLS", ODS: "ODS"}

# Magic numbers of formats we read or recognise to refuse clearly.
PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc / .xls
#: Stream names (UTF-16 in an OLE compound file's directory) of an Excel workbook: BIFF8, BIFF5.
OLE_WORKBOOK_STREAMS = ("Workbook".encode("utf-16-le"), "Book\0".encode("utf-16-le"))
#: Stream names of old Word and PowerPoint files: not a workbook even when they carry an embedded
#: one (whose stream name is then in the file too).
OLE_DOCUMENT_STREAMS = ("WordDocument".encode("utf-16-le"), "PowerPoint Document".encode("utf-16-le"))
#: The main stream of a Word 97-2003 document (and of a WPS Writer file in that format).
OLE_WORD_STREAM = "WordDocument".encode("utf-16-le")
#: The mimetype entry (stored first in the zip) of an OpenDocument spreadsheet.
ODS_MIMETYPE = b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet"
RTF_MAGIC = b"{\\rtf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
#: Part names that tell an Office zip's kind.
DOCX_PART = b"word/document.xml"
XLSX_PART = b"xl/workbook.xml"
XLSB_PART = b"xl/workbook.bin"  # an Excel binary workbook: the same zip, its parts BIFF12 records
OFD_PART = b"OFD.xml"  # the root part of an OFD package
#: Zip-based formats not read, told by a part name or their mimetype entry, and what to do.
ZIP_FORMATS_REFUSED: dict[bytes, str] = {
    b"mimetypeapplication/vnd.oasis.opendocument": "an OpenDocument text or presentation (.odt/.odp); save it as DOCX or PDF first",
    b"ppt/presentation.xml": "a PowerPoint file; save it as PDF first",
}
# Where "%PDF-" may start: the spec allows junk before the header.
PDF_HEADER_WINDOW = 1024

SUFFIX_TYPES: dict[str, str] = {
    ".pdf": PDF,
    ".docx": DOCX,
    ".doc": DOC,
    ".wps": DOC,  # WPS Writer
    ".et": XLS,  # WPS Spreadsheets (Kingsoft), a BIFF8 workbook
    ".xlsx": XLSX,
    ".xls": XLS,
    ".xlsb": XLSB,
    ".ods": ODS,
    ".ofd": OFD,
    ".rtf": RTF,
    ".html": HTML,
    ".htm": HTML,
    ".xhtml": HTML,
    ".txt": TEXT,
    ".text": TEXT,
    ".md": TEXT,
    ".csv": TEXT,
}
# Text that is really HTML markup: a doctype or an <html>/<table>/<body> near the start.
HTML_SNIFF = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|table|meta|div|p)\b", re.IGNORECASE | re.DOTALL)

# Longest text (in characters) a document may have after decoding: the
# normaliser is linear but works per character in Python.
MAX_TEXT_CHARS = 5_000_000


@dataclass
class LoadedText:
    text: str
    media_type: str
    tables: list[list[list[str]]] = field(default_factory=list)
    encoding: str | None = None
    #: what the reader read around and could not read (scanned pages of a PDF), named with the file
    warnings: list[str] = field(default_factory=list)
    #: 1-based numbers of the pages read by OCR (scanned pages of a PDF)
    ocr_pages: tuple[int, ...] = ()


@dataclass(frozen=True)
class ReadLimits:
    max_text_chars: int = MAX_TEXT_CHARS
    pdf: PdfLimits = PdfLimits()


def sniff_media_type(name: str, data: bytes) -> str:
    """The media type by content; the suffix decides only for plain text."""
    head = data[:PDF_HEADER_WINDOW]
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if PDF_MAGIC in head:
        return PDF
    if data.startswith(ZIP_MAGIC):
        # a workbook when it has a workbook part and no Word body (the part names are in
        # the zip's directory; a DOCX carrying an embedded workbook has both)
        if DOCX_PART not in data:
            if XLSX_PART in data:
                return XLSX
            if XLSB_PART in data:
                return XLSB
            if OFD_PART in data:
                return OFD
            if ODS_MIMETYPE in data[:PDF_HEADER_WINDOW] or (suffix == ".ods" and b"content.xml" in data):
                return ODS  # the mimetype entry stored first, as the standard asks; else the name
            for marker, advice in ZIP_FORMATS_REFUSED.items():
                if marker in data:
                    raise InputError(f"{name}: {advice}")
        return DOCX
    if data.startswith(OLE_MAGIC):
        if any(stream in data for stream in OLE_WORKBOOK_STREAMS) and not any(stream in data for stream in OLE_DOCUMENT_STREAMS):
            return XLS
        if OLE_WORD_STREAM in data or SUFFIX_TYPES.get(suffix) == DOC:
            return DOC  # (a damaged one named .doc: the Word reader says what is wrong with it)
        raise InputError(f"{name}: a legacy Office file (.doc/.ppt); save it as DOCX or PDF first")
    if data[:4] == OLE_MAGIC[:4]:  # the compound-file signature, cut short or damaged after its first bytes
        raise InputError(f"{name}: a damaged Office 97-2003 file (its compound-file signature is incomplete, {len(data)} bytes); get the file again, or save it as DOCX or PDF")
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(RTF_MAGIC):  # (a BOM or blank line before it: still RTF)
        return RTF
    declared = SUFFIX_TYPES.get(suffix)
    if declared == DOC:
        if b"\0" in data[:PDF_HEADER_WINDOW] and not data.startswith(UTF16_BOMS):
            raise InputError(f"{name}: named {suffix} but is not a Word 97-2003 or WPS document (binary, no compound file: Word 6 or older, WPS 2000?); save it as DOCX or PDF first")
        # publishers rename web pages and text as .doc: read as text (an HTML one as a page)
        return TEXT
    if declared == PDF:
        raise InputError(f"{name}: named .pdf but is not a PDF (no %PDF header; truncated or corrupt?)")
    if declared == DOCX:
        raise InputError(f"{name}: named .docx but is not a DOCX (not a zip archive)")
    if declared == XLSX:
        raise InputError(f"{name}: named .xlsx but is not an XLSX (not a zip archive)")
    if declared == XLSB:
        raise InputError(f"{name}: named .xlsb but is not an XLSB (not a zip archive)")
    if declared == XLS:
        # web systems export "Excel" files that are an HTML table or tab-separated text named
        # .xls: read as text (an HTML one as a page); undecodable bytes are refused there
        return TEXT
    if declared == RTF:
        raise InputError(f"{name}: named .rtf but is not an RTF file (no {{\\rtf header)")
    if declared == OFD:
        raise InputError(f"{name}: named .ofd but is not an OFD file (not a zip archive)")
    if declared == ODS:
        raise InputError(f"{name}: named .ods but is not an OpenDocument spreadsheet (not a zip archive)")
    return declared or TEXT


def read_file(name: str, data: bytes, limits: ReadLimits = ReadLimits()) -> LoadedText:
    """Decode ``data`` (the content of file ``name``) into text and tables."""
    from unionkg.ingest.text_reader import decode_text

    if not data:
        raise InputError(f"{name}: the file is empty")
    media_type = sniff_media_type(name, data)
    if media_type == DOC:
        from unionkg.ingest.doc_reader import read_doc_text

        word = read_doc_text(name, data)
        loaded = LoadedText(word.text, DOC, word.tables, warnings=word.warnings)
    elif media_type == RTF:
        from unionkg.ingest.rtf_reader import read_rtf_text

        rich = read_rtf_text(name, data)
        loaded = LoadedText(rich.text, RTF, rich.tables, warnings=rich.warnings)
    elif media_type == PDF:
        from unionkg.ingest.pdf_reader import read_pdf_text

        reading = read_pdf_text(name, data, limits.pdf)
        loaded = LoadedText(reading.text, PDF, reading.tables, warnings=reading.warnings(name), ocr_pages=reading.ocr_pages)
    elif media_type == DOCX:
        from unionkg.ingest.docx_reader import read_docx_text

        document = read_docx_text(name, data)
        loaded = LoadedText(document.text, DOCX, document.tables, warnings=document.warnings)
    elif media_type == OFD:
        from unionkg.ingest.ofd_reader import read_ofd_text

        fixed = read_ofd_text(name, data)
        loaded = LoadedText(fixed.text, OFD, fixed.tables, warnings=fixed.warnings)
    elif media_type in SPREADSHEET_KINDS:
        from unionkg.ingest.xlsx_reader import read_spreadsheet

        text, tables = read_spreadsheet(name, data, SPREADSHEET_KINDS[media_type])
        loaded = LoadedText(text, media_type, tables)
    else:
        decoded, encoding = decode_text(name, data)
        if media_type == HTML or HTML_SNIFF.match(decoded[:4096]):
            from unionkg.ingest.html_reader import read_html_text

            page = read_html_text(name, decoded)
            loaded = LoadedText(page.text, HTML, page.tables, encoding, warnings=page.warnings)
        else:
            loaded = LoadedText(decoded, TEXT, [], encoding)
    loaded.warnings[:0] = suffix_mismatch(name, loaded.media_type)
    return _checked(name, loaded, limits)


def _checked(name: str, loaded: LoadedText, limits: ReadLimits) -> LoadedText:
    if len(loaded.text) > limits.max_text_chars:
        raise InputError(f"{name}: {len(loaded.text):,} characters of text, over the limit of {limits.max_text_chars:,}")
    return loaded


#: Word-processor suffixes whose files are checked against their content (publishers rename a
#: web page, a DOCX or a PDF as .doc), and how the formats read are named in the warning.
WORD_SUFFIXES: dict[str, str] = {".doc": DOC, ".wps": DOC, ".docx": DOCX}
FORMAT_NAMES: dict[str, str] = {RTF: "an RTF file", DOC: "a Word 97-2003 document", DOCX: "a DOCX", PDF: "a PDF", HTML: "a web page (HTML)", TEXT: "plain text", OFD: "an OFD"}


def suffix_mismatch(name: str, media_type: str) -> list[str]:
    """A warning when a Word file's suffix says another format than its content (read as its content).

    >>> suffix_mismatch("report.doc", HTML), suffix_mismatch("report.doc", DOC), suffix_mismatch("a.txt", HTML)
    (['report.doc: named .doc but is a web page (HTML); read as such'], [], [])
    """
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    declared = WORD_SUFFIXES.get(suffix)
    if declared is None or declared == media_type:
        return []
    return [f"{name}: named {suffix} but is {FORMAT_NAMES.get(media_type, media_type)}; read as such"]
