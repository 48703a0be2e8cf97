from __future__ import annotations

import re
from collections.abc import Iterator

from notelint.diagnostics import Edit, Fix, Violation
from notelint.document import Document
from notelint.rule import rule
from notelint.rules.markdown.lists import list_items

_LABEL = re.compile(r"^\S{1,30}(?: \S+){0,2}: ")
_SENTENCE_END = ("." , "!", "?", "…", ":", ")")


@rule(code="NL001", name="glued-paragraph", family="markdown", severity="warning", fixable=True)
def glued_paragraph(document: Document, options: None) -> Iterator[Violation]:
    """## What it does
    Finds a paragraph line written right under a list, without a blank line and without the
    item's indentation.

    ## Why is this bad?
    CommonMark makes such a line a *lazy continuation* of the last list item: `Comment: …` under
    a bullet renders as part of that bullet, not as the paragraph the author wrote.

    ## Example
    ```markdown
    - Doppler correction, very manual work
    Comment: interesting manual process
    ```

    Use instead:
    ```markdown
    - Doppler correction, very manual work

    Comment: interesting manual process
    ```

    ## Fix
    Inserts a blank line before the glued line. The fix is safe when the line starts with a label
    (`Comment:`, `Problem:`) or the item above ends a sentence; otherwise it is unsafe, because the
    author may have meant a wrapped item (then indent the line instead).
    """
    for item, children in list_items(document):
        for token in children:
            if token.type != "paragraph_open" or token.level != item.token.level + 1 or token.map is None:
                continue
            first, last = token.map[0] + 1, token.map[1]
            for line in range(first + 1, last + 1):
                text = document.line_text(line)
                indent = len(text) - len(text.lstrip(" "))
                if indent >= item.content_column or "\t" in text[:indent]:
                    continue
                start = document.offset(line)
                previous = document.line_text(line - 1).rstrip()
                title = "Insert a blank line before it"
                edit = Edit.insert(start, "\n")
                confident = _LABEL.match(text.lstrip()) or previous.endswith(_SENTENCE_END)
                fix = Fix.safe(title, edit) if confident else Fix.unsafe(title, edit)
                yield Violation(
                    start,
                    start + len(text),
                    "Paragraph glued to the list above: it renders as part of the last item "
                    "(add a blank line before it)",
                    fix,
                )
                break
