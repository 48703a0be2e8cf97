"""Words of the prose of a note, with exact offsets.

markdown-it's inline tokens carry no columns, so the raw text of every inline block (paragraphs,
headings, list items, table cells, link text, image alt text) is scanned here, after masking what is
not prose: code spans (GitLab's ``$`…`$`` math included), ``$…$`` and ``$$…$$`` math, HTML tags
and comments, autolinks, URLs, link destinations and reference labels, footnote markers, entities
and backslash escapes.  Tokens glued to a dot, slash or ``@`` (file names, paths, domains,
e-mail addresses, handles) are not words either.  Front matter and code blocks never
produce an inline block.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from notelint.document import Document

# Each pattern with the strings one of which any text it matches holds: a pattern whose
# strings are all absent from a range cannot match there, and is not run.
_MASKS = (
    (("<!--",), re.compile(r"<!--.*?-->", re.DOTALL)),
    (("<",), re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")),
    (("<",), re.compile(r"<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>")),
    (("<",), re.compile(r"<[^\s<>@]+@[^\s<>]+>")),
    (("$$",), re.compile(r"(?<![\\$])\$\$.+?(?<!\\)\$\$", re.DOTALL)),
    (("$",), re.compile(r"(?<![\\$\w])\$(?![\s$])(?:[^$\n\\]|\\.)+?(?<![\s\\])\$(?!\d)")),
    (("](",), re.compile(r"\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)")),
    (("][",), re.compile(r"\]\[[^\]]*\]")),
    (("[^",), re.compile(r"\[\^[^\]]*\]")),
    (("://", "www.", "WWW.", "Www.", "wWw.", "wwW.", "WWw.", "wWW.", "WwW."),
     re.compile(r"(?i:\b(?:[a-z][a-z0-9+.-]*://|www\.)[^\s<>()\[\]]*(?:\([^\s()]*\)[^\s<>()\[\]]*)*)")),
    (("&",), re.compile(r"&#?\w+;")),
    (("\\",), re.compile(r"\\.")),
)
# Text that holds none of these holds none of the needles above.
_ANY_MASK = re.compile(r"[<$\]\[&\\]|://|(?i:www\.)")
_NOT_NEWLINE = re.compile(r"[^\n]")
# A run of letters, digits, underscores, apostrophes and hyphens; it is then checked and split.
_LONG_TOKEN = re.compile(r"[\w'’-]{3,}")
_APOSTROPHES = "'’"
_DIGIT_OR_UNDERSCORE = re.compile(r"[\d_]")


@dataclass(frozen=True, slots=True)
class Word:
    """A word of prose: ``document.text[start:end] == text``."""

    start: int
    end: int
    text: str


def prose_ranges(document: Document) -> list[tuple[int, int]]:
    """Offset ranges of inline blocks (each line range once), outside code and front matter."""
    skipped = document.code_lines | document.front_matter_lines
    lines: set[int] = set()
    for span in document.blocks:
        if span.token.type == "inline":
            lines.update(line for line in range(span.first_line, span.last_line + 1) if line not in skipped)
    ranges: list[tuple[int, int]] = []
    for line in sorted(lines):
        start, end = document.index.line_start(line), document.index.line_end(line)
        if ranges and line - 1 in lines and ranges[-1][1] + 1 >= start:
            ranges[-1] = (ranges[-1][0], end)
        else:
            ranges.append((start, end))
    return ranges


def _blank(text: str) -> str:
    return _NOT_NEWLINE.sub(" ", text) if "\n" in text else " " * len(text)


def _spans_by_range(
    ranges: tuple[tuple[int, int], ...], code_spans: tuple[tuple[int, int], ...]
) -> list[list[tuple[int, int]]]:
    """For each range, the code spans that overlap it, in the order of ``code_spans``: a binary
    search per span instead of every span for every range (which grew with the square of the note)."""
    found: list[list[tuple[int, int]]] = [[] for _ in ranges]
    starts = [start for start, _ in ranges]
    for span_start, span_end in code_spans:
        position = max(0, bisect.bisect_right(starts, span_start) - 1)
        while position < len(ranges) and ranges[position][0] < span_end:
            start, end = ranges[position]
            if not (span_end <= start or span_start >= end):
                found[position].append((span_start, span_end))
            position += 1
    return found


def _masked(source: str, code_spans: list[tuple[int, int]], start: int, end: int) -> str:
    """The text of a range with every non-prose character replaced by a space (``code_spans``:
    those that overlap the range)."""
    pieces = []
    position = start
    for span_start, span_end in code_spans:
        # GitLab math: $`…`$ loses its dollars too.
        if span_start > start and source[span_start - 1] == "$":
            span_start -= 1
        if span_end < end and source[span_end] == "$":
            span_end += 1
        span_start, span_end = max(span_start, position), min(span_end, end)
        pieces.append(source[position:span_start])
        pieces.append(_blank(source[span_start:span_end]))
        position = span_end
    pieces.append(source[position:end])
    text = "".join(pieces)
    if _ANY_MASK.search(text) is None:
        return text  # plain prose (most lines): no pattern can match
    for needles, pattern in _MASKS:
        for needle in needles:
            if needle in text:
                text = pattern.sub(_blank_match, text)
                break
    return text


def _blank_match(match: re.Match[str]) -> str:
    return _NOT_NEWLINE.sub(" ", match.group())


def is_checkable(word: str) -> bool:
    """Whether a word is spelled by people: not an acronym, identifier or mixed-case name."""
    if len(word) < 3 or not word.isalpha():
        return False
    return word[1:].islower()


def _in_name(text: str, start: int, end: int) -> bool:
    """Whether a token is part of a file name, domain, path, e-mail address or handle
    (``setup.py``, ``src/x``, ``a@b.org``, ``@user``, ``#tag``) rather than a word."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    following = text[end + 1] if end + 1 < len(text) else " "
    preceding = text[start - 2] if start > 1 else " "
    if before in "/@#~\\" or after in "/@\\":
        return True
    if after == "." and following.isalnum():
        return True
    return before == "." and preceding.isalnum()


def prose_words(document: Document) -> tuple[Word, ...]:
    """The checkable words of the note's prose, hyphenated words split into their parts
    (computed once per document: both typos rules need them)."""
    return document.derived(_document_words)


def _document_words(document: Document) -> tuple[Word, ...]:
    source = document.text
    ranges = tuple(prose_ranges(document))
    words: list[Word] = []
    for (start, end), spans in zip(ranges, _spans_by_range(ranges, document.code_spans)):
        text = _masked(source, spans, start, end)
        last = len(text) - 1
        # a shorter run cannot hold a checkable word (three letters or more)
        for token in _LONG_TOKEN.finditer(text):
            raw = token.group()
            token_start, token_end = token.span()
            if raw.isalpha():  # the common case: one plain word (no digit, hyphen or apostrophe)
                if raw[1:].islower() and (
                    # between spaces (most words): surely not part of a name
                    (token_start and text[token_start - 1] == " " and token_end < last and text[token_end] == " ")
                    or not _in_name(text, token_start, token_end)
                ):
                    words.append(Word(start + token_start, start + token_end, raw))
                continue
            if _DIGIT_OR_UNDERSCORE.search(raw) or _in_name(text, token_start, token_end):
                continue
            offset = start + token_start
            for piece in raw.split("-"):
                begin = offset
                offset += len(piece) + 1
                if "'" in piece or "’" in piece:
                    stripped = piece.lstrip(_APOSTROPHES)
                    begin += len(piece) - len(stripped)
                    piece = stripped.rstrip(_APOSTROPHES)
                    if piece.endswith(("'s", "’s")):
                        piece = piece[:-2]
                    if "'" in piece or "’" in piece:
                        continue
                if is_checkable(piece):
                    words.append(Word(begin, begin + len(piece), piece))
    return tuple(words)
