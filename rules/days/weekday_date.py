from __future__ import annotations

from collections.abc import Iterator

from notelint.rules.days.common import DEFAULT_OPTIONS, DaysOptions, day_headings
from notelint.rules.days.recognise import weekday_name

from notelint.diagnostics import Edit, Fix, Violation
from notelint.document import Document
from notelint.rule import rule


@rule(code="NL302", name="weekday-date-mismatch", family="days", severity="error", fixable=True, options=DaysOptions)
def weekday_date_mismatch(document: Document, options: DaysOptions | None) -> Iterator[Violation]:
    """## What it does
    Finds a day heading whose weekday is not the weekday of the date written beside it, such as
    `Montag, 31.3.2020` (31 March 2020 was a Tuesday). Each weekday of a range is checked against
    its own date.

    ## Why is this bad?
    One of the two is wrong, and a reader cannot tell which: the notes of that day may be filed
    under the wrong day of the conference.

    ## Example
    ```markdown
    # Montag, 31.3.2020
    ```
    is reported as `Montag does not match 31.3.2020, which is a Dienstag`.

    ## Fix
    Replaces the weekday by the date's weekday (unsafe: the date may be the mistake).
    """
    options = options or DEFAULT_OPTIONS
    for heading in day_headings(document, options):
        day = heading.day
        if not day.dates or len(day.weekdays) != len(day.dates):
            continue
        for weekday, date, span, date_span in zip(
            day.weekdays, day.dates, day.weekday_spans, day.date_spans, strict=False
        ):
            if weekday == date.weekday():
                continue
            right = weekday_name(date.weekday(), options.language)
            written_day = heading.text[span[0] : span[1]]
            written_date = heading.text[date_span[0] : date_span[1]]
            start, end = heading.start + span[0], heading.start + span[1]
            replacement = right
            if day.compound and span == day.daypart_span and day.daypart:
                replacement = right + day.daypart.lower()
            fix = Fix.unsafe(f"Write {replacement!r}", Edit(start, end, replacement))
            yield Violation(start, end, f"{written_day} does not match {written_date}, which is a {right}", fix)
