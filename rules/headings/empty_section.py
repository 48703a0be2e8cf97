from __future__ import annotations

import re
from collections.abc import Iterator

from notelint.diagnostics import Edit, Fix, Violation
from notelint.document import Document, is_blank, next_content_line
from notelint.rule import rule
from notelint.rules.headings.options import OutlineOptions
from notelint.rules.headings.outline import Heading, intended_levels, outline

_ATX_HEADING = re.compile(r" {0,3}#{1,6}(?:[ \t]|$)")


def _has_content_after(document: Document, heading: Heading, next_heading: Heading | None) -> bool:
    """Whether any block (paragraph, list, code, HTML, rule, table...) lies between the heading and
    the next top-level heading; ``heading_open, inline, heading_close`` are the heading itself."""
    stop = next_heading.token_index if next_heading is not None else len(document.block_tokens)
    return stop > heading.token_index + 3


def _removal(
    document: Document, heading: Heading, line: int, after: int, removed_below: dict[int, tuple[int, int]]
) -> Edit | None:
    """Delete the heading's lines and the blank lines after it; when only blank lines follow it,
    the blank lines before it instead, so the note still ends with one line break.  A heading
    with text right above it and, after any blank lines, a line that is not an ATX heading leaves
    a blank line behind: without it the two would run together (the line below a table would
    become a row of it, a paragraph would swallow it, a setext underline would take it into its
    heading).  An ATX heading interrupts any block.  What follows the heading stays even in a
    section that renders empty: a link reference definition there makes no block, but links
    elsewhere in the note use it.

    ``line``: the first line after the heading that is not blank; ``after``: the same once the
    empty headings right below are removed too. ``removed_below``: for the empty headings below
    this one that the same pass may remove, by first line, where their removal begins and the
    first line after them once they and the empty headings right below them are gone. What
    follows them decides too: the fixer may apply their removal or not (another rule's edit may
    overlap it), and the text above must stay apart from the text below either way. This removal
    ends where the next one begins, so that both can apply. The first line after is stored, not
    walked to again: a note of thousands of empty headings in a row would take the square of
    their number."""
    start = document.offset(heading.line)
    line_count = document.line_count
    at_end = line > line_count
    end = document.offset(line) if not at_end else len(document.text)
    if line in removed_below:
        end = min(end, removed_below[line][0])
    following = [number for number in {line, after} if number <= line_count]
    if any(document.line_text(number)[:1] in (" ", "\t") for number in following):
        return None  # an indented line would join a list item above the heading, or become code
    if (
        any(not _ATX_HEADING.match(document.line_text(number)) for number in following)
        and heading.line > document.body_start_line
        and not is_blank(document.line_text(heading.line - 1))
    ):
        if heading.line - 1 in document.open_fence_lines:
            return None  # the blank line would become part of a fence its container ends
        return Edit(start, end, "\n")
    if at_end:
        end = len(document.text)
        previous = heading.line - 1
        code = document.code_lines  # (a blank line may be the content of a fence never closed)
        while (
            previous >= document.body_start_line
            and is_blank(document.line_text(previous))
            and previous not in code
        ):
            previous -= 1
        if previous >= 1:
            start = min(document.offset(previous + 1), start)
    return Edit.delete(start, end)


@rule(code="NL201", name="empty-section", family="headings", severity="warning", fixable=True,
      options=OutlineOptions)
def empty_section(document: Document, options: OutlineOptions) -> Iterator[Violation]:
    """## What it does
    Finds a heading with nothing under it: it is followed directly by a heading of the same or a
    higher level, or by the end of the note.

    ## Why is this bad?
    An empty section is usually a talk that was attended but never written up, or a placeholder
    (`# Posters`) left over from a template. It shows up in the table of contents and promises
    notes that are not there.

    A talk written at day level under a day (see NL200) counts as being inside that day, so the
    day above it is not empty (the `day-level`, `sections-without-day` and `language` options of
    `[tool.notelint.headings]` apply).

    ## Example
    ```markdown
    # Freitag
    ## ML4ESM: Towards improved cloud modelling
    ## ML4ESM: Climate Set
    - Climate models: future emissions
    # Posters
    ```

    Use instead: write the missing notes, or delete the empty headings.

    ## Fix
    No safe fix. The unsafe fix deletes the heading (and the blank lines after it). A heading
    with text directly above it and more text below it (other than an ATX heading, which
    interrupts anything) is replaced by a blank line, so that the two do not run together. A link
    reference definition under the heading stays: it renders nothing, but links use it. When the
    next line is indented there is no fix: without the heading it could join a list item above
    or become an indented code block. Nor is there one when the blank line would follow a code
    fence that is never closed (a list item right above the heading that opens a fence): it would
    become code.
    """
    headings = outline(document)
    levels = intended_levels(headings, options)
    found: list[tuple[Heading, str, Edit | None]] = []
    removed_below: dict[int, tuple[int, int]] = {}  # first line: (removal start, first line after) below
    for position in range(len(headings) - 1, -1, -1):  # (bottom up: a removal looks below it)
        heading = headings[position]
        following = headings[position + 1] if position + 1 < len(headings) else None
        if following is not None and levels[following.index] > levels[heading.index]:
            continue
        if _has_content_after(document, heading, following):
            continue
        what = "the end of the note" if following is None else f"a level-{following.level} heading"
        line = next_content_line(document, heading.last_line) or document.line_count + 1
        # (what follows once the empty headings right below are gone too)
        after = removed_below[line][1] if line in removed_below else line
        removal = _removal(document, heading, line, after, removed_below)
        if removal is not None:
            removed_below[heading.line] = (removal.start, after)
        found.append((heading, what, removal))
    # the headings whose removal leaves a blank line, by last line
    leaving_blank = {heading.last_line for heading, _, removal in found if removal is not None and removal.content}
    # where the run of removals each removal belongs to begins (a removal that begins where the
    # one above ends continues its run): the line above it is what the text below meets
    run_start: dict[int, int] = {}
    for heading, what, removal in reversed(found):
        fix = None
        if removal is not None:
            run_start[removal.end] = begins = run_start.get(removal.start, removal.start)
            above = document.position(begins).line - 1
            if removal.content and heading.line - 1 in leaving_blank:
                # the removed heading right above leaves a blank line already
                removal = Edit.delete(removal.start, removal.end)
            if removal.content and above in document.open_fence_lines:
                removal = None  # the blank line would become part of a fence its container ends
        if removal is not None:
            fix = Fix.unsafe("Delete the empty section", removal)
        start, end = document.offset(heading.line), document.index.line_end(heading.last_line)
        yield Violation(start, end, f"Empty section: the heading is followed directly by {what}", fix)
