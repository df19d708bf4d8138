"""The binary structures of a Word 97-2003 document ([MS-DOC]) that the text needs.

A ``.doc`` (and a WPS Writer file saved in the same format: a compound file with a
``WordDocument`` stream) keeps its text in pieces listed by the piece table (the CLX in the
``0Table``/``1Table`` stream): each piece is a run of characters stored either compressed (one
byte a character, cp1252) or as UTF-16LE (Chinese text always).  Which paragraph is a table
cell, the end of a table row, and the row's cell layout (widths, vertical merges) are
paragraph properties: sprms in the PAPX of the paragraph mark, found through the bin table
(PlcBtePapx) and its 512-byte FKP pages.

Everything here reads bounded slices of the streams and raises :class:`DocFormatError`
(turned into an :class:`~unionkg.errors.InputError` naming the file by the caller) when a
structure points outside its stream: a broken file never makes it read past a buffer or loop.
"""

from __future__ import annotations

import struct
from bisect import bisect_right
from dataclasses import dataclass, field

#: wIdent of a Word 97-2003 FIB.
WORD_IDENT = 0xA5EC
#: Oldest FIB version read: newer than Word 95's 0x0068 (Word 6/95 files keep 8-bit text in
#: another layout). Word 97 and later write 0x00C1; converters and WPS write other values above.
MIN_NFIB = 0x0069
#: FibBase flags (the 16-bit word at offset 0x0A).
F_ENCRYPTED = 0x0100
F_WHICH_TABLE_STREAM = 0x0200
F_OBFUSCATED = 0x8000
#: Index of ccpText (characters of the main text) in FibRgLw97.
CCP_TEXT = 3
#: Index of ccpTxbx (characters of the text box story of the main text).
CCP_TXBX = 9
#: Index of the (fc, lcb) pairs in FibRgFcLcb97 that are read.
FC_PLCF_HDD = 11
FC_PLCF_BTE_CHPX = 12
FC_PLCF_BTE_PAPX = 13
FC_CLX = 33
FC_PLC_SPA_MOM = 40
FC_PLCF_TXBX_TXT = 56
FC_PLF_LST = 73
FC_PLF_LFO = 74
#: A piece's fc has this bit set when its text is compressed (8-bit).
FC_COMPRESSED = 0x40000000
#: Longest stream read (bytes): a declared size beyond this is refused, not allocated.
MAX_STREAM_BYTES = 128 * 1024 * 1024
#: Most pieces a piece table may list.
MAX_PIECES = 1_000_000
FKP_SIZE = 512

# Paragraph sprms that say where a paragraph sits in a table ([MS-DOC] 2.6.2).
SPRM_IN_TABLE = 0x2416  # the paragraph is in a table cell
SPRM_TTP = 0x2417  # the paragraph mark ends a table row (depth 1)
SPRM_ITAP = 0x6649  # table depth
SPRM_INNER_CELL = 0x244B  # the paragraph mark ends a cell of a nested table
SPRM_INNER_TTP = 0x244C  # the paragraph mark ends a row of a nested table
SPRM_DEF_TABLE = 0xD608  # a row's cell boundaries and per-cell flags (TDefTableOperand)
SPRM_VERT_MERGE = 0xD62B  # one cell's vertical merge (VerticalMergeOperand)
#: Character sprm: the run is deleted text of a tracked change (operand 1, or 0x81: the style's opposite
#: of "not deleted"); Word keeps it in the text stream and shows it struck through, or not at all.
SPRM_DELETED = 0x0800
DELETED_VALUES = frozenset({0x01, 0x81})
SPRM_LIST_INSTANCE = 0x460B  # sprmPIlfo: the paragraph is numbered by list instance n (1-based; 0: none)
SPRM_LIST_LEVEL = 0x260A  # sprmPIlvl: at this level (0-8)
#: sprmPIlfo values from here up: "not numbered" markers of Word 6 compatibility.
LIST_INSTANCE_NONE_FROM = 0xF000
SPRM_HUGE_PAPX = 0x6646
SPRM_HUGE_PAPX_BYTES = struct.pack("<H", SPRM_HUGE_PAPX)  # the properties are too long for the FKP: at this offset of the Data stream
#: Operand size by the sprm's spra (its top three bits); 6 is variable-length.
SPRA_OPERAND_BYTES = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}
#: Size of a TC80 (a cell of a TDefTable): tcgrf, unused, four borders.
TC80_BYTES = 20


