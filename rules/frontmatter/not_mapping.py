from __future__ import annotations

from collections.abc import Iterator

from notelint.diagnostics import Violation
from notelint.document import Document
from notelint.rule import rule
from notelint.rules.frontmatter.common import describe, opening_span
from notelint.rules.frontmatter.parse import front_matter_of


@rule(code="NL104", name="front-matter-not-mapping", family="frontmatter", severity="error")
def front_matter_not_mapping(document: Document, options: None) -> Iterator[Violation]:
    """## What it does
    Finds front matter that is valid YAML but not a mapping of keys to values: empty, a list or
    a single piece of text.

    ## Why is this bad?
    Front matter is read as `key: value` pairs; anything else carries no title, date or tags.

    ## Example
    ```yaml
    - ICML 2024
    - 2024-07-22
    ```

    Use instead:
    ```yaml
    title: ICML 2024
    date: 2024-07-22
    ```

    ## Fix
    None.
    """
    parsed = front_matter_of(document)
    if parsed is None or parsed.error is not None:
        return
    if parsed.root is None:
        start, end = opening_span(document)
        yield Violation(start, end, "Front matter is empty: it should hold keys like `title`, `date` and `tags`")
    elif parsed.root.kind != "map":
        start, end = parsed.span(parsed.root)
        what = describe(document, parsed, parsed.root)
        yield Violation(start, end, f"Front matter must be a mapping of keys to values (`title: ...`), got {what}")
