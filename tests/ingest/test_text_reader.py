"""Decoding plain text: encodings, BOMs, binary and empty input."""

from __future__ import annotations

import os
import random

import pytest

from unionkg.errors import InputError
from unionkg.ingest.text_reader import common_han_share, decode_text, looks_like_utf16_without_bom, plausible_text

SIMPLIFIED = "某某县总工会2022年部门决算\n一、收入支出决算总体情况说明。本年收入合计 100.50 万元，比上年增长 5%。\n"
TRADITIONAL = "某某縣總工會2022年部門決算\n一、收入支出決算總體情況說明。本年收入合計 100.50 萬元，比上年增長 5%。\n"


@pytest.mark.parametrize(
    ("data", "expected_text", "expected_encoding"),
    [
        (SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8"),
        (b"\xef\xbb\xbf" + SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8"),
        (SIMPLIFIED.encode("utf-16"), SIMPLIFIED, "utf-16-le"),  # Python writes a LE BOM
        (b"\xfe\xff" + SIMPLIFIED.encode("utf-16-be"), SIMPLIFIED, "utf-16-be"),
        (SIMPLIFIED.encode("gbk"), SIMPLIFIED, "gb18030"),
        (SIMPLIFIED.encode("gb18030"), SIMPLIFIED, "gb18030"),
        (TRADITIONAL.encode("big5"), TRADITIONAL, "big5"),
        (TRADITIONAL.encode("gb18030"), TRADITIONAL, "gb18030"),
        ("Budget report 2023\nTotal: 100".encode("utf-16-le"), "Budget report 2023\nTotal: 100", "utf-16-le"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "gbk", "gb18030", "big5", "traditional-in-gb18030", "utf16-no-bom-ascii"],
)
def test_encodings_are_detected(data: bytes, expected_text: str, expected_encoding: str) -> None:
    text, encoding = decode_text("doc.txt", data)
    assert text == expected_text
    assert encoding == expected_encoding


def test_gbk_file_is_not_decoded_as_big5_or_latin() -> None:
    # Long enough GBK prose: every legacy codec may accept the bytes, the common-character test decides.
    data = ("南昌市总工会2021年部门预算。一般公共服务支出1659.07万元，占支出预算总额的51.2%。" * 20).encode("gbk")
    text, encoding = decode_text("x.txt", data)
    assert encoding == "gb18030"
    assert "部门预算" in text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\r\n\t ", "empty"),
        (b"\xef\xbb\xbf", "empty"),
        (b"\x00" * 100, "binary"),
        (b"PK\x00\x00garbage\x00\x01\x02", "binary"),
        (bytes(range(256)) * 4, "binary"),
    ],
    ids=["empty", "whitespace", "bom-only", "nuls", "nul-bytes", "all-bytes"],
)
def test_unreadable_input_names_the_file(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as info:
        decode_text("bad file.txt", data)
    assert "bad file.txt" in info.value.message
    assert message in info.value.message


@pytest.mark.parametrize("seed", range(20))
def test_random_bytes_raise_input_error_or_decode(seed: int) -> None:
    rng = random.Random(seed)
    data = bytes(rng.randrange(256) for _ in range(rng.choice([7, 64, 1000, 5000])))
    try:
        text, _ = decode_text("random.bin", data)
    except InputError as exc:
        assert "random.bin" in exc.message
    else:  # accepted only when it reads as plausible text
        assert plausible_text(text)


def test_large_random_blob_is_refused() -> None:
    with pytest.raises(InputError):
        decode_text("blob.txt", os.urandom(200_000))


def test_common_han_share_separates_real_from_misdecoded_text() -> None:
    assert common_han_share("南昌市总工会部门预算") == 1.0
    # GBK bytes read as Big5 land partly in Big5's common block, but clearly less than real text.
    assert common_han_share("南昌市总工会部门预算".encode("gbk").decode("big5", errors="replace")) <= 0.6
    assert common_han_share("abc") == 1.0


@pytest.mark.parametrize(
    ("data", "expected"),
    [("abcdefgh".encode("utf-16-le"), "utf-16-le"), ("abcdefgh".encode("utf-16-be"), "utf-16-be"), ("南昌市总工会".encode("utf-8"), None), (b"ab", None)],
)
def test_utf16_without_bom_sniffing(data: bytes, expected: str | None) -> None:
    assert looks_like_utf16_without_bom(data) == expected