class DocFormatError(ValueError):
    """A structure of the file is not what [MS-DOC] says (the message says which)."""


class OldWordFormat(DocFormatError):
    """A Word 6/95 file: its FIB (past the ident and version) is laid out otherwise."""


@dataclass(frozen=True)
class Fib:
    """What is read from the File Information Block."""

    n_fib: int
    encrypted: bool
    table_stream: str
    ccp_text: int
    clx: tuple[int, int]  # (offset, length) in the table stream
    bte_papx: tuple[int, int]
    bte_chpx: tuple[int, int]
    lists: tuple[int, int] = (0, 0)  # PlfLst
    list_instances: tuple[int, int] = (0, 0)  # PlfLfo
    #: where the text box story starts (characters of the stories before it) and its length
    text_box_story: tuple[int, int] = (0, 0)
    shape_anchors: tuple[int, int] = (0, 0)  # PlcSpaMom: shapes anchored in the main text
    text_boxes: tuple[int, int] = (0, 0)  # PlcftxbxTxt: the text box story cut into boxes
    header_story: int = 0  # where the header story starts (after the main text and footnotes)
    headers: tuple[int, int] = (0, 0)  # PlcfHdd: the header story cut into headers and footers


def read_fib(word: bytes) -> Fib:
    """The FIB at the start of the WordDocument stream."""
    if len(word) < 34:
        raise DocFormatError("the WordDocument stream is too short for a FIB")
    ident, n_fib = struct.unpack_from("<HH", word, 0)
    if ident != WORD_IDENT:
        raise DocFormatError(f"no Word FIB (ident 0x{ident:04X}, not 0x{WORD_IDENT:04X})")
    if n_fib < MIN_NFIB:
        raise OldWordFormat(f"FIB version {n_fib}")
    (flags,) = struct.unpack_from("<H", word, 0x0A)
    table_stream = "1Table" if flags & F_WHICH_TABLE_STREAM else "0Table"
    encrypted = bool(flags & (F_ENCRYPTED | F_OBFUSCATED))
    at = 32
    (csw,) = struct.unpack_from("<H", word, at)
    at += 2 + 2 * csw
    cslw = _u16(word, at)
    lw_at = at + 2
    at = lw_at + 4 * cslw
    cb_fc_lcb = _u16(word, at)
    fc_at = at + 2
    if cslw <= CCP_TEXT + 1 or cb_fc_lcb <= FC_CLX or fc_at + 8 * cb_fc_lcb > len(word):
        raise DocFormatError("the FIB is cut short (no piece table entry)")
    (ccp_text,) = struct.unpack_from("<i", word, lw_at + 4 * CCP_TEXT)
    lists = (_pair(word, fc_at, FC_PLF_LST), _pair(word, fc_at, FC_PLF_LFO)) if cb_fc_lcb > FC_PLF_LFO else ((0, 0), (0, 0))
    boxes = ((0, 0), (0, 0), (0, 0))
    if cslw > CCP_TXBX:
        counts = struct.unpack_from(f"<{CCP_TXBX + 1}i", word, lw_at)
        before = sum(max(c, 0) for c in counts[CCP_TEXT:CCP_TXBX])  # main, footnotes, headers, macros, comments, endnotes
        boxes = ((before, max(counts[CCP_TXBX], 0)), _pair(word, fc_at, FC_PLC_SPA_MOM), _pair(word, fc_at, FC_PLCF_TXBX_TXT))
    (ccp_footnotes,) = struct.unpack_from("<i", word, lw_at + 4 * (CCP_TEXT + 1))
    header_story = ccp_text + max(ccp_footnotes, 0)
    return Fib(
        n_fib,
        encrypted,
        table_stream,
        ccp_text,
        _pair(word, fc_at, FC_CLX),
        _pair(word, fc_at, FC_PLCF_BTE_PAPX),
        _pair(word, fc_at, FC_PLCF_BTE_CHPX),
        *lists,
        *boxes,
        header_story,
        _pair(word, fc_at, FC_PLCF_HDD),
    )


def _u16(data: bytes, at: int) -> int:
    if at + 2 > len(data):
        raise DocFormatError("the FIB is cut short")
    return int(struct.unpack_from("<H", data, at)[0])


