from __future__ import annotations

from collections.abc import Iterator

from notelint.diagnostics import Edit, Fix, Violation
from notelint.document import Document, fence_is_closed
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
    Appends a line break (safe). When the note ends inside a code or math fence that is never
    closed, the line break would become part of that block's content: then there is no fix, and
    the message says to close the fence.
    """
    text = document.text
    if text and not text.endswith(("\n", "\r")):
        end = len(text)
        if _ends_in_open_fence(document):
            yield Violation(end, end, "No line break at the end of the file, which ends inside a fence that is "
                            "never closed (close the fence, then end the line)")
            return
        yield Violation(end, end, "No line break at the end of the file", Fix.safe("Add a final line break", Edit.insert(end, "\n")))


def _ends_in_open_fence(document: Document) -> bool:
    """Whether the last block is a fence with no closing line and the note has lines after its
    opening one: the fence runs to the end of the text, and the last line, once ended, is its
    content (even a line markdown-it leaves out while it has no line break: blanks, or `>`)."""
    for token in reversed(document.block_tokens):
        if token.type.endswith("_close"):
            continue  # the lists and quotes the last block is in
        return (
            token.type == "fence"
            and token.map is not None
            and not fence_is_closed(token)
            and document.line_count > token.map[0] + 1
        )
    return False
