from __future__ import annotations

from collections.abc import Iterator

from notelint.diagnostics import Edit, Fix, Violation
from notelint.document import Document
from notelint.rule import rule
from notelint.rules.math.options import MathOptions


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

    ## Fix
    Removes the blank lines and the trailing spaces (safe: KaTeX renders the same formula).
    """
    for token in document.tokens:
        if token.type != "fence" or token.map is None or token.info.split(maxsplit=1)[:1] != ["math"]:
            continue
        first, last = token.map[0] + 2, token.map[1] - 1
        closed = last >= first and document.line_text(last).strip().startswith(token.markup)
        if not closed:
            last += 1
        for line in range(first, min(last, document.line_count + 1)):
            text = document.line_text(line)
            start = document.offset(line)
            if not text.strip():
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
