"""markdown-it's list rule, with a shortcut for the item notes are made of: ``- one line``.

For every list item, markdown-it's ``list`` rule runs the whole block tokenizer on the item's
content: the tokenizer's loop, the rules that might open on the content's first character
(``table`` and ``code`` for text), the paragraph rule, and the same loop again to find that the
item has ended. A note is mostly such items (a hundred or more in a seed-sized note), and an item
cost about two and a half times a paragraph of the same line. :func:`note_list` makes the same
tokens: when an item's first line holds text that only a paragraph can open with, and the line
after it ends that paragraph and the item (the end of the block, an empty line before a line
indented less than the item's content, or a line indented less that ends a paragraph), it pushes
the paragraph's three tokens itself. Every other item goes through the tokenizer as before.

The code follows markdown-it-py 4's ``list_block`` (MIT licence) step by step, with the line's
first character looked up once for the terminator rules (as notelint.parser does elsewhere),
without task lists (an option the ``commonmark`` preset leaves off). tests/test_parser.py
compares every token with markdown-it-py's parse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from notelint.block_state import MAX_NESTING, md_trim
from notelint.paragraphs import open_block, push_paragraph

if TYPE_CHECKING:
    from notelint.block_state import BlockState

_BULLETS = ("*", "-", "+")
_DIGITS = frozenset("0123456789")


def _bullet_end(source: str, position: int, maximum: int) -> int:
    """markdown-it's ``skipBulletListMarker``: the position after a ``-``, ``+`` or ``*`` that is
    followed by a space, a tab or the line's end; else -1."""
    if source[position:position + 1] not in _BULLETS:
        return -1
    position += 1
    if position < maximum and source[position] not in (" ", "\t"):
        return -1
    return position


def _ordered_end(source: str, start: int, maximum: int) -> int:
    """markdown-it's ``skipOrderedListMarker``: the position after one to nine digits and a ``.``
    or ``)`` followed by a space, a tab or the line's end; else -1."""
    if start + 1 >= maximum or source[start] not in _DIGITS:
        return -1
    position = start + 1
    while True:
        if position >= maximum:
            return -1
        character = source[position]
        position += 1
        if character in _DIGITS:
            if position - start >= 10:
                return -1
            continue
        if character in (")", "."):
            break
        return -1
    if position < maximum and source[position] not in (" ", "\t"):
        return -1
    return position


def note_list(state: BlockState, start_line: int, end_line: int, silent: bool) -> bool:
    s_count = state.sCount
    first_count = s_count[start_line]
    if state.is_code_block(start_line):
        return False
    #  - item 1
    #   - item 2
    #    - item 3
    #     - item 4
    #      - this one is a paragraph continuation
    if state.listIndent >= 0 and first_count - state.listIndent >= 4 and first_count < state.blkIndent:
        return False
    # a list can interrupt a paragraph only in some cases (validation mode only)
    terminating_paragraph = silent and state.parentType == "paragraph" and first_count >= state.blkIndent

    source = state.src
    b_marks, e_marks, t_shift, bs_count = state.bMarks, state.eMarks, state.tShift, state.bsCount
    start = b_marks[start_line] + t_shift[start_line]
    maximum = e_marks[start_line]
    after_marker = _ordered_end(source, start, maximum)
    marker_value = 1
    if after_marker >= 0:
        ordered = True
        marker_value = int(source[start:after_marker - 1])
        # an ordered list right after a paragraph must start with 1
        if terminating_paragraph and marker_value != 1:
            return False
    else:
        after_marker = _bullet_end(source, start, maximum)
        if after_marker < 0:
            return False
        ordered = False
    # a bullet list right after a paragraph must not start with an empty item
    if terminating_paragraph and state.skipSpaces(after_marker) >= maximum:
        return False
    marker = source[after_marker - 1]  # another marker ends the list
    if silent:
        return True

    tokens = state.tokens
    list_index = len(tokens)
    if ordered:
        token = state.push("ordered_list_open", "ol", 1)
        if marker_value != 1:
            token.attrs = {"start": marker_value}
    else:
        token = state.push("bullet_list_open", "ul", 1)
    token.map = list_lines = [start_line, 0]
    token.markup = marker

    next_line = start_line
    previous_ended_empty = False
    tight = True
    outer_parent = state.parentType
    state.parentType = "list"
    parser = state.parser
    tokenize = parser.tokenize

    while next_line < end_line:
        position = after_marker
        maximum = e_marks[next_line]
        initial = offset = s_count[next_line] + after_marker - (b_marks[start_line] + t_shift[start_line])
        while position < maximum:
            character = source[position]
            if character == "\t":
                offset += 4 - (offset + bs_count[next_line]) % 4
            elif character == " ":
                offset += 1
            else:
                break
            position += 1
        content_start = position
        # trimming space in "-    \n  3" case, indent is 1 here
        indent_after_marker = 1 if content_start >= maximum else offset - initial
        # with more than 4 spaces the indent is 1 (the rest is an indented code block)
        if indent_after_marker > 4:
            indent_after_marker = 1
        indent = initial + indent_after_marker

        token = state.push("list_item_open", "li", 1)
        token.markup = marker
        token.map = item_lines = [start_line, 0]
        if ordered:
            token.info = source[start:after_marker - 1]

        # change the state for the item's content, and restore it after
        outer_tight = state.tight
        outer_t_shift = t_shift[start_line]
        outer_s_count = s_count[start_line]
        outer_list_indent = state.listIndent
        state.listIndent = state.blkIndent
        state.blkIndent = indent
        state.tight = True
        t_shift[start_line] = content_start - b_marks[start_line]
        s_count[start_line] = offset

        if content_start >= maximum and state.isEmpty(start_line + 1):
            # an empty item followed by an empty line: the list ends before what follows
            state.line = min(state.line + 2, end_line)
        elif not (
            content_start < maximum
            and offset == indent
            and source[content_start] not in parser.opening_characters
            and state.level < MAX_NESTING
            and end_line == state.lineMax
            and _one_line_item(state, start_line, end_line, indent)
        ):
            tokenize(state, start_line, end_line)

        # an item that is not tight makes the list loose
        if not state.tight or previous_ended_empty:
            tight = False
        # an item is loose if it ends with an empty line, except the last one (the list ends)
        previous_ended_empty = (state.line - start_line) > 1 and state.isEmpty(state.line - 1)

        state.blkIndent = state.listIndent
        state.listIndent = outer_list_indent
        t_shift[start_line] = outer_t_shift
        s_count[start_line] = outer_s_count
        state.tight = outer_tight

        token = state.push("list_item_close", "li", -1)
        token.markup = marker
        next_line = start_line = state.line
        item_lines[1] = next_line
        if next_line >= end_line:
            break
        # does the list go on?
        if s_count[next_line] < state.blkIndent:
            break
        if state.is_code_block(start_line):
            break
        if open_block(parser.list_chains, state, next_line, end_line, True):
            break
        first = b_marks[next_line] + t_shift[next_line]
        maximum = e_marks[next_line]
        if ordered:
            after_marker = _ordered_end(source, first, maximum)
            if after_marker < 0:
                break
            start = first
        else:
            after_marker = _bullet_end(source, first, maximum)
            if after_marker < 0:
                break
        if marker != source[after_marker - 1]:
            break

    token = state.push("ordered_list_close" if ordered else "bullet_list_close", "ol" if ordered else "ul", -1)
    token.markup = marker
    list_lines[1] = next_line
    state.line = next_line
    state.parentType = outer_parent
    if tight:
        _mark_tight_paragraphs(state, list_index)
    return True

