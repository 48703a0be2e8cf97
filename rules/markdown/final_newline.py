from __future__ import annotations

from collections.abc import Iterator

from notelint.diagnostics import Edit, Fix, Violation
from notelint.document import Document
from notelint.rule import rule


@rule(code="NL004", name="missing-final-newline", family="markdown", severity="warning", fixable=True)
def missing_final_newline(document: Document, options: None) -> Iterator[Violation]:
    """## What it does
    Finds a note whose last line does not end with a line break.

    ## Why is this bad?
    POSIX tools treat such a last line as incomplete: `cat` glues the next file to it and git
    shows `\\ No newline at end of file` in every diff that touches it.

    ## Example
    A file ending in `- last item` with no line break after it.

    ## Fix
    Appends a line break (safe).
    """
    text = document.text
    if text and not text.endswith(("\n", "\r")):
        end = len(text)
        yield Violation(end, end, "No line break at the end of the file", Fix.safe("Add a final line break", Edit.insert(end, "\n")))
