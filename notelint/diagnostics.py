"""What rules report: violations with offset ranges and fixes made of text edits.

A rule yields :class:`Violation` objects (offsets into the document text); the runner turns them
into :class:`Finding` objects that also carry the rule's identity and 1-based positions.

These are immutable value objects: equal when their fields are, hashable, printable, picklable,
usable in ``match`` statements; assigning to a field raises :class:`FrozenInstanceError` (what
``@dataclass(frozen=True, slots=True)`` would give).  They are written by hand
(:mod:`notelint.values`) because making such a dataclass costs about a millisecond, and every start
of notelint made five of them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from enum import Enum
from typing import Literal, TypeVar

from notelint.values import FrozenInstanceError, Value  # noqa: F401  (FrozenInstanceError: part of this API)
from notelint.values import set_field as _set

Family = Literal["frontmatter", "headings", "days", "math", "typos", "markdown"]
FAMILIES: tuple[Family, ...] = ("frontmatter", "headings", "days", "math", "typos", "markdown")
Severity = Literal["error", "warning"]

# What the one-line formats (text, concise) show of a finding: path, line, column, code, severity,
# message and its fix's applicability ("safe" or "unsafe"; None without a fix).  A warm run makes
# these straight from the cache's rows, without building a Finding.
Headline = tuple[str, int, int, str, str, str, str | None]


def fixable_by(applicability: str | None, unsafe_fixes: bool) -> bool:
    """Whether a fix of that applicability (None: no fix) is applied by this run's ``--fix``."""
    return applicability is not None and (unsafe_fixes or applicability == "safe")


class Applicability(str, Enum):
    """``safe`` fixes are applied by ``--fix``; ``unsafe`` ones only with ``--unsafe-fixes``."""

    SAFE = "safe"
    UNSAFE = "unsafe"


class Edit(Value):
    """Replace ``text[start:end]`` with ``content`` (offsets into the document text)."""

    __slots__ = _fields = ("start", "end", "content")
    start: int
    end: int
    content: str

    def __init__(self, start: int, end: int, content: str = "") -> None:
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "content", content)

    @classmethod
    def insert(cls, offset: int, content: str) -> Edit:
        return cls(offset, offset, content)

    @classmethod
    def delete(cls, start: int, end: int) -> Edit:
        return cls(start, end, "")

    def overlaps(self, other: Edit) -> bool:
        """Edits conflict when their ranges intersect, or when an insertion touches or lies inside
        the other edit (the order of the two would be ambiguous)."""
        if self.start < other.end and other.start < self.end:
            return True
        if self.start == self.end and other.start <= self.start <= other.end:
            return True
        return other.start == other.end and self.start <= other.start <= self.end


Span = TypeVar("Span")


def indices_around(spans: Sequence[Span], start: int, end: int,
                   start_of: Callable[[Span], int], end_of: Callable[[Span], int]) -> range:
    """The indices of the ``spans`` that begin at or before ``end`` and end at or after ``start``:
    the only ones that can overlap or touch ``start..end``. ``spans`` are in text order and none
    overlaps another, so their ends are in order too and both bounds are found by bisection
    (comparing with every span took the square of a note's size with thousands of fixes)."""
    last = bisect_right(spans, end, key=start_of)
    return range(bisect_left(spans, start, 0, last, key=end_of), last)


class Fix(Value):
    """Edits that are applied together or not at all."""

    __slots__ = _fields = ("message", "edits", "applicability")
    message: str
    edits: tuple[Edit, ...]
    applicability: Applicability

    def __init__(self, message: str, edits: tuple[Edit, ...], applicability: Applicability = Applicability.SAFE) -> None:
        _set(self, "message", message)
        _set(self, "edits", edits)
        _set(self, "applicability", applicability)

    @classmethod
    def safe(cls, message: str, *edits: Edit) -> Fix:
        return cls(message, tuple(edits), Applicability.SAFE)

    @classmethod
    def unsafe(cls, message: str, *edits: Edit) -> Fix:
        return cls(message, tuple(edits), Applicability.UNSAFE)

    @property
    def start(self) -> int:
        return min(edit.start for edit in self.edits)

    @property
    def end(self) -> int:
        return max(edit.end for edit in self.edits)


class Violation(Value):
    """One problem a rule found: an offset range, a message and an optional fix."""

    __slots__ = _fields = ("start", "end", "message", "fix")
    start: int
    end: int
    message: str
    fix: Fix | None

    def __init__(self, start: int, end: int, message: str, fix: Fix | None = None) -> None:
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "message", message)
        _set(self, "fix", fix)


class EditReport(Value):
    """An edit of a fix in 1-based lines and columns (end exclusive), as reports show it."""

    __slots__ = _fields = ("line", "column", "end_line", "end_column", "content")
    line: int
    column: int
    end_line: int
    end_column: int
    content: str

    def __init__(self, line: int, column: int, end_line: int, end_column: int, content: str) -> None:
        _set(self, "line", line)
        _set(self, "column", column)
        _set(self, "end_line", end_line)
        _set(self, "end_column", end_column)
        _set(self, "content", content)


class Finding(Value):
    """A violation with the rule's identity and 1-based positions (end exclusive)."""

    __slots__ = _fields = (
        "path", "line", "column", "end_line", "end_column", "code", "name", "family", "severity", "message", "fix",
        "fix_edits",
    )
    _compared = _fields[:-1]  # not fix_edits: the same fix, in other words
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    family: Family
    severity: Severity
    message: str
    fix: Fix | None
    fix_edits: tuple[EditReport, ...]

    def __init__(
        self,
        path: str,
        line: int,
        column: int,
        end_line: int,
        end_column: int,
        code: str,
        name: str,
        family: Family,
        severity: Severity,
        message: str,
        fix: Fix | None = None,
        fix_edits: tuple[EditReport, ...] = (),
    ) -> None:
        _set(self, "path", path)
        _set(self, "line", line)
        _set(self, "column", column)
        _set(self, "end_line", end_line)
        _set(self, "end_column", end_column)
        _set(self, "code", code)
        _set(self, "name", name)
        _set(self, "family", family)
        _set(self, "severity", severity)
        _set(self, "message", message)
        _set(self, "fix", fix)
        _set(self, "fix_edits", fix_edits)

    def is_fixable(self, unsafe_fixes: bool) -> bool:
        if self.fix is None:
            return False
        return unsafe_fixes or self.fix.applicability is Applicability.SAFE

    def headline(self) -> Headline:
        applicability = None if self.fix is None else self.fix.applicability.value
        return (self.path, self.line, self.column, self.code, self.severity, self.message, applicability)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)
