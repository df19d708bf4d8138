"""Read RTF files (``.rtf``, and RTF that publishers rename ``.doc``) with their table cells.

The small RTF libraries on PyPI print a table's row as one line or lose its cells, and tables
carry the figures of this genre, so this is a compact reader of its own.  The tokens of the file
(control words, ``\\'hh`` bytes, ``\\uN`` characters with their ``\\ucN`` fallbacks, text,
braces) are walked with a stack of group states; destinations that are not body text (font,
colour and style tables, document info, pictures, footers, footnotes, every ``{\\*\\...}``
group) are skipped; the first running header is read apart, as the DOCX reader reads it (a title
printed only there).  Paragraph and cell marks become the same
:class:`~unionkg.ingest.doc_reader.MarkedParagraph` values the Word 97-2003 reader makes:

- ``\\par`` ends a paragraph; in a table (``\\intbl``, depth ``\\itapN``) ``\\cell`` ends a cell
  and ``\\row`` a row, whose layout is the last row definition (``\\trowd``: cell right edges
  ``\\cellxN`` from ``\\trleftN``, vertical merges ``\\clvmgf`` start / ``\\clvmrg`` continue,
  a cell merged into its left neighbour with the old ``\\clmrg`` folded into it);
- nested tables end their cells with ``\\nestcell`` and rows with ``\\nestrow``, their row
  definition in ``{\\*\\nesttableprops ...}``.

so they are assembled, written as WordprocessingML and read by the DOCX reader exactly as a
.doc is (:func:`~unionkg.ingest.doc_reader.read_doc_text`): the lines and `` | `` rows reaching
extraction are those of the same document saved as DOCX.  Parsing runs in an isolated child with
a time and memory limit; a hostile file (unbalanced braces, a ``\\binN`` past the end, groups
nested beyond :data:`MAX_GROUP_DEPTH`) is an :class:`~unionkg.errors.InputError` naming it.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field, replace

from unionkg.errors import InputError
from unionkg.ingest.doc_binary import ParagraphProps
from unionkg.ingest.doc_lists import WordLists
from unionkg.ingest.doc_reader import (
    CELL_END,
    FIELDS_NOT_READ,
    PARAGRAPH_END,
    DocBody,
    DocLimits,
    MarkedParagraph,
    assemble,
    read_parsed_as_docx,
)
from unionkg.ingest.docx_reader import DocxText

#: One RTF token: a control word with its optional numeric parameter (one space after it is part
#: of it), a hex byte, a control symbol, a brace, line ends (not text in RTF), or a run of text.
RTF_TOKEN = re.compile(r"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z'])|([{}])|[\r\n]+|([^\\{}\r\n]+)", re.DOTALL)

#: Destinations whose text is not body text (the group is skipped whole).
SKIPPED_DESTINATIONS: frozenset[str] = frozenset(
    [
        "fonttbl",
        "colortbl",
        "stylesheet",
        "info",
        "pict",
        "object",
        "objdata",
        "fldinst",
        "headerl",
        "headerf",
        "footer",
        "footerl",
        "footerr",
        "footerf",
        "footnote",
        "annotation",
        "atnid",
        "atnauthor",
        "listtable",
        "listoverridetable",
        "revtbl",
        "rsidtbl",
        "filetbl",
        "pgdsctbl",
        "xmlnstbl",
        "themedata",
        "colorschememapping",
        "datastore",
        "latentstyles",
        "generator",
        "template",
        "nonshppict",
        "shpinst",
        "shprslt",
        "txe",
        "xe",
        "tc",
        "bkmkstart",
        "bkmkend",
        "author",
        "operator",
        "title",
        "subject",
        "comment",
        "doccomm",
        "keywords",
        "company",
        "userprops",
        "private",
        "ftnsep",
        "ftnsepc",
        "aftnsep",
        "aftnsepc",
        "ftncn",
        "aftncn",
        "nonesttables",
    ]
)
#: Running headers of every page (default, right-hand): the first one is read apart from the body, as
#: the DOCX reader reads the first section's (a title printed only there); the others are skipped.
HEADER_DESTINATIONS: frozenset[str] = frozenset({"header", "headerr"})
#: Destinations holding the number of a numbered paragraph as text (Word 97 and later; Word 6).
LIST_NUMBER_DESTINATIONS: frozenset[str] = frozenset({"listtext", "pntext"})
#: Paragraph control words not obeyed inside a list number (its own ``\\pard`` would end the
#: table its paragraph is in).
PARAGRAPH_WORDS: frozenset[str] = frozenset({"pard", "intbl", "itap"})
#: Control words that stand for a character of text.
CHARACTER_WORDS: dict[str, str] = {
    "tab": "\t", "line": "\n", "emdash": "\u2014", "endash": "\u2013", "emspace": "\u2003",
    "enspace": "\u2002", "qmspace": "\u2005", "bullet": "\u2022", "lquote": "\u2018",
    "rquote": "\u2019", "ldblquote": "\u201c", "rdblquote": "\u201d", "zwj": "\u200d", "zwnj": "\u200c",
}  # fmt: skip
#: Control symbols that stand for a character (``\\-`` an optional hyphen, ``\\*`` handled apart).
CHARACTER_SYMBOLS: dict[str, str] = {"\\": "\\", "{": "{", "}": "}", "~": "\xa0", "_": "\u2011", "-": "", "|": "", ":": ""}
#: Windows character sets (``\\fcharsetN`` of a font) -> the code page its ``\\'hh`` bytes are in
#: (0, "ANSI", is not listed: such a font's bytes are in the document's ``\\ansicpgN``).
CHARSET_CODEPAGES: dict[int, str] = {
    128: "cp932", 129: "cp949", 134: "cp936", 136: "cp950", 161: "cp1253",
    162: "cp1254", 177: "cp1255", 178: "cp1256", 186: "cp1257", 204: "cp1251", 222: "cp874", 238: "cp1250",
}  # fmt: skip
#: Deepest nesting of groups read (Word writes some tens; a hostile file millions).
MAX_GROUP_DEPTH = 500
#: Largest file read (bytes): RTF of a budget with its tables is a few megabytes.
MAX_RTF_BYTES = 200 * 1024 * 1024
DEFAULT_CODEPAGE = "cp1252"


@dataclass
class GroupState:
    """What a group inherits from the one around it and may change (restored at its ``}``)."""

    skip: bool = False  # in a destination that is not body text
    unicode_skip: int = 1  # \ucN: fallback characters after each \uN
    codepage: str = DEFAULT_CODEPAGE
    hidden: bool = False  # \v: hidden text; \deleted: deleted with tracked changes
    in_font_table: bool = False
    font_number: int = 0  # in the font table: the font being described
    nest_props: bool = False  # in {\*\nesttableprops}: a nested row's definition
    list_number: bool = False  # in {\listtext}: the number a list gives its paragraph
    in_header: bool = False  # in the running header read (:data:`HEADER_DESTINATIONS`)
    field_code_at: int = -1  # in a field's code ({\*\fldinst}): where its source starts
    results_hidden: bool = False  # in a field whose result is not read (a table of contents)


@dataclass
class RowLayout:
    """A row definition (``\\trowd`` ...): its cells' edges and merges."""

    left: int = 0
    rights: list[int] = field(default_factory=list)
    vertical: dict[int, int] = field(default_factory=dict)
    pending_vertical: int = 0  # \clvmgf / \clvmrg seen for the cell whose \cellx comes next
    #: cells that continue the one on their left (the old ``\\clmrg``): folded into it
    continues_left: set[int] = field(default_factory=set)
    pending_continues: bool = False

    def clear(self) -> None:
        """A new definition (``\\trowd``): nothing of the last one kept."""
        self.left, self.rights, self.vertical, self.pending_vertical = 0, [], {}, 0
        self.continues_left, self.pending_continues = set(), False

    def boundaries(self) -> list[tuple[int, int]]:
        """The (left, right) edges of the row's cells, a merged cell's reaching over those it covers."""
        out: list[tuple[int, int]] = []
        for index, (left, right) in enumerate(zip([self.left, *self.rights[:-1]], self.rights)):
            if index in self.continues_left and out:
                out[-1] = (out[-1][0], right)
            else:
                out.append((left, right))
        return out

    def merged_vertical(self) -> dict[int, int]:
        """The vertical merges by cell, counted without the cells folded into their left neighbour."""
        folded = sorted(self.continues_left)
        return {
            index - sum(1 for f in folded if f < index): kind for index, kind in self.vertical.items() if index not in self.continues_left
        }


