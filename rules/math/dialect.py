from __future__ import annotations

from collections.abc import Iterator

from notelint.diagnostics import Edit, Fix, Violation
from notelint.document import Document
from notelint.rule import rule
from notelint.rules.math.options import MathOptions

_NOT_SIMPLE = ("`", "$", "\n")


def _simple(tex: str) -> bool:
    """Content that reads the same in both syntaxes."""
    return bool(tex) and not any(char in tex for char in _NOT_SIMPLE) and not tex.endswith("\\")


@rule(code="NL404", name="math-dialect", family="math", severity="warning", fixable=True, options=MathOptions)
def math_dialect(document: Document, options: MathOptions) -> Iterator[Violation]:
    """## What it does
    Finds inline math written in the other dialect than the one configured with
    `[tool.notelint.math] dialect`: `$x$` (and `$$x$$`) in `gitlab` notes, ``$`x`$`` in
    `dollars` notes. `both` accepts either.

    ## Why is this bad?
    Mixing the two makes notes render differently across tools: pandoc, GitLab and GitHub read
    ``$`x`$``, while `$x$` follows pandoc's fragile rules (no space inside, no digit after, money
    amounts like `$5 and $10`). Pick one.

    ## Example
    ```markdown
    - complexity $\\mathcal{O}(n)$
    ```

    Use instead (dialect `gitlab`):
    ```markdown
    - complexity $`\\mathcal{O}(n)`$
    ```

    ## Fix
    Simple formulas (no backtick, `$`, line break or trailing backslash; in a `dollars` note also
    no space at the ends and no `|`) get the other delimiters (safe). The fix is offered only when
    GitLab's scan of the paragraph finds the same formulas afterwards: new delimiters next to a
    backtick or before a digit would change it (nor in a paragraph so long and so full of
    formulas, about a million characters of them, that checking each would take minutes).
    `$$x$$` in a `gitlab` note is reported without a fix (a math block is the better
    replacement, and it changes the layout).
    """
    from notelint.rules.math.scanner import same_math, scanned_segments

    if options.dialect == "both":
        return
    for text, offsets, spans in scanned_segments(document):
        for raw in spans:
            start, end = offsets[raw.start], offsets[raw.end - 1] + 1
            inner = text[raw.cstart : raw.cend]
            if options.dialect == "gitlab" and raw.kind == "dollar":
                fix = None
                if _simple(inner) and same_math(text, spans, raw, "$`" + inner + "`$"):
                    fix = Fix.safe("Write $`…`$", Edit(start, start + 1, "$`"), Edit(end - 1, end, "`$"))
                yield Violation(start, end, "Dollar math $…$ in a note using GitLab math: write $`…`$", fix)
            elif options.dialect == "gitlab" and raw.kind == "double":
                yield Violation(start, end, "Dollar math $$…$$ in a note using GitLab math: use a ```math block")
            elif options.dialect == "dollars" and raw.kind == "code":
                fix = None
                if (_simple(inner) and inner == inner.strip() and "|" not in inner
                        and same_math(text, spans, raw, "$" + inner + "$")):
                    fix = Fix.safe("Write $…$", Edit(start, start + 2, "$"), Edit(end - 2, end, "$"))
                yield Violation(start, end, "GitLab math $`…`$ in a note using dollar math: write $…$", fix)
