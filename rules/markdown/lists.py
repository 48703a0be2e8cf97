"""List structure helpers shared by the list rules: where an item's marker and content start."""

from __future__ import annotations

import re
from typing import NamedTuple
from collections.abc import Iterator

from notelint.block_state import Token

from notelint.diagnostics import Edit, Fix, Violation
from notelint.document import Document, is_blank, next_content_line  # noqa: F401  (the list rules use it)
from notelint.patterns import lazy

_MARKER = re.compile(r"(?P<indent> *)(?P<marker>[-+*]|\d{1,9}[.)])(?P<space> *)(?P<rest>.?)")
# three or more of the same `-`, `*` or `_` and nothing else but spaces and tabs (CommonMark)
_THEMATIC_BREAK = lazy(r"([-*_])(?:[ \t]*\1){2,}[ \t]*")


def is_thematic_break(line: str) -> bool:
    """Whether a line (after its indentation) is a thematic break: a fix that changes a list
    marker must not leave one (`- - * -` without its `*`, `* * *` with `-` for its first `*`)."""
    return _THEMATIC_BREAK.fullmatch(line.lstrip(" \t")) is not None


class ListItem(NamedTuple):
    """A list item's first line (1-based) and 0-based columns of its marker and its content."""

    token: Token
    line: int
    marker_column: int
    marker: str
    content_column: int
    parent: ListItem | None
    index_in_list: int
    in_blockquote: bool


def _columns(text: str, from_column: int) -> tuple[int, str, int] | None:
    match = _MARKER.match(text, from_column)
    if match is None:
        return None
    indent, marker, space, rest = match.groups()  # (one call: an item of every list of a note)
    marker_column = from_column + len(indent)
    after_marker = marker_column + len(marker)
    spaces = len(space)
    if "\t" in text[: after_marker + spaces + len(rest)]:
        return None
    if not rest or spaces > 4:
        return marker_column, marker, after_marker + 1
    return marker_column, marker, after_marker + spaces


def list_items(document: Document) -> tuple[tuple[ListItem, tuple[Token, ...]], ...]:
    """Every list item outside blockquotes, with the tokens directly inside it.

    Items whose columns cannot be known (tabs in the indentation) are skipped.  Found once per
    document for every list rule.
    """
    return document.derived(_list_items)


def _list_items(document: Document) -> tuple[tuple[ListItem, tuple[Token, ...]], ...]:
    return tuple((item, tuple(children)) for item, children in _walk_list_items(document))


# The tokens that open or close what the walk keeps track of; every other token only goes to the
# innermost open item (most tokens: one membership test each).
_STRUCTURE = frozenset({
    "blockquote_open", "blockquote_close", "bullet_list_open", "ordered_list_open", "bullet_list_close",
    "ordered_list_close", "list_item_open", "list_item_close",
})


def _walk_list_items(document: Document) -> Iterator[tuple[ListItem, list[Token]]]:
    tokens = document.block_tokens
    open_items: list[tuple[ListItem | None, list[Token]]] = []
    known_items: list[ListItem] = []  # the open items whose columns are known, innermost last
    list_counters: list[int] = []
    blockquotes = 0
    children: list[Token] | None = None  # the innermost open item's tokens
    new_item = tuple.__new__  # (skips the named tuple's Python-level constructor)
    for token in tokens:
        kind = token.type
        if kind not in _STRUCTURE:
            if children is not None:
                children.append(token)
            continue
        if kind == "blockquote_open":
            blockquotes += 1
        elif kind == "blockquote_close":
            blockquotes -= 1
        elif kind == "bullet_list_open" or kind == "ordered_list_open":
            list_counters.append(0)
        elif kind == "bullet_list_close" or kind == "ordered_list_close":
            list_counters.pop()
        elif kind == "list_item_open" and token.map is not None:
            parent = known_items[-1] if known_items else None
            line = token.map[0] + 1
            text = document.line_text(line)
            start = parent.content_column if parent is not None and parent.line == line else 0
            columns = _columns(text, start) if blockquotes == 0 else None
            item = None
            if columns is not None:
                item = new_item(ListItem, (token, line, *columns, parent, list_counters[-1], blockquotes > 0))
                known_items.append(item)
            list_counters[-1] += 1
            children = []
            open_items.append((item, children))
            continue
        elif kind == "list_item_close":
            item, done = open_items.pop()
            children = open_items[-1][1] if open_items else None
            if item is not None:
                known_items.pop()
                yield item, done
            continue
        if children is not None:
            children.append(token)


def last_content_line(document: Document, first: int, last: int) -> int:
    """The last non-blank 1-based line of ``first..last`` (token maps include trailing blank lines)."""
    while last > first and is_blank(document.line_text(last)):
        last -= 1
    return last


def leading_spaces(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def indent_width(text: str) -> int:
    """Columns of a line's indentation, tabs expanded to the next multiple of 4 (CommonMark)."""
    width = 0
    for char in text:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def dedent_edits(document: Document, first: int, last: int, amount: int,
                 keep_below: int | None = None) -> list[Edit] | None:
    """Edits that remove ``amount`` leading spaces from the non-blank lines ``first..last``.

    With ``keep_below``, lines indented less than it are left as they are (lazy continuation
    lines). None when a line cannot be moved without changing what it belongs to: it has a tab in
    its indentation, fewer than ``amount`` spaces, or (with ``keep_below``) an indentation in
    ``keep_below - amount .. keep_below - 1``.
    """
    edits: list[Edit] = []
    for line in range(first, last + 1):
        text = document.line_text(line)
        indent = leading_spaces(text)
        if is_blank(text):
            # whitespace-only lines can be content of a fenced code block: move them along
            if indent >= amount and (keep_below is None or indent >= keep_below):
                start = document.offset(line)
                edits.append(Edit.delete(start, start + amount))
            continue
        if "\t" in text[: len(text) - len(text.lstrip(" \t"))]:
            return None
        if keep_below is not None and indent < keep_below:
            if indent >= keep_below - amount:
                return None
            continue
        if indent < amount:
            return None
        start = document.offset(line)
        edits.append(Edit.delete(start, start + amount))
    return edits


def missing_blank_lines(
    document: Document, first: int, last: int, what: str, open_fences: frozenset[int]
) -> Iterator[Violation]:
    """A block spanning lines ``first``..``last`` (1-based) wants a blank line before and after it.

    The fix inserts one; there is none when the line before the insertion point is inside a code
    fence that is never closed (the blank line would become code)."""
    if first > document.body_start_line and not is_blank(document.line_text(first - 1)):
        start = document.offset(first)
        fix = None if first - 1 in open_fences else Fix.safe(f"Insert a blank line before the {what}",
                                                             Edit.insert(start, "\n"))
        yield Violation(start, document.index.line_end(first), f"No blank line before the {what}", fix)
    if last < document.line_count and not is_blank(document.line_text(last + 1)):
        after = document.offset(last + 1)
        fix = None if last in open_fences else Fix.safe(f"Insert a blank line after the {what}",
                                                        Edit.insert(after, "\n"))
        yield Violation(document.offset(last), document.index.line_end(last), f"No blank line after the {what}", fix)
