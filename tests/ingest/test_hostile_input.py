"""Hostile input on the file side: each case gives InputError or a bounded result, quickly."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ingest_docs import make_pdf, pdf_bytes, zip_bomb_docx

from unionkg.errors import InputError
from unionkg.ingest import load_bytes, load_source
from unionkg.ingest.loaders import ReadLimits, read_file
from unionkg.ingest.pdf_reader import PdfLimits, read_pdf
from unionkg.settings import Settings


@pytest.fixture
def cfg(tmp_path: Path) -> Settings:
    return Settings(store=str(tmp_path / "store"))


def test_random_bytes(tmp_path: Path, cfg: Settings) -> None:
    path = tmp_path / "random.txt"
    path.write_bytes(random.Random(1).randbytes(100_000))
    with pytest.raises(InputError, match="random.txt"):
        load_source(path, cfg)


@pytest.mark.parametrize("name", ["empty.txt", "empty.pdf", "empty.docx", "empty.html"])
def test_empty_files(tmp_path: Path, cfg: Settings, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        load_source(path, cfg)


def test_truncated_pdf(tmp_path: Path, cfg: Settings) -> None:
    data = pdf_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[: len(data) // 3])
    try:
        doc = load_source(path, cfg)
    except InputError as exc:
        assert "truncated.pdf" in exc.message
    else:  # pdfminer may recover the first objects: then the text is a bounded subset
        assert len(doc.text) < 200


def test_pdf_suffix_without_pdf_content(tmp_path: Path, cfg: Settings) -> None:
    path = tmp_path / "fake.pdf"
    path.write_bytes(b"hello, I am not a PDF")
    with pytest.raises(InputError, match="not a PDF"):
        load_source(path, cfg)


def test_corrupt_pdf_body(cfg: Settings) -> None:
    with pytest.raises(InputError, match="x.pdf"):
        load_bytes("x.pdf", b"%PDF-1.7\n" + os.urandom(5000))


def test_encrypted_pdf(tmp_path: Path) -> None:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    path = tmp_path / "secret.pdf"
    c = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("user-pw", "owner-pw"))
    c.drawString(72, 720, "secret budget")
    c.save()
    with pytest.raises(InputError, match="encrypted"):
        load_bytes("secret.pdf", path.read_bytes())


def test_pdf_page_cap(tmp_path: Path) -> None:
    data = make_pdf(tmp_path / "long.pdf", pages=6).read_bytes()
    with pytest.raises(InputError, match="pages, over the limit"):
        read_pdf("long.pdf", data, PdfLimits(max_pages=3))


def test_pdf_time_limit_stops_the_reader() -> None:
    data = pdf_bytes()
    with pytest.raises(InputError, match="longer than"):
        read_pdf("slow.pdf", data, PdfLimits(timeout_s=0.0001))


def test_pdf_memory_limit_stops_the_reader() -> None:
    data = pdf_bytes()
    with pytest.raises(InputError, match="slow.pdf"):
        read_pdf("slow.pdf", data, PdfLimits(memory_bytes=1024 * 1024))


def test_pdf_reader_in_process_gives_the_same_text() -> None:
    data = pdf_bytes()
    assert read_pdf("a.pdf", data, PdfLimits(isolate=False)) == read_pdf("a.pdf", data)


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.rect(100, 100, 200, 200, fill=1)
    c.save()
    with pytest.raises(InputError, match="no text layer"):
        load_bytes("scan.pdf", path.read_bytes())


def test_zip_bomb_named_docx(tmp_path: Path, cfg: Settings) -> None:
    path = zip_bomb_docx(tmp_path / "bomb.docx", size_mb=300)
    assert path.stat().st_size < 2 * 1024 * 1024
    with pytest.raises(InputError, match="zip bomb"):
        load_source(path, cfg)


def test_zip_that_is_not_a_docx(tmp_path: Path, cfg: Settings) -> None:
    import zipfile

    path = tmp_path / "sheet.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    # a workbook misnamed .docx is read as the workbook it is (round 10): this one is broken
    with pytest.raises(InputError, match=r"^sheet\.docx: cannot read the workbook"):
        load_source(path, cfg)
    other = tmp_path / "other.docx"
    with zipfile.ZipFile(other, "w") as z:
        z.writestr("content.xml", "<office/>")
    with pytest.raises(InputError, match="not a DOCX"):
        load_source(other, cfg)


def test_corrupt_docx(tmp_path: Path, cfg: Settings) -> None:
    import zipfile

    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<w:document><unclosed>")
    with pytest.raises(InputError, match="broken.docx"):
        load_source(path, cfg)


def test_legacy_doc_is_refused_clearly() -> None:
    with pytest.raises(InputError, match="old.doc: not a readable Word document"):  # a .doc is read since round 12 (e22)
        load_bytes("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)


@pytest.mark.parametrize("name", ["cut.doc", "cut.xls", "cut.wps", "cut.txt"])
@pytest.mark.parametrize("data", [b"\xd0\xcf\x11\xe0", b"\xd0\xcf\x11\xe0\xa1\xb1", b"\xd0\xcf\x11\xe0garbage"])
def test_a_compound_file_signature_cut_short_is_a_damaged_office_file(name: str, data: bytes) -> None:
    # (whatever the name: it was read as text and refused as "no encoding gives plausible text")
    with pytest.raises(InputError, match=f"{name}: a damaged Office 97-2003 file"):
        load_bytes(name, data)


@pytest.mark.parametrize("depth", [5_000, 50_000])
def test_deeply_nested_html(depth: int) -> None:
    markup = "<html><body>" + "<div>" * depth + "某某县总工会2022年部门决算" + "</div>" * depth + "</body></html>"
    try:
        doc = load_bytes("deep.html", markup.encode())
    except InputError as exc:
        assert "deep.html" in exc.message
    else:
        assert "部门决算" in doc.text


def test_huge_html_table_is_bounded() -> None:
    row = "<tr>" + "<td>1</td>" * 50 + "</tr>"
    markup = "<html><body><p>部门决算</p><table>" + row * 5000 + "</table></body></html>"
    doc = load_bytes("big.html", markup.encode())
    assert len(doc.tables) == 1
    assert sum(len(r) for r in doc.tables[0]) <= 200_050


def test_text_over_the_character_limit() -> None:
    with pytest.raises(InputError, match="over the limit"):
        read_file("long.txt", ("部门决算。" * 3000).encode(), ReadLimits(max_text_chars=10_000))


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * (2 * 1024 * 1024))
    with pytest.raises(InputError, match="MB limit"):
        load_source(path, Settings(store=str(tmp_path / "s"), max_file_mb=1))


@pytest.mark.parametrize("name", ["a;rm -rf $(x) '\"..txt", "$(touch pwned).txt", "../..\\x`y`.txt", "名 称 (1).txt", "-rf.txt"])
def test_file_names_with_shell_and_path_characters(tmp_path: Path, cfg: Settings, name: str) -> None:
    path = tmp_path / name.replace("/", "_")
    path.write_text("某某县总工会2022年部门决算\n", encoding="utf-8")
    doc = load_source(path, cfg)
    assert doc.source == path.name
    assert doc.genre == "final_accounts"
    assert not (tmp_path / "pwned").exists()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000), st.sampled_from(["x.txt", "x.html", "x.bin", "x.md"]))
def test_fuzz_bytes_give_input_error_or_a_consistent_document(data: bytes, name: str) -> None:
    try:
        doc = load_bytes(name, data)
    except InputError as exc:
        assert name in exc.message
        return
    assert len(doc.offsets) == len(doc.text) + 1
    assert doc.offsets[-1] == len(doc.original)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000))
def test_fuzz_text_normalises_with_a_valid_map(text: str) -> None:
    try:
        doc = load_bytes("fuzz.txt", text.encode("utf-8"))
    except InputError:
        return
    assert all(a <= b for a, b in zip(doc.offsets, doc.offsets[1:]))
    assert doc.offsets[-1] == len(doc.original)
    if doc.text:
        ev = doc.evidence(0, len(doc.text), "fuzz@1")
        assert ev.quote == doc.original[ev.start : ev.end]
