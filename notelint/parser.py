"""How notelint parses a note: CommonMark plus tables and strikethrough, as markdown-it-py does.

The block structure is parsed by notelint's port of markdown-it-py 4's block parser (its rules
in notelint.block_rules, notelint.list_blocks, notelint.paragraphs and notelint.atx_headings; its
state and tokens in notelint.block_state), so that checking a note does not import markdown-it-py
(about 40 ms, a quarter of a one-note run). The inline content of a block (emphasis, links, code
spans as tokens) is parsed by markdown-it-py itself, and only for the blocks whose children
somebody asks for: most rules read the block tokens and the raw text. tests/test_parser.py
compares every token with markdown-it-py's own parse, on the CommonMark spec, on the notes and
on random lines.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, TypeVar

from notelint.atx_headings import atx_heading
from notelint.block_rules import blockquote, code, fence, hr, html_block, reference, table
from notelint.block_state import MAX_NESTING, BlockState, Token
from notelint.list_blocks import note_list
from notelint.paragraphs import INDENTED_CODE, open_block, paragraph, setext_heading_or_paragraph

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token as InlineToken

    from notelint.paragraphs import BlockRule, Chains, RuleChoice

Parsed = TypeVar("Parsed")

# markdown-it's block rules in its order: name, rule, the characters a line must open with for
# the rule to open a block there (after its indentation; None: any), and the chains that ask the
# rule whether a block ends the one they are in ("paragraph", "reference", "blockquote", "list").
_RULES: tuple[tuple[str, BlockRule, str | None, tuple[str, ...]], ...] = (
    ("table", table, None, ("paragraph", "reference")),
    (INDENTED_CODE, code, None, ()),
    ("fence", fence, "`~", ("paragraph", "reference", "blockquote", "list")),
    ("blockquote", blockquote, ">", ("paragraph", "reference", "blockquote", "list")),
    ("hr", hr, "*-_", ("paragraph", "reference", "blockquote", "list")),
    ("list", note_list, "*-+0123456789", ("paragraph", "reference", "blockquote")),
    ("reference", reference, "[", ()),
    ("html_block", html_block, "<", ("paragraph", "reference", "blockquote")),
    ("heading", atx_heading, "#", ("paragraph", "reference", "blockquote")),
    # (markdown-it's lheading, and its paragraph when no underline follows: one walk for both)
    ("lheading", setext_heading_or_paragraph, None, ()),
    ("paragraph", paragraph, None, ()),
)


class BlockParser:
    """The rule chains of the block parser and its tokenizer; rules reach it as ``state.parser``
    (as markdown-it's reach ``state.md.block``).

    A chain is looked up by a line's first character: markdown-it tries every rule of a chain
    at the start of every line, and for every line of a paragraph again (can this line end the
    paragraph?); a rule that cannot open with that character would answer False, so it is not
    asked (tests/test_parser.py compares the tokens with markdown-it-py's own)."""

    main_chains: Chains
    paragraph_chains: Chains
    list_chains: Chains
    blockquote_chains: Chains
    reference_chains: Chains
    # the characters some rule other than table, code and paragraph can open a block with
    opening_characters: frozenset[str]

    def __init__(self) -> None:
        self.main_chains = _by_first_character(_RULES)
        self.paragraph_chains = _by_first_character(_chain("paragraph"))
        self.list_chains = _by_first_character(_chain("list"))
        self.blockquote_chains = _by_first_character(_chain("blockquote"))
        self.reference_chains = _by_first_character(_chain("reference"))
        self.opening_characters = frozenset("".join(characters for _, _, characters, _ in _RULES if characters))

    def parse(self, source: str) -> tuple[list[Token], dict[str, Any]]:
        tokens: list[Token] = []
        env: dict[str, Any] = {}
        if source:
            state = BlockState(source, env, tokens, self)
            self.tokenize(state, state.line, state.lineMax)
        return tokens, env

    def tokenize(self, state: BlockState, start_line: int, end_line: int) -> None:
        """markdown-it's ``ParserBlock.tokenize``: the blocks from ``start_line`` to ``end_line``."""
        main_chains = self.main_chains
        line = start_line
        has_empty_lines = False
        while line < end_line:
            state.line = line = state.skipEmptyLines(line)
            if line >= end_line:
                break
            if state.sCount[line] < state.blkIndent:
                break  # (the end of a nested block: a quote's or a list item's)
            if state.level >= MAX_NESTING:
                state.line = end_line  # too deeply nested: the rest is skipped
                break
            if not open_block(main_chains, state, line, end_line, False):
                raise RuntimeError("none of the block rules matched")
            if state.line <= line:
                raise RuntimeError("block rule didn't increment state.line")
            # tight, unless an empty line came before this block (the last one does not count)
            state.tight = not has_empty_lines
            line = state.line
            # a paragraph might take an empty line after it in nested lists
            if line - 1 < end_line and state.isEmpty(line - 1):
                has_empty_lines = True
            if line < end_line and state.isEmpty(line):
                has_empty_lines = True
                line += 1
                state.line = line


def _chain(name: str) -> tuple[tuple[str, BlockRule, str | None, tuple[str, ...]], ...]:
    return tuple(entry for entry in _RULES if name in entry[3])


def _by_first_character(rules: tuple[tuple[str, BlockRule, str | None, tuple[str, ...]], ...]) -> Chains:
    """The rules of a chain that can open with a line's first character, in the chain's order,
    by that character; and the rules for any other character. Each list comes with a copy
    without the indented code rule, asked only when the line is not indented enough for it
    (notelint.paragraphs.open_block)."""

    def choice(kept: list[tuple[str, BlockRule]]) -> RuleChoice:
        every = [rule for _, rule in kept]
        plain = [rule for name, rule in kept if name != INDENTED_CODE]
        return (every, plain) if len(plain) < len(every) else (every, every)

    table: dict[str, RuleChoice] = {}
    for character in {character for _, _, characters, _ in rules for character in characters or ""}:
        table[character] = choice([(name, rule) for name, rule, characters, _ in rules
                                   if characters is None or character in characters])
    return table, choice([(name, rule) for name, rule, characters, _ in rules if characters is None])


@cache
def block_parser() -> BlockParser:
    return BlockParser()


def _normalized(source: str) -> str:
    """markdown-it's core rule ``normalize``: line breaks to ``\\n``, NUL to U+FFFD."""
    if "\r" in source:
        source = source.replace("\r\n", "\n").replace("\r", "\n")
    if "\0" in source:
        source = source.replace("\0", "\ufffd")
    return source


def parse_blocks(source: str) -> tuple[list[Token], dict[str, Any]]:
    """The block tokens of ``source`` with the children of their ``inline`` tokens not parsed
    yet, and the environment (link reference definitions) that :func:`parse_inline` needs."""
    return _with_line_break_on_index_error(block_parser().parse, _normalized(source))


def _with_line_break_on_index_error(parse: Callable[[str], Parsed], source: str) -> Parsed:
    """``parse(source)``. markdown-it-py's block rules index past the end of a source whose last
    line has no line break and ends a quote or a list in a quote (``> - <!--`` then ``>``: an
    IndexError; upstream issues 185, 204, 415): such a source is parsed with a line break added,
    which gives its lines the same blocks (the ported rules follow markdown-it-py's)."""
    try:
        return parse(source)
    except IndexError:
        if source.endswith("\n"):
            raise
        return parse(source + "\n")


# -- markdown-it-py: inline content, whole parses, rendering -----------------------------------------

_INLINE_ENVIRONMENT = "markdown-it"


@cache
def markdown_parser() -> MarkdownIt:
    """markdown-it-py as notelint parses with it: CommonMark plus tables and strikethrough."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def parse_inline(token: Token, env: dict[str, Any]) -> None:
    """Parse the children of one ``inline`` token of :func:`parse_blocks` as markdown-it-py's
    full parse does (its core rules ``inline`` and ``text_join``, which work token by token:
    ``text_join`` is given a core state of this one token; it reads nothing else). ``env``: the
    one :func:`parse_blocks` gave with the token; the destinations of its definitions are
    normalised on first use, as markdown-it's reference rule does."""
    from markdown_it.rules_core import text_join

    parser = markdown_parser()
    inline_env = env.get(_INLINE_ENVIRONMENT)
    if inline_env is None:
        references = {
            label: {**definition, "href": parser.normalizeLink(definition["href"])}
            for label, definition in env.get("references", {}).items()
        }
        inline_env = env[_INLINE_ENVIRONMENT] = {"references": references} if references else {}
    children: list[InlineToken] = []
    parser.inline.parse(token.content, parser, inline_env, children)
    token.children = children
    text_join(SimpleNamespace(tokens=[token]))  # type: ignore[arg-type]


def parse(source: str) -> list[InlineToken]:
    """markdown-it-py's own full parse of ``source`` (for the safety checks that compare code
    before and after fixing)."""
    return _with_line_break_on_index_error(markdown_parser().parse, source)


def code_contents(source: str) -> list[tuple[str, str]]:
    """Every code block and code span of ``source`` as markdown-it-py sees it (kind, content):
    what the safety tests and benchmarks compare before and after fixing."""
    found: list[tuple[str, str]] = []
    for token in parse(source):
        if token.type in ("fence", "code_block"):
            found.append((token.type, token.content))
        for child in token.children or ():
            if child.type == "code_inline":
                found.append(("code_inline", child.content))
    return found


def render(source: str) -> str:
    """Render to HTML with markdown-it-py: for tests that prove a fix keeps the rendering."""
    return markdown_parser().render(source)

