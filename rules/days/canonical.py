from __future__ import annotations

from collections.abc import Iterator

from notelint.rules.days.common import (
    DEFAULT_OPTIONS,
    DaysOptions,
    allowed_dayparts,
    day_headings,
    front_matter_date,
    styled,
)

from notelint.diagnostics import Edit, Fix, Violation
from notelint.document import Document
from notelint.rule import rule


@rule(code="NL301", name="day-heading-form", family="days", severity="warning", fixable=True, options=DaysOptions)
def day_heading_form(document: Document, options: DaysOptions | None) -> Iterator[Violation]:
    """## What it does
    Finds day headings that are not written in the configured canonical form, such as `Mitwoch`,
    `freitag vormittag`, `Fr Nachmittag` or `Thursday morning` instead of `Montag Vormittag` style.

    ## Why is this bad?
    Day headings are what the notes are organised by. Written one way they can be searched, sorted
    and compared; `Fr`, `Friday` and `Freitag` are three spellings of one day. Names come from the
    CLDR data of the configured language (German by default).

    ## Example
    ```markdown
    # Mitwoch nachmittag
    ```
    becomes `# Mittwoch Nachmittag`. With `style = "compound"` the form is `Mittwochnachmittag`, with
    `style = "with-date"` the date of the event week is added (`Montag Vormittag, 7. April 2025`).

    A day part outside `day-parts` (for example `Abend` when only `Vormittag` and `Nachmittag` are
    allowed) is reported without a fix.

    ## Fix
    Rewrites the heading. Safe for case, spacing, abbreviations, regional names and English names or
    misspellings that match one name only; unsafe when a word could mean more than one name or when
    the date of the `with-date` style is inferred from the front matter.
    """
    options = options or DEFAULT_OPTIONS
    allowed = allowed_dayparts(options)
    start = front_matter_date(document) if options.style == "with-date" else None
    for heading in day_headings(document, options):
        day = heading.day
        if day.daypart is not None and day.daypart not in allowed:
            yield Violation(
                heading.start,
                heading.end,
                f"Day part {day.daypart!r} is not one of the allowed day parts ({', '.join(allowed)})",
            )
            continue
        wanted, guessed = styled(day, options, start)
        if wanted == heading.text:
            continue
        reason = " (the spelling could mean more than one name)" if day.ambiguous else ""
        make = Fix.unsafe if day.ambiguous or guessed else Fix.safe
        fix = make(f"Write {wanted!r}", Edit(heading.start, heading.end, wanted))
        yield Violation(
            heading.start, heading.end, f"Day heading {heading.text!r} should be written {wanted!r}{reason}", fix
        )
