from __future__ import annotations

from collections.abc import Iterator

from notelint.block_state import Token

from notelint.diagnostics import Fix, Violation
from notelint.document import Document
from notelint.rule import rule
from notelint.rules.markdown.lists import (
    ListItem,
    dedent_edits,
    indent_width,
    last_content_line,
    list_items,
    next_content_line,
)


@rule(code="NL013", name="list-indentation", family="markdown", severity="warning",
      default_enabled=False, fixable=True)
def list_indentation(document: Document, options: None) -> Iterator[Violation]:
    """## What it does
    Finds a nested list indented further than its parent item's text: under `- item` a nested
    item belongs at 2 spaces (under `1. item` at 3). Opt-in normaliser (off by default).

    ## Why is this bad?
    CommonMark accepts up to three extra spaces, but other renderers and editors count 4 or 2;
    one indentation per nesting level keeps the source predictable (markdownlint MD007).

    ## Example
    ```markdown
    - Climate Simulation
        - reduce the resolution
        - keep physical constraints in mind
    ```

    Use instead:
    ```markdown
    - Climate Simulation
      - reduce the resolution
      - keep physical constraints in mind
    ```

    ## Fix
    Moves the whole nested list (with its continuation lines and deeper lists) left by the same
    amount (safe: the HTML is the same). Not offered when the items of the nested list start at
    different columns, a line of it is indented with tabs or less than the amount, or the line
    after it is indented past the parent item's text (it would move into the nested list).
    """
    lists: dict[int, Token] = {}
    owner: dict[int, int] = {}
    stack: list[int] = []
    for token in document.block_tokens:
        if token.type in ("bullet_list_open", "ordered_list_open"):
            stack.append(id(token))
            lists[id(token)] = token
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            stack.pop()
        elif token.type == "list_item_open" and stack:
            owner[id(token)] = stack[-1]
    by_list: dict[int, list[ListItem]] = {}
    for item, _ in list_items(document):
        by_list.setdefault(owner[id(item.token)], []).append(item)
    for list_id, members in by_list.items():
        if not members:
            continue
        first = min(members, key=lambda item: item.line)
        parent = first.parent
        if parent is None or parent.line == first.line:
            continue
        excess = first.marker_column - parent.content_column
        if excess <= 0:
            continue
        start = document.offset(first.line) + first.marker_column
        token = lists[list_id]
        fix = None
        if all(member.marker_column == first.marker_column for member in members) and token.map is not None:
            last = last_content_line(document, token.map[0] + 1, token.map[1])
            edits = dedent_edits(document, token.map[0] + 1, last, excess)
            # the next line after the nested list must not move into it once it is less indented
            following = next_content_line(document, last)
            blocked = following is not None and indent_width(document.line_text(following)) > parent.content_column
            if edits and not blocked:
                fix = Fix.safe(f"Indent the nested list by {parent.content_column - parent.marker_column} spaces",
                               *edits)
        yield Violation(
            document.offset(first.line),
            start,
            f"Nested list indented {excess} space{'s' if excess > 1 else ''} more than its parent item's text",
            fix,
        )
