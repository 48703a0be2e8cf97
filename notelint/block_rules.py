"""markdown-it-py 4's block rules for indented code, fences, thematic breaks, block quotes,
tables, HTML blocks and link reference definitions, ported step by step (MIT licence) with the
options of its ``commonmark`` preset plus tables (HTML on; no alerts, no inline definitions).

Each rule is ``rule(state, start_line, end_line, silent) -> bool`` as in markdown-it: with
``silent``, only whether a block opens at ``start_line`` (the question a paragraph asks of each of
its lines); otherwise it pushes its tokens and moves ``state.line`` past the block. Rules that end
where another block starts ask the terminator chains of notelint.parser (``state.parser``).
tests/test_parser.py compares every token with markdown-it-py's own parse.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from notelint.block_state import TRIM_CHARACTERS, md_trim
from notelint.paragraphs import open_block
from notelint.patterns import lazy

if TYPE_CHECKING:
    from re import Match

    from notelint.block_state import BlockState


# -- indented code, fences, thematic breaks ----------------------------------------------------------


def code(state: BlockState, start_line: int, end_line: int, silent: bool) -> bool:
    if not state.is_code_block(start_line):
        return False
    last = next_line = start_line + 1
    while next_line < end_line:
        if state.isEmpty(next_line):
            next_line += 1
            continue
        if state.is_code_block(next_line):
            next_line += 1
            last = next_line
            continue
        break
    state.line = last
    token = state.push("code_block", "code", 0)
    token.content = state.getLines(start_line, last, 4 + state.blkIndent, False) + "\n"
    token.map = [start_line, state.line]
    return True


def hr(state: BlockState, start_line: int, end_line: int, silent: bool) -> bool:
    """A thematic break: three or more of the same ``*``, ``-`` or ``_``, spaces and tabs between."""
    source = state.src
    position = state.bMarks[start_line] + state.tShift[start_line]
    maximum = state.eMarks[start_line]
    marker = source[position:position + 1]
    if marker not in ("*", "-", "_") or state.is_code_block(start_line):
        return False
    # (asked of every list item's line, "- text": the next character that is no space or tab
    # must be the marker again)
    second = position + 1
    while second < maximum and source[second] in (" ", "\t"):
        second += 1
    if source[second:second + 1] != marker:
        return False
    rest = source[position + 1:maximum]
    count = 1 + rest.count(marker)
    if count < 3 or rest.replace(marker, "").strip(" \t"):
        return False
    if silent:
        return True
    state.line = start_line + 1
    token = state.push("hr", "hr", 0)
    token.map = [start_line, state.line]
    token.markup = marker * (count + 1)
    return True


def fence(state: BlockState, start_line: int, end_line: int, silent: bool) -> bool:
    source = state.src
    position = state.bMarks[start_line] + state.tShift[start_line]
    maximum = state.eMarks[start_line]
    if state.is_code_block(start_line) or position + 3 > maximum:
        return False
    marker = source[position]
    if marker not in ("~", "`"):
        return False
    opening = position
    position = state.skipCharsStr(position, marker)
    length = position - opening
    if length < 3:
        return False
    markup = source[opening:position]
    params = source[position:maximum]
    if marker == "`" and marker in params:  # a backtick fence's info holds no backtick
        return False
    if silent:
        return True
    # the end of the block: a closing fence at least as long, else the end of the parent
    have_end_marker = False
    next_line = start_line
    while True:
        next_line += 1
        if next_line >= end_line:
            break
        position = opening = state.bMarks[next_line] + state.tShift[next_line]
        maximum = state.eMarks[next_line]
        if position < maximum and state.sCount[next_line] < state.blkIndent:
            break  # a line indented less than the list item's content ends the fence
        if position >= len(source):
            break
        if source[position] != marker:
            continue
        if state.is_code_block(next_line):
            continue
        position = state.skipCharsStr(position, marker)
        if position - opening < length:
            continue
        position = state.skipSpaces(position)
        if position < maximum:
            continue
        have_end_marker = True
        break
    # the fence's indentation is taken off its content
    indent = state.sCount[start_line]
    state.line = next_line + (1 if have_end_marker else 0)
    token = state.push("fence", "code", 0)
    token.info = params
    token.content = state.getLines(start_line + 1, next_line, indent, True)
    token.markup = markup
    token.map = [start_line, state.line]
    return True


# -- block quotes ----------------------------------------------------------------------------------


def blockquote(state: BlockState, start_line: int, end_line: int, silent: bool) -> bool:
    source = state.src
    b_marks, t_shift, s_count, bs_count = state.bMarks, state.tShift, state.sCount, state.bsCount
    old_line_max = state.lineMax
    position = b_marks[start_line] + t_shift[start_line]
    maximum = state.eMarks[start_line]
    if state.is_code_block(start_line):
        return False
    if source[position:position + 1] != ">":
        return False
    if silent:
        return True
    position += 1
    old_b_marks: list[int] = []
    old_bs_count: list[int] = []
    old_s_count: list[int] = []
    old_t_shift: list[int] = []
    last_line_empty = False
    terminators = state.parser.blockquote_chains
    old_parent_type = state.parentType
    state.parentType = "blockquote"

    # the first line, then each line that goes on with the quote: take its marker off
    next_line = start_line
    while next_line < end_line:
        if next_line > start_line:
            is_outdented = s_count[next_line] < state.blkIndent
            position = b_marks[next_line] + t_shift[next_line]
            maximum = state.eMarks[next_line]
            if position >= maximum:
                break  # an empty line ends the quote
            quoted = source[position] == ">" and not is_outdented
            position += 1
            if not quoted:
                if last_line_empty:
                    break
                # a lazy continuation line, unless a block that ends a quote opens on it
                if open_block(terminators, state, next_line, end_line, True):
                    state.lineMax = next_line
                    if state.blkIndent != 0:
                        old_b_marks.append(b_marks[next_line])
                        old_bs_count.append(bs_count[next_line])
                        old_t_shift.append(t_shift[next_line])
                        old_s_count.append(s_count[next_line])
                        s_count[next_line] -= state.blkIndent
                    break
                old_b_marks.append(b_marks[next_line])
                old_bs_count.append(bs_count[next_line])
                old_t_shift.append(t_shift[next_line])
                old_s_count.append(s_count[next_line])
                s_count[next_line] = -1  # (a paragraph takes a line so marked as lazy)
                next_line += 1
                continue
        initial = offset = s_count[next_line] + 1
        following = source[position:position + 1]
        adjust_tab = False
        space_after_marker = False
        if following == " ":
            position += 1
            initial += 1
            offset += 1
            space_after_marker = True
        elif following == "\t":
            space_after_marker = True
            if (bs_count[next_line] + offset) % 4 == 3:
                position += 1
                initial += 1
                offset += 1
            else:
                adjust_tab = True
        old_b_marks.append(b_marks[next_line])
        b_marks[next_line] = position
        while position < maximum:
            character = source[position]
            if character == "\t":
                offset += 4 - (offset + bs_count[next_line] + (1 if adjust_tab else 0)) % 4
            elif character == " ":
                offset += 1
            else:
                break
            position += 1
        last_line_empty = position >= maximum
        old_bs_count.append(bs_count[next_line])
        bs_count[next_line] = s_count[next_line] + 1 + (1 if space_after_marker else 0)
        old_s_count.append(s_count[next_line])
        s_count[next_line] = offset - initial
        old_t_shift.append(t_shift[next_line])
        t_shift[next_line] = position - b_marks[next_line]
        next_line += 1

    old_indent = state.blkIndent
    state.blkIndent = 0
    lines = [start_line, 0]
    token = state.push("blockquote_open", "blockquote", 1)
    token.markup = ">"
    token.map = lines
    state.parser.tokenize(state, start_line, next_line)
    token = state.push("blockquote_close", "blockquote", -1)
    token.markup = ">"
    state.lineMax = old_line_max
    state.parentType = old_parent_type
    lines[1] = state.line
    for number, shift in enumerate(old_t_shift):
        b_marks[number + start_line] = old_b_marks[number]
        t_shift[number + start_line] = shift
        s_count[number + start_line] = old_s_count[number]
        bs_count[number + start_line] = old_bs_count[number]
    state.blkIndent = old_indent
    return True


# -- tables --------------------------------------------------------------------------------------------

_DELIMITER_CELL = lazy(r"^:?-+:?$")
_MAX_AUTOCOMPLETED_CELLS = 0x10000
_DELIMITER_CHARACTERS = frozenset("|-: \t")


def _line_text(state: BlockState, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line]:state.eMarks[line]]


def _escaped_split(text: str) -> list[str]:
    """A table row's cells: split at each ``|`` that no backslash escapes (an escaped one is
    kept without its backslash)."""
    if "\\" not in text:
        return text.split("|")
    result: list[str] = []
    escaped = False
    last = 0
    current = ""
    for position, character in enumerate(text):
        if character == "|":
            if not escaped:
                result.append(current + text[last:position])
                current = ""
                last = position + 1
            else:
                current += text[last:position - 1]
                last = position
        escaped = character == "\\"
    result.append(current + text[last:])
    return result


def _cells(text: str) -> list[str]:
    cells = _escaped_split(text)
    if cells and cells[0] == "":
        cells.pop(0)
    if cells and cells[-1] == "":
        cells.pop()
    return cells


def table(state: BlockState, start_line: int, end_line: int, silent: bool) -> bool:
    if start_line + 2 > end_line:
        return False
    next_line = start_line + 1
    if state.sCount[next_line] < state.blkIndent or state.is_code_block(next_line):
        return False
    # the delimiter row: | - : and spaces only, and not a list item's "- "
    source = state.src
    position = state.bMarks[next_line] + state.tShift[next_line]
    maximum = state.eMarks[next_line]
    if position + 1 >= maximum:
        return False
    first, second = source[position], source[position + 1]
    if first not in ("|", "-", ":") or second not in _DELIMITER_CHARACTERS:
        return False
    if first == "-" and second in (" ", "\t"):
        return False
    if not _DELIMITER_CHARACTERS.issuperset(source[position + 2:maximum]):
        return False
    columns = source[position:maximum].split("|")
    aligns = []
    for number, column in enumerate(columns):
        cell = md_trim(column)
        if not cell:
            if number == 0 or number == len(columns) - 1:
                continue
            return False
        if not _DELIMITER_CELL.search(cell):
            return False
        if cell[-1] == ":":
            aligns.append("center" if cell[0] == ":" else "right")
        elif cell[0] == ":":
            aligns.append("left")
        else:
            aligns.append("")
    header = md_trim(_line_text(state, start_line))
    if "|" not in header or state.is_code_block(start_line):
        return False
    columns = _cells(header)
    column_count = len(columns)
    if column_count == 0 or column_count != len(aligns):
        return False
    if silent:
        return True

    old_parent_type = state.parentType
    state.parentType = "table"
    terminators = state.parser.blockquote_chains  # (markdown-it asks the blockquote chain)
    token = state.push("table_open", "table", 1)
    token.map = table_lines = [start_line, 0]
    token = state.push("thead_open", "thead", 1)
    token.map = [start_line, start_line + 1]
    token = state.push("tr_open", "tr", 1)
    token.map = [start_line, start_line + 1]
    for number, column in enumerate(columns):
        token = state.push("th_open", "th", 1)
        if aligns[number]:
            token.attrs = {"style": "text-align:" + aligns[number]}
        token = state.push("inline", "", 0)
        token.map = [start_line, start_line + 1]
        token.content = md_trim(column)
        token.children = []
        state.push("th_close", "th", -1)
    state.push("tr_close", "tr", -1)
    state.push("thead_close", "thead", -1)

    autocompleted_cells = 0
    body_lines = None
    next_line = start_line + 2
    while next_line < end_line:
        if state.sCount[next_line] < state.blkIndent:
            break
        if open_block(terminators, state, next_line, end_line, True):
            break
        row = md_trim(_line_text(state, next_line))
        if not row or state.is_code_block(next_line):
            break
        columns = _cells(row)
        autocompleted_cells += column_count - len(columns)
        if autocompleted_cells > _MAX_AUTOCOMPLETED_CELLS:
            break
        if next_line == start_line + 2:
            token = state.push("tbody_open", "tbody", 1)
            token.map = body_lines = [start_line + 2, 0]
        token = state.push("tr_open", "tr", 1)
        token.map = [next_line, next_line + 1]
        for number in range(column_count):
            token = state.push("td_open", "td", 1)
            if aligns[number]:
                token.attrs = {"style": "text-align:" + aligns[number]}
            token = state.push("inline", "", 0)
            token.map = [next_line, next_line + 1]
            token.content = md_trim(columns[number]) if number < len(columns) and columns[number] else ""
            token.children = []
            state.push("td_close", "td", -1)
        state.push("tr_close", "tr", -1)
        next_line += 1
    if body_lines:
        state.push("tbody_close", "tbody", -1)
        body_lines[1] = next_line
    state.push("table_close", "table", -1)
    table_lines[1] = next_line
    state.parentType = old_parent_type
    state.line = next_line
    return True


# -- HTML blocks -----------------------------------------------------------------------------------------

_BLOCK_NAMES = (
    "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|"
    "div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h1|h2|h3|h4|h5|h6|head|header|hr|html|"
    "iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|"
    "table|tbody|td|tfoot|th|thead|title|tr|track|ul"
)
_ATTRIBUTE = (
    "(?:\\s+[a-zA-Z_:][a-zA-Z0-9:._-]*"
    "(?:\\s*=\\s*(?:[^\"'=<>`\\x00-\\x20]+|'[^']*'|\"[^\"]*\"))?)"
)
OPEN_TAG = "<[A-Za-z][A-Za-z0-9\\-]*" + _ATTRIBUTE + "*\\s*\\/?>"
CLOSE_TAG = "<\\/[A-Za-z][A-Za-z0-9\\-]*\\s*>"
# markdown-it's HTML_TAG_RE: any tag, comment, processing instruction, declaration or CDATA
HTML_TAG = (
    "(?:" + OPEN_TAG + "|" + CLOSE_TAG + "|<!---?>|<!--(?:[^-]|-[^-]|--[^>])*-->|<[?][\\s\\S]*?[?]>"
    "|<![A-Za-z][^>]*>|<!\\[CDATA\\[[\\s\\S]*?\\]\\]>)"
)

@cache
def _html_sequences() -> tuple[tuple[re.Pattern[str], re.Pattern[str], bool], ...]:
    """(how a block opens, how it ends, whether it can end a paragraph), in markdown-it's order; an
    ending that matches the empty text ends the block before an empty line. Compiled when a
    line first opens with ``<``."""
    return (
        (re.compile(r"^<(?a:(script|pre|style|textarea))(?=(\s|>|$))", re.IGNORECASE),
         re.compile(r"<\/(?a:(script|pre|style|textarea))>", re.IGNORECASE), True),
        (re.compile(r"^<!--"), re.compile(r"-->"), True),
        (re.compile(r"^<\?"), re.compile(r"\?>"), True),
        (re.compile(r"^<![A-Za-z]"), re.compile(r">"), True),
        (re.compile(r"^<!\[CDATA\["), re.compile(r"\]\]>"), True),
        (re.compile("^</?(?a:(" + _BLOCK_NAMES + "))(?=(\\s|/?>|$))", re.IGNORECASE), re.compile(r"^$"), True),
        (re.compile("^(?:" + OPEN_TAG + "|" + CLOSE_TAG + ")\\s*$"), re.compile(r"^$"), False),
    )


def html_block(state: BlockState, start_line: int, end_line: int, silent: bool) -> bool:
    position = state.bMarks[start_line] + state.tShift[start_line]
    maximum = state.eMarks[start_line]
    if state.is_code_block(start_line) or state.src[position:position + 1] != "<":
        return False
    line_text = state.src[position:maximum]
    for opening, ending, ends_paragraph in _html_sequences():
        if opening.search(line_text):
            break
    else:
        return False
    if silent:
        return ends_paragraph
    next_line = start_line + 1
    ends_on_blank_line = bool(ending.search(""))
    if not ending.search(line_text):
        while next_line < end_line:
            if state.sCount[next_line] < state.blkIndent and (ends_on_blank_line or not state.isEmpty(next_line)):
                break
            line_text = _line_text(state, next_line)
            if ending.search(line_text):
                if len(line_text) != 0:
                    next_line += 1
                break
            next_line += 1
    state.line = next_line
    token = state.push("html_block", "", 0)
    token.map = [start_line, next_line]
    token.content = state.getLines(start_line, next_line, state.blkIndent, True)
    return True


# -- link reference definitions -----------------------------------------------------------------------


def reference(state: BlockState, start_line: int, end_line: int, silent: bool) -> bool:
    """``[label]: destination "title"``: no tokens; the definition goes to the environment the
    inline parse reads (``state.env["references"]``, its destination not normalised yet: see
    notelint.parser.parse_inline)."""
    position = state.bMarks[start_line] + state.tShift[start_line]
    maximum = state.eMarks[start_line]
    next_line = start_line + 1
    if state.is_code_block(start_line) or state.src[position:position + 1] != "[":
        return False
    string = state.src[position:maximum + 1]
    maximum = len(string)
    label_end = None
    position = 1
    while position < maximum:
        character = string[position]
        if character == "[":
            return False
        if character == "]":
            label_end = position
            break
        if character == "\n":
            if (following := _next_line(state, next_line)) is not None:
                string += following
                maximum = len(string)
                next_line += 1
        elif character == "\\":
            position += 1
            if position < maximum and string[position] == "\n" and (following := _next_line(state, next_line)) is not None:
                string += following
                maximum = len(string)
                next_line += 1
        position += 1
    if label_end is None or string[label_end + 1:label_end + 2] != ":":
        return False

    string, position, next_line = _past_blanks(state, string, label_end + 2, next_line)
    maximum = len(string)
    destination = link_destination(string, position, maximum)
    if destination is None:
        return False
    href, position = destination
    if not valid_link(href):
        return False
    destination_end = position
    destination_end_line = next_line

    start = position
    string, position, next_line = _past_blanks(state, string, position, next_line)
    maximum = len(string)
    title_state = link_title(string, position, maximum, None)
    while title_state.can_continue:
        if (following := _next_line(state, next_line)) is None:
            break
        string += following
        position = maximum
        maximum = len(string)
        next_line += 1
        title_state = link_title(string, position, maximum, title_state)
    if position < maximum and start != position and title_state.ok:
        title = title_state.text
        position = title_state.position
    else:
        title = ""
        position = destination_end
        next_line = destination_end_line
    while position < maximum and string[position] in (" ", "\t"):
        position += 1
    if position < maximum and string[position] != "\n" and title:
        # garbage after the title: the definition ends with its destination, if that ends a line
        title = ""
        position = destination_end
        next_line = destination_end_line
        while position < maximum and string[position] in (" ", "\t"):
            position += 1
    if position < maximum and string[position] != "\n":
        return False
    label = normalize_reference(string[1:label_end])
    if not label:
        return False
    if silent:
        return True
    references = state.env.setdefault("references", {})
    state.line = next_line
    if label not in references:
        references[label] = {"title": title, "href": href, "map": [start_line, state.line]}
    return True


def _past_blanks(state: BlockState, string: str, position: int, next_line: int) -> tuple[str, int, int]:
    """Past the spaces, tabs and line breaks at ``position`` of a definition's text; a line break
    takes the next line into the text (``string``) when it can go on the definition."""
    while position < len(string):
        character = string[position]
        if character == "\n":
            if (following := _next_line(state, next_line)) is not None:
                string += following
                next_line += 1
        elif character not in (" ", "\t"):
            break
        position += 1
    return string, position, next_line


def _next_line(state: BlockState, next_line: int) -> str | None:
    """The next line of a definition that spans lines, unless it is empty or opens a block
    that ends a definition."""
    end_line = state.lineMax
    if next_line >= end_line or state.isEmpty(next_line):
        return None
    if not state.is_code_block(next_line) and state.sCount[next_line] >= 0:
        old_parent_type = state.parentType
        state.parentType = "reference"
        terminate = open_block(state.parser.reference_chains, state, next_line, end_line, True)
        state.parentType = old_parent_type
        if terminate:
            return None
    return state.src[state.bMarks[next_line] + state.tShift[next_line]:state.eMarks[next_line] + 1]


def link_destination(string: str, position: int, maximum: int) -> tuple[str, int] | None:
    """markdown-it's ``parseLinkDestination``: the destination (unescaped) and the position
    after it, or None."""
    start = position
    if string[position:position + 1] == "<":
        position += 1
        while position < maximum:
            character = string[position]
            if character in ("\n", "<"):
                return None
            if character == ">":
                return unescape_all(string[start + 1:position]), position + 1
            if character == "\\" and position + 1 < maximum:
                position += 2
                continue
            position += 1
        return None
    level = 0
    while position < maximum:
        character = string[position]
        if character == " " or character < " " or character == "\x7f":
            break
        if character == "\\" and position + 1 < maximum:
            if string[position + 1] == " ":
                break
            position += 2
            continue
        if character == "(":
            level += 1
            if level > 32:
                return None
        if character == ")":
            if level == 0:
                break
            level -= 1
        position += 1
    if start == position or level != 0:
        return None
    return unescape_all(string[start:position]), position


class TitleState:
    """markdown-it's ``parseLinkTitle`` state: a title may go on over the next line."""

    __slots__ = ("ok", "can_continue", "position", "text", "marker")

    def __init__(self) -> None:
        self.ok = False
        self.can_continue = False
        self.position = 0
        self.text = ""
        self.marker = ""


