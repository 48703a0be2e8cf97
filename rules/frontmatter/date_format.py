from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from notelint.diagnostics import Fix, Violation
from notelint.document import Document
from notelint.rule import rule
from notelint.rules.frontmatter.common import date_keys, front_matter_mapping
from notelint.rules.frontmatter.dates import read_date
from notelint.rules.frontmatter.edits import replace_scalar
from notelint.rules.frontmatter.schema import FrontMatterOptions


def _is_iso(text: str, allows_time: bool) -> bool:
    try:
        if allows_time:
            dt.datetime.fromisoformat(text)
            return True
        dt.date.fromisoformat(text)
        return len(text) == 10
    except ValueError:
        return False


@rule(code="NL130", name="date-format", family="frontmatter", severity="warning", fixable=True, options=FrontMatterOptions)
def date_format(document: Document, options: FrontMatterOptions) -> Iterator[Violation]:
    """## What it does
    Finds dates in the front matter (`date`, `updated` or the date fields of a custom schema)
    written in another format than ISO 8601 (`2025-04-07`).

    Recognised: `07.04.2025`, `7.4.2025`, `7. April 2025`, `7 März 2025`, `April 7, 2025`,
    `2025/04/07` and dates with a time such as `2025-04-07T09:00`.

    ## Why is this bad?
    YAML reads only ISO dates as dates; everything else is a string that sorts wrongly and that
    tools cannot compare.

    ## Example
    ```yaml
    date: 7. April 2025
    ```

    Use instead:
    ```yaml
    date: 2025-04-07
    ```

    ## Fix
    Rewrites the value in ISO 8601, keeping its quotes (safe). A time is kept when the schema
    allows a datetime for the key; otherwise dropping it is an unsafe fix.
    """
    found = front_matter_mapping(document)
    if found is None:
        return
    parsed, mapping = found
    for key, allows_time in date_keys(document, options).items():
        node = mapping.get(key)
        if node is None or node.kind != "scalar" or not node.tag.endswith((":str", ":timestamp")):
            continue
        read = read_date(node.value)
        if read is None or _is_iso(node.value, allows_time):
            continue
        if node.tag.endswith(":timestamp") and (read.time is None or allows_time):
            continue
        wanted = read.iso(allows_time)
        start, end = parsed.span(node)
        edit = replace_scalar(document, parsed, node, wanted)
        drops_time = read.time is not None and not allows_time
        if drops_time:
            message = f"`{key}` must be a calendar date without a time: write {wanted}"
        else:
            message = f"`{key}` is written as {node.value!r}; write dates in ISO 8601: {wanted}"
        fix = None
        if edit is not None:
            fix = (Fix.unsafe if drops_time else Fix.safe)(f"Write the date as {wanted}", edit)
        yield Violation(start, end, message, fix)
