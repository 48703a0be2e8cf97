from __future__ import annotations

from collections.abc import Iterable, Iterator

from notelint.diagnostics import Edit, Fix, Violation
from notelint.document import Document
from notelint.rule import rule


def _hard_break_lines(document: Document) -> set[int]:
    """Lines whose line break sits inside a paragraph or heading: two trailing spaces there are a
    hard line break, which is content."""
    lines: set[int] = set()
    for span in document.spans("inline"):
        lines.update(range(span.first_line, span.last_line))
    return lines


def _blank_line_ends(text: str) -> Iterator[int]:
    """Offsets of the last character of every line that ends in a space or tab (``str.find``
    runs at C speed; a regular expression would be tried at every blank of the text)."""
    for ending in (" \n", "\t\n"):
        found = text.find(ending)
        while found != -1:
            yield found
            found = text.find(ending, found + 2)
    if text.endswith((" ", "\t")):
        yield len(text) - 1


@rule(code="NL003", name="trailing-whitespace", family="markdown", severity="warning", fixable=True)
def trailing_whitespace(document: Document, options: None) -> Iterator[Violation]:
    """## What it does
    Finds spaces and tabs at the end of a line.

    ## Why is this bad?
    They are invisible, make diffs noisy and editors disagree about them. Two or more spaces
    inside a paragraph are a hard line break and are left alone, as are code blocks, math blocks,
    code spans and front matter, where whitespace belongs to the content.

    ## Example
    ```markdown
    - a bullet with spaces after it···
    ```

    ## Fix
    Removes the trailing whitespace (safe). Not offered for a line of only blanks between a CR and
    an LF (a note of mixed line breaks): emptied, the two would make one line break.
    """
    if "\r" in document.text:  # lines may end in a lone carriage return: look at every line
        lines: Iterable[int] = range(1, document.line_count + 1)
    else:  # only the lines that end in blanks
        lines = sorted({document.position(end).line for end in _blank_line_ends(document.text)})
        if not lines:
            return
    skipped = document.code_lines | document.front_matter_lines
    hard_breaks: set[int] | None = None  # (found when a line ends in two spaces or more)
    for line in lines:
        if line in skipped:
            continue
        text = document.line_text(line)
        stripped = text.rstrip(" \t")
        if stripped == text:
            continue
        trailing = text[len(stripped) :]
        if stripped and len(trailing) >= 2 and set(trailing) == {" "}:
            if hard_breaks is None:
                hard_breaks = _hard_break_lines(document)
            if line in hard_breaks:
                continue
        start = document.offset(line) + len(stripped)
        end = document.offset(line) + len(text)
        if document.in_code_span(end):
            continue
        fix = Fix.safe("Remove trailing whitespace", Edit.delete(start, end))
        if not stripped and document.text[start - 1 : start] == "\r" and document.text[end : end + 1] == "\n":
            fix = None  # (a note of mixed line breaks: the CR before and the LF after would make one CRLF)
        yield Violation(start, end, "Trailing whitespace", fix)
