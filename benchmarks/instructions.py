"""Instructions, not seconds: what notelint's parse and rules cost a note, counted by valgrind.

    python benchmarks/instructions.py [--notes 20]

This machine's speed drifts by 15-20% over minutes, more than most changes to the parse or the
rules make, so timing two versions can rank them either way. Callgrind counts the instructions a
process runs, the same on every run. Four processes run under it, each importing notelint and
checking one warm-up note first (so that loading the rules' data counts in none of the figures):
one that does nothing more, one that then parses N corpus notes with notelint's parser, one with
markdown-it-py's parser as shipped, and one that checks the N notes with the default rules as
``notelint.api.check_text`` does. The differences per note are printed. Needs valgrind; takes a
minute or two (a process runs about fifty times slower under it).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from speed import FIXTURES, build_corpus

CHILD = """
import sys
from notelint.api import check_text, default_ruleset
from markdown_it import MarkdownIt
from notelint.parser import parse_blocks

what, warm_up, names = sys.argv[1], sys.argv[2], sys.argv[3:]
ruleset = default_ruleset()
shipped = MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable(["inline", "text_join"])
for text in [open(warm_up, encoding="utf-8").read()]:
    check_text(text, ruleset=ruleset)
    shipped.parse(text, {})
texts = [open(name, encoding="utf-8").read() for name in names] if what != "start" else []
for text in texts:
    if what == "parse":
        parse_blocks(text)
    elif what == "shipped":
        shipped.parse(text, {})
    else:
        check_text(text, ruleset=ruleset)
"""


def instructions(what: str, warm_up: Path, notes: list[Path], cwd: Path) -> int:
    run = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-P", "-c", CHILD,
         what, str(warm_up), *map(str, notes)],
        cwd=cwd, capture_output=True, text=True, check=False,
    )
    found = re.search(r"Collected : (\d+)", run.stderr)
    if run.returncode != 0 or found is None:
        raise SystemExit(f"the {what} process failed under valgrind:\n{run.stderr[-2000:]}")
    return int(found.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=20)
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is not installed: nothing to count")
        return 2
    with tempfile.TemporaryDirectory() as temporary:
        corpus = Path(temporary)
        build_corpus(corpus, args.notes)
        notes = sorted(corpus.glob("*.md"))
        warm_up = FIXTURES / "icml-2024.md"
        counts = {what: instructions(what, warm_up, notes, corpus) for what in ("start", "parse", "shipped", "check")}
    per_note = {what: (count - counts["start"]) / args.notes / 1e6 for what, count in counts.items()}
    print(f"{args.notes} corpus notes, million instructions a note (valgrind --tool=callgrind):")
    print(f"  parse, notelint's parser            {per_note['parse']:7.2f}")
    print(f"  parse, markdown-it-py as shipped    {per_note['shipped']:7.2f}")
    print(f"  check (parse and every rule)        {per_note['check']:7.2f}")
    print(f"  of which the rules and the rest     {per_note['check'] - per_note['parse']:7.2f}")
    print(f"start with a warm-up note: {counts['start'] / 1e6:.0f} million")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
