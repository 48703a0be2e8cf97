"""Inline suppression comments.

``<!-- notelint-disable CODES -->`` … ``<!-- notelint-enable CODES -->``,
``<!-- notelint-disable-next-line CODES -->`` and ``<!-- notelint-disable-file CODES -->``;
without codes they apply to every rule.  Codes may be separated by spaces or commas and may be
rule codes, code prefixes, rule names or family names.  Comments inside code blocks do not count.
"""

from __future__ import annotations

import re
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

    def is_suppressed(self, rule: RuleLike, line: int) -> bool:
        disabled = False
        for directive in self.directives:
            if not directive.applies_to(rule):
                continue
            if directive.action == "disable-file":
                return True
            if directive.action == "disable-next-line" and directive.line == line - 1:
                return True
            if directive.line <= line and directive.action in ("disable", "enable"):
                disabled = directive.action == "disable"
        return disabled
