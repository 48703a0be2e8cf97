"""Words of the prose of a note, with exact offsets.

markdown-it's inline tokens carry no columns, so the raw text of every inline block (paragraphs,
headings, list items, table cells, link text, image alt text) is scanned here, after masking what is
not prose: code spans (GitLab's ``$`…`$`` math included), ``$…$`` and ``$$…$$`` math, HTML tags
and comments, autolinks, URLs, e-mail addresses, file names, link destinations and reference
labels, footnote markers, entities and backslash escapes.  Front matter and code blocks never
produce an inline block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from notelint.document import Document

_MASKS = (
    re.compile(r"<!--.*?-->", re.DOTALL),
    re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"),
    re.compile(r"<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>"),
    re.compile(r"<[^\s<>@]+@[^\s<>]+>"),
    re.compile(r"(?<![\\$])\$\$.+?(?<!\\)\$\$", re.DOTALL),
    re.compile(r"(?<![\\$\w])\$(?![\s$])(?:[^$\n\\]|\\.)+?(?<![\s\\])\$(?!\d)"),
    re.compile(r"\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"),
    re.compile(r"\]\[[^\]]*\]"),
    re.compile(r"\[\^[^\]]*\]"),
    re.compile(r"\b(?:[a-z][a-z0-9+.-]*://|www\.)[^\s<>()\[\]]*(?:\([^\s()]*\)[^\s<>()\[\]]*)*", re.IGNORECASE),
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    re.compile(r"[\w-]+(?:\.[\w-]+)*\.[A-Za-z][\w-]*"),
    re.compile(r"[/~]?[\w.-]+/[\w./-]+"),
    re.compile(r"&#?\w+;"),
    re.compile(r"\\."),
    re.compile(r"[@#][\w-]+"),
)
# A run of letters, digits, underscores, apostrophes and hyphens; it is then checked and split.
_TOKEN = re.compile(r"[\w'’-]+")
_APOSTROPHES = "'’"


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


def _masked(document: Document, start: int, end: int) -> str:
    """The text of a range with every non-prose character replaced by a space."""
    chars = list(document.text[start:end])

    def blank(a: int, b: int) -> None:
        for index in range(max(a, 0), min(b, len(chars))):
            if chars[index] != "\n":
                chars[index] = " "

    for span_start, span_end in document.code_spans:
        if span_end > start and span_start < end:
            a, b = span_start - start, span_end - start
            if a > 0 and chars[a - 1] == "$":
                a -= 1
            if b < len(chars) and chars[b] == "$":
                b += 1
            blank(a, b)
    for pattern in _MASKS:
        text = "".join(chars)
        for match in pattern.finditer(text):
            if match.group().strip():
                blank(match.start(), match.end())
    return "".join(chars)


def is_checkable(word: str) -> bool:
    """Whether a word is spelled by people: not an acronym, identifier or mixed-case name."""
    if len(word) < 3 or not word.isalpha():
        return False
    return word[1:].islower()


def prose_words(document: Document) -> list[Word]:
    """The checkable words of the note's prose, hyphenated words split into their parts."""
    words: list[Word] = []
    for start, end in prose_ranges(document):
        text = _masked(document, start, end)
        for token in _TOKEN.finditer(text):
            raw = token.group()
            if any(char.isdigit() or char == "_" for char in raw):
                continue
            offset = token.start()
            for part in re.finditer(r"[^-]+", raw):
                piece = part.group().strip(_APOSTROPHES)
                if not piece:
                    continue
                lead = part.start() + (len(part.group()) - len(part.group().lstrip(_APOSTROPHES)))
                for suffix in ("'s", "’s"):
                    if piece.endswith(suffix):
                        piece = piece[: -len(suffix)]
                if any(char in _APOSTROPHES for char in piece) or not is_checkable(piece):
                    continue
                begin = start + offset + lead
                words.append(Word(begin, begin + len(piece), piece))
    return words
