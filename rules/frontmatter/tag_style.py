from __future__ import annotations

import re
from collections.abc import Iterator

from notelint.diagnostics import Fix, Violation
from notelint.document import Document
from notelint.patterns import lazy
from notelint.rule import rule
from notelint.rules.frontmatter.common import tag_list
from notelint.rules.frontmatter.edits import replace_scalar
from notelint.rules.frontmatter.schema import FrontMatterOptions

_SEPARATORS = lazy(r"[\s_]+")


def styled(tag: str, style: str) -> str:
    """A tag in the configured style: ``lowercase`` or ``kebab-case`` (both drop a leading ``#``)."""
    if style == "as-is":
        return tag
    tag = tag.strip().lstrip("#").lower()
    if style == "kebab-case":
        tag = re.sub(r"-{2,}", "-", _SEPARATORS.sub("-", tag)).strip("-")
    return tag


@rule(code="NL122", name="tag-style", family="frontmatter", severity="warning", fixable=True, options=FrontMatterOptions)
def tag_style(document: Document, options: FrontMatterOptions) -> Iterator[Violation]:
    """## What it does
    Finds tags that do not follow the configured tag style.

    ## Why is this bad?
    `Conference`, `conference` and `#conference` are three different tags to most tools, so
    notes that belong together are listed apart.

    ## Example
    With `tag-style = "kebab-case"`:
    ```yaml
    tags: [Machine Learning, "#ICML"]
    ```

    Use instead:
    ```yaml
    tags: [machine-learning, "icml"]
    ```

    ## Options
    ```toml
    [tool.notelint.frontmatter]
    tag-style = "lowercase"   # "as-is" (default: no check), "lowercase" or "kebab-case"
    ```

    ## Fix
    Rewrites the tag in place, keeping its quotes (safe). Tags that then repeat are removed by
    `duplicate-tags`.
    """
    if options.tag_style == "as-is":
        return
    found = tag_list(document)
    if found is None:
        return
    parsed, tags = found
    for item in tags.items:
        if item.kind != "scalar" or not item.tag.endswith(":str"):
            continue
        wanted = styled(item.value, options.tag_style)
        if wanted == item.value or not wanted:
            continue
        start, end = parsed.span(item)
        edit = replace_scalar(document, parsed, item, wanted)
        fix = Fix.safe(f"Write the tag as {wanted!r}", edit) if edit is not None else None
        yield Violation(start, end, f"Tag {item.value!r} is not {options.tag_style}: write {wanted!r}", fix)