@dataclass
class RtfState:
    """The reader's state outside groups: the paragraph being read and the marks so far."""

    ansi_codepage: str = DEFAULT_CODEPAGE
    font_codepages: dict[int, str] = field(default_factory=dict)
    default_font: int = 0
    text: list[str] = field(default_factory=list)
    pending_bytes: bytearray = field(default_factory=bytearray)
    in_table: bool = False
    depth: int = 1  # \itapN
    row: RowLayout = field(default_factory=RowLayout)
    nested_row: RowLayout = field(default_factory=RowLayout)
    marks: list[MarkedParagraph] = field(default_factory=list)
    fallback_left: int = 0  # characters of a \uN fallback still to drop
    cell_index: int = 0  # cells of the open row so far (depth 1)
    list_start: int = 0  # where the text of the open {\listtext} group starts in ``text``
    header: str | None = None  # the first running header's text, once read
    #: the body's paragraph state while the running header is read
    body_state: tuple[list[str], list[MarkedParagraph], bool, int] | None = None

    def enter_header(self) -> None:
        self.body_state = (self.text, self.marks, self.in_table, self.depth)
        self.text, self.marks, self.in_table, self.depth = [], [], False, 1

    def leave_header(self) -> None:
        """The header's paragraphs joined by a space (as the .doc reader gives them), the body's state back."""
        lines = [mark.text for mark in self.marks] + [_joined(self.text)]
        self.header = " ".join(line.strip() for line in lines if line.strip())
        if self.body_state is not None:
            self.text, self.marks, self.in_table, self.depth = self.body_state
            self.body_state = None

    def end_list_number(self) -> None:
        """The list number written out (``一、\\tab``) put before the text as the DOCX reader
        renders it: without the blanks and tab that separate it."""
        number = _joined(self.text[self.list_start :]).strip(" \t")
        del self.text[self.list_start :]
        self.text.append(number)

    def flush_bytes(self, codepage: str) -> None:
        if self.pending_bytes:
            self.text.append(bytes(self.pending_bytes).decode(codepage, errors="replace").replace("\ufffd", ""))
            self.pending_bytes.clear()

    def continue_cell(self) -> None:
        """The text of a cell merged into the one on its left (usually none) added to that cell."""
        text = _joined(self.text).strip()
        if text:
            last = self.marks[-1]
            self.marks[-1] = MarkedParagraph(f"{last.text} {text}".strip(), last.mark, last.props, last.cp)
        self.text.clear()

    def mark(self, mark: str, props: ParagraphProps) -> None:
        self.marks.append(MarkedParagraph(_joined(self.text), mark, props, len(self.marks)))
        self.text.clear()


