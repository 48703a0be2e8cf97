from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from notelint.diagnostics import Edit, Fix, Violation
from notelint.document import Document, fence_is_closed, is_blank, is_math_fence
from notelint.rule import rule
from notelint.rules.math.options import MathOptions

if TYPE_CHECKING:
    from notelint.block_state import Token

_MAX_PARAGRAPHS = 6


def _broken_dollar_blocks(document: Document) -> Iterator[Violation]:
    """``$$`` blocks split into paragraphs by blank lines: joining the paragraphs (in the same
    container, separated by blank lines only) makes one display formula that starts in the first."""
    from notelint.rules.math.scanner import scan_inline

    if "$$" not in document.text:
        return
    tokens = document.block_tokens
    paragraphs = [
        index for index in document.positions("inline")
        if tokens[index].map is not None and index and tokens[index - 1].type == "paragraph_open"
    ]
    position = 0
    while position < len(paragraphs):
        first = paragraphs[position]
        text = tokens[first].content
        if "$$" not in text:
            position += 1
            continue
        own = {span.start for span in scan_inline(text) if span.kind == "double"}
        chain = [first]
        joined = text
        found = None
        for following in paragraphs[position + 1 : position + _MAX_PARAGRAPHS]:
            previous = chain[-1]
            if following != previous + 3 or tokens[following].level != tokens[previous].level:
                break
            gap = range(tokens[previous].map[1] + 1, tokens[following].map[0] + 1)  # type: ignore[index]
            if not gap or not all(is_blank(document.line_text(line)) for line in gap):
                break
            chain.append(following)
            boundary = len(joined)
            joined = joined + "\n" + tokens[following].content
            found = next((span for span in scan_inline(joined) if span.kind == "double" and span.start not in own
                          and span.start < len(text) and span.end > boundary), None)
            if found is not None:
                break
        if found is None:
            position += 1
            continue
        gaps = [
            Edit.delete(document.offset(tokens[previous].map[1] + 1),  # type: ignore[index]
                        document.offset(tokens[following].map[0] + 1))  # type: ignore[index]
            for previous, following in zip(chain, chain[1:])
        ]
        fix = None
        # (inside a list item, the blank line may be what makes its list loose: without it every
        # other paragraph of the list would render differently; a top-level inline token has level 1)
        in_place = tokens[chain[0]].level == 1 or _alone_in_its_list(tokens, chain)
        if in_place and _code_spans_kept([tokens[index].content for index in chain]):
            fix = Fix.safe("Remove the blank lines", *gaps)
        yield Violation(gaps[0].start, gaps[0].end, "Blank line inside a $$…$$ block: GitLab shows it as text", fix)
        position += len(chain)


def _alone_in_its_list(tokens: list[Token], chain: list[int]) -> bool:
    """Whether the paragraphs (their inline tokens at ``chain``) are all there is of the only
    item of a list: then the list turning tight changes nothing else."""
    first_open = chain[0] - 1
    item = first_open - 1
    if item < 1 or tokens[item].type != "list_item_open" or tokens[item - 1].type not in _LIST_OPENS:
        return False
    after = chain[-1] + 2  # (past the last paragraph's close; the paragraphs follow each other)
    return after + 1 < len(tokens) and tokens[after].type == "list_item_close" and tokens[after + 1].type in _LIST_CLOSES


_LIST_OPENS = ("bullet_list_open", "ordered_list_open")
_LIST_CLOSES = ("bullet_list_close", "ordered_list_close")


def _code_spans_kept(paragraphs: list[str]) -> bool:
    """Whether the paragraphs joined into one keep their code spans as they are: a backtick that
    opens no code span in one paragraph (it has no closer there) may close with one of the next."""
    from notelint.spans import code_spans

    expected: list[tuple[int, int]] = []
    offset = 0
    for text in paragraphs:
        expected.extend((start + offset, end + offset) for start, end in code_spans(text))
        offset += len(text) + 1
    return code_spans("\n".join(paragraphs)) == expected


@rule(code="NL405", name="math-blank-line", family="math", severity="warning", fixable=True, options=MathOptions)
def math_blank_line(document: Document, options: MathOptions) -> Iterator[Violation]:
    """## What it does
    Finds blank lines and trailing spaces inside a display math block (```` ```math````).

    ## Why is this bad?
    KaTeX ignores them, but the same formula moved into a `$$…$$` block stops being math at the
    blank line, and editors and diffs show the stray whitespace.

    ## Example
    ````markdown
    ```math
    \\begin{equation}
      Q=U\\Sigma V^T

    \\end{equation}
    ```
    ````

    Use instead:
    ````markdown
    ```math
    \\begin{equation}
      Q=U\\Sigma V^T
    \\end{equation}
    ```
    ````

    A `$$…$$` block with a blank line inside is worse: the blank line ends the paragraph, so
    GitLab shows the TeX as text.

    ## Fix
    Removes the blank lines and the trailing spaces (safe: KaTeX renders the same formula). In a
    `$$…$$` block the blank lines are removed only when GitLab then reads the whole block as one
    formula and every code span stays as it was (a backtick left alone in one paragraph could
    pair with one of the next), and inside a list only when the block is all of its only item
    (elsewhere the blank line may be what makes the list loose).
    """
    yield from _broken_dollar_blocks(document)
    tokens = document.block_tokens
    for token in map(tokens.__getitem__, document.positions("fence")):
        if token.map is None or not is_math_fence(token.info):
            continue
        first = token.map[0] + 2  # (1-based, the line after the opening fence)
        if fence_is_closed(token):
            stop = token.map[1]  # (the closing fence's line)
        else:  # it runs to the end of its container, and so do its last blank lines: not inside
            stop = min(token.map[1], document.line_count) + 1
            while stop > first and is_blank(document.line_text(stop - 1)):
                stop -= 1
        for line in range(first, stop):
            text = document.line_text(line)
            start = document.offset(line)
            if is_blank(text):
                end = document.offset(line + 1) if line < document.line_count else document.index.line_end(line)
                if end == start and line == document.line_count:
                    continue
                yield Violation(start, max(start + len(text), start), "Blank line inside a math block",
                                Fix.safe("Remove the blank line", Edit.delete(start, end)))
                continue
            stripped = text.rstrip(" \t")
            if stripped != text:
                yield Violation(start + len(stripped), start + len(text), "Trailing whitespace inside a math block",
                                Fix.safe("Remove trailing whitespace", Edit.delete(start + len(stripped), start + len(text))))
