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
from collections import Counter
from collections.abc import Collection
from itertools import compress, filterfalse
from operator import itemgetter
from typing import NamedTuple

from notelint.document import Document
from notelint.patterns import lazy

# Each pattern with the strings one of which any text it matches holds (a pattern whose strings
# are all absent cannot match, and is not run), and for a pattern whose match can hold a line
# break, the text every match ends with (no look-ahead after it: the search for the next match
# stops at the last place it occurs, so that an opening ``<!--`` or ``[^`` with no end after it
# does not send the search to the end of the note from each one, which took the square of the
# note's length); the empty string for the others.  The patterns are applied in this order,
# each to the text the ones before it left.  A pattern that looks back before its first
# character checks that after taking it (``\$(?<![\\$\w]\$)`` is ``(?<![\\$\w])\$``): the
# engine then skips to the places where that character occurs.  The URL pattern has no such
# character: only the lines that hold one of its needles are searched.
_URL = lazy(r"(?i:\b(?:[a-z][a-z0-9+.-]*://|www\.)[^\s<>()\[\]]*(?:\([^\s()]*\)[^\s<>()\[\]]*)*)")
_MASKS = (
    (("<!--",), lazy(r"<!--.*?-->", re.DOTALL), "-->"),
    (("<",), lazy(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"), ">"),
    (("<",), lazy(r"<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>"), ""),
    (("<",), lazy(r"<[^\s<>@]+@[^\s<>]+>"), ""),
    # what is left of a tag: a name right after < or </ (a correction could make it a tag that
    # opens an HTML block, and the lines after it would no longer be Markdown)
    (("<",), lazy(r"</?[A-Za-z][A-Za-z0-9-]*"), ""),
    (("$$",), lazy(r"\$\$(?<![\\$]\$\$).+?(?<!\\)\$\$", re.DOTALL), "$$"),
    (("$",), lazy(r"\$(?<![\\$\w]\$)(?![\s$])(?:[^$\n\\]|\\.)+?(?<![\s\\])\$(?!\d)"), ""),
    (("](",), lazy(r"\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"), ")"),
    (("][",), lazy(r"\]\[[^\]]*\]"), "]"),
    (("[^",), lazy(r"\[\^[^\]]*\]"), "]"),
    (("://", "ww.", "wW.", "Ww.", "WW."), _URL, ""),  # (any case of www. ends in one of these)
    (("&",), lazy(r"&#?\w+;"), ""),
    (("\\",), lazy(r"\\."), ""),
)
_NOT_NEWLINE = lazy(r"[^\n]")
_APOSTROPHES = "'’"
_DIGIT_OR_UNDERSCORE = re.compile(r"[\d_]")


class Word(NamedTuple):
    """A word of prose: ``document.text[start:end] == text``."""

    start: int
    end: int
    text: str


def prose_ranges(document: Document) -> list[tuple[int, int]]:
    """Offset ranges of inline blocks (each line range once), outside code and front matter:
    one range for each run of consecutive lines (a line break of two characters, ``\\r\\n``,
    ends a range)."""
    index = document.index
    ranges: list[tuple[int, int]] = []
    if "\r" not in document.text:
        for first, last in _prose_lines(document):
            ranges.append((index.line_start(first), index.line_end(last)))
        return ranges
    for first, last in _prose_lines(document):
        for line in range(first, last + 1):
            start, end = index.line_start(line), index.line_end(line)
            if line > first and ranges[-1][1] + 1 >= start:
                ranges[-1] = (ranges[-1][0], end)
            else:
                ranges.append((start, end))
    return ranges


def _prose_lines(document: Document) -> list[tuple[int, int]]:
    """The runs of consecutive lines of inline blocks outside code and front matter, as first
    and last line (1-based, inclusive), in order."""
    spans = [(first, last) for _, first, last in document.spans("inline")]
    spans.sort()
    runs: list[tuple[int, int]] = []
    for first, last in spans:
        if runs and first <= runs[-1][1] + 1:
            if last > runs[-1][1]:
                runs[-1] = (runs[-1][0], last)
        else:
            runs.append((first, last))
    skipped = document.code_lines | document.front_matter_lines
    if not skipped:
        return runs
    cuts = sorted(skipped)
    kept: list[tuple[int, int]] = []
    for first, last in runs:
        position = bisect.bisect_left(cuts, first)
        while position < len(cuts) and cuts[position] <= last:
            if cuts[position] > first:
                kept.append((first, cuts[position] - 1))
            first = cuts[position] + 1
            position += 1
        if first <= last:
            kept.append((first, last))
    return kept


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


def _without_code(source: str, code_spans: list[tuple[int, int]], start: int, end: int) -> str:
    """The text of a range with its code spans (``code_spans``: those that overlap the range)
    replaced by spaces."""
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
    return "".join(pieces)


def _masked(texts: list[str]) -> str:
    """The texts of the ranges joined by newlines, every non-prose character replaced by a space.

    Each pattern runs over the joined text at once.  A pattern whose matches hold no line break
    finds there exactly what it finds in each range (a range ends at the end of a line, and the
    newline after it is no more part of a match than the end of the text).  A pattern that can
    span lines finds the same as well unless a match spans two ranges; it then runs range by
    range."""
    text = "\n".join(texts)
    for needles, pattern, closing in _MASKS:
        # (a character is found at C speed, and most notes lack the rarer ones)
        if not any(needle[0] in text and needle in text for needle in needles):
            continue
        if pattern is _URL:
            text = _mask_lines(text, pattern, needles)
            continue
        if not closing:
            text = pattern.sub(_blank_match, text)
            continue
        matches = list(pattern.finditer(text, 0, text.rfind(closing) + len(closing)))
        if not matches:
            continue
        if any("\n" in match.group() for match in matches) and _spans_ranges(text, matches, texts):
            text = "\n".join(_masked_part(pattern, closing, part) for part in _split_ranges(text, texts))
            continue
        pieces = []
        position = 0
        for match in matches:
            start, end = match.span()
            pieces.append(text[position:start])
            pieces.append(_blank(match.group()))
            position = end
        pieces.append(text[position:])
        text = "".join(pieces)
    return text


def _masked_part(pattern: re.Pattern[str], closing: str, part: str) -> str:
    """``pattern.sub(_blank_match, part)``, searched up to the last ``closing`` only."""
    end = part.rfind(closing) + len(closing)
    if end < len(closing):
        return part
    return pattern.sub(_blank_match, part[:end]) + part[end:]


def _mask_lines(text: str, pattern: re.Pattern[str], needles: tuple[str, ...]) -> str:
    """``pattern.sub(_blank_match, text)`` for a pattern whose matches hold no line break and one
    of ``needles`` each (the URL mask, which has no first character for the engine to skip to):
    only the lines that hold a needle are searched, each as it is searched in the whole text (a
    match starts after the line break before it, or at the start, either way after no word
    character)."""
    lines: set[tuple[int, int]] = set()
    for needle in needles:
        position = text.find(needle)
        while position != -1:
            start = text.rfind("\n", 0, position) + 1
            end = text.find("\n", position)
            end = len(text) if end == -1 else end
            lines.add((start, end))
            position = text.find(needle, end)
    pieces = []
    position = 0
    for start, end in sorted(lines):
        pieces.append(text[position:start])
        pieces.append(pattern.sub(_blank_match, text[start:end]))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _range_ends(texts: list[str]) -> list[int]:
    """Where each range ends in the joined text (where the newline after it is)."""
    ends = []
    position = -1
    for part in texts:
        position += len(part) + 1
        ends.append(position)
    return ends


def _spans_ranges(text: str, matches: list[re.Match[str]], texts: list[str]) -> bool:
    """Whether a match holds the newline between two ranges."""
    ends = _range_ends(texts)
    for match in matches:
        start, end = match.span()
        after = bisect.bisect_left(ends, start)  # the first range end at or after the start
        if after < len(ends) - 1 and ends[after] < end:
            return True
    return False


def _split_ranges(text: str, texts: list[str]) -> list[str]:
    """The joined text cut back into its ranges (same lengths as ``texts``)."""
    parts = []
    position = 0
    for part in texts:
        parts.append(text[position : position + len(part)])
        position += len(part) + 1
    return parts


def _blank_match(match: re.Match[str]) -> str:
    return _blank(match.group())


def is_checkable(word: str) -> bool:
    """Whether a word is spelled by people: not an acronym, identifier or mixed-case name."""
    if len(word) < 3 or not word.isalpha():
        return False
    return word[1:].islower()


def prose_words(document: Document) -> tuple[Word, ...]:
    """The checkable words of the note's prose in the order they occur, hyphenated words split
    into their parts (every word located: the rules ask :func:`prose_vocabulary` instead)."""
    vocabulary = prose_vocabulary(document)
    return tuple(vocabulary.locate(vocabulary.counts))


def prose_vocabulary(document: Document) -> ProseVocabulary:
    """The checkable words of the note's prose with how often each occurs (computed once per
    document: both typos rules need them); :meth:`ProseVocabulary.locate` finds where."""
    return document.derived(_document_vocabulary)


class ProseVocabulary(NamedTuple):
    """The note's prose, masked, and its checkable words.

    ``masked`` holds the masked text of every prose range, joined by newlines (a newline is no
    part of a run and no part of a name, like the edge of a range); ``range_starts`` gives where
    each range begins in ``masked`` and ``source_starts`` where it begins in the note.  ``runs``
    counts the runs of letters, digits, underscores, apostrophes and hyphens (three or more, not
    part of a name), ``split`` holds the words of each run that is not a word of letters (with
    their offsets in it), ``holders`` the runs of ``split`` that hold each of those words, and
    ``counts`` counts the checkable words.

    Most words of a note are fine: the rules look each distinct word up once and ask for the
    positions of the few they report.
    """

    masked: str
    range_starts: tuple[int, ...]
    source_starts: tuple[int, ...]
    runs: dict[str, int]
    split: dict[str, tuple[tuple[int, str], ...]]
    holders: dict[str, list[str]]
    counts: dict[str, int]

    def locate(self, words: Collection[str]) -> list[Word]:
        """Every occurrence of ``words`` (checkable words of this note) in the note, in order."""
        wanted = {word for word in words if word in self.runs}  # runs of one plain word
        for word in words:
            wanted.update(self.holders.get(word, ()))
        if not wanted:
            return []
        masked = self.masked
        found: list[tuple[int, str]] = []  # (offset in masked, run)
        if len(wanted) <= _FEW_RUNS:
            # a few runs: find their text, keep the places where it is a whole run
            for run in wanted:
                position = masked.find(run)
                while position != -1:
                    match = _RUN.match(masked, position)
                    if match is not None and match.end() == position + len(run):
                        found.append((position, run))
                    # (no whole run starts inside the run characters from here on; the pattern
                    # always matches, if only the empty text)
                    characters = _RUN_CHARACTERS.match(masked, position)
                    position = masked.find(run, characters.end() if characters else position + 1)
            found.sort()
        else:  # many runs: one pass over all (linear whatever the number of words)
            found = [(match.start(), run) for match in _RUN.finditer(masked) if (run := match.group()) in wanted]
        located: list[Word] = []
        starts = self.range_starts
        for position, run in found:
            number = bisect.bisect_right(starts, position) - 1
            offset = self.source_starts[number] + position - starts[number]
            for relative, piece in self.split.get(run, ((0, run),)):
                if piece in words:
                    located.append(Word(offset + relative, offset + relative + len(piece), piece))
        return located


# A run of three or more letters, digits, underscores, apostrophes and hyphens (a shorter run
# holds no checkable word) that is not part of a file name, domain, path, e-mail address or
# handle (``setup.py``, ``src/x``, ``a@b.org``, ``@user``, ``#tag``): no run character, none of
# /@#~\ and no dot after a letter or digit before it; none of /@\ and no dot before a letter
# or digit after it.
# The first character comes first so that the engine skips to candidates at C speed; the checks
# of what comes before it then look two characters back.  Possessive: a run is taken whole or
# not at all, so each character is looked at a bounded number of times.
_RUN = re.compile(r"[\w'’-](?<![\w'’-].)(?<![/@#~\\].)(?<![^\W_]\..)[\w'’-]{2,}+(?![/@\\]|\.[^\W_])")
# The same for a text of ASCII characters only, where \w means the same and is checked faster.
_ASCII_RUN = lazy(_RUN.pattern, re.ASCII)
_AFTER_FIRST = itemgetter(slice(1, None))
_RUN_CHARACTERS = re.compile(r"[\w'’-]*")
# Above this many distinct runs, locating words walks every run once instead of searching each.
_FEW_RUNS = 8


def _pieces(run: str) -> tuple[tuple[int, str], ...]:
    """The checkable words of a run that is not one plain word, with their offsets in it: the
    parts of a hyphenated word, apostrophes and a final ``'s`` stripped."""
    if _DIGIT_OR_UNDERSCORE.search(run):
        return ()
    pieces: list[tuple[int, str]] = []
    offset = 0
    for piece in run.split("-"):
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
            pieces.append((begin, piece))
    return tuple(pieces)


def _runs(masked: str) -> Counter[str]:
    """How often each run (:data:`_RUN`) occurs in ``masked``.  No run holds or looks past
    whitespace, so the runs of the text are those of its whitespace-separated chunks; a chunk of
    letters only (most of them) is a run when it has three or more, found at C speed, and the
    pattern looks at the other chunks only."""
    chunks = masked.split()
    runs = Counter(filter(str.isalpha, chunks))
    for short in [run for run in runs if len(run) < 3]:
        del runs[short]
    others = " ".join(filterfalse(str.isalpha, chunks))
    runs.update((_ASCII_RUN if others.isascii() else _RUN).findall(others))
    return runs


def _document_vocabulary(document: Document) -> ProseVocabulary:
    source = document.text
    ranges = tuple(prose_ranges(document))
    texts = [
        _without_code(source, spans, start, end) if spans else source[start:end]
        for (start, end), spans in zip(ranges, _spans_by_range(ranges, document.code_spans))
    ]
    range_starts = []
    position = 0
    for text in texts:
        range_starts.append(position)
        position += len(text) + 1
    masked = _masked(texts)
    runs = _runs(masked)
    # Words of letters, a capital first or not (most runs): sorted out at C speed.
    letters = list(filter(str.isalpha, runs))
    plain = list(compress(letters, map(str.islower, map(_AFTER_FIRST, letters))))
    counts: dict[str, int] = dict(zip(plain, map(runs.__getitem__, plain)))
    split: dict[str, tuple[tuple[int, str], ...]] = {}
    holders: dict[str, list[str]] = {}
    for run in filterfalse(str.isalpha, runs):  # digits, underscores, hyphens, apostrophes
        number = runs[run]
        pieces = split[run] = _pieces(run)
        for _, piece in pieces:
            counts[piece] = counts.get(piece, 0) + number
            holders.setdefault(piece, []).append(run)
    return ProseVocabulary(
        masked, tuple(range_starts), tuple(start for start, _ in ranges), runs, split, holders, counts
    )
