"""CI and terminal output formats: ``concise``, ``full``, ``github``, ``gitlab`` and ``sarif``.

Each takes a :class:`notelint.reporters.Summary` and returns the text to write to stdout.
``full`` and ``gitlab`` use ``Summary.lines`` (the text of the lines findings point at, carried
from the runner; nothing is read again here); ``sarif`` uses ``Summary.rules`` for rule metadata.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import PurePath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from notelint import __version__
from notelint.diagnostics import Finding, Headline, fixable_by

if TYPE_CHECKING:
    from notelint.reporters import Summary

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
INFORMATION_URI = "https://pypi.org/project/notelint/"
TAB_WIDTH = 4
MAX_SHOWN_LINES = 6


# -- colours ----------------------------------------------------------------------------------------


class Style:
    """ANSI styles, or nothing when colours are off."""

    def __init__(self, color: bool) -> None:
        self.color = color

    def _wrap(self, code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.color and text else text

    def bold(self, text: str) -> str:
        return self._wrap("1", text)

    def red(self, text: str) -> str:
        return self._wrap("1;31", text)

    def yellow(self, text: str) -> str:
        return self._wrap("1;33", text)

    def cyan(self, text: str) -> str:
        return self._wrap("36", text)

    def blue(self, text: str) -> str:
        return self._wrap("1;34", text)

    def dim(self, text: str) -> str:
        return self._wrap("2", text)


def _header(headline: Headline, unsafe_fixes: bool, style: Style) -> str:
    path, line, column, code, severity, message, applicability = headline
    marker = style.cyan("[*]") + " " if fixable_by(applicability, unsafe_fixes) else ""
    shown_code = style.red(code) if severity == "error" else style.yellow(code)
    location = style.bold(path) + style.cyan(":") + f"{line}" + style.cyan(":") + f"{column}" + style.cyan(":")
    return f"{location} {shown_code} {marker}{message}"


# -- concise and full ---------------------------------------------------------------------------------


def render_concise(summary: Summary) -> str:
    """One line per finding (like ``text``), without the closing summary."""
    style = Style(summary.color)
    unsafe = summary.unsafe_fixes
    return "".join(_header(headline, unsafe, style) + "\n" for headline in summary.headlines)


def _expand(text: str, column: int) -> tuple[str, int]:
    """Expand tabs; return the shown text and the shown 0-based position of a 1-based column."""
    shown: list[str] = []
    position = None
    for index, char in enumerate(text):
        if index == column - 1:
            position = len("".join(shown))
        if char == "\t":
            shown.append(" " * (TAB_WIDTH - len("".join(shown)) % TAB_WIDTH))
        else:
            shown.append(char)
    joined = "".join(shown)
    if position is None:
        position = len(joined) + max(0, column - 1 - len(text))
    return joined, position


def snippet(finding: Finding, lines: Any, style: Style) -> tuple[list[str], int]:
    """The source lines of a finding with its range underlined by ``^``, ruff-style, and the
    width of the line-number gutter."""
    end_line, end_column = finding.end_line, finding.end_column
    if end_line > finding.line and end_column == 1:  # the range ends with a line break
        end_line -= 1
        end_column = len(lines.get(end_line, "")) + 1
    numbers = [number for number in range(finding.line, end_line + 1) if number in lines]
    if not numbers:
        return [], 1
    shown_numbers = numbers[:MAX_SHOWN_LINES]
    width = len(str(shown_numbers[-1]))
    gutter = " " * width + " " + style.blue("|")
    out = [gutter]
    for number in shown_numbers:
        text = lines[number]
        start = finding.column if number == finding.line else 1
        stop = end_column if number == end_line else len(text) + 1
        shown, left = _expand(text, start)
        _, right = _expand(text, stop)
        out.append(style.blue(f"{number:>{width}} |") + (" " + shown if shown else ""))
        carets = "^" * max(1, right - left)
        label = f" {finding.code}" if number == shown_numbers[-1] else ""
        colour = style.red if finding.severity == "error" else style.yellow
        out.append(gutter + " " + " " * left + colour(carets + label))
    if len(numbers) > len(shown_numbers):
        out.append(gutter + " ...")
    out.append(gutter)
    return out, width


def render_full(summary: Summary) -> str:
    """ruff's full format: a header line, the source with the range underlined, the fix title."""
    from notelint.reporters import summary_lines

    style = Style(summary.color)
    blocks: list[str] = []
    for finding in summary.findings:
        block = [_header(finding.headline(), summary.unsafe_fixes, style)]
        shown, width = snippet(finding, summary.lines.get(finding.path, {}), style)
        block += shown
        if finding.fix is not None:
            note = "" if finding.is_fixable(summary.unsafe_fixes) else " (unsafe: needs --unsafe-fixes)"
            block.append(" " * width + " " + style.blue("=") + f" {style.bold('help')}: {finding.fix.message}{note}")
        blocks.append("\n".join(block) + "\n")
    closing = "\n".join(summary_lines(summary)) + "\n"
    return "\n".join(blocks) + ("\n" if blocks else "") + closing


