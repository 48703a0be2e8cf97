"""The state of notelint's block parser and the tokens it makes.

Both follow markdown-it-py 4's ``StateBlock`` and ``Token`` (MIT licence): the same fields, the
same helper methods under the same names (the block rules are ported from markdown-it-py and read
alike), the same tokens. They are notelint's own so that checking a note does not import
markdown-it-py (about 40 ms of a one-note run); markdown-it-py still parses inline content when
a rule asks for it, renders, and is what tests/test_parser.py compares every token with.
"""

from __future__ import annotations

from itertools import accumulate, repeat
from operator import add, sub
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from notelint.parser import BlockParser

# markdown-it's whitespace for trimming (``mdTrim``): Unicode spaces, not only ASCII ones
_TRIM_CODES = {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x1680, 0x202F, 0x205F, 0x3000, 0x2028, 0x2029,
               *range(0x2000, 0x200B)}
TRIM_CHARACTERS = "".join(chr(code) for code in sorted(_TRIM_CODES))

# the most nested blocks markdown-it's commonmark preset parses (deeper lines are skipped)
MAX_NESTING = 20


def md_trim(text: str) -> str:
    """markdown-it's ``mdTrim``: ``text`` without Markdown whitespace at either end."""
    return text.strip(TRIM_CHARACTERS)


class Token:
    """A block token, as markdown-it-py's ``Token`` (the fields rules read; ``children`` of an
    ``inline`` token are markdown-it-py's own tokens, parsed on demand)."""

    __slots__ = ("type", "tag", "nesting", "_attrs", "map", "level", "children", "content", "markup", "info",
                 "_meta", "block", "hidden")

    type: str
    tag: str
    nesting: int
    _attrs: dict[str, str | int | float] | None  # (made on first use: most tokens never have any)
    map: list[int] | None
    level: int
    children: list[Any] | None
    content: str
    markup: str
    info: str
    _meta: dict[Any, Any] | None  # (made on first use, as ``_attrs``)
    block: bool
    hidden: bool

    def __init__(self, type: str, tag: str, nesting: int) -> None:  # noqa: A002 (markdown-it's name)
        self.type = type
        self.tag = tag
        self.nesting = nesting
        self._attrs = None
        self.map = None
        self.level = 0
        self.children = None
        self.content = self.markup = self.info = ""
        self._meta = None
        self.block = False
        self.hidden = False

    @property
    def attrs(self) -> dict[str, str | int | float]:
        """The HTML attributes (a dictionary of the token's own, made when first asked for)."""
        attrs = self._attrs
        if attrs is None:
            attrs = self._attrs = {}
        return attrs

    @attrs.setter
    def attrs(self, value: dict[str, str | int | float]) -> None:
        self._attrs = value

    @property
    def meta(self) -> dict[Any, Any]:
        """A rule's or plugin's data (a dictionary of the token's own, made when first asked for)."""
        meta = self._meta
        if meta is None:
            meta = self._meta = {}
        return meta

    @meta.setter
    def meta(self, value: dict[Any, Any]) -> None:
        self._meta = value

    def attrGet(self, name: str) -> str | int | float | None:  # noqa: N802 (markdown-it's name)
        return self.attrs.get(name)

    def attrSet(self, name: str, value: str | int | float) -> None:  # noqa: N802
        self.attrs[name] = value

    def attrItems(self) -> list[tuple[str, str | int | float]]:  # noqa: N802
        return list(self.attrs.items())

    def as_dict(self) -> dict[str, Any]:
        """The fields, as markdown-it-py's ``Token.as_dict()`` gives them (attributes as a list of
        pairs or None, children as dictionaries)."""
        fields = {name: getattr(self, name) for name in _FIELDS}
        fields["attrs"] = [list(pair) for pair in self.attrs.items()] or None
        if self.children is not None:
            fields["children"] = [child.as_dict() for child in self.children]
        return fields

    def __repr__(self) -> str:
        return f"Token(type={self.type!r}, tag={self.tag!r}, nesting={self.nesting}, map={self.map})"


