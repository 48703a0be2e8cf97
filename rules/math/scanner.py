"""Find math in a note the way GitLab's parser (comrak, with ``math_code`` and ``math_dollars``) does.

- Inline ``$`…`$``: a ``$`` followed by a backtick opens; the first later backtick followed by
  ``$`` closes; the content has at least one character and may wrap across lines (a line break
  becomes a space; one space is stripped from each side when both sides have one).
- ``$…$`` and ``$$…$$`` with pandoc's rules: no space just inside a single ``$``, no digit after
  the closing single ``$``, a ``$`` escaped by a backslash does not close.
- Display blocks: fenced code blocks whose info string's first word is ``math`` (from the core
  ``fence`` token, so ```` ``` math````, ``~~~math`` and fences inside list items all count).

Inline scanning runs over the text of each ``inline`` token, code spans and backslash escapes
are skipped exactly as the inline parser does, and every span carries exact document offsets.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Literal, NamedTuple, TYPE_CHECKING

from notelint.document import is_math_fence

if TYPE_CHECKING:
    from notelint.block_state import Token

    from notelint.document import Document

Kind = Literal["code", "dollar", "double", "fence"]
_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_SPACE = frozenset(" \t\n\r\f\v")
_MAX_BACKTICKS = 80


class MathSpan(NamedTuple):
    """One formula: ``start``/``end`` cover the delimiters, ``tex`` is what KaTeX receives and
    ``tex_offsets[i]`` is the document offset of ``tex[i]`` (one extra entry for its end)."""

    kind: Kind
    start: int
    end: int
    tex: str
    tex_offsets: tuple[int, ...]
    display: bool
    info: str = ""

    @property
    def content_start(self) -> int:
        return self.tex_offsets[0]

    @property
    def content_end(self) -> int:
        return self.tex_offsets[-1]

    def offset_of(self, index: int) -> int:
        """Document offset of a position inside ``tex`` (clamped)."""
        return self.tex_offsets[max(0, min(index, len(self.tex_offsets) - 1))]


class RawSpan(NamedTuple):
    """A span found in a scanned string: delimiters ``[start, end)``, content ``[cstart, cend)``."""

    kind: Kind
    start: int
    end: int
    cstart: int
    cend: int


# Where scan_inline has something to do; it skips to the next one at C speed.
_SPECIAL = re.compile(r"[\\`\[\]<$]")


def scan_inline(text: str) -> list[RawSpan]:
    """Math spans in the text of one paragraph (or heading, or table cell), as comrak finds them."""
    spans: list[RawSpan] = []
    backticks = _BacktickCache()
    brackets = 0
    length = len(text)
    position = 0
    next_special = _SPECIAL.search  # the other characters are only stepped over
    while position < length:
        found = next_special(text, position)
        if found is None:
            break
        position = found.start()
        char = text[position]
        if char == "\\":
            following = text[position + 1] if position + 1 < length else ""
            position += 2 if following and (following in _PUNCTUATION or following == "\n") else 1
        elif char == "`":
            run_end = _run_end(text, position, "`")
            closer = backticks.closing(text, run_end, run_end - position)
            position = run_end if closer is None else closer
        elif char == "[":
            brackets += 1
            position += 1
        elif char == "]" and brackets:
            brackets -= 1
            skipped = _skip_markup(text, position) if text.startswith("](", position) else None
            position = skipped if skipped is not None else position + 1
        elif char == "<":
            skipped = _skip_markup(text, position)
            position = skipped if skipped is not None else position + 1
        elif char == "$":
            dollars = _dollars(text, position)
            if isinstance(dollars, RawSpan):
                spans.append(dollars)
                position = dollars.end
            else:
                position = dollars
        else:  # a "]" outside brackets
            position += 1
    return spans


@cache
def _markup_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Autolinks and raw HTML (``<…>``), and inline link destinations (``](…)``): their ``$`` are not math."""
    from notelint.block_rules import HTML_TAG

    angle = re.compile(
        r"<[A-Za-z][A-Za-z0-9.+-]{1,31}:[^<>\x00-\x20]*>"
        r"|<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*>"
        r"|" + HTML_TAG
    )
    destination = re.compile(
        r"\]\(\s*(?:<[^<>\n]*>|(?!<)(?:\\.|[^\s()\\]|\((?:\\.|[^\s()\\])*\))*)"
        r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)"
    )
    return angle, destination


def _skip_markup(text: str, position: int) -> int | None:
    angle, destination = _markup_patterns()
    match = (angle if text[position] == "<" else destination).match(text, position)
    return match.end() if match else None


