from __future__ import annotations

from collections.abc import Iterator

from notelint.diagnostics import Edit, Fix, Violation
from notelint.document import Document
from notelint.rule import rule
from notelint.rules.math.options import MathOptions


@rule(code="NL403", name="math-padding", family="math", severity="warning", fixable=True, options=MathOptions)
def math_padding(document: Document, options: MathOptions) -> Iterator[Violation]:
    """## What it does
    Finds spaces just inside ``$`…`$`` delimiters: ``$` x `$``.

    ## Why is this bad?
    GitLab strips one space on each side, so the padding does nothing; other tools keep it, or do
    not see math at all when the delimiters are not tight.

    ## Example
    ```markdown
    - cost $` \\mathcal{O}(n) `$
    ```

    Use instead:
    ```markdown
    - cost $`\\mathcal{O}(n)`$
    ```

    ## Fix
    Removes the spaces (safe: KaTeX receives the same formula). A space that follows a backslash
    (`\\ `, a TeX space) is kept.
    """
    from notelint.rules.math.scanner import find_math

    text = document.text
    for span in find_math(document):
        if span.kind != "code":
            continue
        inner_start, inner_end = span.start + 2, span.end - 2
        inner = text[inner_start:inner_end]
        stripped = inner.strip(" ")
        if not stripped or stripped == inner or "\n" in inner or "`" in inner:
            continue
        lead = len(inner) - len(inner.lstrip(" "))
        trail = len(inner) - len(inner.rstrip(" "))
        if trail and stripped.endswith("\\"):
            trail -= 1
        edits = []
        if lead:
            edits.append(Edit.delete(inner_start, inner_start + lead))
        if trail:
            edits.append(Edit.delete(inner_end - trail, inner_end))
        if not edits:
            continue
        yield Violation(span.start, span.end, "Spaces inside $`…`$ delimiters", Fix.safe("Remove the padding", *edits))