def _joined(parts: list[str]) -> str:
    """The text, surrogate pairs written as two ``\\uN`` joined into one character."""
    text = "".join(parts)
    if any("\ud800" <= c <= "\udfff" for c in text):
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "ignore")
    return text


def read_rtf(name: str, data: bytes) -> DocBody:
    """The paragraphs and tables of an RTF file's body, or :class:`InputError` naming ``name``."""
    if len(data) > MAX_RTF_BYTES:
        raise InputError(f"{name}: the RTF file has {len(data):,} bytes, over the limit of {MAX_RTF_BYTES:,}")
    source = data.decode("latin-1")  # RTF is 7-bit; 8-bit bytes are read as \'hh would be
    state = RtfState()
    stack: list[GroupState] = []
    group = GroupState()
    destination_next = False  # after "{": the first control word may name a destination
    starred = False
    position = 0
    length = len(source)
    while position < length:
        match = RTF_TOKEN.match(source, position)
        if match is None:  # (a lone backslash at the very end)
            break
        position = match.end()
        word, parameter, hex_byte, symbol, brace, text = match.groups()
        if brace == "{":
            if len(stack) >= MAX_GROUP_DEPTH:
                raise InputError(
                    f"{name}: RTF groups nested over {MAX_GROUP_DEPTH} deep at byte {match.start():,} (not a document a word processor writes)"
                )
            state.flush_bytes(group.codepage)
            stack.append(group)
            group = replace(group)
            destination_next, starred = True, False
            state.fallback_left = 0
            continue
        if brace == "}":
            state.flush_bytes(group.codepage)
            if not stack:
                raise InputError(f"{name}: unbalanced RTF braces: a '}}' closes no group at byte {match.start():,}")
            if group.list_number and not stack[-1].list_number:
                state.end_list_number()
            if group.in_header and not stack[-1].in_header:
                state.leave_header()
            if group.field_code_at >= 0 and stack[-1].field_code_at < 0:
                stack[-1].results_hidden = field_code(source[group.field_code_at : match.start()]).startswith(FIELDS_NOT_READ)
            group = stack.pop()
            destination_next, starred = False, False
            state.fallback_left = 0
            continue
        if symbol == "*":
            starred = destination_next
            continue
        if word is not None:
            first_word, destination_next = destination_next, False
            if word == "bin":
                skip = int(parameter or 0)
                if skip < 0 or position + skip > length:
                    raise InputError(
                        f"{name}: an RTF \\bin{skip} at byte {match.start():,} runs past the end of the file ({length:,} bytes)"
                    )
                position += skip
                continue
            if first_word:
                _enter_destination(state, group, word, starred, position)
            if group.in_font_table:
                _font_table_word(state, group, word, parameter)
                continue
            if group.skip:
                continue
            _control_word(name, state, group, word, parameter)
            continue
        destination_next = False
        if not (group.skip or group.hidden):
            _read_text(state, group, hex_byte, symbol, text)
    if stack:
        raise InputError(f"{name}: unbalanced RTF braces: {len(stack)} group(s) not closed at the end of the file (truncated?)")
    state.flush_bytes(group.codepage)
    if state.text and _joined(state.text).strip():
        state.mark(PARAGRAPH_END, _props(state))
    return DocBody(assemble(state.marks), WordLists({}, []), state.header or "")


