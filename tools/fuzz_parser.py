"""Random notes parsed by notelint's block parser and by markdown-it-py: any difference is printed.

    python tools/fuzz_parser.py [--seconds 300] [--seed 1] [--lines-from FOLDER]

Each note is 1 to 16 lines made of an indentation, a block marker (list items, quotes, headings,
fences, tables, HTML blocks, reference definitions, thematic breaks, setext underlines) and a
few characters that matter to Markdown, or a line of a Markdown file under ``--lines-from``,
joined by LF, CRLF or CR. notelint's block tokens are compared with markdown-it-py's block parse
(``commonmark`` plus tables and strikethrough), then, with their inline children parsed, with
markdown-it-py's full parse. A note that markdown-it-py itself cannot parse (an IndexError of its
block rules, see notelint.parser) is skipped. Exits 1 when a note differs or crashes notelint.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt

from notelint.parser import parse_blocks, parse_inline

INDENTS = ["", " ", "  ", "   ", "    ", "\t", " \t", "     ", "> ", ">", "  > ", "- ", "1. "]
MARKERS = [
    "", "- ", "-", "* ", "+ ", "1. ", "1.", "2) ", "12345678901. ", "> ", ">", "# ", "####### ", "#", "#\t",
    "[a]: /u", "[a]:", "[a]: <b c>", "[a]: /u 'tit", "[b\\]]: x", "[a]: javascript:x", "[a]: data:image/png;x",
    "<div>", "<!--", "-->", "<?", "?>", "<![CDATA[", "]]>", "<script>", "</script>", "<a href='x'>", "</pre>",
    "```", "~~~", "``` math", "````", "| a | b |", "|---|---|", "| - |", "-|-", ":-", ":-:|-:", "a|b", "\\|",
    "---", "***", "_ _ _", "===", "- - -", "* * *", "  ", "\t", "'title'", "(t)", '"t"',
]
CHARACTERS = "ab -*_#>|:`~[]<>!\t1.\\\0&;()'\""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--lines-from", type=Path, help="also use lines of the Markdown files under this folder")
    args = parser.parse_args()
    chance = random.Random(args.seed)
    real: list[str] = []
    for path in sorted(args.lines_from.rglob("*.md")) if args.lines_from else []:
        real += path.read_text(encoding="utf-8", errors="replace").split("\n")[:200]
    blocks = MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable(["inline", "text_join"])
    full = MarkdownIt("commonmark").enable(["table", "strikethrough"])

    def line() -> str:
        if real and chance.random() < 0.25:
            return chance.choice(real)
        rest = "".join(chance.choice(CHARACTERS) for _ in range(chance.randint(0, 8)))
        return chance.choice(INDENTS) * chance.randint(0, 2) + chance.choice(MARKERS) + rest

    def fields(tokens: list[Any]) -> list[dict[str, Any]]:
        return [token.as_dict() for token in tokens]

    end = time.monotonic() + args.seconds
    count = differences = 0
    while time.monotonic() < end and differences < 20:
        lines = [line() for _ in range(chance.randint(1, 16))]
        text = chance.choice(["\n", "\n", "\r\n", "\r"]).join(lines) + chance.choice(["", "\n", " ", "\n\n"])
        count += 1
        try:
            ours, env = parse_blocks(text)
        except Exception as error:  # noqa: BLE001 (a crash is a finding of the fuzzer)
            differences += 1
            print(f"notelint crashed ({error!r}) on {text!r}")
            continue
        try:
            theirs = blocks.parse(text, {})
        except IndexError:
            continue
        if fields(ours) != fields(theirs):
            differences += 1
            print(f"block tokens differ on {text!r}")
            continue
        for token in ours:
            if token.type == "inline":
                parse_inline(token, env)
        if fields(ours) != fields(full.parse(text)):
            differences += 1
            print(f"tokens with inline children differ on {text!r}")
    print(f"seed {args.seed}: {count} notes, {differences} differences")
    return 1 if differences else 0


if __name__ == "__main__":
    raise SystemExit(main())
