"""Fix verification: after a pass of fixes, re-parse and prove that code, math and front matter
are unchanged except where a rule *about* them edited them.

mdformat compares rendered HTML, which cannot see math or front matter; notelint compares the
protected content itself.  A rule of family ``markdown`` that re-indents a list may move a code
block (its content is compared, not its indentation), but may not change a byte of the code.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from notelint.diagnostics import Edit
from notelint.document import Document

_CONTINUATION_INDENT = re.compile(r"\n[ \t]*")


@dataclass(frozen=True, slots=True)
class Region:
    """A protected piece of a note: what it is, where it is, what it holds, who may change it."""

    kind: str
    start: int
    end: int
    content: str
    owner: str | None
    line: int
    raw: str = ""


@dataclass(frozen=True, slots=True)
class AppliedEdit:
    edit: Edit
    family: str
    rule: str


def protected_regions(document: Document) -> list[Region]:
    regions: list[Region] = []
    front = document.front_matter
    if front is not None and front.closed:
        regions.append(Region("front matter", 0, front.content_end, front.raw, "frontmatter", 1, front.raw))
    for span in document.blocks:
        token = span.token
        if token.type not in ("fence", "code_block"):
            continue
        is_math = token.type == "fence" and token.info.strip().split(" ")[0].lower() == "math"
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


def _owned_edit(region: Region, ranges: list[tuple[int, int, AppliedEdit]]) -> bool:
    return any(applied.family == region.owner and _touches(region, start, end) for start, end, applied in ranges)


def _covering_edit(region: Region, ranges: list[tuple[int, int, AppliedEdit]]) -> AppliedEdit | None:
    """An edit that replaces the whole region (removing it, or moving it intact)."""
    for start, end, applied in ranges:
        if start <= region.start and region.end <= end and start < end:
            return applied
    return None


def verify_pass(before: Document, after: Document, edits: Sequence[AppliedEdit]) -> str | None:
    """None when the pass kept every protected region, else a one-line explanation.

    A region may be edited by a rule of the family that owns it, and removed or moved intact as a
    whole by any rule (an unsafe fix that deletes a section takes its code with it); any other
    change to its content, and any region that appears from nowhere, is an error.
    """
    old_ranges = [(item.edit.start, item.edit.end, item) for item in edits]
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
    if len(old) != len(new):
        region = old[len(new)] if len(old) > len(new) else new[len(old)]
        verb = "removed" if len(old) > len(new) else "created"
        return _blame(region, old_ranges, edits, verb)
    return None


def _blame(region: Region, ranges: list[tuple[int, int, AppliedEdit]], edits: Sequence[AppliedEdit], verb: str) -> str:
    culprits = sorted({applied.rule for start, end, applied in ranges if _touches(region, start, end)})
    if not culprits:
        culprits = sorted({item.rule for item in edits})
    return f"fixes by {', '.join(culprits)} {verb} a {region.kind} at line {region.line}"
