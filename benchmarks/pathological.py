"""Notes made to be slow: is any part of notelint quadratic in a note's size?

Issue 8 asks that no rule be quadratic (a 5 MB note must take seconds, not minutes). Each case
below repeats one construction (unclosed ``<!--`` and ``[^``, thousands of empty headings, one
paragraph of formulas, a run of letters as long as the note, braces nested a hundred thousand
deep...) to a note of ``--size`` characters and of half that, and checks both with the real
command line (``notelint check --no-cache --select ALL``). Printed per case: both times and
their ratio (about 2 for work that grows with the note, about 4 for work that grows with its
square) and what went wrong, if anything: an internal error, a time-out, a crash. Exits 1 when
a case fails, takes longer than ``--limit`` seconds at full size, or grows faster than
``--ratio``::

    python benchmarks/pathological.py --size 500000
    python benchmarks/pathological.py --size 5000000 --only empty-headings
    python benchmarks/pathological.py --size 500000 --fix

With ``--fix`` the notes are fixed (``--fix --unsafe-fixes``) instead of checked: every pass
chooses, applies and verifies thousands of fixes (choosing them took the square of their number).

Run it with the interpreter of the notelint to measure (a non-editable install measures what
users run).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda size: unit * max(1, size // len(unit))


def _nested_lists(size: int) -> str:
    return "".join("  " * (number % 60) + "- item\n" for number in range(size // 67))


def _days(size: int) -> str:
    return "".join(f"# Montag Vormittag\n## Talk: t{number}\n### x\ntext\n" for number in range(size // 45))


CASES: dict[str, Callable[[int], str]] = {
    "empty-headings": _repeat("## Talk: x\n"),
    "setext-headings": _repeat("text\n---\n"),
    "glued-paragraphs": _repeat("- a\ntext\n"),
    "emphasis-lines": _repeat("*a*\n\nb\n\n"),
    "days": _days,
    "nested-lists": _nested_lists,
    "one-paragraph-of-formulas": _repeat("text $x_1$ and $ y\n"),
    "one-line-of-dollars": _repeat("$a$ b $ c $$ d "),
    "unclosed-dollars": _repeat("$a "),
    "unclosed-comments": _repeat("<a <b </c <!-- "),
    "unclosed-footnotes": _repeat("[^a "),
    "unclosed-destinations": _repeat("[a](b (c "),
    "unclosed-brackets": _repeat("["),
    "backticks": _repeat("`a ``b ```c "),
    "one-long-word": _repeat("acgt"),
    "one-long-line": _repeat("word "),
    "deep-braces": lambda size: "$`" + "{" * (size // 2) + "`$\n",
    "deep-left": _repeat("\\left( a "),
    "table-rows": lambda size: "| a | b |\n|---|---|\n" + "| x | y |\n" * (size // 10),
    "quotes": lambda size: "".join("> " * (number % 40) + "text\n" for number in range(size // 45)),
    "front-matter-keys": lambda size: "---\n" + "".join(f"key{n}: value\n" for n in range(size // 14)) + "---\n",
    "trailing-spaces": _repeat("text   \n"),
    "mixed-list-markers": _repeat("- a\n* b\n+ c\n1) d\n"),
    "doubled-markers": _repeat("- - a\n"),
    "relevelled-subtree": lambda size: "# a\n### b\n" + "#### c\n" * (size // 7),
    "math-blocks": _repeat("```math\n\\frac{a}{b} \\lightning\n```\n\n$$\nx\n\n$$\n"),
    "bare-environments": _repeat("\\begin{align}\nx\n\\end{align}\n"),
    "suppressions": _repeat("<!-- notelint-disable-next-line NL501 -->\nteh word\n"),
    "reference-definitions": _repeat("[a]: http://x\n"),
    "typos": _repeat("teh exaustive Transofromer accross "),
    "wide-table": lambda size: "|" + " a |" * (size // 8) + "\n|" + "---|" * (size // 8) + "\n",
    "front-matter-tags": lambda size: "---\ntags:\n" + "  - a\n" * (size // 6) + "---\n",
    "german-days": _repeat("# Montag Vormittag\n# Dienstag\n# Montag\n"),
    "talks-at-day-level": lambda size: "# Montag\n" + "# Talk: x\n" * (size // 10),
}


def run(notelint: list[str], note: Path, limit: float) -> tuple[float, str]:
    """Seconds to check ``note`` and what went wrong ("" when nothing)."""
    start = time.perf_counter()
    try:
        # (run in the note's folder: in a source checkout, ``python -m notelint`` would import the
        # checkout's notelint, without its rules)
        result = subprocess.run([*notelint, str(note)], capture_output=True, text=True, timeout=limit * 4,
                                check=False, cwd=note.parent)
    except subprocess.TimeoutExpired:
        return time.perf_counter() - start, f"timed out after {limit * 4:.0f} s"
    seconds = time.perf_counter() - start
    if result.returncode not in (0, 1) or "Traceback" in result.stderr:  # (an uncaught error exits 1 too)
        first = (result.stderr.strip() or result.stdout.strip()).splitlines()
        return seconds, f"exit {result.returncode}: {first[0][:100] if first else ''}"
    return seconds, ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=500_000, help="characters of the larger note")
    parser.add_argument("--limit", type=float, default=10.0, help="seconds allowed at full size")
    parser.add_argument("--ratio", type=float, default=3.0, help="largest growth allowed for twice the size")
    parser.add_argument("--only", action="append", choices=sorted(CASES), help="run only these cases")
    parser.add_argument("--fix", action="store_true", help="fix the notes (safe and unsafe fixes)")
    args = parser.parse_args()
    notelint = [sys.executable, "-m", "notelint", "check", "--no-cache", "--select", "ALL"]
    if args.fix:
        notelint += ["--fix", "--unsafe-fixes"]
    failed = 0
    print(f"{'case':28} {'half':>8} {'full':>8} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        for name in args.only or CASES:
            times = []
            problem = ""
            for size in (args.size // 2, args.size):
                note = folder / f"{name}.md"
                note.write_text(CASES[name](size), encoding="utf-8")
                seconds, problem = run(notelint, note, args.limit)
                times.append(seconds)
                if problem:
                    break
            ratio = times[1] / times[0] if len(times) == 2 and times[0] > 0 else float("nan")
            if not problem and times[-1] > args.limit:
                problem = f"slower than {args.limit:.0f} s"
            # (below a second, start-up dominates and the ratio says little)
            if not problem and times[-1] > 1.0 and ratio > args.ratio:
                problem = f"grows faster than the note ({ratio:.1f}x for twice the size)"
            failed += bool(problem)
            half = f"{times[0]:8.2f}"
            full = f"{times[1]:8.2f}" if len(times) == 2 else f"{'-':>8}"
            print(f"{name:28} {half} {full} {ratio:6.1f}  {problem}")
    print(f"{failed} of {len(args.only or CASES)} cases failed" if failed else "no case failed")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
