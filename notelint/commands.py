"""``notelint check``: find files, check or fix them, report, choose the exit code."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from notelint.cache import Cache, cache_folder
from notelint.config import ConfigError, ConfigFinder, Selection
from notelint.discovery import discover
from notelint.registry import PluginError
from notelint.reporters import REPORTERS, Summary, render_statistics
from notelint.runner import FileReport, Runner, RunOptions

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def run_check(namespace: argparse.Namespace, out: TextIO, err: TextIO) -> int:
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
        reports.extend(runner.run(found.targets))

    for report in reports:
        errors.extend(report.errors)
    findings = [finding for report in reports for finding in report.findings]
    fixed = sum(report.fixed for report in reports)

    if namespace.diff:
        for report in reports:
            out.write(report.diff)
        _write_errors(err, errors)
        if errors:
            return EXIT_ERROR
        return EXIT_FINDINGS if any(report.diff for report in reports) else EXIT_CLEAN

    summary = Summary(findings, fixed, namespace.fix, namespace.unsafe_fixes)
    if errors and not findings and not fixed and namespace.output_format == "text":
        pass  # nothing was found, but not everything could be checked: no "All checks passed!"
    elif namespace.statistics:
        out.write(render_statistics(summary))
    else:
        out.write(REPORTERS[namespace.output_format](summary))
    _write_errors(err, errors)
    if errors:
        return EXIT_ERROR
    if findings and not namespace.exit_zero:
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _write_errors(err: TextIO, errors: list[str]) -> None:
    seen: set[str] = set()
    for error in errors:
        if error not in seen:
            seen.add(error)
            err.write(f"error: {error}\n")
