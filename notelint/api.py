"""A small library interface: check or fix a note given as text, with the default configuration
or a given one.  Used by the tests, the editor server and anyone embedding notelint."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from notelint.config import Config, Settings
from notelint.diagnostics import Finding
from notelint.document import Document
from notelint.fixer import fix_document
from notelint.linter import LintResult, lint
from notelint.registry import Registry
from notelint.ruleset import RuleSet, Selection

if TYPE_CHECKING:
    from notelint.project import Project


@dataclass(frozen=True)
class TextResult:
    text: str
    findings: list[Finding]
    fixed: int
    errors: list[str]


def default_ruleset(select: list[str] | None = None, *, config: Config | None = None) -> RuleSet:
    config = config or Config(Settings(), Path.cwd())
    return RuleSet.resolve(config, Registry.build(config.plugin_paths()), Selection(select))


def check_text(
    text: str,
    *,
    path: str = "note.md",
    fix: bool = False,
    unsafe_fixes: bool = False,
    ruleset: RuleSet | None = None,
    project: Project | None = None,
) -> TextResult:
    """Check (or fix) ``text`` as the note at ``path``.  With a ``project`` (the notes the note
    belongs to, see :mod:`notelint.project`), the rules' judges drop findings as in a ``notelint
    check`` run, and a finding a judge drops is not fixed either; without one, nothing is judged."""
    rules = ruleset or default_ruleset()
    document = Document(path, text)
    linter = _judged_linter(rules, project)
    if not fix:
        result = linter(document)
        errors = [f"internal error in rule {crash.code} ({crash.name}): {crash.error}" for crash in result.crashes]
        return TextResult(text, result.findings, 0, errors)
    outcome = fix_document(document, linter, unsafe_fixes)
    errors = [f"internal error in rule {crash.code} ({crash.name}): {crash.error}" for crash in outcome.result.crashes]
    if outcome.verification_error:
        errors.append(f"internal error: {outcome.verification_error}")
    if outcome.not_converged:
        errors.append("fixes did not converge: " + ", ".join(outcome.not_converged))
    return TextResult(outcome.document.text, outcome.result.findings, outcome.fixed_count, errors)


def _judged_linter(rules: RuleSet, project: Project | None) -> Callable[[Document], LintResult]:
    def run(document: Document) -> LintResult:
        result = lint(document, rules)
        if project is None:
            return result
        from notelint.project import judge_result

        return judge_result(result, document.text, rules.rules, project)

    return run
