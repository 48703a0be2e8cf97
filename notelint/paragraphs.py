"""One scan for a paragraph or a setext heading, where markdown-it makes two.

markdown-it tries ``lheading`` (a paragraph underlined with ``===`` or ``---``) before
``paragraph`` at every line that starts a paragraph. Both walk the paragraph's lines and ask the
terminator rules at each; when no underline turns up (almost always), ``paragraph`` walks the
same lines again with the same questions. :func:`setext_heading_or_paragraph` takes
``lheading``'s place: it walks once and makes either tokens, as the two rules would.

The code follows markdown-it-py 4's ``lheading`` and ``paragraph`` (MIT licence) step by step,
quirks included: after a paragraph that ``lheading`` looked at first, the parent type stays
``"paragraph"`` (``lheading`` sets it and returns without restoring it; ``paragraph`` restores
that). Where the walk could differ (``paragraph`` walks to ``state.lineMax``, ``lheading`` to
the end line it is given, and a terminator may answer differently for either), the port of
``paragraph`` runs. tests/test_parser.py compares every token with markdown-it-py's parse.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from notelint.block_state import md_trim

if TYPE_CHECKING:
    from notelint.block_state import BlockState

    BlockRule = Callable[[BlockState, int, int, bool], bool]
    # the rules of a chain that can open with a character: all of them, and all but the code
    # rule (the same list, not a copy, when the chain does not hold it)
    RuleChoice = tuple[list[BlockRule], list[BlockRule]]
    # the rules of a chain by the first character a line can open them with, and those for any other
    Chains = tuple[dict[str, RuleChoice], RuleChoice]

# markdown-it's rule for indented code: it can open with any character, but declines at once when
# a line is not indented four columns past its block (markdown-it asks it on every line that
# starts a block). It is asked only when the line is.
INDENTED_CODE = "code"


def open_block(chains: Chains, state: BlockState, line: int, end_line: int, silent: bool) -> bool:
    """Ask the rules of a chain (see notelint.parser) that can open a block at ``line``, in order,
    until one does; ``silent``: only whether one would, as markdown-it asks a chain's rules
    whether a block ends."""
    by_character, for_any_other = chains
    first = state.bMarks[line] + state.tShift[line]
    every, plain = by_character.get(state.src[first:first + 1], for_any_other)
    block_rules = every
    if every is not plain and state.sCount[line] - state.blkIndent < 4:
        block_rules = plain
    for block_rule in block_rules:
        if block_rule(state, line, end_line, silent):
            return True
    return False


def setext_heading_or_paragraph(state: BlockState, start_line: int, end_line: int, silent: bool) -> bool:
    """markdown-it's ``lheading`` and, when no underline ends the lines, its ``paragraph``."""
    if state.is_code_block(start_line):
        return paragraph(state, start_line, end_line, silent)  # (lheading declines before anything)
    outer_parent = state.parentType
    state.parentType = "paragraph"  # (lheading asks the paragraph's terminators)
    next_line, marker = _paragraph_end(state, start_line, end_line, underlined=True)
    if marker:
        level = 1 if marker == "=" else 2
        content = md_trim(state.getLines(start_line, next_line, state.blkIndent, False))
        state.line = next_line + 1
        token = state.push("heading_open", "h" + str(level), 1)
        token.markup = marker
        token.map = [start_line, state.line]
        token = state.push("inline", "", 0)
        token.content = content
        token.map = [start_line, state.line - 1]
        token.children = []
        token = state.push("heading_close", "h" + str(level), -1)
        token.markup = marker
        state.parentType = outer_parent
        return True

    # No underline: markdown-it's paragraph rule would run now, with the parent type lheading
    # left ("paragraph"), and walk the same lines with the same questions if it ends where
    # lheading's walk did (it walks to state.lineMax).
    if end_line != state.lineMax:
        return paragraph(state, start_line, end_line, silent)
    content = md_trim(state.getLines(start_line, next_line, state.blkIndent, False))
    state.line = next_line
    push_paragraph(state, start_line, next_line, content)
    return True  # (the parent type stays "paragraph", as after markdown-it's two rules)


def paragraph(state: BlockState, start_line: int, end_line: int, silent: bool) -> bool:
    """markdown-it's ``paragraph``: the lines up to an empty one, the end of the source, or a line
    that opens a block that ends a paragraph (whatever ``end_line`` says)."""
    outer_parent = state.parentType
    state.parentType = "paragraph"
    next_line, _ = _paragraph_end(state, start_line, state.lineMax, underlined=False)
    content = md_trim(state.getLines(start_line, next_line, state.blkIndent, False))
    state.line = next_line
    push_paragraph(state, start_line, next_line, content)
    state.parentType = outer_parent
    return True


def _paragraph_end(state: BlockState, start_line: int, end_line: int, underlined: bool) -> tuple[int, str]:
    """The walk of ``lheading`` (``underlined``) and ``paragraph``: the line after the paragraph
    that starts at ``start_line`` (an empty line, ``end_line``, or a line that opens a block that
    ends a paragraph), and with ``underlined`` the setext underline's marker if a line of ``=`` or
    ``-`` ends it there ("" if none)."""
    terminators = state.parser.paragraph_chains
    s_count = state.sCount
    next_line = start_line + 1
    while next_line < end_line and not state.isEmpty(next_line):
        # a code block normally, but after a paragraph a lazy continuation, whatever it holds
        if s_count[next_line] - state.blkIndent > 3:
            next_line += 1
            continue
        if underlined and s_count[next_line] >= state.blkIndent:
            position = state.bMarks[next_line] + state.tShift[next_line]
            maximum = state.eMarks[next_line]
            marker = state.src[position:position + 1]
            if marker in ("-", "=") and state.skipSpaces(state.skipCharsStr(position, marker)) >= maximum:
                return next_line, marker
        if s_count[next_line] < 0:  # blockquote quirk: that rule checked the line already
            next_line += 1
            continue
        if open_block(terminators, state, next_line, end_line, True):
            break
        next_line += 1
    return next_line, ""


def push_paragraph(state: BlockState, start_line: int, end_line: int, content: str) -> None:
    """The three tokens of a paragraph of lines ``start_line`` to ``end_line`` (excluded), as
    markdown-it's paragraph rule pushes them; its inline content not parsed yet."""
    token = state.push("paragraph_open", "p", 1)
    token.map = [start_line, end_line]
    token = state.push("inline", "", 0)
    token.content = content
    token.map = [start_line, end_line]
    token.children = []
    state.push("paragraph_close", "p", -1)
