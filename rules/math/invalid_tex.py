from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from notelint.diagnostics import Violation
from notelint.document import Document
from notelint.rule import rule
from notelint.rules.math.options import MathOptions

if TYPE_CHECKING:
    from notelint.rules.math.tex import TexError


@rule(code="NL400", name="math-invalid-tex", family="math", severity="error", options=MathOptions)
def math_invalid_tex(document: Document, options: MathOptions) -> Iterator[Violation]:
    """## What it does
    Checks every formula the way KaTeX (GitLab's math renderer) parses it: unknown commands
    (`\\lightning`, `\\foo`), unbalanced braces, `\\begin`/`\\end` mismatches and unknown
    environments, `\\left` without `\\right`, missing arguments (`\\frac{a}`, `x^`), double
    superscripts or subscripts (`x^a^b`), display-only environments in inline math (`align`) and `$`
    inside math. The finding points at the exact place inside the formula.

    ## Why is this bad?
    GitLab renders math with KaTeX and `throwOnError`: one bad formula shows *"There was an error
    rendering this math block"* instead of the formula. The command table comes from the KaTeX
    package itself (see `tools/extract_katex_names.py`).

    ## Example
    ```markdown
    - scoring on training points $`\\rightarrow \\lightning`$ overfitting
    ```

    Use instead:
    ```markdown
    - scoring on training points $`\\rightarrow \\text{↯}`$ overfitting
    ```

    ## Fix
    None: the right formula is the author's choice. The message suggests a replacement where one
    is known (`\\text{↯}` or `\\bot` for `\\lightning`).

    ## Options
    `engine = "katex"` in `[tool.notelint.math]` checks with the real KaTeX through `node` (the
    `katex` package is looked up from the current folder, the note's folder and `NODE_PATH`); without
    node or the package, the built-in checker is used.
    """
    from notelint.rules.math.scanner import find_math
    from notelint.rules.math.tex import TexError

    spans = find_math(document)
    errors: list[TexError | None] | None = None
    if options.engine == "katex":
        from notelint.rules.math.engine import katex_errors

        errors = katex_errors([(span.tex, span.display) for span in spans], document.path)
    if errors is None:
        errors = [_checked(span.tex, span.display) for span in spans]
    for span, error in zip(spans, errors, strict=True):
        if error is None:
            continue
        start = span.offset_of(error.start)
        end = max(start + 1, span.offset_of(error.end))
        yield Violation(start, end, f"Invalid TeX (KaTeX): {error.message}")


@lru_cache(maxsize=4096)
def _checked(tex: str, display: bool) -> TexError | None:
    """The built-in checker's answer, remembered for the rest of the process: the notes of a
    repository repeat many formulas (`\\rightarrow`, `\\mathcal{O}(n)`)."""
    from notelint.rules.math.tex import check_tex

    return check_tex(tex, display)
