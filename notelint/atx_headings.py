"""markdown-it's rule for ATX headings (``# Title``), without its cost per call.

A note has a heading every few lines. markdown-it-py 4's ``heading`` rule (MIT licence) logs a
debug message on every call, reads characters through exception handlers and walks the closing
sequence back one character at a time; :func:`atx_heading` does the same steps with string
methods. tests/test_parser.py compares every token with markdown-it-py's parse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from notelint.block_state import md_trim

if TYPE_CHECKING:
    from notelint.block_state import BlockState


def atx_heading(state: BlockState, start_line: int, end_line: int, silent: bool) -> bool:
    if state.sCount[start_line] - state.blkIndent >= 4 and state.is_code_block(start_line):
        return False
    source = state.src
    position = state.bMarks[start_line] + state.tShift[start_line]
    maximum = state.eMarks[start_line]
    if position >= maximum or source[position] != "#":
        return False
    # the opening sequence: one to six #, then a space, a tab or the end of the line
    level = 1
    position += 1
    while position < maximum and source[position] == "#" and level <= 6:
        level += 1
        position += 1
    if level > 6 or (position < maximum and source[position] not in (" ", "\t")):
        return False
    if silent:
        return True
    # the text ends before trailing blanks, and before a closing sequence of # after a blank
    maximum = position + len(source[position:maximum].rstrip(" \t"))
    closing = position + len(source[position:maximum].rstrip("#"))
    if closing > position and source[closing - 1] in (" ", "\t"):
        maximum = closing

    state.line = start_line + 1
    markup = "########"[:level]
    token = state.push("heading_open", f"h{level}", 1)
    token.markup = markup
    token.map = [start_line, state.line]
    token = state.push("inline", "", 0)
    token.content = md_trim(source[position:maximum])
    token.map = [start_line, state.line]
    token.children = []
    token = state.push("heading_close", f"h{level}", -1)
    token.markup = markup
    return True

