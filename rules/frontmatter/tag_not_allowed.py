from __future__ import annotations

from collections.abc import Iterator

from notelint.diagnostics import Violation
from notelint.document import Document
from notelint.rule import rule
from notelint.rules.frontmatter.common import front_matter_mapping
from notelint.rules.frontmatter.schema import FrontMatterOptions
from notelint.suggest import did_you_mean


@rule(code="NL123", name="tag-not-allowed", family="frontmatter", severity="warning", options=FrontMatterOptions)
def tag_not_allowed(document: Document, options: FrontMatterOptions) -> Iterator[Violation]:
    """## What it does
    Finds a tag that is not in the configured list of allowed tags, and suggests the closest one.

    ## Why is this bad?
    A fixed vocabulary keeps tags useful: `conferene` silently starts a tag of its own.

    ## Example
    With `allowed-tags = ["conference", "workshop"]`:
    ```yaml
    tags: [conferene]
    ```

    ## Options
    ```toml
    [tool.notelint.frontmatter]
    allowed-tags = ["conference", "workshop"]   # unset (default): every tag is allowed
    ```

    ## Fix
    None: the suggestion may be wrong.
    """
    if options.allowed_tags is None:
        return
    found = front_matter_mapping(document)
    if found is None:
        return
    parsed, mapping = found
    tags = mapping.get("tags")
    if tags is None:
        return
    items = tags.items if tags.kind == "seq" else (tags,) if tags.kind == "scalar" and tags.value else ()
    allowed = set(options.allowed_tags)
    for item in items:
        if item.kind == "scalar" and item.value not in allowed:
            start, end = parsed.span(item)
            yield Violation(start, end, f"Tag {item.value!r} is not an allowed tag{did_you_mean(item.value, sorted(allowed))}")
