"""Inline suppression comments.

``<!-- notelint-disable CODES -->`` … ``<!-- notelint-enable CODES -->``,
``<!-- notelint-disable-next-line CODES -->`` and ``<!-- notelint-disable-file CODES -->``;
without codes they apply to every rule.  Codes may be separated by spaces or commas and may be
rule codes, code prefixes, rule names or family names.  Comments inside code blocks do not count.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from notelint.document import Document
from notelint.patterns import lazy
from notelint.rule import RuleLike

_COMMENT = lazy(
    r"<!--\s*notelint-(disable-next-line|disable-file|disable|enable)\b([^>]*?)\s*-->"
)


def selector_matches(selector: str, rule: RuleLike) -> bool:
    wanted = selector.strip()
    return (
        wanted.upper() == "ALL"
        or rule.code == wanted.upper()
        or rule.name == wanted.lower()
        or rule.family == wanted.lower()
        or (bool(wanted) and rule.code.startswith(wanted.upper()))
    )


class Directive(NamedTuple):
    line: int
    action: str
    selectors: tuple[str, ...]

    def applies_to(self, rule: RuleLike) -> bool:
        return not self.selectors or any(selector_matches(s, rule) for s in self.selectors)


class Suppressions(NamedTuple):
    directives: tuple[Directive, ...]

    @classmethod
    def scan(cls, document: Document) -> Suppressions:
        if "notelint-" not in document.text:
            return cls(())
        found = []
        skipped = document.code_lines | document.front_matter_lines
        for line in range(1, document.line_count + 1):
            if line in skipped:
                continue
            for match in _COMMENT.finditer(document.line_text(line)):
                selectors = tuple(part for part in re.split(r"[\s,]+", match.group(2)) if part)
                found.append(Directive(line, match.group(1), selectors))
        return cls(tuple(found))

    def for_rule(self, rule: RuleLike) -> RuleSuppressions:
        """The lines this note's directives silence for ``rule``, to look up line by line."""
        mine = [directive for directive in self.directives if directive.applies_to(rule)]
        switches = [directive for directive in mine if directive.action in ("disable", "enable")]
        return RuleSuppressions(
            any(directive.action == "disable-file" for directive in mine),
            frozenset(directive.line + 1 for directive in mine if directive.action == "disable-next-line"),
            tuple(directive.line for directive in switches),
            tuple(directive.action == "disable" for directive in switches),
        )

    def is_suppressed(self, rule: RuleLike, line: int) -> bool:
        return self.for_rule(rule).covers(line)


class RuleSuppressions(NamedTuple):
    """What a note's directives silence for one rule: the whole file, the lines right below a
    ``disable-next-line``, and the lines after each ``disable`` up to the next ``enable`` (the
    last of them at or above a line decides; looked up by bisection, not by a walk over every
    directive for every finding, which took the square of a note's size)."""

    whole_file: bool
    next_lines: frozenset[int]
    switch_lines: tuple[int, ...]  # in order, as the directives are
    switch_disables: tuple[bool, ...]

    def covers(self, line: int) -> bool:
        if self.whole_file or line in self.next_lines:
            return True
        last = bisect_right(self.switch_lines, line) - 1
        return last >= 0 and self.switch_disables[last]
