from __future__ import annotations

from collections.abc import Iterator

from notelint.diagnostics import Violation
from notelint.document import Document
from notelint.rule import rule


@rule(code="NL101", name="unclosed-front-matter", family="frontmatter", severity="error")
def unclosed_front_matter(document: Document, options: None) -> Iterator[Violation]:
    """## What it does
    Finds front matter that opens with `---` but never closes with a second `---` line.

    ## Why is this bad?
    Without the closing line the whole note is read as YAML (or as a thematic break followed by
    text, depending on the tool): the metadata is lost and the body renders wrongly.

    ## Example
    ```markdown
    ---
    title: ICML 2024
    date: 2024-07-22
    # Montag Vormittag
    ```

    ## Fix
    None: where the block should end is for the author to say. Add a `---` line after the last key.
    """
    block = document.front_matter
    if block is not None and not block.closed:
        yield Violation(0, len(document.line_text(1)), "Front matter is never closed: add a `---` line after its last key")
