"""Where a pass of fixes may change a note: the edits, grown to every block they touch.

Blocks (and edits) are closed offset intervals; intervals that overlap or touch chain into one
zone, so an edit on the third line of a paragraph makes the whole paragraph, and the blocks that
open on its lines, one zone.  Outside the zones the note must come out of the pass unchanged.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import NamedTuple


class Zone(NamedTuple):
    """Closed offset interval in the text before the pass, and the indices of its edits."""

    start: int
    end: int
    edits: tuple[int, ...]


def zones(edit_spans: Sequence[tuple[int, int]], block_spans: Sequence[tuple[int, int]]) -> list[Zone]:
    """Chain the edits with the blocks they touch; only chains holding an edit are zones."""
    items = sorted(
        [(start, end, index) for index, (start, end) in enumerate(edit_spans)]
        + [(start, end, -1) for start, end in block_spans]
    )
    found: list[Zone] = []
    current: list[int] | None = None
    start = end = 0
    for item_start, item_end, edit in items:
        if current is None or item_start > end:
            if current:
                found.append(Zone(start, end, tuple(current)))
            current, start, end = [], item_start, item_end
        end = max(end, item_end)
        if edit >= 0:
            current.append(edit)
    if current:
        found.append(Zone(start, end, tuple(current)))
    return found


class Shift:
    """Maps offsets outside every edit from the text before a pass to the text after it."""

    def __init__(self, edits: Sequence[tuple[int, int, int]]) -> None:
        """``edits`` are ``(start, end, new_length)`` and do not overlap."""
        ordered = sorted(edits)
        self._starts = [start for start, _end, _length in ordered]
        self._ends = [end for _start, end, _length in ordered]
        self._totals = [0]
        for start, end, length in ordered:
            self._totals.append(self._totals[-1] + length - (end - start))

    def before(self, offset: int) -> int:
        """``offset`` moved by the edits that end before it (an insertion at it stays after it)."""
        return offset + self._totals[bisect.bisect_left(self._ends, offset)]

    def through(self, offset: int) -> int:
        """``offset`` moved by every edit that starts at or before it."""
        return offset + self._totals[bisect.bisect_right(self._starts, offset)]