def _one_line_item(state: BlockState, line: int, end_line: int, indent: int) -> bool:
    """Push the tokens of an item whose content is the paragraph of its first line, as the
    tokenizer would, and answer True; answer False (and push nothing) for any other item.

    The tokenizer asks ``table`` (no: the next line is not a delimiter row), ``code`` (no:
    the content is not indented) and the paragraph rule, which walks the lines after the
    first. The walk ends at once when the next line is past the end, empty, or indented
    less than the content and opening a block that ends a paragraph; the tokenizer then
    ends the item, unless after empty lines a line indented enough goes on with it."""
    following = line + 1
    after = following
    if following < end_line:
        b_marks, t_shift, s_count = state.bMarks, state.tShift, state.sCount
        first = b_marks[following] + t_shift[following]
        if first >= state.eMarks[following]:  # empty: the tokenizer skips empty lines
            after = following + 1
            if after < end_line:
                after = state.skipEmptyLines(after)
                if after < end_line and s_count[after] >= indent:
                    return False  # the item goes on
        else:
            if not 0 <= s_count[following] < indent:
                return False  # maybe a setext underline, a lazy line or a blockquote's
            outer_parent = state.parentType
            state.parentType = "paragraph"  # as the paragraph rule asks its terminators
            if not open_block(state.parser.paragraph_chains, state, following, end_line, True):
                state.parentType = outer_parent
                return False  # a lazy continuation line
    begin = state.bMarks[line]
    if indent <= state.tShift[line] and "\t" not in state.src[begin:begin + indent]:
        # what getLines cuts: it counts one column for each character before the content
        content = md_trim(state.src[begin + indent:state.eMarks[line]])
    else:
        content = md_trim(state.getLines(line, following, indent, False))
    push_paragraph(state, line, following, content)
    state.parentType = "paragraph"  # (markdown-it's lheading rule leaves it so)
    state.line = after
    return True


def _mark_tight_paragraphs(state: BlockState, index: int) -> None:
    """markdown-it's ``markTightParagraphs``: the paragraphs right inside the items of a tight list
    (from token ``index`` on) are hidden (rendered without ``<p>``)."""
    level = state.level + 2
    tokens = state.tokens
    position = index + 2
    length = len(tokens) - 2
    while position < length:
        if tokens[position].level == level and tokens[position].type == "paragraph_open":
            tokens[position + 2].hidden = True
            tokens[position].hidden = True
            position += 2
        position += 1
