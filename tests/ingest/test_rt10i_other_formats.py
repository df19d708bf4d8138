"""Round 10 (p3): zip-based formats that are not read are refused saying what they are and
what to do (``loaders.ZIP_FORMATS_REFUSED``): before, each was "a zip archive but not a
DOCX (no word/document.xml)", which named neither.  3/3 refused with their kind after."""

from __future__ import annotations

import io
import zipfile

import pytest

from unionkg.errors import InputError
from unionkg.ingest.loaders import DOCX, XLSX, ZIP_FORMATS_REFUSED, read_file, sniff_media_type


def _zip(members: dict[str, str], stored_first: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if stored_first is not None:
            archive.writestr(zipfile.ZipInfo("mimetype"), stored_first, compress_type=zipfile.ZIP_STORED)
        for name, text in members.items():
            archive.writestr(name, text)
    return buffer.getvalue()


CASES = {
    # read since round 12 (ingest/ofd_reader.py): one without a DocBody is named as a broken OFD
    "公开.ofd": (_zip({"OFD.xml": "<ofd:OFD/>", "Doc_0/Document.xml": "<d/>"}), "not a readable OFD"),
    "说明.odt": (_zip({"content.xml": "<office/>"}, stored_first="application/vnd.oasis.opendocument.text"), "an OpenDocument text"),
    "汇报.pptx": (_zip({"ppt/presentation.xml": "<p/>"}), "a PowerPoint file"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_other_zip_formats_are_named(name: str) -> None:
    data, kind = CASES[name]
    with pytest.raises(InputError, match=f"^{name}: {kind}"):
        read_file(name, data)


def test_office_zips_still_read_as_such() -> None:
    assert sniff_media_type("a.bin", _zip({"word/document.xml": "<w/>", "word/embeddings/OFD.xml": ""})) == DOCX
    assert sniff_media_type("a.bin", _zip({"xl/workbook.xml": "<w/>"})) == XLSX
    assert sniff_media_type("a.bin", _zip({"other.txt": "x"})) == DOCX  # read as a DOCX: "not a DOCX" names the file


def test_the_table_is_named() -> None:
    assert len(ZIP_FORMATS_REFUSED) == 2 and all(isinstance(k, bytes) for k in ZIP_FORMATS_REFUSED)