def _enter_destination(state: RtfState, group: GroupState, word: str, starred: bool, position: int) -> None:
    """What the first control word of a group (``word``, after ``\\*`` when ``starred``) makes of it."""
    if word in HEADER_DESTINATIONS and not starred and not group.skip:  # (LibreOffice repeats it in a skipped page style)
        if state.header is None and state.body_state is None:
            group.in_header = True
            state.enter_header()
        else:
            group.skip = True
    if starred and word != "nesttableprops" or word in SKIPPED_DESTINATIONS:
        group.skip = True
        group.in_font_table = word == "fonttbl"
    if word == "nesttableprops":
        group.nest_props = True
    elif word == "fldinst":
        group.field_code_at = position
    elif word == "fldrslt" and group.results_hidden:
        group.skip = True
    elif word in LIST_NUMBER_DESTINATIONS and not group.list_number:
        group.list_number = True
        state.list_start = len(state.text)


def _read_text(state: RtfState, group: GroupState, hex_byte: str | None, symbol: str | None, text: str | None) -> None:
    """A byte, a control symbol or a run of text of the body, less what a ``\\uN``'s fallback still drops."""
    if hex_byte is not None:
        if state.fallback_left:
            state.fallback_left -= 1
        else:
            state.pending_bytes.append(int(hex_byte, 16))
        return
    if symbol is not None:
        if symbol in CHARACTER_SYMBOLS and not state.fallback_left:
            state.flush_bytes(group.codepage)
            state.text.append(CHARACTER_SYMBOLS[symbol])
        return
    if text:
        state.flush_bytes(group.codepage)
        if state.fallback_left:
            dropped = min(state.fallback_left, len(text))
            state.fallback_left -= dropped
            text = text[dropped:]
        state.text.append(text)


#: Control words and braces inside a field's code (``{\\*\\fldinst {\\b TOC} \\\\o "1-3"}``).
FIELD_CODE_MARKUP = re.compile(r"\\[a-zA-Z]{1,32}-?\d{0,10} ?|[{}]")


def field_code(source: str) -> str:
    """A field's code (the RTF source of its ``fldinst``) as text, upper case (``TOC \\O "1-3"``)."""
    return FIELD_CODE_MARKUP.sub("", source).strip().upper()


def _font_table_word(state: RtfState, group: GroupState, word: str, parameter: str | None) -> None:
    """Inside ``\\fonttbl``: remember each font's code page (``\\fN ... \\fcharsetN``)."""
    if word == "f" and parameter is not None:
        group.font_number = int(parameter)
    elif word == "fcharset" and parameter is not None:
        codepage = CHARSET_CODEPAGES.get(int(parameter))
        if codepage:
            state.font_codepages[group.font_number] = codepage