def _pair(word: bytes, fc_at: int, index: int) -> tuple[int, int]:
    fc, lcb = struct.unpack_from("<II", word, fc_at + 8 * index)
    return int(fc), int(lcb)


def table_slice(table: bytes, where: tuple[int, int], what: str) -> bytes:
    offset, length = where
    if offset + length > len(table):
        raise DocFormatError(f"the {what} ({length:,} bytes at {offset:,}) points past the end of the table stream ({len(table):,} bytes)")
    return table[offset : offset + length]


@dataclass(frozen=True)
class Piece:
    """A run of text: characters ``[cp_start, cp_end)`` stored from byte ``fc`` of WordDocument."""

    cp_start: int
    cp_end: int
    fc: int
    compressed: bool

    @property
    def width(self) -> int:
        return 1 if self.compressed else 2

    def fc_of(self, cp: int) -> int:
        return self.fc + (cp - self.cp_start) * self.width


def read_pieces(clx: bytes, word_length: int) -> list[Piece]:
    """The piece table (PlcPcd of the CLX's Pcdt), each piece checked to lie in the WordDocument stream."""
    at = 0
    while at < len(clx) and clx[at] == 0x01:  # a Prc (property modifiers of fast-saved pieces): skipped
        if at + 3 > len(clx):
            raise DocFormatError("the piece table is cut short")
        at += 3 + struct.unpack_from("<H", clx, at + 1)[0]
    if at + 5 > len(clx) or clx[at] != 0x02:
        raise DocFormatError("no piece table in the CLX")
    (lcb,) = struct.unpack_from("<I", clx, at + 1)
    plc = clx[at + 5 : at + 5 + lcb]
    if len(plc) < lcb or lcb < 16 or (lcb - 4) % 12:
        raise DocFormatError(f"the piece table declares {lcb:,} bytes, the CLX holds {len(clx) - at - 5:,}")
    count = (lcb - 4) // 12
    if count > MAX_PIECES:
        raise DocFormatError(f"{count:,} pieces, over the limit of {MAX_PIECES:,}")
    cps = struct.unpack_from(f"<{count + 1}I", plc, 0)
    pieces: list[Piece] = []
    for i in range(count):
        (fc_raw,) = struct.unpack_from("<I", plc, 4 * (count + 1) + 12 * i + 2)
        compressed = bool(fc_raw & FC_COMPRESSED)
        fc = (fc_raw & ~FC_COMPRESSED) // 2 if compressed else fc_raw
        piece = Piece(cps[i], cps[i + 1], fc, compressed)
        if piece.cp_end < piece.cp_start or (pieces and piece.cp_start < pieces[-1].cp_end):
            raise DocFormatError(f"piece {i} runs backwards (characters {piece.cp_start}-{piece.cp_end})")
        if piece.fc + (piece.cp_end - piece.cp_start) * piece.width > word_length:
            raise DocFormatError(f"piece {i} points past the end of the WordDocument stream ({word_length:,} bytes)")
        pieces.append(piece)
    return pieces


def piece_text(word: bytes, piece: Piece, cp_limit: int) -> str:
    """The characters of ``piece`` below ``cp_limit``; compressed text is cp1252."""
    end = min(piece.cp_end, cp_limit)
    if end <= piece.cp_start:
        return ""
    raw = word[piece.fc : piece.fc_of(end)]
    return raw.decode("cp1252", errors="replace") if piece.compressed else raw.decode("utf-16-le", errors="replace")


@dataclass
class ParagraphProps:
    """The table properties of one paragraph mark."""

    in_table: bool = False
    depth: int = 0
    row_end: bool = False  # TTP: the mark ends a row (depth 1)
    inner_cell: bool = False
    inner_row_end: bool = False
    #: the row's cells (left to right) as (left, right) boundaries in twips, when it defines them
    boundaries: list[tuple[int, int]] = field(default_factory=list)
    #: vertical merge per cell: 0 none, 1 continues the cell above, 3 starts a merge (2 is unused)
    vertical: dict[int, int] = field(default_factory=dict)
    list_instance: int = 0  # automatic numbering: ilfo (1-based), 0 none
    list_level: int = 0

    @property
    def table_depth(self) -> int:
        return max(self.depth, 1) if self.in_table or self.depth else 0


