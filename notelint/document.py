"""The document model: a note read once, decoded once and parsed once.

Rules receive a :class:`Document`; they never read files or parse again.  Offsets are character
offsets into :attr:`Document.text` (the decoded text without BOM, with CRLF folded to LF when the
file uses CRLF throughout); positions are 1-based lines and columns counted in characters.
"""

from __future__ import annotations

import bisect
import re
from itertools import accumulate
from collections.abc import Callable, Hashable, Iterable
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, TypeVar

if TYPE_CHECKING:
    from notelint.block_state import Token

BOM = "\ufeff"
Newline = Literal["\n", "\r\n", "\r"]
_LINE_BREAK = re.compile(r"\r\n?|\n")
_FRONT_MATTER_OPEN = "---"
_FRONT_MATTER_CLOSE = ("---", "...")
Derived = TypeVar("Derived")


class DecodeError(ValueError):
    """The bytes of a file are not a text note notelint can read."""


class Position(NamedTuple):
    """A 1-based line and column; columns count characters."""

    line: int
    column: int


_PLUS_ONE = (1).__add__
_MINUS_ONE = (-1).__add__


class LineIndex:
    """Maps character offsets to 1-based line/column positions and back.

    Line breaks are recognised exactly as markdown-it does (``\\r\\n``, ``\\r`` or ``\\n``), so the
    line numbers agree with the token maps even in files with mixed line endings.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        if "\r" not in text:  # (almost every note) line lengths straight from a split, at C speed
            starts = [0, *accumulate(map(_PLUS_ONE, map(len, text.split("\n"))))]
            starts.pop()
            ends = list(map(_MINUS_ONE, starts[1:]))
        else:
            starts = [0]
            ends = []
            for match in _LINE_BREAK.finditer(text):
                ends.append(match.start())
                starts.append(match.end())
        ends.append(len(text))
        self._starts = starts
        self._ends = ends

    @property
    def line_count(self) -> int:
        """Number of lines; a final line break does not open a counted line of its own."""
        if len(self._starts) > 1 and self._starts[-1] == len(self._text):
            return len(self._starts) - 1
        return len(self._starts)

    def position(self, offset: int) -> Position:
        offset = max(0, min(offset, len(self._text)))
        row = bisect.bisect_right(self._starts, offset) - 1
        return Position(row + 1, offset - self._starts[row] + 1)

    def offset(self, line: int, column: int = 1) -> int:
        """Offset of a 1-based line and column (clamped to the text)."""
        row = line - 1
        if not 0 <= row < len(self._starts):
            row = max(0, min(row, len(self._starts) - 1))
        return min(self._starts[row] + column - 1, len(self._text))

    def line_start(self, line: int) -> int:
        return self.offset(line, 1)

    def line_end(self, line: int) -> int:
        """Offset just before the line break of a 1-based line."""
        row = max(0, min(line - 1, len(self._ends) - 1))
        return self._ends[row]

    def line_text(self, line: int) -> str:
        """The text of a 1-based line without its line break."""
        row = line - 1
        if 0 <= row < len(self._starts):  # (as many starts as ends)
            return self._text[self._starts[row] : self._ends[row]]
        return self._text[self.line_start(line) : self.line_end(line)]


class FrontMatter(NamedTuple):
    """The YAML block between ``---`` lines at the top of a note.

    Lines are 1-based and inclusive: ``start_line`` is the opening ``---``, ``end_line`` the closing
    one (or the last line of the file when ``closed`` is false).  ``raw`` is the text between the
    fences and begins at offset ``content_start``.
    """

    start_line: int
    end_line: int
    raw: str
    content_start: int
    content_end: int
    closed: bool


def decode(data: bytes) -> tuple[str, bool, Newline]:
    """Decode note bytes: return the text (BOM removed, CRLF or CR folded to LF when uniform),
    whether there was a BOM, and the newline style to write back.  Raises :class:`DecodeError`.
    (A rule that inserts a line break inserts ``\n``: right after a lone ``\r`` the two would make
    one CRLF, not a blank line.)"""
    nul = data.find(b"\x00")
    if nul != -1:
        raise DecodeError(f"contains a NUL byte at offset {nul}; it looks like a binary file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DecodeError(
            f"is not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start})"
        ) from None
    has_bom = text.startswith(BOM)
    if has_bom:
        text = text[1:]
    if "\r" not in text:  # (almost every note: one scan for one character)
        return text, has_bom, "\n"
    if "\n" not in text:  # every line break a lone CR (classic Mac OS)
        return text.replace("\r", "\n"), has_bom, "\r"
    crlf = text.count("\r\n")
    if crlf and crlf == text.count("\n") and crlf == text.count("\r"):
        return text.replace("\r\n", "\n"), has_bom, "\r\n"
    return text, has_bom, "\n"


def encode(text: str, has_bom: bool, newline: Newline) -> bytes:
    """The inverse of :func:`decode`."""
    if newline != "\n":
        text = text.replace("\n", newline)
    return ((BOM if has_bom else "") + text).encode("utf-8")


def find_front_matter(text: str, index: LineIndex) -> FrontMatter | None:
    """Locate a front matter block: a first line that is exactly ``---``."""
    if index.line_text(1).rstrip() != _FRONT_MATTER_OPEN or index.line_count < 1:
        return None
    if not _LINE_BREAK.search(text[: index.line_end(1) + 2]):
        return None
    content_start = index.line_start(2)
    for line in range(2, index.line_count + 1):
        if index.line_text(line).rstrip() in _FRONT_MATTER_CLOSE:
            content_end = index.line_start(line)
            return FrontMatter(1, line, text[content_start:content_end], content_start, content_end, True)
    return FrontMatter(1, index.line_count, text[content_start:], content_start, len(text), False)


def is_blank(line: str) -> bool:
    """Whether a line is blank as CommonMark sees it: nothing but spaces and tabs (a line of
    no-break spaces is a paragraph, though it looks empty; ``str.strip`` would remove them)."""
    return not line.strip(" \t")


def next_content_line(document: Document, after: int) -> int | None:
    """The first non-blank 1-based line after line ``after``."""
    line = after + 1
    while line <= document.line_count and is_blank(document.line_text(line)):
        line += 1
    return line if line <= document.line_count else None


def is_math_fence(info: str) -> bool:
    """Whether a fence with this info string is a GitLab display math block: its first word
    (words part at any whitespace) is ``math``.  The math rules and the fix verifier both ask."""
    return info.split(maxsplit=1)[:1] == ["math"]


def fence_is_closed(token: Token) -> bool:
    """Whether a ``fence`` token ends with a closing fence line; else it runs to the end of its
    container (at the end of the note, with the note's last line as content).

    Read from the token, as markdown-it decided: its content holds every line of its map but the
    opening one, each ended by a line break, but for the closing line. (A line that only looks
    like a closing fence, indented four columns or more, is content.)"""
    if token.map is None:
        return False
    content = token.content
    if content and not content.endswith("\n"):
        return False  # the note's last line, without a line break, is content
    return content.count("\n") == token.map[1] - token.map[0] - 2


class TokenSpan(NamedTuple):
    """A block token and the 1-based, inclusive lines it covers (a named tuple: a note has
    hundreds, made on every parse)."""

    token: Token
    first_line: int
    last_line: int


def _token_spans(tokens: Iterable[Token]) -> list[TokenSpan]:
    """The tokens that have a line map, with their 1-based inclusive line spans."""
    # tuple.__new__ skips the named tuple's Python-level constructor (a thousand spans a note)
    new, span = tuple.__new__, TokenSpan
    return [
        new(span, (token, lines[0] + 1, lines[1]))
        for token in tokens
        if (lines := token.map) is not None and lines[1] > lines[0]
    ]


class Document:
    """One note: its text, its line index, its front matter span and its markdown-it tokens."""

    path: str
    text: str
    has_bom: bool
    newline: Newline
    index: LineIndex
    front_matter: FrontMatter | None
    _derived: dict[Hashable, Any]
    _inline_parsed: set[int]

    def __init__(self, path: str, text: str, has_bom: bool = False, newline: Newline = "\n") -> None:
        self.path = path
        self.text = text
        self.has_bom = has_bom
        self.newline = newline
        self.index = LineIndex(text)
        self.front_matter = find_front_matter(text, self.index)
        self._derived = {}
        self._inline_parsed = set()

    def derived(self, compute: Callable[..., Derived], *arguments: Hashable) -> Derived:
        """``compute(self, *arguments)``, computed once per document and shared by the rules that
        need the same view of the note (its words, its formulas, its outline, its list items).

        ``compute`` must be a pure function of the document and the arguments, and its callers must
        not change what it returns (return tuples, or copy before changing)."""
        key = (compute, arguments)
        try:
            return self._derived[key]  # type: ignore[no-any-return]
        except KeyError:
            value = self._derived[key] = compute(self, *arguments)
            return value

    @classmethod
    def from_bytes(cls, path: str, data: bytes) -> Document:
        text, has_bom, newline = decode(data)
        return cls(path, text, has_bom, newline)

    def to_bytes(self) -> bytes:
        return encode(self.text, self.has_bom, self.newline)

    def with_text(self, text: str) -> Document:
        """The same file with new text (after fixes); BOM and newline style are kept."""
        return Document(self.path, text, self.has_bom, self.newline)

    # -- the parse -------------------------------------------------------------------------

    @property
    def body_start_line(self) -> int:
        """First 1-based line of the Markdown body (after a closed front matter block)."""
        if self.front_matter is not None and self.front_matter.closed:
            return self.front_matter.end_line + 1
        return 1

    @cached_property
    def _parsed_blocks(self) -> tuple[list[Token], dict[str, Any]]:
        from notelint.parser import parse_blocks

        if self.front_matter is not None and self.front_matter.closed:
            body = self.text[self.index.line_start(self.body_start_line) :]
            hidden_lines = self.body_start_line - 1
            if self.body_start_line > self.index.line_count and not body:
                return parse_blocks("")
            return parse_blocks("\n" * hidden_lines + body)
        return parse_blocks(self.text)

    @property
    def block_tokens(self) -> list[Token]:
        """markdown-it tokens of the body (CommonMark, tables, strikethrough), with the children
        of ``inline`` tokens parsed only on demand (:meth:`inline_children`): what the built-in
        rules read. The same list as :attr:`tokens`.

        A closed front matter block is replaced by as many empty lines before parsing, so every
        token's ``map`` holds 0-based line numbers of the whole file.
        """
        return self._parsed_blocks[0]

    def inline_children(self, token: Token) -> list[Token]:
        """The parsed children of an ``inline`` token of :attr:`block_tokens`."""
        if id(token) not in self._inline_parsed:
            from notelint.parser import parse_inline

            parse_inline(token, self._parsed_blocks[1])
            self._inline_parsed.add(id(token))
        return token.children or []

    @cached_property
    def tokens(self) -> list[Token]:
        """markdown-it tokens of the body, every ``inline`` token with its children (as
        markdown-it's full parse gives them); see :attr:`block_tokens`."""
        tokens = self.block_tokens
        for token in tokens:
            if token.type == "inline":
                self.inline_children(token)
        return tokens

    @cached_property
    def blocks(self) -> list[TokenSpan]:
        """Every token that has a line map, with its 1-based inclusive line span."""
        return _token_spans(self.block_tokens)

    @cached_property
    def _positions_by_type(self) -> dict[str, tuple[int, ...]]:
        by_type: dict[str, list[int]] = {}
        for position, token in enumerate(self.block_tokens):
            positions = by_type.get(token.type)
            if positions is None:
                by_type[token.type] = [position]
            else:
                positions.append(position)
        return {kind: tuple(positions) for kind, positions in by_type.items()}

    def positions(self, *types: str) -> tuple[int, ...]:
        """The positions in :attr:`block_tokens` of the tokens of these types, in order: a rule
        that looks for headings or fences visits those, not the thousand tokens of a note."""
        by_type = self._positions_by_type
        if len(types) == 1:
            return by_type.get(types[0], ())
        return tuple(sorted(position for kind in types for position in by_type.get(kind, ())))

    def spans(self, *types: str) -> tuple[TokenSpan, ...]:
        """:attr:`blocks` of these types only, in order (found through :meth:`positions`; made
        once per note for the same types: several rules and views walk the inline tokens)."""
        found = self._spans_by_types.get(types)
        if found is None:
            found = self._spans_by_types[types] = tuple(
                _token_spans(map(self.block_tokens.__getitem__, self.positions(*types)))
            )
        return found

    @cached_property
    def _spans_by_types(self) -> dict[tuple[str, ...], tuple[TokenSpan, ...]]:
        return {}

    @cached_property
    def code_lines(self) -> frozenset[int]:
        """1-based lines inside fenced or indented code blocks, fences included."""
        lines: set[int] = set()
        for span in self.spans("fence", "code_block"):
            lines.update(range(span.first_line, span.last_line + 1))
        return frozenset(lines)

    @cached_property
    def open_fence_lines(self) -> frozenset[int]:
        """1-based lines of fenced code blocks that have no closing fence (they end with their
        container or the note): a blank line inserted after such a line becomes part of the code."""
        lines: set[int] = set()
        for span in self.spans("fence"):
            if not fence_is_closed(span.token):
                lines.update(range(span.first_line, span.last_line + 1))
        return frozenset(lines)

    @cached_property
    def code_spans(self) -> tuple[tuple[int, int], ...]:
        """Offsets of inline code spans (GitLab's ``$`…`$`` math included) in paragraphs,
        headings and table cells, backticks included."""
        from notelint.spans import code_spans

        found: list[tuple[int, int]] = []
        scanned: set[tuple[int, int]] = set()
        for span in self.spans("inline"):
            if "`" in span.token.content:
                start = self.index.line_start(span.first_line)
                end = self.index.line_end(span.last_line)
                if (start, end) not in scanned:  # the cells of a table row share their line
                    scanned.add((start, end))
                    found.extend(code_spans(self.text, start, end))
        return tuple(found)

    @cached_property
    def _code_span_starts(self) -> tuple[list[int], list[int]]:
        """The code spans sorted by start (each once), as starts and the largest end so far:
        a binary search answers :meth:`in_code_span` without walking every span."""
        starts: list[int] = []
        reach: list[int] = []
        for start, end in sorted(set(self.code_spans)):
            starts.append(start)
            reach.append(max(end, reach[-1]) if reach else end)
        return starts, reach

    def in_code_span(self, offset: int) -> bool:
        """Whether an offset lies inside an inline code span (not on its first backtick)."""
        starts, reach = self._code_span_starts
        before = bisect.bisect_left(starts, offset)  # spans with start < offset
        return before > 0 and reach[before - 1] > offset

    @cached_property
    def front_matter_lines(self) -> frozenset[int]:
        if self.front_matter is None or not self.front_matter.closed:
            return frozenset()
        return frozenset(range(self.front_matter.start_line, self.front_matter.end_line + 1))

    # -- positions -------------------------------------------------------------------------

    def position(self, offset: int) -> Position:
        return self.index.position(offset)

    def offset(self, line: int, column: int = 1) -> int:
        return self.index.offset(line, column)

    def line_text(self, line: int) -> str:
        return self.index.line_text(line)

    @property
    def line_count(self) -> int:
        return self.index.line_count
