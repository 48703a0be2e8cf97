"""Check (and fix) files: one read, one decode, one parse per pass, atomic writes."""

from __future__ import annotations

import difflib
import os
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from notelint.config import Config, ConfigError, ConfigFinder
from notelint.diagnostics import Finding
from notelint.document import DecodeError, Document
from notelint.fixer import fix_document
from notelint.linter import LintResult, lint
from notelint.registry import PluginError, Registry
from notelint.ruleset import RuleSet, Selection


@dataclass(frozen=True)
class RunOptions:
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    selection: Selection = field(default_factory=Selection)


@dataclass
class FileReport:
    """Everything a run learned about one file."""

    display: str
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    fixed: int = 0
    diff: str = ""
    fixed_bytes: bytes | None = None

    @property
    def changed(self) -> bool:
        return self.fixed_bytes is not None


@dataclass
class Runner:
    """Resolves rule sets per configuration and checks files with them."""

    finder: ConfigFinder
    options: RunOptions
    _rulesets: dict[Path | None, RuleSet] = field(default_factory=dict)
    _registries: dict[tuple[Path, ...], Registry] = field(default_factory=dict)

    def ruleset_for(self, path: Path) -> RuleSet:
        config = self.finder.for_path(path)
        ruleset = self._rulesets.get(config.source)
        if ruleset is None:
            ruleset = RuleSet.resolve(config, self.registry_for(config), self.options.selection)
            self._rulesets[config.source] = ruleset
        return ruleset.without(config.ignored_for(path))

    def registry_for(self, config: Config) -> Registry:
        plugins = tuple(config.plugin_paths())
        registry = self._registries.get(plugins)
        if registry is None:
            registry = Registry.build(plugins)
            self._registries[plugins] = registry
        return registry

    def check_file(self, path: Path, display: str) -> FileReport:
        report = FileReport(display)
        try:
            data = path.read_bytes()
        except OSError as error:
            report.errors.append(f"{display}: cannot be read: {error.strerror or error}")
            return report
        report = self.check_bytes(data, path, display)
        if report.fixed_bytes is not None and self.options.fix and not self.options.diff:
            try:
                write_atomically(path, report.fixed_bytes)
            except OSError as error:
                report.errors.append(f"{display}: fixes not written: {error.strerror or error}")
                report.fixed = 0
        return report

    def check_bytes(self, data: bytes, path: Path, display: str) -> FileReport:
        """Check a note's bytes; with fix or diff, compute the fixed bytes (nothing is written)."""
        report = FileReport(display)
        try:
            document = Document.from_bytes(display, data)
            ruleset = self.ruleset_for(path)
        except DecodeError as error:
            report.errors.append(f"{display}: {error}")
            return report
        except (ConfigError, PluginError) as error:
            report.errors.append(str(error))
            return report

        def run(doc: Document) -> LintResult:
            return lint(doc, ruleset)

        if self.options.fix or self.options.diff:
            outcome = fix_document(document, run, self.options.unsafe_fixes)
            result = outcome.result
            if outcome.verification_error is not None:
                report.errors.append(
                    f"{display}: internal error: {outcome.verification_error}; the file was left unchanged"
                )
            if outcome.not_converged:
                report.errors.append(
                    f"{display}: fixes did not converge after {outcome.passes} passes: "
                    + ", ".join(outcome.not_converged)
                )
            if outcome.document.text != document.text and not result.crashes:
                report.fixed = outcome.fixed_count
                report.fixed_bytes = outcome.document.to_bytes()
                if self.options.diff:
                    report.diff = unified_diff(display, document.text, outcome.document.text)
        else:
            result = run(document)
        report.findings = result.findings
        report.errors.extend(
            f"{display}: internal error in rule {crash.code} ({crash.name}): {crash.error}"
            for crash in result.crashes
        )
        return report


def unified_diff(display: str, before: str, after: str) -> str:
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"a/{display}",
        tofile=f"b/{display}",
    )
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def write_atomically(path: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder and ``os.replace``; keep the mode.

    A symlink is followed: its target is rewritten, the link stays.  A read-only file is refused.
    """
    target = Path(os.path.realpath(path))
    mode = stat.S_IMODE(target.stat().st_mode)
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(target, os.W_OK):
        raise PermissionError(13, "the file is read-only")
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".notelint-tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
