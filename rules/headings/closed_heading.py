from __future__ import annotations

import re
from collections.abc import Iterator

from notelint.diagnostics import Edit, Fix, Violation
from notelint.document import Document
from notelint.rule import rule
from notelint.rules.headings.outline import outline

_OPENER = re.compile(r" {0,3}#{1,6}[ \t]*")


@rule(code="NL206", name="closed-atx-heading", family="headings", severity="warning", fixable=True)
def closed_atx_heading(document: Document, options: None) -> Iterator[Violation]:
    """## What it does
    Finds an ATX heading closed with hashes (`## Genie ##`).

    ## Why is this bad?
    Closing hashes are optional decoration that Markdown throws away; they drift out of sync with
    the opening hashes when a heading is re-levelled and make headings harder to grep.

    ## Example
    ```markdown
    ## Genie ##
    ```

    Use instead:
    ```markdown
    ## Genie
    ```

    ## Fix
    Removes the closing hashes and the spaces around them (safe: the HTML is the same). A `#` that
    belongs to the text (`## C#`, `## Issue \\#`) is not a closing sequence and stays.
    """
    for heading in outline(document):
        if not heading.atx or not heading.text:
            continue
        raw = document.line_text(heading.line)
        opener = _OPENER.match(raw)
        if opener is None:
            continue
        rest = raw[opener.end() :].rstrip(" \t")
        if not rest.startswith(heading.text):
            continue
        tail = rest[len(heading.text) :]
        if not tail.strip(" \t") or set(tail.strip(" \t")) != {"#"}:
            continue
        start = document.offset(heading.line) + opener.end() + len(heading.text)
        end = document.index.line_end(heading.line)
        yield Violation(start, end, "Closing hashes after the heading",
                        Fix.safe("Remove the closing hashes", Edit.delete(start, end)))
