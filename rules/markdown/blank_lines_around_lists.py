from __future__ import annotations

from collections.abc import Iterator

from notelint.diagnostics import Violation
from notelint.document import Document
from notelint.rule import rule
from notelint.rules.markdown.lists import last_content_line, missing_blank_lines


@rule(code="NL011", name="blank-lines-around-lists", family="markdown", severity="warning",
      default_enabled=False, fixable=True)
def blank_lines_around_lists(document: Document, options: None) -> Iterator[Violation]:
    """## What it does
    Finds a list without a blank line before it or after it. Opt-in normaliser (off by default);
    a list at the start or end of the note is fine.

    ## Why is this bad?
    Some Markdown renderers (pandoc, Python-Markdown) need the blank line before a list, or they
    show the items as part of the paragraph above; the blank lines also keep lists apart from
    headings and paragraphs in the source (markdownlint MD032).

    Only lists at the top level of the note are checked: a blank line before a nested list would
    make the outer list loose and change the HTML. A paragraph line glued under a list is part of
    the list's last item (see NL001), not a line after the list.

    ## Example
    ```markdown
    Problem: cost of foundation models
    - sparsity
    - compression
    ### Sparsity
    ```

    Use instead:
    ```markdown
    Problem: cost of foundation models

    - sparsity
    - compression

    ### Sparsity
    ```

    ## Fix
    Inserts the missing blank line (safe: CommonMark renders the same HTML).
    No fix when the line before the insertion point is inside a code fence that is never closed
    (the blank line would become part of the code).
    """
    open_fences = document.open_fence_lines
    tokens = document.block_tokens
    for token in map(tokens.__getitem__, document.positions("bullet_list_open", "ordered_list_open")):
        if token.level != 0 or token.map is None:
            continue
        first = token.map[0] + 1
        last = last_content_line(document, first, token.map[1])
        yield from missing_blank_lines(document, first, last, "list", open_fences)
