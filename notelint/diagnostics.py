"""What rules report: violations with offset ranges and fixes made of text edits.

A rule yields :class:`Violation` objects (offsets into the document text); the runner turns them
into :class:`Finding` objects that also carry the rule's identity and 1-based positions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Literal

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


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``content`` (offsets into the document text)."""

    start: int
    end: int
    content: str = ""

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


@dataclass(frozen=True, slots=True)
class Fix:
    """Edits that are applied together or not at all."""

    message: str
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE

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


@dataclass(frozen=True, slots=True)
class Violation:
    """One problem a rule found: an offset range, a message and an optional fix."""

    start: int
    end: int
    message: str
    fix: Fix | None = None


@dataclass(frozen=True, slots=True)
class EditReport:
    line: int
    column: int
    end_line: int
    end_column: int
    content: str


@dataclass(frozen=True, slots=True)
class Finding:
    """A violation with the rule's identity and 1-based positions (end exclusive)."""

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
    fix: Fix | None = None
    fix_edits: tuple[EditReport, ...] = field(default=(), compare=False)

    def is_fixable(self, unsafe_fixes: bool) -> bool:
        if self.fix is None:
            return False
        return unsafe_fixes or self.fix.applicability is Applicability.SAFE

    def headline(self) -> Headline:
        applicability = None if self.fix is None else self.fix.applicability.value
        return (self.path, self.line, self.column, self.code, self.severity, self.message, applicability)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)