def link_title(string: str, start: int, maximum: int, previous: TitleState | None) -> TitleState:
    position = start
    state = TitleState()
    if previous is not None:
        state.text = previous.text
        state.marker = previous.marker
    else:
        if position >= maximum:
            return state
        marker = string[position]
        if marker not in ('"', "'", "("):
            return state
        start += 1
        position += 1
        state.marker = ")" if marker == "(" else marker
    while position < maximum:
        character = string[position]
        if character == state.marker:
            state.position = position + 1
            state.text += unescape_all(string[start:position])
            state.ok = True
            return state
        if character == "(" and state.marker == ")":
            return state
        if character == "\\" and position + 1 < maximum:
            position += 1
        position += 1
    state.can_continue = True
    state.text += unescape_all(string[start:position])
    return state


_BAD_PROTOCOL = lazy(r"^(vbscript|javascript|file|data):")
_GOOD_DATA = lazy(r"^data:image\/(gif|png|jpeg|webp);")


def valid_link(url: str) -> bool:
    """markdown-it's ``validateLink``: no ``javascript:``, ``vbscript:``, ``file:`` or ``data:``
    link (but images as data). markdown-it asks it of the normalised destination; normalising
    (percent-encoding, punycode for host names) keeps a scheme as it is."""
    url = url.strip().lower()
    return bool(_GOOD_DATA.search(url)) if _BAD_PROTOCOL.search(url) else True


