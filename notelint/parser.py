"""The one Markdown parser notelint uses: markdown-it-py, CommonMark plus tables and strikethrough.

The block structure of a note is parsed at once; the inline content of a block (emphasis, links,
code spans as tokens) is parsed only for the blocks whose children somebody asks for: most rules
read the block tokens and the raw text, and the inline pass is about a third of the parse.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, partial
from itertools import accumulate, repeat
from operator import add, sub
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.ruler import Ruler
    from markdown_it.rules_block import StateBlock
    from markdown_it.rules_core import StateCore
    from markdown_it.token import Token

    from notelint.paragraphs import BlockRule, Chains, RuleChoice

# The characters a line can open each block with, after its indentation: markdown-it tries every
# block rule at the start of every line, and for every line of a paragraph again (can this line
# end the paragraph?). A rule whose block cannot open with the line's first character would
# answer False: it is not asked, and the tokens are the same (tests/test_parser.py compares them
# with markdown-it-py's own). Thematic breaks get a closer test (below). The other rules (table,
# code, lheading, paragraph) are not guarded: a guard cost as much as it saved (callgrind).
# Where notelint walks a chain itself (the main chain, through the rule ``first_character`` put
# first; a paragraph's terminators, in notelint.paragraphs), it looks the line's first character
# up once and asks only the rules that can open with it; elsewhere (a list's or a blockquote's
# terminators) each guarded rule tests the character itself.
_OPENING_CHARACTERS = {
    "fence": "`~",
    "blockquote": ">",
    "list": "*-+0123456789",
    "reference": "[",
    "html_block": "<",
    "heading": "#",
}

_THEMATIC_BREAK_MARKERS = frozenset("*-_")


@cache
def markdown_parser() -> MarkdownIt:
    """Build the parser once per process (markdown-it-py instances are reusable and stateless)."""
    from markdown_it import MarkdownIt

    return _tuned(MarkdownIt("commonmark").enable(["table", "strikethrough"]))


@cache
def _block_parser() -> MarkdownIt:
    """The same parser without the core rules that parse and join inline content."""
    from markdown_it import MarkdownIt

    return _tuned(MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable(["inline", "text_join"]))


def _tuned(parser: MarkdownIt) -> MarkdownIt:
    """``parser`` making the same tokens with less work: its block rules asked less often, its
    options read from their dictionary, its core rules ``normalize`` and ``block`` replaced by
    cheaper equals (the latter with a block state whose ``push`` is faster)."""
    _fewer_rule_calls(parser)
    _read_options_fast(parser)
    parser.core.ruler.at("normalize", _normalize)
    state_class = _block_state_class()

    def block(state: StateCore) -> None:  # markdown-it's core rule ``block``, with that state class
        if state.src:
            block_state = state_class(state.src, state.md, state.env, state.tokens)
            state.md.block.tokenize(block_state, block_state.line, block_state.lineMax)

    parser.core.ruler.at("block", block)
    return parser


def _normalize(state: StateCore) -> None:
    """markdown-it's core rule ``normalize`` (line breaks to ``\\n``, NUL to U+FFFD), without
    its regular expression's pass over a note that holds neither a carriage return nor a NUL."""
    source = state.src
    if "\r" in source:
        source = source.replace("\r\n", "\n").replace("\r", "\n")
    if "\0" in source:
        source = source.replace("\0", "\ufffd")
    state.src = source


# The fields of markdown-it-py's Token (3.0 to 4.x), in order; another version falls back to its own push.
_TOKEN_FIELDS = ("type", "tag", "nesting", "attrs", "map", "level", "children", "content", "markup", "info",
                 "meta", "block", "hidden")


@cache
def _block_state_class() -> type[StateBlock]:
    """markdown-it's block state with a faster ``push``: a note has about a thousand block
    tokens, and the dataclass constructor (with its ``__post_init__``) costs twice as much as
    setting the same fields on a bare instance. The tokens are equal (tests/test_parser.py)."""
    from dataclasses import fields

    from markdown_it.rules_block import StateBlock
    from markdown_it.token import Token

    if tuple(field.name for field in fields(Token)) != _TOKEN_FIELDS:
        return StateBlock
    new_token = Token.__new__

    class NoteBlockState(StateBlock):
        def __init__(self, src: str, md: MarkdownIt, env: dict[str, Any], tokens: list[Token]) -> None:
            StateBlock.__init__(self, "", md, env, tokens)  # every field as markdown-it sets it
            self.src = src
            self.bMarks, self.eMarks, self.tShift, self.sCount = _line_marks(src)
            self.bsCount = [0] * len(self.bMarks)
            self.lineMax = len(self.bMarks) - 1

        def push(self, ttype: str, tag: str, nesting: Literal[-1, 0, 1]) -> Token:
            token = new_token(Token)
            token.type = ttype
            token.tag = tag
            token.nesting = nesting
            token.attrs = {}
            token.map = None
            token.children = None
            token.content = token.markup = token.info = ""
            token.meta = {}
            token.block = True
            token.hidden = False
            if nesting < 0:
                self.level -= 1  # closing tag
            token.level = self.level
            if nesting > 0:
                self.level += 1  # opening tag
            self.tokens.append(token)
            return token

    return NoteBlockState


