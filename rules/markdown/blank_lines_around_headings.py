from __future__ import annotations

from collections.abc import Iterator

from notelint.diagnostics import Violation
from notelint.document import Document
from notelint.rule import rule
from notelint.rules.markdown.lists import missing_blank_lines


@rule(code="NL010", name="blank-lines-around-headings", family="markdown", severity="warning",
      default_enabled=False, fixable=True)
def blank_lines_around_headings(document: Document, options: None) -> Iterator[Violation]:
    """## What it does
    Finds a heading without a blank line before it or after it. Opt-in normaliser (off by
    default); a heading right after the front matter or at the start or end of the note is fine.

    ## Why is this bad?
    The rendering is the same, but the source is harder to read, many editors and other
    Markdown tools expect the blank lines (markdownlint MD022), and diffs are noisier when a
    heading is moved.

    Only headings at the top level of the note are checked: inside a list item a blank line
    would make the list loose and change the HTML.

    ## Example
    ```markdown
    # Montag Vormittag
    ## Predictive attribution
    - loss
    ```

    Use instead:
    ```markdown
    # Montag Vormittag

    ## Predictive attribution

    - loss
    ```

    ## Fix
    Inserts the missing blank line (safe: the HTML is the same).
    No fix when the line before the insertion point is inside a code fence that is never closed
    (the blank line would become part of the code).
    """
    open_fences = document.open_fence_lines
    tokens = document.block_tokens
    for token in map(tokens.__getitem__, document.positions("heading_open")):
        if token.level != 0 or token.map is None:
            continue
        first, last = token.map[0] + 1, token.map[1]
        yield from missing_blank_lines(document, first, last, "heading", open_fences)
