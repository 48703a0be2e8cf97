from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from notelint.block_state import Token

from notelint.diagnostics import Edit, Fix, Violation
from notelint.document import Document
from notelint.rule import rule
from notelint.rules.headings.outline import outline

_DELIMITERS = ("*", "_")
_PUNCTUATION = tuple(".,;:!?。，；：！？")
_OPENERS = {"strong_open": "strong_close", "em_open": "em_close"}


def _whole_emphasis(children: list[Token]) -> str | None:
    """The text of inline children that are one emphasis span and nothing else."""
    children = [child for child in children if not (child.type == "text" and not child.content)]
    if len(children) < 3 or children[0].type not in _OPENERS:
        return None
    opener, closer = children[0].type, _OPENERS[children[0].type]
    if children[-1].type != closer:
        return None
    depth = 0
    for child in children[:-1]:
        if child.type == opener:
            depth += 1
        elif child.type == closer:
            depth -= 1
        if depth == 0:
            return None
        if child.type in ("softbreak", "hardbreak"):
            return None
    return "".join(child.content for child in children[1:-1] if child.type in ("text", "code_inline"))


def _next_top_level_block(tokens: list[Token], position: int) -> Token | None:
    """The first token from ``position`` on that opens or is a block of the note's top level."""
    for index in range(position, len(tokens)):
        token = tokens[index]
        if token.level == 0 and token.map is not None:
            return token
    return None


@rule(code="NL207", name="emphasis-as-heading", family="headings", severity="warning", fixable=True)
def emphasis_as_heading(document: Document, options: None) -> Iterator[Violation]:
    """## What it does
    Finds a line that is nothing but bold or italic text (`**Talk**`) used in place of a heading.

    ## Why is this bad?
    It looks like a heading but is a paragraph: it is missing from the outline and the table of
    contents, and the talk's notes end up under the previous heading.

    Lines ending in punctuation (`**Important!**`) are sentences, not headings, and are skipped.

    ## Example
    ```markdown
    # Montag Vormittag
    **Talk: Genie**
    - action tokens
    ```

    Use instead:
    ```markdown
    # Montag Vormittag
    ## Talk: Genie
    - action tokens
    ```

    ## Fix
    Rewrites the line as a heading one level below the heading above it (level 1 without one).
    A line with nothing under it (the end of the note, or a heading of the same or a higher
    level) is not reported: as a heading it would be an empty section.
    Unsafe: it changes the HTML and the author may have meant emphasis.
    """
    headings = outline(document)
    heading_lines = [heading.line for heading in headings]
    tokens = document.block_tokens
    for position in document.positions("paragraph_open"):
        token = tokens[position]
        if token.level != 0 or token.map is None:
            continue
        if token.map[1] - token.map[0] != 1 or position + 1 >= len(tokens):
            continue
        inline = tokens[position + 1]
        if inline.content[:1] not in _DELIMITERS or inline.content[-1:] not in _DELIMITERS:
            continue  # (not one emphasis span: its inline tokens need not be parsed)
        text = _whole_emphasis(document.inline_children(inline))
        if not text or not text.strip() or text.rstrip().endswith(_PUNCTUATION):
            continue
        line = token.map[0] + 1
        above = bisect_left(heading_lines, line)  # (the headings above it)
        level = min(headings[above - 1].level + 1, 6) if above else 1
        following = _next_top_level_block(tokens, position + 3)
        if following is None or (following.type == "heading_open" and int(following.tag[1]) <= level):
            continue  # nothing under it: a lone emphasised line is not acting as a heading
        start = document.offset(line)
        end = document.index.line_end(line)
        raw = document.line_text(line).strip()
        inner = raw[2:-2] if raw[:2] in ("**", "__") and raw[-2:] == raw[:2] else raw[1:-1]
        fix = Fix.unsafe(f"Make it a level-{level} heading", Edit(start, end, "#" * level + " " + inner.strip()))
        yield Violation(start, end, "Emphasis used as a heading", fix)