def _line_marks(source: str) -> tuple[list[int], list[int], list[int], list[int]]:
    """The line markers markdown-it's block state computes line by line in Python (where each
    line begins and ends, how many spaces and tabs open it, and their width with tabs expanded
    to stops of four), from one split of the source and C-speed passes over its lines. A final
    line of only spaces and tabs without a line break gets no marker; an entry for a line past
    the last ends each list, as in markdown-it."""
    lines = source.split("\n")
    if not lines[-1].lstrip(" \t"):  # (the empty text after a final line break, too)
        lines.pop()
    lengths = list(map(len, lines))
    begins = [0, *accumulate(map(_PLUS_ONE, lengths))]
    begins[-1] = len(source)  # (the entry past the last line)
    ends = [*map(add, begins, lengths), len(source)]
    indents = [*map(sub, lengths, map(len, map(str.lstrip, lines, repeat(" \t")))), 0]
    if "\t" not in source:
        return begins, ends, indents, indents.copy()
    widths = indents.copy()
    for number, indent in enumerate(indents):
        if indent and "\t" in (opening := lines[number][:indent]):
            width = 0
            for character in opening:
                width += 4 - width % 4 if character == "\t" else 1
            widths[number] = width
    return begins, ends, indents, widths


_PLUS_ONE = (1).__add__


def _read_options_fast(parser: MarkdownIt) -> None:
    """markdown-it-py 4.3's block rules ask ``options.get(...)`` for keys the commonmark preset
    does not set (``tasklists`` on every list item, ``alerts``, ``inline_definitions``), and the
    options mapping answers a missing key by raising and catching a KeyError (a few percent of
    the parse). The same options, looked up in their dictionary."""
    from markdown_it.utils import OptionsDict

    options = parser.options
    if not isinstance(getattr(options, "_options", None), dict):
        return  # a version of markdown-it-py that keeps its options otherwise: leave them alone

    class DictOptions(OptionsDict):
        def get(self, key: str, default: Any = None) -> Any:
            return self._options.get(key, default)

    parser.options = DictOptions(options._options)


def _fewer_rule_calls(parser: MarkdownIt) -> None:
    """The same block rules, asked less often: guards on the rules that can open only with some
    characters, one walk for a paragraph or a setext heading (notelint.paragraphs), and a rule
    first in the main chain that asks only the rules that can open with the line's first
    character. The tokens are markdown-it's (tests/test_parser.py)."""
    from notelint.atx_headings import atx_heading_rule
    from notelint.list_blocks import list_rule
    from notelint.paragraphs import one_scan_rule, open_block

    ruler = parser.block.ruler
    openers: dict[str, tuple[frozenset[str], BlockRule]] = {}  # guarded rule -> its characters, itself
    for rule in list(ruler.__rules__):
        if rule.name == "hr":
            guarded = _thematic_break_with_two_markers(rule.fn)
            openers[rule.name] = (_THEMATIC_BREAK_MARKERS, guarded)  # (the guard tests more than one)
            ruler.at(rule.name, guarded, {"alt": list(rule.alt)})
        elif rule.name in _OPENING_CHARACTERS:
            characters = frozenset(_OPENING_CHARACTERS[rule.name])
            function = rule.fn
            if rule.name == "heading":
                function = atx_heading_rule(function) or function
            openers[rule.name] = (characters, function)
            ruler.at(rule.name, _opening_with(characters, function), {"alt": list(rule.alt)})
    by_name = {rule.name: rule for rule in ruler.__rules__}
    # the paragraph's terminators, filled in once the list rule that is one of them is chosen
    paragraph_terminators: Chains = ({}, ([], []))
    trim = None
    if "lheading" in by_name and "paragraph" in by_name:
        merged = one_scan_rule(by_name["lheading"].fn, by_name["paragraph"].fn, paragraph_terminators)
        if merged is not None:
            ruler.at("lheading", merged, {"alt": list(by_name["lheading"].alt)})
            trim = by_name["paragraph"].fn.__globals__.get("mdTrim")
    if "list" in openers and not parser.options.get("tasklists"):
        # a line can open text only when the rules that do not need a character are these
        characterless = [rule.name for rule in ruler.__rules__ if rule.enabled and rule.name not in openers]
        opening = frozenset().union(*(characters for characters, _ in openers.values()))
        items = list_rule(openers["list"][1], trim,
                          opening if characterless == ["table", "code", "lheading", "paragraph"] else None,
                          paragraph_terminators, _by_first_character(ruler, "list", openers))
        if items is not None:
            openers["list"] = (openers["list"][0], items)
            ruler.at("list", _opening_with(openers["list"][0], items), {"alt": list(by_name["list"].alt)})
    by_character, (every, plain) = _by_first_character(ruler, "paragraph", openers)
    paragraph_terminators[0].update(by_character)
    paragraph_terminators[1][0].extend(every)
    paragraph_terminators[1][1].extend(plain)
    # (a partial object: markdown-it calls it as a rule, without a frame of Python between)
    first_character = partial(open_block, _by_first_character(ruler, "", openers))
    ruler.before(ruler.__rules__[0].name, "first_character", first_character)


