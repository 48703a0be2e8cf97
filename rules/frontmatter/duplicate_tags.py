from __future__ import annotations

from collections.abc import Iterator

from notelint.diagnostics import Edit, Fix, Violation
from notelint.document import Document
from notelint.rule import rule
from notelint.rules.frontmatter.common import tag_list
from notelint.rules.frontmatter.parse import Node, Parsed


def _removal(document: Document, parsed: Parsed, tags: Node, index: int) -> Edit | None:
    item = tags.items[index]
    start, end = parsed.span(item)
    if tags.flow:
        previous_end = parsed.span(tags.items[index - 1])[1]
        return Edit.delete(previous_end, end)
    line = document.position(start).line
    text = document.line_text(line)
    after = document.text[end : document.index.line_end(line)].strip()
    if not text.lstrip().startswith("-") or (after and not after.startswith("#")):
        return None
    return Edit.delete(document.index.line_start(line), document.index.line_start(line + 1))


@rule(code="NL121", name="duplicate-tags", family="frontmatter", severity="warning", fixable=True)
def duplicate_tags(document: Document, options: None) -> Iterator[Violation]:
    """## What it does
    Finds a tag that is listed twice in `tags`.

    ## Why is this bad?
    The repeat adds nothing and is usually a sign of a merge or copy slip.

    ## Example
    ```yaml
    tags: [ml, conference, ml]
    ```

    Use instead:
    ```yaml
    tags: [ml, conference]
    ```

    ## Fix
    Removes the repeats and keeps the first occurrence: the item with its comma in a flow list,
    or its whole line in a block list (safe).
    """
    found = tag_list(document)
    if found is None:
        return
    parsed, tags = found
    seen: set[str] = set()
    for index, item in enumerate(tags.items):
        if item.kind != "scalar":
            continue
        if item.value in seen:
            start, end = parsed.span(item)
            edit = _removal(document, parsed, tags, index)
            fix = Fix.safe("Remove the repeated tag", edit) if edit is not None else None
            yield Violation(start, end, f"Tag {item.value!r} is listed more than once", fix)
        seen.add(item.value)
