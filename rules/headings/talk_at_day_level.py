from __future__ import annotations

from collections.abc import Iterator

from notelint.diagnostics import Fix, Violation
from notelint.document import Document
from notelint.rule import rule
from notelint.rules.headings.options import OutlineOptions
from notelint.rules.headings.outline import misplaced_at_day_level, outline, relevel_edits, subtree


@rule(
    code="NL200",
    name="talk-at-day-level",
    family="headings",
    severity="warning",
    fixable=True,
    options=OutlineOptions,
)
def talk_at_day_level(document: Document, options: OutlineOptions) -> Iterator[Violation]:
    """## What it does
    Finds a heading at day level (`#` by default) that is not a day heading, inside a note whose
    outline is made of days (`# Montag Vormittag`, `# Dienstag`).

    ## Why is this bad?
    Conference notes are outlined day → talk → topic. A talk written as `# Talk` closes the day
    above it: the talk no longer belongs to that day in the table of contents, and every later
    talk of the day looks like part of the talk.

    The rule only applies to notes with at least one day heading at day level; headings above the
    first day (a title) are left alone, and so are sections listed in `sections-without-day`
    (default `Posters`, `Lectures/Orals`, `Lectures`, `Orals`, `Keynotes`, `Workshops`,
    `Tutorials`). Which headings are days is decided by the days family's recogniser.

    ## Example
    ```markdown
    # Dienstag Vormittag
    ## Genie
    # Transformers for pretraining Universal Forecasts: MOIRAI
    - patch-based forecasting
    ```

    Use instead:
    ```markdown
    # Dienstag Vormittag
    ## Genie
    ## Transformers for pretraining Universal Forecasts: MOIRAI
    - patch-based forecasting
    ```

    ## Fix
    Moves the heading one level down together with its subtree (unsafe: it changes the outline,
    and the heading might be a day the recogniser does not know). Not offered when a heading of the
    subtree is a setext heading or already at level 6.

    ## Options
    `[tool.notelint.headings]`: `day-level` (default 1), `sections-without-day`, `language`
    (default `"de"`).
    """
    headings = outline(document)
    for heading in misplaced_at_day_level(headings, options):
        start = document.offset(heading.line)
        end = document.index.line_end(heading.line)
        edits = relevel_edits(document, subtree(headings, heading), 1)
        fix = Fix.unsafe("Move the heading and its subtree one level down", *edits) if edits else None
        yield Violation(
            start,
            end,
            f"Heading at day level (level {options.day_level}) is not a day: a talk here leaves the day above it",
            fix,
        )