def _by_first_character(
    ruler: Ruler[BlockRule], chain: str, openers: dict[str, tuple[frozenset[str], BlockRule]]
) -> Chains:
    """The rules of a chain that can open with a line's first character, in the chain's order:
    a guarded rule only for its characters (and then unguarded), every other rule always; and
    the rules for any other character. Asking the guards one by one cost a tenth of the parse.
    Each list comes with a copy without the code rule, asked only when the line's indentation
    allows it (notelint.paragraphs.open_block)."""
    from notelint.paragraphs import INDENTED_CODE

    names = {id(rule.fn): rule.name for rule in ruler.__rules__}
    rules = [(names.get(id(function), ""), function) for function in ruler.getRules(chain)]

    def choice(kept: list[tuple[str, BlockRule]]) -> RuleChoice:
        every = [function for _, function in kept]
        plain = [function for name, function in kept if name != INDENTED_CODE]
        return (every, plain) if len(plain) < len(every) else (every, every)

    table: dict[str, RuleChoice] = {}
    for characters, _ in openers.values():
        for character in characters:
            table[character] = choice([
                (name, openers[name][1] if name in openers else function)
                for name, function in rules
                if name not in openers or character in openers[name][0]
            ])
    return table, choice([(name, function) for name, function in rules if name not in openers])


def _opening_with(characters: frozenset[str], block_rule: BlockRule) -> BlockRule:
    def when_it_can_open(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        first = state.bMarks[start_line] + state.tShift[start_line]
        if state.src[first:first + 1] not in characters:
            return False
        return block_rule(state, start_line, end_line, silent)

    return when_it_can_open


def _thematic_break_with_two_markers(hr_rule: BlockRule) -> BlockRule:
    """``hr`` (``***``, ``- - -``, ``___``) is asked on every list item's line (``- text``): its
    first character must be a marker and the next one that is not a space or tab the same."""

    def when_two_markers_open(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        source = state.src
        first = state.bMarks[start_line] + state.tShift[start_line]
        marker = source[first:first + 1]
        if marker not in _THEMATIC_BREAK_MARKERS:
            return False
        second = first + 1
        while source[second:second + 1] in (" ", "\t"):
            second += 1
        if source[second:second + 1] != marker:
            return False
        return hr_rule(state, start_line, end_line, silent)

    return when_two_markers_open


def _parsed(parser: MarkdownIt, source: str, env: dict[str, Any]) -> list[Token]:
    """``parser.parse(source, env)``. Some of markdown-it-py's block rules index past the end of
    the source when its last line has no line break and ends a quote or a list in a quote
    (``> - <!--`` then ``>``: an IndexError; upstream issues 185, 204, 415, each fixed for some
    rules): such a source is parsed with a line break added, which gives its lines the same
    blocks."""
    try:
        return parser.parse(source, env)
    except IndexError:
        if source.endswith("\n"):
            raise
        env.clear()
        return parser.parse(source + "\n", env)


def parse(source: str) -> list[Token]:
    return _parsed(markdown_parser(), source, {})


def parse_blocks(source: str) -> tuple[list[Token], dict[str, Any]]:
    """The tokens of ``source`` with the children of its ``inline`` tokens not parsed yet, and the
    environment (link reference definitions) that :func:`parse_inline` needs."""
    env: dict[str, Any] = {}
    return _parsed(_block_parser(), source, env), env


def parse_inline(token: Token, env: dict[str, Any]) -> None:
    """Parse the children of one ``inline`` token from :func:`parse_blocks` exactly as the full
    parse does (markdown-it's core rules ``inline`` and ``text_join``, which work token by token:
    ``text_join`` is given a core state of this one token; it reads nothing else)."""
    from markdown_it.rules_core import text_join

    parser = _block_parser()
    children: list[Token] = []
    parser.inline.parse(token.content, parser, env, children)
    token.children = children
    text_join(SimpleNamespace(tokens=[token]))  # type: ignore[arg-type]


def code_contents(source: str) -> list[tuple[str, str]]:
    """Every code block and code span of ``source`` as the parser sees it (kind, content): what
    the safety tests and benchmarks compare before and after fixing."""
    found: list[tuple[str, str]] = []
    for token in parse(source):
        if token.type in ("fence", "code_block"):
            found.append((token.type, token.content))
        for child in token.children or ():
            if child.type == "code_inline":
                found.append(("code_inline", child.content))
    return found


def render(source: str) -> str:
    """Render to HTML with the same parser: for tests that prove a fix keeps the rendering."""
    return markdown_parser().render(source)
