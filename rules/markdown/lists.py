"""List structure helpers shared by the list rules: where an item's marker and content start."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from markdown_it.token import Token

from notelint.document import Document

_MARKER = re.compile(r"(?P<indent> *)(?P<marker>[-+*]|\d{1,9}[.)])(?P<space> *)(?P<rest>.?)")


@dataclass(frozen=True, slots=True)
class ListItem:
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
    if match is None or "\t" in text[: match.end("space")]:
        return None
    marker_column = match.start("marker")
    marker = match.group("marker")
    spaces = len(match.group("space"))
    after_marker = marker_column + len(marker)
    if not match.group("rest") or spaces > 4:
        return marker_column, marker, after_marker + 1
    return marker_column, marker, after_marker + spaces


def list_items(document: Document) -> Iterator[tuple[ListItem, list[Token]]]:
    """Every list item outside blockquotes, with the tokens directly inside it.

    Items whose columns cannot be known (tabs in the indentation) are skipped.
    """
    tokens = document.tokens
    open_items: list[tuple[ListItem | None, list[Token]]] = []
    list_counters: list[int] = []
    blockquotes = 0
    for token in tokens:
        if token.type == "blockquote_open":
            blockquotes += 1
        elif token.type == "blockquote_close":
            blockquotes -= 1
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            list_counters.append(0)
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            list_counters.pop()
        elif token.type == "list_item_open" and token.map is not None:
            parent = next((item for item, _ in reversed(open_items) if item is not None), None)
            line = token.map[0] + 1
            text = document.line_text(line)
            start = parent.content_column if parent is not None and parent.line == line else 0
            columns = _columns(text, start) if blockquotes == 0 else None
            item = None
            if columns is not None:
                item = ListItem(token, line, *columns, parent, list_counters[-1], blockquotes > 0)
            list_counters[-1] += 1
            open_items.append((item, []))
            continue
        elif token.type == "list_item_close":
            item, children = open_items.pop()
            if item is not None:
                yield item, children
            continue
        if open_items:
            open_items[-1][1].append(token)