# (the compiled build's Token has no ``__slots__`` attribute)
_FIELDS = ("type", "tag", "nesting", "attrs", "map", "level", "children", "content", "markup", "info", "meta",
           "block", "hidden")


class BlockState:
    """markdown-it's block state: the source, its line markers, and where the parse stands."""

    def __init__(self, src: str, env: dict[str, Any], tokens: list[Token], parser: BlockParser) -> None:
        self.src = src
        self.env = env
        self.tokens = tokens
        self.parser = parser  # its rule chains and tokenizer (markdown-it's ``state.md.block``)
        self.bMarks, self.eMarks, self.tShift, self.sCount = line_marks(src)
        self.bsCount = [0] * len(self.bMarks)
        self.blkIndent = 0  # the indentation the current block's content needs (in a list: past the marker)
        self.line = 0
        self.lineMax = len(self.bMarks) - 1
        self.tight = False
        self.ddIndent = -1
        self.listIndent = -1  # the indentation of the current list (-1: none)
        # "blockquote", "list", "root", "paragraph", "reference" or "table": what asks a rule
        self.parentType = "root"
        self.level = 0

    def push(self, ttype: str, tag: str, nesting: int) -> Token:
        token = Token(ttype, tag, nesting)
        token.block = True
        if nesting < 0:
            self.level -= 1  # closing tag
        token.level = self.level
        if nesting > 0:
            self.level += 1  # opening tag
        self.tokens.append(token)
        return token

    def isEmpty(self, line: int) -> bool:  # noqa: N802 (markdown-it's names, as its rules call them)
        return (self.bMarks[line] + self.tShift[line]) >= self.eMarks[line]

    def skipEmptyLines(self, line: int) -> int:  # noqa: N802
        b_marks, t_shift, e_marks, maximum = self.bMarks, self.tShift, self.eMarks, self.lineMax
        while line < maximum and b_marks[line] + t_shift[line] >= e_marks[line]:
            line += 1
        return line

    def skipSpaces(self, position: int) -> int:  # noqa: N802
        source = self.src
        while position < len(source) and source[position] in (" ", "\t"):
            position += 1
        return position

    def skipSpacesBack(self, position: int, minimum: int) -> int:  # noqa: N802
        if position <= minimum:
            return position
        while position > minimum:
            position -= 1
            if self.src[position] not in (" ", "\t"):
                return position + 1
        return position

    def skipCharsStr(self, position: int, character: str) -> int:  # noqa: N802
        source = self.src
        while position < len(source) and source[position] == character:
            position += 1
        return position

    def skipCharsStrBack(self, position: int, character: str, minimum: int) -> int:  # noqa: N802
        if position <= minimum:
            return position
        while position > minimum:
            position -= 1
            if character != self.src[position]:
                return position + 1
        return position

    def getLines(self, begin: int, end: int, indent: int, keep_last_line_break: bool) -> str:  # noqa: N802
        """The text of lines ``begin`` to ``end`` (excluded), each without up to ``indent`` columns
        of its indentation (a tab partly taken is expanded to the spaces left)."""
        if begin >= end:
            return ""
        source, b_marks, e_marks, t_shift, bs_count = self.src, self.bMarks, self.eMarks, self.tShift, self.bsCount
        queue = []
        for line in range(begin, end):
            line_indent = 0
            line_start = first = b_marks[line]
            last = e_marks[line] + 1 if line + 1 < end or keep_last_line_break else e_marks[line]
            while first < last and line_indent < indent:
                character = source[first]
                if character == "\t":
                    line_indent += 4 - (line_indent + bs_count[line]) % 4
                elif character == " " or first - line_start < t_shift[line]:
                    line_indent += 1
                else:
                    break
                first += 1
            if line_indent > indent:
                # a tab partly taken, as in '\t\tfoobar' with an indent of 2: '  \tfoobar'
                queue.append(" " * (line_indent - indent) + source[first:last])
            else:
                queue.append(source[first:last])
        return "".join(queue)

    def is_code_block(self, line: int) -> bool:
        return (self.sCount[line] - self.blkIndent) >= 4


def line_marks(source: str) -> tuple[list[int], list[int], list[int], list[int]]:
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