def _run_end(text: str, position: int, char: str) -> int:
    while position < len(text) and text[position] == char:
        position += 1
    return position


class _BacktickCache:
    """cmark's search for a closing backtick run, including its cache of where runs of each
    length were last seen: once a search has reached the end of the paragraph, a run whose
    length was last seen before the opener is taken as having no closer (comrak does the same)."""

    __slots__ = ("last_seen", "scanned")

    def __init__(self) -> None:
        self.last_seen: dict[int, int] = {}
        self.scanned = False

    def closing(self, text: str, position: int, size: int) -> int | None:
        """End of the closing run for an opener of ``size`` backticks ending at ``position``."""
        if size > _MAX_BACKTICKS or (self.scanned and self.last_seen.get(size, 0) <= position):
            return None
        while True:
            found = text.find("`", position)
            if found == -1:
                self.scanned = True
                return None
            position = _run_end(text, found, "`")
            if position - found <= _MAX_BACKTICKS:
                self.last_seen[position - found] = found
            if position - found == size:
                return position


def _dollars(text: str, start: int) -> RawSpan | int:
    """A math span opening at ``start`` or the position to continue scanning from."""
    length = len(text)
    run_end = _run_end(text, start, "$")
    opening = run_end - start
    if opening == 1 and run_end < length and text[run_end] == "`":
        # The first ``$`` with a backtick before it closes (the opening backtick counts).
        close = text.find("`$", run_end)
        if close == -1:
            return run_end
        if close > run_end + 1:
            return RawSpan("code", start, close + 2, run_end + 1, close)
        return run_end
    if opening > 2 or (opening == 1 and (run_end >= length or text[run_end] in _SPACE)):
        return run_end
    position = run_end
    while True:
        found = text.find("$", position)
        if found == -1:
            return run_end
        before = text[found - 1]
        if opening == 1 and before in _SPACE:
            return run_end
        if opening == 1 and before == "\\":
            position = found + 1
            continue
        if opening == 1:
            if found + 1 < length and text[found + 1].isdigit():
                return run_end
            return RawSpan("dollar", start, found + 1, run_end, found)
        if found + 1 < length and text[found + 1] == "$":
            return RawSpan("double", start, found + 2, run_end, found)
        position = found + 1


# same_math scans the whole paragraph again for each formula it is asked about: in a paragraph
# whose length times its number of formulas exceeds this (a million characters of formulas, say),
# it answers False at once rather than take the square of the paragraph's size.
RESCAN_LIMIT = 5_000_000


def same_math(text: str, spans: Sequence[RawSpan], raw: RawSpan, replacement: str) -> bool:
    """Whether GitLab's parser finds the same formulas in ``text`` after ``raw`` (one of ``spans``)
    is replaced: new or moved delimiters must not pair up with backticks or dollars around them.
    Contents are compared without the spaces at their ends (GitLab strips them). False, without
    a look, in a paragraph too long and full of formulas to scan once per formula
    (:data:`RESCAN_LIMIT`)."""
    if len(text) * len(spans) > RESCAN_LIMIT:
        return False
    changed = text[: raw.start] + replacement + text[raw.end :]
    before = [text[span.cstart : span.cend].strip(" ") for span in spans]
    after = [changed[span.cstart : span.cend].strip(" ") for span in scan_inline(changed)]
    return before == after and _same_code_spans_around(text, changed, raw.start, raw.end, raw.start + len(replacement))


def _same_code_spans_around(text: str, changed: str, start: int, end: int, new_end: int) -> bool:
    """Whether CommonMark pairs the backticks outside ``start..end`` (``start..new_end`` in
    ``changed``) into the same code spans: backticks a rewrite adds or removes must not pair up
    with others (the fix verifier would find a code span gone or new)."""
    from notelint.spans import code_spans

    shift = new_end - end

    def outside(spans: list[tuple[int, int]], stop: int, moved: int) -> list[tuple[int, int]] | None:
        kept = []
        for span_start, span_end in spans:
            if span_end <= start:
                kept.append((span_start, span_end))
            elif span_start >= stop:
                kept.append((span_start + moved, span_end + moved))
            elif not (start <= span_start and span_end <= stop):
                return None  # a span reaching across the rewritten text
        return kept

    kept_before = outside(code_spans(text), end, shift)
    kept_after = outside(code_spans(changed), new_end, 0)
    return kept_before is not None and kept_before == kept_after


def _code_tex(text: str, cstart: int, cend: int) -> tuple[int, int]:
    """comrak strips one space from each side of ``$`…`$`` content when both sides have one."""
    content = text[cstart:cend].replace("\n", " ")
    if len(content) >= 2 and content[0] == " " and content[-1] == " " and content.strip(" "):
        return cstart + 1, cend - 1
    return cstart, cend


