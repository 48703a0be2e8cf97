from __future__ import annotations

import datetime
from collections.abc import Iterator

from notelint.rules.days.common import (
    DEFAULT_OPTIONS,
    DayHeadingAt,
    DaysOptions,
    day_headings,
    daypart_rank,
    event_date,
    event_week_conflict,
    front_matter_date,
)

from notelint.diagnostics import Violation
from notelint.document import Document
from notelint.rule import rule

Key = tuple[tuple[int, int], tuple[int, int]]  # (start, end) of a span as (day ordinal, day part rank)


def day_keys(headings: list[DayHeadingAt], start: datetime.date | None, language: str) -> list[Key] | None:
    """Where each heading lies in time: by its dates when every heading has one (or the front matter
    date places the weekdays in the event week), else by weekday; None when that cannot be told."""
    dated = all(h.day.dates or (start is not None and h.day.weekday is not None) for h in headings)
    keys: list[Key] = []
    for heading in headings:
        day = heading.day
        rank = daypart_rank(day.daypart, language)
        if dated:
            if day.dates:
                first, last = day.dates[0].toordinal(), day.dates[-1].toordinal()
            else:
                assert start is not None and day.weekday is not None
                first = last = event_date(day.weekday, start).toordinal()
                if len(day.weekdays) > 1:
                    last = event_date(day.weekdays[-1], start).toordinal()
        elif day.weekdays:
            first, last = day.weekdays[0], day.weekdays[-1]
        else:
            return None
        last_rank = rank if first == last else 99
        keys.append(((first, rank), (last, last_rank)))
    return keys


@rule(code="NL303", name="day-order", family="days", severity="warning", options=DaysOptions)
def day_order(document: Document, options: DaysOptions | None) -> Iterator[Violation]:
    """## What it does
    Finds a day heading that breaks the direction of time through the note: days and parts of a
    day go one way (`Montag Vormittag`, `Montag Nachmittag`, `Dienstag`, ...).

    When every heading carries a date (or the front matter `date` places the weekdays in the event
    week), headings are ordered by date; otherwise by weekday. A note that runs newest-first is
    fine as long as it does so throughout: most steps between headings set the direction.
    A range heading (`Dienstag 25.10.2022 bis Freitag 28.10.2022`) covers its whole span, so the
    days inside it may follow it.

    ## Why is this bad?
    A day out of place is usually a section pasted in the wrong spot or a wrong day name; either
    way the note no longer reads as the conference happened.

    ## Example
    ```markdown
    # Dienstag Vormittag
    # Montag Nachmittag
    ```
    reports `Montag Nachmittag` (after `Dienstag Vormittag`).

    ## Fix
    None: moving sections is left to the author.
    """
    options = options or DEFAULT_OPTIONS
    headings = day_headings(document, options)
    if len(headings) < 2:
        return
    start = front_matter_date(document)
    if start is not None and event_week_conflict(headings, start) is not None:
        start = None  # the front matter date does not place these weekdays (front-matter-day reports it)
    keys = day_keys(headings, start, options.language)
    if keys is None:
        return
    steps = list(zip(keys, keys[1:], strict=False))
    forwards = sum(after[0] > before[0] for before, after in steps)
    backwards = sum(after[1] < before[1] for before, after in steps)
    direction = 1 if forwards >= backwards else -1
    way = "oldest-first" if direction > 0 else "newest-first"
    for index, (before, after) in enumerate(steps):
        wrong = after[0] < before[0] if direction > 0 else after[1] > before[1]
        if wrong:
            previous, current = headings[index], headings[index + 1]
            yield Violation(
                current.start,
                current.end,
                f"Day heading {current.text!r} is out of order after {previous.text!r} (line {previous.line}); "
                f"the note runs {way}",
            )
