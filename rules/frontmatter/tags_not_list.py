from __future__ import annotations

import json
from collections.abc import Iterator

from notelint.diagnostics import Edit, Fix, Violation
from notelint.document import Document
from notelint.rule import rule
from notelint.rules.frontmatter.common import front_matter_mapping, tags_are_a_list
from notelint.rules.frontmatter.edits import plain_or_quoted
from notelint.rules.frontmatter.schema import FrontMatterOptions


@rule(code="NL120", name="tags-not-list", family="frontmatter", severity="error", fixable=True, options=FrontMatterOptions)
def tags_not_list(document: Document, options: FrontMatterOptions) -> Iterator[Violation]:
    """## What it does
    Finds `tags` written as a single value (`tags: conference`) where a list is meant.

    ## Why is this bad?
    Tools that read tags expect a list: a string is either rejected or split into its letters
    (`c`, `o`, `n`, ...).

    ## Example
    ```yaml
    tags: conference
    ```

    Use instead:
    ```yaml
    tags: [conference]
    ```

    A custom schema whose `tags` field is not a list turns this rule off.

    ## Fix
    Wraps the value in a one-element flow list, keeping its quoting and any comment after it
    (safe). A plain value with commas (`tags: ml, audio`) becomes one tag per part (unsafe: the
    comma may belong to a tag).
    """
    found = front_matter_mapping(document)
    if found is None or not tags_are_a_list(document, options):
        return
    parsed, mapping = found
    node = mapping.get("tags")
    if node is None or node.kind != "scalar" or node.tag.endswith(":null") or not node.value:
        return
    start, end = parsed.span(node)
    source = document.text[start:end]
    message = f"`tags` must be a list, got the single value {node.value!r}"
    fix: Fix | None = None
    if node.style in ('"', "'") and not any(c in node.value for c in "\n"):
        fix = Fix.safe("Make `tags` a one-element list", Edit(start, end, f"[{source}]"))
    elif node.style is None and source == node.value and not node.tag.endswith(":str"):
        # `tags: 2024` or `tags: true`: the tag is the text, so it is quoted to stay text
        fix = Fix.safe("Make `tags` a one-element list", Edit(start, end, f"[{json.dumps(node.value)}]"))
    elif node.style is None and source == node.value:
        parts = [part.strip() for part in node.value.split(",")]
        if len(parts) > 1 and all(parts):
            content = "[" + ", ".join(plain_or_quoted(part) for part in parts) + "]"
            fix = Fix.unsafe("Split `tags` at the commas into a list", Edit(start, end, content))
        else:
            fix = Fix.safe("Make `tags` a one-element list", Edit(start, end, f"[{plain_or_quoted(node.value)}]"))
    yield Violation(start, end, message, fix)