def inline_segments(document: Document) -> list[tuple[str, tuple[int, ...]]]:
    """The text of every inline token and the document offset of each of its characters (plus its end).

    Each line of a token's content is matched to the end of its source line, so container
    prefixes (list indentation, ``>``) are left out and offsets stay exact.
    """
    return [(text, offsets) for text, offsets, _ in scanned_segments(document)]


def scanned_segments(document: Document) -> tuple[tuple[str, tuple[int, ...], tuple[RawSpan, ...]], ...]:
    """:func:`inline_segments` with the math spans :func:`scan_inline` finds in each: computed
    once per document for every math rule."""
    return document.derived(_scanned_segments)


def _scanned_segments(document: Document) -> tuple[tuple[str, tuple[int, ...], tuple[RawSpan, ...]], ...]:
    return tuple((text, offsets, tuple(scan_inline(text))) for text, offsets in _inline_segments(document))


def _inline_segments(document: Document) -> list[tuple[str, tuple[int, ...]]]:
    segments: list[tuple[str, tuple[int, ...]]] = []
    row_cursor: dict[int, int] = {}
    tokens = document.block_tokens
    for token in map(tokens.__getitem__, document.positions("inline")):
        if token.map is None or "$" not in token.content:
            continue
        lines = token.content.split("\n")
        first = token.map[0] + 1
        offsets: list[int] = []
        source_lines = token.map[1] - token.map[0]
        if len(lines) == 1 and source_lines == 1:
            raw = document.line_text(first)
            base = document.offset(first)
            where = raw.find(lines[0], row_cursor.get(first, 0))
            if where == -1:
                continue
            row_cursor[first] = where + len(lines[0])
            offsets.extend(range(base + where, base + where + len(lines[0]) + 1))
        elif len(lines) <= source_lines:
            ok = True
            for number, line in enumerate(lines):
                raw = document.line_text(first + number)
                if number:
                    line = line.lstrip(" \t")
                    lines[number] = line
                where = len(raw) - len(line) if raw.endswith(line) else raw.rfind(line)
                if where < 0:
                    ok = False
                    break
                base = document.offset(first + number) + where
                offsets.extend(range(base, base + len(line) + 1))
            if not ok:
                continue
        else:
            continue
        segments.append(("\n".join(lines), tuple(offsets)))
    return segments


def _to_span(text: str, offsets: tuple[int, ...], raw: RawSpan) -> MathSpan:
    cstart, cend = (raw.cstart, raw.cend) if raw.kind != "code" else _code_tex(text, raw.cstart, raw.cend)
    tex = text[cstart:cend]
    if raw.kind != "double":
        tex = tex.replace("\n", " ")
    return MathSpan(
        raw.kind,
        offsets[raw.start],
        offsets[raw.end - 1] + 1,
        tex,
        offsets[cstart : cend + 1] if cend > cstart else (offsets[cstart],),
        display=raw.kind == "double",
    )


def fence_math(token: Token, document: Document) -> MathSpan | None:
    """A display math block from a ``fence`` token whose info string's first word is ``math``."""
    info = token.info.strip()
    if token.map is None or not is_math_fence(info):
        return None
    first, last = token.map[0] + 1, token.map[1]
    content_lines = token.content.split("\n")[:-1] if token.content else []
    offsets: list[int] = []
    pieces: list[str] = []
    for number, line in enumerate(content_lines):
        raw = document.line_text(first + 1 + number)
        base = document.offset(first + 1 + number) + max(0, len(raw) - len(line))
        pieces.append(line)
        offsets.extend(range(base, base + len(line) + 1))
    tex = "\n".join(pieces)
    if not offsets:
        offsets = [document.offset(first + 1)]
    end_line = last if last <= document.line_count else document.line_count
    return MathSpan("fence", document.offset(first), document.index.line_end(end_line), tex, tuple(offsets), True, token.info)


def find_math(document: Document) -> list[MathSpan]:
    """Every formula in the note, in document order (found once per document)."""
    return list(document.derived(_find_math))


def _find_math(document: Document) -> tuple[MathSpan, ...]:
    found: list[MathSpan] = []
    tokens = document.block_tokens
    for token in map(tokens.__getitem__, document.positions("fence")):
        span = fence_math(token, document)
        if span is not None:
            found.append(span)
    for text, offsets, spans in scanned_segments(document):
        found.extend(_to_span(text, offsets, raw) for raw in spans)
    found.sort(key=lambda span: span.start)
    return tuple(found)
