"""Apply one rule's fixes to a text, pass after pass, the way ``notelint --fix`` does."""

from __future__ import annotations

from notelint.document import Document
from notelint.fixer import apply_fixes
from notelint.rule import RuleLike


def fix_with(rule: RuleLike, text: str, options: object = None, *, unsafe: bool = False,
             passes: int = 10) -> str:
    for _ in range(passes):
        document = Document("note.md", text)
        fixes = [
            violation.fix
            for violation in rule.check(document, options)
            if violation.fix is not None and (unsafe or violation.fix.applicability.value == "safe")
        ]
        if not fixes:
            return text
        text, _ = apply_fixes(text, fixes)
    raise AssertionError(f"{rule.code} did not converge")
