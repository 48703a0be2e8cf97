from __future__ import annotations

from collections.abc import Iterator

from notelint.diagnostics import Edit, Fix, Violation
from notelint.document import Document
from notelint.rule import rule
from notelint.rules.markdown.lists import (
    dedent_edits,
    indent_width,
    last_content_line,
    list_items,
    next_content_line,
)


@rule(code="NL014", name="ordered-list-spacing", family="markdown", severity="warning",
      default_enabled=False, fixable=True)
def ordered_list_spacing(document: Document, options: None) -> Iterator[Violation]:
    """## What it does
    Finds an ordered list item with more than one space after its number (`1.  item`, as pandoc
    writes them). Opt-in normaliser (off by default).

    ## Why is this bad?
    The extra space is pandoc's alignment habit; it shifts the item's content column, so nested
    lists and continuation lines need odd indentation, and it is inconsistent with `- item`.

    ## Example
    ```markdown
    1.  asset list
    2.  scene decomposition
    ```

    Use instead:
    ```markdown
    1. asset list
    2. scene decomposition
    ```

    ## Fix
    Removes the extra spaces and moves the item's continuation lines and nested lists left by the
    same amount (safe: the HTML is the same). Not offered when a line of the item, or the first
    line after it, would change the item it belongs to (for example `   * k` right under
    `2.  two`: outside the item now, nested in it with one space).
    """
    for item, _ in list_items(document):
        if item.marker[-1] not in ".)":
            continue
        after_marker = item.marker_column + len(item.marker)
        excess = item.content_column - after_marker - 1
        if excess <= 0:
            continue
        line_start = document.offset(item.line)
        start, end = line_start + after_marker + 1, line_start + item.content_column
        token = item.token
        fix = None
        if token.map is not None:
            last = last_content_line(document, item.line, token.map[1])
            new_column = item.content_column - excess
            edits = dedent_edits(document, item.line + 1, last, excess, keep_below=item.content_column)
            # the next line outside the item must not move into it with the smaller content column
            following = next_content_line(document, last)
            blocked = following is not None and indent_width(document.line_text(following)) >= new_column
            if edits is not None and not blocked:
                fix = Fix.safe("Use one space after the number", Edit.delete(start, end), *edits)
        yield Violation(start - 1, end, f"{excess + 1} spaces after the list number: use one", fix)
