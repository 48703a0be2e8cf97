"""Fix verification: after a pass of fixes, re-parse and prove that the fixes changed only what
they were meant to change.

Three comparisons, each of the text before and after the pass:

- protected content: code blocks, code spans, math and front matter are unchanged except where a
  rule *about* them edited them (a rule of family ``markdown`` that re-indents a list may move a
  code block, but may not change a byte of the code);
- the block structure (:mod:`notelint.structure`): outside the zones the edits touched
  (:mod:`notelint.zones`), every block is still there, of the same kind, in the same containers,
  with the same text and inline structure;
- the front matter as data (:mod:`notelint.front_matter_data`): every top-level entry an edit did
  not reach holds the same YAML data, and the block still parses.

mdformat compares rendered HTML, which cannot see math or front matter; notelint compares the
content and the structure themselves.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from operator import itemgetter

from notelint.diagnostics import Edit, indices_around
from notelint.document import Document, is_math_fence
from notelint.structure import Block, blocks_of
from notelint.values import Value
from notelint.zones import Shift, Zone, zones

_CONTINUATION_INDENT = re.compile(r"\n[ \t]*")


class Region(Value):
    """A protected piece of a note: what it is, where it is, what it holds, who may change it."""

    __slots__ = _fields = ("kind", "start", "end", "content", "owner", "line", "raw")
    kind: str
    start: int
    end: int
    content: str
    owner: str | None
    line: int
    raw: str

    def __init__(self, kind: str, start: int, end: int, content: str, owner: str | None, line: int,
                 raw: str = "") -> None:
        self._set_fields(kind, start, end, content, owner, line, raw)


class AppliedEdit(Value):
    __slots__ = _fields = ("edit", "family", "rule")
    edit: Edit
    family: str
    rule: str

    def __init__(self, edit: Edit, family: str, rule: str) -> None:
        self._set_fields(edit, family, rule)


def protected_regions(document: Document) -> list[Region]:
    regions: list[Region] = []
    front = document.front_matter
    if front is not None and front.closed:
        regions.append(Region("front matter", 0, front.content_end, front.raw, "frontmatter", 1, front.raw))
    for span in document.blocks:
        token = span.token
        if token.type not in ("fence", "code_block"):
            continue
        is_math = token.type == "fence" and is_math_fence(token.info)
        start = document.offset(span.first_line)
        end = document.index.line_end(span.last_line)
        kind = "math block" if is_math else "code block"
        owner = "math" if is_math else None
        content = f"{token.info.strip()}\n{token.content}"
        regions.append(Region(kind, start, end, content, owner, span.first_line, document.text[start:end]))
    text = document.text
    for start, end in document.code_spans:
        # GitLab's $`…`$; a code span touching a dollar on either side is math to comrak's scan
        is_math = (start > 0 and text[start - 1] == "$") or text[end : end + 1] == "$"
        content = _CONTINUATION_INDENT.sub("\n", text[start:end])
        line = document.position(start).line
        kind = "math span" if is_math else "code span"
        # Math rules may touch code spans too: comrak's math scan and CommonMark's code spans can
        # pair the same backticks differently, so a math fix may re-pair a neighbouring span.
        regions.append(Region(kind, start, end, content, "math", line, text[start:end]))
    regions.sort(key=lambda region: (region.start, region.end))
    return regions


def _touches(region: Region, start: int, end: int) -> bool:
    if start == end:
        return region.start < start < region.end
    return start < region.end and region.start < end


def _mapped(edits: Sequence[AppliedEdit]) -> list[tuple[int, int, AppliedEdit]]:
    """Where each edit's new text lies in the fixed text."""
    shift = 0
    mapped = []
    for applied in sorted(edits, key=lambda item: (item.edit.start, item.edit.end)):
        start = applied.edit.start + shift
        mapped.append((start, start + len(applied.edit.content), applied))
        shift += len(applied.edit.content) - (applied.edit.end - applied.edit.start)
    return mapped


_RANGE_START = itemgetter(0)
_RANGE_END = itemgetter(1)


