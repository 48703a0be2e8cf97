"""The word finder of the typos rules, made faster, still finds exactly what the straightforward
version finds (kept here as the reference, with its own copy of the masks as they were first
written): every line of every inline block, every span checked against every range, every mask
run over every range, every token of any length, one function per word check."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from notelint.rules.typos.unknown_word import _appears_elsewhere
from notelint.rules.typos.words import Word, prose_ranges, prose_vocabulary, prose_words

from notelint.document import Document

_TOKEN = re.compile(r"[\w'’-]+")
_MASKS = (
    re.compile(r"<!--.*?-->", re.DOTALL),
    re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"),
    re.compile(r"<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>"),
    re.compile(r"<[^\s<>@]+@[^\s<>]+>"),
    re.compile(r"</?[A-Za-z][A-Za-z0-9-]*"),
    re.compile(r"(?<![\\$])\$\$.+?(?<!\\)\$\$", re.DOTALL),
    re.compile(r"(?<![\\$\w])\$(?![\s$])(?:[^$\n\\]|\\.)+?(?<![\s\\])\$(?!\d)"),
    re.compile(r"\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"),
    re.compile(r"\]\[[^\]]*\]"),
    re.compile(r"\[\^[^\]]*\]"),
    re.compile(r"(?i:\b(?:[a-z][a-z0-9+.-]*://|www\.)[^\s<>()\[\]]*(?:\([^\s()]*\)[^\s<>()\[\]]*)*)"),
    re.compile(r"&#?\w+;"),
    re.compile(r"\\."),
)
_DIGIT_OR_UNDERSCORE = re.compile(r"[\d_]")


def _blank(text: str) -> str:
    return "".join("\n" if char == "\n" else " " for char in text)


def _reference_ranges(document: Document) -> list[tuple[int, int]]:
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


def _in_name(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    following = text[end + 1] if end + 1 < len(text) else " "
    preceding = text[start - 2] if start > 1 else " "
    if before in "/@#~\\" or after in "/@\\":
        return True
    if after == "." and following.isalnum():
        return True
    return before == "." and preceding.isalnum()


def _is_checkable(word: str) -> bool:
    return len(word) >= 3 and word.isalpha() and word[1:].islower()


def _reference_masked(source: str, code_spans: tuple[tuple[int, int], ...], start: int, end: int) -> str:
    pieces = []
    position = start
    for span_start, span_end in code_spans:
        if span_end <= start or span_start >= end:
            continue
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
    for pattern in _MASKS:  # every pattern, whatever the text holds
        text = pattern.sub(lambda match: _blank(match.group()), text)
    return text


def _reference_words(document: Document) -> tuple[Word, ...]:
    words: list[Word] = []
    for start, end in _reference_ranges(document):
        text = _reference_masked(document.text, document.code_spans, start, end)
        for token in _TOKEN.finditer(text):
            raw = token.group()
            if _DIGIT_OR_UNDERSCORE.search(raw) or _in_name(text, token.start(), token.end()):
                continue
            offset = start + token.start()
            for piece in raw.split("-"):
                begin = offset
                offset += len(piece) + 1
                if "'" in piece or "’" in piece:
                    stripped = piece.lstrip("'’")
                    begin += len(piece) - len(stripped)
                    piece = stripped.rstrip("'’")
                    if piece.endswith(("'s", "’s")):
                        piece = piece[:-2]
                    if "'" in piece or "’" in piece:
                        continue
                if _is_checkable(piece):
                    words.append(Word(begin, begin + len(piece), piece))
    return tuple(words)


PIECES = [
    "Transformer", "teh", "accross", "Mo", "x2", "snake_case", "well-known", "don't", "users'", "’tis",
    " ", " ", "\n", "\n\n", "`code`", "``a`b``", "$`x`$", "$y$", "$$z$$", "<br>", "<!-- c -->",
    "[link](http://a.b/c)", "http://x.org/teh", "setup.py", "@user", "- ", "1. ", "# ", "| a | `b` |\n|---|---|\n",
    "| `x` teh | `y` recieve |\n", "&amp;", "\\*", "*emph*", "ÄÖÜ", "straße", "<summar", "</teh",
]
# Pieces of masks that a note can split over paragraphs, list items or table cells (the masks
# run over all of the prose at once, and range by range when a match would span two), and
# characters next to a word that make it part of a name or not.
EDGES = [
    "<!--", "-->", "<b", "<a href='x'", ">", "](", "](x", ")", "][", "[x", "]", "[^", "$$", "$", "a$", "$1",
    "www.", "WwW.", "://", "x://y", "e.g.", "3.5", ".", "a.", "/", "~", "#", "@", "\\", "-", "'", "’", "_", "\t",
    "\r\n", "\r", "> ", "    code\n", "```\nfenced teh\n```\n", "---\ntitle: teh\n---\n", "Ünïcödé", "ǅemal", "Ⅻxx",
    "a <!-- teh", "teh --> a", "a <b teh", "teh > a", "a $$ teh", "teh $$ a", "a ][teh", "a [^teh", "teh] a",
    "a ](teh", "teh) a", "WwW.x?q=teh", "wWW.x?q=teh", "HTTP://x?q=teh", "Https://x?q=teh",
    # whitespace other than spaces (the runs are found chunk by chunk), letters with marks, numbers
    "\u00a0teh", "teh\u2003", "\x1cteh", "te\u0301h", "teh²", "teh.py", "ab", "tehs-", "x/teh",
]
# A mask that a note splits over two paragraphs, items or cells is no mask at all.
SPLIT_MASKS = [
    "a <!-- teh\n\nteh --> x\n",
    "x <b teh\n\nteh > y\n",
    "- a <b teh\n\n- teh > y\n",
    "- a ](teh\n- teh) b\n",
    "teh $$ teh\n\nteh $$ x\n",
    "a ][teh\n\nteh] x\n",
    "x [^teh\n\nteh] x\n",
    "| a <!-- | teh --> |\n|---|---|\n| teh | <!-- teh |\n\nteh --> x\n",
    "# a <!-- teh\n\nteh --> b\n",
]


@pytest.mark.parametrize("text", SPLIT_MASKS)
def test_masks_split_over_blocks_are_the_reference_words(text: str) -> None:
    document = Document("a.md", text)
    assert prose_words(document) == _reference_words(document)
    assert any(word.text == "teh" for word in prose_words(document))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_prose_words_are_the_reference_words(pieces: list[str]) -> None:
    document = Document("a.md", "".join(pieces))
    assert prose_words(document) == _reference_words(document)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES + EDGES), max_size=60), st.data())
def test_the_vocabulary_counts_and_locates_the_reference_words(pieces: list[str], data: st.DataObject) -> None:
    document = Document("a.md", "".join(pieces))
    expected = _reference_words(document)
    vocabulary = prose_vocabulary(document)
    assert prose_ranges(document) == _reference_ranges(document)
    assert prose_words(document) == expected
    assert vocabulary.counts == Counter(word.text for word in expected)
    # the rules locate only the words they report: any few of them, or many
    chosen = data.draw(st.sets(st.sampled_from(sorted(vocabulary.counts))) if vocabulary.counts else st.just(set()))
    assert vocabulary.locate(chosen) == [word for word in expected if word.text in chosen]


_LETTERS = re.compile(r"[^\W\d_]+")
SPELLINGS = [
    "Transofromer", "transofromer", "TRANSOFROMER", "Straße", "strasse", "STRASSE", "ſtrasse", "Kelvin", "\u212aelvin",
    "kelvin", "transofromers", "xtransofromer", "_transofromer", "2transofromer", "`transofromer`", "ﬀoo", "ffoo",
    " ", "\n", "-", ".", "/",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SPELLINGS), max_size=12), st.sets(st.sampled_from(["transofromer", "strasse", "kelvin", "ffoo"])))
def test_words_appear_elsewhere_when_two_letter_runs_spell_them(pieces: list[str], words: set[str]) -> None:
    document = Document("a.md", "".join(pieces))
    counts = Counter(run.casefold() for run in _LETTERS.findall(document.text))
    assert _appears_elsewhere(document, words) == {word for word in words if counts[word] > 1}