class ParagraphPropsReader:
    """The PAPX of a paragraph mark by its byte position (fc), through the bin table and FKPs."""

    def __init__(self, word: bytes, bte: bytes, data_stream: bytes = b"") -> None:
        self.word = word
        self.data_stream = data_stream
        count = (len(bte) - 4) // 8 if len(bte) >= 12 else 0
        self.fcs = list(struct.unpack_from(f"<{count + 1}I", bte, 0)) if count else []
        self.pages = list(struct.unpack_from(f"<{count}I", bte, 4 * (count + 1))) if count else []
        self._fkps: dict[int, tuple[list[int], bytes]] = {}
        self._props: dict[bytes, ParagraphProps] = {}

    def props(self, fc: int) -> ParagraphProps:
        """Properties of the paragraph whose mark is at byte ``fc`` (none found: a plain paragraph)."""
        i = bisect_right(self.fcs, fc) - 1
        if i < 0 or i >= len(self.pages):
            return ParagraphProps()
        fkp = self._fkp(self.pages[i] & 0x3FFFFF)
        if fkp is None:
            return ParagraphProps()
        run_fcs, page = fkp
        j = bisect_right(run_fcs, fc) - 1
        if j < 0 or j >= len(run_fcs) - 1:
            return ParagraphProps()
        offset = page[4 * len(run_fcs) + 13 * j] * 2
        if not offset or offset >= FKP_SIZE - 1:
            return ParagraphProps()
        cb = page[offset]
        start, size = (offset + 2, 2 * page[offset + 1]) if cb == 0 else (offset + 1, 2 * cb - 1)
        grpprl = page[start + 2 : min(start + size, FKP_SIZE)]  # after the style index (istd)
        if grpprl not in self._props:  # (paragraphs of one kind share their properties' bytes)
            self._props[grpprl] = props_of(self._huge(grpprl) or grpprl)
        return self._props[grpprl]

    def _huge(self, grpprl: bytes) -> bytes | None:
        """The grpprl a sprmPHugePapx points to in the Data stream (a row of many cells), if any."""
        if SPRM_HUGE_PAPX_BYTES not in grpprl:
            return None
        for sprm, operand in sprms(grpprl):
            if sprm == SPRM_HUGE_PAPX and len(operand) == 4:
                (offset,) = struct.unpack("<I", operand)
                if offset + 2 <= len(self.data_stream):
                    (size,) = struct.unpack_from("<H", self.data_stream, offset)
                    return self.data_stream[offset + 2 : offset + 2 + size]
        return None

    def _fkp(self, pn: int) -> tuple[list[int], bytes] | None:
        if pn not in self._fkps:
            page = self.word[pn * FKP_SIZE : (pn + 1) * FKP_SIZE]
            if len(page) < FKP_SIZE or not 0 < page[-1] <= 101:
                return None
            runs = page[-1]
            self._fkps[pn] = (list(struct.unpack_from(f"<{runs + 1}I", page, 0)), page)
        return self._fkps[pn]


def sprms(grpprl: bytes) -> list[tuple[int, bytes]]:
    """The (sprm, operand) pairs of a grpprl; a sprm cut short ends the list."""
    out: list[tuple[int, bytes]] = []
    at = 0
    while at + 2 <= len(grpprl):
        (sprm,) = struct.unpack_from("<H", grpprl, at)
        at += 2
        spra = sprm >> 13
        if sprm == SPRM_DEF_TABLE and at + 2 <= len(grpprl):
            size = struct.unpack_from("<H", grpprl, at)[0] - 1  # its own size counts one of the two bytes
            at += 2
        elif spra == 6:
            if at >= len(grpprl):
                break
            size = grpprl[at]
            at += 1
        else:
            size = SPRA_OPERAND_BYTES[spra]
        if size < 0 or at + size > len(grpprl):
            break
        out.append((sprm, grpprl[at : at + size]))
        at += size
    return out


