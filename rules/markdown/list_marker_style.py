from __future__ import annotations

from collections.abc import Iterator

from notelint.block_state import Token

from notelint.diagnostics import Edit, Fix, Violation
from notelint.document import Document
from notelint.rule import rule
from notelint.rules.markdown.lists import ListItem, is_thematic_break, list_items



def _matching_close(tokens: list[Token], opening: int) -> int:
    depth = 0
    for position in range(opening, len(tokens)):
        if tokens[position].type == "bullet_list_open":
            depth += 1
        elif tokens[position].type == "bullet_list_close":
            depth -= 1
            if depth == 0:
                return position
    return len(tokens) - 1


@rule(code="NL012", name="list-marker-style", family="markdown", severity="warning",
      default_enabled=False, fixable=True)
def list_marker_style(document: Document, options: None) -> Iterator[Violation]:
    """## What it does
    Finds a bullet list written with `*` or `+` instead of `-`. Opt-in normaliser (off by
    default).

    ## Why is this bad?
    One marker for every list keeps the source consistent and diffs quiet (markdownlint MD004).

    ## Example
    ```markdown
    * Gaussian Filters
    * One Diffusion step
    ```

    Use instead:
    ```markdown
    - Gaussian Filters
    - One Diffusion step
    ```

    ## Fix
    Changes the markers of every item of the list together (safe: the HTML is the same). Not
    offered when a neighbouring list follows directly (changing the marker would merge the two
    lists), when an item is empty, or when the line would read as a thematic break.
    """
    tokens = document.block_tokens
    items: dict[int, ListItem] = {id(item.token): item for item, _ in list_items(document)}
    for position in document.positions("bullet_list_open"):
        token = tokens[position]
        if token.markup == "-":
            continue
        close = _matching_close(tokens, position)
        before = tokens[position - 1] if position > 0 else None
        after = tokens[close + 1] if close + 1 < len(tokens) else None
        adjacent = (before is not None and before.type == "bullet_list_close" and before.level == token.level) or (
            after is not None and after.type == "bullet_list_open" and after.level == token.level
        )
        members = [
            tokens[index] for index in range(position + 1, close)
            if tokens[index].type == "list_item_open" and tokens[index].level == token.level + 1
        ]
        found = [items.get(id(member)) for member in members]
        edits: list[Edit] | None = []
        for item in found:
            if item is None or edits is None:
                edits = None
                break
            text = document.line_text(item.line)
            changed = text[: item.marker_column] + "-" + text[item.marker_column + 1 :]
            if not text[item.content_column :].strip() or is_thematic_break(changed):
                edits = None
                break
            start = document.offset(item.line) + item.marker_column
            edits.append(Edit(start, start + 1, "-"))
        fix = None if adjacent or not edits else Fix.safe("Use `-` for every item of the list", *edits)
        first = next((item for item in found if item is not None), None)
        if first is None:
            continue
        start = document.offset(first.line) + first.marker_column
        yield Violation(start, start + 1, f"List marker `{token.markup}`: use `-`", fix)