_WHITESPACE_RUN = lazy("[" + re.escape(TRIM_CHARACTERS) + "]+")


def normalize_reference(label: str) -> str:
    """markdown-it's ``normalizeReference``: trimmed, inner whitespace collapsed, case folded
    (lower then upper case)."""
    return _WHITESPACE_RUN.sub(" ", md_trim(label)).lower().upper()


_UNESCAPE = lazy(r'\\([!"#$%&\'()*+,\-.\/:;<=>?@[\\\]^_`{|}~])|&([a-z#][a-z0-9]{1,31});', re.IGNORECASE)
_DECIMAL_ENTITY = lazy(r"#([0-9]{1,8})")
_HEXADECIMAL_ENTITY = lazy(r"#x([a-f0-9]{1,8})", re.IGNORECASE)


def unescape_all(text: str) -> str:
    """markdown-it's ``unescapeAll``: backslash escapes and entity references replaced."""
    if "\\" not in text and "&" not in text:
        return text
    return _UNESCAPE.sub(_unescaped, text)


def _unescaped(match: Match[str]) -> str:
    if match.group(1):
        return match.group(1)
    name = match.group(2)
    from html.entities import html5  # (only for a destination or title with an entity)

    characters = html5.get(name + ";")
    if characters is not None:
        return characters
    code: int | None = None
    if number := _DECIMAL_ENTITY.fullmatch(name):
        code = int(number.group(1), 10)
    elif number := _HEXADECIMAL_ENTITY.fullmatch(name):
        code = int(number.group(1), 16)
    if code is not None and _valid_entity_code(code):
        return chr(code)
    return match.group()


def _valid_entity_code(code: int) -> bool:
    return not (
        0xD800 <= code <= 0xDFFF
        or 0xFDD0 <= code <= 0xFDEF
        or (code & 0xFFFF) in (0xFFFF, 0xFFFE)
        or 0x00 <= code <= 0x08
        or code == 0x0B
        or 0x0E <= code <= 0x1F
        or 0x7F <= code <= 0x9F
        or code > 0x10FFFF
    )