def props_of(grpprl: bytes) -> ParagraphProps:
    props = ParagraphProps()
    for sprm, operand in sprms(grpprl):
        if sprm == SPRM_IN_TABLE:
            props.in_table = operand[0] != 0
        elif sprm == SPRM_TTP:
            props.row_end = operand[0] != 0
        elif sprm == SPRM_ITAP and len(operand) == 4:
            props.depth = min(struct.unpack("<i", operand)[0], 64)
        elif sprm == SPRM_INNER_CELL:
            props.inner_cell = operand[0] != 0
        elif sprm == SPRM_INNER_TTP:
            props.inner_row_end = operand[0] != 0
        elif sprm == SPRM_DEF_TABLE:
            _read_def_table(operand, props)
        elif sprm == SPRM_VERT_MERGE and len(operand) == 2:
            props.vertical[operand[0]] = operand[1]
        elif sprm == SPRM_LIST_INSTANCE:
            (ilfo,) = struct.unpack("<H", operand)
            props.list_instance = 0 if ilfo >= LIST_INSTANCE_NONE_FROM else ilfo
        elif sprm == SPRM_LIST_LEVEL:
            props.list_level = min(operand[0], 8)
    return props


def _read_def_table(operand: bytes, props: ParagraphProps) -> None:
    """Cell boundaries and vertical merges of a TDefTableOperand (itcMac, rgdxaCenter, rgTc80)."""
    if not operand:
        return
    cells = min(operand[0], 63)
    if len(operand) < 1 + 2 * (cells + 1):
        return
    centers = struct.unpack_from(f"<{cells + 1}h", operand, 1)
    props.boundaries = [(centers[i], centers[i + 1]) for i in range(cells)]
    tc_at = 1 + 2 * (cells + 1)
    for i in range(cells):
        if tc_at + TC80_BYTES * (i + 1) > len(operand):
            break
        (tcgrf,) = struct.unpack_from("<H", operand, tc_at + TC80_BYTES * i)
        merge = (tcgrf >> 5) & 0x3
        if merge:
            props.vertical.setdefault(i, merge)


def deleted_ranges(word: bytes, bte: bytes) -> list[tuple[int, int]]:
    """Byte ranges ``[start, end)`` of the WordDocument stream holding deleted text (tracked
    changes), in order, from the character runs (PlcBteChpx and its CHPX FKPs)."""
    count = (len(bte) - 4) // 8 if len(bte) >= 12 else 0
    if not count:
        return []
    pages = struct.unpack_from(f"<{count}I", bte, 4 * (count + 1))
    ranges: list[tuple[int, int]] = []
    deleted: dict[bytes, bool] = {}  # grpprl -> deleted? (runs of one kind share their bytes)
    for pn in dict.fromkeys(p & 0x3FFFFF for p in pages):
        page = word[pn * FKP_SIZE : (pn + 1) * FKP_SIZE]
        if len(page) < FKP_SIZE or not 0 < page[-1] <= 101:
            continue
        runs = page[-1]
        fcs = struct.unpack_from(f"<{runs + 1}I", page, 0)
        for j in range(runs):
            offset = page[4 * (runs + 1) + j] * 2
            if not offset or offset >= FKP_SIZE - 1:
                continue
            grpprl = page[offset + 1 : offset + 1 + page[offset]]
            if grpprl not in deleted:
                deleted[grpprl] = _is_deleted(grpprl)
            if deleted[grpprl]:
                ranges.append((fcs[j], fcs[j + 1]))
    return sorted(ranges)


def _is_deleted(grpprl: bytes) -> bool:
    return any(sprm == SPRM_DELETED and operand and operand[0] in DELETED_VALUES for sprm, operand in sprms(grpprl))


#: The stories of PlcfHdd before the first section's: footnote and endnote separators.
HEADER_SEPARATOR_STORIES = 6
#: Index, among a section's six stories (even header, odd header, even footer, odd footer, first
#: header, first footer), of the header printed on every page.
DEFAULT_HEADER = 1


def first_header(table: bytes, fib: Fib) -> tuple[int, int] | None:
    """Characters ``[start, end)`` of the first section's running header, if it has one."""
    offset, length = fib.headers
    if length < 4 * (HEADER_SEPARATOR_STORIES + DEFAULT_HEADER + 2) or offset + length > len(table):
        return None
    index = HEADER_SEPARATOR_STORIES + DEFAULT_HEADER
    start, end = struct.unpack_from("<2i", table, offset + 4 * index)
    if not 0 <= start < end - 1:  # (its last paragraph mark closes the story)
        return None
    return fib.header_story + start, fib.header_story + end - 1
