from __future__ import annotations

from collections.abc import Iterator

from notelint.diagnostics import Violation
from notelint.document import Document
from notelint.rule import rule
from notelint.rules.frontmatter.parse import front_matter_of


@rule(code="NL102", name="invalid-yaml", family="frontmatter", severity="error")
def invalid_yaml(document: Document, options: None) -> Iterator[Violation]:
    """## What it does
    Reports front matter that is not valid YAML, at the line and column where the YAML parser
    (ruamel.yaml) gave up, with the parser's own explanation.

    ## Why is this bad?
    Static site generators and note tools either fail on such a note or silently drop all of its
    metadata; no other front matter check can run.

    ## Example
    ```yaml
    title: ICML 2024
    tags: [conference
    date: 2024-07-22
    ```
    (the flow list is never closed)

    ## Fix
    None: the intended structure cannot be guessed.
    """
    parsed = front_matter_of(document)
    if parsed is None or parsed.error is None:
        return
    start = min(parsed.base + parsed.error.offset, len(document.text))
    end = start + 1 if start < len(document.text) and document.text[start] != "\n" else start
    yield Violation(start, end, f"Invalid YAML in the front matter: {parsed.error.message}")
