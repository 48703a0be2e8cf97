"""notelint parses blocks with its own port of markdown-it-py's block parser (and asks only the
rules that can open on a line): it must give exactly the tokens of markdown-it-py as shipped, on
the CommonMark spec, on real notes and on random lines, with the inline content that
markdown-it-py parses for it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from conftest import FIXTURES, REPO, run_notelint
from notelint.parser import parse_blocks, parse_inline

SPEC = json.loads((REPO / "tests" / "data" / "commonmark" / "commonmark.json").read_text())


def shipped_parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def shipped_block_parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable(["inline", "text_join"])


def tokens(parsed: list[Any]) -> list[dict[str, Any]]:
    return [token.as_dict() for token in parsed]


def texts() -> list[str]:
    found = [example["markdown"] for example in SPEC]
    for folder in (FIXTURES, REPO / "notes"):
        found += [path.read_text(encoding="utf-8") for path in sorted(folder.rglob("*.md"))]
    return found


def fully_parsed(text: str) -> list[Any]:
    """notelint's block tokens with every inline token's children parsed (Document.tokens)."""
    parsed, env = parse_blocks(text)
    for token in parsed:
        if token.type == "inline":
            parse_inline(token, env)
    return parsed


def test_notes_and_the_commonmark_spec_parse_as_markdown_it_py_parses_them() -> None:
    full, blocks = shipped_parser(), shipped_block_parser()
    for text in texts():
        assert tokens(parse_blocks(text)[0]) == tokens(blocks.parse(text, {})), text
        assert tokens(fully_parsed(text)) == tokens(full.parse(text)), text


def test_references_reach_the_inline_parse_normalised_as_markdown_it_py_does_it() -> None:
    text = "[a]: <https://bü.example/x y> 'T&amp;t'\n[B\n c]: javascript:x\n\n[a] and [b c] [B C]\n"
    assert tokens(fully_parsed(text)) == tokens(shipped_parser().parse(text))
    # (a javascript: destination makes no definition: its lines are a paragraph)
    first, last = [token for token in fully_parsed(text) if token.type == "inline"]
    assert first.content.startswith("[B")
    link = last.children[0]
    assert link.type == "link_open" and link.attrs["href"] == "https://xn--b-eha.example/x%20y"
    assert link.attrs["title"] == "T&t"
    assert [child.type for child in last.children].count("link_open") == 1


def test_checking_a_note_does_not_import_markdown_it_py(tmp_path: Path) -> None:
    """The block parse is notelint's own: a note whose rules need no inline tokens (none of its
    paragraphs is a line of emphasis) is checked without importing markdown-it-py."""
    note = tmp_path / "note.md"
    note.write_text((FIXTURES / "icml-2024.md").read_text(encoding="utf-8"), encoding="utf-8")
    script = (
        "import sys\nfrom notelint.cli import main\ncode = main(['check', '--no-cache', sys.argv[1]])\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] in ('markdown_it', 'mdurl')))\n"
    )
    import subprocess
    import sys

    # (-P, in the note's folder: from a source checkout, ``-c`` would import the checkout's notelint)
    checked = subprocess.run([sys.executable, "-P", "-c", script, str(note)], capture_output=True, text=True,
                             check=False, cwd=tmp_path)
    assert checked.stdout.splitlines()[-1] == "[]", checked.stdout + checked.stderr
    assert "NL" in checked.stdout  # (it did check: the seed has findings)


LINE = st.builds(
    lambda indent, marker, rest: indent + marker + rest,
    st.sampled_from(["", " ", "  ", "   ", "    ", "\t", " \t", "     "]),
    st.sampled_from(["", "- ", "-", "* ", "+ ", "1. ", "1.", "2) ", "12345678901. ", "> ", ">", "# ", "####### ",
                     "#", "###### ", "#\t", "[a]: /u", "[a]:", "<div>", "<!--", "```", "~~~", "``` math", "| a | b |",
                     "|---|---|", "| - |", "-|-", ":-", ":-:|-:", "---", "***", "_ _ _", "===", "- - -", "<a href='x'>", "</pre>"]),
    st.text(alphabet="ab -*_#>|:`~[]<>!\t1.\0", max_size=8),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINE, max_size=14), st.sampled_from(["", "\n", " ", "\n\n", "\r\n", "\r"]),
       st.sampled_from(["\n", "\n", "\r\n", "\r"]))
@example(["a", "|---|---|", "b"], "", "\n")
@example(["| abc | defghi |", ":-: | -----------:", "bar | baz"], "", "\n")
@example(["> - a", ">   |-|", "> b"], "\n", "\n")
@example(["- a\r", "\r\r\n  b\0", "Title", "==="], "\r", "\r\n")  # line breaks and NUL normalised
def test_random_lines_parse_as_markdown_it_py_parses_them(lines: list[str], end: str, line_break: str) -> None:
    text = line_break.join(lines) + end
    assert tokens(parse_blocks(text)[0]) == tokens(shipped_block_parser().parse(text, {}))
    assert tokens(fully_parsed(text)) == tokens(shipped_parser().parse(text))


# Lists as notes hold them, and the lines that end, continue or break their items: nested
# markers, indentation around the item's content column, empty lines, lazy lines, setext
# underlines, blocks that interrupt a paragraph, blockquotes around or inside items.
LIST_LINE = st.builds(
    lambda indent, marker, rest: indent + marker + rest,
    st.sampled_from(["", "", " ", "  ", "  ", "   ", "    ", "     ", "      ", "\t", "  \t", "> ", ">  "]),
    st.sampled_from(["- ", "- ", "-  ", "-     ", "-\t", "-", "* ", "+ ", "1. ", "2. ", "1) ", "10. ", "> ", "- > ",
                     "- - ", "1. - ", "", "", "", "# ", "```", "---", "===", "***", "<div>", "[^1]: ", "| a |"]),
    st.sampled_from(["", "text", "a b", "word $`x`$", "|-|", "-", "=", "```", "> q", "# h", "<!-- c -->",
                     "[a](b)", "  ", "\t", "*a*", "1. x", "- y", "_ _ _"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(LIST_LINE, max_size=16), st.sampled_from(["", "\n", "\n\n"]))
@example(["- a", "  ", "- b"], "\n")  # an empty line between items: a loose list
@example(["- a", "", "  b"], "\n")  # the item goes on after an empty line
@example(["- a", "b"], "")  # a lazy continuation line
@example(["- a", "  ---"], "\n")  # a setext heading in an item
@example(["> - a", "> - b", "c"], "\n")
@example(["- a", " - b", "  - c", "   - d", "    - e"], "\n")  # the last is a continuation
def test_random_lists_parse_as_markdown_it_py_parses_them(lines: list[str], end: str) -> None:
    text = "\n".join(lines) + end
    assert tokens(parse_blocks(text)[0]) == tokens(shipped_block_parser().parse(text, {})), text
    assert tokens(fully_parsed(text)) == tokens(shipped_parser().parse(text)), text


@pytest.mark.parametrize("text", ["> - <!--\n>", "# Notes\n\n> - <?php\n>"])
def test_a_note_ending_in_a_quote_line_without_a_line_break_is_parsed_and_checked(text: str, tmp_path: Path) -> None:
    """markdown-it-py 4.3 indexes past the end of such a source in some block rules (an
    IndexError; upstream issues 185, 204 and 415 fixed others): notelint parses it as if it ended
    in a line break, which gives its lines the same blocks, and checks it like any note."""
    assert tokens(parse_blocks(text)[0]) == tokens(parse_blocks(text + "\n")[0])
    note = tmp_path / "note.md"
    note.write_text(text)
    checked = run_notelint("check", "--no-cache", str(note), cwd=tmp_path)
    assert checked.returncode == 1 and "internal error" not in checked.stdout + checked.stderr
    assert "NL004" in checked.stdout  # (the missing final line break)
    fixed = run_notelint("check", "--no-cache", "--fix", str(note), cwd=tmp_path)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert note.read_text() == text + "\n"


def test_each_token_has_attributes_and_meta_of_its_own() -> None:
    """``attrs`` and ``meta`` are made when first asked for: a plugin that writes into one
    token's changes no other token's."""
    parsed = parse_blocks("- a\n- b\n\n3. c\n")[0]
    first, second = [token for token in parsed if token.type == "list_item_open"][:2]
    first.attrs["class"] = "done"
    first.meta["seen"] = True
    assert second.attrs == {} and second.meta == {}
    assert first.attrGet("class") == "done" and second.attrGet("class") is None
    second.attrSet("id", "x")
    assert first.attrItems() == [("class", "done")] and second.attrItems() == [("id", "x")]
    ordered = next(token for token in parsed if token.type == "ordered_list_open")
    assert ordered.attrs == {"start": 3}
    assert parsed[0].as_dict()["attrs"] is None and first.as_dict()["attrs"] == [["class", "done"]]
