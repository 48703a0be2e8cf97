from __future__ import annotations

from collections.abc import Iterator

from notelint.diagnostics import Violation
from notelint.document import Document
from notelint.rule import rule
from notelint.rules.frontmatter.common import date_keys, front_matter_mapping
from notelint.rules.frontmatter.dates import partial_date
from notelint.rules.frontmatter.schema import FrontMatterOptions


@rule(code="NL131", name="incomplete-date", family="frontmatter", severity="error", options=FrontMatterOptions)
def incomplete_date(document: Document, options: FrontMatterOptions) -> Iterator[Violation]:
    """## What it does
    Finds a front matter date that gives only a year (`2024`) or a year and a month (`2024-07`,
    `July 2024`).

    ## Why is this bad?
    YAML reads `2024` as a number, not a date; listings by date and checks of the weekday
    headings against the date cannot work.

    ## Example
    ```yaml
    date: 2024
    ```

    Use instead:
    ```yaml
    date: 2024-07-22
    ```

    ## Fix
    None: the day cannot be guessed. The message says what is expected.
    """
    found = front_matter_mapping(document)
    if found is None:
        return
    parsed, mapping = found
    for key in date_keys(document, options):
        node = mapping.get(key)
        if node is None or node.kind != "scalar" or not node.tag.endswith((":str", ":int")):
            continue
        got = partial_date(node.value)
        if got is None:
            continue
        year = node.value.strip()[:4] if node.value.strip()[:4].isdigit() else node.value.strip()[-4:]
        missing = "the month and day" if got.startswith("the year") else "the day"
        start, end = parsed.span(node)
        yield Violation(
            start, end, f"`{key}` must be a full date like {year}-07-22 (YYYY-MM-DD), got {got}: add {missing}"
        )