# -- GitHub workflow commands -----------------------------------------------------------------------


def escape_github_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_github_property(text: str) -> str:
    return escape_github_data(text).replace(":", "%3A").replace(",", "%2C")


def github_line(finding: Finding) -> str:
    kind = "error" if finding.severity == "error" else "warning"
    properties = ",".join(
        f"{key}={escape_github_property(str(value))}"
        for key, value in (
            ("file", finding.path),
            ("line", finding.line),
            ("col", finding.column),
            ("endLine", finding.end_line),
            ("endColumn", finding.end_column),
            ("title", finding.code),
        )
    )
    return f"::{kind} {properties}::{escape_github_data(finding.message)}"


def render_github(summary: Summary) -> str:
    return "".join(github_line(finding) + "\n" for finding in summary.findings)


# -- GitLab Code Quality ------------------------------------------------------------------------------

GITLAB_SEVERITY = {"error": "major", "warning": "minor"}


def gitlab_fingerprint(finding: Finding, line_text: str, occurrence: int) -> str:
    """Stable across runs and line shifts: path, code, message and the line's text (not its number),
    plus a counter that tells identical findings in one file apart."""
    parts = [finding.path, finding.code, finding.message, line_text.strip(), str(occurrence)]
    import hashlib

    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()


def render_gitlab(summary: Summary) -> str:
    seen: Counter[tuple[str, str, str, str]] = Counter()
    issues: list[dict[str, Any]] = []
    for finding in summary.findings:
        line_text = summary.lines.get(finding.path, {}).get(finding.line, "")
        key = (finding.path, finding.code, finding.message, line_text.strip())
        occurrence = seen[key]
        seen[key] += 1
        issues.append(
            {
                "type": "issue",
                "check_name": finding.code,
                "description": f"{finding.code} {finding.message}",
                "categories": ["Style"],
                "fingerprint": gitlab_fingerprint(finding, line_text, occurrence),
                "severity": GITLAB_SEVERITY.get(finding.severity, "minor"),
                "location": {
                    "path": PurePath(finding.path).as_posix(),
                    "lines": {"begin": finding.line, "end": max(finding.line, finding.end_line)},
                },
            }
        )
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"


# -- SARIF 2.1.0 ------------------------------------------------------------------------------------


def _uri(path: str) -> str:
    pure = PurePath(path)
    if pure.is_absolute():
        return pure.as_uri()
    return quote(pure.as_posix())


def sarif_rule(code: str, rule: Any, finding: Finding | None) -> dict[str, Any]:
    from notelint.rule import summary_of

    if rule is None:  # a rule this process cannot describe (should not happen): the bare minimum
        assert finding is not None
        return {
            "id": code,
            "name": finding.name,
            "shortDescription": {"text": finding.name},
            "defaultConfiguration": {"level": finding.severity},
            "properties": {"family": finding.family},
        }
    doc = rule.doc.strip()
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": summary_of(rule) or rule.name},
        "fullDescription": {"text": doc},
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"level": "error" if rule.severity == "error" else "warning"},
        "properties": {"family": rule.family, "fixable": bool(rule.fixable), "tags": [rule.family]},
    }


def render_sarif(summary: Summary) -> str:
    first: dict[str, Finding] = {}
    for finding in summary.findings:
        first.setdefault(finding.code, finding)
    codes = sorted(first)
    index = {code: position for position, code in enumerate(codes)}
    results = []
    for finding in summary.findings:
        results.append(
            {
                "ruleId": finding.code,
                "ruleIndex": index[finding.code],
                "level": "error" if finding.severity == "error" else "warning",
                "message": {"text": finding.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": _uri(finding.path)},
                            "region": {
                                "startLine": finding.line,
                                "startColumn": finding.column,
                                "endLine": finding.end_line,
                                "endColumn": finding.end_column,
                            },
                        }
                    }
                ],
            }
        )
    log = {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "notelint",
                        "version": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [sarif_rule(code, summary.rules.get(code), first[code]) for code in codes],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
