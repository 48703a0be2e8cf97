from __future__ import annotations

from collections.abc import Iterator

from notelint.diagnostics import Violation
from notelint.document import Document
from notelint.rule import rule
from notelint.rules.headings.outline import outline, parents


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


@rule(code="NL203", name="duplicate-heading", family="headings", severity="warning")
def duplicate_heading(document: Document, options: None) -> Iterator[Violation]:
    """## What it does
    Finds a heading whose text repeats a sibling heading: same level, same parent heading (compared
    without regard to case and spacing).

    ## Why is this bad?
    Two `## Genie` talks under one day, or two `# Montag Vormittag` days, are almost always a
    copy-paste slip or notes of one talk split in two; links to the heading reach only the first.
    The same topic under different talks (`### Results`) is fine and not reported.

    ## Example
    ```markdown
    # Montag Vormittag
    ## Genie
    - world model
    ## Genie
    - action tokens
    ```

    Use instead: merge the two sections or rename one.

    ## Fix
    None: which section to keep is the author's decision.
    """
    headings = outline(document)
    seen: dict[tuple[int | None, int, str], int] = {}
    for heading, parent in zip(headings, parents(headings)):
        if not heading.text:
            continue
        key = (parent.index if parent is not None else None, heading.level, _key(heading.text))
        first = seen.setdefault(key, heading.line)
        if first == heading.line:
            continue
        start = document.offset(heading.line)
        end = document.index.line_end(heading.line)
        yield Violation(start, end, f"Duplicate heading: same text as the sibling heading on line {first}")
