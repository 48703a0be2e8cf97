"""A small library interface: check or fix a note given as text, with the default configuration
or a given one.  Used by the tests, the editor server and anyone embedding notelint."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from notelint.config import Config, Settings
from notelint.diagnostics import Finding
from notelint.document import Document
from notelint.fixer import fix_document
from notelint.linter import lint
from notelint.registry import Registry
from notelint.ruleset import RuleSet, Selection


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
) -> TextResult:
    rules = ruleset or default_ruleset()
    document = Document(path, text)
    if not fix:
        result = lint(document, rules)
        errors = [f"internal error in rule {crash.code} ({crash.name}): {crash.error}" for crash in result.crashes]
        return TextResult(text, result.findings, 0, errors)
    outcome = fix_document(document, lambda doc: lint(doc, rules), unsafe_fixes)
    errors = [f"internal error in rule {crash.code} ({crash.name}): {crash.error}" for crash in outcome.result.crashes]
    if outcome.verification_error:
        errors.append(f"internal error: {outcome.verification_error}")
    if outcome.not_converged:
        errors.append("fixes did not converge: " + ", ".join(outcome.not_converged))
    return TextResult(outcome.document.text, outcome.result.findings, outcome.fixed_count, errors)
