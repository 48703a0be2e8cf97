"""``notelint check``: find files, check or fix them, report, choose the exit code."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from notelint.cache import Cache, cache_folder
from notelint.config import ConfigError, ConfigFinder, PluginError, Selection
from notelint.diagnostics import Finding
from notelint.discovery import discover
from notelint.progress import ProgressBar, wants_progress
from notelint.reporters import NEEDS_RULES, REPORTERS, Summary, render_statistics, render_statistics_json
from notelint.runner import FileReport, Runner, RunOptions, attach_lines

# Formats for people; the others (json, github, gitlab, sarif) are for tools.
HUMAN_FORMATS = ("text", "concise", "full")


def is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def default_output_format(out: TextIO) -> str:
    """``full`` on a terminal, ``text`` when piped or redirected (stable for scripts and tests)."""
    return "full" if is_terminal(out) else "text"


def use_color(out: TextIO, environ: dict[str, str] | None = None) -> bool:
    """Colours only on a terminal and never when NO_COLOR is set (https://no-color.org)."""
    env = os.environ if environ is None else environ
    return is_terminal(out) and not env.get("NO_COLOR") and env.get("TERM") != "dumb"

if TYPE_CHECKING:
    import argparse
    from types import SimpleNamespace

    from notelint.rule import RuleLike

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def run_check(namespace: argparse.Namespace | SimpleNamespace, out: TextIO, err: TextIO) -> int:
    """``notelint check``: ``namespace`` holds its arguments (argparse's, or
    :func:`notelint.cli.plain_check`'s, read without argparse)."""
    output_format = namespace.output_format or default_output_format(out)
    color = use_color(out)
    cache = None if namespace.no_cache else Cache(cache_folder())
    try:
        if cache is not None:
            finder = ConfigFinder(explicit=namespace.config, is_trusted=cache.is_trusted_config)
        else:
            finder = ConfigFinder(explicit=namespace.config)
    except ConfigError as error:
        err.write(f"notelint: error: {error}\n")
        return EXIT_ERROR
    options = RunOptions(
        fix=namespace.fix,
        unsafe_fixes=namespace.unsafe_fixes,
        diff=namespace.diff,
        selection=Selection(namespace.select, namespace.extend_select or (), namespace.ignore or ()),
        jobs=namespace.jobs,
        keep_lines=output_format in ("full", "gitlab"),
    )
    runner = Runner(finder, options, cache)
    if namespace.select or namespace.extend_select or namespace.ignore:
        try:  # selectors given on the command line are checked once, before any file
            runner.ruleset_for(Path.cwd() / "selection-check.md")
        except (ConfigError, PluginError) as error:
            err.write(f"notelint: error: {error}\n")
            return EXIT_ERROR
    paths = namespace.paths or ["."]
    reports: list[FileReport] = []
    errors: list[str] = []

    if "-" in paths:
        if len(paths) > 1:
            err.write("notelint: error: '-' (stdin) cannot be combined with other paths\n")
            return EXIT_ERROR
        display = namespace.stdin_filename or "-"
        name = Path(namespace.stdin_filename) if namespace.stdin_filename else Path.cwd() / "stdin.md"
        data = sys.stdin.buffer.read()
        stdin_report = runner.check_bytes(data, name, display)
        runner.judge(stdin_report, name, data)
        attach_lines(stdin_report, data)
        reports.append(stdin_report)
        if namespace.fix and not namespace.diff:
            # ruff's convention: the fixed note goes to stdout, the report to stderr
            out.flush()
            sys.stdout.buffer.write(stdin_report.fixed_bytes or data)
            sys.stdout.buffer.flush()
            out = err
    else:
        found = discover(paths, finder)
        errors.extend(found.errors)
        runner.walked = found.walked
        if wants_progress(len(found.targets), err):
            bar = ProgressBar(len(found.targets), err)
            try:
                reports.extend(runner.run(found.targets, progress=bar))
            finally:
                bar.close()
        else:
            reports.extend(runner.run(found.targets))

    for report in reports:
        errors.extend(report.errors)
    fixed = sum(report.fixed for report in reports)

    if namespace.diff:
        for report in reports:
            out.write(report.diff)
        _write_errors(err, errors)
        if errors:
            return EXIT_ERROR
        return EXIT_FINDINGS if any(report.diff for report in reports) else EXIT_CLEAN

    # headlines are all that text and concise show: findings answered from the cache are then never built
    headlines = [headline for report in reports for headline in report.headlines()]

    def build_findings() -> list[Finding]:
        return [finding for report in reports for finding in report.findings]

    lines = {report.display: report.lines for report in reports if report.lines}
    rules = _rules_by_code(runner, build_findings()) if output_format in NEEDS_RULES else {}
    summary = Summary(headlines, fixed, namespace.fix, namespace.unsafe_fixes, lines, rules, color, build_findings)
    if errors and not headlines and not fixed and output_format in ("text", "full"):
        pass  # nothing was found, but not everything could be checked: no "All checks passed!"
    elif namespace.statistics:
        out.write(render_statistics_json(summary) if output_format == "json" else render_statistics(summary))
    else:
        out.write(REPORTERS[output_format](summary))
    _write_errors(err, errors)
    if errors:
        return EXIT_ERROR
    if headlines and not namespace.exit_zero:
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _rules_by_code(runner: Runner, findings: list[Finding]) -> dict[str, RuleLike]:
    """The rules behind the findings (for rule metadata), from the registry of each note's
    configuration (its plugins included), built once per configuration."""
    rules: dict[str, RuleLike] = {}
    for finding in findings:
        if finding.code in rules:
            continue
        try:
            registry = runner.registry_for(runner.finder.for_path(Path.cwd() / finding.path))
        except (ConfigError, PluginError):
            continue
        rule = registry.lookup(finding.code)
        if rule is not None:
            rules[rule.code] = rule
    return rules


def _write_errors(err: TextIO, errors: list[str]) -> None:
    seen: set[str] = set()
    for error in errors:
        if error not in seen:
            seen.add(error)
            err.write(f"error: {error}\n")
