from __future__ import annotations

from collections.abc import Iterator

from notelint.diagnostics import Edit, Fix, Violation
from notelint.document import Document
from notelint.rule import rule
from notelint.rules.frontmatter.common import front_matter_mapping
from notelint.rules.frontmatter.parse import Node
from notelint.rules.frontmatter.schema import FrontMatterOptions


def _chunks(raw: str, mapping: Node) -> list[tuple[int, int]] | None:
    """Line ranges (0-based, end exclusive) of each top-level entry; comment lines directly above
    a key travel with it, except above the first key (those describe the whole block)."""
    lines = raw.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    key_lines = [key.line for key, _ in mapping.pairs]
    if len(set(key_lines)) != len(key_lines) or any(key.column != 0 for key, _ in mapping.pairs):
        return None
    starts = []
    for index, line in enumerate(key_lines):
        floor = key_lines[index - 1] + 1 if index else 0
        value_end_line = mapping.pairs[index - 1][1].line if index else -1
        start = line
        while index and start - 1 >= max(floor, value_end_line + 1) and lines[start - 1].lstrip().startswith("#"):
            start -= 1
        starts.append(start)
    return [(start, starts[i + 1] if i + 1 < len(starts) else len(lines)) for i, start in enumerate(starts)]


@rule(
    code="NL140", name="key-order", family="frontmatter", severity="warning",
    default_enabled=False, fixable=True, options=FrontMatterOptions,
)
def key_order(document: Document, options: FrontMatterOptions) -> Iterator[Violation]:
    """## What it does
    Finds front matter whose first keys are not in the configured order (`title`, `tags`,
    `date` by default). Other keys may follow in any order. Off by default.

    ## Why is this bad?
    The same keys in the same place make notes quick to scan and diffs between notes small.

    ## Example
    ```yaml
    date: 2024-07-22
    title: ICML 2024
    tags: [conference]
    ```

    Use instead:
    ```yaml
    title: ICML 2024
    tags: [conference]
    date: 2024-07-22
    ```

    ## Options
    ```toml
    [tool.notelint.frontmatter]
    key-order = ["title", "date", "tags"]
    ```

    ## Fix
    Moves whole entries (with the comment lines right above them) into order; the lines
    themselves are not changed (safe). Comments above the first key stay at the top. Flow-style front matter is not reordered.
    """
    found = front_matter_mapping(document)
    if found is None or document.front_matter is None:
        return
    parsed, mapping = found
    names = [key.value for key, _ in mapping.pairs]
    first = [name for name in options.key_order if name in names]
    wanted = first + [name for name in names if name not in first]
    if wanted == names or len(set(names)) != len(names):
        return
    misplaced = next(i for i, (a, b) in enumerate(zip(names, wanted)) if a != b)
    key = mapping.pairs[names.index(wanted[misplaced])][0]
    start, end = parsed.span(key)
    message = f"Front matter keys should start with {', '.join(first)}: `{key.value}` belongs at position {misplaced + 1}"
    fix = None
    raw = document.front_matter.raw
    chunks = None if mapping.flow else _chunks(raw, mapping)
    if chunks is not None:
        lines = raw.split("\n")
        order = [names.index(name) for name in wanted]
        body = "".join("".join(line + "\n" for line in lines[chunks[i][0] : chunks[i][1]]) for i in order)
        first_line = chunks[0][0]
        offset = parsed.base + sum(len(line) + 1 for line in lines[:first_line])
        if raw.endswith("\n"):
            fix = Fix.safe("Reorder the front matter keys", Edit(offset, parsed.base + len(raw), body))
    yield Violation(start, end, message, fix)
