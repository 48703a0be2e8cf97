from __future__ import annotations

import datetime
from collections.abc import Iterator

from notelint.rules.days.common import (
    DEFAULT_OPTIONS,
    DaysOptions,
    day_headings,
    event_week_conflict,
    front_matter_date,
)
from notelint.rules.days.recognise import weekday_name

from notelint.diagnostics import Violation
from notelint.document import Document
from notelint.rule import rule


@rule(code="NL305", name="front-matter-day", family="days", severity="warning", options=DaysOptions)
def front_matter_day(document: Document, options: DaysOptions | None) -> Iterator[Violation]:
    """## What it does
    When the front matter sets a full `date`, checks that the first day heading fits the event
    week that begins on that date: a dated heading must lie within the seven days from it, and a
    weekday must not come later in that week than a weekday the note reaches after it.

    ## Why is this bad?
    The front matter `date` and the day headings are two statements about when the notes were
    taken. ICASSP 2025 has `date: 2025-04-06` (a Sunday) and its notes start `Montag`: fine. A note
    with `date: 2024-07-24` (a Wednesday) that starts `Montag` and reaches `Mittwoch` later either
    has the wrong date or the wrong headings.

    ## Example
    ```markdown
    ---
    date: 2024-07-24
    ---
    # Montag Vormittag
    # Mittwoch Vormittag
    ```
    reports `Montag Vormittag`.

    ## Fix
    None: only the author knows which of the two is right.
    """
    options = options or DEFAULT_OPTIONS
    start = front_matter_date(document)
    if start is None:
        return
    headings = day_headings(document, options)
    if not headings:
        return
    first = headings[0]
    start_name = weekday_name(start.weekday(), options.language)
    week_end = start + datetime.timedelta(days=6)
    if first.day.dates:
        date = first.day.dates[0]
        if not start <= date <= week_end:
            yield Violation(
                first.start,
                first.end,
                f"First day heading {first.text!r} ({date.isoformat()}) is outside the event week "
                f"{start.isoformat()} to {week_end.isoformat()} of the front matter date",
            )
        return
    later = event_week_conflict(headings, start)
    if later is not None:
        yield Violation(
            first.start,
            first.end,
            f"First day heading {first.text!r} cannot fit the event week that begins on "
            f"{start_name} {start.isoformat()} (front matter date) and reaches {later.text!r} "
            f"(line {later.line}) afterwards",
        )
