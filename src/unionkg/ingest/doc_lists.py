"""Word 97-2003 lists (automatic numbering), turned into a DOCX numbering part.

Headings of the genre (``一、部门主要职责``, ``（二）机构设置``) are often Word's automatic
numbering: the label is in no character of the text but computed from the list the
paragraph belongs to (sprmPIlfo: a 1-based index into the PlfLfo, whose LFO names a list by
its lsid) and its level (sprmPIlvl).  The lists (PlfLst: LSTFs, then the LVLs of each) give
per level the start, the number format (nfc) and the label pattern (an Xst whose characters
0-8 stand for the numbers of levels 1-9).  They are written as ``abstractNum``/``num``
elements, so :class:`~unionkg.ingest.docx_numbering.ListNumbering` counts and labels the
paragraphs exactly as it does a DOCX's.  A structure cut short ends the reading: the
paragraphs then keep their text without labels.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from xml.sax.saxutils import quoteattr

#: (fc, lcb) pair indices of PlfLst and PlfLfo in FibRgFcLcb97.
FC_PLF_LST = 73
FC_PLF_LFO = 74
LSTF_BYTES = 28
LVLF_BYTES = 28
LFO_BYTES = 16
#: LSTF flags: a simple list has one level, not nine.
F_SIMPLE_LIST = 0x01
#: LVLF flags: fLegal (upper levels' numbers shown as decimals).
F_LEGAL = 0x04
MAX_LISTS = 5_000
#: LFOLVL flags: the level starts again at iStartAt; a whole LVL follows.
F_START_AT = 0x10
F_FORMATTING = 0x20

#: Number formats (nfc, [MS-DOC] MSONFC) -> the ``w:numFmt`` value the DOCX reader knows.
NUMBER_FORMATS: dict[int, str] = {
    0: "decimal",
    1: "upperRoman",
    2: "lowerRoman",
    3: "upperLetter",
    4: "lowerLetter",
    10: "ideographDigital",
    14: "decimalFullWidth",
    15: "decimalHalfWidth",
    18: "decimalEnclosedCircle",
    19: "decimalFullWidth",
    22: "decimalZero",
    23: "bullet",
    28: "decimalEnclosedCircleChinese",
    30: "ideographTraditional",
    33: "taiwaneseCounting",
    35: "taiwaneseCountingThousand",
    37: "chineseCounting",
    38: "chineseLegalSimplified",
    39: "chineseCountingThousand",
    255: "none",
}


@dataclass(frozen=True)
class ListLevel:
    start: int
    number_format: str
    text: str  # the label pattern with %1..%9 for the numbers of the levels
    legal: bool


@dataclass(frozen=True)
class WordLists:
    """Lists by lsid, and the lsid of each LFO (list instance, 1-based as sprmPIlfo counts)."""

    levels: dict[int, list[ListLevel]]
    #: per LFO: the lsid of its list and the levels it starts again (level -> start: LFOLVL fStartAt)
    instances: list[tuple[int, dict[int, int]]]

    def numbering_xml(self, namespace: str) -> str:
        """A ``w:numbering`` part: an abstractNum per list, a num per LFO (numId = ilfo)."""
        ids = {lsid: index for index, lsid in enumerate(self.levels)}
        abstracts = "".join(
            f'<w:abstractNum w:abstractNumId="{ids[lsid]}">'
            + "".join(
                f'<w:lvl w:ilvl="{i}"><w:start w:val="{lvl.start}"/><w:numFmt w:val="{lvl.number_format}"/>'
                f"{'<w:isLgl/>' if lvl.legal else ''}<w:lvlText w:val={quoteattr(lvl.text)}/></w:lvl>"
                for i, lvl in enumerate(levels)
            )
            + "</w:abstractNum>"
            for lsid, levels in self.levels.items()
        )
        nums = "".join(
            f'<w:num w:numId="{ilfo}"><w:abstractNumId w:val="{ids[lsid]}"/>'
            + "".join(
                f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{start}"/></w:lvlOverride>' for level, start in restarts.items()
            )
            + "</w:num>"
            for ilfo, (lsid, restarts) in enumerate(self.instances, start=1)
            if lsid in ids
        )
        return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{namespace}">{abstracts}{nums}</w:numbering>'


def read_lists(plf_lst: bytes, after_lst: bytes, plf_lfo: bytes) -> WordLists:
    """The lists of a document: ``plf_lst`` the PlfLst, ``after_lst`` the table stream from its
    end (where the LVLs follow), ``plf_lfo`` the PlfLfo."""
    levels: dict[int, list[ListLevel]] = {}
    if len(plf_lst) >= 2:
        (count,) = struct.unpack_from("<h", plf_lst, 0)
        at = 0
        for i in range(min(max(count, 0), MAX_LISTS)):
            lstf_at = 2 + LSTF_BYTES * i
            if lstf_at + LSTF_BYTES > len(plf_lst):
                break
            (lsid,) = struct.unpack_from("<i", plf_lst, lstf_at)
            simple = plf_lst[lstf_at + 26] & F_SIMPLE_LIST
            list_levels: list[ListLevel] = []
            for _ in range(1 if simple else 9):
                level, at = _read_level(after_lst, at)
                if level is None:
                    return WordLists(levels, _instances(plf_lfo))
                list_levels.append(level)
            levels[lsid] = list_levels
    return WordLists(levels, _instances(plf_lfo))


def _read_level(data: bytes, at: int) -> tuple[ListLevel | None, int]:
    """The LVL at ``at`` (LVLF, its paragraph and character sprms, its Xst) and where the next starts."""
    if at + LVLF_BYTES > len(data):
        return None, at
    (start,) = struct.unpack_from("<i", data, at)
    nfc, flags = data[at + 4], data[at + 5]
    cb_chpx, cb_papx = data[at + 24], data[at + 25]
    xst_at = at + LVLF_BYTES + cb_papx + cb_chpx
    if xst_at + 2 > len(data):
        return None, at
    (cch,) = struct.unpack_from("<H", data, xst_at)
    raw = data[xst_at + 2 : xst_at + 2 + 2 * cch]
    if len(raw) < 2 * cch:
        return None, at
    # characters 0-8 stand for the levels' numbers; other control characters cannot be in XML
    text = "".join(f"%{ord(c) + 1}" if ord(c) < 9 else c for c in raw.decode("utf-16-le", errors="replace") if ord(c) < 9 or ord(c) >= 0x20)
    level = ListLevel(start, NUMBER_FORMATS.get(nfc, "unknown"), text, bool(flags & F_LEGAL))
    return level, xst_at + 2 + 2 * cch


def _instances(plf_lfo: bytes) -> list[tuple[int, dict[int, int]]]:
    """Each LFO's lsid, and the levels its LFOData starts again (a list restarted at '一' in a
    later part of the document is a new LFO of the same list with fStartAt on level 0)."""
    if len(plf_lfo) < 4:
        return []
    (count,) = struct.unpack_from("<I", plf_lfo, 0)
    count = min(count, (len(plf_lfo) - 4) // LFO_BYTES, MAX_LISTS)
    instances: list[tuple[int, dict[int, int]]] = []
    at = 4 + LFO_BYTES * count  # the LFOData, one per LFO, in order
    for i in range(count):
        lsid = struct.unpack_from("<i", plf_lfo, 4 + LFO_BYTES * i)[0]
        overrides = plf_lfo[4 + LFO_BYTES * i + 12]
        restarts: dict[int, int] = {}
        at += 4  # cp
        for _ in range(min(overrides, 9)):
            if at + 8 > len(plf_lfo):
                break
            start, flags = struct.unpack_from("<iI", plf_lfo, at)
            at += 8
            if flags & F_FORMATTING:
                _, at = _read_level(plf_lfo, at)
            if flags & F_START_AT:
                restarts[flags & 0x0F] = start
        instances.append((lsid, restarts))
    return instances
