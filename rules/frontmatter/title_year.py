from __future__ import annotations

import re
from collections.abc import Iterator

from notelint.diagnostics import Violation
from notelint.document import Document
from notelint.rule import rule
from notelint.rules.frontmatter.common import front_matter_mapping
from notelint.rules.frontmatter.dates import read_date

_YEAR = re.compile(r"(?<![\d.])(?:19|20)\d\d(?![\d.])")


@rule(code="NL132", name="title-year-mismatch", family="frontmatter", severity="warning")
def title_year_mismatch(document: Document, options: None) -> Iterator[Violation]:
    """## What it does
    Finds a title that names a year other than the year of `date`.

    ## Why is this bad?
    `ICML 2024` with `date: 2023-07-23` is a copy of last year's note with one of the two left
    unchanged; the note is filed under the wrong year.

    ## Example
    ```yaml
    title: ICML 2024
    date: 2023-07-23
    ```

    ## Fix
    None: either the title or the date is wrong.
    """
    found = front_matter_mapping(document)
    if found is None:
        return
    parsed, mapping = found
    title, date = mapping.get("title"), mapping.get("date")
    if title is None or date is None or title.kind != "scalar" or date.kind != "scalar":
        return
    years = {int(year) for year in _YEAR.findall(title.value)}
    read = read_date(date.value)
    if not years or read is None or read.date.year in years:
        return
    named = ", ".join(str(year) for year in sorted(years))
    start, end = parsed.span(title)
    yield Violation(start, end, f"The title names {named} but `date` is {read.date.isoformat()} ({read.date.year})")


