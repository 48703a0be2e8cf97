"""Apply fixes: non-overlapping edits per pass, re-check, repeat until nothing fixable is left."""

from __future__ import annotations

from bisect import insort
from collections import Counter
from collections.abc import Callable, Sequence
from operator import attrgetter

from notelint.diagnostics import Edit, Finding, Fix, indices_around
from notelint.document import Document
from notelint.linter import LintResult
from notelint.verify import AppliedEdit, verify_pass

MAX_PASSES = 10


def apply_fixes(text: str, fixes: Sequence[Fix]) -> tuple[str, list[Fix]]:
    """Apply every fix whose edits overlap no fix chosen before it (in text order).

    A fix is atomic: all of its edits or none.  Returns the new text and the fixes applied.
    The edits chosen are kept in text order, so that an edit is compared only with the chosen
    ones around it (comparing it with every one took the square of the number of fixes: a
    minute for the 30,000 fixes of a 100 kB note).
    """
    chosen: list[Fix] = []
    taken: list[Edit] = []  # in text order; no two overlap, so their ends are in order too
    for fix in sorted(fixes, key=lambda fix: (fix.start, fix.end)):
        edits = sorted(fix.edits, key=_SPAN)
        # (two edits in text order with none overlapping its neighbour overlap nowhere)
        if any(edit.overlaps(following) for edit, following in zip(edits, edits[1:])):
            continue
        if any(_overlaps_taken(edit, taken) for edit in edits):
            continue
        chosen.append(fix)
        for edit in edits:
            insort(taken, edit, key=_SPAN)
    pieces = []
    cursor = 0
    for edit in taken:
        pieces.append(text[cursor : edit.start])
        pieces.append(edit.content)
        cursor = edit.end
    pieces.append(text[cursor:])
    return "".join(pieces), chosen


_SPAN = attrgetter("start", "end")
_START = attrgetter("start")
_END = attrgetter("end")


def _overlaps_taken(edit: Edit, taken: list[Edit]) -> bool:
    """Whether ``edit`` overlaps one of ``taken`` (in text order, none overlapping another): of
    those around it, at most two (touching it at its ends) do not."""
    return any(edit.overlaps(taken[index]) for index in indices_around(taken, edit.start, edit.end, _START, _END))


class FixOutcome:
    """The fixed document, what is left to report, and how the passes went."""

    document: Document
    result: LintResult
    fixed: Counter[str]
    passes: int
    not_converged: list[str]
    verification_error: str | None

    def __init__(self, document: Document, result: LintResult, verification_error: str | None = None) -> None:
        self.document = document
        self.result = result
        self.fixed = Counter()
        self.passes = 0
        self.not_converged = []
        self.verification_error = verification_error

    @property
    def fixed_count(self) -> int:
        return sum(self.fixed.values())


def fix_document(
    document: Document,
    lint: Callable[[Document], LintResult],
    unsafe_fixes: bool,
) -> FixOutcome:
    """Fix until no fixable finding remains, at most :data:`MAX_PASSES` passes.

    A rule whose fixes keep producing new fixable findings (or undo each other) is named in
    ``not_converged`` instead of being looped on.
    """
    original, result = document, lint(document)
    outcome = FixOutcome(document, result)
    seen_texts = {document.text}
    while True:
        fixable = [finding for finding in result.findings if finding.is_fixable(unsafe_fixes)]
        if not fixable or result.crashes:
            break
        if outcome.passes == MAX_PASSES:
            outcome.not_converged = _rule_names(fixable)
            break
        by_fix = {id(finding.fix): finding for finding in fixable}
        new_text, applied = apply_fixes(document.text, [finding.fix for finding in fixable if finding.fix])
        if new_text == document.text or new_text in seen_texts:
            outcome.not_converged = _rule_names(fixable)
            break
        seen_texts.add(new_text)
        fixed_document = document.with_text(new_text)
        problem = _verify(document, fixed_document, _applied_edits(applied, by_fix))
        if problem is not None:
            # keep the original file: a wrong fix must never reach the disk
            return FixOutcome(original, lint(original), verification_error=problem)
        outcome.passes += 1
        outcome.fixed.update(by_fix[id(fix)].code for fix in applied)
        document = fixed_document
        result = lint(document)
        outcome.document, outcome.result = document, result
    return outcome


def _verify(before: Document, after: Document, edits: list[AppliedEdit]) -> str | None:
    """The verification's verdict; a verification that fails itself keeps the original too."""
    try:
        return verify_pass(before, after, edits)
    except Exception as error:  # noqa: BLE001 - an unproven fix must not reach the disk
        rules = ", ".join(sorted({item.rule for item in edits}))
        return f"fixes by {rules} could not be verified ({type(error).__name__}: {error})"


def _applied_edits(applied: Sequence[Fix], by_fix: dict[int, Finding]) -> list[AppliedEdit]:
    edits = []
    for fix in applied:
        finding = by_fix[id(fix)]
        label = f"{finding.code} ({finding.name})"
        edits.extend(AppliedEdit(edit, finding.family, label) for edit in fix.edits)
    return edits


def _rule_names(findings: Sequence[Finding]) -> list[str]:
    return sorted({f"{finding.code} ({finding.name})" for finding in findings})
