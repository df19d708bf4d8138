"""Decode the bytes of a plain-text file.

Chinese disclosures come as UTF-8 (with or without BOM), UTF-16 with BOM
(Windows "Unicode" text) or GB18030/GBK (older Windows exports), sometimes
Big5 for traditional-script bodies.  Single-byte detectors guess wrongly on
short Chinese files, so the order is strict:

1. a BOM decides;
2. strict UTF-8 (multi-byte UTF-8 is self-validating: GBK text almost never
   decodes as UTF-8);
3. the CJK legacy encodings that decode *strictly*, ranked by how much of the
   result is common Chinese (a GBK file also decodes as Big5 now and then,
   but into rare characters);
4. charset-normalizer for anything else, accepted only if the result is
   plausible text.

Binary input (NUL bytes, control characters) and empty files raise
:class:`~unionkg.errors.InputError` naming the file.
"""

from __future__ import annotations

import codecs
import functools
import re
import unicodedata

from unionkg.errors import InputError

# BOM -> codec.  UTF-32 first: its LE BOM starts with the UTF-16 LE BOM.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Legacy encodings tried strictly after UTF-8, in this order of preference
# (mainland bodies publish in GB18030/GBK; Big5 only for traditional script).
LEGACY_CJK_ENCODINGS: tuple[str, ...] = ("gb18030", "big5")

# Share of control characters above which decoded "text" is really binary.
MAX_CONTROL_SHARE = 0.01
# A legacy decoding must have at least this share of common Han characters
# among its Han characters to be believed.
MIN_COMMON_HAN_SHARE = 0.6
# Without Han characters, text decoded by the detector must be mostly ASCII.
MIN_ASCII_SHARE_WITHOUT_HAN = 0.9
# Whitespace controls that text legitimately contains.
TEXT_CONTROLS = frozenset("\t\n\r\f\v")


@functools.cache
def common_han() -> frozenset[str]:
    """The ~9,000 most used Han characters, simplified and traditional.

    Built from the encodings' own layouts, so no data file is needed:
    GB2312 (levels 1 and 2, 6,763 simplified characters) and Big5's
    frequently-used block (0xA440-0xC67E, 5,401 traditional characters).
    Text decoded with the wrong codec lands mostly outside these sets.
    """
    chars: set[str] = set()
    for lead in range(0xB0, 0xF8):
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    for lead in range(0xA4, 0xC7):
        for trail in list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)):
            try:
                chars.add(bytes((lead, trail)).decode("big5"))
            except UnicodeDecodeError:
                pass
    return frozenset(c for c in chars if is_han(c))


def is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\U00020000" <= ch <= "\U0002ffff"


def common_han_share(text: str) -> float:
    """Share of Han characters in ``text`` that are common ones (1.0 if none)."""
    han = [c for c in text if is_han(c)]
    if not han:
        return 1.0
    common = common_han()
    return sum(c in common for c in han) / len(han)


# Control characters other than whitespace, surrogates and private-use characters.
BINARY_CHAR = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\U000f0000-\U0010ffff]")


# Runs of characters that are assigned in every Unicode version Python ships (printable ASCII,
# line breaks and the CJK Unified Ideographs block, the bulk of a Chinese disclosure): removed
# before the distinct characters are looked up, so that the set is built of the few others
# (a set of the whole text cost ~0.2 of ~0.35 CPU-ms for a document of ~12,000 characters).
ALWAYS_ASSIGNED_RUNS = re.compile("[\n\u0020-\u007e\u4e00-\u9fff]+")


def control_share(text: str) -> float:
    """Share of characters that do not occur in text (controls, surrogates, private use, unassigned)."""
    if not text:
        return 0.0
    bad = len(BINARY_CHAR.findall(text))
    if not text.isascii():
        others = set(ALWAYS_ASSIGNED_RUNS.sub("", text))
        bad += sum(1 for c in others if unicodedata.category(c) == "Cn") and sum(1 for c in text if unicodedata.category(c) == "Cn")
    return bad / len(text)


def looks_like_utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without BOM shows as NULs in every other byte for ASCII-heavy text."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    if odd_nuls > 0.3 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.3 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def decode_text(name: str, data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)`` or raise :class:`InputError` naming ``name``."""
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    text, encoding = _decode(name, data)
    if not text.strip():
        raise InputError(f"{name}: the file is empty (only whitespace)")
    if control_share(text) > MAX_CONTROL_SHARE:
        raise InputError(f"{name}: looks like binary data, not text (decoded as {encoding}, too many control characters)")
    return text, encoding


def _decode(name: str, data: bytes) -> tuple[str, str]:
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec), codec
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: starts with a {codec} byte-order mark but is not valid {codec} (byte {exc.start})") from exc
    utf16 = looks_like_utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    if data.count(0) > 0:
        raise InputError(f"{name}: looks like binary data, not text (contains NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates: list[tuple[float, str, str]] = []
    for codec in LEGACY_CJK_ENCODINGS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        share = common_han_share(text)
        if share >= MIN_COMMON_HAN_SHARE:
            candidates.append((share, codec, text))
    if candidates:
        # Stable max: on a tie the earlier (preferred) encoding wins.
        best = max(candidates, key=lambda c: (c[0], -LEGACY_CJK_ENCODINGS.index(c[1])))
        return best[2], best[1]
    return _decode_with_detector(name, data)


def _decode_with_detector(name: str, data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    match = from_bytes(data[:1_000_000]).best()
    if match is None or match.encoding is None:
        raise InputError(f"{name}: cannot decode: not UTF-8, UTF-16, GB18030/GBK or Big5 text")
    try:
        text = data.decode(match.encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise InputError(f"{name}: cannot decode as {match.encoding} ({exc})") from exc
    if not plausible_text(text):
        raise InputError(f"{name}: cannot decode: no encoding gives plausible text (best guess {match.encoding})")
    return text, match.encoding


def plausible_text(text: str) -> bool:
    """Chinese text made of common characters, or text that is mostly ASCII.

    A detector always returns *some* single-byte codec for random bytes; the
    result is then full of rare symbols, which this rejects.
    """
    if any(is_han(c) for c in text):
        return common_han_share(text) >= MIN_COMMON_HAN_SHARE
    ascii_share = sum(c.isascii() for c in text) / max(len(text), 1)
    return ascii_share >= MIN_ASCII_SHARE_WITHOUT_HAN
