"""Output formats for findings: ``text`` (ruff's concise lines plus a summary) and ``json``.

The CI and terminal formats (``concise``, ``full``, ``github``, ``gitlab``, ``sarif``) live in
:mod:`notelint.formats` and are registered in :data:`REPORTERS` below.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from functools import cached_property
from typing import Any

from notelint.diagnostics import Applicability, Finding, Headline, fixable_by


class Summary:
    """What a report shows: one headline per finding, in order (all that ``text`` and ``concise``
    need), the findings themselves built only when a format asks for :attr:`findings`."""

    headlines: Sequence[Headline]
    fixed: int
    fix_mode: bool
    unsafe_fixes: bool
    # display path -> {1-based line: text}: the lines findings point at (for full and gitlab)
    lines: Mapping[str, Mapping[int, str]]
    # code -> rule (for sarif's rule metadata); empty when not needed
    rules: Mapping[str, Any]
    color: bool
    # builds the findings the headlines stand for (same order)
    build_findings: Callable[[], Sequence[Finding]]

    def __init__(
        self,
        headlines: Sequence[Headline],
        fixed: int,
        fix_mode: bool,
        unsafe_fixes: bool,
        lines: Mapping[str, Mapping[int, str]] | None = None,
        rules: Mapping[str, Any] | None = None,
        color: bool = False,
        build_findings: Callable[[], Sequence[Finding]] = tuple,
    ) -> None:
        self.headlines = headlines
        self.fixed = fixed
        self.fix_mode = fix_mode
        self.unsafe_fixes = unsafe_fixes
        self.lines = {} if lines is None else lines
        self.rules = {} if rules is None else rules
        self.color = color
        self.build_findings = build_findings

    @cached_property
    def findings(self) -> Sequence[Finding]:
        return self.build_findings()

    @cached_property
    def applicabilities(self) -> Counter[str | None]:
        """How many findings have a safe fix, an unsafe one, none (``None``)."""
        return Counter(headline[6] for headline in self.headlines)

    @property
    def fixable(self) -> int:
        unsafe = self.unsafe_fixes
        return sum(count for applicability, count in self.applicabilities.items() if fixable_by(applicability, unsafe))

    @property
    def hidden_unsafe(self) -> int:
        if self.unsafe_fixes:
            return 0
        return sum(
            count for applicability, count in self.applicabilities.items()
            if applicability is not None and not fixable_by(applicability, False)
        )


def _plural(count: int, word: str) -> str:
    suffix = "" if count == 1 else ("es" if word.endswith(("x", "s")) else "s")
    return f"{count} {word}{suffix}"


def text_lines(headlines: Sequence[Headline], unsafe_fixes: bool) -> list[str]:
    """The ``text`` line of each finding: ``path:line:column: CODE [*] message`` (``[*]``: fixable)."""
    markers = {
        applicability: "[*] " if fixable_by(applicability, unsafe_fixes) else ""
        for applicability in (None, *(member.value for member in Applicability))
    }
    return [
        f"{path}:{line}:{column}: {code} {markers[applicability]}{message}"
        for path, line, column, code, _, message, applicability in headlines
    ]


def render_text(summary: Summary) -> str:
    return "\n".join(text_lines(summary.headlines, summary.unsafe_fixes) + summary_lines(summary)) + "\n"


def summary_lines(summary: Summary) -> list[str]:
    """The closing lines of ``text`` and ``full``: counts, fixable, hidden unsafe fixes."""
    lines: list[str] = []
    remaining = len(summary.headlines)
    total = remaining + summary.fixed
    if summary.fix_mode and summary.fixed:
        lines.append(f"Found {_plural(total, 'problem')} ({summary.fixed} fixed, {remaining} remaining).")
    elif remaining:
        closing = f"Found {_plural(remaining, 'problem')}"
        if summary.fixable:
            closing += f" ({summary.fixable} fixable with --fix)"
        lines.append(closing + ".")
    else:
        lines.append("All checks passed!")
    if summary.hidden_unsafe:
        lines.append(
            f"({_plural(summary.hidden_unsafe, 'hidden fix')} can be enabled with the `--unsafe-fixes` option.)"
        )
    return lines


def finding_json(finding: Finding) -> dict[str, Any]:
    fix = None
    if finding.fix is not None:
        fix = {
            "applicability": finding.fix.applicability.value,
            "message": finding.fix.message,
            "edits": [
                {
                    "line": edit.line,
                    "column": edit.column,
                    "end_line": edit.end_line,
                    "end_column": edit.end_column,
                    "content": edit.content,
                }
                for edit in finding.fix_edits
            ],
        }
    return {
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "code": finding.code,
        "name": finding.name,
        "family": finding.family,
        "severity": finding.severity,
        "message": finding.message,
        "fix": fix,
    }


def render_json(summary: Summary) -> str:
    return json.dumps([finding_json(finding) for finding in summary.findings], indent=2, ensure_ascii=False) + "\n"


def render_statistics(summary: Summary) -> str:
    counts = Counter(finding.code for finding in summary.findings)
    names = {finding.code: finding.name for finding in summary.findings}
    fixable = {finding.code for finding in summary.findings if finding.is_fixable(summary.unsafe_fixes)}
    width = max((len(str(count)) for count in counts.values()), default=1)
    lines = [
        f"{count:>{width}}\t{code}\t{'[*]' if code in fixable else '[ ]'} {names[code]}"
        for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]
    lines.append(f"Found {_plural(len(summary.findings), 'problem')}.")
    return "\n".join(lines) + "\n"


from notelint.formats import (  # noqa: E402  (the formats use Summary and the helpers above)
    render_concise,
    render_full,
    render_github,
    render_gitlab,
    render_sarif,
)

def render_statistics_json(summary: Summary) -> str:
    """``--statistics --output-format json``: ``[{"code", "name", "count", "fixable"}]``, most frequent first."""
    counts = Counter(finding.code for finding in summary.findings)
    names = {finding.code: finding.name for finding in summary.findings}
    fixable = {finding.code for finding in summary.findings if finding.is_fixable(summary.unsafe_fixes)}
    rows = [
        {"code": code, "name": names[code], "count": count, "fixable": code in fixable}
        for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"


REPORTERS = {
    "text": render_text,
    "json": render_json,
    "concise": render_concise,
    "full": render_full,
    "github": render_github,
    "gitlab": render_gitlab,
    "sarif": render_sarif,
}
# Formats that need rule metadata (docs) in Summary.rules.
NEEDS_RULES = frozenset({"sarif"})
