from __future__ import annotations

from collections.abc import Iterator

from notelint.rules.days.common import (
    DEFAULT_OPTIONS,
    DayHeadingAt,
    DaysOptions,
    day_headings,
    event_date,
    event_week_conflict,
    front_matter_date,
)

from notelint.diagnostics import Violation
from notelint.document import Document
from notelint.rule import rule


@rule(code="NL304", name="duplicate-day", family="days", severity="warning", options=DaysOptions)
def duplicate_day(document: Document, options: DaysOptions | None) -> Iterator[Violation]:
    """## What it does
    Finds a day heading that names the same day and part of the day as an earlier one in the note,
    such as a second `# Montag Vormittag` (however each is spelled). When the front matter `date`
    places the weekdays in the event week, `Freitag` and `Freitag, 26.7.2024` are the same day.

    ## Why is this bad?
    The notes of one session end up in two places, or a heading was copied and not renamed.

    ## Example
    ```markdown
    # Montag Vormittag
    # Montag Nachmittag
    # Montag Vormittag
    ```
    reports the third heading.

    ## Fix
    None: merge the two sections or rename one.
    """
    options = options or DEFAULT_OPTIONS
    headings = day_headings(document, options)
    start = front_matter_date(document)
    if start is not None and event_week_conflict(headings, start) is not None:
        start = None
    seen: dict[tuple[object, ...], DayHeadingAt] = {}
    for heading in headings:
        day = heading.day
        when: tuple[object, ...] = day.dates or day.weekdays
        if not day.dates and start is not None:
            # The front matter date places a weekday in the event week: ``Freitag`` is ``26.7.2024``.
            when = tuple(event_date(weekday, start) for weekday in day.weekdays)
        key = (when, day.daypart)
        first = seen.get(key)
        if first is None:
            seen[key] = heading
            continue
        yield Violation(
            heading.start,
            heading.end,
            f"Day heading {heading.text!r} repeats {first.text!r} (line {first.line})",
        )