def _owned_edit(region: Region, ranges: list[tuple[int, int, AppliedEdit]]) -> bool:
    """Whether a rule of the family that owns the region edited it; an edit at its very start or
    end counts (removing a math block's last trailing space leaves an empty range at its end).
    ``ranges`` are in text order and overlap nowhere: only those around the region are asked."""
    return any(
        ranges[index][2].family == region.owner and ranges[index][1] >= region.start
        for index in indices_around(ranges, region.start, region.end, _RANGE_START, _RANGE_END)
    )


def _covering_edit(region: Region, ranges: list[tuple[int, int, AppliedEdit]]) -> AppliedEdit | None:
    """An edit that replaces the whole region (removing it, or moving it intact): one that starts
    at or before it and ends at or after its end (``ranges`` as for :func:`_owned_edit`)."""
    index = bisect_right(ranges, region.start, key=_RANGE_START) - 1
    while index >= 0 and ranges[index][1] >= region.end:
        start, end, applied = ranges[index]
        if start < end:
            return applied
        index -= 1
    return None


def verify_pass(before: Document, after: Document, edits: Sequence[AppliedEdit]) -> str | None:
    """None when the pass changed only what its edits touched, else a one-line explanation."""
    return (
        _regions_problem(before, after, edits)
        or _structure_problem(before, after, edits)
        or _front_matter_problem(before, after, edits)
    )


def _regions_problem(before: Document, after: Document, edits: Sequence[AppliedEdit]) -> str | None:
    """None when the pass kept every protected region, else a one-line explanation.

    A region may be edited by a rule of the family that owns it, and removed or moved intact as a
    whole by any rule (an unsafe fix that deletes a section takes its code with it); any other
    change to its content, and any region that appears from nowhere, is an error.
    """
    old_ranges = sorted(((item.edit.start, item.edit.end, item) for item in edits), key=lambda item: item[:2])
    new_ranges = _mapped(edits)
    moved: set[str] = set()
    old = []
    for region in protected_regions(before):
        if _owned_edit(region, old_ranges):
            continue
        covering = _covering_edit(region, old_ranges)
        if covering is not None:
            if region.raw in covering.edit.content:
                moved.add(region.raw)
            continue
        old.append(region)
    new = []
    for region in protected_regions(after):
        if _owned_edit(region, new_ranges):
            continue
        if region.raw in moved and _covering_edit(region, new_ranges) is not None:
            continue
        new.append(region)
    for old_region, new_region in zip(old, new):
        if (old_region.kind, old_region.content) != (new_region.kind, new_region.content):
            return _blame(old_region, old_ranges, edits, "changed")
    if len(old) > len(new):
        return _blame(old[len(new)], old_ranges, edits, "removed")
    if len(new) > len(old):  # a region of the fixed text: where the edits' new text lies there
        return _blame(new[len(old)], new_ranges, edits, "created")
    return None


def _blame(region: Region, ranges: list[tuple[int, int, AppliedEdit]], edits: Sequence[AppliedEdit], verb: str) -> str:
    culprits = sorted({applied.rule for start, end, applied in ranges if _touches(region, start, end)})
    if not culprits:
        culprits = sorted({item.rule for item in edits})
    return f"fixes by {', '.join(culprits)} {verb} a {region.kind} at line {region.line}"


def _rules(edits: Sequence[AppliedEdit]) -> str:
    return ", ".join(sorted({applied.rule for applied in edits}))


