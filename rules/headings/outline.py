"""The outline of a note: its top-level headings with levels, lines, text and subtrees.

Shared by the rules of the ``headings`` family. Only headings at the top level of the document
count (a heading inside a list item or a blockquote is not part of the outline).
"""

from __future__ import annotations

import re
from typing import NamedTuple
from collections.abc import Sequence

from notelint.diagnostics import Edit
from notelint.document import Document
from notelint.rules.days.recognise import recognise_day
from notelint.rules.headings.options import OutlineOptions

_ATX_OPEN = re.compile(r"(?P<indent> {0,3})(?P<hashes>#{1,6})(?P<space>[ \t]*)")


class Heading(NamedTuple):
    """One top-level heading.

    ``line``/``last_line`` are 1-based (a setext heading covers two lines or more); ``index`` is
    the heading's position in the outline; ``token_index`` its ``heading_open`` in the tokens.
    """

    index: int
    token_index: int
    level: int
    line: int
    last_line: int
    text: str
    atx: bool

    def hash_offset(self, document: Document) -> int:
        """Offset of the first ``#`` of an ATX heading."""
        raw = document.line_text(self.line)
        match = _ATX_OPEN.match(raw)
        column = match.start("hashes") if match else 0
        return document.offset(self.line) + column


def outline(document: Document) -> list[Heading]:
    """Every top-level heading in document order (found once per document for every rule)."""
    return list(document.derived(_outline))


def _outline(document: Document) -> tuple[Heading, ...]:
    found: list[Heading] = []
    tokens = document.block_tokens
    for position in document.positions("heading_open"):
        token = tokens[position]
        if token.level != 0 or token.map is None:
            continue
        inline = tokens[position + 1] if position + 1 < len(tokens) else None
        text = inline.content.strip() if inline is not None and inline.type == "inline" else ""
        found.append(
            Heading(
                index=len(found),
                token_index=position,
                level=int(token.tag[1]),
                line=token.map[0] + 1,
                last_line=token.map[1],
                text=text,
                atx=token.markup.startswith("#"),
            )
        )
    return tuple(found)


def subtree(headings: Sequence[Heading], heading: Heading) -> list[Heading]:
    """The heading and every heading below it, up to the next one of the same or a higher level."""
    members = [heading]
    for index in range(heading.index + 1, len(headings)):  # (a slice would copy all the rest)
        other = headings[index]
        if other.level <= heading.level:
            break
        members.append(other)
    return members


def parents(headings: Sequence[Heading]) -> list[Heading | None]:
    """Each heading's parent: the nearest heading above with a smaller level number (one pass
    with the chain of open headings, not a walk back from each heading)."""
    found: list[Heading | None] = []
    open_headings: list[Heading] = []  # levels strictly increasing
    for heading in headings:
        while open_headings and open_headings[-1].level >= heading.level:
            open_headings.pop()
        found.append(open_headings[-1] if open_headings else None)
        open_headings.append(heading)
    return found


def relevel_edits(document: Document, members: Sequence[Heading], delta: int) -> tuple[Edit, ...] | None:
    """Edits that move ATX headings ``delta`` levels down (positive) or up (negative).

    None when a heading is setext or the new level would leave 1..6.
    """
    edits: list[Edit] = []
    for member in members:
        new_level = member.level + delta
        if not member.atx or not 1 <= new_level <= 6:
            return None
        start = member.hash_offset(document)
        if delta > 0:
            edits.append(Edit.insert(start, "#" * delta))
        else:
            edits.append(Edit.delete(start, start - delta))
    return tuple(edits)


def misplaced_at_day_level(headings: Sequence[Heading], options: OutlineOptions) -> list[Heading]:
    """Headings at day level that are neither days nor allowed sections, after the first day."""
    found: list[Heading] = []
    in_days = False
    for heading in headings:
        if heading.level != options.day_level:
            continue
        if recognise_day(heading.text, options.language) is not None:
            in_days = True
        elif in_days and not options.allowed_without_day(heading.text):
            found.append(heading)
    return found


def intended_levels(headings: Sequence[Heading], options: OutlineOptions) -> list[int]:
    """Each heading's level once talks written at day level are moved one level down."""
    levels = [heading.level for heading in headings]
    for misplaced in misplaced_at_day_level(headings, options):
        for member in subtree(headings, misplaced):
            levels[member.index] += 1
    return levels
