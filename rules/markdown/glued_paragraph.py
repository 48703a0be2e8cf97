from __future__ import annotations

from collections.abc import Iterator

from notelint.block_state import Token

from notelint.diagnostics import Edit, Fix, Violation
from notelint.document import Document
from notelint.patterns import lazy
from notelint.rule import rule
from notelint.rules.markdown.lists import ListItem, indent_width, list_items, next_content_line

_LABEL = lazy(r"^\S{1,30}(?: \S+){0,2}: ")
_SENTENCE_END = (".", "!", "?", "…", ":", ")")
# a line of = or - under the glued lines is plain text while they are lazy list content, but
# would turn them into a heading once a blank line makes them a paragraph of their own
# (a table's delimiter row likewise would make a table of them)
_SETEXT_UNDERLINE = lazy(r"^ {0,3}(?:=+|-+)[ \t]*$")
_TABLE_DELIMITER = lazy(r"^[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*(?::?-+:?[ \t]*)?$|^[ \t]*\|[ \t]*:?-+:?[ \t]*$")
# Blocks that cannot interrupt a paragraph but start after a blank line: a glued line that opens
# a link reference definition (`[label]: /url`, the label perhaps going on below) or a lone HTML
# tag would be one once a blank line parts it from the list (a definition renders as nothing)
_DEFINITION = lazy(r"^ {0,3}\[(?:[^\]\\]|\\.)*(?:\]:|\\?$)")
# (after the tag, any white space: markdown-it's pattern takes a no-break space too)
_HTML_TAG_LINE = lazy(r"^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|</[A-Za-z][A-Za-z0-9-]*\s*>)\s*$")
_CLOSING = frozenset({"list_item_close", "bullet_list_close", "ordered_list_close"})
# Lines that interrupt a paragraph (CommonMark): only when the line after the glued lines is
# blank or one of these does the new paragraph end where they end. Otherwise the line ended the
# list item but would continue a paragraph (`2) next`, an empty item, indented text): a blank line
# would draw it into the paragraph.
_INTERRUPTS = lazy(
    r"^ {0,3}(?:#{1,6}(?:[ \t]|$)|```|~~~|>|[-+*][ \t]+\S|1[.)][ \t]+\S)"
)


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
    author may have meant a wrapped item (then indent the line instead). A line indented into the
    list is taken as a deliberate continuation and not reported. The finding has no fix when a
    blank line would change more than the glued paragraph: when the glued line would then start a
    link reference definition (`[label]: /url`, which renders as nothing) or an HTML block (a
    line holding one HTML tag), when more of the list follows it (in
    the same item, a link reference definition included, or further items that the blank line
    would split off into a second list), or
    when a line of `=` or `-` or a table's delimiter row follows the glued line (a blank line
    would make a heading or a table of them), or when the line after the glued lines is neither
    blank nor the start of a heading, fence, quote, list item or first ordered item (`2) next`
    ends the list item but would continue the new paragraph), or when an item around the list has
    a tab in its indentation (where its list ends is not known).
    """
    tokens = document.block_tokens
    position_of: dict[int, int] = {}
    for item, children in list_items(document):
        root = item
        for token in children:
            if token.type != "paragraph_open" or token.level != item.token.level + 1 or token.map is None:
                continue
            if token.map[1] - token.map[0] < 2:
                continue  # one line: nothing glued to it
            while root.parent is not None:
                root = root.parent
            line = _first_lazy_line(document, token.map[0] + 1, token.map[1], item.content_column)
            if line is None:
                continue
            text = document.line_text(line)
            if indent_width(text) >= min(root.content_column, 4):
                continue  # indented on purpose (or code once a blank line parts it): a continuation
            start = document.offset(line)
            fix = None
            # a code span that runs across the line break would be cut in two by a blank line
            inside_code = document.in_code_span(start - 1)
            underlined = any(
                _SETEXT_UNDERLINE.match(below) or _TABLE_DELIMITER.match(below)
                # the glued lines and the line after them (`---` there is a thematic break now)
                for below in map(document.line_text, range(line + 1, min(token.map[1] + 1, document.line_count) + 1))
            )
            following = document.line_text(token.map[1] + 1) if token.map[1] < document.line_count else ""
            joins_next = bool(following.strip()) and not _INTERRUPTS.match(following)
            if not position_of:
                position_of = {id(token): index for index, token in enumerate(tokens)}
            becomes_other_block = bool(_DEFINITION.match(text) or _HTML_TAG_LINE.match(text))
            if (
                not inside_code
                and not becomes_other_block
                and not underlined
                and not joins_next
                # (an outer item with a tab in its indentation is not in the chain: then the
                # end of the outermost list is not known)
                and root.token.level == 1
                and _nothing_follows(tokens, position_of[id(token)] + 3, root.token.level)
                and not _definitions_follow(document, token.map[1], root)
            ):
                previous = document.line_text(line - 1).rstrip()
                edit = Edit.insert(start, "\n")
                title = "Insert a blank line before it"
                confident = _LABEL.match(text.lstrip()) or previous.endswith(_SENTENCE_END)
                fix = Fix.safe(title, edit) if confident else Fix.unsafe(title, edit)
            yield Violation(
                start,
                start + len(text),
                "Paragraph glued to the list above: it renders as part of the last item "
                "(add a blank line before it)",
                fix,
            )


def _first_lazy_line(document: Document, first: int, last: int, content_column: int) -> int | None:
    """The first line of ``first+1..last`` indented less than the item's content (a tab counts
    to the next multiple of four columns, as CommonMark counts it)."""
    for line in range(first + 1, last + 1):
        if indent_width(document.line_text(line)) < content_column:
            return line
    return None


def _definitions_follow(document: Document, last: int, root: ListItem) -> bool:
    """Whether the list item holds more lines after the glued paragraph (its last line ``last``)
    than blank ones: link reference definitions, which make no token. The blank line would leave
    them behind, outside the list, where an indented one becomes code."""
    end = root.token.map[1] if root.token.map is not None else last
    following = next_content_line(document, last)
    return following is not None and following <= end


def _nothing_follows(tokens: list[Token], index: int, root_level: int) -> bool:
    """Whether only closing tokens follow, up to the end of the outermost list: then a blank line
    moves nothing but the glued paragraph out of the list (with more items below, it would also
    split the list in two)."""
    for position in range(index, len(tokens)):  # (not a slice: it would copy the rest of the note)
        token = tokens[position]
        if token.type in ("bullet_list_close", "ordered_list_close") and token.level == root_level - 1:
            return True
        if token.type not in _CLOSING:
            return False
    return True
