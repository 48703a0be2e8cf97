from __future__ import annotations

from collections.abc import Iterator

from notelint.diagnostics import Edit, Fix, Violation
from notelint.document import Document
from notelint.patterns import lazy
from notelint.rule import rule
from notelint.rules.headings.outline import outline

# A line that could be a table's delimiter row (a pipe, dashes, colons): right under the one-line
# ATX heading the fix makes, it would turn a heading with a pipe into a table's header row.
_DELIMITER_ROW = lazy(r"[ \t]*(?=[^\n]*\|)(?=[^\n]*-)[|:\- \t]+$")


@rule(code="NL204", name="setext-heading", family="headings", severity="warning", fixable=True)
def setext_heading(document: Document, options: None) -> Iterator[Violation]:
    """## What it does
    Finds a setext heading: text underlined with `===` or `---`.

    ## Why is this bad?
    The notes use ATX headings (`#`, `##`, ...) everywhere; setext headings only have two levels,
    and a `---` under a paragraph line is easily meant as a thematic break or front matter.

    ## Example
    ```markdown
    Montag Vormittag
    ================
    ```

    Use instead:
    ```markdown
    # Montag Vormittag
    ```

    ## Fix
    Rewrites the heading as an ATX heading of the same level (safe: the HTML is the same). Not
    offered when the heading text spans several lines or ends with `#`, or when the line below
    the underline could be a table's delimiter row (`-|-`): the heading would become its header.
    """
    for heading in outline(document):
        if heading.atx:
            continue
        start = document.offset(heading.line)
        end = document.index.line_end(heading.last_line)
        fix = None
        single_line = heading.last_line - heading.line == 1
        below = document.line_text(heading.last_line + 1) if heading.last_line < document.line_count else ""
        if single_line and heading.text and not heading.text.endswith("#") and not ("|" in heading.text and _DELIMITER_ROW.match(below)):
            content = "#" * heading.level + " " + heading.text
            fix = Fix.safe("Rewrite as an ATX heading", Edit(start, end, content))
        yield Violation(start, end, f"Setext heading (level {heading.level}): use an ATX heading", fix)
