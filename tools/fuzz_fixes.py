"""Look for notes whose fixes the verifier refuses: random notes, checked and fixed, fixed again.

Run: python tools/fuzz_fixes.py [--seconds 60] [--seed 1] [--lines-from DIR ...] [--out fails.jsonl]

Each note is made of lines of the repository's notes and fixtures (and of the Markdown files
under ``--lines-from``), with block markers, indentation and words the rules look at put in
front of them, and line breaks of one kind (LF mostly, CRLF or CR) or mixed. It is decoded as
the command line decodes a file, then checked, fixed with safe fixes, fixed with unsafe fixes
too, and each fixed text fixed again. A note is a problem when a rule crashes, the verifier
refuses a fix (an internal error: the command line would leave the file unchanged and say so),
or the second fix changes something. Problems are written to ``--out`` as JSON lines and shrunk (lines, then
characters, while the problem stays) to the smallest note that still shows one; those belong
in tests/test_safety.py as examples. Prints the number of notes tried and of problems found.

A random search, not a test: the test suite's random-notes tests run a fixed number of examples;
this runs as long as it is given (runs of a few minutes each found twelve kinds of refused fixes
in session 12, now examples in tests/test_safety.py).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

from notelint.api import check_text, default_ruleset
from notelint.document import decode
from notelint.ruleset import RuleSet

REPO = Path(__file__).resolve().parent.parent
MARKERS = ["", "- ", "* ", "+ ", "1. ", "2) ", "- - ", "> ", "> - ", ">> ", "# ", "## ", "### ", "[r]: /u ", "<div>",
           "</div>", "<!-- ", "-->", "```math", "``` math", "```", "~~~", "$$", "| ", "|---|---|", "| a | b |", "===",
           "---", "***", "    ", "\t", "<details>", "[^1]: ", "- [ ] ", "\\", "$`", "`$", "**", "__"]
INDENTS = ["", "", "", " ", "  ", "   ", "    ", "\t", "      "]
WORDS = ["notes", "Transofromer", "teh", "Montag Vormittag", "Talk: x", "$x$", "$`a`$", "`c`", "**b**", "x_1",
         "\\lightning", "\\begin{align}", "\\end{align}", "ß", "\xa0", "|", "#", "-", "*", ">"]
FRONT = ["title: Notes 2024", "tags: [a, b]", "tags: conference", "date: 2024", "date: 2024-07-22", "x: [1", "# c",
         "title: 'a # b'", "date: 22.07.2024", "tags:", "  - a", "speaker: &a x", "links: *a", "title: ICML 2024  # c"]
DAYS = ["Montag", "Dienstag", "Freitag", "Sonntag", "Monday", "Friday", "montag", "Mo"]
DAY_PARTS = ["", " Vormittag", " Nachmittag", " morning", " 22.07.", " (2024-07-22)", ", 22. Juli", " 23.07.2024"]
MATH = ["$x^2$", "$`\\mathcal{O}(n^2)`$", "$$x$$", "\\(a\\)", "\\[b\\]", "$ x $", "$\\lightning$", "$$\n\\begin{align}a&=b\\end{align}\n$$",
        "```math\nx = 1\n```", "``` math\n<!-- -->\nx\n```", "```math\n\nx  \n```", "\\begin{equation}E=mc^2\\end{equation}", "$a$b$"]


def source_lines(folders: list[Path]) -> list[str]:
    files = sorted((REPO / "tests" / "fixtures").glob("*.md")) + sorted((REPO / "notes").glob("*.md"))
    for folder in folders:
        files += sorted(folder.rglob("*.md"))
    lines = [line for path in files for line in path.read_text(encoding="utf-8", errors="replace").split("\n")]
    return [line for line in lines if len(line) < 120]


def random_note(rng: random.Random, lines: list[str]) -> str:
    made: list[str] = []
    if rng.random() < 0.4:
        made += ["---", *rng.sample(FRONT, rng.randint(0, 3))] + (["---"] if rng.random() < 0.9 else [])
    for _ in range(rng.randint(1, 18)):
        kind = rng.random()
        if kind < 0.35:
            line = rng.choice(INDENTS) + rng.choice(MARKERS) + rng.choice(lines)[: rng.randint(0, 60)]
        elif kind < 0.45:  # day headings and talks (the days and headings families)
            line = rng.choice(["# ", "## ", "### ", "#", "", "**"]) + rng.choice(DAYS) + rng.choice(DAY_PARTS)
        elif kind < 0.55:  # formulas in GitLab's and other dialects (the math family)
            line = rng.choice(["", "- ", "  - ", "1. ", "> "]) + rng.choice(MATH)
        elif kind < 0.7:
            words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 5)))
            line = rng.choice(INDENTS) + rng.choice(MARKERS) + words
        elif kind < 0.85:
            line = ""
        else:
            line = rng.choice(lines)
        made.append(line)
    line_break = rng.choice(["\n"] * 5 + ["\r\n", "\r", "mixed"])
    if line_break == "mixed":  # (a note edited on several systems)
        breaks = [rng.choice(["\n", "\n", "\r\n", "\r"]) for _ in made]
        text = "".join(line + end for line, end in zip(made, breaks))
    else:
        text = line_break.join(made) + rng.choice(["", line_break, line_break * 2, " ", "\t"])
    return decode(text.encode("utf-8", "surrogatepass"))[0]  # as the command line reads a file


def problems(text: str, rules: RuleSet) -> list[str]:
    """What goes wrong with a note: crashes, refused fixes, fixes that a second run changes."""
    try:
        found = list(check_text(text, ruleset=rules).errors)
        for unsafe in (False, True):
            once = check_text(text, fix=True, unsafe_fixes=unsafe, ruleset=rules)
            found += once.errors
            twice = check_text(once.text, fix=True, unsafe_fixes=unsafe, ruleset=rules)
            if twice.text != once.text:
                found.append(f"a second fix (unsafe fixes: {unsafe}) changed the text again")
    except Exception as error:  # a crash is a problem to report, not a reason to stop
        found = [f"crash: {type(error).__name__}: {error}"]
    return found


def _without_a_line(lines: list[str]) -> Iterator[list[str]]:
    for number in range(len(lines)):
        yield lines[:number] + lines[number + 1:]


def _without_a_character(lines: list[str]) -> Iterator[list[str]]:
    for number, line in enumerate(lines):
        for position in range(len(line)):
            yield lines[:number] + [line[:position] + line[position + 1:]] + lines[number + 1:]


def shrink(text: str, rules: RuleSet) -> str:
    """The smallest note (dropping lines, then characters) that still has a problem."""
    lines = text.split("\n")
    for smaller_ones in (_without_a_line, _without_a_character):
        while True:
            smaller = next((each for each in smaller_ones(lines) if problems("\n".join(each), rules)), None)
            if smaller is None:
                break
            lines = smaller
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--lines-from", type=Path, action="append", default=[])
    parser.add_argument("--out", type=Path, default=Path("fuzz-fixes.jsonl"))
    arguments = parser.parse_args()
    warnings.filterwarnings("ignore", module=r"ruamel\.yaml")  # (as the command does: findings say it)
    rng = random.Random(arguments.seed)
    rules = default_ruleset(["ALL"])
    lines = source_lines(arguments.lines_from)
    deadline = time.monotonic() + arguments.seconds
    tried = found = 0
    with arguments.out.open("w", encoding="utf-8") as out:
        while time.monotonic() < deadline:
            text = random_note(rng, lines)
            tried += 1
            errors = problems(text, rules)
            if errors:
                found += 1
                smallest = shrink(text, rules)
                out.write(json.dumps({"note": text, "smallest": smallest, "problems": problems(smallest, rules)}) + "\n")
                print(f"{repr(smallest)}: {problems(smallest, rules)[0]}", flush=True)
    print(f"{tried} notes, {found} with problems (written to {arguments.out})")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
