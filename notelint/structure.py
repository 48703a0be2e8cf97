"""The block structure of a note as fix verification compares it.

Every block token becomes a :class:`Block`: what it is (type, tag, and for a paragraph whether
a tight list hides it), inside which containers it sits, what it holds (an inline token's text and
the kinds of its inline children; a code block's text) and where it lies.  An opening token
(a list, an item, a quote, a heading, a table cell) covers only its first line, so an edit inside
a long list touches the blocks on the edited lines, not the whole list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from notelint.document import Document

if TYPE_CHECKING:
    from notelint.block_state import Token

# markdown-it's leaf block tokens: they hold text, or nothing (a thematic break)
_LEAVES = frozenset({"inline", "fence", "code_block", "html_block", "hr"})
_NAMES = {
    "inline": "text",
    "fence": "code block",
    "code_block": "code block",
    "html_block": "HTML block",
    "hr": "thematic break",
    "thead_open": "table head",
    "tbody_open": "table body",
    "tr_open": "table row",
    "th_open": "table cell",
    "td_open": "table cell",
}


def _name(kind: object) -> str:
    return _NAMES.get(str(kind)) or str(kind).removesuffix("_open").replace("_", " ")


class Block(NamedTuple):
    """One block token: its offsets (first line's start to last line's end), its 1-based first line,
    and everything about it that a fix outside it must not change."""

    start: int
    end: int
    line: int
    signature: tuple[object, ...]

    @property
    def label(self) -> str:
        containers = [_name(entry[0]) for entry in self.signature[-1]]  # type: ignore[union-attr]
        name = _name(self.signature[0])
        return f"{name} in {' > '.join(containers)}" if containers else name


def _kind(token: Token) -> tuple[object, ...]:
    style = token.attrGet("style") if token.type in ("th_open", "td_open") else None
    return (token.type, token.tag, token.hidden, style)


def blocks_of(document: Document) -> list[Block]:
    """The note's block tokens in document order (front matter is not part of the parse)."""
    blocks: list[Block] = []
    containers: list[tuple[object, ...]] = []
    maps: list[tuple[int, int]] = []
    index = document.index
    for token in document.tokens:
        if token.nesting == -1:
            containers.pop()
            maps.pop()
            continue
        line_map = tuple(token.map) if token.map else (maps[-1] if maps else None)
        if token.nesting == 1:
            if line_map is not None:
                first = line_map[0] + 1
                blocks.append(
                    Block(index.line_start(first), index.line_end(first), first, (*_kind(token), tuple(containers)))
                )
            containers.append(_kind(token))
            maps.append(line_map)  # type: ignore[arg-type]
            continue
        if token.type not in _LEAVES or line_map is None:
            continue
        first, last = line_map[0] + 1, max(line_map[1], line_map[0] + 1)
        children = tuple(child.type for child in token.children or ())
        content = (token.info.strip(), token.content) if token.type == "fence" else token.content
        blocks.append(
            Block(
                index.line_start(first),
                index.line_end(last),
                first,
                (token.type, token.tag, content, children, tuple(containers)),
            )
        )
    return blocks
