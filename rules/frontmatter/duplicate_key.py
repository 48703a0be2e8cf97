from __future__ import annotations

from collections.abc import Iterator

from notelint.diagnostics import Violation
from notelint.document import Document
from notelint.rule import rule
from notelint.rules.frontmatter.parse import Node, Parsed, front_matter_of


def _mappings(node: Node) -> Iterator[Node]:
    if node.kind == "map":
        yield node
        for _, value in node.pairs:
            yield from _mappings(value)
    elif node.kind == "seq":
        for item in node.items:
            yield from _mappings(item)


@rule(code="NL103", name="duplicate-key", family="frontmatter", severity="error")
def duplicate_key(document: Document, options: None) -> Iterator[Violation]:
    """## What it does
    Finds a key that appears twice in the same front matter mapping.

    ## Why is this bad?
    YAML forbids it; loaders either fail or keep one of the values without a word, so an edit
    to the first `date:` may have no effect at all.

    ## Example
    ```yaml
    title: ICML 2024
    date: 2024-07-22
    date: 2024-07-23
    ```

    ## Fix
    None: which value is right is for the author to decide.
    """
    parsed = front_matter_of(document)
    if parsed is None or parsed.root is None:
        return
    yield from _check(document, parsed)


def _check(document: Document, parsed: Parsed) -> Iterator[Violation]:
    assert parsed.root is not None
    for mapping in _mappings(parsed.root):
        first: dict[str, Node] = {}
        for key, _ in mapping.pairs:
            if key.kind != "scalar":
                continue
            if key.value in first:
                start, end = parsed.span(key)
                line = document.position(parsed.span(first[key.value])[0]).line
                yield Violation(start, end, f"Duplicate key `{key.value}` (first on line {line}); YAML loaders keep only one of them")
            else:
                first[key.value] = key
