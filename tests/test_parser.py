"""notelint's parser skips block rules that cannot open on a line: it must give exactly the tokens
of markdown-it-py as shipped, on the CommonMark spec, on real notes and on random lines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
import markdown_it
from markdown_it import MarkdownIt

from conftest import FIXTURES, REPO, run_notelint
from notelint.parser import _block_parser, _block_state_class, markdown_parser, parse_blocks, render

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


def test_the_rules_are_skipped_only_where_they_cannot_open() -> None:
    # the parser does use the skipping versions (else this test would compare a parser with itself)
    names = {rule.name: getattr(rule.fn, "__name__", "") for rule in _block_parser().block.ruler.__rules__}
    assert names["list"] == "when_it_can_open" and names["hr"] == "when_two_markers_open"
    if int(markdown_it.__version__.split(".")[0]) >= 4:  # and the list rule with its shortcut for one-line items
        list_guard = {rule.name: rule.fn for rule in _block_parser().block.ruler.__rules__}["list"]
        assert "note_list" in [getattr(cell.cell_contents, "__name__", "") for cell in list_guard.__closure__ or ()]
    assert names["paragraph"] == "paragraph" and names["table"] == "table"
    if int(markdown_it.__version__.split(".")[0]) >= 4:  # and its own ATX heading rule
        heading_guard = {rule.name: rule.fn for rule in _block_parser().block.ruler.__rules__}["heading"]
        assert "atx_heading" in [getattr(cell.cell_contents, "__name__", "") for cell in heading_guard.__closure__ or ()]
    if int(markdown_it.__version__.split(".")[0]) >= 4:  # (markdown-it-py 3 keeps its two rules)
        assert names["lheading"] == "setext_heading_or_paragraph"  # one scan for both
    # and first of all the rule that asks only the rules that can open with the line's first character
    first = _block_parser().block.ruler.__rules__[0]
    assert first.name == "first_character" and first.fn.func.__name__ == "open_block"
    # and its faster block state, whose tokens must equal the ones markdown-it's own push makes
    assert _block_state_class().__name__ == "NoteBlockState"
    assert type(_block_parser().options).__name__ == "DictOptions"  # with its options read fast
    full, blocks = shipped_parser(), shipped_block_parser()
    for text in texts():
        assert tokens(markdown_parser().parse(text)) == tokens(full.parse(text)), text
        assert tokens(parse_blocks(text)[0]) == tokens(blocks.parse(text, {})), text
        assert render(text) == full.render(text), text


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
    assert tokens(markdown_parser().parse(text)) == tokens(shipped_parser().parse(text))
    assert tokens(parse_blocks(text)[0]) == tokens(shipped_block_parser().parse(text, {}))


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
    assert tokens(markdown_parser().parse(text)) == tokens(shipped_parser().parse(text)), text


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
