from __future__ import annotations

from collections.abc import Iterator, Sequence

from notelint.block_state import Token

from notelint.diagnostics import Edit, Fix, Violation
from notelint.document import Document, is_blank
from notelint.patterns import lazy
from notelint.rule import rule
from notelint.rules.markdown.lists import ListItem, is_thematic_break, last_content_line, list_items

_BULLETS = ("-", "+", "*")
_UNDERLINE_LIKE = lazy(r"[ \t]*[-=|:][-=|: \t]*$")
# What the item above may end with for the line to join it as a nested list: blocks a bullet item
# with text interrupts (a fence, HTML block or table would take the line in as its content)
_INTERRUPTED_BY_A_LIST = frozenset({None, "paragraph_open", "bullet_list_open", "ordered_list_open", "heading_open", "hr"})


@rule(code="NL002", name="doubled-list-marker", family="markdown", severity="warning", fixable=True)
def doubled_list_marker(document: Document, options: None) -> Iterator[Violation]:
    """## What it does
    Finds a list item that starts with two bullet markers (`- - text`).

    ## Why is this bad?
    The second marker opens a nested list inside an empty item: the note shows an empty bullet
    with the text one level deeper. It is almost always a slip while indenting.

    ## Example
    ```markdown
    - GAT: attend on neighbours
    - - instead of future predict node
      - problem: convey position
    ```

    Use instead:
    ```markdown
    - GAT: attend on neighbours
      - instead of future predict node
      - problem: convey position
    ```

    ## Fix
    After a sibling, the outer marker becomes indentation, so the line opens the nested list under
    the item above (as its indented neighbours already are); as the first item of its list, the
    inner marker is removed. Both fixes are safe. There is no fix where it would move more than
    the item:
    - after a sibling whose text starts at another column, that ends in a code fence, an HTML
      block or a table (the line would become part of it), or that a blank line parts from the
      item (the list the line joins would turn loose, its items' text into paragraphs);
    - for a first item with more lines in it (they would move a level up or become code), that
      opens a code fence or HTML block (its blank lines' spaces are content), with an indented
      line right below it, or with a tab after its marker (a tab's width depends on the column it
      starts at);
    - where the line would become a thematic break (`- - * -` without its `*` is `- - -`).
    """
    found = list_items(document)
    # items that open on their parent's line (most notes have none)
    nested = [item for item, _ in found if item.parent is not None and item.parent.line == item.line]
    if not nested:
        return
    children_of = {id(item): children for item, children in found}
    # items that open a nested item on their own line (doubled markers themselves)
    doubled = {id(item.parent) for item in nested}
    # each item by its list's parent item and the line after it: the sibling an item follows
    ending_at = {(id(other.parent), other.token.map[1]): other for other, _ in found if other.token.map is not None}
    # the doubled items whose fix is offered, with their nested item (a chain goes in one pass)
    fixed_doubled: dict[int, ListItem] = {}
    for item in nested:
        parent = item.parent
        if parent is None or item.index_in_list != 0:
            continue
        if item.marker not in _BULLETS or parent.marker not in _BULLETS:
            continue
        line_start = document.offset(item.line)
        if not document.line_text(item.line)[item.marker_column + len(item.marker) :].strip():
            continue  # `- -` alone: an empty nested item, not a slip with text after it
        inner_start = line_start + item.marker_column
        inner_end = line_start + item.content_column
        if parent.index_in_list > 0:
            above = ending_at.get((id(parent.parent), parent.token.map[0])) if parent.token.map is not None else None
            fix = None  # the item's lines would start at another column of the item above
            if (
                above is not None
                and above.content_column == parent.content_column
                and _last_block(children_of[id(above)]) in _INTERRUPTED_BY_A_LIST
                # a doubled marker above without a fix of its own would end with a nested list
                # that this line joined; with one (found just before), both go in one pass, and
                # the item above then ends as its nested item does
                and (id(above) not in doubled or (
                    id(above) in fixed_doubled
                    and _last_block(children_of[id(fixed_doubled[id(above)])]) in _INTERRUPTED_BY_A_LIST
                ))
                # after a blank line, the list the item joins would turn loose
                and not is_blank(document.line_text(item.line - 1))
                # and so it would with a blank line inside the item (its lines move along)
                and _no_blank_line(document, item.line, parent)
            ):
                outer_start = line_start + parent.marker_column
                edit = Edit(outer_start, outer_start + len(parent.marker), " " * len(parent.marker))
                fix = Fix.safe("Indent the item under the one above", edit)
        elif (
            parent.token.map is not None
            and last_content_line(document, item.line, parent.token.map[1]) == item.line
            # (a fence's blank lines are its content, and their spaces count against the item's column)
            and _last_block(children_of[id(item)]) not in ("fence", "code_block", "html_block")
            and "\t" not in document.line_text(item.line)
            and _starts_clear(document, item.line + 1)
        ):
            fix = Fix.safe("Remove the second marker", Edit.delete(inner_start, inner_end))
        else:
            # lines below belong to the nested item or list: they would move a level up; an
            # indented line right below may continue the item once it is one level shallower; a
            # tab after the marker would widen at another column (CommonMark's tab stops)
            fix = None
        if fix is not None and _becomes_thematic_break(document, item.line, fix.edits[0]):
            fix = None  # `- - * -` without a marker is `- - -`: a thematic break, the list cut in two
        if fix is not None:
            fixed_doubled[id(parent)] = item
        yield Violation(inner_start, inner_start + len(item.marker), "Doubled list marker opens an empty item", fix)


def _becomes_thematic_break(document: Document, line: int, edit: Edit) -> bool:
    """Whether the line, edited, holds a thematic break after its indentation (three or more of
    the same ``-``, ``*`` or ``_``, and spaces or tabs only)."""
    start = document.offset(line)
    text = document.line_text(line)
    return is_thematic_break(text[: edit.start - start] + edit.content + text[edit.end - start :])


def _no_blank_line(document: Document, line: int, item: ListItem) -> bool:
    """Whether the item's lines from ``line`` to its last line of content hold no blank line."""
    if item.token.map is None:
        return False
    last = last_content_line(document, line, item.token.map[1])
    return not any(is_blank(document.line_text(number)) for number in range(line, last + 1))


def _last_block(children: Sequence[Token]) -> str | None:
    """The type of the last block directly in an item (its opening token), None when empty."""
    for token in reversed(children):
        if not token.type.endswith("_close") and token.type != "inline":
            return token.type
    return None


def _starts_clear(document: Document, line: int) -> bool:
    """Whether ``line`` is past the end, blank, or starts at the first column: an indented line
    right under a list item may be read into it or not depending on the item's depth. Nor may
    the line after it look like a setext underline or a table's delimiter row: whether it is one
    depends on its indentation against the item's content, and with it whether ``line`` ends the
    item or runs on in it (``* * e``, ``|*``, ``      --``)."""
    if line > document.line_count:
        return True
    text = document.line_text(line)
    if is_blank(text):
        return True
    if text[0] in (" ", "\t"):
        return False
    return line == document.line_count or not _UNDERLINE_LIKE.match(document.line_text(line + 1))
