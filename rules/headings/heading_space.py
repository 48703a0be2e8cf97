from __future__ import annotations

import re
from collections.abc import Iterator

from notelint.diagnostics import Edit, Fix, Violation
from notelint.document import Document
from notelint.patterns import lazy
from notelint.rule import rule
from notelint.rules.headings.outline import outline

_ATX = re.compile(r"(?P<indent> {0,3})(?P<hashes>#{1,6})(?P<space>[ \t]*)(?P<rest>.*)")
_MISSING_SPACE = lazy(r"(?P<hashes>#{1,6})(?P<rest>[A-ZÄÖÜ][^#]*)")
# A line that opens with hashes and a capital, somewhere in the note (the hash first: the engine
# skips to hashes at C speed): without one, no paragraph can be a heading missing its space.
_HASHES_AND_CAPITAL = lazy(r"#(?<![^\n\r]#)#{0,5}[A-ZÄÖÜ]")


@rule(code="NL205", name="heading-space", family="headings", severity="warning", fixable=True)
def heading_space(document: Document, options: None) -> Iterator[Violation]:
    """## What it does
    Checks the space around the opening hashes of an ATX heading: no indentation before them and
    exactly one space after them. Also finds a line meant as a heading but written without the
    space (`#Montag Vormittag`), which Markdown renders as a paragraph.

    ## Why is this bad?
    Indented headings and several spaces or a tab after `#` render the same but make the outline
    hard to scan and to grep (`grep '^## '`). Without any space the line is not a heading at all.

    ## Example
    ```markdown
    ##   Genie
    #Montag Vormittag
    ```

    Use instead:
    ```markdown
    ## Genie
    # Montag Vormittag
    ```

    ## Fix
    Removes the indentation and makes the space after the hashes a single space (safe: the HTML is
    the same). Inserting the missing space is unsafe: it turns a paragraph into a heading. Only a
    one-line paragraph whose text after the hashes starts with a capital letter and holds no other
    `#` is taken for a missing space (so `#tag` lists are left alone).
    """
    for heading in outline(document):
        if not heading.atx:
            continue
        line_start = document.offset(heading.line)
        match = _ATX.fullmatch(document.line_text(heading.line))
        if match is None:
            continue
        indent, space = match.group("indent"), match.group("space")
        if indent:
            edit = Edit.delete(line_start, line_start + len(indent))
            yield Violation(line_start, line_start + len(indent), "Heading is indented",
                            Fix.safe("Remove the indentation", edit))
        if match.group("rest") and space != " ":
            space_start = line_start + match.start("space")
            space_end = line_start + match.end("space")
            edit = Edit(space_start, space_end, " ")
            yield Violation(space_start, space_end, "Use exactly one space after the heading's hashes",
                            Fix.safe("Use one space", edit))
    if _HASHES_AND_CAPITAL.search(document.text) is None:
        return
    tokens = document.block_tokens
    for position in document.positions("paragraph_open"):
        token = tokens[position]
        if token.level != 0 or token.map is None:
            continue
        if token.map[1] - token.map[0] != 1:
            continue
        line = token.map[0] + 1
        text = document.line_text(line)
        found = _MISSING_SPACE.fullmatch(text.rstrip())
        if found is None:
            continue
        start = document.offset(line)
        after = start + found.end("hashes")
        yield Violation(start, after, "No space after the hashes: this line is a paragraph, not a heading",
                        Fix.unsafe("Insert a space to make it a heading", Edit.insert(after, " ")))