def _outside(block: Block, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether a block misses every closed interval of ``spans`` (sorted, not overlapping)."""
    import bisect

    position = bisect.bisect_right(spans, (block.end, float("inf")))
    return position == 0 or spans[position - 1][1] < block.start


def _structure_problem(before: Document, after: Document, edits: Sequence[AppliedEdit]) -> str | None:
    """Every block outside the edited zones is unchanged, in the same place relative to the rest."""
    old_blocks = blocks_of(before)
    # an edit also reaches the block that ends on the line before it: deleting the blank line
    # between two paragraphs joins them, inserting one at a line's start separates two blocks
    # (its line break is two characters long when it is a CRLF in a note of mixed line breaks)
    text = before.text
    reach = [
        (item.edit.start - (2 if item.edit.start >= 2 and text.startswith("\r\n", item.edit.start - 2) else 1),
         item.edit.end)
        for item in edits
    ]
    found = zones(reach, [(block.start, block.end) for block in old_blocks])
    shift = Shift([(item.edit.start, item.edit.end, len(item.edit.content)) for item in edits])
    old_spans = [(zone.start, zone.end) for zone in found]
    new_spans = [(shift.before(zone.start), shift.through(zone.end)) for zone in found]
    old = [block for block in old_blocks if _outside(block, old_spans)]
    new = [block for block in blocks_of(after) if _outside(block, new_spans)]
    for position in range(max(len(old), len(new))):
        old_block = old[position] if position < len(old) else None
        new_block = new[position] if position < len(new) else None
        if old_block is not None and new_block is not None:
            where = (shift.before(old_block.start), shift.before(old_block.end), old_block.signature)
            if where == (new_block.start, new_block.end, new_block.signature):
                continue
        if old_block is not None and (new_block is None or shift.before(old_block.start) <= new_block.start):
            zone = _nearest(found, old_block.start, lambda zone: (zone.start, zone.end))
            what = f"the {old_block.label} at line {old_block.line}"
        else:
            assert new_block is not None
            zone = _nearest(found, new_block.start, lambda zone: (shift.before(zone.start), shift.through(zone.end)))
            what = f"a new {new_block.label} (line {new_block.line} after fixing)"
        culprits = _rules([edits[index] for index in zone.edits]) if zone is not None else _rules(edits)
        return f"fixes by {culprits} changed the note's structure outside their edits: {what}"
    return None


def _nearest(found: Sequence[Zone], offset: int, span: Callable[[Zone], tuple[int, int]]) -> Zone | None:
    def distance(zone: Zone) -> int:
        start, end = span(zone)
        return 0 if start <= offset <= end else min(abs(offset - start), abs(offset - end))

    return min(found, key=distance, default=None)


def _front_matter_problem(before: Document, after: Document, edits: Sequence[AppliedEdit]) -> str | None:
    """Every top-level front matter entry no edit reached holds the same data; the block still parses."""
    front = before.front_matter
    if front is None or not front.closed:
        return None
    touching = [item for item in edits if item.edit.start <= front.content_end and front.content_start <= item.edit.end]
    if not touching:
        return None
    from notelint.front_matter_data import Entry, entries

    old_entries = entries(front.raw)
    if old_entries is None:
        return None
    culprits = _rules(touching)
    new_front = after.front_matter
    new_entries = entries(new_front.raw) if new_front is not None and new_front.closed else None
    if new_front is None or new_entries is None:
        return f"fixes by {culprits} made the front matter unreadable (it parsed before)"
    old_edits = [(item.edit.start - front.content_start, item.edit.end - front.content_start) for item in edits]
    new_edits = [(start - new_front.content_start, end - new_front.content_start) for start, end, _item in _mapped(edits)]

    def touched(entry_list: list[Entry], edit_spans: list[tuple[int, int]]) -> set[object]:
        return {
            entry.key
            for entry in entry_list
            if any(start <= entry.end and entry.start <= end for start, end in edit_spans)
        }

    # an entry an edit reached on either side is left out on both (a deletion at the end of one
    # entry touches the next one before the pass, and none after it)
    reached = touched(old_entries, old_edits) | touched(new_entries, new_edits)
    old_data = [(entry.key, entry.value) for entry in old_entries if entry.key not in reached]
    new_data = [(entry.key, entry.value) for entry in new_entries if entry.key not in reached]
    if old_data == new_data:
        return None
    differing = [old for old, new in zip(old_data, new_data) if old != new]
    if differing:
        changed = differing[0][0]
    else:
        longer = old_data if len(old_data) > len(new_data) else new_data
        changed = longer[min(len(old_data), len(new_data))][0]
    name = f"'{changed[1]}'" if isinstance(changed, tuple) and len(changed) == 2 else "an entry"
    return f"fixes by {culprits} changed the front matter entry {name}, which their edits did not touch"
