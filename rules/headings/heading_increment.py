from __future__ import annotations

from collections.abc import Iterator

from notelint.diagnostics import Fix, Violation
from notelint.document import Document
from notelint.rule import rule
from notelint.rules.headings.outline import outline, relevel_edits, subtree


@rule(code="NL202", name="heading-increment", family="headings", severity="warning", fixable=True)
def heading_increment(document: Document, options: None) -> Iterator[Violation]:
    """## What it does
    Finds a heading more than one level deeper than the heading before it (`##` then `####`).

    ## Why is this bad?
    The skipped level leaves a hole in the outline: the table of contents shows an empty level,
    and the heading's place in the day → talk → topic structure is unclear.

    ## Example
    ```markdown
    ## Talk: Multiomics
    #### Genomics
    ```

    Use instead:
    ```markdown
    ## Talk: Multiomics
    ### Genomics
    ```

    ## Fix
    Re-levels the heading to one below the heading before it and moves its subtree by the same
    amount (unsafe: the author may have left out the missing level instead). Not offered for
    setext headings in the subtree.
    """
    headings = outline(document)
    for previous, heading in zip(headings, headings[1:], strict=False):
        if heading.level <= previous.level + 1:
            continue
        wanted = previous.level + 1
        start = document.offset(heading.line)
        end = document.index.line_end(heading.line)
        edits = relevel_edits(document, subtree(headings, heading), wanted - heading.level)
        fix = Fix.unsafe(f"Make it a level-{wanted} heading (with its subtree)", *edits) if edits else None
        yield Violation(
            start,
            end,
            f"Heading level jumps from {previous.level} to {heading.level} (expected at most {wanted})",
            fix,
        )
