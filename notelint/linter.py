"""Run a rule set over one document: findings with positions, inline suppressions applied."""

from __future__ import annotations

from typing import NamedTuple

from notelint.diagnostics import EditReport, Finding, Violation
from notelint.document import Document
from notelint.rule import RuleLike
from notelint.ruleset import RuleSet
from notelint.suppress import Suppressions


class RuleCrash(NamedTuple):
    """A rule raised an exception: reported as an internal error naming the rule."""

    code: str
    name: str
    error: str


class LintResult:
    __slots__ = ("findings", "crashes")

    findings: list[Finding]
    crashes: list[RuleCrash]

    def __init__(self, findings: list[Finding] | None = None, crashes: list[RuleCrash] | None = None) -> None:
        self.findings = [] if findings is None else findings
        self.crashes = [] if crashes is None else crashes


def to_finding(document: Document, rule: RuleLike, violation: Violation) -> Finding:
    limit = len(document.text)
    start = max(0, min(violation.start, limit))
    end = max(start, min(violation.end, limit))
    begin, finish = document.position(start), document.position(end)
    edits: tuple[EditReport, ...] = ()
    if violation.fix is not None:
        edits = tuple(_edit_report(document, edit.start, edit.end, edit.content) for edit in violation.fix.edits)
    return Finding(
        path=document.path,
        line=begin.line,
        column=begin.column,
        end_line=finish.line,
        end_column=finish.column,
        code=rule.code,
        name=rule.name,
        family=rule.family,
        severity=rule.severity,
        message=violation.message,
        fix=violation.fix,
        fix_edits=edits,
    )


def _edit_report(document: Document, start: int, end: int, content: str) -> EditReport:
    begin, finish = document.position(start), document.position(end)
    return EditReport(begin.line, begin.column, finish.line, finish.column, content)


def lint(document: Document, ruleset: RuleSet) -> LintResult:
    result = LintResult()
    suppressions = Suppressions.scan(document)
    for rule, options in ruleset.rules:
        try:
            violations = list(rule.check(document, options))
        except Exception as error:  # a broken rule must not stop the run
            result.crashes.append(RuleCrash(rule.code, rule.name, f"{type(error).__name__}: {error}"))
            continue
        if not violations:
            continue
        silenced = suppressions.for_rule(rule)
        for violation in violations:
            finding = to_finding(document, rule, violation)
            if not silenced.covers(finding.line):
                result.findings.append(finding)
    result.findings.sort(key=Finding.sort_key)
    return result
