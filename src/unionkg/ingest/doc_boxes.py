"""Text boxes of a Word 97-2003 document: where each is anchored and where its text is.

A text box's text is not in the main text but in the text box story, which follows the main
text, footnotes, headers, comments and endnotes in the character positions.  The PlcftxbxTxt
cuts that story into boxes, each naming its shape (``lid``); the PlcSpaMom lists the shapes
anchored in the main text, each with the character position of its anchor.  Matching the two
by shape id places a box's paragraphs and tables after the paragraph it is anchored in, as the
DOCX reader reads a ``w:txbxContent`` (a seal in a box is left out there, by its wording).
"""

from __future__ import annotations

import struct

from unionkg.ingest.doc_binary import Fib

SPA_BYTES = 26  # a shape anchor: lid, bounds, flags, cTxbx
FTXBXS_BYTES = 22  # a text box entry: reuse counts, reserved, lid, txidUndo
FTXBXS_LID_AT = 14
FTXBXS_REUSABLE_AT = 8  # fReusable: an entry kept for reuse, no box
MAX_BOXES = 10_000


def anchored_boxes(table: bytes, fib: Fib) -> list[tuple[int, int, int]]:
    """``(anchor, start, end)`` per text box anchored in the main text: the anchor's character
    position and the box's characters ``[start, end)``, in the document's positions."""
    story_start, story_length = fib.text_box_story
    if not story_length:
        return []
    boxes = _plc(table, fib.text_boxes, FTXBXS_BYTES)
    anchors = _plc(table, fib.shape_anchors, SPA_BYTES)
    if not boxes or not anchors:
        return []
    text_of: dict[int, tuple[int, int]] = {}
    for (start, end), entry in boxes:
        if struct.unpack_from("<h", entry, FTXBXS_REUSABLE_AT)[0]:
            continue
        (lid,) = struct.unpack_from("<i", entry, FTXBXS_LID_AT)
        if 0 <= start < end - 1 < story_length:  # (a box's last paragraph mark ends the box, no paragraph of it)
            text_of.setdefault(lid, (story_start + start, story_start + end - 1))
    placed: list[tuple[int, int, int]] = []
    for (anchor, _), spa in anchors:
        (lid,) = struct.unpack_from("<i", spa, 0)
        if lid in text_of:
            placed.append((anchor, *text_of[lid]))
    return placed


def _plc(table: bytes, where: tuple[int, int], entry_bytes: int) -> list[tuple[tuple[int, int], bytes]]:
    """The entries of a PLC (n+1 character positions, then n entries): ((cp, next cp), entry)."""
    offset, length = where
    if length < 4 + 4 + entry_bytes or offset + length > len(table):
        return []
    count = min((length - 4) // (4 + entry_bytes), MAX_BOXES)
    data = table[offset : offset + length]
    cps = struct.unpack_from(f"<{count + 1}i", data, 0)
    at = 4 * (count + 1)
    return [((cps[i], cps[i + 1]), data[at + entry_bytes * i : at + entry_bytes * (i + 1)]) for i in range(count)]