def _props(state: RtfState, **marks: object) -> ParagraphProps:
    return ParagraphProps(in_table=state.in_table, depth=state.depth if state.in_table else 0, **marks)  # type: ignore[arg-type]


def _control_word(name: str, state: RtfState, group: GroupState, word: str, parameter: str | None) -> None:
    """What one control word of body text does to the text, the group or the paragraph."""
    value = int(parameter) if parameter is not None else None
    if word == "u" and value is not None:
        state.flush_bytes(group.codepage)
        if not group.hidden:
            state.text.append(chr(value % 65536))
        state.fallback_left = group.unicode_skip
        return
    state.fallback_left = 0
    if word in CHARACTER_WORDS:
        if not group.hidden:
            state.flush_bytes(group.codepage)
            state.text.append(CHARACTER_WORDS[word])
        return
    state.flush_bytes(group.codepage)
    if group.list_number and word in PARAGRAPH_WORDS:
        return
    row = state.nested_row if group.nest_props else state.row
    if word == "uc" and value is not None:
        group.unicode_skip = max(0, min(value, 10))
    elif word == "ansicpg" and value is not None:
        state.ansi_codepage = _codepage(f"cp{value}")
        group.codepage = state.ansi_codepage
    elif word == "deff" and value is not None:
        state.default_font = value
    elif word == "f" and value is not None:
        group.codepage = state.font_codepages.get(value, state.ansi_codepage)
    elif word == "plain":
        group.codepage = state.font_codepages.get(state.default_font, state.ansi_codepage)
        group.hidden = False
    elif word in ("v", "deleted"):
        group.hidden = value != 0
    elif word == "par":
        state.mark(PARAGRAPH_END, _props(state))
    elif word == "pard":
        state.in_table, state.depth = False, 1
    elif word == "intbl":
        state.in_table = True
    elif word == "itap" and value is not None:
        state.in_table, state.depth = value > 0, max(1, value)
    elif word == "trowd":
        row.clear()
    elif word == "trleft" and value is not None:
        row.left = value
    elif word == "clvmgf":
        row.pending_vertical = 3
    elif word == "clvmrg":
        row.pending_vertical = 1
    elif word == "clmrg":
        row.pending_continues = True
    elif word == "cellx" and value is not None:
        if row.pending_vertical:
            row.vertical[len(row.rights)] = row.pending_vertical
        if row.pending_continues:
            row.continues_left.add(len(row.rights))
        row.rights.append(value)
        row.pending_vertical, row.pending_continues = 0, False
    elif word == "cell":
        state.in_table = True
        index, state.cell_index = state.cell_index, state.cell_index + 1
        if index in state.row.continues_left and state.marks and state.marks[-1].mark == CELL_END:
            state.continue_cell()  # (cells merged across with \clmgf / \clmrg: one cell)
        else:
            state.mark(CELL_END, _props(state))
    elif word == "nestcell":
        state.mark(PARAGRAPH_END, _props(state, inner_cell=True))
    elif word == "row":
        state.in_table, state.depth, state.cell_index = True, 1, 0
        state.mark(CELL_END, _props(state, row_end=True, boundaries=row.boundaries(), vertical=row.merged_vertical()))
    elif word == "nestrow":
        nested = state.nested_row
        state.mark(PARAGRAPH_END, _props(state, inner_row_end=True, boundaries=nested.boundaries(), vertical=dict(nested.vertical)))


def _codepage(codepage: str) -> str:
    """``codepage`` when Python knows it, else the default."""
    try:
        codecs.lookup(codepage)
    except LookupError:
        return DEFAULT_CODEPAGE
    return codepage


# ---------------------------------------------------------------- the reader


def read_rtf_text(name: str, data: bytes, limits: DocLimits | None = None) -> DocxText:
    """The text, tables and warnings of an RTF file: parsed in an isolated child (within
    ``limits``, those of the Word reader by default), then read as the same DOCX would be."""
    return read_parsed_as_docx(name, data, read_rtf, limits or DocLimits(), what="the RTF file", reader="the RTF reader")
