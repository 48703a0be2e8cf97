from __future__ import annotations

from collections.abc import Iterator

from notelint.diagnostics import Violation
from notelint.document import Document
from notelint.rule import rule


@rule(code="NL100", name="missing-front-matter", family="frontmatter", severity="error", default_enabled=False)
def missing_front_matter(document: Document, options: None) -> Iterator[Violation]:
    """## What it does
    Finds a note that does not start with a YAML front matter block (`---` on the first line).

    ## Why is this bad?
    The title, date and tags of a note live in its front matter; without them the note cannot be
    found by date or tag, and none of the other front matter checks can run.

    ## Example
    ```markdown
    # Montag Vormittag
    ```

    Use instead:
    ```markdown
    ---
    title: ICML 2024
    tags: [conference]
    date: 2024-07-22
    ---
    # Montag Vormittag
    ```

    ## Fix
    None: only the author knows the title and the date.

    Off by default: a notes repository also holds READMEs and other Markdown without front
    matter. Turn it on with `extend-select = ["NL100"]` where every note must have one.
    """
    if document.front_matter is None:
        yield Violation(0, len(document.line_text(1)), "No front matter: the note should start with a `---` block holding title, date and tags")
